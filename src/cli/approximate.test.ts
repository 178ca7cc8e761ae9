/**
 * `uat approximate` end to end: the command builds, certifies and exports a network within a
 * minute; bad options and refused targets exit 2 with one line naming the problem (every bad-input
 * row is in `approximate.bad-input.test.ts`). Everything here runs in a child process, so mutation
 * runs (`UAT_MUTATION=1`) skip it: it reaches no mutated code in process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bin.mjs');

function uat(args: string[]): { status: number | null; stdout: string; stderr: string; ms: number } {
  const started = performance.now();
  const r = spawnSync(process.execPath, [BIN, 'approximate', ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - started };
}

describe.skipIf(process.env.UAT_MUTATION === '1')('uat approximate', () => {
  it('builds x1*x2 + i/2 within ε = 0.1, certifies it box-wise and exports uat-transformer/1', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'uat-approx-')), 'w.json');
    const r = uat(['--target', 'x1*x2 + i/2', '--tokens', '2', '--lipschitz', '2', '--epsilon', '0.1', '--export', file]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.ms).toBeLessThan(60_000);
    expect(r.stdout).toMatch(/total\s+0\.\d+ ≤ ε = 0\.1/);
    expect(r.stdout).toMatch(/box-wise bound over \[0,1\]\^n/);
    const json = JSON.parse(readFileSync(file, 'utf8')) as { format: string; tokens: number; heads: unknown[]; claim: { target: string } };
    expect(json.format).toBe('uat-transformer/1');
    expect(json.tokens).toBe(2);
    expect(json.heads).toHaveLength(2);
    expect(json.claim.target).toBe('x1*x2 + i/2');
  }, 120_000);

  it.each([
    [['--target', 'x1', '--tokens', '9', '--lipschitz', '1', '--epsilon', '0.1'], /--tokens.*must be an integer in \[2, 8\]/],
    [['--target', 'x1', '--tokens', '2', '--lipschitz', '1', '--epsilon', '2'], /--epsilon must be in \[0\.001, 1\], got "2"/],
    [['--target', 'x1', '--tokens', '2', '--epsilon', '0.1'], /--lipschitz is required with --target/],
    [['--target', 'x1*sin(x1 + x2)', '--tokens', '2', '--lipschitz', '4', '--epsilon', '0.1'], /cannot construct a network for target "x1\*sin\(x1 \+ x2\)": the product/],
    [['--library', '{"family":"nope"}', '--tokens', '2', '--epsilon', '0.1'], /argument target\.family must be one of/],
  ])('refuses %j with exit 2 and one line', (args, message) => {
    const r = uat(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  }, 60_000);
});

/**
 * The exported network, evaluated independently (`reference/evaluate_export.py`: the JSON and mpmath,
 * nothing of this project), is within ε of the target on seeded random inputs it was not built or
 * checked on; a tampered export (output bias moved by 2ε) is caught.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import { constructTransformer } from './construct.ts';
import { exportTransformer } from './model.ts';
import { expressionTheoremTarget } from './theorem-target.ts';

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'reference', 'evaluate_export.py');
const dir = mkdtempSync(path.join(tmpdir(), 'uat-export-'));
/** The independent evaluator needs python3 with mpmath (Debian: python3-mpmath); without it these tests skip, saying why. */
const hasMpmath = spawnSync('python3', ['-c', 'import mpmath'], { stdio: 'ignore' }).status === 0;
if (!hasMpmath) console.warn('src/transformer/export.test.ts: skipped, python3 with mpmath is not available (install python3-mpmath)');

function exported(text: string, n: number, L: string, eps: string, tamper = false): string {
  const c = constructTransformer(expressionTheoremTarget(text, n, new ExactDecimal(L)), new ExactDecimal(eps));
  const json = exportTransformer(c.weights, { target: text, lipschitz: L, epsilon: eps }) as { ffn: { b2: string[] } };
  if (tamper) json.ffn.b2 = [new ExactDecimal(json.ffn.b2[0]!).add(new ExactDecimal(eps).mul(2)).toFixed()];
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(json));
  return file;
}

function independent(file: string, seed: number): { status: number | null; result: { within: boolean; max_error: string; samples: number } } {
  const run = spawnSync('python3', [SCRIPT, file, '--samples', '150', '--seed', String(seed)], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return { status: run.status, result: JSON.parse(run.stdout) as { within: boolean; max_error: string; samples: number } };
}

// Mutation runs (`UAT_MUTATION=1`) skip these: each spawns python for seconds per mutant; the fast
// exact-value tests of construct.test.ts and model.test.ts cover the same code in process.
describe.skipIf(!hasMpmath || process.env.UAT_MUTATION === '1')('export uat-transformer/1, evaluated independently', () => {
  it.each([
    ['x1*x2 + i/2', 2, '2', '0.1'],
    ['max(x1,x2)', 2, '1', '0.1'],
    ['sin(x1) + x2/2', 2, '1.5', '0.05'],
    ['abs(x1 - x2) * i/2', 3, '3', '0.1'],
    ['x1*sin(x2) + i/4', 2, '2', '0.1'],
  ] as const)('%s (n = %i) is within ε', (text, n, L, eps) => {
    const { status, result } = independent(exported(text, n, L, eps), 20251124);
    expect(result.within, JSON.stringify(result)).toBe(true);
    expect(status).toBe(0);
    expect(new ExactDecimal(result.max_error).lte(eps)).toBe(true);
  }, 60_000);

  it('a tampered export is caught', () => {
    const { status, result } = independent(exported('x1*x2 + i/2', 2, '2', '0.1', true), 5);
    expect(result.within).toBe(false);
    expect(status).toBe(1);
  }, 60_000);
});

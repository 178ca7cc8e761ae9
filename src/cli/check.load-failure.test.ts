/**
 * `uat check` when proof files fail to load: one warning line per file on stderr (the first line of
 * its error), and the claims of the files that did load are still listed and checked. The loader of
 * proof files is replaced so that only `softmax-hardmax.ts` loads.
 */
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { PROOF_DIR, proofFiles } from '../registry/runtime.ts';
import { runProgram } from './program.ts';

vi.mock('./module-locations.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./module-locations.ts')>();
  return {
    ...real,
    importProofModule: (file: string) => (path.basename(file) === 'softmax-hardmax.ts' ? real.importProofModule(file) : Promise.reject(new Error(`cannot load ${path.basename(file)} on purpose\nsecond line`))),
  };
});

async function check(args: readonly string[], stdin = ''): Promise<{ exitCode: typeof process.exitCode; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  const input = vi.spyOn(process, 'stdin', 'get').mockReturnValue(Readable.from([stdin]) as unknown as typeof process.stdin);
  const before = process.exitCode;
  try {
    expect(await runProgram(['node', 'uat', 'check', ...args], { writeOut: (t) => (stdout += t), writeErr: (t) => (stderr += t) })).toBeUndefined();
    return { exitCode: process.exitCode, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    input.mockRestore();
    process.exitCode = before;
  }
}

const warnings = (): string =>
  proofFiles(PROOF_DIR)
    .filter((f) => path.basename(f) !== 'softmax-hardmax.ts')
    .map((f) => `uat check: warning: could not load ${f}: cannot load ${path.basename(f)} on purpose\n`)
    .join('');

describe('uat check with proof files that do not load', () => {
  it('--list: one warning per failed file, then the claims that loaded, findings marked', async () => {
    expect(warnings()).not.toBe('');
    expect(await check(['--list'])).toEqual({
      exitCode: undefined,
      stdout: [
        'softmax-hardmax/linf',
        'softmax-hardmax/l1',
        'softmax-hardmax/attention',
        'softmax-hardmax/temperature',
        'softmax-hardmax/monotone',
        'softmax-hardmax/margin-necessary (finding)',
        '',
      ].join('\n'),
      stderr: warnings(),
    });
  });

  it('the claims that loaded are answered; the others are unknown', async () => {
    const run = await check(['--digits', '7'], '{"claim": "softmax-hardmax/linf", "args": {"z": [1, 0], "lambda": 1}}\n{"claim": "piecewise-constant/modulus", "args": {}}\n');
    expect(run.stderr).toBe(warnings());
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe(
      '{"line":1,"claim":"softmax-hardmax/linf","verdict":"holds","lhs":"0.2689414","bound":"0.3678794"}\n' +
        '{"line":2,"claim":"piecewise-constant/modulus","verdict":"error","reason":"unknown claim \\"piecewise-constant/modulus\\"; `uat check --list` lists the claims"}\n',
    );
  });
});

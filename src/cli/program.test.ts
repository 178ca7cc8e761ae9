/**
 * The `uat` program in process ({@link runProgram}): usage errors are one line on stderr and status
 * 2, help and version status 0, a subcommand that ran leaves the status to the process; only the
 * named subcommand is loaded. (The spawned executable is tested in options.bad-input.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { oneLine, runProgram, SUBCOMMANDS } from './program.ts';

interface Captured {
  readonly status: number | undefined;
  readonly out: string;
  readonly err: string;
}

async function uat(...args: string[]): Promise<Captured> {
  let out = '';
  let err = '';
  const status = await runProgram(['node', 'uat', ...args], { writeOut: (t) => (out += t), writeErr: (t) => (err += t) });
  return { status, out, err };
}

const CORES_RANGE = /integer in \[1, \d+\]/;

describe('runProgram', () => {
  it.each([
    [['check', '--digits', '0'], "error: option '--digits <D>' argument '0' is invalid. must be an integer in [1, 1000].\n"],
    [['check', '--digits', ' 12x'], "error: option '--digits <D>' argument ' 12x' is invalid. must be an integer in [1, 1000].\n"],
    [['check', '--digits', '1001'], "error: option '--digits <D>' argument '1001' is invalid. must be an integer in [1, 1000].\n"],
    [['check', '--max-precision', '9'], "error: option '--max-precision <P>' argument '9' is invalid. must be an integer in [10, 1000].\n"],
    [['check', '--digits', '30', '--max-precision', '20'], 'error: --max-precision 20 is below --digits 30\n'],
    [['check', '--frobnicate'], "error: unknown option '--frobnicate'\n"],
    [['check', '--digits'], "error: option '--digits <D>' argument missing\n"],
    [['check', '/no/such/probes.jsonl'], 'uat: cannot read /no/such/probes.jsonl: no such file\n'],
  ])('uat %j → status 2 and exactly one line on stderr', async (args, message) => {
    const run = await uat(...args);
    expect(run).toEqual({ status: 2, out: '', err: message });
  });

  it('--jobs outside 1..cores → status 2 naming the range', async () => {
    for (const jobs of ['0', '-1', '100000', 'auto', '1.5']) {
      const run = await uat('check', '--jobs', jobs);
      expect(run.status, jobs).toBe(2);
      expect(run.err, jobs).toMatch(new RegExp(`^error: option '--jobs <N>' argument '${jobs.replace('.', '\\.')}' is invalid\\. must be an ${CORES_RANGE.source}\\.\\n$`));
    }
  });

  it('an unknown command loads every subcommand and suggests the closest', async () => {
    const run = await uat('chek');
    expect(run).toEqual({ status: 2, out: '', err: "error: unknown command 'chek' (Did you mean check?)\n" });
  });

  it('--version prints the package version with status 0', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await uat('--version')).toEqual({ status: 0, out: `${version}\n`, err: '' });
  });

  it('help of check lists its options (status 0), --jobs with the range of cores', async () => {
    const run = await uat('check', '--help');
    expect(run.status).toBe(0);
    expect(run.err).toBe('');
    for (const option of ['--digits <D>', '--max-precision <P>', '--jobs <N>', '--list']) expect(run.out).toContain(option);
    expect(oneLine(run.out)).toMatch(/--jobs <N>\s+threads answering lines, 1\.\.(\d+); workers start once 2000 lines are read \(default: \1\)/);
  });

  it('lists the four subcommands in help order', () => {
    expect(Object.keys(SUBCOMMANDS)).toEqual(['check', 'verify', 'report', 'approximate']);
  });

  it('oneLine joins lines with single spaces and trims', () => {
    expect(oneLine('  a\n   b \n\n c  ')).toBe('a b c');
    expect(oneLine('x')).toBe('x');
  });
});

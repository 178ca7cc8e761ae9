/**
 * The `uat` program in process ({@link runProgram}): usage errors are one line on stderr and status
 * 2, help and version status 0, a subcommand that ran leaves the status to the process; only the
 * named subcommand is loaded. (The spawned executable is tested in options.bad-input.test.ts.)
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { PARALLEL_MIN_BYTES } from './check.ts';
import { CheckWorkerPool } from './check-pool.ts';
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

  it('accepts option values at the ends of their ranges, blanks around them, and --max-precision equal to --digits', async () => {
    // the command line is accepted: the run goes as far as opening the (missing) file
    for (const args of [
      ['--digits', '1'],
      ['--digits', '1000'],
      ['--digits', ' 7 '],
      ['--max-precision', '10', '--digits', '10'],
      ['--max-precision', '1000'],
      ['--digits', '30', '--max-precision', '30'],
      ['--jobs', '1'],
    ]) {
      expect(await uat('check', ...args, '/no/such/probes.jsonl'), args.join(' ')).toEqual({ status: 2, out: '', err: 'uat: cannot read /no/such/probes.jsonl: no such file\n' });
    }
    for (const digits of ['+5', '1e3', '0x10', '5.', '', '-0']) {
      expect((await uat('check', '--digits', digits)).err, digits).toBe(`error: option '--digits <D>' argument '${digits}' is invalid. must be an integer in [1, 1000].\n`);
    }
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
    expect(oneLine(run.out)).toMatch(/--jobs <N>\s+threads answering lines, 1\.\.(\d+); workers start once 30000 lines are read \(default: \1\)/);
  });

  it('lists the four subcommands in help order', () => {
    expect(Object.keys(SUBCOMMANDS)).toEqual(['check', 'verify', 'report', 'approximate']);
  });

  it('oneLine joins lines with single spaces and trims', () => {
    expect(oneLine('  a\n   b \n\n c  ')).toBe('a b c');
    expect(oneLine('x')).toBe('x');
  });
});

describe('runProgram check, in process', () => {
  /** Runs `uat check …` with stdout captured; restores process.exitCode. */
  async function checkCaptured(...args: string[]): Promise<{ status: number | undefined; exitCode: typeof process.exitCode; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
    const before = process.exitCode;
    try {
      const status = await runProgram(['node', 'uat', 'check', ...args], { writeOut: (t) => (stdout += t), writeErr: (t) => (stderr += t) });
      return { status, exitCode: process.exitCode, stdout, stderr };
    } finally {
      write.mockRestore();
      process.exitCode = before;
    }
  }

  it('--list writes every claim, findings marked', async () => {
    const run = await checkCaptured('--list');
    expect(run.status).toBeUndefined();
    const names = run.stdout.trimEnd().split('\n');
    expect(names).toContain('softmax-hardmax/linf');
    expect(names).toContain('softmax-hardmax/margin-necessary (finding)');
    expect(names.filter((n) => n.endsWith(' (finding)')).length).toBeGreaterThan(0);
    expect(names.every((n) => /^[a-z0-9-]+\/[a-z0-9-]+( \(finding\))?$/.test(n))).toBe(true);
  });

  it('a FILE of PARALLEL_MIN_BYTES or more: workers from the start, the same bytes and exit status as --jobs 1', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'uat-program-'));
    const file = path.join(dir, 'large.jsonl');
    const linf = '{"claim": "softmax-hardmax/linf", "args": {"z": [1, 0.5, 0, 0.25], "lambda": 3}}';
    const violated = '{"claim": "softmax-hardmax/margin-necessary", "args": {"z": [1, 1], "lambda": 5, "epsilon": 0.1}}';
    const lines = Array.from({ length: 3200 }, (_, i) => (i % 500 === 7 ? violated : i % 3 === 0 ? linf : ''));
    // blank lines (cheap: "empty line" errors) padded so that the file is large
    writeFileSync(file, `${lines.map((l) => (l === '' ? ' '.repeat(4000) : l)).join('\n')}\n`);
    expect(statSync(file).size).toBeGreaterThanOrEqual(PARALLEL_MIN_BYTES);
    const started: CheckWorkerPool[] = [];
    const firstLines: number[] = [];
    const answer = CheckWorkerPool.prototype.answer;
    const spy = vi.spyOn(CheckWorkerPool.prototype, 'answer').mockImplementation(function (this: CheckWorkerPool, chunk) {
      if (!started.includes(this)) started.push(this);
      firstLines.push(chunk.firstLine);
      return answer.call(this, chunk);
    });
    try {
      const one = await checkCaptured('--jobs', '1', file);
      expect(started).toHaveLength(0);
      const two = await checkCaptured('--jobs', '2', file);
      expect(started).toHaveLength(1);
      expect(firstLines[0]).toBe(1); // offered the very first chunk: started before any line was read
      expect(two.stdout).toBe(one.stdout);
      expect(one.stdout.split('\n')).toHaveLength(3201);
      expect(one.exitCode).toBe(2); // blank lines are errors
      expect(two.exitCode).toBe(2);
      expect(two.stderr).toBe('');
    } finally {
      spy.mockRestore();
    }
  });
});

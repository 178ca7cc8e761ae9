/**
 * `uat check` end to end: the real executable is spawned on stdin and on files, and every answer is
 * read back. One answer per input line (blank lines included), in order; verdicts for the rows of
 * the issue; exit status 0 / 1 / 2; one-line messages for a wrong command line. In process:
 * `checkStream` with worker threads writes the same bytes as with one thread.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadRuntimeRegistry, type RuntimeRegistry } from '../registry/runtime.ts';
import { REPO_ROOT } from '../verify/settings.ts';
import { checkStream, PARALLEL_MIN_BYTES, type CheckStreamOptions } from './check.ts';
import { MAX_LINE_BYTES } from './check-lines.ts';
import { CheckWorkerPool } from './check-pool.ts';
import { checkWorkerUrl } from './module-locations.ts';

const BIN = path.join(REPO_ROOT, 'src', 'cli', 'bin.mjs');

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly answers: Array<Record<string, unknown>>;
}

function uat(args: readonly string[], input?: string): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { input: input ?? '', encoding: 'utf8', cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 });
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    get answers() {
      return r.stdout === '' ? [] : r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    },
  };
}

const probe = (claim: string, args: unknown): string => JSON.stringify({ claim, args });
const linf = (z: unknown, lambda: unknown): string => probe('softmax-hardmax/linf', { z, lambda });

/** The rows of the issue, each with the verdict it must receive. */
const rows: Array<[string, string]> = [
  [linf(['1', '0.5', '0'], '3'), 'holds'],
  ['', 'error'], // empty line
  [linf(['1', '1', '0'], '3'), 'inapplicable'], // tie
  [linf(['1', '0'], '0'), 'inapplicable'], // λ ≤ 0
  [linf(['1', '0'], '-2'), 'inapplicable'],
  [linf(['1'], '2'), 'inapplicable'], // n < 2
  [probe('softmax-hardmax/temperature', { z: ['1', '0'], epsilon: '1' }), 'inapplicable'], // ε ∉ (0,1)
  [probe('softmax-hardmax/temperature', { z: ['1', '0'], epsilon: '0' }), 'inapplicable'],
  [probe('softmax-hardmax/temperature', { z: ['1', '0.2', '0'], epsilon: '0.01' }), 'holds'],
  [probe('softmax-hardmax/l1', { z: [2, 1.5, -1], lambda: 4 }), 'holds'],
  [probe('softmax-hardmax/attention', { z: ['1', '0', '0.5'], lambda: '2', v: [['1', '2'], ['0', '0'], ['3', '-1']] }), 'holds'],
  [probe('softmax-hardmax/monotone', { z: ['1', '0', '0.5'], lambda1: '1', lambda2: '2' }), 'holds'],
  ['{"claim": "softmax-hardmax/linf", "args": {"z": [1, 0], "lambda": 2', 'error'], // bad JSON
  [probe('softmax-hardmax/nonexistent', { z: ['1', '0'], lambda: '1' }), 'error'], // unknown claim
  [probe('softmax-hardmax/linf', { z: ['1', '0'] }), 'error'], // missing argument
  [linf(['1', 'abc'], '1'), 'error'], // non-numeric
  [linf(['1', 'NaN'], '1'), 'error'],
  ['{"claim": "softmax-hardmax/linf", "args": {"z": [1, 0], "lambda": Infinity}}', 'error'],
  [linf(['1', '0'], 'Infinity'), 'error'],
  [probe('softmax-hardmax/attention', { z: ['1', '0', '0.5'], lambda: '2', v: [['1'], ['0']] }), 'error'], // shape mismatch
  [probe('softmax-hardmax/attention', { z: ['1', '0'], lambda: '2', v: [['1', '2'], ['0']] }), 'error'], // ragged rows
  ['[1, 2]', 'error'], // not an object
  ['   ', 'error'], // blank (spaces only)
  [linf(['2', '1', '0'], '1'), 'holds'], // still answered after errors
];

/** Under mutation testing a spawned process runs unmutated code: those tests cannot kill a mutant, so they are skipped. */
const IN_MUTATION = process.env.UAT_MUTATION === '1';

describe.skipIf(IN_MUTATION)('uat check', () => {
  it('answers every line of stdin in order, blank lines included, with the verdict each row calls for', () => {
    const run = uat(['check'], `${rows.map(([line]) => line).join('\n')}\n`);
    expect(run.answers.map((a) => a.line)).toEqual(rows.map((_, i) => i + 1));
    expect(run.answers.map((a) => a.verdict)).toEqual(rows.map(([, verdict]) => verdict));
    for (const a of run.answers) {
      const keys = Object.keys(a);
      if (a.verdict === 'holds') expect(keys).toEqual(['line', 'claim', 'verdict', 'lhs', 'bound']);
      if (a.verdict === 'inapplicable' || a.verdict === 'error') expect(keys).toContain('reason');
      if (a.verdict === 'holds') expect(a.lhs).toMatch(/^-?\d/);
    }
    expect(run.answers[1]!.reason).toBe('empty line');
    expect(run.answers[2]!.reason).toMatch(/margin/);
    expect(run.answers[13]!.reason).toMatch(/unknown claim/);
    expect(run.answers[14]!.reason).toMatch(/lambda/);
    expect(run.answers[15]!.reason).toMatch(/z\[1\]/);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('');
  });

  it('reads a FILE, and "-" as stdin; exit 0 when every line holds or is inapplicable', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'uat-check-'));
    const file = path.join(dir, 'probes.jsonl');
    const text = `${linf(['1', '0.5', '0'], '3')}\n${linf(['1', '1'], '3')}\n`;
    writeFileSync(file, text);
    const fromFile = uat(['check', file]);
    const fromDash = uat(['check', '-'], text);
    expect(fromFile.status).toBe(0);
    expect(fromFile.answers.map((a) => a.verdict)).toEqual(['holds', 'inapplicable']);
    expect(fromDash.stdout).toBe(fromFile.stdout);
    expect(fromDash.status).toBe(0);
  });

  it('exits 1 on a violation, and reports lhs and bound to --digits significant digits', () => {
    // the finding margin-necessary is violated on a tie: 1 − p* = 1/2 > ε
    const run = uat(['check', '--digits', '7'], `${probe('softmax-hardmax/margin-necessary', { z: ['1', '1'], lambda: '5', epsilon: '0.1' })}\n`);
    expect(run.status).toBe(1);
    expect(run.answers[0]).toEqual({ line: 1, claim: 'softmax-hardmax/margin-necessary', verdict: 'violated', lhs: '0.5', bound: '0.1' });
    const digits = uat(['check', '--digits', '7'], `${linf(['1', '0'], '1')}\n`).answers[0]!;
    // 1 − p* = 1/(1+e) = 0.2689414213699951…, bound e^{−1} = 0.3678794411714423…
    expect(digits).toMatchObject({ verdict: 'holds', lhs: '0.2689414', bound: '0.3678794' });
  });

  it('reads JSON numbers exactly: 0.1000000000000000000000001 is not 0.1', () => {
    const exact = '{"claim": "softmax-hardmax/linf", "args": {"z": [0.1000000000000000000000001, 0], "lambda": 1}}';
    const rounded = '{"claim": "softmax-hardmax/linf", "args": {"z": [0.1, 0], "lambda": 1}}';
    const run = uat(['check', '--digits', '30'], `${exact}\n${rounded}\n`);
    expect(run.answers[0]!.verdict).toBe('holds');
    expect(run.answers[0]!.lhs).not.toBe(run.answers[1]!.lhs);
  });

  it('answers an over-long line with an error and still answers the next one; accepts CRLF', () => {
    const long = linf(['1', `0.${'1'.repeat(MAX_LINE_BYTES)}`], '1');
    const run = uat(['check'], `${long}\r\n${linf(['1', '0'], '1')}\r\n`);
    expect(run.answers.map((a) => a.verdict)).toEqual(['error', 'holds']);
    expect(run.answers[0]!.reason).toMatch(/line too long/);
  });

  it('stops quietly when the reader goes away (uat check big.jsonl | head -1)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'uat-check-'));
    const file = path.join(dir, 'many.jsonl');
    writeFileSync(file, `${linf(['1', '1'], '1')}\n`.repeat(5000)); // ties: answered without evaluation, ~0.5 MB of answers
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" check "${file}" | head -1`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ line: 1, verdict: 'inapplicable' });
  });

  it('rejects a wrong command line with one line on stderr and exit 2, no stack trace', () => {
    for (const args of [
      ['check', '--digits', '0'],
      ['check', '--digits', 'x'],
      ['check', '--digits', '1001'],
      ['check', '--max-precision', '5'],
      ['check', '--digits', '40', '--max-precision', '30'],
      ['check', '--bogus'],
      ['frobnicate'],
      ['check', path.join(tmpdir(), 'no-such-file-uat.jsonl')],
    ]) {
      const run = uat(args, '');
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout).toBe('');
    }
  });

  it('the precompiled bundle and the sources under the loader (UAT_NO_BUNDLE=1) write the same bytes', () => {
    const input = `${rows.map(([line]) => line).join('\n')}\n`;
    const bundled = uat(['check'], input);
    const sources = spawnSync(process.execPath, [BIN, 'check'], { input, encoding: 'utf8', cwd: REPO_ROOT, env: { ...process.env, UAT_NO_BUNDLE: '1' } });
    expect(sources.stdout).toBe(bundled.stdout);
    expect(sources.stderr).toBe(bundled.stderr);
    expect(sources.status).toBe(bundled.status);
  });

  it('--jobs 2 on a FILE of PARALLEL_MIN_BYTES or more writes the same bytes as --jobs 1 (workers from the bundle)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'uat-check-'));
    const file = path.join(dir, 'large.jsonl');
    const z = (i: number): string[] => Array.from({ length: 16 }, (_, j) => (((i * 31 + j * 17) % 200) / 100 - 1).toFixed(8));
    const lines = Array.from({ length: 34_000 }, (_, i) => (i % 97 === 5 ? rows[i % rows.length]![0] : linf(z(i), String(1 + (i % 40)))));
    writeFileSync(file, `${lines.join('\n')}\n`);
    expect(statSync(file).size).toBeGreaterThanOrEqual(PARALLEL_MIN_BYTES);
    const one = uat(['check', '--jobs', '1', file]);
    const two = uat(['check', '--jobs', '2', file]);
    expect(one.answers).toHaveLength(34_000);
    expect(two.stdout).toBe(one.stdout);
    expect(two.status).toBe(one.status);
    expect(two.stderr).toBe('');
  });

  it('lists every claim of every lemma in proof/ with --list', () => {
    const run = uat(['check', '--list']);
    expect(run.status).toBe(0);
    const names = run.stdout.trimEnd().split('\n');
    for (const claim of ['linf', 'l1', 'attention', 'temperature', 'monotone', 'margin-necessary (finding)']) {
      expect(names).toContain(`softmax-hardmax/${claim}`);
    }
  });
});

/** `checkStream` in process on `text` cut into pieces of `piece` bytes; the output and the status. */
async function checkText(text: string, piece: number, registry: RuntimeRegistry, options: CheckStreamOptions): Promise<{ output: string; status: number; writes: number }> {
  const bytes = Buffer.from(text, 'utf8');
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += piece) pieces.push(bytes.subarray(at, at + piece));
  const chunks: string[] = [];
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const status = await checkStream(Readable.from(pieces), output, registry, options);
  return { output: chunks.join(''), status, writes: chunks.length };
}

describe('checkStream with worker threads', () => {
  let registry: RuntimeRegistry;
  beforeAll(async () => {
    registry = await loadRuntimeRegistry();
  });

  it('writes the same bytes and exit status with 2 and 3 threads as with one, bad lines included', async () => {
    const mixed = [...rows.map(([line]) => line), `{"claim": "x", "args": ${'['.repeat(1001)}${']'.repeat(1001)}}`, '\r', ''];
    // many lines, pieces cutting lines anywhere, one over-long line, an input without a final newline
    const text = `${linf(['1', `0.${'1'.repeat(MAX_LINE_BYTES)}`], '1')}\n${Array.from({ length: 12 }, () => mixed.join('\n')).join('\r\n')}`;
    const alone = await checkText(text, 4093, registry, { digits: 20, jobs: 1 });
    expect(alone.output.split('\n')).toHaveLength(1 + 12 * mixed.length - 1 + 1);
    expect(alone.status).toBe(2);
    const pools: CheckWorkerPool[] = [];
    const answer = CheckWorkerPool.prototype.answer;
    const spy = vi.spyOn(CheckWorkerPool.prototype, 'answer').mockImplementation(function (this: CheckWorkerPool, chunk) {
      if (!pools.includes(this)) pools.push(this);
      return answer.call(this, chunk);
    });
    try {
      for (const jobs of [2, 3]) {
        const parallel = await checkText(text, 997, registry, { digits: 20, jobs, parallelMinLines: 0 });
        expect(parallel.output).toBe(alone.output);
        expect(parallel.status).toBe(alone.status);
      }
    } finally {
      spy.mockRestore();
    }
    // both pools were used, and their workers (not the fallback) answered chunks
    expect(pools).toHaveLength(2);
    for (const pool of pools) {
      expect(pool.workerChunks).toBeGreaterThan(0);
      expect(pool.fallbackChunks).toBe(0);
    }
  });

  it('uses workers started by the caller from the first line on, and leaves them to the caller to close', async () => {
    const text = Array.from({ length: 8 }, (_, i) => linf(['1', String(i / 10)], '2')).join('\n');
    const alone = await checkText(text, 64, registry, { digits: 20, jobs: 1 });
    const workers = new CheckWorkerPool(1, checkWorkerUrl(), { digits: 20 }, () => {
      throw new Error('no fallback expected');
    });
    try {
      const given = await checkText(text, 64, registry, { digits: 20, jobs: 1, workers });
      expect(given.output).toBe(alone.output);
      expect(given.status).toBe(0);
      expect(workers.workerChunks).toBeGreaterThan(0);
      // still open: it answers another chunk
      await expect(workers.answer({ firstLine: 1, lines: [{ text: '' }] })!).resolves.toEqual({ text: '{"line":1,"claim":null,"verdict":"error","reason":"empty line"}\n', counts: { holds: 0, violated: 0, inconclusive: 0, inapplicable: 0, error: 1 } });
    } finally {
      await workers.close();
    }
  });

  it('starts no worker below parallelMinLines, and the exit status still counts every line', async () => {
    const text = `${linf(['1', '0'], '1')}\n${probe('softmax-hardmax/margin-necessary', { z: ['1', '1'], lambda: '5', epsilon: '0.1' })}\n`;
    const alone = await checkText(text, 16, registry, { digits: 20, jobs: 1 });
    expect(alone.status).toBe(1);
    const below = await checkText(text, 16, registry, { digits: 20, jobs: 2, parallelMinLines: 3 });
    expect(below).toEqual(alone);
    const above = await checkText(text, 16, registry, { digits: 20, jobs: 2, parallelMinLines: 1 });
    expect(above.output).toBe(alone.output);
    expect(above.status).toBe(1);
  });
});

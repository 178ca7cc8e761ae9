/**
 * `uat check` in process (its action through {@link runProgram}, and {@link checkStream}), on what
 * only the spawned tests saw before: the options as declared, `--digits` and `--max-precision`
 * reaching the verdicts, stdin, an unreadable FILE, the exit status as `process.exitCode`, and the
 * output stream going away or failing (EPIPE, a closed stream, any other error).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { Command } from 'commander';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadRuntimeRegistry, type RuntimeRegistry } from '../registry/runtime.ts';
import { checkStream, register } from './check.ts';
import { runProgram } from './program.ts';
import { UsageError } from './usage-error.ts';

const LINF = '{"claim": "softmax-hardmax/linf", "args": {"z": [1, 0], "lambda": 1}}';
const VIOLATED = '{"claim": "softmax-hardmax/margin-necessary", "args": {"z": [1, 1], "lambda": 5, "epsilon": 0.1}}';
const TIE = '{"claim": "softmax-hardmax/linf", "args": {"z": ["1", "1"], "lambda": "1"}}';

/** Runs `uat check …` in process with stdout (and, when given, stdin) replaced; restores process.exitCode. */
async function check(args: readonly string[], stdin?: string): Promise<{ status: number | undefined; exitCode: typeof process.exitCode; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const input = stdin === undefined ? undefined : vi.spyOn(process, 'stdin', 'get').mockReturnValue(Readable.from([stdin]) as unknown as typeof process.stdin);
  const before = process.exitCode;
  try {
    const status = await runProgram(['node', 'uat', 'check', ...args], { writeOut: (t) => (stdout += t), writeErr: (t) => (stderr += t) });
    return { status, exitCode: process.exitCode, stdout, stderr };
  } finally {
    write.mockRestore();
    input?.mockRestore();
    process.exitCode = before;
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'uat-check-mutation-'));
function file(name: string, text: string): string {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
}

describe('uat check in process', () => {
  it('declares its argument and options with their ranges and defaults', () => {
    const program = new Command();
    register(program);
    const command = program.commands.find((c) => c.name() === 'check')!;
    const cores = availableParallelism();
    expect(command.description()).toBe('decide probes given as JSON Lines {"claim": "<lemma>/<claim>", "args": {...}}; one JSON answer per line');
    expect(command.registeredArguments.map((a) => [a.name(), a.description, a.required])).toEqual([['file', 'JSON Lines file; "-" or absent reads stdin', false]]);
    expect(command.options.map((o) => [o.flags, o.description, o.defaultValue])).toEqual([
      ['--digits <D>', 'significant digits of lhs and bound, 1..1000', 20],
      ['--max-precision <P>', 'cap on the working precision in significant digits, max(10, D)..1000', 1000],
      ['--jobs <N>', `threads answering lines, 1..${cores}; workers start once 30000 lines are read`, cores],
      ['--list', 'list the claims and findings that can be checked, and exit', undefined],
    ]);
  });

  it('answers a FILE at --digits 7; exit status 1 for a violation, 0 when every line holds or is inapplicable', async () => {
    const probes = file('mixed.jsonl', `${LINF}\n${VIOLATED}\n${TIE}\n`);
    const run = await check(['--digits', '7', probes]);
    expect(run.status).toBeUndefined();
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe('');
    const answers = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    // 1 − p* = 1/(1+e) = 0.26894142…, bound e^{−1} = 0.36787944…; the tie is outside the hypotheses
    expect(answers.slice(0, 2)).toEqual([
      { line: 1, claim: 'softmax-hardmax/linf', verdict: 'holds', lhs: '0.2689414', bound: '0.3678794' },
      { line: 2, claim: 'softmax-hardmax/margin-necessary', verdict: 'violated', lhs: '0.5', bound: '0.1' },
    ]);
    expect(answers[2]).toMatchObject({ line: 3, claim: 'softmax-hardmax/linf', verdict: 'inapplicable' });
    expect(answers).toHaveLength(3);
    const fine = await check(['--digits', '7', file('fine.jsonl', `${LINF}\n${TIE}\n`)]);
    expect(fine.exitCode).toBe(0);
  });

  it('--max-precision caps the working precision: at 10, ten digits are not certain', async () => {
    const probes = file('one.jsonl', `${LINF}\n`);
    const capped = await check(['--digits', '10', '--max-precision', '10', probes]);
    const answer = JSON.parse(capped.stdout) as Record<string, unknown>;
    expect(answer).toMatchObject({ verdict: 'holds', lhs: '0.2689414214', bound: '0.3678794411' });
    expect(answer.reason).toContain('not known to 10 significant digits at the precision cap of 10');
    expect(JSON.parse((await check(['--digits', '10', '--max-precision', '20', probes])).stdout)).toEqual({ line: 1, claim: 'softmax-hardmax/linf', verdict: 'holds', lhs: '0.2689414214', bound: '0.3678794412' });
  });

  it('reads stdin when FILE is "-" or absent', async () => {
    const fromFile = await check(['--digits', '7', file('two.jsonl', `${LINF}\n${VIOLATED}\n`)]);
    for (const args of [['--digits', '7', '-'], ['--digits', '7']]) {
      const run = await check(args, `${LINF}\n${VIOLATED}\n`);
      expect(run.stdout, args.join(' ')).toBe(fromFile.stdout);
      expect(run.exitCode).toBe(1);
    }
  });

  it('a FILE that cannot be read (a directory) is a usage error naming it and the cause, before any answer', async () => {
    expect(await check([dir])).toEqual({ status: 2, exitCode: undefined, stdout: '', stderr: `uat: cannot read ${dir}: EISDIR: illegal operation on a directory, read\n` });
  });

  it('UsageError is named so', () => {
    const e = new UsageError('bad option');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('UsageError');
    expect(e.message).toBe('bad option');
  });
});

describe('checkStream when the output goes away or fails', () => {
  let registry: RuntimeRegistry;
  beforeAll(async () => {
    registry = await loadRuntimeRegistry();
  });
  const line = `${TIE}\n`; // answered without evaluation

  it('EPIPE: stops reading at once and returns the status of the lines answered', async () => {
    const written: string[] = [];
    const output = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written.push(String(chunk));
        done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    let reads = 0;
    async function* input(): AsyncGenerator<string> {
      for (let i = 0; i < 50; i++) {
        reads += 1;
        yield line;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    expect(await checkStream(input(), output, registry, { digits: 20 })).toBe(0);
    expect(written).toHaveLength(1);
    expect(reads).toBe(1);
  });

  it('any other write error is thrown', async () => {
    const output = new Writable({
      write(_chunk: Buffer, _encoding, done) {
        done(Object.assign(new Error('disk broke'), { code: 'EIO' }));
      },
    });
    async function* input(): AsyncGenerator<string> {
      for (let i = 0; i < 50; i++) {
        yield line;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    await expect(checkStream(input(), output, registry, { digits: 20 })).rejects.toThrow('disk broke');
  });

  it('waits for a slow reader (one write per chunk) and leaves no listener behind', async () => {
    const written: string[] = [];
    const output = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _encoding, done) {
        written.push(String(chunk));
        setTimeout(done, 1);
      },
    });
    expect(await checkStream(Readable.from([line, line, VIOLATED + '\n']), output, registry, { digits: 20 })).toBe(1);
    expect(written.map((w) => (JSON.parse(w) as { line: number }).line)).toEqual([1, 2, 3]);
    expect([output.listenerCount('drain'), output.listenerCount('close'), output.listenerCount('error')]).toEqual([0, 0, 1]);
  });

  it('an output closed while it is full ends the run (with or without an EPIPE); another error is thrown', async () => {
    const closing = (error: Error | undefined): Writable => {
      const output: Writable = new Writable({
        highWaterMark: 1,
        write() {
          setTimeout(() => output.destroy(error), 5); // never calls back: full until destroyed
        },
      });
      return output;
    };
    expect(await checkStream(Readable.from([line]), closing(undefined), registry, { digits: 20 })).toBe(0);
    // closed without an error while full, with more chunks to write: the next write finds it destroyed
    // (no 'close' or 'error' will come again), and the run ends instead of waiting for ever
    let reads = 0;
    async function* lines(): AsyncGenerator<string> {
      for (let i = 0; i < 20; i++) {
        reads += 1;
        yield i === 0 ? line : `${VIOLATED}\n`;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    }
    expect(await checkStream(lines(), closing(undefined), registry, { digits: 20 })).toBe(0);
    expect(reads).toBeLessThan(20);
    expect(await checkStream(Readable.from([VIOLATED + '\n']), closing(Object.assign(new Error('gone'), { code: 'EPIPE' })), registry, { digits: 20 })).toBe(1);
    await expect(checkStream(Readable.from([line]), closing(Object.assign(new Error('broken'), { code: 'EIO' })), registry, { digits: 20 })).rejects.toThrow('broken');
  });
});

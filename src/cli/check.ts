/**
 * `uat check [--digits D] [--max-precision P] [--jobs N] [--list] [FILE|-]`: decides probes given as
 * JSON Lines, one answer line per input line, in order (see `check-lines.ts` for the line format).
 *
 * Input is read as a stream (stdin when FILE is `-` or absent), split with a cap of 1 MiB per line;
 * answers are written in batches, one write per input chunk. On a large input (from
 * {@link PARALLEL_MIN_LINES} lines on, or a FILE of {@link PARALLEL_MIN_BYTES} bytes or more) `--jobs N`
 * threads answer: this one and N − 1 workers (default N: the number of cores); the output is the
 * same bytes as with `--jobs 1`. Exit status: 0
 * when every line holds or is inapplicable, 1 when any is violated or inconclusive, 2 when any is an
 * error or the command line is wrong.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { createReadStream, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { MAX_SUPPORTED_PRECISION, MIN_PRECISION } from '../arith/context.ts';
import { loadRuntimeRegistry, PROOF_DIR, type RuntimeRegistry } from '../registry/runtime.ts';
import { DEFAULT_DIGITS, DEFAULT_MAX_PRECISION, type DecideOptions } from '../verdict/decide.ts';
import type { VerdictKind } from '../verdict/verdict.ts';
import { boundedLineBatches } from './bounded-lines.ts';
import { answerChunk, exitStatusOf, MAX_LINE_BYTES, noVerdicts, type ChunkAnswers, type LineChunk } from './check-lines.ts';
import { CheckWorkerPool } from './check-pool.ts';
import { checkWorkerUrl, importProofModule } from './module-locations.ts';
import { UsageError } from './usage-error.ts';

/** Largest `--digits`: the working precision cannot exceed {@link MAX_SUPPORTED_PRECISION}. */
export const MAX_DIGITS = MAX_SUPPORTED_PRECISION;
/**
 * Lines read before `uat check` starts worker threads (below this, one thread answers everything).
 * A worker costs its own start-up and JIT warm-up (about 0.13 s before its first answers), which competes with the main
 * thread's on two cores: measured on 20,000 `linf` lines (n = 16), two threads from the first line took 0.44–0.46 s
 * against one thread's 0.42–0.45 s, on 100,000 lines 0.81–0.89 s against 1.04–1.18 s (24 Nov 2026).
 */
export const PARALLEL_MIN_LINES = 30_000;
/** A FILE at least this large (about 30,000 probes of 16 scores) gets its worker threads at once, before the first line is read. */
export const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;
const VERDICT_KINDS: readonly VerdictKind[] = ['holds', 'violated', 'inconclusive', 'inapplicable', 'error'];

/** A commander option parser for an integer in `[min, max]`. */
function integerIn(min: number, max: number): (text: string) => number {
  return (text) => {
    const value = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new InvalidArgumentError(`must be an integer in [${min}, ${max}].`);
    }
    return value;
  };
}

interface CheckOptions {
  readonly digits: number;
  readonly maxPrecision: number;
  readonly jobs: number;
  readonly list?: boolean;
}

/** The number of cores: the default and the maximum of `--jobs`. */
const CORES = availableParallelism();

/** Adds the `check` command to `program`. */
export function register(program: Command): void {
  program
    .command('check')
    .description('decide probes given as JSON Lines {"claim": "<lemma>/<claim>", "args": {...}}; one JSON answer per line')
    .argument('[file]', 'JSON Lines file; "-" or absent reads stdin')
    .option('--digits <D>', `significant digits of lhs and bound, 1..${MAX_DIGITS}`, integerIn(1, MAX_DIGITS), DEFAULT_DIGITS)
    .option(
      '--max-precision <P>',
      `cap on the working precision in significant digits, max(${MIN_PRECISION}, D)..${MAX_SUPPORTED_PRECISION}`,
      integerIn(MIN_PRECISION, MAX_SUPPORTED_PRECISION),
      DEFAULT_MAX_PRECISION,
    )
    .option('--jobs <N>', `threads answering lines, 1..${CORES}; workers start once ${PARALLEL_MIN_LINES} lines are read`, integerIn(1, CORES), CORES)
    .option('--list', 'list the claims and findings that can be checked, and exit')
    .action(async (file: string | undefined, options: CheckOptions, command: Command) => {
      if (options.maxPrecision < options.digits) {
        command.error(`error: --max-precision ${options.maxPrecision} is below --digits ${options.digits}`, { exitCode: 2 });
      }
      const decideOptions: DecideOptions = { digits: options.digits, maxPrecision: options.maxPrecision, ratio: false }; // the answers carry no ratio
      let registry: RuntimeRegistry | undefined;
      // a large file: the workers start now and load while this thread loads the registry
      const workers =
        options.list !== true && options.jobs > 1 && isLargeFile(file)
          ? new CheckWorkerPool(options.jobs - 1, checkWorkerUrl(), decideOptions, (chunk) => answerChunk(chunk, registry!, decideOptions))
          : undefined;
      try {
        registry = await loadRuntimeRegistry(PROOF_DIR, importProofModule);
        for (const failure of registry.failures) process.stderr.write(`uat check: warning: could not load ${failure.file}: ${failure.message}\n`);
        if (options.list === true) {
          process.stdout.write([...registry.claims.values()].map((c) => `${c.name}${c.kind === 'finding' ? ' (finding)' : ''}\n`).join(''));
          return;
        }
        process.exitCode = await checkStream(openInput(file), process.stdout, registry, { ...decideOptions, jobs: options.jobs, workers });
      } finally {
        await workers?.close();
      }
    });
}

/** True when `file` names a file of at least {@link PARALLEL_MIN_BYTES} bytes (false for stdin or an unreadable file). */
function isLargeFile(file: string | undefined): boolean {
  if (file === undefined || file === '-') return false;
  try {
    return statSync(file).size >= PARALLEL_MIN_BYTES;
  } catch {
    return false; // reported when it is opened
  }
}

function openInput(file: string | undefined): AsyncIterable<Buffer | string> {
  if (file === undefined || file === '-') return process.stdin;
  const stream = createReadStream(file);
  // Surface a missing or unreadable file as a usage error (exit 2, one line) before any answer.
  return (async function* () {
    try {
      for await (const chunk of stream) yield chunk as Buffer;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e)}`);
    }
  })();
}

/** Options of {@link checkStream}: how to decide, and how many threads may answer. */
export interface CheckStreamOptions extends DecideOptions {
  /**
   * Threads answering lines (default 1): with N > 1, N − 1 worker threads are started once
   * {@link CheckStreamOptions.parallelMinLines} lines have been read; below that, this thread alone.
   */
  readonly jobs?: number;
  /** Lines read before worker threads are started (default {@link PARALLEL_MIN_LINES}). */
  readonly parallelMinLines?: number;
  /**
   * Worker threads already started by the caller (who closes them): used from the first line on,
   * instead of the `jobs` − 1 workers started after `parallelMinLines` lines.
   */
  readonly workers?: CheckWorkerPool;
}

/** True when `output` has been destroyed (closed, with or without an error): nothing more can be written. */
function isDestroyed(output: NodeJS.WritableStream): boolean {
  return (output as { destroyed?: boolean }).destroyed === true;
}

/**
 * Resolves when `output` drains, closes or fails, leaving no listener behind. (Never called on a
 * stream already destroyed, whose 'close' has been emitted and will not be again: `write` checks
 * {@link isDestroyed} first.)
 */
function drained(output: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      output.off('drain', done);
      output.off('close', done);
      output.off('error', done);
      resolve();
    };
    output.on('drain', done);
    output.on('close', done);
    output.on('error', done);
  });
}

/** An answered chunk waiting to be written, in input order. */
interface Pending {
  answers?: ChunkAnswers;
  failure?: unknown;
  readonly settled: Promise<void>;
}

function pendingOf(answers: ChunkAnswers | Promise<ChunkAnswers>): Pending {
  if (!(answers instanceof Promise)) return { answers, settled: Promise.resolve() };
  const pending: Pending = {
    settled: answers.then(
      (a) => void (pending.answers = a),
      (e: unknown) => void (pending.failure = e ?? new Error('uat check: a worker failed')),
    ),
  };
  return pending;
}

/**
 * Answers every line of `input` on `output`, in order; returns the exit status. When the reader of
 * `output` goes away (EPIPE, e.g. `uat check big.jsonl | head`) or `output` is closed without an
 * error, reading stops quietly and the status of the lines answered so far is returned.
 *
 * Lines are answered a chunk at a time (the lines of one chunk read from `input`). With `jobs` > 1
 * and a large input, chunks are handed to worker threads ({@link CheckWorkerPool}) while this
 * thread answers the chunks they cannot take; answers are written in input order all the same, and
 * are the same bytes whichever thread produced them.
 */
export async function checkStream(
  input: AsyncIterable<Buffer | string>,
  output: NodeJS.WritableStream,
  registry: RuntimeRegistry,
  options: CheckStreamOptions,
): Promise<0 | 1 | 2> {
  const decideOptions: DecideOptions = { digits: options.digits, maxPrecision: options.maxPrecision, ratio: false }; // the answers carry no ratio
  const jobs = options.jobs ?? 1;
  const parallelMinLines = options.parallelMinLines ?? PARALLEL_MIN_LINES;
  const counts = noVerdicts();
  let closed = false; // the reader went away
  let failure: Error | undefined; // any other write error, rethrown at the next write
  // The listener stays attached: a late EPIPE after the last line must not become an uncaught error.
  output.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') closed = true;
    else failure = e;
  });
  const queue: Pending[] = []; // answered or being answered, not yet written
  /** Writes the answers at the head of the queue that are ready (all of them, waiting, when `all`). */
  const write = async (all: boolean): Promise<void> => {
    if (isDestroyed(output)) closed = true; // closed without an error (an EPIPE sets `closed` itself)
    const texts: string[] = [];
    while (queue.length > 0 && !closed) {
      const head = queue[0]!;
      if (head.answers === undefined && head.failure === undefined) {
        if (!all) break;
        await head.settled;
      }
      if (head.failure !== undefined) throw head.failure;
      queue.shift();
      texts.push(head.answers!.text);
      for (const kind of VERDICT_KINDS) counts[kind] += head.answers!.counts[kind];
    }
    if (failure !== undefined) throw failure;
    if (texts.length === 0 || closed) return;
    if (!output.write(texts.join(''))) await drained(output);
  };
  let pool = options.workers;
  let started: CheckWorkerPool | undefined; // the workers started here, closed here
  const answerHere = (chunk: LineChunk): ChunkAnswers => answerChunk(chunk, registry, decideOptions);
  try {
    let lines = 0;
    for await (const batch of boundedLineBatches(input, MAX_LINE_BYTES)) {
      const chunk: LineChunk = { firstLine: lines + 1, lines: batch };
      lines += batch.length;
      if (pool === undefined && jobs > 1 && lines >= parallelMinLines) pool = started = new CheckWorkerPool(jobs - 1, checkWorkerUrl(), decideOptions, answerHere);
      queue.push(pendingOf(pool?.answer(chunk) ?? answerHere(chunk)));
      // let the workers' replies in (they arrive as events, not as microtasks)
      if (pool !== undefined) await new Promise<void>((resolve) => setImmediate(resolve));
      await write(false);
      if (closed) break;
    }
    await write(true);
  } finally {
    await started?.close();
  }
  return exitStatusOf(counts);
}

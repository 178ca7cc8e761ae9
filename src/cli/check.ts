/**
 * `uat check [--digits D] [--max-precision P] [--list] [FILE|-]`: decides probes given as JSON
 * Lines, one answer line per input line, in order (see `check-lines.ts` for the line format).
 *
 * Input is read as a stream (stdin when FILE is `-` or absent), split with a cap of 1 MiB per line;
 * answers are written in batches, one write per input chunk. Exit status: 0 when every line holds or
 * is inapplicable, 1 when any is violated or inconclusive, 2 when any is an error or the command
 * line is wrong.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { MAX_SUPPORTED_PRECISION, MIN_PRECISION } from '../arith/context.ts';
import { loadRuntimeRegistry, type RuntimeRegistry } from '../registry/runtime.ts';
import { DEFAULT_DIGITS, DEFAULT_MAX_PRECISION, type DecideOptions } from '../verdict/decide.ts';
import type { VerdictKind } from '../verdict/verdict.ts';
import { boundedLineBatches } from './bounded-lines.ts';
import { answerLine, exitStatusOf, MAX_LINE_BYTES } from './check-lines.ts';
import { UsageError } from './usage-error.ts';

/** Largest `--digits`: the working precision cannot exceed {@link MAX_SUPPORTED_PRECISION}. */
export const MAX_DIGITS = MAX_SUPPORTED_PRECISION;
/** Output is flushed once this many characters of answers are waiting. */
const OUTPUT_BATCH_CHARS = 64 * 1024;

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
  readonly list?: boolean;
}

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
    .option('--list', 'list the claims and findings that can be checked, and exit')
    .action(async (file: string | undefined, options: CheckOptions, command: Command) => {
      if (options.maxPrecision < options.digits) {
        command.error(`error: --max-precision ${options.maxPrecision} is below --digits ${options.digits}`, { exitCode: 2 });
      }
      const registry = await loadRuntimeRegistry();
      for (const failure of registry.failures) process.stderr.write(`uat check: warning: could not load ${failure.file}: ${failure.message}\n`);
      if (options.list === true) {
        process.stdout.write([...registry.claims.values()].map((c) => `${c.name}${c.kind === 'finding' ? ' (finding)' : ''}\n`).join(''));
        return;
      }
      process.exitCode = await checkStream(openInput(file), process.stdout, registry, {
        digits: options.digits,
        maxPrecision: options.maxPrecision,
      });
    });
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

/**
 * Answers every line of `input` on `output`; returns the exit status. When the reader of `output`
 * goes away (EPIPE, e.g. `uat check big.jsonl | head`), reading stops quietly and the status of the
 * lines answered so far is returned.
 */
export async function checkStream(
  input: AsyncIterable<Buffer | string>,
  output: NodeJS.WritableStream,
  registry: RuntimeRegistry,
  options: DecideOptions,
): Promise<0 | 1 | 2> {
  const counts: Record<VerdictKind, number> = { holds: 0, violated: 0, inconclusive: 0, inapplicable: 0, error: 0 };
  let closed = false; // the reader went away
  let failure: Error | undefined; // any other write error, rethrown at the next flush
  // The listener stays attached: a late EPIPE after the last line must not become an uncaught error.
  output.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') closed = true;
    else failure = e;
  });
  let pending: string[] = [];
  let pendingChars = 0;
  const flush = async (): Promise<void> => {
    if (failure !== undefined) throw failure;
    if (pending.length === 0 || closed) return;
    const text = pending.join('');
    pending = [];
    pendingChars = 0;
    if (!output.write(text)) await Promise.race([once(output, 'drain'), once(output, 'close')]).catch(() => undefined);
  };
  let line = 0;
  for await (const batch of boundedLineBatches(input, MAX_LINE_BYTES)) {
    for (const inputLine of batch) {
      line += 1;
      const answer = answerLine(inputLine, line, registry, options);
      counts[answer.verdict] += 1;
      const text = `${JSON.stringify(answer)}\n`;
      pending.push(text);
      pendingChars += text.length;
      if (pendingChars >= OUTPUT_BATCH_CHARS) await flush();
      if (closed) break;
    }
    await flush();
    if (closed) break;
  }
  await flush();
  return exitStatusOf(counts);
}

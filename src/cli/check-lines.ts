/**
 * The core of `uat check`: one input line in, one answer out. Pure (no I/O), so it is tested
 * without spawning a process.
 *
 * An input line is a JSON object `{"claim": "<lemma>/<claim>", "args": {...}}`, read with every
 * numeric literal kept exact ({@link readJsonLineExact}): a JSON number arrives as a {@link JsonNumber},
 * so a reason echoes it as written (`[1,2]`). The claims receive numbers as the strings of their
 * literal text ({@link numbersAsText}), the form their fast readers take. The answer is
 * `{"line", "claim", "verdict", "lhs", "bound"}` with `lhs` and `bound` as decimal strings correct to
 * the requested significant digits, plus `"reason"` when the verdict is `inapplicable`, `error` or
 * `inconclusive`. Nothing here throws for bad input: every malformed line is an `error` answer.
 */
import type { RuntimeRegistry } from '../registry/runtime.ts';
import type { ClaimDefinition } from '../registry/define.ts';
import { decide, type DecideOptions } from '../verdict/decide.ts';
import { ArgumentError, describeValue } from '../verdict/errors.ts';
import type { VerdictKind } from '../verdict/verdict.ts';
import { JsonNumber, numbersAsText, readJsonLineExact } from './json-exact.ts';

/**
 * Longest input line accepted, in bytes (1 MiB, the newline excluded). A longer line is answered
 * with an `error` and not parsed; its bytes beyond the cap are never held in memory.
 */
export const MAX_LINE_BYTES = 1024 * 1024;

/** The answer to one input line, written as one JSON line. */
export interface CheckAnswer {
  /** 1-based input line number. */
  readonly line: number;
  /** The claim named on the line, or `null` when the line names none. */
  readonly claim: string | null;
  readonly verdict: VerdictKind;
  readonly lhs?: string;
  readonly bound?: string;
  readonly reason?: string;
}

/** How an input line arrives: its text, or only its length when it exceeded {@link MAX_LINE_BYTES}. */
export type InputLine = { readonly text: string } | { readonly tooLongBytes: number };

/** Answers one input line. */
export function answerLine(input: InputLine, line: number, registry: RuntimeRegistry, options: DecideOptions): CheckAnswer {
  const error = (claim: string | null, reason: string): CheckAnswer => ({ line, claim, verdict: 'error', reason });
  if ('tooLongBytes' in input) {
    return error(null, `line too long: ${input.tooLongBytes} bytes, the limit is ${MAX_LINE_BYTES} bytes (1 MiB)`);
  }
  if (input.text.trim() === '') return error(null, 'empty line');
  let probe: unknown;
  let holdsNumber: boolean;
  try {
    ({ value: probe, holdsNumber } = readJsonLineExact(input.text));
  } catch (e) {
    return error(null, `bad JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isJsonObject(probe)) {
    return error(null, `a line must be a JSON object {"claim": "<lemma>/<claim>", "args": {...}}, got ${describeValue(probe)}`);
  }
  const { args } = probe;
  // a numeric claim is read as its text, so `7` is the unknown claim "7" (README, bad-input table)
  const claim = probe.claim instanceof JsonNumber ? probe.claim.text : probe.claim;
  if (typeof claim !== 'string') {
    return error(null, `field claim must be a string such as "softmax-hardmax/linf", got ${describeValue(claim)}`);
  }
  const registered = registry.claims.get(claim);
  if (registered === undefined) {
    return error(claim, `unknown claim ${describeValue(claim)}; \`uat check --list\` lists the claims`);
  }
  if (!isJsonObject(args)) {
    return error(claim, `field args must be a JSON object of named arguments, got ${describeValue(args)}`);
  }
  const verdict = decide(registered.definition, (holdsNumber ? numbersAsText(args) : args) as Record<string, unknown>, options);
  const reason = verdict.verdict === 'error' && verdict.reason !== undefined ? echoingNumbers(registered.definition, args, verdict.reason) : verdict.reason;
  // fields added in the order they are written (JSON.stringify keeps it), without spread temporaries
  const answer: { line: number; claim: string; verdict: VerdictKind; lhs?: string; bound?: string; reason?: string } = { line, claim, verdict: verdict.verdict };
  if (verdict.lhs !== undefined) answer.lhs = verdict.lhs;
  if (verdict.bound !== undefined) answer.bound = verdict.bound;
  if (reason !== undefined) answer.reason = reason;
  return answer;
}

/** Consecutive input lines, the first of them numbered `firstLine` (1-based). */
export interface LineChunk {
  readonly firstLine: number;
  readonly lines: readonly InputLine[];
}

/** The answers to a chunk: their JSON lines, concatenated, and how many of each verdict. */
export interface ChunkAnswers {
  readonly text: string;
  readonly counts: Record<VerdictKind, number>;
}

/** No answers yet: every count 0. */
export function noVerdicts(): Record<VerdictKind, number> {
  return { holds: 0, violated: 0, inconclusive: 0, inapplicable: 0, error: 0 };
}

/** Answers every line of `chunk`, in order (what `uat check` writes for them, and the counts). */
export function answerChunk(chunk: LineChunk, registry: RuntimeRegistry, options: DecideOptions): ChunkAnswers {
  const counts = noVerdicts();
  let text = '';
  chunk.lines.forEach((input, i) => {
    const answer = answerLine(input, chunk.firstLine + i, registry, options);
    counts[answer.verdict] += 1;
    text += `${JSON.stringify(answer)}\n`;
  });
  return { text, counts };
}

/** True for a JSON object (not an array, not null, not a {@link JsonNumber}). */
function isJsonObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof JsonNumber);
}

/**
 * The `error` reason with the value it names echoed as written: the claim saw numbers as strings
 * (`["1"]`), so when its arguments, read again with the {@link JsonNumber}s, fail with the very same
 * {@link ArgumentError}, that error's message (`[1]`) is the reason. Any other reason stays as it is.
 */
function echoingNumbers(definition: ClaimDefinition<unknown>, args: Record<string, unknown>, reason: string): string {
  try {
    definition.parse(args);
  } catch (e) {
    if (e instanceof ArgumentError && new ArgumentError(e.argument, numbersAsText(e.value), e.problem).message === reason) return e.message;
  }
  return reason;
}

/**
 * The exit status of a run: 2 when any answer is an `error`, otherwise 1 when any is `violated` or
 * `inconclusive`, otherwise 0 (every line holds or is inapplicable).
 */
export function exitStatusOf(counts: Readonly<Record<VerdictKind, number>>): 0 | 1 | 2 {
  if (counts.error > 0) return 2;
  if (counts.violated > 0 || counts.inconclusive > 0) return 1;
  return 0;
}

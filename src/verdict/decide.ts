/**
 * The verdict engine: decides one probe of one claim `lhs ≤ bound` with certified enclosures.
 *
 * Method: when the claim has a fast path (`ClaimDefinition.fast`), at most
 * {@link FAST_PATH_MAX_DIGITS} digits are requested and the precision cap is at least
 * {@link DOUBLE_DOUBLE_DIGITS}, {@link decide} tries it first: it reads simple raw
 * arguments itself, checks the hypotheses exactly, and evaluates in double-double ball arithmetic with
 * rigorous radii (`src/arith/double-double.ts`); its verdict stands when the margin's ball lies in
 * `[0, ∞)` (holds) or in `(−∞, 0)` (violated) — as the decimal path's — and the balls of `lhs` and
 * `bound` each fix their `digits` significant digits (values below the double range come as a ball
 * times `10^{scale}`).
 * Otherwise (an input not of the simple form, a failed hypothesis, a ball too wide or out of range)
 * the full path runs: the claim's arguments are read exactly; a failed hypothesis gives
 * `inapplicable`; then the claim is evaluated in decimal.js interval arithmetic at a working
 * precision of `digits + 10` significant digits. If the margin `bound − lhs` (or the claim's rearranged margin) is provably ≥ 0 the verdict
 * is `holds`; provably < 0, `violated`. Otherwise — and also while `lhs` or `bound` is not yet known
 * to `digits` significant digits — the precision is doubled, up to `maxPrecision`. A verdict still
 * undecided there is `inconclusive`. Nothing here is decided in float64.
 */
import type { Decimal } from 'decimal.js';
import { MAX_SUPPORTED_PRECISION, MIN_PRECISION } from '../arith/context.ts';
import { ArithmeticDomainError, arithAt, type Interval } from '../arith/interval.ts';
import { ballToSignificantDigits, decimalText } from '../arith/double-double-decimal.ts';
import { DDBall, divBall, isCertifiedNegative, isCertifiedNonNegative, subBall } from '../arith/double-double.ts';
import type { ClaimDefinition, Evaluation } from '../registry/define.ts';
import { ArgumentError } from './errors.ts';
import type { Verdict } from './verdict.ts';

/** Default significant digits of the reported `lhs` and `bound`. */
export const DEFAULT_DIGITS = 20;
/** Default cap on the working precision, in significant digits. */
export const DEFAULT_MAX_PRECISION = 1000;
/** Extra working digits over the requested output digits at the first attempt. */
export const GUARD_DIGITS = 10;
/**
 * Most significant digits the double-double fast path is asked for: its balls are 10⁻²⁹–10⁻²⁷ wide
 * (relative), so beyond this it could rarely fix the digits and the decimal path is used directly.
 */
export const FAST_PATH_MAX_DIGITS = 26;
/** The `precision` reported for a fast-path verdict: the significant digits of a 106-bit double-double. */
export const DOUBLE_DOUBLE_DIGITS = 31;

export interface DecideOptions {
  /** Significant digits of the reported values (default {@link DEFAULT_DIGITS}). */
  readonly digits?: number;
  /** Cap on the working precision (default {@link DEFAULT_MAX_PRECISION}, at most 1000). */
  readonly maxPrecision?: number;
  /** Whether to compute the uncertified `ratio` lhs/bound (default true; `uat check` does not print it). */
  readonly ratio?: boolean;
}

/** Decides a probe given as raw JSON arguments. Never throws for bad input: that is an `error` verdict. */
export function decide<Args>(claim: ClaimDefinition<Args>, raw: Record<string, unknown>, options: DecideOptions = {}): Verdict {
  // the fast path works at DOUBLE_DOUBLE_DIGITS: only when the cap on the working precision allows it
  const fast = (options.maxPrecision ?? DEFAULT_MAX_PRECISION) >= DOUBLE_DOUBLE_DIGITS ? decideFast(claim, raw, options.digits ?? DEFAULT_DIGITS, options.ratio ?? true) : undefined;
  if (fast !== undefined) return fast;
  let args: Args;
  try {
    args = claim.parse(raw);
  } catch (e) {
    if (e instanceof ArgumentError) return { verdict: 'error', reason: e.message };
    return { verdict: 'error', reason: `could not read the arguments: ${errorText(e)}` };
  }
  return decideParsed(claim, args, options);
}

/** Decides a probe whose arguments are already read (the decimal path only: the fast path reads raw arguments). */
export function decideParsed<Args>(claim: ClaimDefinition<Args>, args: Args, options: DecideOptions = {}): Verdict {
  const digits = options.digits ?? DEFAULT_DIGITS;
  const maxPrecision = Math.min(options.maxPrecision ?? DEFAULT_MAX_PRECISION, MAX_SUPPORTED_PRECISION);
  const failure = claim.hypotheses(args);
  if (failure !== undefined) {
    return { verdict: 'inapplicable', hypothesis: failure.hypothesis, reason: `hypothesis ${failure.hypothesis} fails: ${failure.reason}` };
  }
  let precision = Math.max(MIN_PRECISION, Math.min(digits + GUARD_DIGITS, maxPrecision));
  let last: { evaluation: Evaluation; decided: 'holds' | 'violated' | undefined; precision: number } | undefined;
  for (;;) {
    let evaluation: Evaluation;
    try {
      evaluation = claim.evaluate(args, arithAt(precision));
    } catch (e) {
      if (e instanceof ArgumentError) return { verdict: 'error', reason: e.message };
      if (e instanceof ArithmeticDomainError) return { verdict: 'error', reason: `cannot evaluate: ${e.message}` };
      return { verdict: 'error', reason: `evaluation failed: ${errorText(e)}` };
    }
    const decided = signOf(evaluation.margin ?? arithAt(precision).sub(evaluation.bound, evaluation.lhs));
    // Once decided, the verdict stays: a later precision only narrows the enclosures.
    const verdict = last?.decided ?? decided;
    last = { evaluation, decided: verdict, precision: last?.decided !== undefined ? last.precision : precision };
    const digitsKnown = isKnownTo(evaluation.lhs, digits) && isKnownTo(evaluation.bound, digits);
    // A side that underflowed below the exponent range gains nothing from more digits.
    const digitsUnreachable = isBelowExponentRange(evaluation.lhs) || isBelowExponentRange(evaluation.bound);
    if ((verdict !== undefined && (digitsKnown || digitsUnreachable)) || precision >= maxPrecision) break;
    precision = Math.min(precision * 2, maxPrecision);
  }
  const { evaluation } = last;
  const values = {
    lhs: formatTo(evaluation.lhs, digits),
    bound: formatTo(evaluation.bound, digits),
    precision: last.precision,
    ...(options.ratio === false ? {} : ratioOf(evaluation)),
  };
  const underflowed = [
    ...(isBelowExponentRange(evaluation.lhs) ? ['lhs'] : []),
    ...(isBelowExponentRange(evaluation.bound) ? ['bound'] : []),
  ];
  if (last.decided !== undefined && underflowed.length > 0) {
    // The verdict is proved; the value is not representable, so its upper end is shown and said so.
    return {
      verdict: last.decided,
      ...values,
      ...(underflowed.includes('lhs') ? { lhs: evaluation.lhs.hi.toString() } : {}),
      ...(underflowed.includes('bound') ? { bound: evaluation.bound.hi.toString() } : {}),
      reason: `${underflowed.join(' and ')} below the decimal exponent range: the value shown is an upper bound, not ${digits} significant digits`,
    };
  }
  if (last.decided === undefined) {
    return {
      verdict: 'inconclusive',
      ...values,
      reason: `the sign of bound − lhs is undecided at the precision cap of ${maxPrecision} digits`,
    };
  }
  const unknownSides = [
    ...(isKnownTo(evaluation.lhs, digits) ? [] : [`lhs ∈ ${evaluation.lhs.toString()}`]),
    ...(isKnownTo(evaluation.bound, digits) ? [] : [`bound ∈ ${evaluation.bound.toString()}`]),
  ];
  if (unknownSides.length > 0) {
    // The verdict is proved; the value shown is the enclosure's midpoint, not `digits` correct digits.
    return {
      verdict: last.decided,
      ...values,
      reason: `not known to ${digits} significant digits at the precision cap of ${maxPrecision}: ${unknownSides.join('; ')} (the value shown is the midpoint)`,
    };
  }
  return { verdict: last.decided, ...values };
}

/**
 * The fast path: a verdict when the claim's double-double balls decide the sign of the margin and fix
 * `digits` significant digits of both sides; undefined otherwise (the decimal path then decides).
 * A fast hook that throws is treated like one that cannot decide: the decimal path reports the cause.
 */
function decideFast<Args>(claim: ClaimDefinition<Args>, raw: Record<string, unknown>, digits: number, withRatio: boolean): Verdict | undefined {
  if (claim.fast === undefined || digits > FAST_PATH_MAX_DIGITS) return undefined;
  let e;
  try {
    e = claim.fast(raw);
  } catch {
    return undefined;
  }
  if (e === undefined) return undefined;
  const lhsScale = e.lhsScale10 ?? 0;
  const boundScale = e.boundScale10 ?? 0;
  if (e.margin === undefined && lhsScale !== boundScale) return undefined;
  const margin = e.margin ?? subBall(marginScratch, e.bound, e.lhs);
  const decided = isCertifiedNonNegative(margin) ? 'holds' : isCertifiedNegative(margin) ? 'violated' : undefined;
  if (decided === undefined) return undefined;
  const lhs = ballToSignificantDigits(e.lhs, digits, lhsScale);
  if (lhs === undefined) return undefined;
  const bound = ballToSignificantDigits(e.bound, digits, boundScale);
  if (bound === undefined) return undefined;
  const boundMid = e.bound.hi + e.bound.lo;
  const verdict: { -readonly [K in keyof Verdict]: Verdict[K] } = { verdict: decided, lhs, bound, precision: DOUBLE_DOUBLE_DIGITS, arithmetic: 'double-double' };
  if (withRatio && boundMid !== 0) verdict.ratio = ratioDigits(e.lhs, e.bound, lhsScale - boundScale);
  return verdict;
}
const marginScratch = new DDBall();

const ratioScratch = new DDBall();

/**
 * `lhs/bound·10^{scale}` to 8 significant digits as the decimal path prints it (rounded half to even):
 * from the quotient's ball when that fixes the 8 digits, so both paths print the same ratio (a double
 * quotient can fall on the other side of a rounding boundary, e.g. 0.49999999500000005 → 0.49999999
 * instead of 0.5); otherwise from the doubles (an uncertified statistic either way).
 */
function ratioDigits(lhs: DDBall, bound: DDBall, scale: number): string {
  const q = divBall(ratioScratch, lhs, bound);
  const digits = Number.isFinite(q.rad) ? ballToSignificantDigits(q, 8, scale) : undefined;
  return digits ?? eightDigits((lhs.hi + lhs.lo) / (bound.hi + bound.lo), scale);
}

/** `x·10^{scale}` for a double `x` to 8 significant digits, printed as decimal.js prints (for the uncertified `ratio`). */
function eightDigits(x: number, scale: number): string {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  const text = Math.abs(x).toExponential(7); // d.ddddddde±k
  return decimalText(x < 0, `${text[0]!}${text.slice(2, 9)}`, Number(text.slice(10)) + scale);
}

/** `holds` when the margin is provably ≥ 0, `violated` when provably < 0, otherwise undecided. */
function signOf(margin: Interval): 'holds' | 'violated' | undefined {
  if (margin.lo.gte(0)) return 'holds';
  if (margin.hi.lt(0)) return 'violated';
  return undefined;
}

/** True when the enclosure is `[0, u]` with `u` at the bottom of the exponent range (an underflow). */
function isBelowExponentRange(x: Interval): boolean {
  return x.lo.isZero() && x.hi.gt(0) && x.hi.lte(UNDERFLOW_CEILING);
}
const UNDERFLOW_CEILING = '1e-8999999999999000';

/** True when both ends of the enclosure round to the same `digits`-digit decimal. */
export function isKnownTo(x: Interval, digits: number): boolean {
  if (!x.lo.isFinite() || !x.hi.isFinite()) return false;
  if (x.isPoint) return true;
  return x.lo.toSignificantDigits(digits, 6).eq(x.hi.toSignificantDigits(digits, 6));
}

/** The enclosure's value to `digits` significant digits (its midpoint when not yet that narrow). */
export function formatTo(x: Interval, digits: number): string {
  if (!x.lo.isFinite() || !x.hi.isFinite()) return x.lo.isFinite() ? x.hi.toString() : x.lo.toString();
  if (x.isPoint) return x.lo.toSignificantDigits(digits, 6).toString();
  const mid = midpoint(x);
  return mid.toSignificantDigits(digits, 6).toString();
}

function midpoint(x: Interval): Decimal {
  return x.lo.plus(x.hi).div(2);
}

function ratioOf(e: Evaluation): { ratio?: string } {
  if (!e.bound.lo.isFinite() || !e.bound.hi.isFinite() || !e.lhs.lo.isFinite() || !e.lhs.hi.isFinite()) return {};
  const bound = midpoint(e.bound);
  if (bound.isZero()) return {};
  return { ratio: midpoint(e.lhs).div(bound).toSignificantDigits(8, 6).toString() };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

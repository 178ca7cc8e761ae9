/**
 * Cheap exact reading of simple decimal inputs for the fast path, without decimal.js.
 *
 * {@link readSmallDecimal} accepts a strict subset of what `src/verdict/args.ts` accepts — a JSON
 * number, or a string `[+-]digits[.digits][e[+-]digits]` without spaces, with at most 15 significant
 * digits and a decimal exponent within ±300 — and returns it exactly as `mantissa·10^exponent` with an
 * integer `|mantissa| < 10¹⁵ < 2⁵³`. Anything else returns undefined, and the caller falls back to the
 * full reader (which also produces the error messages). {@link onCommonScale} puts several such
 * decimals on one exact integer scale so that they compare and subtract exactly in doubles.
 *
 * {@link ballOfSmallDecimal} encloses `m·10^e`: for `0 ≤ e ≤ 22` the product of two exact doubles by
 * Dekker's TwoProduct (exact); for `−22 ≤ e < 0` the quotient `q₀ = RN(m/10^{−e})` corrected by
 * `q₁ = RN(ρ/10^{−e})`, `ρ = RN((m − p_h) − p_l)` with `p_h + p_l = q₀·10^{−e}` exactly: the only errors
 * are the two roundings in `ρ` and `q₁`, so `|q₀ + q₁ − m/10^{−e}| ≤ (2u + u²)|q₁| ≤ 2.1u²|q₀|`, well
 * within the charged {@link OP_REL}`·|q₀|`. Beyond ±22 the exact integer is multiplied by the ball
 * around `10^e` of `double-double-power10.ts` (`|e| ≤ 150`).
 *
 * Wider inputs. {@link readWideDecimal} also accepts up to {@link MAX_WIDE_SIGNIFICANT} significant
 * digits (the campaign's 30-digit scores), keeping the exact integer mantissa as a BigInt;
 * {@link onCommonScaleWide} puts such decimals on one exact BigInt scale (exponent spread at most
 * {@link MAX_SCALE_SPREAD}), and {@link ballOfBigScaled} encloses `g·10^e` for a BigInt `g`: `g` is
 * split as `hi + lo + rest` (exact below 2¹⁰⁶, `rest` charged to the radius above), times the ball
 * around `10^e`.
 */
import { DDBall, mulBall, OP_REL, roundedUp, setBall } from './double-double.ts';
import { pow10Ball, splitBigInt } from './double-double-power10.ts';

/** An exact decimal `mantissa·10^exponent` with an integer `|mantissa| < 10¹⁵`. */
export interface SmallDecimal {
  readonly mantissa: number;
  readonly exponent: number;
}

const MAX_SIGNIFICANT = 15;
const MAX_EXPONENT = 300;
const EXACT_POWERS = Array.from({ length: 23 }, (_, k) => 10 ** k); // 10^k is an exact double for k ≤ 22

/**
 * Longest text either reader looks at. Longer texts (e.g. thousands of leading zeros) go to the full
 * reader, which refuses beyond its own limit (`INPUT_DIGITS_LIMIT` in `src/verdict/args.ts`): this keeps
 * what the fast path reads a strict subset of what the full reader accepts.
 */
export const MAX_FAST_TEXT_LENGTH = 400;

/** Reads a simple decimal exactly, or undefined (see the module comment for the accepted form). */
export function readSmallDecimal(value: unknown): SmallDecimal | undefined {
  return parseSmallDecimal(value) ? { mantissa: parsed[0]!, exponent: parsedExponent[0]! } : undefined;
}

/** Mantissa and exponent of the last decimal {@link parseSmallDecimal} accepted (typed arrays: no object per value). */
const parsed = new Float64Array(1);
const parsedExponent = new Int32Array(1);

/** Reads a simple decimal into {@link parsed}; false when it is not of the accepted form. */
function parseSmallDecimal(value: unknown): boolean {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else return false;
  const length = text.length;
  if (length > MAX_FAST_TEXT_LENGTH) return false;
  let i = 0;
  let negative = false;
  let c = text.charCodeAt(0);
  if (c === 45 /* - */ || c === 43 /* + */) {
    negative = c === 45;
    i = 1;
  }
  let mantissa = 0;
  let significant = 0;
  let fractionDigits = 0;
  let digitsSeen = 0;
  let inFraction = false;
  for (; i < length; i++) {
    c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digitsSeen++;
      if (mantissa === 0 && c === 48) {
        if (inFraction) fractionDigits++;
        continue; // leading zeros are not significant
      }
      if (++significant > MAX_SIGNIFICANT) return false;
      mantissa = mantissa * 10 + (c - 48);
      if (inFraction) fractionDigits++;
    } else if (c === 46 /* . */ && !inFraction && digitsSeen > 0) {
      inFraction = true;
      if (i + 1 >= length || text.charCodeAt(i + 1) < 48 || text.charCodeAt(i + 1) > 57) return false; // "1." or "1.e5"
    } else break;
  }
  if (digitsSeen === 0) return false;
  let exponent = 0;
  if (i < length) {
    if (c !== 101 && c !== 69) return false; // e or E
    i++;
    let expNegative = false;
    c = text.charCodeAt(i);
    if (c === 45 || c === 43) {
      expNegative = c === 45;
      i++;
    }
    if (i >= length) return false;
    for (; i < length; i++) {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57) return false;
      exponent = exponent * 10 + (c - 48);
      if (exponent > MAX_EXPONENT) return false;
    }
    if (expNegative) exponent = -exponent;
  }
  parsed[0] = negative ? -mantissa : mantissa;
  parsedExponent[0] = exponent - fractionDigits;
  return true;
}

/**
 * Simple decimals read into reusable typed arrays (no object per value): the `i`-th is
 * `mantissas[i]·10^exponents[i]`, and after {@link SmallDecimalColumn.commonScale} also
 * `scaled[i]·10^exponent` with integers `scaled[i]`. Storage is reused by the next {@link SmallDecimalColumn.reset}.
 */
export class SmallDecimalColumn {
  mantissas = new Float64Array(16);
  exponents = new Int32Array(16);
  scaled = new Float64Array(16);
  length = 0;

  /** Empties the column, with room for `n` values. */
  reset(n: number): void {
    if (n > this.mantissas.length) {
      const size = Math.max(n, 2 * this.mantissas.length);
      this.mantissas = new Float64Array(size);
      this.exponents = new Int32Array(size);
      this.scaled = new Float64Array(size);
    }
    this.length = 0;
  }

  /** Appends `value` read as {@link readSmallDecimal} reads it; false (nothing appended) when it is not of that form. */
  push(value: unknown): boolean {
    if (!parseSmallDecimal(value)) return false;
    this.mantissas[this.length] = parsed[0]!;
    this.exponents[this.length] = parsedExponent[0]!;
    this.length += 1;
    return true;
  }

  /**
   * Puts the values on one exact integer scale: fills `scaled` and returns the common exponent (the
   * least exponent of a non-zero value, 0 when all are 0), or undefined when an integer would reach 2⁵³.
   */
  commonScale(): number | undefined {
    const { mantissas, exponents, scaled, length } = this;
    let exponent = Infinity;
    for (let i = 0; i < length; i++) if (mantissas[i] !== 0 && exponents[i]! < exponent) exponent = exponents[i]!;
    if (exponent === Infinity) exponent = 0;
    for (let i = 0; i < length; i++) {
      const k = exponents[i]! - exponent;
      const m = mantissas[i]!;
      if (k > 22) {
        if (m !== 0) return undefined;
        scaled[i] = 0;
        continue;
      }
      const v = m * EXACT_POWERS[k]!; // exact when |v| ≤ 2⁵³ (a product of integers)
      if (!(Math.abs(v) <= 2 ** 53)) return undefined;
      scaled[i] = v;
    }
    return exponent;
  }
}

const commonScaleColumn = new SmallDecimalColumn();

/**
 * The decimals as exact integers `scaled[i]` times a common `10^exponent`, or undefined when that
 * needs integers beyond 2⁵³ (see {@link SmallDecimalColumn.commonScale}).
 */
export function onCommonScale(xs: readonly SmallDecimal[]): { scaled: number[]; exponent: number } | undefined {
  const column = commonScaleColumn;
  column.reset(xs.length);
  xs.forEach((x, i) => {
    column.mantissas[i] = x.mantissa;
    column.exponents[i] = x.exponent;
  });
  column.length = xs.length;
  const exponent = column.commonScale();
  return exponent === undefined ? undefined : { scaled: Array.from(column.scaled.subarray(0, xs.length)), exponent };
}

/** `out ← ` a ball around `m·10^e` for an integer `|m| ≤ 2⁵³`; undefined when `|e| > 150` or out of range. */
export function ballOfScaledInteger(out: DDBall, m: number, e: number): DDBall | undefined {
  if (m === 0) return setBall(out, 0, 0, 0);
  if (e > 22 || e < -22) {
    const p = pow10Ball(e);
    if (p === undefined) return undefined;
    mulBall(out, setBall(out, m, 0, 0), p);
    return Number.isFinite(out.rad) ? out : undefined;
  }
  if (e >= 0) {
    const b = EXACT_POWERS[e]!;
    const p = m * b;
    if (!Number.isFinite(p)) return undefined;
    // Dekker's TwoProduct: p + err = m·b exactly
    let c = 134217729 * m;
    const m1 = c - (c - m);
    const m2 = m - m1;
    c = 134217729 * b;
    const b1 = c - (c - b);
    const b2 = b - b1;
    const err = m1 * b1 - p + m1 * b2 + m2 * b1 + m2 * b2;
    const hi = p + err;
    return setBall(out, hi, err - (hi - p), 0);
  }
  const b = EXACT_POWERS[-e]!;
  const q0 = m / b;
  let c = 134217729 * q0;
  const q1s = c - (c - q0);
  const q2s = q0 - q1s;
  c = 134217729 * b;
  const b1 = c - (c - b);
  const b2 = b - b1;
  const ph = q0 * b;
  const pl = q1s * b1 - ph + q1s * b2 + q2s * b1 + q2s * b2; // q0·b = ph + pl exactly
  const rho = m - ph - pl; // m − ph is exact (Sterbenz); one rounding
  const q1 = rho / b;
  const hi = q0 + q1;
  return setBall(out, hi, q1 - (hi - q0), roundedUp(OP_REL * Math.abs(q0)));
}

/** A new ball around a {@link SmallDecimal}, or undefined when its exponent is beyond ±150 (or out of range). */
export function ballOfSmallDecimal(x: SmallDecimal): DDBall | undefined {
  return ballOfScaledInteger(new DDBall(), x.mantissa, x.exponent);
}

/** Most significant digits read by {@link readWideDecimal}. */
export const MAX_WIDE_SIGNIFICANT = 40;
/** Largest difference of decimal exponents put on one BigInt scale by {@link onCommonScaleWide}. */
export const MAX_SCALE_SPREAD = 80;

/**
 * An exact decimal `mantissa·10^exponent`; when the integer mantissa has more than 15 digits, `big`
 * is that integer exactly (and `mantissa` only its rounding).
 */
export interface WideDecimal extends SmallDecimal {
  readonly big?: bigint;
}

const WIDE_PATTERN = /^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d{1,4}))?$/;

/**
 * Reads a decimal of up to {@link MAX_WIDE_SIGNIFICANT} significant digits with a normalised exponent
 * within ±300 exactly, or undefined (the form is that of {@link readSmallDecimal}).
 */
export function readWideDecimal(value: unknown): WideDecimal | undefined {
  const small = readSmallDecimal(value);
  if (small !== undefined) return small;
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else return undefined;
  if (text.length > MAX_FAST_TEXT_LENGTH) return undefined;
  const m = WIDE_PATTERN.exec(text);
  if (m === null) return undefined;
  const fraction = m[3] ?? '';
  let digits = `${m[2]!}${fraction}`;
  let start = 0;
  while (start < digits.length - 1 && digits.charCodeAt(start) === 48) start++;
  let end = digits.length;
  while (end > start + 1 && digits.charCodeAt(end - 1) === 48) end--;
  const exponent = Number(m[4] ?? '0') - fraction.length + (digits.length - end);
  digits = digits.slice(start, end);
  if (digits.length > MAX_WIDE_SIGNIFICANT || Math.abs(exponent) > MAX_EXPONENT) return undefined;
  const big = m[1] === '-' ? -BigInt(digits) : BigInt(digits);
  return { mantissa: Number(big), big, exponent: big === 0n ? 0 : exponent };
}

/** The exact integer mantissa of `x`. */
export function bigMantissa(x: WideDecimal): bigint {
  return x.big ?? BigInt(x.mantissa);
}

/**
 * The decimals as exact BigInts `scaled[i]` times a common `10^exponent`, or undefined when their
 * exponents differ by more than {@link MAX_SCALE_SPREAD}.
 */
export function onCommonScaleWide(xs: readonly WideDecimal[]): { scaled: bigint[]; exponent: number } | undefined {
  let exponent = Infinity;
  let top = -Infinity;
  for (const x of xs) {
    if (x.mantissa === 0) continue;
    if (x.exponent < exponent) exponent = x.exponent;
    if (x.exponent > top) top = x.exponent;
  }
  if (exponent === Infinity) exponent = 0;
  else if (top - exponent > MAX_SCALE_SPREAD) return undefined;
  const scaled: bigint[] = [];
  for (const x of xs) scaled.push(x.mantissa === 0 ? 0n : bigMantissa(x) * 10n ** BigInt(x.exponent - exponent));
  return { scaled, exponent };
}

/** `out ← ` a ball around `g·10^e` for a BigInt `g`; undefined when `|e| > 150` or out of range. */
export function ballOfBigScaled(out: DDBall, g: bigint, e: number): DDBall | undefined {
  if (g === 0n) return setBall(out, 0, 0, 0);
  const [hi, lo, rest] = splitBigInt(g);
  if (rest === 0 && lo === 0 && Math.abs(hi) <= 2 ** 53) return ballOfScaledInteger(out, hi, e);
  const p = pow10Ball(e);
  if (p === undefined) return undefined;
  mulBall(out, setBall(out, hi, lo, rest), p);
  return Number.isFinite(out.rad) ? out : undefined;
}

/** A new ball around a {@link WideDecimal}, or undefined when its exponent is beyond ±150 (or out of range). */
export function ballOfWideDecimal(x: WideDecimal): DDBall | undefined {
  return x.big === undefined ? ballOfSmallDecimal(x) : ballOfBigScaled(new DDBall(), x.big, x.exponent);
}

/** A decimal read for the fast path with its ball. */
export interface FastDecimal {
  readonly decimal: WideDecimal;
  readonly ball: DDBall;
}

/** A positive decimal read for the fast path, with its ball; undefined when not of the wide form or ≤ 0. */
export function readPositiveFast(value: unknown): FastDecimal | undefined {
  const decimal = readWideDecimal(value);
  if (decimal === undefined || !(decimal.mantissa > 0)) return undefined;
  const ball = ballOfWideDecimal(decimal);
  return ball === undefined ? undefined : { decimal, ball };
}

/** `a ≤ b` exactly. */
export function isAtMostWide(a: WideDecimal, b: WideDecimal): boolean | undefined {
  const common = onCommonScaleWide([a, b]);
  return common === undefined ? undefined : common.scaled[0]! <= common.scaled[1]!;
}

/** True when `x > 0`. */
export function isPositiveSmall(x: SmallDecimal): boolean {
  return x.mantissa > 0;
}

/** True when `x < 1` (exactly). */
export function isBelowOne(x: WideDecimal): boolean {
  if (x.exponent >= 0) return x.mantissa <= 0; // an integer times 10^e ≥ 1 unless it is ≤ 0
  if (x.big !== undefined) return x.big < 10n ** BigInt(-x.exponent);
  return x.exponent < -22 ? true : x.mantissa < EXACT_POWERS[-x.exponent]!;
}

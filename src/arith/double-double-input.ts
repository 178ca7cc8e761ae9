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
 * within the charged {@link OP_REL}`·|q₀|`. Other exponents return undefined.
 */
import { DDBall, OP_REL, roundedUp, setBall } from './double-double.ts';

/** An exact decimal `mantissa·10^exponent` with an integer `|mantissa| < 10¹⁵`. */
export interface SmallDecimal {
  readonly mantissa: number;
  readonly exponent: number;
}

const MAX_SIGNIFICANT = 15;
const MAX_EXPONENT = 300;
const EXACT_POWERS = Array.from({ length: 23 }, (_, k) => 10 ** k); // 10^k is an exact double for k ≤ 22

/** Reads a simple decimal exactly, or undefined (see the module comment for the accepted form). */
export function readSmallDecimal(value: unknown): SmallDecimal | undefined {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else return undefined;
  const length = text.length;
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
      if (++significant > MAX_SIGNIFICANT) return undefined;
      mantissa = mantissa * 10 + (c - 48);
      if (inFraction) fractionDigits++;
    } else if (c === 46 /* . */ && !inFraction && digitsSeen > 0) {
      inFraction = true;
      if (i + 1 >= length || text.charCodeAt(i + 1) < 48 || text.charCodeAt(i + 1) > 57) return undefined; // "1." or "1.e5"
    } else break;
  }
  if (digitsSeen === 0) return undefined;
  let exponent = 0;
  if (i < length) {
    if (c !== 101 && c !== 69) return undefined; // e or E
    i++;
    let expNegative = false;
    c = text.charCodeAt(i);
    if (c === 45 || c === 43) {
      expNegative = c === 45;
      i++;
    }
    if (i >= length) return undefined;
    for (; i < length; i++) {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57) return undefined;
      exponent = exponent * 10 + (c - 48);
      if (exponent > MAX_EXPONENT) return undefined;
    }
    if (expNegative) exponent = -exponent;
  }
  return { mantissa: negative ? -mantissa : mantissa, exponent: exponent - fractionDigits };
}

/** `x` as an exact integer multiple of `10^exponent`, or undefined when that integer would reach 2⁵³. */
function rescaled(x: SmallDecimal, exponent: number): number | undefined {
  const k = x.exponent - exponent;
  if (k > 22) return x.mantissa === 0 ? 0 : undefined;
  const v = x.mantissa * EXACT_POWERS[k]!; // exact when |v| ≤ 2⁵³ (a product of integers)
  return Math.abs(v) <= 2 ** 53 ? v : undefined;
}

/**
 * The decimals as exact integers `scaled[i]` times a common `10^exponent`, or undefined when that
 * needs integers beyond 2⁵³.
 */
export function onCommonScale(xs: readonly SmallDecimal[]): { scaled: number[]; exponent: number } | undefined {
  let exponent = Infinity;
  for (const x of xs) if (x.mantissa !== 0 && x.exponent < exponent) exponent = x.exponent;
  if (exponent === Infinity) exponent = 0;
  const scaled: number[] = [];
  for (const x of xs) {
    const v = rescaled(x, exponent);
    if (v === undefined) return undefined;
    scaled.push(v);
  }
  return { scaled, exponent };
}

/** `out ← ` a ball around `m·10^e` for an integer `|m| ≤ 2⁵³`; undefined when `|e| > 22`. */
export function ballOfScaledInteger(out: DDBall, m: number, e: number): DDBall | undefined {
  if (m === 0) return setBall(out, 0, 0, 0);
  if (e >= 0) {
    if (e > 22) return undefined;
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
  if (e < -22) return undefined;
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

/** A new ball around a {@link SmallDecimal}, or undefined when its exponent is beyond ±22. */
export function ballOfSmallDecimal(x: SmallDecimal): DDBall | undefined {
  return ballOfScaledInteger(new DDBall(), x.mantissa, x.exponent);
}

/** True when `x > 0`. */
export function isPositiveSmall(x: SmallDecimal): boolean {
  return x.mantissa > 0;
}

/** True when `x < 1` (exactly). */
export function isBelowOne(x: SmallDecimal): boolean {
  if (x.exponent >= 0) return x.mantissa <= 0; // an integer times 10^e ≥ 1 unless it is ≤ 0
  return x.exponent < -22 ? true : x.mantissa < EXACT_POWERS[-x.exponent]!;
}

/**
 * fast-check arbitraries of exact decimals: an integer mantissa times a power of ten, rendered as a
 * decimal string. Inputs convert exactly (no float64 on the way) and shrink to short, readable
 * numbers (the mantissa shrinks toward 0, the exponent toward 0).
 *
 * The strings are formatted from the integer mantissa and the exponent directly
 * ({@link decimalString}), exactly as decimal.js's `toString()` of the same value prints it, without
 * creating a Decimal per generated value (generation is a sizeable share of a large campaign).
 */
import fc from 'fast-check';
import { ExactDecimal } from '../arith/context.ts';

/**
 * The value `m × 10^k` as decimal.js prints it (`ExactDecimal`'s `toExpNeg` −7 and `toExpPos` 21):
 * trailing zeros dropped, plain notation when the exponent of the leading digit is in [−6, 20],
 * otherwise scientific notation (`1.25e-7`, `1e+21`).
 */
export function decimalString(m: bigint, k: number): string {
  if (m === 0n) return '0';
  const negative = m < 0n;
  const text = (negative ? -m : m).toString();
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48 /* '0' */) end -= 1;
  const digits = end === text.length ? text : text.slice(0, end);
  const exponent = k + (text.length - end); // value = digits × 10^exponent
  const lead = digits.length - 1 + exponent; // exponent of the leading digit
  let body: string;
  if (lead <= -7 || lead >= 21) {
    body = `${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${lead < 0 ? '-' : '+'}${Math.abs(lead)}`;
  } else if (lead < 0) {
    body = `0.${'0'.repeat(-lead - 1)}${digits}`;
  } else if (exponent >= 0) {
    body = digits + '0'.repeat(exponent);
  } else {
    body = `${digits.slice(0, lead + 1)}.${digits.slice(lead + 1)}`;
  }
  return negative ? `-${body}` : body;
}

export interface ExactDecimalConstraints {
  /** Most significant digits of the mantissa (default 8). */
  readonly digits?: number;
  /** Smallest and largest power of ten applied to the mantissa (defaults −8 and 0). */
  readonly minExponent?: number;
  readonly maxExponent?: number;
  /** Only values ≥ 0 (default false). */
  readonly nonNegative?: boolean;
}

/** A decimal `m × 10^k` as its integer mantissa and exponent. */
export interface ScaledDecimal {
  readonly m: bigint;
  readonly k: number;
}

/** The pair `(m, k)` of {@link exactDecimal}, for generators that compute with it exactly before printing. */
export function exactDecimalParts(constraints: ExactDecimalConstraints = {}): fc.Arbitrary<ScaledDecimal> {
  const digits = constraints.digits ?? 8;
  const minExponent = constraints.minExponent ?? -8;
  const maxExponent = constraints.maxExponent ?? 0;
  if (minExponent > maxExponent) throw new RangeError('exactDecimal: constraints.minExponent must be ≤ constraints.maxExponent');
  const limit = 10n ** BigInt(digits) - 1n;
  return fc
    .tuple(fc.bigInt({ min: constraints.nonNegative === true ? 0n : -limit, max: limit }), fc.integer({ min: minExponent, max: maxExponent }))
    .map(([m, k]) => ({ m, k }));
}

/** A decimal string `m × 10^k`, `|m| < 10^digits`, `k ∈ [minExponent, maxExponent]`. */
export function exactDecimal(constraints: ExactDecimalConstraints = {}): fc.Arbitrary<string> {
  return exactDecimalParts(constraints).map(({ m, k }) => decimalString(m, k));
}

/** The mantissa range of each `(lo, hi, places)` asked for (generators built inside `chain` ask again per probe). */
const mantissaRanges = new Map<string, readonly [bigint, bigint]>();

/** The integers `m` with `m × 10^{−places} ∈ [lo, hi]` (the mantissas of {@link decimalBetween}). */
export function mantissaBetween(lo: string, hi: string, places: number): fc.Arbitrary<bigint> {
  const key = `${lo} ${hi} ${places}`;
  let range = mantissaRanges.get(key);
  if (range === undefined) {
    const scale = new ExactDecimal(10).pow(places);
    range = [BigInt(new ExactDecimal(lo).mul(scale).ceil().toFixed(0)), BigInt(new ExactDecimal(hi).mul(scale).floor().toFixed(0))];
    mantissaRanges.set(key, range);
  }
  const [a, b] = range;
  if (a > b) throw new RangeError(`decimalBetween: no ${places}-place decimal in [${lo}, ${hi}]`);
  return fc.bigInt({ min: a, max: b });
}

/** A decimal string in `[lo, hi]` with `places` decimal places (uniform on that grid). */
export function decimalBetween(lo: string, hi: string, places: number): fc.Arbitrary<string> {
  return mantissaBetween(lo, hi, places).map((m) => decimalString(m, -places));
}

/**
 * fast-check arbitraries of exact decimals: an integer mantissa times a power of ten, rendered as a
 * decimal string. Inputs convert exactly (no float64 on the way) and shrink to short, readable
 * numbers (the mantissa shrinks toward 0, the exponent toward 0).
 */
import fc from 'fast-check';
import { ExactDecimal } from '../arith/context.ts';

export interface ExactDecimalConstraints {
  /** Most significant digits of the mantissa (default 8). */
  readonly digits?: number;
  /** Smallest and largest power of ten applied to the mantissa (defaults −8 and 0). */
  readonly minExponent?: number;
  readonly maxExponent?: number;
  /** Only values ≥ 0 (default false). */
  readonly nonNegative?: boolean;
}

/** A decimal string `m × 10^k`, `|m| < 10^digits`, `k ∈ [minExponent, maxExponent]`. */
export function exactDecimal(constraints: ExactDecimalConstraints = {}): fc.Arbitrary<string> {
  const digits = constraints.digits ?? 8;
  const minExponent = constraints.minExponent ?? -8;
  const maxExponent = constraints.maxExponent ?? 0;
  if (minExponent > maxExponent) throw new RangeError('exactDecimal: constraints.minExponent must be ≤ constraints.maxExponent');
  const limit = 10n ** BigInt(digits) - 1n;
  return fc
    .tuple(fc.bigInt({ min: constraints.nonNegative === true ? 0n : -limit, max: limit }), fc.integer({ min: minExponent, max: maxExponent }))
    .map(([m, k]) => new ExactDecimal(`${m.toString()}e${k}`).toString());
}

/** A decimal string in `[lo, hi]` with `places` decimal places (uniform on that grid). */
export function decimalBetween(lo: string, hi: string, places: number): fc.Arbitrary<string> {
  const scale = new ExactDecimal(10).pow(places);
  const a = BigInt(new ExactDecimal(lo).mul(scale).ceil().toFixed(0));
  const b = BigInt(new ExactDecimal(hi).mul(scale).floor().toFixed(0));
  if (a > b) throw new RangeError(`decimalBetween: no ${places}-place decimal in [${lo}, ${hi}]`);
  return fc.bigInt({ min: a, max: b }).map((m) => new ExactDecimal(m.toString()).div(scale).toString());
}

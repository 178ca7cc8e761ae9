/**
 * Integer parts of exact rationals: the floor and ceiling that decide a point's cell and a grid's
 * size, computed in BigInt (no rounding anywhere).
 */
import { Rational } from '../arith/rational.ts';

/** The largest integer `≤ r`. */
export function floorOf(r: Rational): bigint {
  const q = r.num / r.den; // BigInt division truncates toward 0; den > 0
  return r.num < 0n && q * r.den !== r.num ? q - 1n : q;
}

/** The smallest integer `≥ r`. */
export function ceilOf(r: Rational): bigint {
  return -floorOf(r.neg());
}

/** True when `r` has a terminating decimal expansion (its reduced denominator is `2^i·5^j`). */
export function isTerminatingDecimal(r: Rational): boolean {
  let d = r.den;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  return d === 1n;
}

export { Rational };

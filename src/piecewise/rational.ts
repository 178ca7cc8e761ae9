/**
 * Exact rational numbers `p/q` over BigInt, for the grid, the cell of a point and the quantiser
 * network: every cell index, centre and ReLU unit of the piecewise-constant lemma is computed
 * exactly, and only then enclosed in an interval (with directed rounding) for the target.
 *
 * A {@link Rational} is always normalised: `q > 0` and `gcd(|p|, q) = 1`, so equal numbers have
 * equal fields. Decimals convert exactly (a decimal is `m · 10^k`).
 */
import type { Decimal } from 'decimal.js';
import type { Arith, Interval } from '../arith/interval.ts';

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** An exact rational `num/den` with `den > 0` and the fraction in lowest terms. */
export class Rational {
  readonly num: bigint;
  readonly den: bigint;

  constructor(num: bigint, den: bigint = 1n) {
    if (den === 0n) throw new RangeError('Rational: denominator is 0');
    const sign = den < 0n ? -1n : 1n;
    const g = gcd(num, den);
    this.num = (sign * num) / (g === 0n ? 1n : g);
    this.den = (sign * den) / (g === 0n ? 1n : g);
  }

  static readonly ZERO = new Rational(0n);
  static readonly ONE = new Rational(1n);

  /** The exact value of a finite decimal (decimal.js never rounds a stored value's digits). */
  static fromDecimal(d: Decimal): Rational {
    if (!d.isFinite()) throw new RangeError(`Rational.fromDecimal: ${d.toString()} is not finite`);
    // toFixed() without an argument writes every stored digit, with no exponent: "123.045".
    const fixed = d.abs().toFixed();
    const point = fixed.indexOf('.');
    const places = point < 0 ? 0 : fixed.length - point - 1;
    const magnitude = BigInt(fixed.replace('.', ''));
    return new Rational(d.isNegative() ? -magnitude : magnitude, 10n ** BigInt(places));
  }

  static fromInteger(n: number | bigint): Rational {
    return new Rational(BigInt(n));
  }

  add(o: Rational): Rational {
    return new Rational(this.num * o.den + o.num * this.den, this.den * o.den);
  }

  sub(o: Rational): Rational {
    return new Rational(this.num * o.den - o.num * this.den, this.den * o.den);
  }

  mul(o: Rational): Rational {
    return new Rational(this.num * o.num, this.den * o.den);
  }

  div(o: Rational): Rational {
    if (o.num === 0n) throw new RangeError('Rational.div: division by 0');
    return new Rational(this.num * o.den, this.den * o.num);
  }

  neg(): Rational {
    return new Rational(-this.num, this.den);
  }

  abs(): Rational {
    return this.num < 0n ? this.neg() : this;
  }

  /** `this^k` for an integer `k ≥ 0`. */
  pow(k: number): Rational {
    if (!Number.isInteger(k) || k < 0) throw new RangeError(`Rational.pow: exponent must be a non-negative integer, got ${k}`);
    return new Rational(this.num ** BigInt(k), this.den ** BigInt(k));
  }

  /** −1, 0 or 1 as `this` is below, equal to or above `o`. */
  cmp(o: Rational): -1 | 0 | 1 {
    const d = this.num * o.den - o.num * this.den;
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  }

  lt(o: Rational): boolean {
    return this.cmp(o) < 0;
  }

  lte(o: Rational): boolean {
    return this.cmp(o) <= 0;
  }

  gt(o: Rational): boolean {
    return this.cmp(o) > 0;
  }

  gte(o: Rational): boolean {
    return this.cmp(o) >= 0;
  }

  eq(o: Rational): boolean {
    return this.num === o.num && this.den === o.den;
  }

  isZero(): boolean {
    return this.num === 0n;
  }

  /** The largest integer `≤ this`. */
  floor(): bigint {
    const q = this.num / this.den; // truncates toward 0
    return this.num < 0n && q * this.den !== this.num ? q - 1n : q;
  }

  /** The smallest integer `≥ this`. */
  ceil(): bigint {
    return -this.neg().floor();
  }

  /** True when the decimal expansion terminates (the reduced denominator is `2^i 5^j`). */
  get isDecimal(): boolean {
    let d = this.den;
    while (d % 2n === 0n) d /= 2n;
    while (d % 5n === 0n) d /= 5n;
    return d === 1n;
  }

  /**
   * An enclosure at the arithmetic's precision: the point interval when the value is a terminating
   * decimal that fits, otherwise `[down(p/q), up(p/q)]` with directed rounding.
   */
  enclose(A: Arith): Interval {
    if (this.den === 1n) return A.point(this.num.toString());
    return A.div(A.point(this.num.toString()), A.point(this.den.toString()));
  }

  /** `p/q` as text, or `p` for an integer. */
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num.toString()}/${this.den.toString()}`;
  }
}

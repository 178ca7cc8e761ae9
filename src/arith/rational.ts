/**
 * Exact rational numbers over BigInt: `num/den` with `den > 0`, in lowest terms when made by
 * {@link Rational.of} (every operation's result is), possibly not when made by
 * {@link Rational.unreduced} (for bulk construction, where a gcd per value would dominate the cost).
 * Comparisons and printing do not depend on the representation.
 *
 * Decimal inputs, grid spacings `h = (b − a)/N`, grid nodes `a + k·h` and the outputs of a ReLU
 * network with rational weights are all rational, so a claim built from them alone is decided
 * exactly: an identity comes out as the point interval `[0, 0]`, never as an enclosure straddling 0.
 *
 * Method: schoolbook BigInt arithmetic, reduced by Euclid's gcd after every operation. No rounding
 * anywhere; {@link Rational.toInterval} is the only place where a rational meets a precision.
 */
import type { Decimal } from 'decimal.js';
import type { Arith, Interval } from './interval.ts';

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** gcd(|a|, b) for `b > 0` (always positive). */
function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) {
    if (x <= SAFE && y <= SAFE) return BigInt(gcdSafe(Number(x), Number(y)));
    [x, y] = [y, x % y];
  }
  return x;
}

/** Euclid on integers below 2^53, where doubles are exact (and much faster than BigInt). */
function gcdSafe(x: number, y: number): number {
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** An exact rational number. Immutable. */
export class Rational {
  private constructor(
    /** Numerator (carries the sign). */
    readonly num: bigint,
    /** Denominator, always > 0. */
    readonly den: bigint,
  ) {}

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  /** `num/den` reduced to lowest terms; throws `RangeError` when `den = 0`. */
  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    let n = BigInt(num);
    let d = BigInt(den);
    if (d === 0n) throw new RangeError('Rational.of: zero denominator');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n, d); // > 0; d when n = 0, so 0 is 0/1
    return new Rational(n / g, d / g);
  }

  /**
   * `num/den` without reducing (`den > 0` required; throws `RangeError` otherwise). The value is exact;
   * only the representation may not be canonical.
   */
  static unreduced(num: bigint, den: bigint): Rational {
    if (den <= 0n) throw new RangeError('Rational.unreduced: the denominator must be positive');
    return new Rational(num, den);
  }

  /** The exact value of a finite decimal (decimal.js values are finite decimals, hence rational). */
  static fromDecimal(x: Decimal): Rational {
    if (!x.isFinite()) throw new RangeError(`Rational.fromDecimal: ${x.toString()} is not finite`);
    const text = x.toFixed(); // [-]digits[.digits]: BigInt reads the sign
    const dot = text.indexOf('.');
    const digits = dot < 0 ? text : text.slice(0, dot) + text.slice(dot + 1);
    const scale = dot < 0 ? 0 : text.length - dot - 1;
    return Rational.of(BigInt(digits), 10n ** BigInt(scale));
  }

  add(o: Rational): Rational {
    if (this.den === o.den) return Rational.of(this.num + o.num, this.den);
    return Rational.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }

  sub(o: Rational): Rational {
    return this.add(o.neg());
  }

  mul(o: Rational): Rational {
    return Rational.of(this.num * o.num, this.den * o.den);
  }

  /** `this / o`; throws `RangeError` when `o = 0`. */
  div(o: Rational): Rational {
    if (o.num === 0n) throw new RangeError('Rational.div: division by zero');
    return Rational.of(this.num * o.den, this.den * o.num);
  }

  neg(): Rational {
    return new Rational(-this.num, this.den);
  }

  abs(): Rational {
    return this.num < 0n ? this.neg() : this;
  }

  /** `this^k` for an integer `k` (a negative `k` needs `this ≠ 0`). */
  pow(k: number): Rational {
    if (!Number.isInteger(k)) throw new RangeError(`Rational.pow: exponent must be an integer, got ${k}`);
    if (k < 0) return Rational.ONE.div(this.pow(-k));
    return new Rational(this.num ** BigInt(k), this.den ** BigInt(k));
  }

  /** −1, 0 or 1. */
  sign(): -1 | 0 | 1 {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }

  isZero(): boolean {
    return this.num === 0n;
  }

  /** −1, 0 or 1 as `this` is below, equal to or above `o`. */
  cmp(o: Rational): -1 | 0 | 1 {
    const d = this.num * o.den - o.num * this.den;
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  }

  eq(o: Rational): boolean {
    return this.cmp(o) === 0;
  }

  lt(o: Rational): boolean {
    return this.cmp(o) < 0;
  }

  lte(o: Rational): boolean {
    return this.cmp(o) <= 0;
  }

  max(o: Rational): Rational {
    return this.cmp(o) >= 0 ? this : o;
  }

  min(o: Rational): Rational {
    return this.cmp(o) <= 0 ? this : o;
  }

  /** `max(this, 0)`. */
  relu(): Rational {
    return this.num > 0n ? this : Rational.ZERO;
  }

  /** The tightest enclosure at the arithmetic's precision (a point when the value is a decimal that fits). */
  toInterval(A: Arith): Interval {
    if (this.den === 1n) return A.point(this.num.toString());
    return A.div(A.point(this.num.toString()), A.point(this.den.toString()));
  }

  /** `p/q` in lowest terms (`p` alone when `q = 1`). */
  toString(): string {
    const r = Rational.of(this.num, this.den);
    return r.den === 1n ? r.num.toString() : `${r.num.toString()}/${r.den.toString()}`;
  }
}

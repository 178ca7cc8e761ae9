/**
 * Interval arithmetic over decimal.js with directed rounding.
 *
 * An {@link Interval} `[lo, hi]` encloses one real number. Every operation of {@link Arith} returns
 * an interval that contains the exact result for every choice of operands in the operand intervals
 * (the inclusion property), so a comparison of enclosures that comes out one way is proved.
 *
 * Method: `+ − × ÷ sqrt` use decimal.js's correctly rounded operations in the directed modes
 * (`ROUND_FLOOR` for lower ends, `ROUND_CEIL` for upper ends). `exp ln sin cos pow` are evaluated
 * in the directed modes and then widened outward by {@link TRANSCENDENTAL_ULPS} units in the last
 * place: decimal.js documents `exp` and `ln` as correctly rounded, and the widening covers any
 * function whose error is below that many ulps.
 *
 * Endpoints may be ±Infinity (an unbounded enclosure); they never are NaN.
 */
import type { Decimal } from 'decimal.js';
import { precisionContext, type PrecisionContext, ExactDecimal } from './context.ts';

/** Outward widening, in units in the last place, of every transcendental result. */
export const TRANSCENDENTAL_ULPS = 2;
/** The smallest positive decimal in the contexts' exponent range (`minE = −9·10^15`). */
export const SMALLEST_POSITIVE = '1e-9000000000000000';
/** Digits of π stored in decimal.js, which bound its trigonometric argument reduction. */
const TRIG_PI_DIGITS = 1025;
/** Digits kept in reserve when deciding whether decimal.js can reduce a trigonometric argument. */
const TRIG_GUARD_DIGITS = 10;

/** A closed interval `[lo, hi]` of reals, `lo ≤ hi`. */
export class Interval {
  constructor(
    readonly lo: Decimal,
    readonly hi: Decimal,
  ) {}

  /** True when the interval is a single point (the value is known exactly). */
  get isPoint(): boolean {
    return this.lo.eq(this.hi);
  }

  /** True when every element is ≥ 0. */
  get isNonNegative(): boolean {
    return this.lo.gte(0);
  }

  /** True when every element is > 0. */
  get isPositive(): boolean {
    return this.lo.gt(0);
  }

  /** True when `x` lies in the interval. */
  contains(x: Decimal.Value): boolean {
    return this.lo.lte(x) && this.hi.gte(x);
  }

  toString(): string {
    return `[${this.lo.toString()}, ${this.hi.toString()}]`;
  }
}

/** Thrown when an operation is applied outside its domain on the whole operand interval. */
export class ArithmeticDomainError extends Error {
  constructor(
    readonly operation: string,
    readonly operand: Interval,
  ) {
    super(`${operation} is undefined on ${operand.toString()}`);
    this.name = 'ArithmeticDomainError';
  }
}

/** Thrown when `e^a` overflows decimal.js's exponent range (magnitudes above 1e9e15). */
export class ExponentRangeError extends ArithmeticDomainError {
  constructor(operand: Interval) {
    super('exp', operand);
    this.name = 'ExponentRangeError';
    this.message = `e^x for x in ${operand.toString()} overflows the decimal exponent range (magnitudes up to 1e9e15)`;
  }
}

/**
 * Interval operations at one precision. Obtain one with {@link arithAt}; it holds no mutable state.
 */
export class Arith {
  readonly down: Decimal.Constructor;
  readonly up: Decimal.Constructor;

  constructor(readonly ctx: PrecisionContext) {
    this.down = ctx.down;
    this.up = ctx.up;
  }

  /** Working precision in significant digits. */
  get precision(): number {
    return this.ctx.precision;
  }

  // ---- construction -------------------------------------------------------------------------

  /** The exact point interval `[x, x]` (the value is read exactly, never rounded). */
  point(x: Decimal.Value): Interval {
    const d = new ExactDecimal(x);
    return new Interval(d, d);
  }

  /** The interval `[lo, hi]` from exact values; throws when `lo > hi`. */
  between(lo: Decimal.Value, hi: Decimal.Value): Interval {
    const l = new ExactDecimal(lo);
    const h = new ExactDecimal(hi);
    if (l.gt(h)) throw new RangeError(`Arith.between: lo ${l.toString()} exceeds hi ${h.toString()}`);
    return new Interval(l, h);
  }

  /** The hull of several intervals. */
  hull(...xs: Interval[]): Interval {
    if (xs.length === 0) throw new RangeError('Arith.hull: needs at least one interval');
    let lo = xs[0]!.lo;
    let hi = xs[0]!.hi;
    for (const x of xs) {
      if (x.lo.lt(lo)) lo = x.lo;
      if (x.hi.gt(hi)) hi = x.hi;
    }
    return new Interval(lo, hi);
  }

  /** An enclosure of π. */
  pi(): Interval {
    return this.widen(new Interval(this.down.acos(-1), this.up.acos(-1)));
  }

  // ---- field operations -----------------------------------------------------------------------

  add(a: Interval, b: Interval): Interval {
    return new Interval(this.down.add(a.lo, b.lo), this.up.add(a.hi, b.hi));
  }

  sub(a: Interval, b: Interval): Interval {
    return new Interval(this.down.sub(a.lo, b.hi), this.up.sub(a.hi, b.lo));
  }

  neg(a: Interval): Interval {
    return new Interval(a.hi.neg(), a.lo.neg());
  }

  /** The sum of many intervals (0 for none). */
  sum(xs: Iterable<Interval>): Interval {
    let lo: Decimal = new this.down(0);
    let hi: Decimal = new this.up(0);
    for (const x of xs) {
      lo = this.down.add(lo, x.lo);
      hi = this.up.add(hi, x.hi);
    }
    return new Interval(lo, hi);
  }

  mul(a: Interval, b: Interval): Interval {
    if (a.lo.gte(0) && b.lo.gte(0)) {
      return new Interval(this.down.mul(a.lo, b.lo), this.up.mul(a.hi, b.hi));
    }
    return this.cornerHull(a, b, 'mul');
  }

  /** `a / b`; when `b` contains 0 the enclosure is the whole line. */
  div(a: Interval, b: Interval): Interval {
    if (b.lo.lte(0) && b.hi.gte(0)) {
      return new Interval(new this.down(-Infinity), new this.up(Infinity));
    }
    return this.cornerHull(a, b, 'div');
  }

  /**
   * The hull of `x ∘ y` over the four corners `x ∈ {a.lo, a.hi}`, `y ∈ {b.lo, b.hi}`, lower ends rounded
   * down and upper ends up: the exact range of `∘` on the box for `×`, and for `÷` when `0 ∉ b`.
   */
  private cornerHull(a: Interval, b: Interval, op: 'mul' | 'div'): Interval {
    let lo: Decimal | undefined;
    let hi: Decimal | undefined;
    for (const x of [a.lo, a.hi]) {
      for (const y of [b.lo, b.hi]) {
        const l = this.down[op](x, y);
        const h = this.up[op](x, y);
        if (lo === undefined || l.lt(lo)) lo = l;
        if (hi === undefined || h.gt(hi)) hi = h;
      }
    }
    return new Interval(zeroNaN(lo!), zeroNaN(hi!));
  }

  /** `a · k` for an exact scalar `k`. */
  scale(a: Interval, k: Decimal.Value): Interval {
    return this.mul(a, this.point(k));
  }

  /** `a^k` for an integer `k ≥ 0` (tight for even `k` on intervals containing 0). */
  powInt(a: Interval, k: number): Interval {
    if (!Number.isInteger(k) || k < 0) throw new RangeError(`Arith.powInt: exponent must be a non-negative integer, got ${k}`);
    if (k === 0) return this.point(1);
    const m = k % 2 === 0 ? this.abs(a) : a;
    // x ↦ x^k is monotone on m (non-negative for even k; odd powers are monotone everywhere).
    // decimal.js documents pow as "almost always" correctly rounded, with at most 1 ulp of error:
    // widen like a transcendental.
    return this.widen(new Interval(this.down.pow(m.lo, k), this.up.pow(m.hi, k)));
  }

  // ---- order and piecewise-linear operations --------------------------------------------------

  abs(a: Interval): Interval {
    if (a.lo.gte(0)) return a;
    if (a.hi.lte(0)) return this.neg(a);
    return new Interval(new this.down(0), a.hi.gt(a.lo.neg()) ? a.hi : a.lo.neg());
  }

  max(a: Interval, b: Interval): Interval {
    return new Interval(a.lo.gt(b.lo) ? a.lo : b.lo, a.hi.gt(b.hi) ? a.hi : b.hi);
  }

  min(a: Interval, b: Interval): Interval {
    return new Interval(a.lo.lt(b.lo) ? a.lo : b.lo, a.hi.lt(b.hi) ? a.hi : b.hi);
  }

  /** `ReLU(a) = max(a, 0)`. */
  relu(a: Interval): Interval {
    return this.max(a, this.point(0));
  }

  // ---- transcendental functions ---------------------------------------------------------------

  /** `e^a` (monotone increasing). */
  exp(a: Interval): Interval {
    const lo = this.down.exp(a.lo);
    let hi = this.up.exp(a.hi);
    // Below decimal.js's exponent range exp underflows to 0: the smallest positive decimal is still a
    // valid upper end (such terms are negligible beside any representable one). Above it, exp
    // overflows to ∞ and no finite enclosure can be given, so the probe is refused.
    if (hi.isZero() && a.hi.isFinite()) hi = new this.up(SMALLEST_POSITIVE);
    if (!lo.isFinite() && a.lo.isFinite()) throw new ExponentRangeError(a);
    const w = this.widen(new Interval(lo, hi));
    return w.lo.lt(0) ? new Interval(new this.down(0), w.hi) : w;
  }

  /**
   * `e^a − 1`, accurate also for tiny `a` (no cancellation): Taylor series with a rigorous remainder
   * `|R_K| ≤ 2|x|^{K+1}/(K+1)!` for `|x| ≤ 1/2`, direct `exp(a) − 1` elsewhere. Monotone increasing.
   */
  expm1(a: Interval): Interval {
    const lo = this.expm1Point(a.lo);
    const hi = this.expm1Point(a.hi);
    return new Interval(lo.lo, hi.hi);
  }

  private expm1Point(x: Decimal): Interval {
    const X = new Interval(x, x);
    if (x.abs().gt(0.5)) return this.sub(this.exp(X), this.point(1));
    if (x.isZero()) return this.point(0);
    let term = X; // x^k / k!
    let total = X;
    const tiny = x.abs().mul(`1e-${this.precision + 2}`);
    for (let k = 2; k < 10_000; k++) {
      term = this.div(this.mul(term, X), this.point(k));
      total = this.add(total, term);
      const magnitude = term.hi.abs().gt(term.lo.abs()) ? term.hi.abs() : term.lo.abs();
      if (magnitude.lt(tiny)) {
        // remainder after term k: |R| ≤ 2·|x|^{k+1}/(k+1)! ≤ |term|·2|x|/(k+1) ≤ |term|
        const r = this.up.mul(magnitude, 1);
        return this.add(total, new Interval(r.neg(), r));
      }
    }
    throw new Error('Arith.expm1: series did not converge'); // unreachable for |x| ≤ 1/2
  }

  /** `ln a`; domain error when `a ≤ 0` everywhere, unbounded below when `a` reaches 0. */
  ln(a: Interval): Interval {
    if (a.hi.lte(0)) throw new ArithmeticDomainError('ln', a);
    const lo = a.lo.lte(0) ? new this.down(-Infinity) : this.down.ln(a.lo);
    return this.widen(new Interval(lo, this.up.ln(a.hi)));
  }

  /** `√a`; domain error when `a < 0` everywhere; negative parts of `a` are clipped to 0. */
  sqrt(a: Interval): Interval {
    if (a.hi.lt(0)) throw new ArithmeticDomainError('sqrt', a);
    const lo = a.lo.lte(0) ? new this.down(0) : this.down.sqrt(a.lo);
    return new Interval(lo, this.up.sqrt(a.hi));
  }

  /**
   * `a^b` for real `b`: for a point integer `b` the exact power; otherwise `a ≥ 0` is required
   * (`0^b = 0` for `b > 0`) and the result is `exp(b · ln a)` with the endpoints widened.
   */
  pow(a: Interval, b: Interval): Interval {
    if (b.isPoint && b.lo.isInteger() && b.lo.abs().lte(1_000_000)) {
      const k = b.lo.toNumber();
      return k >= 0 ? this.powInt(a, k) : this.div(this.point(1), this.powInt(a, -k));
    }
    if (a.hi.lt(0)) throw new ArithmeticDomainError('pow (negative base, non-integer exponent)', a);
    const base = a.lo.lt(0) ? new Interval(new this.down(0), a.hi) : a;
    if (base.lo.isZero()) {
      if (b.lo.lte(0)) throw new ArithmeticDomainError('pow (zero base, non-positive exponent)', base);
      // x^β is increasing in x ≥ 0 for β > 0, so the range is [0, max over β of hi^β].
      if (base.hi.isZero()) return this.point(0);
      const top = this.exp(this.mul(b, this.ln(new Interval(base.hi, base.hi))));
      return new Interval(new this.down(0), top.hi);
    }
    return this.exp(this.mul(b, this.ln(base)));
  }

  /** `sin a`, with exact range analysis at the extrema `π/2 + kπ`. */
  sin(a: Interval): Interval {
    return this.sinShifted(a, this.point(0));
  }

  /** `cos a = sin(a + π/2)`. */
  cos(a: Interval): Interval {
    const halfPi = this.div(this.pi(), this.point(2));
    return this.sinShifted(a, halfPi);
  }

  private sinShifted(a: Interval, shift: Interval): Interval {
    const x = this.add(a, shift);
    const one = new this.up(1);
    const minusOne = new this.down(-1);
    // decimal.js reduces trigonometric arguments with its stored π of 1025 digits: beyond that the
    // reduction is not trustworthy, so huge arguments get the honest enclosure [−1, 1].
    const largest = x.lo.abs().gt(x.hi.abs()) ? x.lo.abs() : x.hi.abs();
    if (!largest.isFinite() || largest.e + this.precision + TRIG_GUARD_DIGITS > TRIG_PI_DIGITS) return new Interval(minusOne, one);
    const twoPi = this.mul(this.pi(), this.point(2));
    if (this.sub(x, new Interval(x.lo, x.lo)).hi.gte(twoPi.lo)) return new Interval(minusOne, one);
    // maxima at π/2 + 2kπ, minima at 3π/2 + 2kπ: does x reach one?
    const pi = this.pi();
    const reaches = (offset: Interval): boolean => {
      const t = this.div(this.sub(x, offset), twoPi); // x = offset + 2πt
      return t.lo.ceil().lte(t.hi.floor());
    };
    const halfPi = this.div(pi, this.point(2));
    const threeHalfPi = this.mul(halfPi, this.point(3));
    const ends = [x.lo, x.hi].map((v) => this.widen(new Interval(this.down.sin(v), this.up.sin(v))));
    let lo = ends[0]!.lo.lt(ends[1]!.lo) ? ends[0]!.lo : ends[1]!.lo;
    let hi = ends[0]!.hi.gt(ends[1]!.hi) ? ends[0]!.hi : ends[1]!.hi;
    if (reaches(halfPi)) hi = one;
    if (reaches(threeHalfPi)) lo = minusOne;
    if (lo.lt(-1)) lo = minusOne;
    if (hi.gt(1)) hi = one;
    return new Interval(lo, hi);
  }

  // ---- rounding helpers -----------------------------------------------------------------------

  /** Widens both ends outward by {@link TRANSCENDENTAL_ULPS} ulps at this precision. */
  widen(a: Interval): Interval {
    return new Interval(this.stepDown(a.lo), this.stepUp(a.hi));
  }

  private ulp(x: Decimal): Decimal {
    // x = d.ddd × 10^e at `precision` digits: one unit in the last place is 10^(e − precision + 1)
    return new this.up(`${TRANSCENDENTAL_ULPS}e${x.e - this.precision + 1}`);
  }

  private stepDown(x: Decimal): Decimal {
    if (!x.isFinite() || x.isZero()) return x;
    return this.down.sub(x, this.ulp(x));
  }

  private stepUp(x: Decimal): Decimal {
    if (!x.isFinite() || x.isZero()) return x;
    return this.up.add(x, this.ulp(x));
  }
}

function zeroNaN(x: Decimal): Decimal {
  // 0 × ∞ (or ∞ ÷ ∞) yields NaN in decimal.js; it can only arise from an unbounded operand, which
  // callers never pass to mul or div in practice: refuse it rather than return a NaN end.
  if (x.isNaN()) throw new RangeError('Arith: 0 × ∞ or ∞ ÷ ∞ in an interval product or quotient');
  return x;
}

const ariths = new Map<number, Arith>();

/** Interval arithmetic at `precision` significant digits (cached; immutable). */
export function arithAt(precision: number): Arith {
  let a = ariths.get(precision);
  if (a === undefined) {
    a = new Arith(precisionContext(precision));
    ariths.set(precision, a);
  }
  return a;
}

/**
 * Exact rationals: every operation against hand-computed values, the representation (lowest terms,
 * positive denominator) and the errors. Fast and in-process (mutation testing reruns them per mutant).
 */
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from './context.ts';
import { arithAt } from './interval.ts';
import { Rational } from './rational.ts';

const q = (n: bigint | number, d: bigint | number = 1n): Rational => Rational.of(n, d);
/** `[num, den]` of a rational, to check the representation and not only the value. */
const parts = (r: Rational): [bigint, bigint] => [r.num, r.den];
/** Above 2^53: the gcd runs in BigInt, not in doubles. */
const BIG = 2n ** 60n;

describe('Rational.of', () => {
  it('reduces to lowest terms with a positive denominator', () => {
    expect(parts(q(6, 4))).toEqual([3n, 2n]);
    expect(parts(q(-6, 4))).toEqual([-3n, 2n]);
    expect(parts(q(6, -4))).toEqual([-3n, 2n]);
    expect(parts(q(-6, -4))).toEqual([3n, 2n]);
    expect(parts(q(0, -7))).toEqual([0n, 1n]);
    expect(parts(q(0, 5))).toEqual([0n, 1n]);
    expect(parts(q(7))).toEqual([7n, 1n]);
    expect(parts(q(-7, 1))).toEqual([-7n, 1n]);
    expect(parts(q(5, 7))).toEqual([5n, 7n]);
    expect(parts(q(-21, 14))).toEqual([-3n, 2n]);
  });

  it('reduces numbers beyond 2^53 exactly (BigInt Euclid, then doubles once both are small)', () => {
    // 3·2^60 / (9·2^58) = 4/3: both above 2^53
    expect(parts(q(3n * BIG, 9n * 2n ** 58n))).toEqual([4n, 3n]);
    // one above 2^53, one below: 2^60 + 4 and 6 share the factor 2 only (2^60 + 4 ≡ 2 mod 3)
    expect(parts(q(BIG + 4n, 6n))).toEqual([(BIG + 4n) / 2n, 3n]);
    expect(parts(q(6n, BIG + 4n))).toEqual([3n, (BIG + 4n) / 2n]);
    // a large prime-ish pair: 2^61 − 1 (prime) times 3, over 2^61 − 1 times 5
    const p = 2n ** 61n - 1n;
    expect(parts(q(-3n * p, 5n * p))).toEqual([-3n, 5n]);
    // 2^53 + 1 is odd: 2^53 + 1 over 2 stays as it is (a double would round 2^53 + 1 to 2^53)
    const odd = 2n ** 53n + 1n;
    expect(parts(q(odd, 2n))).toEqual([odd, 2n]);
    expect(parts(q(2n, odd))).toEqual([2n, odd]);
    expect(parts(q(odd * 3n, 3n * 2n))).toEqual([odd, 2n]);
  });

  it('throws on a zero denominator', () => {
    expect(() => q(1, 0)).toThrow(RangeError);
    expect(() => q(0, 0)).toThrow('zero denominator');
  });

  it('has the constants 0 and 1', () => {
    expect(parts(Rational.ZERO)).toEqual([0n, 1n]);
    expect(parts(Rational.ONE)).toEqual([1n, 1n]);
  });
});

describe('Rational.unreduced', () => {
  it('keeps the representation but compares and prints by value', () => {
    const half = Rational.unreduced(2n, 4n);
    expect(parts(half)).toEqual([2n, 4n]);
    expect(half.toString()).toBe('1/2');
    expect(half.eq(q(1, 2))).toBe(true);
    expect(half.cmp(q(1, 2))).toBe(0);
    expect(Rational.unreduced(-6n, 3n).toString()).toBe('-2');
  });

  it('throws unless the denominator is positive', () => {
    expect(() => Rational.unreduced(1n, 0n)).toThrow(RangeError);
    expect(() => Rational.unreduced(1n, -2n)).toThrow('must be positive');
    expect(parts(Rational.unreduced(1n, 1n))).toEqual([1n, 1n]);
  });
});

describe('Rational.fromDecimal', () => {
  const d = (s: string): Rational => Rational.fromDecimal(new ExactDecimal(s));
  it('reads finite decimals exactly', () => {
    expect(parts(d('0.125'))).toEqual([1n, 8n]);
    expect(parts(d('-2.50'))).toEqual([-5n, 2n]);
    expect(parts(d('-0.5'))).toEqual([-1n, 2n]);
    expect(parts(d('12e3'))).toEqual([12000n, 1n]);
    expect(parts(d('-12'))).toEqual([-12n, 1n]);
    expect(parts(d('1e-3'))).toEqual([1n, 1000n]);
    expect(parts(d('3.14159'))).toEqual([314159n, 100000n]);
    expect(parts(d('0'))).toEqual([0n, 1n]);
    expect(parts(d('123456789012345678901234567890.5'))).toEqual([246913578024691357802469135781n, 2n]);
  });

  it('refuses NaN and infinities', () => {
    expect(() => d('NaN')).toThrow(RangeError);
    expect(() => d('Infinity')).toThrow('is not finite');
    expect(() => d('-Infinity')).toThrow(RangeError);
  });
});

describe('arithmetic', () => {
  it('adds, subtracts, multiplies and divides exactly', () => {
    expect(parts(q(1, 2).add(q(1, 3)))).toEqual([5n, 6n]);
    expect(parts(q(1, 6).add(q(1, 6)))).toEqual([1n, 3n]); // equal denominators, reduced
    expect(parts(q(1, 4).add(q(-1, 4)))).toEqual([0n, 1n]);
    expect(parts(q(1, 2).sub(q(1, 3)))).toEqual([1n, 6n]);
    expect(parts(q(1, 3).sub(q(1, 2)))).toEqual([-1n, 6n]);
    expect(parts(q(5, 7).sub(q(5, 7)))).toEqual([0n, 1n]);
    expect(parts(q(2, 3).mul(q(9, 4)))).toEqual([3n, 2n]);
    expect(parts(q(-2, 3).mul(q(3, 5)))).toEqual([-2n, 5n]);
    expect(parts(q(2, 3).div(q(4, 9)))).toEqual([3n, 2n]);
    expect(parts(q(2, 3).div(q(-4, 9)))).toEqual([-3n, 2n]);
    expect(parts(Rational.unreduced(3n, 6n).add(Rational.unreduced(1n, 6n)))).toEqual([2n, 3n]);
  });

  it('refuses division by zero', () => {
    expect(() => q(1).div(Rational.ZERO)).toThrow(RangeError);
    expect(() => q(1).div(q(0, 3))).toThrow('division by zero');
  });

  it('negates and takes absolute values', () => {
    expect(parts(q(3, 4).neg())).toEqual([-3n, 4n]);
    expect(parts(q(-3, 4).neg())).toEqual([3n, 4n]);
    expect(parts(q(-3, 4).abs())).toEqual([3n, 4n]);
    expect(parts(q(3, 4).abs())).toEqual([3n, 4n]);
    expect(parts(Rational.ZERO.abs())).toEqual([0n, 1n]);
  });

  it('raises to integer powers, negative ones through the reciprocal', () => {
    expect(parts(q(2, 3).pow(3))).toEqual([8n, 27n]);
    expect(parts(q(-2, 3).pow(3))).toEqual([-8n, 27n]);
    expect(parts(q(-2, 3).pow(2))).toEqual([4n, 9n]);
    expect(parts(q(2, 3).pow(0))).toEqual([1n, 1n]);
    expect(parts(q(2, 3).pow(1))).toEqual([2n, 3n]);
    expect(parts(q(2, 3).pow(-2))).toEqual([9n, 4n]);
    expect(parts(q(-2, 3).pow(-1))).toEqual([-3n, 2n]);
    expect(parts(q(0).pow(2))).toEqual([0n, 1n]);
    expect(() => q(2).pow(0.5)).toThrow(RangeError);
    expect(() => q(2).pow(Number.NaN)).toThrow('exponent must be an integer');
    expect(() => q(0).pow(-1)).toThrow(RangeError);
  });
});

describe('order', () => {
  // made inside each test (not at collection), so that mutation testing attributes their coverage to the tests
  const values = () => ({ third: q(1, 3), half: q(1, 2), minusHalf: q(-1, 2) });

  it('signs and zero', () => {
    const { half, minusHalf } = values();
    expect(minusHalf.sign()).toBe(-1);
    expect(Rational.ZERO.sign()).toBe(0);
    expect(half.sign()).toBe(1);
    expect(Rational.ZERO.isZero()).toBe(true);
    expect(q(0, 9).isZero()).toBe(true);
    expect(half.isZero()).toBe(false);
    expect(minusHalf.isZero()).toBe(false);
  });

  it('compares by value, not by representation', () => {
    const { third, half, minusHalf } = values();
    expect(third.cmp(half)).toBe(-1);
    expect(half.cmp(third)).toBe(1);
    expect(half.cmp(Rational.unreduced(3n, 6n))).toBe(0);
    expect(minusHalf.cmp(third)).toBe(-1);
    // numerators equal, denominators not
    expect(third.eq(half)).toBe(false);
    expect(q(1, 2).eq(q(1, 3))).toBe(false);
    // denominators equal, numerators not
    expect(q(1, 5).eq(q(2, 5))).toBe(false);
    expect(half.eq(q(2, 4))).toBe(true);
    expect(half.eq(Rational.unreduced(3n, 6n))).toBe(true);
    expect(third.lt(half)).toBe(true);
    expect(half.lt(third)).toBe(false);
    expect(half.lt(half)).toBe(false);
    expect(third.lte(half)).toBe(true);
    expect(half.lte(half)).toBe(true);
    expect(half.lte(third)).toBe(false);
  });

  it('max, min and relu', () => {
    const { third, half, minusHalf } = values();
    expect(third.max(half)).toBe(half);
    expect(half.max(third)).toBe(half);
    expect(third.min(half)).toBe(third);
    expect(half.min(third)).toBe(third);
    // ties keep the receiver
    const halfUnreduced = Rational.unreduced(2n, 4n);
    expect(half.max(halfUnreduced)).toBe(half);
    expect(half.min(halfUnreduced)).toBe(half);
    expect(half.relu()).toBe(half);
    expect(parts(minusHalf.relu())).toEqual([0n, 1n]);
    expect(parts(Rational.ZERO.relu())).toEqual([0n, 1n]);
  });
});

describe('printing and enclosures', () => {
  it('prints p/q in lowest terms, p alone for integers', () => {
    expect(q(3, 4).toString()).toBe('3/4');
    expect(q(-3, 4).toString()).toBe('-3/4');
    expect(q(8, 4).toString()).toBe('2');
    expect(Rational.unreduced(4n, 2n).toString()).toBe('2');
    expect(Rational.ZERO.toString()).toBe('0');
  });

  it('encloses at the arithmetic precision: integers and decimals as points, 1/3 as a tight interval', () => {
    const A = arithAt(10);
    // an integer of 25 digits is a point even at 10 digits of precision
    const big = q(1234567890123456789012345n).toInterval(A);
    expect(big.lo.toFixed()).toBe('1234567890123456789012345');
    expect(big.hi.toFixed()).toBe('1234567890123456789012345');
    const eighth = q(-1, 8).toInterval(A);
    expect([eighth.lo.toString(), eighth.hi.toString()]).toEqual(['-0.125', '-0.125']);
    const third = q(1, 3).toInterval(A);
    expect([third.lo.toString(), third.hi.toString()]).toEqual(['0.3333333333', '0.3333333334']);
  });
});

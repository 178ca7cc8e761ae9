/**
 * The inclusion property of every `Arith` operation, and a tightness sanity check.
 *
 * Inclusion: for random exact decimal operand intervals and a random exact point in each, the value
 * of the operation at the points, computed at {@link REFERENCE_PRECISION} digits (rounded to
 * nearest), lies inside the enclosure computed at a low precision (10 to 30 digits). The reference
 * is decimal.js at a far higher precision, so a rounding done in the wrong direction, a missing
 * widening or a wrong range analysis (sin, cos, abs, powers of intervals containing 0) shows up.
 *
 * Tightness: on point operands every enclosure is at most a few units in the last place wide
 * (field operations 1 ulp, transcendental functions 2 + 2 ulps of widening plus rounding; the
 * Taylor series of expm1 a few more), so a correct but
 * useless enclosure (say, the whole line) also fails.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arithAt, Interval, type Arith } from './interval.ts';

/** Digits of the reference values: far beyond any working precision tested here. */
const REFERENCE_PRECISION = 150;
const Ref = Decimal.clone({ precision: REFERENCE_PRECISION, rounding: Decimal.ROUND_HALF_EVEN, minE: -9e15, maxE: 9e15 });
/** Exact arithmetic on the generated operands (their products fit in this many digits). */
const Exact = Decimal.clone({ precision: 400, rounding: Decimal.ROUND_HALF_EVEN, minE: -9e15, maxE: 9e15 });
const RUNS = 150;

/** An exact decimal `m·10^{k−digits}`, `|m| < 10^digits`, `k ∈ [minExponent, maxExponent]`: so `|x| < 10^maxExponent`. */
function decimal(digits: number, minExponent: number, maxExponent: number, nonNegative = false): fc.Arbitrary<Decimal> {
  const limit = 10n ** BigInt(digits) - 1n;
  return fc
    .tuple(fc.bigInt({ min: nonNegative ? 0n : -limit, max: limit }), fc.integer({ min: minExponent, max: maxExponent }))
    .map(([m, k]) => new Exact(`${m}e${k - digits}`));
}

/** An operand: an interval `[lo, hi]` of exact decimals and an exact point inside it. */
interface Operand {
  readonly interval: Interval;
  readonly point: Decimal;
}

/** Operand intervals from `value`: a point interval half the time, otherwise `[x, x + w]`. */
function operand(value: fc.Arbitrary<Decimal>, maxWidth = '1'): fc.Arbitrary<Operand> {
  return fc
    .tuple(value, fc.boolean(), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 16 }))
    .map(([x, isPoint, widthPermille, sixteenths]) => {
      if (isPoint) return { interval: new Interval(x, x), point: x };
      const hi = x.plus(new Exact(maxWidth).mul(widthPermille).div(1000));
      return { interval: new Interval(x, hi), point: x.plus(hi.minus(x).mul(sixteenths).div(16)) };
    });
}

const precision = fc.integer({ min: 10, max: 30 });
const anyReal = decimal(25, -12, 3);
const positive = decimal(25, -12, 3, true).filter((d) => !d.isZero());

function expectInside(enclosure: Interval, reference: Decimal, what: string): void {
  const inside = enclosure.lo.lte(reference) && enclosure.hi.gte(reference);
  expect(inside, `${what}: reference ${reference.toSignificantDigits(40).toString()} outside ${enclosure.toString()}`).toBe(true);
}

/**
 * Width of an enclosure in relative units `|scale|·10^{1−p}`. One ulp at `p` digits of a value of
 * magnitude `|scale|` is at most one such unit (and at least a tenth of one: decimal wobble).
 */
function widthInUlps(enclosure: Interval, p: number, scale: Decimal): number {
  const width = enclosure.hi.minus(enclosure.lo);
  if (width.isZero()) return 0;
  if (scale.isZero()) return Infinity;
  return width.div(scale.abs().mul(new Exact(10).pow(1 - p))).toNumber();
}

/** The larger magnitude of an enclosure's ends: the scale its own ulps are counted in. */
const magnitudeOf = (x: Interval): Decimal => Decimal.max(x.lo.abs(), x.hi.abs());

type Unary = (A: Arith, x: Interval) => Interval;
type Binary = (A: Arith, x: Interval, y: Interval) => Interval;

interface UnaryCase {
  readonly name: string;
  readonly op: Unary;
  readonly reference: (x: Decimal) => Decimal;
  readonly operands: fc.Arbitrary<Operand>;
  /** Allowed width on a point operand at precision p, in ulps of `scale(x, value)` (default: of the enclosure's larger end). */
  readonly ulps: number | ((p: number) => number);
  readonly scale?: (x: Decimal, value: Decimal) => Decimal;
}

const unaryCases: UnaryCase[] = [
  { name: 'neg', op: (A, x) => A.neg(x), reference: (x) => x.neg(), operands: operand(anyReal), ulps: 0 },
  { name: 'abs', op: (A, x) => A.abs(x), reference: (x) => x.abs(), operands: operand(anyReal, '200'), ulps: 0 },
  { name: 'relu', op: (A, x) => A.relu(x), reference: (x) => Decimal.max(x, 0), operands: operand(anyReal, '200'), ulps: 0 },
  { name: 'scale', op: (A, x) => A.scale(x, '-3.7'), reference: (x) => x.mul('-3.7'), operands: operand(anyReal), ulps: 1 },
  { name: 'powInt 2', op: (A, x) => A.powInt(x, 2), reference: (x) => x.pow(2), operands: operand(anyReal, '200'), ulps: 5 },
  { name: 'powInt 3', op: (A, x) => A.powInt(x, 3), reference: (x) => x.pow(3), operands: operand(anyReal, '200'), ulps: 5 },
  { name: 'powInt 0', op: (A, x) => A.powInt(x, 0), reference: () => new Ref(1), operands: operand(anyReal), ulps: 0 },
  {
    name: 'exp',
    op: (A, x) => A.exp(x),
    reference: (x) => Ref.exp(x),
    operands: operand(decimal(25, -12, 3)),
    ulps: 5,
  },
  {
    name: 'expm1',
    op: (A, x) => A.expm1(x),
    reference: (x) => Ref.exp(x).minus(1),
    operands: operand(decimal(25, -30, 1)),
    ulps: (p) => 2 * p, // the Taylor branch rounds each of its up to ~p additions outward: 1 ulp for each end
  },
  { name: 'ln', op: (A, x) => A.ln(x), reference: (x) => Ref.ln(x), operands: operand(positive), ulps: 5 },
  { name: 'sqrt', op: (A, x) => A.sqrt(x), reference: (x) => Ref.sqrt(x), operands: operand(decimal(25, -12, 3, true)), ulps: 1 },
  {
    name: 'sin',
    op: (A, x) => A.sin(x),
    reference: (x) => Ref.sin(x),
    operands: operand(decimal(25, -12, 2), '7'),
    ulps: 6,
    scale: (x) => Decimal.max(1, x.abs()),
  },
  {
    name: 'cos',
    op: (A, x) => A.cos(x),
    reference: (x) => Ref.cos(x),
    operands: operand(decimal(25, -12, 2), '7'),
    ulps: 8,
    scale: (x) => Decimal.max(1, x.abs()),
  },
];

interface BinaryCase {
  readonly name: string;
  readonly op: Binary;
  readonly reference: (x: Decimal, y: Decimal) => Decimal | undefined;
  readonly left: fc.Arbitrary<Operand>;
  readonly right: fc.Arbitrary<Operand>;
  readonly ulps: number;
  readonly scale?: (x: Decimal, y: Decimal, value: Decimal) => Decimal;
}

const binaryCases: BinaryCase[] = [
  {
    name: 'add',
    op: (A, x, y) => A.add(x, y),
    reference: (x, y) => Ref.add(x, y),
    left: operand(anyReal),
    right: operand(anyReal),
    ulps: 1,
  },
  {
    name: 'sub',
    op: (A, x, y) => A.sub(x, y),
    reference: (x, y) => Ref.sub(x, y),
    left: operand(anyReal),
    right: operand(anyReal),
    ulps: 1,
  },
  { name: 'mul', op: (A, x, y) => A.mul(x, y), reference: (x, y) => Ref.mul(x, y), left: operand(anyReal), right: operand(anyReal), ulps: 1 },
  {
    name: 'div',
    op: (A, x, y) => A.div(x, y),
    reference: (x, y) => (y.isZero() ? undefined : Ref.div(x, y)),
    left: operand(anyReal),
    right: operand(anyReal),
    ulps: 1,
  },
  { name: 'max', op: (A, x, y) => A.max(x, y), reference: (x, y) => Decimal.max(x, y), left: operand(anyReal), right: operand(anyReal), ulps: 0 },
  { name: 'min', op: (A, x, y) => A.min(x, y), reference: (x, y) => Decimal.min(x, y), left: operand(anyReal), right: operand(anyReal), ulps: 0 },
  {
    name: 'hull',
    op: (A, x, y) => A.hull(x, y),
    reference: (x) => x, // the hull contains every element of either operand
    left: operand(anyReal),
    right: operand(anyReal),
    ulps: Infinity,
  },
  {
    name: 'pow (real exponent)',
    op: (A, x, y) => A.pow(x, y),
    reference: (x, y) => Ref.pow(x, y),
    left: operand(decimal(20, -6, 1, true).filter((d) => !d.isZero())),
    right: operand(decimal(12, -10, 2)),
    // exp(y·ln x): the relative width of y (ln widened 2 + 2 ulps, then a product) becomes an
    // absolute width of y, hence a relative width of the result: about (6|y| + 5) ulps.
    ulps: 12,
    scale: (x, y, value) => value.abs().mul(Ref.ln(x).mul(y).abs().plus(1)),
  },
  {
    name: 'pow (integer exponent)',
    op: (A, x, y) => A.pow(x, y),
    reference: (x, y) => (x.isZero() && y.lt(0) ? undefined : Ref.pow(x, y)),
    left: operand(decimal(20, -6, 1)),
    right: fc.integer({ min: -6, max: 9 }).map((k) => ({ interval: new Interval(new Exact(k), new Exact(k)), point: new Exact(k) })),
    ulps: 12,
  },
];

describe('Arith: inclusion and tightness of every operation', () => {
  for (const c of unaryCases) {
    it(`${c.name}: the exact value at any point of the operand lies in the enclosure; a point operand gives ≤ ${c.ulps} ulps`, () => {
      fc.assert(
        fc.property(precision, c.operands, (p, x) => {
          const A = arithAt(p);
          const enclosure = c.op(A, x.interval);
          const value = c.reference(x.point);
          expectInside(enclosure, value, `${c.name} at precision ${p} of ${x.interval.toString()} at ${x.point.toString()}`);
          if (x.interval.isPoint) {
            const ulps = widthInUlps(enclosure, p, c.scale?.(x.point, value) ?? magnitudeOf(enclosure));
            const allowed = typeof c.ulps === 'number' ? c.ulps : c.ulps(p);
            expect(ulps, `${c.name}(${x.point.toString()}) at precision ${p}: ${enclosure.toString()}`).toBeLessThanOrEqual(allowed);
          }
        }),
        { numRuns: RUNS },
      );
    });
  }

  for (const c of binaryCases) {
    it(`${c.name}: the exact value at any points of the operands lies in the enclosure`, () => {
      fc.assert(
        fc.property(precision, c.left, c.right, (p, x, y) => {
          const value = c.reference(x.point, y.point);
          if (value === undefined) return; // outside the operation's domain at this point
          const A = arithAt(p);
          const enclosure = c.op(A, x.interval, y.interval);
          const what = `${c.name} at precision ${p} of ${x.interval.toString()}, ${y.interval.toString()} at ${x.point.toString()}, ${y.point.toString()}`;
          expectInside(enclosure, value, what);
          if (x.interval.isPoint && y.interval.isPoint && Number.isFinite(c.ulps)) {
            expect(widthInUlps(enclosure, p, c.scale?.(x.point, y.point, value) ?? magnitudeOf(enclosure)), what).toBeLessThanOrEqual(c.ulps);
          }
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('sum: the exact sum of points of the operands lies in the enclosure; points give ≤ 2n ulps of Σ|x|', () => {
    fc.assert(
      fc.property(precision, fc.array(operand(anyReal), { minLength: 0, maxLength: 12 }), (p, xs) => {
        const enclosure = arithAt(p).sum(xs.map((x) => x.interval));
        const value = xs.reduce((s, x) => s.plus(x.point), new Ref(0));
        expectInside(enclosure, value, `sum at precision ${p} of ${xs.map((x) => x.point.toString()).join(', ')}`);
        if (xs.every((x) => x.interval.isPoint)) {
          const magnitude = xs.reduce((s, x) => s.plus(x.point.abs()), new Ref(0));
          expect(widthInUlps(enclosure, p, magnitude)).toBeLessThanOrEqual(2 * xs.length); // each addition rounds both ends: ≤ 1 ulp each
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('pi: encloses π and is at most 5 ulps wide', () => {
    const pi = Ref.acos(-1);
    for (let p = 10; p <= 60; p++) {
      const enclosure = arithAt(p).pi();
      expectInside(enclosure, pi, `pi at precision ${p}`);
      expect(widthInUlps(enclosure, p, pi)).toBeLessThanOrEqual(5);
    }
  });
});

/**
 * The fast-path softmax (`softmax-fast.ts`) piece by piece: exact reading onto one integer scale
 * (doubles or BigInts), the exact argument reduction of `e^{−x}` below the double range, the factored
 * tail, the non-negative sums, and the values read for `attention` — each against values computed
 * independently with decimal.js at 80 digits.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { readPositiveFast } from '../arith/double-double-input.ts';
import { DDBall, isCertifiedNonNegative, isExactZero, mulBall } from '../arith/double-double.ts';
import { expOfNegativeExact, hardmaxMarginScaled, mulRelative, nonNegativeDifferences, nonNegativeUpTo, readScoresFast, readValuesFast, relativeWeightedSum, scaledTail, scaledTailWith, UNSCALED_EXPONENT_LIMIT } from './softmax-fast.ts';
import { exactOfDouble } from '../arith/exact-double.test-support.ts';

const Ref = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
const Exact = Decimal.clone({ precision: 1100, toExpNeg: -9e15, toExpPos: 9e15 });

const exactOf = (x: number): Decimal => exactOfDouble(x, Exact);

/** The ball contains `r`, with a finite radius. */
function encloses(b: DDBall, r: Decimal.Value): boolean {
  if (!Number.isFinite(b.rad)) return false;
  return exactOf(b.hi).plus(exactOf(b.lo)).minus(r).abs().lte(exactOf(b.rad));
}

const lambdaOf = (text: string) => readPositiveFast(text)!;

describe('readScoresFast', () => {
  it('finds the maximiser, the runner-up, Δ and the excesses exactly (double scale)', () => {
    const s = readScoresFast(['0.25', '1', '-0.5', '0.75', '0.75'], 2, 10)!;
    expect([s.n, s.iStar, s.runnerUp, s.tie, s.deltaInteger, s.scaleExponent]).toEqual([5, 1, 3, false, 25, -2]);
    expect(encloses(s.delta, '0.25')).toBe(true);
    expect(s.excess.map((e) => e === undefined)).toEqual([false, true, false, true, true]);
    expect(encloses(s.excess[0]!, '0.5')).toBe(true); // d_0 − Δ = 0.75 − 0.25
    expect(encloses(s.excess[2]!, '1.25')).toBe(true);
  });

  it('reads 30-digit scores and scores over 16 decades onto a BigInt scale', () => {
    const s = readScoresFast(['1.00000000000000000000000003', '1', '0.5'], 2, 10)!;
    expect([s.iStar, s.runnerUp, s.tie, s.deltaInteger, s.scaleExponent]).toEqual([0, 1, false, 3n, -26]);
    expect(encloses(s.delta, '3e-26')).toBe(true);
    expect(encloses(s.excess[2]!, '0.5')).toBe(true); // z_runner-up − z_2
    const spread = readScoresFast(['-90773465', '50', '0.45325839', '49.99999999'], 2, 10)!; // 9.08·10¹⁵ > 2⁵³ units of 10⁻⁸ apart
    expect([spread.iStar, spread.runnerUp, spread.deltaInteger, spread.scaleExponent]).toEqual([1, 3, 1n, -8]);
    expect(encloses(spread.excess[0]!, new Ref('49.99999999').plus('90773465'))).toBe(true);
    expect(readScoresFast(['-70773465', '50', '0.45325839', '49.99999999'], 2, 10)!.deltaInteger).toBe(1); // 7.08·10¹⁵ < 2⁵³: doubles
  });

  it('reads 40 scores (beyond the storage first allotted), then 3 again', () => {
    const z = Array.from({ length: 40 }, (_, j) => (j === 27 ? '2.5' : j === 33 ? '2.25' : `${j % 7}e-2`));
    const s = readScoresFast(z, 2, 100)!;
    expect([s.n, s.iStar, s.runnerUp, s.tie, s.deltaInteger, s.scaleExponent]).toEqual([40, 27, 33, false, 25, -2]);
    expect(encloses(s.excess[6]!, '2.19')).toBe(true); // 2.25 − 0.06
    expect(s.excess.filter((e) => e !== undefined)).toHaveLength(38);
    const v = readValuesFast(Array.from({ length: 40 }, (_, j) => [String(j), '1']), 40, 27, 5)!;
    expect(encloses(v.spread, 27)).toBe(true);
    expect(encloses(v.deltas[0]![0]!, -27)).toBe(true);
    const again = readScoresFast(['0.5', '1.5', '-1'], 2, 100)!;
    expect([again.n, again.iStar, again.runnerUp, again.deltaInteger, again.scaleExponent]).toEqual([3, 1, 0, 10, -1]);
    expect(again.excess.map((e) => e === undefined)).toEqual([true, true, false]);
  });

  it('marks ties, and declines what it cannot read', () => {
    expect(readScoresFast(['2', '1', '2'], 2, 10)).toMatchObject({ iStar: 0, runnerUp: 2, tie: true, deltaInteger: 0 });
    expect(isExactZero(readScoresFast(['2', '1', '2'], 2, 10)!.delta)).toBe(true);
    expect(readScoresFast(['1'], 2, 10)).toBeUndefined();
    expect(readScoresFast(['1', '2', '3'], 2, 2)).toBeUndefined();
    expect(readScoresFast(['1', '2'], 2, 2)).toMatchObject({ n: 2, iStar: 1 });
    expect(readScoresFast(['1', '2'], 3, 5)).toBeUndefined();
    expect(readScoresFast(['1', '0', '0.5', 'x'], 2, 10)).toBeUndefined();
    expect(readScoresFast(['1', '0', '0.5', '0.123456789012345678901', 'x'], 2, 10)).toBeUndefined();
    expect(readScoresFast('1, 2', 2, 10)).toBeUndefined();
    expect(readScoresFast(['1', 'x'], 2, 10)).toBeUndefined();
    expect(readScoresFast(['1e100', '1e-100'], 2, 10)).toBeUndefined(); // 200 decades: beyond the BigInt scale
    expect(readScoresFast([1, 0.5], 2, 10)).toMatchObject({ iStar: 0, runnerUp: 1, deltaInteger: 5, scaleExponent: -1 });
  });
});

describe('e^{−x} below the double range', () => {
  it('gives E = ⌊x/ln 10⌋ and f = e^{E ln 10 − x}, or declines', () => {
    const f = new DDBall();
    expect(expOfNegativeExact(f, 5000n, 0)).toBe(2171); // e^{−5000} = 10^{−2171.47…}
    expect(encloses(f, new Ref(2171).times(Ref.ln(10)).minus(5000).exp())).toBe(true);
    expect(expOfNegativeExact(f, 151n, 0)).toBe(65);
    expect(expOfNegativeExact(f, 1234567n, -4)).toBeUndefined(); // x = 123.4567: E = 53 < 65, left to the unscaled branch
    expect(expOfNegativeExact(f, 14n, 0)).toBeUndefined();
    expect(expOfNegativeExact(f, 10n ** 17n, 0)).toBeUndefined(); // E beyond 10¹⁵
  });
});

describe('the factored tail', () => {
  it('keeps e^{−λΔ} unscaled up to λΔ = 150 and scales it beyond', () => {
    const s = readScoresFast(['0', '-1', '-1', '-3'], 2, 10)!;
    const small = scaledTail(s, lambdaOf('2'))!;
    expect(small.exponent10).toBe(0);
    expect(encloses(small.factor, new Ref(-2).exp())).toBe(true);
    // U = 2 + e^{−4}, S = e^{−2}U, 1 − p* = S/(1 + S)
    const U = new Ref(-4).exp().plus(2);
    const S = new Ref(-2).exp().times(U);
    expect(encloses(small.relativeSum, U)).toBe(true);
    expect(encloses(small.relativeSlack, new Ref(1).minus(new Ref(-4).exp()))).toBe(true);
    expect(encloses(small.tailSum, S)).toBe(true);
    expect(encloses(small.normaliser, S.plus(1))).toBe(true);
    expect(encloses(small.tail, S.div(S.plus(1)))).toBe(true);
    expect(small.relative[0]).toBeUndefined();
    expect(encloses(small.relative[3]!, new Ref(-4).exp())).toBe(true);
    expect(UNSCALED_EXPONENT_LIMIT).toBe(150);
    expect(scaledTail(s, lambdaOf('150'))!.exponent10).toBe(0);
    const big = scaledTail(s, lambdaOf('151'))!;
    expect(big.exponent10).toBe(65);
    expect(encloses(big.factor, new Ref(65).times(Ref.ln(10)).minus(151).exp())).toBe(true);
    expect([big.normaliser.hi, big.normaliser.lo, big.normaliser.rad]).toEqual([1, 0, 2 ** -190]);
    expect(encloses(big.tail, new Ref(65).times(Ref.ln(10)).minus(151).exp().times(2))).toBe(true); // u_3 = e^{−302} < 2⁻⁴³⁰: negligible in U
  });

  it('is exactly 1 on a tie and has an exactly-zero slack when every other entry is at the runner-up level', () => {
    const tie = scaledTail(readScoresFast(['1', '1', '0'], 2, 10)!, lambdaOf('3'))!;
    expect([tie.factor.hi, tie.factor.lo, tie.factor.rad, tie.exponent10]).toEqual([1, 0, 0, 0]);
    const flat = scaledTail(readScoresFast(['0', '-1', '-1'], 2, 10)!, lambdaOf('2'))!;
    expect(isExactZero(flat.relativeSlack)).toBe(true);
    expect(encloses(flat.relativeSum, 2)).toBe(true);
    expect(isCertifiedNonNegative(hardmaxMarginScaled(flat, flat.factor))).toBe(true);
  });

  it('uses the scratch slot it is given: two tails side by side', () => {
    const s = readScoresFast(['0', '-1', '-2'], 2, 10)!;
    const t1 = scaledTail(s, lambdaOf('1'), 0)!;
    const t2 = scaledTail(s, lambdaOf('2'), 1)!;
    expect(encloses(t1.relative[2]!, new Ref(-1).exp())).toBe(true);
    expect(encloses(t2.relative[2]!, new Ref(-2).exp())).toBe(true);
    // S1 − S2 = (e^{−1} + e^{−2}) − (e^{−2} + e^{−4})
    expect(encloses(nonNegativeDifferences(t1, t2), new Ref(-1).exp().minus(new Ref(-4).exp()))).toBe(true);
    const eps = readPositiveFast('0.01')!.ball;
    const t = scaledTailWith(s, lambdaOf('5').ball, eps, 0);
    expect(encloses(t.tailSum, new Ref('0.01').times(new Ref(1).plus(new Ref(-5).exp())))).toBe(true);
  });

  it('margins: B·S times 10^E enclosed by [0, 2⁻¹⁷⁰] when E > 0, computed when E = 0', () => {
    const s = readScoresFast(['0', '-1', '-3'], 2, 10)!;
    const t = scaledTail(s, lambdaOf('2'))!;
    const bound = mulBall(new DDBall(), t.factor, new DDBall(2));
    // (B − S/(1+S))(1+S) = f·(1 − u_2) + B·S with f = e^{−2}, u_2 = e^{−4}, B = 2f, S = f(1 + u_2)
    const f = new Ref(-2).exp();
    const u = new Ref(-4).exp();
    expect(encloses(hardmaxMarginScaled(t, bound), f.times(new Ref(1).minus(u)).plus(f.times(2).times(f).times(u.plus(1))))).toBe(true);
    const far = scaledTail(readScoresFast(['0', '-1', '-1'], 2, 10)!, lambdaOf('1000'))!;
    const m = hardmaxMarginScaled(far, mulBall(new DDBall(), far.factor, new DDBall(2)));
    expect([m.hi, m.lo, m.rad]).toEqual([m.rad, 0, m.rad]);
    expect(m.rad).toBeGreaterThanOrEqual(2 ** -171);
    expect(m.rad).toBeLessThan(2 ** -160);
  });
});

describe('relative weights and values', () => {
  it('mulRelative: a product, or ⟨0, 0, max u·max |x|⟩ for a negligible weight', () => {
    const x = new DDBall(-3, 0, 0.5);
    const normal = mulRelative(new DDBall(), new DDBall(0.5, 0, 0), x);
    expect(encloses(normal, '-1.5')).toBe(true);
    expect(normal.rad).toBeLessThan(0.26);
    const tiny = mulRelative(new DDBall(), new DDBall(2 ** -491, 0, 2 ** -491), x);
    expect([tiny.hi, tiny.lo]).toEqual([0, 0]);
    expect(tiny.rad).toBeGreaterThanOrEqual(2 ** -490 * 3.5);
    expect(tiny.rad).toBeLessThan(2 ** -490 * 3.6);
    expect(mulRelative(new DDBall(), new DDBall(2 ** -399, 0, 0), x).hi).toBe(-3 * 2 ** -399); // above 2⁻⁴⁰⁰: a product
  });

  it('nonNegativeUpTo(b) is the ball [0, b]', () => {
    const b = nonNegativeUpTo(0.75);
    expect([b.hi, b.lo, b.rad]).toEqual([0.375, 0, 0.375]);
  });

  it('readValuesFast: exact differences to the maximiser row, M and M ± δ, zero differences left out', () => {
    const v = readValuesFast([['1', '0'], ['0.5', '0'], ['3', '0']], 3, 0, 5)!;
    expect(v.columns).toBe(2);
    expect(encloses(v.spread, 2)).toBe(true);
    expect(encloses(v.deltas[1]![0]!, '-0.5')).toBe(true);
    expect(v.deltas[1]![1]).toBeUndefined();
    expect(v.deltas[0]![0]).toBeUndefined();
    expect(encloses(v.belowSpread[2]![0]!, 0)).toBe(true);
    expect(encloses(v.aboveSpread[1]![0]!, '1.5')).toBe(true);
    const s = scaledTail(readScoresFast(['1', '0', '0'], 2, 10)!, lambdaOf('1'))!;
    expect(encloses(relativeWeightedSum(s, v.deltas.map((row) => row[0])), '1.5')).toBe(true); // u_1 = u_2 = 1
    expect(isExactZero(relativeWeightedSum(s, v.deltas.map((row) => row[1])))).toBe(true);
    expect(readValuesFast([['1'], ['1']], 2, 0, 5)).toBeUndefined(); // M = 0
    expect(readValuesFast([['1'], ['1', '2']], 2, 0, 5)).toBeUndefined();
    expect(readValuesFast([['1', '2']], 2, 0, 5)).toBeUndefined();
    expect(readValuesFast([['1', '2'], ['3', '4']], 2, 0, 1)).toBeUndefined();
    expect(readValuesFast([['1', '2'], ['3', '4']], 2, 0, 2)).toMatchObject({ columns: 2 });
    expect(readValuesFast('1', 1, 0, 5)).toBeUndefined();
    expect(readValuesFast([['1'], ['2']], 3, 0, 5)).toBeUndefined();
    expect(readValuesFast([['1'], '2'], 2, 0, 5)).toBeUndefined();
    expect(readValuesFast([['1'], ['x']], 2, 0, 5)).toBeUndefined();
    expect(readValuesFast([[]], 1, 0, 5)).toBeUndefined();
  });
});

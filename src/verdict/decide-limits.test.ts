/**
 * `decide` at its limits, with exact expected answers: sides below the decimal exponent range (the
 * verdict is proved, the value shown is an upper end, and no precision is wasted on it), sides not
 * known to the requested digits at the precision cap (the midpoint, said so), an exact point printed
 * from its own digits, and the fast path's own limits (never beyond 26 digits, a zero ratio at any
 * scale, a hook that throws).
 */
import { describe, expect, it } from 'vitest';
import { DDBall } from '../arith/double-double.ts';
import { arithAt, type Arith, type Interval } from '../arith/interval.ts';
import { defineClaim, type ClaimDefinition, type Evaluation, type FastEvaluation } from '../registry/define.ts';
import { decide, FAST_PATH_MAX_DIGITS, formatTo } from './decide.ts';

/** A claim of no argument evaluating `evaluate`, with the precisions it was evaluated at. */
function claimOf(evaluate: (A: Arith) => Evaluation, fast?: () => FastEvaluation | undefined): ClaimDefinition<string> & { precisions: number[] } {
  const precisions: number[] = [];
  const claim = defineClaim<string>({
    id: 'limits',
    parse: () => '',
    hypotheses: () => undefined,
    evaluate(_x, A) {
      precisions.push(A.precision);
      return evaluate(A);
    },
    ...(fast === undefined ? {} : { fast }),
  });
  return { ...claim, precisions };
}

/** `e^{−10¹⁷}`, far below decimal.js's smallest positive number: the enclosure `[0, 1e−9000000000000000]`. */
const underflowing = (A: Arith): Interval => A.exp(A.point('-1e17'));
/** An enclosure of 1 known to about a third of the working digits. */
const looseOne = (A: Arith, at = 1): Interval => A.between(at, `${at}.${'0'.repeat(A.precision / 3 - 1)}1`);

describe('sides below the decimal exponent range', () => {
  it('the verdict stands at the first precision and the side is shown as its upper end, said so', () => {
    const lhsLow = claimOf((A) => ({ lhs: underflowing(A), bound: A.point(1) }));
    expect(decide(lhsLow, {})).toEqual({
      verdict: 'holds',
      lhs: '1e-9000000000000000',
      bound: '1',
      precision: 30,
      ratio: '0',
      reason: 'lhs below the decimal exponent range: the value shown is an upper bound, not 20 significant digits',
    });
    expect(lhsLow.precisions).toEqual([30]);
    const boundLow = claimOf((A) => ({ lhs: A.point(1), bound: underflowing(A) }));
    expect(decide(boundLow, {})).toEqual({
      verdict: 'violated',
      lhs: '1',
      bound: '1e-9000000000000000',
      precision: 30,
      reason: 'bound below the decimal exponent range: the value shown is an upper bound, not 20 significant digits',
    });
    expect(boundLow.precisions).toEqual([30]);
    const both = claimOf((A) => ({ lhs: underflowing(A), bound: underflowing(A), margin: A.point(1) }));
    expect(decide(both, {}, { digits: 5 })).toEqual({
      verdict: 'holds',
      lhs: '1e-9000000000000000',
      bound: '1e-9000000000000000',
      precision: 15,
      reason: 'lhs and bound below the decimal exponent range: the value shown is an upper bound, not 5 significant digits',
    });
  });

  it('an undecided sign still escalates to the cap, and is inconclusive', () => {
    const c = claimOf((A) => ({ lhs: underflowing(A), bound: A.point(0), margin: A.between(-1, 1) }));
    const v = decide(c, {}, { maxPrecision: 60 });
    expect(c.precisions).toEqual([30, 60]);
    expect(v.verdict).toBe('inconclusive');
  });
});

describe('sides not known to the requested digits at the cap', () => {
  it('shows the midpoint and names each unknown side with its enclosure', () => {
    const lhsLoose = claimOf((A) => ({ lhs: looseOne(A), bound: A.point(2) }));
    expect(decide(lhsLoose, {}, { maxPrecision: 30 })).toEqual({
      verdict: 'holds',
      lhs: '1.00000000005',
      bound: '2',
      precision: 30,
      ratio: '0.5',
      reason: 'not known to 20 significant digits at the precision cap of 30: lhs ∈ [1, 1.0000000001] (the value shown is the midpoint)',
    });
    const bothLoose = claimOf((A) => ({ lhs: looseOne(A), bound: looseOne(A, 3) }));
    expect(decide(bothLoose, {}, { maxPrecision: 30 }).reason).toBe(
      'not known to 20 significant digits at the precision cap of 30: lhs ∈ [1, 1.0000000001]; bound ∈ [3, 3.0000000001] (the value shown is the midpoint)',
    );
    const boundLoose = claimOf((A) => ({ lhs: A.point(0), bound: looseOne(A, 3) }));
    expect(decide(boundLoose, {}, { maxPrecision: 30 }).reason).toBe(
      'not known to 20 significant digits at the precision cap of 30: bound ∈ [3, 3.0000000001] (the value shown is the midpoint)',
    );
  });
});

describe('printing an exact point', () => {
  it('rounds the point itself once, half to even (a 55-digit input just above a tie)', () => {
    const A = arithAt(30);
    expect(formatTo(A.point('1.000000000000000000050000000000000000000000000000000001'), 20)).toBe('1.0000000000000000001');
    expect(formatTo(A.point('1.00000000000000000005'), 20)).toBe('1');
    expect(formatTo(A.point('-2.999999999999999999949999999999999999999999999999999999'), 20)).toBe('-2.9999999999999999999');
  });
});

describe('the fast path at its limits', () => {
  const exact = (A: Arith): Evaluation => ({ lhs: A.point(1), bound: A.point(2) });
  const ball = (hi: number): DDBall => new DDBall(hi, 0, 0);

  it(`is not asked for more than ${FAST_PATH_MAX_DIGITS} digits, even by exact balls`, () => {
    const c = claimOf(exact, () => ({ lhs: ball(1), bound: ball(2) }));
    expect(decide(c, {}, { digits: FAST_PATH_MAX_DIGITS })).toMatchObject({ verdict: 'holds', arithmetic: 'double-double', precision: 31 });
    expect(c.precisions).toEqual([]);
    const beyond = decide(c, {}, { digits: FAST_PATH_MAX_DIGITS + 1 });
    expect(beyond).toEqual({ verdict: 'holds', lhs: '1', bound: '2', precision: 37, ratio: '0.5' });
    expect(c.precisions).toEqual([37]);
  });

  it('gives the ratio 0 for a zero left side whatever its scale', () => {
    const c = claimOf(exact, () => ({ lhs: ball(0), bound: ball(1), margin: ball(1), lhsScale10: -5, boundScale10: 0 }));
    expect(decide(c, {})).toEqual({ verdict: 'holds', lhs: '0', bound: '1', precision: 31, arithmetic: 'double-double', ratio: '0' });
  });

  it('treats a hook that throws as one that cannot decide', () => {
    const c = claimOf(exact, () => {
      throw new TypeError('hook failed');
    });
    expect(decide(c, {})).toEqual({ verdict: 'holds', lhs: '1', bound: '2', precision: 30, ratio: '0.5' });
  });
});

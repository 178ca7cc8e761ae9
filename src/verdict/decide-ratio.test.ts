/**
 * The fast path's uncertified `ratio` when the quotient's ball does not fix its 8 digits (a side wide
 * enough to be known to 1 digit only): it is then computed from the doubles, and must still print what
 * the decimal path prints for the same enclosures — the midpoints' quotient to 8 significant digits,
 * half-even, with the sign and the power of ten of the sides' scales — including midpoints whose low
 * part is half an ulp, at an 8-digit rounding boundary, where dropping or negating the low part
 * prints the neighbouring 8-digit value. Each claim here has a fast hook returning chosen balls and a
 * decimal twin returning the same enclosures, so the two paths see the same numbers.
 */
import { describe, expect, it } from 'vitest';
import { DDBall } from '../arith/double-double.ts';
import { endsOf, midOf } from '../arith/exact-ball.test-support.ts';
import type { ClaimDefinition, FastEvaluation } from '../registry/define.ts';
import { decide } from './decide.ts';

interface Sides {
  readonly lhs: DDBall;
  readonly bound: DDBall;
  readonly margin: DDBall;
  readonly lhsScale10?: number;
  readonly boundScale10?: number;
}

/** The decimal enclosure `[mid − rad, mid + rad]·10^{scale}` of a ball, exactly. */
const scaledEnds = (b: DDBall, scale = 0): [string, string] => endsOf(b).map((x) => x.times(`1e${scale}`).toString()) as [string, string];

/** A claim whose fast hook returns `sides` and whose decimal path encloses the same numbers (the fast hook dropped). */
function claimsWith(sides: Sides): [ClaimDefinition<Record<string, never>>, ClaimDefinition<Record<string, never>>] {
  const decimal: ClaimDefinition<Record<string, never>> = {
    id: 'ratio-test',
    parse: () => ({}),
    hypotheses: () => undefined,
    evaluate: (_args, A) => ({
      lhs: A.between(...scaledEnds(sides.lhs, sides.lhsScale10)),
      bound: A.between(...scaledEnds(sides.bound, sides.boundScale10)),
      margin: A.point(midOf(sides.margin).toString()),
    }),
  };
  const fast: FastEvaluation = { ...sides };
  return [{ ...decimal, fast: () => fast }, decimal];
}

/** Decides with both paths at 1 digit; the fast one must answer, and print the decimal path's verdict, sides and ratio. */
function ratioOnBothPaths(sides: Sides): string | undefined {
  const [withFast, decimalOnly] = claimsWith(sides);
  const fast = decide(withFast, {}, { digits: 1 });
  const slow = decide(decimalOnly, {}, { digits: 1 });
  expect(fast.arithmetic, JSON.stringify(fast)).toBe('double-double');
  const pick = (v: typeof fast) => ({ verdict: v.verdict, lhs: v.lhs, bound: v.bound, ratio: v.ratio });
  expect(pick(fast)).toEqual(pick(slow));
  return fast.ratio;
}

const ball = (hi: number, lo = 0, rad = 0): DDBall => new DDBall(hi, lo, rad);

describe('the ratio from the doubles, when its ball does not fix 8 digits', () => {
  it('is the midpoints quotient to 8 digits, with its sign and the scales', () => {
    expect(ratioOnBothPaths({ lhs: ball(1.2, 0, 0.01), bound: ball(3), margin: ball(1) })).toBe('0.4');
    expect(ratioOnBothPaths({ lhs: ball(1.23456789, 0, 0.01), bound: ball(1), margin: ball(1) })).toBe('1.2345679');
    expect(ratioOnBothPaths({ lhs: ball(-1.23456789, 0, 0.01), bound: ball(1), margin: ball(3) })).toBe('-1.2345679');
    expect(ratioOnBothPaths({ lhs: ball(1.23456789, 0, 0.01), bound: ball(3), margin: ball(1), lhsScale10: -5 })).toBe('0.0000041152263');
    expect(ratioOnBothPaths({ lhs: ball(1.23456789, 0, 0.01), bound: ball(1), margin: ball(1), lhsScale10: 7, boundScale10: -3 })).toBe('12345679000');
  });

  it('keeps a low part of half an ulp at an 8-digit rounding boundary, in the left side and in the bound', () => {
    // 1.00000005 + 2⁻⁵³ lies just above the boundary 1.00000005 between 1 and 1.0000001
    expect(ratioOnBothPaths({ lhs: ball(1.00000005, 2 ** -53, 0.01), bound: ball(1), margin: ball(1) })).toBe('1.0000001');
    expect(ratioOnBothPaths({ lhs: ball(1.00000005, -(2 ** -53), 0.01), bound: ball(1), margin: ball(1) })).toBe('1');
    // 1/(0.9999999500000024 − 2⁻⁵⁴) lies just above 1.00000005
    expect(ratioOnBothPaths({ lhs: ball(1, 0, 0.01), bound: ball(0.9999999500000024, -(2 ** -54)), margin: ball(1) })).toBe('1.0000001');
  });
});

/**
 * A planted bound keeps the claim's id-less parts (arguments, hypotheses, left side), replaces the
 * bound, and drops the claim's rearranged margin, so the engine decides `newBound − lhs` itself.
 */
import { describe, expect, it } from 'vitest';
import { arithAt } from '../arith/interval.ts';
import { defineClaim } from '../registry/define.ts';
import { decide } from '../verdict/decide.ts';
import { withPlantedBound } from './planted.ts';

/** The claim `x² ≤ 2x² + 1` for x ≥ 0, with a (correct) rearranged margin `x² + 1`. */
const claim = defineClaim<{ x: string }>({
  id: 'square',
  parse: (raw) => ({ x: String(raw.x) }),
  hypotheses: (a) => (a.x.startsWith('-') ? { hypothesis: 'non-negative', reason: `x = ${a.x} < 0` } : undefined),
  evaluate: (a, A) => {
    const x = A.point(a.x);
    const square = A.mul(x, x);
    return { lhs: square, bound: A.add(A.scale(square, 2), A.point(1)), margin: A.add(square, A.point(1)) };
  },
});

describe('withPlantedBound', () => {
  const planted = withPlantedBound(claim, 'square-without-1', (args, A, original) => A.sub(original.bound, A.add(A.point(1), A.point(args.x))));

  it('keeps parse, hypotheses and the left side; replaces the bound; drops the margin', () => {
    expect(planted.id).toBe('square-without-1');
    expect(planted.parse({ x: '3' })).toEqual({ x: '3' });
    expect(planted.hypotheses({ x: '-1' })).toEqual({ hypothesis: 'non-negative', reason: 'x = -1 < 0' });
    expect(planted.hypotheses({ x: '1' })).toBeUndefined();
    const e = planted.evaluate({ x: '3' }, arithAt(20));
    expect(e.lhs.lo.toString()).toBe('9');
    expect(e.bound.lo.toString()).toBe('15'); // 2·9 + 1 − (1 + 3)
    expect(e.bound.hi.toString()).toBe('15');
    expect(e.margin).toBeUndefined();
  });

  it('is decided on its own bound: violated where the planted bound is false, applicable as the claim', () => {
    // 2x² + 1 − (1 + x) ≥ x² ⇔ x² ≥ x: false for x ∈ (0, 1)
    expect(decide(planted, { x: '0.5' })).toMatchObject({ verdict: 'violated', lhs: '0.25', bound: '0' });
    expect(decide(planted, { x: '3' })).toMatchObject({ verdict: 'holds', lhs: '9', bound: '15' });
    expect(decide(planted, { x: '-2' })).toMatchObject({ verdict: 'inapplicable', hypothesis: 'non-negative' });
    expect(decide(claim, { x: '0.5' }).verdict).toBe('holds');
  });
});

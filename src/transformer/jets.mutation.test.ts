/**
 * Interval jets where one operand's derivative is unknown and the other's is known (the unknown one
 * must stay unknown, never be computed from a missing enclosure), an exponent whose derivatives are
 * partly unknown, the sign of `g''` under `abs` of a negative argument, `max`/`min` of a single
 * dominating branch, `exp` overflow, and node types outside the grammar. Values worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { arithAt, ArithmeticDomainError, type Interval } from '../arith/interval.ts';
import { jetOf } from './jets.ts';
import { parseExpression } from './ridge-decomposition.ts';

const A = arithAt(30);
const jetOver = (g: string, lo: number, hi: number) => jetOf(parseExpression(g), 't', A.between(lo, hi), A);
const ends = (x: Interval | undefined) => (x === undefined ? undefined : [x.lo.toString(), x.hi.toString()]);

describe('jets: an unknown derivative on one side only', () => {
  it('a sum or difference with √t over [0, 1] has no derivative (t has one)', () => {
    for (const g of ['t + sqrt(t)', 't - sqrt(t)']) {
      const jet = jetOver(g, 0, 1);
      expect(jet.d1, g).toBeUndefined();
      expect(jet.d2, g).toBeUndefined();
    }
    expect(ends(jetOver('t + sqrt(t)', 0, 1).v)).toEqual(['0', '2']);
  });

  it('a product whose left factor √t has no derivative over [0, 1]', () => {
    const jet = jetOver('sqrt(t)*t', 0, 1);
    expect(ends(jet.v)).toEqual(['0', '1']);
    expect(jet.d1).toBeUndefined();
    expect(jet.d2).toBeUndefined();
  });

  it('a reciprocal of |t| + 1 over [−1, 1]: first derivative bounded by the chain rule, second unknown (kink at 0)', () => {
    const jet = jetOver('1/(abs(t) + 1)', -1, 1);
    expect(ends(jet.v)).toEqual(['0.5', '1']);
    // (1/u)' = −u'/u² with u' ∈ [−1, 1] and 1/u² ∈ [1/4, 1]
    expect(ends(jet.d1)).toEqual(['-1', '1']);
    expect(jet.d2).toBeUndefined();
  });

  it('a product whose right factor |t| has no second derivative over [−1, 1] (kink at 0)', () => {
    const jet = jetOver('t*abs(t)', -1, 1);
    expect(ends(jet.v)).toEqual(['-1', '1']);
    expect(ends(jet.d1)).toEqual(['-1', '2']); // |t| + t·[−1, 1] by the product rule on enclosures
    expect(jet.d2).toBeUndefined();
  });

  it('derivatives beyond the decimal range are unknown, not infinite: ((t^10⁶)^10⁶)^10⁶ at t = 2', () => {
    const jet = jetOver('((t^1000000)^1000000)^1000000', 2, 2);
    expect(jet.v.hi.isFinite()).toBe(false);
    expect(jet.d1).toBeUndefined();
    expect(jet.d2).toBeUndefined();
  });

  it('max(0.5, √t) over [0, 1]: the branches cross and √t has no derivative at 0', () => {
    const jet = jetOver('max(0.5, sqrt(t))', 0, 1);
    expect(ends(jet.v)).toEqual(['0.5', '1']);
    expect(jet.d1).toBeUndefined();
    expect(jet.d2).toBeUndefined();
  });
});

describe('jets: exponents that are not constants', () => {
  it('t^√(t − 1) over [1, 2]: taken as exp(√(t − 1)·ln t), value in [1, 2], no derivative (√ at 0)', () => {
    const jet = jetOver('t^sqrt(t - 1)', 1, 2);
    expect(jet.v.lo.lte(1) && jet.v.hi.gte(2) && jet.v.hi.lt('2.000001')).toBe(true);
    expect(jet.d1).toBeUndefined();
    expect(jet.d2).toBeUndefined();
  });

  it('t^max(t − t, 0) over [1, 2]: the exponent has derivative exactly 0 but no second derivative, so it is not a constant', () => {
    const jet = jetOver('t^max(t - t, 0)', 1, 2);
    // t − t over [1, 2] is the interval [−1, 1] (no dependency tracking): the exponent ranges over [0, 1]
    expect(jet.v.lo.lte(1) && jet.v.hi.gte(2)).toBe(true);
    expect(jet.d1).toBeDefined();
    expect(jet.d2).toBeUndefined();
  });
});

describe('jets: signs and branches', () => {
  it('abs of a negative argument negates the second derivative: |t² − 5| at t = 1 is 4, −2, −2', () => {
    const jet = jetOver('abs(t*t - 5)', 1, 1);
    expect([ends(jet.v), ends(jet.d1), ends(jet.d2)]).toEqual([
      ['4', '4'],
      ['-2', '-2'],
      ['-2', '-2'],
    ]);
  });

  it('max(t, 1) and min(t, 5) over [2, 3] are t itself, with second derivative 0', () => {
    for (const g of ['max(t, 1)', 'min(t, 5)']) {
      const jet = jetOver(g, 2, 3);
      expect([ends(jet.v), ends(jet.d1), ends(jet.d2)], g).toEqual([
        ['2', '3'],
        ['1', '1'],
        ['0', '0'],
      ]);
    }
  });

  it('exp that overflows the decimal range is refused: exp(exp(40t)) over [0, 1]', () => {
    expect(() => jetOver('exp(exp(40*t))', 0, 1)).toThrow(ArithmeticDomainError);
    expect(() => jetOver('exp(exp(40*t))', 0, 1)).toThrow('exp (overflow)');
  });

  it('refuses node types outside the grammar, naming them', () => {
    expect(() => jetOver('[t]', 0, 1)).toThrow('jetOf: unexpected node type ArrayNode');
    expect(() => jetOver('t > 0 ? 1 : 2', 0, 1)).toThrow('jetOf: unexpected node type ConditionalNode');
  });
});

/**
 * The construction on targets where sharing, merging or budgeting pieces matters, with the expected
 * weights, ridges and cell counts worked out by hand: repeated terms (`x1 + x1`), a term shared by
 * some positions only (`i·x1 + (1)·x1`), several constants and several profiles along one direction
 * (summed, never juxtaposed), two directions whose entries read alike (`(1, 11)` and `(11, 1)`), the
 * number of ridges sharing the budget at each position, and the Taylor tolerance in the ledger.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import { arithAt } from '../arith/interval.ts';
import { constructTransformer, type Construction } from './construct.ts';
import { evaluateTransformer } from './model.ts';
import { expressionTheoremTarget } from './theorem-target.ts';

const D = Decimal.clone({ precision: 50 });
const A = arithAt(40);
const build = (f: string, L: string, eps: string) => constructTransformer(expressionTheoremTarget(f, 2, new ExactDecimal(L)), new ExactDecimal(eps));
const ridgesOf = (c: Construction) => c.ridges.map((r) => [r.direction.map(String).join(','), r.gate ?? 'all', r.N]);

describe('constructTransformer: sharing and merging pieces', () => {
  it('x1 + x1: the repeated term is taken twice, not four times: one affine unit with output weight 2', () => {
    const c = build('x1 + x1', '2', '0.5');
    expect(c.weights.ffn.w2[0]!.map(String)).toEqual(['2']);
    expect(c.width).toBe(1);
  });

  it('i·x1 + (1)·x1: the term (1)·x1 occurs twice at position 1 and once at position 2; each position gets its sum (2x1 and 3x1 within the ledger)', () => {
    const c = build('i*x1 + (1)*x1', '3', '0.5');
    const out = evaluateTransformer(c.weights, [[A.point(1)], [A.point(0)]], A).output.map((o) => o[0]!);
    for (const [q, value] of [[0, 2], [1, 3]] as const) {
      const error = D.max(new D(out[q]!.hi.toString()).sub(value).abs(), new D(out[q]!.lo.toString()).sub(value).abs());
      expect(error.lte(c.ledger.total.toString()), `position ${q + 1}: ${out[q]!.lo.toString()}`).toBe(true);
    }
  });

  it('x1 + 1 + 2: the constants are summed into the output bias 3', () => {
    expect(build('x1 + 1 + 2', '1', '0.5').weights.ffn.b2.map(String)).toEqual(['3']);
  });

  it('sin(x1 + x2) + cos(x1 + x2): one ridge along (1, 1) whose profile is the sum of both', () => {
    const c = build('sin(x1 + x2) + cos(x1 + x2)', '4', '0.5');
    expect(c.ridges.map((r) => r.g)).toEqual(['(sin((1*t + 0))) + (cos((1*t + 0)))']);
  });

  it('max(x1 + 11·x2, 6) + max(11·x1 + x2, 6): two ridges, along (1, 11) and (11, 1), 12 exact cells each', () => {
    const c = build('max(x1 + 11*x2, 6) + max(11*x1 + x2, 6)', '24', '1');
    expect(ridgesOf(c)).toEqual([
      ['1,11', 'all', 12],
      ['11,1', 'all', 12],
    ]);
    // max(t, 6) is linear on every cell but the one ending at its kink: one ReLU unit per ridge, none for the zero second differences
    expect(c.width).toBe(2);
  });
});

describe('constructTransformer: the ridges of a position share its budget', () => {
  it('x1² + x2 at ε = 0.2: one ridge, budget 0.1, so M = 2 (C2 bound 1/16; M = 1 gives 1/4)', () => {
    expect(ridgesOf(build('x1^2 + x2', '3', '0.2'))).toEqual([['1,0', 'all', 2]]);
  });

  it('i·x1² + i·sin(x2) at ε = 1/2: two gated ridges per position share 1/8 each: N = 2, 1 at position 1 and 4, 2 at position 2', () => {
    // position 2: 2t² has C2 bound h²/2, 1/8 at M = 2 plus the rounding exceeds 1/8, so M = 4
    expect(ridgesOf(build('i*x1^2 + i*sin(x2)', '8', '0.5'))).toEqual([
      ['1,0', 1, 2],
      ['0,1', 1, 1],
      ['1,0', 2, 4],
      ['0,1', 2, 2],
    ]);
  });

  it('x1·e^{x2}: the ledger counts the Taylor tolerance e/46080 on top of the ridge errors', () => {
    const c = build('x1*exp(x2)', '3', '0.5');
    const ridgeErrors = c.ridges.reduce((s, r) => s.add(r.error.toString()), new D(0));
    expect(new D(c.ledger.ffnError.toString()).gte(ridgeErrors.add(D.exp(1).div(46080)))).toBe(true);
  });
});

describe('constructTransformer: affine units and hinges, exact weights', () => {
  /** The FFN units as text: `w1 | b1 | w2` (w1 over x, p1, p2, slot 1, slot 2). */
  const units = (c: Construction) => c.weights.ffn.w1.map((row, u) => `${row.join(',')} | ${c.weights.ffn.b1[u]!.toString()} | ${c.weights.ffn.w2[0]![u]!.toString()}`);

  it('(x1 − x1 + 1/3)·2: an affine piece without variables is the constant 2/3, stored to 30 digits with its rounding in the ledger', () => {
    const c = build('(x1 - x1 + 1/3)*2', '0', '0.5');
    expect(units(c)).toEqual([]);
    expect(c.weights.ffn.b2.map(String)).toEqual(['0.666666666666666666666666666667']);
    expect(new D(c.ledger.ffnError.toString()).gte(new D(1).div(3).mul('1e-30'))).toBe(true); // |0.6…67 − 2/3| = 10⁻³⁰/3
  });

  it('x1/3 − x2/3: one unit ReLU(x1 − x2 + 1)·(1/3), bias −1/3; the ledger counts the rounding of 1/3 over the range 2 of x1 − x2, and of the bias', () => {
    const c = build('x1/3 - x2/3', '1', '0.5');
    expect(units(c)).toEqual(['0,0,0,1,-1 | 1 | 0.333333333333333333333333333333']);
    expect(c.weights.ffn.b2.map(String)).toEqual(['-0.333333333333333333333333333333']);
    expect(c.ledger.ffnError.gte('1e-30')).toBe(true); // 2·(10⁻³⁰/3) + 10⁻³⁰/3
  });

  it('max(x1/2, x2/3) = x2/3 + ReLU(x1/2 − x2/3): the hinge in integers, ReLU(3x1 − 2x2)·(1/6)', () => {
    expect(units(build('max(x1/2, x2/3)', '1', '0.5'))).toEqual([
      '0,0,0,0,1 | 0 | 0.333333333333333333333333333333',
      '0,0,0,3,-2 | 0 | 0.166666666666666666666666666667',
    ]);
  });

  it('i·max(x1 + 1, x2): gated hinges ReLU(x1 − x2 + 1 − 2·p_other), the gate 2 being the largest value of x1 − x2 + 1', () => {
    expect(units(build('i*max(x1 + 1, x2)', '4', '0.5'))).toEqual([
      '0,0,-1,0,1 | 0 | 1',
      '0,0,-2,1,-1 | 1 | 1',
      '0,-1,0,0,1 | 0 | 2',
      '0,-2,0,1,-1 | 1 | 2',
    ]);
  });

  it('max(x1 − x2 − 1, x2) = x2 + ReLU(x1 − 2x2 − 1): the hinge is never positive on the cube and gets no unit', () => {
    expect(units(build('max(x1 - x2 - 1, x2)', '2', '0.5'))).toEqual(['0,0,0,0,1 | 0 | 1']);
  });

  it('i·(x1 − x2): gated affine units ReLU(x1 − x2 + 1 − 2·p_other), the gate 2 being the range of x1 − x2, and position constants −1, −2', () => {
    expect(units(build('i*(x1 - x2)', '4', '0.5'))).toEqual(['0,0,-2,1,-1 | 1 | 1', '0,-2,0,1,-1 | 1 | 2', '0,1,0,0,0 | 0 | -1', '0,0,1,0,0 | 0 | -2']);
  });
});

describe('constructTransformer: ridge units, ledger per position, refusal and timing', () => {
  const units = (c: Construction) => c.weights.ffn.w1.map((row, u) => `${row.join(',')} | ${c.weights.ffn.b1[u]!.toString()} | ${c.weights.ffn.w2[0]![u]!.toString()}`);

  it('(x1 − x2)²: t ∈ [−1, 1], M = 2, units ReLU(2(x1 − x2) + 2 − k) for k = 0 … 3 and the second differences of t² at −1, −1/2, 0, 1/2, 1', () => {
    const c = build('(x1 - x2)^2', '2', '0.5');
    expect(units(c)).toEqual(['0,0,0,2,-2 | 2 | -0.75', '0,0,0,2,-2 | 1 | 0.5', '0,0,0,2,-2 | 0 | 0.5', '0,0,0,2,-2 | -1 | 0.5']);
    expect(c.weights.ffn.b2.map(String)).toEqual(['1']);
  });

  it('i·x1²: each position counts its own ridge error only: 1/16 (t², M = 2) and 1/8 (2t², M = 2)', () => {
    const errors = build('i*x1^2', '4', '0.5').ledger.positions.map((p) => new D(p.ffnError.toString()));
    expect(errors.map((e) => e.toSignificantDigits(10).toString())).toEqual(['0.0625', '0.125']);
  });

  it('x1·10²⁹/3 at ε = 0.001 is refused with its ledger total (the 30-digit output weight errs by about 1/30)', () => {
    expect(() => build('x1*1e29/3', '1e29', '0.001')).toThrow('the ledger total 0.033581 exceeds ε = 0.001');
  });

  it('timeMs is a duration within the call', () => {
    const before = performance.now();
    const c = build('x1', '1', '0.5');
    expect(c.timeMs).toBeGreaterThanOrEqual(0);
    expect(c.timeMs).toBeLessThanOrEqual(performance.now() - before);
  });
});

/**
 * The construction with exact expectations on small targets: the hidden units (weights, biases,
 * output weights and gates) worked out by hand, the ledger (λ = ⌈ln(L(n−1)/ε₂)⌉ to 0.01, the routing
 * term L(n−1)e^{−λ}), the attention heads, and the network's output at exact inputs against the target.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import { arithAt } from '../arith/interval.ts';
import { chooseLambda, constructTransformer, DIAMETER, FFN_SHARE, MAX_CELLS_PER_RIDGE, MAX_WIDTH, ROUTING_SHARE, TAYLOR_SHARE, type Construction } from './construct.ts';
import { evaluateTransformer } from './model.ts';
import { ConstructionRefused } from './ridge-decomposition.ts';
import { expressionTheoremTarget } from './theorem-target.ts';

const D = Decimal.clone({ precision: 50 });
const A = arithAt(40);
const build = (f: string, n: number, L: string, eps: string, options = {}) => constructTransformer(expressionTheoremTarget(f, n, new ExactDecimal(L)), new ExactDecimal(eps), options);
/** The FFN units as text: `w1 | b1 | w2`. */
const units = (c: Construction) => c.weights.ffn.w1.map((row, u) => `${row.join(',')} | ${c.weights.ffn.b1[u]!.toString()} | ${c.weights.ffn.w2[0]![u]!.toString()}`);
/** `T(X)` at exact decimal inputs, as enclosures per token. */
const output = (c: Construction, X: string[]) => evaluateTransformer(c.weights, X.map((x) => [A.point(x)]), A).output.map((o) => o[0]!);

/** `x ≤ value ≤ x + slack`, `x` an upper bound computed with outward rounding. */
function expectUpper(x: Decimal, value: Decimal.Value, slack = '1e-30'): void {
  expect(x.gte(value) && x.lte(new D(value).add(slack)), `${x.toString()} vs ${new D(value).toString()}`).toBe(true);
}

describe('constants of the construction', () => {
  it('shares of ε, caps and diameter', () => {
    expect([FFN_SHARE, TAYLOR_SHARE, ROUTING_SHARE, MAX_WIDTH, MAX_CELLS_PER_RIDGE, DIAMETER]).toEqual(['0.5', '0.25', '0.25', 20_000, 4_096, 1]);
  });
});

describe('chooseLambda', () => {
  it('is ln(L(n−1)/ε₂) rounded up to 0.01, at least 1', () => {
    expect(chooseLambda(new D(1), 2, new D('0.125'), A).toString()).toBe('2.08'); // ln 8 = 2.0794…
    expect(chooseLambda(new D(3), 2, new D('0.125'), A).toString()).toBe('3.18'); // ln 24 = 3.1780…
    expect(chooseLambda(new D(1), 4, new D('0.125'), A).toString()).toBe('3.18'); // ln(3·8)
    expect(chooseLambda(new D('0.1'), 2, new D('0.125'), A).toString()).toBe('1'); // ln 0.8 < 1
    expect(chooseLambda(new D('0.25'), 2, new D('0.1'), A).toString()).toBe('1'); // ln 2.5 = 0.916… < 1
    expect(chooseLambda(new D('0.3'), 2, new D('0.1'), A).toString()).toBe('1.1'); // ln 3 = 1.0986…
    expect(chooseLambda(new D(0), 2, new D('0.125'), A).toString()).toBe('1');
  });
});

describe('constructTransformer: exact units and ledger', () => {
  it('x1 (n = 2, ε = 1/2): one affine unit on slot 1, λ = ln 8 ↑ = 2.08, routing e^{−2.08}', () => {
    const c = build('x1', 2, '1', '0.5');
    expect(c.weights.model).toBe(5);
    expect(units(c)).toEqual(['0,0,0,1,0 | 0 | 1']);
    expect(c.weights.ffn.b2.map(String)).toEqual(['0']);
    expect([c.width, c.heads, c.lambda.toString()]).toEqual([1, 2, '2.08']);
    const l = c.ledger;
    expect([l.epsilon, l.ffnBudget, l.routingBudget, l.lambda, l.lipschitz, l.ffnError].map(String)).toEqual(['0.5', '0.25', '0.125', '2.08', '1', '0']);
    const e = D.exp('-2.08');
    expectUpper(l.routingError, e);
    expectUpper(l.total, e);
    expect(l.positions.map((p) => p.position)).toEqual([1, 2]);
    for (const p of l.positions) {
      expect(p.lipschitz.toString()).toBe('1');
      expectUpper(p.routingError, e);
      expect(p.total.toString()).toBe(p.routingError.toString());
    }
    expect(c.ridges).toEqual([]);
    expect(c.timeMs).toBeGreaterThanOrEqual(0);
  });

  it('i·x1 (n = 2): one affine unit per position, gated by −(b − a)·p_other; L = max(1, 2)', () => {
    const c = build('i*x1', 2, '2', '0.5');
    expect(units(c)).toEqual(['0,0,-1,1,0 | 0 | 1', '0,-1,0,1,0 | 0 | 2']);
    expect(c.ledger.positions.map((p) => p.lipschitz.toString())).toEqual(['1', '2']);
    expect(c.lambda.toString()).toBe('2.78'); // ln 16 = 2.7725…
    expectUpper(c.ledger.positions[0]!.routingError, D.exp('-2.78'));
    expectUpper(c.ledger.positions[1]!.routingError, D.exp('-2.78').mul(2));
    expectUpper(c.ledger.total, D.exp('-2.78').mul(2));
    const [t1, t2] = output(c, ['0.75', '0.25']);
    // T(X)_q = q·x̃_1 with x̃_1 = (e^λ·0.75 + 0.25)/(e^λ + 1)
    const x1 = D.exp('2.78').mul('0.75').add('0.25').div(D.exp('2.78').add(1));
    expect(t1!.lo.lte(x1) && t1!.hi.gte(x1) && t1!.hi.sub(t1!.lo).lt('1e-30')).toBe(true);
    expect(t2!.lo.lte(x1.mul(2)) && t2!.hi.gte(x1.mul(2))).toBe(true);
  });

  it('max(x1, x2): x2 + ReLU(x1 − x2), exact (no FFN error), L = 3', () => {
    const c = build('max(x1, x2)', 2, '1', '0.5');
    expect(units(c)).toEqual(['0,0,0,0,1 | 0 | 1', '0,0,0,1,-1 | 0 | 1']);
    expect(c.ledger.ffnError.toString()).toBe('0');
    expect(c.ledger.lipschitz.toString()).toBe('3');
    expect(c.lambda.toString()).toBe('3.18');
  });

  it('an affine part with offset: 2·x1 − x2 + 1/3 is 2·... shifted by a = −1 on the direction (2, −1)', () => {
    const c = build('2*x1 - x2 + 1/3', 2, '3', '0.5');
    // direction (2, −1): t ∈ [−1, 2], unit ReLU(2x̃1 − x̃2 + 1), output 1, constant −1 + 1/3 rounded to 30 digits
    expect(units(c)).toEqual(['0,0,0,2,-1 | 1 | 1']);
    expect(c.weights.ffn.b2[0]!.toString()).toBe('-0.666666666666666666666666666667');
    expectUpper(c.ledger.ffnError, '3.33333333333333333333333333333e-31', '1e-40');
  });

  it('a gated hinge: i·max(x1, x2)/2 gates ReLU(x1 − x2) by its largest value 1', () => {
    const c = build('max(x1, x2)*i/2', 2, '1', '0.5');
    expect(units(c)).toEqual(['0,0,-1,0,1 | 0 | 0.5', '0,0,-1,1,-1 | 0 | 0.5', '0,-1,0,0,1 | 0 | 1', '0,-1,0,1,-1 | 0 | 1']);
    const [t1, t2] = output(c, ['0.5', '0.5']);
    expect(t1!.lo.lte('0.25') && t1!.hi.gte('0.25')).toBe(true);
    expect(t2!.lo.lte('0.5') && t2!.hi.gte('0.5')).toBe(true);
  });

  it('a hinge that is identically 0 on the cube is dropped: min(x1, x2 + 2) = x1', () => {
    const c = build('min(x1, x2 + 2)', 2, '1', '0.5');
    expect(units(c)).toEqual(['0,0,0,1,0 | 0 | 1']);
  });

  it('position constants: F(X)_i = i uses ReLU(p_q)·q, no Lipschitz constant, λ = 1', () => {
    const c = build('i', 2, '0', '0.5');
    expect(units(c)).toEqual(['0,1,0,0,0 | 0 | 1', '0,0,1,0,0 | 0 | 2']);
    expect(c.lambda.toString()).toBe('1');
    expect(c.ledger.total.toString()).toBe('0');
    const [t1, t2] = output(c, ['0.3', '0.9']);
    expect([t1!.lo.toString(), t1!.hi.toString(), t2!.lo.toString(), t2!.hi.toString()]).toEqual(['1', '1', '2', '2']);
  });

  it('a shared constant goes to the output bias: x1 + 3/4', () => {
    const c = build('x1 + 3/4', 2, '1', '0.5');
    expect(c.weights.ffn.b2.map(String)).toEqual(['0.75']);
    expect(units(c)).toEqual(['0,0,0,1,0 | 0 | 1']);
  });

  it('x1² (ε = 1/2): ridge with M = 2 nodes 0, 1/4, 1; units ReLU(2x̃1)/4 + ReLU(2x̃1 − 1)/2; L = 3/2', () => {
    const c = build('x1^2', 2, '2', '0.5');
    expect(units(c)).toEqual(['0,0,0,2,0 | 0 | 0.25', '0,0,0,2,0 | -1 | 0.5']);
    expect(c.ridges).toHaveLength(1);
    const r = c.ridges[0]!;
    expect([r.M, r.N, r.gate, r.values.map(String)]).toEqual([2, 2, undefined, ['0', '0.25', '1']]);
    expectUpper(c.ledger.ffnError, '0.0625');
    expect(c.ledger.lipschitz.toString()).toBe('1.5');
    expect(c.lambda.toString()).toBe('2.49'); // ln 12 = 2.4849…
    // at the nodes the network interpolates exactly, up to routing
    const [t] = output(c, ['0.5', '0.5']);
    expect(t!.lo.lte('0.25') && t!.hi.gte('0.25')).toBe(true);
  });

  it('x1·x2: four ridge units, constant −1/4 from the (1, −1) ridge at t = −1', () => {
    const c = build('x1*x2', 2, '2', '0.5');
    expect(units(c)).toEqual(['0,0,0,1,1 | 0 | 0.25', '0,0,0,1,1 | -1 | 0.5', '0,0,0,1,-1 | 1 | 0.25', '0,0,0,1,-1 | 0 | -0.5']);
    expect(c.weights.ffn.b2.map(String)).toEqual(['-0.25']);
    expectUpper(c.ledger.ffnError, '0.125');
    const X = ['0.3', '0.8'];
    const [t1, t2] = output(c, X);
    for (const t of [t1!, t2!]) expect(A.abs(A.sub(t, A.point('0.24'))).hi.lte(c.ledger.total)).toBe(true);
  });

  it('a gated ridge: i·x1² gates the ridge units of each position by G = N = 2', () => {
    const c = build('i*x1^2', 2, '4', '0.5');
    const gated = c.ridges.map((r) => [r.gate, r.N]);
    expect(gated).toEqual([
      [1, 2],
      [2, 2],
    ]); // x1² and 2·x1² both need M = 2 at budget 1/4 (h²/4 and h²/2)
    const w1 = c.weights.ffn.w1;
    const gates = w1.map((row) => `${row[1]!.toString()},${row[2]!.toString()}`);
    expect(new Set(gates)).toEqual(new Set(['0,-2', '-2,0']));
    // at position 1 the gated units of position 2 are off for every slot value in [0, 1]
    const [t1, t2] = output(c, ['1', '1']);
    expect(A.abs(A.sub(t1!, A.point(1))).hi.lte(c.ledger.total)).toBe(true);
    expect(A.abs(A.sub(t2!, A.point(2))).hi.lte(c.ledger.total)).toBe(true);
  });

  it('the attention heads route token h into slot h with margin λ', () => {
    const c = build('x1', 3, '1', '0.5');
    const D7 = (row: readonly Decimal[]) => row.map(String).join(',');
    expect(c.weights.model).toBe(7);
    expect(c.weights.heads).toHaveLength(3);
    const h2 = c.weights.heads[1]!;
    expect(D7(h2.query[0]!)).toBe(`0,${c.lambda},${c.lambda},${c.lambda},0,0,0`);
    expect(D7(h2.key[0]!)).toBe('0,0,1,0,0,0,0');
    expect(D7(h2.value[0]!)).toBe('1,0,0,0,0,0,0');
    expect(h2.output.map((r) => r[0]!.toString()).join(',')).toBe('0,0,0,0,0,1,0');
    expect(c.weights.embed.map((r) => r[0]!.toString()).join(',')).toBe('1,0,0,0,0,0,0');
    expect(c.weights.positions.map(D7)).toEqual(['0,1,0,0,0,0,0', '0,0,1,0,0,0,0', '0,0,0,1,0,0,0']);
    expect([c.weights.tokens, c.weights.dim, c.weights.outDim]).toEqual([3, 1, 1]);
    // ln(1·2/0.125) = ln 16
    expect(c.lambda.toString()).toBe('2.78');
  });

  it('the Taylor allowance is a quarter of the FFN budget: x1·sin(9·x2) is refused at ε = 0.1 with allowance 0.0125', () => {
    expect(() => build('x1*sin(9*x2)', 2, '10', '0.1')).toThrow(/above the allowance 0\.0125$/);
  });

  it('x1·e^{x2} keeps its Taylor tolerance in the ledger, and its ridges share the rest of the FFN budget', () => {
    const c = build('x1*exp(x2)', 2, '3', '0.5');
    const lagrange = D.exp(1).div(46080);
    expect(c.ledger.ffnError.gte(lagrange)).toBe(true);
    expect(c.ledger.ffnError.lte('0.25')).toBe(true);
    expect(c.ledger.total.lte('0.5')).toBe(true);
  });

  it('refuses beyond the width cap, naming ε', () => {
    expect(() => build('x1*x2', 2, '2', '0.5', { maxWidth: 3 })).toThrow(ConstructionRefused);
    expect(() => build('x1*x2', 2, '2', '0.5', { maxWidth: 3 })).toThrow('cannot construct a network for target "x1*x2": the FFN would need more than 3 hidden units at ε = 0.5');
    expect(build('x1*x2', 2, '2', '0.5', { maxWidth: 4 }).width).toBe(4);
  });

  it('refuses a ridge beyond the cells cap', () => {
    expect(() => build('x1^2', 2, '2', '0.5', { maxCellsPerRidge: 1 })).toThrow(/needs more than 1 ReLU units/);
    expect(build('x1^2', 2, '2', '0.5', { maxCellsPerRidge: 2 }).ridges[0]!.N).toBe(2);
  });
});

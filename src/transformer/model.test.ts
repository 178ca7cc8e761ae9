/**
 * The Transformer's semantics on hand-made weights, compared with exact values: embedding plus
 * positions, scores `(query·e_i)(key·e_j)`, softmax weights `e^{s_j}/Σ e^{s_l}`, the residual stream,
 * the ReLU FFN; the enclosure over a box contains every point value; parameter counts; the
 * `uat-transformer/1` export.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import { arithAt, type Interval } from '../arith/interval.ts';
import { evaluateTransformer, exportTransformer, parameterCount, type TransformerWeights } from './model.ts';
import { withoutPositions, withTemperature, withTiedPositions } from './variants.ts';

const A = arithAt(40);
const D = Decimal.clone({ precision: 50 });
const d = (x: Decimal.Value) => new ExactDecimal(x);
const row = (...xs: Decimal.Value[]) => xs.map(d);

/**
 * Two scalar tokens, model dimension 3 (value, position 1, position 2); one head: query·e_i = 2 (the
 * positions sum to 1), key·e_j = x_j + [j = 2], so `s_ij = 2(x_j + [j = 2])`; value `x`, written into
 * coordinate 0; FFN `3·ReLU(c_0 − 1/2) − ReLU(−c_0) + 1/4`.
 */
const W: TransformerWeights = {
  tokens: 2,
  dim: 1,
  outDim: 1,
  model: 3,
  embed: [row(1), row(0), row(0)],
  positions: [row(0, 1, 0), row(0, 0, 1)],
  heads: [{ query: [row(0, 2, 2)], key: [row(1, 0, 1)], value: [row(1, 0, 0)], output: [row(1), row(0), row(0)] }],
  ffn: { w1: [row(1, 0, 0), row(-1, 0, 0)], b1: row('-0.5', 0), w2: [row(3, -1)], b2: row('0.25') },
};

function contains(x: Interval, v: Decimal, width = '1e-35'): boolean {
  return x.lo.lte(v) && x.hi.gte(v) && x.hi.sub(x.lo).lte(width);
}

/** The same network in 50-digit arithmetic at a point. */
function exact(X: readonly Decimal.Value[]): { a: Decimal[][]; c0: Decimal[]; out: Decimal[] } {
  const x = X.map((v) => new D(v));
  const s = x.map((_, j) => x[j]!.add(j === 1 ? 1 : 0).mul(2)); // the same for every i
  const E = s.map((sj) => D.exp(sj));
  const total = E[0]!.add(E[1]!);
  const a = E.map((e) => e.div(total));
  const mixed = a[0]!.mul(x[0]!).add(a[1]!.mul(x[1]!));
  const c0 = x.map((xi) => xi.add(mixed));
  const relu = (v: Decimal) => (v.gt(0) ? v : new D(0));
  const out = c0.map((c) => relu(c.sub('0.5')).mul(3).sub(relu(c.neg())).add('0.25'));
  return { a: [a, a], c0, out };
}

describe('evaluateTransformer', () => {
  it.each([
    [['0.25', '0.75']],
    [['1', '0']],
    [['-2', '0.5']],
  ])('at X = %j: attention, residual and output equal the exact values', (X) => {
    const trace = evaluateTransformer(W, X.map((x) => [A.point(x)]), A);
    const truth = exact(X);
    trace.attention[0]!.forEach((ai, i) => ai.forEach((aij, j) => expect(contains(aij, truth.a[i]![j]!), `a_${i}${j}`).toBe(true)));
    trace.residual.forEach((c, i) => {
      expect(contains(c[0]!, truth.c0[i]!), `c_${i}`).toBe(true);
      expect(c.slice(1).map((x) => [x.lo.toString(), x.hi.toString()])).toEqual(i === 0 ? [['1', '1'], ['0', '0']] : [['0', '0'], ['1', '1']]);
    });
    trace.output.forEach((o, i) => expect(contains(o[0]!, truth.out[i]!), `T_${i}`).toBe(true));
  });

  it('attention weights sum to 1 and favour the larger score', () => {
    const trace = evaluateTransformer(W, [[A.point(0)], [A.point(0)]], A);
    const [a1, a2] = trace.attention[0]![0]!;
    const expected = D.exp(2).div(D.exp(2).add(1));
    expect(contains(a2!, expected)).toBe(true);
    expect(contains(a1!, new D(1).sub(expected))).toBe(true);
  });

  it('large scores do not overflow: softmax is taken relative to the largest', () => {
    const big = { ...W, heads: [{ ...W.heads[0]!, query: [row(0, '1e6', '1e6')] }] };
    const trace = evaluateTransformer(big, [[A.point(0)], [A.point(1)]], A);
    const [a1, a2] = trace.attention[0]![0]!;
    // a_1 = e^{−2·10⁶}/(1 + e^{−2·10⁶}) ≈ 1.0869·10^{−868589}
    expect(a2!.lo.gt('0.999999') && a2!.hi.lt('1.000001')).toBe(true);
    const a1Exact = D.exp(-2e6);
    expect(a1!.lo.lte(a1Exact) && a1!.hi.gte(a1Exact) && a1!.hi.lt('1.0870e-868589')).toBe(true);
  });

  it('over a box the enclosure contains the value at every corner and the centre', () => {
    const box = [[A.between('0.2', '0.3')], [A.between('0.6', '0.9')]];
    const out = evaluateTransformer(W, box, A).output;
    for (const X of [['0.2', '0.6'], ['0.3', '0.9'], ['0.2', '0.9'], ['0.3', '0.6'], ['0.25', '0.75']]) {
      const truth = exact(X).out;
      out.forEach((o, i) => expect(o[0]!.lo.lte(truth[i]!) && o[0]!.hi.gte(truth[i]!), `${X.join(',')} token ${i}`).toBe(true));
    }
  });

  it('checks the number of tokens and their dimension', () => {
    expect(() => evaluateTransformer(W, [[A.point(0)]], A)).toThrow('evaluateTransformer: expected 2 tokens, got 1');
    expect(() => evaluateTransformer(W, [[A.point(0)], [A.point(0), A.point(1)]], A)).toThrow('evaluateTransformer: token 2 has 2 entries, expected 1');
  });

  it('variants: without positions the tokens are treated alike; tied positions; a fixed temperature', () => {
    const plain = withoutPositions(W);
    expect(plain.positions.map((r) => r.map(String).join(','))).toEqual(['0,0,0', '0,0,0']);
    const t = evaluateTransformer(plain, [[A.point('0.5')], [A.point('0.5')]], A).output;
    expect(t[0]![0]!.lo.toString()).toBe(t[1]![0]!.lo.toString());
    const tied = withTiedPositions(W);
    expect(tied.positions.map((r) => r.map(String).join(','))).toEqual(['0,1,0', '0,1,0']);
    expect(W.positions[1]!.map(String).join(',')).toBe('0,0,1');
    const three = withTiedPositions({ ...W, positions: [row(0, 1, 0), row(0, 0, 1), row(1, 1, 1)] });
    expect(three.positions.map((r) => r.map(String).join(','))).toEqual(['0,1,0', '0,1,0', '1,1,1']);
    const hot = withTemperature(W, d(7));
    expect(hot.heads[0]!.query[0]!.map(String)).toEqual(['0', '7', '7']);
    expect(hot.heads[0]!.key[0]!.map(String)).toEqual(['1', '0', '1']);
    expect(W.heads[0]!.query[0]!.map(String)).toEqual(['0', '2', '2']);
  });
});

describe('parameterCount and export', () => {
  it('counts every entry and the non-zero ones', () => {
    // entries: embed 3, positions 6, head 3 + 3 + 3 + 3, w1 6, b1 2, w2 2, b2 1; non-zero: 1 + 2 + 2 + 2 + 1 + 1 + 2 + 1 + 2 + 1
    expect(parameterCount(W)).toEqual({ total: 32, nonZero: 15 });
  });

  it('exports uat-transformer/1 with plain decimal strings', () => {
    const small = { ...W, ffn: { ...W.ffn, b2: [d('1e-9')], b1: [d('-0.5'), d('12345678901234567890123')] } };
    const json = exportTransformer(small, { target: 'T', lipschitz: '1', epsilon: '0.1' }) as Record<string, unknown> & {
      ffn: { b1: string[]; b2: string[]; w1: string[][]; w2: string[][] };
      heads: Array<Record<string, string[][]>>;
    };
    expect(json.format).toBe('uat-transformer/1');
    expect([json.tokens, json.dim, json.outDim, json.model]).toEqual([2, 1, 1, 3]);
    expect(json.embed).toEqual([['1'], ['0'], ['0']]);
    expect(json.positions).toEqual([['0', '1', '0'], ['0', '0', '1']]);
    expect(json.heads).toEqual([{ query: [['0', '2', '2']], key: [['1', '0', '1']], value: [['1', '0', '0']], output: [['1'], ['0'], ['0']] }]);
    expect(json.ffn).toEqual({ w1: [['1', '0', '0'], ['-1', '0', '0']], b1: ['-0.5', '12345678901234567890123'], w2: [['3', '-1']], b2: ['0.000000001'] });
    expect(json.claim).toEqual({ target: 'T', lipschitz: '1', epsilon: '0.1' });
  });
});

/**
 * Taylor-mode interval differentiation: the normalized derivatives `g^{(k)}(t0)/k!` of each supported
 * operation, compared with exact coefficients computed by hand (at 50 digits), and the remainder
 * coefficient over an interval enclosing `g^{(K)}(ξ)/K!` for every `ξ` in it.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { arithAt, type Interval } from '../arith/interval.ts';
import { parseExpression } from './ridge-decomposition.ts';
import { NoTaylorSeries, taylorSeries } from './taylor.ts';

const A = arithAt(30);
const D = Decimal.clone({ precision: 50 });
type Exact = Decimal | number | string;

function expectSeries(series: Interval[], expected: readonly Exact[], what: string): void {
  expect(series.length, `${what}: length`).toBe(expected.length);
  series.forEach((c, k) => {
    const v = new D(expected[k]!);
    expect(c.lo.lte(v) && c.hi.gte(v), `${what}[${k}]: [${c.lo.toString()}, ${c.hi.toString()}] ∌ ${v.toString()}`).toBe(true);
    expect(c.hi.sub(c.lo).lte('1e-25'), `${what}[${k}]: too wide`).toBe(true);
  });
}

const at = (g: string, t: Exact, K: number) => taylorSeries(parseExpression(g), 't', A.point(new D(t)), K, A);
const fact = (k: number) => Array.from({ length: k }, (_, j) => j + 1).reduce((p, j) => p * j, 1);

describe('Taylor coefficients at a point', () => {
  const s1 = D.sin(1);
  const c1 = D.cos(1);
  const e = D.exp(1);
  it.each<[string, Exact, Exact[]]>([
    ['exp(2*t)', '0.5', [0, 1, 2, 3, 4].map((k) => e.mul(2 ** k).div(fact(k)))],
    ['sin(t)', 1, [s1, c1, s1.neg().div(2), c1.neg().div(6), s1.div(24)]],
    ['cos(t)', 1, [c1, s1.neg(), c1.neg().div(2), s1.div(6), c1.div(24)]],
    ['log(t)', 2, [D.ln(2), '0.5', '-0.125', new D(1).div(24), '-0.015625']],
    ['sqrt(t)', 4, [2, '0.25', '-0.015625', '0.001953125']],
    ['t^0.5', 4, [2, '0.25', '-0.015625', '0.001953125']],
    ['t^3', 2, [8, 12, 6, 1, 0]],
    ['t^0', 2, [1, 0, 0]],
    ['t^t', 1, [1, 1, 1, '0.5']],
    ['1/t', 2, ['0.5', '-0.25', '0.125', '-0.0625']],
    ['(t + 1)/(t - 1)', 3, [2, '-0.5', '0.25', '-0.125']],
    ['pi - e*t', 0, [D.acos(-1), e.neg(), 0]],
    ['-t*t + t - 2', 1, [-2, -1, -1, 0]],
    ['+t', 3, [3, 1, 0]],
    ['abs(t - 3)', 1, [2, -1, 0]],
    ['abs(t)', 1, [1, 1, 0]],
    ['t', 5, [5]],
  ])('%s at t = %s', (g, t, expected) => {
    expectSeries(at(g, t, expected.length - 1), expected, g);
  });
});

describe('Taylor remainder over an interval', () => {
  it('exp(t) over [0, 1]: coefficient 2 encloses e^ξ/2 for every ξ in [0, 1]', () => {
    const c = taylorSeries(parseExpression('exp(t)'), 't', A.between(0, 1), 2, A)[2]!;
    expect(c.lo.lte('0.5') && c.lo.gt('0.4999')).toBe(true);
    const halfE = D.exp(1).div(2);
    expect(c.hi.gte(halfE) && c.hi.lt(halfE.add('1e-20'))).toBe(true);
  });

  it('sin(t) over [0, 1]: coefficient 6 encloses −sin(ξ)/720', () => {
    const c = taylorSeries(parseExpression('sin(t)'), 't', A.between(0, 1), 6, A)[6]!;
    expect(c.hi.gte(0)).toBe(true);
    expect(c.lo.lte(D.sin(1).neg().div(720))).toBe(true);
    expect(c.lo.gt('-0.0013')).toBe(true);
  });
});

describe('no Taylor series', () => {
  it.each([
    ['abs(t)', -1, 1, /changes sign/],
    ['sqrt(t)', 0, 1, /sqrt of a series whose value reaches 0/],
    ['log(t)', 0, 1, /log of a series whose value reaches 0/],
    ['1/t', -1, 1, /division by a series whose value contains 0/],
    ['1/t', 0, 1, /contains 0/],
    ['max(t, 1)', 0, 1, /max has no Taylor series/],
    ['t + y', 0, 1, /unknown symbol y/],
  ] as const)('%s over [%s, %s]', (g, lo, hi, message) => {
    const run = () => taylorSeries(parseExpression(g), 't', A.between(lo, hi), 3, A);
    expect(run).toThrow(NoTaylorSeries);
    expect(run).toThrow(message);
  });

  it('integer powers 0 … 64 are products (a base reaching 0 is fine); beyond 64, and for a real exponent, exp(α·log u) needs u > 0', () => {
    const over = (g: string) => taylorSeries(parseExpression(g), 't', A.between(0, 1), 2, A);
    expect(over('t^0').map((c) => [c.lo.toString(), c.hi.toString()])).toEqual([['1', '1'], ['0', '0'], ['0', '0']]);
    expect(over('t^64')[0]!.hi.toString()).toBe('1');
    expect(() => over('t^65')).toThrow(NoTaylorSeries);
    expect(() => over('t^(-1)')).toThrow(NoTaylorSeries);
    expect(() => taylorSeries(parseExpression('abs(t)'), 't', A.point(0), 2, A)).toThrow(/abs of a series whose value changes sign/);
  });

  it('a real power of a base reaching 0 has none either', () => {
    expect(() => taylorSeries(parseExpression('t^0.5'), 't', A.between(0, 1), 2, A)).toThrow(NoTaylorSeries);
  });
});

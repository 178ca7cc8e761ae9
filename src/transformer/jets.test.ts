/**
 * Interval jets `(g, g', g'')` of one-variable expressions: at a point `t0` every enclosure must
 * contain the exact derivative (computed independently, at 50 digits) and be narrow; over an interval
 * containing a kink or a singular point the derivative is unknown (`undefined`) or the evaluation is
 * refused, never a wrong value.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { arithAt, ArithmeticDomainError, type Interval } from '../arith/interval.ts';
import { jetOf, magnitude } from './jets.ts';
import { parseExpression } from './ridge-decomposition.ts';

const A = arithAt(30);
const D = Decimal.clone({ precision: 50 });
type Exact = Decimal | number | string;

/** `x` contains `value` and is at most `1e-25` wide. */
function expectTight(x: Interval | undefined, value: Exact, what: string): void {
  expect(x, what).toBeDefined();
  const v = new D(value);
  expect(x!.lo.lte(v) && x!.hi.gte(v), `${what}: [${x!.lo.toString()}, ${x!.hi.toString()}] ∌ ${v.toString()}`).toBe(true);
  expect(x!.hi.sub(x!.lo).lte('1e-25'), `${what}: too wide`).toBe(true);
}

const jetAt = (g: string, t: Exact) => jetOf(parseExpression(g), 't', A.point(new D(t)), A);
const jetOver = (g: string, lo: Exact, hi: Exact) => jetOf(parseExpression(g), 't', A.between(new D(lo), new D(hi)), A);
const interval = (x: Interval | undefined) => (x === undefined ? undefined : [x.lo.toString(), x.hi.toString()]);

describe('jets at a point: exact first and second derivatives', () => {
  const sin1 = D.sin(1);
  const cos1 = D.cos(1);
  const e = D.exp(1);
  it.each<[string, Exact, Exact, Exact, Exact]>([
    ['sin(2*t)', '0.5', sin1, cos1.mul(2), sin1.mul(-4)],
    ['cos(3*t)', '0.5', D.cos('1.5'), D.sin('1.5').mul(-3), D.cos('1.5').mul(-9)],
    ['exp(t^2)', 1, e, e.mul(2), e.mul(6)],
    ['log(t)', 2, D.ln(2), '0.5', '-0.25'],
    ['sqrt(t)', 4, 2, '0.25', '-0.03125'],
    ['t^3', 2, 8, 12, 12],
    ['t^1', 2, 2, 1, 0],
    ['t^0', 2, 1, 0, 0],
    ['t^(-2)', 2, '0.25', '-0.25', '0.375'],
    ['t^0.5', 4, 2, '0.25', '-0.03125'],
    ['t^t', 1, 1, 1, 2],
    ['2^t', 1, 2, D.ln(2).mul(2), D.ln(2).pow(2).mul(2)],
    ['1/(t + 1)', 1, '0.5', '-0.25', '0.25'],
    ['t*t - 3', 2, 1, 4, 2],
    ['t*sin(t)', 1, sin1, sin1.add(cos1), cos1.mul(2).sub(sin1)],
    ['-t + 5', 2, 3, -1, 0],
    ['+t', 2, 2, 1, 0],
    ['pi*t - e', 1, D.acos(-1).sub(e), D.acos(-1), 0],
    ['abs(t - 3)', 1, 2, -1, 0],
    ['abs(t)', 1, 1, 1, 0],
    ['max(t, 1)', 2, 2, 1, 0],
    ['max(t, 1)', '0.5', 1, 0, 0],
    ['min(t, 1)', 2, 1, 0, 0],
    ['min(t, 1)', '0.5', '0.5', 1, 0],
    ['max(t, 2*t - 1, 0)', 3, 5, 2, 0],
  ])('%s at t = %s', (g, t, v, d1, d2) => {
    const jet = jetAt(g, t);
    expectTight(jet.v, v, `${g} value`);
    expectTight(jet.d1, d1, `${g}'`);
    expectTight(jet.d2, d2, `${g}''`);
  });
});

describe('jets over intervals: unknown where a derivative does not exist', () => {
  it('abs across 0: value [0, 2], Lipschitz hull of the one-sided derivatives, no second derivative', () => {
    const jet = jetOver('abs(2*t)', -1, 1);
    expect(interval(jet.v)).toEqual(['0', '2']);
    expect(interval(jet.d1)).toEqual(['-2', '2']);
    expect(jet.d2).toBeUndefined();
  });

  it('abs of a negative argument flips value and derivatives', () => {
    const jet = jetOver('abs(t - 3)', 1, 2);
    expect(interval(jet.v)).toEqual(['1', '2']);
    expect(interval(jet.d1)).toEqual(['-1', '-1']);
    expect(interval(jet.d2)).toEqual(['0', '0']);
  });

  it('abs at a zero end keeps the derivatives (no kink inside)', () => {
    expect(interval(jetOver('abs(t)', 0, 1).d1)).toEqual(['1', '1']);
    expect(interval(jetOver('abs(-t)', 0, 1).d1)).toEqual(['1', '1']);
    expect(interval(jetOver('abs(t - 1)', 0, 1).d2)).toEqual(['0', '0']);
  });

  it('max and min where the arguments cross: hull of the derivatives, no second derivative', () => {
    const mx = jetOver('max(t, 1)', '0.5', 2);
    expect(interval(mx.v)).toEqual(['1', '2']);
    expect(interval(mx.d1)).toEqual(['0', '1']);
    expect(mx.d2).toBeUndefined();
    const mn = jetOver('min(t, 1)', '0.5', 2);
    expect(interval(mn.v)).toEqual(['0.5', '1']);
    expect(interval(mn.d1)).toEqual(['0', '1']);
    expect(mn.d2).toBeUndefined();
    expect(jetOver('max(sqrt(t), 0.5)', 0, 1).d1).toBeUndefined();
    expect(interval(jetOver('max(abs(t), 1)', -2, 2).d1)).toEqual(['-1', '1']);
  });

  it('max and min that touch at an end pick the right branch', () => {
    expect(interval(jetOver('max(t, 1)', 1, 2).d1)).toEqual(['1', '1']);
    expect(interval(jetOver('max(t, 1)', 0, 1).d1)).toEqual(['0', '0']);
    expect(interval(jetOver('min(t, 1)', 1, 2).d1)).toEqual(['0', '0']);
    expect(interval(jetOver('min(t, 1)', 0, 1).d1)).toEqual(['1', '1']);
  });

  it('sqrt and real powers at 0: value enclosed, derivatives unknown', () => {
    for (const g of ['sqrt(t)', 't^0.5']) {
      const jet = jetOver(g, 0, 1);
      expect(jet.v.lo.toNumber()).toBe(0);
      expect(jet.v.hi.gte(1)).toBe(true);
      expect(jet.d1).toBeUndefined();
      expect(jet.d2).toBeUndefined();
    }
    const sq = jetOver('sqrt(t)', 1, 4);
    expectTight(A.point(sq.d1!.lo), '0.25', 'sqrt\' low end'); // (√t)' = 1/(2√t) is smallest at t = 4
    expect(sq.d1!.hi.gte('0.5')).toBe(true);
  });

  it('an unknown derivative stays unknown through sums, products, quotients and chains', () => {
    const jet = jetOver('abs(t)*t + abs(t) - abs(t)/2 + sin(abs(t))', -1, 1);
    expect(jet.d1).toBeDefined();
    expect(jet.d2).toBeUndefined();
    expect(jetOver('sqrt(t) + 1', 0, 1).d1).toBeUndefined();
    expect(jetOver('t*sqrt(t)', 0, 1).d1).toBeUndefined();
    expect(jetOver('-sqrt(t)', 0, 1).d1).toBeUndefined();
    expect(jetOver('1/(sqrt(t) + 1)', 0, 1).d1).toBeUndefined();
    expect(jetOver('sin(sqrt(t))', 0, 1).d2).toBeUndefined();
  });

  it('refuses a quotient by an enclosure containing 0, and log at or below 0', () => {
    expect(() => jetOver('1/t', -1, 1)).toThrow(ArithmeticDomainError);
    expect(() => jetOver('1/t', 0, 1)).toThrow(/division/);
    expect(() => jetOver('log(t)', 0, 1)).toThrow(/log/);
    expect(() => jetOver('log(t - 2)', 0, 1)).toThrow(ArithmeticDomainError);
  });

  it('refuses names and functions it does not know', () => {
    expect(() => jetAt('t + y', 1)).toThrow(/unknown symbol y/);
    expect(() => jetAt('floor(t)', 1)).toThrow(/unexpected function floor/);
  });

  it('magnitude is the largest absolute end', () => {
    expect(magnitude(A.between(-3, 2)).toString()).toBe('3');
    expect(magnitude(A.between(-1, 5)).toString()).toBe('5');
    expect(magnitude(A.between(-7, -7)).toString()).toBe('7');
  });
});

/**
 * Polynomials with exact rational coefficients and their polarization into ridge powers: exact
 * terms of sums, products and powers, and the polarization identity checked term by term on small
 * monomials (the coefficients of `x1·x2 = ((x1 + x2)² − (x1 − x2)²)/4` and of `x1²·x2`) and, in exact
 * rationals, as an identity at points.
 */
import { describe, expect, it } from 'vitest';
import { Rational } from '../arith/rational.ts';
import { exponentsOf, polarize, Polynomial, type RidgePower } from './polynomial.ts';

const x = (n: number, k: number) => Polynomial.variable(n, k);
const c = (n: number, num: number, den = 1) => Polynomial.constant(n, Rational.of(num, den));
const terms = (p: Polynomial) => Object.fromEntries([...p.terms].map(([k, v]) => [k, v.toString()]));
const ridgeText = (r: RidgePower) => `${r.coefficient.toString()}*(${r.direction.join(',')})^${r.power}`;

/** `p` evaluated exactly at `point`. */
function valueAt(p: Polynomial, point: readonly Rational[]): Rational {
  let s = Rational.ZERO;
  for (const [key, coefficient] of p.terms) s = s.add(exponentsOf(key).reduce((m, e, i) => m.mul(point[i]!.pow(e)), coefficient));
  return s;
}

/** The polarized form evaluated exactly at `point`. */
function polarizedAt(p: Polynomial, point: readonly Rational[]): Rational {
  const { constant, linear, ridges } = polarize(p);
  let s = linear.reduce((t, a, i) => t.add(a.mul(point[i]!)), constant);
  for (const r of ridges) s = s.add(r.coefficient.mul(r.direction.reduce((t, w, i) => t.add(Rational.of(w).mul(point[i]!)), Rational.ZERO).pow(r.power)));
  return s;
}

describe('Polynomial', () => {
  it('constants and variables: exact terms and degrees', () => {
    expect(terms(c(2, 3, 4))).toEqual({ '0,0': '3/4' });
    expect(terms(c(2, 0))).toEqual({});
    expect(c(3, 5).degree).toBe(0);
    expect(c(3, 0).degree).toBe(0);
    expect(terms(x(3, 1))).toEqual({ '0,1,0': '1' });
    expect(x(3, 2).degree).toBe(1);
    expect(x(2, 0).variables).toBe(2);
  });

  it('add merges like terms and drops those that cancel', () => {
    const p = x(2, 0).add(x(2, 1)).add(c(2, 1, 2));
    expect(terms(p)).toEqual({ '1,0': '1', '0,1': '1', '0,0': '1/2' });
    expect(terms(p.add(x(2, 0).scale(Rational.of(-1))))).toEqual({ '0,1': '1', '0,0': '1/2' });
    expect(terms(x(2, 0).add(x(2, 0)))).toEqual({ '1,0': '2' });
  });

  it('scale by zero is the zero polynomial; by a rational scales every coefficient', () => {
    const p = x(2, 0).add(c(2, 3));
    expect(terms(p.scale(Rational.ZERO))).toEqual({});
    expect(terms(p.scale(Rational.of(-2, 3)))).toEqual({ '1,0': '-2/3', '0,0': '-2' });
  });

  it('mul and pow expand exactly: (x1 + x2)² and (x1 − 1)³', () => {
    const s = x(2, 0).add(x(2, 1));
    expect(terms(s.mul(s))).toEqual({ '2,0': '1', '1,1': '2', '0,2': '1' });
    expect(terms(s.pow(2))).toEqual(terms(s.mul(s)));
    expect(s.pow(2).degree).toBe(2);
    const m = x(2, 0).add(c(2, -1));
    expect(terms(m.pow(3))).toEqual({ '3,0': '1', '2,0': '-3', '1,0': '3', '0,0': '-1' });
    expect(terms(m.pow(0))).toEqual({ '0,0': '1' });
    expect(terms(x(2, 0).mul(x(2, 1)).mul(x(2, 1)))).toEqual({ '1,2': '1' });
    expect(x(3, 0).mul(x(3, 1)).mul(x(3, 2)).degree).toBe(3);
    expect(terms(x(2, 0).mul(c(2, 0)))).toEqual({});
  });

  it('exponentsOf reads a term key', () => {
    expect(exponentsOf('2,0,13')).toEqual([2, 0, 13]);
  });
});

describe('polarize', () => {
  it('x1·x2 = (x1 + x2)²/4 − (x1 − x2)²/4', () => {
    const { constant, linear, ridges } = polarize(x(2, 0).mul(x(2, 1)));
    expect(constant.toString()).toBe('0');
    expect(linear.map(String)).toEqual(['0', '0']);
    expect(ridges.map(ridgeText)).toEqual(['1/4*(1,1)^2', '-1/4*(1,-1)^2']);
  });

  it('x1²·x2 polarizes into four cubes with coefficients ±1/24 (directions by sign masks)', () => {
    const { ridges } = polarize(x(2, 0).pow(2).mul(x(2, 1)));
    // factors (x1, x1, x2), ε_1 = +1: masks (+,+), (−,+), (+,−), (−,−) over (ε_2, ε_3)
    expect(ridges.map(ridgeText)).toEqual(['1/24*(2,1)^3', '-1/24*(0,1)^3', '-1/24*(2,-1)^3', '1/24*(0,-1)^3']);
  });

  it('x1²·x2² skips the directions that vanish', () => {
    const { ridges } = polarize(x(2, 0).pow(2).mul(x(2, 1).pow(2)));
    expect(ridges).toHaveLength(6);
    expect(ridges.every((r) => r.direction.some((w) => w !== 0n))).toBe(true);
    expect(ridges.map((r) => r.power)).toEqual([4, 4, 4, 4, 4, 4]);
  });

  it('constant, linear and pure-power terms are kept apart', () => {
    const p = c(3, 7, 2).add(x(3, 1).scale(Rational.of(-3))).add(x(3, 0).scale(Rational.of(5, 2))).add(x(3, 2).pow(3).scale(Rational.of(2)));
    const { constant, linear, ridges } = polarize(p);
    expect(constant.toString()).toBe('7/2');
    expect(linear.map(String)).toEqual(['5/2', '-3', '0']);
    expect(ridges.map(ridgeText)).toEqual(['2*(0,0,1)^3']);
  });

  it.each([
    ['x1·x2·x3', () => x(3, 0).mul(x(3, 1)).mul(x(3, 2))],
    ['(x1 − 2x2 + 1/3)⁴', () => x(3, 0).add(x(3, 1).scale(Rational.of(-2))).add(c(3, 1, 3)).pow(4)],
    ['x1²x2x3³ − x2 + 5', () => x(3, 0).pow(2).mul(x(3, 1)).mul(x(3, 2).pow(3)).add(x(3, 1).scale(Rational.of(-1))).add(c(3, 5))],
  ])('%s: the polarized form equals the polynomial exactly at rational points', (_, build) => {
    const p = build();
    for (const point of [
      [Rational.of(1, 3), Rational.of(-2, 5), Rational.of(7, 4)],
      [Rational.ONE, Rational.ZERO, Rational.of(-1)],
      [Rational.of(3), Rational.of(1, 2), Rational.of(2, 3)],
    ]) {
      expect(polarizedAt(p, point).toString()).toBe(valueAt(p, point).toString());
    }
  });
});

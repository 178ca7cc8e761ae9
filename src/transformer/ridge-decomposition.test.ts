/**
 * The decomposition is exact (the pieces sum to the target at rational points, checked in exact
 * rationals where the target is rational), polarization is the stated identity, the derivative
 * enclosures contain the true derivatives, and targets outside the route are refused with the reason.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import { arithAt } from '../arith/interval.ts';
import { Rational } from '../arith/rational.ts';
import { compileExpression } from '../targets/expression.ts';
import { constructTransformer } from './construct.ts';
import { jetOf } from './jets.ts';
import { taylorSeries } from './taylor.ts';
import { polarize, Polynomial } from './polynomial.ts';
import { ConstructionRefused, parseExpression, RidgeDecomposer, type Piece } from './ridge-decomposition.ts';
import { expressionTheoremTarget } from './theorem-target.ts';

const rational = fc.integer({ min: -1000, max: 1000 }).map((k) => Rational.of(k, 250));

function pieceValue(p: Piece, x: readonly Rational[]): Rational | undefined {
  switch (p.kind) {
    case 'constant':
      return compileExpression(p.text, []).rational([]);
    case 'affine':
      return p.coefficients.reduce((s, c, k) => s.add(c.mul(x[k]!)), p.offset);
    case 'hinge':
      return p.scale.mul(p.coefficients.reduce((s, c, k) => s.add(c.mul(x[k]!)), p.offset).relu());
    case 'ridge': {
      const t = p.direction.reduce((s, w, k) => s.add(Rational.of(w).mul(x[k]!)), Rational.ZERO);
      return compileExpression(p.g, ['t']).rational([t]);
    }
  }
}

describe('ridge decomposition', () => {
  it.each(['x1*x2', 'x1^2*x2 - 3*x3', '(x1 + 2*x2)^3 / 5', 'max(x1, x2) - min(x2, 2*x3)', 'abs(x1 - x2)*3 + x1*x2*x3', 'x1^4 - x2^2*x3^2'])(
    '%s: the pieces sum to the target exactly',
    (text) => {
      const d = new RidgeDecomposer(3, text);
      const pieces = d.decompose(parseExpression(text));
      const f = compileExpression(text, ['x1', 'x2', 'x3']);
      fc.assert(
        fc.property(fc.tuple(rational, rational, rational), (x) => {
          const sum = pieces.reduce<Rational | undefined>((s, p) => {
            const v = pieceValue(p, x);
            return s === undefined || v === undefined ? undefined : s.add(v);
          }, Rational.ZERO);
          expect(sum?.toString()).toBe(f.rational(x)?.toString());
        }),
        { numRuns: 30, seed: 7 },
      );
    },
  );

  it('polarizes x1·x2·x3 into 4 cubes with coefficients ±1/24', () => {
    const p = Polynomial.variable(3, 0).mul(Polynomial.variable(3, 1)).mul(Polynomial.variable(3, 2));
    const { ridges } = polarize(p);
    expect(ridges).toHaveLength(4);
    expect(ridges.map((r) => r.coefficient.abs().toString())).toEqual(['1/24', '1/24', '1/24', '1/24']);
  });

  it('x1·sin(x2) is built through a Taylor polynomial, the remainder in the ledger', () => {
    const c = constructTransformer(expressionTheoremTarget('x1*sin(x2)', 2, new ExactDecimal(2)), new ExactDecimal('0.1'));
    expect(c.ledger.total.lte('0.1')).toBe(true);
    expect(c.ridges.length).toBeGreaterThan(2);
  });

  it('max(x1, x2) is built exactly: two units, zero approximation error', () => {
    const c = constructTransformer(expressionTheoremTarget('max(x1, x2)', 2, new ExactDecimal(1)), new ExactDecimal('0.1'));
    expect(c.width).toBe(2);
    expect(c.ledger.ffnError.toNumber()).toBe(0);
  });

  it.each([
    ['x1*sin(x1 + x2)', /function of several variables/],
    ['x1*sin(9*x2)', /Taylor substitution .* errs by up to/],
    ['max(x1, x2, x3)', /not a function of one linear form/],
    ['x1/x2', /divides by an expression/],
    ['log(x1)', /undefined somewhere/],
  ])('refuses %s, naming the target and why', (text, reason) => {
    expect(() => constructTransformer(expressionTheoremTarget(text, 3, new ExactDecimal(10)), new ExactDecimal('0.1'))).toThrow(ConstructionRefused);
    expect(() => constructTransformer(expressionTheoremTarget(text, 3, new ExactDecimal(10)), new ExactDecimal('0.1'))).toThrow(reason);
  });
});

describe('jets', () => {
  const A = arithAt(30);
  it.each([
    ['sin(3*t)', (t: number) => [Math.sin(3 * t), 3 * Math.cos(3 * t), -9 * Math.sin(3 * t)]],
    ['exp(t)*t^2', (t: number) => [Math.exp(t) * t * t, Math.exp(t) * (t * t + 2 * t), Math.exp(t) * (t * t + 4 * t + 2)]],
    ['sqrt(t + 1)/(t + 2)', (t: number) => {
      const s = Math.sqrt(t + 1);
      const f = s / (t + 2);
      const d1 = 1 / (2 * s * (t + 2)) - s / (t + 2) ** 2;
      const h = 1e-4;
      const g = (u: number) => 1 / (2 * Math.sqrt(u + 1) * (u + 2)) - Math.sqrt(u + 1) / (u + 2) ** 2;
      return [f, d1, (g(t + h) - g(t - h)) / (2 * h)];
    }],
  ] as const)('%s: enclosures over a small interval contain the derivatives', (g, truth) => {
    const tree = parseExpression(g);
    for (const t0 of [-0.5, 0.1, 0.7]) {
      const jet = jetOf(tree, 't', A.between(t0 - 1e-3, t0 + 1e-3), A);
      const [v, d1, d2] = truth(t0);
      expect(jet.v.lo.toNumber() - 1e-9).toBeLessThanOrEqual(v!);
      expect(jet.v.hi.toNumber() + 1e-9).toBeGreaterThanOrEqual(v!);
      expect(jet.d1!.lo.toNumber() - 1e-6).toBeLessThanOrEqual(d1!);
      expect(jet.d1!.hi.toNumber() + 1e-6).toBeGreaterThanOrEqual(d1!);
      expect(jet.d2!.lo.toNumber() - 1e-4).toBeLessThanOrEqual(d2!);
      expect(jet.d2!.hi.toNumber() + 1e-4).toBeGreaterThanOrEqual(d2!);
    }
  });

  it('abs has no second derivative across its kink, and a Lipschitz first one', () => {
    const jet = jetOf(parseExpression('abs(2*t)'), 't', A.between(-1, 1), A);
    expect(jet.d2).toBeUndefined();
    expect([jet.d1!.lo.toNumber(), jet.d1!.hi.toNumber()]).toEqual([-2, 2]);
  });
});

describe('Taylor series', () => {
  const A = arithAt(30);
  it('encloses the normalized derivatives of exp, sin·cos and a quotient at a point', () => {
    const at = (g: string, t: string, K: number) => taylorSeries(parseExpression(g), 't', A.point(t), K, A).map((c) => c.lo.add(c.hi).div(2).toNumber());
    const fact = [1, 1, 2, 6, 24, 120];
    at('exp(t)', '0', 5).forEach((c, k) => expect(c).toBeCloseTo(1 / fact[k]!, 12));
    // sin(t)cos(t) = sin(2t)/2: coefficients at 0 are 0, 1, 0, −4/6·… = (2^k/k!)·sin^{(k)}(0)/2
    at('sin(t)*cos(t)', '0', 5).forEach((c, k) => expect(c).toBeCloseTo(k % 2 === 0 ? 0 : ((k % 4 === 1 ? 1 : -1) * 2 ** k) / fact[k]! / 2, 12));
    // 1/(1 − t) = Σ t^k
    at('1/(1 - t)', '0', 5).forEach((c) => expect(c).toBeCloseTo(1, 12));
    at('sqrt(t)', '1', 3).forEach((c, k) => expect(c).toBeCloseTo([1, 0.5, -0.125, 0.0625][k]!, 12));
  });
});

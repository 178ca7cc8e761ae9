/**
 * The inputs of the sample certificate, exactly: mulberry32's first outputs for seed 1 (the reference
 * values of the generator), the random decimals drawn from them (6 places, 1 included), and the cell
 * faces of a ridge solved on the face `w·x = t` (every such input lies in the cube and on its face);
 * the largest lower bound and the largest box bound are maxima over all inputs and boxes, not the last
 * ones; the declared-modulus check alternates far pairs (even s) and near pairs (scale 1/1000, odd s).
 */
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import { Rational } from '../arith/rational.ts';
import { certifyBoxes, certifySamples, checkDeclaredModulus, checkPoints, seededRandom } from './certify.ts';
import { constructTransformer } from './construct.ts';
import { expressionTheoremTarget } from './theorem-target.ts';

const build = (f: string, L: string) => constructTransformer(expressionTheoremTarget(f, 2, new ExactDecimal(L)), new ExactDecimal('0.5'));
const text = (X: readonly Rational[]) => X.map((x) => x.toString()).join(',');

describe('seededRandom and the random inputs', () => {
  it('mulberry32 with seed 1 starts 0.6270739405881613, 0.002735721180215478, 0.5274470399599522', () => {
    const next = seededRandom(1);
    expect([next(), next(), next()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
  });

  it('the random decimals are ⌊u·(10⁶ + 1)⌋/10⁶: 627074/10⁶ and 2735/10⁶ for seed 1 (the diagonal and the tie of n = 2)', () => {
    const X = checkPoints(build('x1', '1'), 0, 1);
    expect(X.slice(7).map(text)).toEqual(['313537/500000,313537/500000', '547/200000,547/200000']);
  });
});

describe('checkPoints: cell faces of a ridge', () => {
  it('x2² (direction (0, 1), M = 2): faces x2 = 0, 1/4, 1/2, 3/4, 1, solved for x2', () => {
    const X = checkPoints(build('x2^2', '2'), 0, 1);
    expect(X).toHaveLength(9 + 5);
    expect(X.slice(9).map((x) => x[1]!.toString())).toEqual(['0', '1/4', '1/2', '3/4', '1']);
  });

  it('(x1 − x2)² (direction (1, −1), t from −1 to 1 by 1/4): each face input lies in the cube with x1 − x2 = t', () => {
    const X = checkPoints(build('(x1 - x2)^2', '2'), 0, 1).slice(9);
    expect(X.map((x) => x[0]!.sub(x[1]!).toString())).toEqual(['-1/4', '0', '1/4', '1/2']);
    for (const x of X.flat()) expect(Rational.ZERO.lte(x) && x.lte(Rational.ONE)).toBe(true);
  });
});

describe('certificates take maxima, and the modulus check alternates far and near pairs', () => {
  it('x1 at ε = 1/2: the largest lower bound over (1, 0) then (0, 0) is 1/(e^{2.08} + 1) = 0.111056…, not the last input\'s 0', () => {
    const s = certifySamples(build('x1', '1'), [[Rational.ONE, Rational.ZERO], [Rational.ZERO, Rational.ZERO]]);
    expect(s.worstLower.toSignificantDigits(6).toString()).toBe('0.111056');
  });

  it('x1 at ε = 1/2 on 21 boxes: the bound is the largest over the 16 proved boxes of side 1/4', () => {
    const b = certifyBoxes(build('x1', '1'), 21);
    expect(b.description).toBe('sup over [0,1]^2 of max_i |T(X)_i − F(X)_i| ≤ 0.333292 ≤ ε = 0.5, proved by interval evaluation on 21 boxes (smallest side 0.25)');
  });

  it('x1 declared 1/2-Lipschitz is refuted by the second pair, a near one; declared 0.999-Lipschitz by the third, a far one (seed 1)', () => {
    expect(checkDeclaredModulus(build('x1', '0.5'), 6, 1)).toEqual({ pairs: 2, refuted: { X: ['0.968378', '0.281103'], Y: ['0.968490839', '0.281323743'], token: 1 } });
    expect(checkDeclaredModulus(build('x1', '0.999'), 6, 1)).toEqual({ pairs: 3, refuted: { X: ['0.425797', '0.994823'], Y: ['0.381068', '0.983611'], token: 1 } });
  });
});

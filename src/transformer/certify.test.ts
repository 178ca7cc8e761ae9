/**
 * Certification from the weights alone, on small constructions with known answers: an exact network
 * (`F(X)_i = i`) has error 0 everywhere and one box proves it; a network whose output bias is moved
 * by 1 errs by about 1 at every input; the adversarial inputs (corners, diagonal, ties, cell faces and
 * midpoints) are where they should be; a box budget that runs out is said; a declared modulus that
 * is false is refuted with a certified pair.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import { arithAt } from '../arith/interval.ts';
import { Rational } from '../arith/rational.ts';
import {
  cachedBoxCertificate,
  cachedSampleCertificate,
  CERTIFY_PRECISION,
  certifyBoxes,
  certifySamples,
  checkDeclaredModulus,
  checkPoints,
  errorEnclosure,
  networkError,
  seededRandom,
} from './certify.ts';
import { constructTransformer, type Construction } from './construct.ts';
import { expressionTheoremTarget, libraryTheoremTarget } from './theorem-target.ts';

const A = arithAt(CERTIFY_PRECISION);
const D = Decimal.clone({ precision: 50 });
const build = (f: string, L: string, eps = '0.5', n = 2) => constructTransformer(expressionTheoremTarget(f, n, new ExactDecimal(L)), new ExactDecimal(eps));
/** The construction with its output bias moved by `shift`. */
const shifted = (c: Construction, shift: string): Construction => ({ ...c, weights: { ...c.weights, ffn: { ...c.weights.ffn, b2: [c.weights.ffn.b2[0]!.add(shift)] } } });
const points = (X: Rational[][]) => X.map((x) => x.map(String).join(','));

describe('networkError', () => {
  it('is exactly 0 for F(X)_i = i, and 1 for the network shifted by 1 (token 1, the first with the largest error)', () => {
    const c = build('i', '0');
    const X = [A.point('0.3'), A.point('0.7')];
    const e = networkError(c.weights, c.target, X, A);
    expect([e.error.lo.toString(), e.error.hi.toString(), e.token]).toEqual(['0', '0', 1]);
    const s = errorEnclosure(shifted(c, '1'), X, A);
    expect([s.error.lo.toString(), s.error.hi.toString(), s.token]).toEqual(['1', '1', 1]);
    const down = errorEnclosure(shifted(c, '-0.25'), X, A);
    expect([down.error.lo.toString(), down.token]).toEqual(['0.25', 1]);
  });

  it('reports the token with the largest error: i·x1 shifted on token 2 only', () => {
    const c = build('i', '0');
    const w2 = c.weights.ffn.w2[0]!.map((w, u) => (u === 1 ? w.add(3) : w));
    const bad = { ...c.weights, ffn: { ...c.weights.ffn, w2: [w2] } };
    const e = networkError(bad, c.target, [A.point('0.3'), A.point('0.7')], A);
    expect([e.error.lo.toString(), e.token]).toEqual(['3', 2]);
  });
});

describe('seededRandom', () => {
  it('is reproducible, seed-dependent and uniform in [0, 1)', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const xs = Array.from({ length: 4000 }, () => a());
    expect(Array.from({ length: 4000 }, () => b())).toEqual(xs);
    expect(seededRandom(8)()).not.toBe(xs[0]);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(4000);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
    const low = xs.filter((x) => x < 0.25).length / xs.length;
    expect(Math.abs(low - 0.25)).toBeLessThan(0.03);
  });
});

describe('checkPoints', () => {
  it('corners, diagonal, one tie per pair, then the random inputs (n = 2, no ridge)', () => {
    const c = build('x1', '1');
    const X = checkPoints(c, 3, 1);
    expect(X).toHaveLength(4 + 4 + 1 + 3);
    expect(points(X.slice(0, 7))).toEqual(['0,0', '1,0', '0,1', '1,1', '0,0', '1/2,1/2', '1,1']);
    expect(X[7]![0]!.eq(X[7]![1]!)).toBe(true); // a random diagonal point
    expect(X[8]![0]!.eq(X[8]![1]!)).toBe(true); // the tie x1 = x2
    for (const x of X.flat()) expect(Rational.ZERO.lte(x) && x.lte(Rational.ONE)).toBe(true);
    expect(points(checkPoints(c, 3, 1))).toEqual(points(X));
    expect(points(checkPoints(c, 3, 2))).not.toEqual(points(X));
  });

  it('cell faces and midpoints of a ridge: x1² with M = 2 gives x1 = 0, 1/4, 1/2, 3/4, 1', () => {
    const c = build('x1^2', '2');
    const X = checkPoints(c, 0, 1);
    expect(X).toHaveLength(4 + 4 + 1 + 5);
    expect(X.slice(9).map((x) => x[0]!.toString())).toEqual(['0', '1/4', '1/2', '3/4', '1']);
  });

  it('three tokens: 8 corners and 3 ties; a ridge along (1, −1) solved for x1 only when it lands in [0, 1]', () => {
    const c = build('abs(x1 - x2)', '1', '0.5', 3);
    const X = checkPoints(c, 0, 3);
    const ridge = c.ridges[0]!;
    expect([ridge.direction, ridge.N]).toEqual([[1n, -1n, 0n], 2]);
    expect(X.length).toBeGreaterThanOrEqual(8 + 4 + 3);
    expect(X.length).toBeLessThanOrEqual(8 + 4 + 3 + 5);
    expect(points(X.slice(0, 8))).toEqual(['0,0,0', '1,0,0', '0,1,0', '1,1,0', '0,0,1', '1,0,1', '0,1,1', '1,1,1']);
    expect(X[12]![0]!.eq(X[12]![1]!) && X[13]![0]!.eq(X[13]![2]!) && X[14]![1]!.eq(X[14]![2]!)).toBe(true);
  });
});

describe('certifySamples', () => {
  it('an exact network: no violation, worst error 0', () => {
    const c = build('i', '0');
    const s = certifySamples(c, checkPoints(c, 2, 1));
    expect([s.count, s.violations, s.undecided, s.worstError.toString(), s.worstLower.toString()]).toEqual([11, 0, 0, '0', '0']);
    expect(s.worstAt).toEqual({ X: ['0', '0'], token: 1 });
  });

  it('a network off by 1 violates ε = 1/2 at every input; the worst input is reported', () => {
    const c = shifted(build('i', '0'), '1');
    const s = certifySamples(c, [[Rational.of(1, 3), Rational.ONE], [Rational.ZERO, Rational.of(1, 4)]]);
    expect([s.count, s.violations, s.undecided, s.worstError.toString(), s.worstLower.toString()]).toEqual([2, 2, 0, '1', '1']);
    expect(s.worstAt).toEqual({ X: ['0.33333333333333333333', '1'], token: 1 });
  });

  it('off by exactly ε: not a violation (≤ ε holds), and no input is undecided', () => {
    const c = shifted(build('i', '0'), '0.5');
    const s = certifySamples(c, [[Rational.ZERO, Rational.ONE]]);
    expect([s.violations, s.undecided, s.worstError.toString()]).toEqual([0, 0, '0.5']);
  });

  it('no inputs: count 0, worst 0', () => {
    const s = certifySamples(build('i', '0'), []);
    expect([s.count, s.worstError.toString(), s.worstAt.X, s.worstAt.token]).toEqual([0, '0', [], 0]);
  });
});

describe('certifyBoxes', () => {
  it('an exact network is proved on one box', () => {
    const b = certifyBoxes(build('i', '0'), 10);
    expect([b.certified, b.boxes, b.bound?.toString()]).toEqual([true, 1, '0']);
    expect(b.description).toBe('sup over [0,1]^2 of max_i |T(X)_i − F(X)_i| ≤ 0 ≤ ε = 0.5, proved by interval evaluation on 1 boxes (smallest side 1)');
  });

  it('x1 at ε = 1/2: bisection to side 1/4 proves it (1 + 4 + 16 = 21 boxes); a budget of 3 stops with 6 boxes left', () => {
    const c = build('x1', '1');
    const b = certifyBoxes(c, 100);
    expect([b.certified, b.boxes]).toEqual([true, 21]);
    expect(b.bound!.gt(c.ledger.total) && b.bound!.lte('0.5')).toBe(true);
    expect(b.description).toMatch(/ on 21 boxes \(smallest side 0\.25\)$/);
    const short = certifyBoxes(c, 3);
    expect([short.certified, short.boxes, short.bound]).toEqual([false, 3, undefined]);
    expect(short.description).toBe('box-wise bound not completed: 6 boxes left after 3 evaluations (budget 3)');
    expect(certifyBoxes(c, 21).certified).toBe(true);
    expect(certifyBoxes(c, 20).certified).toBe(false);
  });

  it('a network off by 1 is never proved: the budget runs out', () => {
    const b = certifyBoxes(shifted(build('i', '0'), '1'), 5);
    expect([b.certified, b.boxes]).toEqual([false, 5]);
  });

  it('the caches return the same certificate per construction and budget', () => {
    const c = build('i', '0');
    expect(cachedBoxCertificate(c, 7)).toBe(cachedBoxCertificate(c, 7));
    expect(cachedBoxCertificate(c, 8)).not.toBe(cachedBoxCertificate(c, 7));
    expect(cachedBoxCertificate(c, 8).boxes).toBe(1);
    const s = cachedSampleCertificate(c);
    expect(cachedSampleCertificate(c)).toBe(s);
    expect(s.count).toBe(4 + 4 + 1 + 100);
  });
});

describe('checkDeclaredModulus', () => {
  it('refutes L = 0 for x1 at the first pair, token 1, with the pair', () => {
    const m = checkDeclaredModulus(build('x1', '0'), 10, 2);
    expect(m.pairs).toBe(1);
    expect(m.refuted!.token).toBe(1);
    expect(m.refuted!.X).toHaveLength(2);
    expect(m.refuted!.X[0]).not.toBe(m.refuted!.Y[0]);
  });

  it('a refutation on token 2 when only F(·)_2 moves: i·x2 − x2 with L = 0', () => {
    const m = checkDeclaredModulus(build('(i - 1)*x2', '0'), 10, 2);
    expect([m.pairs, m.refuted?.token]).toEqual([1, 2]);
  });

  it('holds for true declarations: x1 with L = 1, max with L = 1, the Hölder modulus of √|x − c|', () => {
    expect(checkDeclaredModulus(build('x1', '1'), 40, 3)).toEqual({ pairs: 40 });
    expect(checkDeclaredModulus(build('max(x1, x2)', '1'), 40, 3)).toEqual({ pairs: 40 });
    const holder = constructTransformer(libraryTheoremTarget({ family: 'abs-shift', c: '0.5' }, 2), new ExactDecimal('0.5'));
    expect(checkDeclaredModulus(holder, 40, 3)).toEqual({ pairs: 40 });
  });

  it('x1 with L = 1/2 is refuted only by a far pair (|x1 − y1| > 0)', () => {
    const m = checkDeclaredModulus(build('x1', '0.5'), 40, 3);
    expect(m.refuted).toBeDefined();
    const [x, y] = [new D(m.refuted!.X[0]!), new D(m.refuted!.Y[0]!)];
    expect(x.sub(y).abs().gt(0)).toBe(true);
  });
});

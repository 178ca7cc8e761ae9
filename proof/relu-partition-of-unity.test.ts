/**
 * Lemma relu-partition-of-unity, claim by claim, in process and with exact answers: every verdict
 * below is worked out by hand in its comment (grid `[0, 1]`, `N = 4`, `h = 1/4` unless said), so a
 * changed hat, sum, interpolant, bound or hypothesis shows as a different verdict, left side, bound or
 * reason. Bad arguments are `error` verdicts naming the argument and the value.
 */
import { describe, expect, it } from 'vitest';
import type { ClaimDefinition } from '../src/registry/define.ts';
import { decide } from '../src/verdict/decide.ts';
import type { Verdict } from '../src/verdict/verdict.ts';
import {
  declaredModulus,
  interpolation,
  interpolationC2,
  interpolationModulus,
  MAX_CELLS,
  MAX_DIMENSION,
  MAX_NETWORK_BITS,
  nonnegative,
  pyramidsSumToOne,
  reluForm,
  reluPartitionOfUnity,
  sumToOne,
  sumToOneOutside,
  support,
  tensorSumToOne,
} from './relu-partition-of-unity.ts';

const grid = { a: '0', b: '1', N: 4 };

function verdict<A>(claim: ClaimDefinition<A>, raw: Record<string, unknown>): Verdict {
  return decide(claim, raw);
}

/** The verdict, left side and bound as one line. */
function answer<A>(claim: ClaimDefinition<A>, raw: Record<string, unknown>): string {
  const v = verdict(claim, raw);
  return v.verdict === 'holds' || v.verdict === 'violated' ? `${v.verdict} ${v.lhs} ≤? ${v.bound}` : `${v.verdict}: ${v.reason}`;
}

describe('the lemma', () => {
  it('lists its claims and findings', () => {
    expect(reluPartitionOfUnity.id).toBe('relu-partition-of-unity');
    expect(reluPartitionOfUnity.uses).toEqual([]);
    expect(reluPartitionOfUnity.claims.map((c) => c.id)).toEqual([
      'relu-form',
      'nonnegative',
      'support',
      'sum-to-one',
      'interpolation',
      'interpolation-modulus',
      'interpolation-c2',
      'declared-modulus',
      'tensor-sum-to-one',
    ]);
    expect(reluPartitionOfUnity.findings.map((f) => [f.id, f.drops])).toEqual([
      ['sum-to-one-outside', 'interval'],
      ['pyramids-sum-to-one', 'dimension'],
    ]);
    expect([MAX_CELLS, MAX_DIMENSION, MAX_NETWORK_BITS]).toEqual([1_000_000, 8, 1_500_000_000]);
  });
});

describe('sum-to-one and sum-to-one-outside', () => {
  it('sum to exactly 1 on [a, b], ends included', () => {
    for (const x of ['0', '0.3', '0.5', '1']) expect(answer(sumToOne, { ...grid, x })).toBe('holds 0 ≤? 0');
    // a ≠ 0 and a non-decimal h = 2/3: at x = 0.1 the hats φ_1, φ_2 are 0.7·… and still sum to 1
    expect(answer(sumToOne, { a: '-1', b: '1', N: 3, x: '0.1' })).toBe('holds 0 ≤? 0');
  });

  it('outside [a, b] the hypothesis interval fails, naming x and [a, b]', () => {
    const v = verdict(sumToOne, { ...grid, x: '1.1' });
    expect(v).toEqual({ verdict: 'inapplicable', hypothesis: 'interval', reason: 'hypothesis interval fails: x = 11/10 lies outside [a, b] = [0, 1]' });
    expect(verdict(sumToOne, { ...grid, x: '-0.01' }).reason).toBe('hypothesis interval fails: x = -1/100 lies outside [a, b] = [0, 1]');
  });

  it('without the hypothesis the sum is (b + h − x)/h above b and (x − a + h)/h below a', () => {
    // x = 1.1: (1.25 − 1.1)/0.25 = 0.6, deviation 0.4; x = −0.05: 0.2/0.25 = 0.8, deviation 0.2
    expect(answer(sumToOneOutside, { ...grid, x: '1.1' })).toBe('violated 0.4 ≤? 0');
    expect(answer(sumToOneOutside, { ...grid, x: '-0.05' })).toBe('violated 0.2 ≤? 0');
    expect(answer(sumToOneOutside, { ...grid, x: '3' })).toBe('violated 1 ≤? 0');
    expect(answer(sumToOneOutside, { ...grid, x: '0.3' })).toBe('holds 0 ≤? 0');
  });
});

describe('relu-form, nonnegative, support', () => {
  it('relu-form: the network equals the closed form everywhere', () => {
    for (const [k, x] of [
      [2, '0.6'],
      [0, '-0.1'],
      [4, '1.3'],
      [1, '0.9'],
    ] as const) {
      expect(answer(reluForm, { ...grid, k, x })).toBe('holds 0 ≤? 0');
    }
  });

  it('nonnegative: the left side is −φ_k(x)', () => {
    // φ_2(0.6) = 1 − 0.1/0.25 = 0.6; φ_0(−0.1) = 0.6; φ_3(0.1) = 0
    expect(answer(nonnegative, { ...grid, k: 2, x: '0.6' })).toBe('holds -0.6 ≤? 0');
    expect(answer(nonnegative, { ...grid, k: 0, x: '-0.1' })).toBe('holds -0.6 ≤? 0');
    expect(answer(nonnegative, { ...grid, k: 3, x: '0.1' })).toBe('holds 0 ≤? 0');
  });

  it('support: φ_k(x) = 0 from |x − x_k| = h on; nearer, hypothesis far fails', () => {
    expect(answer(support, { ...grid, k: 2, x: '0.75' })).toBe('holds 0 ≤? 0');
    expect(answer(support, { ...grid, k: 2, x: '0.2' })).toBe('holds 0 ≤? 0');
    expect(answer(support, { ...grid, k: 0, x: '-5' })).toBe('holds 0 ≤? 0');
    expect(verdict(support, { ...grid, k: 2, x: '0.7' })).toEqual({
      verdict: 'inapplicable',
      hypothesis: 'far',
      reason: 'hypothesis far fails: |x − x_k| = 1/5 is below h = 1/4',
    });
    expect(verdict(support, { ...grid, k: 2, x: '0.3' }).hypothesis).toBe('far');
  });

  it('k must be an integer in [0, N]', () => {
    expect(verdict(reluForm, { ...grid, k: 5, x: '0.5' }).verdict).toBe('error');
    expect(verdict(reluForm, { ...grid, k: 5, x: '0.5' }).reason).toMatch(/^argument k .*, got 5$/);
    expect(verdict(nonnegative, { ...grid, k: -1, x: '0.5' }).reason).toMatch(/^argument k .*, got -1$/);
    expect(verdict(support, { ...grid, x: '0.5' }).reason).toMatch(/^argument k /);
    expect(answer(reluForm, { ...grid, k: 4, x: '0.5' })).toBe('holds 0 ≤? 0');
  });
});

describe('interpolation, interpolation-modulus, interpolation-c2', () => {
  it('is sharp for |x − c| at a cell midpoint: error L·h/2 = 0.125, exactly', () => {
    const raw = { ...grid, x: '0.375', f: 'abs(x - 0.375)', lipschitz: '1' };
    expect(verdict(interpolation, raw)).toEqual({ verdict: 'holds', lhs: '0.125', bound: '0.125', precision: 30, ratio: '1' });
    expect(answer(interpolationModulus, raw)).toBe('holds 0.125 ≤? 0.25');
    // a library target with an exact evaluation gives the same
    expect(verdict(interpolation, { ...grid, x: '0.375', target: { family: 'abs-shift', c: '0.375' } })).toEqual({ verdict: 'holds', lhs: '0.125', bound: '0.125', precision: 30, ratio: '1' });
    // a false declaration (L = 0.9) is violated, exactly: 0.125 > 0.1125
    expect(answer(interpolation, { ...raw, lipschitz: '0.9' })).toBe('violated 0.125 ≤? 0.1125');
    expect(answer(interpolationModulus, { ...raw, lipschitz: '0.45' })).toBe('violated 0.125 ≤? 0.1125');
  });

  it('uses both neighbouring nodes: x² at 0.3 has error 0.2·0.8·h² = 0.01', () => {
    // I(0.3) = 0.8·0.0625 + 0.2·0.25 = 0.1, f(0.3) = 0.09; h²M/8 = 0.0625·2/8 = 0.015625
    expect(answer(interpolationC2, { ...grid, x: '0.3', f: 'x^2', lipschitz: '2', secondDerivativeBound: '2' })).toBe('holds 0.01 ≤? 0.015625');
    expect(verdict(interpolationC2, { ...grid, x: '0.375', f: 'x^2', lipschitz: '2', secondDerivativeBound: '2' })).toEqual({
      verdict: 'holds',
      lhs: '0.015625',
      bound: '0.015625',
      precision: 30,
      ratio: '1',
    });
    expect(answer(interpolationC2, { ...grid, x: '0.375', f: 'x^2', lipschitz: '2', secondDerivativeBound: '1.9' })).toBe('violated 0.015625 ≤? 0.01484375');
    expect(answer(interpolationC2, { ...grid, x: '0.3', target: { family: 'polynomial', coefficients: ['0', '0', '1'], lo: '0', hi: '1' } })).toBe('holds 0.01 ≤? 0.015625');
  });

  it('encloses a transcendental f: sin(3x) at 0.3 against ω(h/2) = 0.375', () => {
    // 0.8·sin(0.75) + 0.2·sin(1.5) − sin(0.9) = −0.0385169042880051688...
    expect(answer(interpolation, { ...grid, x: '0.3', f: 'sin(3*x)', lipschitz: '3' })).toBe('holds 0.038516904288005168886 ≤? 0.375');
    expect(answer(interpolation, { ...grid, x: '0.3', target: { family: 'sin', k: '3' } })).toBe('holds 0.038516904288005168886 ≤? 0.375');
    // at a node the error is exactly 0 (the term with x_k = x is dropped, not enclosed)
    expect(verdict(interpolation, { ...grid, x: '0.5', f: 'sin(3*x)', lipschitz: '3' })).toEqual({ verdict: 'holds', lhs: '0', bound: '0.375', precision: 30, ratio: '0' });
    expect(verdict(interpolationModulus, { ...grid, x: '0', f: 'exp(x)', lipschitz: '3' })).toEqual({ verdict: 'holds', lhs: '0', bound: '0.75', precision: 30, ratio: '0' });
  });

  it('uses a Hölder modulus ω(h/2) = √0.125 and ω(h) = 0.5', () => {
    // √|x − 0.3| at x = 0.3: 0.8·√0.05 + 0.2·√0.2 = 0.6·√0.2 = 0.268328157299974763...
    const raw = { ...grid, x: '0.3', f: 'sqrt(abs(x - 0.3))', holder: { C: '1', alpha: '0.5' } };
    expect(answer(interpolation, raw)).toBe('holds 0.26832815729997476357 ≤? 0.3535533905932737622');
    expect(answer(interpolationModulus, raw)).toBe('holds 0.26832815729997476357 ≤? 0.5');
    // with α = 1 the bound is exact: C·h/2 = 0.25
    expect(answer(interpolation, { ...grid, x: '0.375', f: 'abs(x - 0.375)', holder: { C: '2', alpha: '1' } })).toBe('holds 0.125 ≤? 0.25');
  });

  it('falls back to intervals when f is rational at x but not at an active node', () => {
    // 1/(x − 0.25) is exact at 0.3 but undefined at the node 0.25, where φ_1(0.3) = 0.8
    expect(verdict(interpolation, { ...grid, x: '0.3', f: '1/(x - 0.25)', lipschitz: '1' })).toEqual({
      verdict: 'error',
      reason: 'cannot evaluate: division (the divisor enclosure contains 0) is undefined on [0, 0]',
    });
  });

  it('uses only the active nodes: f undefined at an inactive node does not matter', () => {
    // 1/(x − 1) at 0.3: |−10/7 − (0.8·(−4/3) + 0.2·(−2))| = |−10/7 + 22/15| = 4/105; the node 1 has φ_4(0.3) = 0
    expect(answer(interpolation, { ...grid, x: '0.3', f: '1/(x - 1)', lipschitz: '100' })).toBe('holds 0.038095238095238095238 ≤? 12.5');
  });

  it('decides a tight case with non-decimal sides exactly: N = 3, |x − 0.5| at the midpoint 0.5 of [1/3, 2/3]', () => {
    // error = (f(1/3) + f(2/3))/2 = 1/6 = L·h/2: only exact rationals decide 1/6 ≤ 1/6
    expect(verdict(interpolation, { a: '0', b: '1', N: 3, x: '0.5', f: 'abs(x - 0.5)', lipschitz: '1' })).toEqual({
      verdict: 'holds',
      lhs: '0.16666666666666666667',
      bound: '0.16666666666666666667',
      precision: 30,
      ratio: '1',
    });
  });

  it('encloses f where its exact value at x is undefined', () => {
    // 1/(x − 0.3) is exact at the nodes 0.25, 0.5 but not at x = 0.3: the enclosure at x fails
    expect(verdict(interpolation, { ...grid, x: '0.3', f: '1/(x - 0.3)', lipschitz: '1' })).toEqual({
      verdict: 'error',
      reason: 'cannot evaluate: division (the divisor enclosure contains 0) is undefined on [0, 0]',
    });
  });

  it('compares an exact error with an enclosed Hölder bound', () => {
    // |x − 0.3| at 0.3: 0.8·0.05 + 0.2·0.2 = 0.08 against √0.125
    expect(answer(interpolation, { ...grid, x: '0.3', f: 'abs(x - 0.3)', holder: { C: '1', alpha: '0.5' } })).toBe('holds 0.08 ≤? 0.3535533905932737622');
  });

  it('checks the hypotheses interval, then target-domain', () => {
    expect(verdict(interpolation, { ...grid, x: '2', f: 'x', lipschitz: '1' })).toEqual({
      verdict: 'inapplicable',
      hypothesis: 'interval',
      reason: 'hypothesis interval fails: x = 2 lies outside [a, b] = [0, 1]',
    });
    const poly = { family: 'polynomial', coefficients: ['0', '1'], lo: '0', hi: '2' };
    expect(verdict(interpolationModulus, { a: '0', b: '3', N: 4, x: '0.375', target: poly })).toEqual({
      verdict: 'inapplicable',
      hypothesis: 'target-domain',
      reason: 'hypothesis target-domain fails: [a, b] = [0, 3] is not inside the domain [0, 2] where poly(0*x^0 + 1*x^1) has its stated modulus',
    });
    expect(verdict(interpolationModulus, { a: '-0.5', b: '2', N: 4, x: '0.375', target: poly }).hypothesis).toBe('target-domain');
    // [a, b] equal to the domain is inside: f = x is interpolated exactly
    expect(answer(interpolationC2, { a: '0', b: '2', N: 4, x: '0.3', target: poly })).toBe('holds 0 ≤? 0');
  });

  it('interpolation-c2 needs a second-derivative bound, naming where it was expected', () => {
    expect(verdict(interpolationC2, { ...grid, x: '0.3', f: 'x^2', lipschitz: '2' }).reason).toBe(
      "argument secondDerivativeBound must give a bound on sup|f''| over [a, b] (the target is not declared C²), got nothing",
    );
    expect(verdict(interpolationC2, { ...grid, x: '0.3', f: 'x^2', lipschitz: '2', target: null }).reason).toMatch(/^argument secondDerivativeBound must give a bound/);
    expect(verdict(interpolationC2, { ...grid, x: '0.3', target: { family: 'abs-shift', c: '0' } }).reason).toBe(
      'argument target must give a bound on sup|f\'\'| over [a, b] (the target is not declared C²), got {"family":"abs-shift","c":"0"}',
    );
  });

  it('rejects a missing f, a forbidden expression and a bad modulus, naming the argument', () => {
    expect(verdict(interpolation, { ...grid, x: '0.3', lipschitz: '1' }).reason).toMatch(/^argument f is required/);
    expect(verdict(interpolation, { ...grid, x: '0.3', f: 'x.constructor', lipschitz: '1' }).reason).toMatch(/^argument f contains a AccessorNode "x.constructor"/);
    expect(verdict(interpolation, { ...grid, x: '0.3', f: 'x' }).reason).toMatch(/^argument lipschitz is required/);
    expect(verdict(interpolation, { ...grid, f: 'x', lipschitz: '1' }).reason).toMatch(/^argument x /);
  });
});

describe('declared-modulus', () => {
  it('refutes a false declaration exactly and accepts a true one', () => {
    expect(verdict(declaredModulus, { f: '10*x', lipschitz: '1', x: '0', y: '0.1' })).toEqual({ verdict: 'violated', lhs: '1', bound: '0.1', precision: 30, ratio: '10' });
    expect(verdict(declaredModulus, { f: '10*x', lipschitz: '10', x: '0.1', y: '0' })).toEqual({ verdict: 'holds', lhs: '1', bound: '1', precision: 30, ratio: '1' });
    // sin(0.1) = 0.0998334166468281523068...
    expect(answer(declaredModulus, { f: 'sin(x)', lipschitz: '1', x: '0', y: '0.1' })).toBe('holds 0.099833416646828152307 ≤? 0.1');
    expect(answer(declaredModulus, { f: 'sqrt(abs(x))', holder: { C: '1.1', alpha: '0.5' }, x: '-0.25', y: '0' })).toBe('holds 0.5 ≤? 0.55');
    expect(answer(declaredModulus, { f: 'sqrt(abs(x))', holder: { C: '0.9', alpha: '0.5' }, x: '-0.25', y: '0' })).toBe('violated 0.5 ≤? 0.45');
  });

  it('encloses a target without an exact evaluation, and reports a point outside the domain of f', () => {
    expect(answer(declaredModulus, { target: { family: 'sin', k: '1' }, x: '0', y: '0.1' })).toBe('holds 0.099833416646828152307 ≤? 0.1');
    // 1/x is exact at y = 1 but not at x = 0: evaluated in intervals, where the division fails
    for (const [x, y] of [
      ['0', '1'],
      ['1', '0'],
    ]) {
      expect(verdict(declaredModulus, { f: '1/x', lipschitz: '1', x, y })).toEqual({
        verdict: 'error',
        reason: 'cannot evaluate: division (the divisor enclosure contains 0) is undefined on [0, 0]',
      });
    }
    // (x/3)·3 is exactly x: the tight 0.1 ≤ 1·0.1 is decided exactly (its enclosure would straddle)
    expect(verdict(declaredModulus, { f: '(x/3)*3', lipschitz: '1', x: '0.1', y: '0' })).toEqual({ verdict: 'holds', lhs: '0.1', bound: '0.1', precision: 30, ratio: '1' });
  });

  it('checks that both points lie in the target domain, in either order', () => {
    const exp = { family: 'exp', k: '1', lo: '0', hi: '1' };
    expect(verdict(declaredModulus, { target: exp, x: '0.5', y: '2' })).toEqual({
      verdict: 'inapplicable',
      hypothesis: 'target-domain',
      reason: 'hypothesis target-domain fails: {x, y} = {0.5, 2} is not inside the domain [0, 1] where exp(1*x) has its stated modulus',
    });
    expect(verdict(declaredModulus, { target: exp, x: '0.9', y: '-0.1' }).hypothesis).toBe('target-domain');
    expect(verdict(declaredModulus, { target: exp, x: '1.2', y: '0.1' }).hypothesis).toBe('target-domain');
    expect(verdict(declaredModulus, { target: exp, x: '1', y: '0' }).verdict).toBe('holds');
  });

  it('rejects a missing or malformed point, naming it', () => {
    expect(verdict(declaredModulus, { f: 'x', lipschitz: '1', x: '0' }).reason).toMatch(/^argument y /);
    expect(verdict(declaredModulus, { f: 'x', lipschitz: '1', y: '0' }).reason).toMatch(/^argument x /);
    expect(verdict(declaredModulus, { f: 'x', lipschitz: '1', x: 'one', y: '0' }).reason).toMatch(/^argument x .*, got "one"$/);
    expect(verdict(declaredModulus, { f: 'x', lipschitz: '1', x: '0', y: 'two' }).reason).toMatch(/^argument y .*, got "two"$/);
  });
});

describe('tensor-sum-to-one and pyramids-sum-to-one', () => {
  it('tensor hats sum to 1 in any dimension on [a, b]^d', () => {
    expect(answer(tensorSumToOne, { ...grid, x: ['0.3', '0.55'] })).toBe('holds 0 ≤? 0');
    expect(answer(tensorSumToOne, { ...grid, x: ['0', '1', '0.6'] })).toBe('holds 0 ≤? 0');
    expect(answer(tensorSumToOne, { ...grid, x: ['0.1'] })).toBe('holds 0 ≤? 0');
  });

  it('names the first coordinate outside [a, b]', () => {
    expect(verdict(tensorSumToOne, { ...grid, x: ['0.3', '1.55'] }).reason).toBe('hypothesis interval fails: x[1] = 31/20 lies outside [a, b] = [0, 1]');
    expect(verdict(pyramidsSumToOne, { ...grid, x: ['-1', '2'] }).reason).toBe('hypothesis interval fails: x[0] = -1 lies outside [a, b] = [0, 1]');
  });

  it('pyramids sum to 2 at a cell centre in d = 2, to 1 on grid lines and in d = 1', () => {
    // N = 2, h = 1/2: at (1/4, 1/4) four pyramids are 1/2 each
    expect(answer(pyramidsSumToOne, { a: '0', b: '1', N: 2, x: ['0.25', '0.25'] })).toBe('violated 1 ≤? 0');
    // at (0.1, 0.3): ∞-distances 0.3, 0.2, 0.4, 0.4 to (0,0), (0,½), (½,0), (½,½): pyramids 0.4 + 0.6 + 0.2 + 0.2 = 1.4
    expect(answer(pyramidsSumToOne, { a: '0', b: '1', N: 2, x: ['0.1', '0.3'] })).toBe('violated 0.4 ≤? 0');
    expect(answer(pyramidsSumToOne, { a: '0', b: '1', N: 2, x: ['0.5', '0.3'] })).toBe('holds 0 ≤? 0');
    expect(answer(pyramidsSumToOne, { a: '0', b: '1', N: 2, x: ['0.3'] })).toBe('holds 0 ≤? 0');
  });

  it('takes 1 to 8 coordinates', () => {
    expect(verdict(tensorSumToOne, { ...grid, x: [] }).reason).toMatch(/^argument x must have between 1 and 8 entries/);
    expect(verdict(tensorSumToOne, { ...grid, x: Array.from({ length: 9 }, () => '0.5') }).reason).toMatch(/^argument x must have between 1 and 8 entries/);
  });
});

describe('grid arguments and size limits', () => {
  it('rejects a ≥ b, N outside [1, 10^6] and missing arguments, naming them', () => {
    expect(verdict(sumToOne, { a: '1', b: '1', N: 4, x: '1' }).reason).toBe('argument b must exceed a = 1, got "1"');
    expect(verdict(sumToOne, { a: '2', b: '1', N: 4, x: '1' }).reason).toBe('argument b must exceed a = 2, got "1"');
    expect(verdict(sumToOne, { a: '0', b: '1', N: 0, x: '1' }).reason).toMatch(/^argument N .*, got 0$/);
    expect(verdict(sumToOne, { a: '0', b: '1', N: MAX_CELLS + 1, x: '1' }).reason).toMatch(/^argument N .*, got 1000001$/);
    expect(verdict(sumToOne, { a: '0', b: '1', N: 1.5, x: '1' }).reason).toMatch(/^argument N /);
    expect(verdict(sumToOne, { b: '1', N: 4, x: '1' }).reason).toMatch(/^argument a /);
    expect(verdict(sumToOne, { a: '0', N: 4, x: '1' }).reason).toMatch(/^argument b /);
    expect(verdict(sumToOne, { a: '0', b: '1', x: '1' }).reason).toMatch(/^argument N /);
    expect(verdict(sumToOne, { a: '0', b: '1', N: 4 }).reason).toMatch(/^argument x /);
    expect(verdict(sumToOne, { a: 'zero', b: '1', N: 4, x: '1' }).reason).toMatch(/^argument a .*, got "zero"$/);
    expect(verdict(sumToOne, { a: '0', b: 'one', N: 4, x: '1' }).reason).toMatch(/^argument b .*, got "one"$/);
    expect(verdict(sumToOne, { a: '0', b: '1', N: 4, x: 'half' }).reason).toMatch(/^argument x .*, got "half"$/);
  });

  it('refuses a network whose exact numbers would exceed the bit budget, before evaluating it', () => {
    const v = verdict(sumToOne, { a: '-1e-100000', b: '1', N: MAX_CELLS, x: '0.3' });
    expect(v.reason).toMatch(/^argument N is too large for numbers of this size: \(N \+ 3\) × \d+ bits exceeds 1500000000 bits; use fewer digits or a smaller N, got 1000000$/);
    // the bits are those of a = −10^−100000, h and x: 10^100000 has 83048 hex digits
    const perUnit = Number(/× (\d+) bits/.exec(v.reason!)![1]);
    expect(perUnit).toBeGreaterThan(2 * 83048 * 4);
    expect(verdict(tensorSumToOne, { a: '0', b: '1', N: MAX_CELLS, x: ['0.5', '1e-100000'] }).reason).toMatch(/^argument N is too large/);
    expect(verdict(pyramidsSumToOne, { a: '0', b: '1', N: MAX_CELLS, x: ['1e-100000', '0.5'] }).reason).toMatch(/^argument N is too large/);
  });
});

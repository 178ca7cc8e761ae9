/**
 * The claims and findings of lemma piecewise-constant on exact probes, with library targets only (no
 * expression parser, so each test is fast): the verdict, both sides, the ratio, the hypothesis failed and
 * the reason, for the modulus and Lipschitz bounds, the grid for an accuracy (and its cap), the ReLU
 * quantiser, the quantised centre and the transition zones.
 */
import { describe, expect, it } from 'vitest';
import {
  gridForEpsilon,
  lipschitz,
  MAX_MEASURED_CELLS,
  modulus,
  piecewiseConstant,
  quantisedCentre,
  quantisedCentreWideRamps,
  reluStep,
  reluStepNearGrid,
  transitionZones,
} from '../../proof/piecewise-constant.ts';
import { decide } from '../verdict/decide.ts';

const sum = { target: { family: 'coordinate-sum' } };
const sin = { target: { family: 'sin', k: '2' } };
const root = { target: { family: 'sqrt-abs', c: '0' } };
const pick = (v: ReturnType<typeof decide>) => ({ verdict: v.verdict, lhs: v.lhs, bound: v.bound, ratio: v.ratio });

describe('the lemma', () => {
  it('has its five claims and three findings', () => {
    expect(piecewiseConstant.id).toBe('piecewise-constant');
    expect(piecewiseConstant.claims.map((c) => c.id)).toEqual(['modulus', 'lipschitz', 'grid-for-epsilon', 'relu-step', 'quantised-centre']);
    expect(piecewiseConstant.findings.map((c) => c.id)).toEqual(['relu-step-near-grid', 'transition-zones', 'quantised-centre-wide-ramps']);
  });
});

describe('modulus and lipschitz', () => {
  it('a tie on a lower face at a centre that is not a decimal holds exactly, ratio 1', () => {
    expect(pick(decide(modulus, { ...sum, a: '0', b: '1', N: 3, x: ['0'] }))).toEqual({ verdict: 'holds', lhs: '0.16666666666666666667', bound: '0.16666666666666666667', ratio: '1' });
    expect(pick(decide(lipschitz, { ...sum, a: '0', b: '1', N: 3, x: ['1'] }))).toEqual({ verdict: 'holds', lhs: '0.16666666666666666667', bound: '0.16666666666666666667', ratio: '1' });
    // inside a cell: |x − c(x)| = 1/6 − 1/10
    expect(decide(lipschitz, { ...sum, a: '0', b: '1', N: 3, x: ['0.1'] }).lhs).toBe('0.066666666666666666667');
  });

  it('in two variables the bound is L·δ/2 with L = 2 (coordinate sum)', () => {
    const v = decide(lipschitz, { ...sum, a: '0', b: '1', N: 4, x: ['0', '0.25'] });
    expect(pick(v)).toEqual({ verdict: 'holds', lhs: '0.25', bound: '0.25', ratio: '1' });
    expect(decide(modulus, { ...sum, a: '0', b: '1', N: 4, x: ['0.3', '0.6'] }).lhs).toBe('0.1'); // centres 0.375 and 0.625
  });

  it('a false declared modulus is refuted; a transcendental target gets an enclosure', () => {
    expect(pick(decide(modulus, { ...sum, lipschitz: '0.9', a: '0', b: '1', N: 2, x: ['0'] }))).toEqual({ verdict: 'violated', lhs: '0.25', bound: '0.225', ratio: '1.1111111' });
    const v = decide(modulus, { ...sin, a: '0', b: '1', N: 2, x: ['0'] }); // |sin 0 − sin(1/2)| ≤ 2·(1/4)
    expect(v.verdict).toBe('holds');
    expect(v.lhs).toBe('0.47942553860420300027');
    expect(v.bound).toBe('0.5');
  });

  it('a Hölder modulus: ω(δ/2) = C(δ/2)^α, and lipschitz is inapplicable', () => {
    const v = decide(modulus, { ...root, a: '0', b: '1', N: 2, x: ['0.1'] }); // |√0.1 − √(1/4)| ≤ √(1/4)
    expect(pick(v)).toEqual({ verdict: 'holds', lhs: '0.1837722339831620668', bound: '0.5', ratio: '0.36754447' });
    const l = decide(lipschitz, { ...root, a: '0', b: '1', N: 2, x: ['0'] });
    expect([l.verdict, l.hypothesis, l.reason]).toEqual(['inapplicable', 'lipschitz', 'hypothesis lipschitz fails: the modulus of sqrt(abs(x-(0))) is Hölder (C = 1, α = 0.5), not Lipschitz']);
  });

  it('an exact error against a Hölder bound (an enclosure): decided from the enclosures', () => {
    // f = x with a declared Hölder modulus √t: |0 − 1/4| ≤ √(1/4)
    expect(pick(decide(modulus, { ...sum, holder: { C: '1', alpha: '0.5' }, a: '0', b: '1', N: 2, x: ['0'] }))).toEqual({ verdict: 'holds', lhs: '0.25', bound: '0.5', ratio: '0.5' });
  });

  it('malformed arguments are named', () => {
    expect(decide(gridForEpsilon, { ...sum, a: '0', b: '1', epsilon: 'small', x: ['0.5'] }).reason).toMatch(/^argument epsilon /);
    expect(decide(gridForEpsilon, { ...sum, a: '0', b: '1', epsilon: '0.1', N: 'ten', x: ['0.5'] }).reason).toMatch(/^argument N /);
    expect(decide(reluStep, { a: '0', b: '1', N: 4, eta: 'thin', x: '0.5' }).reason).toMatch(/^argument eta /);
    expect(decide(quantisedCentre, { ...sum, a: '0', b: '1', N: 4, eta: 'thin', x: ['0.5'] }).reason).toMatch(/^argument eta /);
    expect(decide(transitionZones, { a: '0', b: '1', N: 4, eta: 'thin' }).reason).toMatch(/^argument eta /);
  });

  it('hypotheses: the point before the domain', () => {
    const poly = { target: { family: 'polynomial', coefficients: ['0', '1'], lo: '0', hi: '0.5' } };
    expect(decide(modulus, { ...poly, a: '0', b: '1', N: 2, x: ['2'] }).hypothesis).toBe('point-in-box');
    expect(decide(modulus, { ...poly, a: '0', b: '1', N: 2, x: ['0.2'] }).hypothesis).toBe('target-domain');
    expect(decide(lipschitz, { ...poly, a: '0', b: '1', N: 2, x: ['2'] }).hypothesis).toBe('point-in-box');
    expect(decide(modulus, { ...poly, a: '0', b: '0.5', N: 2, x: ['0.2'] }).verdict).toBe('holds');
  });
});

describe('grid-for-epsilon', () => {
  it('without N the grid is N(ε), with N it is N: tight at N(ε)', () => {
    // L = 1 on [0, 1], ε = 0.1: N(ε) = 5, δ/2 = 0.1, tight on a lower face
    expect(pick(decide(gridForEpsilon, { ...sum, a: '0', b: '1', epsilon: '0.1', x: ['0.2'] }))).toEqual({ verdict: 'holds', lhs: '0.1', bound: '0.1', ratio: '1' });
    expect(pick(decide(gridForEpsilon, { ...sum, a: '0', b: '1', epsilon: '0.1', N: 10, x: ['0.2'] }))).toEqual({ verdict: 'holds', lhs: '0.05', bound: '0.1', ratio: '0.5' });
    expect(decide(gridForEpsilon, { ...sum, a: '0', b: '1', epsilon: '0.1', N: null, x: ['0.2'] }).lhs).toBe('0.1');
    expect(decide(gridForEpsilon, { ...sum, a: '0', b: '1', epsilon: '0.1', N: 5, x: ['0.2'] }).verdict).toBe('holds');
  });

  it('ε ≤ 0 and N below N(ε) are inapplicable, with the reason', () => {
    const zero = decide(gridForEpsilon, { ...sum, a: '0', b: '1', epsilon: '0', x: ['0.2'] });
    expect([zero.verdict, zero.hypothesis, zero.reason]).toEqual(['inapplicable', 'accuracy', 'hypothesis accuracy fails: epsilon = 0 is not > 0']);
    expect(decide(gridForEpsilon, { ...sum, a: '0', b: '1', epsilon: '-1', N: 3, x: ['0.2'] }).hypothesis).toBe('accuracy');
    const below = decide(gridForEpsilon, { ...sum, a: '0', b: '1', epsilon: '0.1', N: 4, x: ['0.2'] });
    expect([below.hypothesis, below.reason]).toEqual(['grid', 'hypothesis grid fails: N = 4 is below N(ε) = 5']);
    expect(decide(gridForEpsilon, { ...sum, a: '0', b: '1', epsilon: '0.1', N: 5, x: ['2'] }).hypothesis).toBe('point-in-box');
    expect(decide(gridForEpsilon, { target: { family: 'polynomial', coefficients: ['0', '1'], lo: '0', hi: '0.5' }, a: '0', b: '1', epsilon: '0.1', x: ['0.2'] }).hypothesis).toBe('target-domain');
  });

  it('N(ε) = 10^12 exactly is within the cap; one more cell is refused naming ε', () => {
    expect(pick(decide(gridForEpsilon, { ...sum, a: '0', b: '1', epsilon: '5e-13', x: ['0.5'] }))).toEqual({ verdict: 'holds', lhs: '5e-13', bound: '5e-13', ratio: '1' });
    const over = decide(gridForEpsilon, { ...sum, a: '0', b: '1', epsilon: '4.99999e-13', x: ['0.5'] });
    expect(over.verdict).toBe('error');
    expect(over.reason).toBe('argument epsilon needs N(ε) = 1000002000005 cells per axis, above the cap of 1000000000000, got "4.99999e-13"');
    // with N given, an N(ε) above the cap is a failed hypothesis, not an error
    expect(decide(gridForEpsilon, { ...sum, a: '0', b: '1', epsilon: '1e-13', N: 5, x: ['0.5'] }).reason).toBe('hypothesis grid fails: N = 5 is below N(ε) = 5000000000000');
  });

  it('a Hölder N(ε) just above the given N: the reason states N(ε) ≥ N + 1, not ≥ N', () => {
    // √|x| (C = 1, α = 1/2) on [0, 20.6], ε = 1: t = h(C/ε)^2 = 10.3, so N(ε) = 11
    const above = decide(gridForEpsilon, { ...root, a: '0', b: '20.6', epsilon: '1', N: 10, x: ['0.1'] });
    expect([above.verdict, above.hypothesis, above.reason]).toEqual(['inapplicable', 'grid', 'hypothesis grid fails: N = 10 is below N(ε) ≥ 11']);
    expect(decide(gridForEpsilon, { ...root, a: '0', b: '20.6', epsilon: '1', N: 11, x: ['0.1'] }).verdict).toBe('holds');
    // past the cap without N: the error states the least N(ε) the enclosure certifies (t = 10^12 + 0.5 here)
    const over = decide(gridForEpsilon, { ...root, a: '0', b: '2000000000001', epsilon: '1', x: ['0.1'] });
    expect(over.reason).toBe('argument epsilon needs N(ε) ≥ 1000000000001 cells per axis, above the cap of 1000000000000, got "1"');
  });

  it('a Hölder target: N(ε) from the exact search', () => {
    // √|x| on [0, 1], ε = 0.5: √(δ/2) ≤ 1/2 ⇔ N ≥ 2
    expect(pick(decide(gridForEpsilon, { ...root, a: '0', b: '1', epsilon: '0.5', x: ['0.1'] }))).toEqual({ verdict: 'holds', lhs: '0.1837722339831620668', bound: '0.5', ratio: '0.36754447' });
    // ε = 0.1: N(ε) = 50; a given N below it is compared through a certified lower bound of N(ε)
    expect(decide(gridForEpsilon, { ...root, a: '0', b: '1', epsilon: '0.1', N: 50, x: ['0.0015'] }).verdict).toBe('holds');
    expect(decide(gridForEpsilon, { ...root, a: '0', b: '1', epsilon: '0.1', N: 40, x: ['0'] }).reason).toBe('hypothesis grid fails: N = 40 is below N(ε) ≥ 50');
  });
});

describe('the ReLU quantiser', () => {
  it('relu-step: exact away from the grid, inapplicable near it, the miss printed exactly', () => {
    expect(pick(decide(reluStep, { a: '0', b: '1', N: 4, eta: '0.1', x: ['0.35', '0', '1', '0.15'] }))).toEqual({ verdict: 'holds', lhs: '0', bound: '0', ratio: undefined });
    const near = decide(reluStep, { a: '0', b: '1', N: 4, eta: '0.1', x: ['0.35', '0.3'] });
    expect([near.hypothesis, near.reason]).toEqual(['away-from-grid', 'hypothesis away-from-grid fails: x[1] = 0.3 is at distance 1/20 < eta = 1/10 from an interior grid point']);
    expect(decide(reluStep, { a: '0', b: '1', N: 4, eta: '0.1', x: ['1.2', '0.3'] }).hypothesis).toBe('point-in-box');
    expect(decide(reluStep, { a: '0', b: '1', N: 4, eta: '0', x: '0.5' }).reason).toBe('argument eta must be > 0 (the ramp width), got "0"');
  });

  it('relu-step-near-grid: the largest miss over the coordinates, δ at an interior grid point', () => {
    // q(0.3) = δ/2 (halfway up the ramp after 1/4, left edge 1/4), q(0.5) = 1/4 (left edge 1/2), q(0.8) = 3/4 (exact)
    expect(pick(decide(reluStepNearGrid, { a: '0', b: '1', N: 4, eta: '0.1', x: ['0.3', '0.5', '0.8'] }))).toEqual({ verdict: 'violated', lhs: '0.25', bound: '0', ratio: undefined });
    expect(decide(reluStepNearGrid, { a: '0', b: '1', N: 4, eta: '0.1', x: ['0.3'] }).lhs).toBe('0.125');
    expect(decide(reluStepNearGrid, { a: '0', b: '1', N: 4, eta: '0.1', x: ['0.9', '0.35'] }).verdict).toBe('holds');
    expect(decide(reluStepNearGrid, { a: '0', b: '1', N: 4, eta: '0.1', x: ['-0.1'] }).hypothesis).toBe('point-in-box');
  });

  it('a network too large in exact bits is refused, naming N and its size', () => {
    // a = 0, b = 1, N = 10^6 (5 hex digits), η = 10^-99 (83 hex digits), x = −1/16 (1 and 2 hex digits):
    // 2·332 + 4 + 2·4 + 4 + 3·20 + 12 = 752 bits per unit, 1999998 units
    const v = decide(reluStep, { a: '0', b: '1', N: 1_000_000, eta: '1e-99', x: ['-0.0625'] });
    expect(v.reason).toBe(
      "argument N is too large for numbers of this size: the quantiser's 2(N − 1) units need about 1.50e+9 bits, above the cap of 1500000000 bits; use a smaller N or fewer digits in eta, a, b, x, got 1000000",
    );
    expect(decide(quantisedCentre, { ...sum, a: '0', b: '1', N: 1_000_000, eta: '1e-99', x: ['0.5', '-0.0625'] }).reason).toContain('need about 1.50e+9 bits');
    // the sign takes no bits: 1/16 is as large as −1/16
    expect(decide(reluStepNearGrid, { a: '0', b: '1', N: 1_000_000, eta: '1e-99', x: ['0.0625'] }).reason).toContain('need about 1.50e+9 bits');
  });

  it('quantised-centre: tight at a grid point for f = x, ramp-width when η > δ', () => {
    expect(pick(decide(quantisedCentre, { ...sum, a: '0', b: '1', N: 4, eta: '0.25', x: ['0.5'] }))).toEqual({ verdict: 'holds', lhs: '0.125', bound: '0.125', ratio: '1' });
    expect(decide(quantisedCentre, { ...sum, a: '0', b: '1', N: 4, eta: '0.1', x: ['0.55'] }).lhs).toBe('0.05'); // q = 1/4 + δ/2, read at 1/2
    expect(decide(quantisedCentre, { ...sum, a: '0', b: '1', N: 4, eta: '0.1', x: ['0.3'] }).lhs).toBe('0.05');
    const wide = decide(quantisedCentre, { ...sum, a: '0', b: '1', N: 4, eta: '0.3', x: ['0.5'] });
    expect([wide.hypothesis, wide.reason]).toEqual(['ramp-width', 'hypothesis ramp-width fails: eta = 3/10 exceeds δ = 1/4, so the ramps overlap']);
    expect(decide(quantisedCentre, { ...sum, a: '0', b: '1', N: 4, eta: '0.25', x: ['2'] }).hypothesis).toBe('point-in-box');
    expect(decide(quantisedCentre, { ...sum, a: '0', b: '1', N: 4, eta: '-1', x: ['0.5'] }).reason).toContain('argument eta must be > 0');
  });

  it('quantised-centre-wide-ramps: η = 2δ reads f a whole cell away', () => {
    expect(pick(decide(quantisedCentreWideRamps, { ...sum, a: '0', b: '1', N: 4, eta: '0.5', x: ['0.5'] }))).toEqual({ verdict: 'violated', lhs: '0.25', bound: '0.125', ratio: '2' });
    expect(decide(quantisedCentreWideRamps, { ...sum, a: '0', b: '1', N: 4, eta: '0.5', x: ['1.5'] }).hypothesis).toBe('point-in-box');
  });

  it('transition-zones: the fraction 1 − (1 − (N − 1)η/(b − a))^m, m = 1 by default', () => {
    expect(pick(decide(transitionZones, { a: '0', b: '1', N: 3, eta: '0.01', m: 2 }))).toEqual({ verdict: 'violated', lhs: '0.0396', bound: '0', ratio: undefined });
    expect(decide(transitionZones, { a: '0', b: '1', N: 3, eta: '0.01' }).lhs).toBe('0.02');
    expect(decide(transitionZones, { a: '0', b: '1', N: 3, eta: '0.01', m: null }).lhs).toBe('0.02');
    expect(pick(decide(transitionZones, { a: '0', b: '1', N: 1, eta: '0.01', m: 3 }))).toEqual({ verdict: 'holds', lhs: '0', bound: '0', ratio: undefined });
    expect(decide(transitionZones, { a: '0', b: '1', N: 3, eta: '0', m: 2 }).reason).toBe('argument eta must be > 0 (the ramp width), got "0"');
    expect(decide(transitionZones, { a: '0', b: '1', N: 3, eta: '0.01', m: 65 }).reason).toContain('argument m');
    expect(decide(transitionZones, { a: '0', b: '1', N: MAX_MEASURED_CELLS + 1, eta: '0.00001' }).reason).toContain('argument N');
  });
});

/**
 * Evidence for lemma piecewise-constant: every claim probed over m = 1…4 with points on and near cell
 * faces and corners (and on the closed face b), for every library family and for user expressions;
 * the worst ratio lhs/bound of each claim is recorded and, where the bound is tight, shown to reach 1;
 * a planted weaker bound of each claim with a non-zero bound is refuted, and so are relu-step with a
 * halved distance hypothesis and a falsely declared modulus; both findings (the quantiser near the grid,
 * the measure of its transition zones) are shown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  gridForEpsilon,
  lipschitz,
  modulus,
  piecewiseConstant,
  quantisedCentre,
  quantisedCentreWideRamps,
  reluStep,
  reluStepNearGrid,
  transitionZones,
} from '../proof/piecewise-constant.ts';
import { ExactDecimal } from '../src/arith/context.ts';
import { arithAt } from '../src/arith/interval.ts';
import { Rational } from '../src/arith/rational.ts';
import {
  accuracyProbe,
  anyTarget,
  expressionTargets,
  falselyDeclaredLibraryTargets,
  gridProbe,
  lipschitzOf,
  quantisedProbe,
  quantiserProbe,
  transitionProbe,
  type GridSpec,
} from '../src/piecewise/arbitraries.ts';
import { axisGrid, cellIndexOf, gridPoint } from '../src/piecewise/grid.ts';
import { LIBRARY_FAMILIES } from '../src/targets/library.ts';
import { modulusAt } from '../src/targets/modulus.ts';
import { decide } from '../src/verdict/decide.ts';
import { runCampaign, summarise, type CampaignSpec, type RawArgs } from '../src/verify/campaign.ts';
import { withPlantedBound } from '../src/verify/planted.ts';

const lemma = piecewiseConstant.id;
const DOMAIN = 'm ∈ [1, 4]; [a, b] ⊂ [−2, 13], N ≤ 40; points on, near (10^-3…10^-12) and between cell faces, corners, a and b; every library family and expression targets';

/**
 * Probes whose left side is exactly 0 but enclosed as `[0, 10^-30]` (e.g. sin of the same sum at x and
 * at c(x)) would raise the precision to 1000 digits only to print `lhs` to 20 digits; the verdict is
 * decided at the first precision, so the campaigns cap the precision at 120 digits.
 */
const DECIDE = { maxPrecision: 120 } as const;

function run(spec: Omit<CampaignSpec, 'lemma' | 'domain'> & { domain?: string }) {
  return runCampaign({ lemma, domain: DOMAIN, decideOptions: DECIDE, ...spec });
}

function ratioOf(o: ReturnType<typeof runCampaign>): number {
  return o.worst === undefined ? Number.NaN : Number(o.worst.ratio);
}

/**
 * Tight witnesses, replayed before the random probes so that the worst ratio is shown to reach 1 at
 * any probe count: the ∞-distance to a far point, in 3-D with x1 on a lower face (centres 1/7-spaced,
 * not decimals), f = x at the closed face b with N = 3, and x1 + x2 at a corner with ε = L·δ/2.
 */
const TIGHT_GRID: RawArgs[] = [
  { target: { family: 'distance-inf', c: '2.0000003' }, a: '-1', b: '1', N: 7, x: ['-1', '-0.7142857142857', '0.1428571428571'] },
  { f: 'x', lipschitz: '1', a: '0', b: '1', N: 3, x: ['1'] },
];
const TIGHT_ACCURACY: RawArgs[] = [{ f: 'x1 + x2', lipschitz: '2', a: '-0.5', b: '0.7', epsilon: '0.05', x: ['-0.5', '-0.5'] }];

const lipschitzTargets = (g: GridSpec, m: number) => anyTarget(g, m).filter((t) => lipschitzOf(t, m) !== undefined);

describe('piecewise-constant', () => {
  it('the probes cover every non-indexed library family, both kinds of expression, m = 1…4, faces, corners and b', () => {
    const probes = fc.sample(gridProbe(), { seed: 2507_10581, numRuns: 400 });
    const families = new Set(probes.flatMap((p) => (p.target === undefined ? [] : [(p.target as { family: string }).family])));
    const wanted = LIBRARY_FAMILIES.filter((f) => f.arity !== 'indexed').map((f) => f.id);
    expect([...families].sort()).toEqual([...wanted].sort());
    expect(probes.some((p) => typeof p.lipschitz === 'string' && typeof p.f === 'string')).toBe(true);
    expect(probes.some((p) => p.holder !== undefined && typeof p.f === 'string')).toBe(true);
    expect(new Set(probes.map((p) => (p.x as string[]).length))).toEqual(new Set([1, 2, 3, 4]));
    expect(probes.some((p) => (p.x as string[]).includes(p.b as string))).toBe(true);
    const onFaces = (p: RawArgs): boolean => {
      const grid = axisGrid(Rational.fromDecimal(new ExactDecimal(p.a as string)), Rational.fromDecimal(new ExactDecimal(p.b as string)), p.N as number);
      return (p.x as string[]).every((xi) => {
        const r = Rational.fromDecimal(new ExactDecimal(xi));
        return r.eq(grid.b) || r.eq(gridPoint(grid, cellIndexOf(grid, r)));
      });
    };
    expect(probes.filter((p) => (p.x as string[]).length >= 2 && onFaces(p)).length).toBeGreaterThan(10); // corners
  });

  it('modulus holds on every target family, and is tight (worst ratio reaches 1)', () => {
    const outcome = run({ claim: 'modulus', kind: 'claim', definition: modulus, arbitrary: gridProbe(), examples: TIGHT_GRID, defaultRuns: 500 });
    expect(outcome.status, summarise(outcome)).toBe('holds on samples');
    expect(outcome.counts.holds, summarise(outcome)).toBe(outcome.probes);
    expect(ratioOf(outcome), summarise(outcome)).toBeGreaterThanOrEqual(0.99);
  });

  it('modulus with the bound ω(δ/4) is refuted', () => {
    const planted = withPlantedBound(modulus, 'modulus-at-quarter-cell', (p, A) => modulusAt(p.target.modulus, A.div(p.box.grid.width.toInterval(A), A.point(4)), A));
    const outcome = run({ claim: planted.id, kind: 'planted', definition: planted, arbitrary: gridProbe(), defaultRuns: 100 });
    expect(outcome.status, summarise(outcome)).toBe('shown necessary');
    expect(outcome.counterexample?.verdict.verdict).toBe('violated');
  });

  it('a falsely declared modulus (half the true constant) is refuted, for expressions and library targets', () => {
    const falsely = (g: GridSpec, m: number) => fc.oneof(expressionTargets(g, m, '0.5'), falselyDeclaredLibraryTargets(g, m, '0.5'));
    const outcome = run({
      claim: 'modulus-with-false-declared-modulus',
      kind: 'planted',
      definition: modulus,
      arbitrary: gridProbe({ targets: falsely }),
      defaultRuns: 100,
    });
    expect(outcome.status, summarise(outcome)).toBe('shown necessary');
    expect(outcome.counterexample?.verdict.verdict).toBe('violated');
  });

  it('lipschitz holds on Lipschitz targets, and is tight', () => {
    const outcome = run({ claim: 'lipschitz', kind: 'claim', definition: lipschitz, arbitrary: gridProbe({ targets: lipschitzTargets }), examples: TIGHT_GRID, defaultRuns: 300 });
    expect(outcome.status, summarise(outcome)).toBe('holds on samples');
    expect(outcome.counts.holds, summarise(outcome)).toBe(outcome.probes);
    expect(ratioOf(outcome), summarise(outcome)).toBeGreaterThanOrEqual(0.99);
  });

  it('lipschitz with the bound Lδ/4 is refuted', () => {
    const planted = withPlantedBound(lipschitz, 'lipschitz-at-quarter-cell', (p, A, o) => A.div(o.bound, A.point(2)));
    const outcome = run({ claim: planted.id, kind: 'planted', definition: planted, arbitrary: gridProbe({ targets: lipschitzTargets }), defaultRuns: 100 });
    expect(outcome.status, summarise(outcome)).toBe('shown necessary');
    expect(outcome.counterexample?.verdict.verdict).toBe('violated');
  });

  it('grid-for-epsilon holds at N = N(ε), and is tight', () => {
    const outcome = run({
      claim: 'grid-for-epsilon',
      kind: 'claim',
      definition: gridForEpsilon,
      arbitrary: accuracyProbe(),
      examples: TIGHT_ACCURACY,
      domain: 'm ∈ [1, 4]; N = N(ε); half the probes with ε = L·δ/2 on decimal grids (tight), half with ε ∈ [0.001, 1]; every target family',
      defaultRuns: 300,
    });
    expect(outcome.status, summarise(outcome)).toBe('holds on samples');
    expect(outcome.counts.holds, summarise(outcome)).toBe(outcome.probes);
    expect(ratioOf(outcome), summarise(outcome)).toBeGreaterThanOrEqual(0.99);
  });

  it('grid-for-epsilon with the bound ε/2 is refuted', () => {
    const planted = withPlantedBound(gridForEpsilon, 'grid-for-half-epsilon', (p, A) => A.div(A.point(p.epsilon), A.point(2)));
    const outcome = run({ claim: planted.id, kind: 'planted', definition: planted, arbitrary: accuracyProbe(), defaultRuns: 100 });
    expect(outcome.status, summarise(outcome)).toBe('shown necessary');
    expect(outcome.counterexample?.verdict.verdict).toBe('violated');
  });

  it('relu-step: the quantiser is the left edge at distance ≥ η from the interior grid points', () => {
    const outcome = run({
      claim: 'relu-step',
      kind: 'claim',
      definition: reluStep,
      arbitrary: quantiserProbe(),
      // a point inside a transition zone: the claim must refuse it (inapplicable), not report it violated
      examples: [{ a: '0', b: '0.9', N: 3, eta: '0.01', x: ['0.305', '0.5'] }],
      domain: 'm ∈ [1, 4]; N ≤ 30; η a fraction of δ or in [10^-4, 10^-2]; points at distance exactly η from grid points, mid-cell, a, b, in the zones, anywhere',
      defaultRuns: 300,
    });
    expect(outcome.status, summarise(outcome)).toBe('holds on samples');
    expect(outcome.counts.holds, summarise(outcome)).toBeGreaterThan(outcome.probes / 2);
    expect(outcome.counts.inapplicable, summarise(outcome)).toBeGreaterThan(0); // the hypothesis is exercised (at least by the example)
  });

  it('relu-step claimed already at distance ≥ η/2 from the interior grid points is refuted', () => {
    // Same left side max_i |q(x_i) − x_{k(x_i)}| (the quantiser with ramp width η) and bound 0; the
    // hypothesis is checked with η/2, so the second half of each transition zone is admitted.
    const halfRamp: typeof reluStep = {
      ...withPlantedBound(reluStep, 'relu-step-half-ramp', (_p, _A, o) => o.bound),
      hypotheses: (p) => reluStep.hypotheses({ ...p, eta: p.eta.div(Rational.of(2)) }),
    };
    const outcome = run({
      claim: halfRamp.id,
      kind: 'planted',
      definition: halfRamp,
      arbitrary: quantiserProbe(),
      domain: 'm ∈ [1, 4]; N ≤ 30; the hypothesis with η/2: points in the second half of a transition zone admitted',
      defaultRuns: 100,
    });
    expect(outcome.status, summarise(outcome)).toBe('shown necessary');
    expect(outcome.counterexample?.verdict.verdict).toBe('violated');
  });

  it('quantised-centre: f read at q(x) + δ/2 stays within ω(δ/2) for η ≤ δ, zones included, and is tight', () => {
    const outcome = run({
      claim: 'quantised-centre',
      kind: 'claim',
      definition: quantisedCentre,
      arbitrary: quantisedProbe(false),
      // f = x at an interior grid point: q(x) + δ/2 is δ/2 below x
      examples: [{ f: 'x', lipschitz: '1', a: '0', b: '1', N: 4, eta: '0.01', x: ['0.25'] }],
      domain: 'm ∈ [1, 4]; decimal grids, N ≤ 20; η = rδ, r ∈ [0.001, 1]; points in, at the ends of and between the transition zones; every target family',
      defaultRuns: 200,
    });
    expect(outcome.status, summarise(outcome)).toBe('holds on samples');
    expect(outcome.counts.holds, summarise(outcome)).toBe(outcome.probes);
    expect(ratioOf(outcome), summarise(outcome)).toBeGreaterThanOrEqual(0.99);
  });

  it('quantised-centre with the bound ω(δ/4) is refuted', () => {
    const planted = withPlantedBound(quantisedCentre, 'quantised-centre-at-quarter-cell', (p, A) => modulusAt(p.target.modulus, A.div(p.box.grid.width.toInterval(A), A.point(4)), A));
    const outcome = run({ claim: planted.id, kind: 'planted', definition: planted, arbitrary: quantisedProbe(false), defaultRuns: 100 });
    expect(outcome.status, summarise(outcome)).toBe('shown necessary');
    expect(outcome.counterexample?.verdict.verdict).toBe('violated');
  });

  it('finding quantised-centre-wide-ramps: with η > δ the quantised centre drifts beyond δ/2', () => {
    const outcome = run({
      claim: 'quantised-centre-wide-ramps',
      kind: 'finding',
      definition: quantisedCentreWideRamps,
      arbitrary: quantisedProbe(true),
      domain: 'm ∈ [1, 4]; decimal grids, N ≤ 20; η = rδ, r ∈ (1, 3]; every target family',
      defaultRuns: 100,
    });
    expect(outcome.status, summarise(outcome)).toBe('shown necessary');
    expect(outcome.counterexample?.verdict.verdict).toBe('violated');
  });

  it('finding relu-step-near-grid: without the distance hypothesis the quantiser misses, by δ at a grid point', () => {
    const outcome = run({
      claim: 'relu-step-near-grid',
      kind: 'finding',
      definition: reluStepNearGrid,
      arbitrary: quantiserProbe(),
      domain: 'm ∈ [1, 4]; N ≤ 30; points in and out of the transition zones',
      defaultRuns: 100,
    });
    expect(outcome.status, summarise(outcome)).toBe('shown necessary');
    const cx = outcome.counterexample!;
    expect(cx.verdict.verdict).toBe('violated');
    expect(new ExactDecimal(cx.verdict.lhs!).gt(0)).toBe(true);
    // The miss at an interior grid point is a whole cell, computed by the network: δ = (b − a)/N = 1/2 here.
    const grid = axisGrid(Rational.of(-1), Rational.of(2), 6);
    const atGridPoint = decide(reluStepNearGrid, { a: '-1', b: '2', N: 6, eta: '0.001', x: decimalText(gridPoint(grid, 3)) });
    expect(atGridPoint.verdict).toBe('violated');
    expect(atGridPoint.lhs).toBe(decimalText(grid.width));
  });

  it('finding transition-zones: the quantiser misses the cell on a fraction 1 − (1 − (N−1)η/(b−a))^m of the box', () => {
    const outcome = run({
      claim: 'transition-zones',
      kind: 'finding',
      definition: transitionZones,
      arbitrary: transitionProbe(),
      domain: 'm ∈ [1, 4]; N ≤ 50; η ≤ δ (a fraction of δ, or in [10^-4, 2·10^-3])',
      defaultRuns: 60,
    });
    expect(outcome.status, summarise(outcome)).toBe('shown necessary');
    const cx = outcome.counterexample!;
    expect(cx.verdict.verdict).toBe('violated');
    // The figure, measured from the network's breakpoints, against the closed form (when η ≤ δ).
    const { a, b, N, eta, m } = cx.args as { a: string; b: string; N: number; eta: string; m: number };
    const formula = closedFormFraction(a, b, N, eta, m).toInterval(arithAt(60));
    const relative = new ExactDecimal(cx.verdict.lhs!).minus(formula.lo).abs().div(formula.lo);
    expect(relative.lte('1e-19'), `measured ${cx.verdict.lhs}, closed form ${formula.lo.toString()}`).toBe(true);
    // The stated figure: N = 10 cells on [0, 1], η = δ/100 = 0.001, m = 4: 1 − (1 − 9·0.001)^4.
    const stated = decide(transitionZones, { a: '0', b: '1', N: 10, eta: '0.001', m: 4 });
    expect(stated.verdict).toBe('violated');
    expect(stated.lhs).toBe(decimalText(Rational.ONE.sub(Rational.of(991, 1000).pow(4))));
    expect(stated.lhs).toBe('0.035516909439');
  });
});

/** The decimal text of a terminating rational (exact: its 60-digit enclosure is a point). */
function decimalText(r: Rational): string {
  const e = r.toInterval(arithAt(60));
  if (!e.isPoint) throw new RangeError(`decimalText: ${r.toString()} is not a terminating decimal`);
  return e.lo.toString();
}

/** `1 − (1 − (N − 1)η/(b − a))^m`, exactly; the probes keep `η ≤ δ`, where the zones do not overlap. */
function closedFormFraction(a: string, b: string, N: number, eta: string, m: number): Rational {
  const side = Rational.fromDecimal(new ExactDecimal(b)).sub(Rational.fromDecimal(new ExactDecimal(a)));
  const e = Rational.fromDecimal(new ExactDecimal(eta));
  if (side.div(Rational.of(N)).lt(e)) throw new RangeError(`closedFormFraction: η = ${eta} exceeds δ`);
  return Rational.ONE.sub(Rational.ONE.sub(e.mul(Rational.of(N - 1)).div(side)).pow(m));
}

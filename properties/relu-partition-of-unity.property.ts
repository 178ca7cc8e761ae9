/**
 * Evidence for lemma relu-partition-of-unity: every claim probed over random grids (tiny and huge h,
 * N from 1 to 10^4), points at and near knots and midpoints, and every one-variable family of the
 * target library plus user expressions; both findings shown with certified counterexamples; a planted
 * false version of every claim refuted (a weakened bound for the claims with a non-zero bound, a wrong
 * statement of the same shape for the exact identities); false declared moduli refuted.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../src/arith/context.ts';
import {
  declaredModulus,
  interpolation,
  interpolationC2,
  interpolationModulus,
  nonnegative,
  pyramidsSumToOne,
  reluForm,
  reluPartitionOfUnity,
  sumToOne,
  sumToOneOutside,
  support,
  tensorSumToOne,
} from '../proof/relu-partition-of-unity.ts';
import { Rational } from '../src/arith/rational.ts';
import type { ClaimDefinition } from '../src/registry/define.ts';
import { closedFormHat, nodeOf, type Grid } from '../src/relu/hats.ts';
import { modulusAt } from '../src/targets/modulus.ts';
import { runCampaign, summarise, type CampaignKind, type RawArgs } from '../src/verify/campaign.ts';
import { decimalBetween, exactDecimal } from '../src/verify/generators.ts';
import { withPlantedBound } from '../src/verify/planted.ts';

const lemma = reluPartitionOfUnity.id;
const D = ExactDecimal;

interface RawGrid {
  readonly a: string;
  readonly b: string;
  readonly N: number;
}

/** `N = ⌊10^u⌋`, u uniform in [0, 4]: every order of magnitude from 1 to 10^4 equally often. */
const cells = fc.integer({ min: 0, max: 4000 }).map((u) => Math.max(1, Math.floor(10 ** (u / 1000))));
/** Widths `m·10^e` from 10^−12 (tiny h) to about 10^7 (huge h). */
const width = fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: -12, max: 4 })).map(([m, e]) => new D(`${m}e${e}`));
const grid: fc.Arbitrary<RawGrid> = fc
  .record({ a: exactDecimal({ digits: 6, minExponent: -6, maxExponent: 2 }), width, N: cells })
  .map(({ a, width: w, N }) => ({ a, b: new D(a).plus(w).toString(), N }));

/** Cell counts `2^i·5^j ≤ 10^4`, for which `h` and every node and midpoint are finite decimals. */
const decimalCells = fc.constantFrom(1, 2, 4, 5, 8, 10, 16, 20, 25, 32, 40, 50, 64, 80, 100, 125, 200, 256, 400, 625, 1000, 1024, 2000, 5000, 10_000);
const decimalGrid: fc.Arbitrary<RawGrid> = fc
  .record({ a: exactDecimal({ digits: 6, minExponent: -6, maxExponent: 2 }), width, N: decimalCells })
  .map(({ a, width: w, N }) => ({ a, b: new D(a).plus(w).toString(), N }));

/** `a + t·h` as a decimal of 40 significant digits (rounded), for a rational position `t` in cells. */
function at(g: RawGrid, t: Rational): string {
  const h = new D(g.b).minus(g.a).div(g.N);
  return new D(g.a).plus(h.mul(new D(t.num.toString()).div(t.den.toString()))).toSignificantDigits(40).toString();
}

/** Clamps a decimal into [a, b] exactly. */
function clamp(g: RawGrid, x: string): string {
  if (new D(x).lt(g.a)) return g.a;
  if (new D(x).gt(g.b)) return g.b;
  return x;
}

/** A position in cells: a knot, a midpoint, a knot nudged by 10^−p of a cell, or uniform. */
const position = (N: number): fc.Arbitrary<Rational> =>
  fc.oneof<fc.Arbitrary<Rational>[]>(
    fc.integer({ min: 0, max: N }).map((j) => Rational.of(j)),
    fc.integer({ min: 0, max: N - 1 }).map((j) => Rational.of(2 * j + 1, 2)),
    fc
      .tuple(fc.integer({ min: 0, max: N }), fc.integer({ min: 3, max: 30 }), fc.boolean())
      .map(([j, p, up]) => Rational.of(j).add(Rational.of(up ? 1n : -1n, 10n ** BigInt(p)))),
    fc.integer({ min: 0, max: 1_000_000 }).map((u) => Rational.of(u * N, 1_000_000)),
  );

/** A grid with a point of [a, b] at or near a knot or midpoint. */
const gridPoint = grid.chain((g) => position(g.N).map((t) => ({ ...g, x: clamp(g, at(g, t)) })));

/** A grid, a hat index and any real point near that hat (inside or outside [a, b]). */
const gridHat = grid.chain((g) =>
  fc.integer({ min: 0, max: g.N }).chain((k) =>
    fc
      .oneof(
        fc.integer({ min: -3, max: 3 }).map((j) => Rational.of(k + j)),
        fc.tuple(fc.integer({ min: -3000, max: 3000 }), fc.integer({ min: 1, max: 1000 })).map(([p, q]) => Rational.of(k * q + p, q)),
      )
      .map((t) => ({ ...g, k, x: at(g, t) })),
  ),
);

/** One-variable library specs and user expressions with true moduli, for a grid (domains cover [a, b]). */
function targets(g: RawGrid): fc.Arbitrary<RawArgs> {
  const near = decimalBetween(g.a, g.b, 12).map((v) => clamp(g, v));
  return fc.oneof(
    exactDecimal({ digits: 3, minExponent: -1, maxExponent: 1 }).map((k) => ({ target: { family: 'sin', k } })),
    near.map((c) => ({ target: { family: 'abs-shift', c } })),
    fc
      .uniqueArray(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 6 })
      .chain((ts) => fc.array(fc.integer({ min: -9, max: 9 }), { minLength: ts.length, maxLength: ts.length }).map((vs) => ({ ts: [...ts].sort((p, q) => p - q), vs })))
      .map(({ ts, vs }) => ({ target: { family: 'piecewise-linear', knots: ts.map((t) => at(g, Rational.of(t * g.N, 40))), values: vs.map(String) } })),
    near.map((c) => ({ target: { family: 'sqrt-abs', c } })),
    fc.tuple(near, decimalBetween('0.05', '1', 2)).map(([c, alpha]) => ({ target: { family: 'abs-power', c, alpha } })),
    fc.array(exactDecimal({ digits: 3, minExponent: -2, maxExponent: 0 }), { minLength: 1, maxLength: 5 }).map((coefficients) => ({
      target: { family: 'polynomial', coefficients, lo: g.a, hi: g.b },
    })),
    decimalBetween('-2', '2', 1).map((k) => ({ target: { family: 'exp', k, lo: g.a, hi: g.b } })),
    fc.constantFrom<RawArgs>(
      { f: 'cos(2*x)/2', lipschitz: '1', secondDerivativeBound: '2' },
      { f: 'abs(abs(x) - 1)', lipschitz: '1' },
      { f: 'max(x, 0) - min(2*x, 1)', lipschitz: '3' },
      { f: '3*sqrt(abs(x - 0.5))', holder: { C: '3', alpha: '0.5' } },
      { f: 'exp(-x^2)', lipschitz: '0.86', secondDerivativeBound: '2' },
      { f: 'x^2', lipschitz: '1e8', secondDerivativeBound: '2' },
    ),
  );
}

/** The same, restricted to targets with a second-derivative bound. */
function smoothTargets(g: RawGrid): fc.Arbitrary<RawArgs> {
  return fc.oneof(
    exactDecimal({ digits: 3, minExponent: -1, maxExponent: 1 }).map((k) => ({ target: { family: 'sin', k } })),
    fc.array(exactDecimal({ digits: 3, minExponent: -2, maxExponent: 0 }), { minLength: 1, maxLength: 5 }).map((coefficients) => ({
      target: { family: 'polynomial', coefficients, lo: g.a, hi: g.b },
    })),
    decimalBetween('-2', '2', 1).map((k) => ({ target: { family: 'exp', k, lo: g.a, hi: g.b } })),
    fc.constantFrom<RawArgs>({ f: 'x^2', lipschitz: '1e8', secondDerivativeBound: '2' }, { f: 'cos(2*x)/2', lipschitz: '1', secondDerivativeBound: '2' }),
  );
}

/** Interpolation probes: huge grids are kept to |a|, |b| ≤ 10^3 so that e^{kx} and polynomials stay printable. */
const interpolationProbe = (pick: (g: RawGrid) => fc.Arbitrary<RawArgs>) =>
  gridPoint.filter((p) => new D(p.b).abs().lte(1000)).chain((p) => pick(p).map((t) => ({ ...t, ...p }) as RawArgs));

/** Tight probes: `|x − c|` with `c` a cell midpoint, at `x = c` (error exactly h/2), and `x²` at a midpoint (error h²/4). */
const tightAbs = decimalGrid.chain((g) =>
  fc.integer({ min: 0, max: g.N - 1 }).map((j) => {
    const c = at(g, Rational.of(2 * j + 1, 2));
    return { ...g, x: c, target: { family: 'abs-shift', c } } as RawArgs;
  }),
);
const tightSquare = decimalGrid
  .filter((g) => new D(g.b).abs().lte(1000))
  .chain((g) =>
    fc.integer({ min: 0, max: g.N - 1 }).map((j) => ({ ...g, x: at(g, Rational.of(2 * j + 1, 2)), f: 'x^2', lipschitz: '1e8', secondDerivativeBound: '2' }) as RawArgs),
  );

function campaign(claim: string, kind: CampaignKind, definition: ClaimDefinition<unknown>, arbitrary: fc.Arbitrary<RawArgs>, domain: string, defaultRuns: number) {
  return runCampaign({ lemma, claim, kind, definition, arbitrary, domain, defaultRuns, decideOptions: { digits: 12, maxPrecision: 480 } });
}

const GRID_DOMAIN = 'a: 6 digits, b − a ∈ [1e−12, 1e7], N = ⌊10^u⌋ (u ∈ [0, 4])';

describe('relu-partition-of-unity: claims', () => {
  it('relu-form: the three-unit network equals the closed form', () => {
    const o = campaign('relu-form', 'claim', reluForm as ClaimDefinition<unknown>, gridHat, `${GRID_DOMAIN}, x within 3 cells of x_k`, 150);
    expect(o.status, summarise(o)).toBe('holds on samples');
    expect(o.counts.holds).toBe(o.probes);
  });

  it('nonnegative and support', () => {
    const n = campaign('nonnegative', 'claim', nonnegative as ClaimDefinition<unknown>, gridHat, `${GRID_DOMAIN}, x within 3 cells of x_k`, 100);
    expect(n.status, summarise(n)).toBe('holds on samples');
    const s = campaign('support', 'claim', support as ClaimDefinition<unknown>, gridHat, `${GRID_DOMAIN}, x within 3 cells of x_k`, 150);
    expect(s.status, summarise(s)).toBe('holds on samples');
    expect(s.counts.holds).toBeGreaterThan(20);
  });

  it('sum-to-one: exact on [a, b]', () => {
    const o = campaign('sum-to-one', 'claim', sumToOne as ClaimDefinition<unknown>, gridPoint, `${GRID_DOMAIN}, x at/near knots and midpoints`, 150);
    expect(o.status, summarise(o)).toBe('holds on samples');
    expect(o.counts.holds).toBe(o.probes);
  });

  it('interpolation: ≤ ω(h/2) for every target family, attained by |x − c| at a midpoint', () => {
    const probe = fc.oneof({ arbitrary: interpolationProbe(targets), weight: 4 }, { arbitrary: tightAbs, weight: 1 });
    const o = campaign('interpolation', 'claim', interpolation as ClaimDefinition<unknown>, probe, `${GRID_DOMAIN}, |b| ≤ 1e3, 13 target kinds; tight |x − c|`, 150);
    expect(o.status, summarise(o)).toBe('holds on samples');
    expect(o.counts.holds).toBeGreaterThan(100);
    expect(o.worst?.ratio).toBe('1');
  });

  it('interpolation-modulus: ≤ ω(h)', () => {
    const probe = fc.oneof({ arbitrary: interpolationProbe(targets), weight: 4 }, { arbitrary: tightAbs, weight: 1 });
    const o = campaign('interpolation-modulus', 'claim', interpolationModulus as ClaimDefinition<unknown>, probe, `${GRID_DOMAIN}, |b| ≤ 1e3; |x − c| at a midpoint`, 80);
    expect(o.status, summarise(o)).toBe('holds on samples');
    expect(o.worst?.ratio).toBe('0.5'); // ω(h/2)/ω(h) for the tight |x − c|
  });

  it('interpolation-c2: ≤ h² sup|f″|/8, attained by x² at a midpoint', () => {
    const o = campaign('interpolation-c2', 'claim', interpolationC2 as ClaimDefinition<unknown>, fc.oneof(interpolationProbe(smoothTargets), tightSquare), `${GRID_DOMAIN}, |b| ≤ 1e3, C² targets`, 120);
    expect(o.status, summarise(o)).toBe('holds on samples');
    expect(o.worst?.ratio).toBe('1');
  });

  it('declared-modulus: every library family keeps its modulus', () => {
    const pairs = grid
      .filter((g) => new D(g.b).abs().lte(1000))
      .chain((g) => fc.tuple(targets(g), decimalBetween(g.a, g.b, 14), decimalBetween(g.a, g.b, 14)).map(([t, x, y]) => ({ ...t, x: clamp(g, x), y: clamp(g, y) }) as RawArgs));
    const o = campaign('declared-modulus', 'claim', declaredModulus as ClaimDefinition<unknown>, pairs, 'x, y in a random [a, b], |b| ≤ 1e3', 120);
    expect(o.status, summarise(o)).toBe('holds on samples');
  });

  it('tensor-sum-to-one: the tensor product is a partition of unity in d ≤ 4', () => {
    const probe = grid.chain((g) => fc.array(position(g.N).map((t) => clamp(g, at(g, t))), { minLength: 1, maxLength: 4 }).map((x) => ({ ...g, x }) as RawArgs));
    const o = campaign('tensor-sum-to-one', 'claim', tensorSumToOne as ClaimDefinition<unknown>, probe, `${GRID_DOMAIN}, d ∈ [1, 4]`, 100);
    expect(o.status, summarise(o)).toBe('holds on samples');
    expect(o.counts.holds).toBe(o.probes);
  });
});

describe('relu-partition-of-unity: findings', () => {
  it('sum-to-one fails outside [a, b] (hypothesis interval is necessary)', () => {
    const outside = grid.chain((g) =>
      fc.oneof(fc.integer({ min: 1, max: 3000 }).map((p) => Rational.of(g.N * 1000 + p, 1000)), fc.integer({ min: 1, max: 3000 }).map((p) => Rational.of(-p, 1000))).map((t) => ({ ...g, x: at(g, t) }) as RawArgs),
    );
    const o = campaign('sum-to-one-outside', 'finding', sumToOneOutside as ClaimDefinition<unknown>, outside, `${GRID_DOMAIN}, x within 3 cells outside [a, b]`, 60);
    expect(o.status, summarise(o)).toBe('shown necessary');
    expect(o.counterexample?.verdict.verdict).toBe('violated');
  });

  it('ReLU pyramids do not sum to 1 in d ≥ 2 (hypothesis dimension is necessary)', () => {
    // Cell-local coordinates m/8 (m = 1…7) in a random cell: off the grid lines, where the sum differs from 1.
    const inCell = (g: RawGrid) => fc.tuple(fc.integer({ min: 0, max: g.N - 1 }), fc.integer({ min: 1, max: 7 })).map(([j, m]) => clamp(g, at(g, Rational.of(8 * j + m, 8))));
    const probe = grid.chain((g) => fc.array(inCell(g), { minLength: 2, maxLength: 4 }).map((x) => ({ ...g, x }) as RawArgs));
    const o = campaign('pyramids-sum-to-one', 'finding', pyramidsSumToOne as ClaimDefinition<unknown>, probe, `${GRID_DOMAIN}, d ∈ [2, 4], x_i at cell fractions m/8`, 60);
    expect(o.status, summarise(o)).toBe('shown necessary');
    expect(o.counterexample?.verdict.verdict).toBe('violated');
  });
});

describe('relu-partition-of-unity: planted false bounds are refuted', () => {
  it('interpolation with ω(h/4)', () => {
    const planted = withPlantedBound(interpolation, 'interpolation-omega-h-over-4', (a, A) => modulusAt(a.target.modulus, a.grid.h.div(Rational.of(4)).toInterval(A), A));
    const o = campaign(planted.id, 'planted', planted as ClaimDefinition<unknown>, fc.oneof(interpolationProbe(targets), tightAbs), GRID_DOMAIN, 60);
    expect(o.status, summarise(o)).toBe('shown necessary');
  });

  it('interpolation-modulus with ω(h/4)', () => {
    const planted = withPlantedBound(interpolationModulus, 'interpolation-modulus-omega-h-over-4', (a, A) => modulusAt(a.target.modulus, a.grid.h.div(Rational.of(4)).toInterval(A), A));
    const o = campaign(planted.id, 'planted', planted as ClaimDefinition<unknown>, fc.oneof(interpolationProbe(targets), tightAbs), GRID_DOMAIN, 60);
    expect(o.status, summarise(o)).toBe('shown necessary');
  });

  it('interpolation-c2 with h² sup|f″|/16', () => {
    const planted = withPlantedBound(interpolationC2, 'interpolation-c2-over-16', (_a, A, o) => A.div(o.bound, A.point(2)));
    const o = campaign(planted.id, 'planted', planted as ClaimDefinition<unknown>, fc.oneof(interpolationProbe(smoothTargets), tightSquare), GRID_DOMAIN, 60);
    expect(o.status, summarise(o)).toBe('shown necessary');
  });

  it('declared-modulus with ω(|x − y|)/2', () => {
    const planted = withPlantedBound(declaredModulus, 'declared-modulus-halved', (_a, A, o) => A.div(o.bound, A.point(2)));
    const pairs = grid.chain((g) =>
      fc.tuple(decimalBetween(g.a, g.b, 14), decimalBetween(g.a, g.b, 14)).map(([x, y]) => ({ target: { family: 'abs-shift', c: g.a }, x: clamp(g, x), y: clamp(g, y) }) as RawArgs),
    );
    const o = campaign(planted.id, 'planted', planted as ClaimDefinition<unknown>, pairs, 'abs-shift at a, x, y in [a, b]', 40);
    expect(o.status, summarise(o)).toBe('shown necessary');
  });
});

/** The hat of twice the width, `max(0, 1 − |x − x_k|/(2h))`: a wrong closed form for `φ_k`. */
function wideHat(g: Grid, k: number, x: Rational): Rational {
  return Rational.ONE.sub(x.sub(nodeOf(g, k)).abs().div(g.h.mul(Rational.of(2)))).relu();
}

/** A grid and a point of its first cell `[a, a + h)` (`u/1000` of a cell), where `φ_0 > 0`. */
const firstCell = (g: RawGrid) => fc.integer({ min: 0, max: 999 }).map((u) => clamp(g, at(g, Rational.of(u, 1000))));

describe('relu-partition-of-unity: planted false identities are refuted', () => {
  // The exact identities have the bound 0 and an exact left side (0 at every probe). Each planted
  // version states a wrong identity of the same shape: its bound is `lhs − gap`, with `gap ≥ 0` the
  // exact distance between the true and the wrong right side, so `lhs ≤ bound` reads `gap ≤ 0`.

  it('relu-form against the hat of width 2h, max(0, 1 − |x − x_k|/(2h))', () => {
    const planted = withPlantedBound(reluForm, 'relu-form-double-width', (a, A, o) =>
      A.sub(o.lhs, closedFormHat(a.grid, a.k, a.xr).sub(wideHat(a.grid, a.k, a.xr)).abs().toInterval(A)),
    );
    const o = campaign(planted.id, 'planted', planted as ClaimDefinition<unknown>, gridHat, `${GRID_DOMAIN}, x within 3 cells of x_k`, 60);
    expect(o.status, summarise(o)).toBe('shown necessary');
    expect(o.counterexample?.verdict.verdict).toBe('violated');
  });

  it('nonnegative strengthened to φ_k ≥ 1/4 (bound −1/4 on −φ_k)', () => {
    const planted = withPlantedBound(nonnegative, 'nonnegative-at-least-quarter', (_a, A) => A.div(A.point(-1), A.point(4)));
    const o = campaign(planted.id, 'planted', planted as ClaimDefinition<unknown>, gridHat, `${GRID_DOMAIN}, x within 3 cells of x_k`, 60);
    expect(o.status, summarise(o)).toBe('shown necessary');
    expect(o.counterexample?.verdict.verdict).toBe('violated');
  });

  it('support claimed already at |x − x_k| ≥ h/2', () => {
    // Same left side |φ_k(x)| and bound 0; the hypothesis `far` is weakened from h to h/2.
    const halfSupport: ClaimDefinition<Parameters<typeof support.evaluate>[0]> = {
      ...withPlantedBound(support, 'support-half-width', (_a, _A, o) => o.bound),
      hypotheses({ grid: g, k, xr }) {
        const distance = xr.sub(nodeOf(g, k)).abs();
        const half = g.h.div(Rational.of(2));
        return half.lte(distance) ? undefined : { hypothesis: 'far', reason: `|x − x_k| = ${distance.toString()} is below h/2 = ${half.toString()}` };
      },
    };
    const o = campaign(halfSupport.id, 'planted', halfSupport as ClaimDefinition<unknown>, gridHat, `${GRID_DOMAIN}, x within 3 cells of x_k, |x − x_k| ≥ h/2`, 60);
    expect(o.status, summarise(o)).toBe('shown necessary');
    expect(o.counterexample?.verdict.verdict).toBe('violated');
  });

  it('sum-to-one without the hat φ_0', () => {
    const planted = withPlantedBound(sumToOne, 'sum-to-one-without-first-hat', (a, A, o) => A.sub(o.lhs, closedFormHat(a.grid, 0, a.xr).toInterval(A)));
    const probe = grid.chain((g) => firstCell(g).map((x) => ({ ...g, x }) as RawArgs));
    const o = campaign(planted.id, 'planted', planted as ClaimDefinition<unknown>, probe, `${GRID_DOMAIN}, x in the first cell`, 40);
    expect(o.status, summarise(o)).toBe('shown necessary');
    expect(o.counterexample?.verdict.verdict).toBe('violated');
  });

  it('tensor-sum-to-one without the corner term k = (0, …, 0)', () => {
    const planted = withPlantedBound(tensorSumToOne, 'tensor-sum-to-one-without-corner', (a, A, o) =>
      A.sub(o.lhs, a.xr.reduce((p, xi) => p.mul(closedFormHat(a.grid, 0, xi)), Rational.ONE).toInterval(A)),
    );
    const probe = grid.chain((g) => fc.array(firstCell(g), { minLength: 1, maxLength: 4 }).map((x) => ({ ...g, x }) as RawArgs));
    const o = campaign(planted.id, 'planted', planted as ClaimDefinition<unknown>, probe, `${GRID_DOMAIN}, d ∈ [1, 4], every x_i in the first cell`, 40);
    expect(o.status, summarise(o)).toBe('shown necessary');
    expect(o.counterexample?.verdict.verdict).toBe('violated');
  });
});

describe('relu-partition-of-unity: false declared moduli are refuted, never passed', () => {
  /** `K·|x − c|` declared `L`-Lipschitz with `L < K`. */
  const falseKink = decimalGrid
    .filter((g) => new D(g.b).abs().lte(1000))
    .chain((g) =>
      fc.tuple(fc.integer({ min: 0, max: g.N - 1 }), fc.integer({ min: 2, max: 50 }), fc.integer({ min: 1, max: 99 })).map(([j, K, pct]) => {
        const c = at(g, Rational.of(2 * j + 1, 2));
        return { ...g, x: c, f: `${K}*abs(x - (${c}))`, lipschitz: new D(K).mul(pct).div(100).toString() } as RawArgs;
      }),
    );

  it('interpolation with f = K|x − c| declared L < K', () => {
    const o = campaign('interpolation-false-declarations', 'planted', interpolation as ClaimDefinition<unknown>, falseKink, 'K|x − c|, c a midpoint, declared L = K·p%, p < 100', 40);
    expect(o.status, summarise(o)).toBe('shown necessary');
  });

  it('declared-modulus with f = 10·x declared 1-Lipschitz, and √|x| declared Lipschitz', () => {
    const pairs = fc.oneof(
      fc.tuple(exactDecimal({ digits: 6, minExponent: -6, maxExponent: 0 }), exactDecimal({ digits: 6, minExponent: -6, maxExponent: 0 })).map(([x, y]) => ({ f: '10*x', lipschitz: '1', x, y }) as RawArgs),
      fc.tuple(exactDecimal({ digits: 6, minExponent: -6, maxExponent: 0, nonNegative: true }), exactDecimal({ digits: 6, minExponent: -6, maxExponent: 0, nonNegative: true })).map(([x, y]) => ({ f: 'sqrt(x)', lipschitz: '100', x, y }) as RawArgs),
    );
    const o = campaign('declared-modulus-false-declarations', 'planted', declaredModulus as ClaimDefinition<unknown>, pairs, '10x declared 1-Lipschitz; √x declared 100-Lipschitz', 40);
    expect(o.status, summarise(o)).toBe('shown necessary');
    expect(o.counterexample?.verdict.verdict).toBe('violated');
  });
});

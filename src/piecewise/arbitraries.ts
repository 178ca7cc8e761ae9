/**
 * fast-check arbitraries of raw probes for lemma piecewise-constant: boxes and grids, points on and
 * near cell faces and corners (and on the closed face `b`), and targets of every library family and
 * of user expressions, with a correct or a deliberately false declared modulus.
 *
 * Every number is an exact decimal string. Two kinds of grid: "decimal" grids, built from a half
 * width `h = δ/2` so that every grid point and centre is a terminating decimal (points can sit exactly
 * on faces), and "any" grids (`a`, `b`, `N` free), whose centres are usually not decimals.
 *
 * Ties with the bound are what the tight cases are made of; they are decided exactly for rational
 * targets. For the others, parameters are chosen so that no exact tie can occur (a tie with a
 * transcendental enclosure could only end inconclusive): shifts `c` carry a 7th decimal place that no
 * grid point, centre or probe point has, and `exp`, `sin` rates are non-zero.
 */
import fc from 'fast-check';
import { ExactDecimal } from '../arith/context.ts';
import { libraryTarget } from '../targets/library.ts';
import { decimalBetween } from '../verify/generators.ts';
import { variableNames } from './probe.ts';

export type RawArgs = Record<string, unknown>;
type D = InstanceType<typeof ExactDecimal>;

/** A box `[a, b]` with `N` cells; `half` is `δ/2` when it is a terminating decimal (decimal grids). */
export interface GridSpec {
  readonly a: string;
  readonly b: string;
  readonly N: number;
  readonly half?: string;
}

/** Decimal grids: `a ∈ [−2, 1]`, `δ/2 ∈ [0.005, 0.5]` (3 places), `N ∈ [1, maxCells]`, `b = a + 2Nh`. */
export function decimalGrid(maxCells = 12): fc.Arbitrary<GridSpec> {
  return fc
    .tuple(decimalBetween('-2', '1', 2), decimalBetween('0.005', '0.5', 3), fc.integer({ min: 1, max: maxCells }))
    .map(([a, half, N]) => ({ a, half, N, b: new ExactDecimal(a).plus(new ExactDecimal(half).mul(2 * N)).toString() }));
}

/** Any grid: `a ∈ [−2, 1]`, `b − a ∈ [0.1, 3]` (2 places), `N ∈ [1, maxCells]`. */
export function anyGrid(maxCells = 40): fc.Arbitrary<GridSpec> {
  return fc
    .tuple(decimalBetween('-2', '1', 2), decimalBetween('0.1', '3', 2), fc.integer({ min: 1, max: maxCells }))
    .map(([a, w, N]) => ({ a, N, b: new ExactDecimal(a).plus(w).toString() }));
}

/** A grid of either kind (decimal grids twice as often: they carry the exact faces). */
export function someGrid(): fc.Arbitrary<GridSpec> {
  return fc.oneof({ arbitrary: decimalGrid(), weight: 2 }, { arbitrary: anyGrid(), weight: 1 });
}

function gridPointText(g: GridSpec, k: number): D {
  const a = new ExactDecimal(g.a);
  if (g.half !== undefined) return a.plus(new ExactDecimal(g.half).mul(2 * k));
  // x_k = a + k(b − a)/N, rounded to 10 places (a point near the face when x_k is not a decimal)
  return a.plus(new ExactDecimal(g.b).minus(a).mul(k).div(g.N)).toDecimalPlaces(10);
}

function clampTo(g: GridSpec, x: D): string {
  if (x.lt(g.a)) return g.a;
  if (x.gt(g.b)) return g.b;
  return x.toString();
}

/** One coordinate: a lower face `x_k`, a point within `10^{-j}` of a face, `a`, the closed face `b`, or anywhere. */
export function coordinate(g: GridSpec): fc.Arbitrary<string> {
  const k = fc.integer({ min: 0, max: g.N });
  return fc.oneof(
    k.map((i) => clampTo(g, gridPointText(g, i))),
    fc
      .tuple(k, fc.integer({ min: 3, max: 12 }), fc.integer({ min: 1, max: 9 }), fc.boolean())
      .map(([i, j, d, up]) => clampTo(g, gridPointText(g, i).plus(new ExactDecimal(`${up ? '' : '-'}${d}e-${j}`)))),
    fc.constant(g.a),
    fc.constant(g.b),
    fc.integer({ min: 0, max: 1_000_000 }).map((t) => {
      const a = new ExactDecimal(g.a);
      return clampTo(g, a.plus(new ExactDecimal(g.b).minus(a).mul(t).div(1_000_000).toDecimalPlaces(6)));
    }),
  );
}

/** A point of `[a,b]^m`: each coordinate from {@link coordinate}, or a cell corner (every coordinate on a face). */
export function point(g: GridSpec, m: number): fc.Arbitrary<string[]> {
  const corner = fc.array(fc.integer({ min: 0, max: g.N }), { minLength: m, maxLength: m }).map((ks) => ks.map((i) => clampTo(g, gridPointText(g, i))));
  return fc.oneof(fc.array(coordinate(g), { minLength: m, maxLength: m }), corner);
}

/** A shift `c` near the box with a 7th decimal place (never a grid point, centre or probe point). */
function shift(g: GridSpec): fc.Arbitrary<string> {
  const lo = new ExactDecimal(g.a).minus(0.5).toString();
  const hi = new ExactDecimal(g.b).plus(0.5).toString();
  return decimalBetween(lo, hi, 6).map((c) => new ExactDecimal(c).plus('3e-7').toString());
}

/** A non-zero rate `±k`, `k ∈ [0.1, 5]` (1 place). */
const rate = (): fc.Arbitrary<string> => fc.tuple(decimalBetween('0.1', '5', 1), fc.boolean()).map(([k, neg]) => (neg ? `-${k}` : k));
/** A weight `±w`, `w ∈ [0.25, 3]` (2 places). */
const weight = (): fc.Arbitrary<string> => fc.tuple(decimalBetween('0.25', '3', 2), fc.boolean()).map(([w, neg]) => (neg ? `-${w}` : w));

/** The target part of a probe: `{target: spec}` or `{f, lipschitz}` / `{f, holder}`. */
export type TargetArgs = RawArgs;

/** Library targets of every family that takes m variables, with their parameters. */
export function libraryTargets(g: GridSpec, m: number): fc.Arbitrary<TargetArgs> {
  const many: fc.Arbitrary<TargetArgs>[] = [
    fc.constant({ target: { family: 'max-coordinate' } }),
    fc.constant({ target: { family: 'coordinate-sum' } }),
    fc.constant({ target: { family: 'product', lo: g.a, hi: g.b } }),
    rate().map((k) => ({ target: { family: 'sin-of-sum', k } })),
    shift(g).map((c) => ({ target: { family: 'distance-inf', c } })),
  ];
  // √(max|x_i|) ties with its Hölder bound only at x = 0 or c(x) = 0: keep 0 out of the box.
  if (new ExactDecimal(g.a).gt(0)) many.push(fc.constant({ target: { family: 'sqrt-max-abs' } }));
  if (m > 1) return fc.oneof(...many);
  const knots = fc
    .uniqueArray(decimalBetween(new ExactDecimal(g.a).minus(1).toString(), new ExactDecimal(g.b).plus(1).toString(), 2), { minLength: 1, maxLength: 6 })
    .map((ks) => ks.sort((s, t) => new ExactDecimal(s).cmp(t)));
  const one: fc.Arbitrary<TargetArgs>[] = [
    rate().map((k) => ({ target: { family: 'sin', k } })),
    shift(g).map((c) => ({ target: { family: 'abs-shift', c } })),
    knots.chain((ks) =>
      fc.array(decimalBetween('-3', '3', 2), { minLength: ks.length, maxLength: ks.length }).map((values) => ({ target: { family: 'piecewise-linear', knots: ks, values } })),
    ),
    shift(g).map((c) => ({ target: { family: 'sqrt-abs', c } })),
    fc.tuple(shift(g), fc.constantFrom('0.25', '0.5', '0.75')).map(([c, alpha]) => ({ target: { family: 'abs-power', c, alpha } })),
    fc
      .tuple(decimalBetween('-2', '2', 2), weight(), fc.array(decimalBetween('-2', '2', 2), { maxLength: 3 }))
      .map(([c0, c1, rest]) => ({ target: { family: 'polynomial', coefficients: [c0, c1, ...rest], lo: g.a, hi: g.b } })),
    rate().map((k) => ({ target: { family: 'exp', k: new ExactDecimal(k).div(2).toString(), lo: g.a, hi: g.b } })),
  ];
  return fc.oneof(...many, ...one);
}

/** A Lipschitz term in one variable, with its Lipschitz constant. */
function lipschitzTerm(g: GridSpec, v: string): fc.Arbitrary<{ text: string; L: D }> {
  return fc.oneof(
    weight().map((w) => ({ text: `${w}*${v}`, L: new ExactDecimal(w).abs() })),
    fc.tuple(weight(), shift(g)).map(([w, c]) => ({ text: `${w}*abs(${v} - (${c}))`, L: new ExactDecimal(w).abs() })),
    fc.tuple(weight(), rate()).map(([w, k]) => ({ text: `${w}*sin(${k}*${v})`, L: new ExactDecimal(w).mul(k).abs() })),
    fc.tuple(weight(), shift(g)).map(([w, c]) => ({ text: `${w}*max(${v}, ${c})`, L: new ExactDecimal(w).abs() })),
  );
}

/**
 * Expression targets `Σ_i w_i g_i(x_i)`: Lipschitz terms with `L = Σ|w_i| L_i` (the ∞-norm constant), or
 * Hölder terms `w_i √|x_i − c_i|` with `C = Σ|w_i|`, `α = 1/2`. `factor` scales the declared constant:
 * `1` declares the true one, below 1 a false one.
 */
export function expressionTargets(g: GridSpec, m: number, factor = '1'): fc.Arbitrary<TargetArgs> {
  const vars = variableNames(m);
  const lip = fc.tuple(...vars.map((v) => lipschitzTerm(g, v))).map((terms) => ({
    f: terms.map((t) => t.text).join(' + '),
    lipschitz: terms.reduce((s, t) => s.plus(t.L), new ExactDecimal(0)).mul(factor).toString(),
  }));
  const holder = fc.tuple(...vars.map((v) => fc.tuple(weight(), shift(g)).map(([w, c]) => ({ text: `${w}*sqrt(abs(${v} - (${c})))`, C: new ExactDecimal(w).abs() })))).map((terms) => ({
    f: terms.map((t) => t.text).join(' + '),
    holder: { C: terms.reduce((s, t) => s.plus(t.C), new ExactDecimal(0)).mul(factor).toString(), alpha: '0.5' },
  }));
  return fc.oneof({ arbitrary: lip, weight: 3 }, { arbitrary: holder, weight: 1 });
}

/** Library targets with a declared modulus `factor` times the proved one (false for `factor < 1`). */
export function falselyDeclaredLibraryTargets(g: GridSpec, m: number, factor: string): fc.Arbitrary<TargetArgs> {
  return libraryTargets(g, m).map((t) => {
    const modulus = libraryTarget(t.target, variableNames(m)).modulus;
    return modulus.kind === 'lipschitz'
      ? { ...t, lipschitz: modulus.L.mul(factor).toString() }
      : { ...t, holder: { C: modulus.C.mul(factor).toString(), alpha: modulus.alpha.toString() } };
  });
}

/** Every target family (library and expressions) with its true modulus. */
export function anyTarget(g: GridSpec, m: number): fc.Arbitrary<TargetArgs> {
  return fc.oneof(libraryTargets(g, m), expressionTargets(g, m));
}

/** A probe of the grid claims: a grid, m ∈ [1, maxDimension], a target, a point. */
export function gridProbe(options: { maxDimension?: number; targets?: (g: GridSpec, m: number) => fc.Arbitrary<TargetArgs> } = {}): fc.Arbitrary<RawArgs> {
  const targets = options.targets ?? anyTarget;
  return fc
    .tuple(someGrid(), fc.integer({ min: 1, max: options.maxDimension ?? 4 }))
    .chain(([g, m]) => fc.tuple(targets(g, m), point(g, m)).map(([t, x]) => ({ ...t, a: g.a, b: g.b, N: g.N, x })));
}

/** The Lipschitz constant a target argument declares or the library proves (`undefined` for Hölder). */
export function lipschitzOf(t: TargetArgs, m: number): D | undefined {
  if (typeof t.lipschitz === 'string') return new ExactDecimal(t.lipschitz);
  if (t.target === undefined) return undefined;
  const modulus = libraryTarget(t.target, variableNames(m)).modulus;
  return modulus.kind === 'lipschitz' ? new ExactDecimal(modulus.L) : undefined;
}

/**
 * Probes of grid-for-epsilon: half of them tight (a decimal grid of N cells and a Lipschitz target
 * with `ε = L·δ/2`, so that `N(ε) = N` and faces are exact), the others with any target and
 * `ε ∈ [0.001, 1]`.
 */
export function accuracyProbe(maxDimension = 4, targets: (g: GridSpec, m: number) => fc.Arbitrary<TargetArgs> = anyTarget): fc.Arbitrary<RawArgs> {
  const tight = fc
    .tuple(decimalGrid(), fc.integer({ min: 1, max: maxDimension }))
    .chain(([g, m]) =>
      fc.tuple(targets(g, m), point(g, m)).map(([t, x]) => {
        const L = lipschitzOf(t, m);
        const epsilon = L !== undefined && L.gt(0) ? L.mul(g.half!).toString() : '0.05';
        return { ...t, a: g.a, b: g.b, epsilon, x };
      }),
    );
  const loose = fc
    .tuple(anyGrid(), fc.integer({ min: 1, max: maxDimension }), decimalBetween('0.001', '1', 3))
    .chain(([g, m, epsilon]) =>
      fc.tuple(targets(g, m), fc.array(coordinate(g), { minLength: m, maxLength: m })).map(([t, x]) => ({ ...t, a: g.a, b: g.b, epsilon, x })),
    );
  return fc.oneof(tight, loose);
}

/** A ramp width: a fraction `r ∈ [0.001, 0.5]` of `δ` on decimal grids, a decimal in `[0.0001, 0.01]` otherwise. */
function rampWidth(g: GridSpec): fc.Arbitrary<string> {
  if (g.half === undefined) return decimalBetween('0.0001', '0.01', 4);
  return decimalBetween('0.001', '0.5', 3).map((r) => new ExactDecimal(g.half!).mul(2).mul(r).toString());
}

/**
 * One coordinate for the quantiser: at distance exactly `η` after a grid point or before the next, in
 * the middle of a cell, `a`, `b`, inside a transition zone `[x_k, x_k + η)`, or anywhere.
 */
function quantiserCoordinate(g: GridSpec, eta: string): fc.Arbitrary<string> {
  const k = fc.integer({ min: 0, max: g.N });
  const e = new ExactDecimal(eta);
  return fc.oneof(
    k.map((i) => clampTo(g, gridPointText(g, i).plus(e))),
    k.map((i) => clampTo(g, gridPointText(g, i).minus(e))),
    k.map((i) => clampTo(g, gridPointText(g, i).plus(gridPointText(g, 1).minus(g.a).div(2)).toDecimalPlaces(10))),
    fc.constant(g.a),
    fc.constant(g.b),
    fc.tuple(k, fc.integer({ min: 0, max: 999 })).map(([i, t]) => clampTo(g, gridPointText(g, i).plus(e.mul(t).div(1000)))),
    fc.integer({ min: 0, max: 1_000_000 }).map((t) => {
      const a = new ExactDecimal(g.a);
      return clampTo(g, a.plus(new ExactDecimal(g.b).minus(a).mul(t).div(1_000_000).toDecimalPlaces(6)));
    }),
  );
}

/** Probes of relu-step (and its finding): a grid of up to 30 cells, a ramp width, a point of m ≤ 4 coordinates (a bare decimal for some m = 1). */
export function quantiserProbe(): fc.Arbitrary<RawArgs> {
  return fc
    .tuple(fc.oneof(decimalGrid(30), anyGrid(30)), fc.integer({ min: 1, max: 4 }), fc.boolean())
    .chain(([g, m, bare]) =>
      rampWidth(g).chain((eta) =>
        fc
          .array(quantiserCoordinate(g, eta), { minLength: m, maxLength: m })
          .map((x) => ({ a: g.a, b: g.b, N: g.N, eta, x: m === 1 && bare ? x[0]! : x })),
      ),
    );
}

/** Probes of the finding transition-zones: a grid of up to 50 cells, a ramp width `η ≤ δ`, m ≤ 4. */
export function transitionProbe(): fc.Arbitrary<RawArgs> {
  return fc
    .tuple(fc.oneof(decimalGrid(50), anyGrid(50)), fc.integer({ min: 1, max: 4 }))
    .chain(([g, m]) =>
      // on any grid δ ≥ 0.1/50 = 0.002
      (g.half === undefined ? decimalBetween('0.0001', '0.002', 4) : rampWidth(g)).map((eta) => ({ a: g.a, b: g.b, N: g.N, eta, m })),
    );
}

/**
 * Probes of quantised-centre (`overlap: false`: `η ≤ δ`, a fraction `r ∈ [0.001, 1]` of `δ`) and of its
 * finding (`overlap: true`: `η = rδ` with `r ∈ (1, 3]`): decimal grids, m ≤ 4, every target family,
 * coordinates in and around the transition zones.
 */
export function quantisedProbe(overlap: boolean, targets: (g: GridSpec, m: number) => fc.Arbitrary<TargetArgs> = anyTarget): fc.Arbitrary<RawArgs> {
  const fraction = overlap ? decimalBetween('1.001', '3', 3) : decimalBetween('0.001', '1', 3);
  return fc
    .tuple(decimalGrid(20), fc.integer({ min: 1, max: 4 }), fraction)
    .chain(([g, m, r]) => {
      const eta = new ExactDecimal(g.half!).mul(2).mul(r).toString();
      return fc
        .tuple(targets(g, m), fc.array(quantiserCoordinate(g, eta), { minLength: m, maxLength: m }))
        .map(([t, x]) => ({ ...t, a: g.a, b: g.b, N: g.N, eta, x }));
    });
}

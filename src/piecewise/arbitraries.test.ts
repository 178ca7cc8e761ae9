/**
 * The probe arbitraries of lemma piecewise-constant, sampled with a fixed seed: every value lies in
 * the documented domain (boxes, grids, points in the box, ramp widths, shifts with their 7th decimal
 * place, declared moduli equal to the true one times the factor) and the corners the campaigns rely on
 * are hit (faces, `a`, `b`, cell corners, tight accuracies, both signs). In-process and fast: no claim
 * is decided here, only the generators' ranges.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import { libraryTarget } from '../targets/library.ts';
import {
  accuracyProbe,
  anyGrid,
  anyTarget,
  coordinate,
  decimalGrid,
  expressionTargets,
  falselyDeclaredLibraryTargets,
  gridProbe,
  libraryTargets,
  lipschitzOf,
  point,
  quantisedProbe,
  quantiserProbe,
  someGrid,
  transitionProbe,
  type GridSpec,
  type RawArgs,
} from './arbitraries.ts';
import { variableNames } from './probe.ts';

const SEED = 20_260_124;
const D = (s: unknown): InstanceType<typeof ExactDecimal> => new ExactDecimal(s as string);
const sample = <T>(arb: fc.Arbitrary<T>, numRuns = 200): T[] => fc.sample(arb, { seed: SEED, numRuns });

/** Number of decimal places of a decimal string. */
const places = (s: string): number => Math.max(0, D(s).decimalPlaces());
const between = (x: unknown, lo: string, hi: string): boolean => D(x).gte(lo) && D(x).lte(hi);
/** The grid points x_0 … x_N as exact decimals (only for decimal grids, whose points are decimals). */
const gridPoints = (g: GridSpec): string[] => Array.from({ length: g.N + 1 }, (_, k) => D(g.a).plus(D(g.half).mul(2 * k)).toString());
const inBox = (g: { readonly a?: unknown; readonly b?: unknown }, x: unknown): boolean => D(x).gte(g.a as string) && D(x).lte(g.b as string);
const coordinates = (x: unknown): string[] => (Array.isArray(x) ? (x as string[]) : [x as string]);
const delta = (p: RawArgs): InstanceType<typeof ExactDecimal> => D(p.b).minus(D(p.a)).div(p.N as number);

const DECIMAL: GridSpec = { a: '-0.5', half: '0.125', N: 4, b: '0.5' };
const ANY: GridSpec = { a: '0', N: 3, b: '1' };

describe('grids', () => {
  it('decimal grids: a ∈ [−2, 1] (2 places), δ/2 ∈ [0.005, 0.5] (3 places), N ∈ [1, max], b = a + 2Nh, every corner hit', () => {
    const grids = sample(decimalGrid(7), 150);
    for (const g of grids) {
      expect(between(g.a, '-2', '1') && places(g.a) <= 2, g.a).toBe(true);
      expect(between(g.half, '0.005', '0.5') && places(g.half!) <= 3, g.half).toBe(true);
      expect(Number.isInteger(g.N) && g.N >= 1 && g.N <= 7).toBe(true);
      expect(D(g.b).eq(D(g.a).plus(D(g.half).mul(2 * g.N))), `${g.a} ${g.half} ${g.N} ${g.b}`).toBe(true);
    }
    expect(new Set(grids.map((g) => g.N))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7]));
    expect(grids.some((g) => D(g.a).isNegative()) && grids.some((g) => D(g.a).gt(0))).toBe(true);
    expect(grids.some((g) => g.half === '0.005') || grids.some((g) => g.half === '0.5')).toBe(true);
    expect(sample(decimalGrid()).every((g) => g.N <= 12)).toBe(true);
    expect(sample(decimalGrid()).some((g) => g.N === 12)).toBe(true);
  });

  it('any grids: a ∈ [−2, 1], b − a ∈ [0.1, 3] (2 places), N ∈ [1, max], no half width', () => {
    const grids = sample(anyGrid(9), 150);
    for (const g of grids) {
      expect(between(g.a, '-2', '1') && places(g.a) <= 2).toBe(true);
      const w = D(g.b).minus(g.a);
      expect(w.gte('0.1') && w.lte(3) && w.decimalPlaces() <= 2, `${g.a} ${g.b}`).toBe(true);
      expect(g.N >= 1 && g.N <= 9).toBe(true);
      expect(g.half).toBeUndefined();
    }
    expect(grids.some((g) => g.N === 1) && grids.some((g) => g.N === 9)).toBe(true);
    expect(sample(anyGrid()).every((g) => g.N <= 40)).toBe(true);
    expect(sample(anyGrid()).some((g) => g.N > 12)).toBe(true);
  });

  it('someGrid draws both kinds, decimal grids more often', () => {
    const grids = sample(someGrid(), 150);
    const decimal = grids.filter((g) => g.half !== undefined).length;
    expect(decimal).toBeGreaterThan(grids.length - decimal);
    expect(decimal).toBeLessThan(grids.length);
    expect(grids.every((g) => g.N <= (g.half === undefined ? 40 : 12))).toBe(true);
  });
});

describe('points', () => {
  it('coordinates lie in [a, b] and hit a, b, the faces x_k and points within 10^-3 of a face', () => {
    const xs = sample(coordinate(DECIMAL), 200);
    const faces = gridPoints(DECIMAL);
    expect(xs.every((x) => inBox(DECIMAL, x))).toBe(true);
    expect(xs).toContain('-0.5');
    expect(xs).toContain('0.5');
    for (const interior of faces.slice(1, -1)) expect(xs.filter((x) => D(x).eq(interior)).length, interior).toBeGreaterThan(0);
    const nearFace = xs.filter((x) => faces.some((f) => !D(x).eq(f) && D(x).minus(f).abs().lte('0.001')));
    expect(nearFace.length).toBeGreaterThan(0);
    // above and below a face, closer than any 6-place uniform draw can be (so from the near-face draw)
    expect(xs.some((x) => faces.some((f) => D(x).gt(f) && D(x).minus(f).lt('1e-6')))).toBe(true);
    expect(xs.some((x) => faces.some((f) => D(x).lt(f) && D(f).minus(x).lt('1e-6')))).toBe(true);
    // some far from every face (the uniform draw), in both halves of the box
    const far = xs.filter((x) => faces.every((f) => D(x).minus(f).abs().gt('0.01')));
    expect(far.some((x) => D(x).lt(0)) && far.some((x) => D(x).gt('0.25'))).toBe(true);
  });

  it('on any grids, faces x_k = a + k(b − a)/N are rounded to 10 places', () => {
    const xs = sample(coordinate(ANY), 200);
    expect(xs.every((x) => inBox(ANY, x) && places(x) <= 12)).toBe(true);
    expect(xs).toContain('0.3333333333');
    expect(xs).toContain('0.6666666667');
    expect(xs).toContain('0');
    expect(xs).toContain('1');
  });

  it('points have m coordinates in the box, some at a cell corner (every coordinate on a face)', () => {
    const faces = gridPoints(DECIMAL);
    const ps = sample(point(DECIMAL, 3), 150);
    expect(ps.every((p) => p.length === 3 && p.every((x) => inBox(DECIMAL, x)))).toBe(true);
    expect(ps.some((p) => p.every((x) => faces.some((f) => D(x).eq(f))) && p.some((x) => !x.startsWith('-0.5') && x !== '0.5'))).toBe(true);
    expect(ps.some((p) => p.some((x) => faces.every((f) => !D(x).eq(f))))).toBe(true);
  });
});

/** A shift `c` is a 6-place decimal plus 3·10^-7 (no grid point, centre or probe point has a 7th place). */
const hasShiftDigit = (c: unknown): boolean => D(c).minus('3e-7').mul(1e6).isInteger() && places(c as string) === 7;
const shiftInRange = (g: GridSpec, c: unknown): boolean => D(c).gte(D(g.a).minus('0.5')) && D(c).lte(D(g.b).plus('0.5').plus('3e-7'));
const family = (t: RawArgs): string => (t.target as { family: string }).family;
const spec = (t: RawArgs): Record<string, unknown> => t.target as Record<string, unknown>;

describe('library targets', () => {
  it('in m > 1 variables: the multivariate families only, sqrt-max-abs only for a box away from 0', () => {
    const negative = new Set(sample(libraryTargets(DECIMAL, 2), 150).map(family));
    expect(negative).toEqual(new Set(['max-coordinate', 'coordinate-sum', 'product', 'sin-of-sum', 'distance-inf']));
    const positive: GridSpec = { a: '0.25', half: '0.125', N: 2, b: '0.75' };
    expect(new Set(sample(libraryTargets(positive, 2), 150).map(family))).toEqual(new Set([...negative, 'sqrt-max-abs']));
    // a box starting at 0 is not away from 0
    expect(sample(libraryTargets({ a: '0', half: '0.125', N: 2, b: '0.5' }, 2), 150).map(family)).not.toContain('sqrt-max-abs');
  });

  it('in one variable: every family, with parameters in their ranges', () => {
    const targets = sample(libraryTargets(DECIMAL, 1), 300);
    expect(new Set(targets.map(family))).toEqual(
      new Set(['max-coordinate', 'coordinate-sum', 'product', 'sin-of-sum', 'distance-inf', 'sin', 'abs-shift', 'piecewise-linear', 'sqrt-abs', 'abs-power', 'polynomial', 'exp']),
    );
    const rates: string[] = [];
    for (const t of targets) {
      const s = spec(t);
      // every spec is one the library reads
      expect(() => libraryTarget(s, ['x'])).not.toThrow();
      switch (family(t)) {
        case 'product':
        case 'polynomial':
          expect([s.lo, s.hi]).toEqual(['-0.5', '0.5']);
          if (family(t) === 'polynomial') {
            const cs = s.coefficients as string[];
            expect(cs.length >= 2 && cs.length <= 5).toBe(true);
            expect(cs.every((c, i) => (i === 1 ? between(D(c).abs(), '0.25', '3') : between(c, '-2', '2')))).toBe(true);
          }
          break;
        case 'sin':
        case 'sin-of-sum':
          rates.push(s.k as string);
          expect(between(D(s.k).abs(), '0.1', '5') && places(s.k as string) <= 1).toBe(true);
          break;
        case 'exp':
          expect(between(D(s.k).abs(), '0.05', '2.5') && places(s.k as string) <= 2).toBe(true);
          expect(s.lo).toBe('-0.5');
          expect(s.hi).toBe('0.5');
          break;
        case 'distance-inf':
        case 'abs-shift':
        case 'sqrt-abs':
        case 'abs-power':
          expect(hasShiftDigit(s.c) && shiftInRange(DECIMAL, s.c), String(s.c)).toBe(true);
          if (family(t) === 'abs-power') expect(['0.25', '0.5', '0.75']).toContain(s.alpha);
          break;
        case 'piecewise-linear': {
          const knots = s.knots as string[];
          const values = s.values as string[];
          expect(knots.length >= 1 && knots.length <= 6 && values.length === knots.length).toBe(true);
          expect(knots.every((k, i) => between(k, '-1.5', '1.5') && (i === 0 || D(knots[i - 1]).lt(k)))).toBe(true);
          expect(values.every((v) => between(v, '-3', '3'))).toBe(true);
          break;
        }
      }
    }
    expect(rates.some((k) => k.startsWith('-')) && rates.some((k) => !k.startsWith('-'))).toBe(true);
    expect(rates.every((k) => !D(k).isZero())).toBe(true);
    const alphas = new Set(targets.filter((t) => family(t) === 'abs-power').map((t) => spec(t).alpha));
    expect(alphas).toEqual(new Set(['0.25', '0.5', '0.75']));
    expect(targets.some((t) => family(t) === 'piecewise-linear' && (spec(t).knots as string[]).length > 1)).toBe(true);
  });

  it('falsely declared: the proved modulus times the factor', () => {
    for (const t of sample(falselyDeclaredLibraryTargets(DECIMAL, 1, '0.5'), 80)) {
      const proved = libraryTarget(t.target, ['x']).modulus;
      if (proved.kind === 'lipschitz') {
        expect(D(t.lipschitz).eq(proved.L.mul('0.5'))).toBe(true);
        expect(t.holder).toBeUndefined();
      } else {
        const h = t.holder as { C: string; alpha: string };
        expect(D(h.C).eq(proved.C.mul('0.5')) && D(h.alpha).eq(proved.alpha)).toBe(true);
        expect(t.lipschitz).toBeUndefined();
      }
    }
    const kinds = sample(falselyDeclaredLibraryTargets(DECIMAL, 1, '0.5'), 80).map((t) => (t.holder === undefined ? 'lipschitz' : 'holder'));
    expect(new Set(kinds)).toEqual(new Set(['lipschitz', 'holder']));
  });
});

/** The Lipschitz constant of `Σ w·g(x_i)` read back from its text: |w| per term, |w·k| for `w*sin(k*x)`. */
function lipschitzFromText(f: string): InstanceType<typeof ExactDecimal> {
  return f.split(' + ').reduce((sum, term) => {
    const w = D(term.slice(0, term.indexOf('*'))).abs();
    const sin = /\*sin\((-?[\d.]+)\*/.exec(term);
    return sum.plus(sin === null ? w : w.mul(D(sin[1]!).abs()));
  }, D('0'));
}

describe('expression targets', () => {
  it('declare L = Σ|w_i|L_i (times the factor), or Hölder C = Σ|w_i| with α = 1/2', () => {
    for (const [factor, m] of [
      ['1', 1],
      ['0.5', 3],
    ] as const) {
      const targets = sample(expressionTargets(DECIMAL, m, factor), 150);
      const vars = variableNames(m);
      let holder = 0;
      for (const t of targets) {
        const f = t.f as string;
        expect(f.split(' + ').length).toBe(m);
        vars.forEach((v) => expect(f).toMatch(new RegExp(`\\b${v}\\b`)));
        if (t.holder === undefined) {
          expect(D(t.lipschitz).eq(lipschitzFromText(f).mul(factor)), `${f}: ${String(t.lipschitz)}`).toBe(true);
        } else {
          holder++;
          const h = t.holder as { C: string; alpha: string };
          expect(h.alpha).toBe('0.5');
          const C = f.split(' + ').reduce((s, term) => s.plus(D(term.slice(0, term.indexOf('*'))).abs()), D('0'));
          expect(D(h.C).eq(C.mul(factor))).toBe(true);
          expect(f).toMatch(/^-?[\d.]+\*sqrt\(abs\(x\d* - \(/);
          const shifts = [...f.matchAll(/- \((-?[\d.]+(?:e-?\d+)?)\)/g)].map((r) => r[1]!);
          expect(shifts.length === m && shifts.every((c) => hasShiftDigit(c) && shiftInRange(DECIMAL, c))).toBe(true);
        }
      }
      // Lipschitz three times as often as Hölder
      expect(holder).toBeGreaterThan(targets.length / 10);
      expect(holder).toBeLessThan(targets.length / 2);
    }
  });

  it('use every Lipschitz term: w·x, w·|x − c|, w·sin(kx), w·max(x, c), weights of both signs in [0.25, 3]', () => {
    const terms = sample(expressionTargets(DECIMAL, 1), 200)
      .filter((t) => t.holder === undefined)
      .map((t) => t.f as string);
    expect(terms.some((f) => /^-?[\d.]+\*x$/.test(f))).toBe(true);
    expect(terms.some((f) => /^-?[\d.]+\*abs\(x - \(/.test(f))).toBe(true);
    expect(terms.some((f) => /^-?[\d.]+\*sin\(-?[\d.]+\*x\)$/.test(f))).toBe(true);
    expect(terms.some((f) => /^-?[\d.]+\*max\(x, -?[\d.]+\)$/.test(f))).toBe(true);
    const weights = terms.map((f) => f.slice(0, f.indexOf('*')));
    expect(weights.every((w) => between(D(w).abs(), '0.25', '3') && places(w) <= 2)).toBe(true);
    expect(weights.some((w) => w.startsWith('-')) && weights.some((w) => !w.startsWith('-'))).toBe(true);
    const shifts = terms.flatMap((f) => [...f.matchAll(/(?:- \(|, )(-?[\d.]+(?:e-?\d+)?)\)/g)].map((r) => r[1]!));
    expect(shifts.length).toBeGreaterThan(0);
    expect(shifts.every((c) => hasShiftDigit(c) && shiftInRange(DECIMAL, c))).toBe(true);
  });

  it('lipschitzOf: the declared constant, the library one, or undefined for a Hölder modulus', () => {
    expect(lipschitzOf({ f: 'x', lipschitz: '2.5' }, 1)?.toString()).toBe('2.5');
    expect(lipschitzOf({ f: 'sqrt(abs(x))', holder: { C: '1', alpha: '0.5' } }, 1)).toBeUndefined();
    expect(lipschitzOf({ target: { family: 'coordinate-sum' } }, 3)?.toString()).toBe('3');
    expect(lipschitzOf({ target: { family: 'sin', k: '-2' } }, 1)?.toString()).toBe('2');
    expect(lipschitzOf({ target: { family: 'sqrt-abs', c: '0' } }, 1)).toBeUndefined();
  });

  it('anyTarget draws library specs and expressions', () => {
    const targets = sample(anyTarget(DECIMAL, 2), 200);
    expect(targets.some((t) => t.target !== undefined) && targets.some((t) => typeof t.f === 'string')).toBe(true);
  });
});

describe('probes of the claims', () => {
  it('gridProbe: a grid, m ≤ maxDimension coordinates in the box, a target', () => {
    const probes = sample(gridProbe({ maxDimension: 3 }), 100);
    for (const p of probes) {
      const x = p.x as string[];
      expect(x.length >= 1 && x.length <= 3 && x.every((xi) => inBox(p, xi))).toBe(true);
      expect(Number.isInteger(p.N) && (p.N as number) >= 1).toBe(true);
      expect(p.target !== undefined || typeof p.f === 'string').toBe(true);
    }
    expect(new Set(probes.map((p) => (p.x as string[]).length))).toEqual(new Set([1, 2, 3]));
    expect(sample(gridProbe(), 60).some((p) => (p.x as string[]).length === 4)).toBe(true);
    expect(sample(gridProbe(), 60).every((p) => (p.x as string[]).length <= 4)).toBe(true);
    // a custom target family is used
    const custom = sample(gridProbe({ targets: () => fc.constant({ target: { family: 'coordinate-sum' } }) }), 50);
    expect(custom.every((p) => family(p) === 'coordinate-sum')).toBe(true);
  });

  it('accuracyProbe: ε > 0, half of them tight (N(ε)·ε = L(b − a)/2 for a Lipschitz target), the others ε ∈ [0.001, 1]', () => {
    const probes = sample(accuracyProbe(2), 120);
    let tight = 0;
    for (const p of probes) {
      expect(p.N).toBeUndefined();
      const x = p.x as string[];
      expect(x.length >= 1 && x.length <= 2 && x.every((xi) => inBox(p, xi))).toBe(true);
      const eps = D(p.epsilon);
      expect(eps.gt(0)).toBe(true);
      const L = lipschitzOf(p, x.length);
      // tight: ε = L·δ/2 on a decimal grid of at most 12 cells, so (b − a)L/(2ε) is that N
      const n = L !== undefined && L.gt(0) ? D(p.b).minus(D(p.a)).mul(L).div(eps.mul(2)) : undefined;
      if (n !== undefined && n.isInteger() && n.lte(12) && !(between(eps, '0.001', '1') && places(p.epsilon as string) <= 3)) tight++;
      else expect(between(eps, '0.001', '1') && places(p.epsilon as string) <= 3, String(p.epsilon)).toBe(true);
    }
    expect(tight).toBeGreaterThan(probes.length / 5);
    expect(sample(accuracyProbe(), 60).some((p) => (p.x as string[]).length === 4)).toBe(true);
  });

  it('quantiserProbe: up to 30 cells, η in its range, coordinates in the box, some exactly η from a face, some bare', () => {
    const probes = sample(quantiserProbe(), 200);
    let atEta = 0;
    for (const p of probes) {
      expect((p.N as number) >= 1 && (p.N as number) <= 30).toBe(true);
      const eta = D(p.eta);
      // a fraction r ∈ [0.001, 0.5] of δ (decimal grids) or a decimal in [0.0001, 0.01]
      expect((eta.gte('0.0001') && eta.lte('0.01') && places(p.eta as string) <= 4) || (eta.gte(delta(p).mul('0.001')) && eta.lte(delta(p).div(2)))).toBe(true);
      const x = coordinates(p.x);
      expect(x.length >= 1 && x.length <= 4 && x.every((xi) => inBox(p, xi))).toBe(true);
      const d = delta(p);
      if (x.some((xi) => D(xi).minus(p.a as string).minus(eta).div(d).isInteger() || D(xi).minus(p.a as string).plus(eta).div(d).isInteger())) atEta++;
    }
    expect(atEta).toBeGreaterThan(probes.length / 10);
    // decimal grids take η as a fraction of δ: above 0.01 or with more than 4 places for some
    expect(probes.some((p) => D(p.eta).gt('0.01') || places(p.eta as string) > 4)).toBe(true);
    // m uniform in [1, 4]: about a quarter of the probes have one coordinate (bare or not)
    expect(probes.filter((p) => coordinates(p.x).length === 1).length).toBeLessThan(probes.length * 0.4);
    expect(probes.some((p) => typeof p.x === 'string') && probes.some((p) => Array.isArray(p.x) && p.x.length === 1)).toBe(true);
    expect(probes.some((p) => (p.N as number) > 20)).toBe(true);
    expect(new Set(probes.map((p) => coordinates(p.x).length))).toEqual(new Set([1, 2, 3, 4]));
  });

  it('transitionProbe: up to 50 cells, 0 < η ≤ δ, m ∈ [1, 4]', () => {
    const probes = sample(transitionProbe(), 150);
    for (const p of probes) {
      expect((p.N as number) >= 1 && (p.N as number) <= 50).toBe(true);
      expect(D(p.eta).gt(0) && D(p.eta).lte(delta(p))).toBe(true);
      expect([1, 2, 3, 4]).toContain(p.m);
    }
    expect(probes.some((p) => (p.N as number) > 30)).toBe(true);
    expect(probes.some((p) => places(p.eta as string) <= 4 && D(p.eta).lte('0.002'))).toBe(true);
    // decimal grids: a fraction of δ ≥ 0.01, some above 0.002
    expect(probes.some((p) => D(p.eta).gt('0.002'))).toBe(true);
  });

  it('quantisedProbe: η = rδ with r ∈ [0.001, 1] (no overlap) or r ∈ (1, 3] (overlap), decimal grids of ≤ 20 cells', () => {
    for (const overlap of [false, true]) {
      const probes = sample(quantisedProbe(overlap), 100);
      for (const p of probes) {
        expect((p.N as number) >= 1 && (p.N as number) <= 20).toBe(true);
        const r = D(p.eta).div(delta(p));
        expect(overlap ? r.gt(1) && r.lte(3) : r.gte('0.001') && r.lte(1), `${String(p.eta)} ${r.toString()}`).toBe(true);
        expect(r.mul(1000).isInteger()).toBe(true);
        const x = p.x as string[];
        expect(x.length >= 1 && x.length <= 4 && x.every((xi) => inBox(p, xi))).toBe(true);
        expect(p.target !== undefined || typeof p.f === 'string').toBe(true);
      }
    }
    const custom = sample(quantisedProbe(false, () => fc.constant({ f: 'x', lipschitz: '1' })), 30);
    expect(custom.every((p) => p.f === 'x')).toBe(true);
  });
});

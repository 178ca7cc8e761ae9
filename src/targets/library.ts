/**
 * The target library: continuous functions with a proved modulus of continuity (∞-norm) on a stated
 * domain, usable by every lemma and the theorem through {@link Target}.
 *
 * A library target is named in a probe by a JSON spec `{"family": "<id>", …parameters}` (decimal
 * strings), read by {@link libraryTarget}; the caller supplies the variable names (`['x']` in one
 * dimension, `['x1', …, 'xm']` otherwise). Each family's modulus is proved in its `proof` text; the
 * property tests check every declaration on random pairs (claim `declared-modulus` of lemma
 * `relu-partition-of-unity`).
 *
 * | family | f | variables | modulus | domain | sup|f''| |
 * |---|---|---|---|---|---|
 * | `sin` | sin(k·x) | 1 | L = |k| | ℝ | k² |
 * | `abs-shift` | |x − c| | 1 | L = 1 | ℝ | — |
 * | `piecewise-linear` | linear interpolation of (t_j, v_j), constant outside | 1 | L = max slope | ℝ | — |
 * | `sqrt-abs` | √|x − c| | 1 | C = 1, α = 1/2 | ℝ | — |
 * | `abs-power` | |x − c|^α | 1 | C = 1, α | ℝ | — |
 * | `polynomial` | Σ c_j x^j | 1 | L = Σ j|c_j|R^{j−1} | [lo, hi], R = max(|lo|, |hi|) | Σ j(j−1)|c_j|R^{j−2} |
 * | `exp` | e^{k·x} | 1 | L = |k|e^{max(k·lo, k·hi)} | [lo, hi] | k²e^{max(k·lo, k·hi)} |
 * | `max-coordinate` | max_i x_i | m | L = 1 | ℝ^m | — |
 * | `coordinate-sum` | Σ_i x_i | m | L = m | ℝ^m | 0 (m = 1) |
 * | `product` | Π_i x_i | m | L = m·R^{m−1} | [lo, hi]^m | 0 (m = 1) |
 * | `sin-of-sum` | sin(k·Σ_i x_i) | m | L = m|k| | ℝ^m | k² (m = 1) |
 * | `distance-inf` | max_i |x_i − c| | m | L = 1 | ℝ^m | — |
 * | `sqrt-max-abs` | √(max_i |x_i|) | m | C = 1, α = 1/2 | ℝ^m | — |
 * | `select-first` | F(X)_i = x1 | n, index i | L = 1 | ℝ^n | — |
 * | `select-own` | F(X)_i = x_i | n, index i | L = 1 | ℝ^n | — |
 * | `prefix-max` | F(X)_i = max_{j ≤ i} x_j | n, index i | L = 1 | ℝ^n | — |
 *
 * Indexed families take the token index `i ∈ {1, …, n}` (1-based, like the names `x1 … xn`).
 */
import type { Decimal } from 'decimal.js';
import { ExactDecimal } from '../arith/context.ts';
import { arithAt, type Arith, type Interval } from '../arith/interval.ts';
import { Rational } from '../arith/rational.ts';
import { readDecimal, readDecimalArray } from '../verdict/args.ts';
import { ArgumentError } from '../verdict/errors.ts';
import { holderModulus, lipschitzModulus } from './modulus.ts';
import type { Cube, Modulus, Target } from './target.ts';

/** Largest degree of a `polynomial` target, and most knots of a `piecewise-linear` one. */
export const MAX_LIBRARY_DEGREE = 64;
export const MAX_LIBRARY_KNOTS = 10_000;
/** Largest number of variables of a library target. */
export const MAX_LIBRARY_VARIABLES = 64;

/** How many variables a family takes. */
export type FamilyArity = 'one' | 'many' | 'indexed';

/** One family of library targets. */
export interface LibraryFamily {
  /** The `family` value of a spec. */
  readonly id: string;
  readonly arity: FamilyArity;
  /** Parameter names of the spec, besides `family`. */
  readonly parameters: readonly string[];
  /** The function, in words and notation. */
  readonly description: string;
  /** Why the declared modulus holds. */
  readonly proof: string;
  /** Builds the target from its spec (parameters already checked present) and the variable names. */
  build(spec: Record<string, unknown>, variables: readonly string[]): Target;
}

const R0 = Rational.ZERO;

function one(x: readonly Interval[]): Interval {
  return x[0]!;
}

function indexOf(index: number | undefined, n: number): number {
  if (index === undefined || !Number.isInteger(index) || index < 1 || index > n) {
    throw new ArgumentError('i', index, `must be a token index in {1, …, ${n}}`);
  }
  return index;
}

function decimalParam(spec: Record<string, unknown>, name: string): Decimal {
  return readDecimal(spec[name], `target.${name}`);
}

/** An upper bound, as an exact decimal, of a quantity enclosed at 30 digits. */
function upperOf(f: (A: Arith) => Interval): Decimal {
  return new ExactDecimal(f(arithAt(30)).hi);
}

/** A decimal upper bound of a rational: itself when it is an integer, else its enclosure's upper end at 30 digits. */
function decimalAtLeast(r: Rational): Decimal {
  return r.den === 1n ? new ExactDecimal(r.num.toString()) : upperOf((A) => r.toInterval(A));
}

function target(t: Target): Target {
  return Object.freeze(t);
}

const families: LibraryFamily[] = [
  {
    id: 'sin',
    arity: 'one',
    parameters: ['k'],
    description: 'sin(k·x)',
    proof: '|sin(kx) − sin(ky)| ≤ |k|·|x − y| by the mean value theorem, |cos| ≤ 1; |f\'\'| = k²|sin(kx)| ≤ k².',
    build(spec, variables) {
      const k = decimalParam(spec, 'k');
      return target({
        id: `sin(${k.toString()}*${variables[0]!})`,
        tex: `\\sin(${k.toString()}\\,${variables[0]!})`,
        variables,
        modulus: lipschitzModulus(k.abs()),
        secondDerivativeBound: k.mul(k),
        evaluate: (x, A) => A.sin(A.mul(A.point(k), one(x))),
      });
    },
  },
  {
    id: 'abs-shift',
    arity: 'one',
    parameters: ['c'],
    description: '|x − c|',
    proof: 'Reverse triangle inequality: ||x − c| − |y − c|| ≤ |x − y|.',
    build(spec, variables) {
      const c = decimalParam(spec, 'c');
      const cr = Rational.fromDecimal(c);
      return target({
        id: `abs(${variables[0]!}-(${c.toString()}))`,
        tex: `|${variables[0]!} - (${c.toString()})|`,
        variables,
        modulus: lipschitzModulus(new ExactDecimal(1)),
        evaluate: (x, A) => A.abs(A.sub(one(x), A.point(c))),
        evaluateRational: (x) => x[0]!.sub(cr).abs(),
      });
    },
  },
  {
    id: 'piecewise-linear',
    arity: 'one',
    parameters: ['knots', 'values'],
    description: 'the linear interpolant of (t_j, v_j), constant outside [t_0, t_m]',
    proof: 'On each piece the slope is (v_{j+1} − v_j)/(t_{j+1} − t_j) and outside it is 0; a continuous piecewise-linear function is Lipschitz with the largest |slope|.',
    build(spec, variables) {
      const knots = readDecimalArray(spec.knots, 'target.knots', 1, MAX_LIBRARY_KNOTS);
      const values = readDecimalArray(spec.values, 'target.values', knots.length, knots.length);
      for (let j = 1; j < knots.length; j++) {
        if (!knots[j]!.gt(knots[j - 1]!)) throw new ArgumentError(`target.knots[${j}]`, knots[j]!.toString(), 'must exceed the previous knot');
      }
      const t = knots.map((v) => Rational.fromDecimal(v));
      const v = values.map((w) => Rational.fromDecimal(w));
      const slopes = t.slice(1).map((tj, j) => v[j + 1]!.sub(v[j]!).div(tj.sub(t[j]!)));
      const L = slopes.reduce((m, s) => m.max(s.abs()), R0);
      // L is rational; any decimal upper bound of it is a valid Lipschitz constant.
      const Ldec = decimalAtLeast(L);
      const m = knots.length - 1;
      const pieceAt = (lo: (j: number) => boolean): number => {
        // the last j with t_j ≤ x, for t_0 < x < t_m (so j ≤ m − 1)
        let j = 0;
        while (lo(j + 1)) j++;
        return j;
      };
      return target({
        id: `piecewise-linear(${knots.length} knots)`,
        tex: `\\mathrm{pl}_{${knots.length}}(${variables[0]!})`,
        variables,
        modulus: lipschitzModulus(Ldec),
        evaluate(x, A) {
          const X = one(x);
          const value = (point: Decimal): Interval => {
            if (point.lte(knots[0]!)) return A.point(values[0]!);
            if (point.gte(knots[m]!)) return A.point(values[m]!);
            const j = pieceAt((i) => knots[i]!.lte(point));
            const s = slopes[j]!.toInterval(A);
            return A.add(A.point(values[j]!), A.mul(s, A.sub(A.point(point), A.point(knots[j]!))));
          };
          // The function is monotone on each piece: over an interval, take the hull of the ends and every knot inside.
          const inside = knots.filter((k) => X.lo.lt(k) && X.hi.gt(k));
          return A.hull(value(X.lo), value(X.hi), ...inside.map((k) => value(k)));
        },
        evaluateRational(x) {
          const X = x[0]!;
          if (X.lte(t[0]!)) return v[0]!;
          if (t[m]!.lte(X)) return v[m]!;
          const j = pieceAt((i) => t[i]!.lte(X));
          return v[j]!.add(slopes[j]!.mul(X.sub(t[j]!)));
        },
      });
    },
  },
  {
    id: 'sqrt-abs',
    arity: 'one',
    parameters: ['c'],
    description: '√|x − c|',
    proof: '|√u − √v| ≤ √|u − v| for u, v ≥ 0, and ||x − c| − |y − c|| ≤ |x − y|.',
    build(spec, variables) {
      const c = decimalParam(spec, 'c');
      return target({
        id: `sqrt(abs(${variables[0]!}-(${c.toString()})))`,
        tex: `\\sqrt{|${variables[0]!} - (${c.toString()})|}`,
        variables,
        modulus: holderModulus(new ExactDecimal(1), new ExactDecimal('0.5')),
        evaluate: (x, A) => A.sqrt(A.abs(A.sub(one(x), A.point(c)))),
      });
    },
  },
  {
    id: 'abs-power',
    arity: 'one',
    parameters: ['c', 'alpha'],
    description: '|x − c|^α, α ∈ (0, 1]',
    proof: 'u ↦ u^α is subadditive on [0, ∞) for α ∈ (0, 1], so |u^α − v^α| ≤ |u − v|^α; then ||x − c| − |y − c|| ≤ |x − y|.',
    build(spec, variables) {
      const c = decimalParam(spec, 'c');
      const alpha = decimalParam(spec, 'alpha');
      if (!(alpha.gt(0) && alpha.lte(1))) throw new ArgumentError('target.alpha', alpha.toString(), 'must be in (0, 1]');
      const modulus = holderModulus(new ExactDecimal(1), alpha);
      return target({
        id: `abs(${variables[0]!}-(${c.toString()}))^${alpha.toString()}`,
        tex: `|${variables[0]!} - (${c.toString()})|^{${alpha.toString()}}`,
        variables,
        modulus,
        evaluate(x, A) {
          const u = A.abs(A.sub(one(x), A.point(c)));
          return u.hi.isZero() ? A.point(0) : A.pow(u, A.point(alpha));
        },
      });
    },
  },
  {
    id: 'polynomial',
    arity: 'one',
    parameters: ['coefficients', 'lo', 'hi'],
    description: 'Σ_j c_j x^j on [lo, hi] (coefficients c_0, c_1, …)',
    proof: '|p\'(x)| ≤ Σ_j j|c_j|R^{j−1} and |p\'\'(x)| ≤ Σ_j j(j−1)|c_j|R^{j−2} for |x| ≤ R = max(|lo|, |hi|); mean value theorem.',
    build(spec, variables) {
      const c = readDecimalArray(spec.coefficients, 'target.coefficients', 1, MAX_LIBRARY_DEGREE + 1);
      const domain = readCube(spec);
      const cr = c.map((v) => Rational.fromDecimal(v));
      const R = Rational.fromDecimal(domain.lo.abs().gt(domain.hi.abs()) ? domain.lo.abs() : domain.hi.abs());
      const L = cr.reduce((s, cj, j) => (j >= 1 ? s.add(cj.abs().mul(Rational.of(j)).mul(R.pow(j - 1))) : s), R0);
      const M = cr.reduce((s, cj, j) => (j >= 2 ? s.add(cj.abs().mul(Rational.of(j * (j - 1))).mul(R.pow(j - 2))) : s), R0);
      const name = c.map((v, j) => `${v.toString()}*${variables[0]!}^${j}`).join(' + ');
      return target({
        id: `poly(${name})`,
        tex: c.map((v, j) => `${v.toString()}\\,${variables[0]!}^{${j}}`).join(' + '),
        variables,
        modulus: lipschitzModulus(decimalAtLeast(L)),
        secondDerivativeBound: decimalAtLeast(M),
        domain,
        evaluate(x, A) {
          const X = one(x);
          let acc = A.point(0); // Horner
          for (let j = c.length - 1; j >= 0; j--) acc = A.add(A.mul(acc, X), A.point(c[j]!));
          return acc;
        },
        evaluateRational(x) {
          let acc = R0;
          for (let j = cr.length - 1; j >= 0; j--) acc = acc.mul(x[0]!).add(cr[j]!);
          return acc;
        },
      });
    },
  },
  {
    id: 'exp',
    arity: 'one',
    parameters: ['k', 'lo', 'hi'],
    description: 'e^{k·x} on [lo, hi]',
    proof: '|f\'| = |k|e^{kx} and |f\'\'| = k²e^{kx}, both largest where kx is, at x = lo or hi.',
    build(spec, variables) {
      const k = decimalParam(spec, 'k');
      const domain = readCube(spec);
      const top = k.mul(domain.lo).gt(k.mul(domain.hi)) ? k.mul(domain.lo) : k.mul(domain.hi);
      const peak = (A: Arith): Interval => A.exp(A.point(top));
      return target({
        id: `exp(${k.toString()}*${variables[0]!})`,
        tex: `e^{${k.toString()}\\,${variables[0]!}}`,
        variables,
        modulus: lipschitzModulus(upperOf((A) => A.mul(A.point(k.abs()), peak(A)))),
        secondDerivativeBound: upperOf((A) => A.mul(A.point(k.mul(k)), peak(A))),
        domain,
        // e^{0·x} = 1 exactly (an enclosure of e^0 would be widened and leave 0 ≤ 0 undecided).
        evaluate: (x, A) => (k.isZero() ? A.point(1) : A.exp(A.mul(A.point(k), one(x)))),
        ...(k.isZero() ? { evaluateRational: () => Rational.ONE } : {}),
      });
    },
  },
  {
    id: 'max-coordinate',
    arity: 'many',
    parameters: [],
    description: 'max_i x_i',
    proof: 'max_i x_i − max_i y_i ≤ max_i (x_i − y_i) ≤ ‖x − y‖_∞, and symmetrically.',
    build(_spec, variables) {
      return target({
        id: `max(${variables.join(',')})`,
        tex: `\\max(${variables.join(', ')})`,
        variables,
        modulus: lipschitzModulus(new ExactDecimal(1)),
        evaluate: (x, A) => x.reduce((m, v) => A.max(m, v)),
        evaluateRational: (x) => x.reduce((m, v) => m.max(v)),
      });
    },
  },
  {
    id: 'coordinate-sum',
    arity: 'many',
    parameters: [],
    description: 'Σ_i x_i',
    proof: '|Σ_i (x_i − y_i)| ≤ m‖x − y‖_∞.',
    build(_spec, variables) {
      return target({
        id: variables.join('+'),
        tex: variables.join(' + '),
        variables,
        modulus: lipschitzModulus(new ExactDecimal(variables.length)),
        ...(variables.length === 1 ? { secondDerivativeBound: new ExactDecimal(0) } : {}),
        evaluate: (x, A) => A.sum(x),
        evaluateRational: (x) => x.reduce((s, v) => s.add(v), R0),
      });
    },
  },
  {
    id: 'product',
    arity: 'many',
    parameters: ['lo', 'hi'],
    description: 'Π_i x_i on [lo, hi]^m',
    proof: 'Telescoping, |Π x − Π y| ≤ Σ_i |x_i − y_i| Π_{j≠i} max(|x_j|, |y_j|) ≤ m R^{m−1} ‖x − y‖_∞ with R = max(|lo|, |hi|).',
    build(spec, variables) {
      const domain = readCube(spec);
      const m = variables.length;
      const R = domain.lo.abs().gt(domain.hi.abs()) ? domain.lo.abs() : domain.hi.abs();
      const L = Rational.of(m).mul(Rational.fromDecimal(R).pow(m - 1));
      return target({
        id: variables.join('*'),
        tex: variables.join('\\,'),
        variables,
        modulus: lipschitzModulus(decimalAtLeast(L)),
        ...(m === 1 ? { secondDerivativeBound: new ExactDecimal(0) } : {}),
        domain,
        evaluate: (x, A) => x.reduce((p, v) => A.mul(p, v)),
        evaluateRational: (x) => x.reduce((p, v) => p.mul(v)),
      });
    },
  },
  {
    id: 'sin-of-sum',
    arity: 'many',
    parameters: ['k'],
    description: 'sin(k·Σ_i x_i)',
    proof: '|sin(ku) − sin(kv)| ≤ |k||u − v| and |Σ x_i − Σ y_i| ≤ m‖x − y‖_∞.',
    build(spec, variables) {
      const k = decimalParam(spec, 'k');
      return target({
        id: `sin(${k.toString()}*(${variables.join('+')}))`,
        tex: `\\sin(${k.toString()}(${variables.join(' + ')}))`,
        variables,
        modulus: lipschitzModulus(k.abs().mul(variables.length)),
        ...(variables.length === 1 ? { secondDerivativeBound: k.mul(k) } : {}),
        evaluate: (x, A) => A.sin(A.mul(A.point(k), A.sum(x))),
      });
    },
  },
  {
    id: 'distance-inf',
    arity: 'many',
    parameters: ['c'],
    description: 'max_i |x_i − c|, the ∞-distance to the point (c, …, c)',
    proof: 'A norm is 1-Lipschitz for itself (reverse triangle inequality).',
    build(spec, variables) {
      const c = decimalParam(spec, 'c');
      const cr = Rational.fromDecimal(c);
      return target({
        id: `dist_inf(${variables.join(',')};${c.toString()})`,
        tex: `\\max_i |${variables.length === 1 ? variables[0]! : 'x_i'} - (${c.toString()})|`,
        variables,
        modulus: lipschitzModulus(new ExactDecimal(1)),
        evaluate: (x, A) => x.map((v) => A.abs(A.sub(v, A.point(c)))).reduce((m, v) => A.max(m, v)),
        evaluateRational: (x) => x.map((v) => v.sub(cr).abs()).reduce((m, v) => m.max(v)),
      });
    },
  },
  {
    id: 'sqrt-max-abs',
    arity: 'many',
    parameters: [],
    description: '√(max_i |x_i|)',
    proof: '|√u − √v| ≤ √|u − v| for u, v ≥ 0, and |‖x‖_∞ − ‖y‖_∞| ≤ ‖x − y‖_∞.',
    build(_spec, variables) {
      return target({
        id: `sqrt(max_abs(${variables.join(',')}))`,
        tex: `\\sqrt{\\max_i |x_i|}`,
        variables,
        modulus: holderModulus(new ExactDecimal(1), new ExactDecimal('0.5')),
        evaluate: (x, A) => A.sqrt(x.map((v) => A.abs(v)).reduce((m, v) => A.max(m, v))),
      });
    },
  },
  {
    id: 'select-first',
    arity: 'indexed',
    parameters: [],
    description: 'F(X)_i = x1 for every token i (not permutation-equivariant)',
    proof: '|x1 − y1| ≤ ‖x − y‖_∞.',
    build(_spec, variables) {
      return target({
        id: 'select-first',
        tex: `F(X)_i = ${variables[0]!}`,
        variables,
        index: 'i',
        modulus: lipschitzModulus(new ExactDecimal(1)),
        evaluate: (x, _A, i) => (indexOf(i, x.length), x[0]!),
        evaluateRational: (x, i) => (indexOf(i, x.length), x[0]!),
      });
    },
  },
  {
    id: 'select-own',
    arity: 'indexed',
    parameters: [],
    description: 'F(X)_i = x_i (the identity map)',
    proof: '|x_i − y_i| ≤ ‖x − y‖_∞.',
    build(_spec, variables) {
      return target({
        id: 'select-own',
        tex: 'F(X)_i = x_i',
        variables,
        index: 'i',
        modulus: lipschitzModulus(new ExactDecimal(1)),
        evaluate: (x, _A, i) => x[indexOf(i, x.length) - 1]!,
        evaluateRational: (x, i) => x[indexOf(i, x.length) - 1]!,
      });
    },
  },
  {
    id: 'prefix-max',
    arity: 'indexed',
    parameters: [],
    description: 'F(X)_i = max_{j ≤ i} x_j (causal running maximum)',
    proof: 'A maximum of coordinates is 1-Lipschitz in the ∞-norm.',
    build(_spec, variables) {
      return target({
        id: 'prefix-max',
        tex: 'F(X)_i = \\max_{j \\le i} x_j',
        variables,
        index: 'i',
        modulus: lipschitzModulus(new ExactDecimal(1)),
        evaluate: (x, A, i) => x.slice(0, indexOf(i, x.length)).reduce((m, v) => A.max(m, v)),
        evaluateRational: (x, i) => x.slice(0, indexOf(i, x.length)).reduce((m, v) => m.max(v)),
      });
    },
  },
];

function readCube(spec: Record<string, unknown>): Cube {
  const lo = decimalParam(spec, 'lo');
  const hi = decimalParam(spec, 'hi');
  if (!lo.lt(hi)) throw new ArgumentError('target.hi', hi.toString(), `must exceed target.lo = ${lo.toString()}`);
  return { lo, hi };
}

/** Every family of the library, in table order. */
export const LIBRARY_FAMILIES: readonly LibraryFamily[] = Object.freeze(families.map((f) => Object.freeze(f)));

/** The family with this id, or `undefined`. */
export function libraryFamily(id: string): LibraryFamily | undefined {
  return LIBRARY_FAMILIES.find((f) => f.id === id);
}

/**
 * Reads a library target from its JSON spec `{"family": …, …parameters}` for the given variables.
 * Throws `ArgumentError` naming `argument` (default `target`) for an unknown family, a missing or
 * malformed parameter, or a variable count the family does not take (`one`: exactly 1; `many`,
 * `indexed`: 1 to {@link MAX_LIBRARY_VARIABLES}).
 */
export function libraryTarget(spec: unknown, variables: readonly string[], argument = 'target'): Target {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw new ArgumentError(argument, spec, 'must be an object {"family": …, …parameters}');
  }
  const s = spec as Record<string, unknown>;
  const family = LIBRARY_FAMILIES.find((f) => f.id === s.family);
  if (family === undefined) {
    throw new ArgumentError(`${argument}.family`, s.family, `must be one of ${LIBRARY_FAMILIES.map((f) => f.id).join(', ')}`);
  }
  for (const p of family.parameters) {
    if (s[p] === undefined || s[p] === null) throw new ArgumentError(`${argument}.${p}`, undefined, `is required for family ${family.id}`);
  }
  if (variables.length < 1 || variables.length > MAX_LIBRARY_VARIABLES) {
    throw new ArgumentError(argument, spec, `needs between 1 and ${MAX_LIBRARY_VARIABLES} variables (has ${variables.length})`);
  }
  if (family.arity === 'one' && variables.length !== 1) {
    throw new ArgumentError(argument, spec, `family ${family.id} has one variable, but ${variables.length} are needed here`);
  }
  try {
    return family.build(s, variables);
  } catch (e) {
    if (e instanceof ArgumentError && !e.argument.startsWith(argument)) {
      throw new ArgumentError(`${argument}.${e.argument.replace(/^target\./, '')}`, e.value, e.problem);
    }
    throw e;
  }
}

export type { Modulus, Target };

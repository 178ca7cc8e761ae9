/**
 * A target: a continuous function on a box with a declared modulus of continuity in the ∞-norm,
 * evaluated in interval arithmetic so that `f(x)` is certified like everything else.
 *
 * Targets come from the library (`src/targets/library.ts`) or from user expressions
 * (`src/targets/expression.ts`); every lemma and the theorem take them through this interface.
 */
import type { Decimal } from 'decimal.js';
import type { Arith, Interval } from '../arith/interval.ts';
import type { Rational } from '../arith/rational.ts';

/** The cube `[lo, hi]^m` on which a target's modulus (and second-derivative bound) is proved. */
export interface Cube {
  readonly lo: Decimal;
  readonly hi: Decimal;
}

/**
 * A modulus of continuity `ω` in the ∞-norm: `|f(x) − f(y)| ≤ ω(‖x − y‖_∞)`.
 * - `lipschitz`: `ω(t) = L·t`.
 * - `holder`: `ω(t) = C·t^α`, `α ∈ (0, 1]`.
 * Both are concave, so the sharp 1-D interpolation bound `ω(h/2)` applies.
 */
export type Modulus =
  | { readonly kind: 'lipschitz'; readonly L: Decimal }
  | { readonly kind: 'holder'; readonly C: Decimal; readonly alpha: Decimal };

export interface Target {
  /** Stable id, e.g. `sin-3x` or `expr:x1*x2`. */
  readonly id: string;
  /** The formula in TeX, for the report. */
  readonly tex: string;
  /** Variable names in order: `['x']` in one dimension, `['x1', …, 'xm']` otherwise. */
  readonly variables: readonly string[];
  /** The declared modulus (for library targets, a proved one; for user targets, as declared). */
  readonly modulus: Modulus;
  /** A bound on `sup|f''|` over the domain, for C² targets of one variable (absent otherwise). */
  readonly secondDerivativeBound?: Decimal;
  /**
   * Where the modulus (and `secondDerivativeBound`) is valid: every variable in `[lo, hi]`.
   * Absent: all of ℝ^m. A lemma probing the target outside this cube must say `inapplicable`.
   */
  readonly domain?: Cube;
  /**
   * The name of a token-index parameter (e.g. `i` for the theorem's `F(X)_i`), when the target has
   * one. It is not a variable: the modulus is over `variables` only, for each fixed index.
   */
  readonly index?: string;
  /**
   * Encloses `f(x)` for `x` in the box given by one interval per variable (and, for an indexed
   * target, at the integer `index`; required then, ignored otherwise).
   */
  evaluate(x: readonly Interval[], arith: Arith, index?: number): Interval;
  /**
   * The exact value of `f` at a rational point, when `f` is built from `+ − × ÷`, integer powers,
   * `abs`, `max`, `min` only (absent or `undefined` otherwise). Lets tight claims (equality of the
   * two sides) be decided exactly instead of ending inconclusive.
   */
  evaluateRational?(x: readonly Rational[], index?: number): Rational | undefined;
}

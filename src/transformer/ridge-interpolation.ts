/**
 * Piecewise-linear interpolation of a ridge profile `g(t)`, `t = w·x`, by ReLU units, with a certified
 * error bound (lemma `relu-partition-of-unity`, claims `interpolation`, `interpolation-c2`).
 *
 * For an integer direction `w` and `x ∈ [0,1]^n`, `t` ranges over `[a, b]` with
 * `a = Σ min(w_k, 0)`, `b = Σ max(w_k, 0)` (integers). With `M` cells per unit (a power of two, so
 * every node is a finite decimal), `N = M(b − a)` cells, `h = 1/M`, nodes `t_k = a + k/M` and
 * `s = M(t − a) ∈ [0, N]`, the interpolant of stored values `ĝ_k ≈ g(t_k)` is
 * `I(t) = ĝ_0 + (ĝ_1 − ĝ_0)·ReLU(s) + Σ_{k=1}^{N−1} (ĝ_{k+1} − 2ĝ_k + ĝ_{k−1})·ReLU(s − k)`,
 * the chord interpolant `Σ_k ĝ_k φ_k(t)` of the hat partition written with `N` shared units.
 *
 * Error, cell by cell (`[t_k, t_{k+1}]`, enclosures by interval automatic differentiation, `jets.ts`):
 * `|g − I| ≤ min(h²·sup|g''|/8, h·sup|g'|/2, sup g − inf g) + max_k |ĝ_k − g(t_k)|`.
 * The first two are the lemma's interpolation bounds; the third holds because the chord lies between
 * two values of `g` on the cell; the last term is the rounding of the stored values.
 */
import type { Decimal } from 'decimal.js';
import type { MathNode } from 'mathjs';
import type { Arith, Interval } from '../arith/interval.ts';
import { ArithmeticDomainError } from '../arith/interval.ts';
import { compileExpression } from '../targets/expression.ts';
import { jetOf, magnitude } from './jets.ts';
import { ConstructionRefused, parseExpression } from './ridge-decomposition.ts';

/** Significant digits of the stored node values `ĝ_k`. */
export const STORED_DIGITS = 30;

export interface RidgeInterpolant {
  readonly direction: readonly bigint[];
  readonly g: string;
  /** `t` ranges over `[a, b]` on the unit cube. */
  readonly a: bigint;
  readonly b: bigint;
  /** Cells per unit of `t` (`h = 1/M`). */
  readonly M: number;
  /** Number of cells `N = M(b − a)`. */
  readonly N: number;
  /** Stored node values `ĝ_0 … ĝ_N`. */
  readonly values: readonly Decimal[];
  /** Upper bound of `sup |g − I|` over `[a, b]` (interpolation plus stored-value rounding). */
  readonly error: Decimal;
  /** Part of {@link error} due to rounding the stored values. */
  readonly roundingError: Decimal;
  /** Which bound was decisive on the worst cell: `C2`, `Lipschitz` or `oscillation`. */
  readonly method: string;
}

/** `t` range of `w·x` over `[0, 1]^n`. */
export function ridgeRange(direction: readonly bigint[]): { a: bigint; b: bigint } {
  let a = 0n;
  let b = 0n;
  for (const w of direction) {
    if (w < 0n) a += w;
    else b += w;
  }
  return { a, b };
}

/** The node `a + k/M` as exact decimal text (`M` a power of two). */
function nodeText(a: bigint, k: number, M: number): string {
  // k/M with M = 2^j is a finite decimal: k·5^j / 10^j
  const j = Math.round(Math.log2(M));
  const scaled = BigInt(k) * 5n ** BigInt(j) + a * 10n ** BigInt(j);
  const neg = scaled < 0n;
  const digits = (neg ? -scaled : scaled).toString().padStart(j + 1, '0');
  const body = j === 0 ? digits : `${digits.slice(0, digits.length - j)}.${digits.slice(digits.length - j)}`;
  return neg ? `-${body}` : body;
}

/** Per-cell interpolation error bound (without rounding), and the bound that decided it. */
function cellError(tree: MathNode, T: Interval, h: Interval, A: Arith): { error: Decimal; method: string } {
  const jet = jetOf(tree, 't', T, A);
  const candidates: Array<{ error: Decimal; method: string }> = [{ error: A.up.sub(jet.v.hi, jet.v.lo), method: 'oscillation' }];
  if (jet.d1 !== undefined) candidates.push({ error: A.mul(A.mul(h, A.point(magnitude(jet.d1))), A.point('0.5')).hi, method: 'Lipschitz' });
  if (jet.d2 !== undefined) candidates.push({ error: A.mul(A.mul(A.mul(h, h), A.point(magnitude(jet.d2))), A.point('0.125')).hi, method: 'C2' });
  return candidates.reduce((m, c) => (c.error.lt(m.error) ? c : m));
}

/**
 * Interpolates `g` along `direction` with the fewest cells `N = M(b − a)` (`M` doubling from 1) whose
 * certified error is at most `budget`; refuses when more than `maxCells` cells would be needed.
 */
export function interpolateRidge(
  direction: readonly bigint[],
  g: string,
  budget: Decimal,
  A: Arith,
  options: { maxCells: number; targetText: string },
): RidgeInterpolant {
  const { a, b } = ridgeRange(direction);
  const tree = parseExpression(g);
  const compiled = compileExpression(g, ['t'], 'g');
  for (let M = 1; ; M *= 2) {
    const N = M * Number(b - a);
    if (N > options.maxCells) {
      throw new ConstructionRefused(
        options.targetText,
        `the ridge function ${g} along (${direction.join(', ')}) needs more than ${options.maxCells} ReLU units to reach the error budget ${budget.toString()}`,
      );
    }
    const h = A.div(A.point(1), A.point(M));
    let worst: { error: Decimal; method: string } = { error: new A.up(0), method: 'C2' };
    try {
      for (let k = 0; k < N && worst.error.lte(budget); k++) {
        const cell = cellError(tree, A.between(nodeText(a, k, M), nodeText(a, k + 1, M)), h, A);
        if (cell.error.gt(worst.error)) worst = cell;
      }
    } catch (e) {
      if (e instanceof ArithmeticDomainError) throw new ConstructionRefused(options.targetText, `the ridge function ${g} is undefined somewhere on [${a}, ${b}]: ${e.message}`);
      throw e;
    }
    if (worst.error.gt(budget)) continue;
    const values: Decimal[] = [];
    let rounding = new A.up(0);
    for (let k = 0; k <= N; k++) {
      const v = compiled.interval([A.point(nodeText(a, k, M))], A);
      const mid = new A.ctx.near(v.lo).plus(v.hi).div(2).toSignificantDigits(STORED_DIGITS);
      const err = A.up.max(A.up.sub(mid, v.lo), A.up.sub(v.hi, mid));
      if (err.gt(rounding)) rounding = err;
      values.push(mid);
    }
    const error = A.up.add(worst.error, rounding);
    if (error.gt(budget)) continue;
    return { direction, g, a, b, M, N, values, error, roundingError: rounding, method: worst.method };
  }
}

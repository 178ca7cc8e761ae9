/**
 * Reading a probe of lemma piecewise-constant: the box `[a, b]^m` and its grid (`a`, `b`, `N`), the
 * point `x`, and the target (a user expression `f` with its declared modulus, or a library spec
 * `target`, whose proved modulus a declared one replaces). Malformed arguments throw
 * `ArgumentError`; the hypotheses (point in the box, box in the target's domain, point away from the
 * grid) are checked separately and reported as `inapplicable`.
 */
import type { Decimal } from 'decimal.js';
import { Rational } from '../arith/rational.ts';
import type { HypothesisFailure } from '../registry/define.ts';
import { readTarget } from '../targets/expression.ts';
import { readDeclaredModulus } from '../targets/modulus.ts';
import type { Target } from '../targets/target.ts';
import { readDecimal, readDecimalArray, readInteger, required } from '../verdict/args.ts';
import { ArgumentError } from '../verdict/errors.ts';
import { axisGrid, distanceToInteriorGrid, inAxis, type AxisGrid } from './grid.ts';

/** Most coordinates of a point (the dimension m of the box). */
export const MAX_DIMENSION = 64;
/** Most cells per axis for the grid claims (`modulus`, `lipschitz`, `grid-for-epsilon`): their cost does not grow with N. */
export const MAX_CELLS_PER_AXIS = 1_000_000_000_000;
/** Most cells per axis for the quantiser (`relu-step`): its network has 2(N − 1) units, all evaluated. */
export const MAX_QUANTISER_CELLS = 1_000_000;

/** The box and its grid, with the decimals as given (for messages). */
export interface BoxArgs {
  readonly a: Decimal;
  readonly b: Decimal;
  readonly grid: AxisGrid;
}

/** Reads `a` and `b` (decimals, `a < b`) and `N` (an integer in `[1, maxCells]`). */
export function readBox(raw: Record<string, unknown>, maxCells: number): BoxArgs {
  const a = readDecimal(required(raw, 'a'), 'a');
  const b = readDecimal(required(raw, 'b'), 'b');
  if (!a.lt(b)) throw new ArgumentError('b', raw.b, `must exceed a = ${a.toString()}`);
  const cells = readInteger(required(raw, 'N'), 'N', 1, maxCells);
  return { a, b, grid: axisGrid(Rational.fromDecimal(a), Rational.fromDecimal(b), cells) };
}

/** Reads `a` and `b` only (a decimal each, `a < b`). */
export function readInterval(raw: Record<string, unknown>): { a: Decimal; b: Decimal } {
  const a = readDecimal(required(raw, 'a'), 'a');
  const b = readDecimal(required(raw, 'b'), 'b');
  if (!a.lt(b)) throw new ArgumentError('b', raw.b, `must exceed a = ${a.toString()}`);
  return { a, b };
}

/** Reads the point `x`: an array of m decimals (`1 ≤ m ≤` {@link MAX_DIMENSION}), or one decimal for m = 1. */
export function readPoint(raw: Record<string, unknown>): Decimal[] {
  const value = required(raw, 'x');
  return Array.isArray(value) ? readDecimalArray(value, 'x', 1, MAX_DIMENSION) : [readDecimal(value, 'x')];
}

/** The variable names of a target of m variables: `x` for m = 1, `x1 … xm` otherwise. */
export function variableNames(m: number): string[] {
  return m === 1 ? ['x'] : Array.from({ length: m }, (_, i) => `x${i + 1}`);
}

function hasDeclaredModulus(raw: Record<string, unknown>): boolean {
  return (raw.lipschitz !== undefined && raw.lipschitz !== null) || (raw.holder !== undefined && raw.holder !== null);
}

/**
 * Reads the target in the m variables of the point: `f` with `lipschitz` or `holder` (declared), or
 * `target` (a library spec); a `lipschitz` or `holder` given with `target` replaces the library's
 * proved modulus (and is then only declared, so it can be refuted).
 */
export function readTargetIn(raw: Record<string, unknown>, m: number): Target {
  const target = readTarget(raw, { variables: variableNames(m) });
  if (raw.target === undefined || raw.target === null || !hasDeclaredModulus(raw)) return target;
  const declared = readDeclaredModulus(raw);
  return Object.freeze({
    ...target,
    id: `${target.id} (declared modulus)`,
    modulus: declared,
  });
}

/** Hypothesis `point-in-box`: every coordinate of x in [a, b]. */
export function pointOutsideBox(box: BoxArgs, x: readonly Decimal[]): HypothesisFailure | undefined {
  const i = x.findIndex((xi) => !inAxis(box.grid, Rational.fromDecimal(xi)));
  if (i < 0) return undefined;
  return {
    hypothesis: 'point-in-box',
    reason: `x[${i}] = ${x[i]!.toString()} is outside [a, b] = [${box.a.toString()}, ${box.b.toString()}]`,
  };
}

/** Hypothesis `target-domain`: the box [a, b]^m lies in the cube where the target's modulus holds. */
export function boxOutsideDomain(a: Decimal, b: Decimal, target: Target): HypothesisFailure | undefined {
  const d = target.domain;
  if (d === undefined || (d.lo.lte(a) && b.lte(d.hi))) return undefined;
  return {
    hypothesis: 'target-domain',
    reason: `the box [${a.toString()}, ${b.toString()}]^m is not inside the domain [${d.lo.toString()}, ${d.hi.toString()}]^m of ${target.id}`,
  };
}

/** Hypothesis `away-from-grid`: every coordinate at distance ≥ η from every interior grid point. */
export function nearInteriorGrid(grid: AxisGrid, eta: Rational, x: readonly Decimal[]): HypothesisFailure | undefined {
  for (let i = 0; i < x.length; i++) {
    const d = distanceToInteriorGrid(grid, Rational.fromDecimal(x[i]!));
    if (d !== undefined && d.lt(eta)) {
      return {
        hypothesis: 'away-from-grid',
        reason: `x[${i}] = ${x[i]!.toString()} is at distance ${d.toString()} < eta = ${eta.toString()} from an interior grid point`,
      };
    }
  }
  return undefined;
}

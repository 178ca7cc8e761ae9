/**
 * Moduli of continuity: evaluation of `ω(t)` in interval arithmetic (and exactly, for a Lipschitz
 * modulus at a rational `t`), and the reader of a declared modulus from a probe's arguments.
 *
 * - `lipschitz`: `ω(t) = L·t`, `L ≥ 0`.
 * - `holder`: `ω(t) = C·t^α`, `C ≥ 0`, `α ∈ (0, 1]`.
 */
import type { Decimal } from 'decimal.js';
import type { Arith, Interval } from '../arith/interval.ts';
import { Rational } from '../arith/rational.ts';
import { readDecimal } from '../verdict/args.ts';
import { ArgumentError } from '../verdict/errors.ts';
import type { Modulus } from './target.ts';

/** Encloses `ω(t)` for `t ≥ 0` given as an enclosure. */
export function modulusAt(modulus: Modulus, t: Interval, A: Arith): Interval {
  if (modulus.kind === 'lipschitz') return A.mul(A.point(modulus.L), t);
  // t ≥ 0: an enclosure reaching below 0 is clipped at 0, and A.pow gives 0^α = 0 exactly (α > 0)
  return A.mul(A.point(modulus.C), A.pow(A.relu(t), A.point(modulus.alpha)));
}

/** `ω(t)` exactly, when it is rational: a Lipschitz modulus, or a Hölder one with `α = 1`. */
export function modulusAtRational(modulus: Modulus, t: Rational): Rational | undefined {
  if (modulus.kind === 'lipschitz') return Rational.fromDecimal(modulus.L).mul(t);
  if (modulus.alpha.eq(1)) return Rational.fromDecimal(modulus.C).mul(t);
  return undefined;
}

/** `ω` in TeX, for the report. */
export function modulusTex(modulus: Modulus): string {
  return modulus.kind === 'lipschitz' ? `${modulus.L.toString()}\\,t` : `${modulus.C.toString()}\\,t^{${modulus.alpha.toString()}}`;
}

/** A Lipschitz modulus `ω(t) = L·t`; throws `ArgumentError` (argument `lipschitz`) when `L < 0`. */
export function lipschitzModulus(L: Decimal): Modulus {
  if (L.lt(0)) throw new ArgumentError('lipschitz', L.toString(), 'must be ≥ 0');
  return { kind: 'lipschitz', L };
}

/** A Hölder modulus `ω(t) = C·t^α`; throws `ArgumentError` when `C < 0` or `α ∉ (0, 1]`. */
export function holderModulus(C: Decimal, alpha: Decimal): Modulus {
  if (C.lt(0)) throw new ArgumentError('holder.C', C.toString(), 'must be ≥ 0');
  if (!(alpha.gt(0) && alpha.lte(1))) throw new ArgumentError('holder.alpha', alpha.toString(), 'must be in (0, 1]');
  return { kind: 'holder', C, alpha };
}

/**
 * Reads a declared modulus from a probe's arguments: exactly one of `lipschitz` (a decimal `L ≥ 0`)
 * or `holder` (an object `{C, alpha}`, `C ≥ 0`, `alpha ∈ (0, 1]`).
 */
export function readDeclaredModulus(raw: Record<string, unknown>): Modulus {
  const hasL = raw.lipschitz !== undefined && raw.lipschitz !== null;
  const hasH = raw.holder !== undefined && raw.holder !== null;
  if (hasL && hasH) throw new ArgumentError('lipschitz', raw.lipschitz, 'must not be given together with holder (declare one modulus)');
  if (hasL) return lipschitzModulus(readDecimal(raw.lipschitz, 'lipschitz'));
  if (hasH) {
    const h = raw.holder;
    if (typeof h !== 'object' || Array.isArray(h)) {
      throw new ArgumentError('holder', h, 'must be an object {"C": …, "alpha": …}');
    }
    const o = h as Record<string, unknown>;
    return holderModulus(readDecimal(o.C, 'holder.C'), readDecimal(o.alpha, 'holder.alpha'));
  }
  throw new ArgumentError('lipschitz', undefined, 'is required (or holder): declare the modulus of f, e.g. "lipschitz": "3"');
}

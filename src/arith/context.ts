/**
 * Precision contexts: a pair of decimal.js constructors, one rounding toward −∞ and one toward +∞,
 * at a fixed number of significant digits. Precision is a parameter, never global state: every
 * computation asks for the context it needs, and contexts are immutable.
 *
 * decimal.js rounds `+ − × ÷ sqrt` correctly in the constructor's rounding mode, so `down.add(x, y)`
 * is a lower bound of `x + y` and `up.add(x, y)` an upper bound. Transcendental functions are widened
 * outward by {@link TRANSCENDENTAL_ULPS} ulps on top (see `interval.ts`).
 */
import { Decimal } from 'decimal.js';

/** Smallest working precision, in significant decimal digits. */
export const MIN_PRECISION = 10;
/**
 * Largest working precision the engine accepts. decimal.js computes trigonometric functions with
 * its stored π of 1025 digits, so precisions above 1000 are refused rather than silently wrong.
 */
export const MAX_SUPPORTED_PRECISION = 1000;

/** A fixed precision with its two directed-rounding constructors. */
export interface PrecisionContext {
  /** Significant decimal digits of every rounded result. */
  readonly precision: number;
  /** Rounds every result toward −∞ (`ROUND_FLOOR`). */
  readonly down: Decimal.Constructor;
  /** Rounds every result toward +∞ (`ROUND_CEIL`). */
  readonly up: Decimal.Constructor;
  /** Rounds to nearest, ties to even; for display only, never for a bound. */
  readonly near: Decimal.Constructor;
}

const contexts = new Map<number, PrecisionContext>();

/**
 * The context at `precision` significant digits (an integer in
 * [{@link MIN_PRECISION}, {@link MAX_SUPPORTED_PRECISION}]). Contexts are cached; they are immutable.
 */
export function precisionContext(precision: number): PrecisionContext {
  if (!Number.isInteger(precision) || precision < MIN_PRECISION || precision > MAX_SUPPORTED_PRECISION) {
    throw new RangeError(
      `precisionContext: precision must be an integer in [${MIN_PRECISION}, ${MAX_SUPPORTED_PRECISION}], got ${String(precision)}`,
    );
  }
  let ctx = contexts.get(precision);
  if (ctx === undefined) {
    const common = { precision, minE: -9e15, maxE: 9e15, toExpNeg: -7, toExpPos: 21 } as const;
    ctx = Object.freeze({
      precision,
      down: Decimal.clone({ ...common, rounding: Decimal.ROUND_FLOOR }),
      up: Decimal.clone({ ...common, rounding: Decimal.ROUND_CEIL }),
      near: Decimal.clone({ ...common, rounding: Decimal.ROUND_HALF_EVEN }),
    });
    contexts.set(precision, ctx);
  }
  return ctx;
}

/**
 * An exact decimal: the constructor used to read inputs. decimal.js does not round in its
 * constructor, so `new ExactDecimal('0.1')` is exactly one tenth whatever its precision.
 */
export const ExactDecimal: Decimal.Constructor = Decimal.clone({
  precision: 50,
  rounding: Decimal.ROUND_HALF_EVEN,
  minE: -9e15,
  maxE: 9e15,
  toExpNeg: -7,
  toExpPos: 21,
});

export type { Decimal };

/**
 * Variants of a constructed Transformer with one hypothesis of the theorem dropped, for the audits:
 * positional encoding removed, positional codes of two tokens tied, and the temperature `λ` fixed
 * instead of chosen after the FFN.
 */
import type { Decimal } from 'decimal.js';
import { ExactDecimal } from '../arith/context.ts';
import type { TransformerWeights } from './model.ts';

/** The same weights with every positional encoding set to 0. */
export function withoutPositions(W: TransformerWeights): TransformerWeights {
  return { ...W, positions: W.positions.map((row) => row.map(() => new ExactDecimal(0))) };
}

/** The same weights with token 2 given token 1's positional code (so head 1's scores tie). */
export function withTiedPositions(W: TransformerWeights): TransformerWeights {
  return { ...W, positions: W.positions.map((row, i) => (i === 1 ? W.positions[0]! : row)) };
}

/** The same weights with every query's non-zero entries replaced by `lambda`. */
export function withTemperature(W: TransformerWeights, lambda: Decimal): TransformerWeights {
  return { ...W, heads: W.heads.map((h) => ({ ...h, query: h.query.map((row) => row.map((w) => (w.isZero() ? w : lambda))) })) };
}

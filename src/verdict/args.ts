/**
 * Readers for claim arguments. Numbers arrive as decimal strings (read exactly), as JSON numbers read
 * exactly by `parseJsonLineExact` ({@link JsonNumber}, read from their literal text) or as JS numbers
 * (read from their shortest round-trip text). Every reader throws {@link ArgumentError} naming the
 * argument and value.
 */
import type { Decimal } from 'decimal.js';
import { JsonNumber } from '../cli/json-exact.ts';
import { ExactDecimal } from '../arith/context.ts';
import { ArgumentError } from './errors.ts';

/** Largest decimal exponent accepted in an input number (|x| < 10^LIMIT, and no finer than 10^−LIMIT). */
export const INPUT_EXPONENT_LIMIT = 100_000;
/** Largest number of significant digits accepted in one input number. */
export const INPUT_DIGITS_LIMIT = 10_000;

const DECIMAL_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Reads a finite decimal number exactly. */
export function readDecimal(value: unknown, argument: string): Decimal {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ArgumentError(argument, value, 'must be a finite number');
    text = String(value);
  } else if (typeof value === 'string') {
    text = value.trim();
  } else if (value instanceof JsonNumber) {
    text = value.text;
  } else {
    throw new ArgumentError(argument, value, 'must be a decimal number (a string like "0.5" or a JSON number)');
  }
  if (text.length > INPUT_DIGITS_LIMIT + 32) {
    throw new ArgumentError(argument, value, `must have at most ${INPUT_DIGITS_LIMIT} digits`);
  }
  if (!DECIMAL_PATTERN.test(text)) {
    throw new ArgumentError(argument, value, 'must be a finite decimal number such as "-1.25" or "3e-7"');
  }
  const exponentPart = /[eE]([+-]?\d+)$/.exec(text);
  if (exponentPart !== null && Math.abs(Number(exponentPart[1])) > INPUT_EXPONENT_LIMIT) {
    throw new ArgumentError(argument, value, `must have a decimal exponent within ±${INPUT_EXPONENT_LIMIT}`);
  }
  const d = new ExactDecimal(text);
  if (!d.isZero() && Math.abs(d.e) > INPUT_EXPONENT_LIMIT) {
    throw new ArgumentError(argument, value, `must have magnitude between 1e-${INPUT_EXPONENT_LIMIT} and 1e${INPUT_EXPONENT_LIMIT}`);
  }
  return d;
}

/** Reads an integer in `[min, max]` (given as a JSON number or a decimal string). */
export function readInteger(value: unknown, argument: string, min: number, max: number): number {
  const d = readDecimal(value, argument);
  if (!d.isInteger()) throw new ArgumentError(argument, value, 'must be an integer');
  if (d.lt(min) || d.gt(max)) throw new ArgumentError(argument, value, `must be an integer in [${min}, ${max}]`);
  return d.toNumber();
}

/** Reads an array of decimals with a length in `[minLength, maxLength]`. */
export function readDecimalArray(value: unknown, argument: string, minLength: number, maxLength: number): Decimal[] {
  if (!Array.isArray(value)) throw new ArgumentError(argument, value, 'must be an array of decimal numbers');
  if (value.length < minLength || value.length > maxLength) {
    throw new ArgumentError(argument, value, `must have between ${minLength} and ${maxLength} entries (has ${value.length})`);
  }
  return value.map((v, i) => readDecimal(v, `${argument}[${i}]`));
}

/** Reads a matrix: `rows` arrays (when given) of equal length `cols` in `[1, maxCols]`. */
export function readDecimalMatrix(
  value: unknown,
  argument: string,
  shape: { rows?: number; maxRows: number; maxCols: number },
): Decimal[][] {
  if (!Array.isArray(value)) throw new ArgumentError(argument, value, 'must be an array of rows');
  if (shape.rows !== undefined && value.length !== shape.rows) {
    throw new ArgumentError(argument, value, `must have ${shape.rows} rows (has ${value.length})`);
  }
  if (value.length < 1 || value.length > shape.maxRows) {
    throw new ArgumentError(argument, value, `must have between 1 and ${shape.maxRows} rows (has ${value.length})`);
  }
  const rows = value.map((row, i) => readDecimalArray(row, `${argument}[${i}]`, 1, shape.maxCols));
  const width = rows[0]!.length;
  rows.forEach((row, i) => {
    if (row.length !== width) {
      throw new ArgumentError(`${argument}[${i}]`, value[i], `must have ${width} entries like row 0 (has ${row.length})`);
    }
  });
  return rows;
}

/** Reads a non-empty string of at most `maxLength` characters (a JSON number gives its literal text). */
export function readString(value: unknown, argument: string, maxLength: number): string {
  if (value instanceof JsonNumber) return readString(value.text, argument, maxLength);
  if (typeof value !== 'string' || value.trim() === '') throw new ArgumentError(argument, value, 'must be a non-empty string');
  if (value.length > maxLength) throw new ArgumentError(argument, value, `must have at most ${maxLength} characters`);
  return value;
}

/** Reads the `args` object of a probe. */
export function readArgsObject(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof JsonNumber) {
    throw new ArgumentError('args', value, 'must be a JSON object of named arguments');
  }
  return value as Record<string, unknown>;
}

/** Throws when a required argument is absent. */
export function required(args: Record<string, unknown>, name: string): unknown {
  if (!(name in args) || args[name] === undefined || args[name] === null) {
    throw new ArgumentError(name, args[name], 'is required');
  }
  return args[name];
}

/**
 * Typed errors of the thin checking layer. Every message names the claim (or function), the
 * argument and the value given, so a user can find the mistake on their input line.
 */
import { JsonNumber } from '../cli/json-exact.ts';

/** A malformed argument: missing, of the wrong type, of the wrong shape, or out of its allowed range. */
export class ArgumentError extends Error {
  constructor(
    /** The argument's name as the user wrote it, e.g. `z[3]` or `lambda`. */
    readonly argument: string,
    /** The value given, as received (for the message). */
    readonly value: unknown,
    /** What is wrong, e.g. `must be a decimal number`. */
    readonly problem: string,
  ) {
    super(`argument ${argument} ${problem}, got ${describeValue(value)}`);
    this.name = 'ArgumentError';
  }
}

/**
 * Renders a user-supplied value for an error message: short, and never executed. A JSON number read
 * exactly ({@link JsonNumber}) appears as written, unquoted: `[1,2]`, not `["1","2"]`.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = jsonText(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** `JSON.stringify(value)`, except that a {@link JsonNumber} inside arrays and plain objects is its literal text. */
function jsonText(value: unknown): string | undefined {
  if (value instanceof JsonNumber) return value.text;
  if (Array.isArray(value)) return `[${value.map((v) => jsonText(v) ?? 'null').join(',')}]`;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype && typeof (value as { toJSON?: unknown }).toJSON !== 'function') {
    const members: string[] = [];
    for (const [k, v] of Object.entries(value)) {
      const t = jsonText(v);
      if (t !== undefined) members.push(`${JSON.stringify(k)}:${t}`);
    }
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) as string | undefined;
}

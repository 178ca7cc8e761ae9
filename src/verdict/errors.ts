/**
 * Typed errors of the thin checking layer. Every message names the claim (or function), the
 * argument and the value given, so a user can find the mistake on their input line.
 */

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

/** Renders a user-supplied value for an error message: short, and never executed. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

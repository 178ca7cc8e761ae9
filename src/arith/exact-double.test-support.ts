/**
 * Test support (not a test, never mutated): the exact value of a double as a decimal.js number, for
 * checking enclosures against references computed at high precision.
 */
import type { Decimal } from 'decimal.js';

/**
 * The exact value of the finite double `x` (`m·2^e` with an integer `m`, written out in decimal) in
 * the decimal.js constructor `Exact`, whose precision must hold it (1100 digits hold any double).
 */
export function exactOfDouble(x: number, Exact: typeof Decimal): Decimal {
  if (!Number.isFinite(x)) throw new RangeError(`exactOfDouble: ${x} is not finite`);
  if (x === 0) return new Exact(0);
  let e = 0;
  let m = x;
  while (!Number.isInteger(m)) {
    m *= 2;
    e -= 1;
  }
  return new Exact(BigInt(m).toString()).times(new Exact(2).pow(e));
}

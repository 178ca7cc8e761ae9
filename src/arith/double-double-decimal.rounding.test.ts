/**
 * `ballToSignificantDigits` prints digits that every element of the ball rounds to: whenever it prints,
 * both ends of the ball and its midpoint (exact) round, half-even, to the printed value at that many
 * digits (rounding is monotone, so the ends settle every element between them); checked on balls with
 * radii straddling `10^{D−1}` and rounding boundaries, midpoints whose integer of digits passes `2⁵³`
 * with low parts that move it (so a correction of ±1 is carried, and digit groups carry into the next),
 * and on the named inputs of the mutation run. `ballFromDecimal` reads decimals whose first
 * base-10⁷ limb begins with `10` (its digit count is then 2, not 1) exactly. Seeds are fixed so that
 * the mutation run is reproducible.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from './context.ts';
import { ballFromDecimal, ballToSignificantDigits } from './double-double-decimal.ts';
import { DDBall } from './double-double.ts';
import { containsExactly, endsOf, Exact, lowFor, midOf } from './exact-ball.test-support.ts';

/** What decimal.js prints for `x` at `digits` significant digits, half-even, in the contexts' notation. */
const printed = (x: Decimal, digits: number): string => new ExactDecimal(x.toSignificantDigits(digits, Decimal.ROUND_HALF_EVEN)).toString();

/** Prints `b` at `digits` and, when it prints, checks that every element rounds to the text; returns the text. */
function printedBall(b: DDBall, digits: number): string | undefined {
  const text = ballToSignificantDigits(b, digits);
  if (text !== undefined) for (const x of [...endsOf(b), midOf(b)]) expect(printed(x, digits), `${b.toString()} at ${digits}: ${text}`).toBe(text);
  return text;
}

describe('ballToSignificantDigits prints only what every element rounds to', () => {
  it('declines a ball reaching 0.3 below 10^{D−1}, whose lower elements print on the finer grid', () => {
    expect(printedBall(new DDBall(100, 0, 0.3), 3)).toBeUndefined(); // 99.7 prints 99.7 at 3 digits
    expect(printedBall(new DDBall(100.2, 0, 0.3), 3)).toBeUndefined();
    expect(printedBall(new DDBall(1000, 0, 0.06), 4)).toBeUndefined();
    expect(printedBall(new DDBall(100, 0, 0.04), 3)).toBe('100'); // down to 99.96, which rounds to 100
  });

  it('prints integers of digits at and beyond 2⁵³ with low parts that change the last digit', () => {
    expect(printedBall(new DDBall(2 ** 53, 1, 0), 16)).toBe('9007199254740993');
    expect(printedBall(new DDBall(2 ** 53, -1, 0), 16)).toBe('9007199254740991');
    expect(printedBall(new DDBall(2251799813685248.5, -0.25, 0), 16)).toBe('2251799813685248'); // …248.25
    expect(printedBall(new DDBall(2251799813685248.5, 0.375, 0), 16)).toBe('2251799813685249'); // …248.875
    expect(printedBall(new DDBall(12345678909999998976, 1024, 0), 20)).toBe('12345678910000000000'); // the low group carries
    expect(printedBall(new DDBall(12345678909999998976, 1023, 0), 20)).toBe('12345678909999999999');
    // hi's last ten digits are 10¹⁰ − lo: the low group reaches 10¹⁰ and carries into the high one
    expect(printedBall(new DDBall(2.021831692672e22, 1441792, 0), 23)).toBe('2.021831692672e+22');
    expect(printedBall(new DDBall(8.650123706139e22, 6097920, 0), 23)).toBe('8.650123706139e+22');
    expect(printedBall(new DDBall(8.650123706139e22, 6097919, 0), 23)).toBe('8.6501237061389999999999e+22');
  });

  it('for random balls beside 10^{D−1}, 2⁵³ and rounding boundaries', () => {
    const around = fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 26 }), fc.integer({ min: -3, max: 3 })).map(([d, k]) => [10 ** (d - 1) + k * 0.01, d] as const),
      fc.tuple(fc.integer({ min: 16, max: 22 }), fc.double({ min: 0.9, max: 1.1, noNaN: true })).map(([d, f]) => [f * 10 ** (d - 1), d] as const),
      fc.tuple(fc.integer({ min: -40, max: 40 }), fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: 1, max: 26 })).map(([e, f, d]) => [(Math.round(f * 2) / 2) * 10 ** e, d] as const),
    );
    const probe = around.chain(([hi, digits]) =>
      fc.tuple(lowFor(hi), fc.constantFrom(0, 0.01, 0.044, 0.046, 0.3, 2 ** -60, hi * 2 ** -80), fc.boolean()).map(([lo, rad, negative]) => [new DDBall(negative ? -hi : hi, negative ? -lo : lo, rad), digits] as const),
    );
    fc.assert(fc.property(probe, ([b, digits]) => void printedBall(b, digits)), { numRuns: 300, seed: 301 });
  });
});

describe('ballFromDecimal', () => {
  it('counts the digits of a first limb beginning with 10', () => {
    for (const text of ['10', '1.05', '-100.5', '1000000.1', '10.000001', '1000000000000', '1.0000001e-30']) {
      const b = ballFromDecimal(new DDBall(), new ExactDecimal(text));
      expect(b !== undefined && containsExactly(b, new Exact(text)), `${text}: ${b?.toString()}`).toBe(true);
    }
  });
});

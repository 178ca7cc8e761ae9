/**
 * The fast readers against the full reader, and the balls around `m·10^e` next to powers of two.
 *
 * Differential: for strings drawn from the characters a decimal is written with (digits, signs, `.`,
 * `e`, `E`) and a few that are not, `readSmallDecimal` and `readWideDecimal` either decline or read
 * exactly the value `readDecimal` (`src/verdict/args.ts`) reads; where the full reader refuses the
 * text, both decline (the fast path must accept a strict subset of what the full reader accepts).
 *
 * Balls: `ballOfScaledInteger(m, e)` for `m·10^e` just beside a power of two, where the rounded product
 * or quotient lands on the power of two and its correction is at least a quarter of an ulp; the ball
 * must be a normalised double-double enclosing `m·10^e` exactly (radius 0 for `e ≥ 0`, where the
 * product is exact). The seeds are fixed so that the mutation run is reproducible.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDecimal } from '../verdict/args.ts';
import { ballOfScaledInteger, bigMantissa, onCommonScaleWide, readSmallDecimal, readWideDecimal } from './double-double-input.ts';
import { DDBall } from './double-double.ts';
import { containsExactly, Exact, isNormalised } from './exact-ball.test-support.ts';

/** The exact value the full reader reads, or undefined when it throws. */
function fullRead(text: string): InstanceType<typeof Exact> | undefined {
  try {
    return new Exact(readDecimal(text, 'x'));
  } catch {
    return undefined;
  }
}

const valueOf = (mantissa: bigint, exponent: number): InstanceType<typeof Exact> => new Exact(mantissa.toString()).times(new Exact(10).pow(exponent));

function expectSubsetOfFullReader(text: string): void {
  const full = fullRead(text);
  const small = readSmallDecimal(text);
  const wide = readWideDecimal(text);
  if (full === undefined) {
    expect(small, `readSmallDecimal(${JSON.stringify(text)})`).toBeUndefined();
    expect(wide, `readWideDecimal(${JSON.stringify(text)})`).toBeUndefined();
    return;
  }
  if (small !== undefined) expect(valueOf(BigInt(small.mantissa), small.exponent).eq(full), `readSmallDecimal(${JSON.stringify(text)})`).toBe(true);
  if (wide !== undefined) expect(valueOf(bigMantissa(wide), wide.exponent).eq(full), `readWideDecimal(${JSON.stringify(text)})`).toBe(true);
}

describe('the fast readers read a subset of what the full reader reads, with the same value', () => {
  it('at malformed exponents and digits', () => {
    for (const text of ['1e5.', '1e1-', '1e-5+', '1e5/', '1e+', '1e5 ', '1e.5', '2e0-1', '12345678901234567890e5.', '12345678901234567890e1-', '1e05', '-0.000e-3', '1.5E+2']) expectSubsetOfFullReader(text);
    expect(readSmallDecimal('1e05')).toEqual({ mantissa: 1, exponent: 5 });
  });

  it('for random strings of decimal characters', () => {
    const piece = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('0', '1', '5', '9', '12', '000', '123456789') },
      { weight: 2, arbitrary: fc.constantFrom('e', 'E', '.', '-', '+') },
      { weight: 1, arbitrary: fc.constantFrom('/', ':', ' ', 'x', ',') },
    );
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), (pieces) => expectSubsetOfFullReader(pieces.join(''))), { numRuns: 400, seed: 201 });
  });
});

describe('ballOfScaledInteger beside powers of two', () => {
  /** Integers m with m·10^e within a few units of 2^k (both signs). */
  function besidePowersOfTwo(e: number): number[] {
    const out: number[] = [];
    for (let k = 1; k <= 120; k++) {
      const centre = e >= 0 ? Math.round(2 ** k / 10 ** e) : Math.round(2 ** k * 10 ** -e);
      for (let d = -1; d <= 1; d++) {
        const m = centre + d;
        if (m > 0 && m <= 2 ** 53) out.push(m, -m);
      }
    }
    return out;
  }

  it('encloses m·10^e exactly in a normalised ball for 0 ≤ e ≤ 22 (radius 0) and −22 ≤ e < 0', () => {
    for (let e = -22; e <= 22; e++) {
      for (const m of besidePowersOfTwo(e)) {
        const b = ballOfScaledInteger(new DDBall(), m, e)!;
        const label = `${m}e${e}: ${b.toString()}`;
        expect(isNormalised(b), label).toBe(true);
        // e ≥ 0: hi and lo are integers, compared as BigInts
        if (e >= 0) expect([b.rad, BigInt(b.hi) + BigInt(b.lo)], label).toEqual([0, BigInt(m) * 10n ** BigInt(e)]);
        else expect(containsExactly(b, new Exact(`${m}e${e}`)), label).toBe(true);
      }
    }
  });
});

describe('onCommonScaleWide', () => {
  it('puts a zero written with a low exponent (0e-5) on the scale of the others', () => {
    const xs = ['0e-5', '1', '12345678901234567890'].map((t) => readWideDecimal(t)!);
    expect(onCommonScaleWide(xs)).toEqual({ scaled: [0n, 1n, 12345678901234567890n], exponent: 0 });
  });
});

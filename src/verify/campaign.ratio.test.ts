/**
 * The worst-probe comparison: cheap on doubles where they decide, exact where they do not, and
 * always the exact order of the decimal ratios.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import { ratioExceeds } from './campaign.ts';

const exceeds = (a: string, b: string): boolean => ratioExceeds(a, Number(a), b, Number(b));

describe('ratioExceeds', () => {
  it.each([
    ['0.5', '0.25', true],
    ['0.25', '0.5', false],
    ['1', '1', false],
    ['1', '0.99999999', true],
    ['0.99999999', '1', false],
    ['-2.5e-21905', '-2.6e-21905', true], // below the double range: both 0 as doubles, decided exactly
    ['-2.6e-21905', '-2.5e-21905', false],
    ['1.2e+400', '1.1e+400', true], // above it: both Infinity
    ['1e-400', '0', true],
    ['0', '1e-400', false],
    ['0.100000000000000000001', '0.1', true], // more digits than a double holds: equal doubles, exact order
    ['0.1', '0.100000000000000000001', false],
  ])('%s > %s is %s', (a, b, expected) => {
    expect(exceeds(a, b)).toBe(expected);
  });

  it('agrees with the exact comparison on 8-digit ratios of any magnitude', () => {
    const ratio = fc.tuple(fc.integer({ min: -99_999_999, max: 99_999_999 }), fc.integer({ min: -400, max: 400 })).map(([m, k]) => new ExactDecimal(`${m}e${k}`).toString());
    fc.assert(
      fc.property(ratio, ratio, (a, b) => exceeds(a, b) === new ExactDecimal(a).gt(b)),
      { numRuns: 3000, seed: 17 },
    );
    fc.assert(fc.property(ratio, (a) => !exceeds(a, a)), { numRuns: 200, seed: 18 });
  });
});

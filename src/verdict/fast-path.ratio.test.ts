/**
 * The `ratio` lhs/bound to 8 significant digits: the fast path prints what the decimal path prints,
 * also when the double quotient falls on the other side of a rounding boundary (found by the
 * agreement property of fast-path.test.ts on a fresh clone: 0.49999999500000005 was printed
 * 0.49999999 by the fast path and 0.5 by the decimal path).
 */
import { describe, expect, it } from 'vitest';
import { softmaxHardmax } from '../../proof/softmax-hardmax.ts';
import type { ClaimDefinition } from '../registry/define.ts';
import { decide } from './decide.ts';

const claim = (id: string): ClaimDefinition<unknown> => softmaxHardmax.claims.find((c) => c.id === id)! as ClaimDefinition<unknown>;

describe('the fast path’s ratio', () => {
  it('is the decimal path’s on a quotient just above a half-way point', () => {
    const raw = { z: ['0', '-1e-25', '-1e-8'], epsilon: '2e-8' };
    const fast = decide(claim('temperature'), raw);
    const decimal = decide(claim('temperature'), raw, { maxPrecision: 30 }); // below 31 digits: the decimal path
    expect(fast.arithmetic).toBe('double-double');
    expect(decimal.arithmetic).toBeUndefined();
    expect([fast.lhs, fast.bound, fast.ratio]).toEqual(['9.999999900000001e-9', '2e-8', '0.5']);
    expect(decimal.ratio).toBe('0.5');
  });

  it('agrees with the decimal path on scaled values far below the double range', () => {
    const raw = { z: ['0.5', '-0.5'], lambda: '5000' };
    const fast = decide(claim('linf'), raw);
    const decimal = decide(claim('linf'), raw, { maxPrecision: 30 });
    expect(fast.arithmetic).toBe('double-double');
    expect(fast.ratio).toBe(decimal.ratio);
    expect(fast.lhs).toBe(decimal.lhs);
  });

  it('is left out on both paths with ratio: false (what uat check asks for), and given by default', () => {
    const raw = { z: ['0', '-1e-25', '-1e-8'], epsilon: '2e-8' };
    const fast = decide(claim('temperature'), raw, { ratio: false });
    const decimal = decide(claim('temperature'), raw, { maxPrecision: 30, ratio: false });
    expect([fast.arithmetic, 'ratio' in fast, fast.lhs]).toEqual(['double-double', false, '9.999999900000001e-9']);
    expect(['ratio' in decimal, decimal.lhs]).toEqual([false, '9.999999900000001e-9']);
    expect(decide(claim('temperature'), raw, { maxPrecision: 30 }).ratio).toBe('0.5');
  });
});

/**
 * Lemma relu-partition-of-unity: the exact edge of the network-size cap, (N + 3) × (bits of a, h and x)
 * against {@link MAX_NETWORK_BITS}. Each probe puts x outside [a, b], so a probe the cap lets through
 * stops at the hypothesis `interval` (no network of 10^6 hats is built) and the test stays fast.
 *
 * The sizes: a = 0 and h = 1 count 8 bits each (one hex digit over the denominator 1), and
 * x = −16^368 counts (1 + 369 + 1) × 4 = 1484 bits (the minus sign, 369 hex digits, the denominator 1),
 * so 1500 bits per unit, and 1500 × 10^6 = 1.5·10^9 is exactly the cap.
 */
import { describe, expect, it } from 'vitest';
import { decide } from '../src/verdict/decide.ts';
import { MAX_NETWORK_BITS, sumToOne } from './relu-partition-of-unity.ts';

const x = `-${(16n ** 368n).toString()}`;

describe('the network-size cap of sum-to-one', () => {
  it('(N + 3) × 1500 bits = 1.5·10^9 exactly is allowed; one cell more is refused naming N', () => {
    expect(MAX_NETWORK_BITS).toBe(1_500_000_000);
    expect(x.length).toBe(1 + 444); // 2^1472 has 444 decimal digits
    // N + 3 = 10^6: at the cap, allowed; x < a then fails the hypothesis
    const at = decide(sumToOne, { a: '0', b: '999997', N: 999_997, x });
    expect([at.verdict, at.hypothesis]).toEqual(['inapplicable', 'interval']);
    // N + 3 = 10^6 + 1: 1500 bits over the cap
    const over = decide(sumToOne, { a: '0', b: '999998', N: 999_998, x });
    expect([over.verdict, over.reason]).toEqual([
      'error',
      'argument N is too large for numbers of this size: (N + 3) × 1500 bits exceeds 1500000000 bits; use fewer digits or a smaller N, got 999998',
    ]);
  });
});

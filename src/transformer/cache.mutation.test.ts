/**
 * The construction cache's key and its bound of 200 entries, and the argument names in
 * `readTargetArgs`'s errors. The cached targets here are refused at once (their formula throws a
 * `ConstructionRefused`), so hundreds of entries cost milliseconds.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { Interval } from '../arith/interval.ts';
import { holderModulus, lipschitzModulus } from '../targets/modulus.ts';
import type { Modulus } from '../targets/target.ts';
import { cachedConstruction, readTargetArgs, type TargetArgs } from './cache.ts';
import { ConstructionRefused } from './ridge-decomposition.ts';
import type { TheoremTarget } from './theorem-target.ts';

/** A target whose formula is refused: the construction stops at its first `textAt`. */
function refusedTarget(id: string, modulus: Modulus): TargetArgs {
  const target: TheoremTarget = {
    id,
    tokens: 2,
    modulus,
    textAt: () => {
      throw new ConstructionRefused(id, 'refused on purpose');
    },
    evaluate: (): Interval => {
      throw new RangeError('not evaluated');
    },
  };
  return { target, tokens: 2, epsilon: new Decimal('0.5') };
}

describe('cachedConstruction: the key and the bound of 200 entries', () => {
  it('keys a Hölder target without a Lipschitz constant, and caches its refusal', () => {
    const args = refusedTarget('cache-test:holder', holderModulus(new Decimal(1), new Decimal('0.5')));
    const refused = cachedConstruction(args);
    expect(refused).toBeInstanceOf(ConstructionRefused);
    expect((refused as ConstructionRefused).reason).toBe('refused on purpose');
    expect(cachedConstruction(args)).toBe(refused);
  });

  it('keeps the 200 most recent constructions and evicts the oldest', () => {
    const L = lipschitzModulus(new Decimal(1));
    const first = refusedTarget('cache-test:first', L);
    const firstResult = cachedConstruction(first);
    // 200 newer entries: whatever the cache held before, `first` is now the 201st most recent
    const newer = Array.from({ length: 200 }, (_, k) => refusedTarget(`cache-test:${k}`, L));
    const results = newer.map((a) => cachedConstruction(a));
    expect(cachedConstruction(newer[0]!)).toBe(results[0]); // the oldest of the 200 kept (no entry evicted by this hit)
    expect(cachedConstruction(newer[199]!)).toBe(results[199]);
    const again = cachedConstruction(first); // evicted: built again, a new refusal object (and it evicts newer[0])
    expect(again).not.toBe(firstResult);
    expect(again).toBeInstanceOf(ConstructionRefused);
    expect(cachedConstruction(newer[1]!)).toBe(results[1]);
  });
});

describe('readTargetArgs names the argument that is wrong', () => {
  it.each<[Record<string, unknown>, string]>([
    [{ f: 'x1', lipschitz: '1', tokens: 2, epsilon: 'half' }, 'argument epsilon must be a finite decimal number'],
    [{ f: 5, lipschitz: '1', tokens: 2, epsilon: '0.5' }, 'argument f must be a non-empty string'],
    [{ f: 'x1', lipschitz: 'one', tokens: 2, epsilon: '0.5' }, 'argument lipschitz must be a finite decimal number'],
  ])('%j', (raw, message) => {
    expect(() => readTargetArgs(raw)).toThrow(message);
  });
});

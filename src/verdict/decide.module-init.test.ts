/**
 * `decide`'s module constant, the ceiling below which a side enclosed as `[0, u]` counts as below the
 * decimal exponent range, checked on a fresh load of `decide.ts` inside the test (`vi.resetModules`,
 * then a dynamic import): the rest of the suite imports `decide.ts` at the top of its files, so its
 * constants are set outside any test, and the mutation run would run mutants of them against no test
 * that checks them.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Arith, Interval } from '../arith/interval.ts';
import type { ClaimDefinition, Evaluation } from '../registry/define.ts';

beforeEach(() => {
  vi.resetModules();
});

/** A claim of no argument whose decimal path evaluates `evaluate`. */
const claimOf = (evaluate: (A: Arith) => Evaluation): ClaimDefinition<string> => ({ id: 'ceiling', parse: () => '', hypotheses: () => undefined, evaluate: (_x, A) => evaluate(A) });

/** `e^{−10¹⁷}`, far below decimal.js's smallest positive number: the enclosure `[0, 1e−9000000000000000]`. */
const underflowing = (A: Arith): Interval => A.exp(A.point('-1e17'));

describe('decide.ts on load', () => {
  it('tells a side below the exponent range ([0, 10⁻⁹⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰]) from one enclosed as [0, u] with u in range', async () => {
    const { decide } = await import('./decide.ts');
    expect(decide(claimOf((A) => ({ lhs: underflowing(A), bound: A.point(1) })), {})).toMatchObject({
      verdict: 'holds',
      lhs: '1e-9000000000000000',
      reason: 'lhs below the decimal exponent range: the value shown is an upper bound, not 20 significant digits',
    });
    // [0, 10⁻³⁰] is an ordinary (wide) enclosure: the verdict holds, the side is not known to 20 digits
    const wide = decide(claimOf((A) => ({ lhs: A.between(0, '1e-30'), bound: A.point(1) })), {}, { maxPrecision: 40 });
    expect(wide).toMatchObject({ verdict: 'holds', lhs: '5e-31' });
    expect(wide.reason).toContain('not known to 20 significant digits');
  });
});

/**
 * `approximate`'s time of certification is a duration within the call: it is measured from the end of
 * the construction to the end of the checks, so it can never exceed the time of the whole call.
 * (No threshold on time: only the order between two measured durations.)
 */
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import { approximate } from './approximation-report.ts';
import { expressionTheoremTarget } from './theorem-target.ts';

describe('approximate: certifyMs', () => {
  it('is a duration between 0 and the duration of the whole call (x1 at ε = 1/2, 2 samples, no boxes)', () => {
    const before = performance.now();
    const r = approximate(expressionTheoremTarget('x1', 2, new ExactDecimal(1)), new ExactDecimal('0.5'), { samples: 2, maxBoxes: 0, modulusPairs: 2 });
    const whole = performance.now() - before;
    expect(r.certifyMs).toBeGreaterThanOrEqual(0);
    expect(r.certifyMs).toBeLessThanOrEqual(Math.ceil(whole));
    expect(r.resources.constructionMs + r.certifyMs).toBeLessThanOrEqual(Math.ceil(whole) + 1);
  });
});

/**
 * The fast path (double-double balls) against the decimal path: on every probe the fast path
 * takes, it must give the verdict, the digits of both sides and the ratio that decimal.js interval
 * arithmetic gives; it must be taken exactly where documented (simple decimals, hypotheses holding,
 * at most FAST_PATH_MAX_DIGITS digits) and left to the decimal path elsewhere. Kills mutants of the
 * fast hooks of `proof/softmax-hardmax.ts` and of `decideFast` in `decide.ts`.
 */
import { describe, expect, it } from 'vitest';
import { attention, l1, linf, monotone, temperature } from '../../proof/softmax-hardmax.ts';
import type { ClaimDefinition } from '../registry/define.ts';
import { decide, decideParsed, DOUBLE_DOUBLE_DIGITS, FAST_PATH_MAX_DIGITS } from './decide.ts';

const claim = (c: unknown): ClaimDefinition<unknown> => c as ClaimDefinition<unknown>;

/** Probes the fast path must take. */
const FAST: Array<[ClaimDefinition<unknown>, Record<string, unknown>]> = [
  [claim(linf), { z: ['0.25', '1', '-0.5', '0.75'], lambda: '3' }],
  [claim(linf), { z: ['1', '0'], lambda: '0.01' }],
  [claim(linf), { z: ['0', '-1', '-1'], lambda: '40' }],
  [claim(l1), { z: ['0.3', '1', '-0.5', '0.9'], lambda: '4' }],
  // wide inputs: 27-digit near ties, e^{−λΔ} far below the double range, scores over 15 decades, tiny ε and steps
  [claim(linf), { z: ['1.00000000000000000000000003', '1', '0.5'], lambda: '2e25' }],
  [claim(linf), { z: ['0', '-1', '-1'], lambda: '5000' }],
  [claim(linf), { z: ['-70773465', '50', '0.45325839', '49.99999999'], lambda: '0.02' }],
  [claim(l1), { z: ['0', '-0.001', '-0.002'], lambda: '987654.321' }],
  [claim(attention), { z: ['0', '-1', '-1'], lambda: '5000', v: [['1', '0'], ['2', '0'], ['3', '0.5']] }],
  [claim(temperature), { z: ['1', '0', '-1', '0'], epsilon: '3e-40' }],
  [claim(temperature), { z: ['-368.29197249765661138561840687', '-368.29197249765661138561840647', '-373.7'], epsilon: '0.25' }],
  [claim(monotone), { z: ['0', '-1', '-2'], lambda1: '500', lambda2: '600' }],
  [claim(monotone), { z: ['0.5', '0.25', '0.5'], lambda1: '3', lambda2: '3.000000000000000000000000001' }],
  [claim(attention), { z: ['0.3', '1', '-0.5'], lambda: '2', v: [['1', '-2', '0'], ['0', '1', '0.5'], ['3', '0.5', '-4']] }],
  [claim(attention), { z: ['1', '0.3', '-0.5'], lambda: '2', v: [['0', '0'], ['3', '1'], ['1', '0']] }],
  [claim(attention), { z: ['1', '0.3', '-0.5'], lambda: '2', v: [['0', '1'], ['-1', '2'], ['2', '-3']] }],
  [claim(attention), { z: ['2', '0', '1'], lambda: '5', v: [['1'], ['4'], ['-2']] }],
  [claim(temperature), { z: ['0', '-0.5', '-2'], epsilon: '0.1' }],
  [claim(temperature), { z: ['2', '1', '0', '1.5'], epsilon: '0.001' }],
  [claim(monotone), { z: ['0', '-0.5', '-2'], lambda1: '1', lambda2: '2' }],
  [claim(monotone), { z: ['1', '1', '0'], lambda1: '0.5', lambda2: '3' }],
  [claim(monotone), { z: ['0', '-0.5'], lambda1: '0.05', lambda2: '2.5' }],
];

/** Probes outside the fast path's reach or outside the hypotheses: the decimal path answers. */
const DECIMAL: Array<[ClaimDefinition<unknown>, Record<string, unknown>]> = [
  [claim(linf), { z: ['1', '1', '0'], lambda: '2' }], // tie: inapplicable
  [claim(linf), { z: ['1', '0'], lambda: '0' }], // λ = 0: inapplicable
  [claim(linf), { z: ['1', '0'], lambda: '-2' }],
  [claim(linf), { z: ['1'], lambda: '2' }], // one score
  [claim(linf), { z: ['1', '0'] }], // missing λ
  [claim(temperature), { z: ['1', '0'], epsilon: '1' }], // ε not below 1
  [claim(temperature), { z: ['1', '0'], epsilon: '0' }],
  [claim(temperature), { z: ['1', '1'], epsilon: '0.5' }], // tie
  [claim(temperature), { z: ['1', '0'] }],
  [claim(monotone), { z: ['0', '-1'], lambda1: '3', lambda2: '2' }], // λ1 > λ2
  [claim(monotone), { z: ['0', '-1'], lambda1: '0', lambda2: '2' }],
  [claim(monotone), { z: ['0', '-1'], lambda1: '1' }],
  [claim(monotone), { z: ['0', '-1'], lambda2: '1' }],
  [claim(monotone), { lambda1: '1', lambda2: '2' }],
  [claim(attention), { z: ['1', '1'], lambda: '2', v: [['1'], ['2']] }], // tie
  [claim(attention), { z: ['1', '0'], lambda: '0', v: [['1'], ['2']] }],
  [claim(attention), { z: ['1', '0'], lambda: '2', v: [['1'], ['2', '3']] }], // ragged
  [claim(attention), { z: ['1', '0'], lambda: '2' }],
];

describe('fast path', () => {
  it.each(FAST.map(([c, raw]) => [c.id, JSON.stringify(raw), c, raw] as const))('%s %s: taken, and agrees with the decimal path', (_id, _text, c, raw) => {
    const fast = decide(c, raw);
    const slow = decideParsed(c, c.parse(raw));
    expect(fast.arithmetic).toBe('double-double');
    expect(slow.arithmetic).toBeUndefined();
    expect(fast.verdict).toBe(slow.verdict);
    expect(fast.lhs).toBe(slow.lhs);
    expect(fast.bound).toBe(slow.bound);
    expect(fast.ratio).toBe(slow.ratio);
  });

  it.each(DECIMAL.map(([c, raw]) => [c.id, JSON.stringify(raw), c, raw] as const))('%s %s: left to the decimal path', (_id, _text, c, raw) => {
    const v = decide(c, raw);
    expect(v.arithmetic).toBeUndefined();
    expect(['inapplicable', 'error']).toContain(v.verdict);
  });

  it(`is taken only when the precision cap allows ${DOUBLE_DOUBLE_DIGITS} digits`, () => {
    const raw = { z: ['0.25', '1', '-0.5'], lambda: '3' };
    expect(decide(claim(linf), raw, { maxPrecision: DOUBLE_DOUBLE_DIGITS }).arithmetic).toBe('double-double');
    expect(decide(claim(linf), raw, { maxPrecision: DOUBLE_DOUBLE_DIGITS - 1 }).arithmetic).toBeUndefined();
  });

  it(`is taken up to ${FAST_PATH_MAX_DIGITS} digits and not beyond`, () => {
    const raw = { z: ['0.25', '1', '-0.5'], lambda: '3' };
    expect(FAST_PATH_MAX_DIGITS).toBe(26);
    const at = decide(claim(linf), raw, { digits: FAST_PATH_MAX_DIGITS });
    const beyond = decide(claim(linf), raw, { digits: FAST_PATH_MAX_DIGITS + 1 });
    expect(at.arithmetic).toBe('double-double');
    expect(beyond.arithmetic).toBeUndefined();
    expect(beyond.lhs!.startsWith(at.lhs!.slice(0, -2))).toBe(true);
    expect(at.lhs).toBe(decideParsed(claim(linf), claim(linf).parse(raw), { digits: FAST_PATH_MAX_DIGITS }).lhs);
  });
});

describe('attention takes the largest column', () => {
  it('is left to the decimal path when two columns cannot be ordered, whatever the columns after them', () => {
    // columns 0 and 1 are equal (their balls cannot be ordered); column 2 is smaller
    const raw = { z: ['1', '0', '0.5'], lambda: '2', v: [['1', '1', '1'], ['3', '3', '1.5'], ['0', '0', '0.5']] };
    const v = decide(claim(attention), raw);
    const slow = decideParsed(claim(attention), claim(attention).parse(raw));
    expect(v.arithmetic).toBeUndefined();
    expect([v.verdict, v.lhs, v.bound]).toEqual([slow.verdict, slow.lhs, slow.bound]);
  });
});

describe('fast hooks decline without throwing', () => {
  // each guard returns undefined; removing one would dereference undefined and throw (which decide would hide)
  const declined: Array<[ClaimDefinition<unknown>, Record<string, unknown>]> = [
    [claim(linf), { z: '1, 0', lambda: '1' }],
    [claim(linf), { z: ['1', '1', '0'], lambda: '1' }],
    [claim(linf), { z: ['1', '0'], lambda: 'x' }],
    [claim(linf), { z: ['1', '0'], lambda: '0' }],
    [claim(linf), { z: ['1', '0'], lambda: '1e140' }], // λΔ = 10¹⁴⁰: E beyond 10¹⁵
    [claim(l1), { z: ['1', '1'], lambda: '1' }],
    [claim(l1), { z: ['1', '0'], lambda: '1e140' }],
    [claim(attention), { z: '1, 0', lambda: '2', v: [['1'], ['2']] }],
    [claim(attention), { z: ['1', '1'], lambda: '2', v: [['1'], ['2']] }],
    [claim(attention), { z: ['1', '0'], lambda: 'x', v: [['1'], ['2']] }],
    [claim(attention), { z: ['1', '0'], lambda: '2', v: [['1'], ['1']] }],
    [claim(attention), { z: ['1', '0'], lambda: '1e140', v: [['1'], ['2']] }],
    [claim(attention), { z: ['1', '0', '0'], lambda: '2', v: [['1', '0'], ['0', '1'], ['2', '1']] }], // a column mixing to exactly 0
    [claim(temperature), { z: '1, 0', epsilon: '0.5' }],
    [claim(temperature), { z: ['1', '1'], epsilon: '0.5' }],
    [claim(temperature), { z: ['1', '0'], epsilon: 'x' }],
    [claim(temperature), { z: ['1', '0'], epsilon: '1' }],
    [claim(temperature), { z: ['1', '0'], epsilon: '0' }],
    [claim(monotone), { z: '1, 0', lambda1: '1', lambda2: '2' }],
    [claim(monotone), { z: ['1', '0'], lambda1: 'x', lambda2: '2' }],
    [claim(monotone), { z: ['1', '0'], lambda1: '1', lambda2: 'x' }],
    [claim(monotone), { z: ['1', '0'], lambda1: '2', lambda2: '1' }],
    [claim(monotone), { z: ['1', '0'], lambda1: '1', lambda2: '1e140' }],
    [claim(monotone), { z: ['1', '0'], lambda1: '1e140', lambda2: '1e141' }],
    [claim(monotone), { z: ['1', '0'], lambda1: '1', lambda2: '1e16' }], // λ₂Δ = 10¹⁶: E beyond 10¹⁵ at λ₂ only
    [claim(attention), { z: ['1', '0', '0.5'], lambda: '2', v: [['1', '1'], ['2', '2'], ['0', '0']] }], // two equal columns: neither is proved larger
  ];
  it.each(declined.map(([c, raw]) => [c.id, JSON.stringify(raw), c, raw] as const))('%s %s', (_id, _text, c, raw) => {
    let result: unknown = 'threw';
    expect(() => {
      result = c.fast!(raw);
    }).not.toThrow();
    expect(result).toBeUndefined();
  });
});

/**
 * The declarations of lemma softmax-hardmax — its id, claims, finding, the hypothesis the finding
 * drops, and each claim's argument reader — checked with the module evaluated inside the test (a
 * dynamic import, nothing imported statically from it), so that what the module builds when it loads
 * is what the test sees.
 */
import { describe, expect, it } from 'vitest';

describe('lemma softmax-hardmax, as declared', () => {
  it('has its id, claims, finding and readers, and its fast path agrees with its decimal path', async () => {
    const m = await import('./softmax-hardmax.ts');
    expect(m.softmaxHardmax).toMatchObject({ kind: 'lemma', id: 'softmax-hardmax', uses: [] });
    expect(m.softmaxHardmax.claims).toEqual([m.linf, m.l1, m.attention, m.temperature, m.monotone]);
    expect(m.softmaxHardmax.claims.map((c) => c.id)).toEqual(['linf', 'l1', 'attention', 'temperature', 'monotone']);
    expect(m.softmaxHardmax.findings).toEqual([m.marginNecessary]);
    expect([m.marginNecessary.id, m.marginNecessary.drops]).toEqual(['margin-necessary', 'margin']);
    const text = (x: unknown): unknown => JSON.parse(JSON.stringify(x));
    const z = ['1', '0.5'];
    expect(text(m.linf.parse({ z, lambda: '2' }))).toEqual({ z, lambda: '2' });
    expect(text(m.l1.parse({ z, lambda: '2' }))).toEqual({ z, lambda: '2' });
    expect(text(m.attention.parse({ z, lambda: '2', v: [['1'], ['3']] }))).toEqual({ z, lambda: '2', v: [['1'], ['3']] });
    expect(text(m.temperature.parse({ z, epsilon: '0.25' }))).toEqual({ z, epsilon: '0.25' });
    expect(text(m.monotone.parse({ z, lambda1: '1', lambda2: '3' }))).toEqual({ z, lambda1: '1', lambda2: '3' });
    expect(text(m.marginNecessary.parse({ z, lambda: '2', epsilon: '0.25' }))).toEqual({ z, lambda: '2', epsilon: '0.25' });
    // In the same test (the modules load here, so this test is the one that sees their module-level
    // constants): the fast path, loaded fresh, decides and agrees with the decimal path to every digit.
    const { decide, decideParsed } = await import('../src/verdict/decide.ts');
    const probes: Array<[unknown, Record<string, unknown>]> = [
      [m.linf, { z: ['0.25', '1', '-0.5', '0.75'], lambda: '3' }],
      [m.linf, { z: ['0', '-1', '-1'], lambda: '5000' }], // e^{−λΔ} below the double range
      [m.linf, { z: ['1.00000000000000000000000003', '1', '0.5'], lambda: '2e25' }], // 27-digit scores
      [m.l1, { z: ['0.3', '1', '-0.5', '0.9'], lambda: '4' }],
      [m.attention, { z: ['0.3', '1', '-0.5'], lambda: '2', v: [['1', '-2', '0'], ['0', '1', '0.5'], ['3', '0.5', '-4']] }],
      [m.temperature, { z: ['0', '-0.5', '-2'], epsilon: '0.1' }],
      [m.monotone, { z: ['0', '-0.5', '-2'], lambda1: '1', lambda2: '2' }],
    ];
    for (const [c, raw] of probes) {
      const claim = c as typeof m.linf;
      const fast = decide(claim, raw as never);
      const slow = decideParsed(claim, claim.parse(raw));
      expect(fast.arithmetic, `${claim.id} ${JSON.stringify(raw)}`).toBe('double-double');
      expect([fast.verdict, fast.lhs, fast.bound, fast.ratio], `${claim.id} ${JSON.stringify(raw)}`).toEqual([slow.verdict, slow.lhs, slow.bound, slow.ratio]);
    }
  });
});

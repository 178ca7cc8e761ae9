/**
 * The declarations of lemma softmax-hardmax — its id, claims, finding, the hypothesis the finding
 * drops, and each claim's argument reader — checked with the module evaluated inside the test (a
 * dynamic import, nothing imported statically from it), so that what the module builds when it loads
 * is what the test sees.
 */
import { describe, expect, it } from 'vitest';

describe('lemma softmax-hardmax, as declared', () => {
  it('has its id, claims, finding and readers', async () => {
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
  });
});

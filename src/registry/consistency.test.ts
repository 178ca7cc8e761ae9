/**
 * The registry and the property files agree: every lemma has a property file, every property file
 * names a known lemma and known claims, every claim and finding has a probe, every `uses` edge
 * points to a lemma. The first test checks the repository; the others show that the check does fail
 * on each kind of inconsistency (a fixture tree in a temporary directory).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../verify/settings.ts';
import { checkConsistency } from './consistency.ts';
import { readRegistry } from './static.ts';

describe('registry consistency', () => {
  it('proof/ and properties/ agree', () => {
    const problems = checkConsistency(REPO_ROOT, readRegistry(REPO_ROOT));
    expect(problems.map((p) => `${p.where}: ${p.message}`)).toEqual([]);
  });

  it('finds at least the exemplar lemma and reads its statement from the code', () => {
    const registry = readRegistry(REPO_ROOT);
    const softmax = registry.lemmas.find((l) => l.id === 'softmax-hardmax');
    expect(softmax?.claims.map((c) => c.id)).toContain('linf');
    expect(softmax?.doc.hypotheses.map((h) => h.name)).toContain('margin');
    expect(softmax?.claims.find((c) => c.id === 'linf')?.doc.bound).toBe('$(n-1)e^{-\\lambda\\Delta}$');
  });
});

describe('the consistency check fails on each inconsistency', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'uat-consistency-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(path.join(root, 'proof'));
  mkdirSync(path.join(root, 'properties'));
  const lemmaFile = (id: string, uses: string[], claims: string[], findings: string[] = []): string =>
    [
      `/** Lemma ${id}. */`,
      ...claims.map((c, i) => `/** claim ${c} */\nexport const c${i} = defineClaim({ id: '${c}', parse: (r) => r, hypotheses: () => undefined, evaluate: () => undefined as never });`),
      ...findings.map((f, i) => `/** finding ${f} */\nexport const f${i} = defineFinding({ id: '${f}', drops: 'h', parse: (r) => r, hypotheses: () => undefined, evaluate: () => undefined as never });`),
      `export const lemma = defineLemma({ id: '${id}', uses: ${JSON.stringify(uses)}, claims: [${claims.map((_, i) => `c${i}`).join(', ')}], findings: [${findings.map((_, i) => `f${i}`).join(', ')}] });`,
    ].join('\n');
  writeFileSync(path.join(root, 'proof', 'alpha.ts'), lemmaFile('alpha', ['nowhere'], ['one', 'two'], ['needs-h']));
  writeFileSync(path.join(root, 'proof', 'beta.ts'), lemmaFile('beta', ['alpha'], ['three'], ['needs-k']));
  writeFileSync(
    path.join(root, 'properties', 'alpha.property.ts'),
    [
      "runCampaign({ lemma: 'alpha', claim: 'one', kind: 'claim' });",
      "runCampaign({ lemma: 'alpha', claim: 'missing', kind: 'claim' });",
      "runCampaign({ lemma: 'gamma', claim: 'one', kind: 'claim' });",
      "runCampaign({ lemma: 'alpha', claim: 'anything', kind: 'planted' });",
      "campaign('needs-h', 'finding', f0, arbitrary, 'domain', 10);",
    ].join('\n'),
  );
  writeFileSync(path.join(root, 'properties', 'delta.property.ts'), "runCampaign({ claim: 'one', kind: 'claim' });\n");
  // Checked inside each test (not once while the file loads), so that mutation testing sees which test covers what.
  const allMessages = (): string[] => checkConsistency(root, readRegistry(root)).map((p) => p.message);

  it('a uses edge pointing nowhere', () => expect(allMessages()).toContain('lemma alpha uses nowhere, which no proof/*.ts declares'));
  it('a lemma without a property file', () => expect(allMessages()).toContain('lemma beta has no property file properties/beta.property.ts'));
  it('a property file of no lemma', () => expect(allMessages()).toContain('property file names lemma delta, which no proof/*.ts declares'));
  it('a campaign naming an unknown lemma', () => expect(allMessages()).toContain('a campaign names lemma gamma, which no proof/*.ts declares'));
  it('a campaign naming an unknown claim', () => expect(allMessages()).toContain('a campaign names claim missing, which lemma alpha does not declare'));
  it('a claim without a probe', () => {
    const messages = allMessages();
    expect(messages).toContain('claim alpha/two has no probe (no campaign names it)');
    expect(messages).toContain('finding beta/needs-k has no probe (no campaign names it)');
    expect(messages).not.toContain('claim alpha/one has no probe (no campaign names it)');
    expect(messages).not.toContain('finding alpha/needs-h has no probe (no campaign names it)');
  });
});

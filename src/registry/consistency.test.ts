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
import { checkConsistency, propertyFiles, readProbeCalls } from './consistency.ts';
import { readRegistry } from './static.ts';

// Reads the repository's own proof/ sources as text: under mutation testing (UAT_MUTATION) those are
// Stryker's instrumented copies, which no longer have the shape of a lemma, so these two are skipped there
// (the fixture tests below still check the reader and the check).
describe.skipIf(process.env.UAT_MUTATION === '1')('registry consistency', () => {
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
    expect(checkConsistency(root, readRegistry(root))).toContainEqual({ where: 'properties/beta.property.ts', message: 'finding beta/needs-k has no probe (no campaign names it)' });
    expect(messages).not.toContain('claim alpha/one has no probe (no campaign names it)');
    expect(messages).not.toContain('finding alpha/needs-h has no probe (no campaign names it)');
  });
});

describe('the consistency check reads each way a campaign names its lemma and claim', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'uat-consistency-forms-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(path.join(root, 'proof'));
  mkdirSync(path.join(root, 'properties'));
  writeFileSync(
    path.join(root, 'proof', 'alpha.ts'),
    [
      "export const first = defineClaim({ id: 'first' });",
      "export const second = defineClaim({ id: 'second' });",
      "export const third = defineClaim({ id: 'third' });",
      "export const fourth = defineClaim({ id: 'fourth' });",
      "export const needs = defineFinding({ id: 'needs-h', drops: 'h' });",
      "export const definition = defineClaim({ id: 'fifth' });",
      "export const alphaLemma = defineLemma({ id: 'alpha', uses: [], claims: [first, second, third, fourth, definition], findings: [needs] });",
    ].join('\n'),
  );
  writeFileSync(path.join(root, 'proof', 'beta.ts'), "export const only = defineClaim({ id: 'only' });\nexport const betaLemma = defineLemma({ id: 'beta', uses: ['alpha'], claims: [only] });\n");
  writeFileSync(path.join(root, 'proof', 'twin.ts'), "export const twinLemma = defineLemma({ id: 'beta', uses: [], claims: [] });\nexport const broken = defineClaim({ id: name });\n");
  writeFileSync(
    path.join(root, 'properties', 'alpha.property.ts'),
    [
      "runCampaign({ lemma: alphaLemma.id, claim: first.id, kind: 'claim' });", // line 1: constants' .id
      "run({ lemma, definition: second, kind: 'claim' });", // line 2: shorthand lemma, claim from the definition
      "runCampaign({ lemma: lemmaId, claim: 'third', kind: `claim` });", // line 3: an identifier lemma, a template kind
      "runCampaign({ claim: needs.id, kind: 'finding' });", // line 4: no lemma: the file's
      "runCampaign({ lemma: 'alpha', definition: fourth, claim: 'renamed', kind: 'planted' });", // line 5: planted: free name
      "runCampaign({ lemma: pick('alpha'), claim: 'fourth', kind: 'claim' });", // line 6: lemma written as an expression
      "runCampaign({ lemma: 'alpha', claim: 'needs-h', kind: 'claim' });", // line 7: a finding named as a claim
      "runCampaign({ lemma: 'alpha', claim: 'first', kind: 'other' });", // line 8: not a campaign kind
      "campaign(fourth, 'claim', fourth, arbitrary);", // line 9: positional, the claim's constant
      "campaign('first', 'nonsense', first);", // line 10: positional, not a kind
      "campaign('first');", // line 11
      "runCampaign({ lemma: 'alpha', claim: 'beta-claim', kind: 'finding' });", // line 12: unknown finding
      "runCampaign({ lemma: betaLemma.id, claim: only.id, kind: 'claim' });", // line 13: another lemma's claim
      "runCampaign({ lemma: alphaLemma.name, claim: 'first', kind: 'claim' });", // line 14: a property other than .id: unread
      "runCampaign({ lemma: 'alpha', definition: first, kind: 'planted' });", // line 15: planted, no name: none from the definition
      "runCampaign({ lemma: 'alpha', claim: pickClaim(), kind: 'claim' });", // line 16: claim written as an expression
      "runCampaign({ lemma: 'alpha', claim: 'first', kind: 'finding' });", // line 17: a claim named as a finding
      "runCampaign({ lemma: 'alpha', definition, kind: 'claim' });", // line 18: shorthand definition, the claim constant of that name
    ].join('\n'),
  );
  writeFileSync(path.join(root, 'properties', 'beta.property.ts'), '');
  writeFileSync(path.join(root, 'properties', 'notes.md'), "runCampaign({ lemma: 'gamma', claim: 'x', kind: 'claim' });\n");

  it('reads every campaign call with its lemma, claim, kind and line', () => {
    const calls = readProbeCalls(root, readRegistry(root), ['properties/alpha.property.ts']);
    expect(calls.map((c) => [c.line, c.lemma, c.claim, c.kind])).toEqual([
      [1, 'alpha', 'first', 'claim'],
      [2, 'alpha', 'second', 'claim'],
      [3, 'alpha', 'third', 'claim'],
      [4, 'alpha', 'needs-h', 'finding'],
      [5, 'alpha', 'renamed', 'planted'],
      [6, undefined, 'fourth', 'claim'],
      [7, 'alpha', 'needs-h', 'claim'],
      [9, 'alpha', 'fourth', 'claim'],
      [12, 'alpha', 'beta-claim', 'finding'],
      [13, 'beta', 'only', 'claim'],
      [14, undefined, 'first', 'claim'],
      [15, 'alpha', undefined, 'planted'],
      [16, 'alpha', undefined, 'claim'],
      [17, 'alpha', 'first', 'finding'],
      [18, 'alpha', 'fifth', 'claim'],
    ]);
    expect(new Set(calls.map((c) => c.file))).toEqual(new Set(['properties/alpha.property.ts']));
  });

  it('leaves the claim of a planted campaign to its name, never to its definition', () => {
    const calls = readProbeCalls(root, readRegistry(root), ['properties/alpha.property.ts']);
    expect(calls.find((c) => c.line === 5)!.claim).toBe('renamed');
  });

  it('lists the property files, sorted, and none without a properties/ directory', () => {
    expect(propertyFiles(root)).toEqual(['properties/alpha.property.ts', 'properties/beta.property.ts']);
    expect(propertyFiles(path.join(root, 'proof'))).toEqual([]);
  });

  it('reports duplicate ids, registry problems, a claim of the wrong kind, and nothing for what it cannot read', () => {
    const problems = checkConsistency(root, readRegistry(root));
    // twin.ts declares beta again, without claims: the later declaration is the one campaigns resolve to
    expect(problems.map((p) => `${p.where}: ${p.message}`)).toEqual([
      'proof/twin.ts: defineClaim broken: the id is not a string literal',
      'proof/twin.ts: lemma id beta is also declared in proof/beta.ts',
      'properties/alpha.property.ts:7: a campaign names claim needs-h, which lemma alpha does not declare',
      'properties/alpha.property.ts:12: a campaign names finding beta-claim, which lemma alpha does not declare',
      'properties/alpha.property.ts:13: a campaign names claim only, which lemma beta does not declare',
      'properties/alpha.property.ts:17: a campaign names finding first, which lemma alpha does not declare',
      'properties/beta.property.ts: claim beta/only has no probe (no campaign names it)',
    ]);
  });

  it('checks only the property files given', () => {
    const problems = checkConsistency(root, readRegistry(root), ['properties/beta.property.ts']).map((p) => p.message);
    expect(problems).toContain('lemma alpha has no property file properties/alpha.property.ts');
    expect(problems).toContain('claim alpha/first has no probe (no campaign names it)');
    expect(problems).toContain('finding alpha/needs-h has no probe (no campaign names it)');
  });
});

/**
 * The run-time registry on fixture proof directories: which files are read, lemmas kept by brand,
 * claims named `<lemma>/<claim>` (claims before findings), a file that fails to import reported
 * instead of taken down, and a lemma id defined twice refused. Also `define.ts` itself.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../verify/settings.ts';
import { defineClaim, defineFinding, defineLemma, isLemma, type ClaimDefinition } from './define.ts';
import { claimsOf, loadRuntimeRegistry, PROOF_DIR, proofFiles } from './runtime.ts';

const root = mkdtempSync(path.join(tmpdir(), 'uat-runtime-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const DEFINE = pathToFileURL(path.join(REPO_ROOT, 'src', 'registry', 'define.ts')).href;

const lemmaFile = (id: string, claims: string[], findings: string[] = [], extra = ''): string =>
  [
    `import { defineClaim, defineFinding, defineLemma } from '${DEFINE}';`,
    ...claims.map((c, i) => `export const c${i} = defineClaim({ id: '${c}', parse: (r) => r, hypotheses: () => undefined, evaluate: () => { throw new Error('not evaluated'); } });`),
    ...findings.map((f, i) => `export const f${i} = defineFinding({ id: '${f}', drops: 'h', parse: (r) => r, hypotheses: () => undefined, evaluate: () => { throw new Error('not evaluated'); } });`),
    `export const lemma = defineLemma({ id: '${id}', uses: [], claims: [${claims.map((_, i) => `c${i}`).join(', ')}], findings: [${findings.map((_, i) => `f${i}`).join(', ')}] });`,
    extra,
  ].join('\n');

const fixture = (name: string, files: Record<string, string>): string => {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
};

const claim = (id: string): ClaimDefinition<unknown> => defineClaim({ id, parse: (r) => r, hypotheses: () => undefined, evaluate: () => undefined as never });

describe('proofFiles', () => {
  it('lists the top-level .ts files, sorted, without tests or declaration files', () => {
    const dir = fixture('files', { 'b.ts': '', 'a.ts': '', 'a.test.ts': '', 'x.d.ts': '', 'notes.md': '', 'ts': '', 'sub/c.ts': '', 'dir.ts/inner.ts': '' });
    expect(proofFiles(dir)).toEqual([path.join(dir, 'a.ts'), path.join(dir, 'b.ts')]);
  });

  it('defaults to proof/ at the repository root', () => {
    expect(PROOF_DIR).toBe(path.join(REPO_ROOT, 'proof'));
    expect(proofFiles()).toContain(path.join(REPO_ROOT, 'proof', 'softmax-hardmax.ts'));
  });
});

describe('loadRuntimeRegistry', () => {
  it('keeps every exported lemma once, in file order, and names each claim and finding', async () => {
    const dir = fixture('good', {
      'b.ts': lemmaFile('beta', ['one'], ['needs-h'], 'export const again = lemma;\nexport const notALemma = { id: "fake", uses: [], claims: [], findings: [] };'),
      'a.ts': lemmaFile('alpha', ['one', 'two']),
    });
    const registry = await loadRuntimeRegistry(dir);
    expect(registry.lemmas.map((l) => l.id)).toEqual(['alpha', 'beta']);
    expect(registry.failures).toEqual([]);
    expect([...registry.claims.entries()].map(([name, c]) => [name, c.name, c.kind, c.lemma.id, c.definition.id])).toEqual([
      ['alpha/one', 'alpha/one', 'claim', 'alpha', 'one'],
      ['alpha/two', 'alpha/two', 'claim', 'alpha', 'two'],
      ['beta/one', 'beta/one', 'claim', 'beta', 'one'],
      ['beta/needs-h', 'beta/needs-h', 'finding', 'beta', 'needs-h'],
    ]);
  });

  it('reports a file that fails to import, with the first line of the error, and keeps the others', async () => {
    const dir = fixture('failing', { 'a.ts': lemmaFile('alpha', ['one']), 'b.ts': "throw new Error('cannot load\\nsecond line');\n", 'c.ts': 'throw "a string";\n' });
    const registry = await loadRuntimeRegistry(dir);
    expect(registry.lemmas.map((l) => l.id)).toEqual(['alpha']);
    expect(registry.failures).toEqual([
      { file: path.join(dir, 'b.ts'), message: 'cannot load' },
      { file: path.join(dir, 'c.ts'), message: 'a string' },
    ]);
  });

  it('keeps file order when the imports finish in another order, and reports an importer that throws at once', async () => {
    const dir = fixture('order', { 'a.ts': lemmaFile('alpha', ['one']), 'b.ts': '', 'c.ts': lemmaFile('gamma', ['one']) });
    const byUrl = (file: string): Promise<unknown> => import(pathToFileURL(file).href);
    const importFile = (file: string): Promise<unknown> => {
      if (file.endsWith('b.ts')) throw new Error('no importer for b.ts'); // synchronously, not a rejected promise
      // a.ts finishes last
      return file.endsWith('a.ts') ? new Promise((resolve) => setTimeout(resolve, 30)).then(() => byUrl(file)) : byUrl(file);
    };
    const registry = await loadRuntimeRegistry(dir, importFile);
    expect(registry.lemmas.map((l) => l.id)).toEqual(['alpha', 'gamma']);
    expect([...registry.claims.keys()]).toEqual(['alpha/one', 'gamma/one']);
    expect(registry.failures).toEqual([{ file: path.join(dir, 'b.ts'), message: 'no importer for b.ts' }]);
  });

  it('refuses one lemma id defined in two files, naming both', async () => {
    const dir = fixture('twice', { 'a.ts': lemmaFile('same', ['one']), 'b.ts': lemmaFile('same', ['two']) });
    await expect(loadRuntimeRegistry(dir)).rejects.toThrow('loadRuntimeRegistry: lemma id same is defined twice (a.ts and b.ts)');
  });
});

describe('claimsOf', () => {
  it('puts a lemma’s claims before its findings, lemma by lemma', () => {
    const a = defineLemma({ id: 'a', uses: [], claims: [claim('x')], findings: [defineFinding({ ...claim('f'), drops: 'h' })] });
    const b = defineLemma({ id: 'b', uses: ['a'], claims: [claim('y'), claim('z')] });
    expect([...claimsOf([a, b]).keys()]).toEqual(['a/x', 'a/f', 'b/y', 'b/z']);
    expect(claimsOf([a]).get('a/f')!.kind).toBe('finding');
    expect(claimsOf([]).size).toBe(0);
  });
});

describe('define', () => {
  it('defineLemma defaults to a lemma without findings, copies and freezes, and brands the value', () => {
    const uses = ['u'];
    const lemma = defineLemma({ id: 'l', uses, claims: [claim('c')] });
    uses.push('v');
    expect(lemma).toEqual({ kind: 'lemma', id: 'l', uses: ['u'], claims: [expect.objectContaining({ id: 'c' })], findings: [] });
    expect(Object.isFrozen(lemma)).toBe(true);
    expect(Object.isFrozen(lemma.uses)).toBe(true);
    expect(Object.isFrozen(lemma.claims)).toBe(true);
    expect(Object.isFrozen(lemma.findings)).toBe(true);
    expect(isLemma(lemma)).toBe(true);
    expect(defineLemma({ kind: 'theorem', id: 't', uses: [], claims: [] }).kind).toBe('theorem');
  });

  it('isLemma is false for look-alikes and non-objects', () => {
    expect(isLemma({ kind: 'lemma', id: 'l', uses: [], claims: [], findings: [] })).toBe(false);
    expect(isLemma(null)).toBe(false);
    expect(isLemma(undefined)).toBe(false);
    expect(isLemma('lemma')).toBe(false);
    expect(isLemma({ [Symbol.for('uat-companion.lemma')]: 'yes' })).toBe(false);
    expect(isLemma({ [Symbol.for('uat-companion.lemma')]: true })).toBe(true);
  });

  it('defineLemma refuses a claim id used twice, among claims or between a claim and a finding', () => {
    expect(() => defineLemma({ id: 'l', uses: [], claims: [claim('c'), claim('c')] })).toThrow('defineLemma(l): claim id c is used twice');
    expect(() => defineLemma({ id: 'l', uses: [], claims: [claim('c')], findings: [defineFinding({ ...claim('c'), drops: 'h' })] })).toThrow('defineLemma(l): claim id c is used twice');
    expect(() => defineLemma({ id: 'l', uses: [], claims: [claim('c'), claim('d')], findings: [defineFinding({ ...claim('e'), drops: 'h' })] })).not.toThrow();
  });

  it('defineClaim and defineFinding return frozen copies', () => {
    const spec = { id: 'c', parse: (r: Record<string, unknown>) => r, hypotheses: () => undefined, evaluate: () => undefined as never };
    const c = defineClaim(spec);
    expect(c).not.toBe(spec);
    expect(c.id).toBe('c');
    expect(Object.isFrozen(c)).toBe(true);
    const f = defineFinding({ ...spec, drops: 'h' });
    expect(f.drops).toBe('h');
    expect(Object.isFrozen(f)).toBe(true);
  });
});

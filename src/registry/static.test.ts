/**
 * The static registry on small fixture files: doc comments parsed into summary and tags, lemmas,
 * claims and findings read from the code without running it, each form the reader cannot take
 * literally reported as a problem, and the dependency order.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inDependencyOrder, parseDocComment, readRegistry, type StaticLemma } from './static.ts';

describe('parseDocComment', () => {
  it('splits the summary from the tags, joins wrapped lines, keeps paragraphs and TeX', () => {
    const doc = parseDocComment(
      [
        '/**',
        ' * For $x \\in [0, 1]$,',
        ' *   $x^2 \\le x$.',
        ' *',
        ' * A second   paragraph.',
        ' *',
        ' * @hypothesis unit-interval $0 \\le x$',
        ' *   and $x \\le 1$',
        ' * @hypothesis bare',
        ' * @lhs $x^2$',
        ' * @bound $x$',
        ' * @args `x` (decimal)',
        ' * @method Multiply',
        ' * both sides.',
        ' * @reference Paper, eq. (3)',
        ' * @unknown ignored',
        ' */',
      ].join('\n'),
    );
    expect(doc).toEqual({
      summary: 'For $x \\in [0, 1]$, $x^2 \\le x$.\n\nA second paragraph.',
      hypotheses: [
        { name: 'unit-interval', text: '$0 \\le x$ and $x \\le 1$' },
        { name: 'bare', text: '' },
      ],
      lhs: '$x^2$',
      bound: '$x$',
      args: '`x` (decimal)',
      method: 'Multiply both sides.',
      reference: 'Paper, eq. (3)',
    });
  });

  it('gives undefined for absent tags, joins a repeated single tag, and reads a one-line comment', () => {
    expect(parseDocComment('/** Just a statement. */')).toEqual({
      summary: 'Just a statement.',
      hypotheses: [],
      lhs: undefined,
      bound: undefined,
      args: undefined,
      method: undefined,
      reference: undefined,
    });
    expect(parseDocComment('/**\n * S.\n * @bound one\n * @bound two\n */').bound).toBe('one two');
    expect(parseDocComment('/**\n * @method only a tag\n */')).toMatchObject({ summary: '', method: 'only a tag' });
    expect(parseDocComment('/***/').summary).toBe('');
    expect(parseDocComment('/**\n *Tight.\n*  Loose.\n */').summary).toBe('Tight. Loose.');
  });

  it('strips only a leading star, reads an indented or bare tag, keeps what follows a tag name, drops empty paragraphs', () => {
    expect(parseDocComment('/**\n Product $a * b$, no leading star.\n */').summary).toBe('Product $a * b$, no leading star.');
    expect(parseDocComment('/**\n * S.\n *   @bound $x$\n */')).toMatchObject({ summary: 'S.', bound: '$x$' });
    expect(parseDocComment('/**\n * S.\n * @method\n */')).toMatchObject({ summary: 'S.', method: '' });
    expect(parseDocComment('/**\n * @reference(2025) Paper\n */').reference).toBe('(2025) Paper');
    expect(parseDocComment('/**\n * @hypothesis\n */').hypotheses).toEqual([{ name: '', text: '' }]);
    expect(parseDocComment('/**\n *\n * S.\n */').summary).toBe('S.');
  });
});

describe('readRegistry', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'uat-static-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(path.join(root, 'proof'));
  const write = (name: string, lines: readonly string[]): void => writeFileSync(path.join(root, 'proof', name), lines.join('\n'));
  write('alpha.ts', [
    '/** The module comment of alpha. */',
    "import { defineClaim, defineLemma } from '../src/registry/define.ts';",
    '/**',
    ' * First claim: $a \\le b$.',
    ' * @bound $b$',
    ' */',
    "export const first = defineClaim({ id: 'first', parse: (r) => r });",
    '/** Second claim. */',
    'export const second = defineClaim({ id: `second`, parse: (r) => r });',
    'export const third = defineClaim({ id: "third" });',
    "/** A finding. */\nexport const needs = defineFinding({ id: 'needs-h', drops: 'h' });",
    "export const helper = somethingElse({ id: 'not-a-claim' });",
    "export const noObject = defineClaim('x');",
    'export const noArgs = defineClaim();',
    'export let plain = 3;',
    '/** Lemma alpha: it holds. @hypothesis h $h$ */',
    "export const alpha = defineLemma({ id: 'alpha', uses: ['beta', `gamma`], claims: [first, second, third], findings: [needs] });",
  ]);
  write('beta.ts', [
    '/** Beta, from the module comment.',
    ' * @reference Somewhere',
    ' */',
    "const id = 'c';",
    'export const c = defineClaim({ id });',
    "export const f = defineFinding({ id: 'f', drops });",
    "export const g = defineFinding({ id: 'g' });",
    "export const beta = defineLemma({ id: 'beta', kind: 'theorem', uses: [alphaId, 'x'], claims: [c, nowhere], findings: f });",
    "export const other = defineLemma({ id: 'odd', kind: 'corollary', uses: 'none', claims: claimsList });",
    'export const unnamed = defineLemma({ id: name, uses: [] });',
    "export const spreadish = defineLemma({ id: 'spread', ...rest, uses: [] });",
  ]);
  write('empty.ts', ['export const x = 1;']);
  write('gamma.ts', ["export const gamma = defineLemma({ id: 'gamma', kind: 'lemma', uses: [] });"]);
  write('alpha.test.ts', ["export const t = defineLemma({ id: 'test-file', uses: [] });"]);
  write('types.d.ts', ["export const d = defineLemma({ id: 'declaration-file', uses: [] });"]);
  write('notes.md', ["defineLemma({ id: 'markdown', uses: [] })"]);

  it('reads lemmas, claims and findings with their doc comments, in file order', () => {
    const { lemmas } = readRegistry(root);
    expect(lemmas.map((l) => [l.id, l.kind, l.name, l.file, l.uses])).toEqual([
      ['alpha', 'lemma', 'alpha', 'proof/alpha.ts', ['beta', 'gamma']],
      ['beta', 'theorem', 'beta', 'proof/beta.ts', ['x']],
      ['odd', 'lemma', 'other', 'proof/beta.ts', []],
      ['spread', 'lemma', 'spreadish', 'proof/beta.ts', []],
      ['gamma', 'lemma', 'gamma', 'proof/gamma.ts', []],
    ]);
    const alpha = lemmas[0]!;
    expect(alpha.doc.summary).toBe('Lemma alpha: it holds. @hypothesis h $h$');
    expect(alpha.claims.map((c) => [c.id, c.name, c.doc.summary, c.doc.bound])).toEqual([
      ['first', 'first', 'First claim: $a \\le b$.', '$b$'],
      ['second', 'second', 'Second claim.', undefined],
      ['third', 'third', '', undefined],
    ]);
    expect(alpha.findings.map((f) => [f.id, f.name, f.drops, f.doc.summary])).toEqual([['needs-h', 'needs', 'h', 'A finding.']]);
  });

  it('takes a lemma’s statement from the module comment when its declaration has none, and an empty one without either', () => {
    const { lemmas } = readRegistry(root);
    const beta = lemmas.find((l) => l.id === 'beta')!;
    expect(beta.doc.summary).toBe('Beta, from the module comment.');
    expect(beta.doc.reference).toBe('Somewhere');
    expect(lemmas.find((l) => l.id === 'gamma')!.doc).toEqual(parseDocComment('/** */'));
    expect(beta.claims).toEqual([]);
    expect(beta.findings).toEqual([]);
  });

  it('reports each form it cannot take literally, naming the file', () => {
    expect(readRegistry(root).problems).toEqual([
      { file: 'proof/beta.ts', message: 'defineClaim c: the id is not a string literal' },
      { file: 'proof/beta.ts', message: 'defineFinding f: id and drops must be string literals' },
      { file: 'proof/beta.ts', message: 'defineFinding g: id and drops must be string literals' },
      { file: 'proof/beta.ts', message: 'defineLemma beta: uses holds alphaId, not a string literal' },
      { file: 'proof/beta.ts', message: 'defineLemma beta: claims lists c, which is not a defineClaim in this file' },
      { file: 'proof/beta.ts', message: 'defineLemma beta: claims lists nowhere, which is not a defineClaim in this file' },
      { file: 'proof/beta.ts', message: 'defineLemma beta: findings is not an array literal' },
      { file: 'proof/beta.ts', message: 'defineLemma odd: kind corollary is neither lemma nor theorem' },
      { file: 'proof/beta.ts', message: 'defineLemma odd: uses is not an array literal' },
      { file: 'proof/beta.ts', message: 'defineLemma odd: claims is not an array literal' },
      { file: 'proof/beta.ts', message: 'defineLemma unnamed: the id is not a string literal' },
      { file: 'proof/empty.ts', message: 'no defineLemma declaration' },
    ]);
  });

  it('reads only the files given, relative to the root or absolute', () => {
    const { lemmas, problems } = readRegistry(root, ['proof/gamma.ts', path.join(root, 'proof', 'alpha.ts')]);
    expect(lemmas.map((l) => l.id)).toEqual(['gamma', 'alpha']);
    expect(problems).toEqual([]);
  });

  it('names a finding listed among the claims as not a defineClaim, and a claim among the findings as not a defineFinding', () => {
    mkdirSync(path.join(root, 'swapped', 'proof'), { recursive: true });
    writeFileSync(
      path.join(root, 'swapped', 'proof', 'swap.ts'),
      "export const c = defineClaim({ id: 'c' });\nexport const f = defineFinding({ id: 'f', drops: 'h' });\nexport const swap = defineLemma({ id: 'swap', uses: [], claims: [f], findings: [c] });\n",
    );
    expect(readRegistry(path.join(root, 'swapped')).problems.map((p) => p.message)).toEqual([
      'defineLemma swap: claims lists f, which is not a defineClaim in this file',
      'defineLemma swap: findings lists c, which is not a defineFinding in this file',
    ]);
  });
});

describe('readRegistry, module comments and forms it cannot read', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'uat-static-more-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(path.join(root, 'proof'));
  const write = (name: string, text: string): void => writeFileSync(path.join(root, 'proof', name), text);
  write('delta.ts', "\n\n/** Delta, the module comment after blank lines. */\nconst unused = 0;\nexport const delta = defineLemma({ id: 'delta', uses: [] });\n");
  write('epsilon.ts', "import { x } from 'y';\n/** A helper's comment, not the module comment. */\nexport const helper = 1;\nexport const epsilon = defineLemma({ id: 'epsilon', uses: [] });\n");
  write('zeta.ts', "export const m = defineClaim({ id() { return 'm'; } });\nexport const k = defineFinding({ id: someId, drops: 'h' });\nexport const zeta = defineLemma({ id: 'zeta', uses: [] });\n");

  it('takes the module comment only at the start of the file, after blank lines', () => {
    const { lemmas } = readRegistry(root);
    expect(lemmas.map((l) => [l.id, l.doc.summary])).toEqual([
      ['delta', 'Delta, the module comment after blank lines.'],
      ['epsilon', ''],
      ['zeta', ''],
    ]);
  });

  it('reports an id written as a method or an identifier, the drops being a literal', () => {
    expect(readRegistry(root).problems).toEqual([
      { file: 'proof/zeta.ts', message: 'defineClaim m: the id is not a string literal' },
      { file: 'proof/zeta.ts', message: 'defineFinding k: id and drops must be string literals' },
    ]);
  });
});

describe('inDependencyOrder', () => {
  const lemma = (id: string, uses: string[], kind: 'lemma' | 'theorem' = 'lemma'): StaticLemma => ({
    kind,
    id,
    name: id,
    file: `proof/${id}.ts`,
    uses,
    doc: parseDocComment('/** */'),
    claims: [],
    findings: [],
  });

  it('puts a lemma after what it uses, ties by id, theorems last', () => {
    const order = inDependencyOrder([lemma('t', ['c'], 'theorem'), lemma('c', ['b', 'a']), lemma('b', []), lemma('a', ['b']), lemma('d', [])]);
    expect(order.map((l) => l.id)).toEqual(['b', 'a', 'c', 'd', 't']);
  });

  it('visits what a lemma uses by id, whatever order it lists them in', () => {
    expect(inDependencyOrder([lemma('c', ['z', 'y']), lemma('z', []), lemma('y', [])]).map((l) => l.id)).toEqual(['y', 'z', 'c']);
  });

  it('orders theorems by id among themselves and after every lemma, even one a theorem does not use', () => {
    const order = inDependencyOrder([lemma('z', [], 'theorem'), lemma('y', []), lemma('x', [], 'theorem'), lemma('w', [])]);
    expect(order.map((l) => l.id)).toEqual(['w', 'y', 'x', 'z']);
  });

  it('ends on a cycle and on a missing lemma, listing each lemma once', () => {
    const order = inDependencyOrder([lemma('p', ['q', 'missing']), lemma('q', ['p'])]);
    expect(order.map((l) => l.id)).toEqual(['q', 'p']);
    expect(inDependencyOrder([lemma('s', ['s'])]).map((l) => l.id)).toEqual(['s']);
    expect(inDependencyOrder([])).toEqual([]);
  });
});

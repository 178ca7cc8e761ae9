/**
 * The scaffolder in-process (the end-to-end test runs `uat verify` on a scaffolded lemma in a copy
 * of the repository): the ids it accepts, the files it writes and refuses to overwrite, the command's
 * messages and exit statuses, and templates that the registry reads and the engine decides.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkConsistency } from '../registry/consistency.ts';
import type { ClaimDefinition, LemmaDefinition } from '../registry/define.ts';
import { readRegistry } from '../registry/static.ts';
import { decide } from '../verdict/decide.ts';
import { REPO_ROOT } from '../verify/settings.ts';
import { isProgram, LEMMA_ID, newLemmaCommand, runProgram, scaffoldLemma } from './new-lemma.ts';
import { camelCase, proofTemplate, propertyTemplate } from './templates.ts';

const base = mkdtempSync(path.join(tmpdir(), 'uat-scaffold-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
let count = 0;
/** A fresh root whose `src/` is the repository's, so that scaffolded files import the real modules. */
const freshRoot = (): string => {
  const root = path.join(base, `root-${count++}`);
  mkdirSync(root);
  symlinkSync(path.join(REPO_ROOT, 'src'), path.join(root, 'src'));
  return root;
};
const capture = () => {
  const out = { stdout: '', stderr: '' };
  return { out, sink: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
};

describe('lemma ids', () => {
  it('are lower-case words joined by single hyphens', () => {
    for (const id of ['a', 'my-lemma', 'relu-partition-of-unity', 'l2', 'x-2d']) expect(LEMMA_ID.test(id), id).toBe(true);
    for (const id of ['', 'My-lemma', '2d', '-a', 'a-', 'a--b', 'a_b', 'a b', 'a/b', '../a', 'a.ts', 'ab-C']) expect(LEMMA_ID.test(id), id).toBe(false);
  });

  it('name the constant in camel case', () => {
    expect(camelCase('relu-partition-of-unity')).toBe('reluPartitionOfUnity');
    expect(camelCase('x-2d')).toBe('x2d');
    expect(camelCase('plain')).toBe('plain');
  });
});

describe('scaffoldLemma', () => {
  it('writes the proof and the property file from the templates', () => {
    const root = freshRoot();
    expect(scaffoldLemma(root, 'my-lemma')).toEqual(['proof/my-lemma.ts', 'properties/my-lemma.property.ts']);
    expect(readFileSync(path.join(root, 'proof', 'my-lemma.ts'), 'utf8')).toBe(proofTemplate('my-lemma'));
    expect(readFileSync(path.join(root, 'properties', 'my-lemma.property.ts'), 'utf8')).toBe(propertyTemplate('my-lemma'));
  });

  it('writes next to the lemmas already there', () => {
    const root = freshRoot();
    mkdirSync(path.join(root, 'proof'));
    mkdirSync(path.join(root, 'properties'));
    writeFileSync(path.join(root, 'proof', 'other.ts'), 'other');
    expect(scaffoldLemma(root, 'second-lemma')).toEqual(['proof/second-lemma.ts', 'properties/second-lemma.property.ts']);
    expect(readFileSync(path.join(root, 'properties', 'second-lemma.property.ts'), 'utf8')).toBe(propertyTemplate('second-lemma'));
    expect(readFileSync(path.join(root, 'proof', 'other.ts'), 'utf8')).toBe('other');
  });

  it('refuses a bad id and an existing file, writing nothing', () => {
    const root = freshRoot();
    expect(() => scaffoldLemma(root, 'Bad_Id')).toThrow(new RangeError('new-lemma: id "Bad_Id" must be kebab-case (e.g. my-lemma)'));
    expect(existsSync(path.join(root, 'proof'))).toBe(false);
    mkdirSync(path.join(root, 'properties'));
    writeFileSync(path.join(root, 'properties', 'taken.property.ts'), 'mine');
    expect(() => scaffoldLemma(root, 'taken')).toThrow(new RangeError('new-lemma: properties/taken.property.ts exists already'));
    expect(existsSync(path.join(root, 'proof', 'taken.ts'))).toBe(false);
    expect(readFileSync(path.join(root, 'properties', 'taken.property.ts'), 'utf8')).toBe('mine');
    mkdirSync(path.join(root, 'proof'));
    writeFileSync(path.join(root, 'proof', 'mine.ts'), 'mine');
    expect(() => scaffoldLemma(root, 'mine')).toThrow(new RangeError('new-lemma: proof/mine.ts exists already'));
    expect(existsSync(path.join(root, 'properties', 'mine.property.ts'))).toBe(false);
  });
});

describe('npm run new-lemma', () => {
  it('says what it wrote and what to do next', () => {
    const root = freshRoot();
    const { out, sink } = capture();
    expect(newLemmaCommand(['my-lemma'], root, sink)).toBe(0);
    expect(out).toEqual({
      stdout: 'wrote proof/my-lemma.ts and properties/my-lemma.property.ts\nnext: edit the statement and the claim, then run  npm run verify -- --lemma my-lemma  and read reports/REPORT.md\n',
      stderr: '',
    });
  });

  it('exits 2 with one line for a missing, extra or bad id, or an existing lemma', () => {
    const root = freshRoot();
    const usage = 'usage: npm run new-lemma -- <id>   (id in kebab-case, e.g. my-lemma)\n';
    for (const [args, message] of [
      [[], usage],
      [['a', 'b'], usage],
      [['Nope'], 'new-lemma: id "Nope" must be kebab-case (e.g. my-lemma)\n'],
    ] as const) {
      const { out, sink } = capture();
      expect(newLemmaCommand(args, root, sink), String(args)).toBe(2);
      expect(out).toEqual({ stdout: '', stderr: message });
    }
    newLemmaCommand(['twice'], root, capture().sink);
    const { out, sink } = capture();
    expect(newLemmaCommand(['twice'], root, sink)).toBe(2);
    expect(out).toEqual({ stdout: '', stderr: 'new-lemma: proof/twice.ts exists already\n' });
  });

  it('lets any other failure through', () => {
    const root = freshRoot();
    writeFileSync(path.join(root, 'proof'), 'a file where the directory should be');
    expect(() => newLemmaCommand(['blocked'], root, capture().sink)).toThrow(/EEXIST|ENOTDIR/);
  });
});

describe('the program', () => {
  it('runs when started directly (its own file URL, or a path ending in new-lemma.ts), not when imported', () => {
    expect(isProgram('file:///repo/src/scaffold/new-lemma.ts', '/repo/src/scaffold/new-lemma.ts')).toBe(true);
    expect(isProgram('file:///copy/entry.mjs', '/copy/entry.mjs')).toBe(true);
    expect(isProgram('file:///repo/src/scaffold/x.ts', 'src/scaffold/new-lemma.ts')).toBe(true);
    expect(isProgram('file:///repo/src/scaffold/new-lemma.ts', '/repo/node_modules/vitest/vitest.mjs')).toBe(false);
    expect(isProgram('file:///repo/src/scaffold/new-lemma.ts', '/repo/src/scaffold/new-lemma.tsx')).toBe(false);
    expect(isProgram('file:///repo/src/scaffold/new-lemma.ts', undefined)).toBe(false);
  });

  /** A process whose arguments are `node <script> ...args` and whose output and exit are recorded. */
  const fakeProcess = (...args: string[]) => {
    const seen = { stdout: '', stderr: '', exits: [] as number[] };
    const proc = {
      argv: ['/usr/bin/node', '/repo/src/scaffold/new-lemma.ts', ...args],
      stdout: { write: (t: string) => void (seen.stdout += t) },
      stderr: { write: (t: string) => void (seen.stderr += t) },
      exit: (code: number) => void seen.exits.push(code),
    };
    return { proc, seen };
  };

  it('scaffolds the id after the script in the root and does not exit on success', () => {
    const root = freshRoot();
    const { proc, seen } = fakeProcess('from-program');
    runProgram(proc, root);
    expect(seen).toEqual({
      stdout: 'wrote proof/from-program.ts and properties/from-program.property.ts\nnext: edit the statement and the claim, then run  npm run verify -- --lemma from-program  and read reports/REPORT.md\n',
      stderr: '',
      exits: [],
    });
    expect(readFileSync(path.join(root, 'proof', 'from-program.ts'), 'utf8')).toBe(proofTemplate('from-program'));
  });

  it('exits 2 with the message on stderr when refused', () => {
    const root = freshRoot();
    const bad = fakeProcess('Not_Kebab');
    runProgram(bad.proc, root);
    expect(bad.seen).toEqual({ stdout: '', stderr: 'new-lemma: id "Not_Kebab" must be kebab-case (e.g. my-lemma)\n', exits: [2] });
    const none = fakeProcess();
    runProgram(none.proc, root);
    expect(none.seen).toEqual({ stdout: '', stderr: 'usage: npm run new-lemma -- <id>   (id in kebab-case, e.g. my-lemma)\n', exits: [2] });
    expect(existsSync(path.join(root, 'proof'))).toBe(false);
  });
});

describe('the templates', () => {
  it('are read by the registry: the statement, hypothesis, method, reference and claim', () => {
    const root = freshRoot();
    scaffoldLemma(root, 'worked-example');
    const registry = readRegistry(root);
    expect(registry.problems).toEqual([]);
    const [lemma] = registry.lemmas;
    expect(lemma).toMatchObject({ kind: 'lemma', id: 'worked-example', name: 'workedExample', file: 'proof/worked-example.ts', uses: [] });
    expect(lemma!.doc).toEqual({
      summary:
        'Example statement, to replace with yours: for $x \\in [0, 1]$, $x^2 \\le x$.\n\nThe doc comment above is the lemma\'s statement in the report: one sentence in notation (TeX between `$…$`), then one `@hypothesis <name> <statement>` per hypothesis, the `@method` and the `@reference`.',
      hypotheses: [{ name: 'unit-interval', text: '$0 \\le x \\le 1$' }],
      lhs: undefined,
      bound: undefined,
      args: undefined,
      method: '$x^2 = x \\cdot x \\le x \\cdot 1$ since $0 \\le x \\le 1$.',
      reference: 'Replace with the paper, section and equation the statement comes from.',
    });
    expect(lemma!.claims.map((c) => [c.id, c.name, c.doc.summary, c.doc.lhs, c.doc.bound, c.doc.args])).toEqual([['square', 'square', '$x^2 \\le x$ for $x \\in [0, 1]$.', '$x^2$', '$x$', '`x` (decimal)']]);
    expect(checkConsistency(root, registry)).toEqual([]);
  });

  it('give a lemma whose claim the engine decides: holds inside the hypothesis, inapplicable outside, error on a bad argument', async () => {
    const root = freshRoot();
    scaffoldLemma(root, 'decided-example');
    const module = (await import(path.join(root, 'proof', 'decided-example.ts'))) as { decidedExample: LemmaDefinition; square: ClaimDefinition };
    expect(module.decidedExample).toMatchObject({ kind: 'lemma', id: 'decided-example', uses: [] });
    expect(module.decidedExample.claims).toEqual([module.square]);
    const options = { digits: 10, maxPrecision: 100 };
    expect(decide(module.square, { x: '0.5' }, options)).toMatchObject({ verdict: 'holds', lhs: '0.25', bound: '0.5' });
    expect(decide(module.square, { x: '1' }, options)).toMatchObject({ verdict: 'holds', lhs: '1', bound: '1' });
    expect(decide(module.square, { x: '1.5' }, options)).toMatchObject({ verdict: 'inapplicable', hypothesis: 'unit-interval', reason: 'hypothesis unit-interval fails: x = 1.5 is not in [0, 1]' });
    expect(decide(module.square, { x: '-0.5' }, options)).toMatchObject({ verdict: 'inapplicable', hypothesis: 'unit-interval' });
    expect(decide(module.square, {}, options).verdict).toBe('error');
  });

  it('give a property file with a campaign for the claim and a planted false bound', () => {
    const text = propertyTemplate('my-lemma');
    expect(text).toContain("import { myLemma, square } from '../proof/my-lemma.ts';");
    expect(text).toContain("describe('my-lemma', () => {");
    expect(text).toContain('      lemma: myLemma.id,\n      claim: square.id,\n      kind: \'claim\',');
    expect(text).toContain("withPlantedBound(square, 'square-halved', (_args, A, original) => A.div(original.bound, A.point(2)))");
    expect(text).toContain("expect(outcome.status, summarise(outcome)).toBe('shown necessary');");
    expect(text.startsWith('/**\n * Evidence for lemma my-lemma: each claim probed by a campaign of exact decimal inputs.\n */\n')).toBe(true);
    expect(proofTemplate('my-lemma')).toContain("export const myLemma = defineLemma({\n  id: 'my-lemma',\n  uses: [],\n  claims: [square],\n});\n");
  });
});

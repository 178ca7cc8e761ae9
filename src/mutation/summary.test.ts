/**
 * The mutation summary on synthetic Stryker reports: counts per file and area, the total over the
 * areas run only, survivors explained, unexplained and stale, the Markdown, and the atomic write
 * that a malformed survivors file stops before anything is written.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MutationArea } from './areas.ts';
import type { MutantRecord, MutantStatus, MutationReport } from './stryker-report.ts';
import { codeSpan, mutantLabel, renderSummary, totalSentence } from './summary-markdown.ts';
import { summarize, type AreaInput } from './summary-model.ts';
import { gitEnvironment, producedAtOf, withoutLineRange, writeMutationSummary } from './summary.ts';
import type { SurvivorExplanation } from './survivors.ts';

const m = (file: string, line: number, status: MutantStatus, replacement = 'false', isStatic = false, mutator = 'ConditionalExpression'): MutantRecord => ({
  file,
  line,
  mutator,
  replacement,
  status,
  isStatic,
});
const report = (mutants: MutantRecord[], files = [...new Set(mutants.map((x) => x.file))].sort()): MutationReport => ({
  mutants,
  files,
  run: { concurrency: 1, force: false, testFiles: ['src/a.test.ts', 'src/b.test.ts', 'src/gone.test.ts', 'src/z.test.ts'] },
});
const why = (file: string, line: number, replacement: string, text: string): SurvivorExplanation => ({ file, line, mutator: 'ConditionalExpression', replacement, why: text });

/** Area `alpha` run (two files, a test file left in its results, a file without mutants), `beta` not run. */
function inputs(): AreaInput[] {
  const alpha = report([
    m('src/a.ts', 3, 'Killed'),
    m('src/a.ts', 4, 'Timeout'),
    m('src/a.ts', 9, 'Survived'),
    m('src/a.ts', 9, 'Survived', 'true'),
    m('src/a.ts', 1, 'Ignored', '""', true, 'StringLiteral'),
    m('src/b.ts', 5, 'Killed'),
    m('src/b.ts', 6, 'NoCoverage'),
    m('src/b.ts', 7, 'CompileError'),
    m('src/a.test.ts', 2, 'Survived'),
  ]);
  return [
    {
      name: 'alpha',
      description: 'a and b',
      run: { report: alpha, producedAt: 'committed 2026-11-24T12:00:00+00:00', areaFiles: ['src/a.ts', 'src/b.ts', 'src/types.ts'], runFiles: ['src/a.ts', 'src/b.ts', 'src/types.ts'], exists: (f) => f !== 'src/gone.test.ts' },
      explanations: [why('src/a.ts', 9, 'false', 'The test <of> a & b cannot see it.'), why('src/b.ts', 40, 'false', 'moved away')],
    },
    { name: 'beta', description: 'c', explanations: [why('src/c.ts', 1, 'false', 'not checked')] },
  ];
}

describe('summarize', () => {
  it('counts each area over its own files only and totals the areas run', () => {
    const summary = summarize(inputs());
    const alpha = summary.areas[0]?.run;
    expect(alpha?.counts).toEqual({ killed: 2, timeout: 1, survived: 2, noCoverage: 1, ignoredStatic: 1, ignoredOther: 0, errors: 1, pending: 0 });
    expect(alpha?.files.map((f) => [f.file, f.counts.killed + f.counts.timeout, f.counts.survived + f.counts.noCoverage])).toEqual([
      ['src/a.ts', 2, 2],
      ['src/b.ts', 1, 1],
    ]);
    expect(alpha?.outsideArea).toEqual(['src/a.test.ts']);
    expect(alpha?.withoutMutants).toEqual(['src/types.ts']);
    expect(alpha?.notInRun).toEqual([]);
    expect(alpha?.testFileCount).toBe(4);
    expect(alpha?.goneTestFiles).toEqual(['src/gone.test.ts']);
    expect(summary.areas[1]?.run).toBeUndefined();
    expect(summary.total).toEqual(alpha?.counts);
    expect(summary.areasRun).toEqual(['alpha']);
    expect(summary.areasNotRun).toEqual(['beta']);
  });

  it('sorts survivors into explained, unexplained and stale explanations', () => {
    const survivors = summarize(inputs()).areas[0]?.run?.survivors;
    expect(survivors?.explained).toEqual([{ mutant: m('src/a.ts', 9, 'Survived'), why: 'The test <of> a & b cannot see it.' }]);
    expect(survivors?.unexplained).toEqual([m('src/a.ts', 9, 'Survived', 'true'), m('src/b.ts', 6, 'NoCoverage')]);
    expect(survivors?.stale).toEqual([why('src/b.ts', 40, 'false', 'moved away')]);
    expect(summarize(inputs()).unexplainedCount).toBe(2);
  });

  it('lists a file the area mutates now but its run did not', () => {
    const [alpha] = inputs();
    const grown = { ...alpha!, run: { ...alpha!.run!, areaFiles: ['src/a.ts', 'src/b.ts', 'src/new.ts'], runFiles: ['src/a.ts', 'src/b.ts'] } };
    const run = summarize([grown]).areas[0]?.run;
    expect(run?.notInRun).toEqual(['src/new.ts']);
    expect(run?.withoutMutants).toEqual([]);
  });
});

describe('totalSentence', () => {
  it('says which areas the total covers', () => {
    expect(totalSentence(summarize(inputs()))).toBe('50.0 % over the 1 area run of 2 (3 of 6 scored mutants detected; 2 unexplained survivors); not run, so not covered: beta');
    expect(totalSentence(summarize(inputs().slice(0, 1)))).toBe('50.0 % over all 1 areas (3 of 6 scored mutants detected; 2 unexplained survivors)');
    expect(totalSentence(summarize(inputs().slice(1)))).toBe('no area has been run: no score');
  });
});

describe('renderSummary', () => {
  const text = renderSummary(summarize(inputs()), { writtenAt: '2026-11-24T13:00:00.000Z', survivorsFileOf: (area) => `src/mutation/survivors/${area}.json` });
  const lines = text.split('\n');

  it('has a row per area, "not run" for an area without results, and the total over the areas run', () => {
    expect(lines).toContain(
      '| alpha | 50.0 % | 6 | 3 | 2 | 1 | 1 | 0 | 1 | 1 | 2 | committed 2026-11-24T12:00:00+00:00; 4 test files; concurrency 1; unchanged mutants reused |',
    );
    expect(lines).toContain('| beta | not run |  |  |  |  |  |  |  |  |  | none |');
    expect(lines).toContain('| **the 1 area run** | **50.0 %** | 6 | 3 | 2 | 1 | 1 | 0 | 1 | 1 | 2 |  |');
    expect(lines).toContain('**Total: 50.0 % over the 1 area run of 2 (3 of 6 scored mutants detected; 2 unexplained survivors); not run, so not covered: beta.**');
  });

  it('names the areas run below the goal of 85 %, comparing exactly', () => {
    expect(lines).toContain('Below the goal of 85 %: alpha (50.0 %).');
    const [alpha] = inputs();
    const at = (killed: number, survived: number) =>
      renderSummary(summarize([{ ...alpha!, run: { ...alpha!.run!, report: report([...Array.from({ length: killed }, (_, i) => m('src/a.ts', i + 1, 'Killed')), ...Array.from({ length: survived }, (_, i) => m('src/b.ts', i + 1, 'Survived'))]) } }]), {
        writtenAt: 'now',
        survivorsFileOf: () => 's.json',
      });
    expect(at(17, 3)).toContain('Every area run meets the goal of 85 %.');
    expect(at(169, 31)).toContain('Below the goal of 85 %: alpha (84.5 %).');
    expect(at(1699, 301)).toContain('Below the goal of 85 %: alpha (84.9 %).');
  });

  it('has a row per file of the areas run', () => {
    expect(lines).toContain('| alpha | `src/a.ts` | 50.0 % | 4 | 2 | 2 | 0 | 1 | 0 | 0 |');
    expect(lines).toContain('| alpha | `src/b.ts` | 50.0 % | 2 | 1 | 0 | 1 | 0 | 0 | 1 |');
    expect(text).not.toContain('| alpha | `src/a.test.ts`');
  });

  it('lists the unexplained survivors, the stale explanations and the explained survivors with their reason', () => {
    const section = (title: string) => text.slice(text.indexOf(`## ${title}`), text.indexOf('\n## ', text.indexOf(`## ${title}`) + 1));
    expect(section('Unexplained survivors')).toContain('- `src/a.ts:9` ConditionalExpression → `"true"`\n- `src/b.ts:6` ConditionalExpression → `"false"` (no coverage)\n');
    expect(section('Stale explanations')).toContain('- `src/b.ts:40` ConditionalExpression → `"false"`\n');
    expect(section('Stale explanations')).toContain('Not checked (area not run): beta (1).');
    expect(text.slice(text.indexOf('## Explained survivors'))).toContain(
      '<details>\n<summary>alpha: 1 explained survivor</summary>\n\n- `src/a.ts:9` ConditionalExpression → `"false"`: The test &lt;of&gt; a &amp; b cannot see it.\n\n</details>',
    );
  });

  it('names the files of the results outside the area and those without mutants', () => {
    expect(text).toContain('- alpha: `src/a.test.ts` is in the results but not in the area');
    expect(text).toContain('Mutated but without any mutant (types only): `src/types.ts`.');
    expect(text).toContain('- alpha: the results hold the test file `src/gone.test.ts`, which no longer exists');
  });

  it('groups survivors sharing file, line, mutator and replacement', () => {
    const [alpha] = inputs();
    const twins = report([m('src/a.ts', 9, 'Survived', 'true'), m('src/a.ts', 9, 'NoCoverage', 'true'), m('src/a.ts', 9, 'Survived', 'true')]);
    const grouped = renderSummary(summarize([{ ...alpha!, run: { ...alpha!.run!, report: twins } }]), { writtenAt: 'now', survivorsFileOf: () => 's.json' });
    expect(grouped).toContain('- `src/a.ts:9` ConditionalExpression → `"true"` (3 mutants, 1 without coverage)\n');
  });
});

describe('codeSpan and mutantLabel', () => {
  it('hold any text exactly', () => {
    expect(codeSpan('a')).toBe('`a`');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
    expect(mutantLabel({ file: 'src/x.ts', line: 2, mutator: 'StringLiteral', replacement: '`${a}`' })).toBe('`src/x.ts:2` StringLiteral → ``"`${a}`"``');
  });
});

describe('writeMutationSummary', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  /** A repository with src/a.ts, src/b.ts, proof/p.ts, area alpha run and area beta not. */
  function repository(): { root: string; areas: MutationArea[] } {
    const root = mkdtempSync(path.join(os.tmpdir(), 'uat-mutation-summary-'));
    roots.push(root);
    for (const dir of ['src', 'proof', 'reports/mutation', 'src/mutation/survivors']) mkdirSync(path.join(root, dir), { recursive: true });
    for (const file of ['src/a.ts', 'src/b.ts', 'proof/p.ts']) writeFileSync(path.join(root, file), 'export {};\n');
    const mutant = (status: string, line: number) => ({ id: String(line), mutatorName: 'ConditionalExpression', replacement: 'false', status, static: false, location: { start: { line, column: 1 }, end: { line, column: 2 } } });
    const stryker = { files: { 'src/a.ts': { mutants: [mutant('Killed', 1), mutant('Survived', 2), mutant('Killed', 3)] } }, config: { mutate: ['src/a.ts'], concurrency: 1, force: true } };
    writeFileSync(path.join(root, 'reports/mutation/alpha.incremental.json'), JSON.stringify(stryker));
    const areas = [
      { name: 'alpha', description: 'a', mutate: ['src/a.ts'], tests: [] },
      { name: 'beta', description: 'b and p', mutate: ['src/b.ts', 'proof/*.ts'], tests: [] },
    ];
    return { root, areas };
  }

  it('writes SUMMARY.md from the files of the repository, leaving no temporary file', () => {
    const { root, areas } = repository();
    writeFileSync(path.join(root, 'src/mutation/survivors/alpha.json'), JSON.stringify([why('src/a.ts', 2, 'false', 'Equivalent: both branches return 0.')]));
    const { totalLine, file } = writeMutationSummary({ root, areas }, new Date('2026-11-24T13:00:00Z'));
    expect(totalLine).toBe('mutation score 66.6 % over the 1 area run of 2 (2 of 3 scored mutants detected; 0 unexplained survivors); not run, so not covered: beta; reports/mutation/SUMMARY.md');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('Written 2026-11-24T13:00:00.000Z');
    expect(text).toMatch(/\| alpha \| 66\.6 % \| 3 \| 2 \| 1 \| 0 \| 0 \| 0 \| 0 \| 1 \| 0 \| written [0-9T:.Z-]+(, not committed)?; concurrency 1; every mutant re-tested \(--force\) \|/);
    expect(text).toContain('- `src/a.ts:2` ConditionalExpression → `"false"`: Equivalent: both branches return 0.');
    expect(readdirSync(path.join(root, 'reports/mutation')).sort()).toEqual(['SUMMARY.md', 'alpha.incremental.json']);
  });

  it('stops at a malformed survivors file, naming the file and the entry, and keeps the previous summary', () => {
    const { root, areas } = repository();
    const summaryFile = path.join(root, 'reports/mutation/SUMMARY.md');
    writeFileSync(summaryFile, 'previous');
    writeFileSync(path.join(root, 'src/mutation/survivors/beta.json'), JSON.stringify([why('src/b.ts', 1, 'false', 'fine'), { ...why('src/b.ts', 2, 'false', ''), why: '' }]));
    expect(() => writeMutationSummary({ root, areas })).toThrow('src/mutation/survivors/beta.json: entry 1: "why" is empty');
    expect(readFileSync(summaryFile, 'utf8')).toBe('previous');
  });

  it('stops at a survivors file named after no area', () => {
    const { root, areas } = repository();
    writeFileSync(path.join(root, 'src/mutation/survivors/alfa.json'), '[]');
    expect(() => writeMutationSummary({ root, areas })).toThrow('src/mutation/survivors/alfa.json: not the survivors file of an area (they are <area>.json, the areas alpha, beta)');
  });

  it('stops at a malformed results file, naming it', () => {
    const { root, areas } = repository();
    writeFileSync(path.join(root, 'reports/mutation/alpha.incremental.json'), '{"files": ');
    expect(() => writeMutationSummary({ root, areas })).toThrow(/^reports\/mutation\/alpha\.incremental\.json: not JSON/);
    expect(existsSync(path.join(root, 'reports/mutation/SUMMARY.md'))).toBe(false);
  });
});

describe('withoutLineRange', () => {
  it("drops a Stryker line range from a mutate pattern and leaves a glob alone", () => {
    expect(withoutLineRange('src/x.ts:10-20')).toBe('src/x.ts');
    expect(withoutLineRange('src/x.ts:5:4-6:4')).toBe('src/x.ts');
    expect(withoutLineRange('src/x.ts:5-6:4')).toBe('src/x.ts');
    expect(withoutLineRange('src/**/*.ts')).toBe('src/**/*.ts');
    expect(withoutLineRange('!src/**/*.test.ts')).toBe('!src/**/*.test.ts');
  });
});

describe('producedAtOf', () => {
  it('gives the commit date of a committed results file, and its modification time once it differs from the commit', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'uat-mutation-git-'));
    try {
      const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: root, stdio: 'pipe', env: gitEnvironment() });
      const file = path.join(root, 'r.json');
      writeFileSync(file, '{}');
      git('init', '-q');
      expect(producedAtOf(file, root)).toMatch(/^written \d{4}-\d\d-\d\dT[\d:.]+Z, not committed$/);
      git('add', 'r.json');
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'r'], { cwd: root, stdio: 'pipe', env: { ...gitEnvironment(), GIT_COMMITTER_DATE: '2026-11-24T10:00:00+00:00' } });
      expect(producedAtOf(file, root)).toBe('committed 2026-11-24T10:00:00+00:00');
      writeFileSync(file, '{"files": {}}');
      expect(producedAtOf(file, root)).toMatch(/^written .*Z, not committed$/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

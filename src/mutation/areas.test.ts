/**
 * The mutation areas against the repository as it is: they partition the scope exactly (every
 * non-test `.ts` file of `src/` and `proof/` outside `src/bench/` and `src/mutation/` is mutated by
 * exactly one area), Stryker is given exactly those files (never a test file), and every area runs
 * at least one test file that vitest.mutate.config.ts does not exclude.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import mutateConfig from '../../vitest.mutate.config.ts';
import { MUTATION_AREAS } from './areas.ts';
import { REPOSITORY_ROOT, survivorsFileOf } from './files.ts';
import { strykerOptionsOf } from './run.ts';
import { checkSurvivorFileNames } from './summary.ts';
import { parseSurvivorExplanations } from './survivors.ts';
import { NEVER_MUTATED, SCOPE_ROOTS, filesInScope, filesSelectedBy, typeScriptFilesUnder } from './scope.ts';

const allFiles = typeScriptFilesUnder(REPOSITORY_ROOT);
const scope = filesInScope(allFiles);
const testFiles = allFiles.filter((f) => f.endsWith('.test.ts'));

describe('the mutation scope', () => {
  it('holds the non-test .ts files of src/ and proof/ except test support, src/bench/ and src/mutation/', () => {
    const expected = allFiles.filter(
      (f) =>
        !f.endsWith('.test.ts') &&
        !f.endsWith('.test-support.ts') &&
        !f.startsWith('src/bench/') &&
        !f.startsWith('src/mutation/') &&
        (f.startsWith('src/') || f.startsWith('proof/')),
    );
    expect(scope).toEqual(expected);
    expect(scope).toContain('src/arith/interval.ts');
    expect(scope).toContain('proof/softmax-hardmax.ts');
    expect(scope).not.toContain('src/mutation/run.ts');
    expect(scope).not.toContain('src/arith/exact-double.test-support.ts');
  });

  it('is the scope stryker.config.json declares', () => {
    const config = JSON.parse(readFileSync(path.join(REPOSITORY_ROOT, 'stryker.config.json'), 'utf8')) as { mutate: string[] };
    expect([...config.mutate].sort()).toEqual([...SCOPE_ROOTS.map((top) => `${top}/**/*.ts`), ...NEVER_MUTATED.map((g) => `!${g}`)].sort());
  });
});

describe('the mutation areas', () => {
  it('have distinct names', () => {
    const names = MUTATION_AREAS.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('mutate every file of the scope in exactly one area', () => {
    const filesOf = MUTATION_AREAS.map((a) => ({ name: a.name, files: new Set(filesSelectedBy(a.mutate, scope)) }));
    const owners = scope.map((file) => ({ file, areas: filesOf.filter((a) => a.files.has(file)).map((a) => a.name) }));
    expect(owners.filter((o) => o.areas.length !== 1)).toEqual([]);
  });

  it('have no mutate glob that selects nothing in the scope', () => {
    const idle = MUTATION_AREAS.flatMap((a) => a.mutate.filter((g) => filesSelectedBy([g], scope).length === 0).map((g) => `${a.name}: ${g}`));
    expect(idle).toEqual([]);
  });

  it('give Stryker exactly their files of the scope, never a test file', () => {
    for (const area of MUTATION_AREAS) {
      const given = filesSelectedBy(strykerOptionsOf(area, 1, false).mutate, allFiles);
      expect(given, area.name).toEqual(filesSelectedBy(area.mutate, scope));
      expect(given.filter((f) => f.endsWith('.test.ts')), area.name).toEqual([]);
    }
  });

  it('have test globs without commas (run.ts joins them with commas into UAT_MUTATION_TESTS, which vitest.mutate.config.ts splits)', () => {
    expect(MUTATION_AREAS.flatMap((a) => a.tests.filter((g) => g.includes(',')))).toEqual([]);
  });

  it('each run at least one test file that vitest.mutate.config.ts does not exclude', () => {
    const excluded = (mutateConfig.test?.exclude ?? []) as string[];
    expect(excluded).toContain('src/report/report.test.ts');
    const runnable = testFiles.filter((f) => filesSelectedBy(excluded, [f]).length === 0);
    expect(runnable).not.toContain('src/report/report.test.ts');
    const withoutTests = MUTATION_AREAS.filter((a) => filesSelectedBy(a.tests, runnable).length === 0).map((a) => a.name);
    expect(withoutTests).toEqual([]);
  });
});

describe('the survivors files of the repository', () => {
  it('are each named after an area and well-formed (so a mistake shows here, not at the end of a Stryker run)', () => {
    expect(() => checkSurvivorFileNames()).not.toThrow();
    for (const area of MUTATION_AREAS) {
      const file = survivorsFileOf(area.name);
      if (existsSync(file)) expect(() => parseSurvivorExplanations(readFileSync(file, 'utf8'), path.relative(REPOSITORY_ROOT, file))).not.toThrow();
    }
  });
});

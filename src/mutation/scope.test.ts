/** Glob selection as Stryker does it for `mutate`: in order, `!` removing, no dot files. */
import { describe, expect, it } from 'vitest';
import { filesInScope, filesSelectedBy, matchesGlob } from './scope.ts';

const files = ['src/a.ts', 'src/a.test.ts', 'src/deep/b.ts', 'src/.hidden/c.ts', 'proof/p.ts', 'src/bench/x.ts', 'src/mutation/run.ts', 'other/o.ts'];

describe('filesSelectedBy', () => {
  it('adds what a glob matches and removes what a negated one matches, in order', () => {
    expect(filesSelectedBy(['src/**/*.ts'], files)).toEqual(['src/a.ts', 'src/a.test.ts', 'src/deep/b.ts', 'src/bench/x.ts', 'src/mutation/run.ts']);
    expect(filesSelectedBy(['src/**/*.ts', '!src/**/*.test.ts'], files)).toEqual(['src/a.ts', 'src/deep/b.ts', 'src/bench/x.ts', 'src/mutation/run.ts']);
    expect(filesSelectedBy(['!src/**/*.test.ts', 'src/**/*.ts'], files)).toContain('src/a.test.ts');
    expect(filesSelectedBy([], files)).toEqual([]);
  });

  it('keeps the order of the files given', () => {
    expect(filesSelectedBy(['proof/*.ts', 'src/a.ts'], files)).toEqual(['src/a.ts', 'proof/p.ts']);
  });

  it('matches no dot folder, like Stryker', () => {
    expect(matchesGlob('src/.hidden/c.ts', 'src/**/*.ts')).toBe(false);
    expect(matchesGlob('src/deep/b.ts', 'src/*.ts')).toBe(false);
    expect(matchesGlob('src/deep/b.ts', 'src/**/b.ts')).toBe(true);
  });
});

describe('filesInScope', () => {
  it('leaves out tests, the benchmark, this folder and files outside src/ and proof/', () => {
    expect(filesInScope(files)).toEqual(['src/a.ts', 'src/deep/b.ts', 'proof/p.ts']);
  });
});

/**
 * The scope of `npm run mutate`: every `.ts` file of `src/` and `proof/` except test files and test
 * support (`*.test-support.ts`), the benchmark (`src/bench/`) and this folder, and the glob matching that decides which files an
 * area's `mutate` and `tests` globs name.
 *
 * Globs are matched as Stryker matches its `mutate` patterns (minimatch, no dot files, patterns
 * relative to the repository root, a leading `!` removes what the earlier patterns added), so
 * what the tests of areas.ts check is what Stryker mutates.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Minimatch, minimatch } from 'minimatch';

/** The folders whose `.ts` files are in scope. */
export const SCOPE_ROOTS: readonly string[] = ['src', 'proof'];

/**
 * Never mutated, whatever an area's globs say: test files, test support, the benchmark, this folder. An area's
 * `mutate` replaces the one of stryker.config.json, so run.ts appends these, negated, to it.
 */
export const NEVER_MUTATED: readonly string[] = ['src/**/*.test.ts', 'proof/**/*.test.ts', 'src/**/*.test-support.ts', 'src/bench/**', 'src/mutation/**'];

/** Whether `file` (relative to the repository root, `/`-separated) matches `glob`. */
export function matchesGlob(file: string, glob: string): boolean {
  return minimatch(file, glob, { dot: false });
}

/**
 * The files of `files` that `globs` select, in the order of `files`: each glob adds the files it
 * matches, each `!glob` removes them (Stryker's `mutate` semantics).
 */
export function filesSelectedBy(globs: readonly string[], files: readonly string[]): string[] {
  const selected = new Set<string>();
  for (const glob of globs) {
    const negated = glob.startsWith('!');
    const matcher = new Minimatch(negated ? glob.slice(1) : glob, { dot: false });
    for (const file of files) {
      if (!matcher.match(file)) continue;
      if (negated) selected.delete(file);
      else selected.add(file);
    }
  }
  return files.filter((file) => selected.has(file));
}

/** Every `.ts` file under `root`'s `src/` and `proof/`, relative to `root`, `/`-separated, sorted. */
export function typeScriptFilesUnder(root: string): string[] {
  const files: string[] = [];
  for (const top of SCOPE_ROOTS) {
    const entries = readdirSync(path.join(root, top), { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const relative = path.relative(root, path.join(entry.parentPath, entry.name));
      files.push(relative.split(path.sep).join('/'));
    }
  }
  return files.sort();
}

/** The files of `files` in the scope of mutation testing (not a test, not excluded). */
export function filesInScope(files: readonly string[]): string[] {
  return filesSelectedBy([...SCOPE_ROOTS.map((top) => `${top}/**/*.ts`), ...NEVER_MUTATED.map((glob) => `!${glob}`)], files);
}

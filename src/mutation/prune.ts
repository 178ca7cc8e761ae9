/**
 * Before an area's run: drop from its results file (`reports/mutation/<area>.incremental.json`) the
 * files the area no longer mutates (a test file mutated by a run before test files were excluded, a
 * file moved to another area). Stryker would otherwise carry their old mutants over forever: its
 * incremental mode keeps the results of every file outside the run's `mutate` that still exists.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The files of a Stryker report's `files` object that are not in `keep`, sorted. */
export function filesOutside(report: { readonly files: Record<string, unknown> }, keep: ReadonlySet<string>): string[] {
  return Object.keys(report.files)
    .filter((file) => !keep.has(file))
    .sort();
}

/**
 * Removes from the results file `file` every file not in `keep` (written atomically, and only when
 * something is removed); returns the files removed. A missing results file is left missing.
 */
export function pruneResultsFile(file: string, keep: ReadonlySet<string>): string[] {
  if (!existsSync(file)) return [];
  const report = JSON.parse(readFileSync(file, 'utf8')) as { files: Record<string, unknown> };
  const removed = filesOutside(report, keep);
  if (removed.length === 0) return [];
  for (const name of removed) delete report.files[name];
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(temporary, JSON.stringify(report, null, 2));
  renameSync(temporary, file);
  return removed;
}

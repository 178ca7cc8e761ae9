/** Where `npm run mutate` keeps its results: `reports/mutation/` of the repository. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `reports/mutation/`: one incremental result file per area, and SUMMARY.md. */
export const MUTATION_DIR = path.join(ROOT, 'reports', 'mutation');

/** The incremental file of an area: Stryker's mutation-testing report of that area's mutants, reused by the next run. */
export function incrementalFileOf(area: string): string {
  return path.join(MUTATION_DIR, `${area}.incremental.json`);
}

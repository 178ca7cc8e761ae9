/** Where `npm run mutate` keeps its results and reads its survivor explanations, under a repository root. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The root of this repository. */
export const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `reports/mutation/`: one incremental result file per area, and SUMMARY.md. */
export function mutationDirOf(root: string = REPOSITORY_ROOT): string {
  return path.join(root, 'reports', 'mutation');
}

/** `reports/mutation/` of this repository. */
export const MUTATION_DIR = mutationDirOf();

/** The incremental file of an area: Stryker's mutation-testing report of that area's mutants, reused by the next run. */
export function incrementalFileOf(area: string, root: string = REPOSITORY_ROOT): string {
  return path.join(mutationDirOf(root), `${area}.incremental.json`);
}

/** `src/mutation/survivors/`: one file of survivor explanations per area. */
export function survivorsDirOf(root: string = REPOSITORY_ROOT): string {
  return path.join(root, 'src', 'mutation', 'survivors');
}

/** The survivor explanations of an area: `src/mutation/survivors/<area>.json`. */
export function survivorsFileOf(area: string, root: string = REPOSITORY_ROOT): string {
  return path.join(survivorsDirOf(root), `${area}.json`);
}

/** The summary of all areas: `reports/mutation/SUMMARY.md`. */
export function summaryFileOf(root: string = REPOSITORY_ROOT): string {
  return path.join(mutationDirOf(root), 'SUMMARY.md');
}

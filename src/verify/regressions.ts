/**
 * Committed regression examples: every minimal counterexample a campaign finds (a refuted claim, a
 * finding shown necessary, a planted bound refuted) is kept in `properties/regressions/<lemma>.json`,
 * keyed by claim id, and replayed first by every later campaign of that claim (fast-check
 * `examples`). The arguments are stored, not only the seed and path, so the example survives any
 * change to the generators.
 *
 * File format: `{ "<claim id>": [ { "args": {…}, "seed": <int>, "path": "<fast-check path>" }, … ] }`,
 * keys and entries in a fixed order so that the file only changes when a new counterexample appears.
 * The directory is `UAT_REGRESSIONS_DIR` when set, else `properties/regressions/` in the repository.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RawArgs } from './campaign.ts';
import { REPO_ROOT } from './settings.ts';

export interface RegressionExample {
  readonly args: RawArgs;
  readonly seed: number;
  readonly path: string | null;
}

/** At most this many examples are kept per claim (the oldest are kept: they are the ones committed). */
export const MAX_EXAMPLES_PER_CLAIM = 10;

export function regressionsDir(): string {
  const dir = process.env.UAT_REGRESSIONS_DIR;
  return dir !== undefined && dir !== '' ? dir : path.join(REPO_ROOT, 'properties', 'regressions');
}

function fileOf(lemma: string): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(lemma)) throw new RangeError(`regressions: lemma id ${JSON.stringify(lemma)} is not a kebab-case id`);
  return path.join(regressionsDir(), `${lemma}.json`);
}

function readAll(lemma: string): Record<string, RegressionExample[]> {
  const file = fileOf(lemma);
  if (!existsSync(file)) return {};
  const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`regressions: ${file} must hold an object keyed by claim id`);
  return value as Record<string, RegressionExample[]>;
}

/** The stored examples of one claim (raw arguments), oldest first. */
export function regressionExamples(lemma: string, claim: string): RawArgs[] {
  const entries = readAll(lemma)[claim] ?? [];
  return entries.map((e, i) => {
    if (typeof e !== 'object' || e === null || typeof e.args !== 'object' || e.args === null) {
      throw new Error(`regressions: ${fileOf(lemma)}: entry ${i} of ${claim} has no "args" object`);
    }
    return e.args;
  });
}

/** Stores a counterexample unless an identical one is stored already. Returns true when it was added. */
export function recordRegression(lemma: string, claim: string, example: RegressionExample): boolean {
  const all = readAll(lemma);
  const entries = all[claim] ?? [];
  const key = JSON.stringify(example.args);
  if (entries.some((e) => JSON.stringify(e.args) === key) || entries.length >= MAX_EXAMPLES_PER_CLAIM) return false;
  all[claim] = [...entries, { args: example.args, seed: example.seed, path: example.path }];
  const sorted = Object.fromEntries(Object.keys(all).sort().map((k) => [k, all[k]]));
  const file = fileOf(lemma);
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(sorted, null, 2)}\n`);
  renameSync(tmp, file);
  return true;
}

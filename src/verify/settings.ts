/**
 * Campaign settings, read once from the environment so that `npm test`, `uat verify` and vitest
 * shards agree: `UAT_RUNS` (probes per claim, overriding each campaign's default), `UAT_SEED`
 * (the fast-check seed), `UAT_RUN_DIR` (where each campaign writes its outcome), `UAT_DIGITS`
 * (significant digits of reported values, overriding each campaign's), `UAT_TIME_LIMIT_MS` (a
 * wall-clock budget per campaign part, `uat verify --time-limit`), and `UAT_PART` (`i/K`: this
 * process runs part `i` of every campaign split into `K` parts; set per vitest project by
 * `vitest.config.ts` from `UAT_PARTS` or `UAT_RUNS`, see {@link partsFor}).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The seed used when `UAT_SEED` is not set: fixed, so that the committed report is reproducible. */
export const DEFAULT_SEED = 2507_10581;

/** Repository root (two levels above this file). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Largest time limit accepted, in milliseconds (a day; a longer budget is no budget). */
export const MAX_TIME_LIMIT_MS = 86_400_000;

/**
 * From this many probes per claim on (`UAT_RUNS`), every campaign is split into {@link PARTS} parts
 * run in parallel (one vitest project per part); below it, into one (the default budgets of
 * `npm test` are far below: a split would only add the cost of loading each file again).
 */
export const SPLIT_FROM_RUNS = 10_000;
/** Parts of a split campaign: fixed, so that the report does not depend on the number of cores. */
export const PARTS = 4;

/** Which part of every campaign this process runs. */
export interface CampaignPart {
  /** 0-based. */
  readonly index: number;
  readonly count: number;
}

export interface CampaignSettings {
  /** Probes per claim when set (otherwise each campaign's own default). */
  readonly runs: number | undefined;
  readonly seed: number;
  /** Directory receiving one outcome file per campaign. */
  readonly runDir: string;
  /** Significant digits of reported values when `UAT_DIGITS` is set (`uat verify --digits`). */
  readonly digits: number | undefined;
  /** Wall-clock budget of each campaign (of each part of a split campaign), in ms, when set. */
  readonly timeLimitMs: number | undefined;
  /** The part of every campaign to run, when campaigns are split (`UAT_PART=i/K`). */
  readonly part: CampaignPart | undefined;
}

function integerFromEnv(name: string, min: number, max: number): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new RangeError(`environment variable ${name} must be an integer in [${min}, ${max}], got ${JSON.stringify(raw)}`);
  }
  return n;
}

function partFromEnv(): CampaignPart | undefined {
  const raw = process.env.UAT_PART;
  if (raw === undefined || raw === '') return undefined;
  const match = /^(\d{1,3})\/(\d{1,3})$/.exec(raw);
  const index = match === null ? NaN : Number(match[1]);
  const count = match === null ? NaN : Number(match[2]);
  if (!(count >= 1 && index >= 0 && index < count)) {
    throw new RangeError(`environment variable UAT_PART must be i/K with 0 ≤ i < K ≤ 999, got ${JSON.stringify(raw)}`);
  }
  return { index, count };
}

/** The settings in force for this process. */
export function campaignSettings(): CampaignSettings {
  return {
    runs: integerFromEnv('UAT_RUNS', 1, 10_000_000),
    seed: integerFromEnv('UAT_SEED', -(2 ** 31), 2 ** 31 - 1) ?? DEFAULT_SEED,
    runDir: process.env.UAT_RUN_DIR ?? path.join(REPO_ROOT, 'reports', '.runs'),
    digits: integerFromEnv('UAT_DIGITS', 1, 1000),
    timeLimitMs: integerFromEnv('UAT_TIME_LIMIT_MS', 1, MAX_TIME_LIMIT_MS),
    part: partFromEnv(),
  };
}

/**
 * Parts each campaign is split into: `UAT_PARTS` when set (1..64), otherwise {@link PARTS} when every
 * campaign runs at least {@link SPLIT_FROM_RUNS} probes (`runs`, from `UAT_RUNS`; undefined: each
 * campaign its default), otherwise 1. Never the number of cores.
 */
export function partsFor(runs: number | undefined): number {
  return integerFromEnv('UAT_PARTS', 1, 64) ?? (runs !== undefined && runs >= SPLIT_FROM_RUNS ? PARTS : 1);
}

/** Probes of part `index` of `count` of a campaign of `runs` probes: consecutive shares, summing to `runs`. */
export function runsOfPart(runs: number, part: CampaignPart): number {
  const share = (i: number): number => Math.floor((runs * i) / part.count);
  return share(part.index + 1) - share(part.index);
}

/**
 * The fast-check seed of part `index` of a campaign seeded `seed`: the seed itself for part 0 (its
 * probes are the first ones of the unsplit campaign), a 32-bit mix of both for the others.
 */
export function seedOfPart(seed: number, index: number): number {
  if (index === 0) return seed;
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) | 0;
}

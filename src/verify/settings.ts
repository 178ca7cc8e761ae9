/**
 * Campaign settings, read once from the environment so that `npm test`, `uat verify` and vitest
 * shards agree: `UAT_RUNS` (probes per claim, overriding each campaign's default), `UAT_SEED`
 * (the fast-check seed), `UAT_RUN_DIR` (where each campaign writes its outcome), `UAT_DIGITS`
 * (significant digits of reported values, overriding each campaign's).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The seed used when `UAT_SEED` is not set: fixed, so that the committed report is reproducible. */
export const DEFAULT_SEED = 2507_10581;

/** Repository root (two levels above this file). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface CampaignSettings {
  /** Probes per claim when set (otherwise each campaign's own default). */
  readonly runs: number | undefined;
  readonly seed: number;
  /** Directory receiving one outcome file per campaign. */
  readonly runDir: string;
  /** Significant digits of reported values when `UAT_DIGITS` is set (`uat verify --digits`). */
  readonly digits: number | undefined;
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

/** The settings in force for this process. */
export function campaignSettings(): CampaignSettings {
  return {
    runs: integerFromEnv('UAT_RUNS', 1, 10_000_000),
    seed: integerFromEnv('UAT_SEED', -(2 ** 31), 2 ** 31 - 1) ?? DEFAULT_SEED,
    runDir: process.env.UAT_RUN_DIR ?? path.join(REPO_ROOT, 'reports', '.runs'),
    digits: integerFromEnv('UAT_DIGITS', 1, 1000),
  };
}

/**
 * Reads the campaign outcomes a run left in its run directory (`<runDir>/<lemma>/<kind>-<claim>.json`,
 * written by `recordOutcome` in `src/verify/campaign.ts`), in a fixed order so that the report does
 * not depend on the order in which test files finished.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CampaignOutcome } from '../verify/campaign.ts';

/** An outcome file that could not be read as an outcome. */
export interface UnreadableOutcome {
  readonly file: string;
  readonly problem: string;
}

export interface RunOutcomes {
  readonly outcomes: readonly CampaignOutcome[];
  readonly unreadable: readonly UnreadableOutcome[];
}

function isOutcome(value: unknown): value is CampaignOutcome {
  if (typeof value !== 'object' || value === null) return false;
  const o = value as Record<string, unknown>;
  return typeof o.lemma === 'string' && typeof o.claim === 'string' && typeof o.kind === 'string' && typeof o.status === 'string';
}

/** Every outcome in `runDir` (none when the directory does not exist), sorted by lemma, kind, claim. */
export function readOutcomes(runDir: string): RunOutcomes {
  const outcomes: CampaignOutcome[] = [];
  const unreadable: UnreadableOutcome[] = [];
  if (!existsSync(runDir)) return { outcomes, unreadable };
  for (const lemma of readdirSync(runDir).sort()) {
    const dir = path.join(runDir, lemma);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.json')) continue;
      const file = path.join(dir, name);
      try {
        const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
        if (isOutcome(value)) outcomes.push(value);
        else unreadable.push({ file, problem: 'not a campaign outcome (lemma, claim, kind and status expected)' });
      } catch (e) {
        unreadable.push({ file, problem: (e as Error).message });
      }
    }
  }
  const key = (o: CampaignOutcome): string => `${o.lemma}\u0000${o.kind}\u0000${o.claim}`;
  outcomes.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return { outcomes, unreadable };
}

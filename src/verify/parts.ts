/**
 * Split campaigns: a campaign of many runs is split into `K` parts (`settings.ts`, {@link partsFor}),
 * each run by its own vitest project (`vitest.config.ts`) — in parallel, on as many cores as there
 * are — and recorded as `<runDir>/.parts/<lemma>/<kind>-<claim>/<i>-of-<K>.json`. After the run,
 * {@link mergeParts} combines the parts of every campaign into the one outcome the report reads
 * (`<runDir>/<lemma>/<kind>-<claim>.json`):
 *
 * - counts, probes, decided-by and runs are summed; the worst probe is the largest ratio over the
 *   parts (on a tie, the lowest part's);
 * - the counterexample and the first undecided probe are those of the lowest part that has one
 *   (each part's counterexample is certified and shrunk by fast-check; its `seed` is the part's, so
 *   fast-check replays it, and its arguments are a `uat check` line); it is recorded as a regression;
 * - the status and reason follow from the merged counts exactly as for an unsplit campaign; a box
 *   proof is part 0's; a missing or unreadable part makes a claim `inconclusive` (a finding `not
 *   shown`) with the reason.
 *
 * The merge reads the parts in index order, so the result depends on the seed and the runs only,
 * never on which part finished first or on how many cores ran them.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { VerdictKind } from '../verdict/verdict.ts';
import { conclude, recordOutcome, ratioExceeds, type CampaignOutcome } from './campaign.ts';
import { recordRegression } from './regressions.ts';

/** Directory of the parts, inside the run directory (the report does not read it). */
export const PARTS_DIR = '.parts';

function campaignDir(runDir: string, o: Pick<CampaignOutcome, 'lemma' | 'kind' | 'claim'>): string {
  return path.join(runDir, PARTS_DIR, o.lemma, `${o.kind}-${o.claim}`);
}

/** Writes one part's outcome atomically. */
export function recordPart(outcome: CampaignOutcome, runDir: string): void {
  if (outcome.part === undefined) throw new RangeError('recordPart: the outcome is not a part');
  const dir = campaignDir(runDir, outcome);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${outcome.part.index}-of-${outcome.part.count}.json`);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(outcome, null, 2)}\n`);
  renameSync(tmp, file);
}

/** Combines the parts of one campaign (`parts[i]` is part `i`, undefined when missing) into its outcome. */
export function mergeOutcomes(parts: readonly (CampaignOutcome | undefined)[]): CampaignOutcome {
  const present = parts.filter((p): p is CampaignOutcome => p !== undefined);
  const first = present[0];
  if (first === undefined) throw new RangeError('mergeOutcomes: no part to merge');
  const counts: Record<VerdictKind, number> = { holds: 0, violated: 0, inconclusive: 0, inapplicable: 0, error: 0 };
  const decidedBy = { 'double-double': 0, decimal: 0 };
  let worst: CampaignOutcome['worst'];
  let counterexample: CampaignOutcome['counterexample'];
  let firstUndecided: CampaignOutcome['firstUndecided'];
  let runs = 0;
  let timeMs = 0;
  let outOfTime = false;
  let shrinkCut = false;
  let timeBudgetMs: number | undefined;
  for (const p of present) {
    for (const k of Object.keys(counts) as VerdictKind[]) counts[k] += p.counts[k];
    decidedBy['double-double'] += p.decidedBy['double-double'];
    decidedBy.decimal += p.decidedBy.decimal;
    if (p.worst !== undefined && (worst === undefined || ratioExceeds(p.worst.ratio, Number(p.worst.ratio), worst.ratio, Number(worst.ratio)))) worst = p.worst;
    counterexample ??= p.counterexample;
    firstUndecided ??= p.firstUndecided;
    runs += p.runs;
    timeMs += p.timeMs;
    outOfTime ||= p.part?.outOfTime === true;
    shrinkCut ||= p.part?.shrinkCut === true;
    timeBudgetMs ??= p.part?.timeBudgetMs;
  }
  const probes = counts.holds + counts.violated + counts.inconclusive + counts.inapplicable + counts.error;
  const missing = parts.flatMap((p, i) => (p === undefined ? [i] : []));
  const concluded = conclude({ kind: first.kind, counts, probes, runs, counterexample, firstUndecided, timeBudgetMs, outOfTime, shrinkCut, parts: parts.length }, () => parts[0]?.boxProof);
  let { status, reason } = concluded;
  if (missing.length > 0 && status !== 'refuted' && status !== 'shown necessary') {
    status = first.kind === 'claim' ? 'inconclusive' : 'not shown';
    reason = `part${missing.length > 1 ? 's' : ''} ${missing.map((i) => i + 1).join(', ')} of ${parts.length} did not finish${reason !== undefined ? `; ${reason}` : ''}`;
  }
  return {
    lemma: first.lemma,
    claim: first.claim,
    kind: first.kind,
    domain: first.domain,
    status,
    probes,
    counts,
    worst,
    counterexample,
    firstUndecided,
    boxProof: concluded.boxProof,
    seed: first.seed,
    runs,
    timeMs,
    ...(reason !== undefined ? { reason } : {}),
    decidedBy,
  };
}

function readPart(file: string): CampaignOutcome | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as CampaignOutcome;
    return value.part !== undefined ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Merges every split campaign recorded under `<runDir>/.parts` into `<runDir>/<lemma>/<kind>-<claim>.json`,
 * records each merged counterexample as a regression, and removes the parts. Returns the merged outcomes.
 */
export function mergeParts(runDir: string): CampaignOutcome[] {
  const root = path.join(runDir, PARTS_DIR);
  if (!existsSync(root)) return [];
  const merged: CampaignOutcome[] = [];
  for (const lemma of readdirSync(root).sort()) {
    for (const campaign of readdirSync(path.join(root, lemma)).sort()) {
      const dir = path.join(root, lemma, campaign);
      const files = readdirSync(dir).filter((f) => /^\d+-of-\d+\.json$/.test(f));
      const count = Math.max(...files.map((f) => Number(f.split('-of-')[1]!.slice(0, -'.json'.length))));
      const parts = Array.from({ length: count }, (_, i) => (files.includes(`${i}-of-${count}.json`) ? readPart(path.join(dir, `${i}-of-${count}.json`)) : undefined));
      if (parts.every((p) => p === undefined)) continue;
      const outcome = mergeOutcomes(parts);
      const c = outcome.counterexample;
      if (c !== undefined && c.verdict.verdict === 'violated') recordRegression(outcome.lemma, outcome.claim, { args: c.args, seed: c.seed, path: c.path ?? null });
      recordOutcome(outcome, runDir);
      merged.push(outcome);
    }
  }
  rmSync(root, { recursive: true, force: true });
  return merged;
}

/**
 * A campaign: one claim (or finding) probed with a fast-check arbitrary of raw JSON arguments, every
 * probe decided by the verdict engine. The outcome carries what the report shows: status, probe
 * counts by verdict, the worst ratio lhs/bound and where, and the minimal counterexample (shrunk by
 * fast-check) with its seed and path.
 *
 * Status of a claim: `refuted` when some probe is a certified violation; otherwise `inconclusive`
 * when some probe is, when some probe is an `error`, or when no probe holds (all inapplicable);
 * otherwise `certified` when the campaign's box proof succeeds; otherwise `holds on samples`. Status of a finding: `shown necessary` when a certified violation is found
 * (the dropped hypothesis is necessary), `not shown` otherwise.
 *
 * Arguments are raw JSON (decimal strings), so every counterexample is a line `uat check` replays.
 *
 * A split campaign (`UAT_PART=i/K`, see `settings.ts`): this process runs part `i` only — its share
 * of the runs ({@link runsOfPart}) from its own seed ({@link seedOfPart}; the committed regression
 * examples in part 0 only) — and records it under `<runDir>/.parts/`; `mergeParts` (`parts.ts`)
 * then combines the `K` parts into the one outcome the report reads. The partition depends on the
 * runs only, never on the number of cores, so the report is the same however the parts were run.
 */
import fc from 'fast-check';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ExactDecimal } from '../arith/context.ts';
import type { ClaimDefinition } from '../registry/define.ts';
import { decide, type DecideOptions } from '../verdict/decide.ts';
import type { Verdict, VerdictKind } from '../verdict/verdict.ts';
import { recordRegression, regressionExamples } from './regressions.ts';
import { campaignSettings, runsOfPart, seedOfPart } from './settings.ts';
import { recordPart } from './parts.ts';

export type CampaignKind = 'claim' | 'finding' | 'planted';
export type ClaimStatus = 'certified' | 'holds on samples' | 'inconclusive' | 'refuted';
export type FindingStatus = 'shown necessary' | 'not shown';

export type RawArgs = Record<string, unknown>;

/** A proof over a whole box, when the campaign has one (e.g. interval evaluation over a cover). */
export interface BoxProof {
  readonly certified: boolean;
  /** What was proved, over which box, by which method; or why the proof did not go through. */
  readonly description: string;
}

export interface CampaignSpec {
  /** Lemma id, e.g. `softmax-hardmax`. */
  readonly lemma: string;
  /** Claim or finding id within the lemma; for a planted bound, a name such as `linf-without-n-minus-1`. */
  readonly claim: string;
  readonly kind: CampaignKind;
  readonly definition: ClaimDefinition<unknown>;
  /** Raw JSON arguments, as `uat check` would receive them. */
  readonly arbitrary: fc.Arbitrary<RawArgs>;
  /** A label for the domain probed, shown in the report (e.g. `n ∈ [2, 64], λ ∈ [0.01, 100]`). */
  readonly domain: string;
  /** Probes when `UAT_RUNS` is not set. */
  readonly defaultRuns: number;
  /** Committed regression examples, replayed before the random probes (fast-check `examples`). */
  readonly examples?: readonly RawArgs[];
  readonly decideOptions?: DecideOptions;
  /** Optional box proof; only consulted when no probe is violated or inconclusive. */
  readonly boxProof?: () => BoxProof;
  /**
   * Wall-clock budget of the campaign in milliseconds (default: none). Once spent, the remaining
   * probes are not decided (and shrinking stops at the smallest counterexample so far): a claim
   * without a violation is then `inconclusive`, a finding or planted bound without one `not shown`,
   * with {@link CampaignOutcome.reason} saying after how many probes. Never a silent pass.
   */
  readonly timeBudgetMs?: number;
}

/** Decided probes (`holds` or `violated`) by the arithmetic that decided them. */
export interface DecidedBy {
  /** The engine's double-double fast path (`Verdict.arithmetic === 'double-double'`). */
  readonly 'double-double': number;
  /** decimal.js interval arithmetic with precision escalation. */
  readonly decimal: number;
}

/** What a part of a split campaign records besides its outcome, for the merge. */
export interface PartRecord {
  readonly index: number;
  readonly count: number;
  /** The part's fast-check seed ({@link seedOfPart}). */
  readonly seed: number;
  /** The time budget in force, when there was one. */
  readonly timeBudgetMs?: number;
  /** The budget ran out while probing (probes were skipped). */
  readonly outOfTime: boolean;
  /** The budget ran out while shrinking. */
  readonly shrinkCut: boolean;
}

export interface WorstProbe {
  readonly ratio: string;
  readonly lhs: string;
  readonly bound: string;
  readonly args: RawArgs;
}

export interface Counterexample {
  readonly args: RawArgs;
  readonly verdict: Verdict;
  readonly seed: number;
  readonly path: string | undefined;
  readonly shrinks: number;
}

export interface CampaignOutcome {
  readonly lemma: string;
  readonly claim: string;
  readonly kind: CampaignKind;
  readonly domain: string;
  readonly status: ClaimStatus | FindingStatus;
  readonly probes: number;
  readonly counts: Readonly<Record<VerdictKind, number>>;
  readonly worst: WorstProbe | undefined;
  readonly counterexample: Counterexample | undefined;
  /** The first `inconclusive` or `error` probe, when there is one. */
  readonly firstUndecided: { readonly args: RawArgs; readonly verdict: Verdict } | undefined;
  readonly boxProof: BoxProof | undefined;
  readonly seed: number;
  readonly runs: number;
  readonly timeMs: number;
  /** Why the campaign stopped before its runs, e.g. `time limit of 500 ms reached after 37 of 200 probes`. */
  readonly reason?: string;
  /** Decided probes by arithmetic (shrinking steps not counted). */
  readonly decidedBy: DecidedBy;
  /** Present only in the record of one part of a split campaign (never in a merged outcome). */
  readonly part?: PartRecord;
}

/**
 * True when the ratio `a` (a decimal string, `a = Number(a)` as `an`) exceeds `b`. Converting a
 * decimal string to a double rounds correctly, hence monotonically: `an > bn` implies `a > b`, and
 * `an < bn` implies `a < b`; only when the doubles are equal (or NaN) is the exact comparison needed.
 */
export function ratioExceeds(a: string, an: number, b: string, bn: number): boolean {
  if (an > bn) return true;
  if (an < bn || a === b) return false; // (the tight family gives the same ratio, often "1", again and again)
  return new ExactDecimal(a).gt(b);
}

/** What decides a campaign's status: its counts and how it ended. */
export interface CampaignTally {
  readonly kind: CampaignKind;
  readonly counts: Readonly<Record<VerdictKind, number>>;
  readonly probes: number;
  readonly runs: number;
  readonly counterexample: Counterexample | undefined;
  readonly firstUndecided: CampaignOutcome['firstUndecided'];
  readonly timeBudgetMs: number | undefined;
  readonly outOfTime: boolean;
  readonly shrinkCut: boolean;
  /** Parts the campaign was split into (the time budget applied to each), when more than one. */
  readonly parts?: number;
}

/**
 * The status and reason of a campaign (see the module comment); `boxProof` is consulted only when
 * the probes leave a claim `certified` or `holds on samples` to decide.
 */
export function conclude(t: CampaignTally, boxProof: (() => BoxProof | undefined) | undefined): { status: ClaimStatus | FindingStatus; reason?: string; boxProof?: BoxProof } {
  // A claim is only as good as the probes that were decided: an `error` probe (the claim could not
  // be evaluated) or a campaign with no probe inside the hypotheses proves nothing.
  const unproved =
    t.kind !== 'claim' || t.counterexample !== undefined
      ? undefined
      : t.counts.error > 0
        ? `${t.counts.error} of ${t.probes} probes could not be evaluated (error)${t.firstUndecided?.verdict.reason !== undefined ? `, the first: ${t.firstUndecided.verdict.reason}` : ''}`
        : t.counts.holds === 0
          ? `no probe was decided within the hypotheses (${t.counts.inapplicable} of ${t.probes} inapplicable)`
          : undefined;
  const limit = `time limit of ${t.timeBudgetMs} ms${t.parts !== undefined && t.parts > 1 ? ` per part (${t.parts} parts)` : ''}`;
  const reason = t.outOfTime ? `${limit} reached after ${t.probes} of ${t.runs} probes` : t.shrinkCut ? `${limit} reached while shrinking the counterexample` : unproved;
  const withReason = reason !== undefined ? { reason } : {};
  if (t.kind !== 'claim') return { status: t.counterexample !== undefined ? 'shown necessary' : 'not shown', ...withReason };
  if (t.counterexample !== undefined) return { status: 'refuted', ...withReason };
  if (t.counts.inconclusive > 0 || t.outOfTime || unproved !== undefined) return { status: 'inconclusive', ...withReason };
  const proof = boxProof?.();
  return { status: proof?.certified === true ? 'certified' : 'holds on samples', ...withReason, ...(proof !== undefined ? { boxProof: proof } : {}) };
}

/** Runs one campaign (or this process's part of it) and records its outcome in the run directory. */
export function runCampaign(spec: CampaignSpec): CampaignOutcome {
  const settings = campaignSettings();
  const part = settings.part !== undefined && settings.part.count > 1 ? settings.part : undefined;
  const allRuns = settings.runs ?? spec.defaultRuns;
  const runs = part === undefined ? allRuns : runsOfPart(allRuns, part);
  const seed = part === undefined ? settings.seed : seedOfPart(settings.seed, part.index);
  const counts: Record<VerdictKind, number> = { holds: 0, violated: 0, inconclusive: 0, inapplicable: 0, error: 0 };
  const decidedBy = { 'double-double': 0, decimal: 0 };
  let worst: WorstProbe | undefined;
  let worstValue = 0; // Number(worst.ratio)
  let firstUndecided: CampaignOutcome['firstUndecided'];
  let lastFailure: { args: RawArgs; verdict: Verdict } | undefined;
  let shrinking = false;
  let outOfTime = false; // the budget ran out while probing (probes were skipped)
  let shrinkCut = false; // the budget ran out while shrinking (the counterexample is certified but maybe not minimal)
  const started = performance.now();
  // The campaign's own budget and `uat verify --time-limit`: the smaller applies.
  const budget = spec.timeBudgetMs === undefined ? settings.timeLimitMs : settings.timeLimitMs === undefined ? spec.timeBudgetMs : Math.min(spec.timeBudgetMs, settings.timeLimitMs);
  const wanted: VerdictKind = spec.kind === 'claim' ? 'holds' : 'violated';

  // Digits from the environment (`uat verify --digits`) override the campaign's own.
  const decideOptions: DecideOptions = settings.digits === undefined ? { ...spec.decideOptions } : { ...spec.decideOptions, digits: settings.digits };
  // Committed counterexamples (properties/regressions/<lemma>.json) are replayed first (by part 0 of a split campaign).
  const examples = part === undefined || part.index === 0 ? [...(spec.examples ?? []), ...regressionExamples(spec.lemma, spec.claim)] : [];

  const property = fc.property(spec.arbitrary, (args) => {
    if (budget !== undefined && (outOfTime || shrinkCut || performance.now() - started > budget)) {
      if (shrinking) shrinkCut = true;
      else outOfTime = true;
      return true; // not decided, not a probe; while shrinking, a "pass" ends the shrink at the last failure
    }
    const verdict = decide(spec.definition, args, decideOptions);
    const kind = verdict.verdict;
    if (!shrinking) {
      counts[kind] += 1;
      if (kind === 'holds' || kind === 'violated') decidedBy[verdict.arithmetic === 'double-double' ? 'double-double' : 'decimal'] += 1;
      else if (firstUndecided === undefined && kind !== 'inapplicable') firstUndecided = { args, verdict };
      const ratio = verdict.ratio;
      if (ratio !== undefined && kind === wanted) {
        const value = Number(ratio);
        if (worst === undefined || ratioExceeds(ratio, value, worst.ratio, worstValue)) {
          worst = { ratio, lhs: verdict.lhs ?? '', bound: verdict.bound ?? '', args };
          worstValue = value;
        }
      }
    }
    if (kind === 'violated') {
      shrinking = true;
      lastFailure = { args, verdict };
      // For a claim, a violation fails the property (fast-check then shrinks it); for a finding or a
      // planted bound the violation is the goal, and fast-check shrinks it just the same.
      return false;
    }
    return true;
  });
  const details = fc.check(property, {
    numRuns: runs,
    seed,
    examples: examples.map((e) => [e] as [RawArgs]),
    endOnFailure: false,
  });
  const timeMs = performance.now() - started;

  let counterexample: Counterexample | undefined;
  if (details.failed && details.counterexample !== null) {
    const args = details.counterexample[0];
    const verdict = lastFailure !== undefined && lastFailure.args === args ? lastFailure.verdict : decide(spec.definition, args, decideOptions);
    counterexample = { args, verdict, seed: details.seed, path: details.counterexamplePath ?? undefined, shrinks: details.numShrinks };
    // A split campaign's counterexample is recorded by the merge (one of the parts' is kept).
    if (verdict.verdict === 'violated' && part === undefined) recordRegression(spec.lemma, spec.claim, { args, seed: details.seed, path: details.counterexamplePath ?? null });
  }
  // A predicate that threw (an engine bug, never a verdict) also leaves a counterexample: deciding
  // it again above rethrows, so the bug surfaces instead of becoming a status.

  const probes = counts.holds + counts.violated + counts.inconclusive + counts.inapplicable + counts.error;
  const tally: CampaignTally = { kind: spec.kind, counts, probes, runs, counterexample, firstUndecided, timeBudgetMs: budget, outOfTime, shrinkCut };
  const { status, reason, boxProof } = conclude(tally, spec.boxProof);

  const outcome: CampaignOutcome = {
    lemma: spec.lemma,
    claim: spec.claim,
    kind: spec.kind,
    domain: spec.domain,
    status,
    probes,
    counts,
    worst,
    counterexample,
    firstUndecided,
    boxProof,
    seed: settings.seed,
    runs,
    timeMs,
    ...(reason !== undefined ? { reason } : {}),
    decidedBy,
    ...(part !== undefined ? { part: { index: part.index, count: part.count, seed, ...(budget !== undefined ? { timeBudgetMs: budget } : {}), outOfTime, shrinkCut } } : {}),
  };
  if (part === undefined) recordOutcome(outcome, settings.runDir);
  else recordPart(outcome, settings.runDir);
  return outcome;
}

/** Writes the outcome atomically to `<runDir>/<lemma>/<kind>-<claim>.json`. */
export function recordOutcome(outcome: CampaignOutcome, runDir: string): void {
  const dir = path.join(runDir, outcome.lemma);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${outcome.kind}-${outcome.claim}.json`);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(outcome, null, 2)}\n`);
  renameSync(tmp, file);
}

/** A one-line summary of an outcome, for test names and the verify command. */
export function summarise(o: CampaignOutcome): string {
  const ratio = o.worst !== undefined ? `, worst lhs/bound ${o.worst.ratio}` : '';
  return `${o.lemma}/${o.claim} [${o.kind}]: ${o.status} (${o.probes} probes${ratio})`;
}

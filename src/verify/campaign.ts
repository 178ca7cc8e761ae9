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
 */
import fc from 'fast-check';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ExactDecimal } from '../arith/context.ts';
import type { ClaimDefinition } from '../registry/define.ts';
import { decide, type DecideOptions } from '../verdict/decide.ts';
import type { Verdict, VerdictKind } from '../verdict/verdict.ts';
import { recordRegression, regressionExamples } from './regressions.ts';
import { campaignSettings } from './settings.ts';

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
}

/** Runs one campaign and records its outcome in the run directory. */
export function runCampaign(spec: CampaignSpec): CampaignOutcome {
  const settings = campaignSettings();
  const runs = settings.runs ?? spec.defaultRuns;
  const counts: Record<VerdictKind, number> = { holds: 0, violated: 0, inconclusive: 0, inapplicable: 0, error: 0 };
  let worst: WorstProbe | undefined;
  let firstUndecided: CampaignOutcome['firstUndecided'];
  let lastFailure: { args: RawArgs; verdict: Verdict } | undefined;
  let shrinking = false;
  let outOfTime = false; // the budget ran out while probing (probes were skipped)
  let shrinkCut = false; // the budget ran out while shrinking (the counterexample is certified but maybe not minimal)
  const started = performance.now();
  const budget = spec.timeBudgetMs;
  const wanted: VerdictKind = spec.kind === 'claim' ? 'holds' : 'violated';

  // Digits from the environment (`uat verify --digits`) override the campaign's own.
  const decideOptions: DecideOptions = settings.digits === undefined ? { ...spec.decideOptions } : { ...spec.decideOptions, digits: settings.digits };
  // Committed counterexamples (properties/regressions/<lemma>.json) are replayed first.
  const examples = [...(spec.examples ?? []), ...regressionExamples(spec.lemma, spec.claim)];

  const property = fc.property(spec.arbitrary, (args) => {
    if (budget !== undefined && (outOfTime || shrinkCut || performance.now() - started > budget)) {
      if (shrinking) shrinkCut = true;
      else outOfTime = true;
      return true; // not decided, not a probe; while shrinking, a "pass" ends the shrink at the last failure
    }
    const verdict = decide(spec.definition, args, decideOptions);
    const failed = verdict.verdict === 'violated';
    if (!shrinking) {
      counts[verdict.verdict] += 1;
      if ((verdict.verdict === 'inconclusive' || verdict.verdict === 'error') && firstUndecided === undefined) {
        firstUndecided = { args, verdict };
      }
      if (verdict.ratio !== undefined && verdict.verdict === wanted && (worst === undefined || new ExactDecimal(verdict.ratio).gt(worst.ratio))) {
        worst = { ratio: verdict.ratio, lhs: verdict.lhs ?? '', bound: verdict.bound ?? '', args };
      }
    }
    if (failed) {
      shrinking = true;
      lastFailure = { args, verdict };
    }
    // For a claim, a violation fails the property (fast-check then shrinks it); for a finding or a
    // planted bound the violation is the goal, and fast-check shrinks it just the same.
    return !failed;
  });
  const details = fc.check(property, {
    numRuns: runs,
    seed: settings.seed,
    examples: examples.map((e) => [e] as [RawArgs]),
    endOnFailure: false,
  });
  const timeMs = performance.now() - started;

  let counterexample: Counterexample | undefined;
  if (details.failed && details.counterexample !== null) {
    const args = details.counterexample[0];
    const verdict = lastFailure !== undefined && lastFailure.args === args ? lastFailure.verdict : decide(spec.definition, args, decideOptions);
    counterexample = { args, verdict, seed: details.seed, path: details.counterexamplePath ?? undefined, shrinks: details.numShrinks };
    if (verdict.verdict === 'violated') recordRegression(spec.lemma, spec.claim, { args, seed: details.seed, path: details.counterexamplePath ?? null });
  }
  // A predicate that threw (an engine bug, never a verdict) also leaves a counterexample: deciding
  // it again above rethrows, so the bug surfaces instead of becoming a status.

  const probes = Object.values(counts).reduce((a, b) => a + b, 0);
  // A claim is only as good as the probes that were decided: an `error` probe (the claim could not
  // be evaluated) or a campaign with no probe inside the hypotheses proves nothing.
  const unproved =
    spec.kind !== 'claim' || counterexample !== undefined
      ? undefined
      : counts.error > 0
        ? `${counts.error} of ${probes} probes could not be evaluated (error)${firstUndecided?.verdict.reason !== undefined ? `, the first: ${firstUndecided.verdict.reason}` : ''}`
        : counts.holds === 0
          ? `no probe was decided within the hypotheses (${counts.inapplicable} of ${probes} inapplicable)`
          : undefined;
  const reason = outOfTime
    ? `time limit of ${budget} ms reached after ${probes} of ${runs} probes`
    : shrinkCut
      ? `time limit of ${budget} ms reached while shrinking the counterexample`
      : unproved;
  let status: ClaimStatus | FindingStatus;
  let boxProof: BoxProof | undefined;
  if (spec.kind === 'claim') {
    if (counterexample !== undefined) status = 'refuted';
    else if (counts.inconclusive > 0 || outOfTime || unproved !== undefined) status = 'inconclusive';
    else {
      boxProof = spec.boxProof?.();
      status = boxProof?.certified === true ? 'certified' : 'holds on samples';
    }
  } else {
    status = counterexample !== undefined ? 'shown necessary' : 'not shown';
  }

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
  };
  recordOutcome(outcome, settings.runDir);
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

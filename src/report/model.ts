/**
 * The report model: the static registry (what each lemma states, read from the code) joined with the
 * campaign outcomes of one run (what the run found). Every status here comes from an outcome file; a
 * claim without one is `not run`. The model is exactly what `report.json` holds (schema in
 * `reports/report.schema.json`), and the Markdown and HTML are rendered from it alone, so the three
 * agree. It holds no timestamps and no timings (those go to `timings.json`), so the same seed gives
 * the same bytes.
 */
import type { DocComment, StaticClaim, StaticLemma, StaticRegistry } from '../registry/static.ts';
import { inDependencyOrder } from '../registry/static.ts';
import type { CampaignOutcome, Counterexample, RawArgs, WorstProbe } from '../verify/campaign.ts';
import type { Verdict, VerdictKind } from '../verdict/verdict.ts';
import type { RunOutcomes } from './outcomes.ts';

export const REPORT_SCHEMA_ID = 'https://uat-companion.invalid/report.schema.json';
export const REPORT_FORMAT = 'uat-companion-report/1';

export type ClaimReportStatus = 'certified' | 'holds on samples' | 'inconclusive' | 'refuted' | 'not run';
export type FindingReportStatus = 'shown necessary' | 'not shown' | 'not run';
/** A planted false bound is `refuted` (as it must be: the tests can fail) or `not refuted` (a weak test). */
export type PlantedReportStatus = 'refuted' | 'not refuted';
export type LemmaReportStatus = ClaimReportStatus;

/** The evidence a campaign gathered, as the report shows it. */
export interface Evidence {
  readonly domain: string;
  readonly probes: number;
  readonly runs: number;
  readonly seed: number;
  readonly counts: Readonly<Record<VerdictKind, number>>;
  readonly worst: WorstProbe | null;
  readonly counterexample: {
    readonly args: RawArgs;
    readonly verdict: Verdict;
    readonly seed: number;
    readonly path: string | null;
    readonly shrinks: number;
    /** The `uat check` line that replays it. */
    readonly replay: string;
  } | null;
  readonly firstUndecided: { readonly args: RawArgs; readonly verdict: Verdict } | null;
  readonly boxProof: { readonly certified: boolean; readonly description: string } | null;
}

export interface ClaimReport {
  readonly id: string;
  readonly statement: string;
  readonly lhs: string | null;
  readonly bound: string | null;
  readonly args: string | null;
  readonly method: string | null;
  readonly hypotheses: readonly { readonly name: string; readonly text: string }[];
  readonly status: ClaimReportStatus;
  /**
   * Why the campaign stopped early or proved nothing (its outcome's `reason`, e.g. `time limit of
   * 500 ms reached after 37 of 200 probes`); absent when it has none.
   */
  readonly reason?: string;
  readonly evidence: Evidence | null;
}

export interface FindingReport extends Omit<ClaimReport, 'status'> {
  readonly drops: string;
  readonly status: FindingReportStatus;
}

export interface PlantedReport {
  readonly id: string;
  readonly status: PlantedReportStatus;
  /** Why the campaign stopped early (its outcome's `reason`); absent when it has none. */
  readonly reason?: string;
  readonly evidence: Evidence;
}

export interface LemmaReport {
  readonly kind: 'lemma' | 'theorem';
  readonly id: string;
  readonly file: string;
  readonly statement: string;
  readonly hypotheses: readonly { readonly name: string; readonly text: string }[];
  readonly method: string | null;
  readonly reference: string | null;
  readonly uses: readonly string[];
  /** Lemmas that use this one. */
  readonly usedBy: readonly string[];
  /** The worst status among its claims (refuted > inconclusive > not run > holds on samples > certified). */
  readonly status: LemmaReportStatus;
  readonly claims: readonly ClaimReport[];
  readonly findings: readonly FindingReport[];
  readonly planted: readonly PlantedReport[];
}

export interface ReportProblem {
  readonly where: string;
  readonly message: string;
}

export interface Report {
  readonly $schema: string;
  readonly format: string;
  /** The seeds found in the outcomes (one when the run used a single seed). */
  readonly seeds: readonly number[];
  readonly totals: {
    readonly claims: Readonly<Record<ClaimReportStatus, number>>;
    readonly findings: Readonly<Record<FindingReportStatus, number>>;
    readonly planted: Readonly<Record<PlantedReportStatus, number>>;
    readonly probes: number;
  };
  readonly lemmas: readonly LemmaReport[];
  /** Outcomes naming no registered lemma or claim, unreadable outcome files, registry problems. */
  readonly problems: readonly ReportProblem[];
}

/** The line `uat check` replays for a counterexample: `{"claim":"<lemma>/<claim>","args":{…}}`. */
export function replayLine(lemma: string, claim: string, args: RawArgs): string {
  return JSON.stringify({ claim: `${lemma}/${claim}`, args });
}

function counterexampleOf(o: CampaignOutcome, c: Counterexample): NonNullable<Evidence['counterexample']> {
  return { args: c.args, verdict: c.verdict, seed: c.seed, path: c.path ?? null, shrinks: c.shrinks, replay: replayLine(o.lemma, o.claim, c.args) };
}

function evidenceOf(o: CampaignOutcome): Evidence {
  return {
    domain: o.domain,
    probes: o.probes,
    runs: o.runs,
    seed: o.seed,
    counts: o.counts,
    worst: o.worst ?? null,
    counterexample: o.counterexample === undefined ? null : counterexampleOf(o, o.counterexample),
    firstUndecided: o.firstUndecided ?? null,
    boxProof: o.boxProof ?? null,
  };
}

/** `{ reason }` when the outcome has one, `{}` otherwise (so that report.json holds no empty reason). */
function reasonOf(o: CampaignOutcome | undefined): { reason?: string } {
  return o?.reason !== undefined && o.reason !== '' ? { reason: o.reason } : {};
}

function docFields(doc: DocComment): Pick<ClaimReport, 'statement' | 'lhs' | 'bound' | 'args' | 'method' | 'hypotheses'> {
  return {
    statement: doc.summary,
    lhs: doc.lhs ?? null,
    bound: doc.bound ?? null,
    args: doc.args ?? null,
    method: doc.method ?? null,
    hypotheses: doc.hypotheses,
  };
}

const CLAIM_SEVERITY: readonly ClaimReportStatus[] = ['refuted', 'inconclusive', 'not run', 'holds on samples', 'certified'];

/** The status of a set of claims: the most severe among them (`not run` when there are none). */
export function worstStatus(statuses: readonly ClaimReportStatus[]): ClaimReportStatus {
  for (const s of CLAIM_SEVERITY) if (statuses.includes(s)) return s;
  return 'not run';
}

function claimStatusOf(o: CampaignOutcome | undefined): ClaimReportStatus {
  if (o === undefined) return 'not run';
  const s = o.status;
  return s === 'certified' || s === 'holds on samples' || s === 'inconclusive' || s === 'refuted' ? s : 'not run';
}

function findingStatusOf(o: CampaignOutcome | undefined): FindingReportStatus {
  if (o === undefined) return 'not run';
  return o.status === 'shown necessary' ? 'shown necessary' : 'not shown';
}

/** Joins the registry and the outcomes of one run into the report. */
export function buildReport(registry: StaticRegistry, run: RunOutcomes): Report {
  const problems: ReportProblem[] = registry.problems.map((p) => ({ where: p.file, message: p.message }));
  for (const u of run.unreadable) problems.push({ where: u.file, message: u.problem });

  const outcomeKey = (lemma: string, kind: string, claim: string): string => `${lemma}\u0000${kind}\u0000${claim}`;
  const byKey = new Map(run.outcomes.map((o) => [outcomeKey(o.lemma, o.kind, o.claim), o]));
  const used = new Set<string>();
  const take = (lemma: string, kind: string, claim: string): CampaignOutcome | undefined => {
    const k = outcomeKey(lemma, kind, claim);
    const o = byKey.get(k);
    if (o !== undefined) used.add(k);
    return o;
  };

  const ordered = inDependencyOrder(registry.lemmas);
  const lemmas = ordered.map((l: StaticLemma): LemmaReport => {
    const claims = l.claims.map((c: StaticClaim): ClaimReport => {
      const o = take(l.id, 'claim', c.id);
      return { id: c.id, ...docFields(c.doc), status: claimStatusOf(o), ...reasonOf(o), evidence: o === undefined ? null : evidenceOf(o) };
    });
    const findings = l.findings.map((f): FindingReport => {
      const o = take(l.id, 'finding', f.id);
      return { id: f.id, drops: f.drops, ...docFields(f.doc), status: findingStatusOf(o), ...reasonOf(o), evidence: o === undefined ? null : evidenceOf(o) };
    });
    const planted = run.outcomes
      .filter((o) => o.lemma === l.id && o.kind === 'planted')
      .map((o): PlantedReport => {
        take(l.id, 'planted', o.claim);
        return { id: o.claim, status: o.counterexample !== undefined ? 'refuted' : 'not refuted', ...reasonOf(o), evidence: evidenceOf(o) };
      });
    return {
      kind: l.kind,
      id: l.id,
      file: l.file,
      statement: l.doc.summary,
      hypotheses: l.doc.hypotheses,
      method: l.doc.method ?? null,
      reference: l.doc.reference ?? null,
      uses: l.uses,
      usedBy: ordered.filter((m) => m.uses.includes(l.id)).map((m) => m.id),
      status: worstStatus(claims.map((c) => c.status)),
      claims,
      findings,
      planted,
    };
  });

  // A lemma whose property file ran (some outcome names it) must have an outcome for every claim and
  // finding: one without is a claim with no probe.
  const ran = new Set(run.outcomes.map((o) => o.lemma));
  for (const l of lemmas) {
    if (!ran.has(l.id)) continue;
    for (const c of l.claims) if (c.status === 'not run') problems.push({ where: `properties/${l.id}.property.ts`, message: `claim ${l.id}/${c.id} got no outcome although its property file ran (no campaign probes it)` });
    for (const f of l.findings) if (f.status === 'not run') problems.push({ where: `properties/${l.id}.property.ts`, message: `finding ${l.id}/${f.id} got no outcome although its property file ran (no campaign probes it)` });
  }

  for (const o of run.outcomes) {
    if (!used.has(outcomeKey(o.lemma, o.kind, o.claim))) {
      problems.push({ where: `${o.lemma}/${o.kind}-${o.claim}`, message: `an outcome names ${o.kind} ${o.claim} of lemma ${o.lemma}, which the registry does not hold` });
    }
  }

  const claimTotals: Record<ClaimReportStatus, number> = { certified: 0, 'holds on samples': 0, inconclusive: 0, refuted: 0, 'not run': 0 };
  const findingTotals: Record<FindingReportStatus, number> = { 'shown necessary': 0, 'not shown': 0, 'not run': 0 };
  const plantedTotals: Record<PlantedReportStatus, number> = { refuted: 0, 'not refuted': 0 };
  for (const l of lemmas) {
    for (const c of l.claims) claimTotals[c.status] += 1;
    for (const f of l.findings) findingTotals[f.status] += 1;
    for (const p of l.planted) plantedTotals[p.status] += 1;
  }
  return {
    $schema: REPORT_SCHEMA_ID,
    format: REPORT_FORMAT,
    seeds: [...new Set(run.outcomes.map((o) => o.seed))].sort((a, b) => a - b),
    totals: {
      claims: claimTotals,
      findings: findingTotals,
      planted: plantedTotals,
      probes: run.outcomes.reduce((s, o) => s + o.probes, 0),
    },
    lemmas,
    problems,
  };
}

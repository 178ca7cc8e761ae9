/**
 * The JSON schema of report.json (ajv, draft 2020-12): a report built from a synthetic registry and
 * outcomes satisfies it, and each kind of malformed report is refused at the right place.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { StaticLemma } from '../registry/static.ts';
import { parseDocComment } from '../registry/static.ts';
import type { CampaignOutcome } from '../verify/campaign.ts';
import { buildReport } from './model.ts';
import { REPORT_SCHEMA, reportSchemaText } from './schema.ts';

const doc = parseDocComment('/**\n * S.\n * @hypothesis h $h$\n * @bound $b$\n */');
const lemma: StaticLemma = {
  kind: 'theorem',
  id: 'l',
  name: 'l',
  file: 'proof/l.ts',
  uses: ['m'],
  doc,
  claims: [{ id: 'c', name: 'c', doc }, { id: 'd', name: 'd', doc }],
  findings: [{ id: 'f', name: 'f', drops: 'h', doc }],
};
const counts = { holds: 1, violated: 1, inconclusive: 0, inapplicable: 0, error: 0 };
const outcome = (claim: string, kind: CampaignOutcome['kind'], more: Partial<CampaignOutcome> = {}): CampaignOutcome => ({
  lemma: 'l',
  claim,
  kind,
  domain: 'd',
  status: 'holds on samples',
  probes: 2,
  counts,
  worst: { ratio: '0.5', lhs: '1', bound: '2', args: { x: '1' } },
  counterexample: undefined,
  firstUndecided: { args: { x: '0' }, verdict: { verdict: 'inconclusive', reason: 'undecided', precision: 100 } },
  boxProof: { certified: false, description: 'box' },
  seed: 1,
  runs: 2,
  timeMs: 1,
  decidedBy: { 'double-double': 1, decimal: 1 },
  ...more,
});
const violation = { args: { x: '2' }, verdict: { verdict: 'violated' as const, lhs: '3', bound: '2', ratio: '1.5' }, seed: 4, path: '0', shrinks: 1 };

type Json = Record<string, unknown> & { lemmas: (Record<string, unknown> & { claims: Record<string, unknown>[]; findings: Record<string, unknown>[]; planted: Record<string, unknown>[] })[] };
const valid = (): Json =>
  JSON.parse(
    JSON.stringify(
      buildReport(
        { lemmas: [lemma], problems: [{ file: 'proof/l.ts', message: 'p' }] },
        {
          outcomes: [
            outcome('c', 'claim', { reason: 'time limit of 5 ms reached after 1 of 2 probes', status: 'inconclusive' }),
            outcome('f', 'finding', { status: 'shown necessary', counterexample: violation }),
            outcome('c-halved', 'planted', { status: 'shown necessary', counterexample: { ...violation, path: undefined } }),
          ],
          unreadable: [],
        },
      ),
    ),
  ) as Json;

const validate = new Ajv2020({ allErrors: true, strict: false }).compile(REPORT_SCHEMA);
const errorsOf = (value: unknown): string[] => {
  return validate(value) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.keyword}`);
};
const broken = (change: (r: Json) => void): string[] => {
  const r = valid();
  change(r);
  return errorsOf(r);
};

describe('report schema', () => {
  it('is written as indented JSON with a final newline', () => {
    expect(reportSchemaText()).toBe(`${JSON.stringify(REPORT_SCHEMA, null, 2)}\n`);
    expect(REPORT_SCHEMA.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('accepts a report with every kind of evidence, null or not', () => {
    const r = valid();
    expect(r.lemmas[0]!.claims.map((c) => c.status)).toEqual(['inconclusive', 'not run']);
    expect(errorsOf(r)).toEqual([]);
  });

  it('refuses a malformed report at the place of the fault', () => {
    expect(broken((r) => delete r.totals)).toContain(' required');
    expect(broken((r) => (r.extra = 1))).toContain(' additionalProperties');
    expect(broken((r) => (r.format = 'uat-companion-report/2'))).toContain('/format const');
    expect(broken((r) => (r.$schema = 'x'))).toContain('/$schema const');
    expect(broken((r) => (r.seeds = [1.5]))).toContain('/seeds/0 type');
    expect(broken((r) => ((r.totals as { probes: number }).probes = -1))).toContain('/totals/probes minimum');
    expect(broken((r) => ((r.totals as { claims: Record<string, number> }).claims.refuted = -1))).toContain('/totals/claims/refuted minimum');
    expect(broken((r) => delete (r.totals as { claims: Record<string, number> }).claims['not run'])).toContain('/totals/claims required');
    expect(broken((r) => ((r.totals as { planted: Record<string, number> }).planted.other = 0))).toContain('/totals/planted additionalProperties');
    expect(broken((r) => ((r.problems as object[]).push({ where: 'w' })))).toContain('/problems/2 required');
    expect(broken((r) => (r.lemmas[0]!.kind = 'corollary'))).toContain('/lemmas/0/kind enum');
    expect(broken((r) => (r.lemmas[0]!.status = 'shown necessary'))).toContain('/lemmas/0/status enum');
    expect(broken((r) => (r.lemmas[0]!.extra = true))).toContain('/lemmas/0 additionalProperties');
    expect(broken((r) => ((r.lemmas[0]!.hypotheses as object[])[0] = { name: 'h' }))).toContain('/lemmas/0/hypotheses/0 required');
    expect(broken((r) => (r.lemmas[0]!.method = 3))).toContain('/lemmas/0/method type');
    expect(broken((r) => (r.lemmas[0]!.claims[0]!.status = 'not shown'))).toContain('/lemmas/0/claims/0/status enum');
    expect(broken((r) => delete r.lemmas[0]!.claims[0]!.bound)).toContain('/lemmas/0/claims/0 required');
    expect(broken((r) => (r.lemmas[0]!.claims[0]!.reason = ''))).toContain('/lemmas/0/claims/0/reason minLength');
    expect(broken((r) => (r.lemmas[0]!.findings[0]!.status = 'refuted'))).toContain('/lemmas/0/findings/0/status enum');
    expect(broken((r) => delete r.lemmas[0]!.findings[0]!.drops)).toContain('/lemmas/0/findings/0 required');
    expect(broken((r) => (r.lemmas[0]!.planted[0]!.status = 'shown necessary'))).toContain('/lemmas/0/planted/0/status enum');
    expect(broken((r) => (r.lemmas[0]!.planted[0]!.reason = 5))).toContain('/lemmas/0/planted/0/reason type');
    expect(broken((r) => (r.lemmas[0]!.planted[0]!.evidence = null))).toEqual([]);
  });

  it('refuses malformed evidence', () => {
    const evidence = (r: Json) => r.lemmas[0]!.claims[0]!.evidence as Record<string, unknown>;
    const finding = (r: Json) => r.lemmas[0]!.findings[0]!.evidence as Record<string, Record<string, unknown>>;
    expect(broken((r) => (evidence(r).extra = 1))).toContain('/lemmas/0/claims/0/evidence additionalProperties');
    expect(broken((r) => (evidence(r).probes = -2))).toContain('/lemmas/0/claims/0/evidence/probes minimum');
    expect(broken((r) => ((evidence(r).counts as Record<string, number>).holds = 0.5))).toContain('/lemmas/0/claims/0/evidence/counts/holds type');
    expect(broken((r) => delete (evidence(r).worst as Record<string, unknown>).ratio)).toContain('/lemmas/0/claims/0/evidence/worst required');
    expect(broken((r) => ((evidence(r).firstUndecided as { verdict: { verdict: string } }).verdict.verdict = 'maybe'))).toContain('/lemmas/0/claims/0/evidence/firstUndecided/verdict/verdict enum');
    expect(broken((r) => ((evidence(r).boxProof as Record<string, unknown>).certified = 'yes'))).toContain('/lemmas/0/claims/0/evidence/boxProof/certified type');
    expect(broken((r) => delete finding(r).counterexample!.replay)).toContain('/lemmas/0/findings/0/evidence/counterexample required');
    expect(broken((r) => (finding(r).counterexample!.shrinks = -1))).toContain('/lemmas/0/findings/0/evidence/counterexample/shrinks minimum');
    expect(broken((r) => (finding(r).counterexample!.extra = 1))).toContain('/lemmas/0/findings/0/evidence/counterexample additionalProperties');
    expect(broken((r) => ((finding(r).counterexample!.verdict as Record<string, unknown>).precision = 1.5))).toContain('/lemmas/0/findings/0/evidence/counterexample/verdict/precision type');
    expect(broken((r) => ((r.lemmas[0]!.planted[0]!.evidence as { counterexample: { path: unknown } }).counterexample.path = 3))).toContain('/lemmas/0/planted/0/evidence/counterexample/path type');
  });
});

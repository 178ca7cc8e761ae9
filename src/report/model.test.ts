/**
 * The report model on a synthetic registry and synthetic outcomes (no ts-morph, no run): statuses
 * only from outcomes, the worst status of a lemma, evidence copied field by field, planted bounds,
 * totals, seeds, dependency order and `usedBy`, and every kind of problem.
 */
import { describe, expect, it } from 'vitest';
import type { DocComment, StaticLemma, StaticRegistry } from '../registry/static.ts';
import type { CampaignOutcome } from '../verify/campaign.ts';
import { buildReport, REPORT_FORMAT, REPORT_SCHEMA_ID, replayLine, worstStatus } from './model.ts';
import type { RunOutcomes } from './outcomes.ts';

const doc = (summary: string, more: Partial<DocComment> = {}): DocComment => ({
  summary,
  hypotheses: [],
  bound: undefined,
  lhs: undefined,
  args: undefined,
  method: undefined,
  reference: undefined,
  ...more,
});

const lemma = (id: string, uses: string[], claims: string[], findings: string[] = [], kind: 'lemma' | 'theorem' = 'lemma'): StaticLemma => ({
  kind,
  id,
  name: id,
  file: `proof/${id}.ts`,
  uses,
  doc: doc(`Lemma ${id}.`),
  claims: claims.map((c) => ({ id: c, name: c, doc: doc(`Claim ${c}.`) })),
  findings: findings.map((f) => ({ id: f, name: f, drops: 'h', doc: doc(`Finding ${f}.`) })),
});

const counts = { holds: 2, violated: 0, inconclusive: 0, inapplicable: 1, error: 0 };
const outcome = (lemmaId: string, kind: CampaignOutcome['kind'], claim: string, status: CampaignOutcome['status'], more: Partial<CampaignOutcome> = {}): CampaignOutcome => ({
  lemma: lemmaId,
  claim,
  kind,
  domain: `domain of ${claim}`,
  status,
  probes: 3,
  counts,
  worst: undefined,
  counterexample: undefined,
  firstUndecided: undefined,
  boxProof: undefined,
  seed: 5,
  runs: 4,
  timeMs: 1.5,
  decidedBy: { 'double-double': 1, decimal: 1 },
  ...more,
});

const registry: StaticRegistry = {
  lemmas: [
    lemma('zeta', ['beta'], ['z1'], [], 'theorem'),
    {
      ...lemma('beta', ['alpha', 'nowhere'], ['b1', 'b2'], ['bf']),
      doc: doc('Lemma beta.', { hypotheses: [{ name: 'h', text: '$h$' }], method: 'M', reference: 'R' }),
      claims: [
        { id: 'b1', name: 'b1', doc: doc('Claim b1.', { lhs: 'L', bound: 'B', args: 'A', method: 'm', hypotheses: [{ name: 'k', text: '$k$' }] }) },
        { id: 'b2', name: 'b2', doc: doc('Claim b2.') },
      ],
    },
    lemma('alpha', [], ['a1', 'a2', 'a3', 'a4', 'a5', 'a6']),
    lemma('gamma', ['alpha'], ['g1']),
  ],
  problems: [{ file: 'proof/beta.ts', message: 'a registry problem' }],
};

const violation = { args: { x: '2' }, verdict: { verdict: 'violated' as const, lhs: '3', bound: '2' }, seed: 9, path: '1:0', shrinks: 3 };
const run: RunOutcomes = {
  outcomes: [
    outcome('alpha', 'claim', 'a1', 'certified', { boxProof: { certified: true, description: 'box' }, seed: 7, probes: 10 }),
    outcome('alpha', 'claim', 'a2', 'holds on samples', { worst: { ratio: '0.5', lhs: '1', bound: '2', args: { x: '1' } } }),
    outcome('alpha', 'claim', 'a3', 'inconclusive', { firstUndecided: { args: { x: '0' }, verdict: { verdict: 'inconclusive', reason: 'r' } }, reason: 'stopped' }),
    outcome('alpha', 'claim', 'a4', 'refuted', { counterexample: violation }),
    outcome('alpha', 'claim', 'a5', 'shown necessary' as never), // not a claim status: shown as not run
    outcome('alpha', 'claim', 'a6', 'holds on samples', { counterexample: { ...violation, path: undefined } }),
    outcome('alpha', 'planted', 'a1-halved', 'shown necessary', { counterexample: violation }),
    outcome('alpha', 'planted', 'a2-halved', 'not shown', { reason: '' }),
    outcome('beta', 'claim', 'b1', 'holds on samples', { seed: 1 }),
    outcome('beta', 'finding', 'bf', 'not shown'),
    outcome('beta', 'finding', 'b2', 'holds on samples'), // a claim id under the finding kind: not this claim's outcome
    outcome('ghost', 'claim', 'x', 'refuted'),
    outcome('gamma', 'finding', 'g1', 'shown necessary'),
  ],
  unreadable: [{ file: 'runs/alpha/bad.json', problem: 'Unexpected token' }],
};

describe('report model', () => {
  const report = () => buildReport(registry, run);
  const find = (id: string) => report().lemmas.find((l) => l.id === id)!;

  it('has the schema id, the format, and the sorted distinct seeds', () => {
    const r = report();
    expect(r.$schema).toBe(REPORT_SCHEMA_ID);
    expect(r.$schema).toBe('https://uat-companion.invalid/report.schema.json');
    expect(r.format).toBe(REPORT_FORMAT);
    expect(r.format).toBe('uat-companion-report/1');
    expect(r.seeds).toEqual([1, 5, 7]);
  });

  it('orders lemmas by dependency (ties by id), theorems last, and lists who uses each', () => {
    const r = report();
    expect(r.lemmas.map((l) => l.id)).toEqual(['alpha', 'beta', 'gamma', 'zeta']);
    expect(r.lemmas.map((l) => [l.id, l.kind, l.usedBy])).toEqual([
      ['alpha', 'lemma', ['beta', 'gamma']],
      ['beta', 'lemma', ['zeta']],
      ['gamma', 'lemma', []],
      ['zeta', 'theorem', []],
    ]);
    expect(find('beta').uses).toEqual(['alpha', 'nowhere']);
    expect(find('beta').file).toBe('proof/beta.ts');
  });

  it('copies the statement, hypotheses, method and reference of a lemma, null when absent', () => {
    expect(find('beta')).toMatchObject({ statement: 'Lemma beta.', hypotheses: [{ name: 'h', text: '$h$' }], method: 'M', reference: 'R' });
    expect(find('alpha')).toMatchObject({ statement: 'Lemma alpha.', hypotheses: [], method: null, reference: null });
  });

  it('copies each claim’s doc fields, null when absent', () => {
    const [b1, b2] = find('beta').claims;
    expect(b1).toMatchObject({ id: 'b1', statement: 'Claim b1.', lhs: 'L', bound: 'B', args: 'A', method: 'm', hypotheses: [{ name: 'k', text: '$k$' }] });
    expect(b2).toEqual({ id: 'b2', statement: 'Claim b2.', lhs: null, bound: null, args: null, method: null, hypotheses: [], status: 'not run', evidence: null });
  });

  it('takes every claim status from its outcome, anything else is not run', () => {
    expect(find('alpha').claims.map((c) => [c.id, c.status])).toEqual([
      ['a1', 'certified'],
      ['a2', 'holds on samples'],
      ['a3', 'inconclusive'],
      ['a4', 'refuted'],
      ['a5', 'not run'],
      ['a6', 'holds on samples'],
    ]);
    expect(find('beta').findings.map((f) => [f.id, f.drops, f.status, f.statement])).toEqual([['bf', 'h', 'not shown', 'Finding bf.']]);
    expect(find('gamma').claims[0]!.status).toBe('not run');
  });

  it('gives a lemma the worst status of its claims', () => {
    expect(report().lemmas.map((l) => [l.id, l.status])).toEqual([
      ['alpha', 'refuted'],
      ['beta', 'not run'],
      ['gamma', 'not run'],
      ['zeta', 'not run'],
    ]);
    expect(worstStatus(['certified', 'holds on samples'])).toBe('holds on samples');
    expect(worstStatus(['certified', 'not run', 'holds on samples'])).toBe('not run');
    expect(worstStatus(['not run', 'inconclusive'])).toBe('inconclusive');
    expect(worstStatus(['inconclusive', 'refuted', 'certified'])).toBe('refuted');
    expect(worstStatus(['certified'])).toBe('certified');
    expect(worstStatus([])).toBe('not run');
  });

  it('copies the evidence of an outcome field by field, and the reason when there is one', () => {
    const [a1, a2, a3, a4, , a6] = find('alpha').claims;
    expect(a1!.evidence).toEqual({
      domain: 'domain of a1',
      probes: 10,
      runs: 4,
      seed: 7,
      counts,
      worst: null,
      counterexample: null,
      firstUndecided: null,
      boxProof: { certified: true, description: 'box' },
    });
    expect(a2!.evidence!.worst).toEqual({ ratio: '0.5', lhs: '1', bound: '2', args: { x: '1' } });
    expect(a3!.evidence!.firstUndecided).toEqual({ args: { x: '0' }, verdict: { verdict: 'inconclusive', reason: 'r' } });
    expect(a3!.reason).toBe('stopped');
    expect(Object.keys(a2!)).not.toContain('reason');
    expect(a4!.evidence!.counterexample).toEqual({ ...violation, replay: '{"claim":"alpha/a4","args":{"x":"2"}}' });
    expect(a6!.evidence!.counterexample!.path).toBeNull();
  });

  it('lists the planted bounds of each lemma from the outcomes: refuted exactly when a counterexample was found', () => {
    expect(find('alpha').planted.map((p) => [p.id, p.status, p.reason, p.evidence.domain])).toEqual([
      ['a1-halved', 'refuted', undefined, 'domain of a1-halved'],
      ['a2-halved', 'not refuted', undefined, 'domain of a2-halved'],
    ]);
    expect(Object.keys(find('alpha').planted[1]!)).toEqual(['id', 'status', 'evidence']); // an empty reason is no reason
    expect(find('beta').planted).toEqual([]);
  });

  it('counts claims, findings and planted bounds by status, and the probes of every outcome', () => {
    expect(report().totals).toEqual({
      claims: { certified: 1, 'holds on samples': 3, inconclusive: 1, refuted: 1, 'not run': 4 },
      findings: { 'shown necessary': 0, 'not shown': 1, 'not run': 0 },
      planted: { refuted: 1, 'not refuted': 1 },
      probes: 3 * 12 + 10,
    });
  });

  it('reports registry problems, unreadable outcomes, unprobed claims of a lemma that ran, and outcomes naming nothing registered', () => {
    expect(report().problems).toEqual([
      { where: 'proof/beta.ts', message: 'a registry problem' },
      { where: 'runs/alpha/bad.json', message: 'Unexpected token' },
      { where: 'properties/alpha.property.ts', message: 'claim alpha/a5 got no outcome although its property file ran (no campaign probes it)' },
      { where: 'properties/beta.property.ts', message: 'claim beta/b2 got no outcome although its property file ran (no campaign probes it)' },
      { where: 'properties/gamma.property.ts', message: 'claim gamma/g1 got no outcome although its property file ran (no campaign probes it)' },
      { where: 'beta/finding-b2', message: 'an outcome names finding b2 of lemma beta, which the registry does not hold' },
      { where: 'ghost/claim-x', message: 'an outcome names claim x of lemma ghost, which the registry does not hold' },
      { where: 'gamma/finding-g1', message: 'an outcome names finding g1 of lemma gamma, which the registry does not hold' },
    ]);
  });

  it('reports a finding without outcome of a lemma that ran', () => {
    const r = buildReport({ lemmas: [lemma('solo', [], ['c'], ['f'])], problems: [] }, { outcomes: [outcome('solo', 'claim', 'c', 'certified')], unreadable: [] });
    expect(r.problems).toEqual([{ where: 'properties/solo.property.ts', message: 'finding solo/f got no outcome although its property file ran (no campaign probes it)' }]);
  });

  it('shows a finding with a certified violation as shown necessary, and any other as not shown', () => {
    const r = buildReport({ lemmas: [lemma('solo', [], [], ['f', 'g', 'h'])], problems: [] }, {
      outcomes: [outcome('solo', 'finding', 'f', 'shown necessary'), outcome('solo', 'finding', 'g', 'not shown'), outcome('solo', 'finding', 'h', 'refuted')],
      unreadable: [],
    });
    expect(r.lemmas[0]!.findings.map((f) => [f.id, f.status])).toEqual([
      ['f', 'shown necessary'],
      ['g', 'not shown'],
      ['h', 'not shown'],
    ]);
    expect(r.totals.findings).toEqual({ 'shown necessary': 1, 'not shown': 2, 'not run': 0 });
  });

  it('is empty of statuses and problems when nothing ran', () => {
    const r = buildReport({ lemmas: [lemma('solo', [], ['c'], ['f'])], problems: [] }, { outcomes: [], unreadable: [] });
    expect(r.problems).toEqual([]);
    expect(r.seeds).toEqual([]);
    expect(r.totals).toEqual({
      claims: { certified: 0, 'holds on samples': 0, inconclusive: 0, refuted: 0, 'not run': 1 },
      findings: { 'shown necessary': 0, 'not shown': 0, 'not run': 1 },
      planted: { refuted: 0, 'not refuted': 0 },
      probes: 0,
    });
  });

  it('sorts seeds numerically, not as text', () => {
    const r = buildReport({ lemmas: [lemma('solo', [], ['c', 'd', 'e'])], problems: [] }, {
      outcomes: [outcome('solo', 'claim', 'c', 'certified', { seed: 10 }), outcome('solo', 'claim', 'd', 'certified', { seed: 9 }), outcome('solo', 'claim', 'e', 'certified', { seed: 10 })],
      unreadable: [],
    });
    expect(r.seeds).toEqual([9, 10]);
  });

  it('writes the replay line of a counterexample as one uat check line', () => {
    expect(replayLine('softmax-hardmax', 'linf', { z: ['1', '0'], lambda: '2' })).toBe('{"claim":"softmax-hardmax/linf","args":{"z":["1","0"],"lambda":"2"}}');
  });
});

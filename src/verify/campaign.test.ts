/**
 * A campaign proves nothing from probes that were not decided: a claim whose probes are `error`s, or
 * all `inapplicable`, must come out `inconclusive` with the reason — never `holds on samples` or
 * `certified`.
 */
import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineClaim } from '../registry/define.ts';
import { ArgumentError } from '../verdict/errors.ts';
import { runCampaign, type CampaignSpec } from './campaign.ts';
import { recordRegression } from './regressions.ts';

const spec = (definition: CampaignSpec['definition']): CampaignSpec => ({
  lemma: 'campaign-test',
  claim: definition.id,
  kind: 'claim',
  definition,
  arbitrary: fc.record({ x: fc.constantFrom('1', '2') }),
  domain: 'x ∈ {1, 2}',
  defaultRuns: 5,
  boxProof: () => ({ certified: true, description: 'a box proof that would certify anything' }),
});

describe('runCampaign status from undecided probes', () => {
  // each campaign its own default runs, unsplit, without a time limit, whatever the environment says
  const VARIABLES = ['UAT_RUN_DIR', 'UAT_RUNS', 'UAT_PART', 'UAT_TIME_LIMIT_MS'] as const;
  let saved: Partial<Record<(typeof VARIABLES)[number], string>> = {};
  beforeEach(() => {
    saved = Object.fromEntries(VARIABLES.flatMap((v) => (process.env[v] !== undefined ? [[v, process.env[v]]] : [])));
    for (const v of VARIABLES) delete process.env[v];
    process.env.UAT_RUN_DIR = mkdtempSync(path.join(tmpdir(), 'uat-campaign-test-'));
  });
  afterEach(() => {
    for (const v of VARIABLES) delete process.env[v];
    Object.assign(process.env, saved);
  });

  it('a claim whose every probe is an error is inconclusive, not certified', () => {
    const broken = defineClaim<{ x: string }>({
      id: 'always-error',
      parse: (raw) => ({ x: String(raw.x) }),
      hypotheses: () => undefined,
      evaluate: (a) => {
        throw new ArgumentError('x', a.x, 'cannot be evaluated by this test claim');
      },
    });
    const outcome = runCampaign(spec(broken));
    expect(outcome.counts.error).toBe(5);
    expect(outcome.status).toBe('inconclusive');
    expect(outcome.reason).toContain('5 of 5 probes could not be evaluated');
  });

  it('a claim whose every probe is inapplicable is inconclusive, not certified', () => {
    const outside = defineClaim<{ x: string }>({
      id: 'always-inapplicable',
      parse: (raw) => ({ x: String(raw.x) }),
      hypotheses: (a) => ({ hypothesis: 'never', reason: `x = ${a.x} is outside` }),
      evaluate: (_a, A) => ({ lhs: A.point(0), bound: A.point(1) }),
    });
    const outcome = runCampaign(spec(outside));
    expect(outcome.counts.inapplicable).toBe(5);
    expect(outcome.status).toBe('inconclusive');
    expect(outcome.reason).toContain('no probe was decided within the hypotheses');
  });

  it('a claim with decided probes and a box proof is certified', () => {
    const fine = defineClaim<{ x: string }>({
      id: 'always-holds',
      parse: (raw) => ({ x: String(raw.x) }),
      hypotheses: () => undefined,
      evaluate: (_a, A) => ({ lhs: A.point(0), bound: A.point(1) }),
    });
    expect(runCampaign(spec(fine)).status).toBe('certified');
  });
});

describe('runCampaign bookkeeping', () => {
  const VARIABLES = ['UAT_RUN_DIR', 'UAT_RUNS', 'UAT_PART', 'UAT_TIME_LIMIT_MS', 'UAT_DIGITS', 'UAT_REGRESSIONS_DIR'] as const;
  let saved: Partial<Record<(typeof VARIABLES)[number], string>> = {};
  beforeEach(() => {
    saved = Object.fromEntries(VARIABLES.flatMap((v) => (process.env[v] !== undefined ? [[v, process.env[v]]] : [])));
    for (const v of VARIABLES) delete process.env[v];
    process.env.UAT_RUN_DIR = mkdtempSync(path.join(tmpdir(), 'uat-campaign-test-'));
    process.env.UAT_REGRESSIONS_DIR = path.join(process.env.UAT_RUN_DIR, 'regressions');
  });
  afterEach(() => {
    for (const v of VARIABLES) delete process.env[v];
    Object.assign(process.env, saved);
  });

  /** `x/3 ≤ limit`; x ≤ 0 is outside the hypotheses; x = 'bad' cannot be read. */
  const third = (limit: string) =>
    defineClaim<{ x: string }>({
      id: `third-${limit}`,
      parse: (raw) => {
        if (raw.x === 'bad') throw new ArgumentError('x', raw.x, 'is bad on purpose');
        return { x: String(raw.x) };
      },
      hypotheses: (a) => (a.x.startsWith('-') || a.x === '0' ? { hypothesis: 'positive', reason: `x = ${a.x}` } : undefined),
      evaluate: (a, A) => ({ lhs: A.div(A.point(a.x), A.point(3)), bound: A.point(limit) }),
    });
  const run = (definition: CampaignSpec['definition'], xs: readonly string[], kind: CampaignSpec['kind'] = 'claim') =>
    runCampaign({ ...spec(definition), kind, arbitrary: fc.record({ x: fc.constantFrom(...xs) }), defaultRuns: 30 });

  it('counts decided probes by arithmetic; undecided ones are not counted', () => {
    const o = run(third('10'), ['1', '2', '-1', 'bad']);
    expect(o.counts.holds + o.counts.inapplicable + o.counts.error).toBe(30);
    expect(o.probes).toBe(30);
    expect(o.runs).toBe(30);
    expect(o.decidedBy).toEqual({ 'double-double': 0, decimal: o.counts.holds }); // no fast hook: decimal.js decides
    expect(o.counts.holds).toBeGreaterThan(0);
    expect(o.counts.inapplicable).toBeGreaterThan(0);
    expect(o.firstUndecided?.args).toEqual({ x: 'bad' }); // an error is undecided; an inapplicable probe is not
    expect(o.firstUndecided?.verdict.verdict).toBe('error');
    expect(o.status).toBe('inconclusive');
  });

  it('counts the fast path when it decides', async () => {
    const { linf } = await import('../../proof/softmax-hardmax.ts');
    const o = runCampaign({ ...spec(linf as CampaignSpec['definition']), arbitrary: fc.constantFrom({ z: ['0', '-1'], lambda: '2' }, { z: ['1', '3'], lambda: '0.5' }), defaultRuns: 10 });
    expect(o.decidedBy).toEqual({ 'double-double': 10, decimal: 0 });
    expect(o.firstUndecided).toBeUndefined();
  });

  it('the worst probe is the largest ratio among the wanted verdicts; reported digits follow UAT_DIGITS', () => {
    const o = run(third('10'), ['1', '2', '-1']);
    expect(o.worst).toEqual({ ratio: '0.066666667', lhs: '0.66666666666666666667', bound: '10', args: { x: '2' } });
    expect(o.firstUndecided).toBeUndefined();
    process.env.UAT_DIGITS = '3';
    expect(run(third('10'), ['1', '2']).worst).toMatchObject({ lhs: '0.667', bound: '10', args: { x: '2' } });
    // a planted bound wants violations: its worst ratio is a violated probe's, never a probe that holds
    delete process.env.UAT_DIGITS;
    const planted = run(third('0.5'), ['1', '2', '3'], 'planted');
    expect(planted.status).toBe('shown necessary');
    expect(Number(planted.worst!.ratio)).toBeGreaterThan(1);
  });

  it('the time limit in force is the smaller of the campaign’s and UAT_TIME_LIMIT_MS', () => {
    const slow = defineClaim<{ x: string }>({
      id: 'slow',
      parse: (raw) => ({ x: String(raw.x) }),
      hypotheses: () => undefined,
      evaluate: (a, A) => {
        const until = performance.now() + 2;
        while (performance.now() < until); // slow on purpose
        return { lhs: A.point(a.x), bound: A.point(10) };
      },
    });
    const campaign = (budget: number | undefined) => runCampaign({ ...spec(slow), defaultRuns: 100_000, ...(budget !== undefined ? { timeBudgetMs: budget } : {}) });
    process.env.UAT_TIME_LIMIT_MS = '30';
    expect(campaign(undefined).reason).toMatch(/^time limit of 30 ms reached after \d+ of 100000 probes$/);
    expect(campaign(100_000).reason).toMatch(/^time limit of 30 ms reached/);
    process.env.UAT_TIME_LIMIT_MS = '100000';
    expect(campaign(40).reason).toMatch(/^time limit of 40 ms reached/);
  });

  it('replays the committed regression examples first (part 0 of a split campaign only)', () => {
    recordRegression('campaign-test', 'third-10', { args: { x: '29' }, seed: 1, path: null }); // outside the arbitrary: ratio 29/30
    expect(run(third('10'), ['1', '2']).worst?.args).toEqual({ x: '29' });
    process.env.UAT_RUNS = '20';
    process.env.UAT_PART = '0/2';
    expect(run(third('10'), ['1', '2']).worst?.args).toEqual({ x: '29' });
    process.env.UAT_PART = '1/2';
    expect(run(third('10'), ['1', '2']).worst?.args).toEqual({ x: '2' });
  });
});

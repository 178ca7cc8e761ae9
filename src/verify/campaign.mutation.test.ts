/**
 * A campaign's status and reason ({@link conclude}) for every kind of tally, exactly; and the
 * bookkeeping of {@link runCampaign} that the other campaign tests leave open: undecided and
 * shrinking probes, the first undecided probe, the worst probe among the wanted verdicts only, the
 * counterexample recorded as a regression (not by a part), the campaign's own digits, a part of one,
 * and a time limit reached while shrinking.
 */
import fc from 'fast-check';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineClaim } from '../registry/define.ts';
import { ArgumentError } from '../verdict/errors.ts';
import type { Verdict } from '../verdict/verdict.ts';
import { conclude, runCampaign, summarise, type CampaignOutcome, type CampaignSpec, type CampaignTally, type Counterexample } from './campaign.ts';

const COUNTEREXAMPLE = { args: { x: '1' }, verdict: { verdict: 'violated' } as Verdict, seed: 1, path: '0', shrinks: 0 } satisfies Counterexample;

const tally = (changes: Partial<Omit<CampaignTally, 'counts'>> & { counts?: Partial<CampaignTally['counts']> }): CampaignTally => ({
  kind: 'claim',
  probes: 5,
  runs: 5,
  counterexample: undefined,
  firstUndecided: undefined,
  timeBudgetMs: undefined,
  outOfTime: false,
  shrinkCut: false,
  ...changes,
  counts: { holds: 5, violated: 0, inconclusive: 0, inapplicable: 0, error: 0, ...changes.counts },
});

describe('conclude', () => {
  const proof = { certified: true, description: 'interval evaluation over the box' };

  it('a claim whose probes hold: certified with a box proof that succeeds, otherwise holds on samples; no reason', () => {
    expect(conclude(tally({}), undefined)).toStrictEqual({ status: 'holds on samples' });
    expect(conclude(tally({}), () => undefined)).toStrictEqual({ status: 'holds on samples' });
    expect(conclude(tally({}), () => proof)).toStrictEqual({ status: 'certified', boxProof: proof });
    const failed = { certified: false, description: 'the cover did not close' };
    expect(conclude(tally({}), () => failed)).toStrictEqual({ status: 'holds on samples', boxProof: failed });
  });

  it('an inconclusive probe, an error or no decided probe: inconclusive, and the box proof is not consulted', () => {
    const box = vi.fn(() => proof);
    expect(conclude(tally({ counts: { holds: 4, inconclusive: 1 } }), box)).toStrictEqual({ status: 'inconclusive' });
    const undecided = { args: { x: 'bad' }, verdict: { verdict: 'error', reason: 'argument x is bad' } as Verdict };
    expect(conclude(tally({ counts: { holds: 3, error: 2 }, firstUndecided: undecided }), box)).toStrictEqual({
      status: 'inconclusive',
      reason: '2 of 5 probes could not be evaluated (error), the first: argument x is bad',
    });
    expect(conclude(tally({ counts: { holds: 3, error: 2 } }), box)).toStrictEqual({ status: 'inconclusive', reason: '2 of 5 probes could not be evaluated (error)' });
    expect(conclude(tally({ counts: { holds: 0, inapplicable: 5 } }), box)).toStrictEqual({ status: 'inconclusive', reason: 'no probe was decided within the hypotheses (5 of 5 inapplicable)' });
    expect(box).not.toHaveBeenCalled();
  });

  it('a counterexample refutes a claim whatever else happened, without a reason about undecided probes', () => {
    expect(conclude(tally({ counts: { holds: 0, violated: 1, error: 4 }, counterexample: COUNTEREXAMPLE }), () => proof)).toStrictEqual({ status: 'refuted' });
  });

  it('findings and planted bounds: shown necessary with a counterexample, not shown without; never a reason about undecided probes', () => {
    for (const kind of ['finding', 'planted'] as const) {
      expect(conclude(tally({ kind, counts: { holds: 0, inapplicable: 5 } }), undefined)).toStrictEqual({ status: 'not shown' });
      expect(conclude(tally({ kind, counts: { holds: 0, error: 5 } }), undefined)).toStrictEqual({ status: 'not shown' });
      expect(conclude(tally({ kind, counts: { holds: 0, violated: 1, inapplicable: 4 }, counterexample: COUNTEREXAMPLE }), undefined)).toStrictEqual({ status: 'shown necessary' });
    }
  });

  it('a time limit: the reason says when it was reached, per part when the campaign was split', () => {
    const late = { timeBudgetMs: 500, outOfTime: true, probes: 37, runs: 200 };
    expect(conclude(tally(late), () => proof)).toStrictEqual({ status: 'inconclusive', reason: 'time limit of 500 ms reached after 37 of 200 probes' });
    expect(conclude(tally({ ...late, parts: 1 }), undefined)).toStrictEqual({ status: 'inconclusive', reason: 'time limit of 500 ms reached after 37 of 200 probes' });
    expect(conclude(tally({ ...late, parts: 4 }), undefined)).toStrictEqual({ status: 'inconclusive', reason: 'time limit of 500 ms per part (4 parts) reached after 37 of 200 probes' });
    expect(conclude(tally({ ...late, kind: 'planted' }), undefined)).toStrictEqual({ status: 'not shown', reason: 'time limit of 500 ms reached after 37 of 200 probes' });
    expect(conclude(tally({ timeBudgetMs: 40, shrinkCut: true, counterexample: COUNTEREXAMPLE }), undefined)).toStrictEqual({
      status: 'refuted',
      reason: 'time limit of 40 ms reached while shrinking the counterexample',
    });
  });
});

describe('summarise', () => {
  it('one line: lemma/claim [kind]: status (probes, worst ratio when there is one)', () => {
    const outcome = { lemma: 'l', claim: 'c', kind: 'claim', status: 'holds on samples', probes: 12, worst: { ratio: '0.75' } } as CampaignOutcome;
    expect(summarise(outcome)).toBe('l/c [claim]: holds on samples (12 probes, worst lhs/bound 0.75)');
    expect(summarise({ ...outcome, kind: 'planted', status: 'not shown', worst: undefined })).toBe('l/c [planted]: not shown (12 probes)');
  });
});

describe('runCampaign bookkeeping (more)', () => {
  const VARIABLES = ['UAT_RUN_DIR', 'UAT_RUNS', 'UAT_PART', 'UAT_TIME_LIMIT_MS', 'UAT_DIGITS', 'UAT_REGRESSIONS_DIR', 'UAT_SEED'] as const;
  let saved: Partial<Record<(typeof VARIABLES)[number], string>> = {};
  let runDir: string;
  beforeEach(() => {
    saved = Object.fromEntries(VARIABLES.flatMap((v) => (process.env[v] !== undefined ? [[v, process.env[v]]] : [])));
    for (const v of VARIABLES) delete process.env[v];
    runDir = mkdtempSync(path.join(tmpdir(), 'uat-campaign-mutation-'));
    process.env.UAT_RUN_DIR = runDir;
    process.env.UAT_REGRESSIONS_DIR = path.join(runDir, 'regressions');
  });
  afterEach(() => {
    for (const v of VARIABLES) delete process.env[v];
    Object.assign(process.env, saved);
  });

  /** `x/3 ≤ limit` over integers x; 'bad…' cannot be read (the reason names it); the arguments of every call to parse are logged. */
  const third = (limit: string, log: string[] = []) =>
    defineClaim<{ x: string }>({
      id: `third-${limit}`,
      parse: (raw) => {
        const x = String(raw.x);
        log.push(x);
        if (x.startsWith('bad')) throw new ArgumentError('x', x, 'is bad on purpose');
        return { x };
      },
      hypotheses: () => undefined,
      evaluate: (a, A) => ({ lhs: A.div(A.point(a.x), A.point(3)), bound: A.point(limit) }),
    });
  /** `x/3 ≤ x/3`: true, but its sign is undecided at any precision (an `inconclusive` probe). */
  const tight = defineClaim<{ x: string }>({
    id: 'tight',
    parse: (raw) => ({ x: String(raw.x) }),
    hypotheses: () => undefined,
    evaluate: (a, A) => ({ lhs: A.div(A.point(a.x), A.point(3)), bound: A.div(A.point(a.x), A.point(3)) }),
  });
  const spec = (definition: CampaignSpec['definition'], arbitrary: fc.Arbitrary<Record<string, unknown>>, more: Partial<CampaignSpec> = {}): CampaignSpec => ({
    lemma: 'campaign-mutation',
    claim: definition.id,
    kind: 'claim',
    definition,
    arbitrary,
    domain: 'test',
    defaultRuns: 30,
    decideOptions: { maxPrecision: 30 },
    ...more,
  });
  const xs = (...values: string[]) => fc.record({ x: fc.constantFrom(...values) });

  it('every probe is counted once, undecided ones included', () => {
    const o = runCampaign(spec(tight, xs('1', '2'), { examples: [{ x: 'bad' }] }));
    expect(o.counts.error).toBe(1);
    expect(o.counts.inconclusive).toBe(29);
    expect(o.probes).toBe(30); // the example is one of the 30 runs
    expect(o.status).toBe('inconclusive');
    expect(o.decidedBy).toEqual({ 'double-double': 0, decimal: 0 });
    expect('reason' in o).toBe(true);
    const fine = runCampaign(spec(third('10'), xs('1', '2')));
    expect(fine.status).toBe('holds on samples');
    expect('reason' in fine).toBe(false); // no reason, not even an undefined one
    expect('part' in fine).toBe(false);
  });

  it('the first undecided probe is the first error met, not a later one', () => {
    const log: string[] = [];
    const o = runCampaign(spec(third('10', log), xs('1', 'bad-a', 'bad-b', 'bad-c')));
    const firstBad = log.find((x) => x.startsWith('bad'))!;
    expect(log.filter((x) => x.startsWith('bad') && x !== firstBad).length).toBeGreaterThan(0); // later errors, other values
    expect(o.firstUndecided?.args).toEqual({ x: firstBad });
    expect(o.firstUndecided?.verdict.reason).toBe(`argument x is bad on purpose, got "${firstBad}"`);
  });

  it('a refuted claim: the violation is counted once (shrinking steps are not probes), decided probes include it, the worst is among the probes that hold', () => {
    // 2 comes first, then random x ∈ [0, 100]: x ≥ 31 violates x/3 ≤ 10, and shrinks to 31
    const log: string[] = [];
    const o = runCampaign(spec(third('10', log), fc.record({ x: fc.integer({ min: 0, max: 100 }).map(String) }), { examples: [{ x: '2' }] }));
    expect(o.status).toBe('refuted');
    expect(o.counts.violated).toBe(1);
    expect(o.probes).toBe(o.counts.holds + 1);
    expect(o.decidedBy).toEqual({ 'double-double': 0, decimal: o.probes });
    // the probes are the first calls (the violation last), then the shrinking steps, violated ones among them
    const held = log.slice(0, o.probes - 1).map(Number);
    expect(log.slice(o.probes).filter((x) => Number(x) > 30).length).toBeGreaterThan(1);
    expect(o.worst).toMatchObject({ bound: '10', args: { x: String(Math.max(...held)) } });
    expect(Number(o.worst!.ratio)).toBeLessThan(1);
    expect(o.counterexample?.args).toEqual({ x: '31' });
    expect(o.counterexample?.verdict).toMatchObject({ verdict: 'violated', lhs: '10.333333333333333333', bound: '10' });
    expect(o.counterexample?.shrinks).toBeGreaterThan(0);
    // recorded as a regression, with fast-check's seed and path
    const stored = JSON.parse(readFileSync(path.join(runDir, 'regressions', 'campaign-mutation.json'), 'utf8')) as Record<string, unknown>;
    expect(stored).toEqual({ 'third-10': [{ args: { x: '31' }, seed: o.counterexample!.seed, path: o.counterexample!.path }] });
    expect(typeof o.counterexample!.path).toBe('string');
  });

  it('a claim that holds records no regression; a part of a split campaign records none either (the merge does)', () => {
    runCampaign(spec(third('10'), xs('1', '2')));
    expect(existsSync(path.join(runDir, 'regressions', 'campaign-mutation.json'))).toBe(false);
    process.env.UAT_PART = '0/2';
    process.env.UAT_RUNS = '4';
    const part = runCampaign(spec(third('10'), xs('1'), { examples: [{ x: '90' }] }));
    expect(part.status).toBe('refuted');
    expect(existsSync(path.join(runDir, 'regressions', 'campaign-mutation.json'))).toBe(false);
    expect(part.part).toStrictEqual({ index: 0, count: 2, seed: part.seed, outOfTime: false, shrinkCut: false }); // no time budget key without a budget
    expect(existsSync(path.join(runDir, '.parts', 'campaign-mutation', 'claim-third-10', '0-of-2.json'))).toBe(true);
  });

  it('probes without a ratio (a bound of 0) give no worst probe', () => {
    const nonPositive = defineClaim<{ x: string }>({
      id: 'non-positive',
      parse: (raw) => ({ x: String(raw.x) }),
      hypotheses: () => undefined,
      evaluate: (a, A) => ({ lhs: A.point(a.x), bound: A.point(0) }),
    });
    const o = runCampaign(spec(nonPositive, xs('-1', '0')));
    expect(o.status).toBe('holds on samples');
    expect(o.counts.holds).toBe(30);
    expect(o.worst).toBeUndefined();
  });

  it('UAT_PART=0/1 is no split: the whole runs, recorded as the outcome', () => {
    process.env.UAT_PART = '0/1';
    const o = runCampaign(spec(third('10'), xs('1', '2')));
    expect(o.runs).toBe(30);
    expect('part' in o).toBe(false);
    expect(existsSync(path.join(runDir, 'campaign-mutation', 'claim-third-10.json'))).toBe(true);
    expect(existsSync(path.join(runDir, '.parts'))).toBe(false);
  });

  it("the campaign's own digits apply when UAT_DIGITS is not set", () => {
    const o = runCampaign(spec(third('10'), xs('2'), { decideOptions: { digits: 5 } }));
    expect(o.worst).toEqual({ ratio: '0.066666667', lhs: '0.66667', bound: '10', args: { x: '2' } });
  });

  it('a time limit reached while shrinking: refuted with the counterexample so far, and the reason says so', () => {
    // x ≤ 10 over x ∈ [0, 10^6]: the first probe violates it (fast); every later call takes 30 ms, and the
    // shrinking toward 10 takes about 20 steps
    let calls = 0;
    const slowAfterFirst = defineClaim<{ x: string }>({
      id: 'slow-after-first',
      parse: (raw) => ({ x: String(raw.x) }),
      hypotheses: () => undefined,
      evaluate: (a, A) => {
        calls += 1;
        if (calls > 1) {
          const until = performance.now() + 30;
          while (performance.now() < until); // slow on purpose
        }
        return { lhs: A.point(a.x), bound: A.point(10) };
      },
    });
    const o = runCampaign(spec(slowAfterFirst, fc.integer({ min: 0, max: 1_000_000 }).map((x) => ({ x: String(x) })), { timeBudgetMs: 300 }));
    expect(o.status).toBe('refuted');
    expect(o.reason).toBe('time limit of 300 ms reached while shrinking the counterexample');
    expect(o.counterexample?.verdict.verdict).toBe('violated');
    expect(o.probes).toBe(1);
  });
});

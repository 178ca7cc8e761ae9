/**
 * A campaign's time budget (`CampaignSpec.timeBudgetMs`) turns an unfinished campaign into
 * `inconclusive` with the reason, never into a silent pass; a violation found before the budget
 * runs out still refutes the claim.
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineClaim, type ClaimDefinition } from '../registry/define.ts';
import { readDecimal, required } from '../verdict/args.ts';
import { runCampaign, type CampaignSpec } from './campaign.ts';

let runDir: string;
/** The environment as it was: restored after this file, so no setting leaks to another test file. */
const savedEnv = { ...process.env };
afterAll(() => {
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
  Object.assign(process.env, savedEnv);
});
beforeAll(() => {
  runDir = mkdtempSync(path.join(tmpdir(), 'uat-time-limit-'));
  process.env.UAT_RUN_DIR = runDir;
  process.env.UAT_REGRESSIONS_DIR = path.join(runDir, 'regressions'); // keep test counterexamples out of properties/regressions
  delete process.env.UAT_RUNS;
});

/** The claim `x ≤ limit`, each probe taking at least `ms` milliseconds. */
function slowClaim(limit: string, ms: number): ClaimDefinition<unknown> {
  return defineClaim<string>({
    id: 'slow',
    parse: (raw) => readDecimal(required(raw, 'x'), 'x').toString(),
    hypotheses: () => undefined,
    evaluate(x, A) {
      const until = performance.now() + ms;
      while (performance.now() < until); // a probe that is slow on purpose
      return { lhs: A.point(x), bound: A.point(limit) };
    },
  }) as ClaimDefinition<unknown>;
}

const spec = (over: Partial<CampaignSpec>): CampaignSpec => ({
  lemma: 'time-limit-test',
  claim: 'slow',
  kind: 'claim',
  definition: slowClaim('10', 5),
  arbitrary: fc.record({ x: fc.integer({ min: 0, max: 10 }).map(String) }),
  domain: 'x ∈ [0, 10]',
  defaultRuns: 10_000,
  ...over,
});

describe('campaign time budget', () => {
  it('stops a claim campaign at the budget: inconclusive, with the reason and the probes done', () => {
    const outcome = runCampaign(spec({ timeBudgetMs: 150 }));
    expect(outcome.status).toBe('inconclusive');
    expect(outcome.probes).toBeGreaterThan(0);
    expect(outcome.probes).toBeLessThan(outcome.runs);
    expect(outcome.reason).toBe(`time limit of 150 ms reached after ${outcome.probes} of ${outcome.runs} probes`);
    expect(outcome.counts.holds).toBe(outcome.probes);
    expect(outcome.timeMs).toBeLessThan(10_000);
    const recorded = JSON.parse(readFileSync(path.join(runDir, 'time-limit-test', 'claim-slow.json'), 'utf8')) as Record<string, unknown>;
    expect(recorded.status).toBe('inconclusive');
    expect(recorded.reason).toBe(outcome.reason);
  });

  it('a violation found within the budget still refutes, with a certified counterexample', () => {
    const outcome = runCampaign(spec({ claim: 'slow-false', definition: slowClaim('3', 2), timeBudgetMs: 400 }));
    expect(outcome.status).toBe('refuted');
    expect(outcome.counterexample?.verdict.verdict).toBe('violated');
  });

  it('a planted bound not refuted within the budget is not shown, with the reason', () => {
    const outcome = runCampaign(spec({ claim: 'slow-planted', kind: 'planted', definition: slowClaim('10', 5), timeBudgetMs: 100 }));
    expect(outcome.status).toBe('not shown');
    expect(outcome.reason).toMatch(/^time limit of 100 ms reached after \d+ of 10000 probes$/);
  });

  it('without a budget nothing is cut and there is no reason', () => {
    const outcome = runCampaign(spec({ claim: 'fast', definition: slowClaim('10', 0), defaultRuns: 50 }));
    expect(outcome.status).toBe('holds on samples');
    expect(outcome.probes).toBeGreaterThanOrEqual(50);
    expect(outcome.reason).toBeUndefined();
  });
});

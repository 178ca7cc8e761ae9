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

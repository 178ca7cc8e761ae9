/**
 * `uat verify`'s summary: one line per claim, finding and planted bound of the report, in the
 * report's order, only for the lemmas asked for, with probes, worst ratio and reason.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../report/model.ts';
import { campaignEnvironment, summaryLines } from './verify.ts';

const evidence = (probes: number, ratio: string | null) => ({ probes, worst: ratio === null ? null : { ratio } });
const report = {
  lemmas: [
    {
      id: 'alpha',
      claims: [
        { id: 'c1', status: 'holds on samples', evidence: evidence(300, '0.99999') },
        { id: 'c2', status: 'inconclusive', reason: 'time limit of 2000 ms reached after 7 of 300 probes', evidence: evidence(7, null) },
        { id: 'c3', status: 'not run', evidence: null },
      ],
      findings: [{ id: 'f1', status: 'shown necessary', evidence: evidence(4, '2.5') }],
      planted: [{ id: 'p1', status: 'refuted', evidence: evidence(12, '2') }],
    },
    { id: 'beta', claims: [{ id: 'b1', status: 'certified', evidence: evidence(40, '0.5') }], findings: [], planted: [] },
  ],
} as unknown as Report;

describe('summaryLines', () => {
  it('gives every claim, finding and planted bound of every lemma, with probes, worst ratio and reason', () => {
    expect(summaryLines(report, undefined)).toEqual([
      'alpha/c1 [claim]: holds on samples (300 probes, worst lhs/bound 0.99999)',
      'alpha/c2 [claim]: inconclusive (7 probes): time limit of 2000 ms reached after 7 of 300 probes',
      'alpha/c3 [claim]: not run',
      'alpha/f1 [finding]: shown necessary (4 probes, worst lhs/bound 2.5)',
      'alpha/p1 [planted]: refuted (12 probes, worst lhs/bound 2)',
      'beta/b1 [claim]: certified (40 probes, worst lhs/bound 0.5)',
    ]);
  });

  it('only the lemmas asked for', () => {
    expect(summaryLines(report, new Set(['beta']))).toEqual(['beta/b1 [claim]: certified (40 probes, worst lhs/bound 0.5)']);
    expect(summaryLines(report, new Set())).toEqual([]);
  });
});

describe('campaignEnvironment', () => {
  it('passes every setting to the campaigns, and leaves the report to verify', () => {
    expect(campaignEnvironment({ runs: 100000, seed: -3, digits: 30, timeLimit: 1500 }, '/r/.runs')).toEqual({
      UAT_RUN_DIR: '/r/.runs',
      UAT_REPORT: 'skip',
      UAT_RUNS: '100000',
      UAT_SEED: '-3',
      UAT_DIGITS: '30',
      UAT_TIME_LIMIT_MS: '1500',
    });
    expect(campaignEnvironment({ seed: 0 }, '/r')).toEqual({ UAT_RUN_DIR: '/r', UAT_REPORT: 'skip', UAT_SEED: '0' });
    expect(campaignEnvironment({}, '/r')).toEqual({ UAT_RUN_DIR: '/r', UAT_REPORT: 'skip' });
  });
});

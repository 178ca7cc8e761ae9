/**
 * `uat verify`'s summary: one line per claim, finding and planted bound of the report, in the
 * report's order, only for the lemmas asked for, with probes, worst ratio and reason.
 */
import { Command } from 'commander';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../report/model.ts';
import { REPO_ROOT } from '../verify/settings.ts';
import { UsageError } from './usage-error.ts';
import { campaignEnvironment, conclusion, MAX_RUNS, register, selectLemmas, summaryLines } from './verify.ts';

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

describe('the verify command', () => {
  /** The command as `uat` registers it, with its action replaced (nothing is run). */
  async function parsed(...args: string[]): Promise<Record<string, unknown>> {
    const program = new Command().exitOverride();
    register(program);
    const command = program.commands.find((c) => c.name() === 'verify')!;
    command.exitOverride().action(() => undefined);
    await program.parseAsync(['verify', ...args], { from: 'user' });
    return command.opts();
  }

  it('reads every option into its value', async () => {
    expect(await parsed('--lemma', 'softmax-hardmax', '--runs', '100000', '--seed', '-7', '--digits', '30', '--time-limit', '2.5', '--out', '/tmp/r')).toEqual({
      lemma: 'softmax-hardmax',
      runs: 100_000,
      seed: -7,
      digits: 30,
      timeLimit: 2500,
      out: '/tmp/r',
    });
    expect(await parsed()).toEqual({ out: path.join(REPO_ROOT, 'reports') });
    expect(await parsed('--runs', String(MAX_RUNS), '--seed', '2147483647')).toMatchObject({ runs: 10_000_000, seed: 2 ** 31 - 1 });
  });

  it.each([
    [['--runs', '0'], "argument '0' is invalid. must be an integer in [1, 10000000]."],
    [['--runs', '10000001'], 'must be an integer in [1, 10000000].'],
    [['--seed', '2147483648'], 'must be an integer in [-2147483648, 2147483647].'],
    [['--seed', '-2147483649'], 'must be an integer in [-2147483648, 2147483647].'],
    [['--digits', '1001'], 'must be an integer in [1, 1000].'],
    [['--time-limit', '0'], 'must be a number of seconds in [0.001, 86400].'],
  ])('refuses %j', async (args, message) => {
    await expect(parsed(...args)).rejects.toThrow(message);
  });

  it('describes itself and each option in --help', () => {
    const program = new Command();
    register(program);
    const help = program.commands.find((c) => c.name() === 'verify')!.helpInformation();
    for (const text of [
      'run the property campaigns of every lemma (or one), print one line per claim, write the report',
      '--lemma <ID>',
      'only this lemma (its properties/<ID>.property.ts)',
      "--runs <N>",
      "probes per claim, overriding each campaign's default, 1..10000000",
      '--seed <S>',
      'fast-check seed, a 32-bit signed integer',
      '--digits <P>',
      'significant digits of reported values, 1..1000',
      '--time-limit <SECONDS>',
      'wall-clock budget of each campaign (each part of a split one); a claim cut short is inconclusive, with the reason',
      '--out <DIR>',
      'where the report goes',
    ]) {
      expect(help.replace(/\s+/g, ' '), text).toContain(text);
    }
  });
});

describe('selectLemmas and conclusion', () => {
  it('selects every lemma, or the one asked for; refuses an unknown id naming the known ones', () => {
    expect(selectLemmas(['a', 'b'], undefined)).toEqual(['a', 'b']);
    expect(selectLemmas(['a', 'b'], 'b')).toEqual(['b']);
    expect(() => selectLemmas(['a', 'b'], 'c')).toThrow(UsageError);
    expect(() => selectLemmas(['a', 'b'], 'c')).toThrow('--lemma "c" is not a lemma id; known: a, b');
  });

  const withProblems = (problems: { where: string; message: string }[]) => ({ ...report, problems }) as unknown as Report;

  it('prints the lines, failed tests, problems and totals; exit 1 for a refuted or inconclusive claim', () => {
    const { text, status } = conclusion(withProblems([]), ['alpha'], [], 'reports');
    expect(text).toBe(
      [
        'alpha/c1 [claim]: holds on samples (300 probes, worst lhs/bound 0.99999)',
        'alpha/c2 [claim]: inconclusive (7 probes): time limit of 2000 ms reached after 7 of 300 probes',
        'alpha/c3 [claim]: not run',
        'alpha/f1 [finding]: shown necessary (4 probes, worst lhs/bound 2.5)',
        'alpha/p1 [planted]: refuted (12 probes, worst lhs/bound 2)',
        'report written to reports/REPORT.md, report.html, report.json; 1 claim(s) refuted or inconclusive, 1 not run, 0 test failure(s), 0 problem(s)',
        '',
      ].join('\n'),
    );
    expect(status).toBe(1);
  });

  it('exit 0 when the selected claims hold and nothing failed; 1 for a failed test or a problem', () => {
    expect(conclusion(withProblems([]), ['beta'], [], '')).toEqual({
      text: 'beta/b1 [claim]: certified (40 probes, worst lhs/bound 0.5)\nreport written to ./REPORT.md, report.html, report.json; 0 claim(s) refuted or inconclusive, 0 not run, 0 test failure(s), 0 problem(s)\n',
      status: 0,
    });
    const failed = conclusion(withProblems([]), ['beta'], ['x.property.ts > linf: boom'], 'out');
    expect(failed.status).toBe(1);
    expect(failed.text).toContain('\ntest failed: x.property.ts > linf: boom\n');
    expect(failed.text).toContain('0 claim(s) refuted or inconclusive, 0 not run, 1 test failure(s), 0 problem(s)');
    const refuted = { lemmas: [{ id: 'gamma', claims: [{ id: 'g1', status: 'refuted', evidence: evidence(9, null) }], findings: [], planted: [] }], problems: [] } as unknown as Report;
    expect(conclusion(refuted, ['gamma'], [], 'out')).toEqual({
      text: 'gamma/g1 [claim]: refuted (9 probes)\nreport written to out/REPORT.md, report.html, report.json; 1 claim(s) refuted or inconclusive, 0 not run, 0 test failure(s), 0 problem(s)\n',
      status: 1,
    });
    const problem = conclusion(withProblems([{ where: 'alpha/c9', message: 'no such claim' }]), ['beta'], [], 'out');
    expect(problem.status).toBe(1);
    expect(problem.text).toContain('\nproblem: alpha/c9: no such claim\n');
    expect(problem.text).toContain('1 problem(s)');
  });
});

/**
 * `verify()` in process, with its steps (registry, vitest, report writer, output) replaced: which
 * property files it runs, the run directory it empties, the environment the campaigns see, what it
 * prints, and its exit status, including when the report cannot be written.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Report } from '../report/model.ts';
import { REPO_ROOT } from '../verify/settings.ts';
import { UsageError } from './usage-error.ts';
import { verify, VERIFY_STEPS, type VerifySteps } from './verify.ts';

const VARIABLES = ['UAT_RUN_DIR', 'UAT_REPORT', 'UAT_RUNS', 'UAT_SEED', 'UAT_DIGITS', 'UAT_TIME_LIMIT_MS'] as const;

const evidence = (probes: number, ratio: string) => ({ probes, worst: { ratio } });
/** A report of two lemmas: `softmax-hardmax` (which has a property file) and `no-property-file`. */
const REPORT = {
  lemmas: [
    { id: 'softmax-hardmax', claims: [{ id: 'linf', status: 'certified', evidence: evidence(40, '0.5') }], findings: [], planted: [] },
    { id: 'no-property-file', claims: [{ id: 'c', status: 'refuted', evidence: evidence(3, '2') }], findings: [], planted: [] },
  ],
  problems: [],
} as unknown as Report;

interface Recorded {
  ran: (readonly string[])[];
  /** The environment and the run directory's files as runProperties saw them. */
  seen: { env: Record<string, string | undefined>; runDirFiles: string[] | undefined }[];
  reports: [string, string][];
  out: string[];
  err: string[];
}

function fakeSteps(overrides: Partial<VerifySteps> = {}): { steps: VerifySteps; recorded: Recorded } {
  const recorded: Recorded = { ran: [], seen: [], reports: [], out: [], err: [] };
  const steps: VerifySteps = {
    lemmaIds: () => Promise.resolve(['softmax-hardmax', 'no-property-file']),
    runProperties: (files) => {
      recorded.ran.push(files);
      const runDir = process.env.UAT_RUN_DIR;
      recorded.seen.push({
        env: Object.fromEntries(VARIABLES.map((v) => [v, process.env[v]])),
        runDirFiles: runDir !== undefined && existsSync(runDir) ? readdirSync(runDir) : undefined,
      });
      return Promise.resolve([]);
    },
    writeReport: (runDir, outDir) => {
      recorded.reports.push([runDir, outDir]);
      return Promise.resolve(REPORT);
    },
    writeOut: (text) => void recorded.out.push(text),
    writeErr: (text) => void recorded.err.push(text),
    ...overrides,
  };
  return { steps, recorded };
}

describe('verify in process', () => {
  let saved: Partial<Record<(typeof VARIABLES)[number], string>> = {};
  let savedExitCode: typeof process.exitCode;
  let out: string;
  beforeEach(() => {
    saved = Object.fromEntries(VARIABLES.flatMap((v) => (process.env[v] !== undefined ? [[v, process.env[v]]] : [])));
    for (const v of VARIABLES) delete process.env[v];
    savedExitCode = process.exitCode;
    out = path.join(mkdtempSync(path.join(tmpdir(), 'uat-verify-run-')), 'out');
  });
  afterEach(() => {
    for (const v of VARIABLES) delete process.env[v];
    Object.assign(process.env, saved);
    process.exitCode = savedExitCode;
  });

  const shown = () => path.relative(process.cwd(), out);

  it('runs the property files that exist, in an emptied run directory, with the settings in the environment', async () => {
    mkdirSync(path.join(out, '.runs', 'old-lemma'), { recursive: true });
    writeFileSync(path.join(out, '.runs', 'old-lemma', 'claim-x.json'), '{}');
    const { steps, recorded } = fakeSteps();
    const status = await verify({ out, runs: 12, seed: -4, digits: 7, timeLimit: 1500 }, steps);
    const runDir = path.join(out, '.runs');
    expect(recorded.ran).toEqual([[path.join(REPO_ROOT, 'properties', 'softmax-hardmax.property.ts')]]);
    expect(recorded.seen).toEqual([
      {
        env: { UAT_RUN_DIR: runDir, UAT_REPORT: 'skip', UAT_RUNS: '12', UAT_SEED: '-4', UAT_DIGITS: '7', UAT_TIME_LIMIT_MS: '1500' },
        runDirFiles: [], // the previous run's outcomes are gone before the campaigns start
      },
    ]);
    expect(recorded.reports).toEqual([[runDir, out]]);
    expect(recorded.out).toEqual([
      [
        'softmax-hardmax/linf [claim]: certified (40 probes, worst lhs/bound 0.5)',
        'no-property-file/c [claim]: refuted (3 probes, worst lhs/bound 2)',
        `report written to ${shown()}/REPORT.md, report.html, report.json; 1 claim(s) refuted or inconclusive, 0 not run, 0 test failure(s), 0 problem(s)`,
        '',
      ].join('\n'),
    ]);
    expect(recorded.err).toEqual([]);
    expect(status).toBe(1);
  });

  it('with --lemma: only that lemma, and no vitest run when it has no property file', async () => {
    const { steps, recorded } = fakeSteps();
    expect(await verify({ out, lemma: 'softmax-hardmax' }, steps)).toBe(0);
    expect(recorded.ran).toEqual([[path.join(REPO_ROOT, 'properties', 'softmax-hardmax.property.ts')]]);
    expect(recorded.seen[0]!.env).toEqual({ UAT_RUN_DIR: path.join(out, '.runs'), UAT_REPORT: 'skip', UAT_RUNS: undefined, UAT_SEED: undefined, UAT_DIGITS: undefined, UAT_TIME_LIMIT_MS: undefined });
    expect(recorded.out).toEqual([
      `softmax-hardmax/linf [claim]: certified (40 probes, worst lhs/bound 0.5)\nreport written to ${shown()}/REPORT.md, report.html, report.json; 0 claim(s) refuted or inconclusive, 0 not run, 0 test failure(s), 0 problem(s)\n`,
    ]);

    const other = fakeSteps();
    expect(await verify({ out, lemma: 'no-property-file' }, other.steps)).toBe(1);
    expect(other.recorded.ran).toEqual([]);
    expect(existsSync(path.join(out, '.runs'))).toBe(true); // created even when nothing runs: the report reads it
    expect(other.recorded.out[0]).toBe(
      `no-property-file/c [claim]: refuted (3 probes, worst lhs/bound 2)\nreport written to ${shown()}/REPORT.md, report.html, report.json; 1 claim(s) refuted or inconclusive, 0 not run, 0 test failure(s), 0 problem(s)\n`,
    );
  });

  it('failed tests make the status 1 and are listed; the exit code vitest set is cleared', async () => {
    const { steps, recorded } = fakeSteps({
      runProperties: () => {
        process.exitCode = 1; // as vitest does when a test fails
        return Promise.resolve(['softmax-hardmax.property.ts > linf: boom']);
      },
    });
    expect(await verify({ out, lemma: 'softmax-hardmax' }, steps)).toBe(1);
    expect(process.exitCode).toBeUndefined();
    expect(recorded.out).toEqual([
      `softmax-hardmax/linf [claim]: certified (40 probes, worst lhs/bound 0.5)\ntest failed: softmax-hardmax.property.ts > linf: boom\nreport written to ${shown()}/REPORT.md, report.html, report.json; 0 claim(s) refuted or inconclusive, 0 not run, 1 test failure(s), 0 problem(s)\n`,
    ]);
  });

  it('a report that cannot be written: one line on stderr, status 1, nothing on stdout', async () => {
    const { steps, recorded } = fakeSteps({ writeReport: () => Promise.reject(new Error('disk full')) });
    expect(await verify({ out, lemma: 'softmax-hardmax' }, steps)).toBe(1);
    expect(recorded.err).toEqual([`uat verify: report NOT written (disk full); the previous report in ${out} is left intact\n`]);
    expect(recorded.out).toEqual([]);
    const thrown = fakeSteps({ writeReport: () => Promise.reject('not an Error') });
    expect(await verify({ out, lemma: 'softmax-hardmax' }, thrown.steps)).toBe(1);
    expect(thrown.recorded.err).toEqual([`uat verify: report NOT written (not an Error); the previous report in ${out} is left intact\n`]);
  });

  it('an unknown --lemma is a usage error before anything is touched', async () => {
    const { steps, recorded } = fakeSteps();
    await expect(verify({ out, lemma: 'no-such' }, steps)).rejects.toThrow(UsageError);
    await expect(verify({ out, lemma: 'no-such' }, steps)).rejects.toThrow('--lemma "no-such" is not a lemma id; known: softmax-hardmax, no-property-file');
    expect(existsSync(out)).toBe(false);
    expect(process.env.UAT_RUN_DIR).toBeUndefined();
    expect(recorded.ran).toEqual([]);
  });

  it('the real steps write to the process streams', () => {
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      VERIFY_STEPS.writeOut('to stdout\n');
      VERIFY_STEPS.writeErr('to stderr\n');
      expect(stdout.mock.calls).toEqual([['to stdout\n']]);
      expect(stderr.mock.calls).toEqual([['to stderr\n']]);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  });
});

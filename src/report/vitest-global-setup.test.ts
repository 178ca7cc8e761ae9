/**
 * The global setup of `npm test`, in-process with the registry and the generator stubbed: setup
 * empties the run directory; teardown writes the report only after a run that probed every lemma
 * (or with `UAT_REPORT=always`), never with `UAT_REPORT=skip`, says where, and fails the run when
 * the report cannot be written.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REPO_ROOT } from '../verify/settings.ts';
import { setup, teardown } from './vitest-global-setup.ts';

const generateReport = vi.fn();
vi.mock('./generate.ts', () => ({ generateReport: (...args: unknown[]) => generateReport(...args) }));
vi.mock('../registry/static.ts', () => ({ readRegistry: () => ({ lemmas: [{ id: 'alpha' }, { id: 'beta' }], problems: [] }) }));

const dir = mkdtempSync(path.join(tmpdir(), 'uat-global-setup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const runDir = path.join(dir, 'runs');
const outDir = path.join(dir, 'reports');
const record = (lemma: string): void => {
  mkdirSync(path.join(runDir, lemma), { recursive: true });
  writeFileSync(path.join(runDir, lemma, 'claim-c.json'), JSON.stringify({ lemma, claim: 'c', kind: 'claim', status: 'certified' }));
};
const totals = { claims: { certified: 1, 'holds on samples': 2, inconclusive: 3, refuted: 4, 'not run': 5 } };

let stdout = '';
let stderr = '';
beforeEach(() => {
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  vi.stubEnv('UAT_RUN_DIR', runDir);
  vi.stubEnv('UAT_REPORT_DIR', outDir);
  vi.stubEnv('UAT_REPORT', '');
  rmSync(runDir, { recursive: true, force: true });
  generateReport.mockReset();
  generateReport.mockResolvedValue({ totals, problems: [] });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('vitest global setup', () => {
  it('setup empties the run directory, creating it when missing', () => {
    record('alpha');
    setup();
    expect(readdirSync(runDir)).toEqual([]);
    rmSync(runDir, { recursive: true });
    setup();
    expect(existsSync(runDir)).toBe(true);
    const nested = path.join(dir, 'deeper', 'still', 'runs');
    vi.stubEnv('UAT_RUN_DIR', nested);
    setup();
    expect(readdirSync(nested)).toEqual([]);
  });

  it('writes the report after a run that probed every lemma, and says where and what', async () => {
    record('alpha');
    record('beta');
    generateReport.mockResolvedValue({ totals, problems: [{ where: 'proof/x.ts', message: 'a problem' }, { where: 'y', message: 'another' }] });
    await teardown();
    expect(generateReport).toHaveBeenCalledWith({ root: REPO_ROOT, runDir, outDir });
    expect(stdout).toBe(`report written to ${path.relative(process.cwd(), outDir)}/ (REPORT.md, report.html, report.json): 1 certified, 2 holds on samples, 3 inconclusive, 4 refuted, 5 not run\n`);
    expect(stderr).toBe('report problem: proof/x.ts: a problem\nreport problem: y: another\n');
  });

  it('leaves the report as it was after a partial run, naming the lemmas not probed', async () => {
    record('beta');
    await teardown();
    expect(generateReport).not.toHaveBeenCalled();
    expect(stdout).toBe('');
    expect(stderr).toBe(`report not written: this run did not probe alpha (a partial run); the report in ${outDir} is left as it was. Use npm test, uat verify, or UAT_REPORT=always.\n`);
    rmSync(runDir, { recursive: true, force: true });
    await teardown();
    expect(stderr).toContain('this run did not probe alpha, beta (a partial run)');
  });

  it('writes after a partial run with UAT_REPORT=always, and never with UAT_REPORT=skip', async () => {
    vi.stubEnv('UAT_REPORT', 'always');
    await teardown();
    expect(generateReport).toHaveBeenCalledTimes(1);
    vi.stubEnv('UAT_REPORT', 'skip');
    record('alpha');
    record('beta');
    await teardown();
    expect(generateReport).toHaveBeenCalledTimes(1);
    expect(stderr).toBe('');
  });

  it('writes into reports/ of the repository without UAT_REPORT_DIR, resolves a relative one, and names the current directory "."', async () => {
    vi.stubEnv('UAT_REPORT', 'always');
    vi.stubEnv('UAT_REPORT_DIR', '');
    await teardown();
    expect(generateReport).toHaveBeenLastCalledWith({ root: REPO_ROOT, runDir, outDir: path.join(REPO_ROOT, 'reports') });
    delete process.env.UAT_REPORT_DIR;
    await teardown();
    expect(generateReport).toHaveBeenLastCalledWith({ root: REPO_ROOT, runDir, outDir: path.join(REPO_ROOT, 'reports') });
    vi.stubEnv('UAT_REPORT_DIR', '.');
    stdout = '';
    await teardown();
    expect(generateReport).toHaveBeenLastCalledWith({ root: REPO_ROOT, runDir, outDir: process.cwd() });
    expect(stdout.startsWith('report written to ./ (REPORT.md')).toBe(true);
  });

  it('fails the run when the report cannot be written, saying the previous one is intact', async () => {
    vi.stubEnv('UAT_REPORT', 'always');
    generateReport.mockRejectedValueOnce(new Error('disk full')).mockRejectedValueOnce('no space');
    await expect(teardown()).rejects.toThrow('disk full');
    expect(stderr).toBe(`report NOT written (disk full); the previous report in ${outDir} is left intact\n`);
    await expect(teardown()).rejects.toBe('no space');
    expect(stderr).toContain('report NOT written (no space)');
  });
});

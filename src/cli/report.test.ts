/**
 * `uat report` in-process, the report generator stubbed: its options and defaults, the usage error
 * for a missing run directory, the summary line, and a failed generation (exit status 1, the
 * previous report left as it was).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { REPO_ROOT } from '../verify/settings.ts';
import { register } from './report.ts';
import { UsageError } from './usage-error.ts';

const generateReport = vi.fn();
vi.mock('../report/generate.ts', () => ({ generateReport: (...args: unknown[]) => generateReport(...args) }));

const dir = mkdtempSync(path.join(tmpdir(), 'uat-cli-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = async (args: string[]): Promise<{ stdout: string; stderr: string; exitCode: typeof process.exitCode }> => {
  const program = new Command().exitOverride();
  register(program);
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  const before = process.exitCode;
  try {
    await program.parseAsync(['report', ...args], { from: 'user' });
    return { stdout, stderr, exitCode: process.exitCode };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = before;
  }
};

afterEach(() => generateReport.mockReset());

describe('uat report', () => {
  it('reads reports/.runs and writes reports/ by default', () => {
    const program = new Command();
    register(program);
    const command = program.commands.find((c) => c.name() === 'report')!;
    expect(command.description()).toBe('regenerate REPORT.md, report.html and report.json from a run directory of campaign outcomes');
    expect(command.options.map((o) => [o.flags, o.description, o.defaultValue])).toEqual([
      ['--from <DIR>', 'run directory holding <lemma>/<kind>-<claim>.json outcomes', path.join(REPO_ROOT, 'reports', '.runs')],
      ['--out <DIR>', 'where the report goes', path.join(REPO_ROOT, 'reports')],
    ]);
  });

  it('generates from --from into --out and prints the totals', async () => {
    generateReport.mockResolvedValue({ totals: { claims: { certified: 1, 'holds on samples': 2, inconclusive: 3, refuted: 4, 'not run': 5 } } });
    const out = path.join(dir, 'out');
    const result = await run(['--from', dir, '--out', out]);
    expect(generateReport).toHaveBeenCalledWith({ root: REPO_ROOT, runDir: dir, outDir: out });
    expect(result).toEqual({
      stdout: `report written to ${path.relative(process.cwd(), out)}/: 1 certified, 2 holds on samples, 3 inconclusive, 4 refuted, 5 not run\n`,
      stderr: '',
      exitCode: undefined,
    });
  });

  it('resolves relative directories, and names the current directory "."', async () => {
    generateReport.mockResolvedValue({ totals: { claims: { certified: 0, 'holds on samples': 0, inconclusive: 0, refuted: 0, 'not run': 0 } } });
    const result = await run(['--from', path.relative(process.cwd(), dir), '--out', '.']);
    expect(generateReport).toHaveBeenCalledWith({ root: REPO_ROOT, runDir: dir, outDir: process.cwd() });
    expect(result.stdout).toBe('report written to ./: 0 certified, 0 holds on samples, 0 inconclusive, 0 refuted, 0 not run\n');
  });

  it('refuses a run directory that does not exist, as a usage error, without generating', async () => {
    await expect(run(['--from', path.join(dir, 'missing')])).rejects.toThrow(new UsageError(`--from ${JSON.stringify(path.join(dir, 'missing'))}: no such run directory`));
    await expect(run(['--from', 'nowhere/runs'])).rejects.toBeInstanceOf(UsageError);
    expect(generateReport).not.toHaveBeenCalled();
  });

  it('says the report was not written, and exits 1, when generation fails', async () => {
    generateReport.mockRejectedValueOnce(new Error('disk full')).mockRejectedValueOnce('no space');
    const out = path.join(dir, 'failed');
    expect(await run(['--from', dir, '--out', out])).toEqual({
      stdout: '',
      stderr: `uat report: report NOT written (disk full); the previous report in ${out} is left intact\n`,
      exitCode: 1,
    });
    expect((await run(['--from', dir, '--out', out])).stderr).toBe(`uat report: report NOT written (no space); the previous report in ${out} is left intact\n`);
  });
});

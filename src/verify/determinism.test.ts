/**
 * Determinism and atomicity, end to end: the same seed gives the same campaign outcomes (timings
 * aside) and the same report, byte for byte, from two independent runs; a report whose writing
 * fails leaves the previous report intact.
 */
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linf, marginNecessary, softmaxHardmax } from '../../proof/softmax-hardmax.ts';
import { generateReport } from '../report/generate.ts';
import { runCampaign, type CampaignOutcome, type CampaignSpec } from './campaign.ts';
import { decimalBetween, exactDecimal } from './generators.ts';
import { REPO_ROOT } from './settings.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'uat-determinism-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** The environment as it was: restored after this file, so no setting leaks to another test file. */
const savedEnv = { ...process.env };
afterAll(() => {
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
  Object.assign(process.env, savedEnv);
});

const scores = fc.array(exactDecimal({ digits: 6, minExponent: -6, maxExponent: 0 }), { minLength: 2, maxLength: 8 });
const lambda = decimalBetween('0.01', '50', 2);
const SPECS: readonly CampaignSpec[] = [
  { lemma: softmaxHardmax.id, claim: 'linf', kind: 'claim', definition: linf, arbitrary: fc.record({ z: scores, lambda }), domain: 'determinism test', defaultRuns: 40 },
  {
    lemma: softmaxHardmax.id,
    claim: 'margin-necessary',
    kind: 'finding',
    definition: marginNecessary,
    arbitrary: fc.record({ z: scores.map((z) => [z[0]!, ...z]), lambda, epsilon: decimalBetween('0.01', '0.49', 2) }),
    domain: 'determinism test',
    defaultRuns: 20,
  },
];

/** Runs every campaign into a fresh run directory with the given seed. */
function runAll(name: string, seed: number): { runDir: string; outcomes: CampaignOutcome[] } {
  const runDir = path.join(dir, name);
  process.env.UAT_RUN_DIR = runDir;
  process.env.UAT_REGRESSIONS_DIR = path.join(dir, `${name}-regressions`); // empty: nothing replayed from another run
  process.env.UAT_SEED = String(seed);
  delete process.env.UAT_RUNS;
  delete process.env.UAT_DIGITS;
  return { runDir, outcomes: SPECS.map((s) => runCampaign(s)) };
}

const withoutTime = (o: CampaignOutcome): Omit<CampaignOutcome, 'timeMs'> => {
  const { timeMs: _timeMs, ...rest } = o;
  return rest;
};

let first: ReturnType<typeof runAll>;
let second: ReturnType<typeof runAll>;
let other: ReturnType<typeof runAll>;
beforeAll(() => {
  first = runAll('a', 12345);
  second = runAll('b', 12345);
  other = runAll('c', 54321);
}, 120_000);

function filesOf(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

describe('determinism', () => {
  it('the same seed gives the same outcomes, timings aside', () => {
    expect(first.outcomes.map(withoutTime)).toEqual(second.outcomes.map(withoutTime));
    expect(first.outcomes[0]!.status).toBe('holds on samples');
    expect(first.outcomes[1]!.status).toBe('shown necessary');
    // the outcome files differ only in timeMs
    for (const f of filesOf(first.runDir)) {
      const a = JSON.parse(readFileSync(path.join(first.runDir, f), 'utf8')) as CampaignOutcome;
      const b = JSON.parse(readFileSync(path.join(second.runDir, f), 'utf8')) as CampaignOutcome;
      expect(withoutTime(a), f).toEqual(withoutTime(b));
    }
  });

  it('another seed gives other probes (the comparison can fail)', () => {
    expect(other.outcomes.map(withoutTime)).not.toEqual(first.outcomes.map(withoutTime));
  });

  it('the same seed gives the same report, byte for byte (timings.json aside)', async () => {
    const outA = path.join(dir, 'report-a');
    const outB = path.join(dir, 'report-b');
    await generateReport({ root: REPO_ROOT, runDir: first.runDir, outDir: outA });
    await generateReport({ root: REPO_ROOT, runDir: second.runDir, outDir: outB });
    const files = filesOf(outA).filter((f) => f !== 'timings.json');
    expect(files).toContain('report.json');
    expect(filesOf(outB).filter((f) => f !== 'timings.json')).toEqual(files);
    for (const f of files) {
      const a = readFileSync(path.join(outA, f), 'utf8').split('\n');
      const b = readFileSync(path.join(outB, f), 'utf8').split('\n');
      const line = a.findIndex((l, i) => l !== b[i]);
      // (both reports read proof/ and the registry from the working tree: an edit between the two
      // generations also shows here, with the line that changed)
      expect(line === -1 && a.length === b.length, `${f} differs at line ${line + 1}: ${JSON.stringify(a[line]?.slice(0, 200))} vs ${JSON.stringify(b[line]?.slice(0, 200))}`).toBe(true);
    }
  }, 120_000);
});

describe('atomic report writing', () => {
  it('a failure while replacing the files leaves every previous file intact', async () => {
    // The previous report, with report.html a directory: replacing it fails after the temporary
    // files are written. None of the previous files may change (no mix of old and new).
    const out = path.join(dir, 'report-previous');
    mkdirSync(path.join(out, 'report.html'), { recursive: true });
    writeFileSync(path.join(out, 'report.html', 'index.html'), 'previous html\n');
    for (const f of ['REPORT.md', 'report.json', 'report.schema.json', 'dependencies.svg', 'timings.json']) writeFileSync(path.join(out, f), `previous ${f}\n`);
    await expect(generateReport({ root: REPO_ROOT, runDir: first.runDir, outDir: out })).rejects.toThrow();
    for (const f of ['REPORT.md', 'report.json', 'report.schema.json', 'dependencies.svg', 'timings.json']) {
      expect(readFileSync(path.join(out, f), 'utf8'), f).toBe(`previous ${f}\n`);
    }
    expect(readdirSync(out).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
  }, 120_000);

  it('an unwritable output directory fails before touching anything', async () => {
    const blocker = path.join(dir, 'not-a-directory');
    writeFileSync(blocker, 'a file\n');
    await expect(generateReport({ root: REPO_ROOT, runDir: first.runDir, outDir: path.join(blocker, 'reports') })).rejects.toThrow();
    expect(readFileSync(blocker, 'utf8')).toBe('a file\n');
  }, 120_000);
});

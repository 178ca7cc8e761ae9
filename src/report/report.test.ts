/**
 * The report generator: statuses come only from outcomes (a claim without one is `not run`), a
 * refuted claim carries its counterexample as a `uat check` line, the same outcomes give the same
 * bytes, report.json satisfies reports/report.schema.json, and a failed generation leaves the
 * previous report intact.
 *
 * The outcome files here are fixtures in the format `recordOutcome` writes; ajv (already in the
 * lockfile, via StrykerJS) validates the schema.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { readRegistry } from '../registry/static.ts';
import { recordOutcome, type CampaignOutcome } from '../verify/campaign.ts';
import { REPO_ROOT } from '../verify/settings.ts';
import { generateReport } from './generate.ts';
import { buildReport } from './model.ts';
import { readOutcomes } from './outcomes.ts';
import { REPORT_SCHEMA } from './schema.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'uat-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const runDir = path.join(dir, 'runs');

const counts = { holds: 0, violated: 0, inconclusive: 0, inapplicable: 0, error: 0 };
const base = { lemma: 'softmax-hardmax', domain: 'fixture', seed: 7, runs: 3, firstUndecided: undefined, boxProof: undefined, timeMs: 12.5 };
const holding: CampaignOutcome = {
  ...base,
  claim: 'linf',
  kind: 'claim',
  status: 'holds on samples',
  probes: 3,
  counts: { ...counts, holds: 3 },
  worst: { ratio: '0.5', lhs: '0.25', bound: '0.5', args: { z: ['1', '0'], lambda: '1' } },
  counterexample: undefined,
};
const refuted: CampaignOutcome = {
  ...base,
  claim: 'l1',
  kind: 'claim',
  status: 'refuted',
  probes: 2,
  counts: { ...counts, holds: 1, violated: 1 },
  worst: undefined,
  counterexample: { args: { z: ['1', '0'], lambda: '2' }, verdict: { verdict: 'violated', lhs: '0.3', bound: '0.2' }, seed: 7, path: '0:1', shrinks: 4 },
};
const stray: CampaignOutcome = { ...holding, claim: 'no-such-claim' };
for (const o of [holding, refuted, stray]) recordOutcome(o, runDir);

describe('report model', () => {
  const report = buildReport(readRegistry(REPO_ROOT), readOutcomes(runDir));
  const softmax = report.lemmas.find((l) => l.id === 'softmax-hardmax')!;
  const claim = (id: string) => softmax.claims.find((c) => c.id === id)!;

  it('takes every status from an outcome, and shows a claim without one as not run', () => {
    expect(claim('linf').status).toBe('holds on samples');
    expect(claim('l1').status).toBe('refuted');
    expect(claim('attention').status).toBe('not run');
    expect(claim('attention').evidence).toBeNull();
    expect(softmax.status).toBe('refuted');
  });

  it('gives a refuted claim its counterexample as a uat check line', () => {
    expect(JSON.parse(claim('l1').evidence!.counterexample!.replay)).toEqual({ claim: 'softmax-hardmax/l1', args: { z: ['1', '0'], lambda: '2' } });
  });

  it('reports a claim without outcome, of a lemma whose property file ran, as a problem', () => {
    expect(report.problems.map((p) => p.message)).toContain('claim softmax-hardmax/attention got no outcome although its property file ran (no campaign probes it)');
  });

  it('reports an outcome naming no registered claim as a problem', () => {
    expect(report.problems.map((p) => p.message)).toContain('an outcome names claim no-such-claim of lemma softmax-hardmax, which the registry does not hold');
  });

  it('satisfies its JSON schema', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(REPORT_SCHEMA);
    const json: unknown = JSON.parse(JSON.stringify(report));
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...(json as object), lemmas: [{ id: 'x' }] })).toBe(false);
  });
});

describe('report files', () => {
  it('are the same bytes for the same outcomes (timings.json aside)', async () => {
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    await generateReport({ root: REPO_ROOT, runDir, outDir: a });
    await generateReport({ root: REPO_ROOT, runDir, outDir: b });
    const files = ['REPORT.md', 'report.html', 'report.json', 'report.schema.json', 'dependencies.svg', ...readdirSync(path.join(a, 'plots')).map((p) => `plots/${p}`)];
    for (const f of files) expect(readFileSync(path.join(b, f)).equals(readFileSync(path.join(a, f))), f).toBe(true);
    expect(readFileSync(path.join(a, 'report.json'), 'utf8')).not.toContain('timeMs');
    expect(JSON.parse(readFileSync(path.join(a, 'timings.json'), 'utf8')).campaigns).toContainEqual({ lemma: 'softmax-hardmax', kind: 'claim', claim: 'linf', timeMs: 13 });
    expect(readFileSync(path.join(a, 'REPORT.md'), 'utf8')).toContain('{"claim":"softmax-hardmax/l1","args":{"z":["1","0"],"lambda":"2"}}');
  });

  it('are replaced all together or not at all (a failure midway puts back what moved)', async () => {
    const out = path.join(dir, 'midway');
    mkdirSync(out);
    for (const f of ['REPORT.md', 'report.json', 'report.schema.json', 'dependencies.svg', 'report.html', 'timings.json']) writeFileSync(path.join(out, f), `previous ${f}\n`);
    // plots/ a file: the files before it in the order are moved in, then the plots fail.
    writeFileSync(path.join(out, 'plots'), 'not a directory\n');
    await expect(generateReport({ root: REPO_ROOT, runDir, outDir: out })).rejects.toThrow();
    for (const f of ['REPORT.md', 'report.json', 'report.schema.json', 'dependencies.svg', 'report.html', 'timings.json']) {
      expect(readFileSync(path.join(out, f), 'utf8'), f).toBe(`previous ${f}\n`);
    }
    expect(readdirSync(out).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
  });

  it('leave the previous report intact when generation fails', async () => {
    const out = path.join(dir, 'broken');
    mkdirSync(out);
    writeFileSync(path.join(out, 'REPORT.md'), 'previous report\n');
    writeFileSync(path.join(out, 'plots'), 'a file where the plots directory should be\n');
    await expect(generateReport({ root: REPO_ROOT, runDir, outDir: out })).rejects.toThrow();
    expect(readFileSync(path.join(out, 'REPORT.md'), 'utf8')).toBe('previous report\n');
    expect(readdirSync(out).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
    expect(existsSync(path.join(out, 'report.json'))).toBe(false);
  });
});

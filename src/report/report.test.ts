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
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { buildReport } from './model.ts';
import { readOutcomes } from './outcomes.ts';
import { REPORT_SCHEMA } from './schema.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'uat-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const runDir = path.join(dir, 'runs');

const counts = { holds: 0, violated: 0, inconclusive: 0, inapplicable: 0, error: 0 };
const base = { lemma: 'softmax-hardmax', domain: 'fixture', seed: 7, runs: 3, firstUndecided: undefined, boxProof: undefined, timeMs: 12.5, decidedBy: { 'double-double': 0, decimal: 0 } };
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

// Reads the repository's own proof/ files: under mutation testing (UAT_MUTATION) those are Stryker's
// instrumented copies, which the static reader cannot read as lemmas; `model.test.ts` checks the same
// model on a synthetic registry there.
describe.skipIf(process.env.UAT_MUTATION === '1')('report model', () => {
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

describe('why a campaign stopped early', () => {
  const stoppedDir = path.join(dir, 'stopped');
  const timeLimit = 'time limit of 500 ms reached after 37 of 200 probes';
  const errors = '3 of 20 probes could not be evaluated (error), the first: argument z: "x" is <not> a decimal';
  const shrinking = 'time limit of 500 ms reached while shrinking the counterexample';
  const stopped: CampaignOutcome[] = [
    { ...holding, claim: 'linf', status: 'inconclusive', reason: timeLimit },
    { ...holding, claim: 'l1', status: 'inconclusive', reason: errors },
    { ...holding, claim: 'attention' }, // no reason
    { ...holding, claim: 'margin-necessary', kind: 'finding', status: 'not shown', worst: undefined, reason: timeLimit },
    { ...refuted, claim: 'linf-halved', kind: 'planted', status: 'shown necessary', reason: shrinking },
    { ...holding, claim: 'l1-halved', kind: 'planted', status: 'not shown', worst: undefined },
  ];
  for (const o of stopped) recordOutcome(o, stoppedDir);
  const report = buildReport(readRegistry(REPO_ROOT), readOutcomes(stoppedDir));
  const softmax = report.lemmas.find((l) => l.id === 'softmax-hardmax')!;
  const markdown = renderMarkdown(report, [], new Map(), []);
  const html = renderHtml(report, '<svg></svg>', [], []);
  const json: unknown = JSON.parse(JSON.stringify(report));

  it('report.json gives the reason of every claim, finding and planted bound that has one, and no reason key otherwise', () => {
    expect(softmax.claims.map((c) => [c.id, c.reason])).toEqual([
      ['linf', timeLimit],
      ['l1', errors],
      ['attention', undefined],
      ['temperature', undefined],
      ['monotone', undefined],
    ]);
    expect(softmax.findings.map((f) => [f.id, f.reason])).toEqual([['margin-necessary', timeLimit]]);
    expect(softmax.planted.map((p) => [p.id, p.status, p.reason])).toEqual([
      ['l1-halved', 'not refuted', undefined],
      ['linf-halved', 'refuted', shrinking],
    ]);
    const lemma = (json as { lemmas: { id: string; claims: object[]; planted: object[] }[] }).lemmas.find((l) => l.id === 'softmax-hardmax')!;
    expect(Object.keys(lemma.claims[2]!)).not.toContain('reason');
    expect(Object.keys(lemma.planted[0]!)).not.toContain('reason');
    expect(JSON.stringify(report).match(/"reason":/g)).toHaveLength(4); // the fixtures' verdicts have no reason
  });

  it('the schema accepts a report with reasons and without, and refuses an empty or non-string reason', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(REPORT_SCHEMA);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    const withoutReasons = JSON.parse(JSON.stringify(json, (k, v: unknown) => (k === 'reason' ? undefined : v))) as { lemmas: { claims: Record<string, unknown>[]; planted: Record<string, unknown>[] }[] };
    expect(JSON.stringify(withoutReasons)).not.toContain('"reason"');
    expect(validate(withoutReasons), JSON.stringify(validate.errors)).toBe(true);
    const lemma = withoutReasons.lemmas.find((l) => l.planted.length > 0)!;
    lemma.claims[0]!.reason = '';
    expect(validate(withoutReasons)).toBe(false);
    lemma.claims[0]!.reason = 37;
    expect(validate(withoutReasons)).toBe(false);
    delete lemma.claims[0]!.reason;
    lemma.planted[0]!.reason = '';
    expect(validate(withoutReasons)).toBe(false);
    lemma.planted[0]!.reason = timeLimit;
    expect(validate(withoutReasons), JSON.stringify(validate.errors)).toBe(true);
  });

  it('REPORT.md gives the reason next to the status, and nothing after a status without one', () => {
    expect(markdown).toContain(`#### \`linf\`: inconclusive — ${timeLimit}\n`);
    expect(markdown).toContain(`#### \`l1\`: inconclusive — ${errors}\n`);
    expect(markdown).toContain('#### `attention`: holds on samples\n');
    expect(markdown).toContain(`### \`softmax-hardmax/margin-necessary\` (drops *margin*): not shown — ${timeLimit}\n`);
    expect(markdown).toContain(`### \`softmax-hardmax/linf-halved\`: refuted — ${shrinking}\n`);
    expect(markdown).toContain('### `softmax-hardmax/l1-halved`: not refuted\n');
    expect(markdown.split('\n').filter((l) => /^#+ .*: [a-z ]+ — /.test(l))).toHaveLength(4);
  });

  it('report.html gives the reason, escaped, after the status badge, and nothing after a badge without one', () => {
    expect(html).toContain(`<code>linf</code> <span class="badge" style="background:#d4a72c">inconclusive</span> <span class="reason">— ${timeLimit}</span></h4>`);
    expect(html).toContain('<span class="reason">— 3 of 20 probes could not be evaluated (error), the first: argument z: &quot;x&quot; is &lt;not&gt; a decimal</span></h4>');
    expect(html).toContain('<code>attention</code> <span class="badge" style="background:#4ac26b">holds on samples</span></h4>');
    expect(html).toContain(`(drops <em>margin</em>) <span class="badge" style="background:#d4a72c">not shown</span> <span class="reason">— ${timeLimit}</span></h4>`);
    expect(html).toContain(`<code>softmax-hardmax/linf-halved</code> <span class="badge" style="background:#cf222e">refuted</span> <span class="reason">— ${shrinking}</span></h4>`);
    expect(html).toContain('<code>softmax-hardmax/l1-halved</code> <span class="badge" style="background:#cf222e">not refuted</span></h4>');
    expect(html.match(/class="reason"/g)).toHaveLength(4);
  });
});

// Each renders the plots (Vega) and the graph (Graphviz) for real, about 15 s: left out of mutation runs
// (UAT_MUTATION), where `generate.test.ts` checks the same writing logic with the plots stubbed.
describe.skipIf(process.env.UAT_MUTATION === '1')('report files', () => {
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

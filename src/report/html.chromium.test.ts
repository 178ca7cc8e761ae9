/**
 * The HTML report renders in a real browser: headless Chromium (Debian's `chromium`, driven by
 * playwright-core) opens a report generated from real campaign outcomes and checks that the math is
 * typeset by KaTeX with its inlined fonts, that the dependency graph and every plot are drawn, that
 * nothing is fetched from the network, and that the console stays free of errors.
 *
 * Skipped, with the reason, when Chromium is not installed and `CI` is not set; under `CI=true` a
 * missing Chromium fails the test (`.ci/run` installs it).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linf } from '../../proof/softmax-hardmax.ts';
import { runCampaign } from '../verify/campaign.ts';
import { decimalBetween } from '../verify/generators.ts';
import { withPlantedBound } from '../verify/planted.ts';
import { REPO_ROOT } from '../verify/settings.ts';
import { generateReport } from './generate.ts';
import { PLOT_BUILDERS } from './plots/index.ts';

const CHROMIUM = process.env.UAT_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const inCi = process.env.CI === 'true' || process.env.CI === '1';
const available = existsSync(CHROMIUM);
const skipReason = `skipped: no Chromium at ${CHROMIUM} (install Debian's chromium, or set UAT_CHROMIUM) and CI is not set`;
if (!available && !inCi) process.stderr.write(`report.html browser check ${skipReason}\n`);

describe.skipIf(!available && !inCi)('report.html in headless Chromium', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'uat-html-'));
  const saved = { run: process.env.UAT_RUN_DIR, runs: process.env.UAT_RUNS, regressions: process.env.UAT_REGRESSIONS_DIR };
  let lemmaCount = 0;

  beforeAll(async () => {
    process.env.UAT_RUN_DIR = path.join(dir, 'runs');
    process.env.UAT_REGRESSIONS_DIR = path.join(dir, 'regressions');
    process.env.UAT_RUNS = '20';
    const arbitrary = fc.record({ z: fc.array(decimalBetween('-1', '1', 3), { minLength: 2, maxLength: 4 }), lambda: decimalBetween('0.1', '10', 1) });
    const common = { lemma: 'softmax-hardmax', arbitrary, domain: 'n ∈ [2, 4], $\\lambda \\in [0.1, 10]$', defaultRuns: 20 } as const;
    runCampaign({ ...common, claim: 'linf', kind: 'claim', definition: linf });
    const planted = withPlantedBound(linf, 'linf-halved', (_a, A, o) => A.scale(o.bound, '0.5'));
    runCampaign({ ...common, claim: planted.id, kind: 'planted', definition: planted });
    const report = await generateReport({ root: REPO_ROOT, runDir: path.join(dir, 'runs'), outDir: path.join(dir, 'out') });
    lemmaCount = report.lemmas.length;
  }, 120_000);

  afterAll(() => {
    for (const [k, v] of [['UAT_RUN_DIR', saved.run], ['UAT_RUNS', saved.runs], ['UAT_REGRESSIONS_DIR', saved.regressions]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders math, graph and plots without console errors or network requests', async () => {
    expect(available, `Chromium is required when CI is set, and ${CHROMIUM} does not exist`).toBe(true);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('request', (r) => {
        if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) problems.push(`network request: ${r.url()}`);
      });
      const file = path.join(dir, 'out', 'report.html');
      await page.goto(`file://${file}`);
      const state = await page.evaluate(async () => {
        await document.fonts.ready;
        const size = (e: Element): number => {
          const r = e.getBoundingClientRect();
          return r.width * r.height;
        };
        return {
          katex: document.querySelectorAll('.katex').length,
          katexErrors: document.querySelectorAll('.katex-error').length,
          katexFontsLoaded: [...document.fonts].filter((f) => f.family.replace(/"/g, '').startsWith('KaTeX_') && f.status === 'loaded').length,
          graphNodes: document.querySelectorAll('#dependency-graph svg g.node').length,
          graphArea: [...document.querySelectorAll('#dependency-graph svg')].map(size)[0] ?? 0,
          plots: [...document.querySelectorAll('figure.plot')].map((f) => ({
            id: f.id,
            area: [...f.querySelectorAll(':scope > svg')].map(size)[0] ?? 0,
            marks: f.querySelectorAll('svg path').length,
          })),
          refutedBadges: [...document.querySelectorAll('.badge')].filter((b) => b.textContent === 'refuted').length,
          replay: document.querySelector('pre.replay')?.textContent ?? '',
        };
      });
      expect(problems).toEqual([]);
      expect(state.katex).toBeGreaterThan(10);
      expect(state.katexErrors).toBe(0);
      expect(state.katexFontsLoaded).toBeGreaterThan(0);
      expect(state.graphNodes).toBe(lemmaCount);
      expect(state.graphArea).toBeGreaterThan(1000);
      expect(state.plots.map((p) => p.id)).toHaveLength(PLOT_BUILDERS.length); // none left out
      for (const p of state.plots) {
        expect(p.area, p.id).toBeGreaterThan(10_000);
        expect(p.marks, p.id).toBeGreaterThan(3);
      }
      expect(state.refutedBadges).toBeGreaterThan(0);
      expect(Object.keys(JSON.parse(state.replay) as object).sort()).toEqual(['lambda', 'z']);
      expect(readFileSync(file, 'utf8')).not.toMatch(/<script/i);
    } finally {
      await browser.close();
    }
  }, 120_000);
});

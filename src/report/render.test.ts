/**
 * The renderers on a small synthetic report (no registry, no run): the exact Markdown, the HTML
 * fragments, the dependency graph's DOT text, and the phrases both renderers share. Fast and
 * in-process, so that mutation testing sees every line of `markdown.ts`, `html.ts`, `graph.ts` and
 * `wording.ts` (the end-to-end report test renders real plots and is left out of mutation runs).
 */
import { describe, expect, it } from 'vitest';
import { dependencyDot, dependencySvg } from './graph.ts';
import { escapeHtml, inlineSvg, renderHtml, richText } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import type { ClaimReport, Evidence, LemmaReport, Report } from './model.ts';
import type { Plot } from './plots/render.ts';
import { argsText, countsText, INTRO, MAX_ARGS_SHOWN, seedsText, shortArgsText, statusText } from './wording.ts';

const noCounts = { holds: 0, violated: 0, inconclusive: 0, inapplicable: 0, error: 0 };

const sampled: Evidence = {
  domain: 'z ∈ [0, 1]',
  probes: 5,
  runs: 4,
  seed: 11,
  counts: { ...noCounts, holds: 4, inapplicable: 1 },
  worst: { ratio: '0.75', lhs: '0.3', bound: '0.4', args: { z: ['1', '0'] } },
  counterexample: null,
  firstUndecided: null,
  boxProof: { certified: true, description: 'every cell of $[0, 1]$' },
};

const violated: Evidence = {
  domain: 'x > 0',
  probes: 3,
  runs: 3,
  seed: 12,
  counts: { ...noCounts, holds: 1, violated: 1, error: 1 },
  worst: null,
  counterexample: {
    args: { x: '2' },
    verdict: { verdict: 'violated', lhs: '3', bound: '2' },
    seed: 99,
    path: null,
    shrinks: 2,
    replay: '{"claim":"alpha/one","args":{"x":"2"}}',
  },
  firstUndecided: { args: { x: '<0>' }, verdict: { verdict: 'error', reason: 'argument x: "<0>" is not a decimal' } },
  boxProof: { certified: false, description: 'a box too wide' },
};

const undecided: Evidence = {
  ...sampled,
  counts: { ...noCounts, inconclusive: 2 },
  worst: null,
  boxProof: null,
  firstUndecided: { args: { y: '1' }, verdict: { verdict: 'inconclusive' } },
};

const bare: Omit<ClaimReport, 'id' | 'status' | 'evidence'> = { statement: 'A bare claim.', lhs: null, bound: null, args: null, method: null, hypotheses: [] };

const alpha: LemmaReport = {
  kind: 'lemma',
  id: 'alpha',
  file: 'proof/alpha.ts',
  statement: 'For $x > 0$, *alpha* holds.',
  hypotheses: [
    { name: 'positive', text: '$x > 0$' },
    { name: 'finite', text: 'finite' },
  ],
  method: 'direct `evaluation`',
  reference: 'Paper, eq. (1)',
  uses: [],
  usedBy: ['omega', 'zeta'],
  status: 'refuted',
  claims: [
    {
      id: 'one',
      statement: 'Claim one: $x^2 \\le x$.',
      lhs: '$x^2$',
      bound: '$x$',
      args: '`x` (decimal)',
      method: 'interval arithmetic',
      hypotheses: [{ name: 'unit', text: '$x \\le 1$' }],
      status: 'refuted',
      evidence: violated,
    },
    { id: 'two', ...bare, status: 'holds on samples', evidence: sampled },
    { id: 'three', ...bare, status: 'inconclusive', reason: 'time limit of 500 ms reached after 2 of 4 probes', evidence: undecided },
    { id: 'four', ...bare, status: 'not run', evidence: null },
  ],
  findings: [{ id: 'needs-unit', drops: 'unit', ...bare, status: 'shown necessary', evidence: { ...violated, worst: sampled.worst } }],
  planted: [
    { id: 'one-halved', status: 'refuted', evidence: violated },
    { id: 'one-sided', status: 'refuted', evidence: { ...violated, firstUndecided: null, boxProof: null, counterexample: { ...violated.counterexample!, verdict: { verdict: 'violated' } } } },
    { id: 'two-halved', status: 'not refuted', reason: 'time limit of 9 ms reached while shrinking the counterexample', evidence: sampled },
  ],
};

const omega: LemmaReport = {
  kind: 'theorem',
  id: 'omega',
  file: 'proof/omega.ts',
  statement: 'The theorem.',
  hypotheses: [],
  method: null,
  reference: null,
  uses: ['alpha', 'gone'],
  usedBy: [],
  status: 'certified',
  claims: [{ id: 'main', ...bare, status: 'certified', evidence: sampled }],
  findings: [],
  planted: [],
};

const report: Report = {
  $schema: 'https://uat-companion.invalid/report.schema.json',
  format: 'uat-companion-report/1',
  seeds: [11, 12],
  totals: {
    claims: { certified: 1, 'holds on samples': 1, inconclusive: 1, refuted: 1, 'not run': 1 },
    findings: { 'shown necessary': 1, 'not shown': 0, 'not run': 0 },
    planted: { refuted: 1, 'not refuted': 1 },
    probes: 21,
  },
  lemmas: [alpha, omega],
  problems: [
    { where: 'proof/omega.ts', message: 'lemma omega uses gone, which no proof/*.ts declares' },
    { where: 'runs/x.json', message: 'unreadable' },
  ],
};

const empty: Report = { ...report, seeds: [], totals: { ...report.totals, probes: 0 }, lemmas: [{ ...omega, uses: [], claims: [] }], problems: [] };

const plot: Plot = { id: 'hats', title: 'Hats <and> sums', caption: 'The sum of $\\varphi_k$ is *one*.', svg: '<?xml version="1.0"?>\n<!DOCTYPE svg>\n<svg id="p"></svg>\n' };

describe('wording', () => {
  it('counts in verdict order, zero counts left out', () => {
    expect(countsText({ error: 2, holds: 3, violated: 0, inconclusive: 1, inapplicable: 4 })).toBe('3 holds, 1 inconclusive, 4 inapplicable, 2 error');
    expect(countsText(noCounts)).toBe('no probes');
    expect(countsText({ ...noCounts, violated: 1 })).toBe('1 violated');
  });

  it('arguments as compact JSON, cut beyond the limit', () => {
    expect(argsText({ z: ['1', '0'], l: '2' })).toBe('{"z":["1","0"],"l":"2"}');
    const exact = { x: 'a'.repeat(MAX_ARGS_SHOWN - 8) }; // {"x":"…"} is 8 characters more
    expect(shortArgsText(exact)).toBe(JSON.stringify(exact));
    const long = { x: 'a'.repeat(MAX_ARGS_SHOWN - 7) };
    expect(shortArgsText(long)).toBe(`${JSON.stringify(long).slice(0, MAX_ARGS_SHOWN)}… (${MAX_ARGS_SHOWN + 1} characters; in full in report.json)`);
  });

  it('seeds: none, one, several', () => {
    expect(seedsText(empty)).toBe('no campaign has run');
    expect(seedsText({ ...report, seeds: [7] })).toBe('seed 7');
    expect(seedsText(report)).toBe('seeds 11, 12');
  });

  it('a status with its reason, or alone', () => {
    expect(statusText({ status: 'inconclusive', reason: 'time limit' })).toBe('inconclusive — time limit');
    expect(statusText({ status: 'refuted' })).toBe('refuted');
  });
});

describe('REPORT.md', () => {
  // Rendered inside each test (not once while the file loads), so that mutation testing sees which test covers what.
  const markdown = (): string => renderMarkdown(report, [plot], new Map([['hats', 'plots/hats.svg']]), ['a plot: its builder failed (boom)']);
  const section = (heading: string): string[] => {
    const lines = markdown().split('\n');
    const start = lines.indexOf(heading);
    expect(start, heading).toBeGreaterThanOrEqual(0);
    const end = lines.findIndex((l, i) => i > start && /^#{1,4} /.test(l));
    return lines.slice(start, end < 0 ? undefined : end);
  };

  it('opens with the title, the introduction, the run and the totals', () => {
    const lines = markdown().split('\n');
    expect(lines.slice(0, 23)).toEqual([
      '# uat-companion: lemma-by-lemma report',
      '',
      INTRO,
      '',
      'Run: seeds 11, 12, 21 probes in all.',
      '',
      '## Summary',
      '',
      '| | status | count |',
      '|---|---|---|',
      '| claims | certified | 1 |',
      '| claims | holds on samples | 1 |',
      '| claims | inconclusive | 1 |',
      '| claims | refuted | 1 |',
      '| claims | not run | 1 |',
      '| findings | shown necessary | 1 |',
      '| findings | not shown | 0 |',
      '| findings | not run | 0 |',
      '| planted false bounds | refuted | 1 |',
      '| planted false bounds | not refuted | 1 |',
      '',
      '| lemma | kind | status | claims | uses |',
      '|---|---|---|---|---|',
    ]);
    expect(lines.slice(23, 34)).toEqual([
      '| [`alpha`](#lemma-alpha) | lemma | refuted | 4 | — |',
      '| [`omega`](#theorem-omega) | theorem | certified | 1 | alpha, gone |',
      '',
      '## Dependencies',
      '',
      'Each node is a lemma (the theorem has a double border), coloured by its status; an arrow points from a lemma to the one that uses it.',
      '',
      '![dependency graph of the lemmas and the theorem](dependencies.svg)',
      '',
      '## Lemmas and the theorem',
      '',
    ]);
  });

  it('gives each lemma its statement, hypotheses, edges, method, reference and claim table', () => {
    expect(section('### Lemma `alpha`: refuted')).toEqual([
      '### Lemma `alpha`: refuted',
      '',
      'For $x > 0$, *alpha* holds.',
      '',
      'Hypotheses:',
      '',
      '- *positive*: $x > 0$',
      '- *finite*: finite',
      '',
      'Uses: nothing. Used by: `omega`, `zeta`. Code: [`proof/alpha.ts`](../proof/alpha.ts).',
      '',
      'Method: direct `evaluation`',
      '',
      'Reference: Paper, eq. (1)',
      '',
      '| claim | status | probes | worst lhs/bound |',
      '|---|---|---|---|',
      '| `one` | refuted | 3 | — |',
      '| `two` | holds on samples | 5 | 0.75 |',
      '| `three` | inconclusive | 5 | — |',
      '| `four` | not run | — | — |',
      '',
    ]);
    const lines = markdown().split('\n');
    expect(lines.slice(lines.indexOf('### Lemma `alpha`: refuted') - 2, lines.indexOf('### Lemma `alpha`: refuted'))).toEqual(['<a id="lemma-alpha"></a>', '']);
    expect(section('### Theorem `omega`: certified')).toEqual([
      '### Theorem `omega`: certified',
      '',
      'The theorem.',
      '',
      'Uses: `alpha`, `gone`. Used by: nothing. Code: [`proof/omega.ts`](../proof/omega.ts).',
      '',
      '| claim | status | probes | worst lhs/bound |',
      '|---|---|---|---|',
      '| `main` | certified | 5 | 0.75 |',
      '',
    ]);
  });

  it('gives each claim its sides, hypotheses, method and evidence', () => {
    expect(section('#### `one`: refuted')).toEqual([
      '#### `one`: refuted',
      '',
      'Claim one: $x^2 \\le x$.',
      '',
      '- left side: $x^2$',
      '- bound: $x$',
      '- arguments: `x` (decimal)',
      '- hypothesis *unit*: $x \\le 1$',
      '- method: interval arithmetic',
      '- domain: x > 0',
      '- probes: 3 (1 holds, 1 violated, 1 error); runs 3, seed 12',
      '- box proof: not certified: a box too wide',
      '- first undecided probe (error: argument x: "<0>" is not a decimal): `{"x":"<0>"}`',
      '- minimal counterexample (fast-check seed 99, path —, 2 shrinks): lhs 3 > bound 2, replay with `uat check`:',
      '',
      '  ```json',
      '  {"claim":"alpha/one","args":{"x":"2"}}',
      '  ```',
      '',
    ]);
    expect(section('#### `two`: holds on samples')).toEqual([
      '#### `two`: holds on samples',
      '',
      'A bare claim.',
      '',
      '- domain: z ∈ [0, 1]',
      '- probes: 5 (4 holds, 1 inapplicable); runs 4, seed 11',
      '- worst ratio lhs/bound among holding probes: **0.75** (lhs 0.3, bound 0.4) at `{"z":["1","0"]}`',
      '- box proof: certified: every cell of $[0, 1]$',
      '',
    ]);
    expect(section('#### `three`: inconclusive — time limit of 500 ms reached after 2 of 4 probes')).toContain('- first undecided probe (inconclusive): `{"y":"1"}`');
    expect(section('#### `four`: not run').slice(0, 6)).toEqual(['#### `four`: not run', '', 'A bare claim.', '', '- no campaign outcome in this run', '']);
  });

  it('lists findings, planted bounds (arguments only, no replay line), plots, left-out plots and problems', () => {
    expect(section('## Findings: hypotheses shown necessary')).toEqual([
      '## Findings: hypotheses shown necessary',
      '',
      'Each finding drops one hypothesis and looks for a certified violation; one found shows the hypothesis is necessary.',
      '',
    ]);
    const finding = section('### `alpha/needs-unit` (drops *unit*): shown necessary');
    expect(finding.slice(0, 5)).toEqual(['### `alpha/needs-unit` (drops *unit*): shown necessary', '', 'A bare claim.', '', '- domain: x > 0']);
    expect(finding).toContain('  {"claim":"alpha/one","args":{"x":"2"}}');
    expect(finding).toContain('- worst ratio lhs/bound among violated probes: **0.75** (lhs 0.3, bound 0.4) at `{"z":["1","0"]}`');
    expect(section('### `alpha/one-sided`: refuted')).toContain(
      '- minimal counterexample (fast-check seed 99, path —, 2 shrinks): lhs — > bound —, arguments (a planted bound is not a registered claim: `uat check` replays them against the original claim):',
    );
    expect(markdown()).not.toContain('No planted bound ran.');
    expect(markdown()).not.toContain('No finding is registered.');
    expect(section('### `alpha/one-halved`: refuted')).toEqual([
      '### `alpha/one-halved`: refuted',
      '',
      '- domain: x > 0',
      '- probes: 3 (1 holds, 1 violated, 1 error); runs 3, seed 12',
      '- box proof: not certified: a box too wide',
      '- first undecided probe (error: argument x: "<0>" is not a decimal): `{"x":"<0>"}`',
      '- minimal counterexample (fast-check seed 99, path —, 2 shrinks): lhs 3 > bound 2, arguments (a planted bound is not a registered claim: `uat check` replays them against the original claim):',
      '',
      '  ```json',
      '  {"x":"2"}',
      '  ```',
      '',
    ]);
    expect(section('### `alpha/two-halved`: not refuted — time limit of 9 ms reached while shrinking the counterexample')).toContain(
      '- worst ratio lhs/bound among violated probes: **0.75** (lhs 0.3, bound 0.4) at `{"z":["1","0"]}`',
    );
    expect(section('## Plots')).toEqual(['## Plots', '']);
    expect(section('### Hats <and> sums')).toEqual([
      '### Hats <and> sums',
      '',
      '![Hats <and> sums](plots/hats.svg)',
      '',
      'The sum of $\\varphi_k$ is *one*.',
      '',
      '- Left out: a plot: its builder failed (boom)',
      '',
    ]);
    expect(section('## Problems')).toEqual(['## Problems', '', '- `proof/omega.ts`: lemma omega uses gone, which no proof/*.ts declares', '- `runs/x.json`: unreadable', '']);
    expect(markdown().endsWith('- `runs/x.json`: unreadable\n')).toBe(true);
  });

  it('says so when nothing is registered, ran or was left out, and has no problems section without problems', () => {
    const text = renderMarkdown(empty, [plot], new Map(), []);
    expect(text).toContain('Run: no campaign has run, 0 probes in all.');
    expect(text).toContain('| [`omega`](#theorem-omega) | theorem | certified | 0 | — |');
    expect(text).toContain('\n\nNo finding is registered.\n\n## Planted false bounds\n\nEach is a claim with its bound replaced by a false one. The suite must refute every one with a certified counterexample: the evidence that its tests can fail.\n\nNo planted bound ran.\n\n## Plots\n\n');
    expect(text).toContain('![Hats <and> sums]()');
    expect(text).not.toContain('Left out');
    expect(text).not.toContain('## Problems');
    expect(text).not.toMatch(/\n\n\n/);
    // an empty statement leaves three blank lines in a row, collapsed to one
    expect(renderMarkdown({ ...empty, lemmas: [{ ...omega, statement: '', uses: [], claims: [] }] }, [], new Map(), [])).toContain('### Theorem `omega`: certified\n\nUses: nothing.');
    expect(text.endsWith('The sum of $\\varphi_k$ is *one*.\n')).toBe(true);
  });
});

describe('report.html', () => {
  const page = (): string => renderHtml(report, '<?xml version="1.0"?>\n<svg id="graph"></svg>', [plot], ['a <plot>: failed', 'another']);

  it('escapes the five HTML-significant characters it writes', () => {
    expect(escapeHtml(`a & b < c > d "e" 'f'`)).toBe("a &amp; b &lt; c &gt; d &quot;e&quot; 'f'");
    expect(escapeHtml('&&<<')).toBe('&amp;&amp;&lt;&lt;');
  });

  it('renders math with KaTeX, code and emphasis, and escapes the text between', () => {
    expect(richText('a < b, `x<y` and *e<m* then **')).toBe('a &lt; b, <code>x&lt;y</code> and <em>e&lt;m</em> then **');
    expect(richText('* not emphasis*')).toBe('* not emphasis*');
    const math = richText('so $x^2$ & $\\$1$.');
    expect(math.startsWith('so <span class="katex">')).toBe(true);
    expect(math).toContain('<span class="mord mathnormal">x</span>');
    expect(math).toContain('<span class="mord mtight">2</span>');
    expect(math).toContain('<span class="mord">$1</span>'); // an escaped dollar stays inside the math
    expect(math).toContain(' &amp; <span class="katex">');
    expect(math.endsWith('</span>.')).toBe(true);
    expect(math).not.toContain('<math'); // output 'html': no MathML
    expect(richText('$\\frac{1}$')).toContain('katex-error'); // bad TeX does not throw
  });

  it('strips the prolog and doctype of an inline SVG', () => {
    expect(inlineSvg('<?xml version="1.0" encoding="UTF-8"?>\n  <!DOCTYPE svg PUBLIC "x">\n <svg/>\n')).toBe('<svg/>');
    expect(inlineSvg('<svg><?xml a?><!DOCTYPE b></svg>')).toBe('<svg></svg>');
  });

  it('is one page: doctype, head with both stylesheets, no script', () => {
    const html = page();
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>uat-companion report</title>\n<style>')).toBe(true);
    expect(html.endsWith('\n</body>\n</html>\n')).toBe(true);
    // KaTeX's CSS with its 20 fonts inlined as WOFF2 data, the WOFF and TTF fallbacks dropped
    expect(html).toContain('@font-face{font-display:block;font-family:KaTeX_AMS;font-style:normal;font-weight:400;src:url(data:font/woff2;base64,');
    expect(html.match(/@font-face\{[^}]*src:url\(data:font\/woff2;base64,[A-Za-z0-9+/=]{1000,}\) format\("woff2"\)\}/g)).toHaveLength(20);
    expect(html).not.toMatch(/\.(woff|ttf)\)/);
    expect(html).toContain('<style>body{font-family:');
    expect(html).not.toContain('<script');
  });

  it('has the title, the run, the totals with badges and the graph', () => {
    const html = page();
    expect(html).toContain('\n<h1>uat-companion: lemma-by-lemma report</h1>\n<p>Generated by <code>uat verify</code>');
    expect(html).toContain('\n<p>Run: seeds 11, 12, 21 probes in all.</p>\n<h2 id="summary">Summary</h2>\n');
    expect(html).toContain(
      '<table><thead><tr><th></th><th>status</th><th>count</th></tr></thead><tbody><tr><td>claims</td><td><span class="badge" style="background:#1a7f37">certified</span></td><td>1</td></tr><tr><td>claims</td><td><span class="badge" style="background:#4ac26b">holds on samples</span></td><td>1</td></tr>',
    );
    expect(html).toContain('<tr><td>findings</td><td><span class="badge" style="background:#8250df">shown necessary</span></td><td>1</td></tr>');
    expect(html).toContain('<tr><td>planted false bounds</td><td><span class="badge" style="background:#cf222e">not refuted</span></td><td>1</td></tr></tbody></table>');
    expect(html).toContain('\n<h2 id="dependencies">Dependencies</h2>\n<p>Each node is a lemma (the theorem has a double border), coloured by its status; an arrow points from a lemma to the one that uses it.</p>\n<figure id="dependency-graph"><svg id="graph"></svg></figure>\n<h2 id="lemmas">Lemmas and the theorem</h2>\n');
  });

  it('gives each lemma its section, edges as links, method, reference and claim table', () => {
    const html = page();
    expect(html).toContain('<section class="lemma" id="lemma-alpha"><h3>Lemma <code>alpha</code> <span class="badge" style="background:#cf222e">refuted</span></h3>\n<p class="statement">For ');
    expect(html).toContain('<p>Hypotheses:</p><ul><li><em>positive</em>: <span class="katex">');
    expect(html).toContain('</span></li><li><em>finite</em>: finite</li></ul>\n<p>Uses: nothing.');
    expect(html).toContain('<p>Uses: nothing. Used by: <a href="#theorem-omega"><code>omega</code></a>, <a href="#lemma-zeta"><code>zeta</code></a>. Code: <code>proof/alpha.ts</code>.</p>');
    expect(html).toContain('</section>\n</section>\n<section class="lemma" id="theorem-omega">');
    expect(html).toContain('<p>Uses: <a href="#lemma-alpha"><code>alpha</code></a>, <a href="#lemma-gone"><code>gone</code></a>. Used by: nothing. Code: <code>proof/omega.ts</code>.</p>');
    expect(html).toContain('<p>Method: direct <code>evaluation</code></p>\n<p>Reference: Paper, eq. (1)</p>\n<table><thead><tr><th>claim</th><th>status</th><th>probes</th><th>worst lhs/bound</th></tr></thead><tbody>\n');
    expect(html).toContain('<tr><td><code>two</code></td><td><span class="badge" style="background:#4ac26b">holds on samples</span></td><td>5</td><td>0.75</td></tr>');
    expect(html).toContain('<tr><td><code>four</code></td><td><span class="badge" style="background:#8c959f">not run</span></td><td>—</td><td>—</td></tr>\n</tbody></table>');
    expect(html).toContain('<section class="lemma" id="theorem-omega"><h3>Theorem <code>omega</code> <span class="badge" style="background:#1a7f37">certified</span></h3>\n<p class="statement">The theorem.</p>\n<p>Uses: ');
    expect(html).not.toContain('Method: null');
    expect(html.match(/<p>Hypotheses:/g)).toHaveLength(1);
  });

  it('gives each claim its sides, hypotheses, method and evidence', () => {
    const html = page();
    expect(html).toContain('<section class="claim"><h4><code>one</code> <span class="badge" style="background:#cf222e">refuted</span></h4><p>Claim one: <span class="katex">');
    expect(html).toContain('<li>arguments: <code>x</code> (decimal)</li><li>hypothesis <em>unit</em>: <span class="katex">');
    expect(html).toMatch(/<p>Claim one: <span class="katex">.*<\/p><ul><li>left side: <span class="katex">.*<\/li><li>bound: <span class="katex">.*<\/li><li>arguments: /);
    expect(html).toContain('<li>method: interval arithmetic</li></ul><ul class="evidence"><li>domain: x &gt; 0</li><li>probes: 3 (1 holds, 1 violated, 1 error); runs 3, seed 12</li><li>box proof: not certified: a box too wide</li>');
    expect(html).toContain('<li>first undecided probe (error: argument x: &quot;&lt;0&gt;&quot; is not a decimal): <code>{&quot;x&quot;:&quot;&lt;0&gt;&quot;}</code></li>');
    expect(html).toContain(
      '<li>minimal counterexample (fast-check seed 99, path —, 2 shrinks): lhs 3 &gt; bound 2, replay with <code>uat check</code>:<pre class="replay">{&quot;claim&quot;:&quot;alpha/one&quot;,&quot;args&quot;:{&quot;x&quot;:&quot;2&quot;}}</pre></li></ul></section>',
    );
    expect(html).toContain(
      '<h4><code>two</code> <span class="badge" style="background:#4ac26b">holds on samples</span></h4><p>A bare claim.</p><ul></ul><ul class="evidence"><li>domain: z ∈ [0, 1]</li><li>probes: 5 (4 holds, 1 inapplicable); runs 4, seed 11</li><li>worst ratio lhs/bound among holding probes: <strong>0.75</strong> (lhs 0.3, bound 0.4) at <code>{&quot;z&quot;:[&quot;1&quot;,&quot;0&quot;]}</code></li><li>box proof: certified: every cell of <span class="katex">',
    );
    expect(html).toContain('<span class="badge" style="background:#d4a72c">inconclusive</span> <span class="reason">— time limit of 500 ms reached after 2 of 4 probes</span></h4>');
    expect(html).toContain('<li>first undecided probe (inconclusive): <code>{&quot;y&quot;:&quot;1&quot;}</code></li></ul></section>');
    expect(html).toContain('<h4><code>four</code> <span class="badge" style="background:#8c959f">not run</span></h4><p>A bare claim.</p><ul></ul><ul class="evidence"><li>no campaign outcome in this run</li></ul></section>');
  });

  it('lists findings, planted bounds, plots, left-out plots and problems', () => {
    const html = page();
    expect(html).toContain('\n<h2 id="findings">Findings: hypotheses shown necessary</h2>\n<p>Each finding drops one hypothesis and looks for a certified violation; one found shows the hypothesis is necessary.</p>\n<section class="claim"><h4><code>alpha/needs-unit</code> (drops <em>unit</em>) <span class="badge" style="background:#8250df">shown necessary</span></h4>');
    expect(html).toContain('\n<h2 id="planted">Planted false bounds</h2>\n<p>Each is a claim with its bound replaced by a false one. The suite must refute every one with a certified counterexample: the evidence that its tests can fail.</p>\n');
    expect(html).toContain(
      '<section class="claim"><h4><code>alpha/one-halved</code> <span class="badge" style="background:#cf222e">refuted</span></h4><ul class="evidence"><li>domain: x &gt; 0</li>',
    );
    expect(html).toContain('arguments (a planted bound is not a registered claim: <code>uat check</code> replays them against the original claim):<pre class="replay">{&quot;x&quot;:&quot;2&quot;}</pre>');
    expect(html).toContain('<li>worst ratio lhs/bound among violated probes: <strong>0.75</strong>');
    expect(html).toContain('<li>minimal counterexample (fast-check seed 99, path —, 2 shrinks): lhs — &gt; bound —, arguments (a planted bound');
    expect(html).not.toContain('No planted bound ran.');
    expect(html).not.toContain('No finding is registered.');
    expect(html).toContain('</style>\n</head>\n<body>\n<h1>');
    expect(html).toContain('<code>alpha/two-halved</code> <span class="badge" style="background:#cf222e">not refuted</span> <span class="reason">— time limit of 9 ms reached while shrinking the counterexample</span></h4>');
    expect(html).toContain('\n<h2 id="plots">Plots</h2>\n<figure class="plot" id="plot-hats"><figcaption><strong>Hats &lt;and&gt; sums</strong>. The sum of <span class="katex">');
    expect(html).toContain(' is <em>one</em>.</figcaption><svg id="p"></svg></figure>\n<ul><li>Left out: a &lt;plot&gt;: failed</li><li>Left out: another</li></ul>\n<h2 id="problems">Problems</h2>\n<ul><li><code>proof/omega.ts</code>: lemma omega uses gone, which no proof/*.ts declares</li><li><code>runs/x.json</code>: unreadable</li></ul>\n</body>');
  });

  it('says so when nothing is registered or ran, and has no problems section without problems', () => {
    const page = renderHtml(empty, '<svg/>', [], []);
    expect(page).toContain('<p>Run: no campaign has run, 0 probes in all.</p>');
    expect(page).toContain('</p>\n<p>No finding is registered.</p>\n<h2 id="planted">');
    expect(page).toContain('</p>\n<p>No planted bound ran.</p>\n<h2 id="plots">Plots</h2>\n</body>');
    expect(page).not.toContain('<ul><li>Left out');
    expect(page).not.toContain('Problems');
  });

  it('gives a status without a colour the neutral grey', () => {
    const odd = renderHtml({ ...empty, lemmas: [{ ...omega, claims: [], status: 'unknown' as never }] }, '<svg/>', [], []);
    expect(odd).toContain('<span class="badge" style="background:#57606a">unknown</span>');
  });
});

describe('dependency graph', () => {
  it('is DOT with one node per lemma coloured by status, the theorem double-bordered, edges sorted, missing lemmas dashed', () => {
    expect(dependencyDot(report)).toBe(
      [
        'digraph dependencies {',
        '  graph [rankdir=BT, bgcolor="transparent", fontname="Helvetica", nodesep=0.4, ranksep=0.6];',
        '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=12, fontcolor="white", penwidth=0];',
        '  edge [color="#57606a", arrowsize=0.7];',
        '  "alpha" [label="alpha\\nrefuted", fillcolor="#cf222e", id="node-alpha"];',
        '  "omega" [label="theorem omega\\ncertified", fillcolor="#1a7f37", id="node-omega", peripheries=2, penwidth=1.5, color="#1f2328"];',
        '  "alpha" -> "omega";',
        '  "missing:gone" -> "omega" [style=dashed];',
        '  "missing:gone" [label="gone\\n(missing)", fillcolor="#cf222e", style="rounded,filled,dashed"];',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('escapes quotes and backslashes in ids and labels', () => {
    const odd: Report = { ...empty, lemmas: [{ ...alpha, id: 'a"b\\c', uses: ['x"y\\z'], usedBy: [] }] };
    const dot = dependencyDot(odd);
    expect(dot).toContain('  "a\\"b\\\\c" [label="a\\"b\\\\c\\nrefuted", fillcolor="#cf222e", id="node-a\\"b\\\\c"];');
    expect(dot).toContain('  "missing:x\\"y\\\\z" [label="x\\"y\\\\z\\n(missing)"');
    expect(dot).toContain('  "missing:x\\"y\\\\z" -> "a\\"b\\\\c" [style=dashed];');
  });

  it('renders to an SVG with one node per lemma', async () => {
    const svg = await dependencySvg(report);
    expect(svg).toContain('<svg');
    expect(svg).toContain('<g id="node&#45;alpha" class="node">');
    expect(svg).toContain('<g id="node&#45;omega" class="node">');
    expect(svg).toContain('>theorem omega</text>');
  });
});

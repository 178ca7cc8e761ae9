/**
 * `report.html`: the report as one self-contained page. Math is rendered server-side with
 * `katex.renderToString` (KaTeX CSS and its WOFF2 fonts inlined), the dependency graph and the plots
 * are inline SVG. No script, no external resource.
 */
import katex from 'katex';
import type { ClaimReport, Evidence, FindingReport, LemmaReport, Report } from './model.ts';
import type { Plot } from './plots/render.ts';
import { STATUS_COLOURS } from './status-colours.ts';
import { katexCssInlined } from './katex-css.ts';
import { countsText, INTRO, seedsText, shortArgsText } from './wording.ts';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Text with `$…$` math (rendered by KaTeX), `` `code` `` and `*emphasis*`, as HTML. */
export function richText(s: string): string {
  let out = '';
  const token = /\$((?:[^$\\]|\\.)+)\$|`([^`]+)`|\*([^*\s][^*]*)\*/g;
  let last = 0;
  for (let m = token.exec(s); m !== null; m = token.exec(s)) {
    out += escapeHtml(s.slice(last, m.index));
    if (m[1] !== undefined) out += katex.renderToString(m[1], { throwOnError: false, output: 'html', strict: 'ignore' });
    else if (m[2] !== undefined) out += `<code>${escapeHtml(m[2])}</code>`;
    else out += `<em>${escapeHtml(m[3]!)}</em>`;
    last = m.index + m[0].length;
  }
  return out + escapeHtml(s.slice(last));
}

function badge(status: string): string {
  const colour = (STATUS_COLOURS as Record<string, string>)[status] ?? '#57606a';
  return `<span class="badge" style="background:${colour}">${escapeHtml(status)}</span>`;
}

/** The reason a campaign stopped early, after the status badge; nothing when there is none. */
function reasonHtml(item: { readonly reason?: string }): string {
  return item.reason === undefined ? '' : ` <span class="reason">— ${escapeHtml(item.reason)}</span>`;
}

function evidenceHtml(e: Evidence | null, wanted: 'holds' | 'violated', replayable = true): string {
  if (e === null) return '<ul class="evidence"><li>no campaign outcome in this run</li></ul>';
  const items = [`domain: ${richText(e.domain)}`, `probes: ${e.probes} (${escapeHtml(countsText(e.counts))}); runs ${e.runs}, seed ${e.seed}`];
  if (e.worst !== null) {
    items.push(
      `worst ratio lhs/bound among ${wanted === 'holds' ? 'holding' : 'violated'} probes: <strong>${escapeHtml(e.worst.ratio)}</strong> (lhs ${escapeHtml(e.worst.lhs)}, bound ${escapeHtml(e.worst.bound)}) at <code>${escapeHtml(shortArgsText(e.worst.args))}</code>`,
    );
  }
  if (e.boxProof !== null) items.push(`box proof: ${e.boxProof.certified ? 'certified' : 'not certified'}: ${richText(e.boxProof.description)}`);
  if (e.firstUndecided !== null) {
    const v = e.firstUndecided.verdict;
    items.push(`first undecided probe (${escapeHtml(v.verdict)}${v.reason !== undefined ? `: ${escapeHtml(v.reason)}` : ''}): <code>${escapeHtml(shortArgsText(e.firstUndecided.args))}</code>`);
  }
  if (e.counterexample !== null) {
    const c = e.counterexample;
    items.push(
      `minimal counterexample (fast-check seed ${c.seed}, path ${escapeHtml(c.path ?? '—')}, ${c.shrinks} shrinks): lhs ${escapeHtml(c.verdict.lhs ?? '—')} &gt; bound ${escapeHtml(c.verdict.bound ?? '—')}, ${replayable ? 'replay with <code>uat check</code>' : 'arguments (a planted bound is not a registered claim: <code>uat check</code> replays them against the original claim)'}:<pre class="replay">${escapeHtml(replayable ? c.replay : JSON.stringify(c.args))}</pre>`,
    );
  }
  return `<ul class="evidence">${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}

function claimHtml(c: ClaimReport | FindingReport, heading: string, wanted: 'holds' | 'violated'): string {
  const items: string[] = [];
  if (c.lhs !== null) items.push(`left side: ${richText(c.lhs)}`);
  if (c.bound !== null) items.push(`bound: ${richText(c.bound)}`);
  if (c.args !== null) items.push(`arguments: ${richText(c.args)}`);
  for (const h of c.hypotheses) items.push(`hypothesis <em>${escapeHtml(h.name)}</em>: ${richText(h.text)}`);
  if (c.method !== null) items.push(`method: ${richText(c.method)}`);
  return `<section class="claim"><h4>${heading} ${badge(c.status)}${reasonHtml(c)}</h4><p>${richText(c.statement)}</p><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>${evidenceHtml(c.evidence, wanted)}</section>`;
}

function lemmaHtml(l: LemmaReport, kinds: ReadonlyMap<string, string>): string {
  const parts = [`<section class="lemma" id="${l.kind}-${escapeHtml(l.id)}"><h3>${l.kind === 'theorem' ? 'Theorem' : 'Lemma'} <code>${escapeHtml(l.id)}</code> ${badge(l.status)}</h3>`];
  parts.push(`<p class="statement">${richText(l.statement)}</p>`);
  if (l.hypotheses.length > 0) {
    parts.push(`<p>Hypotheses:</p><ul>${l.hypotheses.map((h) => `<li><em>${escapeHtml(h.name)}</em>: ${richText(h.text)}</li>`).join('')}</ul>`);
  }
  const list = (ids: readonly string[]): string => (ids.length > 0 ? ids.map((u) => `<a href="#${kinds.get(u) ?? 'lemma'}-${escapeHtml(u)}"><code>${escapeHtml(u)}</code></a>`).join(', ') : 'nothing');
  parts.push(`<p>Uses: ${list(l.uses)}. Used by: ${list(l.usedBy)}. Code: <code>${escapeHtml(l.file)}</code>.</p>`);
  if (l.method !== null) parts.push(`<p>Method: ${richText(l.method)}</p>`);
  if (l.reference !== null) parts.push(`<p>Reference: ${richText(l.reference)}</p>`);
  parts.push('<table><thead><tr><th>claim</th><th>status</th><th>probes</th><th>worst lhs/bound</th></tr></thead><tbody>');
  for (const c of l.claims) {
    parts.push(`<tr><td><code>${escapeHtml(c.id)}</code></td><td>${badge(c.status)}</td><td>${c.evidence?.probes ?? '—'}</td><td>${escapeHtml(c.evidence?.worst?.ratio ?? '—')}</td></tr>`);
  }
  parts.push('</tbody></table>');
  for (const c of l.claims) parts.push(claimHtml(c, `<code>${escapeHtml(c.id)}</code>`, 'holds'));
  parts.push('</section>');
  return parts.join('\n');
}

/** Strips the XML prolog and doctype of a standalone SVG so it can sit inline in HTML. */
export function inlineSvg(svg: string): string {
  return svg.replace(/<\?xml[^>]*\?>\s*/g, '').replace(/<!DOCTYPE[^>]*>\s*/g, '').trim();
}

const PAGE_CSS = `
body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2328;line-height:1.5}
code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}
pre.replay{background:#f6f8fa;padding:.5rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left}
.badge{color:#fff;border-radius:.8rem;padding:.05rem .55rem;font-size:.8em;font-weight:600;white-space:nowrap;vertical-align:middle}
section.lemma{border-top:2px solid #d0d7de;margin-top:2rem}
section.claim{margin-left:1rem}
figure{margin:1rem 0}figure svg{max-width:100%;height:auto}figcaption{font-size:.9em;color:#57606a}
.katex{font-size:1.05em}
`;

/** The whole HTML report. */
export function renderHtml(report: Report, dependencySvg: string, plots: readonly Plot[], omittedPlots: readonly string[]): string {
  const t = report.totals;
  const totalsRows = [
    ...Object.entries(t.claims).map(([s, n]) => ['claims', s, n] as const),
    ...Object.entries(t.findings).map(([s, n]) => ['findings', s, n] as const),
    ...Object.entries(t.planted).map(([s, n]) => ['planted false bounds', s, n] as const),
  ];
  const body: string[] = [
    '<h1>uat-companion: lemma-by-lemma report</h1>',
    `<p>${richText(INTRO)}</p>`,
    `<p>Run: ${escapeHtml(seedsText(report))}, ${t.probes} probes in all.</p>`,
    '<h2 id="summary">Summary</h2>',
    `<table><thead><tr><th></th><th>status</th><th>count</th></tr></thead><tbody>${totalsRows.map(([k, s, n]) => `<tr><td>${k}</td><td>${badge(s)}</td><td>${n}</td></tr>`).join('')}</tbody></table>`,
    '<h2 id="dependencies">Dependencies</h2>',
    '<p>Each node is a lemma (the theorem has a double border), coloured by its status; an arrow points from a lemma to the one that uses it.</p>',
    `<figure id="dependency-graph">${inlineSvg(dependencySvg)}</figure>`,
    '<h2 id="lemmas">Lemmas and the theorem</h2>',
    ...report.lemmas.map((l) => lemmaHtml(l, new Map(report.lemmas.map((m) => [m.id, m.kind])))),
    '<h2 id="findings">Findings: hypotheses shown necessary</h2>',
    '<p>Each finding drops one hypothesis and looks for a certified violation; one found shows the hypothesis is necessary.</p>',
  ];
  const findings = report.lemmas.flatMap((l) => l.findings.map((f) => ({ l, f })));
  if (findings.length === 0) body.push('<p>No finding is registered.</p>');
  for (const { l, f } of findings) body.push(claimHtml(f, `<code>${escapeHtml(`${l.id}/${f.id}`)}</code> (drops <em>${escapeHtml(f.drops)}</em>)`, 'violated'));
  body.push(
    '<h2 id="planted">Planted false bounds</h2>',
    '<p>Each is a claim with its bound replaced by a false one. The suite must refute every one with a certified counterexample: the evidence that its tests can fail.</p>',
  );
  const planted = report.lemmas.flatMap((l) => l.planted.map((p) => ({ l, p })));
  if (planted.length === 0) body.push('<p>No planted bound ran.</p>');
  for (const { l, p } of planted) {
    body.push(`<section class="claim"><h4><code>${escapeHtml(`${l.id}/${p.id}`)}</code> ${badge(p.status)}${reasonHtml(p)}</h4>${evidenceHtml(p.evidence, 'violated', false)}</section>`);
  }
  body.push('<h2 id="plots">Plots</h2>');
  for (const p of plots) {
    body.push(`<figure class="plot" id="plot-${escapeHtml(p.id)}"><figcaption><strong>${escapeHtml(p.title)}</strong>. ${richText(p.caption)}</figcaption>${inlineSvg(p.svg)}</figure>`);
  }
  if (omittedPlots.length > 0) body.push(`<ul>${omittedPlots.map((o) => `<li>Left out: ${richText(o)}</li>`).join('')}</ul>`);
  if (report.problems.length > 0) {
    body.push('<h2 id="problems">Problems</h2>', `<ul>${report.problems.map((p) => `<li><code>${escapeHtml(p.where)}</code>: ${escapeHtml(p.message)}</li>`).join('')}</ul>`);
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>uat-companion report</title>',
    `<style>${katexCssInlined()}</style>`,
    `<style>${PAGE_CSS.trim()}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

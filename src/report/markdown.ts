/**
 * `REPORT.md`: the report for a Git forge. Math stays in `$…$` (rendered by the forge), the
 * dependency graph and the plots are SVG files beside it (`dependencies.svg`, `plots/*.svg`).
 */
import type { ClaimReport, Evidence, FindingReport, LemmaReport, Report } from './model.ts';
import type { Plot } from './plots/render.ts';
import { countsText, INTRO, seedsText, shortArgsText, statusText } from './wording.ts';

function evidenceLines(e: Evidence | null, wanted: 'holds' | 'violated', replayable = true): string[] {
  if (e === null) return ['- no campaign outcome in this run'];
  const lines = [`- domain: ${e.domain}`, `- probes: ${e.probes} (${countsText(e.counts)}); runs ${e.runs}, seed ${e.seed}`];
  if (e.worst !== null) {
    lines.push(`- worst ratio lhs/bound among ${wanted === 'holds' ? 'holding' : 'violated'} probes: **${e.worst.ratio}** (lhs ${e.worst.lhs}, bound ${e.worst.bound}) at \`${shortArgsText(e.worst.args)}\``);
  }
  if (e.boxProof !== null) lines.push(`- box proof: ${e.boxProof.certified ? 'certified' : 'not certified'}: ${e.boxProof.description}`);
  if (e.firstUndecided !== null) {
    lines.push(`- first undecided probe (${e.firstUndecided.verdict.verdict}${e.firstUndecided.verdict.reason !== undefined ? `: ${e.firstUndecided.verdict.reason}` : ''}): \`${shortArgsText(e.firstUndecided.args)}\``);
  }
  if (e.counterexample !== null) {
    const c = e.counterexample;
    lines.push(
      `- minimal counterexample (fast-check seed ${c.seed}, path ${c.path ?? '—'}, ${c.shrinks} shrinks): lhs ${c.verdict.lhs ?? '—'} > bound ${c.verdict.bound ?? '—'}, ${replayable ? 'replay with `uat check`' : 'arguments (a planted bound is not a registered claim: `uat check` replays them against the original claim)'}:`,
      '',
      '  ```json',
      `  ${replayable ? c.replay : JSON.stringify(c.args)}`,
      '  ```',
    );
  }
  return lines;
}

function claimSection(c: ClaimReport | FindingReport, wanted: 'holds' | 'violated'): string[] {
  const lines = [`#### \`${c.id}\`: ${statusText(c)}`, '', c.statement, ''];
  if (c.lhs !== null) lines.push(`- left side: ${c.lhs}`);
  if (c.bound !== null) lines.push(`- bound: ${c.bound}`);
  if (c.args !== null) lines.push(`- arguments: ${c.args}`);
  for (const h of c.hypotheses) lines.push(`- hypothesis *${h.name}*: ${h.text}`);
  if (c.method !== null) lines.push(`- method: ${c.method}`);
  lines.push(...evidenceLines(c.evidence, wanted), '');
  return lines;
}

function lemmaSection(l: LemmaReport): string[] {
  const lines = [`### ${l.kind === 'theorem' ? 'Theorem' : 'Lemma'} \`${l.id}\`: ${l.status}`, '', l.statement, ''];
  if (l.hypotheses.length > 0) {
    lines.push('Hypotheses:', '');
    for (const h of l.hypotheses) lines.push(`- *${h.name}*: ${h.text}`);
    lines.push('');
  }
  lines.push(`Uses: ${l.uses.length > 0 ? l.uses.map((u) => `\`${u}\``).join(', ') : 'nothing'}. Used by: ${l.usedBy.length > 0 ? l.usedBy.map((u) => `\`${u}\``).join(', ') : 'nothing'}. Code: [\`${l.file}\`](../${l.file}).`, '');
  if (l.method !== null) lines.push(`Method: ${l.method}`, '');
  if (l.reference !== null) lines.push(`Reference: ${l.reference}`, '');
  lines.push('| claim | status | probes | worst lhs/bound |', '|---|---|---|---|');
  for (const c of l.claims) {
    lines.push(`| \`${c.id}\` | ${c.status} | ${c.evidence?.probes ?? '—'} | ${c.evidence?.worst?.ratio ?? '—'} |`);
  }
  lines.push('');
  for (const c of l.claims) lines.push(...claimSection(c, 'holds'));
  return lines;
}

/** The whole Markdown report. `plotFiles` maps a plot id to its path relative to the report. */
export function renderMarkdown(report: Report, plots: readonly Plot[], plotFiles: ReadonlyMap<string, string>, omittedPlots: readonly string[]): string {
  const t = report.totals;
  const lines = [
    '# uat-companion: lemma-by-lemma report',
    '',
    INTRO,
    '',
    `Run: ${seedsText(report)}, ${t.probes} probes in all.`,
    '',
    '## Summary',
    '',
    '| | status | count |',
    '|---|---|---|',
    ...Object.entries(t.claims).map(([s, n]) => `| claims | ${s} | ${n} |`),
    ...Object.entries(t.findings).map(([s, n]) => `| findings | ${s} | ${n} |`),
    ...Object.entries(t.planted).map(([s, n]) => `| planted false bounds | ${s} | ${n} |`),
    '',
    '| lemma | kind | status | claims | uses |',
    '|---|---|---|---|---|',
    ...report.lemmas.map((l) => `| [\`${l.id}\`](#${l.kind}-${l.id}) | ${l.kind} | ${l.status} | ${l.claims.length} | ${l.uses.join(', ') || '—'} |`),
    '',
    '## Dependencies',
    '',
    'Each node is a lemma (the theorem has a double border), coloured by its status; an arrow points from a lemma to the one that uses it.',
    '',
    '![dependency graph of the lemmas and the theorem](dependencies.svg)',
    '',
    '## Lemmas and the theorem',
    '',
  ];
  for (const l of report.lemmas) lines.push(`<a id="${l.kind}-${l.id}"></a>`, '', ...lemmaSection(l));

  lines.push('## Findings: hypotheses shown necessary', '', 'Each finding drops one hypothesis and looks for a certified violation; one found shows the hypothesis is necessary.', '');
  const findings = report.lemmas.flatMap((l) => l.findings.map((f) => ({ l, f })));
  if (findings.length === 0) lines.push('No finding is registered.', '');
  for (const { l, f } of findings) {
    lines.push(`### \`${l.id}/${f.id}\` (drops *${f.drops}*): ${statusText(f)}`, '', ...claimSection(f, 'violated').slice(2));
  }

  lines.push(
    '## Planted false bounds',
    '',
    'Each is a claim with its bound replaced by a false one. The suite must refute every one with a certified counterexample: the evidence that its tests can fail.',
    '',
  );
  const planted = report.lemmas.flatMap((l) => l.planted.map((p) => ({ l, p })));
  if (planted.length === 0) lines.push('No planted bound ran.', '');
  for (const { l, p } of planted) {
    lines.push(`### \`${l.id}/${p.id}\`: ${statusText(p)}`, '', ...evidenceLines(p.evidence, 'violated', false), '');
  }

  lines.push('## Plots', '');
  for (const p of plots) {
    lines.push(`### ${p.title}`, '', `![${p.title}](${plotFiles.get(p.id) ?? ''})`, '', p.caption, '');
  }
  for (const o of omittedPlots) lines.push(`- Left out: ${o}`);
  if (omittedPlots.length > 0) lines.push('');

  if (report.problems.length > 0) {
    lines.push('## Problems', '');
    for (const p of report.problems) lines.push(`- \`${p.where}\`: ${p.message}`);
    lines.push('');
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/**
 * `reports/mutation/SUMMARY.md` as text, and the one-line total `npm run mutate` prints, from a
 * {@link MutationSummary}. Pure.
 */
import { detectedOf, formatScore, scoredOf, type MutantCounts } from './counts.ts';
import type { MutantRecord } from './stryker-report.ts';
import type { AreaRunSummary, AreaSummary, MutationSummary } from './summary-model.ts';

/** The score each area should reach (issue 8), in percent. */
export const GOAL_PERCENT = 85;

/** What the text says of how it was produced. */
export interface SummaryContext {
  /** When the summary is written (ISO 8601). */
  readonly writtenAt: string;
  /** The survivors file of an area, as shown (e.g. `src/mutation/survivors/check.json`). */
  readonly survivorsFileOf: (area: string) => string;
}

/** A Markdown code span holding `text` exactly (a fence longer than any run of backticks in it). */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text === '' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Text safe inside HTML and Markdown (a `why`). */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ');
}

/** `src/x.ts:12 ConditionalExpression → "false"` (the replacement as a JSON string, as a survivors file has it). */
export function mutantLabel(m: Pick<MutantRecord, 'file' | 'line' | 'mutator' | 'replacement'>): string {
  return `${codeSpan(`${m.file}:${m.line}`)} ${m.mutator} → ${codeSpan(JSON.stringify(m.replacement))}`;
}

const countCells = (c: MutantCounts): string[] => [
  formatScore(c),
  String(scoredOf(c)),
  String(detectedOf(c)),
  String(c.survived),
  String(c.noCoverage),
  String(c.ignoredStatic),
  String(c.ignoredOther),
  String(c.errors + c.pending),
];
const COUNT_HEADERS = ['score', 'scored', 'killed + timed out', 'survived', 'no coverage', 'ignored: static', 'ignored: other', 'errors or pending'];

/** `1 area`, `2 areas`. */
const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
const header = (cells: readonly string[]): string[] => [row(cells), row(cells.map(() => '---'))];

function runFacts(run: AreaRunSummary): string {
  const options = [
    run.testFileCount === undefined ? undefined : plural(run.testFileCount, 'test file'),
    run.concurrency === undefined ? undefined : `concurrency ${run.concurrency}`,
    run.force === undefined ? undefined : run.force ? 'every mutant re-tested (--force)' : 'unchanged mutants reused',
  ].filter((s) => s !== undefined);
  return [run.producedAt, ...options].join('; ');
}

function areaTable(summary: MutationSummary): string[] {
  const lines = header(['area', ...COUNT_HEADERS, 'survivors explained', 'unexplained', 'results']);
  for (const area of summary.areas) {
    if (area.run === undefined) {
      lines.push(row([area.name, 'not run', ...COUNT_HEADERS.slice(1).map(() => ''), '', '', 'none']));
      continue;
    }
    const s = area.run.survivors;
    lines.push(row([area.name, ...countCells(area.run.counts), String(s.explained.length), String(s.unexplained.length), runFacts(area.run)]));
  }
  const label = summary.areasNotRun.length === 0 ? '**all areas**' : `**the ${plural(summary.areasRun.length, 'area')} run**`;
  const explained = summary.areas.reduce((n, a) => n + (a.run?.survivors.explained.length ?? 0), 0);
  lines.push(row([label, ...countCells(summary.total).map((c, i) => (i === 0 ? `**${c}**` : c)), String(explained), String(summary.unexplainedCount), '']));
  return lines;
}

function fileTable(summary: MutationSummary): string[] {
  const lines = header(['area', 'file', ...COUNT_HEADERS]);
  for (const area of summary.areas) {
    for (const f of area.run?.files ?? []) lines.push(row([area.name, codeSpan(f.file), ...countCells(f.counts)]));
  }
  return lines;
}

/** The sentence giving the total, and what it covers. */
export function totalSentence(summary: MutationSummary): string {
  const c = summary.total;
  const score = formatScore(c);
  const over = `${detectedOf(c)} of ${scoredOf(c)} scored mutants detected`;
  const unexplained = `${plural(summary.unexplainedCount, 'unexplained survivor')}`;
  if (summary.areasRun.length === 0) return 'no area has been run: no score';
  if (summary.areasNotRun.length === 0) return `${score} over all ${summary.areasRun.length} areas (${over}; ${unexplained})`;
  return `${score} over the ${plural(summary.areasRun.length, 'area')} run of ${summary.areas.length} (${over}; ${unexplained}); not run, so not covered: ${summary.areasNotRun.join(', ')}`;
}

function problemsOf(area: AreaSummary): string[] {
  const run = area.run;
  if (run === undefined) return [];
  return [
    ...run.outsideArea.map((f) => `- ${area.name}: ${codeSpan(f)} is in the results but not in the area (left out of every count; \`npm run mutate\` drops it before the area's next run)`),
    ...run.notInRun.map((f) => `- ${area.name}: ${codeSpan(f)} is in the area but its last run did not mutate it (the area's next run does)`),
    ...run.goneTestFiles.map((f) => `- ${area.name}: the results hold the test file ${codeSpan(f)}, which no longer exists (a run of the whole area re-checks the mutants it killed)`),
  ];
}

/** `- src/x.ts:12 … (no coverage)`, once for each group of survivors with the same file, line, mutator and replacement. */
function survivorLines(mutants: readonly MutantRecord[]): string[] {
  const groups = new Map<string, { mutant: MutantRecord; count: number; uncovered: number }>();
  for (const m of mutants) {
    const key = mutantLabel(m);
    const group = groups.get(key) ?? { mutant: m, count: 0, uncovered: 0 };
    group.count += 1;
    if (m.status === 'NoCoverage') group.uncovered += 1;
    groups.set(key, group);
  }
  return [...groups.entries()].map(([label, { count, uncovered }]) => {
    const notes = [count > 1 ? `${count} mutants` : undefined, uncovered === count ? 'no coverage' : uncovered > 0 ? `${uncovered} without coverage` : undefined];
    const said = notes.filter((n) => n !== undefined);
    return `- ${label}${said.length > 0 ? ` (${said.join(', ')})` : ''}`;
  });
}

/** The whole of SUMMARY.md. */
export function renderSummary(summary: MutationSummary, context: SummaryContext): string {
  const lines: string[] = [
    '# Mutation testing: summary',
    '',
    `Written ${context.writtenAt} by \`npm run mutate\` (src/mutation/run.ts) from each area's results; ` +
      `to rewrite it alone: \`npm run mutate -- --summary-only\`. An area is run with ` +
      '`npm run mutate -- --area <name> --concurrency 1` (add `--force` to re-test every mutant).',
    '',
    "Each area's mutants are run against that area's tests only (src/mutation/areas.ts, with vitest.mutate.config.ts), " +
      'and a test left out can only fail to kill a mutant, never revive one, so each score below is a lower bound of ' +
      "the score the whole unit suite would get on the same mutants, and the total a lower bound over the areas run.",
    '',
    'Score = (killed + timed out) / (killed + timed out + survived + no coverage), rounded down. Static mutants ' +
      '(in code run when a module loads) are ignored: testing each would re-run the whole area; they, mutants ' +
      'disabled by a comment, and compile or runtime errors are counted apart and never enter the score. A survivor ' +
      "is a mutant that survived or that no test of its area covers; it is explained by an entry of the area's " +
      'survivors file (matched on file, line, mutator and replacement).',
    '',
    `**Total: ${totalSentence(summary)}.**`,
    '',
    '## Areas',
    '',
    ...areaTable(summary),
    '',
  ];
  const below = summary.areas.filter((a) => a.run !== undefined && scoredOf(a.run.counts) > 0 && 100 * detectedOf(a.run.counts) < GOAL_PERCENT * scoredOf(a.run.counts));
  lines.push(
    below.length === 0
      ? `Every area run meets the goal of ${GOAL_PERCENT} %.`
      : `Below the goal of ${GOAL_PERCENT} %: ${below.map((a) => `${a.name} (${formatScore(a.run!.counts)})`).join(', ')}.`,
    '',
  );
  const problems = summary.areas.flatMap(problemsOf);
  if (problems.length > 0) lines.push("Results that do not match the areas' current files:", '', ...problems, '');
  const withoutMutants = summary.areas.flatMap((a) => a.run?.withoutMutants ?? []);
  if (withoutMutants.length > 0) lines.push(`Mutated but without any mutant (types only): ${withoutMutants.map(codeSpan).join(', ')}.`, '');
  lines.push('## Files', '', ...fileTable(summary), '');

  lines.push('## Unexplained survivors', '');
  if (summary.unexplainedCount === 0) lines.push('None.', '');
  for (const area of summary.areas) {
    const unexplained = area.run?.survivors.unexplained ?? [];
    if (unexplained.length === 0) continue;
    lines.push(`### ${area.name} (${unexplained.length}; explanations go in ${codeSpan(context.survivorsFileOf(area.name))})`, '');
    lines.push(...survivorLines(unexplained));
    lines.push('');
  }

  const stale = summary.areas.filter((a) => (a.run?.survivors.stale.length ?? 0) > 0);
  lines.push('## Stale explanations', '', 'Explanations that match no current survivor (the mutant is now detected, or the code moved):', '');
  if (stale.length === 0) lines.push('None.', '');
  for (const area of stale) {
    lines.push(`### ${area.name} (${codeSpan(context.survivorsFileOf(area.name))})`, '');
    for (const e of area.run?.survivors.stale ?? []) lines.push(`- ${mutantLabel(e)}`);
    lines.push('');
  }
  const unchecked = summary.areas.filter((a) => a.run === undefined && a.explanationCount > 0);
  if (unchecked.length > 0) {
    lines.push(`Not checked (area not run): ${unchecked.map((a) => `${a.name} (${a.explanationCount})`).join(', ')}.`, '');
  }

  lines.push('## Explained survivors', '');
  const explainedAreas = summary.areas.filter((a) => (a.run?.survivors.explained.length ?? 0) > 0);
  if (explainedAreas.length === 0) lines.push('None.', '');
  for (const area of explainedAreas) {
    const explained = area.run?.survivors.explained ?? [];
    lines.push('<details>', `<summary>${area.name}: ${plural(explained.length, 'explained survivor')}</summary>`, '');
    for (const { mutant, why } of explained) lines.push(`- ${mutantLabel(mutant)}: ${escapeText(why)}`);
    lines.push('', '</details>', '');
  }
  return lines.join('\n');
}

/**
 * Writes `reports/mutation/SUMMARY.md` from every area's results (`reports/mutation/<area>.incremental.json`,
 * Stryker's report JSON) and survivor explanations (`src/mutation/survivors/<area>.json`).
 *
 * The file is written atomically (a temporary file renamed over it), so a reader never sees half of
 * it and a failure leaves the previous one. A malformed results or survivors file throws an error
 * naming the file and the entry, before anything is written.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MUTATION_AREAS, type MutationArea } from './areas.ts';
import { REPOSITORY_ROOT, incrementalFileOf, summaryFileOf, survivorsDirOf, survivorsFileOf } from './files.ts';
import { filesInScope, filesSelectedBy, typeScriptFilesUnder } from './scope.ts';
import { parseMutationReport } from './stryker-report.ts';
import { renderSummary, totalSentence } from './summary-markdown.ts';
import { summarize, type AreaInput, type MutationSummary } from './summary-model.ts';
import { SurvivorFileError, parseSurvivorExplanations } from './survivors.ts';

/** Where the summary reads and writes: a repository root and its areas (this repository's, by default). */
export interface SummarySources {
  readonly root?: string;
  readonly areas?: readonly MutationArea[];
}

/** The environment without the variables that would point git at another repository than the one of its working directory (as in a git hook). */
export function gitEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE'].includes(name)));
}

/** When a results file was produced: its last commit, or its modification time when it differs from what is committed. */
export function producedAtOf(file: string, root: string = REPOSITORY_ROOT): string {
  const modified = `written ${statSync(file).mtime.toISOString()}`;
  try {
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, env: gitEnvironment(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (git('status', '--porcelain', '--', file) !== '') return `${modified}, not committed`;
    const committed = git('log', '-1', '--format=%cI', '--', file);
    return committed === '' ? modified : `committed ${committed}`;
  } catch {
    return modified;
  }
}

/** Throws when `src/mutation/survivors/` holds a file that is not `<area>.json` of an area (its explanations would never be read). */
export function checkSurvivorFileNames({ root = REPOSITORY_ROOT, areas = MUTATION_AREAS }: SummarySources = {}): void {
  const dir = survivorsDirOf(root);
  if (!existsSync(dir)) return;
  const expected = new Set(areas.map((a) => `${a.name}.json`));
  for (const name of readdirSync(dir).sort()) {
    if (!expected.has(name)) {
      throw new SurvivorFileError(`${relativeTo(root)(path.join(dir, name))}: not the survivors file of an area (they are <area>.json, the areas ${areas.map((a) => a.name).join(', ')})`);
    }
  }
}

/** Reads what the summary of the areas is made from; throws on a malformed results or survivors file. */
export function readAreaInputs({ root = REPOSITORY_ROOT, areas = MUTATION_AREAS }: SummarySources = {}): AreaInput[] {
  const relative = relativeTo(root);
  checkSurvivorFileNames({ root, areas });
  const scope = filesInScope(typeScriptFilesUnder(root));
  return areas.map((area) => {
    const survivors = survivorsFileOf(area.name, root);
    const explanations = existsSync(survivors) ? parseSurvivorExplanations(readFileSync(survivors, 'utf8'), relative(survivors)) : [];
    const results = incrementalFileOf(area.name, root);
    const base = { name: area.name, description: area.description, explanations };
    if (!existsSync(results)) return base;
    const report = parseMutationReport(readFileSync(results, 'utf8'), relative(results));
    const runFiles = report.run.mutate === undefined ? {} : { runFiles: filesSelectedBy(report.run.mutate.map(withoutLineRange), scope) };
    const exists = (file: string): boolean => existsSync(path.join(root, file));
    return { ...base, run: { report, producedAt: producedAtOf(results, root), areaFiles: filesSelectedBy(area.mutate, scope), ...runFiles, exists } };
  });
}

/** Writes SUMMARY.md from every area's files; returns the summary and the one-line total. */
export function writeMutationSummary(sources: SummarySources = {}, now: Date = new Date()): { summary: MutationSummary; totalLine: string; file: string } {
  const root = sources.root ?? REPOSITORY_ROOT;
  const relative = relativeTo(root);
  const summary = summarize(readAreaInputs(sources));
  const text = renderSummary(summary, { writtenAt: now.toISOString(), survivorsFileOf: (area) => relative(survivorsFileOf(area, root)) });
  const target = summaryFileOf(root);
  mkdirSync(path.dirname(target), { recursive: true });
  const temporary = path.join(path.dirname(target), `.SUMMARY.md.${process.pid}.tmp`);
  writeFileSync(temporary, text);
  renameSync(temporary, target);
  return { summary, totalLine: `mutation score ${totalSentence(summary)}; ${relative(target)}`, file: target };
}

/** A Stryker `mutate` pattern without its line range (`src/x.ts:10-20` → `src/x.ts`). */
export function withoutLineRange(pattern: string): string {
  return pattern.replace(/:\d+(?::\d+)?-\d+(?::\d+)?$/, '');
}

/** `/`-separated path relative to `root`. */
function relativeTo(root: string): (file: string) => string {
  return (file) => path.relative(root, file).split(path.sep).join('/');
}

/**
 * The summary of the mutation areas, as data: per area and per file, the mutant counts and the
 * survivors sorted into explained and unexplained, and over the areas run, the total. Pure: the
 * reading of files is in summary.ts, the Markdown in summary-markdown.ts.
 */
import { countMutants, sumCounts, type MutantCounts } from './counts.ts';
import type { MutationReport } from './stryker-report.ts';
import { matchSurvivors, type SurvivorExplanation, type SurvivorMatch } from './survivors.ts';

/** The last run of an area, as its results file holds it. */
export interface AreaRun {
  readonly report: MutationReport;
  /** When the results were produced, as far as known (e.g. `committed 2026-11-24T12:40:00+00:00`). */
  readonly producedAt: string;
  /** The files the area mutates now (its `mutate` globs over the scope). */
  readonly areaFiles: readonly string[];
  /** The files of the scope that the run's own `mutate` globs (recorded in the results) select, if recorded. */
  readonly runFiles?: readonly string[];
  /** Whether a file exists now (to find the test files of the results that are gone). */
  readonly exists: (file: string) => boolean;
}

/** What the summary of one area is made from. */
export interface AreaInput {
  readonly name: string;
  readonly description: string;
  /** Absent when the area has no results file (never run). */
  readonly run?: AreaRun;
  readonly explanations: readonly SurvivorExplanation[];
}

/** One file's counts. */
export interface FileCounts {
  readonly file: string;
  readonly counts: MutantCounts;
}

/** The summary of an area that was run. */
export interface AreaRunSummary {
  readonly producedAt: string;
  readonly concurrency?: number;
  readonly force?: boolean;
  /** The test files the results hold, if recorded (Stryker keeps those of earlier runs). */
  readonly testFileCount?: number;
  /** Test files the results hold that no longer exist: a result they gave is not re-checked until the area's files are all re-run. */
  readonly goneTestFiles: readonly string[];
  /** Over the files of the area that are in the results. */
  readonly counts: MutantCounts;
  readonly files: readonly FileCounts[];
  readonly survivors: SurvivorMatch;
  /** Files in the results that the area no longer mutates (left out of every count). */
  readonly outsideArea: readonly string[];
  /** Files the area mutates that the results do not hold although the run mutated them: they have no mutant. */
  readonly withoutMutants: readonly string[];
  /** Files the area mutates that its run did not (the area grew since, or the run's globs are not recorded). */
  readonly notInRun: readonly string[];
}

/** The summary of one area. */
export interface AreaSummary {
  readonly name: string;
  readonly description: string;
  readonly run?: AreaRunSummary;
  readonly explanationCount: number;
}

/** The summary of every area and the total over the areas run. */
export interface MutationSummary {
  readonly areas: readonly AreaSummary[];
  readonly total: MutantCounts;
  readonly areasRun: readonly string[];
  readonly areasNotRun: readonly string[];
  readonly unexplainedCount: number;
}

/** Summarizes one area: counts per file and in all, survivors matched with the explanations. */
export function summarizeArea(input: AreaInput): AreaSummary {
  const base = { name: input.name, description: input.description, explanationCount: input.explanations.length };
  if (input.run === undefined) return base;
  const { report, areaFiles, producedAt, runFiles, exists } = input.run;
  const inArea = new Set(areaFiles);
  const mutants = report.mutants.filter((m) => inArea.has(m.file));
  const files = report.files.filter((f) => inArea.has(f)).map((file) => ({ file, counts: countMutants(mutants.filter((m) => m.file === file)) }));
  const inResults = new Set(report.files);
  const inRun = new Set(runFiles ?? []);
  const missing = areaFiles.filter((f) => !inResults.has(f));
  return {
    ...base,
    run: {
      producedAt,
      ...(report.run.concurrency === undefined ? {} : { concurrency: report.run.concurrency }),
      ...(report.run.force === undefined ? {} : { force: report.run.force }),
      ...(report.run.testFiles === undefined ? {} : { testFileCount: report.run.testFiles.length }),
      goneTestFiles: (report.run.testFiles ?? []).filter((f) => !exists(f)),
      counts: countMutants(mutants),
      files,
      survivors: matchSurvivors(mutants, input.explanations),
      outsideArea: report.files.filter((f) => !inArea.has(f)),
      withoutMutants: missing.filter((f) => inRun.has(f)),
      notInRun: missing.filter((f) => !inRun.has(f)),
    },
  };
}

/** Summarizes every area, in the order given, and totals the areas run. */
export function summarize(inputs: readonly AreaInput[]): MutationSummary {
  const areas = inputs.map(summarizeArea);
  const run = areas.filter((a) => a.run !== undefined);
  return {
    areas,
    total: sumCounts(run.map((a) => a.run!.counts)),
    areasRun: run.map((a) => a.name),
    areasNotRun: areas.filter((a) => a.run === undefined).map((a) => a.name),
    unexplainedCount: run.reduce((n, a) => n + a.run!.survivors.unexplained.length, 0),
  };
}

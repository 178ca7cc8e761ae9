/**
 * Reads Stryker's mutation-testing report JSON (the format of an area's
 * `reports/mutation/<area>.incremental.json`, schema `mutation-testing-report-schema` 1.x): the
 * mutants of every file, with their status, mutator, replacement and start line, and the options
 * the run was given.
 */

/** A mutant's outcome, as Stryker's report names it. */
export type MutantStatus = 'Killed' | 'Timeout' | 'Survived' | 'NoCoverage' | 'Ignored' | 'CompileError' | 'RuntimeError' | 'Pending';

const STATUSES: readonly MutantStatus[] = ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'Ignored', 'CompileError', 'RuntimeError', 'Pending'];

/** One mutant of the report. */
export interface MutantRecord {
  /** The mutated file, relative to the repository root, `/`-separated. */
  readonly file: string;
  /** 1-based line where the mutated code starts. */
  readonly line: number;
  readonly mutator: string;
  /** The code the mutant puts in place of the original (Stryker's `replacement`; `''` when absent). */
  readonly replacement: string;
  readonly status: MutantStatus;
  /**
   * Whether the mutant is static (in code run when a module loads): its `static` flag, or an
   * `Ignored` status for that reason (Stryker ignores as static, under `ignoreStatic`, some mutants
   * whose flag is false: those its tests reach only while modules load).
   */
  readonly isStatic: boolean;
}

/** What the report says of the run besides its mutants (from its `config`, when present). */
export interface RunFacts {
  /** The `mutate` globs the run was given, if recorded. */
  readonly mutate?: readonly string[];
  readonly concurrency?: number;
  readonly force?: boolean;
  /** The test files the report lists (`testFiles`, relative to the repository root), sorted, if present. */
  readonly testFiles?: readonly string[];
}

/** A parsed report: its mutants in file order then report order, and the facts of its run. */
export interface MutationReport {
  readonly mutants: readonly MutantRecord[];
  /** Every file of the report, even one without mutants, sorted. */
  readonly files: readonly string[];
  readonly run: RunFacts;
}

/** A report that does not have the shape of Stryker's report JSON; the message names the file and the place. */
export class MutationReportError extends Error {
  constructor(source: string, problem: string) {
    super(`${source}: ${problem}`);
    this.name = 'MutationReportError';
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses the text of a Stryker report; `source` (the file's name) prefixes every error message. */
export function parseMutationReport(text: string, source: string): MutationReport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new MutationReportError(source, `not JSON (${(error as Error).message})`);
  }
  if (!isRecord(json) || !isRecord(json.files)) throw new MutationReportError(source, 'has no "files" object');
  const mutants: MutantRecord[] = [];
  const fileNames = Object.keys(json.files).sort();
  for (const file of fileNames) {
    const entry = json.files[file];
    if (!isRecord(entry) || !Array.isArray(entry.mutants)) throw new MutationReportError(source, `files[${JSON.stringify(file)}] has no "mutants" array`);
    entry.mutants.forEach((mutant: unknown, index: number) => {
      mutants.push(mutantOf(mutant, file, `${source}: files[${JSON.stringify(file)}].mutants[${index}]`));
    });
  }
  return { mutants, files: fileNames, run: runFactsOf(json) };
}

function mutantOf(mutant: unknown, file: string, place: string): MutantRecord {
  if (!isRecord(mutant)) throw new MutationReportError(place, 'is not an object');
  const { status, mutatorName, replacement, location } = mutant;
  if (typeof status !== 'string' || !(STATUSES as readonly string[]).includes(status)) {
    throw new MutationReportError(place, `status ${JSON.stringify(status)} is not one of ${STATUSES.join(', ')}`);
  }
  if (typeof mutatorName !== 'string') throw new MutationReportError(place, 'has no string "mutatorName"');
  if (replacement !== undefined && typeof replacement !== 'string') throw new MutationReportError(place, '"replacement" is not a string');
  const start = isRecord(location) && isRecord(location.start) ? location.start : undefined;
  const line = start?.line;
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 1) throw new MutationReportError(place, 'has no positive integer "location.start.line"');
  const ignoredAsStatic = status === 'Ignored' && typeof mutant.statusReason === 'string' && mutant.statusReason.startsWith('Static mutant');
  return { file, line, mutator: mutatorName, replacement: replacement ?? '', status: status as MutantStatus, isStatic: mutant.static === true || ignoredAsStatic };
}

function runFactsOf(json: Record<string, unknown>): RunFacts {
  const config = isRecord(json.config) ? json.config : {};
  const mutate = Array.isArray(config.mutate) && config.mutate.every((g) => typeof g === 'string') ? (config.mutate as string[]) : undefined;
  return {
    ...(mutate === undefined ? {} : { mutate }),
    ...(typeof config.concurrency === 'number' ? { concurrency: config.concurrency } : {}),
    ...(typeof config.force === 'boolean' ? { force: config.force } : {}),
    ...(isRecord(json.testFiles) ? { testFiles: Object.keys(json.testFiles).sort() } : {}),
  };
}

/**
 * Mutant counts by outcome and the mutation score.
 *
 * Score = (killed + timed out) / (killed + timed out + survived + no coverage). Ignored mutants
 * (static ones, skipped by `ignoreStatic`, or disabled by a comment), compile and runtime errors and
 * mutants still pending are counted apart and never enter the score.
 */
import type { MutantRecord } from './stryker-report.ts';

/** Mutant counts by outcome. */
export interface MutantCounts {
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  /** Ignored because static (`ignoreStatic`). */
  ignoredStatic: number;
  /** Ignored for another reason (a `// Stryker disable` comment, an excluded mutator). */
  ignoredOther: number;
  /** Compile or runtime errors: the mutant could not run at all. */
  errors: number;
  /** Not tested (Stryker's `Pending`). */
  pending: number;
}

/** All zero. */
export function zeroCounts(): MutantCounts {
  return { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignoredStatic: 0, ignoredOther: 0, errors: 0, pending: 0 };
}

/** Adds one mutant to `counts`. */
export function addMutant(counts: MutantCounts, mutant: Pick<MutantRecord, 'status' | 'isStatic'>): void {
  switch (mutant.status) {
    case 'Killed':
      counts.killed += 1;
      break;
    case 'Timeout':
      counts.timeout += 1;
      break;
    case 'Survived':
      counts.survived += 1;
      break;
    case 'NoCoverage':
      counts.noCoverage += 1;
      break;
    case 'Ignored':
      if (mutant.isStatic) counts.ignoredStatic += 1;
      else counts.ignoredOther += 1;
      break;
    case 'CompileError':
    case 'RuntimeError':
      counts.errors += 1;
      break;
    case 'Pending':
      counts.pending += 1;
      break;
  }
}

/** The counts of `mutants`. */
export function countMutants(mutants: readonly Pick<MutantRecord, 'status' | 'isStatic'>[]): MutantCounts {
  const counts = zeroCounts();
  for (const mutant of mutants) addMutant(counts, mutant);
  return counts;
}

/** The sum of several counts. */
export function sumCounts(all: readonly MutantCounts[]): MutantCounts {
  const total = zeroCounts();
  for (const c of all) {
    for (const key of Object.keys(total) as (keyof MutantCounts)[]) total[key] += c[key];
  }
  return total;
}

/** Killed or timed out: the mutants some test detected. */
export function detectedOf(c: MutantCounts): number {
  return c.killed + c.timeout;
}

/** The mutants the score is over: detected, survived or not covered. */
export function scoredOf(c: MutantCounts): number {
  return detectedOf(c) + c.survived + c.noCoverage;
}

/** The score as an exact fraction, or undefined when no mutant is scored. */
export function scoreOf(c: MutantCounts): { readonly detected: number; readonly scored: number } | undefined {
  const scored = scoredOf(c);
  return scored === 0 ? undefined : { detected: detectedOf(c), scored };
}

/**
 * The score in percent with one decimal, rounded down (so a printed score is never above the
 * measured one), e.g. `87.3 %`; `n/a` when no mutant is scored.
 */
export function formatScore(c: MutantCounts): string {
  const score = scoreOf(c);
  if (score === undefined) return 'n/a';
  const thousandfold = 1000 * score.detected;
  const tenthsOfPercent = (thousandfold - (thousandfold % score.scored)) / score.scored;
  return `${Math.floor(tenthsOfPercent / 10)}.${tenthsOfPercent % 10} %`;
}

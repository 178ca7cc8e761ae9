/** Mutant counts and the score: only killed, timed out, survived and uncovered mutants enter it. */
import { describe, expect, it } from 'vitest';
import { countMutants, formatScore, scoreOf, sumCounts, zeroCounts } from './counts.ts';
import type { MutantStatus } from './stryker-report.ts';

const mutants = (spec: Partial<Record<MutantStatus | 'StaticIgnored', number>>) =>
  Object.entries(spec).flatMap(([status, n]) =>
    Array.from({ length: n }, () => (status === 'StaticIgnored' ? { status: 'Ignored' as const, isStatic: true } : { status: status as MutantStatus, isStatic: false })),
  );

describe('countMutants', () => {
  it('counts each status apart, static ignored apart from other ignored', () => {
    const c = countMutants(mutants({ Killed: 5, Timeout: 2, Survived: 3, NoCoverage: 1, StaticIgnored: 4, Ignored: 1, CompileError: 2, RuntimeError: 1, Pending: 1 }));
    expect(c).toEqual({ killed: 5, timeout: 2, survived: 3, noCoverage: 1, ignoredStatic: 4, ignoredOther: 1, errors: 3, pending: 1 });
  });
});

describe('scoreOf and formatScore', () => {
  it('is (killed + timed out) / (killed + timed out + survived + no coverage)', () => {
    const c = countMutants(mutants({ Killed: 5, Timeout: 2, Survived: 2, NoCoverage: 1 }));
    expect(scoreOf(c)).toEqual({ detected: 7, scored: 10 });
    expect(formatScore(c)).toBe('70.0 %');
  });

  it('leaves ignored (static or not), errors and pending mutants out of the score', () => {
    const base = countMutants(mutants({ Killed: 3, Survived: 1 }));
    const more = countMutants(mutants({ Killed: 3, Survived: 1, StaticIgnored: 50, Ignored: 7, CompileError: 9, RuntimeError: 2, Pending: 4 }));
    expect(scoreOf(more)).toEqual(scoreOf(base));
    expect(formatScore(more)).toBe('75.0 %');
  });

  it('rounds down to a tenth of a percent', () => {
    expect(formatScore(countMutants(mutants({ Killed: 2, Survived: 1 })))).toBe('66.6 %');
    expect(formatScore(countMutants(mutants({ Killed: 999, Survived: 1 })))).toBe('99.9 %');
    expect(formatScore(countMutants(mutants({ Killed: 9999, Survived: 1 })))).toBe('99.9 %');
    expect(formatScore(countMutants(mutants({ Killed: 1, NoCoverage: 2 })))).toBe('33.3 %');
    expect(formatScore(countMutants(mutants({ Timeout: 4 })))).toBe('100.0 %');
    expect(formatScore(countMutants(mutants({ Survived: 4 })))).toBe('0.0 %');
  });

  it('is n/a when no mutant is scored', () => {
    const onlyIgnored = countMutants(mutants({ StaticIgnored: 3, CompileError: 1 }));
    expect(scoreOf(onlyIgnored)).toBeUndefined();
    expect(formatScore(onlyIgnored)).toBe('n/a');
    expect(formatScore(zeroCounts())).toBe('n/a');
  });
});

describe('sumCounts', () => {
  it('adds every field', () => {
    const a = countMutants(mutants({ Killed: 1, Survived: 2, StaticIgnored: 3 }));
    const b = countMutants(mutants({ Timeout: 4, NoCoverage: 5, Ignored: 6, RuntimeError: 7, Pending: 8 }));
    expect(sumCounts([a, b])).toEqual({ killed: 1, timeout: 4, survived: 2, noCoverage: 5, ignoredStatic: 3, ignoredOther: 6, errors: 7, pending: 8 });
    expect(sumCounts([])).toEqual(zeroCounts());
  });
});

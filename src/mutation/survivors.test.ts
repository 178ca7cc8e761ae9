/** Survivors files: checked entry by entry; survivors matched to explanations on file, line, mutator, replacement. */
import { describe, expect, it } from 'vitest';
import type { MutantRecord, MutantStatus } from './stryker-report.ts';
import { SurvivorFileError, isSurvivor, matchSurvivors, parseSurvivorExplanations, type SurvivorExplanation } from './survivors.ts';

const good = { file: 'src/x.ts', line: 12, mutator: 'ConditionalExpression', replacement: 'false', why: 'The branch only picks a faster path to the same value.' };

const mutant = (status: MutantStatus, line: number, replacement = 'false', file = 'src/x.ts', mutator = 'ConditionalExpression'): MutantRecord => ({
  file,
  line,
  mutator,
  replacement,
  status,
  isStatic: false,
});
const explanation = (line: number, replacement = 'false', file = 'src/x.ts'): SurvivorExplanation => ({ ...good, line, replacement, file, why: `why ${line}` });

describe('parseSurvivorExplanations', () => {
  it('reads well-formed entries, an empty replacement included', () => {
    const entries = [good, { ...good, line: 13, replacement: '' }];
    expect(parseSurvivorExplanations(JSON.stringify(entries), 's.json')).toEqual(entries);
    expect(parseSurvivorExplanations('[]', 's.json')).toEqual([]);
  });

  const { why: _why, ...withoutWhy } = good;
  it.each([
    ['[', 's.json: not JSON'],
    ['{}', 's.json: must be an array of explanations, not an object'],
    [JSON.stringify([good, 'x']), 's.json: entry 1: must be an object, not string "x"'],
    [JSON.stringify([good, good, withoutWhy]), 's.json: entry 1: explains the same mutant as entry 0'],
    [JSON.stringify([good, { ...good, line: 2 }, withoutWhy]), 's.json: entry 2: missing field "why"'],
    [JSON.stringify([{ ...good, why: '  ' }]), 's.json: entry 0: "why" is empty'],
    [JSON.stringify([{ ...good, file: '' }]), 's.json: entry 0: "file" is empty'],
    [JSON.stringify([{ ...good, mutator: '' }]), 's.json: entry 0: "mutator" is empty'],
    [JSON.stringify([{ ...good, line: '12' }]), 's.json: entry 0: "line" must be a positive integer, not string "12"'],
    [JSON.stringify([{ ...good, line: 0 }]), 's.json: entry 0: "line" must be a positive integer, not number 0'],
    [JSON.stringify([{ ...good, line: 1.5 }]), 's.json: entry 0: "line" must be a positive integer, not number 1.5'],
    [JSON.stringify([{ ...good, replacement: null }]), 's.json: entry 0: "replacement" must be a string, not null'],
    [JSON.stringify([{ ...good, why: ['a'] }]), 's.json: entry 0: "why" must be a string, not an array'],
    [JSON.stringify([{ ...good, reason: 'typo' }]), 's.json: entry 0: unknown field "reason" (the fields are file, line, mutator, replacement, why)'],
  ])('rejects %s: %s', (text, message) => {
    let thrown: unknown;
    try {
      parseSurvivorExplanations(text, 's.json');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SurvivorFileError);
    expect((thrown as Error).message.startsWith(message)).toBe(true);
    expect((thrown as Error).message).not.toContain('\n');
  });
});

describe('isSurvivor', () => {
  it('is a mutant that survived or that no test covers', () => {
    const statuses: MutantStatus[] = ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'Ignored', 'CompileError', 'RuntimeError', 'Pending'];
    expect(statuses.filter((s) => isSurvivor(mutant(s, 1)))).toEqual(['Survived', 'NoCoverage']);
  });
});

describe('matchSurvivors', () => {
  it('sorts survivors into explained and unexplained, in order of place, and finds the stale explanations', () => {
    const mutants = [mutant('Survived', 20), mutant('Killed', 5), mutant('NoCoverage', 12), mutant('Survived', 12, 'true'), mutant('Survived', 3, 'false', 'src/a.ts')];
    const explanations = [explanation(12), explanation(5), explanation(40, 'false', 'src/gone.ts')];
    const match = matchSurvivors(mutants, explanations);
    expect(match.explained).toEqual([{ mutant: mutant('NoCoverage', 12), why: 'why 12' }]);
    expect(match.unexplained).toEqual([mutant('Survived', 3, 'false', 'src/a.ts'), mutant('Survived', 12, 'true'), mutant('Survived', 20)]);
    // line 5 is killed now: its explanation is stale, as is the one of a file no longer there
    expect(match.stale).toEqual([explanation(40, 'false', 'src/gone.ts'), explanation(5)]);
  });

  it('needs file, line, mutator and replacement all equal', () => {
    const survivor = mutant('Survived', 12);
    for (const near of [explanation(11), explanation(12, 'true'), explanation(12, 'false', 'src/y.ts'), { ...explanation(12), mutator: 'BlockStatement' }]) {
      const match = matchSurvivors([survivor], [near]);
      expect(match.explained).toEqual([]);
      expect(match.unexplained).toEqual([survivor]);
      expect(match.stale).toEqual([near]);
    }
  });

  it('lets one explanation cover every survivor with the same key', () => {
    const twins = [mutant('Survived', 12), mutant('Survived', 12)];
    const match = matchSurvivors(twins, [explanation(12)]);
    expect(match.explained.length).toBe(2);
    expect(match.unexplained).toEqual([]);
    expect(match.stale).toEqual([]);
  });
});

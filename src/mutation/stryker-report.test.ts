/** Reading Stryker's report JSON: mutants with file, start line, mutator, replacement, status; errors name the place. */
import { describe, expect, it } from 'vitest';
import { MutationReportError, parseMutationReport } from './stryker-report.ts';

const mutant = (status: string, line: number, mutatorName = 'ConditionalExpression', replacement: string | null = 'false', extra: object = {}) => ({
  id: String(line),
  mutatorName,
  ...(replacement === null ? {} : { replacement }),
  status,
  static: false,
  location: { start: { line, column: 4 }, end: { line, column: 9 } },
  ...extra,
});

describe('parseMutationReport', () => {
  it('reads every mutant of every file, files sorted, and the run options recorded', () => {
    const text = JSON.stringify({
      schemaVersion: '1.0',
      files: {
        'src/b.ts': { language: 'typescript', source: '', mutants: [mutant('Killed', 3), mutant('Ignored', 1, 'StringLiteral', '""', { static: true })] },
        'src/a.ts': { language: 'typescript', source: '', mutants: [mutant('Survived', 12, 'EqualityOperator', 'k <= 0')] },
        'src/empty.ts': { language: 'typescript', source: '', mutants: [] },
      },
      testFiles: { 'src/b.test.ts': { tests: [] }, 'src/a.test.ts': { tests: [] } },
      config: { mutate: ['src/a.ts', '!src/**/*.test.ts'], concurrency: 1, force: false },
    });
    const report = parseMutationReport(text, 'r.json');
    expect(report.files).toEqual(['src/a.ts', 'src/b.ts', 'src/empty.ts']);
    expect(report.mutants).toEqual([
      { file: 'src/a.ts', line: 12, mutator: 'EqualityOperator', replacement: 'k <= 0', status: 'Survived', isStatic: false },
      { file: 'src/b.ts', line: 3, mutator: 'ConditionalExpression', replacement: 'false', status: 'Killed', isStatic: false },
      { file: 'src/b.ts', line: 1, mutator: 'StringLiteral', replacement: '""', status: 'Ignored', isStatic: true },
    ]);
    expect(report.run).toEqual({ mutate: ['src/a.ts', '!src/**/*.test.ts'], concurrency: 1, force: false, testFiles: ['src/a.test.ts', 'src/b.test.ts'] });
  });

  it('takes a mutant ignored as static as static even when its flag is false, and one ignored otherwise as not static', () => {
    const reason = (statusReason: string) => ({ static: false, statusReason });
    const text = JSON.stringify({
      files: {
        'x.ts': {
          mutants: [
            mutant('Ignored', 1, 'StringLiteral', '""', reason('Static mutant (and "ignoreStatic" was enabled)')),
            mutant('Ignored', 2, 'StringLiteral', '""', reason('Ignored because of excluded mutation "StringLiteral"')),
            mutant('Survived', 3, 'StringLiteral', '""', reason('Static mutant')),
          ],
        },
      },
    });
    expect(parseMutationReport(text, 'r.json').mutants.map((x) => x.isStatic)).toEqual([true, false, false]);
  });

  it('takes an absent replacement as empty and an absent config as unknown run options', () => {
    const report = parseMutationReport(JSON.stringify({ files: { 'x.ts': { mutants: [mutant('NoCoverage', 7, 'BlockStatement', null)] } } }), 'r.json');
    expect(report.mutants[0]?.replacement).toBe('');
    expect(report.run).toEqual({});
  });

  it.each([
    ['{', /^r\.json: not JSON/],
    ['[]', /^r\.json: has no "files" object$/],
    ['{"files": {"x.ts": {}}}', /^r\.json: files\["x\.ts"\] has no "mutants" array$/],
    [JSON.stringify({ files: { 'x.ts': { mutants: [mutant('Killed', 1), mutant('Dead', 2)] } } }), /^r\.json: files\["x\.ts"\]\.mutants\[1\]: status "Dead" is not one of Killed, /],
    [JSON.stringify({ files: { 'x.ts': { mutants: [mutant('Killed', 0)] } } }), /mutants\[0\]: has no positive integer "location\.start\.line"$/],
    [JSON.stringify({ files: { 'x.ts': { mutants: [{ ...mutant('Killed', 1), mutatorName: 3 }] } } }), /mutants\[0\]: has no string "mutatorName"$/],
    [JSON.stringify({ files: { 'x.ts': { mutants: [{ ...mutant('Killed', 1), replacement: 3 }] } } }), /mutants\[0\]: "replacement" is not a string$/],
    [JSON.stringify({ files: { 'x.ts': { mutants: [7] } } }), /mutants\[0\]: is not an object$/],
  ])('rejects %s with an error naming the file and the place', (text, message) => {
    expect(() => parseMutationReport(text, 'r.json')).toThrow(MutationReportError);
    expect(() => parseMutationReport(text, 'r.json')).toThrow(message);
  });
});

/**
 * The progress reporter of `uat verify`, fed fake vitest modules and test cases: it counts the
 * tests as modules are collected, draws the bar on a terminal (a fake one here), and records every
 * failed test, module error and unhandled error as one line for the exit status.
 */
import type { TestCase, TestModule } from 'vitest/node';
import { describe, expect, it } from 'vitest';
import { ProgressReporter } from './progress-reporter.ts';

/** A terminal that records what is written on it. */
const terminal = () => {
  const out = { text: '' };
  const stream = {
    isTTY: true,
    columns: 200,
    write: (s: string) => {
      out.text += s;
      return true;
    },
  };
  return { out, stream: stream as unknown as NodeJS.WritableStream };
};

const moduleOf = (moduleId: string, tests: number, errors: { message: string }[] = []) =>
  ({ moduleId, children: { allTests: () => Array.from({ length: tests }, (_, i) => i)[Symbol.iterator]() }, errors: () => errors }) as unknown as TestModule;

const testCase = (name: string, state: 'passed' | 'failed' | 'skipped', options: { errors?: { message?: string }[]; project?: string; moduleId?: string } = {}) =>
  ({
    name,
    fullName: `suite > ${name}`,
    project: { name: options.project ?? '' },
    module: { moduleId: options.moduleId ?? '/work/uat/properties/alpha.property.ts' },
    result: () => ({ state, errors: options.errors }),
  }) as unknown as TestCase;

/** The last line the bar drew (each is drawn in place, ended by an escape sequence). */
const lastLine = (text: string): string => {
  const drawn = text.split('verify [').slice(1);
  return drawn.length === 0 ? '' : `verify [${drawn[drawn.length - 1]!.split('\x1b')[0]!}`;
};

describe('ProgressReporter', () => {
  it('records nothing for passing tests and counts every collected module', () => {
    const { out, stream } = terminal();
    const reporter = new ProgressReporter(stream);
    reporter.onTestModuleCollected(moduleOf('/work/uat/properties/alpha.property.ts', 2));
    expect(lastLine(out.text)).toBe(`verify [${'░'.repeat(40)}] 0/2 tests | `);
    reporter.onTestModuleCollected(moduleOf('/work/uat/properties/beta.property.ts', 2));
    expect(out.text.split('verify [')).toHaveLength(2); // a later module raises the total, it does not restart the bar
    for (const name of ['a', 'b', 'c', 'd']) reporter.onTestCaseResult(testCase(name, 'passed'));
    reporter.onTestModuleEnd(moduleOf('/work/uat/properties/alpha.property.ts', 2));
    reporter.onTestRunEnd([], []);
    expect(reporter.failures).toEqual([]);
    expect(reporter.unhandledErrors).toBe(0);
    expect(lastLine(out.text)).toBe(`verify [${'█'.repeat(40)}] 4/4 tests | d`);
    expect(out.text).toContain('\x1b[?25l'); // the cursor hidden while drawing
    expect(out.text).toContain('\x1b[?25h'); // and shown again
    expect(out.text.endsWith('\n')).toBe(true); // the finished bar stays on screen, not cleared
    expect(out.text).not.toContain('\x1b[2K');
  });

  it('names each failed test by project, file and full name with the first line of its first error', () => {
    const { out, stream } = terminal();
    const reporter = new ProgressReporter(stream);
    reporter.onTestModuleCollected(moduleOf('/work/uat/properties/alpha.property.ts', 4));
    reporter.onTestCaseResult(testCase('linf', 'failed', { errors: [{ message: 'expected refuted\nto be holds' }, { message: 'second' }] }));
    reporter.onTestCaseResult(testCase('split', 'failed', { project: 'part-2-of-4', moduleId: '/work/uat/properties/beta.property.ts' }));
    reporter.onTestCaseResult(testCase('no message', 'failed', { errors: [{}] }));
    reporter.onTestCaseResult(testCase(`a test with a very long name that goes on ${'and on '.repeat(10)}`, 'failed', { errors: [] }));
    reporter.onTestRunEnd([], []);
    expect(reporter.failures).toEqual([
      'properties/alpha.property.ts > suite > linf: expected refuted',
      '[part-2-of-4] properties/beta.property.ts > suite > split: failed',
      'properties/alpha.property.ts > suite > no message: failed',
      `properties/alpha.property.ts > suite > a test with a very long name that goes on ${'and on '.repeat(10)}: failed`,
    ]);
    expect(reporter.unhandledErrors).toBe(0);
    // the bar shows the last test, marked, cut to 60 characters
    expect(lastLine(out.text)).toBe(`verify [${'█'.repeat(40)}] 4/4 tests | ${'FAILED a test with a very long name that goes on and on and on and on '.slice(0, 60)}`);
  });

  it('counts module errors and unhandled errors, each recorded by its first line', () => {
    const reporter = new ProgressReporter(terminal().stream);
    reporter.onTestModuleEnd(moduleOf('/work/uat/properties/broken.property.ts', 0, [{ message: 'Cannot find module x\n  at import' }, { message: 'second error' }]));
    reporter.onTestModuleEnd(moduleOf('/work/uat/properties/fine.property.ts', 1));
    reporter.onTestRunEnd([], [{ message: 'worker exited\nstack' }, {}]);
    expect(reporter.unhandledErrors).toBe(4);
    expect(reporter.failures).toEqual([
      'properties/broken.property.ts: Cannot find module x',
      'properties/broken.property.ts: second error',
      'unhandled error: worker exited',
      'unhandled error: ',
    ]);
  });

  it('draws nothing on a stream that is not a terminal, and still records', () => {
    const out = { text: '' };
    const reporter = new ProgressReporter({ isTTY: false, write: (s: string) => ((out.text += s), true) } as unknown as NodeJS.WritableStream);
    reporter.onTestModuleCollected(moduleOf('/work/uat/properties/alpha.property.ts', 1));
    reporter.onTestCaseResult(testCase('linf', 'failed', { errors: [{ message: 'boom' }] }));
    reporter.onTestRunEnd([], []);
    expect(out.text).toBe('');
    expect(reporter.failures).toEqual(['properties/alpha.property.ts > suite > linf: boom']);
  });
});

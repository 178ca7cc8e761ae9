/**
 * A vitest reporter for `uat verify`: a progress bar (cli-progress, on stderr) over the campaigns
 * (one test case each), and a record of failed tests and errors for the exit status. It prints no
 * per-test output: the one-line summaries come from the outcomes once the run is over.
 */
import { SingleBar, Presets } from 'cli-progress';
import type { Reporter, TestCase, TestModule } from 'vitest/node';

export class ProgressReporter implements Reporter {
  private readonly bar: SingleBar;
  private total = 0;
  private done = 0;
  private started = false;
  /** `file > test name: message` for every failed test. */
  readonly failures: string[] = [];
  /** Errors outside any test (a file that does not load, an error in a hook). */
  unhandledErrors = 0;

  /** The bar is drawn on `stream` (a terminal; cli-progress draws nothing elsewhere). */
  constructor(stream: NodeJS.WritableStream = process.stderr) {
    this.bar = new SingleBar({ format: 'verify [{bar}] {value}/{total} tests | {last}', hideCursor: true, clearOnComplete: false, stream }, Presets.shades_classic);
  }

  onTestModuleCollected(module: TestModule): void {
    this.total += [...module.children.allTests()].length;
    if (!this.started) {
      this.bar.start(this.total, this.done, { last: '' });
      this.started = true;
    } else this.bar.setTotal(this.total);
  }

  onTestCaseResult(test: TestCase): void {
    this.done += 1;
    const result = test.result();
    if (result.state === 'failed') {
      const message = result.errors?.[0]?.message?.split('\n')[0] ?? 'failed';
      // (the project's name tells the parts of a split campaign apart: `part-2-of-4`)
      const project = test.project.name !== '' ? `[${test.project.name}] ` : '';
      this.failures.push(`${project}${test.module.moduleId.split('/').slice(-2).join('/')} > ${test.fullName}: ${message}`);
    }
    if (this.started) this.bar.update(this.done, { last: `${result.state === 'failed' ? 'FAILED ' : ''}${test.name}`.slice(0, 60) });
  }

  onTestModuleEnd(module: TestModule): void {
    const errors = module.errors();
    if (errors.length > 0) {
      this.unhandledErrors += errors.length;
      for (const e of errors) this.failures.push(`${module.moduleId.split('/').slice(-2).join('/')}: ${e.message.split('\n')[0]}`);
    }
  }

  onTestRunEnd(_modules: readonly TestModule[], unhandledErrors: readonly { message?: string }[]): void {
    this.unhandledErrors += unhandledErrors.length;
    for (const e of unhandledErrors) this.failures.push(`unhandled error: ${(e.message ?? '').split('\n')[0]}`);
    if (this.started) this.bar.stop();
  }
}

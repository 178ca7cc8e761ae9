/**
 * The command line of `npm run mutate` (src/mutation/run.ts), read into options. Pure: a mistake
 * throws {@link MutateUsageError}, whose one-line message run.ts prints before exiting with status 2.
 */
import { parseArgs } from 'node:util';

/** What `npm run mutate` was asked to do. */
export interface MutateOptions {
  /** The areas to run, in the order of areas.ts; empty with `summaryOnly`. */
  readonly areas: readonly string[];
  /** Stryker test-runner processes. */
  readonly concurrency: number;
  /** Re-test every mutant instead of reusing the results of unchanged ones. */
  readonly force: boolean;
  /** Run no area, only rewrite SUMMARY.md. */
  readonly summaryOnly: boolean;
  readonly help: boolean;
}

/** The most test-runner processes `--concurrency` accepts. */
export const MAX_CONCURRENCY = 64;

export const MUTATE_USAGE = [
  'usage: npm run mutate -- [--area <name>[,<name>…]] [--concurrency <n>] [--force]',
  '       npm run mutate -- --summary-only',
  '  --area          run only these areas (default: every area), then rewrite reports/mutation/SUMMARY.md',
  `  --concurrency   Stryker test-runner processes, 1 to ${MAX_CONCURRENCY} (default: the number of cores)`,
  '  --force         re-test every mutant (default: reuse the result of each mutant whose code and tests are unchanged)',
  '  --summary-only  run nothing, rewrite reports/mutation/SUMMARY.md from the results kept',
].join('\n');

/** A mistake on the command line of `npm run mutate`. */
export class MutateUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MutateUsageError';
  }
}

/**
 * Reads `argv` (the arguments after `npm run mutate --`) given the area names, in order, and the
 * default concurrency.
 */
export function parseMutateArguments(argv: readonly string[], areaNames: readonly string[], defaultConcurrency: number): MutateOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: {
        area: { type: 'string', multiple: true },
        concurrency: { type: 'string' },
        force: { type: 'boolean', default: false },
        'summary-only': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new MutateUsageError(oneLine((error as Error).message));
  }
  const summaryOnly = values['summary-only'];
  if (summaryOnly && (values.area !== undefined || values.concurrency !== undefined || values.force)) {
    throw new MutateUsageError('--summary-only runs no area: it takes no --area, --concurrency or --force');
  }
  const requested = values.area?.flatMap((list) => list.split(',')).map((name) => name.trim());
  for (const name of requested ?? []) {
    if (!areaNames.includes(name)) throw new MutateUsageError(`--area ${JSON.stringify(name)} is not an area; the areas are ${areaNames.join(', ')}`);
  }
  const areas = summaryOnly ? [] : areaNames.filter((name) => requested === undefined || requested.includes(name));
  const given = values.concurrency;
  const concurrency = given === undefined ? defaultConcurrency : Number(given);
  if (given !== undefined && (!/^[0-9]+$/.test(given) || concurrency < 1 || concurrency > MAX_CONCURRENCY)) {
    throw new MutateUsageError(`--concurrency ${JSON.stringify(given)} must be an integer from 1 to ${MAX_CONCURRENCY}`);
  }
  return { areas, concurrency, force: values.force, summaryOnly, help: values.help };
}

/** node:util's message on one line (its hints follow on further lines). */
function oneLine(message: string): string {
  return message.split('\n').join(' ');
}

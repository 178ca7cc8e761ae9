/**
 * `npm run mutate` in-process: its arguments read into options, a mistake answered by a one-line
 * message and exit status 2 (no area run), the areas run in the order of areas.ts, then the summary.
 */
import { describe, expect, it } from 'vitest';
import { MUTATION_AREAS, type MutationArea } from './areas.ts';
import { MAX_CONCURRENCY, MutateUsageError, parseMutateArguments } from './arguments.ts';
import { mutate, type MutateEffects } from './run.ts';

const NAMES = ['one', 'two', 'three'];

describe('parseMutateArguments', () => {
  it('runs every area with the default concurrency when given nothing', () => {
    expect(parseMutateArguments([], NAMES, 2)).toEqual({ areas: NAMES, concurrency: 2, force: false, summaryOnly: false, help: false });
  });

  it('reads --area lists and repeats, in the order of the areas, and --concurrency and --force', () => {
    expect(parseMutateArguments(['--area', 'three,one', '--concurrency', '1', '--force'], NAMES, 2)).toEqual({
      areas: ['one', 'three'],
      concurrency: 1,
      force: true,
      summaryOnly: false,
      help: false,
    });
    expect(parseMutateArguments(['--area', 'two', '--area=three'], NAMES, 2).areas).toEqual(['two', 'three']);
    expect(parseMutateArguments([`--concurrency=${MAX_CONCURRENCY}`], NAMES, 2).concurrency).toBe(MAX_CONCURRENCY);
  });

  it('reads --summary-only as no area', () => {
    expect(parseMutateArguments(['--summary-only'], NAMES, 2)).toEqual({ areas: [], concurrency: 2, force: false, summaryOnly: true, help: false });
  });

  it.each([
    [['--area', 'four'], '--area "four" is not an area; the areas are one, two, three'],
    [['--area', 'one,'], '--area "" is not an area; the areas are one, two, three'],
    [['--concurrency', '0'], '--concurrency "0" must be an integer from 1 to 64'],
    [['--concurrency', '65'], '--concurrency "65" must be an integer from 1 to 64'],
    [['--concurrency', '1.5'], '--concurrency "1.5" must be an integer from 1 to 64'],
    [['--concurrency=-1'], '--concurrency "-1" must be an integer from 1 to 64'],
    [['--concurrency', '-1'], "Option '--concurrency' argument is ambiguous. Did you forget"],
    [['--concurrency', 'two'], '--concurrency "two" must be an integer from 1 to 64'],
    [['--concurrency', '1e1'], '--concurrency "1e1" must be an integer from 1 to 64'],
    [['--concurrency'], "Option '--concurrency <value>' argument missing"],
    [['--bogus'], "Unknown option '--bogus'"],
    [['one'], "Unexpected argument 'one'"],
    [['--summary-only', '--force'], '--summary-only runs no area: it takes no --area, --concurrency or --force'],
    [['--summary-only', '--area', 'one'], '--summary-only runs no area: it takes no --area, --concurrency or --force'],
  ])('rejects %j: %s', (argv, message) => {
    let thrown: unknown;
    try {
      parseMutateArguments(argv, NAMES, 2);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MutateUsageError);
    expect((thrown as Error).message.startsWith(message)).toBe(true);
    expect((thrown as Error).message).not.toContain('\n');
  });
});

/** Effects that record what `mutate` does instead of doing it. */
function recorder(fail?: { area?: string; summary?: boolean }) {
  const out: string[] = [];
  const err: string[] = [];
  const ran: [string, number, boolean][] = [];
  let summaries = 0;
  const effects: MutateEffects = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    runArea: async (area: MutationArea, concurrency: number, force: boolean) => {
      ran.push([area.name, concurrency, force]);
      if (area.name === fail?.area) throw new Error(`Stryker failed on ${area.name}`);
    },
    writeSummary: () => {
      summaries += 1;
      if (fail?.summary) throw new Error('src/mutation/survivors/relu.json: entry 3: "why" is empty');
      return 'mutation score 90.0 % over all 9 areas';
    },
  };
  return { effects, out, err, ran, summaries: () => summaries };
}

describe('mutate', () => {
  it.each([
    [['--area', 'nope']],
    [['--concurrency', '0']],
    [['--frobnicate']],
  ])('answers %j with one line on stderr and status 2, running nothing', async (argv) => {
    const r = recorder();
    expect(await mutate(argv, r.effects)).toBe(2);
    expect(r.err.length).toBe(1);
    expect(r.err[0]).toMatch(/^mutate: [^\n]+\n$/);
    expect(r.ran).toEqual([]);
    expect(r.summaries()).toBe(0);
  });

  it('runs the areas asked for in the order of areas.ts, then writes the summary and prints its total', async () => {
    const [first, second] = MUTATION_AREAS;
    const r = recorder();
    expect(await mutate(['--area', `${second!.name},${first!.name}`, '--concurrency', '1', '--force'], r.effects)).toBe(0);
    expect(r.ran).toEqual([
      [first!.name, 1, true],
      [second!.name, 1, true],
    ]);
    expect(r.out.at(-1)).toBe('\nmutation score 90.0 % over all 9 areas\n');
    expect(r.err).toEqual([]);
  });

  it('with --summary-only runs no area and writes the summary', async () => {
    const r = recorder();
    expect(await mutate(['--summary-only'], r.effects)).toBe(0);
    expect(r.ran).toEqual([]);
    expect(r.summaries()).toBe(1);
  });

  it('stops with status 1 at an area Stryker fails on, without a summary', async () => {
    const [first, second] = MUTATION_AREAS;
    const r = recorder({ area: first!.name });
    expect(await mutate(['--area', `${first!.name},${second!.name}`], r.effects)).toBe(1);
    expect(r.ran.map(([name]) => name)).toEqual([first!.name]);
    expect(r.err).toEqual([`mutate: Stryker failed on ${first!.name}\n`]);
    expect(r.summaries()).toBe(0);
  });

  it('says the results are kept when the summary fails, with status 1', async () => {
    const r = recorder({ summary: true });
    expect(await mutate(['--summary-only'], r.effects)).toBe(1);
    expect(r.err).toEqual([
      "mutate: SUMMARY.md not written (the areas' results are kept; after a fix: npm run mutate -- --summary-only): src/mutation/survivors/relu.json: entry 3: \"why\" is empty\n",
    ]);
  });

  it('prints the usage with --help', async () => {
    const r = recorder();
    expect(await mutate(['--help'], r.effects)).toBe(0);
    expect(r.out.join('')).toMatch(/^usage: npm run mutate -- \[--area <name>/);
    expect(r.ran).toEqual([]);
  });
});

/**
 * The command line on bad options: every row of the README's options table (section `bad-input`)
 * is a `uat` invocation that must print exactly one line on stderr, nothing on stdout, no stack
 * trace, and exit with status 2. The invocations run in parallel (each is a process start-up).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../verify/settings.ts';

const BIN = path.join(REPO_ROOT, 'src', 'cli', 'bin.mjs');

/** One row: the arguments and what the one-line message must say. */
export interface BadOption {
  readonly name: string;
  readonly args: readonly string[];
  readonly message: RegExp;
}

export const BAD_OPTIONS: readonly BadOption[] = [
  { name: 'unknown command', args: ['frobnicate'], message: /unknown command 'frobnicate'/ },
  { name: 'unknown flag', args: ['check', '--frobnicate'], message: /unknown option '--frobnicate'/ },
  { name: 'unknown flag of verify', args: ['verify', '--fast'], message: /unknown option '--fast'/ },
  { name: 'option without its value', args: ['check', '--digits'], message: /--digits <D>.*argument missing/ },
  { name: 'negative --digits', args: ['check', '--digits', '-5'], message: /--digits <D>.*'-5'.*integer in \[1, 1000\]/ },
  { name: 'zero --digits', args: ['check', '--digits', '0'], message: /'0'.*integer in \[1, 1000\]/ },
  { name: 'absurd --digits', args: ['check', '--digits', '99999999999999999999'], message: /'99999999999999999999'.*integer in \[1, 1000\]/ },
  { name: 'non-numeric --digits', args: ['check', '--digits', 'many'], message: /'many'.*integer in \[1, 1000\]/ },
  { name: 'exponent notation --digits', args: ['check', '--digits', '1e3'], message: /'1e3'.*integer in \[1, 1000\]/ },
  { name: 'negative --max-precision', args: ['check', '--max-precision', '-1'], message: /--max-precision <P>.*'-1'.*integer in \[10, 1000\]/ },
  { name: 'absurd --max-precision', args: ['check', '--max-precision', '1000000'], message: /'1000000'.*integer in \[10, 1000\]/ },
  { name: '--max-precision below --digits', args: ['check', '--digits', '30', '--max-precision', '20'], message: /--max-precision 20 is below --digits 30/ },
  { name: 'unreadable input file', args: ['check', '/no/such/probes.jsonl'], message: /cannot read \/no\/such\/probes\.jsonl: no such file/ },
  { name: 'zero --jobs', args: ['check', '--jobs', '0'], message: /--jobs <N>.*'0'.*integer in \[1, \d+\]/ },
  { name: 'negative --jobs', args: ['check', '--jobs', '-2'], message: /--jobs <N>.*'-2'.*integer in \[1, \d+\]/ },
  { name: 'more --jobs than cores', args: ['check', '--jobs', '100000'], message: /--jobs <N>.*'100000'.*integer in \[1, \d+\]/ },
  { name: 'non-numeric --jobs', args: ['check', '--jobs', 'auto'], message: /--jobs <N>.*'auto'.*integer in \[1, \d+\]/ },
  { name: 'negative --runs', args: ['verify', '--runs', '-5'], message: /--runs <N>.*'-5'.*integer in \[1, 10000000\]/ },
  { name: 'zero --runs', args: ['verify', '--runs', '0'], message: /'0'.*integer in \[1, 10000000\]/ },
  { name: 'absurd --runs', args: ['verify', '--runs', '1000000000000'], message: /'1000000000000'.*integer in \[1, 10000000\]/ },
  { name: 'fractional --runs', args: ['verify', '--runs', '2.5'], message: /'2\.5'.*integer in \[1, 10000000\]/ },
  { name: '--seed beyond 32 bits', args: ['verify', '--seed', '3000000000'], message: /--seed <S>.*'3000000000'/ },
  { name: 'zero --digits of verify', args: ['verify', '--digits', '0'], message: /--digits <P>.*'0'.*integer in \[1, 1000\]/ },
  { name: 'zero --time-limit', args: ['verify', '--time-limit', '0'], message: /--time-limit <SECONDS>.*'0' is invalid\. must be a number of seconds in \[0\.001, 86400\]\./ },
  { name: 'non-numeric --time-limit', args: ['verify', '--time-limit', 'soon'], message: /--time-limit <SECONDS>.*'soon' is invalid\. must be a number of seconds in \[0\.001, 86400\]/ },
  { name: 'negative --time-limit', args: ['verify', '--time-limit', '-5'], message: /--time-limit <SECONDS>.*'-5' is invalid\. must be a number of seconds in \[0\.001, 86400\]/ },
  { name: 'exponent notation --time-limit', args: ['verify', '--time-limit', '1e9'], message: /--time-limit <SECONDS>.*'1e9' is invalid\. must be a number of seconds in \[0\.001, 86400\]/ },
  { name: 'absurd --time-limit', args: ['verify', '--time-limit', '86400.5'], message: /--time-limit <SECONDS>.*'86400\.5' is invalid\. must be a number of seconds in \[0\.001, 86400\]/ },
  { name: 'unknown lemma id', args: ['verify', '--lemma', 'no-such-lemma'], message: /--lemma "no-such-lemma" is not a lemma id; known: .*softmax-hardmax/ },
  { name: 'missing run directory', args: ['report', '--from', '/no/such/run-dir'], message: /--from "\/no\/such\/run-dir": no such run directory/ },
];

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function uat(args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ status: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
    });
    child.stdin?.end();
  });
}

describe('uat on bad options', () => {
  // Spawns `uat`: nothing runs in process for mutation testing to observe, and under it (UAT_MUTATION)
  // the lemma list is read from Stryker's instrumented proof files, so it is skipped there.
  it.skipIf(process.env.UAT_MUTATION === '1')('each bad invocation prints one line on stderr and exits 2, without a stack trace', async () => {
    const runs = await Promise.all(BAD_OPTIONS.map((row) => uat(row.args)));
    BAD_OPTIONS.forEach((row, i) => {
      const run = runs[i]!;
      const shown = `uat ${row.args.join(' ')} → ${JSON.stringify(run)}`;
      expect(run.status, shown).toBe(2);
      expect(run.stdout, shown).toBe('');
      expect(run.stderr.endsWith('\n') && run.stderr.trimEnd().split('\n').length === 1, shown).toBe(true);
      expect(run.stderr, shown).toMatch(row.message);
      expect(run.stderr, shown).not.toMatch(/\n\s+at |node:internal|\.ts:\d+:\d+/);
    });
  });

  it('every row is listed in the README bad-input table', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const section = /<!-- section: bad-input -->([\s\S]*?)<!-- \/section: bad-input -->/.exec(readme)?.[1] ?? '';
    for (const row of BAD_OPTIONS) expect(section, `README row for ${row.name}`).toContain(`| ${row.name} |`);
  });
});

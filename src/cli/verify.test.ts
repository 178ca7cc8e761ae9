/**
 * `uat verify` and `uat report` refuse bad options with one line on stderr and exit status 2,
 * before running anything; the option parsers themselves, in process.
 */
import { InvalidArgumentError } from 'commander';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../verify/settings.ts';
import { integerIn, secondsToMs } from './verify.ts';

function uat(...args: string[]) {
  return spawnSync(process.execPath, [path.join(REPO_ROOT, 'src', 'cli', 'bin.mjs'), ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
}

// The `--time-limit` rows are in `options.bad-input.test.ts` (BAD_OPTIONS), with their README rows.
describe('uat verify and uat report: bad options', () => {
  it.each([
    [['verify', '--lemma', 'no-such-lemma'], '--lemma "no-such-lemma" is not a lemma id'],
    [['verify', '--runs', '-3'], "option '--runs <N>' argument '-3' is invalid"],
    [['verify', '--runs', '99999999999'], "option '--runs <N>' argument '99999999999' is invalid"],
    [['verify', '--digits', '0'], "option '--digits <P>' argument '0' is invalid"],
    [['report', '--from', '/no/such/run/dir'], '--from "/no/such/run/dir": no such run directory'],
  ])('uat %j', (args, message) => {
    const run = uat(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  });
});

describe('option parsers', () => {
  it('--time-limit takes seconds (decimals allowed) and gives milliseconds', () => {
    expect(secondsToMs('60')).toBe(60_000);
    expect(secondsToMs(' 2.5 ')).toBe(2500);
    expect(secondsToMs('0.001')).toBe(1);
    expect(secondsToMs('86400')).toBe(86_400_000);
  });

  it.each(['0', '0.0004', '-1', '1e3', '', 'ten', '86400.001', 'Infinity', '0x10', '1.'])('--time-limit %j is refused', (text) => {
    expect(() => secondsToMs(text)).toThrow(InvalidArgumentError);
    expect(() => secondsToMs(text)).toThrow('must be a number of seconds in [0.001, 86400].');
  });

  it('integers within the range are read exactly; anything else is refused', () => {
    const runs = integerIn(1, 10);
    expect(runs('1')).toBe(1);
    expect(runs('10')).toBe(10);
    expect(runs(' 7 ')).toBe(7);
    expect(integerIn(-5, 5)('-5')).toBe(-5);
    for (const bad of ['0', '11', '2.5', '1e1', 'x', '', '-0x1']) expect(() => runs(bad), bad).toThrow('must be an integer in [1, 10].');
  });
});

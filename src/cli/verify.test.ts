/**
 * `uat verify` and `uat report` refuse bad options with one line on stderr and exit status 2,
 * before running anything.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../verify/settings.ts';

function uat(...args: string[]) {
  return spawnSync(process.execPath, [path.join(REPO_ROOT, 'src', 'cli', 'bin.mjs'), ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
}

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

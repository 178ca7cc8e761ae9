/**
 * Reading a run directory: outcomes sorted by lemma, kind and claim whatever the order of the files;
 * files that are not outcomes reported as unreadable with the reason; other entries skipped.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOutcomes } from './outcomes.ts';

const root = mkdtempSync(path.join(tmpdir(), 'uat-outcomes-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const outcome = (lemma: string, kind: string, claim: string) => ({ lemma, kind, claim, status: 'holds on samples', probes: 1 });
const write = (dir: string, name: string, text: string): void => {
  mkdirSync(path.join(root, dir), { recursive: true });
  writeFileSync(path.join(root, dir, name), text);
};

describe('readOutcomes', () => {
  it('finds nothing in a directory that does not exist', () => {
    expect(readOutcomes(path.join(root, 'missing'))).toEqual({ outcomes: [], unreadable: [] });
  });

  it('sorts outcomes by lemma, kind and claim, reports the unreadable ones, and skips what is not an outcome file', () => {
    const run = path.join('run');
    write(run, 'stray.json', '{}'); // a file at the top level, not a lemma directory
    write(`${run}/b`, 'claim-y.json', JSON.stringify(outcome('b', 'claim', 'y')));
    write(`${run}/b`, 'claim-x.json', JSON.stringify(outcome('b', 'claim', 'x')));
    write(`${run}/a`, 'planted-p.json', JSON.stringify(outcome('a', 'planted', 'p')));
    write(`${run}/a`, 'claim-z.json', JSON.stringify(outcome('a', 'claim', 'z')));
    write(`${run}/a`, 'finding-f.json', JSON.stringify(outcome('a', 'finding', 'f')));
    write(`${run}/a`, 'notes.txt', 'not json');
    write(`${run}/a`, 'broken.json', '{"lemma":');
    write(`${run}/a`, 'array.json', '[1]');
    write(`${run}/a`, 'null.json', 'null');
    write(`${run}/a`, 'no-status.json', JSON.stringify({ lemma: 'a', kind: 'claim', claim: 'q', status: 3 }));
    write(`${run}/a`, 'no-claim.json', JSON.stringify({ lemma: 'a', kind: 'claim', status: 'certified' }));
    write(`${run}/a`, 'no-kind.json', JSON.stringify({ lemma: 'a', claim: 'q', status: 'certified' }));
    write(`${run}/a`, 'no-lemma.json', JSON.stringify({ lemma: 1, kind: 'claim', claim: 'q', status: 'certified' }));
    const { outcomes, unreadable } = readOutcomes(path.join(root, run));
    expect(outcomes.map((o) => `${o.lemma}/${o.kind}/${o.claim}`)).toEqual(['a/claim/z', 'a/finding/f', 'a/planted/p', 'b/claim/x', 'b/claim/y']);
    const notOutcome = 'not a campaign outcome (lemma, claim, kind and status expected)';
    expect(unreadable.map((u) => [path.relative(root, u.file), u.problem.startsWith('Unexpected end of JSON') ? 'syntax' : u.problem])).toEqual([
      ['run/a/array.json', notOutcome],
      ['run/a/broken.json', 'syntax'],
      ['run/a/no-claim.json', notOutcome],
      ['run/a/no-kind.json', notOutcome],
      ['run/a/no-lemma.json', notOutcome],
      ['run/a/no-status.json', notOutcome],
      ['run/a/null.json', notOutcome],
    ]);
  });

  it('sorts by what the files hold, not by their names', () => {
    write('named/z', '1.json', JSON.stringify(outcome('b', 'planted', 'a')));
    write('named/z', '2.json', JSON.stringify(outcome('b', 'claim', 'z')));
    write('named/z', '3.json', JSON.stringify(outcome('b', 'claim', 'y')));
    write('named/a', '1.json', JSON.stringify(outcome('c', 'claim', 'a')));
    write('named/m', '1.json', JSON.stringify(outcome('b', 'finding', 'a')));
    expect(readOutcomes(path.join(root, 'named')).outcomes.map((o) => `${o.lemma}/${o.kind}/${o.claim}`)).toEqual(['b/claim/y', 'b/claim/z', 'b/finding/a', 'b/planted/a', 'c/claim/a']);
  });

  it('keeps two outcomes with equal keys, in file order', () => {
    write('dup/a', 'claim-1.json', JSON.stringify({ ...outcome('a', 'claim', 'same'), probes: 1 }));
    write('dup/a', 'claim-2.json', JSON.stringify({ ...outcome('a', 'claim', 'same'), probes: 2 }));
    write('dup/a', 'claim-0.json', JSON.stringify({ ...outcome('a', 'claim', 'other'), probes: 0 }));
    expect(readOutcomes(path.join(root, 'dup')).outcomes.map((o) => [o.claim, o.probes])).toEqual([
      ['other', 0],
      ['same', 1],
      ['same', 2],
    ]);
  });
});

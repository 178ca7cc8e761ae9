/**
 * Committed regression examples: read back exactly, one entry per distinct counterexample, at most
 * MAX_EXAMPLES_PER_CLAIM per claim, keys in a fixed order; malformed files and lemma ids refused.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_EXAMPLES_PER_CLAIM, recordRegression, regressionExamples, regressionsDir } from './regressions.ts';
import { REPO_ROOT } from './settings.ts';

const saved = process.env.UAT_REGRESSIONS_DIR;
afterAll(() => {
  if (saved === undefined) delete process.env.UAT_REGRESSIONS_DIR;
  else process.env.UAT_REGRESSIONS_DIR = saved;
});
let dir: string;
beforeEach(() => {
  dir = path.join(mkdtempSync(path.join(tmpdir(), 'uat-regressions-')), 'nested', 'regressions');
  process.env.UAT_REGRESSIONS_DIR = dir;
});

describe('regressions', () => {
  it('the directory: UAT_REGRESSIONS_DIR, else properties/regressions', () => {
    expect(regressionsDir()).toBe(dir);
    process.env.UAT_REGRESSIONS_DIR = '';
    expect(regressionsDir()).toBe(path.join(REPO_ROOT, 'properties', 'regressions'));
    delete process.env.UAT_REGRESSIONS_DIR;
    expect(regressionsDir()).toBe(path.join(REPO_ROOT, 'properties', 'regressions'));
  });

  it('nothing stored: no examples', () => {
    expect(regressionExamples('some-lemma', 'c')).toEqual([]);
  });

  it('records, reads back, skips duplicates, keeps keys sorted and the file format fixed', () => {
    expect(recordRegression('some-lemma', 'zeta', { args: { x: '1' }, seed: 5, path: '0:1' })).toBe(true);
    expect(recordRegression('some-lemma', 'alpha', { args: { x: '2' }, seed: 6, path: null })).toBe(true);
    expect(recordRegression('some-lemma', 'zeta', { args: { x: '1' }, seed: 99, path: '7' })).toBe(false); // same args
    expect(recordRegression('some-lemma', 'zeta', { args: { x: '3' }, seed: 7, path: '2' })).toBe(true);
    expect(regressionExamples('some-lemma', 'zeta')).toEqual([{ x: '1' }, { x: '3' }]);
    expect(regressionExamples('some-lemma', 'alpha')).toEqual([{ x: '2' }]);
    expect(regressionExamples('some-lemma', 'other')).toEqual([]);
    const text = readFileSync(path.join(dir, 'some-lemma.json'), 'utf8');
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['alpha', 'zeta']);
    expect(text).toBe(
      `${JSON.stringify({ alpha: [{ args: { x: '2' }, seed: 6, path: null }], zeta: [{ args: { x: '1' }, seed: 5, path: '0:1' }, { args: { x: '3' }, seed: 7, path: '2' }] }, null, 2)}\n`,
    );
  });

  it(`keeps at most ${MAX_EXAMPLES_PER_CLAIM} per claim (the oldest)`, () => {
    expect(MAX_EXAMPLES_PER_CLAIM).toBe(10);
    for (let i = 0; i < MAX_EXAMPLES_PER_CLAIM; i++) expect(recordRegression('l', 'c', { args: { i }, seed: i, path: null })).toBe(true);
    expect(recordRegression('l', 'c', { args: { i: 'one more' }, seed: 0, path: null })).toBe(false);
    expect(regressionExamples('l', 'c')).toHaveLength(MAX_EXAMPLES_PER_CLAIM);
    expect(regressionExamples('l', 'c')[0]).toEqual({ i: 0 });
  });

  it('refuses a lemma id that is not kebab-case (no path tricks)', () => {
    for (const bad of ['../x', 'Upper', '-lead', 'a/b', '']) {
      expect(() => regressionExamples(bad, 'c'), bad).toThrow(`regressions: lemma id ${JSON.stringify(bad)} is not a kebab-case id`);
    }
    expect(regressionExamples('a1-b2', 'c')).toEqual([]);
  });

  it('refuses a file that is not an object keyed by claim, or an entry without args', () => {
    mkdirSync(dir, { recursive: true });
    for (const content of ['[]', 'null', '3']) {
      writeFileSync(path.join(dir, 'bad.json'), content);
      expect(() => regressionExamples('bad', 'c'), content).toThrow(`regressions: ${path.join(dir, 'bad.json')} must hold an object keyed by claim id`);
    }
    for (const entry of ['{"x": 1}', '{"args": null}', '{"args": "x"}', 'null']) {
      writeFileSync(path.join(dir, 'bad.json'), `{"c": [{"args": {"ok": 1}}, ${entry}]}`);
      expect(() => regressionExamples('bad', 'c'), entry).toThrow(`regressions: ${path.join(dir, 'bad.json')}: entry 1 of c has no "args" object`);
    }
  });
});

/** Dropping the files an area no longer mutates from its results file: exactly those, atomically, nothing else touched. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filesOutside, pruneResultsFile } from './prune.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function resultsFile(files: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'uat-mutation-prune-'));
  dirs.push(dir);
  const file = path.join(dir, 'area.incremental.json');
  writeFileSync(file, JSON.stringify({ schemaVersion: '1.0', files, testFiles: { 'src/a.test.ts': { tests: [] } } }));
  return file;
}

describe('filesOutside', () => {
  it('lists the files of the report not kept, sorted', () => {
    expect(filesOutside({ files: { 'src/b.ts': {}, 'src/a.test.ts': {}, 'src/a.ts': {}, 'src/0.test.ts': {} } }, new Set(['src/a.ts', 'src/b.ts']))).toEqual(['src/0.test.ts', 'src/a.test.ts']);
    expect(filesOutside({ files: {} }, new Set(['src/a.ts']))).toEqual([]);
  });
});

describe('pruneResultsFile', () => {
  it('removes exactly the files not kept and keeps everything else of the report', () => {
    const file = resultsFile({ 'src/a.ts': { mutants: [{ id: '1' }] }, 'src/a.test.ts': { mutants: [{ id: '2' }] } });
    expect(pruneResultsFile(file, new Set(['src/a.ts']))).toEqual(['src/a.test.ts']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ schemaVersion: '1.0', files: { 'src/a.ts': { mutants: [{ id: '1' }] } }, testFiles: { 'src/a.test.ts': { tests: [] } } });
    expect(readdirSync(path.dirname(file))).toEqual(['area.incremental.json']);
  });

  it('leaves the file untouched when every file is kept, and a missing file missing', () => {
    const file = resultsFile({ 'src/a.ts': { mutants: [] } });
    const before = readFileSync(file, 'utf8');
    const modified = statSync(file).mtimeMs;
    expect(pruneResultsFile(file, new Set(['src/a.ts', 'src/other.ts']))).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(statSync(file).mtimeMs).toBe(modified);
    const missing = path.join(path.dirname(file), 'none.incremental.json');
    expect(pruneResultsFile(missing, new Set())).toEqual([]);
    expect(existsSync(missing)).toBe(false);
  });
});

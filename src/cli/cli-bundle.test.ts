/**
 * The precompiled bundle of `uat` (`cli-bundle.mjs`), end to end on a copy of the repository in a
 * temporary directory (with its own `node_modules/.cache`, so the repository's bundle is not touched):
 * a run builds the bundle, the next run reuses it, and a change to the builder itself builds a new
 * one (it used to keep the bundle the old builder had made). The bundle compiles commander and
 * decimal.js in and takes Node's modules with `require`, so no chunk imports them.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../verify/settings.ts';

interface Manifest {
  readonly key: string;
  readonly inputs: readonly string[];
  readonly writtenAt: number;
}

let root: string;

/** A copy of the sources next to a `node_modules` of links to the repository's packages (no cache). */
function copyOfRepository(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'uat-bundle-'));
  for (const entry of ['src', 'proof', 'package.json', 'tsconfig.json']) {
    cpSync(path.join(REPO_ROOT, entry), path.join(dir, entry), { recursive: true, filter: (source) => !source.includes(`${path.sep}.`) });
  }
  mkdirSync(path.join(dir, 'node_modules'));
  for (const name of readdirSync(path.join(REPO_ROOT, 'node_modules'))) {
    if (name.startsWith('.')) continue;
    symlinkSync(path.join(REPO_ROOT, 'node_modules', name), path.join(dir, 'node_modules', name));
  }
  return dir;
}

function runList(): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'src', 'cli', 'bin.mjs'), 'check', '--list'], { encoding: 'utf8', cwd: root });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function manifestFile(): string {
  return path.join(root, 'node_modules', '.cache', 'uat-bundle', 'manifest.json');
}

function manifest(): Manifest {
  return JSON.parse(readFileSync(manifestFile(), 'utf8')) as Manifest;
}

function bundleDir(key: string): string {
  return path.join(root, 'node_modules', '.cache', 'uat-bundle', key);
}

function bundleFiles(key: string): string[] {
  return readdirSync(bundleDir(key)).map((name) => readFileSync(path.join(bundleDir(key), name), 'utf8'));
}

describe('the precompiled bundle', () => {
  beforeAll(() => {
    root = copyOfRepository();
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('is built by the first run, reused by the next, and rebuilt when the builder changes', () => {
    const first = runList();
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('softmax-hardmax/linf\n');
    const built = manifest();
    expect(built.inputs).toContain('src/cli/cli-bundle.mjs');
    expect(built.inputs).toContain('src/cli/main.ts');

    // recorded as if well after the copy was made: otherwise every input counts as "racy" (changed
    // within 2 s of the recording) and is re-read by the next run whatever the stale check says
    const recorded = { ...built, writtenAt: Date.now() + 10_000 };
    writeFileSync(manifestFile(), JSON.stringify(recorded));
    const builtAt = statSync(bundleDir(built.key)).mtimeMs;
    const again = runList();
    expect(again.stdout).toBe(first.stdout);
    expect(manifest()).toEqual(recorded); // used as it is: neither rebuilt nor re-recorded
    expect(statSync(bundleDir(built.key)).mtimeMs).toBe(builtAt);

    appendFileSync(path.join(root, 'src', 'cli', 'cli-bundle.mjs'), '\n// a change to the builder only\n');
    const changed = runList();
    expect(changed.stdout).toBe(first.stdout);
    expect(manifest().key).not.toBe(built.key);
  }, 60_000);

  it('compiles commander and decimal.js in, and imports no Node module through ESM', () => {
    const { key, inputs } = manifest();
    expect(inputs.some((input) => input.includes('commander'))).toBe(true);
    expect(inputs.some((input) => input.includes('decimal.js'))).toBe(true);
    const text = bundleFiles(key).join('\n');
    expect(text).not.toMatch(/from\s*["'](commander|decimal\.js)["']/);
    // the one ESM import of a Node module is the banner's `createRequire`
    expect(new Set(text.match(/from\s*["']node:[a-z_/]+["']/g))).toEqual(new Set(["from 'node:module'"]));
    expect(text).toContain('__uatRequire("node:fs")');
  });
});

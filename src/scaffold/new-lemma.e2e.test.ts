/**
 * End to end, in a temporary copy of the repository: `npm run new-lemma -- <id>` scaffolds a lemma
 * that runs as written (`uat verify --lemma <id>` finds it holding), and once its bound is made false
 * the same command exits 1 and the report shows it `refuted` with its minimal counterexample, as a
 * `uat check` line, and stores that counterexample as a regression example.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../verify/settings.ts';

const ID = 'scaffolded-square';

function copyOfRepository(): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'uat-new-lemma-'));
  for (const f of ['package.json', 'tsconfig.json', 'vitest.config.ts']) cpSync(path.join(REPO_ROOT, f), path.join(copy, f));
  for (const d of ['src', 'proof']) cpSync(path.join(REPO_ROOT, d), path.join(copy, d), { recursive: true });
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  return copy;
}

interface ClaimInReport {
  id: string;
  status: string;
  evidence: { probes: number; counterexample: { replay: string; verdict: { verdict: string; lhs: string; bound: string } } | null } | null;
}

function verify(copy: string): { status: number | null; stdout: string; claim: ClaimInReport | undefined; markdown: string } {
  const run = spawnSync(process.execPath, ['src/cli/bin.mjs', 'verify', '--lemma', ID, '--runs', '100'], {
    cwd: copy,
    encoding: 'utf8',
    env: { ...process.env, UAT_RUN_DIR: '', UAT_RUNS: '', UAT_REPORT: '', UAT_REPORT_DIR: '', UAT_REGRESSIONS_DIR: '' },
  });
  const report = JSON.parse(readFileSync(path.join(copy, 'reports', 'report.json'), 'utf8')) as { lemmas: { id: string; claims: ClaimInReport[] }[] };
  return {
    status: run.status,
    stdout: `${run.stdout}\n${run.stderr}`,
    claim: report.lemmas.find((l) => l.id === ID)?.claims.find((c) => c.id === 'square'),
    markdown: readFileSync(path.join(copy, 'reports', 'REPORT.md'), 'utf8'),
  };
}

describe('npm run new-lemma, end to end', () => {
  const copy = copyOfRepository();
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('scaffolds a lemma that verify finds holding', () => {
    execFileSync('npm', ['run', '--silent', 'new-lemma', '--', ID], { cwd: copy, encoding: 'utf8' });
    const run = verify(copy);
    expect(run.claim?.status, run.stdout).toBe('holds on samples');
    expect(run.status, run.stdout).toBe(0);
    expect(run.markdown).toContain(`### Lemma \`${ID}\`: holds on samples`);
  });

  it('refuses an existing id with exit status 2', () => {
    const again = spawnSync('npm', ['run', '--silent', 'new-lemma', '--', ID], { cwd: copy, encoding: 'utf8' });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('exists already');
  });

  it('a false bound shows up refuted with its counterexample', () => {
    const proof = path.join(copy, 'proof', `${ID}.ts`);
    const text = readFileSync(proof, 'utf8');
    expect(text).toContain('return { lhs: A.mul(X, X), bound: X };');
    // The false bound x² ≤ x/2 (fails for every x in (1/2, 1]).
    writeFileSync(proof, text.replace('return { lhs: A.mul(X, X), bound: X };', 'return { lhs: A.mul(X, X), bound: A.div(X, A.point(2)) };'));
    const run = verify(copy);
    expect(run.status, run.stdout).toBe(1);
    expect(run.claim?.status).toBe('refuted');
    const c = run.claim?.evidence?.counterexample;
    expect(c?.verdict.verdict).toBe('violated');
    const line = JSON.parse(c!.replay) as { claim: string; args: { x: string } };
    expect(line.claim).toBe(`${ID}/square`);
    const x = Number(line.args.x);
    expect(x > 0.5 && x <= 1, `counterexample x = ${line.args.x}`).toBe(true);
    expect(run.markdown).toContain(`### Lemma \`${ID}\`: refuted`);
    expect(run.markdown).toContain(c!.replay);
    const stored = JSON.parse(readFileSync(path.join(copy, 'properties', 'regressions', `${ID}.json`), 'utf8')) as Record<string, { args: unknown }[]>;
    expect(stored.square?.map((e) => e.args)).toContainEqual(line.args);
  });
});

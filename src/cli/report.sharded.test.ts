/**
 * Sharded runs: a shard (`UAT_KEEP_PARTS=1`) leaves the parts of its split campaigns in its run
 * directory, and `uat report --from DIR`, given the shards' run directories copied into DIR, merges
 * them into the very outcome file a single run's teardown writes from the same parts (byte for byte),
 * before the report is built.
 */
import fc from 'fast-check';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineClaim, type ClaimDefinition } from '../registry/define.ts';
import { readDecimal, required } from '../verdict/args.ts';
import { runCampaign, type CampaignSpec } from '../verify/campaign.ts';
import { teardown } from '../verify/parts-global-setup.ts';
import { PARTS_DIR, recordPart } from '../verify/parts.ts';
import { register } from './report.ts';

const generateReport = vi.fn(async () => ({ totals: { claims: { certified: 0, 'holds on samples': 1, inconclusive: 0, refuted: 0, 'not run': 0 } } }));
vi.mock('../report/generate.ts', () => ({ generateReport: () => generateReport() }));

const savedEnv = { ...process.env };
const root = mkdtempSync(path.join(tmpdir(), 'uat-sharded-'));
afterAll(() => {
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
  Object.assign(process.env, savedEnv);
  rmSync(root, { recursive: true, force: true });
});
beforeEach(() => {
  process.env.UAT_REGRESSIONS_DIR = path.join(root, 'regressions');
  process.env.UAT_SEED = '20261124';
  process.env.UAT_RUNS = '80';
  delete process.env.UAT_TIME_LIMIT_MS;
  delete process.env.UAT_KEEP_PARTS;
});

/** The claim `x/10 ≤ 10` for x ∈ [0, 100]. */
const claim = defineClaim<string>({
  id: 'at-most-ten',
  parse: (raw) => readDecimal(required(raw, 'x'), 'x').toString(),
  hypotheses: () => undefined,
  evaluate: (x, A) => ({ lhs: A.div(A.point(x), A.point(10)), bound: A.point(10) }),
}) as ClaimDefinition<unknown>;
const spec: CampaignSpec = {
  lemma: 'sharded-test',
  claim: claim.id,
  kind: 'claim',
  definition: claim,
  arbitrary: fc.record({ x: fc.integer({ min: 0, max: 100 }).map(String) }),
  domain: 'x ∈ [0, 100]',
  defaultRuns: 80,
};

/** Runs parts `indices` of 4 into `runDir` (as the part projects of a shard would). */
function runPartsInto(runDir: string, indices: readonly number[]): void {
  process.env.UAT_RUN_DIR = runDir;
  for (const i of indices) {
    process.env.UAT_PART = `${i}/4`;
    recordPart(runCampaign(spec), runDir);
  }
  delete process.env.UAT_PART;
}

const report = async (from: string): Promise<string> => {
  const program = new Command().exitOverride();
  register(program);
  let stdout = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  try {
    await program.parseAsync(['report', '--from', from, '--out', path.join(root, 'report-out')], { from: 'user' });
  } finally {
    out.mockRestore();
  }
  return stdout;
};

describe('sharded runs', () => {
  it('a shard keeps its parts; uat report merges the gathered parts into the single run’s outcome, byte for byte', async () => {
    const shard1 = path.join(root, 'shard-1');
    const shard2 = path.join(root, 'shard-2');
    runPartsInto(shard1, [0, 2]);
    runPartsInto(shard2, [3, 1]);
    process.env.UAT_KEEP_PARTS = '1';
    process.env.UAT_RUN_DIR = shard1;
    teardown();
    expect(existsSync(path.join(shard1, PARTS_DIR, 'sharded-test', 'claim-at-most-ten', '0-of-4.json'))).toBe(true);
    expect(existsSync(path.join(shard1, 'sharded-test', 'claim-at-most-ten.json'))).toBe(false);

    // the single run: the same four part files in one run directory, merged by its teardown
    const single = path.join(root, 'single');
    cpSync(shard1, single, { recursive: true });
    cpSync(shard2, single, { recursive: true });
    delete process.env.UAT_KEEP_PARTS;
    process.env.UAT_RUN_DIR = single;
    teardown();

    // the gathered shards: `cp -r shard-1/. shard-2/. all/`, then `uat report --from all`
    const all = path.join(root, 'all');
    cpSync(shard1, all, { recursive: true });
    cpSync(shard2, all, { recursive: true });
    const stdout = await report(all);
    expect(stdout.split('\n')[0]).toBe(`merged the parts of 1 split campaign found in ${all}`);
    expect(generateReport).toHaveBeenCalledTimes(1);
    expect(existsSync(path.join(all, PARTS_DIR))).toBe(false);
    const outcome = (dir: string): string => readFileSync(path.join(dir, 'sharded-test', 'claim-at-most-ten.json'), 'utf8');
    expect(outcome(all)).toBe(outcome(single));
    expect(JSON.parse(outcome(all))).toMatchObject({ status: 'holds on samples', probes: 80, runs: 80 });
  });

  it('uat report on a run directory without parts merges nothing and says nothing about it', async () => {
    const plain = path.join(root, 'plain');
    runPartsInto(plain, [0, 1, 2, 3]);
    process.env.UAT_RUN_DIR = plain;
    teardown();
    expect((await report(plain)).startsWith('merged')).toBe(false);
  });
});

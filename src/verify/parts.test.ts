/**
 * Split campaigns: the parts of a campaign, run in any order, merge into the same outcome; the
 * merged counts are the sums, the worst probe the largest over the parts; a counterexample is a
 * part's certified, shrunk one (recorded once as a regression); a missing part is never a silent pass.
 */
import fc from 'fast-check';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { defineClaim, type ClaimDefinition } from '../registry/define.ts';
import { readDecimal, required } from '../verdict/args.ts';
import { ArgumentError } from '../verdict/errors.ts';
import { runCampaign, type CampaignOutcome, type CampaignSpec } from './campaign.ts';
import { teardown } from './parts-global-setup.ts';
import { mergeOutcomes, mergeParts, PARTS_DIR, recordPart } from './parts.ts';

const savedEnv = { ...process.env };
afterAll(() => {
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
  Object.assign(process.env, savedEnv);
});

let runDir: string;
beforeEach(() => {
  runDir = mkdtempSync(path.join(tmpdir(), 'uat-parts-'));
  process.env.UAT_RUN_DIR = runDir;
  process.env.UAT_REGRESSIONS_DIR = path.join(runDir, 'regressions');
  process.env.UAT_SEED = '424242';
  process.env.UAT_RUNS = '60';
  delete process.env.UAT_PART;
  delete process.env.UAT_TIME_LIMIT_MS;
  delete process.env.UAT_DIGITS;
});

/** The claim `x/10 ≤ limit` for x ∈ [0, 100]; its ratio lhs/bound is x/(10·limit). */
function atMost(limit: string): ClaimDefinition<unknown> {
  return defineClaim<string>({
    id: `at-most-${limit}`,
    parse: (raw) => readDecimal(required(raw, 'x'), 'x').toString(),
    hypotheses: () => undefined,
    evaluate: (x, A) => ({ lhs: A.div(A.point(x), A.point(10)), bound: A.point(limit) }),
  }) as ClaimDefinition<unknown>;
}

const spec = (definition: ClaimDefinition<unknown>, kind: CampaignSpec['kind'] = 'claim'): CampaignSpec => ({
  lemma: 'parts-test',
  claim: definition.id,
  kind,
  definition,
  arbitrary: fc.record({ x: fc.integer({ min: 0, max: 100 }).map(String) }),
  domain: 'x ∈ [0, 100]',
  defaultRuns: 60,
});

/** Runs the parts in the given order (each as its own UAT_PART), returning them by index. */
function runParts(s: CampaignSpec, count: number, order: readonly number[]): CampaignOutcome[] {
  const parts: CampaignOutcome[] = [];
  for (const i of order) {
    process.env.UAT_PART = `${i}/${count}`;
    parts[i] = runCampaign(s);
  }
  delete process.env.UAT_PART;
  return parts;
}

const withoutTime = ({ timeMs: _t, ...rest }: CampaignOutcome): Omit<CampaignOutcome, 'timeMs'> => rest;

describe('split campaigns', () => {
  it('parts run in any order merge into the same outcome; counts are the sums, the worst the largest', () => {
    const parts = runParts(spec(atMost('10')), 3, [2, 0, 1]);
    expect(parts.map((p) => p.runs)).toEqual([20, 20, 20]);
    expect(parts.map((p) => p.part?.index)).toEqual([0, 1, 2]);
    expect(new Set(parts.map((p) => p.part?.seed)).size).toBe(3);
    expect(parts[0]!.part?.seed).toBe(424242);
    expect(existsSync(path.join(runDir, 'parts-test'))).toBe(false); // nothing for the report before the merge
    const merged = mergeParts(runDir);
    expect(merged).toHaveLength(1);
    const m = merged[0]!;
    expect(m.part).toBeUndefined();
    expect(m.status).toBe('holds on samples');
    expect(m.runs).toBe(60);
    expect(m.probes).toBe(60);
    expect(m.counts.holds).toBe(60);
    expect(m.decidedBy['double-double'] + m.decidedBy.decimal).toBe(60);
    const best = Math.max(...parts.map((p) => Number(p.worst!.ratio)));
    expect(Number(m.worst!.ratio)).toBe(best);
    expect(parts.map((p) => p.worst!.ratio)).toContain(m.worst!.ratio);
    // the file the report reads, and the parts gone
    expect(JSON.parse(readFileSync(path.join(runDir, 'parts-test', 'claim-at-most-10.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(m)));
    expect(existsSync(path.join(runDir, PARTS_DIR))).toBe(false);

    const again = runParts(spec(atMost('10')), 3, [0, 1, 2]);
    expect(withoutTime(mergeOutcomes(again))).toEqual(withoutTime(m));
  });

  it('a refuted claim keeps the lowest part’s certified, shrunk counterexample, recorded once', () => {
    const parts = runParts(spec(atMost('3')), 3, [1, 2, 0]);
    for (const p of parts) expect(p.status).toBe('refuted');
    const m = mergeParts(runDir)[0]!;
    expect(m.status).toBe('refuted');
    expect(m.counterexample?.args).toEqual({ x: '31' }); // shrunk to the smallest violation
    expect(m.counterexample?.verdict.verdict).toBe('violated');
    expect(m.counterexample?.seed).toBe(parts[0]!.part?.seed);
    expect(m.counterexample).toEqual(parts[0]!.counterexample);
    const stored = JSON.parse(readFileSync(path.join(runDir, 'regressions', 'parts-test.json'), 'utf8')) as Record<string, unknown[]>;
    expect(stored['at-most-3']).toEqual([{ args: { x: '31' }, seed: 424242, path: parts[0]!.counterexample!.path }]);
  });

  it('a missing part makes a claim inconclusive, with the reason', () => {
    const parts = runParts(spec(atMost('10')), 3, [0, 2]);
    const m = mergeOutcomes([parts[0], undefined, parts[2]]);
    expect(m.status).toBe('inconclusive');
    expect(m.reason).toBe('part 2 of 3 did not finish');
    expect(m.probes).toBe(40);
    rmSync(path.join(runDir, PARTS_DIR, 'parts-test', 'claim-at-most-10', '0-of-3.json'));
    expect(mergeParts(runDir)[0]!.reason).toBe('parts 1, 2 of 3 did not finish');
  });

  it('an unreadable part, or a file that is not a part, counts as missing; stray files are ignored', () => {
    const parts = runParts(spec(atMost('10')), 3, [0, 1, 2]);
    const dir = path.join(runDir, PARTS_DIR, 'parts-test', 'claim-at-most-10');
    writeFileSync(path.join(dir, '1-of-3.json'), '{"truncated":');
    const { part: _part, ...notAPart } = parts[2]!;
    writeFileSync(path.join(dir, '2-of-3.json'), JSON.stringify(notAPart));
    writeFileSync(path.join(dir, '0-of-3.json.123.tmp'), 'left by a killed writer');
    writeFileSync(path.join(dir, 'notes.txt'), 'not a part');
    const m = mergeParts(runDir)[0]!;
    expect(m.reason).toBe('parts 2, 3 of 3 did not finish');
    expect(m.probes).toBe(20);
    expect(m.status).toBe('inconclusive');
  });

  it('a planted bound refuted in one part is shown necessary even when another part is missing', () => {
    const parts = runParts(spec(atMost('3'), 'planted'), 2, [1]);
    const m = mergeOutcomes([undefined, parts[1]]);
    expect(m.status).toBe('shown necessary');
    expect(m.counterexample?.verdict.verdict).toBe('violated');
    const unrefuted = runParts(spec(atMost('10'), 'planted'), 2, [0]);
    expect(mergeOutcomes([unrefuted[0], undefined])).toMatchObject({ status: 'not shown', reason: 'part 2 of 2 did not finish' });
  });

  it('a part out of time makes the merged claim inconclusive with the budget in the reason', () => {
    process.env.UAT_TIME_LIMIT_MS = '1';
    const slow = defineClaim<string>({
      id: 'slow',
      parse: (raw) => String(raw.x),
      hypotheses: () => undefined,
      evaluate(x, A) {
        const until = performance.now() + 3;
        while (performance.now() < until); // slow on purpose
        return { lhs: A.point(x), bound: A.point(1000) };
      },
    }) as ClaimDefinition<unknown>;
    const parts = runParts(spec(slow), 2, [0, 1]);
    const m = mergeOutcomes(parts);
    expect(m.status).toBe('inconclusive');
    expect(m.reason).toBe(`time limit of 1 ms per part (2 parts) reached after ${m.probes} of 60 probes`);
    expect(parts[0]!.reason).toBe(`time limit of 1 ms reached after ${parts[0]!.probes} of 30 probes`);
    expect(m.probes).toBeLessThan(60);
  });

  it('the vitest global teardown merges the parts of the run directory in force', () => {
    runParts(spec(atMost('10')), 2, [1, 0]);
    teardown();
    expect(existsSync(path.join(runDir, PARTS_DIR))).toBe(false);
    const merged = JSON.parse(readFileSync(path.join(runDir, 'parts-test', 'claim-at-most-10.json'), 'utf8')) as CampaignOutcome;
    expect([merged.status, merged.probes, merged.runs, merged.part]).toEqual(['holds on samples', 60, 60, undefined]);
  });

  it('a refuted claim stays refuted when another part is missing; undecided probes are summed, the first kept', () => {
    const parts = runParts(spec(atMost('3')), 3, [0, 2]);
    expect(mergeOutcomes([parts[0], undefined, parts[2]])).toMatchObject({ status: 'refuted', counterexample: parts[0]!.counterexample });
    const odd = defineClaim<string>({
      id: 'odd',
      parse: (raw) => (raw.x === '7' ? (() => { throw new ArgumentError('x', raw.x, 'is 7'); })() : String(raw.x)),
      hypotheses: (x) => (x === '5' ? { hypothesis: 'not five', reason: 'x = 5' } : undefined),
      evaluate: (x, A) => ({ lhs: A.point(x), bound: A.point(100) }),
    }) as ClaimDefinition<unknown>;
    const arbitrary = fc.constantFrom({ x: '1' }, { x: '5' }, { x: '7' });
    const split = [0, 1].map((i) => {
      process.env.UAT_PART = `${i}/2`;
      return runCampaign({ ...spec(odd), arbitrary });
    });
    delete process.env.UAT_PART;
    const m = mergeOutcomes(split);
    expect(m.probes).toBe(60);
    expect(m.counts.holds + m.counts.inapplicable + m.counts.error).toBe(60);
    expect(m.counts.inapplicable).toBe(split[0]!.counts.inapplicable + split[1]!.counts.inapplicable);
    expect(m.counts.error).toBeGreaterThan(0);
    expect(m.firstUndecided).toEqual(split[0]!.firstUndecided ?? split[1]!.firstUndecided);
    expect(m.firstUndecided?.args).toEqual({ x: '7' });
    expect(m.decidedBy).toEqual({ 'double-double': 0, decimal: m.counts.holds });
    expect(m.reason).toMatch(/^\d+ of 60 probes could not be evaluated \(error\), the first: argument x is 7, got "7"$/);
  });

  it('a campaign directory without part files is skipped', () => {
    mkdirSync(path.join(runDir, PARTS_DIR, 'parts-test', 'claim-empty'), { recursive: true });
    writeFileSync(path.join(runDir, PARTS_DIR, 'parts-test', 'claim-empty', 'notes.txt'), 'no part here');
    expect(mergeParts(runDir)).toEqual([]);
    expect(existsSync(path.join(runDir, PARTS_DIR))).toBe(false);
  });

  it('mergeOutcomes refuses nothing to merge', () => {
    expect(() => mergeOutcomes([undefined, undefined])).toThrow(RangeError);
    const whole = runCampaign(spec(atMost('10'))); // unsplit: recorded where the report reads it, no part
    expect(whole.part).toBeUndefined();
    expect(existsSync(path.join(runDir, 'parts-test', 'claim-at-most-10.json'))).toBe(true);
    expect(() => recordPart(whole, runDir)).toThrow('recordPart: the outcome is not a part');
    expect(mergeParts(path.join(runDir, 'no-such-dir'))).toEqual([]);
  });
});

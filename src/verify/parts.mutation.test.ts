/**
 * The merge of split campaigns on hand-made parts, where every figure is known: sums (double-double
 * counts, time, undecided probes), the worst probe over the parts whatever their order, part 0's box
 * proof, the flags and budget of any part, the reasons combined, and `mergeParts`' handling of the
 * run directory (order, file names, parts that cannot be merged, a counterexample that is no violation,
 * and a shard's teardown that keeps its parts).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Verdict } from '../verdict/verdict.ts';
import type { CampaignOutcome, PartRecord } from './campaign.ts';
import { teardown } from './parts-global-setup.ts';
import { mergeOutcomes, mergeParts, PARTS_DIR } from './parts.ts';

const worst = (ratio: string, x: string) => ({ ratio, lhs: ratio, bound: '1', args: { x } });

/** A part of campaign `lemma/claim` with `holds` probes, and whatever else is given. */
function part(index: number, count: number, more: Partial<Omit<CampaignOutcome, 'part'>> & { part?: Partial<PartRecord> } = {}): CampaignOutcome {
  const { part: record, ...rest } = more;
  return {
    lemma: 'merge-test',
    claim: 'c',
    kind: 'claim',
    domain: 'hand-made',
    status: 'holds on samples',
    probes: 10,
    counts: { holds: 10, violated: 0, inconclusive: 0, inapplicable: 0, error: 0 },
    worst: undefined,
    counterexample: undefined,
    firstUndecided: undefined,
    boxProof: undefined,
    seed: 7,
    runs: 10,
    timeMs: 100 + index,
    decidedBy: { 'double-double': 6, decimal: 4 },
    ...rest,
    part: { index, count, seed: 7 + index, outOfTime: false, shrinkCut: false, ...record },
  };
}

describe('mergeOutcomes on hand-made parts', () => {
  it('sums counts, decided-by, runs and time; keeps the largest worst probe whatever the order', () => {
    const a = part(0, 3, { worst: worst('0.5', 'a') });
    const b = part(1, 3, { worst: worst('0.75', 'b'), counts: { holds: 7, violated: 0, inconclusive: 2, inapplicable: 1, error: 0 }, decidedBy: { 'double-double': 1, decimal: 6 } });
    const c = part(2, 3, { worst: undefined });
    for (const order of [[a, b, c], [b, a, c], [c, a, b]]) {
      const m = mergeOutcomes(order);
      expect(m.worst).toEqual(worst('0.75', 'b'));
      expect(m.counts).toEqual({ holds: 27, violated: 0, inconclusive: 2, inapplicable: 1, error: 0 });
      expect(m.probes).toBe(30);
      expect(m.runs).toBe(30);
      expect(m.decidedBy).toEqual({ 'double-double': 13, decimal: 14 });
      expect(m.timeMs).toBe(303);
      expect(m.status).toBe('inconclusive'); // an inconclusive probe
    }
    expect(mergeOutcomes([part(0, 2, { worst: worst('0.9', 'a') }), part(1, 2, { worst: worst('0.2', 'b') })]).worst).toEqual(worst('0.9', 'a'));
  });

  it("part 0's box proof decides certified; no reason key when there is nothing to say", () => {
    const proof = { certified: true, description: 'over the box' };
    const m = mergeOutcomes([part(0, 2, { boxProof: proof }), part(1, 2)]);
    expect(m.status).toBe('certified');
    expect(m.boxProof).toEqual(proof);
    expect('reason' in m).toBe(false);
    expect(mergeOutcomes([part(0, 2), part(1, 2, { boxProof: proof })]).status).toBe('holds on samples');
  });

  it('any part cut short while shrinking, or out of time, shows in the reason with the budget of the first part that had one', () => {
    const cx = { args: { x: '3' }, verdict: { verdict: 'violated' } as Verdict, seed: 8, path: '1:0', shrinks: 2 };
    const shrinkCut = mergeOutcomes([
      part(0, 2),
      part(1, 2, { counterexample: cx, counts: { holds: 9, violated: 1, inconclusive: 0, inapplicable: 0, error: 0 }, part: { shrinkCut: true, timeBudgetMs: 50 } }),
    ]);
    expect(shrinkCut).toMatchObject({ status: 'refuted', probes: 20, counts: { holds: 19, violated: 1, inconclusive: 0, inapplicable: 0, error: 0 }, counterexample: cx, reason: 'time limit of 50 ms per part (2 parts) reached while shrinking the counterexample' });
    const outOfTime = mergeOutcomes([part(0, 3, { part: { timeBudgetMs: 40 } }), part(1, 3, { part: { outOfTime: true, timeBudgetMs: 40 } }), undefined]);
    expect(outOfTime).toMatchObject({ status: 'inconclusive', reason: 'part 3 of 3 did not finish; time limit of 40 ms per part (3 parts) reached after 20 of 20 probes' });
  });

  it('outcomes without a part record merge as parts that were not cut short', () => {
    const { part: _a, ...whole0 } = part(0, 2);
    const { part: _b, ...whole1 } = part(1, 2);
    expect(mergeOutcomes([whole0, whole1])).toMatchObject({ status: 'holds on samples', probes: 20 });
  });

  it('refuses nothing to merge, saying so', () => {
    expect(() => mergeOutcomes([undefined])).toThrow(new RangeError('mergeOutcomes: no part to merge'));
  });
});

describe('mergeParts on hand-made part files', () => {
  let runDir: string;
  const saved = { regressions: process.env.UAT_REGRESSIONS_DIR, run: process.env.UAT_RUN_DIR, keep: process.env.UAT_KEEP_PARTS };
  beforeEach(() => {
    runDir = mkdtempSync(path.join(tmpdir(), 'uat-parts-mutation-'));
    process.env.UAT_REGRESSIONS_DIR = path.join(runDir, 'regressions');
    process.env.UAT_RUN_DIR = runDir;
    delete process.env.UAT_KEEP_PARTS;
  });
  afterEach(() => {
    for (const [name, value] of [['UAT_REGRESSIONS_DIR', saved.regressions], ['UAT_RUN_DIR', saved.run], ['UAT_KEEP_PARTS', saved.keep]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  const write = (o: CampaignOutcome, name = `${o.part!.index}-of-${o.part!.count}.json`): void => {
    const dir = path.join(runDir, PARTS_DIR, o.lemma, `${o.kind}-${o.claim}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, name), JSON.stringify(o));
  };

  it('merges lemmas and campaigns in name order, whatever order they were written in', () => {
    for (const lemma of ['delta', 'alpha', 'echo', 'charlie', 'bravo']) {
      for (const claim of ['z', 'm', 'a']) for (const i of [1, 0]) write(part(i, 2, { lemma, claim }));
    }
    const merged = mergeParts(runDir);
    expect(merged.map((m) => `${m.lemma}/${m.claim}`)).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo'].flatMap((l) => ['a', 'm', 'z'].map((c) => `${l}/${c}`)));
    expect(readdirSync(path.join(runDir, 'alpha')).sort()).toEqual(['claim-a.json', 'claim-m.json', 'claim-z.json']);
    expect(existsSync(path.join(runDir, PARTS_DIR))).toBe(false);
  });

  it('reads parts numbered beyond 9, and ignores files whose names only end like a part', () => {
    for (let i = 0; i < 12; i++) if (i !== 10) write(part(i, 12));
    write(part(3, 40), 'old-3-of-40.json');
    const [m] = mergeParts(runDir);
    expect(m).toMatchObject({ probes: 110, reason: 'part 11 of 12 did not finish', status: 'inconclusive' });
  });

  it('a campaign whose every part is unreadable is skipped; the others are merged', () => {
    write(part(0, 1));
    const broken = path.join(runDir, PARTS_DIR, 'merge-test', 'claim-broken');
    mkdirSync(broken, { recursive: true });
    writeFileSync(path.join(broken, '0-of-2.json'), '{"cut short');
    expect(mergeParts(runDir).map((m) => m.claim)).toEqual(['c']);
    expect(existsSync(path.join(runDir, 'merge-test', 'claim-broken.json'))).toBe(false);
  });

  it('records a counterexample as a regression only when it is a violation', () => {
    const error = { args: { x: 'e' }, verdict: { verdict: 'error' } as Verdict, seed: 1, path: '0', shrinks: 0 };
    write(part(0, 1, { kind: 'finding', claim: 'f', counterexample: error }));
    mergeParts(runDir);
    expect(existsSync(path.join(runDir, 'regressions', 'merge-test.json'))).toBe(false);
  });

  it('a shard (UAT_KEEP_PARTS=1) leaves its parts for the merge of all shards', () => {
    write(part(0, 2));
    process.env.UAT_KEEP_PARTS = '1';
    teardown();
    expect(existsSync(path.join(runDir, PARTS_DIR, 'merge-test', 'claim-c', '0-of-2.json'))).toBe(true);
    expect(existsSync(path.join(runDir, 'merge-test'))).toBe(false);
    process.env.UAT_KEEP_PARTS = '0';
    teardown();
    expect(existsSync(path.join(runDir, 'merge-test', 'claim-c.json'))).toBe(true);
  });
});

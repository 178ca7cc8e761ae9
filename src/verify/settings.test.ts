/**
 * Campaign settings from the environment: each variable read exactly, a bad value refused naming the
 * variable; the split of a deep run into parts depends on the runs only, its shares sum to the runs,
 * and every part has its own seed.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { campaignSettings, DEFAULT_SEED, PARTS, partsFor, REPO_ROOT, runsOfPart, seedOfPart, SPLIT_FROM_RUNS } from './settings.ts';

const savedEnv = { ...process.env };
afterAll(() => {
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
  Object.assign(process.env, savedEnv);
});
const VARIABLES = ['UAT_RUNS', 'UAT_SEED', 'UAT_RUN_DIR', 'UAT_DIGITS', 'UAT_TIME_LIMIT_MS', 'UAT_PART', 'UAT_PARTS'];
beforeEach(() => {
  for (const v of VARIABLES) delete process.env[v];
});

describe('campaignSettings', () => {
  it('defaults: each campaign its runs, the fixed seed, reports/.runs, no digits, no limit, no part', () => {
    expect(campaignSettings()).toEqual({ runs: undefined, seed: DEFAULT_SEED, runDir: `${REPO_ROOT}/reports/.runs`, digits: undefined, timeLimitMs: undefined, part: undefined });
  });

  it('reads every variable', () => {
    Object.assign(process.env, { UAT_RUNS: '500', UAT_SEED: '-7', UAT_RUN_DIR: '/tmp/x', UAT_DIGITS: '30', UAT_TIME_LIMIT_MS: '1500', UAT_PART: '2/4' });
    expect(campaignSettings()).toEqual({ runs: 500, seed: -7, runDir: '/tmp/x', digits: 30, timeLimitMs: 1500, part: { index: 2, count: 4 } });
    Object.assign(process.env, { UAT_RUNS: '', UAT_PART: '', UAT_TIME_LIMIT_MS: '', UAT_DIGITS: '', UAT_SEED: '' });
    expect(campaignSettings()).toMatchObject({ runs: undefined, part: undefined, timeLimitMs: undefined, digits: undefined, seed: DEFAULT_SEED });
  });

  it.each([
    ['UAT_RUNS', '0', 'environment variable UAT_RUNS must be an integer in [1, 10000000], got "0"'],
    ['UAT_RUNS', '10000001', 'environment variable UAT_RUNS must be an integer in [1, 10000000], got "10000001"'],
    ['UAT_RUNS', '2.5', 'UAT_RUNS must be an integer'],
    ['UAT_SEED', '2147483648', 'environment variable UAT_SEED must be an integer in [-2147483648, 2147483647], got "2147483648"'],
    ['UAT_DIGITS', 'many', 'environment variable UAT_DIGITS must be an integer in [1, 1000], got "many"'],
    ['UAT_TIME_LIMIT_MS', '0', 'environment variable UAT_TIME_LIMIT_MS must be an integer in [1, 86400000], got "0"'],
    ['UAT_TIME_LIMIT_MS', '86400001', 'UAT_TIME_LIMIT_MS must be an integer in [1, 86400000]'],
    ['UAT_PART', '4/4', 'environment variable UAT_PART must be i/K with 0 ≤ i < K ≤ 999, got "4/4"'],
    ['UAT_PART', '0/0', 'UAT_PART must be i/K'],
    ['UAT_PART', '1', 'UAT_PART must be i/K'],
    ['UAT_PART', '-1/2', 'UAT_PART must be i/K'],
    ['UAT_PART', '1/2/3', 'UAT_PART must be i/K'],
  ])('%s=%j is refused naming the variable', (name, value, message) => {
    process.env[name] = value;
    expect(() => campaignSettings()).toThrow(RangeError);
    expect(() => campaignSettings()).toThrow(message);
  });

  it('the edges of each range are accepted', () => {
    Object.assign(process.env, { UAT_RUNS: '1', UAT_SEED: '-2147483648', UAT_DIGITS: '1000', UAT_TIME_LIMIT_MS: '86400000', UAT_PART: '0/1' });
    expect(campaignSettings()).toMatchObject({ runs: 1, seed: -(2 ** 31), digits: 1000, timeLimitMs: 86_400_000, part: { index: 0, count: 1 } });
    process.env.UAT_PART = '998/999';
    expect(campaignSettings().part).toEqual({ index: 998, count: 999 });
  });
});

describe('splitting a deep run into parts', () => {
  it('depends on the runs only: one part below SPLIT_FROM_RUNS, PARTS from it on; UAT_PARTS overrides', () => {
    expect(SPLIT_FROM_RUNS).toBe(10_000);
    expect(PARTS).toBe(4);
    expect(partsFor(undefined)).toBe(1);
    expect(partsFor(9_999)).toBe(1);
    expect(partsFor(10_000)).toBe(4);
    expect(partsFor(1_000_000)).toBe(4);
    process.env.UAT_PARTS = '3';
    expect(partsFor(undefined)).toBe(3);
    expect(partsFor(100_000)).toBe(3);
    process.env.UAT_PARTS = '65';
    expect(() => partsFor(100)).toThrow('UAT_PARTS must be an integer in [1, 64]');
  });

  it('the shares are consecutive, differ by at most one, and sum to the runs', () => {
    for (const [runs, count] of [[100_000, 4], [10, 3], [7, 7], [2, 4], [1, 1]] as const) {
      const shares = Array.from({ length: count }, (_, index) => runsOfPart(runs, { index, count }));
      expect(shares.reduce((a, b) => a + b, 0)).toBe(runs);
      expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
    }
    expect(Array.from({ length: 3 }, (_, index) => runsOfPart(10, { index, count: 3 }))).toEqual([3, 3, 4]);
  });

  it('part 0 keeps the seed; the others get distinct 32-bit seeds, the same every time', () => {
    expect(seedOfPart(DEFAULT_SEED, 0)).toBe(DEFAULT_SEED);
    const seeds = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => seedOfPart(12345, i));
    expect(new Set(seeds).size).toBe(8);
    for (const s of seeds) expect(Number.isInteger(s) && s >= -(2 ** 31) && s < 2 ** 31).toBe(true);
    expect(seedOfPart(12345, 3)).toBe(seeds[3]);
    expect(seedOfPart(54321, 3)).not.toBe(seeds[3]);
    expect(seedOfPart(12345, 1)).toBe(944074271); // pinned: a change would change every split report
  });
});

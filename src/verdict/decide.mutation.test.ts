/**
 * Exact contracts of the verdict engine (kills mutants of `decide.ts`): which verdict, at which
 * precision, with which reported values, for claims whose two sides are known in closed form.
 */
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import { ArithmeticDomainError, Interval, type Arith } from '../arith/interval.ts';
import { defineClaim, type ClaimDefinition, type Evaluation } from '../registry/define.ts';
import { DEFAULT_DIGITS, DEFAULT_MAX_PRECISION, GUARD_DIGITS, decide, decideParsed, formatTo, isKnownTo } from './decide.ts';
import { readDecimal, required } from './args.ts';
import { ArgumentError } from './errors.ts';
import { arithAt } from '../arith/interval.ts';

/** A claim `lhs(x) ≤ bound(x)` of one argument `x`, with the precisions it was evaluated at. */
function claimOf(evaluate: (x: string, A: Arith) => Evaluation): ClaimDefinition<string> & { precisions: number[] } {
  const precisions: number[] = [];
  const claim = defineClaim<string>({
    id: 'test',
    parse: (raw) => readDecimal(required(raw, 'x'), 'x').toString(),
    hypotheses: (x) => (x.startsWith('-') ? { hypothesis: 'positive', reason: `x = ${x} is negative` } : undefined),
    evaluate(x, A) {
      precisions.push(A.precision);
      return evaluate(x, A);
    },
  });
  return { ...claim, precisions };
}

const third = (A: Arith): Interval => A.div(A.point(1), A.point(3));

describe('decide', () => {
  it('exports its defaults', () => {
    expect([DEFAULT_DIGITS, DEFAULT_MAX_PRECISION, GUARD_DIGITS]).toEqual([20, 1000, 10]);
  });

  it('holds when bound − lhs ≥ 0 is proved, at digits + GUARD_DIGITS, reporting both sides and the ratio', () => {
    const c = claimOf((x, A) => ({ lhs: A.point(x), bound: A.point(2) }));
    expect(decide(c, { x: '1' })).toEqual({ verdict: 'holds', lhs: '1', bound: '2', precision: 30, ratio: '0.5' });
    expect(c.precisions).toEqual([30]);
    expect(decide(c, { x: '2' })).toEqual({ verdict: 'holds', lhs: '2', bound: '2', precision: 30, ratio: '1' });
    expect(decide(c, { x: '3' })).toEqual({ verdict: 'violated', lhs: '3', bound: '2', precision: 30, ratio: '1.5' });
    expect(decide(c, { x: '1' }, { digits: 5 }).precision).toBe(15);
  });

  it('uses the claim margin when given, not bound − lhs', () => {
    const c = claimOf((_x, A) => ({ lhs: A.point(1), bound: A.point(2), margin: A.point(-1) }));
    expect(decide(c, { x: '0' }).verdict).toBe('violated');
    const d = claimOf((_x, A) => ({ lhs: A.point(3), bound: A.point(2), margin: A.point(0) }));
    expect(decide(d, { x: '0' }).verdict).toBe('holds');
  });

  it('raises the precision until the sign is decided', () => {
    // bound − 1/3 = 1e-38 needs more than 30 digits of 1/3.
    const c = claimOf((_x, A) => ({ lhs: third(A), bound: A.point(`0.${'3'.repeat(37)}4`) }));
    const v = decide(c, { x: '0' });
    expect(v.verdict).toBe('holds');
    expect(v.precision).toBe(60);
    expect(c.precisions).toEqual([30, 60]);
    expect(v.lhs).toBe('0.33333333333333333333');
    expect(v.bound).toBe('0.33333333333333333333');
    expect(v.ratio).toBe('1');
  });

  it('keeps the first deciding precision while it narrows the reported values', () => {
    // decided at once, but lhs = [1, 1 + 10^(−p/3)] is known to 20 digits only from p = 60 on
    const c = claimOf((_x, A) => ({ lhs: A.between(1, `1.${'0'.repeat(A.precision / 3 - 1)}1`), bound: A.point(2) }));
    const v = decide(c, { x: '0' });
    expect(c.precisions).toEqual([30, 60]);
    expect(v).toEqual({ verdict: 'holds', lhs: '1', bound: '2', precision: 30, ratio: '0.5' });
  });

  it('is inconclusive at the precision cap, with the reason', () => {
    const c = claimOf((_x, A) => ({ lhs: third(A), bound: third(A) }));
    const v = decide(c, { x: '0' }, { maxPrecision: 100 });
    expect(c.precisions).toEqual([30, 60, 100]);
    expect(v.verdict).toBe('inconclusive');
    expect(v.reason).toBe('the sign of bound − lhs is undecided at the precision cap of 100 digits');
    expect(v.precision).toBe(100);
    expect(v.lhs).toBe('0.33333333333333333333');
    const capped = claimOf((_x, A) => ({ lhs: third(A), bound: third(A) }));
    expect(decide(capped, { x: '0' }, { maxPrecision: 5000 }).reason).toMatch(/cap of 1000 digits/);
    expect(capped.precisions).toEqual([30, 60, 120, 240, 480, 960, 1000]);
    const low = claimOf((_x, A) => ({ lhs: third(A), bound: third(A) }));
    decide(low, { x: '0' }, { digits: 1, maxPrecision: 5 });
    expect(low.precisions).toEqual([10]);
    const small = claimOf((_x, A) => ({ lhs: third(A), bound: third(A) }));
    decide(small, { x: '0' }, { digits: 3, maxPrecision: 40 });
    expect(small.precisions).toEqual([13, 26, 40]);
  });

  it('keeps escalating while a decided side is unbounded, and reports it', () => {
    const c = claimOf((_x, A) => ({ lhs: A.point(1), bound: A.div(A.point(1), A.between(0, 1)) }));
    const v = decide(c, { x: '0' }, { maxPrecision: 60 });
    expect(c.precisions).toEqual([30, 60]);
    expect(v.verdict).toBe('inconclusive');
    expect(v.bound).toBe('-Infinity');
    expect(v.ratio).toBeUndefined();
    const d = claimOf((_x, A) => ({ lhs: A.div(A.point(1), A.between(0, 1)), bound: A.point(1), margin: A.point(1) }));
    const w = decide(d, { x: '0' }, { maxPrecision: 60 });
    expect(w.verdict).toBe('holds');
    expect(w.lhs).toBe('-Infinity');
    expect(w.ratio).toBeUndefined();
    const e = claimOf((_x, A) => ({ lhs: A.point(1), bound: A.hull(A.point(1), A.div(A.point(1), A.between('1e-9', 1))), margin: A.point(1) }));
    expect(decide(e, { x: '0' }, { maxPrecision: 60 }).bound).toBe('500000000.5');
  });

  it('omits the ratio when a side is unbounded at one end', () => {
    const halfLine = new Interval(new ExactDecimal(-Infinity), new ExactDecimal(2));
    const c = claimOf((_x, A) => ({ lhs: A.point(1), bound: halfLine, margin: A.point(1) }));
    const v = decide(c, { x: '0' }, { maxPrecision: 30 });
    expect(v.verdict).toBe('holds');
    expect(v.ratio).toBeUndefined();
    const d = claimOf((_x, A) => ({ lhs: new Interval(new ExactDecimal(1), new ExactDecimal(Infinity)), bound: A.point(2), margin: A.point(1) }));
    expect(decide(d, { x: '0' }, { maxPrecision: 30 }).ratio).toBeUndefined();
  });

  it('omits the ratio when the bound is 0', () => {
    const c = claimOf((_x, A) => ({ lhs: A.point(0), bound: A.point(0) }));
    expect(decide(c, { x: '0' })).toEqual({ verdict: 'holds', lhs: '0', bound: '0', precision: 30 });
  });

  it('is inapplicable when a hypothesis fails, naming it', () => {
    const c = claimOf((x, A) => ({ lhs: A.point(x), bound: A.point(2) }));
    expect(decide(c, { x: '-1' })).toEqual({ verdict: 'inapplicable', hypothesis: 'positive', reason: 'hypothesis positive fails: x = -1 is negative' });
    expect(c.precisions).toEqual([]);
  });

  it('turns every failure into an error verdict with its reason', () => {
    const c = claimOf((x, A) => ({ lhs: A.point(x), bound: A.point(2) }));
    expect(decide(c, {})).toEqual({ verdict: 'error', reason: 'argument x is required, got nothing' });
    const throwing = (thrown: unknown) =>
      claimOf(() => {
        throw thrown;
      });
    const parseFails = defineClaim<string>({
      id: 'p',
      parse: () => {
        throw new TypeError('bad shape');
      },
      hypotheses: () => undefined,
      evaluate: (_x, A) => ({ lhs: A.point(0), bound: A.point(0) }),
    });
    expect(decide(parseFails, {})).toEqual({ verdict: 'error', reason: 'could not read the arguments: bad shape' });
    const parseFailsOddly = { ...parseFails, parse: () => { throw 'plain'; } };
    expect(decide(parseFailsOddly, {})).toEqual({ verdict: 'error', reason: 'could not read the arguments: plain' });
    expect(decide(throwing(new ArgumentError('y', 3, 'must be small')), { x: '1' })).toEqual({ verdict: 'error', reason: 'argument y must be small, got 3' });
    expect(decide(throwing(new ArithmeticDomainError('ln', arithAt(10).point(-1))), { x: '1' })).toEqual({
      verdict: 'error',
      reason: 'cannot evaluate: ln is undefined on [-1, -1]',
    });
    expect(decide(throwing(new Error('boom')), { x: '1' })).toEqual({ verdict: 'error', reason: 'evaluation failed: boom' });
    expect(decideParsed(throwing(new Error('boom')), '1')).toEqual({ verdict: 'error', reason: 'evaluation failed: boom' });
  });
});

describe('isKnownTo and formatTo', () => {
  const A = arithAt(40);
  it('decides whether an enclosure fixes the requested digits', () => {
    expect(isKnownTo(A.point('1.23456'), 2)).toBe(true);
    expect(isKnownTo(A.between('1.231', '1.234'), 3)).toBe(true);
    expect(isKnownTo(A.between('1.231', '1.236'), 3)).toBe(false);
    expect(isKnownTo(A.between('1.231', '1.236'), 2)).toBe(true);
    expect(isKnownTo(A.div(A.point(1), A.between(0, 1)), 2)).toBe(false);
    expect(isKnownTo(A.hull(A.point(1), A.div(A.point(1), A.between('1e-9', 1))), 2)).toBe(false);
  });

  it('prints the midpoint to the requested digits, half to even', () => {
    expect(formatTo(A.point('1.25'), 2)).toBe('1.2');
    expect(formatTo(A.point('1.35'), 2)).toBe('1.4');
    expect(formatTo(A.between('1.2', '1.4'), 2)).toBe('1.3');
    expect(formatTo(A.between('1', '2'), 3)).toBe('1.5');
    expect(formatTo(A.between('-3', '-1'), 3)).toBe('-2');
    expect(formatTo(A.div(A.point(1), A.between(0, 1)), 3)).toBe('-Infinity');
    expect(formatTo(A.hull(A.point(1), A.div(A.point(1), A.between('1e-9', 1))), 3)).toBe('500000000');
    expect(formatTo(new Interval(new ExactDecimal(1), new ExactDecimal(Infinity)), 3)).toBe('Infinity');
    expect(formatTo(new Interval(new ExactDecimal(-Infinity), new ExactDecimal(1)), 3)).toBe('-Infinity');
    expect(isKnownTo(new Interval(new ExactDecimal(1), new ExactDecimal(Infinity)), 3)).toBe(false);
    expect(isKnownTo(new Interval(new ExactDecimal(-Infinity), new ExactDecimal(1)), 3)).toBe(false);
  });
});

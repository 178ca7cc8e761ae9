/**
 * Exact values of every claim of lemma softmax-hardmax (kills mutants of `proof/softmax-hardmax.ts`;
 * the softmax helpers of `src/math/softmax.ts` are tested in `softmax.mutation.test.ts`): each side is compared, to the 20 reported
 * digits, with an independent closed-form computation at 80 digits; the tight family is decided at
 * the first precision only through the cancellation-free margins.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { MAX_SCORES, MAX_VALUE_COLUMNS, attention, l1, linf, marginNecessary, monotone, softmaxHardmax, temperature } from '../../proof/softmax-hardmax.ts';
import { arithAt } from '../arith/interval.ts';
import { decide, DOUBLE_DOUBLE_DIGITS } from '../verdict/decide.ts';
import type { ClaimDefinition } from '../registry/define.ts';
import type { Verdict } from '../verdict/verdict.ts';

const Ref = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_EVEN });
const r20 = (x: Decimal): string => x.toSignificantDigits(20, Decimal.ROUND_HALF_EVEN).toString();

/** Reference softmax of λz: the probabilities, the maximiser and the margin. */
function reference(z: readonly string[], lambda: Decimal.Value) {
  const zs = z.map((x) => new Ref(x));
  const top = Decimal.max(...zs);
  const iStar = zs.findIndex((x) => x.eq(top));
  const w = zs.map((x) => Ref.exp(new Ref(lambda).mul(x.minus(top))));
  const total = w.reduce((a, b) => a.plus(b), new Ref(0));
  const p = w.map((x) => x.div(total));
  const second = Decimal.max(...zs.filter((_, j) => j !== iStar));
  const margin = top.minus(second);
  const bound = new Ref(z.length - 1).mul(Ref.exp(new Ref(lambda).neg().mul(margin)));
  return { p, iStar, margin, bound, tail: new Ref(1).minus(p[iStar]!) };
}

describe('lemma softmax-hardmax', () => {
  it('lists its claims and finding', () => {
    expect(softmaxHardmax.id).toBe('softmax-hardmax');
    expect(softmaxHardmax.kind).toBe('lemma');
    expect(softmaxHardmax.uses).toEqual([]);
    expect(softmaxHardmax.claims.map((c) => c.id)).toEqual(['linf', 'l1', 'attention', 'temperature', 'monotone']);
    expect(softmaxHardmax.findings.map((c) => [c.id, c.drops])).toEqual([['margin-necessary', 'margin']]);
    expect([MAX_SCORES, MAX_VALUE_COLUMNS]).toEqual([10_000, 1_000]);
  });

  it('linf and l1 report 1 − p* and ‖p − e‖₁ with their bounds', () => {
    const z = ['0.25', '1', '-0.5', '0.75'];
    const ref = reference(z, '3');
    const v = decide(linf, { z, lambda: '3' });
    expect(v).toMatchObject({ verdict: 'holds', lhs: r20(ref.tail), bound: r20(ref.bound), precision: DOUBLE_DOUBLE_DIGITS, arithmetic: 'double-double' });
    const w = decide(l1, { z, lambda: '3' });
    const l1Ref = ref.p.reduce((a, pj, j) => a.plus(j === ref.iStar ? new Ref(1).minus(pj) : pj), new Ref(0));
    expect(w).toMatchObject({ verdict: 'holds', lhs: r20(l1Ref), bound: r20(ref.bound.mul(2)), precision: DOUBLE_DOUBLE_DIGITS, arithmetic: 'double-double' });
  });

  it('decides the tight family at the first precision through the margin', () => {
    const decimalOnly = <A,>(c: ClaimDefinition<A>): ClaimDefinition<A> => ({ id: c.id, parse: c.parse, hypotheses: c.hypotheses, evaluate: c.evaluate });
    // the decimal path at its first precision, and the fast path with the same values
    const both = <A,>(claim: ClaimDefinition<A>, raw: Record<string, unknown>): Verdict => {
      const slow = decide(decimalOnly(claim), raw);
      const fast = decide(claim, raw);
      expect(fast.arithmetic, JSON.stringify(raw)).toBe('double-double');
      expect([fast.verdict, fast.lhs, fast.bound, fast.ratio]).toEqual([slow.verdict, slow.lhs, slow.bound, slow.ratio]);
      return slow;
    };
    for (const claim of [linf, l1]) {
      const v = both(claim, { z: ['0', '-1', '-1'], lambda: '1000' });
      expect(v.verdict).toBe('holds');
      expect(v.precision).toBe(30);
      expect(v.ratio).toBe('1');
    }
    const twoF = new Ref(-1000).exp().mul(2); // S = 2e^{−1000}, 1 − p* = S/(1 + S)
    expect(both(linf, { z: ['0', '-1', '-1'], lambda: '1000' })).toMatchObject({ lhs: r20(twoF.div(twoF.plus(1))), bound: r20(twoF) });
    // column 0 mixes −1 and +1 to exactly 0: the fast path cannot prove the sign of that sum, the decimal path decides
    const a = decide(attention, { z: ['0', '-1', '-1'], lambda: '1000', v: [['1', '0'], ['0', '1'], ['2', '1']] });
    expect(a).toMatchObject({ verdict: 'holds', precision: 30 });
    expect(both(attention, { z: ['0', '-1', '-1'], lambda: '1000', v: [['1', '0'], ['2', '0'], ['2', '1']] })).toMatchObject({ verdict: 'holds', precision: 30 });
    const t = decide(temperature, { z: ['0', '-1', '-1'], epsilon: '1e-300' }); // ε·S below the double range: decimal
    expect(t).toMatchObject({ verdict: 'holds', precision: 30, bound: '1e-300', ratio: '1' });
    const m = both(monotone, { z: ['0', '-1', '-2'], lambda1: '500', lambda2: '500.000001' });
    expect(m).toMatchObject({ verdict: 'holds', precision: 30 });
  });

  it('attention reports the mixing error and its bound', () => {
    const z = ['0.5', '1', '0'];
    const v = [['1', '-2'], ['0', '1'], ['3', '0.5']];
    const ref = reference(z, '2');
    const mixed = [0, 1].map((c) => ref.p.reduce((a, pj, j) => a.plus(pj.mul(v[j]![c]!)), new Ref(0)).minus(v[1]![c]!).abs());
    const spread = Decimal.max(...v.flatMap((row) => row.map((x, c) => new Ref(x).minus(v[1]![c]!).abs())));
    const got = decide(attention, { z, lambda: '2', v });
    expect(got).toMatchObject({ verdict: 'holds', lhs: r20(Decimal.max(...mixed)), bound: r20(ref.bound.mul(spread)) });
    const one = decide(attention, { z: ['1', '0'], lambda: '2', v: [['5'], ['5']] });
    expect(one).toMatchObject({ verdict: 'holds', lhs: '0', bound: '0' });
  });

  it('temperature evaluates at λ = ln((n−1)/ε)/Δ', () => {
    const z = ['0', '-0.5', '-2'];
    const lambda = Ref.ln(new Ref(2).div('0.1')).div('0.5');
    const ref = reference(z, lambda);
    expect(decide(temperature, { z, epsilon: '0.1' })).toMatchObject({ verdict: 'holds', lhs: r20(ref.tail), bound: '0.1' });
  });

  it('monotone compares the tails at two temperatures', () => {
    const z = ['0', '-0.5', '-2'];
    const got = decide(monotone, { z, lambda1: '1', lambda2: '2' });
    expect(got).toMatchObject({ verdict: 'holds', lhs: r20(reference(z, 2).tail), bound: r20(reference(z, 1).tail) });
    expect(decide(monotone, { z, lambda1: '2', lambda2: '2' })).toMatchObject({ verdict: 'holds', ratio: '1' });
    expect(decide(monotone, { z: ['1', '1'], lambda1: '1', lambda2: '3' })).toMatchObject({ verdict: 'holds', lhs: '0.5', bound: '0.5' });
  });

  it('margin-necessary is violated on a tie', () => {
    const got = decide(marginNecessary, { z: ['1', '1', '0'], lambda: '50', epsilon: '0.4' });
    expect(got).toMatchObject({ verdict: 'violated', lhs: r20(reference(['1', '1', '0'], 50).tail), bound: '0.4' });
  });

  it('names the failing hypothesis', () => {
    expect(decide(linf, { z: ['1'], lambda: '1' })).toMatchObject({
      verdict: 'inapplicable',
      hypothesis: 'scores',
      reason: 'hypothesis scores fails: n = 1, but at least 2 scores are needed',
    });
    expect(decide(linf, { z: ['1', '2'], lambda: '0' })).toMatchObject({
      hypothesis: 'temperature',
      reason: 'hypothesis temperature fails: lambda = 0 is not > 0',
    });
    expect(decide(l1, { z: ['2', '1', '2', '2'], lambda: '1' })).toMatchObject({
      hypothesis: 'margin',
      reason: 'hypothesis margin fails: tie: z[0] = z[2] = z[3] = 2, so Δ = 0',
    });
    expect(decide(attention, { z: ['2', '2'], lambda: '1', v: [['1'], ['2']] })).toMatchObject({ hypothesis: 'margin' });
    expect(decide(attention, { z: ['2', '1'], lambda: '-1', v: [['1'], ['2']] })).toMatchObject({ hypothesis: 'temperature' });
    for (const epsilon of ['0', '1', '-0.5', '2']) {
      expect(decide(temperature, { z: ['1', '0'], epsilon })).toMatchObject({
        hypothesis: 'accuracy',
        reason: `hypothesis accuracy fails: epsilon = ${epsilon} is not in (0, 1)`,
      });
      expect(decide(marginNecessary, { z: ['1', '1'], lambda: '1', epsilon })).toMatchObject({ hypothesis: 'accuracy' });
    }
    expect(decide(temperature, { z: ['1'], epsilon: '0.5' })).toMatchObject({ hypothesis: 'scores' });
    expect(decide(temperature, { z: ['1', '1'], epsilon: '0.5' })).toMatchObject({ hypothesis: 'margin' });
    expect(decide(monotone, { z: ['1', '0'], lambda1: '3', lambda2: '2' })).toMatchObject({
      hypothesis: 'temperature',
      reason: 'hypothesis temperature fails: lambda1 = 3 exceeds lambda2 = 2',
    });
    expect(decide(monotone, { z: ['1', '0'], lambda1: '0', lambda2: '2' })).toMatchObject({
      reason: 'hypothesis temperature fails: lambda1 = 0 is not > 0',
    });
    expect(decide(monotone, { z: ['1'], lambda1: '1', lambda2: '2' })).toMatchObject({ hypothesis: 'scores' });
    expect(decide(marginNecessary, { z: ['1'], lambda: '1', epsilon: '0.5' })).toMatchObject({ hypothesis: 'scores' });
    expect(decide(marginNecessary, { z: ['1', '1'], lambda: '0', epsilon: '0.5' })).toMatchObject({ hypothesis: 'temperature' });
  });

  it('rearranged margins enclose the same number as bound − lhs', () => {
    // at 200 digits the direct difference is accurate on these non-tight probes; the margin must agree
    const A = arithAt(200);
    const probes = ([
      [linf, { z: ['0.3', '1', '-0.5', '0.9'], lambda: '4' }],
      [l1, { z: ['0.3', '1', '-0.5', '0.9'], lambda: '4' }],
      [attention, { z: ['0.3', '1', '-0.5'], lambda: '2', v: [['1', '-2', '0'], ['0', '1', '0.5'], ['3', '0.5', '-4']] }],
      [attention, { z: ['1', '0.3', '-0.5'], lambda: '2', v: [['0', '1'], ['-1', '2'], ['2', '-3']] }],
      [attention, { z: ['1', '0.3', '-0.5'], lambda: '2', v: [['0', '0'], ['3', '1'], ['1', '0']] }],
      [temperature, { z: ['0', '-0.5', '-2', '-0.7'], epsilon: '0.2' }],
      [monotone, { z: ['0', '-0.5', '-2'], lambda1: '1', lambda2: '2' }],
      [monotone, { z: ['-2', '0', '-0.5'], lambda1: '0.5', lambda2: '3' }],
    ] as Array<[unknown, Record<string, unknown>]>).map(([c, raw]) => [c as ClaimDefinition<unknown>, raw] as const);
    for (const [claim, raw] of probes) {
      const args = claim.parse(raw);
      const e = claim.evaluate(args, A);
      const direct = A.sub(e.bound, e.lhs);
      const margin = e.margin!;
      const scale = direct.hi.abs();
      expect(margin.lo.minus(direct.hi).lte(scale.mul('1e-150')), `${claim.id} ${JSON.stringify(raw)}: margin ${margin.lo.toString()}`).toBe(true);
      expect(direct.lo.minus(margin.hi).lte(scale.mul('1e-150')), `${claim.id} ${JSON.stringify(raw)}: margin ${margin.hi.toString()}`).toBe(true);
      expect(margin.hi.minus(margin.lo).lte(scale.mul('1e-150'))).toBe(true);
    }
  });

  it('names each argument in its parse errors', () => {
    const bad = 'x';
    expect(decide(linf, { z: ['1', '0'], lambda: bad }).reason).toMatch(/^argument lambda /);
    expect(decide(temperature, { z: ['1', '0'], epsilon: bad }).reason).toMatch(/^argument epsilon /);
    expect(decide(monotone, { z: ['1', '0'], lambda1: bad, lambda2: '1' }).reason).toMatch(/^argument lambda1 /);
    expect(decide(monotone, { z: ['1', '0'], lambda1: '1', lambda2: bad }).reason).toMatch(/^argument lambda2 /);
    expect(decide(marginNecessary, { z: ['1', '0'], lambda: '1', epsilon: bad }).reason).toMatch(/^argument epsilon /);
    expect(decide(marginNecessary, { z: ['1', '1'], lambda: '1', epsilon: '2' }).reason).toBe('hypothesis accuracy fails: epsilon = 2 is not in (0, 1)');
  });

  it('reads its arguments with their limits', () => {
    const many = Array.from({ length: MAX_SCORES }, () => '0');
    expect(linf.parse({ z: many, lambda: '1' }).z).toHaveLength(MAX_SCORES);
    expect(decide(linf, { z: [...many, '0'], lambda: '1' })).toEqual({
      verdict: 'error',
      reason: expect.stringMatching(/^argument z must have between 0 and 10000 entries \(has 10001\)/),
    });
    expect(decide(linf, { lambda: '1' }).reason).toBe('argument z is required, got nothing');
    expect(decide(l1, { z: ['1', '0'] }).reason).toBe('argument lambda is required, got nothing');
    expect(decide(attention, { z: ['1', '0'], lambda: '1' }).reason).toBe('argument v is required, got nothing');
    expect(decide(attention, { z: ['1', '0'], lambda: '1', v: [['1']] }).reason).toMatch(/^argument v must have 2 rows \(has 1\)/);
    const wide = Array.from({ length: MAX_VALUE_COLUMNS }, () => '0');
    expect((attention.parse({ z: ['1', '0'], lambda: '1', v: [wide, wide] }) as { v: unknown[][] }).v[0]).toHaveLength(MAX_VALUE_COLUMNS);
    expect(decide(attention, { z: ['1', '0'], lambda: '1', v: [[...wide, '0'], wide] }).reason).toMatch(/^argument v\[0\] must have between 1 and 1000 entries/);
    expect(decide(temperature, { z: ['1', '0'] }).reason).toBe('argument epsilon is required, got nothing');
    expect(decide(monotone, { z: ['1', '0'], lambda1: '1' }).reason).toBe('argument lambda2 is required, got nothing');
    expect(decide(monotone, { z: ['1', '0'], lambda2: '1' }).reason).toBe('argument lambda1 is required, got nothing');
    expect(decide(marginNecessary, { z: ['1', '0'], lambda: '1' }).reason).toBe('argument epsilon is required, got nothing');
    expect(decide(marginNecessary, { z: ['1', '0'], epsilon: '0.5' }).reason).toBe('argument lambda is required, got nothing');
  });
});

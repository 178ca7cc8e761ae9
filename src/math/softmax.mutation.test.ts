/**
 * The decimal softmax helpers of `src/math/softmax.ts` (maximiser, runner-up, ties, the tail
 * `1 − p*` relative to the maximiser, the slack below the margin term) against an independent
 * closed-form computation at 80 digits; the enclosures must hold the exact values and be narrow.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import { arithAt } from '../arith/interval.ts';
import { hasTie, maximiserOf, runnerUpOf, slackBelowMarginTerm, softmaxTail } from './softmax.ts';

const Ref = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_EVEN });
const dec = (xs: readonly string[]): Decimal[] => xs.map((x) => new ExactDecimal(x));

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

describe('softmax helpers', () => {
  it('find the first maximiser, the runner-up and ties', () => {
    expect(maximiserOf(dec(['1', '3', '3', '2']))).toBe(1);
    expect(maximiserOf(dec(['5', '3']))).toBe(0);
    expect(runnerUpOf(dec(['1', '3', '3', '2']), 1)).toBe(2);
    expect(runnerUpOf(dec(['5', '3', '4']), 0)).toBe(2);
    expect(runnerUpOf(dec(['3', '5', '4']), 1)).toBe(2);
    expect(runnerUpOf(dec(['4', '5', '3']), 1)).toBe(0);
    expect(runnerUpOf(dec(['4', '4']), 0)).toBe(1);
    expect(hasTie(dec(['1', '3', '3']))).toBe(true);
    expect(hasTie(dec(['3', '1', '3']))).toBe(true);
    expect(hasTie(dec(['1', '3', '2']))).toBe(false);
  });

  it('softmaxTail and slackBelowMarginTerm enclose their closed forms', () => {
    const z = ['0.5', '2', '-1', '1.5'];
    const A = arithAt(40);
    const t = softmaxTail(dec(z), A.point('1.5'), A);
    const ref = reference(z, '1.5');
    expect(t.iStar).toBe(1);
    expect(t.margin.lo.toString()).toBe('0.5');
    expect(t.weights[1]!.isPoint && t.weights[1]!.lo.eq(1)).toBe(true);
    const enclose = (x: { lo: Decimal; hi: Decimal }, v: Decimal) => {
      expect(x.lo.lte(v) && x.hi.gte(v), `${x.lo.toString()}..${x.hi.toString()} vs ${v.toString()}`).toBe(true);
      expect(x.hi.minus(x.lo).lte(v.abs().mul('1e-35'))).toBe(true);
    };
    enclose(t.tail, ref.tail);
    const S = ref.tail.div(new Ref(1).minus(ref.tail));
    enclose(t.tailSum, S);
    enclose(t.normaliser, S.plus(1));
    ref.p.forEach((pj, j) => enclose(A.div(t.weights[j]!, t.normaliser), pj));
    // Σ_{j≠i*} (e^{−λΔ} − w_j)
    const perTerm = Ref.exp(new Ref('-0.75'));
    const slackRef = [0, 2, 3].map((j) => perTerm.minus(ref.p[j]!.div(ref.p[1]!))).reduce((a, b) => a.plus(b));
    enclose(slackBelowMarginTerm(dec(z), A.point('1.5'), A.exp(A.point('-0.75')), A), slackRef);
  });
});

describe('softmaxTail on a tie and at a huge temperature', () => {
  it('a tie gives margin 0 and weight 1 for the tied entry; the maximiser is the first one', () => {
    const A = arithAt(30);
    const t = softmaxTail(dec(['2', '1', '2']), A.point('3'), A);
    expect(t.iStar).toBe(0);
    expect(t.margin.lo.isZero() && t.margin.hi.isZero()).toBe(true);
    expect(t.weights[2]!.lo.lte(1) && t.weights[2]!.hi.gte(1)).toBe(true);
    expect(t.weights[0]!.isPoint && t.weights[0]!.lo.eq(1)).toBe(true);
    // S = 1 + e^{−3}, 1 − p* = S/(1 + S)
    const S = new Ref(1).plus(new Ref(-3).exp());
    expect(t.tail.lo.lte(S.div(S.plus(1))) && t.tail.hi.gte(S.div(S.plus(1)))).toBe(true);
  });

  it('λΔ = 10^5: the tail underflows nowhere near 0 in decimal.js, and stays positive and enclosed', () => {
    const A = arithAt(30);
    const t = softmaxTail(dec(['0', '-1']), A.point('100000'), A);
    const exact = new Ref(-100000).exp();
    expect(t.tailSum.lo.lte(exact) && t.tailSum.hi.gte(exact)).toBe(true);
    expect(t.tail.lo.gt(0)).toBe(true);
    const slack = slackBelowMarginTerm(dec(['0', '-1', '-3']), A.point('2'), A.exp(A.point('-2')), A);
    const slackRef = new Ref(-2).exp().minus(new Ref(-6).exp()); // the runner-up's term is 0
    expect(slack.lo.lte(slackRef) && slack.hi.gte(slackRef)).toBe(true);
    expect(slack.hi.minus(slack.lo).lte(slackRef.mul('1e-25'))).toBe(true);
  });
});

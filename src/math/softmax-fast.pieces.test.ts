/**
 * The fast softmax's pieces on the inputs the mutation run found untested, each against exact or
 * 100-digit references: the scores read onto one scale (the margin exact when the spread reaches 2⁵³,
 * the excesses aligned with their indices on the BigInt path, ties flagged, out-of-range balls
 * refused), every ball of the factored tail (`u_j`, `U`, `Σ(1 − u_j)`, `S·10^E`, `1 + S`, the tail) for
 * score vectors where the scratch balls of the result and of the weights `u_j` could be confused, and
 * the values of `attention` read exactly or refused.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { readPositiveFast } from '../arith/double-double-input.ts';
import type { DDBall } from '../arith/double-double.ts';
import { containsExactly, Exact } from '../arith/exact-ball.test-support.ts';
import { readScoresFast, readValuesFast, scaledTail } from './softmax-fast.ts';

const Ref = Decimal.clone({ precision: 100, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
/** An error bound of a 100-digit reference `x` (decimal.js rounds exp correctly; a few operations after it, none cancelling). */
const refError = (x: Decimal): Decimal => x.abs().times('1e-55');

/** The ball contains the exact `x` (a decimal string or an exact Decimal). */
const holdsExactly = (b: DDBall | undefined, x: Decimal.Value): boolean => b !== undefined && containsExactly(b, new Exact(x));
/** The ball contains the reference `x`, with its error bound. */
const holdsRef = (b: DDBall | undefined, x: Decimal): boolean => b !== undefined && containsExactly(b, new Exact(x), refError(x));

describe('readScoresFast', () => {
  it('takes the exact BigInt path when the spread of the integers is 2⁵³ + 3, whatever the order of the others', () => {
    for (const z of [['900719925474099e1', '-3', '-3'], ['-3', '-3', '900719925474099e1'], ['-3', '900719925474099e1', '-3', '-2']]) {
      const s = readScoresFast(z, 2, 10)!;
      const top = z.indexOf('900719925474099e1');
      const second = z.includes('-2') ? z.indexOf('-2') : top === 0 ? 1 : 0;
      expect([s.iStar, s.runnerUp, BigInt(s.deltaInteger) * 10n ** BigInt(s.scaleExponent)], z.join()).toEqual([top, second, 9007199254740990n - BigInt(z[second]!)]);
      expect(holdsExactly(s.delta, new Exact('9007199254740990').minus(z[second]!)), z.join()).toBe(true);
    }
  });

  it('on the BigInt path, puts each excess at its own index and flags a tie', () => {
    const s = readScoresFast(['12345678901234567890', '1', '2'], 2, 10)!;
    expect([s.iStar, s.runnerUp, s.tie, s.excess.length, s.excess[0], s.excess[2]]).toEqual([0, 2, false, 3, undefined, undefined]);
    expect(holdsExactly(s.excess[1], 1)).toBe(true); // d_1 − Δ = z_2 − z_1
    const t = readScoresFast(['0', '12345678901234567890', '-5', '12345678901234567890'], 2, 10)!;
    expect([t.iStar, t.runnerUp, t.tie, t.excess.length, t.excess[0] !== undefined, t.excess[2] !== undefined]).toEqual([1, 3, true, 4, true, true]);
    expect(holdsExactly(t.excess[2], '12345678901234567895')).toBe(true);
    const tie = readScoresFast(['12345678901234567890', '12345678901234567890', '0'], 2, 10)!;
    expect([tie.tie, tie.deltaInteger]).toEqual([true, 0n]);
  });

  it('refuses scores whose margin or excesses leave the range of the balls (the decimal path reads them)', () => {
    expect(readScoresFast(['2e-200', '1e-200'], 2, 10)).toBeUndefined(); // Δ = 10⁻²⁰⁰, doubles
    expect(readScoresFast(['2.0000000000000000001e-200', '1e-200'], 2, 10)).toBeUndefined(); // Δ ≈ 10⁻²⁰⁰, BigInts
    expect(readScoresFast(['2.0000000000000000001e140', '1e140', '-9e154'], 2, 10)).toBeUndefined(); // an excess ≈ 9·10¹⁵⁴ > 2⁵⁰⁰
  });
});

describe('scaledTail: every ball of the factored softmax', () => {
  /** Checks each ball of the tail of `z` at `λ` against references computed from the decimal scores. */
  function checkTail(z: readonly string[], lambdaText: string): number {
    const scores = readScoresFast(z, 2, 100)!;
    const t = scaledTail(scores, readPositiveFast(lambdaText)!)!;
    const lambda = new Ref(lambdaText);
    const zs = z.map((x) => new Ref(x));
    const top = zs[t.iStar]!;
    const delta = top.minus(zs[scores.runnerUp]!);
    const label = `${z.join()} at λ = ${lambdaText}`;
    let u = new Ref(0);
    let slack = new Ref(0);
    zs.forEach((zj, j) => {
      if (j === t.iStar) return expect(t.relative[j], label).toBeUndefined();
      const excess = top.minus(zj).minus(delta);
      const uj = lambda.times(excess).neg().exp();
      expect(excess.isZero() ? holdsExactly(t.relative[j], 1) : holdsRef(t.relative[j], uj), `${label}: u_${j} = ${uj.toPrecision(10)} not in ${t.relative[j]?.toString()}`).toBe(true);
      u = u.plus(uj);
      slack = slack.plus(new Ref(1).minus(uj));
    });
    const f = lambda.times(delta).neg().exp().times(new Ref(10).pow(t.exponent10)); // F·10^E
    const s = lambda.times(delta).neg().exp().times(u);
    expect(holdsRef(t.factor, f), `${label}: f`).toBe(true);
    expect(holdsRef(t.relativeSum, u), `${label}: U`).toBe(true);
    expect(holdsRef(t.relativeSlack, slack), `${label}: Σ(1 − u_j)`).toBe(true);
    expect(holdsRef(t.tailSum, f.times(u)), `${label}: S·10^E`).toBe(true);
    expect(containsExactly(t.normaliser, new Exact(s).plus(1), refError(s)), `${label}: 1 + S`).toBe(true); // 1 + S exactly, S's error
    expect(holdsRef(t.tail, f.times(u).div(s.plus(1))), `${label}: (1 − p*)·10^E`).toBe(true);
    return t.exponent10;
  }

  it('with weights u_j below 1 at the indices n − 3, n − 4, n − 5 (the scratch balls of the sums), unscaled and scaled', () => {
    expect(checkTail(['5', '0', '1', '0.5', '4', '4'], '1.5')).toBe(0);
    expect(checkTail(['3', '0', '2', '2'], '2')).toBe(0);
    expect(checkTail(['0', '3', '2', '2'], '2')).toBe(0);
    expect(checkTail(['5', '0', '4', '4', '4', '4'], '0.75')).toBe(0);
    expect(checkTail(['5', '3.9', '3.95', '3.99', '4', '4'], '200')).toBeGreaterThan(0); // λΔ = 200: F = f·10^{−E}
    expect(checkTail(['1', '-0.01', '-0.005', '-0.001', '0'], '160')).toBeGreaterThan(0);
  });
});

describe('readValuesFast: exact balls or nothing', () => {
  /** Reads `v` for the maximiser row `iStar`; when it reads, every ball encloses its exact value. */
  function readExactly(v: string[][], iStar: number): boolean {
    const read = readValuesFast(v, v.length, iStar, 10);
    if (read === undefined) return false;
    const delta = (j: number, c: number): Decimal => new Exact(v[j]![c]!).minus(v[iStar]![c]!);
    let spread = new Exact(0);
    v.forEach((row, j) => row.forEach((_, c) => (spread = Exact.max(spread, delta(j, c).abs()))));
    expect(holdsExactly(read.spread, spread), `M of ${JSON.stringify(v)}`).toBe(true);
    v.forEach((row, j) =>
      row.forEach((_, c) => {
        const d = delta(j, c);
        const label = `${JSON.stringify(v)} at ${j}, ${c}`;
        if (d.isZero()) expect(read.deltas[j]![c], label).toBeUndefined();
        else expect(holdsExactly(read.deltas[j]![c], d), label).toBe(true);
        expect(holdsExactly(read.belowSpread[j]![c], spread.minus(d)), `M − δ ${label}`).toBe(true);
        expect(holdsExactly(read.aboveSpread[j]![c], spread.plus(d)), `M + δ ${label}`).toBe(true);
      }),
    );
    return true;
  }

  it('refuses a spread of 2⁵³ + 3 units, which doubles would round', () => {
    expect(readExactly([['900719925474099e1'], ['-3']], 0)).toBe(false);
    expect(readExactly([['900719925474099e1'], ['-3']], 1)).toBe(false);
    expect(readExactly([['450359962737049e1'], ['-3']], 0)).toBe(true); // 2⁵² + 3: 2M still below 2⁵³
  });

  it('refuses values whose M − δ or M + δ leaves the range of the balls while M does not', () => {
    // (0 written as 0e150: a zero with an exponent below the common one makes the reader decline anyway)
    expect(readExactly([['2e150'], ['0e150']], 0)).toBe(false); // M − δ = 4·10¹⁵⁰ > 2⁵⁰⁰
    expect(readExactly([['0e150'], ['2e150']], 0)).toBe(false); // M + δ = 4·10¹⁵⁰
    expect(readExactly([['1e150'], ['0e150']], 0)).toBe(true);
    expect(readExactly([['0e150'], ['1e150']], 0)).toBe(true);
    expect(readExactly([['1', '-2.5'], ['0.5', '4'], ['3', '3']], 2)).toBe(true);
  });
});

/**
 * Exact outputs of the ReLU networks of lemma piecewise-constant: generic one-hidden-layer networks
 * (shape checks, evaluation, affine pieces with shared, crossed and flat kinks), the ramp and the
 * quantiser (weights, values inside and outside the transition zones, the zones' measure), and the size
 * estimate that caps the quantiser.
 */
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import { Rational } from '../arith/rational.ts';
import { axisGrid } from './grid.ts';
import { quantise, quantiserBits, quantiserError, quantiserNetwork, rampNetwork, transitionFraction, transitionMeasure } from './quantiser.ts';
import { affinePieces, checkNetwork, evaluateNetwork, unitCount, unitWeights, type ReluNetwork1D } from './relu-network.ts';

const r = (s: string): Rational => Rational.fromDecimal(new ExactDecimal(s));
const q = (n: number, d = 1): Rational => Rational.of(n, d);
const net = (units: Array<[bigint, bigint, bigint]>, hiddenDenominator = 1n, outputDenominator = 1n, outputBias = Rational.ZERO): ReluNetwork1D => ({
  hiddenDenominator,
  inputWeights: units.map((u) => u[0]),
  hiddenBiases: units.map((u) => u[1]),
  outputDenominator,
  outputWeights: units.map((u) => u[2]),
  outputBias,
});
const pieces = (n: ReluNetwork1D, lo: Rational, hi: Rational, extra: Rational[] = []): string[] =>
  affinePieces(n, lo, hi, extra).map((p) => `(${p.from.toString()}, ${p.to.toString()}): ${p.slope.toString()}x + ${p.intercept.toString()}`);

describe('one-hidden-layer networks', () => {
  it('checkNetwork names the mismatch and refuses a zero denominator on either layer', () => {
    const ok = net([[1n, 0n, 1n]]);
    expect(() => checkNetwork(ok)).not.toThrow();
    expect(() => checkNetwork({ ...ok, hiddenBiases: [] })).toThrow('ReluNetwork1D: 1 input weights but 0 biases and 1 output weights');
    expect(() => checkNetwork({ ...ok, outputWeights: [1n, 2n] })).toThrow('1 input weights but 1 biases and 2 output weights');
    expect(() => checkNetwork({ ...ok, hiddenDenominator: 0n })).toThrow('ReluNetwork1D: denominators must be positive');
    expect(() => checkNetwork({ ...ok, outputDenominator: -1n })).toThrow('denominators must be positive');
    expect(() => checkNetwork({ ...ok, outputDenominator: 0n })).toThrow('denominators must be positive');
  });

  it('unit weights as rationals over the shared denominators', () => {
    const n = net([[3n, -6n, 5n], [0n, 2n, -1n]], 6n, 10n);
    expect(unitCount(n)).toBe(2);
    const u = unitWeights(n, 0);
    expect([u.w.toString(), u.beta.toString(), u.v.toString()]).toEqual(['1/2', '-1', '1/2']);
    const v = unitWeights(n, 1);
    expect([v.w.toString(), v.beta.toString(), v.v.toString()]).toEqual(['0', '1/3', '-1/10']);
  });

  it('evaluates exactly: y = b0 + Σ v_j ReLU((w_j x + β_j)/D_h)/D_o', () => {
    // units ReLU(x/2 − 1)·(1/2) and ReLU(1/3)·(−1/10), output bias 1/4
    const n = net([[3n, -6n, 5n], [0n, 2n, -1n]], 6n, 10n, q(1, 4));
    expect(evaluateNetwork(n, q(0)).toString()).toBe('13/60'); // 1/4 − 1/30
    expect(evaluateNetwork(n, q(2)).toString()).toBe('13/60'); // the kink: the first unit is still 0
    expect(evaluateNetwork(n, q(4)).toString()).toBe('43/60'); // + (1/2)·1
    expect(evaluateNetwork(n, q(-7, 3)).toString()).toBe('13/60');
    expect(evaluateNetwork(net([]), q(5)).toString()).toBe('0');
  });

  it('affine pieces of a ramp, cut at extra breaks inside (lo, hi) only', () => {
    const ramp = rampNetwork(q(1, 2)); // kinks 0 and 1/2
    expect(pieces(ramp, q(-1), q(2))).toEqual(['(-1, 0): 0x + 0', '(0, 1/2): 2x + 0', '(1/2, 2): 0x + 1']);
    expect(pieces(ramp, q(-1), q(2), [q(1), q(5), q(0), q(-1)])).toEqual(['(-1, 0): 0x + 0', '(0, 1/2): 2x + 0', '(1/2, 1): 0x + 1', '(1, 2): 0x + 1']);
    // kinks at the ends are not breaks; the active set comes from the first piece's midpoint
    expect(pieces(ramp, q(0), q(1, 2))).toEqual(['(0, 1/2): 2x + 0']);
    expect(pieces(ramp, q(1, 4), q(3))).toEqual(['(1/4, 1/2): 2x + 0', '(1/2, 3): 0x + 1']);
  });

  it('affine pieces: two units sharing a kink switch together; a unit with w < 0 switches off; w = 0 is constant', () => {
    // ReLU(x) + ReLU(2x): both kinks at 0
    expect(pieces(net([[1n, 0n, 1n], [2n, 0n, 1n]]), q(-1), q(1))).toEqual(['(-1, 0): 0x + 0', '(0, 1): 3x + 0']);
    // ReLU(1 − x): on for x < 1
    expect(pieces(net([[-1n, 1n, 1n]]), q(0), q(2))).toEqual(['(0, 1): -1x + 1', '(1, 2): 0x + 0']);
    // 2·ReLU(3) (always on), −ReLU(−1) (always off), over D_out = 2, plus ReLU(x − 1)
    expect(pieces(net([[0n, 3n, 2n], [0n, -1n, -2n], [2n, -2n, 2n]], 1n, 2n, q(1, 2)), q(0), q(2))).toEqual(['(0, 1): 0x + 7/2', '(1, 2): 2x + 3/2']);
    // a unit switching on and another switching off at different kinks
    expect(pieces(net([[1n, -1n, 1n], [-1n, 2n, 1n]]), q(0), q(3))).toEqual(['(0, 1): -1x + 2', '(1, 2): 0x + 1', '(2, 3): 1x + -1']);
  });
});

describe('ramp and quantiser', () => {
  it('the ramp of width 3/2: weights over η.num, values 0, t/η, 1', () => {
    const ramp = rampNetwork(q(3, 2));
    expect([ramp.hiddenDenominator, ramp.inputWeights, ramp.hiddenBiases, ramp.outputDenominator, ramp.outputWeights]).toEqual([3n, [2n, 2n], [0n, -3n], 1n, [1n, -1n]]);
    expect(['-1', '0', '0.75', '1.5', '4'].map((t) => evaluateNetwork(ramp, r(t)).toString())).toEqual(['0', '0', '1/2', '1', '1']);
    expect(() => rampNetwork(q(-1, 2))).toThrow('ramp width eta must be > 0, got -1/2');
    expect(() => quantiserNetwork(axisGrid(q(0), q(1), 2), Rational.ZERO)).toThrow('ramp width eta must be > 0, got 0');
  });

  it('the quantiser on [−1/2, 1/4] with N = 3 and η = 1/20: exact weights and values', () => {
    const grid = axisGrid(r('-0.5'), r('0.25'), 3); // δ = 1/4, interior points −1/4 and 0
    const n = quantiserNetwork(grid, r('0.05'));
    // D = 2·4, A = −4, B = 2, N = 3: hidden denominator D·N·η.num = 24, w = η.den·D·N = 480
    expect(n.hiddenDenominator).toBe(24n);
    expect(n.outputDenominator).toBe(24n);
    expect(n.inputWeights).toEqual([480n, 480n, 480n, 480n]);
    expect(n.hiddenBiases).toEqual([120n, 96n, 0n, -24n]);
    expect(n.outputWeights).toEqual([6n, -6n, 6n, -6n]);
    expect(n.outputBias.toString()).toBe('-1/2');
    const at = (x: string): string => quantise(n, r(x)).toString();
    expect(['-0.5', '-0.3', '-0.25', '-0.225', '-0.2', '-0.1', '0', '0.025', '0.05', '0.25'].map(at)).toEqual(['-1/2', '-1/2', '-1/2', '-3/8', '-1/4', '-1/4', '-1/4', '-1/8', '0', '0']);
    expect(['-0.3', '-0.25', '-0.225', '0.1', '0.25'].map((x) => quantiserError(grid, n, r(x)).toString())).toEqual(['0', '1/4', '1/8', '0', '0']);
  });

  it('transition zones: measure (N − 1)η, 0 for one cell, the union when they overlap; the box fraction 1 − (1 − p)^m', () => {
    const grid = axisGrid(r('-0.5'), r('0.25'), 3);
    const n = quantiserNetwork(grid, r('0.05'));
    expect(transitionMeasure(grid, n).toString()).toBe('1/10');
    expect(transitionFraction(grid, n, 1).toString()).toBe('2/15'); // (1/10)/(3/4)
    expect(transitionFraction(grid, n, 2).toString()).toBe('56/225'); // 1 − (13/15)^2
    const one = axisGrid(q(0), q(1), 1);
    const single = quantiserNetwork(one, q(1, 10));
    expect(unitCount(single)).toBe(0);
    expect(transitionMeasure(one, single).toString()).toBe('0');
    expect(transitionFraction(one, single, 3).toString()).toBe('0');
    // η = 3δ/2 on [0, 1] with N = 2: the zone [1/2, 1) clipped to [1/2, 1]
    const two = axisGrid(q(0), q(1), 2);
    expect(transitionMeasure(two, quantiserNetwork(two, q(3, 4))).toString()).toBe('1/2');
    // a network without kinks at the grid points (the constant a): it misses on the whole cell [1/2, 1]; the grid
    // points cut the pieces, where the left edge jumps
    expect(transitionMeasure(two, net([])).toString()).toBe('1/2');
    const three = axisGrid(q(0), q(3), 3);
    expect(transitionMeasure(three, net([], 1n, 1n, q(1))).toString()).toBe('2'); // q ≡ 1 is exact on [1, 2) only
  });

  it('the size estimate: 2(N − 1) units of 2·bits(η.den) + bits(η.num) + 2·bits(D) + bits(|A| + |B|) + 3·bits(N) + point bits', () => {
    // a = 0, b = 1, N = 4, η = 1/100: 2·8 + 4 + 2·4 + 4 + 3·4 = 44 bits per unit, 6 units
    expect(quantiserBits(axisGrid(q(0), q(1), 4), q(1, 100))).toBe(264);
    expect(quantiserBits(axisGrid(q(0), q(1), 4), q(1, 100), 10)).toBe(324);
    // a = −3/2, b = 5/4 (D = 8, A = −12, B = 10, |A| + |B| = 22), N = 3, η = 3/1000: 2·12 + 4 + 2·4 + 8 + 3·4 = 56, 4 units
    expect(quantiserBits(axisGrid(q(-3, 2), q(5, 4), 3), q(3, 1000))).toBe(224);
    // a = −7, b = −3/2 (D = 2, A = −14, B = −3, |A| + |B| = 17: two hex digits), N = 2, η = 1/2: 8 + 4 + 8 + 8 + 12 = 40, 2 units
    expect(quantiserBits(axisGrid(q(-7), q(-3, 2), 2), q(1, 2))).toBe(80);
    expect(quantiserBits(axisGrid(q(-7), q(-3, 2), 2), q(1, 2), 7)).toBe(94);
    expect(quantiserBits(axisGrid(q(0), q(1), 1), q(1, 100), 1000)).toBe(0);
    // a = −3/2, b = 1/8: D = 2·8 = 16 (two hex digits), |A| + |B| = 24 + 2 = 26: 2·8 + 4 + 2·8 + 8 + 3·4 = 56, 4 units
    expect(quantiserBits(axisGrid(q(-3, 2), q(1, 8), 3), q(1, 100))).toBe(224);
    // |A| + |B| = 256 (three hex digits) for a = −128, b = 128, and 384 for a = 128, b = 256: 8 + 4 + 8 + 12 + 12 = 44, 2 units
    expect(quantiserBits(axisGrid(q(-128), q(128), 2), q(1, 2))).toBe(88);
    expect(quantiserBits(axisGrid(q(128), q(256), 2), q(1, 2))).toBe(88);
  });
});

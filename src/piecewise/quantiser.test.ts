import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import { axisGrid, distanceToInteriorGrid, gridPoint, leftEdgeOf } from './grid.ts';
import { quantise, quantiserError, quantiserNetwork, rampNetwork, transitionFraction, transitionMeasure } from './quantiser.ts';
import { Rational } from '../arith/rational.ts';
import { affinePieces, evaluateNetwork, unitCount, unitWeights } from './relu-network.ts';

const r = (s: string): Rational => Rational.fromDecimal(new ExactDecimal(s));
const q = (n: number, d = 1): Rational => Rational.of(BigInt(n), BigInt(d));

describe('ramp s_η', () => {
  it('is 0 for t ≤ 0, 1 for t ≥ η, t/η between', () => {
    const eta = r('0.25');
    const ramp = rampNetwork(eta);
    expect(evaluateNetwork(ramp, q(-3)).toString()).toBe('0');
    expect(evaluateNetwork(ramp, q(0)).toString()).toBe('0'); // not 1[0 ≥ 0] = 1
    expect(evaluateNetwork(ramp, q(1, 8)).toString()).toBe('1/2');
    expect(evaluateNetwork(ramp, eta).toString()).toBe('1');
    expect(evaluateNetwork(ramp, q(7)).toString()).toBe('1');
  });

  it('has the explicit weights 1/η, biases 0 and −1, output weights ±1', () => {
    const ramp = rampNetwork(r('0.25'));
    expect(unitCount(ramp)).toBe(2);
    const u0 = unitWeights(ramp, 0);
    const u1 = unitWeights(ramp, 1);
    expect([u0.w.toString(), u0.beta.toString(), u0.v.toString()]).toEqual(['4', '0', '1']);
    expect([u1.w.toString(), u1.beta.toString(), u1.v.toString()]).toEqual(['4', '-1', '-1']);
  });

  it('refuses η ≤ 0', () => {
    expect(() => rampNetwork(q(0))).toThrow(RangeError);
  });
});

describe('quantiser q', () => {
  it('has 2(N − 1) units with weights 1/η, −x_k/η, −x_k/η − 1 and ±δ', () => {
    const grid = axisGrid(r('-1'), r('2'), 3);
    const net = quantiserNetwork(grid, r('0.1'));
    expect(unitCount(net)).toBe(4);
    const u = [0, 1, 2, 3].map((j) => unitWeights(net, j));
    expect(u.map((x) => x.w.toString())).toEqual(['10', '10', '10', '10']);
    expect(u.map((x) => x.beta.toString())).toEqual(['0', '-1', '-10', '-11']);
    expect(u.map((x) => x.v.toString())).toEqual(['1', '-1', '1', '-1']);
    expect(net.outputBias.toString()).toBe('-1');
  });

  it('is the left edge at distance ≥ η from interior grid points, and off by up to δ inside [x_k, x_k + η)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 6000 }), (n, etaTicks, t) => {
        const grid = axisGrid(r('0.5'), r('3.5'), n);
        const eta = q(etaTicks, 1000);
        const net = quantiserNetwork(grid, eta);
        const x = r('0.5').add(q(t, 2000));
        const err = quantiserError(grid, net, x);
        const dist = distanceToInteriorGrid(grid, x);
        if (dist === undefined || eta.lte(dist)) expect(err.isZero()).toBe(true);
        expect(err.lte(grid.width)).toBe(true);
      }),
    );
  });

  it('is δ off at an interior grid point (the worst case)', () => {
    const grid = axisGrid(r('0'), r('1'), 4);
    const net = quantiserNetwork(grid, r('0.01'));
    expect(quantise(net, gridPoint(grid, 2)).toString()).toBe('1/4');
    expect(leftEdgeOf(grid, gridPoint(grid, 2)).toString()).toBe('1/2');
    expect(quantiserError(grid, net, gridPoint(grid, 2)).toString()).toBe('1/4');
  });

  it('agrees with its piecewise-affine form at every piece midpoint', () => {
    const grid = axisGrid(r('-0.2'), r('0.7'), 5);
    const net = quantiserNetwork(grid, r('0.05'));
    for (const p of affinePieces(net, grid.a, grid.b)) {
      const mid = p.from.add(p.to).div(q(2));
      expect(evaluateNetwork(net, mid).eq(p.slope.mul(mid).add(p.intercept))).toBe(true);
    }
  });

  it('misses the left edge on a set of measure (N − 1)η when η ≤ δ (computed from the breakpoints)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 4 }), (n, etaPermille, m) => {
        const grid = axisGrid(r('-1'), r('1'), n);
        const eta = grid.width.mul(q(etaPermille, 100)); // η ≤ δ
        const net = quantiserNetwork(grid, eta);
        const measured = transitionMeasure(grid, net);
        expect(measured.eq(eta.mul(q(n - 1)))).toBe(true);
        const perAxis = eta.mul(q(n - 1)).div(q(2));
        expect(transitionFraction(grid, net, m).eq(q(1).sub(q(1).sub(perAxis).pow(m)))).toBe(true);
      }),
    );
  });

  it('counts overlapping zones once when η > δ', () => {
    const grid = axisGrid(r('0'), r('1'), 4);
    const net = quantiserNetwork(grid, r('0.5')); // zones [1/4, 3/4), [1/2, 1), [3/4, 5/4) ∩ [0,1] → [1/4, 1]
    expect(transitionMeasure(grid, net).toString()).toBe('3/4');
  });
});

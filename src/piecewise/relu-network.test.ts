import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../arith/rational.ts';
import { affinePieces, checkNetwork, evaluateNetwork, type ReluNetwork1D } from './relu-network.ts';

const small = fc.bigInt({ min: -9n, max: 9n });

/** Random one-hidden-layer networks, input weights of either sign or zero. */
const networks: fc.Arbitrary<ReluNetwork1D> = fc
  .array(fc.tuple(small, small, small), { minLength: 0, maxLength: 8 })
  .chain((units) =>
    fc.tuple(fc.bigInt({ min: 1n, max: 5n }), fc.bigInt({ min: 1n, max: 5n }), small).map(([hd, od, bias]) => ({
      hiddenDenominator: hd,
      inputWeights: units.map((u) => u[0]),
      hiddenBiases: units.map((u) => u[1]),
      outputDenominator: od,
      outputWeights: units.map((u) => u[2]),
      outputBias: Rational.of(bias, 3n),
    })),
  );

describe('one-hidden-layer ReLU networks', () => {
  it('evaluate to outputBias + Σ v_j ReLU(w_j x + β_j), unit by unit', () => {
    fc.assert(
      fc.property(networks, fc.integer({ min: -50, max: 50 }), (net, t) => {
        checkNetwork(net);
        const x = Rational.of(t, 7);
        const direct = net.inputWeights.reduce((sum, w, j) => {
          const pre = Rational.of(w, net.hiddenDenominator).mul(x).add(Rational.of(net.hiddenBiases[j]!, net.hiddenDenominator));
          return sum.add(Rational.of(net.outputWeights[j]!, net.outputDenominator).mul(pre.relu()));
        }, net.outputBias);
        expect(evaluateNetwork(net, x).eq(direct)).toBe(true);
      }),
    );
  });

  it('are affine between their kinks: the sweep agrees with evaluation inside every piece', () => {
    fc.assert(
      fc.property(networks, fc.integer({ min: 1, max: 99 }), (net, s) => {
        const lo = Rational.of(-12);
        const hi = Rational.of(12);
        const pieces = affinePieces(net, lo, hi);
        expect(pieces[0]!.from.eq(lo) && pieces[pieces.length - 1]!.to.eq(hi)).toBe(true);
        pieces.forEach((p, i) => {
          if (i > 0) expect(p.from.eq(pieces[i - 1]!.to)).toBe(true);
          const inside = p.from.add(p.to.sub(p.from).mul(Rational.of(s, 100)));
          expect(evaluateNetwork(net, inside).eq(p.slope.mul(inside).add(p.intercept))).toBe(true);
        });
      }),
    );
  });

  it('refuses mismatched shapes and non-positive denominators', () => {
    const net: ReluNetwork1D = { hiddenDenominator: 1n, inputWeights: [1n], hiddenBiases: [], outputDenominator: 1n, outputWeights: [1n], outputBias: Rational.ZERO };
    expect(() => checkNetwork(net)).toThrow(RangeError);
    expect(() => checkNetwork({ ...net, hiddenBiases: [0n], hiddenDenominator: 0n })).toThrow(RangeError);
  });
});

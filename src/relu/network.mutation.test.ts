/**
 * One-hidden-layer ReLU networks, exact values: the shape checks and their messages, every branch of
 * the unreduced-fraction accumulation (equal, dividing and coprime denominators), zero weights and
 * zero activations, output biases, and the interval evaluation at the same points.
 */
import { describe, expect, it } from 'vitest';
import { arithAt } from '../arith/interval.ts';
import { Rational } from '../arith/rational.ts';
import { checkNetwork, evaluateExact, evaluateInterval, hiddenActivationsExact, type ReluNetwork } from './network.ts';

const A = arithAt(30);
const q = (n: number, d = 1): Rational => Rational.of(n, d);
const show = (rs: readonly Rational[]): string[] => rs.map((r) => r.toString());

/** One unit `ReLU(bias + Σ w_i x_i)`, output `Σ weight·unit + outBias`. */
function single(weights: Rational[], bias: Rational, outWeight = q(1), outBias = q(0)): ReluNetwork {
  return checkNetwork({ inputs: weights.length, hidden: [{ weights, bias }], outputs: [{ terms: [{ unit: 0, weight: outWeight }], bias: outBias }] });
}

describe('checkNetwork', () => {
  it('returns the network itself when the shapes agree', () => {
    const net: ReluNetwork = { inputs: 2, hidden: [{ weights: [q(1), q(2)], bias: q(0) }], outputs: [{ terms: [{ unit: 0, weight: q(1) }], bias: q(0) }] };
    expect(checkNetwork(net)).toBe(net);
  });

  it('names the hidden unit whose weight vector has the wrong length', () => {
    const net = { inputs: 2, hidden: [{ weights: [q(1), q(1)], bias: q(0) }, { weights: [q(1)], bias: q(0) }], outputs: [] };
    expect(() => checkNetwork(net)).toThrow(new RangeError('ReluNetwork: hidden unit 1 has 1 weights, expected 2'));
  });

  it.each([
    [-1, 'ReluNetwork: output 1 uses hidden unit -1, but there are 2'],
    [2, 'ReluNetwork: output 1 uses hidden unit 2, but there are 2'],
    [0.5, 'ReluNetwork: output 1 uses hidden unit 0.5, but there are 2'],
  ])('rejects an output term naming unit %s', (unit, message) => {
    const hidden = [
      { weights: [q(1)], bias: q(0) },
      { weights: [q(1)], bias: q(1) },
    ];
    const net = { inputs: 1, hidden, outputs: [{ terms: [{ unit: 1, weight: q(1) }], bias: q(0) }, { terms: [{ unit: 0, weight: q(1) }, { unit, weight: q(1) }], bias: q(0) }] };
    expect(() => checkNetwork(net)).toThrow(new RangeError(message));
  });

  it('accepts the last unit (index length − 1) and unit 0', () => {
    const hidden = [
      { weights: [q(1)], bias: q(0) },
      { weights: [q(1)], bias: q(1) },
    ];
    expect(() => checkNetwork({ inputs: 1, hidden, outputs: [{ terms: [{ unit: 0, weight: q(1) }, { unit: 1, weight: q(1) }], bias: q(0) }] })).not.toThrow();
  });
});

describe('evaluateExact', () => {
  it('accumulates over equal denominators: 1/2 + 1·(1/2) = 1', () => {
    expect(show(evaluateExact(single([q(1)], q(1, 2)), [q(1, 2)]))).toEqual(['1']);
  });

  it('accumulates when the new denominator divides the running one: 1/6 + 1·(1/3) = 1/2', () => {
    expect(show(evaluateExact(single([q(1)], q(1, 6)), [q(1, 3)]))).toEqual(['1/2']);
    expect(show(evaluateExact(single([q(3)], q(1, 6)), [q(1, 3)]))).toEqual(['7/6']);
  });

  it('accumulates when the running denominator divides the new one: 1/3 + 1·(1/6) = 1/2', () => {
    expect(show(evaluateExact(single([q(1)], q(1, 3)), [q(1, 6)]))).toEqual(['1/2']);
    expect(show(evaluateExact(single([q(5)], q(2, 3)), [q(1, 6)]))).toEqual(['3/2']);
  });

  it('accumulates over coprime denominators: 1/6 + (1/2)(1/5) + (1/3)(1/7) = 11/35', () => {
    expect(show(evaluateExact(single([q(1, 2), q(1, 3)], q(1, 6)), [q(1, 5), q(1, 7)]))).toEqual(['11/35']);
    expect(show(hiddenActivationsExact(single([q(1, 2), q(1, 3)], q(1, 6)), [q(1, 5), q(1, 7)]))).toEqual(['11/35']);
  });

  it('skips a zero weight (its input does not count) and uses the others', () => {
    expect(show(evaluateExact(single([q(0), q(2)], q(1)), [q(1000), q(3, 4)]))).toEqual(['5/2']);
  });

  it('applies the ReLU: a negative or zero pre-activation is exactly 0', () => {
    expect(show(hiddenActivationsExact(single([q(1)], q(-1)), [q(1, 3)]))).toEqual(['0']);
    expect(show(hiddenActivationsExact(single([q(1)], q(-1)), [q(1)]))).toEqual(['0']);
    expect(show(hiddenActivationsExact(single([q(1)], q(-1)), [q(4, 3)]))).toEqual(['1/3']);
    // the output bias alone survives a zero activation
    expect(show(evaluateExact(single([q(1)], q(-1), q(5), q(2, 7)), [q(1, 3)]))).toEqual(['2/7']);
  });

  it('weights every active unit by its output weight and adds the output bias', () => {
    // units ReLU(x − 1/2), ReLU(2x), ReLU(−x); outputs 3·u0 − u1/5 + 1/4 and u2 − 1
    const net = checkNetwork({
      inputs: 1,
      hidden: [
        { weights: [q(1)], bias: q(-1, 2) },
        { weights: [q(2)], bias: q(0) },
        { weights: [q(-1)], bias: q(0) },
      ],
      outputs: [
        { terms: [{ unit: 0, weight: q(3) }, { unit: 1, weight: q(-1, 5) }], bias: q(1, 4) },
        { terms: [{ unit: 2, weight: q(1) }], bias: q(-1) },
      ],
    });
    // x = 5/6: u = (1/3, 5/3, 0): 1 − 1/3 + 1/4 = 11/12, and −1
    expect(show(evaluateExact(net, [q(5, 6)]))).toEqual(['11/12', '-1']);
    expect(show(hiddenActivationsExact(net, [q(5, 6)]))).toEqual(['1/3', '5/3', '0']);
    // x = −3/7: u = (0, 0, 3/7): 1/4, and −4/7
    expect(show(evaluateExact(net, [q(-3, 7)]))).toEqual(['1/4', '-4/7']);
    const enclosed = evaluateInterval(net, [A.point('0.8')], A);
    // x = 0.8: u = (0.3, 1.6, 0): 0.9 − 0.32 + 0.25 = 0.83, and −1
    expect(enclosed.map((e) => e.toString())).toEqual(['[0.83, 0.83]', '[-1, -1]']);
  });

  it('rejects an input vector of the wrong length, exactly and in intervals', () => {
    const net = single([q(1), q(1)], q(0));
    expect(() => evaluateExact(net, [q(1)])).toThrow(new RangeError('ReluNetwork: expected 2 inputs, got 1'));
    expect(() => hiddenActivationsExact(net, [q(1), q(2), q(3)])).toThrow(new RangeError('ReluNetwork: expected 2 inputs, got 3'));
    expect(() => evaluateInterval(net, [A.point(1)], A)).toThrow(new RangeError('ReluNetwork: expected 2 inputs, got 1'));
  });
});

describe('evaluateInterval', () => {
  it('encloses ReLU(w·x + c) over a box, clipped at 0', () => {
    // ReLU(2x − 1) over x ∈ [0, 1] is [0, 1]; times −3, plus 1/2: [−2.5, 0.5]
    const net = single([q(2)], q(-1), q(-3), q(1, 2));
    expect(evaluateInterval(net, [A.between(0, 1)], A)[0]!.toString()).toBe('[-2.5, 0.5]');
    // two inputs: ReLU(x1 + 2·x2) at (0.25, 0.5) = 1.25
    expect(evaluateInterval(single([q(1), q(2)], q(0)), [A.point('0.25'), A.point('0.5')], A)[0]!.toString()).toBe('[1.25, 1.25]');
  });
});

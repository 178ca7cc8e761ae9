/**
 * ReLU hats on a uniform grid, exact values: the grid and its errors, the nodes, the weights of the
 * hat and partition networks, hat values at chosen points (peak, half-way, kinks, outside), the
 * partition sum inside and outside `[a, b]`, pyramids, and the multi-indices near a point (including
 * points left of `a`, where the floor of a negative quotient matters).
 */
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import { Rational } from '../arith/rational.ts';
import { closedFormHat, hatNetwork, nearbyMultiIndices, nodeOf, nodesOf, partitionNetwork, pyramid, uniformGrid } from './hats.ts';
import { evaluateExact } from './network.ts';

const q = (n: number, d = 1): Rational => Rational.of(n, d);
const show = (rs: readonly Rational[]): string[] => rs.map((r) => r.toString());
/** `[0, 1]` with 4 cells: h = 1/4, nodes 0, 1/4, 1/2, 3/4, 1. */
const unit4 = uniformGrid(q(0), q(1), 4);
/** `[−1, 2]` with 6 cells: h = 1/2. */
const wide = uniformGrid(new ExactDecimal(-1), new ExactDecimal(2), 6);

describe('uniformGrid', () => {
  it('reads decimals or rationals and computes h = (b − a)/N', () => {
    expect([wide.a.toString(), wide.b.toString(), wide.N, wide.h.toString()]).toEqual(['-1', '2', 6, '1/2']);
    const g = uniformGrid(new ExactDecimal('0.1'), q(1, 3), 7);
    expect([g.a.toString(), g.b.toString(), g.h.toString()]).toEqual(['1/10', '1/3', '1/30']);
    expect(uniformGrid(q(0), q(1), 1).h.toString()).toBe('1');
  });

  it('rejects a ≥ b and a non-positive or non-integer N, naming the values', () => {
    expect(() => uniformGrid(q(1), q(1), 3)).toThrow(new RangeError('uniformGrid: a = 1 must be below b = 1'));
    expect(() => uniformGrid(new ExactDecimal(2), new ExactDecimal('1.5'), 3)).toThrow(new RangeError('uniformGrid: a = 2 must be below b = 3/2'));
    expect(() => uniformGrid(q(0), q(1), 0)).toThrow(new RangeError('uniformGrid: N must be a positive integer, got 0'));
    expect(() => uniformGrid(q(0), q(1), -2)).toThrow(new RangeError('uniformGrid: N must be a positive integer, got -2'));
    expect(() => uniformGrid(q(0), q(1), 2.5)).toThrow(new RangeError('uniformGrid: N must be a positive integer, got 2.5'));
  });
});

describe('nodes', () => {
  it('nodeOf is a + k·h for any integer k', () => {
    expect([-1, 0, 3, 7].map((k) => nodeOf(wide, k).toString())).toEqual(['-3/2', '-1', '1/2', '5/2']);
  });

  it('nodesOf lists x_from … x_to (unreduced but equal), and nothing when from > to', () => {
    expect(show(nodesOf(wide, -1, 2))).toEqual(['-3/2', '-1', '-1/2', '0']);
    expect(show(nodesOf(uniformGrid(new ExactDecimal('0.1'), q(1, 3), 7), 0, 2))).toEqual(['1/10', '2/15', '1/6']);
    expect(show(nodesOf(wide, 3, 3))).toEqual(['1/2']);
    expect(nodesOf(wide, 3, 2)).toEqual([]);
    expect(nodesOf(wide, 3, 0)).toEqual([]);
  });
});

describe('hatNetwork', () => {
  it('has three units ReLU(x − x_{k−1}), ReLU(x − x_k), ReLU(x − x_{k+1}) and weights 1/h, −2/h, 1/h', () => {
    const net = hatNetwork(unit4, 2);
    expect(net.inputs).toBe(1);
    expect(net.hidden.map((u) => [show(u.weights), u.bias.toString()])).toEqual([
      [['1'], '-1/4'],
      [['1'], '-1/2'],
      [['1'], '-3/4'],
    ]);
    expect(net.outputs).toHaveLength(1);
    expect(net.outputs[0]!.terms.map((t) => [t.unit, t.weight.toString()])).toEqual([
      [0, '4'],
      [1, '-8'],
      [2, '4'],
    ]);
    expect(net.outputs[0]!.bias.toString()).toBe('0');
  });

  it('is 1 at its node, 1/2 half-way, 0 at the neighbouring nodes and beyond', () => {
    const at = (k: number, x: Rational): string => evaluateExact(hatNetwork(unit4, k), [x])[0]!.toString();
    expect([q(1, 2), q(5, 8), q(3, 8), q(9, 16), q(1, 4), q(3, 4), q(1), q(-1)].map((x) => at(2, x))).toEqual(['1', '1/2', '1/2', '3/4', '0', '0', '0', '0']);
    // the end hats reach past [a, b] to the outer nodes
    expect([q(0), q(-1, 8), q(-1, 4), q(1, 8)].map((x) => at(0, x))).toEqual(['1', '1/2', '0', '1/2']);
    expect([q(1), q(9, 8), q(5, 4)].map((x) => at(4, x))).toEqual(['1', '1/2', '0']);
  });
});

describe('partitionNetwork', () => {
  it('shares N + 3 units ReLU(x − x_j), j = −1 … N + 1, among N + 1 outputs', () => {
    const net = partitionNetwork(unit4);
    expect(net.hidden.map((u) => u.bias.toString())).toEqual(['1/4', '0', '-1/4', '-1/2', '-3/4', '-1', '-5/4']);
    expect(net.hidden.every((u) => u.weights.length === 1 && u.weights[0]!.toString() === '1')).toBe(true);
    expect(net.outputs.map((o) => o.terms.map((t) => `${t.unit}:${t.weight.toString()}`).join(' '))).toEqual([
      '0:4 1:-8 2:4',
      '1:4 2:-8 3:4',
      '2:4 3:-8 4:4',
      '3:4 4:-8 5:4',
      '4:4 5:-8 6:4',
    ]);
    expect(net.outputs.every((o) => o.bias.isZero())).toBe(true);
  });

  it('gives every hat value at a point, summing to 1 inside [a, b] and less outside', () => {
    const values = (x: Rational): string[] => show(evaluateExact(partitionNetwork(unit4), [x]));
    expect(values(q(3, 8))).toEqual(['0', '1/2', '1/2', '0', '0']);
    expect(values(q(1, 10))).toEqual(['3/5', '2/5', '0', '0', '0']);
    expect(values(q(1))).toEqual(['0', '0', '0', '0', '1']);
    expect(values(q(-1, 8))).toEqual(['1/2', '0', '0', '0', '0']);
    expect(values(q(17, 16))).toEqual(['0', '0', '0', '0', '3/4']);
    expect(values(q(3, 2))).toEqual(['0', '0', '0', '0', '0']);
    const h = uniformGrid(q(-1), q(2), 1); // one cell: h = 3, two hats
    expect(show(evaluateExact(partitionNetwork(h), [q(0)]))).toEqual(['2/3', '1/3']);
  });
});

describe('closedFormHat', () => {
  it('is max(0, 1 − |x − x_k|/h)', () => {
    expect([q(1, 2), q(5, 8), q(3, 8), q(7, 16), q(1, 4), q(0), q(2)].map((x) => closedFormHat(unit4, 2, x).toString())).toEqual(['1', '1/2', '1/2', '3/4', '0', '0', '0']);
    expect(closedFormHat(wide, 0, q(-5, 4)).toString()).toBe('1/2');
  });
});

describe('pyramid', () => {
  it('is max(0, 1 − ‖x − x_k‖_∞/h), the largest coordinate distance counting', () => {
    const g = uniformGrid(q(0), q(1), 2); // h = 1/2
    expect(pyramid(g, [0, 0], [q(1, 10), q(3, 10)]).toString()).toBe('2/5');
    expect(pyramid(g, [0, 0], [q(3, 10), q(1, 10)]).toString()).toBe('2/5');
    expect(pyramid(g, [1, 1], [q(1, 2), q(1, 2)]).toString()).toBe('1');
    expect(pyramid(g, [1, 0], [q(1, 4), q(1, 4)]).toString()).toBe('1/2');
    expect(pyramid(g, [2, 0], [q(1, 4), q(0)]).toString()).toBe('0');
    expect(pyramid(g, [0], [q(-1, 8)]).toString()).toBe('3/4');
    // at a cell centre in d = 2 the four corner pyramids are 1/2 each: the sum is 2, not 1
    const total = nearbyMultiIndices(g, [q(1, 4), q(1, 4)]).reduce((s, k) => s.add(pyramid(g, k, [q(1, 4), q(1, 4)])), Rational.ZERO);
    expect(total.toString()).toBe('2');
  });
});

describe('nearbyMultiIndices', () => {
  const one = (g: typeof unit4, x: Rational): string[] => nearbyMultiIndices(g, [x]).map((k) => k.join(','));

  it('takes the cell of x and its neighbours, clipped to {0 … N}', () => {
    expect(one(unit4, q(3, 8))).toEqual(['0', '1', '2']);
    expect(one(unit4, q(1, 2))).toEqual(['1', '2', '3']);
    expect(one(unit4, q(0))).toEqual(['0', '1']);
    expect(one(unit4, q(1))).toEqual(['3', '4']);
    expect(one(unit4, q(7, 8))).toEqual(['2', '3', '4']);
    expect(one(unit4, q(2))).toEqual([]);
  });

  it('floors negative quotients downwards (points left of a)', () => {
    expect(one(unit4, q(-1, 8))).toEqual(['0']);
    expect(one(unit4, q(-1, 4))).toEqual(['0']);
    expect(one(unit4, q(-3, 8))).toEqual([]);
    // a ≠ 0: t = (x − a)/h with a = −1, h = 1/2
    expect(one(wide, q(-1, 4))).toEqual(['0', '1', '2']);
    expect(one(wide, q(-5, 4))).toEqual(['0']);
  });

  it('forms the product over the axes', () => {
    expect(nearbyMultiIndices(unit4, [q(3, 8), q(0)]).map((k) => k.join(','))).toEqual(['0,0', '0,1', '1,0', '1,1', '2,0', '2,1']);
    expect(nearbyMultiIndices(unit4, [])).toEqual([[]]);
  });
});

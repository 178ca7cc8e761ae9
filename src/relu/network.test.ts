/**
 * ReLU networks and hats: exact evaluation against the closed form and against interval evaluation,
 * the partition network against per-hat networks, and the multi-index enumeration.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import { arithAt } from '../arith/interval.ts';
import { Rational } from '../arith/rational.ts';
import { closedFormHat, hatNetwork, nearbyMultiIndices, nodeOf, nodesOf, partitionNetwork, pyramid, uniformGrid } from './hats.ts';
import { checkNetwork, evaluateExact, evaluateInterval, hiddenActivationsExact } from './network.ts';

const A = arithAt(40);
const q = (n: number, d = 1) => Rational.of(n, d);
const rational = fc.tuple(fc.integer({ min: -10_000, max: 10_000 }), fc.integer({ min: 1, max: 1000 })).map(([n, d]) => q(n, d));
const gridArb = fc
  .tuple(rational, fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 60 }))
  .map(([a, w, wd, N]) => uniformGrid(a, a.add(q(w, wd)), N));

describe('Rational', () => {
  it('keeps lowest terms and a positive denominator', () => {
    const r = Rational.of(6, -4);
    expect([r.num, r.den]).toEqual([-3n, 2n]);
    expect(Rational.fromDecimal(new ExactDecimal('-1.250')).toString()).toBe('-5/4');
    expect(Rational.fromDecimal(new ExactDecimal('3e-5')).toString()).toBe('3/100000');
    expect(Rational.fromDecimal(new ExactDecimal('1.2e3')).toString()).toBe('1200');
    expect(() => Rational.of(1, 0)).toThrow(RangeError);
    expect(() => q(1).div(Rational.ZERO)).toThrow(RangeError);
  });

  it('field operations agree with interval arithmetic', () => {
    fc.assert(
      fc.property(rational, rational, (x, y) => {
        for (const [exact, enclosure] of [
          [x.add(y), A.add(x.toInterval(A), y.toInterval(A))],
          [x.sub(y), A.sub(x.toInterval(A), y.toInterval(A))],
          [x.mul(y), A.mul(x.toInterval(A), y.toInterval(A))],
        ] as const) {
          const e = exact.toInterval(A);
          expect(e.lo.lte(enclosure.hi) && e.hi.gte(enclosure.lo)).toBe(true);
        }
        expect(x.cmp(y)).toBe(x.sub(y).sign());
        expect(x.add(y).sub(y).eq(x)).toBe(true);
        if (!y.isZero()) expect(x.div(y).mul(y).eq(x)).toBe(true);
      }),
      { numRuns: 200, seed: 1 },
    );
  });

  it('toInterval is a point exactly for finite decimals', () => {
    expect(q(3, 8).toInterval(A).isPoint).toBe(true);
    const third = q(1, 3).toInterval(A);
    expect(third.isPoint).toBe(false);
    expect(third.lo.lt(third.hi) && third.hi.minus(third.lo).lt('1e-38')).toBe(true);
  });
});

describe('hats as networks', () => {
  it('hat network = closed form, ≥ 0, supported on [x_{k−1}, x_{k+1}]', () => {
    fc.assert(
      fc.property(gridArb, fc.nat(), rational, (g, kk, t) => {
        const k = kk % (g.N + 1);
        const x = nodeOf(g, k).add(t.mul(g.h).div(q(300)));
        const net = evaluateExact(hatNetwork(g, k), [x])[0]!;
        expect(net.eq(closedFormHat(g, k, x))).toBe(true);
        expect(net.sign()).toBeGreaterThanOrEqual(0);
        if (g.h.lte(x.sub(nodeOf(g, k)).abs())) expect(net.isZero()).toBe(true);
      }),
      { numRuns: 300, seed: 2 },
    );
  });

  it('the partition network equals the per-hat networks and sums to 1 exactly on [a, b]', () => {
    fc.assert(
      fc.property(gridArb, fc.integer({ min: -200, max: 1200 }), (g, u) => {
        const x = g.a.add(g.b.sub(g.a).mul(q(u, 1000)));
        const all = evaluateExact(partitionNetwork(g), [x]);
        all.forEach((v, k) => expect(v.eq(evaluateExact(hatNetwork(g, k), [x])[0]!)).toBe(true));
        const sum = all.reduce((s, v) => s.add(v), Rational.ZERO);
        if (u >= 0 && u <= 1000) expect(sum.eq(Rational.ONE)).toBe(true);
        else expect(sum.lt(Rational.ONE)).toBe(true);
      }),
      { numRuns: 150, seed: 3 },
    );
  });

  it('interval evaluation encloses the exact value', () => {
    fc.assert(
      fc.property(gridArb, fc.integer({ min: -100, max: 1100 }), (g, u) => {
        const x = g.a.add(g.b.sub(g.a).mul(q(u, 1000)));
        const net = partitionNetwork(g);
        const exact = evaluateExact(net, [x]);
        const enclosed = evaluateInterval(net, [x.toInterval(A)], A);
        exact.forEach((v, k) => {
          const e = v.toInterval(A);
          expect(e.lo.lte(enclosed[k]!.hi) && e.hi.gte(enclosed[k]!.lo)).toBe(true);
        });
        expect(hiddenActivationsExact(net, [x]).every((a) => a.sign() >= 0)).toBe(true);
      }),
      { numRuns: 60, seed: 4 },
    );
  });

  it('nodesOf matches nodeOf, and the partition network has N + 3 units and N + 1 outputs', () => {
    const g = uniformGrid(q(-7, 3), q(11, 7), 13);
    expect(nodesOf(g, -1, 14).map(String)).toEqual(Array.from({ length: 16 }, (_, i) => nodeOf(g, i - 1).toString()));
    const net = partitionNetwork(g);
    expect([net.hidden.length, net.outputs.length]).toEqual([16, 14]);
    expect(() => checkNetwork({ inputs: 1, hidden: [{ weights: [], bias: q(0) }], outputs: [] })).toThrow(/weights/);
    expect(() => checkNetwork({ inputs: 1, hidden: [], outputs: [{ terms: [{ unit: 0, weight: q(1) }], bias: q(0) }] })).toThrow(/unit 0/);
    expect(() => uniformGrid(q(1), q(1), 3)).toThrow(RangeError);
    expect(() => uniformGrid(q(0), q(1), 0)).toThrow(RangeError);
  });

  it('nearbyMultiIndices covers every non-zero pyramid', () => {
    const g = uniformGrid(q(0), q(1), 5);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 2 }), (us) => {
        const x = us.map((u) => q(u, 1000));
        const near = new Set(nearbyMultiIndices(g, x).map((k) => k.join(',')));
        for (let i = 0; i <= 5; i++) {
          for (let j = 0; j <= 5; j++) {
            if (!pyramid(g, [i, j], x).isZero()) expect(near.has(`${i},${j}`)).toBe(true);
          }
        }
      }),
      { numRuns: 100, seed: 5 },
    );
  });
});

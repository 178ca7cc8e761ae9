/**
 * The thin checking layer of lemma piecewise-constant on hand-picked probes: what is an error, what
 * is inapplicable (and which hypothesis), exact ties decided, false declarations refuted, and the grid
 * for an accuracy minimal.
 */
import { describe, expect, it } from 'vitest';
import { gridForEpsilon, lipschitz, modulus, quantisedCentre, reluStep, reluStepNearGrid, transitionZones } from '../../proof/piecewise-constant.ts';
import { ExactDecimal } from '../arith/context.ts';
import { arithAt } from '../arith/interval.ts';
import { Rational } from '../arith/rational.ts';
import { modulusAt } from '../targets/modulus.ts';
import type { Modulus } from '../targets/target.ts';
import { decide } from '../verdict/decide.ts';
import { cellsForAccuracy, formatCells } from './accuracy.ts';

const D = (s: string) => new ExactDecimal(s);
const base = { f: 'x', lipschitz: '1', a: '0', b: '1', N: 3 };

describe('errors name the argument', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['a ≥ b', { ...base, a: '1', b: '1', x: ['0.5'] }, 'argument b'],
    ['N < 1', { ...base, N: 0, x: ['0.5'] }, 'argument N'],
    ['N not an integer', { ...base, N: 2.5, x: ['0.5'] }, 'argument N'],
    ['N above the cap', { ...base, N: '1e13', x: ['0.5'] }, 'argument N'],
    ['unparsable expression', { ...base, f: 'x +* 2', x: ['0.5'] }, 'argument f'],
    ['expression in x, point of 2 coordinates', { ...base, x: ['0.5', '0.5'] }, 'argument f'],
    ['expression in x3, point of 2 coordinates', { ...base, f: 'x1 + x3', x: ['0.5', '0.5'] }, 'argument f'],
    ['no declared modulus', { f: 'x', a: '0', b: '1', N: 3, x: ['0.5'] }, 'argument lipschitz'],
    ['two declared moduli', { ...base, holder: { C: '1', alpha: '0.5' }, x: ['0.5'] }, 'argument lipschitz'],
    ['Hölder exponent above 1', { f: 'x', holder: { C: '1', alpha: '1.5' }, a: '0', b: '1', N: 3, x: ['0.5'] }, 'argument holder.alpha'],
    ['no point', { ...base }, 'argument x'],
    ['unknown library family', { target: { family: 'nope' }, a: '0', b: '1', N: 3, x: ['0.5'] }, 'argument target.family'],
  ];
  for (const [name, args, argument] of cases) {
    it(name, () => {
      const v = decide(modulus, args);
      expect(v.verdict).toBe('error');
      expect(v.reason).toContain(argument);
    });
  }

  it('relu-step: η ≤ 0 and N above 10^6', () => {
    expect(decide(reluStep, { a: '0', b: '1', N: 3, eta: '0', x: '0.5' }).reason).toContain('argument eta');
    expect(decide(reluStep, { a: '0', b: '1', N: 1_000_001, eta: '1e-9', x: '0.5' }).reason).toContain('argument N');
    expect(decide(transitionZones, { a: '0', b: '1', N: 10_001, eta: '1e-9' }).reason).toContain('argument N');
  });

  it('grid-for-epsilon: an ε that needs more than 10^12 cells', () => {
    const v = decide(gridForEpsilon, { f: 'x', lipschitz: '1', a: '0', b: '1', epsilon: '1e-13', x: ['0.5'] });
    expect(v.verdict).toBe('error');
    expect(v.reason).toContain('argument epsilon needs N(ε) = 5000000000000 cells per axis');
  });

  it('grid-for-epsilon: a tiny ε gets a short reason, N(ε) abbreviated, and no search for a huge Hölder N(ε)', () => {
    const lipschitzTiny = decide(gridForEpsilon, { f: 'x', lipschitz: '1', a: '0', b: '1', epsilon: '1e-100000', x: ['0.5'] });
    expect(lipschitzTiny.verdict).toBe('error');
    expect(lipschitzTiny.reason).toContain('argument epsilon needs N(ε) ≈ 5.0000e+99999 cells per axis');
    expect(lipschitzTiny.reason!.length).toBeLessThan(300);
    const given = decide(gridForEpsilon, { f: 'x', lipschitz: '1', a: '0', b: '1', epsilon: '1e-100000', N: 5, x: ['0.5'] });
    expect(given.reason).toBe('hypothesis grid fails: N = 5 is below N(ε) ≈ 5.0000e+99999');
    const started = performance.now();
    const holder = decide(gridForEpsilon, { f: 'x', holder: { C: '1', alpha: '0.5' }, a: '0', b: '1', epsilon: '1e-30', x: ['0.5'] });
    expect(holder.reason).toContain('argument epsilon needs N(ε) ≥ 4.9999e+59 cells per axis');
    const holderGiven = decide(gridForEpsilon, { f: 'x', holder: { C: '1', alpha: '0.5' }, a: '0', b: '1', epsilon: '1e-100000', N: 7, x: ['0.5'] });
    expect(holderGiven.hypothesis).toBe('grid');
    expect(holderGiven.reason).toContain('N = 7 is below N(ε) ≥ 4.9999e+199999');
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('relu-step, quantised-centre, transition-zones: a network too large in exact bits is refused, naming N', () => {
    const started = performance.now();
    for (const v of [
      decide(reluStep, { a: '0', b: '1', N: 1_000_000, eta: '1e-100000', x: '0.5' }),
      decide(reluStepNearGrid, { a: '0', b: '1', N: 1_000_000, eta: '1e-100000', x: '0.5' }),
      decide(quantisedCentre, { f: 'x', lipschitz: '1', a: '0', b: '1', N: 1_000_000, eta: '1e-100000', x: ['0.5'] }),
      decide(transitionZones, { a: '0', b: '1', N: 10_000, eta: '1e-100000' }),
    ]) {
      expect(v.verdict).toBe('error');
      expect(v.reason).toMatch(/^argument N is too large for numbers of this size: .* above the cap of 1500000000 bits/);
    }
    expect(performance.now() - started).toBeLessThan(5_000);
    // the same tiny ramp on a small grid is fine
    expect(decide(reluStep, { a: '0', b: '1', N: 4, eta: '1e-100000', x: '0.3' }).verdict).toBe('holds');
  });
});

describe('hypotheses give inapplicable, naming the hypothesis', () => {
  it('a point outside the box', () => {
    expect(decide(modulus, { ...base, x: ['1.0000001'] }).hypothesis).toBe('point-in-box');
    expect(decide(modulus, { ...base, f: 'x1 + x2', x: ['0.5', '-0.1'] }).hypothesis).toBe('point-in-box');
    expect(decide(reluStep, { a: '0', b: '1', N: 3, eta: '0.01', x: '-0.5' }).hypothesis).toBe('point-in-box');
  });

  it('a box outside the target domain', () => {
    const v = decide(modulus, { target: { family: 'polynomial', coefficients: ['0', '1'], lo: '0', hi: '0.5' }, a: '0', b: '1', N: 3, x: ['0.2'] });
    expect(v.hypothesis).toBe('target-domain');
  });

  it('lipschitz needs a Lipschitz modulus', () => {
    expect(decide(lipschitz, { f: 'sqrt(abs(x))', holder: { C: '1', alpha: '0.5' }, a: '0', b: '1', N: 3, x: ['0.2'] }).hypothesis).toBe('lipschitz');
  });

  it('grid-for-epsilon: ε ≤ 0, and a grid below N(ε)', () => {
    expect(decide(gridForEpsilon, { ...base, epsilon: '0', x: ['0.2'] }).hypothesis).toBe('accuracy');
    expect(decide(gridForEpsilon, { ...base, epsilon: '0.1', N: 4, x: ['0.2'] }).hypothesis).toBe('grid');
    expect(decide(gridForEpsilon, { ...base, epsilon: '0.1', N: 5, x: ['0.2'] }).verdict).toBe('holds');
  });

  it('relu-step: closer than η to an interior grid point (but not to a or b)', () => {
    expect(decide(reluStep, { a: '0', b: '0.9', N: 3, eta: '0.01', x: '0.305' }).hypothesis).toBe('away-from-grid');
    expect(decide(reluStep, { a: '0', b: '0.9', N: 3, eta: '0.01', x: '0' }).verdict).toBe('holds');
    expect(decide(reluStep, { a: '0', b: '0.9', N: 3, eta: '0.01', x: '0.9' }).verdict).toBe('holds');
    expect(decide(reluStep, { a: '0', b: '0.9', N: 3, eta: '0.01', x: '0.31' }).verdict).toBe('holds'); // distance exactly η
    expect(decide(reluStep, { a: '0', b: '0.9', N: 3, eta: '0.01', x: '0.29' }).verdict).toBe('holds');
  });
});

describe('verdicts', () => {
  it('an exact tie at a centre that is not a decimal holds with ratio 1 (f = x, N = 3, x on a face and on b)', () => {
    for (const x of ['0', '0.3333333333', '1']) {
      const v = decide(modulus, { ...base, x: [x] });
      expect(v.verdict, x).toBe('holds');
    }
    expect(decide(modulus, { ...base, x: ['0'] }).ratio).toBe('1');
    expect(decide(modulus, { ...base, x: ['1'] }).ratio).toBe('1');
  });

  it('a tie at a cell corner in 3 dimensions (distance-inf)', () => {
    const v = decide(modulus, { target: { family: 'distance-inf', c: '2' }, a: '-1', b: '1', N: 7, x: ['-1', '1', '0.1428571428'] });
    expect(v.verdict).toBe('holds');
  });

  it('a falsely declared modulus is refuted: Lipschitz and Hölder', () => {
    const lip = decide(modulus, { f: '3*x', lipschitz: '2.9', a: '0', b: '1', N: 3, x: ['0'] });
    expect(lip.verdict).toBe('violated');
    expect(lip.lhs).toBe('0.5');
    const hol = decide(modulus, { f: 'sqrt(abs(x - 0.1))', holder: { C: '0.5', alpha: '0.5' }, a: '0', b: '1', N: 5, x: ['0'] });
    expect(hol.verdict).toBe('violated');
    const library = decide(modulus, { target: { family: 'sin', k: '2' }, lipschitz: '1', a: '0', b: '1', N: 2, x: ['0'] });
    expect(library.verdict).toBe('violated');
  });

  it('the quantiser misses by δ at an interior grid point and by less inside the zone', () => {
    expect(decide(reluStepNearGrid, { a: '0', b: '0.9', N: 3, eta: '0.01', x: '0.3' }).lhs).toBe('0.3');
    expect(decide(reluStepNearGrid, { a: '0', b: '0.9', N: 3, eta: '0.01', x: '0.305' }).lhs).toBe('0.15');
    expect(decide(reluStepNearGrid, { a: '0', b: '0.9', N: 3, eta: '0.01', x: '0.5' }).verdict).toBe('holds');
  });
});

describe('N(ε), the grid for an accuracy', () => {
  const A = arithAt(80);
  /**
   * ω((b − a)/(2N)) ≤ ε: exactly for a Hölder α = Q/P with small P, Q (C^P·t^Q ≤ ε^P), otherwise
   * certified at 80 digits (throws when undecided).
   */
  const enough = (m: Modulus, a: string, b: string, N: bigint, eps: string): boolean => {
    const t = Rational.fromDecimal(D(b)).sub(Rational.fromDecimal(D(a))).div(Rational.of(2n * N));
    const e = Rational.fromDecimal(D(eps));
    if (m.kind === 'lipschitz') return Rational.fromDecimal(m.L).mul(t).lte(e);
    const alpha = Rational.fromDecimal(m.alpha);
    if (alpha.den <= 1000n) {
      const P = Number(alpha.den);
      return Rational.fromDecimal(m.C).pow(P).mul(t.pow(Number(alpha.num))).lte(e.pow(P));
    }
    const w = modulusAt(m, t.toInterval(A), A);
    if (w.hi.lte(eps)) return true;
    if (w.lo.gt(eps)) return false;
    throw new Error(`undecided: ω = ${w.toString()} vs ε = ${eps}`);
  };
  const cases: Array<[Modulus, string, string, string]> = [
    [{ kind: 'lipschitz', L: D('3') }, '0', '1', '0.07'],
    [{ kind: 'lipschitz', L: D('1') }, '-1', '2', '0.25'],
    [{ kind: 'holder', C: D('1'), alpha: D('0.5') }, '-1', '1', '0.1'],
    [{ kind: 'holder', C: D('2.5'), alpha: D('0.3') }, '0', '3', '0.9'],
    [{ kind: 'holder', C: D('0.7'), alpha: D('0.77') }, '-2', '1.5', '0.013'],
    [{ kind: 'holder', C: D('1.3'), alpha: D('0.123457') }, '0', '1', '0.9'], // 1/α = 1000000/123457: from enclosures
    [{ kind: 'holder', C: D('2'), alpha: D('0.25') }, '0', '2', '0.5'], // t = 1·4^4 = 256 exactly
  ];
  for (const [m, a, b, eps] of cases) {
    it(`${m.kind} ${m.kind === 'lipschitz' ? m.L.toString() : `${m.C.toString()}·t^${m.alpha.toString()}`} on [${a}, ${b}], ε = ${eps}`, () => {
      const { cells, minimal } = cellsForAccuracy(m, D(a), D(b), D(eps));
      expect(minimal).toBe(true);
      expect(enough(m, a, b, cells, eps)).toBe(true);
      if (cells > 1n) expect(enough(m, a, b, cells - 1n, eps)).toBe(false);
    });
  }

  it('formatCells: in full up to 20 digits, abbreviated beyond', () => {
    expect(formatCells({ cells: 12345n, minimal: true })).toBe('= 12345');
    expect(formatCells({ cells: 10n ** 19n, minimal: true })).toBe('= 10000000000000000000');
    expect(formatCells({ cells: 123456789n * 10n ** 40n, minimal: true })).toBe('≈ 1.2345e+48');
    expect(formatCells({ cells: 11n, minimal: false, above: { estimate: D('10.5') } })).toBe('≥ 11');
    expect(formatCells({ cells: 11n, minimal: false, above: { estimate: D('6.789e300') } })).toBe('≥ 6.7890e+300');
  });

  it('a limit: a Hölder N(ε) beyond it is bounded below, not searched for', () => {
    const m: Modulus = { kind: 'holder', C: D('1'), alpha: D('0.5') };
    const far = cellsForAccuracy(m, D('0'), D('1'), D('1e-30'), 1000n);
    expect(far.cells).toBe(1001n);
    expect(far.above?.estimate.gt(D('4.9e59'))).toBe(true);
    // within the limit the answer is the exact N(ε), as without one
    expect(cellsForAccuracy(m, D('-1'), D('1'), D('0.1'), 1000n)).toEqual(cellsForAccuracy(m, D('-1'), D('1'), D('0.1')));
  });

  it('Lipschitz: ⌈(b − a)L/(2ε)⌉ exactly, and 1 for L = 0', () => {
    expect(cellsForAccuracy({ kind: 'lipschitz', L: D('1') }, D('0'), D('1'), D('0.1')).cells).toBe(5n);
    expect(cellsForAccuracy({ kind: 'lipschitz', L: D('1') }, D('0'), D('1'), D('0.09')).cells).toBe(6n);
    expect(cellsForAccuracy({ kind: 'lipschitz', L: D('0') }, D('0'), D('1'), D('0.09')).cells).toBe(1n);
  });
});

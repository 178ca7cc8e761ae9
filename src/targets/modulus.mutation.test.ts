/**
 * Moduli of continuity, exact values: `ω(t)` in intervals (including enclosures of `t` reaching below
 * 0, and `t = 0`), exactly in rationals, in TeX, and the reader of a declared modulus with every
 * rejection naming the argument and the value.
 */
import type { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import { arithAt } from '../arith/interval.ts';
import { Rational } from '../arith/rational.ts';
import { ArgumentError } from '../verdict/errors.ts';
import { holderModulus, lipschitzModulus, modulusAt, modulusAtRational, modulusTex, readDeclaredModulus } from './modulus.ts';

const A = arithAt(30);
const d = (v: string | number): Decimal => new ExactDecimal(v);

function rejection(f: () => unknown): ArgumentError {
  try {
    f();
  } catch (e) {
    if (e instanceof ArgumentError) return e;
    throw e;
  }
  throw new Error('expected an ArgumentError');
}

describe('modulusAt', () => {
  it('Lipschitz: L·t, exactly for decimal t', () => {
    expect(modulusAt(lipschitzModulus(d(3)), A.point('0.5'), A).toString()).toBe('[1.5, 1.5]');
    expect(modulusAt(lipschitzModulus(d('0.25')), A.between('2', '4'), A).toString()).toBe('[0.5, 1]');
  });

  it('Hölder: C·t^α, a tight enclosure', () => {
    const v = modulusAt(holderModulus(d(2), d('0.5')), A.point('0.25'), A);
    expect(v.lo.lte(1) && v.hi.gte(1) && v.hi.minus(v.lo).lt('1e-25')).toBe(true);
    const w = modulusAt(holderModulus(d(1), d(1)), A.point('0.3'), A);
    expect(w.lo.lte('0.3') && w.hi.gte('0.3') && w.hi.minus(w.lo).lt('1e-25')).toBe(true);
  });

  it('Hölder: an enclosure of t reaching below 0 is clipped at 0 (t ≥ 0 is known)', () => {
    const v = modulusAt(holderModulus(d(3), d('0.5')), A.between(-1, 4), A);
    expect(v.lo.lte(0) && v.lo.gte(0)).toBe(true);
    expect(v.hi.gte(6) && v.hi.lt('6.000000000001')).toBe(true);
    expect(modulusAt(holderModulus(d(3), d('0.5')), A.between(-2, -1), A).toString()).toBe('[0, 0]');
    expect(modulusAt(holderModulus(d(3), d('0.5')), A.between(-2, 0), A).toString()).toBe('[0, 0]');
  });

  it('Hölder: ω(0) = 0 exactly', () => {
    expect(modulusAt(holderModulus(d(3), d('0.25')), A.point(0), A).toString()).toBe('[0, 0]');
  });
});

describe('modulusAtRational', () => {
  it('is L·t or C·t (α = 1) exactly, and undefined for α < 1', () => {
    expect(modulusAtRational(lipschitzModulus(d(3)), Rational.of(1, 3))?.toString()).toBe('1');
    expect(modulusAtRational(holderModulus(d(5), d(1)), Rational.of(1, 10))?.toString()).toBe('1/2');
    expect(modulusAtRational(holderModulus(d(5), d('0.5')), Rational.of(1, 4))).toBeUndefined();
  });
});

describe('modulusTex', () => {
  it('writes L t or C t^α', () => {
    expect(modulusTex(lipschitzModulus(d('2.5')))).toBe('2.5\\,t');
    expect(modulusTex(holderModulus(d(2), d('0.5')))).toBe('2\\,t^{0.5}');
  });
});

describe('lipschitzModulus and holderModulus', () => {
  it('accept the boundary values L = 0, C = 0, α = 1 and small α', () => {
    expect(lipschitzModulus(d(0))).toEqual({ kind: 'lipschitz', L: d(0) });
    expect(holderModulus(d(0), d(1))).toEqual({ kind: 'holder', C: d(0), alpha: d(1) });
    expect(holderModulus(d(2), d('0.001'))).toEqual({ kind: 'holder', C: d(2), alpha: d('0.001') });
  });

  it('reject L < 0, C < 0, α ≤ 0 and α > 1, naming the argument and the value', () => {
    expect(rejection(() => lipschitzModulus(d('-0.5'))).message).toBe('argument lipschitz must be ≥ 0, got "-0.5"');
    expect(rejection(() => holderModulus(d(-1), d('0.5'))).message).toBe('argument holder.C must be ≥ 0, got "-1"');
    expect(rejection(() => holderModulus(d(1), d(0))).message).toBe('argument holder.alpha must be in (0, 1], got "0"');
    expect(rejection(() => holderModulus(d(1), d('-0.5'))).message).toBe('argument holder.alpha must be in (0, 1], got "-0.5"');
    expect(rejection(() => holderModulus(d(1), d('1.0001'))).message).toBe('argument holder.alpha must be in (0, 1], got "1.0001"');
  });
});

describe('readDeclaredModulus', () => {
  it('reads lipschitz or holder, ignoring the other when null', () => {
    expect(readDeclaredModulus({ lipschitz: '2' })).toEqual({ kind: 'lipschitz', L: d(2) });
    expect(readDeclaredModulus({ lipschitz: '2', holder: null })).toEqual({ kind: 'lipschitz', L: d(2) });
    expect(readDeclaredModulus({ lipschitz: '2', holder: undefined })).toEqual({ kind: 'lipschitz', L: d(2) });
    expect(readDeclaredModulus({ holder: { C: '1.5', alpha: '0.5' } })).toEqual({ kind: 'holder', C: d('1.5'), alpha: d('0.5') });
    expect(readDeclaredModulus({ lipschitz: null, holder: { C: '1', alpha: '1' } })).toEqual({ kind: 'holder', C: d(1), alpha: d(1) });
  });

  it('rejects both, neither, a holder that is not an object, and bad entries, naming the argument', () => {
    const both = rejection(() => readDeclaredModulus({ lipschitz: '2', holder: { C: '1', alpha: '0.5' } }));
    expect(both.message).toBe('argument lipschitz must not be given together with holder (declare one modulus), got "2"');
    const neither = rejection(() => readDeclaredModulus({ lipschitz: null, holder: null }));
    expect(neither.message).toBe('argument lipschitz is required (or holder): declare the modulus of f, e.g. "lipschitz": "3", got nothing');
    expect(rejection(() => readDeclaredModulus({})).argument).toBe('lipschitz');
    expect(rejection(() => readDeclaredModulus({ holder: '0.5' })).message).toBe('argument holder must be an object {"C": …, "alpha": …}, got "0.5"');
    expect(rejection(() => readDeclaredModulus({ holder: ['1', '0.5'] })).message).toBe('argument holder must be an object {"C": …, "alpha": …}, got ["1","0.5"]');
    expect(rejection(() => readDeclaredModulus({ holder: { alpha: '0.5' } })).argument).toBe('holder.C');
    expect(rejection(() => readDeclaredModulus({ holder: { C: '1', alpha: 'half' } })).argument).toBe('holder.alpha');
    expect(rejection(() => readDeclaredModulus({ holder: { C: '1', alpha: '2' } })).argument).toBe('holder.alpha');
    expect(rejection(() => readDeclaredModulus({ lipschitz: 'x' })).argument).toBe('lipschitz');
    expect(rejection(() => readDeclaredModulus({ lipschitz: '-3' })).message).toBe('argument lipschitz must be ≥ 0, got "-3"');
  });
});

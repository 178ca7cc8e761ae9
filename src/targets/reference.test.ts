/**
 * Lemma relu-partition-of-unity against an independent reference: `reference_interpolation.py`
 * computes the same left sides and bounds in mpmath at 60 digits, with the closed-form hats (not the
 * ReLU network) and f written as separate Python formulas. Inputs are random (fixed seed), not the
 * examples of the lemma's documentation, and include targets whose declared modulus is false.
 *
 * Agreement required: the same verdict (the reference's `tight`, equality to 45 digits, must be the
 * companion's `holds`), and the companion's 20-digit `lhs` within a relative 1e−18 of the reference
 * (absolute 1e−40 when the reference is below that).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { declaredModulus, interpolation, interpolationC2, interpolationModulus, sumToOne, sumToOneOutside } from '../../proof/relu-partition-of-unity.ts';
import { ExactDecimal } from '../arith/context.ts';
import type { ClaimDefinition } from '../registry/define.ts';
import { decide } from '../verdict/decide.ts';
import type { Verdict } from '../verdict/verdict.ts';
import { decimalBetween } from '../verify/generators.ts';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'reference_interpolation.py');
const hasMpmath = spawnSync('python3', ['-c', 'import mpmath'], { stdio: 'ignore' }).status === 0;

interface Formula {
  readonly js: string;
  readonly py: string;
  /** Declared modulus (true or false on [−1.5, 1.5]). */
  readonly modulus: { lipschitz: string } | { holder: { C: string; alpha: string } };
  readonly honest: boolean;
  /** Declared sup|f''| on [−1.5, 1.5], when C². */
  readonly M?: string;
}

const formulas: Formula[] = [
  { js: 'sin(5*x)', py: 'sin(5*x)', modulus: { lipschitz: '5' }, honest: true, M: '25' },
  { js: 'sin(5*x)', py: 'sin(5*x)', modulus: { lipschitz: '2' }, honest: false, M: '4' },
  { js: 'abs(7*x - 2)', py: 'abs(7*x - 2)', modulus: { lipschitz: '7' }, honest: true },
  { js: 'abs(7*x - 2)', py: 'abs(7*x - 2)', modulus: { lipschitz: '3' }, honest: false },
  { js: 'x^3 - x', py: 'x**3 - x', modulus: { lipschitz: '5.75' }, honest: true, M: '9' },
  { js: 'x^3 - x', py: 'x**3 - x', modulus: { lipschitz: '1' }, honest: false, M: '1' },
  { js: 'sqrt(abs(x - 0.3))', py: "sqrt(abs(x - mpf('0.3')))", modulus: { holder: { C: '1', alpha: '0.5' } }, honest: true },
  { js: 'sqrt(abs(x - 0.3))', py: "sqrt(abs(x - mpf('0.3')))", modulus: { holder: { C: '0.3', alpha: '0.5' } }, honest: false },
  { js: 'exp(-x^2)*cos(3*x)', py: 'exp(-x**2)*cos(3*x)', modulus: { lipschitz: '3.9' }, honest: true },
  { js: 'max(x, 1 - 2*x)', py: 'max(x, 1 - 2*x)', modulus: { lipschitz: '2' }, honest: true },
  { js: 'max(x, 1 - 2*x)', py: 'max(x, 1 - 2*x)', modulus: { lipschitz: '1' }, honest: false },
  { js: 'log(x + 3)', py: 'log(x + 3)', modulus: { lipschitz: '0.667' }, honest: true, M: '0.45' },
  { js: 'abs(x)^0.25', py: "abs(x)**mpf('0.25')", modulus: { holder: { C: '1', alpha: '0.25' } }, honest: true },
];

interface Case {
  readonly claim: ClaimDefinition<unknown>;
  readonly raw: Record<string, unknown>;
  readonly reference: Record<string, unknown>;
}

const gridArb = fc
  .record({ a: decimalBetween('-1.5', '1', 3), w: decimalBetween('0.001', '2.5', 3), N: fc.integer({ min: 1, max: 200 }) })
  .map(({ a, w, N }) => {
    const b = ExactDecimal.min(new ExactDecimal(a).plus(w), '1.5').toString();
    return { a, b: b === a ? new ExactDecimal(a).plus('0.001').toString() : b, N };
  });

function interpolationCases(seed: number, count: number): Case[] {
  const arb = fc.tuple(gridArb, fc.constantFrom(...formulas), fc.constantFrom('half', 'full', 'c2'), fc.integer({ min: 0, max: 10 ** 9 })).map(([g, f, bound, u]) => {
    const x = new ExactDecimal(g.b).minus(g.a).mul(u).div(10 ** 9).plus(g.a).toDecimalPlaces(12, ExactDecimal.ROUND_DOWN).toString();
    return { g: { ...g, x: ExactDecimal.max(x, g.a).toString() }, f, bound: f.M === undefined ? (bound === 'c2' ? 'half' : bound) : bound };
  });
  return fc.sample(arb, { seed, numRuns: count }).map(({ g, f, bound }) => {
    const claim = bound === 'c2' ? interpolationC2 : bound === 'half' ? interpolation : interpolationModulus;
    const raw = { ...g, f: f.js, ...f.modulus, ...(bound === 'c2' ? { secondDerivativeBound: f.M } : {}) };
    return { claim: claim as ClaimDefinition<unknown>, raw, reference: { kind: 'interpolation', ...g, py: f.py, bound, ...f.modulus, M: f.M } };
  });
}

function sumCases(seed: number, count: number): Case[] {
  const arb = fc.tuple(gridArb, fc.integer({ min: -1_000_000, max: 2_000_000 })).map(([g, u]) => {
    const x = new ExactDecimal(g.b).minus(g.a).mul(u).div(10 ** 6).plus(g.a).toDecimalPlaces(10, ExactDecimal.ROUND_DOWN).toString();
    return { ...g, x };
  });
  return fc.sample(arb, { seed, numRuns: count }).flatMap((g) => [
    { claim: sumToOne as ClaimDefinition<unknown>, raw: g, reference: { kind: 'sum', ...g } },
    { claim: sumToOneOutside as ClaimDefinition<unknown>, raw: g, reference: { kind: 'sum', ...g } },
  ]);
}

function pairCases(seed: number, count: number): Case[] {
  const arb = fc.tuple(fc.constantFrom(...formulas), decimalBetween('-1.5', '1.5', 8), decimalBetween('-1.5', '1.5', 8));
  return fc.sample(arb, { seed, numRuns: count }).map(([f, x, y]) => ({
    claim: declaredModulus as ClaimDefinition<unknown>,
    raw: { f: f.js, ...f.modulus, x, y },
    reference: { kind: 'pair', x, y, py: f.py, ...f.modulus },
  }));
}

function compare(cases: Case[]): { verdicts: Verdict[]; references: Array<{ lhs: string; bound: string; verdict: string }> } {
  const references = JSON.parse(execFileSync('python3', [script], { input: JSON.stringify(cases.map((c) => c.reference)), maxBuffer: 1 << 26 }).toString()) as Array<{
    lhs: string;
    bound: string;
    verdict: string;
  }>;
  const verdicts = cases.map((c) => decide(c.claim, c.raw));
  cases.forEach((c, i) => {
    const ref = references[i]!;
    const v = verdicts[i]!;
    const where = `${c.claim.id} ${JSON.stringify(c.raw)}: companion ${JSON.stringify(v)}, reference ${JSON.stringify(ref)}`;
    if (v.verdict === 'inapplicable') {
      // only sum-to-one outside [a, b]; the reference then sees a deviation
      expect(c.claim.id, where).toBe('sum-to-one');
      expect(ref.verdict, where).toBe('violated');
      return;
    }
    expect(v.verdict, where).toBe(ref.verdict === 'tight' ? 'holds' : ref.verdict);
    const lhs = new ExactDecimal(v.lhs!);
    const expected = new ExactDecimal(ref.lhs);
    const tolerance = expected.abs().lt('1e-40') ? new ExactDecimal('1e-40') : expected.abs().mul('1e-18');
    expect(lhs.minus(expected).abs().lte(tolerance), `${where}: lhs off by more than ${tolerance.toString()}`).toBe(true);
  });
  return { verdicts, references };
}

describe.skipIf(!hasMpmath)('relu-partition-of-unity against mpmath at 60 digits', () => {
  it('interpolation (ω(h/2), ω(h), h²M/8), with honest and false declarations', () => {
    const cases = interpolationCases(20_251_124, 150);
    const { verdicts } = compare(cases);
    const violated = verdicts.filter((v) => v.verdict === 'violated').length;
    // honest declarations never fail; some false ones are caught
    cases.forEach((c, i) => {
      const honest = formulas.some((f) => f.js === c.raw.f && f.honest && JSON.stringify(f.modulus) === JSON.stringify({ lipschitz: c.raw.lipschitz, holder: c.raw.holder }));
      if (honest) expect(verdicts[i]!.verdict).toBe('holds');
    });
    expect(violated).toBeGreaterThan(0);
  });

  it('sum-to-one inside and outside [a, b]', () => {
    const { verdicts } = compare(sumCases(7_771, 60));
    expect(verdicts.filter((v) => v.verdict === 'violated').length).toBeGreaterThan(5);
    expect(verdicts.filter((v) => v.verdict === 'holds').length).toBeGreaterThan(5);
  });

  it('declared-modulus on pairs', () => {
    const { verdicts } = compare(pairCases(4_242, 100));
    expect(verdicts.filter((v) => v.verdict === 'violated').length).toBeGreaterThan(5);
  });
});

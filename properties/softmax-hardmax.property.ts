/**
 * Evidence for lemma softmax-hardmax: every claim probed with exact decimal inputs, including what
 * float64 cannot represent (30-digit scores with margins of 10^{−25}, λΔ up to 10^5, n up to 1000,
 * tiny ε); the tight family (every non-maximal entry at z* − Δ) drives each claim's worst ratio
 * lhs/bound above 0.999, so no bound can be improved by a constant; the finding margin-necessary
 * shown with a certified counterexample; and for every claim a planted false bound refuted with a
 * certified, shrunk counterexample.
 *
 * A failing campaign prints its summary, the shrunk counterexample as a `uat check` line, and the
 * fast-check seed and path that reproduce it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../src/arith/context.ts';
import { attention, l1, linf, marginNecessary, monotone, softmaxHardmax, temperature } from '../proof/softmax-hardmax.ts';
import { maximiserOf, runnerUpOf } from '../src/math/softmax.ts';
import type { ClaimDefinition } from '../src/registry/define.ts';
import { runCampaign, summarise, type CampaignKind, type CampaignOutcome, type RawArgs } from '../src/verify/campaign.ts';
import { decimalBetween, decimalString, exactDecimal, exactDecimalParts, mantissaBetween } from '../src/verify/generators.ts';
import { withPlantedBound } from '../src/verify/planted.ts';

const lemma = softmaxHardmax.id;
const D = ExactDecimal;

// ---- generators: exact decimals, as raw JSON strings -------------------------------------------

/** Random scores: n ∈ [2, maxN], 8-digit mantissas times 10^k, k ∈ [−8, 1] (ties possible: inapplicable). */
const randomScores = (maxN: number): fc.Arbitrary<string[]> =>
  fc.array(exactDecimal({ digits: 8, minExponent: -8, maxExponent: 1 }), { minLength: 2, maxLength: maxN });

/** λ ∈ [0.01, 100] with 2 places. */
const moderateLambda = decimalBetween('0.01', '100', 2);

/** Moves the entry at index 0 to `position` (the maximiser's place should not always be first). */
function placeFirstAt(entries: string[], position: number): string[] {
  const k = position % entries.length;
  const rest = entries.slice(1);
  return [...rest.slice(0, k), entries[0]!, ...rest.slice(k)];
}

/**
 * Scores float64 cannot tell apart: a top entry `b` with 30 significant digits, the runner-up
 * `b − k·10^{−25}` (k ∈ 1..9), the others at least 10^{−8} below `b`; with `λ = c·10^{25}`
 * (c ∈ [0.01, 20]) so that λΔ = c·k lies in [0.01, 180].
 */
const nearTie: fc.Arbitrary<{ z: string[]; lambda: string }> = fc
  .tuple(
    mantissaBetween('-1000', '1000', 26), // b · 10^26
    fc.integer({ min: 1, max: 9 }),
    fc.array(mantissaBetween('0.00000001', '10', 8), { maxLength: 6 }), // gaps · 10^8
    fc.nat(),
    mantissaBetween('0.01', '20', 2), // c · 10^2
  )
  .map(([b, k, gaps, position, c]) => {
    // exact integer arithmetic at the scale 10^{−26}, printed as decimal.js prints
    const z = [b, b - BigInt(k) * 10n, ...gaps.map((g) => b - g * 10n ** 18n)].map((x) => decimalString(x, -26));
    return { z: placeFirstAt(z, position), lambda: decimalString(c, 23) };
  });

/**
 * The tight family: every non-maximal entry at `z* − Δ`, so `1 − p* = (n−1)e^{−λΔ}/(1+(n−1)e^{−λΔ})` and
 * the ratio to the bound is `1/(1+(n−1)e^{−λΔ})`. λΔ = m·10^e (m ∈ 1..99, e ∈ [eMin, eMax]);
 * Δ = d·10^f with d ∈ {1, 2, 4, 5, 8} so that λ = λΔ/Δ is an exact decimal.
 */
function tightFamily(maxN: number, eMin: number, eMax: number): fc.Arbitrary<{ z: string[]; lambda: string; lambdaDelta: string }> {
  return fc
    .tuple(
      fc.integer({ min: 2, max: maxN }),
      exactDecimalParts({ digits: 8, minExponent: -8, maxExponent: 1 }),
      fc.constantFrom(1, 2, 4, 5, 8),
      fc.integer({ min: -3, max: 1 }),
      fc.integer({ min: 1, max: 99 }),
      fc.integer({ min: eMin, max: eMax }),
      fc.nat(),
    )
    .map(([n, top, d, f, m, e, position]) => {
      // exact integer arithmetic: top − Δ at the scale 10^{min(k, f)}; λ = m·10^e / (d·10^f) = (m·(1000/d))·10^{e−f−3}
      const scale = Math.min(top.k, f);
      const below = decimalString(top.m * 10n ** BigInt(top.k - scale) - BigInt(d) * 10n ** BigInt(f - scale), scale);
      const z = [decimalString(top.m, top.k), ...Array.from({ length: n - 1 }, () => below)];
      return { z: placeFirstAt(z, position), lambda: decimalString(BigInt(m * (1000 / d)), e - f - 3), lambdaDelta: decimalString(BigInt(m), e) };
    });
}

/** Tight family up to λΔ ≈ 10^5 (e ≤ 3), where float64 underflows e^{−λΔ} long before. */
const tightToHugeLambdaDelta = tightFamily(16, -2, 3);
/** Tight family with λΔ ∈ [0.01, 99]: planted bounds fail there by a visible gap. */
const tightModerate = tightFamily(8, -2, 0);

/** `x / 1000` for an integer `0 ≤ x < 2^53`, printed as JavaScript prints it (at most 3 decimals, no trailing zero), without a float division. */
function thousandths(x: number): string {
  const r = x % 1000;
  const q = (x - r) / 1000;
  if (r === 0) return String(q);
  const f = r < 10 ? `00${r}` : r < 100 ? `0${r}` : String(r);
  return `${q}.${f.charCodeAt(2) !== 48 ? f : f.charCodeAt(1) !== 48 ? f.slice(0, 2) : f.slice(0, 1)}`;
}

/** Many scores: n ∈ [200, 1000] (few probes: each costs n exponentials per side). */
const manyScores = fc
  .tuple(fc.integer({ min: 200, max: 1000 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }))
  .map(([n, salt]) => Array.from({ length: n }, (_, j) => thousandths(((j + 1) * 2654435761 + salt) % 1_000_003)));

const scoresAtTemperature = (maxN: number): fc.Arbitrary<RawArgs> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.record({ z: randomScores(maxN), lambda: moderateLambda }) },
    { weight: 4, arbitrary: nearTie },
    { weight: 4, arbitrary: tightToHugeLambdaDelta.map(({ z, lambda }) => ({ z, lambda })) },
  );

/** A value entry in [−10, 10] with 6 places, as its mantissa `v·10^6`, and the tight spread `M ∈ [0.001, 10]` as `M·10^3`. */
const valueEntryMantissa = mantissaBetween('-10', '10', 6);
const valueEntry = valueEntryMantissa.map((v) => decimalString(v, -6));
const valueSpreadMantissa = mantissaBetween('0.001', '10', 3);

/** Values `v` (n rows of m columns) for scores `z`: random rows, or the tight choice `v_j = v* + M·e_0` for j ≠ i*. */
function withValues(base: fc.Arbitrary<RawArgs>, tight: boolean): fc.Arbitrary<RawArgs> {
  return base.chain((args) => {
    const z = args.z as string[];
    const n = z.length;
    if (!tight) {
      return fc
        .integer({ min: 1, max: 3 })
        .chain((m) => fc.array(fc.array(valueEntry, { minLength: m, maxLength: m }), { minLength: n, maxLength: n }))
        .map((v) => ({ ...args, v }));
    }
    const iStar = maximiserOf(z.map((x) => new D(x)));
    return fc.tuple(fc.array(valueEntryMantissa, { minLength: 1, maxLength: 3 }), valueSpreadMantissa).map(([star, M]) => {
      const vStar = star.map((x) => decimalString(x, -6));
      const shifted = [decimalString(star[0]! + M * 1000n, -6), ...vStar.slice(1)]; // v* + M·e_0, exactly at the scale 10^{−6}
      return { ...args, v: z.map((_, j) => (j === iStar ? vStar : shifted)) };
    });
  });
}

/** ε in (0, 1): 6-place decimals, and tiny ones down to 10^{−40} (λ far beyond float64's range of e^{−λΔ}). */
const epsilon = fc.oneof(decimalBetween('0.000001', '0.999999', 6), exactDecimal({ digits: 2, minExponent: -40, maxExponent: -3, nonNegative: true }).filter((e) => e !== '0'));

// ---- campaigns and how a failure is printed ----------------------------------------------------

function campaign(
  claim: string,
  kind: CampaignKind,
  definition: ClaimDefinition<unknown>,
  arbitrary: fc.Arbitrary<RawArgs>,
  domain: string,
  defaultRuns: number,
): CampaignOutcome {
  // A planted bound only needs one certified violation: its probes stop at PLANTED_MAX_PRECISION
  // digits (a probe where the planted bound happens to be true and tight, e.g. n = 2 for the missing
  // factor n − 1, would otherwise climb to 1000 digits, seconds each, before `inconclusive`).
  const decideOptions = kind === 'planted' ? { maxPrecision: PLANTED_MAX_PRECISION } : undefined;
  return runCampaign({ lemma, claim, kind, definition: definition as ClaimDefinition<unknown>, arbitrary, domain, defaultRuns, ...(decideOptions !== undefined ? { decideOptions } : {}) });
}

/** Cap on the working precision of the planted bounds' probes (their violations are visible at 30 digits). */
const PLANTED_MAX_PRECISION = 120;

/** Everything needed to read and replay a campaign's result: summary, counts, worst probe, counterexample with seed and path. */
function explain(o: CampaignOutcome, replayClaim: string): string {
  const lines = [summarise(o), `  counts: ${JSON.stringify(o.counts)}, seed ${o.seed}, ${o.runs} runs, ${Math.round(o.timeMs)} ms`];
  if (o.worst !== undefined) lines.push(`  worst ratio ${o.worst.ratio} (lhs ${o.worst.lhs}, bound ${o.worst.bound}) at ${JSON.stringify(o.worst.args)}`);
  const c = o.counterexample;
  if (c !== undefined) {
    lines.push(
      `  counterexample (shrunk ${c.shrinks} times; fast-check seed ${c.seed}, path ${JSON.stringify(c.path)}):`,
      `    ${JSON.stringify({ claim: `${lemma}/${replayClaim}`, args: c.args })}`,
      `    verdict: ${JSON.stringify(c.verdict)}`,
    );
  }
  if (o.firstUndecided !== undefined) lines.push(`  first undecided probe: ${JSON.stringify(o.firstUndecided)}`);
  return lines.join('\n');
}

/** A claim held on every probe, no probe was undecided, and the tight family pushed the worst ratio above 0.999. */
function expectHoldsAndTight(o: CampaignOutcome): void {
  const message = explain(o, o.claim);
  expect(o.status, message).toBe('holds on samples');
  expect(o.counts.error + o.counts.inconclusive, message).toBe(0);
  expect(o.counts.holds, message).toBeGreaterThan(0);
  expect(o.worst, message).toBeDefined();
  expect(Number(o.worst!.ratio), message).toBeGreaterThan(0.999);
  expect(Number(o.worst!.ratio), message).toBeLessThanOrEqual(1);
}

/** A planted bound (or finding) was violated with certified enclosures, and the counterexample says so. */
function expectCertifiedViolation(o: CampaignOutcome, replayClaim: string): void {
  const message = explain(o, replayClaim);
  expect(o.counterexample, message).toBeDefined();
  expect(o.counterexample!.verdict.verdict, message).toBe('violated');
}

// ---- the claims --------------------------------------------------------------------------------

describe('softmax-hardmax: the claims hold, and the tight family shows no constant can be saved', () => {
  it('linf', () => {
    const arbitrary = fc.oneof(
      { weight: 30, arbitrary: scoresAtTemperature(16) },
      { weight: 1, arbitrary: fc.record({ z: manyScores, lambda: moderateLambda }) },
    );
    const o = campaign('linf', 'claim', linf, arbitrary, 'n ∈ [2, 16] (a few n ∈ [200, 1000]), 8-digit scores, λ ∈ [0.01, 100]; 30-digit scores with Δ = k·10⁻²⁵; tight family with λΔ up to 9.9·10⁴', 300);
    expectHoldsAndTight(o);
  });

  it('l1', () => {
    const arbitrary = fc.oneof(
      { weight: 30, arbitrary: scoresAtTemperature(16) },
      { weight: 1, arbitrary: fc.record({ z: manyScores, lambda: moderateLambda }) },
    );
    const o = campaign('l1', 'claim', l1, arbitrary, 'as linf', 200);
    expectHoldsAndTight(o);
  });

  it('attention', () => {
    const arbitrary = fc.oneof(
      { weight: 2, arbitrary: withValues(scoresAtTemperature(8), false) },
      { weight: 1, arbitrary: withValues(tightToHugeLambdaDelta.map(({ z, lambda }) => ({ z, lambda })), true) },
    );
    const o = campaign('attention', 'claim', attention, arbitrary, 'n ∈ [2, 8], m ∈ [1, 3], values in [−10, 10] with 6 places; tight family with v_j = v* + M·e₀', 160);
    expectHoldsAndTight(o);
  });

  it('temperature', () => {
    const arbitrary = fc.oneof(
      fc.record({ z: randomScores(16), epsilon }),
      nearTie.chain(({ z }) => fc.record({ z: fc.constant(z), epsilon })),
      // tight family: 1 − p* = ε/(1+ε) at λ = ln((n−1)/ε)/Δ, ratio 1/(1+ε) → 1 as ε → 0
      tightFamily(16, 0, 0).chain(({ z }) => fc.record({ z: fc.constant(z), epsilon })),
    );
    const o = campaign('temperature', 'claim', temperature, arbitrary, 'n ∈ [2, 16], ε ∈ (0, 1) down to 10⁻⁴⁰; 30-digit scores with Δ = k·10⁻²⁵; tight family', 240);
    expectHoldsAndTight(o);
  });

  it('monotone', () => {
    const scores = fc.oneof(randomScores(16), nearTie.map(({ z }) => z), tightModerate.map(({ z }) => z));
    const lambdas = fc
      // λ < 10^4 and steps < 10^5 keep λ·(z* − min z) < 10^15, inside decimal.js's exponent range
      .tuple(exactDecimalParts({ digits: 6, minExponent: -6, maxExponent: -2, nonNegative: true }), exactDecimalParts({ digits: 4, minExponent: -30, maxExponent: 1, nonNegative: true }))
      .filter(([a]) => a.m !== 0n)
      .map(([a, step]) => {
        const scale = Math.min(a.k, step.k); // λ2 = λ1 + step, exactly, at the scale 10^scale
        return { lambda1: decimalString(a.m, a.k), lambda2: decimalString(a.m * 10n ** BigInt(a.k - scale) + step.m * 10n ** BigInt(step.k - scale), scale) };
      });
    const arbitrary = fc.tuple(scores, lambdas).map(([z, l]) => ({ z, ...l }));
    const o = campaign('monotone', 'claim', monotone, arbitrary, 'n ∈ [2, 16], 0 < λ1 < 10⁴, λ2 − λ1 ∈ [0, 10⁵) with steps down to 10⁻³⁰ (ties allowed)', 240);
    expectHoldsAndTight(o);
  });
});

// ---- the finding -------------------------------------------------------------------------------

describe('softmax-hardmax: the margin hypothesis is necessary', () => {
  it('with a tie, 1 − p* ≥ 1/2 for every λ: no temperature reaches ε < 1/2', () => {
    const tied = fc.tuple(randomScores(8), fc.nat()).map(([z, position]) => {
      const top = z.reduce((m, x) => (new D(x).gt(m) ? x : m));
      return placeFirstAt([top, ...z], position);
    });
    const arbitrary = fc.record({ z: tied, lambda: fc.oneof(moderateLambda, exactDecimal({ digits: 3, minExponent: 2, maxExponent: 30, nonNegative: true }).filter((l) => l !== '0')), epsilon: decimalBetween('0.000001', '0.499999', 6) });
    const o = campaign('margin-necessary', 'finding', marginNecessary, arbitrary, 'a tie at the top, n ∈ [3, 9], λ up to 10³³, ε < 1/2', 40);
    expect(o.status, explain(o, 'margin-necessary')).toBe('shown necessary');
    expectCertifiedViolation(o, 'margin-necessary');
  });
});

// ---- planted false bounds: each must be refuted ------------------------------------------------

const plantedDomain = 'n ∈ [2, 16] random scores, λ ∈ [0.01, 100]; tight family with λΔ ∈ [0.01, 99]';
const plantedScoresUpTo = (maxN: number): fc.Arbitrary<RawArgs> =>
  fc.oneof(fc.record({ z: randomScores(maxN), lambda: moderateLambda }), tightFamily(Math.min(maxN, 8), -2, 0).map(({ z, lambda }) => ({ z, lambda })));
const plantedScores = plantedScoresUpTo(16);
/** Attention probes cost n·m interval products per side: smaller n keeps shrinking quick. */
const plantedAttention = fc.oneof(withValues(plantedScoresUpTo(6), false), withValues(tightFamily(6, -2, 0).map(({ z, lambda }) => ({ z, lambda })), true));

/** `(n − 1)e^{−λΔ}`, computed from the scores (for planted bounds that drop a factor of the claim's bound). */
function hardmaxRate(z: readonly InstanceType<typeof D>[], lambda: InstanceType<typeof D>, A: Parameters<Parameters<typeof withPlantedBound>[2]>[1]) {
  const iStar = maximiserOf(z);
  const margin = A.sub(A.point(z[iStar]!), A.point(z[runnerUpOf(z, iStar)]!));
  return A.scale(A.exp(A.neg(A.mul(A.point(lambda), margin))), z.length - 1);
}

describe('softmax-hardmax: planted false bounds are refuted with certified counterexamples', () => {
  it('a bound without the factor n − 1 is refuted', () => {
    const planted = withPlantedBound(linf, 'linf-without-n-minus-1', (args, A, o) => A.div(o.bound, A.point(args.z.length - 1)));
    const o = campaign(planted.id, 'planted', planted, plantedScores, plantedDomain, 200);
    expect(o.status, explain(o, planted.id)).toBe('shown necessary');
    expectCertifiedViolation(o, planted.id);
  });

  it('an l1 bound without the factor 2 is refuted', () => {
    const planted = withPlantedBound(l1, 'l1-without-2', (_args, A, o) => A.div(o.bound, A.point(2)));
    const o = campaign(planted.id, 'planted', planted, plantedScores, plantedDomain, 200);
    expect(o.status, explain(o, planted.id)).toBe('shown necessary');
    expectCertifiedViolation(o, planted.id);
  });

  it('an attention bound without the factor n − 1 is refuted', () => {
    const planted = withPlantedBound(attention, 'attention-without-n-minus-1', (args, A, o) => A.div(o.bound, A.point(args.z.length - 1)));
    const o = campaign(planted.id, 'planted', planted, plantedAttention, 'n ∈ [2, 6] random scores, λ ∈ [0.01, 100]; tight family with λΔ ∈ [0.01, 99]; values in [−10, 10]', 200);
    expect(o.status, explain(o, planted.id)).toBe('shown necessary');
    expectCertifiedViolation(o, planted.id);
  });

  it('an attention bound without the factor max‖v_j − v*‖ is refuted', () => {
    const planted = withPlantedBound(attention, 'attention-without-value-spread', (args, A) => hardmaxRate(args.z, args.lambda, A));
    const o = campaign(planted.id, 'planted', planted, plantedAttention, 'n ∈ [2, 6] random scores, λ ∈ [0.01, 100]; tight family with λΔ ∈ [0.01, 99]; values in [−10, 10]', 200);
    expect(o.status, explain(o, planted.id)).toBe('shown necessary');
    expectCertifiedViolation(o, planted.id);
  });

  it('a temperature λ = ln(1/ε)/Δ instead of ln((n−1)/ε)/Δ is refuted', () => {
    // The planted statement "λ ≥ ln(1/ε')/Δ ⇒ 1 − p* ≤ ε'", probed at the claim's own temperature
    // λ = ln((n−1)/ε)/Δ = ln(1/ε')/Δ with ε' = ε/(n−1): the same left side against the bound ε/(n−1).
    const planted = withPlantedBound(temperature, 'temperature-ln-1-over-epsilon', (args, A) => A.div(A.point(args.epsilon), A.point(args.z.length - 1)));
    const arbitrary = fc.oneof(fc.record({ z: randomScores(16), epsilon: decimalBetween('0.000001', '0.999999', 6) }), tightModerate.chain(({ z }) => fc.record({ z: fc.constant(z), epsilon: decimalBetween('0.000001', '0.999999', 6) })));
    const o = campaign(planted.id, 'planted', planted, arbitrary, 'n ∈ [2, 16], ε ∈ (0, 1) with 6 places; tight family', 200);
    expect(o.status, explain(o, planted.id)).toBe('shown necessary');
    expectCertifiedViolation(o, planted.id);
  });

  it('monotonicity reversed (1 − p* non-decreasing in λ) is refuted', () => {
    // The planted statement "λ1 ≥ λ2 ⇒ 1 − p*(λ2) ≤ 1 − p*(λ1)", probed with the claim's arguments
    // swapped: for λ1 ≤ λ2 it says 1 − p*(λ1) ≤ 1 − p*(λ2), i.e. lhs ≤ 2·lhs − bound with the claim's lhs and bound.
    const planted = withPlantedBound(monotone, 'monotone-reversed', (_args, A, o) => A.sub(A.scale(o.lhs, 2), o.bound));
    const arbitrary = fc
      .tuple(plantedScores, decimalBetween('0.01', '10', 2), decimalBetween('0.01', '10', 2))
      .map(([{ z }, a, step]) => ({ z, lambda1: a, lambda2: new D(a).plus(step).toString() }));
    const o = campaign(planted.id, 'planted', planted, arbitrary, 'n ∈ [2, 16], λ1 ∈ [0.01, 10], λ2 − λ1 ∈ [0.01, 10]', 200);
    expect(o.status, explain(o, planted.id)).toBe('shown necessary');
    expectCertifiedViolation(o, planted.id);
  });
});

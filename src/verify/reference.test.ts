/**
 * `uat check --digits 30` agrees with an independent high-precision reference on probes it was not
 * written against: verdicts equal, `lhs` and `bound` equal to 25 significant digits.
 *
 * The probes are drawn by fast-check with a fixed seed ({@link REFERENCE_SEED}, not the campaigns'
 * seed), so the run is reproducible. The reference is `reference/softmax_reference.py` (python3 +
 * mpmath, at least 60 digits, probabilities straight from `e^{λz_j}/Σ_k e^{λz_k}`); when python3 or
 * mpmath is missing, the naive decimal.js computation of `reference/softmax-reference.ts` at 200 digits.
 * The test's name says which one ran; `UAT_REFERENCE=decimal` forces the fallback.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalBetween } from './generators.ts';
import { naiveSoftmaxReference, NAIVE_REFERENCE_DIGITS, type ReferenceAnswer } from './reference/softmax-reference.ts';
import { REPO_ROOT } from './settings.ts';

/** Fixed seed of the probes (different from the campaigns' `DEFAULT_SEED`). */
const REFERENCE_SEED = 20_251_124;
const PROBES = 90;
/** Digits asked of `uat check`, and digits on which it must agree with the reference. */
const DIGITS = 30;
const AGREEING_DIGITS = 25;

const PYTHON_REFERENCE = path.join(REPO_ROOT, 'src', 'verify', 'reference', 'softmax_reference.py');
const BIN = path.join(REPO_ROOT, 'src', 'cli', 'bin.mjs');

/** `UAT_REFERENCE=decimal` forces the decimal.js fallback (to check the fallback itself). */
const mpmathAvailable =
  process.env.UAT_REFERENCE !== 'decimal' && spawnSync('python3', ['-c', 'import mpmath'], { encoding: 'utf8' }).status === 0;
const referenceName = mpmathAvailable
  ? 'python3 + mpmath (softmax_reference.py, ≥ 60 digits)'
  : `decimal.js, naive formula at ${NAIVE_REFERENCE_DIGITS} digits (python3 with mpmath not used)`;

interface Probe {
  readonly claim: string;
  readonly args: Record<string, unknown>;
}

// Scores in [−5, 5] and λ ≤ 20 keep λΔ ≤ 200, within reach of both references' working precision.
const score = decimalBetween('-5', '5', 12);
const scores = fc
  .tuple(fc.array(score, { minLength: 2, maxLength: 12 }), fc.integer({ min: 0, max: 5 }))
  .map(([z, tieChance]) => {
    if (tieChance !== 0) return z;
    // make a tie at the top on one probe in six: the hypothesis margin fails
    const top = z.reduce((m, x) => (new Decimal(x).gt(m) ? x : m));
    return [...z, top];
  });
const lambda = fc.oneof({ weight: 9, arbitrary: decimalBetween('0.05', '20', 4) }, { weight: 1, arbitrary: fc.constantFrom('0', '-1.5') });
const epsilon = fc.oneof({ weight: 9, arbitrary: decimalBetween('0.000001', '0.999999', 6) }, { weight: 1, arbitrary: fc.constantFrom('0', '1', '1.5') });

const probes: fc.Arbitrary<Probe> = fc.oneof(
  fc.record({ claim: fc.constant('softmax-hardmax/linf'), args: fc.record({ z: scores, lambda }) }),
  fc.record({ claim: fc.constant('softmax-hardmax/l1'), args: fc.record({ z: scores, lambda }) }),
  fc.record({
    claim: fc.constant('softmax-hardmax/attention'),
    args: fc
      .tuple(scores, lambda, fc.integer({ min: 1, max: 4 }))
      .chain(([z, l, m]) =>
        fc.array(fc.array(decimalBetween('-3', '3', 8), { minLength: m, maxLength: m }), { minLength: z.length, maxLength: z.length }).map((v) => ({ z, lambda: l, v })),
      ),
  }),
  // temperature: scores with 6 places, so Δ ≥ 1e-6 and λ = ln((n−1)/ε)/Δ stays moderate
  fc.record({
    claim: fc.constant('softmax-hardmax/temperature'),
    args: fc.record({ z: fc.array(decimalBetween('-5', '5', 6), { minLength: 2, maxLength: 10 }), epsilon }),
  }),
  fc.record({
    claim: fc.constant('softmax-hardmax/monotone'),
    args: fc.tuple(scores, decimalBetween('0.05', '10', 3), decimalBetween('0', '10', 3)).map(([z, a, b]) => ({
      z,
      lambda1: a,
      lambda2: new Decimal(a).plus(b).toString(),
    })),
  }),
  fc.record({ claim: fc.constant('softmax-hardmax/margin-necessary'), args: fc.record({ z: scores, lambda, epsilon }) }),
);

function referenceAnswers(sample: readonly Probe[]): ReferenceAnswer[] {
  if (!mpmathAvailable) return sample.map(naiveSoftmaxReference);
  const r = spawnSync('python3', [PYTHON_REFERENCE], { input: sample.map((p) => `${JSON.stringify(p)}\n`).join(''), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`softmax_reference.py failed: ${r.stderr}`);
  return r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as ReferenceAnswer);
}

/** True when `value` equals `reference` to `digits` significant digits: |value − reference| ≤ 10^{−digits}·|reference|. */
function agrees(value: string, reference: string, digits: number): boolean {
  const v = new Decimal(value);
  const r = new Decimal(reference);
  if (r.isZero()) return v.isZero();
  return v.minus(r).abs().lte(r.abs().mul(new Decimal(10).pow(-digits)));
}

describe(`uat check agrees with an independent reference: ${referenceName}`, () => {
  const sample = fc.sample(probes, { seed: REFERENCE_SEED, numRuns: PROBES });

  it(`${PROBES} random probes (seed ${REFERENCE_SEED}): same verdicts, lhs and bound equal to ${AGREEING_DIGITS} digits at --digits ${DIGITS}`, () => {
    const run = spawnSync(process.execPath, [BIN, 'check', '--digits', String(DIGITS)], {
      input: sample.map((p) => `${JSON.stringify(p)}\n`).join(''),
      encoding: 'utf8',
      cwd: REPO_ROOT,
    });
    expect(run.stderr).toBe('');
    const answers = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    const references = referenceAnswers(sample);
    expect(answers).toHaveLength(sample.length);
    const verdicts = new Map<string, number>();
    answers.forEach((answer, k) => {
      const reference = references[k]!;
      const where = `probe ${k + 1}: ${JSON.stringify(sample[k])}\n  uat: ${JSON.stringify(answer)}\n  reference: ${JSON.stringify(reference)}`;
      expect(answer.verdict, where).toBe(reference.verdict);
      verdicts.set(answer.verdict!, (verdicts.get(answer.verdict!) ?? 0) + 1);
      if (reference.verdict === 'inapplicable') return;
      expect(agrees(answer.lhs!, reference.lhs!, AGREEING_DIGITS), `lhs: ${where}`).toBe(true);
      expect(agrees(answer.bound!, reference.bound!, AGREEING_DIGITS), `bound: ${where}`).toBe(true);
    });
    // the sample exercises every verdict the claims can give
    expect([...verdicts.keys()].sort()).toEqual(['holds', 'inapplicable', 'violated']);
  });
});

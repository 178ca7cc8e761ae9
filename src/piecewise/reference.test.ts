/**
 * `uat check --digits 30` agrees with an independent high-precision reference on probes of lemma
 * piecewise-constant that it was not written against: verdicts equal, `lhs` and `bound` equal to 25
 * significant digits (the left side relative to the larger of itself and the bound, since an exact 0
 * may be reported as the midpoint of a tiny enclosure).
 *
 * The probes are drawn by fast-check with a fixed seed ({@link REFERENCE_SEED}, not the campaigns'
 * seed): 1-D and 2-D points on and near cell faces, corners and b, expression targets (Lipschitz and
 * Hölder, some with a false declared modulus: half the true constant) and the library families the
 * reference implements, some points outside the box; grids for an accuracy; the quantiser and its
 * transition zones. The reference is `reference/piecewise_reference.py` (python3 + mpmath at 60 digits,
 * Python Fractions for everything rational; no interval arithmetic and no ReLU network). Without
 * python3 and mpmath the test is skipped and says so.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import { REPO_ROOT } from '../verify/settings.ts';
import {
  accuracyProbe,
  expressionTargets,
  libraryTargets,
  point,
  quantisedProbe,
  quantiserProbe,
  someGrid,
  transitionProbe,
  type GridSpec,
  type RawArgs,
} from './arbitraries.ts';

/** Fixed seed of the probes (different from the campaigns' `DEFAULT_SEED`). */
const REFERENCE_SEED = 20_251_125;
const PROBES = 200;
const DIGITS = 30;
const AGREEING_DIGITS = 25;

const PYTHON_REFERENCE = path.join(REPO_ROOT, 'src', 'piecewise', 'reference', 'piecewise_reference.py');
const BIN = path.join(REPO_ROOT, 'src', 'cli', 'bin.mjs');
const mpmathAvailable = spawnSync('python3', ['-c', 'import mpmath'], { encoding: 'utf8' }).status === 0;

/** The library families the reference writes out. */
const REFERENCE_FAMILIES = new Set(['sin', 'abs-shift', 'sqrt-abs', 'max-coordinate', 'coordinate-sum', 'distance-inf', 'sin-of-sum']);

function referenceTargets(g: GridSpec, m: number): fc.Arbitrary<RawArgs> {
  const library = libraryTargets(g, m).filter((t) => REFERENCE_FAMILIES.has((t.target as { family: string }).family));
  return fc.oneof(library, expressionTargets(g, m), expressionTargets(g, m, '0.5'));
}

interface Probe {
  readonly claim: string;
  readonly args: RawArgs;
}

const gridArgs: fc.Arbitrary<RawArgs> = fc
  .tuple(someGrid(), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 0, max: 9 }))
  .chain(([g, m, outside]) =>
    fc.tuple(referenceTargets(g, m), point(g, m)).map(([t, x]) => ({
      ...t,
      a: g.a,
      b: g.b,
      N: g.N,
      // one probe in ten has its first coordinate just above b: inapplicable
      x: outside === 0 ? [new ExactDecimal(g.b).plus('0.001').toString(), ...x.slice(1)] : x,
    })),
  );

const probes: fc.Arbitrary<Probe> = fc.oneof(
  gridArgs.map((args) => ({ claim: 'piecewise-constant/modulus', args })),
  gridArgs.map((args) => ({ claim: 'piecewise-constant/lipschitz', args })),
  accuracyProbe(2, referenceTargets).map((args) => ({ claim: 'piecewise-constant/grid-for-epsilon', args })),
  quantiserProbe().map((args) => ({ claim: 'piecewise-constant/relu-step', args })),
  quantiserProbe().map((args) => ({ claim: 'piecewise-constant/relu-step-near-grid', args })),
  transitionProbe().map((args) => ({ claim: 'piecewise-constant/transition-zones', args })),
  quantisedProbe(false, referenceTargets).map((args) => ({ claim: 'piecewise-constant/quantised-centre', args })),
  quantisedProbe(true, referenceTargets).map((args) => ({ claim: 'piecewise-constant/quantised-centre-wide-ramps', args })),
);

function agrees(value: string, reference: string, scale: string, digits: number): boolean {
  const v = new ExactDecimal(value);
  const r = new ExactDecimal(reference);
  const s = ExactDecimal.max(r.abs(), new ExactDecimal(scale).abs());
  if (s.isZero()) return v.isZero();
  return v.minus(r).abs().lte(s.mul(new ExactDecimal(10).pow(-digits)));
}

describe.skipIf(!mpmathAvailable)('piecewise-constant: uat check agrees with python3 + mpmath (piecewise_reference.py, 60 digits and Fractions)', () => {
  const sample = fc.sample(probes, { seed: REFERENCE_SEED, numRuns: PROBES });

  it(`${PROBES} random probes (seed ${REFERENCE_SEED}): same verdicts, lhs and bound equal to ${AGREEING_DIGITS} digits at --digits ${DIGITS}`, () => {
    const input = sample.map((p) => `${JSON.stringify(p)}\n`).join('');
    const run = spawnSync(process.execPath, [BIN, 'check', '--digits', String(DIGITS)], { input, encoding: 'utf8', cwd: REPO_ROOT });
    expect(run.stderr).toBe('');
    const answers = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    const ref = spawnSync('python3', [PYTHON_REFERENCE], { input, encoding: 'utf8' });
    expect(ref.status, ref.stderr).toBe(0);
    const references = ref.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    expect(answers).toHaveLength(sample.length);
    expect(references).toHaveLength(sample.length);
    const verdicts = new Map<string, number>();
    answers.forEach((answer, k) => {
      const reference = references[k]!;
      const where = `probe ${k + 1}: ${JSON.stringify(sample[k])}\n  uat: ${JSON.stringify(answer)}\n  reference: ${JSON.stringify(reference)}`;
      expect(answer.verdict, where).toBe(reference.verdict);
      const key = `${sample[k]!.claim.split('/')[1]}:${answer.verdict}`;
      verdicts.set(key, (verdicts.get(key) ?? 0) + 1);
      if (reference.verdict === 'inapplicable') return;
      expect(agrees(answer.lhs!, reference.lhs!, reference.bound!, AGREEING_DIGITS), `lhs: ${where}`).toBe(true);
      expect(agrees(answer.bound!, reference.bound!, reference.bound!, AGREEING_DIGITS), `bound: ${where}`).toBe(true);
    });
    // The sample exercises holds, violated (false declared moduli, the findings) and inapplicable.
    for (const wanted of ['modulus:holds', 'modulus:violated', 'modulus:inapplicable', 'lipschitz:holds', 'grid-for-epsilon:holds', 'relu-step:holds', 'relu-step-near-grid:violated', 'transition-zones:violated', 'quantised-centre:holds', 'quantised-centre-wide-ramps:violated']) {
      expect(verdicts.get(wanted) ?? 0, `${wanted} in ${JSON.stringify([...verdicts])}`).toBeGreaterThan(0);
    }
  });
});

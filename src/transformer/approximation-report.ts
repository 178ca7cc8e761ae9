/**
 * One end-to-end run of the theorem for a target: construction, ledger, resources and certification
 * (samples, box-wise bound, declared-modulus check), as plain JSON-ready data for the CLI and the
 * resource table.
 */
import type { Decimal } from 'decimal.js';
import { certifyBoxes, certifySamples, checkDeclaredModulus, checkPoints, type BoxCertificate, type ModulusCheck, type SampleCertificate } from './certify.ts';
import { constructTransformer, type Construction } from './construct.ts';
import { parameterCount } from './model.ts';
import type { TheoremTarget } from './theorem-target.ts';

export interface ApproximationOptions {
  /** Random inputs besides the adversarial ones (default 200). */
  readonly samples?: number;
  /** Largest number of boxes of the box-wise bound (default 4000; 0 skips it). */
  readonly maxBoxes?: number;
  /** Random pairs for the declared-modulus check (default 100). */
  readonly modulusPairs?: number;
  readonly seed?: number;
}

export interface ApproximationResult {
  readonly construction: Construction;
  readonly resources: { heads: number; width: number; model: number; parameters: number; nonZeroParameters: number; lambda: string; constructionMs: number };
  readonly samples: SampleCertificate;
  readonly boxes: BoxCertificate | undefined;
  readonly modulus: ModulusCheck;
  /** `box-wise` when the cover proved the sup error, `samples` when only the inputs were checked, `refuted` on a violation. */
  readonly certification: 'box-wise' | 'samples' | 'refuted';
  /** The certified error: the box-wise bound, or the worst sampled error (a lower estimate of the sup). */
  readonly certifiedError: Decimal;
  readonly certifyMs: number;
}

/** Builds the network for `target` at `epsilon` and certifies it. */
export function approximate(target: TheoremTarget, epsilon: Decimal, options: ApproximationOptions = {}): ApproximationResult {
  const construction = constructTransformer(target, epsilon);
  const started = performance.now();
  const seed = options.seed ?? 1;
  const samples = certifySamples(construction, checkPoints(construction, options.samples ?? 200, seed));
  const maxBoxes = options.maxBoxes ?? 4000;
  const boxes = samples.violations === 0 && maxBoxes > 0 ? certifyBoxes(construction, maxBoxes) : undefined;
  const modulus = checkDeclaredModulus(construction, options.modulusPairs ?? 100, seed + 1);
  const count = parameterCount(construction.weights);
  const certification = samples.violations > 0 ? 'refuted' : boxes?.certified === true ? 'box-wise' : 'samples';
  return {
    construction,
    resources: {
      heads: construction.heads,
      width: construction.width,
      model: construction.weights.model,
      parameters: count.total,
      nonZeroParameters: count.nonZero,
      lambda: construction.lambda.toString(),
      constructionMs: Math.round(construction.timeMs),
    },
    samples,
    boxes,
    modulus,
    certification,
    certifiedError: certification === 'box-wise' ? boxes!.bound! : samples.worstError,
    certifyMs: Math.round(performance.now() - started),
  };
}

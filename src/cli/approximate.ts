/**
 * `uat approximate (--target "<expression>" --lipschitz L | --library '<json spec>') --tokens n --epsilon ε
 * [--export FILE] [--json] [--samples S] [--max-boxes B] [--seed K]`: builds the explicit single-layer
 * Transformer of theorem `single-layer-transformer`, prints its error ledger, resources and certified
 * error, and optionally writes its weights as `uat-transformer/1` JSON.
 *
 * Caps: tokens in [2, 8]; ε in [0.001, 1]; FFN width ≤ 20000 and ≤ 4096 cells per ridge profile (a
 * target needing more is refused with the reason); samples ≤ 100000; boxes ≤ 1000000.
 * Exit status: 0 when the network is certified (box-wise or on every sample), 1 when a check finds a
 * certified error above ε or refutes the declared Lipschitz constant, 2 on a bad option or a target
 * the construction refuses.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { approximate, type ApproximationResult } from '../transformer/approximation-report.ts';
import { MIN_EPSILON } from '../transformer/cache.ts';
import { exportTransformer } from '../transformer/model.ts';
import { ConstructionRefused } from '../transformer/ridge-decomposition.ts';
import { expressionTheoremTarget, libraryTheoremTarget, MAX_TOKENS } from '../transformer/theorem-target.ts';
import { readDecimal } from '../verdict/args.ts';
import { ArgumentError } from '../verdict/errors.ts';
import { UsageError } from './usage-error.ts';

interface ApproximateOptions {
  readonly target?: string;
  readonly library?: string;
  readonly tokens: number;
  readonly lipschitz?: string;
  readonly epsilon: string;
  readonly export?: string;
  readonly json?: boolean;
  readonly samples: number;
  readonly maxBoxes: number;
  readonly seed: number;
}

function integerIn(min: number, max: number): (text: string) => number {
  return (text) => {
    const value = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) throw new InvalidArgumentError(`must be an integer in [${min}, ${max}].`);
    return value;
  };
}

/** Adds the `approximate` command to `program`. */
export function register(program: Command): void {
  program
    .command('approximate')
    .description('build an explicit single-layer Transformer within ε of a target and certify its error')
    .option('--target <expression>', 'F(X)_i as an expression in x1 … xn (token values) and i (1-based output index)')
    .option('--library <json>', 'a library target spec instead, e.g. \'{"family":"sin-of-sum","k":"2"}\'')
    .requiredOption('--tokens <n>', `number of tokens, 2..${MAX_TOKENS}`, integerIn(2, MAX_TOKENS))
    .option('--lipschitz <L>', 'declared Lipschitz constant of each F(·)_i in the ∞-norm (required with --target)')
    .requiredOption('--epsilon <e>', `accuracy, in [${MIN_EPSILON}, 1]`)
    .option('--export <file>', 'write the weights as uat-transformer/1 JSON')
    .option('--json', 'print the result as JSON')
    .option('--samples <S>', 'random inputs checked besides the adversarial ones', integerIn(0, 100_000), 200)
    .option('--max-boxes <B>', 'budget of the box-wise bound (0 skips it)', integerIn(0, 1_000_000), 4000)
    .option('--seed <K>', 'seed of the random inputs', integerIn(0, 2 ** 31 - 1), 1)
    .action((options: ApproximateOptions) => {
      const result = run(options);
      if (options.export !== undefined) {
        const c = result.construction;
        const claim = {
          target: options.target ?? options.library ?? '',
          lipschitz: c.target.modulus.kind === 'lipschitz' ? c.target.modulus.L.toString() : `holder C=${c.target.modulus.C.toString()} alpha=${c.target.modulus.alpha.toString()}`,
          epsilon: c.epsilon.toString(),
        };
        try {
          writeFileSync(options.export, `${JSON.stringify(exportTransformer(c.weights, claim), null, 1)}\n`);
        } catch (e) {
          throw new UsageError(`cannot write ${options.export}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      process.stdout.write(options.json === true ? `${JSON.stringify(toJson(result), null, 2)}\n` : text(result));
      process.exitCode = result.certification === 'refuted' || result.modulus.refuted !== undefined ? 1 : 0;
    });
}

function run(options: ApproximateOptions): ApproximationResult {
  try {
    const epsilon = readDecimal(options.epsilon, 'epsilon');
    if (epsilon.lt(MIN_EPSILON) || epsilon.gt(1)) throw new ArgumentError('epsilon', options.epsilon, `must be in [${MIN_EPSILON}, 1]`);
    if ((options.target === undefined) === (options.library === undefined)) throw new UsageError('give exactly one of --target and --library');
    let target;
    if (options.target !== undefined) {
      if (options.lipschitz === undefined) throw new UsageError('--lipschitz is required with --target');
      target = expressionTheoremTarget(options.target, options.tokens, readDecimal(options.lipschitz, 'lipschitz'));
    } else {
      let spec: unknown;
      try {
        spec = JSON.parse(options.library!);
      } catch {
        throw new UsageError(`--library must be a JSON object, got ${JSON.stringify(options.library)}`);
      }
      target = libraryTheoremTarget(spec, options.tokens);
    }
    return approximate(target, epsilon, { samples: options.samples, maxBoxes: options.maxBoxes, seed: options.seed });
  } catch (e) {
    if (e instanceof ArgumentError || e instanceof ConstructionRefused) throw new UsageError(e.message);
    throw e;
  }
}

const fmt = (d: { toSignificantDigits(n: number, r?: number): { toString(): string } }) => d.toSignificantDigits(6, 0).toString();

function toJson(r: ApproximationResult): Record<string, unknown> {
  const c = r.construction;
  const l = c.ledger;
  return {
    target: c.target.id,
    tokens: c.target.tokens,
    epsilon: c.epsilon.toString(),
    ledger: {
      ffnBudget: l.ffnBudget.toString(),
      routingBudget: l.routingBudget.toString(),
      ffnError: fmt(l.ffnError),
      lipschitzG: fmt(l.lipschitz),
      lambda: l.lambda.toString(),
      routingError: fmt(l.routingError),
      total: fmt(l.total),
      positions: l.positions.map((p) => ({ position: p.position, ffnError: fmt(p.ffnError), lipschitz: fmt(p.lipschitz), routingError: fmt(p.routingError), total: fmt(p.total) })),
    },
    ridges: c.ridges.map((g) => ({ direction: g.direction.map(String), gate: g.gate ?? 'all', profile: g.g, cells: g.N, error: fmt(g.error), bound: g.method })),
    resources: r.resources,
    certification: r.certification,
    certifiedError: fmt(r.certifiedError),
    samples: { ...r.samples, worstError: fmt(r.samples.worstError) },
    boxes: r.boxes === undefined ? null : { ...r.boxes, bound: r.boxes.bound === undefined ? null : fmt(r.boxes.bound) },
    modulus: r.modulus,
    certifyMs: r.certifyMs,
  };
}

function text(r: ApproximationResult): string {
  const c = r.construction;
  const l = c.ledger;
  const lines = [
    `target      F(X)_i = ${c.target.id}   (n = ${c.target.tokens}, ε = ${c.epsilon.toString()})`,
    'ledger',
    `  FFN approximation   ε₁ = ${fmt(l.ffnError)}   (budget ${l.ffnBudget.toString()}: ridge interpolation + roundings)`,
    `  FFN Lipschitz       L_G = ${fmt(l.lipschitz)}   (from the weights, slots only)`,
    `  temperature         λ = ${l.lambda.toString()}   (chosen after the FFN: ln(L_G(n−1)·diam/ε₂), ε₂ = ${l.routingBudget.toString()})`,
    `  routing             L_G(n−1)e^{−λ}·diam = ${fmt(l.routingError)}`,
    `  total               ${fmt(l.total)} ≤ ε = ${c.epsilon.toString()}`,
    'resources',
    `  heads ${r.resources.heads}, model dimension ${r.resources.model}, FFN width ${r.resources.width}, parameters ${r.resources.parameters} (${r.resources.nonZeroParameters} non-zero), construction ${r.resources.constructionMs} ms`,
    ...c.ridges.map((g) => `  ridge (${g.direction.join(', ')}) ${g.gate === undefined ? 'all positions' : `position ${g.gate}`}: g(t) = ${g.g}, ${g.N} cells, error ≤ ${fmt(g.error)} (${g.method})`),
    'certification',
    `  samples: ${r.samples.count} inputs (random, corners, ties, cell faces and midpoints), worst error ${fmt(r.samples.worstError)} at X = (${r.samples.worstAt.X.join(', ')}), token ${r.samples.worstAt.token}; ${r.samples.violations} above ε, ${r.samples.undecided} undecided`,
    `  box-wise: ${r.boxes === undefined ? 'skipped' : r.boxes.description}`,
    `  declared modulus: ${r.modulus.refuted === undefined ? `no violation on ${r.modulus.pairs} random pairs` : `REFUTED at X = (${r.modulus.refuted.X.join(', ')}), Y = (${r.modulus.refuted.Y.join(', ')}), token ${r.modulus.refuted.token}`}`,
    `  certified error ${fmt(r.certifiedError)} (${r.certification === 'box-wise' ? 'box-wise bound over [0,1]^n' : r.certification === 'samples' ? 'worst over the checked inputs; the ledger bound holds by construction' : 'REFUTED: an input with error above ε'})`,
  ];
  return `${lines.join('\n')}\n`;
}

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
 *
 * Bad input: every bad option value is one line on stderr naming the option and the value, before
 * any work (a refused target: the target and the reason). `--export` is checked before the
 * construction (a directory, or a path in no directory, is refused); the result is printed before the
 * file is written (atomically: a temporary file renamed), so a write that still fails loses nothing:
 * one line says the network printed above was not exported, exit 2.
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { Decimal } from 'decimal.js';
import { renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { approximate, type ApproximationResult } from '../transformer/approximation-report.ts';
import { MIN_EPSILON } from '../transformer/cache.ts';
import { exportTransformer } from '../transformer/model.ts';
import { ConstructionRefused } from '../transformer/ridge-decomposition.ts';
import { expressionTheoremTarget, libraryTheoremTarget, MAX_TOKENS, type TheoremTarget } from '../transformer/theorem-target.ts';
import { readDecimal } from '../verdict/args.ts';
import { ArgumentError, describeValue } from '../verdict/errors.ts';
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

/** Where the command writes: standard output, the export file, the exit status (replaceable in tests). */
export interface ApproximateIo {
  readonly stdout: (text: string) => void;
  /** Writes `text` to `file`; throws on failure. */
  readonly writeFile: (file: string, text: string) => void;
  readonly setExitCode: (code: number) => void;
}

/** Writes through a temporary file in the same directory, renamed into place: a reader never sees half a file. */
export function writeFileAtomically(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (e) {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing was created
    }
    throw e;
  }
}

const PROCESS_IO: ApproximateIo = {
  stdout: (text) => process.stdout.write(text),
  writeFile: writeFileAtomically,
  setExitCode: (code) => (process.exitCode = code),
};

/** Largest `--samples`. */
export const MAX_SAMPLES = 100_000;
/** Largest `--max-boxes`. */
export const MAX_BOXES = 1_000_000;

function integerIn(min: number, max: number): (text: string) => number {
  return (text) => {
    const value = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) throw new InvalidArgumentError(`must be an integer in [${min}, ${max}].`);
    return value;
  };
}

/** Adds the `approximate` command to `program` (`io`: where it writes; the process by default). */
export function register(program: Command, io: ApproximateIo = PROCESS_IO): void {
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
    .option('--samples <S>', 'random inputs checked besides the adversarial ones', integerIn(0, MAX_SAMPLES), 200)
    .option('--max-boxes <B>', 'budget of the box-wise bound (0 skips it)', integerIn(0, MAX_BOXES), 4000)
    .option('--seed <K>', 'seed of the random inputs', integerIn(0, 2 ** 31 - 1), 1)
    .action((options: ApproximateOptions) => {
      const { target, epsilon } = readOptions(options);
      if (options.export !== undefined) checkExportPath(options.export);
      const result = refusedAsUsage(() => approximate(target, epsilon, { samples: options.samples, maxBoxes: options.maxBoxes, seed: options.seed }));
      // the result is printed before the export is written, so a failed write loses nothing
      io.stdout(options.json === true ? `${JSON.stringify(toJson(result), null, 2)}\n` : text(result));
      io.setExitCode(result.certification === 'refuted' || result.modulus.refuted !== undefined ? 1 : 0);
      if (options.export !== undefined) writeExport(options, result, io);
    });
}

/** The option an argument of the theorem's readers comes from (`target.k` of a library spec: `--library`). */
function optionOf(argument: string, options: ApproximateOptions): string {
  if (argument === 'epsilon' || argument === 'lipschitz' || argument === 'tokens') return `--${argument}`;
  return options.target !== undefined ? '--target' : '--library';
}

/** Reads the target and ε; every bad value is a {@link UsageError} naming the option and the value. */
function readOptions(options: ApproximateOptions): { target: TheoremTarget; epsilon: Decimal } {
  try {
    const epsilon = readDecimal(options.epsilon, 'epsilon');
    if (epsilon.lt(MIN_EPSILON) || epsilon.gt(1)) throw new ArgumentError('epsilon', options.epsilon, `must be in [${MIN_EPSILON}, 1]`);
    if ((options.target === undefined) === (options.library === undefined)) throw new UsageError('give exactly one of --target and --library');
    if (options.target !== undefined) {
      if (options.lipschitz === undefined) throw new UsageError('--lipschitz is required with --target');
      return { target: expressionTheoremTarget(options.target, options.tokens, readDecimal(options.lipschitz, 'lipschitz')), epsilon };
    }
    if (options.lipschitz !== undefined) throw new UsageError('--lipschitz applies to --target only (a library target carries its proved modulus)');
    let spec: unknown;
    try {
      spec = JSON.parse(options.library!);
    } catch {
      throw new UsageError(`--library must be a JSON object, got ${JSON.stringify(options.library)}`);
    }
    return { target: refusedAsUsage(() => libraryTheoremTarget(spec, options.tokens)), epsilon };
  } catch (e) {
    if (e instanceof ArgumentError) {
      const option = optionOf(e.argument, options);
      const named = option === '--library' ? `argument ${e.argument} ` : '';
      throw new UsageError(`${option} ${named}${e.problem}, got ${describeValue(e.value)}`);
    }
    throw e;
  }
}

/** Runs `build`; a target the construction refuses is a {@link UsageError} naming the target and the reason. */
function refusedAsUsage<T>(build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (e instanceof ConstructionRefused) throw new UsageError(e.message);
    throw e;
  }
}

/** Refuses, before any work, an export path that is a directory or lies in no directory. */
function checkExportPath(file: string): void {
  const shown = JSON.stringify(file);
  if (file.trim() === '') throw new UsageError(`--export needs a file name, got ${shown}`);
  const kind = (p: string) => {
    try {
      return statSync(p).isDirectory() ? 'directory' : 'file';
    } catch {
      return undefined;
    }
  };
  if (kind(file) === 'directory') throw new UsageError(`--export ${shown} is a directory; give a file name`);
  const dir = path.dirname(path.resolve(file));
  const parent = kind(dir);
  if (parent === undefined) throw new UsageError(`--export ${shown}: no such directory ${JSON.stringify(dir)}`);
  if (parent !== 'directory') throw new UsageError(`--export ${shown}: ${JSON.stringify(dir)} is not a directory`);
}

function writeExport(options: ApproximateOptions, result: ApproximationResult, io: ApproximateIo): void {
  const file = options.export!;
  const c = result.construction;
  const claim = {
    target: options.target ?? options.library ?? '',
    lipschitz: c.target.modulus.kind === 'lipschitz' ? c.target.modulus.L.toString() : `holder C=${c.target.modulus.C.toString()} alpha=${c.target.modulus.alpha.toString()}`,
    epsilon: c.epsilon.toString(),
  };
  try {
    io.writeFile(file, `${JSON.stringify(exportTransformer(c.weights, claim), null, 1)}\n`);
  } catch (e) {
    throw new UsageError(
      `--export ${JSON.stringify(file)} could not be written (${e instanceof Error ? e.message : String(e)}); the network printed above was built and certified, but not exported`,
    );
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

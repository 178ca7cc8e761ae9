/**
 * The mutation-testing areas: the scope of `npm run mutate` (every `.ts` file of `src/` and `proof/`
 * except tests, the benchmark and this folder) cut into areas, each mutated against the unit tests
 * written for it.
 *
 * Why areas: the core (double-double balls, the decimal engine, `decide`) is reached by almost
 * every one of the ~1,300 unit tests, so one Stryker run over the whole scope re-runs most of the
 * suite for each of ~12,000 mutants (hours on the 2-core machine). Within an area, a mutant is run
 * against that area's tests only. That can only lower the score: a test left out can kill a
 * mutant, never revive one. So the score of an area is a lower bound of what the whole suite
 * achieves on those files, and the total over the areas a lower bound of the whole-scope score.
 *
 * Every file of the scope (scope.ts) belongs to exactly one area, and every area's `tests` globs
 * select at least one test file that vitest.mutate.config.ts runs (areas.test.ts checks both).
 * Globs are relative to the repository root; `mutate` globs may match test files, which run.ts
 * always excludes.
 */

/** One area: the files it mutates and the unit tests run against their mutants. */
export interface MutationArea {
  /** A short name, also the name of its files under `reports/mutation/`. */
  readonly name: string;
  /** What the area holds, in a few words. */
  readonly description: string;
  /** Globs of the mutated files (Stryker `mutate`; test files are never mutated). */
  readonly mutate: readonly string[];
  /** Globs of the test files run against the mutants (vitest `include`). */
  readonly tests: readonly string[];
}

export const MUTATION_AREAS: readonly MutationArea[] = [
  {
    name: 'fast-path',
    description: 'double-double balls, the fast readers and printers, the fast softmax, decide, the softmax lemma',
    mutate: ['src/arith/double-double*.ts', 'src/math/softmax-fast.ts', 'src/verdict/decide.ts', 'proof/softmax-hardmax.ts'],
    tests: [
      'src/arith/double-double*.test.ts',
      'src/math/softmax-fast*.test.ts',
      'src/math/softmax-hardmax*.test.ts',
      'src/verdict/decide*.test.ts',
      // not fast-path.test.ts: its random fast-vs-decimal agreement runs (~5 s) would re-run for every surviving
      // mutant of the double-double core; the targeted double-double*.test.ts and fast-path.mutation.test.ts check the same
      'src/verdict/fast-path.mutation.test.ts',
      'src/verdict/fast-path.gaps.test.ts',
      'src/verdict/fast-path.ratio.test.ts',
      'proof/softmax-hardmax*.test.ts',
    ],
  },
  {
    name: 'interval',
    description: 'the decimal interval engine, the reference softmax, argument readers and verdict types',
    mutate: ['src/arith/context.ts', 'src/arith/interval.ts', 'src/math/softmax.ts', 'src/verdict/args.ts', 'src/verdict/errors.ts', 'src/verdict/verdict.ts'],
    tests: [
      'src/arith/interval*.test.ts',
      'src/arith/context*.test.ts',
      'src/math/softmax.*test.ts',
      'src/verdict/args*.test.ts',
      'src/verdict/errors*.test.ts',
      'src/verdict/verdict*.test.ts',
      'src/verdict/decide.mutation.test.ts',
    ],
  },
  {
    name: 'check',
    description: '`uat check`: JSON reader, line batches, worker pool, the command-line program',
    mutate: [
      'src/cli/check*.ts',
      'src/cli/json-exact.ts',
      'src/cli/bounded-lines.ts',
      'src/cli/program.ts',
      'src/cli/main.ts',
      'src/cli/module-locations.ts',
      'src/cli/usage-error.ts',
      'src/cli/report.ts',
    ],
    tests: [
      'src/cli/check*.test.ts',
      'src/cli/json-exact*.test.ts',
      'src/cli/bounded-lines*.test.ts',
      'src/cli/program*.test.ts',
      'src/cli/fuzz.test.ts',
      'src/cli/options.bad-input.test.ts',
      'src/cli/report*.test.ts',
    ],
  },
  {
    name: 'verify',
    description: '`uat verify` and the property campaigns: generators, parts, planted bounds, time limits, regressions',
    mutate: ['src/verify/**/*.ts', 'src/cli/verify.ts'],
    tests: [
      'src/verify/campaign*.test.ts',
      'src/verify/generators*.test.ts',
      'src/verify/parts*.test.ts',
      'src/verify/settings*.test.ts',
      'src/verify/time-limit*.test.ts',
      'src/verify/planted.test.ts',
      'src/verify/planted.*.test.ts',
      'src/verify/regressions*.test.ts',
      'src/verify/*.mutation.test.ts',
      'src/cli/verify*.test.ts',
    ],
  },
  {
    name: 'targets',
    description: 'target functions: safe expressions, the library, moduli of continuity',
    mutate: ['src/targets/**/*.ts'],
    // not reference.test.ts: it runs python3 + mpmath in a child process (7–9 s) and checks the relu lemma
    tests: ['src/targets/expression*.test.ts', 'src/targets/library*.test.ts', 'src/targets/modulus*.test.ts'],
  },
  {
    name: 'relu',
    description: 'ReLU hats and networks, the partition-of-unity lemma',
    mutate: ['src/relu/**/*.ts', 'proof/relu-partition-of-unity.ts'],
    tests: ['src/relu/**/*.test.ts', 'proof/relu-partition-of-unity*.test.ts'],
  },
  {
    name: 'piecewise',
    description: 'piecewise-constant approximation, exact rationals, the piecewise lemma',
    mutate: ['src/piecewise/**/*.ts', 'src/arith/rational.ts', 'proof/piecewise-constant.ts'],
    // not src/piecewise/reference.test.ts: it runs python3 + mpmath in a child process (7–9 s for 200 probes)
    tests: [
      'src/arith/rational*.test.ts',
      'src/piecewise/accuracy*.test.ts',
      'src/piecewise/approximant*.test.ts',
      'src/piecewise/arbitraries*.test.ts',
      'src/piecewise/claims*.test.ts',
      'src/piecewise/grid*.test.ts',
      'src/piecewise/probe*.test.ts',
      'src/piecewise/quantiser*.test.ts',
      'src/piecewise/relu-network*.test.ts',
      'src/piecewise/rounding*.test.ts',
      'proof/piecewise-constant*.test.ts',
    ],
  },
  {
    name: 'transformer',
    description: 'the single-layer Transformer construction and its certificate, `uat approximate`, the theorem',
    mutate: ['src/transformer/**/*.ts', 'proof/single-layer-transformer.ts', 'src/cli/approximate.ts'],
    tests: ['src/transformer/**/*.test.ts', 'src/cli/approximate*.test.ts', 'proof/single-layer-transformer*.test.ts'],
  },
  {
    name: 'report',
    description: 'the report (model, Markdown, HTML, plots, graph, schema), the registry, scaffolding, limits',
    mutate: ['src/report/**/*.ts', 'src/registry/**/*.ts', 'src/scaffold/**/*.ts', 'src/limits.ts'],
    tests: ['src/report/**/*.test.ts', 'src/registry/**/*.test.ts', 'src/scaffold/**/*.test.ts', 'src/limits.test.ts'],
  },
];

/**
 * The inventory of every cap on input size, precision and work, read from the constants where each
 * is enforced (nothing is restated here: each value is imported). A cap exists so that a bad or
 * hostile input gets a clear `error` (or exit status 2 for an option) instead of a hung machine.
 *
 * The README's limits table (section `bad-input`) lists these rows; `src/limits.bad-input.test.ts`
 * checks that it does, with the current values, and probes each cap just beyond its value.
 */
import { MAX_SCORES, MAX_VALUE_COLUMNS } from '../proof/softmax-hardmax.ts';
import { MAX_CELLS as MAX_HAT_CELLS, MAX_DIMENSION as MAX_HAT_DIMENSION } from '../proof/relu-partition-of-unity.ts';
import { MAX_MEASURED_CELLS } from '../proof/piecewise-constant.ts';
import { MAX_SUPPORTED_PRECISION, MIN_PRECISION } from './arith/context.ts';
import { MAX_LINE_BYTES } from './cli/check-lines.ts';
import { MAX_DIGITS } from './cli/check.ts';
import { MAX_JSON_DEPTH } from './cli/json-exact.ts';
import { MAX_RUNS } from './cli/verify.ts';
import { MAX_CELLS_PER_AXIS, MAX_DIMENSION as MAX_BOX_DIMENSION, MAX_QUANTISER_CELLS } from './piecewise/probe.ts';
import { MAX_QUANTISER_BITS } from './piecewise/quantiser.ts';
import { MAX_BRACKET_DEPTH, MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH, MAX_EXPRESSION_NODES } from './targets/expression.ts';
import { MAX_LIBRARY_DEGREE, MAX_LIBRARY_KNOTS, MAX_LIBRARY_VARIABLES } from './targets/library.ts';
import { MIN_EPSILON } from './transformer/cache.ts';
import { MAX_CELLS_PER_RIDGE, MAX_WIDTH } from './transformer/construct.ts';
import { MAX_POLYNOMIAL_DEGREE } from './transformer/ridge-decomposition.ts';
import { MAX_TOKENS } from './transformer/theorem-target.ts';
import { INPUT_DIGITS_LIMIT, INPUT_EXPONENT_LIMIT } from './verdict/args.ts';
import { DEFAULT_DIGITS, DEFAULT_MAX_PRECISION } from './verdict/decide.ts';

/** One cap: what it bounds, its value, where it is enforced, and what happens beyond it. */
export interface Limit {
  /** The constant's name, as exported by `source`. */
  readonly name: string;
  readonly value: number | string;
  /** The file that exports and enforces it. */
  readonly source: string;
  /** What it bounds, in a few words. */
  readonly bounds: string;
  /** What a user sees beyond it. */
  readonly beyond: string;
}

export const LIMITS: readonly Limit[] = [
  { name: 'MAX_LINE_BYTES', value: MAX_LINE_BYTES, source: 'src/cli/check-lines.ts', bounds: 'bytes in one `uat check` input line', beyond: '`error` "line too long", never parsed; the next line is answered' },
  { name: 'MAX_JSON_DEPTH', value: MAX_JSON_DEPTH, source: 'src/cli/json-exact.ts', bounds: 'arrays/objects nested in one `uat check` line', beyond: '`error` "bad JSON: arrays and objects nested deeper than 1000 levels (the limit)"; the next line is answered' },
  { name: 'INPUT_DIGITS_LIMIT', value: INPUT_DIGITS_LIMIT, source: 'src/verdict/args.ts', bounds: 'significant digits of one input number', beyond: '`error` naming the argument' },
  { name: 'INPUT_EXPONENT_LIMIT', value: INPUT_EXPONENT_LIMIT, source: 'src/verdict/args.ts', bounds: 'decimal exponent of one input number (magnitude in [1e−LIMIT, 1e+LIMIT])', beyond: '`error` naming the argument' },
  { name: 'DEFAULT_DIGITS', value: DEFAULT_DIGITS, source: 'src/verdict/decide.ts', bounds: 'default `--digits`: significant digits of lhs and bound', beyond: '(a default)' },
  { name: 'MAX_DIGITS', value: MAX_DIGITS, source: 'src/cli/check.ts', bounds: '`--digits` of `uat check` (range 1..MAX)', beyond: 'one-line message, exit 2' },
  { name: 'MIN_PRECISION', value: MIN_PRECISION, source: 'src/arith/context.ts', bounds: 'smallest working precision and smallest `--max-precision`', beyond: 'one-line message, exit 2' },
  { name: 'DEFAULT_MAX_PRECISION', value: DEFAULT_MAX_PRECISION, source: 'src/verdict/decide.ts', bounds: 'default `--max-precision`: cap of the precision escalation', beyond: '`inconclusive` with the reason' },
  { name: 'MAX_SUPPORTED_PRECISION', value: MAX_SUPPORTED_PRECISION, source: 'src/arith/context.ts', bounds: 'largest `--max-precision` (decimal.js stores 1025 digits of π)', beyond: 'one-line message, exit 2' },
  { name: 'MAX_RUNS', value: MAX_RUNS, source: 'src/cli/verify.ts', bounds: '`uat verify --runs` (probes per claim)', beyond: 'one-line message, exit 2' },
  { name: 'MAX_SCORES', value: MAX_SCORES, source: 'proof/softmax-hardmax.ts', bounds: 'scores n (tokens) in one softmax-hardmax probe', beyond: '`error` naming `z`' },
  { name: 'MAX_VALUE_COLUMNS', value: MAX_VALUE_COLUMNS, source: 'proof/softmax-hardmax.ts', bounds: 'value columns m of `attention`', beyond: '`error` naming `v[i]`' },
  { name: 'MAX_CELLS (hats)', value: MAX_HAT_CELLS, source: 'proof/relu-partition-of-unity.ts', bounds: 'cells N of a ReLU-hat grid (network width ≈ 3N)', beyond: '`error` naming `N`' },
  { name: 'MAX_DIMENSION (hats)', value: MAX_HAT_DIMENSION, source: 'proof/relu-partition-of-unity.ts', bounds: 'dimension d of tensor-product hats (3^d terms)', beyond: '`error` naming `x`' },
  { name: 'MAX_CELLS_PER_AXIS', value: MAX_CELLS_PER_AXIS, source: 'src/piecewise/probe.ts', bounds: 'cells N per axis of a piecewise-constant grid', beyond: '`error` naming `N`' },
  { name: 'MAX_QUANTISER_CELLS', value: MAX_QUANTISER_CELLS, source: 'src/piecewise/probe.ts', bounds: 'cells N of the ReLU quantiser (network width 2(N−1))', beyond: '`error` naming `N`' },
  { name: 'MAX_QUANTISER_BITS', value: MAX_QUANTISER_BITS, source: 'src/piecewise/quantiser.ts', bounds: 'estimated bits of the quantiser network\'s exact numbers times its 2(N−1) units', beyond: '`error` naming `N`' },
  { name: 'MAX_DIMENSION (box)', value: MAX_BOX_DIMENSION, source: 'src/piecewise/probe.ts', bounds: 'dimension m of a piecewise-constant box', beyond: '`error` naming `x`' },
  { name: 'MAX_MEASURED_CELLS', value: MAX_MEASURED_CELLS, source: 'proof/piecewise-constant.ts', bounds: 'cells N of `transition-zones`', beyond: '`error` naming `N`' },
  { name: 'MAX_EXPRESSION_LENGTH', value: MAX_EXPRESSION_LENGTH, source: 'src/targets/expression.ts', bounds: 'characters of an expression `f`', beyond: '`error` naming `f`' },
  { name: 'MAX_EXPRESSION_NODES', value: MAX_EXPRESSION_NODES, source: 'src/targets/expression.ts', bounds: 'nodes of a parsed expression', beyond: '`error` naming `f`' },
  { name: 'MAX_EXPRESSION_DEPTH', value: MAX_EXPRESSION_DEPTH, source: 'src/targets/expression.ts', bounds: 'nesting depth of a parsed expression', beyond: '`error` naming `f`' },
  { name: 'MAX_BRACKET_DEPTH', value: MAX_BRACKET_DEPTH, source: 'src/targets/expression.ts', bounds: 'bracket nesting of an expression, checked before parsing (mathjs\'s parser overflows near 280)', beyond: '`error` naming `f`' },
  { name: 'MAX_LIBRARY_DEGREE', value: MAX_LIBRARY_DEGREE, source: 'src/targets/library.ts', bounds: 'degree of a `polynomial` library target', beyond: '`error` naming `target`' },
  { name: 'MAX_LIBRARY_KNOTS', value: MAX_LIBRARY_KNOTS, source: 'src/targets/library.ts', bounds: 'knots of a `piecewise-linear` library target', beyond: '`error` naming `target`' },
  { name: 'MAX_LIBRARY_VARIABLES', value: MAX_LIBRARY_VARIABLES, source: 'src/targets/library.ts', bounds: 'variables of a library target', beyond: '`error` naming `target`' },
  { name: 'MAX_TOKENS', value: MAX_TOKENS, source: 'src/transformer/theorem-target.ts', bounds: 'tokens n of the theorem (`tokens`, `uat approximate --tokens`)', beyond: '`error` naming `tokens`; exit 2 for the option' },
  { name: 'MIN_EPSILON', value: MIN_EPSILON, source: 'src/transformer/cache.ts', bounds: 'smallest ε of the theorem (widths grow like ε^−1/2 per ridge)', beyond: '`inapplicable`, hypothesis `accuracy`' },
  { name: 'MAX_WIDTH', value: MAX_WIDTH, source: 'src/transformer/construct.ts', bounds: 'hidden units of a constructed FFN (network width)', beyond: 'construction refused, naming the width' },
  { name: 'MAX_CELLS_PER_RIDGE', value: MAX_CELLS_PER_RIDGE, source: 'src/transformer/construct.ts', bounds: 'ReLU interpolation cells of one ridge profile', beyond: 'construction refused, naming the ridge' },
  { name: 'MAX_POLYNOMIAL_DEGREE', value: MAX_POLYNOMIAL_DEGREE, source: 'src/transformer/ridge-decomposition.ts', bounds: 'total degree of a polynomial part of a theorem target', beyond: '`inapplicable`, hypothesis `ridge-route`' },
];

/** The limits table of the README, one row per limit (the README section is checked against it). */
export function limitsTable(): string {
  const rows = LIMITS.map((l) => `| \`${l.name}\` | ${typeof l.value === 'number' ? l.value.toLocaleString('en-US') : l.value} | ${l.bounds} | ${l.beyond} | \`${l.source}\` |`);
  return ['| limit | value | bounds | beyond it | where |', '|---|---|---|---|---|', ...rows].join('\n');
}

/**
 * The expression parser's configuration, on a fresh copy of the module: mathjs is created lazily, on
 * the first parse, with numbers read as BigNumber (exact decimals). Within one test worker the parser
 * is built once, so only a freshly imported module shows what the configuration does.
 *
 * Not in the `targets` mutation area's tests (src/mutation/areas.ts): re-importing the module makes
 * this one test cover every mutant of expression.ts, so any change to it would re-run all of them.
 */
import { describe, expect, it, vi } from 'vitest';
import { arithAt } from '../arith/interval.ts';
import { Rational } from '../arith/rational.ts';

describe('the expression parser', () => {
  it('reads constants as exact decimals in a freshly loaded module', async () => {
    vi.resetModules();
    const fresh = (await import('./expression.ts')) as typeof import('./expression.ts');
    expect(fresh.compileExpression('0.1 + x', ['x']).rational([Rational.of(1, 5)])?.toString()).toBe('3/10');
    const A = arithAt(30);
    expect(fresh.compileExpression('0.1', []).interval([], A).toString()).toBe('[0.1, 0.1]');
  });
});

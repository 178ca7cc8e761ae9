/**
 * The expression parser reads decimal literals exactly (mathjs configured with BigNumber numbers).
 * This file's first test is the first to parse in its module instance, so it is the test that runs
 * when the parser's configuration is built (the parser is built once per module instance and kept).
 */
import { describe, expect, it } from 'vitest';
import { Rational } from '../arith/rational.ts';
import { compileExpression } from './expression.ts';

describe('the expression parser', () => {
  it('reads a 20-digit decimal literal exactly, beyond double precision', () => {
    const compiled = compileExpression('x + 0.12345678901234567891', ['x']);
    expect(compiled.rational([Rational.of(0)])?.toString()).toBe('12345678901234567891/100000000000000000000');
  });
});

/**
 * Which error a user expression gets, where two errors are possible: a parse error whose text
 * happens to mention the call stack is still a parse error (only a real overflow of the parser's
 * stack is reported as nesting too deeply), and a power with a negative non-integer exponent at a
 * zero base names the power, not a division (an integer exponent names the division 1/x^k).
 */
import { describe, expect, it } from 'vitest';
import { arithAt, ArithmeticDomainError } from '../arith/interval.ts';
import { ArgumentError } from '../verdict/errors.ts';
import { compileExpression } from './expression.ts';

const A = arithAt(30);

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('expression errors', () => {
  it('a parse error mentioning the call stack is a parse error, not the parser overflowing', () => {
    const e = thrown(() => compileExpression('x @ call stack', ['x']));
    expect(e).toBeInstanceOf(ArgumentError);
    expect((e as ArgumentError).problem).toBe('does not parse as an expression: Syntax error in part "@ call stack" (char 3)');
  });

  it('a negative non-integer power at a base reaching 0 is a domain error of the power', () => {
    const at0 = thrown(() => compileExpression('x^(-0.5)', ['x']).interval([A.point(0)], A));
    expect(at0).toBeInstanceOf(ArithmeticDomainError);
    expect(at0.message).toBe('pow (zero base, non-positive exponent) is undefined on [0, 0]');
    const onBox = thrown(() => compileExpression('x^(-1.5)', ['x']).interval([A.between(0, 4)], A));
    expect(onBox.message).toBe('pow (zero base, non-positive exponent) is undefined on [0, 4]');
    // the integer exponent −1 is 1/x: the division is named
    expect(thrown(() => compileExpression('x^(-1)', ['x']).interval([A.point(0)], A)).message).toBe('division (the divisor enclosure contains 0) is undefined on [0, 0]');
  });
});

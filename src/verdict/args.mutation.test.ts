/**
 * Exact contracts of the argument readers and their error messages (kills mutants of
 * `args.ts` and `errors.ts`): each reader accepts the boundary values of its range and refuses the
 * first value beyond, with a message naming the argument and the value.
 */
import { describe, expect, it } from 'vitest';
import { ArgumentError, describeValue } from './errors.ts';
import {
  INPUT_DIGITS_LIMIT,
  INPUT_EXPONENT_LIMIT,
  readArgsObject,
  readDecimal,
  readDecimalArray,
  readDecimalMatrix,
  readInteger,
  readString,
  required,
} from './args.ts';

/** The message the reader throws for `value`, or `undefined` when it does not throw. */
function messageOf(read: () => unknown): string | undefined {
  try {
    read();
  } catch (e) {
    expect(e).toBeInstanceOf(ArgumentError);
    return (e as Error).message;
  }
  return undefined;
}

describe('ArgumentError and describeValue', () => {
  it('names the argument, the problem and the value', () => {
    const e = new ArgumentError('z[3]', 'abc', 'must be a number');
    expect(e.message).toBe('argument z[3] must be a number, got "abc"');
    expect(e.name).toBe('ArgumentError');
    expect([e.argument, e.value, e.problem]).toEqual(['z[3]', 'abc', 'must be a number']);
  });

  it('renders values short and never executes them', () => {
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(1.5)).toBe('1.5');
    expect(describeValue([1, 'a'])).toBe('[1,"a"]');
    expect(describeValue(() => 1)).toBe('() => 1');
    expect(describeValue(10n)).toBe('10');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(describeValue(circular)).toBe('[object Object]');
    const eighty = 'x'.repeat(78); // 80 characters once quoted
    expect(describeValue(eighty)).toBe(`"${eighty}"`);
    const longer = 'x'.repeat(79);
    expect(describeValue(longer)).toBe(`"${'x'.repeat(76)}...`);
    expect(describeValue(longer)).toHaveLength(80);
  });
});

describe('readDecimal', () => {
  it('reads decimal strings and JSON numbers exactly', () => {
    expect(readDecimal('0.1', 'x').toString()).toBe('0.1');
    expect(readDecimal('  -1.25e-3 ', 'x').toString()).toBe('-0.00125');
    expect(readDecimal('+.5', 'x').toString()).toBe('0.5');
    expect(readDecimal('-.25', 'x').toString()).toBe('-0.25');
    expect(readDecimal('5.', 'x').toString()).toBe('5');
    expect(readDecimal('1E2', 'x').toString()).toBe('100');
    expect(readDecimal(0.1, 'x').toString()).toBe('0.1');
    expect(readDecimal(-0, 'x').isZero()).toBe(true);
    expect(messageOf(() => readDecimal('0e999999999', 'x'))).toMatch(/exponent within/);
  });

  it('refuses non-finite numbers, non-numbers and malformed text', () => {
    expect(messageOf(() => readDecimal(Number.NaN, 'lambda'))).toBe('argument lambda must be a finite number, got null');
    expect(messageOf(() => readDecimal(Infinity, 'lambda'))).toBe('argument lambda must be a finite number, got null');
    expect(messageOf(() => readDecimal(true, 'lambda'))).toBe(
      'argument lambda must be a decimal number (a string like "0.5" or a JSON number), got true',
    );
    expect(messageOf(() => readDecimal(undefined, 'lambda'))).toMatch(/got nothing$/);
    for (const text of ['', ' ', 'NaN', 'Infinity', '-Infinity', '1e', '--1', '1.2.3', '0x10', '1_000', 'e5', '.', '1e5.5', '½']) {
      expect(messageOf(() => readDecimal(text, 'lambda')), text).toBe(
        `argument lambda must be a finite decimal number such as "-1.25" or "3e-7", got ${JSON.stringify(text)}`,
      );
    }
  });

  it('enforces the digit and exponent limits at their boundaries', () => {
    expect(INPUT_DIGITS_LIMIT).toBe(10_000);
    expect(INPUT_EXPONENT_LIMIT).toBe(100_000);
    const longest = '1'.repeat(INPUT_DIGITS_LIMIT + 32);
    expect(readDecimal(longest, 'x').sd()).toBe(INPUT_DIGITS_LIMIT + 32); // the text limit leaves 32 characters for sign, point and exponent
    expect(messageOf(() => readDecimal(`${longest}1`, 'x'))).toMatch(/^argument x must have at most 10000 digits, got "1{76}\.\.\.$/);
    expect(readDecimal(`1e${INPUT_EXPONENT_LIMIT}`, 'x').e).toBe(INPUT_EXPONENT_LIMIT);
    expect(readDecimal(`1e-${INPUT_EXPONENT_LIMIT}`, 'x').e).toBe(-INPUT_EXPONENT_LIMIT);
    expect(messageOf(() => readDecimal(`1e${INPUT_EXPONENT_LIMIT + 1}`, 'x'))).toBe(
      'argument x must have a decimal exponent within ±100000, got "1e100001"',
    );
    expect(messageOf(() => readDecimal(`1e-${INPUT_EXPONENT_LIMIT + 1}`, 'x'))).toMatch(/exponent within ±100000/);
    expect(messageOf(() => readDecimal('1e999999999999', 'x'))).toMatch(/exponent within ±100000/);
    expect(messageOf(() => readDecimal(`10e${INPUT_EXPONENT_LIMIT}`, 'x'))).toBe(
      'argument x must have magnitude between 1e-100000 and 1e100000, got "10e100000"',
    );
    expect(messageOf(() => readDecimal(`0.1e-${INPUT_EXPONENT_LIMIT}`, 'x'))).toMatch(/magnitude between/);
    expect(readDecimal(`0e${INPUT_EXPONENT_LIMIT}`, 'x').isZero()).toBe(true);
    expect(readDecimal(`0.00e-${INPUT_EXPONENT_LIMIT}`, 'x').isZero()).toBe(true);
  });
});

describe('readInteger', () => {
  it('accepts integers in [min, max] given as numbers or strings', () => {
    expect(readInteger(2, 'n', 2, 5)).toBe(2);
    expect(readInteger('5', 'n', 2, 5)).toBe(5);
    expect(readInteger('3.0', 'n', 2, 5)).toBe(3);
    expect(messageOf(() => readInteger(1, 'n', 2, 5))).toBe('argument n must be an integer in [2, 5], got 1');
    expect(messageOf(() => readInteger(6, 'n', 2, 5))).toBe('argument n must be an integer in [2, 5], got 6');
    expect(messageOf(() => readInteger('2.5', 'n', 2, 5))).toBe('argument n must be an integer, got "2.5"');
    expect(messageOf(() => readInteger('x', 'n', 2, 5))).toMatch(/^argument n must be a finite decimal/);
  });
});

describe('readDecimalArray and readDecimalMatrix', () => {
  it('checks lengths at both ends and names the failing entry', () => {
    expect(readDecimalArray(['1', 2], 'z', 2, 3).map(String)).toEqual(['1', '2']);
    expect(readDecimalArray(['1', 2, 3], 'z', 2, 3)).toHaveLength(3);
    expect(messageOf(() => readDecimalArray(['1'], 'z', 2, 3))).toBe('argument z must have between 2 and 3 entries (has 1), got ["1"]');
    expect(messageOf(() => readDecimalArray([1, 2, 3, 4], 'z', 2, 3))).toBe(
      'argument z must have between 2 and 3 entries (has 4), got [1,2,3,4]',
    );
    expect(messageOf(() => readDecimalArray('1,2', 'z', 2, 3))).toBe('argument z must be an array of decimal numbers, got "1,2"');
    expect(messageOf(() => readDecimalArray([1, 'a'], 'z', 2, 3))).toMatch(/^argument z\[1\] must be a finite decimal number/);
  });

  it('checks the row count, the row length and rectangularity', () => {
    expect(readDecimalMatrix([[1, 2], ['3', '4']], 'v', { rows: 2, maxRows: 5, maxCols: 2 })).toHaveLength(2);
    expect(readDecimalMatrix([[1]], 'v', { maxRows: 1, maxCols: 1 })).toHaveLength(1);
    expect(messageOf(() => readDecimalMatrix([1, 2], 'v', { maxRows: 5, maxCols: 2 }))).toBe(
      'argument v[0] must be an array of decimal numbers, got 1',
    );
    expect(messageOf(() => readDecimalMatrix({}, 'v', { maxRows: 5, maxCols: 2 }))).toBe('argument v must be an array of rows, got {}');
    expect(messageOf(() => readDecimalMatrix([[1]], 'v', { rows: 2, maxRows: 5, maxCols: 2 }))).toBe(
      'argument v must have 2 rows (has 1), got [[1]]',
    );
    expect(messageOf(() => readDecimalMatrix([], 'v', { maxRows: 5, maxCols: 2 }))).toBe(
      'argument v must have between 1 and 5 rows (has 0), got []',
    );
    expect(messageOf(() => readDecimalMatrix([[1], [2]], 'v', { maxRows: 1, maxCols: 2 }))).toMatch(/between 1 and 1 rows \(has 2\)/);
    expect(messageOf(() => readDecimalMatrix([[1, 2, 3]], 'v', { maxRows: 1, maxCols: 2 }))).toMatch(/^argument v\[0\] must have between 1 and 2 entries/);
    expect(messageOf(() => readDecimalMatrix([[1, 2], [3]], 'v', { maxRows: 5, maxCols: 2 }))).toBe(
      'argument v[1] must have 2 entries like row 0 (has 1), got [3]',
    );
    expect(messageOf(() => readDecimalMatrix([[1], [2], [3, 4]], 'v', { maxRows: 5, maxCols: 2 }))).toMatch(/^argument v\[2\] must have 1 entries/);
  });
});

describe('readString, readArgsObject, required', () => {
  it('reads non-empty bounded strings', () => {
    expect(readString('sin(x)', 'f', 6)).toBe('sin(x)');
    expect(messageOf(() => readString('sin(x)+', 'f', 6))).toBe('argument f must have at most 6 characters, got "sin(x)+"');
    expect(messageOf(() => readString('  ', 'f', 6))).toBe('argument f must be a non-empty string, got "  "');
    expect(messageOf(() => readString(3, 'f', 6))).toBe('argument f must be a non-empty string, got 3');
  });

  it('reads the args object and required arguments', () => {
    expect(readArgsObject({ a: 1 })).toEqual({ a: 1 });
    for (const bad of [null, [], 3, 'x']) {
      expect(messageOf(() => readArgsObject(bad))).toMatch(/^argument args must be a JSON object of named arguments, got /);
    }
    expect(required({ a: 0 }, 'a')).toBe(0);
    expect(required({ a: false }, 'a')).toBe(false);
    expect(messageOf(() => required({}, 'a'))).toBe('argument a is required, got nothing');
    expect(messageOf(() => required({ a: null }, 'a'))).toBe('argument a is required, got null');
    expect(messageOf(() => required({ a: undefined }, 'a'))).toBe('argument a is required, got nothing');
  });
});

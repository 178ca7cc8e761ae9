/**
 * The exact JSON reader agrees with `JSON.parse` on structure and validity (and on the error
 * message, position included), keeps every number's literal text as a `JsonNumber`, and never takes
 * a string for a number.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeValue } from '../verdict/errors.ts';
import { JsonNumber, markLiterals, numbersAsText, parseJsonLineExact } from './json-exact.ts';

const n = (text: string): JsonNumber => new JsonNumber(text);

/** `JSON.parse`'s value with every number replaced by a JsonNumber of its shortest text: what the exact reader must give on float-exact input. */
const withJsonNumbers = (value: unknown): unknown =>
  typeof value === 'number'
    ? n(String(value))
    : Array.isArray(value)
      ? value.map(withJsonNumbers)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withJsonNumbers(v)]))
        : value;

/** The error message of `f()`, or undefined when it does not throw. */
const messageOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return undefined;
};

describe('parseJsonLineExact', () => {
  it('keeps the literal text of numbers, including digits beyond float64', () => {
    expect(parseJsonLineExact('{"z": [0.1000000000000000000000001, -3e-7, 0, 12E+3], "s": "1.5"}')).toEqual({
      z: [n('0.1000000000000000000000001'), n('-3e-7'), n('0'), n('12E+3')],
      s: '1.5',
    });
    expect(parseJsonLineExact('42')).toEqual(n('42'));
    expect(parseJsonLineExact('"42"')).toBe('42');
  });

  it('leaves numbers inside strings (with escapes) alone, and keys unmarked', () => {
    expect(markLiterals('{"a\\"1": "x\\\\", "b": 2}')).toBe('{"a\\"1": "\\u0000Sx\\\\", "b": "\\u0000N2"}');
    expect(parseJsonLineExact('{"a\\"1": "x\\\\", "b": [2, "3"]}')).toEqual({ 'a"1': 'x\\', b: [n('2'), '3'] });
  });

  it('never takes a string for a number, whatever the string holds', () => {
    for (const s of ['\u0000N1', '\\u0000N1', '\u0000S', '\u0000', 'N1', '']) {
      expect(parseJsonLineExact(JSON.stringify({ s, a: [s] }))).toEqual({ s, a: [s] });
    }
  });

  it('keeps a key "__proto__" an ordinary key', () => {
    const value = parseJsonLineExact('{"__proto__": {"x": 1}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(Object.keys(numbersAsText(value) as object)).toEqual(['__proto__']);
  });

  it('rejects what JSON.parse rejects, with JSON.parse’s message on the text as written', () => {
    for (const bad of ['{"x": NaN}', '{"x": Infinity}', '{"x": -Infinity}', '{"x": 01}', '{"x": 1.}', '{1: 2}', '{"a": 1, 2: 3}', '[1 2]', '-', '{"z": [1, 0], "lambda": 1']) {
      expect(() => JSON.parse(bad), bad).toThrow(SyntaxError);
      expect(() => parseJsonLineExact(bad), bad).toThrow(SyntaxError);
      expect(messageOf(() => parseJsonLineExact(bad)), bad).toBe(messageOf(() => JSON.parse(bad)));
    }
  });

  it('gives JSON.parse’s structure with numbers as JsonNumbers of their text, on random JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        const text = JSON.stringify(value);
        expect(parseJsonLineExact(text)).toEqual(withJsonNumbers(JSON.parse(text)));
      }),
      { numRuns: 300 },
    );
  });

  it('accepts exactly the texts JSON.parse accepts, on random near-JSON', () => {
    const piece = fc.constantFrom('{', '}', '[', ']', ':', ',', '"a"', '"1"', '1', '-0', '2.5e3', '01', '1.', 'true', 'null', ' ', '-', 'e');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(messageOf(() => parseJsonLineExact(text)), text).toBe(messageOf(() => JSON.parse(text)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('numbersAsText', () => {
  it('turns every JsonNumber into the string of its text and copies the rest', () => {
    expect(numbersAsText(parseJsonLineExact('{"z": [1, -3e-7, [2.50]], "s": "x", "b": true, "n": null}'))).toEqual({
      z: ['1', '-3e-7', ['2.50']],
      s: 'x',
      b: true,
      n: null,
    });
  });
});

describe('describeValue on exact JSON numbers', () => {
  it('prints a JsonNumber as written, unquoted, alone or inside arrays and objects', () => {
    expect(describeValue(n('1e999999999999'))).toBe('1e999999999999');
    expect(describeValue(parseJsonLineExact('[1, 2]'))).toBe('[1,2]');
    expect(describeValue(parseJsonLineExact('{"a": [0.10, "0.10"]}'))).toBe('{"a":[0.10,"0.10"]}');
    expect(describeValue(['1', { s: '2' }])).toBe('["1",{"s":"2"}]');
  });
});

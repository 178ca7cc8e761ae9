/**
 * The exact JSON reader agrees with `JSON.parse` on structure and validity (and on the error
 * message, position included), keeps every number's literal text as a `JsonNumber`, and never takes
 * a string for a number.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeValue } from '../verdict/errors.ts';
import { JsonNumber, MAX_JSON_DEPTH, numbersAsText, parseJsonLineExact, readJsonLineExact } from './json-exact.ts';

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

  it('leaves numbers inside strings (with escapes) alone, and decodes every escape', () => {
    expect(parseJsonLineExact('["\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\ude00", "1e5", "\\u0031"]')).toEqual(['"\\/\b\f\n\r\té😀', '1e5', '1']);
    expect(parseJsonLineExact('{"a\\"1": "x\\\\", "b": [2, "3"]}')).toEqual({ 'a"1': 'x\\', b: [n('2'), '3'] });
    // every hex digit, both cases, at the ends of their ranges
    expect(parseJsonLineExact('"\\u0009\\uAaFf\\ufFaA\\u0a0A"')).toBe('\t\uaaff\uffaa\u0a0a');
  });

  it('never takes a string for a number, whatever the string holds', () => {
    for (const s of ['\u0000N1', '\\u0000N1', '\u0000S', '\u0000', 'N1', '']) {
      expect(parseJsonLineExact(JSON.stringify({ s, a: [s] }))).toEqual({ s, a: [s] });
    }
  });

  it('counts nesting, not siblings: 1500 empty arrays or objects side by side are one level', () => {
    expect(parseJsonLineExact(`[${'[],'.repeat(1500)}[]]`)).toHaveLength(1501);
    expect(Object.keys(parseJsonLineExact(`{${Array.from({ length: 1500 }, (_, i) => `"k${i}": {}`).join(', ')}}`) as object)).toHaveLength(1500);
    expect(String(n('1e5'))).toBe('1e5');
  });

  it('refuses a bad escape inside a larger text with JSON.parse’s position, and a colon in an array', () => {
    for (const bad of ['["\\u12G4"]', '["\\u00@0"]', '["\\u00`0"]', '["\\u00/0"]', '["\\u00:0"]', '[1, "\\x"]', '{"a": "\\u00"}', '[1:2]', '{"a": 1: 2}', '{"a": [1, 2}']) {
      expect(messageOf(() => parseJsonLineExact(bad)), bad).toBe(messageOf(() => JSON.parse(bad)));
      expect(messageOf(() => JSON.parse(bad)), bad).toBeDefined();
    }
  });

  it('keeps a key "__proto__" an ordinary key', () => {
    const value = parseJsonLineExact('{"__proto__": {"x": 1}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(Object.keys(numbersAsText(value) as object)).toEqual(['__proto__']);
    // a data property as JSON.parse defines it, in the copy too
    const descriptor = { value: { x: n('1') }, writable: true, enumerable: true, configurable: true };
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')).toEqual(descriptor);
    expect(Object.getOwnPropertyDescriptor(numbersAsText(value), '__proto__')).toEqual({ ...descriptor, value: { x: '1' } });
  });

  it('rejects what JSON.parse rejects, with JSON.parse’s message on the text as written', () => {
    const bads = ['{"x": NaN}', '{"x": Infinity}', '{"x": -Infinity}', '{"x": 01}', '{"x": 1.}', '{1: 2}', '{"a": 1, 2: 3}', '[1 2]', '-', '{"z": [1, 0], "lambda": 1'];
    const moreBads = ['', ' ', '"abc', '"a\\x"', '"\\u12G4"', '"\\u00@0"', '"\\u00`0"', '"\\u00g0"', '"\\u00/0"', '"\\u00:0"', '"\\u"', '"\\', '"\\q"', '[1e5x]', '[-]', '[0.]', '[1e+]', '{"a":1 "b":2}', '"\\u12"', '"a\tb"', '"a\u0001"', '\ufeff1', '1e', '1e+', '-.5', '.5', '+1', '0x10', 'tru', 'nul', 'fals', '[1,]', '{"a":1,}', '{"a" 1}', '{"a":}', '[', '{', '[1', '{"a"', '1 2', 'true false', '{"a":1}}', '[]]'];
    for (const bad of [...bads, ...moreBads]) {
      expect(() => JSON.parse(bad), bad).toThrow(SyntaxError);
      expect(() => parseJsonLineExact(bad), bad).toThrow(SyntaxError);
      expect(messageOf(() => parseJsonLineExact(bad)), bad).toBe(messageOf(() => JSON.parse(bad)));
    }
  });

  it('gives JSON.parse’s structure with numbers as JsonNumbers of their text, on random JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(undefined, 1, '\t', ' \r\n'), (value, space) => {
        const text = JSON.stringify(value, null, space);
        expect(parseJsonLineExact(text)).toEqual(withJsonNumbers(JSON.parse(text)));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps JSON.parse’s key order and its last value for a repeated key', () => {
    const value = parseJsonLineExact('{"b": 1, "a": 2, "1": 3, "b": 4, "0": 5}') as Record<string, unknown>;
    expect(Object.entries(value)).toEqual(Object.entries(withJsonNumbers(JSON.parse('{"b": 1, "a": 2, "1": 3, "b": 4, "0": 5}')) as object));
    expect(Object.keys(value)).toEqual(['0', '1', 'b', 'a']);
    expect(value.b).toEqual(n('4'));
    expect(parseJsonLineExact(' \t\r\n{ "a" : [ ] , "b" : { } , "c" : [ true , false , null ] } \n')).toEqual({ a: [], b: {}, c: [true, false, null] });
  });

  it(`reads ${MAX_JSON_DEPTH} levels of nesting, refuses one more with a SyntaxError naming the limit (JSON.parse’s error first)`, () => {
    const nested = (depth: number): string => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
    let value = parseJsonLineExact(nested(MAX_JSON_DEPTH));
    for (let d = 0; d < MAX_JSON_DEPTH; d++) value = (value as unknown[])[0];
    expect(value).toEqual(n('1'));
    expect(() => parseJsonLineExact(nested(MAX_JSON_DEPTH + 1))).toThrow(new SyntaxError(`arrays and objects nested deeper than ${MAX_JSON_DEPTH} levels (the limit)`));
    expect(() => parseJsonLineExact(`${'{"a":'.repeat(MAX_JSON_DEPTH + 1)}1${'}'.repeat(MAX_JSON_DEPTH + 1)}`)).toThrow(/nested deeper than 1000 levels/);
    const invalid = `${nested(MAX_JSON_DEPTH + 1)}]`;
    expect(messageOf(() => parseJsonLineExact(invalid))).toBe(messageOf(() => JSON.parse(invalid)));
  });

  it('accepts exactly the texts JSON.parse accepts, on random near-JSON', () => {
    const piece = fc.constantFrom('{', '}', '[', ']', ':', ',', '"a"', '"1"', '1', '-0', '2.5e3', '01', '1.', 'true', 'null', ' ', '-', 'e', 'E', '+', '.', '0', '"', '\\', '\\u00', '\t', '\n', 'false', 'f', 'n', '"\\n"');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(messageOf(() => parseJsonLineExact(text)), text).toBe(messageOf(() => JSON.parse(text)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('readJsonLineExact', () => {
  it('says whether the line holds a JSON number, wherever it is', () => {
    const cases: Array<[string, boolean]> = [
      ['{"claim": "a/b", "args": {"z": ["1", "-2"], "lambda": "3e-1"}}', false],
      ['{"s": "-1 2 3", "t": true, "f": false, "n": null, "e": [], "o": {}}', false],
      ['{"args": {"z": ["1", 2]}}', true],
      ['{"args": {"deep": [[{"x": [-0.5]}]]}}', true],
      ['0', true],
      ['"0"', false],
    ];
    for (const [text, holdsNumber] of cases) {
      const line = readJsonLineExact(text);
      expect(line.holdsNumber, text).toBe(holdsNumber);
      expect(line.value, text).toEqual(parseJsonLineExact(text));
      expect(numbersAsText(line.value) === line.value, text).toBe(!holdsNumber);
    }
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

  it('returns a value holding no JsonNumber as it is, and copies only what holds one', () => {
    const strings = parseJsonLineExact('{"z": ["1", "2"], "lambda": "3", "deep": [["x"], {"y": true}]}') as Record<string, unknown>;
    expect(numbersAsText(strings)).toBe(strings);
    const mixed = parseJsonLineExact('{"z": ["1", 2], "w": ["3"], "m": [["4"], [5]]}') as { z: unknown[]; w: unknown[]; m: unknown[][] };
    const text = numbersAsText(mixed) as { z: unknown[]; w: unknown[]; m: unknown[][] };
    expect(text).toEqual({ z: ['1', '2'], w: ['3'], m: [['4'], ['5']] });
    expect(text).not.toBe(mixed);
    expect(text.z).not.toBe(mixed.z);
    expect(text.w).toBe(mixed.w);
    expect(text.m[0]).toBe(mixed.m[0]);
    expect(text.m[1]).toEqual(['5']);
    expect(mixed.z[1]).toEqual(n('2')); // the parsed value is left as it was
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

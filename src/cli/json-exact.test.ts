/**
 * The exact JSON reader agrees with `JSON.parse` on structure and validity, and keeps every number's
 * literal text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonLineExact, quoteNumberTokens } from './json-exact.ts';

/** `JSON.parse` with every number replaced by its shortest text: what the exact reader must give on float-exact input. */
const textified = (value: unknown): unknown =>
  typeof value === 'number'
    ? String(value)
    : Array.isArray(value)
      ? value.map(textified)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, textified(v)]))
        : value;

describe('parseJsonLineExact', () => {
  it('keeps the literal text of numbers, including digits beyond float64', () => {
    expect(parseJsonLineExact('{"z": [0.1000000000000000000000001, -3e-7, 0, 12E+3], "s": "1.5"}')).toEqual({
      z: ['0.1000000000000000000000001', '-3e-7', '0', '12E+3'],
      s: '1.5',
    });
  });

  it('leaves numbers inside strings (with escapes) alone', () => {
    expect(quoteNumberTokens('{"a\\"1": "x\\\\", "b": 2}')).toBe('{"a\\"1": "x\\\\", "b": "2"}');
  });

  it('rejects what JSON.parse rejects: NaN, Infinity, 01, 1., numeric keys', () => {
    for (const bad of ['{"x": NaN}', '{"x": Infinity}', '{"x": -Infinity}', '{"x": 01}', '{"x": 1.}', '{1: 2}', '{"a": 1, 2: 3}', '[1 2]', '-']) {
      expect(() => JSON.parse(bad), bad).toThrow(SyntaxError);
      expect(() => parseJsonLineExact(bad), bad).toThrow(SyntaxError);
    }
  });

  it('gives JSON.parse’s structure with numbers as their text, on random JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        const text = JSON.stringify(value);
        expect(parseJsonLineExact(text)).toEqual(textified(JSON.parse(text)));
      }),
      { numRuns: 300 },
    );
  });

  it('accepts exactly the texts JSON.parse accepts, on random near-JSON', () => {
    const piece = fc.constantFrom('{', '}', '[', ']', ':', ',', '"a"', '"1"', '1', '-0', '2.5e3', '01', '1.', 'true', 'null', ' ', '-', 'e');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        let accepted = true;
        try {
          JSON.parse(text);
        } catch {
          accepted = false;
        }
        let exactAccepted = true;
        try {
          parseJsonLineExact(text);
        } catch {
          exactAccepted = false;
        }
        expect(exactAccepted, text).toBe(accepted);
      }),
      { numRuns: 2000 },
    );
  });
});

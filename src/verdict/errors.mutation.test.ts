/**
 * Error messages name the argument and echo the value as the user wrote it: JSON numbers read
 * exactly appear unquoted wherever they are (top level, arrays, plain objects), other values as
 * JSON, long values cut; the readers accept a JSON number exactly like its text.
 */
import { describe, expect, it } from 'vitest';
import { JsonNumber } from '../cli/json-exact.ts';
import { readDecimal, readString } from './args.ts';
import { ArgumentError, describeValue } from './errors.ts';

const n = (text: string): JsonNumber => new JsonNumber(text);

describe('describeValue', () => {
  it.each([
    [undefined, 'nothing'],
    [n('1e999999999999'), '1e999999999999'],
    ['0.5', '"0.5"'],
    [null, 'null'],
    [3, '3'],
    [[n('1'), n('2.50')], '[1,2.50]'],
    [[n('1'), undefined, () => 0], '[1,null,null]'],
    [{ z: [n('-0.0'), '3'], lambda: n('7') }, '{"z":[-0.0,"3"],"lambda":7}'],
    [{ a: undefined, b: n('1') }, '{"b":1}'],
    [{ nested: { deeper: [n('1E3')] } }, '{"nested":{"deeper":[1E3]}}'],
    [{ toJSON: () => 'custom' }, '"custom"'],
    [new Date(0), '"1970-01-01T00:00:00.000Z"'],
    [Object.assign(Object.create(null) as object, { x: 1 }), '{"x":1}'],
    [[], '[]'],
    [{}, '{}'],
    // null inside arrays and objects is JSON's null (it is not a plain object to walk into)
    [[n('1'), null], '[1,null]'],
    [{ a: null, b: n('2') }, '{"a":null,"b":2}'],
    // objects that are not plain are shown as JSON.stringify shows them: boxed primitives as their value
    [new Number(3), '3'],
    [new String('ab'), '"ab"'],
  ])('%o is shown as %s', (value, text) => {
    expect(describeValue(value)).toBe(text);
  });

  it('cuts long values to 80 characters and survives what JSON cannot show', () => {
    const long = describeValue('x'.repeat(200));
    expect(long).toHaveLength(80);
    expect(long).toBe(`"${'x'.repeat(76)}...`);
    expect(describeValue('y'.repeat(78))).toBe(`"${'y'.repeat(78)}"`); // exactly 80: not cut
    expect(describeValue(10n)).toBe('10'); // JSON.stringify throws on a BigInt: String(value)
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => describeValue(cyclic)).not.toThrow();
    expect(describeValue(Symbol('s'))).toBe('Symbol(s)');
  });

  it('ArgumentError names the argument, the problem and the value', () => {
    const e = new ArgumentError('z[3]', [n('1'), n('x')], 'must be a decimal number');
    expect(e.message).toBe('argument z[3] must be a decimal number, got [1,x]');
    expect(e.name).toBe('ArgumentError');
    expect([e.argument, e.problem]).toEqual(['z[3]', 'must be a decimal number']);
    expect(e).toBeInstanceOf(Error);
  });
});

describe('readers and JSON numbers', () => {
  it('a JSON number is read exactly from its text', () => {
    expect(readDecimal(n('0.10000000000000000000000001'), 'x').toString()).toBe('0.10000000000000000000000001');
    expect(readDecimal(n('-2.5e-3'), 'x').toString()).toBe('-0.0025');
    expect(() => readDecimal(n('1e999999999999'), 'x')).toThrow('argument x must have a decimal exponent within ±100000, got 1e999999999999');
    expect(readString(n('42'), 's', 10)).toBe('42');
    expect(() => readString(n('12345678901'), 's', 10)).toThrow('argument s must have at most 10 characters, got "12345678901"');
  });

  it('the exponent must end the number; every digit form is accepted', () => {
    expect(readDecimal('12.5e2', 'x').toString()).toBe('1250');
    expect(readDecimal('10', 'x').toString()).toBe('10');
    expect(readDecimal('100.', 'x').toString()).toBe('100');
    expect(() => readDecimal('1e5x', 'x')).toThrow('must be a finite decimal number');
    expect(() => readDecimal('1e200000', 'x')).toThrow('must have a decimal exponent within ±100000');
  });
});

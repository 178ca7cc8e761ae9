/**
 * Line splitting of `uat check` input: lines end at `\n` (a `\r` before it dropped), a final line
 * without a newline still counts, a line over the cap arrives as its length only, multi-byte
 * characters cut between chunks are decoded whole, and each chunk with a line end yields one batch.
 */
import { describe, expect, it } from 'vitest';
import { boundedLineBatches } from './bounded-lines.ts';
import type { InputLine } from './check-lines.ts';

async function batches(chunks: readonly (string | Buffer)[], cap: number): Promise<InputLine[][]> {
  const out: InputLine[][] = [];
  const stream = (async function* () {
    yield* chunks;
  })();
  for await (const batch of boundedLineBatches(stream, cap)) out.push(batch);
  return out;
}
const t = (text: string): InputLine => ({ text });

describe('boundedLineBatches', () => {
  it('splits at \\n, drops one \\r ending a line, keeps a final line without newline, adds none after a final newline', async () => {
    expect(await batches(['a\r\nb\n\r\n\nc'], 100)).toEqual([[t('a'), t('b'), t(''), t('')], [t('c')]]);
    expect(await batches(['a\n'], 100)).toEqual([[t('a')]]);
    expect(await batches(['a\r\r\n'], 100)).toEqual([[t('a\r')]]);
    expect(await batches(['\r'], 100)).toEqual([[t('')]]); // a final line's \r too
    expect(await batches([], 100)).toEqual([]);
    expect(await batches([''], 100)).toEqual([]);
  });

  it('yields one batch per chunk that ends a line, joining lines cut between chunks', async () => {
    expect(await batches(['ab', 'c\nd', 'e', '\nf\ng\n'], 100)).toEqual([[t('abc')], [t('de'), t('f'), t('g')]]);
  });

  it('decodes a multi-byte character cut between chunks whole', async () => {
    const bytes = Buffer.from('é😀\nx', 'utf8');
    expect(await batches([bytes.subarray(0, 1), bytes.subarray(1, 4), bytes.subarray(4)], 100)).toEqual([[t('é😀')], [t('x')]]);
  });

  it('gives a line over the cap as its length (the newline and a \\r counted in neither case), exactly at the cap as text', async () => {
    expect(await batches(['12345\n123456\nok\n'], 5)).toEqual([[t('12345'), { tooLongBytes: 6 }, t('ok')]]);
    expect(await batches(['1234', '56', '78\nok'], 5)).toEqual([[{ tooLongBytes: 8 }], [t('ok')]]);
    expect(await batches(['123456'], 5)).toEqual([[{ tooLongBytes: 6 }]]);
    expect(await batches(['12345\r\n'], 5)).toEqual([[{ tooLongBytes: 6 }]]);
    expect(await batches(['1234\r\n'], 5)).toEqual([[t('1234')]]);
    // the line after an over-long one starts afresh
    expect(await batches(['1234567', '\n', '12'], 5)).toEqual([[{ tooLongBytes: 7 }], [t('12')]]);
  });
});

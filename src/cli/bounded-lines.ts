/**
 * Splits a byte stream into lines, streaming, with a cap on the length of a line.
 *
 * Why not `node:readline`: readline accumulates a line of any length in one string, so a single
 * multi-gigabyte line exhausts memory (or exceeds V8's string limit) before the caller can refuse
 * it. This splitter keeps at most `maxLineBytes` bytes of the current line; a longer line is
 * reported by its length only. Lines end at `\n`; a `\r` just before it is dropped (CRLF input).
 * A final line without a newline is still a line; an input ending in `\n` has no extra empty line.
 * Lines are decoded as UTF-8 after splitting, so multi-byte characters are never cut.
 *
 * Lines are yielded in batches, one batch per chunk read from the stream: the caller answers a
 * batch and writes the answers in one write.
 */
import type { InputLine } from './check-lines.ts';

/** The lines of `stream`, in order, batched by input chunk. */
export async function* boundedLineBatches(stream: AsyncIterable<Buffer | string>, maxLineBytes: number): AsyncGenerator<InputLine[]> {
  let pieces: Buffer[] = []; // the current line's bytes so far (at most maxLineBytes of them)
  let kept = 0; // bytes in `pieces`
  let total = 0; // bytes of the current line, including any dropped beyond the cap
  const take = (piece: Buffer): void => {
    total += piece.length;
    if (total > maxLineBytes) {
      pieces = [];
      kept = 0;
      return;
    }
    pieces.push(piece);
    kept += piece.length;
  };
  const finish = (): InputLine => {
    let line: InputLine;
    if (total > maxLineBytes) {
      line = { tooLongBytes: total };
    } else {
      // a line within one chunk (the usual case) is decoded in place, without a copy
      let bytes = pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces, kept);
      if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
      line = { text: bytes.toString('utf8') };
    }
    pieces = [];
    kept = 0;
    total = 0;
    return line;
  };
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    const batch: InputLine[] = [];
    let start = 0;
    for (let end = buffer.indexOf(0x0a, start); end !== -1; end = buffer.indexOf(0x0a, start)) {
      take(buffer.subarray(start, end));
      batch.push(finish());
      start = end + 1;
    }
    if (start < buffer.length) take(buffer.subarray(start));
    if (batch.length > 0) yield batch;
  }
  if (total > 0) yield [finish()];
}

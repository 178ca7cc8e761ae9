/**
 * The worker pool of `uat check`, with small stand-in workers (data: URLs) instead of the real one:
 * chunks go to the least busy worker and come back with their answers; a full pool refuses a chunk
 * (the caller answers it); a worker's error rejects its chunk; the chunks of a worker that dies are
 * answered by the fallback, and a closed pool drops what it held.
 */
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { softmaxHardmax } from '../../proof/softmax-hardmax.ts';
import { claimsOf, type RuntimeRegistry } from '../registry/runtime.ts';
import { answerChunk, type ChunkAnswers, type LineChunk } from './check-lines.ts';
import { CheckWorkerPool, decodeChunk, encodeChunk, MAX_CHUNKS_PER_WORKER, serveChunks, type ChunkPort, type ChunkReply } from './check-pool.ts';

/** A stand-in worker: answers `<line>:<text>` per line, an error for a chunk starting with "throw", and exits on "exit". */
const ECHO_WORKER = new URL(
  `data:text/javascript,${encodeURIComponent(`
import { parentPort, threadId } from 'node:worker_threads';
parentPort.on('message', (m) => {
  const r = { id: m.id, firstLine: m.firstLine, lines: m.text.split('\\n').map((text) => ({ text })) };
  const first = r.lines[0]?.text;
  if (first === 'throw') return parentPort.postMessage({ id: r.id, error: 'boom at line ' + r.firstLine });
  if (first === 'exit') process.exit(3);
  const text = r.lines.map((l, i) => (r.firstLine + i) + ':' + l.text + '@' + threadId + '\\n').join('');
  parentPort.postMessage({ id: r.id, text, counts: { holds: r.lines.length, violated: 0, inconclusive: 0, inapplicable: 0, error: 0 } });
});`)}`,
);
/** A stand-in worker that fails while loading. */
const BROKEN_WORKER = new URL(`data:text/javascript,${encodeURIComponent("throw new Error('cannot load');")}`);

const chunk = (firstLine: number, ...texts: string[]): LineChunk => ({ firstLine, lines: texts.map((text) => ({ text })) });
const here = (c: LineChunk): ChunkAnswers => ({
  text: c.lines.map((l, i) => `${c.firstLine + i}:${'text' in l ? l.text : ''}@here\n`).join(''),
  counts: { holds: 0, violated: 0, inconclusive: 0, inapplicable: 0, error: c.lines.length },
});

describe('encodeChunk / decodeChunk', () => {
  it('carry lines as one string and over-long lines by their length, and give back the same chunk', () => {
    const original: LineChunk = { firstLine: 41, lines: [{ text: 'a' }, { tooLongBytes: 2_000_000 }, { text: '' }, { text: ' {"x": "é"}\r' }, { tooLongBytes: 1_048_577 }] };
    const request = encodeChunk(9, original);
    expect(request).toEqual({ id: 9, firstLine: 41, text: 'a\n\n\n {"x": "é"}\r\n', tooLong: [[1, 2_000_000], [4, 1_048_577]] });
    expect(decodeChunk(request)).toEqual(original);
    expect(decodeChunk(encodeChunk(0, { firstLine: 1, lines: [{ text: '' }] }))).toEqual({ firstLine: 1, lines: [{ text: '' }] });
  });
});

describe('CheckWorkerPool', () => {
  it('answers chunks in workers, spreads them over the least busy, and refuses one when every worker is full', async () => {
    const pool = new CheckWorkerPool(2, ECHO_WORKER, { digits: 20 }, here);
    try {
      const sent = Array.from({ length: 2 * MAX_CHUNKS_PER_WORKER }, (_, i) => pool.answer(chunk(10 * i + 1, `a${i}`, `b${i}`))!);
      expect(sent.every((p) => (p as unknown) instanceof Promise)).toBe(true);
      expect(pool.answer(chunk(99, 'x'))).toBeUndefined();
      const answers = await Promise.all(sent);
      answers.forEach((a, i) => {
        expect(a.text).toMatch(new RegExp(`^${10 * i + 1}:a${i}@(\\d+)\\n${10 * i + 2}:b${i}@\\1\\n$`));
        expect(a.counts).toEqual({ holds: 2, violated: 0, inconclusive: 0, inapplicable: 0, error: 0 });
      });
      // least busy first: alternating threads, two distinct ones
      const threads = answers.map((a) => /@(\d+)/.exec(a.text)![1]);
      expect(new Set(threads).size).toBe(2);
      expect(threads[0]).not.toBe(threads[1]);
      expect(pool.workerChunks).toBe(2 * MAX_CHUNKS_PER_WORKER);
      // room again once answered
      await expect(pool.answer(chunk(7, 'again'))).resolves.toMatchObject({ text: expect.stringMatching(/^7:again@\d+\n$/) });
    } finally {
      await pool.close();
    }
  });

  it('rejects a chunk with the message the worker sent', async () => {
    const pool = new CheckWorkerPool(1, ECHO_WORKER, {}, here);
    try {
      await expect(pool.answer(chunk(5, 'throw'))).rejects.toThrow('boom at line 5');
      expect(pool.workerChunks).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('answers the chunks of a worker that dies on this thread, and sends it no more', async () => {
    const pool = new CheckWorkerPool(1, ECHO_WORKER, {}, here);
    try {
      const first = pool.answer(chunk(1, 'exit'))!;
      const second = pool.answer(chunk(2, 'two'))!;
      expect(await first).toEqual(here(chunk(1, 'exit')));
      expect(await second).toEqual(here(chunk(2, 'two')));
      expect(pool.fallbackChunks).toBe(2);
      expect(pool.answer(chunk(3, 'three'))).toBeUndefined();
    } finally {
      await pool.close();
    }
  });

  it('answers on this thread when a worker cannot even load; a fallback that throws rejects', async () => {
    const pool = new CheckWorkerPool(1, BROKEN_WORKER, {}, here);
    const failing = new CheckWorkerPool(1, BROKEN_WORKER, {}, () => {
      throw new Error('fallback failed');
    });
    // sent at once: the workers have not failed yet
    const four = pool.answer(chunk(4, 'four'));
    const x = expect(failing.answer(chunk(1, 'x'))!).rejects.toThrow('fallback failed');
    try {
      expect(await four!).toEqual(here(chunk(4, 'four')));
      await x;
    } finally {
      await pool.close();
      await failing.close();
    }
  });

  it('drops what it held when closed: the fallback does not run', async () => {
    let fallbacks = 0;
    const pool = new CheckWorkerPool(1, ECHO_WORKER, {}, (c) => {
      fallbacks += 1;
      return here(c);
    });
    let settled = false;
    void pool.answer(chunk(1, 'one'))!.finally(() => (settled = true));
    await pool.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fallbacks).toBe(0);
    expect(pool.fallbackChunks).toBe(0);
    expect(settled).toBe(false);
  });
});

describe('serveChunks (the worker side)', () => {
  const registry: RuntimeRegistry = { lemmas: [softmaxHardmax], claims: claimsOf([softmaxHardmax]), failures: [] };
  const probe = '{"claim": "softmax-hardmax/linf", "args": {"z": [1, 0.5, 0], "lambda": 3}}';

  /** Serves on one end of a channel; sends `requests` from the other and collects as many replies. */
  async function exchange(loaded: Promise<RuntimeRegistry>, requests: LineChunk[], answer?: Parameters<typeof serveChunks>[3]): Promise<ChunkReply[]> {
    const { port1, port2 } = new MessageChannel();
    try {
      serveChunks(port1 as unknown as ChunkPort, loaded, { digits: 12 }, answer);
      const replies: ChunkReply[] = [];
      const all = new Promise<void>((resolve) =>
        port2.on('message', (reply: ChunkReply) => {
          replies.push(reply);
          if (replies.length === requests.length) resolve();
        }),
      );
      requests.forEach((chunk, id) => port2.postMessage(encodeChunk(id + 3, chunk)));
      await all;
      return replies;
    } finally {
      port1.close();
      port2.close();
    }
  }

  it('replies to each request, in order, with the answers of answerChunk at the requested digits', async () => {
    const chunks = [chunk(1, probe, ''), { firstLine: 3, lines: [{ tooLongBytes: 2_000_000 }, { text: probe }] }];
    const replies = await exchange(Promise.resolve(registry), chunks);
    expect(replies).toEqual(chunks.map((c, i) => ({ id: i + 3, ...answerChunk(c, registry, { digits: 12 }) })));
    expect(replies[0]).toMatchObject({ text: expect.stringContaining('"line":1,"claim":"softmax-hardmax/linf","verdict":"holds","lhs":"0.') as string });
    expect((replies[0] as ChunkAnswers).text.split('\n')[0]).toMatch(/"lhs":"0\.\d{12}"/); // 12 significant digits
  });

  it('replies with the message of what answering threw, and keeps serving', async () => {
    let calls = 0;
    const replies = await exchange(Promise.resolve(registry), [chunk(1, 'a'), chunk(2, 'b')], (c, r, o) => {
      calls += 1;
      if (calls === 1) throw new Error('answering failed');
      return answerChunk(c, r, o);
    });
    expect(replies[0]).toEqual({ id: 3, error: 'answering failed' });
    expect(replies[1]).toMatchObject({ id: 4, counts: { error: 1 } });
  });

  it('replies to every request with the error when the registry cannot load (a thrown non-Error too)', async () => {
    expect(await exchange(Promise.reject(new Error('duplicate lemma id')), [chunk(1, probe), chunk(2, probe)])).toEqual([
      { id: 3, error: 'duplicate lemma id' },
      { id: 4, error: 'duplicate lemma id' },
    ]);
    expect(await exchange(Promise.resolve(registry), [chunk(1, 'x')], () => {
      throw 'plain';
    })).toEqual([{ id: 3, error: 'plain' }]);
  });
});

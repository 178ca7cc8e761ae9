/**
 * Worker threads for `uat check`: chunks of input lines are answered by other threads while the
 * main thread reads, answers chunks of its own and writes. This module holds both sides: the pool
 * (main thread) and {@link serveChunks} (what `check-worker.ts` runs in each worker).
 *
 * A worker (`check-worker.ts`) loads the same registry and answers a chunk with the same
 * {@link answerChunk} as the main thread, so an answer's bytes never depend on which thread wrote it;
 * the caller keeps the order. Each worker holds at most {@link MAX_CHUNKS_PER_WORKER} chunks; when
 * all are that busy, {@link CheckWorkerPool.answer} returns `undefined` and the caller answers the
 * chunk itself. Nothing is lost if a worker dies (it cannot start, or crashes): the chunks it held
 * are answered on the main thread by the `fallback` given to the pool.
 */
import { Worker } from 'node:worker_threads';
import type { DecideOptions } from '../verdict/decide.ts';
import type { RuntimeRegistry } from '../registry/runtime.ts';
import { answerChunk, type ChunkAnswers, type InputLine, type LineChunk } from './check-lines.ts';

/** Chunks queued on one worker at most (one being answered, one waiting, so it never idles). */
export const MAX_CHUNKS_PER_WORKER = 2;

/**
 * A chunk as sent to a worker: its lines joined by `\n` in one string (a string crosses threads
 * about ten times faster than an array of objects), an over-long line as an empty string, and the
 * over-long lines listed as `[index, bytes]` pairs.
 */
export interface ChunkRequest {
  readonly id: number;
  readonly firstLine: number;
  readonly text: string;
  readonly tooLong: readonly (readonly [number, number])[];
}

/** The request carrying `chunk` (its lines hold no `\n`: they were split there). */
export function encodeChunk(id: number, chunk: LineChunk): ChunkRequest {
  const tooLong: [number, number][] = [];
  const texts = chunk.lines.map((line, i) => {
    if ('text' in line) return line.text;
    tooLong.push([i, line.tooLongBytes]);
    return '';
  });
  return { id, firstLine: chunk.firstLine, text: texts.join('\n'), tooLong };
}

/** The chunk a request carries (the inverse of {@link encodeChunk}). */
export function decodeChunk(request: ChunkRequest): LineChunk {
  const lines: InputLine[] = request.text.split('\n').map((text) => ({ text }));
  for (const [i, bytes] of request.tooLong) lines[i] = { tooLongBytes: bytes };
  return { firstLine: request.firstLine, lines };
}

/** A worker's reply: the answers to chunk `id`, or the message of what it threw. */
export type ChunkReply = ({ readonly id: number } & ChunkAnswers) | { readonly id: number; readonly error: string };

/** The end of a channel a worker answers on (its `parentPort`). */
export interface ChunkPort {
  on(event: 'message', listener: (request: ChunkRequest) => void): unknown;
  postMessage(reply: ChunkReply): void;
}

/**
 * The worker's side: answers every request arriving on `port`, once `registry` is loaded, with
 * `answer` (by default {@link answerChunk}); a chunk whose answering throws, or any chunk when the
 * registry failed to load, is replied to with the error's message.
 */
export function serveChunks(
  port: ChunkPort,
  registry: Promise<RuntimeRegistry>,
  options: DecideOptions,
  answer: (chunk: LineChunk, registry: RuntimeRegistry, options: DecideOptions) => ChunkAnswers = answerChunk,
): void {
  const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
  registry.catch(() => undefined); // a failed load is replied to each request, not an unhandled rejection before the first
  port.on('message', (request) => {
    void registry.then(
      (loaded) => {
        let reply: ChunkReply;
        try {
          reply = { id: request.id, ...answer(decodeChunk(request), loaded, options) };
        } catch (e) {
          reply = { id: request.id, error: messageOf(e) };
        }
        port.postMessage(reply);
      },
      (e: unknown) => port.postMessage({ id: request.id, error: messageOf(e) }),
    );
  });
}

interface Held {
  readonly chunk: LineChunk;
  readonly resolve: (answers: ChunkAnswers) => void;
  readonly reject: (e: unknown) => void;
}

interface PoolWorker {
  readonly thread: Worker;
  readonly held: Map<number, Held>;
  alive: boolean;
}

export class CheckWorkerPool {
  private readonly workers: PoolWorker[] = [];
  private nextId = 0;
  private closed = false;
  /** Chunks answered by a worker so far. */
  workerChunks = 0;
  /** Chunks of dead workers answered on this thread so far. */
  fallbackChunks = 0;

  /**
   * Starts `size` worker threads from `workerUrl`, each deciding with `options`; `fallback` answers
   * on this thread the chunks of a worker that died.
   */
  constructor(
    size: number,
    workerUrl: URL,
    options: DecideOptions,
    private readonly fallback: (chunk: LineChunk) => ChunkAnswers,
  ) {
    for (let i = 0; i < size; i++) {
      const worker: PoolWorker = { thread: new Worker(workerUrl, { workerData: { digits: options.digits, maxPrecision: options.maxPrecision, ratio: options.ratio } }), held: new Map(), alive: true };
      worker.thread.on('message', (reply: ChunkReply) => this.settle(worker, reply));
      worker.thread.on('error', () => this.lose(worker));
      worker.thread.on('exit', () => this.lose(worker));
      this.workers.push(worker);
    }
  }

  /** Sends `chunk` to the least busy worker; `undefined` when every worker already holds its maximum. */
  answer(chunk: LineChunk): Promise<ChunkAnswers> | undefined {
    let chosen: PoolWorker | undefined;
    for (const worker of this.workers) {
      if (worker.alive && worker.held.size < MAX_CHUNKS_PER_WORKER && (chosen === undefined || worker.held.size < chosen.held.size)) chosen = worker;
    }
    if (chosen === undefined) return undefined;
    const id = this.nextId++;
    const worker = chosen;
    return new Promise<ChunkAnswers>((resolve, reject) => {
      worker.held.set(id, { chunk, resolve, reject });
      worker.thread.postMessage(encodeChunk(id, chunk));
    });
  }

  /** Stops every worker; chunks still held are dropped (the caller no longer waits for them). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.thread.terminate()));
  }

  private settle(worker: PoolWorker, reply: ChunkReply): void {
    const held = worker.held.get(reply.id);
    if (held === undefined) return;
    worker.held.delete(reply.id);
    if ('error' in reply) {
      held.reject(new Error(reply.error));
      return;
    }
    this.workerChunks += 1;
    held.resolve({ text: reply.text, counts: reply.counts });
  }

  /** A worker is gone: what it held is answered here, and it gets no more chunks. */
  private lose(worker: PoolWorker): void {
    worker.alive = false;
    const held = [...worker.held.values()];
    worker.held.clear();
    if (this.closed) return; // nobody waits for these any more
    for (const { chunk, resolve, reject } of held) {
      try {
        this.fallbackChunks += 1;
        resolve(this.fallback(chunk));
      } catch (e) {
        reject(e);
      }
    }
  }
}

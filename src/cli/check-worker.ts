/**
 * A worker thread of `uat check` (see `check-pool.ts`): loads the run-time registry, then answers
 * each chunk of lines it is sent with {@link answerChunk} and replies with the answers (or with the
 * message of what answering threw, which the main thread rethrows).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRuntimeRegistry, PROOF_DIR } from '../registry/runtime.ts';
import type { DecideOptions } from '../verdict/decide.ts';
import { answerChunk } from './check-lines.ts';
import { decodeChunk, type ChunkReply, type ChunkRequest } from './check-pool.ts';
import { importProofModule } from './module-locations.ts';

const port = parentPort;
if (port === null) throw new Error('check-worker.ts runs only as a worker thread of uat check');
const options = workerData as DecideOptions;
const registry = loadRuntimeRegistry(PROOF_DIR, importProofModule);

port.on('message', (request: ChunkRequest) => {
  void registry.then(
    (loaded) => {
      let reply: ChunkReply;
      try {
        reply = { id: request.id, ...answerChunk(decodeChunk(request), loaded, options) };
      } catch (e) {
        reply = { id: request.id, error: e instanceof Error ? e.message : String(e) };
      }
      port.postMessage(reply);
    },
    (e: unknown) => port.postMessage({ id: request.id, error: e instanceof Error ? e.message : String(e) } satisfies ChunkReply),
  );
});

/**
 * A worker thread of `uat check` (see `check-pool.ts`): loads the run-time registry and serves the
 * chunks of lines it is sent ({@link serveChunks}).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRuntimeRegistry, PROOF_DIR } from '../registry/runtime.ts';
import type { DecideOptions } from '../verdict/decide.ts';
import { serveChunks } from './check-pool.ts';
import { importProofModule } from './module-locations.ts';

if (parentPort === null) throw new Error('check-worker.ts runs only as a worker thread of uat check');
serveChunks(parentPort, loadRuntimeRegistry(PROOF_DIR, importProofModule), workerData as DecideOptions);

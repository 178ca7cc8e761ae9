/**
 * Where `uat check` finds the code it loads at run time: the proof files (the lemmas of the
 * run-time registry) and the entry of its worker threads.
 *
 * This is the version used when the sources run through a TypeScript loader (tests, `UAT_NO_BUNDLE=1`,
 * or no bundle available): a proof file is imported by its file URL, and a worker starts from
 * `check-worker.mjs`, which registers the loader in its thread and imports `check-worker.ts`. In the
 * precompiled bundle (`cli-bundle.mjs`) this module is replaced by a generated one with the same
 * exports that serves both from the bundle.
 */
import { pathToFileURL } from 'node:url';

/** Imports one proof file, given by its absolute path. */
export function importProofModule(file: string): Promise<unknown> {
  return import(pathToFileURL(file).href);
}

/** The module a worker thread of `uat check` starts from. */
export function checkWorkerUrl(): URL {
  return new URL('./check-worker.mjs', import.meta.url);
}

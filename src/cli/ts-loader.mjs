// Lets Node import the project's `.ts` files without a build step: registers ts-loader-hooks.mjs
// (esbuild transpiles each file once into a cache) in this thread, or tsx's loader when esbuild
// cannot be resolved. Used by bin.mjs when no bundle can be used (cli-bundle.mjs), and by
// check-worker.mjs in each worker thread of `uat check` (hooks are registered per thread).
import { createRequire, register as registerHooks } from 'node:module';

/** Registers a TypeScript loader for later dynamic imports. */
export async function registerTypeScriptLoader() {
  let esbuildFound = true;
  try {
    createRequire(import.meta.url).resolve('esbuild');
  } catch {
    esbuildFound = false;
  }
  if (esbuildFound) registerHooks('./ts-loader-hooks.mjs', import.meta.url);
  else (await import('tsx/esm/api')).register();
}

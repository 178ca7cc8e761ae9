#!/usr/bin/env node
// The `uat` executable: registers a TypeScript loader (no build step), then runs the program. The
// loader is ts-loader-hooks.mjs (esbuild transpiles each file once into a cache: startup ~3× faster
// than tsx's); tsx is the fallback when esbuild cannot be resolved.
// A failure to load the program itself (e.g. a source file with a syntax error) is one line on
// stderr and exit status 2, never a stack trace; `UAT_DEBUG=1` shows the stack.
import { createRequire, register as registerHooks } from 'node:module';
import process from 'node:process';

let esbuildFound = true;
try {
  createRequire(import.meta.url).resolve('esbuild');
} catch {
  esbuildFound = false;
}
if (esbuildFound) registerHooks('./ts-loader-hooks.mjs', import.meta.url);
else (await import('tsx/esm/api')).register();
try {
  await import('./main.ts');
} catch (e) {
  if (process.env.UAT_DEBUG === '1') throw e;
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`uat: internal error: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exitCode = 2;
}

#!/usr/bin/env node
// The `uat` executable. It runs the precompiled bundle of the program (cli-bundle.mjs: rebuilt
// whenever a source changed, never stale), or, when no bundle can be built or `UAT_DEBUG=1` asks for
// stack traces into the sources, registers a TypeScript loader (ts-loader.mjs) and runs the sources.
// A failure to load the program itself (e.g. a source file with a syntax error) is one line on
// stderr and exit status 2, never a stack trace; `UAT_DEBUG=1` shows the stack.
import process from 'node:process';
import { bundledProgramUrl } from './cli-bundle.mjs';
import { registerTypeScriptLoader } from './ts-loader.mjs';

let program = process.env.UAT_DEBUG === '1' || process.env.UAT_NO_BUNDLE === '1' ? undefined : await bundledProgramUrl();
if (program === undefined) {
  await registerTypeScriptLoader();
  program = './main.ts';
}
try {
  await import(program);
} catch (e) {
  if (process.env.UAT_DEBUG === '1') throw e;
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`uat: internal error: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exitCode = 2;
}

#!/usr/bin/env node
// The `uat` executable: registers tsx (TypeScript at run time, no build step), then runs the program.
// A failure to load the program itself (e.g. a source file with a syntax error) is one line on
// stderr and exit status 2, never a stack trace; `UAT_DEBUG=1` shows the stack.
import process from 'node:process';
import { register } from 'tsx/esm/api';

register();
try {
  await import('./main.ts');
} catch (e) {
  if (process.env.UAT_DEBUG === '1') throw e;
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`uat: internal error: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exitCode = 2;
}

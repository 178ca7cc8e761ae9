/**
 * The `uat` program. Each subcommand lives in its own module exporting `register(program)`; adding
 * one is one line in {@link SUBCOMMANDS} below.
 *
 * Loading: when the first argument names a subcommand, only that module is imported (some pull in
 * heavy dependencies such as ts-morph; `uat check` should not pay for them); otherwise (help, an
 * unknown command) every module is imported so that help and suggestions list them all.
 *
 * Errors: unknown commands or options, bad option values and unreadable inputs print one line on
 * stderr and exit with status 2, never a stack trace (commander's `exitOverride`).
 */
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { UsageError } from './usage-error.ts';

/** The subcommands, in help order: name → module exporting `register(program)`. */
const SUBCOMMANDS: Record<string, () => Promise<{ register: (program: Command) => void }>> = {
  check: () => import('./check.ts'),
  verify: () => import('./verify.ts'),
  report: () => import('./report.ts'),
  approximate: () => import('./approximate.ts'),
};

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command('uat')
  .version(version)
  .description('executable companion to arXiv:2507.10581: every lemma of the single-layer Transformer UAT checked with certified verdicts')
  .showSuggestionAfterError(true)
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(`${oneLine(text)}\n`) });

const requested = process.argv[2];
const loaders = requested !== undefined && Object.hasOwn(SUBCOMMANDS, requested) ? [SUBCOMMANDS[requested]!] : Object.values(SUBCOMMANDS);
for (const module of await Promise.all(loaders.map((load) => load()))) module.register(program);

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // commander has printed the message (or the help / version for exit code 0)
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else if (e instanceof UsageError) {
    process.stderr.write(`uat: ${oneLine(e.message)}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`uat: internal error: ${oneLine(e instanceof Error ? e.message : String(e))}\n`);
    process.exitCode = 2;
  }
}

/**
 * The `uat` program as a function: {@link runProgram} parses a command line, loads the subcommand it
 * names and runs it. Each subcommand lives in its own module exporting `register(program)`; adding
 * one is one line in {@link SUBCOMMANDS} below. `main.ts` runs it on `process.argv`.
 *
 * Loading: when the first argument names a subcommand, only that module is imported (some pull in
 * heavy dependencies such as ts-morph; `uat check` should not pay for them); otherwise (help, an
 * unknown command) every module is imported so that help and suggestions list them all.
 *
 * Errors: unknown commands or options, bad option values and unreadable inputs print one line on
 * stderr and give exit status 2, never a stack trace (commander's `exitOverride`).
 */
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { UsageError } from './usage-error.ts';

/** The subcommands, in help order: name → module exporting `register(program)`. */
export const SUBCOMMANDS: Readonly<Record<string, () => Promise<{ register: (program: Command) => void }>>> = {
  check: () => import('./check.ts'),
  verify: () => import('./verify.ts'),
  report: () => import('./report.ts'),
  approximate: () => import('./approximate.ts'),
};

/** Where the program's own messages go (help, version, errors); subcommands write their results to the process's streams. */
export interface ProgramOutput {
  readonly writeOut: (text: string) => void;
  readonly writeErr: (text: string) => void;
}

const PROCESS_OUTPUT: ProgramOutput = {
  writeOut: (text) => void process.stdout.write(text),
  writeErr: (text) => void process.stderr.write(text),
};

/** `text` on one line: every line break, with the blanks around it, becomes one space. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * Runs `uat` on `argv` (`[node, script, ...arguments]`, as `process.argv`). Returns 2 after a usage
 * error or an internal error (one line on `output.writeErr`), 0 after help or the version, and
 * `undefined` when the subcommand ran (it sets `process.exitCode` itself).
 */
export async function runProgram(argv: readonly string[], output: ProgramOutput = PROCESS_OUTPUT): Promise<number | undefined> {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  const program = new Command('uat')
    .version(version)
    .description('executable companion to arXiv:2507.10581: every lemma of the single-layer Transformer UAT checked with certified verdicts')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: output.writeOut,
      writeErr: output.writeErr,
      outputError: (text) => output.writeErr(`${oneLine(text)}\n`),
    });
  const requested = argv[2];
  const loaders = requested !== undefined && Object.hasOwn(SUBCOMMANDS, requested) ? [SUBCOMMANDS[requested]!] : Object.values(SUBCOMMANDS);
  // each subcommand inherits exitOverride and the output settings when it is added
  for (const module of await Promise.all(loaders.map((load) => load()))) module.register(program);
  try {
    await program.parseAsync(argv);
    return undefined;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2; // commander has printed the message (or the help / version)
    const message = e instanceof UsageError ? oneLine(e.message) : `internal error: ${oneLine(e instanceof Error ? e.message : String(e))}`;
    output.writeErr(`uat: ${message}\n`);
    return 2;
  }
}

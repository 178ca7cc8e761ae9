/**
 * `npm run new-lemma -- <id>`: scaffolds `proof/<id>.ts` and `properties/<id>.property.ts` from the
 * templates in `templates.ts`. Nothing else to register: the registry finds the lemma in `proof/`,
 * `npm test` and `uat verify` run its property file, and the report shows it.
 *
 * Exit status 2, with one line on stderr, when the id is not kebab-case or either file exists.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../verify/settings.ts';
import { propertyTemplate, proofTemplate } from './templates.ts';

/** Lemma ids: lower-case words joined by hyphens (they name files and anchors). */
export const LEMMA_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Writes both files; returns their paths relative to `root`. Throws RangeError on a bad id or an existing file. */
export function scaffoldLemma(root: string, id: string): string[] {
  if (!LEMMA_ID.test(id)) throw new RangeError(`new-lemma: id ${JSON.stringify(id)} must be kebab-case (e.g. my-lemma)`);
  const files: [string, string][] = [
    [`proof/${id}.ts`, proofTemplate(id)],
    [`properties/${id}.property.ts`, propertyTemplate(id)],
  ];
  for (const [rel] of files) if (existsSync(path.join(root, rel))) throw new RangeError(`new-lemma: ${rel} exists already`);
  for (const [rel, text] of files) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text, { flag: 'wx' });
  }
  return files.map(([rel]) => rel);
}

/** Where `npm run new-lemma` writes its messages. */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The command `npm run new-lemma -- <id>` in `root`: its exit status (0 written, 2 refused). */
export function newLemmaCommand(args: readonly string[], root: string, out: Output): number {
  if (args.length !== 1) {
    out.stderr('usage: npm run new-lemma -- <id>   (id in kebab-case, e.g. my-lemma)\n');
    return 2;
  }
  try {
    const written = scaffoldLemma(root, args[0]!);
    out.stdout(`wrote ${written.join(' and ')}\nnext: edit the statement and the claim, then run  npm run verify -- --lemma ${args[0]}  and read reports/REPORT.md\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    out.stderr(`${e.message}\n`);
    return 2;
  }
}

/** What {@link runProgram} needs of the process: its arguments, its output streams, and exit. */
export interface ProgramProcess {
  readonly argv: readonly string[];
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  exit(code: number): void;
}

/**
 * Whether the module at `moduleUrl` is the program started as `argv1` (`process.argv[1]`): run
 * directly (`tsx src/scaffold/new-lemma.ts`, as `npm run new-lemma` does), not imported.
 */
export function isProgram(moduleUrl: string, argv1: string | undefined): boolean {
  return moduleUrl === `file://${argv1}` || argv1?.endsWith('new-lemma.ts') === true;
}

/** `npm run new-lemma -- <id>` as a program: the command on the arguments after the script, in `root`; exits with its status unless 0. */
export function runProgram(proc: ProgramProcess, root: string = REPO_ROOT): void {
  const status = newLemmaCommand(proc.argv.slice(2), root, { stdout: (t) => void proc.stdout.write(t), stderr: (t) => void proc.stderr.write(t) });
  if (status !== 0) proc.exit(status);
}

if (isProgram(import.meta.url, process.argv[1])) runProgram(process);

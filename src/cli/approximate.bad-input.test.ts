/**
 * `uat approximate` on bad input: every row of the README's `uat approximate` bad-input table
 * (section `bad-input`) is an invocation that must print exactly one line on stderr naming the option
 * and the value (or, for a refused target, the target and the reason), nothing on stdout, no stack
 * trace, and exit with status 2, before any network is built. The rows run in process through
 * `register` on a fresh program (the same error mapping as `main.ts`); a few also run through the
 * real executable. An export that cannot be written after the construction loses nothing: the
 * result is printed first, then the one-line error.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../verify/settings.ts';
import { register, writeFileAtomically, type ApproximateIo } from './approximate.ts';
import { UsageError } from './usage-error.ts';

const BIN = path.join(REPO_ROOT, 'src', 'cli', 'bin.mjs');
const DIR = mkdtempSync(path.join(tmpdir(), 'uat-approx-bad-'));
const A_FILE = path.join(DIR, 'a-file.txt');
writeFileSync(A_FILE, 'not a directory\n');

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `uat approximate <argv>` in process: a fresh program with `main.ts`'s error mapping. */
async function inProcess(argv: readonly string[], writeFile: ApproximateIo['writeFile'] = writeFileAtomically): Promise<Run> {
  let stdout = '';
  let stderr = '';
  let status = 0;
  const program = new Command('uat')
    .exitOverride()
    .configureOutput({ writeOut: (t) => (stdout += t), writeErr: (t) => (stderr += t), outputError: (t, write) => write(`${t.replace(/\s*\n\s*/g, ' ').trim()}\n`) });
  register(program, { stdout: (t) => (stdout += t), writeFile, setExitCode: (code) => (status = code) });
  try {
    await program.parseAsync(['approximate', ...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) status = e.exitCode === 0 ? 0 : 2;
    else if (e instanceof UsageError) {
      stderr += `uat: ${e.message.replace(/\s*\n\s*/g, ' ')}\n`;
      status = 2;
    } else throw e;
  }
  return { status, stdout, stderr };
}

function executable(args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, 'approximate', ...args], { cwd: REPO_ROOT, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ status: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
    });
    child.stdin?.end();
  });
}

/** One row: the arguments (besides the defaults filled in by {@link argsOf}) and what the one line must say. */
export interface BadApproximation {
  readonly name: string;
  readonly args: readonly string[];
  readonly message: RegExp;
}

/** The row's arguments after `--target x1 --tokens 2 --lipschitz 1 --epsilon 0.1` for the options it does not give (`!--flag` in `args` leaves `--flag` out). */
export function argsOf(row: BadApproximation): string[] {
  const given = new Set(row.args.filter((a) => a.startsWith('--')));
  const defaults: Array<[string, string]> = [
    ['--target', 'x1'],
    ['--tokens', '2'],
    ['--lipschitz', '1'],
    ['--epsilon', '0.1'],
  ];
  const library = given.has('--library');
  const out: string[] = [];
  for (const [flag, value] of defaults) {
    if (given.has(flag) || row.args.includes(`!${flag}`)) continue;
    if (library && (flag === '--target' || flag === '--lipschitz')) continue;
    out.push(flag, value);
  }
  return [...out, ...row.args.filter((a) => !a.startsWith('!'))];
}

export const BAD_APPROXIMATIONS: readonly BadApproximation[] = [
  // --target
  { name: '--target that does not parse', args: ['--target', 'x1 +'], message: /--target does not parse as an expression: .*got "x1 \+"/ },
  { name: '--target with an unknown variable', args: ['--target', 'x1 + y'], message: /--target contains the unknown symbol "y".*got "x1 \+ y"/ },
  { name: '--target naming a token beyond --tokens', args: ['--target', 'x1 + x3'], message: /--target contains the unknown symbol "x3".*got "x1 \+ x3"/ },
  { name: '--target calling an unknown function', args: ['--target', 'foo(x1)'], message: /--target contains the function call "foo\(x1\)", which is not allowed/ },
  { name: '--target reaching for code (constructor)', args: ['--target', "constructor.constructor('return process')()"], message: /--target does not parse as an expression: .*got "constructor\.constructor\('return process'\)\(\)"/ },
  { name: '--target with property access', args: ['--target', 'x1.constructor'], message: /--target contains a AccessorNode "x1\.constructor", which is not allowed/ },
  { name: '--target with an assignment', args: ['--target', 'x1 = 1'], message: /--target contains a AssignmentNode "x1 = 1", which is not allowed/ },
  { name: 'empty --target', args: ['--target', ''], message: /--target must be a non-empty string, got ""/ },
  { name: 'blank --target', args: ['--target', '   '], message: /--target must be a non-empty string, got " {3}"/ },
  // targets outside the ridge route (refused with the reason)
  { name: 'product of a smooth function of two variables', args: ['--target', 'x1*sin(x1 + x2)', '--lipschitz', '4'], message: /cannot construct a network for target "x1\*sin\(x1 \+ x2\)": the product .* is a function of several variables/ },
  { name: 'quotient by a variable', args: ['--target', 'x1/(x2 + 1)'], message: /cannot construct a network for target "x1\/\(x2 \+ 1\)": the quotient .* divides by an expression of the variables/ },
  { name: 'maximum of three tokens', args: ['--target', 'max(x1, x2, x3)', '--tokens', '3'], message: /cannot construct .*max\(x1, x2, x3\).* is not a function of one linear form/ },
  { name: 'target undefined on the cube', args: ['--target', 'log(x1)'], message: /cannot construct a network for target "log\(x1\)": the ridge function .* is undefined somewhere on \[0, 1\]/ },
  { name: 'ridge needing too many units', args: ['--target', 'sin(1000*x1)', '--lipschitz', '1000', '--epsilon', '0.001'], message: /cannot construct .*sin\(1000\*x1\).* needs more than 4096 ReLU units/ },
  { name: 'library family without a formula', args: ['--library', '{"family":"piecewise-linear","knots":["0","1"],"values":["0","1"]}'], message: /cannot construct .*library.*: the library family piecewise-linear has no formula/ },
  // --tokens
  { name: 'non-numeric --tokens', args: ['--tokens', 'two'], message: /option '--tokens <n>' argument 'two' is invalid\. must be an integer in \[2, 8\]/ },
  { name: 'zero --tokens', args: ['--tokens', '0'], message: /'--tokens <n>' argument '0' is invalid\. must be an integer in \[2, 8\]/ },
  { name: 'one --tokens', args: ['--tokens', '1'], message: /'--tokens <n>' argument '1' is invalid/ },
  { name: 'negative --tokens', args: ['--tokens', '-2'], message: /'--tokens <n>' argument '-2' is invalid/ },
  { name: 'NaN --tokens', args: ['--tokens', 'NaN'], message: /'--tokens <n>' argument 'NaN' is invalid/ },
  { name: 'fractional --tokens', args: ['--tokens', '2.5'], message: /'--tokens <n>' argument '2\.5' is invalid/ },
  { name: '--tokens beyond MAX_TOKENS', args: ['--tokens', '9'], message: /'--tokens <n>' argument '9' is invalid\. must be an integer in \[2, 8\]/ },
  { name: 'absurd --tokens', args: ['--tokens', '99999999999999999999'], message: /'--tokens <n>' argument '99999999999999999999' is invalid/ },
  // --lipschitz
  { name: 'non-numeric --lipschitz', args: ['--lipschitz', 'steep'], message: /--lipschitz must be a finite decimal number .*, got "steep"/ },
  { name: 'negative --lipschitz', args: ['--lipschitz', '-1'], message: /--lipschitz must be ≥ 0, got "-1"/ },
  { name: 'NaN --lipschitz', args: ['--lipschitz', 'NaN'], message: /--lipschitz must be a finite decimal number .*, got "NaN"/ },
  { name: 'infinite --lipschitz', args: ['--lipschitz', 'Infinity'], message: /--lipschitz must be a finite decimal number .*, got "Infinity"/ },
  { name: 'absurd --lipschitz', args: ['--lipschitz', '1e999999999'], message: /--lipschitz must have a decimal exponent within ±100000, got "1e999999999"/ },
  { name: '--target without --lipschitz', args: ['!--lipschitz'], message: /--lipschitz is required with --target/ },
  { name: '--lipschitz with --library', args: ['--library', '{"family":"select-first"}', '--lipschitz', '1'], message: /--lipschitz applies to --target only/ },
  // --epsilon
  { name: 'non-numeric --epsilon', args: ['--epsilon', 'small'], message: /--epsilon must be a finite decimal number .*, got "small"/ },
  { name: 'zero --epsilon', args: ['--epsilon', '0'], message: /--epsilon must be in \[0\.001, 1\], got "0"/ },
  { name: 'negative --epsilon', args: ['--epsilon', '-0.1'], message: /--epsilon must be in \[0\.001, 1\], got "-0\.1"/ },
  { name: 'NaN --epsilon', args: ['--epsilon', 'NaN'], message: /--epsilon must be a finite decimal number .*, got "NaN"/ },
  { name: '--epsilon below MIN_EPSILON', args: ['--epsilon', '0.0009'], message: /--epsilon must be in \[0\.001, 1\], got "0\.0009"/ },
  { name: '--epsilon above 1', args: ['--epsilon', '2'], message: /--epsilon must be in \[0\.001, 1\], got "2"/ },
  { name: 'absurd --epsilon', args: ['--epsilon', '1e-999999999'], message: /--epsilon must have a decimal exponent within ±100000, got "1e-999999999"/ },
  // --export (checked before any work)
  { name: '--export to a directory', args: ['--export', DIR], message: new RegExp(`--export ".*uat-approx-bad-.*" is a directory; give a file name`) },
  { name: '--export into a missing directory', args: ['--export', '/no/such/dir/w.json'], message: /--export "\/no\/such\/dir\/w\.json": no such directory "\/no\/such\/dir"/ },
  { name: '--export under a file', args: ['--export', path.join(A_FILE, 'w.json')], message: /--export ".*a-file\.txt\/w\.json": ".*a-file\.txt" is not a directory/ },
  { name: 'empty --export', args: ['--export', ''], message: /--export needs a file name, got ""/ },
  // --library, flags
  { name: '--library that is not JSON', args: ['--library', '{family: sin}'], message: /--library must be a JSON object, got "\{family: sin\}"/ },
  { name: '--library of an unknown family', args: ['--library', '{"family":"nope"}'], message: /--library argument target\.family must be one of .*, got "nope"/ },
  { name: '--library without a parameter', args: ['--library', '{"family":"sin"}'], message: /--library argument target\.k is required for family sin, got nothing/ },
  { name: 'both --target and --library', args: ['--library', '{"family":"select-first"}', '--target', 'x1'], message: /give exactly one of --target and --library/ },
  { name: 'neither --target nor --library', args: ['!--target', '!--lipschitz'], message: /give exactly one of --target and --library/ },
  { name: 'unknown flag', args: ['--frobnicate'], message: /unknown option '--frobnicate'/ },
  { name: '--epsilon without its value', args: ['!--epsilon', '--epsilon'], message: /option '--epsilon <e>' argument missing/ },
  { name: 'missing --epsilon', args: ['!--epsilon'], message: /required option '--epsilon <e>' not specified/ },
  { name: 'absurd --samples', args: ['--samples', '1000001'], message: /'--samples <S>' argument '1000001' is invalid\. must be an integer in \[0, 100000\]/ },
  { name: 'negative --max-boxes', args: ['--max-boxes', '-1'], message: /'--max-boxes <B>' argument '-1' is invalid\. must be an integer in \[0, 1000000\]/ },
  { name: 'non-numeric --seed', args: ['--seed', 'abc'], message: /'--seed <K>' argument 'abc' is invalid/ },
];

function expectOneLineError(run: Run, row: BadApproximation): void {
  const shown = `uat approximate ${argsOf(row).join(' ')} → ${JSON.stringify(run)}`;
  expect(run.status, shown).toBe(2);
  expect(run.stdout, shown).toBe('');
  expect(run.stderr.endsWith('\n') && run.stderr.trimEnd().split('\n').length === 1, shown).toBe(true);
  expect(run.stderr, shown).toMatch(row.message);
  expect(run.stderr, shown).not.toMatch(/\n\s+at |node:internal|\.ts:\d+:\d+|internal error/);
}

/** A small construction that certifies in well under a second. */
const SMALL = ['--target', 'x1', '--tokens', '2', '--lipschitz', '1', '--epsilon', '0.5', '--samples', '3', '--max-boxes', '0'];

describe('uat approximate on bad input', () => {
  it.each(BAD_APPROXIMATIONS.map((row) => [row.name, row] as const))('%s: one line naming the option and the value, exit 2', async (_, row) => {
    expectOneLineError(await inProcess(argsOf(row)), row);
  });

  // in a child process: reaches no mutated code in process, so mutation runs skip it
  it.skipIf(process.env.UAT_MUTATION === '1')('through the executable: the same line and exit 2 for a sample of rows', async () => {
    const names = ['--target reaching for code (constructor)', 'NaN --epsilon', 'absurd --lipschitz', '--export to a directory', 'unknown flag', 'product of a smooth function of two variables'];
    const rows = BAD_APPROXIMATIONS.filter((r) => names.includes(r.name));
    expect(rows).toHaveLength(names.length);
    const runs = await Promise.all(rows.map((row) => executable(argsOf(row))));
    rows.forEach((row, i) => expectOneLineError(runs[i]!, row));
  }, 120_000);

  it('every row is listed in the README bad-input table of `uat approximate`', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const section = /<!-- section: bad-input -->([\s\S]*?)<!-- \/section: bad-input -->/.exec(readme)?.[1] ?? '';
    const table = /### `uat approximate` on bad input\n([\s\S]*?)(?=\n### )/.exec(section)?.[1] ?? '';
    for (const row of BAD_APPROXIMATIONS) expect(table, `README row for ${row.name}`).toContain(`| ${row.name} |`);
  });

  it('an export that fails after the construction: the result is printed, then one line saying it was not exported, exit 2', async () => {
    const file = path.join(DIR, 'never.json');
    const run = await inProcess([...SMALL, '--export', file], () => {
      throw new Error('ENOSPC: no space left on device');
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/^target {6}F\(X\)_i = x1 /);
    expect(run.stdout).toMatch(/certified error/);
    expect(run.stderr).toBe(
      `uat: --export ${JSON.stringify(file)} could not be written (ENOSPC: no space left on device); the network printed above was built and certified, but not exported\n`,
    );
  });

  it('an export is written atomically: the file complete, no temporary file left', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'uat-approx-export-'));
    const file = path.join(dir, 'w.json');
    writeFileSync(file, 'previous');
    const run = await inProcess([...SMALL, '--export', file]);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(dir)).toEqual(['w.json']);
    const json = JSON.parse(readFileSync(file, 'utf8')) as { format: string; claim: unknown; tokens: number };
    expect(json.format).toBe('uat-transformer/1');
    expect(json.tokens).toBe(2);
    expect(json.claim).toEqual({ target: 'x1', lipschitz: '1', epsilon: '0.5' });
  });

  it('a failed atomic write leaves the previous file and no temporary file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'uat-approx-atomic-'));
    expect(() => writeFileAtomically(path.join(dir, 'missing', 'w.json'), 'x')).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--lipschitz 0 is a declaration, not a bad value: accepted for a constant target, refuted (exit 1) for x1', async () => {
    const constant = await inProcess([...SMALL.slice(0, 1), '3/4', ...SMALL.slice(2, 5), '0', ...SMALL.slice(6)]);
    expect(constant.status, constant.stderr).toBe(0);
    expect(constant.stdout).toMatch(/declared modulus: no violation on 100 random pairs/);
    const x1 = await inProcess([...SMALL.slice(0, 5), '0', ...SMALL.slice(6)]);
    expect(x1.status).toBe(1);
    expect(x1.stderr).toBe('');
    expect(x1.stdout).toMatch(/declared modulus: REFUTED at X = \(/);
  });
});

/**
 * `uat approximate --help`: the command's description and every option's flags, description and
 * default, exactly as a user reads them (read from the registered command, so the terminal width
 * does not matter); the integer options' readers at the ends of their ranges; ε at the ends of
 * [0.001, 1] accepted; the box certificate and gated ridges in the report; blank export paths;
 * an atomic write that fails cleans up.
 */
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { register, writeFileAtomically } from './approximate.ts';
import { runApproximate } from './approximate.test-support.ts';

/**
 * The registered `approximate` command, built inside each test: under Stryker a mutant is active only
 * while tests run, not while vitest collects them, so a command registered in a describe body would
 * carry none of the mutants of its texts and readers.
 */
function approximateCommand(): Command {
  const program = new Command('uat');
  register(program);
  return program.commands.find((c) => c.name() === 'approximate')!;
}

describe('uat approximate: the help', () => {
  it('describes the command', () => {
    expect(approximateCommand().description()).toBe('build an explicit single-layer Transformer within ε of a target and certify its error');
  });

  it('lists every option with its description and default', () => {
    expect(approximateCommand().options.map((o) => [o.flags, o.description, o.defaultValue, o.mandatory])).toEqual([
      ['--target <expression>', 'F(X)_i as an expression in x1 … xn (token values) and i (1-based output index)', undefined, false],
      ['--library <json>', 'a library target spec instead, e.g. \'{"family":"sin-of-sum","k":"2"}\'', undefined, false],
      ['--tokens <n>', 'number of tokens, 2..8', undefined, true],
      ['--lipschitz <L>', 'declared Lipschitz constant of each F(·)_i in the ∞-norm (required with --target)', undefined, false],
      ['--epsilon <e>', 'accuracy, in [0.001, 1]', undefined, true],
      ['--export <file>', 'write the weights as uat-transformer/1 JSON', undefined, false],
      ['--json', 'print the result as JSON', undefined, false],
      ['--samples <S>', 'random inputs checked besides the adversarial ones', 200, false],
      ['--max-boxes <B>', 'budget of the box-wise bound (0 skips it)', 4000, false],
      ['--seed <K>', 'seed of the random inputs', 1, false],
    ]);
  });
});

describe('uat approximate: integer options at the ends of their ranges', () => {
  const reader = (flag: string) => {
    const option = approximateCommand().options.find((o) => o.long === flag)!;
    return (text: string) => (option.parseArg as (value: string, previous: unknown) => number)(text, undefined);
  };

  it.each<[string, string[], string[], string]>([
    ['--tokens', ['2', '8', ' 3 '], ['1', '9', '2.0', '+3', '0x2', ''], 'must be an integer in [2, 8].'],
    ['--samples', ['0', '100000'], ['100001', '-1', '1e3'], 'must be an integer in [0, 100000].'],
    ['--max-boxes', ['0', '1000000'], ['1000001'], 'must be an integer in [0, 1000000].'],
    ['--seed', ['0', '2147483647'], ['2147483648', '99999999999999999999'], 'must be an integer in [0, 2147483647].'],
  ])('%s reads %j and refuses %j', (flag, accepted, refused, message) => {
    const read = reader(flag);
    expect(accepted.map(read)).toEqual(accepted.map((t) => Number(t.trim())));
    for (const text of refused) {
      expect(() => read(text), text).toThrow(InvalidArgumentError);
      expect(() => read(text), text).toThrow(message);
    }
  });
});

describe('uat approximate: ε at the ends of [0.001, 1]', () => {
  async function run(epsilon: string): Promise<{ stdout: string; status: number }> {
    let stdout = '';
    let status = -1;
    const program = new Command('uat').exitOverride();
    register(program, { stdout: (t) => (stdout += t), writeFile: () => undefined, setExitCode: (c) => (status = c) });
    await program.parseAsync(['approximate', '--target', 'x1', '--tokens', '2', '--lipschitz', '1', '--epsilon', epsilon, '--samples', '0', '--max-boxes', '0', '--json'], { from: 'user' });
    return { stdout, status };
  }

  it.each(['1', '0.001'])('ε = %s builds and certifies x1', async (epsilon) => {
    const { stdout, status } = await run(epsilon);
    expect(status).toBe(0);
    expect((JSON.parse(stdout) as { epsilon: string; certification: string }).epsilon).toBe(epsilon);
  });
});

describe('uat approximate: the report of boxes and gated ridges, and the export path', () => {
  const run = runApproximate;

  it('--json carries the box-wise certificate: x1 at ε = 1/2 proved on 21 boxes', async () => {
    const { stdout, status } = await run(['--target', 'x1', '--tokens', '2', '--lipschitz', '1', '--epsilon', '0.5', '--samples', '0', '--max-boxes', '21', '--json']);
    expect(status).toBe(0);
    expect((JSON.parse(stdout) as { boxes: unknown }).boxes).toEqual({
      certified: true,
      boxes: 21,
      bound: '0.333292',
      description: 'sup over [0,1]^2 of max_i |T(X)_i − F(X)_i| ≤ 0.333292 ≤ ε = 0.5, proved by interval evaluation on 21 boxes (smallest side 0.25)',
    });
    // a budget of 3 boxes: not completed, no bound (null in JSON)
    const short = await run(['--target', 'x1', '--tokens', '2', '--lipschitz', '1', '--epsilon', '0.5', '--samples', '0', '--max-boxes', '3', '--json']);
    expect((JSON.parse(short.stdout) as { boxes: unknown }).boxes).toEqual({
      certified: false,
      boxes: 3,
      bound: null,
      description: 'box-wise bound not completed: 6 boxes left after 3 evaluations (budget 3)',
    });
  });

  it('--json marks a ridge shared by all positions with gate "all"; the text names the position of a gated one', async () => {
    const shared = await run(['--target', 'x1^2', '--tokens', '2', '--lipschitz', '2', '--epsilon', '0.5', '--samples', '0', '--max-boxes', '0', '--json']);
    expect((JSON.parse(shared.stdout) as { ridges: Array<{ gate: unknown }> }).ridges.map((r) => r.gate)).toEqual(['all']);
    const gated = await run(['--target', 'i*x1^2', '--tokens', '2', '--lipschitz', '4', '--epsilon', '0.5', '--samples', '0', '--max-boxes', '0']);
    expect(gated.stdout.split('\n').filter((l) => l.startsWith('  ridge '))).toEqual([
      // C2 bound h²·sup|g''|/8 with h = 1/2: 1/16 for t², 1/8 for 2t² (printed rounded up to 6 digits)
      '  ridge (1, 0) position 1: g(t) = (((1) * (((1*t + 0) ^ 2)))), 2 cells, error ≤ 0.0625001 (C2)',
      '  ridge (1, 0) position 2: g(t) = (((2) * (((1*t + 0) ^ 2)))), 2 cells, error ≤ 0.125001 (C2)',
    ]);
  });

  it('an --export of blanks is refused before any work', async () => {
    await expect(run(['--target', 'x1', '--tokens', '2', '--lipschitz', '1', '--epsilon', '0.5', '--export', '   '])).rejects.toThrow('--export needs a file name, got "   "');
  });
});

describe('writeFileAtomically', () => {
  it('a rename that fails leaves no temporary file and throws', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'uat-atomic-'));
    const target = path.join(dir, 'taken');
    mkdirSync(target); // renaming a file onto a directory fails
    expect(() => writeFileAtomically(target, 'text')).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
  });
});

/**
 * `uat approximate --help`: the command's description and every option's flags, description and
 * default, exactly as a user reads them (read from the registered command, so the terminal width
 * does not matter); the integer options' readers at the ends of their ranges; ε at the ends of
 * [0.001, 1] accepted.
 */
import { Command, InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { register } from './approximate.ts';

describe('uat approximate: the help', () => {
  const program = new Command('uat');
  register(program);
  const command = program.commands.find((c) => c.name() === 'approximate')!;

  it('describes the command', () => {
    expect(command.description()).toBe('build an explicit single-layer Transformer within ε of a target and certify its error');
  });

  it('lists every option with its description and default', () => {
    expect(command.options.map((o) => [o.flags, o.description, o.defaultValue, o.mandatory])).toEqual([
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
  const program = new Command('uat');
  register(program);
  const command = program.commands.find((c) => c.name() === 'approximate')!;
  const reader = (flag: string) => {
    const option = command.options.find((o) => o.long === flag)!;
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

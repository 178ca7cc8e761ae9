/**
 * `uat approximate --help`: the command's description and every option's flags, description and
 * default, exactly as a user reads them (read from the registered command, so the terminal width
 * does not matter).
 */
import { Command } from 'commander';
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

/**
 * Test support (not a test, never mutated): `uat approximate` run in process with its output
 * captured and nothing written to disk.
 */
import { Command } from 'commander';
import { register } from './approximate.ts';

/** Runs `uat approximate ARGV`; resolves to what it printed and the exit status it set (−1 when none). */
export async function runApproximate(argv: readonly string[]): Promise<{ stdout: string; status: number }> {
  let stdout = '';
  let status = -1;
  const program = new Command('uat').exitOverride();
  register(program, { stdout: (t) => (stdout += t), writeFile: () => undefined, setExitCode: (c) => (status = c) });
  await program.parseAsync(['approximate', ...argv], { from: 'user' });
  return { stdout, status };
}

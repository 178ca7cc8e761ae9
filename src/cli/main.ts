/**
 * The `uat` program's entry (what bin.mjs runs): {@link runProgram} on the process's command line;
 * its status, when it returns one (a usage error, help, the version), is the exit status.
 */
import { runProgram } from './program.ts';

const status = await runProgram(process.argv);
if (status !== undefined) process.exitCode = status;

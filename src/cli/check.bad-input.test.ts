/**
 * `uat check` on bad input: every row of the README's bad-input table (section `bad-input`) is a
 * line that must get an `error` answer whose reason names the argument and the value (or, for a
 * line that is not a probe at all, what is wrong with the line), and the line after it must still
 * be answered. Rows run in process through `answerLine` / `checkStream` (fast); one spawned run
 * checks the same through the real executable.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRuntimeRegistry, type RuntimeRegistry } from '../registry/runtime.ts';
import { REPO_ROOT } from '../verify/settings.ts';
import { answerLine, type CheckAnswer } from './check-lines.ts';
import { checkStream } from './check.ts';

/** One row of the table: a bad input line and what its `error` reason must say. */
export interface BadLine {
  /** The row's name in the README table. */
  readonly name: string;
  readonly line: string;
  /** The claim the answer echoes (`null` when the line names none). */
  readonly claim: string | null;
  /** Fragments the reason must contain: the argument, the value, the problem. */
  readonly reason: readonly (string | RegExp)[];
}

const LINF = 'softmax-hardmax/linf';
const probe = (claim: string, args: string): string => `{"claim": "${claim}", "args": ${args}}`;

export const BAD_LINES: readonly BadLine[] = [
  { name: 'invalid JSON', line: '{"claim": "softmax-hardmax/linf", "args": {"z": [1, 0]', claim: null, reason: ['bad JSON'] },
  { name: 'JSON array instead of an object', line: '[1, 2]', claim: null, reason: ['must be a JSON object', 'got ['] },
  { name: 'JSON number instead of an object', line: '42', claim: null, reason: ['must be a JSON object', '42'] },
  { name: 'JSON null instead of an object', line: 'null', claim: null, reason: ['must be a JSON object', 'got null'] },
  { name: 'empty line', line: '', claim: null, reason: ['empty line'] },
  { name: 'blank line (spaces only)', line: '   \t ', claim: null, reason: ['empty line'] },
  { name: 'no claim field', line: '{"args": {}}', claim: null, reason: ['field claim must be a string', 'got nothing'] },
  { name: 'claim not a string', line: '{"claim": ["softmax-hardmax/linf"], "args": {}}', claim: null, reason: ['field claim must be a string', 'got ['] },
  // JSON numbers are read as the text of their literal (json-exact.ts), so a numeric claim is an unknown name
  { name: 'claim a number', line: '{"claim": 7, "args": {}}', claim: '7', reason: ['unknown claim', '"7"'] },
  { name: 'unknown claim', line: probe('softmax-hardmax/linf2', '{}'), claim: 'softmax-hardmax/linf2', reason: ['unknown claim', '"softmax-hardmax/linf2"'] },
  { name: 'unknown lemma', line: probe('no-such-lemma/linf', '{}'), claim: 'no-such-lemma/linf', reason: ['unknown claim', '"no-such-lemma/linf"'] },
  { name: 'prototype name as claim', line: probe('__proto__', '{}'), claim: '__proto__', reason: ['unknown claim', '"__proto__"'] },
  { name: 'args missing', line: `{"claim": "${LINF}"}`, claim: LINF, reason: ['field args must be a JSON object', 'got nothing'] },
  { name: 'args not an object', line: probe(LINF, '[1, 0]'), claim: LINF, reason: ['field args must be a JSON object', 'got ['] },
  { name: 'missing argument', line: probe(LINF, '{"z": [1, 0]}'), claim: LINF, reason: ['argument lambda', 'is required', 'got nothing'] },
  { name: 'null argument', line: probe(LINF, '{"z": [1, 0], "lambda": null}'), claim: LINF, reason: ['argument lambda', 'is required', 'got null'] },
  { name: 'non-numeric string', line: probe(LINF, '{"z": [1, 0], "lambda": "abc"}'), claim: LINF, reason: ['argument lambda', 'finite decimal', '"abc"'] },
  { name: 'boolean for a number', line: probe(LINF, '{"z": [1, 0], "lambda": true}'), claim: LINF, reason: ['argument lambda', 'decimal number', 'got true'] },
  { name: 'bare NaN (not JSON)', line: probe(LINF, '{"z": [1, 0], "lambda": NaN}'), claim: null, reason: ['bad JSON'] },
  { name: 'NaN as a string', line: probe(LINF, '{"z": [1, 0], "lambda": "NaN"}'), claim: LINF, reason: ['argument lambda', 'finite decimal', '"NaN"'] },
  { name: 'bare Infinity (not JSON)', line: probe(LINF, '{"z": [1, 0], "lambda": Infinity}'), claim: null, reason: ['bad JSON'] },
  { name: 'Infinity as a string', line: probe(LINF, '{"z": [1, 0], "lambda": "-Infinity"}'), claim: LINF, reason: ['argument lambda', 'finite decimal', '"-Infinity"'] },
  { name: 'huge exponent 1e999999999999', line: probe(LINF, '{"z": [1, 0], "lambda": 1e999999999999}'), claim: LINF, reason: ['argument lambda', 'exponent within ±100000', '1e999999999999'] },
  { name: 'tiny exponent in an array entry', line: probe(LINF, '{"z": [1, 1e-999999999999], "lambda": 1}'), claim: LINF, reason: ['argument z[1]', 'exponent within ±100000', '1e-999999999999'] },
  { name: 'too many digits', line: probe(LINF, `{"z": [1, 0], "lambda": "0.${'1'.repeat(10_100)}"}`), claim: LINF, reason: ['argument lambda', 'at most 10000 digits'] },
  { name: 'array expected, string given', line: probe(LINF, '{"z": "1, 0", "lambda": 1}'), claim: LINF, reason: ['argument z', 'must be an array', '"1, 0"'] },
  { name: 'nested array where numbers are expected', line: probe(LINF, '{"z": [[1], [0]], "lambda": 1}'), claim: LINF, reason: ['argument z[0]', 'decimal number', 'got ['] },
  { name: 'too many scores', line: probe(LINF, `{"z": [${Array.from({ length: 10_001 }, () => '0').join(',')}], "lambda": 1}`), claim: LINF, reason: ['argument z', 'between 0 and 10000 entries (has 10001)'] },
  {
    name: 'ragged matrix',
    line: probe('softmax-hardmax/attention', '{"z": [1, 0], "lambda": 1, "v": [[1, 2], [3]]}'),
    claim: 'softmax-hardmax/attention',
    reason: ['argument v[1]', 'must have 2 entries like row 0 (has 1)'],
  },
  {
    name: 'matrix with the wrong number of rows',
    line: probe('softmax-hardmax/attention', '{"z": [1, 0, 2], "lambda": 1, "v": [[1], [2]]}'),
    claim: 'softmax-hardmax/attention',
    reason: ['argument v', 'must have 3 rows (has 2)'],
  },
  {
    name: 'inverted domain (a > b)',
    line: probe('relu-partition-of-unity/sum-to-one', '{"a": 1, "b": 0, "N": 4, "x": 0.5}'),
    claim: 'relu-partition-of-unity/sum-to-one',
    reason: ['argument b', 'must exceed a = 1', '0'],
  },
  {
    name: 'empty domain (a = b)',
    line: probe('piecewise-constant/modulus', '{"f": "x", "lipschitz": 1, "a": 2, "b": 2, "N": 4, "x": [2]}'),
    claim: 'piecewise-constant/modulus',
    reason: ['argument b', 'must exceed a = 2'],
  },
  {
    name: 'grid of zero cells',
    line: probe('relu-partition-of-unity/sum-to-one', '{"a": 0, "b": 1, "N": 0, "x": 0.5}'),
    claim: 'relu-partition-of-unity/sum-to-one',
    reason: ['argument N', 'must be an integer in [1, 1000000]', '0'],
  },
  {
    name: 'fractional cell count',
    line: probe('piecewise-constant/modulus', '{"f": "x", "lipschitz": 1, "a": 0, "b": 1, "N": 2.5, "x": [0.5]}'),
    claim: 'piecewise-constant/modulus',
    reason: ['argument N', 'must be an integer', '2.5'],
  },
  {
    name: 'expression that does not parse',
    line: probe('relu-partition-of-unity/interpolation', '{"f": "sin(x", "lipschitz": 1, "a": 0, "b": 1, "N": 4, "x": 0.5}'),
    claim: 'relu-partition-of-unity/interpolation',
    reason: ['argument f', 'does not parse', '"sin(x"'],
  },
  {
    name: 'expression reaching for code (constructor)',
    line: probe('relu-partition-of-unity/interpolation', `{"f": "constructor.constructor('return process')()", "lipschitz": 1, "a": 0, "b": 1, "N": 4, "x": 0.5}`),
    claim: 'relu-partition-of-unity/interpolation',
    reason: ['argument f', 'constructor.constructor'],
  },
  {
    name: 'expression with property access',
    line: probe('piecewise-constant/modulus', '{"f": "x.constructor", "lipschitz": 1, "a": 0, "b": 1, "N": 4, "x": [0.5]}'),
    claim: 'piecewise-constant/modulus',
    reason: ['argument f', 'AccessorNode', 'x.constructor'],
  },
  {
    name: 'expression calling a non-arithmetic function',
    line: probe('relu-partition-of-unity/interpolation', `{"f": "evaluate('1+1')", "lipschitz": 1, "a": 0, "b": 1, "N": 4, "x": 0.5}`),
    claim: 'relu-partition-of-unity/interpolation',
    reason: ['argument f', 'not allowed', 'evaluate'],
  },
  {
    name: 'expression with an assignment',
    line: probe('relu-partition-of-unity/interpolation', '{"f": "x = 1", "lipschitz": 1, "a": 0, "b": 1, "N": 4, "x": 0.5}'),
    claim: 'relu-partition-of-unity/interpolation',
    reason: ['argument f', 'AssignmentNode'],
  },
  {
    name: 'expression with an unknown variable',
    line: probe('relu-partition-of-unity/interpolation', '{"f": "x + y", "lipschitz": 1, "a": 0, "b": 1, "N": 4, "x": 0.5}'),
    claim: 'relu-partition-of-unity/interpolation',
    reason: ['argument f', 'unknown symbol', '"y"'],
  },
];

const OPTIONS = { digits: 20, maxPrecision: 1000 } as const;
let registry: RuntimeRegistry;
beforeAll(async () => {
  registry = await loadRuntimeRegistry();
});

/** Asserts an answer is the `error` a row calls for. */
export function expectErrorAnswer(answer: CheckAnswer, row: BadLine, line: number): void {
  expect(answer.verdict, `${row.name}: ${JSON.stringify(answer)}`).toBe('error');
  expect(answer.line).toBe(line);
  expect(answer.claim).toBe(row.claim);
  expect(answer.lhs).toBeUndefined();
  expect(answer.bound).toBeUndefined();
  for (const fragment of row.reason) {
    if (typeof fragment === 'string') expect(answer.reason, row.name).toContain(fragment);
    else expect(answer.reason, row.name).toMatch(fragment);
  }
  expect(answer.reason!.length, `${row.name}: the reason is short`).toBeLessThan(400);
}

const GOOD = probe(LINF, '{"z": [1, 0], "lambda": 1}');

async function checkInProcess(text: string): Promise<{ status: number; answers: CheckAnswer[] }> {
  const chunks: string[] = [];
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const status = await checkStream(Readable.from([Buffer.from(text, 'utf8')]), output, registry, OPTIONS);
  const answers = chunks.join('').trimEnd().split('\n').map((l) => JSON.parse(l) as CheckAnswer);
  return { status, answers };
}

describe('uat check: bad input lines', () => {
  it.each(BAD_LINES.map((row) => [row.name, row] as const))('%s → error naming the argument and value', (_name, row) => {
    expectErrorAnswer(answerLine({ text: row.line }, 7, registry, OPTIONS), row, 7);
  });

  it('nothing in an expression is ever executed', () => {
    const sentinel = '__uatExpressionExecuted';
    const attempts = [
      `constructor.constructor('globalThis.${sentinel} = 1')()`,
      `x.constructor.constructor('globalThis.${sentinel} = 1')()`,
      `evaluate('${sentinel} = 1')`,
      `import('node:fs')`,
      `${sentinel} = 1`,
      `f(x) = ${sentinel}`,
      `"globalThis.${sentinel}=1"`,
    ];
    for (const f of attempts) {
      const text = JSON.stringify({ claim: 'relu-partition-of-unity/interpolation', args: { f, lipschitz: 1, a: 0, b: 1, N: 4, x: 0.5 } });
      const answer = answerLine({ text }, 1, registry, OPTIONS);
      expect(answer.verdict, f).toBe('error');
      expect(answer.reason, f).toMatch(/^argument f /);
      expect((globalThis as Record<string, unknown>)[sentinel], f).toBeUndefined();
    }
  });

  it('bad JSON is reported with the position in the line as written (not in the number-quoted text)', () => {
    const text = '{"claim": "softmax-hardmax/linf", "args": {"z": [1, 0], "lambda": 1';
    let expected = '';
    try {
      JSON.parse(text);
    } catch (e) {
      expected = (e as Error).message;
    }
    expect(answerLine({ text }, 1, registry, OPTIONS).reason).toBe(`bad JSON: ${expected}`);
  });

  it('the value named in a reason is the value as written: JSON numbers are not shown as strings', () => {
    expect(answerLine({ text: '[1, 2]' }, 1, registry, OPTIONS).reason).toMatch(/got \[1,2\]$/);
    expect(answerLine({ text: probe(LINF, '{"z": [[1], [0]], "lambda": 1}') }, 1, registry, OPTIONS).reason).toMatch(/got \[1\]$/);
  });

  it('a line over the 1 MiB cap → error with its length, never parsed', () => {
    const answer = answerLine({ tooLongBytes: 5_000_000 }, 3, registry, OPTIONS);
    expect(answer).toEqual({ line: 3, claim: null, verdict: 'error', reason: expect.stringContaining('line too long: 5000000 bytes') });
  });

  it('the line after each bad line is still answered, in order, one answer per line', async () => {
    const text = BAD_LINES.flatMap((row) => [row.line, GOOD]).join('\n');
    const { status, answers } = await checkInProcess(`${text}\n`);
    expect(status).toBe(2);
    expect(answers).toHaveLength(2 * BAD_LINES.length);
    BAD_LINES.forEach((row, i) => {
      expectErrorAnswer(answers[2 * i]!, row, 2 * i + 1);
      expect(answers[2 * i + 1], `after ${row.name}`).toMatchObject({ line: 2 * i + 2, claim: LINF, verdict: 'holds' });
    });
  });

  // under mutation testing the spawned process runs unmutated code: skipped there
  it.skipIf(process.env.UAT_MUTATION === '1')('the real executable answers the same rows and exits 2', () => {
    const text = BAD_LINES.flatMap((row) => [row.line, GOOD]).join('\n');
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'src', 'cli', 'bin.mjs'), 'check'], {
      input: text,
      encoding: 'utf8',
      cwd: REPO_ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(2);
    const answers = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as CheckAnswer);
    expect(answers).toHaveLength(2 * BAD_LINES.length);
    BAD_LINES.forEach((row, i) => {
      expectErrorAnswer(answers[2 * i]!, row, 2 * i + 1);
      expect(answers[2 * i + 1]!.verdict).toBe('holds');
    });
  });

  it('every row is listed in the README bad-input table', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const section = /<!-- section: bad-input -->([\s\S]*?)<!-- \/section: bad-input -->/.exec(readme)?.[1] ?? '';
    for (const row of BAD_LINES) expect(section, `README row for ${row.name}`).toContain(`| ${row.name} |`);
  });
});

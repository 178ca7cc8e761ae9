/**
 * Fuzzing `uat check`: thousands of mutated JSON lines never crash it, and each gets exactly one
 * answer, in order, with one of the five verdicts. Lines are built from the claims of the run-time
 * registry with arguments drawn from a pool of ordinary and hostile values, then mutated as text
 * (deletions, insertions, duplications, truncations). The in-process run checks `answerLine`
 * directly (fast); one spawned run pushes a few thousand lines, raw bytes included, through the real
 * executable.
 */
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRuntimeRegistry, type RuntimeRegistry } from '../registry/runtime.ts';
import { REPO_ROOT } from '../verify/settings.ts';
import type { VerdictKind } from '../verdict/verdict.ts';
import { answerLine, type CheckAnswer } from './check-lines.ts';

/** Fixed so that a failure replays; change it to explore further. */
const FUZZ_SEED = 2507_10581;
/** Under mutation testing (every covering test reruns per mutant) a smaller sample, and no spawned run (it runs unmutated code). */
const IN_MUTATION = process.env.UAT_MUTATION === '1';
const IN_PROCESS_LINES = IN_MUTATION ? 400 : 3000;
const SPAWNED_LINES = 3000;
/** A low precision cap keeps every probe fast; the fuzz is about robustness, not about verdicts. */
const OPTIONS = { digits: 10, maxPrecision: 40 } as const;
const VERDICTS: readonly VerdictKind[] = ['holds', 'violated', 'inconclusive', 'inapplicable', 'error'];

const KEYS = ['z', 'lambda', 'v', 'epsilon', 'lambda1', 'lambda2', 'a', 'b', 'N', 'n', 'x', 'k', 'f', 'lipschitz', 'holder', 'target', 'eta', 'delta', 'm', 'd', 'X', 'tokens', 'width', '__proto__', 'constructor'];
const VALUES = [
  '1', '0', '-1', '0.5', '2', '3', '1e-7', '-0', '1e5', '0.1000000000000000000000001', '1e999999999999', '-1e-999999999999', '1e100000',
  '"abc"', '"1.5"', '"NaN"', '"Infinity"', '"-Infinity"', '"0x10"', '""', '" "', 'null', 'true', 'false', '[]', '{}',
  '[1, 0]', '[1, 0, 0.5]', '[0, 0]', '[[1], [0]]', '[[1, 2], [3]]', '[[1, 2], [3, 4]]', '["1", "x"]', '[1, [2]]',
  '"sin(x)"', '"x^2 + 1"', '"abs(x - 0.5)"', '"constructor.constructor(\'return process\')()"', '"x.constructor"', '"import(\'fs\')"',
  '"f(x) = 1"', '"[1,2]"', '"sqrt(-1)"', '"1/0"', '"log(0)"', '"exp(1e9)"', '"x^1e9"',
  '{"family": "abs"}', '{"family": "nope"}', '{"C": 1, "alpha": 0.5}', '{"C": -1, "alpha": 2}',
];

/** A probe line for some claim, with random arguments from the pools. */
function probeLines(claims: readonly string[]): fc.Arbitrary<string> {
  const args = fc
    .uniqueArray(fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES)), { maxLength: 6, selector: ([k]) => k })
    .map((entries) => `{${entries.map(([k, v]) => `"${k}": ${v}`).join(', ')}}`);
  const claim = fc.oneof(fc.constantFrom(...claims), fc.constantFrom('', 'softmax-hardmax', 'softmax-hardmax/', '/linf', 'x/y/z'));
  return fc.tuple(claim, args).map(([c, a]) => `{"claim": ${JSON.stringify(c)}, "args": ${a}}`);
}

/** Well-formed probes, so that mutations also land past the parser, in hypotheses and evaluation. */
const WELL_FORMED = [
  '{"claim": "softmax-hardmax/linf", "args": {"z": [1, 0, 0.5], "lambda": 2}}',
  '{"claim": "softmax-hardmax/l1", "args": {"z": [0.25, -1, 0.75], "lambda": 30}}',
  '{"claim": "softmax-hardmax/attention", "args": {"z": [1, 0], "lambda": 3, "v": [[1, 2], [0, 5]]}}',
  '{"claim": "softmax-hardmax/temperature", "args": {"z": [2, 1, 0], "epsilon": 0.01}}',
  '{"claim": "softmax-hardmax/monotone", "args": {"z": [2, 1, 0], "lambda1": 1, "lambda2": 5}}',
  '{"claim": "softmax-hardmax/margin-necessary", "args": {"z": [1, 1, 0], "lambda": 5, "epsilon": 0.25}}',
];

/** Text mutations of a line; the results never contain a newline. */
function mutated(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const junk = fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '\\', '-', '.', 'e', '0', '9', ' ', '\t', '\r', 'é', '\u0000', '\ud83d', 'NaN');
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: junk }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  );
  return fc.tuple(base, fc.array(edit, { maxLength: 3 })).map(([line, edits]) =>
    edits.reduce((s, e) => {
      const at = s.length === 0 ? 0 : e.at % (s.length + 1);
      switch (e.kind) {
        case 'delete':
          return s.slice(0, at) + s.slice(at + e.length);
        case 'insert':
          return s.slice(0, at) + e.text + s.slice(at);
        case 'duplicate':
          return s.slice(0, at + e.length) + s.slice(at, at + e.length) + s.slice(at + e.length);
        default:
          return s.slice(0, at);
      }
    }, line),
  );
}

let registry: RuntimeRegistry;
let lines: (n: number, seed: number) => string[];
beforeAll(async () => {
  registry = await loadRuntimeRegistry();
  const claims = [...registry.claims.keys()];
  expect(claims.length).toBeGreaterThan(0);
  lines = (n, seed) => fc.sample(mutated(fc.oneof(probeLines(claims), fc.constantFrom(...WELL_FORMED))), { numRuns: n, seed });
});

function expectOneAnswer(answer: CheckAnswer, line: number, input: string): void {
  expect(answer.line, input).toBe(line);
  expect(VERDICTS, input).toContain(answer.verdict);
  if (answer.verdict === 'error' || answer.verdict === 'inapplicable' || answer.verdict === 'inconclusive') {
    expect(typeof answer.reason === 'string' && answer.reason.length > 0, input).toBe(true);
  }
}

describe('uat check under fuzzing', () => {
  it(`answers ${IN_PROCESS_LINES} mutated lines in process without throwing`, () => {
    const inputs = lines(IN_PROCESS_LINES, FUZZ_SEED);
    const seen: Record<VerdictKind, number> = { holds: 0, violated: 0, inconclusive: 0, inapplicable: 0, error: 0 };
    inputs.forEach((text, i) => {
      let answer: CheckAnswer | undefined;
      expect(() => {
        answer = answerLine({ text }, i + 1, registry, OPTIONS);
      }, text).not.toThrow();
      expectOneAnswer(answer!, i + 1, text);
      expect(() => JSON.stringify(answer), text).not.toThrow();
      seen[answer!.verdict] += 1;
    });
    // the fuzz reaches past the parser: some lines are decided, not all are errors
    expect(seen.error).toBeGreaterThan(0);
    expect(seen.holds + seen.inapplicable + seen.violated + seen.inconclusive).toBeGreaterThan(0);
  });

  it.skipIf(IN_MUTATION)(`the executable answers ${SPAWNED_LINES} mutated lines (raw bytes included) one for one`, () => {
    const inputs = lines(SPAWNED_LINES, FUZZ_SEED + 1);
    const rawBytes = [Buffer.from([0xff, 0xfe, 0x7b]), Buffer.from([0xc3]), Buffer.from('{"claim": "\u00e9"}', 'latin1')];
    const body = Buffer.concat([
      ...inputs.map((l) => Buffer.from(`${l}\n`, 'utf8')),
      ...rawBytes.map((b) => Buffer.concat([b, Buffer.from('\n')])),
    ]);
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'src', 'cli', 'bin.mjs'), 'check', '--digits', '10', '--max-precision', '40'], {
      input: body,
      encoding: 'utf8',
      cwd: REPO_ROOT,
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(run.stderr).toBe('');
    expect([0, 1, 2]).toContain(run.status);
    const answers = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as CheckAnswer);
    expect(answers).toHaveLength(SPAWNED_LINES + rawBytes.length);
    answers.forEach((a, i) => expectOneAnswer(a, i + 1, inputs[i] ?? 'raw bytes'));
    expect(answers.slice(SPAWNED_LINES).every((a) => a.verdict === 'error')).toBe(true);
  });
});

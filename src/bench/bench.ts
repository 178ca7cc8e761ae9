/**
 * `npm run bench`: how fast certified verdicts are, and how that compares with the mpmath checker a
 * doubtful user would write (`mpmath_checker.py`), on the very same probe stream.
 *
 * Prints (medians over several runs; the machine's load average is printed first, since other
 * processes slow every figure):
 * 1. in-process throughput per claim at default settings (20 digits), with how many probes each
 *    path decided (double-double fast path / decimal.js);
 * 2. scaling with the number of scores n, and with the requested digits;
 * 3. whole-process `uat check --jobs J FILE` (J = 1, and 2 on a machine with 2 cores or more; and
 *    J = 1 with NODE_EXTRA_CA_CERTS unset when it is set, see {@link extraCaCerts})
 *    against `python3 mpmath_checker.py FILE` for growing files of `softmax-hardmax/linf` probes
 *    (n = 16), with the verdicts compared line by line (and the bytes of every J compared), the
 *    start-up time alone, and the same comparison in-process (our chunk answering loop against the
 *    checker's own timing). The commands run interleaved, one run of each per round, and "faster" is
 *    the median over the rounds of the ratio within each round (see {@link timedRounds});
 * 4. on a machine with 2 cores or more, `uat check --jobs 1` against `--jobs 2` on a file large enough
 *    for the worker threads (100,000 probes; `--quick`: 40,000), with the answers compared byte for byte.
 *
 * Options: `--quick` (smaller sizes), `--runs R` (repetitions for each median, default 3),
 * `--compare` (only the whole-process comparisons, 3. and 4.).
 * Without python3 + mpmath the comparison is skipped with a note; CI does not run the benchmark.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { attention, softmaxHardmax } from '../../proof/softmax-hardmax.ts';
import { PARALLEL_MIN_LINES } from '../cli/check.ts';
import { answerChunk } from '../cli/check-lines.ts';
import { claimsOf } from '../registry/runtime.ts';
import { decide } from '../verdict/decide.ts';
import { BENCH_CLAIMS, probeArgs, probeLines, seededUniform, type BenchClaim } from './probes.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const compareOnly = argv.includes('--compare');
const runs = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function fmt(x: number, digits = 3): string {
  return x >= 100 ? x.toFixed(0) : x.toPrecision(digits);
}

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  console.log();
}

const claimByName = new Map(softmaxHardmax.claims.map((c) => [c.id, c]));

/** In-process: median seconds over `runs` to decide `probes`, and the path counts of one run. */
function decideAll(
  claim: BenchClaim | 'attention',
  probes: Record<string, unknown>[],
  digits = 20,
  repetitions = runs,
): { seconds: number; fast: number; decimal: number; other: number } {
  const definition = claim === 'attention' ? attention : claimByName.get(claim)!;
  const times: number[] = [];
  let fast = 0;
  let decimal = 0;
  let other = 0;
  if (repetitions > 1) for (const p of probes.slice(0, 50)) decide(definition, p, { digits }); // warm-up (JIT)
  for (let r = 0; r < repetitions; r++) {
    fast = decimal = other = 0;
    const started = performance.now();
    for (const p of probes) {
      const v = decide(definition, p, { digits });
      if (v.verdict !== 'holds' && v.verdict !== 'violated') other++;
      else if (v.arithmetic === 'double-double') fast++;
      else decimal++;
    }
    times.push((performance.now() - started) / 1000);
  }
  return { seconds: median(times), fast, decimal, other };
}

function argsOf(claim: BenchClaim, n: number, count: number, seed: number): Record<string, unknown>[] {
  const next = seededUniform(seed);
  return Array.from({ length: count }, () => probeArgs(claim, n, next));
}

function attentionArgs(n: number, m: number, count: number, seed: number): Record<string, unknown>[] {
  const next = seededUniform(seed);
  return Array.from({ length: count }, () => ({
    ...probeArgs('linf', n, next),
    v: Array.from({ length: n }, () => Array.from({ length: m }, () => (next() * 2 - 1).toFixed(4))),
  }));
}

console.log(`# uat-companion benchmark — node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(`# medians over ${runs} runs${quick ? ' (--quick)' : ''}${compareOnly ? ' (--compare: the whole-process comparisons only)' : ''}\n`);

if (!compareOnly) {
  // 1. per claim
  console.log('## In-process throughput per claim (n = 16, 20 digits)');
  {
    const count = quick ? 500 : 2000;
    const rows: string[][] = [];
    for (const claim of BENCH_CLAIMS) {
      const r = decideAll(claim, argsOf(claim, 16, count, 7));
      rows.push([claim, String(count), fmt(count / r.seconds), fmt((r.seconds / count) * 1e6), String(r.fast), String(r.decimal), String(r.other)]);
    }
    // as many probes as the other claims, warmed up alike (30 cold probes measured mostly the JIT's warm-up)
    const r = decideAll('attention', attentionArgs(16, 4, count, 7));
    rows.push(['attention (m = 4)', String(count), fmt(count / r.seconds), fmt((r.seconds / count) * 1e6), String(r.fast), String(r.decimal), String(r.other)]);
    table(['claim', 'probes', 'probes/s', 'µs/probe', 'fast path', 'decimal path', 'other'], rows);
  }

  // 2. scaling
  console.log('## Scaling with n (linf, 20 digits)');
  {
    const rows: string[][] = [];
    for (const n of [2, 4, 16, 64, 256, 1000]) {
      const count = Math.max(20, Math.round((quick ? 4000 : 16000) / n));
      const r = decideAll('linf', argsOf('linf', n, count, 11));
      rows.push([String(n), String(count), fmt(count / r.seconds), fmt((r.seconds / count) * 1e6), String(r.fast), String(r.decimal)]);
    }
    table(['n', 'probes', 'probes/s', 'µs/probe', 'fast path', 'decimal path'], rows);
  }
  console.log('## Scaling with requested digits (linf, n = 16)');
  {
    const rows: string[][] = [];
    for (const digits of [20, 26, 30, 50, 100, 1000]) {
      const count = digits <= 26 ? (quick ? 500 : 2000) : digits <= 100 ? (quick ? 5 : 20) : 1;
      const r = decideAll('linf', argsOf('linf', 16, count, 13), digits, digits > 100 ? 1 : runs);
      rows.push([String(digits), String(count), fmt(count / r.seconds), fmt((r.seconds / count) * 1e6), String(r.fast), String(r.decimal)]);
    }
    table(['digits', 'probes', 'probes/s', 'µs/probe', 'fast path', 'decimal path'], rows);
  }
}

// 3. against mpmath
const python = spawnSync('python3', ['-c', 'import mpmath'], { encoding: 'utf8' });
/**
 * Runs argv[2:] with its standard output written to the file argv[1] and prints, on stderr, the
 * child's own wall seconds (from just before its start to its exit) and user + system CPU seconds
 * (its rusage from wait4, all its threads; not RUSAGE_CHILDREN, which here also counts about 0.05 s
 * of Python's own start-up); exits with its status. So neither side is charged for the wrapper, nor
 * for a reader of its output: the answers go to a file, as `uat check FILE > answers.jsonl` (through
 * a pipe read by this benchmark, uat's two busy threads and the reader share the two cores: about
 * 0.03–0.05 s more on 20,000 lines).
 */
const CPU_WRAPPER = [
  'import os, subprocess, sys, time',
  'out = open(sys.argv[1], "wb")',
  'started = time.perf_counter()',
  'child = subprocess.Popen(sys.argv[2:], stdout=out)',
  '_, status, usage = os.wait4(child.pid, 0)',
  'wall = time.perf_counter() - started',
  'sys.stderr.write("child wall seconds: %.4f\\nchild cpu seconds: %.4f\\n" % (wall, usage.ru_utime + usage.ru_stime))',
  'sys.exit(os.waitstatus_to_exitcode(status))',
].join('\n');
/** One timed run of a command: the child's wall and CPU seconds (CPU NaN without python3), and its output. */
interface Run {
  readonly seconds: number;
  readonly cpu: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a command once, its standard output written to a file (read back afterwards). With python3
 * the wall and CPU seconds are measured by the wrapper around the child alone; without it, the wall
 * time is that of spawnSync.
 */
function runOnce(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Run {
  const outputFile = path.join(dir, 'answers.out');
  const started = performance.now();
  let out;
  if (python.status === 0) {
    out = spawnSync('python3', ['-c', CPU_WRAPPER, outputFile, cmd, ...args], { cwd: ROOT, env, encoding: 'utf8' });
  } else {
    const fd = openSync(outputFile, 'w');
    try {
      out = spawnSync(cmd, args, { cwd: ROOT, env, encoding: 'utf8', stdio: ['ignore', fd, 'pipe'] });
    } finally {
      closeSync(fd);
    }
  }
  if (out.status !== 0 && out.status !== 1) throw new Error(`${cmd} ${args.join(' ')} failed: ${out.stderr}`);
  const wall = Number(/child wall seconds: ([\d.]+)/.exec(out.stderr)?.[1] ?? NaN);
  return {
    seconds: Number.isNaN(wall) ? (performance.now() - started) / 1000 : wall,
    cpu: Number(/child cpu seconds: ([\d.]+)/.exec(out.stderr)?.[1] ?? NaN),
    stdout: readFileSync(outputFile, 'utf8'),
    stderr: out.stderr,
  };
}

/** A command to time: executable, arguments, and its environment (default: this process's). */
type Command = readonly [cmd: string, args: string[], env?: NodeJS.ProcessEnv];

/** A command's runs over the rounds of {@link timedRounds}: medians, and the runs themselves (for paired ratios). */
interface Timed extends Run {
  readonly runs: readonly Run[];
}

/**
 * Runs the commands in rounds, one run of each per round in the order given, after one untimed round
 * (it builds the uat bundle if needed and warms the file cache): the commands of a round see the
 * machine in nearly the same state, so a ratio taken within a round is not skewed by the machine
 * slowing down or speeding up between rounds. Returns, per command, the median wall and CPU seconds
 * over `runs` rounds, the output of its last run, and every timed run.
 */
function timedRounds(commands: readonly Command[]): Timed[] {
  const all: Run[][] = commands.map(() => []);
  for (let r = 0; r <= runs; r++) {
    commands.forEach(([cmd, args, env], i) => {
      const run = runOnce(cmd, args, env);
      if (r > 0) all[i]!.push(run);
    });
  }
  return all.map((rs) => ({ ...rs[rs.length - 1]!, seconds: median(rs.map((x) => x.seconds)), cpu: median(rs.map((x) => x.cpu)), runs: rs }));
}

/** The median over rounds of `theirs/ours` (wall or CPU seconds), each ratio taken within one round. */
function pairedRatio(ours: Timed, theirs: Timed | undefined, measure: 'seconds' | 'cpu'): string {
  if (theirs === undefined) return 'n/a';
  const ratios = ours.runs.map((o, r) => theirs.runs[r]![measure] / o[measure]);
  return ratios.some(Number.isNaN) ? 'n/a' : `${fmt(median(ratios))}×`;
}
const verdictsOf = (stdout: string): string[] => stdout.trim().split('\n').map((l) => (JSON.parse(l) as { verdict: string }).verdict);
const cores = os.availableParallelism();
const uatCheck = (file: string, jobs: number): string[] => [path.join(ROOT, 'src/cli/bin.mjs'), 'check', '--jobs', String(jobs), file];
/**
 * Node reads every certificate of the file named by NODE_EXTRA_CA_CERTS when it starts, before any
 * script runs (0.05–0.08 s of the 2-core machine's start-up, which sets it for every process); uat
 * makes no network connection. When it is set, `uat check --jobs 1` is also timed without it: the
 * figure for a machine that does not set it (the default).
 */
const extraCaCerts = process.env.NODE_EXTRA_CA_CERTS;
const withoutExtraCaCerts: NodeJS.ProcessEnv = { ...process.env };
delete withoutExtraCaCerts.NODE_EXTRA_CA_CERTS;
/** The ways `uat check` is timed: one thread, two on a machine with 2 cores or more, and one without NODE_EXTRA_CA_CERTS. */
const uatRuns: ReadonlyArray<{ readonly label: string; readonly jobs: number; readonly env?: NodeJS.ProcessEnv }> = [
  { label: '1', jobs: 1 },
  ...(cores >= 2 ? [{ label: '2', jobs: 2 }] : []),
  ...(extraCaCerts ? [{ label: '1, no CA file', jobs: 1, env: withoutExtraCaCerts }] : []),
];
const dir = mkdtempSync(path.join(os.tmpdir(), 'uat-bench-'));
try {
  const sizes = quick ? [1000, 5000] : [1000, 5000, 20000];
  const registry = { lemmas: [softmaxHardmax], claims: claimsOf([softmaxHardmax]), failures: [] };
  const rows: string[][] = [];
  const inProcess: string[][] = [];
  let lastCounts: Record<string, number> = {};
  const empty = path.join(dir, 'empty.jsonl');
  writeFileSync(empty, '');
  const [startup, startupNoCa] = timedRounds([
    [process.execPath, uatCheck(empty, 1)],
    ...(extraCaCerts ? [[process.execPath, uatCheck(empty, 1), withoutExtraCaCerts] as const] : []),
  ]);
  for (const size of sizes) {
    const file = path.join(dir, `linf-${size}.jsonl`);
    const text = probeLines('linf', 16, size, 1);
    writeFileSync(file, text);
    // uat (each --jobs) and the mpmath checker, interleaved round by round
    const mpmath: Command = ['python3', [path.join(ROOT, 'src/bench/mpmath_checker.py'), file, '--timing']];
    const timings = timedRounds([...uatRuns.map((u): Command => [process.execPath, uatCheck(file, u.jobs), u.env]), ...(python.status === 0 ? [mpmath] : [])]);
    const ours = timings.slice(0, uatRuns.length);
    const theirs: Timed | undefined = timings[uatRuns.length];
    const ourVerdicts = verdictsOf(ours[0]!.stdout);
    const sameBytes = ours.every((o) => o.stdout === ours[0]!.stdout);
    lastCounts = {};
    for (const v of ourVerdicts) lastCounts[v] = (lastCounts[v] ?? 0) + 1;

    // in-process: the same chunk answering as `uat check` (one thread), without process start-up
    const lines = text.trim().split('\n').map((l) => ({ text: l }));
    const inTimes: number[] = [];
    for (let r = 0; r <= runs; r++) {
      const started = performance.now();
      for (let at = 0; at < lines.length; at += 200) answerChunk({ firstLine: at + 1, lines: lines.slice(at, at + 200) }, registry, { digits: 20, ratio: false }); // as uat check
      if (r > 0) inTimes.push((performance.now() - started) / 1000); // the first pass warms up the JIT
    }
    const ourInProcess = median(inTimes);

    const same = theirs !== undefined && sameBytes && ourVerdicts.length === size && verdictsOf(theirs.stdout).every((v, i) => v === ourVerdicts[i]);
    const ratio = (a: number, b: number | undefined): string => (b === undefined || Number.isNaN(b) || Number.isNaN(a) ? 'n/a' : `${fmt(b / a)}×`);
    ours.forEach((o, i) => {
      rows.push([
        String(size),
        uatRuns[i]!.label,
        fmt(o.seconds),
        theirs === undefined ? 'n/a' : fmt(theirs.seconds),
        pairedRatio(o, theirs, 'seconds'),
        Number.isNaN(o.cpu) ? 'n/a' : fmt(o.cpu),
        theirs === undefined || Number.isNaN(theirs.cpu) ? 'n/a' : fmt(theirs.cpu),
        pairedRatio(o, theirs, 'cpu'),
        theirs === undefined ? (sameBytes ? 'n/a' : 'DIFFER') : same ? 'identical' : 'DIFFER',
      ]);
    });
    const theirInProcess = theirs === undefined ? NaN : Number(/in-process seconds: ([\d.]+)/.exec(theirs.stderr)?.[1] ?? NaN);
    inProcess.push([String(size), fmt(ourInProcess), Number.isNaN(theirInProcess) ? 'n/a' : fmt(theirInProcess), ratio(ourInProcess, theirInProcess)]);
  }
  console.log('## Whole process: `uat check --jobs J FILE` against `python3 src/bench/mpmath_checker.py FILE` (linf, n = 16; wall and CPU seconds)');
  if (python.status !== 0) console.log('(python3 with mpmath not found: install python3-mpmath for the comparison)');
  const startupText = (t: Timed): string => `${fmt(t.seconds)} s wall, ${Number.isNaN(t.cpu) ? 'n/a' : fmt(t.cpu)} s CPU`;
  console.log(`uat check start-up alone (empty input): ${startupText(startup!)}${startupNoCa ? `; without NODE_EXTRA_CA_CERTS: ${startupText(startupNoCa)}` : ''}`);
  if (extraCaCerts) {
    console.log(
      `(NODE_EXTRA_CA_CERTS is set here, to ${extraCaCerts}: Node reads that file when it starts, before uat runs, although uat makes no network connection; the rows "1, no CA file" run \`uat check --jobs 1\` with it unset, as on a machine that does not set it)`,
    );
  }
  console.log(`(interleaved: each round runs every command once; times are medians over ${runs} rounds, "faster" is the median of the ratios within a round)`);
  table(['probes', 'jobs', 'uat wall', 'mpmath wall', 'faster (wall)', 'uat CPU', 'mpmath CPU', 'faster (CPU)', 'verdicts'], rows);
  console.log('## In process (no start-up, one thread): chunk answering loop against the checker’s own timing (seconds)');
  table(['probes', 'uat', 'mpmath', 'uat faster by'], inProcess);
  const counts = Object.entries(lastCounts).map(([k, v]) => `${v} ${k}`).join(', ');
  console.log(`uat check verdicts on the largest file (${sizes[sizes.length - 1]} probes): ${counts} — holds/violated are certified, never float comparisons; "identical" means every jobs setting wrote the same bytes and mpmath the same verdicts.`);

  // 4. threads: a file large enough for the workers (they start from PARALLEL_MIN_LINES lines)
  if (cores >= 2) {
    const size = quick ? PARALLEL_MIN_LINES + 10_000 : 100_000;
    const file = path.join(dir, `linf-${size}.jsonl`);
    writeFileSync(file, probeLines('linf', 16, size, 3));
    const [one, two] = timedRounds([
      [process.execPath, uatCheck(file, 1)],
      [process.execPath, uatCheck(file, 2)],
    ]);
    console.log(`## Threads: \`uat check --jobs J FILE\` on ${size} linf probes (workers start from ${PARALLEL_MIN_LINES} lines; interleaved, medians over ${runs} rounds)`);
    table(
      ['jobs', 'wall', 'CPU', 'faster than one thread (wall)', 'answers'],
      [
        ['1', fmt(one!.seconds), fmt(one!.cpu), '', ''],
        ['2', fmt(two!.seconds), fmt(two!.cpu), pairedRatio(two!, one, 'seconds'), one!.stdout === two!.stdout ? 'same bytes' : 'DIFFER'],
      ],
    );
  }
  console.log(`load average at the end: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

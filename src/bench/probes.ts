/**
 * Probe streams for the benchmark: JSON Lines `{"claim": "softmax-hardmax/<claim>", "args": {...}}`
 * from a seeded generator, so `uat check` and the mpmath checker read the very same file. Scores
 * `z_j ∈ [−1, 1]` with 8 decimals, `λ ∈ [1, 50]` with 4 decimals, `ε ∈ [0.001, 0.9]` with 5.
 */
import { seededRandom } from '../transformer/certify.ts';

/** The claims the benchmark probes (each also implemented by `mpmath_checker.py`). */
export const BENCH_CLAIMS = ['linf', 'l1', 'temperature', 'monotone'] as const;
export type BenchClaim = (typeof BENCH_CLAIMS)[number];

/** The benchmark's seeded generator: the project's one mulberry32 (uniform in [0, 1)). */
export const seededUniform = seededRandom;

/** Raw arguments of one probe of `claim` with `n` scores. */
export function probeArgs(claim: BenchClaim, n: number, next: () => number): Record<string, unknown> {
  const z = Array.from({ length: n }, () => (next() * 2 - 1).toFixed(8));
  const lambda = (): string => (1 + next() * 49).toFixed(4);
  switch (claim) {
    case 'linf':
    case 'l1':
      return { z, lambda: lambda() };
    case 'temperature':
      return { z, epsilon: (0.001 + next() * 0.899).toFixed(5) };
    case 'monotone': {
      const l1 = lambda();
      return { z, lambda1: l1, lambda2: (Number(l1) + next() * 5).toFixed(4) };
    }
  }
}

/** `count` probe lines of `claim` with `n` scores, newline-terminated. */
export function probeLines(claim: BenchClaim, n: number, count: number, seed: number): string {
  const next = seededUniform(seed);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(JSON.stringify({ claim: `softmax-hardmax/${claim}`, args: probeArgs(claim, n, next) }));
  return `${lines.join('\n')}\n`;
}

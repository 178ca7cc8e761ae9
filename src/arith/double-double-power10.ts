/**
 * Powers of ten as double-double balls, for reading and printing decimals without decimal.js.
 *
 * Method. {@link pow10Ball}`(k)` for `|k| ≤ `{@link POW10_BALL_LIMIT} is built once, on first use,
 * exactly, with BigInt: for `k ≥ 0` the integer `X = 10^k` is split as `hi = RN(X)`, `lo = RN(X − hi)` (both
 * integers, so `X − hi − lo` is an exact BigInt), and the radius is that remainder rounded up; for
 * `k < 0`, `Q = ⌊2^s/10^{|k|}⌋` with `s = 4|k| + 120` (so `Q ≥ 2¹¹⁶`) satisfies
 * `10^k = (Q + θ)·2^{−s}`, `0 ≤ θ < 1`, and `Q` is split the same way; scaling by `2^{−s}` is exact
 * since every part stays a normal double (`|k| ≤ 150`: `10^k ≥ 2⁻⁴⁹⁹`), and the radius is
 * `(|Q − hi − lo| + 1)·2^{−s}` rounded up. Every entry lies in `[2⁻⁵⁰⁰, 2⁵⁰⁰]`, the range of the ball
 * products.
 */
import { DDBall, roundedUp } from './double-double.ts';

/** Largest `|k|` with a ball around `10^k` (`10^{±150}` stays within `[2⁻⁵⁰⁰, 2⁵⁰⁰]`). */
export const POW10_BALL_LIMIT = 150;

/** The entries built so far, by `k + `{@link POW10_BALL_LIMIT}. */
const table: (DDBall | undefined)[] = new Array<DDBall | undefined>(2 * POW10_BALL_LIMIT + 1).fill(undefined);

/**
 * `X = hi + lo + rest` for a BigInt `X`, with `hi = RN(X)`, `lo = RN(X − hi)`: `[hi, lo, r]` with
 * `r ≥ |rest|` (0 when the split is exact, as it is for `|X| < 2¹⁰⁶`).
 */
export function splitBigInt(x: bigint): [number, number, number] {
  const hi = Number(x);
  const r1 = x - BigInt(hi); // hi is an integer whenever |x| ≥ 2⁵³, and exact below
  const lo = Number(r1);
  const r2 = r1 - BigInt(lo);
  return [hi, lo, r2 === 0n ? 0 : roundedUp(Math.abs(Number(r2)))];
}

/** The ball around `10^k` for `|k| ≤ `{@link POW10_BALL_LIMIT}, built exactly (see the module comment). */
function buildEntry(k: number): DDBall {
  if (k >= 0) {
    const [hi, lo, rest] = splitBigInt(10n ** BigInt(k));
    return new DDBall(hi, lo, rest);
  }
  const s = 4 * -k + 120;
  const q = (1n << BigInt(s)) / 10n ** BigInt(-k);
  const [hi, lo, rest] = splitBigInt(q);
  const scale = 2 ** -s;
  return new DDBall(hi * scale, lo * scale, roundedUp((rest + 1) * scale));
}

/**
 * The ball around `10^k` (shared: do not modify), or undefined when `|k|` exceeds
 * {@link POW10_BALL_LIMIT} or `k` is not an integer. Each entry is built on its first request: a run
 * prints with a handful of them, and building all 301 cost milliseconds at the start of every process.
 */
export function pow10Ball(k: number): DDBall | undefined {
  if (!(k >= -POW10_BALL_LIMIT && k <= POW10_BALL_LIMIT) || !Number.isInteger(k)) return undefined;
  return (table[k + POW10_BALL_LIMIT] ??= buildEntry(k));
}

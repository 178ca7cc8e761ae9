/**
 * Between exact decimals and double-double balls: {@link ballFromDecimal} encloses an exact decimal
 * in a ball, {@link ballToSignificantDigits} prints the `D` significant digits every element of a ball
 * rounds to — or reports that the ball is too wide to fix them.
 *
 * Method. Reading: a decimal `C·10^p` with an integer coefficient `C < 2¹⁰⁶` is split exactly into two
 * doubles (`hi = C` rounded to nearest, `lo = C − hi` exact since `|C − hi| ≤ 2⁵²`), and `10^|p|`
 * is exact as a double-double for `|p| ≤ 45` (`5⁴⁵ < 2¹⁰⁶`); the ball product or quotient
 * (`double-double.ts`) then encloses the value. Longer coefficients or larger exponents are not read
 * (the caller falls back to decimal.js). Printing: with `E` the decimal exponent of the midpoint,
 * `y = x·10^{D−1−E}` is enclosed by a ball in `[10^{D−1}, 10^D)` (one product with the ball around
 * `10^{D−1−E}` of `double-double-power10.ts`); the digits are the integer `N`
 * nearest to the midpoint of `y`, accepted only when the whole ball lies within `(N − 1/2, N + 1/2)`
 * (with `2⁻⁴⁰` to spare), so that every element — the true value included — rounds to `N` under any
 * round-to-nearest rule, in particular decimal.js's `ROUND_HALF_EVEN`. The exponent is chosen from
 * the double-double midpoint (its `hi` alone may round onto `10^{D−1}` or `10^D`); elements of the ball
 * beyond `10^D` round on a 10× coarser grid, to `10^D` like `N` (then `N = 10^D`, a carry); elements
 * below `10^{D−1}` round on a 10× finer grid, to `N = 10^{D−1}` exactly when within `0.05` of it, so a
 * midpoint within `0.05` below `10^{D−1}` keeps this exponent (`N = 10^{D−1}`), and a ball reaching
 * below `10^{D−1}` is accepted only when it stays within `0.045` of it.
 */
import type { Decimal } from 'decimal.js';
import { DDBall, divBall, isCertifiedPositive, isExactZero, mulBall, negBall, setBall } from './double-double.ts';
import { pow10Ball as pow10TableBall } from './double-double-power10.ts';

/** Largest `|p|` for which `10^p` is built exactly or by one ball product. */
const POW10_EXACT_LIMIT = 45;
/** Largest decimal exponent shift supported when reading or printing. */
const POW10_LIMIT = 3 * POW10_EXACT_LIMIT;

const pow10Exact: DDBall[] = [];
for (let k = 0; k <= POW10_EXACT_LIMIT; k++) {
  const exact = 10n ** BigInt(k);
  const hi = Number(exact);
  pow10Exact.push(new DDBall(hi, Number(exact - BigInt(hi)), 0));
}

/** `out ← ` a ball around `10^k` for `0 ≤ k ≤ 135`; undefined beyond. */
function pow10Ball(out: DDBall, k: number): DDBall | undefined {
  if (k <= POW10_EXACT_LIMIT) {
    const p = pow10Exact[k]!;
    return setBall(out, p.hi, p.lo, 0);
  }
  if (k > POW10_LIMIT) return undefined;
  setBall(out, pow10Exact[POW10_EXACT_LIMIT]!.hi, pow10Exact[POW10_EXACT_LIMIT]!.lo, 0);
  let rest = k - POW10_EXACT_LIMIT;
  while (rest > 0) {
    const step = Math.min(rest, POW10_EXACT_LIMIT);
    mulBall(out, out, pow10Exact[step]!);
    rest -= step;
  }
  return out;
}

const scratchPower = new DDBall();

/** `out ← a·10^p`, or undefined when `|p|` exceeds the supported range. */
function scaleByPowerOfTen(out: DDBall, a: DDBall, p: number): DDBall | undefined {
  if (p === 0) return setBall(out, a.hi, a.lo, a.rad);
  const power = pow10Ball(scratchPower, Math.abs(p));
  if (power === undefined) return undefined;
  return p > 0 ? mulBall(out, a, power) : divBall(out, a, power);
}

const LIMB = 1e7; // decimal.js stores coefficients in base-10⁷ limbs
const scratchCoefficient = new DDBall();

/**
 * `out ← ` a ball enclosing the exact decimal `d`; undefined when its coefficient spans more than four of decimal.js's
 * base-10⁷ limbs (22 significant digits always fit, up to 28 by position), its exponent is beyond ±120, or it is not finite.
 */
export function ballFromDecimal(out: DDBall, d: Decimal): DDBall | undefined {
  if (!d.isFinite()) return undefined;
  const limbs = d.d;
  if (limbs.length === 1 && limbs[0] === 0) return setBall(out, 0, 0, 0);
  if (limbs.length > 4) return undefined;
  let firstDigits = 1;
  for (let x = limbs[0]!; x >= 10; x = Math.floor(x / 10)) firstDigits++;
  let exponent = d.e - (firstDigits + 7 * (limbs.length - 1)) + 1; // value = C·10^exponent
  if (limbs.length <= 2) {
    let c = limbs.length === 1 ? limbs[0]! : limbs[0]! * LIMB + limbs[1]!; // < 10¹⁴, exact
    while (c % 10 === 0) {
      c /= 10;
      exponent += 1;
    }
    setBall(scratchCoefficient, d.s * c, 0, 0);
  } else {
    let c = 0n;
    for (const limb of limbs) c = c * BigInt(LIMB) + BigInt(limb);
    while (c % 10n === 0n) {
      c /= 10n;
      exponent += 1;
    }
    const hi = Number(c);
    setBall(scratchCoefficient, d.s * hi, d.s * Number(c - BigInt(hi)), 0);
  }
  return scaleByPowerOfTen(out, scratchCoefficient, exponent);
}

/** Reads an exact decimal into a new ball (undefined when not representable; see {@link ballFromDecimal}). */
export function newBallFromDecimal(d: Decimal): DDBall | undefined {
  return ballFromDecimal(new DDBall(), d);
}

const scratchAbs = new DDBall();
const scratchScaled = new DDBall();
/**
 * Safety below 1/2 when checking that a ball lies strictly inside one rounding interval: covers the
 * one rounding in computing the fraction and the one in adding the radius (each ≤ 2⁻⁵³).
 */
const ROUNDING_SLACK = 2 ** -40;
const TEN_TO_TEN = 1e10;

/** `10¹⁰` split by Veltkamp into 26-bit halves (for Dekker's exact product). */
const TEN_TO_TEN_HIGH = 134217729 * TEN_TO_TEN - (134217729 * TEN_TO_TEN - TEN_TO_TEN);
const TEN_TO_TEN_LOW = TEN_TO_TEN - TEN_TO_TEN_HIGH;

/**
 * The decimal digits of the integer `whole + correction`, for an integer double `0 < whole < 10²⁵`
 * and an integer `|correction| < 10¹⁰`, without BigInt: `q = ⌊whole/10¹⁰⌋` up to ±1, `q·10¹⁰ = p + e`
 * exactly (Dekker's TwoProduct; both integers), `whole − p` exact (Sterbenz: `p` is within a factor 2
 * of `whole`), so `r = (whole − p) − e = whole − q·10¹⁰` is an exact integer of magnitude below
 * `2·10¹⁰`; the correction is added to `r`, and `q`, `r` brought to `0 ≤ r < 10¹⁰` by carries.
 */
function integerDigits(whole: number, correction: number): string {
  if (whole < 2 ** 53) return String(whole + correction); // exact: both integers, sum below 2⁵³ + 2³⁴
  let q = Math.floor(whole / TEN_TO_TEN);
  const p = q * TEN_TO_TEN;
  const c = 134217729 * q;
  const q1 = c - (c - q);
  const q2 = q - q1;
  const e = q1 * TEN_TO_TEN_HIGH - p + q1 * TEN_TO_TEN_LOW + q2 * TEN_TO_TEN_HIGH + q2 * TEN_TO_TEN_LOW;
  let r = whole - p - e + correction;
  while (r < 0) {
    q -= 1;
    r += TEN_TO_TEN;
  }
  while (r >= TEN_TO_TEN) {
    q += 1;
    r -= TEN_TO_TEN;
  }
  return q === 0 ? tenDigits(r, false) : tenDigits(q, false) + tenDigits(r, true);
}

/** Zeros to put before a group of `5 − k` digits, by `k`. */
const ZERO_PADDING = ['', '0', '00', '000', '0000'];

/** The five digits of the integer `0 ≤ g < 10⁵`, with leading zeros. */
function fiveDigits(g: number): string {
  const s = String(g);
  return s.length === 5 ? s : ZERO_PADDING[5 - s.length]! + s;
}

/**
 * The digits of the integer `0 ≤ x < 10¹⁰`, padded with zeros to ten digits when `padded`. Printed as
 * two groups of five: each group is a small integer, which `String` prints without the general
 * double-to-decimal conversion (2–3× faster than `String(x)` for a 10-digit `x`).
 */
function tenDigits(x: number, padded: boolean): string {
  const high = Math.floor(x / 1e5); // exact: x is an integer below 2⁵³
  const low = x - high * 1e5;
  if (padded) return fiveDigits(high) + fiveDigits(low);
  return high === 0 ? String(low) : String(high) + fiveDigits(low);
}

/**
 * The value of every element of `a·10^{scale10}` rounded to `digits` significant digits (as
 * decimal.js prints `x.toSignificantDigits(digits, ROUND_HALF_EVEN)`), or undefined when the ball is
 * too wide to decide them (or crosses 0, or is out of range). The scale only shifts the printed
 * exponent: the digits of `a·10^s` are those of `a`.
 */
export function ballToSignificantDigits(a: DDBall, digits: number, scale10 = 0): string | undefined {
  if (isExactZero(a)) return '0';
  const negative = a.hi < 0;
  const x = negative ? negBall(scratchAbs, a) : a;
  if (!isCertifiedPositive(x)) return undefined;
  let exponent = Math.floor(Math.log10(x.hi));
  for (let attempt = 0; attempt < 3; attempt++) {
    const shift = digits - 1 - exponent;
    const power = pow10TableBall(shift);
    if (power === undefined) return undefined;
    const y = shift === 0 ? x : mulBall(scratchScaled, x, power);
    if (!Number.isFinite(y.rad)) return undefined;
    // the midpoint hi + lo against 10^{D−1} and 10^D, both exact double-doubles (hi alone may have
    // rounded onto them): normalised double-doubles compare lexicographically
    const low = pow10TableBall(digits - 1);
    const high = pow10TableBall(digits);
    if (low === undefined || high === undefined) return undefined;
    // δ = y − 10^{D−1}: the difference of the his is exact near 10^{D−1} (Sterbenz), one rounding after
    const aboveLow = y.hi - low.hi + (y.lo - low.lo);
    if (aboveLow < -0.05) {
      exponent -= 1;
      continue;
    }
    if (y.hi > high.hi || (y.hi === high.hi && y.lo >= high.lo)) {
      exponent += 1;
      continue;
    }
    // elements below 10^{D−1} round on a 10× finer grid: to N = 10^{D−1} exactly when within 0.05 of it
    if (aboveLow - y.rad < 0 && !(aboveLow - y.rad > -0.045)) return undefined;
    const whole = Math.round(y.hi);
    const f1 = y.hi - whole; // exact: |f1| ≤ 1/2 and y.hi, whole share their last bits
    const correction = Math.round(f1 + y.lo);
    const fraction = f1 - correction + y.lo; // one rounding, far below the slack
    if (!(Math.abs(fraction) + y.rad < 0.5 - ROUNDING_SLACK)) return undefined;
    const n = whole < 1e25 && Math.abs(correction) < TEN_TO_TEN ? integerDigits(whole, correction) : (BigInt(whole) + BigInt(correction)).toString();
    // N has `digits` digits, or is 10^digits after a carry; anything else means a misjudged exponent
    if (n.length !== digits && !(n.length === digits + 1 && /^10*$/.test(n))) return undefined;
    return decimalText(negative, n, n.length - 1 - shift + scale10);
  }
  return undefined;
}

/**
 * decimal.js's `toString` of `±0.d₁d₂…·10^{e+1}` for the digit string `d₁d₂…` (no leading zero) with
 * `e` the exponent of its first digit: trailing zeros dropped, exponential notation when `e ≤ −7` or
 * `e ≥ 21` (the `toExpNeg`/`toExpPos` of every constructor in `context.ts`).
 */
export function decimalText(negative: boolean, digitString: string, e: number): string {
  let end = digitString.length;
  while (end > 1 && digitString.charCodeAt(end - 1) === 48) end--;
  const d = digitString.slice(0, end);
  const sign = negative ? '-' : '';
  if (e <= -7 || e >= 21) {
    return `${sign}${d[0]!}${d.length > 1 ? `.${d.slice(1)}` : ''}e${e < 0 ? '-' : '+'}${Math.abs(e)}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${d}`;
  if (e + 1 >= d.length) return `${sign}${d}${'0'.repeat(e + 1 - d.length)}`;
  return `${sign}${d.slice(0, e + 1)}.${d.slice(e + 1)}`;
}

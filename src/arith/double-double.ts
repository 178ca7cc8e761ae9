/**
 * Ball arithmetic with double-double midpoints: the engine's fast path.
 *
 * A {@link DDBall} `⟨m, r⟩` encloses one real number `x` with `|x − m| ≤ r`, where the midpoint
 * `m = hi + lo` is a double-double (an unevaluated sum of two doubles, `|lo| ≤ ulp(hi)/2`, about 32
 * significant digits) and the radius `r` is a double. Every operation returns a ball that contains
 * the exact result for every choice of operands in the operand balls (the inclusion property), so a
 * sign or a digit string read off a ball is proved. Nothing is decided in plain float64.
 *
 * ## Method and error analysis
 * Write `u = 2⁻⁵³` (IEEE binary64, round to nearest, which is all JavaScript offers).
 * 1. Midpoints. Sums use AccurateDWPlusDW (Joldes, Muller, Popescu 2017, Alg. 6; relative error
 *    `≤ 3u² + 13u³`); products use Dekker's DWTimesDW with Veltkamp splitting, no FMA (JMP 2017
 *    Alg. 10; CRlibm's Mul22, documented relative error `< 2⁻¹⁰²`). Every bound proved for these
 *    algorithms is below `16u² = 2⁻¹⁰²`; each midpoint operation here adds {@link OP_REL}` = 2⁻⁹⁷`
 *    `·|hi|` to the radius, 32 times the literature bound. The proofs assume no underflow or
 *    overflow: products, quotients and exponentials therefore require every operand and result to be
 *    0 or of magnitude in `[2⁻⁵⁰⁰, 2⁵⁰⁰]` (then any subnormal intermediate contributes an absolute
 *    error below `2⁻¹⁰⁷⁰ < 2⁻⁵⁷⁰·|result|`, absorbed by the 32× slack); outside that range the
 *    result gets radius `+∞`, which no decision accepts, and the caller falls back to decimal.js.
 *    Sums are exact in the subnormal range and need no such check.
 * 2. Radii. Radius formulas are positive expressions of at most 14 rounded operations; each result
 *    passes through {@link roundedUp}`(s) = s·(1 + 2⁻⁴⁹) + 2⁻¹⁰⁰⁰`, which exceeds the exact value
 *    of the expression (relative error `≤ (1+u)¹⁴ − 1 < 14u` is covered by the factor even after
 *    its own rounding; absolute underflow errors `≤ 14·2⁻¹⁰⁷⁵` by the relative slack when the sum is
 *    above `2⁻¹⁰¹⁰`, and by the added `2⁻¹⁰⁰⁰` below it).
 * 3. Propagation. `a ± b`: `r = r_a + r_b`; `a·b`: `r = |m_a| r_b + |m_b| r_a + r_a r_b`; `a/b`: the
 *    quotient's midpoint `q` is checked a posteriori, `|x/y − q| ≤ (|m_a − q·m_b| + r_a + |q| r_b)/(|m_b| − r_b)`
 *    with the residual itself enclosed by ball operations, so no division error bound is assumed.
 * 4. `exp`. `e^x = 2^k·2^{j/64}·e^t` with `N = 64k + j` the nearest integer to `64·hi(x)/ln 2` (`|N| < 2¹⁵`
 *    for `|x| ≤ 340`) and `t = x − N·(ln 2)/64`, so `|t| ≤ 0.0054153` at the midpoint.
 *    - Reduction (Cody–Waite): `(ln 2)/64 = C₁ + C₂ + C₃ + η` with `C₁, C₂` of 38 bits (`N·C₁`, `N·C₂`
 *      exact), `|C₃| < 2⁻⁸⁴`, `|η| ≤ 2⁻¹³⁷` (checked against 60 digits in the tests). For `N ≠ 0`,
 *      `|hi x| > 2⁻⁸`, so `hi x` and `N·C₁` are multiples of `2⁻⁶⁰` and `d = hi x − N·C₁`, of magnitude
 *      `< 2⁻⁷ = 2⁵³·2⁻⁶⁰`, is exact (for `N = 0` trivially). TwoSum makes `lo x − N·C₂` and `d + ·` exact; the
 *      remaining terms are rounded twice with values below `2⁻⁶⁰` (half an ulp: `≤ 2⁻¹¹⁴` each), `N·C₃`
 *      once (`< 2⁻⁶⁹`, so `≤ 2⁻¹²²`) and `N·η` (`≤ 2⁻¹²²`) dropped: the midpoint `t̂` of the reduced ball is within
 *      {@link EXP_REDUCTION_ERROR}` = 2⁻¹¹²` of `x_m − N·(ln 2)/64` (`2⁻¹¹³ + 2⁻¹²¹` in all), and the ball's radius
 *      is `ρ = rad x + 2⁻¹¹²` (a midpoint that is not a normalised double-double is first renormalised by TwoSum).
 *    - `e^t̂` by the degree-12 Taylor polynomial in Estrin's form with double-double operations
 *      ({@link expNearZero}: each operation's error is charged `OP_REL` relative to its own result, so
 *      only the last sum, near 1, weighs: `≤ 1.0057·OP_REL`; the double part `≤ τ⁶·18u/719 < 2⁻¹⁰³`;
 *      truncation and constants `< 2⁻¹²⁰`; total {@link EXP_KERNEL_ERROR}), when `rad x ≤ 2⁻¹⁴` (so that
 *      `e^ρ − 1 ≤ ρ(1 + 2⁻¹³)`); over the ball `|e^{t̂+δ} − e^{t̂}| ≤ e^{t̂}(e^ρ − 1)`. Wider balls (up to
 *      `rad x ≤ 1/64`) take the Taylor polynomial of degree {@link EXP_TAYLOR_DEGREE} in ball arithmetic
 *      plus the Lagrange remainder.
 *    - Times the table entry `2^{j/64}`, a double-double constant within {@link EXP_TABLE_RADIUS}` = 2⁻¹⁰⁵`
 *      (correctly rounded to 106 bits, checked against 60 digits): Dekker's product, radius as in item 3
 *      with `OP_REL·|result|` for the rounding. Times `2^k` (`|k| ≤ 491`): exact, the result lying in
 *      `[2⁻⁴⁹³, 2⁴⁹²]`; a low part that underflows loses below `2⁻¹⁰⁷⁴`, inside `roundedUp`'s `2⁻¹⁰⁰⁰`.
 *    The relative radius of a point ball is thus about `2·OP_REL ≈ 1.3·10⁻²⁹`. No libm function is
 *    trusted: `Math.exp`/`Math.log` only choose starting points whose errors the ball operations measure.
 * 5. `ln`. `y₀ = Math.log(m)`, `δ = x·e^{−y₀} − 1` as a ball; `ln x = y₀ + δ + ρ` with
 *    `|ρ| ≤ |δ|²/(2(1 − |δ|))` (for `|δ| < 1/2`, from the series of `ln(1 + δ)`).
 *
 * The resulting relative radius of a softmax probe's values is about `10⁻²⁸` (median `1.3·10⁻²⁸`, at most `7·10⁻²⁸`
 * on the bench's `linf` probes): enough to decide and to print 20 correct significant digits; when a ball is too wide to decide or to fix the requested digits the
 * engine falls back to decimal.js with precision escalation (`src/verdict/decide.ts`).
 *
 * Operations write into an `out` ball (which may alias an operand) and allocate nothing.
 *
 * @reference M. Joldes, J.-M. Muller, V. Popescu, Tight and rigorous error bounds for basic building
 * blocks of double-word arithmetic, ACM TOMS 44(2), 2017, doi:10.1145/3121432. T. J. Dekker, A
 * floating-point technique for extending the available precision, Numer. Math. 18, 1971,
 * doi:10.1007/BF01397083. CRlibm documentation (Mul22, Add22), ENS Lyon, 2006.
 */

/**
 * A ball `⟨hi + lo, rad⟩`: every enclosed real `x` has `|x − (hi + lo)| ≤ rad`. Mutable scratch.
 *
 * The fields are `declare`d and set only in the constructor: a class field declaration (or a
 * parameter property) would first set them to `undefined`, after which V8 stores them as tagged
 * values and every double written into a ball allocates a heap number (about 7 KB per softmax probe).
 */
export class DDBall {
  declare hi: number;
  declare lo: number;
  declare rad: number;

  constructor(hi = 0, lo = 0, rad = 0) {
    this.hi = hi;
    this.lo = lo;
    this.rad = rad;
  }

  /** A copy of this ball. */
  clone(): DDBall {
    return new DDBall(this.hi, this.lo, this.rad);
  }

  toString(): string {
    return `⟨${this.hi} + ${this.lo} ± ${this.rad}⟩`;
  }
}

/** Relative error charged to every double-double midpoint operation (32× the literature bound 2⁻¹⁰²). */
export const OP_REL = 2 ** -97;
/** Smallest magnitude (other than 0) allowed for operands and results of `× ÷ exp ln`. */
export const RANGE_MIN = 2 ** -500;
/** Largest magnitude allowed for operands and results of `× ÷ exp ln`. */
export const RANGE_MAX = 2 ** 500;
/** Degree of the Taylor polynomial of `e^t − 1` over a wide reduced ball (`rad > 2⁻¹⁴`, `|t| ≤ 0.022`; remainder `< 10⁻²⁵`). */
export const EXP_TAYLOR_DEGREE = 10;

const SPLITTER = 134217729; // 2^27 + 1 (Veltkamp)
const UP_FACTOR = 1 + 2 ** -49;
const UP_ABSOLUTE = 2 ** -1000;

/**
 * An upper bound of the exact value of a positive expression of at most 14 rounded operations whose
 * computed value is `s` (see the module comment, item 2).
 */
export function roundedUp(s: number): number {
  return s * UP_FACTOR + UP_ABSOLUTE;
}

function inRange(x: number): boolean {
  const a = Math.abs(x);
  return a === 0 || (a >= RANGE_MIN && a <= RANGE_MAX);
}

/** `τ = max |x|` over the ball `a`, rounded up (`|hi| + |lo| + rad`). */
function maxAbs(a: DDBall): number {
  return roundedUp(Math.abs(a.hi) + Math.abs(a.lo) + a.rad);
}

/** Marks `out` as carrying no information (radius +∞). */
function invalidate(out: DDBall, hi: number): DDBall {
  out.hi = Number.isFinite(hi) ? hi : 0;
  out.lo = 0;
  out.rad = Infinity;
  return out;
}

/** `out ← ⟨hi + lo, rad⟩`. */
export function setBall(out: DDBall, hi: number, lo: number, rad: number): DDBall {
  out.hi = hi;
  out.lo = lo;
  out.rad = rad;
  return out;
}

/** `out ← a`. */
export function copyBall(out: DDBall, a: DDBall): DDBall {
  out.hi = a.hi;
  out.lo = a.lo;
  out.rad = a.rad;
  return out;
}

/** `out ← a + b` (AccurateDWPlusDW). */
export function addBall(out: DDBall, a: DDBall, b: DDBall): DDBall {
  kernel[0] = a.hi;
  kernel[1] = a.lo;
  kernel[2] = b.hi;
  kernel[3] = b.lo;
  ddAddKernel();
  const zh = kernel[0]!;
  const zl = kernel[1]!;
  const rad = roundedUp(a.rad + b.rad + OP_REL * Math.abs(zh));
  if (!(Math.abs(zh) <= RANGE_MAX)) return invalidate(out, zh);
  out.hi = zh;
  out.lo = zl;
  out.rad = rad;
  return out;
}

/** `out ← −a` (exact). */
export function negBall(out: DDBall, a: DDBall): DDBall {
  out.hi = -a.hi;
  out.lo = -a.lo;
  out.rad = a.rad;
  return out;
}

/** `out ← a − b`. */
export function subBall(out: DDBall, a: DDBall, b: DDBall): DDBall {
  const bh = b.hi;
  const bl = b.lo;
  const br = b.rad;
  scratchNeg.hi = -bh;
  scratchNeg.lo = -bl;
  scratchNeg.rad = br;
  return addBall(out, a, scratchNeg);
}
const scratchNeg = new DDBall();

/** `out ← a · b` (Dekker's product with Veltkamp splitting). */
export function mulBall(out: DDBall, a: DDBall, b: DDBall): DDBall {
  const ah = a.hi;
  const al = a.lo;
  const bh = b.hi;
  const bl = b.lo;
  if (!inRange(ah) || !inRange(bh)) return invalidate(out, ah * bh);
  // TwoProduct(ah, bh) by Dekker, the cross terms, then FastTwoSum
  kernel[0] = ah;
  kernel[1] = al;
  kernel[2] = bh;
  kernel[3] = bl;
  ddMulKernel();
  const zh = kernel[0]!;
  const zl = kernel[1]!;
  const ma = Math.abs(ah) + Math.abs(al);
  const mb = Math.abs(bh) + Math.abs(bl);
  const rad = roundedUp(ma * b.rad + mb * a.rad + a.rad * b.rad + OP_REL * Math.abs(zh));
  if (!inRange(zh) || (zh === 0 && ah !== 0 && bh !== 0)) return invalidate(out, zh);
  out.hi = zh;
  out.lo = zl;
  out.rad = rad;
  return out;
}

/** `out ← a · k` for a double `k` given exactly. */
export function mulByDouble(out: DDBall, a: DDBall, k: number): DDBall {
  scratchK.hi = k;
  scratchK.lo = 0;
  scratchK.rad = 0;
  return mulBall(out, a, scratchK);
}
const scratchK = new DDBall();

/** `2^k` for integers `k ∈ [−1074, 1023]` (exact doubles), by index `k + 1074`. */
const POWERS_OF_TWO = (() => {
  const table = new Float64Array(2098);
  for (let k = -1074; k <= 1023; k++) table[k + 1074] = 2 ** k;
  return table;
})();

/** `out ← a · 2^k` (exact scaling of the midpoint; the radius is rounded up). */
export function scaleByPowerOfTwo(out: DDBall, a: DDBall, k: number): DDBall {
  const f = k >= -1074 && k <= 1023 && (k | 0) === k ? POWERS_OF_TWO[k + 1074]! : 2 ** k;
  const hi = a.hi * f;
  if (!inRange(hi) || !Number.isFinite(f) || f === 0) return invalidate(out, hi); // f = 0: 2^k underflowed (k < −1074)
  out.hi = hi;
  out.lo = a.lo * f; // exact unless it underflows: then the lost part is below 2⁻¹⁰⁷⁴, charged below
  out.rad = roundedUp(a.rad * f + 2 ** -1070);
  return out;
}

const divResidual = new DDBall();
const divQuotient = new DDBall();
const divDivisor = new DDBall();
const divDividend = new DDBall();

/** `out ← a / b`; radius +∞ when `b` may contain 0. */
export function divBall(out: DDBall, a: DDBall, b: DDBall): DDBall {
  const ah = a.hi;
  const al = a.lo;
  const ar = a.rad;
  const bh = b.hi;
  const bl = b.lo;
  const br = b.rad;
  if (!inRange(ah) || !inRange(bh) || bh === 0) return invalidate(out, ah / bh);
  const bAbsLow = (Math.abs(bh) - Math.abs(bl)) * (1 - 2 ** -50) - roundedUp(br); // ≤ min |y| over b
  if (!(bAbsLow > 0)) return invalidate(out, ah / bh);
  // q ≈ a/b: one correction step
  const q0 = ah / bh;
  setBall(divQuotient, q0, 0, 0);
  setBall(divDivisor, bh, bl, 0);
  setBall(divDividend, ah, al, 0);
  mulBall(divResidual, divQuotient, divDivisor);
  subBall(divResidual, divDividend, divResidual);
  const q1 = (divResidual.hi + divResidual.lo) / bh;
  const qh = q0 + q1;
  const ql = q1 - (qh - q0);
  // a posteriori: residual of the final midpoint, enclosed
  setBall(divQuotient, qh, ql, 0);
  mulBall(divResidual, divQuotient, divDivisor);
  subBall(divResidual, divDividend, divResidual); // encloses m_a − q·m_b
  const residual = maxAbs(divResidual);
  const qAbs = Math.abs(qh) + Math.abs(ql);
  const rad = roundedUp(roundedUp(residual + ar + qAbs * br) / bAbsLow);
  if (!inRange(qh) || (qh === 0 && ah !== 0) || !Number.isFinite(rad)) return invalidate(out, qh);
  out.hi = qh;
  out.lo = ql;
  out.rad = rad;
  return out;
}

/**
 * `out ← [max(0, lower end of a), upper end of a]`: for a quantity known by mathematics to be ≥ 0
 * (the caller states why), the part of the ball below 0 is dropped.
 */
export function clampNonNegative(out: DDBall, a: DDBall): DDBall {
  if (isCertifiedPositive(a)) return copyBall(out, a);
  // upper end hi + lo + rad ≤ RN(hi + rad)·(1 + u) + |lo| (or ≤ |lo| when RN(hi + rad) ≤ 0)
  const s = a.hi + a.rad;
  const upper = roundedUp(Math.max(s, 0) + 2 * Math.abs(a.lo));
  out.hi = upper / 2;
  out.lo = 0;
  out.rad = upper / 2;
  return out;
}

// ---- exp and ln -----------------------------------------------------------------------------------

/** `64/ln 2` rounded (only picks `N`; its error is harmless). */
const SIXTY_FOUR_OVER_LN2 = 64 / Math.LN2;
/** Largest `|x|` accepted by {@link expBall}: `e^{340} < 2⁵⁰⁰` and `e^{−340} > 2⁻⁵⁰⁰`. */
export const EXP_ARGUMENT_LIMIT = 340;

let inverseFactorials: DDBall[] | undefined;

/** Balls around `1/k!` for `k = 0 …` {@link EXP_TAYLOR_DEGREE}` + 1` (exp's wide-ball path, its only user), built on first use. */
function inverseFactorialTable(): DDBall[] {
  if (inverseFactorials === undefined) {
    const table = [new DDBall(1), new DDBall(1)];
    for (let k = 2; k <= EXP_TAYLOR_DEGREE + 1; k++) table.push(divBall(new DDBall(), table[k - 1]!, new DDBall(k)));
    inverseFactorials = table;
  }
  return inverseFactorials;
}

const taylorAcc = new DDBall();

/**
 * `out ← e^t − 1` over the ball `t` (|t| ≤ 1/2 required) by the degree-`K` Taylor polynomial plus the
 * Lagrange remainder `τ^{K+1}/(K+1)!·e^τ ≤ 2τ^{K+1}/(K+1)!`, `τ = max |t|`.
 */
function expm1Taylor(out: DDBall, t: DDBall, degree: number): DDBall {
  const c = inverseFactorialTable();
  const tau = maxAbs(t);
  if (!(tau <= 0.5)) return invalidate(out, 0);
  copyBall(taylorAcc, c[degree]!);
  for (let k = degree - 1; k >= 1; k--) {
    mulBall(taylorAcc, taylorAcc, t);
    addBall(taylorAcc, taylorAcc, c[k]!);
  }
  mulBall(out, taylorAcc, t);
  // remainder: 2·τ^{K+1}/(K+1)! with 1/(K+1)! bounded by its ball's upper end
  const cNext = c[degree + 1]!;
  let power = tau;
  for (let k = 1; k <= degree; k++) power *= tau; // τ^{K+1}: K rounded products, within (1 + 2⁻⁴⁰)
  const remainder = roundedUp(2 * power * (1 + 2 ** -40) * roundedUp(cNext.hi + cNext.lo + cNext.rad));
  out.rad = roundedUp(out.rad + remainder);
  return out;
}

// ---- plain double-double kernels (no radius) for the exp polynomial -----------------------------

/**
 * The kernels' operands `(kernel[0], kernel[1])`, `(kernel[2], kernel[3])` and result `(kernel[0],
 * kernel[1])`, in a typed array: a double passed as an argument to a call V8 does not inline, or
 * written into a module-level `let`, is boxed (a heap number each time); in a `Float64Array` it is not.
 */
const kernel = new Float64Array(4);

/** `(kernel[0], kernel[1]) ← (ah + al)·(bh + bl)` for the operands `ah, al, bh, bl` in `kernel[0…3]`, by Dekker's DWTimesDW (relative error < 2⁻¹⁰²). */
function ddMulKernel(): void {
  const ah = kernel[0]!;
  const al = kernel[1]!;
  const bh = kernel[2]!;
  const bl = kernel[3]!;
  const p = ah * bh;
  let c = SPLITTER * ah;
  const a1 = c - (c - ah);
  const a2 = ah - a1;
  c = SPLITTER * bh;
  const b1 = c - (c - bh);
  const b2 = bh - b1;
  let e = a1 * b1 - p + a1 * b2 + a2 * b1 + a2 * b2;
  e += ah * bl + al * bh;
  const zh = p + e;
  kernel[0] = zh;
  kernel[1] = e - (zh - p);
}

/** `(kernel[0], kernel[1]) ← (ah + al) + (bh + bl)` for the operands in `kernel[0…3]`, by AccurateDWPlusDW (relative error ≤ 3u² + 13u³). */
function ddAddKernel(): void {
  const ah = kernel[0]!;
  const al = kernel[1]!;
  const bh = kernel[2]!;
  const bl = kernel[3]!;
  const sh = ah + bh;
  let t = sh - ah;
  const sl = ah - (sh - t) + (bh - t);
  const th = al + bl;
  t = th - al;
  const tl = al - (th - t) + (bl - t);
  const c = sl + th;
  const vh = sh + c;
  const vl = c - (vh - sh);
  const w = tl + vl;
  const zh = vh + w;
  kernel[0] = zh;
  kernel[1] = w - (zh - vh);
}

/** `1/k!` rounded to double, `k = 6 … 12`, for the double part `H` of the exp polynomial. */
const EXP_HIGH_COEFFICIENTS = [1 / 720, 1 / 5040, 1 / 40320, 1 / 362880, 1 / 3628800, 1 / 39916800, 1 / 479001600];
/** `1/6`, `1/24`, `1/120` as double-doubles (`hi + lo` within `2⁻¹¹⁰` of the real number; checked in the tests). */
export const INV_6_HI = 1 / 6;
export const INV_6_LO = 9.25185853854297e-18;
export const INV_24_HI = 1 / 24;
export const INV_24_LO = 2.3129646346357427e-18;
export const INV_120_HI = 1 / 120;
export const INV_120_LO = 1.1564823173178714e-19;
/** Veltkamp halves of `INV_6_HI` and `INV_120_HI` (`hi = high + low` exactly, 26 bits each), for Dekker's product. */
const INV_6_HIGH = SPLITTER * INV_6_HI - (SPLITTER * INV_6_HI - INV_6_HI);
const INV_6_LOW = INV_6_HI - INV_6_HIGH;
const INV_120_HIGH = SPLITTER * INV_120_HI - (SPLITTER * INV_120_HI - INV_120_HI);
const INV_120_LOW = INV_120_HI - INV_120_HIGH;

/**
 * `2^{j/64}`, `j = 0 … 63`, as double-doubles `EXP_TABLE_HI[j] + EXP_TABLE_LO[j]` (the real number
 * correctly rounded to 106 bits, generated with decimal.js at 90 digits), each within
 * {@link EXP_TABLE_RADIUS} of `2^{j/64}` (checked against 60 digits for every `j` in the tests).
 */
const EXP_TABLE_HI = new Float64Array([
  1, 1.0108892860517005, 1.0218971486541166, 1.0330248790212284,
  1.0442737824274138, 1.0556451783605572, 1.0671404006768237, 1.0787607977571199,
  1.0905077326652577, 1.102382583307841, 1.1143867425958924, 1.1265216186082418,
  1.1387886347566916, 1.1511892299529827, 1.1637248587775775, 1.1763969916502812,
  1.189207115002721, 1.202156731452703, 1.215247359980469, 1.22848053610687,
  1.241857812073484, 1.255380757024691, 1.2690509571917332, 1.2828700160787783,
  1.2968395546510096, 1.3109612115247644, 1.3252366431597413, 1.339667524053303,
  1.3542555469368927, 1.3690024229745905, 1.383909881963832, 1.3989796725383112,
  1.4142135623730951, 1.42961333839197, 1.4451808069770467, 1.460917794180647,
  1.4768261459394993, 1.4929077282912648, 1.5091644275934228, 1.5255981507445384,
  1.5422108254079407, 1.559004400237837, 1.5759808451078865, 1.593142151342267,
  1.6104903319492543, 1.6280274218573478, 1.645755478153965, 1.6636765803267364,
  1.681792830507429, 1.7001063537185235, 1.718619298122478, 1.7373338352737062,
  1.7562521603732995, 1.7753764925265212, 1.7947090750031072, 1.8142521755003989,
  1.8340080864093424, 1.8539791250833855, 1.8741676341103, 1.8945759815869656,
  1.9152065613971474, 1.9360617934922943, 1.9571441241754002, 1.978456026387951,
]);
const EXP_TABLE_LO = new Float64Array([
  0, -1.5234778603368577e-17, 5.109225028973444e-17, 7.600838874027088e-18,
  8.551889705537965e-17, 1.759325738772092e-18, -7.899853966841582e-17, -6.656660436056593e-17,
  -3.046782079812471e-17, 5.2660368715706944e-17, 1.0410278456845571e-16, 5.165856758795457e-17,
  8.912812676025408e-17, 3.250710218863827e-17, 3.8292048369240935e-17, 5.554203254218079e-17,
  3.982015231465646e-17, 6.644981499252301e-17, -7.712630692681488e-17, -1.89878163130253e-17,
  4.658027591836937e-17, -6.7113898212968784e-18, 2.667932131342186e-18, 1.713594918243561e-17,
  2.5382502794888315e-17, -7.181536135519454e-17, -2.8587312100388614e-17, 8.927282594831732e-17,
  7.70094837980299e-17, 9.593797919118849e-17, -6.770511658794786e-17, -9.614213209051323e-17,
  -9.667293313452913e-17, -1.2031642489053655e-17, -3.0237581349939873e-17, -5.600377186075216e-17,
  -3.483994556892796e-17, 1.4192920154284036e-17, -1.016455327754295e-16, -1.1024941712342561e-16,
  7.949834809697621e-17, 3.7812070533575275e-17, -1.0136916471278304e-17, -1.0094406542311964e-16,
  2.4707192569797888e-17, -6.712955084707084e-17, -1.0125679913674773e-16, 5.8909926967131e-17,
  8.199010020581497e-17, -8.0237193703977e-18, -1.851380418263111e-17, 3.164389299292957e-17,
  2.960140695448873e-17, 6.429731796556572e-17, 1.8227458427912087e-17, -9.969531538920349e-17,
  3.283107224245627e-17, 9.761887490727594e-17, -6.122763413004143e-17, 3.4034035352165297e-17,
  -1.0619946056195963e-16, 1.0332385960676326e-16, 8.960767791036668e-17, 4.0388753109278167e-17,
]);
/** Bound of `|2^{j/64} − (EXP_TABLE_HI[j] + EXP_TABLE_LO[j])|` (4 times the `2⁻¹⁰⁷` of a correct rounding). */
export const EXP_TABLE_RADIUS = 2 ** -105;

/** `2^{j/64}` as the ball `⟨EXP_TABLE_HI[j] + EXP_TABLE_LO[j], EXP_TABLE_RADIUS⟩`, `j = 0 … 63` (for the tests). */
export function expTableEntry(j: number): DDBall {
  return new DDBall(EXP_TABLE_HI[j]!, EXP_TABLE_LO[j]!, EXP_TABLE_RADIUS);
}

/**
 * Cody–Waite split of `(ln 2)/64 = C₁ + C₂ + C₃ + η`: `C₁ = 190530846196·2⁻⁴⁴` and `C₂ = 248826394940·2⁻⁸³`
 * have 38 significant bits, so `N·C₁` and `N·C₂` are exact for `|N| < 2¹⁵`; `C₃ = RN((ln 2)/64 − C₁ − C₂)`,
 * `|C₃| < 2⁻⁸⁴`, `|η| ≤ 2⁻¹³⁷` (all checked against 60 digits in the tests).
 */
export const CODY_WAITE_1 = 190530846196 * 2 ** -44;
export const CODY_WAITE_2 = 248826394940 * 2 ** -83;
export const CODY_WAITE_3 = 4.784126150029144e-26;
/** Largest input radius for which {@link expBall} uses {@link expNearZero} (then `τ = max |t| < 0.0055`). */
export const EXP_KERNEL_RADIUS = 2 ** -14;
/**
 * Bound of `|P̂ − e^t|` for the double-double `t`, `|t| ≤ τ = 0.0055`, computed by {@link expNearZero}:
 * `1.01·OP_REL` (the double-double operations) `+ 2⁻¹⁰³` (the double part) `+ 2⁻¹¹⁹` (truncation and
 * constants), rounded up.
 */
export const EXP_KERNEL_ERROR = roundedUp(1.01 * OP_REL + 2 ** -103 + 2 ** -119);

/**
 * `(out.hi, out.lo) ← P̂ ≈ e^t` at the double-double `t = t.hi + t.lo`, `|t| ≤ τ = 0.0055` (`t.rad` is
 * ignored; {@link expBall} accounts for it), by `P(t) = Σ_{k≤12} t^k/k!` in Estrin's form
 * `P = (1 + t) + Q·A + Q²·B` with `Q = t²`, `A = 1/2 + t/6`, `B = 1/24 + t/120 + Q·H`,
 * `H = Σ_{k=6}^{12} t^{k−6}/k!`: the dependency chain is three products and two sums long (`Q`, `Q²`,
 * `Q²·B`, then two sums), against ten operations for Horner's scheme, and the operations off it overlap.
 *
 * Operations: `q = t⊗t`, `m = t⊗(1/6)`, `a = m ⊕ 1/2`, `m' = t⊗(1/120)`, `b = m' ⊕ (1/24)`,
 * `ĥ = H(hi t)` by Horner in doubles, `g = RN(hi(q)·ĥ)`, `B̂ = b ⊕ g`, `q₂ = q⊗q`, `p = q⊗a`, `p' = p ⊕ lo(t)`,
 * `r = q₂⊗B̂`, `s = p' ⊕ r`, `P̂ = (1 + hi t) ⊕ s` (`1 + hi t` exact by Fast2Sum, a double-word since
 * `|hi t| < 1`; `lo t` enters through `p'`). `⊗` is Dekker's product (as {@link ddMulKernel}), `⊕`
 * AccurateDWPlusDW (as {@link ddAddKernel}) or, with a double operand, DWPlusFP (JMP 2017 Alg. 4,
 * relative error about `2u²`); each has relative error `≤ ε = OP_REL` (module comment, item 1). Written
 * out with local variables: a call per operation, or operands passed through memory, costs as much as
 * the arithmetic. Error `|P̂ − e^t| ≤` {@link EXP_KERNEL_ERROR}, from these bounds (`τ = 0.0055`,
 * first order in `ε`, the slack of the constants covering the rest):
 * - sizes: `|q| ≤ τ² < 3.03·10⁻⁵`, `|q₂| < 9.2·10⁻¹⁰`, `|a| < 0.501`, `|b|, |B̂| < 0.0418`,
 *   `|p| < 1.52·10⁻⁵`, `|r| < 3.9·10⁻¹¹`, `|s| < 1.53·10⁻⁵`, `|P̂| ≤ e^τ < 1.00552`;
 * - errors against the exact `Q, Q², A, B, Q·A + lo t, Q²·B`: `δq ≤ ε|q|`, `δq₂ ≤ 2|q|δq + ε|q₂| < 3·10⁻⁹ε`,
 *   `δa ≤ ε(τ/6 + 0.501) < 0.502ε`, `δp ≤ |a|δq + |q|δa + ε|p| < 4.6·10⁻⁵ε`, `δp' < 6.2·10⁻⁵ε`;
 *   `δb < 0.042ε`; the double part `|g − Q·H| ≤ |hi q − Q||ĥ| + |Q||ĥ − H(t)| + u|g|` with `|ĥ| < 1/719`,
 *   `|ĥ − H(t)| ≤ 15u/719` (7 rounded coefficients and 12 roundings of Horner: `γ₁₃·H(τ)` with
 *   `H(τ) < 1/719`, plus `|lo t|·|H'| ≤ uτ/5000`) and `|hi q − Q| ≤ 1.1u|q|`: `|g − Q·H| ≤ 18u·τ²/719`;
 *   so `δB ≤ δb + ε|B̂| + 18uτ²/719 < 0.084ε + 18uτ²/719`; `δr ≤ |B̂|δq₂ + |q₂|δB + ε|r| < 10⁻⁹ε +
 *   τ⁶·18u/719`; `δs ≤ δp' + δr + ε|s| < 8·10⁻⁵ε + τ⁶·18u/719`; and `δP ≤ δs + ε·e^τ < 1.0057ε +
 *   τ⁶·18u/719`, with `τ⁶·18u/719 < 7.7·10⁻³² < 2⁻¹⁰³`;
 * - truncation `τ¹³/13!·e^τ < 2⁻¹²⁸`; the constants `1/6, 1/24, 1/120` within `2⁻¹¹⁰`, times at most
 *   `τ³`: below `2⁻¹²⁵`; for a tiny `t` (below `2⁻⁵⁰⁰`), products that underflow are off by a few
 *   `2⁻¹⁰⁷⁴`, carried with factors below 1: far inside the `2⁻¹¹⁹`.
 */
function expNearZero(out: DDBall, t: DDBall): DDBall {
  const th = t.hi;
  const tl = t.lo;
  // ĥ = H(th), Horner in doubles
  let h = EXP_HIGH_COEFFICIENTS[6]!;
  for (let k = 5; k >= 0; k--) h = h * th + EXP_HIGH_COEFFICIENTS[k]!;
  // Veltkamp halves of th, shared by the three products with t
  let c = SPLITTER * th;
  const t1 = c - (c - th);
  const t2 = th - t1;
  // q = t ⊗ t
  let p = th * th;
  let e = t1 * t1 - p + t1 * t2 + t2 * t1 + t2 * t2;
  e += th * tl + tl * th;
  const qh = p + e;
  const ql = e - (qh - p);
  // a = t ⊗ (1/6) ⊕ 1/2 (Fast2Sum(1/2, ·): |t/6| < 1/2)
  p = th * INV_6_HI;
  e = t1 * INV_6_HIGH - p + t1 * INV_6_LOW + t2 * INV_6_HIGH + t2 * INV_6_LOW;
  e += th * INV_6_LO + tl * INV_6_HI;
  let mh = p + e;
  let ml = e - (mh - p);
  let sh = 0.5 + mh;
  let v = ml + (mh - (sh - 0.5));
  const ah = sh + v;
  const al = v - (ah - sh);
  // b = t ⊗ (1/120) ⊕ 1/24 (AccurateDWPlusDW)
  p = th * INV_120_HI;
  e = t1 * INV_120_HIGH - p + t1 * INV_120_LOW + t2 * INV_120_HIGH + t2 * INV_120_LOW;
  e += th * INV_120_LO + tl * INV_120_HI;
  mh = p + e;
  ml = e - (mh - p);
  sh = mh + INV_24_HI;
  v = sh - mh;
  let sl = mh - (sh - v) + (INV_24_HI - v);
  let uh = ml + INV_24_LO;
  v = uh - ml;
  let ul = ml - (uh - v) + (INV_24_LO - v);
  let w = sl + uh;
  let vh = sh + w;
  let vl = w - (vh - sh);
  w = ul + vl;
  let bh = vh + w;
  let bl = w - (bh - vh);
  // B̂ = b ⊕ g, g = RN(qh·ĥ) (Fast2Sum(bh, g): |g| < |bh|)
  const g = qh * h;
  sh = bh + g;
  v = bl + (g - (sh - bh));
  bh = sh + v;
  bl = v - (bh - sh);
  // Veltkamp halves of qh, shared by q ⊗ q and q ⊗ a
  c = SPLITTER * qh;
  const q1 = c - (c - qh);
  const q2 = qh - q1;
  // q₂ = q ⊗ q
  p = qh * qh;
  e = q1 * q1 - p + q1 * q2 + q2 * q1 + q2 * q2;
  e += qh * ql + ql * qh;
  const q2h = p + e;
  const q2l = e - (q2h - p);
  // p' = q ⊗ a ⊕ lo(t) (DWPlusFP: TwoSum, |lo t| may exceed |q·a|)
  p = qh * ah;
  c = SPLITTER * ah;
  let x1 = c - (c - ah);
  let x2 = ah - x1;
  e = q1 * x1 - p + q1 * x2 + q2 * x1 + q2 * x2;
  e += qh * al + ql * ah;
  mh = p + e;
  ml = e - (mh - p);
  sh = mh + tl;
  v = sh - mh;
  sl = mh - (sh - v) + (tl - v);
  v = ml + sl;
  const ph = sh + v;
  const pl = v - (ph - sh);
  // r = q₂ ⊗ B̂
  p = q2h * bh;
  c = SPLITTER * q2h;
  x1 = c - (c - q2h);
  x2 = q2h - x1;
  c = SPLITTER * bh;
  const y1 = c - (c - bh);
  const y2 = bh - y1;
  e = x1 * y1 - p + x1 * y2 + x2 * y1 + x2 * y2;
  e += q2h * bl + q2l * bh;
  const rh = p + e;
  const rl = e - (rh - p);
  // s = p' ⊕ r (AccurateDWPlusDW)
  sh = ph + rh;
  v = sh - ph;
  sl = ph - (sh - v) + (rh - v);
  uh = pl + rl;
  v = uh - pl;
  ul = pl - (uh - v) + (rl - v);
  w = sl + uh;
  vh = sh + w;
  vl = w - (vh - sh);
  w = ul + vl;
  const s2h = vh + w;
  const s2l = w - (s2h - vh);
  // P̂ = (1 + th) ⊕ s (Fast2Sum(1, th) exact; AccurateDWPlusDW)
  const oh = 1 + th;
  const ol = th - (oh - 1);
  sh = oh + s2h;
  v = sh - oh;
  sl = oh - (sh - v) + (s2h - v);
  uh = ol + s2l;
  v = uh - ol;
  ul = ol - (uh - v) + (s2l - v);
  w = sl + uh;
  vh = sh + w;
  vl = w - (vh - sh);
  w = ul + vl;
  const zh = vh + w;
  out.hi = zh;
  out.lo = w - (zh - vh);
  return out;
}

/**
 * Bound of the error of the reduced argument's midpoint `t̂ = th + tl` against `x − N·(ln 2)/64` for a
 * midpoint `x = xh + xl` with `|xh| ≤ 340`, `|xl| ≤ 2⁻⁴⁴` (module comment, item 4).
 */
export const EXP_REDUCTION_ERROR = 2 ** -112;
const expReduced = new DDBall();
const expPoly = new DDBall();
const ONE = new DDBall(1);

/**
 * `out ← e^a`; radius +∞ when `|a|` may exceed {@link EXP_ARGUMENT_LIMIT} or `rad a > 1/64`. Module
 * comment, item 4: the reduction, the kernel, the table product and the scaling, with every error term.
 */
export function expBall(out: DDBall, a: DDBall): DDBall {
  let xh = a.hi;
  let xl = a.lo;
  const radius = a.rad;
  if (xh + xl !== xh) {
    // not a normalised double-double (a low part beyond half an ulp of hi): renormalised exactly by
    // TwoSum first, as the test below and the reduction assume (then |xl| ≤ ulp(xh)/2 ≤ 2⁻⁴⁵ for |xh| ≤ 340)
    const hi = xh + xl;
    const z = hi - xh;
    xl = xh - (hi - z) + (xl - z);
    xh = hi;
  }
  // the whole ball below −340: e^x ∈ (0, e^{−340}] ⊂ [0, 2⁻⁴⁹⁰] (2⁻⁴⁹⁰ = e^{−339.6…}), still a usable
  // (tiny) enclosure whatever the radius; with a normalised midpoint the roundings in the test are far
  // below the 0.3 to spare (hi + rad is exact when the two nearly cancel, Sterbenz)
  if (xh + radius + Math.abs(xl) < -EXP_ARGUMENT_LIMIT) return setBall(out, 2 ** -491, 0, 2 ** -491);
  if (!(radius <= 1 / 64) || !(Math.abs(xh) <= EXP_ARGUMENT_LIMIT)) return invalidate(out, Math.exp(xh));
  // t = x − N·(ln 2)/64 by Cody–Waite (module comment, item 4): d = xh − N·C₁ exact, (yh, yl) = TwoSum(xl, −N·C₂)
  // and (sh, e) = TwoSum(d, yh) exact, then (e + yl) − N·C₃ rounded, (th, tl) = TwoSum(sh, ·) exact
  const n = Math.round(xh * SIXTY_FOUR_OVER_LN2);
  const d = xh - n * CODY_WAITE_1;
  const p2 = -n * CODY_WAITE_2;
  const yh = xl + p2;
  let v = yh - xl;
  const yl = xl - (yh - v) + (p2 - v);
  const sh = d + yh;
  v = sh - d;
  const rest = d - (sh - v) + (yh - v) + yl - n * CODY_WAITE_3;
  const th = sh + rest;
  v = th - sh;
  const tl = sh - (th - v) + (rest - v);
  const reducedRadius = roundedUp(radius + EXP_REDUCTION_ERROR);
  const t = setBall(expReduced, th, tl, reducedRadius);
  let polyRadius: number;
  if (radius <= EXP_KERNEL_RADIUS) {
    // e^t̂ within EXP_KERNEL_ERROR; over the ball |e^{t̂+δ} − e^t̂| ≤ e^t̂·(e^ρ − 1) with e^t̂ ≤ hi + 2⁻⁵⁰ and e^ρ − 1 ≤ ρ(1 + 2⁻¹³)
    expNearZero(expPoly, t);
    polyRadius = roundedUp(EXP_KERNEL_ERROR + (expPoly.hi + 2 ** -50) * reducedRadius * (1 + 2 ** -13));
  } else {
    expm1Taylor(expPoly, t, EXP_TAYLOR_DEGREE);
    addBall(expPoly, expPoly, ONE); // e^t
    if (!Number.isFinite(expPoly.rad)) return invalidate(out, Math.exp(xh));
    polyRadius = expPoly.rad;
  }
  // × 2^{j/64}: Dekker's product with the table entry (ddMulKernel), radius as in mulBall
  const j = n & 63;
  const ah = expPoly.hi;
  const al = expPoly.lo;
  const bh = EXP_TABLE_HI[j]!;
  const bl = EXP_TABLE_LO[j]!;
  const p = ah * bh;
  let c = SPLITTER * ah;
  const a1 = c - (c - ah);
  const a2 = ah - a1;
  c = SPLITTER * bh;
  const b1 = c - (c - bh);
  const b2 = bh - b1;
  let err = a1 * b1 - p + a1 * b2 + a2 * b1 + a2 * b2;
  err += ah * bl + al * bh;
  const zh = p + err;
  const zl = err - (zh - p);
  const rad = roundedUp((Math.abs(ah) + Math.abs(al)) * EXP_TABLE_RADIUS + (bh + Math.abs(bl)) * polyRadius + EXP_TABLE_RADIUS * polyRadius + OP_REL * zh);
  // × 2^k, exact (|k| ≤ 491, the result within [2⁻⁴⁹³, 2⁴⁹²]); the radius's own product rounded up
  const scale = POWERS_OF_TWO[((n - j) >> 6) + 1074]!;
  out.hi = zh * scale;
  out.lo = zl * scale;
  out.rad = roundedUp(rad * scale);
  return out;
}

const lnDelta = new DDBall();
const lnTmp = new DDBall();

/** `out ← ln a`; radius +∞ unless `a` is certifiably positive and in range. */
export function lnBall(out: DDBall, a: DDBall): DDBall {
  if (!isCertifiedPositive(a) || !inRange(a.hi)) return invalidate(out, Math.log(a.hi));
  const y0 = Math.log(a.hi);
  setBall(lnTmp, -y0, 0, 0);
  expBall(lnTmp, lnTmp);
  mulBall(lnDelta, a, lnTmp);
  subBall(lnDelta, lnDelta, ONE); // δ = a·e^{−y₀} − 1 over the ball a
  const d = maxAbs(lnDelta);
  if (!(d < 0.5)) return invalidate(out, y0);
  const rho = roundedUp((d * d) / (2 * (1 - d) * (1 - 2 ** -50)));
  setBall(lnTmp, y0, 0, 0);
  addBall(out, lnTmp, lnDelta);
  out.rad = roundedUp(out.rad + rho);
  return out;
}

// ---- reading the sign ---------------------------------------------------------------------------

/**
 * True when every element of `a` is > 0: the lower end is `hi + lo − rad`, and `s = RN(hi − rad)`
 * satisfies `hi − rad ≥ s(1 − u)`, so `s > 2|lo|` proves `hi + lo − rad > 0`.
 */
export function isCertifiedPositive(a: DDBall): boolean {
  const s = a.hi - a.rad;
  return a.hi > 0 && s > 0 && s > 2 * Math.abs(a.lo);
}

/**
 * True when every element of `a` is ≥ 0: certified positive, or of the form `⟨h, l, h⟩` with `l ≥ 0`
 * (lower end `h + l − h = l ≥ 0` exactly; {@link clampNonNegative} returns that form with `l = 0`).
 */
export function isCertifiedNonNegative(a: DDBall): boolean {
  return isCertifiedPositive(a) || (a.hi === a.rad && a.lo >= 0 && Number.isFinite(a.rad));
}

/** An upper bound of every element of `a` (`hi + |lo| + rad`, rounded towards +∞ whatever its sign). */
export function upperEnd(a: DDBall): number {
  const s = a.hi + a.rad + Math.abs(a.lo); // two roundings: relative error below 2.01·2⁻⁵³
  return s >= 0 ? roundedUp(s) : s * (1 - 2 ** -49) + 2 ** -1000; // below 0: towards 0 by more than that error
}

/** True when every element of `a` is < 0 (the mirror image of {@link isCertifiedPositive}). */
export function isCertifiedNegative(a: DDBall): boolean {
  const s = -a.hi - a.rad;
  return a.hi < 0 && s > 0 && s > 2 * Math.abs(a.lo);
}

/** True when `a` is exactly the number 0. */
export function isExactZero(a: DDBall): boolean {
  return a.hi === 0 && a.lo === 0 && a.rad === 0;
}

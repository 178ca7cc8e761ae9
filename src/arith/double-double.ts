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
 * 4. `exp`. `x = N·(ln 2)/64 + t` with `N` the nearest integer to `64x/ln 2`, `(ln 2)/64` a
 *    double-double with a stated radius (checked against 60 digits in the tests), so `|t| ≤ 0.0055`;
 *    `e^t` by the degree-12 polynomial in a double-double Horner kernel with an analytic error bound
 *    (`expNearZero`: truncation, double part, double-double part and constants, below `10⁻²⁸`
 *    absolute) — or, should the ball `t` be wider than `2⁻⁷`, by the Taylor polynomial of degree
 *    {@link EXP_TAYLOR_DEGREE} in ball arithmetic plus the Lagrange remainder; times a table entry
 *    `2^{j/64}` (`j = N mod 64`) computed once as `(e^{t/4})⁴` by the same Taylor method with degree 24
 *    (`|t/4| ≤ 0.174`, remainder `< 10⁻⁴²`); times `2^{(N−j)/64}` exactly. No libm function is trusted:
 *    `Math.exp`/`Math.log` only choose starting points whose errors the ball operations then measure.
 * 5. `ln`. `y₀ = Math.log(m)`, `δ = x·e^{−y₀} − 1` as a ball; `ln x = y₀ + δ + ρ` with
 *    `|ρ| ≤ |δ|²/(2(1 − |δ|))` (for `|δ| < 1/2`, from the series of `ln(1 + δ)`).
 *
 * The resulting relative radius of a softmax probe's values is about `10⁻²⁷`: enough to decide and to print 20
 * correct significant digits; when a ball is too wide to decide or to fix the requested digits the
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
/** Degree of the Taylor polynomial of `e^t − 1` on `|t| ≤ 0.0055`. */
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

/** `(ln 2)/64` as a double-double, with a radius bounding its distance from the real number. */
export const LN2_OVER_64 = new DDBall(0.6931471805599453 / 64, 2.3190468138462996e-17 / 64, 2 ** -112);
/** `64/ln 2` rounded (only picks `N`; its error is harmless). */
const SIXTY_FOUR_OVER_LN2 = 64 / Math.LN2;
/** Largest `|x|` accepted by {@link expBall}: `e^{340} < 2⁵⁰⁰` and `e^{−340} > 2⁻⁵⁰⁰`. */
export const EXP_ARGUMENT_LIMIT = 340;

let inverseFactorials: DDBall[] | undefined;
let powersOfTwoSixtyFourth: DDBall[] | undefined;

/** Balls around `1/k!` for `k = 0 … 41` (the Taylor degrees used are at most 24). */
function inverseFactorialTable(): DDBall[] {
  if (inverseFactorials === undefined) {
    const table = [new DDBall(1), new DDBall(1)];
    for (let k = 2; k <= 41; k++) table.push(divBall(new DDBall(), table[k - 1]!, new DDBall(k)));
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

/**
 * Balls around `2^{j/64}` for `j = 0 … 63`, built on first use from 16 exponentials instead of 64:
 * `2^{(8a+b)/64} = 2^{a/8}·2^{b/64}` (one {@link mulBall}, whose radius covers both operands' radii and
 * its own rounding), with `2^{b/64} = e^{b(ln 2)/64}` by {@link expm1Taylor} (`|t| < 0.076`, degree 20:
 * remainder below `2⁻¹²⁰`) and `2^{a/8} = (e^{a(ln 2)/32})⁴` (`|t| < 0.16`, degree 24, then two squarings).
 */
function powersOfTwoTable(): DDBall[] {
  if (powersOfTwoSixtyFourth === undefined) {
    const fine: DDBall[] = []; // 2^{b/64}
    const coarse: DDBall[] = []; // 2^{a/8}
    for (let k = 0; k < 8; k++) {
      const t = mulByDouble(new DDBall(), LN2_OVER_64, k);
      fine.push(addBall(new DDBall(), expm1Taylor(new DDBall(), t, 20), ONE));
      const quarter = mulByDouble(new DDBall(), LN2_OVER_64, 2 * k); // a(ln 2)/32 = 2a·(ln 2)/64 (the rounding is in the radius)
      const e = addBall(new DDBall(), expm1Taylor(new DDBall(), quarter, 24), ONE);
      mulBall(e, e, e);
      coarse.push(mulBall(e, e, e));
    }
    const table: DDBall[] = [];
    for (let j = 0; j < 64; j++) table.push(mulBall(new DDBall(), coarse[j >> 3]!, fine[j & 7]!));
    powersOfTwoSixtyFourth = table;
  }
  return powersOfTwoSixtyFourth;
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

/** `1/k!` rounded to double, `k = 5 … 12`, for the double part of the exp polynomial. */
const EXP_HIGH_COEFFICIENTS = [1 / 120, 1 / 720, 1 / 5040, 1 / 40320, 1 / 362880, 1 / 3628800, 1 / 39916800, 1 / 479001600];
/** `1/24` and `1/6` as double-doubles (`hi + lo` within `2⁻¹⁰⁶` of the real number). */
const INV_24_HI = 1 / 24;
const INV_24_LO = 2.3129646346357427e-18;
const INV_6_HI = 1 / 6;
const INV_6_LO = 9.25185853854297e-18;
/** The double-double coefficients `1/24, 1/6, 1/2, 1, 1` of the Horner steps after `H` in {@link expNearZero}. */
const HORNER_TAIL_HI = [INV_24_HI, INV_6_HI, 0.5, 1, 1];
const HORNER_TAIL_LO = [INV_24_LO, INV_6_LO, 0, 0, 0];
/** Largest `τ = max |t|` accepted by {@link expNearZero}. */
const EXP_KERNEL_TAU = 2 ** -7;

/**
 * `out ← e^t` over a ball `t` with `τ = max |t| ≤ 2⁻⁷`: `P(t) = Σ_{k≤12} t^k/k!` at the midpoint `t_m`,
 * the part `H = Σ_{k=5}^{12} t^{k−5}/k!` by Horner in doubles (at `hi(t_m)`), then
 * `((((H t + 1/24) t + 1/6) t + 1/2) t + 1) t + 1` by Horner in double-double. Absolute error bound:
 * truncation `τ¹³/13!·e^τ < 2⁻¹²⁰`; the double part `|Ĥ − H(t_m)| ≤ 17u/120` (coefficients `u/k!`,
 * Horner `γ₁₄·Σ τ^{k−5}/k!`, `|lo(t_m)| ≤ uτ` times `|H'| ≤ 1/700`), times `τ⁵`; the double-double
 * Horner `γ₁₀·e^τ ≤ 10.2·`{@link OP_REL} (Higham, Accuracy and Stability, §5.1, each operation with
 * relative error ≤ OP_REL; any underflow adds below `2⁻¹⁰⁰⁰` absolute on a value near 1); the
 * constants `1/24`, `1/6` within `2⁻¹⁰⁶`; and over the ball, `|e^t − e^{t_m}| ≤ e^τ·rad t`.
 */
function expNearZero(out: DDBall, t: DDBall): DDBall {
  const tau = maxAbs(t); // recomputed here: a double argument would be boxed when the call is not inlined
  const th = t.hi;
  const tl = t.lo;
  let h = EXP_HIGH_COEFFICIENTS[7]!;
  for (let k = 6; k >= 0; k--) h = h * th + EXP_HIGH_COEFFICIENTS[k]!;
  // (((((H·t + 1/24)·t + 1/6)·t + 1/2)·t + 1)·t + 1, one kernel call site each (so that both are inlined)
  let zh = h;
  let zl = 0;
  for (let k = 0; k < 5; k++) {
    kernel[0] = zh;
    kernel[1] = zl;
    kernel[2] = th;
    kernel[3] = tl;
    ddMulKernel();
    kernel[2] = HORNER_TAIL_HI[k]!;
    kernel[3] = HORNER_TAIL_LO[k]!;
    ddAddKernel();
    zh = kernel[0]!;
    zl = kernel[1]!;
  }
  const tau5 = tau * tau * tau * tau * tau;
  const error = 10.2 * OP_REL + ((17 * 2 ** -53) / 120) * tau5 * (1 + 2 ** -48) + 2 ** -104 + 2 ** -120 + 2 ** -1000;
  out.hi = zh;
  out.lo = zl;
  out.rad = roundedUp(error + 1.01 * t.rad); // e^τ ≤ 1.0079
  return out;
}

const expReduced = new DDBall();
const expPoly = new DDBall();
const expTmp = new DDBall();
const expMultiple = new DDBall();
const ONE = new DDBall(1);

/** `out ← e^a`; radius +∞ when `|a|` may exceed {@link EXP_ARGUMENT_LIMIT} or `rad a > 1/64`. */
export function expBall(out: DDBall, a: DDBall): DDBall {
  const ah = a.hi;
  // the whole ball below −340: e^x ∈ (0, e^{−340}] ⊂ [0, 2⁻⁴⁹⁰] (2⁻⁴⁹⁰ = e^{−339.6…}), still a usable
  // (tiny) enclosure whatever the radius; the roundings in the test are far below the 0.3 to spare
  if (ah + a.rad + Math.abs(a.lo) < -EXP_ARGUMENT_LIMIT) return setBall(out, 2 ** -491, 0, 2 ** -491);
  if (!(a.rad <= 1 / 64)) return invalidate(out, Math.exp(ah));
  if (!(Math.abs(ah) <= EXP_ARGUMENT_LIMIT)) return invalidate(out, Math.exp(ah));
  const table = powersOfTwoTable();
  const n = Math.round(ah * SIXTY_FOUR_OVER_LN2);
  const j = ((n % 64) + 64) % 64;
  const k = (n - j) / 64;
  mulBall(expTmp, LN2_OVER_64, setBall(expMultiple, n, 0, 0));
  subBall(expReduced, a, expTmp); // t = a − n·(ln 2)/64
  if (maxAbs(expReduced) <= EXP_KERNEL_TAU) {
    expNearZero(expPoly, expReduced); // e^t
  } else {
    expm1Taylor(expPoly, expReduced, EXP_TAYLOR_DEGREE);
    addBall(expPoly, expPoly, ONE); // e^t
  }
  mulBall(expPoly, expPoly, table[j]!);
  return scaleByPowerOfTwo(out, expPoly, k);
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

/**
 * Sparse multivariate polynomials with exact rational coefficients, and their decomposition into
 * ridge powers by polarization.
 *
 * Polarization: for linear forms `y_1 … y_k`,
 * `y_1⋯y_k = (1/(2^{k−1}·k!)) Σ_{ε ∈ {±1}^k, ε_1 = +1} (Π_j ε_j)·(Σ_j ε_j y_j)^k`
 * (the full sum over `{±1}^k` has `2^k·k!` as its normaliser; `ε` and `−ε` give equal terms). Every
 * monomial of degree `k ≥ 2` is thus an exact combination of `k`-th powers of linear forms
 * `(w·x)^k`, i.e. of ridge functions; a pure power `x_a^k` is a ridge function already.
 * Reference: the polarization identity for symmetric multilinear forms, e.g. A. Pinkus, Ridge
 * Functions (2015), §5.4.
 */
import { Rational } from '../arith/rational.ts';

/** A polynomial in `n` variables: exponent tuple (joined by `,`) → coefficient. Zero terms are absent. */
export class Polynomial {
  private constructor(
    readonly variables: number,
    readonly terms: ReadonlyMap<string, Rational>,
  ) {}

  static constant(variables: number, c: Rational): Polynomial {
    const key = new Array<number>(variables).fill(0).join(',');
    return new Polynomial(variables, c.isZero() ? new Map() : new Map([[key, c]]));
  }

  /** The coordinate `x_index` (0-based). */
  static variable(variables: number, index: number): Polynomial {
    const e = new Array<number>(variables).fill(0);
    e[index] = 1;
    return new Polynomial(variables, new Map([[e.join(','), Rational.ONE]]));
  }

  get degree(): number {
    let d = 0;
    for (const key of this.terms.keys()) d = Math.max(d, exponentsOf(key).reduce((s, k) => s + k, 0));
    return d;
  }

  add(o: Polynomial): Polynomial {
    const out = new Map(this.terms);
    for (const [k, c] of o.terms) {
      const s = (out.get(k) ?? Rational.ZERO).add(c);
      if (s.isZero()) out.delete(k);
      else out.set(k, s);
    }
    return new Polynomial(this.variables, out);
  }

  scale(c: Rational): Polynomial {
    if (c.isZero()) return Polynomial.constant(this.variables, Rational.ZERO);
    return new Polynomial(this.variables, new Map([...this.terms].map(([k, v]) => [k, v.mul(c)])));
  }

  mul(o: Polynomial): Polynomial {
    let out = Polynomial.constant(this.variables, Rational.ZERO);
    for (const [ka, ca] of this.terms) {
      const ea = exponentsOf(ka);
      for (const [kb, cb] of o.terms) {
        const eb = exponentsOf(kb);
        const key = ea.map((x, i) => x + eb[i]!).join(',');
        out = out.add(new Polynomial(this.variables, new Map([[key, ca.mul(cb)]])));
      }
    }
    return out;
  }

  pow(k: number): Polynomial {
    let out = Polynomial.constant(this.variables, Rational.ONE);
    for (let j = 0; j < k; j++) out = out.mul(this);
    return out;
  }
}

/** The exponent tuple of a term key. */
export function exponentsOf(key: string): number[] {
  return key.split(',').map(Number);
}

/** A ridge power `coefficient·(direction·x)^power`, the direction an integer vector. */
export interface RidgePower {
  readonly direction: readonly bigint[];
  readonly power: number;
  readonly coefficient: Rational;
}

function factorial(k: number): bigint {
  let f = 1n;
  for (let j = 2; j <= k; j++) f *= BigInt(j);
  return f;
}

/**
 * Splits a polynomial into its constant, its linear part and ridge powers of degree ≥ 2, exactly:
 * `p(x) = constant + linear·x + Σ coefficient·(direction·x)^power`.
 */
export function polarize(p: Polynomial): { constant: Rational; linear: Rational[]; ridges: RidgePower[] } {
  const n = p.variables;
  let constant = Rational.ZERO;
  const linear = new Array<Rational>(n).fill(Rational.ZERO);
  const ridges: RidgePower[] = [];
  for (const [key, c] of p.terms) {
    const e = exponentsOf(key);
    const k = e.reduce((s, x) => s + x, 0);
    if (k === 0) constant = constant.add(c);
    else if (k === 1) {
      const at = e.indexOf(1);
      linear[at] = linear[at]!.add(c);
    } else if (e.filter((x) => x > 0).length === 1) {
      const direction = e.map((x) => (x > 0 ? 1n : 0n));
      ridges.push({ direction, power: k, coefficient: c });
    } else {
      // factors y_1 … y_k: each a coordinate, repeated by its exponent
      const factors = e.flatMap((x, i) => new Array<number>(x).fill(i));
      const norm = Rational.of(1n, (1n << BigInt(k - 1)) * factorial(k));
      for (let mask = 0; mask < 1 << (k - 1); mask++) {
        const signs: bigint[] = factors.map((_, j) => (j === 0 ? 1n : (mask >> (j - 1)) & 1 ? -1n : 1n));
        const direction = new Array<bigint>(n).fill(0n);
        factors.forEach((v, j) => (direction[v] = direction[v]! + signs[j]!));
        if (direction.every((d) => d === 0n)) continue; // (0·x)^k = 0
        const sign = signs.reduce((s: bigint, x: bigint) => s * x, 1n);
        ridges.push({ direction, power: k, coefficient: c.mul(norm).mul(Rational.of(sign)) });
      }
    }
  }
  return { constant, linear, ridges };
}

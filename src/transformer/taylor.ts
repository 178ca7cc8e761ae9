/**
 * Taylor-mode interval automatic differentiation for one-variable expressions: the normalized
 * derivatives `g^{(k)}(t)/k!`, `k = 0 … K`, enclosed over an interval of `t`, and from them a Taylor
 * polynomial with a certified Lagrange remainder.
 *
 * Method: truncated power series with interval coefficients and the standard recurrences
 * (products by Cauchy convolution; `exp`: `k·e_k = Σ_{j=1}^{k} j·u_j·e_{k−j}`; `sin`/`cos` jointly:
 * `k·s_k = Σ j·u_j·c_{k−j}`, `k·c_k = −Σ j·u_j·s_{k−j}`; `log`: `u_0 l_k = (k·u_k − Σ_{j=1}^{k−1} j·l_j·u_{k−j})/k`;
 * quotients by back substitution; real powers as `exp(α·log u)`). Evaluated on the interval `T`
 * itself, coefficient `K` encloses `g^{(K)}(ξ)/K!` for every `ξ ∈ T`, so
 * `|g(t) − Σ_{k<K} g^{(k)}(m)/k!·(t − m)^k| ≤ sup|g^{(K)}/K!|·r^K` for `|t − m| ≤ r` (Lagrange).
 * Functions without a Taylor series on the interval (`abs` across 0, `max`, `min`, `sqrt`/`log` at 0)
 * throw {@link NoTaylorSeries}.
 * Reference: W. Tucker, Validated Numerics (2011), ch. 4; R. Moore et al., Introduction to Interval Analysis (2009), §9.
 */
import type { MathNode } from 'mathjs';
import { ExactDecimal } from '../arith/context.ts';
import type { Arith, Interval } from '../arith/interval.ts';

/** The expression has no Taylor series on the interval. */
export class NoTaylorSeries extends Error {}

type Series = Interval[];
type Node = MathNode & Record<string, unknown>;

function mul(a: Series, b: Series, A: Arith): Series {
  return a.map((_, k) => A.sum(Array.from({ length: k + 1 }, (_, j) => A.mul(a[j]!, b[k - j]!))));
}

function constantSeries(v: Interval, K: number, A: Arith): Series {
  return [v, ...Array.from({ length: K }, () => A.point(0))];
}

function div(a: Series, b: Series, A: Arith): Series {
  if (b[0]!.lo.lte(0) && b[0]!.hi.gte(0)) throw new NoTaylorSeries('division by a series whose value contains 0');
  const q: Series = [];
  for (let k = 0; k < a.length; k++) {
    const s = A.sum(Array.from({ length: k }, (_, j) => A.mul(q[j]!, b[k - j]!)));
    q.push(A.div(A.sub(a[k]!, s), b[0]!));
  }
  return q;
}

function exp(u: Series, A: Arith): Series {
  const e: Series = [A.exp(u[0]!)];
  for (let k = 1; k < u.length; k++) {
    const s = A.sum(Array.from({ length: k }, (_, i) => A.mul(A.scale(u[i + 1]!, i + 1), e[k - 1 - i]!)));
    e.push(A.div(s, A.point(k)));
  }
  return e;
}

function sinCos(u: Series, A: Arith): { s: Series; c: Series } {
  const s: Series = [A.sin(u[0]!)];
  const c: Series = [A.cos(u[0]!)];
  for (let k = 1; k < u.length; k++) {
    const ss = A.sum(Array.from({ length: k }, (_, i) => A.mul(A.scale(u[i + 1]!, i + 1), c[k - 1 - i]!)));
    const cc = A.sum(Array.from({ length: k }, (_, i) => A.mul(A.scale(u[i + 1]!, i + 1), s[k - 1 - i]!)));
    s.push(A.div(ss, A.point(k)));
    c.push(A.neg(A.div(cc, A.point(k))));
  }
  return { s, c };
}

function log(u: Series, A: Arith): Series {
  if (u[0]!.lo.lte(0)) throw new NoTaylorSeries('log of a series whose value reaches 0');
  const l: Series = [A.ln(u[0]!)];
  for (let k = 1; k < u.length; k++) {
    const s = A.sum(Array.from({ length: k - 1 }, (_, j) => A.mul(A.scale(l[j + 1]!, j + 1), u[k - 1 - j]!)));
    l.push(A.div(A.sub(u[k]!, A.div(s, A.point(k))), u[0]!));
  }
  return l;
}

/** The series of `node` in `variable` at `t ∈ T` up to order `K`. */
export function taylorSeries(node: MathNode, variable: string, T: Interval, K: number, A: Arith): Series {
  const n = node as Node;
  const c = (v: Interval) => constantSeries(v, K, A);
  switch (node.type) {
    case 'ConstantNode':
      return c(A.point(new ExactDecimal(String(n.value))));
    case 'SymbolNode': {
      const name = n.name as string;
      if (name === variable) return [T, A.point(1), ...Array.from({ length: K - 1 }, () => A.point(0))].slice(0, K + 1);
      if (name === 'pi') return c(A.pi());
      if (name === 'e') return c(A.exp(A.point(1)));
      throw new NoTaylorSeries(`unknown symbol ${name}`);
    }
    case 'ParenthesisNode':
      return taylorSeries(n.content as MathNode, variable, T, K, A);
    case 'OperatorNode': {
      const args = (n.args as MathNode[]).map((a) => taylorSeries(a, variable, T, K, A));
      const [a, b] = args as [Series, Series | undefined];
      switch (n.fn as string) {
        case 'unaryPlus':
          return a;
        case 'unaryMinus':
          return a.map((x) => A.neg(x));
        case 'add':
          return a.map((x, k) => A.add(x, b![k]!));
        case 'subtract':
          return a.map((x, k) => A.sub(x, b![k]!));
        case 'multiply':
          return mul(a, b!, A);
        case 'divide':
          return div(a, b!, A);
        default: {
          const exponentConstant = b!.slice(1).every((x) => x.isPoint && x.lo.isZero()) && b![0]!.isPoint;
          if (exponentConstant && b![0]!.lo.isInteger() && b![0]!.lo.gte(0) && b![0]!.lo.lte(64)) {
            let p = c(A.point(1));
            for (let j = 0; j < b![0]!.lo.toNumber(); j++) p = mul(p, a, A);
            return p;
          }
          return exp(mul(b!, log(a, A), A), A);
        }
      }
    }
    case 'FunctionNode': {
      const name = (n.fn as Node).name as string;
      const args = (n.args as MathNode[]).map((a) => taylorSeries(a, variable, T, K, A));
      const u = args[0]!;
      switch (name) {
        case 'exp':
          return exp(u, A);
        case 'sin':
          return sinCos(u, A).s;
        case 'cos':
          return sinCos(u, A).c;
        case 'log':
          return log(u, A);
        case 'sqrt':
          if (u[0]!.lo.lte(0)) throw new NoTaylorSeries('sqrt of a series whose value reaches 0');
          return exp(log(u, A).map((x) => A.mul(x, A.point('0.5'))), A);
        case 'abs':
          if (u[0]!.lo.gt(0)) return u;
          if (u[0]!.hi.lt(0)) return u.map((x) => A.neg(x));
          throw new NoTaylorSeries('abs of a series whose value changes sign');
        default:
          throw new NoTaylorSeries(`${name} has no Taylor series here`);
      }
    }
    default:
      throw new NoTaylorSeries(`unexpected node type ${node.type}`);
  }
}

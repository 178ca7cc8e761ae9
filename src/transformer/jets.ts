/**
 * Interval automatic differentiation of order two for one-variable expressions `g(t)`: encloses
 * `g`, `g'` and `g''` over an interval of `t` (forward mode, one jet `(v, v', v'')` per node).
 *
 * Method: the chain rule on enclosures, e.g. `(uv)'' = u''v + 2u'v' + uv''`,
 * `(sin u)'' = −sin(u)·u'² + cos(u)·u''`, `(√u)' = u'/(2√u)`. Where a derivative does not exist on the
 * whole interval (at a kink of `abs`, `max`, `min`, or where `√u`, `log u`, `u^α` reach 0) it is
 * reported as `undefined` (unknown) instead of a wrong value; for `abs`, `max`, `min` the first
 * derivative is replaced by the hull of the one-sided derivatives, which is a valid Lipschitz bound
 * (Clarke's generalized derivative) since the functions are piecewise smooth. Each enclosure has the
 * inclusion property of `src/arith/interval.ts`.
 */
import type { MathNode } from 'mathjs';
import { ExactDecimal } from '../arith/context.ts';
import { ArithmeticDomainError, type Arith, type Interval } from '../arith/interval.ts';

/** Enclosures of `g`, `g'`, `g''` over an interval (`undefined`: no bound available). */
export interface Jet {
  readonly v: Interval;
  readonly d1: Interval | undefined;
  readonly d2: Interval | undefined;
}

type Node = MathNode & Record<string, unknown>;

function lift2(f: (a: Interval, b: Interval) => Interval, a: Interval | undefined, b: Interval | undefined): Interval | undefined {
  return a === undefined || b === undefined ? undefined : f(a, b);
}

function finiteOrUndefined(x: Interval | undefined): Interval | undefined {
  return x !== undefined && x.lo.isFinite() && x.hi.isFinite() ? x : undefined;
}

/** Encloses `g`, `g'`, `g''` for `t` in `T`; `node` is a parsed expression in the single variable `variable`. */
export function jetOf(node: MathNode, variable: string, T: Interval, A: Arith): Jet {
  const zero = A.point(0);
  const n = node as Node;
  const constant = (v: Interval): Jet => ({ v, d1: zero, d2: zero });
  switch (node.type) {
    case 'ConstantNode':
      return constant(A.point(new ExactDecimal(String(n.value))));
    case 'SymbolNode': {
      const name = n.name as string;
      if (name === variable) return { v: T, d1: A.point(1), d2: zero };
      if (name === 'pi') return constant(A.pi());
      if (name === 'e') return constant(A.exp(A.point(1)));
      throw new RangeError(`jetOf: unknown symbol ${name}`);
    }
    case 'ParenthesisNode':
      return jetOf(n.content as MathNode, variable, T, A);
    case 'OperatorNode': {
      const args = (n.args as MathNode[]).map((a) => jetOf(a, variable, T, A));
      const [a, b] = args as [Jet, Jet | undefined];
      switch (n.fn as string) {
        case 'unaryPlus':
          return a;
        case 'unaryMinus':
          return { v: A.neg(a.v), d1: a.d1 && A.neg(a.d1), d2: a.d2 && A.neg(a.d2) };
        case 'add':
          return { v: A.add(a.v, b!.v), d1: lift2((x, y) => A.add(x, y), a.d1, b!.d1), d2: lift2((x, y) => A.add(x, y), a.d2, b!.d2) };
        case 'subtract':
          return { v: A.sub(a.v, b!.v), d1: lift2((x, y) => A.sub(x, y), a.d1, b!.d1), d2: lift2((x, y) => A.sub(x, y), a.d2, b!.d2) };
        case 'multiply':
          return product(a, b!, A);
        case 'divide':
          return product(a, reciprocal(b!, A), A);
        default:
          return power(a, b!, n.args as MathNode[], A);
      }
    }
    case 'FunctionNode': {
      const name = (n.fn as Node).name as string;
      const args = (n.args as MathNode[]).map((a) => jetOf(a, variable, T, A));
      return call(name, args, A);
    }
    default:
      throw new RangeError(`jetOf: unexpected node type ${node.type}`);
  }
}

function product(a: Jet, b: Jet, A: Arith): Jet {
  const d1 = a.d1 === undefined || b.d1 === undefined ? undefined : A.add(A.mul(a.d1, b.v), A.mul(a.v, b.d1));
  const d2 =
    a.d1 === undefined || b.d1 === undefined || a.d2 === undefined || b.d2 === undefined
      ? undefined
      : A.add(A.add(A.mul(a.d2, b.v), A.scale(A.mul(a.d1, b.d1), 2)), A.mul(a.v, b.d2));
  return { v: A.mul(a.v, b.v), d1, d2 };
}

/** `1/u`: `(1/u)' = −u'/u²`, `(1/u)'' = 2u'²/u³ − u''/u²`. */
function reciprocal(u: Jet, A: Arith): Jet {
  if (u.v.lo.lte(0) && u.v.hi.gte(0)) throw new ArithmeticDomainError('division (the divisor enclosure contains 0)', u.v);
  const one = A.point(1);
  const r = A.div(one, u.v);
  const r2 = A.mul(r, r);
  const d1 = u.d1 && A.neg(A.mul(u.d1, r2));
  const d2 = u.d1 === undefined || u.d2 === undefined ? undefined : A.sub(A.scale(A.mul(A.mul(u.d1, u.d1), A.mul(r2, r)), 2), A.mul(u.d2, r2));
  return { v: r, d1, d2 };
}

/** Chain rule for `f(u)` with enclosures `f1 = f'(u)`, `f2 = f''(u)`. */
function chain(u: Jet, v: Interval, f1: Interval | undefined, f2: Interval | undefined, A: Arith): Jet {
  const d1 = f1 === undefined || u.d1 === undefined ? undefined : A.mul(f1, u.d1);
  const d2 =
    f1 === undefined || f2 === undefined || u.d1 === undefined || u.d2 === undefined
      ? undefined
      : A.add(A.mul(f2, A.mul(u.d1, u.d1)), A.mul(f1, u.d2));
  return { v, d1: finiteOrUndefined(d1), d2: finiteOrUndefined(d2) };
}

function power(a: Jet, b: Jet, argNodes: MathNode[], A: Arith): Jet {
  const exponentIsConstant = b.d1 !== undefined && b.d1.isPoint && b.d1.lo.isZero() && b.d2 !== undefined && b.d2.lo.isZero() && b.v.isPoint;
  if (!exponentIsConstant) {
    // u^w = exp(w·ln u)
    const lnU = call('log', [a], A);
    return call('exp', [product(b, lnU, A)], A);
  }
  void argNodes;
  const k = b.v.lo;
  if (k.isInteger() && k.abs().lte(1_000_000)) {
    const kn = k.toNumber();
    if (kn < 0) return power(reciprocal(a, A), { v: A.point(-kn), d1: A.point(0), d2: A.point(0) }, argNodes, A);
    if (kn === 0) return { v: A.point(1), d1: A.point(0), d2: A.point(0) };
    const v = A.powInt(a.v, kn);
    const f1 = A.scale(A.powInt(a.v, kn - 1), kn);
    const f2 = kn >= 2 ? A.scale(A.powInt(a.v, kn - 2), kn * (kn - 1)) : A.point(0);
    return chain(a, v, f1, f2, A);
  }
  // real exponent α: u^α for u ≥ 0; derivatives need u > 0
  const v = A.pow(a.v, b.v);
  if (!a.v.lo.gt(0)) return { v, d1: undefined, d2: undefined };
  const f1 = A.mul(b.v, A.pow(a.v, A.sub(b.v, A.point(1))));
  const f2 = A.mul(A.mul(b.v, A.sub(b.v, A.point(1))), A.pow(a.v, A.sub(b.v, A.point(2))));
  return chain(a, v, f1, f2, A);
}

function call(name: string, args: Jet[], A: Arith): Jet {
  const u = args[0]!;
  switch (name) {
    case 'sin': {
      const s = A.sin(u.v);
      const c = A.cos(u.v);
      return chain(u, s, c, A.neg(s), A);
    }
    case 'cos': {
      const s = A.sin(u.v);
      const c = A.cos(u.v);
      return chain(u, c, A.neg(s), A.neg(c), A);
    }
    case 'exp': {
      const e = A.exp(u.v);
      if (!e.hi.isFinite()) throw new ArithmeticDomainError('exp (overflow)', u.v);
      return chain(u, e, e, e, A);
    }
    case 'log': {
      if (u.v.lo.lte(0)) throw new ArithmeticDomainError('log (the argument enclosure reaches 0 or below)', u.v);
      const r = A.div(A.point(1), u.v);
      return chain(u, A.ln(u.v), r, A.neg(A.mul(r, r)), A);
    }
    case 'sqrt': {
      const s = A.sqrt(u.v);
      if (!u.v.lo.gt(0)) return { v: s, d1: undefined, d2: undefined };
      const f1 = A.div(A.point('0.5'), s);
      const f2 = A.neg(A.div(A.point('0.25'), A.mul(s, u.v)));
      return chain(u, s, f1, f2, A);
    }
    case 'abs': {
      if (u.v.lo.gte(0)) return u;
      if (u.v.hi.lte(0)) return { v: A.neg(u.v), d1: u.d1 && A.neg(u.d1), d2: u.d2 && A.neg(u.d2) };
      const d1 = u.d1 && A.hull(u.d1, A.neg(u.d1));
      return { v: A.abs(u.v), d1, d2: undefined };
    }
    case 'max':
    case 'min':
      return args.slice(1).reduce((acc, b) => extremum(name, acc, b, A), u);
    default:
      throw new RangeError(`jetOf: unexpected function ${name}`);
  }
}

function extremum(name: 'max' | 'min', a: Jet, b: Jet, A: Arith): Jet {
  const aBelow = a.v.hi.lte(b.v.lo);
  const bBelow = b.v.hi.lte(a.v.lo);
  if (name === 'max' ? bBelow : aBelow) return a;
  if (name === 'max' ? aBelow : bBelow) return b;
  const v = name === 'max' ? A.max(a.v, b.v) : A.min(a.v, b.v);
  const d1 = a.d1 === undefined || b.d1 === undefined ? undefined : A.hull(a.d1, b.d1);
  return { v, d1, d2: undefined };
}

/** `sup |x|` over an enclosure. */
export function magnitude(x: Interval): Interval['hi'] {
  const a = x.lo.abs();
  const b = x.hi.abs();
  return a.gt(b) ? a : b;
}

#!/usr/bin/env python3
"""Independent reference for lemma piecewise-constant, used by src/piecewise/reference.test.ts.

Reads the JSON Lines that `uat check` reads ({"claim": "piecewise-constant/<claim>", "args": {...}})
on stdin and writes one JSON line per input line: {"verdict": ..., "lhs": "...", "bound": "..."}
with lhs and bound to 40 significant digits.

Method, written apart from the TypeScript engine (no interval arithmetic, no ReLU network):
- Grid: Python Fractions. The cell of x is floor((x - a) N / (b - a)), clamped to N - 1 (the last cell
  is closed); the centre is a + (k + 1/2)(b - a)/N.
- Target: the expression (mathjs syntax: only + - * / ^, sin cos exp log sqrt abs max min, pi, e)
  is evaluated with Python's own parser twice: with Fractions when it is rational (so ties are exact),
  and in mpmath at 60 digits otherwise. Library families are written out here from their
  definitions.
- Grid for an accuracy: N(eps) from its definition, the least N with omega((b - a)/(2N)) <= eps, found
  by comparing C^P t^Q with eps^P in Fractions (alpha = Q/P), starting from an mpmath estimate.
- Quantiser: q(x) = a + delta * sum_k s(x - x_k) with s(t) = min(1, max(0, t/eta)), in Fractions.
- Quantised centre: f read at q(x) + delta/2, with q as above.
- Transition zones: the union of the intervals [x_k, x_k + eta) inside [a, b], merged, over (b - a);
  then 1 - (1 - p)^m.
Inputs are assumed well formed (the test sends well-formed probes only).
"""
import ast
import json
import math
import sys
from fractions import Fraction as Q

from mpmath import mp, mpf, nstr

mp.dps = 60


def frac(text):
    return Q(str(text))


def to_mpf(r):
    return mpf(r.numerator) / mpf(r.denominator)


# ---- expressions -------------------------------------------------------------------------------

class NotRational(Exception):
    pass


def evaluate(node, env, exact):
    """Evaluates a Python AST of the expression; exact=True uses Fractions (raises NotRational)."""
    if isinstance(node, ast.Expression):
        return evaluate(node.body, env, exact)
    if isinstance(node, ast.Constant):
        return Q(str(node.value)) if exact else mpf(str(node.value))
    if isinstance(node, ast.Name):
        if node.id in env:
            return env[node.id] if exact else to_mpf(env[node.id])
        if exact:
            raise NotRational(node.id)
        return {'pi': mp.pi, 'e': mp.e}[node.id]
    if isinstance(node, ast.UnaryOp):
        v = evaluate(node.operand, env, exact)
        return -v if isinstance(node.op, ast.USub) else v
    if isinstance(node, ast.BinOp):
        x = evaluate(node.left, env, exact)
        y = evaluate(node.right, env, exact)
        op = type(node.op)
        if op is ast.Add:
            return x + y
        if op is ast.Sub:
            return x - y
        if op is ast.Mult:
            return x * y
        if op is ast.Div:
            return x / y
        if op is ast.Pow:
            if exact and (y.denominator != 1):
                raise NotRational('pow')
            return x ** int(y) if exact else mp.power(x, y)
    if isinstance(node, ast.Call):
        name = node.func.id
        args = [evaluate(a, env, exact) for a in node.args]
        if name == 'abs':
            return abs(args[0])
        if name == 'max':
            return max(args)
        if name == 'min':
            return min(args)
        if exact:
            raise NotRational(name)
        return {'sin': mp.sin, 'cos': mp.cos, 'exp': mp.exp, 'log': mp.log, 'sqrt': mp.sqrt}[name](args[0])
    raise ValueError(f'unexpected node {ast.dump(node)}')


def expression_function(text, names):
    tree = ast.parse(text.replace('^', '**'), mode='eval')

    def f(point):
        env = dict(zip(names, point))
        try:
            return ('exact', evaluate(tree, env, True))
        except NotRational:
            return ('real', evaluate(tree, env, False))
    return f


# ---- library families --------------------------------------------------------------------------

def library_function(spec, m):
    fam = spec['family']
    if fam == 'sin':
        k = mpf(spec['k'])
        return lambda x: ('real', mp.sin(k * to_mpf(x[0])))
    if fam == 'abs-shift':
        c = frac(spec['c'])
        return lambda x: ('exact', abs(x[0] - c))
    if fam == 'sqrt-abs':
        c = frac(spec['c'])
        return lambda x: ('real', mp.sqrt(to_mpf(abs(x[0] - c))))
    if fam == 'max-coordinate':
        return lambda x: ('exact', max(x))
    if fam == 'coordinate-sum':
        return lambda x: ('exact', sum(x))
    if fam == 'distance-inf':
        c = frac(spec['c'])
        return lambda x: ('exact', max(abs(v - c) for v in x))
    if fam == 'sin-of-sum':
        k = mpf(spec['k'])
        return lambda x: ('real', mp.sin(k * to_mpf(sum(x))))
    raise ValueError(f'family {fam} is not in the reference')


def library_modulus(spec, m):
    """The modulus each family's definition gives (written here, not read from the library)."""
    fam = spec['family']
    if fam == 'sin':
        return ('lipschitz', abs(frac(spec['k'])), None)
    if fam in ('abs-shift', 'max-coordinate', 'distance-inf'):
        return ('lipschitz', Q(1), None)
    if fam == 'coordinate-sum':
        return ('lipschitz', Q(m), None)
    if fam == 'sin-of-sum':
        return ('lipschitz', abs(frac(spec['k'])) * m, None)
    if fam == 'sqrt-abs':
        return ('holder', Q(1), Q(1, 2))
    raise ValueError(fam)


def target_of(args, m):
    names = ['x'] if m == 1 else [f'x{i + 1}' for i in range(m)]
    if 'f' in args:
        f = expression_function(args['f'], names)
    else:
        f = library_function(args['target'], m)
    if 'lipschitz' in args:
        modulus = ('lipschitz', frac(args['lipschitz']), None)
    elif 'holder' in args:
        modulus = ('holder', frac(args['holder']['C']), frac(args['holder']['alpha']))
    else:
        modulus = library_modulus(args['target'], m)
    return f, modulus


def omega(modulus, t):
    """omega(t): a Fraction when rational, else an mpf."""
    kind, c, alpha = modulus
    if kind == 'lipschitz' or alpha == 1:
        return c * t
    return to_mpf(c) * mp.power(to_mpf(t), to_mpf(alpha))


# ---- grid --------------------------------------------------------------------------------------

def cell(a, b, n, x):
    k = math.floor((x - a) * n / (b - a))
    return min(k, n - 1)


def centre(a, b, n, x):
    return a + (cell(a, b, n, x) + Q(1, 2)) * (b - a) / n


def difference(f, x, y):
    kx, fx = f(x)
    ky, fy = f(y)
    if kx == 'exact' and ky == 'exact':
        return abs(fx - fy)
    fx = to_mpf(fx) if kx == 'exact' else fx
    fy = to_mpf(fy) if ky == 'exact' else fy
    return abs(fx - fy)


def compare(lhs, bound):
    if isinstance(lhs, Q) and isinstance(bound, Q):
        return 'holds' if lhs <= bound else 'violated'
    l = to_mpf(lhs) if isinstance(lhs, Q) else lhs
    r = to_mpf(bound) if isinstance(bound, Q) else bound
    if abs(l - r) <= mpf(10) ** -50 * max(abs(r), mpf(1)):
        return 'undecided'
    return 'holds' if l <= r else 'violated'


def text(v):
    if isinstance(v, Q):
        v = to_mpf(v)
    return nstr(v, 40, strip_zeros=True, min_fixed=-30, max_fixed=30)


def cells_for_accuracy(modulus, a, b, eps):
    kind, c, alpha = modulus
    h = (b - a) / 2
    if kind == 'lipschitz' or alpha == 1:
        return max(1, math.ceil(h * c / eps))
    # omega(h/N) <= eps  <=>  C^P (h/N)^Q <= eps^P  for alpha = Q/P
    P, Qn = alpha.denominator, alpha.numerator
    ok = lambda n: c ** P * (h / n) ** Qn <= eps ** P
    n = max(1, int(mp.ceil(to_mpf(h) * mp.power(to_mpf(c / eps), 1 / to_mpf(alpha)))))
    while n > 1 and ok(n - 1):
        n -= 1
    while not ok(n):
        n += 1
    return n


def point_of(args):
    x = args['x']
    return [frac(v) for v in (x if isinstance(x, list) else [x])]


def decide(claim, args):
    a, b = frac(args['a']), frac(args['b'])
    x = point_of(args) if 'x' in args else None
    if claim in ('modulus', 'lipschitz', 'grid-for-epsilon'):
        m = len(x)
        f, modulus = target_of(args, m)
        if any(v < a or v > b for v in x):
            return {'verdict': 'inapplicable'}
        if claim == 'lipschitz' and modulus[0] != 'lipschitz':
            return {'verdict': 'inapplicable'}
        if claim == 'grid-for-epsilon':
            eps = frac(args['epsilon'])
            n = cells_for_accuracy(modulus, a, b, eps)
            bound = eps
        else:
            n = int(args['N'])
            bound = omega(modulus, (b - a) / (2 * n))
        c = [centre(a, b, n, v) for v in x]
        lhs = difference(f, x, c)
        return {'verdict': compare(lhs, bound), 'lhs': text(lhs), 'bound': text(bound)}
    if claim in ('quantised-centre', 'quantised-centre-wide-ramps'):
        m = len(x)
        f, modulus = target_of(args, m)
        n, eta = int(args['N']), frac(args['eta'])
        delta = (b - a) / n
        if any(v < a or v > b for v in x) or (claim == 'quantised-centre' and eta > delta):
            return {'verdict': 'inapplicable'}
        interior = [a + k * delta for k in range(1, n)]
        ramp = lambda t: min(Q(1), max(Q(0), t / eta))
        read_at = [a + delta * sum(ramp(v - g) for g in interior) + delta / 2 for v in x]
        lhs = difference(f, x, read_at)
        bound = omega(modulus, delta / 2)
        return {'verdict': compare(lhs, bound), 'lhs': text(lhs), 'bound': text(bound)}
    if claim in ('relu-step', 'relu-step-near-grid'):
        n, eta = int(args['N']), frac(args['eta'])
        if any(v < a or v > b for v in x):
            return {'verdict': 'inapplicable'}
        delta = (b - a) / n
        interior = [a + k * delta for k in range(1, n)]
        if claim == 'relu-step' and any(abs(v - g) < eta for v in x for g in interior):
            return {'verdict': 'inapplicable'}
        ramp = lambda t: min(Q(1), max(Q(0), t / eta))
        miss = max(abs(a + delta * sum(ramp(v - g) for g in interior) - (a + cell(a, b, n, v) * delta)) for v in x)
        return {'verdict': 'holds' if miss == 0 else 'violated', 'lhs': text(miss), 'bound': '0'}
    if claim == 'transition-zones':
        n, eta, m = int(args['N']), frac(args['eta']), int(args.get('m', 1))
        delta = (b - a) / n
        zones = sorted((a + k * delta, min(b, a + k * delta + eta)) for k in range(1, n))
        covered, end = Q(0), a
        for lo, hi in zones:
            lo = max(lo, end)
            if hi > lo:
                covered += hi - lo
                end = hi
        p = covered / (b - a)
        fraction = 1 - (1 - p) ** m
        return {'verdict': 'holds' if fraction == 0 else 'violated', 'lhs': text(fraction), 'bound': '0'}
    raise ValueError(f'claim {claim} is not in the reference')


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        probe = json.loads(line)
        claim = probe['claim'].split('/', 1)[1]
        print(json.dumps(decide(claim, probe['args'])), flush=True)


if __name__ == '__main__':
    main()

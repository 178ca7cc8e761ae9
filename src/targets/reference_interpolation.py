"""Independent reference for lemma relu-partition-of-unity, in mpmath at 60 digits.

Reads a JSON list of cases on stdin and writes a JSON list of results on stdout. Hats are the
closed form max(0, 1 - |x - x_k|/h), never the ReLU network; f is evaluated by mpmath from a
Python formula written independently of the mathjs text the companion parses (decimal
constants as mpf('…') strings, never Python floats).

Case kinds:
  interpolation  {a, b, N, x, py, bound: half|full|c2, lipschitz | holder{C,alpha} | M}
  sum            {a, b, N, x}
  pair           {x, y, py, lipschitz | holder{C,alpha}}
Result: {lhs, bound, verdict} with verdict holds | violated | tight (|bound - lhs| below 1e-45 relative to max(|lhs|, |bound|, 1)).
"""
import json
import sys

from mpmath import mp, mpf

mp.dps = 60
NAMES = {"sin": mp.sin, "cos": mp.cos, "exp": mp.exp, "log": mp.log, "sqrt": mp.sqrt, "abs": abs, "max": max, "min": min, "pi": mp.pi, "e": mp.e, "mpf": mpf}


def f_of(py):
    return lambda x: eval(py, {"__builtins__": {}}, {**NAMES, "x": x})  # test-owned formulas only


def omega(case, t):
    if "lipschitz" in case:
        return mpf(case["lipschitz"]) * t
    h = case["holder"]
    return mpf(h["C"]) * t ** mpf(h["alpha"]) if t > 0 else mpf(0)


def hats(a, b, n, x):
    h = (b - a) / n
    return h, [(a + k * h, max(mpf(0), 1 - abs(x - (a + k * h)) / h)) for k in range(n + 1)]


def verdict(lhs, bound):
    scale = max(abs(lhs), abs(bound), mpf(1))
    if abs(bound - lhs) <= scale * mpf(10) ** -45:
        return "tight"
    return "holds" if lhs < bound else "violated"


def run(case):
    kind = case["kind"]
    if kind == "pair":
        f = f_of(case["py"])
        x, y = mpf(case["x"]), mpf(case["y"])
        lhs, bound = abs(f(x) - f(y)), omega(case, abs(x - y))
    else:
        a, b, n, x = mpf(case["a"]), mpf(case["b"]), int(case["N"]), mpf(case["x"])
        h, nodes = hats(a, b, n, x)
        if kind == "sum":
            lhs, bound = abs(sum(p for _, p in nodes) - 1), mpf(0)
        else:
            f = f_of(case["py"])
            lhs = abs(f(x) - sum(f(xk) * p for xk, p in nodes if p != 0))
            if case["bound"] == "c2":
                bound = h * h * mpf(case["M"]) / 8
            else:
                bound = omega(case, h / 2 if case["bound"] == "half" else h)
    return {"lhs": mp.nstr(lhs, 30), "bound": mp.nstr(bound, 30), "verdict": verdict(lhs, bound)}


json.dump([run(c) for c in json.load(sys.stdin)], sys.stdout)

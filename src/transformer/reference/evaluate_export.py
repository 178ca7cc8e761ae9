#!/usr/bin/env python3
"""Independent evaluator of a `uat-transformer/1` export, using only the JSON and mpmath.

Reads the weights, evaluates T(X) exactly as the format specifies
    e_i = embed . x_i + positions[i]
    score_ij = (query . e_i) . (key . e_j)          (no implicit scaling)
    a_i = softmax_j(score_i)
    c_i = e_i + sum_heads output . sum_j a_ij (value . e_j)
    T(X)_i = w2 . ReLU(w1 . c_i + b1) + b2
at 50 significant digits, and compares it with the target `claim.target` (an expression in x1..xn
and i, mathjs syntax restricted to numbers, + - * / ^, sin cos exp log sqrt abs max min, pi, e),
parsed with Python's `ast` and evaluated by a whitelist walker (never eval).

Usage: evaluate_export.py EXPORT.json [--samples N] [--seed S]
Prints one JSON line {"samples", "max_error", "epsilon", "worst_X", "worst_token", "within"}; exit 0 when
every checked input is within epsilon (with a 1e-30 allowance for the 50-digit arithmetic), 1 otherwise,
2 on a malformed export or target.
"""
import ast
import json
import random
import sys

from mpmath import mp, mpf

mp.dps = 50

FUNCTIONS = {
    "sin": lambda a: mp.sin(a[0]),
    "cos": lambda a: mp.cos(a[0]),
    "exp": lambda a: mp.exp(a[0]),
    "log": lambda a: mp.log(a[0]),
    "sqrt": lambda a: mp.sqrt(a[0]),
    "abs": lambda a: abs(a[0]),
    "max": lambda a: max(a),
    "min": lambda a: min(a),
}


def evaluate_target(tree, env):
    """Whitelist walker over a Python AST of the target expression."""
    if isinstance(tree, ast.Expression):
        return evaluate_target(tree.body, env)
    if isinstance(tree, ast.Constant) and isinstance(tree.value, (int, float)):
        return mpf(repr(tree.value)) if isinstance(tree.value, float) else mpf(tree.value)
    if isinstance(tree, ast.Name):
        if tree.id in env:
            return env[tree.id]
        if tree.id == "pi":
            return +mp.pi
        if tree.id == "e":
            return mp.e
        raise ValueError(f"unknown symbol {tree.id}")
    if isinstance(tree, ast.UnaryOp) and isinstance(tree.op, (ast.USub, ast.UAdd)):
        v = evaluate_target(tree.operand, env)
        return -v if isinstance(tree.op, ast.USub) else v
    if isinstance(tree, ast.BinOp):
        a = evaluate_target(tree.left, env)
        b = evaluate_target(tree.right, env)
        if isinstance(tree.op, ast.Add):
            return a + b
        if isinstance(tree.op, ast.Sub):
            return a - b
        if isinstance(tree.op, ast.Mult):
            return a * b
        if isinstance(tree.op, ast.Div):
            return a / b
        if isinstance(tree.op, ast.Pow):
            return a**b
    if isinstance(tree, ast.Call) and isinstance(tree.func, ast.Name) and tree.func.id in FUNCTIONS and not tree.keywords:
        return FUNCTIONS[tree.func.id]([evaluate_target(a, env) for a in tree.args])
    raise ValueError(f"unsupported expression part {ast.dump(tree)}")


def parse_target(text):
    # decimal literals are read as exact strings: turn them into strings mpf reads exactly at 50 digits
    return ast.parse(text.replace("^", "**"), mode="eval")


def matvec(m, v):
    return [sum((w * x for w, x in zip(row, v)), mpf(0)) for row in m]


def evaluate_transformer(W, X):
    n = W["tokens"]
    e = [[a + p for a, p in zip(matvec(W["embed"], x), W["positions"][i])] for i, x in enumerate(X)]
    c = [list(row) for row in e]
    for head in W["heads"]:
        q = [matvec(head["query"], ei) for ei in e]
        k = [matvec(head["key"], ej) for ej in e]
        v = [matvec(head["value"], ej) for ej in e]
        for i in range(n):
            scores = [sum((a * b for a, b in zip(q[i], k[j])), mpf(0)) for j in range(n)]
            top = max(scores)
            weights = [mp.exp(s - top) for s in scores]
            total = sum(weights)
            a = [w / total for w in weights]
            mixed = [sum((a[j] * v[j][col] for j in range(n)), mpf(0)) for col in range(len(v[0]))]
            written = matvec(head["output"], mixed)
            c[i] = [x + y for x, y in zip(c[i], written)]
    ffn = W["ffn"]
    out = []
    for ci in c:
        hidden = [max(z + b, mpf(0)) for z, b in zip(matvec(ffn["w1"], ci), ffn["b1"])]
        out.append([y + b for y, b in zip(matvec(ffn["w2"], hidden), ffn["b2"])])
    return out


def to_mpf(obj):
    if isinstance(obj, list):
        return [to_mpf(o) for o in obj]
    if isinstance(obj, str):
        return mpf(obj)
    return obj


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    path = argv[1]
    samples = int(argv[argv.index("--samples") + 1]) if "--samples" in argv else 200
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 1
    with open(path, encoding="utf-8") as f:
        raw = json.load(f)
    if raw.get("format") != "uat-transformer/1" or raw.get("dim") != 1 or raw.get("outDim") != 1:
        print("evaluate_export: expected format uat-transformer/1 with dim = outDim = 1", file=sys.stderr)
        return 2
    W = {k: to_mpf(v) if k in ("embed", "positions") else v for k, v in raw.items()}
    W["heads"] = [{k: to_mpf(v) for k, v in h.items()} for h in raw["heads"]]
    W["ffn"] = {k: to_mpf(v) for k, v in raw["ffn"].items()}
    n = raw["tokens"]
    epsilon = mpf(raw["claim"]["epsilon"])
    target = parse_target(raw["claim"]["target"])
    rng = random.Random(seed)
    inputs = [[mpf((mask >> k) & 1) for k in range(n)] for mask in range(min(1 << n, 256))]
    inputs += [[mpf(rng.randint(0, 10**7)) / 10**7 for _ in range(n)] for _ in range(samples)]
    worst = (mpf(-1), None, None)
    for X in inputs:
        T = evaluate_transformer(W, [[x] for x in X])
        for i in range(n):
            env = {f"x{k + 1}": X[k] for k in range(n)}
            env["i"] = mpf(i + 1)
            err = abs(T[i][0] - evaluate_target(target, env))
            if err > worst[0]:
                worst = (err, X, i + 1)
    within = worst[0] <= epsilon + mpf("1e-30")
    print(json.dumps({
        "samples": len(inputs),
        "max_error": mp.nstr(worst[0], 12),
        "epsilon": str(raw["claim"]["epsilon"]),
        "worst_X": [mp.nstr(x, 12) for x in worst[1]],
        "worst_token": worst[2],
        "within": bool(within),
    }))
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))

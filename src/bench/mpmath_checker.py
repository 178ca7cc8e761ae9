#!/usr/bin/env python3
"""The checker a doubtful user would write with mpmath: the yardstick of `npm run bench`.

Reads the same JSON Lines as `uat check` ({"claim": "softmax-hardmax/<claim>", "args": {...}}),
computes each claim's two sides at the requested digits plus 10 guard digits (mp.dps), and prints
one line per probe: {"line", "claim", "verdict", "lhs", "bound"} with `verdict` "holds" when
lhs <= bound in mpmath floating point. No directed rounding and no error bound: this is the plain
computation a user would do, and the benchmark's point is that the certified engine is faster.

Usage: python3 src/bench/mpmath_checker.py FILE [--digits D] [--timing]
(--timing prints the in-process seconds, after the imports, on stderr)
"""
import json
import sys
import time

from mpmath import exp, log, mp, mpf, nstr


def tail(z, lam):
    """1 - p_{i*} = S/(1+S) with S = sum_{j != i*} exp(-lam (z_{i*} - z_j)), and the margin."""
    i = max(range(len(z)), key=lambda j: z[j])
    s = sum(exp(-lam * (z[i] - x)) for j, x in enumerate(z) if j != i)
    delta = z[i] - max(x for j, x in enumerate(z) if j != i)
    return s / (1 + s), delta


def sides(claim, a):
    z = [mpf(x) for x in a["z"]]
    n = len(z)
    if claim == "linf":
        t, d = tail(z, mpf(a["lambda"]))
        return t, (n - 1) * exp(-mpf(a["lambda"]) * d)
    if claim == "l1":
        t, d = tail(z, mpf(a["lambda"]))
        return 2 * t, 2 * (n - 1) * exp(-mpf(a["lambda"]) * d)
    if claim == "temperature":
        eps = mpf(a["epsilon"])
        _, d = tail(z, mpf(1))
        t, _ = tail(z, log((n - 1) / eps) / d)
        return t, eps
    if claim == "monotone":
        return tail(z, mpf(a["lambda2"]))[0], tail(z, mpf(a["lambda1"]))[0]
    raise ValueError("unknown claim " + claim)


def main():
    started = time.perf_counter()
    path = sys.argv[1]
    digits = int(sys.argv[sys.argv.index("--digits") + 1]) if "--digits" in sys.argv else 20
    mp.dps = digits + 10
    out = []
    with open(path) as f:
        for number, text in enumerate(f, 1):
            probe = json.loads(text)
            lhs, bound = sides(probe["claim"].split("/")[1], probe["args"])
            verdict = "holds" if lhs <= bound else "violated"
            out.append(json.dumps({"line": number, "claim": probe["claim"], "verdict": verdict,
                                   "lhs": nstr(lhs, digits), "bound": nstr(bound, digits)}))
    sys.stdout.write("\n".join(out) + "\n")
    if "--timing" in sys.argv:
        sys.stderr.write("in-process seconds: %.6f\n" % (time.perf_counter() - started))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Independent reference for lemma softmax-hardmax, used by src/verify/reference.test.ts.

Reads the JSON Lines that `uat check` reads ({"claim": "softmax-hardmax/<claim>", "args": {...}})
on stdin and writes one JSON line per input line: {"verdict": ..., "lhs": "...", "bound": "..."}
with lhs and bound to 40 significant digits.

Method: mpmath at a working precision of 60 significant digits plus the digits lost to cancellation
in 1 - p_{i*} (about lambda * Delta / ln 10), computing every probability DIRECTLY from its
definition p_j = e^{lambda z_j} / sum_k e^{lambda z_k} -- none of the engine's rearrangements
(weights relative to the maximiser, cancellation-free margins, interval arithmetic). Numbers are read
exactly from their decimal text (at most 60 significant digits each). The verdict is `holds` when lhs <= bound, `violated` otherwise, and
`inapplicable` outside the lemma's hypotheses (n >= 2, lambda > 0, a unique maximiser, epsilon in (0,1),
lambda1 <= lambda2). Inputs are assumed to be well formed (the test only sends well-formed probes).
"""
import json
import math
import sys

from mpmath import mp, mpf, exp, log, fabs, nstr

BASE_DIGITS = 60


def softmax(z, lam):
    """p_j = e^{lam z_j} / sum_k e^{lam z_k}, straight from the definition."""
    e = [exp(lam * zj) for zj in z]
    total = sum(e)
    return [x / total for x in e]


def first_max(z):
    best = 0
    for j in range(1, len(z)):
        if z[j] > z[best]:
            best = j
    return best


def margin(z):
    i = first_max(z)
    return z[i] - max(z[j] for j in range(len(z)) if j != i)


def tail(z, lam):
    p = softmax(z, lam)
    return 1 - p[first_max(z)]


def decide(claim, a):
    z = [mpf(x) for x in a["z"]]
    n = len(z)
    if n < 2:
        return None
    name = claim.split("/", 1)[1]
    if name in ("linf", "l1", "attention"):
        lam = mpf(a["lambda"])
        if lam <= 0 or margin(z) == 0:
            return None
        bound_term = (n - 1) * exp(-lam * margin(z))
        p = softmax(z, lam)
        i = first_max(z)
        if name == "linf":
            return max(fabs(p[j] - (1 if j == i else 0)) for j in range(n)), bound_term
        if name == "l1":
            return sum(fabs(p[j] - (1 if j == i else 0)) for j in range(n)), 2 * bound_term
        v = [[mpf(x) for x in row] for row in a["v"]]
        m = len(v[0])
        lhs = max(fabs(sum(p[j] * v[j][c] for j in range(n)) - v[i][c]) for c in range(m))
        spread = max(fabs(v[j][c] - v[i][c]) for j in range(n) for c in range(m))
        return lhs, bound_term * spread
    if name == "temperature":
        eps = mpf(a["epsilon"])
        if not (0 < eps < 1) or margin(z) == 0:
            return None
        lam = log((n - 1) / eps) / margin(z)
        return tail(z, lam), eps
    if name == "monotone":
        l1, l2 = mpf(a["lambda1"]), mpf(a["lambda2"])
        if l1 <= 0 or l1 > l2:
            return None
        return tail(z, l2), tail(z, l1)
    if name == "margin-necessary":
        lam, eps = mpf(a["lambda"]), mpf(a["epsilon"])
        if not (0 < eps < 1) or lam <= 0:
            return None
        return tail(z, lam), eps
    raise ValueError("unknown claim " + claim)


def working_digits(a):
    """60 digits plus those lost to cancellation in 1 - p_{i*} >= e^{-lambda Delta}/n: about lambda*Delta/ln 10."""
    z = sorted(float(x) for x in a["z"])
    if len(z) < 2:
        return BASE_DIGITS
    delta = z[-1] - z[-2]
    lams = [abs(float(a[k])) for k in ("lambda", "lambda1", "lambda2") if k in a]
    lam_delta = max(lams) * delta if lams else 0.0
    if "epsilon" in a and "lambda" not in a:
        # temperature: lambda * Delta = ln((n-1)/epsilon)
        eps = float(a["epsilon"])
        lam_delta = math.log((len(z) - 1) / eps) if 0 < eps < 1 else 0.0
    return BASE_DIGITS + int(lam_delta / math.log(10) + math.log10(len(z))) + 10


def main():
    out = []
    for line in sys.stdin:
        probe = json.loads(line, parse_float=str, parse_int=str)
        args = probe["args"]
        mp.dps = working_digits(args)
        result = decide(probe["claim"], args)
        if result is None:
            out.append({"verdict": "inapplicable"})
            continue
        lhs, bound = result
        out.append({"verdict": "holds" if lhs <= bound else "violated", "lhs": nstr(lhs, 40, min_fixed=-1, max_fixed=-1), "bound": nstr(bound, 40, min_fixed=-1, max_fixed=-1)})
    sys.stdout.write("".join(json.dumps(o) + "\n" for o in out))


if __name__ == "__main__":
    main()

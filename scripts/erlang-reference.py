#!/usr/bin/env python3
"""Independent Erlang C / Erlang A reference figures for Tests/LoadSimTests/ErlangTests.swift.

Erlang C: scipy.stats.poisson (P(wait) from the Poisson pmf/cdf identity).
Erlang A: the M/M/c+M generator matrix solved with numpy.linalg (stationary law), and the
tagged caller's absorbing chain pushed through scipy.linalg.expm for P(served within t).
A different method from the Swift code (recurrences, log weights, uniformization) on purpose.
Run: python3 scripts/erlang-reference.py
"""
import numpy as np
from scipy.linalg import expm
from scipy.stats import poisson


def erlang_c(lam, h, c, t):
    a = lam * h
    # C(c, a) = P[N=c] / (P[N=c] + (1 - a/c) P[N<c])  with N ~ Poisson(a)
    pc = poisson.pmf(c, a)
    below = poisson.cdf(c - 1, a)
    pw = pc / (pc + (1 - a / c) * below)
    sl = 1 - pw * np.exp(-(c - a) * t / h)
    asa = pw * h / (c - a)
    return dict(pw=pw, sl=sl, asa=asa, occ=a / c)


def erlang_a(lam, h, c, patience, t, extra=400):
    mu, th = 1 / h, 1 / patience
    n = c + extra
    q = np.zeros((n + 1, n + 1))
    for i in range(n + 1):
        if i < n:
            q[i, i + 1] = lam
        if i > 0:
            q[i, i - 1] = min(i, c) * mu + max(i - c, 0) * th
        q[i, i] = -q[i].sum()
    a = np.vstack([q.T, np.ones(n + 1)])
    b = np.zeros(n + 2); b[-1] = 1
    pi = np.linalg.lstsq(a, b, rcond=None)[0]
    p_nowait = pi[:c].sum()
    # tagged caller: states 0..K = callers ahead, then served (K+1), abandoned (K+2)
    k = n - c
    g = np.zeros((k + 3, k + 3))
    for j in range(k + 1):
        down = c * mu + j * th
        if j == 0:
            g[0, k + 1] = down
        else:
            g[j, j - 1] = down
        g[j, k + 2] = th
        g[j, j] = -(down + th)
    start = np.zeros(k + 3); start[:k + 1] = pi[c:c + k + 1]
    served_by_t = (start @ expm(g * t))[k + 1]
    served_ever = sum(pi[c + j] * c * mu / (c * mu + (j + 1) * th) for j in range(k + 1))
    # E[W; served] = start . N . v with N = (-G_TT)^-1 and v = N . (rates into served)
    gtt = g[:k + 1, :k + 1]
    to_served = g[:k + 1, k + 1]
    v = np.linalg.solve(-gtt, to_served)
    w = start[:k + 1] @ np.linalg.solve(-gtt, v)
    busy = sum(min(i, c) * pi[i] for i in range(n + 1))
    return dict(pw=1 - p_nowait, sl=p_nowait + served_by_t, asa=w / (p_nowait + served_ever),
                ab=1 - p_nowait - served_ever, ab_little=th * sum(max(i - c, 0) * pi[i] for i in range(n + 1)) / lam,
                occ=busy / c)


if __name__ == "__main__":
    print("C 1000/h 120s 40 agents 20s", erlang_c(1000 / 3600, 120, 40, 20))
    print("C 360/h 300s 35 agents 20s", erlang_c(360 / 3600, 300, 35, 20))
    print("C 6000/h 300s 520 agents 20s", erlang_c(6000 / 3600, 300, 520, 20))
    print("A 1000/h 120s 30 agents pat 60s 20s", erlang_a(1000 / 3600, 120, 30, 60, 20))
    print("A 360/h 300s 28 agents pat 120s 20s", erlang_a(360 / 3600, 300, 28, 120, 20))
    print("A 100/h 180s 4 agents pat 90s 30s", erlang_a(100 / 3600, 180, 4, 90, 30))

"""Truth models of the s25a_ entries (a held-out set: a Q&A note's expectation of the inverted
dropout mask, a Q&A page's Beta mean and variance through the Beta function, a course page's
geometric mean and variance by power series, a Stack Exchange answer's alpha -> 1 limit of the
Renyi entropy by L'Hopital, lecture notes' derivative of an exponential family's log-normaliser).
Beta integrals by mpmath's tanh-sinh quadrature (endpoint singularities for shapes below 1),
series truncated far past their tail, limits by symmetric evaluation around alpha = 1, the
exponential family on a random finite set of points (counting measure), derivatives by the
complex step."""

from __future__ import annotations

import math
from functools import lru_cache

import mpmath
import numpy as np

from .base import Model, Step, chain, tight, dc

LOG = np.log
EXP = np.exp
G = math.gamma


# ------------------------------------------------------------------ inverted dropout mask (Q&A note)

def _dropout():
    def sample(rng):
        return {"p": rng.uniform(0.05, 0.95), "x": rng.normal(0, 2.0)}
    P, X = (lambda e: e["p"]), (lambda e: e["x"])

    def E(e, g):
        """E over B ~ Bernoulli(1 - p) of g(mask), mask = B / (1 - p)."""
        return (1 - P(e)) * g(1 / (1 - P(e))) + P(e) * g(0.0)
    rows = {
        "Em": lambda e: E(e, lambda m: m),
        "r1": lambda e: (1 - P(e)) / (1 - P(e)),
        "one": lambda e: 1.0,
        "Eim": lambda e: E(e, lambda m: X(e) * m),
        "inp": lambda e: X(e),
    }
    steps = tight(chain(["Em", ("=", "r1"), ("=", "one")]) + [Step("=", "Eim", "inp")], 1e-12)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: P(e) / (1 - P(e))},
            {"one": lambda e: 1 - P(e)},
            {"inp": lambda e: (1 - P(e)) * X(e)},
            {"Em": lambda e: E(e, lambda m: m ** 2)},
        ],
        lookalikes=[{}, {"Eim": lambda e: E(e, lambda m: m * X(e))}])


# ------------------------------------------------------------------ Beta mean and variance (newbe.dev)

@lru_cache(maxsize=None)
def _quad(power, a, b):
    """int_0^1 x^power x^(a-1) (1-x)^(b-1) dx."""
    with mpmath.workdps(30):
        a, b = mpmath.mpf(a), mpmath.mpf(b)
        return float(mpmath.quad(lambda t: t ** (power + a - 1) * (1 - t) ** (b - 1), [0, 0.5, 1]))


def _beta():
    def sample(rng):
        return {"a": float(rng.uniform(0.3, 5.0)), "b": float(rng.uniform(0.3, 5.0))}
    A, Bb = (lambda e: e["a"]), (lambda e: e["b"])
    Bint = lambda a, b: _quad(0, a, b)                       # the define: B(a, b) as an integral
    Gr = lambda e: G(A(e)) * G(Bb(e)) / G(A(e) + Bb(e))
    mom = lambda e, k: _quad(k, A(e), Bb(e)) / Bint(A(e), Bb(e))    # E[X^k] under Beta(a, b)
    var = lambda e: mom(e, 2) - mom(e, 1) ** 2
    cst = lambda e: G(A(e) + Bb(e)) / (G(A(e)) * G(Bb(e)))
    s = lambda e: A(e) + Bb(e)
    rows = {
        "B": lambda e: Bint(A(e), Bb(e)), "Gr": Gr,
        "EX": lambda e: mom(e, 1),
        "r1": lambda e: _quad(1, A(e), Bb(e)) / Bint(A(e), Bb(e)),
        "r2": lambda e: Bint(A(e) + 1, Bb(e)) / Bint(A(e), Bb(e)),
        "r3": lambda e: G(A(e) + 1) * G(Bb(e)) / G(s(e) + 1) * G(s(e)) / (G(A(e)) * G(Bb(e))),
        "r4": lambda e: A(e) / s(e),
        "S": lambda e: var(e) + mom(e, 1) ** 2,
        "EX2": lambda e: mom(e, 2),
        "s1": lambda e: Bint(A(e) + 2, Bb(e)) / Bint(A(e), Bb(e)),
        "s2": lambda e: A(e) * (A(e) + 1) / (s(e) * (s(e) + 1)),
        "V": var,
        "v": lambda e: A(e) * Bb(e) / (s(e) ** 2 * (s(e) + 1)),
        "I": lambda e: Bint(A(e), Bb(e)), "Gr2": Gr,
        "aG": lambda e: A(e) * G(A(e)), "G1": lambda e: G(A(e) + 1),
        "M2": lambda e: mom(e, 2),
        "f2": lambda e: cst(e) * _quad(2, A(e), Bb(e)),
        "f3": lambda e: cst(e) * _quad(0, A(e) + 2, Bb(e)),
    }
    steps = tight([Step("=", "B", "Gr")] + chain(["EX", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4")])
                  + chain(["S", ("=", "EX2"), ("=", "s1"), ("=", "s2")])
                  + [Step("=", "V", "v"), Step("=", "I", "Gr2"), Step("=", "aG", "G1")]
                  + chain(["M2", ("=", "f2"), ("=", "f3")]), 1e-7)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r4": lambda e: Bb(e) / s(e)},
            {"r2": lambda e: Bint(A(e), Bb(e) + 1) / Bint(A(e), Bb(e))},
            {"s2": lambda e: A(e) * (A(e) + 1) / s(e) ** 2},
            {"v": lambda e: A(e) * Bb(e) / (s(e) ** 2 * (s(e) - 1))},
            {"aG": lambda e: G(A(e)), "G1": lambda e: A(e) * G(A(e) + 1)},
            {"f3": lambda e: cst(e) * _quad(0, A(e) + 1, Bb(e))},
        ],
        lookalikes=[{}, {}, {}])


# ------------------------------------------------------------------ geometric mean and variance (jufinance)

def _geom():
    K = np.arange(0, 6000, dtype=float)

    def sample(rng):
        return {"p": rng.uniform(0.1, 0.9)}
    P = lambda e: e["p"]
    Q = lambda e: 1 - P(e)
    f = lambda e: (1 - P(e)) ** K * P(e)                    # P(X = k), k = 0, 1, 2, ...
    EX = lambda e: float(np.sum(K * f(e)))
    EX2 = lambda e: float(np.sum(K ** 2 * f(e)))
    rows = {
        "EX": EX,
        "a1": lambda e: float(np.sum(K * f(e))),
        "a2": lambda e: float(np.sum(K * Q(e) ** K * P(e))),
        "a3": lambda e: P(e) * float(np.sum(K * Q(e) ** K)),
        "b1": lambda e: P(e) * Q(e) / (1 - Q(e)) ** 2,
        "b2": lambda e: P(e) * Q(e) / P(e) ** 2,
        "b3": lambda e: Q(e) / P(e),
        "b4": lambda e: (1 - P(e)) / P(e),
        "box": lambda e: (1 - P(e)) / P(e),
        "EX2": EX2,
        "c1": lambda e: float(np.sum(K ** 2 * f(e))),
        "c2": lambda e: P(e) * float(np.sum(K ** 2 * Q(e) ** K)),
        "d1": lambda e: P(e) * Q(e) * (1 + Q(e)) / (1 - Q(e)) ** 3,
        "d2": lambda e: P(e) * Q(e) * (1 + Q(e)) / P(e) ** 3,
        "d3": lambda e: Q(e) * (1 + Q(e)) / P(e) ** 2,
        "Var": lambda e: float(np.sum((K - EX(e)) ** 2 * f(e))),
        "e1": lambda e: EX2(e) - EX(e) ** 2,
        "e2": lambda e: Q(e) * (1 + Q(e)) / P(e) ** 2 - (Q(e) / P(e)) ** 2,
        "e3": lambda e: Q(e) / P(e) ** 2,
        "boxV": lambda e: (1 - P(e)) / P(e) ** 2,
        "sig": lambda e: math.sqrt((1 - P(e)) / P(e) ** 2),
        "sig2": lambda e: math.sqrt(1 - P(e)) / P(e),
    }
    steps = tight(chain(["EX", ("=", "a1"), ("=", "a2"), ("=", "a3")])
                  + chain(["EX", ("=", "b1"), ("=", "b2"), ("=", "b3"), ("=", "b4")])
                  + [Step("=", "EX", "box")]
                  + chain(["EX2", ("=", "c1"), ("=", "c2")])
                  + chain(["EX2", ("=", "d1"), ("=", "d2"), ("=", "d3")])
                  + chain(["Var", ("=", "e1"), ("=", "e2"), ("=", "e3")])
                  + [Step("=", "Var", "boxV"), Step("=", "sig", "sig2")], 1e-8)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"b1": lambda e: P(e) * Q(e) / (1 - Q(e)) ** 3},
            {"b4": lambda e: P(e) / (1 - P(e))},
            {"c2": lambda e: P(e) * float(np.sum(K * Q(e) ** (2 * K)))},
            {"e3": lambda e: Q(e) ** 2 / P(e) ** 2},
            {"boxV": lambda e: (1 - P(e)) / P(e)},
            {"sig2": lambda e: math.sqrt(1 - P(e)) / P(e) ** 2},
        ],
        lookalikes=[{}, {}, {}])


# ------------------------------------------------------------------ Renyi entropy -> Shannon (math.SE)

def _renyi_limit():
    H_LIM = 1e-4

    def sample(rng):
        n = int(rng.integers(2, 7))
        w = rng.uniform(0.1, 1.0, size=n)
        return {"p": w / w.sum()}
    p = lambda e: e["p"]

    def lim1(g):
        """the limit at alpha = 1 of a function smooth around 1 (its two sides averaged)."""
        return 0.5 * (g(1 + H_LIM) + g(1 - H_LIM))
    ren = lambda e, a, den=lambda a: 1 - a: float(LOG(np.sum(p(e) ** a)) / den(a))

    def hop(e, den=-1.0):
        return lim1(lambda a: float(np.sum(p(e) ** a * LOG(p(e))) / np.sum(p(e) ** a)) / den)
    Hs = lambda e: float(-np.sum(p(e) * LOG(p(e))))
    rows = {
        "Q": lambda e: lim1(lambda a: ren(e, a)),
        "H": Hs,
        "A1": lambda e: lim1(lambda a: ren(e, a)),
        "A2": hop,
        "A3": lambda e: float(-np.sum(p(e) * LOG(p(e))) / np.sum(p(e))),
        "A4": Hs,
    }
    steps = tight([Step("=", "Q", "H")] + chain(["A1", ("=", "A2"), ("=", "A3"), ("=", "A4")]), 1e-6)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"A2": lambda e: hop(e, den=1.0)},
            {"A3": lambda e: float(-np.sum(p(e) * LOG(p(e))) / np.sum(p(e) ** 2))},
            {"H": lambda e: -Hs(e)},
            {"A1": lambda e: lim1(lambda a: ren(e, a, den=lambda a: a - 1))},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ exponential family log-normaliser (asai lecture)

def _expfam():
    def sample(rng):
        n = int(rng.integers(1, 4))
        m = int(rng.integers(2, 7))
        return {"X": rng.normal(0, 1.0, size=(m, n)), "th": rng.normal(0, 1.0, size=n),
                "i": int(rng.integers(0, n))}
    Xs, I = (lambda e: e["X"]), (lambda e: e["i"])

    def Z(e, th=None):
        th = e["th"] if th is None else th
        return np.sum(EXP(Xs(e) @ th))

    def with_i(e, t):
        th = e["th"].astype(complex)
        th[I(e)] = t
        return th
    psi = lambda e: float(LOG(Z(e)))
    ex = lambda e: EXP(Xs(e) @ e["th"])                     # exp(sum_j theta^j x_j) at each point
    xi = lambda e: Xs(e)[:, I(e)]
    Pm = lambda e: EXP(Xs(e) @ e["th"] - psi(e))            # the model P(x, theta)
    ti = lambda e: e["th"][I(e)]
    rows = {
        "one": lambda e: 1.0,
        "n1": lambda e: float(np.sum(EXP(Xs(e) @ e["th"] - psi(e)))),
        "n2": lambda e: float(1 / EXP(psi(e)) * np.sum(ex(e))),
        "psi": psi,
        "psiR": lambda e: float(LOG(np.sum(ex(e)))),
        "D": lambda e: dc(lambda t: np.log(Z(e, with_i(e, t))), ti(e)),
        "a1": lambda e: dc(lambda t: Z(e, with_i(e, t)), ti(e)) / float(np.sum(ex(e))),
        "a2": lambda e: sum(dc(lambda t, k=k: EXP(Xs(e)[k] @ with_i(e, t)), ti(e)) for k in range(len(Xs(e))))
                        / float(EXP(psi(e))),
        "a3": lambda e: float(np.sum(xi(e) * ex(e)) / EXP(psi(e))),
        "a4": lambda e: float(np.sum(xi(e) * EXP(Xs(e) @ e["th"] - psi(e)))),
        "a5": lambda e: float(np.sum(xi(e) * Pm(e))),
        "a6": lambda e: float(np.sum(xi(e) * Pm(e)) / np.sum(Pm(e))),
    }
    steps = tight(chain(["one", ("=", "n1"), ("=", "n2")]) + [Step("=", "psi", "psiR")]
                  + chain(["D", ("=", "a1"), ("=", "a2"), ("=", "a3"), ("=", "a4"), ("=", "a5"), ("=", "a6")]), 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"n2": lambda e: float(EXP(psi(e)) * np.sum(ex(e)))},
            {"psiR": lambda e: float(np.sum(ex(e)))},
            {"a3": lambda e: float(np.sum(ex(e)) / EXP(psi(e)))},
            {"a5": lambda e: float(np.sum(xi(e) ** 2 * Pm(e)))},
        ],
        lookalikes=[{}, {}])


MODELS = {
    "s25a_dropout_mask_nnqa": _dropout(),
    "s25a_beta_moments_newbedev": _beta(),
    "s25a_geom_moments_jufinance": _geom(),
    "s25a_renyi_limit_mathse": _renyi_limit(),
    "s25a_expfam_mean_asai": _expfam(),
}

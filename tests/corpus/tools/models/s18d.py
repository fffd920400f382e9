"""Truth models of the s18d_ entries (probability textbook derivations from a blog, Q&A pages, a
zettelkasten and The Book of Statistical Proofs: the Bernoulli and Poisson MGFs, the covariance
inequality, the variance of a sum and of an affine map, the gamma mean). Random pmfs on small
finite supports stand in for laws; the Poisson series are summed to 400 terms in log space; the
gamma integrals over (0, inf) by SciPy-free composite Gauss-Legendre on geometric panels."""

from __future__ import annotations

import math

import numpy as np

from .base import Model, Step, chain, joint, pmf

MODELS = {}
_NODES, _WEIGHTS = np.polynomial.legendre.leggauss(40)
_EDGES = np.concatenate([[0.0], np.geomspace(1e-9, 600.0, 200)])


def _halfline(g, scale=1.0):
    total = 0.0
    for lo, hi in zip(_EDGES[:-1] * scale, _EDGES[1:] * scale):
        x = (hi - lo) / 2 * _NODES + (hi + lo) / 2
        total += (hi - lo) / 2 * float(np.sum(_WEIGHTS * g(x)))
    return total


# ------------------------------------------------------------------ Bernoulli MGF (freshrimpsushi)

def _bernoulli_mgf():
    def sample(rng):
        return {"p": rng.uniform(0.05, 0.95), "t": rng.normal(0, 1.5)}
    p, t = (lambda e: e["p"]), (lambda e: e["t"])
    xs = np.array([0.0, 1.0])
    f = lambda e: p(e) ** xs * (1 - p(e)) ** (1 - xs)
    rows = {
        "E": lambda e: float(np.sum(np.exp(t(e) * xs) * f(e))),
        "r1": lambda e: float(np.sum(np.exp(t(e) * xs) * f(e))),
        "r2": lambda e: float(np.sum(np.exp(t(e) * xs) * (1 - p(e)) ** (1 - xs) * p(e) ** xs)),
        "r3": lambda e: (1 - p(e)) * 1 * 1 + p(e) * math.exp(t(e)) * 1,
        "r4": lambda e: 1 - p(e) + p(e) * math.exp(t(e)),
        "m": lambda e: 1 - p(e) + p(e) * math.exp(t(e)),
        "m2": lambda e: (1 - p(e)) + p(e) * math.exp(t(e)),
    }
    steps = chain(["E", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4")]) + [Step("=", "m", "m2")]
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r4": lambda e: 1 - p(e) + math.exp(t(e))},
            {"r2": lambda e: float(np.sum(np.exp(t(e) * xs) * (1 - p(e)) ** xs * p(e) ** (1 - xs)))},
            {"r3": lambda e: (1 - p(e)) + p(e) * math.exp(t(e)) * (1 - p(e))},
            {"m2": lambda e: (1 - p(e)) - p(e) * math.exp(t(e))},
        ],
        lookalikes=[
            {"r4": lambda e: p(e) * math.exp(t(e)) + 1 - p(e)},
            {"m2": lambda e: (1 - p(e)) + math.exp(t(e)) * p(e)},
        ])


MODELS["s18d_bernoulli_mgf_freshrimp"] = _bernoulli_mgf()


# ------------------------------------------------------------------ Poisson MGF (newbetuts)

def _poisson_mgf():
    K = np.arange(0, 400)
    LF = np.array([math.lgamma(k + 1) for k in K])

    def sample(rng):
        return {"lam": rng.uniform(0.1, 6.0), "th": rng.normal(0, 1.0), "a": rng.normal(0, 3.0)}
    lam, th, a = (lambda e: e["lam"]), (lambda e: e["th"]), (lambda e: e["a"])

    def series(logterm):
        return float(np.sum(np.exp(logterm)))
    # sum of a^k/k! for real a (signs kept)
    expser = lambda x, shift=0: float(np.sum(np.sign(x) ** K * np.exp(K * np.log(abs(x)) - LF - shift * 0)))
    rows = {
        "s": lambda e: expser(a(e)),
        "ea": lambda e: math.exp(a(e)),
        "r0": lambda e: series(th(e) * K - lam(e) + K * np.log(lam(e)) - LF),
        "r1": lambda e: math.exp(-lam(e)) * series(K * (th(e) + np.log(lam(e))) - LF),
        "r2": lambda e: math.exp(-lam(e)) * math.exp(math.exp(th(e)) * lam(e)),
        "r3": lambda e: math.exp((math.exp(th(e)) - 1) * lam(e)),
    }
    LF1 = np.array([math.lgamma(k + 2) for k in K])
    steps = [Step("=", "s", "ea")] + chain(["r0", ("=", "r1"), ("=", "r2"), ("=", "r3")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: math.exp(-lam(e)) * series(K * (th(e) + np.log(lam(e))) - LF1)},
            {"r2": lambda e: math.exp(lam(e)) * math.exp(math.exp(th(e)) * lam(e))},
            {"r3": lambda e: math.exp((math.exp(th(e)) + 1) * lam(e))},
            {"ea": lambda e: math.exp(2 * a(e))},
        ],
        lookalikes=[
            {"r3": lambda e: math.exp(lam(e) * (math.exp(th(e)) - 1))},
            {"r0": lambda e: series(K * th(e) - lam(e) + K * np.log(lam(e)) - LF)},
        ])


MODELS["s18d_poisson_mgf_newbetuts"] = _poisson_mgf()


# ------------------------------------------------------------------ covariance inequality (czlwang)

def _cov_cs():
    def sample(rng):
        n, m = int(rng.integers(2, 5)), int(rng.integers(2, 5))
        P = joint(rng, n, m)
        # sometimes Y centred, so that E[Y]^2 is far below E[Y^2]
        ys = rng.normal(0, 2, size=m)
        xs = rng.normal(0, 2, size=n)
        if rng.uniform() < 0.5:
            ys = ys - float(np.sum(P.sum(axis=0) * ys))
        elif rng.uniform() < 0.5:              # Y = 3X nearly surely: a correlation near 1
            P = np.diag(pmf(rng, n)) + 1e-3 * joint(rng, n, n)
            P = P / P.sum()
            ys = 3 * xs
        return {"P": P, "xs": xs, "ys": ys}
    X = lambda e: e["xs"][:, None] * np.ones_like(e["P"])
    Y = lambda e: e["ys"][None, :] * np.ones_like(e["P"])
    E = lambda e, v: float(np.sum(e["P"] * v))
    mu = lambda e: E(e, X(e))
    nu = lambda e: E(e, Y(e))
    var = lambda e, V, c: E(e, (V - c) ** 2)
    cov = lambda e: E(e, (X(e) - mu(e)) * (Y(e) - nu(e)))
    rows = {
        "cs_l": lambda e: abs(E(e, X(e) * Y(e))) ** 2,
        "cs_r": lambda e: E(e, X(e) ** 2) * E(e, Y(e) ** 2),
        "c0": lambda e: abs(cov(e)) ** 2,
        "c1": lambda e: abs(E(e, (X(e) - mu(e)) * (Y(e) - nu(e)))) ** 2,
        "c2": lambda e: var(e, X(e), mu(e)) * var(e, Y(e), nu(e)),
        "c3": lambda e: var(e, X(e), mu(e)) * var(e, Y(e), nu(e)),
        "f_l": lambda e: cov(e) ** 2,
        "f_r": lambda e: var(e, X(e), mu(e)) * var(e, Y(e), nu(e)),
    }
    steps = ([Step("<=", "cs_l", "cs_r")]
             + chain(["c0", ("=", "c1"), ("<=", "c2"), ("=", "c3")])
             + [Step("<=", "f_l", "f_r")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {("rel", 3): ">="},
            {"c2": lambda e: var(e, X(e), mu(e)) * E(e, Y(e) - nu(e))},
            {"cs_r": lambda e: E(e, X(e) ** 2) * E(e, Y(e)) ** 2},
            {"f_r": lambda e: var(e, X(e), mu(e))},
        ],
        lookalikes=[
            {"c1": lambda e: abs(E(e, (Y(e) - nu(e)) * (X(e) - mu(e)))) ** 2},
            {"f_l": lambda e: E(e, (Y(e) - nu(e)) * (X(e) - mu(e))) ** 2},
        ])


MODELS["s18d_cov_cauchy_czlwang"] = _cov_cs()


# ------------------------------------------------------------------ variance of a sum (StatProofBook)

def _var_sum():
    def sample(rng):
        n, m = int(rng.integers(2, 5)), int(rng.integers(2, 5))
        return {"P": joint(rng, n, m), "xs": rng.normal(0, 2, size=n), "ys": rng.normal(0, 2, size=m)}
    X = lambda e: e["xs"][:, None] * np.ones_like(e["P"])
    Y = lambda e: e["ys"][None, :] * np.ones_like(e["P"])
    E = lambda e, v: float(np.sum(e["P"] * v))
    dX = lambda e: X(e) - E(e, X(e))
    dY = lambda e: Y(e) - E(e, Y(e))
    VX = lambda e: E(e, dX(e) ** 2)
    VY = lambda e: E(e, dY(e) ** 2)
    C = lambda e: E(e, dX(e) * dY(e))
    VS = lambda e: E(e, (X(e) + Y(e) - E(e, X(e) + Y(e))) ** 2)
    rows = {
        "t_l": VS, "t_r": lambda e: VX(e) + VY(e) + 2 * C(e),
        "d_l": VX, "d_r": lambda e: E(e, dX(e) ** 2),
        "r0": VS,
        "r1": lambda e: E(e, ((X(e) + Y(e)) - E(e, X(e) + Y(e))) ** 2),
        "r2": lambda e: E(e, (dX(e) + dY(e)) ** 2),
        "r3": lambda e: E(e, dX(e) ** 2 + dY(e) ** 2 + 2 * dX(e) * dY(e)),
        "r4": lambda e: E(e, dX(e) ** 2) + E(e, dY(e) ** 2) + E(e, 2 * dX(e) * dY(e)),
        "r5": lambda e: VX(e) + VY(e) + 2 * C(e),
    }
    steps = ([Step("=", "t_l", "t_r"), Step("=", "d_l", "d_r")]
             + chain(["r0", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5")]))
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"t_r": lambda e: VX(e) + VY(e) + C(e)},
            {"d_r": lambda e: E(e, dX(e))},
            {"r2": lambda e: E(e, (dX(e) - dY(e)) ** 2)},
            {"r3": lambda e: E(e, dX(e) ** 2 + dY(e) ** 2 - 2 * dX(e) * dY(e))},
            {"r4": lambda e: E(e, dX(e) ** 2) + E(e, dY(e) ** 2) + E(e, dX(e) * dY(e))},
        ],
        lookalikes=[
            {"r2": lambda e: E(e, (dY(e) + dX(e)) ** 2)},
            {"r5": lambda e: VX(e) + VY(e) + 2 * E(e, dY(e) * dX(e))},
        ])


MODELS["s18d_var_sum_statproofbook"] = _var_sum()


# ------------------------------------------------------------------ gamma mean (StatProofBook)

def _gamma_mean():
    def sample(rng):
        return {"a": rng.uniform(0.6, 6.0), "b": rng.uniform(0.3, 4.0)}
    a, b = (lambda e: e["a"]), (lambda e: e["b"])
    G = math.gamma

    def gam(u, al, be):
        return np.exp(al * np.log(be) - math.lgamma(al) + (al - 1) * np.log(u) - be * u)
    I = lambda e, g: _halfline(g, 1.0 / b(e))
    EX = lambda e: I(e, lambda x: x * gam(x, a(e), b(e)))
    rows = {
        "EX": EX, "ab": lambda e: a(e) / b(e),
        "m": lambda e: I(e, lambda x: x * gam(x, a(e), b(e))),
        "s1": lambda e: I(e, lambda x: x * b(e) ** a(e) / G(a(e)) * x ** (a(e) - 1) * np.exp(-b(e) * x)),
        "s2": lambda e: I(e, lambda x: b(e) ** a(e) / G(a(e)) * x ** ((a(e) + 1) - 1) * np.exp(-b(e) * x)),
        "s3": lambda e: I(e, lambda x: 1 / b(e) * b(e) ** (a(e) + 1) / G(a(e)) * x ** ((a(e) + 1) - 1) * np.exp(-b(e) * x)),
        "t": lambda e: I(e, lambda x: a(e) / b(e) * b(e) ** (a(e) + 1) / G(a(e) + 1) * x ** ((a(e) + 1) - 1) * np.exp(-b(e) * x)),
        "u1": lambda e: a(e) / b(e) * I(e, lambda x: gam(x, a(e) + 1, b(e))),
        "u2": lambda e: a(e) / b(e),
    }
    steps = ([Step("=", "EX", "ab"), Step("=", "EX", "m")]
             + chain(["EX", ("=", "s1"), ("=", "s2"), ("=", "s3")])
             + [Step("=", "EX", "t")]
             + chain(["EX", ("=", "u1"), ("=", "u2")]))
    for st in steps:
        st.tol = 1e-7
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"s1": lambda e: I(e, lambda x: x * b(e) ** a(e) / G(a(e)) * x ** a(e) * np.exp(-b(e) * x))},
            {"s3": lambda e: I(e, lambda x: b(e) * b(e) ** (a(e) + 1) / G(a(e)) * x ** ((a(e) + 1) - 1) * np.exp(-b(e) * x))},
            {"t": lambda e: I(e, lambda x: a(e) / b(e) * b(e) ** (a(e) + 1) / G(a(e)) * x ** ((a(e) + 1) - 1) * np.exp(-b(e) * x))},
            {"ab": lambda e: b(e) / a(e)},
            {"u1": lambda e: b(e) / a(e) * I(e, lambda x: gam(x, a(e) + 1, b(e)))},
        ],
        lookalikes=[
            {"u1": lambda e: a(e) / b(e) * I(e, lambda x: gam(x, a(e), b(e)))},
            {"t": lambda e: I(e, lambda x: a(e) / b(e) * b(e) ** (a(e) + 1) / G(a(e) + 1) * x ** a(e) * np.exp(-b(e) * x))},
        ])


MODELS["s18d_gamma_mean_statproofbook"] = _gamma_mean()


# ------------------------------------------------------------------ Var(aX + b) (ARQMath thread)

def _var_affine():
    def sample(rng):
        n = int(rng.integers(2, 7))
        return {"p": pmf(rng, n), "x": rng.normal(0, 2, size=n),
                "a": float(rng.normal(0, 2)), "b": float(rng.normal(0, 2))}
    a, b = (lambda e: e["a"]), (lambda e: e["b"])
    E = lambda e, v: float(np.sum(e["p"] * v))
    X = lambda e: e["x"]
    mu = lambda e: E(e, X(e))
    Y = lambda e: a(e) * X(e) + b(e)
    EX2 = lambda e: E(e, X(e) ** 2)
    rows = {
        "v": lambda e: E(e, (Y(e) - E(e, Y(e))) ** 2),
        "r1": lambda e: E(e, Y(e) ** 2) - E(e, Y(e)) ** 2,
        "r2": lambda e: E(e, (a(e) * X(e) + b(e)) ** 2) - E(e, a(e) * X(e) + b(e)) ** 2,
        "r3": lambda e: E(e, a(e) ** 2 * X(e) ** 2 + b(e) ** 2 + 2 * a(e) * b(e) * X(e)) - (a(e) * mu(e) + b(e)) ** 2,
        "r4": lambda e: a(e) ** 2 * EX2(e) + b(e) ** 2 + 2 * a(e) * b(e) * mu(e) - (a(e) ** 2 * mu(e) ** 2 + b(e) ** 2 + 2 * a(e) * b(e) * mu(e)),
        "r5": lambda e: a(e) ** 2 * EX2(e) + b(e) ** 2 + 2 * a(e) * b(e) * mu(e) - (a(e) ** 2 * mu(e) ** 2 + b(e) ** 2 + 2 * a(e) * b(e) * mu(e)),
        "r6": lambda e: a(e) ** 2 * EX2(e) - a(e) ** 2 * mu(e) ** 2,
        "r7": lambda e: a(e) ** 2 * (EX2(e) - mu(e) ** 2),
        "r8": lambda e: a(e) ** 2 * E(e, (X(e) - mu(e)) ** 2),
        "bk": lambda e: E(e, (Y(e) - E(e, Y(e))) ** 2),
        "bk2": lambda e: E(e, (a(e) * X(e) + b(e) - (a(e) * mu(e) + b(e))) ** 2),
    }
    steps = (chain(["v", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5"),
                    ("=", "r6"), ("=", "r7"), ("=", "r8")])
             + [Step("=", "bk", "bk2")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r3": lambda e: E(e, a(e) ** 2 * X(e) ** 2 + b(e) ** 2 + a(e) * b(e) * X(e)) - (a(e) * mu(e) + b(e)) ** 2},
            {"r4": lambda e: a(e) ** 2 * EX2(e) + b(e) ** 2 + 2 * a(e) * b(e) * mu(e) - (a(e) ** 2 * mu(e) ** 2 + b(e) ** 2 - 2 * a(e) * b(e) * mu(e))},
            {"r6": lambda e: a(e) ** 2 * EX2(e) - a(e) * mu(e) ** 2},
            {"r8": lambda e: a(e) * E(e, (X(e) - mu(e)) ** 2)},
            {"bk2": lambda e: E(e, (a(e) * X(e) + b(e) - (a(e) * mu(e) - b(e))) ** 2)},
        ],
        lookalikes=[
            {"r3": lambda e: E(e, a(e) ** 2 * X(e) ** 2 + b(e) ** 2 + 2 * a(e) * b(e) * X(e)) - (b(e) + a(e) * mu(e)) ** 2},
            {"r7": lambda e: a(e) ** 2 * (EX2(e) - mu(e) ** 2)},
        ])


MODELS["s18d_var_affine_arqmath"] = _var_affine()

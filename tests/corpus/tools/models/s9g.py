"""Truth models of the s9g_ entries (statistics from lecture notes, Q&A answers and blogs: moment
generating functions of the Poisson and exponential laws, the Poisson MLE, the binomial mean, the
law of total expectation, the variance of a sum, the bias-variance decomposition, the beta-binomial
marginal likelihood, importance sampling, Chernoff's bound). Series over the Poisson support are
truncated where the terms are below 1e-300; integrals over [0, 1] and [0, inf) by Gauss-Legendre
panels; derivatives by the complex step; random variables on random finite supports."""

from __future__ import annotations

import math

import numpy as np

from .base import Model, Step, chain, joint, pmf
from .s8d import _dcomplex, _halfline

LOG = np.log
K = np.arange(0, 400)
LOGFACT = np.array([math.lgamma(k + 1) for k in K])
_NODES, _WEIGHTS = np.polynomial.legendre.leggauss(60)


def _unit(g):
    """The integral over (0, 1) of g(u, 1 - u), with 1 - u passed exactly: the half (1/2, 1) is
    integrated in v = 1 - u, and both halves on panels refined geometrically towards their end, so
    end singularities u^c, (1-u)^c with c > -1 are integrated to ~1e-9."""
    edges = np.concatenate([[0.0], np.geomspace(1e-14, 0.5, 120)])
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        x = (hi - lo) / 2 * _NODES + (hi + lo) / 2
        total += (hi - lo) / 2 * float(np.sum(_WEIGHTS * (g(x, 1 - x) + g(1 - x, x))))
    return total


# ------------------------------------------------------------------ Poisson MGF (Zenn)

def _poisson_mgf():
    def sample(rng):
        return {"mu": rng.uniform(0.3, 5.0), "th": rng.uniform(-1.5, 1.0)}
    mu, th = (lambda e: e["mu"]), (lambda e: e["th"])
    pk = lambda e: np.exp(K * np.log(mu(e)) - mu(e) - LOGFACT)          # Poisson pmf on 0..399
    S = lambda e, v: float(np.sum(pk(e) * v))
    M = lambda e, t: np.exp(-mu(e)) * np.exp(np.exp(t) * mu(e))          # e^{-mu} e^{e^t mu}
    Mp = lambda e, t: _dcomplex(lambda s: M(e, s), t)
    Mpp = lambda e, t: _dcomplex(lambda s: mu(e) * np.exp(-mu(e)) * np.exp(np.exp(s) * mu(e) + s), t)
    series = lambda e, shift=0: float(np.exp(-mu(e)) * np.sum(np.exp(K * (th(e) + np.log(mu(e)))
                                                               - np.array([math.lgamma(k + 1 + shift) for k in K]))))
    rows = {
        "E": lambda e: S(e, np.exp(th(e) * K)),
        "r1": lambda e: S(e, np.exp(th(e) * K)),
        "r2": lambda e: S(e, np.exp(th(e) * K)),
        "r3": lambda e: series(e), "r4": lambda e: float(M(e, th(e))),
        "Mp": lambda e: Mp(e, th(e)),
        "mp1": lambda e: float(M(e, th(e)) * np.exp(th(e)) * mu(e)),
        "mp2": lambda e: float(mu(e) * np.exp(-mu(e)) * np.exp(np.exp(th(e)) * mu(e) + th(e))),
        "Mpp": lambda e: Mpp(e, th(e)),
        "mpp1": lambda e: float(mu(e) * np.exp(-mu(e)) * np.exp(np.exp(th(e)) * mu(e) + th(e)) * (np.exp(th(e)) * mu(e) + 1)),
        "mpp2": lambda e: float(mu(e) * np.exp(-mu(e)) * np.exp(np.exp(th(e)) * mu(e) + th(e)) * (np.exp(th(e)) * mu(e) + 1)),
        "Mp0": lambda e: Mp(e, 0.0), "mu": mu,
        "Mpp0": lambda e: Mpp(e, 0.0), "m0": lambda e: mu(e) * np.exp(-mu(e)) * np.exp(mu(e)) * (mu(e) + 1),
        "m1": lambda e: mu(e) * (mu(e) + 1),
        "EX": lambda e: S(e, K), "mu2": mu,
    }
    steps = (chain(["E", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4")])
             + chain(["Mp", ("=", "mp1"), ("=", "mp2")]) + chain(["Mpp", ("=", "mpp1"), ("=", "mpp2")])
             + [Step("=", "Mp0", "mu"), Step("=", "Mpp0", "m0"), Step("=", "m0", "m1"), Step("=", "EX", "mu2")])
    for s in steps:
        s.tol = 1e-7
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r3": lambda e: series(e, 1)},
            {"mpp2": lambda e: float(mu(e) * np.exp(-mu(e)) * np.exp(np.exp(th(e)) * mu(e) + th(e)) * np.exp(th(e)) * mu(e))},
            {"mu": lambda e: mu(e) + 1},
            {"m1": lambda e: mu(e) ** 2},
            {"mu2": lambda e: mu(e) ** 2},
        ],
        lookalikes=[{"m1": lambda e: mu(e) ** 2 + mu(e)},
                    {"m0": lambda e: mu(e) * (mu(e) + 1) * np.exp(-mu(e)) * np.exp(mu(e))}])


# ------------------------------------------------------------------ Poisson MLE (CWKSC)

def _poisson_mle():
    def sample(rng):
        n = int(rng.integers(1, 7))
        return {"lam": rng.uniform(0.2, 6.0), "k": rng.integers(0, 9, size=n).astype(float)}
    lam, k = (lambda e: e["lam"]), (lambda e: e["k"])
    N = lambda e: float(len(k(e)))
    lf = lambda e: np.array([math.lgamma(v + 1) for v in k(e)])
    pmf_ = lambda e, l: np.exp(k(e) * np.log(l) - l - lf(e))
    rows = {
        "L": lambda e: float(np.prod(pmf_(e, lam(e)))),
        "L1": lambda e: float(np.prod(1 / np.exp(lf(e)) * np.exp(-lam(e)) * lam(e) ** k(e))),
        "lnL": lambda e: float(np.log(np.prod(pmf_(e, lam(e))))),
        "a1": lambda e: float(np.sum(np.log(1 / np.exp(lf(e)) * np.exp(-lam(e)) * lam(e) ** k(e)))),
        "a2": lambda e: float(np.sum(-lf(e) - lam(e) + k(e) * np.log(lam(e)))),
        "a3": lambda e: float(-np.sum(lf(e)) - N(e) * lam(e) + np.sum(k(e) * np.log(lam(e)))),
        "a4": lambda e: float(-np.sum(lf(e)) - N(e) * lam(e) + np.log(lam(e)) * np.sum(k(e))),
        "d": lambda e: _dcomplex(lambda l: np.sum(k(e) * np.log(l) - l - lf(e)), lam(e)),
        "d1": lambda e: -N(e) + np.sum(k(e)) / lam(e),
    }
    return Model(
        sample=sample, rows=rows,
        steps=[Step("=", "L", "L1")] + chain(["lnL", ("=", "a1"), ("=", "a2"), ("=", "a3"), ("=", "a4")])
        + [Step("=", "d", "d1")],
        mutants=[
            {"a4": lambda e: float(-np.sum(lf(e)) - lam(e) + np.log(lam(e)) * np.sum(k(e)))},
            {"d1": lambda e: N(e) + np.sum(k(e)) / lam(e)},
            {"a2": lambda e: float(np.sum(-lf(e) + lam(e) + k(e) * np.log(lam(e))))},
            {"L1": lambda e: float(np.prod(1 / np.exp(lf(e)) * np.exp(lam(e)) * lam(e) ** k(e)))},
        ],
        lookalikes=[{"a4": lambda e: float(-np.sum(lf(e)) - N(e) * lam(e) + np.sum(k(e) * np.log(lam(e))))},
                    {"d1": lambda e: np.sum(k(e)) / lam(e) - N(e)}])


# ------------------------------------------------------------------ importance sampling

def _importance():
    def sample(rng):
        n = int(rng.integers(3, 9))
        return {"p": pmf(rng, n), "q": pmf(rng, n), "f": rng.normal(size=n)}
    p, q, f = (lambda e: e["p"]), (lambda e: e["q"]), (lambda e: e["f"])
    I = lambda v: float(np.sum(v))
    rows = {
        "Ep": lambda e: I(p(e) * f(e)), "i1": lambda e: I(f(e) * p(e)),
        "i2": lambda e: I(f(e) * p(e) / q(e) * q(e)), "Eq": lambda e: I(q(e) * f(e) * p(e) / q(e)),
    }
    return Model(
        sample=sample, rows=rows, steps=chain(["Ep", ("=", "i1"), ("=", "i2"), ("=", "Eq")]),
        mutants=[{"i2": lambda e: I(f(e) * q(e) / p(e) * q(e))},
                 {"Eq": lambda e: I(p(e) * f(e) * p(e) / q(e))},
                 {"i1": lambda e: I(f(e) * q(e))}],
        lookalikes=[{"i2": lambda e: I(f(e) * (p(e) / q(e)) * q(e))},
                    {"Eq": lambda e: I(q(e) * f(e) * (p(e) / q(e)))}])


# ------------------------------------------------------------------ variance of a sum

def _var_sum():
    def sample(rng):
        return {"J": joint(rng, 3, 4), "xs": rng.uniform(-2, 3, size=3), "ys": rng.uniform(-2, 3, size=4)}

    def E(e, g):
        X, Y = np.meshgrid(e["xs"], e["ys"], indexing="ij")
        return float(np.sum(e["J"] * g(X, Y)))
    EX, EY = (lambda e: E(e, lambda X, Y: X)), (lambda e: E(e, lambda X, Y: Y))
    EXY, EX2, EY2 = (lambda e: E(e, lambda X, Y: X * Y)), (lambda e: E(e, lambda X, Y: X ** 2)), (lambda e: E(e, lambda X, Y: Y ** 2))
    cov = lambda e: E(e, lambda X, Y: (X - EX(e)) * (Y - EY(e)))            # the covariance
    var = lambda e, g: E(e, lambda X, Y: (g(X, Y) - E(e, g)) ** 2)            # the variance
    V = lambda e: var(e, lambda X, Y: X + Y)
    rows = {
        "cov": cov, "c1": lambda e: EXY(e) - EX(e) * EY(e),
        "V1": V, "V2": V, "V3": V, "V4": V, "V5": V, "V7": V,
        "r1": lambda e: E(e, lambda X, Y: (X + Y) ** 2) - E(e, lambda X, Y: X + Y) ** 2,
        "r2": lambda e: E(e, lambda X, Y: (X + Y) ** 2) - (EX(e) + EY(e)) ** 2,
        "r3": lambda e: E(e, lambda X, Y: X ** 2 + 2 * X * Y + Y ** 2) - EX(e) ** 2 - 2 * EX(e) * EY(e) - EY(e) ** 2,
        "r4": lambda e: EX2(e) + 2 * EXY(e) + EY2(e) - EX(e) ** 2 - 2 * EX(e) * EY(e) - EY(e) ** 2,
        "r5": lambda e: (EX2(e) - EX(e) ** 2) + (EY2(e) - EY(e) ** 2) + 2 * (EXY(e) - EX(e) * EY(e)),
        "VX": lambda e: var(e, lambda X, Y: X), "vx": lambda e: EX2(e) - EX(e) ** 2,
        "r7": lambda e: var(e, lambda X, Y: X) + var(e, lambda X, Y: Y) + 2 * cov(e),
    }
    return Model(
        sample=sample, rows=rows,
        steps=[Step("=", "cov", "c1"), Step("=", "V1", "r1"), Step("=", "V2", "r2"), Step("=", "V3", "r3"),
               Step("=", "V4", "r4"), Step("=", "V5", "r5"), Step("=", "VX", "vx"), Step("=", "V7", "r7")],
        mutants=[
            {"r3": lambda e: E(e, lambda X, Y: X ** 2 + X * Y + Y ** 2) - EX(e) ** 2 - 2 * EX(e) * EY(e) - EY(e) ** 2},
            {"r4": lambda e: EX2(e) + EXY(e) + EY2(e) - EX(e) ** 2 - 2 * EX(e) * EY(e) - EY(e) ** 2},
            {"r7": lambda e: var(e, lambda X, Y: X) + var(e, lambda X, Y: Y) - 2 * cov(e)},
            {"r2": lambda e: E(e, lambda X, Y: (X + Y) ** 2) - (EX(e) - EY(e)) ** 2},
            {"c1": lambda e: EXY(e) + EX(e) * EY(e)},
        ],
        lookalikes=[{"r7": lambda e: var(e, lambda X, Y: Y) + var(e, lambda X, Y: X) + 2 * cov(e)},
                    {"r1": lambda e: E(e, lambda X, Y: (X + Y) ** 2) - E(e, lambda X, Y: Y + X) ** 2}])


# ------------------------------------------------------------------ binomial mean

def _binomial_mean():
    def sample(rng):
        return {"n": int(rng.integers(1, 12)), "p": rng.uniform(0.05, 0.95)}
    n, p = (lambda e: e["n"]), (lambda e: e["p"])
    C = math.comb
    F = math.factorial

    def S(e, lo, term):
        return float(sum(term(k) for k in range(lo, n(e) + 1)))
    b = lambda e, k: C(n(e), k) * p(e) ** k * (1 - p(e)) ** (n(e) - k)
    rows = {
        "EX": lambda e: S(e, 0, lambda k: k * b(e, k)), "s1": lambda e: S(e, 0, lambda k: k * b(e, k)),
        "s2": lambda e: S(e, 0, lambda k: k * C(n(e), k) * p(e) ** k * (1 - p(e)) ** (n(e) - k)),
        "a0": lambda e: S(e, 0, lambda k: k * b(e, k)), "a1": lambda e: S(e, 1, lambda k: k * b(e, k)),
        "b0": lambda e: S(e, 1, lambda k: k * b(e, k)),
        "b1": lambda e: n(e) * p(e) * S(e, 1, lambda k: F(n(e) - 1) / (F(n(e) - k) * F(k - 1)) * p(e) ** (k - 1) * (1 - p(e)) ** (n(e) - k)),
        "c0": lambda e: n(e) * p(e) * S(e, 1, lambda k: F(n(e) - 1) / (F(n(e) - k) * F(k - 1)) * p(e) ** (k - 1) * (1 - p(e)) ** (n(e) - k)),
        "c1": lambda e: n(e) * p(e) * S(e, 1, lambda k: C(n(e) - 1, k - 1) * p(e) ** (k - 1) * (1 - p(e)) ** (n(e) - k)),
        "d0": lambda e: S(e, 1, lambda k: C(n(e) - 1, k - 1) * p(e) ** (k - 1) * (1 - p(e)) ** (n(e) - k)),
        "d1": lambda e: (p(e) + (1 - p(e))) ** (n(e) - 1), "d2": lambda e: 1.0,
        "f0": lambda e: S(e, 0, lambda k: k * b(e, k)), "f1": lambda e: n(e) * p(e),
    }
    return Model(
        sample=sample, rows=rows,
        steps=chain(["EX", ("=", "s1"), ("=", "s2")]) + [Step("=", "a0", "a1"), Step("=", "b0", "b1"),
                                                         Step("=", "c0", "c1")]
        + chain(["d0", ("=", "d1"), ("=", "d2")]) + [Step("=", "f0", "f1")],
        mutants=[
            {"c1": lambda e: n(e) * p(e) * S(e, 1, lambda k: C(n(e) - 1, k - 1) * p(e) ** k * (1 - p(e)) ** (n(e) - k))},
            {"f1": lambda e: n(e) * (1 - p(e))},
            {"b1": lambda e: n(e) * S(e, 1, lambda k: F(n(e) - 1) / (F(n(e) - k) * F(k - 1)) * p(e) ** (k - 1) * (1 - p(e)) ** (n(e) - k))},
            {"s1": lambda e: S(e, 0, lambda k: b(e, k))},
        ],
        lookalikes=[{"d1": lambda e: (p(e) + (1 - p(e))) ** n(e)},
                    {"a1": lambda e: S(e, 0, lambda k: k * b(e, k))}])


# ------------------------------------------------------------------ law of total expectation

def _total_expectation():
    def sample(rng):
        return {"J": joint(rng, 3, 4), "xs": rng.uniform(-2, 3, size=3), "ys": rng.uniform(-2, 3, size=4)}
    J, xs, ys = (lambda e: e["J"]), (lambda e: e["xs"]), (lambda e: e["ys"])
    py = lambda e: J(e).sum(axis=0)
    px = lambda e: J(e).sum(axis=1)
    cond = lambda e: J(e) / py(e)[None, :]                 # P(X=x | Y=y), rows x, columns y
    EXgY = lambda e: xs(e) @ cond(e)                       # E(X | Y=y), per y
    EX = lambda e: float(xs(e) @ px(e))
    union = lambda e: px(e)[:, None] + py(e)[None, :] - J(e)
    rows = {
        "EE": lambda e: float(EXgY(e) @ py(e)), "r1": lambda e: float(EXgY(e) @ py(e)),
        "r2": lambda e: float(np.sum([np.sum(xs(e) * cond(e)[:, j]) * py(e)[j] for j in range(4)])),
        "r3": lambda e: float(np.sum(xs(e)[:, None] * cond(e) * py(e)[None, :])),
        "r4": lambda e: float(np.sum(xs(e) * (cond(e) * py(e)[None, :]).sum(axis=1))),
        "r5": lambda e: float(np.sum(xs(e) * J(e).sum(axis=1))),
        "r6": lambda e: float(np.sum(xs(e) * px(e))), "r7": EX,
    }
    return Model(
        sample=sample, rows=rows,
        steps=chain(["EE", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5"), ("=", "r6"), ("=", "r7")]),
        mutants=[
            {"r6": lambda e: float(np.sum(px(e)))},
            {"r5": lambda e: float(np.sum(xs(e) * union(e).sum(axis=1)))},
            {"r7": lambda e: float(ys(e) @ py(e))},
            {"r1": lambda e: float(np.sum(EXgY(e)))},
        ],
        lookalikes=[{}, {"r7": lambda e: float(EXgY(e) @ py(e))}])


# ------------------------------------------------------------------ bias-variance decomposition

def _bias_variance():
    def sample(rng):
        n = int(rng.integers(2, 7))
        return {"w": pmf(rng, n), "v": rng.uniform(-2, 3, size=n), "th": rng.uniform(-2, 3)}
    w, v, th = (lambda e: e["w"]), (lambda e: e["v"]), (lambda e: e["th"])
    E = lambda e, g: float(np.sum(w(e) * g))
    m = lambda e: E(e, v(e))
    Var = lambda e: E(e, (v(e) - m(e)) ** 2)
    bias = lambda e: m(e) - th(e)
    rows = {
        "MSE": lambda e: E(e, (v(e) - th(e)) ** 2),
        "r1": lambda e: E(e, (v(e) - th(e)) ** 2),
        "r2": lambda e: E(e, (v(e) - m(e) + m(e) - th(e)) ** 2),
        "r3": lambda e: E(e, (v(e) - m(e)) ** 2) + E(e, (m(e) - th(e)) ** 2 + 0 * v(e)) + 2 * E(e, (v(e) - m(e)) * (m(e) - th(e))),
        "r4": lambda e: Var(e) + (m(e) - th(e)) ** 2 + 2 * (m(e) - th(e)) * E(e, v(e) - m(e)),
        "r5": lambda e: Var(e) + bias(e) ** 2 + 2 * (m(e) - th(e)) * (m(e) - m(e)),
        "r6": lambda e: Var(e) + bias(e) ** 2,
    }
    return Model(
        sample=sample, rows=rows,
        steps=chain(["MSE", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5"), ("=", "r6")]),
        mutants=[
            {"r2": lambda e: E(e, (v(e) - m(e) + m(e) + th(e)) ** 2)},
            {"r4": lambda e: Var(e) + (m(e) + th(e)) ** 2 + 2 * (m(e) - th(e)) * E(e, v(e) - m(e))},
            {"r6": lambda e: Var(e) + bias(e)},
            {"r5": lambda e: Var(e) + bias(e) ** 2 + 2 * (m(e) - th(e)) * (m(e) - th(e))},
        ],
        lookalikes=[{"r3": lambda e: E(e, (v(e) - m(e)) ** 2) + E(e, (m(e) - th(e)) ** 2 + 0 * v(e)) - 2 * E(e, (v(e) - m(e)) * (m(e) - th(e)))},
                    {"r5": lambda e: Var(e) + (th(e) - m(e)) ** 2 + 2 * (m(e) - th(e)) * (m(e) - m(e))}])


# ------------------------------------------------------------------ beta-binomial marginal

def _betabinom():
    def sample(rng):
        n = int(rng.integers(1, 9))
        return {"n": n, "s": int(rng.integers(0, n + 1)), "a": rng.uniform(0.6, 4.0), "b": rng.uniform(0.6, 4.0),
                "t": rng.uniform(0.02, 0.98)}
    n, s, a, b, t = (lambda e: e["n"]), (lambda e: e["s"]), (lambda e: e["a"]), (lambda e: e["b"]), (lambda e: e["t"])
    B = lambda x, y: math.exp(math.lgamma(x) + math.lgamma(y) - math.lgamma(x + y))
    C = lambda e, k=None: math.comb(n(e), s(e) if k is None else k) if 0 <= (s(e) if k is None else k) <= n(e) else 0
    Bi = lambda x, y: _unit(lambda u, w: u ** (x - 1) * w ** (y - 1))
    PD = lambda e: _unit(lambda u, w: C(e) * u ** s(e) * w ** (n(e) - s(e)) * u ** (a(e) - 1) * w ** (b(e) - 1) / B(a(e), b(e)))
    rows = {
        "PD": PD, "PD2": PD, "PD3": PD, "PD5": PD, "PD6": PD,
        "d2": lambda e: C(e) / B(a(e), b(e)) * _unit(lambda u, w: u ** s(e) * w ** (n(e) - s(e)) * u ** (a(e) - 1) * w ** (b(e) - 1)),
        "d3": lambda e: C(e) / B(a(e), b(e)) * Bi(s(e) + a(e), n(e) - s(e) + b(e)),
        "i4": lambda e: Bi(s(e) + a(e), n(e) - s(e) + b(e)), "b4": lambda e: B(s(e) + a(e), n(e) - s(e) + b(e)),
        "c4": lambda e: B(a(e) + s(e), b(e) + n(e) - s(e)),
        "d5": lambda e: C(e) / B(a(e), b(e)) * B(a(e) + s(e), b(e) + n(e) - s(e)),
        "d6": lambda e: B(a(e) + s(e), b(e) + n(e) - s(e)) / B(a(e), b(e)) * C(e),
        "pl": lambda e: t(e) ** s(e) * (1 - t(e)) ** (n(e) - s(e)) * t(e) ** (a(e) - 1) * (1 - t(e)) ** (b(e) - 1),
        "pr": lambda e: t(e) ** ((s(e) + a(e)) - 1) * (1 - t(e)) ** ((n(e) - s(e) + b(e)) - 1),
    }
    steps = [Step("=", "PD2", "d2"), Step("=", "PD3", "d3"), Step("=", "i4", "b4"), Step("=", "b4", "c4"),
             Step("=", "PD5", "d5"), Step("=", "PD6", "d6"), Step("=", "pl", "pr")]
    for st in steps:
        st.tol = 1e-7
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"d3": lambda e: C(e) / B(a(e), b(e)) * Bi(s(e) + a(e) + 1, n(e) - s(e) + b(e))},
            {"b4": lambda e: B(s(e) + a(e), n(e) + b(e))},
            {"d6": lambda e: B(a(e) + s(e), b(e) + n(e) - s(e)) / B(a(e), b(e)) * C(e, s(e) - 1)},
            {"pr": lambda e: t(e) ** ((s(e) + a(e)) - 1) * (1 - t(e)) ** ((n(e) + b(e)) - 1)},
            {"d2": lambda e: C(e) * B(a(e), b(e)) * _unit(lambda u, w: u ** s(e) * w ** (n(e) - s(e)) * u ** (a(e) - 1) * w ** (b(e) - 1))},
        ],
        lookalikes=[{"d6": lambda e: B(a(e) + s(e), b(e) + n(e) - s(e)) / B(a(e), b(e)) * C(e, n(e) - s(e))},
                    {"c4": lambda e: B(b(e) + n(e) - s(e), a(e) + s(e))}])


# ------------------------------------------------------------------ exponential MGF

def _exp_mgf():
    def sample(rng):
        lam = rng.uniform(0.3, 4.0)
        top = min(lam, 1.0)
        t = rng.uniform(-1.5, 0.9 * top)
        return {"l": lam, "t": t if abs(t) > 0.05 else 0.1 * top}
    l, t = (lambda e: e["l"]), (lambda e: e["t"])
    M = lambda e, s: _halfline(lambda x: l(e) * np.exp((s - l(e)) * x), 1 / (l(e) - s))     # e^{-lx} e^{sx}, s < l
    rows = {
        "MX": lambda e: M(e, t(e)), "a1": lambda e: M(e, t(e)), "a2": lambda e: l(e) / (l(e) - t(e)),
        "MY": lambda e: M(e, t(e) * l(e)), "c1": lambda e: M(e, t(e) * l(e)), "c2": lambda e: M(e, t(e) * l(e)),
        "c3": lambda e: l(e) / (l(e) - t(e) * l(e)), "c4": lambda e: l(e) / (l(e) - t(e) * l(e)),
        "c5": lambda e: 1 / (1 - t(e)),
    }
    steps = chain(["MX", ("=", "a1"), ("=", "a2")]) + chain(["MY", ("=", "c1"), ("=", "c2"), ("=", "c3"), ("=", "c4"), ("=", "c5")])
    for st in steps:
        st.tol = 1e-8
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"a2": lambda e: 1 / (l(e) - t(e))},
            {"c4": lambda e: l(e) / (l(e) - t(e))},
            {"c5": lambda e: 1 / (1 + t(e))},
            {"a1": lambda e: _halfline(lambda x: l(e) * np.exp(-(l(e) + t(e)) * x), 1 / (l(e) + t(e)))},
        ],
        lookalikes=[{"c5": lambda e: l(e) / (l(e) * (1 - t(e)))}, {}])


# ------------------------------------------------------------------ Chernoff's bound

def _chernoff():
    def sample(rng):
        n = int(rng.integers(3, 9))
        xs = rng.uniform(-3, 3, size=n)
        return {"w": pmf(rng, n), "xs": xs, "t": rng.uniform(0.1, 2.0), "a": rng.uniform(0.2, 2.5) * rng.choice([-1, 1])}
    w, xs, t, a = (lambda e: e["w"]), (lambda e: e["xs"]), (lambda e: e["t"]), (lambda e: e["a"])
    P = lambda e, event: float(np.sum(w(e) * event))
    Eexp = lambda e, s: float(np.sum(w(e) * np.exp(s * xs(e))))
    rows = {
        "P": lambda e: P(e, xs(e) >= a(e)), "P2": lambda e: P(e, np.exp(t(e) * xs(e)) >= np.exp(t(e) * a(e))),
        "m": lambda e: Eexp(e, t(e)) / np.exp(t(e) * a(e)), "m2": lambda e: np.exp(-t(e) * a(e)) * Eexp(e, t(e)),
        "m3": lambda e: np.exp(-t(e) * a(e)) * Eexp(e, t(e)),
    }
    return Model(
        sample=sample, rows=rows, steps=chain(["P", ("=", "P2"), ("<=", "m"), ("=", "m2"), ("=", "m3")]),
        mutants=[
            {("rel", 2): ">="},
            {"m2": lambda e: np.exp(t(e) * a(e)) * Eexp(e, t(e))},
            {"m3": lambda e: np.exp(-t(e) * a(e)) * Eexp(e, -t(e))},
            {"P": lambda e: P(e, xs(e) >= 2 * a(e))},
        ],
        lookalikes=[{"m2": lambda e: Eexp(e, t(e)) * np.exp(-t(e) * a(e))}, {}])


MODELS = {
    "s9g_poisson_mgf_zenn": _poisson_mgf(),
    "s9g_poisson_mle_cwksc": _poisson_mle(),
    "s9g_importance_sampling_nemotron": _importance(),
    "s9g_var_sum_mathphys": _var_sum(),
    "s9g_binomial_mean_newbetuts": _binomial_mean(),
    "s9g_total_expectation_imathworks": _total_expectation(),
    "s9g_bias_variance_mochael": _bias_variance(),
    "s9g_betabinom_marginal_jliu678": _betabinom(),
    "s9g_exp_mgf_imathworks": _exp_mgf(),
    "s9g_chernoff_techqa": _chernoff(),
}

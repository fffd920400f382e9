"""Truth models of the s23a_ entries (a held-out set on probability inequalities and
decompositions: a note's bias-variance decomposition of the MSE, a cheat sheet's normal MGF by
completing the square, a blog's binomial MGF, mean and variance, a theorem site's Markov and
Chebyshev inequalities, a Q&A's Chernoff bound for a Poisson variable). Laws on random finite
supports (the binomial and Poisson laws exactly, the Poisson series in log space), the normal
integrals on a dense grid, derivatives by the complex step, the infimum over t >= 0 on a grid."""

from __future__ import annotations

from math import comb, lgamma

import numpy as np

from .base import Step, Model, chain, tight

LOG = np.log
EXP = np.exp
H_STEP = 1e-20


# ------------------------------------------------------------------ MSE = Var + Bias^2 (freddiek4)

def _mse():
    def sample(rng):
        n = int(rng.integers(2, 7))
        w = rng.uniform(0.2, 1.0, size=n)
        return {"v": rng.normal(0, 2, size=n), "w": w / w.sum(), "th": rng.normal(0, 2)}
    E = lambda e, g: float(np.sum(e["w"] * g))
    v, th = (lambda e: e["v"]), (lambda e: e["th"])
    m = lambda e: E(e, v(e))
    var = lambda e: E(e, (v(e) - m(e)) ** 2)
    bias = lambda e: m(e) - th(e)

    def r2(e, s=1):
        return E(e, (v(e) - m(e)) ** 2 + s * 2 * (v(e) - m(e)) * (m(e) - th(e)) + (m(e) - th(e)) ** 2)
    rows = {
        "r0": lambda e: E(e, (v(e) - th(e)) ** 2),
        "r1": lambda e: E(e, (v(e) - m(e) + m(e) - th(e)) ** 2),
        "r2": r2,
        "r3": lambda e: var(e) + 2 * (m(e) - th(e)) * E(e, v(e) - m(e)) + (m(e) - th(e)) ** 2,
        "r4": lambda e: var(e) + 2 * (m(e) - th(e)) * 0 + (m(e) - th(e)) ** 2,
        "r5": lambda e: var(e) + 0 + bias(e) ** 2,
        "MSE": lambda e: E(e, (v(e) - th(e)) ** 2),
        "r6": lambda e: var(e) + bias(e) ** 2,
    }
    steps = tight(chain(["r0", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5")])
                   + [Step("=", "MSE", "r6")], 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r3": lambda e: var(e) + 2 * (m(e) - th(e)) * E(e, v(e) - m(e)) + (m(e) - th(e))},
            {"r5": lambda e: var(e) + 0 + bias(e)},
            {"r6": lambda e: var(e) - bias(e) ** 2},
            {"r1": lambda e: E(e, (v(e) - m(e) + m(e) + th(e)) ** 2)},
        ],
        lookalikes=[
            {"r2": lambda e: r2(e, s=-1)},
            {"r2": lambda e: E(e, (v(e) - m(e)) ** 2 + 2 * (v(e) - m(e)) * (m(e) - th(e)) + (th(e) - m(e)) ** 2)},
            {"r4": lambda e: var(e) + 0 * (m(e) - th(e)) + (m(e) - th(e)) ** 2},
        ])


# ------------------------------------------------------------------ normal MGF (kolikaran1992)

def _normal_mgf():
    def sample(rng):
        return {"mu": rng.normal(0, 1), "t": rng.uniform(-1.5, 1.5), "s": rng.uniform(0.4, 1.6),
                "x": rng.normal(0, 2)}
    mu, t, s = (lambda e: e["mu"]), (lambda e: e["t"]), (lambda e: e["s"])

    def integ(e, f):
        c = mu(e) + s(e) ** 2 * t(e)
        g = np.linspace(min(mu(e), c) - 16 * s(e), max(mu(e), c) + 16 * s(e), 200001)
        return float(np.trapezoid(f(g), g))
    pdf = lambda g, m, sd: EXP(-(g - m) ** 2 / (2 * sd ** 2)) / np.sqrt(2 * np.pi * sd ** 2)
    M = lambda e: float(EXP(mu(e) * t(e) + 0.5 * s(e) ** 2 * t(e) ** 2))   # E[e^{tX}], the known MGF

    def I(e, sign=1):
        return integ(e, lambda g: EXP(sign * t(e) * g) * pdf(g, mu(e), s(e)))

    def R2(e, half=0.5):
        x = e["x"]
        return -(x - (mu(e) + s(e) ** 2 * t(e))) ** 2 / (2 * s(e) ** 2) + mu(e) * t(e) + half * s(e) ** 2 * t(e) ** 2

    def R3(e, sign=1, shift=1):
        return float(EXP(mu(e) * t(e) + sign * 0.5 * s(e) ** 2 * t(e) ** 2)
                     * integ(e, lambda g: pdf(g, mu(e) + shift * s(e) ** 2 * t(e), s(e))))

    def L2(e, two=2.0):
        x = e["x"]
        return t(e) * x - (x - mu(e)) ** 2 / (two * s(e) ** 2)
    rows = {
        "E": M, "I": I, "L2": L2, "R2": R2, "M": M, "R3": R3,
        "R4": lambda e: float(EXP(mu(e) * t(e) + 0.5 * s(e) ** 2 * t(e) ** 2)),
    }
    steps = tight([Step("=", "E", "I"), Step("=", "L2", "R2"), Step("=", "M", "R3"), Step("=", "M", "R4")], 1e-7)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"R2": lambda e: R2(e, half=1.0)},
            {"R3": lambda e: R3(e, sign=-1)},
            {"R4": lambda e: float(EXP(2 * mu(e) * t(e) + 0.5 * s(e) ** 2 * t(e) ** 2))},
            {"I": lambda e: I(e, sign=-1)},
            {"L2": lambda e: L2(e, two=1.0)},
        ],
        lookalikes=[{"R3": lambda e: R3(e, shift=-1)}, {}])


# ------------------------------------------------------------------ binomial MGF, mean, variance (zak2718)

def _binom():
    def sample(rng):
        n = int(rng.integers(1, 9))
        return {"n": n, "p": rng.uniform(0.1, 0.9), "th": rng.uniform(-1.5, 1.5),
                "k": int(rng.integers(0, n + 1)), "a": rng.normal(0, 1.5), "b": rng.normal(0, 1.5)}
    n, p, th = (lambda e: e["n"]), (lambda e: e["p"]), (lambda e: e["th"])
    q = lambda e: 1 - p(e)
    ks = lambda e: np.arange(n(e) + 1)
    C = lambda e: np.array([comb(n(e), int(k)) for k in ks(e)], dtype=float)
    pmf = lambda e: C(e) * p(e) ** ks(e) * (1 - p(e)) ** (n(e) - ks(e))
    Mth = lambda e, z: np.sum(pmf(e) * EXP(z * ks(e)))            # E[e^{zX}] from the law
    d1 = lambda e, z: float(np.imag(Mth(e, z + 1j * H_STEP)) / H_STEP)
    d2 = lambda e, z: float(np.sum(pmf(e) * ks(e) ** 2 * EXP(z * ks(e))))   # termwise
    B = lambda e: p(e) * EXP(th(e)) + q(e)
    N, P, Q = n, p, q

    def d1a(e, pw=None):
        pw = N(e) - 1 if pw is None else pw
        return N(e) * B(e) ** pw * P(e) * EXP(th(e))
    rows = {
        "Bin": lambda e: float(pmf(e)[e["k"]]),
        "binf": lambda e: comb(N(e), e["k"]) * P(e) ** e["k"] * Q(e) ** (N(e) - e["k"]),
        "E": lambda e: float(Mth(e, th(e))),
        "s1": lambda e: float(np.sum(pmf(e) * EXP(th(e) * ks(e)))),
        "s2": lambda e: float(np.sum(C(e) * P(e) ** ks(e) * Q(e) ** (N(e) - ks(e)) * EXP(th(e) * ks(e)))),
        "s3": lambda e: float(np.sum(C(e) * (P(e) * EXP(th(e))) ** ks(e) * Q(e) ** (N(e) - ks(e)))),
        "c": lambda e: float(B(e) ** N(e)),
        "abl": lambda e: (e["a"] + e["b"]) ** N(e),
        "abr": lambda e: float(np.sum(C(e) * e["a"] ** ks(e) * e["b"] ** (N(e) - ks(e)))),
        "Md1": lambda e: d1(e, th(e)),
        "d1a": d1a,
        "d1b": lambda e: N(e) * P(e) * B(e) ** (N(e) - 1) * EXP(th(e)),
        "Md2": lambda e: d2(e, th(e)),
        "d2a": lambda e: (N(e) * P(e) * (N(e) - 1) * B(e) ** (N(e) - 2) * P(e) * EXP(th(e)) * EXP(th(e))
                          + N(e) * P(e) * B(e) ** (N(e) - 1) * EXP(th(e))),
        "d2b": lambda e: N(e) * P(e) * EXP(th(e)) * ((N(e) - 1) * B(e) ** (N(e) - 2) * P(e) * EXP(th(e))
                                                      + B(e) ** (N(e) - 1)),
        "EX": lambda e: float(np.sum(ks(e) * pmf(e))),
        "M10": lambda e: d1(e, 0.0),
        "e12": lambda e: N(e) * P(e) * (P(e) + Q(e)) ** (N(e) - 1),
        "np": lambda e: N(e) * P(e),
        "v0": lambda e: float(np.sum(ks(e) ** 2 * pmf(e)) - np.sum(ks(e) * pmf(e)) ** 2),
        "v1": lambda e: d2(e, 0.0) - d1(e, 0.0) ** 2,
        "v2": lambda e: N(e) * P(e) * ((N(e) - 1) * (P(e) + Q(e)) ** (N(e) - 2) * P(e) + (P(e) + Q(e)) ** (N(e) - 1)) - (N(e) * P(e)) ** 2,
        "v3": lambda e: N(e) * P(e) * ((N(e) - 1) * P(e) + 1) - (N(e) * P(e)) ** 2,
        "v4": lambda e: N(e) * P(e) * (N(e) * P(e) - P(e) + 1) - (N(e) * P(e)) ** 2,
        "v5": lambda e: ((N(e) * P(e)) ** 2 - N(e) * P(e) ** 2 + N(e) * P(e)) - (N(e) * P(e)) ** 2,
        "v6": lambda e: -N(e) * P(e) ** 2 + N(e) * P(e),
        "v7": lambda e: N(e) * P(e) * (1 - P(e)),
        "v8": lambda e: N(e) * P(e) * Q(e),
    }
    steps = tight([Step("=", "Bin", "binf")]
                   + chain(["E", ("=", "s1"), ("=", "s2"), ("=", "s3"), ("=", "c")])
                   + [Step("=", "abl", "abr")]
                   + chain(["Md1", ("=", "d1a"), ("=", "d1b")])
                   + chain(["Md2", ("=", "d2a"), ("=", "d2b")])
                   + chain(["EX", ("=", "M10"), ("=", "e12"), ("=", "np")])
                   + chain(["v0", ("=", "v1"), ("=", "v2"), ("=", "v3"), ("=", "v4"), ("=", "v5"),
                            ("=", "v6"), ("=", "v7"), ("=", "v8")]), 1e-8)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"d1a": lambda e: d1a(e, pw=N(e))},
            {"v3": lambda e: N(e) * P(e) * ((N(e) - 1) * P(e) - 1) - (N(e) * P(e)) ** 2},
            {"v7": lambda e: N(e) * P(e) * (1 + P(e))},
            {"e12": lambda e: N(e) * (P(e) + Q(e)) ** (N(e) - 1)},
            {"s1": lambda e: float(np.sum(pmf(e) * EXP(th(e))))},
        ],
        lookalikes=[
            {"c": lambda e: float((Q(e) + P(e) * EXP(th(e))) ** N(e))},
            {"abr": lambda e: float(np.sum(C(e) * e["a"] ** (N(e) - ks(e)) * e["b"] ** ks(e)))},
            {"v5": lambda e: (N(e) ** 2 * P(e) ** 2 - N(e) * P(e) ** 2 + N(e) * P(e)) - (N(e) * P(e)) ** 2},
        ])


# ------------------------------------------------------------------ Markov and Chebyshev (androma)

def _markov_cheb():
    def sample(rng):
        t = rng.uniform(0.3, 3.0)
        m = int(rng.integers(1, 6))
        if rng.uniform() < 0.4:                     # all mass at or above t: Markov nearly tight
            z = t * rng.uniform(1.0, 1.3, size=m)
        else:
            z = rng.uniform(0.0, 4.0, size=m)
        wz = rng.uniform(0.2, 1.0, size=m)
        a = rng.uniform(0.2, 2.5)
        if rng.uniform() < 0.4:                     # a symmetric two-point law just beyond a
            c = rng.normal(0, 1)
            x = np.array([c - 1.05 * a, c + 1.05 * a])
            wx = np.array([0.5, 0.5])
        else:
            k = int(rng.integers(2, 7))
            x = rng.normal(0, 1.5, size=k)
            wx = rng.uniform(0.2, 1.0, size=k)
        return {"t": t, "z": z, "wz": wz / wz.sum(), "a": a, "x": x, "wx": wx / wx.sum()}
    Ez = lambda e, g: float(np.sum(e["wz"] * g))
    Ex = lambda e, g: float(np.sum(e["wx"] * g))
    t, a = (lambda e: e["t"]), (lambda e: e["a"])
    ind = lambda e: (e["z"] >= t(e)).astype(float)
    mu = lambda e: Ex(e, e["x"])
    dev2 = lambda e: (e["x"] - mu(e)) ** 2
    rows = {
        "P": lambda e: Ez(e, ind(e)),
        "Mk": lambda e: Ez(e, e["z"]) / t(e),
        "EZ": lambda e: Ez(e, e["z"]),
        "a1": lambda e: Ez(e, t(e) * ind(e)),
        "a2": lambda e: t(e) * Ez(e, ind(e)),
        "a3": lambda e: t(e) * Ez(e, ind(e)),
        "Pa": lambda e: Ex(e, (np.abs(e["x"] - mu(e)) >= a(e)).astype(float)),
        "Pb": lambda e: Ex(e, (dev2(e) >= a(e) ** 2).astype(float)),
        "Cb": lambda e: Ex(e, dev2(e)) / a(e) ** 2,
        "Cv": lambda e: Ex(e, dev2(e)) / a(e) ** 2,
    }
    steps = tight([Step("<=", "P", "Mk")] + chain(["EZ", (">=", "a1"), ("=", "a2"), ("=", "a3")])
                   + chain(["Pa", ("=", "Pb"), ("<=", "Cb"), ("=", "Cv")]), 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"Mk": lambda e: Ez(e, e["z"]) / t(e) ** 2},
            {"a2": lambda e: t(e) ** 2 * Ez(e, ind(e))},
            {"Cb": lambda e: Ex(e, dev2(e)) / a(e)},
            {("rel", 2): "<="},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ Chernoff bound, Poisson (techqa 4164600)

def _poisson_chernoff():
    K = np.arange(0, 220)
    LF = np.array([lgamma(k + 1) for k in K])

    def sample(rng):
        return {"lam": rng.uniform(0.5, 5.0), "t": rng.uniform(0.05, 2.0), "c": rng.uniform(-1.0, 10.0)}
    lam, t, c = (lambda e: e["lam"]), (lambda e: e["t"]), (lambda e: e["c"])
    logpmf = lambda e: K * LOG(lam(e)) - lam(e) - LF
    pmf = lambda e: EXP(logpmf(e))

    def lse(v):
        mx = np.max(v)
        return float(mx + LOG(np.sum(EXP(v - mx))))
    mgf = lambda e, s: float(EXP(lse(logpmf(e) + s * K)))          # E[e^{sX}] from the law
    tail = lambda e: float(np.sum(pmf(e)[K >= c(e)]))
    S_GRID = np.linspace(0.0, 3.2, 2561)

    def inf_mgf(e, sgn=-1):
        if ("_I1", sgn) in e:                                     # one grid search per instance
            return e[("_I1", sgn)]
        A = logpmf(e)[None, :] + S_GRID[:, None] * K[None, :]
        mx = A.max(axis=1)
        logm = mx + LOG(np.sum(EXP(A - mx[:, None]), axis=1))     # log E[e^{sX}] on the grid
        e[("_I1", sgn)] = float(EXP(np.min(sgn * c(e) * S_GRID + logm)))
        return e[("_I1", sgn)]

    def inf_closed(e, sgn=-1):
        vals = sgn * c(e) * S_GRID + lam(e) * (EXP(S_GRID) - 1)
        return float(EXP(np.min(vals)))
    rows = {
        "P": tail,
        "B1": lambda e: mgf(e, t(e)) / EXP(c(e) * t(e)),
        "E": lambda e: mgf(e, t(e)),
        "S": lambda e: float(np.sum(EXP(t(e) * K + logpmf(e)))),
        "C": lambda e: float(EXP(lam(e) * (EXP(t(e)) - 1))),
        "I1": inf_mgf,
        "I2": inf_closed,
    }
    steps = [Step("<=", "P", "B1", tol=1e-9), Step("=", "E", "S", tol=1e-9), Step("=", "S", "C", tol=1e-9),
             Step("<=", "P", "I1", tol=1e-9), Step("=", "I1", "I2", tol=1e-7)]
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"C": lambda e: float(EXP(lam(e) * (EXP(t(e)) + 1)))},
            {("rel", 1): ">="},
            {"S": lambda e: float(np.sum(EXP(t(e) * K + K * LOG(lam(e)) + lam(e) - LF)))},
            {"I2": lambda e: inf_closed(e, sgn=+1)},
        ],
        lookalikes=[{}, {"C": lambda e: float(EXP(-lam(e)) * EXP(lam(e) * EXP(t(e))))}])


MODELS = {
    "s23a_mse_bias_var_freddiek4": _mse(),
    "s23a_normal_mgf_kolikaran": _normal_mgf(),
    "s23a_binom_mgf_zak2718": _binom(),
    "s23a_markov_cheb_androma": _markov_cheb(),
    "s23a_poisson_chernoff_techqa": _poisson_chernoff(),
}

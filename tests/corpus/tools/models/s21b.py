"""Truth models of the s21b_ entries (a held-out set on Bayesian inference: the MAP estimate of a
Bernoulli parameter under a Beta prior, Bayes' rule with the evidence summed over a hidden binary
variable (a COVID-19 test), the Gaussian posterior of a mean with known variance, the binomial
model evidence under a beta prior, and the EM lower bound as expected complete-data
log-likelihood plus entropy with its KL decomposition). Latent spaces finite (integrals as sums),
integrals over [0, 1] by Gauss-Legendre quadrature, the Gaussian evidence on a dense grid,
minimisers by a dense grid with refinement, proportionality as equal log-differences at two
values."""

from __future__ import annotations

import math

import numpy as np

from .base import Model, Step, chain, grid_max, joint, pmf

LOG = np.log
EXP = np.exp


def _tol(steps, tol):
    return [Step(s.relation, s.lhs, s.rhs, s.when, tol) for s in steps]


def _betafn(a, b):
    return math.exp(math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b))


# ------------------------------------------------------------------ Bernoulli MAP under a Beta prior (PML1, es)

def _bern_map():
    def sample(rng):
        n = int(rng.integers(1, 9))
        return {"y": rng.integers(0, 2, size=n), "a": rng.uniform(1.2, 4.0), "b": rng.uniform(1.2, 4.0),
                "t": rng.uniform(0.05, 0.95), "t1": rng.uniform(0.05, 0.95), "t2": rng.uniform(0.05, 0.95)}
    N1 = lambda e: float(np.sum(e["y"] == 1))
    N0 = lambda e: float(np.sum(e["y"] == 0))

    def L1(e, t):   # -sum log Ber(y_n|t) - log Beta(t|a,b)
        y, a, b = e["y"], e["a"], e["b"]
        lik = N1(e) * LOG(t) + N0(e) * LOG(1 - t)
        prior = (a - 1) * LOG(t) + (b - 1) * LOG(1 - t) - LOG(_betafn(a, b))
        return -lik - prior

    def L2(e, t, swap=False):
        y, a, b = e["y"], e["a"], e["b"]
        one, zero = (y == 1).astype(float), (y == 0).astype(float)
        if swap:
            one, zero = zero, one
        prod = np.prod(t ** one * (1 - t) ** zero)
        return -LOG(prod) - LOG(1 / _betafn(a, b) * t ** (a - 1) * (1 - t) ** (b - 1))

    def L3(e, t, second=None):   # without the constant
        a, b = e["a"], e["b"]
        last = (b - 1) * LOG(1 - t) if second is None else second(e, t)
        return -(N1(e) * LOG(t) + N0(e) * LOG(1 - t)) - ((a - 1) * LOG(t) + last)

    diff = lambda f: (lambda e: float(f(e, e["t1"]) - f(e, e["t2"])))

    def dL(e):
        h = 1e-6
        return float((L1(e, e["t"] + h) - L1(e, e["t"] - h)) / (2 * h))

    def d3(e, sign=1.0):
        t, a, b = e["t"], e["a"], e["b"]
        return float(-N1(e) / t + sign * N0(e) / (1 - t) - (a - 1) / t + (b - 1) / (1 - t))

    def argmin(e):
        return grid_max(lambda t: -L1(e, t), 1e-6, 1 - 1e-6)[1]

    def m4(e, minus=2.0, total=None):
        a, b = e["a"], e["b"]
        n = N1(e) + N0(e) if total is None else total(e)
        return (N1(e) + a - 1) / (n + a + b - minus)

    def m5(e, two=2.0):
        return (N1(e) + 1) / (N1(e) + N0(e) + two)
    at_2 = lambda e: {**e, "a": 2.0, "b": 2.0}
    rows = {
        "L1": lambda e: float(L1(e, e["t"])),
        "L2": lambda e: float(L2(e, e["t"])),
        "L2d": diff(L2), "L3d": diff(L3),
        "dL": dL, "d3": d3,
        "map": argmin, "m4": m4, "m5": m5,
    }
    steps = (chain(["L1", ("=", "L2")]) + [Step("=", "L2d", "L3d")]
             + [Step("=", "dL", "d3", tol=1e-5)]
             + [Step("=", "map", "m4", tol=1e-6), Step("=", "map", "m5", when=at_2, tol=1e-6)])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"L3d": diff(lambda e, t: L3(e, t, second=lambda e, t: (e["b"] - 1) * LOG(t)))},
            {"L2": lambda e: float(L2(e, e["t"], swap=True)), "L2d": diff(lambda e, t: L2(e, t, swap=True))},
            {"d3": lambda e: d3(e, sign=-1.0)},
            {"m4": lambda e: m4(e, minus=1.0)},
            {"m5": lambda e: m5(e, two=4.0)},
        ],
        lookalikes=[{}, {}, {"m4": lambda e: m4(e, total=lambda e: float(len(e["y"])))}])


# ------------------------------------------------------------------ Bayes' rule and the COVID-19 test (PML1, es)

def _bayes_covid():
    def sample(rng):
        return {"J": joint(rng, 2, 2), "h": int(rng.integers(0, 2)), "y": int(rng.integers(0, 2))}
    J = lambda e: e["J"]
    ph = lambda e: J(e).sum(axis=1)
    py = lambda e: J(e).sum(axis=0)
    y_h = lambda e: J(e)[e["h"], e["y"]] / ph(e)[e["h"]]      # p(Y=y|H=h)
    # the notebook's numbers: prior p(H=1), FPR p(Y=1|H=0), TPR p(Y=1|H=1); p(Y=1) summed over H
    P1, FPR, TPR = 0.01, 0.025, 0.875
    PY1 = P1 * TPR + (1 - P1) * FPR
    rows = {
        "c": lambda e: float(J(e)[e["h"], e["y"]] / py(e)[e["y"]]),
        "r1": lambda e: float(J(e)[e["h"], e["y"]] / py(e)[e["y"]]),
        "r2": lambda e: float(ph(e)[e["h"]] * y_h(e) / py(e)[e["y"]]),
        "C": lambda e: P1 * TPR / PY1,
        "C1": lambda e: P1 * TPR / PY1,
        "C2": lambda e: 0.01 * 0.875 / 0.0335,
        "C3": lambda e: 0.26,
    }
    steps = (chain(["c", ("=", "r1"), ("=", "r2")]) + chain(["C", ("=", "C1"), ("=", "C2")])
             + [Step("=", "C2", "C3", tol=3e-3)])   # '=26%': rounded to the whole percent
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r2": lambda e: float(py(e)[e["y"]] * y_h(e) / ph(e)[e["h"]])},
            {"C1": lambda e: P1 * FPR / PY1},
            {"C2": lambda e: 0.01 * 0.875 / 0.0355},
            {"C3": lambda e: 0.88},
        ],
        lookalikes=[{}, {}, {"C3": lambda e: 0.26}])


# ------------------------------------------------------------------ Gaussian mean, known variance (statproofbook)

_GRID = np.linspace(-20.0, 20.0, 40001)


def _lognorm(x, m, v):
    return -0.5 * LOG(2 * np.pi * v) - (x - m) ** 2 / (2 * v)


def _gauss_post():
    def sample(rng):
        n = int(rng.integers(1, 7))
        return {"y": rng.normal(0, 2, size=n), "s": rng.uniform(0.5, 2.0), "l0": rng.uniform(0.3, 3.0),
                "mu0": rng.normal(0, 2), "m": rng.normal(0, 2), "v1": rng.normal(0, 2), "v2": rng.normal(0, 2)}
    y = lambda e: e["y"]
    n = lambda e: len(e["y"])
    s2 = lambda e: e["s"] ** 2
    tau = lambda e: 1 / s2(e)
    ybar = lambda e: float(np.mean(y(e)))
    yty = lambda e: float(np.sum(y(e) ** 2))
    lam_n = lambda e: e["l0"] + tau(e) * n(e)
    mu_n = lambda e: (e["l0"] * e["mu0"] + tau(e) * n(e) * ybar(e)) / (e["l0"] + tau(e) * n(e))
    f_n = lambda e: -0.5 * (tau(e) * yty(e) + e["l0"] * e["mu0"] ** 2 - lam_n(e) * mu_n(e) ** 2)
    S = lambda e, mu: float(np.sum((y(e) - mu) ** 2))

    def loglik(e, mu):
        mu = np.asarray(mu, dtype=float)
        return np.sum(_lognorm(y(e)[:, None], mu.reshape(1, -1), s2(e)), axis=0).reshape(mu.shape)

    logprior = lambda e, mu: _lognorm(mu, e["mu0"], 1 / e["l0"])

    def logev(e):
        vals = loglik(e, _GRID) + logprior(e, _GRID)
        top = float(np.max(vals))
        return top + float(LOG(np.sum(EXP(vals - top)) * (_GRID[1] - _GRID[0])))
    lj = lambda e, mu: float(loglik(e, mu) + logprior(e, mu))        # log p(y|mu) p(mu)
    at = lambda f: (lambda e: float(f(e, e["m"])))
    diff = lambda f: (lambda e: float(f(e, e["v1"]) - f(e, e["v2"])))

    def a3(e, mu, power=True):
        c = 0.5 * LOG(1 / (2 * np.pi * s2(e)))
        return (n(e) * c if power else c) - S(e, mu) / (2 * s2(e))

    def b2(e, mu, half=0.5):
        return float(np.sum(0.5 * LOG(tau(e) / (2 * np.pi)) - half * tau(e) * (y(e) - mu) ** 2))
    const = lambda e: 0.5 * n(e) * LOG(tau(e) / (2 * np.pi)) + 0.5 * LOG(e["l0"] / (2 * np.pi))

    def s2row(e, mu, sign=-1.0):
        return const(e) - 0.5 * (float(np.sum(tau(e) * (y(e) ** 2 + sign * 2 * y(e) * mu + mu ** 2)))
                                 + e["l0"] * (mu ** 2 - 2 * mu * e["mu0"] + e["mu0"] ** 2))

    def s4row(e, mu, two=2.0):
        return const(e) - 0.5 * (mu ** 2 * (tau(e) * n(e) + e["l0"]) - two * mu * (tau(e) * n(e) * ybar(e) + e["l0"] * e["mu0"])
                                 + (tau(e) * yty(e) + e["l0"] * e["mu0"] ** 2))

    def t4(e, mu, sign=1.0):
        return const(e) - lam_n(e) / 2 * (mu - mu_n(e)) ** 2 + sign * f_n(e)

    def t5(e, mu, sign=-1.0):
        return -lam_n(e) / 2 * (mu + sign * mu_n(e)) ** 2

    def pn(e, mu, inv=True):
        return float(_lognorm(mu, mu_n(e), 1 / lam_n(e) if inv else lam_n(e)))
    rows = {
        "post": lambda e: lj(e, e["m"]) - logev(e),
        "bt": lambda e: lj(e, e["m"]) - logev(e),
        "post_d": diff(lambda e, mu: lj(e, mu) - logev(e)),
        "num_d": diff(lj),
        "num": at(lj), "joint": at(lj),
        "lik": at(lambda e, mu: float(loglik(e, mu))),
        "a1": at(lambda e, mu: float(np.sum(_lognorm(y(e), mu, s2(e))))),
        "a2": at(lambda e, mu: float(np.sum(LOG(1 / (np.sqrt(2 * np.pi) * e["s"])) - 0.5 * ((y(e) - mu) / e["s"]) ** 2))),
        "a3": at(a3),
        "b1": at(lambda e, mu: float(np.sum(_lognorm(y(e), mu, 1 / tau(e))))),
        "b2": at(b2),
        "b3": at(lambda e, mu: n(e) * 0.5 * LOG(tau(e) / (2 * np.pi)) - tau(e) / 2 * S(e, mu)),
        "j1": at(lj),
        "j2": at(lambda e, mu: n(e) * 0.5 * LOG(tau(e) / (2 * np.pi)) - tau(e) / 2 * S(e, mu)
                 + 0.5 * LOG(e["l0"] / (2 * np.pi)) - e["l0"] / 2 * (mu - e["mu0"]) ** 2),
        "k1": at(lambda e, mu: const(e) - tau(e) / 2 * S(e, mu) - e["l0"] / 2 * (mu - e["mu0"]) ** 2),
        "s1": at(lambda e, mu: const(e) - 0.5 * (tau(e) * S(e, mu) + e["l0"] * (mu - e["mu0"]) ** 2)),
        "s2": at(s2row),
        "s3": at(lambda e, mu: const(e) - 0.5 * (tau(e) * (yty(e) - 2 * n(e) * ybar(e) * mu + n(e) * mu ** 2)
                                                 + e["l0"] * (mu ** 2 - 2 * mu * e["mu0"] + e["mu0"] ** 2))),
        "s4": at(s4row),
        "t4": at(t4),
        "joint_d": diff(lj), "t5_d": diff(t5),
        "pn": at(pn),
    }
    steps = _tol([Step("=", "post", "bt"), Step("=", "post_d", "num_d"), Step("=", "num", "joint")]
                 + chain(["lik", ("=", "a1"), ("=", "a2"), ("=", "a3")])
                 + chain(["lik", ("=", "b1"), ("=", "b2"), ("=", "b3")])
                 + chain(["joint", ("=", "j1"), ("=", "j2")])
                 + [Step("=", "joint", "k1")]
                 + chain(["joint", ("=", "s1"), ("=", "s2"), ("=", "s3"), ("=", "s4")])
                 + [Step("=", "joint", "t4"), Step("=", "joint_d", "t5_d"), Step("=", "post", "pn")], 1e-7)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"a3": at(lambda e, mu: a3(e, mu, power=False))},
            {"b2": at(lambda e, mu: b2(e, mu, half=1.0))},
            {"s2": at(lambda e, mu: s2row(e, mu, sign=1.0))},
            {"s4": at(lambda e, mu: s4row(e, mu, two=1.0))},
            {"t4": at(lambda e, mu: t4(e, mu, sign=-1.0))},
            {"t5_d": diff(lambda e, mu: t5(e, mu, sign=1.0))},
            {"pn": at(lambda e, mu: pn(e, mu, inv=False))},
        ],
        lookalikes=[{}, {}, {}])


# ------------------------------------------------------------------ binomial log model evidence (statproofbook)

_NODES, _WEIGHTS = np.polynomial.legendre.leggauss(200)
_NODES, _WEIGHTS = 0.5 * (_NODES + 1), 0.5 * _WEIGHTS


def _int01(values):
    return float(np.sum(_WEIGHTS * values))


def _bin_evidence():
    def sample(rng):
        n = int(rng.integers(1, 9))
        return {"n": n, "y": int(rng.integers(0, n + 1)), "a0": rng.uniform(1.0, 4.0), "b0": rng.uniform(1.0, 4.0),
                "p": rng.uniform(0.02, 0.98)}
    C = lambda e: math.comb(e["n"], e["y"])
    B0 = lambda e: _betafn(e["a0"], e["b0"])
    an = lambda e: e["a0"] + e["y"]
    bn = lambda e: e["b0"] + (e["n"] - e["y"])
    Bn = lambda e: _betafn(an(e), bn(e))
    lik = lambda e, p: C(e) * p ** e["y"] * (1 - p) ** (e["n"] - e["y"])
    prior = lambda e, p: p ** (e["a0"] - 1) * (1 - p) ** (e["b0"] - 1) / B0(e)
    jl = lambda e, p: lik(e, p) * prior(e, p)
    k = lambda e, p: C(e) / B0(e) * Bn(e) / 1 * (1 / Bn(e)) * p ** (an(e) - 1) * (1 - p) ** (bn(e) - 1)
    at = lambda f: (lambda e: float(f(e, e["p"])))
    ev = lambda e: _int01(jl(e, _NODES))

    def j3(e, p, extra=0.0):
        return C(e) / B0(e) * p ** (e["a0"] + e["y"] - 1 + extra) * (1 - p) ** (e["b0"] + (e["n"] - e["y"]) - 1)

    def e3(e, inv=False):
        return C(e) * (B0(e) / Bn(e) if inv else Bn(e) / B0(e))

    def g1(e, sign=-1.0):
        return LOG(C(e)) + LOG(Bn(e)) + sign * LOG(B0(e))

    def g2(e, last=1):
        n, y = e["n"], e["y"]
        lg = lambda v: math.lgamma(v) if v > 0 else np.inf
        return lg(n + 1) - lg(y + 1) - lg(n - y + last) + LOG(Bn(e)) - LOG(B0(e))
    rows = {
        "lik": at(lambda e, p: C(e) * p ** e["y"] * (1 - p) ** (e["n"] - e["y"])),   # Bin(y; n, p)
        "l1": at(lik),
        "joint": at(jl),
        "j2": at(lambda e, p: lik(e, p) * (1 / B0(e)) * p ** (e["a0"] - 1) * (1 - p) ** (e["b0"] - 1)),
        "j3": at(j3),
        "k": at(k),
        "ev": ev,
        "e1": lambda e: _int01(k(e, _NODES)),
        "e2": lambda e: C(e) * Bn(e) / B0(e) * _int01(_NODES ** (an(e) - 1) * (1 - _NODES) ** (bn(e) - 1) / Bn(e)),
        "e3": e3,
        "logev": lambda e: float(LOG(ev(e))),
        "g1": g1, "g2": g2,
    }
    # the integrals by quadrature of fractional powers at the ends: 1e-5
    steps = (_tol([Step("=", "lik", "l1")] + chain(["joint", ("=", "j2"), ("=", "j3")]) + [Step("=", "joint", "k")], 1e-9)
             + _tol(chain(["ev", ("=", "e1"), ("=", "e2"), ("=", "e3")])
                    + [Step("=", "logev", "g1"), Step("=", "logev", "g2")], 1e-5))
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"j3": at(lambda e, p: j3(e, p, extra=1.0))},
            {"e3": lambda e: e3(e, inv=True)},
            {"g1": lambda e: g1(e, sign=1.0)},
            {"g2": lambda e: g2(e, last=0)},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ EM lower bound, entropy, KL decomposition (md notes)

def _em_elbo():
    def sample(rng):
        nx, k = int(rng.integers(2, 5)), int(rng.integers(2, 7))
        return {"J": joint(rng, nx, k), "x": int(rng.integers(0, nx)), "q": pmf(rng, k),
                "z": int(rng.integers(0, k))}
    pxz = lambda e: e["J"][e["x"]]                  # p(X, Z | theta) at the observed X, over Z
    px = lambda e: float(pxz(e).sum())
    post = lambda e: pxz(e) / px(e)
    q = lambda e: e["q"]
    S = lambda e, v: float(np.sum(q(e) * v))
    H = lambda e: -S(e, LOG(q(e)))
    ell = lambda e: float(LOG(px(e)))
    Lq = lambda e: S(e, LOG(pxz(e) / q(e)))
    kl = lambda e: S(e, LOG(q(e) / post(e)))
    rows = {
        "lpx": ell,
        "a1": lambda e: float(LOG(np.sum(pxz(e)))),
        "a2": lambda e: float(LOG(np.sum(q(e) * pxz(e) / q(e)))),
        "ell": ell,
        "b1": lambda e: float(LOG(S(e, pxz(e) / q(e)))),
        "b2": Lq,
        "Lq": Lq, "c1": Lq,
        "d1": lambda e: S(e, LOG(pxz(e))) - S(e, LOG(q(e))),
        "e1": lambda e: S(e, LOG(pxz(e))) + H(e),
        "kl": kl, "f1": kl,
        "postz": lambda e: float(post(e)[e["z"]]),
        "g1": lambda e: float(pxz(e)[e["z"]] / px(e)),
        "h1": lambda e: S(e, LOG(q(e) * px(e) / pxz(e))),
        "h2": lambda e: S(e, LOG(q(e)) - LOG(pxz(e)) + LOG(px(e))),
        "i1": lambda e: S(e, LOG(q(e))) - S(e, LOG(pxz(e))) + LOG(px(e)) * float(np.sum(q(e))),
        "i2": lambda e: -H(e) - S(e, LOG(pxz(e))) + ell(e),
        "j1": lambda e: -Lq(e) + ell(e),
        "k1": lambda e: Lq(e) + kl(e),
    }
    steps = (chain(["lpx", ("=", "a1"), ("=", "a2")]) + chain(["ell", ("=", "b1"), (">=", "b2")])
             + [Step("=", "Lq", "c1"), Step("=", "Lq", "d1"), Step("=", "d1", "e1"),
                Step("=", "kl", "f1"), Step("=", "postz", "g1")]
             + chain(["kl", ("=", "h1"), ("=", "h2")]) + chain(["kl", ("=", "i1"), ("=", "i2")])
             + [Step("=", "kl", "j1"), Step("=", "ell", "k1")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {("rel", 4): "<="},
            {"d1": lambda e: S(e, LOG(pxz(e))) + S(e, LOG(q(e)))},
            {"h1": lambda e: S(e, LOG(q(e) / pxz(e)))},
            {"h2": lambda e: S(e, LOG(q(e)) + LOG(pxz(e)) + LOG(px(e)))},
            {"i2": lambda e: H(e) - S(e, LOG(pxz(e))) + ell(e)},
            {"j1": lambda e: Lq(e) + ell(e)},
        ],
        lookalikes=[{}, {}, {}])


MODELS = {
    "s21b_bern_map_pml1es": _bern_map(),
    "s21b_bayes_covid_pml1es": _bayes_covid(),
    "s21b_gauss_post_statproofbook": _gauss_post(),
    "s21b_bin_evidence_statproofbook": _bin_evidence(),
    "s21b_em_elbo_entropy_mdnotes": _em_elbo(),
}

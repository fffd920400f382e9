"""Truth models of the s18e_ entries (a held-out set of latent-variable and Bayesian derivations
from lecture notes, a personal derivations page, a library's documentation and a notebook: the EM
lower bound by Jensen's inequality, MAP with a Gaussian prior as ridge regression, the beta-binomial
posterior predictive, Gaussian-mixture responsibilities, ...). Latent spaces finite (integrals as
sums), integrals over [0, 1] by Gauss-Legendre quadrature, maximisers by a dense grid with
parabolic refinement."""

from __future__ import annotations

import math

import numpy as np

from .base import Model, Step, chain

LOG = np.log
EXP = np.exp


def _gauss(x, m, v):
    return EXP(-(x - m) ** 2 / (2 * v)) / np.sqrt(2 * np.pi * v)


# ------------------------------------------------------------------ EM lower bound by Jensen (kiteam)

def _em_jensen():
    def sample(rng):
        n, k = int(rng.integers(1, 5)), int(rng.integers(2, 6))
        q = rng.uniform(0.1, 1.0, size=(n, k))
        return {"pxz": rng.uniform(0.05, 2.0, size=(n, k)), "q": q / q.sum(axis=1, keepdims=True)}
    P, Q = (lambda e: e["pxz"]), (lambda e: e["q"])
    elbo = lambda e: float(np.sum(Q(e) * LOG(P(e) / Q(e))))
    rows = {
        "L": lambda e: float(np.sum(LOG(P(e).sum(axis=1)))),
        "r1": lambda e: float(np.sum(LOG(P(e).sum(axis=1)))),
        "r2": lambda e: float(np.sum(LOG((Q(e) * P(e) / Q(e)).sum(axis=1)))),
        "r3": elbo, "r4": elbo,
        "r5": lambda e: -float(np.sum(Q(e) * LOG(Q(e) / P(e)))),
        "r6": elbo,
    }
    steps = chain(["L", ("=", "r1"), ("=", "r2"), (">=", "r3"), ("=", "r4"), ("=", "r5"), ("=", "r6")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {("rel", 3): "<="},
            {"r5": lambda e: float(np.sum(Q(e) * LOG(Q(e) / P(e))))},
            {"r5": lambda e: -float(np.sum(P(e) * LOG(P(e) / Q(e))))},
            {"r3": lambda e: float(np.sum(LOG(P(e) / Q(e))))},
        ],
        lookalikes=[{"r4": lambda e: float(np.sum(Q(e) * (LOG(P(e)) - LOG(Q(e)))))}, {}])


# ------------------------------------------------------------------ MAP with a Gaussian prior is ridge (theowolf)

GRID = np.linspace(-12.0, 12.0, 48001)


def _argmax(fun):
    with np.errstate(divide="ignore", over="ignore", under="ignore"):
        values = fun(GRID)
    i = int(np.argmax(values))
    if 0 < i < len(GRID) - 1:
        y0, y1, y2 = values[i - 1], values[i], values[i + 1]
        denom = y0 - 2 * y1 + y2
        h = GRID[1] - GRID[0]
        return float(GRID[i] + (0.5 * h * (y0 - y2) / denom if denom != 0 else 0.0))
    return float(GRID[i])


def _map_ridge():
    def sample(rng):
        n = int(rng.integers(2, 7))
        return {"x": rng.normal(0, 1, size=n), "y": rng.normal(0, 2, size=n),
                "s": rng.uniform(0.5, 2.0), "a": rng.uniform(0.5, 2.0)}

    def sse(e, t):
        return np.sum((e["y"][:, None] - t[None, :] * e["x"][:, None]) ** 2, axis=0)

    def loglik(e, t):
        return np.sum(LOG(_gauss(e["y"][:, None], t[None, :] * e["x"][:, None], e["s"] ** 2)), axis=0)

    def logprior(e, t):
        return LOG(_gauss(t, 0.0, e["a"] ** 2))

    def evidence(e):
        return float(np.sum(EXP(loglik(e, GRID) + logprior(e, GRID))) * (GRID[1] - GRID[0]))

    def r8(e, prior=2.0, sign=-1.0):
        return _argmax(lambda t: sign * sse(e, t) / (2 * e["s"] ** 2) - t ** 2 / (prior * e["a"] ** 2))

    def r9(e, ratio=None):
        lam = e["s"] ** 2 / e["a"] ** 2 if ratio is None else ratio(e)
        return _argmax(lambda t: -(sse(e, t) + lam * t ** 2))
    rows = {
        "R1": lambda e: _argmax(lambda t: EXP(loglik(e, t) + logprior(e, t)) / evidence(e)),
        "R2": lambda e: _argmax(lambda t: EXP(loglik(e, t) + logprior(e, t)) / evidence(e)),
        "R3": lambda e: _argmax(lambda t: EXP(loglik(e, t) + logprior(e, t))),
        "R4": lambda e: _argmax(lambda t: loglik(e, t) + logprior(e, t)),
        "R5": lambda e: _argmax(lambda t: LOG(np.prod(_gauss(e["y"][:, None], t[None, :] * e["x"][:, None], e["s"] ** 2), axis=0)) + logprior(e, t)),
        "R6": lambda e: _argmax(lambda t: loglik(e, t) + logprior(e, t)),
        "R7": lambda e: _argmax(lambda t: loglik(e, t) + logprior(e, t)),
        "R8": r8, "R9": r9, "R10": lambda e: r9(e),
    }
    steps = [Step(s.relation, s.lhs, s.rhs, tol=1e-5) for s in
             chain(["R1", ("=", "R2"), ("=", "R3"), ("=", "R4"), ("=", "R5"), ("=", "R6"), ("=", "R7"),
                    ("=", "R8"), ("=", "R9"), ("=", "R10")])]
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"R8": lambda e: r8(e, prior=1.0)},
            {"R9": lambda e: r9(e, ratio=lambda e: e["a"] ** 2 / e["s"] ** 2)},
            {"R8": lambda e: r8(e, sign=1.0)},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ beta-binomial posterior predictive (cprior)

NODES, WEIGHTS = np.polynomial.legendre.leggauss(200)
NODES, WEIGHTS = 0.5 * (NODES + 1), 0.5 * WEIGHTS


def _int01(values):
    return float(np.sum(WEIGHTS * values))


def _betabinom():
    def sample(rng):
        m = int(rng.integers(1, 9))
        return {"m": m, "x": int(rng.integers(0, m + 1)), "a": rng.uniform(1.0, 4.0), "b": rng.uniform(1.0, 4.0)}
    B = lambda a, b: math.exp(math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b))
    C = lambda e: math.comb(e["m"], e["x"])
    p = NODES

    def r2(e, extra=0.0, inv=False):
        m, x, a, b = e["m"], e["x"], e["a"], e["b"]
        const = C(e) * (B(a, b) if inv else 1 / B(a, b))
        return const * _int01(p ** (a + x - 1 + extra) * (1 - p) ** (b + m - x - 1))

    def r3(e, second=None):
        m, x, a, b = e["m"], e["x"], e["a"], e["b"]
        return C(e) * B(a + x, m - x + b if second is None else second(e)) / B(a, b)
    rows = {
        "f": lambda e: _int01(C(e) * p ** e["x"] * (1 - p) ** (e["m"] - e["x"])
                              * p ** (e["a"] - 1) * (1 - p) ** (e["b"] - 1) / B(e["a"], e["b"])),
        "r2": r2, "r3": r3,
    }
    steps = [Step(s.relation, s.lhs, s.rhs, tol=1e-5) for s in chain(["f", ("=", "r2"), ("=", "r3")])]
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r2": lambda e: r2(e, extra=1.0)},
            {"r3": lambda e: r3(e, second=lambda e: e["m"] + e["x"] + e["b"])},
            {"r2": lambda e: r2(e, inv=True)},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ GMM responsibilities (gavinphr)

def _gmm_resp():
    def sample(rng):
        k, n = int(rng.integers(2, 5)), int(rng.integers(1, 6))
        w = rng.uniform(0.2, 1.0, size=k)
        return {"pi": w / w.sum(), "mu": rng.normal(0, 2, size=k), "var": rng.uniform(0.3, 2.0, size=k),
                "x": rng.normal(0, 2), "xs": rng.normal(0, 2, size=n), "k": int(rng.integers(0, k))}
    comp = lambda e, x: _gauss(x, e["mu"], e["var"])          # N(x; mu_k, Sigma_k) for every k
    px = lambda e: float(np.sum(e["pi"] * comp(e, e["x"])))
    post = lambda e: float(e["pi"][e["k"]] * comp(e, e["x"])[e["k"]]) / px(e)
    mix = lambda e, x: float(np.sum(e["pi"] * comp(e, x)))
    rows = {
        "px": px, "a1": lambda e: float(np.sum(comp(e, e["x"]) * e["pi"])), "a2": px,
        "post": post,
        "b1": lambda e: float(comp(e, e["x"])[e["k"]] * e["pi"][e["k"]]) / px(e),
        "b2": lambda e: float(e["pi"][e["k"]] * comp(e, e["x"])[e["k"]]) / float(np.sum(e["pi"] * comp(e, e["x"]))),
        "gamma": post,
        "LL": lambda e: float(LOG(np.prod([mix(e, x) for x in e["xs"]]))),
        "c1": lambda e: float(LOG(np.prod([mix(e, x) for x in e["xs"]]))),
        "c2": lambda e: float(np.sum([LOG(mix(e, x)) for x in e["xs"]])),
    }
    steps = (chain(["px", ("=", "a1"), ("=", "a2")]) + chain(["post", ("=", "b1"), ("=", "b2"), ("=", "gamma")])
             + chain(["LL", ("=", "c1"), ("=", "c2")]))
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"b2": lambda e: float(e["pi"][e["k"]] * comp(e, e["x"])[e["k"]]) / float(np.sum(comp(e, e["x"])))},
            {"b1": lambda e: px(e) * float(e["pi"][e["k"]]) / float(comp(e, e["x"])[e["k"]])},
            {"a1": lambda e: float(np.sum(comp(e, e["x"])))},
            {"c2": lambda e: float(LOG(np.sum([mix(e, x) for x in e["xs"]])))},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ proportionality as equal log-differences

def _logdiff(logf):
    """A row 'log f(v1) - log f(v2)': two rows are proportional in v iff these agree for all v1, v2."""
    return lambda e: float(logf(e, e["v1"]) - logf(e, e["v2"]))


# ------------------------------------------------------------------ normal mean, known precision (stephens)

def _normal_stephens():
    def sample(rng):
        return {"tau": rng.uniform(0.3, 3.0), "tau0": rng.uniform(0.3, 3.0), "X": rng.normal(0, 2),
                "mu0": rng.normal(0, 2), "m": rng.normal(0, 2), "v1": rng.normal(0, 2), "v2": rng.normal(0, 2)}
    lik = lambda e, mu: 0.5 * LOG(e["tau"] / (2 * np.pi)) - 0.5 * e["tau"] * (e["X"] - mu) ** 2
    pri = lambda e, mu: 0.5 * LOG(e["tau0"] / (2 * np.pi)) - 0.5 * e["tau0"] * (mu - e["mu0"]) ** 2
    grid = np.linspace(-40, 40, 80001)
    logZ = lambda e: float(LOG(np.sum(EXP(lik(e, grid) + pri(e, grid))) * (grid[1] - grid[0])))

    def y1(e, sign=1.0):
        return _logdiff(lambda e, y: -0.5 * e["tau"] * y ** 2 + sign * e["tau"] * e["m"] * y)(e)

    def q3(e, sign=1.0, half=0.5):
        return _logdiff(lambda e, mu: -half * (e["tau"] + e["tau0"]) * mu ** 2
                        + (e["X"] * e["tau"] + sign * e["mu0"] * e["tau0"]) * mu)(e)

    def q2(e, half=0.5):
        return _logdiff(lambda e, mu: -half * e["tau"] * (e["X"] - mu) ** 2 - 0.5 * e["tau0"] * (mu - e["mu0"]) ** 2)(e)
    rows = {
        "py": _logdiff(lambda e, y: 0.5 * LOG(e["tau"] * np.pi / 2) - 0.5 * e["tau"] * (y - e["m"]) ** 2),
        "y1": y1,
        "post": _logdiff(lambda e, mu: lik(e, mu) + pri(e, mu) - logZ(e)),
        "q1": _logdiff(lambda e, mu: lik(e, mu) + pri(e, mu)),
        "q2": q2, "q3": q3,
    }
    steps = [Step(s.relation, s.lhs, s.rhs, tol=1e-7) for s in
             chain(["py", ("=", "y1")]) + chain(["post", ("=", "q1"), ("=", "q2"), ("=", "q3")])]
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"y1": lambda e: y1(e, sign=-1.0)},
            {"q3": lambda e: q3(e, sign=-1.0)},
            {"q2": lambda e: q2(e, half=1.0)},
            {"q3": lambda e: q3(e, half=1.0)},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ normal-normal conjugate (eriktuck)

def _normal_eriktuck():
    def sample(rng):
        n = int(rng.integers(1, 7))
        return {"x": rng.normal(0, 2, size=n), "s": rng.uniform(0.5, 2.0), "M": rng.uniform(0.2, 5.0),
                "mu0": rng.normal(0, 2), "v1": rng.normal(0, 2), "v2": rng.normal(0, 2)}
    n = lambda e: len(e["x"])
    xb = lambda e: float(np.mean(e["x"]))
    s2 = lambda e: e["s"] ** 2
    prior = lambda e, mu: 0.5 * LOG(e["M"] / (2 * np.pi * s2(e))) - e["M"] / (2 * s2(e)) * (mu - e["mu0"]) ** 2
    lik = lambda e, mu: float(np.sum(-0.5 * LOG(2 * np.pi * s2(e)) - (e["x"] - mu) ** 2 / (2 * s2(e))))
    post = lambda e, mu: prior(e, mu) + lik(e, mu)   # the normaliser cancels in a log-difference

    def p2(e, two=2.0):
        return _logdiff(lambda e, mu: -(e["M"] * mu ** 2 - two * e["M"] * e["mu0"] * mu) / (2 * s2(e)))(e)

    def l2(e, sign=-1.0):
        return _logdiff(lambda e, mu: -(n(e) * mu ** 2 + sign * 2 * mu * n(e) * xb(e)) / (2 * s2(e)))(e)

    def c2(e, den=None, half=2.0):
        N, M = n(e), e["M"]
        m = (N * xb(e) + M * e["mu0"]) / (N + M if den is None else den(e))
        return _logdiff(lambda e, mu: -(N + M) / (half * s2(e)) * (mu - m) ** 2)(e)
    rows = {
        "prior": _logdiff(prior),
        "p1": _logdiff(lambda e, mu: -e["M"] / (2 * s2(e)) * (mu - e["mu0"]) ** 2),
        "p2": p2,
        "lik": _logdiff(lik),
        "l1": _logdiff(lambda e, mu: -float(np.sum((e["x"] - mu) ** 2)) / (2 * s2(e))),
        "l2": l2,
        "post": _logdiff(post),
        "c1": _logdiff(lambda e, mu: -((n(e) + e["M"]) * mu ** 2 - (2 * n(e) * xb(e) + 2 * e["M"] * e["mu0"]) * mu) / (2 * s2(e))),
        "c2": c2,
    }
    steps = [Step(s.relation, s.lhs, s.rhs, tol=1e-7) for s in
             chain(["prior", ("=", "p1"), ("=", "p2")]) + chain(["lik", ("=", "l1"), ("=", "l2")])
             + chain(["post", ("=", "c1"), ("=", "c2")])]
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"p2": lambda e: p2(e, two=1.0)},
            {"l2": lambda e: l2(e, sign=1.0)},
            {"c2": lambda e: c2(e, den=lambda e: n(e))},
            {"c2": lambda e: c2(e, half=1.0)},
        ],
        lookalikes=[{}, {}])


MODELS = {
    "s18e_em_jensen_kiteam": _em_jensen(),
    "s18e_map_ridge_theowolf": _map_ridge(),
    "s18e_betabinom_predictive_cprior": _betabinom(),
    "s18e_gmm_responsibility_gavinphr": _gmm_resp(),
    "s18e_normal_posterior_stephens": _normal_stephens(),
    "s18e_normal_conjugate_eriktuck": _normal_eriktuck(),
}

"""Truth models of the s10i_ entries (a held-out set of derivations from Q&A answers, blogs, course
notes, a textbook and package vignettes: the standard normal's moment generating function and the
normal's moments from it, the variance of a sample mean, the beta-binomial posterior mean, AM-GM
from the concavity of log and from log t <= t - 1, the shift invariance of softmax, Bayes' theorem
as a logistic sigmoid, the KL divergence of two Laplace laws, the sum of squares about a mean).
Integrals over the line by Gauss-Legendre on geometric panels on both sides of a centre, over
(0, 1) by the same towards both ends; posteriors by Bayes' rule and quadrature (never by the
conjugate formula the file states); random variables on random finite supports with their product
laws computed exactly; derivatives by the complex step (second ones by central differences of
complex-step first derivatives); vectors compared through a random linear form."""

from __future__ import annotations

import itertools
import math

import numpy as np

from .base import Model, Step, chain, pmf, tight
from .s8d import _dcomplex
from .s9g import _unit

LOG = np.log
EXP = np.exp


_NODES, _WEIGHTS = np.polynomial.legendre.leggauss(40)
_EDGES = np.concatenate([[0.0], np.geomspace(1e-9, 400.0, 160)])
_LO, _HI = _EDGES[:-1, None], _EDGES[1:, None]
_HALF_U = ((_HI - _LO) / 2 * _NODES + (_HI + _LO) / 2).ravel()      # every panel's nodes, at scale 1
_HALF_W = ((_HI - _LO) / 2 * _WEIGHTS).ravel()
_MID_X, _MID_W = np.polynomial.legendre.leggauss(200)                 # between two kinks


def _halfline_fast(g, scale=1.0):
    """The integral of g over (0, inf), g decaying like e^{-u/scale}: Gauss-Legendre on geometric
    panels (as s8d._halfline), all nodes evaluated in one call."""
    return float(scale * np.sum(_HALF_W * g(scale * _HALF_U)))


def _line(g, centre=0.0, scale=1.0):
    """The integral of g over the real line, split at centre, g decaying like e^{-|u|/scale}."""
    return _halfline_fast(lambda u: g(centre + u) + g(centre - u), scale)


def _second(f, v, h=1e-4):
    """f''(v): a central difference of complex-step first derivatives."""
    return (_dcomplex(f, v + h) - _dcomplex(f, v - h)) / (2 * h)


# ------------------------------------------------------------------ standard normal MGF (techqa)

def _normal_mgf():
    def sample(rng):
        t = rng.uniform(-2.0, 2.0)
        return {"t": t if abs(t) > 0.2 else 0.7}
    t = lambda e: e["t"]
    R2P = math.sqrt(2 * math.pi)
    phi_times_exp = lambda z, s: EXP(-z ** 2 / 2 + s * z) / R2P       # phi(z) e^{sz}, in one exponent
    I = lambda g, e: _line(g, t(e), 1.0)
    rows = {
        "E": lambda e: I(lambda z: phi_times_exp(z, t(e)), e),
        "q1": lambda e: I(lambda z: EXP(-0.5 * z ** 2 + t(e) * z), e) / R2P,
        "q2": lambda e: I(lambda z: EXP(z * (-0.5 * z + t(e))), e) / R2P,
        "a0": lambda e: I(lambda z: EXP(-0.5 * z ** 2 + t(e) * z - 0.5 * t(e) ** 2 + 0.5 * t(e) ** 2), e),
        "a1": lambda e: EXP(0.5 * t(e) ** 2) * I(lambda z: EXP(-0.5 * (z - t(e)) ** 2), e),
        "a2": lambda e: EXP(0.5 * t(e) ** 2) * I(lambda z: EXP(-0.5 * z ** 2), e),
        "a3": lambda e: EXP(0.5 * t(e) ** 2) * R2P,
    }
    steps = tight(chain(["E", ("=", "q1"), ("=", "q2")]) + chain(["a0", ("=", "a1"), ("=", "a2"), ("=", "a3")]), 1e-8)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"a3": lambda e: EXP(0.5 * t(e) ** 2) * math.sqrt(math.pi)},
            {"a1": lambda e: EXP(t(e) ** 2) * I(lambda z: EXP(-0.5 * (z - t(e)) ** 2), e)},
            {"q2": lambda e: I(lambda z: EXP(z * (-z + t(e))), e) / R2P},
            {"q1": lambda e: I(lambda z: EXP(-0.5 * z ** 2 + t(e) * z), e) / (2 * math.pi)},
        ],
        lookalikes=[{"a1": lambda e: EXP(0.5 * t(e) ** 2) * I(lambda z: EXP(-0.5 * (z + t(e)) ** 2), e)},
                    {"q2": lambda e: I(lambda z: EXP(z * (-0.5 * z - t(e))), e) / R2P}])


# ------------------------------------------------------------------ normal moments from the MGF (Travis)

def _normal_moments():
    def sample(rng):
        return {"mu": rng.uniform(-2.0, 2.0), "s": rng.uniform(0.3, 2.0), "t": rng.uniform(-1.5, 1.5)}
    mu, s, t = (lambda e: e["mu"]), (lambda e: e["s"]), (lambda e: e["t"])

    def M(e, half=0.5):                       # the defining display, M(t) = e^{t mu + (1/2) t^2 sigma^2}
        return lambda v: EXP(v * mu(e) + half * v ** 2 * s(e) ** 2)
    rows = {
        "M0": lambda e: float(M(e)(0.0)), "one": lambda e: 1.0,
        "Mp0": lambda e: _dcomplex(M(e), 0.0), "mu": mu,
        "Mpp0": lambda e: _second(M(e), 0.0), "m2": lambda e: s(e) ** 2 + mu(e) ** 2,
        "M0b": lambda e: float(M(e)(0.0)), "p1": lambda e: float(EXP(0 * mu(e) + 0.5 * 0 ** 2 * s(e) ** 2)),
        "p2": lambda e: float(EXP(0)), "p3": lambda e: 1.0,
        "Mpt": lambda e: _dcomplex(M(e), t(e)),
        "d1": lambda e: float((s(e) ** 2 * t(e) + mu(e)) * EXP(0.5 * s(e) ** 2 * t(e) ** 2 + mu(e) * t(e))),
        "Mp0b": lambda e: _dcomplex(M(e), 0.0),
        "e1": lambda e: float((s(e) ** 2 * 0 + mu(e)) * EXP(0.5 * s(e) ** 2 * 0 ** 2 + mu(e) * 0)),
        "e2": lambda e: float(mu(e) * EXP(0)), "e3": mu,
    }
    steps = tight([Step("=", "M0", "one"), Step("=", "Mp0", "mu"), Step("=", "Mpp0", "m2")]
                   + chain(["M0b", ("=", "p1"), ("=", "p2"), ("=", "p3")]) + [Step("=", "Mpt", "d1")]
                   + chain(["Mp0b", ("=", "e1"), ("=", "e2"), ("=", "e3")]), 1e-6)
    unhalved = lambda e: M(e, 1.0)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"m2": lambda e: s(e) ** 2 - mu(e) ** 2},
            {"e3": lambda e: mu(e) ** 2},
            {"d1": lambda e: float((s(e) * t(e) + mu(e)) * EXP(0.5 * s(e) ** 2 * t(e) ** 2 + mu(e) * t(e)))},
            {"p2": lambda e: float(EXP(1)), "p3": lambda e: 1.0},
            {"M0": lambda e: float(unhalved(e)(0.0)), "Mp0": lambda e: _dcomplex(unhalved(e), 0.0),
             "Mpp0": lambda e: _second(unhalved(e), 0.0), "M0b": lambda e: float(unhalved(e)(0.0)),
             "Mpt": lambda e: _dcomplex(unhalved(e), t(e)), "Mp0b": lambda e: _dcomplex(unhalved(e), 0.0)},
        ],
        lookalikes=[{"e2": lambda e: mu(e) * 1.0}, {"m2": lambda e: mu(e) ** 2 + s(e) ** 2}])


# ------------------------------------------------------------------ variance of a sample mean (newbetuts)

def _sample_mean_var():
    def sample(rng):
        return {"n": int(rng.integers(2, 4)), "w": pmf(rng, 3), "v": rng.uniform(-2, 3, size=3)}
    n, w, v = (lambda e: e["n"]), (lambda e: e["w"]), (lambda e: e["v"])

    def var_of(e, stat):
        """Var of stat(X_1..X_n) under the product law of n independent copies of (w, v)."""
        probs, values = [], []
        for idx in itertools.product(range(3), repeat=n(e)):
            probs.append(float(np.prod(w(e)[list(idx)])))
            values.append(stat(v(e)[list(idx)]))
        probs, values = np.array(probs), np.array(values)
        mean = float(probs @ values)
        return float(probs @ (values - mean) ** 2)
    sig2 = lambda e: var_of({**e, "n": 1}, lambda xs: xs[0])            # Var(X_i), each alike
    rows = {
        "V": lambda e: var_of(e, lambda xs: xs.sum() / n(e)),
        "r1": lambda e: var_of(e, lambda xs: xs.sum() / n(e)),
        "r2": lambda e: var_of(e, lambda xs: xs.sum()) / n(e) ** 2,
        "r3": lambda e: sum(var_of(e, lambda xs, k=k: xs[k]) for k in range(n(e))) / n(e) ** 2,
        "r4": lambda e: sig2(e) / n(e),
    }
    return Model(
        sample=sample, rows=rows, steps=chain(["V", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4")]),
        mutants=[
            {"r2": lambda e: var_of(e, lambda xs: xs.sum()) / n(e)},
            {"r4": lambda e: sig2(e) / n(e) ** 2},
            {"r1": lambda e: var_of(e, lambda xs: xs[:-1].sum() / n(e))},
            {"r3": lambda e: sum(var_of(e, lambda xs, k=k: xs[k]) for k in range(n(e))) / n(e)},
        ],
        lookalikes=[{"r4": lambda e: n(e) * sig2(e) / n(e) ** 2},
                    {"r1": lambda e: var_of(e, lambda xs: np.sum(xs / n(e)))}])


# ------------------------------------------------------------------ beta-binomial posterior mean (glmbayes)

def _beta_posterior_mean():
    def sample(rng):
        n = int(rng.integers(1, 9))
        return {"n": n, "y": int(rng.integers(0, n + 1)), "a": rng.uniform(0.6, 4.0), "b": rng.uniform(0.6, 4.0)}
    n, y, a, b = (lambda e: e["n"]), (lambda e: e["y"]), (lambda e: e["a"]), (lambda e: e["b"])

    def posterior_mean(e):
        """Bayes' rule: binomial likelihood times the Beta(a, b) prior density, normalised."""
        like_prior = lambda u, w: (math.comb(n(e), y(e)) * u ** y(e) * w ** (n(e) - y(e))
                                   * u ** (a(e) - 1) * w ** (b(e) - 1))
        return _unit(lambda u, w: u * like_prior(u, w)) / _unit(like_prior)

    def density_mean(shape1, shape2):
        kernel = lambda u, w: u ** (shape1 - 1) * w ** (shape2 - 1)
        return _unit(lambda u, w: u * kernel(u, w)) / _unit(kernel)
    rows = {
        "E": posterior_mean,
        "r1": lambda e: (a(e) + y(e)) / (a(e) + b(e) + n(e)),
        "r2": lambda e: (a(e) + b(e)) / (a(e) + b(e) + n(e)) * a(e) / (a(e) + b(e)) + n(e) / (a(e) + b(e) + n(e)) * y(e) / n(e),
    }
    steps = tight(chain(["E", ("=", "r1"), ("=", "r2")]), 1e-7)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: (a(e) + y(e)) / (a(e) + b(e) + y(e))},
            {"r2": lambda e: (a(e) + b(e)) / (a(e) + b(e) + n(e)) * a(e) / (a(e) + b(e)) + n(e) / (a(e) + b(e) + n(e)) * y(e) / (a(e) + b(e))},
            {"r2": lambda e: (a(e) + b(e)) / (a(e) + b(e) + n(e)) * b(e) / (a(e) + b(e)) + n(e) / (a(e) + b(e) + n(e)) * y(e) / n(e)},
            {"E": lambda e: density_mean(a(e) + y(e), b(e) + n(e))},
        ],
        lookalikes=[{"r1": lambda e: (y(e) + a(e)) / (n(e) + a(e) + b(e))},
                    {"r2": lambda e: a(e) / (a(e) + b(e) + n(e)) + n(e) / (a(e) + b(e) + n(e)) * y(e) / n(e)}])


# ------------------------------------------------------------------ AM-GM from the concavity of log (ARQMath)

def _amgm_jensen():
    def sample(rng):
        n = int(rng.integers(2, 6))
        return {"x": rng.uniform(0.1, 5.0, size=n), "w": pmf(rng, n)}
    x, w = (lambda e: e["x"]), (lambda e: e["w"])
    n = lambda e: len(x(e))
    gm = lambda e: float(np.prod(x(e)) ** (1 / n(e)))
    am = lambda e: float(np.mean(x(e)))
    rows = {
        "l1": lambda e: float(LOG(w(e) @ x(e))), "r1": lambda e: float(w(e) @ LOG(x(e))),
        "l2": lambda e: float(w(e) @ x(e)), "r2": lambda e: float(np.prod(x(e) ** w(e))),
        "l3": lambda e: float(np.sum(LOG(x(e)) / n(e))), "r3": lambda e: float(LOG(np.sum(x(e) / n(e)))),
        "l4": lambda e: float(LOG(gm(e))), "r4": lambda e: float(LOG(am(e))),
        "l5": gm, "r5": am,
    }
    return Model(
        sample=sample, rows=rows,
        steps=[Step(">=", "l1", "r1"), Step(">=", "l2", "r2"), Step("<=", "l3", "r3"), Step("<=", "l4", "r4"),
               Step("<=", "l5", "r5")],
        mutants=[
            {("rel", 1): "<="},
            {("rel", 2): "<="},
            {"l4": lambda e: float(LOG(np.prod(x(e))))},
            {"r5": lambda e: am(e) / n(e)},
        ],
        lookalikes=[{}, {"l3": lambda e: float(np.sum(LOG(x(e)))) / n(e)}])


# ------------------------------------------------------------------ softmax shift invariance (Nemotron)

def _softmax_shift():
    def sample(rng):
        n = int(rng.integers(2, 6))
        return {"x": rng.normal(0, 2, size=n), "c": rng.uniform(0.3, 3.0) * rng.choice([-1, 1]),
                "i": int(rng.integers(0, n)), "u": rng.normal(size=n)}
    x, c, i, u = (lambda e: e["x"]), (lambda e: e["c"]), (lambda e: e["i"]), (lambda e: e["u"])
    soft = lambda v: EXP(v) / np.sum(EXP(v))
    B = lambda e: float(EXP(x(e)[i(e)]) * EXP(c(e)) / (EXP(c(e)) * np.sum(EXP(x(e)))))
    rows = {
        "S": lambda e: float(soft(x(e) + c(e))[i(e)]),
        "A": lambda e: float(EXP(x(e)[i(e)] + c(e)) / np.sum(EXP(x(e) + c(e)))),
        "B1": B, "B2": B,
        "T": lambda e: float(soft(x(e))[i(e)]),
        "V": lambda e: float(u(e) @ soft(x(e))), "W": lambda e: float(u(e) @ soft(x(e) + c(e))),
    }
    return Model(
        sample=sample, rows=rows,
        steps=chain(["S", ("=", "A"), ("=", "B1"), ("=", "B2"), ("=", "T")]) + [Step("=", "V", "W")],
        mutants=[
            {"A": lambda e: float(EXP(x(e)[i(e)] + c(e)) / np.sum(EXP(x(e))))},
            {"T": lambda e: float(EXP(c(e)) * soft(x(e))[i(e)])},
            {"W": lambda e: float(u(e) @ soft(2 * x(e) + c(e)))},
            {"B1": lambda e: float(EXP(x(e)[i(e)]) * EXP(c(e)) / np.sum(EXP(x(e))))},
        ],
        lookalikes=[{"A": lambda e: float(EXP(c(e) + x(e)[i(e)]) / np.sum(EXP(c(e) + x(e))))}, {}])


# ------------------------------------------------------------------ Bayes' theorem as a sigmoid (Bishop)

def _bayes_sigmoid():
    def sample(rng):
        pi1 = rng.uniform(0.05, 0.95)
        return {"l1": rng.uniform(0.05, 3.0), "l2": rng.uniform(0.05, 3.0), "pi1": pi1, "pi2": 1 - pi1}
    l1, l2, pi1, pi2 = (lambda e: e["l1"]), (lambda e: e["l2"]), (lambda e: e["pi1"]), (lambda e: e["pi2"])
    a = lambda e: float(LOG(l1(e) * pi1(e) / (l2(e) * pi2(e))))
    sigma = lambda v: 1 / (1 + EXP(-v))

    def posterior(e):
        """p(C_1 | x) from the joint: p(x, C_1) / (p(x, C_1) + p(x, C_2))."""
        joint_x = np.array([l1(e) * pi1(e), l2(e) * pi2(e)])
        return float(joint_x[0] / joint_x.sum())
    rows = {
        "P": posterior,
        "F": lambda e: l1(e) * pi1(e) / (l1(e) * pi1(e) + l2(e) * pi2(e)),
        "G": lambda e: float(1 / (1 + EXP(-a(e)))), "S": lambda e: float(sigma(a(e))),
        "Sm": lambda e: float(sigma(-a(e))), "Om": lambda e: float(1 - sigma(a(e))),
    }
    flipped = lambda e: -a(e)
    return Model(
        sample=sample, rows=rows,
        steps=chain(["P", ("=", "F"), ("=", "G"), ("=", "S")]) + [Step("=", "Sm", "Om")],
        mutants=[
            {"G": lambda e: float(1 / (1 + EXP(a(e))))},
            {"F": lambda e: l1(e) * pi1(e) / (l1(e) * pi1(e) + l2(e))},
            {"Om": lambda e: float(1 + sigma(a(e)))},
            {"G": lambda e: float(1 / (1 + EXP(-flipped(e)))), "S": lambda e: float(sigma(flipped(e))),
             "Sm": lambda e: float(sigma(-flipped(e))), "Om": lambda e: float(1 - sigma(flipped(e)))},
        ],
        lookalikes=[{"Om": lambda e: float(sigma(a(e)) * EXP(-a(e)))},
                    {"G": lambda e: float(EXP(a(e)) / (1 + EXP(a(e))))}])


# ------------------------------------------------------------------ KL of two Laplace laws (imathworks)

def _laplace_kl():
    def sample(rng):
        b1 = rng.uniform(0.3, 3.0)
        b2 = b1 * rng.uniform(1.3, 3.0) ** rng.choice([-1, 1])
        return {"mu": rng.uniform(-2, 2), "b1": b1, "b2": b2, "shift": 0.0}
    mu, b1, b2 = (lambda e: e["mu"]), (lambda e: e["b1"]), (lambda e: e["b2"])
    loglap = lambda v, m, b: -np.abs(v - m) / b - LOG(2 * b)
    lp = lambda e: (lambda v: loglap(v, mu(e), b1(e)))
    lq = lambda e: (lambda v: loglap(v, mu(e) + e["shift"], b2(e)))

    def I(e, g):
        """The integral of g over the line, with panels ending at both densities' kinks."""
        k1, k2 = sorted([mu(e), mu(e) + e["shift"]])
        scale = max(b1(e), b2(e))
        left = _halfline_fast(lambda u: g(k1 - u), scale)
        right = _halfline_fast(lambda u: g(k2 + u), scale)
        middle = (k2 - k1) / 2 * float(np.sum(_MID_W * g((k2 - k1) / 2 * _MID_X + (k1 + k2) / 2)))
        return left + middle + right
    Ep = lambda e, g: I(e, lambda v: EXP(lp(e)(v)) * g(v))
    kl = lambda e: Ep(e, lambda v: lp(e)(v) - lq(e)(v))
    closed = lambda e: float(LOG(b2(e) / b1(e)) - 1 + b1(e) / b2(e))

    def r3(e, scale2=None):
        s2 = b2(e) if scale2 is None else scale2(e)
        return Ep(e, lambda v: (LOG(1 / (2 * b1(e))) - np.abs(v - mu(e)) / b1(e))
                  - (LOG(1 / (2 * b2(e))) - np.abs(v - mu(e)) / s2))
    rows = {
        "D": kl, "r1": kl, "r2": lambda e: I(e, lambda v: EXP(lp(e)(v)) * (lp(e)(v) - lq(e)(v))),
        "e0": kl, "e1": lambda e: -Ep(e, lambda v: lq(e)(v) - lp(e)(v)),
        "e2": lambda e: float(LOG(I(e, lambda v: EXP(lp(e)(v) + (lq(e)(v) - lp(e)(v)))))),
        "e3": lambda e: float(LOG(I(e, lambda v: EXP(lq(e)(v))))), "e4": lambda e: float(LOG(1)), "e5": lambda e: 0.0,
        "D2": kl, "s1": kl, "s2": r3, "s3": closed,
    }
    steps = tight(chain(["D", ("=", "r1"), ("=", "r2")])
                   + chain(["e0", ("=", "e1"), (">=", "e2"), ("=", "e3"), ("=", "e4"), ("=", "e5")])
                   + chain(["D2", ("=", "s1"), ("=", "s2"), ("=", "s3")]), 1e-7)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {("rel", 4): "<="},
            {"s3": lambda e: float(LOG(b2(e) / b1(e)) + 1 + b1(e) / b2(e))},
            {"s2": lambda e: r3(e, b1)},
            {"e1": lambda e: Ep(e, lambda v: lq(e)(v) - lp(e)(v))},
            {"env": lambda e: {**e, "shift": 1.0}},
        ],
        lookalikes=[{"s3": lambda e: float(b1(e) / b2(e) - 1 - LOG(b1(e) / b2(e)))}, {}])


# ------------------------------------------------------------------ sum of squares about mu (nicolasshu)

def _gauss_sumsq():
    def sample(rng):
        N = int(rng.integers(2, 7))
        return {"x": rng.normal(0, 2, size=N), "mu": rng.uniform(-3, 3), "ddof": 0}
    x, mu = (lambda e: e["x"]), (lambda e: e["mu"])
    N = lambda e: len(x(e))
    xb = lambda e: float(np.mean(x(e)))
    s2 = lambda e: float(np.sum((x(e) - xb(e)) ** 2) / (N(e) - e["ddof"]))
    cross = lambda e, sign=-1: sign * 2 * float(np.sum((x(e) - xb(e)) * (mu(e) - xb(e))))
    rows = {
        "L": lambda e: float(np.sum((x(e) - mu(e)) ** 2)),
        "r1": lambda e: float(np.sum((x(e) - xb(e) - mu(e) + xb(e)) ** 2)),
        "r2": lambda e: float(np.sum(((x(e) - xb(e)) - (mu(e) - xb(e))) ** 2)),
        "r3": lambda e: float(np.sum((x(e) - xb(e)) ** 2)) + N(e) * (xb(e) - mu(e)) ** 2 + cross(e),
        "r4": lambda e: N(e) * s2(e) + N(e) * (xb(e) - mu(e)) ** 2 - 2 * ((np.sum(x(e))) - N(e) * xb(e)) * (mu(e) - xb(e)),
        "r5": lambda e: N(e) * s2(e) + N(e) * (xb(e) - mu(e)) ** 2 - 2 * (N(e) * xb(e) - N(e) * xb(e)) * (mu(e) - xb(e)),
    }
    return Model(
        sample=sample, rows=rows, steps=chain(["L", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5")]),
        mutants=[
            {"r1": lambda e: float(np.sum((x(e) - xb(e) - mu(e) - xb(e)) ** 2))},
            {"r3": lambda e: float(np.sum((x(e) - xb(e)) ** 2)) + N(e) * (xb(e) + mu(e)) ** 2 + cross(e)},
            {"r5": lambda e: N(e) * s2(e) + N(e) * (xb(e) - mu(e)) ** 2 - 2 * (N(e) * xb(e) - xb(e)) * (mu(e) - xb(e))},
            {"env": lambda e: {**e, "ddof": 1}},
        ],
        lookalikes=[{"r3": lambda e: float(np.sum((x(e) - xb(e)) ** 2)) + N(e) * (xb(e) - mu(e)) ** 2 + cross(e, +1)},
                    {"r1": lambda e: float(np.sum((x(e) + xb(e) - mu(e) - xb(e)) ** 2))}])


# ------------------------------------------------------------------ log of the mean via log t <= t - 1 (techqa)

def _logmean_tangent():
    def sample(rng):
        n = int(rng.integers(2, 6))
        return {"x": rng.uniform(0.1, 5.0, size=n), "t": rng.uniform(0.2, 4.0)}
    x, t = (lambda e: e["x"]), (lambda e: e["t"])
    m = lambda e: float(np.mean(x(e)))
    phi = lambda v: LOG(v)
    rows = {
        "lt": lambda e: float(LOG(t(e))), "t1": lambda e: t(e) - 1,
        "ml": lambda e: float(np.mean(LOG(x(e)))), "lm": lambda e: float(LOG(np.sum(x(e)) / len(x(e)))),
        "logm": lambda e: float(LOG(m(e))),
        "A": lambda e: float(np.mean(LOG(x(e)))) - float(LOG(m(e))),
        "B": lambda e: float(np.mean(LOG(x(e)) - LOG(m(e)))),
        "C": lambda e: float(np.mean(LOG(x(e) / m(e)))),
        "D": lambda e: float(np.mean(x(e) / m(e) - 1)), "Z": lambda e: 0.0,
        "lt2": lambda e: float(LOG(t(e))),
        "tan": lambda e: float(phi(1.0)) + (t(e) - 1) * _dcomplex(phi, 1.0), "t2": lambda e: t(e) - 1,
    }
    return Model(
        sample=sample, rows=rows,
        steps=[Step("<=", "lt", "t1")] + chain(["ml", ("<=", "lm"), ("=", "logm")])
        + chain(["A", ("=", "B"), ("=", "C"), ("<=", "D"), ("=", "Z")]) + chain(["lt2", ("<=", "tan"), ("=", "t2")]),
        mutants=[
            {("rel", 6): ">="},
            {"C": lambda e: float(np.mean(LOG(m(e) / x(e))))},
            {"t2": lambda e: t(e) + 1},
            {"t1": lambda e: t(e) - 2},
            {"logm": m},
        ],
        lookalikes=[{"Z": lambda e: 1 / len(x(e)) * (len(x(e)) * m(e) / m(e)) - 1},
                    {"tan": lambda e: float(LOG(1.0)) + (t(e) - 1) * _dcomplex(phi, 1.0)}])


MODELS = {
    "s10i_normal_mgf_techqa": _normal_mgf(),
    "s10i_normal_mgf_moments_travis": _normal_moments(),
    "s10i_sample_mean_var_newbetuts": _sample_mean_var(),
    "s10i_beta_posterior_mean_glmbayes": _beta_posterior_mean(),
    "s10i_amgm_jensen_arqmath": _amgm_jensen(),
    "s10i_softmax_shift_nemotron": _softmax_shift(),
    "s10i_bayes_sigmoid_bishop": _bayes_sigmoid(),
    "s10i_laplace_kl_imathworks": _laplace_kl(),
    "s10i_gauss_sumsq_nicolasshu": _gauss_sumsq(),
    "s10i_logmean_tangent_techqa": _logmean_tangent(),
}

"""Truth models of the s8d_ entries (probability and statistics proofs from lecture notes, Q&A
answers, blogs and a wiki: moments by integration, Markov and Chebyshev, the law of total
variance, covariance, Bernoulli and Gaussian likelihoods, the geometric distribution's entropy
and Fisher information). Sums over the geometric law are truncated where the terms are below
1e-300; integrals over (0, inf) by composite Gauss-Legendre on geometric panels (exact to
rounding for these smooth, exponentially decaying integrands); derivatives by the complex step."""

from __future__ import annotations

import math

import numpy as np

from .base import Model, Step, chain, joint, pmf

LOG = np.log
_NODES, _WEIGHTS = np.polynomial.legendre.leggauss(40)
_EDGES = np.concatenate([[0.0], np.geomspace(1e-9, 400.0, 160)])
H_STEP = 1e-20


def _halfline(g, scale=1.0):
    """The integral of g over (0, inf), g decaying like e^{-x/scale}."""
    total = 0.0
    for lo, hi in zip(_EDGES[:-1] * scale, _EDGES[1:] * scale):
        x = (hi - lo) / 2 * _NODES + (hi + lo) / 2
        total += (hi - lo) / 2 * float(np.sum(_WEIGHTS * g(x)))
    return total


def _dcomplex(f, v):
    """f'(v) by the complex step."""
    return float(np.imag(f(v + 1j * H_STEP)) / H_STEP)


# ------------------------------------------------------------------ geometric distribution

def _geom():
    K = np.arange(0, 20000)

    def sample(rng):
        return {"p": rng.uniform(0.05, 0.95), "X": rng.uniform(0.0, 8.0)}
    p, X = (lambda e: e["p"]), (lambda e: e["X"])
    logpk = lambda e: K * np.log(1 - p(e)) + np.log(p(e))     # log P(X = k), no underflow
    pk = lambda e: np.exp(logpk(e))
    S = lambda e, v: float(np.sum(pk(e) * v))
    lnL = lambda e, q: X(e) * np.log(1 - q) + np.log(q)
    d2 = lambda e: -1 / p(e) ** 2 - X(e) / (1 - p(e)) ** 2
    rows = {
        "H": lambda e: -S(e, logpk(e)),
        "e1": lambda e: -S(e, LOG(1 - p(e)) * K + LOG(p(e))),
        "e2": lambda e: -S(e, K * LOG(1 - p(e)) + LOG(p(e))),
        "e3": lambda e: -S(e, K * LOG(1 - p(e)) + LOG(p(e))),
        "e4": lambda e: -LOG(p(e)) - (1 - p(e)) / p(e) * LOG(1 - p(e)),
        "lnL": lambda e: float(lnL(e, p(e))), "lnL2": lambda e: X(e) * LOG(1 - p(e)) + LOG(p(e)),
        "d1": lambda e: _dcomplex(lambda q: lnL(e, q), p(e)), "s1": lambda e: 1 / p(e) - X(e) / (1 - p(e)),
        "d2": lambda e: _dcomplex(lambda q: X(e) * (-1 / (1 - q)) + 1 / q, p(e)), "s2": d2,
        "i1": lambda e: -S(e, -1 / p(e) ** 2 - K / (1 - p(e)) ** 2),
        "i2": lambda e: -(-1 / p(e) ** 2 - (1 - p(e)) / (p(e) * (1 - p(e)) ** 2)),
        "i3": lambda e: 1 / (p(e) ** 2 * (1 - p(e))),
    }
    return Model(
        sample=sample, rows=rows,
        steps=chain(["H", ("=", "e1"), ("=", "e2"), ("=", "e3"), ("=", "e4")])
        + [Step("=", "lnL", "lnL2"), Step("=", "d1", "s1"), Step("=", "d2", "s2")]
        + chain(["i1", ("=", "i2"), ("=", "i3")]),
        mutants=[
            {"e3": lambda e: -S(e, K * LOG(1 - p(e)) - LOG(p(e)))},
            {"e4": lambda e: -LOG(p(e)) - (1 - p(e)) / p(e) ** 2 * LOG(1 - p(e))},
            {"s1": lambda e: 1 / p(e) + X(e) / (1 - p(e))},
            {"s2": lambda e: -1 / p(e) ** 2 - X(e) / (1 - p(e))},
            {"i3": lambda e: 1 / (p(e) * (1 - p(e)) ** 2)},
        ],
        lookalikes=[
            {"e4": lambda e: -(p(e) * LOG(p(e)) + (1 - p(e)) * LOG(1 - p(e))) / p(e)},
            {"lnL2": lambda e: LOG(p(e)) + X(e) * LOG(1 - p(e))},
            {"i3": lambda e: 1 / (p(e) ** 2 - p(e) ** 3)},
        ])


# ------------------------------------------------------------------ Markov's inequality

def _markov():
    """A density on [0, inf): piecewise constant on random cells of [0, L]; integrals exact."""
    def sample(rng):
        n = int(rng.integers(3, 8))
        widths = rng.uniform(0.2, 2.0, size=n)
        edges = np.concatenate([[0.0], np.cumsum(widths)])
        mass = pmf(rng, n)
        return {"edges": edges, "dens": mass / widths, "a": rng.uniform(0.1, 1.1) * edges[-1]}

    def integral(e, lo, hi, power):
        """int_lo^hi x^power p(x) dx."""
        total = 0.0
        for c0, c1, d in zip(e["edges"][:-1], e["edges"][1:], e["dens"]):
            l, h = max(lo, c0), min(hi, c1)
            if h > l:
                total += d * (h ** (power + 1) - l ** (power + 1)) / (power + 1)
        return total
    inf = np.inf
    a = lambda e: e["a"]
    rows = {
        "P": lambda e: integral(e, a(e), inf, 0), "bound": lambda e: integral(e, 0, inf, 1) / a(e),
        "E": lambda e: integral(e, 0, inf, 1), "r1": lambda e: integral(e, 0, inf, 1),
        "r2": lambda e: integral(e, 0, a(e), 1) + integral(e, a(e), inf, 1),
        "r3": lambda e: integral(e, a(e), inf, 1), "r4": lambda e: a(e) * integral(e, a(e), inf, 0),
        "t1": lambda e: integral(e, a(e), inf, 1), "t2": lambda e: a(e) * integral(e, a(e), inf, 0),
    }
    return Model(
        sample=sample, rows=rows,
        steps=[Step("<=", "P", "bound")]
        + chain(["E", ("=", "r1"), ("=", "r2"), (">=", "r3"), (">=", "r4")]) + [Step(">=", "t1", "t2")],
        mutants=[
            {("rel", 4): "<="},
            {"r4": lambda e: a(e) ** 2 * integral(e, a(e), inf, 0)},
            {"r2": lambda e: integral(e, 0, a(e), 1) - integral(e, a(e), inf, 1)},
            {("rel", 1): ">="},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ exponential variance

def _exp_variance():
    def sample(rng):
        return {"l": rng.uniform(0.3, 4.0)}
    l = lambda e: e["l"]
    m2 = lambda e, c=1.0: _halfline(lambda x: x ** 2 * c * np.exp(-l(e) * x), 1 / l(e))
    m1 = lambda e: _halfline(lambda x: x * l(e) * np.exp(-l(e) * x), 1 / l(e))

    def bracket(e, last=2.0):
        F = lambda x: -x ** 2 * np.exp(-l(e) * x) - 2 * x / l(e) * np.exp(-l(e) * x) - last / l(e) ** 2 * np.exp(-l(e) * x)
        return 0.0 - F(0.0)          # the limit at +inf of F is 0
    rows = {
        "V": lambda e: m2(e, l(e)) - m1(e) ** 2, "claim": lambda e: 1 / l(e) ** 2,
        "E2": lambda e: m2(e, l(e)), "int": lambda e: m2(e, l(e)), "lim": bracket, "two": lambda e: 2 / l(e) ** 2,
        "V2": lambda e: m2(e, l(e)) - m1(e) ** 2, "diff": lambda e: m2(e, l(e)) - m1(e) ** 2,
        "num": lambda e: 2 / l(e) ** 2 - 1 / l(e) ** 2, "fin": lambda e: 1 / l(e) ** 2,
    }
    return Model(
        sample=sample, rows=rows,
        steps=[Step("=", "V", "claim", tol=1e-8)]
        + chain(["E2", ("=", "int"), ("=", "lim"), ("=", "two")])
        + chain(["V2", ("=", "diff"), ("=", "num"), ("=", "fin")]),
        mutants=[
            {"lim": lambda e: bracket(e, 1.0)},
            {"two": lambda e: 1 / l(e) ** 2},
            {"num": lambda e: 2 / l(e) ** 2 + 1 / l(e) ** 2},
            {"int": lambda e: m2(e, 1.0)},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ law of total variance

def _total_variance():
    def sample(rng):
        return {"J": joint(rng, 3, 4), "xs": rng.uniform(-2, 3, size=3), "ys": rng.uniform(-2, 3, size=4)}
    J, xs, ys = (lambda e: e["J"]), (lambda e: e["xs"]), (lambda e: e["ys"])
    px = lambda e: J(e).sum(axis=1)
    cond = lambda e: J(e) / px(e)[:, None]                       # p(y | x), rows x
    EYgX = lambda e: cond(e) @ ys(e)
    EY2gX = lambda e: cond(e) @ ys(e) ** 2
    Ex = lambda e, v: float(px(e) @ v)                             # E over X of a function of X
    EY = lambda e: float(J(e).sum(axis=0) @ ys(e))
    EY2 = lambda e: float(J(e).sum(axis=0) @ ys(e) ** 2)
    VgX = lambda e: EY2gX(e) - EYgX(e) ** 2
    VarE = lambda e: Ex(e, EYgX(e) ** 2) - Ex(e, EYgX(e)) ** 2
    EX = lambda e: Ex(e, xs(e))
    rows = {
        "EY": EY, "tower": lambda e: Ex(e, EYgX(e)),
        "V": lambda e: EY2(e) - EY(e) ** 2, "lotv": lambda e: Ex(e, VgX(e)) + VarE(e),
        "V2": lambda e: EY2(e) - EY(e) ** 2, "r1": lambda e: EY2(e) - EY(e) ** 2,
        "r2": lambda e: Ex(e, EY2gX(e)) - Ex(e, EYgX(e)) ** 2,
        "r3": lambda e: Ex(e, EY2gX(e) - EYgX(e) ** 2 + EYgX(e) ** 2) - Ex(e, EYgX(e)) ** 2,
        "r4": lambda e: Ex(e, VgX(e)) + Ex(e, EYgX(e) ** 2) - Ex(e, EYgX(e)) ** 2,
        "r5": lambda e: Ex(e, VgX(e)) + VarE(e),
    }
    return Model(
        sample=sample, rows=rows,
        steps=[Step("=", "EY", "tower"), Step("=", "V", "lotv")]
        + chain(["V2", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5")]),
        mutants=[
            {"r1": lambda e: EY2(e) + EY(e) ** 2},
            {"r5": lambda e: Ex(e, VgX(e)) - VarE(e)},
            {"lotv": lambda e: Ex(e, VgX(e)) - VarE(e)},
            {"r3": lambda e: Ex(e, EY2gX(e) - EYgX(e) ** 2 - EYgX(e) ** 2) - Ex(e, EYgX(e)) ** 2},
            {"tower": EX},
        ],
        lookalikes=[{}, {"r2": lambda e: Ex(e, EY2gX(e)) - EY(e) ** 2}])


# ------------------------------------------------------------------ Bernoulli likelihood

def _bern_sample(rng):
    n = int(rng.integers(3, 9))
    x = rng.integers(0, 2, size=n).astype(float)
    x[0], x[1] = 0.0, 1.0                       # both outcomes seen: the estimate is in (0, 1)
    rng.shuffle(x)
    return {"x": x, "p": rng.uniform(0.05, 0.95)}


def _bern_likelihood():
    y, t = (lambda e: e["x"]), (lambda e: e["p"])
    prod = lambda e, a, b: float(np.prod(t(e) ** a * (1 - t(e)) ** b))
    rows = {
        "p": lambda e: prod(e, y(e), 1 - y(e)), "r1": lambda e: prod(e, y(e), 1 - y(e)),
        "r2": lambda e: prod(e, y(e), 1 - y(e)),
        "r3": lambda e: t(e) ** y(e).sum() * (1 - t(e)) ** (1 - y(e)).sum(),
        "r4": lambda e: t(e) ** y(e).sum() * (1 - t(e)) ** (len(y(e)) - y(e).sum()),
    }

    def first_swapped(e):
        a, b = y(e).copy(), 1 - y(e)
        b[0] = y(e)[0]
        return prod(e, a, b)
    return Model(
        sample=_bern_sample, rows=rows,
        steps=chain(["p", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4")]),
        mutants=[
            {"r3": lambda e: t(e) ** y(e).sum() * (1 - t(e)) ** y(e).sum()},
            {"r4": lambda e: t(e) ** y(e).sum() * (1 - t(e)) ** (len(y(e)) + y(e).sum())},
            {"r2": first_swapped},
        ],
        lookalikes=[{}, {}])


def _bern_mle():
    x, p = (lambda e: e["x"]), (lambda e: e["p"])
    n, S = (lambda e: len(x(e))), (lambda e: float(x(e).sum()))
    ell = lambda e, q: S(e) * np.log(q) + (n(e) - S(e)) * np.log(1 - q)

    def at_mle(e):
        return {**e, "p": S(e) / n(e)}
    rows = {
        "L": lambda e: float(np.prod(p(e) ** x(e) * (1 - p(e)) ** (1 - x(e)))),
        "l1": lambda e: float(np.prod(p(e) ** x(e) * (1 - p(e)) ** (1 - x(e)))),
        "L2": lambda e: float(np.prod(p(e) ** x(e) * (1 - p(e)) ** (1 - x(e)))),
        "l2": lambda e: p(e) ** S(e) * (1 - p(e)) ** (n(e) - S(e)),
        "ell": lambda e: float(np.log(np.prod(p(e) ** x(e) * (1 - p(e)) ** (1 - x(e))))),
        "ell2": lambda e: float(ell(e, p(e))),
        "d": lambda e: _dcomplex(lambda q: ell(e, q), p(e)),
        "g": lambda e: S(e) / p(e) - (n(e) - S(e)) / (1 - p(e)),
        "zero": lambda e: 0.0,
        "c1": lambda e: (1 - p(e)) * S(e) - p(e) * (n(e) - S(e)),
        "c2": lambda e: S(e) - p(e) * S(e) - p(e) * n(e) + p(e) * S(e),
        "c3": lambda e: S(e) - p(e) * n(e),
    }
    steps = ([Step("=", "L", "l1"), Step("=", "L2", "l2"), Step("=", "ell", "ell2")]
             + chain(["d", ("=", "g"), ("=", "zero")])
             + [Step("=", "c1", "zero"), Step("=", "c2", "zero"), Step("=", "c3", "zero")])
    for s in steps[3:]:
        s.when = at_mle
    return Model(
        sample=_bern_sample, rows=rows, steps=steps,
        mutants=[
            {"l1": lambda e: float(np.prod(p(e) ** x(e) * (1 - p(e)) ** x(e)))},
            {"l2": lambda e: p(e) ** S(e) * (1 - p(e)) ** (n(e) + S(e))},
            {"g": lambda e: S(e) / p(e) - (n(e) - S(e)) / p(e)},
            {"c2": lambda e: S(e) - p(e) * S(e) + p(e) * n(e) + p(e) * S(e)},
            {"c3": lambda e: S(e) - p(e)},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ Gaussian log-likelihood

def _gauss_mle():
    def sample(rng):
        n = int(rng.integers(2, 7))
        return {"x": rng.uniform(-3, 3, size=n), "mu": rng.uniform(-2, 2), "s": rng.uniform(0.3, 2.5),
                "C": rng.uniform(-3, 3)}
    x, mu, s, C = (lambda e: e["x"]), (lambda e: e["mu"]), (lambda e: e["s"]), (lambda e: e["C"])
    n = lambda e: len(x(e))
    ell = lambda e, m, v: -n(e) / 2 * np.log(v) - 1 / (2 * v) * np.sum((x(e) - m) ** 2) + C(e)
    SS = lambda e: float(np.sum((x(e) - mu(e)) ** 2))
    rows = {
        "ls": lambda e: LOG(s(e)), "ls1": lambda e: LOG((s(e) ** 2) ** 0.5), "ls2": lambda e: 0.5 * LOG(s(e) ** 2),
        "dmu": lambda e: _dcomplex(lambda m: ell(e, m, s(e) ** 2), mu(e)),
        "gmu": lambda e: float(np.sum(x(e) - mu(e))) / s(e) ** 2,
        "dv": lambda e: _dcomplex(lambda v: ell(e, mu(e), v), s(e) ** 2),
        "gv": lambda e: SS(e) / (2 * s(e) ** 4) - n(e) / (2 * s(e) ** 2),
        "dk": lambda e: _dcomplex(lambda v: -1 / (2 * v), s(e) ** 2), "gk": lambda e: 1 / (2 * s(e) ** 4),
    }
    return Model(
        sample=sample, rows=rows,
        steps=chain(["ls", ("=", "ls1"), ("=", "ls2")])
        + [Step("=", "dmu", "gmu"), Step("=", "dv", "gv"), Step("=", "dk", "gk")],
        mutants=[
            {"ls2": lambda e: 2 * LOG(s(e) ** 2)},
            {"gmu": lambda e: float(np.sum(x(e) - mu(e))) / (2 * s(e) ** 2)},
            {"gv": lambda e: SS(e) / (2 * s(e) ** 4) + n(e) / (2 * s(e) ** 2)},
            {"gk": lambda e: 1 / s(e) ** 3},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ covariance

def _covariance():
    def sample(rng):
        return {"J": joint(rng, 3, 4), "xs": rng.uniform(-2, 3, size=3), "ys": rng.uniform(-2, 3, size=4),
                "X": rng.uniform(-3, 3), "Y": rng.uniform(-3, 3)}
    J, xs, ys = (lambda e: e["J"]), (lambda e: e["xs"]), (lambda e: e["ys"])
    X, Y = (lambda e: e["X"]), (lambda e: e["Y"])
    EX = lambda e: float(J(e).sum(axis=1) @ xs(e))
    EY = lambda e: float(J(e).sum(axis=0) @ ys(e))
    EXY = lambda e: float(xs(e) @ J(e) @ ys(e))
    Ec = lambda e, a, b: float(np.sum(J(e) * np.outer(xs(e) - a, ys(e) - b)))
    rows = {
        "pt": lambda e: (X(e) - EX(e)) * (Y(e) - EY(e)),
        "pt1": lambda e: X(e) * Y(e) - EY(e) * X(e) - EX(e) * Y(e) + EX(e) * EY(e),
        "C": lambda e: Ec(e, EX(e), EY(e)),
        "c1": lambda e: EXY(e) - EY(e) * EX(e) - EX(e) * EY(e) + EX(e) * EY(e),
        "c2": lambda e: EXY(e) - EX(e) * EY(e),
        "qa": lambda e: (X(e) - EX(e)) * (Y(e) - EY(e)),
        "qa1": lambda e: X(e) * Y(e) - EY(e) * X(e) - EX(e) * Y(e) + EX(e) * EY(e),
        "D": lambda e: Ec(e, EX(e), EY(e)),
        "d1": lambda e: EXY(e) - EY(e) * EX(e) - EX(e) * EY(e) + EX(e) * EY(e),
        "d2": lambda e: EXY(e) - EY(e) * EX(e) - EX(e) * EY(e) + EX(e) * EY(e),
        "d3": lambda e: EXY(e) - EX(e) * EY(e), "d4": lambda e: EXY(e) - EX(e) * EY(e),
    }
    return Model(
        sample=sample, rows=rows,
        steps=[Step("=", "pt", "pt1")] + chain(["C", ("=", "c1"), ("=", "c2")]) + [Step("=", "qa", "qa1")]
        + chain(["D", ("=", "d1"), ("=", "d2"), ("=", "d3"), ("=", "d4")]),
        mutants=[
            {"c2": lambda e: EXY(e) + EX(e) * EY(e)},
            {"pt1": lambda e: X(e) * Y(e) - EY(e) * X(e) - EX(e) * Y(e) - EX(e) * EY(e)},
            {"d2": lambda e: EXY(e) - EY(e) * EX(e) + EX(e) * EY(e) + EX(e) * EY(e)},
            {"qa1": lambda e: X(e) * Y(e) - EX(e) * X(e) - EY(e) * Y(e) + EX(e) * EY(e)},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ Chebyshev from Markov

def _chebyshev():
    def sample(rng):
        m = int(rng.integers(3, 7))
        return {"v": rng.uniform(-3, 3, size=m), "w": pmf(rng, m), "t": rng.uniform(0.2, 3.0)}
    v, w, t = (lambda e: e["v"]), (lambda e: e["w"]), (lambda e: e["t"])
    mu = lambda e: float(w(e) @ v(e))
    Yv = lambda e: (v(e) - mu(e)) ** 2
    var = lambda e: float(w(e) @ Yv(e))
    rows = {
        "EY": lambda e: float(w(e) @ Yv(e)), "var": var, "s2": var,
        "P": lambda e: float(w(e) @ (np.abs(v(e) - mu(e)) >= t(e))),
        "PY": lambda e: float(w(e) @ (Yv(e) >= t(e) ** 2)),
        "mk": lambda e: var(e) / t(e) ** 2, "fin": lambda e: var(e) / t(e) ** 2,
    }
    return Model(
        sample=sample, rows=rows,
        steps=chain(["EY", ("=", "var"), ("=", "s2")]) + chain(["P", ("=", "PY"), ("<=", "mk"), ("=", "fin")]),
        mutants=[
            {"fin": lambda e: np.sqrt(var(e)) / t(e) ** 2},
            {"s2": lambda e: np.sqrt(var(e))},
            {"var": mu},
            {("rel", 4): ">="},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ gamma moments

def _gamma():
    def sample(rng):
        return {"a": rng.uniform(0.5, 4.0), "b": rng.uniform(0.3, 3.0), "n": int(rng.integers(1, 7)),
                "x": rng.uniform(0.05, 5.0)}
    a, b, n, x = (lambda e: e["a"]), (lambda e: e["b"]), (lambda e: e["n"]), (lambda e: e["x"])
    G = math.gamma
    dens = lambda e: (lambda u: b(e) ** a(e) / G(a(e)) * u ** (a(e) - 1) * np.exp(-b(e) * u))
    mom = lambda e, k: _halfline(lambda u: u ** k * dens(e)(u), 1 / b(e))
    rows = {
        "nf": lambda e: float(math.factorial(n(e))), "nint": lambda e: _halfline(lambda u: u ** n(e) * np.exp(-u)),
        "pdf": lambda e: dens(e)(x(e)),
        "pdf2": lambda e: b(e) / G(a(e)) * (b(e) * x(e)) ** (a(e) - 1) * np.exp(-b(e) * x(e)),
        "V": lambda e: mom(e, 2) - mom(e, 1) ** 2, "Vr": lambda e: mom(e, 2) - mom(e, 1) ** 2,
        "E2": lambda e: mom(e, 2), "q0": lambda e: mom(e, 2), "q1": lambda e: b(e) ** 2 / b(e) ** 2 * mom(e, 2),
        "q2": lambda e: _halfline(lambda u: b(e) ** (a(e) + 2) / (b(e) ** 2 * G(a(e))) * u ** (a(e) + 1)
                                  * np.exp(-b(e) * u), 1 / b(e)),
        "q3": lambda e: G(a(e) + 2) / (b(e) ** 2 * G(a(e))), "q4": lambda e: (a(e) ** 2 + a(e)) / b(e) ** 2,
        "m2": lambda e: mom(e, 1) ** 2, "m2r": lambda e: a(e) ** 2 / b(e) ** 2,
        "V2": lambda e: mom(e, 2) - mom(e, 1) ** 2, "Vf": lambda e: a(e) / b(e) ** 2,
    }
    steps = ([Step("=", "nf", "nint"), Step("=", "pdf", "pdf2"), Step("=", "V", "Vr")]
             + chain(["E2", ("=", "q0"), ("=", "q1"), ("=", "q2"), ("=", "q3"), ("=", "q4")])
             + [Step("=", "m2", "m2r"), Step("=", "V2", "Vf")])
    for s in steps:
        s.tol = 1e-8
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"pdf2": lambda e: 1 / G(a(e)) * (b(e) * x(e)) ** (a(e) - 1) * np.exp(-b(e) * x(e))},
            {"q4": lambda e: (a(e) ** 2 + 1) / b(e) ** 2},
            {"Vf": lambda e: a(e) / b(e)},
            {"q3": lambda e: G(a(e) + 1) / (b(e) ** 2 * G(a(e)))},
            {"nint": lambda e: _halfline(lambda u: u ** (n(e) - 1) * np.exp(-u))},
        ],
        lookalikes=[{}, {}])


MODELS = {
    "s8d_geom_entropy_wiki": _geom(),
    "s8d_markov_mse827181": _markov(),
    "s8d_exp_variance_oumlaut": _exp_variance(),
    "s8d_total_variance_agdenadel": _total_variance(),
    "s8d_bern_likelihood_imathworks": _bern_likelihood(),
    "s8d_bern_mle_lingying": _bern_mle(),
    "s8d_gauss_mle_techqa": _gauss_mle(),
    "s8d_covariance_arqmath": _covariance(),
    "s8d_chebyshev_planetmath": _chebyshev(),
    "s8d_gamma_moments_eu90h": _gamma(),
}

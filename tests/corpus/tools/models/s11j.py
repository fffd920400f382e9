"""Truth models of the s11j_ entries (a held-out set of derivations from Q&A answers, blogs, study
notes, an e-book and a notebook: the Fisher information of a Bernoulli variable, the derivatives of
an exponential family's log partition function, the binomial variance, the derivative of the
sigmoid, Hoeffding's lemma, binary cross-entropy as the logistic loss, the geometric mean from the
geometric series, Cauchy-Schwarz for expectations, the Jacobian of logsoftmax, the KL divergence of
two Poisson laws). Laws on random finite supports (exponential family: counting measure on a few
points with a random base measure), the binomial and Poisson pmfs summed exactly or far into the
tail, series summed to many terms, derivatives by the complex step (second ones by central
differences of complex-step first derivatives), statements 'for every x in [a, b]' by a dense
grid."""

from __future__ import annotations

import math

import numpy as np

from .base import Model, Step, chain, pmf, tight
from .s8d import _dcomplex
from .s10i import _second

LOG = np.log
EXP = np.exp


# ------------------------------------------------------------------ Fisher information of a Bernoulli (imathworks)

def _bern_fisher():
    def sample(rng):
        return {"p": rng.uniform(0.05, 0.95)}
    p = lambda e: e["p"]

    def Ep(e, g):
        """E_p[g(X)] for X ~ Bernoulli(p)."""
        return (1 - p(e)) * g(0.0) + p(e) * g(1.0)

    def fisher(e):
        score = lambda x: _dcomplex(lambda q: LOG(q ** x * (1 - q) ** (1 - x)), p(e))
        return Ep(e, lambda x: score(x) ** 2)

    def r1(e, first=2, sign=-1):
        P = p(e)
        return (Ep(e, lambda X: X ** 2 / P ** first) + sign * 2 * Ep(e, lambda X: (X - X ** 2) / (P * (1 - P)))
                + Ep(e, lambda X: (X ** 2 - 2 * X + 1) / (1 - P) ** 2))

    def c1(e, power=2):
        P = p(e)
        return P / P ** 2 - 2 * (0 - 0) / (P * (1 - P)) + (P - 2 * P + 1) / (1 - P) ** power
    rows = {
        "I": fisher, "r1": r1,
        "EX": lambda e: Ep(e, lambda X: X), "a1": lambda e: 0 * (1 - p(e)) + 1 * p(e), "a2": p,
        "EX2": lambda e: Ep(e, lambda X: X ** 2), "b1": lambda e: 0 ** 2 * (1 - p(e)) + 1 ** 2 * p(e), "b2": p,
        "c1": c1, "c2": lambda e: 1 / p(e) - (p(e) - 1) / (1 - p(e)) ** 2,
        "c3": lambda e: 1 / p(e) - 1 / (p(e) - 1), "c4": lambda e: 1 / (p(e) * (1 - p(e))),
    }
    steps = tight([Step("=", "I", "r1")] + chain(["EX", ("=", "a1"), ("=", "a2")])
                   + chain(["EX2", ("=", "b1"), ("=", "b2")])
                   + chain(["I", ("=", "c1"), ("=", "c2"), ("=", "c3"), ("=", "c4")]), 1e-7)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"b2": lambda e: p(e) ** 2},
            {"r1": lambda e: r1(e, first=1)},
            {"c3": lambda e: 1 / p(e) + 1 / (p(e) - 1)},
            {"c1": lambda e: c1(e, power=1)},
            {"c4": lambda e: 1 / (p(e) * (1 + p(e)))},
        ],
        lookalikes=[{"r1": lambda e: r1(e, sign=+1)}, {"c4": lambda e: 1 / (p(e) - p(e) ** 2)}])


# ------------------------------------------------------------------ log partition function derivatives (n1o)

def _logpartition():
    def sample(rng):
        m = int(rng.integers(3, 7))
        return {"phi": rng.normal(0, 1.2, size=m), "h": rng.uniform(0.2, 1.5, size=m),
                "theta": rng.uniform(-1.5, 1.5)}
    phi, h, th = (lambda e: e["phi"]), (lambda e: e["h"]), (lambda e: e["theta"])
    Z = lambda e: (lambda t: np.sum(EXP(t * phi(e)) * h(e)))
    A = lambda e: (lambda t: LOG(Z(e)(t)))
    Ap = lambda e: _dcomplex(A(e), th(e))
    dens = lambda e: EXP(th(e) * phi(e) - A(e)(th(e))) * h(e)
    E = lambda e, g: float(np.sum(dens(e) * g))

    def s1(e, sign=-1):
        return float(np.sum(phi(e) * EXP(th(e) * phi(e) - A(e)(th(e))) * h(e) * (phi(e) + sign * Ap(e))))

    def r4(e, sign=-1):
        return float(np.sum(phi(e) * EXP(th(e) * phi(e) + sign * A(e)(th(e))) * h(e)))

    def r3(e, sign=1):
        return float(np.sum(phi(e) * EXP(th(e) * phi(e)) * h(e)) / EXP(sign * A(e)(th(e))))

    def s4(e, sign=-1):
        return E(e, phi(e) ** 2) + sign * E(e, phi(e)) ** 2
    rows = {
        "L0": Ap, "r1": lambda e: _dcomplex(lambda t: LOG(np.sum(EXP(t * phi(e)) * h(e))), th(e)),
        "r2": lambda e: _dcomplex(Z(e), th(e)) / Z(e)(th(e)),
        "r3": r3, "r4": r4, "r5": lambda e: float(np.sum(phi(e) * dens(e))), "r6": lambda e: E(e, phi(e)),
        "M0": lambda e: _second(A(e), th(e)), "s1": s1,
        "s2": lambda e: float(np.sum(phi(e) * dens(e) * (phi(e) - Ap(e)))),
        "s3": lambda e: float(np.sum(phi(e) ** 2 * dens(e))) - Ap(e) * float(np.sum(phi(e) * dens(e))),
        "s4": s4, "s5": lambda e: E(e, (phi(e) - E(e, phi(e))) ** 2),
    }
    steps = tight(chain(["L0", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5"), ("=", "r6")])
                   + chain(["M0", ("=", "s1"), ("=", "s2"), ("=", "s3"), ("=", "s4"), ("=", "s5")]), 1e-6)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r4": lambda e: r4(e, sign=+1)},
            {"s4": lambda e: s4(e, sign=+1)},
            {"s1": lambda e: s1(e, sign=+1)},
            {"r3": lambda e: r3(e, sign=-1)},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ binomial variance (fundegar)

def _binom_var():
    def sample(rng):
        p = rng.uniform(0.05, 0.95)
        return {"n": int(rng.integers(1, 9)), "p": p, "q": 1 - p}
    n, p, q = (lambda e: e["n"]), (lambda e: e["p"]), (lambda e: e["q"])
    F = math.factorial

    def S(e, lo, term):
        return float(sum(term(k) for k in range(lo, n(e) + 1)))
    C = lambda e, k: F(n(e)) / (F(k) * F(n(e) - k))
    pmf_ = lambda e, k: C(e, k) * p(e) ** k * q(e) ** (n(e) - k)
    Ek = lambda e: S(e, 0, lambda k: k * pmf_(e, k))
    Ek2 = lambda e: S(e, 0, lambda k: k ** 2 * pmf_(e, k))

    def B2(e, sign=1):
        return S(e, 0, lambda k: (k * (k - 1) + sign * k) * pmf_(e, k))

    def B3(e, last=None):
        N, P, Q = n(e), p(e), q(e)
        tail = N * P if last is None else last(e)
        return N * (N - 1) * P ** 2 * S(e, 2, lambda k: F(N - 2) / (F(k - 2) * F(N - k)) * P ** (k - 2) * Q ** (N - k)) + tail

    def A3(e, power=None):
        N = n(e)
        return N * p(e) * (p(e) + q(e)) ** (N - 1 if power is None else N)
    rows = {
        "Ek": Ek, "A1": Ek,
        "A2": lambda e: n(e) * p(e) * S(e, 1, lambda k: F(n(e) - 1) / (F(k - 1) * F(n(e) - k)) * p(e) ** (k - 1) * q(e) ** (n(e) - k)),
        "A3": A3, "A4": lambda e: n(e) * p(e),
        "Ek2": Ek2, "B1": Ek2, "B2": B2, "B3": B3,
        "B4": lambda e: n(e) * (n(e) - 1) * p(e) ** 2 * (p(e) + q(e)) ** (n(e) - 2) + n(e) * p(e),
        "V": lambda e: Ek2(e) - Ek(e) ** 2, "V1": lambda e: Ek2(e) - Ek(e) ** 2,
        "V2": lambda e: n(e) * (n(e) - 1) * p(e) ** 2 + n(e) * p(e) - n(e) ** 2 * p(e) ** 2,
        "V3": lambda e: n(e) * p(e) * q(e),
    }
    steps = tight(chain(["Ek", ("=", "A1"), ("=", "A2"), ("=", "A3"), ("=", "A4")])
                   + chain(["Ek2", ("=", "B1"), ("=", "B2"), ("=", "B3"), ("=", "B4")])
                   + chain(["V", ("=", "V1"), ("=", "V2"), ("=", "V3")]), 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"B3": lambda e: B3(e, last=n)},
            {"V3": lambda e: n(e) * p(e)},
            {"B2": lambda e: B2(e, sign=-1)},
            {"V2": lambda e: n(e) * (n(e) - 1) * p(e) ** 2 + n(e) * p(e) - n(e) * p(e) ** 2},
        ],
        lookalikes=[{"A3": lambda e: A3(e, power=True)}, {"V3": lambda e: n(e) * p(e) * (1 - p(e))}])


# ------------------------------------------------------------------ derivative of the sigmoid (mikel-mg)

def _sigmoid_derivative():
    def sample(rng):
        return {"x": rng.uniform(-4.0, 4.0)}
    x = lambda e: e["x"]
    sig = lambda v: 1 / (1 + EXP(-v))
    s = lambda e: float(sig(x(e)))
    u = lambda e: float(EXP(-x(e)))                    # e^{-x}
    rows = {
        "D": lambda e: _dcomplex(sig, x(e)), "R": lambda e: s(e) * (1 - s(e)),
        "S": s, "S1": lambda e: 1 / (1 + u(e)),
        "D2": lambda e: _dcomplex(sig, x(e)),
        "a": lambda e: _dcomplex(lambda v: 1 / (1 + EXP(-v)), x(e)),
        "b": lambda e: _dcomplex(lambda v: (1 + EXP(-v)) ** -1, x(e)),
        "c": lambda e: (-1) * (1 + u(e)) ** -2 * _dcomplex(lambda v: 1 + EXP(-v), x(e)),
        "d": lambda e: (-1) * (1 + u(e)) ** -2 * (-u(e)),
        "ee": lambda e: u(e) / (1 + u(e)) ** 2,
        "f": lambda e: 1 / (1 + u(e)) * u(e) / (1 + u(e)),
        "g": lambda e: s(e) * u(e) / (1 + u(e)),
        "hh": lambda e: s(e) * (1 + u(e) - 1) / (1 + u(e)),
        "i": lambda e: s(e) * ((1 + u(e)) / (1 + u(e)) - 1 / (1 + u(e))),
        "j": lambda e: s(e) * (1 - s(e)),
    }
    steps = tight([Step("=", "D", "R"), Step("=", "S", "S1")]
                   + chain(["D2", ("=", "a"), ("=", "b"), ("=", "c"), ("=", "d"), ("=", "ee"), ("=", "f"),
                            ("=", "g"), ("=", "hh"), ("=", "i"), ("=", "j")]), 1e-8)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"d": lambda e: (-1) * (1 + u(e)) ** -2 * u(e)},
            {"ee": lambda e: u(e) / (1 + u(e))},
            {"R": lambda e: s(e) * (1 + s(e))},
            {"hh": lambda e: s(e) * (1 + u(e) + 1) / (1 + u(e))},
        ],
        lookalikes=[{"f": lambda e: u(e) / (1 + u(e)) * 1 / (1 + u(e))}, {"j": lambda e: s(e) - s(e) ** 2}])


# ------------------------------------------------------------------ Hoeffding's lemma (ARQMath)

def _hoeffding():
    def sample(rng):
        a, b = rng.uniform(-3.0, -0.2), rng.uniform(0.2, 3.0)
        lam = rng.uniform(-2.0, 2.0)
        if rng.uniform() < 0.5:                          # the two-point law on {a, b} with mean 0
            v = np.array([a, b])
            w = np.array([b / (b - a), -a / (b - a)])
        else:                                            # a random law on [a, b], mixed with an end to centre it
            v0 = rng.uniform(a, b, size=int(rng.integers(2, 6)))
            w0 = pmf(rng, len(v0))
            m = float(w0 @ v0)
            end = a if m > 0 else b
            alpha = end / (end - m)
            v = np.append(v0, end)
            w = np.append(alpha * w0, 1 - alpha)
        return {"a": a, "b": b, "lam": lam, "v": v, "w": w}
    a, b, lam, v, w = (lambda e: e["a"]), (lambda e: e["b"]), (lambda e: e["lam"]), (lambda e: e["v"]), (lambda e: e["w"])
    EX = lambda e: float(w(e) @ v(e))
    M = lambda e: float(w(e) @ EXP(lam(e) * v(e)))
    h = lambda e: lam(e) * (b(e) - a(e))
    pp = lambda e: -a(e) / (b(e) - a(e))
    L = lambda e: (lambda u: -u * pp(e) + LOG(1 - pp(e) + pp(e) * EXP(u)))

    def chord_gap(e, right_end=True):
        xs = np.linspace(a(e), b(e), 4001)
        top = b(e) if right_end else a(e)
        chord = (b(e) - xs) / (b(e) - a(e)) * EXP(lam(e) * a(e)) + (xs - a(e)) / (b(e) - a(e)) * EXP(lam(e) * top)
        return float(np.max(EXP(lam(e) * xs) - chord))
    rows = {
        "M": M, "B1": lambda e: float(EXP(lam(e) ** 2 * (b(e) - a(e)) ** 2 / 8)),
        "gap": chord_gap, "zero": lambda e: 0.0,
        "chordE": lambda e: float((b(e) - EX(e)) / (b(e) - a(e)) * EXP(lam(e) * a(e))
                                  + (EX(e) - a(e)) / (b(e) - a(e)) * EXP(lam(e) * b(e))),
        "eL": lambda e: float(EXP(L(e)(h(e)))),
        "L0": lambda e: float(L(e)(0.0)), "Lp0": lambda e: _dcomplex(L(e), 0.0), "z6": lambda e: 0.0,
        "Lpp": lambda e: _second(L(e), h(e)), "quarter": lambda e: 0.25,
        "Lh": lambda e: float(L(e)(h(e))), "h2": lambda e: h(e) ** 2 / 8,
        "lam": lambda e: lam(e) ** 2 * (b(e) - a(e)) ** 2 / 8,
        "B10": lambda e: float(EXP(lam(e) ** 2 * (b(e) - a(e)) ** 2 / 8)),
    }
    steps = tight([Step("<=", "M", "B1"), Step("<=", "gap", "zero"), Step("<=", "M", "chordE"),
                    Step("=", "chordE", "eL"), Step("=", "L0", "Lp0"), Step("=", "Lp0", "z6"),
                    Step("<=", "Lpp", "quarter"), Step("<=", "Lh", "h2"), Step("=", "h2", "lam"),
                    Step("<=", "M", "B10")], 1e-7)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"lam": lambda e: lam(e) ** 2 * (b(e) - a(e)) / 8},
            {"quarter": lambda e: 0.125},
            {"gap": lambda e: chord_gap(e, right_end=False)},
            {"z6": lambda e: 1.0},
            {"B1": lambda e: float(EXP(lam(e) ** 2 * (b(e) - a(e)) ** 2 / 16))},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ binary cross-entropy as logistic loss (elmobarratt)

def _bce_logistic():
    def sample(rng):
        return {"z": rng.uniform(-4.0, 4.0), "y": rng.uniform(-0.5, 1.5)}
    z, y = (lambda e: e["z"]), (lambda e: e["y"])
    u = lambda e: float(EXP(-z(e)))
    sig = lambda e: 1 / (1 + u(e))
    lg = lambda e: float(LOG(1 + u(e)))

    def C(e, inner=-1):
        return -(y(e) * (-lg(e)) + (1 - y(e)) * (inner * z(e) - lg(e)))

    def D(e, sign=1):
        return y(e) * lg(e) + (1 - y(e)) * (z(e) + sign * lg(e))
    rows = {
        "oms": lambda e: 1 - sig(e), "oms1": lambda e: u(e) / (1 + u(e)),
        "L": lambda e: float(-(y(e) * LOG(sig(e)) + (1 - y(e)) * LOG(1 - sig(e)))),
        "B": lambda e: float(-(y(e) * LOG(1 / (1 + u(e))) + (1 - y(e)) * LOG(u(e) / (1 + u(e))))),
        "C": C, "D": D, "E": lambda e: lg(e) + (1 - y(e)) * z(e),
        "F": lambda e: lg(e) + (1 - y(e)) * z(e),
    }
    steps = tight([Step("=", "oms", "oms1"), Step("=", "L", "B")] + chain(["L", ("=", "C"), ("=", "D"), ("=", "E")])
                   + [Step("=", "L", "F")], 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"C": lambda e: C(e, inner=+1)},
            {"F": lambda e: lg(e) - (1 - y(e)) * z(e)},
            {"oms1": lambda e: float(EXP(z(e))) / (1 + u(e))},
            {"D": lambda e: D(e, sign=-1)},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ geometric mean from the geometric series (CAST)

def _geom_mean():
    X = np.arange(0, 4000, dtype=float)

    def sample(rng):
        a = rng.uniform(-0.9, 0.9)
        return {"a": a if abs(a) > 0.05 else 0.4, "pi": rng.uniform(0.1, 0.9)}
    a, pi = (lambda e: e["a"]), (lambda e: e["pi"])
    X1 = X[1:]
    pm = lambda e: pi(e) * (1 - pi(e)) ** (X1 - 1)                  # p(x) for x = 1, 2, ...

    def e4(e, two=2):
        return 1 / (1 - a(e)) ** 2 + two * a(e) / (1 - a(e)) ** 3

    def m3(e, shift=0):
        return pi(e) / (1 - pi(e)) * float(np.sum(X1 * (1 - pi(e)) ** (X1 - shift)))
    rows = {
        "s1": lambda e: float(np.sum(a(e) ** X)), "r1": lambda e: 1 / (1 - a(e)),
        "s2": lambda e: float(np.sum(X1 * a(e) ** (X1 - 1))), "r2": lambda e: 1 / (1 - a(e)) ** 2,
        "s3": lambda e: float(np.sum(X * a(e) ** X)), "r3": lambda e: a(e) / (1 - a(e)) ** 2,
        "s4": lambda e: float(np.sum(X1 ** 2 * a(e) ** (X1 - 1))),
        "d4": lambda e: _dcomplex(lambda v: v / (1 - v) ** 2, a(e)), "e4": e4,
        "f4": lambda e: (1 + a(e)) / (1 - a(e)) ** 3,
        "EX": lambda e: float(np.sum(X1 * pm(e))), "m1": lambda e: float(np.sum(X1 * pm(e))),
        "m2": lambda e: float(np.sum(X1 * pi(e) * (1 - pi(e)) ** (X1 - 1))), "m3": m3,
        "n1": lambda e: float(np.sum(X1 * pm(e))),
        "n2": lambda e: pi(e) / (1 - pi(e)) * (1 - pi(e)) / (1 - (1 - pi(e))) ** 2,
        "n3": lambda e: pi(e) / (1 - pi(e)) * (1 - pi(e)) / pi(e) ** 2, "n4": lambda e: 1 / pi(e),
    }
    steps = tight([Step("=", "s1", "r1"), Step("=", "s2", "r2"), Step("=", "s3", "r3")]
                   + chain(["s4", ("=", "d4"), ("=", "e4"), ("=", "f4")])
                   + chain(["EX", ("=", "m1"), ("=", "m2"), ("=", "m3")])
                   + chain(["n1", ("=", "n2"), ("=", "n3"), ("=", "n4")]), 1e-8)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"e4": lambda e: e4(e, two=1)},
            {"m3": lambda e: m3(e, shift=1)},
            {"n4": lambda e: 1 / pi(e) ** 2},
            {"r2": lambda e: 1 / (1 - a(e))},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ Cauchy-Schwarz for expectations (Aminian)

def _cauchy_schwarz():
    def sample(rng):
        K = int(rng.integers(3, 7))
        scale = float(rng.choice([0.1, 0.5, 1.0, 3.0]))
        xs = rng.normal(0, 1, size=K)
        ys = (rng.uniform(-2, 2) * xs + rng.normal(0, 0.2, size=K)) if rng.uniform() < 0.5 else rng.normal(0, 1, size=K)
        return {"x": scale * xs, "y": scale * ys, "w": pmf(rng, K), "t": rng.uniform(-2, 2)}
    x, y, w, t = (lambda e: e["x"]), (lambda e: e["y"]), (lambda e: e["w"]), (lambda e: e["t"])
    E = lambda e, g: float(w(e) @ g)
    EXY, EX2, EY2 = (lambda e: E(e, x(e) * y(e))), (lambda e: E(e, x(e) ** 2)), (lambda e: E(e, y(e) ** 2))

    def g1(e, cross=2):
        return E(e, t(e) ** 2 * x(e) ** 2 - cross * t(e) * x(e) * y(e) + y(e) ** 2)

    def g2(e, sign=-1):
        return t(e) ** 2 * EX2(e) + sign * 2 * t(e) * EXY(e) + EY2(e)

    def d6(e, four=4):
        return 4 * EXY(e) ** 2 - four * EX2(e) * EY2(e)
    rows = {
        "l1": lambda e: EXY(e) ** 2, "r1": lambda e: EX2(e) * EY2(e),
        "g": lambda e: E(e, (t(e) * x(e) - y(e)) ** 2), "g1": g1, "g2": g2,
        "Delta": lambda e: (-2 * EXY(e)) ** 2 - 4 * EX2(e) * EY2(e), "zero": lambda e: 0.0,
        "d5": lambda e: (-2 * EXY(e)) ** 2 - 4 * EX2(e) * EY2(e), "d6": d6,
        "l7": lambda e: EXY(e) ** 2, "r7": lambda e: EX2(e) * EY2(e),
        "l8": lambda e: abs(EXY(e)), "r8": lambda e: math.sqrt(EX2(e)) * math.sqrt(EY2(e)),
    }
    steps = tight([Step("<=", "l1", "r1"), Step("=", "g", "g1"), Step("=", "g", "g2"), Step("<=", "Delta", "zero"),
                    Step("<=", "d5", "zero"), Step("<=", "d6", "zero"), Step("<=", "l7", "r7"),
                    Step("<=", "l8", "r8")], 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"g2": lambda e: g2(e, sign=+1)},
            {"d6": lambda e: d6(e, four=2)},
            {"r8": lambda e: EX2(e) * EY2(e)},
            {"g1": lambda e: g1(e, cross=1)},
        ],
        lookalikes=[{"r8": lambda e: math.sqrt(EX2(e) * EY2(e))}, {"g": lambda e: E(e, (y(e) - t(e) * x(e)) ** 2)}])


# ------------------------------------------------------------------ Jacobian of logsoftmax (Nemotron)

def _logsoftmax_jacobian():
    def sample(rng):
        n = int(rng.integers(2, 7))
        i, k = rng.choice(n, size=2, replace=False)
        return {"x": rng.normal(0, 2, size=n), "i": int(i), "k": int(k)}
    x, i, k = (lambda e: e["x"]), (lambda e: e["i"]), (lambda e: e["k"])
    sm = lambda e, j: float(EXP(x(e)[j]) / np.sum(EXP(x(e))))

    def y_of(e, j):
        """y_i as a function of the j-th input alone (the others fixed)."""
        def f(v):
            xs = x(e).astype(complex)
            xs[j] = v
            return LOG(EXP(xs[i(e)]) / np.sum(EXP(xs)))
        return f
    rows = {
        "f": lambda e: float(LOG(EXP(x(e)[i(e)]) / np.sum(EXP(x(e))))),
        "fl": lambda e: float(LOG(EXP(x(e)[i(e)]) / np.sum(EXP(x(e))))),
        "g": lambda e: float(x(e)[i(e)] - LOG(np.sum(EXP(x(e))))),
        "dii": lambda e: _dcomplex(y_of(e, i(e)), x(e)[i(e)]), "rii": lambda e: 1 - sm(e, i(e)),
        "dik": lambda e: _dcomplex(y_of(e, k(e)), x(e)[k(e)]), "rik": lambda e: -sm(e, k(e)),
    }
    steps = tight(chain(["f", ("=", "fl"), ("=", "g")]) + [Step("=", "dii", "rii"), Step("=", "dik", "rik")], 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"rii": lambda e: 1 + sm(e, i(e))},
            {"rik": lambda e: -sm(e, i(e))},
            {"g": lambda e: float(x(e)[i(e)] + LOG(np.sum(EXP(x(e)))))},
            {"rik": lambda e: 1 - sm(e, k(e))},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ KL of two Poisson laws (imathworks)

def _poisson_kl():
    K = np.arange(0, 250, dtype=float)
    LGK = np.array([math.lgamma(k + 1) for k in K])

    def sample(rng):
        l1 = rng.uniform(0.3, 6.0)
        l2 = l1 * rng.uniform(1.3, 3.0) ** rng.choice([-1, 1])
        return {"l1": l1, "l2": l2, "x": int(rng.integers(0, 16))}
    l1, l2, x = (lambda e: e["l1"]), (lambda e: e["l2"]), (lambda e: e["x"])
    logpmf = lambda lam: K * math.log(lam) - lam - LGK

    def kl(e, first, second):
        lp, lq = logpmf(first(e)), logpmf(second(e))
        return float(np.sum(EXP(lp) * (lp - lq)))

    def ratio(e, flip=False, swap=False):
        r = l2(e) / l1(e) if flip else l1(e) / l2(e)
        c = l1(e) - l2(e) if swap else l2(e) - l1(e)
        return x(e) * math.log(r) + c
    rows = {
        "lr": lambda e: float(logpmf(l1(e))[x(e)] - logpmf(l2(e))[x(e)]), "r1": ratio,
        "KL": lambda e: kl(e, l1, l2), "r2": lambda e: l1(e) * math.log(l1(e) / l2(e)) + l2(e) - l1(e),
    }
    steps = tight([Step("=", "lr", "r1"), Step("=", "KL", "r2")], 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: ratio(e, swap=True)},
            {"r2": lambda e: l2(e) * math.log(l1(e) / l2(e)) + l2(e) - l1(e)},
            {"KL": lambda e: kl(e, l2, l1)},
            {"r1": lambda e: ratio(e, flip=True)},
        ],
        lookalikes=[{}, {}])


MODELS = {
    "s11j_bern_fisher_imathworks": _bern_fisher(),
    "s11j_logpartition_moments_n1o": _logpartition(),
    "s11j_binom_var_fundegar": _binom_var(),
    "s11j_sigmoid_derivative_mikelmg": _sigmoid_derivative(),
    "s11j_hoeffding_lemma_arqmath": _hoeffding(),
    "s11j_bce_logistic_elmobarratt": _bce_logistic(),
    "s11j_geom_mean_cast": _geom_mean(),
    "s11j_cauchy_schwarz_aminian": _cauchy_schwarz(),
    "s11j_logsoftmax_jacobian_nemotron": _logsoftmax_jacobian(),
    "s11j_poisson_kl_imathworks": _poisson_kl(),
}

"""Truth models of the s16x_ entries (a held-out set: GAN notes on V(D^*, G) = -log 4 + 2 JSD, a
blog post's softmax cross-entropy gradient, a textbook's I(X,Y) = H(X) + H(Y) - H(X,Y), a paper
appendix's Gaussian KL, a Math StackExchange answer on the conjugate of sum x_i log x_i, and an
answer marginalising sum p(x,y) log p(x)). Pmfs are random positive vectors and tables;
Gaussian expectations are trapezoid integrals on a wide grid; derivatives are central finite
differences; suprema are dense-grid maxima."""

from __future__ import annotations

import math

import numpy as np

from .base import Model, Step, chain, joint, pmf, sup_positive

LOG = np.log
S = lambda v: float(np.sum(v))


def _tol(steps, tol):
    for st in steps:
        st.tol = tol
    return steps


def _kl(p, q):
    return S(p * LOG(p / q))


def _js(p, q):
    m = (p + q) / 2
    return 0.5 * _kl(p, m) + 0.5 * _kl(q, m)


# ------------------------------------------------------------------ GAN: V(D^*, G) = -log 4 + 2 JSD

def _gan_cg_lossnotes():
    def sample(rng):
        n = int(rng.integers(2, 8))
        return {"P": pmf(rng, n), "Q": pmf(rng, n), "pd": pmf(rng, n), "pg": pmf(rng, n)}
    P, Q, pd, pg = (lambda e: e["P"]), (lambda e: e["Q"]), (lambda e: e["pd"]), (lambda e: e["pg"])
    M = lambda e: (P(e) + Q(e)) / 2
    m = lambda e: (pd(e) + pg(e)) / 2
    Dstar = lambda e: pd(e) / (pd(e) + pg(e))
    rows = {
        "KL": lambda e: _kl(P(e), Q(e)),
        "a1": lambda e: S(P(e) * LOG(P(e) / Q(e))),
        "a2": lambda e: S(P(e) * LOG(2 * P(e) / (2 * Q(e)))),
        "a3": lambda e: S(P(e) * LOG(P(e) / (Q(e) / 2))) - math.log(2),
        "JSD": lambda e: _js(P(e), Q(e)),
        "j1": lambda e: 0.5 * _kl(P(e), M(e)) + 0.5 * _kl(Q(e), M(e)),
        "V": lambda e: S(pd(e) * LOG(Dstar(e))) + S(pg(e) * LOG(1 - Dstar(e))),
        "v1": lambda e: -math.log(4) + _kl(pd(e), m(e)) + _kl(pg(e), m(e)),
        "v2": lambda e: -math.log(4) + 2 * _js(pd(e), pg(e)),
    }
    steps = _tol(chain(["KL", ("=", "a1"), ("=", "a2"), ("=", "a3")]) + [Step("=", "JSD", "j1")]
                 + chain(["V", ("=", "v1"), ("=", "v2")]), 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"a2": lambda e: S(P(e) * LOG(2 * P(e) / Q(e)))},
            {"a3": lambda e: S(P(e) * LOG(P(e) / (Q(e) / 2))) + math.log(2)},
            {"j1": lambda e: 0.5 * _kl(P(e), M(e)) + 2 * _kl(Q(e), M(e))},
            {"v1": lambda e: -math.log(4) + _kl(pd(e), m(e)) + _kl(m(e), pg(e))},
            {"v2": lambda e: -math.log(2) + 2 * _js(pd(e), pg(e))},
        ],
        lookalikes=[
            {"v2": lambda e: -2 * math.log(2) + 2 * _js(pd(e), pg(e))},
            {"v2": lambda e: -math.log(4) + 2 * _js(pg(e), pd(e))},
        ])


# ------------------------------------------------------------------ softmax + cross entropy (2016 blog)

H = 1e-5


def _softmax(z):
    w = np.exp(z - z.max())
    return w / w.sum()


def _fd(fun, z, i):
    """d fun(z) / d z_i by a central difference."""
    up, dn = z.copy(), z.copy()
    up[i] += H
    dn[i] -= H
    return (fun(up) - fun(dn)) / (2 * H)


def _softmax_ce_blog2016():
    def sample(rng):
        K = int(rng.integers(2, 7))
        return {"z": rng.normal(0, 1.5, size=K), "t": pmf(rng, K),
                "i": int(rng.integers(0, K)), "k": int(rng.integers(0, K))}
    z, t, i, k = (lambda e: e["z"]), (lambda e: e["t"]), (lambda e: e["i"]), (lambda e: e["k"])
    y = lambda e: _softmax(z(e))
    C = lambda zz, tt: -S(tt * LOG(_softmax(zz)))
    delta = lambda e: (np.arange(len(z(e))) == i(e)).astype(float)
    dlogy = lambda e: np.array([_fd(lambda zz, kk=kk: LOG(_softmax(zz)[kk]), z(e), i(e)) for kk in range(len(z(e)))])
    dy = lambda e: np.array([_fd(lambda zz, kk=kk: _softmax(zz)[kk], z(e), i(e)) for kk in range(len(z(e)))])
    yi = lambda e: y(e)[i(e)]
    ti = lambda e: t(e)[i(e)]
    rows = {
        "dC": lambda e: _fd(lambda zz: C(zz, t(e)), z(e), i(e)),
        "r1": lambda e: -S(t(e) * dlogy(e)),
        "r2": lambda e: -S(t(e) * (1 / y(e)) * dy(e)),
        "r3": lambda e: -S(t(e) / y(e) * dy(e)),
        "J": lambda e: _fd(lambda zz: _softmax(zz)[k(e)], z(e), i(e)),
        "Jr": lambda e: y(e)[k(e)] * (float(k(e) == i(e)) - yi(e)),
        "r4": lambda e: -S(t(e) / y(e) * y(e) * (delta(e) - yi(e))),
        "r5": lambda e: -S(t(e) * (delta(e) - yi(e))),
        "r5b": lambda e: -S(t(e) * (delta(e) - yi(e))),
        "r6": lambda e: -S(t(e) * delta(e)) + S(t(e) * yi(e)),
        "r7": lambda e: -ti(e) + yi(e),
        "r8": lambda e: yi(e) - ti(e),
    }
    steps = _tol([Step("=", "dC", "r1")] + chain(["dC", ("=", "r2"), ("=", "r3")]) + [Step("=", "J", "Jr")]
                 + chain(["dC", ("=", "r4"), ("=", "r5")])
                 + chain(["dC", ("=", "r5b"), ("=", "r6"), ("=", "r7"), ("=", "r8")]), 1e-6)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"Jr": lambda e: y(e)[k(e)] * (float(k(e) == i(e)) + yi(e))},
            {"r3": lambda e: -S(y(e) / t(e) * dy(e))},
            {"r5": lambda e: -S(t(e) * (delta(e) - y(e)))},
            {"r6": lambda e: -S(t(e) * delta(e)) + S(t(e) * y(e))},
            {"r8": lambda e: ti(e) - yi(e)},
        ],
        lookalikes=[
            {"Jr": lambda e: yi(e) * (float(k(e) == i(e)) - y(e)[k(e)])},
            {"r7": lambda e: yi(e) - ti(e)},
        ])


# ------------------------------------------------------------------ I = H(X) + H(Y) - H(X,Y) in bits (Myers)

L2 = np.log2


def _mi_kl_myers():
    def sample(rng):
        return {"J": joint(rng, int(rng.integers(2, 5)), int(rng.integers(2, 5)))}
    J = lambda e: e["J"]
    px = lambda e: J(e).sum(axis=1, keepdims=True)
    py = lambda e: J(e).sum(axis=0, keepdims=True)
    Hx = lambda e: -S(px(e) * L2(px(e)))
    Hy = lambda e: -S(py(e) * L2(py(e)))
    Hxy = lambda e: -S(J(e) * L2(J(e)))
    rows = {
        "I": lambda e: S(J(e) * L2(J(e) / (px(e) * py(e)))),
        "t": lambda e: Hx(e) + Hy(e) - Hxy(e),
        "m1": lambda e: S(J(e) * L2(J(e) / (px(e) * py(e)))),
        "m2": lambda e: S(J(e) * L2(J(e))) - S(J(e) * L2(px(e))) - S(J(e) * L2(py(e))),
        "m3": lambda e: -Hxy(e) - S(px(e) * L2(px(e))) - S(py(e) * L2(py(e))),
        "m4": lambda e: Hx(e) + Hy(e) - Hxy(e),
    }
    steps = _tol([Step("=", "I", "t")] + chain(["I", ("=", "m1"), ("=", "m2"), ("=", "m3"), ("=", "m4")]), 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"t": lambda e: Hx(e) + Hy(e) + Hxy(e)},
            {"m1": lambda e: S(J(e) * L2((px(e) * py(e)) / J(e)))},
            {"m3": lambda e: Hxy(e) - S(px(e) * L2(px(e))) - S(py(e) * L2(py(e)))},
            {"m4": lambda e: Hx(e) - Hy(e) - Hxy(e)},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ Gaussian KL (Appendix C)

GRID = np.linspace(-20.0, 20.0, 16001)


def _lnpdf(x, m, s):
    return -(x - m) ** 2 / (2 * s ** 2) - 0.5 * np.log(2 * np.pi * s ** 2)


def _gauss_kl_appendixc():
    def sample(rng):
        return {"m0": rng.uniform(-2, 2), "s0": rng.uniform(0.4, 2.5),
                "m1": rng.uniform(-2, 2), "s1": rng.uniform(0.4, 2.5), "x": rng.normal(0, 2)}

    def EP(e, f):
        xs = e["m0"] + e["s0"] * GRID
        return float(np.trapezoid(np.exp(_lnpdf(xs, e["m0"], e["s0"])) * f(xs), xs))
    m0, s0, m1, s1, x = (lambda e: e["m0"]), (lambda e: e["s0"]), (lambda e: e["m1"]), (lambda e: e["s1"]), (lambda e: e["x"])
    w = lambda e: s0(e) ** 2 + (m0(e) - m1(e)) ** 2
    rows = {
        "lq": lambda e: float(_lnpdf(x(e), m1(e), s1(e))),
        "a1": lambda e: -LOG(np.sqrt(2 * np.pi * s1(e) ** 2)) - (x(e) - m1(e)) ** 2 / (2 * s1(e) ** 2),
        "a2": lambda e: -0.5 * LOG(2 * np.pi) - LOG(s1(e)) - (x(e) - m1(e)) ** 2 / (2 * s1(e) ** 2),
        "b0": lambda e: EP(e, lambda u: (u - m1(e)) ** 2),
        "b1": lambda e: EP(e, lambda u: ((u - m0(e)) + (m0(e) - m1(e))) ** 2),
        "b2": lambda e: EP(e, lambda u: (u - m0(e)) ** 2 + 2 * (u - m0(e)) * (m0(e) - m1(e)) + (m0(e) - m1(e)) ** 2),
        "b3": lambda e: EP(e, lambda u: (u - m0(e)) ** 2) + 2 * (m0(e) - m1(e)) * EP(e, lambda u: u - m0(e)) + (m0(e) - m1(e)) ** 2,
        "b4": w,
        "c0": lambda e: EP(e, lambda u: _lnpdf(u, m1(e), s1(e))),
        "c1": lambda e: -0.5 * LOG(2 * np.pi) - LOG(s1(e)) - w(e) / (2 * s1(e) ** 2),
        "d0": lambda e: EP(e, lambda u: _lnpdf(u, m0(e), s0(e))),
        "d1": lambda e: -0.5 * LOG(2 * np.pi * s0(e) ** 2) - 0.5,
        "d2": lambda e: -0.5 * LOG(2 * np.pi) - LOG(s0(e)) - 0.5,
        "KL": lambda e: EP(e, lambda u: _lnpdf(u, m0(e), s0(e)) - _lnpdf(u, m1(e), s1(e))),
        "k1": lambda e: LOG(s1(e) / s0(e)) + w(e) / (2 * s1(e) ** 2) - 0.5,
    }
    steps = _tol(chain(["lq", ("=", "a1"), ("=", "a2")]) + chain(["b0", ("=", "b1"), ("=", "b2"), ("=", "b3")])
                 + [Step("=", "b0", "b4"), Step("=", "c0", "c1")] + chain(["d0", ("=", "d1"), ("=", "d2")])
                 + [Step("=", "KL", "k1")], 1e-8)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"a1": lambda e: -LOG(2 * np.pi * s1(e) ** 2) - (x(e) - m1(e)) ** 2 / (2 * s1(e) ** 2)},
            {"b4": lambda e: s0(e) ** 2 - (m0(e) - m1(e)) ** 2},
            {"c1": lambda e: -0.5 * LOG(2 * np.pi) - LOG(s1(e)) - w(e) / (s1(e) ** 2)},
            {"d1": lambda e: -0.5 * LOG(2 * np.pi * s0(e) ** 2) + 0.5},
            {"k1": lambda e: LOG(s0(e) / s1(e)) + w(e) / (2 * s1(e) ** 2) - 0.5},
        ],
        lookalikes=[
            {"b2": lambda e: EP(e, lambda u: (u - m0(e)) ** 2 + (u - m0(e)) * (m0(e) - m1(e)) + (m0(e) - m1(e)) ** 2)},
            {"k1": lambda e: LOG(s1(e)) - LOG(s0(e)) + w(e) / (2 * s1(e) ** 2) - 0.5},
        ])


# ------------------------------------------------------------------ conjugate of sum x_i log x_i

def _fgan_klconj_techqa():
    def sample(rng):
        n = int(rng.integers(1, 5))
        return {"y": rng.uniform(-2, 2, size=n)}
    y = lambda e: e["y"]
    g = lambda a: (lambda t: a * t - t * LOG(t))
    gplus = lambda a: (lambda t: a * t + t * LOG(t))
    sup_sum = lambda e, h: sum(sup_positive(h(a)) for a in y(e))   # a separable supremum, coordinatewise
    rows = {
        "s0": lambda e: sup_sum(e, g),
        "s1": lambda e: sup_sum(e, g),
        "s2": lambda e: sum(sup_positive(g(a)) for a in y(e)),
        "s3": lambda e: S(np.exp(y(e) - 1)),
    }
    steps = _tol(chain(["s0", ("=", "s1"), ("=", "s2"), ("=", "s3")]), 1e-6)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"s3": lambda e: S(np.exp(y(e) + 1))},
            {"s3": lambda e: S(y(e) * np.exp(y(e) - 1))},
            {"s2": lambda e: float(np.prod([sup_positive(g(a)) for a in y(e)]))},
            {"s0": lambda e: sup_sum(e, gplus)},
        ],
        lookalikes=[
            {},
            {"s3": lambda e: S(np.exp(y(e)) / math.e)},
        ])


# ------------------------------------------------------------------ sum_{x,y} p(x,y) log p(x) = -H(X)

def _mi_marginal_imathworks():
    def sample(rng):
        return {"J": joint(rng, int(rng.integers(2, 5)), int(rng.integers(2, 5)))}
    J = lambda e: e["J"]
    px = lambda e: J(e).sum(axis=1)
    py = lambda e: J(e).sum(axis=0)
    Hx = lambda e: -S(px(e) * LOG(px(e)))
    rows = {
        "l": lambda e: S(J(e) * LOG(px(e))[:, None]),
        "r1": lambda e: S(px(e) * LOG(px(e))),
        "r2": lambda e: -Hx(e),
    }
    steps = _tol(chain(["l", ("=", "r1"), ("=", "r2")]), 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r2": Hx},
            {"r1": lambda e: S(py(e) * LOG(py(e)))},
            {"l": lambda e: S(J(e) * LOG(J(e)))},
        ],
        lookalikes=[{}, {"r2": lambda e: -1 * Hx(e)}])


MODELS = {
    "s16x_gan_cg_lossnotes": _gan_cg_lossnotes(),
    "s16x_softmax_ce_blog2016": _softmax_ce_blog2016(),
    "s16x_mi_kl_myers": _mi_kl_myers(),
    "s16x_gauss_kl_appendixc": _gauss_kl_appendixc(),
    "s16x_fgan_klconj_techqa": _fgan_klconj_techqa(),
    "s16x_mi_marginal_imathworks": _mi_marginal_imathworks(),
}

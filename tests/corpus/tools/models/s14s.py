"""Truth models of the s14s_ entries (a held-out set of machine-learning derivations from GitHub notes,
a course reading, a blog post and a primer: the log-sum-exp trick, the Gaussian log-likelihood and
its partial derivatives, the LMS gradient of one example's squared error, the forward and reverse KL
as differences of expectations, the softmax derivative in the i-th and another input, the two
logarithms of the logistic-regression cost). Real parameters are random draws, families random
vectors of random length, densities random positive pmfs on small finite supports (integrals against
counting measure); derivatives by the complex step."""

from __future__ import annotations

import numpy as np

from .base import Model, chain, pmf, tight

LOG = np.log
EXP = np.exp
H_STEP = 1e-20


def _dpart(f, v, k):
    """d f / d v_k at the real vector v, by the complex step."""
    w = np.array(v, dtype=complex)
    w[k] += 1j * H_STEP
    return float(np.imag(f(w)) / H_STEP)


def _d(f, v):
    return float(np.imag(f(v + 1j * H_STEP)) / H_STEP)


# ------------------------------------------------------------------ log-sum-exp trick (omnimose)

def _lse():
    def sample(rng):
        n = int(rng.integers(2, 7))
        z = rng.normal(0, 3.0, size=n)
        return {"z": z, "m": float(np.max(z))}
    z, m = (lambda e: e["z"]), (lambda e: e["m"])
    L = lambda e: float(LOG(np.sum(EXP(z(e)))))
    S = lambda e: float(np.sum(EXP(z(e) - m(e))))          # sum e^{z_i - m}

    def A(e, shift=-1):
        return m(e) + float(LOG(np.sum(EXP(z(e) + shift * m(e)))))
    rows = {
        "L1": L, "A1": A, "L2": L, "A2": A,
        "S": lambda e: float(np.sum(EXP(z(e)))), "F": lambda e: EXP(m(e)) * S(e),
        "L3": L, "G": lambda e: float(LOG(EXP(m(e)) * S(e))),
        "K": lambda e: float(LOG(EXP(m(e)))) + float(LOG(S(e))),
        "A3": lambda e: m(e) + float(LOG(S(e))),
    }
    steps = tight([*chain(["L1", ("=", "A1")]), *chain(["L2", ("=", "A2")]), *chain(["S", ("=", "F")]),
                    *chain(["L3", ("=", "G"), ("=", "K"), ("=", "A3")])], 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"F": lambda e: EXP(-m(e)) * S(e)},
            {"A1": lambda e: A(e, shift=+1)},
            {"G": lambda e: float(LOG(EXP(2 * m(e)) * S(e)))},
            {"A3": lambda e: -m(e) + float(LOG(S(e)))},
        ],
        lookalikes=[{"env": lambda e: {**e, "m": float(np.min(e["z"]))}}, {}])


# ------------------------------------------------------------------ Gaussian log-likelihood (cadizm)

def _gauss_mle():
    def sample(rng):
        n = int(rng.integers(1, 9))
        return {"x": rng.normal(0, 1.5, size=n), "mu": rng.normal(0, 1.0), "s": rng.uniform(0.4, 3.0)}
    x, mu, s = (lambda e: e["x"]), (lambda e: e["mu"]), (lambda e: e["s"])
    n = lambda e: len(e["x"])

    def ell(xs, m, sg):
        """sum_i log N(x_i; m, sg^2), from the density itself."""
        return np.sum(LOG(1 / np.sqrt(2 * np.pi * sg ** 2) * EXP(-(xs - m) ** 2 / (2 * sg ** 2))))
    SS = lambda e: float(np.sum((x(e) - mu(e)) ** 2))

    def l1(e, half=False):
        return (-n(e) / 2 * LOG(2 * np.pi) - (n(e) / 2 if half else n(e)) * LOG(s(e))
                - 0.5 * SS(e) / s(e) ** 2)

    def a1(e, inner=-1):
        return -0.5 * float(np.sum(2 * (x(e) - mu(e)))) / s(e) ** 2 * inner

    def b1(e, power=3):
        return -n(e) / s(e) - 0.5 * SS(e) * (-2) / s(e) ** power
    rows = {
        "l0": lambda e: float(ell(x(e), mu(e), s(e))), "l1": l1,
        "dmu": lambda e: _d(lambda m: ell(x(e), m, s(e)), mu(e)),
        "a1": a1,
        "a2": lambda e: (float(np.sum(x(e))) - n(e) * mu(e)) / s(e) ** 2,
        "a3": lambda e: (float(np.sum(x(e))) - n(e) * mu(e)) / s(e) ** 2,
        "dsig": lambda e: _d(lambda sg: ell(x(e), mu(e), sg), s(e)),
        "b1": b1,
        "b2": lambda e: -n(e) / s(e) + SS(e) / s(e) ** 3,
    }
    steps = tight([*chain(["l0", ("=", "l1")]), *chain(["dmu", ("=", "a1"), ("=", "a2"), ("=", "a3")]),
                    *chain(["dsig", ("=", "b1"), ("=", "b2")])], 1e-8)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"l1": lambda e: l1(e, half=True)},
            {"a1": lambda e: a1(e, inner=1)},
            {"a3": lambda e: (float(np.sum(x(e))) - mu(e)) / s(e) ** 2},
            {"b1": lambda e: b1(e, power=2)},
            {"b2": lambda e: -n(e) / s(e) ** 2 + SS(e) / s(e) ** 3},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ LMS gradient of one example (ashwinreddy)

def _lms():
    def sample(rng):
        d = int(rng.integers(1, 6))
        return {"th": rng.normal(0, 1.0, size=d + 1), "x": rng.normal(0, 1.5, size=d + 1),
                "y": rng.normal(0, 2.0), "j": int(rng.integers(0, d + 1))}
    th, x, y, j = (lambda e: e["th"]), (lambda e: e["x"]), (lambda e: e["y"]), (lambda e: e["j"])
    h = lambda e, t: np.sum(t * x(e))
    err = lambda e: float(h(e, th(e)) - y(e))

    def r1(e, power=2):
        return _dpart(lambda t: 0.5 * (h(e, t) - y(e)) ** power, th(e), j(e))

    def r2(e, two=2):
        return two * 0.5 * err(e) * _dpart(lambda t: h(e, t) - y(e), th(e), j(e))
    rows = {
        "D": lambda e: _dpart(lambda t: 0.5 * (h(e, t) - y(e)) ** 2, th(e), j(e)),
        "r1": r1, "r2": r2,
        "r3": lambda e: err(e) * _dpart(lambda t: np.sum(t * x(e)) - y(e), th(e), j(e)),
        "r4": lambda e: err(e) * x(e)[j(e)],
    }
    steps = tight(chain(["D", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4")]), 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r2": lambda e: r2(e, two=1)},
            {"r1": lambda e: r1(e, power=1)},
            {"r4": lambda e: -err(e) * x(e)[j(e)]},
            {"r4": lambda e: err(e) * x(e)[j(e)] ** 2},
        ],
        lookalikes=[{"r3": lambda e: err(e) * _dpart(lambda t: np.sum(t * x(e)) + y(e), th(e), j(e))}, {}])


# ------------------------------------------------------------------ forward and reverse KL (GwanSiu)

def _mle_kl():
    def sample(rng):
        k = int(rng.integers(2, 7))
        return {"p": pmf(rng, k), "q": pmf(rng, k)}
    p, q = (lambda e: e["p"]), (lambda e: e["q"])      # p = p_data, q = p_theta
    E = lambda w, g: float(np.sum(w * g))
    kl = lambda a, b: float(np.sum(a * LOG(a / b)))
    rows = {
        "K1": lambda e: kl(p(e), q(e)), "e1": lambda e: E(p(e), LOG(p(e) / q(e))),
        "e2": lambda e: E(p(e), LOG(p(e))) - E(p(e), LOG(q(e))),
        "K2": lambda e: kl(q(e), p(e)), "f1": lambda e: E(q(e), LOG(q(e) / p(e))),
        "f2": lambda e: E(q(e), LOG(q(e))) - E(q(e), LOG(p(e))),
    }
    steps = tight(chain(["K1", ("=", "e1"), ("=", "e2")]) + chain(["K2", ("=", "f1"), ("=", "f2")]), 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"f1": lambda e: E(q(e), LOG(p(e) / q(e)))},
            {"e2": lambda e: E(p(e), LOG(p(e))) + E(p(e), LOG(q(e)))},
            {"e2": lambda e: E(q(e), LOG(p(e))) - E(p(e), LOG(q(e)))},
            {"K1": lambda e: kl(q(e), p(e))},
        ],
        lookalikes=[{"e1": lambda e: E(p(e), LOG(p(e)) - LOG(q(e)))}, {}])


# ------------------------------------------------------------------ softmax derivative (xin-w8023)

def _softmax_deriv():
    def sample(rng):
        n = int(rng.integers(2, 7))
        i, z = rng.choice(n, size=2, replace=False)
        return {"x": rng.normal(0, 1.5, size=n), "i": int(i), "z": int(z)}
    x, i, z = (lambda e: e["x"]), (lambda e: e["i"]), (lambda e: e["z"])
    S = lambda e: float(np.sum(EXP(x(e))))
    sm = lambda e, k: float(EXP(x(e)[k])) / S(e)
    comp = lambda k: (lambda v: EXP(v[k]) / np.sum(EXP(v)))

    def a1(e, sign=-1):
        return sm(e, i(e)) + sign * float(EXP(x(e)[i(e)]) * EXP(x(e)[i(e)])) / S(e) ** 2

    def b1(e, power=2):
        return 0 - float(EXP(x(e)[z(e)]) * EXP(x(e)[i(e)])) / S(e) ** power
    rows = {
        "D1": lambda e: _dpart(comp(i(e)), x(e), i(e)),
        "a1": a1,
        "a2": lambda e: sm(e, i(e)) * (1 - sm(e, i(e))),
        "a3": lambda e: sm(e, i(e)) * (1 - sm(e, i(e))),
        "a4": lambda e: sm(e, i(e)) - sm(e, i(e)) ** 2,
        "D2": lambda e: _dpart(comp(z(e)), x(e), i(e)),
        "b1": b1,
        "b2": lambda e: -sm(e, z(e)) * sm(e, i(e)),
    }
    steps = tight(chain(["D1", ("=", "a1"), ("=", "a2"), ("=", "a3"), ("=", "a4")])
                   + chain(["D2", ("=", "b1"), ("=", "b2")]), 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"a1": lambda e: a1(e, sign=+1)},
            {"a4": lambda e: sm(e, i(e)) + sm(e, i(e)) ** 2},
            {"b2": lambda e: sm(e, z(e)) * sm(e, i(e))},
            {"b1": lambda e: b1(e, power=1)},
        ],
        lookalikes=[{"a3": lambda e: sm(e, i(e)) - sm(e, i(e)) * sm(e, i(e))},
                    {"b1": lambda e: -float(EXP(x(e)[z(e)]) * EXP(x(e)[i(e)])) / S(e) ** 2}])


# ------------------------------------------------------------------ the two logs of the logistic cost (aman.ai)

def _logreg_logs():
    def sample(rng):
        return {"th": rng.normal(0, 1.5), "x": rng.normal(0, 1.5)}
    t = lambda e: e["th"] * e["x"]                     # theta x^{(i)}
    g = lambda u: 1 / (1 + EXP(-u))
    rows = {
        "L1": lambda e: float(LOG(g(t(e)))),
        "a1": lambda e: float(LOG(1 / (1 + EXP(-t(e))))),
        "a2": lambda e: float(-LOG(1 + EXP(-t(e)))),
        "L2": lambda e: float(LOG(1 - g(t(e)))),
        "b1": lambda e: float(LOG(1 - 1 / (1 + EXP(-t(e))))),
        "b2": lambda e: float(LOG(EXP(-t(e))) - LOG(1 + EXP(-t(e)))),
        "b3": lambda e: float(-t(e) - LOG(1 + EXP(-t(e)))),
    }
    steps = tight(chain(["L1", ("=", "a1"), ("=", "a2")]) + chain(["L2", ("=", "b1"), ("=", "b2"), ("=", "b3")]),
                   1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"a2": lambda e: float(LOG(1 + EXP(-t(e))))},
            {"b2": lambda e: float(LOG(EXP(t(e))) - LOG(1 + EXP(-t(e))))},
            {"b3": lambda e: float(t(e) - LOG(1 + EXP(-t(e))))},
            {"a1": lambda e: float(LOG(1 / (1 + EXP(t(e)))))},
        ],
        lookalikes=[{"b3": lambda e: float(-LOG(1 + EXP(t(e))))},
                    {"a1": lambda e: float(-LOG(1 + EXP(-t(e))))}])


MODELS = {
    "s14s_lse_trick_omnimose": _lse(),
    "s14s_gauss_mle_cadizm": _gauss_mle(),
    "s14s_lms_gradient_ashwinreddy": _lms(),
    "s14s_mle_kl_gwansiu": _mle_kl(),
    "s14s_softmax_deriv_xinw8023": _softmax_deriv(),
    "s14s_logreg_logs_amanai": _logreg_logs(),
}

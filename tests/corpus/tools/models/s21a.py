"""Truth models of the s21a_ entries (a held-out set on maximum likelihood and the sigmoid: the
Book of Statistical Proofs' Poisson MLE, a Cross Validated answer's Bernoulli MLE with the second
derivative, a note's sigmoid derivative by the chain rule, a blog's gradient of the logistic
regression cost in theta_0, lecture notes' Bernoulli log-likelihood). Samples as the sources
describe them (counts, 0/1 observations not all equal, real parameters); first derivatives by the
complex step, second derivatives by central differences of complex-step first derivatives."""

from __future__ import annotations

import math

import numpy as np

from .base import Model, Step, chain, dc

LOG = np.log
EXP = np.exp


def _d2(f, v, h=1e-4):
    """f''(v) by a central difference of complex-step first derivatives."""
    return (dc(f, v + h) - dc(f, v - h)) / (2 * h)


def _tol(steps, tol):
    for st in steps:
        st.tol = tol
    return steps


def _bits(rng, n):
    """n observations in {0, 1}, not all equal."""
    while True:
        x = rng.integers(0, 2, size=n).astype(float)
        if 0 < x.sum() < n:
            return x


# ------------------------------------------------------------------ Poisson MLE (StatProofBook)

def _poiss_mle():
    def sample(rng):
        n = int(rng.integers(2, 8))
        while True:
            y = rng.integers(0, 7, size=n).astype(float)
            if y.sum() > 0:
                break
        return {"n": n, "y": y, "lam": float(EXP(rng.uniform(-1.5, 1.5))), "i": int(rng.integers(0, n))}
    y, n, lam = (lambda e: e["y"]), (lambda e: e["n"]), (lambda e: e["lam"])
    lf = lambda e: np.array([math.lgamma(v + 1) for v in y(e)])           # log(y_i!)
    fact = lambda e: EXP(lf(e))
    ybar = lambda e: float(np.mean(y(e)))

    def pmf(e, l):
        return l ** y(e) * EXP(-l) / fact(e)

    def LL(e, l):
        return np.sum(LOG(pmf(e, l)))

    def r5(e, sign=-1.0):
        return float(np.sum(y(e) * LOG(lam(e)) + sign * lam(e) - lf(e)))

    def r7(e, k=None):
        k = n(e) if k is None else k
        return float(-k * lam(e) + LOG(lam(e)) * np.sum(y(e)) - np.sum(lf(e)))
    rows = {
        "poiss": lambda e: float(pmf(e, lam(e))[e["i"]]),
        "form": lambda e: float((lam(e) ** y(e) * EXP(-lam(e)) / fact(e))[e["i"]]),
        "prodp": lambda e: float(np.prod(pmf(e, lam(e)))),
        "prodf": lambda e: float(np.prod(lam(e) ** y(e) * EXP(-lam(e)) / fact(e))),
        "LL": lambda e: float(LL(e, lam(e))),
        "logprod": lambda e: float(LOG(np.prod(lam(e) ** y(e) * EXP(-lam(e)) / fact(e)))),
        "r4": lambda e: float(np.sum(LOG(lam(e) ** y(e) * EXP(-lam(e)) / fact(e)))),
        "r5": r5,
        "r6": lambda e: float(-np.sum(np.full(n(e), lam(e))) + np.sum(y(e) * LOG(lam(e))) - np.sum(lf(e))),
        "r7": r7,
        "dLL": lambda e: dc(lambda l: LL(e, l), lam(e)),
        "d1": lambda e: float(np.sum(y(e)) / lam(e) - n(e)),
        "d2LL": lambda e: _d2(lambda l: LL(e, l), lam(e)),
        "d2": lambda e: float(-np.sum(y(e)) / lam(e) ** 2),
        "dLLhat": lambda e: dc(lambda l: LL(e, l), ybar(e)),
        "zero": lambda e: 0.0,
        "s11": lambda e: float(np.sum(y(e)) / ybar(e) - n(e)),
        "lamhat": ybar,
        "s12": lambda e: float(np.sum(y(e)) / n(e)),
        "ybar": ybar,
        "d2LLhat": lambda e: _d2(lambda l: LL(e, l), ybar(e)),
        "t14": lambda e: float(-np.sum(y(e)) / ybar(e) ** 2),
        "t15": lambda e: float(-n(e) * ybar(e) / ybar(e) ** 2),
        "t16": lambda e: float(-n(e) / ybar(e)),
    }
    steps = [Step("=", "poiss", "form"), Step("=", "prodp", "prodf"), Step("=", "LL", "logprod")] \
        + chain(["LL", ("=", "r4"), ("=", "r5"), ("=", "r6"), ("=", "r7")]) \
        + [Step("=", "dLL", "d1"), Step("=", "d2LL", "d2", tol=1e-6),
           Step("=", "dLLhat", "zero"), Step("=", "zero", "s11")] \
        + chain(["lamhat", ("=", "s12"), ("=", "ybar")]) \
        + [Step("=", "d2LLhat", "t14", tol=1e-6)] + chain(["t14", ("=", "t15"), ("=", "t16"), ("<", "zero")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r5": lambda e: r5(e, sign=1.0)},
            {"r7": lambda e: r7(e, k=1)},
            {"d2": lambda e: float(-np.sum(y(e)) / lam(e))},
            {"t16": lambda e: float(-n(e) / ybar(e) ** 2)},
            {"d1": lambda e: float(np.sum(y(e)) / lam(e) + n(e))},
            {"s12": lambda e: float(n(e) * np.sum(y(e)))},
        ],
        lookalikes=[{"r6": lambda e: float(-n(e) * lam(e) + np.sum(y(e) * LOG(lam(e))) - np.sum(lf(e)))},
                    {"t15": lambda e: float(-ybar(e) * n(e) / ybar(e) ** 2)},
                    {"form": lambda e: float((EXP(-lam(e)) * lam(e) ** y(e) / fact(e))[e["i"]])}])


# ------------------------------------------------------------------ Bernoulli MLE (Cross Validated answer)

def _bern_mle_cv():
    def sample(rng):
        n = int(rng.integers(2, 9))
        x = _bits(rng, n)
        return {"n": n, "x": x, "p": float(x.mean())}
    x, n, p = (lambda e: e["x"]), (lambda e: e["n"]), (lambda e: e["p"])
    S = lambda e: float(np.sum(x(e)))
    F = lambda e: float(np.sum(1 - x(e)))

    def ell(e, q):
        return LOG(q) * S(e) + LOG(1 - q) * F(e)
    rows = {
        "dl": lambda e: dc(lambda q: ell(e, q), p(e)),
        "A": lambda e: S(e) / p(e) - F(e) / (1 - p(e)),
        "zero": lambda e: 0.0,
        "l3": lambda e: S(e) - p(e) * S(e),
        "r3": lambda e: p(e) * F(e),
        "p": p,
        "r4": lambda e: S(e) / n(e),
        "d2l": lambda e: _d2(lambda q: ell(e, q), p(e)),
        "r5": lambda e: -S(e) / p(e) ** 2 - F(e) / (1 - p(e)) ** 2,
    }
    steps = chain(["dl", ("=", "A"), ("=", "zero")]) + [Step("=", "l3", "r3"), Step("=", "p", "r4"),
                                                       Step("=", "d2l", "r5", tol=1e-6)]
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"A": lambda e: S(e) / p(e) + F(e) / (1 - p(e))},
            {"r3": lambda e: (1 - p(e)) * F(e)},
            {"r4": lambda e: S(e) / (n(e) - 1)},
            {"r5": lambda e: -S(e) / p(e) - F(e) / (1 - p(e)) ** 2},
        ],
        lookalikes=[{}, {"A": lambda e: (1 / p(e)) * S(e) - F(e) / (1 - p(e))}])


# ------------------------------------------------------------------ sigmoid derivative (mynote.show)

def _sigmoid():
    def sample(rng):
        return {"x": float(rng.normal(0, 2))}
    X = lambda e: e["x"]
    sig = lambda v: 1 / (1 + EXP(-v))
    E = lambda e: float(EXP(-X(e)))
    a = lambda e: 1 / (1 + E(e))
    g = lambda v: EXP(-3 * v ** 2 + 2 * v)

    def r11(e, s=-1.0):
        return -1 * (1 + E(e)) ** -2 * (s * E(e))

    def r16(e, s=-1.0):
        return a(e) * ((1 + E(e)) + s) / (1 + E(e))
    rows = {
        "sig": lambda e: float(sig(X(e))),
        "r1": lambda e: float(EXP(X(e)) / (EXP(X(e)) + 1)),
        "a": a,
        "b": lambda e: float(a(e) * EXP(X(e)) / EXP(X(e))),
        "c": lambda e: float(EXP(X(e)) / (EXP(X(e)) + 1)),
        "sigp": lambda e: dc(sig, X(e)),
        "dsig": lambda e: dc(sig, X(e)),
        "r6": lambda e: float(sig(X(e)) * (1 - sig(X(e)))),
        "dex": lambda e: dc(EXP, X(e)),
        "ex": lambda e: float(EXP(X(e))),
        "dg": lambda e: dc(g, X(e)),
        "r8": lambda e: float((-6 * X(e) + 2) * g(X(e))),
        "r9": lambda e: dc(lambda v: 1 / (1 + EXP(-v)), X(e)),
        "r10": lambda e: dc(lambda v: (1 + EXP(-v)) ** -1, X(e)),
        "r11": r11,
        "r12": lambda e: -E(e) / -(1 + E(e)) ** 2,
        "r13": lambda e: E(e) / (1 + E(e)) ** 2,
        "r14": lambda e: a(e) * E(e) / (1 + E(e)),
        "r15": lambda e: a(e) * (E(e) + (1 - 1)) / (1 + E(e)),
        "r16": r16,
        "r17": lambda e: a(e) * ((1 + E(e)) / (1 + E(e)) - 1 / (1 + E(e))),
        "r18": lambda e: a(e) * (1 - 1 / (1 + E(e))),
        "r19": lambda e: float(sig(X(e)) * (1 - sig(X(e)))),
    }
    steps = [Step("=", "sig", "r1")] + chain(["a", ("=", "b"), ("=", "c")]) + [Step("=", "sig", "a")] \
        + chain(["sigp", ("=", "dsig"), ("=", "r6")]) + [Step("=", "dex", "ex"), Step("=", "dg", "r8")] \
        + chain(["dsig", ("=", "r9"), ("=", "r10"), ("=", "r11"), ("=", "r12"), ("=", "r13"), ("=", "r14"),
                 ("=", "r15"), ("=", "r16"), ("=", "r17"), ("=", "r18"), ("=", "r19")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r11": lambda e: r11(e, s=1.0)},
            {"r1": lambda e: float(EXP(X(e)) / (EXP(-X(e)) + 1))},
            {"r8": lambda e: float((-3 * X(e) + 2) * g(X(e)))},
            {"r16": lambda e: r16(e, s=1.0)},
            {"r6": lambda e: float(sig(X(e)) * (1 + sig(X(e))))},
        ],
        lookalikes=[{"r19": lambda e: float((1 - sig(X(e))) * sig(X(e)))},
                    {"r14": lambda e: E(e) / (1 + E(e)) * a(e)},
                    {"ex": lambda e: float(math.exp(X(e)))}])


# ------------------------------------------------------------------ logistic regression gradient in theta_0 (jethroGIT)

def _logreg():
    def sample(rng):
        m = int(rng.integers(2, 7))
        return {"m": m, "xs": rng.normal(0, 1.5, m), "ys": rng.integers(0, 2, m).astype(float),
                "t0": float(rng.normal(0, 1)), "t1": float(rng.normal(0, 1)), "x": float(rng.normal(0, 1.5)),
                "k": int(rng.integers(0, m))}
    m = lambda e: e["m"]
    ys = lambda e: e["ys"]
    h = lambda t0, t1, v: 1 / (1 + EXP(-t0 - t1 * v))
    H = lambda e: h(e["t0"], e["t1"], e["xs"])                     # h_theta(x^(i)), all i

    def cost_sum(e, t0, sign=1.0):
        hh = h(t0, e["t1"], e["xs"])
        return -np.sum(ys(e) * LOG(hh) + sign * (1 - ys(e)) * LOG(1 - hh)) / m(e)
    Jf = lambda e, t0: cost_sum(e, t0)
    dJ = lambda e: dc(lambda t: Jf(e, t), e["t0"])
    hk = lambda e: float(H(e)[e["k"]])
    xk = lambda e: float(e["xs"][e["k"]])
    dhk = lambda e: dc(lambda t: h(t, e["t1"], xk(e)), e["t0"])  # dh/dtheta_0 at x^(k)
    Ex = lambda e: float(EXP(-e["t0"] - e["t1"] * e["x"]))
    hx = lambda e: float(h(e["t0"], e["t1"], e["x"]))
    dlogh = lambda e: np.array([dc(lambda t: LOG(h(t, e["t1"], v)), e["t0"]) for v in e["xs"]])
    dlog1mh = lambda e: np.array([dc(lambda t: LOG(1 - h(t, e["t1"], v)), e["t0"]) for v in e["xs"]])
    S = lambda e, g: float(np.sum(g) / m(e))

    def f2(e, s=-1.0):
        return -S(e, ys(e) * (1 - H(e)) + s * (1 - ys(e)) * H(e))
    rows = {
        "J": lambda e: float(Jf(e, e["t0"])),
        "c1": lambda e: S(e, -ys(e) * LOG(H(e)) - (1 - ys(e)) * LOG(1 - H(e))),
        "c2": lambda e: S(e, -ys(e) * LOG(H(e)) - (1 - ys(e)) * LOG(1 - H(e))),
        "c3": lambda e: float(cost_sum(e, e["t0"])),
        "dh": lambda e: dc(lambda t: h(t, e["t1"], e["x"]), e["t0"]),
        "r4a": lambda e: (0 + Ex(e)) / (1 + Ex(e)) ** 2,
        "r4b": lambda e: Ex(e) / (1 + Ex(e)) ** 2,
        "r5": lambda e: (1 / (1 + Ex(e))) * (Ex(e) / (1 + Ex(e))),
        "r6": lambda e: (1 / (1 + Ex(e))) * (1 - 1 / (1 + Ex(e))),
        "r7": lambda e: hx(e) * (1 - hx(e)),
        "dJ": dJ,
        "s9a": lambda e: dc(lambda t: cost_sum(e, t), e["t0"]),
        "s9b": lambda e: -dc(lambda t: -m(e) * cost_sum(e, t), e["t0"]) / m(e),
        "s9c": lambda e: -S(e, ys(e) * dlogh(e) + (1 - ys(e)) * dlog1mh(e)),
        "P1": lambda e: dc(lambda t: LOG(h(t, e["t1"], xk(e))), e["t0"]),
        "P1a": lambda e: (1 / hk(e)) * dhk(e),
        "P1b": lambda e: 1 / hk(e) * hk(e) * (1 - hk(e)),
        "P1c": lambda e: 1 / hk(e) * hk(e) * (1 - hk(e)),
        "P1d": lambda e: 1 - hk(e),
        "P2": lambda e: dc(lambda t: LOG(1 - h(t, e["t1"], xk(e))), e["t0"]),
        "P2a": lambda e: -1 / (1 - hk(e)) * dhk(e),
        "P2b": lambda e: -1 / (1 - hk(e)) * hk(e) * (1 - hk(e)),
        "P2c": lambda e: -1 / (1 - hk(e)) * (1 - hk(e)) * hk(e),
        "P2d": lambda e: -1 / (1 - hk(e)) * (1 - hk(e)) * hk(e),
        "P2e": lambda e: -hk(e),
        "f1": lambda e: -S(e, ys(e) * dlogh(e) + (1 - ys(e)) * dlog1mh(e)),
        "f2": f2,
        "f3": lambda e: -S(e, ys(e) - ys(e) * H(e) - H(e) + ys(e) * H(e)),
        "f4": lambda e: -S(e, ys(e) - ys(e) * H(e) - H(e) + ys(e) * H(e)),
        "f5": lambda e: -S(e, ys(e) - H(e)),
        "f6": lambda e: S(e, H(e) - ys(e)),
        "g": lambda e: S(e, H(e) - ys(e)),
    }
    steps = chain(["J", ("=", "c1"), ("=", "c2"), ("=", "c3")]) \
        + chain(["dh", ("=", "r4a"), ("=", "r4b"), ("=", "r5"), ("=", "r6"), ("=", "r7")]) \
        + chain(["dJ", ("=", "s9a"), ("=", "s9b"), ("=", "s9c")]) \
        + chain(["P1", ("=", "P1a"), ("=", "P1b"), ("=", "P1c"), ("=", "P1d")]) \
        + chain(["P2", ("=", "P2a"), ("=", "P2b"), ("=", "P2c"), ("=", "P2d"), ("=", "P2e")]) \
        + chain(["dJ", ("=", "f1"), ("=", "f2"), ("=", "f3"), ("=", "f4"), ("=", "f5"), ("=", "f6")]) \
        + [Step("=", "dJ", "g")]
    return Model(
        sample=sample, rows=rows, steps=_tol(steps, 1e-8),
        mutants=[
            {"c3": lambda e: float(cost_sum(e, e["t0"], sign=-1.0))},
            {"r7": lambda e: hx(e) * (1 + hx(e))},
            {"P1d": lambda e: 1 + hk(e)},
            {"P2e": lambda e: hk(e)},
            {"f2": lambda e: f2(e, s=1.0)},
            {"f6": lambda e: S(e, ys(e) - H(e))},
        ],
        lookalikes=[{"g": lambda e: -S(e, ys(e) - H(e))},
                    {"r5": lambda e: (Ex(e) / (1 + Ex(e))) * (1 / (1 + Ex(e)))},
                    {}])


# ------------------------------------------------------------------ Bernoulli log-likelihood (Roualdes)

def _bern_roualdes():
    def sample(rng):
        N = int(rng.integers(2, 9))
        x = _bits(rng, N)
        return {"x": x, "p": float(x.mean())}
    x, p = (lambda e: e["x"]), (lambda e: e["p"])
    L = lambda e, q: np.prod(q ** x(e) * (1 - q) ** (1 - x(e)))
    ell = lambda e, q: LOG(L(e, q))
    rows = {
        "ell": lambda e: float(ell(e, p(e))),
        "r1": lambda e: float(LOG(np.prod(p(e) ** x(e) * (1 - p(e)) ** (1 - x(e))))),
        "r2": lambda e: float(np.sum(x(e) * LOG(p(e)) + (1 - x(e)) * LOG(1 - p(e)))),
        "dl": lambda e: dc(lambda q: ell(e, q), p(e)),
        "r3": lambda e: float(np.sum(x(e) / p(e) - (1 - x(e)) / (1 - p(e)))),
        "l4": lambda e: float(np.sum(x(e) / p(e))),
        "r4": lambda e: float(np.sum((1 - x(e)) / (1 - p(e)))),
    }
    steps = [Step("=", "ell", "r1"), Step("=", "ell", "r2"), Step("=", "dl", "r3"), Step("=", "l4", "r4")]
    return Model(
        sample=sample, rows=rows, steps=_tol(steps, 1e-9),
        mutants=[
            {"r3": lambda e: float(np.sum(x(e) / p(e) + (1 - x(e)) / (1 - p(e))))},
            {"r2": lambda e: float(np.sum(x(e) * LOG(p(e)) + (1 - x(e)) * LOG(p(e))))},
            {"r4": lambda e: float(np.sum((1 - x(e)) / p(e)))},
        ],
        lookalikes=[{"r1": lambda e: float(np.sum(LOG(p(e) ** x(e) * (1 - p(e)) ** (1 - x(e)))))},
                    {"r3": lambda e: float(np.sum((x(e) - p(e)) / (p(e) * (1 - p(e)))))}])


MODELS = {
    "s21a_poiss_mle_statproofbook": _poiss_mle(),
    "s21a_bern_mle_imathworks": _bern_mle_cv(),
    "s21a_sigmoid_deriv_mynote": _sigmoid(),
    "s21a_logreg_grad_jethrogit": _logreg(),
    "s21a_bern_loglik_roualdes": _bern_roualdes(),
}

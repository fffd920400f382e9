"""Truth models of the s7c_ entries (blog posts, notebooks and Q&A answers on entropy, KL,
mutual information and the softmax cross-entropy gradient). Discrete identities on random
pmfs; Gaussian integrals by the trapezoidal rule on a wide fine grid (spectrally accurate for
these smooth, fast-decaying integrands); derivatives by the complex step (exact to rounding)."""

from __future__ import annotations

import numpy as np

from .base import Model, Step, chain, joint, pmf

LOG = np.log


def _pq(rng):
    return {"p": pmf(rng, 5), "q": pmf(rng, 5)}


def _phykn():
    E = lambda e, v: float(np.sum(e["p"] * v))
    p, q = (lambda e: e["p"]), (lambda e: e["q"])
    kl = lambda e: float(np.sum(p(e) * LOG(p(e) / q(e))))
    rows = {
        "KL": kl, "def": kl,
        "r1": lambda e: -E(e, LOG(q(e) / p(e))),
        "r2": lambda e: E(e, -LOG(q(e) / p(e))),
        "r3": lambda e: -LOG(E(e, q(e) / p(e))),
        "r4": lambda e: -LOG(float(np.sum(p(e) * q(e) / p(e)))),
        "r5": lambda e: -LOG(float(np.sum(q(e)))),
        "r6": lambda e: -LOG(1.0), "zero": lambda e: 0.0,
        "s1": kl,
        "s2": lambda e: float(np.sum(p(e) * LOG(p(e)))) - float(np.sum(p(e) * LOG(q(e)))),
        "ce": lambda e: -float(np.sum(p(e) * LOG(q(e)))),
        "negent": lambda e: -float(np.sum(p(e) * LOG(p(e)))),
    }
    return Model(
        sample=_pq, rows=rows,
        steps=[Step("=", "KL", "def")]
        + chain(["KL", ("=", "r1"), ("=", "r2"), (">=", "r3"), ("=", "r4"), ("=", "r5"), ("=", "r6"),
                 ("=", "zero")])
        + [Step(">=", "KL", "zero")]
        + chain(["KL", ("=", "s1"), ("=", "s2"), (">=", "zero")]) + [Step(">=", "ce", "negent")],
        mutants=[
            {("rel", 4): "<="},
            {"r6": lambda e: -LOG(2.0)},
            {"r1": lambda e: -E(e, LOG(p(e) / q(e)))},
            {("rel", 13): "<="},
            {"s2": lambda e: float(np.sum(p(e) * LOG(p(e)))) + float(np.sum(p(e) * LOG(q(e))))},
        ],
        lookalikes=[{}, {"r6": lambda e: LOG(1.0)}, {}])


def _unafbapune():
    def sample(rng):
        return {"J": joint(rng, 3, 4)}
    J = lambda e: e["J"]
    px = lambda e: J(e).sum(axis=1, keepdims=True)
    py = lambda e: J(e).sum(axis=0, keepdims=True)
    S = lambda e, v: float(np.sum(J(e) * v))
    mi = lambda e: S(e, LOG(J(e) / (px(e) * py(e))))
    H = lambda m: -float(np.sum(m * LOG(m)))
    HXgY = lambda e: -S(e, LOG(J(e) / py(e)))
    HYgX = lambda e: -S(e, LOG(J(e) / px(e)))
    rows = {
        "I": mi, "a1": mi, "a2": mi,
        "b1": lambda e: S(e, LOG((J(e) / py(e)) / px(e))), "b2": lambda e: S(e, LOG((J(e) / py(e)) / px(e))),
        "c": lambda e: H(px(e)) - HXgY(e),
        "d": lambda e: H(px(e)) + H(py(e)) - H(J(e)),
        "L": lambda e: H(px(e)) - HXgY(e),
        "e1": lambda e: -S(e, LOG(px(e) + 0 * J(e))) + S(e, LOG(J(e) / py(e))),
        "e2": lambda e: -S(e, LOG(px(e) + 0 * J(e))) + S(e, LOG(J(e) / py(e))),
        "e3": lambda e: S(e, LOG(J(e) / (px(e) * py(e)))),
        "e4": mi,
    }
    return Model(
        sample=sample, rows=rows,
        steps=chain(["I", ("=", "a1"), ("=", "a2")]) + chain(["I", ("=", "b1"), ("=", "b2")])
        + [Step("=", "I", "c"), Step("=", "I", "d")]
        + chain(["L", ("=", "e1"), ("=", "e2"), ("=", "e3"), ("=", "e4")]),
        mutants=[
            {"e2": lambda e: -S(e, LOG(px(e) + 0 * J(e))) + S(e, LOG(J(e) / px(e)))},
            {"c": lambda e: H(px(e)) + HXgY(e)},
            {"d": lambda e: H(px(e)) + H(py(e)) + H(J(e))},
            {"b1": lambda e: S(e, LOG((J(e) / px(e)) / px(e)))},
        ],
        lookalikes=[{}, {"c": lambda e: H(py(e)) - HYgX(e)}, {"a2": lambda e: -S(e, LOG(px(e) * py(e) / J(e)))}])


# ------------------------------------------------------------------ softmax cross-entropy

H_STEP = 1e-20


def _softmax(o):
    z = np.exp(o)
    return z / z.sum()


def _dsoft(o, i, k):
    """d p_i / d o_k by the complex step."""
    oc = o.astype(complex)
    oc[k] += 1j * H_STEP
    return float(_softmax(oc)[i].imag / H_STEP)


def _dloss(o, y, k):
    oc = o.astype(complex)
    oc[k] += 1j * H_STEP
    return float((-np.sum(y * np.log(_softmax(oc)))).imag / H_STEP)


def _softmax_sample(rng):
    n = int(rng.integers(3, 6))
    y = rng.uniform(-1.0, 1.5, size=n)
    y = y - (y.sum() - 1.0) / n                   # sum_i y_i = 1 (the files assume it)
    i, k = rng.choice(n, size=2, replace=False)
    return {"o": rng.uniform(-2, 2, size=n), "y": y, "i": int(i), "k": int(k)}


def _sunhaozhe():
    o, y, i, k = (lambda e: e["o"]), (lambda e: e["y"]), (lambda e: e["i"]), (lambda e: e["k"])
    p = lambda e: _softmax(o(e))
    S = lambda e: float(np.exp(o(e)).sum())
    ex = lambda e, m: float(np.exp(o(e)[m]))
    d = lambda e, a, b: _dsoft(o(e), a, b)
    dexp = lambda e, a, b: ex(e, a) if a == b else 0.0        # d exp(o_a) / d o_b
    others = lambda e: [m for m in range(len(o(e))) if m != k(e)]

    def quotient(e, sign=-1):
        return (dexp(e, i(e), k(e)) * S(e) + sign * ex(e, k(e)) * ex(e, i(e))) / S(e) ** 2

    def cases(e):
        P = p(e)
        return P[k(e)] * (1 - P[k(e)]) if i(e) == k(e) else -P[k(e)] * P[i(e)]

    def same(e):
        return {**e, "i": e["k"]}
    rows = {
        "dp": lambda e: d(e, i(e), k(e)), "q1": lambda e: d(e, i(e), k(e)), "q2": quotient,
        "dp2": lambda e: d(e, i(e), k(e)), "cases": cases,
        "dL": lambda e: _dloss(o(e), y(e), k(e)),
        "l1": lambda e: -sum(y(e)[m] * d(e, m, k(e)) / p(e)[m] for m in range(len(o(e)))),
        "l2": lambda e: -sum(y(e)[m] * (1 / p(e)[m]) * d(e, m, k(e)) for m in range(len(o(e)))),
        "l3": lambda e: -sum(y(e)[m] / p(e)[m] * d(e, m, k(e)) for m in range(len(o(e)))),
        "l4": lambda e: -y(e)[k(e)] * (1 - p(e)[k(e)]) + sum(y(e)[m] * p(e)[k(e)] for m in others(e)),
        "l5": lambda e: -y(e)[k(e)] + sum(y(e) * p(e)[k(e)]),
        "l6": lambda e: p(e)[k(e)] - y(e)[k(e)],
        "dk": lambda e: d(e, i(e), k(e)),
        "m1": lambda e: (ex(e, k(e)) * S(e) - ex(e, k(e)) ** 2) / S(e) ** 2,
        "m2": lambda e: ex(e, k(e)) / S(e) * (S(e) - ex(e, k(e))) / S(e),
        "m3": lambda e: p(e)[k(e)] * (1 - p(e)[k(e)]),
    }

    def mixed(rng):
        e = _softmax_sample(rng)
        return e if rng.uniform() < 0.5 else same(e)     # steps 1-3 at i = k and at i != k
    steps = (chain(["dp", ("=", "q1"), ("=", "q2")]) + [Step("=", "dp2", "cases")]
             + chain(["dL", ("=", "l1"), ("=", "l2"), ("=", "l3"), ("=", "l4"), ("=", "l5"), ("=", "l6")])
             + chain(["dk", ("=", "m1"), ("=", "m2"), ("=", "m3")]))
    for s in steps[-3:]:
        s.when = same
    return Model(
        sample=mixed, rows=rows, steps=steps,
        mutants=[
            {"q2": lambda e: quotient(e, +1)},
            {"l5": lambda e: -y(e)[k(e)] + float(np.sum(y(e) * p(e)))},
            {"l6": lambda e: y(e)[k(e)] - p(e)[k(e)]},
            {"m3": lambda e: p(e)[k(e)] * (1 + p(e)[k(e)])},
        ],
        lookalikes=[{}, {}])


def _553668():
    o, y, i, j = (lambda e: e["o"]), (lambda e: e["y"]), (lambda e: e["i"]), (lambda e: e["k"])
    p = lambda e: _softmax(o(e))
    d = lambda e, a, b: _dsoft(o(e), a, b)
    n = lambda e: len(o(e))
    others = lambda e: [m for m in range(n(e)) if m != i(e)]

    def eq(e):
        return {**e, "k": e["i"]}
    rows = {
        "dpjj": lambda e: d(e, j(e), i(e)), "diag": lambda e: p(e)[i(e)] * (1 - p(e)[i(e)]),
        "dpji": lambda e: d(e, j(e), i(e)), "off": lambda e: -p(e)[i(e)] * p(e)[j(e)],
        "dL": lambda e: _dloss(o(e), y(e), i(e)),
        "r1": lambda e: -sum(y(e)[m] * d(e, m, i(e)) / p(e)[m] for m in range(n(e))),
        "r2": lambda e: -sum(y(e)[m] * (1 / p(e)[m]) * d(e, m, i(e)) for m in range(n(e))),
        "r3": lambda e: -y(e)[i(e)] * (1 - p(e)[i(e)]) - sum(y(e)[m] / p(e)[m] * (-p(e)[m] * p(e)[i(e)])
                                                                for m in others(e)),
        "r4": lambda e: -y(e)[i(e)] + y(e)[i(e)] * p(e)[i(e)] + sum(y(e)[m] * p(e)[i(e)] for m in others(e)),
        "r5": lambda e: p(e)[i(e)] * float(np.sum(y(e))) - y(e)[i(e)],
        "dL2": lambda e: _dloss(o(e), y(e), i(e)), "fin": lambda e: p(e)[i(e)] - y(e)[i(e)],
    }
    return Model(
        sample=_softmax_sample, rows=rows,
        steps=[Step("=", "dpjj", "diag", when=eq), Step("=", "dpji", "off")]
        + chain(["dL", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5")])
        + [Step("=", "dL2", "fin")],
        mutants=[
            {"r4": lambda e: -y(e)[i(e)] - y(e)[i(e)] * p(e)[i(e)] + sum(y(e)[m] * p(e)[i(e)] for m in others(e))},
            {"off": lambda e: p(e)[i(e)] * p(e)[j(e)]},
            {"fin": lambda e: y(e)[i(e)] - p(e)[i(e)]},
            {"r5": lambda e: p(e)[i(e)] * float(np.sum(y(e))) + y(e)[i(e)]},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ Gaussian integrals

GRID = np.linspace(-20.0, 20.0, 8001)   # in units of the scale: the tails beyond are below e^-200


def _integral(f, centre=0.0, scale=1.0):
    """The integral over the real line of f (vectorised), on a grid centred and scaled."""
    x = centre + scale * GRID
    return float(np.trapezoid(f(x), x))


def _npdf(x, m, s):
    return np.exp(_lnpdf(x, m, s))


def _lnpdf(x, m, s):
    return -(x - m) ** 2 / (2 * s ** 2) - 0.5 * np.log(2 * np.pi * s ** 2)


def _normal(rng):
    return {"mu": rng.uniform(-2, 2), "s": rng.uniform(0.4, 2.5)}


def _kezhi():
    def I(e, f):
        return _integral(f, e["mu"], e["s"])
    pdf = lambda e: (lambda x: _npdf(x, e["mu"], e["s"]))
    root = lambda e: np.sqrt(2 * np.pi * e["s"] ** 2)
    u = lambda e, x: (x - e["mu"]) ** 2 / (2 * e["s"] ** 2)
    tint = _integral(lambda t: np.exp(-t ** 2) * t ** 2)
    rows = {
        "H": lambda e: -I(e, lambda x: pdf(e)(x) * _lnpdf(x, e["mu"], e["s"])),
        "r1": lambda e: -I(e, lambda x: pdf(e)(x) * _lnpdf(x, e["mu"], e["s"])),
        "r2": lambda e: -I(e, lambda x: pdf(e)(x) * (LOG(1 / root(e)) - u(e, x))),   # ln(a e^{-u}), taken apart
        "r3": lambda e: -I(e, lambda x: pdf(e)(x) * (-LOG(root(e)) - u(e, x))),
        "r4": lambda e: I(e, lambda x: LOG(root(e)) * pdf(e)(x)) + I(e, lambda x: pdf(e)(x) * u(e, x)),
        "r5": lambda e: LOG(root(e)) + tint / np.sqrt(np.pi),
        "r6": lambda e: LOG(root(e)) + 0.5,
        "r7": lambda e: 0.5 * (LOG(2 * np.pi * e["s"] ** 2) + 1),
    }
    return Model(
        sample=_normal, rows=rows,
        steps=chain(["H", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5"), ("=", "r6"), ("=", "r7")]),
        mutants=[
            {"r6": lambda e: LOG(root(e)) + 0.25},
            {"r3": lambda e: -I(e, lambda x: pdf(e)(x) * (-LOG(root(e)) + u(e, x))),
             "r4": lambda e: I(e, lambda x: LOG(root(e)) * pdf(e)(x)) + I(e, lambda x: pdf(e)(x) * u(e, x))},
            {"r7": lambda e: 0.5 * (LOG(2 * np.pi * e["s"] ** 2) - 1)},
            {"r5": lambda e: LOG(root(e)) + tint / np.pi},
        ],
        lookalikes=[
            {"r7": lambda e: 0.5 * LOG(2 * np.pi * np.e * e["s"] ** 2)},
            {"r5": lambda e: LOG(root(e)) + 2 / np.sqrt(np.pi) * _integral(
                lambda t: np.where(t >= 0, np.exp(-t ** 2) * t ** 2, 0.0))},
            {"r6": lambda e: 0.5 * LOG(2 * np.pi * e["s"] ** 2) + 0.5},
        ])


def _mathse():
    s = lambda e: e["s"]
    rows = {
        "l": lambda e: 0.5 + LOG(np.sqrt(2 * np.pi) * s(e)),
        "r1": lambda e: 0.5 + LOG(np.sqrt(2 * np.pi * s(e) ** 2)),
        "r2": lambda e: 0.5 + 0.5 * LOG(2 * np.pi * s(e) ** 2),
        "r3": lambda e: 0.5 * (1 + LOG(2 * np.pi * s(e) ** 2)),
        "r4": lambda e: 0.5 * (LOG(np.e) + LOG(2 * np.pi * s(e) ** 2)),
        "r5": lambda e: 0.5 * LOG(np.e * 2 * np.pi * s(e) ** 2),
    }
    return Model(
        sample=_normal, rows=rows,
        steps=chain(["l", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5")]),
        mutants=[
            {"r2": lambda e: 0.5 + 2 * LOG(2 * np.pi * s(e) ** 2)},
            {"r3": lambda e: 0.5 * (2 + LOG(2 * np.pi * s(e) ** 2))},
            {"r5": lambda e: 0.5 * LOG(np.e + 2 * np.pi * s(e) ** 2)},
            {"l": lambda e: 0.5 + LOG(np.sqrt(2 * np.pi * s(e)))},
        ],
        lookalikes=[{"r5": lambda e: LOG(np.sqrt(2 * np.pi * np.e * s(e) ** 2))}, {},
                    {"r1": lambda e: 0.5 + LOG((2 * np.pi * s(e) ** 2) ** 0.5)}])


def _techqa():
    mu, s = (lambda e: e["mu"]), (lambda e: e["s"])
    E = lambda e, f: _integral(lambda x: _npdf(x, mu(e), s(e)) * f(x), mu(e), s(e))
    v = lambda e: E(e, lambda x: (x - mu(e)) ** 2)
    L2 = lambda e: 0.5 * LOG(2 * np.pi * s(e) ** 2)
    rows = {
        "l": lambda e: -E(e, lambda x: -(x - mu(e)) ** 2 / (2 * s(e) ** 2) - LOG(np.sqrt(2 * np.pi * s(e) ** 2))),
        "a": lambda e: v(e) / (2 * s(e) ** 2) + L2(e),
        "a2": lambda e: v(e) / (2 * s(e) ** 2) + L2(e),
        "b": lambda e: s(e) ** 2 / (2 * s(e) ** 2) + L2(e),
        "c": lambda e: 0.5 + L2(e),
        "d": lambda e: 0.5 * LOG(np.e) + L2(e),
        "f": lambda e: 0.5 * LOG(2 * np.e * np.pi * s(e) ** 2),
    }
    return Model(
        sample=_normal, rows=rows,
        steps=[Step("=", "l", "a")] + chain(["a2", ("=", "b"), ("=", "c"), ("=", "d"), ("=", "f")]),
        mutants=[
            {"f": lambda e: 0.5 * LOG(np.e * np.pi * s(e) ** 2)},
            {"a": lambda e: -v(e) / (2 * s(e) ** 2) + L2(e)},
            {"b": lambda e: s(e) / (2 * s(e) ** 2) + L2(e)},
            {"d": lambda e: 0.5 * LOG(2.0) + L2(e)},
        ],
        lookalikes=[{}, {"f": lambda e: LOG(np.sqrt(2 * np.e * np.pi * s(e) ** 2))},
                    {"l": lambda e: E(e, lambda x: (x - mu(e)) ** 2 / (2 * s(e) ** 2) + LOG(np.sqrt(2 * np.pi * s(e) ** 2)))}])


def _two_normals(rng):
    return {"m1": rng.uniform(-2, 2), "s1": rng.uniform(0.5, 2), "m2": rng.uniform(-2, 2), "s2": rng.uniform(0.5, 2)}


def _gauss_kl_rows(e):
    m1, s1, m2, s2 = e["m1"], e["s1"], e["m2"], e["s2"]
    P = lambda x: _npdf(x, m1, s1)
    Q = lambda x: _npdf(x, m2, s2)
    EP = lambda f: _integral(lambda x: P(x) * f(x), m1, s1)
    return m1, s1, m2, s2, P, Q, EP


def _lnratio(e, sign=1):
    """ln P(x) - ln Q(x) (sign 1) or its negative, from the log-densities (no underflow)."""
    return lambda x: sign * (_lnpdf(x, e["m1"], e["s1"]) - _lnpdf(x, e["m2"], e["s2"]))


def _kennethwang():
    def kl(e):
        m1, s1, m2, s2, P, Q, EP = _gauss_kl_rows(e)
        return EP(_lnratio(e))

    def bracket(e, sign=1):
        m1, s1, m2, s2, P, Q, EP = _gauss_kl_rows(e)
        return EP(lambda x: LOG(s2 / s1) - sign * (x - m1) ** 2 / (2 * s1 ** 2) + sign * (x - m2) ** 2 / (2 * s2 ** 2))

    def formula(e, half=-0.5, den=2):
        m1, s1, m2, s2 = e["m1"], e["s1"], e["m2"], e["s2"]
        return LOG(s2 / s1) + half + (s1 ** 2 + (m1 - m2) ** 2) / (den * s2 ** 2)

    def ratio(e):
        m1, s1, m2, s2, P, Q, EP = _gauss_kl_rows(e)
        # the quotient of the two written-out formulas, its log taken term by term
        return EP(lambda x: (-(x - m1) ** 2 / (2 * s1 ** 2) - LOG(np.sqrt(2 * np.pi) * s1))
                  - (-(x - m2) ** 2 / (2 * s2 ** 2) - LOG(np.sqrt(2 * np.pi) * s2)))
    m2nd = lambda e, c: _gauss_kl_rows(e)[6](lambda x: (x - c) ** 2)
    rows = {
        "KL": kl, "d1": kl, "d2": ratio, "d3": bracket,
        "v1": lambda e: m2nd(e, e["m1"]), "s1sq": lambda e: e["s1"] ** 2,
        "v2": lambda e: m2nd(e, e["m2"]), "w": lambda e: e["s1"] ** 2 + (e["m1"] - e["m2"]) ** 2,
        "f6": formula, "f7": formula,
    }
    return Model(
        sample=_two_normals, rows=rows,
        steps=[Step("=", "KL", "d1"), Step("=", "KL", "d2"), Step("=", "KL", "d3"), Step("=", "v1", "s1sq"),
               Step("=", "v2", "w"), Step("=", "KL", "f6"), Step("=", "KL", "f7")],
        mutants=[
            {"d3": lambda e: bracket(e, -1)},
            {"w": lambda e: e["s2"] ** 2 + (e["m1"] - e["m2"]) ** 2},
            {"f6": lambda e: formula(e, +0.5)},
            {"f7": lambda e: formula(e, -0.5, 1)},
        ],
        lookalikes=[{"f7": lambda e: 0.5 * LOG(e["s2"] ** 2 / e["s1"] ** 2) + formula(e) - LOG(e["s2"] / e["s1"])},
                    {}, {"d1": lambda e: -_gauss_kl_rows(e)[6](_lnratio(e, -1))}])


def _polonsky():
    def parts(e):
        return _gauss_kl_rows(e)
    c = lambda e: -0.5 * LOG(2 * np.pi * e["s2"] ** 2)
    k = lambda e: 1 / (2 * e["s2"] ** 2)

    def lhs(e):
        m1, s1, m2, s2, P, Q, EP = parts(e)
        return EP(lambda x: _lnpdf(x, m2, s2))

    def r2(e, sign=-1):
        m1, s1, m2, s2, P, Q, EP = parts(e)
        return EP(lambda x: LOG(1 / np.sqrt(2 * np.pi * s2 ** 2)) + sign * (x - m2) ** 2 / (2 * s2 ** 2))

    def r3(e, sign=-1):
        m1, s1, m2, s2, P, Q, EP = parts(e)
        return c(e) * EP(lambda x: 1.0 + 0 * x) + sign * k(e) * EP(lambda x: (x - m2) ** 2)

    def r4(e):
        m1, s1, m2, s2, P, Q, EP = parts(e)
        return c(e) - k(e) * EP(lambda x: x ** 2 - 2 * m2 * x + m2 ** 2)
    EX2 = lambda e: parts(e)[6](lambda x: x ** 2)
    h1 = lambda e, two=2: c(e) - k(e) * (e["s1"] ** 2 + e["m1"] ** 2 - two * e["m1"] * e["m2"] + e["m2"] ** 2)
    rows = {
        "KL": lambda e: parts(e)[6](_lnratio(e)),
        "KLdef": lambda e: parts(e)[6](_lnratio(e)),
        "L": lhs, "a1": lhs, "a2": r2, "a3": r3, "a4": r4, "a5": r4,
        "EX2": EX2, "m": lambda e: e["s1"] ** 2 + e["m1"] ** 2,
        "L2": lhs, "h1": h1, "h2": lambda e: c(e) - k(e) * (e["s1"] ** 2 + (e["m1"] - e["m2"]) ** 2),
        "fin": lambda e: LOG(e["s2"] / e["s1"]) - 0.5 + k(e) * (e["s1"] ** 2 + (e["m1"] - e["m2"]) ** 2),
    }
    return Model(
        sample=_two_normals, rows=rows,
        steps=[Step("=", "KL", "KLdef")]
        + chain(["L", ("=", "a1"), ("=", "a2"), ("=", "a3"), ("=", "a4"), ("=", "a5")])
        + [Step("=", "EX2", "m")] + chain(["L2", ("=", "h1"), ("=", "h2")]) + [Step("=", "KL", "fin")],
        mutants=[
            {"a2": lambda e: r2(e, +1)},
            {"m": lambda e: e["s1"] ** 2 - e["m1"] ** 2},
            {"h1": lambda e: h1(e, 1)},
            {"fin": lambda e: LOG(e["s1"] / e["s2"]) - 0.5 + k(e) * (e["s1"] ** 2 + (e["m1"] - e["m2"]) ** 2)},
        ],
        lookalikes=[{}, {}])


def _flashgene():
    def sample(rng):
        return {"p": rng.uniform(0.05, 2.0, size=int(rng.integers(2, 7)))}
    p = lambda e: e["p"]
    rows = {
        "l": lambda e: float(np.sum(p(e) * LOG(1 / p(e)))),
        "r1": lambda e: float(np.sum(p(e) * (LOG(1.0) - LOG(p(e))))),
        "r2": lambda e: float(np.sum(-p(e) * LOG(p(e)))),
        "r3": lambda e: -float(np.sum(p(e) * LOG(p(e)))),
    }
    return Model(
        sample=sample, rows=rows, steps=chain(["l", ("=", "r1"), ("=", "r2"), ("=", "r3")]),
        mutants=[
            {"r1": lambda e: float(np.sum(p(e) * (LOG(1.0) + LOG(p(e)))))},
            {"r2": lambda e: float(np.sum(-p(e) * LOG(1 / p(e))))},
            {"r3": lambda e: float(np.sum(p(e) * LOG(p(e))))},
        ],
        lookalikes=[{"r1": lambda e: float(np.sum(p(e) * (0 - LOG(p(e)))))}, {}])


MODELS = {
    "s7c_kl_nonneg_phykn": _phykn(),
    "s7c_mi_entropy_unafbapune": _unafbapune(),
    "s7c_softmax_ce_sunhaozhe": _sunhaozhe(),
    "s7c_softmax_loss_553668": _553668(),
    "s7c_gauss_entropy_kezhi": _kezhi(),
    "s7c_gauss_entropy_mathse": _mathse(),
    "s7c_gauss_entropy_techqa": _techqa(),
    "s7c_gauss_kl_kennethwang": _kennethwang(),
    "s7c_gauss_crossent_polonsky": _polonsky(),
    "s7c_entropy_sum_flashgene": _flashgene(),
}

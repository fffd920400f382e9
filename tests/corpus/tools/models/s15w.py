"""Truth models of the s15w_ entries (a held-out set of everyday ML and probability derivations
from a lecture page, a Q&A answer, a Q&A mirror, a GitHub wiki and a blog post: the softmax
cross-entropy gradient, the logistic-regression NLL gradient, Var(aX+b), the variance as
E[X^2] - mu^2, and E[X^2] = Var + mean^2). Random pmfs on small finite supports for the random
variables (expectations summed exactly), derivatives by the complex step."""

from __future__ import annotations

import numpy as np

from .base import Model, Step, chain, pmf, tight

LOG = np.log
EXP = np.exp
H = 1e-20


def _d(f, v):
    """f'(v) by the complex step."""
    return float(np.imag(f(v + 1j * H)) / H)


# ------------------------------------------------------------------ softmax + cross-entropy (postnetwork)

def _softmax_ce():
    def sample(rng):
        C = int(rng.integers(2, 6))
        return {"z": rng.normal(0, 1.5, size=C), "y": pmf(rng, C),
                "i": int(rng.integers(C)), "j": int(rng.integers(C)), "jj": int(rng.integers(C))}
    sm = lambda v: EXP(v) / np.sum(EXP(v))
    yh = lambda e: sm(e["z"])

    def dz(e, f, wrt):
        def g(t):
            v = e["z"].astype(complex)
            v[wrt] = t
            return f(sm(v))
        return _d(g, e["z"][wrt])
    L_of = lambda e: (lambda s: -np.sum(e["y"] * LOG(s)))

    def dL_dyhat(e):          # L as a function of the outputs yhat, derivative in yhat_i
        i = e["i"]

        def g(t):
            s = yh(e).astype(complex)
            s[i] = t
            return -np.sum(e["y"] * LOG(s))
        return _d(g, yh(e)[i])
    Y = lambda e, k: float(e["y"][k])
    A = lambda e, k: float(yh(e)[k])

    def case(e, off_sign=-1):
        i, jj = e["i"], e["jj"]
        return A(e, i) * (1 - A(e, i)) if i == jj else off_sign * A(e, i) * A(e, jj)

    def simp(e, sign=1):
        j = e["j"]
        return -Y(e, j) * (1 - A(e, j)) + sign * sum(Y(e, i) * A(e, j) for i in range(len(e["z"])) if i != j)
    rows = {
        "dLy": dL_dyhat, "r0": lambda e: -Y(e, e["i"]) / A(e, e["i"]),
        "dii": lambda e: dz(e, lambda s: s[e["i"]], e["i"]), "r1": lambda e: A(e, e["i"]) * (1 - A(e, e["i"])),
        "dij": lambda e: dz(e, lambda s: s[e["i"]], e["jj"]), "case": case,
        "dL": lambda e: dz(e, L_of(e), e["j"]),
        "chain": lambda e: sum(-Y(e, i) / A(e, i) * dz(e, lambda s, i=i: s[i], e["j"]) for i in range(len(e["z"]))),
        "simp": simp,
        "fin": lambda e: A(e, e["j"]) - Y(e, e["j"]),
    }
    steps = tight([Step("=", "dLy", "r0"), Step("=", "dii", "r1"), Step("=", "dij", "case"),
                    Step("=", "dL", "chain"), Step("=", "dL", "simp"), Step("=", "dL", "fin")], 1e-8)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"simp": lambda e: simp(e, sign=-1)},
            {"fin": lambda e: Y(e, e["j"]) - A(e, e["j"])},
            {"case": lambda e: case(e, off_sign=+1)},
            {"r1": lambda e: A(e, e["i"]) * (1 + A(e, e["i"]))},
        ],
        lookalikes=[{"fin": lambda e: -Y(e, e["j"]) + A(e, e["j"])},
                    {"r1": lambda e: A(e, e["i"]) - A(e, e["i"]) ** 2}])


# ------------------------------------------------------------------ logistic NLL gradient (Cross Validated)

def _logistic_grad():
    def sample(rng):
        n = int(rng.integers(1, 6))
        return {"w": rng.normal(0, 1.0), "x": rng.uniform(0.1, 3.0), "xs": rng.normal(0, 1.5, size=n),
                "ys": rng.uniform(-0.5, 1.5, size=n)}
    s = lambda v: 1 / (1 + EXP(-v))
    NLL = lambda e: (lambda w: -np.sum((1 - e["ys"]) * LOG(1 - s(w * e["xs"])) + e["ys"] * LOG(s(w * e["xs"]))))
    x = lambda e: e["x"]
    S = lambda e: s(e["w"] * e["xs"])            # s(w^T x_i), all i

    def grad(e, sign=-1):
        X, Yv, Sv = e["xs"], e["ys"], S(e)
        return float(np.sum((1 - Yv) * X * (1 - Sv) * Sv / (1 - Sv) + sign * Yv * X * (1 - Sv) * Sv / Sv))
    rows = {
        "ds": lambda e: _d(s, x(e)), "r1": lambda e: s(x(e)) * (1 - s(x(e))),
        "dsw": lambda e: _d(lambda w: s(w * e["xs"][0]), e["w"]),
        "r2": lambda e: e["xs"][0] * (1 - S(e)[0]) * S(e)[0],
        "dlog": lambda e: _d(LOG, x(e)), "r3": lambda e: 1 / x(e),
        "dN": lambda e: _d(NLL(e), e["w"]), "r4": grad,
    }
    steps = tight([Step("=", "ds", "r1"), Step("=", "dsw", "r2"), Step("=", "dlog", "r3"),
                    Step("=", "dN", "r4")], 1e-8)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: s(x(e)) * (1 + s(x(e)))},
            {"r2": lambda e: (1 - S(e)[0]) * S(e)[0]},
            {"r4": lambda e: grad(e, sign=+1)},
            {"r3": lambda e: 1 / x(e) ** 2},
        ],
        lookalikes=[{"r1": lambda e: s(x(e)) - s(x(e)) ** 2}])


# ------------------------------------------------------------------ random variable on a finite support

def _rv(rng):
    m = int(rng.integers(2, 7))
    return {"v": rng.normal(0, 2.0, size=m), "p": pmf(rng, m),
            "a": rng.normal(0, 2.0), "b": rng.normal(0, 2.0), "c": rng.normal(0, 2.0)}


def _E(e, g):
    return float(np.sum(e["p"] * g))


def _Var(e, g):
    return _E(e, (g - _E(e, g)) ** 2)


# ------------------------------------------------------------------ Var(aX+b) (techqa)

def _var_affine():
    X = lambda e: e["v"]
    a, b = (lambda e: e["a"]), (lambda e: e["b"])
    EX, EX2 = (lambda e: _E(e, X(e))), (lambda e: _E(e, X(e) ** 2))
    rows = {
        "V": lambda e: _Var(e, a(e) * X(e)),
        "c1": lambda e: _E(e, (a(e) * X(e)) ** 2) - _E(e, a(e) * X(e)) ** 2,
        "c2": lambda e: _E(e, a(e) ** 2 * X(e) ** 2) - _E(e, a(e) * X(e)) ** 2,
        "c3": lambda e: a(e) ** 2 * EX2(e) - (a(e) * EX(e)) ** 2,
        "c4": lambda e: a(e) ** 2 * EX2(e) - a(e) ** 2 * EX(e) ** 2,
        "c5": lambda e: a(e) ** 2 * (EX2(e) - EX(e) ** 2),
        "c6": lambda e: a(e) ** 2 * _Var(e, X(e)),
        "Vab": lambda e: _Var(e, a(e) * X(e) + b(e)),
    }
    steps = tight(chain(["V", ("=", "c1"), ("=", "c2"), ("=", "c3"), ("=", "c4"), ("=", "c5"), ("=", "c6")])
                   + [Step("=", "Vab", "c6")], 1e-9)
    return Model(
        sample=_rv, rows=rows, steps=steps,
        mutants=[
            {"c3": lambda e: a(e) ** 2 * EX2(e) - EX(e) ** 2},
            {"c5": lambda e: a(e) ** 2 * (EX2(e) + EX(e) ** 2)},
            {"Vab": lambda e: _Var(e, a(e) * X(e) + b(e)) - b(e)},
            {"c2": lambda e: _E(e, a(e) * X(e) ** 2) - _E(e, a(e) * X(e)) ** 2},
        ],
        lookalikes=[{"c6": lambda e: a(e) ** 2 * _Var(e, X(e))}, {}])


# ------------------------------------------------------------------ variance expanded (ashwinreddy)

def _variance_expand():
    X = lambda e: e["v"]
    mu = lambda e: _E(e, X(e))
    c = lambda e: e["c"]
    rows = {
        "V": lambda e: _Var(e, X(e)), "r0": lambda e: _E(e, (X(e) - mu(e)) ** 2),
        "r1": lambda e: _E(e, X(e) ** 2 - 2 * mu(e) * X(e) + mu(e) ** 2),
        "r2": lambda e: _E(e, X(e) ** 2) - 2 * mu(e) * _E(e, X(e)) + mu(e) ** 2,
        "r3": lambda e: _E(e, X(e) ** 2) - mu(e) ** 2,
        "r4": lambda e: _E(e, X(e) ** 2) - _E(e, X(e)) ** 2,
        "Vc": lambda e: _Var(e, c(e) * X(e)), "r5": lambda e: c(e) ** 2 * _Var(e, X(e)),
    }
    steps = tight(chain(["V", ("=", "r0"), ("=", "r1"), ("=", "r2"), ("=", "r3")])
                   + [Step("=", "V", "r4"), Step("=", "Vc", "r5")], 1e-9)
    return Model(
        sample=_rv, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: _E(e, X(e) ** 2 - mu(e) * X(e) + mu(e) ** 2)},
            {"r3": lambda e: _E(e, X(e) ** 2) + mu(e) ** 2},
            {"r5": lambda e: c(e) * _Var(e, X(e))},
            {"r4": lambda e: 0.0},
        ],
        lookalikes=[{"r2": lambda e: _E(e, X(e) ** 2) - 2 * mu(e) ** 2 + mu(e) ** 2},
                    {"r1": lambda e: _E(e, mu(e) ** 2 - 2 * mu(e) * X(e) + X(e) ** 2)}])


# ------------------------------------------------------------------ E[X^2] lemma (Stansbury)

def _ex2_lemma():
    X = lambda e: e["v"]
    EX = lambda e: _E(e, X(e))
    const = lambda e, k: _E(e, np.full_like(X(e), k))          # E of a constant
    rows = {
        "EX2": lambda e: _E(e, X(e) ** 2),
        "eq1": lambda e: _E(e, (X(e) - EX(e)) ** 2) + EX(e) ** 2,
        "L": lambda e: _E(e, (X(e) - EX(e)) ** 2),
        "a1": lambda e: _E(e, X(e) ** 2 - 2 * X(e) * EX(e) + EX(e) ** 2),
        "a2": lambda e: _E(e, X(e) ** 2) - 2 * EX(e) * const(e, EX(e)) + const(e, EX(e) ** 2),
    }
    steps = tight([Step("=", "EX2", "eq1")] + chain(["L", ("=", "a1"), ("=", "a2")]), 1e-9)
    return Model(
        sample=_rv, rows=rows, steps=steps,
        mutants=[
            {"eq1": lambda e: _E(e, (X(e) - EX(e)) ** 2) - EX(e) ** 2},
            {"a1": lambda e: _E(e, X(e) ** 2 - X(e) * EX(e) + EX(e) ** 2)},
            {"a2": lambda e: _E(e, X(e) ** 2) + 2 * EX(e) * const(e, EX(e)) + const(e, EX(e) ** 2)},
        ],
        lookalikes=[{"a2": lambda e: _E(e, X(e) ** 2) - 2 * EX(e) * const(e, EX(e)) + EX(e) ** 2},
                    {"a2": lambda e: _E(e, X(e) ** 2) - 2 * const(e, EX(e)) * EX(e) + const(e, EX(e) ** 2)}])


# ------------------------------------------------------------------ normal mean MLE (Markdown note)

def _gauss_mle_mean():
    def sample(rng):
        n = int(rng.integers(1, 7))
        return {"x": rng.normal(0, 2.0, size=n), "mu": rng.normal(0, 2.0), "sigma": rng.uniform(0.3, 3.0)}
    x, mu, sg = (lambda e: e["x"]), (lambda e: e["mu"]), (lambda e: e["sigma"])
    n = lambda e: len(e["x"])
    ell = lambda e: (lambda m: -n(e) / 2 * LOG(2 * np.pi * sg(e) ** 2) - np.sum((x(e) - m) ** 2) / (2 * sg(e) ** 2))
    at_root = lambda e: dict(e, mu=float(np.sum(x(e))) / n(e))       # the hypothesis sum x_i - n mu = 0
    rows = {
        "d": lambda e: _d(ell(e), mu(e)),
        "r1": lambda e: float(np.sum(x(e) - mu(e))) / sg(e) ** 2,
        "r2": lambda e: (float(np.sum(x(e))) - n(e) * mu(e)) / sg(e) ** 2,
        "muhat": lambda e: float(np.sum(x(e))) / n(e),                # the definition of mu-hat
        "xbar": lambda e: float(np.mean(x(e))),
    }
    steps = tight(chain(["d", ("=", "r1"), ("=", "r2")]) + [Step("=", "muhat", "xbar", when=at_root)], 1e-8)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: float(np.sum(x(e) - mu(e))) / (2 * sg(e) ** 2)},
            {"r2": lambda e: (float(np.sum(x(e))) + n(e) * mu(e)) / sg(e) ** 2},
            {"muhat": lambda e: float(np.sum(x(e))) / (n(e) - 1) if n(e) > 1 else np.inf},
        ],
        lookalikes=[{}, {"r1": lambda e: -float(np.sum(mu(e) - x(e))) / sg(e) ** 2}])


MODELS = {
    "s15w_gauss_mle_mean_mlnote": _gauss_mle_mean(),
    "s15w_softmax_ce_postnetwork": _softmax_ce(),
    "s15w_logistic_grad_crossvalidated": _logistic_grad(),
    "s15w_var_affine_techqa": _var_affine(),
    "s15w_variance_expand_ashwinreddy": _variance_expand(),
    "s15w_ex2_lemma_stansbury": _ex2_lemma(),
}

"""Truth models of the s24a_ entries (a held-out set on variance computations in deep-learning
and Monte-Carlo notes: control variates after a blog post, Xavier initialisation after Dive into
Deep Learning, the Fisher information of a normal variance after a Q&A answer, the Cramér-Rao
bound of a normal mean after an exercise sheet, the Fisher information of a Poisson mean after a
Q&A answer, inverted dropout's expectation after a Markdown Q&A). Laws on small finite supports,
expectations by exact enumeration; Gaussian and Poisson moments by quadrature / truncated series
(independent of the algebra the files do); derivatives by the complex step."""

from __future__ import annotations

import itertools
import math

import numpy as np

from .base import Model, Step, chain, tight, dc


# ------------------------------------------------------------------ control variates (Binh Ho)

def _control_variate():
    def sample(rng):
        n = int(rng.integers(3, 8))
        w = rng.uniform(0.2, 1.0, size=n)
        return {"p": w / w.sum(), "f": rng.normal(0, 2, n), "g": rng.normal(0, 2, n),
                "c": float(rng.normal(0, 1.5))}
    E = lambda e, h: float(np.sum(e["p"] * h))
    V = lambda e, h: E(e, h * h) - E(e, h) ** 2
    f, g, c = (lambda e: e["f"]), (lambda e: e["g"]), (lambda e: e["c"])
    B = lambda e: E(e, g(e))
    cov = lambda e: E(e, f(e) * g(e)) - E(e, f(e)) * E(e, g(e))
    sf2, sg2 = (lambda e: V(e, f(e))), (lambda e: V(e, g(e)))
    rho = lambda e: cov(e) / math.sqrt(sf2(e) * sg2(e))
    D = lambda e: f(e) - c(e) * (g(e) - B(e))
    cstar = lambda e: cov(e) / sg2(e)
    at_opt = lambda e: {**e, "c": cstar(e)}
    rows = {
        "ED": lambda e: E(e, D(e)),
        "e1": lambda e: E(e, f(e) - c(e) * (g(e) - B(e))),
        "e2": lambda e: E(e, f(e)) - c(e) * E(e, g(e)) + c(e) * B(e),
        "e3": lambda e: E(e, f(e)) - c(e) * B(e) + c(e) * B(e),
        "e4": lambda e: E(e, f(e)),
        "VD": lambda e: V(e, D(e)),
        "v1": lambda e: V(e, f(e) - c(e) * g(e) + c(e) * B(e)),
        "v2": lambda e: V(e, f(e) - c(e) * g(e)),
        "v3": lambda e: V(e, f(e)) - 2 * c(e) * cov(e) + c(e) ** 2 * V(e, g(e)),
        "v4": lambda e: sf2(e) - 2 * c(e) * cov(e) + c(e) ** 2 * sg2(e),
        "foc": lambda e: -2 * cov(e) + 2 * c(e) * sg2(e),
        "zero": lambda e: 0.0,
        "c": c,
        "cstar": lambda e: cov(e) / sg2(e),
        "plug": lambda e: sf2(e) - 2 * cov(e) / sg2(e) * cov(e) + (cov(e) / sg2(e)) ** 2 * sg2(e),
        "final": lambda e: sf2(e) * (1 - rho(e) ** 2),
    }
    steps = (chain(["ED", ("=", "e1"), ("=", "e2"), ("=", "e3"), ("=", "e4")])
             + chain(["VD", ("=", "v1"), ("=", "v2"), ("=", "v3"), ("=", "v4")])
             + [Step("=", "foc", "zero", when=at_opt), Step("=", "c", "cstar", when=at_opt),
                Step("=", "VD", "plug", when=at_opt), Step("=", "VD", "final", when=at_opt)])
    steps = tight(steps, 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"e3": lambda e: E(e, f(e)) - c(e) * B(e) - c(e) * B(e)},
            {"v3": lambda e: V(e, f(e)) - 2 * c(e) * cov(e) + c(e) * V(e, g(e))},
            {"foc": lambda e: -2 * cov(e) + c(e) * sg2(e)},
            {"cstar": lambda e: cov(e) / math.sqrt(sg2(e))},
            {"plug": lambda e: sf2(e) + 2 * cov(e) / sg2(e) * cov(e) + (cov(e) / sg2(e)) ** 2 * sg2(e)},
            {"final": lambda e: sf2(e) * (1 - rho(e))},
        ],
        lookalikes=[
            {"v2": lambda e: V(e, c(e) * g(e) - f(e))},
            {"e2": lambda e: E(e, f(e)) + c(e) * B(e) - c(e) * E(e, g(e))},
            {"final": lambda e: (1 - rho(e) ** 2) * sf2(e)},
        ])


# ------------------------------------------------------------------ Xavier initialisation (D2L)

def _law(rng, k, mean=0.0):
    vals = rng.normal(0, 1.5, size=k)
    probs = rng.uniform(0.2, 1.0, size=k)
    probs = probs / probs.sum()
    return vals - float(np.sum(vals * probs)) + mean, probs


def _expect(laws, fun):
    """E[fun(v_1, ..., v_m)] for independent v_j with the given finite laws, by enumeration."""
    total = 0.0
    for combo in itertools.product(*[range(len(v)) for v, _ in laws]):
        w, xs = 1.0, []
        for (vals, probs), c in zip(laws, combo):
            w *= probs[c]
            xs.append(vals[c])
        total += w * fun(xs)
    return total


def _xavier():
    def sample(rng):
        n = int(rng.integers(1, 4))
        lw, lx = _law(rng, int(rng.integers(2, 4))), _law(rng, int(rng.integers(2, 4)))
        return {"n": n, "lw": lw, "lx": lx}
    N = lambda e: e["n"]
    laws = lambda e: [e["lw"], e["lx"]] * N(e)              # w_1, x_1, w_2, x_2, ...
    o = lambda xs: sum(xs[2 * j] * xs[2 * j + 1] for j in range(len(xs) // 2))
    E1 = lambda e, law, h: _expect([law], lambda xs: h(xs[0]))
    Ew2 = lambda e: E1(e, e["lw"], lambda v: v * v)
    Ex2 = lambda e: E1(e, e["lx"], lambda v: v * v)
    Ew = lambda e: E1(e, e["lw"], lambda v: v)
    Ex = lambda e: E1(e, e["lx"], lambda v: v)
    Eo = lambda e: _expect(laws(e), o)
    Eo2 = lambda e: _expect(laws(e), lambda xs: o(xs) ** 2)
    Ewx = lambda e: _expect([e["lw"], e["lx"]], lambda xs: xs[0] * xs[1])
    Ew2x2 = lambda e: _expect([e["lw"], e["lx"]], lambda xs: (xs[0] * xs[1]) ** 2)
    s2 = lambda e: Ew2(e) - Ew(e) ** 2
    g2 = lambda e: Ex2(e) - Ex(e) ** 2
    rows = {
        "Eo": Eo,
        "e1": lambda e: N(e) * Ewx(e),
        "e2": lambda e: N(e) * Ew(e) * Ex(e),
        "e3": lambda e: 0.0,
        "Vo": lambda e: Eo2(e) - Eo(e) ** 2,                 # Var[o_i] by enumeration
        "v1": lambda e: Eo2(e) - Eo(e) ** 2,
        "v2": lambda e: N(e) * Ew2x2(e) - 0.0,
        "v3": lambda e: N(e) * Ew2(e) * Ex2(e),
        "v4": lambda e: N(e) * s2(e) * g2(e),
    }
    steps = tight(chain(["Eo", ("=", "e1"), ("=", "e2"), ("=", "e3")])
                   + chain(["Vo", ("=", "v1"), ("=", "v2"), ("=", "v3"), ("=", "v4")]), 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"e3": lambda e: 1.0},
            {"v2": lambda e: N(e) * Ewx(e) - 0.0},
            {"v3": lambda e: N(e) * Ew(e) * Ex2(e)},
            {"v4": lambda e: N(e) ** 2 * s2(e) * g2(e)},
        ],
        lookalikes=[
            {"v1": lambda e: Eo2(e) + Eo(e) ** 2},
            {"v3": lambda e: N(e) * Ex2(e) * Ew2(e)},
            {"e2": lambda e: N(e) * Ex(e) * Ew(e)},
        ])


# ------------------------------------------------------------------ normal mean: Fisher information and CRLB (exercise sheet)

_GH_X, _GH_W = np.polynomial.hermite_e.hermegauss(60)     # E[h(Z)], Z ~ N(0, 1)


def _normal_E(mu, sigma, h):
    return float(np.sum(_GH_W * h(mu + sigma * _GH_X)) / math.sqrt(2 * math.pi))


def _gauss_crlb():
    def sample(rng):
        n = int(rng.integers(2, 7))
        a = rng.uniform(0.1, 1.0, size=n)
        return {"mu": float(rng.normal(0, 2)), "s": float(rng.uniform(0.4, 2.5)), "n": n,
                "x": float(rng.normal(0, 3)), "X": float(rng.normal(0, 3)), "a": a / a.sum()}
    mu, s, n = (lambda e: e["mu"]), (lambda e: e["s"]), (lambda e: e["n"])
    pdf = lambda x, m, sg: np.exp(-(x - m) ** 2 / (2 * sg ** 2)) / np.sqrt(2 * np.pi * sg ** 2)
    logf = lambda x, m, sg: np.log(pdf(x, m, sg))
    VarN = lambda e, h: _normal_E(mu(e), s(e), lambda t: h(t) ** 2) - _normal_E(mu(e), s(e), h) ** 2
    score = lambda t, e: (t - mu(e)) / s(e) ** 2
    I = lambda e: VarN(e, lambda t: score(t, e))               # I(mu) := Var(U(mu))
    d2 = lambda e: float(np.real((logf(e["X"], mu(e) + 1e-4, s(e)) - 2 * logf(e["X"], mu(e), s(e))
                                  + logf(e["X"], mu(e) - 1e-4, s(e))) / 1e-8))
    rows = {
        "f": lambda e: float(pdf(e["x"], mu(e), s(e))),
        "f_formula": lambda e: 1 / math.sqrt(2 * math.pi * s(e) ** 2) * math.exp(-(e["x"] - mu(e)) ** 2 / (2 * s(e) ** 2)),
        "logf": lambda e: float(logf(e["x"], mu(e), s(e))),
        "logf_formula": lambda e: -0.5 * math.log(2 * math.pi * s(e) ** 2) - (e["x"] - mu(e)) ** 2 / (2 * s(e) ** 2),
        "U": lambda e: dc(lambda m: np.log(np.exp(-(e["X"] - m) ** 2 / (2 * s(e) ** 2)) / np.sqrt(2 * np.pi * s(e) ** 2)), mu(e)),
        "U_formula": lambda e: (e["X"] - mu(e)) / s(e) ** 2,
        "I": I,
        "i1": lambda e: VarN(e, lambda t: (t - mu(e)) / s(e) ** 2),
        "i2": lambda e: VarN(e, lambda t: t) / s(e) ** 4,
        "i3": lambda e: s(e) ** 2 / s(e) ** 4,
        "i4": lambda e: 1 / s(e) ** 2,
        "d2": d2,
        "d2_formula": lambda e: -1 / s(e) ** 2,
        "j1": lambda e: -(-1 / s(e) ** 2),
        "j2": lambda e: 1 / s(e) ** 2,
        "In": lambda e: n(e) * I(e),
        "in1": lambda e: n(e) / s(e) ** 2,
        "Vhat": lambda e: s(e) ** 2 * float(np.sum(e["a"] ** 2)),   # a linear unbiased estimator
        "b1": lambda e: 1 / (n(e) * I(e)),
        "b2": lambda e: s(e) ** 2 / n(e),
        "EXbar": lambda e: _normal_E(mu(e), s(e), lambda t: t),
        "mu": mu,
        "VXbar": lambda e: n(e) * VarN(e, lambda t: t) / n(e) ** 2,
        "x1": lambda e: n(e) * VarN(e, lambda t: t) / n(e) ** 2,
        "x2": lambda e: 1 / n(e) ** 2 * n(e) * s(e) ** 2,
        "x3": lambda e: s(e) ** 2 / n(e),
        "y1": lambda e: s(e) ** 2 / n(e),
        "y2": lambda e: 1 / (n(e) * I(e)),
        "crlb": lambda e: s(e) ** 2 / n(e),
    }
    steps = ([Step("=", "f", "f_formula"), Step("=", "logf", "logf_formula"), Step("=", "U", "U_formula")]
             + chain(["I", ("=", "i1"), ("=", "i2"), ("=", "i3"), ("=", "i4")])
             + [Step("=", "d2", "d2_formula", tol=1e-5)]
             + chain(["I", ("=", "j1"), ("=", "j2")])
             + [Step("=", "In", "in1")]
             + chain(["Vhat", (">=", "b1"), ("=", "b2")])
             + [Step("=", "EXbar", "mu")]
             + chain(["VXbar", ("=", "x1"), ("=", "x2"), ("=", "x3")])
             + chain(["VXbar", ("=", "y1"), ("=", "y2"), ("=", "crlb")]))
    for st in steps:
        if st.lhs != "d2":
            st.tol = 1e-8
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"logf_formula": lambda e: -0.5 * math.log(2 * math.pi * s(e) ** 2) - (e["x"] - mu(e)) ** 2 / s(e) ** 2},
            {"U_formula": lambda e: (mu(e) - e["X"]) / s(e) ** 2},
            {"i2": lambda e: VarN(e, lambda t: t) / s(e) ** 2},
            {"d2_formula": lambda e: -1 / s(e) ** 4},
            {"in1": lambda e: n(e) ** 2 / s(e) ** 2},
            {("rel", 12): "<="},
            {"x2": lambda e: 1 / n(e) * n(e) * s(e) ** 2},
        ],
        lookalikes=[
            {"f_formula": lambda e: 1 / (s(e) * math.sqrt(2 * math.pi)) * math.exp(-(e["x"] - mu(e)) ** 2 / (2 * s(e) ** 2))},
            {"logf_formula": lambda e: -math.log(math.sqrt(2 * math.pi * s(e) ** 2)) - (e["x"] - mu(e)) ** 2 / (2 * s(e) ** 2)},
            {"i4": lambda e: s(e) ** -2},
        ])


# ------------------------------------------------------------------ Poisson Fisher information (newbetuts)

def _poisson_fisher():
    K = np.arange(0, 160)

    def sample(rng):
        return {"mu": float(rng.uniform(0.3, 8.0)), "x": int(rng.integers(0, 12))}
    mu = lambda e: e["mu"]
    lgam = np.vectorize(lambda k: math.lgamma(k + 1))
    logpmf = lambda k, m: k * np.log(m) - m - lgam(k)
    pmf = lambda e: np.exp(logpmf(K, mu(e)))
    h = 1e-4
    d2 = lambda k, m: (logpmf(k, m + h) - 2 * logpmf(k, m) + logpmf(k, m - h)) / h ** 2
    EX = lambda e: float(np.sum(pmf(e) * K))
    rows = {
        "f": lambda e: float(np.exp(logpmf(e["x"], mu(e)))),
        "f_formula": lambda e: math.exp(-mu(e)) * mu(e) ** e["x"] / math.factorial(e["x"]),
        "l1": lambda e: dc(lambda m: e["x"] * np.log(m) - m - math.lgamma(e["x"] + 1), mu(e)),
        "l1_formula": lambda e: -1 + e["x"] / mu(e),
        "l2": lambda e: float(d2(e["x"], mu(e))),
        "l2_formula": lambda e: -e["x"] / mu(e) ** 2,
        "I": lambda e: -float(np.sum(pmf(e) * d2(K, mu(e)))),
        "i1": lambda e: EX(e) / mu(e) ** 2,
        "i2": lambda e: 1 / mu(e),
    }
    steps = [Step("=", "f", "f_formula", tol=1e-9), Step("=", "l1", "l1_formula", tol=1e-9),
             Step("=", "l2", "l2_formula", tol=1e-5)] + tight(chain(["I", ("=", "i1"), ("=", "i2")]), 1e-5)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"f_formula": lambda e: math.exp(mu(e)) * mu(e) ** e["x"] / math.factorial(e["x"])},
            {"l1_formula": lambda e: 1 + e["x"] / mu(e)},
            {"l2_formula": lambda e: -e["x"] / mu(e)},
            {"i1": lambda e: EX(e) / mu(e)},
        ],
        lookalikes=[
            {"i2": lambda e: mu(e) ** -1},
            {"l1_formula": lambda e: e["x"] / mu(e) - 1},
            {"f_formula": lambda e: mu(e) ** e["x"] * math.exp(-mu(e)) / math.factorial(e["x"])},
        ])


# ------------------------------------------------------------------ normal variance: Fisher information (techqa)

def _gauss_var_fisher():
    def sample(rng):
        return {"mu": float(rng.normal(0, 2)), "s": float(rng.uniform(0.4, 2.5)),
                "n": int(rng.integers(1, 9)), "x": float(rng.normal(0, 3))}
    mu, n = (lambda e: e["mu"]), (lambda e: e["n"])
    th = lambda e: e["s"] ** 2
    logf = lambda x, m, t: -0.5 * np.log(2 * np.pi * t) - (x - m) ** 2 / (2 * t)
    hh = 1e-4
    l2 = lambda x, e: (logf(x, mu(e), th(e) + hh) - 2 * logf(x, mu(e), th(e)) + logf(x, mu(e), th(e) - hh)) / hh ** 2
    EN = lambda e, h: _normal_E(mu(e), e["s"], h)
    rows = {
        "f": lambda e: math.exp(float(logf(e["x"], mu(e), th(e)))),
        "f_formula": lambda e: 1 / math.sqrt(2 * math.pi * th(e)) * math.exp(-(e["x"] - mu(e)) ** 2 / (2 * th(e))),
        "l1": lambda e: dc(lambda t: logf(e["x"], mu(e), t), th(e)),
        "l1_formula": lambda e: -1 / (2 * th(e)) + (e["x"] - mu(e)) ** 2 / (2 * th(e) ** 2),
        "mEl2": lambda e: -EN(e, lambda t: l2(t, e)),
        "r1": lambda e: -EN(e, lambda t: 1 / (2 * th(e) ** 2) - (t - mu(e)) ** 2 / th(e) ** 3),
        "r2": lambda e: -1 / (2 * th(e) ** 2) + 1 / th(e) ** 2,
        "r3": lambda e: 1 / (2 * th(e) ** 2),
        "In": lambda e: n(e) / (2 * th(e) ** 2),
        "in1": lambda e: n(e) / (2 * e["s"] ** 4),
    }
    steps = ([Step("=", "f", "f_formula", tol=1e-9), Step("=", "l1", "l1_formula", tol=1e-9)]
             + tight(chain(["mEl2", ("=", "r1"), ("=", "r2"), ("=", "r3")]), 1e-5)
             + [Step("=", "In", "in1", tol=1e-9)])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"f_formula": lambda e: 1 / math.sqrt(2 * math.pi * th(e)) * math.exp(-(e["x"] - mu(e)) ** 2 / th(e))},
            {"l1_formula": lambda e: 1 / (2 * th(e)) + (e["x"] - mu(e)) ** 2 / (2 * th(e) ** 2)},
            {"r1": lambda e: -EN(e, lambda t: 1 / (2 * th(e) ** 2) - (t - mu(e)) ** 2 / th(e) ** 2)},
            {"r2": lambda e: -1 / (2 * th(e) ** 2) + 1 / (2 * th(e) ** 2)},
            {"in1": lambda e: n(e) / (2 * e["s"] ** 2)},
        ],
        lookalikes=[
            {},
            {"r3": lambda e: 1 / (2 * e["s"] ** 4)},
            {"f_formula": lambda e: 1 / (math.sqrt(2 * math.pi) * math.sqrt(th(e))) * math.exp(-(e["x"] - mu(e)) ** 2 / (2 * th(e)))},
        ])


MODELS = {
    "s24a_control_variate_binhho": _control_variate(),
    "s24a_xavier_d2l": _xavier(),
    "s24a_gauss_crlb_exercises": _gauss_crlb(),
    "s24a_poisson_fisher_newbetuts": _poisson_fisher(),
    "s24a_gauss_var_fisher_techqa": _gauss_var_fisher(),
}

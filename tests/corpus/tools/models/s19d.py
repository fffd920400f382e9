"""Truth models of the s19d_ entries (a held-out set on Cover & Thomas chapter 2 as retold in a
Q&A answer, student lecture notes and Markdown notes: the entropy of a geometric law, mutual
information as D(P_XY || P_X x P_Y), the chain rule H(X,Y) = H(X) + H(Y|X), H(g(X)) <= H(X),
Csiszar's / the log-sum / Gibbs' inequality). Pmfs are random positive vectors and tables;
infinite series are truncated far past machine precision; convex functions are drawn from a
small family."""

from __future__ import annotations

import math

import numpy as np

from .base import Model, Step, chain, joint, pmf

LOG = np.log
L2 = np.log2
S = lambda v: float(np.sum(v))


def _tol(steps, tol):
    for st in steps:
        st.tol = tol
    return steps


# ------------------------------------------------------------------ geometric entropy (techqa 490559)

K = np.arange(1, 4001, dtype=float)


def _geom_entropy_techqa():
    def sample(rng):
        return {"p": rng.uniform(0.1, 0.9)}
    p = lambda e: e["p"]
    q = lambda e: 1 - e["p"]
    s0 = lambda e: S(q(e) ** (K - 1))                    # sum (1-p)^{k-1} = 1/p
    s1 = lambda e: S((K - 1) * q(e) ** (K - 1))          # sum (k-1)(1-p)^{k-1} = (1-p)/p^2
    rows = {
        "E": lambda e: S(-(q(e) ** (K - 1)) * p(e) * ((K - 1) * L2(q(e)) + L2(p(e)))),
        "r1": lambda e: S(-(q(e) ** (K - 1)) * p(e) * ((K - 1) * L2(q(e)) + L2(p(e)))),
        "r2": lambda e: -p(e) * L2(p(e)) * s0(e) - p(e) * L2(q(e)) * s1(e),
        "r3": lambda e: -L2(p(e)) - q(e) * L2(q(e)) / p(e),
    }
    steps = _tol(chain(["r1", ("=", "r2"), ("=", "r3")]), 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r2": lambda e: -p(e) * L2(p(e)) * s0(e) - p(e) * L2(q(e)) * S(K * q(e) ** (K - 1))},
            {"r3": lambda e: -L2(p(e)) - q(e) * L2(q(e)) / p(e) ** 2},
            {"r2": lambda e: p(e) * L2(p(e)) * s0(e) - p(e) * L2(q(e)) * s1(e)},
            {"r3": lambda e: -L2(q(e)) - q(e) * L2(q(e)) / p(e)},
        ],
        lookalikes=[
            {"r3": lambda e: (-q(e) * L2(q(e)) - p(e) * L2(p(e))) / p(e)},
            {"r2": lambda e: -p(e) * L2(p(e)) * s0(e) - p(e) * L2(q(e)) * S((K - 1) * q(e) ** (K - 1))},
        ])


# ------------------------------------------------------------------ MI as KL (iiit-notebook lecture 8)

def _mi_kl_iiitnotebook():
    def sample(rng):
        return {"J": joint(rng, int(rng.integers(2, 5)), int(rng.integers(2, 5)))}
    J = lambda e: e["J"]
    px = lambda e: J(e).sum(axis=1, keepdims=True)
    py = lambda e: J(e).sum(axis=0, keepdims=True)
    Hx = lambda e: -S(px(e) * L2(px(e)))
    Hy = lambda e: -S(py(e) * L2(py(e)))
    Hxy = lambda e: -S(J(e) * L2(J(e)))
    Hx_y = lambda e: -S(J(e) * L2(J(e) / py(e)))
    Hy_x = lambda e: -S(J(e) * L2(J(e) / px(e)))
    D = lambda a, b: S(a * L2(a / b))
    rows = {
        "d1": lambda e: Hx(e) - Hx_y(e),
        "d2": lambda e: Hy(e) - Hy_x(e),
        "I": lambda e: Hx(e) - Hx_y(e),
        "a1": lambda e: Hx(e) - Hx_y(e),
        "a2": lambda e: -S(px(e) * L2(px(e))) + S(J(e) * L2(J(e) / py(e))),
        "a3": lambda e: -S(J(e) * L2(px(e) + 0 * J(e))) + S(J(e) * L2(J(e) / py(e))),
        "a4": lambda e: S(J(e) * L2(J(e) / (px(e) * py(e)))),
        "b1": lambda e: S(J(e) * L2(J(e) / (px(e) * py(e)))),
        "b2": lambda e: D(J(e), px(e) * py(e)),
    }
    steps = _tol([Step("=", "d1", "d2")] + chain(["I", ("=", "a1"), ("=", "a2"), ("=", "a3"), ("=", "a4")])
                 + chain(["I", ("=", "b1"), ("=", "b2")]), 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"d2": lambda e: Hy(e) - Hx_y(e)},
            {"a2": lambda e: S(px(e) * L2(px(e))) + S(J(e) * L2(J(e) / py(e)))},
            {"a3": lambda e: -S(J(e) * L2(px(e) + 0 * J(e))) + S(J(e) * L2(py(e) / J(e)))},
            {"b2": lambda e: D(px(e) * py(e), J(e))},
        ],
        lookalikes=[
            {"d2": lambda e: Hx(e) + Hy(e) - Hxy(e)},
            {"b1": lambda e: S(J(e) * (L2(J(e)) - L2(px(e)) - L2(py(e))))},
        ])


# ------------------------------------------------------------------ entropies and chain rule (Obsidian note)

def _cond_entropy_obsidian():
    def sample(rng):
        return {"J": joint(rng, int(rng.integers(2, 5)), int(rng.integers(2, 5)))}
    J = lambda e: e["J"]
    px = lambda e: J(e).sum(axis=1, keepdims=True)
    py = lambda e: J(e).sum(axis=0, keepdims=True)
    Hx = lambda e: -S(px(e) * LOG(px(e)))
    Hxy = lambda e: -S(J(e) * LOG(J(e)))
    Hx_y = lambda e: -S(J(e) * LOG(J(e) / py(e)))
    Hy_x = lambda e: -S(J(e) * LOG(J(e) / px(e)))
    cond_x_given_y = lambda e: J(e) / py(e)               # column y holds p(x|y)

    def Hx_given_each_y(e):
        c = cond_x_given_y(e)
        return -np.sum(c * LOG(c), axis=0, keepdims=True)   # H(X|Y=y)
    rows = {
        "h1": lambda e: -S(px(e) * LOG(px(e))),
        "h2": lambda e: -S(px(e) * LOG(px(e))),           # -E log p_X(X)
        "j0": Hxy,
        "j1": lambda e: -S(J(e) * LOG(J(e))),
        "j2": lambda e: -S(J(e) * LOG(J(e))),
        "c0": Hx_y,
        "c1": lambda e: S(py(e) * Hx_given_each_y(e)),
        "c2": lambda e: -S(J(e) * LOG(J(e) / py(e))),
        "c3": lambda e: -S(J(e) * LOG(cond_x_given_y(e))),
        "g0": Hxy,
        "g1": lambda e: -S(J(e) * LOG(J(e))),
        "g2": lambda e: -S(J(e) * LOG(px(e) + 0 * J(e))) - S(J(e) * LOG(J(e) / px(e))),
        "g3": lambda e: Hx(e) + Hy_x(e),
    }
    steps = _tol([Step("=", "h1", "h2")] + chain(["j0", ("=", "j1"), ("=", "j2")])
                 + chain(["c0", ("=", "c1"), ("=", "c2"), ("=", "c3")])
                 + chain(["g0", ("=", "g1"), ("=", "g2"), ("=", "g3")]), 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"h2": lambda e: S(px(e) * LOG(px(e)))},
            {"c2": lambda e: -S(J(e) * LOG(J(e) / px(e)))},
            {"g2": lambda e: -S(J(e) * LOG(px(e) + 0 * J(e))) - S(J(e) * LOG(J(e) / py(e)))},
            {"g3": lambda e: Hx(e) + Hx_y(e)},
        ],
        lookalikes=[
            {"g3": lambda e: Hy_x(e) + Hx(e)},
            {"c2": lambda e: -S(J(e) * LOG(J(e) / py(e)))},
        ])


# ------------------------------------------------------------------ H(g(X)) <= H(X) (techqa 1015259)

def _func_entropy_techqa():
    def sample(rng):
        n = int(rng.integers(3, 8))
        m = int(rng.integers(2, n))
        g = np.concatenate([np.arange(m), rng.integers(0, m, size=n - m)])   # onto m < n values
        rng.shuffle(g)
        return {"p": pmf(rng, n), "g": g, "m": m}

    def H(v):
        v = v[v > 0]
        return -S(v * LOG(v))

    def pg(e):
        return np.bincount(e["g"], weights=e["p"], minlength=e["m"])
    Hx = lambda e: H(e["p"])
    Hg = lambda e: H(pg(e))
    Hx_g = lambda e: Hx(e) - Hg(e)        # H(X | g(X)) = H(X, g(X)) - H(g(X)) = H(X) - H(g(X))
    Hg_x = lambda e: 0.0                  # g(X) is determined by X
    rows = {
        "H": Hx,
        "r1": lambda e: Hx(e) + Hg_x(e),
        "r2": Hx,                          # H(X, g(X)): the pair's law is p on the graph of g
        "r3": lambda e: Hg(e) + Hx_g(e),
        "r4": Hg,
    }
    steps = _tol(chain(["H", ("=", "r1"), ("=", "r2"), ("=", "r3"), (">=", "r4")]), 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r3": lambda e: Hg(e) - Hx_g(e)},
            {"r3": lambda e: Hx(e) + Hx_g(e)},
            {("rel", 4): "<="},
            {"r2": lambda e: Hx(e) + Hg(e)},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ Csiszar / log-sum / Gibbs (Markdown note)

CONVEX = [
    lambda x: x * np.log(x),
    lambda x: (x - 1.0) ** 2,
    lambda x: np.exp(x),
    lambda x: -np.log(x),
]


def _csiszar_logsum_obsidian():
    def sample(rng):
        N = int(rng.integers(2, 7))
        n = int(rng.integers(2, 7))
        return {"a": rng.uniform(0.1, 2.0, size=N), "b": rng.uniform(0.1, 2.0, size=N),
                "k": int(rng.integers(0, len(CONVEX))), "p": pmf(rng, n), "q": pmf(rng, n)}
    a, b = (lambda e: e["a"]), (lambda e: e["b"])
    f = lambda e: CONVEX[e["k"]]
    A, B = (lambda e: S(a(e))), (lambda e: S(b(e)))
    p, q = (lambda e: e["p"]), (lambda e: e["q"])
    rows = {
        "c1L": lambda e: S(b(e) * f(e)(a(e) / b(e))),
        "c1R": lambda e: B(e) * float(f(e)(A(e) / B(e))),
        "c2a": lambda e: S(b(e) * f(e)(a(e) / b(e))),
        "c2b": lambda e: B(e) * S(b(e) / B(e) * f(e)(a(e) / b(e))),
        "c2c": lambda e: B(e) * float(f(e)(S(b(e) / B(e) * a(e) / b(e)))),
        "c2d": lambda e: B(e) * float(f(e)(A(e) / B(e))),
        "l3L": lambda e: S(a(e) * LOG(a(e) / b(e))),
        "l3R": lambda e: A(e) * math.log(A(e) / B(e)),
        "g4L": lambda e: S(p(e) * LOG(p(e))),
        "g4R": lambda e: S(p(e) * LOG(q(e))),
        "g5a": lambda e: S(p(e) * LOG(q(e) / p(e))),
        "g5b": lambda e: math.log(S(p(e) * q(e) / p(e))),
        "g5c": lambda e: 0.0,
    }
    steps = _tol([Step(">=", "c1L", "c1R")]
                 + chain(["c2a", ("=", "c2b"), (">=", "c2c"), ("=", "c2d")])
                 + [Step(">=", "l3L", "l3R"), Step(">=", "g4L", "g4R")]
                 + chain(["g5a", ("<=", "g5b"), ("=", "g5c")]), 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {("rel", 1): "<="},
            {("rel", 3): "<="},
            {"c2d": lambda e: B(e) * float(f(e)(B(e) / A(e)))},
            {("rel", 6): "<="},
            {"g5c": lambda e: 1.0},
            {"g5a": lambda e: S(p(e) * LOG(p(e) / q(e)))},
        ],
        lookalikes=[
            {"c2d": lambda e: S(b(e)) * float(f(e)(A(e) / B(e)))},
            {"l3L": lambda e: -S(a(e) * LOG(b(e) / a(e)))},
        ])


MODELS = {
    "s19d_geom_entropy_techqa": _geom_entropy_techqa(),
    "s19d_mi_kl_iiitnotebook": _mi_kl_iiitnotebook(),
    "s19d_cond_entropy_obsidian": _cond_entropy_obsidian(),
    "s19d_func_entropy_techqa": _func_entropy_techqa(),
    "s19d_csiszar_logsum_obsidian": _csiszar_logsum_obsidian(),
}


# ------------------------------------------------------------------ concrete entropies (Markdown notes)

def _concrete_entropies_mdnotes():
    def sample(rng):
        return {}
    lg = math.log2
    rows = {
        "a1": lambda e: -(0.5 * lg(0.5) + 0.5 * lg(0.5)),
        "a2": lambda e: -2 * 0.5 * (-1),
        "a3": lambda e: 1.0,
        "b1": lambda e: -(0.9 * lg(0.9) + 0.1 * lg(0.1)),
        "b2": lambda e: -(0.9 * (-0.152) + 0.1 * (-3.32)),
        "b3": lambda e: 0.47,
        "c1": lambda e: -4 * 0.25 * lg(0.25),
        "c2": lambda e: -4 * 0.25 * (-2),
        "c3": lambda e: 2.0,
        "d1": lambda e: -(0.7 * lg(0.7) + 3 * 0.1 * lg(0.1)),
        "d2": lambda e: -(0.7 * (-0.515) + 3 * 0.1 * (-3.32)),
        "d3": lambda e: 1.36,
        "e1": lambda e: -(1 * lg(1) + 0),
        "e2": lambda e: 0.0,
    }
    steps = (_tol(chain(["a1", ("=", "a2"), ("=", "a3")]), 1e-12)
             + _tol(chain(["b1", ("=", "b2"), ("=", "b3")]), 5e-3)
             + _tol(chain(["c1", ("=", "c2"), ("=", "c3")]), 1e-12)
             + _tol(chain(["d1", ("=", "d2"), ("=", "d3")]), 5e-3)
             + _tol([Step("=", "e1", "e2")], 1e-12))
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"a1": lambda e: -(0.5 * math.log(0.5) + 0.5 * math.log(0.5))},
            {"a2": lambda e: -2 * 0.5 * (-2)},
            {"b3": lambda e: 0.53},
            {"c3": lambda e: 4.0},
            {"d1": lambda e: -(0.7 * lg(0.7) + 0.1 * lg(0.1))},
            {"e2": lambda e: 1.0},
        ],
        lookalikes=[{}, {}, {"b3": lambda e: 0.469}])


MODELS["s19d_concrete_entropies_mdnotes"] = _concrete_entropies_mdnotes()

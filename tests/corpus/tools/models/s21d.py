"""Truth models of the s21d_ entries (a held-out set from one blog chapter, Harshwardhan's
'Generative AI Foundations, Part 2': the f-divergence and its non-negativity, forward and reverse
KL as f-divergences; the generator u log u (its derivatives, a Bernoulli example, its conjugate);
the conjugate of u^2/2; the variational representation of D_f and its lower bound; the GAN
generator's conjugate, the log-sigmoid activation and the objective's two terms).

Densities on random finite supports (integrals against counting measure); convex generators with
closed-form conjugates (KL u log u, Pearson (u - 1)^2, reverse KL -log u); suprema by dense grids
(over t on an interval, over u > 0 on a log grid); derivatives by the complex step. Nothing here
uses derive."""

from __future__ import annotations

import numpy as np

from .base import Model, Step, chain, grid_max, kl, pmf, sup_positive

LOG = np.log
EXP = np.exp
N = 5
H_STEP = 1e-20


def _tol(steps, tol):
    for st in steps:
        st.tol = tol
    return steps


_GEN = {
    "kl": lambda u: u * LOG(u),
    "pearson": lambda u: (u - 1.0) ** 2,
    "rkl": lambda u: -LOG(u),
}


def _conj(kind, t):
    t = np.asarray(t, dtype=float)
    if kind == "kl":
        return EXP(t - 1.0)
    if kind == "pearson":
        return t + t ** 2 / 4.0
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(t < 0, -1.0 - LOG(np.abs(t)), np.inf)


def _tsup(kind, a, sign=-1.0, w=1.0):
    """sup over t in dom f* of a t + sign * w * f*(t), by a dense grid."""
    lo, hi = (-200.0, -1e-6) if kind == "rkl" else (-40.0, 40.0)
    with np.errstate(invalid="ignore", over="ignore"):
        return grid_max(lambda t: a * t + sign * w * _conj(kind, t), lo, hi, points=40001)[0]


def _fsample(rng):
    return {"p": pmf(rng, N), "q": pmf(rng, N), "kind": ("kl", "pearson", "rkl")[int(rng.integers(3))],
            "u": float(np.exp(rng.uniform(-1.5, 1.5)))}


# ------------------------------------------------------------------ f-divergence, non-negativity, KLs

def _fdiv_nonneg():
    f = lambda e: _GEN[e["kind"]]
    P, Q = (lambda e: e["p"]), (lambda e: e["q"])          # p_X, p_theta
    R = lambda e: P(e) / Q(e)
    Df = lambda e: float(np.sum(Q(e) * f(e)(R(e))))
    rows = {
        "Ddef": Df,                                          # the standard D_f
        "D1": Df,
        "D1w": lambda e: float(np.sum(P(e) * f(e)(R(e)))),
        "zero": lambda e: 0.0,
        "Er": lambda e: float(np.sum(Q(e) * R(e))),
        "e1": lambda e: float(np.sum(Q(e) * R(e))),
        "e2": lambda e: float(np.sum(P(e))),
        "e2q": lambda e: float(np.sum(Q(e))),
        "one": lambda e: 1.0,
        "Ef": Df,
        "fE": lambda e: float(f(e)(np.sum(Q(e) * R(e)))),
        "f1": lambda e: float(f(e)(1.0)),
        "f0": lambda e: {"kl": 0.0, "pearson": 1.0, "rkl": float("inf")}[e["kind"]],
        "zero2": lambda e: 0.0,
        "KL": lambda e: kl(P(e), Q(e)),
        "k1": lambda e: float(np.sum(Q(e) * R(e) * LOG(R(e)))),
        "k2": lambda e: float(np.sum(P(e) * LOG(R(e)))),
        "RKL": lambda e: kl(Q(e), P(e)),
        "r1": lambda e: float(np.sum(Q(e) * LOG(Q(e) / P(e)))),
    }
    steps = _tol([Step("=", "Ddef", "D1"), Step(">=", "Ddef", "zero")]
                 + chain(["Er", ("=", "e1"), ("=", "e2"), ("=", "one")])
                 + chain(["Ef", (">=", "fE"), ("=", "f1"), ("=", "zero2")])
                 + chain(["KL", ("=", "k1"), ("=", "k2")])
                 + [Step("=", "RKL", "r1")], 1e-10)
    return Model(
        sample=_fsample, rows=rows, steps=steps,
        mutants=[
            {"D1": rows["D1w"]},
            {"one": lambda e: 2.0},
            {("rel", 6): "<="},
            {"f1": rows["f0"]},
            {"k2": lambda e: float(np.sum(Q(e) * LOG(R(e))))},
            {"r1": lambda e: float(np.sum(Q(e) * LOG(P(e) / Q(e))))},
        ],
        lookalikes=[
            {"e1": lambda e: float(np.sum(R(e) * Q(e)))},
            {},                                              # 0 <= D_f: the same step
            {"r1": lambda e: -float(np.sum(Q(e) * LOG(P(e) / Q(e))))},
            {"e2": rows["e2q"]},                             # int p_theta = 1 = int p_X
        ])


# ------------------------------------------------------------------ u log u: derivatives, Bernoulli, conjugate

def _klgen_examples():
    def sample(rng):
        return {"u": float(np.exp(rng.uniform(-2.0, 2.0))), "t": float(rng.uniform(-3.0, 3.0))}
    f = lambda u: u * np.log(u)
    d1 = lambda u: float(np.imag(f(u + 1j * H_STEP)) / H_STEP)

    def d2(u, h=1e-5):
        return (d1(u + h) - d1(u - h)) / (2 * h)
    U, T = (lambda e: e["u"]), (lambda e: e["t"])
    px, pt = np.array([0.3, 0.7]), np.array([0.5, 0.5])    # masses at x = 0, 1
    approx = lambda value, shown: (lambda e: shown)        # '\\approx' with three decimals: the steps' tolerance
    kl1, kl2 = kl(px, pt), kl(pt, px)
    a1 = 0.7 * LOG(0.7 / 0.5) + 0.3 * LOG(0.3 / 0.5)
    a2 = 0.5 * LOG(0.5 / 0.7) + 0.5 * LOG(0.5 / 0.3)
    fstar = lambda e: sup_positive(lambda u: T(e) * u - u * LOG(u))
    rows = {
        "fp": lambda e: d1(U(e)), "fp_r": lambda e: float(LOG(U(e)) + 1),
        "fpp": lambda e: d2(U(e)), "fpp_r": lambda e: 1.0 / U(e),
        "KL1": lambda e: kl1, "a1": lambda e: float(a1), "n1": approx(a1, 0.082),
        "KL2": lambda e: kl2, "a2": lambda e: float(a2), "n2": approx(a2, 0.087),
        "fs": fstar, "s1": fstar,
        "c1": lambda e: T(e) * EXP(T(e) - 1) - EXP(T(e) - 1) * (T(e) - 1),
        "c2": lambda e: float(EXP(T(e) - 1)),
    }
    steps = _tol([Step("=", "fp", "fp_r"), Step("=", "fpp", "fpp_r")]
                 + chain(["KL1", ("=", "a1"), ("=", "n1")]) + chain(["KL2", ("=", "a2"), ("=", "n2")])
                 + [Step("=", "fs", "s1")] + chain(["fs", ("=", "c1"), ("=", "c2")]), 1e-6)
    steps[3].tol = steps[5].tol = 5e-4                       # |0.08228 - 0.082|, |0.08718 - 0.087| < 3e-4
    a2bad = 0.5 * LOG(0.7 / 0.5) + 0.5 * LOG(0.5 / 0.3)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"fp_r": lambda e: float(LOG(U(e)))},
            {"fpp_r": lambda e: -1.0 / U(e)},
            {"n1": approx(a1, 0.087)},
            {"a2": lambda e: float(a2bad), "n2": approx(a2bad, 0.087)},
            {"s1": lambda e: sup_positive(lambda u: T(e) * u + u * LOG(u))},
            {"c2": lambda e: float(EXP(T(e) + 1))},
        ],
        lookalikes=[
            {"a1": lambda e: float(0.7 * LOG(0.7 / 0.5) + 0.3 * LOG(0.6))},
            {"c1": lambda e: EXP(T(e) - 1) * T(e) - (T(e) - 1) * EXP(T(e) - 1)},
            {"s1": lambda e: sup_positive(lambda s: T(e) * s - s * LOG(s))},
        ])


# ------------------------------------------------------------------ conjugate of u^2/2

def _conj_halfsquare():
    def sample(rng):
        return {"t": float(rng.uniform(-3.0, 3.0))}
    T = lambda e: e["t"]
    sup_real = lambda fun: grid_max(fun, -60.0, 60.0, 400001)[0]
    fstar = lambda e: sup_real(lambda u: T(e) * u - 0.5 * u ** 2)
    rows = {
        "fs": fstar, "s1": fstar,
        "c1": lambda e: T(e) * T(e) - 0.5 * T(e) ** 2,
        "c2": lambda e: 0.5 * T(e) ** 2,
    }
    steps = _tol([Step("=", "fs", "s1")] + chain(["fs", ("=", "c1"), ("=", "c2")]), 1e-6)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"s1": lambda e: sup_real(lambda u: T(e) * u + 0.5 * u ** 2)},
            {"c2": lambda e: T(e) ** 2},
            {"c1": lambda e: T(e) * T(e) + 0.5 * T(e) ** 2},
        ],
        lookalikes=[
            {"c1": lambda e: T(e) ** 2 - 0.5 * T(e) ** 2},
            {"s1": lambda e: sup_real(lambda s: T(e) * s - 0.5 * s ** 2)},
        ])


# ------------------------------------------------------------------ variational representation of D_f

def _fgan_variational():
    def sample(rng):
        e = _fsample(rng)
        raw = rng.normal(0, 1.2, size=(6, N))
        e["T"] = -np.exp(raw) if e["kind"] == "rkl" else raw   # a class of functions into dom f*
        return e
    f = lambda e: _GEN[e["kind"]]
    P, Q, K = (lambda e: e["p"]), (lambda e: e["q"]), (lambda e: e["kind"])
    Df = lambda e: float(np.sum(Q(e) * f(e)(P(e) / Q(e))))

    def pointwise(e, sign=-1.0):
        return float(np.sum([qq * _tsup(K(e), pp / qq, sign=sign) for pp, qq in zip(P(e), Q(e))]))

    def allT(e, weight="p"):
        # sup over all functions T of sum_x [w(x) T(x) - q(x) f*(T(x))] = the sum of pointwise suprema
        w = e[weight]
        return float(np.sum([qq * _tsup(K(e), ww / qq) for ww, qq in zip(w, Q(e))]))

    def allT_swapped(e):
        # sup_T E_P[T] - E_P[f*(T)]: sum_x p(x) sup_t (t - f*(t))
        return float(np.sum([pp * _tsup(K(e), 1.0) for pp in P(e)]))

    def cls(e, first="p", second="q"):
        return float(max(np.sum(e[first] * T) - np.sum(e[second] * _conj(K(e), T)) for T in e["T"]))
    rows = {
        "fu": lambda e: float(f(e)(e["u"])),
        "bic": lambda e: _tsup(K(e), e["u"]),
        "D": Df, "r1": pointwise,
        "r2": allT, "r3": allT, "r4": allT,
        "bound": cls,
    }
    steps = _tol([Step("=", "fu", "bic"), Step("=", "D", "r1"), Step("=", "D", "r2"), Step("=", "D", "r3"),
                  Step("=", "D", "r4"), Step("<=", "bound", "D")], 1e-6)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"bic": lambda e: _tsup(K(e), e["u"], sign=+1.0)},
            {"r1": lambda e: pointwise(e, sign=+1.0)},
            {"r3": lambda e: allT(e, weight="q")},
            {"r4": allT_swapped},
            {("rel", 6): ">="},
        ],
        lookalikes=[{}, {}, {}])


# ------------------------------------------------------------------ GAN conjugate, log-sigmoid, objective terms

def _gan_conjugate():
    def sample(rng):
        return {"u": float(np.exp(rng.uniform(-2.0, 2.0))), "t": float(rng.uniform(-3.0, 3.0)),
                "v": float(rng.normal(0, 2.0)), "V": rng.normal(0, 2.0, size=N), "p": pmf(rng, N)}
    neg_t = lambda e: {**e, "t": -abs(e["t"]) - 0.05}
    solve_u = lambda e: {**e, "t": float(-LOG((e["u"] + 1) / e["u"]))}   # the hypothesis (u+1)/u = e^{-t}
    fgan = lambda u, t: t * u - u * LOG(u) + (u + 1) * LOG(u + 1)
    fstar = lambda t: sup_positive(lambda u: fgan(u, t))
    sig = lambda v: 1.0 / (1.0 + EXP(-v))
    sigf = lambda v: -LOG(1.0 + EXP(-v))
    V0 = lambda e: float(e["V"][0])                                         # V_w at the point x
    rows = {
        "u": lambda e: e["u"], "u_r": lambda e: 1.0 / (EXP(-e["t"]) - 1.0),
        "fs": lambda e: fstar(e["t"]), "fs_r": lambda e: float(-LOG(1 - EXP(e["t"]))),
        "ls": lambda e: float(LOG(sig(e["v"]))), "ls1": lambda e: float(-LOG(1 + EXP(-e["v"]))),
        "ls2": lambda e: float(sigf(e["v"])),
        "Dw": lambda e: float(sig(V0(e))), "Dw1": lambda e: float(1.0 / (1.0 + EXP(-V0(e)))),
        "Tw": lambda e: float(sigf(V0(e))), "Tw1": lambda e: float(LOG(sig(V0(e)))),
        "ET": lambda e: float(np.sum(e["p"] * sigf(e["V"]))), "ElD": lambda e: float(np.sum(e["p"] * LOG(sig(e["V"])))),
        "fT": lambda e: fstar(float(sigf(V0(e)))),
        "fT1": lambda e: float(-LOG(1 - EXP(LOG(sig(V0(e)))))),
        "fT2": lambda e: float(-LOG(1 - sig(V0(e)))),
    }
    steps = _tol([Step("=", "u", "u_r", when=solve_u), Step("=", "fs", "fs_r", when=neg_t)]
                 + chain(["ls", ("=", "ls1"), ("=", "ls2")])
                 + [Step("=", "Dw", "Dw1"), Step("=", "Tw", "Tw1"), Step("=", "ET", "ElD")]
                 + chain(["fT", ("=", "fT1"), ("=", "fT2")]), 1e-6)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"u_r": lambda e: 1.0 / (EXP(-e["t"]) + 1.0)},
            {"fs_r": lambda e: float(LOG(1 - EXP(e["t"])))},
            {"ls1": lambda e: float(-LOG(1 + EXP(e["v"])))},
            {"Tw1": lambda e: float(LOG(1 - sig(V0(e))))},
            {"fT2": lambda e: float(LOG(1 - sig(V0(e))))},
        ],
        lookalikes=[
            {"u_r": lambda e: EXP(e["t"]) / (1.0 - EXP(e["t"]))},
            {"fs_r": lambda e: float(-LOG(1 - np.exp(e["t"])))},
            {"Dw1": lambda e: float(EXP(V0(e)) / (EXP(V0(e)) + 1.0))},
        ])


MODELS = {
    "s21d_fdiv_nonneg_harsha": _fdiv_nonneg(),
    "s21d_klgen_examples_harsha": _klgen_examples(),
    "s21d_conj_halfsquare_harsha": _conj_halfsquare(),
    "s21d_fgan_variational_harsha": _fgan_variational(),
    "s21d_gan_conjugate_harsha": _gan_conjugate(),
}

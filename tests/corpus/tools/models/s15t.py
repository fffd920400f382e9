"""Truth models of the s15t_ entries (a held-out set of GAN / f-GAN / LSGAN derivations from
lecture slides, Chinese study notes and Markdown tutorial notes: the discriminator's criterion as
one integral, the criterion at the optimal discriminator as KL and JS divergences, the f-divergence's
non-negativity by Jensen, KL / reverse KL / chi-square as f-divergences, the conjugate lower bound
with a discriminator, LSGAN's optimal discriminator at the Pearson labels).

Densities on random finite supports (integrals against counting measure), the generator's law as
the pushforward of a noise pmf by a random map, suprema over t by a dense grid, convex generators
with closed-form conjugates (KL: u log u, Pearson: (u - 1)^2, reverse KL: -log u). Nothing here
uses derive."""

from __future__ import annotations

import math

import numpy as np

from .base import Model, Step, chain, grid_max, js, kl, pmf

LOG = np.log
N = 5

_GEN = {
    "kl": lambda u: u * np.log(u),
    "pearson": lambda u: (u - 1.0) ** 2,
    "rkl": lambda u: -np.log(u),
}
_CONJ = {
    "kl": lambda t: np.exp(t - 1.0),
    "pearson": lambda t: t + t ** 2 / 4.0,
}


def _tol(steps, tol):
    for st in steps:
        st.tol = tol
    return steps


# ------------------------------------------------------------------ V(G, D) as one integral (STAT 5011 slides)

def _gan_sample(rng):
    pz = pmf(rng, N + 2)
    g = np.concatenate([rng.permutation(N), rng.integers(0, N, size=2)])
    pg = np.bincount(g, weights=pz, minlength=N)
    return {"pd": pmf(rng, N), "pz": pz, "g": g, "pg": pg, "D": rng.uniform(0.05, 0.95, size=N)}


def _dstar_stat5011():
    def V(e):
        D = e["D"]
        return float(np.sum(e["pd"] * LOG(D))) + float(np.sum(e["pz"] * LOG(1 - D[e["g"]])))

    def r1(e, inner_one=True, sign=1.0):
        D = e["D"]
        t = LOG(1 - D[e["g"]]) if inner_one else LOG(D[e["g"]])
        return float(np.sum(e["pd"] * LOG(D))) + sign * float(np.sum(e["pz"] * t))

    def r2(e, sign=1.0, w="pg"):
        D = e["D"]
        return float(np.sum(e["pd"] * LOG(D) + sign * e[w] * LOG(1 - D)))
    rows = {"V": V, "r1": r1, "r2": r2}
    steps = _tol(chain(["V", ("=", "r1"), ("=", "r2")]), 1e-10)
    return Model(
        sample=_gan_sample, rows=rows, steps=steps,
        mutants=[
            {"r2": lambda e: r2(e, sign=-1.0)},
            {"r2": lambda e: r2(e, w="pd")},
            {"r1": lambda e: r1(e, inner_one=False)},
            {"r1": lambda e: r1(e, sign=-1.0)},
        ],
        lookalikes=[
            {"r2": lambda e: float(np.sum(e["pg"] * LOG(1 - e["D"]) + e["pd"] * LOG(e["D"])))},
            {},
        ])


# ------------------------------------------------------------------ max_D V = -2 log 2 + 2 JSD (Pytorch Note46)

def _cg_pytorchnote():
    def sample(rng):
        return {"pd": pmf(rng, N), "pg": pmf(rng, N)}

    def vmax(e):
        # pointwise maximum over y in (0, 1) of a log y + b log(1 - y), by a grid
        return sum(grid_max(lambda y, a=a, b=b: a * np.log(y) + b * np.log(1 - y), 1e-6, 1 - 1e-6)[0]
                   for a, b in zip(e["pd"], e["pg"]))

    def vs(e):
        Ds = e["pd"] / (e["pd"] + e["pg"])
        return float(np.sum(e["pd"] * LOG(Ds) + e["pg"] * LOG(1 - Ds)))

    def e2(e, num="pg"):
        s = e["pd"] + e["pg"]
        return float(np.sum(e["pd"] * LOG(e["pd"] / s))) + float(np.sum(e["pg"] * LOG(e[num] / s)))

    def i3(e, half_g=0.5, halves=True):
        s = e["pd"] + e["pg"]
        if not halves:
            return float(np.sum(e["pd"] * LOG(0.5 * e["pd"] / (s / 2)))) + float(np.sum(e["pg"] * LOG(e["pg"] / s)))
        return float(np.sum(e["pd"] * LOG(0.5 * e["pd"] / (s / 2)))) + float(np.sum(e["pg"] * LOG(half_g * e["pg"] / (s / 2))))

    def k4(e, const=2.0, swap=False):
        m = (e["pd"] + e["pg"]) / 2
        second = kl(m, e["pg"]) if swap else kl(e["pg"], m)
        return -const * math.log(2) + kl(e["pd"], m) + second

    def j5(e, coef=2.0, swap=False, log4=False):
        j = js(e["pg"], e["pd"]) if swap else js(e["pd"], e["pg"])
        return (-math.log(4) if log4 else -2 * math.log(2)) + coef * j
    rows = {"max": vmax, "Vs": vs, "e2": e2, "i3": i3, "k4": k4, "j5": j5}
    steps = _tol(chain(["max", ("=", "Vs"), ("=", "e2"), ("=", "i3"), ("=", "k4"), ("=", "j5")]), 1e-10)
    steps[0].tol = 1e-7
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"e2": lambda e: e2(e, num="pd")},
            {"i3": lambda e: i3(e, half_g=2.0)},
            {"k4": lambda e: k4(e, const=1.0)},
            {"j5": lambda e: j5(e, coef=1.0)},
            {"k4": lambda e: k4(e, swap=True)},
        ],
        lookalikes=[
            {"j5": lambda e: j5(e, swap=True)},
            {"j5": lambda e: j5(e, log4=True)},
            {"i3": lambda e: i3(e, halves=False)},
        ])


# ------------------------------------------------------------------ D_f >= f(1) = 0 (f-divergence notes)

def _kind3(rng):
    return ("kl", "pearson", "rkl")[int(rng.integers(3))]


def _nonneg_lhynotes():
    def sample(rng):
        return {"p": pmf(rng, N), "q": pmf(rng, N), "kind": _kind3(rng)}
    f = lambda e: _GEN[e["kind"]]
    u = lambda e: e["p"] / e["q"]

    def d1(e, w="q"):
        return float(np.sum(e[w] * f(e)(u(e))))
    rows = {
        "Df": lambda e: float(np.sum(e["q"] * f(e)(u(e)))), "d1": d1,
        "j": lambda e: float(f(e)(np.sum(e["q"] * u(e)))), "f1": lambda e: float(f(e)(1.0)),
        "zero": lambda e: 0.0,
    }
    steps = _tol([Step("=", "Df", "d1"), Step(">=", "d1", "j"), Step("=", "j", "f1"), Step("=", "f1", "zero")], 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {("rel", 2): "<="},
            {"zero": lambda e: 1.0},
            {"d1": lambda e: d1(e, w="p")},
        ],
        lookalikes=[{}, {"j": lambda e: float(f(e)(np.sum(e["p"])))}])


# ------------------------------------------------------------------ KL, reverse KL, chi^2 as f-divergences

def _examples_lhynotes():
    def sample(rng):
        return {"p": pmf(rng, N), "q": pmf(rng, N)}
    u = lambda e: e["p"] / e["q"]
    Df = lambda e, g: float(np.sum(e["q"] * g(u(e))))
    rows = {
        "D1": lambda e: Df(e, lambda v: v * np.log(v)),
        "a1": lambda e: float(np.sum(e["q"] * u(e) * LOG(u(e)))),
        "b1": lambda e: float(np.sum(e["p"] * LOG(u(e)))),
        "D2": lambda e: Df(e, lambda v: -np.log(v)),
        "a2": lambda e: float(np.sum(e["q"] * (-LOG(u(e))))),
        "b2": lambda e: float(np.sum(e["q"] * LOG(e["q"] / e["p"]))),
        "D3": lambda e: Df(e, lambda v: (v - 1) ** 2),
        "a3": lambda e: float(np.sum(e["q"] * (u(e) - 1) ** 2)),
        "b3": lambda e: float(np.sum((e["p"] - e["q"]) ** 2 / e["q"])),
    }
    steps = _tol(chain(["D1", ("=", "a1"), ("=", "b1")]) + chain(["D2", ("=", "a2"), ("=", "b2")])
                 + chain(["D3", ("=", "a3"), ("=", "b3")]), 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"b1": lambda e: float(np.sum(e["q"] * LOG(u(e))))},
            {"b2": lambda e: float(np.sum(e["q"] * LOG(u(e))))},
            {"b3": lambda e: float(np.sum((e["p"] - e["q"]) ** 2 / e["p"]))},
            {"D2": lambda e: Df(e, lambda v: np.log(v))},
            {"D3": lambda e: Df(e, lambda v: (v - 1) ** 2 / 2)},
        ],
        lookalikes=[
            {"b2": lambda e: -float(np.sum(e["q"] * LOG(u(e))))},
            {"a3": lambda e: float(np.sum(e["q"] * (1 - u(e)) ** 2))},
        ])


# ------------------------------------------------------------------ conjugate lower bound with D (f-divergence notes)

def _conjugate_lhynotes():
    def sample(rng):
        return {"p": pmf(rng, N), "q": pmf(rng, N), "D": rng.normal(0, 1.2, size=N),
                "kind": ("kl", "pearson")[int(rng.integers(2))]}
    f = lambda e: _GEN[e["kind"]]
    fs = lambda e: _CONJ[e["kind"]]
    u = lambda e: e["p"] / e["q"]

    def r2(e, sign=-1.0):
        sups = [grid_max(lambda t, uk=uk: t * uk + sign * fs(e)(t), -30.0, 30.0)[0] for uk in u(e)]
        return float(np.sum(e["q"] * np.array(sups)))

    def r3(e, sign=-1.0):
        return float(np.sum(e["q"] * (u(e) * e["D"] + sign * fs(e)(e["D"]))))

    def r4(e, first="p"):
        return float(np.sum(e[first] * e["D"])) - float(np.sum(e["q"] * fs(e)(e["D"])))
    Df = lambda e: float(np.sum(e["q"] * f(e)(u(e))))
    rows = {"Df": Df, "d1": Df, "r2": r2, "Df3": Df, "r3": r3, "r4": r4}
    steps = [Step("=", "Df", "d1"), Step("=", "d1", "r2", tol=1e-6)] + chain(["Df3", (">=", "r3"), ("=", "r4")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {("rel", 3): "<="},
            {"r2": lambda e: r2(e, sign=+1.0)},
            {"r4": lambda e: r4(e, first="q")},
            {"r3": lambda e: r3(e, sign=+1.0)},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ LSGAN's D^* at a = -1, b = 1 (Markdown notes)

def _lsgan_dstar_lsgandoc():
    def sample(rng):
        return {"pd": pmf(rng, N), "pg": pmf(rng, N), "i": int(rng.integers(N)), "a": -1.0, "b": 1.0,
                "swapD": False}

    def Ds(e):
        i = e["i"]
        a, b = (e["b"], e["a"]) if e["swapD"] else (e["a"], e["b"])
        return float((b * e["pd"][i] + a * e["pg"][i]) / (e["pd"][i] + e["pg"][i]))

    def r(e, flip=False, den=+1.0):
        i = e["i"]
        num = e["pg"][i] - e["pd"][i] if flip else e["pd"][i] - e["pg"][i]
        return float(num / (e["pd"][i] + den * e["pg"][i]))
    chi = lambda e: float(np.sum((e["pd"] - e["pg"]) ** 2 / e["pg"]))   # standard Pearson chi^2(p_d || p_g)
    c1 = lambda e, den="pg": float(np.sum((e["pd"] - e["pg"]) ** 2 / e[den]))
    steps = _tol([Step("=", "chi", "c1"), Step("=", "Ds", "r")], 1e-10)
    return Model(
        sample=sample, rows={"chi": chi, "c1": c1, "Ds": Ds, "r": r}, steps=steps,
        mutants=[
            {"c1": lambda e: c1(e, den="pd")},
            {"r": lambda e: r(e, flip=True)},
            {"env": lambda e: {**e, "a": 1.0, "b": -1.0}},
            {"env": lambda e: {**e, "swapD": True}},
            {"r": lambda e: r(e, den=-1.0)},
        ],
        lookalikes=[
            {"c1": lambda e: float(np.sum((e["pg"] - e["pd"]) ** 2 / e["pg"]))},
            {"r": lambda e: float((-e["pg"][e["i"]] + e["pd"][e["i"]]) / (e["pd"][e["i"]] + e["pg"][e["i"]]))},
            {},
        ])


MODELS = {
    "s15t_gan_dstar_stat5011": _dstar_stat5011(),
    "s15t_gan_cg_pytorchnote": _cg_pytorchnote(),
    "s15t_fgan_nonneg_lhynotes": _nonneg_lhynotes(),
    "s15t_fgan_examples_lhynotes": _examples_lhynotes(),
    "s15t_fgan_conjugate_lhynotes": _conjugate_lhynotes(),
    "s15t_lsgan_dstar_lsgandoc": _lsgan_dstar_lsgandoc(),
}


# ------------------------------------------------------------------ the -log D trick (Lau's slides)

def _logd_lauslides():
    def sample(rng):
        return {"pr": pmf(rng, N), "pg": pmf(rng, N)}
    Ds = lambda e: e["pr"] / (e["pr"] + e["pg"])
    Eg = lambda e, v: float(np.sum(e["pg"] * v))

    def a1(e, inv=False):
        return Eg(e, LOG(e["pr"] / e["pg"])) if inv else Eg(e, LOG(e["pg"] / e["pr"]))

    def a3(e, inv=False):
        d = Ds(e)
        return Eg(e, LOG(d / (1 - d))) if inv else Eg(e, LOG((1 - d) / d))

    def b1(e, sign=-1.0):
        return kl(e["pg"], e["pr"]) + sign * Eg(e, LOG(1 - Ds(e)))

    def b2(e, coef=2.0, const=+1.0, under="pr", swap=False):
        j = js(e["pg"], e["pr"]) if swap else js(e["pr"], e["pg"])
        return kl(e["pg"], e["pr"]) - coef * j + const * 2 * math.log(2) + float(np.sum(e[under] * LOG(Ds(e))))
    s = lambda e: e["pr"] + e["pg"]
    rows = {
        "KL": lambda e: kl(e["pg"], e["pr"]), "a1": a1,
        "a2": lambda e: Eg(e, LOG((e["pg"] / s(e)) / (e["pr"] / s(e)))),
        "a3": a3, "a4": lambda e: Eg(e, LOG(1 - Ds(e))) - Eg(e, LOG(Ds(e))),
        "L": lambda e: Eg(e, -LOG(Ds(e))), "b1": b1, "b2": b2,
    }
    steps = _tol(chain(["KL", ("=", "a1"), ("=", "a2"), ("=", "a3"), ("=", "a4")])
                 + chain(["L", ("=", "b1"), ("=", "b2")]), 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"a3": lambda e: a3(e, inv=True)},
            {"a1": lambda e: a1(e, inv=True)},
            {"b2": lambda e: b2(e, coef=1.0)},
            {"b2": lambda e: b2(e, const=-1.0)},
            {"b2": lambda e: b2(e, under="pg")},
            {"b1": lambda e: b1(e, sign=+1.0)},
        ],
        lookalikes=[
            {"b2": lambda e: b2(e, swap=True)},
            {"b2": lambda e: kl(e["pg"], e["pr"]) - 2 * js(e["pr"], e["pg"]) + math.log(4)
             + float(np.sum(e["pr"] * LOG(Ds(e))))},
        ])


MODELS["s15t_gan_logd_lauslides"] = _logd_lauslides()

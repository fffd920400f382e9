"""Truth models of the s19a_ entries (GAN theory after Goodfellow et al. 2014, section 4, as
restated in the blog post 'An Annotated Proof Generative Adversarial Networks with Implementation
Notes': the generator term by the law of the unconscious statistician, the maximiser of
a log y + b log(1 - y), the value at p_G = p_data, C(G) with D_G^* plugged in, the log 2 trick, and
C(G) = -log 4 + KL + KL = -log 4 + 2 JSD).

Densities are random pmfs on a finite support (integrals against counting measure), the
generator's law is the pushforward of a noise pmf by a random map, a discriminator is a random
table of values in (0, 1), and pointwise identities in x are checked at a random point of the
support. Nothing here uses derive."""

from __future__ import annotations

import math

import numpy as np

from .base import Model, Step, chain, js, kl, pmf

LOG = np.log
N = 5
M = 7
L2 = math.log(2)


def _tight(steps, tol=1e-10):
    for st in steps:
        st.tol = tol
    return steps


def _sample(rng, equal=False):
    pd = pmf(rng, N)
    pg = pd.copy() if equal else pmf(rng, N)
    pz = pmf(rng, M)
    g = rng.integers(0, N, size=M)
    push = np.zeros(N)
    np.add.at(push, g, pz)
    a, b = rng.uniform(0.05, 1.0), rng.uniform(0.05, 1.0)
    return {"pd": pd, "pg": pg, "pz": pz, "g": g, "push": push,
            "D": rng.uniform(0.05, 0.95, size=N), "k": int(rng.integers(0, N)),
            "a": a, "b": b, "y": a / (a + b)}


# ------------------------------------------------------------------ LOTUS and the value function

def _lotus():
    def sample(rng):
        return _sample(rng)

    def e1(e, inner=lambda D: LOG(1 - D), law="push"):
        return float(np.sum(e[law] * inner(e["D"])))

    def v1(e, sign=-1):
        return float(np.sum(e["pd"] * LOG(e["D"]))) + float(np.sum(e["pz"] * LOG(1 + sign * e["D"][e["g"]])))

    def v2(e, second="push"):
        return float(np.sum(e["pd"] * LOG(e["D"]) + e[second] * LOG(1 - e["D"])))
    rows = {"e0": lambda e: float(np.sum(e["pz"] * LOG(1 - e["D"][e["g"]]))), "e1": e1,
            "v1": v1, "v2": v2}
    steps = _tight([Step("=", "e0", "e1"), Step("=", "v1", "v2")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"e1": lambda e: e1(e, inner=LOG)},
            {"e1": lambda e: e1(e, law="pd")},
            {"v2": lambda e: v2(e, second="pd")},
            {"v1": lambda e: v1(e, sign=+1)},
        ],
        lookalikes=[
            {"v2": lambda e: float(np.sum(e["push"] * LOG(1 - e["D"]) + e["pd"] * LOG(e["D"])))},
            {"e0": lambda e: float(np.sum(e["pz"] * LOG(-e["D"][e["g"]] + 1)))},
        ])


# ------------------------------------------------------------------ the maximiser a/(a+b), V <= int max

def _dstar():
    def sample(rng):
        return _sample(rng)

    def bound(e):
        pd, pg = e["pd"], e["pg"]
        s = pd + pg
        return float(np.sum(pd * LOG(pd / s) + pg * LOG(pg / s)))
    rows = {
        "r1": lambda e: e["a"] / e["y"] - e["b"] / (1 - e["y"]), "zero": lambda e: 0.0,
        "y": lambda e: e["y"], "sol": lambda e: e["a"] / (e["a"] + e["b"]),
        "V": lambda e: float(np.sum(e["pd"] * LOG(e["D"]) + e["pg"] * LOG(1 - e["D"]))),
        "B": bound,
    }
    steps = _tight([Step("=", "r1", "zero"), Step("=", "y", "sol"), Step("<=", "V", "B")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: e["a"] / e["y"] + e["b"] / (1 - e["y"])},
            {"sol": lambda e: e["b"] / (e["a"] + e["b"])},
            {("rel", 3): ">="},
            {"sol": lambda e: e["a"] / (e["a"] - e["b"])},
        ],
        lookalikes=[
            {"sol": lambda e: e["a"] / (e["b"] + e["a"])},
            {"r1": lambda e: e["a"] / e["y"], "zero": lambda e: e["b"] / (1 - e["y"])},
        ])


# ------------------------------------------------------------------ p_G = p_data: D^* = 1/2, V = -log 4

def _optvalue():
    def sample(rng):
        return _sample(rng, equal=True)
    k = lambda e: e["k"]
    rows = {
        "Ds": lambda e: e["pd"][k(e)] / (e["pd"][k(e)] + e["pg"][k(e)]),
        "frac": lambda e: e["pd"][k(e)] / (e["pd"][k(e)] + e["pg"][k(e)]),
        "half": lambda e: 0.5,
        "V": lambda e: float(np.sum(e["pd"] * LOG(e["pd"] / (e["pd"] + e["pg"]))
                                    + e["pg"] * LOG(1 - e["pd"] / (e["pd"] + e["pg"])))),
        "v3": lambda e: float(np.sum(e["pd"] * LOG(0.5) + e["pg"] * LOG(1 - 0.5))),
        "v4": lambda e: -L2 * float(np.sum(e["pg"])) - L2 * float(np.sum(e["pd"])),
        "v5": lambda e: -2 * L2, "v6": lambda e: -math.log(4),
    }
    steps = _tight(chain(["Ds", ("=", "frac"), ("=", "half")]) + [Step("=", "V", "v3")]
                   + chain(["V", ("=", "v4"), ("=", "v5"), ("=", "v6")]))
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"half": lambda e: 1.0},
            {"v6": lambda e: -L2},
            {"v3": lambda e: float(np.sum(e["pd"] * LOG(0.5) + e["pg"] * LOG(1 + 0.5)))},
            {"v5": lambda e: -L2},
        ],
        lookalikes=[
            {"v6": lambda e: math.log(0.25)},
            {"frac": lambda e: e["pd"][k(e)] / (e["pg"][k(e)] + e["pd"][k(e)])},
        ])


# ------------------------------------------------------------------ C(G) and 1 - D_G^*

def _C(e):
    pd, pg = e["pd"], e["pg"]
    s = pg + pd
    return float(np.sum(pd * LOG(pd / s) + pg * LOG(pg / s)))


def _cg():
    def sample(rng):
        return _sample(rng)
    pk = lambda e: (e["pd"][e["k"]], e["pg"][e["k"]])

    def c1(e, second="pg", swap_sum=False):
        pd, pg = e["pd"], e["pg"]
        s1 = pd + pg if swap_sum else pg + pd
        return float(np.sum(pd * LOG(pd / s1) + pg * LOG(e[second] / (pg + pd))))

    def r2(e, sign=-1):
        d, g = pk(e)
        return 1 + sign * d / (g + d)

    def r3(e, sign=-1):
        d, g = pk(e)
        return (g + d) / (g + d) + sign * d / (g + d)
    rows = {
        "C": _C, "c1": c1,
        "r1": lambda e: 1 - pk(e)[0] / (pk(e)[1] + pk(e)[0]), "r2": r2, "r3": r3,
        "r4": lambda e: pk(e)[1] / (pk(e)[1] + pk(e)[0]),
    }
    steps = _tight([Step("=", "C", "c1")] + chain(["r1", ("=", "r2"), ("=", "r3"), ("=", "r4")]))
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"c1": lambda e: c1(e, second="pd")},
            {"r2": lambda e: r2(e, sign=+1)},
            {"r3": lambda e: r3(e, sign=+1)},
            {"r4": lambda e: pk(e)[0] / (pk(e)[1] + pk(e)[0])},
        ],
        lookalikes=[
            {"r4": lambda e: pk(e)[1] / (pk(e)[0] + pk(e)[1])},
            {"c1": lambda e: c1(e, swap_sum=True)},
        ])


# ------------------------------------------------------------------ adding and subtracting log 2

def _addsub():
    def sample(rng):
        return _sample(rng)

    def a1(e, c2=0.0):
        pd, pg = e["pd"], e["pg"]
        s = pg + pd
        return float(np.sum((L2 - L2) * pd + pd * LOG(pd / s) + c2 * pg + pg * LOG(pg / s)))

    def a2(e, lead=-L2, sign_g=+1):
        pd, pg = e["pd"], e["pg"]
        s = pg + pd
        return lead * float(np.sum(pg + pd)) + float(np.sum(pd * (L2 + LOG(pd / s))
                                                            + pg * (L2 + sign_g * LOG(pg / s))))
    rows = {"C": _C, "a1": a1, "a2": a2}
    steps = _tight([Step("=", "C", "a1"), Step("=", "C", "a2")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"a1": lambda e: a1(e, c2=2 * L2)},
            {"a2": lambda e: a2(e, lead=+L2)},
            {"a2": lambda e: a2(e, sign_g=-1)},
            {"a2": lambda e: a2(e, lead=-2 * L2)},
        ],
        lookalikes=[
            {"a1": lambda e: a1(e)},
            {"a2": lambda e: -L2 * float(np.sum(e["pd"] + e["pg"])) + a2(e, lead=0.0)},
        ])


# ------------------------------------------------------------------ -log 4 + KL + KL = -log 4 + 2 JSD

def _kljsd():
    def sample(rng):
        return _sample(rng)
    pk = lambda e: (e["pd"][e["k"]], e["pg"][e["k"]])

    def k5(e, half=True):
        d, g = pk(e)
        return math.log(d / ((g + d) / 2)) if half else math.log(d / ((g + d) * 2))

    def k6(e, c=math.log(4)):
        pd, pg = e["pd"], e["pg"]
        m = (pg + pd) / 2
        return -c + float(np.sum(pd * LOG(pd / m))) + float(np.sum(pg * LOG(pg / m)))

    def k7(e, swap=False):
        pd, pg = e["pd"], e["pg"]
        m = (pd + pg) / 2
        return -math.log(4) + kl(pd, m) + (kl(m, pg) if swap else kl(pg, m))

    def k8(e, coef=2, swap=False):
        pd, pg = e["pd"], e["pg"]
        return -math.log(4) + coef * (js(pg, pd) if swap else js(pd, pg))
    rows = {
        "k0": lambda e: -L2 * float(np.sum(e["pg"] + e["pd"])), "k1": lambda e: -L2 * (1 + 1),
        "k2": lambda e: -2 * L2, "k3": lambda e: -math.log(4),
        "l0": lambda e: L2 + math.log(pk(e)[0] / (pk(e)[1] + pk(e)[0])),
        "l1": lambda e: math.log(2 * pk(e)[0] / (pk(e)[1] + pk(e)[0])), "l2": k5,
        "C": _C, "k6": k6, "k7": k7, "k8": k8,
    }
    steps = _tight(chain(["k0", ("=", "k1"), ("=", "k2"), ("=", "k3")])
                   + chain(["l0", ("=", "l1"), ("=", "l2")])
                   + [Step("=", "C", "k6"), Step("=", "C", "k7"), Step("=", "C", "k8")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"k2": lambda e: -L2},
            {"l1": lambda e: math.log(0.5 * pk(e)[0] / (pk(e)[1] + pk(e)[0]))},
            {"l2": lambda e: k5(e, half=False)},
            {"k7": lambda e: k7(e, swap=True)},
            {"k8": lambda e: k8(e, coef=1)},
            {"k6": lambda e: k6(e, c=L2)},
        ],
        lookalikes=[
            {"k8": lambda e: k8(e, swap=True)},
            {"k3": lambda e: math.log(0.25)},
            {"l1": lambda e: math.log((2 * pk(e)[0]) / (pk(e)[1] + pk(e)[0]))},
        ])


MODELS = {
    "s19a_gan_lotus_annotated": _lotus(),
    "s19a_gan_dstar_annotated": _dstar(),
    "s19a_gan_optvalue_annotated": _optvalue(),
    "s19a_gan_cg_annotated": _cg(),
    "s19a_gan_addsub_annotated": _addsub(),
    "s19a_gan_kljsd_annotated": _kljsd(),
}

"""Truth models of the s14p_ entries (a held-out set of GAN / f-GAN derivations restated in a course
report notebook, a blog post, a Chinese Q&A page and Portuguese and Chinese study notes: the
variational lower bound of an f-divergence over a class of functions, the tangent-line bound, the
biconjugate bound with a discriminator, the GAN objective at the optimum and at the optimal
discriminator, C(G) as KL and JS divergences).

Densities on random finite supports (integrals against counting measure), the generator's law as
the pushforward of a noise pmf by a random map, f among two convex generators with closed-form
conjugates (KL: u log u, Pearson: (u - 1)^2), pointwise suprema over t by a dense grid with
refinement, a class of functions as a few random tables. Nothing here uses derive."""

from __future__ import annotations

import math

import numpy as np

from .base import Model, Step, chain, grid_max, js, kl, pmf, tight

LOG = np.log
N = 5

# f(u), f'(u), f^*(t)
_F = {
    "kl": (lambda u: u * np.log(u), lambda u: np.log(u) + 1.0, lambda t: np.exp(t - 1.0)),
    "pearson": (lambda u: (u - 1.0) ** 2, lambda u: 2.0 * (u - 1.0), lambda t: t + t ** 2 / 4.0),
}


def _kind(rng):
    return ("kl", "pearson")[int(rng.integers(2))]


def _psup(fs, u, sign=-1.0):
    """sum-ready array of sup_t (t u_k + sign f^*(t)) for each u_k (grid on [-30, 30])."""
    return np.array([grid_max(lambda t, uk=uk: t * uk + sign * fs(t), -30.0, 30.0)[0] for uk in u])


# ------------------------------------------------------------------ f-divergence bound over a class (notebook)

def _bound_comparegan():
    K = 4

    def sample(rng):
        return {"p": pmf(rng, N), "q": pmf(rng, N), "T": rng.normal(0, 1.2, size=(K, N)), "kind": _kind(rng)}
    f = lambda e: _F[e["kind"]][0]
    fs = lambda e: _F[e["kind"]][2]
    u = lambda e: e["p"] / e["q"]

    def d1(e, w="q"):
        return float(np.sum(e[w] * f(e)(u(e))))

    def r1(e, sign=-1.0):
        return float(np.sum(e["q"] * _psup(fs(e), u(e), sign)))

    def r2(e):
        return max(float(np.sum(e["p"] * T)) - float(np.sum(e["q"] * fs(e)(T))) for T in e["T"])

    def r3(e, swap=False):
        a, b = ("q", "p") if swap else ("p", "q")
        return max(float(np.sum(e[a] * T)) - float(np.sum(e[b] * fs(e)(T))) for T in e["T"])
    rows = {"Df": lambda e: d1(e), "d1": d1, "Df2": lambda e: d1(e), "r1": r1, "r2": r2, "r3": r3}
    steps = [Step("=", "Df", "d1"), Step("=", "Df2", "r1", tol=1e-6), Step(">=", "r1", "r2", tol=1e-6),
             Step("=", "r2", "r3")]
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {("rel", 3): "<="},
            {"r1": lambda e: r1(e, sign=+1.0)},
            {"r3": lambda e: r3(e, swap=True)},
            {"d1": lambda e: d1(e, w="p")},
        ],
        lookalikes=[
            {"r3": lambda e: max(-float(np.sum(e["q"] * fs(e)(T))) + float(np.sum(e["p"] * T)) for T in e["T"])},
            {"r1": lambda e: float(np.sum(e["q"] * _psup(fs(e), u(e))))},
        ])


# ------------------------------------------------------------------ tangent-line bound (Sobolev)

def _tangent_sobolev():
    def sample(rng):
        return {"p": pmf(rng, N), "q": pmf(rng, N), "r": rng.uniform(0.2, 3.0, size=N),
                "i": int(rng.integers(N)), "kind": _kind(rng)}
    f = lambda e: _F[e["kind"]][0]
    fp = lambda e: _F[e["kind"]][1]
    u = lambda e: e["p"] / e["q"]
    Eq = lambda e, v: float(np.sum(e["q"] * v))
    Ep = lambda e, v: float(np.sum(e["p"] * v))

    def t2(e, expand=False):
        i, r = e["i"], e["r"]
        if expand:
            return float(f(e)(r[i]) + fp(e)(r[i]) * u(e)[i] - fp(e)(r[i]) * r[i])
        return float(f(e)(r[i]) + fp(e)(r[i]) * (u(e)[i] - r[i]))

    def c2(e, second="p", sign=-1.0, swap=False):
        r = e["r"]
        a, b = Eq(e, f(e)(r)), (Ep(e, fp(e)(r)) if second == "p" else Eq(e, fp(e)(r)))
        return (b + a if swap else a + b) + sign * Eq(e, fp(e)(r) * r)
    rows = {
        "Df": lambda e: kl(e["p"], e["q"]) if e["kind"] == "kl" else float(np.sum((e["p"] - e["q"]) ** 2 / e["q"])),
        "d1": lambda e: Eq(e, f(e)(u(e))),
        "t1": lambda e: float(f(e)(u(e)[e["i"]])), "t2": t2,
        "Db": lambda e: Eq(e, f(e)(u(e))),
        "c1": lambda e: Eq(e, f(e)(e["r"]) + fp(e)(e["r"]) * (u(e) - e["r"])),
        "c2": c2,
    }
    steps = tight([Step("=", "Df", "d1"), Step(">=", "t1", "t2")] + chain(["Db", (">=", "c1"), ("=", "c2")]), 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {("rel", 2): "<="},
            {"c2": lambda e: c2(e, second="q")},
            {"c2": lambda e: c2(e, sign=+1.0)},
            {"d1": lambda e: Ep(e, f(e)(u(e)))},
        ],
        lookalikes=[
            {"c2": lambda e: c2(e, swap=True)},
            {"t2": lambda e: t2(e, expand=True)},
        ])


# ------------------------------------------------------------------ biconjugate bound with a discriminator (zh Q&A)

def _conjugate_zhqa():
    def sample(rng):
        return {"p": pmf(rng, N), "q": pmf(rng, N), "D": rng.normal(0, 1.2, size=N),
                "x": rng.uniform(0.2, 3.0), "kind": _kind(rng)}
    f = lambda e: _F[e["kind"]][0]
    fs = lambda e: _F[e["kind"]][2]
    u = lambda e: e["p"] / e["q"]

    def b1(e, sign=-1.0):
        return float(_psup(fs(e), np.array([e["x"]]), sign)[0])

    def r3(e, inv=False):
        v = e["q"] / e["p"] if inv else u(e)
        return float(np.sum(e["q"] * _psup(fs(e), v)))

    def r5(e, second="q", split=False):
        return float(np.sum(e["p"] * e["D"])) - float(np.sum(e[second] * fs(e)(e["D"])))
    rows = {
        "fx": lambda e: float(f(e)(e["x"])), "b1": b1,
        "Df": lambda e: kl(e["p"], e["q"]) if e["kind"] == "kl" else float(np.sum((e["p"] - e["q"]) ** 2 / e["q"])),
        "d2": lambda e: float(np.sum(e["q"] * f(e)(u(e)))),
        "Df3": lambda e: float(np.sum(e["q"] * f(e)(u(e)))), "r3": r3,
        "Df4": lambda e: float(np.sum(e["q"] * f(e)(u(e)))),
        "r4": lambda e: float(np.sum(e["q"] * (u(e) * e["D"] - fs(e)(e["D"])))),
        "r5": r5,
    }
    steps = [Step("=", "fx", "b1", tol=1e-6), Step("=", "Df", "d2"), Step("=", "Df3", "r3", tol=1e-6)] \
        + chain(["Df4", (">=", "r4"), ("=", "r5")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"b1": lambda e: b1(e, sign=+1.0)},
            {("rel", 4): "<="},
            {"r5": lambda e: r5(e, second="p")},
            {"d2": lambda e: float(np.sum(e["p"] * f(e)(u(e))))},
            {"r3": lambda e: r3(e, inv=True)},
        ],
        lookalikes=[{}, {}, {}])


# ------------------------------------------------------------------ GAN: shared instance (generator as a pushforward)

def _gan_sample(rng):
    pz = pmf(rng, N + 2)
    G = np.concatenate([rng.permutation(N), rng.integers(0, N, size=2)])
    pg = np.bincount(G, weights=pz, minlength=N)
    return {"pd": pmf(rng, N), "pz": pz, "G": G, "pg": pg, "D": rng.uniform(0.05, 0.95, size=N),
            "P": pmf(rng, N), "Q": pmf(rng, N)}


def _dstar(e):
    return e["pd"] / (e["pd"] + e["pg"])


def _V(e, D):
    """E_{p_data}[log D] + E_{p_z}[log(1 - D(G(z)))]."""
    return float(np.sum(e["pd"] * LOG(D))) + float(np.sum(e["pz"] * LOG(1 - D[e["G"]])))


# ------------------------------------------------------------------ GAN objective at the optimum (pt notes)

def _value_ptnotes():
    def a1(e, plus=False):
        second = math.log(1 + 0.5) if plus else math.log(1 - 0.5)
        return float(np.sum(e["pd"])) * math.log(0.5) + float(np.sum(e["pz"])) * second

    def b2(e, sign=+1.0):
        D = e["D"]
        return float(np.sum(e["pd"] * LOG(D))) + sign * float(np.sum(e["pg"] * LOG(1 - D)))

    def c1(e, num="pg"):
        s = e["pd"] + e["pg"]
        return float(np.sum(e["pd"] * LOG(e["pd"] / s))) + float(np.sum(e["pg"] * LOG(e[num] / s)))

    def c2(e, coef=2.0):
        return -math.log(4) + coef * js(e["pd"], e["pg"])
    rows = {
        "a1": a1, "a2": lambda e: 2 * math.log(0.5), "a3": lambda e: -math.log(4),
        "V": lambda e: _V(e, e["D"]), "b2": b2,
        "Vs": lambda e: _V(e, _dstar(e)), "c1": c1, "c2": c2,
    }
    steps = tight(chain(["a1", ("=", "a2"), ("=", "a3")]) + [Step("=", "V", "b2")]
                   + chain(["Vs", ("=", "c1"), ("=", "c2")]), 1e-10)
    return Model(
        sample=_gan_sample, rows=rows, steps=steps,
        mutants=[
            {"a2": lambda e: 0.0},
            {"b2": lambda e: b2(e, sign=-1.0)},
            {"c2": lambda e: c2(e, coef=1.0)},
            {"c1": lambda e: c1(e, num="pd")},
            {"a1": lambda e: a1(e, plus=True)},
        ],
        lookalikes=[
            {"c2": lambda e: -math.log(4) + 2 * js(e["pg"], e["pd"])},
            {"c2": lambda e: 2 * js(e["pd"], e["pg"]) - math.log(4)},
            {"a1": lambda e: float(np.sum(e["pd"])) * math.log(0.5) + float(np.sum(e["pz"])) * math.log(0.5)},
        ])


# ------------------------------------------------------------------ C(G) as KL and JS (zh notes)

def _cg_dsnotes():
    def v1(e, inner_one=True):
        D = e["D"]
        g = LOG(1 - D[e["G"]]) if inner_one else LOG(D[e["G"]])
        return float(np.sum(e["pd"] * LOG(D))) + float(np.sum(e["pz"] * g))

    def v2(e, sign=+1.0):
        D = e["D"]
        return float(np.sum(e["pd"] * LOG(D) + sign * e["pg"] * LOG(1 - D)))

    def c1(e, num="pg"):
        s = e["pd"] + e["pg"]
        return float(np.sum(e["pd"] * LOG(e["pd"] / s))) + float(np.sum(e["pg"] * LOG(e[num] / s)))

    def c2(e, const=4.0):
        m = (e["pd"] + e["pg"]) / 2
        return kl(e["pd"], m) + kl(e["pg"], m) - math.log(const)

    def c3(e, coef=2.0, swap=False):
        j = js(e["pg"], e["pd"]) if swap else js(e["pd"], e["pg"])
        return coef * j - math.log(4)

    def k2(e, under="P"):
        return float(np.sum(e[under] * LOG(e["P"] / e["Q"])))

    def j1(e, first=0.5):
        M = (e["P"] + e["Q"]) / 2
        return first * kl(e["P"], M) + 0.5 * kl(e["Q"], M)
    C = lambda e: _V(e, _dstar(e))
    rows = {
        "V": lambda e: _V(e, e["D"]), "v1": v1, "V2": lambda e: _V(e, e["D"]), "v2": v2,
        "C1": C, "c1": c1, "C2": C, "c2": c2, "C3": C, "c3": c3,
        "KL": lambda e: kl(e["P"], e["Q"]), "k1": lambda e: float(np.sum(e["P"] * LOG(e["P"] / e["Q"]))), "k2": k2,
        "JSD": lambda e: js(e["P"], e["Q"]), "j1": j1,
    }
    steps = tight([Step("=", "V", "v1"), Step("=", "V2", "v2"), Step("=", "C1", "c1"), Step("=", "C2", "c2"),
                    Step("=", "C3", "c3")] + chain(["KL", ("=", "k1"), ("=", "k2")]) + [Step("=", "JSD", "j1")], 1e-10)
    return Model(
        sample=_gan_sample, rows=rows, steps=steps,
        mutants=[
            {"v1": lambda e: v1(e, inner_one=False)},
            {"v2": lambda e: v2(e, sign=-1.0)},
            {"c1": lambda e: c1(e, num="pd")},
            {"c2": lambda e: c2(e, const=2.0)},
            {"c3": lambda e: c3(e, coef=1.0)},
            {"k2": lambda e: k2(e, under="Q")},
            {"j1": lambda e: j1(e, first=1.0)},
        ],
        lookalikes=[
            {"c3": lambda e: c3(e, swap=True)},
            {"c3": lambda e: 2 * js(e["pd"], e["pg"]) - 2 * math.log(2)},
            {"k1": lambda e: -float(np.sum(e["P"] * LOG(e["Q"] / e["P"])))},
        ])


# ------------------------------------------------------------------ V(G, D^*_G) = 2 JSD - log 4 (pt notes)

def _jsd_ptnotes():
    def sample(rng):
        return {"pd": pmf(rng, N), "pg": pmf(rng, N), "swapD": False}

    def V(e):
        s = e["pd"] + e["pg"]
        D = (e["pg"] if e["swapD"] else e["pd"]) / s
        return float(np.sum(e["pd"] * LOG(D))) + float(np.sum(e["pg"] * LOG(1 - D)))

    def r(e, coef=2.0, const=4.0):
        return coef * js(e["pd"], e["pg"]) - math.log(const)
    steps = tight([Step("=", "V", "r")], 1e-10)
    return Model(
        sample=sample, rows={"V": V, "r": r}, steps=steps,
        mutants=[
            {"r": lambda e: r(e, coef=1.0)},
            {"r": lambda e: r(e, const=2.0)},
            {"env": lambda e: {**e, "swapD": True}},
        ],
        lookalikes=[
            {"r": lambda e: 2 * js(e["pg"], e["pd"]) - math.log(4)},
            {"r": lambda e: 2 * js(e["pd"], e["pg"]) - 2 * math.log(2)},
            {"r": lambda e: -math.log(4) + 2 * js(e["pd"], e["pg"])},
        ])


MODELS = {
    "s14p_fgan_bound_comparegan": _bound_comparegan(),
    "s14p_fgan_tangent_sobolev": _tangent_sobolev(),
    "s14p_fgan_conjugate_zhqa": _conjugate_zhqa(),
    "s14p_gan_value_ptnotes": _value_ptnotes(),
    "s14p_gan_cg_dsnotes": _cg_dsnotes(),
    "s14p_gan_jsd_ptnotes": _jsd_ptnotes(),
}

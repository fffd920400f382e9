"""Truth models of the s19b_ entries (a held-out set on f-divergences and their neighbours, from
Markdown notes on importance sampling, research notes with Bernoulli lemmas, worked solutions of a
Cambridge Part III exam and a Chinese blog post on f-GAN: chi^2 as the variance of importance
weights, TV and chi^2 between two Bernoullis, D(P||Q) <= (log e) chi^2(P||Q), the lower half of
the Gibbs variational principle, the conjugate of x log x).

Pmfs on random finite supports (integrals and sums against counting measure), Bernoulli
parameters drawn in (0, 1), a real function g as a random table, the conjugate as a supremum over
u > 0 on a dense log grid. Nothing here uses derive."""

from __future__ import annotations

import math

import numpy as np

from .base import Model, Step, chain, kl, pmf, sup_positive

N = 6


# ------------------------------------------------------------------ chi^2 as the variance of the weights

def _isweights():
    def sample(rng):
        return {"p": pmf(rng, N), "q": pmf(rng, N)}
    w = lambda e: e["p"] / e["q"]
    rows = {
        "X": lambda e: float(np.sum(e["q"] * (e["p"] / e["q"] - 1) ** 2)),   # Pearson chi^2(p||q)
        "chi": lambda e: float(np.sum((e["p"] - e["q"]) ** 2 / e["q"])),
        "r1": lambda e: float(np.sum((w(e) - 1) ** 2 * e["q"])),
        "r2": lambda e: float(np.sum(e["q"] * (w(e) - 1) ** 2)),
        "r3": lambda e: float(np.sum(e["q"] * w(e) ** 2)) - 1,
    }
    steps = chain(["X", ("=", "chi"), ("=", "r1"), ("=", "r2"), ("=", "r3")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: float(np.sum((w(e) - 1) ** 2 * e["p"]))},
            {"r3": lambda e: float(np.sum(e["q"] * w(e) ** 2)) + 1},
            {"r2": lambda e: float(np.sum(e["q"] * (w(e) - 1))) ** 2},
            {"chi": lambda e: float(np.sum((e["p"] - e["q"]) ** 2 / e["p"]))},
        ],
        lookalikes=[
            {"r3": lambda e: -1 + float(np.sum(e["q"] * w(e) ** 2))},
            {"r1": lambda e: float(np.sum(e["q"] * (w(e) - 1) ** 2))},
            {"r2": lambda e: float(np.sum(e["q"] * (1 - w(e)) ** 2))},
        ])


# ------------------------------------------------------------------ Bernoulli lemmas

def _bern_sample(rng):
    return {"p": float(rng.uniform(0.05, 0.95)), "q": float(rng.uniform(0.05, 0.95))}


def _tv_bernoulli():
    rows = {
        "T": lambda e: 0.5 * float(np.sum(np.abs(np.array([e["p"], 1 - e["p"]]) - np.array([e["q"], 1 - e["q"]])))),
        "tv": lambda e: 0.5 * (abs(e["p"] - e["q"]) + abs((1 - e["p"]) - (1 - e["q"]))),
        "r1": lambda e: 0.5 * (abs(e["p"] - e["q"]) + abs(e["p"] - e["q"])),
        "r2": lambda e: abs(e["p"] - e["q"]),
    }
    steps = chain(["T", ("=", "tv"), ("=", "r1"), ("=", "r2")])
    return Model(
        sample=_bern_sample, rows=rows, steps=steps,
        mutants=[
            {"tv": lambda e: 0.5 * (abs(e["p"] - e["q"]) + abs((1 - e["p"]) + (1 - e["q"])))},
            {"r2": lambda e: 2 * abs(e["p"] - e["q"])},
            {"r1": lambda e: 0.5 * (abs(e["p"] - e["q"]) + abs(1 - e["p"] - e["q"]))},
        ],
        lookalikes=[
            {"r2": lambda e: abs(e["q"] - e["p"])},
            {"r1": lambda e: 0.5 * (abs(e["p"] - e["q"]) + abs(e["q"] - e["p"]))},
        ])


def _chi2_bernoulli():
    def defn(e, second="q"):
        d2 = ((1 - e["p"]) - (1 - e["q"])) ** 2
        return (e["p"] - e["q"]) ** 2 / e["q"] + d2 / (1 - e[second])

    def r1(e, second="q", flip=False):
        d = (e["q"] - e["p"]) if flip else (e["p"] - e["q"])
        return d ** 2 / e["q"] + d ** 2 / (1 - e[second])

    def r2(e, den=None, power=2):
        return (e["p"] - e["q"]) ** power * (1 / (e["q"] * (1 - e["q"])) if den is None else den(e))
    rows = {"chi": defn, "r1": r1, "r2": r2}
    steps = chain(["chi", ("=", "r1"), ("=", "r2")])
    return Model(
        sample=_bern_sample, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: r1(e, second="p")},
            {"r2": lambda e: r2(e, den=lambda e: 1 / (e["q"] * (1 + e["q"])))},
            {"r2": lambda e: r2(e, power=1)},
            {"chi": lambda e: defn(e, second="p")},
        ],
        lookalikes=[
            {"r2": lambda e: (e["p"] - e["q"]) ** 2 / (e["q"] * (1 - e["q"]))},
            {"r1": lambda e: r1(e, flip=True)},
        ])


# ------------------------------------------------------------------ Cambridge 3(c): D <= (log e) chi^2

def _kl_chi2_cambridge():
    def sample(rng):
        return {"P": pmf(rng, N), "Q": pmf(rng, N), "b": (math.e, 2.0)[int(rng.integers(2))]}
    loge = lambda e: 1 / math.log(e["b"])

    def r1(e, inv=False):
        u = e["Q"] / e["P"] if inv else e["P"] / e["Q"]
        return loge(e) * float(np.sum(e["P"] * (u - 1)))
    chi = lambda e: float(np.sum((e["P"] - e["Q"]) ** 2 / e["Q"]))
    rows = {
        "D": lambda e: kl(e["P"], e["Q"]) / math.log(e["b"]),
        "r1": r1,
        "s0": lambda e: float(np.sum(e["P"] * (e["P"] - e["Q"]) / e["Q"])),
        "s1": chi,
        "s2": chi,
    }
    steps = [Step("<=", "D", "r1")] + chain(["s0", ("=", "s1"), ("=", "s2")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {("rel", 1): ">="},
            {"r1": lambda e: r1(e, inv=True)},
            {"s1": lambda e: float(np.sum((e["P"] - e["Q"]) ** 2 / e["P"]))},
            {"s0": lambda e: float(np.sum(e["Q"] * (e["P"] - e["Q"]) / e["Q"]))},
        ],
        lookalikes=[
            {"r1": lambda e: loge(e) * float(np.sum(e["P"] * (e["P"] - e["Q"]) / e["Q"]))},
            {"s2": lambda e: float(np.sum((e["Q"] - e["P"]) ** 2 / e["Q"]))},
        ])


# ------------------------------------------------------------------ Cambridge 3(d): Gibbs variational lower bound

def _gibbs_cambridge():
    def sample(rng):
        return {"P": pmf(rng, N), "Q": pmf(rng, N), "g": rng.normal(0, 1.0, size=N)}
    Eg = lambda e: float(np.sum(e["P"] * e["g"]))
    rows = {
        "l": lambda e: Eg(e) - kl(e["P"], e["Q"]),
        "r1": lambda e: float(np.sum(e["P"] * np.log(np.exp(e["g"]) * e["Q"] / e["P"]))),
        "r2": lambda e: float(np.log(np.sum(e["P"] * np.exp(e["g"]) * e["Q"] / e["P"]))),
        "r3": lambda e: float(np.log(np.sum(e["Q"] * np.exp(e["g"])))),
    }
    steps = chain(["l", ("=", "r1"), ("<=", "r2"), ("=", "r3")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {("rel", 2): ">="},
            {"l": lambda e: Eg(e) + kl(e["P"], e["Q"])},
            {"l": lambda e: Eg(e) - kl(e["Q"], e["P"])},
            {"r3": lambda e: float(np.sum(e["Q"] * e["g"]))},
        ],
        lookalikes=[
            {"r3": lambda e: float(np.log(np.sum(e["Q"] * np.exp(e["g"]))))},
            {"r1": lambda e: float(np.sum(e["P"] * (e["g"] + np.log(e["Q"] / e["P"]))))},
        ])


# ------------------------------------------------------------------ conjugate of x log x (forever97)

def _klconj_forever97():
    def sample(rng):
        return {"t": float(rng.uniform(-2.0, 2.5))}
    E = lambda e: math.exp(e["t"] - 1)
    rows = {
        "fs": lambda e: sup_positive(lambda u: u * e["t"] - u * np.log(u)),
        "r1": lambda e: E(e) * e["t"] - E(e) * (e["t"] - 1),
        "r2": lambda e: E(e),
    }
    steps = chain(["fs", ("=", "r1"), ("=", "r2")])
    for st in steps:
        st.tol = 1e-6
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: E(e) * e["t"] - E(e) * (e["t"] + 1)},
            {"r2": lambda e: math.exp(e["t"] + 1)},
            {"r1": lambda e: E(e) * e["t"] + E(e) * (e["t"] - 1)},
            {"r1": lambda e: 2 * E(e) * e["t"] - E(e) * (e["t"] - 1)},
        ],
        lookalikes=[
            {"r1": lambda e: e["t"] * E(e) - E(e) * (e["t"] - 1)},
            {"r2": lambda e: math.e ** (e["t"] - 1)},
        ])


MODELS = {
    "s19b_chi2_isweights_mcnotes": _isweights(),
    "s19b_tv_bernoulli_lemmas": _tv_bernoulli(),
    "s19b_chi2_bernoulli_lemmas": _chi2_bernoulli(),
    "s19b_kl_chi2_cambridge": _kl_chi2_cambridge(),
    "s19b_gibbs_var_cambridge": _gibbs_cambridge(),
    "s19b_fgan_klconj_forever97": _klconj_forever97(),
}

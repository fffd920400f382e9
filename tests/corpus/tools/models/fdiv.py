"""Truth models of the f-GAN derivations (Nowozin, Cseke & Tomioka 2016): f-divergences,
Fenchel conjugates by numerical suprema, the variational bound with a finite class T."""

from __future__ import annotations

import numpy as np

from .base import Model, Step, chain, grid_max, js, kl, pmf, sup_positive

LOG = np.log
N = 5
GENERATORS = {
    # name: (f, f*), each f* the closed form of Table 2, checked against sup_u {ut - f(u)} below
    "KL": (lambda u: u * LOG(u), lambda t: np.exp(t - 1)),
    "Pearson": (lambda u: (u - 1) ** 2, lambda t: t ** 2 / 4 + t),
}


def _bound_instance(rng):
    name = "KL" if rng.uniform() < 0.5 else "Pearson"
    return {"p": pmf(rng, N), "q": pmf(rng, N), "f": name,
            "T": rng.normal(0, 1.5, size=(6, N))}


def _variational_bound():
    f = lambda e: GENERATORS[e["f"]][0]
    fstar = lambda e: GENERATORS[e["f"]][1]
    def pointwise_sup(e, sign):
        r = e["p"] / e["q"]
        return float(sum(e["q"][k] * grid_max(lambda t: t * r[k] + sign * fstar(e)(t), -12, 12, 40001)[0]
                         for k in range(N)))
    best = lambda values: float(max(values))
    rows = {
        "D": lambda e: float(np.sum(e["q"] * f(e)(e["p"] / e["q"]))),
        "r1": lambda e: pointwise_sup(e, -1),
        "r2": lambda e: best(np.sum(e["q"] * (T * e["p"] / e["q"] - fstar(e)(T))) for T in e["T"]),
        "r3": lambda e: best(np.sum(e["p"] * T) - np.sum(e["q"] * fstar(e)(T)) for T in e["T"]),
        "r4": lambda e: best(np.sum(e["p"] * T) - np.sum(e["q"] * fstar(e)(T)) for T in e["T"]),
    }
    steps = chain(["D", ("=", "r1"), (">=", "r2"), ("=", "r3"), ("=", "r4")])
    steps[0].tol = 1e-7
    return Model(
        sample=_bound_instance, rows=rows, steps=steps,
        mutants=[
            {("rel", 2): "<="},
            {"r1": lambda e: pointwise_sup(e, +1)},
            {"r3": lambda e: best(np.sum(e["q"] * T) - np.sum(e["q"] * fstar(e)(T)) for T in e["T"])},
            {"r4": lambda e: best(np.sum(e["p"] * T) - np.sum(e["p"] * fstar(e)(T)) for T in e["T"])},
        ],
        lookalikes=[{}, {}, {}])


def _conjugates():
    def sample(rng):
        return {"t": rng.uniform(-3, 3), "t1": rng.uniform(-3, 1), "t0": rng.uniform(-3, 0)}
    at = lambda key: (lambda e: {**e, "t": e[key]})
    sup_real = lambda fun: grid_max(fun, -60, 60, 400001)[0]
    rows = {
        "kl": lambda e: sup_positive(lambda u: u * e["t"] - u * LOG(u)),
        "kl*": lambda e: float(np.exp(e["t"] - 1)),
        "pearson": lambda e: sup_real(lambda u: u * e["t"] - (u - 1) ** 2),
        "pearson*": lambda e: e["t"] ** 2 / 4 + e["t"],
        "hellinger": lambda e: sup_positive(lambda u: u * e["t"] - (np.sqrt(u) - 1) ** 2),
        "hellinger*": lambda e: e["t"] / (1 - e["t"]),
        "rkl": lambda e: sup_positive(lambda u: u * e["t"] + LOG(u)),
        "rkl*": lambda e: -1 - LOG(-e["t"]) if e["t"] < 0 else np.nan,
        "gan": lambda e: sup_positive(lambda u: u * e["t"] - u * LOG(u) + (u + 1) * LOG(u + 1)),
        "gan*": lambda e: -LOG(1 - np.exp(e["t"])) if e["t"] < 0 else np.nan,
    }
    steps = [Step("=", "kl", "kl*"), Step("=", "pearson", "pearson*"),
             Step("=", "hellinger", "hellinger*", when=at("t1")),
             Step("=", "rkl", "rkl*", when=at("t0")), Step("=", "gan", "gan*", when=at("t0"))]
    for step in steps:
        step.tol = 1e-6
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"kl*": lambda e: float(np.exp(e["t"]))},
            {"pearson*": lambda e: e["t"] ** 2 / 2 + e["t"]},
            {"hellinger*": lambda e: 1 / (1 - e["t"])},
            {"rkl*": lambda e: 1 - LOG(-e["t"])},
            {("when", 4): at("t1"), ("when", 5): at("t1")},
            {"gan*": lambda e: LOG(1 - np.exp(e["t"]))},
        ],
        lookalikes=[{"kl*": lambda e: float(np.e ** (e["t"] - 1))},
                    {"pearson*": lambda e: e["t"] * (e["t"] + 4) / 4},
                    {"hellinger*": lambda e: 1 / (1 - e["t"]) - 1}])


def _two(rng):
    return {"p": pmf(rng, N), "q": pmf(rng, N), "gan": True}


def _gan_divergence():
    def f(e, u):
        return u * LOG(u) - ((u + 1) if e["gan"] else u) * LOG(u + 1)
    p, q = (lambda e: e["p"]), (lambda e: e["q"])
    s = lambda e: p(e) + q(e)
    rows = {
        "Df": lambda e: float(np.sum(q(e) * f(e, p(e) / q(e)))),
        "r1": lambda e: float(np.sum(q(e) * f(e, p(e) / q(e)))),
        "r2": lambda e: float(np.sum(p(e) * LOG(p(e) / q(e)) - s(e) * LOG(s(e) / q(e)))),
        "r3": lambda e: float(np.sum(p(e) * LOG(2 * p(e) / s(e)) + q(e) * LOG(2 * q(e) / s(e)))) - LOG(4),
        "r4": lambda e: 2 * js(p(e), q(e)) - LOG(4),
    }
    return Model(
        sample=_two, rows=rows,
        steps=chain(["Df", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4")]),
        mutants=[
            {"r4": lambda e: 2 * js(p(e), q(e)) - LOG(2)},
            {"r3": lambda e: float(np.sum(p(e) * LOG(2 * p(e) / s(e)) + q(e) * LOG(2 * q(e) / s(e)))) + LOG(4)},
            {"r2": lambda e: float(np.sum(p(e) * LOG(p(e) / q(e)) + s(e) * LOG(s(e) / q(e))))},
            {"env": lambda e: {**e, "gan": False}},
            {"r4": lambda e: js(p(e), q(e)) - LOG(4)},
        ],
        lookalikes=[{"r4": lambda e: 2 * js(q(e), p(e)) - 2 * LOG(2)}, {}, {}])


def _kl_divergence():
    def f(e, u):
        return -LOG(u) if e.get("reverse") else u * LOG(u)
    p, q = (lambda e: e["p"]), (lambda e: e["q"])
    rows = {
        "r0": lambda e: float(np.sum(f(e, p(e) / q(e)) * q(e))),
        "r1": lambda e: float(np.sum(p(e) / q(e) * LOG(p(e) / q(e)) * q(e))),
        "r2": lambda e: float(np.sum(p(e) * LOG(p(e) / q(e)))),
        "r3": lambda e: kl(p(e), q(e)),
    }
    return Model(
        sample=_two, rows=rows,
        steps=chain(["r0", ("=", "r1"), ("=", "r2"), ("=", "r3")]),
        mutants=[
            {"r1": lambda e: float(np.sum(p(e) / q(e) * LOG(q(e) / p(e)) * q(e)))},
            {"r3": lambda e: kl(q(e), p(e))},
            {"r2": lambda e: float(np.sum(q(e) * LOG(p(e) / q(e))))},
            {"env": lambda e: {**e, "reverse": True}},
        ],
        lookalikes=[{}, {"r2": lambda e: float(np.sum(p(e) * (LOG(p(e)) - LOG(q(e)))))}, {}])


MODELS = {
    "fgan_variational_bound": _variational_bound(),
    "fgan_conjugates": _conjugates(),
    "fgan_gan_divergence": _gan_divergence(),
    "fgan_kl_divergence": _kl_divergence(),
}

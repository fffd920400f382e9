"""Truth models of the GAN papers' derivations: Goodfellow et al. 2014 (value function,
optimal discriminator, C(G), Theorem 1) and Mao et al. 2017 (LSGAN's chi-squared)."""

from __future__ import annotations

import numpy as np

from .base import Model, Step, chain, grid_max, js, kl, pmf

N = 5            # points of the x support
LOG = np.log


def _gan_instance(rng):
    """p_data and p_g on N points, p_z on N+2 noise points, G onto the x support."""
    pz = pmf(rng, N + 2)
    G = np.concatenate([rng.permutation(N), rng.integers(0, N, size=2)])
    pg = np.bincount(G, weights=pz, minlength=N)
    return {"pd": pmf(rng, N), "pz": pz, "G": G, "pg": pg,
            "D": rng.uniform(0.05, 0.95, N), "Dz": rng.uniform(0.05, 0.95, N + 2)}


def _value_function():
    def V(e, fake):
        return float(np.sum(e["pd"] * LOG(e["D"])) + fake(e))
    noise = lambda e: np.sum(e["pz"] * LOG(1 - e["D"][e["G"]]))
    pushed = lambda e: np.sum(e["pg"] * LOG(1 - e["D"]))
    return Model(
        sample=_gan_instance,
        rows={"V": lambda e: V(e, noise), "one": lambda e: V(e, pushed)},
        steps=chain(["V", ("=", "one")]),
        mutants=[
            {"one": lambda e: V(e, lambda e: np.sum(e["pg"] * LOG(e["D"])))},
            {"V": lambda e: V(e, lambda e: np.sum(e["pz"] * LOG(1 - e["Dz"])))},
            {"one": lambda e: V(e, lambda e: -np.sum(e["pg"] * LOG(1 - e["D"])))},
            {"V": lambda e: V(e, lambda e: 2 * noise(e))},
        ],
        lookalikes=[
            {"one": lambda e: float(pushed(e) + np.sum(e["pd"] * LOG(e["D"])))},
            {"V": lambda e: V(e, lambda e: np.sum(e["pz"] * LOG(1 - e["D"][e["G"]])))},
            {"one": lambda e: float(np.sum(e["pd"] * LOG(e["D"]) + e["pg"] * LOG(1 - e["D"])))},
        ])


def _argmax(f):
    return grid_max(f, 1e-12, 1 - 1e-12)[1]


def _argmin(f):
    return grid_max(lambda y: -f(y), 1e-12, 1 - 1e-12)[1]


def _optimal_discriminator():
    def sample(rng):
        return {"a": rng.uniform(0.1, 5), "b": rng.uniform(0.1, 5),
                "pd": rng.uniform(0.05, 1), "pg": rng.uniform(0.05, 1)}
    lemma = lambda e: lambda y: e["a"] * LOG(y) + e["b"] * LOG(1 - y)
    eq2 = lambda e: lambda y: e["pd"] * LOG(y) + e["pg"] * LOG(1 - y)
    return Model(
        sample=sample,
        rows={"am1": lambda e: _argmax(lemma(e)), "v1": lambda e: e["a"] / (e["a"] + e["b"]),
              "am2": lambda e: _argmax(eq2(e)), "v2": lambda e: e["pd"] / (e["pd"] + e["pg"])},
        steps=[Step("=", "am1", "v1", tol=1e-5), Step("=", "am2", "v2", tol=1e-5)],
        mutants=[
            {"v1": lambda e: e["b"] / (e["a"] + e["b"])},
            {"am1": lambda e: _argmax(lambda y: (e["a"] + e["b"]) * LOG(y))},
            {"am1": lambda e: _argmin(lemma(e))},
            {"v2": lambda e: e["pg"] / (e["pd"] + e["pg"])},
            {"am2": lambda e: _argmax(lambda y: e["pd"] * LOG(1 - y) + e["pg"] * LOG(y))},
        ],
        lookalikes=[
            {"v1": lambda e: 1 / (1 + e["b"] / e["a"])},
            {"am1": lambda e: _argmax(lambda y: e["b"] * LOG(1 - y) + e["a"] * LOG(y))},
            {"v2": lambda e: e["pd"] / (e["pg"] + e["pd"])},
        ])


def _dstar(e):
    top = e["pg"] if e.get("wrong_dstar") else e["pd"]
    return top / (e["pd"] + e["pg"])


def _virtual_criterion():
    def best(e, pick):
        return sum(pick(lambda y, k=k: e["pd"][k] * LOG(y) + e["pg"][k] * LOG(1 - y))
                   for k in range(N))
    maximum = lambda f: grid_max(f, 1e-12, 1 - 1e-12)[0]
    minimum = lambda f: -grid_max(lambda y: -f(y), 1e-12, 1 - 1e-12)[0]
    data = lambda e: float(np.sum(e["pd"] * LOG(_dstar(e))))
    ratio = lambda e, top, w: float(np.sum(w * LOG(top / (e["pd"] + e["pg"]))))
    return Model(
        sample=_gan_instance,
        rows={"max": lambda e: best(e, maximum),
              "noise": lambda e: data(e) + float(np.sum(e["pz"] * LOG(1 - _dstar(e)[e["G"]]))),
              "pushed": lambda e: data(e) + float(np.sum(e["pg"] * LOG(1 - _dstar(e)))),
              "closed": lambda e: ratio(e, e["pd"], e["pd"]) + ratio(e, e["pg"], e["pg"])},
        steps=[Step("=", "max", "noise", tol=1e-7), Step("=", "noise", "pushed"),
               Step("=", "pushed", "closed")],
        mutants=[
            {"noise": lambda e: data(e) + float(np.sum(e["pz"] * LOG(_dstar(e)[e["G"]])))},
            {"closed": lambda e: ratio(e, e["pd"], e["pd"]) + ratio(e, e["pd"], e["pg"])},
            {"env": lambda e: {**e, "wrong_dstar": True}},
            {"pushed": lambda e: data(e) + float(np.sum(e["pd"] * LOG(1 - _dstar(e))))},
            {"max": lambda e: best(e, minimum)},
        ],
        lookalikes=[
            {},
            {"closed": lambda e: ratio(e, e["pd"], e["pd"])
             + float(np.sum(e["pg"] * LOG(e["pg"] / (e["pg"] + e["pd"]))))},
            {"closed": lambda e: float(np.sum(e["pd"] * (LOG(e["pd"]) - LOG(e["pd"] + e["pg"]))))
             + ratio(e, e["pg"], e["pg"])},
        ])


def _theorem1():
    def sample(rng):
        return {"pd": pmf(rng, N), "pg": pmf(rng, N)}
    C = lambda e: float(np.sum(e["pd"] * LOG(_dstar(e)) + e["pg"] * LOG(1 - _dstar(e))))
    mix = lambda e: (e["pd"] + e["pg"]) / 2
    eq5 = lambda e, c: c + kl(e["pd"], mix(e)) + kl(e["pg"], mix(e))
    equal = lambda e: {**e, "pg": e["pd"]}
    return Model(
        sample=sample,
        rows={"C": C, "halves": lambda e: 2 * LOG(0.5), "m4a": lambda e: -LOG(4),
              "twoE": lambda e: float(np.sum(e["pd"] * -LOG(2)) + np.sum(e["pg"] * -LOG(2))),
              "m4b": lambda e: -LOG(4), "eq5": lambda e: eq5(e, -LOG(4)),
              "eq6": lambda e: -LOG(4) + 2 * js(e["pd"], e["pg"])},
        steps=[Step("=", "C", "halves", when=equal), Step("=", "halves", "m4a"),
               Step("=", "twoE", "m4b"), Step("=", "C", "eq5"), Step("=", "C", "eq6")],
        mutants=[
            {"eq6": lambda e: -LOG(2) + 2 * js(e["pd"], e["pg"])},
            {"eq6": lambda e: -LOG(4) + js(e["pd"], e["pg"])},
            {"eq5": lambda e: eq5(e, -LOG(2))},
            {"m4a": lambda e: -LOG(2)},
            {("when", 1): None},
            {"m4b": lambda e: -LOG(2)},
            {"eq5": lambda e: -LOG(4) + kl(e["pd"], mix(e)) + kl(mix(e), e["pg"])},
        ],
        lookalikes=[
            {"eq6": lambda e: -LOG(4) + 2 * js(e["pg"], e["pd"])},
            {"eq6": lambda e: -2 * LOG(2) + 2 * js(e["pd"], e["pg"])},
            {"m4a": lambda e: LOG(0.25)},
        ])


def _lsgan():
    def sample(rng):
        a, b, c = rng.uniform(-2, 2, size=3)
        return {"pd": pmf(rng, N), "pg": pmf(rng, N), "a": a, "b": b, "c": c}

    def dstar(e):
        a, b = (e["b"], e["a"]) if e.get("swap") else (e["a"], e["b"])
        return (b * e["pd"] + a * e["pg"]) / (e["pd"] + e["pg"])

    def both(e, inner):
        return float(np.sum(e["pd"] * inner(e) ** 2) + np.sum(e["pg"] * inner(e) ** 2))

    s = lambda e: e["pd"] + e["pg"]
    mixed = lambda e: ((e["b"] - e["c"]) * e["pd"] + (e["a"] - e["c"]) * e["pg"])
    regrouped = lambda e, sign: (e["b"] - e["c"]) * s(e) - sign * (e["b"] - e["a"]) * e["pg"]
    labels = lambda gap: lambda e: {**e, "c": e["b"] - 1, "a": e["b"] - gap}
    rows = {
        "twoC": lambda e: both(e, lambda e: dstar(e) - e["c"]),
        "subst": lambda e: both(e, lambda e: (e["b"] * e["pd"] + e["a"] * e["pg"]) / s(e) - e["c"]),
        "ints": lambda e: both(e, lambda e: mixed(e) / s(e)),
        "one": lambda e: float(np.sum(mixed(e) ** 2 / s(e))),
        "regroup": lambda e: float(np.sum(regrouped(e, 1) ** 2 / s(e))),
        "labelled": lambda e: float(np.sum((2 * e["pg"] - s(e)) ** 2 / s(e))),
        "chi2": lambda e: float(np.sum((2 * e["pg"] - s(e)) ** 2 / s(e))),
    }
    first = lambda e: (e["b"] * e["pd"] + e["a"] * e["pg"]) / s(e)
    return Model(
        sample=sample,
        rows=rows,
        steps=chain(["twoC", ("=", "subst"), ("=", "ints"), ("=", "one"), ("=", "regroup")])
        + [Step("=", "twoC", "labelled", when=labels(2)), Step("=", "labelled", "chi2", when=labels(2))],
        mutants=[
            {"subst": lambda e: float(np.sum(e["pd"] * (first(e) + e["c"]) ** 2)
                                      + np.sum(e["pg"] * (first(e) - e["c"]) ** 2))},
            {"regroup": lambda e: float(np.sum(regrouped(e, -1) ** 2 / s(e)))},
            {"one": lambda e: float(np.sum(mixed(e) ** 2 / (2 * s(e))))},
            {("when", 5): labels(1), ("when", 6): labels(1)},
            {"chi2": lambda e: float(np.sum((e["pg"] - s(e)) ** 2 / s(e)))},
            {"twoC": lambda e: float(np.sum(e["pd"] * (dstar(e) - e["c"]))
                                     + np.sum(e["pg"] * (dstar(e) - e["c"]) ** 2))},
        ],
        lookalikes=[
            {"chi2": lambda e: float(np.sum((2 * e["pg"] - (e["pg"] + e["pd"])) ** 2 / (e["pg"] + e["pd"])))},
            {("when", 5): lambda e: {**e, "c": e["b"] - 1, "a": e["b"] - 2}},
            {},
            {"env": lambda e: {**e, "swap": True}},
        ])


def _logd_alternative():
    def sample(rng):
        e = _gan_instance(rng)
        return {**e, "pr": pmf(rng, N), "pg0": pmf(rng, N),
                "pr_z": rng.uniform(0.05, 0.5, N + 2), "pg0_z": rng.uniform(0.05, 0.5, N + 2)}

    def dstar(e, pr, pg0):
        top = pg0 if e.get("wrong_dstar") else pr
        return top / (pg0 + pr)

    odds = lambda d: LOG(d / (1 - d))
    D = lambda e: dstar(e, e["pr"], e["pg0"])
    pg = lambda e: e["pg"]
    tail = lambda e: kl(pg(e), e["pg0"])
    rows = {
        "KL": lambda e: kl(pg(e), e["pr"]),
        "r1": lambda e: float(np.sum(pg(e) * LOG(pg(e) / e["pr"]))),
        "r2": lambda e: float(np.sum(pg(e) * LOG(e["pg0"] / e["pr"])) + np.sum(pg(e) * LOG(pg(e) / e["pg0"]))),
        "r3": lambda e: -float(np.sum(pg(e) * odds(D(e)))) + tail(e),
        "r4": lambda e: -float(np.sum(e["pz"] * odds(D(e)[e["G"]]))) + tail(e),
    }
    return Model(
        sample=sample, rows=rows,
        steps=chain(["KL", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4")]),
        mutants=[
            {"r2": lambda e: float(np.sum(pg(e) * LOG(e["pg0"] / e["pr"])) - np.sum(pg(e) * LOG(pg(e) / e["pg0"])))},
            {"r3": lambda e: -float(np.sum(pg(e) * -odds(D(e)))) + tail(e)},
            {"env": lambda e: {**e, "wrong_dstar": True}},
            {"r4": lambda e: -float(np.sum(e["pz"] * odds(dstar(e, e["pr_z"], e["pg0_z"])))) + tail(e)},
        ],
        lookalikes=[{"r3": lambda e: -float(np.sum(pg(e) * LOG(e["pr"] / e["pg0"]))) + tail(e)}, {},
                    {"r3": lambda e: tail(e) - float(np.sum(pg(e) * odds(D(e))))}])


def _s7a_gan_cg_ponte():
    """Ponte's C(G) chain: the (log 2 - log 2) trick, then KL and JSD, on densities of N points."""
    def sample(rng):
        return {"pd": pmf(rng, N), "pg": pmf(rng, N)}
    S = lambda v: float(np.sum(v))
    pd, pg = (lambda e: e["pd"]), (lambda e: e["pg"])
    s = lambda e: pd(e) + pg(e)
    mix = lambda e: s(e) / 2
    zero = LOG(2) - LOG(2)
    factored = lambda e, c: c + S(pd(e) * LOG(2 * pd(e) / s(e)) + pg(e) * LOG(2 * pg(e) / s(e)))
    rows = {
        "C": lambda e: S(pd(e) * LOG(pd(e) / (pd(e) + pg(e)))) + S(pg(e) * LOG(pg(e) / (pg(e) + pd(e)))),
        "int": lambda e: S(pd(e) * LOG(pd(e) / s(e)) + pg(e) * LOG(pg(e) / s(e))),
        "split": lambda e: S(zero * pd(e) + pd(e) * LOG(pd(e) / s(e)) + zero * pg(e) + pg(e) * LOG(pg(e) / s(e))),
        "factored": lambda e: factored(e, -LOG(4)),
        "kls": lambda e: -LOG(4) + kl(pd(e), mix(e)) + kl(pg(e), mix(e)),
        "jsd": lambda e: -LOG(4) + 2 * js(pd(e), pg(e)),
    }
    return Model(
        sample=sample, rows=rows,
        steps=[Step("=", "C", "int")] + chain(["C", ("=", "split"), ("=", "factored")])
        + chain(["C", ("=", "kls"), ("=", "jsd")]),
        mutants=[
            {"factored": lambda e: factored(e, -LOG(2))},
            {"jsd": lambda e: -LOG(4) + js(pd(e), pg(e))},
            {"kls": lambda e: -LOG(4) + kl(pd(e), mix(e)) + kl(mix(e), pg(e))},
            {"int": lambda e: S(pd(e) * LOG(pd(e) / s(e)) - pg(e) * LOG(pg(e) / s(e)))},
        ],
        lookalikes=[
            {"jsd": lambda e: -LOG(4) + 2 * js(pg(e), pd(e))},
            {"kls": lambda e: -2 * LOG(2) + kl(pd(e), mix(e)) + kl(pg(e), mix(e))},
        ])


def _s7a_gan_discriminator_ift6135():
    """Boileau's IFT6135 notes: the two expectations as one integral (densities p_0, p_1 and a
    discriminator D on N points), and d/dx of f(x) = A log x + B log(1 - x) by a central
    difference at a point of (0, 1), for real A, B."""
    def sample(rng):
        A, B = rng.normal(0, 2, size=2)
        return {"p1": pmf(rng, N), "p0": pmf(rng, N), "D": rng.uniform(0.05, 0.95, N),
                "A": float(A), "B": float(B), "x": float(rng.uniform(0.1, 0.9))}
    S = lambda v: float(np.sum(v))
    h = 1e-6

    def derivative(e):
        f = lambda x: e["A"] * LOG(x) + e["B"] * LOG(1 - x)
        return (f(e["x"] + h) - f(e["x"] - h)) / (2 * h)
    p1, p0, D, x = (lambda e: e["p1"]), (lambda e: e["p0"]), (lambda e: e["D"]), (lambda e: e["x"])
    rows = {
        "V": lambda e: float(np.dot(p1(e), LOG(D(e))) + np.dot(p0(e), LOG(1 - D(e)))),   # expectations
        "two": lambda e: S(p1(e) * LOG(D(e))) + S(p0(e) * LOG(1 - D(e))),
        "one": lambda e: S(p1(e) * LOG(D(e)) + p0(e) * LOG(1 - D(e))),
        "df": derivative,
        "claimed": lambda e: e["A"] * (1 / x(e)) - e["B"] * (1 / (1 - x(e))),
    }
    return Model(
        sample=sample, rows=rows,
        steps=chain(["V", ("=", "two"), ("=", "one")]) + [Step("=", "df", "claimed", tol=1e-6)],
        mutants=[
            {"one": lambda e: S(p1(e) * LOG(D(e)) + p1(e) * LOG(1 - D(e)))},
            {"claimed": lambda e: e["A"] * (1 / x(e)) + e["B"] * (1 / (1 - x(e)))},
            {"two": lambda e: S(p1(e) * LOG(D(e))) + S(p0(e) * LOG(D(e)))},
        ],
        lookalikes=[
            {"claimed": lambda e: e["A"] / x(e) + e["B"] / (x(e) - 1)},
            {"one": lambda e: S(p0(e) * LOG(1 - D(e)) + p1(e) * LOG(D(e)))},
        ])


MODELS = {
    "gan_logd_alternative": _logd_alternative(),
    "gan_value_function": _value_function(),
    "gan_optimal_discriminator": _optimal_discriminator(),
    "gan_virtual_criterion": _virtual_criterion(),
    "gan_theorem1": _theorem1(),
    "lsgan_pearson_chi2": _lsgan(),
    "s7a_gan_cg_ponte": _s7a_gan_cg_ponte(),
    "s7a_gan_discriminator_ift6135": _s7a_gan_discriminator_ift6135(),
}

"""Truth models of the s17a_ entries (a held-out set of GAN / f-GAN derivations from GitHub
Markdown study notes and a personal notes site: V(D, G) as one integral by the change of variables
x = G(z), the optimal discriminator from the pointwise derivative, C(G) as KL divergences to the
mixture minus log 4 (twice), the f-divergence's non-negativity by Jensen and its variational
representation through the biconjugate).

Densities on random finite supports (integrals against counting measure), except the change of
variables, which needs a density and a Jacobian: there p_z is a two-component Gaussian mixture on
the line, G(z) = a z + b with a > 0, and the integrals are trapezoid sums on a wide grid. Convex
generators with closed-form conjugates (KL: u log u, Pearson: (u - 1)^2, reverse KL: -log u); the
suprema over t by a dense grid. Nothing here uses derive."""

from __future__ import annotations

import math

import numpy as np

from .base import Model, Step, chain, grid_max, js, kl, pmf

LOG = np.log
N = 5


def _tol(steps, tol):
    for st in steps:
        st.tol = tol
    return steps


# ------------------------------------------------------------------ V(D, G) by x = G(z) (sword4869)

_XS = np.linspace(-40.0, 40.0, 40001)


def _mix(rng):
    w = rng.uniform(0.2, 0.8)
    m = rng.uniform(-3, 3, size=2)
    s = rng.uniform(0.5, 2.0, size=2)

    def dens(t):
        return (w * np.exp(-0.5 * ((t - m[0]) / s[0]) ** 2) / (s[0] * math.sqrt(2 * math.pi))
                + (1 - w) * np.exp(-0.5 * ((t - m[1]) / s[1]) ** 2) / (s[1] * math.sqrt(2 * math.pi)))
    return dens


def _value_sword():
    def sample(rng):
        a, b = rng.uniform(0.5, 2.0), rng.uniform(-2, 2)
        c = rng.uniform(-1, 1, size=3)
        D = lambda x, c=c: 1.0 / (1.0 + np.exp(-(c[0] + c[1] * np.tanh(x) + c[2] * np.sin(x))))
        return {"pd": _mix(rng), "pz": _mix(rng), "a": a, "b": b, "D": D}
    I = lambda f: float(np.trapezoid(f(_XS), _XS))
    G = lambda e, z: e["a"] * z + e["b"]
    Ginv = lambda e, x: (x - e["b"]) / e["a"]
    pg = lambda e, x: e["pz"](Ginv(e, x)) / e["a"]

    def Ed(e):
        return I(lambda x: e["pd"](x) * LOG(e["D"](x)))

    def r2(e, inner_G=True):
        inner = (lambda z: G(e, z)) if inner_G else (lambda z: z)
        return Ed(e) + I(lambda z: e["pz"](z) * LOG(1 - e["D"](inner(z))))

    def r3(e, jac=True):
        j = (1.0 / e["a"]) if jac else 1.0
        return Ed(e) + I(lambda x: e["pz"](Ginv(e, x)) * LOG(1 - e["D"](x)) * j)

    def r4(e, inner_one=True):
        return Ed(e) + I(lambda x: pg(e, x) * LOG((1 - e["D"](x)) if inner_one else e["D"](x)))

    def r5(e, sign=1.0):
        return I(lambda x: e["pd"](x) * LOG(e["D"](x)) + sign * pg(e, x) * LOG(1 - e["D"](x)))
    rows = {"V": lambda e: r2(e), "r2": r2, "r3": r3, "r4": r4, "r5": r5}
    steps = _tol(chain(["V", ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5")]), 1e-7)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r3": lambda e: r3(e, jac=False)},
            {"r4": lambda e: r4(e, inner_one=False)},
            {"r5": lambda e: r5(e, sign=-1.0)},
            {"r2": lambda e: r2(e, inner_G=False)},
        ],
        lookalikes=[
            {"r5": lambda e: I(lambda x: pg(e, x) * LOG(1 - e["D"](x)) + e["pd"](x) * LOG(e["D"](x)))},
        ])


# ------------------------------------------------------------------ D* from the derivative (sword4869)

def _dstar_sword():
    def sample(rng):
        return {"pd": pmf(rng, N), "pg": pmf(rng, N), "D": rng.uniform(0.05, 0.95, size=N)}

    def at_stationary(e):
        # the hypothesis of the display: D(x) solves d/dD (p_d log D + p_g log(1 - D)) = 0 at every x
        e = dict(e)
        e["D"] = e["pd"] / (e["pd"] + e["pg"])
        return e

    def pointmax(a, b, second_one=True):
        if second_one:
            f = lambda y: a * np.log(y) + b * np.log(1 - y)
        else:
            f = lambda y: a * np.log(y) + b * np.log(y)
        return grid_max(f, 1e-6, 1 - 1e-6)[0]

    def maxV(e):
        return sum(pointmax(a, b) for a, b in zip(e["pd"], e["pg"]))

    def maxI(e, second_one=True):
        return sum(pointmax(a, b, second_one) for a, b in zip(e["pd"], e["pg"]))

    def foc(e, sign=-1.0):
        D = e["D"]
        return float(np.sum(np.abs(e["pd"] / D + sign * e["pg"] / (1 - D))))

    def dval(e, form="star"):
        D = e["D"]
        if form == "star":
            target = e["pd"] / (e["pd"] + e["pg"])
        elif form == "pg":
            target = e["pg"] / (e["pd"] + e["pg"])
        elif form == "ratio":
            target = e["pd"] / e["pg"]
        else:
            target = 1.0 / (1.0 + e["pg"] / e["pd"])
        return float(np.sum(np.abs(D - target)))
    rows = {"maxV": maxV, "maxI": maxI, "foc": foc, "zero": lambda e: 0.0, "dval": dval}
    steps = [Step("=", "maxV", "maxI", tol=1e-7),
             Step("=", "foc", "zero", when=at_stationary, tol=1e-9),
             Step("=", "dval", "zero", when=at_stationary, tol=1e-9)]
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"dval": lambda e: dval(e, "pg")},
            {"maxI": lambda e: maxI(e, second_one=False)},
            {"dval": lambda e: dval(e, "ratio")},
            {"foc": lambda e: foc(e, sign=+1.0)},
        ],
        lookalikes=[
            {"dval": lambda e: dval(e, "alt")},
        ])


# ------------------------------------------------------------------ C(G) = KL + KL - log 4 (sword4869)

def _cg_sword():
    def sample(rng):
        return {"pd": pmf(rng, N), "pg": pmf(rng, N)}
    Ds = lambda e: e["pd"] / (e["pd"] + e["pg"])
    m = lambda e: (e["pd"] + e["pg"]) / 2

    def r1(e, star=True):
        D = Ds(e)
        return float(np.sum(e["pd"] * LOG(D) + e["pg"] * LOG(1 - D)))

    def r2(e, num="pg"):
        s = e["pd"] + e["pg"]
        return float(np.sum(e["pd"] * LOG(e["pd"] / s) + e["pg"] * LOG(e[num] / s)))

    def r3(e, const=math.log(4), half=True):
        M = m(e) if half else (e["pd"] + e["pg"])
        return float(np.sum(e["pd"] * LOG(e["pd"] / M) + e["pg"] * LOG(e["pg"] / M))) - const

    def r4(e, const=math.log(4), swap=False):
        second = kl(m(e), e["pg"]) if swap else kl(e["pg"], m(e))
        return kl(e["pd"], m(e)) + second - const
    rows = {"C": r1, "r1": r1, "r2": r2, "r3": r3, "r4": r4}
    steps = _tol(chain(["r1", ("=", "r2"), ("=", "r3"), ("=", "r4")]), 1e-10)
    # the first row C(G) = V(D_G^*, G) defines C(G); step 1 is V(D*, G) = the integral with D*
    steps = [Step("=", "C", "r1", tol=1e-10)] + steps
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r2": lambda e: r2(e, num="pd")},
            {"r3": lambda e: r3(e, const=math.log(2))},
            {"r4": lambda e: r4(e, swap=True)},
            {"r3": lambda e: r3(e, half=False)},
        ],
        lookalikes=[
            {"r4": lambda e: r4(e, const=2 * math.log(2))},
            {"r4": lambda e: 2 * js(e["pd"], e["pg"]) - math.log(4)},
        ])


# ------------------------------------------------------------------ V(G, D*) = -2 log 2 + 2 JSD (Chinese notes)

def _cg_cnjdnotes():
    def sample(rng):
        return {"pd": pmf(rng, N), "pg": pmf(rng, N), "D": rng.uniform(0.05, 0.95, size=N)}
    m = lambda e: (e["pd"] + e["pg"]) / 2

    def a1(e, sign=1.0):
        D = e["D"]
        return float(np.sum(e["pd"] * LOG(D))) + sign * float(np.sum(e["pg"] * LOG(1 - D)))

    def a2(e, inner_one=True):
        D = e["D"]
        return float(np.sum(e["pd"] * LOG(D) + e["pg"] * LOG((1 - D) if inner_one else D)))

    def b1(e, num="pg"):
        s = e["pd"] + e["pg"]
        return float(np.sum(e["pd"] * LOG(e["pd"] / s) + e["pg"] * LOG(e[num] / s)))

    def b2(e, half_g=0.5):
        s = e["pd"] + e["pg"]
        return float(np.sum(e["pd"] * LOG((e["pd"] / 2) / (s / 2)) + e["pg"] * LOG((half_g * e["pg"]) / (s / 2))))

    def b3(e, c=2.0):
        return c * math.log(0.5) + float(np.sum(e["pd"] * LOG(e["pd"] / m(e)) + e["pg"] * LOG(e["pg"] / m(e))))

    def b4(e):
        return -2 * math.log(2) + float(np.sum(e["pd"] * LOG(e["pd"] / m(e)))) + float(np.sum(e["pg"] * LOG(e["pg"] / m(e))))

    def b5(e, swap=False, c=2.0):
        second = kl(m(e), e["pg"]) if swap else kl(e["pg"], m(e))
        return -c * math.log(2) + kl(e["pd"], m(e)) + second

    def b6(e, coef=2.0):
        return -2 * math.log(2) + coef * js(e["pd"], e["pg"])

    def Vs(e):
        Ds = e["pd"] / (e["pd"] + e["pg"])
        return float(np.sum(e["pd"] * LOG(Ds) + e["pg"] * LOG(1 - Ds)))
    rows = {"V": a1, "a2": a2, "Vs": Vs, "b1": b1, "b2": b2, "b3": b3, "b4": b4, "b5": b5, "b6": b6}
    steps = _tol(chain(["V", ("=", "a2")])
                 + chain(["Vs", ("=", "b1"), ("=", "b2"), ("=", "b3"), ("=", "b4"), ("=", "b5"), ("=", "b6")]), 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"a2": lambda e: a2(e, inner_one=False)},
            {"b1": lambda e: b1(e, num="pd")},
            {"b3": lambda e: b3(e, c=1.0)},
            {"b5": lambda e: b5(e, swap=True)},
            {"b6": lambda e: b6(e, coef=1.0)},
        ],
        lookalikes=[
            {"b6": lambda e: -math.log(4) + 2 * js(e["pd"], e["pg"])},
            {"b6": lambda e: -2 * math.log(2) + 2 * js(e["pg"], e["pd"])},
        ])


# ------------------------------------------------------------------ f-divergences (chunxy's notes)

_GEN = {
    "kl": lambda u: u * np.log(u),
    "pearson": lambda u: (u - 1.0) ** 2,
    "rkl": lambda u: -np.log(u),
}


def _conj(kind, t):
    t = np.asarray(t, dtype=float)
    if kind == "kl":
        return np.exp(t - 1.0)
    if kind == "pearson":
        return t + t ** 2 / 4.0
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(t < 0, -1.0 - np.log(np.abs(t)), np.inf)


def _fsample(rng):
    return {"p": pmf(rng, N), "q": pmf(rng, N), "kind": ("kl", "pearson", "rkl")[int(rng.integers(3))]}


def _nonneg_chunxy():
    f = lambda e: _GEN[e["kind"]]

    def Df(e, weight="q"):
        return float(np.sum(f(e)(e["p"] / e["q"]) * e[weight]))
    rows = {
        "Ddef": Df,                             # D_f(p||q), the divergence derive knows
        "Df": Df,
        "jensen": lambda e: float(f(e)(np.sum(e["p"] / e["q"] * e["q"]))),
        "f1": lambda e: float(f(e)(1.0)),
        "f0": lambda e: {"kl": 0.0, "pearson": 1.0, "rkl": float("inf")}[e["kind"]],
        "zero": lambda e: 0.0,
        "jensen_alt": lambda e: float(f(e)(np.sum(e["p"]))),
    }
    steps = _tol(chain(["Ddef", ("=", "Df"), (">=", "jensen"), ("=", "f1"), ("=", "zero")]), 1e-10)
    return Model(
        sample=_fsample, rows=rows, steps=steps,
        mutants=[
            {("rel", 2): "<="},
            {"f1": rows["f0"]},
            {"Df": lambda e: Df(e, weight="p")},
        ],
        lookalikes=[
            {"jensen": rows["jensen_alt"]},
        ])


def _pointsup(a, kind, w=1.0, sign=-1.0):
    """sup over t of a t + sign * w * f^*(t)."""
    if kind == "rkl":
        lo, hi = -200.0, -1e-6
    else:
        lo, hi = -40.0, 40.0
    with np.errstate(invalid="ignore", over="ignore"):
        return grid_max(lambda t: a * t + sign * w * _conj(kind, t), lo, hi, points=40001)[0]


def _variational_chunxy():
    f = lambda e: _GEN[e["kind"]]

    def d0(e):
        return float(np.sum(f(e)(e["p"] / e["q"]) * e["q"]))

    def d1(e, stars=2):
        u = e["p"] / e["q"]
        if stars == 2:
            vals = np.array([_pointsup(a, e["kind"]) for a in u])
        else:
            vals = _conj(e["kind"], u)
        return float(np.sum(vals * e["q"]))

    def d2(e, sign=-1.0):
        u = e["p"] / e["q"]
        return float(np.sum(np.array([_pointsup(a, e["kind"], sign=sign) for a in u]) * e["q"]))

    def d3(e, swap=False):
        p, q = (e["q"], e["p"]) if swap else (e["p"], e["q"])
        # sup_t [p t - f^*(t) q] = q * sup_t [(p/q) t - f^*(t)]
        return float(np.sum([qq * _pointsup(pp / qq, e["kind"]) for pp, qq in zip(p, q)]))

    def d4(e, weight="q"):
        # sup over functions T of a sum of per-point terms = the sum of per-point suprema
        w = e[weight]
        return float(np.sum([ww * _pointsup(pp / ww, e["kind"]) for pp, ww in zip(e["p"], w)]))
    rows = {"Ddef": d0, "D": d0, "d1": d1, "d2": d2, "d3": d3, "d4": d4}
    steps = _tol(chain(["Ddef", ("=", "D"), ("=", "d1"), ("=", "d2"), ("=", "d3"), ("=", "d4")]), 1e-6)
    return Model(
        sample=_fsample, rows=rows, steps=steps,
        mutants=[
            {"d2": lambda e: d2(e, sign=+1.0)},
            {"d3": lambda e: d3(e, swap=True)},
            {"d1": lambda e: d1(e, stars=1)},
            {"d4": lambda e: d4(e, weight="p")},
        ],
        lookalikes=[
            {},
        ])


MODELS = {
    "s17a_gan_value_sword4869": _value_sword(),
    "s17a_gan_dstar_sword4869": _dstar_sword(),
    "s17a_gan_cg_sword4869": _cg_sword(),
    "s17a_gan_cg_cnjdnotes": _cg_cnjdnotes(),
    "s17a_fgan_nonneg_chunxy": _nonneg_chunxy(),
    "s17a_fgan_variational_chunxy": _variational_chunxy(),
}

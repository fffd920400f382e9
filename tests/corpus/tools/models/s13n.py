"""Truth models of the s13n_ entries (a held-out set of information-theory derivations from Q&A
answers, a blog post, Wikipedia and a blog on normal distributions: the chain rule for mutual
information written two ways, the binary entropy function with its derivative and Taylor series,
convexity of KL in its first argument by the log-sum inequality, the joint entropy as entropy plus
conditional entropy, KL between two normals with different means and variances). Discrete
identities on random positive joint pmfs (entropies and mutual informations computed from their
definitions as sums over the joint, never from the identities being checked); the binary entropy's
derivative by the complex step and its Taylor series summed far into the tail; the Gaussian KL by
the trapezoidal rule on a wide fine grid."""

from __future__ import annotations

import math

import numpy as np

from .base import Model, Step, chain, joint, pmf, tight

LOG = np.log
LN2 = math.log(2.0)


def _marg(J, keep):
    """The marginal of J on the axes in `keep`, kept broadcastable against J."""
    drop = tuple(a for a in range(J.ndim) if a not in keep)
    return J.sum(axis=drop, keepdims=True) if drop else J


def _H(J, A, B=()):
    """H(A | B) = -sum_J log p(A, B) / p(B), from the definition."""
    pAB = _marg(J, set(A) | set(B))
    pB = _marg(J, set(B)) if B else 1.0
    return float(-np.sum(J * LOG(pAB / pB)))


def _I(J, A, B, C=()):
    """I(A; B | C) = sum_J log p(A,B,C) p(C) / (p(A,C) p(B,C)), from the definition."""
    pABC = _marg(J, set(A) | set(B) | set(C))
    pAC, pBC = _marg(J, set(A) | set(C)), _marg(J, set(B) | set(C))
    pC = _marg(J, set(C)) if C else 1.0
    return float(np.sum(J * LOG(pABC * pC / (pAC * pBC))))


# ------------------------------------------------------------------ MI chain rule (techqa 4160116)

def _mi_chain_techqa():
    def sample(rng):
        return {"J": joint(rng, *[int(rng.integers(2, 4)) for _ in range(3)])}
    X1, X2, Y = 0, 1, 2
    J = lambda e: e["J"]
    H = lambda e, A, B=(): _H(J(e), A, B)
    I = lambda e, A, B, C=(): _I(J(e), A, B, C)

    def r2(e, s=1):
        return H(e, (X1,)) + H(e, (X2,), (X1,)) - (H(e, (X1,), (Y,)) + s * H(e, (X2,), (X1, Y)))

    def r3(e, last=(X1, Y)):
        return (H(e, (X1,)) - H(e, (X1,), (Y,))) + (H(e, (X2,), (X1,)) - H(e, (X2,), last))
    rows = {
        "I": lambda e: I(e, (X1, X2), (Y,)),
        "r1": lambda e: H(e, (X1, X2)) - H(e, (X1, X2), (Y,)),
        "r2": r2, "r3": r3,
        "r4": lambda e: I(e, (X1,), (Y,)) + I(e, (X2,), (Y,), (X1,)),
    }
    steps = tight([Step("=", "I", "r1")] + chain(["I", ("=", "r2"), ("=", "r3"), ("=", "r4")]), 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: H(e, (X1, X2)) + H(e, (X1, X2), (Y,))},
            {"r2": lambda e: r2(e, s=-1)},
            {"r3": lambda e: r3(e, last=(Y,))},
            {"r4": lambda e: I(e, (X1,), (Y,)) + I(e, (X2,), (Y,))},
        ],
        lookalikes=[
            {"r4": lambda e: I(e, (Y,), (X1,)) + I(e, (Y,), (X2,), (X1,))},
            {"r1": lambda e: H(e, (X2, X1)) - H(e, (X2, X1), (Y,))},
        ])


# ------------------------------------------------------------------ MI chain rule (imathworks)

def _mi_chain_imathworks():
    def sample(rng):
        return {"J": joint(rng, *[int(rng.integers(2, 4)) for _ in range(5)])}
    X, Y, Z, Y1, Y2 = 0, 1, 2, 3, 4
    J = lambda e: e["J"]
    I = lambda e, A, B, C=(): _I(J(e), A, B, C)

    def a(e, sign=-1, below=(Z,)):
        pXYZ = J(e).sum(axis=(3, 4))                              # p_{(X,Y,Z)}(x, y, z)
        pB = pXYZ.sum(axis=tuple(k for k in range(3) if k not in below), keepdims=True)
        return float(sign * np.sum(pXYZ * LOG(pXYZ / pB)))

    def b(e, below=(Z,)):
        pYXZ = np.transpose(J(e).sum(axis=(3, 4)), (1, 0, 2))     # p_{(Y,X,Z)}(y, x, z)
        axes = {X: 1, Y: 0, Z: 2}
        keep = {axes[v] for v in below}
        pB = pYXZ.sum(axis=tuple(k for k in range(3) if k not in keep), keepdims=True)
        return float(-np.sum(pYXZ * LOG(pYXZ / pB)))
    rows = {
        "L1": lambda e: I(e, (X,), (Y1, Y2)),
        "R1": lambda e: I(e, (X,), (Y1,)) + I(e, (X,), (Y2,), (Y1,)),
        "HXYgZ": lambda e: _H(J(e), (X, Y), (Z,)), "a": a, "b": b,
        "HYXgZ": lambda e: _H(J(e), (Y, X), (Z,)),
        "d0": lambda e: I(e, (X,), (Y1, Y2)), "d1": lambda e: I(e, (Y1, Y2), (X,)),
        "d2": lambda e: I(e, (X,), (Y1,)) + I(e, (Y2,), (X,), (Y1,)),
        "d3": lambda e: I(e, (X,), (Y1,)) + I(e, (X,), (Y2,), (Y1,)),
    }
    steps = tight([Step("=", "L1", "R1")]
                   + chain(["HXYgZ", ("=", "a"), ("=", "b"), ("=", "HYXgZ")])
                   + chain(["d0", ("=", "d1"), ("=", "d2"), ("=", "d3")]), 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"R1": lambda e: I(e, (X,), (Y1,)) + I(e, (X,), (Y2,))},
            {"a": lambda e: a(e, sign=+1)},
            {"b": lambda e: b(e, below=(X,))},
            {"d2": lambda e: I(e, (X,), (Y1,)) + I(e, (Y1,), (X,), (Y2,))},
            {"d3": lambda e: I(e, (X,), (Y1,)) + I(e, (X,), (Y2,))},
        ],
        lookalikes=[
            {"d1": lambda e: I(e, (Y2, Y1), (X,))},
            {"HYXgZ": lambda e: _H(J(e), (X, Y), (Z,))},
        ])


# ------------------------------------------------------------------ binary entropy function (Wikipedia)

def _bin_entropy():
    def sample(rng):
        return {"p": float(rng.uniform(0.02, 0.98))}
    p = lambda e: e["p"]
    log2 = lambda v: np.log(v) / LN2
    Hb = lambda t: -t * log2(t) - (1 - t) * log2(1 - t)
    n = np.arange(1, 20001, dtype=float)

    def dHb(e):
        h = 1e-30
        return float(np.imag(Hb(p(e) + 1j * h)) / h)

    def taylor(e, half=2.0, power=2):
        return float(1 - 1 / (half * LN2) * np.sum((1 - 2 * p(e)) ** (power * n) / (n * (2 * n - 1))))
    logit2 = lambda e: float(log2(p(e) / (1 - p(e))))
    rows = {
        "HX": lambda e: float(-sum(w * math.log(w) for w in (1 - p(e), p(e))) / LN2),
        "Hb": lambda e: float(Hb(p(e))),
        "F": lambda e: float(-p(e) * log2(p(e)) - (1 - p(e)) * log2(1 - p(e))),
        "D": dHb, "nl": lambda e: -logit2(e),
        "r": lambda e: float(-log2(p(e) / (1 - p(e)))),
        "T": taylor,
    }
    steps = tight(chain(["HX", ("=", "Hb"), ("=", "F")]) + chain(["D", ("=", "nl"), ("=", "r")])
                   + [Step("=", "Hb", "T")], 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"F": lambda e: float(-p(e) * log2(p(e)) + (1 - p(e)) * log2(1 - p(e)))},
            {"r": lambda e: float(-log2((1 - p(e)) / p(e)))},
            {"T": lambda e: taylor(e, half=1.0)},
            {"T": lambda e: taylor(e, power=1)},
            {"nl": logit2},
        ],
        lookalikes=[
            {"r": lambda e: float(log2((1 - p(e)) / p(e)))},
            {"T": lambda e: float(1 - 1 / math.log(4) * np.sum((1 - 2 * p(e)) ** (2 * n) / (n * (2 * n - 1))))},
        ])


# ------------------------------------------------------------------ convexity of KL via log-sum (techqa 3963943)

def _kl_convex():
    def sample(rng):
        m = int(rng.integers(2, 7))
        return {"q": pmf(rng, m), "p": pmf(rng, m), "q1": pmf(rng, m), "q2": pmf(rng, m),
                "u1": float(rng.uniform(0.05, 4.0)), "u2": float(rng.uniform(0.05, 4.0)),
                "lam": float(rng.uniform(0.05, 0.95))}
    S = lambda v: float(np.sum(v))
    phi = lambda r: S(r * LOG(r))
    lam = lambda e: e["lam"]
    mix = lambda e: lam(e) * e["q1"] + (1 - lam(e)) * e["q2"]

    def c3(e, second="q2"):
        return lam(e) * S(e["q1"] * LOG(e["q1"])) + (1 - lam(e)) * S(e["q2"] * LOG(e[second]))
    rows = {
        "KL": lambda e: S(e["q"] * LOG(e["q"] / e["p"])),
        "k1": lambda e: S(e["q"] * LOG(e["q"])) - S(e["q"] * LOG(e["p"])),
        "L2": lambda e: lam(e) * e["u1"] * math.log(e["u1"]) + (1 - lam(e)) * e["u2"] * math.log(e["u2"]),
        "R2": lambda e: ((lam(e) * e["u1"] + (1 - lam(e)) * e["u2"])
                         * math.log((lam(e) * e["u1"] + (1 - lam(e)) * e["u2"]) / (lam(e) + 1 - lam(e)))),
        "P0": lambda e: phi(mix(e)),
        "c1": lambda e: S(mix(e) * LOG(mix(e))),
        "c2": lambda e: S(lam(e) * e["q1"] * LOG(e["q1"]) + (1 - lam(e)) * e["q2"] * LOG(e["q2"])),
        "c3": c3,
        "c4": lambda e: lam(e) * phi(e["q1"]) + (1 - lam(e)) * phi(e["q2"]),
    }
    steps = tight([Step("=", "KL", "k1"), Step(">=", "L2", "R2")]
                   + chain(["P0", ("=", "c1"), ("<=", "c2"), ("=", "c3"), ("=", "c4")]), 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"k1": lambda e: S(e["q"] * LOG(e["q"])) + S(e["q"] * LOG(e["p"]))},
            {("rel", 2): "<="},
            {("rel", 4): ">="},
            {"c3": lambda e: c3(e, second="q1")},
            {"c4": lambda e: lam(e) * phi(e["q1"]) + lam(e) * phi(e["q2"])},
        ],
        lookalikes=[
            {"R2": lambda e: (lam(e) * e["u1"] + (1 - lam(e)) * e["u2"]) * math.log(lam(e) * e["u1"] + (1 - lam(e)) * e["u2"])},
            {"c4": lambda e: (1 - lam(e)) * phi(e["q2"]) + lam(e) * phi(e["q1"])},
        ])


# ------------------------------------------------------------------ joint entropy = H(X) + H(Y|X) (hincal)

def _joint_entropy():
    def sample(rng):
        a, b = int(rng.integers(2, 5)), int(rng.integers(2, 5))
        return {"J": joint(rng, a, b), "x0": int(rng.integers(0, a))}
    J = lambda e: e["J"]
    px = lambda e: J(e).sum(axis=1, keepdims=True)
    pygx = lambda e: J(e) / px(e)
    S = lambda v: float(np.sum(v))

    def e2(e, plus=False):
        inner = px(e) + pygx(e) if plus else px(e) * pygx(e)
        return -S(px(e) * pygx(e) * LOG(inner))

    def e3(e, s=1):
        return -S(px(e) * pygx(e) * (LOG(px(e)) + s * LOG(pygx(e))))
    HX = lambda e: -S(px(e) * LOG(px(e)))
    rows = {
        "HXY": lambda e: -S(J(e) * LOG(J(e))),
        "e1": lambda e: -S(J(e) * LOG(J(e))),
        "e2": e2, "e3": e3,
        "e4": lambda e: -S(px(e) * pygx(e) * LOG(px(e))) - S(px(e) * pygx(e) * LOG(pygx(e))),
        "u": lambda e: float(pygx(e)[e["x0"], :].sum()), "one": lambda e: 1.0,
        "g1": lambda e: -S(px(e) * LOG(px(e))) * 1, "g2": lambda e: -S(px(e) * LOG(px(e))),
        "HXr": HX,
        "fin": lambda e: HX(e) + _H(J(e), (1,), (0,)),
    }
    steps = tight([Step("=", "HXY", "e1"), Step("=", "HXY", "e2"), Step("=", "HXY", "e3"),
                    Step("=", "HXY", "e4"), Step("=", "u", "one")]
                   + chain(["g1", ("=", "g2"), ("=", "HXr")]) + [Step("=", "HXY", "fin")], 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"e2": lambda e: e2(e, plus=True)},
            {"e3": lambda e: e3(e, s=-1)},
            {"one": lambda e: float(px(e)[e["x0"], 0])},
            {"HXr": lambda e: -HX(e)},
            {"fin": lambda e: HX(e) + _H(J(e), (0,), (1,))},
        ],
        lookalikes=[
            {"e1": lambda e: S(J(e) * LOG(1 / J(e)))},
            {"fin": lambda e: _H(J(e), (1,), (0,)) + HX(e)},
        ])


# ------------------------------------------------------------------ KL between two normals (John D. Cook)

def _gauss_kl():
    def sample(rng):
        return {"mX": float(rng.normal(0, 1.5)), "mY": float(rng.normal(0, 1.5)),
                "sX": float(rng.uniform(0.4, 2.5)), "sY": float(rng.uniform(0.4, 2.5))}

    def grid(e):
        lo = min(e["mX"], e["mY"]) - 14 * max(e["sX"], e["sY"])
        hi = max(e["mX"], e["mY"]) + 14 * max(e["sX"], e["sY"])
        return np.linspace(lo, hi, 200001)

    def logN(x, m, s):
        return -0.5 * np.log(2 * np.pi * s * s) - (x - m) ** 2 / (2 * s * s)

    def integral(e, sign=-1):
        x = grid(e)
        lX, lY = logN(x, e["mX"], e["sX"]), logN(x, e["mY"], e["sY"])
        return float(sign * np.trapezoid(np.exp(lX) * (lY - lX), x))

    def closed(e, ratio=None, const=-0.5, var="sY"):
        r = math.log(e["sY"] / e["sX"]) if ratio is None else ratio(e)
        return r + (e["sX"] ** 2 + (e["mX"] - e["mY"]) ** 2) / (2 * e[var] ** 2) + const
    rows = {
        "KL": lambda e: float(np.trapezoid(np.exp(logN(grid(e), e["mX"], e["sX"]))
                                       * (logN(grid(e), e["mX"], e["sX"]) - logN(grid(e), e["mY"], e["sY"])), grid(e))),
        "d1": integral, "d2": closed,
    }
    steps = tight([Step("=", "KL", "d1"), Step("=", "KL", "d2")], 1e-8)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"d1": lambda e: integral(e, sign=+1)},
            {"d2": lambda e: closed(e, ratio=lambda e: math.log(e["sX"] / e["sY"]))},
            {"d2": lambda e: closed(e, const=+0.5)},
            {"d2": lambda e: closed(e, var="sX")},
        ],
        lookalikes=[
            {"d2": lambda e: math.log(e["sY"] / e["sX"]) + (e["sX"] ** 2 + (e["mY"] - e["mX"]) ** 2) / (2 * e["sY"] ** 2) - 0.5},
            {"d2": lambda e: closed(e, ratio=lambda e: 0.5 * math.log(e["sY"] ** 2 / e["sX"] ** 2))},
        ])


MODELS = {
    "s13n_mi_chain_techqa": _mi_chain_techqa(),
    "s13n_mi_chain_imathworks": _mi_chain_imathworks(),
    "s13n_bin_entropy_wikipedia": _bin_entropy(),
    "s13n_kl_convex_techqa": _kl_convex(),
    "s13n_joint_entropy_hincal": _joint_entropy(),
    "s13n_gauss_kl_johndcook": _gauss_kl(),
}

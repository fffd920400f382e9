"""Truth models of the s14q_ entries (a held-out set on variational inference and VAEs from
sources not used before: A. Kristiadi's VAE post, Will Wolf's EM derivation, a blog summary of
IWAE and jackknife variational inference, a blog's derivation of the Kingma-Welling Gaussian
integrals, J. Altosaar's VAE tutorial). Discrete densities are random positive pmfs on small
finite supports (integrals against counting measure), joints random positive tables, the
observed point index 0; Gaussian integrals by Gauss-Hermite quadrature in each coordinate
(the integrands are sums of one-coordinate terms, so the quadrature is exact up to rounding)."""

from __future__ import annotations

import itertools

import numpy as np

from .base import Model, Step, chain, joint, pmf, tight

LOG = np.log


def _kl(p, q):
    return float(np.sum(p * LOG(p / q)))


def _latent(rng):
    """A joint P(x, z) on nx x nz points and a variational pmf Q(z) (at the observed x = 0)."""
    nx, nz = int(rng.integers(2, 5)), int(rng.integers(2, 6))
    return {"pxz": joint(rng, nx, nz), "q": pmf(rng, nz)}


def _parts(e):
    """q, the joint's row at the observed x, p(x), prior p(z), posterior p(z|x), likelihood p(x|z)."""
    pxz, q = e["pxz"], e["q"]
    row = pxz[0]
    px = float(row.sum())
    pz = pxz.sum(axis=0)
    return q, row, px, pz, row / px, row / pz


def _E(e, g):
    return float(np.sum(e["q"] * g))


# ------------------------------------------------------------------ VAE objective (Kristiadi)

def _kristiadi():
    P = _parts

    def kl(e):
        q, row, px, pz, post, lik = P(e)
        return _kl(q, post)

    def r1(e, swap=False, reorder=False):
        q, row, px, pz, post, lik = P(e)
        ratio = lik * px / pz if swap else lik * pz / px
        return _E(e, LOG(q) - LOG(ratio))

    def r3(e, sign=+1):
        q, row, px, pz, post, lik = P(e)
        return _E(e, LOG(q) - LOG(lik) - LOG(pz) + sign * LOG(px))

    def inner(e):
        q, row, px, pz, post, lik = P(e)
        return _E(e, LOG(q) - LOG(lik) - LOG(pz))

    def lp(e):
        return float(LOG(P(e)[2]))

    def rec(e):
        q, row, px, pz, post, lik = P(e)
        return _E(e, LOG(lik))

    def s8(e, sign=-1):
        q, row, px, pz, post, lik = P(e)
        return rec(e) + sign * _E(e, LOG(q) - LOG(pz))

    def s9(e, swap=False):
        q, row, px, pz, post, lik = P(e)
        return rec(e) - (_kl(pz, q) if swap else _kl(q, pz))

    def obj(e, sign=-1):
        q, row, px, pz, post, lik = P(e)
        return rec(e) + sign * _kl(q, pz)

    rows = {
        "K": kl, "r1": r1,
        "r2": lambda e: _E(e, LOG(P(e)[0]) - (LOG(P(e)[5]) + LOG(P(e)[3]) - LOG(P(e)[2]))),
        "r3": r3,
        "K4": kl, "a4": lambda e: inner(e) + lp(e),
        "b5": lambda e: kl(e) - lp(e), "a5": inner,
        "b6": lambda e: kl(e) - lp(e), "a6": inner,
        "c7": lambda e: lp(e) - kl(e),
        "a7": lambda e: _E(e, LOG(P(e)[5]) - (LOG(P(e)[0]) - LOG(P(e)[3]))),
        "a8": s8, "a9": s9,
        "c10": lambda e: lp(e) - kl(e), "a10": obj,
    }
    steps = tight(chain(["K", ("=", "r1"), ("=", "r2"), ("=", "r3")])
                   + [Step("=", "K4", "a4"), Step("=", "b5", "a5"), Step("=", "b6", "a6")]
                   + chain(["c7", ("=", "a7"), ("=", "a8"), ("=", "a9")])
                   + [Step("=", "c10", "a10")], 1e-10)
    return Model(
        sample=_latent, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: r1(e, swap=True)},
            {"r3": lambda e: r3(e, sign=-1)},
            {"a9": lambda e: s9(e, swap=True)},
            {"a10": lambda e: obj(e, sign=+1)},
            {"a8": lambda e: s8(e, sign=+1)},
        ],
        lookalikes=[{}, {"a8": lambda e: rec(e) - _E(e, LOG(P(e)[0])) + _E(e, LOG(P(e)[3]))}])


# ------------------------------------------------------------------ EM: ELBO and its gap R (Will Wolf)

def _willwolf():
    P = _parts

    def lp(e):
        return float(LOG(P(e)[2]))

    def elbo(e):
        q, row, px, pz, post, lik = P(e)
        return _E(e, LOG(row / q))

    def r1(e, drop_q=False):
        q, row, px, pz, post, lik = P(e)
        return float(LOG(np.sum(row / q) if drop_q else np.sum(q * row / q)))

    def r5(e, sign=+1):
        q, row, px, pz, post, lik = P(e)
        return _E(e, lp(e) - (LOG(post) + sign * lp(e) - LOG(q)))

    def r7(e, inv=False):
        q, row, px, pz, post, lik = P(e)
        return -_E(e, LOG(q / post) if inv else LOG(post / q))

    def kl(e, swap=False):
        q, row, px, pz, post, lik = P(e)
        return _kl(post, q) if swap else _kl(q, post)

    def d3(e, sign=+1):
        return elbo(e) + sign * kl(e)

    def R(e):
        return lp(e) - elbo(e)

    inner = lambda e: LOG(P(e)[4]) + lp(e) - LOG(P(e)[0])
    rows = {
        "lp": lp, "a1": lambda e: float(LOG(np.sum(P(e)[1]))), "a2": r1,
        "a3": lambda e: float(LOG(_E(e, P(e)[1] / P(e)[0]))),
        "R4": R, "b4": lambda e: lp(e) - _E(e, LOG(P(e)[1] / P(e)[0])),
        "R5": R, "c1": lambda e: lp(e) - _E(e, LOG(P(e)[1] / P(e)[0])),
        "c2": lambda e: lp(e) - _E(e, LOG(P(e)[1]) - LOG(P(e)[0])),
        "c3": lambda e: lp(e) - _E(e, inner(e)),
        "c4": lambda e: _E(e, lp(e) + 0 * P(e)[0]) - _E(e, inner(e)),
        "c5": r5,
        "c6": lambda e: _E(e, -(LOG(P(e)[4]) - LOG(P(e)[0]))),
        "c7": r7, "c8": kl,
        "lp13": lp, "d13": d3,
    }
    steps = tight(chain(["lp", ("=", "a1"), ("=", "a2"), ("=", "a3")])
                   + [Step("=", "R4", "b4")]
                   + chain(["R5", ("=", "c1"), ("=", "c2"), ("=", "c3"), ("=", "c4"), ("=", "c5"),
                            ("=", "c6"), ("=", "c7"), ("=", "c8")])
                   + [Step("=", "lp13", "d13")], 1e-10)
    return Model(
        sample=_latent, rows=rows, steps=steps,
        mutants=[
            {"a2": lambda e: r1(e, drop_q=True)},
            {"a1": lambda e: float(np.sum(LOG(P(e)[1])))},
            {"c5": lambda e: r5(e, sign=-1)},
            {"c7": lambda e: r7(e, inv=True)},
            {"c8": lambda e: kl(e, swap=True)},
            {"d13": lambda e: d3(e, sign=-1)},
        ],
        lookalikes=[{}, {"c8": lambda e: _E(e, LOG(P(e)[0] / P(e)[4]))}])


# ------------------------------------------------------------------ ELBO forms and the IWAE bound (jackknife post)

def _jackknife():
    P = _parts

    def sample(rng):
        e = _latent(rng)
        e["k"] = int(rng.integers(1, 4))
        return e

    def lp(e):
        return float(LOG(P(e)[2]))

    def w(e, inv=False):
        q, row, px, pz, post, lik = P(e)
        return q / (lik * pz) if inv else lik * pz / q

    def a2(e, inv=False):
        return float(LOG(np.sum(w(e, inv) * P(e)[0])))

    def L(e):
        return _E(e, LOG(w(e)))

    def b1(e, sign=-1):
        q, row, px, pz, post, lik = P(e)
        return lp(e) + sign * _kl(q, post)

    def b2(e, sign=-1):
        q, row, px, pz, post, lik = P(e)
        return _E(e, LOG(row)) + _E(e, sign * LOG(q))

    def b3(e, swap=False):
        q, row, px, pz, post, lik = P(e)
        return _E(e, LOG(lik)) - (_kl(pz, q) if swap else _kl(q, pz))

    def tuples(e):
        """All k-tuples of latent points with their probability under q^k."""
        q = P(e)[0]
        for idx in itertools.product(range(len(q)), repeat=e["k"]):
            yield idx, float(np.prod(q[list(idx)]))

    def Lk(e):
        wt = w(e)
        return sum(pr * float(LOG(np.mean(wt[list(idx)]))) for idx, pr in tuples(e))

    def logEmean(e, scale=True):
        wt = w(e)
        total = sum(pr * (float(np.mean(wt[list(idx)])) if scale else float(np.sum(wt[list(idx)])))
                    for idx, pr in tuples(e))
        return float(LOG(total))

    rows = {
        "lp": lp, "a1": lambda e: float(LOG(np.sum(P(e)[5] * P(e)[3]))), "a2": a2,
        "a3": lambda e: float(LOG(_E(e, w(e)))),
        "lp4": lp, "e4": L,
        "L": L, "b1": b1, "b2": b2, "b3": b3,
        "Lk": Lk, "c1": logEmean, "c2": lp,
    }
    steps = tight(chain(["lp", ("=", "a1"), ("=", "a2"), ("=", "a3")])
                   + [Step(">=", "lp4", "e4")]
                   + chain(["L", ("=", "b1"), ("=", "b2"), ("=", "b3")])
                   + chain(["Lk", ("<=", "c1"), ("=", "c2")]), 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"a2": lambda e: a2(e, inv=True)},
            {("rel", 4): "<="},
            {"b1": lambda e: b1(e, sign=+1)},
            {"b2": lambda e: b2(e, sign=+1)},
            {"b3": lambda e: b3(e, swap=True)},
            {("rel", 8): ">="},
            {"c1": lambda e: logEmean(e, scale=False)},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ diagonal Gaussian integrals (Kingma-Welling blog)

_GH_T, _GH_W = np.polynomial.hermite.hermgauss(40)


def _gauss_E(mu, sigma, f):
    """E f(z_j) for z_j ~ N(mu, sigma^2), one value per coordinate (Gauss-Hermite)."""
    zs = mu[:, None] + np.sqrt(2.0) * sigma[:, None] * _GH_T[None, :]
    return np.sum(_GH_W[None, :] * f(zs, mu[:, None], sigma[:, None]), axis=1) / np.sqrt(np.pi)


def _kwblog():
    def sample(rng):
        J = int(rng.integers(1, 5))
        return {"mu": rng.normal(0, 1.2, size=J), "s": rng.uniform(0.3, 2.0, size=J)}

    def logN(z, m, s):
        return -0.5 * LOG(2 * np.pi) - LOG(s) - (z - m) ** 2 / (2 * s ** 2)

    def logN01(z, m, s):
        return -0.5 * LOG(2 * np.pi) - z ** 2 / 2

    mu, sg = (lambda e: e["mu"]), (lambda e: e["s"])
    J = lambda e: len(e["mu"])
    Eq = lambda e, f: float(np.sum(_gauss_E(mu(e), sg(e), f)))   # E_q of a sum of one-coordinate terms

    def ent(e):
        return Eq(e, logN)

    def r2(e):
        # log( 1/sqrt((2 pi)^J prod sigma^2) exp(-(z-mu)^T (sigma^2 I)^{-1} (z-mu)/2) ), as a sum over coordinates
        const = -0.5 * J(e) * LOG(2 * np.pi) - 0.5 * float(np.sum(LOG(sg(e) ** 2)))
        return const + Eq(e, lambda z, m, s: -(z - m) ** 2 / (2 * s ** 2))

    def r3(e, sign=-1):
        const = -0.5 * J(e) * LOG(2 * np.pi) + sign * 0.5 * float(np.sum(LOG(sg(e) ** 2)))
        return const * 1.0 - 0.5 * Eq(e, lambda z, m, s: (z - m) ** 2 / s ** 2)

    def r4(e, pw=2):
        second = _gauss_E(mu(e), sg(e), lambda z, m, s: (z - m) ** 2)
        return (-0.5 * J(e) * LOG(2 * np.pi) - 0.5 * float(np.sum(LOG(sg(e) ** 2)))
                - 0.5 * float(np.sum(second / sg(e) ** pw)))

    def r5(e, var=True):
        v = sg(e) ** 2 if var else sg(e)
        return -0.5 * J(e) * LOG(2 * np.pi) - 0.5 * float(np.sum(1 + LOG(v)))

    def negkl(e):
        return Eq(e, logN01) - Eq(e, logN)

    def k1(e, swap=False):
        v = Eq(e, lambda z, m, s: logN01(z, m, s) - logN(z, m, s))
        return -v if swap else v

    def k2(e, sign=-1):
        v = sg(e) ** 2
        return 0.5 * float(np.sum(1 + LOG(v) + sign * v - mu(e) ** 2))

    rows = {"H": ent, "a1": ent, "a2": r2, "a3": r3, "a4": r4, "a5": r5,
            "K": negkl, "k1": k1, "k2": k2}
    steps = tight(chain(["H", ("=", "a1"), ("=", "a2"), ("=", "a3"), ("=", "a4"), ("=", "a5")])
                   + chain(["K", ("=", "k1"), ("=", "k2")]), 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"a5": lambda e: r5(e, var=False)},
            {"a3": lambda e: r3(e, sign=+1)},
            {"a4": lambda e: r4(e, pw=1)},
            {"k2": lambda e: k2(e, sign=+1)},
            {"k1": lambda e: k1(e, swap=True)},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ gradient of an expectation (Obsidian note)

_H = 1e-20


def _obsidian():
    def sample(rng):
        n = int(rng.integers(2, 6))
        return {"p": pmf(rng, n), "a": rng.normal(0, 1, n), "b": rng.normal(0, 1, n),
                "c": rng.normal(0, 1, n), "d": rng.normal(0, 1.5, n), "g": rng.normal(0, 1, n),
                "th": rng.uniform(-1.5, 1.5)}

    def pth(e, t):
        w = np.exp(e["a"] + t * e["b"])
        return w / np.sum(w)

    def f(e, t):
        return e["c"] + np.sin(t * e["d"]) + t * t * e["g"]

    def d(fun, e):
        """d/dtheta of fun(theta) at the instance's theta, by the complex step."""
        return np.imag(fun(e["th"] + 1j * _H)) / _H

    th = lambda e: e["th"]
    p = lambda e: e["p"]
    E1 = lambda e: float(d(lambda t: np.sum(p(e) * f(e, t)), e))
    df = lambda e: d(lambda t: f(e, t), e)
    dp = lambda e: d(lambda t: pth(e, t), e)
    E2 = lambda e: float(d(lambda t: np.sum(pth(e, t) * f(e, t)), e))
    rows = {
        "G1": E1, "a1": E1,
        "a2": lambda e: float(np.sum(p(e) * df(e))),
        "a3": lambda e: float(np.sum(p(e) * df(e))),
        "G2": E2, "b1": E2,
        "b2": lambda e: float(np.sum(d(lambda t: pth(e, t) * f(e, t), e))),
        "b3": lambda e: float(np.sum(f(e, th(e)) * dp(e)) + np.sum(pth(e, th(e)) * df(e))),
    }
    steps = tight(chain(["G1", ("=", "a1"), ("=", "a2"), ("=", "a3")])
                   + chain(["G2", ("=", "b1"), ("=", "b2"), ("=", "b3")]), 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"a2": lambda e: 0.0 * float(np.sum(f(e, th(e))))},
            {"a3": lambda e: float(np.sum(p(e) * f(e, th(e))))},
            {"b1": lambda e: float(d(lambda t: np.sum(p(e) * f(e, t)), e))},
            {"b3": lambda e: float(np.sum(f(e, th(e)) * dp(e)) - np.sum(pth(e, th(e)) * df(e)))},
            {"b3": lambda e: float(np.sum(pth(e, th(e)) * df(e)))},
        ],
        lookalikes=[{"a3": E1}, {}])


# ------------------------------------------------------------------ evidence = ELBO + KL (Altosaar)

def _altosaar():
    P = _parts
    lp = lambda e: float(LOG(P(e)[2]))

    def kl(e, swap=False):
        q, row, px, pz, post, lik = P(e)
        return _kl(post, q) if swap else _kl(q, post)

    def r1(e, sign=+1, flip=False, lik=False):
        q, row, px, pz, post, lk = P(e)
        joint_ = lk if lik else row
        a, b = _E(e, LOG(q)), _E(e, LOG(joint_))
        if flip:
            a, b = b, a
        return a - b + sign * lp(e)

    elbo = lambda e: _E(e, LOG(P(e)[1])) - _E(e, LOG(P(e)[0]))

    def c1(e, sign=+1, swap=False):
        return elbo(e) + sign * kl(e, swap)

    rows = {"K": kl, "r1": r1, "lp": lp, "c1": c1}
    steps = tight([Step("=", "K", "r1"), Step("=", "lp", "c1")], 1e-10)
    return Model(
        sample=_latent, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: r1(e, sign=-1)},
            {"r1": lambda e: r1(e, flip=True)},
            {"c1": lambda e: c1(e, sign=-1)},
            {"c1": lambda e: c1(e, swap=True)},
            {"r1": lambda e: r1(e, lik=True)},
        ],
        lookalikes=[{}, {}])


MODELS = {
    "s14q_vae_objective_kristiadi": _kristiadi(),
    "s14q_em_elbo_willwolf": _willwolf(),
    "s14q_elbo_iwae_jackknife": _jackknife(),
    "s14q_gauss_kl_integrals_kwblog": _kwblog(),
    "s14q_grad_expectation_obsidian": _obsidian(),
    "s14q_elbo_evidence_altosaar": _altosaar(),
}

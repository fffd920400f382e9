"""Truth models of the s15u_ entries (a held-out set on variational inference and VAEs from sources
not used before: web notes 'Theory of Variational Inference', Markdown EM course notes, an AI Stack
Exchange answer on the Gaussian KL, a Q&A page on the diagonal-Gaussian KL loss, parkcheolhee-lab's
AEVB notes, an Anki card on the reparametrization trick). Discrete densities are random positive
pmfs on small finite supports (integrals against counting measure), joints random positive tables,
the observed point index 0; Gaussian integrals by Gauss-Hermite quadrature (the integrands are
polynomials of degree 2 in the variable, so the quadrature is exact up to rounding); gradients by
central differences."""

from __future__ import annotations

import numpy as np

from .base import Model, Step, chain, joint, pmf, tight

LOG = np.log
GH_T, GH_W = np.polynomial.hermite.hermgauss(20)


def _kl(p, q):
    return float(np.sum(p * LOG(p / q)))


# ------------------------------------------------------------------ ELBO by Jensen (VI theory notes)

def _vitheory():
    def sample(rng):
        nx, nz, nt = int(rng.integers(2, 4)), int(rng.integers(2, 6)), int(rng.integers(2, 4))
        return {"P": joint(rng, nx, nz, nt), "q": pmf(rng, nz)}   # q(Z|theta) at the theta index 0

    def parts(e):
        P, q = e["P"], e["q"]
        pt = P[:, :, 0]                       # P(x, z, theta0) table over (x, z)
        ptheta = pt.sum()
        xz = pt[0] / ptheta                   # P(X, Z | theta) at x0
        pz = pt.sum(axis=0) / ptheta          # P(Z | theta)
        lik = pt[0] / pt.sum(axis=0)          # P(X | Z, theta)
        post = xz / xz.sum()                  # P(Z | X, theta)
        return q, xz, pz, lik, post

    def lp(e):
        return float(LOG(parts(e)[1].sum()))

    def r3(e, drop_q=False):
        q, xz, pz, lik, post = parts(e)
        return float(LOG(np.sum((1.0 if drop_q else q) * lik * pz / q)))

    def elbo(e, nolog=False):
        q, xz, pz, lik, post = parts(e)
        r = lik * pz / q
        return float(np.sum(q * (r if nolog else LOG(r))))

    rows = {
        "lp": lp,
        "a1": lambda e: float(LOG(np.sum(parts(e)[1]))),
        "a2": lambda e: float(LOG(np.sum(parts(e)[3] * parts(e)[2]))),
        "a3": r3,
        "a4": lambda e: float(LOG(np.sum(parts(e)[0] * parts(e)[3] * parts(e)[2] / parts(e)[0]))),
        "lp5": lp, "b5": elbo,
    }
    steps = tight(chain(["lp", ("=", "a1"), ("=", "a2"), ("=", "a3"), ("=", "a4")])
                   + [Step(">=", "lp5", "b5")], 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"a3": lambda e: r3(e, drop_q=True)},
            {("rel", 5): "<="},
            {"a2": lambda e: float(LOG(np.sum(parts(e)[4] * parts(e)[2])))},
            {"b5": lambda e: elbo(e, nolog=True)},
        ],
        lookalikes=[{"b5": lambda e: float(np.sum(parts(e)[0] * LOG(parts(e)[1] / parts(e)[0])))},
                    {}])


# ------------------------------------------------------------------ ELBO and its KL gap (EM notes)

def _latent(rng):
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


def _lvmnotes():
    P = _parts

    def F(e):
        q, row, px, pz, post, lik = P(e)
        return _E(e, LOG(row / q))

    def KL(e):
        q, row, px, pz, post, lik = P(e)
        return _kl(q, post)

    def a3(e, inv=False):
        q, row, px, pz, post, lik = P(e)
        r = post / row if inv else row / post
        return _E(e, LOG(r * q / q))

    def a4(e, inv=False):
        q, row, px, pz, post, lik = P(e)
        return F(e) + _E(e, LOG(post / q) if inv else LOG(q / post))

    rows = {
        "l": lambda e: float(LOG(P(e)[2])),
        "a1": lambda e: _E(e, LOG(P(e)[2]) + 0 * P(e)[0]),
        "a2": lambda e: _E(e, LOG(P(e)[2] * P(e)[0] / P(e)[0])),
        "a3": a3, "a4": a4,
        "a5": lambda e: F(e) + KL(e),
        "a6": F,
    }
    steps = tight(chain(["l", ("=", "a1"), ("=", "a2"), ("=", "a3"), ("=", "a4"), ("=", "a5"),
                          (">=", "a6")]), 1e-10)
    return Model(
        sample=_latent, rows=rows, steps=steps,
        mutants=[
            {"a4": lambda e: a4(e, inv=True)},
            {("rel", 6): "<="},
            {"a3": lambda e: a3(e, inv=True)},
            {"a5": lambda e: F(e) - KL(e)},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ univariate Gaussian KL (AI SE 26400)

def _gauss_sample(rng):
    return {"m1": rng.uniform(-2, 2), "m2": rng.uniform(-2, 2),
            "s1": rng.uniform(0.3, 2.5), "s2": rng.uniform(0.3, 2.5)}


def _logN(x, m, s):
    return -0.5 * LOG(2 * np.pi * s * s) - (x - m) ** 2 / (2 * s * s)


def _Ep(e, g):
    x = e["m1"] + np.sqrt(2) * e["s1"] * GH_T
    return float(np.sum(GH_W * g(x)) / np.sqrt(np.pi))


def _aise():
    def lp(x, e): return _logN(x, e["m1"], e["s1"])
    def lq(x, e): return _logN(x, e["m2"], e["s2"])

    def kl(e): return _Ep(e, lambda x: lp(x, e) - lq(x, e))

    def half_log2(e): return 0.5 * LOG(2 * np.pi * e["s2"] ** 2)

    def ent(e, sign=-1): return sign * 0.5 * (1 + LOG(2 * np.pi * e["s1"] ** 2))

    def c2(e, sign=-1):
        ex2, ex = _Ep(e, lambda x: x * x), _Ep(e, lambda x: x)
        return half_log2(e) + (ex2 + sign * 2 * ex * e["m2"] + e["m2"] ** 2) / (2 * e["s2"] ** 2)

    def final(e, const=-0.5, swap=False):
        a, b = (e["s1"], e["s2"]) if swap else (e["s2"], e["s1"])
        return LOG(a) - LOG(b) + (e["s1"] ** 2 + (e["m1"] - e["m2"]) ** 2) / (2 * e["s2"] ** 2) + const

    rows = {
        "K": kl, "i1": lambda e: _Ep(e, lambda x: lp(x, e) - lq(x, e)),
        "i2": lambda e: _Ep(e, lambda x: lp(x, e)) - _Ep(e, lambda x: lq(x, e)),
        "H": lambda e: _Ep(e, lambda x: lp(x, e)), "Hr": ent,
        "C": lambda e: -_Ep(e, lambda x: lq(x, e)),
        "c1": lambda e: half_log2(e) - _Ep(e, lambda x: -(x - e["m2"]) ** 2 / (2 * e["s2"] ** 2)),
        "c2": c2,
        "c3": lambda e: half_log2(e) + (e["s1"] ** 2 + e["m1"] ** 2 - 2 * e["m1"] * e["m2"] + e["m2"] ** 2)
        / (2 * e["s2"] ** 2),
        "c4": lambda e: half_log2(e) + (e["s1"] ** 2 + (e["m1"] - e["m2"]) ** 2) / (2 * e["s2"] ** 2),
        "K8": kl, "f8": final,
    }
    steps = tight(chain(["K", ("=", "i1"), ("=", "i2")]) + [Step("=", "H", "Hr")]
                   + chain(["C", ("=", "c1"), ("=", "c2"), ("=", "c3"), ("=", "c4")])
                   + [Step("=", "K8", "f8")], 1e-9)
    return Model(
        sample=_gauss_sample, rows=rows, steps=steps,
        mutants=[
            {"Hr": lambda e: ent(e, sign=+1)},
            {"c2": lambda e: c2(e, sign=+1)},
            {"f8": lambda e: final(e, const=+0.5)},
            {"f8": lambda e: final(e, swap=True)},
        ],
        lookalikes=[{"f8": lambda e: LOG(e["s2"] / e["s1"]) + (e["s1"] ** 2 + (e["m2"] - e["m1"]) ** 2)
                     / (2 * e["s2"] ** 2) - 0.5},
                    {"f8": lambda e: LOG(e["s2"] / e["s1"]) + (e["s1"] ** 2 + (e["m1"] - e["m2"]) ** 2)
                     / (2 * e["s2"] ** 2) - 0.5}])


# ------------------------------------------------------------------ diagonal Gaussian KL to N(0, I)

def _diag():
    def sample(rng):
        n = int(rng.integers(1, 5))
        return {"n": n, "mu": rng.uniform(-2, 2, n), "s": rng.uniform(0.3, 2.5, n)}

    def kl(e):
        tot = 0.0
        for m, s in zip(e["mu"], e["s"]):
            x = m + np.sqrt(2) * s * GH_T
            g = _logN(x, m, s) - _logN(x, 0.0, 1.0)
            tot += float(np.sum(GH_W * g) / np.sqrt(np.pi))
        return tot

    def mats(e):
        n = e["n"]
        return np.eye(n), np.diag(e["s"] ** 2), e["mu"], n

    def r1(e, inv=False):
        I, S, mu, n = mats(e)
        ld = LOG(np.linalg.det(S) / np.linalg.det(I)) if inv else LOG(np.linalg.det(I) / np.linalg.det(S))
        d = np.zeros(n) - mu
        return 0.5 * (ld - n + np.trace(np.linalg.inv(I) @ S) + d @ np.linalg.inv(I) @ d)

    def r2(e, sign=-1):
        I, S, mu, n = mats(e)
        return 0.5 * (-LOG(np.linalg.det(S)) + sign * n + np.trace(S) + mu @ mu)

    def r3(e, sq=True):
        s, mu, n = e["s"], e["mu"], e["n"]
        return 0.5 * (-LOG(np.prod(s ** 2 if sq else s)) - n + np.sum(s ** 2) + np.sum(mu ** 2))

    def r4(e):
        s, mu, n = e["s"], e["mu"], e["n"]
        return 0.5 * (-np.sum(LOG(s ** 2)) - n + np.sum(s ** 2) + np.sum(mu ** 2))

    def r5(e, one=1.0):
        s, mu = e["s"], e["mu"]
        return 0.5 * (-np.sum(LOG(s ** 2) + one) + np.sum(s ** 2) + np.sum(mu ** 2))

    rows = {"K": kl, "r1": r1, "r2": r2, "r3": r3, "r4": r4, "r5": r5}
    steps = tight(chain(["K", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5")]), 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r2": lambda e: r2(e, sign=+1)},
            {"r3": lambda e: r3(e, sq=False)},
            {"r5": lambda e: r5(e, one=-1.0)},
            {"r1": lambda e: r1(e, inv=True)},
        ],
        lookalikes=[{"r5": lambda e: 0.5 * (-np.sum(LOG(e["s"] ** 2) + 1) + np.sum(e["mu"] ** 2)
                                            + np.sum(e["s"] ** 2))},
                    {"r2": lambda e: 0.5 * (-LOG(np.prod(e["s"] ** 2)) - e["n"] + np.sum(e["s"] ** 2)
                                            + np.linalg.norm(e["mu"]) ** 2)}])


# ------------------------------------------------------------------ reconstruction minus KL (parkcheolhee)

def _parkcheolhee():
    P = _parts

    def kl(e, swap=False):
        q, row, px, pz, post, lik = P(e)
        return _kl(pz, q) if swap else _kl(q, pz)

    def rec(e, joint_=False):
        q, row, px, pz, post, lik = P(e)
        return _E(e, LOG(row if joint_ else lik))

    def L(e):
        q, row, px, pz, post, lik = P(e)
        return _E(e, LOG(lik) + LOG(pz) - LOG(q))

    rows = {
        "D1": kl, "e1": lambda e: _E(e, LOG(P(e)[0]) - LOG(P(e)[3])),
        "l2": lambda e: _E(e, LOG(P(e)[3])) - _E(e, LOG(P(e)[0])), "r2": lambda e: -kl(e),
        "L3": L, "r3": lambda e: -kl(e) + rec(e),
    }
    steps = tight([Step("=", "D1", "e1"), Step("=", "l2", "r2"), Step("=", "L3", "r3")], 1e-10)
    return Model(
        sample=_latent, rows=rows, steps=steps,
        mutants=[
            {"r2": kl},
            {"r3": lambda e: kl(e) + rec(e)},
            {"D1": lambda e: kl(e, swap=True)},
            {"r3": lambda e: -kl(e) + rec(e, joint_=True)},
        ],
        lookalikes=[{"L3": lambda e: _E(e, LOG(P(e)[3]) + LOG(P(e)[5]) - LOG(P(e)[0]))},
                    {"e1": lambda e: _E(e, LOG(P(e)[0] / P(e)[3]))}])


# ------------------------------------------------------------------ reparametrized gradient (Anki card)

def _karelze():
    def sample(rng):
        k = int(rng.integers(2, 6))
        return {"xi": rng.uniform(-2, 2, k), "q": pmf(rng, k),
                "a": rng.uniform(-1, 1, k), "b": rng.uniform(-1, 1, k), "c": rng.uniform(-1, 1, k),
                "al": rng.uniform(-2, 2), "be": rng.uniform(-1, 1), "th": rng.uniform(-1, 1)}

    def h(e, th):
        return e["a"] + th * e["b"] + th * th * e["c"] * e["xi"]

    def dh(e, th):
        return e["b"] + 2 * th * e["c"] * e["xi"]

    def f(e, x):
        return e["al"] * np.sin(x) + e["be"] * x * x

    def df(e, x):
        return e["al"] * np.cos(x) + 2 * e["be"] * x

    def E_p(e, th):
        """E_{p_theta}[f]: p_theta built as the law of h_theta(xi), atoms merged by value."""
        vals, inv = np.unique(np.round(h(e, th), 12), return_inverse=True)
        mass = np.bincount(inv, weights=e["q"])
        return float(np.sum(mass * f(e, vals)))

    def E_xi(e, th):
        return float(np.sum(e["q"] * f(e, h(e, th))))

    eps = 1e-5

    def grad(g, e):
        return (g(e, e["th"] + eps) - g(e, e["th"] - eps)) / (2 * eps)

    def r3(e, at_xi=False, half=1.0):
        x = e["xi"] if at_xi else h(e, e["th"])
        return half * float(np.sum(e["q"] * dh(e, e["th"]) * df(e, x)))

    rows = {
        "l1": lambda e: E_p(e, e["th"]), "r1": lambda e: E_xi(e, e["th"]),
        "g0": lambda e: grad(E_p, e), "g1": lambda e: grad(E_xi, e), "g2": r3,
    }
    steps = [Step("=", "l1", "r1", tol=1e-9)] + tight(chain(["g0", ("=", "g1"), ("=", "g2")]), 1e-7)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"g2": lambda e: r3(e, at_xi=True)},
            {"r1": lambda e: 2 * E_xi(e, e["th"])},
            {"g1": lambda e: -grad(E_xi, e)},
            {"g2": lambda e: r3(e, half=0.5)},
        ],
        lookalikes=[{}, {"g0": lambda e: grad(E_p, e)}])


MODELS = {
    "s15u_elbo_jensen_vitheory": _vitheory(),
    "s15u_elbo_gap_lvmnotes": _lvmnotes(),
    "s15u_gauss_kl_aise26400": _aise(),
    "s15u_gauss_kl_diag_vaeloss": _diag(),
    "s15u_elbo_recon_kl_parkcheolhee": _parkcheolhee(),
    "s15u_reparam_grad_karelze": _karelze(),
}

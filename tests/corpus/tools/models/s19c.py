"""Truth models of the s19c_ entries (a held-out set on VAE derivations from sources not used before:
a course chapter 'KL Divergence Term', a Markdown 'Appendix A: Complete Mathematical Derivations',
jliu678's post 'Math Derivation for ELBO/KL in Bayesian Inference and VAEs', adi14041999's CS236-style
wiki notes). Gaussian expectations by Gauss-Hermite quadrature (the integrands are polynomials of
degree 2 in the variable, or logs of Gaussian densities, so the quadrature is exact up to rounding);
discrete latent-variable models as random positive joint tables, the observed point index 0, q a
random positive pmf (integrals against counting measure); pointwise identities at a random index."""

from __future__ import annotations

import numpy as np

from .base import Model, Step, chain, joint, pmf

LOG = np.log
GH_T, GH_W = np.polynomial.hermite.hermgauss(30)
TWO_PI = 2 * np.pi


def _tight(steps, tol=1e-9):
    for st in steps:
        st.tol = tol
    return steps


def _kl(a, b):
    return float(np.sum(a * LOG(a / b)))


# ------------------------------------------------------------------ Gaussians

def _gsample(rng):
    return {"m": rng.uniform(-2, 2), "s": rng.uniform(0.3, 2.5)}


def _E(m, s, g):
    z = m + np.sqrt(2) * s * GH_T
    return float(np.sum(GH_W * g(z)) / np.sqrt(np.pi))


def _logN(z, m, s):
    return -0.5 * LOG(TWO_PI * s * s) - (z - m) ** 2 / (2 * s * s)


def _Eq(e, g):
    return _E(e["m"], e["s"], g)


def _Elogq(e):
    return _Eq(e, lambda z: _logN(z, e["m"], e["s"]))


def _Elogp(e):
    return _Eq(e, lambda z: _logN(z, 0.0, 1.0))


def _KLqp(e):
    return _Elogq(e) - _Elogp(e)


def _Ez2(e):
    return _Eq(e, lambda z: z * z)


def _klterm():
    m = lambda e: e["m"]
    s2 = lambda e: e["s"] ** 2

    def closed(e, mu_sign=-1):
        return -0.5 * (1 + LOG(s2(e)) + mu_sign * m(e) ** 2 - s2(e))

    def r3(e, sign=-1):
        return -0.5 * (1 + LOG(TWO_PI * s2(e))) - (-0.5 * _Ez2(e) + sign * 0.5 * LOG(TWO_PI))

    def r4(e, half=0.5):
        return -0.5 * LOG(s2(e)) - 0.5 + half * _Ez2(e)

    def r5a(e, sq=True):
        return -0.5 * LOG(s2(e)) - 0.5 + 0.5 * ((m(e) ** 2 if sq else m(e)) + s2(e))

    rows = {
        "c1L": _KLqp, "c1R": closed,
        "d0": lambda e: _Eq(e, lambda z: _logN(z, e["m"], e["s"]) - _logN(z, 0.0, 1.0)),
        "e1": lambda e: _Elogq(e) - _Elogp(e),
        "r3": r3, "r4": r4, "r5a": r5a,
        "r5b": lambda e: -0.5 * (1 + LOG(s2(e)) - m(e) ** 2 - s2(e)),
    }
    steps = _tight([Step("=", "c1L", "c1R")]
                   + chain(["d0", ("=", "e1"), ("=", "r3"), ("=", "r4"), ("=", "r5a"), ("=", "r5b")]))
    return Model(
        sample=_gsample, rows=rows, steps=steps,
        mutants=[
            {"c1R": lambda e: closed(e, mu_sign=+1)},
            {"r3": lambda e: r3(e, sign=+1)},
            {"r4": lambda e: r4(e, half=1.0)},
            {"r5a": lambda e: r5a(e, sq=False)},
            {"e1": lambda e: _Elogp(e) - _Elogq(e)},
        ],
        lookalikes=[
            {"r4": lambda e: -LOG(e["s"]) - 0.5 + 0.5 * _Ez2(e)},
            {"c1R": lambda e: 0.5 * (m(e) ** 2 + s2(e) - LOG(s2(e)) - 1)},
        ])


def _appxa_kl():
    m = lambda e: e["m"]
    s2 = lambda e: e["s"] ** 2

    def s1R(e, den=2.0):
        return -0.5 * LOG(TWO_PI * s2(e)) - 1 / (den * s2(e)) * _Eq(e, lambda z: (z - e["m"]) ** 2)

    def s4R(e, sign=+1):
        return -0.5 * LOG(TWO_PI) - (s2(e) + sign * m(e) ** 2) / 2

    def c3(e, const=-0.5):
        return -0.5 * LOG(s2(e)) + s2(e) / 2 + m(e) ** 2 / 2 + const

    def boxR(e, sign=-1):
        return 0.5 * (m(e) ** 2 + s2(e) + sign * LOG(s2(e)) - 1)

    def kl_rev(e):   # KL(N(0,1) || N(m, s^2)), expectation under N(0,1)
        return _E(0.0, 1.0, lambda z: _logN(z, 0.0, 1.0) - _logN(z, e["m"], e["s"]))

    rows = {
        "s1L": _Elogq, "s1R": s1R,
        "s2L": _Elogq, "s2R": lambda e: -0.5 * LOG(TWO_PI * s2(e)) - 0.5,
        "s3L": _Elogp, "s3R": lambda e: -0.5 * LOG(TWO_PI) - 0.5 * _Ez2(e),
        "s4L": _Elogp, "s4R": s4R,
        "c0": lambda e: _Elogq(e) - _Elogp(e),
        "c1": lambda e: (-0.5 * LOG(TWO_PI * s2(e)) - 0.5) - (-0.5 * LOG(TWO_PI) - (s2(e) + m(e) ** 2) / 2),
        "c2": lambda e: (-0.5 * LOG(TWO_PI) - 0.5 * LOG(s2(e)) - 0.5 + 0.5 * LOG(TWO_PI)
                         + s2(e) / 2 + m(e) ** 2 / 2),
        "c3": c3,
        "boxL": _KLqp, "boxR": boxR,
    }
    steps = _tight([Step("=", "s1L", "s1R"), Step("=", "s2L", "s2R"), Step("=", "s3L", "s3R"),
                    Step("=", "s4L", "s4R")]
                   + chain(["c0", ("=", "c1"), ("=", "c2"), ("=", "c3")])
                   + [Step("=", "boxL", "boxR")])
    return Model(
        sample=_gsample, rows=rows, steps=steps,
        mutants=[
            {"s1R": lambda e: s1R(e, den=1.0)},
            {"s4R": lambda e: s4R(e, sign=-1)},
            {"c3": lambda e: c3(e, const=+0.5)},
            {"boxR": lambda e: boxR(e, sign=+1)},
            {"boxL": kl_rev},
        ],
        lookalikes=[
            {"boxR": lambda e: -0.5 * (1 + LOG(s2(e)) - m(e) ** 2 - s2(e))},
            {"c3": lambda e: -LOG(e["s"]) + s2(e) / 2 + m(e) ** 2 / 2 - 0.5},
        ])


# ------------------------------------------------------------------ discrete latent-variable models

def _lsample(rng):
    nx, nz = int(rng.integers(2, 5)), int(rng.integers(2, 6))
    return {"P": joint(rng, nx, nz), "q": pmf(rng, nz), "t": int(rng.integers(0, nz))}


def _parts(e):
    """q, joint row p(D, theta) at the observed D, evidence p(D), prior, posterior, likelihood."""
    P, q = e["P"], e["q"]
    row = P[0]
    px = float(row.sum())
    prior = P.sum(axis=0)
    return q, row, px, prior, row / px, row / prior


def _Ed(e, g):
    return float(np.sum(e["q"] * g))


def _jliu_recon():
    def elbo(e):
        q, row, px, prior, post, lik = _parts(e)
        return _Ed(e, LOG(row / q))

    def a1(e, sign=-1):
        q, row, px, prior, post, lik = _parts(e)
        return _Ed(e, LOG(row)) + sign * _Ed(e, LOG(q))

    def j24R(e, sign=+1):
        q, row, px, prior, post, lik = _parts(e)
        t = e["t"]
        return float(LOG(lik[t]) + sign * LOG(prior[t]))

    def a25(e, use_post=False):
        q, row, px, prior, post, lik = _parts(e)
        first = post if use_post else lik
        return _Ed(e, LOG(first)) + _Ed(e, LOG(prior)) - _Ed(e, LOG(q))

    def a20(e, sign=-1, rev=False):
        q, row, px, prior, post, lik = _parts(e)
        k = _kl(prior, q) if rev else _kl(q, prior)
        return _Ed(e, LOG(lik)) + sign * k

    rows = {"elbo": elbo, "a1": a1,
            "j24L": lambda e: float(LOG(_parts(e)[1][e["t"]])), "j24R": j24R,
            "a25": a25, "a20": a20}
    steps = _tight([Step("=", "elbo", "a1"), Step("=", "j24L", "j24R"), Step("=", "elbo", "a25"),
                    Step("=", "elbo", "a20")])
    return Model(
        sample=_lsample, rows=rows, steps=steps,
        mutants=[
            {"j24R": lambda e: j24R(e, sign=-1)},
            {"a20": lambda e: a20(e, sign=+1)},
            {"a20": lambda e: a20(e, rev=True)},
            {"a1": lambda e: a1(e, sign=+1)},
            {"a25": lambda e: a25(e, use_post=True)},
        ],
        lookalikes=[
            {},
            {"a20": lambda e: _Ed(e, LOG(_parts(e)[5])) - _Ed(e, LOG(_parts(e)[0] / _parts(e)[3]))},
        ])


def _jliu_gap():
    def KL(e):
        q, row, px, prior, post, lik = _parts(e)
        return _kl(q, post)

    def r1R(e, inv=False):
        q, row, px, prior, post, lik = _parts(e)
        return _Ed(e, LOG(post / q) if inv else LOG(q / post))

    def r2R(e, sign=-1):
        q, row, px, prior, post, lik = _parts(e)
        return float(LOG(row[e["t"]]) + sign * LOG(px))

    def r3R(e, sign=+1):
        q, row, px, prior, post, lik = _parts(e)
        t = e["t"]
        return float(LOG(q[t] / row[t]) + sign * LOG(px))

    def r4R(e, sign=-1):
        q, row, px, prior, post, lik = _parts(e)
        return sign * _Ed(e, LOG(row / q)) + float(LOG(px))

    def r5R(e, rev=False):
        q, row, px, prior, post, lik = _parts(e)
        return _Ed(e, LOG(row / q)) + (_kl(post, q) if rev else _kl(q, post))

    rows = {
        "r1L": KL, "r1R": r1R,
        "r2L": lambda e: float(LOG(_parts(e)[4][e["t"]])), "r2R": r2R,
        "r3L": lambda e: float(LOG(_parts(e)[0][e["t"]] / _parts(e)[4][e["t"]])), "r3R": r3R,
        "r4L": KL, "r4R": r4R,
        "r5L": lambda e: float(LOG(_parts(e)[2])), "r5R": r5R,
    }
    steps = _tight([Step("=", f"r{i}L", f"r{i}R") for i in range(1, 6)])
    return Model(
        sample=_lsample, rows=rows, steps=steps,
        mutants=[
            {"r2R": lambda e: r2R(e, sign=+1)},
            {"r3R": lambda e: r3R(e, sign=-1)},
            {"r4R": lambda e: r4R(e, sign=+1)},
            {"r5R": lambda e: r5R(e, rev=True)},
            {"r1R": lambda e: r1R(e, inv=True)},
        ],
        lookalikes=[
            {"r3R": lambda e: float(LOG(_parts(e)[0][e["t"]]) - LOG(_parts(e)[1][e["t"]])
                                    + LOG(_parts(e)[2]))},
            {},
        ])


def _cs236():
    def a1(e, inside=False):
        q, row, px, prior, post, lik = _parts(e)
        return float(np.sum(LOG(row))) if inside else float(LOG(np.sum(row)))

    def qq(e):
        q, row, px, prior, post, lik = _parts(e)
        return float(LOG(np.sum(q / q * row)))

    def b2(e, inv=False):
        q, row, px, prior, post, lik = _parts(e)
        return float(LOG(np.sum(q * (q / row if inv else row / q))))

    def elbo(e):
        q, row, px, prior, post, lik = _parts(e)
        return _Ed(e, LOG(row / q))

    rows = {
        "lp": lambda e: float(LOG(_parts(e)[2])), "a1": a1, "a2": qq, "a3": elbo,
        "b1": qq, "b2": b2,
        "c1": lambda e: float(LOG(_Ed(e, _parts(e)[1] / _parts(e)[0]))), "c2": elbo,
    }
    steps = _tight(chain(["lp", ("=", "a1"), ("=", "a2"), (">=", "a3")])
                   + [Step("=", "b1", "b2"), Step(">=", "c1", "c2")])
    return Model(
        sample=_lsample, rows=rows, steps=steps,
        mutants=[
            {("rel", 3): "<="},
            {"a1": lambda e: a1(e, inside=True)},
            {"b2": lambda e: b2(e, inv=True)},
            {("rel", 5): "<="},
        ],
        lookalikes=[
            {"a3": lambda e: _Ed(e, LOG(_parts(e)[1]) - LOG(_parts(e)[0]))},
            {},
        ])


def _appxa_post():
    def KL(e):
        q, row, px, prior, post, lik = _parts(e)
        return _kl(q, post)

    def r2R(e, swap=False):
        q, row, px, prior, post, lik = _parts(e)
        t = e["t"]
        return float(lik[t] * px / prior[t]) if swap else float(lik[t] * prior[t] / px)

    def r3R(e):
        q, row, px, prior, post, lik = _parts(e)
        return _Ed(e, LOG(q) - LOG(lik * prior / px))

    def r4(e, sign=+1):
        q, row, px, prior, post, lik = _parts(e)
        return _Ed(e, LOG(q) - LOG(lik) - LOG(prior) + sign * LOG(px))

    def r5R(e, k=1.0):
        q, row, px, prior, post, lik = _parts(e)
        return _Ed(e, LOG(q) - LOG(lik) - LOG(prior)) + k * float(LOG(px))

    def r6R(e, sign=+1):
        q, row, px, prior, post, lik = _parts(e)
        return _Ed(e, LOG(lik)) + sign * _Ed(e, LOG(prior) - LOG(q)) + _kl(q, post)

    rows = {
        "r1L": KL, "r1R": lambda e: _Ed(e, LOG(_parts(e)[0] / _parts(e)[4])),
        "r2L": lambda e: float(_parts(e)[4][e["t"]]), "r2R": r2R,
        "r3L": KL, "r3R": r3R, "r4": r4,
        "r5L": KL, "r5R": r5R,
        "r6L": lambda e: float(LOG(_parts(e)[2])), "r6R": r6R,
    }
    steps = _tight([Step("=", "r1L", "r1R"), Step("=", "r2L", "r2R")]
                   + chain(["r3L", ("=", "r3R"), ("=", "r4")])
                   + [Step("=", "r5L", "r5R"), Step("=", "r6L", "r6R")])
    return Model(
        sample=_lsample, rows=rows, steps=steps,
        mutants=[
            {"r2R": lambda e: r2R(e, swap=True)},
            {"r4": lambda e: r4(e, sign=-1)},
            {"r5R": lambda e: r5R(e, k=2.0)},
            {"r6R": lambda e: r6R(e, sign=-1)},
            {"r1L": lambda e: _kl(_parts(e)[4], _parts(e)[0])},
        ],
        lookalikes=[
            {"r2R": lambda e: float(_parts(e)[1][e["t"]] / _parts(e)[2])},
            {},
        ])


MODELS = {
    "s19c_gauss_kl_std_klterm": _klterm(),
    "s19c_gauss_kl_std_appxa": _appxa_kl(),
    "s19c_elbo_recon_kl_jliu678": _jliu_recon(),
    "s19c_elbo_kl_gap_jliu678": _jliu_gap(),
    "s19c_elbo_jensen_cs236wiki": _cs236(),
    "s19c_elbo_kl_posterior_appxa": _appxa_post(),
}

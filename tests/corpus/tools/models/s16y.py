"""Truth models of the s16y_ entries (a held-out set from a Wikipedia mirror, a Q&A mirror, Sphinx
notes, two GitHub Markdown/notebook notes and Chinese course notes: Gibbs' inequality by
ln x <= x - 1, the closed form of the Gaussian differential entropy, Bayes' theorem with joint and
conditional densities, LSGAN's Pearson chi^2, the ELBO inequality, and the gradient of the
non-saturating generator loss). Random pmfs on small finite supports stand in for densities
(integrals against counting measure), derivatives by the complex step."""

from __future__ import annotations

import numpy as np

from .base import Model, Step, chain, pmf, tight

LOG = np.log
EXP = np.exp
H = 1e-20


def _d(f, v):
    """f'(v) by the complex step."""
    return float(np.imag(f(v + 1j * H)) / H)


# ------------------------------------------------------------------ Gibbs' inequality (liquisearch)

def _gibbs():
    def sample(rng):
        n = int(rng.integers(2, 7))
        return {"p": pmf(rng, n), "q": pmf(rng, n)}
    p, q = (lambda e: e["p"]), (lambda e: e["q"])
    rows = {
        "L": lambda e: float(-np.sum(p(e) * LOG(q(e) / p(e)))),
        "r1": lambda e: float(-np.sum(p(e) * (q(e) / p(e) - 1))),
        "r2": lambda e: float(-np.sum(q(e)) + np.sum(p(e))),
        "r3": lambda e: float(-np.sum(q(e)) + 1),
        "zero": lambda e: 0.0,
    }
    steps = chain(["L", (">=", "r1"), ("=", "r2"), ("=", "r3"), (">=", "zero")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"L": lambda e: float(-np.sum(p(e) * LOG(p(e) / q(e))))},
            {"r1": lambda e: float(-np.sum(p(e) * (p(e) / q(e) - 1)))},
            {"r3": lambda e: float(-np.sum(q(e)) - 1)},
            {"zero": lambda e: 1.0},
        ],
        lookalikes=[{"r1": lambda e: float(np.sum(p(e) * (1 - q(e) / p(e))))},
                    {"r2": lambda e: float(np.sum(p(e)) - np.sum(q(e)))}])


# ------------------------------------------------------------------ Gaussian entropy closed form (techqa)

def _gauss_entropy():
    def sample(rng):
        return {"s": float(rng.uniform(0.1, 5.0))}
    L = lambda e: float(LOG(2 * np.pi * e["s"] ** 2))
    rows = {
        "r0": lambda e: 0.5 * L(e) + 0.5,
        "r1": lambda e: 0.5 * L(e) + 0.5 * LOG(np.e),
        "r2": lambda e: 0.5 * (L(e) + LOG(np.e)),
        "r3": lambda e: 0.5 * float(LOG(2 * np.pi * np.e * e["s"] ** 2)),
    }
    steps = tight(chain(["r0", ("=", "r1"), ("=", "r2"), ("=", "r3")]), 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: 0.5 * L(e) + LOG(np.e)},
            {"r3": lambda e: 0.5 * float(LOG(2 * np.pi * np.e * e["s"]))},
            {"r2": lambda e: 0.5 * (L(e) - LOG(np.e))},
        ],
        lookalikes=[{"r3": lambda e: 0.5 * float(LOG(2 * np.e * np.pi * e["s"] ** 2))},
                    {"r2": lambda e: 0.5 * (LOG(np.e) + L(e))}])


# ------------------------------------------------------------------ Bayes with densities (k14i)

def _bayes():
    def sample(rng):
        m, k = int(rng.integers(2, 6)), int(rng.integers(2, 6))
        w = rng.uniform(0.2, 1.0, size=(m, k))
        return {"f": w / w.sum(), "i": int(rng.integers(m)), "j": int(rng.integers(k))}
    f = lambda e: float(e["f"][e["i"], e["j"]])
    fX = lambda e: float(e["f"][e["i"], :].sum())
    fY = lambda e: float(e["f"][:, e["j"]].sum())
    fXgY = lambda e: f(e) / fY(e)
    fYgX = lambda e: f(e) / fX(e)
    # rows 1-2 state the conditionals derive knows (f_{X,Y}'s): checked as steps 1 and 2
    rows = {"c1": fXgY, "d1": lambda e: f(e) / fY(e), "c2": fYgX, "d2": lambda e: f(e) / fX(e),
            "post": fXgY, "rhs": lambda e: fYgX(e) * fX(e) / fY(e)}
    steps = tight([Step("=", "c1", "d1"), Step("=", "c2", "d2"), Step("=", "post", "rhs")],
                   1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"rhs": lambda e: fYgX(e) * fY(e) / fX(e)},
            {"d2": lambda e: f(e) / fY(e)},
            {"rhs": lambda e: fXgY(e) * fX(e) / fY(e)},
        ],
        lookalikes=[{"rhs": lambda e: fX(e) * fYgX(e) / fY(e)}])


# ------------------------------------------------------------------ LSGAN Pearson chi^2 (omnianasa)

def _lsgan():
    def sample(rng):
        m = int(rng.integers(2, 7))
        return {"pd": pmf(rng, m), "pg": pmf(rng, m), "a": float(rng.normal(0, 2)),
                "b": float(rng.normal(0, 2)), "c": float(rng.normal(0, 2))}

    def labels(e):
        e = dict(e)
        e["b"] = e["c"] + 1.0
        e["a"] = e["b"] - 2.0
        return e
    pd, pg = (lambda e: e["pd"]), (lambda e: e["pg"])
    Dstar = lambda e: (e["b"] * pd(e) + e["a"] * pg(e)) / (pd(e) + pg(e))

    def twoC(e):
        return float(np.sum(pd(e) * (Dstar(e) - e["c"]) ** 2) + np.sum(pg(e) * (Dstar(e) - e["c"]) ** 2))

    def I1(e, ac=None, den=None):
        a_c = e["a"] - e["c"] if ac is None else ac(e)
        d = pd(e) + pg(e) if den is None else den(e)
        return float(np.sum(((e["b"] - e["c"]) * pd(e) + a_c * pg(e)) ** 2 / d))

    def chi(P, Q):
        return lambda e: float(np.sum((Q(e) - P(e)) ** 2 / P(e)))
    rows = {"twoC": twoC, "I1": I1, "chi": chi(lambda e: pd(e) + pg(e), lambda e: 2 * pg(e))}
    steps = tight([Step("=", "twoC", "I1"), Step("=", "twoC", "chi", when=labels)], 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"I1": lambda e: I1(e, ac=lambda e: e["a"] + e["c"])},
            {"chi": chi(lambda e: pd(e) + pg(e), pg)},
            {"I1": lambda e: I1(e, den=pg)},
            {"chi": chi(lambda e: 2 * pg(e), lambda e: pd(e) + pg(e))},
        ],
        lookalikes=[{}, {"chi": chi(lambda e: pd(e) + pg(e), lambda e: pg(e) + pg(e))}])


# ------------------------------------------------------------------ ELBO inequality (phykn)

def _elbo():
    def sample(rng):
        mx, mz = int(rng.integers(2, 5)), int(rng.integers(2, 6))
        w = rng.uniform(0.2, 1.0, size=(mx, mz))
        return {"P": w / w.sum(), "q": pmf(rng, mz), "i": int(rng.integers(mx))}
    pxz = lambda e: e["P"][e["i"], :]                 # p_theta(x, z) at the observed x
    pz = lambda e: e["P"].sum(axis=0)                 # p(z)
    px = lambda e: float(pxz(e).sum())
    pxgz = lambda e: pxz(e) / pz(e)
    pzgx = lambda e: pxz(e) / px(e)
    q = lambda e: e["q"]
    elbo = lambda e: float(np.sum(q(e) * LOG(pxz(e) / q(e))))
    rows = {
        "r0": lambda e: float(LOG(px(e))),
        "r1": lambda e: float(LOG(np.sum(pxgz(e) * pz(e)))),
        "r2": lambda e: float(LOG(np.sum(pxz(e)))),
        "r3": lambda e: float(LOG(np.sum(pxz(e) * q(e) / q(e)))),
        "r4": lambda e: float(LOG(np.sum(q(e) * pxz(e) / q(e)))),
        "r5": lambda e: float(LOG(np.sum(q(e) * (pxz(e) / q(e))))),
        "r6": elbo,
        "evidence": lambda e: float(LOG(px(e))), "ELBO": elbo,
    }
    steps = tight(chain(["r0", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5"),
                          (">=", "r6")]) + [Step(">=", "evidence", "ELBO")], 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {("rel", 6): "<="},
            {"r4": lambda e: float(LOG(np.sum(q(e) * q(e) / pxz(e))))},
            {("rel", 7): "<="},
            {"r1": lambda e: float(LOG(np.sum(pzgx(e) * pz(e))))},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ non-saturating generator gradient (zh notes)

def _ns_grad():
    def sample(rng):
        return {"G": float(rng.uniform(-1.5, 1.5)), "z": float(rng.uniform(-2, 2)),
                "al": float(rng.uniform(0.5, 2.0)), "be": float(rng.uniform(-1, 1))}
    gen = lambda e: (lambda t: np.tanh(t * e["z"]) + 0.5 * t)          # G(z) as a function of the parameter G
    D = lambda e: (lambda u: 1 / (1 + EXP(-(e["al"] * u + e["be"]))))
    DG = lambda e: (lambda t: D(e)(gen(e)(t)))
    dDG = lambda e: _d(DG(e), e["G"])
    Dv = lambda e: float(DG(e)(e["G"]))
    rows = {
        "dL": lambda e: _d(lambda t: -LOG(DG(e)(t)), e["G"]),
        "mid": lambda e: _d(lambda t: -LOG(DG(e)(t)), e["G"]),
        "rhs": lambda e: -1 / Dv(e) * dDG(e),
    }
    steps = tight(chain(["dL", ("=", "mid"), ("=", "rhs")]), 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"rhs": lambda e: 1 / Dv(e) * dDG(e)},
            {"rhs": lambda e: -1 / (1 - Dv(e)) * dDG(e)},
            {"mid": lambda e: _d(lambda t: -LOG(1 - DG(e)(t)), e["G"])},
        ],
        lookalikes=[{"rhs": lambda e: -dDG(e) * (1 / Dv(e))}])


MODELS = {
    "s16y_gibbs_proof_liquisearch": _gibbs(),
    "s16y_gaussian_entropy_log_techqa": _gauss_entropy(),
    "s16y_bayes_densities_k14i": _bayes(),
    "s16y_lsgan_pearson_omnianasa": _lsgan(),
    "s16y_elbo_inequality_phykn": _elbo(),
    "s16y_nonsaturating_grad_zhnotes": _ns_grad(),
}

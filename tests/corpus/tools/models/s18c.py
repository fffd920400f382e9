"""Truth models of the s18c_ entries (a held-out set on diffusion models and score matching:
the DDPM posterior mean and KL term in the epsilon parameterisation, the score of a Gaussian and
of the forward marginal, and Tweedie's formula in two bloggers' forms). Scalar (1-D) readings;
the noisy-marginal entries use a random Gaussian-mixture prior with closed-form marginals and
trapezoid quadrature on a fine grid for the integrals; derivatives by the complex step."""

from __future__ import annotations

import numpy as np

from .base import Model, Step, chain, tight

H = 1e-20
SQ = np.sqrt


def _d(f, v):
    """f'(v) by the complex step."""
    return float(np.imag(f(v + 1j * H)) / H)


def _sched(rng):
    a = float(rng.uniform(0.05, 0.95))
    abm1 = float(rng.uniform(0.05, 0.95))
    return {"a": a, "abm1": abm1, "ab": a * abm1}


# ------------------------------------------------------------------ mu_q in x_t, epsilon

def _mu_q_eps():
    def sample(rng):
        e = _sched(rng)
        e.update(xt=float(rng.normal(0, 2)), eps=float(rng.normal(0, 1.5)))
        return e
    a, abm1, ab = (lambda e: e["a"]), (lambda e: e["abm1"]), (lambda e: e["ab"])
    xt, eps = (lambda e: e["xt"]), (lambda e: e["eps"])
    x0 = lambda e: (xt(e) - SQ(1 - ab(e)) * eps(e)) / SQ(ab(e))
    rows = {
        "R0": lambda e: (SQ(a(e)) * (1 - abm1(e)) * xt(e) + SQ(abm1(e)) * (1 - a(e)) * x0(e)) / (1 - ab(e)),
        "R1": lambda e: (SQ(a(e)) * (1 - abm1(e)) * xt(e) + SQ(abm1(e)) * (1 - a(e)) * x0(e)) / (1 - ab(e)),
        "R2": lambda e: (SQ(a(e)) * (1 - abm1(e)) * xt(e) + SQ(abm1(e)) * (1 - a(e)) * (xt(e) - SQ(1 - ab(e)) * eps(e)) / SQ(ab(e))) / (1 - ab(e)),
        "R3": lambda e: (SQ(a(e)) * (1 - abm1(e)) * xt(e) + (1 - a(e)) * (xt(e) - SQ(1 - ab(e)) * eps(e)) / SQ(a(e))) / (1 - ab(e)),
        "R4": lambda e: SQ(a(e)) * (1 - abm1(e)) * xt(e) / (1 - ab(e)) + (1 - a(e)) * xt(e) / ((1 - ab(e)) * SQ(a(e))) - (1 - a(e)) * SQ(1 - ab(e)) * eps(e) / ((1 - ab(e)) * SQ(a(e))),
        "R5": lambda e: (SQ(a(e)) * (1 - abm1(e)) / (1 - ab(e)) + (1 - a(e)) / ((1 - ab(e)) * SQ(a(e)))) * xt(e) - (1 - a(e)) * SQ(1 - ab(e)) / ((1 - ab(e)) * SQ(a(e))) * eps(e),
        "R6": lambda e: (a(e) * (1 - abm1(e)) / ((1 - ab(e)) * SQ(a(e))) + (1 - a(e)) / ((1 - ab(e)) * SQ(a(e)))) * xt(e) - (1 - a(e)) / (SQ(1 - ab(e)) * SQ(a(e))) * eps(e),
        "R7": lambda e: (a(e) - ab(e) + 1 - a(e)) / ((1 - ab(e)) * SQ(a(e))) * xt(e) - (1 - a(e)) / (SQ(1 - ab(e)) * SQ(a(e))) * eps(e),
        "R8": lambda e: (1 - ab(e)) / ((1 - ab(e)) * SQ(a(e))) * xt(e) - (1 - a(e)) / (SQ(1 - ab(e)) * SQ(a(e))) * eps(e),
        "R9": lambda e: 1 / SQ(a(e)) * xt(e) - (1 - a(e)) / (SQ(1 - ab(e)) * SQ(a(e))) * eps(e),
    }
    steps = tight(chain(["R0"] + [("=", f"R{i}") for i in range(1, 10)]), 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"R3": lambda e: (SQ(a(e)) * (1 - abm1(e)) * xt(e) + (1 - a(e)) * (xt(e) - SQ(1 - ab(e)) * eps(e)) / a(e)) / (1 - ab(e))},
            {"R5": lambda e: (SQ(a(e)) * (1 - abm1(e)) / (1 - ab(e)) + (1 - a(e)) / ((1 - ab(e)) * SQ(a(e)))) * xt(e) - (1 - a(e)) * SQ(1 - ab(e)) / ((1 - ab(e)) * a(e)) * eps(e)},
            {"R7": lambda e: (a(e) - abm1(e) + 1 - a(e)) / ((1 - ab(e)) * SQ(a(e))) * xt(e) - (1 - a(e)) / (SQ(1 - ab(e)) * SQ(a(e))) * eps(e)},
            {"R9": lambda e: 1 / SQ(a(e)) * xt(e) + (1 - a(e)) / (SQ(1 - ab(e)) * SQ(a(e))) * eps(e)},
        ],
        lookalikes=[
            {"R9": lambda e: xt(e) / SQ(a(e)) - (1 - a(e)) / (SQ(1 - ab(e)) * SQ(a(e))) * eps(e)},
            {"R6": lambda e: ((a(e) - ab(e)) / ((1 - ab(e)) * SQ(a(e))) + (1 - a(e)) / ((1 - ab(e)) * SQ(a(e)))) * xt(e) - (1 - a(e)) / (SQ(1 - ab(e)) * SQ(a(e))) * eps(e)},
        ])


# ------------------------------------------------------------------ KL term, epsilon form

def _gauss_kl(m1, v1, m2, v2):
    return 0.5 * (np.log(v2 / v1) + (v1 + (m1 - m2) ** 2) / v2 - 1)


def _kl_eps():
    def sample(rng):
        e = _sched(rng)
        e.update(xt=float(rng.normal(0, 2)), eps=float(rng.normal(0, 1.5)), eh=float(rng.normal(0, 1.5)))
        return e
    a, abm1, ab = (lambda e: e["a"]), (lambda e: e["abm1"]), (lambda e: e["ab"])
    xt, eps, eh = (lambda e: e["xt"]), (lambda e: e["eps"]), (lambda e: e["eh"])
    s2 = lambda e: (1 - a(e)) * (1 - abm1(e)) / (1 - ab(e))
    c = lambda e: (1 - a(e)) / (SQ(1 - ab(e)) * SQ(a(e)))
    mq = lambda e: xt(e) / SQ(a(e)) - c(e) * eps(e)
    mt = lambda e: xt(e) / SQ(a(e)) - c(e) * eh(e)
    rows = {
        "K": lambda e: _gauss_kl(mq(e), s2(e), mt(e), s2(e)),
        "r1": lambda e: (mt(e) - mq(e)) ** 2 / (2 * s2(e)),
        "r2": lambda e: (xt(e) / SQ(a(e)) - c(e) * eh(e) - xt(e) / SQ(a(e)) + c(e) * eps(e)) ** 2 / (2 * s2(e)),
        "r3": lambda e: (c(e) * eps(e) - c(e) * eh(e)) ** 2 / (2 * s2(e)),
        "r4": lambda e: (c(e) * (eps(e) - eh(e))) ** 2 / (2 * s2(e)),
        "r5": lambda e: (1 - a(e)) ** 2 / ((1 - ab(e)) * a(e)) * (eps(e) - eh(e)) ** 2 / (2 * s2(e)),
    }
    steps = tight(chain(["K", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5")]), 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: (mt(e) - mq(e)) ** 2 / s2(e)},
            {"r2": lambda e: (xt(e) / SQ(a(e)) - c(e) * eh(e) - xt(e) / SQ(a(e)) - c(e) * eps(e)) ** 2 / (2 * s2(e))},
            {"r5": lambda e: (1 - a(e)) / ((1 - ab(e)) * a(e)) * (eps(e) - eh(e)) ** 2 / (2 * s2(e))},
            {"r5": lambda e: (1 - a(e)) ** 2 / ((1 - ab(e)) * SQ(a(e))) * (eps(e) - eh(e)) ** 2 / (2 * s2(e))},
        ],
        lookalikes=[
            {"K": lambda e: _gauss_kl(mt(e), s2(e), mq(e), s2(e))},
            {"r4": lambda e: (c(e) * (eh(e) - eps(e))) ** 2 / (2 * s2(e))},
        ])


# ------------------------------------------------------------------ score of a Gaussian

def _gauss_score():
    def sample(rng):
        return {"mu": float(rng.normal(0, 2)), "s": float(rng.uniform(0.3, 3)), "x": float(rng.normal(0, 3))}
    mu, s, x = (lambda e: e["mu"]), (lambda e: e["s"]), (lambda e: e["x"])
    logp = lambda e, v: -(v - mu(e)) ** 2 / (2 * s(e) ** 2) - 0.5 * np.log(2 * np.pi * s(e) ** 2)
    rows = {
        "lp": lambda e: logp(e, x(e)),
        "lp_rhs": lambda e: -(x(e) - mu(e)) ** 2 / (2 * s(e) ** 2) - 0.5 * np.log(2 * np.pi * s(e) ** 2),
        "ds": lambda e: _d(lambda v: logp(e, v), x(e)),
        "ds_rhs": lambda e: -(x(e) - mu(e)) / s(e) ** 2,
    }
    steps = tight([Step("=", "lp", "lp_rhs"), Step("=", "ds", "ds_rhs")], 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"lp_rhs": lambda e: -(x(e) - mu(e)) ** 2 / (2 * s(e) ** 2) + 0.5 * np.log(2 * np.pi * s(e) ** 2)},
            {"lp_rhs": lambda e: -(x(e) - mu(e)) ** 2 / s(e) ** 2 - 0.5 * np.log(2 * np.pi * s(e) ** 2)},
            {"ds_rhs": lambda e: (x(e) - mu(e)) / s(e) ** 2},
            {"ds_rhs": lambda e: -(x(e) - mu(e)) / s(e)},
        ],
        lookalikes=[
            {"ds_rhs": lambda e: (mu(e) - x(e)) / s(e) ** 2},
            {"lp_rhs": lambda e: -(x(e) - mu(e)) ** 2 / (2 * s(e) ** 2) - np.log(SQ(2 * np.pi * s(e) ** 2))},
        ])


# ------------------------------------------------------------------ score of q(x_t|x_0) and epsilon

def _score_eps():
    def sample(rng):
        e = {"mu": float(rng.normal(0, 2)), "s": float(rng.uniform(0.3, 3)), "x": float(rng.normal(0, 3)),
             "ab": float(rng.uniform(0.05, 0.95)), "x0": float(rng.normal(0, 2)), "eps": float(rng.normal(0, 1.5))}
        e["xt"] = SQ(e["ab"]) * e["x0"] + SQ(1 - e["ab"]) * e["eps"]
        return e
    g = lambda e, k: e[k]
    logN = lambda v, m, var: -(v - m) ** 2 / (2 * var) - 0.5 * np.log(2 * np.pi * var)
    rows = {
        "sp": lambda e: _d(lambda v: logN(v, e["mu"], e["s"] ** 2), e["x"]),
        "sp_rhs": lambda e: -(e["x"] - e["mu"]) / e["s"] ** 2,
        "sq": lambda e: _d(lambda v: logN(v, SQ(e["ab"]) * e["x0"], 1 - e["ab"]), e["xt"]),
        "sq_mid": lambda e: -(e["xt"] - SQ(e["ab"]) * e["x0"]) / (1 - e["ab"]),
        "sq_rhs": lambda e: -e["eps"] / SQ(1 - e["ab"]),
    }
    steps = tight([Step("=", "sp", "sp_rhs"), Step("=", "sq", "sq_mid"), Step("=", "sq_mid", "sq_rhs")], 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"sp_rhs": lambda e: -(e["x"] - e["mu"]) / (2 * e["s"] ** 2)},
            {"sq_mid": lambda e: -(e["xt"] - SQ(e["ab"]) * e["x0"]) / SQ(1 - e["ab"])},
            {"sq_rhs": lambda e: -e["eps"] / (1 - e["ab"])},
            {"sq_mid": lambda e: -(e["xt"] - e["ab"] * e["x0"]) / (1 - e["ab"])},
        ],
        lookalikes=[
            {"sq_rhs": lambda e: -e["eps"] * (1 - e["ab"]) ** -0.5},
            {"sq_mid": lambda e: (SQ(e["ab"]) * e["x0"] - e["xt"]) / (1 - e["ab"])},
        ])


# ------------------------------------------------------------------ Gaussian-mixture prior, quadrature

GRID = np.linspace(-25, 25, 20001)


def _trap(y):
    return float(np.trapezoid(y, GRID)) if hasattr(np, "trapezoid") else float(np.trapz(y, GRID))


def _mixture(rng):
    k = int(rng.integers(1, 4))
    w = rng.uniform(0.3, 1, size=k)
    return {"w": w / w.sum(), "m": rng.normal(0, 1.5, size=k), "s": rng.uniform(0.5, 1.5, size=k)}


def _npdf(v, m, var):
    return np.exp(-(v - m) ** 2 / (2 * var)) / np.sqrt(2 * np.pi * var)


def _prior(e, v):
    return sum(w * _npdf(v, m, s ** 2) for w, m, s in zip(e["w"], e["m"], e["s"]))


def _marginal(e, y, alpha, sig):
    """density of alpha X + sig Z at y (closed form, complex y allowed)."""
    return sum(w * _npdf(y, alpha * m, alpha ** 2 * s ** 2 + sig ** 2) for w, m, s in zip(e["w"], e["m"], e["s"]))


def _tweedie_deng():
    def sample(rng):
        e = _mixture(rng)
        e.update(alpha=float(rng.uniform(0.3, 1.5)) * (1 if rng.random() < 0.8 else -1),
                 sig=float(rng.uniform(0.5, 2)), x1=float(rng.normal(0, 2)))
        return e
    al, sg, x1 = (lambda e: e["alpha"]), (lambda e: e["sig"]), (lambda e: e["x1"])
    lik = lambda e, y: _npdf(y, al(e) * GRID, sg(e) ** 2)            # p_{1|0}(y | x_0) on the grid
    p0 = lambda e: _prior(e, GRID)
    p1 = lambda e: _trap(lik(e, x1(e)) * p0(e))
    dlik = lambda e: lik(e, x1(e)) * (al(e) * GRID - x1(e)) / sg(e) ** 2
    post = lambda e: lik(e, x1(e)) * p0(e) / p1(e)
    Epost = lambda e: _trap(GRID * post(e))
    # score of the posterior in x_1: d/dx1 log p_{1|0} - d/dx1 log p_1
    s1 = lambda e: _d(lambda y: np.log(_marginal(e, y, al(e), sg(e))), x1(e))
    rows = {
        "r0": s1,
        "r1": lambda e: _d(lambda y: _marginal(e, y, al(e), sg(e)), x1(e)) / float(np.real(_marginal(e, x1(e), al(e), sg(e)))),
        "r2": lambda e: _trap(dlik(e) * p0(e)) / p1(e),
        "r3": lambda e: _trap(lik(e, x1(e)) * (al(e) * GRID - x1(e)) / sg(e) ** 2 * p0(e)) / p1(e),
        "r4": lambda e: _trap(post(e) * (al(e) * GRID - x1(e)) / sg(e) ** 2),
        "r5": lambda e: _trap(post(e) * (al(e) * GRID - x1(e)) / sg(e) ** 2),
        "r6": lambda e: (al(e) * Epost(e) - x1(e)) / sg(e) ** 2,
    }
    steps = tight(chain(["r0"] + [("=", f"r{i}") for i in range(1, 7)]), 1e-6)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: _d(lambda y: _marginal(e, y, al(e), sg(e)), x1(e)) * float(np.real(_marginal(e, x1(e), al(e), sg(e))))},
            {"r4": lambda e: _trap(post(e) * ((al(e) * GRID - x1(e)) / sg(e) ** 2 - s1(e)))},
            {"r5": lambda e: _trap(post(e) * (x1(e) - al(e) * GRID) / sg(e) ** 2)},
            {"r6": lambda e: (Epost(e) - x1(e)) / sg(e) ** 2},
        ],
        lookalikes=[
            {"r6": lambda e: al(e) / sg(e) ** 2 * Epost(e) - x1(e) / sg(e) ** 2},
            {"r3": lambda e: _trap(p0(e) * lik(e, x1(e)) * (al(e) * GRID - x1(e)) / sg(e) ** 2) / p1(e)},
        ])


def _tweedie_lee():
    def sample(rng):
        e = _mixture(rng)
        e.update(sig=float(rng.uniform(0.5, 2)), xt=float(rng.normal(0, 2)))
        return e
    sg, xt = (lambda e: e["sig"]), (lambda e: e["xt"])
    lik = lambda e: _npdf(xt(e), GRID, sg(e) ** 2)
    p0 = lambda e: _prior(e, GRID)
    m = lambda e: _trap(lik(e) * p0(e))
    N = lambda e: _trap(GRID * lik(e) * p0(e))
    dm = lambda e: _d(lambda y: _marginal(e, y, 1.0, sg(e)), xt(e))
    dlogm = lambda e: _d(lambda y: np.log(_marginal(e, y, 1.0, sg(e))), xt(e))
    rows = {
        "dm": dm,
        "dm_int": lambda e: _trap((GRID - xt(e)) * lik(e) * p0(e)) / sg(e) ** 2,
        "dm_N": lambda e: (N(e) - xt(e) * m(e)) / sg(e) ** 2,
        "N": N,
        "N_rhs": lambda e: xt(e) * m(e) + sg(e) ** 2 * dm(e),
        "E": lambda e: N(e) / m(e),                                   # posterior mean
        "E1": lambda e: (xt(e) * m(e) + sg(e) ** 2 * dm(e)) / m(e),
        "E2": lambda e: xt(e) + sg(e) ** 2 * dlogm(e),
        "E3": lambda e: xt(e) + sg(e) ** 2 * dlogm(e),
    }
    steps = tight([Step("=", "dm", "dm_int"), Step("=", "dm_int", "dm_N"), Step("=", "N", "N_rhs"),
                    Step("=", "E", "E1"), Step("=", "E1", "E2"), Step("=", "E2", "E3")], 1e-6)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"dm_int": lambda e: _trap((xt(e) - GRID) * lik(e) * p0(e)) / sg(e) ** 2},
            {"N_rhs": lambda e: xt(e) * m(e) - sg(e) ** 2 * dm(e)},
            {"E2": lambda e: xt(e) + sg(e) * dlogm(e)},
            {"E1": lambda e: (xt(e) * m(e) + sg(e) ** 2 * dm(e)) / (xt(e) * m(e))},
        ],
        lookalikes=[
            {"E3": lambda e: xt(e) + sg(e) ** 2 * dlogm(e)},
            {"dm_N": lambda e: (N(e) - xt(e) * m(e)) / sg(e) ** 2},
        ])


MODELS = {
    "s18c_mu_q_eps_llmnotes": _mu_q_eps(),
    "s18c_kl_eps_llmnotes": _kl_eps(),
    "s18c_gauss_score_scorenotes": _gauss_score(),
    "s18c_score_eps_zhbook": _score_eps(),
    "s18c_tweedie_score_weideng": _tweedie_deng(),
    "s18c_tweedie_mmse_kyungyunlee": _tweedie_lee(),
}

"""Truth models of the s20b_ entries (a held-out set on f-GAN's variational bound, the GAN
divergence as an f-divergence, the VAE evidence under an encoder, mutual information and entropy
after Cover & Thomas, and the differential entropy of the exponential law). Densities on finite
supports (integrals as sums), the exponential's integrals over [0, inf) by Gauss-Laguerre
quadrature."""

from __future__ import annotations

import numpy as np

from .base import Model, Step, chain, entropy, joint, kl, pmf

LOG = np.log

# ------------------------------------------------------------------ f-divergence bound (Improving GAN notes)

# generator functions f, convex with f(1) = 0: KL, reverse KL, Pearson chi^2
_FS = [
    lambda u: u * LOG(u),
    lambda u: -LOG(u),
    lambda u: (u - 1.0) ** 2,
]


def _fgan_bound():
    def sample(rng):
        n = int(rng.integers(2, 7))
        return {"p": pmf(rng, n), "q": pmf(rng, n), "f": int(rng.integers(0, len(_FS)))}
    f = lambda e: _FS[e["f"]]
    P, Q = (lambda e: e["p"]), (lambda e: e["q"])
    df = lambda e: float(np.sum(Q(e) * f(e)(P(e) / Q(e))))
    # sup_t { u t - f*(t) } = f**(u) = f(u) for convex lsc f (biconjugation); pointwise sup over
    # all functions D of x of the integrand attains it at every x
    reverse = lambda e: float(np.sum(P(e) * f(e)(Q(e) / P(e))))   # max_D { E_q[D] - E_p[f*(D)] }
    rows = {
        "Df": df,
        "A1": df,
        "A2": df,
        "B1": df,
        "B2": df,
        "B3": df,
    }
    steps = chain(["Df", ("=", "A1"), ("=", "A2")]) + chain(["Df", (">=", "B1"), ("=", "B2"), ("=", "B3")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"A2": lambda e: np.inf},                                   # sup_t (u t + f*(t)) = +inf
            {"A1": lambda e: float(np.sum(P(e) * f(e)(P(e) / Q(e))))},
            {"B2": reverse},
            {"B3": reverse},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ GAN divergence as f-divergence (same notes)

def _gan_fdiv():
    def sample(rng):
        n = int(rng.integers(2, 7))
        return {"p": pmf(rng, n), "q": pmf(rng, n)}
    P, Q = (lambda e: e["p"]), (lambda e: e["q"])
    U = lambda e: P(e) / Q(e)

    def r0(e, const=LOG(4.0)):
        p, q = P(e), Q(e)
        return float(np.sum(p * LOG(2 * p / (p + q)) + q * LOG(2 * q / (p + q)))) - const

    def r2(e, sign=-1.0):
        p, q = P(e), Q(e)
        return float(np.sum(sign * q * (p / q) * LOG((p + q) / p) - q * LOG((p + q) / q)))

    def r4(e, sign=1.0):
        q, u = Q(e), U(e)
        return float(np.sum(q * (sign * u * LOG(u) - u * LOG(1 + u) - LOG(1 + u))))

    def r5(e, one=1.0):
        q, u = Q(e), U(e)
        return float(np.sum(q * (u * LOG(u) - (one + u) * LOG(1 + u))))
    rows = {
        "r0": r0,
        "r1": lambda e: float(np.sum(Q(e) * U(e) * LOG(P(e) / (P(e) + Q(e))) + Q(e) * LOG(Q(e) / (P(e) + Q(e))))),
        "r2": r2,
        "r3": lambda e: float(np.sum(Q(e) * (-U(e) * LOG((1 + U(e)) / U(e)) - LOG(1 + U(e))))),
        "r4": r4, "r5": r5,
    }
    steps = chain(["r0", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r0": lambda e: r0(e, const=LOG(2.0))},
            {"r2": lambda e: r2(e, sign=1.0)},
            {"r4": lambda e: r4(e, sign=-1.0)},
            {"r5": lambda e: r5(e, one=2.0)},
        ],
        lookalikes=[{"r0": lambda e: r0(e, const=2 * LOG(2.0))}, {}])


# ------------------------------------------------------------------ VAE evidence under the encoder (Yuret)

def _vae_evidence():
    def sample(rng):
        nx, nz = int(rng.integers(2, 5)), int(rng.integers(2, 6))
        Q = rng.uniform(0.1, 1.0, size=(nz, nx))
        return {"P": joint(rng, nx, nz), "Q": Q / Q.sum(axis=0, keepdims=True), "x": int(rng.integers(0, nx))}
    pz = lambda e: e["P"].sum(axis=0)                      # P(z)
    pxz = lambda e: e["P"][e["x"]] / pz(e)                 # P(x|z) at the given x
    pzx = lambda e: e["P"][e["x"]] / e["P"][e["x"]].sum()  # P(z|x)
    q = lambda e: e["Q"][:, e["x"]]                        # Q(z|x)
    px = lambda e: float(e["P"][e["x"]].sum())
    r4 = lambda e: float(np.sum(q(e) * (pxz(e) * pz(e) / q(e))))
    rows = {
        "Px": px,
        "r1": lambda e: float(np.sum(pxz(e) * pz(e))),
        "r2": lambda e: float(np.sum(pz(e) * pxz(e))),
        "r3": lambda e: float(np.sum(pxz(e) * pz(e) * q(e) / q(e))),
        "r4": r4,
        "logPx": lambda e: float(LOG(px(e))),
        "r5": lambda e: float(LOG(r4(e))),
    }
    steps = [Step("=", "Px", "r1"), Step("=", "Px", "r2"), Step("=", "Px", "r3"), Step("=", "Px", "r4"),
             Step("=", "logPx", "r5")]
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: float(np.sum(pxz(e)))},
            {"r2": lambda e: float(np.sum(pz(e) * pzx(e)))},
            {"r3": lambda e: float(np.sum(pxz(e) * pz(e) / q(e)))},
            {"r4": lambda e: float(np.sum(q(e) * (pxz(e) * q(e) / pz(e))))},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ I(X;Y) = H(X) - H(X|Y) (Cover & Thomas notes)

def _mi_entropy():
    def sample(rng):
        return {"p": joint(rng, int(rng.integers(2, 5)), int(rng.integers(2, 5)))}
    J = lambda e: e["p"]
    px = lambda e: J(e).sum(axis=1)[:, None]
    py = lambda e: J(e).sum(axis=0)[None, :]
    x_y = lambda e: J(e) / py(e)        # p(x|y)
    y_x = lambda e: J(e) / px(e)        # p(y|x)
    HX = lambda e: entropy(px(e).ravel())
    HY = lambda e: entropy(py(e).ravel())
    HXY = lambda e: entropy(J(e).ravel())
    HXgY = lambda e: HXY(e) - HY(e)
    HYgX = lambda e: HXY(e) - HX(e)
    I = lambda e: kl(J(e).ravel(), (px(e) * py(e)).ravel())
    S = lambda e, g: float(np.sum(J(e) * g))
    rows = {
        "I": I,
        "r1": lambda e: S(e, LOG(J(e) / (px(e) * py(e)))),
        "r2": lambda e: S(e, LOG(py(e) * x_y(e) / (px(e) * py(e)))),
        "r3": lambda e: S(e, LOG(x_y(e) / px(e))),
        "r4": lambda e: -S(e, LOG(px(e))) + S(e, LOG(x_y(e))),
        "r5": lambda e: -float(np.sum(px(e) * LOG(px(e)))) + S(e, LOG(x_y(e))),
        "r6": lambda e: HX(e) - HXgY(e),
        "s1": lambda e: HX(e) - HXgY(e),
        "s2": lambda e: HX(e) + HY(e) - HXY(e),
    }
    steps = chain(["I", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5"), ("=", "r6")]) \
        + chain(["I", ("=", "s1"), ("=", "s2")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r2": lambda e: S(e, LOG(py(e) * y_x(e) / (px(e) * py(e))))},
            {"r4": lambda e: S(e, LOG(px(e))) + S(e, LOG(x_y(e)))},
            {"r5": lambda e: -float(np.sum(py(e) * LOG(py(e)))) + S(e, LOG(x_y(e)))},
            {"r6": lambda e: HX(e) - HYgX(e)},
            {"s2": lambda e: HX(e) + HY(e) + HXY(e)},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ entropy of Exp(lambda) (differential-entropy notes)

_LN, _LW = np.polynomial.laguerre.laggauss(60)


def _exp_mean(lam, h):
    """E[h(X)] for X ~ Exp(lam): int_0^inf lam e^{-lam x} h(x) dx = int_0^inf e^{-y} h(y/lam) dy."""
    return float(np.sum(_LW * h(_LN / lam)))


def _exp_entropy():
    def sample(rng):
        return {"lam": float(np.exp(rng.uniform(-1.5, 1.5)))}
    L = lambda e: e["lam"]
    dens = lambda e, x: L(e) * np.exp(-L(e) * x)
    h = lambda e: _exp_mean(L(e), lambda x: -LOG(dens(e, x)))

    def r2(e, sign=-1.0):
        return -_exp_mean(L(e), lambda x: LOG(L(e)) + sign * L(e) * x)

    def r3(e, power=1):
        return -LOG(L(e)) * _exp_mean(L(e), lambda x: np.ones_like(x)) + L(e) ** power * _exp_mean(L(e), lambda x: x)

    def r4(e, power=1):
        return -LOG(L(e)) + L(e) * (1 / L(e) ** power)

    def r5(e, sign=-1.0):
        return 1 + sign * LOG(L(e))
    rows = {
        "h": h,
        "r1": lambda e: -_exp_mean(L(e), lambda x: LOG(L(e) * np.exp(-L(e) * x))),
        "r2": r2, "r3": r3, "r4": r4, "r5": r5,
    }
    steps = [Step(s.relation, s.lhs, s.rhs, tol=1e-8) for s in
             chain(["h", ("=", "r1"), ("=", "r2"), ("=", "r3")]) + chain(["h", ("=", "r4"), ("=", "r5")])]
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r2": lambda e: r2(e, sign=1.0)},
            {"r3": lambda e: r3(e, power=2)},
            {"r4": lambda e: r4(e, power=2)},
            {"r5": lambda e: r5(e, sign=1.0)},
        ],
        lookalikes=[{"r5": lambda e: float(LOG(np.e / L(e)))}, {}])


MODELS = {
    "s20b_fgan_bound_lhyimpgan": _fgan_bound(),
    "s20b_gan_fdiv_lhyimpgan": _gan_fdiv(),
    "s20b_vae_evidence_yuret": _vae_evidence(),
    "s20b_mi_entropy_joonhyeok": _mi_entropy(),
    "s20b_exp_entropy_diffent": _exp_entropy(),
}

"""Truth models of the evidence lower bound derivations (Kingma & Welling, Bishop, Blei et
al., Goodfellow et al.): a latent variable on a finite support, a fixed datapoint with its
joint row p(x, z), and a random variational pmf q(z)."""

from __future__ import annotations

import numpy as np

from .base import Model, Step, chain, entropy, kl, pmf

LOG = np.log
NZ = 5


def _latent(rng):
    """A prior p(z), a likelihood p(x0 | z) of the observed x0, their product p(x0, z), and
    a variational pmf q(z)."""
    pz, lik = pmf(rng, NZ), rng.uniform(0.05, 0.95, NZ)
    return {"pz": pz, "lik": lik, "pxz": pz * lik, "q": pmf(rng, NZ)}


def _parts(e):
    """evidence p(x0), posterior p(z | x0), prior p(z), likelihood p(x0 | z)."""
    px = float(np.sum(e["pxz"]))
    return px, e["pxz"] / px, e["pz"], e["lik"]


def _aevb():
    def L(e, sign=1):
        px, post, _, _ = _parts(e)
        return float(LOG(px)) - sign * kl(e["q"], post)
    Eq = lambda e, v: float(np.sum(e["q"] * v))
    rows = {
        "logp": lambda e: float(LOG(_parts(e)[0])), "L": L,
        "formA": lambda e: Eq(e, -LOG(e["q"]) + LOG(e["pxz"])),
        "formB": lambda e: -kl(e["q"], _parts(e)[2]) + Eq(e, LOG(_parts(e)[3])),
    }
    return Model(
        sample=_latent, rows=rows,
        steps=[Step(">=", "logp", "L"), Step("=", "L", "formA"), Step("=", "L", "formB")],
        mutants=[
            {("rel", 1): "<="},
            {"formA": lambda e: Eq(e, LOG(e["q"]) + LOG(e["pxz"]))},
            {"formB": lambda e: kl(e["q"], _parts(e)[2]) + Eq(e, LOG(_parts(e)[3]))},
            {"L": lambda e: L(e, -1)},
            {"formB": lambda e: -kl(e["q"], _parts(e)[2]) + Eq(e, LOG(_parts(e)[1]))},
        ],
        lookalikes=[{"formB": lambda e: Eq(e, LOG(_parts(e)[2] / e["q"])) + Eq(e, LOG(_parts(e)[3]))},
                    {"formA": lambda e: Eq(e, LOG(e["pxz"] / e["q"]))}, {}])


def _bishop():
    Eq = lambda e, v: float(np.sum(e["q"] * v))
    L = lambda e: Eq(e, LOG(e["pxz"] / e["q"]))
    KL = lambda e: -Eq(e, LOG(_parts(e)[1] / e["q"]))
    return Model(
        sample=_latent,
        rows={"lnp": lambda e: float(LOG(_parts(e)[0])), "sum": lambda e: L(e) + KL(e)},
        steps=[Step("=", "lnp", "sum")],
        mutants=[
            {"sum": lambda e: Eq(e, LOG(_parts(e)[1] / e["q"])) + KL(e)},
            {"sum": lambda e: L(e) - KL(e)},
            {"sum": lambda e: L(e) - KL(e)},
        ],
        lookalikes=[{"sum": lambda e: KL(e) + L(e)}, {},
                    {"sum": lambda e: L(e) + Eq(e, LOG(e["q"] / _parts(e)[1]))}])


def _blei():
    Eq = lambda e, v: float(np.sum(e["q"] * v))
    def parts(e):
        px, post, prior, lik = _parts(e)
        return px, post, prior, lik
    KLpost = lambda e: kl(e["q"], parts(e)[1])
    logq = lambda e: Eq(e, LOG(e["q"]))
    elbo = lambda e, sign=-1: Eq(e, LOG(e["pxz"])) + sign * logq(e)
    rows = {
        "KL1": KLpost, "eq11": lambda e: logq(e) - Eq(e, LOG(parts(e)[1])),
        "KL2": KLpost, "eq12": lambda e: logq(e) - Eq(e, LOG(e["pxz"])) + float(LOG(parts(e)[0])),
        "ELBO": elbo,
        "eq14a": lambda e: Eq(e, LOG(parts(e)[2])) + Eq(e, LOG(parts(e)[3])) - logq(e),
        "eq14b": lambda e: Eq(e, LOG(parts(e)[3])) - kl(e["q"], parts(e)[2]),
        "logp": lambda e: float(LOG(parts(e)[0])), "eq15": lambda e: KLpost(e) + elbo(e),
    }
    return Model(
        sample=_latent, rows=rows,
        steps=[Step("=", "KL1", "eq11"), Step("=", "KL2", "eq12")]
        + chain(["ELBO", ("=", "eq14a"), ("=", "eq14b")]) + [Step("=", "logp", "eq15")],
        mutants=[
            {"eq11": lambda e: logq(e) + Eq(e, LOG(parts(e)[1]))},
            {"eq12": lambda e: logq(e) - Eq(e, LOG(e["pxz"])) - float(LOG(parts(e)[0]))},
            {"eq14b": lambda e: Eq(e, LOG(parts(e)[3])) + kl(e["q"], parts(e)[2])},
            {"eq15": lambda e: KLpost(e) - elbo(e)},
            {"ELBO": lambda e: elbo(e, +1), "eq15": lambda e: KLpost(e) + elbo(e, +1)},
        ],
        lookalikes=[{}, {"eq12": lambda e: logq(e) - Eq(e, LOG(e["pxz"]) - LOG(parts(e)[0]))},
                    {"eq15": lambda e: elbo(e) + KLpost(e)}])


def _dlbook():
    Eq = lambda e, v: float(np.sum(e["q"] * v))
    logpv = lambda e: float(LOG(_parts(e)[0]))
    post = lambda e: _parts(e)[1]
    L = lambda e, sign=-1: logpv(e) + sign * kl(e["q"], post(e))
    rows = {
        "L": L,
        "r2": lambda e: logpv(e) - Eq(e, LOG(e["q"] / post(e))),
        "r3": lambda e: logpv(e) - Eq(e, LOG(e["q"] / (e["pxz"] / _parts(e)[0]))),
        "r4": lambda e: logpv(e) - Eq(e, LOG(e["q"]) - LOG(e["pxz"]) + logpv(e)),
        "r5": lambda e: -Eq(e, LOG(e["q"]) - LOG(e["pxz"])),
        "L2": L, "r6": lambda e: Eq(e, LOG(e["pxz"])) + entropy(e["q"]),
    }
    return Model(
        sample=_latent, rows=rows,
        steps=chain(["L", ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5")]) + [Step("=", "L2", "r6")],
        mutants=[
            {"r3": lambda e: logpv(e) - Eq(e, LOG(e["q"] / e["pxz"]))},
            {"r4": lambda e: logpv(e) - Eq(e, LOG(e["q"]) - LOG(e["pxz"]) - logpv(e))},
            {"r5": lambda e: Eq(e, LOG(e["q"]) - LOG(e["pxz"]))},
            {"r6": lambda e: Eq(e, LOG(e["pxz"])) - entropy(e["q"])},
            {"L": lambda e: L(e, +1), "L2": lambda e: L(e, +1)},
        ],
        lookalikes=[{"r6": lambda e: entropy(e["q"]) + Eq(e, LOG(e["pxz"]))},
                    {"r2": lambda e: logpv(e) - Eq(e, LOG(e["q"]) - LOG(post(e)))}, {}])


def _s7a_vae_kl_libzx():
    """libzx.so's sums over z: KL(q(z|X) || p(z|X)) rewritten through the joint, then the bound."""
    Eq = lambda e, v: float(np.sum(e["q"] * v))
    px = lambda e: float(_parts(e)[0])
    post, prior, lik = (lambda e: _parts(e)[1]), (lambda e: e["pz"]), (lambda e: e["lik"])
    lq, ljoint = (lambda e: LOG(e["q"])), (lambda e: LOG(e["pxz"]))
    rows = {
        "KL": lambda e: kl(e["q"], post(e)),
        "b1": lambda e: Eq(e, LOG(e["q"] / post(e))),
        "b2": lambda e: Eq(e, lq(e) - LOG(post(e))),
        "b3": lambda e: Eq(e, lq(e) - ljoint(e) + LOG(px(e))),
        "b4": lambda e: Eq(e, lq(e) - ljoint(e)) + float(np.sum(e["q"] * LOG(px(e)))),
        "b5": lambda e: Eq(e, lq(e) - ljoint(e)) + float(LOG(px(e))),
        "c1": lambda e: Eq(e, lq(e) - ljoint(e)) + float(LOG(px(e))),
        "c2": lambda e: Eq(e, lq(e) - LOG(prior(e)) - LOG(lik(e))) + float(LOG(px(e))),
        "c3": lambda e: Eq(e, lq(e) - LOG(prior(e))) - Eq(e, LOG(lik(e))) + float(LOG(px(e))),
        "c4": lambda e: kl(e["q"], prior(e)) - Eq(e, LOG(lik(e))) + float(LOG(px(e))),
        "logp": lambda e: float(LOG(px(e))),
        "bound": lambda e: -kl(e["q"], prior(e)) + Eq(e, LOG(lik(e))),
    }
    return Model(
        sample=_latent, rows=rows,
        steps=chain(["KL", ("=", "b1"), ("=", "b2"), ("=", "b3"), ("=", "b4"), ("=", "b5")])
        + chain(["KL", ("=", "c1"), ("=", "c2"), ("=", "c3"), ("=", "c4")]) + [Step(">=", "logp", "bound")],
        mutants=[
            {"b3": lambda e: Eq(e, lq(e) - ljoint(e) - LOG(px(e)))},
            {"c4": lambda e: kl(e["q"], prior(e)) + Eq(e, LOG(lik(e))) + float(LOG(px(e)))},
            {("rel", 10): "<="},
            {"c2": lambda e: Eq(e, lq(e) - LOG(prior(e)) + LOG(lik(e))) + float(LOG(px(e)))},
        ],
        lookalikes=[
            {"bound": lambda e: Eq(e, LOG(lik(e))) - kl(e["q"], prior(e))},
            {"b2": lambda e: Eq(e, -LOG(post(e)) + lq(e))},
        ])


def _s7a_em_jensen():
    """The kiteam.de EM bound: N datapoints x_i, each with its row p(x_i, z | theta) over a finite
    z support. The rows are values of a density in x, so they are any positive numbers and the
    evidence p(x_i | theta) may exceed 1 (it must, for the inverted-ratio mutant to break the
    Jensen step); q is one pmf on the z support, used for every i."""
    n, nz = 3, 4

    def sample(rng):
        joint_rows = rng.uniform(0.05, 3.0, size=(n, nz))
        return {"pxz": joint_rows, "q": pmf(rng, nz)}
    q, P = (lambda e: e["q"][None, :]), (lambda e: e["pxz"])
    per_i = lambda v: float(np.sum(v))              # sum over i of sums over z
    evidence = lambda e: P(e).sum(axis=1)           # p(x_i | theta) = int p(x_i, z_i | theta) dz_i
    rows = {
        "L": lambda e: float(np.sum(LOG(evidence(e)))),
        "logint": lambda e: float(np.sum(LOG(np.sum(P(e), axis=1)))),
        "imp": lambda e: float(np.sum(LOG(np.sum(q(e) * P(e) / q(e), axis=1)))),
        "jensen": lambda e: per_i(q(e) * LOG(P(e) / q(e))),
        "E": lambda e: per_i(q(e) * LOG(P(e) / q(e))),
        "negKL": lambda e: -per_i(q(e) * LOG(q(e) / P(e))),   # D_KL(q || p(x_i, .)) by its integral
        "calL": lambda e: float(sum(np.sum(e["q"] * LOG(P(e)[i] / e["q"])) for i in range(n))),
    }
    return Model(
        sample=sample, rows=rows,
        steps=chain(["L", ("=", "logint"), ("=", "imp"), (">=", "jensen"), ("=", "E"), ("=", "negKL"),
                     ("=", "calL")]),
        mutants=[
            {("rel", 3): "<="},
            {"negKL": lambda e: per_i(q(e) * LOG(q(e) / P(e)))},
            {"imp": lambda e: float(np.sum(LOG(np.sum(q(e) * q(e) / P(e), axis=1))))},
            {"L": lambda e: float(np.sum(evidence(e)))},
        ],
        lookalikes=[
            {"E": lambda e: per_i(q(e) * (LOG(P(e)) - LOG(q(e))))},
            {},   # p(z_i, x_i | theta): the same joint, arguments in the other order
        ])


MODELS = {
    "aevb_elbo": _aevb(),
    "bishop_elbo": _bishop(),
    "blei_elbo": _blei(),
    "dlbook_elbo": _dlbook(),
    "s7a_vae_kl_libzx": _s7a_vae_kl_libzx(),
    "s7a_em_jensen_kiteam": _s7a_em_jensen(),
}

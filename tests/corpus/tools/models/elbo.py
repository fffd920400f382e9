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


MODELS = {
    "aevb_elbo": _aevb(),
    "bishop_elbo": _bishop(),
    "blei_elbo": _blei(),
    "dlbook_elbo": _dlbook(),
}

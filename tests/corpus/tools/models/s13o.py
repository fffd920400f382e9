"""Truth models of the s13o_ entries (a held-out set from Lilian Weng's Lil'Log posts and Dive into
Deep Learning: the VAE loss from the reverse KL, the GAN loss at the optimal discriminator as a JS
divergence, the beta-VAE Lagrangian, the ELBO recalled for TD-VAE, the softmax cross-entropy and
its derivative in a logit, the binary log-likelihood and cross-entropy as entropy plus KL).
Densities are random positive pmfs on small finite supports (integrals against counting measure),
joints random positive tables, conditionals their normalised slices; derivatives by the complex
step."""

from __future__ import annotations

import numpy as np

from .base import Model, Step, chain, joint, pmf, tight

LOG = np.log
EXP = np.exp
H_STEP = 1e-20


def _kl(p, q):
    return float(np.sum(p * LOG(p / q)))


def _latent(rng):
    """A joint p(x, z) on nx x nz points, q(z | x) at the observed x (index 0)."""
    nx, nz = int(rng.integers(2, 5)), int(rng.integers(2, 6))
    pxz = joint(rng, nx, nz)
    return {"pxz": pxz, "q": pmf(rng, nz)}


def _parts(e):
    pxz, q = e["pxz"], e["q"]
    row = pxz[0]                  # p(x, z) at the observed x, over z
    px = float(row.sum())         # p(x)
    pz = pxz.sum(axis=0)          # prior p(z)
    post = row / px               # p(z | x)
    lik = row / pz                # p(x | z)
    return q, row, px, pz, post, lik


# ------------------------------------------------------------------ VAE loss from the reverse KL (Weng)

def _vae_elbo():
    def rows_of(e):
        return _parts(e)

    def E(e, g):
        return float(np.sum(rows_of(e)[0] * g))

    def r2(e, inv=False):
        q, row, px, pz, post, lik = rows_of(e)
        ratio = q * row / px if inv else q * px / row
        return float(np.sum(q * LOG(ratio)))

    def r7(e, sign=1):
        q, row, px, pz, post, lik = rows_of(e)
        return LOG(px) + sign * _kl(q, pz) - E(e, LOG(lik))

    def rear(e, sign=-1):
        q, row, px, pz, post, lik = rows_of(e)
        return E(e, LOG(lik)) + sign * _kl(q, pz)

    def lvae2(e, post_kl=False):
        q, row, px, pz, post, lik = rows_of(e)
        return -E(e, LOG(lik)) + (_kl(q, post) if post_kl else _kl(q, pz))

    def klpost(e):
        q, row, px, pz, post, lik = rows_of(e)
        return _kl(q, post)

    def lp(e):
        return float(LOG(rows_of(e)[2]))

    rows = {
        "K": klpost,
        "r1": lambda e: float(np.sum(rows_of(e)[0] * LOG(rows_of(e)[0] / rows_of(e)[4]))),
        "r2": r2,
        "r3": lambda e: E(e, lp(e) + LOG(rows_of(e)[0] / rows_of(e)[1])),
        "r4": lambda e: lp(e) + E(e, LOG(rows_of(e)[0] / rows_of(e)[1])),
        "r5": lambda e: lp(e) + E(e, LOG(rows_of(e)[0] / (rows_of(e)[5] * rows_of(e)[3]))),
        "r6": lambda e: lp(e) + E(e, LOG(rows_of(e)[0] / rows_of(e)[3]) - LOG(rows_of(e)[5])),
        "r7": r7,
        "K2": klpost, "s1": r7,
        "lhs": lambda e: lp(e) - klpost(e), "rear": rear,
        "L1": lambda e: -lp(e) + klpost(e), "L2": lvae2,
        "mL": lambda e: -(-lp(e) + klpost(e)), "b1": lambda e: lp(e) - klpost(e), "b2": lp,
    }
    steps = tight(chain(["K", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5"),
                          ("=", "r6"), ("=", "r7")])
                   + [Step("=", "K2", "s1"), Step("=", "lhs", "rear"), Step("=", "L1", "L2")]
                   + chain(["mL", ("=", "b1"), ("<=", "b2")]), 1e-10)
    return Model(
        sample=_latent, rows=rows, steps=steps,
        mutants=[
            {"r2": lambda e: r2(e, inv=True)},
            {"r7": lambda e: r7(e, sign=-1)},
            {"L2": lambda e: lvae2(e, post_kl=True)},
            {"rear": lambda e: rear(e, sign=+1)},
            {("rel", 12): ">="},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ GAN loss at D^* as JS (Weng)

def _gan_jsd():
    def sample(rng):
        n = int(rng.integers(2, 7))
        return {"pr": pmf(rng, n), "pg": pmf(rng, n)}
    pr, pg = (lambda e: e["pr"]), (lambda e: e["pg"])
    m = lambda e: (pr(e) + pg(e)) / 2

    def L(e, D):
        return float(np.sum(pr(e) * LOG(D) + pg(e) * LOG(1 - D)))
    Ds = lambda e: pr(e) / (pr(e) + pg(e))
    js = lambda e: 0.5 * _kl(pr(e), m(e)) + 0.5 * _kl(pg(e), m(e))

    def r2(e, second_num=None):
        num = pg(e) if second_num is None else second_num(e)
        return (0.5 * (LOG(2) + float(np.sum(pr(e) * LOG(pr(e) / (pr(e) + pg(e))))))
                + 0.5 * (LOG(2) + float(np.sum(pg(e) * LOG(num / (pr(e) + pg(e)))))))
    rows = {
        "JS": js,
        "r1": lambda e: 0.5 * _kl(pr(e), m(e)) + 0.5 * _kl(pg(e), m(e)),
        "r2": r2,
        "r3": lambda e: 0.5 * (LOG(4) + L(e, Ds(e))),
        "LD": lambda e: L(e, Ds(e)), "c": lambda e: 2 * js(e) - 2 * LOG(2),
    }
    steps = tight(chain(["JS", ("=", "r1"), ("=", "r2"), ("=", "r3")]) + [Step("=", "LD", "c")], 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r3": lambda e: 0.5 * (LOG(2) + L(e, Ds(e)))},
            {"c": lambda e: 2 * js(e) - LOG(2)},
            {"r1": lambda e: 0.5 * _kl(pr(e), m(e)) + 0.5 * _kl(m(e), pg(e))},
            {"r2": lambda e: r2(e, second_num=pr)},
            {"c": lambda e: js(e) - 2 * LOG(2)},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ beta-VAE Lagrangian (Weng)

def _betavae():
    def sample(rng):
        e = _latent(rng)
        e.update(beta=rng.uniform(0.0, 3.0), delta=rng.uniform(0.01, 1.0))
        return e

    def terms(e):
        q, row, px, pz, post, lik = _parts(e)
        return float(np.sum(q * LOG(lik))), _kl(q, pz)
    b, d = (lambda e: e["beta"]), (lambda e: e["delta"])
    rows = {
        "F": lambda e: terms(e)[0] - b(e) * (terms(e)[1] - d(e)),
        "r1": lambda e: terms(e)[0] - b(e) * terms(e)[1] + b(e) * d(e),
        "r2": lambda e: terms(e)[0] - b(e) * terms(e)[1],
    }
    steps = tight(chain(["F", ("=", "r1"), (">=", "r2")]), 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: terms(e)[0] - b(e) * terms(e)[1] - b(e) * d(e)},
            {("rel", 2): "<="},
            {"r1": lambda e: terms(e)[0] - terms(e)[1] + b(e) * d(e)},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ ELBO recalled for TD-VAE (Weng)

def _elbo_recall():
    def E(e, g):
        return float(np.sum(_parts(e)[0] * g))

    def P(e):
        return _parts(e)
    lp = lambda e: float(LOG(P(e)[2]))

    def r2(e, sign=-1, swap=False):
        q, row, px, pz, post, lik = P(e)
        return E(e, LOG(lik)) + sign * (_kl(pz, q) if swap else _kl(q, pz))

    def r4(e, sign=1):
        q, row, px, pz, post, lik = P(e)
        return E(e, LOG(lik) - LOG(q) + sign * LOG(pz))

    def r5(e, sign=-1):
        q, row, px, pz, post, lik = P(e)
        return E(e, LOG(row) + sign * LOG(q))
    rows = {
        "lp": lp,
        "r1": lambda e: lp(e) - _kl(P(e)[0], P(e)[4]),
        "r2": r2,
        "r3": lambda e: E(e, LOG(P(e)[5])) - E(e, LOG(P(e)[0] / P(e)[3])),
        "r4": r4, "r5": r5, "lp2": lp, "r6": r5,
    }
    steps = tight(chain(["lp", (">=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5")])
                   + [Step(">=", "lp2", "r6")], 1e-10)
    return Model(
        sample=_latent, rows=rows, steps=steps,
        mutants=[
            {("rel", 1): "<="},
            {"r2": lambda e: r2(e, sign=+1)},
            {"r4": lambda e: r4(e, sign=-1)},
            {"r5": lambda e: r5(e, sign=+1)},
            {("rel", 6): "<="},
            {"r2": lambda e: r2(e, swap=True)},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ softmax cross-entropy (d2l)

def _softmax_ce():
    def sample(rng):
        q = int(rng.integers(2, 7))
        return {"o": rng.normal(0, 1.5, size=q), "y": pmf(rng, q), "j": int(rng.integers(0, q))}
    o, y, j = (lambda e: e["o"]), (lambda e: e["y"]), (lambda e: e["j"])
    sm = lambda v: EXP(v) / np.sum(EXP(v))
    loss = lambda e, v: -np.sum(y(e) * LOG(sm(v)))

    def dloss(e):
        v = o(e).astype(complex)
        v[j(e)] += 1j * H_STEP
        return float(np.imag(loss(e, v)) / H_STEP)

    def r2(e, sign=-1):
        return float(np.sum(y(e) * LOG(np.sum(EXP(o(e))))) + sign * np.sum(y(e) * o(e)))
    rows = {
        "l": lambda e: float(loss(e, o(e))),
        "r1": lambda e: float(-np.sum(y(e) * LOG(EXP(o(e)) / np.sum(EXP(o(e)))))),
        "r2": r2,
        "r3": lambda e: float(LOG(np.sum(EXP(o(e)))) - np.sum(y(e) * o(e))),
        "d": dloss,
        "d1": lambda e: float(EXP(o(e)[j(e)]) / np.sum(EXP(o(e))) - y(e)[j(e)]),
        "d2": lambda e: float(sm(o(e))[j(e)] - y(e)[j(e)]),
    }
    steps = tight(chain(["l", ("=", "r1"), ("=", "r2"), ("=", "r3")])
                   + chain(["d", ("=", "d1"), ("=", "d2")]), 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r2": lambda e: r2(e, sign=+1)},
            {"r3": lambda e: float(np.sum(EXP(o(e))) - np.sum(y(e) * o(e)))},
            {"d1": lambda e: float(EXP(o(e)[j(e)]) / np.sum(EXP(o(e))) + y(e)[j(e)])},
            {"d2": lambda e: float(sm(o(e))[j(e)] - 1)},
            {"r1": lambda e: float(-np.sum(y(e) * LOG(np.sum(EXP(o(e))) / EXP(o(e)))))},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ binary log-likelihood, CE = H + KL (d2l)

def _bce_ce():
    def sample(rng):
        n, k = int(rng.integers(1, 7)), int(rng.integers(2, 7))
        return {"pi": rng.uniform(0.05, 0.95, size=n), "y": rng.uniform(-0.5, 1.5, size=n),
                "p": pmf(rng, k), "q": pmf(rng, k)}
    pi, y, p, q = (lambda e: e["pi"]), (lambda e: e["y"]), (lambda e: e["p"]), (lambda e: e["q"])

    def logprod(e, swap=False):
        a, b = (1 - y(e), y(e)) if swap else (y(e), 1 - y(e))
        return float(LOG(np.prod(pi(e) ** a * (1 - pi(e)) ** b)))
    ent = lambda e: float(-np.sum(p(e) * LOG(p(e))))
    rows = {
        "l": logprod,
        "r1": logprod,
        "r2": lambda e: float(np.sum(y(e) * LOG(pi(e)) + (1 - y(e)) * LOG(1 - pi(e)))),
        "CE": lambda e: float(-np.sum(p(e) * LOG(q(e)))),
        "s": lambda e: ent(e) + _kl(p(e), q(e)),
    }
    steps = tight(chain(["l", ("=", "r1"), ("=", "r2")]) + [Step("=", "CE", "s")], 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r2": lambda e: float(np.sum(y(e) * LOG(pi(e)) + (1 - y(e)) * LOG(pi(e))))},
            {"r1": lambda e: logprod(e, swap=True)},
            {"s": lambda e: ent(e) - _kl(p(e), q(e))},
            {"s": lambda e: ent(e) + _kl(q(e), p(e))},
        ],
        lookalikes=[{}, {}])


MODELS = {
    "s13o_vae_elbo_lilianweng": _vae_elbo(),
    "s13o_gan_jsd_lilianweng": _gan_jsd(),
    "s13o_betavae_lagrangian_lilianweng": _betavae(),
    "s13o_elbo_recall_lilianweng": _elbo_recall(),
    "s13o_softmax_ce_d2l": _softmax_ce(),
    "s13o_bce_crossentropy_d2l": _bce_ce(),
}

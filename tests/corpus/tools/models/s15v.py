"""Truth models of the s15v_ entries (a held-out set of information-theory derivations from a blog
post with two proofs of D_KL >= 0, two Markdown notes on cross entropy = entropy + KL, and an
Obsidian note on mutual information: its KL form, chain rule and the data-processing bound).
Pmfs are random positive vectors and joint tables; entropies and informations are computed from
their definitions as sums (natural log); integrals are sums over the finite support."""

from __future__ import annotations

import math

import numpy as np

from .base import Model, Step, chain, joint, pmf

LOG = np.log
S = lambda v: float(np.sum(v))


def _tight(steps, tol=1e-10):
    for st in steps:
        st.tol = tol
    return steps


def _pq():
    def sample(rng):
        n = int(rng.integers(2, 8))
        return {"p": pmf(rng, n), "q": pmf(rng, n)}
    return sample, (lambda e: e["p"]), (lambda e: e["q"])


# ------------------------------------------------------------------ D_KL >= 0 by Jensen (Hotaj)

def _kl_jensen_hotaj():
    sample, p, q = _pq()
    E = lambda e, v: S(p(e) * v)
    rows = {
        "KL": lambda e: S(p(e) * LOG(p(e) / q(e))),
        "r1": lambda e: E(e, -LOG(q(e) / p(e))),
        "r2": lambda e: -math.log(E(e, q(e) / p(e))),
        "r3": lambda e: -math.log(S(p(e) * q(e) / p(e))),
        "r4": lambda e: -math.log(S(q(e))),
        "r5": lambda e: -math.log(1.0),
        "zero": lambda e: 0.0,
    }
    steps = _tight(chain(["KL", ("=", "r1"), (">=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5"), ("=", "zero")]))
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {("rel", 2): "<="},
            {"r3": lambda e: -math.log(S(q(e) * q(e) / p(e)))},
            {"r1": lambda e: E(e, LOG(q(e) / p(e)))},
            {"r5": lambda e: -math.log(2.0)},
        ],
        lookalikes=[
            {"r5": lambda e: math.log(1.0)},
            {},
        ])


# ------------------------------------------------------------------ D_KL >= 0 by -log u >= 1 - u (Hotaj)

def _kl_logbound_hotaj():
    sample, p, q = _pq()
    E = lambda e, v: S(p(e) * v)
    rows = {
        "KL": lambda e: S(p(e) * LOG(p(e) / q(e))),
        "r1": lambda e: E(e, -LOG(q(e) / p(e))),
        "r2": lambda e: E(e, 1 - q(e) / p(e)),
        "r3": lambda e: S(p(e) * (1 - q(e) / p(e))),
        "r4": lambda e: S(p(e) - q(e)),
        "r5": lambda e: 1.0 - 1.0,
        "zero": lambda e: 0.0,
    }
    steps = _tight(chain(["KL", ("=", "r1"), (">=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5"), ("=", "zero")]))
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {("rel", 2): "<="},
            {"r2": lambda e: E(e, 1 + q(e) / p(e))},
            {"r3": lambda e: S(q(e) * (1 - q(e) / p(e)))},
            {"r5": lambda e: 1.0 + 1.0},
        ],
        lookalikes=[
            {"r4": lambda e: S(q(e) - p(e))},
            {"r5": lambda e: 1.0 - 1.0 + 0.0},
        ])


# ------------------------------------------------------------------ H(p, q) = H(p) + KL (volvet/notes)

def _crossent_kl_volvet():
    sample, p, q = _pq()
    Hp = lambda e: -S(p(e) * LOG(p(e)))
    Hpq = lambda e: -S(p(e) * LOG(q(e)))
    KL = lambda e: S(p(e) * LOG(p(e) / q(e)))
    rows = {
        "Hp": Hp, "Hpq": Hpq, "KL": KL,
        "h1": lambda e: -S(p(e) * LOG(p(e))),
        "c1": lambda e: -S(p(e) * LOG(q(e))),
        "k1": lambda e: -S(p(e) * LOG(q(e) / p(e))),
        "a1": lambda e: -S(p(e) * LOG(q(e))),
        "a2": lambda e: -S(p(e) * LOG(p(e))) - S(p(e) * LOG(q(e) / p(e))),
        "a3": lambda e: Hp(e) + KL(e),
    }
    steps = _tight([Step("=", "Hp", "h1"), Step("=", "Hpq", "c1"), Step("=", "KL", "k1")]
                   + chain(["Hpq", ("=", "a1"), ("=", "a2"), ("=", "a3")]))
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"h1": lambda e: S(p(e) * LOG(p(e)))},
            {"c1": lambda e: -S(q(e) * LOG(p(e)))},
            {"k1": lambda e: S(p(e) * LOG(q(e) / p(e)))},
            {"a2": lambda e: -S(p(e) * LOG(p(e))) + S(p(e) * LOG(q(e) / p(e)))},
            {"a3": lambda e: Hp(e) - KL(e)},
        ],
        lookalikes=[
            {"a3": lambda e: KL(e) + Hp(e)},
            {"a2": lambda e: -S(p(e) * LOG(p(e))) - S(p(e) * (LOG(q(e)) - LOG(p(e))))},
        ])


# ------------------------------------------------------------------ H(P,Q) = H(P) + KL (zettelkasten)

def _crossent_kl_zettel():
    sample, p, q = _pq()
    Hp = lambda e: -S(p(e) * LOG(p(e)))
    Hpq = lambda e: -S(p(e) * LOG(q(e)))
    KL = lambda e: S(p(e) * LOG(p(e) / q(e)))
    rows = {
        "Hpq": Hpq, "KL": KL,
        "c1": lambda e: -S(p(e) * LOG(q(e))),
        "k1": lambda e: S(p(e) * LOG(p(e) / q(e))),
        "k2": lambda e: S(p(e) * LOG(p(e))) - S(p(e) * LOG(q(e))),
        "d1": lambda e: -Hp(e) - S(p(e) * LOG(q(e))),
        "sq": lambda e: -S(p(e) * LOG(q(e))),
        "d2": lambda e: Hp(e) + KL(e),
        "d3": lambda e: Hp(e) + KL(e),
    }
    steps = _tight([Step("=", "Hpq", "c1")] + chain(["KL", ("=", "k1"), ("=", "k2")])
                   + [Step("=", "KL", "d1"), Step("=", "sq", "d2"), Step("=", "Hpq", "d3")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"c1": lambda e: -S(q(e) * LOG(p(e)))},
            {"k1": lambda e: S(p(e) * LOG(q(e) / p(e)))},
            {"d1": lambda e: Hp(e) - S(p(e) * LOG(q(e)))},
            {"d3": lambda e: Hp(e) - KL(e)},
        ],
        lookalikes=[
            {"d3": lambda e: KL(e) + Hp(e)},
            {},
        ])


# ------------------------------------------------------------------ entropies of a joint table

def _marg(J, keep):
    drop = tuple(a for a in range(J.ndim) if a not in keep)
    return J.sum(axis=drop, keepdims=True) if drop else J


def _H(J, A, B=()):
    pAB = _marg(J, set(A) | set(B))
    pB = _marg(J, set(B)) if B else 1.0
    return float(-np.sum(J * LOG(pAB / pB)))


X, Y, Z = 0, 1, 2


def _I(J, A, B, C=()):
    return _H(J, A, C) - _H(J, A, tuple(B) + tuple(C))


def _mi_kl_obsidian():
    def sample(rng):
        return {"J": joint(rng, int(rng.integers(2, 4)), int(rng.integers(2, 4)), int(rng.integers(2, 4)))}
    J = lambda e: e["J"]
    H = lambda e, A, B=(): _H(J(e), A, B)
    I = lambda e, A, B, C=(): _I(J(e), A, B, C)
    pxy = lambda e: J(e).sum(axis=2)
    px = lambda e: pxy(e).sum(axis=1, keepdims=True)
    py = lambda e: pxy(e).sum(axis=0, keepdims=True)
    rows = {
        "d1": lambda e: H(e, (X,)) - H(e, (X,), (Y,)),
        "d2": lambda e: H(e, (Y,)) - H(e, (Y,), (X,)),
        "I": lambda e: I(e, (X,), (Y,)),
        "s1": lambda e: S(pxy(e) * LOG((pxy(e) / py(e)) / px(e))),
        "s2": lambda e: S(pxy(e) * LOG(pxy(e) / (px(e) * py(e)))),
        "D": lambda e: S(pxy(e) * LOG(pxy(e) / (px(e) * py(e)))),
        "L": lambda e: H(e, (X, Y)) - H(e, (X, Y), (Z,)),
        "a1": lambda e: H(e, (X,)) + H(e, (Y,), (X,)) - H(e, (X,), (Z,)) - H(e, (Y,), (X, Z)),
        "a2": lambda e: I(e, (X,), (Z,)) + I(e, (Y,), (Z,), (X,)),
    }
    steps = _tight([Step("=", "d1", "d2")] + chain(["I", ("=", "s1"), ("=", "s2"), ("=", "D")])
                   + chain(["L", ("=", "a1"), ("=", "a2")]))
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"d2": lambda e: H(e, (Y,)) - H(e, (X,), (Y,))},
            {"s1": lambda e: S(pxy(e) * LOG((pxy(e) / px(e)) / px(e)))},
            {"s2": lambda e: S(pxy(e) * LOG(pxy(e) / px(e)))},
            {"a1": lambda e: H(e, (X,)) + H(e, (Y,), (X,)) - H(e, (X,), (Z,)) - H(e, (Y,), (Z,))},
            {"a2": lambda e: I(e, (X,), (Z,)) + I(e, (Y,), (Z,))},
        ],
        lookalikes=[
            {"D": lambda e: S(pxy(e) * LOG(pxy(e) / (py(e) * px(e))))},
            {"a2": lambda e: I(e, (Z,), (X,)) + I(e, (Z,), (Y,), (X,))},
        ])


def _dpi_obsidian():
    def sample(rng):
        nx, ny, nz = (int(rng.integers(2, 5)) for _ in range(3))
        py = pmf(rng, ny)
        px_y = np.stack([pmf(rng, nx) for _ in range(ny)], axis=1)   # [x, y]
        pz_y = np.stack([pmf(rng, nz) for _ in range(ny)], axis=0)   # [y, z]
        J = px_y[:, :, None] * py[None, :, None] * pz_y[None, :, :]  # X - Y - Z
        return {"J": J}
    J = lambda e: e["J"]
    H = lambda e, A, B=(): _H(J(e), A, B)
    I = lambda e, A, B, C=(): _I(J(e), A, B, C)
    rows = {
        "IXZ": lambda e: I(e, (X,), (Z,)),
        "r1": lambda e: H(e, (X,)) - H(e, (X,), (Z,)),
        "r2": lambda e: H(e, (X,)) - H(e, (X,), (Y, Z)),
        "r3": lambda e: H(e, (X,)) - H(e, (X,), (Y,)),
        "r4": lambda e: I(e, (X,), (Y,)),
    }
    steps = _tight(chain(["IXZ", ("=", "r1"), ("<=", "r2"), ("=", "r3"), ("=", "r4")]))
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {("rel", 2): ">="},
            {"r1": lambda e: H(e, (Z,)) - H(e, (X,), (Z,))},
            {"r3": lambda e: H(e, (X,)) - H(e, (Y,), (X,))},
        ],
        lookalikes=[
            {"r4": lambda e: H(e, (Y,)) - H(e, (Y,), (X,))},
            {"r1": lambda e: H(e, (Z,)) - H(e, (Z,), (X,))},
        ])


MODELS = {
    "s15v_kl_jensen_hotaj": _kl_jensen_hotaj(),
    "s15v_kl_logbound_hotaj": _kl_logbound_hotaj(),
    "s15v_crossent_kl_volvet": _crossent_kl_volvet(),
    "s15v_crossent_kl_zettel": _crossent_kl_zettel(),
    "s15v_mi_kl_obsidian": _mi_kl_obsidian(),
    "s15v_dpi_obsidian": _dpi_obsidian(),
}

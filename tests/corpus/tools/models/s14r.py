"""Truth models of the s14r_ entries (a held-out set of information-theory derivations from a
MathOverflow answer, a Q&A mirror, EPFL student notes and three GitHub Markdown notes: -KL <= 0 by
log u <= u - 1 against a normal density, H <= log|A| by Gibbs' inequality and for the uniform law,
the same bound by the lemma log x <= (x - 1) log e, the mutual-information identities, entropy /
cross entropy / KL as sums, and the differential entropy of a uniform law in bits). Discrete
quantities on random positive pmfs computed from their definitions as sums; the normal-density
integrals on a fine grid (both densities normalised on it, so the identities hold exactly there);
the uniform entropy by quadrature of -p log2 p on [a, b]."""

from __future__ import annotations

import math

import numpy as np

from .base import Model, Step, chain, joint, pmf, tight

LOG = np.log
LN2 = math.log(2.0)


S = lambda v: float(np.sum(v))


# ------------------------------------------------------------------ -KL(f||g) <= 0 (Royi, MathOverflow 265794)

def _gauss_maxent_royi():
    xs = np.linspace(-12.0, 12.0, 4801)
    w = np.full_like(xs, xs[1] - xs[0])

    def sample(rng):
        k = int(rng.integers(1, 4))
        mus, sds = rng.uniform(-2.5, 2.5, k), rng.uniform(0.4, 2.0, k)
        wts = rng.uniform(0.2, 1.0, k)
        f = sum(c * np.exp(-0.5 * ((xs - m) / s) ** 2) / s for c, m, s in zip(wts, mus, sds)) + 1e-6
        f = f / S(w * f)
        g = np.exp(-0.5 * xs ** 2)
        g = g / S(w * g)
        return {"f": f, "g": g}
    I = lambda v: S(w * v)
    f, g = (lambda e: e["f"]), (lambda e: e["g"])
    rows = {
        "mKL": lambda e: -I(f(e) * LOG(f(e) / g(e))),
        "r1": lambda e: -I(f(e) * LOG(f(e) / g(e))),
        "r2": lambda e: I(f(e) * LOG(g(e) / f(e))),
        "r3": lambda e: I(f(e) * (g(e) / f(e) - 1)),
        "r4": lambda e: I(g(e) - f(e)),
        "zero": lambda e: 0.0,
    }
    steps = tight(chain(["mKL", ("=", "r1"), ("=", "r2"), ("<=", "r3"), ("=", "r4"), ("=", "zero")]), 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: I(f(e) * LOG(f(e) / g(e)))},
            {("rel", 3): ">="},
            {"r3": lambda e: I(f(e) * (g(e) / f(e) + 1))},
            {"zero": lambda e: 1.0},
            {"r2": lambda e: I(f(e) * LOG(f(e) / g(e)))},
        ],
        lookalikes=[
            {"r4": lambda e: I(g(e)) - I(f(e))},
            {"r1": lambda e: -I(f(e) * (LOG(f(e)) - LOG(g(e))))},
        ])


# ------------------------------------------------------------------ H(X) <= log|A| (imathworks)

def _entropy_loga_imathworks():
    def sample(rng):
        m = int(rng.integers(2, 9))
        return {"m": m, "p": pmf(rng, m), "q": pmf(rng, m)}
    m = lambda e: float(e["m"])
    p, q = (lambda e: e["p"]), (lambda e: e["q"])
    A = m     # |A| = m
    Hp = lambda e: -S(p(e) * LOG(p(e)))
    rows = {
        "HX": lambda e: -S(np.full(e["m"], 1 / m(e)) * LOG(np.full(e["m"], 1 / m(e)))),
        "a1": lambda e: -m(e) * (1 / m(e)) * math.log(1 / m(e)),
        "a2": lambda e: -math.log(1 / m(e)),
        "a3": lambda e: math.log(m(e)),
        "a4": lambda e: math.log(A(e)),
        "Hp": Hp,
        "b1": lambda e: -S(p(e) * LOG(p(e))),
        "b2": lambda e: -S(p(e) * LOG(q(e))),
        "c1": lambda e: -S(p(e) * math.log(1 / A(e))),
        "c2": lambda e: math.log(A(e)),
    }
    steps = tight(chain(["HX", ("=", "a1"), ("=", "a2"), ("=", "a3"), ("=", "a4")])
                   + chain(["Hp", ("=", "b1"), ("<=", "b2")])
                   + chain(["Hp", ("<=", "c1"), ("=", "c2")]), 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"a2": lambda e: -m(e) * math.log(1 / m(e))},
            {"a4": lambda e: math.log(A(e) - 1)},
            {("rel", 6): ">="},
            {("rel", 7): ">="},
            {"c2": lambda e: -math.log(A(e))},
        ],
        lookalikes=[
            {"c1": lambda e: -S(p(e) * math.log(A(e) ** -1))},
            {"a1": lambda e: S(np.full(e["m"], 1 / m(e)) * math.log(m(e)))},
        ])


# ------------------------------------------------------------------ H(S) - log|A| <= 0 (EPFL COM-102 notes)

def _entropy_bound_padjokej():
    def sample(rng):
        n = int(rng.integers(2, 8))
        return {"p": pmf(rng, n), "n": n}
    p = lambda e: e["p"]
    A = lambda e: float(e["n"])
    LOGE = 1.0   # log e in the natural reading
    rows = {
        "L": lambda e: -S(p(e) * LOG(p(e))) - math.log(A(e)),
        "r1": lambda e: -S(p(e) * LOG(p(e))) - math.log(A(e)),
        "r2": lambda e: S(p(e) * (-LOG(p(e)) - math.log(A(e)))),
        "r3": lambda e: S(p(e) * (-LOG(p(e) * A(e)))),
        "r4": lambda e: S(p(e) * LOG(1 / (p(e) * A(e)))),
        "r5": lambda e: S(p(e) * (1 / (p(e) * A(e)) - 1)) * LOGE,
        "r6": lambda e: (S(np.full(e["n"], 1 / A(e))) - S(p(e))) * LOGE,
        "zero": lambda e: 0.0,
    }
    steps = tight(chain(["L", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("<=", "r5"),
                          ("=", "r6"), ("<=", "zero")]), 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r2": lambda e: S(p(e) * (-LOG(p(e)) + math.log(A(e))))},
            {"r4": lambda e: S(p(e) * LOG(p(e) / A(e)))},
            {("rel", 5): ">="},
            {"r5": lambda e: S(p(e) * (1 / (p(e) * A(e)) + 1)) * LOGE},
            {"r6": lambda e: (S(np.full(e["n"], 1 / A(e))) + S(p(e))) * LOGE},
        ],
        lookalikes=[
            {"r4": lambda e: -S(p(e) * LOG(p(e) * A(e)))},
            {"r6": lambda e: (1 - 1) * LOGE},
        ])


# ------------------------------------------------------------------ mutual-information identities (Markdown note)

def _marg(J, keep):
    drop = tuple(a for a in range(J.ndim) if a not in keep)
    return J.sum(axis=drop, keepdims=True) if drop else J


def _H(J, A, B=()):
    pAB = _marg(J, set(A) | set(B))
    pB = _marg(J, set(B)) if B else 1.0
    return float(-np.sum(J * LOG(pAB / pB)))


def _mi_identities():
    def sample(rng):
        return {"J": joint(rng, int(rng.integers(2, 5)), int(rng.integers(2, 5)))}
    J = lambda e: e["J"]
    px = lambda e: J(e).sum(axis=1, keepdims=True)
    py = lambda e: J(e).sum(axis=0, keepdims=True)
    X, Y = 0, 1
    H = lambda e, A, B=(): _H(J(e), A, B)
    I = lambda e: S(J(e) * LOG(J(e) / (px(e) * py(e))))
    rows = {
        "I": I,
        "d": lambda e: S(J(e) * LOG(J(e) / (px(e) * py(e)))),
        "e1": lambda e: H(e, (X,)) - H(e, (X,), (Y,)),
        "e2": lambda e: H(e, (Y,)) - H(e, (Y,), (X,)),
        "f": lambda e: H(e, (X,)) + H(e, (Y,)) - H(e, (X, Y)),
    }
    steps = tight([Step("=", "I", "d")] + chain(["I", ("=", "e1"), ("=", "e2")]) + [Step("=", "I", "f")], 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"d": lambda e: S(J(e) * LOG(px(e) * py(e) / J(e)))},
            {"e1": lambda e: H(e, (X,)) - H(e, (Y,), (X,))},
            {"e2": lambda e: H(e, (Y,)) + H(e, (Y,), (X,))},
            {"f": lambda e: H(e, (X,)) + H(e, (Y,)) + H(e, (X, Y))},
        ],
        lookalikes=[
            {"f": lambda e: H(e, (Y,)) + H(e, (X,)) - H(e, (Y, X))},
            {"d": lambda e: S(J(e) * LOG((J(e) / py(e)) / px(e)))},
        ])


# ------------------------------------------------------------------ entropy, cross entropy, KL (Markdown note)

def _entropy_crossent():
    def sample(rng):
        n = int(rng.integers(2, 8))
        return {"p": pmf(rng, n), "q": pmf(rng, n)}
    p, q = (lambda e: e["p"]), (lambda e: e["q"])
    info = lambda e, s=-1: s * LOG(p(e))           # I(x) as defined
    Hp = lambda e: -S(p(e) * LOG(p(e)))
    Hpq = lambda e: -S(p(e) * LOG(q(e)))
    rows = {
        "HX": Hp,
        "EI": lambda e: S(p(e) * info(e)),
        "s1": lambda e: -S(p(e) * LOG(p(e))),
        "Hpq": Hpq,
        "Eq": lambda e: S(p(e) * -LOG(q(e))),
        "s2": lambda e: -S(p(e) * LOG(q(e))),
        "KL": lambda e: S(p(e) * LOG(p(e) / q(e))),
        "s3": lambda e: S(p(e) * LOG(p(e) / q(e))),
        "s4": lambda e: Hpq(e) - Hp(e),
    }
    steps = tight(chain(["HX", ("=", "EI"), ("=", "s1")]) + chain(["Hpq", ("=", "Eq"), ("=", "s2")])
                   + chain(["KL", ("=", "s3"), ("=", "s4")]), 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"EI": lambda e: S(p(e) * info(e, s=+1))},
            {"s1": lambda e: S(p(e) * LOG(p(e)))},
            {"s2": lambda e: -S(q(e) * LOG(p(e)))},
            {"s3": lambda e: S(p(e) * LOG(q(e) / p(e)))},
            {"s4": lambda e: Hpq(e) + Hp(e)},
        ],
        lookalikes=[
            {"s4": lambda e: -Hp(e) + Hpq(e)},
            {"Eq": lambda e: -S(p(e) * LOG(q(e)))},
            {},
        ])


# ------------------------------------------------------------------ uniform entropy in bits (Markdown note)

def _uniform_bits():
    def sample(rng):
        a = float(rng.uniform(-3.0, 3.0))
        return {"a": a, "b": a + float(rng.uniform(0.1, 6.0))}
    a, b = (lambda e: e["a"]), (lambda e: e["b"])

    def H(e):   # -int p log2 p on [a, b] by the trapezoidal rule
        xs = np.linspace(a(e), b(e), 2001)
        dens = np.full_like(xs, 1 / (b(e) - a(e)))
        return float(np.trapezoid(-dens * LOG(dens) / LN2, xs))

    def integral(e, power=1, arg=lambda e: b(e) - a(e), sign=1):
        xs = np.linspace(a(e), b(e), 2001)
        vals = np.full_like(xs, sign * np.log(arg(e)) / LN2 / (b(e) - a(e)) ** power)
        return float(np.trapezoid(vals, xs))
    rows = {
        "H": H, "r1": integral,
        "r2": lambda e: math.log(b(e) - a(e)) / LN2,
    }
    steps = tight(chain(["H", ("=", "r1"), ("=", "r2")]), 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: integral(e, arg=lambda e: b(e) + a(e))},
            {"r1": lambda e: integral(e, power=2)},
            {"r2": lambda e: math.log(b(e) - a(e))},
            {"r2": lambda e: 2 * math.log(b(e) - a(e)) / LN2},
        ],
        lookalikes=[
            {"r2": lambda e: math.log(b(e) - a(e)) / math.log(2)},
            {"r1": lambda e: integral(e, arg=lambda e: 1 / (b(e) - a(e)), sign=-1)},
        ])


MODELS = {
    "s14r_gauss_maxent_royi": _gauss_maxent_royi(),
    "s14r_entropy_loga_imathworks": _entropy_loga_imathworks(),
    "s14r_entropy_bound_padjokej": _entropy_bound_padjokej(),
    "s14r_mi_identities_mdnotes": _mi_identities(),
    "s14r_entropy_crossent_mdnotes": _entropy_crossent(),
    "s14r_uniform_entropy_bits_mdnotes": _uniform_bits(),
}

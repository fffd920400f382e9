"""Truth models of the s17c_ entries (information theory from a Q&A answer, a Mastodon thread,
learning notes, a MathOverflow question and a Wikipedia mirror: cross-entropy = entropy + KL and
KL >= 0 by log x <= x - 1, KL in bits as cross-entropy minus entropy, Gibbs' inequality by Jensen,
H <= log N, H(S) <= log_2|A| by Jensen and by log_2 x <= (x-1) log_2 e, the Jensen-Shannon
divergence as entropy of the mixture minus mean entropy). Random positive pmfs (or positive
families, where the file assumes no normalisation) on random finite supports; sums exact."""

from __future__ import annotations

import math

import numpy as np

from .base import Model, Step, chain, pmf

LOG = np.log
LOG2 = np.log2
S = lambda v: float(np.sum(v))


def _tight(steps, tol=1e-10):
    for st in steps:
        st.tol = tol
    return steps


def _two(rng):
    n = int(rng.integers(2, 8))
    return {"n": n, "p": pmf(rng, n), "q": pmf(rng, n)}


p, q, n = (lambda e: e["p"]), (lambda e: e["q"]), (lambda e: e["n"])


# ------------------------------------------------------------------ cross-entropy = H + KL, KL >= 0 (Nemotron Q&A)

def _crossent_kl():
    H = lambda e: -S(p(e) * LOG(p(e)))
    CE = lambda e: -S(p(e) * LOG(q(e)))
    KL = lambda e: S(p(e) * LOG(p(e) / q(e)))
    KLqp = lambda e: S(q(e) * LOG(q(e) / p(e)))
    rows = {
        "CE": CE, "d1": CE, "c1": lambda e: H(e) + KL(e),
        "a1": lambda e: -S(p(e) * LOG(q(e) * p(e) / p(e))),
        "a2": lambda e: -S(p(e) * LOG(q(e) / p(e))) - S(p(e) * LOG(p(e))),
        "a3": lambda e: KL(e) + H(e),
        "KL": KL, "b1": lambda e: S(p(e) * (1 - q(e) / p(e))),
        "b2": lambda e: S(p(e)) - S(q(e)), "b3": lambda e: 1 - S(q(e)), "zero": lambda e: 0.0,
    }
    steps = _tight([Step("=", "CE", "d1"), Step("=", "CE", "c1")]
                   + chain(["CE", ("=", "a1"), ("=", "a2"), ("=", "a3")])
                   + chain(["KL", (">=", "b1"), ("=", "b2"), ("=", "b3"), (">=", "zero")]))
    return Model(
        sample=_two, rows=rows, steps=steps,
        mutants=[
            {"a3": lambda e: KLqp(e) - S(p(e) * LOG(p(e)))},
            {"a2": lambda e: -S(p(e) * LOG(q(e) / p(e))) + S(p(e) * LOG(p(e)))},
            {"b2": lambda e: S(p(e)) + S(q(e))},
            {"b1": lambda e: S(p(e) * (1 + q(e) / p(e)))},
        ],
        lookalikes=[{"a1": lambda e: -S(p(e) * LOG(p(e) * q(e) / p(e)))},
                    {"c1": lambda e: KL(e) + H(e)}])


# ------------------------------------------------------------------ KL in bits = cross-entropy - entropy (0foldcv)

def _kl_bits():
    def sample(rng):
        m = int(rng.integers(2, 8))
        return {"n": m, "p": rng.uniform(0.1, 2.0, size=m), "q": rng.uniform(0.1, 2.0, size=m)}
    D = lambda e: S(p(e) * LOG2(p(e) / q(e)))
    Hpq = lambda e: S(p(e) * LOG2(1 / q(e)))
    Hp = lambda e: S(p(e) * LOG2(1 / p(e)))
    rows = {"Hpq": Hpq, "h1": Hpq,
            "D": D, "r1": D, "r2": lambda e: Hpq(e) - Hp(e), "r3": lambda e: Hpq(e) - Hp(e)}
    steps = _tight([Step("=", "Hpq", "h1")] + chain(["D", ("=", "r1"), ("=", "r2"), ("=", "r3")]))
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: S(p(e) * LOG2(q(e) / p(e)))},
            {"r2": lambda e: Hpq(e) + Hp(e)},
            {"r3": lambda e: Hp(e) - Hpq(e)},
        ],
        lookalikes=[{}])


# ------------------------------------------------------------------ Gibbs' inequality by Jensen (Schaeffer)

def _gibbs():
    rows = {
        "Hp": lambda e: -S(p(e) * LOG(p(e))), "CE": lambda e: -S(p(e) * LOG(q(e))),
        "g2": lambda e: -S(p(e) * LOG(p(e))) + S(p(e) * LOG(q(e))), "zero": lambda e: 0.0,
        "g3": lambda e: S(p(e) * LOG(q(e) / p(e))),
        "j0": lambda e: S(p(e) * LOG(q(e) / p(e))), "j1": lambda e: float(LOG(S(p(e) * q(e) / p(e)))),
        "j2": lambda e: float(LOG(S(q(e)))), "j3": lambda e: math.log(1), "j4": lambda e: 0.0,
    }
    steps = _tight([Step("<=", "Hp", "CE"), Step("<=", "g2", "zero"), Step("<=", "g3", "zero")]
                   + chain(["j0", ("<=", "j1"), ("=", "j2"), ("=", "j3"), ("=", "j4")]))
    return Model(
        sample=_two, rows=rows, steps=steps,
        mutants=[
            {"j2": lambda e: float(LOG(S(p(e) * q(e))))},
            {("rel", 4): ">="},
            {("rel", 2): ">="},
            {"g3": lambda e: S(p(e) * LOG(p(e) / q(e)))},
        ],
        lookalikes=[{"j3": lambda e: float(LOG(S(p(e))))},
                    {}])


# ------------------------------------------------------------------ H <= log N (Schaeffer)

def _entropy_logn():
    rows = {
        "H": lambda e: -S(p(e) * LOG(p(e))),
        "r1": lambda e: -S(p(e) * LOG(1 / n(e))),
        "r2": lambda e: math.log(n(e)) * S(p(e)), "r3": lambda e: math.log(n(e)),
    }
    steps = _tight(chain(["H", ("<=", "r1"), ("=", "r2"), ("=", "r3")]))
    return Model(
        sample=_two, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: -S(p(e) * LOG(n(e)))},
            {"r2": lambda e: n(e) * math.log(n(e)) * S(p(e))},
            {("rel", 1): ">="},
        ],
        lookalikes=[{}])


# ------------------------------------------------------------------ H(S) <= log_2|A| (MathOverflow 235437)

def _entropy_loga():
    E = lambda e, v: S(p(e) * v)
    H = lambda e: E(e, LOG2(1 / p(e)))

    def m1(e, minus=1.0):
        return math.log2(math.e) * (E(e, 1 / p(e)) - minus)
    rows = {
        "H": H, "a1": H, "a2": lambda e: math.log2(E(e, 1 / p(e))),
        "a3": lambda e: math.log2(S(np.ones(n(e)))), "a4": lambda e: math.log2(n(e)),
        "H2": H, "b1": H, "b2": lambda e: E(e, 1 / p(e) - 1) * math.log2(math.e), "b3": m1,
    }
    steps = _tight(chain(["H", ("=", "a1"), ("<=", "a2"), ("=", "a3"), ("=", "a4")])
                   + chain(["H2", ("=", "b1"), ("<=", "b2"), ("<=", "b3")]))
    return Model(
        sample=_two, rows=rows, steps=steps,
        mutants=[
            {("rel", 2): ">="},
            {"a3": lambda e: math.log2(S(p(e)))},
            {"a4": lambda e: math.log2(n(e) - 1) if n(e) > 1 else -np.inf},
            {"b3": lambda e: m1(e, minus=2.0)},
        ],
        lookalikes=[{"b2": lambda e: E(e, (1 - p(e)) / p(e)) * math.log2(math.e)}])


# ------------------------------------------------------------------ JSD = H(M) - (H(P)+H(Q))/2 (Wikipedia mirror)

def _jsd():
    P, Q = p, q
    M = lambda e: (P(e) + Q(e)) / 2
    KL = lambda a, b: S(a * LOG(a / b))
    H = lambda a: -S(a * LOG(a))

    def jsd(e, swap=False):
        second = KL(M(e), Q(e)) if swap else KL(Q(e), M(e))
        return 0.5 * KL(P(e), M(e)) + 0.5 * second
    rows = {"JSD": jsd, "def": jsd, "JSD2": jsd, "r": lambda e: H(M(e)) - 0.5 * (H(P(e)) + H(Q(e)))}
    steps = _tight([Step("=", "JSD", "def"), Step("=", "JSD2", "r")])
    return Model(
        sample=_two, rows=rows, steps=steps,
        mutants=[
            {"r": lambda e: H(M(e)) - (H(P(e)) + H(Q(e)))},
            {"r": lambda e: H(M(e)) + 0.5 * (H(P(e)) + H(Q(e)))},
            {"def": lambda e: jsd(e, swap=True)},
        ],
        lookalikes=[{}, {}])


MODELS = {
    "s17c_crossent_kl_nemotronqa": _crossent_kl(),
    "s17c_kl_crossent_bits_0foldcv": _kl_bits(),
    "s17c_gibbs_jensen_schaeffer": _gibbs(),
    "s17c_entropy_logn_schaeffer": _entropy_logn(),
    "s17c_entropy_loga_mathoverflow": _entropy_loga(),
    "s17c_jsd_entropy_wikimirror": _jsd(),
}

"""Truth models of the s21c_ entries (a held-out set on information theory as taught: entropies,
joint entropy and mutual information of concrete laws in bits with the solutions' rounded
decimals, cross-entropy = entropy + KL on two Bernoulli laws, subadditivity of joint entropy by
Gibbs' inequality, and additivity for independent variables). The worked examples are fixed
instances (their rounded rows are read as equalities to the rounding); the proofs are checked on
random positive joints (products of random marginals where independence is assumed)."""

from __future__ import annotations

import numpy as np

from .base import Model, Step, chain, entropy, joint, pmf

L2 = np.log2
LN = np.log

ROUND3 = 1e-3   # the quiz's three-decimal roundings, relative to 1 + |left| + |right|
ROUND6 = 1e-5   # six-decimal roundings
ROUND_ARG = 5e-5   # 0.7/0.6 written 1.1667 inside a log: 0.7 log2(1.1667) exceeds 0.7 log2(7/6) by 2.9e-5


def _fixed(rng):
    return {}


# ------------------------------------------------------------------ 2x2 table: H(X), H(Y), H(X,Y), I (MLCourse Q3)

_J = np.array([[0.3, 0.2], [0.1, 0.4]])


def _joint_mi():
    J = _J
    px, py = J.sum(axis=1), J.sum(axis=0)
    HX = -float(np.sum(px * L2(px)))
    HY = -float(np.sum(py * L2(py)))
    HXY = -float(np.sum(J * L2(J)))
    I = float(np.sum(J * L2(J / np.outer(px, py))))
    c = lambda v: (lambda e: v)
    rows = {
        "HX": c(HX), "a1": c(HX), "a2": c(-px[0] * L2(px[0]) - px[1] * L2(px[1])),
        "a3": c(-0.5 * L2(0.5) - 0.5 * L2(0.5)), "a4": c(-0.5 * (-1) - 0.5 * (-1)),
        "a5": c(0.5 + 0.5), "a6": c(1.0),
        "HY": c(HY), "b1": c(HY), "b2": c(-py[0] * L2(py[0]) - py[1] * L2(py[1])),
        "b3": c(-0.4 * L2(0.4) - 0.6 * L2(0.6)), "b4": c(-0.4 * (-1.322) - 0.6 * (-0.737)),
        "b5": c(0.529 + 0.442), "b6": c(0.971),
        "HXY": c(HXY), "j1": c(HXY), "j2": c(HXY),
        "j3": c(0.521 + 0.464 + 0.332 + 0.529), "j4": c(1.846),
        "I": c(I), "i1": c(HX + HY - HXY), "i2": c(1 + 0.971 - 1.846), "i3": c(0.125),
        "i4": c(float(np.sum(J * L2(J / np.outer(px, py))))),
    }
    R = lambda rel, l, r: Step(rel, l, r, tol=ROUND3)
    steps = [
        Step("=", "HX", "a1"), Step("=", "HX", "a2"), Step("=", "HX", "a3"), Step("=", "HX", "a4"),
        Step("=", "HX", "a5"), Step("=", "a5", "a6"),
        Step("=", "HY", "b1"), Step("=", "HY", "b2"), Step("=", "HY", "b3"), R("=", "HY", "b4"),
        R("=", "HY", "b5"), Step("=", "b5", "b6"),
        Step("=", "HXY", "j1"), Step("=", "HXY", "j2"), R("=", "HXY", "j3"), Step("=", "j3", "j4"),
        Step("=", "I", "i1"), R("=", "I", "i2"), Step("=", "i2", "i3"), Step("=", "I", "i4"),
    ]
    return Model(
        sample=_fixed, rows=rows, steps=steps,
        mutants=[
            {"a4": c(-0.5 * (-2) - 0.5 * (-1))},
            {"b5": c(0.529 + 0.221)},
            {"j4": c(1.946)},
            {"i1": c(HX + HY + HXY)},
            {"i4": c(float(np.sum(J * L2(np.outer(px, py) / J))))},
        ],
        lookalikes=[{}, {"i1": c(HX - (HXY - HY))}, {}])


# ------------------------------------------------------------------ H(P,Q) = H(P) + KL, P = (0.7, 0.3), Q = (0.6, 0.4) (MLCourse Q7)

def _crossent_kl():
    p, q = np.array([0.7, 0.3]), np.array([0.6, 0.4])
    HPQ = -float(np.sum(p * L2(q)))
    HP = -float(np.sum(p * L2(p)))
    KL = float(np.sum(p * L2(p / q)))
    c = lambda v: (lambda e: v)
    rows = {
        "HPQ": c(HPQ),
        "a1": c(-(0.7 * L2(0.6) + 0.3 * L2(0.4))),
        "a2": c(-(0.7 * (-0.736966) + 0.3 * (-1.321928))),
        "a3": c(-((-0.515876) + (-0.396578))),
        "a4": c(-(-0.912454)), "a5": c(0.912454),
        "HP": c(HP),
        "b1": c(-(0.7 * L2(0.7) + 0.3 * L2(0.3))),
        "b2": c(-(0.7 * (-0.514573) + 0.3 * (-1.736966))),
        "b3": c(-((-0.360201) + (-0.521090))),
        "b4": c(-(-0.881291)), "b5": c(0.881291),
        "KL": c(KL),
        "d1": c(0.7 * L2(0.7 / 0.6) + 0.3 * L2(0.3 / 0.4)),
        "d2": c(0.7 * L2(1.1667) + 0.3 * L2(0.75)),
        "d3": c(0.7 * 0.222392 + 0.3 * (-0.415037)),
        "d4": c(0.155675 + (-0.124511)),
        "d5": c(0.031163),
        "s16": c(HP + KL), "e1": c(0.881291 + 0.031163), "e2": c(0.912454),
        "s18": c(HP + KL),
    }
    R = lambda l, r: Step("=", l, r, tol=ROUND6)
    steps = [
        R("HPQ", "a1"), R("HPQ", "a2"), R("HPQ", "a3"), R("HPQ", "a4"), R("HPQ", "a5"),
        R("HP", "b1"), R("HP", "b2"), R("HP", "b3"), R("HP", "b4"), R("HP", "b5"),
        R("KL", "d1"), Step("=", "KL", "d2", tol=ROUND_ARG), R("KL", "d3"), R("KL", "d4"), R("KL", "d5"),
        R("s16", "e1"), R("e1", "e2"),
        Step("=", "s18", "HPQ"),
    ]
    return Model(
        sample=_fixed, rows=rows, steps=steps,
        mutants=[
            {"a2": c(-(0.7 * (-0.636966) + 0.3 * (-1.321928)))},
            {"a3": c(-((-0.515876) + (-0.296578)))},
            {"b1": c(-(0.7 * L2(0.7) + 0.3 * L2(0.4)))},
            {"d1": c(0.7 * L2(0.6 / 0.7) + 0.3 * L2(0.3 / 0.4))},
            {"d4": c(0.155675 + 0.124511)},
            {"s18": c(HP - KL)},
        ],
        lookalikes=[{"a1": c(-(0.7 * L2(3 / 5) + 0.3 * L2(0.4)))},
                    {"d2": c(0.7 * L2(1.1667) + 0.3 * L2(3 / 4))},
                    {"b1": c(-(0.3 * L2(0.3) + 0.7 * L2(0.7)))}])


# ------------------------------------------------------------------ H(X,Y) <= H(X) + H(Y) by Gibbs (Markdown note)

def _subadd_gibbs():
    def sample(rng):
        return {"J": joint(rng, int(rng.integers(2, 5)), int(rng.integers(2, 5)))}
    J = lambda e: e["J"]
    pi = lambda e: J(e).sum(axis=1)
    qj = lambda e: J(e).sum(axis=0)
    HXY = lambda e: entropy(J(e).ravel())
    rows = {
        "H": HXY,
        "D1": lambda e: -float(np.sum(J(e) * LN(J(e)))),
        "r0": lambda e: -float(np.sum(J(e) * LN(J(e)))),
        "r1": lambda e: -float(np.sum(J(e) * LN(np.outer(pi(e), qj(e))))),
        "r2": lambda e: -float(np.sum(J(e).sum(axis=1) * LN(pi(e)))) - float(np.sum(J(e).sum(axis=0) * LN(qj(e)))),
        "r3": lambda e: entropy(pi(e)) + entropy(qj(e)),
        "Hsum": lambda e: entropy(pi(e)) + entropy(qj(e)),
    }
    steps = [Step("=", "H", "D1")] + chain(["r0", ("<=", "r1"), ("=", "r2"), ("=", "r3")]) \
        + [Step("<=", "H", "Hsum")]
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"D1": lambda e: -float(np.sum(J(e) * LN(pi(e))[:, None]))},
            {("rel", 2): ">="},
            {"r3": lambda e: entropy(pi(e)) - entropy(qj(e))},
            {("rel", 5): ">="},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ independent X, Y: H(X,Y) = H(X) + H(Y)

def _indep_sample(rng):
    return {"p": pmf(rng, int(rng.integers(2, 5))), "q": pmf(rng, int(rng.integers(2, 5)))}


def _indep_awendland():
    p, q = (lambda e: e["p"]), (lambda e: e["q"])
    PQ = lambda e: np.outer(p(e), q(e))
    HX, HY = (lambda e: entropy(p(e))), (lambda e: entropy(q(e)))
    rows = {
        "H": lambda e: entropy(PQ(e).ravel()),
        "L1": lambda e: HX(e) + HY(e),
        "D1": lambda e: -float(np.sum(PQ(e) * LN(PQ(e)))),
        "D2": lambda e: -float(np.sum(PQ(e) * LN(np.outer(p(e), q(e))))),
        "D3": lambda e: -float(np.sum(PQ(e) * LN(p(e))[:, None])) - float(np.sum(PQ(e) * LN(q(e))[None, :])),
        "D4": lambda e: HX(e) + HY(e),
    }
    steps = [Step("=", "H", "L1")] + chain(["H", ("=", "D1"), ("=", "D2"), ("=", "D3"), ("=", "D4")])
    return Model(
        sample=_indep_sample, rows=rows, steps=steps,
        mutants=[
            {"D2": lambda e: -float(np.sum(PQ(e) * LN(p(e)[:, None] + q(e)[None, :])))},
            {"D3": lambda e: -float(np.sum(PQ(e) * LN(p(e))[:, None])) + float(np.sum(PQ(e) * LN(q(e))[None, :]))},
            {"D4": lambda e: HX(e) - HY(e)},
            {"L1": lambda e: HX(e) * HY(e)},
        ],
        lookalikes=[{}, {}])


def _indep_kdoran():
    p, q = (lambda e: e["p"]), (lambda e: e["q"])
    PQ = lambda e: np.outer(p(e), q(e))
    HX, HY = (lambda e: entropy(p(e))), (lambda e: entropy(q(e)))
    rows = {
        "H": lambda e: entropy(PQ(e).ravel()),
        "D0": lambda e: float(np.sum(PQ(e) * LN(1 / PQ(e)))),
        "R1": lambda e: float(np.sum(PQ(e) * LN(1 / np.outer(p(e), q(e))))),
        "R2": lambda e: float(np.sum(PQ(e) * LN(1 / p(e))[:, None])) + float(np.sum(PQ(e) * LN(1 / q(e))[None, :])),
        "R3": lambda e: float(np.sum(p(e) * LN(1 / p(e)))) + float(np.sum(q(e) * LN(1 / q(e)))),
        "R4": lambda e: HX(e) + HY(e),
    }
    steps = [Step("=", "H", "D0")] + chain(["H", ("=", "R1"), ("=", "R2"), ("=", "R3"), ("=", "R4")])
    return Model(
        sample=_indep_sample, rows=rows, steps=steps,
        mutants=[
            {"D0": lambda e: float(np.sum(PQ(e) * LN(1 / p(e))[:, None]))},
            {"R1": lambda e: float(np.sum(PQ(e) * LN(1 / (p(e)[:, None] + q(e)[None, :]))))},
            {"R2": lambda e: float(np.sum(PQ(e) * LN(1 / p(e))[:, None])) - float(np.sum(PQ(e) * LN(1 / q(e))[None, :]))},
            {"R4": lambda e: HX(e) - HY(e)},
        ],
        lookalikes=[{}, {}])


MODELS = {
    "s21c_joint_mi_mlcourse": _joint_mi(),
    "s21c_crossent_kl_mlcourse": _crossent_kl(),
    "s21c_subadd_gibbs_mdnote": _subadd_gibbs(),
    "s21c_indep_additive_awendland": _indep_awendland(),
    "s21c_indep_additive_kdoran": _indep_kdoran(),
}

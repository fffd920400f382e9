"""Truth models of the s22a_ entries (a held-out set on source and channel coding after Cover & Thomas
chapters 5-7: the lower bound L >= H_D by relative entropy, Kelly's doubling rate under fair odds, the
binary symmetric and erasure channels, Huffman lengths and coding efficiency on a concrete source).
Codes and channels are evaluated exactly on their finite alphabets; decimals written rounded are
compared within a unit of their last digit."""

from __future__ import annotations

import numpy as np

from .base import Model, Step, chain, grid_max, pmf

LN = np.log


def _log2(x):
    return np.log(x) / np.log(2.0)


def _h2(t):
    """binary entropy in bits"""
    return float(-t * _log2(t) - (1 - t) * _log2(1 - t))


def _hnat(t):
    """binary entropy in nats"""
    return float(-t * LN(t) - (1 - t) * LN(1 - t))


# ------------------------------------------------------------------ L >= H_D (C&T Thm 5.3.1, study notes)

def _codelen_bound():
    def sample(rng):
        m = int(rng.integers(2, 7))
        D = int(rng.integers(2, 5))
        p = pmf(rng, m)
        l = rng.integers(1, 5, size=m)
        while np.sum(float(D) ** (-l.astype(float))) > 1.0:
            l[int(rng.integers(0, m))] += 1
        return {"p": p, "D": float(D), "l": l.astype(float)}
    P, Dd, Ll = (lambda e: e["p"]), (lambda e: e["D"]), (lambda e: e["l"])
    lg = lambda e, x: np.log(x) / np.log(Dd(e))
    Dl = lambda e: Dd(e) ** (-Ll(e))                   # D^{-l_i}
    S = lambda e: float(np.sum(Dl(e)))                 # c = sum_j D^{-l_j}
    r = lambda e: Dl(e) / S(e)
    L = lambda e: float(np.sum(P(e) * Ll(e)))
    H = lambda e: float(np.sum(P(e) * lg(e, 1 / P(e))))
    sp = lambda e, v: float(np.sum(P(e) * v))
    rows = {
        "LH": lambda e: L(e) - H(e),
        "A1": lambda e: sp(e, Ll(e)) - sp(e, lg(e, 1 / P(e))),
        "A2": lambda e: -sp(e, lg(e, Dl(e))) + sp(e, lg(e, P(e))),
        "B0": lambda e: -sp(e, lg(e, Dl(e))),
        "B1": lambda e: sp(e, lg(e, 1 / Dl(e))),
        "B2": lambda e: sp(e, lg(e, S(e) / Dl(e))) - sp(e, lg(e, S(e))),
        "B3": lambda e: sp(e, lg(e, 1 / r(e))) + float(lg(e, 1 / S(e))),
        "C1": lambda e: sp(e, lg(e, 1 / r(e))) + float(lg(e, 1 / S(e))) + sp(e, lg(e, P(e))),
        "C2": lambda e: sp(e, lg(e, P(e) / r(e))) + float(lg(e, 1 / S(e))),
        "C3": lambda e: sp(e, lg(e, P(e) / r(e))) + float(lg(e, 1 / S(e))),
        "zero": lambda e: 0.0,
    }
    steps = chain(["LH", ("=", "A1"), ("=", "A2")]) \
        + chain(["B0", ("=", "B1"), ("=", "B2"), ("=", "B3")]) \
        + chain(["LH", ("=", "C1"), ("=", "C2"), ("=", "C3"), (">=", "zero")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"B2": lambda e: sp(e, lg(e, S(e) / Dl(e))) + sp(e, lg(e, S(e)))},
            {"C3": lambda e: float(np.sum(r(e) * lg(e, r(e) / P(e)))) + float(lg(e, 1 / S(e)))},
            {"A2": lambda e: -sp(e, lg(e, Dl(e))) - sp(e, lg(e, P(e)))},
            {"C2": lambda e: sp(e, lg(e, r(e) / P(e))) + float(lg(e, 1 / S(e)))},
            {("rel", 9): "<="},
        ],
        lookalikes=[{}, {}, {}])


# ------------------------------------------------------------------ Kelly, fair odds and the 3-for-1 race (wiki)

_PE = np.array([0.5, 0.25, 0.25])


def _kelly():
    def sample(rng):
        m = int(rng.integers(2, 7))
        r = pmf(rng, m)
        return {"p": pmf(rng, m), "b": pmf(rng, m), "o": 1.0 / r}
    P, B, O = (lambda e: e["p"]), (lambda e: e["b"]), (lambda e: e["o"])
    R = lambda e: 1.0 / O(e)
    sp = lambda e, v: float(np.sum(P(e) * v))
    D2 = lambda a, c: float(np.sum(a * _log2(a / c)))
    H2 = lambda a: float(-np.sum(a * _log2(a)))
    pe = _PE
    rows = {
        "fair": lambda e: float(np.sum(1.0 / O(e))),
        "one": lambda e: 1.0,
        "W": lambda e: sp(e, _log2(B(e) * O(e))),
        "a1": lambda e: sp(e, _log2(B(e) * O(e))),
        "a2": lambda e: sp(e, _log2(B(e) / P(e) * P(e) * O(e))),
        "a3": lambda e: sp(e, _log2(P(e) / R(e))) - sp(e, _log2(P(e) / B(e))),
        "a4": lambda e: D2(P(e), R(e)) - D2(P(e), B(e)),
        "Hp": lambda e: H2(pe),
        "threehalves": lambda e: 1.5,
        "Ws": lambda e: float(np.sum(pe * _log2(3 * pe))),
        "e1": lambda e: float(np.sum(pe * (_log2(3.0) + _log2(pe)))),
        "e2": lambda e: float(np.sum(pe * _log2(3.0)) + np.sum(pe * _log2(pe))),
        "e3": lambda e: float(np.sum(pe * _log2(3.0))) - H2(pe),
        "e4": lambda e: float(_log2(3.0)) - 1.5,
    }
    steps = [Step("=", "fair", "one")] \
        + chain(["W", ("=", "a1"), ("=", "a2"), ("=", "a3"), ("=", "a4")]) \
        + [Step("=", "Hp", "threehalves")] \
        + chain(["Ws", ("=", "e1"), ("=", "e2"), ("=", "e3"), ("=", "e4")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"a3": lambda e: sp(e, _log2(P(e) / R(e))) + sp(e, _log2(P(e) / B(e)))},
            {"a4": lambda e: D2(R(e), P(e)) - D2(P(e), B(e))},
            {"threehalves": lambda e: 1.25},
            {"e3": lambda e: float(np.sum(pe * _log2(3.0))) + H2(pe)},
            {"e4": lambda e: 3 * float(_log2(3.0)) - 1.5},
            {"a2": lambda e: sp(e, _log2(P(e) / B(e) * P(e) * O(e)))},
        ],
        lookalikes=[{}, {}, {}])


# ------------------------------------------------------------------ BSC capacity (lesson 3.2)

def _bsc_mi(q, p):
    """I(X;Y) in bits for P(X=1) = q over a BSC with crossover p."""
    y1 = q * (1 - p) + (1 - q) * p
    return _h2(y1) - _h2(p)


def _bsc():
    def sample(rng):
        return {"p": float(rng.uniform(0.02, 0.98)), "q": float(rng.uniform(0.02, 0.98))}
    p, q = (lambda e: e["p"]), (lambda e: e["q"])
    joint = lambda e: np.array([[(1 - q(e)) * (1 - p(e)), (1 - q(e)) * p(e)], [q(e) * p(e), q(e) * (1 - p(e))]])

    def mi(e):
        J = joint(e)
        px, py = J.sum(axis=1, keepdims=True), J.sum(axis=0, keepdims=True)
        return float(np.sum(J * _log2(J / (px * py))))

    def h_y_given_x(e):
        J = joint(e)
        px = J.sum(axis=1, keepdims=True)
        return float(-np.sum(J * _log2(J / px)))
    HY = lambda e: _h2(q(e) * (1 - p(e)) + (1 - q(e)) * p(e))
    HX = lambda e: _h2(q(e))

    def capacity(e):
        value, _ = grid_max(lambda qs: np.array([_bsc_mi(t, p(e)) for t in qs]), 1e-6, 1 - 1e-6, points=2001)
        return value
    rows = {
        "HYgX": h_y_given_x,
        "s1r": lambda e: _h2(p(e)),
        "I": mi,
        "b1": lambda e: HY(e) - _h2(p(e)),
        "b2": lambda e: 1 - _h2(p(e)),
        "Cbsc": capacity,
        "c1": lambda e: 1 - _h2(p(e)),
        "C": lambda e: 1 - _h2(0.25),
        "d1": lambda e: 1 - 0.811,
        "d2": lambda e: 0.189,
    }
    steps = [Step("=", "HYgX", "s1r")] + chain(["I", ("=", "b1"), ("<=", "b2")]) \
        + [Step("=", "Cbsc", "c1", tol=1e-7), Step("=", "C", "d1", tol=5e-4), Step("=", "d1", "d2")]
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"b2": lambda e: 1 - 2 * _h2(p(e))},
            {"s1r": lambda e: 1 - _h2(p(e))},
            {"b1": lambda e: HX(e) - _h2(p(e))},
            {"d2": lambda e: 0.198},
        ],
        lookalikes=[{"C": lambda e: 1 - _h2(0.75)}, {}, {}])


# ------------------------------------------------------------------ BEC (lyons-zhang blog)

def _bec():
    def sample(rng):
        return {"a": float(rng.uniform(0.05, 0.95)), "pi": float(rng.uniform(0.05, 0.95))}
    a, pi = (lambda e: e["a"]), (lambda e: e["pi"])
    # channel P(y | x), outputs (0, lost, 1)
    W = lambda e: np.array([[1 - a(e), a(e), 0.0], [0.0, a(e), 1 - a(e)]])
    px = lambda e: np.array([pi(e), 1 - pi(e)])
    J = lambda e: px(e)[:, None] * W(e)
    py = lambda e: J(e).sum(axis=0)

    def h_y_given_x(e):
        j = J(e)
        cond = j / px(e)[:, None]
        mask = j > 0
        return float(-np.sum(j[mask] * LN(cond[mask])))

    def r1(e):
        w = W(e)
        inner = np.array([np.sum([v * LN(v) for v in row if v > 0]) for row in w])
        return float(-np.sum(px(e) * inner))
    A = lambda e: a(e)
    rows = {
        "HYgX": h_y_given_x,
        "r1": r1,
        "r2": lambda e: float(-np.sum(px(e) * (A(e) * LN(A(e)) + (1 - A(e)) * LN(1 - A(e)) + 0))),
        "r3": lambda e: _hnat(A(e)),
        "PY0": lambda e: float(py(e)[0]),
        "q0": lambda e: pi(e) * (1 - A(e)),
        "PY1": lambda e: float(py(e)[2]),
        "q1": lambda e: (1 - pi(e)) * (1 - A(e)),
        "PYl": lambda e: float(py(e)[1]),
        "l1": lambda e: pi(e) * A(e) + (1 - pi(e)) * A(e),
        "l2": lambda e: A(e),
        "HY": lambda e: float(-np.sum(py(e) * LN(py(e)))),
        "h1": lambda e: float(-pi(e) * (1 - A(e)) * LN(pi(e) * (1 - A(e)))
                              - (1 - pi(e)) * (1 - A(e)) * LN((1 - pi(e)) * (1 - A(e))) - A(e) * LN(A(e))),
        "h2": lambda e: (1 - A(e)) * _hnat(pi(e)) + _hnat(A(e)),
    }
    steps = chain(["HYgX", ("=", "r1"), ("=", "r2"), ("=", "r3")]) \
        + [Step("=", "PY0", "q0"), Step("=", "PY1", "q1")] \
        + chain(["PYl", ("=", "l1"), ("=", "l2")]) + chain(["HY", ("=", "h1"), ("=", "h2")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r2": lambda e: float(-np.sum(px(e) * (A(e) * LN(A(e)) - (1 - A(e)) * LN(1 - A(e)) + 0)))},
            {"q1": lambda e: (1 - pi(e)) * A(e)},
            {"h2": lambda e: (1 - A(e)) * _hnat(pi(e)) + A(e) * _hnat(A(e))},
            {"l2": lambda e: pi(e) * A(e)},
        ],
        lookalikes=[{}, {}, {"r3": lambda e: _hnat(1 - A(e))}])


# ------------------------------------------------------------------ Huffman efficiency (KTU model solution)

_PK = np.array([0.5, 0.25, 0.15, 0.10])
_LK = np.array([1, 2, 3, 3])


def _huffman():
    def sample(rng):
        return {}
    H = lambda e: float(-np.sum(_PK * _log2(_PK)))
    L = lambda e: float(np.sum(_PK * _LK))
    rows = {
        "H": H,
        "k1": lambda e: float(-(0.50 * _log2(0.50) + 0.25 * _log2(0.25) + 0.15 * _log2(0.15) + 0.10 * _log2(0.10))),
        "k2": lambda e: -(0.50 * (-1.0) + 0.25 * (-2.0) + 0.15 * (-2.737) + 0.10 * (-3.322)),
        "k3": lambda e: -(-0.5000 - 0.5000 - 0.4106 - 0.3322),
        "k4": lambda e: 1.7428,
        "L": L,
        "m1": lambda e: 0.5 * 1 + 0.25 * 2 + 0.15 * 3 + 0.10 * 3,
        "m2": lambda e: 0.5 + 0.5 + 0.45 + 0.30,
        "m3": lambda e: 1.75,
        "eta": lambda e: H(e) / L(e),
        "n1": lambda e: 1.7428 / 1.75 * 100 / 100,
        "n2": lambda e: 99.59 / 100,
        "red": lambda e: 1 - H(e) / L(e),
        "o1": lambda e: 0.41 / 100,
    }
    steps = [Step("=", "H", "k1"), Step("=", "H", "k2", tol=1e-5), Step("=", "H", "k3", tol=3e-5),
             Step("=", "k3", "k4", tol=1e-4),
             Step("=", "L", "m1"), Step("=", "m1", "m2"), Step("=", "m2", "m3"),
             Step("=", "eta", "n1", tol=3e-5), Step("=", "n1", "n2", tol=3e-5), Step("=", "red", "o1", tol=1e-4)]
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"k2": lambda e: -(0.50 * (-1.0) + 0.25 * (-2.0) + 0.15 * (-2.337) + 0.10 * (-3.322))},
            {"m2": lambda e: 0.5 + 0.5 + 0.45 + 0.45},
            {"n2": lambda e: 95.59 / 100},
            {"o1": lambda e: 4.1 / 100},
        ],
        lookalikes=[{}, {}, {"k4": lambda e: 1.743}])


MODELS = {
    "s22a_codelen_bound_joonhyeok": _codelen_bound(),
    "s22a_kelly_fairodds_ashwinwiki": _kelly(),
    "s22a_bsc_capacity_lesson32": _bsc(),
    "s22a_bec_capacity_lyonszhang": _bec(),
    "s22a_huffman_eff_ktunotes": _huffman(),
}

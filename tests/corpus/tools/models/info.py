"""Truth models of the information-theory derivations (Cover & Thomas and Murphy): joint
pmfs on small grids, entropies and divergences computed from their definitions."""

from __future__ import annotations

import numpy as np

from .base import Model, Step, chain, entropy, joint, kl, pmf

LOG = np.log
NX, NY, NZ = 3, 4, 3


def _pair(rng):
    p = joint(rng, NX, NY)
    return {"p": p, "px": p.sum(1), "py": p.sum(0)}


def cond_y_given_x(e):
    return e["p"] / e["px"][:, None]


def cond_x_given_y(e):
    return e["p"] / e["py"][None, :]


def H_Y_given_X(e):
    return float(-np.sum(e["p"] * LOG(cond_y_given_x(e))))


def H_X_given_Y(e):
    return float(-np.sum(e["p"] * LOG(cond_x_given_y(e))))


def H_joint(e):
    return entropy(e["p"].ravel())


def MI(e):
    return kl(e["p"].ravel(), np.outer(e["px"], e["py"]).ravel())


def _conditional_entropy():
    inner = lambda e: -np.sum(cond_y_given_x(e) * LOG(cond_y_given_x(e)), axis=1)
    return Model(
        sample=_pair,
        rows={"H": H_Y_given_X, "avg": lambda e: float(np.sum(e["px"] * inner(e))),
              "nested": lambda e: float(-np.sum(e["px"] * np.sum(cond_y_given_x(e) * LOG(cond_y_given_x(e)), axis=1))),
              "joint": lambda e: float(-np.sum(e["p"] * LOG(cond_y_given_x(e)))),
              "E": lambda e: float(-np.sum(e["p"] * LOG(cond_y_given_x(e))))},
        steps=chain(["H", ("=", "avg"), ("=", "nested"), ("=", "joint"), ("=", "E")]),
        mutants=[
            {"nested": lambda e: float(-np.sum(e["px"] * np.sum(cond_x_given_y(e) * LOG(cond_y_given_x(e)), axis=1)))},
            {"joint": lambda e: H_joint(e)},
            {"E": lambda e: float(np.sum(e["p"] * LOG(cond_y_given_x(e))))},
            {"H": H_X_given_Y},
        ],
        lookalikes=[
            {"joint": lambda e: float(-np.sum(e["p"] * LOG(e["p"] / e["px"][:, None])))},
            {"E": lambda e: float(np.sum(e["p"] * LOG(1 / cond_y_given_x(e))))},
            {"H": H_Y_given_X, "avg": lambda e: float(np.sum(e["px"] * inner(e)))},
        ])


def _chain_rule():
    pxe = lambda e: e["px"][:, None]
    rows = {
        "H": H_joint,
        "r1": lambda e: float(-np.sum(e["p"] * LOG(e["p"]))),
        "r2": lambda e: float(-np.sum(e["p"] * LOG(pxe(e) * cond_y_given_x(e)))),
        "r3": lambda e: float(-np.sum(e["p"] * LOG(pxe(e))) - np.sum(e["p"] * LOG(cond_y_given_x(e)))),
        "r4": lambda e: float(-np.sum(e["px"] * LOG(e["px"])) - np.sum(e["p"] * LOG(cond_y_given_x(e)))),
        "r5": lambda e: entropy(e["px"]) + H_Y_given_X(e),
    }
    return Model(
        sample=_pair, rows=rows,
        steps=chain(["H", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5")]),
        mutants=[
            {"r2": lambda e: float(-np.sum(e["p"] * LOG(pxe(e) * cond_x_given_y(e))))},
            {"r3": lambda e: float(-np.sum(e["p"] * LOG(e["py"][None, :])) - np.sum(e["p"] * LOG(cond_y_given_x(e))))},
            {"r4": lambda e: float(-np.sum(e["px"] * LOG(e["px"])) + np.sum(e["p"] * LOG(cond_y_given_x(e))))},
            {"r5": lambda e: entropy(e["px"]) + H_X_given_Y(e)},
        ],
        lookalikes=[
            {"r5": lambda e: entropy(e["py"]) + H_X_given_Y(e)},
            {"r2": lambda e: float(-np.sum(e["p"] * LOG(pxe(e) * cond_y_given_x(e))))},
            {"r4": lambda e: float(-np.sum(e["px"] * LOG(e["px"])) - np.sum(e["p"] * LOG(cond_y_given_x(e))))},
        ])


def _mutual_information():
    outer = lambda e: np.outer(e["px"], e["py"])
    rows = {
        "I": MI,
        "r1": lambda e: float(np.sum(e["p"] * LOG(e["p"] / outer(e)))),
        "r2": lambda e: float(np.sum(e["p"] * LOG(cond_x_given_y(e) / e["px"][:, None]))),
        "r3": lambda e: float(-np.sum(e["p"] * LOG(e["px"][:, None])) + np.sum(e["p"] * LOG(cond_x_given_y(e)))),
        "r4": lambda e: float(-np.sum(e["px"] * LOG(e["px"])) - (-np.sum(e["p"] * LOG(cond_x_given_y(e))))),
        "r5": lambda e: entropy(e["px"]) - H_X_given_Y(e),
    }
    return Model(
        sample=_pair, rows=rows,
        steps=chain(["I", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5")]),
        mutants=[
            {"r2": lambda e: float(np.sum(e["p"] * LOG(cond_y_given_x(e) / e["px"][:, None])))},
            {"r3": lambda e: float(np.sum(e["p"] * LOG(e["px"][:, None])) + np.sum(e["p"] * LOG(cond_x_given_y(e))))},
            {"r4": lambda e: float(-np.sum(e["px"] * LOG(e["px"])) + (-np.sum(e["p"] * LOG(cond_x_given_y(e)))))},
            {"r5": lambda e: entropy(e["px"]) - H_Y_given_X(e)},
        ],
        lookalikes=[
            {"r5": lambda e: entropy(e["py"]) - H_Y_given_X(e)},
            {"r2": lambda e: float(np.sum(e["p"] * LOG(cond_y_given_x(e) / e["py"][None, :])))},
            {"r1": lambda e: float(sum(e["p"][i, j] * LOG(e["p"][i, j] / (e["px"][i] * e["py"][j]))
                                       for i in range(NX) for j in range(NY)))},
        ])


def _single(rng):
    return {"p": pmf(rng, 5), "q": pmf(rng, 5)}


def _information_inequality():
    p, q = (lambda e: e["p"]), (lambda e: e["q"])
    rows = {
        "negD": lambda e: -kl(p(e), q(e)),
        "r1": lambda e: float(-np.sum(p(e) * LOG(p(e) / q(e)))),
        "r2": lambda e: float(np.sum(p(e) * LOG(q(e) / p(e)))),
        "r3": lambda e: float(LOG(np.sum(p(e) * q(e) / p(e)))),
        "r4": lambda e: float(LOG(np.sum(q(e)))),      # A = support of p = every point
        "r5": lambda e: float(LOG(np.sum(q(e)))),
        "r6": lambda e: 0.0,
        "r7": lambda e: 0.0,
    }
    steps = chain(["negD", ("=", "r1"), ("=", "r2"), ("<=", "r3"), ("=", "r4"), ("<=", "r5"),
                   ("=", "r6"), ("=", "r7")])
    return rows, steps


def _ct_information_inequality():
    rows, steps = _information_inequality()
    return Model(
        sample=_single, rows=rows, steps=steps,
        mutants=[
            {("rel", 3): ">="},
            {"r2": lambda e: kl(e["q"], e["p"])},
            {"negD": lambda e: -kl(e["q"], e["p"])},
            {"r6": lambda e: float(LOG(2))},
        ],
        lookalikes=[{}, {}, {"r1": lambda e: float(-np.sum(e["p"] * (LOG(e["p"]) - LOG(e["q"]))))}])


def _murphy_information_inequality():
    rows, steps = _information_inequality()
    return Model(
        sample=_single, rows=rows, steps=steps,
        mutants=[
            {"negD": lambda e: kl(e["p"], e["q"])},
            {"r2": lambda e: kl(e["p"], e["q"])},
            {("rel", 3): ">="},
            {"r7": lambda e: 1.0},
        ],
        lookalikes=[{}, {}, {}])


def _uniform_bound():
    size = 5
    u = 1 / size
    H = lambda e: entropy(e["p"])
    rows = {
        "D": lambda e: kl(e["p"], np.full(size, u)),
        "r1": lambda e: float(np.sum(e["p"] * LOG(e["p"] / u))),
        "r2": lambda e: float(np.sum(e["p"] * LOG(e["p"] * size))),
        "r3": lambda e: float(np.sum(e["p"] * LOG(e["p"])) + np.sum(e["p"] * LOG(size))),
        "r4": lambda e: -H(e) + float(LOG(size)),
        "zero": lambda e: 0.0,
        "Hx": H, "logX": lambda e: float(LOG(size)),
    }
    return Model(
        sample=lambda rng: {"p": pmf(rng, size)}, rows=rows,
        steps=chain(["D", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), (">=", "zero")])
        + [Step("<=", "Hx", "logX")],
        mutants=[
            {"r2": lambda e: float(np.sum(e["p"] * LOG(e["p"] / size)))},
            {"r4": lambda e: H(e) + float(LOG(size))},
            {("rel", 5): "<="},
            {("rel", 6): ">="},
        ],
        lookalikes=[{}, {}, {}])


def _log_sum():
    def sample(rng):
        n = int(rng.integers(2, 6))
        return {"a": rng.uniform(0.1, 3, n), "b": rng.uniform(0.1, 3, n), "log": False}
    f = lambda e, t: LOG(t) if e["log"] else t * LOG(t)
    A = lambda e: float(np.sum(e["a"]))
    B = lambda e: float(np.sum(e["b"]))
    rows = {
        "lhs": lambda e: float(np.sum(e["a"] * LOG(e["a"] / e["b"]))),
        "r1": lambda e: float(np.sum(e["b"] * f(e, e["a"] / e["b"]))),
        "r2": lambda e: B(e) * float(np.sum(e["b"] / B(e) * f(e, e["a"] / e["b"]))),
        "r3": lambda e: B(e) * float(f(e, np.sum(e["b"] / B(e) * e["a"] / e["b"]))),
        "r4": lambda e: B(e) * float(f(e, np.sum(e["a"]) / B(e))),
        "r5": lambda e: B(e) * float(f(e, A(e) / B(e))),
        "r6": lambda e: A(e) * float(LOG(A(e) / B(e))),
    }
    return Model(
        sample=sample, rows=rows,
        steps=chain(["lhs", ("=", "r1"), ("=", "r2"), (">=", "r3"), ("=", "r4"), ("=", "r5"), ("=", "r6")]),
        mutants=[
            {("rel", 3): "<="},
            {"r5": lambda e: B(e) * float(f(e, B(e) / A(e)))},
            {"r6": lambda e: B(e) * float(LOG(A(e) / B(e)))},
            {"env": lambda e: {**e, "log": True}},
        ],
        lookalikes=[{}, {"r6": lambda e: A(e) * float(LOG(A(e))) - A(e) * float(LOG(B(e)))}, {}])


def _kl_nonneg():
    rows = {
        "D": lambda e: kl(e["p"], e["q"]),
        "r1": lambda e: float(np.sum(e["p"] * LOG(e["p"] / e["q"]))),
        "r2": lambda e: float(np.sum(e["p"] * LOG(np.sum(e["p"]) / np.sum(e["q"])))),
        "r3": lambda e: 1 * float(LOG(1 / 1)),
        "r4": lambda e: 0.0,
    }
    return Model(
        sample=_single, rows=rows,
        steps=chain(["D", ("=", "r1"), (">=", "r2"), ("=", "r3"), ("=", "r4")]),
        mutants=[
            {("rel", 2): "<="},
            {"r3": lambda e: float(LOG(1 / 2))},
            {"D": lambda e: kl(e["q"], e["p"])},
            {"r1": lambda e: float(np.sum(e["p"] * LOG(e["q"] / e["p"])))},
        ],
        lookalikes=[{}, {}, {"r3": lambda e: float(LOG(1))}])


def _triple(rng):
    """A joint pmf of (X, Y, Z); every other one puts extra mass on the diagonal x = y = z,
    where Z explains the dependence of X and Y (so I(X;Y|Z) < I(X;Y) there)."""
    p = joint(rng, NX, NY, NZ)
    if rng.uniform() < 0.5:
        for k in range(min(NX, NY, NZ)):
            p[k, k, k] += rng.uniform(0.5, 2.0) / (NX * NY * NZ) * 10
        p /= p.sum()
    return {"p": p}


def _H(p, axes):
    """Entropy of the marginal of p on the given axes."""
    drop = tuple(k for k in range(p.ndim) if k not in axes)
    return entropy(p.sum(axis=drop).ravel())


def _jensen_consequences():
    Hx = lambda e: _H(e["p"], (0,))
    Hy = lambda e: _H(e["p"], (1,))
    Hxy = lambda e: _H(e["p"], (0, 1))
    Hxz = lambda e: _H(e["p"], (0, 2))
    Hyz = lambda e: _H(e["p"], (1, 2))
    Hz = lambda e: _H(e["p"], (2,))
    Hxyz = lambda e: _H(e["p"], (0, 1, 2))
    I = lambda e: Hx(e) + Hy(e) - Hxy(e)
    Icond = lambda e: Hxz(e) + Hyz(e) - Hxyz(e) - Hz(e)
    Hx_y = lambda e: Hxy(e) - Hy(e)
    Hx_yz = lambda e: Hxyz(e) - Hyz(e)
    rows = {"I": I, "Icond": Icond, "zero": lambda e: 0.0, "Hx_y": Hx_y, "Hx": Hx}
    return Model(
        sample=_triple, rows=rows,
        steps=[Step(">=", "I", "zero"), Step(">=", "Icond", "zero"), Step("<=", "Hx_y", "Hx")],
        mutants=[
            {("rel", 1): "<="},
            {"zero": lambda e: 0.0, "Icond": lambda e: Icond(e) - I(e)},
            {("rel", 3): ">="},
            {"Hx": Hx_yz},
        ],
        lookalikes=[{}, {}, {}])


def _mi_identities():
    Hx, Hy = (lambda e: entropy(e["px"])), (lambda e: entropy(e["py"]))
    rows = {"I": MI, "a": lambda e: Hx(e) - H_X_given_Y(e), "b": lambda e: Hy(e) - H_Y_given_X(e),
            "c": lambda e: Hx(e) + Hy(e) - H_joint(e),
            "IXX": lambda e: entropy(e["px"]), "HX": lambda e: entropy(e["px"])}
    return Model(
        sample=_pair, rows=rows,
        steps=[Step("=", "I", "a"), Step("=", "a", "b"), Step("=", "I", "c"), Step("=", "IXX", "HX")],
        mutants=[
            {"b": lambda e: Hy(e) - H_X_given_Y(e)},
            {"c": lambda e: Hx(e) + Hy(e) + H_joint(e)},
            {"HX": lambda e: 0.0},
            {"a": lambda e: Hx(e) - H_Y_given_X(e)},
        ],
        lookalikes=[{}, {"c": lambda e: Hy(e) + Hx(e) - H_joint(e)}, {}])


def _relative_entropy_chain_rule():
    def sample(rng):
        return {"p": joint(rng, NX, NY), "q": joint(rng, NX, NY), "weighted": True}

    def conditional(e):
        p, q = e["p"], e["q"]
        py_x, qy_x = p / p.sum(1)[:, None], q / q.sum(1)[:, None]
        inner = np.sum(py_x * LOG(py_x / qy_x), axis=1)
        return float(np.sum(p.sum(1) * inner) if e["weighted"] else np.sum(inner))

    joint_kl = lambda e: kl(e["p"].ravel(), e["q"].ravel())
    marginal = lambda e, axis: kl(e["p"].sum(axis), e["q"].sum(axis))
    return Model(
        sample=sample,
        rows={"lhs": joint_kl, "rhs": lambda e: marginal(e, 1) + conditional(e)},
        steps=[Step("=", "lhs", "rhs")],
        mutants=[
            {"rhs": lambda e: marginal(e, 1) - conditional(e)},
            {"rhs": lambda e: marginal(e, 0) + conditional(e)},
            {"env": lambda e: {**e, "weighted": False}},
        ],
        lookalikes=[{}, {}, {}])


def _wrong_code():
    p, q = (lambda e: e["p"]), (lambda e: e["q"])
    length = lambda e: np.ceil(LOG(1 / q(e)))
    rows = {
        "El": lambda e: float(np.sum(p(e) * length(e))),
        "r1": lambda e: float(np.sum(p(e) * np.ceil(LOG(1 / q(e))))),
        "r2": lambda e: float(np.sum(p(e) * (LOG(1 / q(e)) + 1))),
        "r3": lambda e: float(np.sum(p(e) * LOG(p(e) / q(e) * (1 / p(e))))) + 1,
        "r4": lambda e: float(np.sum(p(e) * LOG(p(e) / q(e))) + np.sum(p(e) * LOG(1 / p(e)))) + 1,
        "r5": lambda e: kl(p(e), q(e)) + entropy(p(e)) + 1,
    }
    return Model(
        sample=_single, rows=rows,
        steps=chain(["El", ("=", "r1"), ("<", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5")]),
        mutants=[
            {"r2": lambda e: float(np.sum(p(e) * LOG(1 / q(e))))},
            {"r5": lambda e: kl(q(e), p(e)) + entropy(p(e)) + 1},
            {"r4": lambda e: float(np.sum(p(e) * LOG(p(e) / q(e))) - np.sum(p(e) * LOG(1 / p(e)))) + 1},
            {"r1": lambda e: float(np.sum(p(e) * np.floor(LOG(1 / q(e)))))},
        ],
        lookalikes=[{"r5": lambda e: entropy(p(e)) + kl(p(e), q(e)) + 1},
                    {"r2": lambda e: float(np.sum(p(e) * (1 - LOG(q(e)))))}, {}])


# ---- The Book of Statistical Proofs (s7a_*): Bernoulli entropy and KL, KL as cross-entropy
# minus entropy. A Bernoulli(p) law is the pmf [1 - p, p] on {0, 1}; entropies and
# divergences are computed from that pmf by their definitions.

def _bernoulli(rng):
    p1, p2 = rng.uniform(0.05, 0.95, size=2)
    return {"p1": float(p1), "p2": float(p2), "P": np.array([1 - p1, p1]), "Q": np.array([1 - p2, p2])}


def _s7a_bern_entropy():
    lg = lambda u: LOG(u) / LOG(2)
    p = lambda e: e["p1"]
    pr0, pr1 = (lambda e: e["P"][0]), (lambda e: e["P"][1])          # Pr(X = 0), Pr(X = 1)
    closed = lambda e: -p(e) * lg(p(e)) - (1 - p(e)) * lg(1 - p(e))
    return Model(
        sample=_bernoulli,
        rows={"H": lambda e: entropy(e["P"]) / LOG(2),                 # in bits, the source's unit
              "thm": closed,
              "events": lambda e: -pr0(e) * lg(pr0(e)) - pr1(e) * lg(pr1(e)),
              "closed": closed},
        steps=[Step("=", "H", "thm")] + chain(["H", ("=", "events"), ("=", "closed")]),
        mutants=[
            {"thm": lambda e: -p(e) * lg(p(e)) + (1 - p(e)) * lg(1 - p(e))},
            {"closed": lambda e: -p(e) * lg(p(e)) - (1 - p(e)) * lg(p(e))},
            {"events": lambda e: -pr0(e) * lg(pr0(e)) - pr1(e) * lg(pr0(e))},
        ],
        lookalikes=[
            {"closed": lambda e: -(1 - p(e)) * lg(1 - p(e)) - p(e) * lg(p(e))},
            {"thm": lambda e: -(p(e) * LOG(p(e)) + (1 - p(e)) * LOG(1 - p(e))) / LOG(2)},
        ])


def _s7a_bern_kl():
    P, Q = (lambda e: e["P"]), (lambda e: e["Q"])
    a = lambda e: LOG((1 - e["p1"]) / (1 - e["p2"]))
    b = lambda e: LOG(e["p1"] / e["p2"])
    p1 = lambda e: e["p1"]
    theorem = lambda e, num, den: a(e) + p1(e) * LOG(num / den)
    true_ratio = lambda e: (e["p1"] * (1 - e["p2"]), e["p2"] * (1 - e["p1"]))
    rows = {
        "KL": lambda e: kl(P(e), Q(e)),
        "def": lambda e: float(sum(P(e)[x] * LOG(P(e)[x] / Q(e)[x]) for x in range(2))),
        "sum01": lambda e: float(sum(P(e)[x] * LOG(P(e)[x] / Q(e)[x]) for x in (0, 1))),
        "two": lambda e: P(e)[0] * LOG(P(e)[0] / Q(e)[0]) + P(e)[1] * LOG(P(e)[1] / Q(e)[1]),
        "s1": lambda e: (1 - p1(e)) * a(e) + p1(e) * b(e),
        "s2": lambda e: a(e) + p1(e) * b(e) - p1(e) * a(e),
        "s3": lambda e: a(e) + p1(e) * (b(e) + LOG((1 - e["p2"]) / (1 - e["p1"]))),
        "s4": lambda e: theorem(e, *true_ratio(e)),
        "thm": lambda e: theorem(e, *true_ratio(e)),
    }
    return Model(
        sample=_bernoulli, rows=rows,
        steps=[Step("=", "KL", "def")] + chain(["KL", ("=", "sum01"), ("=", "two")])
        + chain(["KL", ("=", "s1"), ("=", "s2"), ("=", "s3"), ("=", "s4")]) + [Step("=", "KL", "thm")],
        mutants=[
            {"s2": lambda e: a(e) + p1(e) * b(e) + p1(e) * a(e)},
            {"thm": lambda e: theorem(e, e["p1"] * (1 - e["p1"]), e["p2"] * (1 - e["p2"]))},
            {"s3": lambda e: a(e) + p1(e) * (b(e) - LOG((1 - e["p2"]) / (1 - e["p1"])))},
            {"two": lambda e: P(e)[0] * LOG(Q(e)[0] / P(e)[0]) + P(e)[1] * LOG(P(e)[1] / Q(e)[1])},
        ],
        lookalikes=[
            {"s1": lambda e: p1(e) * b(e) + (1 - p1(e)) * a(e)},
            {"thm": lambda e: -LOG((1 - e["p2"]) / (1 - e["p1"])) + p1(e) * LOG(np.divide(*true_ratio(e)))},
            {"s4": lambda e: a(e) + p1(e) * LOG((e["p1"] - e["p1"] * e["p2"]) / (e["p2"] - e["p1"] * e["p2"]))},
        ])


def _s7a_kl_crossentropy():
    p, q = (lambda e: e["p"]), (lambda e: e["q"])
    S = lambda v: float(np.sum(v))
    return Model(
        sample=_single,
        rows={"KL": lambda e: kl(p(e), q(e)),
              "def": lambda e: S(p(e) * LOG(p(e) / q(e))),
              "split": lambda e: -S(p(e) * LOG(q(e))) + S(p(e) * LOG(p(e))),
              "H": lambda e: entropy(p(e)),
              "Hdef": lambda e: -S(p(e) * LOG(p(e))),
              "CE": lambda e: float(-np.dot(p(e), LOG(q(e)))),      # H(P, Q), cross-entropy
              "CEdef": lambda e: -S(p(e) * LOG(q(e))),
              "diff": lambda e: float(-np.dot(p(e), LOG(q(e)))) - entropy(p(e))},
        steps=[Step("=", "KL", "def"), Step("=", "KL", "split"), Step("=", "H", "Hdef"),
               Step("=", "CE", "CEdef"), Step("=", "KL", "diff")],
        mutants=[
            {"split": lambda e: S(p(e) * LOG(q(e))) + S(p(e) * LOG(p(e)))},
            {"CEdef": lambda e: -S(q(e) * LOG(p(e)))},
            {"diff": lambda e: float(-np.dot(p(e), LOG(q(e)))) + entropy(p(e))},
            {"def": lambda e: S(q(e) * LOG(p(e) / q(e)))},
        ],
        lookalikes=[
            {"diff": lambda e: -entropy(p(e)) + float(-np.dot(p(e), LOG(q(e))))},
            {"def": lambda e: S(p(e) * -LOG(q(e) / p(e)))},
            {"Hdef": lambda e: S(p(e) * LOG(1 / p(e)))},
        ])


MODELS = {
    "ct_wrong_code": _wrong_code(),
    "ct_conditional_entropy": _conditional_entropy(),
    "ct_chain_rule_entropy": _chain_rule(),
    "ct_mutual_information": _mutual_information(),
    "ct_information_inequality": _ct_information_inequality(),
    "murphy_information_inequality": _murphy_information_inequality(),
    "ct_uniform_bound": _uniform_bound(),
    "ct_log_sum_inequality": _log_sum(),
    "ct_kl_nonneg_logsum": _kl_nonneg(),
    "ct_jensen_consequences": _jensen_consequences(),
    "ct_mi_identities": _mi_identities(),
    "ct_relative_entropy_chain_rule": _relative_entropy_chain_rule(),
    "s7a_bern_entropy_statproofbook": _s7a_bern_entropy(),
    "s7a_bern_kl_statproofbook": _s7a_bern_kl(),
    "s7a_kl_crossentropy_statproofbook": _s7a_kl_crossentropy(),
}

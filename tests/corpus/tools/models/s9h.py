"""Truth models of the s9h_ entries (a held-out set of ML derivations from notebooks, blogs,
Q&A answers and course notes: tanh's derivative, softplus/softminus identities, log-sum-exp
bounds, the Renyi-to-Shannon limit, Gibbs' inequality, label smoothing, the DDPM posterior's
algebra, the logistic loss's gradient and Hessian, the alpha-balanced focal loss, the ELBO
decomposition). Discrete identities on random pmfs; limits by symmetric evaluation next to the
limit point; derivatives by the complex step (Hessians by central differences of complex-step
gradients); vectors and matrices compared through random bilinear forms u^T M v."""

from __future__ import annotations

import numpy as np

from .base import Model, Step, chain, joint, pmf

LOG = np.log
EXP = np.exp
H_STEP = 1e-20


def _d(fun, at):
    """d fun / d t at t = at, by the complex step (fun must accept complex arguments)."""
    return float(np.imag(fun(at + 1j * H_STEP)) / H_STEP)


def _sigmoid(t):
    return 1 / (1 + EXP(-t))


# ------------------------------------------------------------------ tanh derivative (almogbb74)

def _tanh_derivative():
    def sample(rng):
        return {"x": float(rng.uniform(-3, 3))}
    P = lambda x: EXP(x) + EXP(-x)
    M = lambda x: EXP(x) - EXP(-x)
    v = lambda f: (lambda e: float(f(e["x"])))
    rows = {
        "tanh": v(np.tanh), "exp_form": v(lambda x: M(x) / P(x)),
        "dtanh": lambda e: _d(np.tanh, e["x"]),
        "r2": v(lambda x: (P(x) * P(x) - M(x) * M(x)) / P(x) ** 2),
        "r3": v(lambda x: (P(x) ** 2 - M(x) ** 2) / P(x) ** 2),
        "r4": v(lambda x: 4 / P(x) ** 2),
        "one_minus": v(lambda x: 1 - np.tanh(x) ** 2),
        "r5": v(lambda x: 1 - (M(x) / P(x)) ** 2),
        "r6": v(lambda x: P(x) ** 2 / P(x) ** 2 - M(x) ** 2 / P(x) ** 2),
        "r7": v(lambda x: (P(x) ** 2 - M(x) ** 2) / P(x) ** 2),
        "r8": v(lambda x: 4 / P(x) ** 2),
    }
    return Model(
        sample=sample, rows=rows,
        steps=[Step("=", "tanh", "exp_form"), Step("=", "dtanh", "r2"), Step("=", "dtanh", "r3"),
               Step("=", "dtanh", "r4")]
        + chain(["one_minus", ("=", "r5"), ("=", "r6"), ("=", "r7"), ("=", "r8")]),
        mutants=[
            {"r2": v(lambda x: (P(x) * P(x) + M(x) * M(x)) / P(x) ** 2)},
            {"r4": v(lambda x: 2 / P(x) ** 2)},
            {"r5": v(lambda x: 1 - M(x) / P(x))},
            {"exp_form": v(lambda x: P(x) / M(x))},
        ],
        lookalikes=[
            {"r4": v(lambda x: 1 / np.cosh(x) ** 2)},
            {"r8": v(lambda x: 4 * EXP(2 * x) / (EXP(2 * x) + 1) ** 2)},
        ])


# ------------------------------------------------------------------ softplus identities (jiafulow)

def _softplus():
    def sample(rng):
        return {"x": float(rng.uniform(-4, 4))}
    sp = lambda x: LOG(1 + EXP(x))
    v = lambda f: (lambda e: float(f(e["x"])))
    tail = lambda x: LOG(1 + EXP(-abs(x)))
    rows = {
        "sp": v(sp), "smin": v(lambda x: x - sp(x)), "sig": v(_sigmoid),
        "sp_safe": v(lambda x: max(0.0, x) + tail(x)),
        "smin_safe": v(lambda x: min(0.0, x) - tail(x)),
        "sig_tanh": v(lambda x: 0.5 * (1 + np.tanh(x / 2))),
    }
    return Model(
        sample=sample, rows=rows,
        steps=[Step("=", "sp", "sp_safe"), Step("=", "smin", "smin_safe"),
               Step("=", "sig", "sig_tanh")],
        mutants=[
            {"sp_safe": v(lambda x: max(0.0, -x) + tail(x))},
            {"smin_safe": v(lambda x: min(0.0, x) + tail(x))},
            {"sig_tanh": v(lambda x: 0.5 * (1 + np.tanh(x)))},
            {"smin": v(lambda x: -x - sp(x))},
        ],
        lookalikes=[
            {"sp_safe": v(lambda x: (x + abs(x)) / 2 + tail(x))},
            {"sig_tanh": v(lambda x: 0.5 * (np.tanh(x / 2) + 1))},
            {"smin_safe": v(lambda x: -max(0.0, -x) - tail(x))},
        ])


# ------------------------------------------------------------------ log-sum-exp bounds (imathworks)

def _lse():
    def sample(rng):
        n = int(rng.integers(2, 7))
        x = rng.uniform(0, 0.05, n) if rng.random() < 0.5 else rng.normal(0, 2, n)
        return {"n": n, "x": x, "y": rng.uniform(0.1, 3, n)}
    lse = lambda e: float(LOG(np.sum(EXP(e["x"]))))
    mx = lambda e: float(np.max(e["x"]))
    rows = {
        "maxx": mx, "f": lse, "max_logn": lambda e: mx(e) + LOG(e["n"]),
        "maxy": lambda e: float(np.max(e["y"])), "sumy": lambda e: float(np.sum(e["y"])),
        "nmaxy": lambda e: e["n"] * float(np.max(e["y"])),
        "emax": lambda e: float(EXP(mx(e))), "sumex": lambda e: float(np.sum(EXP(e["x"]))),
        "nemax": lambda e: e["n"] * float(EXP(mx(e))),
        "lse": lse, "max_logn2": lambda e: mx(e) + LOG(e["n"]),
    }
    return Model(
        sample=sample, rows=rows,
        steps=chain(["maxx", ("<=", "f"), ("<=", "max_logn")])
        + chain(["maxy", ("<=", "sumy"), ("<=", "nmaxy")])
        + chain(["emax", ("<=", "sumex"), ("<=", "nemax")])
        + chain(["maxx", ("<=", "lse"), ("<=", "max_logn2")]),
        mutants=[
            {"nmaxy": lambda e: float(np.max(e["y"]))},
            {("rel", 5): ">="},
            {"max_logn2": lambda e: mx(e) + 0.5 * LOG(e["n"])},
            {"max_logn": lambda e: mx(e) - LOG(e["n"])},
        ],
        lookalikes=[
            {"nemax": lambda e: float(EXP(mx(e) + LOG(e["n"])))},
            {"lse": lambda e: float(LOG(np.sum(np.exp(e["x"]))))},
        ])


# ------------------------------------------------------------------ Renyi -> Shannon limit (math.SE)

def _renyi():
    H = 1e-5

    def sample(rng):
        return {"p": pmf(rng, int(rng.integers(2, 7)))}

    def limit(g):
        """The limit of g(alpha) at alpha = 1, from the values at 1 -+ H (g smooth next to 1)."""
        return lambda e: float((g(e, 1 - H) + g(e, 1 + H)) / 2)
    renyi = lambda e, a: LOG(np.sum(e["p"] ** a)) / (1 - a)
    lhopital = lambda e, a: (np.sum(e["p"] ** a) ** -1 * np.sum(e["p"] ** a * LOG(e["p"]))) / -1
    ent = lambda e: float(-np.sum(e["p"] * LOG(e["p"])))
    rows = {
        "q_lim": limit(renyi), "H": ent, "a_lim1": limit(renyi), "a_lim2": limit(lhopital),
        "a3": lambda e: ent(e) / float(np.sum(e["p"])), "a4": ent,
    }
    steps = [Step("=", "q_lim", "H")] + chain(
        ["a_lim1", ("=", "a_lim2"), ("=", "a3"), ("=", "a4")])
    for s in steps:
        s.tol = 1e-7
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"H": lambda e: -ent(e)},
            {"q_lim": limit(lambda e, a: LOG(np.sum(e["p"] ** a)) / (a - 1))},
            {"a_lim2": limit(lambda e, a: (np.sum(e["p"] ** a) ** -1 * np.sum(e["p"] ** a)) / -1)},
            {"a3": lambda e: ent(e) / len(e["p"])},
        ],
        lookalikes=[
            {"q_lim": limit(lambda e, a: LOG(np.sum(e["p"] ** a)) / (1 - a))},
            {"a4": lambda e: float(np.sum(e["p"] * LOG(1 / e["p"])))},
        ])


# ------------------------------------------------------------------ Gibbs' inequality (StatProofBook)

def _gibbs():
    def sample(rng):
        m = int(rng.integers(2, 7))
        return {"p": pmf(rng, m), "q": pmf(rng, m), "b": float(rng.uniform(1.1, 10)),
                "a": float(rng.uniform(0.1, 10))}
    logb = lambda e, t: LOG(t) / LOG(e["b"])
    kl = lambda e: float(np.sum(e["p"] * LOG(e["p"] / e["q"])))
    sums = lambda e: float(np.sum(e["p"]) - np.sum(e["q"]))
    rows = {
        "lhs1": lambda e: float(-np.sum(e["p"] * logb(e, e["p"]))),
        "rhs1": lambda e: float(-np.sum(e["p"] * logb(e, e["q"]))),
        "logb_a": lambda e: float(logb(e, e["a"])),
        "ratio": lambda e: float(LOG(e["a"]) / LOG(e["b"])),
        "kl_s1": kl, "zero": lambda e: 0.0, "kl_s2": kl,
        "s2b": lambda e: float(np.sum(e["p"] * (1 - e["q"] / e["p"]))), "s2c": sums,
        "kl_s3": kl, "s3a": sums, "s3c": lambda e: float(1 - np.sum(e["q"])),
    }
    return Model(
        sample=sample, rows=rows,
        steps=[Step("<=", "lhs1", "rhs1"), Step("=", "logb_a", "ratio"),
               Step(">=", "kl_s1", "zero")]
        + chain(["kl_s2", (">=", "s2b"), ("=", "s2c")])
        + chain(["kl_s3", (">=", "s3a"), ("=", "s3c"), (">=", "zero")]),
        mutants=[
            {("rel", 1): ">="},
            {"ratio": lambda e: float(LOG(e["b"]) / LOG(e["a"]))},
            {"kl_s1": lambda e: float(np.sum(e["p"] * LOG(e["q"] / e["p"])))},
            {"s2b": lambda e: float(np.sum(e["p"] * (1 - e["p"] / e["q"])))},
            {"s3c": lambda e: float(1 + np.sum(e["q"]))},
        ],
        lookalikes=[
            {"ratio": lambda e: float(np.log10(e["a"]) / np.log10(e["b"]))},
            {"s2c": lambda e: float(-np.sum(e["q"]) + np.sum(e["p"]))},
        ])


# ------------------------------------------------------------------ label smoothing (notes)

def _label_smoothing():
    def sample(rng):
        C = int(rng.integers(2, 7))
        return {"C": C, "q": pmf(rng, C), "p": pmf(rng, C), "eps": float(rng.uniform(0, 1))}

    def loss(weight):
        return lambda e: float(-np.sum(weight(e) * LOG(e["p"])))
    lp = lambda e: LOG(e["p"])
    rows = {
        "L": loss(lambda e: (1 - e["eps"]) * e["q"] + e["eps"] / e["C"]),
        "r3": lambda e: float(-np.sum(((1 - e["eps"]) * e["q"] + e["eps"] / e["C"]) * lp(e))),
        "r4": lambda e: float(-np.sum((1 - e["eps"]) * e["q"] * lp(e) + e["eps"] / e["C"] * lp(e))),
        "r5": lambda e: float((1 - e["eps"]) * -np.sum(e["q"] * lp(e))
                              + e["eps"] / e["C"] * -np.sum(lp(e))),
    }
    return Model(
        sample=sample, rows=rows,
        steps=[Step("=", "L", "r3"), Step("=", "L", "r4"), Step("=", "L", "r5")],
        mutants=[
            {"r3": lambda e: float(-np.sum(((1 - e["eps"]) * e["q"] + e["eps"]) * lp(e)))},
            {"r4": lambda e: float(-np.sum((1 - e["eps"]) * e["q"] * lp(e)
                                           - e["eps"] / e["C"] * lp(e)))},
            {"r5": lambda e: float(-np.sum((1 - e["eps"]) * e["q"] * lp(e))
                                   + np.sum(e["eps"] / e["C"] * lp(e)))},
            {"L": loss(lambda e: (1 - e["eps"]) * e["q"] + e["eps"])},
        ],
        lookalikes=[
            {"r5": lambda e: float((e["eps"] - 1) * np.sum(e["q"] * lp(e))
                                   + e["eps"] / e["C"] * -np.sum(lp(e)))},
            {"r3": lambda e: float(-np.sum(((1 - e["eps"]) * e["q"] + e["eps"] / e["C"]) * lp(e)))},
        ])


# ------------------------------------------------------------------ DDPM posterior algebra (notes)

def _ddpm():
    def sample(rng):
        return {"a": float(rng.uniform(0.05, 0.95)), "ab1": float(rng.uniform(0.05, 0.95)),
                "xt": float(rng.normal()), "x0": float(rng.normal())}
    ab = lambda e: e["a"] * e["ab1"]
    beta = lambda e: 1 - e["a"]
    A = lambda e: e["a"] / (1 - e["a"]) + 1 / (1 - e["ab1"])
    B = lambda e: np.sqrt(e["a"]) * e["xt"] / (1 - e["a"]) + np.sqrt(e["ab1"]) * e["x0"] / (1 - e["ab1"])

    def mean(c0, ct):
        return lambda e: float(c0(e) / (1 - ab(e)) * e["x0"] + ct(e) / (1 - ab(e)) * e["xt"])
    rows = {
        "bt": lambda e: 1 / A(e),
        "r1": lambda e: (1 - e["a"]) * (1 - e["ab1"]) / (e["a"] * (1 - e["ab1"]) + (1 - e["a"])),
        "l2": lambda e: e["a"] - e["a"] * e["ab1"] + 1 - e["a"], "r2": lambda e: 1 - ab(e),
        "r3a": lambda e: (1 - e["a"]) * (1 - e["ab1"]) / (1 - ab(e)),
        "r3b": lambda e: beta(e) * (1 - e["ab1"]) / (1 - ab(e)),
        "mu": lambda e: float(B(e) / A(e)),
        "r5": mean(lambda e: np.sqrt(e["ab1"]) * beta(e), lambda e: np.sqrt(e["a"]) * (1 - e["ab1"])),
    }
    return Model(
        sample=sample, rows=rows,
        steps=[Step("=", "bt", "r1"), Step("=", "l2", "r2"), Step("=", "bt", "r3a"),
               Step("=", "r3a", "r3b"), Step("=", "mu", "r5")],
        mutants=[
            {"r2": lambda e: 1 - e["ab1"]},
            {"r1": lambda e: (1 - e["a"]) * (1 - e["ab1"]) / (e["a"] * (1 - e["ab1"]) + (1 + e["a"]))},
            {"r5": mean(lambda e: np.sqrt(e["ab1"]) * beta(e), lambda e: np.sqrt(e["a"]) * (1 - ab(e)))},
            {"r3b": lambda e: beta(e) * (1 - e["ab1"]) / (1 - e["ab1"])},
            {"r5": mean(lambda e: np.sqrt(ab(e)) * beta(e), lambda e: np.sqrt(e["a"]) * (1 - e["ab1"]))},
        ],
        lookalikes=[
            {"r3a": lambda e: (1 - e["ab1"]) / (1 - ab(e)) * beta(e)},
            {"r5": mean(lambda e: np.sqrt(e["ab1"]) * (1 - e["a"]),
                        lambda e: np.sqrt(e["a"]) * (1 - e["ab1"]))},
        ])


# ------------------------------------------------------------------ logistic gradient and Hessian

def _logistic():
    D, DELTA = 3, 1e-5

    def sample(rng):
        n = int(rng.integers(3, 9))
        return {"X": rng.normal(size=(n, D)), "y": rng.integers(0, 2, n).astype(float),
                "w": rng.normal(0, 0.7, D), "lam": float(rng.uniform(-1, 2)),
                "u": rng.normal(size=D), "v": rng.normal(size=D)}

    def loss(e, w):
        z = e["X"] @ w
        return (-np.sum(e["y"] * LOG(_sigmoid(z)) + (1 - e["y"]) * LOG(1 - _sigmoid(z)))
                + e["lam"] * (w @ w))

    def grad(e, w):
        return np.array([np.imag(loss(e, w + 1j * H_STEP * np.eye(D)[k])) / H_STEP
                         for k in range(D)])

    def hess(e):
        return np.column_stack([(grad(e, e["w"] + DELTA * np.eye(D)[k])
                                 - grad(e, e["w"] - DELTA * np.eye(D)[k])) / (2 * DELTA)
                                for k in range(D)])

    def g_form(fun):
        return lambda e: float(e["u"] @ fun(e, _sigmoid(e["X"] @ e["w"])))

    def h_form(weight, reg):
        def value(e):
            s = _sigmoid(e["X"] @ e["w"])
            M = sum(weight(e, s, i) * np.outer(e["X"][i], e["X"][i]) for i in range(len(s)))
            return float(e["u"] @ (M + reg * e["lam"] * np.eye(D)) @ e["v"])
        return value
    X = lambda e: e["X"]
    rows = {
        "grad": lambda e: float(e["u"] @ grad(e, e["w"])),
        "g_rhs": g_form(lambda e, s: -X(e).T @ e["y"] + X(e).T @ s + 2 * e["lam"] * e["w"]),
        "hess": lambda e: float(e["u"] @ hess(e) @ e["v"]),
        "h_rhs": h_form(lambda e, s, i: s[i] * (1 - s[i]), 2),
    }
    return Model(
        sample=sample, rows=rows,
        steps=[Step("=", "grad", "g_rhs", tol=1e-8), Step("=", "hess", "h_rhs", tol=1e-6)],
        mutants=[
            {"g_rhs": g_form(lambda e, s: -X(e).T @ e["y"] + X(e).T @ s + e["lam"] * e["w"])},
            {"h_rhs": h_form(lambda e, s, i: s[i], 2)},
            {"g_rhs": g_form(lambda e, s: X(e).T @ e["y"] - X(e).T @ s + 2 * e["lam"] * e["w"])},
            {"h_rhs": h_form(lambda e, s, i: s[i] * (1 - s[i]), 1)},
        ],
        lookalikes=[
            {"g_rhs": g_form(lambda e, s: X(e).T @ (s - e["y"]) + 2 * e["lam"] * e["w"])},
            {"h_rhs": h_form(lambda e, s, i: s[i] * _sigmoid(-(X(e)[i] @ e["w"])), 2)},
        ])


# ------------------------------------------------------------------ focal loss (machine-learning-note)

def _focal():
    def sample(rng):
        return {"y": int(rng.integers(0, 2)), "yh": float(rng.uniform(0.02, 0.98)),
                "at": float(rng.normal()), "g": float(rng.uniform(0.1, 4))}
    pt = lambda e: e["yh"] if e["y"] == 1 else 1 - e["yh"]

    def fl(p):
        return lambda e: -e["at"] * (1 - p(e)) ** e["g"] * LOG(p(e))

    def cases(other):
        return lambda e: (-e["at"] * ((1 - e["yh"]) ** e["g"] * LOG(e["yh"])) if e["y"] == 1
                          else -e["at"] * other(e))

    def comb(first, second, ypow=1):
        return lambda e: -e["at"] * (e["y"] ** ypow * first(e) + (1 - e["y"]) * second(e))
    t1 = lambda e: (1 - e["yh"]) ** e["g"] * LOG(e["yh"])
    t0 = lambda e: e["yh"] ** e["g"] * LOG(1 - e["yh"])
    rows = {"fl": fl(pt), "cases": cases(t0), "comb": comb(t1, t0)}
    return Model(
        sample=sample, rows=rows,
        steps=chain(["fl", ("=", "cases"), ("=", "comb")]),
        mutants=[
            {"cases": cases(lambda e: (1 - e["yh"]) ** e["g"] * LOG(1 - e["yh"]))},
            {"comb": comb(t1, lambda e: e["yh"] ** e["g"] * LOG(e["yh"]))},
            {"fl": fl(lambda e: e["yh"])},
            {"comb": comb(lambda e: (1 - e["yh"]) ** (e["g"] - 1) * LOG(e["yh"]), t0)},
        ],
        lookalikes=[
            {"comb": comb(t1, t0, ypow=2)},
            {"comb": lambda e: -e["at"] * ((1 - e["y"]) * t0(e) + e["y"] * t1(e))},
        ])


# ------------------------------------------------------------------ ELBO decomposition (Ruthless338)

def _elbo():
    def sample(rng):
        m = int(rng.integers(2, 6))
        return {"J": joint(rng, m, 3), "q": pmf(rng, m)}
    pzx = lambda e: e["J"][:, 0]                      # p(z, x) at the observed x (column 0)
    px = lambda e: float(np.sum(e["J"][:, 0]))
    post = lambda e: pzx(e) / px(e)
    E = lambda e, f: float(np.sum(e["q"] * f))
    kl = lambda e: E(e, LOG(e["q"] / post(e)))
    elbo = lambda e: E(e, LOG(pzx(e)) - LOG(e["q"]))
    rows = {
        "D": kl, "r1": kl, "r2": lambda e: E(e, LOG(e["q"]) - LOG(post(e))),
        "r3": lambda e: E(e, LOG(e["q"]) - LOG(pzx(e) / px(e))),
        "r4": lambda e: E(e, LOG(e["q"]) - LOG(pzx(e))) + LOG(px(e)),
        "lpx": lambda e: float(LOG(px(e))), "r5": lambda e: elbo(e) + kl(e),
        "lpx6": lambda e: float(LOG(px(e))), "elbo6": elbo,
    }
    return Model(
        sample=sample, rows=rows,
        steps=chain(["D", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4")])
        + [Step("=", "lpx", "r5"), Step(">=", "lpx6", "elbo6")],
        mutants=[
            {"r4": lambda e: E(e, LOG(e["q"]) - LOG(pzx(e))) - LOG(px(e))},
            {"r5": lambda e: elbo(e) - kl(e)},
            {"r3": lambda e: E(e, LOG(e["q"]) - LOG(px(e) / pzx(e)))},
            {("rel", 6): "<="},
        ],
        lookalikes=[
            {"r2": lambda e: -E(e, LOG(post(e)) - LOG(e["q"]))},
            {"elbo6": lambda e: E(e, LOG(post(e)) + LOG(px(e)) - LOG(e["q"]))},
        ])


MODELS = {
    "s9h_tanh_derivative_almogbb74": _tanh_derivative(),
    "s9h_softplus_identities_jiafulow": _softplus(),
    "s9h_lse_bounds_imathworks": _lse(),
    "s9h_renyi_entropy_limit_mathse": _renyi(),
    "s9h_gibbs_inequality_statproofbook": _gibbs(),
    "s9h_label_smoothing_notes": _label_smoothing(),
    "s9h_ddpm_posterior_notes": _ddpm(),
    "s9h_logistic_hessian_ingenjoy": _logistic(),
    "s9h_focal_loss_mlnote": _focal(),
    "s9h_elbo_kl_ruthless338": _elbo(),
}

"""Truth models of the s18b_ entries (a held-out set on reinforcement-learning derivations written
with expectations and gradients: the log-derivative (score-function) identity, the policy gradient,
a state baseline, the trajectory log-probability, the Bellman expectation equation, the k3 KL
estimator). Laws are random pmfs on small finite supports; a theta-dependent law is a softmax of
u + theta v (a scalar theta), and d/dtheta is taken by the complex step."""

from __future__ import annotations

import numpy as np

from .base import Model, chain, pmf

H = 1e-20


def _d(fun, th):
    """d/dtheta of fun at th by the complex step (fun must accept a complex theta)."""
    return float(np.imag(fun(th + 1j * H)) / H)


def _softmax(z):
    z = z - np.max(np.real(z))
    e = np.exp(z)
    return e / np.sum(e)


def _law(e, th):
    return _softmax(e["u"] + th * e["v"])


def _score_sample(rng):
    n = int(rng.integers(2, 7))
    return {"u": rng.normal(0, 1, n), "v": rng.normal(0, 1, n), "th": float(rng.normal()),
            "f": rng.normal(0, 2, n)}


def _dp(e):
    """d p_theta / d theta, componentwise."""
    n = len(e["u"])
    return np.array([_d(lambda t, k=k: _law(e, t)[k], e["th"]) for k in range(n)])


def _dlogp(e):
    n = len(e["u"])
    return np.array([_d(lambda t, k=k: np.log(_law(e, t)[k]), e["th"]) for k in range(n)])


# ------------------------------------------------------------------ daxpy.xyz

def _daxpy():
    p = lambda e: _law(e, e["th"])
    rows = {
        "r0": lambda e: _d(lambda t: np.sum(_law(e, t) * e["f"]), e["th"]),
        "r1": lambda e: float(np.sum(e["f"] * _dp(e))),
        "r2": lambda e: float(np.sum(e["f"] * _dp(e) / p(e) * p(e))),
        "r3": lambda e: float(np.sum(p(e) * e["f"] * _dlogp(e))),
        # the remark: J(theta) = E_{a ~ pi(.|s)}[R(a, s)] at a fixed s (u, v, f play pi's logits and R(., s))
        "g0": lambda e: _d(lambda t: np.sum(_law(e, t) * e["f"]), e["th"]),
        "g1": lambda e: float(np.sum(p(e) * e["f"] * _dlogp(e))),
    }
    steps = chain(["r0", ("=", "r1"), ("=", "r2"), ("=", "r3")]) + chain(["g0", ("=", "g1")])
    return Model(
        sample=_score_sample, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: float(np.sum(e["f"] * p(e)))},
            {"r2": lambda e: float(np.sum(e["f"] * p(e) / _dp(e) * p(e)))},
            {"r3": lambda e: float(np.sum(p(e) * e["f"] * np.log(p(e))))},
            {"g1": lambda e: float(np.sum(p(e) * e["f"] * _dp(e)))},
        ],
        lookalikes=[
            {"r2": lambda e: float(np.sum(p(e) * e["f"] * _dp(e) / p(e)))},
            {"g1": lambda e: float(np.sum(p(e) * _dlogp(e) * e["f"]))},
        ])


# ------------------------------------------------------------------ Sorokin's slides

def _sorokin():
    # rows are functions of the instance at one trajectory index k (for the pointwise identity)
    def sample(rng):
        e = _score_sample(rng)
        e["k"] = int(rng.integers(0, len(e["u"])))
        return e
    p = lambda e: _law(e, e["th"])
    k = lambda e: e["k"]
    rows = {
        "E": lambda e: float(np.sum(p(e) * e["f"])),
        "I": lambda e: float(np.sum(p(e) * e["f"])),
        "dp": lambda e: float(_dp(e)[k(e)]),
        "q1": lambda e: float(p(e)[k(e)] * _dp(e)[k(e)] / p(e)[k(e)]),
        "q2": lambda e: float(p(e)[k(e)] * _dlogp(e)[k(e)]),
        "dJ": lambda e: _d(lambda t: np.sum(_law(e, t) * e["f"]), e["th"]),
        "i1": lambda e: float(np.sum(_dp(e) * e["f"])),
        "i2": lambda e: float(np.sum(p(e) * _dlogp(e) * e["f"])),
        "i3": lambda e: float(np.sum(p(e) * _dlogp(e) * e["f"])),
    }
    steps = (chain(["E", ("=", "I")]) + chain(["dp", ("=", "q1"), ("=", "q2")])
             + chain(["dJ", ("=", "i1"), ("=", "i2"), ("=", "i3")]))
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"I": lambda e: float(np.sum(e["f"]))},
            {"q1": lambda e: float(p(e)[k(e)] * p(e)[k(e)] / _dp(e)[k(e)])},
            {"q2": lambda e: float(_dlogp(e)[k(e)])},
            {"i3": lambda e: float(np.sum(p(e) * _dp(e) * e["f"]))},
            {"i2": lambda e: float(np.sum(_dlogp(e) * e["f"]))},
        ],
        lookalikes=[
            {"I": lambda e: float(np.sum(e["f"] * p(e)))},
            {"q2": lambda e: float(p(e)[k(e)] * _dlogp(e)[k(e)])},
        ])


# ------------------------------------------------------------------ AI SE: baseline sum

def _baseline():
    def sample(rng):
        e = _score_sample(rng)
        e["b"] = float(rng.normal(0, 3))
        return e
    rows = {
        "r0": lambda e: float(np.sum(e["b"] * _dp(e))),
        "r1": lambda e: e["b"] * _d(lambda t: np.sum(_law(e, t)), e["th"]),
        "r2": lambda e: e["b"] * 0.0,
        "r3": lambda e: 0.0,
    }
    steps = chain(["r0", ("=", "r1"), ("=", "r2"), ("=", "r3")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r0": lambda e: float(np.sum(e["b"] * _law(e, e["th"])))},
            {"r1": lambda e: e["b"] * float(np.sum(_law(e, e["th"])))},
            {"r3": lambda e: e["b"]},
        ],
        lookalikes=[
            {"r0": lambda e: e["b"] * float(np.sum(_dp(e)))},
            {"r3": lambda e: 0.0 * e["b"]},
        ])


# ------------------------------------------------------------------ whatandwhy: trajectory + score

def _whatandwhy():
    def sample(rng):
        nS, nA, T = int(rng.integers(2, 4)), int(rng.integers(2, 4)), int(rng.integers(1, 5))
        e = _score_sample(rng)
        e.update({
            "rho": pmf(rng, nS),
            "U": rng.normal(0, 1, (nS, nA)), "V": rng.normal(0, 1, (nS, nA)),
            "P": np.array([[pmf(rng, nS) for _ in range(nA)] for _ in range(nS)]),
            "s": rng.integers(0, nS, T + 1), "a": rng.integers(0, nA, T),
            "k": int(rng.integers(0, len(e["u"]))),
        })
        return e
    pi = lambda e, th, s: _softmax(e["U"][s] + th * e["V"][s])
    T = lambda e: len(e["a"])

    def logP(e, th):
        s, a = e["s"], e["a"]
        return np.log(e["rho"][s[0]]) + sum(np.log(pi(e, th, s[t])[a[t]]) + np.log(e["P"][s[t], a[t], s[t + 1]])
                                             for t in range(T(e)))

    def sum_logpi(e):
        return float(sum(np.log(pi(e, e["th"], e["s"][t])[e["a"][t]]) for t in range(T(e))))

    def sum_logP(e):
        s, a = e["s"], e["a"]
        return float(sum(np.log(e["P"][s[t], a[t], s[t + 1]]) for t in range(T(e))))

    def sum_dlogpi(e):
        s, a = e["s"], e["a"]
        return sum(_d(lambda th, t=t: np.log(pi(e, th, s[t])[a[t]]), e["th"]) for t in range(T(e)))

    def prod_dlogpi(e):
        s, a = e["s"], e["a"]
        return float(np.prod([_d(lambda th, t=t: np.log(pi(e, th, s[t])[a[t]]), e["th"]) for t in range(T(e))]))

    p = lambda e: _law(e, e["th"])
    k = lambda e: e["k"]
    rows = {
        "L": lambda e: float(np.real(logP(e, e["th"]))),
        "Lsum": lambda e: float(np.log(e["rho"][e["s"][0]])) + sum_logpi(e) + sum_logP(e),
        "dL": lambda e: _d(lambda th: logP(e, th), e["th"]),
        "dLsum": lambda e: float(sum_dlogpi(e)),
        "dp": lambda e: float(_dp(e)[k(e)]),
        "pdl": lambda e: float(p(e)[k(e)] * _dlogp(e)[k(e)]),
        "e0": lambda e: _d(lambda t: np.sum(_law(e, t) * e["f"]), e["th"]),
        "e1": lambda e: _d(lambda t: np.sum(e["f"] * _law(e, t)), e["th"]),
        "e2": lambda e: float(np.sum(e["f"] * _dp(e))),
        "e3": lambda e: float(np.sum(p(e) * e["f"] * _dlogp(e))),
    }
    steps = (chain(["L", ("=", "Lsum")]) + chain(["dL", ("=", "dLsum")]) + chain(["dp", ("=", "pdl")])
             + chain(["e0", ("=", "e1"), ("=", "e2"), ("=", "e3")]))

    def lsum_mut(e):
        return float(np.log(e["rho"][e["s"][0]])) + sum_logpi(e) * sum_logP(e)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"Lsum": lsum_mut},
            {"dLsum": prod_dlogpi, "sample": lambda rng: _at_least(sample, rng, 2)},
            {"pdl": lambda e: float(_dlogp(e)[k(e)])},
            {"e2": lambda e: float(np.sum(e["f"] * _dlogp(e)))},
            {"e3": lambda e: 0.0},
        ],
        lookalikes=[
            {"e2": lambda e: float(np.sum(_dp(e) * e["f"]))},
            {"pdl": lambda e: float(_dlogp(e)[k(e)] * p(e)[k(e)])},
        ])


def _at_least(sample, rng, T):
    """An instance whose horizon has at least T steps (a product of one factor is the sum)."""
    while True:
        e = sample(rng)
        if len(e["a"]) >= T:
            return e


# ------------------------------------------------------------------ walkinglabs: Bellman expectation

def _bellman():
    def sample(rng):
        nS, nA, nR = int(rng.integers(2, 5)), int(rng.integers(2, 4)), int(rng.integers(2, 4))
        pi = np.array([pmf(rng, nA) for _ in range(nS)])
        pr = np.array([[pmf(rng, nR) for _ in range(nA)] for _ in range(nS)])
        ps = np.array([[pmf(rng, nS) for _ in range(nA)] for _ in range(nS)])
        rv = rng.normal(0, 2, nR)
        g = float(rng.uniform(0.1, 0.95))
        Rbar = np.einsum("sa,sar,r->s", pi, pr, rv)
        Ppi = np.einsum("sa,sat->st", pi, ps)
        v = np.linalg.solve(np.eye(nS) - g * Ppi, Rbar)
        return {"pi": pi, "pr": pr, "ps": ps, "rv": rv, "g": g, "v": v, "s": int(rng.integers(0, nS))}
    s = lambda e: e["s"]
    ER = lambda e: float(np.einsum("a,ar,r->", e["pi"][s(e)], e["pr"][s(e)], e["rv"]))     # E[R_{t+1} | S_t = s]
    EG1 = lambda e: float(np.einsum("a,at,t->", e["pi"][s(e)], e["ps"][s(e)], e["v"]))     # E[G_{t+1} | S_t = s] (Markov)
    rows = {
        "v": lambda e: float(e["v"][s(e)]),
        "E_sub": lambda e: ER(e) + e["g"] * EG1(e),
        "E_lin": lambda e: ER(e) + e["g"] * EG1(e),
        "ER": ER,
        "ER_sum": lambda e: float(sum(e["pi"][s(e)][a] * sum(e["pr"][s(e), a, r] * e["rv"][r] for r in range(len(e["rv"])))
                                      for a in range(len(e["pi"][s(e)])))),
        "EG": EG1,
        "EG_sum": lambda e: float(sum(e["pi"][s(e)][a] * sum(e["ps"][s(e), a, t] * e["v"][t] for t in range(len(e["v"])))
                                      for a in range(len(e["pi"][s(e)])))),
    }
    steps = chain(["v", ("=", "E_sub"), ("=", "E_lin")]) + chain(["ER", ("=", "ER_sum")]) + chain(["EG", ("=", "EG_sum")])
    # steps 1, 2 are one chain here: v = E[R + gamma G'] (display 3), then v = E[R] + gamma E[G'] (display 4)
    steps[1].lhs = "v"
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"E_sub": lambda e: ER(e) + EG1(e)},
            {"E_lin": lambda e: ER(e) + EG1(e)},
            {"ER_sum": lambda e: float(np.sum(e["pi"][s(e)][:, None] * e["pr"][s(e)]))},
            {"EG_sum": lambda e: float(e["v"][s(e)])},
        ],
        lookalikes=[
            {"ER_sum": lambda e: float(np.einsum("a,ar,r->", e["pi"][s(e)], e["pr"][s(e)], e["rv"]))},
            {"E_lin": lambda e: ER(e) + EG1(e) * e["g"]},
        ])


# ------------------------------------------------------------------ k3 KL estimator

def _k3():
    def sample(rng):
        n = int(rng.integers(2, 7))
        return {"ref": pmf(rng, n), "th": pmf(rng, n)}
    ref, th = (lambda e: e["ref"]), (lambda e: e["th"])
    X = lambda e: th(e) / ref(e)
    KL = lambda e: float(np.sum(ref(e) * np.log(ref(e) / th(e))))
    h = lambda x: x - np.log(x) - 1
    # the pointwise identity of display 6 is checked at every o (worst case): rows give its two sides summed
    # with random weights, which vanish together only if they agree everywhere
    rows = {
        "KL": KL,
        "KLsum": lambda e: float(np.sum(ref(e) * np.log(ref(e) / th(e)))),
        "EX": lambda e: float(np.sum(ref(e) * X(e))),
        "EXsum": lambda e: float(np.sum(ref(e) * th(e) / ref(e))),
        "sumth": lambda e: float(np.sum(th(e))),
        "one": lambda e: 1.0,
        "Eh": lambda e: float(np.sum(ref(e) * h(X(e)))),
        "KL5": KL,
        "hX": lambda e: float(np.sum(np.arange(1, len(ref(e)) + 1) ** 2 * h(X(e)))),
        "hX_rhs": lambda e: float(np.sum(np.arange(1, len(ref(e)) + 1) ** 2 * (X(e) - np.log(X(e)) - 1))),
        "E7": lambda e: float(np.sum(ref(e) * (X(e) - np.log(X(e)) - 1))),
        "KL7": KL,
    }
    steps = (chain(["KL", ("=", "KLsum")]) + chain(["EX", ("=", "EXsum"), ("=", "sumth"), ("=", "one")])
             + chain(["Eh", ("=", "KL5")]) + chain(["hX", ("=", "hX_rhs")]) + chain(["E7", ("=", "KL7")]))
    KLrev = lambda e: float(np.sum(th(e) * np.log(th(e) / ref(e))))
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"KLsum": lambda e: float(np.sum(ref(e) * np.log(th(e) / ref(e))))},
            {"one": lambda e: 0.0},
            {"KL5": KLrev},
            {"hX_rhs": lambda e: float(np.sum(np.arange(1, len(ref(e)) + 1) ** 2 * (X(e) + np.log(X(e)) - 1)))},
            {"E7": lambda e: float(np.sum(ref(e) * (X(e) - np.log(X(e)) + 1)))},
        ],
        lookalikes=[
            {"EXsum": lambda e: float(np.sum(th(e) * ref(e) / ref(e)))},
            {"KLsum": lambda e: float(np.sum(ref(e) * -np.log(th(e) / ref(e))))},
        ])


MODELS = {
    "s18b_score_identity_daxpy": _daxpy(),
    "s18b_log_derivative_sorokin": _sorokin(),
    "s18b_baseline_sum_aise": _baseline(),
    "s18b_trajectory_score_whatandwhy": _whatandwhy(),
    "s18b_bellman_expectation_walkinglabs": _bellman(),
    "s18b_kl_k3_estimator_md": _k3(),
}

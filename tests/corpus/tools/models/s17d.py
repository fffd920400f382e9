"""Truth models of the s17d_ entries (a held-out set from GitHub Markdown notes, Data 100 lecture
notes, a blog and Q&A pages: the expected squared distance from a constant, E(VW) = E(V)E(W) for
independent V, W, the logistic-regression gradient, ...). Random pmfs on small finite supports
stand in for laws (expectations are finite sums), derivatives by the complex step."""

from __future__ import annotations

import numpy as np

from .base import Model, Step, chain, pmf, tight

LOG = np.log
H = 1e-20


def _d(f, v):
    """f'(v) by the complex step."""
    return float(np.imag(f(v + 1j * H)) / H)


# ------------------------------------------------------------------ E[(a - Z)^2] (ve1nard)

def _bias_var_lemma():
    def sample(rng):
        n = int(rng.integers(2, 7))
        return {"p": pmf(rng, n), "z": rng.normal(0, 2, size=n), "a": float(rng.normal(0, 2))}
    E = lambda e, g: float(np.sum(e["p"] * g(e["z"])))
    mu = lambda e: E(e, lambda z: z)
    a = lambda e: e["a"]
    rows = {
        "r0": lambda e: E(e, lambda z: (a(e) - z) ** 2),
        "r1": lambda e: E(e, lambda z: (a(e) - mu(e) + mu(e) - z) ** 2),
        "r2": lambda e: E(e, lambda z: (a(e) - mu(e)) ** 2 + 2 * (a(e) - mu(e)) * (mu(e) - z) + (mu(e) - z) ** 2),
        "r3": lambda e: (a(e) - mu(e)) ** 2 + 2 * (a(e) - mu(e)) * E(e, lambda z: mu(e) - z) + E(e, lambda z: (mu(e) - z) ** 2),
        "r4": lambda e: (a(e) - mu(e)) ** 2 + 0 + E(e, lambda z: (z - mu(e)) ** 2),
        "r5": lambda e: (a(e) - mu(e)) ** 2 + E(e, lambda z: (z - mu(e)) ** 2),
    }
    steps = chain(["r0", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r2": lambda e: E(e, lambda z: (a(e) - mu(e)) ** 2 + 2 * (a(e) - mu(e)) * (mu(e) - z) - (mu(e) - z) ** 2)},
            {"r4": lambda e: (a(e) - mu(e)) ** 2 + 0 - E(e, lambda z: (z - mu(e)) ** 2)},
            {"r5": lambda e: (a(e) + mu(e)) ** 2 + E(e, lambda z: (z - mu(e)) ** 2)},
            {"r3": lambda e: (a(e) - mu(e)) ** 2 + 2 * (a(e) - mu(e)) * E(e, lambda z: mu(e) + z) + E(e, lambda z: (mu(e) - z) ** 2)},
        ],
        lookalikes=[
            {"r2": lambda e: E(e, lambda z: (a(e) - mu(e)) ** 2 + (a(e) - mu(e)) * (mu(e) - z) + (mu(e) - z) ** 2)},
            {"r4": lambda e: (a(e) - mu(e)) ** 2 + 0 + E(e, lambda z: (mu(e) - z) ** 2)},
            {"r1": lambda e: E(e, lambda z: (mu(e) - z + a(e) - mu(e)) ** 2)},
        ])


# ------------------------------------------------------------------ E(VW) = E(V)E(W) (Data 100)

def _ev_product():
    def sample(rng):
        n = int(rng.integers(2, 7))
        # one common list of values (so P(W=v) of a mutant is P_W at v), two pmfs
        return {"x": rng.normal(0, 2, size=n), "pv": pmf(rng, n), "pw": pmf(rng, n)}
    x, pv, pw = (lambda e: e["x"]), (lambda e: e["pv"]), (lambda e: e["pw"])
    joint = lambda e: np.outer(pv(e), pw(e))           # independence
    vw = lambda e: np.outer(x(e), x(e))
    EV = lambda e: float(np.sum(x(e) * pv(e)))
    EW = lambda e: float(np.sum(x(e) * pw(e)))
    rows = {
        "r0": lambda e: float(np.sum(vw(e) * joint(e))),    # E(VW) under the joint law
        "r1": lambda e: float(np.sum(vw(e) * joint(e))),
        "r2": lambda e: float(np.sum(vw(e) * np.outer(pv(e), pw(e)))),
        "r3": lambda e: EV(e) * EW(e),
        "r4": lambda e: EV(e) * EW(e),
    }
    steps = chain(["r0", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            # sum_v sum_w v w P(V=v) P(W=v)
            {"r2": lambda e: float(np.sum(vw(e) * np.outer(pv(e) * pw(e), np.ones_like(pw(e)))))},
            {"r3": lambda e: EV(e) * float(np.sum(x(e) ** 2 * pw(e)))},
            {"r4": lambda e: EV(e) + EW(e)},
        ],
        lookalikes=[{"r4": lambda e: EW(e) * EV(e)}, {"r3": lambda e: EW(e) * EV(e)}])


# ------------------------------------------------------------------ logistic gradient (x35yao)

def _logistic_grad():
    def sample(rng):
        n = int(rng.integers(1, 5))
        return {"n": n, "x": rng.normal(0, 1.5, size=n), "y": rng.uniform(-0.5, 1.5, size=n),
                "w": float(rng.normal(0, 1)), "b": float(rng.normal(0, 1)), "i": int(rng.integers(n))}
    sig = lambda z: 1 / (1 + np.exp(-z))
    z = lambda e, w=None, b=None: (e["w"] if w is None else w) * e["x"] + (e["b"] if b is None else b)
    Lp = lambda e, p: -np.sum(e["y"] * LOG(p) + (1 - e["y"]) * LOG(1 - p))
    i = lambda e: e["i"]
    p = lambda e: sig(z(e))
    pi, yi, xi = (lambda e: float(p(e)[i(e)])), (lambda e: float(e["y"][i(e)])), (lambda e: float(e["x"][i(e)]))

    def dL_dp(e):
        base = p(e).astype(complex)
        def f(t):
            q = base.copy(); q[i(e)] = t
            return Lp(e, q)
        return _d(f, pi(e))

    def dp_dz(e):
        return _d(sig, float(z(e)[i(e)]))

    def dL_dz(e):
        zz = z(e).astype(complex)
        def f(t):
            q = zz.copy(); q[i(e)] = t
            return Lp(e, sig(q))
        return _d(f, float(z(e)[i(e)]))

    rows = {
        "Lp": dL_dp,
        "Lp_rhs": lambda e: -yi(e) / pi(e) + (1 - yi(e)) / (1 - pi(e)),
        "pz": dp_dz,
        "pz_rhs": lambda e: pi(e) * (1 - pi(e)),
        "Lz": dL_dz,
        "Lz_mid": lambda e: (-yi(e) / pi(e) + (1 - yi(e)) / (1 - pi(e))) * pi(e) * (1 - pi(e)),
        "Lz_rhs": lambda e: pi(e) - yi(e),
        "Lw": lambda e: _d(lambda w: Lp(e, sig(z(e, w=w))), e["w"]),
        "Lw_rhs": lambda e: float(np.sum((p(e) - e["y"]) * e["x"])),
        "Lb": lambda e: _d(lambda b: Lp(e, sig(z(e, b=b))), e["b"]),
        "Lb_rhs": lambda e: float(np.sum(p(e) - e["y"])),
    }
    steps = [Step("=", "Lp", "Lp_rhs"), Step("=", "pz", "pz_rhs"), Step("=", "Lz", "Lz_mid"),
             Step("=", "Lz_mid", "Lz_rhs"), Step("=", "Lw", "Lw_rhs"), Step("=", "Lb", "Lb_rhs")]
    tight(steps, 1e-8)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"Lp_rhs": lambda e: -yi(e) / pi(e) - (1 - yi(e)) / (1 - pi(e))},
            {"pz_rhs": lambda e: pi(e) * (1 + pi(e))},
            {"Lz_rhs": lambda e: yi(e) - pi(e)},
            {"Lw_rhs": lambda e: float(np.sum((p(e) - e["y"]) * e["x"] ** 2))},
        ],
        lookalikes=[{"Lz_rhs": lambda e: -(yi(e) - pi(e))},
                    {"Lw_rhs": lambda e: float(np.sum(e["x"] * (p(e) - e["y"])))}])


MODELS = {
    "s17d_bias_var_lemma_ve1nard": _bias_var_lemma(),
    "s17d_ev_product_ds100": _ev_product(),
    "s17d_logistic_grad_x35yao": _logistic_grad(),
}


# ------------------------------------------------------------------ Gaussian MLE (Markdown notes)

def _gauss_mle():
    def sample(rng):
        n = int(rng.integers(2, 7))
        return {"n": n, "x": rng.normal(0, 2, size=n), "mu": float(rng.normal(0, 2)),
                "s2": float(rng.uniform(0.3, 4.0))}
    n, x, mu, s2 = (lambda e: e["n"]), (lambda e: e["x"]), (lambda e: e["mu"]), (lambda e: e["s2"])
    xbar = lambda e: float(np.mean(x(e)))
    ell = lambda e, m, v: -n(e) / 2 * LOG(2 * np.pi) - n(e) / 2 * LOG(v) - np.sum((x(e) - m) ** 2) / (2 * v)

    def stationary(e):
        e = dict(e)
        e["s2"] = float(np.mean((x(e) - xbar(e)) ** 2))
        return e
    rows = {
        "dmu": lambda e: _d(lambda m: ell(e, m, s2(e)), mu(e)),
        "dmu1": lambda e: float(np.sum(x(e) - mu(e))) / s2(e),
        "dmu2": lambda e: n(e) / s2(e) * (xbar(e) - mu(e)),
        "ds2": lambda e: _d(lambda v: ell(e, mu(e), v), s2(e)),
        "ds2r": lambda e: -n(e) / (2 * s2(e)) + float(np.sum((x(e) - mu(e)) ** 2)) / (2 * s2(e) ** 2),
        "eq": lambda e: -n(e) / (2 * s2(e)) + float(np.sum((x(e) - xbar(e)) ** 2)) / (2 * s2(e) ** 2),
        "zero": lambda e: 0.0,
        "s2row": lambda e: s2(e),
        "s2hat": lambda e: float(np.sum((x(e) - xbar(e)) ** 2)) / n(e),
    }
    steps = [Step("=", "dmu", "dmu1"), Step("=", "dmu1", "dmu2"), Step("=", "ds2", "ds2r"),
             Step("=", "eq", "zero", when=stationary), Step("=", "s2row", "s2hat", when=stationary)]
    tight(steps, 1e-8)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"dmu1": lambda e: float(np.sum(x(e) - mu(e))) / (2 * s2(e))},
            {"dmu2": lambda e: n(e) / s2(e) * (mu(e) - xbar(e))},
            {"ds2r": lambda e: -n(e) / (2 * s2(e)) + float(np.sum((x(e) - mu(e)) ** 2)) / (2 * s2(e) ** 1.5)},
            {"s2hat": lambda e: float(np.sum((x(e) - xbar(e)) ** 2)) / (n(e) - 1)},
        ],
        lookalikes=[{"dmu2": lambda e: n(e) * (xbar(e) - mu(e)) / s2(e)},
                    {"s2hat": lambda e: float(np.sum((x(e) - xbar(e)) ** 2)) * n(e) ** -1.0}])


MODELS["s17d_gauss_mle_mdnotes"] = _gauss_mle()


# ------------------------------------------------------------------ softmax + CE (abangfarhan)

def _softmax_ce():
    def sample(rng):
        n = int(rng.integers(2, 6))
        i, j = rng.choice(n, size=2, replace=False)
        return {"x": rng.normal(0, 1.5, size=n), "y": rng.uniform(-0.5, 1.5, size=n),
                "i": int(i), "j": int(j)}
    soft = lambda x: np.exp(x) / np.sum(np.exp(x))
    p = lambda e: soft(e["x"])
    i, j = (lambda e: e["i"]), (lambda e: e["j"])
    pi, pj, yj = (lambda e: float(p(e)[i(e)])), (lambda e: float(p(e)[j(e)])), (lambda e: float(e["y"][j(e)]))

    def d_in_pj(e, g):
        """d/dp_j of g(p) with the p's independent."""
        base = p(e).astype(complex)
        def f(t):
            q = base.copy(); q[j(e)] = t
            return g(q)
        return _d(f, pj(e))
    L = lambda e, q: -np.sum(e["y"] * LOG(q))
    dL = lambda e: d_in_pj(e, lambda q: L(e, q))

    def dpj_dxi(e):
        base = e["x"].astype(complex)
        def f(t):
            x = base.copy(); x[i(e)] = t
            return soft(x)[j(e)]
        return _d(f, float(e["x"][i(e)]))
    rows = {
        "dL": dL,
        "a1": lambda e: d_in_pj(e, lambda q: -np.sum(e["y"] * LOG(q))),
        "a2": lambda e: -d_in_pj(e, lambda q: np.sum(e["y"] * LOG(q))),
        "b": lambda e: -yj(e) / pj(e),
        "c0": lambda e: dL(e) * dpj_dxi(e),
        "c1": lambda e: (-yj(e) / pj(e)) * (-pi(e) * pj(e)),
        "c2": lambda e: yj(e) / pj(e) * pi(e) * pj(e),
        "c3": lambda e: pi(e) * yj(e),
    }
    steps = chain(["dL", ("=", "a1"), ("=", "a2")]) + [Step("=", "dL", "b")] + chain(["c0", ("=", "c1"), ("=", "c2"), ("=", "c3")])
    tight(steps, 1e-8)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"a2": lambda e: -d_in_pj(e, lambda q: np.sum(e["y"] * LOG(q[j(e)])))},
            {"b": lambda e: -yj(e) / pj(e) ** 2},
            {"c1": lambda e: (-yj(e) / pj(e)) * (pi(e) * pj(e))},
            {"c3": lambda e: pj(e) * yj(e)},
        ],
        lookalikes=[{"c3": lambda e: yj(e) * pi(e)},
                    {"c2": lambda e: yj(e) * pi(e) * pj(e) / pj(e)}])


MODELS["s17d_softmax_ce_abangfarhan"] = _softmax_ce()


# ------------------------------------------------------------------ continuous Bayes (CS229 notes)

def _bayes_cont():
    def sample(rng):
        m, k = int(rng.integers(2, 6)), int(rng.integers(2, 6))
        w = rng.uniform(0.2, 1.0, size=(m, k))
        return {"f": w / w.sum(), "i": int(rng.integers(m)), "j": int(rng.integers(k))}
    f = lambda e: float(e["f"][e["i"], e["j"]])
    fX = lambda e: float(e["f"][e["i"], :].sum())
    fYcol = lambda e: e["f"].sum(axis=0)
    fY = lambda e: float(fYcol(e)[e["j"]])
    fXgY = lambda e: e["f"][e["i"], :] / fYcol(e)          # f_{X|Y}(x|y') for every y'
    integral = lambda e: float(np.sum(fXgY(e) * fYcol(e)))
    rows = {
        "lhs": lambda e: f(e) / fX(e),
        "mid": lambda e: f(e) / fX(e),
        "rhs": lambda e: float(fXgY(e)[e["j"]]) * fY(e) / integral(e),
    }
    steps = tight(chain(["lhs", ("=", "mid"), ("=", "rhs")]), 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"mid": lambda e: f(e) / fY(e)},
            {"rhs": lambda e: float(fXgY(e)[e["j"]]) * fX(e) / integral(e)},
            {"rhs": lambda e: float(fXgY(e)[e["j"]]) / integral(e)},
        ],
        lookalikes=[{"rhs": lambda e: float(fXgY(e)[e["j"]]) * fY(e) / integral(e)},
                    {"rhs": lambda e: float(fXgY(e)[e["j"]]) * fY(e) / fX(e)}])


MODELS["s17d_bayes_continuous_cs229notes"] = _bayes_cont()

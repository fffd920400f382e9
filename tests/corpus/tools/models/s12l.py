"""Truth models of the s12l_ entries (a held-out set from lecture notes, study notes, Q&A
answers, a README and a Wikipedia mirror: cross-entropy as entropy plus KL, mutual information
and entropy, the nonnegativity of KL by Jensen, the softmax cross-entropy gradient, the
differential entropy of a Gaussian, the chain rule of conditional entropy, H <= log n, the
derivative of binary cross-entropy in the logit). Discrete identities on random positive pmfs
and joints; Gaussian integrals by the trapezoidal rule on a wide fine grid; derivatives by the
complex step."""

from __future__ import annotations

import math

import numpy as np

from .base import Model, Step, chain, joint, pmf, tight

LOG = np.log
EXP = np.exp
H_STEP = 1e-20


def _d(f, v):
    """f'(v) by the complex step."""
    return float(np.imag(f(v + 1j * H_STEP)) / H_STEP)


# ------------------------------------------------------------------ cross-entropy = entropy + KL (lecture notes)

def _ce_decomp():
    def sample(rng):
        n = int(rng.integers(2, 7))
        return {"p": pmf(rng, n), "q": pmf(rng, n)}
    p, q = (lambda e: e["p"]), (lambda e: e["q"])
    S = lambda v: float(np.sum(v))
    ce = lambda e: -S(p(e) * LOG(q(e)))
    ent = lambda e: -S(p(e) * LOG(p(e)))
    kl = lambda e, a, b: S(a * LOG(a / b))
    rows = {
        "H": ce, "d1": ce, "d2": lambda e: -S(p(e) * LOG(q(e))),
        "t": lambda e: ent(e) + kl(e, p(e), q(e)),
        "a1": ce,
        "a2": lambda e: -S(p(e) * LOG(q(e) * p(e) / p(e))),
        "a3": lambda e: -S(p(e) * (LOG(p(e)) + LOG(q(e) / p(e)))),
        "a4": lambda e: -S(p(e) * LOG(p(e))) + S(p(e) * LOG(p(e) / q(e))),
    }
    steps = tight(chain(["H", ("=", "d1"), ("=", "d2")]) + [Step("=", "H", "t")]
                   + chain(["H", ("=", "a1"), ("=", "a2"), ("=", "a3"), ("=", "a4")]), 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"a2": lambda e: -S(p(e) * LOG(q(e) * p(e) / q(e)))},
            {"a3": lambda e: -S(p(e) * (LOG(p(e)) - LOG(q(e) / p(e))))},
            {"t": lambda e: ent(e) + kl(e, q(e), p(e))},
            {"d2": lambda e: -S(q(e) * LOG(q(e)))},
            {"a4": lambda e: -S(p(e) * LOG(p(e))) + S(p(e) * LOG(q(e) / p(e)))},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ mutual information and entropy (EIT notes)

def _mi_entropy():
    def sample(rng):
        return {"J": joint(rng, int(rng.integers(2, 5)), int(rng.integers(2, 5)))}
    J = lambda e: e["J"]
    px = lambda e: J(e).sum(axis=1, keepdims=True)
    py = lambda e: J(e).sum(axis=0, keepdims=True)
    S = lambda e, v: float(np.sum(J(e) * v))
    HX = lambda e: -float(np.sum(px(e) * LOG(px(e))))
    HY = lambda e: -float(np.sum(py(e) * LOG(py(e))))
    HXY = lambda e: -S(e, LOG(J(e)))
    HXgY = lambda e: -S(e, LOG(J(e) / py(e)))
    HYgX = lambda e: -S(e, LOG(J(e) / px(e)))
    mi = lambda e: S(e, LOG(J(e) / (px(e) * py(e))))
    mi_yx = lambda e: float(np.sum(J(e).T * LOG(J(e).T / (py(e).T * px(e).T))))

    def mi_self(e):
        P = px(e).ravel()                    # the joint of (X, X): P on the diagonal
        return float(np.sum(P * LOG(P / (P * P))))
    rows = {
        "I": mi, "r1": mi,
        "r2": lambda e: S(e, LOG((J(e) / py(e)) / px(e))),
        "r3": lambda e: -S(e, LOG(px(e))) + S(e, LOG(J(e) / py(e))),
        "r4": lambda e: HX(e) - HXgY(e),
        "t1": lambda e: HX(e) - HXgY(e), "t2": lambda e: HY(e) - HYgX(e),
        "t3": lambda e: HX(e) + HY(e) - HXY(e), "IYX": mi_yx,
        "IXX": mi_self, "HX": HX,
    }
    steps = tight(chain(["I", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4")])
                   + [Step("=", "I", "t1"), Step("=", "I", "t2"), Step("=", "I", "t3"), Step("=", "I", "IYX"),
                      Step("=", "IXX", "HX")], 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r2": lambda e: S(e, LOG((J(e) / px(e)) / px(e)))},
            {"r3": lambda e: -S(e, LOG(px(e))) - S(e, LOG(J(e) / py(e)))},
            {"t3": lambda e: HX(e) + HY(e) + HXY(e)},
            {"t2": lambda e: HY(e) - HXgY(e)},
            {"HX": lambda e: 0.0},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ KL >= 0 by Jensen (techqa 2031062)

def _kl_jensen():
    def sample(rng):
        n = int(rng.integers(2, 7))
        return {"p": pmf(rng, n), "q": pmf(rng, n)}
    p, q = (lambda e: e["p"]), (lambda e: e["q"])
    S = lambda v: float(np.sum(v))
    rows = {
        "KL": lambda e: S(p(e) * LOG(p(e) / q(e))),
        "a": lambda e: -S(p(e) * LOG(q(e) / p(e))),
        "b": lambda e: -float(LOG(S(p(e) * q(e) / p(e)))),
        "c": lambda e: -float(LOG(S(q(e)))),
        "z": lambda e: 0.0,
    }
    steps = tight(chain(["KL", ("=", "a"), (">=", "b"), ("=", "c"), ("=", "z")]), 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {("rel", 2): "<="},
            {"z": lambda e: 1.0},
            {"a": lambda e: -S(q(e) * LOG(q(e) / p(e)))},
            {"b": lambda e: -float(LOG(S(p(e) * p(e) / q(e))))},
        ],
        lookalikes=[{"z": lambda e: -float(LOG(1.0))}, {"a": lambda e: S(p(e) * LOG(p(e) / q(e)))}])


# ------------------------------------------------------------------ softmax cross-entropy gradient (yanfenglee)

def _softmax_ce():
    def sample(rng):
        K = int(rng.integers(2, 7))
        i, j = rng.choice(K, size=2, replace=False)
        return {"z": rng.normal(0, 1.5, size=K), "y": pmf(rng, K), "i": int(i), "j": int(j)}
    z, y, i, j = (lambda e: e["z"]), (lambda e: e["y"]), (lambda e: e["i"]), (lambda e: e["j"])
    sm = lambda v: EXP(v) / np.sum(EXP(v))
    a = lambda e: sm(z(e))

    def along(e, out, wrt, f=None):
        """d f(a(z)) / d z_wrt, f = a_out by default, by the complex step."""
        def g(t):
            v = z(e).astype(complex)
            v[wrt] = t
            s = sm(v)
            return s[out] if f is None else f(s)
        return _d(g, z(e)[wrt])
    L = lambda s, e: -np.sum(y(e) * LOG(s))
    others = lambda e: [k for k in range(len(z(e))) if k != i(e)]
    A = lambda e, k: float(a(e)[k])
    Y = lambda e, k: float(y(e)[k])

    def c2(e):
        return -Y(e, i(e)) * (1 - A(e, i(e))) - sum(Y(e, k) / A(e, k) * (-A(e, k) * A(e, i(e))) for k in others(e))

    def c3(e, sign=1):
        return -Y(e, i(e)) * (1 - A(e, i(e))) + sign * sum(Y(e, k) * A(e, i(e)) for k in others(e))

    def c4(e, all_k=False):
        ks = range(len(z(e))) if all_k else others(e)
        return -Y(e, i(e)) + Y(e, i(e)) * A(e, i(e)) + sum(Y(e, k) * A(e, i(e)) for k in ks)

    def c5(e, sign=-1):
        return A(e, i(e)) * float(np.sum(y(e))) + sign * Y(e, i(e))
    rows = {
        "dii": lambda e: along(e, i(e), i(e)), "r1": lambda e: A(e, i(e)) * (1 - A(e, i(e))),
        "dji": lambda e: along(e, j(e), i(e)), "r2": lambda e: -A(e, i(e)) * A(e, j(e)),
        "dL": lambda e: along(e, None, i(e), f=lambda s: L(s, e)),
        "c1": lambda e: -sum(Y(e, k) / A(e, k) * along(e, k, i(e)) for k in range(len(z(e)))),
        "c2": c2, "c3": c3, "c4": c4, "c5": c5, "c6": lambda e: A(e, i(e)) - Y(e, i(e)),
    }
    steps = tight([Step("=", "dii", "r1"), Step("=", "dji", "r2")]
                   + chain(["dL", ("=", "c1"), ("=", "c2"), ("=", "c3"), ("=", "c4"), ("=", "c5"), ("=", "c6")]),
                   1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"c3": lambda e: c3(e, sign=-1)},
            {"r2": lambda e: A(e, i(e)) * A(e, j(e))},
            {"c5": lambda e: c5(e, sign=+1)},
            {"r1": lambda e: A(e, i(e)) * (1 + A(e, i(e)))},
            {"c4": lambda e: c4(e, all_k=True)},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ differential entropy of a Gaussian (lecture notes)

def _gauss_entropy():
    def sample(rng):
        return {"mu": rng.uniform(-3, 3), "s": rng.uniform(0.2, 4.0)}
    mu, s = (lambda e: e["mu"]), (lambda e: e["s"])
    u = np.linspace(-14.0, 14.0, 40001)                  # x = mu + s u

    def integ(e, g):
        x = mu(e) + s(e) * u
        px = EXP(-(x - mu(e)) ** 2 / (2 * s(e) ** 2)) / math.sqrt(2 * math.pi * s(e) ** 2)
        return float(np.trapezoid(px * g(x), x))
    lp = lambda e: (lambda x: -0.5 * LOG(2 * math.pi * s(e) ** 2) - (x - mu(e)) ** 2 / (2 * s(e) ** 2))
    half = lambda e: 0.5 * math.log(2 * math.pi * s(e) ** 2)

    def r2(e, sign=-1):
        return -integ(e, lambda x: -0.5 * LOG(2 * math.pi * s(e) ** 2) + sign * (x - mu(e)) ** 2 / (2 * s(e) ** 2))

    def r3(e, two=2):
        return half(e) * integ(e, lambda x: np.ones_like(x)) + 1 / (two * s(e) ** 2) * integ(e, lambda x: (x - mu(e)) ** 2)
    rows = {
        "h": lambda e: -integ(e, lp(e)), "claim": lambda e: 0.5 * math.log(2 * math.pi * math.e * s(e) ** 2),
        "r1": lambda e: -integ(e, lp(e)), "r2": r2, "r3": r3,
        "r4": lambda e: half(e) + 0.5, "r5": lambda e: 0.5 * math.log(2 * math.pi * math.e * s(e) ** 2),
    }
    steps = tight([Step("=", "h", "claim")]
                   + chain(["h", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5")]), 1e-8)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r2": lambda e: r2(e, sign=+1)},
            {"r3": lambda e: r3(e, two=1)},
            {"r4": lambda e: half(e) + 1.0},
            {"claim": lambda e: 0.5 * math.log(2 * math.pi * s(e) ** 2)},
            {"r5": lambda e: 0.5 * math.log(2 * math.pi * math.e ** 2 * s(e) ** 2)},
        ],
        lookalikes=[{"r5": lambda e: math.log(s(e) * math.sqrt(2 * math.pi * math.e))}, {}])


# ------------------------------------------------------------------ chain rule of conditional entropy (Wikipedia mirror)

def _chain_rule():
    def sample(rng):
        return {"J": joint(rng, int(rng.integers(2, 5)), int(rng.integers(2, 5)))}
    J = lambda e: e["J"]
    px = lambda e: J(e).sum(axis=1, keepdims=True)
    py = lambda e: J(e).sum(axis=0, keepdims=True)
    S = lambda e, v: float(np.sum(J(e) * v))
    HXY = lambda e: -S(e, LOG(J(e)))
    HX = lambda e: -float(np.sum(px(e) * LOG(px(e))))
    HY = lambda e: -float(np.sum(py(e) * LOG(py(e))))
    sx = lambda e: float(np.sum(px(e) * LOG(px(e))))
    rows = {
        "HYgX": lambda e: -S(e, LOG(J(e) / px(e))),
        "r1": lambda e: S(e, LOG(px(e) / J(e))),
        "r2": lambda e: -S(e, LOG(J(e))) + S(e, LOG(px(e))),
        "r3": lambda e: HXY(e) + sx(e),
        "r4": lambda e: HXY(e) - HX(e),
    }
    steps = tight(chain(["HYgX", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4")]), 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: S(e, LOG(J(e) / px(e)))},
            {"r3": lambda e: HXY(e) - sx(e)},
            {"r4": lambda e: HXY(e) - HY(e)},
            {"r2": lambda e: -S(e, LOG(J(e))) + S(e, LOG(py(e) + 0 * J(e)))},
        ],
        lookalikes=[{}, {"r1": lambda e: S(e, LOG(1 / (J(e) / px(e))))}])


# ------------------------------------------------------------------ H <= log n (techqa 2412205)

def _entropy_logn():
    def sample(rng):
        n = int(rng.integers(2, 8))
        return {"n": n, "p": pmf(rng, n)}
    n, p = (lambda e: e["n"]), (lambda e: e["p"])
    H = lambda e: float(np.sum(p(e) * LOG(1 / p(e))))
    rows = {
        "H": H, "logn": lambda e: math.log(n(e)),
        "H2": H, "j": lambda e: float(LOG(np.sum(p(e) / p(e)))), "ln": lambda e: math.log(n(e)),
    }
    steps = tight([Step("<=", "H", "logn"), Step("<=", "H2", "j"), Step("=", "j", "ln")], 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {("rel", 1): ">="},
            {("rel", 2): ">="},
            {"ln": lambda e: float(n(e))},
            {"logn": lambda e: math.log(n(e)) - 1},
        ],
        lookalikes=[{"H2": lambda e: float(np.sum(p(e) * LOG(p(e))))}, {}])


# ------------------------------------------------------------------ BCE derivative in the logit (MSE 4227931)

def _bce_logit():
    def sample(rng):
        return {"u": rng.uniform(-5, 5), "p": rng.uniform(0, 1)}
    u, p = (lambda e: e["u"]), (lambda e: e["p"])
    sig = lambda v: EXP(v) / (1 + EXP(v))
    Lf = lambda e: (lambda v: -p(e) * LOG(sig(v)) - (1 - p(e)) * LOG(1 - sig(v)))

    def r1(e, first=None, second=None):
        U = u(e)
        a = first if first is not None else math.exp(U) / (1 + math.exp(U))
        b = second if second is not None else 1 / (1 + math.exp(U))
        return -p(e) * math.log(a) - (1 - p(e)) * math.log(b)
    rows = {
        "L": lambda e: float(Lf(e)(u(e))), "r1": r1,
        "r2": lambda e: -p(e) * u(e) + math.log(1 + math.exp(u(e))),
        "dL": lambda e: _d(Lf(e), u(e)), "r3": lambda e: float(sig(u(e))) - p(e),
    }
    steps = tight(chain(["L", ("=", "r1"), ("=", "r2")]) + [Step("=", "dL", "r3")], 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r2": lambda e: p(e) * u(e) + math.log(1 + math.exp(u(e)))},
            {"r3": lambda e: p(e) - float(sig(u(e)))},
            {"r1": lambda e: r1(e, second=math.exp(u(e)) / (1 + math.exp(u(e))))},
            {"r1": lambda e: r1(e, first=1 / (1 + math.exp(u(e))))},
        ],
        lookalikes=[{"r3": lambda e: 1 / (1 + math.exp(-u(e))) - p(e)}, {}])


MODELS = {
    "s12l_ce_decomp_mllecture": _ce_decomp(),
    "s12l_mi_entropy_eitrtd": _mi_entropy(),
    "s12l_kl_jensen_techqa": _kl_jensen(),
    "s12l_softmax_ce_yanfenglee": _softmax_ce(),
    "s12l_gauss_entropy_mllecture": _gauss_entropy(),
    "s12l_chain_rule_liquisearch": _chain_rule(),
    "s12l_entropy_logn_techqa": _entropy_logn(),
    "s12l_bce_logit_mse": _bce_logit(),
}

"""Truth models of the s19e_ entries (everyday ML calculus from blogs and notes: the entropy of a
univariate Gaussian, the diagonal of the softmax Jacobian, the log-sum-exp trick, the logistic
loss's derivative in the logit, the log-likelihood of logistic regression and its gradient).
Gaussian expectations by the trapezoid rule on a wide dense grid (spectrally accurate for a
Gaussian), derivatives by the complex step, everything else evaluated directly on random
instances."""

from __future__ import annotations

import numpy as np

from .base import Model, Step, chain
from .s8d import _dcomplex

LOG = np.log
EXP = np.exp


def _sig(z):
    return 1 / (1 + EXP(-z))


# ------------------------------------------------------------------ Gaussian entropy (Gundersen)

def _gauss_entropy():
    def sample(rng):
        mu, s = rng.uniform(-2, 2), rng.uniform(0.3, 3)
        xs = np.linspace(mu - 16 * s, mu + 16 * s, 40001)
        pdf = EXP(-(xs - mu) ** 2 / (2 * s * s)) / np.sqrt(2 * np.pi * s * s)
        return {"mu": mu, "s": s, "xs": xs, "pdf": pdf}

    def E(e, g):
        return float(np.trapezoid(e["pdf"] * g(e["xs"]), e["xs"]))

    def r2(e, power=-0.5):
        s, mu = e["s"], e["mu"]
        return -E(e, lambda x: LOG((2 * np.pi * s * s) ** power * EXP(-(x - mu) ** 2 / (2 * s * s))))

    def r3(e, c=0.5):
        s, mu = e["s"], e["mu"]
        return 0.5 * LOG(2 * np.pi * s * s) + c / s ** 2 * E(e, lambda x: (x - mu) ** 2)
    half = lambda e: 0.5 * LOG(2 * np.pi * e["s"] ** 2)
    rows = {
        "H": lambda e: -float(np.trapezoid(e["pdf"] * LOG(e["pdf"]), e["xs"])),
        "r0": lambda e: -float(np.trapezoid(e["pdf"] * LOG(e["pdf"]), e["xs"])),
        "r1": lambda e: -E(e, lambda x: LOG(EXP(-(x - e["mu"]) ** 2 / (2 * e["s"] ** 2)) / np.sqrt(2 * np.pi * e["s"] ** 2))),
        "r2": r2, "r3": r3, "r4": lambda e: half(e) + 0.5,
    }
    steps = chain(["H", ("=", "r0"), ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4")])
    for s in steps:
        s.tol = 1e-8
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: -rows["r1"](e)},
            {"r2": lambda e: r2(e, power=0.5)},
            {"r3": lambda e: r3(e, c=1.0)},
            {"r4": lambda e: half(e) + 1.0},
        ],
        lookalikes=[{}, {"r4": lambda e: 0.5 * LOG(2 * np.pi * np.e * e["s"] ** 2)}])


# ------------------------------------------------------------------ softmax Jacobian, i = j (zakariapz)

def _softmax_jacobian():
    def sample(rng):
        C = int(rng.integers(2, 7))
        a = rng.normal(0, 1.5, size=C)
        j = int(rng.integers(0, C))
        return {"a": a, "j": j, "i": j}

    def soft(a, j):
        return EXP(a[j]) / np.sum(EXP(a))

    def d(e, k, f):
        """d/da_k of f(a) at e's a, by the complex step."""
        def g(t):
            a = e["a"].astype(complex)
            a[k] = t
            return f(a)
        return _dcomplex(g, e["a"][k])
    S = lambda e: float(np.sum(EXP(e["a"])))
    p = lambda e: soft(e["a"], e["j"])
    aj = lambda e: float(e["a"][e["j"]])

    def r3(e, sign=-1, power=-2):
        return EXP(aj(e)) * S(e) ** -1 + sign * EXP(aj(e)) * S(e) ** power * EXP(aj(e))
    rows = {
        "D": lambda e: d(e, e["i"], lambda a: soft(a, e["j"])),
        "r0": lambda e: d(e, e["i"], lambda a: EXP(a[e["j"]]) / np.sum(EXP(a))),
        "r1": lambda e: d(e, e["j"], lambda a: EXP(a[e["j"]]) / np.sum(EXP(a))),
        "r2": lambda e: d(e, e["j"], lambda a: EXP(a[e["j"]]) * np.sum(EXP(a)) ** -1),
        "r3": r3, "r4": lambda e: p(e) - p(e) ** 2, "r5": lambda e: p(e) * (1 - p(e)),
    }
    steps = [Step("=", "D", "r0")] + chain(["r0", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r3": lambda e: r3(e, sign=+1)},
            {"r3": lambda e: r3(e, power=-1)},
            {"r4": lambda e: p(e) + p(e) ** 2},
            {"r5": lambda e: 1 - p(e)},
        ],
        lookalikes=[{"r5": lambda e: (1 - p(e)) * p(e)}, {"r4": lambda e: p(e) - p(e) * p(e)}])


# ------------------------------------------------------------------ log-sum-exp trick (Eisele)

def _logsumexp():
    def sample(rng):
        n = int(rng.integers(1, 7))
        return {"x": rng.normal(0, 2, size=n), "a": rng.normal(0, 2)}
    x, a = (lambda e: e["x"]), (lambda e: e["a"])
    y = lambda e: float(LOG(np.sum(EXP(x(e)))))
    lse = lambda e, shift=-1: float(LOG(np.sum(EXP(x(e) + shift * a(e)))))
    rows = {
        "L": y, "T": lambda e: a(e) + lse(e),
        "y": y, "s1": y,
        "ey": lambda e: EXP(y(e)), "s2": lambda e: float(np.sum(EXP(x(e)))),
        "l3": lambda e: EXP(-a(e)) * EXP(y(e)), "s3": lambda e: EXP(-a(e)) * float(np.sum(EXP(x(e)))),
        "l4": lambda e: EXP(y(e) - a(e)), "s4": lambda e: float(np.sum(EXP(-a(e)) * EXP(x(e)))),
        "l5": lambda e: y(e) - a(e), "s5": lse,
        "l6": y, "s6": lambda e: a(e) + lse(e),
    }
    steps = [Step("=", "L", "T")] + [Step("=", l, r) for l, r in
                                    (("y", "s1"), ("ey", "s2"), ("l3", "s3"), ("l4", "s4"), ("l5", "s5"), ("l6", "s6"))]
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"T": lambda e: a(e) + lse(e, shift=+1)},
            {"s3": lambda e: EXP(a(e)) * float(np.sum(EXP(x(e))))},
            {"l4": lambda e: EXP(y(e) + a(e))},
            {"s6": lambda e: -a(e) + lse(e)},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ logistic loss in the logit (Markdown note)

def _logreg_nll_grad():
    def sample(rng):
        return {"z": rng.normal(0, 2), "zi": rng.normal(0, 2), "y": rng.uniform(-0.5, 1.5)}
    z, zi, y = (lambda e: e["z"]), (lambda e: e["zi"]), (lambda e: e["y"])
    p = lambda e: _sig(zi(e))
    Jp = lambda e, q: -(y(e) * LOG(q) + (1 - y(e)) * LOG(1 - q))
    dJdp = lambda e: _dcomplex(lambda q: Jp(e, q), p(e))
    dJdz = lambda e: _dcomplex(lambda t: Jp(e, _sig(t)), zi(e))
    dpdz = lambda e: _dcomplex(_sig, zi(e))
    bracket = lambda e: -(y(e) / p(e) - (1 - y(e)) / (1 - p(e)))
    rows = {
        "ds": lambda e: _dcomplex(_sig, z(e)), "ds_r": lambda e: _sig(z(e)) * (1 - _sig(z(e))),
        "dp": dpdz, "dp_r": lambda e: p(e) * (1 - p(e)),
        "dJp": dJdp, "dJp_r": bracket,
        "dJz": dJdz, "c1": lambda e: dJdp(e) * dpdz(e), "c2": lambda e: bracket(e) * p(e) * (1 - p(e)),
        "dJz2": dJdz, "c3": lambda e: -(y(e) * (1 - p(e)) - (1 - y(e)) * p(e)), "c4": lambda e: p(e) - y(e),
        "dJz3": dJdz, "c5": lambda e: p(e) - y(e),
    }
    steps = [Step("=", "ds", "ds_r"), Step("=", "dp", "dp_r"), Step("=", "dJp", "dJp_r")] \
        + chain(["dJz", ("=", "c1"), ("=", "c2")]) + chain(["dJz2", ("=", "c3"), ("=", "c4")]) \
        + [Step("=", "dJz3", "c5")]
    for s in steps:
        s.tol = 1e-8
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"ds_r": lambda e: _sig(z(e)) * (1 + _sig(z(e)))},
            {"dp_r": lambda e: p(e) * (1 - p(e)) ** 2},
            {"c2": lambda e: bracket(e) * p(e)},
            {"c3": lambda e: -(y(e) * (1 - p(e)) + (1 - y(e)) * p(e))},
            {"c5": lambda e: y(e) - p(e)},
        ],
        lookalikes=[{"c1": lambda e: dpdz(e) * dJdp(e)}, {"c3": lambda e: -(y(e) - p(e))}])


# ------------------------------------------------------------------ logistic log-likelihood (Deep Dive)

def _logreg_loglik():
    def sample(rng):
        n = int(rng.integers(1, 6))
        return {"w": rng.normal(0, 1.5), "x": rng.normal(0, 1.5, size=n), "y": rng.uniform(-0.5, 1.5, size=n)}
    s = lambda e: _sig(e["w"] * e["x"])
    y = lambda e: e["y"]
    lik = lambda e, ex2=None: float(np.prod(s(e) ** y(e) * (1 - s(e)) ** (1 - y(e) if ex2 is None else ex2(e))))
    rows = {
        "J": lambda e: float(LOG(lik(e))),
        "r1": lambda e: float(LOG(lik(e))),
        "r2": lambda e: float(np.sum(LOG(s(e) ** y(e) * (1 - s(e)) ** (1 - y(e))))),
        "r3": lambda e: float(np.sum(LOG(s(e) ** y(e)) + LOG((1 - s(e)) ** (1 - y(e))))),
        "r4": lambda e: float(np.sum(y(e) * LOG(s(e)) + (1 - y(e)) * LOG(1 - s(e)))),
    }
    steps = chain(["J", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4")])
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: float(LOG(lik(e, ex2=y)))},
            {"r2": lambda e: float(LOG(np.sum(s(e) ** y(e) * (1 - s(e)) ** (1 - y(e)))))},
            {"r3": lambda e: float(np.sum(LOG(s(e) ** y(e)) - LOG((1 - s(e)) ** (1 - y(e)))))},
            {"r4": lambda e: float(np.sum(y(e) * LOG(s(e)) + (1 + y(e)) * LOG(1 - s(e))))},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ logistic gradient (Deep Dive)

def _logreg_grad():
    def sample(rng):
        return {"w": rng.normal(0, 1.5), "x": rng.normal(0, 1.5), "y": rng.uniform(-0.5, 1.5), "z": rng.normal(0, 2)}
    w, x, y, z = (lambda e: e["w"]), (lambda e: e["x"]), (lambda e: e["y"]), (lambda e: e["z"])
    s = lambda e: _sig(w(e) * x(e))
    J = lambda e, t: y(e) * LOG(_sig(t * x(e))) + (1 - y(e)) * LOG(1 - _sig(t * x(e)))
    gs = lambda e: _dcomplex(lambda t: _sig(t * x(e)), w(e))           # nabla_w sigma
    g1ms = lambda e: _dcomplex(lambda t: 1 - _sig(t * x(e)), w(e))     # nabla_w (1 - sigma)
    Y, S = y, s
    rows = {
        "ds": lambda e: _dcomplex(_sig, z(e)), "ds_r": lambda e: _sig(z(e)) * (1 - _sig(z(e))),
        "gJ": lambda e: _dcomplex(lambda t: J(e, t), w(e)),
        "r1": lambda e: _dcomplex(lambda t: y(e) * LOG(_sig(t * x(e))), w(e))
        + _dcomplex(lambda t: (1 - y(e)) * LOG(1 - _sig(t * x(e))), w(e)),
        "r2": lambda e: Y(e) / S(e) * gs(e) + (1 - Y(e)) / (1 - S(e)) * g1ms(e),
        "r3": lambda e: Y(e) / S(e) * gs(e) - (1 - Y(e)) / (1 - S(e)) * gs(e),
        "r4": lambda e: (Y(e) / S(e) - (1 - Y(e)) / (1 - S(e))) * gs(e),
        "r5": lambda e: (Y(e) * (1 - S(e)) - (1 - Y(e)) * S(e)) / (S(e) * (1 - S(e))) * gs(e),
        "r6": lambda e: (Y(e) - S(e) * Y(e) - S(e) + S(e) * Y(e)) / (S(e) * (1 - S(e))) * gs(e),
        "r7": lambda e: (Y(e) - S(e)) / (S(e) * (1 - S(e))) * gs(e),
        "r8": lambda e: (Y(e) - S(e)) / (S(e) * (1 - S(e))) * S(e) * (1 - S(e)) * x(e),
        "r9": lambda e: (Y(e) - S(e)) * x(e),
    }
    steps = [Step("=", "ds", "ds_r")] + chain(["gJ", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"),
                                              ("=", "r5"), ("=", "r6"), ("=", "r7"), ("=", "r8"), ("=", "r9")])
    for st in steps:
        st.tol = 1e-8
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"ds_r": lambda e: _sig(z(e)) * (1 + _sig(z(e)))},
            {"r2": lambda e: Y(e) / S(e) * gs(e) - (1 - Y(e)) / (1 - S(e)) * g1ms(e)},
            {"r5": lambda e: (Y(e) * (1 - S(e)) + (1 - Y(e)) * S(e)) / (S(e) * (1 - S(e))) * gs(e)},
            {"r6": lambda e: (Y(e) - S(e) * Y(e) + S(e) + S(e) * Y(e)) / (S(e) * (1 - S(e))) * gs(e)},
            {"r9": lambda e: (S(e) - Y(e)) * x(e)},
        ],
        lookalikes=[{}, {}])


MODELS = {
    "s19e_gauss_entropy_gundersen": _gauss_entropy(),
    "s19e_softmax_jacobian_zakariapz": _softmax_jacobian(),
    "s19e_logsumexp_proof_eisele": _logsumexp(),
    "s19e_logreg_nll_grad_notes": _logreg_nll_grad(),
    "s19e_logreg_loglik_deepdive": _logreg_loglik(),
    "s19e_logreg_grad_deepdive": _logreg_grad(),
}

"""Truth models of the s22b_ entries (a held-out set on the mathematics of training deep
networks: Adam's second-moment bias correction after a Jupyter memo, the unrolled EMA and its
biased mean after a blog post, the variance of a sum of products behind Xavier initialisation
after a Q&A answer, He initialisation after lecture notes, perplexity as exponentiated
cross-entropy after a blog post). Random variables on small finite supports, expectations and
variances by exact enumeration of the product space (independent of the linearity and
independence arguments the files make); the recursions run as recursions."""

from __future__ import annotations

import itertools

import numpy as np

from .base import Model, Step, chain, tight

LOG = np.log


def _law(rng, k, mean=None, symmetric=False):
    """A finite law: (values, probabilities); mean 0 (or the given mean) when asked."""
    if symmetric:
        a = rng.uniform(0.2, 2.0, size=k)
        w = rng.uniform(0.2, 1.0, size=k)
        vals = np.concatenate([a, -a])
        probs = np.concatenate([w, w])
        return vals, probs / probs.sum()
    vals = rng.normal(0, 1.5, size=k)
    probs = rng.uniform(0.2, 1.0, size=k)
    probs = probs / probs.sum()
    if mean is not None:
        vals = vals - float(np.sum(vals * probs)) + mean
    return vals, probs


def _expect(laws, fun):
    """E[fun(v_1, …, v_m)] for independent v_j with the given finite laws, by enumeration."""
    total = 0.0
    for combo in itertools.product(*[range(len(v)) for v, _ in laws]):
        w = 1.0
        xs = []
        for (vals, probs), c in zip(laws, combo):
            w *= probs[c]
            xs.append(vals[c])
        total += w * fun(xs)
    return total


# ------------------------------------------------------------------ Adam's v_t bias (Yale memo)

def _adam_vt():
    def sample(rng):
        t = int(rng.integers(2, 5))
        laws = [_law(rng, int(rng.integers(2, 4))) for _ in range(t)]   # g_1 … g_t, not identical
        draw = [float(rng.choice(v, p=p)) for v, p in laws]              # one realisation
        return {"t": t, "b": float(rng.uniform(0.05, 0.95)), "laws": laws, "g": draw}
    T, B = (lambda e: e["t"]), (lambda e: e["b"])

    def vrec(b, gs, v0=0.0):
        v = v0
        for g in gs:
            v = b * v + (1 - b) * g * g
        return v
    Eg2 = lambda e, i: _expect([e["laws"][i - 1]], lambda xs: xs[0] ** 2)       # E[g_i^2]
    Eg = lambda e, i: _expect([e["laws"][i - 1]], lambda xs: xs[0])
    g = lambda e, i: e["g"][i - 1]
    S = lambda e, f, top=None: sum(B(e) ** (T(e) - i) * f(e, i) for i in range(1, (top or T(e)) + 1))

    def r1(e, k=0):          # beta^{t-k} v_0 + (1-b) sum …  (v_0 = 0)
        return B(e) ** (T(e) - k) * 0.0 + (1 - B(e)) * S(e, lambda e, i: g(e, i) ** 2)

    def r6(e, last=None):
        t, b = T(e), B(e)
        terms = [b ** k * Eg2(e, t - k) for k in range(t - 1)]
        terms.append((b ** (t - 1) if last is None else last) * Eg2(e, 1))
        return (1 - b) * sum(terms)

    def r7(e, sign=-1.0):
        t, b = T(e), B(e)
        a = [Eg2(e, t - k) for k in range(t)]                # a_k = E[g_{t-k}^2]
        return 1 * a[0] + sum(b ** k * (a[k] - a[k - 1]) for k in range(1, t)) + sign * b ** t * a[t - 1]
    rows = {
        "v": lambda e: vrec(B(e), e["g"]),
        "r1": r1,
        "r2": lambda e: (1 - B(e)) * S(e, lambda e, i: g(e, i) ** 2),
        "Ev": lambda e: _expect(e["laws"], lambda xs: vrec(B(e), xs)),
        "r3": lambda e: (1 - B(e)) * _expect(e["laws"], lambda xs: sum(B(e) ** (T(e) - i) * xs[i - 1] ** 2
                                                                        for i in range(1, T(e) + 1))),
        "r4": lambda e: (1 - B(e)) * S(e, Eg2),
        "Ev5": lambda e: _expect(e["laws"], lambda xs: vrec(B(e), xs)),
        "r5": lambda e: (1 - B(e)) * S(e, Eg2),
        "r6": r6, "r7": r7,
    }
    steps = tight(chain(["v", ("=", "r1"), ("=", "r2")]) + chain(["Ev", ("=", "r3"), ("=", "r4")])
                   + chain(["Ev5", ("=", "r5"), ("=", "r6"), ("=", "r7")]), 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r2": lambda e: (1 - B(e)) * S(e, lambda e, i: g(e, i) ** 2, top=T(e) - 1)},
            {"r4": lambda e: (1 - B(e)) * S(e, lambda e, i: Eg(e, i) ** 2)},
            {"r6": lambda e: r6(e, last=B(e) ** T(e))},
            {"r7": lambda e: r7(e, sign=+1.0)},
        ],
        lookalikes=[{"r1": lambda e: r1(e, k=1)}, {}, {}])


# ------------------------------------------------------------------ the unrolled EMA (nadavb)

def _ema():
    def sample(rng):
        t = int(rng.integers(2, 8))
        mu = float(rng.normal(0, 1.5))
        laws = [_law(rng, int(rng.integers(2, 4)), mean=mu) for _ in range(max(t, 3))]
        return {"t": t, "b": float(rng.uniform(0.05, 0.95)), "mu": mu, "laws": laws,
                "g": [float(rng.choice(v, p=p)) for v, p in laws]}
    T, B = (lambda e: e["t"]), (lambda e: e["b"])

    def mrec(b, gs):
        m = 0.0                                  # m_0 = 0
        for x in gs:
            m = b * m + (1 - b) * x
        return m
    g = lambda e, i: e["g"][i - 1]
    m = lambda e, k: mrec(B(e), e["g"][:k])

    def series(e, start=0):
        i = np.arange(start, 4000)
        return float(np.sum((1 - B(e)) * B(e) ** i))

    def r12(e, rev=False):
        t, b = T(e), B(e)
        return (1 - b) * sum(b ** i * (g(e, i + 1) if rev else g(e, t - i)) for i in range(t))
    rows = {
        "S7": series, "one": lambda e: 1.0,
        "m1": lambda e: m(e, 1), "r9": lambda e: (1 - B(e)) * g(e, 1),
        "m2": lambda e: m(e, 2), "r10": lambda e: B(e) * (1 - B(e)) * g(e, 1) + (1 - B(e)) * g(e, 2),
        "m3": lambda e: m(e, 3),
        "r11": lambda e: B(e) ** 2 * (1 - B(e)) * g(e, 1) + B(e) * (1 - B(e)) * g(e, 2) + (1 - B(e)) * g(e, 3),
        "mt": lambda e: m(e, T(e)), "r12": r12,
        "S13": lambda e: sum((1 - B(e)) * B(e) ** i for i in range(T(e))), "r13": lambda e: 1 - B(e) ** T(e),
        "Em": lambda e: _expect(e["laws"][:T(e)], lambda xs: mrec(B(e), xs)),
        "r15": lambda e: (1 - B(e) ** T(e)) * e["mu"],
    }
    steps = tight([Step("=", "S7", "one"), Step("=", "m1", "r9"), Step("=", "m2", "r10"), Step("=", "m3", "r11"),
                    Step("=", "mt", "r12"), Step("=", "S13", "r13"), Step("=", "Em", "r15")], 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r10": lambda e: B(e) ** 2 * (1 - B(e)) * g(e, 1) + (1 - B(e)) * g(e, 2)},
            {"r12": lambda e: r12(e, rev=True)},
            {"r13": lambda e: 1 - B(e) ** (T(e) + 1)},
            {"r15": lambda e: (1 - B(e)) ** T(e) * e["mu"]},
            {"S7": lambda e: series(e, start=1)},
        ],
        lookalikes=[{}, {"S13": lambda e: (1 - B(e)) * sum(B(e) ** i for i in range(T(e)))}, {}])


# ------------------------------------------------------------------ Var(sum W_i X_i) (Q&A answer)

def _xavier():
    def sample(rng):
        n = int(rng.integers(2, 4))
        lw, lx = _law(rng, int(rng.integers(2, 4)), mean=0.0), _law(rng, int(rng.integers(2, 4)), mean=0.0)
        return {"n": n, "W": lw, "X": lx}
    N = lambda e: e["n"]
    laws = lambda e: [e["W"]] * N(e) + [e["X"]] * N(e)         # W_1..W_n, X_1..X_n independent

    def E(e, f):
        n = N(e)
        return _expect(laws(e), lambda v: f(np.array(v[:n]), np.array(v[n:])))
    var = lambda e, f: E(e, lambda w, x: f(w, x) ** 2) - E(e, f) ** 2
    cov = lambda e, f, h: E(e, lambda w, x: f(w, x) * h(w, x)) - E(e, f) * E(e, h)
    one = lambda e, f: _expect([e["W"], e["X"]], lambda v: f(v[0], v[1]))      # one pair W_i, X_i
    sum_var = lambda e: sum(var(e, lambda w, x, i=i: w[i] * x[i]) for i in range(N(e)))
    sum_cov = lambda e: sum(cov(e, lambda w, x, i=i: w[i] * x[i], lambda w, x, j=j: w[j] * x[j])
                            for i in range(N(e)) for j in range(i + 1, N(e)))
    EW2, EX2 = (lambda e: one(e, lambda w, x: w * w)), (lambda e: one(e, lambda w, x: x * x))
    VW = lambda e: EW2(e) - one(e, lambda w, x: w) ** 2
    VX = lambda e: EX2(e) - one(e, lambda w, x: x) ** 2
    rows = {
        "V": lambda e: var(e, lambda w, x: float(np.sum(w * x))),
        "r1": lambda e: sum_var(e) + 2 * sum_cov(e),
        "r2": sum_var,
        "r3": lambda e: N(e) * (one(e, lambda w, x: w * w * x * x) - one(e, lambda w, x: w * x) ** 2),
        "r4": lambda e: N(e) * EX2(e) * EW2(e),
        "r5": lambda e: N(e) * (VX(e) * VW(e)),
    }
    steps = tight(chain(["V", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5")]), 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: N(e) * sum_var(e) + 2 * sum_cov(e)},
            {"r4": lambda e: N(e) ** 2 * EX2(e) * EW2(e)},
            {"r5": lambda e: N(e) * (VX(e) + VW(e))},
            {"r2": lambda e: N(e) * VW(e)},
        ],
        lookalikes=[{"r1": lambda e: sum_var(e) + sum_cov(e)},
                    {"r3": lambda e: N(e) * (one(e, lambda w, x: w * w * x * x) - one(e, lambda w, x: w * x))},
                    {}])


# ------------------------------------------------------------------ He initialisation (4C16 notes)

def _he():
    def sample(rng):
        n = int(rng.integers(1, 4))
        return {"n": n, "W": _law(rng, int(rng.integers(2, 4)), mean=0.0),
                "Y": _law(rng, int(rng.integers(1, 3)), symmetric=True)}
    N = lambda e: e["n"]
    relu = lambda y: max(y, 0.0)

    def E(e, f):
        n = N(e)
        return _expect([e["W"]] * n + [e["Y"]] * n, lambda v: f(v[:n], [relu(y) for y in v[n:]]))
    VarYl = lambda e: (E(e, lambda w, x: sum(a * b for a, b in zip(w, x)) ** 2)
                       - E(e, lambda w, x: sum(a * b for a, b in zip(w, x))) ** 2)
    one = lambda e, f: _expect([e["W"], e["Y"]], lambda v: f(v[0], relu(v[1])))
    Vw = lambda e: one(e, lambda w, x: w * w) - one(e, lambda w, x: w) ** 2
    Ex2 = lambda e: one(e, lambda w, x: x * x)
    Vx = lambda e: Ex2(e) - one(e, lambda w, x: x) ** 2
    VarY = lambda e: _expect([e["Y"]], lambda v: v[0] ** 2) - _expect([e["Y"]], lambda v: v[0]) ** 2
    Vwx = lambda e: one(e, lambda w, x: (w * x) ** 2) - one(e, lambda w, x: w * x) ** 2
    rows = {
        "V": VarYl, "r1": lambda e: N(e) * Vwx(e), "r2": lambda e: N(e) * Vw(e) * Ex2(e),
        "Ex2": Ex2, "half": lambda e: 0.5 * VarY(e),
        "V3": VarYl, "r3": lambda e: 0.5 * N(e) * Vw(e) * VarY(e),
    }
    steps = tight(chain(["V", ("=", "r1"), ("=", "r2")]) + [Step("=", "Ex2", "half"), Step("=", "V3", "r3")], 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r2": lambda e: N(e) * Vw(e) * Vx(e)},
            {"r1": lambda e: N(e) ** 2 * Vwx(e)},
            {"half": lambda e: 0.25 * VarY(e)},
            {"r3": lambda e: 2 * N(e) * Vw(e) * VarY(e)},
        ],
        lookalikes=[{"r2": lambda e: N(e) * one(e, lambda w, x: w * w) * Ex2(e)}, {}, {}])


# ------------------------------------------------------------------ perplexity (brenocon)

def _perplexity():
    def sample(rng):
        k = int(rng.integers(2, 6))
        n = int(rng.integers(k + 1, 4 * k + 2))
        p = rng.uniform(0.1, 1.0, size=k)
        x = rng.integers(0, k, size=n)
        return {"K": k, "N": n, "p": p / p.sum(), "x": x,
                "phat": np.bincount(x, minlength=k) / n}
    P, PH = (lambda e: e["p"]), (lambda e: e["phat"])

    def xent(a, b):
        with np.errstate(divide="ignore", invalid="ignore"):
            terms = np.where(a > 0, a * LOG(b), 0.0)
        return float(-np.sum(terms))
    rows = {
        "nll": lambda e: -1 / e["N"] * float(np.sum(LOG(P(e)[e["x"]]))),
        "r1": lambda e: xent(PH(e), P(e)),
        "H": lambda e: xent(PH(e), P(e)),
        "ppl": lambda e: float(np.exp(-np.sum(P(e) * LOG(P(e))))),
        "r3": lambda e: float(np.exp(np.sum(LOG(P(e) ** -P(e))))),
        "r4": lambda e: float(np.prod(P(e) ** -P(e))),
    }
    steps = tight(chain(["nll", ("=", "r1"), ("=", "H")]) + chain(["ppl", ("=", "r3"), ("=", "r4")]), 1e-9)

    def swapped(e):
        with np.errstate(divide="ignore"):
            return float(-np.sum(P(e) * LOG(PH(e))))
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r3": lambda e: float(np.exp(np.sum(LOG(P(e) ** P(e)))))},
            {"r4": lambda e: float(np.sum(P(e) ** -P(e)))},
            {"r1": swapped},
            {"nll": lambda e: -1 / e["K"] * float(np.sum(LOG(P(e)[e["x"]])))},
        ],
        lookalikes=[{"r4": lambda e: float(np.prod((1 / P(e)) ** P(e)))},
                    {"ppl": lambda e: float(2 ** (-np.sum(P(e) * np.log2(P(e))))),
                     "r3": lambda e: float(2 ** np.sum(np.log2(P(e) ** -P(e))))},
                    {}])


MODELS = {
    "s22b_adam_vt_bias_yalememo": _adam_vt(),
    "s22b_ema_unroll_nadavb": _ema(),
    "s22b_xavier_var_techqa": _xavier(),
    "s22b_he_init_frcs": _he(),
    "s22b_perplexity_brenocon": _perplexity(),
}

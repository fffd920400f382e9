"""Truth models of the s20a_ entries (a held-out set: an Obsidian note's proof that relative
entropy is nonnegative by Jensen and its example with a uniform q, a blog's expectation split of
the KL divergence of two multivariate Gaussians, a notebook's gradient of the softmax
cross-entropy). Laws on random finite supports (the relative-entropy proof draws p with zeros, so
that its support is a proper part of the range), the Gaussian expectations against a random
finite measure (each step there is linear in E_p over an identity that holds at every x, so any
probability measure checks it), derivatives by the complex step."""

from __future__ import annotations

import numpy as np

from .base import Model, Step, chain, tight, dc

LOG = np.log
EXP = np.exp


# ------------------------------------------------------------------ relative entropy >= 0 by Jensen

def _relent_jensen():
    def sample(rng):
        n = int(rng.integers(3, 8))
        p = rng.uniform(0.2, 1.0, size=n)
        zero = rng.uniform(size=n) < 0.35
        zero[int(rng.integers(0, n))] = False          # at least one point in the support
        if rng.uniform() < 0.25:
            zero[:] = False
        p[zero] = 0.0
        p = p / p.sum()
        q = rng.uniform(0.2, 1.0, size=n)
        return {"p": p, "q": q / q.sum()}

    S = lambda e: e["p"] > 0                            # supp p
    Ep = lambda e, g: float(np.sum(e["p"][S(e)] * g[S(e)]))
    p, q = (lambda e: e["p"]), (lambda e: e["q"])
    D = lambda e: float(np.sum(p(e)[S(e)] * LOG(p(e)[S(e)] / q(e)[S(e)])))
    logr = lambda e: LOG(np.where(S(e), p(e), 1.0) / q(e))     # log p/q on the support
    rows = {
        "mD": lambda e: -D(e),
        "a": lambda e: -Ep(e, logr(e)),
        "b": lambda e: Ep(e, -logr(e)),
        "c": lambda e: float(LOG(Ep(e, q(e) / np.where(S(e), p(e), 1.0)))),
        "d": lambda e: float(LOG(np.sum(q(e)[S(e)]))),
        "e": lambda e: 0.0,                              # log 1
        "f": lambda e: 0.0,
    }
    steps = tight(chain(["mD", ("=", "a"), ("=", "b"), ("<=", "c"), ("=", "d"), ("<=", "e"), ("=", "f")]), 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"b": lambda e: Ep(e, logr(e))},
            {("rel", 3): ">="},
            {"f": lambda e: 1.0},
            {"d": lambda e: float(LOG(np.sum(p(e)[S(e)])))},
        ],
        lookalikes=[{"a": lambda e: Ep(e, -logr(e))}, {"d": lambda e: float(LOG(np.sum(q(e)[S(e)])))}])


# ------------------------------------------------------------------ relative entropy to the uniform law

def _relent_uniform():
    def sample(rng):
        n = int(rng.integers(2, 8))
        p = rng.uniform(0.2, 1.0, size=n)
        if rng.uniform() < 0.5 and n > 2:
            p[int(rng.integers(0, n))] = 0.0
        return {"p": p / p.sum(), "n": n}
    p, N = (lambda e: e["p"]), (lambda e: e["n"])
    S = lambda e: p(e) > 0
    H = lambda e: float(-np.sum(p(e)[S(e)] * LOG(p(e)[S(e)])))
    D = lambda e: float(np.sum(p(e)[S(e)] * LOG(p(e)[S(e)] / (1.0 / N(e)))))
    rows = {
        "D": D,
        "a": lambda e: float(np.sum(p(e)[S(e)] * LOG(N(e) * p(e)[S(e)]))),
        "b": lambda e: float(np.sum(p(e)[S(e)] * LOG(p(e)[S(e)]))) + LOG(N(e)),
        "c": lambda e: LOG(N(e)) - H(e),
    }
    steps = tight(chain(["D", ("=", "a"), ("=", "b"), ("=", "c")]), 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"a": lambda e: float(np.sum(p(e)[S(e)] * LOG(p(e)[S(e)] / N(e))))},
            {"b": lambda e: float(np.sum(p(e)[S(e)] * LOG(p(e)[S(e)]))) - LOG(N(e))},
            {"c": lambda e: LOG(N(e)) + H(e)},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ KL of two multivariate Gaussians (mr-easy)

def _mvn_kl():
    def spd(rng, k):
        A = rng.normal(0, 1, size=(k, k))
        return A @ A.T + 0.5 * np.eye(k)

    def sample(rng):
        k = int(rng.integers(1, 4))
        m = int(rng.integers(3, 7))
        w = rng.uniform(0.2, 1.0, size=m)
        return {"k": k, "mp": rng.normal(0, 1, k), "mq": rng.normal(0, 1, k),
                "Sp": spd(rng, k), "Sq": spd(rng, k),
                "X": rng.normal(0, 1.5, size=(m, k)), "w": w / w.sum()}

    def logN(x, mu, S):
        k = len(mu)
        d = x - mu
        return -0.5 * k * np.log(2 * np.pi) - 0.5 * np.log(np.linalg.det(S)) - 0.5 * d @ np.linalg.solve(S, d)

    def quad(e, mu, S):
        return np.array([(x - mu) @ np.linalg.solve(S, x - mu) for x in e["X"]])
    E = lambda e, g: float(np.sum(e["w"] * g))
    lp = lambda e: np.array([logN(x, e["mp"], e["Sp"]) for x in e["X"]])
    lq = lambda e: np.array([logN(x, e["mq"], e["Sq"]) for x in e["X"]])
    ld = lambda e: float(np.log(np.linalg.det(e["Sq"]) / np.linalg.det(e["Sp"])))
    Qp = lambda e: quad(e, e["mp"], e["Sp"])
    Qq = lambda e: quad(e, e["mq"], e["Sq"])

    def r2(e, inv=False, sgn=-1):
        c = -ld(e) if inv else ld(e)
        return E(e, 0.5 * c + sgn * 0.5 * Qp(e) + 0.5 * Qq(e))

    def r4(e, half=0.5):
        return half * ld(e) - 0.5 * E(e, Qp(e)) + 0.5 * E(e, Qq(e))
    rows = {
        "D0": lambda e: E(e, lp(e) - lq(e)),
        "D": lambda e: E(e, lp(e) - lq(e)),
        "r1": lambda e: E(e, lp(e) - lq(e)),
        "r2": r2,
        "r3": lambda e: 0.5 * E(e, ld(e) + 0 * Qp(e)) - 0.5 * E(e, Qp(e)) + 0.5 * E(e, Qq(e)),
        "r4": r4,
    }
    steps = tight([Step("=", "D0", "D")] + chain(["D", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4")]), 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r2": lambda e: r2(e, inv=True)},
            {"r4": lambda e: r4(e, half=1.0)},
            {"r2": lambda e: r2(e, sgn=+1)},
            {"r1": lambda e: E(e, lq(e) - lp(e))},
        ],
        lookalikes=[{}, {"r3": lambda e: E(e, 0.5 * ld(e) + 0 * Qp(e)) - 0.5 * E(e, Qp(e)) + 0.5 * E(e, Qq(e))}])


# ------------------------------------------------------------------ softmax cross-entropy gradient (bushuhui)

def _softmax_ce():
    def sample(rng):
        n = int(rng.integers(2, 7))
        y = rng.uniform(0.1, 1.0, size=n)
        i = int(rng.integers(0, n))
        j = int((i + rng.integers(1, n)) % n)
        return {"z": rng.normal(0, 1.5, size=n), "y": y / y.sum(), "i": i, "j": j}
    z, y, I, J = (lambda e: e["z"]), (lambda e: e["y"]), (lambda e: e["i"]), (lambda e: e["j"])

    def soft(v):
        return EXP(v) / np.sum(EXP(v))

    def shift(e, idx):
        """the function t -> z with component idx replaced by t."""
        def f(t):
            v = z(e).astype(complex)
            v[idx] = t
            return v
        return f
    a = lambda e: soft(z(e))
    S = lambda e: float(np.sum(EXP(z(e))))
    ei = lambda e: float(EXP(z(e)[I(e)]))
    ej = lambda e: float(EXP(z(e)[J(e)]))
    C = lambda v, e: -np.sum(y(e) * LOG(soft(v)))
    dA = lambda e, m, idx: dc(lambda t: soft(shift(e, idx)(t))[m], z(e)[idx])   # d a_m / d z_idx

    def grad_sum(e):
        return float(sum(-y(e)[m] / a(e)[m] * dA(e, m, I(e)) for m in range(len(z(e)))))

    def u2(e, sign=-1):
        return (S(e) * ei(e) + sign * ei(e) ** 2) / S(e) ** 2

    def u3(e, sign=-1):
        return (ei(e) / S(e)) * (1 + sign * ei(e) / S(e))
    off = lambda e: [m for m in range(len(z(e))) if m != I(e)]

    def w3(e, sign=1):
        ai = a(e)[I(e)]
        return -y(e)[I(e)] + sign * y(e)[I(e)] * ai + sum(y(e)[m] * ai for m in off(e))

    def w4(e, full=True):
        ai = a(e)[I(e)]
        s = float(np.sum(y(e))) if full else sum(y(e)[m] for m in off(e))
        return -y(e)[I(e)] + ai * s
    rows = {
        "A": lambda e: dA(e, I(e), I(e)),
        "u1": lambda e: dc(lambda t: EXP(t) / (np.sum(EXP(z(e))) - EXP(z(e)[I(e)]) + EXP(t)), z(e)[I(e)]),
        "u2": u2, "u3": u3,
        "u4": lambda e: a(e)[I(e)] * (1 - a(e)[I(e)]),
        "G": lambda e: dc(lambda t: C(shift(e, I(e))(t), e), z(e)[I(e)]),
        "w1": grad_sum,
        "w2": lambda e: (-y(e)[I(e)] / a(e)[I(e)] * a(e)[I(e)] * (1 - a(e)[I(e)])
                         + sum(y(e)[m] / a(e)[m] * a(e)[I(e)] * a(e)[m] for m in off(e))),
        "w3": w3, "w4": w4,
        "w5": lambda e: -y(e)[I(e)] + a(e)[I(e)],
        "B": lambda e: dA(e, J(e), I(e)),
        "v1": lambda e: dc(lambda t: ej(e) / (np.sum(EXP(z(e))) - EXP(z(e)[I(e)]) + EXP(t)), z(e)[I(e)]),
        "v2": lambda e: (0 * S(e) - ej(e) * ei(e)) / S(e) ** 2,
        "v3": lambda e: -(ej(e) / S(e)) * (ei(e) / S(e)),
        "v4": lambda e: -a(e)[J(e)] * a(e)[I(e)],
    }
    steps = tight(chain(["A", ("=", "u1"), ("=", "u2"), ("=", "u3"), ("=", "u4")])
                   + chain(["G", ("=", "w1"), ("=", "w2"), ("=", "w3"), ("=", "w4"), ("=", "w5")])
                   + chain(["B", ("=", "v1"), ("=", "v2"), ("=", "v3"), ("=", "v4")]), 1e-8)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"u3": lambda e: u3(e, sign=+1)},
            {"u2": lambda e: u2(e, sign=+1)},
            {"w3": lambda e: w3(e, sign=-1)},
            {"w4": lambda e: w4(e, full=False)},
            {"v4": lambda e: a(e)[J(e)] * a(e)[I(e)]},
        ],
        lookalikes=[{"v4": lambda e: -a(e)[I(e)] * a(e)[J(e)]}, {"v2": lambda e: (0 - ej(e) * ei(e)) / S(e) ** 2}])


# ------------------------------------------------------------------ KL of two univariate Gaussians (a Markdown proof)

def _gauss_kl():
    def sample(rng):
        return {"mp": rng.normal(0, 1.5), "mq": rng.normal(0, 1.5), "sp": rng.uniform(0.4, 2.5),
                "sq": rng.uniform(0.4, 2.5), "x": rng.normal(0, 2.0)}
    mp, mq, sp, sq = (lambda e: e["mp"]), (lambda e: e["mq"]), (lambda e: e["sp"]), (lambda e: e["sq"])

    def grid(e):
        return np.linspace(mp(e) - 14 * sp(e), mp(e) + 14 * sp(e), 200001)

    def dens(t, m, s):
        return EXP(-(t - m) ** 2 / (2 * s ** 2)) / np.sqrt(2 * np.pi * s ** 2)

    def integ(e, f):
        t = grid(e)
        return float(np.trapezoid(f(t), t))
    p = lambda e, t: dens(t, mp(e), sp(e))
    qd = lambda e, t: dens(t, mq(e), sq(e))
    inner = lambda e, t, sgn=-1: sgn * (t - mp(e)) ** 2 / (2 * sp(e) ** 2) + (t - mq(e)) ** 2 / (2 * sq(e) ** 2)

    def rowA(e):
        t = e["x"]
        return float(LOG(1 / np.sqrt(2 * np.pi * sp(e) ** 2) * np.sqrt(2 * np.pi * sq(e) ** 2) / 1)
                     + LOG(EXP(-(t - mp(e)) ** 2 / (2 * sp(e) ** 2)) / EXP(-(t - mq(e)) ** 2 / (2 * sq(e) ** 2))))

    def rowB(e, inv=False):
        t = e["x"]
        r = sp(e) / sq(e) if inv else sq(e) / sp(e)
        return float(LOG(r) + inner(e, t))

    def r4(e, sgn=-1):
        return LOG(sq(e) / sp(e)) * integ(e, lambda t: p(e, t)) + integ(e, lambda t: p(e, t) * inner(e, t, sgn))

    def r5(e, half=-0.5, two=2.0):
        return float(LOG(sq(e) / sp(e)) + (sp(e) ** 2 + (mp(e) - mq(e)) ** 2) / (two * sq(e) ** 2) + half)
    lpq = lambda e, t: (-0.5 * LOG(2 * np.pi * sp(e) ** 2) - (t - mp(e)) ** 2 / (2 * sp(e) ** 2)
                        + 0.5 * LOG(2 * np.pi * sq(e) ** 2) + (t - mq(e)) ** 2 / (2 * sq(e) ** 2))   # log p/q
    KL = lambda e: integ(e, lambda t: p(e, t) * lpq(e, t))
    rows = {
        "P": lambda e: float(p(e, e["x"])), "Pf": lambda e: float(dens(e["x"], mp(e), sp(e))),
        "Q": lambda e: float(qd(e, e["x"])), "Qf": lambda e: float(dens(e["x"], mq(e), sq(e))),
        "KL0": KL, "KL": KL, "r1": KL, "A": rowA, "B": rowB,
        "KL3": KL, "r3": lambda e: integ(e, lambda t: p(e, t) * (LOG(sq(e) / sp(e)) + inner(e, t))),
        "KL4": KL, "r4": r4, "KL5": KL, "r5": r5,
    }
    steps = tight([Step("=", "KL0", "r1"), Step("=", "P", "Pf"), Step("=", "Q", "Qf"), Step("=", "KL", "r1"), Step("=", "A", "B"), Step("=", "KL3", "r3"),
                    Step("=", "KL4", "r4"), Step("=", "KL5", "r5")], 1e-7)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"B": lambda e: rowB(e, inv=True)},
            {"r4": lambda e: r4(e, sgn=+1)},
            {"r5": lambda e: r5(e, half=+0.5)},
            {"r5": lambda e: r5(e, two=1.0)},
        ],
        lookalikes=[{}, {}])


MODELS = {
    "s20a_relent_jensen_obsnote": _relent_jensen(),
    "s20a_relent_uniform_obsnote": _relent_uniform(),
    "s20a_mvn_kl_mreasy": _mvn_kl(),
    "s20a_softmax_ce_bushuhui": _softmax_ce(),
    "s20a_gauss_kl_proofmd": _gauss_kl(),
}

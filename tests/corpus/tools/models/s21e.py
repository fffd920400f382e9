"""Truth models of the s21e_ entries (a held-out set on VAE and diffusion-model algebra: the DDPM
ELBO expanded by the Markov property and Bayes' rule in two sources, the covariance and posterior
variance of the forward process, the expected log-density and KL divergence of full-covariance
Gaussians, and the reparameterisation trick's gradients).

The diffusion ELBOs on random finite Markov chains (k states, T steps, positive transition tables;
the forward process q from a pmf of x_0 or from a fixed x_0, the reverse model p(x_T) and
p_theta(x_{t-1} | x_t) as tables of their own): expectations by summing over every trajectory,
pointwise identities at a random trajectory; q(x_0 | x_0) = 1 and q(x_0 | x_1, x_0) = 1 as on a
finite support. The forward-process moments with exact Gaussian quadrature in the two noises
(every row is a polynomial of degree <= 2 in them) and the identity matrix I taken as the number 1
(each row is a multiple of I). The full-covariance Gaussians with random symmetric positive
definite matrices; expectations under N(mu_1, Sigma_1) of functions of degree <= 2 in x, exactly,
against the 2n sigma points mu_1 +- sqrt(n) L e_j (L L^T = Sigma_1), which have that law's mean and
covariance. The reparameterisation rows by Gauss-Hermite quadrature and a complex-step derivative
in theta."""

from __future__ import annotations

import itertools

import numpy as np

from .base import Model, Step, chain, tight

LOG = np.log
SQ = np.sqrt
H_STEP = 1e-20


def _stoch(rng, k):
    w = rng.uniform(0.2, 1.0, size=(k, k))
    return w / w.sum(axis=1, keepdims=True)


def _pmf(rng, k):
    w = rng.uniform(0.2, 1.0, size=k)
    return w / w.sum()


# ------------------------------------------------------------------ finite diffusion chains

def _chain_sample(rng, prior_x0):
    """k states, T steps: forward tables Q[i][a, b] = q(x_i = b | x_{i-1} = a) (i = 1..T), reverse
    tables P[i][b, a] = p_theta(x_{i-1} = a | x_i = b), the prior p(x_T), a trajectory."""
    k = int(rng.integers(2, 4))
    T = int(rng.integers(2, 5))
    Q = [None] + [_stoch(rng, k) for _ in range(T)]
    P = [None] + [_stoch(rng, k) for _ in range(T)]
    e = {"k": k, "T": T, "Q": Q, "P": P, "pT": _pmf(rng, k)}
    if prior_x0:
        e["q0"] = _pmf(rng, k)
        e["traj"] = tuple(int(v) for v in rng.integers(0, k, size=T + 1))   # x_0 .. x_T
    else:
        x0 = int(rng.integers(0, k))
        e["x0"] = x0
        e["traj"] = (x0,) + tuple(int(v) for v in rng.integers(0, k, size=T))
    return e


def _marg0(e, x0, i):
    """q(x_i | x_0) as a vector over x_i (i = 0: the point mass at x_0)."""
    v = np.zeros(e["k"])
    v[x0] = 1.0
    for j in range(1, i + 1):
        v = v @ e["Q"][j]
    return v


def _qf(e, i, a, b):                    # q(x_i = b | x_{i-1} = a) = q(x_i | x_{i-1}, x_0)
    return e["Q"][i][a, b]


def _pr(e, i, a, b):                    # p_theta(x_{i-1} = a | x_i = b)
    return e["P"][i][b, a]


def _qm(e, x, i):                       # q(x_i | x_0) at the trajectory x
    return _marg0(e, x[0], i)[x[i]]


def _qpost(e, x, i):                    # q(x_{i-1} | x_i, x_0) by Bayes' rule at x
    return _qf(e, i, x[i - 1], x[i]) * _qm(e, x, i - 1) / _qm(e, x, i)


def _qback(e, x, i):
    """q(x_{i-1} | x_i) of the forward joint with prior q0 (no x_0 in the condition)."""
    m = e["q0"].copy()
    for j in range(1, i):
        m = m @ e["Q"][j]
    mi = m @ e["Q"][i]
    return m[x[i - 1]] * e["Q"][i][x[i - 1], x[i]] / mi[x[i]]


def _pjoint(e, x):                      # p_theta(x_{0:T}) = p(x_T) prod p_theta(x_{i-1} | x_i)
    T = e["T"]
    return e["pT"][x[T]] * np.prod([_pr(e, i, x[i - 1], x[i]) for i in range(1, T + 1)])


def _qcond(e, x):                       # q(x_{1:T} | x_0) = prod q(x_i | x_{i-1})
    return np.prod([_qf(e, i, x[i - 1], x[i]) for i in range(1, e["T"] + 1)])


def _trajs(e, x0=None):
    """(weight, trajectory) over every trajectory: under q(x_{0:T}), or under q(. | x_0)."""
    k, T = e["k"], e["T"]
    starts = range(k) if x0 is None else [x0]
    for s in starts:
        for rest in itertools.product(range(k), repeat=T):
            x = (s,) + rest
            w = _qcond(e, x) * (e["q0"][s] if x0 is None else 1.0)
            yield w, x


def _E(e, f, x0=None):
    return float(sum(w * f(x) for w, x in _trajs(e, x0)))


# ------------------------------------------------------------------ DDPM ELBO expanded (tiny-diffusion)

def _elbo_tiny():
    def sample(rng):
        return _chain_sample(rng, prior_x0=False)
    X = lambda e: e["traj"]

    def ratio(e, x, i, den="post"):      # log p_theta(x_{i-1}|x_i) / q(...)
        d = _qpost(e, x, i) if den == "post" else _qf(e, i, x[i - 1], x[i])
        return LOG(_pr(e, i, x[i - 1], x[i]) / d)

    def S(e, x, lo=1, den="post"):
        return float(sum(ratio(e, x, i, den) for i in range(lo, e["T"] + 1)))
    lpT = lambda e, x: float(LOG(e["pT"][x[e["T"]]]))
    lqT = lambda e, x: float(LOG(_qm(e, x, e["T"])))
    tel = lambda e, x: float(sum(LOG(_qm(e, x, i - 1)) - LOG(_qm(e, x, i)) for i in range(1, e["T"] + 1)))

    def r10(e, x, sgn=1.0):
        return float(lpT(e, x) - lqT(e, x) + S(e, x, lo=2) + sgn * LOG(_pr(e, 1, x[0], x[1])))
    px0 = lambda e: _E(e, lambda x: _pjoint(e, x) / _qcond(e, x), e["x0"])          # p_theta(x_0)
    elbo = lambda e: _E(e, lambda x: float(LOG(_pjoint(e, x) / _qcond(e, x))), e["x0"])
    klpost = lambda e: _E(e, lambda x: float(LOG(_qcond(e, x) / (_pjoint(e, x) / px0(e)))), e["x0"])
    rows = {
        "logp": lambda e: float(LOG(px0(e))),
        "A1": lambda e: elbo(e) + klpost(e),
        "A2": elbo,
        "r0": lambda e: float(LOG(_pjoint(e, X(e)) / _qcond(e, X(e)))),
        "r1": lambda e: float(LOG(_pjoint(e, X(e)) / _qcond(e, X(e)))),
        "r2": lambda e: float(LOG(_pjoint(e, X(e)) / _qcond(e, X(e)))),
        "r3": lambda e: lpT(e, X(e)) + S(e, X(e), den="fwd"),
        "r4": lambda e: lpT(e, X(e)) + S(e, X(e), den="fwd"),
        "r5": lambda e: lpT(e, X(e)) + float(sum(ratio(e, X(e), i) + LOG(_qm(e, X(e), i - 1) / _qm(e, X(e), i))
                                                 for i in range(1, e["T"] + 1))),
        "r6": lambda e: lpT(e, X(e)) + S(e, X(e)) + tel(e, X(e)),
        "r7": lambda e: lpT(e, X(e)) + S(e, X(e)) + tel(e, X(e)),
        "r8": lambda e: lpT(e, X(e)) + S(e, X(e)) - lqT(e, X(e)),
        "r9": lambda e: lpT(e, X(e)) - lqT(e, X(e)) + S(e, X(e)),
        "r10": lambda e: r10(e, X(e)),
        "D": elbo,
        "D1": lambda e: _E(e, lambda x: r10(e, x), e["x0"]),
    }
    steps = tight([Step("=", "logp", "A1"), Step(">=", "A1", "A2")]
                   + chain(["r0", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5"),
                            ("=", "r6"), ("=", "r7"), ("=", "r8"), ("=", "r9"), ("=", "r10")])
                   + [Step("=", "D", "D1")], 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {("rel", 2): "<="},
            {"r3": lambda e: lpT(e, X(e)) - S(e, X(e), den="fwd")},
            {"r4": lambda e: lpT(e, X(e)) + float(sum(LOG(_pr(e, i, X(e)[i - 1], X(e)[i]) / _qpost(e, X(e), i))
                                                     for i in range(1, e["T"] + 1)))},
            {"r8": lambda e: lpT(e, X(e)) + S(e, X(e)) + lqT(e, X(e))},
            {"r10": lambda e: r10(e, X(e), sgn=-1.0)},
        ],
        lookalikes=[{}, {}, {}])


# ------------------------------------------------------------------ DDPM ELBO expanded (Ho et al., slides)

def _elbo_ho():
    def sample(rng):
        return _chain_sample(rng, prior_x0=True)
    X = lambda e: e["traj"]
    T = lambda e: e["T"]
    lp = lambda e, x, i: float(LOG(_pr(e, i, x[i - 1], x[i])))        # log p_theta(x_{i-1} | x_i)
    lq = lambda e, x, i: float(LOG(_qf(e, i, x[i - 1], x[i])))        # log q(x_i | x_{i-1})
    lpT = lambda e, x: float(LOG(e["pT"][x[T(e)]]))
    lqm = lambda e, x, i: float(LOG(_qm(e, x, i)))

    def K(e):
        return _E(e, lambda x: float(LOG(_pjoint(e, x) / _qcond(e, x))))

    def R1(e, back=False):
        if back:
            return _E(e, lambda x: float(LOG(_pjoint(e, x) / np.prod([_qback(e, x, i) for i in range(1, T(e) + 1)]))))
        return _E(e, lambda x: float(LOG(e["pT"][x[T(e)]] * np.prod([_pr(e, i, x[i - 1], x[i]) for i in range(1, T(e) + 1)])
                                          / np.prod([_qf(e, i, x[i - 1], x[i]) for i in range(1, T(e) + 1)]))))

    def R3(e, s=1.0):
        return _E(e, lambda x: -lpT(e, x) - sum(lp(e, x, i) for i in range(2, T(e) + 1)) - lp(e, x, 1)
                  + sum(lq(e, x, i) for i in range(2, T(e) + 1)) + s * lq(e, x, 1))

    def B7(e, x, inv=False):
        def term(i):
            r = _qm(e, x, i) / _qm(e, x, i - 1)
            return LOG(_qpost(e, x, i) / _pr(e, i, x[i - 1], x[i]) * (1 / r if inv else r))
        return float(sum(term(i) for i in range(2, T(e) + 1)))
    rows = {
        "K": K, "R1": R1, "mK": lambda e: -K(e),
        "R2": lambda e: _E(e, lambda x: -lpT(e, x) - sum(lp(e, x, i) for i in range(1, T(e) + 1))
                           + sum(lq(e, x, i) for i in range(1, T(e) + 1))),
        "R3": R3,
        "R4": lambda e: _E(e, lambda x: -lpT(e, x) - sum(lp(e, x, i) - lq(e, x, i) for i in range(2, T(e) + 1))
                           - (lp(e, x, 1) - lq(e, x, 1))),
        "A5": lambda e: -lpT(e, X(e)),
        "B5": lambda e: float(LOG(_qm(e, X(e), T(e)) / e["pT"][X(e)[T(e)]])) - lqm(e, X(e), T(e)),
        "A6": lambda e: -(lp(e, X(e), 1) - lq(e, X(e), 1)),
        "B6": lambda e: lq(e, X(e), 1) - lp(e, X(e), 1),
        "A7": lambda e: -sum(lp(e, X(e), i) - lq(e, X(e), i) for i in range(2, T(e) + 1)),
        "B7": lambda e: B7(e, X(e)),
        "A8": lambda e: float(sum(lqm(e, X(e), i) - lqm(e, X(e), i - 1) for i in range(2, T(e) + 1))),
        "B8": lambda e: lqm(e, X(e), T(e)) - lqm(e, X(e), 1),
        "C8": lambda e: lqm(e, X(e), T(e)) - lqm(e, X(e), 1),
    }
    steps = tight([Step("=", "K", "R1")] + chain(["mK", ("=", "R2"), ("=", "R3"), ("=", "R4")])
                   + [Step("=", "A5", "B5"), Step("=", "A6", "B6"), Step("=", "A7", "B7")]
                   + chain(["A8", ("=", "B8"), ("=", "C8")]), 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"R1": lambda e: R1(e, back=True)},
            {"R3": lambda e: R3(e, s=-1.0)},
            {"B5": lambda e: float(LOG(_qm(e, X(e), T(e)) / e["pT"][X(e)[T(e)]])) + lqm(e, X(e), T(e))},
            {"B7": lambda e: B7(e, X(e), inv=True)},
            {"B8": lambda e: lqm(e, X(e), T(e)) - lqm(e, X(e), 2)},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ forward-process covariance and posterior variance

_GH_X, _GH_W = np.polynomial.hermite_e.hermegauss(6)      # exact for polynomials of degree <= 11
_GH_W = _GH_W / _GH_W.sum()


def _Eeps(f):
    """E over independent e0, e1 ~ N(0, 1) of f(e0, e1)."""
    return float(sum(wa * wb * f(a, b) for a, wa in zip(_GH_X, _GH_W) for b, wb in zip(_GH_X, _GH_W)))


def _ddpm_var():
    def sample(rng):
        a = rng.uniform(0.05, 0.98)
        ab1 = rng.uniform(0.02, 0.98)
        return {"a": a, "ab1": ab1, "ab": a * ab1, "x0": rng.normal(0, 1.5),
                "e0": rng.normal(), "e1": rng.normal()}
    a, ab1, ab, x0 = (lambda e: e["a"]), (lambda e: e["ab1"]), (lambda e: e["ab"]), (lambda e: e["x0"])
    xm1 = lambda e, e0: SQ(ab1(e)) * x0(e) + SQ(1 - ab1(e)) * e0                     # x_{i-1}
    xi = lambda e, e0, e1: SQ(a(e)) * xm1(e, e0) + SQ(1 - a(e)) * e1                 # x_i

    def x3(e, e0, e1, drop=False):
        c = SQ(1 - ab1(e)) if drop else SQ(a(e) * (1 - ab1(e)))
        return SQ(ab(e)) * x0(e) + c * e0 + SQ(1 - a(e)) * e1
    Exi = lambda e: _Eeps(lambda e0, e1: xi(e, e0, e1))
    Exm1 = lambda e: _Eeps(lambda e0, e1: xm1(e, e0))
    cov = lambda e: _Eeps(lambda e0, e1: (xi(e, e0, e1) - Exi(e)) * (xm1(e, e0) - Exm1(e)))
    c1 = lambda e: SQ(a(e) * (1 - ab1(e)))
    c2 = lambda e: SQ(1 - a(e))
    c3 = lambda e: SQ(1 - ab1(e))

    def s4(e, second="e0"):
        return _Eeps(lambda e0, e1: (c1(e) * e0 + c2(e) * e1) * (c3(e) * (e0 if second == "e0" else e1)))
    sxy = lambda e: SQ(a(e)) * (1 - ab1(e))
    SX, SY = (lambda e: 1 - ab(e)), (lambda e: 1 - ab1(e))

    def v3(e, power=2):
        return (1 - ab1(e)) - a(e) * (1 - ab1(e)) ** power / (1 - ab(e))

    def v5(e, sgn=-1.0):
        return (1 - ab1(e)) * ((1 - ab(e) + sgn * a(e) + ab(e)) / (1 - ab(e)))

    def v6(e, sgn=-1.0):
        return (1 - ab1(e)) / (1 - ab(e)) * (1 + sgn * a(e))
    E0, E1 = (lambda e: e["e0"]), (lambda e: e["e1"])
    rows = {
        "x1": lambda e: float(xi(e, E0(e), E1(e))),
        "x2": lambda e: float(SQ(a(e)) * (SQ(ab1(e)) * x0(e) + SQ(1 - ab1(e)) * E0(e)) + SQ(1 - a(e)) * E1(e)),
        "x3": lambda e: float(x3(e, E0(e), E1(e))),
        "S0": cov,
        "S1": lambda e: _Eeps(lambda e0, e1: (xi(e, e0, e1) - SQ(ab(e)) * x0(e)) * (xm1(e, e0) - SQ(ab1(e)) * x0(e))),
        "S2": lambda e: _Eeps(lambda e0, e1: (x3(e, e0, e1) - SQ(ab(e)) * x0(e))
                              * (SQ(ab1(e)) * x0(e) + SQ(1 - ab1(e)) * e0 - SQ(ab1(e)) * x0(e))),
        "S3": s4,
        "S4": lambda e: _Eeps(lambda e0, e1: SQ(a(e)) * (1 - ab1(e)) * e0 ** 2 + c2(e) * c3(e) * e1 * e0),
        "S5": lambda e: sxy(e) * 1.0 + 0,
        "S6": sxy,
        "V0": lambda e: SY(e) - sxy(e) * (1 / SX(e)) * sxy(e),     # Sigma_Y - Sigma_YX Sigma_X^{-1} Sigma_XY
        "V1": lambda e: (1 - ab1(e)) - SQ(a(e)) * (1 - ab1(e)) * (1 / (1 - ab(e))) * SQ(a(e)) * (1 - ab1(e)),
        "V2": v3,
        "V3": lambda e: (1 - ab1(e)) * (1 - a(e) * (1 - ab1(e)) / (1 - ab(e))),
        "V4": v5,
        "V5": v6,
    }
    steps = tight(chain(["x1", ("=", "x2"), ("=", "x3")])
                   + chain(["S0", ("=", "S1"), ("=", "S2"), ("=", "S3"), ("=", "S4"), ("=", "S5"), ("=", "S6")])
                   + chain(["V0", ("=", "V1"), ("=", "V2"), ("=", "V3"), ("=", "V4"), ("=", "V5")]), 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"x3": lambda e: float(x3(e, E0(e), E1(e), drop=True))},
            {"S5": lambda e: a(e) * (1 - ab1(e)) + 0},
            {"S3": lambda e: s4(e, second="e1")},
            {"V2": lambda e: v3(e, power=1)},
            {"V5": lambda e: v6(e, sgn=+1.0)},
            {"V4": lambda e: v5(e, sgn=+1.0)},
        ],
        lookalikes=[{}, {}, {}])


# ------------------------------------------------------------------ full-covariance Gaussians

def _spd(rng, n):
    A = rng.normal(0, 1, size=(n, n))
    return A @ A.T + 0.5 * np.eye(n)


def _mvn():
    def sample(rng):
        n = int(rng.integers(1, 4))
        return {"n": n, "m1": rng.normal(0, 1, n), "m2": rng.normal(0, 1, n), "m": rng.normal(0, 1, n),
                "S1": _spd(rng, n), "S2": _spd(rng, n), "S": _spd(rng, n)}
    n = lambda e: e["n"]

    def sigma_points(mu, S):
        L = np.linalg.cholesky(S)
        k = len(mu)
        pts = [mu + np.sqrt(k) * L[:, j] for j in range(k)] + [mu - np.sqrt(k) * L[:, j] for j in range(k)]
        return pts, np.full(2 * k, 1.0 / (2 * k))

    def E1(e, f):                      # E_{x ~ N(mu_1, Sigma_1)}[f(x)], f of degree <= 2
        pts, w = sigma_points(e["m1"], e["S1"])
        return float(sum(wi * f(x) for x, wi in zip(pts, w)))
    quad = lambda x, mu, S: float((x - mu) @ np.linalg.solve(S, x - mu))
    ld = lambda S: float(np.log(np.linalg.det(S)))
    tr = lambda A: float(np.trace(A))
    L2P = float(np.log(2 * np.pi))

    def logN(x, mu, S):
        return -0.5 * len(mu) * L2P - 0.5 * ld(S) - 0.5 * quad(x, mu, S)
    m1, m2, S1, S2 = (lambda e: e["m1"]), (lambda e: e["m2"]), (lambda e: e["S1"]), (lambda e: e["S2"])
    d = lambda e: m1(e) - m2(e)
    Q12 = lambda e: float(d(e) @ np.linalg.solve(S2(e), d(e)))
    T21 = lambda e: tr(np.linalg.solve(S2(e), S1(e)))

    def a4(e, inv=False):
        t = tr(np.linalg.solve(S1(e), S2(e))) if inv else T21(e)
        return 0.5 * (-n(e) * L2P - ld(S2(e)) - t - Q12(e))

    def a5(e, sgn=-1.0):
        return sgn * 0.5 * (n(e) * L2P + ld(S2(e)) + T21(e) + Q12(e))
    kl = lambda e: E1(e, lambda x: logN(x, m1(e), S1(e)) - logN(x, m2(e), S2(e)))
    upper = lambda e: 0.5 * (n(e) * L2P + ld(S2(e)) + T21(e) + Q12(e))

    def k4(e, flip=False):
        r = ld(S1(e)) - ld(S2(e)) if flip else ld(S2(e)) - ld(S1(e))
        return 0.5 * (r + T21(e) + Q12(e) - n(e))

    def std(e, sgn=1.0):
        m, S = e["m"], e["S"]
        return 0.5 * (-ld(S) + sgn * tr(S) + float(m @ m) - n(e))

    def std_kl(e):
        # KL[N(m, S) || N(0, I)] by expectations at N(m, S)'s sigma points
        L = np.linalg.cholesky(e["S"])
        k = n(e)
        pts = [e["m"] + np.sqrt(k) * L[:, j] for j in range(k)] + [e["m"] - np.sqrt(k) * L[:, j] for j in range(k)]
        z = np.zeros(k)
        return float(np.mean([logN(x, e["m"], e["S"]) - logN(x, z, np.eye(k)) for x in pts]))
    rows = {
        "a0": lambda e: E1(e, lambda x: logN(x, m2(e), S2(e))),
        "a1": lambda e: E1(e, lambda x: -n(e) / 2 * L2P - 0.5 * ld(S2(e)) - 0.5 * quad(x, m2(e), S2(e))),
        "a2": lambda e: 0.5 * E1(e, lambda x: -n(e) * L2P - ld(S2(e)) - quad(x, m2(e), S2(e))),
        "a3": lambda e: 0.5 * (-n(e) * L2P - ld(S2(e)) - E1(e, lambda x: quad(x, m2(e), S2(e)))),
        "a4": a4, "a5": a5,
        "k0": kl,
        "k1": lambda e: E1(e, lambda x: logN(x, m1(e), S1(e))) - E1(e, lambda x: logN(x, m2(e), S2(e))),
        "k2": lambda e: -0.5 * (n(e) * L2P + ld(S1(e)) + tr(np.linalg.solve(S1(e), S1(e))) + 0.0) + upper(e),
        "k3": lambda e: -0.5 * (n(e) * L2P + ld(S1(e)) + tr(np.eye(n(e)))) + upper(e),
        "k4": k4,
        "s0": std_kl, "s1": std,
    }
    steps = tight(chain(["a0", ("=", "a1"), ("=", "a2"), ("=", "a3"), ("=", "a4"), ("=", "a5")])
                   + chain(["k0", ("=", "k1"), ("=", "k2"), ("=", "k3"), ("=", "k4")])
                   + [Step("=", "s0", "s1")], 1e-8)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"a4": lambda e: a4(e, inv=True)},
            {"a5": lambda e: a5(e, sgn=+1.0)},
            {"k4": lambda e: k4(e, flip=True)},
            {"s1": lambda e: std(e, sgn=-1.0)},
        ],
        lookalikes=[{}, {}, {}])


# ------------------------------------------------------------------ reparameterisation trick (Erdogan)

def _reparam():
    xs, ws = np.polynomial.hermite_e.hermegauss(12)
    ws = ws / ws.sum()

    def sample(rng):
        return {"th": rng.normal(0, 2.0)}
    th = lambda e: e["th"]
    Eq = lambda t, f: sum(w * f(t + z) for z, w in zip(xs, ws))      # x ~ N(t, 1)
    Ep = lambda f: sum(w * f(z) for z, w in zip(xs, ws))             # eps ~ N(0, 1)
    d = lambda F, t: float(np.imag(F(t + 1j * H_STEP)) / H_STEP)
    rows = {
        "g": lambda e: d(lambda t: Eq(t, lambda x: x ** 2), th(e)),
        "g1": lambda e: float(Eq(th(e), lambda x: x ** 2 * (x - th(e)))),
        "m": lambda e: float(Eq(th(e), lambda x: x ** 2)),
        "m1": lambda e: float(Ep(lambda z: (th(e) + z) ** 2)),
        "h": lambda e: d(lambda t: Eq(t, lambda x: x ** 2), th(e)),
        "h1": lambda e: d(lambda t: Ep(lambda z: (t + z) ** 2), th(e)),
        "h2": lambda e: float(Ep(lambda z: 2 * (th(e) + z))),
    }
    steps = tight([Step("=", "g", "g1"), Step("=", "m", "m1")] + chain(["h", ("=", "h1"), ("=", "h2")]), 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"g1": lambda e: float(Eq(th(e), lambda x: x ** 2 * (x + th(e))))},
            {"m1": lambda e: float(Ep(lambda z: (th(e) + 2 * z) ** 2))},
            {"h2": lambda e: float(Ep(lambda z: (th(e) + z)))},
        ],
        lookalikes=[{"m1": lambda e: float(Ep(lambda z: (th(e) - z) ** 2))},
                    {"m1": lambda e: float(Ep(lambda z: th(e) ** 2 + z ** 2))},
                    {}])


MODELS = {
    "s21e_ddpm_elbo_tinydiffusion": _elbo_tiny(),
    "s21e_ddpm_elbo_ptrtella": _elbo_ho(),
    "s21e_ddpm_posterior_var_tinydiffusion": _ddpm_var(),
    "s21e_mvn_logexp_kl_gaussmd": _mvn(),
    "s21e_reparam_grad_gokererdogan": _reparam(),
}

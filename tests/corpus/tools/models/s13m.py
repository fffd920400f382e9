"""Truth models of the s13m_ entries (a held-out set of probability and statistics derivations
from Q&A threads, a theorem index, a blog post, R Markdown notes and a problem site: the Poisson
variance by LOTUS, the moments of the exponential law, the unbiased sample variance, the MSE as
variance plus squared bias, the exponential rate's maximum likelihood, the Beta-Bernoulli
posterior mean). Poisson series summed far into the tail, exponential moments by Gauss-Laguerre
quadrature (exact for the polynomial integrands), i.i.d. samples as exact product laws of a
random law on a few points, Beta means by Euler's Beta function (log-gamma)."""

from __future__ import annotations

import itertools
import math

import numpy as np

from .base import Model, Step, chain, pmf, tight

LOG = np.log
EXP = np.exp


# ------------------------------------------------------------------ Poisson variance by LOTUS (techqa)

def _poisson_var():
    K = np.arange(0, 400, dtype=float)
    LGK = np.array([math.lgamma(k + 1) for k in K])

    def sample(rng):
        return {"lam": rng.uniform(0.2, 12.0)}
    lam = lambda e: e["lam"]
    pk = lambda e: EXP(K * math.log(lam(e)) - lam(e) - LGK)        # Poisson pmf at k = 0, 1, ...
    E = lambda e, g: float(np.sum(pk(e) * g))
    K1 = K[1:]
    LGK1 = LGK[:-1]                                                  # log (k-1)! for k = 1, 2, ...

    def r4(e, power=-1):
        L = lam(e)
        return L * float(np.sum(K1 * EXP((K1 + power) * math.log(L) - L - LGK1))) - L ** 2

    def r5(e, shift=1):
        return lam(e) * E(e, K + shift) - lam(e) ** 2
    rows = {
        "V": lambda e: E(e, K ** 2) - E(e, K) ** 2,
        "r1": lambda e: E(e, K ** 2) - E(e, K) ** 2,
        "r2": lambda e: E(e, K ** 2) - lam(e) ** 2,
        "r3": lambda e: float(np.sum(K1 ** 2 * pk(e)[1:])) - lam(e) ** 2,
        "r4": r4, "r5": r5,
        "r6": lambda e: lam(e) * E(e, K + 1) - lam(e) ** 2,
        "r7": lambda e: lam(e) * (E(e, K) + 1) - lam(e) ** 2,
        "r8": lambda e: lam(e) ** 2 + lam(e) - lam(e) ** 2,
        "r9": lam,
    }
    steps = tight(chain(["V", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5"),
                          ("=", "r6"), ("=", "r7"), ("=", "r8"), ("=", "r9")]), 1e-8)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r4": lambda e: r4(e, power=0)},
            {"r5": lambda e: r5(e, shift=0)},
            {"r8": lambda e: lam(e) ** 2 - lam(e) - lam(e) ** 2},
            {"r2": lambda e: E(e, K ** 2) - lam(e)},
        ],
        lookalikes=[{"r7": lambda e: lam(e) * E(e, K) + lam(e) - lam(e) ** 2},
                    {"r3": lambda e: float(np.sum(K ** 2 * pk(e))) - lam(e) ** 2}])


# ------------------------------------------------------------------ exponential moments (techqa)

def _exp_moments():
    T, W = np.polynomial.laguerre.laggauss(60)            # int_0^inf g(t) e^{-t} dt, exact for polynomials

    def lag(g):
        return float(np.sum(W * g(T)))

    def sample(rng):
        return {"lam": rng.uniform(0.3, 4.0), "k": int(rng.integers(1, 7))}
    lam, k = (lambda e: e["lam"]), (lambda e: e["k"])
    moment = lambda e, m: lag(lambda t: (t / lam(e)) ** m)  # int_0^inf x^m lambda e^{-lambda x} dx

    def a3(e, two=2):
        boundary = 0.0                                       # [-x^2 e^{-x lambda}] from 0 to infinity
        return boundary + two * lag(lambda t: (t / lam(e))) / lam(e)   # two * int_0^inf x e^{-lambda x} dx

    def b2(e, power=None):
        p = k(e) if power is None else power(e)
        return lag(lambda t: t ** k(e)) / lam(e) ** p
    rows = {
        "E2": lambda e: moment(e, 2), "a1": lambda e: moment(e, 2),
        "a2": lambda e: moment(e, 2),                        # the Stieltjes integral against d(-e^{-x lambda})
        "a3": a3, "a4": lambda e: 2 / lam(e) ** 2,
        "Ek": lambda e: moment(e, k(e)), "b1": lambda e: moment(e, k(e)), "b2": b2,
        "b3": lambda e: math.gamma(k(e) + 1) / lam(e) ** k(e),
        "b4": lambda e: math.factorial(k(e)) / lam(e) ** k(e),
    }
    steps = tight(chain(["E2", ("=", "a1"), ("=", "a2"), ("=", "a3"), ("=", "a4")])
                   + chain(["Ek", ("=", "b1"), ("=", "b2"), ("=", "b3"), ("=", "b4")]), 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"a3": lambda e: a3(e, two=1)},
            {"b3": lambda e: math.gamma(k(e)) / lam(e) ** k(e)},
            {"b2": lambda e: b2(e, power=lambda e: k(e) + 1)},
            {"a4": lambda e: 2 / lam(e)},
        ],
        lookalikes=[{"b4": lambda e: math.factorial(k(e)) * lam(e) ** (-k(e))}, {}])


# ------------------------------------------------------------------ unbiased sample variance (ThmDex)

def _sample_var():
    def sample(rng):
        m = int(rng.integers(2, 5))
        return {"N": int(rng.integers(2, 5)), "v": rng.normal(0, 2, size=m), "w": pmf(rng, m)}
    N, v, w = (lambda e: e["N"]), (lambda e: e["v"]), (lambda e: e["w"])
    sigma2 = lambda e: float(w(e) @ v(e) ** 2 - (w(e) @ v(e)) ** 2)

    def E_sample(e, g):
        """E[g(X_1, ..., X_N)] for X_n i.i.d. with values v and weights w."""
        total = 0.0
        for idx in itertools.product(range(len(v(e))), repeat=N(e)):
            xs = v(e)[list(idx)]
            total += float(np.prod(w(e)[list(idx)])) * g(xs)
        return total
    ss = lambda xs: float(np.sum(np.abs(xs - xs.mean()) ** 2))
    c1 = lambda e: E_sample(e, lambda xs: ss(xs) / N(e))
    rows = {
        "c1": c1, "c1r": lambda e: (N(e) - 1) / N(e) * sigma2(e),
        "L": lambda e: E_sample(e, lambda xs: ss(xs) / (N(e) - 1)),
        "s1": lambda e: N(e) / (N(e) - 1) * c1(e),
        "s2": lambda e: N(e) / (N(e) - 1) * (N(e) - 1) / N(e) * sigma2(e),
        "s3": sigma2,
    }
    steps = tight([Step("=", "c1", "c1r")] + chain(["L", ("=", "s1"), ("=", "s2"), ("=", "s3")]), 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"c1r": lambda e: N(e) / (N(e) - 1) * sigma2(e)},
            {"s1": lambda e: (N(e) - 1) / N(e) * c1(e)},
            {"s2": lambda e: N(e) / (N(e) - 1) * N(e) / (N(e) - 1) * sigma2(e)},
            {"L": c1},
        ],
        lookalikes=[{"c1r": lambda e: (1 - 1 / N(e)) * sigma2(e)},
                    {"s2": lambda e: N(e) * (N(e) - 1) / ((N(e) - 1) * N(e)) * sigma2(e)}])


# ------------------------------------------------------------------ MSE = Var + Bias^2 (seannn)

def _mse():
    def sample(rng):
        m, r = int(rng.integers(2, 6)), int(rng.integers(2, 6))
        return {"theta": rng.uniform(-2.0, 2.0), "u": rng.normal(0, 1.5, size=m), "q": pmf(rng, m),
                "v": rng.normal(0, 1.5, size=r), "w": pmf(rng, r)}
    th, u, q, v, w = (lambda e: e["theta"]), (lambda e: e["u"]), (lambda e: e["q"]), (lambda e: e["v"]), (lambda e: e["w"])
    Eh = lambda e, g: float(q(e) @ g)                       # expectation over theta-hat
    Ex = lambda e, g: float(w(e) @ g)                       # expectation over X
    var_h = lambda e: Eh(e, (u(e) - Eh(e, u(e))) ** 2)
    bias = lambda e: Eh(e, u(e) - th(e))
    var_x = lambda e: Ex(e, (v(e) - Ex(e, v(e))) ** 2)
    rows = {
        "MSE": lambda e: Eh(e, (u(e) - th(e)) ** 2),
        "r1": lambda e: var_h(e) + bias(e) ** 2,
        "VX": var_x, "a2": lambda e: Ex(e, v(e) ** 2) - Ex(e, v(e)) ** 2,
        "EX2": lambda e: Ex(e, v(e) ** 2), "b3": lambda e: var_x(e) + Ex(e, v(e)) ** 2,
        "Esq": lambda e: Eh(e, (u(e) - th(e)) ** 2),
        "c4": lambda e: Eh(e, (u(e) - th(e) - Eh(e, u(e) - th(e))) ** 2) + Eh(e, u(e) - th(e)) ** 2,
        "Vs": lambda e: Eh(e, (u(e) - th(e) - Eh(e, u(e) - th(e))) ** 2), "Vh": var_h,
    }
    steps = tight([Step("=", "MSE", "r1"), Step("=", "VX", "a2"), Step("=", "EX2", "b3"),
                    Step("=", "Esq", "c4"), Step("=", "Vs", "Vh")], 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"a2": lambda e: Ex(e, v(e) ** 2) + Ex(e, v(e)) ** 2},
            {"c4": lambda e: Eh(e, (u(e) - th(e) - Eh(e, u(e) - th(e))) ** 2) - Eh(e, u(e) - th(e)) ** 2},
            {"r1": lambda e: var_h(e) + bias(e)},
            {"b3": lambda e: var_x(e) - Ex(e, v(e)) ** 2},
            {"Vh": lambda e: var_h(e) + th(e) ** 2},
        ],
        lookalikes=[{"r1": lambda e: var_h(e) + (Eh(e, u(e)) - th(e)) ** 2},
                    {"r1": lambda e: bias(e) ** 2 + var_h(e)}])


# ------------------------------------------------------------------ exponential rate MLE (Rmd notes)

def _exp_mle():
    def sample(rng):
        T = int(rng.integers(2, 9))
        return {"T": T, "x": rng.uniform(0.1, 3.0, size=T), "lam": rng.uniform(0.2, 5.0)}
    T, x, lam = (lambda e: e["T"]), (lambda e: e["x"]), (lambda e: e["lam"])
    LLK = lambda e, l: float(np.sum(np.log(l) - l * x(e)))

    def at_root(e):
        """the premise d LLK / d lambda = 0: lambda at the root of the log-likelihood's derivative."""
        lo, hi = 1e-6, 1e6                                  # LLK' = T/l - sum x is decreasing in l
        for _ in range(200):
            mid = math.sqrt(lo * hi)
            h = mid * 1e-7
            d = (LLK(e, mid + h) - LLK(e, mid - h)) / (2 * h)
            lo, hi = (mid, hi) if d > 0 else (lo, mid)
        return {**e, "lam": math.sqrt(lo * hi)}
    rows = {
        "LLK": lambda e: LLK(e, lam(e)),
        "s1": lambda e: T(e) * math.log(lam(e)) - lam(e) * float(np.sum(x(e))),
        "d0": lambda e: T(e) / lam(e) - float(np.sum(x(e))), "zero": lambda e: 0.0,
        "lam": lam, "root": lambda e: T(e) / float(np.sum(x(e))),
    }
    steps = tight([Step("=", "LLK", "s1"), Step("=", "d0", "zero", when=at_root),
                    Step("=", "lam", "root", when=at_root)], 1e-7)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"s1": lambda e: T(e) * math.log(lam(e)) + lam(e) * float(np.sum(x(e)))},
            {"s1": lambda e: math.log(lam(e)) - lam(e) * float(np.sum(x(e)))},
            {"d0": lambda e: 1 / lam(e) - float(np.sum(x(e)))},
            {"root": lambda e: 1 / float(np.sum(x(e)))},
        ],
        lookalikes=[{"s1": lambda e: math.log(lam(e) ** T(e)) - lam(e) * float(np.sum(x(e)))}, {}])


# ------------------------------------------------------------------ Beta-Bernoulli posterior mean (QuantVault)

def _beta_post_mean():
    def lbeta(a, b):
        return math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)

    def sample(rng):
        n = int(rng.integers(1, 11))
        return {"alpha": rng.uniform(0.3, 5.0), "beta": rng.uniform(0.3, 5.0), "n": n,
                "k": int(rng.integers(0, n + 1)), "theta": rng.uniform(0.01, 0.99)}
    al, be, n, k, th = (lambda e: e["alpha"]), (lambda e: e["beta"]), (lambda e: e["n"]), (lambda e: e["k"]), (lambda e: e["theta"])
    # mean of Beta(a, b) = B(a + 1, b) / B(a, b)
    mean = lambda e: math.exp(lbeta(al(e) + k(e) + 1, be(e) + n(e) - k(e)) - lbeta(al(e) + k(e), be(e) + n(e) - k(e)))

    def w(e, prior_w=None, mle=None):
        A, B, N, K = al(e), be(e), n(e), k(e)
        pw = (A + B) if prior_w is None else prior_w(e)
        m = (K / N) if mle is None else mle(e)
        return pw / (A + B + N) * (A / (A + B)) + N / (A + B + N) * m
    rows = {
        "a0": lambda e: th(e) ** 1 * 1 / math.exp(lbeta(2, 1)), "a1": lambda e: th(e) / (1 / 2),
        "a2": lambda e: 2 * th(e),
        "Em": mean, "m1": lambda e: (al(e) + k(e)) / (al(e) + be(e) + n(e)),
        "Em2": mean, "w": w,
    }
    steps = tight(chain(["a0", ("=", "a1"), ("=", "a2")]) + [Step("=", "Em", "m1"), Step("=", "Em2", "w")], 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"a1": lambda e: th(e) / (1 / 3)},
            {"m1": lambda e: (al(e) + k(e)) / (al(e) + be(e) + k(e))},
            {"w": lambda e: w(e, mle=lambda e: n(e) / k(e) if k(e) else math.inf)},
            {"w": lambda e: w(e, prior_w=al)},
        ],
        lookalikes=[{}, {"m1": lambda e: (k(e) + al(e)) / (n(e) + al(e) + be(e))}])


MODELS = {
    "s13m_poisson_var_techqa": _poisson_var(),
    "s13m_exp_moments_techqa": _exp_moments(),
    "s13m_sample_var_unbiased_thmdex": _sample_var(),
    "s13m_mse_decomp_seannn": _mse(),
    "s13m_exp_mle_rmdnotes": _exp_mle(),
    "s13m_beta_post_mean_quantvault": _beta_post_mean(),
}

"""Check the continuous corpus (tests/corpus/<id>/) without derive: every step true, every mutant
false at exactly its `broken` steps, every look-alike true.

The corpus says which steps of a textbook derivation a mutant breaks; a checker tested against it
must be able to trust that. So each derivation's rows are modelled here by hand, as mpmath
functions of the derivation's parameters: integrals by quadrature (over R^J one component at a
time, by Fubini), derivatives and gradients by mpmath's numeric differentiation of those
integrals (never by the formula the derivation claims), at 30 significant digits. A step holds at a draw when its two sides agree to 1e-12 (relative);
it is false when they differ by more than 1e-6 somewhere; anything in between is reported as
unclear and fails the run. Parameters are drawn from a seeded generator, so the output is the
same on every run.

Each model is a function `model(P, v)` returning the steps in file order as (lhs, rhs) values for
the parameters P; `v` says which edit is applied (`v.m(k)`: mutant k, `v.l(k)`: look-alike k,
1-based, in meta.yaml's order), and the model writes the edited row where the edit applies; an
edit that cannot change any value (a renamed bound variable) is named in a comment, and the
script checks that every edit is named in its model.
The script also checks that every `find` occurs exactly once in derivation.tex and that meta's
`steps` equals the number of relations in the file.

    python tests/corpus/tools/verify_continuous.py [ID ...]

Its output for the whole corpus is kept beside it (verify_continuous.out; about 4 minutes on one
core); a change to a derivation or a model shows up as a difference there.
"""

from __future__ import annotations

import inspect
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import mpmath as mp
import yaml

CORPUS = Path(__file__).resolve().parent.parent
mp.mp.dps = 30
HOLDS, FAILS = mp.mpf("1e-12"), mp.mpf("1e-6")
inf, pi, e = mp.inf, mp.pi, mp.e
log, exp, sqrt = mp.log, mp.exp, mp.sqrt


@dataclass(frozen=True)
class Edit:
    """Which edit of meta.yaml a model evaluates: none, mutant k or look-alike k (1-based)."""
    kind: str = ""
    index: int = 0

    def m(self, k):
        return self.kind == "mutant" and self.index == k

    def l(self, k):
        return self.kind == "lookalike" and self.index == k


def npdf(x, m, s2):
    return exp(-(x - m) ** 2 / (2 * s2)) / sqrt(2 * pi * s2)


def integral(f, *points):
    """The integral of f over [points[0], points[-1]], split at the points between."""
    return mp.quad(f, list(points))


def over_line(f, centre):
    return integral(f, -inf, centre, inf)


def d(f, x0, n=1):
    return mp.diff(f, x0, n)


def chain(*rows):
    return [(rows[i], rows[i + 1]) for i in range(len(rows) - 1)]


def uniform(rng, lo, hi):
    return mp.mpf(str(round(rng.uniform(lo, hi), 6)))


# ------------------------------------------------------------------------------------- models

def gaussian_kl(rng):
    return dict(m1=uniform(rng, -2, 2), m2=uniform(rng, -2, 2), s1=uniform(rng, .5, 2), s2=uniform(rng, .5, 2))


def gaussian_kl_univariate(P, v):
    m1, m2, s1, s2 = P["m1"], P["m2"], P["s1"], P["s2"]
    p = lambda x: npdf(x, m1, s1 ** 2)
    q = lambda x: npdf(x, m2, s2 ** 2)
    I = lambda f: over_line(f, m1)
    half_log = log(sqrt(2 * pi * s2 ** 2)) if v.l(1) else log(2 * pi * s2 ** 2) / 2
    power = 2 if v.m(5) else mp.mpf(1) / 2
    r0 = -I(lambda x: p(x) * log(q(x)))
    r1 = -I(lambda x: p(x) * log(1 / (2 * pi * s2 ** 2) ** power * exp(-(x - m2) ** 2 / (2 * s2 ** 2))))
    r2 = log(2 * pi * s2 ** 2) / 2 - I(lambda x: p(x) * log(exp(-(x - m2) ** 2 / (2 * s2 ** 2))))
    c = 1 if v.m(1) else 2
    r3 = log(2 * pi * s2 ** 2) / 2 - I(lambda x: p(x) * (-(x - m2) ** 2 / (c * s2 ** 2)))
    r4 = half_log + (I(lambda x: p(x) * x ** 2) - I(lambda x: p(x) * 2 * x * m2) + I(lambda x: p(x) * m2 ** 2)) / (2 * s2 ** 2)
    k = 1 if v.m(2) else 2
    r5 = log(2 * pi * s2 ** 2) / 2 + (s1 ** 2 + m1 ** 2 - k * m1 * m2 + m2 ** 2) / (2 * s2 ** 2)
    r6 = log(2 * pi * s2 ** 2) / 2 + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2)
    neg_entropy = I(lambda x: p(x) * log(p(x)))
    sign = 1 if v.m(4) else -1
    kl = I(lambda x: p(x) * log(p(x) / q(x)))
    a0 = kl if v.l(3) else -I(lambda x: p(x) * log(q(x))) + neg_entropy
    a1 = r6 - (1 + log(2 * pi * s1 ** 2)) / 2
    first = log(s2 ** 2 / s1 ** 2) / 2 if v.l(2) else log(s2 / s1)
    update = first + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2) - (0 if v.m(3) else mp.mpf(1) / 2)
    return chain(r0, r1, r2, r3, r4, r5, r6) + [
        (neg_entropy, sign * (1 + log(2 * pi * s1 ** 2)) / 2), (kl, a0), (a0, a1), (kl, update)]


def gaussian_kl_statproofbook(P, v):
    m1, m2, s1, s2 = P["m1"], P["m2"], P["s1"], P["s2"]
    p = lambda x: npdf(x, m1, s1 ** 2)
    q = lambda x: npdf(x, m2, s2 ** 2)
    I = lambda f: over_line(f, m1)
    kl = I(lambda x: p(x) * log(p(x) / q(x)))
    ratio = log(s1 ** 2 / s2 ** 2)
    mean_term = ((m1 - m2) if v.l(1) else (m2 - m1)) ** 2 / ((2 if v.m(1) else 1) * s2 ** 2)
    theorem = (mean_term + s1 ** 2 / s2 ** 2 - ratio - 1) / 2
    if v.m(2):
        definition = I(lambda x: p(x) * log(q(x) / p(x)))
    elif v.l(2):
        definition = -I(lambda x: p(x) * log(q(x) / p(x)))
    else:
        definition = I(lambda x: p(x) * log(p(x) / q(x)))
    normal = (lambda x: log(q(x) / p(x))) if v.m(3) else (lambda x: log(p(x) / q(x)))
    written_out = I(lambda x: p(x) * normal(x))   # v.l(3): \int_{\mathbb{R}} is the same integral
    sign = -1 if v.m(4) else 1
    a = (-1 + (m1 ** 2 + sign * s1 ** 2 - 2 * m2 * m1 + m2 ** 2) / s2 ** 2 - ratio) / 2
    b = ((m1 ** 2 - 2 * m1 * m2 + m2 ** 2) / s2 ** 2 + s1 ** 2 / s2 ** 2 - ratio - 1) / 2
    c = ((m1 - m2) ** 2 / s2 ** 2 + s1 ** 2 / s2 ** 2 - ratio - 1) / 2
    return [(kl, theorem), (kl, definition), (kl, written_out)] + chain(kl, a, b, c)


def vae_draw(rng):
    J = rng.choice([1, 2, 3, 4])
    return dict(J=J, mu=[uniform(rng, -1.5, 1.5) for _ in range(J)], sigma=[uniform(rng, .5, 1.8) for _ in range(J)])


def vae_gaussian_kl_term(P, v):
    """Integrals over R^J of q(z) g(z), g a sum of per-component terms g_j(z_j) (a log of a
    product density): by Fubini and the normalisation of q's other factors, the sum over j of
    one-dimensional quadratures of N(z_j; mu_j, sigma_j^2) g_j(z_j)."""
    J, mu, sigma = P["J"], P["mu"], P["sigma"]
    q = lambda j, t: npdf(t, mu[j], sigma[j] ** 2)
    p = lambda j, t: npdf(t, 0, 1)
    S = lambda term: mp.fsum(term(j) for j in range(J))
    I = lambda g: S(lambda j: over_line(lambda t: q(j, t) * g(j, t), mu[j]))
    prior_mean = (lambda j: mu[j]) if v.m(5) else (lambda j: 0)
    r0 = I(lambda j, t: log(p(j, t)))
    r1 = I(lambda j, t: log(npdf(t, prior_mean(j), 1)))
    if v.l(2):
        r2 = -S(lambda j: log(2 * pi) + mu[j] ** 2 + sigma[j] ** 2) / 2
    else:
        sign = -1 if v.m(1) else 1
        r2 = -J * log(2 * pi) / 2 - S(lambda j: mu[j] ** 2 + sign * sigma[j] ** 2) / 2
    r3 = I(lambda j, t: log(q(j, t)))
    r4 = r3
    r5 = -J * log(2 * pi) / 2 - S(lambda j: 1 + log(sigma[j] if v.m(2) else sigma[j] ** 2)) / 2
    kl = I(lambda j, t: log(q(j, t) / p(j, t)))
    r6 = kl if v.m(4) else -kl
    r7 = I(lambda j, t: log(p(j, t) / q(j, t)) if v.l(3) else log(p(j, t)) - log(q(j, t)))
    r8 = S(lambda j: 1 + (2 * log(sigma[j]) if v.l(1) else log(sigma[j] ** 2)) - mu[j] ** 2
           - (sigma[j] if v.m(3) else sigma[j] ** 2)) / 2
    return [(r0, r1), (r1, r2), (r3, r4), (r4, r5), (r6, r7), (r7, r8)]


def vae_kl_unit_gaussian(P, v):
    m1, s1 = P["m1"], P["s1"]
    p = lambda x: npdf(x, m1, s1 ** 2)
    kl = over_line(lambda x: p(x) * log(p(x) / npdf(x, 0, 1)), m1)
    if v.l(2):
        first = (s1 ** 2 + m1 ** 2 - 1) / 2 - log(s1)
    else:
        first = (1 if v.m(2) else -1) * log(s1) + (s1 ** 2 + m1 ** 2) / 2 + (1 if v.m(3) else -1) * mp.mpf(1) / 2
    if v.m(1):
        second = -(log(s1) - s1 - m1 ** 2 + 1) / 2
    else:
        second = -((log(s1 ** 2) if v.l(1) else 2 * log(s1)) - s1 ** 2 - m1 ** 2 + 1) / 2
    return [(kl, first), (kl, second)]


def entropy_gaussian_cover_thomas(P, v):
    s = P["s1"]
    phi = lambda x: npdf(x, 0, s ** 2)
    I = lambda f: over_line(f, 0)
    h = -I(lambda x: phi(x) * log(phi(x)))
    written = -I(lambda x: phi(x) * log(phi(x)))
    const = log(2 * pi * s ** 2) if v.m(1) else (log(2 * pi * s ** 2) / 2 if v.l(2) else log(sqrt(2 * pi * s ** 2)))
    r1 = -I(lambda x: phi(x) * (-x ** 2 / (2 * s ** 2) - const))
    second_moment = I(lambda x: phi(x) * x ** 2)
    r2 = second_moment / ((1 if v.m(2) else 2) * s ** 2) + log(2 * pi * s ** 2) / 2
    r3 = (1 if v.m(3) else mp.mpf(1) / 2) + log(2 * pi * s ** 2) / 2
    r4 = (log(sqrt(e)) if v.l(1) else log(e) / 2) + log(2 * pi * s ** 2) / 2
    r5 = log(2 * pi * s ** 2 * (1 if v.m(4) else e)) / 2
    return chain(h, written, r1, r2, r3, r4, r5)


def normal_draw(rng):
    return dict(m=uniform(rng, -2, 2), s=uniform(rng, .3, 2.5))


def entropy_gaussian_statproofbook(P, v):
    m, s = P["m"], P["s"]
    p = lambda x: npdf(x, m, s ** 2)
    E = lambda f: over_line(lambda x: p(x) * f(x), m)
    h = -E(lambda x: log(p(x)))
    theorem = mp.mpf(1) / 2 + log(sqrt(2 * pi) * s) if v.l(1) else log(2 * pi * (s if v.m(1) else s ** 2) * e) / 2
    nats = E(lambda x: log(1 / p(x))) if v.l(2) else -E(lambda x: log(p(x)))
    a1 = -E(lambda x: log(1 / (sqrt(2 * pi) * s) * exp(-((x - m) / s) ** 2 / 2)))
    a2 = -E(lambda x: -(1 if v.m(2) else mp.mpf(1) / 2) * log(2 * pi * s ** 2) - ((x - m) / s) ** 2 / 2)
    a3 = log(2 * pi * s ** 2) / 2 + (-1 if v.m(3) else 1) * E(lambda x: ((x - m) / s) ** 2) / 2
    a4 = log(2 * pi * s ** 2) / 2 + E(lambda x: (x - m) ** 2) / (2 * s ** 2)
    b1 = log(2 * pi * s ** 2) / 2 + s ** 2 / (2 * s ** 2)
    b2 = log(2 * pi * s ** 2) / 2 + (1 if v.m(4) else mp.mpf(1) / 2)
    b3 = log(2 * pi * s ** 2 * e) / 2
    return [(h, theorem), (h, nats)] + chain(h, a1, a2, a3, a4) + chain(h, b1, b2, b3)


SCORE_COSTS = [lambda x: exp(-x ** 2 / 2) * (1 + x), lambda x: mp.cos(x) * exp(-x ** 2 / 4)]


def score_draw(rng):
    return dict(theta=uniform(rng, -1.5, 1.5), s=uniform(rng, .5, 1.5), x=uniform(rng, -2, 2), f=rng.randrange(2))


def score_function_identity(P, v):
    th0, s, x0, f = P["theta"], P["s"], P["x"], SCORE_COSTS[P["f"]]
    p = lambda x, th: npdf(x, th, s ** 2)
    dp = lambda x, th: p(x, th) * (x - th) / s ** 2           # d/dtheta of N(x; theta, s^2)
    I = lambda g: over_line(g, th0)
    score_lhs = d(lambda th: log(p(x0, th)), th0)
    grad_p = d(lambda th: p(x0, th), th0)
    score_rhs = p(x0, th0) / grad_p if v.m(3) else grad_p / p(x0, th0)
    r0 = d(lambda th: over_line(lambda x: p(x, th) * f(x), th0), th0)
    r1 = r0
    if v.m(1):
        r2 = I(lambda x: f(x) * (x - th0) / s ** 2)
    elif v.l(1):
        r2 = I(lambda x: d(lambda th: p(x, th) * f(x), th0))
    else:
        r2 = I(lambda x: f(x) * dp(x, th0))
    r3 = I(lambda x: p(x, th0) * f(x) * (log(p(x, th0)) if v.m(4) else (x - th0) / s ** 2))
    # v.l(2) only reorders the factors of the integrand
    r4 = 0 if v.m(2) else I(lambda x: p(x, th0) * f(x) * d(lambda th: log(p(x, th)), th0))
    return [(score_lhs, score_rhs)] + chain(r0, r1, r2, r3, r4)


def softmax_draw(rng):
    K = rng.choice([3, 4, 5])
    weights = [rng.uniform(.05, 1) for _ in range(K)]
    return dict(K=K, k=rng.randrange(K), z=[uniform(rng, -2, 2) for _ in range(K)],
                y=[mp.mpf(str(round(w / sum(weights), 6))) for w in weights[:-1]])


def softmax_cross_entropy_gradient(P, v):
    K, k, z0 = P["K"], P["k"], P["z"]
    y = P["y"] + [1 - mp.fsum(P["y"])]                       # sums to 1 exactly
    yhat = lambda z, j: exp(z[j]) / mp.fsum(exp(t) for t in z)
    at = lambda t: [t if i == k else z0[i] for i in range(K)]  # z with z_k = t
    delta = lambda j: 1 if j == k else 0
    h = [yhat(z0, j) for j in range(K)]
    jac = [d(lambda t: yhat(at(t), j), z0[k]) for j in range(K)]
    claimed = [h[k] * (1 - h[k]) if v.m(3) else h[j] * (delta(j) - h[k]) for j in range(K)]
    worst = max(range(K), key=lambda j: abs(jac[j] - claimed[j]))
    L = lambda z: -mp.fsum(y[j] * log(yhat(z, j)) for j in range(K))
    r0 = d(lambda t: L(at(t)), z0[k])
    if v.l(2):
        r1 = -mp.fsum(y[j] / h[j] * jac[j] for j in range(K))
    else:
        r1 = -mp.fsum(y[j] * d(lambda t: log(yhat(at(t), j)), z0[k]) for j in range(K))
    r2 = -mp.fsum(y[j] * (delta(j) - (h[j] if v.m(1) else h[k])) for j in range(K))
    if v.m(4):
        r3 = -y[k] + mp.fsum(h[j] * y[j] for j in range(K))
    else:
        r3 = -y[k] + h[k] * (1 if v.l(1) else mp.fsum(y))
    r4 = y[k] - h[k] if v.m(2) else h[k] - y[k]
    return [(jac[worst], claimed[worst])] + chain(r0, r1, r2, r3, r4)


def gan_draw(rng):
    return dict(theta0=uniform(rng, -1, 1), theta1=uniform(rng, -1, 1), sg=uniform(rng, .6, 1.4),
                mr=uniform(rng, -1, 1), sr=uniform(rng, .6, 1.6))


_GAN_MEMO = {}


def gan_gradient_arjovsky_bottou(P, v):
    """p_theta = N(theta, sg^2), p_r = N(mr, sr^2), D* frozen at theta_0. Gradients are numeric
    derivatives in theta of quadratures; 1 - D* is written p_theta0 / (p_r + p_theta0) (the same
    function) so that it does not round to 0 in the tails. Quantities shared by the edits are
    computed once per draw."""
    th0, th1, sg, mr, sr = P["theta0"], P["theta1"], P["sg"], P["mr"], P["sr"]
    pt = lambda x, th: npdf(x, th, sg ** 2)
    pr = lambda x: npdf(x, mr, sr ** 2)
    log_D = lambda x: log(pr(x)) - log(pr(x) + pt(x, th0))
    log_1mD = lambda x: log(pt(x, th0)) - log(pr(x) + pt(x, th0))
    I = lambda f: mp.quad(f, [-inf, min(mr, th0) - 1, max(mr, th0) + 1, inf])
    E = lambda th, f: I(lambda x: pt(x, th) * f(x))
    kl = lambda a, b: I(lambda x: a(x) * log(a(x) / b(x)))
    KL = lambda th: kl(lambda x: pt(x, th), pr)
    KLr = lambda th: kl(pr, lambda x: pt(x, th))
    KL0 = lambda th: kl(lambda x: pt(x, th), lambda x: pt(x, th0))

    def JS(th):
        m = lambda x: (pt(x, th) + pr(x)) / 2
        return (kl(lambda x: pt(x, th), m) + kl(pr, m)) / 2

    def JS_swapped(th):   # D_JS(p_r || p_theta)
        m = lambda x: (pr(x) + pt(x, th)) / 2
        return (kl(pr, m) + kl(lambda x: pt(x, th), m)) / 2

    def g(name, F):
        key = (tuple(sorted((k, str(x)) for k, x in P.items())), name)
        if key not in _GAN_MEMO:
            _GAN_MEMO[key] = d(F, th0)
        return _GAN_MEMO[key]

    saturating = g("E log(1-D)", lambda th: E(th, log_1mD))
    non_saturating = g("E log D", lambda th: E(th, log_D))
    js = g("JS swapped", JS_swapped) if v.l(2) else g("JS", JS)
    step1 = (saturating, (1 if v.m(4) else 2) * js)
    odds = (lambda x: log_D(x) - log_1mD(x)) if v.m(5) else (lambda x: log_1mD(x) - log_D(x))
    step2 = [(KL(th), E(th, odds) + KL0(th)) for th in (th0, th1)]   # claimed for every theta
    step4 = (g("KL", KL), saturating + (1 if v.m(3) else -1) * non_saturating)
    lhs5 = g("E log 1/D", lambda th: E(th, lambda x: -log_D(x))) if v.l(1) else -non_saturating
    first = g("KL(p_r||p_theta)", KLr) if v.m(2) else g("KL", KL)
    step5 = (lhs5, first - (1 if v.m(1) else 2) * g("JS", JS))
    worst2 = max(step2, key=lambda pair: abs(pair[0] - pair[1]))
    return [step1, worst2, (g("KL0", KL0), 0), step4, step5]


def interval_draw(rng):
    a = uniform(rng, -2, 1)
    return dict(a=a, b=a + uniform(rng, .3, 3))


def continuous_uniform(P, v):
    a, b = P["a"], P["b"]
    w = b - a
    h = -integral(lambda x: log(1 / w) / w, a, b)
    theorem_h = -log(1 / w) if v.l(1) else log(w)
    r1 = -integral(lambda x: log(1 / w) / w, a, b)
    r2 = integral(lambda x: log(b + a if v.m(1) else w), a, b) / w
    lower = 0 if v.m(2) else a
    r3 = (b * log(w) - lower * log(w)) / w
    r4 = (b * log(w) - a * log(w)) / w
    r5 = w * log(w) / w
    r6 = log(w)
    mean = integral(lambda x: x / w, a, b)
    theorem_e = (b - a if v.m(4) else a + b) / 2
    s1 = integral(lambda x: x / w, a, b)
    F = lambda x: x ** 2 / (2 * w) if v.l(3) else x ** 2 / w / 2
    s2 = F(b) - F(a)
    s3 = (b ** 2 + (1 if v.m(3) else -1) * a ** 2) / w / 2
    s4 = (a + b) * w / (2 * w) if v.l(2) else (b + a) * w / w / 2
    s5 = (a + b) / 2
    return [(h, theorem_h)] + chain(h, r1, r2, r3, r4, r5, r6) + [(mean, theorem_e)] + chain(mean, s1, s2, s3, s4, s5)


def continuous_exponential(P, v):
    lam, x0 = P["lam"], P["x0"]
    mean = integral(lambda x: x * lam * exp(-lam * x), 0, 1 / lam, inf)
    theorem = 1 / lam ** 2 if v.m(4) else (lam ** -1 if v.l(1) else 1 / lam)
    r1 = integral(lambda x: x * lam * exp(-lam * x), 0, 1 / lam, inf)
    r2 = (1 if v.m(1) else lam) * integral(lambda x: x * exp(-lam * x), 0, 1 / lam, inf)
    sign = 1 if v.m(2) else -1
    claimed = lambda x: (-x / lam + sign / lam ** 2) * exp(-lam * x)
    antiderivative = (x0 * exp(-lam * x0), d(claimed, x0))     # the derivative of the right side is the integrand
    F = lambda x: (-x / lam - 1 / lam ** 2) * exp(-lam * x)
    at_infinity = mp.limit(F, inf)
    q1 = lam * (at_infinity - F(0))
    q2 = lam * (at_infinity - (-0 / lam - 1 / lam ** 2) * (1 if v.l(3) else exp(-lam * 0)))
    q3 = lam / lam ** 2 if v.l(2) else lam * (0 + (-1 if v.m(3) else 1) / lam ** 2)
    q4 = 1 / lam
    return [(mean, theorem)] + chain(mean, r1, r2) + [antiderivative] + chain(mean, q1, q2, q3, q4)


def continuous_laplace(P, v):
    m, b = P["m"], P["b"]
    p = lambda x: exp(-abs(x - m) / b) / (2 * b)
    I = lambda f: over_line(f, m)
    right = lambda f: integral(f, m, m + b, inf)
    a0 = I(p)
    a1 = (1 if v.m(1) else 2) * right(lambda x: exp(-(x - m) / b) / (2 * b))
    b0 = I(lambda x: p(x) * abs(x - m))
    b1 = 2 * right(lambda x: (x - m) * exp(-(x - m) / b) / (2 * b))
    b2 = (1 if v.m(2) else 1 / b) * integral(lambda t: t * exp(-t / b), 0, b, inf)   # v.l(2) renames t
    h = -I(lambda x: p(x) * log(p(x)))
    h1 = -I(lambda x: p(x) * log(p(x)))
    h2 = log(2 * b) + b0 / b
    h3 = log(b if v.m(3) else 2 * b) + 1
    if v.l(1):
        h4 = 1 + log(2) + log(b)
    else:
        h4 = log(2 * b) if v.m(4) else log(2 * e * b)
    return chain(a0, a1, b / b, 1) + chain(b0, b1, b2, b) + chain(h, h1, h2, h3, h4)


REPARAM_COSTS = [lambda z: mp.sin(z) + z ** 2 / 3, lambda z: exp(-z ** 2 / 2) * (1 + z)]


def reparam_draw(rng):
    return dict(m=uniform(rng, -1, 1), s=uniform(rng, .5, 1.5), f=rng.randrange(2))


def vae_reparameterisation(P, v):
    m0, s0, f = P["m"], P["s"], REPARAM_COSTS[P["f"]]
    fprime = lambda u: d(f, u)
    E_z = lambda g, m, s: over_line(lambda z: npdf(z, m, s ** 2) * g(z), m)
    E_eps = lambda g: over_line(lambda t: npdf(t, 0, 1) * g(t), 0)
    noise = s0 ** 2 if v.m(1) else (-s0 if v.l(3) else s0)
    step1 = (E_z(f, m0, s0), E_eps(lambda t: f(m0 + noise * t)))   # v.l(2) renames epsilon
    step2 = (d(lambda m: E_z(f, m, s0), m0), E_eps(lambda t: (s0 if v.m(2) else 1) * fprime(m0 + s0 * t)))
    step3 = (d(lambda s: E_z(f, m0, s), s0), E_eps(lambda t: (1 if v.m(3) else t) * fprime(m0 + s0 * t)))
    second = E_z(lambda z: z ** 2, m0, s0)
    if v.l(1):
        middle = E_eps(lambda t: m0 ** 2 + 2 * m0 * s0 * t + s0 ** 2 * t ** 2)
    else:
        middle = E_eps(lambda t: (m0 + s0 * t) ** 2)
    return [step1, step2, step3] + chain(second, middle, m0 ** 2 + (s0 if v.m(4) else s0 ** 2))


def loglik_draw(rng):
    N = rng.choice([2, 3, 4, 5])
    return dict(x=[uniform(rng, -3, 3) for _ in range(N)], m=uniform(rng, -1, 1), s=uniform(rng, .5, 2))


def gaussian_loglik_gradient(P, v):
    x, m0, s0 = P["x"], P["m"], P["s"]
    N = len(x)
    LL = lambda m, s: mp.fsum(log(npdf(xn, m, s ** 2)) for xn in x)
    r0 = log(mp.fprod(npdf(xn, m0, s0 ** 2) for xn in x))
    logs = [log(npdf(xn, m0, s0 ** 2)) for xn in x]
    r1 = mp.fprod(logs) if v.m(1) else mp.fsum(logs)
    squares = mp.fsum((xn - m0) ** 2 for xn in x)
    if v.l(2):
        r2 = -squares / (2 * s0 ** 2) - N * log(2 * pi * s0 ** 2) / 2
    else:
        r2 = -squares / (2 * s0 ** 2) - (N if v.m(2) else mp.mpf(N) / 2) * log(s0 ** 2) - N * log(2 * pi) / 2
    d0 = d(lambda m: LL(m, s0), m0)
    d1 = mp.fsum(xn - m0 for xn in x) / ((2 if v.m(3) else 1) * s0 ** 2)
    xbar = mp.fsum(x) / N
    d2 = (mp.fsum(x) - N * m0) / s0 ** 2 if v.l(1) else N / s0 ** 2 * (xbar - m0)
    curvature = (d(lambda m: LL(m, s0), m0, 2), -(1 if v.m(4) else N) / s0 ** 2)
    in_sigma = (d(lambda s: LL(m0, s), s0), -N / s0 + squares / ((2 if v.m(5) else 1) * s0 ** 3))
    return chain(r0, r1, r2) + chain(d0, d1, d2) + [curvature, in_sigma]


def moments_draw(rng):
    return dict(m=uniform(rng, -2, 2), s=uniform(rng, .3, 2.5), m2=uniform(rng, -2, 2))


def gaussian_moments(P, v):
    m, s, m2 = P["m"], P["s"], P["m2"]
    E = lambda f: over_line(lambda x: npdf(x, m, s ** 2) * f(x), m)
    first, second = E(lambda x: x), E(lambda x: x ** 2)
    variance = E(lambda x: (x - first) ** 2)
    if v.l(1):
        middle = E(lambda x: (x - first) ** 2)
    else:
        middle = second - (first if v.m(3) else first ** 2)
    if v.m(4):
        about = s ** 2 + m ** 2 - m2 ** 2
    else:
        about = s ** 2 + ((m2 - m) if v.l(2) else (m - m2)) ** 2
    return (chain(first, E(lambda x: x), 0 if v.m(1) else m)
            + chain(second, E(lambda x: x ** 2), m ** 2 + (s if v.m(2) else s ** 2))
            + chain(variance, middle, s ** 2)
            + [(E(lambda x: (x - m2) ** 2), about)])


# ---------------------------------------------------------------- s7b: The Book of Statistical Proofs

def geq(a, b):
    """An inequality a >= b as a pair that agrees exactly when it holds."""
    return (min(a - b, 0), mp.mpf(0))


def bern_pair(rng):
    return dict(p1=uniform(rng, .05, .95), p2=uniform(rng, .05, .95))


def s7b_bern_kl_statproofbook(P, v):
    p1, p2 = P["p1"], P["p2"]
    kl = (1 - p1) * log((1 - p1) / (1 - p2)) + p1 * log(p1 / p2)
    d1 = kl                                   # v.l(3): -sum p ln(q/p), the same value
    r1 = kl
    r2 = (1 - p1) * log((1 - p1) / (1 - p2)) + p1 * (log(p2 / p1) if v.m(4) else log(p1 / p2))
    A = log((1 - p1) / (1 - p2))
    s1 = (1 - p1) * A + (p2 if v.m(1) else p1) * log(p1 / p2)
    s2 = A + p1 * log(p1 / p2) - p1 * A
    s3 = A + p1 * (log(p1 / p2) + (-1 if v.m(2) else 1) * log((1 - p2) / (1 - p1)))   # v.l(2): ((..)^{-1}), same value
    s4 = A + p1 * log(p1 * (1 - p1) / (p2 * (1 - p2)) if v.m(3) else p1 * (1 - p2) / (p2 * (1 - p1)))  # v.l(1): spacing only
    return [(kl, d1), (kl, r1), (r1, r2)] + chain(kl, s1, s2, s3, s4)


def joint_draw(rng):
    return dict(J=[[uniform(rng, .1, 1) for _ in range(4)] for _ in range(3)])


def s7b_dmi_mce_statproofbook(P, v):
    raw = P["J"]
    total = sum(sum(row) for row in raw)
    J = [[c / total for c in row] for row in raw]
    X, Y = range(3), range(4)
    px = [sum(J[x]) for x in X]
    py = [sum(J[x][y] for x in X) for y in Y]
    S = lambda f: mp.fsum(f(x, y) for x in X for y in Y)
    I = S(lambda x, y: J[x][y] * log(J[x][y] / (px[x] * py[y])))     # v.l(2): one sum over pairs, same value
    HX = -mp.fsum(px[x] * log(px[x]) for x in X)
    HY = -mp.fsum(py[y] * log(py[y]) for y in Y)
    HXgY = -S(lambda x, y: J[x][y] * log(J[x][y] / py[y]))
    HYgX = -S(lambda x, y: J[x][y] * log(J[x][y] / px[x]))
    second = -S(lambda x, y: J[x][y] * log(px[x]))
    r2 = S(lambda x, y: J[x][y] * log(J[x][y] / (px[x] if v.m(1) else py[y]))) - S(lambda x, y: J[x][y] * log(px[x]))
    r3 = S(lambda x, y: J[x][y] * log(J[x][y] / py[y])) + second     # v.l(3): p(y|x)p(x) = p(x,y), same value
    r4 = S(lambda x, y: J[x][y] * (log(px[x]) if v.m(2) else log(J[x][y] / py[y]))) + second
    r5 = S(lambda x, y: J[x][y] * log(J[x][y] / py[y])) + HX
    r7 = HX if v.m(3) else HXgY
    r8 = -(HYgX if v.m(4) else HXgY) + HX
    r9 = HY - HYgX if v.l(1) else HX - HXgY
    return [(I, I), (I, r2), (I, r3), (I, r4), (I, r5), (HX, HX), (HXgY, r7), (I, r8), (r8, r9)]


def pmf_pair(rng):
    return dict(p=[uniform(rng, .1, 1) for _ in range(5)], q=[uniform(rng, .1, 1) for _ in range(5)])


def s7b_kl_ent_statproofbook(P, v):
    p = [a / sum(P["p"]) for a in P["p"]]
    q = [a / sum(P["q"]) for a in P["q"]]
    S = lambda f: mp.fsum(f(i) for i in range(5))
    kl = S(lambda i: p[i] * log(p[i] / q[i]))         # v.l(2): the log split, same value
    klqp = S(lambda i: q[i] * log(q[i] / p[i]))
    H = -S(lambda i: p[i] * log(p[i]))                 # v.l(3): log(1/p), same value
    CE = -S(lambda i: p[i] * log(q[i]))
    r2 = (1 if v.m(1) else -1) * S(lambda i: p[i] * log(q[i])) + S(lambda i: p[i] * log(p[i]))
    r4 = -S(lambda i: q[i] * log(q[i])) if v.m(2) else CE
    last = H - CE if v.m(3) else CE - H              # v.l(1): terms reordered
    return [(kl, kl), (kl, r2), (H, H), (CE, r4), (klqp if v.m(4) else kl, last)]


def law_draw(rng):
    return dict(x=[uniform(rng, -3, 3) for _ in range(5)], w=[uniform(rng, .1, 1) for _ in range(5)])


def s7b_var_mean_statproofbook(P, v):
    w = [a / sum(P["w"]) for a in P["w"]]
    E = lambda f: mp.fsum(wi * f(xi) for xi, wi in zip(P["x"], w))
    m, m2 = E(lambda x: x), E(lambda x: x ** 2)
    var = E(lambda x: (x - m) ** 2)
    r2 = E(lambda x: x ** 2 - 2 * x * m + (-1 if v.m(1) else 1) * m ** 2)   # v.l(2): factors reordered
    r3 = m2 - (1 if v.m(2) else 2) * m * m + m ** 2
    r4 = m ** 2 - m2 if v.m(3) else m2 - m ** 2                          # v.l(1): brackets only
    return [(var, var)] + chain(var, var, r2, r3, r4)


def s7b_bern_mean_var_statproofbook(P, v):
    p = P["p1"]
    r1 = 0 * (1 - p) + 1 * p
    r2 = 0 * p + 1 * (1 - p) if v.m(1) else 0 * (1 - p) + 1 * p      # v.l(2): terms reordered
    var = p * (1 - p)
    e1 = 0 * (1 - p) + 1 * ((1 - p) if v.m(3) else p)
    last = p * (1 + p) if v.m(2) else p * (1 - p)                     # v.l(1): p - p*p
    return ([(p, p)] + chain(p, r1, r2, p) + [(var, p + (1 if v.m(4) else -1) * p ** 2)]
            + chain(p, e1, 0 * (1 - p) + 1 * p, p) + chain(var, p - p ** 2, last))


def s7b_poiss_mean_statproofbook(P, v):
    lam = P["lam"]
    term = lambda x: x * lam ** x * exp(-lam) / mp.factorial(x)
    s0 = mp.nsum(term, [0, inf])
    s1 = mp.nsum(term, [2 if v.m(1) else 1, inf])
    s2 = exp(-lam) * mp.nsum(lambda x: x / mp.factorial(x) * lam ** x, [1, inf])   # v.l(2): x/x! = 1/(x-1)!
    s3 = lam * exp(-lam) * mp.nsum(lambda x: lam ** (x if v.m(2) else x - 1) / mp.factorial(x - 1), [1, inf])
    z = lam * exp(-lam) * mp.nsum(lambda k: lam ** k / mp.factorial(k), [1 if v.m(4) else 0, inf])
    t1 = (1 if v.m(3) else lam) * exp(-lam) * exp(lam)                 # v.l(1): e^{lambda - lambda}
    return chain(lam, s0, s1, s2, s3) + [(lam, z)] + chain(lam, t1, lam)


def cuni_draw(rng):
    a1 = uniform(rng, -2, 1)
    b1 = a1 + uniform(rng, .3, 2)
    return dict(a1=a1, b1=b1, a2=a1 - uniform(rng, .2, 2), b2=b1 + uniform(rng, .2, 2))


def s7b_cuni_kl_statproofbook(P, v):
    a1, b1, a2, b2 = P["a1"], P["b1"], P["a2"], P["b2"]
    w1, w2 = b1 - a1, b2 - a2
    kl = log(w2 / w1)
    integrand = lambda x: (1 / w1) * log((1 / w1) / (1 / w2))
    piece1 = integral(integrand, a1, b1) if v.m(4) else 0   # p vanishes below a_1
    piece3 = 0                                              # v.l(2): a zero piece, its sign free
    whole = integral(integrand, a1, b1)                     # v.l(1): -int p ln(q/p), same value
    r1 = integral(lambda x: (1 / w1) * log((1 / w2) / (1 / w1) if v.m(1) else (1 / w1) / (1 / w2)), a1, b1)
    r2 = (1 / w1) * log(w2 / w1) * integral(lambda x: 1, a1, b1)
    r3 = (1 / w1) * log(w2 / w1) * ((b2 - a2) if v.m(2) else (b1 - a1))
    r4 = (1 / w1) * log(w2 / w1) * (b1 - a1)                # v.l(3): (b_1-a_1)/(b_1-a_1) ln(...)
    r5 = log(w1 / w2) if v.m(3) else kl
    return [(kl, kl), (kl, piece1 + whole + piece3), (kl, whole)] + chain(kl, r1, r2, r3, r4, r5)


def duni_draw(rng):
    a1 = mp.mpf(rng.randint(-3, 3))
    b1 = a1 + rng.randint(1, 4)
    return dict(a1=a1, b1=b1, a2=a1 - rng.randint(1, 3), b2=b1 + rng.randint(0, 3))


def s7b_duni_kl_statproofbook(P, v):
    a1, b1, a2, b2 = P["a1"], P["b1"], P["a2"], P["b2"]
    n1, n2 = b1 - a1 + 1, b2 - a2 + 1
    kl = log(n2 / n1)
    r1 = mp.fsum((1 / n1) * log((1 / n1) / (1 / n2)) for _ in range(int(n1)))
    count = mp.fsum(range(int(a1), int(b1) + 1)) if v.m(1) else n1
    r2 = (1 / n1) * log(n2 / n1) * count                     # v.l(2): the log bracketed
    r3 = (1 / n1) * log(n2 / n1) * (n1 - 1 if v.m(2) else n1)   # v.l(1): 1+b_1-a_1
    r4 = log(n1 / n2) if v.m(3) else kl
    return chain(kl, r1, r2, r3, r4)


def logsum_draw(rng):
    n = rng.randint(2, 5)
    return dict(a=[uniform(rng, .1, 3) for _ in range(n)], b=[uniform(rng, .1, 3) for _ in range(n)])


def s7b_logsum_statproofbook(P, v):
    a_, b_ = P["a"], P["b"]
    n = len(a_)
    f = lambda x: x * log(x)
    a, b = mp.fsum(a_), mp.fsum(b_)
    L = mp.fsum(ai * log(ai / bi) for ai, bi in zip(a_, b_))    # v.l(3): the log split, same value
    r1 = mp.fsum(bi * f(ai / bi) for ai, bi in zip(a_, b_))
    r2 = b * mp.fsum(bi / b * f(ai / bi) for ai, bi in zip(a_, b_))
    weight = min(bi / b for bi in b_)
    inner = f(mp.fsum(bi / b * ai / bi for ai, bi in zip(a_, b_)))
    jensen = geq(r2, b * inner) if not v.m(1) else geq(b * inner, r2)
    last = b * log(a / b) if v.m(3) else a * log(a / b)          # v.l(2): a ln a - a ln b
    return (chain(L, r1, r2) + [geq(weight, 1 if v.m(4) else 0), (mp.fsum(bi / b for bi in b_), n if v.m(2) else 1)]
            + [jensen] + chain(b * inner, b * f(a / b), b * f(a / b), last))   # v.l(1): the same quotient


def s7b_bern_ent_statproofbook(P, v):
    p = P["p1"]
    lg = lambda x: log(x) / log(2)
    H = -p * lg(p) - (1 - p) * lg(1 - p)
    r1 = -(1 - p) * lg(1 - p) - p * lg(1 - p if v.m(2) else p)
    r2 = -p * (log(p) if v.m(3) else lg(p)) + (1 if v.m(1) else -1) * (1 - p) * lg(1 - p)   # v.l(1), v.l(2): change of base, reordering
    return chain(H, r1, r2)


def sigmoid_ce_draw(rng):
    return dict(s=uniform(rng, -3, 3), y=uniform(rng, -.5, 1.5), yhat=uniform(rng, .05, .95))


def s7a_sigmoid_ce_gradient_notes(P, v):
    """dg/ds and dL/dyhat by numeric differentiation of g and of the defined cross-entropy."""
    s0, y, yh = P["s"], P["y"], P["yhat"]
    g = lambda s: 1 / (1 + exp(-s))
    E = exp(-s0)
    dg = d(g, s0)
    if v.l(2):
        r1 = exp(s0) / (1 + exp(s0)) ** 2
    else:
        r1 = (-E if v.m(1) else E) / (1 + E) ** 2
    r2 = (1 + E) / (1 + E) ** 2 - 1 / (1 + E) ** 2
    r3 = 1 / (1 + E) - 1 / (1 + E) ** 2
    r4 = g(s0) - g(s0) ** 2
    if v.l(1):
        r5 = g(s0) * g(-s0)
    else:
        r5 = g(s0) * ((1 + g(s0)) if v.m(2) else (1 - g(s0)))
    L = lambda t: -(y * log(t) + (1 - y) * log(1 - t))
    dL = d(L, yh)
    c1 = -y / yh + (-1 if v.m(3) else 1) * (1 - y) / (1 - yh)
    c2 = (-y * (1 - yh) + (1 - y) * yh) / (yh * (1 - yh))
    c3 = ((y - yh) if v.m(4) else (yh - y)) / (yh * (1 - yh))
    return chain(dg, r1, r2, r3, r4, r5) + chain(dL, c1, c2, c3)


def softmax_quotient_draw(rng):
    K = rng.choice([3, 4, 5])
    i, j = rng.sample(range(K), 2)
    return dict(K=K, z=[uniform(rng, -2, 2) for _ in range(K)], i1=rng.randrange(K), j1=rng.randrange(K), i=i, j=j)


def s7a_softmax_quotient_crossvalidated(P, v):
    """d S_i / d z_j by numeric differentiation; the quotient rule's display at any (i, j) (its
    partial derivatives of e^{z_i} and of the sum also numeric), the case i != j at distinct i, j."""
    K, z0 = P["K"], P["z"]
    at = lambda j, t: [t if k == j else z0[k] for k in range(K)]      # z with z_j = t
    Z = lambda z: mp.fsum(exp(t) for t in z)
    S = lambda z, i: exp(z[i]) / Z(z)
    a, b = P["i1"], P["j1"]
    lhs1 = d(lambda t: S(at(b, t), a), z0[b])
    d_top = d(lambda t: exp(at(b, t)[a]), z0[b])
    d_sum = d(lambda t: Z(at(b, t)), z0[b])
    rhs1 = (Z(z0) * d_top + (1 if v.m(1) else -1) * exp(z0[a]) * d_sum) / Z(z0) ** 2
    i, j = P["i"], P["j"]
    lhs2 = d(lambda t: S(at(j, t), i), z0[j])
    product = exp(z0[i] + z0[j]) if v.l(2) else exp(z0[i]) * exp(z0[j])
    r1 = (Z(z0) * 0 - product) / (Z(z0) if v.m(3) else Z(z0) ** 2)
    r2 = (1 if v.m(2) else -1) * (exp(z0[i]) / Z(z0)) * (exp(z0[j]) / Z(z0))   # v.l(1): the factors commuted
    return [(lhs1, rhs1)] + chain(lhs2, r1, r2)


MODELS = {   # id: (draw, model, draws)
    "gaussian_kl_univariate": (gaussian_kl, gaussian_kl_univariate, 4),
    "gaussian_kl_statproofbook": (gaussian_kl, gaussian_kl_statproofbook, 4),
    "vae_gaussian_kl_term": (vae_draw, vae_gaussian_kl_term, 4),
    "vae_kl_unit_gaussian": (gaussian_kl, vae_kl_unit_gaussian, 4),
    "entropy_gaussian_cover_thomas": (gaussian_kl, entropy_gaussian_cover_thomas, 4),
    "entropy_gaussian_statproofbook": (normal_draw, entropy_gaussian_statproofbook, 4),
    "score_function_identity": (score_draw, score_function_identity, 4),
    "softmax_cross_entropy_gradient": (softmax_draw, softmax_cross_entropy_gradient, 4),
    "gan_gradient_arjovsky_bottou": (gan_draw, gan_gradient_arjovsky_bottou, 3),
    "continuous_uniform": (interval_draw, continuous_uniform, 4),
    "continuous_exponential": (lambda r: dict(lam=uniform(r, .3, 3), x0=uniform(r, 0, 4)), continuous_exponential, 4),
    "continuous_laplace": (lambda r: dict(m=uniform(r, -1, 1), b=uniform(r, .4, 2)), continuous_laplace, 4),
    "vae_reparameterisation": (reparam_draw, vae_reparameterisation, 4),
    "gaussian_loglik_gradient": (loglik_draw, gaussian_loglik_gradient, 4),
    "gaussian_moments": (moments_draw, gaussian_moments, 4),
    "s7b_bern_kl_statproofbook": (bern_pair, s7b_bern_kl_statproofbook, 4),
    "s7b_dmi_mce_statproofbook": (joint_draw, s7b_dmi_mce_statproofbook, 4),
    "s7b_kl_ent_statproofbook": (pmf_pair, s7b_kl_ent_statproofbook, 4),
    "s7b_var_mean_statproofbook": (law_draw, s7b_var_mean_statproofbook, 4),
    "s7b_bern_mean_var_statproofbook": (bern_pair, s7b_bern_mean_var_statproofbook, 4),
    "s7b_poiss_mean_statproofbook": (lambda r: dict(lam=uniform(r, .3, 4)), s7b_poiss_mean_statproofbook, 4),
    "s7b_cuni_kl_statproofbook": (cuni_draw, s7b_cuni_kl_statproofbook, 4),
    "s7b_duni_kl_statproofbook": (duni_draw, s7b_duni_kl_statproofbook, 4),
    "s7b_logsum_statproofbook": (logsum_draw, s7b_logsum_statproofbook, 4),
    "s7b_bern_ent_statproofbook": (bern_pair, s7b_bern_ent_statproofbook, 4),
    "s7a_sigmoid_ce_gradient_notes": (sigmoid_ce_draw, s7a_sigmoid_ce_gradient_notes, 4),
    "s7a_softmax_quotient_crossvalidated": (softmax_quotient_draw, s7a_softmax_quotient_crossvalidated, 4),
}


# ------------------------------------------------------------------------------------- checking

RELATION = re.compile(r"(?<![\\a-zA-Z])(=|<|>)|\\(le|ge|leq|geq|ne|neq)(?![a-zA-Z])")


def relations_in(tex):
    """Relations at brace depth 0 outside comment lines: one per step of the derivation."""
    count = 0
    for line in tex.splitlines():
        if line.lstrip().startswith("%"):
            continue
        depth = parens = 0
        for i, ch in enumerate(line):
            if ch in "(" and line[i - 1:i] != "\\":
                parens += 1
            elif ch == ")" and line[i - 1:i] != "\\":
                parens -= 1
            elif ch == "{" and (i == 0 or line[i - 1] != "\\"):
                depth += 1
            elif ch == "}" and (i == 0 or line[i - 1] != "\\"):
                depth -= 1
            elif depth == 0 and parens <= 0:
                match = RELATION.match(line, i)
                if match and (match.group(1) or line[i] == "\\"):
                    count += 1
    return count


def verdicts(model, draws, edit):
    """Per step: 'true', 'false' or 'unclear', with the largest relative difference seen."""
    worst = None
    for P in draws:
        gaps = []
        for lhs, rhs in model(P, edit):
            scale = max(1, abs(lhs), abs(rhs))
            gaps.append(abs(lhs - rhs) / scale)
        worst = gaps if worst is None else [max(a, b) for a, b in zip(worst, gaps)]
    return [("true" if g <= HOLDS else "false" if g > FAILS else "unclear", g) for g in worst]


def check(ident, out):
    folder = CORPUS / ident
    tex = (folder / "derivation.tex").read_text(encoding="utf-8")
    meta = yaml.safe_load((folder / "meta.yaml").read_text(encoding="utf-8"))
    draw, model, n = MODELS[ident]
    rng = random.Random(f"verify_continuous:{ident}")
    draws = [draw(rng) for _ in range(n)]
    problems = []
    if relations_in(tex) != meta["steps"]:
        problems.append(f"the file has {relations_in(tex)} relations, meta says steps: {meta['steps']}")
    for kind in ("mutants", "lookalikes"):
        for k, item in enumerate(meta[kind], 1):
            if tex.count(item["find"]) != 1:
                problems.append(f"{kind[:-1]} {k}: find occurs {tex.count(item['find'])} times")
    source = inspect.getsource(model)
    for kind, letter in (("mutants", "m"), ("lookalikes", "l")):
        for k in range(1, len(meta[kind]) + 1):
            if f"v.{letter}({k})" not in source:
                problems.append(f"{kind[:-1]} {k} is not modelled (v.{letter}({k}) appears nowhere in {model.__name__})")
    base = verdicts(model, draws, Edit())
    if len(base) != meta["steps"]:
        problems.append(f"the model has {len(base)} steps, meta says {meta['steps']}")
    false = [i for i, (state, _) in enumerate(base, 1) if state != "true"]
    if false:
        problems.append(f"steps not true: {false} ({[mp.nstr(base[i - 1][1], 3) for i in false]})")
    out.append(f"{ident}: {meta['steps']} steps true at {n} draws "
               f"(largest relative difference {mp.nstr(max(g for _, g in base), 2)})")
    for k, item in enumerate(meta["mutants"], 1):
        states = verdicts(model, draws, Edit("mutant", k))
        broken = [i for i, (state, _) in enumerate(states, 1) if state == "false"]
        unclear = [i for i, (state, _) in enumerate(states, 1) if state == "unclear"]
        smallest = min((states[i - 1][1] for i in broken), default=mp.mpf(0))
        out.append(f"  mutant {k}: false at steps {broken} (smallest gap {mp.nstr(smallest, 2)})")
        if broken != sorted(item["broken"]) or unclear:
            problems.append(f"mutant {k}: false at {broken}, unclear at {unclear}, meta says broken: {item['broken']}")
    for k, item in enumerate(meta["lookalikes"], 1):
        states = verdicts(model, draws, Edit("lookalike", k))
        bad = [i for i, (state, _) in enumerate(states, 1) if state != "true"]
        out.append(f"  look-alike {k}: {'all steps true' if not bad else f'NOT true at {bad}'}")
        if bad:
            problems.append(f"look-alike {k}: steps {bad} not true")
    out.extend(f"  PROBLEM: {p}" for p in problems)
    return not problems


def main(argv):
    idents = argv or sorted(MODELS)
    on_disk = sorted(p.parent.name for p in CORPUS.glob("*/meta.yaml") if p.parent.name in MODELS)
    ok = True
    for ident in idents:
        out = []
        ok &= check(ident, out)
        print("\n".join(out), flush=True)
    missing = sorted(set(MODELS) - set(on_disk))
    if missing and not argv:
        print(f"models without a corpus folder: {missing}")
        ok = False
    print("all derivations check out" if ok else "PROBLEMS FOUND")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

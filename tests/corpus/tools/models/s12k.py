"""Truth models of the s12k_ entries (a held-out set of GAN / f-GAN / VAE derivations restated in blog
posts, course notes, study notes and a tutorial notebook: solving for the optimal discriminator, the
GAN loss at the optimal discriminator as -log 4 + 2 JSD, the -log D generator loss as KL - 2 JS,
LSGAN's Pearson chi^2, the variational lower bound of an f-divergence, the KL to the posterior
decomposed, the ELBO as likelihood minus KL, the KL between two univariate Gaussians).

Densities on random finite supports (integrals against counting measure: every identity here holds
for every measure), the generator's law as the pushforward of a noise pmf by a random map, the
Gaussian integrals over the line by a scaled trapezoid rule (tools shared with s7c), suprema by a
dense grid with refinement, and an equation-solving chain checked at the solution of its hypothesis.
Nothing here uses derive."""

from __future__ import annotations

import math

import numpy as np

from .base import Model, Step, chain, grid_max, js, kl, pmf, tight
from .s7c import _integral, _lnpdf, _npdf

LOG = np.log
EXP = np.exp
N = 5


# ------------------------------------------------------------------ latent-variable model on a grid

def _latent(rng):
    """A joint pmf p(x, z) on 3 x 5 points (x observed at index 0) and a variational pmf q(z)."""
    w = rng.uniform(0.2, 1.0, size=(3, N))
    joint = w / w.sum()
    return {"joint": joint, "q": pmf(rng, N)}


def _parts(e):
    joint, q = e["joint"], e["q"]
    pxz = joint[0]                      # p(x, z) at the observed x
    px = float(pxz.sum())               # p(x)
    prior = joint.sum(axis=0)           # p(z)
    post = pxz / px                     # p(z | x)
    lik = pxz / prior                   # p(x | z)
    return q, pxz, px, prior, post, lik


def _Eq(e, v):
    return float(np.sum(e["q"] * v))


def _elbo_kl():
    def P(e):
        return _parts(e)

    def KL(e):
        q, pxz, px, prior, post, lik = P(e)
        return kl(q, post)

    def r12(e, swap=False):
        q, pxz, px, prior, post, lik = P(e)
        return _Eq(e, LOG(post) - LOG(q)) if swap else _Eq(e, LOG(q) - LOG(post))

    def r16(e, inv=False):
        q, pxz, px, prior, post, lik = P(e)
        ratio = px / pxz if inv else pxz / px
        return _Eq(e, LOG(q)) - _Eq(e, LOG(ratio))

    def r19(e, sign=1):
        q, pxz, px, prior, post, lik = P(e)
        return _Eq(e, LOG(q) - LOG(pxz)) + sign * math.log(px)

    def rearr_r(e, sign=-1):
        return math.log(_parts(e)[2]) + sign * KL(e)
    rows = {
        "KL": KL,
        "r11": lambda e: _Eq(e, LOG(e["q"] / P(e)[4])),
        "r12": r12,
        "r13": lambda e: float(np.sum(e["q"] * LOG(e["q"]) - e["q"] * LOG(P(e)[4]))),
        "r14": lambda e: float(np.sum(e["q"] * LOG(e["q"]))) - float(np.sum(e["q"] * LOG(P(e)[4]))),
        "r15": lambda e: _Eq(e, LOG(e["q"])) - _Eq(e, LOG(P(e)[4])),
        "r16": r16,
        "r17": lambda e: _Eq(e, LOG(e["q"])) - _Eq(e, LOG(P(e)[1]) - math.log(P(e)[2])),
        "r18": lambda e: _Eq(e, LOG(e["q"]) - LOG(P(e)[1])) + _Eq(e, np.full(N, math.log(P(e)[2]))),
        "r19": r19,
        "rl": lambda e: _Eq(e, LOG(P(e)[1]) - LOG(e["q"])), "rr": rearr_r,
    }
    steps = tight(chain(["KL", ("=", "r11"), ("=", "r12"), ("=", "r13"), ("=", "r14"), ("=", "r15"),
                          ("=", "r16"), ("=", "r17"), ("=", "r18"), ("=", "r19")]) + [Step("=", "rl", "rr")], 1e-10)
    return Model(
        sample=_latent, rows=rows, steps=steps,
        mutants=[
            {"r16": lambda e: r16(e, inv=True)},
            {"r19": lambda e: r19(e, sign=-1)},
            {"rr": lambda e: rearr_r(e, sign=+1)},
            {"r12": lambda e: r12(e, swap=True)},
            {"KL": lambda e: kl(P(e)[4], e["q"])},
        ],
        lookalikes=[
            {"r11": lambda e: -_Eq(e, LOG(P(e)[4] / e["q"]))},
            {"rr": lambda e: -KL(e) + math.log(P(e)[2])},
            {"r18": lambda e: _Eq(e, LOG(e["q"]) - LOG(P(e)[1])) + math.log(P(e)[2])},
        ])


def _elbo_recon():
    def P(e):
        return _parts(e)

    def d1(e, inv=False):
        q, pxz = e["q"], P(e)[1]
        return _Eq(e, LOG(q / pxz)) if inv else _Eq(e, LOG(pxz / q))

    def r23(e, post=False):
        q, pxz, px, prior, pst, lik = P(e)
        first = pst if post else lik
        return _Eq(e, LOG(first * prior)) - _Eq(e, LOG(q))

    def r24(e, sign=1):
        q, pxz, px, prior, post, lik = P(e)
        return _Eq(e, LOG(lik)) + sign * _Eq(e, LOG(prior)) - _Eq(e, LOG(q))

    def r26(e, inv=False):
        q, pxz, px, prior, post, lik = P(e)
        ratio = q / prior if inv else prior / q
        return _Eq(e, LOG(lik)) + float(np.sum(q * LOG(ratio)))

    def r27(e, swap=False):
        q, pxz, px, prior, post, lik = P(e)
        return _Eq(e, LOG(lik)) - (kl(prior, q) if swap else kl(q, prior))
    elbo = lambda e: _Eq(e, LOG(P(e)[1]) - LOG(e["q"]))
    rows = {
        "E0": elbo, "d1": d1,
        "E": elbo, "r21": elbo,
        "r22": lambda e: _Eq(e, LOG(P(e)[1])) - _Eq(e, LOG(e["q"])),
        "r23": r23, "r24": r24,
        "r25": lambda e: _Eq(e, LOG(P(e)[5])) + _Eq(e, LOG(P(e)[3]) - LOG(e["q"])),
        "r26": r26, "r27": r27,
    }
    steps = tight([Step("=", "E0", "d1")] + chain(["E", ("=", "r21"), ("=", "r22"), ("=", "r23"), ("=", "r24"),
                                                   ("=", "r25"), ("=", "r26"), ("=", "r27")]), 1e-10)
    return Model(
        sample=_latent, rows=rows, steps=steps,
        mutants=[
            {"r24": lambda e: r24(e, sign=-1)},
            {"r27": lambda e: r27(e, swap=True)},
            {"r26": lambda e: r26(e, inv=True)},
            {"d1": lambda e: d1(e, inv=True)},
            {"r23": lambda e: r23(e, post=True)},
        ],
        lookalikes=[
            {"r27": lambda e: -kl(e["q"], P(e)[3]) + _Eq(e, LOG(P(e)[5]))},
            {"r23": lambda e: _Eq(e, LOG(P(e)[3] * P(e)[5])) - _Eq(e, LOG(e["q"]))},
            {"r26": lambda e: _Eq(e, LOG(P(e)[5])) - float(np.sum(e["q"] * LOG(e["q"] / P(e)[3])))},
        ])


# ------------------------------------------------------------------ KL of two univariate normals

def _gauss_kl():
    def sample(rng):
        return {"m1": rng.uniform(-2, 2), "s1": rng.uniform(0.5, 2), "m2": rng.uniform(-2, 2),
                "s2": rng.uniform(0.5, 2), "x": rng.uniform(-4, 4)}

    def EP(e, f):
        return _integral(lambda x: _npdf(x, e["m1"], e["s1"]) * f(x), e["m1"], e["s1"])

    def EQ(e, f):
        return _integral(lambda x: _npdf(x, e["m2"], e["s2"]) * f(x), e["m2"], e["s2"])
    lnratio = lambda e: (lambda x: _lnpdf(x, e["m1"], e["s1"]) - _lnpdf(x, e["m2"], e["s2"]))

    def lr2(e, swap=False, inv=False):
        m1, s1, m2, s2, x = e["m1"], e["s1"], e["m2"], e["s2"], e["x"]
        c = math.log(s1 / s2) if inv else math.log(s2 / s1)
        sg = -1 if swap else 1
        return c + sg * (x - m2) ** 2 / (2 * s2 ** 2) - sg * (x - m1) ** 2 / (2 * s1 ** 2)

    def t1(e, flip=False):
        m1, m2 = e["m1"], e["m2"]
        coef = 2 * (m2 - m1) if flip else 2 * (m1 - m2)
        return EP(e, lambda x: (x - m1) ** 2) + coef * EP(e, lambda x: x - m1) + (m1 - m2) ** 2

    def formula(e, half=-0.5, den=None, logform=False):
        m1, s1, m2, s2 = e["m1"], e["s1"], e["m2"], e["s2"]
        d = s2 if den is None else den
        lead = 0.5 * math.log(s2 ** 2 / s1 ** 2) if logform else math.log(s2 / s1)
        return lead + (s1 ** 2 + (m1 - m2) ** 2) / (2 * d ** 2) + half
    rows = {
        "KL": lambda e: EP(e, lnratio(e)), "i1": lambda e: EP(e, lnratio(e)),
        "e1": lambda e: EP(e, lnratio(e)),
        "lr": lambda e: float(lnratio(e)(e["x"])), "lr2": lr2,
        "m2nd": lambda e: EP(e, lambda x: (x - e["m2"]) ** 2), "t1": t1,
        "t2": lambda e: e["s1"] ** 2 + (e["m1"] - e["m2"]) ** 2,
        "KLb": lambda e: EP(e, lnratio(e)), "f": formula,
    }
    steps = tight(chain(["KL", ("=", "i1"), ("=", "e1")]) + [Step("=", "lr", "lr2")]
                   + chain(["m2nd", ("=", "t1"), ("=", "t2")]) + [Step("=", "KLb", "f")], 1e-7)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"lr2": lambda e: lr2(e, swap=True)},
            {"lr2": lambda e: lr2(e, inv=True)},
            {"t2": lambda e: e["s2"] ** 2 + (e["m1"] - e["m2"]) ** 2},
            {"f": lambda e: formula(e, half=+0.5)},
            {"f": lambda e: formula(e, den=e["s1"])},
            {"e1": lambda e: EQ(e, lnratio(e))},
        ],
        lookalikes=[
            {"t1": lambda e: t1(e, flip=True)},
            {"f": lambda e: formula(e, logform=True)},
            {"i1": lambda e: -EP(e, lambda x: -lnratio(e)(x))},
        ])


# ------------------------------------------------------------------ GAN: loss at D^* as -log 4 + 2 JSD

def _gan_jsd():
    def sample(rng):
        return {"P": pmf(rng, N), "Q": pmf(rng, N), "pd": pmf(rng, N), "pg": pmf(rng, N)}
    P, Q = (lambda e: e["P"]), (lambda e: e["Q"])
    mix = lambda e: (e["pd"] + e["pg"]) / 2

    def k3(e, sign=-1, two=False):
        den = 2 * Q(e) if two else Q(e) / 2
        return float(np.sum(P(e) * LOG(P(e) / den))) + sign * math.log(2)

    def jdef(e, first=0.5):
        M = (P(e) + Q(e)) / 2
        return first * kl(P(e), M) + 0.5 * kl(Q(e), M)

    def V(e):
        ds = e["pd"] / (e["pd"] + e["pg"])
        return float(np.sum(e["pd"] * LOG(ds) + e["pg"] * LOG(1 - ds)))

    def v1(e, const=4, swap=False):
        second = kl(mix(e), e["pg"]) if swap else kl(e["pg"], mix(e))
        return -math.log(const) + kl(e["pd"], mix(e)) + second

    def v2(e, coef=2):
        return -math.log(4) + coef * js(e["pd"], e["pg"])
    rows = {
        "KL": lambda e: kl(P(e), Q(e)), "k1": lambda e: float(np.sum(P(e) * LOG(P(e) / Q(e)))),
        "k2": lambda e: float(np.sum(P(e) * LOG(2 * P(e) / (2 * Q(e))))), "k3": k3,
        "JSD": lambda e: js(P(e), Q(e)), "jdef": jdef,
        "V": V, "v1": v1, "v2": v2,
    }
    steps = tight(chain(["KL", ("=", "k1"), ("=", "k2"), ("=", "k3")]) + [Step("=", "JSD", "jdef")]
                   + chain(["V", ("=", "v1"), ("=", "v2")]), 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"k3": lambda e: k3(e, sign=+1)},
            {"k3": lambda e: k3(e, two=True)},
            {"jdef": lambda e: jdef(e, first=1.0)},
            {"v1": lambda e: v1(e, const=2)},
            {"v2": lambda e: v2(e, coef=1)},
            {"v1": lambda e: v1(e, swap=True)},
        ],
        lookalikes=[
            {"v2": lambda e: -math.log(4) + 2 * js(e["pg"], e["pd"])},
            {"k2": lambda e: float(np.sum(P(e) * LOG((P(e) / 2) / (Q(e) / 2))))},
            {"v1": lambda e: -2 * math.log(2) + kl(e["pd"], mix(e)) + kl(e["pg"], mix(e))},
        ])


# ------------------------------------------------------------------ GAN: -log D at D^* as KL - 2 JS

def _gan_logd():
    def sample(rng):
        return {"Pr": pmf(rng, N), "Pg": pmf(rng, N)}
    Pr, Pg = (lambda e: e["Pr"]), (lambda e: e["Pg"])
    Ds = lambda e: Pr(e) / (Pr(e) + Pg(e))
    Eg = lambda e, v: float(np.sum(Pg(e) * v))
    Er = lambda e, v: float(np.sum(Pr(e) * v))

    def b9(e, sign=-1):
        return 2 * js(Pr(e), Pg(e)) + sign * 2 * math.log(2)

    def c3(e, inv=False):
        r = Ds(e) / (1 - Ds(e)) if inv else (1 - Ds(e)) / Ds(e)
        return Eg(e, LOG(r))

    def c4(e, sign=-1):
        return Eg(e, LOG(1 - Ds(e))) + sign * Eg(e, LOG(Ds(e)))

    def e1(e, swap=False):
        k = kl(Pr(e), Pg(e)) if swap else kl(Pg(e), Pr(e))
        return k - Eg(e, LOG(1 - Ds(e)))

    def e2(e, sign=+1, coef=2, swap=False):
        j = js(Pg(e), Pr(e)) if swap else js(Pr(e), Pg(e))
        return kl(Pg(e), Pr(e)) - coef * j + sign * 2 * math.log(2) + Er(e, LOG(Ds(e)))
    rows = {
        "a9": lambda e: Er(e, LOG(Ds(e))) + Eg(e, LOG(1 - Ds(e))), "b9": b9,
        "KL": lambda e: kl(Pg(e), Pr(e)), "c1": lambda e: Eg(e, LOG(Pg(e) / Pr(e))),
        "c2": lambda e: Eg(e, LOG((Pg(e) / (Pr(e) + Pg(e))) / (Pr(e) / (Pr(e) + Pg(e))))),
        "c3": c3, "c4": c4,
        "E": lambda e: Eg(e, -LOG(Ds(e))), "e1": e1, "e2": e2,
    }
    steps = tight([Step("=", "a9", "b9")] + chain(["KL", ("=", "c1"), ("=", "c2"), ("=", "c3"), ("=", "c4")])
                   + chain(["E", ("=", "e1"), ("=", "e2")]), 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"b9": lambda e: b9(e, sign=+1)},
            {"c3": lambda e: c3(e, inv=True)},
            {"c4": lambda e: c4(e, sign=+1)},
            {"e2": lambda e: e2(e, sign=-1)},
            {"e1": lambda e: e1(e, swap=True)},
            {"e2": lambda e: e2(e, coef=1)},
        ],
        lookalikes=[
            {"e2": lambda e: e2(e, swap=True)},
            {"e2": lambda e: kl(Pg(e), Pr(e)) - 2 * js(Pr(e), Pg(e)) + math.log(4) + Er(e, LOG(Ds(e)))},
            {"c2": lambda e: Eg(e, LOG((Pg(e) / (Pg(e) + Pr(e))) / (Pr(e) / (Pg(e) + Pr(e)))))},
        ])


# ------------------------------------------------------------------ GAN: solving for D^* (equation chain)

def _dstar():
    """Each row is an equation in D = D^*(x); D is the solution of the hypothesis (the first row),
    a = p_R(x), b = p_G(x) (= p_Z(G(z)=x)) at one point."""
    def sample(rng):
        a, b = rng.uniform(0.05, 1.0), rng.uniform(0.05, 1.0)
        return {"a": a, "b": b, "D": a / (a + b)}
    a, b, D = (lambda e: e["a"]), (lambda e: e["b"]), (lambda e: e["D"])
    rows = {
        "r1": lambda e: a(e) / D(e) - b(e) / (1 - D(e)), "zero": lambda e: 0.0,
        "r2l": lambda e: a(e) / D(e), "r2r": lambda e: b(e) / (1 - D(e)),
        "r3l": lambda e: a(e) - D(e) * a(e), "r3r": lambda e: D(e) * b(e),
        "r4l": a, "r4r": lambda e: D(e) * (a(e) + b(e)),
        "r5l": D, "r5r": lambda e: a(e) / (a(e) + b(e)),
    }
    steps = tight([Step("=", "r1", "zero"), Step("=", "r2l", "r2r"), Step("=", "r3l", "r3r"),
                    Step("=", "r4l", "r4r"), Step("=", "r5l", "r5r")], 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r2r": lambda e: b(e) / (1 + D(e))},
            {"r3l": lambda e: a(e) + D(e) * a(e)},
            {"r4r": lambda e: D(e) * (a(e) - b(e))},
            {"r5r": lambda e: b(e) / (a(e) + b(e))},
            {"r1": lambda e: a(e) / D(e) + b(e) / (1 - D(e))},
        ],
        lookalikes=[
            {"r4r": lambda e: D(e) * a(e) + D(e) * b(e)},
            {"r5r": lambda e: 1 / (1 + b(e) / a(e))},
        ])


# ------------------------------------------------------------------ LSGAN: Pearson chi^2

def _lsgan():
    def sample(rng):
        pz = pmf(rng, N + 2)
        G = np.concatenate([rng.permutation(N), rng.integers(0, N, size=2)])
        pg = np.bincount(G, weights=pz, minlength=N)
        return {"pd": pmf(rng, N), "pz": pz, "G": G, "pg": pg,
                "a": rng.uniform(-2, 2), "b": rng.uniform(-2, 2), "c": rng.uniform(-2, 2)}

    def dstar(e):
        top = (e["a"] * e["pd"] + e["b"] * e["pg"]) if e.get("swap") else (e["b"] * e["pd"] + e["a"] * e["pg"])
        return top / (e["pd"] + e["pg"])

    def twoC(e):
        d = dstar(e)
        return 2 * (0.5 * float(np.sum(e["pd"] * (d - e["c"]) ** 2))
                    + 0.5 * float(np.sum(e["pz"] * (d[e["G"]] - e["c"]) ** 2)))

    def i1(e, first=None, half=1.0):
        a, b, c, pd, pg = e["a"], e["b"], e["c"], e["pd"], e["pg"]
        k = (b - c) if first is None else first(e)
        return half * float(np.sum((k * pd + (a - c) * pg) ** 2 / (pd + pg)))

    def chi(e, two=2.0):
        pd, pg = e["pd"], e["pg"]
        P, Qv = pd + pg, two * pg
        return float(np.sum((Qv - P) ** 2 / P))

    def conditions(e, ba=2.0):
        b = e["b"]
        return {**e, "c": b - 1.0, "a": b - ba}
    steps = tight([Step("=", "C2", "i1"), Step("=", "C2b", "chi", when=conditions)], 1e-10)
    return Model(
        sample=sample, rows={"C2": twoC, "i1": i1, "C2b": twoC, "chi": chi}, steps=steps,
        mutants=[
            {"i1": lambda e: i1(e, first=lambda e: e["b"] - e["a"])},
            {"i1": lambda e: i1(e, half=0.5)},
            {("when", 2): lambda e: conditions(e, ba=1.0)},
            {"chi": lambda e: chi(e, two=1.0)},
        ],
        lookalikes=[{}, {"env": lambda e: {**e, "swap": True}}, {}])


# ------------------------------------------------------------------ f-divergence variational bound

_CONJ = {
    # f(u), f^*(t)
    "kl": (lambda u: u * np.log(u), lambda t: np.exp(t - 1)),
    "pearson": (lambda u: (u - 1) ** 2, lambda t: t + t ** 2 / 4),
}


def _fgan_dual():
    def sample(rng):
        return {"p": pmf(rng, N), "q": pmf(rng, N), "g": rng.normal(0, 1.2, size=N),
                "kind": ("kl", "pearson")[int(rng.integers(2))]}
    f = lambda e: _CONJ[e["kind"]][0]
    fs = lambda e: _CONJ[e["kind"]][1]
    u = lambda e: e["p"] / e["q"]

    def r2(e, sign=-1):
        sups = [grid_max(lambda y, uk=uk: y * uk + sign * fs(e)(y), -30.0, 30.0)[0] for uk in u(e)]
        return float(np.sum(e["q"] * np.array(sups)))

    def r5(e, second="q"):
        return float(np.sum(e["p"] * e["g"])) - float(np.sum(e[second] * fs(e)(e["g"])))
    rows = {
        "Df": lambda e: float(np.sum(e["q"] * f(e)(u(e)))),
        "r1": lambda e: float(np.sum(f(e)(u(e)) * e["q"])),
        "r2": r2,
        "r3": lambda e: float(np.sum((e["g"] * u(e) - fs(e)(e["g"])) * e["q"])),
        "r4": lambda e: float(np.sum(e["g"] * u(e) * e["q"])) - float(np.sum(fs(e)(e["g"]) * e["q"])),
        "r5": r5,
        "r6": lambda e: float(np.sum(e["p"] * e["g"])) - float(np.sum(e["q"] * fs(e)(e["g"]))),
    }
    steps = [Step("=", "Df", "r1"), Step("=", "r1", "r2", tol=1e-6), Step(">=", "r2", "r3", tol=1e-6),
             Step("=", "r3", "r4"), Step("=", "r4", "r5"), Step("=", "r5", "r6")]
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {("rel", 3): "<="},
            {"r2": lambda e: r2(e, sign=+1)},
            {"r5": lambda e: r5(e, second="p")},
            {"r6": lambda e: float(np.sum(e["q"] * e["g"])) - float(np.sum(e["p"] * fs(e)(e["g"])))},
        ],
        lookalikes=[
            {"r6": lambda e: -float(np.sum(e["q"] * fs(e)(e["g"]))) + float(np.sum(e["p"] * e["g"]))},
            {"r4": lambda e: -float(np.sum(fs(e)(e["g"]) * e["q"])) + float(np.sum(e["g"] * u(e) * e["q"]))},
        ])


MODELS = {
    "s12k_gan_dstar_delphi": _dstar(),
    "s12k_gan_jsd_lossnotes": _gan_jsd(),
    "s12k_gan_logd_wgannotes": _gan_logd(),
    "s12k_lsgan_chi2_omnianasa": _lsgan(),
    "s12k_fgan_dual_penazzi": _fgan_dual(),
    "s12k_elbo_kl_patacchiola": _elbo_kl(),
    "s12k_gauss_kl_dlnotes": _gauss_kl(),
    "s12k_elbo_recon_patacchiola": _elbo_recon(),
}

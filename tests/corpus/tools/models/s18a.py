"""Truth models of the s18a_ entries (a held-out set of GAN-family derivations from blog posts,
a textbook and a Q&A answer: the JS divergence rewritten with log 2 outside (twice, two posts),
the GAN value at the optimal discriminator, -2 log 2 + 2 JSD, the discriminator loss of Atienza's
Advanced Deep Learning with Keras and its value 2 log 2 - 2 D_JS, and the WGAN paper's
parallel-segments example, where every coupling costs at least |theta|).

Densities on random finite supports (integrals and sums against counting measure); the maximum
over the discriminator by a dense grid at each point; the coupling of (Z, Z') a random joint pmf
on random points of [0, 1]. Nothing here uses derive."""

from __future__ import annotations

import math

import numpy as np

from .base import Model, Step, chain, grid_max, joint, js, kl, pmf

LOG = np.log
N = 5
L2 = math.log(2)


def _tol(steps, tol):
    for st in steps:
        st.tol = tol
    return steps


def _two(rng):
    return {"p": pmf(rng, N), "q": pmf(rng, N)}


# ------------------------------------------------------------------ JSD with log 2 outside (ashyLoveLoli)

def _jsd_ashylove():
    def r1(e, swap=False, order=False):
        p, q = e["p"], e["q"]
        m = (p + q) / 2
        second = kl(m, q) if swap else kl(q, m)
        return 0.5 * kl(p, m) + 0.5 * second

    def r2(e, two_in_q=True):
        p, q = e["p"], e["q"]
        nq = 2 * q if two_in_q else q
        return float(0.5 * np.sum(p * LOG(2 * p / (p + q))) + 0.5 * np.sum(q * LOG(nq / (p + q))))

    def r3(e, const=L2):
        p, q = e["p"], e["q"]
        return float(0.5 * np.sum(p * LOG(p / (p + q))) + 0.5 * np.sum(q * LOG(q / (p + q)))) + const
    rows = {"JSD": lambda e: js(e["p"], e["q"]), "r1": r1, "r2": r2, "r3": r3}
    steps = _tol(chain(["JSD", ("=", "r1"), ("=", "r2"), ("=", "r3")]), 1e-10)
    return Model(
        sample=_two, rows=rows, steps=steps,
        mutants=[
            {"r2": lambda e: r2(e, two_in_q=False)},
            {"r3": lambda e: r3(e, const=-L2)},
            {"r1": lambda e: r1(e, swap=True)},
            {"r3": lambda e: r3(e, const=2 * L2)},
        ],
        lookalikes=[
            {"r3": lambda e: r3(e, const=0.5 * math.log(4))},
            {"r1": lambda e: 0.5 * kl(e["q"], (e["p"] + e["q"]) / 2) + 0.5 * kl(e["p"], (e["p"] + e["q"]) / 2)},
        ])


# ------------------------------------------------------------------ max_D V(G, D) = -2log2 + 2JSD (CSDN notes)

def _vstar_csdn():
    def sample(rng):
        return {"pd": pmf(rng, N), "pg": pmf(rng, N)}

    def maxV(e):
        total = 0.0
        for a, b in zip(e["pd"], e["pg"]):
            total += grid_max(lambda y: a * np.log(y) + b * np.log(1 - y), 1e-6, 1 - 1e-6)[0]
        return total

    def Vstar(e, second_one=True):
        Ds = e["pd"] / (e["pd"] + e["pg"])
        inner = (1 - Ds) if second_one else Ds
        return float(np.sum(e["pd"] * LOG(Ds)) + np.sum(e["pg"] * LOG(inner)))

    def r3(e, const=-2 * L2, coef=2.0, swap=False):
        d = js(e["pg"], e["pd"]) if swap else js(e["pd"], e["pg"])
        return const + coef * d
    rows = {"maxV": maxV, "VDs": Vstar, "r2": Vstar, "r3": r3}
    steps = chain(["maxV", ("=", "VDs"), ("=", "r2"), ("=", "r3")])
    steps[0].tol = 1e-7
    steps[1].tol = steps[2].tol = 1e-10
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r3": lambda e: r3(e, const=-L2)},
            {"r3": lambda e: r3(e, coef=1.0)},
            {"r2": lambda e: Vstar(e, second_one=False)},
            {"r3": lambda e: r3(e, coef=-2.0)},
        ],
        lookalikes=[
            {"r3": lambda e: r3(e, swap=True)},
            {"r3": lambda e: 2 * js(e["pd"], e["pg"]) - math.log(4)},
        ])


# ------------------------------------------------------------------ L^(D) and L^(D*) = 2log2 - 2D_JS (Atienza)

def _lossjs_atienza():
    def sample(rng):
        return {"pd": pmf(rng, N), "pg": pmf(rng, N), "D": rng.uniform(0.05, 0.95, size=N)}
    m = lambda e: (e["pd"] + e["pg"]) / 2

    def L6(e):
        return float(-np.sum(e["pd"] * LOG(e["D"])) - np.sum(e["pg"] * LOG(1 - e["D"])))

    def L7(e, sign=1.0):
        return float(-np.sum(e["pd"] * LOG(e["D"]) + sign * e["pg"] * LOG(1 - e["D"])))

    def L9(e):
        Ds = e["pd"] / (e["pd"] + e["pg"])
        return float(-np.sum(e["pd"] * LOG(Ds)) - np.sum(e["pg"] * LOG(1 - Ds)))

    def L10(e, num="pg"):
        s = e["pd"] + e["pg"]
        return float(-np.sum(e["pd"] * LOG(e["pd"] / s)) - np.sum(e["pg"] * LOG(e[num] / s)))

    def L11(e, const=2 * L2, swap=False):
        second = kl(m(e), e["pg"]) if swap else kl(e["pg"], m(e))
        return const - kl(e["pd"], m(e)) - second

    def L12(e, const=2 * L2, coef=2.0, swap=False):
        d = js(e["pg"], e["pd"]) if swap else js(e["pd"], e["pg"])
        return const - coef * d
    rows = {"L6": L6, "L7": L7, "L9": L9, "L10": L10, "L11": L11, "L12": L12}
    # each display (5.1.10)-(5.1.12) restates L^(D*), defined by (5.1.9): it is a claim about
    # that quantity, true or false on its own, not a link from the display above it
    steps = _tol([Step("=", "L6", "L7"), Step("=", "L9", "L10"), Step("=", "L9", "L11"),
                  Step("=", "L9", "L12")], 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"L7": lambda e: L7(e, sign=-1.0)},
            {"L10": lambda e: L10(e, num="pd")},
            {"L11": lambda e: L11(e, const=L2)},
            {"L12": lambda e: L12(e, coef=1.0)},
            {"L11": lambda e: L11(e, swap=True)},
        ],
        lookalikes=[
            {"L12": lambda e: L12(e, swap=True)},
            {"L12": lambda e: L12(e, const=math.log(4))},
        ])


# ------------------------------------------------------------------ JS with log 2 outside (MorStar)

def _jsd_morstar():
    def JS(e):
        p, q = e["p"], e["q"]
        m = (p + q) / 2
        return 0.5 * kl(p, m) + 0.5 * kl(q, m)

    def row1(e, swap=False):
        p, q = e["p"], e["q"]
        m = (p + q) / 2
        return 0.5 * kl(p, m) + 0.5 * (kl(m, q) if swap else kl(q, m))

    def row2(e, half_q=0.5):
        p, q = e["p"], e["q"]
        m = (p + q) / 2
        return float(0.5 * np.sum(p * LOG(p / m)) + half_q * np.sum(q * LOG(q / m)))

    def row3(e, bad=False):
        p, q = e["p"], e["q"]
        tq = q / (2 * (p + q)) if bad else 2 * q / (p + q)
        return float(0.5 * np.sum(p * LOG(2 * p / (p + q))) + 0.5 * np.sum(q * LOG(tq)))

    def row4(e, const=L2):
        p, q = e["p"], e["q"]
        return float(0.5 * np.sum(p * LOG(p / (p + q))) + 0.5 * np.sum(q * LOG(q / (p + q)))) + const
    rows = {"JS12": lambda e: js(e["p"], e["q"]), "def": JS, "JS": lambda e: js(e["p"], e["q"]),
            "row1": row1, "row2": row2, "row3": row3, "row4": row4}
    # display 1: JS(P_1 || P_2) = its two half KLs (the standard definition, a step); display 2 the proof
    steps = _tol([Step("=", "JS12", "def")]
                 + chain(["JS", ("=", "row1"), ("=", "row2"), ("=", "row3"), ("=", "row4")]), 1e-10)
    return Model(
        sample=_two, rows=rows, steps=steps,
        mutants=[
            {"row3": lambda e: row3(e, bad=True)},
            {"row4": lambda e: row4(e, const=-L2)},
            {"row2": lambda e: row2(e, half_q=1.0)},
            {"row1": lambda e: row1(e, swap=True)},
        ],
        lookalikes=[
            {"row4": lambda e: row4(e, const=0.5 * math.log(4))},
            {"row2": lambda e: row2(e)},
        ])


# ------------------------------------------------------------------ parallel segments, W >= |theta| (techqa)

def _parallel_techqa():
    def sample(rng):
        n = 4
        # a random coupling, sometimes close to the diagonal (Z' = Z), sometimes spread out
        g = joint(rng, n, n)
        if rng.uniform() < 0.5:
            g = 0.1 * g + 0.9 * np.eye(n) / n
        z = rng.uniform(0, 1, size=n)
        return {"theta": rng.uniform(-3, 3), "g": g, "z": z,
                "w": z if rng.uniform() < 0.5 else rng.uniform(0, 1, size=n)}

    def cost(e, dx=1.0):
        d = e["z"][:, None] - e["w"][None, :]
        return float(np.sum(e["g"] * np.sqrt((dx * e["theta"]) ** 2 + d ** 2)))

    def diag(e, scale=1.0):
        return float(np.sum(e["g"]) * abs(scale * e["theta"]))
    rows = {"L": cost, "R": diag}
    steps = [Step(">=", "L", "R", tol=1e-12)]
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {("rel", 1): "<="},
            {"R": lambda e: diag(e, scale=2.0)},
            {"L": lambda e: cost(e, dx=0.0)},
        ],
        lookalikes=[
            {"L": lambda e: cost(e)},
            {"R": lambda e: diag(e)},
        ])


MODELS = {
    "s18a_gan_jsd_ashylove": _jsd_ashylove(),
    "s18a_gan_vstar_csdnnotes": _vstar_csdn(),
    "s18a_gan_lossjs_atienza": _lossjs_atienza(),
    "s18a_gan_jsd_morstar": _jsd_morstar(),
    "s18a_wgan_parallel_techqa": _parallel_techqa(),
}


# ------------------------------------------------------------------ InfoGAN's bound (Markdown notes)

def _infogan_bound():
    K, M = 3, 4

    def sample(rng):
        P = joint(rng, K, M)                      # P[c, x]
        Qc = rng.uniform(0.2, 1.0, size=(K, M))
        Qc = Qc / Qc.sum(axis=0, keepdims=True)   # Q(c|x), columns sum to 1
        return {"P": P, "Q": Qc}

    def parts(e):
        P = e["P"]
        px = P.sum(axis=0)
        pc = P.sum(axis=1)
        post = P / px[None, :]
        return P, px, pc, post

    def Hc(e):
        pc = parts(e)[2]
        return float(-np.sum(pc * LOG(pc)))

    def I(e):
        P, px, pc, _ = parts(e)
        return float(np.sum(P * LOG(P / (pc[:, None] * px[None, :]))))

    def r1(e, sign=-1.0):
        P, px, pc, post = parts(e)
        Hcx = float(-np.sum(P * LOG(post)))
        return Hc(e) + sign * Hcx

    def r2(e, prior=False, hsign=1.0):
        P, px, pc, post = parts(e)
        inner = LOG(np.broadcast_to(pc[:, None], P.shape)) if prior else LOG(post)
        return float(np.sum(px * np.sum(post * inner, axis=0))) + hsign * Hc(e)

    def r3(e, swap=False):
        P, px, pc, post = parts(e)
        Q = e["Q"]
        klx = np.sum(Q * LOG(Q / post), axis=0) if swap else np.sum(post * LOG(post / Q), axis=0)
        return float(np.sum(px * (klx + np.sum(post * LOG(Q), axis=0)))) + Hc(e)

    def r4(e):
        P, px, pc, post = parts(e)
        return float(np.sum(px * np.sum(post * LOG(e["Q"]), axis=0))) + Hc(e)
    rows = {"I": I, "r1": r1, "r2": r2, "r3": r3, "r4": r4}
    steps = _tol(chain(["I", ("=", "r1"), ("=", "r2"), ("=", "r3"), (">=", "r4")]), 1e-10)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r2": lambda e: r2(e, prior=True)},
            {("rel", 4): "<="},
            {"r3": lambda e: r3(e, swap=True)},
            {"r1": lambda e: r1(e, sign=1.0)},
        ],
        lookalikes=[
            {"r1": lambda e: r1(e)},
            {("rel", 4): ">="},
        ])


MODELS["s18a_infogan_bound_mdnotes"] = _infogan_bound()

"""Truth models of the s17b_ entries (a held-out set on variational inference and VAEs from sources
not used before: the KimRass/VAE README, Han-nu-ri's VAE.md, wangzizhao/VRNN's notes on the IWAE
bound, ...). Discrete densities are random positive pmfs on small finite supports (integrals against
counting measure), joints random positive tables, the observed point index 0; Gaussian integrals by
Gauss-Hermite quadrature; gradients by central differences."""

from __future__ import annotations

import itertools

import numpy as np

from .base import Model, Step, chain, joint, pmf, tight

LOG = np.log
GH_T, GH_W = np.polynomial.hermite.hermgauss(30)


def _kl(p, q):
    return float(np.sum(p * LOG(p / q)))


def _latent(rng):
    nx, nz = int(rng.integers(2, 5)), int(rng.integers(2, 6))
    return {"pxz": joint(rng, nx, nz), "q": pmf(rng, nz)}


def _parts(e):
    """q, the joint's row at the observed x, p(x), prior p(z), posterior p(z|x), likelihood p(x|z)."""
    pxz, q = e["pxz"], e["q"]
    row = pxz[0]
    px = float(row.sum())
    pz = pxz.sum(axis=0)
    return q, row, px, pz, row / px, row / pz


def _E(e, g):
    return float(np.sum(e["q"] * g))


# ------------------------------------------------------------------ ELBO + KL gap (KimRass/VAE)

def _kimrass():
    P = _parts

    def r2(e, inv=False):
        q, row, px, pz, post, lik = P(e)
        return _E(e, LOG(post / row if inv else row / post))

    def r4(e, inv=False):
        q, row, px, pz, post, lik = P(e)
        return _E(e, LOG(row / q)) + _E(e, LOG(post / q) if inv else LOG(q / post))

    def e2(e, prior=True):
        q, row, px, pz, post, lik = P(e)
        return _E(e, LOG(lik * (pz if prior else 1.0) / q))

    def e3(e, sign=1.0):
        q, row, px, pz, post, lik = P(e)
        return _E(e, LOG(lik)) + sign * _E(e, LOG(pz / q))

    rows = {
        "n": lambda e: float(np.sum(e["q"])), "one": lambda e: 1.0,
        "l": lambda e: float(LOG(P(e)[2])),
        "r1": lambda e: _E(e, LOG(P(e)[2]) + 0 * e["q"]),
        "r2": r2,
        "r3": lambda e: _E(e, LOG(P(e)[1] / P(e)[0] * P(e)[0] / P(e)[4])),
        "r4": r4,
        "E1": lambda e: _E(e, LOG(P(e)[1] / P(e)[0])),
        "e2": e2, "e3": e3,
    }
    steps = tight([Step("=", "n", "one")]
                   + chain(["l", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4")])
                   + chain(["E1", ("=", "e2"), ("=", "e3")]), 1e-10)
    return Model(
        sample=_latent, rows=rows, steps=steps,
        mutants=[
            {"r2": lambda e: r2(e, inv=True)},
            {"r4": lambda e: r4(e, inv=True)},
            {"e2": lambda e: e2(e, prior=False)},
            {"e3": lambda e: e3(e, sign=-1.0)},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ ELBO by Jensen (Han-nu-ri)

def _hannuri():
    P = _parts

    def marg(e):
        q, row, px, pz, post, lik = P(e)
        return float(LOG(np.sum(lik * pz)))

    def r2(e, times_q=True):
        # z is continuous: its masses are densities on cells of width w (densities may
        # exceed 1); only the mutant's integral of p/q, not a ratio of densities, sees w
        q, row, px, pz, post, lik = P(e)
        return float(LOG(np.sum(lik * pz / q * (q if times_q else e["w"]))))

    def sample(rng):
        e = _latent(rng)
        e["w"] = 10 ** rng.uniform(-2, 0.5)
        return e

    def r4(e, sign=-1.0):
        q, row, px, pz, post, lik = P(e)
        return _E(e, LOG(lik) + sign * LOG(q / pz))

    def r5(e, inv=False):
        q, row, px, pz, post, lik = P(e)
        return _E(e, LOG(lik)) - _E(e, LOG(pz / q) if inv else LOG(q / pz))

    rows = {
        "l": lambda e: float(LOG(P(e)[2])), "r1": marg, "r2": r2,
        "r3": lambda e: _E(e, LOG(P(e)[5] * P(e)[3] / P(e)[0])),
        "r4": r4, "r5": r5,
    }
    steps = tight(chain(["l", ("=", "r1"), ("=", "r2"), (">=", "r3"), (">=", "r4"), (">=", "r5")]),
                   1e-10)

    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r2": lambda e: r2(e, times_q=False)},
            {("rel", 3): "<="},
            {"r4": lambda e: r4(e, sign=+1.0)},
            {"r5": lambda e: r5(e, inv=True)},
        ],
        lookalikes=[{("rel", 4): "="}, {}])


# ------------------------------------------------------------------ IWAE bounds (wangzizhao/VRNN)

def _vrnn():
    P = _parts

    def sample(rng):
        e = _latent(rng)
        e["nz"] = e["pxz"].shape[1]
        e["nz"] = min(e["nz"], 4)
        e["pxz"] = e["pxz"][:, : e["nz"]] / e["pxz"][:, : e["nz"]].sum()
        e["q"] = pmf(rng, e["nz"])
        e["k"] = int(rng.integers(1, 3))
        e["seed"] = int(rng.integers(0, 2 ** 31))
        return e

    def weights(e, prior=True):
        q, row, px, pz, post, lik = P(e)
        return lik * (pz if prior else 1.0) / q

    def L(e, k, scale=True, prior=True):
        w, q = weights(e, prior), e["q"]
        tot = 0.0
        for idx in itertools.product(range(len(q)), repeat=k):
            idx = list(idx)
            s = np.sum(w[idx]) / (k if scale else 1)
            tot += float(np.prod(q[idx])) * float(LOG(s))
        return tot

    def Llim(e, scale=True, prior=True):
        rng = np.random.default_rng(e["seed"])
        K = 40000
        z = rng.choice(len(e["q"]), size=K, p=e["q"])
        w = weights(e, prior)[z]
        return float(LOG(np.sum(w) / (K if scale else 1)))

    rows = {
        "l": lambda e: float(LOG(P(e)[2])),
        "Lk1": lambda e: L(e, e["k"] + 1), "Lk": lambda e: L(e, e["k"]),
        "lim": lambda e: Llim(e), "l3": lambda e: float(LOG(P(e)[2])),
    }
    steps = [Step(">=", "l", "Lk1", tol=1e-10), Step(">=", "Lk1", "Lk", tol=1e-10),
             Step("=", "lim", "l3", tol=5e-3)]
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {("rel", 1): "<="},
            {("rel", 2): "<="},
            {"Lk1": lambda e: L(e, e["k"] + 1, scale=False), "Lk": lambda e: L(e, e["k"], scale=False),
             "lim": lambda e: Llim(e, scale=False)},
            {"Lk1": lambda e: L(e, e["k"] + 1, prior=False), "Lk": lambda e: L(e, e["k"], prior=False),
             "lim": lambda e: Llim(e, prior=False)},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ pathwise gradient (genai-lab)

def _genailab():
    def sample(rng):
        k = int(rng.integers(2, 6))
        return {"eps": rng.uniform(-2, 2, k), "p": pmf(rng, k),
                "a": rng.uniform(-1, 1, k), "b": rng.uniform(-1, 1, k), "c": rng.uniform(-1, 1, k),
                "al": rng.uniform(-2, 2), "be": rng.uniform(-1, 1), "phi": rng.uniform(-1, 1),
                "e0": rng.uniform(-2, 2), "a0": rng.uniform(-1, 1), "b0": rng.uniform(-1, 1),
                "c0": rng.uniform(-1, 1)}

    # g_phi(eps) = a + phi b + phi^2 c eps, with per-atom coefficients; at a free eps the (a0, b0, c0)
    def g(e, phi, eps=None, coef=None):
        a, b, c = coef if coef is not None else (e["a"], e["b"], e["c"])
        eps = e["eps"] if eps is None else eps
        return a + phi * b + phi * phi * c * eps

    def dg(e, phi, eps=None, coef=None):
        a, b, c = coef if coef is not None else (e["a"], e["b"], e["c"])
        eps = e["eps"] if eps is None else eps
        return b + 2 * phi * c * eps

    def f(e, x):
        return e["al"] * np.sin(x) + e["be"] * x * x

    def df(e, x):
        return e["al"] * np.cos(x) + 2 * e["be"] * x

    def J_law(e, phi):
        """E_{q_phi}[f]: q_phi built as the law of g_phi(eps), atoms merged by value."""
        vals, inv = np.unique(np.round(g(e, phi), 12), return_inverse=True)
        mass = np.bincount(inv, weights=e["p"])
        return float(np.sum(mass * f(e, vals)))

    def J_eps(e, phi, noise_only=False):
        x = e["eps"] if noise_only else g(e, phi)
        return float(np.sum(e["p"] * f(e, x)))

    h = 1e-5

    def grad(fun, e):
        return (fun(e, e["phi"] + h) - fun(e, e["phi"] - h)) / (2 * h)

    def pathwise(e, at_eps=False, plus=False):
        x = e["eps"] if at_eps else g(e, e["phi"])
        a, b = df(e, x), dg(e, e["phi"])
        return float(np.sum(e["p"] * ((a + b) if plus else a * b)))

    def co(e):
        return (e["a0"], e["b0"], e["c0"])

    def pt_lhs(e):
        fun = lambda e_, phi: float(f(e_, g(e_, phi, e_["e0"], co(e_))))
        return grad(fun, e)

    def pt_rhs(e, plus=False):
        a = float(df(e, g(e, e["phi"], e["e0"], co(e))))
        b = float(dg(e, e["phi"], e["e0"], co(e)))
        return a + b if plus else a * b

    rows = {
        "J1": lambda e: J_law(e, e["phi"]), "r1": lambda e: J_eps(e, e["phi"]),
        "G2": lambda e: grad(J_law, e), "r2": lambda e: pathwise(e),
        "l3": pt_lhs, "r3": pt_rhs,
        "G4": lambda e: grad(J_law, e), "r4": lambda e: pathwise(e),
    }
    steps = [Step("=", "J1", "r1", tol=1e-9), Step("=", "G2", "r2", tol=1e-7),
             Step("=", "l3", "r3", tol=1e-7), Step("=", "G4", "r4", tol=1e-7)]
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r1": lambda e: J_eps(e, e["phi"], noise_only=True)},
            {"r2": lambda e: J_eps(e, e["phi"])},
            {"r4": lambda e: pathwise(e, at_eps=True)},
            {"r3": lambda e: pt_rhs(e, plus=True)},
        ],
        lookalikes=[{}, {"r1": lambda e: float(np.sum(e["p"] * f(e, g(e, e["phi"]))))}])


# ------------------------------------------------------------------ Gaussian cross-entropy, diagonal (MSE 2936340)

def _techqa():
    def sample(rng):
        J = int(rng.integers(1, 5))
        return {"J": J, "mu": rng.uniform(-2, 2, J), "s": rng.uniform(0.3, 2.5, J)}

    def E1(e, g):
        """sum over coordinates of E[g(Z_i)] for Z_i ~ N(mu_i, s_i^2), by Gauss-Hermite."""
        tot = 0.0
        for m, s in zip(e["mu"], e["s"]):
            x = m + np.sqrt(2) * s * GH_T
            tot += float(np.sum(GH_W * g(x)) / np.sqrt(np.pi))
        return tot

    def L2P(e):
        return float(LOG(2 * np.pi))

    def r0(e):
        J = e["J"]
        # log of (2 pi)^{-J/2} exp(-z^T z / 2) integrated against the product density
        return -J / 2 * L2P(e) + E1(e, lambda x: -x * x / 2)

    def r1(e):
        J = e["J"]
        return float(LOG(1 / np.sqrt(2 * np.pi) ** J)) + E1(e, lambda x: -x * x / 2)

    def r2(e, cJ=0.5):
        return -cJ * e["J"] * L2P(e) * 1.0 - 0.5 * E1(e, lambda x: x * x)

    def r3(e, sign=-1.0):
        return -e["J"] / 2 * L2P(e) * 1.0 + sign * 0.5 * E1(e, lambda x: x * x)

    def r4(e):
        return -e["J"] / 2 * L2P(e) - 0.5 * E1(e, lambda x: x * x)

    def r5(e, form="ok"):
        mu, s = e["mu"], e["s"]
        if form == "minus":
            t = mu ** 2 - s ** 2
        elif form == "lin":
            t = mu + s ** 2
        else:
            t = mu ** 2 + s ** 2
        return -e["J"] / 2 * L2P(e) - 0.5 * float(np.sum(t))

    rows = {"r0": r0, "r1": r1, "r2": r2, "r3": r3, "r4": r4, "r5": r5}
    steps = tight(chain(["r0", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5")]), 1e-9)
    return Model(
        sample=sample, rows=rows, steps=steps,
        mutants=[
            {"r2": lambda e: r2(e, cJ=1.0)},
            {"r5": lambda e: r5(e, "minus")},
            {"r5": lambda e: r5(e, "lin")},
            {"r3": lambda e: r3(e, sign=+1.0)},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ variational free energy (Bayes by Backprop notes)

def _bbb():
    # the joint P over (D, w) as a table; the observed data set is index 0; q over w
    P = _parts

    def kl_int(e, inv=False):
        q, row, px, pw, post, lik = P(e)
        return float(np.sum(q * LOG(pw / q if inv else q / pw)))

    def kl_E(e, inv=False):
        q, row, px, pw, post, lik = P(e)
        return _E(e, LOG(pw) - LOG(q) if inv else LOG(q) - LOG(pw))

    def F(e):
        q, row, px, pw, post, lik = P(e)
        return _kl(q, pw) - _E(e, LOG(lik))

    def r3(e, sign=-1.0, posterior=False):
        q, row, px, pw, post, lik = P(e)
        return _E(e, LOG(q) - LOG(post if posterior else pw)) + sign * _E(e, LOG(lik))

    rows = {"K": lambda e: _kl(P(e)[0], P(e)[3]), "k1": kl_int, "k2": kl_E, "F": F, "r3": r3}
    steps = tight(chain(["K", ("=", "k1"), ("=", "k2")]) + [Step("=", "F", "r3")], 1e-10)
    return Model(
        sample=_latent, rows=rows, steps=steps,
        mutants=[
            {"k1": lambda e: kl_int(e, inv=True)},
            {"k2": lambda e: kl_E(e, inv=True)},
            {"r3": lambda e: r3(e, sign=+1.0)},
            {"r3": lambda e: r3(e, posterior=True)},
        ],
        lookalikes=[{}, {}])


MODELS = {
    "s17b_elbo_gap_kimrass": _kimrass(),
    "s17b_elbo_jensen_hannuri": _hannuri(),
    "s17b_iwae_bounds_vrnn": _vrnn(),
    "s17b_reparam_pathwise_genailab": _genailab(),
    "s17b_gauss_xent_diag_techqa": _techqa(),
    "s17b_vfe_kl_bbbnotes": _bbb(),
}

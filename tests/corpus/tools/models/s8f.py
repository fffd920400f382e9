"""Truth models of the s8f_ entries (GAN theory and information theory as taught in blogs,
course notes and Q&A answers: the value function at D*, MLE as KL minimisation, the
Donsker-Varadhan inequality, mutual-information identities, cross-entropy = H + KL, the
multivariate Gaussian entropy two ways, the squared Hellinger distance, the saturating
generator gradient, the two expansions in Fano's proof). Discrete identities on random
pmfs and joint tables; the Gaussian entropy by quadrature on a wide fine grid; derivatives by
the complex step; argmin/argmax over a grid that holds the optimum."""

from __future__ import annotations

import numpy as np

from .base import Model, Step, chain, entropy, joint, js, kl, pmf

LOG = np.log
H_STEP = 1e-20


def _d(fun, at):
    """d fun / d t at t = at, by the complex step (fun must accept complex arguments)."""
    return float(np.imag(fun(at + 1j * H_STEP)) / H_STEP)


# ------------------------------------------------------------------ GAN value function (Jake Tae)

def _gan_jaketae():
    n = 5

    def sample(rng):
        pz = pmf(rng, n + 2)
        G = np.concatenate([rng.permutation(n), rng.integers(0, n, size=2)])
        return {"pd": pmf(rng, n), "pz": pz, "G": G, "pg": np.bincount(G, weights=pz, minlength=n),
                "D": rng.uniform(0.05, 0.95, n)}
    S = lambda a: float(np.sum(a))
    dstar = lambda e: e["pd"] / (e["pd"] + e["pg"])
    mix = lambda e: (e["pd"] + e["pg"]) / 2

    def value(e, D, fake=lambda D: 1 - D):       # V(G, D) as (10) writes it: the fake term under p_z
        return S(e["pd"] * LOG(D)) + S(e["pz"] * LOG(fake(D)[e["G"]]))

    def r14b(e, c=4):
        return (-LOG(c) + S(e["pd"] * (LOG(e["pd"]) - LOG(mix(e))))
                + S(e["pg"] * (LOG(e["pg"]) - LOG(mix(e)))))
    rows = {
        "V": lambda e: value(e, e["D"]),
        "r11a": lambda e: S(e["pd"] * LOG(e["D"])) + S(e["pg"] * LOG(1 - e["D"])),
        "r11b": lambda e: S(e["pd"] * LOG(e["D"]) + e["pg"] * LOG(1 - e["D"])),
        "Vstar": lambda e: value(e, dstar(e)),
        "r13a": lambda e: S(e["pd"] * LOG(dstar(e))) + S(e["pg"] * LOG(1 - dstar(e))),
        "r13b": lambda e: S(e["pd"] * LOG(e["pd"] / (e["pd"] + e["pg"])))
        + S(e["pg"] * LOG(e["pg"] / (e["pd"] + e["pg"]))),
        "r14b": r14b,
        "r15": lambda e: -LOG(4) + 2 * js(e["pd"], e["pg"]),
    }
    return Model(
        sample=sample, rows=rows,
        steps=[Step("=", "V", "r11a"), Step("=", "r11a", "r11b"), Step("=", "Vstar", "r13a"),
               Step("=", "r13a", "r13b"), Step("=", "Vstar", "r13b"), Step("=", "r13b", "r14b"),
               Step("=", "Vstar", "r15")],
        mutants=[
            {"r15": lambda e: -LOG(2) + 2 * js(e["pd"], e["pg"])},
            {"r14b": lambda e: r14b(e, c=2)},
            {"r13a": lambda e: S(e["pd"] * LOG(dstar(e))) + S(e["pg"] * LOG(dstar(e)))},
            {"r11b": lambda e: S(e["pd"] * LOG(e["D"]) + e["pg"] * LOG(e["D"]))},
        ],
        lookalikes=[{"r15": lambda e: 2 * js(e["pd"], e["pg"]) - 2 * LOG(2)},
                    {"r15": lambda e: -LOG(4) + 2 * js(e["pg"], e["pd"])}])


# ------------------------------------------------------------------ MLE as KL minimisation (Jake Tae)

def _kl_mle_jaketae():
    grid = np.linspace(-2.0, 2.0, 401)

    def sample(rng):
        n = 5
        return {"a": rng.normal(size=n), "b": rng.normal(size=n), "k": int(rng.integers(20, 381))}

    def P(e, th):                                  # P(x | theta) for every theta of the grid: rows
        w = np.exp(e["a"][None, :] + np.outer(th, e["b"]))
        return w / w.sum(axis=1, keepdims=True)
    star = lambda e: P(e, grid)[e["k"]]
    E = lambda e, f: np.sum(star(e)[None, :] * f, axis=1)        # E_{x ~ P(x|theta*)} at each theta
    arg = lambda values, pick: float(grid[pick(values)])
    amin = lambda f: lambda e: arg(f(e), np.argmin)
    amax = lambda f: lambda e: arg(f(e), np.argmax)
    lstar = lambda e: LOG(star(e))[None, :]
    lp = lambda e: LOG(P(e, grid))
    rows = {
        "a": amin(lambda e: E(e, lstar(e) - lp(e))),
        "b": amin(lambda e: E(e, LOG(star(e)[None, :] / P(e, grid)))),
        "c": amin(lambda e: E(e, lstar(e) - lp(e))),
        "d": amin(lambda e: E(e, -lp(e))),
        "e": amax(lambda e: E(e, lp(e))),
    }
    return Model(
        sample=sample, rows=rows,
        steps=chain(["a", ("=", "b"), ("=", "c")]) + chain(["a", ("=", "d"), ("=", "e")]),
        mutants=[
            {"e": amin(lambda e: E(e, lp(e)))},
            {"d": amin(lambda e: E(e, lp(e)))},
            {"c": amin(lambda e: E(e, lp(e) - lstar(e)))},
        ],
        lookalikes=[{"b": amin(lambda e: E(e, -LOG(P(e, grid) / star(e)[None, :])))}])


# ------------------------------------------------------------------ Donsker-Varadhan (burklight)

def _dv_burklight():
    def sample(rng):
        n = 6
        return {"mu": pmf(rng, n), "nu": pmf(rng, n), "u": rng.uniform(0.2, 3.0, n)}
    S = lambda a: float(np.sum(a))
    rho = lambda e: e["mu"] / e["nu"]
    mu, nu, u = (lambda e: e["mu"]), (lambda e: e["nu"]), (lambda e: e["u"])
    rows = {
        "E": lambda e: S(mu(e) * LOG(u(e))),
        "r1": lambda e: S(mu(e) * LOG(u(e))),
        "r2": lambda e: S(rho(e) * nu(e) * LOG(u(e))),
        "r3": lambda e: S(rho(e) * nu(e) * LOG(rho(e) / rho(e) * u(e))),
        "r4": lambda e: S(rho(e) * nu(e) * LOG(rho(e))) + S(rho(e) * nu(e) * LOG(u(e) / rho(e))),
        "s1": lambda e: S(rho(e) * nu(e) * LOG(rho(e))),
        "s2": lambda e: S(mu(e) * LOG(rho(e))),
        "t1": lambda e: S(rho(e) * nu(e) * LOG(u(e) / rho(e))),
        "t2": lambda e: float(LOG(S(rho(e) * u(e) / rho(e) * nu(e)))),
        "t3": lambda e: float(LOG(S(u(e) * nu(e)))),
    }
    return Model(
        sample=sample, rows=rows,
        steps=chain(["E", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4")])
        + [Step("=", "s1", "s2")] + chain(["t1", ("<=", "t2"), ("<=", "t3")]),
        mutants=[
            {("rel", 6): ">="},
            {"r2": lambda e: S(rho(e) * mu(e) * LOG(u(e)))},
            {"s2": lambda e: S(nu(e) * LOG(rho(e)))},
            {"r4": lambda e: S(rho(e) * nu(e) * LOG(rho(e))) + S(rho(e) * nu(e) * LOG(rho(e) / u(e)))},
        ],
        lookalikes=[{}, {("rel", 7): "="}])


# ------------------------------------------------------------------ MI identities (MINE notes)

def _cond_entropy(J):
    """H(row variable | column variable) of a joint table J[x, z]."""
    pz = J.sum(axis=0, keepdims=True)
    return float(-np.sum(J * LOG(J / pz)))


def _mine_notes():
    def sample(rng):
        return {"J": joint(rng, 4, 3)}
    J = lambda e: e["J"]
    px = lambda e: J(e).sum(axis=1)
    pz = lambda e: J(e).sum(axis=0)
    pxz = lambda e: J(e) / pz(e)[None, :]            # p(x|z)
    pzx = lambda e: J(e) / px(e)[:, None]            # p(z|x)
    S = lambda a: float(np.sum(a))
    HX = lambda e: entropy(px(e))
    HZ = lambda e: entropy(pz(e))
    HXgZ = lambda e: _cond_entropy(J(e))
    HZgX = lambda e: _cond_entropy(J(e).T)
    prod = lambda e: np.outer(px(e), pz(e))
    rows = {
        "HX": HX, "r1": lambda e: -S(px(e) * LOG(px(e))), "r2": lambda e: -S(px(e) * LOG(px(e))),
        "HXZ": HXgZ, "r3": lambda e: -S(pz(e)[None, :] * pxz(e) * LOG(pxz(e))),
        "I": lambda e: kl(J(e).ravel(), prod(e).ravel()),
        "r4": lambda e: S(J(e) * LOG(J(e) / prod(e))),
        "r5": lambda e: kl(J(e).ravel(), prod(e).ravel()),
        "r6": lambda e: HX(e) - HXgZ(e),
        "r7": lambda e: HZ(e) - HZgX(e),
    }
    return Model(
        sample=sample, rows=rows,
        steps=chain(["HX", ("=", "r1"), ("=", "r2")]) + [Step("=", "HXZ", "r3")]
        + chain(["I", ("=", "r4"), ("=", "r5"), ("=", "r6"), ("=", "r7")]),
        mutants=[
            {"r6": lambda e: HX(e) + HXgZ(e)},
            {"r7": lambda e: HZ(e) - HXgZ(e)},
            {"r4": lambda e: S(J(e) * LOG(prod(e) / J(e)))},
            {"r3": lambda e: -S(pz(e)[None, :] * pzx(e) * LOG(pxz(e)))},
        ],
        lookalikes=[{"r7": lambda e: HX(e) + HZ(e) - entropy(J(e).ravel())}, {}])


# ------------------------------------------------------------------ cross-entropy >= entropy (CV)

def _crossent():
    def sample(rng):
        return {"p": pmf(rng, 5), "q": pmf(rng, 5)}
    p, q = (lambda e: e["p"]), (lambda e: e["q"])
    S = lambda a: float(np.sum(a))
    rows = {
        "H": lambda e: -S(p(e) * LOG(q(e))),
        "r1": lambda e: -S(p(e) * LOG(q(e) * p(e) / p(e))),
        "r2": lambda e: -S(p(e) * LOG(q(e) / p(e))) - S(p(e) * LOG(p(e))),
        "r3": lambda e: kl(p(e), q(e)) + entropy(p(e)),
        "KL": lambda e: kl(p(e), q(e)),
        "s1": lambda e: S(p(e) * (1 - q(e) / p(e))),
        "s2": lambda e: S(p(e)) - S(q(e)),
        "s3": lambda e: 1 - S(q(e)),
        "zero": lambda e: 0.0,
    }
    return Model(
        sample=sample, rows=rows,
        steps=chain(["H", ("=", "r1"), ("=", "r2"), ("=", "r3")])
        + chain(["KL", (">=", "s1"), ("=", "s2"), ("=", "s3"), (">=", "zero")]),
        mutants=[
            {"r3": lambda e: kl(p(e), q(e)) - entropy(p(e))},
            {("rel", 4): "<="},
            {"r2": lambda e: -S(p(e) * LOG(p(e) / q(e))) - S(p(e) * LOG(p(e)))},
            {"s2": lambda e: S(p(e)) + S(q(e))},
        ],
        lookalikes=[{}, {("rel", 7): "="}])


# ------------------------------------------------------------------ Gaussian entropy, product form

def _mvn_prod():
    def sample(rng):
        n = int(rng.integers(1, 5))
        A = rng.normal(size=(n, n)) + 2 * np.eye(n)
        return {"N": n, "s": np.linalg.svd(A, compute_uv=False), "Sigma": A @ A.T}
    N = lambda e: e["N"]
    prod = lambda e: float(np.prod(e["s"] ** 2))
    c = lambda e, k=np.e: N(e) / 2 * LOG(2 * np.pi * k)
    rows = {
        "h": lambda e: N(e) / 2 * LOG(2 * np.pi * np.e * prod(e) ** (1 / N(e))),
        "r1": lambda e: c(e) + N(e) / 2 * LOG(prod(e) ** (1 / N(e))),
        "r2": lambda e: c(e) + LOG(prod(e)) / 2,
        "r3": lambda e: c(e) + LOG(np.linalg.det(e["Sigma"])) / 2,
    }
    return Model(
        sample=sample, rows=rows,
        steps=chain(["h", ("=", "r1"), ("=", "r2"), ("=", "r3")]),
        mutants=[
            {"r2": lambda e: c(e) + N(e) / 2 * LOG(prod(e))},
            {"r3": lambda e: c(e) + LOG(np.linalg.det(e["Sigma"]))},
            {"r1": lambda e: c(e, k=1.0) + N(e) / 2 * LOG(prod(e) ** (1 / N(e)))},
        ],
        lookalikes=[{}])


# ------------------------------------------------------------------ Gaussian entropy, trace trick

def _mvn_trace():
    def sample(rng):
        d = int(rng.integers(1, 3))
        A = rng.normal(size=(d, d)) * 0.5 + np.eye(d)
        return {"D": d, "mu": rng.normal(size=d), "S": A @ A.T}

    def integrate(e, f):
        """∫ f(x) dx over a box of ±12 standard deviations (trapezoidal, spectrally accurate)."""
        sd = np.sqrt(np.diag(e["S"]))
        axes = [np.linspace(m - 12 * s, m + 12 * s, 601 if e["D"] == 2 else 4001)
                for m, s in zip(e["mu"], sd)]
        pts = np.stack(np.meshgrid(*axes, indexing="ij"), axis=-1)
        vals = f(pts)
        for ax in reversed(axes):
            h = ax[1] - ax[0]
            vals = h * (vals.sum(axis=-1) - (vals[..., 0] + vals[..., -1]) / 2)
        return float(vals)
    Si = lambda e: np.linalg.inv(e["S"])
    quad = lambda e, M: (lambda x: np.einsum("...i,ij,...j->...", x - e["mu"], M, x - e["mu"]))
    det = lambda e: float(np.linalg.det(e["S"]))
    const = lambda e, half=0.5: e["D"] / 2 * LOG(2 * np.pi) + half * LOG(det(e))

    def logpdf(e):                                 # log p in closed form: p underflows far out
        return lambda x: -quad(e, Si(e))(x) / 2 - LOG((2 * np.pi) ** e["D"] * det(e)) / 2

    def pdf(e):
        return lambda x: np.exp(logpdf(e)(x))
    ent = lambda e: integrate(e, lambda x: -pdf(e)(x) * logpdf(e)(x))

    def r2(e, sign=1):
        return integrate(e, lambda x: pdf(e)(x) * (const(e) + sign * quad(e, Si(e))(x) / 2))

    def tail(e, M=None, half=0.5):
        return const(e, half) + integrate(e, lambda x: pdf(e)(x) * quad(e, Si(e) if M is None else M(e))(x)) / 2
    rows = {"H": ent, "r1": lambda e: integrate(e, lambda x: pdf(e)(x) * -logpdf(e)(x)),
            "r2": r2, "r3": tail, "r4": tail, "r5": tail}
    return Model(
        sample=sample, rows=rows,
        steps=chain(["H", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5")]),
        mutants=[
            {"r2": lambda e: r2(e, sign=-1)},
            {"r3": lambda e: tail(e, half=1.0)},
            {"r5": lambda e: tail(e, M=lambda e: e["S"])},
            {"r1": lambda e: integrate(e, lambda x: pdf(e)(x) * logpdf(e)(x))},
        ],
        lookalikes=[{}])


# ------------------------------------------------------------------ squared Hellinger (Wikipedia)

def _hellinger():
    def sample(rng):
        return {"f": pmf(rng, 6), "g": pmf(rng, 6)}
    f, g = (lambda e: e["f"]), (lambda e: e["g"])
    S = lambda a: float(np.sum(a))
    H2 = lambda e, c=0.5: c * S((np.sqrt(f(e)) - np.sqrt(g(e))) ** 2)
    return Model(
        sample=sample,
        rows={"H2": H2, "r": lambda e: 1 - S(np.sqrt(f(e) * g(e)))},
        steps=[Step("=", "H2", "r")],
        mutants=[{"r": lambda e: 1 + S(np.sqrt(f(e) * g(e)))},
                 {"H2": lambda e: H2(e, c=1.0)},
                 {"r": lambda e: 1 - S(f(e) * g(e))}],
        lookalikes=[{}])


# ------------------------------------------------------------------ saturating generator gradient

def _nonsat():
    def sample(rng):
        return {"z": float(rng.normal()), "th": float(rng.normal()), "c": float(rng.normal()),
                "a": float(rng.uniform(0.5, 2.5)), "b": float(rng.normal())}
    D = lambda e, u: 1 / (1 + np.exp(-(e["a"] * u + e["b"])))
    G = lambda e, th: th * e["z"] + e["c"]
    DG = lambda e: float(D(e, G(e, e["th"])))
    grad = lambda e, f: _d(lambda t: f(D(e, G(e, t))), e["th"])
    rows = {
        "L": lambda e: grad(e, lambda d: LOG(1 - d)),
        "R": lambda e: -grad(e, lambda d: d) / (1 - DG(e)),
    }
    return Model(
        sample=sample, rows=rows, steps=[Step("=", "L", "R")],
        mutants=[{"R": lambda e: grad(e, lambda d: d) / (1 - DG(e))},
                 {"R": lambda e: -grad(e, lambda d: d) / (1 + DG(e))},
                 {"R": lambda e: -DG(e) / (1 - DG(e))}],
        lookalikes=[{"R": lambda e: grad(e, lambda d: d) / (DG(e) - 1)}])


# ------------------------------------------------------------------ Fano's two expansions (joksas)

def _fano():
    def sample(rng):
        return {"J": joint(rng, 2, 3, 3)}            # axes: e, x, x-hat
    J = lambda e: e["J"]

    def H(e, keep, given=()):
        """H(keep | given) of the joint, the axes named by indices."""
        drop = tuple(i for i in range(3) if i not in keep and i not in given)
        both = J(e).sum(axis=drop, keepdims=True) if drop else J(e)
        cond = both.sum(axis=tuple(keep), keepdims=True)
        return float(-np.sum(both * LOG(both / cond)))
    rows = {
        "L": lambda e: H(e, (0, 1), (2,)),
        "r1": lambda e: H(e, (1,), (2,)) + H(e, (0,), (1, 2)),
        "r2": lambda e: H(e, (0,), (2,)) + H(e, (1,), (0, 2)),
    }
    return Model(
        sample=sample, rows=rows, steps=chain(["L", ("=", "r1"), ("=", "r2")]),
        mutants=[{"r1": lambda e: H(e, (1,), (2,)) + H(e, (0,), (1,))},
                 {"r2": lambda e: H(e, (0,)) + H(e, (1,), (0, 2))},
                 {"L": lambda e: H(e, (0, 1))}],
        lookalikes=[{}])


MODELS = {
    "s8f_gan_value_jaketae": _gan_jaketae(),
    "s8f_kl_mle_jaketae": _kl_mle_jaketae(),
    "s8f_dv_inequality_burklight": _dv_burklight(),
    "s8f_mi_identities_mine_notes": _mine_notes(),
    "s8f_crossent_entropy_nemotron": _crossent(),
    "s8f_mvn_entropy_imathworks": _mvn_prod(),
    "s8f_mvn_entropy_trace_nemotron": _mvn_trace(),
    "s8f_hellinger_wikipedia": _hellinger(),
    "s8f_nonsat_gradient_alz112": _nonsat(),
    "s8f_fano_expansion_joksas": _fano(),
}

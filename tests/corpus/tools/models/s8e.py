"""Truth models of the s8e_ entries (ML papers and their blog/lecture explanations: GAN logit
gradients, the policy-gradient log-derivative identity, EM's Jensen bound, the Barber-Agakov
mutual-information bound, the Gaussian KL, the NCE normaliser, the sigmoid's second derivative,
the Gaussian reparametrisation, the softmax cross-entropy and distillation gradients).
Discrete identities on random pmfs and tables; Gaussian integrals by the trapezoidal rule on a
wide fine grid; derivatives by the complex step (exact to rounding)."""

from __future__ import annotations

import numpy as np

from .base import Model, Step, chain, joint, pmf

LOG = np.log
H_STEP = 1e-20


def _d(fun, at):
    """d fun / d t at t = at, by the complex step (fun must accept complex arguments)."""
    return float(np.imag(fun(at + 1j * H_STEP)) / H_STEP)


def _grid(mu, s, width=14.0, points=40001):
    return np.linspace(mu - width * s, mu + width * s, points)


def _trapz(values, xs):
    return float(np.sum((values[1:] + values[:-1]) * np.diff(xs)) / 2)


def _npdf(x, mu, s):
    return np.exp(-(x - mu) ** 2 / (2 * s ** 2)) / np.sqrt(2 * np.pi * s ** 2)


# ------------------------------------------------------------------ GAN logit gradients (Jackson)

def _jackson():
    def sample(rng):
        return {"l": float(rng.uniform(-3, 3))}
    D = lambda t: np.exp(t) / (1 + np.exp(t))
    d = lambda f: (lambda e: _d(f, e["l"]))
    val = lambda f: (lambda e: float(np.real(f(e["l"]))))
    rows = {
        "logD": val(lambda t: LOG(D(t))), "a1": val(lambda t: t - LOG(1 + np.exp(t))),
        "dlogD": d(lambda t: LOG(D(t))), "b1": d(lambda t: t - LOG(1 + np.exp(t))),
        "b2": val(lambda t: 1 - np.exp(t) / (1 + np.exp(t))), "b3": val(lambda t: 1 - D(t)),
        "dlog1mD": d(lambda t: LOG(1 - D(t))), "c1": d(lambda t: LOG(1 / (1 + np.exp(t)))),
        "c2": d(lambda t: -LOG(1 + np.exp(t))), "c3": val(lambda t: -np.exp(t) / (1 + np.exp(t))),
        "c4": val(lambda t: -D(t)),
    }
    return Model(
        sample=sample, rows=rows,
        steps=[Step("=", "logD", "a1")] + chain(["dlogD", ("=", "b1"), ("=", "b2"), ("=", "b3")])
        + chain(["dlog1mD", ("=", "c1"), ("=", "c2"), ("=", "c3"), ("=", "c4")]),
        mutants=[
            {"b3": val(lambda t: 1 + D(t))},
            {"c2": d(lambda t: LOG(1 + np.exp(t)))},
            {"a1": val(lambda t: t + LOG(1 + np.exp(t)))},
            {"b2": val(lambda t: 1 - 1 / (1 + np.exp(t)))},
        ],
        lookalikes=[
            {"c3": val(lambda t: -1 / (1 + np.exp(-t)))},
            {"c1": d(lambda t: LOG(np.exp(-t) / (np.exp(-t) + 1)))},
        ])


# ------------------------------------------------------------------ policy gradient (RHIT)

def _rhit():
    def sample(rng):
        n = 5
        return {"a": rng.normal(size=n), "b": rng.normal(size=n), "R": rng.normal(size=n),
                "th": float(rng.uniform(-2, 2))}

    def P(e, th):
        w = np.exp(e["a"] + e["b"] * th)
        return w / w.sum()
    J = lambda e, th: np.sum(P(e, th) * e["R"])
    dP = lambda e: np.array([_d(lambda t: P(e, t)[k], e["th"]) for k in range(len(e["R"]))])
    dlogP = lambda e: np.array([_d(lambda t: LOG(P(e, t)[k]), e["th"]) for k in range(len(e["R"]))])
    Pv = lambda e: P(e, e["th"])
    # the per-tau identities (displays 4 and 5) are checked at every tau at once: their sum of
    # squared differences' sign is not what we want, so each row is the vector dotted with
    # random weights (an identity between vectors holds iff it holds for all weights)
    wt = lambda e: np.cos(np.arange(len(e["R"])) * 1.7 + e["th"])
    rows = {
        "J": lambda e: float(np.real(J(e, e["th"]))), "s1": lambda e: float(np.sum(Pv(e) * e["R"])),
        "dJ": lambda e: _d(lambda t: J(e, t), e["th"]), "s2": lambda e: float(np.sum(dP(e) * e["R"])),
        "dlog": lambda e: float(np.sum(wt(e) * dlogP(e))), "ratio": lambda e: float(np.sum(wt(e) * dP(e) / Pv(e))),
        "dPw": lambda e: float(np.sum(wt(e) * dP(e))), "pdlog": lambda e: float(np.sum(wt(e) * Pv(e) * dlogP(e))),
        "dJ2": lambda e: _d(lambda t: J(e, t), e["th"]),
        "s3": lambda e: float(np.sum(Pv(e) * dlogP(e) * e["R"])),
        "E3": lambda e: float(np.sum(Pv(e) * dlogP(e) * e["R"])),
    }
    return Model(
        sample=sample, rows=rows,
        steps=[Step("=", "J", "s1"), Step("=", "dJ", "s2"), Step("=", "dlog", "ratio"),
               Step("=", "dPw", "pdlog")] + chain(["dJ2", ("=", "s3"), ("=", "E3")]),
        mutants=[
            {"s2": lambda e: float(np.sum(dlogP(e) * e["R"]))},
            {"ratio": lambda e: float(np.sum(wt(e) * dP(e) * Pv(e)))},
            {"E3": lambda e: float(np.sum(Pv(e) * dP(e) * e["R"]))},
            {"s3": lambda e: float(np.sum(dlogP(e) * e["R"]))},
            {"pdlog": lambda e: float(np.sum(wt(e) * dlogP(e)))},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ EM's Jensen bound (HackMD)

def _hackmd():
    def sample(rng):
        return {"J": joint(rng, 4, 3), "q": pmf(rng, 3), "xs": rng.integers(0, 4, size=3)}
    pxz = lambda e: e["J"][e["xs"], :]                 # rows: data points x_i, columns: z
    q = lambda e: e["q"][None, :]
    S = lambda a: float(np.sum(a))
    rows = {
        "ll": lambda e: S(LOG(pxz(e).sum(axis=1))),
        "r1": lambda e: S(LOG(pxz(e).sum(axis=1))),
        "r2": lambda e: S(LOG((q(e) * pxz(e) / q(e)).sum(axis=1))),
        "r3": lambda e: S(q(e) * LOG(pxz(e) / q(e))),
        "r4": lambda e: S(q(e) * LOG(pxz(e) / q(e))),
    }
    return Model(
        sample=sample, rows=rows,
        steps=chain(["ll", ("=", "r1"), ("=", "r2"), (">=", "r3"), ("=", "r4")]),
        mutants=[
            {("rel", 3): "<="},
            {"r2": lambda e: S(LOG((pxz(e) / q(e)).sum(axis=1)))},
            {"r4": lambda e: S(q(e) * LOG(q(e) / pxz(e)))},
            {"ll": lambda e: S(LOG(pxz(e)))},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ Barber-Agakov bound (chunxy)

def _chunxy():
    def sample(rng):
        Q = rng.uniform(0.2, 1.0, size=(4, 3))
        return {"J": joint(rng, 4, 3), "Q": Q / Q.sum(axis=0, keepdims=True)}   # q(x|y): columns
    J, Q = (lambda e: e["J"]), (lambda e: e["Q"])
    px = lambda e: J(e).sum(axis=1, keepdims=True)
    py = lambda e: J(e).sum(axis=0, keepdims=True)
    pxy = lambda e: J(e) / py(e)
    E = lambda e, v: float(np.sum(J(e) * v))
    Hx = lambda e: -float(np.sum(px(e) * LOG(px(e))))
    rows = {
        "I": lambda e: E(e, LOG(J(e) / (px(e) * py(e)))),
        "r1": lambda e: E(e, LOG(pxy(e) / px(e))),
        "r2": lambda e: E(e, LOG(Q(e) * pxy(e) / (px(e) * Q(e)))),
        "r3": lambda e: E(e, LOG(Q(e) / px(e))) + E(e, LOG(pxy(e) / Q(e))),
        "r4": lambda e: E(e, LOG(Q(e) / px(e))),
        "r5": lambda e: E(e, LOG(Q(e))) + Hx(e),
    }
    return Model(
        sample=sample, rows=rows,
        steps=chain(["I", ("=", "r1"), ("=", "r2"), ("=", "r3"), (">=", "r4"), ("=", "r5")]),
        mutants=[
            {("rel", 4): "<="},
            {"r5": lambda e: E(e, LOG(Q(e))) - Hx(e)},
            {"r2": lambda e: E(e, LOG(Q(e) * pxy(e) / px(e)))},
            {"r3": lambda e: E(e, LOG(Q(e) / px(e))) + E(e, LOG(Q(e) / pxy(e)))},
        ],
        lookalikes=[{}, {"r1": lambda e: E(e, LOG(J(e) / (px(e) * py(e))))}])


# ------------------------------------------------------------------ Gaussian KL with \over (MSE)

def _gauss_sample(rng):
    return {"mp": float(rng.uniform(-1.5, 1.5)), "mq": float(rng.uniform(-1.5, 1.5)),
            "sp": float(rng.uniform(0.5, 2.0)), "sq": float(rng.uniform(0.5, 2.0))}


def _gauss_kl():
    def I(e, f):                                        # every integrand carries p: p's range
        xs = _grid(e["mp"], e["sp"])
        return _trapz(f(xs), xs)
    p = lambda e, x: _npdf(x, e["mp"], e["sp"])
    lq = lambda e, x: -(x - e["mq"]) ** 2 / (2 * e["sq"] ** 2) - 0.5 * LOG(2 * np.pi * e["sq"] ** 2)
    lp = lambda e, x: -(x - e["mp"]) ** 2 / (2 * e["sp"] ** 2) - 0.5 * LOG(2 * np.pi * e["sp"] ** 2)
    lr = lambda e: LOG(e["sq"] ** 2 / e["sp"] ** 2)

    def r3(e, sign=-1, flip=False):
        lg = -lr(e) if flip else lr(e)
        return (0.5 * I(e, lambda x: lg * p(e, x))
                + sign * 1 / (2 * e["sp"] ** 2) * I(e, lambda x: (x - e["mp"]) ** 2 * p(e, x))
                + 1 / (2 * e["sq"] ** 2) * I(e, lambda x: (x - e["mq"]) ** 2 * p(e, x)))

    def r5(e, cross=2):
        return 0.5 * (lr(e) - 1 + 1 / e["sq"] ** 2 * I(e, lambda x: ((x - e["mp"]) ** 2 + cross * (x - e["mp"])
                                                               * (e["mp"] - e["mq"]) + (e["mp"] - e["mq"]) ** 2) * p(e, x)))

    def r4(e, one=-1):
        return 0.5 * (lr(e) + one + 1 / e["sq"] ** 2 * I(e, lambda x: (x - e["mp"] + e["mp"] - e["mq"]) ** 2 * p(e, x)))
    kl = lambda e: I(e, lambda x: p(e, x) * (lp(e, x) - lq(e, x)))
    rows = {
        "KL": kl, "r1": kl,
        "r2": lambda e: I(e, lambda x: p(e, x) * (   # log of the quotient of the written formulas
            LOG(1 / np.sqrt(2 * np.pi * e["sp"] ** 2)) - (x - e["mp"]) ** 2 / (2 * e["sp"] ** 2)
            - LOG(1 / np.sqrt(2 * np.pi * e["sq"] ** 2)) + (x - e["mq"]) ** 2 / (2 * e["sq"] ** 2))),
        "r3": r3, "r4": r4, "r5": r5,
        "r6": lambda e: 0.5 * (lr(e) - 1 + 1 / e["sq"] ** 2 * (e["sp"] ** 2 + (e["mp"] - e["mq"]) ** 2)),
    }
    return Model(
        sample=_gauss_sample, rows=rows,
        steps=chain(["KL", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5"), ("=", "r6")]),
        mutants=[
            {"r3": lambda e: r3(e, sign=+1)},
            {"r6": lambda e: 0.5 * (lr(e) - 1 + 1 / e["sq"] ** 2 * (e["sq"] ** 2 + (e["mp"] - e["mq"]) ** 2))},
            {"r4": lambda e: r4(e, one=+1)},
            {"r3": lambda e: r3(e, flip=True)},
        ],
        lookalikes=[{"r5": lambda e: r5(e, cross=-2)}, {}])


# ------------------------------------------------------------------ NCE normaliser (Lei Mao)

def _leimao():
    def sample(rng):
        return {"s": rng.normal(size=6), "k": int(rng.integers(0, 6))}
    u = lambda e: np.exp(e["s"])
    Z = lambda e: float(u(e).sum())
    rows = {
        "P": lambda e: float(np.exp(e["s"][e["k"]]) / Z(e)), "P2": lambda e: float(u(e)[e["k"]] / Z(e)),
        "intP": lambda e: float(np.sum(u(e) / Z(e))), "i1": lambda e: float(np.sum(u(e) / Z(e))),
        "i2": lambda e: float(u(e).sum() / Z(e)), "one": lambda e: 1.0,
        "Z": Z, "z1": lambda e: float(u(e).sum()), "z2": lambda e: float(np.exp(e["s"]).sum()),
    }
    return Model(
        sample=sample, rows=rows,
        steps=[Step("=", "P", "P2")] + chain(["intP", ("=", "i1"), ("=", "i2"), ("=", "one")])
        + chain(["Z", ("=", "z1"), ("=", "z2")]),
        mutants=[
            {"one": lambda e: 0.0},
            {"i2": lambda e: float(u(e).sum() / (2 * Z(e)))},
            {"z2": lambda e: float(np.exp(-e["s"]).sum())},
            {"P2": lambda e: float(u(e)[e["k"]] ** 2 / Z(e))},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ sigmoid'' (MSE)

def _sigmoid():
    def sample(rng):
        return {"x": float(rng.uniform(-4, 4))}
    s = lambda t: 1 / (1 + np.exp(-t))
    s1 = lambda t: s(t) * (1 - s(t))                   # sigma' in closed form (complex-safe)
    at = lambda f: (lambda e: float(np.real(f(e["x"]))))
    rows = {
        "d1": lambda e: _d(s, e["x"]), "a1": at(lambda t: s(t) * (1 - s(t))), "a2": at(lambda t: s(t) - s(t) ** 2),
        "d2": lambda e: _d(s1, e["x"]), "b1": at(lambda t: s1(t) - 2 * s(t) * s1(t)),
        "b2": at(lambda t: s1(t) * (1 - 2 * s(t))), "b3": at(lambda t: s(t) * (1 - s(t)) * (1 - 2 * s(t))),
    }
    return Model(
        sample=sample, rows=rows,
        steps=chain(["d1", ("=", "a1"), ("=", "a2")]) + chain(["d2", ("=", "b1"), ("=", "b2"), ("=", "b3")]),
        mutants=[
            {"a2": at(lambda t: s(t) + s(t) ** 2)},
            {"b1": at(lambda t: s1(t) - s(t) * s1(t))},
            {"b2": at(lambda t: s1(t) * (1 + 2 * s(t)))},
            {"a1": at(lambda t: s(t) * (1 + s(t)))},
        ],
        lookalikes=[{}, {}])


# ------------------------------------------------------------------ reparametrisation (Datumorphism)

def _datumorphism():
    def sample(rng):
        return {"mu": float(rng.uniform(-1.5, 1.5)), "s": float(rng.uniform(0.4, 2.0)),
                "c": rng.normal(size=4)}
    f = lambda e, z: e["c"][0] * np.sin(e["c"][1] * z) + e["c"][2] * z ** 2 + e["c"][3] * z
    Iz = lambda e, g: _trapz(g(_grid(e["mu"], e["s"])), _grid(e["mu"], e["s"]))
    Ie = lambda g: _trapz(g(_grid(0.0, 1.0)), _grid(0.0, 1.0))
    sq = np.sqrt(2 * np.pi)

    def r1(e, var=True):
        v = e["s"] ** 2 if var else e["s"]
        return Iz(e, lambda z: 1 / np.sqrt(2 * np.pi * v) * np.exp(-(z - e["mu"]) ** 2 / (2 * e["s"] ** 2)) * f(e, z))

    def r2(e, half=0.5):
        return Iz(e, lambda z: 1 / e["s"] / sq * np.exp(-half * ((z - e["mu"]) / e["s"]) ** 2) * f(e, z))

    def r3(e, power=1):
        # d(sigma z' + mu) = sigma dz'
        return Ie(lambda t: e["s"] / e["s"] ** power / sq * np.exp(-0.5 * t ** 2) * f(e, e["s"] * t + e["mu"]))
    r4 = lambda e, scale=True: Ie(lambda t: 1 / sq * np.exp(-0.5 * t ** 2) * f(e, (e["s"] if scale else 1.0) * t + e["mu"]))
    rows = {
        "E": lambda e: Iz(e, lambda z: _npdf(z, e["mu"], e["s"]) * f(e, z)),
        "r1": r1, "r2": r2, "r3": r3, "r4": r4,
        "r5": lambda e: Ie(lambda t: _npdf(t, 0.0, 1.0) * f(e, e["s"] * t + e["mu"])),
        "r6": lambda e: Ie(lambda t: _npdf(t, 0.0, 1.0) * f(e, e["s"] * t + e["mu"])),
    }
    return Model(
        sample=sample, rows=rows,
        steps=chain(["E", ("=", "r1"), ("=", "r2"), ("=", "r3"), ("=", "r4"), ("=", "r5"), ("=", "r6")]),
        mutants=[
            {"r1": lambda e: r1(e, var=False)},
            {"r4": lambda e: r4(e, scale=False)},
            {"r3": lambda e: r3(e, power=2)},
            {"r2": lambda e: r2(e, half=1.0)},
        ],
        lookalikes=[{}, {}],
        )


# ------------------------------------------------------------------ softmax cross-entropy, split (MSE)

def _soft(z):
    w = np.exp(z)
    return w / w.sum()


def _split_sample(rng):
    n = int(rng.integers(3, 6))
    t = rng.uniform(-1.0, 1.5, size=n)
    t = t - (t.sum() - 1.0) / n                         # sum_j t_j = 1 (the file assumes it)
    return {"z": rng.uniform(-2, 2, size=n), "t": t, "i": int(rng.integers(0, n))}


def _split():
    z, t, i = (lambda e: e["z"]), (lambda e: e["t"]), (lambda e: e["i"])
    y = lambda e: _soft(z(e))
    n = lambda e: len(z(e))

    def dy(e, j):                                       # d y_j / d z_i
        zc = z(e).astype(complex)
        zc[i(e)] += 1j * H_STEP
        return float(_soft(zc)[j].imag / H_STEP)

    def dlog(e, j):
        zc = z(e).astype(complex)
        zc[i(e)] += 1j * H_STEP
        return float(LOG(_soft(zc)[j]).imag / H_STEP)
    others = lambda e: [j for j in range(n(e)) if j != i(e)]

    def dxi(e):
        zc = z(e).astype(complex)
        zc[i(e)] += 1j * H_STEP
        return float((-np.sum(t(e) * LOG(_soft(zc)))).imag / H_STEP)
    Y, T, I = (lambda e: y(e)[i(e)]), (lambda e: t(e)[i(e)]), (lambda e: i(e))
    rows = {
        "dxi": dxi,
        "a1": lambda e: -sum(_dterm(e, j, t, z, i) for j in range(n(e))),
        "a2": lambda e: -sum(t(e)[j] * dlog(e, j) for j in range(n(e))),
        "a3": lambda e: -sum(t(e)[j] / y(e)[j] * dy(e, j) for j in range(n(e))),
        "b1": lambda e: -T(e) / Y(e) * dy(e, I(e)) - sum(t(e)[j] / y(e)[j] * dy(e, j) for j in others(e)),
        "b2": lambda e: -T(e) / Y(e) * Y(e) * (1 - Y(e)) - sum(t(e)[j] / y(e)[j] * (-y(e)[j] * Y(e)) for j in others(e)),
        "c1": lambda e: -T(e) + T(e) * Y(e) + sum(t(e)[j] * Y(e) for j in others(e)),
        "c2": lambda e: -T(e) + sum(t(e) * Y(e)),
        "c3": lambda e: -T(e) + Y(e) * float(np.sum(t(e))),
        "d": lambda e: Y(e) - T(e),
    }
    return Model(
        sample=_split_sample, rows=rows,
        steps=chain(["dxi", ("=", "a1"), ("=", "a2"), ("=", "a3"), ("=", "b1"), ("=", "b2"), ("=", "c1"),
                     ("=", "c2"), ("=", "c3"), ("=", "d")]),
        mutants=[
            {"b2": lambda e: -T(e) / Y(e) * Y(e) * (1 + Y(e)) - sum(t(e)[j] / y(e)[j] * (-y(e)[j] * Y(e)) for j in others(e))},
            {"c2": lambda e: -T(e) + float(np.sum(t(e) * y(e)))},
            {"d": lambda e: T(e) - Y(e)},
            {"a3": lambda e: -sum(t(e)[j] * y(e)[j] * dy(e, j) for j in range(n(e)))},
        ],
        lookalikes=[{}, {}])


def _dterm(e, j, t, z, i):
    """d (t_j log y_j) / d z_i by the complex step."""
    zc = z(e).astype(complex)
    zc[i(e)] += 1j * H_STEP
    return float((t(e)[j] * LOG(_soft(zc)[j])).imag / H_STEP)


# ------------------------------------------------------------------ distillation gradient (Hinton)

def _hinton():
    def sample(rng):
        n = int(rng.integers(3, 6))
        return {"z": rng.uniform(-3, 3, size=n), "v": rng.uniform(-3, 3, size=n),
                "T": float(rng.uniform(0.5, 5.0)), "i": int(rng.integers(0, n))}
    soft = lambda a, T: np.exp(a / T) / np.sum(np.exp(a / T))

    def dC(e):
        zc = e["z"].astype(complex)
        zc[e["i"]] += 1j * H_STEP
        return float((-np.sum(soft(e["v"], e["T"]) * LOG(soft(zc, e["T"])))).imag / H_STEP)
    q = lambda e: soft(e["z"], e["T"])[e["i"]]
    p = lambda e: soft(e["v"], e["T"])[e["i"]]
    rows = {
        "dC": dC, "r1": lambda e: (q(e) - p(e)) / e["T"],
        "r2": lambda e: (np.exp(e["z"][e["i"]] / e["T"]) / np.sum(np.exp(e["z"] / e["T"]))
                         - np.exp(e["v"][e["i"]] / e["T"]) / np.sum(np.exp(e["v"] / e["T"]))) / e["T"],
    }
    return Model(
        sample=sample, rows=rows, steps=chain(["dC", ("=", "r1"), ("=", "r2")]),
        mutants=[
            {"r1": lambda e: (p(e) - q(e)) / e["T"]},
            {"r1": lambda e: e["T"] * (q(e) - p(e))},
            {"r2": lambda e: (np.exp(e["z"][e["i"]] * e["T"]) / np.sum(np.exp(e["z"] * e["T"]))
                              - np.exp(e["v"][e["i"]] / e["T"]) / np.sum(np.exp(e["v"] / e["T"]))) / e["T"]},
        ],
        lookalikes=[{}, {}])


MODELS = {
    "s8e_gan_gradients_jackson": _jackson(),
    "s8e_policy_gradient_rhit": _rhit(),
    "s8e_em_jensen_hackmd": _hackmd(),
    "s8e_mi_ba_bound_chunxy": _chunxy(),
    "s8e_gauss_kl_over_mse": _gauss_kl(),
    "s8e_nce_normaliser_leimao": _leimao(),
    "s8e_sigmoid_second_derivative_mse": _sigmoid(),
    "s8e_reparam_expectation_datumorphism": _datumorphism(),
    "s8e_softmax_ce_split_mse": _split(),
    "s8e_distillation_gradient_hinton": _hinton(),
}

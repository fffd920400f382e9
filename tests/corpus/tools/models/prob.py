"""Truth models of the textbook chapters on probability and information (Bishop's PRML and
Deep Learning, Goodfellow et al.'s Deep Learning, Murphy's PML): finite supports with
random real values for the variables, so expectations, variances and covariances are sums."""

from __future__ import annotations

import numpy as np

from .base import Model, Step, chain, entropy, joint, kl, pmf
from .info import H_X_given_Y, H_Y_given_X, H_joint, MI, _pair

LOG = np.log


def _two(rng):
    return {"p": pmf(rng, 5), "q": pmf(rng, 5)}


def _kl_definition():
    p, q = (lambda e: e["p"]), (lambda e: e["q"])
    cross = lambda e, w: float(-np.sum(w * LOG(q(e))))
    neg_entropy = lambda e: float(-np.sum(p(e) * LOG(p(e))))
    return Model(
        sample=_two,
        rows={"KL": lambda e: kl(p(e), q(e)),
              "r1": lambda e: cross(e, p(e)) - neg_entropy(e),
              "r2": lambda e: float(-np.sum(p(e) * LOG(q(e) / p(e))))},
        steps=chain(["KL", ("=", "r1"), ("=", "r2")]),
        mutants=[
            {"r1": lambda e: cross(e, p(e)) + neg_entropy(e)},
            {"r2": lambda e: float(-np.sum(p(e) * LOG(p(e) / q(e))))},
            {"KL": lambda e: kl(q(e), p(e))},
            {"r1": lambda e: cross(e, q(e)) - neg_entropy(e)},
        ],
        lookalikes=[{}, {}, {"r2": lambda e: float(np.sum(p(e) * LOG(p(e) / q(e))))}])


def _kl_jensen():
    return Model(
        sample=_two,
        rows={"KL": lambda e: kl(e["p"], e["q"]),
              "int": lambda e: float(-np.sum(e["p"] * LOG(e["q"] / e["p"]))),
              "jensen": lambda e: float(-LOG(np.sum(e["q"]))), "zero": lambda e: 0.0},
        steps=chain(["KL", ("=", "int"), (">=", "jensen"), ("=", "zero")]),
        mutants=[
            {("rel", 2): "<="},
            {"zero": lambda e: 1.0},
            {"KL": lambda e: kl(e["q"], e["p"])},
            {"int": lambda e: float(np.sum(e["p"] * LOG(e["q"] / e["p"])))},
        ],
        lookalikes=[{}, {"zero": lambda e: float(-LOG(1))}, {}])


def _bishop_mutual_information():
    outer = lambda e: np.outer(e["px"], e["py"])
    I = lambda e: MI(e)
    return Model(
        sample=_pair,
        rows={"Hy_x": H_Y_given_X,
              "int1": lambda e: float(-np.sum(e["p"] * LOG(e["p"] / e["px"][:, None]))),
              "Hxy": H_joint, "chain": lambda e: H_Y_given_X(e) + entropy(e["px"]),
              "KL": lambda e: I(e),
              "int2": lambda e: float(-np.sum(e["p"] * LOG(outer(e) / e["p"]))),
              "I": lambda e: I(e),
              "a": lambda e: entropy(e["px"]) - H_X_given_Y(e),
              "b": lambda e: entropy(e["py"]) - H_Y_given_X(e)},
        steps=[Step("=", "Hy_x", "int1"), Step("=", "Hxy", "chain"), Step("=", "KL", "int2"),
               Step("=", "I", "a"), Step("=", "a", "b")],
        mutants=[
            {"int1": lambda e: float(-np.sum(e["p"] * LOG(e["p"] / e["py"][None, :])))},
            {"chain": lambda e: H_X_given_Y(e) + entropy(e["px"])},
            {"int2": lambda e: float(-np.sum(e["p"] * LOG(e["p"] / outer(e))))},
            {"b": lambda e: entropy(e["py"]) - H_X_given_Y(e)},
            {"KL": lambda e: kl(outer(e).ravel(), e["p"].ravel()),
             "I": lambda e: kl(outer(e).ravel(), e["p"].ravel())},
        ],
        lookalikes=[{}, {"chain": lambda e: H_X_given_Y(e) + entropy(e["py"])},
                    {"int2": lambda e: float(np.sum(e["p"] * LOG(e["p"] / outer(e))))}])


def _sum_product_rules():
    def claim(rows):
        return rows
    px = lambda e: e["p"].sum(1)
    py = lambda e: e["p"].sum(0)
    y_x = lambda e: e["p"] / px(e)[:, None]          # p(Y | X) as a table [X, Y]
    x_y = lambda e: e["p"] / py(e)[None, :]          # p(X | Y) as a table [X, Y]
    # each claim holds for all X (and Y): rows are the largest deviation from 0
    dev = lambda a, b: float(np.max(np.abs(a - b)))
    rows = {
        "sum": lambda e: dev(px(e), e["p"].sum(1)),
        "product": lambda e: dev(e["p"], y_x(e) * px(e)[:, None]),
        "bayes": lambda e: dev(y_x(e), x_y(e) * py(e)[None, :] / px(e)[:, None]),
        "total": lambda e: dev(px(e), np.sum(x_y(e) * py(e)[None, :], axis=1)),
        "zero": lambda e: 0.0,
    }
    square = lambda rng: {"p": joint(rng, 4, 4)}
    return Model(
        sample=square, rows=rows,
        steps=[Step("=", k, "zero") for k in ("sum", "product", "bayes", "total")],
        mutants=[
            {"sum": lambda e: dev(px(e), e["p"].sum(0))},
            {"product": lambda e: dev(e["p"], y_x(e) * py(e)[None, :])},
            {"bayes": lambda e: dev(y_x(e), x_y(e) * px(e)[:, None] / py(e)[None, :])},
            {"total": lambda e: dev(px(e), np.sum(y_x(e) * py(e)[None, :], axis=1))},
        ],
        lookalikes=[{"product": lambda e: dev(e["p"], x_y(e) * py(e)[None, :])}, {},
                    {"bayes": lambda e: dev(y_x(e), e["p"] / px(e)[:, None])}])


def _values(rng):
    return {"p": pmf(rng, 6), "f": rng.normal(0, 2, 6)}


def _bishop_variance():
    E = lambda e, v: float(np.sum(e["p"] * v))
    var = lambda e: E(e, (e["f"] - E(e, e["f"])) ** 2)
    return Model(
        sample=_values,
        rows={"var": var, "r1": var, "r2": lambda e: E(e, e["f"] ** 2) - E(e, e["f"]) ** 2},
        steps=chain(["var", ("=", "r1"), ("=", "r2")]),
        mutants=[
            {"r2": lambda e: E(e, e["f"] ** 2) + E(e, e["f"]) ** 2},
            {"r1": lambda e: E(e, e["f"] - E(e, e["f"]))},
            {"r2": lambda e: E(e, e["f"]) ** 2 - E(e, e["f"]) ** 2},
            {"var": lambda e: var(e) ** 2},
        ],
        lookalikes=[{}, {}, {"r1": lambda e: E(e, (E(e, e["f"]) - e["f"]) ** 2)}])


def _bishop_covariance():
    def sample(rng):
        return {"p": joint(rng, 3, 4), "x": rng.normal(0, 2, 3), "y": rng.normal(0, 2, 4)}
    X = lambda e: e["x"][:, None]
    Y = lambda e: e["y"][None, :]
    Exy = lambda e, v: float(np.sum(e["p"] * v))
    Ex = lambda e: Exy(e, X(e) + 0 * Y(e))
    Ey = lambda e: Exy(e, Y(e) + 0 * X(e))
    cov = lambda e: Exy(e, (X(e) - Ex(e)) * (Y(e) - Ey(e)))
    return Model(
        sample=sample,
        rows={"cov": cov, "r1": cov, "r2": lambda e: Exy(e, X(e) * Y(e)) - Ex(e) * Ey(e)},
        steps=chain(["cov", ("=", "r1"), ("=", "r2")]),
        mutants=[
            {"r2": lambda e: Exy(e, X(e) * Y(e)) + Ex(e) * Ey(e)},
            {"r1": lambda e: 2 * cov(e)},
            {"r2": lambda e: Exy(e, X(e) ** 2 * Y(e)) - Ex(e) * Ey(e)},
            {"cov": lambda e: Exy(e, (X(e) - Ex(e)) ** 2 + 0 * Y(e))},
        ],
        lookalikes=[{}, {}, {}, {"r1": lambda e: Exy(e, (X(e) - Ex(e)) * (Y(e) - Ex(e)))}])


def _dlbook_kl_cross_entropy():
    P, Q = (lambda e: e["p"]), (lambda e: e["q"])
    E = lambda e, v: float(np.sum(P(e) * v))
    rows = {
        "H": lambda e: entropy(P(e)), "EI": lambda e: E(e, -LOG(P(e))),
        "negElog": lambda e: -E(e, LOG(P(e))),
        "D": lambda e: kl(P(e), Q(e)), "Eratio": lambda e: E(e, LOG(P(e) / Q(e))),
        "Ediff": lambda e: E(e, LOG(P(e)) - LOG(Q(e))),
        "CE": lambda e: -E(e, LOG(Q(e))), "negElogQ": lambda e: -E(e, LOG(Q(e))),
        "sum": lambda e: entropy(P(e)) + kl(P(e), Q(e)),
    }
    return Model(
        sample=_two, rows=rows,
        steps=chain(["H", ("=", "EI"), ("=", "negElog")]) + chain(["D", ("=", "Eratio"), ("=", "Ediff")])
        + chain(["CE", ("=", "negElogQ"), ("=", "sum")]),
        mutants=[
            {"Ediff": lambda e: E(e, LOG(Q(e)) - LOG(P(e)))},
            {"negElog": lambda e: E(e, LOG(P(e)))},
            {"sum": lambda e: entropy(P(e)) + kl(Q(e), P(e))},
            {"negElogQ": lambda e: float(-np.sum(Q(e) * LOG(Q(e))))},
            {"EI": lambda e: E(e, LOG(P(e)))},
        ],
        lookalikes=[{}, {"sum": lambda e: kl(P(e), Q(e)) + entropy(P(e))},
                    {"Eratio": lambda e: float(sum(P(e)[k] * LOG(P(e)[k] / Q(e)[k]) for k in range(5)))}])


def _murphy_variance():
    def sample(rng):
        return {"p": pmf(rng, 6), "x": rng.normal(0, 2, 6), "a": rng.normal(0, 2), "b": rng.normal(0, 2)}
    E = lambda e, v: float(np.sum(e["p"] * v))
    mu = lambda e: E(e, e["x"])
    V = lambda e, v: E(e, (v - E(e, v)) ** 2)
    rows = {
        "Edev": lambda e: E(e, (e["x"] - mu(e)) ** 2),
        "int": lambda e: float(np.sum((e["x"] - mu(e)) ** 2 * e["p"])),
        "expand": lambda e: E(e, e["x"] ** 2) + mu(e) ** 2 * float(np.sum(e["p"])) - 2 * mu(e) * E(e, e["x"]),
        "value": lambda e: E(e, e["x"] ** 2) - mu(e) ** 2,
        "Eaffine": lambda e: E(e, e["a"] * e["x"] + e["b"]), "linear": lambda e: e["a"] * mu(e) + e["b"],
        "Vaffine": lambda e: V(e, e["a"] * e["x"] + e["b"]), "scaled": lambda e: e["a"] ** 2 * V(e, e["x"]),
    }
    return Model(
        sample=sample, rows=rows,
        steps=chain(["Edev", ("=", "int"), ("=", "expand"), ("=", "value")])
        + [Step("=", "Eaffine", "linear"), Step("=", "Vaffine", "scaled")],
        mutants=[
            {"expand": lambda e: E(e, e["x"] ** 2) + mu(e) ** 2 + 2 * mu(e) * E(e, e["x"])},
            {"value": lambda e: E(e, e["x"] ** 2) + mu(e) ** 2},
            {"linear": lambda e: e["a"] * mu(e)},
            {"scaled": lambda e: e["a"] ** 2 * V(e, e["x"]) + e["b"]},
            {"scaled": lambda e: e["a"] * V(e, e["x"])},
        ],
        lookalikes=[{"scaled": lambda e: V(e, e["a"] * e["x"])},
                    {"expand": lambda e: E(e, e["x"] ** 2) + mu(e) ** 2 - 2 * mu(e) * E(e, e["x"])}, {}])


def _dlbook_probability_rules():
    def sample(rng):
        return {"P": joint(rng, 3, 4), "f": rng.normal(0, 2, 3), "g": rng.normal(0, 2, 3),
                "alpha": rng.normal(0, 2), "beta": rng.normal(0, 2)}
    px = lambda e: e["P"].sum(1)
    py = lambda e: e["P"].sum(0)
    dev = lambda a, b: float(np.max(np.abs(a - b)))
    Ex = lambda e, v: float(np.sum(px(e) * v))
    rows = {
        # the first two claims are what the book defines the marginal and the conditional
        # to be, so they hold by construction here; their mutants are the real checks
        "marginal": lambda e: dev(px(e), e["P"].sum(1)),
        "conditional": lambda e: dev(e["P"] / px(e)[:, None], e["P"] / px(e)[:, None]),
        "bayes": lambda e: dev(e["P"] / py(e)[None, :],
                               px(e)[:, None] * (e["P"] / px(e)[:, None]) / py(e)[None, :]),
        "zero": lambda e: 0.0,
        "Elin": lambda e: Ex(e, e["alpha"] * e["f"] + e["beta"] * e["g"]),
        "lin": lambda e: e["alpha"] * Ex(e, e["f"]) + e["beta"] * Ex(e, e["g"]),
    }
    return Model(
        sample=sample, rows=rows,
        steps=[Step("=", "marginal", "zero"), Step("=", "conditional", "zero"),
               Step("=", "bayes", "zero"), Step("=", "Elin", "lin")],
        mutants=[
            {"marginal": lambda e: dev(px(e)[:, None], py(e)[None, :])},
            {"conditional": lambda e: dev(e["P"] / px(e)[:, None], e["P"] / py(e)[None, :])},
            {"bayes": lambda e: dev(e["P"] / py(e)[None, :],
                                    py(e)[None, :] * (e["P"] / px(e)[:, None]) / px(e)[:, None])},
            {"lin": lambda e: e["alpha"] * Ex(e, e["f"]) + e["beta"] * Ex(e, e["f"])},
        ],
        lookalikes=[{}, {"lin": lambda e: e["beta"] * Ex(e, e["g"]) + e["alpha"] * Ex(e, e["f"])}, {}])


def _s7a_logistic_nll():
    """pystatsml's logistic NLL: n examples with logits z_i and real labels y_i (the identities
    hold for every real y_i; the source's y_i are 0 or 1), a separate real z for the two log-sigmoid
    identities, and the per-example loss at one example i."""
    def sample(rng):
        n = int(rng.integers(1, 6))
        z, y = rng.normal(0, 2, n), rng.uniform(-0.5, 1.5, n)
        i = int(rng.integers(n))
        return {"z": z, "y": y, "z0": float(rng.normal(0, 3)), "zi": float(z[i]), "yi": float(y[i])}
    sigma = lambda t: 1 / (1 + np.exp(-t))
    softplus = lambda t: LOG(1 + np.exp(-t))          # log(1 + e^{-t})
    ph = lambda e: sigma(e["z"])
    zi, yi, z0 = (lambda e: e["zi"]), (lambda e: e["yi"]), (lambda e: e["z0"])
    ell = lambda e: -(yi(e) * LOG(sigma(zi(e))) + (1 - yi(e)) * LOG(1 - sigma(zi(e))))
    substituted = lambda e, sign: -(yi(e) * (-softplus(zi(e))) + (1 - yi(e)) * (sign * zi(e) - softplus(zi(e))))
    rows = {
        "NLL": lambda e: float(-np.sum(LOG(ph(e) ** e["y"] * (1 - ph(e)) ** (1 - e["y"])))),
        "expanded": lambda e: float(-np.sum(e["y"] * LOG(ph(e)) + (1 - e["y"]) * LOG(1 - ph(e)))),
        "logsig": lambda e: float(LOG(sigma(z0(e)))), "logsig_r": lambda e: float(-softplus(z0(e))),
        "log1m": lambda e: float(LOG(1 - sigma(z0(e)))), "log1m_r": lambda e: float(-z0(e) - softplus(z0(e))),
        "ell": lambda e: float(ell(e)),
        "subst": lambda e: float(substituted(e, -1)),
        "final": lambda e: float(softplus(zi(e)) + (1 - yi(e)) * zi(e)),
    }
    return Model(
        sample=sample, rows=rows,
        steps=[Step("=", "NLL", "expanded"), Step("=", "logsig", "logsig_r"), Step("=", "log1m", "log1m_r"),
               Step("=", "ell", "subst"), Step("=", "ell", "final")],
        mutants=[
            {"expanded": lambda e: float(-np.sum(e["y"] * LOG(ph(e)) + e["y"] * LOG(1 - ph(e))))},
            {"log1m_r": lambda e: float(z0(e) - softplus(z0(e)))},
            {"final": lambda e: float(softplus(zi(e)) + yi(e) * zi(e))},
            {"subst": lambda e: float(substituted(e, +1))},
        ],
        lookalikes=[
            {"final": lambda e: float(LOG(1 + np.exp(zi(e))) - yi(e) * zi(e))},
            {"logsig_r": lambda e: float(LOG(1 / (1 + np.exp(-z0(e)))))},
        ])


MODELS = {
    "dlbook_probability_rules": _dlbook_probability_rules(),
    "bishop_kl_definition": _kl_definition(),
    "bishop_kl_jensen": _kl_jensen(),
    "bishop_mutual_information": _bishop_mutual_information(),
    "bishop_sum_product_rules": _sum_product_rules(),
    "bishop_variance": _bishop_variance(),
    "bishop_covariance": _bishop_covariance(),
    "dlbook_kl_cross_entropy": _dlbook_kl_cross_entropy(),
    "murphy_variance": _murphy_variance(),
    "s7a_logistic_nll_pystatsml": _s7a_logistic_nll(),
}

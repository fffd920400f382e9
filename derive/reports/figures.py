"""Figures a derivation file can ask for (`% derive: figure NAME key=value …`).

`kl-fits` — the picture the seed is missing (its claim C9): a single Gaussian fitted to a
two-mode mixture by minimising the forward KL `KL(p‖q)` and the reverse KL `KL(q‖p)`,
plotted over the target. The fits are computed (Nelder–Mead from the best point of a
coarse grid, the KL integrals as sums on a fine grid), and what they show is checked as
a claim of its own: the forward fit covers both modes (its mean between them, its
spread wider than their separation's half), the reverse fit sits on one mode.

`densities` — the densities a file declares by a standard family, at parameter values
the figure names (`% derive: figure densities p_1, p_2 at \\mu_1=0, \\sigma_1=1, …`),
with the KL divergences between them computed on the grid; with `fit=forward|reverse`, a
Gaussian fitted to the first by minimising that KL is drawn too (a density and its fitted
approximation). What is checked: every density integrates to 1 on the grid, and for two
Gaussians the grid's KL agrees with the closed form to 10⁻⁶.

Figures are deterministic: fixed grids, no randomness, and files written without dates.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from math import lgamma, log

import numpy as np

GRID = np.linspace(-10.0, 10.0, 4001)
STEP = GRID[1] - GRID[0]


@dataclass(frozen=True)
class Figure:
    name: str
    caption: str
    claim: str            # what the numbers must show
    verdict: str          # "verified" or "refuted"
    evidence: str
    files: dict           # format ("svg", "pdf", "png") -> bytes


def _normal(x, mean, sd):
    return np.exp(-0.5 * ((x - mean) / sd) ** 2) / (sd * np.sqrt(2 * np.pi))


def _kl(a, b):
    mask = a > 1e-300
    return float(np.sum(a[mask] * (np.log(a[mask]) - np.log(np.maximum(b[mask], 1e-300)))) * STEP)


def _nelder_mead(f, start, steps=400):
    simplex = [np.array(start, float), np.array(start, float) + [0.3, 0.0],
               np.array(start, float) + [0.0, 0.3]]
    for _ in range(steps):
        simplex.sort(key=f)
        best, mid, worst = simplex
        centre = (best + mid) / 2
        reflected = centre + (centre - worst)
        if f(reflected) < f(best):
            expanded = centre + 2 * (centre - worst)
            simplex[2] = expanded if f(expanded) < f(reflected) else reflected
        elif f(reflected) < f(mid):
            simplex[2] = reflected
        else:
            contracted = centre + 0.5 * (worst - centre)
            if f(contracted) < f(worst):
                simplex[2] = contracted
            else:
                simplex = [best, best + 0.5 * (mid - best), best + 0.5 * (worst - best)]
    return min(simplex, key=f)


def _fit(objective, start_means):
    """(mean, sd) minimising `objective(mean, sd)`, from the best start on a coarse grid."""
    def f(v):
        return objective(v[0], np.exp(v[1]))
    starts = [(m, np.log(s)) for m in start_means for s in (0.3, 0.7, 1.5, 3.0)]
    best = _nelder_mead(f, min(starts, key=f))
    return float(best[0]), float(np.exp(best[1]))


def kl_fits(modes=(-2.0, 2.0), sd=0.6):
    modes = tuple(float(m) for m in modes)
    target = sum(_normal(GRID, m, sd) for m in modes) / len(modes)
    forward = _fit(lambda m, s: _kl(target, _normal(GRID, m, s)), np.linspace(-4, 4, 9))
    reverse = _fit(lambda m, s: _kl(_normal(GRID, m, s), target), [m + 0.5 for m in modes[1:]])
    low, high = min(modes), max(modes)
    half = (high - low) / 2
    covers = low < forward[0] < high and forward[1] > half
    seeks = min(abs(reverse[0] - m) for m in modes) < sd and reverse[1] < half
    evidence = (f"target: equal mixture of N({', '.join(f'{m:g}' for m in modes)}; sd {sd:g}); "
                f"forward-KL fit N(mean {forward[0]:.3f}, sd {forward[1]:.3f}); "
                f"reverse-KL fit N(mean {reverse[0]:.3f}, sd {reverse[1]:.3f})")
    files = _plot(target, forward, reverse)
    return Figure(
        "kl-fits",
        "A single Gaussian fitted to a two-mode target. Minimising the forward KL(p‖q) "
        "spreads the fit over both modes (mode covering); minimising the reverse KL(q‖p) "
        "puts it on one mode (mode seeking) — the mode collapse of the GAN generator.",
        "the forward-KL fit covers both modes (mean between them, spread wider than half "
        "their separation); the reverse-KL fit sits on one mode",
        "verified" if covers and seeks else "refuted", evidence, files)


def _plot(target, forward, reverse):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    with matplotlib.rc_context({"svg.hashsalt": "derive", "svg.fonttype": "path",
                                "font.family": "DejaVu Sans", "font.size": 9}):
        fig, ax = plt.subplots(figsize=(6.0, 3.0))
        ax.fill_between(GRID, target, color="#bbbbbb", label="target p (two modes)")
        ax.plot(GRID, _normal(GRID, *forward), "--", color="#1f77b4", lw=2,
                label=f"forward KL(p‖q) fit: N({forward[0]:.2f}, {forward[1]:.2f}²)")
        ax.plot(GRID, _normal(GRID, *reverse), "-", color="#d62728", lw=2,
                label=f"reverse KL(q‖p) fit: N({reverse[0]:.2f}, {reverse[1]:.2f}²)")
        ax.set_xlim(-6, 6)
        ax.set_ylim(bottom=0)
        ax.set_xlabel("x")
        ax.legend(loc="upper left", frameon=False)
        fig.tight_layout()
        files = _save(fig)
        plt.close(fig)
    return files


def _pdf(spec):
    """The density on GRID of a serialised family `KIND:p1,p2` (numbers)."""
    kind, _, numbers = spec.partition(":")
    p = [float(v) for v in numbers.split(",")]
    if kind == "N":
        return _normal(GRID, p[0], np.sqrt(p[1]))
    if kind == "Exp":
        return np.where(GRID >= 0, p[0] * np.exp(-p[0] * np.maximum(GRID, 0)), 0.0)
    if kind == "U":
        return np.where((GRID >= p[0]) & (GRID < p[1]), 1.0 / (p[1] - p[0]), 0.0)
    if kind == "Laplace":
        return np.exp(-np.abs(GRID - p[0]) / p[1]) / (2 * p[1])
    inside = (GRID > 0) & (GRID < 1) if kind == "Beta" else GRID > 0
    x = np.where(inside, GRID, 0.5)             # a point inside, where the formula is 0
    if kind == "Beta":
        log_norm = lgamma(p[0] + p[1]) - lgamma(p[0]) - lgamma(p[1])
        return np.where(inside, np.exp(log_norm + (p[0] - 1) * np.log(x) +
                                       (p[1] - 1) * np.log1p(-x)), 0.0)
    if kind == "Gamma":                          # shape–rate
        log_norm = p[0] * log(p[1]) - lgamma(p[0])
        return np.where(inside, np.exp(log_norm + (p[0] - 1) * np.log(x) - p[1] * x), 0.0)
    raise ValueError(f"a figure of densities draws continuous families, not {kind}")


def _label(name, spec):
    from derive.notation.show import plain
    kind, _, numbers = spec.partition(":")
    return f"{plain(name)} = {kind}({', '.join(f'{float(v):g}' for v in numbers.split(','))})"


def densities(items, fit=""):
    """Plot declared densities (name → `KIND:params`) and the KLs between them."""
    curves = [(name, spec, _pdf(spec)) for name, spec in items]
    masses = [float(np.sum(c) * STEP) for _, _, c in curves]
    normalised = all(abs(m - 1) < 1e-4 for m in masses)
    evidence = [f"{name} integrates to {m:.6f} on the grid" for (name, _, _), m in
                zip(curves, masses)]
    agree = True
    for (n1, s1, c1), (n2, s2, c2) in zip(curves, curves[1:]):
        kl = _kl(c1, c2)
        evidence.append(f"KL({n1} ‖ {n2}) = {kl:.6f} on the grid")
        if s1.startswith("N:") and s2.startswith("N:"):
            (m1, v1), (m2, v2) = ([float(v) for v in s.partition(":")[2].split(",")]
                                  for s in (s1, s2))
            exact = 0.5 * np.log(v2 / v1) + (v1 + (m1 - m2) ** 2) / (2 * v2) - 0.5
            evidence.append(f"closed form {exact:.6f}")
            agree = agree and abs(kl - exact) < 1e-6
    fitted = None
    if fit:
        target = curves[0][2]
        objective = (lambda m, s: _kl(target, _normal(GRID, m, s))) if fit == "forward" else \
            (lambda m, s: _kl(_normal(GRID, m, s), target))
        fitted = _fit(objective, np.linspace(-4, 4, 9))
        evidence.append(f"{fit}-KL Gaussian fit to {curves[0][0]}: N(mean {fitted[0]:.3f}, "
                        f"sd {fitted[1]:.3f})")
    from derive.notation.show import plain
    title = "   ".join(f"KL({plain(n1)} ‖ {plain(n2)}) = {_kl(c1, c2):.3f}"
                       for (n1, _, c1), (n2, _, c2) in zip(curves, curves[1:]))
    files = _plot_densities(curves, fitted, fit, title)
    return Figure(
        "densities",
        "The densities declared by formula" + (" and a Gaussian fitted to the first by "
                                               f"minimising the {fit} KL" if fit else "") + ".",
        "each density integrates to 1 on the grid" +
        ("; the grid's KL between the Gaussians agrees with the closed form" if len(curves) > 1
         else ""),
        "verified" if normalised and agree else "refuted", "; ".join(evidence), files)


def _plot_densities(curves, fitted, fit, title):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    styles = ["-", "--", "-.", ":"]
    with matplotlib.rc_context({"svg.hashsalt": "derive", "svg.fonttype": "path",
                                "font.family": "DejaVu Sans", "font.size": 9}):
        fig, ax = plt.subplots(figsize=(6.0, 3.0))
        support = np.zeros_like(GRID, dtype=bool)
        for k, (name, spec, curve) in enumerate(curves):
            ax.plot(GRID, curve, styles[k % len(styles)], lw=2, label=_label(name, spec))
            support |= curve > 1e-4 * curve.max()
        if fitted is not None:
            ax.plot(GRID, _normal(GRID, *fitted), ":", color="#222222", lw=1.5,
                    label=f"{fit}-KL fit: N({fitted[0]:.2f}, {fitted[1]:.2f}²)")
        xs = GRID[support]
        ax.set_xlim(max(-10.0, xs.min() - 0.5), min(10.0, xs.max() + 0.5))
        ax.set_ylim(bottom=0)
        ax.set_xlabel("x")
        if title:
            ax.set_title(title, fontsize=9)
        ax.legend(loc="upper right", frameon=False)
        fig.tight_layout()
        files = _save(fig)
        plt.close(fig)
    return files


def _save(fig):
    files = {}
    for fmt, metadata in (("svg", {"Date": None}), ("pdf", {"CreationDate": None}),
                          ("png", {"Software": None})):
        buffer = io.BytesIO()
        fig.savefig(buffer, format=fmt, metadata=metadata, dpi=150)
        files[fmt] = buffer.getvalue()
    return files


FIGURES = {"kl-fits": kl_fits, "densities": densities}


def make(name, params):
    """The `Figure` for a request; raises ValueError for an unknown name or parameter.
    (The directive has checked the values; floating-point warnings are never printed.)"""
    with np.errstate(all="ignore"):
        return _make(name, params)


def _make(name, params):
    if name not in FIGURES:
        raise ValueError(f"unknown figure {name!r}; known: {', '.join(sorted(FIGURES))}")
    if name == "densities":
        items = [(k, v) for k, v in params if k != "fit"]
        fit = dict(params).get("fit", "")
        if fit not in ("", "forward", "reverse"):
            raise ValueError("figure densities takes fit=forward or fit=reverse")
        return densities(items, fit)
    kwargs = {}
    for key, value in params:
        if key == "modes":
            kwargs["modes"] = tuple(float(v) for v in value.split(","))
        elif key == "sd":
            kwargs["sd"] = float(value)
        else:
            raise ValueError(f"figure {name} takes modes=… and sd=…, not {key}")
    return FIGURES[name](**kwargs)

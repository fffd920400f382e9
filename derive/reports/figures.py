"""Figures a derivation file can ask for (`% derive: figure NAME key=value …`).

`kl-fits` — the picture the seed is missing (its claim C9): a single Gaussian fitted to a
two-mode mixture by minimising the forward KL `KL(p‖q)` and the reverse KL `KL(q‖p)`,
plotted over the target. The fits are computed (Nelder–Mead from the best point of a
coarse grid, the KL integrals as sums on a fine grid), and what they show is checked as
a claim of its own: the forward fit covers both modes (its mean between them, its
spread wider than their separation's half), the reverse fit sits on one mode.

Figures are deterministic: fixed grids, no randomness, and files written without dates.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

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
        files = {}
        for fmt, metadata in (("svg", {"Date": None}), ("pdf", {"CreationDate": None}),
                              ("png", {"Software": None})):
            buffer = io.BytesIO()
            fig.savefig(buffer, format=fmt, metadata=metadata, dpi=150)
            files[fmt] = buffer.getvalue()
        plt.close(fig)
    return files


FIGURES = {"kl-fits": kl_fits}


def make(name, params):
    """The `Figure` for a request; raises ValueError for an unknown name or parameter."""
    if name not in FIGURES:
        raise ValueError(f"unknown figure {name!r}; known: {', '.join(sorted(FIGURES))}")
    kwargs = {}
    for key, value in params:
        if key == "modes":
            kwargs["modes"] = tuple(float(v) for v in value.split(","))
        elif key == "sd":
            kwargs["sd"] = float(value)
        else:
            raise ValueError(f"figure {name} takes modes=… and sd=…, not {key}")
    return FIGURES[name](**kwargs)

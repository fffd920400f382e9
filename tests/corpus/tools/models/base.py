"""What a truth model is, and the evaluation every model shares.

A model restates one corpus derivation in NumPy, independently of derive: `sample(rng)`
draws a random instance of everything the file declares (pmfs or densities on small finite
supports, real numbers, functions as tables of values), `rows` are the expressions the file
writes, each a function of the instance, and `steps` are the file's transitions and claims
in file order, each (relation, left row, right row) with an optional hypothesis `when` that
moves the instance into the hypothesis (p_g = p_data, say). Mutants and look-alikes are
overrides of the model, written from the edited text: a replaced row, relation, hypothesis
or a changed instance (`env`, for edits of a declaration or a definition).

Integrals are evaluated on finite supports (integration against counting measure): each
identity in the corpus holds for every measure, so this is a fair check of it, and it is
exact up to rounding. A step is true when it holds on every instance, false when it fails
on at least one by a clear margin, and anything else is reported as unclear.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

TRIALS = 40
RELATIONS = {
    "=": lambda l, r, t: abs(l - r) <= t,
    "<=": lambda l, r, t: l <= r + t,
    ">=": lambda l, r, t: l >= r - t,
    "<": lambda l, r, t: l < r - t,
    ">": lambda l, r, t: l > r + t,
}


@dataclass
class Step:
    relation: str
    lhs: str
    rhs: str
    when: Callable | None = None
    tol: float = 1e-9


@dataclass
class Model:
    sample: Callable
    rows: dict
    steps: list
    mutants: list = field(default_factory=list)
    lookalikes: list = field(default_factory=list)
    values: dict = field(default_factory=dict, repr=False, compare=False)

    def truth(self, override=None, trials=TRIALS, seed=0):
        """[True/False/None per step] under an override: None when unclear."""
        rows, steps, sample, env_edit = self._apply(override or {})
        verdict = [True] * len(steps)
        margin = [0.0] * len(steps)
        for trial in range(trials):
            env = sample(np.random.default_rng(seed * 1000 + trial))
            if env_edit:
                env = env_edit(env)
            shared = sample is self.sample and env_edit is None
            for i, step in enumerate(steps):
                local = step.when(env) if step.when else env
                key = (seed, trial) if shared and step.when is None else None
                left = self._row(rows[step.lhs], local, key)
                right = self._row(rows[step.rhs], local, key)
                if not (np.isfinite(left) and np.isfinite(right)):
                    verdict[i], margin[i] = False, np.inf   # an infinite or undefined side
                    continue
                scale = 1.0 + abs(left) + abs(right)
                if not RELATIONS[step.relation](left, right, step.tol * scale):
                    verdict[i] = False
                    margin[i] = max(margin[i], _violation(step.relation, left, right) / scale)
        return [v if v or m > 1e-6 else None for v, m in zip(verdict, margin)]

    def _row(self, row, env, key):
        """A row's value on an instance, kept when the instance is the unedited sample's
        (`key`: seed and trial), so that a chain's shared rows and the rows a mutant leaves
        alone are computed once (rows are functions of the instance alone)."""
        if key is None:
            return row(env)
        if (row, key) not in self.values:
            self.values[row, key] = row(env)
        return self.values[row, key]

    def _apply(self, override):
        rows = dict(self.rows)
        steps = [Step(s.relation, s.lhs, s.rhs, s.when, s.tol) for s in self.steps]
        sample, env_edit = self.sample, None
        for key, value in override.items():
            if key == "env":
                env_edit = value
            elif key == "sample":
                sample = value
            elif isinstance(key, tuple) and key[0] == "rel":
                steps[key[1] - 1].relation = value
            elif isinstance(key, tuple) and key[0] == "when":
                steps[key[1] - 1].when = value
            elif key in rows:
                rows[key] = value
            else:
                raise KeyError(f"override of unknown row {key!r}")
        return rows, steps, sample, env_edit


def _violation(relation, left, right):
    if relation == "=":
        return abs(left - right)
    return abs(left - right) if relation in ("<=", "<", ">=", ">") else 0.0


def chain(relations_and_rows):
    """Steps of a chain r0 rel1 r1 rel2 r2 …, given as [r0, (rel1, r1), (rel2, r2), …]."""
    first, *rest = relations_and_rows
    steps, previous = [], first
    for relation, row in rest:
        steps.append(Step(relation, previous, row))
        previous = row
    return steps


def pmf(rng, n):
    """A random positive pmf on n points (bounded away from 0)."""
    w = rng.uniform(0.2, 1.0, size=n)
    return w / w.sum()


def joint(rng, *shape):
    """A random positive joint pmf of the given shape."""
    w = rng.uniform(0.2, 1.0, size=shape)
    return w / w.sum()


def kl(p, q):
    return float(np.sum(p * np.log(p / q)))


def entropy(p):
    return float(-np.sum(p * np.log(p)))


def js(p, q):
    m = (p + q) / 2
    return 0.5 * kl(p, m) + 0.5 * kl(q, m)


def sup_positive(fun):
    """sup of a scalar function over u > 0, on a log grid from 1e-8 to 1e6 then refined
    (a supremum that is +infinity shows as a very large value)."""
    us = np.logspace(-8, 6, 200001)
    values = fun(us)
    k = int(np.nanargmax(values))
    fine = np.linspace(us[max(k - 1, 0)], us[min(k + 1, len(us) - 1)], 20001)
    return float(max(np.nanmax(fun(fine)), values[k]))


def grid_max(fun, low, high, points=20001):
    """max of a scalar function on [low, high] by a dense grid then a local refinement."""
    xs = np.linspace(low, high, points)
    values = fun(xs)
    k = int(np.nanargmax(values))
    a, b = xs[max(k - 1, 0)], xs[min(k + 1, points - 1)]
    fine = np.linspace(a, b, 2001)
    return float(np.nanmax(fun(fine))), float(fine[int(np.nanargmax(fun(fine)))])


H_STEP = 1e-20


def tight(steps, tol):
    """`steps` with each one's tolerance set to `tol`."""
    for st in steps:
        st.tol = tol
    return steps


def dc(f, v):
    """f'(v) by the complex step."""
    return float(np.imag(f(v + 1j * H_STEP)) / H_STEP)

"""Steps with absolute values of real numbers, proved by cases on their signs.

`|u|` of a real u is u where u ≥ 0 and −u where u ≤ 0, and every instance is in one of the
two cases; so a step holds everywhere when it holds in both. The normal form alone keeps
`|u|` an atom, which proves `max(0, x) + min(0, x) = x` (the |x| cancel) but not softplus's
`log(1 + e^x) = max(0, x) + log(1 + e^{-|x|})` (max is read through |·|: `frontend.latex.
extrema`), which needs |x| = x on one side of 0 and −x on the other. Here:

* An **equality** is proved when, for each case, the step with |u| put as ±u has a
  difference the normal form shows to be 0 — for every value, so in particular in the case.
* An **order step** (`≤`, `≥`, not strict) is proved when, in each case, the gap with |u|
  put as ±u is in normal form a rational c ≥ 0, or c·(±u) + d with c, d ≥ 0 rational
  (`max(a, b) ≥ a`: the gap is 0 where a ≥ b, and b − a = −(a − b) ≥ 0 where a ≤ b).

Only absolute values outside every binder, derivative and distribution are split, and put
there only (inside `Σ_i |x_i|` the sign of x_i changes with i: no one case; `d/dx |x|` is a
derivative of the function, which is no ±x on both sides of 0), whose argument the normal
form shows real (for a complex u, |u| is no ±u), innermost first, at most `MAX_SPLITS` of
them (2^3 cases). `|u|` and `|−u|` are one split (the normal form's canonical argument). A
proof here is only a proof: the step is still checked numerically as any other.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from derive.engines import clock, normal_form
from derive.engines.poly import ONE, canonical
from derive.model.terms import Deriv, Dist, Fn, neg, nodes

MAX_SPLITS = 3


class _Out(Exception):
    """A case the normal form cannot decide: no proof by cases."""


def prove_equal(step, deadline):
    """Whether the equality `step` is proved by cases on the signs of its absolute values."""
    return _by_cases(step, deadline, MAX_SPLITS, (), _zero)


def prove_order(step, deadline):
    """Whether the non-strict order `step` is proved by cases on the signs of its absolute
    values."""
    if step.relation.strict:
        return False
    return _by_cases(step, deadline, MAX_SPLITS, (), _nonnegative_gap)


def _by_cases(step, deadline, left, regions, holds):
    n = normal_form.Normaliser(step.context, deadline)
    try:
        split = _split(step, n)
        if split is None:
            return left < MAX_SPLITS and holds(step, n, regions)
        if left == 0:
            return False
        if clock.now() > deadline:
            return False
        terms, argument = split
        for sign in (1, -1):
            value = argument if sign == 1 else neg(argument)
            mapping = dict.fromkeys(terms, value)         # |u| = |v| = ±v
            case = replace(step, lhs=_put(step.lhs, mapping), rhs=_put(step.rhs, mapping))
            if not _by_cases(case, deadline, left - 1, (*regions, n.value(value)), holds):
                return False
        return True
    except (normal_form.Unsupported, normal_form.Undefined, _Out):
        return False


def _split(step, n):
    """(abs terms, v) for the first absolute value to split: the terms |u| outside binders
    whose argument is free of other absolute values and shown real, all with one canonical
    argument v up to sign (u is v or −v, so |u| = |v|); None when there is none."""
    groups = {}
    for side in (step.lhs, step.rhs):
        for t in nodes(side, skip=_within):
            if not (isinstance(t, Fn) and t.fname == "abs") or \
                    any(isinstance(u, Fn) and u.fname == "abs" for u in nodes(t.operands[0])[:-1]):
                continue
            u = t.operands[0]
            value = n.value(u)
            if n.sign(value) == normal_form.COMPLEX:
                continue
            key = min(value.key(), (-value).key(), key=canonical)
            entry = groups.setdefault(key, ([], u if value.key() == key else neg(u)))
            entry[0].append(t)
    if not groups:
        return None
    key = min(groups, key=canonical)
    return groups[key]


def _within(term):
    """Whether the values inside `term` are not the step's values at the instance: a
    binder's body (at each value of its variable), a derivative's body (a function of its
    variable: d/dx |x| is no d/dx x where x ≥ 0, at x = 0), a distribution's parameters."""
    return bool(term.binds) or isinstance(term, (Deriv, Dist))


def _put(term, mapping):
    """`term` with each sub-term in `mapping` replaced (terms are hash-consed), except
    within binders, derivatives and distributions (`_within`)."""
    done = {}
    for t in nodes(term, skip=_within):
        done[t] = mapping.get(t) or t.rebuild([done.get(c, c) for c in t.children])
    return done.get(term, term)


def _zero(step, n, regions):
    return (n.value(step.lhs) - n.value(step.rhs)).is_zero()


def _nonnegative_gap(step, n, regions):
    """Whether the gap is c ≥ 0, or c·r + d with a region r ≥ 0 of the case and c, d ≥ 0."""
    larger, smaller = (step.rhs, step.lhs) if step.relation.upward else (step.lhs, step.rhs)
    gap = n.value(larger) - n.value(smaller)
    for r in (None, *regions):
        c = Fraction(0) if r is None else _ratio(gap, r)
        if c is None or c < 0:
            continue
        rest = gap if r is None else gap - r.scale(c)
        d = rest.constant()
        if d is not None and d >= 0:
            return True
    return False


def _ratio(gap, r):
    """The rational c with gap − c·r free of r's first monomial, or None."""
    for monomial, coefficient in r.terms.items():
        if monomial != ONE:
            return gap.terms.get(monomial, Fraction(0)) / coefficient
    return None

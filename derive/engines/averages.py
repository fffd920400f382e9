"""An expectation of an integrand shown ≥ 0 at every point is ≥ 0.

The normal form expands `E_p[(x − E_p[x])^2]` (`\\operatorname{Var}[X]`, as derive reads
it) into `E_p[x^2] − E_p[x]^2`, where no integrand is ≥ 0 by itself, so the pointwise
prover of `bounds` cannot see that a variance is non-negative. Here the larger side is
read as written: a step `E_{x∼p}[g] ≥ s` (`\\le` the other way; not strict) is proved when

* the expectation's density is shown ≥ 0 (a declared density or family; a density given
  by a formula only when its pieces are shown ≥ 0 — as Jensen's inequality asks);
* `g` is shown ≥ 0 at every x by the sign prover, with each expectation, integral, sum or
  operator inside `g` that does not involve x taken as the constant it is — a fresh number
  of the sign the normal form shows for it (real at least; one that may be complex is
  never taken as real);
* `s` is shown ≤ 0 by the normal form.
"""

from __future__ import annotations

from derive.engines import normal_form
from derive.model.context import Context
from derive.model.names import Declaration, Domain, Kind, Name
from derive.model.terms import (
    ONE, ZERO, Dens, Expect, Integral, Mul, Op, Product, Sum, Sym, free_names, neg, nodes, sub,
    substitute,
)

_DOMAINS = {normal_form.POS: Domain.POSITIVE, normal_form.NONNEG: Domain.NONNEGATIVE,
            normal_form.REAL: Domain.REAL}
_CONSTANTS = (Expect, Integral, Sum, Product, Op)


def prove(step, deadline):
    """Whether the order step is an expectation of a non-negative integrand against a
    side shown ≤ 0."""
    if step.relation.strict:
        return False
    larger, smaller = (step.rhs, step.lhs) if step.relation.upward else (step.lhs, step.rhs)
    joined = _joined(larger, smaller)
    if joined is not None:
        larger, smaller = joined, ZERO
    if not isinstance(larger, Expect):
        return False
    from derive.engines import bounds, jensen
    n = normal_form.Normaliser(step.context, deadline)
    try:
        if n.sign(n.value(neg(smaller))) not in (normal_form.POS, normal_form.NONNEG):
            return False
        weights = Dens(larger.dist, (Sym(larger.var),))
        if not all(s in (normal_form.POS, normal_form.NONNEG)
                   for s in jensen._density_signs(larger.dist, weights, n)):
            return False
        constants = {}
        body = constants_named(larger.body, larger.var, constants, n)
        if body is None:
            return False
        table = dict(step.context.table)
        for name, domain in constants.values():
            table[name] = Declaration(Kind.SYMBOL, domain)
        widened = Context(table, step.context.parameters, step.context.fixed)
        m = normal_form.Normaliser(widened, deadline)
        return bounds._pointwise(m.value(body), False, m, deadline)
    except (normal_form.Unsupported, normal_form.Undefined):
        return False


def _joined(larger, smaller):
    """`E_{x∼p}[a·g − b·h]` when the sides are `a·E_{x∼p}[g]` and `b·E_{x∼p}[h]` of one
    distribution (a, b the factors outside, 1 when none): by linearity — every integral
    finite, as derive assumes — the step is then this expectation ≥ 0, so a bound used
    at each point under the expectation proves it (`E_S[\\log_2 \\frac{1}{P_S(s)}] \\le
    E_S[\\frac{1}{P_S(s)} - 1] \\log_2 e`: `\\log x \\le x - 1` at x = 1/P_S(s)). None
    otherwise."""
    parts = [_multiple_of_expectation(side) for side in (larger, smaller)]
    if None in parts:
        return None
    (a, big), (b, small) = parts
    if big.dist != small.dist:
        return None
    other = substitute(small.body, {small.var: Sym(big.var)})
    return Expect(big.var, big.dist, sub(Mul(a, big.body), Mul(b, other)))


def _multiple_of_expectation(term):
    """(factor, E) when `term` is an expectation E, or a product of one with factors
    outside any expectation; else None."""
    if isinstance(term, Expect):
        return ONE, term
    if not isinstance(term, Mul):
        return None
    inside = [i for i, f in enumerate(term.args) if isinstance(f, Expect)]
    if len(inside) != 1:
        return None
    rest = term.args[:inside[0]] + term.args[inside[0] + 1:]
    if any(isinstance(t, Expect) for f in rest for t in nodes(f)):
        return None
    return Mul(*rest) if len(rest) > 1 else (rest[0] if rest else ONE), term.args[inside[0]]


def constants_named(term, var, constants, n):
    """`term` with each expectation, integral, sum or operator free of `var` put to a fresh
    name (recorded in `constants` with the domain its sign gives), or None when one of them
    is not shown real. Constants of one value share a name: E[X] written twice is two
    terms (each over its own bound copy) but one number, so (x − E[X]) and the event's
    ends E[X] ± t speak of the same c."""
    if isinstance(term, _CONSTANTS) and var not in free_names(term):
        if term not in constants:
            value = n.value(term)
            same = next((c for c in constants if (n.value(c) - value).is_zero()), None)
            domain = _DOMAINS.get(n.sign(value))
            if same is None and domain is None:
                return None
            constants[term] = constants[same] if same is not None else (Name("c"), domain)
        return Sym(constants[term][0])
    if not term.children:
        return term
    children = []
    for child in term.children:
        replaced = constants_named(child, var, constants, n)
        if replaced is None:
            return None
        children.append(replaced)
    return term.rebuild(children)

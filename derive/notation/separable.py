"""An optimum over a whole declared family, of an objective that is a sum of its members'
own terms: `\\sup_x \\{\\langle y, x \\rangle - f(x)\\}` with `positive x_i for i = 1..n`
and `define f(x) = \\sum_{i=1}^n x_i \\log x_i` (a Fenchel conjugate, coordinatewise).

The objective, read with the declared members x_i, must be R + Σ_i H_i(x_i): terms R free
of the family, and sums (times factors free of it, inside definitions too) over one range
whose summands take the family only at the sum's own index. Then

    sup_x (R + Σ_i H_i(x_i)) = R + Σ_i sup_{x_i} H_i(x_i),

each member optimised alone over its family's domain (the members vary independently;
the identity holds with ±∞ as well). Anything else — a member at another index (x_{i+1},
x_1), the family outside such a sum, sums over different ranges — is `NotSeparable`: the
reader refuses the optimum rather than read it over a number the objective does not use.
"""

from __future__ import annotations

from derive.model.terms import Add, Call, Defined, Mul, Optimum, Sum, Sym, nodes, replaced
from derive.model.terms import substitute


class NotSeparable(Exception):
    """An objective that is no sum of the family's members' own terms (the message says
    why)."""


def separated(kind, objective, family, member_variable, interval):
    """R + Σ_i opt_{x_i} H_i(x_i) for `opt_x objective` (`kind` max or min) over the
    family `family` (its component Name); `member_variable(index)` makes the bound name of
    one member at a sum's index, `interval` (low, high, closed) its range."""
    sums, rest = [], []
    _split(objective, (), family, sums, rest)
    if not sums:
        raise NotSeparable("the objective takes the family's members outside a sum over them")
    bounds = {(s.lower, s.upper) for _, s in sums}
    if len(bounds) > 1:
        raise NotSeparable("the objective sums the family's members over different ranges")
    index = sums[0][1].var
    body = Add(*(Mul(*factors, substitute(s.body, {s.var: Sym(index)}))
                 for factors, s in sums))
    variable = member_variable(index)
    body = replaced(body, Call(family, Sym(index)), Sym(variable))
    if _mentions(body, family):
        raise NotSeparable("a summand takes members of the family at other indices than its "
                           "own")
    lower, upper = next(iter(bounds))
    summed = Sum(index, Optimum(kind, body, variable, *interval), lower, upper)
    return Add(*rest, summed) if rest else summed


def _split(term, factors, family, sums, rest):
    """Sort the addends of `term` (times `factors`) into sums over the family and the rest;
    raises NotSeparable for the family anywhere else."""
    if not _mentions(term, family):
        rest.append(Mul(*factors, term) if factors else term)
    elif isinstance(term, Add):
        for a in term.args:
            _split(a, factors, family, sums, rest)
    elif isinstance(term, Defined):
        _split(term.body, factors, family, sums, rest)
    elif isinstance(term, Mul):
        holding = [f for f in term.args if _mentions(f, family)]
        if len(holding) != 1:
            raise NotSeparable("a product of terms that each take the family's members")
        others = tuple(f for f in term.args if f is not holding[0])
        _split(holding[0], factors + others, family, sums, rest)
    elif type(term) is Sum:
        sums.append((factors, term))
    else:
        raise NotSeparable("the objective takes the family's members outside a sum over them")


def _mentions(term, family):
    return any(isinstance(t, Call) and t.function is family for t in nodes(term))

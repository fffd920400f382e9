"""Infinite series: what a series is in a step, its closed form, and its terms' ratio.

A *series* is a sum to infinity written out (`\\sum_{x=0}^{\\infty} f(x)`, lower bound a
whole number) or a sum over a mass function's infinite support (`\\mathbb{E}(X)` for a
Poisson X, `\\sum_x f(x)` of a Poisson f): `explicit` writes either as a `Sum` from the
support's first point to ∞ with the mass function's formula put in. No engine ever
truncates one into a verdict:

* **a proof** (`closed_forms`): every series of the step is replaced, innermost first, by
  SymPy's `summation` of it (Gosper's and the hypergeometric algorithms: the exponential
  series, `\\sum x \\lambda^x / x!`, geometric and telescoping series), with the declared
  assumptions on its names; only a closed form without a remaining `Sum` is used, and a
  form SymPy states under a convergence condition (`1/(1-r)` for |r| < 1) only where
  that condition follows from the declarations. The step with closed forms then goes to
  the normal form. This is how an index shift (`\\sum_{x=1}^\\infty \\frac{\\lambda^{x-1}}
  {(x-1)!} = \\sum_{z=0}^\\infty \\frac{\\lambda^z}{z!}`) and the exponential series are
  proved. It proves nothing alone: `decide.equality` also needs numeric agreement, on
  the step as written;
* **a value** (`numeric.series`): a partial sum plus a ball that certainly holds the
  tail, from the ratio of consecutive terms (`ratio`, a rational function of the index
  for a hypergeometric term), so that a counterexample is certified like any other. A
  series whose ratio is not a rational function, or whose ratio is not certainly below
  some ρ < 1 from an index on (`\\sum 1/k^2`), is not evaluated.
"""

from __future__ import annotations

from derive.model.names import Declaration, Domain, Kind, Name
from derive.model.terms import (
    OO, Dens, Expect, Integral, Mul, Sum, Sym, nodes, substitute,
)
from derive.notation import families

FUNCTIONS = ("exp", "log", "sin", "cos", "tan", "sinh", "cosh", "tanh", "factorial")


class NoClosedForm(Exception):
    """A series of the step whose value derive did not obtain (the message says why)."""


def has_series(step):
    return any(explicit(t, step.context) is not None
               for side in (step.lhs, step.rhs) for t in nodes(side))


def explicit(term, context):
    """A series as `Sum(var, body, low, ∞)` (the body with the mass function's formula put
    in), or None when `term` is not one; raises NoClosedForm for a sum over a support
    that is infinite downwards or has several pieces."""
    if isinstance(term, Sum) and term.upper is OO and term.lower is not None:
        return term
    if isinstance(term, Expect):
        body = Mul(Dens(term.dist, (Sym(term.var),)), term.body)
    elif isinstance(term, (Sum, Integral)) and term.lower is None:
        body = term.body
    else:
        return None
    var = term.var
    if not getattr(context.info(var), "discrete", False):
        return None
    try:
        split = families.range_pieces(body, var, context)
    except ValueError:
        return None
    if split is None:
        return None
    dist, ranges = split
    if all(high is not None for _, high in ranges):
        return None
    if len(ranges) != 1 or ranges[0][0] is None:
        raise NoClosedForm("a sum over a support that is not one range of whole numbers "
                           "from a first one up")
    (low, _), = ranges
    (_, _, formula), = families.explicit(Dens(dist, (Sym(var),)), context)
    return Sum(var, substitute_density(body, dist, var, formula), low, OO)


def substitute_density(body, dist, var, formula):
    """`body` with the density `dist` at `var` replaced by `formula` (its piece's value)."""
    from derive.engines.limits import _replace
    return _replace(body, Dens(dist, (Sym(var),)), formula)


def closed_forms(step):
    """The step with every series replaced by SymPy's closed form (innermost first), and
    the closed forms found as {series: value}; raises NoClosedForm."""
    from dataclasses import replace
    found = {}
    lhs, rhs = (_resolve(side, step.context, found) for side in (step.lhs, step.rhs))
    return replace(step, lhs=lhs, rhs=rhs), found


def _resolve(term, context, found):
    from derive.engines.limits import _replace
    series = [t for t in nodes(term) if explicit(t, context) is not None]
    if not series:
        return term
    inner = next(t for t in series if not any(
        u is not t and explicit(u, context) is not None for u in nodes(t)))
    value = closed_form(explicit(inner, context), context)
    found[inner] = value
    return _resolve(_replace(term, inner, value), context, found)


def closed_form(series, context):
    """SymPy's value of `Sum(var, body, low, ∞)` as a term; raises NoClosedForm."""
    import sympy

    from derive.engines.limits import NoValue, _from_sympy, _named
    symbols = {}
    body, index = _sympy_term(sympy, series, context, symbols)
    low = _sympy(sympy, series.lower, context, symbols)
    names = {s: n for n, s in symbols.items()}
    try:
        value = sympy.summation(body, (index, low, sympy.oo))
    except (ValueError, NotImplementedError, TypeError) as exc:
        raise NoClosedForm(f"SymPy does not sum the series ({_named(exc, names)})") from None
    value = _without_conditions(sympy, value, lambda e: _named(e, names))
    if value.has(sympy.Sum) or not value.is_finite:
        raise NoClosedForm(f"SymPy gives no finite closed form for the series "
                           f"({_named(value, names)})")
    names[index] = series.var
    try:
        return _from_sympy(sympy, value, names, FUNCTIONS)
    except NoValue as exc:
        raise NoClosedForm(str(exc)) from None


def _without_conditions(sympy, value, text, known=lambda condition: condition):
    """A closed form stated under conditions (`Piecewise`) taken where its condition
    follows from the declared assumptions (and `known`: the condition with what the
    step's hypotheses decide of it put in); otherwise refused."""
    if not value.has(sympy.Piecewise):
        return value
    value = sympy.piecewise_fold(value)
    if not isinstance(value, sympy.Piecewise):
        raise NoClosedForm(f"SymPy's sum is stated under conditions ({text(value)})")
    for expr, condition in value.args:
        holds = sympy.refine(known(condition))
        if holds is sympy.true:
            return expr
        if holds is not sympy.false:
            raise NoClosedForm(f"the series' sum {text(expr)} holds where {text(condition)}, "
                               f"which the declarations do not show")
    raise NoClosedForm(f"SymPy's sum is stated under conditions ({text(value)})")


def ratio(series, context):
    """The ratio of consecutive terms t(k+1)/t(k) of a hypergeometric series as the
    coefficients (highest first, terms in the step's names) of its numerator and
    denominator in the index; raises NoClosedForm when it is not a rational function."""
    import sympy

    from derive.engines.limits import NoValue, _from_sympy
    symbols = {}
    body, index = _sympy_term(sympy, series, context, symbols)
    try:
        found = sympy.hypersimp(body, index)
    except (ValueError, NotImplementedError, TypeError):
        found = None
    if found is None or not found.is_rational_function(index):
        raise NoClosedForm("the ratio of its consecutive terms is not a rational function of "
                           "the index (no certified bound on its tail)")
    top, bottom = sympy.fraction(sympy.cancel(sympy.together(found)))
    names = {s: n for n, s in symbols.items()}
    try:
        return tuple(tuple(_from_sympy(sympy, c, names, FUNCTIONS)
                           for c in sympy.Poly(part, index).all_coeffs())
                     for part in (top, bottom))
    except (NoValue, sympy.PolynomialError):
        raise NoClosedForm("the ratio of its consecutive terms is outside what derive reads "
                           "back") from None


_INDEX = Declaration(Kind.SYMBOL, Domain.INTEGER)


def _sympy_term(sympy, series, context, symbols):
    """The series' body in SymPy, with its index an integer symbol of its own."""
    index = Name(series.var.latex, local=_INDEX)
    body = substitute(series.body, {series.var: Sym(index)})
    return _sympy(sympy, body, context, symbols), _sympy(sympy, Sym(index), context, symbols)


def _sympy(sympy, term, context, symbols):
    from derive.engines.limits import NoValue, _to_sympy
    try:
        return _to_sympy(sympy, term, context, symbols, FUNCTIONS)
    except NoValue as exc:
        raise NoClosedForm(str(exc).replace("limits", "sums of series")) from None


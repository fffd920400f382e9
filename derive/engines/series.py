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
    OO, Add, Dens, Expect, Integral, Mul, Num, Op, Sum, Sym, free_names, nodes, substitute,
)
from derive.notation import families, registry

FUNCTIONS = ("exp", "log", "sin", "cos", "tan", "sinh", "cosh", "tanh", "factorial")


class NoClosedForm(Exception):
    """A series of the step whose value derive did not obtain (the message says why)."""


def has_series(step):
    return any(_series_in(side, step.context) for side in (step.lhs, step.rhs))


def _series_in(term, context):
    """Whether `term` has a series, also inside an operator's meaning (`H(X)` of a
    mass function on the whole numbers from 0 up is a series)."""
    return any(explicit(t, context) is not None or
               isinstance(t, Op) and _series_in(registry.meaning(t), context)
               for t in nodes(term))


def _opened(term, context):
    """`term` with each operator whose meaning has a series replaced by that meaning."""
    from derive.engines.limits import _replace
    for t in nodes(term):
        if isinstance(t, Op) and _series_in(registry.meaning(t), context):
            return _opened(_replace(term, t, registry.meaning(t)), context)
    return term


def explicit(term, context):
    """A series as `Sum(var, body, low, ∞)` (the body with the mass function's formula put
    in), or None when `term` is not one; raises NoClosedForm for a sum over a support
    that is infinite downwards or has several pieces."""
    if isinstance(term, Sum) and term.upper is OO and term.lower is not None:
        return _formulas_put(term, context)
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
        split = None
    if split is None:
        return _over_exact_support(term, body, context)
    dist, ranges = split
    if all(high is not None for _, high in ranges):
        return None
    if len(ranges) != 1 or ranges[0][0] is None:
        raise NoClosedForm("a sum over a support that is not one range of whole numbers "
                           "from a first one up")
    (low, _), = ranges
    (_, _, formula), = families.explicit(Dens(dist, (Sym(var),)), context)
    return _formulas_put(Sum(var, substitute_density(body, dist, var, formula), low, OO),
                         context)


def _over_exact_support(term, body, context):
    """A sum over a discrete variable's range of a term that is not a multiple of a mass
    function (`e^{-μ} \\sum_x e^{θx} μ^x / x!`) as a series, where that range is exactly
    an infinite support (`exact_support`); otherwise None (not a series)."""
    pieces = exact_support(term.var, context)
    if pieces is None or len(pieces) != 1 or pieces[0][0] is None or pieces[0][1] is not None:
        return None
    return _formulas_put(Sum(term.var, body, pieces[0][0], OO), context)


def exact_support(var, context):
    """The pieces [(low, high)] (None: unbounded) of the range of the discrete variable
    `var` where the declarations say what it is exactly: `var` declared without a range
    (`discrete x`, its own `range(x)`), at least one mass function by formula declared
    over it alone, and every such function with one and the same support (`Poisson(μ)`:
    0, 1, 2, …; a formula that sums to 1 from 1 up: 1, 2, …). The author then means x's
    values to be those of its law. None otherwise — a range declared `in \\mathcal{X}`
    (shared, or a set of its own name) keeps only what it is said to contain, and two
    supports, a conditional or joint law by formula, or an abstract density declared on
    an interval over it leave the range unknown (today's reading)."""
    from derive.frontend.scope import own_range
    info = context.info(var.origin if var.origin is not None else var)
    support = getattr(info, "support", None)
    variable = var.origin if var.origin is not None else var
    if support is None or support.latex != own_range(variable.latex):
        return None
    found = None
    for name in context.of_kind(Kind.DISTRIBUTION):
        law = context.info(name)
        if not any(context.info(v).support is support for v in (*law.over, *law.given)
                   if getattr(context.info(v), "discrete", False)):
            continue
        if law.formula is None and law.support is None and law.law is None and \
                law.expression is None:
            continue                # an abstract mass function: it lives on the range
        if law.formula is None or law.given or len(law.over) != 1:
            return None
        pieces = [(low, high) for low, high, _ in law.formula.pieces]
        if found is not None and pieces != found:
            return None
        found = pieces
    return found


def _formulas_put(series, context):
    """A series written out (`\\sum_{k=0}^{\\infty} P(X = k) \\ln P(X = k)`) with each mass
    function by formula taken at its index replaced by its formula — only where the
    series' whole range lies in one piece of the function's support (a whole-number lower
    bound at or past the piece's first point, the piece unbounded above); otherwise the
    series is left as written (its value is then not computed)."""
    from derive.engines import normal_form
    body = series.body
    for dist, formula in families.densities_at(body, series.var, context).items():
        if not families.on_points(dist, context) or len(formula.pieces) != 1:
            continue
        ((low, high, _),) = formula.pieces
        if high is not None:
            continue
        if low is not None:
            try:
                n = normal_form.Normaliser(context)
                gap = n.sign(n.value(Add(series.lower, Mul(Num(-1), low))))
            except (normal_form.Unsupported, normal_form.Undefined):
                continue
            if gap not in (normal_form.POS, normal_form.NONNEG):
                continue
        (_, _, value), = families.explicit(Dens(dist, (Sym(series.var),)), context)
        body = substitute_density(body, dist, series.var, value)
    return series if body is series.body else Sum(series.var, body, series.lower, OO)


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
    term = _opened(term, context)
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

    from derive.engines.limits import NoValue, from_sympy
    value, names = _summed(sympy, series, context)
    try:
        return from_sympy(sympy, value, names, FUNCTIONS)
    except NoValue as exc:
        raise NoClosedForm(str(exc)) from None


def _summed(sympy, series, context):
    """(SymPy's finite closed form of the series, {SymPy symbol: Name}); raises
    NoClosedForm."""
    from derive.engines.limits import _named
    symbols = {}
    body, index = _sympy_term(sympy, series, context, symbols)
    low = _sympy(sympy, series.lower, context, symbols)
    names = {s: n for n, s in symbols.items()}
    try:
        value = sympy.summation(body, (index, low, sympy.oo))
        if value.has(sympy.Sum):
            powers, back = _exponentials_as_powers(sympy, body, index)
            if back:
                value = sympy.summation(powers, (index, low, sympy.oo)).subs(back)
    except (ValueError, NotImplementedError, TypeError) as exc:
        raise NoClosedForm(f"SymPy does not sum the series ({_named(exc, names)})") from None
    value = _without_conditions(sympy, value, lambda e: _named(e, names))
    if not value.has(sympy.Sum) and not _finite(sympy, value):
        value = sympy.simplify(value)       # finite where SymPy's assumptions see it so
    if value.has(sympy.Sum) or not _finite(sympy, value):
        raise NoClosedForm(f"SymPy gives no finite closed form for the series "
                           f"({_named(value, names)})")
    names[index] = series.var
    return value, names


def _finite(sympy, value):
    """Whether SymPy sees `value` finite, each of its symbols taken as the finite number a
    name of derive stands for (SymPy's symbol without assumptions may be ∞: e^{μ e^θ} of
    a function's parameter θ would not be finite)."""
    finite = {s: sympy.Dummy(s.name, finite=True, **{k: v for k, v in s.assumptions0.items()
                                                    if k in ("real", "positive", "integer",
                                                             "nonnegative", "nonzero")})
              for s in value.free_symbols if s.is_finite is None}
    return bool(value.xreplace(finite).is_finite) if finite else bool(value.is_finite)


def _exponentials_as_powers(sympy, body, index):
    """`body` with each `exp(c·k + d)` (c free of the index k) written `B^k e^d`, B a
    symbol standing for e^c, powers of one exponent merged (`e^{θk} μ^k = (Bμ)^k`), and
    {B: e^c} to put back: Gosper's and the hypergeometric algorithms see `(Bμ)^k / k!` as
    a hypergeometric term, `e^{θk} μ^k / k!` not (the moment generating function of a
    Poisson law). Both rewritings are identities because k is a whole number ((e^c)^k =
    e^{ck} and a^k b^k = (ab)^k for every complex a, b, c); B is declared positive where
    c is real (e^c is then), otherwise only non-zero. A condition SymPy states on B
    (|B(1-p)| < 1 for a geometric series) is put back in terms of e^c before it is
    decided, never taken from what B is declared."""
    back = {}

    def linear(e):
        if not isinstance(e, sympy.exp) or not e.args[0].has(index) or \
                not e.args[0].is_polynomial(index):
            return False
        return sympy.degree(e.args[0], index) == 1

    def power(e):
        c, d = sympy.Poly(e.args[0], index).all_coeffs()
        base = next((b for b, v in back.items() if v == sympy.exp(c)), None)
        if base is None:
            base = sympy.Dummy("B", **({"positive": True} if c.is_real else {"nonzero": True}))
            back[base] = sympy.exp(c)
        return base ** index * sympy.exp(d)

    # (μe^θ)^k is μ^k e^{θk} first, so that the e^θ in a base is found too
    body = sympy.expand_power_base(body).replace(linear, power)
    return sympy.powsimp(body, combine="base"), back


def first_point(formula, variable, hypotheses, context):
    """Where a mass function given by a formula in the discrete `variable`, declared
    without a range or support (`discrete k`, `density f = (1 - p)^k p over k`), lives:
    the whole numbers from 0 up, or from 1 up — the one of those first points from which
    the formula sums to 1 (SymPy's closed form, simplified to 1 under the `hypotheses` in
    force), as a mass function does. Both (the formula is 0 at 0): from 1. None when
    neither is shown: the support is not known."""
    import sympy

    from derive.engines.hypotheses import restricted
    index = Name(variable.latex, local=_INDEX)
    body = substitute(formula, {variable: Sym(index)})
    found = None
    for low in (0, 1):
        try:
            (series,), where = restricted((Sum(index, body, Num(low), OO),), hypotheses,
                                          context, [])
            value, _ = _summed(sympy, series, where)
        except NoClosedForm:
            continue
        if sympy.simplify(value - 1) == 0:
            found = low
    return found


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
        holds = sympy.refine(_bounds_shown(sympy, known(condition)))
        if holds is sympy.true:
            return expr
        if holds is not sympy.false:
            raise NoClosedForm(f"the series' sum {text(expr)} holds where {text(condition)}, "
                               f"which the declarations do not show")
    raise NoClosedForm(f"SymPy's sum is stated under conditions ({text(value)})")


def _bounds_shown(sympy, condition):
    """The condition with each order relation whose gap SymPy shows of the right sign put
    to true, by the symbols' assumptions alone: a name the step's hypotheses bound
    (`-1 < a < 1`) stands there as a fraction of a positive ε (`hypotheses.restricted`),
    so `|(ε − 1)/(ε + 1)| < 1` is shown, never assumed. An absolute value |w| of a real w
    is w or −w: the relation is shown when it is with each put in (up to two of them). A
    relation not shown is left as it is (`refine` decides it, or the sum is refused)."""
    from itertools import product

    def shown(rel):
        strict = isinstance(rel, (sympy.StrictLessThan, sympy.StrictGreaterThan))
        gap = rel.rhs - rel.lhs if isinstance(
            rel, (sympy.StrictLessThan, sympy.LessThan)) else rel.lhs - rel.rhs
        bars = list(gap.atoms(sympy.Abs))
        if len(bars) > 2 or any(bar.args[0].is_real is not True for bar in bars):
            return False
        for signs in product((1, -1), repeat=len(bars)):
            case = sympy.factor(sympy.together(gap.xreplace(
                {bar: sign * bar.args[0] for bar, sign in zip(bars, signs)})))
            if (case.is_positive if strict else case.is_nonnegative) is not True:
                return False
        return True
    return condition.replace(
        lambda e: isinstance(e, (sympy.StrictLessThan, sympy.StrictGreaterThan,
                                 sympy.LessThan, sympy.GreaterThan)) and shown(e),
        lambda e: sympy.true)


def ratio(series, context):
    """The ratio of consecutive terms t(k+1)/t(k) of a hypergeometric series as the
    coefficients (highest first, terms in the step's names) of its numerator and
    denominator in the index; raises NoClosedForm when it is not a rational function."""
    import sympy

    from derive.engines.limits import NoValue, from_sympy
    symbols = {}
    body, index = _sympy_term(sympy, series, context, symbols)
    try:
        found = sympy.hypersimp(body, index)
        if found is None:
            powers, back = _exponentials_as_powers(sympy, body, index)
            found = sympy.hypersimp(powers, index) if back else None
            found = found if found is None else found.subs(back)
    except (ValueError, NotImplementedError, TypeError):
        found = None
    if found is None or not found.is_rational_function(index):
        # hypersimp folds logs back (log(a) + k log(b) into one log of a power): a term
        # with a factor linear in logs (an entropy's -f log f) is compared with its
        # successor directly, powers of the same base merged and factorials of successive
        # indices cancelled ((k+1)!/k! = k + 1: a Poisson term times a log ratio)
        found = sympy.cancel(sympy.powsimp(sympy.combsimp(body.subs(index, index + 1) / body)))
    if not found.is_rational_function(index):
        raise NoClosedForm("the ratio of its consecutive terms is not a rational function of "
                           "the index (no certified bound on its tail)")
    top, bottom = sympy.fraction(sympy.cancel(sympy.together(found)))
    names = {s: n for n, s in symbols.items()}
    try:
        return tuple(tuple(from_sympy(sympy, c, names, FUNCTIONS)
                           for c in sympy.Poly(part, index).all_coeffs())
                     for part in (top, bottom))
    except (NoValue, sympy.PolynomialError):
        raise NoClosedForm("the ratio of its consecutive terms is outside what derive reads "
                           "back") from None


_HELD = Declaration(Kind.SYMBOL, Domain.COMPLEX)


def constants_held(series):
    """(the series with each moment, sum or integral its index does not reach put as a
    symbol of its own, {symbol: that subterm}): a number of the instance, constant in the
    index (the mean inside a Poisson variance, `Σ_k p(k)(k − E[X])^2`), which the numbers
    evaluate once — and the ratio of consecutive terms is then read with it as a letter.
    Only a subterm whose names are all free in the whole series is held: one reaching a
    letter bound inside the body is no constant."""
    held, memo, outside = {}, {}, free_names(series)

    def walk(t):
        if t in memo:
            return memo[t]
        if isinstance(t, (Expect, Integral)) and free_names(t) <= outside:
            name = Name(f"c_{{{len(held) + 1}}}", local=_HELD)
            held[name] = t
            out = Sym(name)
        elif t.children:
            out = t.rebuild([walk(c) for c in t.children])
        else:
            out = t
        memo[t] = out
        return out

    body = walk(series.body)
    return (series if not held else series.rebuild(
        [body if c is series.body else c for c in series.children])), held


_INDEX = Declaration(Kind.SYMBOL, Domain.INTEGER)


def _sympy_term(sympy, series, context, symbols):
    """The series' body in SymPy, with its index an integer symbol of its own."""
    index = Name(series.var.latex, local=_INDEX)
    body = substitute(series.body, {series.var: Sym(index)})
    # logs of products and powers split where SymPy knows the factors positive (the
    # declared assumptions): log((1-p)^k p) = k log(1-p) + log p, a term whose ratio is
    # then a rational function of k
    return sympy.expand_log(_sympy(sympy, body, context, symbols)), \
        _sympy(sympy, Sym(index), context, symbols)


def _sympy(sympy, term, context, symbols):
    from derive.engines.limits import NoValue, _to_sympy
    try:
        return _to_sympy(sympy, term, context, symbols, FUNCTIONS)
    except NoValue as exc:
        raise NoClosedForm(str(exc).replace("limits", "sums of series")) from None


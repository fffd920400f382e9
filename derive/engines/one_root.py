"""The one root, in a symbol's declared domain, of an equation not linear in it.

A stationarity hypothesis is often a rational equation in one positive symbol
(`-\\frac{n}{2\\sigma^2} + \\frac{1}{2\\sigma^4}\\sum_i (x_i - \\bar x)^2 = 0`, the Gaussian
MLE in σ²). `hypotheses._solved` asks here for its root when it is neither linear in the
symbol nor `S = c·σ^k` with a rational c. The equation is put in SymPy with the symbol σ
carrying its declared domain and every part free of σ (a sum, n, a product of data) as
an opaque symbol carrying the sign derive shows for it (`positive`, `nonnegative`,
`real`); its numerator, over one denominator c·σ^m (c free of σ and shown non-zero: a
denominator of anything else is not read), must be a polynomial of degree two in σ
whose leading coefficient is shown non-zero (`a·b = a` holds for every b where a is 0: no
one root there), so that its roots are the quadratic formula's at every instance (no
cubic or quartic formula, whose cases SymPy picks for generic values only; an equation
of degree one is `hypotheses`' own, solved only with a rational coefficient). Only plain
arithmetic of numbers and data is read (`_plain`): no density, integral or expectation. The root is
returned only when SymPy finds all the roots (`sympy.roots`, their multiplicities adding
up to the degree) and exactly one of them is not excluded from σ's domain by its
assumptions: the other roots are then outside it (a negative square root of a positive
σ), so at every instance of the hypothesis σ is that root. Never a choice among several
roots.

The root may lie in σ's domain only where the parts free of σ are in theirs (√(S/n) is
positive only where the sum of squares S is not 0; where S is 0 the equation has no root
at all): `hypotheses` then puts it all the same — a proof covers those instances too — and
a counterexample counts only where an exact evaluation shows the root inside the domain
(`hypotheses.Unshown`, `numeric.compare.held_out`).
"""

from __future__ import annotations


from derive.engines import normal_form
from derive.model.names import Domain, IndexRange
from derive.model.terms import (Add, Call, Const, Defined, Fn, Mul, Num, Pow, Sum, Sym,
                                free_names, nodes)

_ASSUMED = {Domain.POSITIVE: {"positive": True}, Domain.NONNEGATIVE: {"nonnegative": True},
            Domain.REAL: {"real": True}}
_SIGNS = {normal_form.POS: {"positive": True}, normal_form.NONNEG: {"nonnegative": True},
          normal_form.REAL: {"real": True}}


class _Outside(Exception):
    """A part of the equation this module does not put in SymPy."""


def unique_root(difference, name, context):
    """The derive term of the one root of `difference = 0` in `name` in its declared
    domain (see the module's rules), or None."""
    domain = context.domain(name)
    if domain not in _ASSUMED or name not in free_names(difference) or \
            not all(_plain(t, context) for t in nodes(difference)):
        return None
    import sympy
    symbol = sympy.Symbol("sigma", **_ASSUMED[domain])
    holes = {}
    try:
        expr = _to_sympy(sympy, difference, name, symbol, holes, context)
    except _Outside:
        return None
    numerator, denominator = sympy.fraction(sympy.together(expr))
    scale, power = _monomial(sympy, denominator, symbol)
    polynomial = sympy.Poly(numerator, symbol) if numerator.is_polynomial(symbol) else None
    if scale is None or polynomial is None or polynomial.degree() != 2:
        return None
    try:      # a leading coefficient 0 at some instance (a·b = a at a = 0) holds for every σ
        if not (nonzero(_back(sympy, scale, holes), context) and
                nonzero(_back(sympy, polynomial.LC(), holes), context)):
            return None
    except _Outside:
        return None
    found = sympy.roots(polynomial)
    if sum(found.values()) != polynomial.degree():      # SymPy did not find them all
        return None
    roots = [r for r in found if _maybe_inside(symbol, r)]
    if len(roots) != 1 or roots[0].has(symbol):
        return None
    try:
        return _back(sympy, _as_root(sympy, roots[0]), holes)
    except _Outside:
        return None


def _as_root(sympy, root):
    """`root` as the k-th root of a radical-free expression where it is one (√h1/√h0 as
    (h1/h0)^{1/2}, as `hypotheses` writes the root of `S = c·σ^k`): the normal form then
    meets σ^k as that expression, not as a product of powers of its parts."""
    if not _radical(sympy, root):
        return root
    for k in (2, 3, 4):
        power = sympy.powsimp(sympy.expand_power_base(root ** k, force=False))
        if not _radical(sympy, power):
            return sympy.Pow(power, sympy.Rational(1, k), evaluate=False)
    return root


def _radical(sympy, expr):
    """Whether `expr` holds a power with a fractional exponent."""
    return any(p.exp.is_Rational and not p.exp.is_Integer for p in expr.atoms(sympy.Pow))


def _plain(term, context):
    """Whether a node of the equation is plain arithmetic of numbers and data — numbers,
    symbols, elementary functions, finite sums, defined quantities, members x_i of a
    declared indexed family — not a density, an integral, an expectation or a function of
    the file's variables (their hypotheses have rules of their own: `hypotheses`)."""
    if isinstance(term, Call):
        return isinstance(context.info(term.function), IndexRange)
    return isinstance(term, (Num, Const, Sym, Add, Mul, Pow, Fn, Sum, Defined))


def _to_sympy(sympy, term, name, symbol, holes, context):
    """`term` in SymPy: name as `symbol`, sums, products and powers as SymPy's (so that
    `a t^2 - a` keeps its one a), any other part free of name as an opaque symbol."""
    if isinstance(term, Sym) and term.name is name:
        return symbol
    if isinstance(term, (Add, Mul, Pow)):
        args = [_to_sympy(sympy, a, name, symbol, holes, context) for a in term.args]
        return {Add: sympy.Add, Mul: sympy.Mul, Pow: sympy.Pow}[type(term)](*args)
    if name in free_names(term):
        raise _Outside
    constant = _constant(term, context)
    if constant is not None:
        return sympy.Rational(constant.numerator, constant.denominator)
    for hole, part in holes.items():
        if part == term:
            return hole
    hole = sympy.Symbol(f"h{len(holes)}", **_SIGNS.get(_sign(term, context), {}))
    holes[hole] = term
    return hole


def _constant(term, context):
    """`term` as a rational where its normal form is one (`−1·0` is 0), else None."""
    try:
        return normal_form.Normaliser(context).value(term).constant()
    except (normal_form.Unsupported, normal_form.Undefined):
        return None


def _sign(term, context):
    """The sign derive shows for a part free of the symbol; a finite sum of terms of one
    sign (`\\sum_{i=1}^n (x_i - \\bar x)^2`, whose terms are even powers of real numbers,
    which the normal form expands) is non-negative — never positive: its range may be empty, its terms 0."""
    if isinstance(term, Sum):
        body = _sign(term.body, context)
        return normal_form.NONNEG if body in (normal_form.POS, normal_form.NONNEG) else \
            normal_form.REAL if body == normal_form.REAL else None
    if isinstance(term, Pow) and isinstance(term.exponent, Num) and \
            term.exponent.value.denominator == 1 and term.exponent.value % 2 == 0 and \
            _sign(term.base, context) in (normal_form.POS, normal_form.NONNEG, normal_form.REAL):
        return normal_form.NONNEG           # an even power of a real number (x_i − x̄)²
    n = normal_form.Normaliser(context)
    try:
        return n.sign(n.value(term))
    except (normal_form.Unsupported, normal_form.Undefined):
        return None


def _monomial(sympy, denominator, symbol):
    """(c, m) when `denominator` is c·symbol^m with c free of symbol, else (None, None)."""
    power = sympy.degree(denominator, symbol) if denominator.is_polynomial(symbol) else None
    if power is None:
        return None, None
    scale = sympy.cancel(denominator / symbol ** power)
    return (scale, power) if not scale.has(symbol) else (None, None)


def nonzero(term, context):
    """Whether `term` is shown positive, or shown negative, at every instance."""
    n = normal_form.Normaliser(context)
    try:
        value = n.value(term)
        return normal_form.POS in (n.sign(value), n.sign(value.scale(-1)))
    except (normal_form.Unsupported, normal_form.Undefined):
        return False


def _maybe_inside(symbol, root):
    """Whether SymPy's assumptions leave `root` possibly in `symbol`'s domain."""
    return not (symbol.is_real and root.is_real is False or
                symbol.is_positive and root.is_nonpositive or
                symbol.is_nonnegative and root.is_negative)


def _back(sympy, expr, holes):
    """A SymPy expression of rationals and holes as a derive term (raises _Outside)."""
    from derive.engines.limits import NoValue, from_sympy
    try:
        return from_sympy(sympy, expr, {}, (), holes)
    except NoValue:
        raise _Outside from None

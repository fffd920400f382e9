"""Limits at a finite point of bodies SymPy is not given (a sum over a family, `\\lim_{\\alpha
\\to 1} \\frac{1}{1-\\alpha} \\ln \\sum_k p_k^\\alpha`): by continuity, or by the derivative
quotient of a 0/0 form. Each value is exact, never a guess from sample points.

* **Continuity** (`_Smooth`): a body that is analytic near the point — built from names and
  numbers free of the limit variable, the variable itself, +, ×, exp, sin, cos, sinh,
  cosh, a power whose base is shown positive at the point (any exponent analytic there),
  a power with a whole exponent ≥ 0, or a whole negative one of a base shown non-zero
  there, a log of something shown positive there, and a finite sum whose bounds do not
  move with the variable of such terms — has its value at the point as its limit. A
  base or a log's argument "shown positive" has its normal form at the point positive by
  its atoms' signs (`positivity`): an analytic function near a positive number stays off
  the branch cut, so the power and the log are analytic there too.
* **The derivative quotient**: N/D with N and D analytic near a (as above), N(a) = 0 and
  D(a) = 0 shown by the normal form, and D'(a) shown non-zero: the limit is N'(a)/D'(a),
  since N(x)/D(x) = [(N(x) − N(a))/(x − a)] / [(D(x) − D(a))/(x − a)] (L'Hôpital's rule
  for one differentiation, with nothing assumed about N'/D' near a).

Anything else (a point at infinity or not shown real, a body with an opaque function, a
density or an integral of the variable, a sum whose bounds move with it, a 0/0 form whose
denominator's derivative is not shown non-zero) gives None: the caller says why not.
"""

from __future__ import annotations

from derive.model.terms import (
    OO, Add, Defined, Fn, Mul, Num, Pow, Sum, Sym, free_names, nodes, substitute,
)

_ENTIRE = ("exp", "sin", "cos", "sinh", "cosh")


def value_at_point(lim, context):
    """The value of the `Limit` `lim` as a term by the rules above, or None."""
    from derive.engines import normal_form
    var, point = lim.var, lim.point
    if point is None or any(t is OO for t in nodes(point)) or var in free_names(point):
        return None
    smooth = _Smooth(var, point, context)
    try:
        if smooth.normaliser.sign(smooth.normaliser.value(point)) == normal_form.COMPLEX:
            return None                 # a real variable approaches real points only
        if smooth.analytic(lim.body):
            return substitute(lim.body, {var: point})
        numerator, denominator = _quotient(lim.body)
        if denominator is None or not (smooth.analytic(numerator) and
                                       smooth.analytic(denominator)):
            return None
        if not (smooth.zero_at(numerator) and smooth.zero_at(denominator)):
            return None
        from derive.engines.calculus import NotDifferentiable, derivative
        try:
            top, bottom = (substitute(derivative(t, var, context), {var: point})
                           for t in (numerator, denominator))
        except NotDifferentiable:
            return None
        if not smooth.nonzero(bottom):
            return None
        return Mul(top, Pow(bottom, Num(-1)))
    except (normal_form.Unsupported, normal_form.Undefined):
        return None


def _quotient(body):
    """(N, D) for a body N · D^{-1} (a product with one factor a power −1), else (body, None)."""
    if isinstance(body, Pow) and body.exponent == Num(-1):
        return Num(1), body.base
    if not isinstance(body, Mul):
        return body, None
    factors = _factors(body)
    inverse = [a for a in factors if isinstance(a, Pow) and a.exponent == Num(-1)]
    if len(inverse) != 1:
        return body, None
    rest = [a for a in factors if a is not inverse[0]] or [Num(1)]
    return (rest[0] if len(rest) == 1 else Mul(*rest)), inverse[0].base


def _factors(t):
    """The factors of a product, nested products opened (`\\frac{1}{1-α} \\ln S`)."""
    return [f for a in t.args for f in (_factors(a) if isinstance(a, Mul) else [a])]


class _Smooth:
    """Whether terms are analytic in `var` near `point` (the module's docstring)."""

    def __init__(self, var, point, context):
        from derive.engines import normal_form
        self.var, self.point, self.context = var, point, context
        self.normaliser = normal_form.Normaliser(context)
        self.pos = normal_form.POS

    def at_point(self, t):
        return self.normaliser.value(substitute(t, {self.var: self.point}))

    def positive(self, t):
        return self.normaliser.poly_positivity(self.at_point(t)) == self.pos

    def zero_at(self, t):
        return self.at_point(t).is_zero()

    def nonzero(self, value):
        poly = self.normaliser.value(value)
        constant = poly.constant()
        if constant is not None:
            return constant != 0
        return self.normaliser.poly_positivity(poly) == self.pos or \
            self.normaliser.poly_positivity(poly.scale(-1)) == self.pos

    def analytic(self, t):
        if self.var not in free_names(t):        # a number near the point: constant
            return True
        if t == Sym(self.var):
            return True
        if isinstance(t, Defined):
            return self.analytic(t.body)
        if isinstance(t, (Add, Mul)):
            return all(self.analytic(a) for a in t.args)
        if isinstance(t, Pow):
            base, exponent = t.base, t.exponent
            if not (self.analytic(base) and self.analytic(exponent)):
                return False
            whole = isinstance(exponent, Num) and exponent.value.denominator == 1
            if whole and exponent.value >= 0:
                return True
            if whole:
                return self.nonzero(substitute(base, {self.var: self.point}))
            return self.positive(base)
        if isinstance(t, Fn):
            if t.fname in _ENTIRE:
                return all(self.analytic(a) for a in t.operands)
            if t.fname == "log" and len(t.operands) == 1:
                return self.analytic(t.operands[0]) and self.positive(t.operands[0])
            return False
        if isinstance(t, Sum):
            return t.lower is not None and t.upper is not None and t.upper is not OO and \
                self.var not in free_names(t.lower) | free_names(t.upper) and \
                self.analytic(t.body)
        return False

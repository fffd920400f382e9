"""The chord above the exponential: Jensen's inequality at finitely many points written out.

    Σ_k w_k e^{u_k} ≥ e^{Σ_k w_k u_k}   for weights w_k shown ≥ 0 with Σ_k w_k = 1, u_k real,

since e^u is convex on the reals. A step is proved when its larger side is such a sum of
two or more terms `w_k · e^{u_k}` (`\\exp(u_k)` too; definitions read by their bodies) and
its smaller side is `e^{u}` with u − Σ_k w_k u_k and Σ_k w_k − 1 zero (their normal forms
over one denominator).
Hoeffding's chord `e^{\\lambda x} \\le \\frac{b-x}{b-a}e^{\\lambda a} + \\frac{x-a}{b-a}
e^{\\lambda b}` is this with w = ((b − x)/(b − a), (x − a)/(b − a)): its weights are ≥ 0 only
for a ≤ x ≤ b, which the row's hypothesis (`\\forall a \\le x \\le b`, `\\quad x \\in [a, b]`)
makes shown — without it the weights' signs are unknown and nothing is proved. Not for
strict steps (equal u_k make both sides one).
"""

from __future__ import annotations

from derive.engines import normal_form
from derive.model.terms import ONE, Add, Defined, Mul, exponent_of, sub

_NONNEG = (normal_form.POS, normal_form.NONNEG)
_REAL = (normal_form.POS, normal_form.NONNEG, normal_form.REAL)


def prove(step, deadline):
    """The name of the fact that proves the order step, or None."""
    if step.relation.strict:
        return None
    larger, smaller = (step.rhs, step.lhs) if step.relation.upward else (step.lhs, step.rhs)
    larger, smaller = _unfolded(larger), _unfolded(smaller)
    if not isinstance(larger, Add) or exponent_of(smaller) is None:
        return None
    points = [_weighted_exponential(term) for term in _summands(larger)]
    if len(points) < 2 or None in points:
        return None
    n = normal_form.Normaliser(step.context, deadline)
    try:
        weights = [w for w, _ in points]
        if not _vanishes(n.value(Add(*weights)) - n.value(ONE)) or \
                not _vanishes(n.value(sub(exponent_of(smaller),
                                          Add(*[Mul(w, u) for w, u in points])))):
            return None
        if not all(n.sign(n.value(w)) in _NONNEG for w in weights) or \
                not all(n.sign(n.value(u)) in _REAL for _, u in points):
            return None
    except (normal_form.Unsupported, normal_form.Undefined):
        return None
    return "Jensen's inequality at finitely many points (convex exp: the chord lies above it)"


def _vanishes(poly):
    """Whether a normal form with no integrals is zero once over one denominator (the
    normal form keeps `δ_x/(δ_a + δ_x) + δ_a/(δ_a + δ_x)` as two terms): SymPy's exact
    `cancel` of its atoms as symbols."""
    if poly.is_zero():
        return True
    if any(a[0] == "int" for m in poly.terms for a, _ in m):
        return False
    import sympy

    from derive.engines.symbolic import Converter
    converter = Converter(sympy)
    try:
        expr = sympy.Add(*[converter.monomial(m, c) for m, c in poly.terms.items()])
        return sympy.cancel(sympy.together(expr)) == 0
    except (OverflowError, ValueError, TypeError):
        return False


def _unfolded(term):
    while isinstance(term, Defined):
        term = term.body
    return term


def _summands(term):
    term = _unfolded(term)
    if isinstance(term, Add):
        return [s for child in term.children for s in _summands(child)]
    return [term]


def _factors(term):
    term = _unfolded(term)
    if isinstance(term, Mul):
        return [f for child in term.children for f in _factors(child)]
    return [term]


def _weighted_exponential(term):
    """(w, u) of a summand `w · e^{u}` with one exponential factor, else None."""
    factors = _factors(term)
    found = [f for f in factors if exponent_of(f) is not None]
    if len(found) != 1:
        return None
    rest = [f for f in factors if f is not found[0]]
    weight = Mul(*rest) if len(rest) > 1 else rest[0] if rest else ONE
    return weight, exponent_of(found[0])

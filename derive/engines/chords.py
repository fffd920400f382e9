"""Jensen's inequality at finitely many points written out term by term:

    Σ_k w_k φ(t_k) ≥ W φ(Σ_k w_k t_k / W)   for convex φ, weights w_k ≥ 0, W = Σ_k w_k > 0

(≤ for concave φ; φ(Σ_k w_k t_k) when W is 1). A step is proved when one side is a sum of
two or more terms `w_k · φ(t_k)` of one φ from `jensen`'s catalogue — a defined function
with φ″ signed where t_k lies, a declared `convex f` (`concave g`), `\\log`, `\\exp`
(`e^{t}` too), a power `t^k`, and a term `w \\log u` read also as −log(1/u) (weights w) and
as t log t (weights w/u) — each t_k where φ has that shape (`jensen._shape`, per point:
the regions a sign gives, (0, ∞) ⊂ [0, ∞) ⊂ ℝ, are nested, so φ has the shape on the
largest, which holds every t_k), and the other side is W φ(Σ w t / W): equal normal forms
over one denominator, or — when W is 1 and the other side is φ(s) of the same φ — s and
Σ_k w_k t_k equal over one denominator.

So the chord above exp, Hoeffding's `e^{\\lambda x} \\le \\frac{b-x}{b-a}e^{\\lambda a} +
\\frac{x-a}{b-a} e^{\\lambda b}`, is this with w = ((b − x)/(b − a), (x − a)/(b − a)): its
weights are ≥ 0 only for a ≤ x ≤ b, which the row's hypothesis (`\\forall a \\le x \\le b`)
makes shown — without it the weights' signs are unknown and nothing is proved. The two-term
log-sum inequality `λ u_1 \\log u_1 + (1-λ) u_2 \\log u_2 \\ge (λ u_1 + (1-λ) u_2) \\log(λ
u_1 + (1-λ) u_2)` is this for the convex t log t. Not for strict steps (equal t_k make
both sides one).
"""

from __future__ import annotations

import itertools

from derive.engines import jensen, normal_form
from derive.model.terms import ONE, Add, Call, Defined, Mul, Num, Pow, sub

_NONNEG = (normal_form.POS, normal_form.NONNEG)
_MAX_CHOICES = 16          # readings tried per φ (a summand may hold φ more than once)


def prove(step, deadline):
    """The name of the fact that proves the order step, or None."""
    if step.relation.strict:
        return None
    larger, smaller = (step.rhs, step.lhs) if step.relation.upward else (step.lhs, step.rhs)
    larger, smaller = _unfolded(larger), _unfolded(smaller)
    n = None
    for mean_side, other, shape in ((larger, smaller, "convex"), (smaller, larger, "concave")):
        if not isinstance(mean_side, Add):
            continue
        for points in _point_sets(_summands(mean_side)):
            n = n or normal_form.Normaliser(step.context, deadline)
            if _holds(points, other, shape, n, step.context):
                phi = jensen._name(points[0][1])
                return f"Jensen's inequality at finitely many points ({shape} {phi})"
    return None


def _point_sets(summands):
    """Each way to read every summand as w_k · φ(t_k) with one φ: lists of (w, φ, t)."""
    if len(summands) < 2:
        return
    readings = [_readings(s) for s in summands]
    for kind in {_kind(phi) for _, phi, _ in readings[0]}:
        options = [[r for r in found if _kind(r[1]) == kind] for found in readings]
        if not all(options):
            continue
        for chosen in itertools.islice(itertools.product(*options), _MAX_CHOICES):
            yield list(chosen)


def _readings(summand):
    """(w, φ, t) of a summand, as written and with its definitions read by their bodies."""
    found = jensen._readings(summand)
    flat = _factors(summand)
    if flat != jensen._factors(summand):
        found += jensen._readings(Mul(*flat) if len(flat) > 1 else flat[0])
    return found


def _kind(phi):
    """Which function φ is, whatever its argument (`e^{t}` and `\\exp(t)` are one)."""
    if isinstance(phi, jensen.Reading):
        return phi
    if isinstance(phi, Pow) and not jensen._natural_power(phi):
        return ("power", phi.exponent)
    if isinstance(phi, Call):
        return ("call", phi.function)
    if isinstance(phi, Defined):
        return ("defined", phi.name)
    return ("fn", jensen._name(phi))             # \log, \exp, e^{t}


def _holds(points, other, shape, n, context):
    """Whether the weights are shown ≥ 0 with a total shown > 0 (over a common denominator:
    1 − λ for λ = ε/(1 + ε), `0 < λ < 1`, is 1/(1 + ε)), φ has `shape` at every t_k, and
    `other` is W φ(Σ w t / W)."""
    weights = [w for w, _, _ in points]
    try:
        if not all(n.poly_positivity(n.value(w)) in _NONNEG for w in weights):
            return False
        total = Add(*weights)
        one = vanishes(n.value(total) - n.value(ONE))
        if not one and n.poly_positivity(n.value(total)) != normal_form.POS:
            return False
        if any(jensen._shape(jensen.Mean(None, w, phi, t), n, context) != shape
               for w, phi, t in points):
            return False
        phi = points[0][1]
        mean = Add(*[Mul(w, t) for w, _, t in points])
        if one:
            argument = _argument_of(other, phi)
            if argument is not None and vanishes(n.value(sub(argument, mean))):
                return True
            bound = jensen._apply(phi, mean, context)
        else:
            bound = Mul(total, jensen._apply(phi, Mul(mean, Pow(total, Num(-1))), context))
        return vanishes(n.value(sub(other, bound)))
    except (normal_form.Unsupported, normal_form.Undefined):
        return False


def _argument_of(term, phi):
    """s when `term` is φ(s) for the φ of the points, else None."""
    found = jensen._phi(term)
    if found is None or isinstance(phi, jensen.Reading) or _kind(found) != _kind(phi):
        return None
    return jensen._argument(found)


def vanishes(poly):
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

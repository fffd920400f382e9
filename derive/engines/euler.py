"""Euler's integrals, ∫_0^∞ x^{s−1} e^{−r x} dx = Γ(s) / r^s and ∫_0^1 x^{s−1} (1 − x)^{t−1} dx
= Γ(s)Γ(t) / Γ(s + t), and Γ itself, for the normal form.

Textbooks evaluate the moments of the gamma, exponential and chi-square laws, and Γ
defined by its integral (`\\Gamma(a) = \\int_0^\\infty t^{a-1} e^{-t} dt`), with the second
integral; the beta law's normalisation and moments (`\\mathrm{Beta}(a, b)`, whose normaliser
`notation.families` writes with Γ) with the first. The normal form hands each
multi-integral monomial's dependence on one integration copy over `[0, ∞)` or `[0, 1]` here — powers of the point (`x^k`, and `x^u` for a symbolic
or fractional u, an opaque power atom: on (0, ∞) it is e^{u log x}) and `exp` atoms linear
in the point — and gets back the exact value, or None. The rule is applied only under the
integral's convergence conditions, shown by the normal form's sign analysis: s positive
(the integral converges at 0) and r positive (at ∞), or t positive (at 1); otherwise the integral stays
unevaluated (∫_0^∞ t^{n−1} e^{−t} dt with n ≥ 0 a whole number diverges at n = 0).

Γ(s) for s shown positive is written canonically (`gamma`): the recurrence
Γ(v + 1) = v Γ(v) shifts s down by the largest whole k that keeps s − k shown positive
(Γ(a + 2) = (a + 1) a Γ(a) for a > 0); then Γ(v) is (v − 1)! for a whole number v (so
∫_0^∞ t^n e^{−t} dt = n!, `normal_form.factorial`), √π for v = 1/2, else an atom of v
(positive).
"""

from __future__ import annotations

from fractions import Fraction

from derive.engines.gaussian import mentions
from derive.engines.poly import Poly

POS = "pos"
MAX_SHIFT = 64           # Γ(s + k) = s(s + 1)⋯(s + k − 1) Γ(s) expanded up to this k


def integrate(n, deps, copy, low, high):
    """∫_0^∞ of the product of `deps` (atom, exponent) — the factors that mention `copy` —
    when it is x^{s−1} e^{−r x} with s and r shown positive: Γ(s) r^{−s}; ∫_0^1 of it when
    it is x^{s−1} (1 − x)^{t−1} with s and t shown positive: B(s, t); else None."""
    if low is None or not low.is_zero():
        return None
    if high is not None:
        return _beta(n, deps, copy) if high.constant() == 1 else None
    shape = _shape(deps, copy)
    if shape is None:
        return None
    s, rate = shape
    if n.poly_positivity(s) != POS or n.poly_positivity(rate) != POS:
        return None
    return n.times(gamma(n, s), n.power(rate, -s))


def gamma(n, s):
    """Γ(s) for s shown positive, in the canonical form of the module docstring."""
    c = s.terms.get(frozenset(), Fraction(0))
    k = min(int(c // 1), MAX_SHIFT) if c >= 1 else 0
    while k > 0 and n.poly_positivity(s - Poly.const(k)) != POS:
        k -= 1
    v = s - Poly.const(k)
    if n.whole_valued(v):               # v ≥ 1 whole: Γ(v) = (v − 1)!
        value = n.factorial(v - Poly.const(1))
    elif v.constant() == Fraction(1, 2):
        value = n.rational_power(Poly.atom(("pi",)), Fraction(1, 2))
    else:
        value = Poly.atom(("fn", "gamma", v.key(), POS))
    for j in range(k):
        value = n.times(value, v + Poly.const(j))
    return value


def _beta(n, deps, copy):
    """Euler's integral of the first kind, ∫_0^1 x^{s−1} (1 − x)^{t−1} dx = Γ(s)Γ(t)/Γ(s + t),
    for s and t shown positive (it converges at 0 and at 1 exactly then); else None."""
    shape = _beta_shape(deps, copy)
    if shape is None:
        return None
    s, t = shape
    if n.poly_positivity(s) != POS or n.poly_positivity(t) != POS:
        return None
    return n.times(n.times(gamma(n, s), gamma(n, t)), n.integer_power(gamma(n, s + t), -1))


def _beta_shape(deps, copy):
    """(s, t) as Polys when the factors are x^{s−1} (1 − x)^{t−1} (s, t free of x), else
    None. Whole powers of 1 − x are expanded by the normal form (each monomial is then of
    this shape with t = 1, or holds 1 − x as a `poly` atom to a negative power); a symbolic
    or fractional one is an opaque power atom."""
    s, t = Poly.const(1), Poly.const(1)
    for atom, e in deps:
        if atom[0] == "pt" and atom[1] == copy:
            s = s + Poly.const(Fraction(e))
        elif atom[:2] == ("opq", "pow") and not mentions(atom[3], copy) and \
                _is_point(Poly.from_key(atom[2]), copy):
            s = s + Poly.from_key(atom[3]).scale(Fraction(e))
        elif atom[:2] == ("opq", "pow") and not mentions(atom[3], copy) and \
                _is_complement(Poly.from_key(atom[2]), copy):
            t = t + Poly.from_key(atom[3]).scale(Fraction(e))
        elif atom[0] == "poly" and _is_complement(Poly.from_key(atom[1]), copy) and \
                Fraction(e).denominator == 1:
            t = t + Poly.const(Fraction(e))
        else:
            return None
    return s, t


def _is_complement(poly, copy):
    """Whether a poly is 1 − x for the integration point x."""
    return poly.terms.get(frozenset(), None) == 1 and len(poly.terms) == 2 and \
        _is_point(-(poly - Poly.const(1)), copy)


def _shape(deps, copy):
    """(s, r) as Polys when the factors are x^{s−1} · e^{−r x} (s, r free of x), else None."""
    s, rate = Poly.const(1), Poly()
    for atom, e in deps:
        if atom[0] == "pt" and atom[1] == copy:
            s = s + Poly.const(Fraction(e))
        elif atom[:2] == ("opq", "pow") and _is_point(Poly.from_key(atom[2]), copy) and \
                not mentions(atom[3], copy):
            s = s + Poly.from_key(atom[3]).scale(Fraction(e))
        elif atom[0] == "exp":
            for m, c in Poly.from_key(atom[1]).scale(Fraction(e)).terms.items():
                points = [(x, k) for x, k in m if x[0] == "pt" and x[1] == copy]
                if len(points) != 1 or points[0][1] != 1:
                    return None
                rest = frozenset(p for p in m if p != points[0])
                if mentions(rest, copy):
                    return None
                rate = rate - Poly({rest: c})
        else:
            return None
    return s, rate


def _is_point(poly, copy):
    """Whether a poly is the integration point itself (x, coefficient 1)."""
    single = poly.single()
    if single is None or single[0] != 1 or len(single[1]) != 1:
        return False
    ((atom, e),) = single[1]
    return e == 1 and atom[0] == "pt" and atom[1] == copy


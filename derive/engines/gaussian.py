"""Closed forms of ∫ xⁿ · exp(a x² + b x) dx, for the normal form.

The densities of the standard families are polynomials times exponentials of polynomials
of degree ≤ 2 (`notation.families`), and so are their moments, entropies and divergences
once logs of them are split. The normal form hands each multi-integral monomial's
dependence on one integration copy here — a power xⁿ of the point and `exp` atoms — and
gets back the exact value, or None when no rule applies. Each rule is applied only under
its hypothesis, shown by the normal form's sign analysis:

* over the whole line, with `a` shown **negative** (completing the square):
  `√(π / −a) · exp(−b² / 4a) · E[Yⁿ]`, Y ~ N(−b/2a, −1/2a), whose moments are
  `Σ_k C(n, k) m^{n−k} v^{k/2} (k−1)!!` over even k (valid for complex b too);
* over `[0, ∞)` with `b = 0` and `a` shown negative: half the whole line's value for an
  even n, `k! / (2 (−a)^{k+1})` for n = 2k + 1; over `(−∞, 0]` by x ↦ −x;
* over `[lo, ∞)` with `a = 0` and `b` shown negative: `e^{b·lo} Σ_j C(n, j) lo^{n−j} j! / (−b)^{j+1}`;
  over `(−∞, hi]` by x ↦ −x; 
* over a finite `[lo, hi]` with `a = 0` and `b` shown non-zero: the antiderivative
  `e^{bx} Σ_j (−1)^j n!/(n−j)! x^{n−j} / b^{j+1}` between the ends.

Anything else (a quadratic exponent on another half-line, a cubic exponent, another function
of the point) is left to the caller as an unevaluated integral.
"""

from __future__ import annotations

from fractions import Fraction
from math import comb, factorial

from derive.engines.poly import Poly

POS = "pos"


def integrate(n, deps, copy, low, high):
    """∫ over `[low, high]` (Polys, None for an infinite end) of the product of `deps`
    (atom, exponent) — the factors that mention `copy` — or None."""
    shape = _shape(deps, copy)
    if shape is None:
        return None
    degree, a, b = shape
    if a.is_zero() and b.is_zero():
        return None
    if not a.is_zero():
        if n.sign(-a) != POS:
            return None
        if low is None and high is None:
            return _gaussian(n, degree, a, b)
        if b.is_zero() and low is not None and low.is_zero() and high is None:
            return _from_zero(n, degree, a)
        if b.is_zero() and high is not None and high.is_zero() and low is None:
            return _from_zero(n, degree, a).scale((-1) ** degree)
        return None
    if low is not None and high is None and n.sign(-b) == POS:
        return _half_line(n, degree, b, low)
    if low is None and high is not None and n.sign(b) == POS:
        return _half_line(n, degree, -b, -high).scale((-1) ** degree)
    if low is not None and high is not None and (n.sign(b) == POS or n.sign(-b) == POS):
        return _antiderivative(n, degree, b, high) - _antiderivative(n, degree, b, low)
    return None


def _shape(deps, copy):
    """(n, a, b) when the factors are x^n · exp(a x² + b x) (a, b free of x), else None."""
    degree, a, b = 0, Poly(), Poly()
    for atom, e in deps:
        if atom[0] == "pt" and atom[1] == copy:
            if atom[2] != "real" or Fraction(e).denominator != 1 or e < 0:
                return None
            degree += int(e)
        elif atom[0] == "exp":
            for m, c in Poly.from_key(atom[1]).scale(e).terms.items():
                points = [(x, k) for x, k in m if x[0] == "pt" and x[1] == copy]
                if len(points) != 1 or points[0][1] not in (1, 2):
                    return None
                rest = frozenset(p for p in m if p != points[0])
                if mentions(rest, copy):
                    return None
                term = Poly({rest: c})
                if points[0][1] == 2:
                    a = a + term
                else:
                    b = b + term
        else:
            return None
    return degree, a, b


def _gaussian(n, degree, a, b):
    inverse = n.integer_power(a, -1)
    variance = inverse.scale(Fraction(-1, 2))
    mean = (b * inverse).scale(Fraction(-1, 2))
    moment = Poly()
    for k in range(0, degree + 1, 2):
        term = Poly.const(comb(degree, k) * _double_factorial(k - 1))
        if degree - k:
            term = term * n.integer_power(mean, degree - k)
        if k:
            term = term * n.integer_power(variance, k // 2)
        moment = moment + term
    scale = n.rational_power(Poly.atom(("pi",)) * n.integer_power(-a, -1), Fraction(1, 2))
    shift = n.exp((b * b * inverse).scale(Fraction(-1, 4)))
    return scale * shift * moment


def _from_zero(n, degree, a):
    """∫_0^∞ x^degree e^{a x²} dx for a shown negative: half the whole line's value for an
    even degree (the integrand is even); k!/(2 (−a)^{k+1}) for degree 2k + 1 (u = x²)."""
    if degree % 2 == 0:
        return _gaussian(n, degree, a, Poly()).scale(Fraction(1, 2))
    k = degree // 2
    return Poly.const(Fraction(factorial(k), 2)) * n.integer_power(-a, -(k + 1))


def _half_line(n, degree, b, low):
    """∫_low^∞ x^degree e^{b x} dx for b shown negative."""
    rate = -b
    total = Poly()
    for j in range(degree + 1):
        term = Poly.const(comb(degree, j) * factorial(j)) * n.integer_power(rate, -(j + 1))
        if degree - j:
            term = term * n.integer_power(low, degree - j)
        total = total + term
    return n.exp(b * low) * total


def _antiderivative(n, degree, b, x):
    """e^{b x} Σ_j (−1)^j n!/(n−j)! x^{n−j} / b^{j+1}, at the end x."""
    total = Poly()
    for j in range(degree + 1):
        term = Poly.const((-1) ** j * factorial(degree) // factorial(degree - j)) * \
            n.integer_power(b, -(j + 1))
        if degree - j:
            term = term * n.integer_power(x, degree - j)
        total = total + term
    return n.exp(b * x) * total


def _double_factorial(k):
    out = 1
    while k > 1:
        out *= k
        k -= 2
    return out


def mentions(obj, target):
    """Whether a key (nested tuples and frozensets) contains `target` (`euler` uses it too)."""
    if obj == target:
        return True
    if isinstance(obj, (tuple, frozenset)):
        return any(mentions(x, target) for x in obj)
    return False

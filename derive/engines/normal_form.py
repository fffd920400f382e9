"""The fast symbolic engine: an exact normal form for our notation, without SymPy evaluation.

A value is `C + Σ_v ∫ G_v dv`: a constant part and one integrand per bound variable, each
a *Laurent polynomial* — a map from monomials to exact rational coefficients. A monomial
is a product of atoms to integer powers. Atoms are:

* `("sym", name, positive?)` — a symbol; `("pt", name, var, density?)` — a density or other
  function at the (bound) point of `var`;
* `("poly", key)` — a sum that could not be expanded away (the base of a negative power, or
  a log's argument), normalised to a primitive polynomial with positive leading coefficient;
* `("log", atom)` — the log of a positive atom; `("logp", prime)` — log of a prime;
* `("opaque", …)` — anything else (a function of a value, a non-integer power): equal
  arguments give equal atoms, and nothing more is assumed.

`log` splits a product into a sum of logs only when every factor is known positive
(densities, declared-positive symbols, sums of those with positive coefficients), so the
normal form never applies a rule outside its hypotheses. Two sides are proved equal when
their difference normalises to zero once `∫ c·p dv = c` (normalisation) is applied to terms
that are a constant times a single density. A difference that does not vanish proves
nothing: the caller moves on to SymPy. Work is bounded by term counts, exponent sizes and
a deadline, so this runs in-process.
"""

from __future__ import annotations

import time
from fractions import Fraction

from sympy import (
    Add, E, Integer, Mul, Pow, Rational, Symbol, exp, log, pi,
)
from sympy.core.function import AppliedUndef

from derive.notation import Defined, SupportIntegral
from derive.notation.operators import ProbabilityOperator

MAX_TERMS = 400
MAX_EXPONENT = 12
MAX_PRIME_FACTOR = 10 ** 9


HELD_SUFFIX = "@held"


class Unsupported(Exception):
    """Outside the fragment (or over the bounds): no conclusion."""


ONE = ()  # the empty monomial


def _mono_mul(a, b):
    exps = dict(a)
    for atom, e in b:
        exps[atom] = exps.get(atom, 0) + e
    return tuple(sorted(((k, v) for k, v in exps.items() if v), key=repr))


class Poly:
    """A Laurent polynomial: {monomial: Fraction}."""

    __slots__ = ("terms",)

    def __init__(self, terms=None):
        self.terms = {m: c for m, c in (terms or {}).items() if c}

    @classmethod
    def const(cls, c):
        return cls({ONE: c})

    @classmethod
    def atom(cls, atom, power=1):
        return cls({((atom, power),): 1})

    def __add__(self, other):
        return Poly.sum((self, other))

    @staticmethod
    def sum(polys):
        terms = {}
        for poly in polys:
            for m, c in poly.terms.items():
                terms[m] = terms.get(m, 0) + c
        return Poly(terms)

    def scale(self, k):
        return Poly({m: c * k for m, c in self.terms.items()})

    def __neg__(self):
        return self.scale(-1)

    def __sub__(self, other):
        return self + other.scale(-1)

    def __truediv__(self, k):
        return self.scale(Fraction(1, k))

    def __mul__(self, other):
        if len(self.terms) * len(other.terms) > MAX_TERMS * 4:
            raise Unsupported("expansion too large")
        terms = {}
        for m1, c1 in self.terms.items():
            for m2, c2 in other.terms.items():
                m = _mono_mul(m1, m2)
                terms[m] = terms.get(m, 0) + c1 * c2
        result = Poly(terms)
        if len(result.terms) > MAX_TERMS:
            raise Unsupported("expansion too large")
        return result

    def is_zero(self):
        return not self.terms

    def key(self):
        return tuple(sorted(self.terms.items(), key=repr))

    def atoms(self):
        return {a for m in self.terms for a, _ in m}


class Value:
    """`constant + Σ_v ∫ integrals[v] dv`, both parts `Poly`."""

    __slots__ = ("constant", "integrals")

    def __init__(self, constant, integrals=None):
        self.constant = constant
        self.integrals = {v: g for v, g in (integrals or {}).items() if not g.is_zero()}

    def __add__(self, other):
        return Value.sum((self, other))

    @staticmethod
    def sum(values):
        by_variable = {}
        for v in values:
            for var, g in v.integrals.items():
                by_variable.setdefault(var, []).append(g)
        return Value(Poly.sum([v.constant for v in values]),
                     {var: Poly.sum(gs) for var, gs in by_variable.items()})

    def __mul__(self, other):
        if self.integrals and other.integrals:
            raise Unsupported("a product of integrals")
        if other.integrals:
            self, other = other, self
        return Value(self.constant * other.constant,
                     {v: g * other.constant for v, g in self.integrals.items()})

    def pointwise(self):
        if self.integrals:
            raise Unsupported("an integral inside a function")
        return self.constant


class Normaliser:
    """Builds `Value`s from the reader's unevaluated expressions under a context."""

    def __init__(self, context, deadline=None, held=()):
        self.context = context
        self.deadline = deadline
        self.bound = {}
        self.held = frozenset(held)     # definitions read at the current parameter value
        self._holding = 0

    def _tick(self):
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise Unsupported("out of time")

    def value(self, e):
        self._tick()
        kind = type(e)
        if kind is Add:
            return Value.sum([self.value(a) for a in e.args])
        if kind is Mul:
            total = self.value(e.args[0])
            for a in e.args[1:]:
                total = total * self.value(a)
            return total
        if kind is Pow:
            return self.power(e)
        if isinstance(e, (Integer, Rational)):
            return Value(Poly.const(int(e.p) if e.q == 1 else Fraction(int(e.p), int(e.q))))
        if kind is log:
            return Value(self.log(self.value(e.args[0]).pointwise()))
        if kind is Defined:
            if e.name not in self.held:
                return self.value(e.body)
            self._holding += 1
            try:
                return self.value(e.body)
            finally:
                self._holding -= 1
        if kind is SupportIntegral:
            return self.integral(e.integrand, e.variable)
        if isinstance(e, ProbabilityOperator):
            return self.divergence(e)
        if isinstance(e, AppliedUndef):
            return Value(self.application(e))
        if isinstance(e, Symbol):
            return Value(self.symbol(e))
        if e is E:
            return Value(Poly.atom(("sym", "e", True)))
        if e is pi:
            return Value(Poly.atom(("sym", "pi", True)))
        if kind is exp:
            return Value(Poly.atom(("opaque", "exp", self.value(e.args[0]).pointwise().key())))
        raise Unsupported(f"{kind.__name__} is outside the normal form")

    # ---------------------------------------------------------------- leaves
    def symbol(self, s):
        if s in self.bound:
            return Poly.atom(("pt", "", self.bound[s], False))
        return Poly.atom(("sym", s.name, bool(s.is_positive)))

    def application(self, e):
        name = e.func.__name__
        if len(e.args) == 1 and e.args[0] in self.bound:
            var = self.bound[e.args[0]]
        elif len(e.args) == 1 and isinstance(e.args[0], Symbol) and self.context.is_variable(e.args[0].name):
            var = ("free", e.args[0].name)
        else:
            args = tuple(self.value(a).pointwise().key() for a in e.args)
            return Poly.atom(("opaque", name, args))
        is_density = self.context.density(name) is not None
        if self._holding:
            name += HELD_SUFFIX
        return Poly.atom(("pt", name, var, is_density))

    def integral(self, integrand, variable):
        if variable in self.bound:
            raise Unsupported("nested integrals over the same variable")
        self.bound[variable] = ("bound", variable.name)
        try:
            body = self.value(integrand).pointwise()
        finally:
            del self.bound[variable]
        return Value(Poly(), {variable.name: body})

    def divergence(self, e):
        """An operator by its notation-layer definition, at the bound point of its variable."""
        variable = e.variable
        self.bound[variable] = ("bound", variable.name)
        try:
            args = [self.application(a) if isinstance(a, AppliedUndef) and
                    self.context.density(a.func.__name__) else self.value(a).pointwise()
                    for a in e.args]
            body = e.pointwise(self.log, *args)
        finally:
            del self.bound[variable]
        return Value(Poly(), {variable.name: body})

    # ---------------------------------------------------------------- powers and logs
    def power(self, e):
        base, exponent = e.args
        if isinstance(exponent, Integer) and abs(int(exponent)) <= MAX_EXPONENT:
            n = int(exponent)
            b = self.value(base).pointwise()
            if n >= 0:
                result = Poly.const(1)
                for _ in range(n):
                    result = result * b
                return Value(result)
            return Value(self._inverse(b, -n))
        b = self.value(base).pointwise()
        x = self.value(exponent).pointwise()
        return Value(Poly.atom(("opaque", "pow", b.key(), x.key())))

    def _inverse(self, b, n):
        """`b ** -n` for a single term (exact) or a sum (a `poly` atom)."""
        if len(b.terms) == 1:
            ((m, c),) = b.terms.items()
            return Poly({tuple((a, -e * n) for a, e in m): Fraction(1, 1) / c ** n})
        if not b.terms:
            raise Unsupported("division by zero")
        c, m, q = _split_content(b)
        inv_m = tuple((a, -e * n) for a, e in m)
        return Poly({_mono_mul(inv_m, ((("poly", q.key()), -n),)): Fraction(1, 1) / c ** n})

    def log(self, arg):
        """log of a pointwise `Poly`, split where every factor is positive."""
        if not arg.terms:
            raise Unsupported("log of zero")
        if len(arg.terms) == 1:
            return self._log_product([(arg, 1)])
        numerator, denominator = _together(arg)
        return self._log_product(numerator) + self._log_product(denominator).scale(-1)

    def _log_product(self, factors):
        """Σ e·log(f) for a list of (Poly, exponent) factors, each split further."""
        parts = []
        for poly, e in factors:
            c, m, q = _split_content(poly)
            if c <= 0 or not all(_positive(a) for a, _ in m) or (q is not None and not _poly_positive(q)):
                raise Unsupported("log of something not known to be positive")
            if c != 1:
                parts.append(_log_rational(c).scale(e))
            parts += [_log_atom(a).scale(k * e) for a, k in m]
            if q is not None:
                parts.append(Poly.atom(("log", ("poly", q.key()))).scale(e))
        return Poly.sum(parts)


# -------------------------------------------------------------------- helpers

def _positive(atom):
    kind = atom[0]
    if kind == "sym":
        return atom[2]
    if kind == "pt":
        return atom[3]
    if kind == "poly":
        return _poly_positive(Poly(dict(atom[1])))
    return False


def _poly_positive(q):
    return all(c > 0 and all(_positive(a) for a, _ in m) for m, c in q.terms.items())


def _log_atom(atom):
    if atom == ("sym", "e", True):
        return Poly.const(1)
    return Poly.atom(("log", atom))


def _log_rational(c):
    total = Poly()
    c = Fraction(c)
    for n, sign in ((c.numerator, 1), (c.denominator, -1)):
        for prime, k in _factor_int(n).items():
            total = total + Poly.atom(("logp", prime)).scale(sign * k)
    return total


def _factor_int(n):
    if n > MAX_PRIME_FACTOR:
        raise Unsupported("number too large to factor quickly")
    factors, d = {}, 2
    while d * d <= n:
        while n % d == 0:
            factors[d] = factors.get(d, 0) + 1
            n //= d
        d += 1
    if n > 1:
        factors[n] = factors.get(n, 0) + 1
    return factors


def _split_content(poly):
    """(c, m, q) with poly = c · m · q: c rational, m a monomial (the common factor of all
    terms), q a primitive sum whose first term has coefficient 1 (None for one term)."""
    if len(poly.terms) == 1:
        ((m, c),) = poly.terms.items()
        return c, m, None
    exponents = [dict(m) for m in poly.terms]
    atoms = {a for exps in exponents for a in exps}
    common = {a: min(exps.get(a, 0) for exps in exponents) for a in atoms}
    gcd_m = tuple(sorted(((a, e) for a, e in common.items() if e), key=repr))
    inverse = tuple((a, -e) for a, e in gcd_m)
    shifted = {_mono_mul(m, inverse): c for m, c in poly.terms.items()}
    c = shifted[min(shifted, key=repr)]
    return c, gcd_m, Poly({m: v / c for m, v in shifted.items()})


def _together(poly):
    """(numerator factors, denominator factors) as lists of (Poly, exponent)."""
    denominators = {}
    for m in poly.terms:
        for a, e in m:
            if a[0] == "poly" and e < 0:
                denominators[a] = max(denominators.get(a, 0), -e)
    if not denominators:
        return [(poly, 1)], []
    numerator = Poly()
    for m, c in poly.terms.items():
        term = Poly({tuple((a, e) for a, e in m if a not in denominators): c})
        exps = dict(m)
        for a, k in denominators.items():
            remaining = k + exps.get(a, 0)
            expanded = Poly(dict(a[1]))
            for _ in range(remaining):
                term = term * expanded
        numerator = numerator + term
    if not numerator.terms:
        raise Unsupported("log of zero")
    return [(numerator, 1)], [(Poly(dict(a[1])), k) for a, k in denominators.items()]


def atoms_of(value):
    """Every leaf atom in a `Value`, looking inside logs, polynomials and opaque atoms."""
    found = set()

    def walk(obj):
        if isinstance(obj, tuple) and obj and obj[0] in ("pt", "sym"):
            found.add(obj)
        elif isinstance(obj, tuple):
            for part in obj:
                walk(part)
    for poly in (value.constant, *value.integrals.values()):
        for monomial in poly.terms:
            walk(monomial)
    return found


def prove_equal(lhs, rhs, context, deadline=None):
    """True when the normal forms of `lhs - rhs` cancel; raises `Unsupported` otherwise."""
    normaliser = Normaliser(context, deadline)
    diff = normaliser.value(lhs) + normaliser.value(rhs) * Value(Poly.const(-1))
    total = diff.constant
    for var, integrand in diff.integrals.items():
        for m, c in integrand.terms.items():
            point = [(a, e) for a, e in m if a[0] == "pt" and a[2] == ("bound", var)]
            rest = tuple((a, e) for a, e in m if not (a[0] == "pt" and a[2] == ("bound", var)))
            if len(point) == 1 and point[0][1] == 1 and point[0][0][3] and \
                    not any(_mentions_bound(a, var) for a, _ in rest):
                total = total + Poly({rest: c})       # ∫ c·p dv = c
            else:
                return False
    return total.is_zero()


def _mentions_bound(obj, var):
    if obj == ("bound", var):
        return True
    return isinstance(obj, tuple) and any(_mentions_bound(x, var) for x in obj)

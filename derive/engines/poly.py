"""Exact algebra for the normal form: Laurent polynomials over atoms, with rational
coefficients (no SymPy).

A monomial is a frozenset of `(atom, exponent)` pairs — order does not matter, so equal
monomials are equal objects however they were built. Atoms are hashable tuples made by
`normal_form` (a symbol, a density's value, the log of something positive, …); exponents
are integers, or fractions for atoms known positive (a positive power of a Kronecker
delta is the delta itself). A `Poly` maps monomials to `Fraction`
coefficients and never stores a zero.

Work is bounded: a product whose size would pass `MAX_TERMS` raises `TooLarge`, so the
normal form of a hostile input gives up instead of filling memory.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache

MAX_TERMS = 4000
ONE = frozenset()


class TooLarge(Exception):
    """An expansion would exceed the bounds."""


def mono_mul(a, b):
    if not a:
        return b
    if not b:
        return a
    exps = dict(a)
    for atom, e in b:
        exps[atom] = exps.get(atom, 0) + e
    return frozenset((k, _idempotent(k, v)) for k, v in exps.items() if v)


def mono_pow(m, n):
    return frozenset((a, _idempotent(a, e * n)) for a, e in m)


def _idempotent(atom, e):
    """A positive power of a Kronecker delta is the delta (its values are 0 and 1:
    δ_{jk}² = δ_{jk}); other exponents stand."""
    return 1 if e > 1 and atom[:2] == ("fn", "delta") else e


class Poly:
    """A Laurent polynomial: {monomial: Fraction}."""

    __slots__ = ("terms",)

    def __init__(self, terms=None):
        self.terms = {m: c for m, c in (terms or {}).items() if c}

    @classmethod
    def const(cls, c):
        return cls({ONE: Fraction(c)})

    @classmethod
    def atom(cls, atom, power=1):
        return cls({frozenset({(atom, power)}): Fraction(1)})

    @classmethod
    def sum(cls, polys):
        terms = {}
        for poly in polys:
            for m, c in poly.terms.items():
                terms[m] = terms.get(m, 0) + c
        return cls(terms)

    def __add__(self, other):
        return Poly.sum((self, other))

    def __neg__(self):
        return self.scale(-1)

    def __sub__(self, other):
        return self + other.scale(-1)

    def scale(self, k):
        return Poly({m: c * k for m, c in self.terms.items()})

    def __mul__(self, other):
        if len(self.terms) * len(other.terms) > MAX_TERMS * 4:
            raise TooLarge("expansion too large")
        terms = {}
        for m1, c1 in self.terms.items():
            for m2, c2 in other.terms.items():
                m = mono_mul(m1, m2)
                terms[m] = terms.get(m, 0) + c1 * c2
        result = Poly(terms)
        if len(result.terms) > MAX_TERMS:
            raise TooLarge("expansion too large")
        return result

    def is_zero(self):
        return not self.terms

    def constant(self):
        """The value when the poly is a rational constant, else None."""
        if not self.terms:
            return Fraction(0)
        if len(self.terms) == 1 and ONE in self.terms:
            return self.terms[ONE]
        return None

    def single(self):
        """(coefficient, monomial) when the poly has exactly one term, else None."""
        if len(self.terms) == 1:
            ((m, c),) = self.terms.items()
            return c, m
        return None

    def key(self):
        return frozenset(self.terms.items())

    @classmethod
    def from_key(cls, key):
        return cls(dict(key))

    def atoms(self):
        return {a for m in self.terms for a, _ in m}

    def __repr__(self):
        return f"Poly({self.terms!r})"


def leading(poly):
    """A deterministic choice of one monomial of `poly`, used to make scalar multiples of a
    sum share one canonical form. It is by `canonical` text, never by hash: string hashes
    change from one process to the next, and with them which proofs went through."""
    return min(poly.terms, key=canonical)


@lru_cache(maxsize=1 << 16)
def canonical(key):
    """A text for a key (nested tuples and frozensets of atoms) that is the same in every
    process: a frozenset's members are sorted, where its own order follows string hashes."""
    if isinstance(key, frozenset):
        return "{" + ",".join(sorted(canonical(x) for x in key)) + "}"
    if isinstance(key, tuple):
        return "(" + ",".join(canonical(x) for x in key) + ")"
    return repr(key)


def split_content(poly):
    """(c, m, q) with poly = c · m · q: c rational, m the common monomial factor, q a
    primitive sum (its leading coefficient 1), or None when poly has one term."""
    single = poly.single()
    if single is not None:
        c, m = single
        return c, m, None
    exponents = [dict(m) for m in poly.terms]
    atoms = set().union(*exponents)
    common = {a: min(exps.get(a, 0) for exps in exponents) for a in atoms}
    gcd = frozenset((a, e) for a, e in common.items() if e)
    inverse = mono_pow(gcd, -1)
    shifted = Poly({mono_mul(m, inverse): c for m, c in poly.terms.items()})
    c = shifted.terms[leading(shifted)]
    return c, gcd, shifted.scale(Fraction(1) / c)

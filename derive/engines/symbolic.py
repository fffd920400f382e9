"""The SymPy fallback for equalities the exact normal form leaves open.

The normal form's difference `lhs − rhs` is a sum of monomials, some of them integrals.
Monomials over the same integration copies form one integrand; the step is proved when
every integrand (and the constant part) is identically zero as a function of its atoms —
a sufficient condition, since the integral of zero is zero. The atoms become SymPy symbols
with exactly the assumptions the context gives them (densities positive, declared signs,
undeclared complex), sums inside atoms are expanded back, and SymPy's `cancel` — then
`simplify`, as a last resort — decides each integrand. This finds what a Laurent normal
form cannot: common factors of rational functions, `(x^2 - 1)/(x - 1) = x + 1`.

SymPy is imported only here, and only for steps that need it; it runs under the step's
deadline in a worker that the pool kills at the budget.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from fractions import Fraction

from derive.engines import normal_form
from derive.engines.poly import Poly


@dataclass(frozen=True)
class Outcome:
    proved: bool
    method: str
    detail: str


def prove_equal(step, deadline):
    try:
        difference = normal_form.difference(step.lhs, step.rhs, step.context, deadline)
    except (normal_form.Unsupported, normal_form.Undefined) as exc:
        return Outcome(False, "sympy", f"SymPy was not tried ({exc})")
    import sympy
    converter = Converter(sympy)
    groups = {}
    for monomial, coefficient in difference.terms.items():
        copies = frozenset(a for a, _ in monomial if a[0] == "int")
        groups.setdefault(copies, []).append((monomial, coefficient))
    for copies, terms in groups.items():
        if deadline is not None and time.monotonic() > deadline:
            return Outcome(False, "sympy", "SymPy ran out of time")
        expr = sympy.Add(*[converter.monomial(m, c) for m, c in terms])
        if sympy.cancel(sympy.together(expr)) == 0:
            continue
        if sympy.simplify(expr) != 0:
            return Outcome(False, "sympy", "SymPy's cancel and simplify leave a non-zero "
                           "integrand")
    return Outcome(True, "sympy", "the integrands of the difference vanish identically "
                   "(SymPy's cancel/simplify, with the declared assumptions)")


class Converter:
    """Normal-form atoms as SymPy expressions."""

    def __init__(self, sympy):
        self.sp = sympy
        self.symbols = {}

    def monomial(self, m, c):
        sp = self.sp
        factors = [sp.Rational(c.numerator, c.denominator)]
        for atom, e in m:
            if atom[0] == "int":
                continue
            factors.append(self.atom(atom) ** self.number(e))
        return sp.Mul(*factors)

    def number(self, q):
        q = Fraction(q)
        return self.sp.Rational(q.numerator, q.denominator)

    def poly(self, key):
        return self.sp.Add(*[self.monomial(m, c) for m, c in key])

    def atom(self, atom):
        sp = self.sp
        kind = atom[0]
        if kind == "poly":
            if normal_form._has_integrals(Poly.from_key(atom[1])):
                return self.symbol(atom)          # an integral kept whole: one unknown
            return self.poly(atom[1])
        if kind == "log":
            inner = atom[1]
            if inner[0] == "opq" and inner[1] == "arg":     # the log of an unsplit argument
                return sp.log(self.poly(inner[2]))
            return sp.log(self.atom(inner))
        if kind == "logp":
            return sp.log(sp.Integer(atom[1]))
        if kind == "exp":
            return sp.exp(self.poly(atom[1]))
        if kind == "prime":
            return sp.Integer(atom[1])
        if kind == "pi":
            return sp.pi
        if kind == "i":
            return sp.I
        if kind == "opq" and atom[1] == "pow":
            return self.poly(atom[2]) ** self.poly(atom[3])
        if kind == "fn" and atom[1] in ("ceil", "floor") and atom[3] != normal_form.COMPLEX:
            return (sp.ceiling if atom[1] == "ceil" else sp.floor)(self.poly(atom[2]))
        if kind == "fn":
            function = {"arcsin": sp.asin, "arccos": sp.acos, "arctan": sp.atan}.get(atom[1])
            if function is not None:
                return function(self.poly(atom[2]))
        return self.symbol(atom)

    def symbol(self, atom):
        if atom not in self.symbols:
            sign = normal_form._sign(atom)
            assumptions = {normal_form.POS: {"positive": True},
                           normal_form.NONNEG: {"nonnegative": True},
                           normal_form.REAL: {"real": True}}.get(sign, {})
            self.symbols[atom] = self.sp.Dummy(f"a{len(self.symbols)}", **assumptions)
        return self.symbols[atom]

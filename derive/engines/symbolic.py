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

from dataclasses import dataclass
from fractions import Fraction

from derive.engines import clock, normal_form
from derive.engines.poly import Poly, canonical


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
    ways = integrands(difference)
    left = []
    for k, groups in enumerate(ways):
        failing = next((terms for terms in groups
                        if not _vanishes(sympy, converter, terms, deadline, simplify=k == 0)),
                       None)
        if failing is None:
            break
        left.append(failing)
    else:
        if deadline is not None and clock.now() > deadline:
            return Outcome(False, "sympy", "SymPy ran out of time")
        return Outcome(False, "sympy", "SymPy's cancel and simplify leave a non-zero "
                       f"{_part(left[0])}")
    return Outcome(True, "sympy", "the integrands of the difference vanish identically "
                   "(SymPy's cancel/simplify, with the declared assumptions)")


def _part(terms):
    """What a group of the difference's monomials is: an integrand, a summand (a sum's
    range), or the part outside every integral and sum."""
    kinds = {a[1][1][0] for m, _ in terms for a, _ in m if a[0] == "int"}
    if not kinds:
        return "part outside the integrals and sums"
    if kinds <= {"sum", "index"}:
        return "summand"
    return "integrand" if kinds == {"int"} else "integrand or summand"


def _vanishes(sympy, converter, terms, deadline, simplify):
    """Whether one integrand is identically zero (cancel, then simplify if allowed); not
    shown when SymPy cannot evaluate a number in it (too large for its precision)."""
    if deadline is not None and clock.now() > deadline:
        return False
    expr = sympy.Add(*[converter.monomial(m, c) for m, c in terms])
    try:
        if sympy.cancel(sympy.together(expr)) == 0:
            return True
        return simplify and sympy.simplify(expr) == 0
    except OverflowError:           # e^{e^{e^{e^{e^{10}}}}}: SymPy's evalf of a huge number
        return False


def integrands(poly):
    """Ways to see a normal form as integrands: its monomials grouped by the integration
    copies they carry (one group per integrand, the constants last). When there are
    constants and one integral, the constants may also join it as ∫ C w over a mixture w
    of the densities of that integral's range (each of them, or their average: w integrates
    to 1 either way), so that ∫ p (f + c) and ∫ p f + c are one integrand. Each way is a
    list of groups; any of them whose every group vanishes (or is ≥ 0) proves the claim."""
    groups = {}
    for monomial, coefficient in poly.terms.items():
        copies = frozenset(a for a, _ in monomial if a[0] == "int")
        groups.setdefault(copies, []).append((monomial, coefficient))
    constant = groups.pop(frozenset(), [])
    plain = list(groups.values()) + ([constant] if constant else [])
    if not (constant and len(groups) == 1):
        return [plain]
    ((copies, terms),) = groups.items()
    weights = [((d, 1),) for d in _densities_over(copies, terms)]
    ways = [plain]
    mixtures = [[w] for w in weights] + ([weights] if len(weights) > 1 else [])
    mixtures += [[w] for w in family_weights(copies, terms)]
    for mixture in mixtures:
        share = Fraction(1, len(mixture))
        ways.append([terms + [(frozenset(set(m) | set(w) | {(cp, 1) for cp in copies}),
                               c * share)
                              for m, c in constant for w in mixture]])
    length = _interval_length(copies)
    if length is not None:              # ∫_0^1 f² dt vs ∫_0^1 (2f − 1) dt: C = ∫ C/L dt
        ways.append([terms + [(frozenset(set(m) | {(cp, 1) for cp in copies}), c / length)
                              for m, c in constant]])
    return ways


def _interval_length(copies):
    """b − a of the one integral `∫_a^b … dt` over whole-number or fraction limits with
    b > a, whose constant weight 1/(b − a) integrates to 1 there (as a density does over
    its variable): a constant C beside it is ∫_a^b C/(b − a) dt, one integrand with it. None
    for another range (the whole line, a sum, limits with letters)."""
    if len(copies) != 1:
        return None
    ((_, copy),) = copies
    range_id = copy[1] if isinstance(copy, tuple) and len(copy) == 3 else None
    if not (isinstance(range_id, tuple) and len(range_id) == 3 and range_id[0] == "int"):
        return None
    lower, upper = (_constant_key(k) for k in range_id[1:])
    return upper - lower if lower is not None and upper is not None and upper > lower else None


def _constant_key(key):
    """The number a normal-form key stands for when it has no atoms, else None."""
    if not isinstance(key, frozenset) or any(m for m, _ in key):
        return None
    return sum((Fraction(c) for _, c in key), Fraction(0))


def family_weights(copies, terms):
    """The weights w_i / Σ_{k ∈ R} w_k of the one sum copy over a range R, for a family w
    taken at the copy's point and its total over R — a poly atom shown positive (so R is
    not empty): they sum to 1 over R, as a density integrates to 1 (`\\sum_i p_i \\log p_i`
    after `\\sum_i p_i = 1` put p_i as w_i / Σ_k w_k: the constant log Σ_k w_k joins the
    sum). Each as ((member atom, 1), (total atom, −1)); [] when there is none."""
    if len(copies) != 1:
        return []
    (marker,) = copies
    found = []
    for m, _ in terms:
        for a, _ in m:
            if a[0] != "call" or len(a[3]) != 1 or not normal_form._is_point(a[3][0], marker[1]):
                continue
            total = ("poly", frozenset({(frozenset({(marker, 1), (a, 1)}), Fraction(1))}),
                     normal_form.POS)
            if any(t == total for n, _ in terms for t, _ in n) and \
                    ((a, 1), (total, -1)) not in found:
                found.append(((a, 1), (total, -1)))
    return found


def _densities_over(copies, terms):
    """The densities (not conditional, of one variable) taken at the one copy's point."""
    if len(copies) != 1:
        return []
    (marker,) = copies
    copy = marker[1]
    found = []
    for m, _ in terms:
        for a, _ in m:
            if a[0] == "dens" and len(a[6]) == 1 and normal_form._is_point(a[6][0], copy) \
                    and not a[4] and len(copy[1]) == 2 and copy[1][0] == "all" and \
                    a[3] == (copy[1][1],) and a not in found:
                found.append(a)
    return sorted(found, key=canonical)


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
        if kind == "fn" and atom[1] == "abs" and atom[4:] == (True,):
            # |u| of a real u (SymPy's limit of Abs(t + c)**2 is c**2 for a complex c: an
            # unknown nonnegative symbol there, as before)
            return sp.Abs(self.poly(atom[2]))
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

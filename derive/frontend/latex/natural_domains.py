"""The natural domain of a function defined by a formula: the interval of real values of
its one parameter where the formula is a real number, as derive reads it (principal
branches: `\\log a` needs a > 0, `a^{1/2}` needs a ≥ 0).

This is what `\\operatorname{dom} f` means for `define f(u) = u \\log u` (the interval
u > 0) or `define f(u) = \\tfrac{1}{2} u^2` (the real line): the range of
`\\sup_{u \\in \\operatorname{dom} f} \\{tu - f(u)\\}`, a convex conjugate of f. It is read
only where it is surely an interval whose ends are numbers: every condition the formula
puts on its parameter is linear in it with rational coefficients (`u > 0`, `u + 1 > 0`,
`1 - u \\ge 0`). A division by an expression in the parameter (the domain would miss a
point), a function derive does not know to be real on a known set there, an opaque or
defined function applied to it, or any other operator of it (an integral, an optimum) is
refused with the reason: derive does not guess a set.

The natural domain is open where the formula needs a strict inequality: `u \\log u` on
(0, ∞), although a convex analyst closes it at 0 by continuity (0 log 0 = 0). A supremum
of a function continuous up to that end is the same over both intervals, so the reading
of a conjugate does not depend on that choice.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from derive.model.names import Domain, Name
from derive.model.terms import OO, Add, Const, Fn, Mul, Num, Pow, Sym, Term, neg
from derive.model.terms import nodes as subterms

# Elementary functions real at every real argument.
_REAL_EVERYWHERE = frozenset({"exp", "sin", "cos", "sinh", "cosh", "tanh", "arctan", "abs"})


class NoNaturalDomain(Exception):
    """The formula's natural domain is not read: `reason` says why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Bound:
    """One condition `value > 0` (`strict`) or `value ≥ 0` on the parameter, where value is
    `slope · parameter + offset`."""

    slope: Fraction
    offset: Fraction
    strict: bool


@dataclass(frozen=True)
class Interval:
    """Real numbers from `low` to `high` (None: unbounded), each end open unless closed."""

    low: Fraction | None = None
    high: Fraction | None = None
    low_closed: bool = False
    high_closed: bool = False

    def meet(self, bound: Bound) -> Interval:
        """The part of the interval where `bound` holds."""
        end = -bound.offset / bound.slope
        closed = not bound.strict
        if bound.slope > 0:              # u > end (u ≥ end)
            if self.low is None or end > self.low or end == self.low and not closed:
                return Interval(end, self.high, closed, self.high_closed)
            return self
        if self.high is None or end < self.high or end == self.high and not closed:
            return Interval(self.low, end, self.low_closed, closed)
        return self

    @property
    def empty(self) -> bool:
        return self.low is not None and self.high is not None and (
            self.low > self.high or self.low == self.high and
            not (self.low_closed and self.high_closed))

    def terms(self):
        """(low, high, closed) as an `Optimum`'s interval is written."""
        low = neg(OO) if self.low is None else Num(self.low)
        high = OO if self.high is None else Num(self.high)
        closed = ("[" if self.low_closed else "(") + ("]" if self.high_closed else ")")
        return low, high, closed

    def holds(self, other: Interval) -> bool:
        """Whether every number of `other` is in this interval."""
        low_ok = self.low is None or other.low is not None and (
            other.low > self.low or other.low == self.low and
            (self.low_closed or not other.low_closed))
        high_ok = self.high is None or other.high is not None and (
            other.high < self.high or other.high == self.high and
            (self.high_closed or not other.high_closed))
        return low_ok and high_ok


def linear(term: Term, parameter: Name) -> tuple[Fraction, Fraction] | None:
    """(slope, offset) when `term` is slope · parameter + offset with rational numbers,
    else None."""
    if term == Sym(parameter):
        return Fraction(1), Fraction(0)
    if isinstance(term, Num):
        return Fraction(0), term.value
    if isinstance(term, Pow):                   # a number's whole power: `2^{-1}`
        base, exponent = linear(term.base, parameter), linear(term.exponent, parameter)
        if base is None or exponent is None or base[0] != 0 or exponent[0] != 0 or \
                exponent[1].denominator != 1 or base[1] == 0 and exponent[1] < 0:
            return None
        return Fraction(0), base[1] ** int(exponent[1])
    parts = [linear(a, parameter) for a in term.args] if isinstance(term, (Add, Mul)) else [None]
    if any(p is None for p in parts):
        return None
    if isinstance(term, Add):
        return sum(p[0] for p in parts), sum(p[1] for p in parts)
    varying = [p for p in parts if p[0] != 0]
    if len(varying) > 1:
        return None
    scale = Fraction(1)
    for p in parts:
        if p[0] == 0:
            scale *= p[1]
    return (scale * varying[0][0], scale * varying[0][1]) if varying else (Fraction(0), scale)


def _condition(argument: Term, parameter: Name, strict: bool, what: str) -> list[Bound]:
    """The bound `argument > 0` (≥ 0 unless `strict`) puts on the parameter: none when it
    holds at every value, refused unless the argument is linear in the parameter."""
    form = linear(argument, parameter)
    needs = "positive" if strict else "positive or 0"
    if form is None:
        raise NoNaturalDomain(f"{what} needs its argument {needs}, and that argument is not "
                              "linear in the parameter with number coefficients")
    if form[0] != 0:
        return [Bound(form[0], form[1], strict)]
    if form[1] > 0 or form[1] == 0 and not strict:
        return []
    raise NoNaturalDomain(f"{what} of a number that is not {needs}")


def _conditions_of(node: Term, parameter: Name, is_real) -> list[Bound]:
    """The bounds one node of the formula puts on the parameter."""
    if isinstance(node, (Num, Add, Mul)):
        return []
    if isinstance(node, Sym):
        if node.name is parameter or is_real(node.name):
            return []
        raise NoNaturalDomain(f"the formula takes {node.name.latex}, which is not declared "
                              "real")
    if isinstance(node, Const):
        if node.name in ("e", "pi"):
            return []
        raise NoNaturalDomain(f"the formula takes the constant {node.name}")
    if isinstance(node, Fn):
        if node.fname == "log":
            return _condition(node.operands[0], parameter, True, "\\log")
        if node.fname in _REAL_EVERYWHERE:
            return []
        raise NoNaturalDomain(f"derive reads no natural domain of \\{node.fname}")
    if isinstance(node, Pow):
        return _power_conditions(node, parameter)
    raise NoNaturalDomain("the formula holds an operator or a function (declared, defined or "
                          "opaque) derive reads no natural domain of")


def _power_conditions(node: Pow, parameter: Name) -> list[Bound]:
    """`e^a` and `2^a` are real; `a^n` (n a whole number) too; `a^{-n}` is not at a = 0
    (refused where a may be 0: no interval — but `(a^{1/2})^{-1}`, `1/\\sqrt{a}`, needs
    a > 0); `a^{p/q}` needs a ≥ 0 (a > 0 for a negative power); any other exponent is
    refused."""
    base = node.base
    if base == Const("e") or isinstance(base, Num) and base.value > 0:
        return []
    exponent = linear(node.exponent, parameter)
    if exponent is None or exponent[0] != 0:
        raise NoNaturalDomain("a power whose exponent is no number, of a base that may be "
                              "negative")
    value = exponent[1]
    if value.denominator == 1 and value >= 0:
        return []
    if value.denominator == 1:
        form = linear(base, parameter)
        if form is not None and form[0] == 0 and form[1] != 0:
            return []
        if isinstance(base, Pow):
            inner = linear(base.exponent, parameter)
            if inner is not None and inner[0] == 0 and inner[1] > 0 and \
                    inner[1].denominator != 1:
                return _condition(base.base, parameter, True, "a root in a denominator")
        raise NoNaturalDomain("a division by an expression that may be 0: its natural "
                              "domain leaves out the points where it is, which is no interval")
    return _condition(base, parameter, value < 0, "a fractional power")


def natural_domain(body: Term, parameter: Name, is_real) -> Interval:
    """The interval of real values of `parameter` where `body` is real, as derive reads it
    (`is_real(name)`: whether another name the formula takes is a real number);
    NoNaturalDomain when it is not surely such an interval."""
    interval = Interval()
    for node in subterms(body):
        for bound in _conditions_of(node, parameter, is_real):
            interval = interval.meet(bound)
    if interval.empty:
        raise NoNaturalDomain("the formula is real at no value of its parameter")
    return interval


# The interval a declared letter's domain is (integers: no interval, None).
DECLARED_INTERVALS = {
    Domain.COMPLEX: Interval(), Domain.REAL: Interval(),
    Domain.POSITIVE: Interval(Fraction(0)),
    Domain.NONNEGATIVE: Interval(Fraction(0), low_closed=True),
}


def show_interval(interval: Interval) -> str:
    """`(0, ∞)`, `[-1, 1]`, `ℝ`."""
    if interval.low is None and interval.high is None:
        return "ℝ"
    low = "-∞" if interval.low is None else str(interval.low)
    high = "∞" if interval.high is None else str(interval.high)
    return ("[" if interval.low_closed else "(") + f"{low}, {high}" + \
        ("]" if interval.high_closed else ")")

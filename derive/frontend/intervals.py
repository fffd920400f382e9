"""Variables declared over an interval (`% derive: variable p in [0, 1]`).

A probability parameter is written "p ∈ [0, 1]" (Bishop §2.1, Murphy's PML, the Book of
Statistical Proofs). Declared so, p is a real variable with `VariableInfo.interval`: every
row using it free assumes it lies inside (`hypotheses`), an integral over it written without
limits runs between the ends (`integral_limits`), and an optimum over it written without a
range runs over it. Only number ends (or ±∞) are read: every engine then knows the range.
"""

from __future__ import annotations

from derive.model.derivation import Hypothesis, Relation
from derive.model.names import VariableInfo
from derive.model.terms import OO, Num, Sym, neg
from derive.notation.show import show


def not_an_interval(low, high, closed):
    """Why `(low, high, closed)` (ends None when infinite) is no range derive reads for a
    variable, or None: its ends must be numbers or ±∞, the lower below the upper."""
    if any(end is not None and not isinstance(end, Num) for end in (low, high)):
        return ("its ends must be numbers or \\infty (a range with letters is not read "
                "yet: declare `variable p` and assume its bounds)")
    if low is None and high is None:
        return "that is the whole real line: declare `variable p`"
    if low is not None and high is not None and not low.value < high.value:
        return "an interval runs from its lower end to a larger upper end"
    if closed not in ("[]", "[)", "(]", "()"):
        return "write the interval with ( ) or [ ] brackets"
    return None


def hypotheses(name, low, high, closed):
    """The bounds of a variable `name` over the interval: `low ≤ p` (`<` at an open end),
    `p ≤ high`, said of every value it takes (assumed by each row using it free)."""
    at = Sym(name)
    out = []
    if low is not None:
        strict = closed[0] == "("
        out.append(Hypothesis(Relation.LT if strict else Relation.LE, low, at,
                              f"{show(low)} {_sign(strict)} {name.latex}", throughout=True))
    if high is not None:
        strict = closed[1] == ")"
        out.append(Hypothesis(Relation.LT if strict else Relation.LE, at, high,
                              f"{name.latex} {_sign(strict)} {show(high)}", throughout=True))
    return tuple(out)


def _sign(strict):
    return "<" if strict else "\\le"


def interval_of(declaration):
    """The (low, high, closed) interval a declared variable ranges over, or None."""
    info = declaration.info if declaration is not None else None
    return info.interval if isinstance(info, VariableInfo) else None


def ends(interval):
    """(low, high, closed) terms of a declared interval, an infinite end as ∓∞."""
    low, high, closed = interval
    return (neg(OO) if low is None else low), (OO if high is None else high), closed


def integral_limits(declaration):
    """(lower, upper) terms of an integral over a variable declared in an interval and
    written without limits, or None for any other variable."""
    interval = interval_of(declaration)
    return None if interval is None else ends(interval)[:2]

"""Values written rounded: `= 26\\%`, `= 0.26` at the end of a computation.

A side that is one number written with decimals or as a percentage (`0.26`, `26\\%`,
`0.0335`) is, in a worked example, the other side's value rounded to the digits shown:
`0.01 \\cdot 0.875 / 0.0335 = 26\\%` is true to the whole percent (0.2612…). derive reads the
number exactly, so such a step is never verified unless it is exact; but a counterexample
that is within half a unit of the last digit written — and is a constant, with no letter
given a value — refutes nothing: the step is then undecided, never refuted. Anything
further off (`= 88\\%`) stays refuted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction

from derive.model.derivation import REFUTED, UNDECIDED

# one number with a decimal point or a percent sign, alone on its side (a full stop or
# comma after it is the sentence's)
_ROUNDED = re.compile(r"\s*(?P<digits>[0-9]*\.(?P<decimals>[0-9]+)|[0-9]+(?:\.[0-9]+)?)"
                      r"\s*(?P<percent>\\%)?\s*(?:\\[,;!]|\\quad|\s)*[.,]?\s*")


@dataclass(frozen=True)
class Rounded:
    """A side written as a rounded number: its value and half a unit of its last digit."""

    value: Fraction
    half_unit: Fraction


def rounded_side(latex):
    """The `Rounded` number a side is written as (decimals or a percentage), else None."""
    found = _ROUNDED.fullmatch(latex or "")
    if found is None:
        return None
    digits, percent = found.group("digits"), found.group("percent")
    decimals = len(digits.partition(".")[2])
    if not decimals and not percent:            # a whole number is no rounding
        return None
    scale = Fraction(1, 100) if percent else Fraction(1)
    return Rounded(Fraction(digits) * scale, Fraction(1, 2 * 10 ** decimals) * scale)


def within_rounding(step, verdict):
    """The verdict of an equality refuted only by a rounding written on one side: undecided
    when the counterexample gives no letter a value and the other side's value is within
    half a unit of the rounded side's last digit; the verdict itself otherwise."""
    c = verdict.counterexample
    if verdict.status is not REFUTED or c is None or c.assignment:
        return verdict
    for written, other in ((step.latex, c.lhs_value), (step.lhs_latex, c.rhs_value)):
        side = rounded_side(written)
        value = _number(other)
        if side is None or value is None:
            continue
        if abs(value - side.value) <= side.half_unit:
            return replace(verdict, status=UNDECIDED, counterexample=None, detail=(
                f"{written.strip()} is the other side, {other}, rounded to the digits "
                "written: true as a rounding, not exactly, and derive verifies only exact "
                "equalities"))
    return verdict


def _number(text):
    """An evaluated side's value as a Fraction, or None when it is not one plain number."""
    try:
        return Fraction(str(text).strip())
    except (ValueError, ZeroDivisionError):
        return None

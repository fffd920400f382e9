"""`=` between numbers written with rounded decimals: worked examples write
`-0.4 \\times (-1.322) - 0.6 \\times (-0.737) = 0.971` with `=`, each decimal the true value
rounded. Read exactly, such a row is false; its author means it up to the rounding. derive
does not read `=` as a rounding (that is `\\approx`'s reading), so it neither verifies such a
row nor refutes it: a counterexample at no variable (both sides closed numbers) whose sides
differ by at most one unit of the last digit printed on a side that is one number (`= 26\\%`,
`= 0.971`, `= 1.10`: digits counted as written), or, with no such side, by one unit of the
finest decimal written per rounded number written plus one (`printed`), makes the step
undecided, saying so. A larger difference (a wrong digit, a wrong sign, a wrong term) still
refutes.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from derive.model.derivation import Relation, Status
from derive.model.terms import Num

# The coarsest rounding that counts: a step whose finest decimal has one digit (`0.5`)
# writes exact values, not roundings.
_FEWEST_DIGITS = 2


def digits(value: Fraction):
    """The number of decimals of a decimal number (`0.736966`: 6), None for a whole number
    or one that is no finite decimal (1/3)."""
    if value.denominator == 1:
        return None
    for d in range(1, 31):
        if (value * 10 ** d).denominator == 1:
            return d
    return None


def _written(latex):
    """The number of decimals of each decimal written in `latex`, as printed (`1.10`: 2 —
    the value 11/10 alone would say 1)."""
    from derive.engines.rounding import decimals
    return [len(str(d.half_unit.denominator)) - 1 for d in decimals(latex)]


def printed(step):
    """(decimals, units): the precision of the rounding a step may mean, and how many units
    of its last digit the sides may differ by. A side that is one number (`= 26\\%`,
    `= 1.10`) is the other side rounded at its own printed precision, whatever finer inputs
    the other side writes (the coarser if both sides are one): one unit. Otherwise the
    finest decimal written sets the unit, one more for each rounded number written (each
    may carry its own half unit into the result). (None, 0) when nothing is written
    rounded."""
    lone = []
    for side, latex in ((step.lhs, step.lhs_latex), (step.rhs, step.latex)):
        if isinstance(side, Num):
            shown = _written(latex)
            lone.append(max(shown) if shown else digits(side.value))
    lone = [d for d in lone if d is not None]
    if lone:
        return min(lone), 1
    shown = _written(step.lhs_latex) + _written(step.latex)
    return (max(shown), 1 + len(shown)) if shown else (None, 0)


def within_rounding(step, verdict):
    """The verdict, undecided when it refutes `step` only by a difference within the
    rounding of the decimals the step writes (see the module's rules)."""
    example = verdict.counterexample
    if verdict.status is not Status.REFUTED or example is None or example.assignment or \
            step.relation is not Relation.EQ:          # `<`, `\\le` between numbers: certified
        return verdict
    d, units = printed(step)
    if d is None or d < _FEWEST_DIGITS:
        return verdict
    try:
        left, right = float(example.lhs_value), float(example.rhs_value)
    except ValueError:
        return verdict
    if abs(left - right) > units * 10.0 ** -d * (1 + 1e-12) + 1e-12 * abs(left):
        return verdict
    return replace(verdict, status=Status.UNDECIDED, counterexample=None, detail=(
        f"the sides are {example.lhs_value} and {example.rhs_value}: equal only up to the "
        f"rounding of the {d}-decimal numbers written — derive reads '=' exactly, never as "
        f"a rounding (write \\approx for that)"))

"""`=` between numbers written with rounded decimals: worked examples write
`-0.4 \\times (-1.322) - 0.6 \\times (-0.737) = 0.971` with `=`, each decimal the true value
rounded. Read exactly, such a row is false; its author means it up to the rounding. derive
does not read `=` as a rounding (that is `\\approx`'s reading), so it neither verifies such a
row nor refutes it: a counterexample at no variable (both sides closed numbers) whose sides
differ by less than one unit of the finest decimal the step writes, relative to the sides'
size, makes the step undecided, saying so — one unit of the last digit of a side that is one
number where there is one (`= 26\\%`, `= 0.971`). A larger difference (a wrong digit, a wrong
sign, a wrong term) still refutes.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from derive.model.derivation import Relation, Status
from derive.model.terms import Num, nodes

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


def finest(step):
    """The most decimals of a number written in the step's sides (None: none written)."""
    found = [digits(t.value) for side in (step.lhs, step.rhs) if side is not None
             for t in nodes(side) if isinstance(t, Num)]
    found = [d for d in found if d is not None]
    return max(found) if found else None


def printed(step):
    """The decimals of the rounding a step may mean: those of a side that is one number
    (`= 26\\%`, `= 0.971`: the value the other side rounds to, at its own precision,
    whatever finer inputs the other side writes — the coarser if both sides are one),
    else the finest decimal written (`finest`)."""
    lone = [digits(side.value) for side in (step.lhs, step.rhs) if isinstance(side, Num)]
    lone = [d for d in lone if d is not None]
    return min(lone) if lone else finest(step)


def within_rounding(step, verdict):
    """The verdict, undecided when it refutes `step` only by a difference within the
    rounding of the decimals the step writes (see the module's rules)."""
    example = verdict.counterexample
    if verdict.status is not Status.REFUTED or example is None or example.assignment or \
            step.relation is not Relation.EQ:          # `<`, `\\le` between numbers: certified
        return verdict
    d = printed(step)
    if d is None or d < _FEWEST_DIGITS:
        return verdict
    try:
        left, right = float(example.lhs_value), float(example.rhs_value)
    except ValueError:
        return verdict
    if abs(left - right) >= 10.0 ** -d * (1 + abs(left) + abs(right)):
        return verdict
    return replace(verdict, status=Status.UNDECIDED, counterexample=None, detail=(
        f"the sides are {example.lhs_value} and {example.rhs_value}: equal only up to the "
        f"rounding of the {d}-decimal numbers written — derive reads '=' exactly, never as "
        f"a rounding (write \\approx for that)"))

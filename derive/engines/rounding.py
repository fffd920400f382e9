"""`A \\approx B`: B is A with some numbers rounded to the digits printed.

The one reading (README, "What derive reads", Rounding): each decimal B writes that A does
not write (by value: `-[0.9 \\log_2 0.9] \\approx -[0.9 \\cdot (-0.152)]` rounds only
0.152; `\\approx 0.47` rounds 0.47) is a **rounded number** — it stands for some number
within half a unit of its last printed digit (0.47 for a number in [0.465, 0.475], 0.152 for
one in [0.1515, 0.1525]). Every other number of either side is exact as written. The step
claims that some choice of the rounded numbers in those ranges makes B equal to A; with
one rounded number and nothing else on the right, that A rounds to it.

Decided only between numbers (both sides constant: `decide.constant`):

* **refuted** when A's certified ball lies outside the ball enclosing B over every choice
  of its rounded numbers (each a ball of its half unit — arb's outward rounding makes
  this an enclosure of all B's values there);
* **verified** when that enclosure is finite (B is then defined and continuous on the
  box of choices, which is connected) and A lies between two values B takes at corners
  of the box, each evaluated exactly: B takes every value between them;
* **undecided** otherwise. A right side with no rounded number, or a side that varies, is
  no rounding: the step is refused (`NotRounding`) where it stands, never read as `=`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction
from itertools import product

from flint import acb, arb, ctx

from derive.model.derivation import REFUTED, UNDECIDED, VERIFIED, Counterexample, Verdict
from derive.model.names import Name
from derive.model.terms import MINUS_ONE, Mul, Num, Sym

# A decimal as the grammar's NUMBER token writes it (`0.47`, `.5`, `3.320`); not a digit of
# a longer number, and not after a letter or a backslash command (`x2.5` is no literal here)
DECIMAL = re.compile(r"(?<![0-9.])(\d*\.\d+)(?![0-9])")
# A right side that is one number (signed), once a trailing unit is set aside
# (`-0.47`), in scientific notation too (`2.2 \times 10^{4}`, `1.5 \cdot 10^{-3}`)
LONE_NUMBER = re.compile(r"\s*[-+]?\s*(\d+(\.\d*)?|\.\d+)\s*"
                         r"(\\(times|cdot)\s*10\s*\^\s*(\{\s*[-+]?\s*\d+\s*\}|\d)\s*)?")
MAX_ROUNDED = 8                 # the corners evaluated: 2^n (n rounded numbers)
PRECISIONS = (64, 128, 256, 512)

NO_ROUNDED = ("derive reads A \\approx B only as a rounding: B is A with some numbers rounded "
              "to the digits printed (half a unit in the last digit). This right side writes "
              "no decimal the left side does not, so nothing in it is rounded; write = for "
              "an exact value, or the rounded decimal")
NOT_NUMBERS = ("derive reads A \\approx B only between numbers, as a rounding (B is A with "
               "some numbers rounded to the digits printed); this step's sides vary (a "
               "letter, a density, an unknown function): an approximation in a variable "
               "(\\log(1 + x) \\approx x for small x) is not read")
UNMATCHED = ("the left side writes no decimal, so derive cannot tell which of this right "
             "side's decimals are rounded and which are exact (0.7 in 0.7 \\log_2 0.7, "
             "beside H or \\frac{7}{10} \\log_2 \\frac{7}{10}): "
             "write the left side out, or round it to one number (\\approx 1.36)")
MIXED = ("{0} stands on this right side more often than on the left: derive cannot tell "
         "which {0} is the left side's, exact, and which a rounding (0.9 + \\log_{{10}} 8 "
         "\\approx 0.9 + 0.9)")
TWO_PRECISIONS = ("the rounded number {} is printed to two precisions on this right side: "
                  "derive cannot tell which half unit it claims")


class NotRounding(Exception):
    """A `\\approx` step derive does not read as a rounding: its message says why."""


@dataclass(frozen=True)
class Rounded:
    """A decimal printed on the rounding side: its value and half a unit of its last
    printed digit (0.47: 47/100 and 1/200)."""

    value: Fraction
    half_unit: Fraction

    @property
    def low(self):
        return self.value - self.half_unit

    @property
    def high(self):
        return self.value + self.half_unit


def decimals(latex):
    """The decimals written in `latex`, as `Rounded` (each with its printed precision)."""
    found = []
    for m in DECIMAL.finditer(latex or ""):
        text = m.group(1)
        digits = len(text.split(".")[1])
        found.append(Rounded(Fraction(text), Fraction(1, 2 * 10 ** digits)))
    return found


def rounded_numbers(lhs_latex, rhs_latex):
    r"""The rounded numbers of `lhs ≈ rhs`: the right side's decimals whose value the left
    side does not write. Raises `NotRounding` when there are none, when one value is
    printed to two precisions, when the right side writes a value of the left's more often
    than the left does (`0.9 + \log_{10} 8 \approx 0.9 + 0.9`: which 0.9 is rounded?), or
    when the left side writes no decimal while the right side
    is more than one number (`H \approx 0.7 \log_2 0.7`, `\frac{7}{10} \log_2 \frac{7}{10}
    \approx 0.7 \cdot (-0.515)`: is 0.7 exact or rounded? Taken as rounded, it would stand
    for any number in [0.65, 0.75])."""
    exact = Counter(d.value for d in decimals(lhs_latex))
    written = Counter(d.value for d in decimals(rhs_latex))
    mixed = next((v for v in written if exact[v] and written[v] > exact[v]), None)
    if mixed is not None:
        raise NotRounding(MIXED.format(_text(mixed)))
    if not exact and not LONE_NUMBER.fullmatch(_without_units(rhs_latex)):
        raise NotRounding(UNMATCHED)
    chosen = {}
    for d in decimals(rhs_latex):
        if d.value in exact:
            continue
        if chosen.get(d.value, d) != d:
            raise NotRounding(TWO_PRECISIONS.format(float(d.value)))
        chosen[d.value] = d
    if not chosen:
        raise NotRounding(NO_ROUNDED)
    return tuple(chosen.values())


def refusal(lhs, rhs, lhs_latex, rhs_latex, context):
    """Why `lhs ≈ rhs` (terms, and their LaTeX) is not read as a rounding, or None when it
    is: both sides numbers (`decide.constant`), the right side rounds some, and each rounded
    value stands in the read right side exactly as often as it is written (`_one_per_written`)."""
    from derive.engines.decide import constant
    if not (constant(lhs, context) and constant(rhs, context)):
        return NOT_NUMBERS
    try:
        rounded = rounded_numbers(lhs_latex, rhs_latex)
    except NotRounding as exc:
        return str(exc)
    return _one_per_written(rhs, rounded, rhs_latex)


def _one_per_written(rhs, rounded, rhs_latex):
    """Why the rounded numbers cannot be told apart in the read right side, or None. They
    are put in by value (`_with_names`), so a number of the same value that the author did
    not write as that decimal — `\\sqrt{3}`'s exponent 1/2 beside a rounded 0.5, the 2 of
    `2 \\cdot 2.0`, a subtraction's -1 beside a rounded 1.0, a defined constant's body,
    the 1/2 of derive's own expansion of `\\max` — would be taken as rounded too, and its
    freedom verified false steps. Each value must stand there (up to sign) exactly as often
    as it is written."""
    written = Counter(d.value for d in decimals(rhs_latex))
    read = Counter(abs(n.value) for n in _numbers(rhs))
    for d in rounded:
        if read[d.value] != written[d.value]:
            return (f"{_text(d.value)} stands in this right side as derive reads it "
                    f"{read[d.value]} time(s), and is written as a rounded decimal "
                    f"{written[d.value]} time(s): derive cannot tell which are rounded "
                    f"(a number of that value it did not read from the decimal, such as "
                    f"\\sqrt's 1/2 or an exact {_text(d.value)}) — write the exact numbers "
                    f"otherwise (\\frac12), or round the whole side to one number")
    return None


def _numbers(term):
    """Every number node of `term`, as `_with_names` walks it."""
    if isinstance(term, Num):
        yield term
        return
    for child in term.children:
        yield from _numbers(child)


def _without_units(latex):
    """`latex` without a trailing unit in text (`0.47 \\text{ bits}`) or spacing."""
    return re.sub(r"(\\[,;:! ]|\\q?quad|~|\\(text|mathrm)\s*\{[^{}]*\})+\s*$", "",
                  latex or "")


def decide(step, seed, deadline):
    """The verdict of the rounding step `step` (`lhs ≈ rhs`): see the module's docstring.
    The reader refused the steps that are no rounding (`refusal`)."""
    why = refusal(step.lhs, step.rhs, step.lhs_latex, step.latex, step.context)
    if why is not None:
        return Verdict(UNDECIDED, "rounding", why)
    rounded = rounded_numbers(step.lhs_latex, step.latex)
    if len(rounded) > MAX_ROUNDED:
        return Verdict(UNDECIDED, "rounding", f"{len(rounded)} rounded numbers: derive tries "
                       f"at most {MAX_ROUNDED}")
    names = {d: Name(f"r_{k}") for k, d in enumerate(rounded)}
    right = _with_names(step.rhs, {d.value: Sym(n) for d, n in names.items()})
    shown = ", ".join(f"{_text(d.value)} ∈ [{_text(d.low)}, {_text(d.high)}]" for d in rounded)
    for prec in PRECISIONS:
        saved = ctx.prec
        ctx.prec = prec
        try:
            verdict = _judge(step, right, names, seed, deadline, shown)
        finally:
            ctx.prec = saved
        if verdict is not None:
            return verdict
    return Verdict(UNDECIDED, "rounding", f"the left side and the right side's values with "
                   f"its rounded numbers ({shown}) could not be told apart or shown to meet")


def _judge(step, right, names, seed, deadline, shown):
    """A verdict at the current precision, or None to try a finer one."""
    from derive.engines.numeric.evaluate import NotEvaluable
    try:
        left = _evaluate(step.lhs, {}, step.context, seed, deadline)
        enclosure = _evaluate(right, {n: _ball(d) for d, n in names.items()}, step.context,
                              seed, deadline)
    except (NotEvaluable, ZeroDivisionError, ValueError, OverflowError) as exc:
        return Verdict(UNDECIDED, "rounding", f"the sides could not be evaluated: {exc}")
    if left is None or enclosure is None:
        return Verdict(UNDECIDED, "rounding", "a side is not a real number derive can "
                       "evaluate exactly")
    if not left.overlaps(enclosure):
        lo, hi = enclosure.lower(), enclosure.upper()
        return Verdict(REFUTED, "rounding", f"≈ fails: the left side is {_show(left)}, but "
                       f"with its rounded numbers anywhere in their half units ({shown}) the "
                       f"right side stays in [{_show(lo)}, {_show(hi)}]",
                       counterexample=Counterexample((), _show(left), f"[{_show(lo)}, "
                                                     f"{_show(hi)}]", "outside"))
    if not enclosure.is_finite():
        return None
    corners = []
    for choice in product(*[(d.low, d.high) for d in names]):
        value = _evaluate(right, {n: arb(_exact(q)) for n, q in zip(names.values(), choice)},
                          step.context, seed, deadline)
        if value is None:
            return None
        corners.append(value)
    if any(c <= left for c in corners) and any(left <= c for c in corners):
        return Verdict(VERIFIED, "rounding", f"the left side is {_show(left)}, and the right "
                       f"side takes it for some value of its rounded numbers in their half "
                       f"units ({shown}): it lies between two of the right side's values "
                       f"there, exactly evaluated")
    return None


def _with_names(term, names):
    """`term` with each number whose value is in `names` (a value → Sym), or minus it (the
    reader may keep `-0.152` as one number), put as that name (times -1)."""
    if isinstance(term, Num):
        if term.value in names:
            return names[term.value]
        if -term.value in names:
            return Mul(MINUS_ONE, names[-term.value])
        return term
    if not term.children:
        return term
    return term.rebuild([_with_names(c, names) for c in term.children])


def _evaluate(term, overrides, context, seed, deadline):
    """`term`'s real value as an arb ball (its rounded names at `overrides`), or None when
    it is not real or not evaluated exactly (an inexact evaluation, such as a truncated
    series, encloses nothing certain)."""
    from derive.engines.numeric.evaluate import Evaluator
    from derive.engines.numeric.instances import Instance
    ev = Evaluator(context, Instance(seed, 0, context), {}, (), deadline)
    ev.overrides = {n: acb(v) for n, v in overrides.items()}
    value = ev.value(term)
    if not ev.exact or not value.imag.is_zero():
        return None
    return value.real


def _ball(d):
    """The ball of every number `d` may stand for: its value ± half a unit."""
    return arb(_exact(d.value), _exact(d.half_unit).upper())


def _exact(q):
    from flint import fmpq
    return arb(fmpq(q.numerator, q.denominator))


def _text(q):
    return f"{float(q):g}"


def _show(x):
    return x.str(10, radius=False)

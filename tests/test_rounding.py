"""`A \\approx B` between numbers: B is A with its new decimals rounded to the digits
printed, each standing for a number within half a unit of its last digit
(`engines.rounding`)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from derive.engines.rounding import NotRounding, rounded_numbers
from probability_support import display, readings, steps, verdicts

BITS = "% derive: information in bits\n"
BIASED = r"-[0.9 \log_2 0.9 + 0.1 \log_2 0.1]"


@pytest.mark.parametrize("row, verdict", [
    (r"\log_2 3 \approx 1.585", "verified"),
    (r"\log_2 3 \approx 1.58", "verified"),
    (r"\log_2 3 \approx 1.6", "verified"),
    (r"\log_2 3 \approx 1.59", "refuted"),            # 1.58496… rounds down
    (r"\log_2 3 \approx 1.57", "refuted"),
    (r"\frac{1}{3} \approx 0.33", "verified"),
    (r"\frac{1}{3} \approx 0.333 \text{ bits}", "verified"),
    (r"\frac{1}{3} \approx 0.34", "refuted"),
    (r"\frac{1}{3} \approx 0.3334", "refuted"),       # one digit too many: 0.3333
    (r"-\frac{1}{3} \approx -0.33", "verified"),
    (r"-\frac{1}{3} \approx 0.33", "refuted"),         # the sign
    (r"e^{10} \approx 2.2 \times 10^{4}", "verified"),
    (r"e^{10} \approx 2.3 \times 10^{4}", "refuted"),
    (BIASED + r" \approx 0.469 \text{ bits}", "verified"),
    (BIASED + r" \approx 0.47", "verified"),
    (BIASED + r" \approx 0.53", "refuted"),
    (BIASED + r" \approx 0.4", "refuted"),             # 0.469 rounds to 0.5
    (BIASED + r" \approx 0.5", "verified"),
])
def test_a_number_rounded_to_its_printed_digits(row, verdict):
    assert verdicts(display(BITS, row)) == [verdict]


@pytest.mark.parametrize("right, verdict", [
    (r"-[0.9 \cdot (-0.152) + 0.1 \cdot (-3.32)]", "verified"),
    (r"-[0.1 \cdot (-3.32) + 0.9 \cdot (-0.152)]", "verified"),
    (r"0.9 \cdot 0.152 + 0.1 \cdot 3.32", "verified"),
    (r"-[0.9 \cdot (-0.152) + 0.1 \cdot (-3.42)]", "refuted"),    # log2 0.1 = -3.32
    (r"-[0.9 \cdot (-0.125) + 0.1 \cdot (-3.32)]", "refuted"),    # digits swapped
    (r"-[0.9 \cdot (-0.152) - 0.1 \cdot (-3.32)]", "refuted"),    # a sign
    (r"-[0.1 \cdot (-0.152) + 0.9 \cdot (-3.32)]", "refuted"),    # weights swapped
])
def test_an_expression_with_its_logs_rounded(right, verdict):
    assert verdicts(display(BITS, f"{BIASED} \\approx {right}")) == [verdict]


def test_a_chain_of_roundings_and_what_it_proves():
    text = display(BITS, f"H = {BIASED} \\approx -[0.9 \\cdot (-0.152) + 0.1 \\cdot (-3.32)] "
                   "\\approx 0.47 \\text{ bits}")
    assert verdicts(text) == ["definition", "verified", "verified"]
    assert [s.relation.value for s in steps(text)][1:] == ["approx", "approx"]


@pytest.mark.parametrize("row, verdicts_", [
    # the entropy of (1/2, 1/4, 1/4) is 1.5 bits exactly; log2 3 = 1.585 is not it
    (r"-\frac12\log_2\frac12 - \frac14\log_2\frac14 - \frac14\log_2\frac14 = 1.5 \text{ bits} "
     r"\approx 1.58", ["verified", "refuted"]),
    (r"-\frac12\log_2\frac12 - \frac14\log_2\frac14 - \frac14\log_2\frac14 = 1.5 \text{ bits} "
     r"\approx 1.50", ["verified", "error"]),       # 1.50 is 1.5: nothing rounded
    # an exact = to a rounded decimal stays an equation: never verified, and not refuted
    # while the sides differ only within a unit of the last digit (`engines.decimals`)
    (BIASED + r" = 0.469 \text{ bits}", ["undecided"]),
    (BIASED + r" = 0.47", ["undecided"]),
    (BIASED + r" = 0.49", ["refuted"]),
])
def test_exact_and_rounded_links_side_by_side(row, verdicts_):
    assert verdicts(display(BITS, row)) == verdicts_


@pytest.mark.parametrize("row, why", [
    (r"\pi \approx 3", "no decimal the left side does not"),
    (r"0.5 \approx 0.5", "no decimal the left side does not"),
    (r"\log(1 + x) \approx x", "only between numbers"),
    (r"\log(1 + x) \approx 0.69", "only between numbers"),
    (r"h \approx -[0.7 \log_2 0.7 + 0.3 \log_2 0.3]", "writes no decimal"),
    (r"-\frac{7}{10} \log_2 \frac{7}{10} \approx 0.7 \cdot 0.515", "writes no decimal"),
    (r"0.5 + \log_2 3 \approx 0.5 + 1.6 + 1.60 - 1.6", "two precisions"),
    (r"0.9 + \log_{10} 8 \approx 0.9 + 0.9", "more often than on the left"),
    # a number of a rounded decimal's value that was not written as it (√'s 1/2, an exact
    # 2, a subtraction's -1, a defined constant, the 1/2 of max's expansion) was taken as
    # rounded too, and verified these false steps (atkB r26)
    (r"1.0 \approx \sqrt{3}\cdot 0.5", "cannot tell which are rounded"),
    (r"\sin(1.4) \approx 0.5\sqrt{3}", "cannot tell which are rounded"),
    (r"4.15 \approx 2\cdot 2.0", "cannot tell which are rounded"),
    (r"2.9 \approx 4 - 1.0", "cannot tell which are rounded"),
    (r"0.6 \approx \max(0.5, \frac14)", "cannot tell which are rounded"),
])
def test_what_is_no_rounding_is_refused(row, why):
    text = display(BITS + "% derive: real x\n% derive: define h = 1\n", row)
    (step,) = [s for s in steps(text) if s.kind.value != "definition"]
    assert step.kind.value == "unreadable" and why in step.message


def test_a_defined_constant_of_a_rounded_value_is_not_taken_as_rounded():
    text = display(BITS + "% derive: define c = 0.5\n", r"0.29 \approx c \cdot 0.5")
    (step,) = [s for s in steps(text) if s.kind.value != "definition"]
    assert step.kind.value == "unreadable" and "cannot tell which are rounded" in step.message


def test_a_unit_before_the_rounding_must_be_the_files():
    (reading,) = readings(display("", r"\log 2 = 0.69314718056 \text{ bits} \approx 0.69"))
    assert "nats" in reading


@pytest.mark.parametrize("left, right, rounded", [
    ("0.9 x", "0.9 y + 0.152", [(Fraction(152, 1000), Fraction(1, 2000))]),
    ("1", "0.50", [(Fraction(1, 2), Fraction(1, 200))]),
    ("1", ".5", [(Fraction(1, 2), Fraction(1, 20))]),
    ("1", r"2.2 \times 10^{4}", [(Fraction(22, 10), Fraction(1, 20))]),
])
def test_which_numbers_are_rounded(left, right, rounded):
    assert [(d.value, d.half_unit) for d in rounded_numbers(left, right)] == rounded


def test_a_right_side_rounding_nothing_is_no_rounding():
    with pytest.raises(NotRounding):
        rounded_numbers("0.9 + 0.1", "0.1 + 0.9")


def test_a_refused_rounding_is_an_error_at_its_relation(tmp_path):
    from derive.frontend.tex_file import load_tex
    derivation = load_tex("r.tex", "% derive: real x\n$$ x + 1 \\approx 0.5 $$\n")
    (step,) = derivation.steps
    assert step.kind.value == "unreadable" and (step.location.line,
                                                step.location.column) == (2, 10)

"""Undeclared copies of a declared real letter (`x_i`, `x_1`, `x'`, `\\hat{x}`, `\\bar{x}`
written free where the file says `real x`, `positive x` or `variable x`): real numbers, as
x is — never positive or integer by x — so that a true step about them verifies and a false
one is refuted at a real counterexample, not at a complex value the author never meant."""

import pytest

from derive.engines import clock
from derive.engines.decide import decide
from probability_support import display, steps

CASES = [("\\sqrt{x_i^2}", "|x_i|", "x_i"),
         ("|x_1|^2", "x_1^2", "|x_1|"),
         ("\\log e^{x'}", "x'", "x' + 1"),
         ("\\sqrt{\\hat{x}^2}", "|\\hat{x}|", "\\hat{x}"),
         ("\\sqrt{\\bar{x}^2}", "|\\bar{x}|", "-\\bar{x}"),
         ("\\sqrt{\\tilde{x}_j^2}", "|\\tilde{x}_j|", "\\tilde{x}_j"),
         ("|x_i'|^2", "x_i'^2", "x_i'^3"),
         ("\\sqrt{x_{t+1}^4}", "x_{t+1}^2", "x_{t+1}^3")]
DECLARATIONS = ["% derive: real x\n", "% derive: variable x\n", "% derive: positive x\n",
                "% derive: real x, y\n"]


def decided(text):
    """The verdict of the file's last step."""
    return decide(steps(text)[-1], "0", clock.now() + 20.0)


def complex_values(verdict):
    """The counterexample's values that are complex (an imaginary part)."""
    return [v for _, v in verdict.counterexample.assignment if "i" in v.replace("inf", "")]


@pytest.mark.parametrize("header", DECLARATIONS)
@pytest.mark.parametrize("left, right, _", CASES)
def test_a_true_step_about_a_copy_of_a_real_letter_verifies(header, left, right, _):
    assert decided(display(header, f"{left} = {right}")).status.value == "verified"


@pytest.mark.parametrize("header", DECLARATIONS[:2])
@pytest.mark.parametrize("left, _, wrong", CASES)
def test_a_false_step_about_a_copy_is_refuted_at_a_real_value(header, left, _, wrong):
    verdict = decided(display(header, f"{left} = {wrong}"))
    assert verdict.status.value == "refuted", verdict
    assert not complex_values(verdict), verdict.counterexample


@pytest.mark.parametrize("row", [
    "\\sqrt{x_1^2} = x_1",          # x_1 = x - 3 may be negative: positivity is x's alone
    "\\log x_1^2 = 2 \\log x_1",
    "|x'| = x'",
])
def test_positivity_does_not_carry_over_to_a_copy(row):
    verdict = decided(display("% derive: positive x\n", row))
    assert verdict.status.value != "verified", verdict


def test_integrality_does_not_carry_over_to_a_copy():
    verdict = decided(display("% derive: integer n\n", "\\cos(2 \\pi n') = 1"))
    assert verdict.status.value == "refuted", verdict
    assert not complex_values(verdict)


@pytest.mark.parametrize("header", [
    "",                                     # nothing declared: complex, as before
    "% derive: real y\n",                   # another letter declared
    "% derive: density p over x\n",         # x a density's variable, z no copy of it
])
def test_a_copy_of_an_undeclared_letter_stays_complex(header):
    verdict = decided(display(header, "\\sqrt{z_i^2} = |z_i|"))
    assert verdict.status.value == "refuted", verdict
    assert complex_values(verdict), verdict.counterexample


def test_the_assumption_line_says_so():
    from derive.frontend.tex_file import load_tex
    derivation = load_tex("copies.tex", display("% derive: real x\n", "|x_1|^2 = x_1^2"))
    said = [(s, w) for s, w, _ in derivation.steps[-1].context.assumptions()]
    assert ("x_{1}", "is not declared: a real number, as x is") in said


def test_a_copy_declared_later_or_applied_keeps_today_s_reading():
    """One name, one meaning: a declaration of x_1 below its use holds from where it stands
    (as for any undeclared name: there x_1 is positive), and x' applied as a function after
    its use as a number is refused as before."""
    later = steps(display("% derive: real x\n", "|x_1|^2 = x_1^2") +
                  "% derive: positive x_1\n" + "$$ \\sqrt{x_1^2} = x_1 $$\n")
    assert decide(later[-1], "0", clock.now() + 20.0).status.value == "verified"
    applied = steps(display("% derive: real x\n", "|x'|^2 = x'^2", "x'(t) = 2 t"))
    assert applied[-1].kind == "unreadable", applied[-1]
    defined = steps(display("% derive: real x\n", "x_1 = x - 3", "\\sqrt{x_1^2} = x_1"))
    assert decide(defined[-1], "0", clock.now() + 20.0).status.value != "verified"


@pytest.mark.parametrize("header, row, expected", [
    ("% derive: real x\n", "\\sum_{i=1}^n x_i^2 \\ge 0", "verified"),
    ("% derive: real x\n", "\\sum_{i=1}^n \\sqrt{x_i^2} = \\sum_{j=1}^n |x_j|",
     "verified"),
    ("% derive: positive x\n", "\\sum_{i=1}^n \\sqrt{x_i^2} = \\sum_{i=1}^n x_i", "refuted"),
    ("% derive: real x\n", "\\sum_{i=1}^n x_i^2 \\ge 1", "refuted"),
    ("% derive: real y\n", "\\sum_{i=1}^n x_i^2 \\ge 0", "refuted"),     # x undeclared
])
def test_the_family_of_a_declared_real_letter_has_real_members(header, row, expected):
    """Under a sum over i, `x_i` of a letter declared a number is a member of the family
    x_{·}: real, as the free x_1 is, and never more (no positivity)."""
    verdict = decided(display(header, row))
    assert verdict.status.value == expected, verdict
    if expected == "refuted" and "real y" not in header:
        assert not complex_values(verdict), verdict.counterexample


@pytest.mark.parametrize("header, row, expected", [
    ("% derive: real x, y\n", "\\sqrt{x^2} = |x|", "verified"),
    ("% derive: real x, y\n", "\\sqrt{4 x^2 y^4} = 2 |x| y^2", "verified"),
    ("% derive: real x\n% derive: positive a\n", "(a^3 x^6)^{1/3} = a x^2", "verified"),
    ("% derive: real x, y\n", "\\sqrt{x^2 y^4} = x y^2", "refuted"),
    ("% derive: real x\n", "(x^2)^{1/4} = \\sqrt{x}", "refuted"),
    ("", "\\sqrt{z^2} = |z|", "refuted"),                 # complex z: no such root
])
def test_the_root_of_even_powers_of_reals(header, row, expected):
    """√ of a product of even powers of real numbers is the product of their absolute
    values' powers (the normal form's `_root_of_even_powers`); never for a complex base."""
    assert decided(display(header, row)).status.value == expected

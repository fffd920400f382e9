"""A long word of plain letters heading a chain (`Entropy(X) = …`) beside a declared
letter of the word (`real p`) names the quantity it defines (`frontend.latex.words`)."""

from __future__ import annotations

import pytest

from probability_support import display, steps, verdicts

GEOMETRIC = "% derive: real p\n% derive: assume 0 < p, p < 1\n"
SERIES = r"\sum_{k=1}^{\infty} -(1-p)^{k-1}p \log_2((1-p)^{k-1}p)"


@pytest.mark.parametrize("word", ["Entropy", "entropy", "Shannon"])
def test_a_long_word_beside_a_declared_letter_is_the_name_defined(word):
    text = display(GEOMETRIC, f"{word}(X) = {SERIES} = -\\log_2 p - \\frac{{(1-p)\\log_2(1-p)}}{{p}}")
    assert verdicts(text, budget=60) == ["definition", "verified"]


def test_a_false_closed_form_below_it_is_refuted():
    text = display(GEOMETRIC, f"Entropy(X) = {SERIES} = -\\log_2 p - \\frac{{(1-p)\\log_2(1-p)}}{{p^2}}")
    assert verdicts(text, budget=60) == ["definition", "refuted"]


@pytest.mark.parametrize("header, row", [
    ("% derive: real a\n", r"abVar(X) = 1"),                   # a·b·Var(X)?
    ("% derive: real x\n", r"xyz(t) = t"),                     # three letters: too short
    ("% derive: real a, b\n", r"abcd(x) = x"),                 # four letters: too short
    ("% derive: real a, b, c\n", r"abcxy(t) = t"),             # three of five letters known
    ("% derive: real p\n", r"plogp(x) = x"),                   # log inside it
])
def test_short_or_mixed_words_stay_refused(header, row):
    (step,) = steps(display(header, row))
    assert step.kind.value == "unreadable" and "in plain letters" in step.message


MI = "% derive: discrete x, y\n% derive: joint P over x, y\n% derive: information in bits\n"


@pytest.mark.parametrize("right, verdict", [
    (r"D(P_{XY}||P_X\otimes P_Y)", "verified"),
    (r"D(P_{XY} \| P_Y \otimes P_X)", "verified"),
    (r"D(P_X\otimes P_Y||P_{XY})", "refuted"),            # the arguments swapped
    (r"H(X) - D(P_{XY}||P_X\otimes P_Y)", "refuted"),
])
def test_the_product_law_of_the_marginals_written_with_otimes(right, verdict):
    assert verdicts(display(MI, f"I(X;Y) = {right}")) == [verdict]


@pytest.mark.parametrize("row", [
    r"I(X;Y) = D(P_{XY}||\otimes P_Y)",
    r"I(X;Y) = D(P_{XY}||P_X\otimes P_X)",
    r"I(X;Y) = H(X) \otimes H(Y)",
])
def test_otimes_anywhere_else_is_refused(row):
    (step,) = steps(display(MI, row))
    assert step.kind.value == "unreadable"


@pytest.mark.parametrize("row", [r"H_2(X) \ge 0", r"H_b(X) \ge 0", r"H_{\infty}(X) \ge 0",
                                 r"H_\alpha(X) \ge 0", r"H_0(X) \ge 0"])
def test_a_subscripted_entropy_of_a_random_variable_is_refused(row):
    """atkI: `H_2(X)` was an unknown complex-valued function of x, so the true `H_2(X) \\ge 0`
    (Shannon's in bits, or Rényi's collision entropy) was refuted. Base or order? Refused."""
    header = ("% derive: discrete x\n% derive: density q over x\n"
              "% derive: random X with density q over x\n")
    (step,) = steps(header + f"$$ {row} $$\n")
    assert step.kind == "unreadable" and "Rényi" in step.message

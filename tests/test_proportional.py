"""`A \\propto B`: A/B free of the declared variable, checked as A(v)B(v′) = A(v′)B(v)
(`frontend.proportional`)."""

from __future__ import annotations

import pytest

from probability_support import display, readings, steps, verdicts

ONE = ("% derive: variable \\mu\n% derive: positive \\sigma, M\n% derive: real \\mu_0\n")
PRIOR = r"\exp(-\frac{M}{2 \sigma^2} (\mu - \mu_0)^2)"


@pytest.mark.parametrize("right, verdict", [
    (r"\exp(-\frac{M\mu^2 - 2 M \mu_0 \mu}{2 \sigma^2})", "verified"),
    (r"3 \exp(-\frac{M\mu^2 - 2 M \mu_0 \mu}{2 \sigma^2})", "verified"),
    (r"\exp(-\frac{M\mu^2}{2 \sigma^2})", "refuted"),            # the cross term dropped
    (r"\exp(-\frac{M\mu^2 - M \mu_0 \mu}{2 \sigma^2})", "refuted"),  # its factor 2 dropped
    (r"\exp(-\frac{M\mu^2 + 2 M \mu_0 \mu}{2 \sigma^2})", "refuted"),  # its sign flipped
])
def test_a_kernel_in_the_declared_variable(right, verdict):
    assert verdicts(display(ONE, f"{PRIOR} \\propto {right}")) == [verdict]


def test_a_chain_of_proportionalities_split_across_displays():
    text = ONE + (f"$$ {PRIOR} \\propto \\exp(-\\frac{{M\\mu^2 - 2 M \\mu_0 \\mu}}"
                  "{2 \\sigma^2}) $$\n$$ \\propto \\exp(-\\frac{M\\mu^2}{2\\sigma^2}) "
                  "\\exp(\\frac{M \\mu_0 \\mu}{\\sigma^2}) $$\n"
                  "$$ \\propto \\exp(-\\frac{M\\mu^2}{2\\sigma^2}) $$\n")
    assert verdicts(text) == ["verified", "verified", "refuted"]
    assert [s.relation.value for s in steps(text)] == ["propto"] * 3


def test_the_reading_names_the_variable():
    (reading,) = readings(display(ONE, f"{PRIOR} \\propto \\exp(\\mu)"))
    assert "∝" in reading and "in \\mu" in reading


def test_a_step_naming_no_declared_variable_is_refused():
    (reading,) = readings(display(ONE, r"\sigma \propto M"))
    assert "names no declared variable" in reading


TWO = "% derive: variable y, \\mu\n% derive: positive \\tau\n"


@pytest.mark.parametrize("row, verdict", [
    # free of both y and mu: free of whichever the author meant
    (r"\exp(-\tau (y - \mu)^2) \propto 5 \exp(-\tau (y - \mu)^2)", "verified"),
    # true in y (mu fixed), false in mu: one of the two readings holds — never refuted
    (r"\exp(-0.5\tau (y-\mu)^2) \propto \exp(-0.5 \tau y^2 + \tau \mu y)", "undecided"),
    # false in both: still undecided, the variable is not stated
    (r"\exp(-0.5\tau (y-\mu)^2) \propto \exp(-0.5 \tau y^2 - \tau \mu y)", "undecided"),
])
def test_several_declared_variables_never_refute(row, verdict):
    assert verdicts(display(TWO, row)) == [verdict]


@pytest.mark.parametrize("head, verdict", [
    # y undeclared: true in y, false in the declared mu — it may be the variable meant
    ("% derive: variable \\mu\n", "undecided"),
    # y declared a fixed real number: the step is about mu, and false in it
    ("% derive: variable \\mu\n% derive: real y\n", "refuted"),
])
def test_an_undeclared_letter_beside_the_variable_never_refutes(head, verdict):
    row = r"e^{-(y-\mu)^2/2} \propto e^{-y^2/2 + y\mu}"
    assert verdicts(display(head, row)) == [verdict]


def test_a_proportionality_is_no_premise():
    """What a ∝ chain proves is not an equation: a row following from it (`\\implies`) is
    claimed without it."""
    text = ONE + (f"$$ {PRIOR} \\propto \\exp(\\frac{{M \\mu_0 \\mu}}{{\\sigma^2}} "
                  "- \\frac{M \\mu^2}{2 \\sigma^2}) $$\n"
                  "$$ \\implies \\mu_0 = 2 \\mu_0 $$\n")
    assert verdicts(text)[1] != "verified"


@pytest.mark.parametrize("row", [
    r"a \propto \mu \Rightarrow a = \mu",                       # never a hypothesis
    r"f = \begin{cases} 1 & a \propto \mu \\ 0 & a > 0 \end{cases}",   # nor a case's condition
])
def test_a_proportionality_is_read_as_a_step_only(row):
    text = display("% derive: variable \\mu\n% derive: real a\n", row)
    assert [s.kind.value for s in steps(text)] == ["unreadable"]

"""Sums and products over discrete variables and finite sets, pinned: readings, and the
verdicts both engines give (true rows verified, their look-alikes never)."""

import time

import pytest

from derive.engines.decide import decide
from probability_support import display, readings, steps, verdicts

SETS = ("% derive: discrete x in \\mathcal{X}, y in \\mathcal{Y}\n"
        "% derive: density p, q\n")


@pytest.mark.parametrize("row, expected", [
    (r"\sum_{x \in \mathcal{X}} p(x) = 1", "Σ_{x} p(x) = 1"),
    (r"\sum_{x} 1 = |\mathcal{X}|", "Σ_{x} 1 = |𝒳|"),
    (r"\sum\limits_{x,y} p(x) q(y) = 1", "Σ_{x} Σ_{y} p(x) · q(y) = 1"),
    (r"\left\lceil \log 3 \right\rceil = 2", "ceil(log(3)) = 2"),
])
def test_readings(row, expected):
    assert readings(display(SETS, row)) == [expected]


@pytest.mark.parametrize("row, message", [
    (r"\sum_{x \in \mathcal{Y}} p(x) = 1", "ranges over \\mathcal{X}, not \\mathcal{Y}"),
    (r"\sum_{z \in \mathcal{X}} 1 = 1", "declare what z is"),
    (r"\sum_{x \in \mathcal{Z}} 1 = 1", "not a declared set"),
    (r"\log |\mathcal{Z}| = 1", "not a declared set"),
    (r"\lceil x \rfloor = 1", "closes with"),
])
def test_refusals(row, message):
    (text,) = readings(display(SETS, row))
    assert message in text


def test_a_sum_over_a_continuous_variable_is_refused():
    (text,) = readings(display("% derive: variable x\n% derive: density p\n", r"\sum_x p(x) = 1"))
    assert "continuous variable" in text


@pytest.mark.parametrize("row", [
    r"\sum_{x \in \mathcal{X}} p(x) = 1",
    r"\sum_{x} 1 = |\mathcal{X}|",
    r"\sum_{x,y} p(x) q(y) = 1",
    r"\sum_{x} p(x) \log \frac{p(x)}{q(x)} = D(p \| q)",
    r"\sum_{i=1}^{3} i = 6",
    r"\prod_{i=1}^{3} i = 6",
    r"\log \frac{1}{|\mathcal{X}|} = -\log |\mathcal{X}|",
    r"\sum_{x} p(x) \left\lceil \log \frac{1}{q(x)} \right\rceil < \sum_x p(x) \left( \log \frac{1}{q(x)} + 1 \right)",
    r"\sum_{x} p(x) \left\lfloor \log \frac{1}{q(x)} \right\rfloor > \sum_x p(x) \log \frac{1}{q(x)} - 1",
])
def test_true_rows_are_verified(row):
    assert verdicts(display(SETS, row)) == ["verified"]


@pytest.mark.parametrize("row", [
    r"\sum_{x} 1 = |\mathcal{Y}|",                       # another set
    r"\sum_{y} p(x) = 1",                                 # summed over the wrong variable
    r"\sum_{x} p(x) \left\lfloor \log \frac{1}{q(x)} \right\rfloor = \sum_x p(x) \left\lceil \log \frac{1}{q(x)} \right\rceil",
    r"\sum_{x} p(x) \left\lfloor \log \frac{1}{q(x)} \right\rfloor \ge \sum_x p(x) \log \frac{1}{q(x)}",
    r"\sum_{x} q(x) \log \frac{p(x)}{q(x)} = D(p \| q)",
])
def test_look_alikes_are_refuted(row):
    assert verdicts(display(SETS, row)) == ["refuted"]


def test_sums_over_ranges_of_unknown_size_are_not_identified():
    header = "% derive: discrete x, y\n"
    assert verdicts(display(header, r"\sum_{x} 1 = \sum_{y} 1")) != ["verified"]


# ---------------------------------------------------------------- ranges that may be empty
# Σ_{i=a}^{b} is empty (0; Π is 1) when b < a: a closed form (Faulhaber, (b − a + 1)·c)
# holds only when b ≥ a − 1 is shown, and the numeric engine draws the bounds' integer
# symbols at the edge of the range too, however far a constant shifts it.
BOUNDS = "% derive: integer n, k\n% derive: natural m, r\n"


@pytest.mark.parametrize("row", [
    r"\sum_{i=1}^{n + 5} 1 = n + 5",
    r"\sum_{i=1}^{n + 10} 1 = n + 10",
    r"\sum_{i=m}^{6} 1 = 7 - m",
    r"\sum_{i=1}^{n+5} i = \frac{(n+5)(n+6)}{2}",
    r"\sum_{i=0}^{n+100} i^2 = \frac{(n+100)(n+101)(2n+201)}{6}",
    r"\sum_{i=m}^{r+10} 1 = r - m + 11",
    r"\sum_{i=k}^{n} 1 = n - k + 1",
    r"\sum_{i=1}^{n} 1 = n",
    r"\sum_{i=1}^{2n} 1 = 2n",
    r"\sum_{i=1}^{n^2-1} 1 = n^2-1",
    r"\prod_{i=1}^{n+10} 2 = 2^{n+10}",
    r"\sum_{j=1}^{m} \sum_{i=j+2}^{m} 1 = \frac{m(m-3)}{2}",
])
def test_closed_forms_that_ignore_an_empty_range_are_refuted(row):
    assert verdicts(display(BOUNDS, row)) == ["refuted"]


@pytest.mark.parametrize("row", [
    r"\sum_{i=1}^{m+5} 1 = m + 5",
    r"\sum_{i=2}^{m} 1 = m - 1",
    r"\sum_{i=n}^{n+5} i = 6n + 15",
    r"\sum_{i=-m}^{m} 1 = 2m + 1",
    r"\sum_{i=1}^{n^2} 1 = n^2",
    r"\sum_{i=1}^{m r} i = \frac{m r (m r + 1)}{2}",
    r"\sum_{j=1}^{m} \sum_{i=1}^{j} i = \frac{m(m+1)(m+2)}{6}",
    r"\sum_{j=1}^{m} \sum_{i=j+1}^{m} 1 = \frac{m(m-1)}{2}",
])
def test_closed_forms_over_ranges_shown_not_to_run_backwards_are_verified(row):
    assert verdicts(display(BOUNDS, row)) == ["verified"]


def test_a_true_sum_whose_inner_range_may_run_backwards_is_not_refuted():
    row = r"\sum_{j=1}^{m} \sum_{i=j+2}^{m} 1 = \frac{(m-1)(m-2)}{2}"
    assert verdicts(display(BOUNDS, row)) == ["undecided"]


def test_a_sum_in_a_definition_is_drawn_at_the_edge_of_its_range():
    header = BOUNDS + "% derive: define S(t) = \\sum_{i=1}^{t} 1\n"
    assert verdicts(display(header, "S(n + 7) = n + 7", "S(m + 7) = m + 7")) == \
        ["refuted", "verified"]


def test_edge_values_stay_in_the_declared_domain():
    (step,) = steps(display(BOUNDS, r"\sum_{i=m}^{12} 1 = 13 - m"))
    verdict = decide(step, "0", time.monotonic() + 20)
    assert verdict.status.value == "refuted"
    values = dict(verdict.counterexample.assignment)
    assert int(values["m"]) >= 14                          # a natural past the upper bound

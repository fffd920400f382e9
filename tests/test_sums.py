"""Sums and products over discrete variables and finite sets, pinned: readings, and the
verdicts both engines give (true rows verified, their look-alikes never)."""

import pytest

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


@pytest.mark.parametrize("row", [r"\sum_{i=1}^{p} 1 = 1", r"\sum_{i=p(2)}^{3} 1 = 1",
                                 r"\prod_{i=1}^{p(x)} 2 = 1"])
def test_a_density_is_never_a_sums_bound(row):
    (message,) = readings(display("% derive: discrete x\n% derive: density p\n", row))
    assert "bounds are numbers" in message


@pytest.mark.parametrize("directive", [
    r"discrete x in \mathcal{X}, x in \mathcal{Y}", "joint p over x, x", "density p over x, x",
    "positive a_i for i = 1..n, j = 1..m", "real a_i for i",
])
def test_contradictory_directives_are_errors(directive):
    with pytest.raises(Exception, match="listed twice|one index"):
        steps(f"% derive: {directive}\n$$ 1 = 1 $$\n")

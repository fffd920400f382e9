"""Families with two indices where one is fixed (a layer's weights w_{ij} for the one output
i, j running over the inputs: Xavier/Glorot, He, LeCun initialisation notes) and variances
given by `assume`: `random w_{ij}, x_j for j = 1..n, iid`, `assume \\mathrm{Var}[w_{ij}] =
\\sigma^2`. True variants verify, one-edit false ones are refuted, and what derive cannot
read soundly (another row or column, the fixed letter bound, higher moments beside an
assumed variance, a variance not shown ≥ 0) is refused at its position."""

import pytest

from derive.frontend.errors import InputError
from probability_support import display, readings, verdicts

LAYER = ("% derive: expectation E\n% derive: natural n\n"
         "% derive: random w_{ij}, x_j for j = 1..n, iid\n"
         "% derive: assume E[w_{ij}] = 0, E[x_j] = 0\n"
         "% derive: assume \\mathrm{Var}[w_{ij}] = \\sigma^2, \\mathrm{Var}[x_j] = \\gamma^2\n")
OUTPUT = r"o_i = \sum_{j=1}^{n} w_{ij} x_j"
COMMA = LAYER.replace("w_{ij}", "w_{i,j}")
CAPITAL = ("% derive: natural m\n% derive: random W_{kl}, X_l for l = 1..m, "
           "i.i.d.\n% derive: assume \\mathbb{E}[W_{kl}] = 0\n"
           "% derive: assume \\operatorname{Var}(W_{kl}) = 2/m\n")


@pytest.mark.parametrize("header, row", [
    (LAYER, r"E[o_i] = \sum_{j=1}^{n} E[w_{ij}] E[x_j]"),
    (LAYER, r"E[o_i] = 0"),
    (LAYER, r"\mathrm{Var}[o_i] = \sum_{j=1}^{n} E[w^2_{ij} x^2_j] - 0"),
    (LAYER, r"\mathrm{Var}[o_i] = \sum_{j=1}^{n} E[x^2_j] E[w^2_{ij}]"),
    (LAYER, r"\mathrm{Var}[o_i] = n \sigma^2 \gamma^2"),
    (LAYER, r"E[o_i^2] = n \sigma^2 \gamma^2"),
    (COMMA, r"\mathrm{Var}[o_i] = n \sigma^2 \gamma^2"),
    (LAYER, r"E[w_{ij} w_{ik}] = \delta_{jk} \sigma^2"),
    (LAYER, r"E[w_{i1}^2] = \sigma^2"),
])
def test_a_layer_output_reads(header, row):
    assert verdicts(display(header, OUTPUT, row))[1:] == ["verified"]


@pytest.mark.parametrize("header, row", [
    (LAYER, r"\mathrm{Var}[o_i] = n^2 \sigma^2 \gamma^2"),
    (LAYER, r"\mathrm{Var}[o_i] = n \sigma \gamma^2"),           # the square dropped
    (LAYER, r"\mathrm{Var}[o_i] = \sum_{j=1}^{n} E[w_{ij}] E[x^2_j]"),
    (LAYER, r"\mathrm{Var}[o_i] = \sum_{j=1}^{n} E[w_{ij} x_j]"),
    (LAYER, r"E[w_{ij} w_{ik}] = E[w_{ij}] E[w_{ik}]"),          # false at j = k
    (LAYER, r"E[o_i] = 1"),
])
def test_one_edit_false_variants_are_refuted(header, row):
    assert verdicts(display(header, OUTPUT, row))[1:] == ["refuted"]


def test_another_author_capitals_and_a_he_variance():
    out = r"y_k = \sum_{l=1}^{m} W_{kl} X_l"
    assert verdicts(display(CAPITAL, out, r"\operatorname{Var}(y_k) = 2\mathbb{E}[X_1^2]")) \
        == ["definition", "verified"]
    assert verdicts(display(CAPITAL, out, r"\operatorname{Var}(y_k) = 2\operatorname{Var}"
                                          r"(X_1)")) == ["definition", "refuted"]


@pytest.mark.parametrize("row, message", [
    (r"E[w_{ji}] = 0", "no other row or column"),
    (r"E[w_{kj}] = 0", "no other row or column"),
    (r"E[w_{1j}] = 0", "no other row or column"),
    (r"E[w_j] = 0", "no other row or column"),
    (r"E\left[\sum_{i=1}^{3} w_{ij}\right] = 0", "one fixed row i"),
    (r"E[o_1] = 0", "one index"),
    (r"\sum_{i=1}^{3} E[o_i] = 0", "index"),
    (r"E[w_{ij}^3] = 0", "order 1 and 2"),
])
def test_what_cannot_be_read_soundly_is_refused(row, message):
    assert message in readings(display(LAYER, OUTPUT, row))[-1]


def test_separate_directives_are_not_independent():
    header = LAYER.replace("random w_{ij}, x_j for j = 1..n, iid",
                          "random w_{ij} for j = 1..n, iid\n% derive: random x_j for j = 1..n, "
                          "iid")
    assert "different directives" in readings(display(
        header, r"E[w_{ij} x_j] = E[w_{ij}] E[x_j]"))[0]


@pytest.mark.parametrize("directive, message", [
    ("random w_{ji}, x_j for j = 1..n, iid", "not indexed by j"),
    ("random w_{jj}, x_j for j = 1..n, iid", "not indexed by j"),
    ("real i\n% derive: random w_{ij}, x_j for j = 1..n, iid", "fixed index i"),
    ("random w_{ij}, x_j for j = 1..n, iid\n% derive: assume \\mathrm{Var}[w_{ij}] = a - b",
     "cannot show"),
    ("random w_{ij}, x_j for j = 1..n, iid\n% derive: assume \\mathrm{Var}[w_{ij}] = 1, "
     "\\mathrm{Var}[w_{i1}] = 2", "assumed above"),
])
def test_directives_refused(directive, message):
    with pytest.raises(InputError, match=message):
        readings(display(f"% derive: natural n\n% derive: {directive}\n", r"1 = 1"))


def test_a_variance_without_a_mean_keeps_the_mean_unknown():
    header = "% derive: random W, X independent\n% derive: assume Var(W) = s^2\n"
    assert verdicts(display(header, r"\mathbb{E}[W^2] = s^2 + \mathbb{E}[W]^2")) == ["verified"]
    assert verdicts(display(header, r"\mathbb{E}[W^2] = s^2")) == ["refuted"]
    assert verdicts(display(header, r"Var(W + X) = s^2 + Var(X)")) == ["verified"]


def test_a_define_at_the_fixed_row_names_the_output_there():
    header = LAYER + "% derive: define o_i = \\sum_{j=1}^n w_{ij} x_j\n"
    assert verdicts(display(header, r"\mathrm{Var}[o_i] = n \sigma^2 \gamma^2")) == ["verified"]
    assert verdicts(display(header, r"\mathrm{Var}[o_i] = \sigma^2 \gamma^2")) == ["refuted"]
    assert "one name" in readings(display(header, r"E[o_2] = 0"))[0]

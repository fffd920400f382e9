"""Densities of a law the file never declares, written with a bar — a diffusion model's
forward chain q(x_t | x_{t-1}) and reverse chain p_θ(x_{t-1} | x_t), as Ho et al. (2020),
Sohl-Dickstein et al. (2015) and Luo's tutorial write them (`frontend.latex.unmodelled_laws`).

Each shape of such a law is an unknown positive function of its values: log algebra that holds
for any positive values is proved; a counterexample refutes nothing, since the law's
conditionals owe each other Bayes' rule and a Markov property that derive does not know."""

from __future__ import annotations

import pytest

from probability_support import display, steps, verdicts

HEADER = "% derive: natural T\n% derive: variable x_0, x_1, x_T\n"


@pytest.mark.parametrize("row", [
    # the final term of the DDPM ELBO (Ho et al. 2020, eq. 21), `|` and `\mid`, `\vert`
    r"- \log \frac{p_\theta(x_0 | x_1)}{q(x_1 | x_0)} = \log q(x_1 | x_0) - \log p_\theta(x_0 | x_1)",
    r"- \log \frac{p_\theta(x_0 \mid x_1)}{q(x_1 \mid x_0)} = - \log p_\theta(x_0 \mid x_1) + \log q(x_1 \mid x_0)",
    r"\log \frac{q(x_T \vert x_0)}{q(x_1 \vert x_0)} = \log {q(x_T \vert x_0)} - \log {q(x_1 \vert x_0)}",
    # a conditional given two values (Bayes' posterior of the forward chain) and a marginal
    r"\log \frac{q(x_1 \mid x_T, x_0)}{p_\theta(x_1 \mid x_T)} = -\log \frac{p_\theta(x_1 \mid x_T)}{q(x_1 \mid x_T, x_0)}",
    r"\log q(x_T \mid x_0) - \log q(x_T) = \log \frac{q(x_T \mid x_0)}{q(x_T)}",
    r"q(x_T \mid x_0) \frac{q(x_1 \mid x_0)}{q(x_T \mid x_0)} = q(x_1 \mid x_0)",
])
def test_log_algebra_of_an_undeclared_laws_densities_is_proved(row):
    assert verdicts(display(HEADER, row)) == ["verified"]


@pytest.mark.parametrize("row", [
    # a sign lost, a ratio turned over, two conditionals of q taken as one
    r"- \log \frac{p_\theta(x_0 | x_1)}{q(x_1 | x_0)} = \log q(x_1 | x_0) + \log p_\theta(x_0 | x_1)",
    r"\log \frac{q(x_T | x_0)}{q(x_1 | x_0)} = \log q(x_1 | x_0) - \log q(x_T | x_0)",
    r"q(x_1 \mid x_0, x_T) = q(x_1 \mid x_0)",
])
def test_a_false_step_is_never_proved(row):
    assert verdicts(display(HEADER, row)) == ["undecided"]


@pytest.mark.parametrize("row", [
    # true of every joint law (Bayes' rule), false of unrelated positive functions
    r"q(x_1 \mid x_0) = \frac{q(x_0 \mid x_1) q(x_1)}{q(x_0)}",
    # true of a Markov chain, false of unrelated positive functions
    r"q(x_T \mid x_1, x_0) = q(x_T \mid x_1)",
])
def test_a_step_resting_on_the_laws_structure_is_never_refuted(row):
    (step,) = steps(display(HEADER, row))
    from derive.engines import clock
    from derive.engines.decide import decide
    verdict = decide(step, "0", clock.now() + 20)
    assert verdict.status.value == "undecided"
    assert "a law the file does not declare" in verdict.detail


@pytest.mark.parametrize("row, message", [
    (r"q(2 x_1 \mid x_0) + q(x_1 \mid x_0) = 1", "at declared variables only"),
    (r"q(x_1 \mid x_0 \mid x_T) + 1 = 1", "one bar"),
    (r"\sum_{k=1}^{2} q(x_1 \mid k) = 1", "at declared variables only"),
    (r"q(x_1 = 1 \mid x_0) + 1 = 1", "only of a declared law when it writes an event"),
    (r"q(x_1) + q(x_1 \mid x_0) = 1", "one name, one meaning"),
])
def test_what_has_no_one_reading_is_refused_at_its_position(row, message):
    (step,) = steps(display(HEADER, row))
    assert step.message is not None and message in step.message


DISCRETE = "% derive: discrete a, b, c\n"


@pytest.mark.parametrize("header, row", [
    # a bound variable renamed into another of the law's variables: another density (atkD)
    (DISCRETE, r"\sum_a a \, q(a \mid c) = \sum_b b \, q(b \mid c)"),
    (DISCRETE, r"\sum_a \sum_c a \, q(a \mid c) \, q(c) = \sum_a \sum_c c \, q(c \mid a) \, q(a)"),
    ("% derive: variable x_1, x_2, y\n",
     r"\int x_1 \, q(x_1 \mid y) \, dx_1 = \int x_2 \, q(x_2 \mid y) \, dx_2"),
    ("% derive: variable x_0, x_1\n",
     r"\int \int \log \frac{q(x_1 \mid x_0)}{q(x_0 \mid x_1)} \, q(x_1 \mid x_0) \, "
     r"q(x_0 \mid x_1) \, dx_0 \, dx_1 = 0"),
])
def test_each_density_is_its_own_function_of_the_variables_it_is_written_at(header, row):
    assert verdicts(display(header, row)) == ["undecided"]


def test_a_density_at_a_bound_copy_of_its_variable_is_the_same_function():
    row = r"\int q(x_1 \mid x_0) \, dx_1 = \int q(x_1 \mid x_0) \, dx_1 + 0"
    assert verdicts(display(HEADER, row)) == ["verified"]


@pytest.mark.parametrize("row", [
    # atkE round 29: the marginals without a bar were one function under an integral
    r"\int_0^1 q(x_1) \, dx_1 = \int_0^1 q(x_0) \, dx_0",
    r"\int_0^1 q(x_1) \log q(x_1) \, dx_1 = \int_0^1 q(x_0) \log q(x_0) \, dx_0",
])
def test_each_marginal_is_its_own_function_of_its_variable(row):
    text = display(HEADER, r"q(x_1 \mid x_0) = q(x_1 \mid x_0)", row)
    assert verdicts(text) == ["verified", "undecided"]

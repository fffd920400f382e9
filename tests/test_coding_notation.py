"""Cover & Thomas's coding chapter, pinned: a bound on whole numbers derive cannot build in
(Kraft's Σ D^{-l_i} ≤ 1) leaves a proof standing only beside a drawn instance shown to meet
it; members of a family and values of a function at named points pinned by `assume`; D(p||r)
beside a natural D."""

import pytest

from derive.engines import clock
from derive.engines.decide import decide
from probability_support import display, steps, verdicts

KRAFT = ("% derive: natural m, D\n% derive: assume D \\ge 2\n"
         "% derive: natural l_i for i = 1..m\n")


def test_a_step_that_does_not_need_kraft_is_proved_beside_it():
    """`\\sum_{i=1}^m D^{-l_i} \\le 1` is no bound on one symbol: left out, a proof counts
    once a drawn instance inside the ranges is shown to meet it (the hypotheses hold
    somewhere, so the proof is not vacuous); a false step is never verified."""
    header = KRAFT + "% derive: assume \\sum_{i=1}^m D^{-l_i} \\le 1\n"
    assert verdicts(display(header, r"\log_D D^{-l_1} = -l_1", r"\log_D D^{-l_1} = l_1")) \
        == ["verified", "undecided"]


def test_a_bound_on_whole_numbers_no_draw_meets_leaves_no_verdict():
    """Each D^{-l_i} ≤ 1/2, so Σ_{i=1}^m D^{-l_i} > m holds nowhere: the numbers agree only
    off the claimed instances — undecided, never a vacuous verification."""
    header = KRAFT + "% derive: assume \\sum_{i=1}^m D^{-l_i} > m\n"
    (step,) = steps(display(header, r"\log_D D^{-l_1} = -l_1"))
    verdict = decide(step, "0", clock.now() + 20)
    assert verdict.status.value == "undecided"
    assert "whole number" in verdict.detail


C_AND_T = ("% derive: natural D, m\n% derive: assume D \\ge 2\n"
           "% derive: positive p_i, r_i for i = 1..m\n"
           "% derive: assume \\sum_{i=1}^m p_i = 1, \\sum_{i=1}^m r_i = 1\n")


@pytest.mark.parametrize("bar", ["||", r"\|", r"\parallel", r"\Vert"])
def test_a_divergence_beside_a_number_of_its_letter(bar):
    """Cover & Thomas write D for the alphabet size and D(p‖r) for the relative entropy in
    one proof: a bracket holding a double bar between two laws after the number D is the
    divergence (no product has a bar between two laws); the arguments swapped are refuted,
    and D stays the number elsewhere."""
    rows = [rf"\sum_i p_i \log \frac{{p_i}}{{r_i}} = D(p {bar} r)",
            rf"\sum_i p_i \log \frac{{p_i}}{{r_i}} = D(r {bar} p)",
            r"D \cdot (p_1 + r_1) = D p_1 + D r_1", r"D \cdot (p_1 + r_1) = D p_1 + r_1"]
    assert verdicts(display(C_AND_T, *rows)) == ["verified", "refuted", "verified", "refuted"]


@pytest.mark.parametrize("row", [
    r"D(p, r) = D(p, r)",         # a comma: not the divergence's bar
    r"D(p_1 \| r_1) = 0",         # a bar between two numbers: no laws
])
def test_the_number_d_before_other_brackets_stays_refused(row):
    assert verdicts(display(C_AND_T, row)) == ["error"]


def test_a_divergence_beside_logarithms_to_its_letters_base_is_refused():
    """With `\\log_D` in the file, D(p‖r) may be in base D (C&T's D-ary codes) or in nats:
    refused at the bracket, never read in nats and refuted."""
    (step,) = steps(display(C_AND_T, r"\sum_i p_i \log_D \frac{p_i}{r_i} = D(p || r)"))
    assert step.message is not None and "base D" in step.message

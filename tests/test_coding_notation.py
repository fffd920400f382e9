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

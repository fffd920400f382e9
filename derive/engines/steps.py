"""Decide one step: numeric first (cheap, and the only source of counterexamples), then a
symbolic proof. Runs inside the budgeted child; streams each finding to the parent so
that a step cut off by its budget still reports what was found before.

Verdicts, and only these:
* `refuted`  — the numeric engine found a confirmed counterexample;
* `verified` — the symbolic engine proved it *and* the numeric engine found no
  disagreement (a disagreement means one of them is wrong: the step is `undecided`);
* `undecided` — anything else, with what was tried.
"""

from __future__ import annotations

from derive.engines import numeric, symbolic
from derive.engines.prepare import prepare
from derive.model import REFUTED, UNDECIDED, VERIFIED, Verdict


def decide(report, step, context, seed):
    """Report `Verdict`s for `step`, the last one reported being the final word."""
    lhs, rhs = prepare(step.lhs), prepare(step.rhs)
    comparison = numeric.compare(lhs, rhs, context, f"{seed}:{step.index}", step.relation)
    if comparison.counterexample is not None:
        report(Verdict(REFUTED, "numeric", _refutation(step, comparison),
                       counterexample=comparison.counterexample))
        return
    numeric_note = _numeric_note(comparison)
    report(Verdict(UNDECIDED, "numeric", numeric_note + "; the symbolic proof did not finish"))
    if step.relation != "=":
        report(Verdict(UNDECIDED, "numeric", numeric_note + "; derive does not prove "
                       f"'{step.relation}' steps yet"))
        return
    proof = symbolic.prove_equal(lhs, rhs, context)
    if proof.proved:
        report(Verdict(VERIFIED, proof.method, f"{proof.detail}; {numeric_note}"))
    else:
        report(Verdict(UNDECIDED, proof.method, f"no proof: {proof.detail}; {numeric_note}"))


def _numeric_note(comparison):
    if comparison.evaluated == 0:
        return "no numeric check: " + (comparison.note or "no instance could be evaluated")
    return (f"numerically equal on {comparison.evaluated} random instances "
            f"(largest relative difference {comparison.largest_difference})")


def _refutation(step, comparison):
    c = comparison.counterexample
    return (f"the two sides differ: left {c.lhs_value}, right {c.rhs_value} "
            f"(difference {c.difference})")

"""Decide one step.

For equalities and inequalities of a chain:

1. **numeric** (in-process, under the step's deadline): evaluate both sides as written on
   seeded random instances — the only source of counterexamples;
2. **normal form** (in-process, bounded): the exact normal form of `normal_form`;
3. **in a budgeted child**, only when 1 and 2 reach no conclusion: for an equality, SymPy
   (operators expanded, the canonical form of `symbolic`, then `simplify`); for an
   inequality, the lemmas and pointwise prover of `bounds`.

Claims (limits, optimisers, optimisation equivalences) go straight to their engines in
`claims`, in a budgeted child.

Verdicts, and only these:
* `refuted`  — the numeric engine found a confirmed counterexample;
* `verified` — a symbolic engine proved it and the numeric engine found no disagreement;
* `undecided` — anything else, saying what was tried.
"""

from __future__ import annotations

import time

from derive.engines import normal_form, numeric
from derive.model import CLAIM_KINDS, REFUTED, UNDECIDED, VERIFIED, Verdict

NORMAL_FORM_DETAIL = ("both sides reduce to one normal form: logs split under positivity, "
                      "integrals combined per variable, normalisation applied")


def decide_fast(step, context, seed, budget):
    """(final `Verdict`, None) — or (None, note) when the child engines must decide."""
    if step.kind in CLAIM_KINDS:
        return None, ""
    deadline = time.monotonic() + budget
    proved = False
    if step.relation == "=":
        try:
            proved = normal_form.prove_equal(step.lhs, step.rhs, context, deadline)
        except normal_form.Unsupported:
            proved = False
    try:
        # a proved step gets a fast second opinion; an open one a precise search
        comparison = numeric.compare(step.lhs, step.rhs, context, f"{seed}:{step.index}",
                                     step.relation, deadline, precise=not proved)
    except numeric.OutOfTime:
        return Verdict(UNDECIDED, "budget", f"time budget of {budget:g} s ran out during the "
                       "numeric check"), None
    if comparison.counterexample is not None:
        c = comparison.counterexample
        warning = (" — the normal form had claimed a proof; the confirmed counterexample "
                   "overrides it (this is a bug in derive, please report it)") if proved else ""
        return Verdict(REFUTED, "numeric", f"the two sides differ: left {c.lhs_value}, right "
                       f"{c.rhs_value} (difference {c.difference}){warning}",
                       counterexample=c), None
    note = _numeric_note(comparison, proved, step.relation)
    if proved:
        return Verdict(VERIFIED, "normal form", f"{NORMAL_FORM_DETAIL}; {note}"), None
    return None, note


def decide_in_child(report, step, context, seed, note):
    """Everything the fast path left open, by kind; run in a budgeted child."""
    if step.kind == "equality":
        return decide_sympy(report, step, context, note)
    if step.kind == "relation":
        from derive.engines.bounds import decide_bound
        return decide_bound(report, step, context, note)
    from derive.engines import claims
    decider = {"limit": claims.decide_limit, "optimiser": claims.decide_optimiser,
               "optimisation": claims.decide_optimisation}[step.kind]
    return decider(report, step, context, seed)


def decide_sympy(report, step, context, note):
    """The fallback, run in a budgeted child: report interim and final `Verdict`s."""
    from derive.engines import symbolic          # only steps the normal form leaves open
    from derive.engines.prepare import prepare
    report(Verdict(UNDECIDED, "sympy", f"normal form inconclusive; {note}; the SymPy proof "
                   "did not finish"))
    proof = symbolic.prove_equal(prepare(step.lhs), prepare(step.rhs), context)
    if proof.proved:
        report(Verdict(VERIFIED, proof.method, f"{proof.detail}; {note}"))
    else:
        report(Verdict(UNDECIDED, f"normal form, {proof.method}",
                       f"no proof: normal form inconclusive, {proof.detail}; {note}"))


def _numeric_note(comparison, fast=False, relation="="):
    if comparison.evaluated == 0:
        return "no numeric check: " + (comparison.note or "no instance could be evaluated")
    precision = "in double precision" if fast else f"at {numeric.WORK_DPS} digits"
    if relation != "=":
        return f"holds on {comparison.evaluated} random instances {precision}"
    return (f"numerically equal on {comparison.evaluated} random instances {precision} "
            f"(largest relative difference {comparison.largest_difference})")

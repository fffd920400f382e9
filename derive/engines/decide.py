"""The engines' one entry point: decide one step under one deadline.

The checker runs `decide_step` as a task in a worker process (`workers.Pool`), which
kills it `grace` seconds past its budget; so every engine the step needs — the numeric
check, the normal form, SymPy, the lemmas, the claims' engines — counts against the same
budget, and no stage starts a fresh one. The checker knows nothing else about the
engines: whatever happens here reaches it as the reported `Verdict`s (the last one
counts, also when the task is killed). Workers are forked after the checker has imported
this module, so whatever it imports at the top is loaded once, in the parent.
"""

from __future__ import annotations

from derive.engines.steps import decide_fast, decide_in_child
from derive.model import DEFINITION, Verdict


def decide_step(report, step, context, seed, budget):
    """Report `Verdict`s for `step` (interim ones first, the final one last)."""
    if step.kind == "definition":
        report(Verdict(DEFINITION, "definition", f"defines {step.lhs_latex}"))
        return
    verdict, note = decide_fast(step, context, seed, budget)
    if verdict is not None:
        report(verdict)
        return
    decide_in_child(report, step, context, seed, note)


"""Check a `Derivation`: every step through the engines, each under its own time budget."""

from __future__ import annotations

import time
from dataclasses import dataclass

from derive.engines.budget import run_with_budget
from derive.engines.steps import decide
from derive.model import DEFINITION, UNDECIDED, Result, StepResult, Verdict


@dataclass(frozen=True)
class Options:
    """How to check: seconds per step, the seed of the numeric draws."""

    budget: float = 5.0
    seed: int = 0


def check(derivation, options=Options(), on_step=None):
    """The `Result` of checking `derivation`; `on_step(StepResult)` is called as each ends."""
    results = []
    for step in derivation.steps:
        result = StepResult(step, check_step(step, derivation.context, options))
        results.append(result)
        if on_step is not None:
            on_step(result)
    return Result(derivation, tuple(results))


def check_step(step, context, options):
    if step.kind == "definition":
        return Verdict(DEFINITION, "definition", f"defines {step.lhs_latex}")
    started = time.perf_counter()
    outcome = run_with_budget(decide, options.budget, step, context, options.seed)
    seconds = time.perf_counter() - started
    last = outcome.reports[-1] if outcome.reports else None
    if outcome.timed_out:
        found = f"; before that: {last.detail}" if last else ""
        return Verdict(UNDECIDED, "budget", f"time budget of {options.budget:g} s ran out{found}",
                       seconds)
    if outcome.error:
        return Verdict(UNDECIDED, "error", f"the engines could not handle this step: "
                       f"{outcome.error}", seconds)
    return Verdict(last.status, last.method, last.detail, seconds, last.counterexample)

"""Check a `Derivation`: every step through the engines, each within its time budget."""

from __future__ import annotations

import os
from dataclasses import dataclass

from derive.engines.decide import decide_step
from derive.model.derivation import Result, StepResult


@dataclass(frozen=True)
class Options:
    """How to check: seconds per step, the seed of the numeric draws, parallel workers."""

    budget: float = 5.0
    seed: int = 0
    jobs: int = os.cpu_count() or 1


def check(derivation, options=Options(), on_step=None):
    """The `Result` of checking `derivation`; `on_step(StepResult)` is called as each ends."""
    results = []
    for step in derivation.steps:
        reports = []
        decide_step(reports.append, step, step.context, options.seed, options.budget)
        result = StepResult(step, reports[-1])
        results.append(result)
        if on_step is not None:
            on_step(result)
    return Result(derivation, tuple(results))

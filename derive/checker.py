"""Check a `Derivation`: every step through the engines, each within its time budget.

The numeric check and the normal form run in-process: they are bounded (term counts,
exponent sizes, a deadline) and need no SymPy evaluation. Steps they leave open go to the
SymPy engine in forked children, `jobs` at a time, each killed at its budget. Results come
back in step order whatever order they end in.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, replace

from derive.engines.steps import decide_fast, decide_in_child
from derive.model import DEFINITION, UNDECIDED, Result, StepResult, Verdict


@dataclass(frozen=True)
class Options:
    """How to check: seconds per step, the seed of the numeric draws, parallel children."""

    budget: float = 5.0
    seed: int = 0
    jobs: int = os.cpu_count() or 1


def check(derivation, options=Options(), on_step=None):
    """The `Result` of checking `derivation`; `on_step(StepResult)` is called as each ends."""
    steps = derivation.steps
    verdicts = [None] * len(steps)
    fallback = []                       # (step index, seconds so far, numeric note)

    def finish(i, verdict):
        verdicts[i] = verdict
        if on_step is not None:
            on_step(StepResult(steps[i], verdict))

    for i, step in enumerate(steps):
        if step.kind == "definition":
            finish(i, Verdict(DEFINITION, "definition", f"defines {step.lhs_latex}"))
            continue
        started = time.perf_counter()
        verdict, note = decide_fast(step, derivation.context, options.seed, options.budget)
        seconds = time.perf_counter() - started
        if verdict is not None:
            finish(i, replace(verdict, seconds=seconds))
        else:
            fallback.append((i, seconds, note))

    def done(k, outcome):
        i, spent, _ = fallback[k]
        finish(i, _verdict(outcome, options, spent))

    if fallback:
        from derive.engines.budget import run_many
        # SymPy imports this lazily on the first evaluated sum; import it once here rather
        # than once in every forked child.
        import sympy.tensor.tensor  # noqa: F401
        tasks = [(decide_in_child, (steps[i], derivation.context, options.seed, note))
                 for i, _, note in fallback]
        run_many(tasks, options.budget, options.jobs, done)
    return Result(derivation, tuple(StepResult(s, v) for s, v in zip(steps, verdicts)))


def _verdict(outcome, options, spent):
    seconds = spent + outcome.seconds
    last = outcome.reports[-1] if outcome.reports else None
    if outcome.timed_out:
        found = f"; before that: {last.detail}" if last else ""
        return Verdict(UNDECIDED, "budget", f"time budget of {options.budget:g} s ran out{found}",
                       seconds)
    if outcome.error:
        return Verdict(UNDECIDED, "error", "the engines could not handle this step: "
                       f"{outcome.error}", seconds)
    return Verdict(last.status, last.method, last.detail, seconds, last.counterexample)

"""How a run checks: the options every entry point (command line, Python API, pytest and
Sphinx settings, `derive watch`) passes to the checker, validated once here. Kept apart
from the checker so that the command line can read its limits without loading SymPy."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

MAX_BUDGET, MAX_JOBS = 3600, 64


@dataclass(frozen=True)
class Options:
    """How to check: seconds per step, the seed of the numeric draws, worker processes.
    Checked here, so that every entry point (command line, Python API, pytest and Sphinx
    settings) gets the same guard: a budget of NaN or ∞ would be no deadline at all."""

    budget: float = 5.0
    seed: int = 0
    jobs: int = min(os.cpu_count() or 1, MAX_JOBS)

    def __post_init__(self):
        number = isinstance(self.budget, (int, float)) and not isinstance(self.budget, bool)
        if not (number and math.isfinite(self.budget) and 0 < self.budget <= MAX_BUDGET):
            raise ValueError(f"the budget is a number of seconds more than 0 and at most "
                             f"{MAX_BUDGET}, not {self.budget!r}")
        if not isinstance(self.seed, int) or isinstance(self.seed, bool):
            raise ValueError(f"the seed is a whole number, not {self.seed!r}")
        if not isinstance(self.jobs, int) or isinstance(self.jobs, bool) or \
                not 1 <= self.jobs <= MAX_JOBS:
            raise ValueError(f"the number of workers is a whole number from 1 to {MAX_JOBS}, "
                             f"not {self.jobs!r}")

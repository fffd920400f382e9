"""Checks the literature corpus's own claims without derive: every step of every
derivation true, every mutant false exactly at the steps it lists as broken, every
look-alike true, and every edit applicable (its `find` occurs once).

    python tests/corpus/tools/verify_truth.py [ID ...]

Each derivation has a truth model in tools/models/ (NumPy on random finite instances, see
models/base.py). The instances are seeded, so runs are reproducible. Exit 1 on any
disagreement, with what disagreed.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus_run  # noqa: E402
from models import MODELS  # noqa: E402


def check(entry):
    """A list of problems with one derivation (empty when all is as the corpus says)."""
    model = MODELS.get(entry.ident)
    if model is None:
        return ["no truth model"]
    problems = []
    meta = entry.meta
    mutants, looks = meta.get("mutants") or [], meta.get("lookalikes") or []
    if len(model.steps) != entry.steps:
        problems.append(f"meta says {entry.steps} steps, the model has {len(model.steps)}")
    if len(mutants) < 3:
        problems.append(f"only {len(mutants)} mutants")
    if len(model.mutants) != len(mutants) or len(model.lookalikes) != len(looks):
        problems.append("the model's mutants/look-alikes do not match meta.yaml's")
        return problems
    try:
        list(entry.variants())
    except ValueError as error:
        problems.append(str(error))
    original = model.truth()
    if not all(original):
        problems.append(f"original: steps not true: {_false(original)}")
    for k, (mutant, override) in enumerate(zip(mutants, model.mutants), 1):
        truth = model.truth(override)
        false = set(_false(truth))
        if None in truth or false != set(mutant["broken"]):
            problems.append(f"mutant {k}: false at {sorted(false)}, unclear at "
                            f"{[i for i, v in enumerate(truth, 1) if v is None]}, "
                            f"meta says {sorted(mutant['broken'])}")
    for k, override in enumerate(model.lookalikes, 1):
        truth = model.truth(override)
        if not all(truth):
            problems.append(f"look-alike {k}: not true at {_false(truth)}")
    return problems


def _false(truth):
    return [i for i, v in enumerate(truth, 1) if not v]


def main(argv=None):
    ids = (argv if argv is not None else sys.argv[1:])
    failed = 0
    for entry in corpus_run.entries():
        if ids and entry.ident not in ids:
            continue
        problems = check(entry)
        mutants = len(entry.meta.get("mutants") or [])
        looks = len(entry.meta.get("lookalikes") or [])
        status = "ok" if not problems else "FAIL"
        print(f"{status:4} {entry.ident}: {entry.steps} steps, {mutants} mutants, "
              f"{looks} look-alikes")
        for problem in problems:
            print(f"     {problem}")
        failed += bool(problems)
    print(f"{failed} derivation(s) with problems")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

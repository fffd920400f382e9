"""derive against the literature corpus: every true step verified, every mutant refuted at
its broken steps (and nowhere else), every look-alike verified.

derive cannot read most of this notation yet, so these tests are skipped unless
DERIVE_CORPUS=1 is set; bench/corpus_score.py prints how far it gets. The corpus's own
truth is checked independently of derive by tests/corpus/tools/verify_truth.py.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "tools"))
import corpus_run  # noqa: E402

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(os.environ.get("DERIVE_CORPUS") != "1",
                       reason="the literature corpus runs with DERIVE_CORPUS=1"),
]

ENTRIES = list(corpus_run.entries())


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.ident for e in ENTRIES])
def test_derivation(entry):
    outcomes = corpus_run.run_derive(entry)
    result = corpus_run.score(entry, outcomes)
    assert not result.problems, "\n".join(result.problems)
    assert result.true_verified == entry.steps
    assert result.mutants_caught == result.mutants
    assert result.lookalikes_verified == result.lookalikes

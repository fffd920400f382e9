"""The corpus itself is right: every derivation's steps are true, its mutants false exactly
at the steps meta.yaml lists, its look-alikes true, and every edit applies once. Checked by
NumPy truth models (tools/verify_truth.py), without derive, so this runs in every test run."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "tools"))
import corpus_run  # noqa: E402
import verify_truth  # noqa: E402

ENTRIES = list(corpus_run.entries())


def test_corpus_is_large_enough():
    assert len(ENTRIES) >= 25
    assert all(len(e.meta.get("mutants") or []) >= 3 for e in ENTRIES)


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.ident for e in ENTRIES])
def test_truth(entry):
    assert verify_truth.check(entry) == []


def test_a_wrong_broken_list_is_caught():
    """The checker is not vacuous: claiming a mutant breaks a step it does not is reported."""
    entry = next(e for e in ENTRIES if e.ident == "gan_theorem1")
    meta = {**entry.meta, "mutants": [dict(m) for m in entry.meta["mutants"]]}
    meta["mutants"][0]["broken"] = [1]
    problems = verify_truth.check(corpus_run.Entry(entry.ident, entry.text, meta))
    assert any(p.startswith("mutant 1") for p in problems)

"""The corpus itself is right: every derivation's steps are true, its mutants false exactly
at the steps meta.yaml lists, its look-alikes true, and every edit applies once. Checked by
NumPy truth models (tools/verify_truth.py), without derive, so this runs in every test run.
The continuous derivations are checked by tools/verify_continuous.py instead (quadrature,
minutes: its output is committed as verify_continuous.out, and compared here)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "tools"))
import corpus_run  # noqa: E402
import verify_truth  # noqa: E402

ALL = list(corpus_run.entries())
ENTRIES = [e for e in ALL if e.ident in verify_truth.MODELS]
CONTINUOUS = [e for e in ALL if e.ident not in verify_truth.MODELS]
VERIFIED_CONTINUOUS = (Path(__file__).resolve().parent / "tools" / "verify_continuous.out").read_text()


def test_corpus_is_large_enough():
    assert len(ENTRIES) >= 25
    assert all(len(e.meta.get("mutants") or []) >= 3 for e in ALL)


@pytest.mark.parametrize("entry", CONTINUOUS, ids=[e.ident for e in CONTINUOUS])
def test_every_continuous_entry_was_checked_by_its_verifier(entry):
    assert f"\n{entry.ident}: {entry.steps} steps true" in "\n" + VERIFIED_CONTINUOUS


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

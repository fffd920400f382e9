"""The continuous derivations of the literature corpus that derive reads in full, as real
tests (not gated by DERIVE_CORPUS): every true step verified, every mutant refuted at its
broken steps and nowhere else, every look-alike verified."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "corpus" / "tools"))
import corpus_run  # noqa: E402

PASSING = ("gaussian_kl_univariate", "gaussian_kl_statproofbook", "vae_kl_unit_gaussian",
           "gan_gradient_arjovsky_bottou", "gaussian_loglik_gradient", "vae_gaussian_kl_term")
ENTRIES = [e for e in corpus_run.entries() if e.ident in PASSING]


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.ident for e in ENTRIES])
def test_continuous_corpus_entry(entry):
    result = corpus_run.score(entry, corpus_run.run_derive(entry, budget=5.0))
    assert not result.problems, "\n".join(result.problems)
    assert result.true_verified == entry.steps
    assert result.mutants_caught == result.mutants
    assert result.lookalikes_verified == result.lookalikes

"""The corpus scorer matches derive's steps to meta.yaml's by where they stand, not by their
count: a row derive reads as more or fewer steps than the corpus counts shifts every step
after it, and a variant scored by count would then charge derive with verdicts of other
steps (s11j_hoeffding's two "false verifications"). Checked on made-up derive outcomes,
without running derive."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "tools"))
import corpus_run  # noqa: E402

# three displays, one step each (lines 1, 3, 5); the mutant breaks step 2, the look-alike none
TEXT = "$$ a = 1 + 1 $$\n\n$$ b = 2 + 2 $$\n\n$$ c = 3 + 3 $$\n"
META = {"steps": 3,
        "mutants": [{"find": "2 + 2", "replace": "2 + 3", "broken": [2]}],
        "lookalikes": [{"find": "3 + 3", "replace": "3+3"}]}
ENTRY = corpus_run.Entry("made_up", TEXT, META)
AT = [(1, 8), (3, 8), (5, 8)]          # where derive reports the three steps


def outcome(verdicts, positions=AT):
    return corpus_run.Outcome(verdicts=list(verdicts), positions=list(positions))


def test_steps_where_the_corpus_counts_them_are_scored():
    result = corpus_run.score(ENTRY, {
        "original": outcome(["verified"] * 3),
        "mutant1": outcome(["verified", "refuted", "verified"]),
        "lookalike1": outcome(["verified"] * 3)})
    assert result.problems == []
    assert (result.true_verified, result.mutants_caught, result.lookalikes_verified) == (3, 1, 1)


def test_a_variant_whose_steps_moved_is_not_scored():
    """The mutant's first display read as two steps and its second as none: three steps
    still, but derive's third stands where the corpus's second does. By count, the
    'verified' at position 3 was charged to the broken step 2: a false verification."""
    result = corpus_run.score(ENTRY, {
        "original": outcome(["verified"] * 3),
        "mutant1": outcome(["error", "verified", "verified"], [(1, 4), (1, 8), (5, 8)]),
        "lookalike1": outcome(["verified"] * 3)})
    assert result.false_verifications == 0 and result.mutants_caught == 0
    assert any(p.startswith("mutant1: derive's step 1 stands elsewhere") for p in result.problems)
    assert result.lookalikes_verified == 1


def test_positions_after_an_edit_of_another_length_are_mapped():
    result = corpus_run.score(ENTRY, {
        "original": outcome(["verified"] * 3),
        "mutant1": outcome(["verified", "refuted", "verified"]),
        "lookalike1": outcome(["verified"] * 3, [(1, 8), (3, 8), (5, 8)])})
    assert result.problems == [] and result.lookalikes_verified == 1
    longer = corpus_run.Entry("made_up", TEXT, {**META, "mutants": [
        {"find": "a = 1", "replace": "a = 10 +", "broken": [1]}]})
    result = corpus_run.score(longer, {
        "original": outcome(["verified"] * 3),
        "mutant1": outcome(["refuted", "verified", "verified"], [(1, 8), (3, 8), (5, 8)]),
        "lookalike1": outcome(["verified"] * 3)})
    assert result.problems == [] and result.mutants_caught == 1


def test_an_original_whose_steps_are_not_the_corpus_s_is_not_scored():
    """derive reads the first display, a definition (no step for the corpus), as an
    unreadable row (one step for derive), and the last, two steps, as one unreadable row:
    the count matches, but the mutant's edit (in the middle display, breaking the corpus's
    step 1) lies at derive's step 2. Nothing is scored, the original included."""
    text = "$$ d = \\wibble $$\n\n$$ a = 1 + 1 $$\n\n$$ b = 2 + 2 = 4 $$\n"
    entry = corpus_run.Entry("made_up", text, {
        "steps": 3, "mutants": [{"find": "1 + 1", "replace": "1 + 2", "broken": [1]}],
        "lookalikes": [{"find": "2 + 2", "replace": "2+2"}]})
    read = [(1, 8), (3, 8), (5, 4)]
    result = corpus_run.score(entry, {
        "original": outcome(["error", "verified", "error"], read),
        "mutant1": outcome(["error", "verified", "error"], read),
        "lookalike1": outcome(["error", "verified", "error"], read)})
    assert result.false_verifications == 0 and result.wrong_refutations == 0
    assert (result.true_verified, result.mutants_caught, result.lookalikes_verified) == (0, 0, 0)
    assert any(p.startswith("original: mutant1's edit lies among derive's steps [2]")
               for p in result.problems), result.problems

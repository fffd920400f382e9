"""Differential fuzzing: derive against the independent oracle of `oracle/`.

Each example is a statement whose truth the oracle knows per step (built true by valid
rewrites, or shown false by its own evaluator), written as the `.tex` file a user would
write and checked with derive's public API. derive must never verify a false step nor
refute a true one. Input errors and undecided verdicts are allowed (and counted: the
summary at the end of the session lists them); a traceback is a failure of its own.

A few hundred deterministic examples run here; `python bench/fuzz.py` runs thousands.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from harness import run_api
from oracle import continuous
from oracle.strategies import cases, discrete_cases

CI = settings.get_profile("fuzz-ci")
BUDGET = 1.0                     # seconds per step: only undecided verdicts depend on it


def _check(case, tmp_path, tally):
    path = tmp_path / "statement.tex"
    path.write_text(case.text, encoding="utf-8")
    outcome = run_api(path, BUDGET)
    return tally.add(case.statement, case.text, outcome), outcome


def _assert_sound(findings, outcome):
    if findings:
        raise AssertionError("\n\n".join(f.report() for f in findings)
                             + f"\nderive's verdicts per step: {outcome.verdicts}")


@settings(CI, max_examples=200)
@given(case=cases(pool="declared"))
def test_derive_agrees_with_the_oracle_on_declared_symbols(case, tmp_path, fuzz_tally):
    _assert_sound(*_check(case, tmp_path, fuzz_tally))


@settings(CI, max_examples=100)
@given(case=cases(pool="complex"))
def test_derive_agrees_with_the_oracle_on_undeclared_complex_symbols(case, tmp_path, fuzz_tally):
    _assert_sound(*_check(case, tmp_path, fuzz_tally))


@settings(CI, max_examples=120)
@given(case=discrete_cases())
def test_derive_agrees_with_the_oracle_on_sums_joints_and_conditionals(case, tmp_path, fuzz_tally):
    findings, outcome = _check(case, tmp_path, fuzz_tally)
    if outcome.crash is not None:
        raise AssertionError(f"derive crashed on this file:\n{case.text}\n{outcome.crash}")
    _assert_sound(findings, outcome)


@settings(CI, max_examples=150)
@given(case=cases())
def test_derive_answers_without_a_traceback(case, tmp_path, fuzz_tally):
    _, outcome = _check(case, tmp_path, fuzz_tally)
    if outcome.crash is not None:
        raise AssertionError(f"derive crashed on this file:\n{case.text}\n{outcome.crash}")


@settings(CI, max_examples=60)
@given(rng=st.randoms(use_true_random=False))
def test_derive_agrees_with_the_oracle_over_the_real_line(rng, tmp_path, fuzz_tally):
    """Gaussian moments, KL and entropy, half-line integrals and derivatives, true or with
    one slip, judged by mpmath's quad and diff (`oracle/continuous.py`)."""
    statement, text = continuous.statement(rng)
    path = tmp_path / "statement.tex"
    path.write_text(text, encoding="utf-8")
    outcome = run_api(path, 2.0)
    _assert_sound(fuzz_tally.add(statement, text, outcome), outcome)

"""The fuzz tests share one tally, printed at the end of the session."""

from __future__ import annotations

import pytest

from harness import Tally

_TALLY = Tally()


@pytest.fixture
def fuzz_tally():
    return _TALLY


def pytest_terminal_summary(terminalreporter):
    if _TALLY.statements:
        terminalreporter.section("differential fuzzing against the oracle")
        terminalreporter.write_line(_TALLY.summary())

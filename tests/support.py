"""Helpers the test modules share (imported as `support`: `conftest` is a name every
test folder's setup may use, so shared helpers live here)."""

from __future__ import annotations

import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
SEED = REPO.parent / "shared" / "seed"


def write(tmp_path, text, name="derivation.tex"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def verdicts(result):
    return [r.verdict.status for r in result.steps]


def unreadable(derivation):
    """The unreadable rows of a derivation, as (message, line, column)."""
    return [(s.message, s.location.line, s.location.column) for s in derivation.steps
            if s.kind == "unreadable" or s.unread]

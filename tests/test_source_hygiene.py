"""derive's own source and its tests, as Python reads them: no escape sequence Python does not know
(`"\\mathcal"` in a plain string is a DeprecationWarning on 3.11, a SyntaxWarning on 3.12 and
meant to become an error), so a message or docstring says what its author wrote."""

import pathlib
import warnings

import pytest

ROOT = pathlib.Path(__file__).parent.parent
SOURCES = sorted(p for folder in ("derive", "tests", "bench") for p in (ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_every_module_compiles_without_an_invalid_escape(path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        compile(path.read_text(encoding="utf-8"), str(path), "exec")

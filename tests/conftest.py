"""Shared fixtures: an isolated cache, a derivation checked from text, the CLI in-process
(the plain helpers are in `support`)."""

from __future__ import annotations

import pytest
from support import write

from derive.checker import Options, check
from derive.frontend import load
from derive.interfaces.cli import main

pytest_plugins = ["pytester"]


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path, monkeypatch):
    """Every test gets an empty result cache of its own, and a wide terminal (so that what
    a test looks for is not wrapped differently under pytest-xdist)."""
    monkeypatch.setenv("DERIVE_CACHE_DIR", str(tmp_path / "derive-cache"))
    monkeypatch.setenv("COLUMNS", "200")
    return tmp_path / "derive-cache"


@pytest.fixture
def check_text(tmp_path):
    """check_text(text, name=..., budget=...) -> Result for a derivation given as text."""
    def run(text, name="derivation.tex", budget=10.0):
        return check(load(write(tmp_path, text, name)), Options(budget=budget))
    return run


@pytest.fixture
def cli(capsys):
    """cli(*args) -> (exit code, stdout, stderr), running `derive` in-process."""
    def run(*args):
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err
    return run

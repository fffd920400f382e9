"""Shared fixtures: an isolated cache, a derivation checked from text, the CLI in-process
(the plain helpers are in `support`)."""

from __future__ import annotations

import compileall
import os
from pathlib import Path

import pytest
from support import write

import derive
from derive.checker import Options, check
from derive.frontend import load
from derive.interfaces.cli import main

pytest_plugins = ["pytester"]


def pytest_sessionstart(session):
    """Compile derive's modules once, before the tests start their derive subprocesses (the
    corpus, the CLI, the hostile inputs). Where PYTHONDONTWRITEBYTECODE is set — as on our
    CI machines — an editable install is never compiled to bytecode, and every subprocess
    compiled all of derive again: about 1.3 s of CPU each. Bytecode that exists is read
    whatever that variable says. Once, by the controller (not each xdist worker)."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        compileall.compile_dir(Path(derive.__file__).parent, quiet=1)


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

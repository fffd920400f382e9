"""pytest plugin: derivation files become tests, one item per step or claim.

Installed with derive (the `pytest11` entry point), it collects:

* files matching the `derive_patterns` ini option (default `*.derive.yaml *.derive.yml`);
* `.tex` files carrying `% derive:` directives in their first 8 KB (ini `derive_tex`,
  default true).

Items are named `step<index>-<kind>-line<line>` (for example
`step13-optimisation-line28`), so `-k optimisation` or `-k step13` select them. A
verified step passes; a refuted one fails with its file and line, its LaTeX and the
counterexample; an undecided one fails unless allowed — per step in the file
(`% derive: expect undecided`, or `expect: undecided` in YAML), or for the whole run with
`--derive-allow-undecided` (ini `derive_allow_undecided`). `--derive-budget` (ini
`derive_budget`) sets the seconds per step. Works with `-x`, `-k`, `--junitxml` and
pytest-xdist's `-n`.
"""

from __future__ import annotations

import fnmatch

import pytest

SNIFF_BYTES = 8192


def pytest_addoption(parser):
    group = parser.getgroup("derive", "derivation files (derive)")
    group.addoption("--derive-budget", type=float, default=None, metavar="SECONDS",
                    help="seconds per derivation step (default: ini derive_budget, or 5)")
    group.addoption("--derive-allow-undecided", action="store_true", default=None,
                    help="let undecided steps pass")
    parser.addini("derive_patterns", type="args", default=["*.derive.yaml", "*.derive.yml"],
                  help="file name patterns collected as derivations")
    parser.addini("derive_tex", type="bool", default=True,
                  help="collect .tex files that carry '% derive:' directives")
    parser.addini("derive_budget", default="5", help="seconds per derivation step")
    parser.addini("derive_allow_undecided", type="bool", default=False,
                  help="let undecided steps pass")


def pytest_collect_file(file_path, parent):
    config = parent.config
    if any(fnmatch.fnmatch(file_path.name, p) for p in config.getini("derive_patterns")):
        return DerivationFile.from_parent(parent, path=file_path)
    if file_path.suffix == ".tex" and config.getini("derive_tex") and _has_directives(file_path):
        return DerivationFile.from_parent(parent, path=file_path)
    return None


def _has_directives(path):
    from derive.frontend.documents import MARKER   # a regular expression; no SymPy
    try:
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return False
    return MARKER.search(head) is not None


class DerivationFile(pytest.File):
    """A derivation file: reads it, and yields an item per step or claim."""

    def collect(self):
        from derive.frontend import InputError, load
        try:
            derivation = load(self.path)
        except InputError as exc:
            yield UnreadableItem.from_parent(self, name="read", error=exc)
            return
        for step in derivation.steps:
            if step.kind != "definition":
                yield StepItem.from_parent(self, name=f"step{step.index}-{step.kind}-line"
                                           f"{step.location.line}", derivation=derivation, step=step)


class StepFailed(Exception):
    """A step that did not end as it should; carries its `StepResult`."""


class StepItem(pytest.Item):
    """One step or claim of a derivation, checked on its own (steps are independent)."""

    def __init__(self, *, derivation, step, **kwargs):
        super().__init__(**kwargs)
        self.derivation, self.step = derivation, step

    def runtest(self):
        from dataclasses import replace

        from derive.checker import Options, check
        config = self.config
        budget = config.getoption("derive_budget") or float(config.getini("derive_budget"))
        allow = config.getoption("derive_allow_undecided") or config.getini("derive_allow_undecided")
        result = check(replace(self.derivation, steps=(self.step,)), Options(budget=budget))
        outcome = result.steps[0]
        if outcome.as_expected or (allow and outcome.verdict.status == "undecided"):
            return
        raise StepFailed(outcome)

    def repr_failure(self, excinfo, style=None):
        if not isinstance(excinfo.value, StepFailed):
            return super().repr_failure(excinfo, style)
        from derive.interfaces.json_output import step_dict
        from derive.interfaces.terminal import Style, render_step
        outcome = excinfo.value.args[0]
        where = self.step.location
        head = f"{where.file}:{where.line}:{where.column}: step {self.step.index} is {outcome.verdict.status}"
        if outcome.verdict.status == "undecided":
            head += " (accept it with '% derive: expect undecided' or --derive-allow-undecided)"
        return "\n".join([head, *render_step(step_dict(outcome), Style(False))])

    def reportinfo(self):
        where = self.step.location
        return self.path, where.line - 1, f"derive: step {self.step.index} ({self.step.kind}) at line {where.line}"


class UnreadableItem(pytest.Item):
    """A derivation file that cannot be read: one failing item with the positioned error."""

    def __init__(self, *, error, **kwargs):
        super().__init__(**kwargs)
        self.error = error

    def runtest(self):
        raise self.error

    def repr_failure(self, excinfo, style=None):
        return str(self.error)

    def reportinfo(self):
        return self.path, (self.error.line or 1) - 1, "derive: unreadable derivation file"

"""pytest plugin: derivation files become tests, one item per step or claim.

Installed with derive (the `pytest11` entry point), it collects:

* files matching the `derive_patterns` ini option (default `*.derive.yaml *.derive.yml`);
* `.tex` files carrying `% derive:` directives in their first 8 KB (ini `derive_tex`,
  default true);
* Markdown/MyST pages and notebooks (`.md`, `.markdown`, `.ipynb`) carrying `derive:`
  directives (comments or front matter) in their first 8 KB (ini `derive_documents`,
  default true).

Items are named `step<index>-<kind>-line<line>` (for example
`step13-optimisation-line28`), so `-k optimisation` or `-k step13` select them. A
verified step passes; a refuted one fails with a report in the manner of pytest's
doctests (`StepFailure`): the file and line, the step's source lines numbered, both sides
in full, the counterexample as a table. An undecided one fails unless allowed — per step
in the file (`% derive: expect undecided`, or `expect: undecided` in YAML), or for the whole
run with `--derive-allow-undecided` (ini `derive_allow_undecided`). `--derive-budget`
(ini `derive_budget`) sets the seconds per step. Works with `-x`, `-k`, `--junitxml` and
pytest-xdist's `-n`.
"""

from __future__ import annotations

import fnmatch
import textwrap

import pytest
from _pytest._code.code import ReprFileLocation, TerminalRepr

SNIFF_BYTES = 8192
DOCUMENT_SUFFIXES = (".md", ".markdown", ".ipynb")
CONTEXT_LINES = 2


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
    parser.addini("derive_documents", type="bool", default=True,
                  help="collect .md/.markdown/.ipynb documents that carry derive: directives")
    parser.addini("derive_budget", default="5", help="seconds per derivation step")
    parser.addini("derive_allow_undecided", type="bool", default=False,
                  help="let undecided steps pass")


def pytest_configure(config):
    """A budget that is no number of seconds (`--derive-budget nan`, ini `derive_budget = 0`)
    is a usage error before any test runs, never a failure of each step."""
    from derive.options import Options
    try:
        Options(budget=_budget(config))
    except ValueError as exc:
        raise pytest.UsageError(f"derive: {exc}") from None


def _budget(config):
    text = config.getini("derive_budget")
    try:
        ini = float(text)
    except ValueError:
        ini = text
    return config.getoption("derive_budget") or ini


def pytest_collect_file(file_path, parent):
    config = parent.config
    if any(fnmatch.fnmatch(file_path.name, p) for p in config.getini("derive_patterns")):
        return DerivationFile.from_parent(parent, path=file_path)
    suffix = file_path.suffix.lower()
    wanted = (suffix == ".tex" and config.getini("derive_tex")) or \
        (suffix in DOCUMENT_SUFFIXES and config.getini("derive_documents"))
    if wanted and _has_directives(file_path):
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
        except Exception as exc:  # noqa: BLE001 - a bug of ours: this file fails, the session goes on
            error = InputError(f"internal error while reading this file ({type(exc).__name__}: "
                               f"{exc}), please report it", self.path)
            yield UnreadableItem.from_parent(self, name="read", error=error)
            return
        for step in derivation.steps:
            if step.kind != "definition" or step.unread:      # an unread definition fails
                yield StepItem.from_parent(self, name=f"step{step.index}-{step.kind}-{_place(step)}",
                                           derivation=derivation, step=step)


def _place(step, between="-", space=""):
    """`line5`, or `cell3-line5` in a notebook (`cell 3, line 5` with ", " and " ")."""
    cell = getattr(step.location, "cell", None)
    return (f"cell{space}{cell}{between}" if cell else "") + f"line{space}{step.location.line}"


class StepFailed(Exception):
    """A step that did not end as it should; carries its serialised step dict."""


class StepItem(pytest.Item):
    """One step or claim of a derivation, checked on its own (steps are independent)."""

    def __init__(self, *, derivation, step, **kwargs):
        super().__init__(**kwargs)
        self.derivation, self.step = derivation, step

    def runtest(self):
        from dataclasses import replace

        from derive.checker import Options, check
        from derive.interfaces.json_output import step_dict
        config = self.config
        budget = _budget(config)
        allow = config.getoption("derive_allow_undecided") or config.getini("derive_allow_undecided")
        result = check(replace(self.derivation, steps=(self.step,)), Options(budget=budget))
        outcome = result.steps[0]
        if outcome.as_expected or (allow and outcome.verdict.status == "undecided"):
            return
        raise StepFailed(step_dict(outcome))

    def repr_failure(self, excinfo, style=None):
        if not isinstance(excinfo.value, StepFailed):
            return super().repr_failure(excinfo, style)
        return StepFailure(str(self.path), excinfo.value.args[0], self._source_lines())

    def _source_lines(self):
        """[(line number, text)] of the step's row and the lines just before it."""
        from derive.frontend import read_text
        location = self.step.location
        try:
            text = read_text(self.path)
        except Exception:  # noqa: BLE001 - the report still has everything else
            return []
        cell = getattr(location, "cell", None)
        if cell:
            from derive.frontend.documents.notebook import cell_text
            text = cell_text(text, cell)
        lines = text.splitlines()
        first = max(1, location.line - CONTEXT_LINES)
        return [(n, lines[n - 1]) for n in range(first, min(location.line, len(lines)) + 1)]

    def reportinfo(self):
        where = self.step.location
        return (self.path, where.line - 1,
                f"derive: step {self.step.index} ({self.step.kind}) at {_place(self.step, ', ', ' ')}")


class StepFailure(TerminalRepr):
    """A failed step, shown as pytest shows a failed doctest: where, the source lines
    numbered (the step's own marked, a caret under its column), both sides in full, the
    verdict and its evidence, the counterexample as a table. `reprcrash` gives the short
    summary line, which says what failed before any path."""

    def __init__(self, path, step, source_lines):
        from derive.interfaces.terminal import printable
        self.path, self.step, self.source_lines = path, step, source_lines
        self.printable = printable
        status = step["verdict"]
        side = step["latex"] if len(step["latex"]) <= 60 else step["latex"][:59] + "…"
        if status == "error":           # a row never read: its message, no sides
            summary = f"step {step['index']} unreadable: {step['message'][:100]}"
        elif step["kind"] == "definition":
            summary = f"step {step['index']} {status}"
        else:
            summary = f"step {step['index']} {status}: {step['lhs_latex'][:40]} {step['relation']} {side}"
        self.reprcrash = ReprFileLocation(path, step["line"], printable(summary))

    def toterminal(self, tw):
        from derive.frontend.errors import visible
        from derive.interfaces.terminal import SYMBOLS
        from derive.reports.escape import readable
        step, p = self.step, self.printable
        status = step["verdict"]
        place = f": cell {step['cell']}, line {step['line']}:{step['column']}" if step.get("cell") \
            else f":{step['line']}:{step['column']}"
        unread = status == "error"
        tw.line(f"{self.path}{place}: step {step['index']} "
                + ("could not be read" if unread else f"is {status} ({step['kind']})"), red=True, bold=True)
        width = len(str(self.source_lines[-1][0])) if self.source_lines else 3
        for number, text in self.source_lines:
            marker = ">" if number == step["line"] else " "
            tw.line(f"{number:0{max(width, 3)}d}{marker} {visible(text)}")
            if number == step["line"]:
                tw.line(" " * (max(width, 3) + 2 + step["column"] - 1) + "^")
        tw.line("")
        if unread:
            tw.line(f"row:        {p(step['latex'])}")
            tw.line(f"error:      {p(step['message'])}", red=True)
            return
        relation = SYMBOLS.get(step["relation"], step["relation"])
        tw.line(f"left side:  {p(step['lhs_latex'])}")
        tw.line(f"right side: {p(step['latex'])}")
        tw.line(f"claimed:    left {relation} right")
        tw.line(f"verdict:    {status} ({p(step.get('method', ''))})", red=True)
        if step.get("detail"):
            for n, line in enumerate(textwrap.wrap(p(readable(step["detail"])), max(tw.fullwidth - 12, 30))):
                tw.line(("why:        " if n == 0 else " " * 12) + line)
        ce = step.get("counterexample")
        if ce:
            rows = [(name, value) for name, value in ce["assignment"].items()]
            rows += list(zip((*ce["labels"], "difference"), (ce["lhs"], ce["rhs"], ce["difference"])))
            name_width = max(len(p(name)) for name, _ in rows + [("counterexample", "")])
            tw.line("")
            tw.line(f"{'counterexample':<{name_width}} | value")
            tw.line(f"{'-' * name_width}-+-{'-' * 20}")
            for name, value in rows:
                tw.line(f"{p(name):<{name_width}} | {p(readable(value))}")
        if status == "undecided":
            tw.line("")
            tw.line("accept it with '% derive: expect undecided' before the row, or run with "
                    "--derive-allow-undecided")


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

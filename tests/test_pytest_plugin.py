"""The pytest plugin, run on temporary projects with pytester, as a user's CI runs it."""

import json
import textwrap

import pytest

GOOD = """\
% derive: variable x
% derive: density p, q
\\begin{align*}
H(p, q) &= -\\int p(x) \\log q(x) \\, dx \\\\
        &= H(p) + D_{KL}(p \\| q)
\\end{align*}
"""
BAD = GOOD.replace("H(p) + D_{KL}(p \\| q)", "H(p) + D_{KL}(q \\| p)")
# true for positive t, and beyond what derive's engines prove: undecided
UNDECIDED = ("% derive: positive t\n"
             "$$ \\arctan t + \\arctan \\frac{1}{t} = \\frac{\\pi}{2} $$\n")
YAML = """\
context:
  densities: [p, q]
steps:
  - latex: D_{KL}(p \\| q) = \\mathbb{E}_{x \\sim p}[\\log p(x) - \\log q(x)]
    by: definition of KL
  - latex: D_{KL}(p \\| q) \\ge 0
"""


@pytest.fixture
def project(pytester):
    pytester.makefile(".tex", good=GOOD, bad=BAD, undecided=UNDECIDED)
    pytester.makefile(".derive.yaml", kl=YAML)
    pytester.makefile(".tex", unrelated="\\documentclass{article}\n")
    return pytester


def test_items_are_named_per_step_and_kind(project):
    result = project.runpytest("--collect-only", "-q")
    result.stdout.fnmatch_lines(["good.tex::step1-equality-line4", "good.tex::step2-equality-line5",
                                 "kl.derive.yaml::step1-equality-line4",
                                 "kl.derive.yaml::step2-relation-line6"])
    assert "unrelated" not in result.stdout.str()


def test_pass_refute_and_undecided(project):
    result = project.runpytest("-q")
    result.assert_outcomes(passed=5, failed=2)
    out = result.stdout.str()
    assert "bad.tex:5:12: step 2 is refuted (equality)" in out
    assert "undecided.tex:2:" in out and "--derive-allow-undecided" in out


def test_a_failure_reads_like_a_doctest(project):
    """Header with file and line; the step's source lines numbered, its own marked, a caret
    under its column; both sides in full; the counterexample as a table; and a short
    summary that says what failed before any path."""
    out = project.runpytest("-q", "bad.tex", "-p", "no:cacheprovider").stdout.lines
    head = out.index(next(line for line in out if line.endswith("bad.tex:5:12: step 2 is refuted (equality)")))
    assert out[head + 1:head + 5] == [
        "003  \\begin{align*}",
        "004  H(p, q) &= -\\int p(x) \\log q(x) \\, dx \\\\",
        "005>         &= H(p) + D_{KL}(q \\| p)",
        " " * 16 + "^"]
    assert "left side:  -\\int p(x) \\log q(x) \\, dx" in out
    assert "right side: H(p) + D_{KL}(q \\| p)" in out
    table = out.index("counterexample | value")
    assert out[table + 1].startswith("---------------+-")
    assert [line.split(" | ")[0].strip() for line in out[table + 2:table + 8]] == [
        "cells", "p", "q", "left side", "right side", "difference"]
    summary = next(line for line in out if line.startswith("FAILED"))
    assert summary.startswith("FAILED bad.tex::step2-equality-line5 - step 2 refuted: ")


def test_markdown_pages_and_notebooks_are_collected(pytester):
    pytester.makefile(".md", page="<!-- derive: density p, q -->\n\n$$ H(p, q) = H(p) + D_{KL}(p \\| q) $$\n",
                      readme="# A page without directives\n\n$$ a = + $$\n")
    result = pytester.runpytest("-q", "--collect-only")
    result.stdout.fnmatch_lines(["page.md::step1-equality-line3"])
    assert "readme" not in result.stdout.str()
    pytester.runpytest("-q").assert_outcomes(passed=1)


def test_undecided_allowed_by_option_or_by_marker(project):
    project.runpytest("-q", "-k", "undecided", "--derive-allow-undecided").assert_outcomes(passed=1)
    project.makefile(".tex", undecided="% derive: expect undecided\n" + UNDECIDED)
    project.runpytest("-q", "-k", "undecided").assert_outcomes(passed=1)


def test_k_selects_and_x_stops(project):
    project.runpytest("-q", "-k", "relation").assert_outcomes(passed=1)
    result = project.runpytest("-q", "-x", "bad.tex", "undecided.tex")
    result.assert_outcomes(passed=1, failed=1)


def test_junitxml_names_the_steps(project):
    project.runpytest("-q", "--junitxml=report.xml")
    xml = (project.path / "report.xml").read_text()
    assert 'name="step2-equality-line5"' in xml and "counterexample" in xml


def test_xdist(project):
    result = project.runpytest_subprocess("-q", "-n", "2")
    result.assert_outcomes(passed=5, failed=2)


def test_unreadable_file_is_one_failing_item_with_the_position(pytester):
    pytester.makefile(".tex", broken="% derive: variable x\n$$ a = + * $$\n")
    result = pytester.runpytest("-q")
    result.assert_outcomes(failed=1)
    assert "broken.tex:2:" in result.stdout.str() and "Traceback" not in result.stdout.str()


def test_patterns_are_configurable(pytester):
    pytester.makeini(textwrap.dedent("""\
        [pytest]
        derive_patterns = *.steps.yaml
        derive_tex = false
        """))
    (pytester.path / "a.steps.yaml").write_text(YAML)
    pytester.makefile(".tex", good=GOOD)
    pytester.runpytest("-q").assert_outcomes(passed=2)


def test_a_malformed_document_fails_alone_and_the_session_goes_on(pytester):
    pytester.makefile(".md", fmkey="---\nderive:\n  ? [density]\n  : p, q\n---\n$$ 1 = 1 $$\n")
    (pytester.path / "nb.ipynb").write_text(json.dumps({
        "cells": [{"cell_type": "markdown", "metadata": {}, "source": ["<!-- derive: variable x -->", 5]}],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    pytester.makefile(".tex", good=GOOD)
    result = pytester.runpytest("-q")
    result.assert_outcomes(passed=2, failed=2)
    out = result.stdout.str()
    assert "fmkey.md:3:5: error: each key under derive: is a directive's name" in out
    assert "nb.ipynb: error: cell 1: its source is not text" in out
    assert "Traceback" not in out and "internal error" not in out


def test_an_unreadable_row_shows_its_message_not_sides(pytester):
    pytester.makefile(".md", page="<!-- derive: variable x -->\n# Page\n$$\na = \\det a\n$$\n")
    out = pytester.runpytest("-q").stdout.str()
    assert "page.md:4:5: step 1 could not be read" in out
    assert "row:        a = \\det a" in out and "error:      derive does not read `\\det`" in out
    assert "left side" not in out and "claimed" not in out
    assert "FAILED page.md::step1-unreadable-line4 - step 1 unreadable: derive does not read" in out


@pytest.mark.parametrize("args", [["--derive-budget", "nan"], ["-o", "derive_budget=0"],
                                  ["-o", "derive_budget=soon"]])
def test_a_budget_that_is_no_deadline_is_a_usage_error(project, args):
    result = project.runpytest("-q", *args)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert "derive: the budget is a number of seconds" in result.stderr.str()

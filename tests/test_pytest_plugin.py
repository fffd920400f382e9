"""The pytest plugin, run on temporary projects with pytester, as a user's CI runs it."""

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
UNDECIDED = "% derive: variable x\n$$ \\log(c d) = \\log c + \\log d $$\n"
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
    assert "bad.tex:5:12: step 2 is refuted" in out
    assert "counterexample:" in out and "p = (" in out and "left side" in out
    assert "undecided.tex:2:" in out and "--derive-allow-undecided" in out


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

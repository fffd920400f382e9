"""The Python API: derivations built in code from LaTeX, with declarations as arguments."""

import pytest

import derive
from derive import DerivationFailed, assert_verified, chain, check, context


def test_public_names_are_exported_and_typed():
    assert set(derive.__all__) >= {"chain", "check", "assert_verified", "context", "Result",
                                   "Verdict", "load", "InputError"}
    assert chain.__annotations__ and assert_verified.__annotations__


def test_a_true_chain_read_like_a_file():
    ctx = context(densities=["p", "q"])
    result = assert_verified(chain(r"H(p, q)", r"H(p) + D_{KL}(p \| q)",
                                   r"-\mathbb{E}_{x \sim p}[\log q(x)]", context=ctx))
    assert [r.verdict.status for r in result.steps] == ["verified", "verified"]


def test_a_false_step_raises_with_the_counterexample():
    ctx = context(densities=["p", "q"])
    with pytest.raises(DerivationFailed) as info:
        assert_verified(chain(r"D_{JS}(p \| q)", r"\frac{1}{2} D_{KL}(p \| q)", context=ctx,
                              title="JS is not half of KL"))
    message = str(info.value)
    assert "JS is not half of KL" in message and "refuted" in message
    assert "counterexample:" in message and "p = (" in message
    assert info.value.result.steps[0].verdict.counterexample is not None


def test_relations_and_declarations():
    result = check(chain("a", "a + 1", "2 a + 1", context=context(positive=["a"]),
                         relations=["<", "<="]))
    assert [r.verdict.status for r in result.steps] == ["verified", "verified"]


def test_undeclared_letters_are_complex_in_the_api_too():
    result = check(chain(r"\log(c d)", r"\log c + \log d"))
    assert result.steps[0].verdict.status == "refuted"


def test_check_accepts_a_path():
    from support import EXAMPLES
    assert check(EXAMPLES / "kl_definitions.tex").ok


def test_a_chain_needs_two_expressions_and_known_relations():
    with pytest.raises(ValueError):
        chain("a")
    with pytest.raises(ValueError):
        chain("a", "b", relations=["≈"])


@pytest.mark.parametrize("budget", [float("nan"), float("inf"), 1e12, 0, -5, "5", True])
def test_the_api_refuses_a_budget_that_is_no_deadline(budget):
    """NaN or ∞ seconds would be no deadline at all (a step could run until the memory cap):
    the API validates its options as the command line does, before any work."""
    with pytest.raises(ValueError, match="budget"):
        check(chain("a", "a"), budget=budget)


@pytest.mark.parametrize("what", [b"x.tex", 5])
def test_the_api_says_what_it_checks(what):
    with pytest.raises(TypeError, match="Derivation or a file's path"):
        check(what)


@pytest.mark.parametrize("expression", [
    "5 \\\\ 1", "5 \\newline 1", "5 $$ $$ 1", "5 \\] \\[ 1", "5 \\cr 1",
    "5 \\end{align*} \\begin{align*} 1", "5 \\intertext{so} 1", "a % x\n% derive: positive a",
    "5\n\n1", "\\begin{cases} 1 \\end{cases} \\end{align*} \\begin{align*} 1"])
def test_an_expression_holding_a_row_or_display_break_is_refused(expression):
    """`chain("5 \\\\ 1", "1")` checked 1 = 1 alone and passed (atkS round 37): each argument
    is one expression, never rows of their own."""
    with pytest.raises(ValueError, match="one expression"):
        chain(expression, "1")


def test_breaks_inside_an_inner_environment_and_escaped_signs_are_the_expression():
    assert check(chain("50\\%", "\\frac{1}{2} \\cdot 100\\%")).ok
    assert check(chain("a\n+ b", "b + a", context=context(real=["a", "b"]))).ok
    chain("\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}", "1")     # read (and refused) as a file's


@pytest.mark.parametrize("names", [["a\n$$ 1 = 2 $$"], ["a\n% derive: define a = 2"], ["a $"]])
def test_a_declared_name_holding_a_line_break_is_refused(names):
    with pytest.raises(ValueError, match="one expression"):
        context(real=names)
    with pytest.raises(ValueError, match="one expression"):
        context(define=names)

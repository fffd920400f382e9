"""The Python API: derivations built from SymPy expressions and the notation objects."""

import pytest
from sympy import Rational, Symbol, log

import derive
from derive import (
    JS, KL, CrossEntropy, DerivationFailed, Entropy, Expectation, assert_verified, chain,
    check, context, density,
)


def test_public_names_are_exported_and_typed():
    assert set(derive.__all__) >= {"chain", "check", "assert_verified", "density", "KL", "JS",
                                   "Expectation", "Result", "Verdict", "load", "context"}
    assert chain.__annotations__ and assert_verified.__annotations__


def test_a_true_chain_from_sympy_expressions():
    p, q = density("p"), density("q")
    result = assert_verified(chain(CrossEntropy(p, q), Entropy(p) + KL(p, q),
                                   -Expectation(log(q), p)))
    assert [r.verdict.status for r in result.steps] == ["verified", "verified"]
    assert result.derivation.context.density("p") is not None     # inferred


def test_a_false_step_raises_with_the_counterexample():
    p, q = density("p"), density("q")
    with pytest.raises(DerivationFailed) as info:
        assert_verified(chain(JS(p, q), KL(p, q) / 2, title="JS is not half of KL"))
    message = str(info.value)
    assert "JS is not half of KL" in message and "refuted" in message
    assert "counterexample:" in message and "p = (" in message
    assert info.value.result.steps[0].verdict.counterexample is not None


def test_relations_and_an_explicit_context():
    a = Symbol("a", positive=True)
    ctx = context(positive=["a"])
    result = check(chain(a, a + 1, 2 * a + 1, context=ctx, relations=["<", "<="]))
    assert [r.verdict.status for r in result.steps] == ["verified", "verified"]


def test_check_accepts_a_path():
    from conftest import EXAMPLES
    assert check(EXAMPLES / "kl_definitions.tex").ok


def test_a_chain_needs_two_expressions():
    with pytest.raises(ValueError):
        chain(Rational(1, 2))

"""The engines one by one: the normal form's reach and limits, the SymPy fallback."""

import pytest

from derive.engines import normal_form
from derive.frontend.errors import Source
from derive.frontend.latex import Reader
from derive.notation import Context, Density

from conftest import verdicts

CTX = Context(variables=("x",), densities=(Density("p", "x"), Density("q", "x")),
              symbols=(("a", "positive"), ("b", "positive")))


def sides(latex):
    lhs, rhs = Reader(CTX, Source(latex)).read_row(latex, 0)
    return lhs.expr, rhs.expr


@pytest.mark.parametrize("equation", [
    r"\log \frac{2 p(x)}{p(x) + q(x)} = \log 2 + \log p(x) - \log (p(x) + q(x))",
    r"\log \left(1 - \frac{p(x)}{p(x) + q(x)}\right) = \log q(x) - \log(p(x) + q(x))",
    r"\log \frac{p(x) + q(x)}{2} = \log(q(x) + p(x)) - \log 2",
    r"(a + b)^{2} = a^{2} + 2 a b + b^{2}",
    r"\log 12 = 2 \log 2 + \log 3",
    r"\mathbb{E}_{p}[\log 4] = 2 \log 2",
    r"\int \frac{p(x) + q(x)}{2} \, dx = 1",
    r"D_{KL}(p \| q) + H(p) = H(p, q)",
])
def test_normal_form_proves(equation):
    assert normal_form.prove_equal(*sides(equation), CTX) is True


@pytest.mark.parametrize("equation", [
    r"\log(c d) = \log c + \log d",                # c, d not known positive
    r"\log(a - b) = \log a - \log b",               # a - b not known positive
    r"\log (-2 a) = \log 2 + \log a",
])
def test_normal_form_does_not_split_logs_without_positivity(equation):
    with pytest.raises(normal_form.Unsupported):
        normal_form.prove_equal(*sides(equation), CTX)


@pytest.mark.parametrize("equation", [
    r"D_{KL}(p \| q) = D_{KL}(q \| p)",
    r"\frac{a}{a + b} + \frac{b}{a + b} = 2",
    r"\int p(x) \, dx = \int p(x) x \, dx",
])
def test_normal_form_never_proves_a_false_equation(equation):
    try:
        assert normal_form.prove_equal(*sides(equation), CTX) is False
    except normal_form.Unsupported:
        pass


def test_sympy_fallback_proves_what_the_normal_form_cannot(check_text):
    result = check_text("% derive: positive a, b\n"
                        r"$$ \sqrt{a^{2}} = a \\ \frac{a}{a + b} + \frac{b}{a + b} = 1 $$" + "\n")
    assert verdicts(result) == ["verified", "verified"]
    assert all(r.verdict.method in ("canonical form", "simplify") for r in result.steps)


def test_fallback_without_positivity_stays_undecided(check_text):
    result = check_text(r"$$ \sqrt{c^{2}} = c $$" + "\n")
    assert verdicts(result) == ["undecided"]
    assert "normal form" in result.steps[0].verdict.detail

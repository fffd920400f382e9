"""Each ambiguous LaTeX form has one documented reading (derive/frontend/latex.py)."""

import pytest
from sympy import E, Function, Symbol, log, pi, sqrt

from derive.engines.prepare import evaluate, prepare
from derive.frontend.errors import Source
from derive.frontend.latex import Reader
from derive.notation import KL, Context, Density, Expectation

x = Symbol("x", real=True)
a, b, c = (Symbol(n, positive=True) for n in "abc")
CTX = Context(variables=("x",), densities=(Density("p", "x"), Density("q", "x")),
              symbols=(("a", "positive"), ("b", "positive"), ("c", "positive")))
p = Function("p", positive=True)(x)
q = Function("q", positive=True)(x)


def read(latex, context=CTX):
    parts = Reader(context, Source(latex)).read_row(latex, 0)
    assert len(parts) == 1
    return evaluate(parts[0].expr)


@pytest.mark.parametrize("latex,expected", [
    (r"\log \frac{a}{b} \cdot \frac{c}{c}", log(a / b * c / c)),
    (r"\log a \log b", log(a) * log(b)),
    (r"2 \log 2", 2 * log(2)),
    (r"\log(a) b", log(a) * b),
    (r"\log a b", log(a * b)),
    (r"\ln a", log(a)),
    (r"\log_{2} a", log(a) / log(2)),
    (r"\frac{a}{b}", a / b),
    (r"\sqrt{a}", sqrt(a)),
    (r"a^{2} b", a ** 2 * b),
    (r"e^{a}", E ** a),
    (r"\pi a", pi * a),
    (r"\left( a + b \right) c", (a + b) * c),
    (r"\big( a + b \big) \Big[ c \Big]", (a + b) * c),
    (r"a \, b \quad c", a * b * c),
    (r"\mathbf{a} + \mathrm{a} + \boldsymbol{a}", 3 * a),
])
def test_reading(latex, expected):
    assert read(latex) == expected


def test_decorated_names_are_one_name():
    names = {str(read(r"D^*")), str(read(r"D^{\star}")), str(read(r"D^\ast")), str(read(r"D^{*}"))}
    assert names == {r"D^{\star}"}
    assert str(read(r"\mathcal{L}'")) == str(read(r"\mathcal{L}^{\prime}")) == r"\mathcal{L}'"


def test_calligraphic_is_part_of_the_name():
    assert str(read(r"\mathcal{L}")) != str(read(r"L"))


def test_capital_E_is_a_symbol_not_euler():
    assert read("E") == Symbol("E")


@pytest.mark.parametrize("latex", [
    r"\mathbb{E}_{x \sim p}\left[\log q(x)\right]",
    r"\mathbb{E}_{x\sim p(x)}[\log q(x)]",
    r"\mathbb{E}_{\mathbf{x} \sim p(\mathbf{x})}\left[\log q(\mathbf{x})\right]",
    r"\mathbb{E}_{p}[\log q]",
    r"\operatorname{\mathbb{E}}_{p}\left[\log q(x)\right]",
    r"\int p(x) \log q(x) \, dx",
    r"\int p(\mathrm{x}) \log q(\mathrm{x}) d\mathrm{x}",
    r"\int p(x) \log q(x) \,\mathrm{d}x",
])
def test_expectation_forms_mean_the_same_integral(latex):
    assert prepare(read(latex)) == prepare(Expectation(log(q), p))


@pytest.mark.parametrize("latex", [
    r"D_{\mathrm{KL}}\left(p \| q\right)", r"D_{KL}(p\,\|\,q)", r"D_{KL}(p\|q)",
    r"\operatorname{KL}(p \| q)", r"\mathrm{KL}(p \parallel q)", r"KL(p || q)",
    r"D_{\text{KL}}(p(x) \Vert q(x))",
])
def test_kl_forms(latex):
    assert read(latex) == KL(p, q)


def test_bare_density_in_expectation_is_applied_to_the_bound_variable():
    y = Symbol("y", real=True)
    value = read(r"\mathbb{E}_{y \sim p}[\log q]")
    assert value == Expectation(log(Function("q", positive=True)(y)), Function("p", positive=True)(y))


def test_undeclared_name_with_round_brackets_is_applied_declared_symbol_multiplies():
    assert read("f(a)") == Function("f")(a)
    assert read("a(b + c)") == a * (b + c)
    assert read("2(b + c)") == 2 * (b + c)


def test_author_forms_survive_until_an_engine_evaluates():
    parts = Reader(CTX, Source(r"\frac{a}{a}")).read_row(r"\frac{a}{a}", 0)
    assert parts[0].expr != 1          # unevaluated as written
    assert evaluate(parts[0].expr) == 1

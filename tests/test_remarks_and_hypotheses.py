"""Side remarks inside displays and hypotheses of steps, pinned: each remark is read or set
aside by its documented rule (never multiplied in), and a hypothesis restricts the
instances of both engines alike — or the step says it could not use it."""

import pytest

from probability_support import display, readings, steps, verdicts


@pytest.mark.parametrize("row, expected", [
    (r"\text{ sum rule } a = a", "a = a"),
    (r"a = a \quad \text{(Kullback-Leibler)}", "a = a"),
    (r"\log 2 = \log 2 \text{ nats}", "log(2) = log(2)"),
    (r"\tfrac12 + \dfrac{1}{2} = 1", "1 / 2 + 1 / 2 = 1"),
    (r"\boldsymbol\phi = \phi", "φ = φ"),
])
def test_remarks_are_set_aside(row, expected):
    assert readings(display("", row)) == [expected]


def test_a_relation_after_qquad_is_a_row_of_its_own():
    assert readings(display("", r"1 + 1 = 2 \qquad 2 + 2 = 4")) == ["1 + 1 = 2", "2 + 2 = 4"]
    assert verdicts(display("", r"1 + 1 = 2 \qquad 2 + 2 = 5")) == ["verified", "refuted"]


@pytest.mark.parametrize("row, expected", [
    (r"u^2 = u v, \quad u = v", "u = v ⇒ u^2 = u · v"),
    (r"\frac{d}{du} u^2 = 2u, \qquad u = v.", "u = v ⇒ d/du u^2 = 2 · u"),
    (r"u^2 = u v, \quad u = v = 1", "u = v, v = 1 ⇒ u^2 = u · v"),
])
def test_a_relation_after_a_comma_and_quad_is_a_condition_of_the_row(row, expected):
    """`…, \\quad i = j` (the condition of a case, as in the softmax Jacobian) is a
    hypothesis of its row: never a claim of its own nor a definition."""
    assert readings(display("% derive: real u, v\n", row)) == [expected]
    assert verdicts(display("% derive: real u, v\n", row)) == ["verified"]


def test_a_case_condition_never_defines_a_name_for_later_rows():
    text = display("% derive: real u\n", r"\frac{d}{du} u^2 = 2u, \quad m = t", r"m + 1 = t + 1")
    assert [s.kind for s in steps(text)] == ["equality", "equality"]
    assert verdicts(text) == ["verified", "refuted"]


def test_a_local_definition_and_a_hypothesis_in_parentheses():
    text = display("% derive: variable x\n% derive: density p, q\n",
                   r"D_f(p \| q) = D(p \| q) \quad (f(u) = u \log u)",
                   r"\log \frac{q(x)}{q(x)} = 0 \quad (q(x) > 0)")
    assert verdicts(text) == ["verified", "verified"]
    (first, second) = steps(text)
    assert second.hypotheses[0].latex == "q(x) > 0"


def test_bits_are_refused():
    (text,) = readings(display("", r"\log 2 = 1 \text{ bits}"))
    assert "natural" in text


@pytest.mark.parametrize("row, verdict", [
    (r"t < 0 \Rightarrow \sqrt{t^2} = -t", "verified"),
    (r"\sqrt{t^2} = -t", "refuted"),                         # without it, t = 1
    (r"t > 0 \Rightarrow \sqrt{t^2} = -t", "refuted"),
    (r"b - c = 1 \Rightarrow b = c + 1", "verified"),
    (r"b - c = 1 \Rightarrow b = c + 2", "refuted"),
])
def test_hypotheses_restrict_the_instances(row, verdict):
    assert verdicts(display("% derive: real t, b, c\n", row)) == [verdict]


def test_a_distribution_put_for_another():
    header = ("% derive: variable x\n% derive: density p_g, p_d\n"
              "% derive: define C = D(p_d \\| p_g)\n")
    assert verdicts(display(header, r"p_g = p_d \Rightarrow C = 0")) == ["verified"]
    assert verdicts(display(header, r"C = 0")) == ["refuted"]


def test_hypotheses_accumulate_from_a_directive():
    text = ("% derive: real t\n% derive: assume t < 1\n% derive: assume t < 0\n"
            "$$ \\log(-t) = \\log(-t) $$\n$$ \\sqrt{t^2} = -t $$\n")
    assert verdicts(text) == ["verified", "verified"]


def test_a_hypothesis_derive_cannot_use_leaves_the_step_undecided():
    assert verdicts(display("% derive: real t\n", r"t^2 < 1 \Rightarrow t = 0")) == ["undecided"]
    (text,) = readings(display("% derive: positive a\n", r"a < 1 \Rightarrow a = a"))
    assert text.startswith("a < 1 ⇒")
    assert verdicts(display("% derive: positive a\n", r"a < 1 \Rightarrow a^2 < 1")) == \
        ["undecided"]                   # a = 1 − δ could leave a's domain


def test_an_unreadable_hypothesis_is_an_error():
    (text,) = readings(display("", r"\operatorname{supp} P = 0 \Rightarrow a = a"))
    assert "does not read" in text


def test_forall_is_set_aside_only_over_a_variables_own_range():
    header = "% derive: discrete x in \\mathcal{X}\n% derive: density p\n"
    assert readings(display(header, r"\forall x \in \mathcal{X}, p(x) > 0")) == ["p(x) > 0"]
    (text,) = readings(display("", r"\forall t \in \mathbb{R}, t^2 \ge 0"))
    assert "declare the domain" in text                  # never dropped: t would be complex


# ---------------------------------------------------------------- remarks never redefine names

@pytest.mark.parametrize("header, row, later", [
    ("% derive: variable x\n% derive: density p_{data}, p_g\n",
     r"D_{JS}(p_{data} \| p_g) = 0 \quad (p_g(x) = p_{data}(x))", r"D_{JS}(p_{data} \| p_g) \le 0"),
    ("% derive: density p, q\n", r"D_{KL}(p \| q) = 0 \quad (q(x) = p(x))", r"D_{KL}(p \| q) = 0"),
    ("% derive: density p, q\n", r"D(q \| p) = 0 \qquad (q(x) = p(x))", r"D(q \| p) \le 0"),
])
def test_an_equation_beside_a_row_about_a_declared_density_is_its_hypothesis(header, row, later):
    text = display(header, row, later)
    first, second = steps(text)
    assert first.hypotheses and not second.hypotheses
    assert "⇒" in first.reading
    assert verdicts(text) == ["verified", "refuted"]       # the second row has no hypothesis


def test_an_equation_beside_a_row_about_a_declared_function_is_never_its_definition():
    text = display("% derive: real a, b\n% derive: function g\n",
                   r"g(a) = a \quad (g(t) = t)", r"g(b) = b")
    assert verdicts(text) == ["undecided", "refuted"]


def test_a_directive_never_defines_a_declared_name():
    text = "% derive: density p, q\n% derive: define q(x) = p(x)\n$$ D(p \\| q) = 0 $$\n"
    with pytest.raises(Exception, match="declared as a distribution"):
        steps(text)


def test_a_local_definition_ends_with_its_row():
    text = ("% derive: variable x\n% derive: density p, q\n\\begin{align*}\n"
            r"D_f(p \| q) &= \int q(x) f\left(\frac{p(x)}{q(x)}\right) dx \quad (f(u) = u \log u) \\"
            "\n" r"&= D(p \| q)" "\n\\end{align*}\n"
            "$$ D_f(p \\| q) \\ge 0 $$\n$$ f(2) = 2 \\log 2 $$\n$$ 1 = f(1) + 1 $$\n")
    assert verdicts(text) == ["verified", "verified", "error", "error", "error"]
    for message in readings(text)[2:]:
        assert "for that row only" in message and "line 4" in message
    chain = steps(text)[:2]
    assert chain[1].lhs is chain[0].rhs                   # the chain goes on across the row
    later = "% derive: define f(u) = u^2\n$$ f(3) = 9 $$\n"
    assert verdicts(text + later)[-1] == "verified"       # a definition of its own is fine


# ---------------------------------------------------------------- side conditions are never dropped

@pytest.mark.parametrize("condition", [
    r"\quad (a, b \in (0, \infty))", r"\quad (a > 0, b > 0)", r"\quad a, b > 0",
    r"\qquad \text{for positive } a, b", r"\quad \mathrm{for}\ a, b > 0",
    r"\quad \mbox{for } a, b > 0", r"\quad \text{for } a > 0 \text{ and } b > 0",
    r"\quad (a \in \mathbb{R}_{>0}, b > 0)", r"\quad a \in (0, \infty), b > 0",
])
def test_side_conditions_are_hypotheses(condition):
    text = display("", r"\log(ab) = \log a + \log b " + condition)
    (reading,) = readings(text)
    assert reading.startswith("a > 0, b > 0 ⇒")
    assert verdicts(text) == ["verified"]


@pytest.mark.parametrize("condition, verdict", [
    (r"\quad \text{for negative } t", "verified"),
    (r"\quad (t \in (-\infty, 0))", "verified"),
    (r"\quad t < 0", "verified"),
    (r"\quad (t \in (0, \infty))", "refuted"),
    (r"\quad (t \in [0, 1])", "undecided"),      # two bounds on one symbol: not used, never dropped
])
def test_bounds_from_intervals_restrict_the_instances(condition, verdict):
    assert verdicts(display("", r"\sqrt{t^2} = -t " + condition)) == [verdict]


@pytest.mark.parametrize("condition, at", [
    (r"\quad (a \succ 0)", r"a \succ"), (r"\quad (a \text{ positive})", r"a \text"),
    (r"\quad (a \in \mathbb{R}_+)", r"\mathbb"), (r"\quad (a \to 0)", r"a \to"),
    (r"\quad \text{for all } a", " a $$"), (r"\quad \text{positive } a", " a $$"),
    (r"\quad (a, b)", "a, b"),
])
def test_unreadable_side_conditions_are_errors_at_their_position(condition, at):
    text = display("", r"\sqrt{a^2} = a " + condition)
    (step,) = steps(text)
    assert step.kind.value == "unreadable"
    assert "side condition" in step.message or "\\text{for } a > 0" in step.message or \
        "declare the name" in step.message
    assert step.source_line[step.location.column - 1:].startswith(at)


@pytest.mark.parametrize("remark", [
    r"\quad (\text{Jensen})", r"\quad (2.3)", r"\quad (ii)", r"\quad (\star)",
    r"\quad \text{(Pearson } \chi^2\text{)}",
])
def test_remarks_and_tags_are_set_aside(remark):
    assert readings(display("", "a = a " + remark)) == ["a = a"]


@pytest.mark.parametrize("text, shown", [
    ("% derive: assume a = 2\n% derive: define F = a^2\n$$ F = 5 $$\n", ()),
    ("% derive: real b, c\n$$ b - c = 1 \\Rightarrow b^2 = c^2 + 2c $$\n", ("c",)),
    ("% derive: real b, c\n$$ 2b = c + 4 \\Rightarrow b = \\frac{c}{2} + 3 $$\n", ("c",)),
])
def test_a_counterexample_shows_only_values_the_hypothesis_allows(text, shown):
    """The symbol a hypothesis solves for is replaced by a term free of it, so no drawn
    value of it (one the step did not use) is shown."""
    from derive.checker import Options, check
    from derive.frontend.tex_file import load_tex
    (result,) = check(load_tex("h.tex", "% derive: variable x\n" + text), Options()).steps
    assert result.verdict.status == "refuted"
    assert tuple(name for name, _ in result.verdict.counterexample.assignment) == shown


# ---------------------------------------------------------------- a hypothesis is a value, never
# put in before differentiating (the variable differentiated by would be gone: a derivative 0)

DIFFERENTIATED = ("% derive: variable x\n% derive: real \\theta, t, s, a, u\n"
                  "% derive: define g(v) = v^3\n")


@pytest.mark.parametrize("row, verdict", [
    (r"\theta > 0 \Rightarrow \frac{d}{d\theta} \theta^2 = 2 \theta", "verified"),
    (r"\theta > 0 \Rightarrow \frac{d}{d\theta} \theta^2 = 0", "refuted"),
    (r"\theta > 0 \Rightarrow \frac{d}{d\theta} \log \theta = \frac{1}{\theta}", "verified"),
    (r"\frac{d}{d\theta} \theta^2 = 0 \quad \text{for } \theta > 0", "refuted"),
    (r"\theta < 0 \Rightarrow \nabla_\theta \theta^3 = 3 \theta^2", "verified"),
    (r"0 < t < 1 \Rightarrow \frac{d}{dt} \log t = 1", "refuted"),
    (r"s = t \Rightarrow \frac{d}{dt} (s t) = 2 t", "refuted"),        # d/dt(st) = s = t
    (r"s = 2 t \Rightarrow \frac{d}{dt} (s t) = 2 t", "verified"),
    (r"s = t \Rightarrow \frac{d}{dt} s = 0", "verified"),             # s is not t's function
    (r"s = 3 t \Rightarrow \frac{\partial}{\partial t} (s t^2) = 6 t^2", "verified"),
    (r"a > 0 \Rightarrow \frac{d}{da} \int_0^1 e^{a x} \, dx = \int_0^1 x e^{a x} \, dx",
     "verified"),
    (r"u > 0 \Rightarrow g'(u) = 3 u^2", "verified"),
    (r"u > 0 \Rightarrow g'(u) = 0", "refuted"),
    (r"u > 0 \Rightarrow \frac{d}{dt} t^3 \Big|_{t = u} = 3 u^2", "verified"),
    (r"t > 0 \Rightarrow \frac{d}{dt} \frac{d}{dt} t^3 = 6 t", "verified"),
    (r"t > 0 \Rightarrow \frac{d^2}{dt^2} t^3 = 0", "refuted"),
    (r"t > 1 \Rightarrow \frac{d}{dt} t^2 \Big|_{t = 1} = 2", "verified"),   # the bar binds t
    (r"t > 1 \Rightarrow \frac{d}{dt} t^2 \Big|_{t = 1} = 2 t", "refuted"),
])
def test_a_hypothesis_restricts_where_a_derivative_is_taken(row, verdict):
    assert verdicts(display(DIFFERENTIATED, row)) == [verdict]


def test_an_assumed_value_is_put_in_after_differentiating():
    text = ("% derive: real t\n% derive: assume t = 1\n"
            "$$ \\frac{d}{dt} t^3 = 3 $$\n$$ \\frac{d}{dt} t^3 = 0 $$\n")
    assert verdicts(text) == ["verified", "refuted"]


@pytest.mark.parametrize("row", [r"\theta > 0 \Rightarrow \frac{d}{d\theta} \theta^2 = 0",
                                 r"\frac{d}{dt} \log t = 1 \quad \text{for } 0 < t < 1"])
def test_a_counterexample_under_a_bound_satisfies_it(row):
    (result,) = _results(DIFFERENTIATED + f"$$ {row} $$\n")
    assert result.verdict.status == "refuted"
    ((name, value),) = result.verdict.counterexample.assignment
    assert name in ("\\theta", "t") and 0 < float(value) and (name == "\\theta" or float(value) < 1)


MOVING = ("% derive: variable x\n% derive: density p_r, p_\\theta\n"
          "% derive: depends p_\\theta on \\theta\n% derive: function f\n"
          "% derive: real \\theta, \\theta_0\n")


@pytest.mark.parametrize("row", [
    r"p_\theta = p_r \Rightarrow \nabla_\theta \int p_\theta(x) f(x) \, dx = 0",
    r"p_\theta = p_r \Rightarrow \frac{\partial}{\partial \theta} \mathbb{E}_{x \sim p_\theta}[x] = 0",
    r"p_\theta = p_r \Rightarrow \nabla_\theta D_{KL}(p_\theta \| p_r) = 0",
    r"p_\theta = p_r \Rightarrow \mathbb{E}_{x \sim p_{\theta_0}}[x] = \mathbb{E}_{x \sim p_r}[x]",
])
def test_a_distribution_equal_at_one_parameter_says_nothing_of_its_derivative(row):
    """p_θ = p_r at the current θ; ∂θ p_θ is not ∂θ p_r = 0: the hypothesis is not used."""
    (result,) = _results(display(MOVING, row))
    assert result.verdict.status == "undecided"
    assert "at the current parameters" in result.verdict.detail


def test_a_distribution_equal_at_one_parameter_is_still_put_in_where_it_stands():
    row = r"p_\theta = p_r \Rightarrow \mathbb{E}_{x \sim p_\theta}[f(x)] = \mathbb{E}_{x \sim p_r}[f(x)]"
    assert verdicts(display(MOVING, row)) == ["verified"]


@pytest.mark.parametrize("row", [
    r"\theta > 0 \Rightarrow \mathbb{E}_{x \sim p}[x] = \theta",
    r"\theta = 1 \Rightarrow \mathbb{E}_{x \sim p}[x] = 1",
    r"\theta = 1 \Rightarrow \frac{d}{d\theta} \mathbb{E}_{x \sim p}[x \theta] = 2",
])
def test_a_hypothesis_on_a_symbol_a_formula_density_is_written_with(row):
    """p = N(θ, 1) moves with θ: putting a value for θ alone would check the step at two
    different θ; it is not used (never refuted)."""
    header = ("% derive: variable x\n% derive: real \\theta\n"
              "% derive: density p = \\mathcal{N}(\\theta, 1) over x\n")
    assert verdicts(display(header, row)) == ["undecided"]


def _results(text):
    from derive.checker import Options, check
    from derive.frontend.tex_file import load_tex
    return check(load_tex("h.tex", text), Options()).steps


@pytest.mark.parametrize("row", [
    r"\frac{a}{a} = 1 \Rightarrow a^2 > 0",
    r"\frac{a^2}{a^2} > 0 \Rightarrow a^2 > 0",
    r"\frac{\log a}{\log a} = 1 \Rightarrow (a - 1)^2 > 0",
    r"a^0 \cdot \frac{1}{a} = \frac{1}{a} \Rightarrow a \ne 0",
])
def test_a_hypothesis_undefined_somewhere_is_not_implied(row):
    """a/a = 1 does not hold at a = 0 (it has no value there): it is not dropped as implied
    (which would let a = 0 be drawn), and not being usable otherwise, leaves the step
    undecided — never a counterexample where the hypothesis has no value."""
    from derive.engines.hypotheses import Unusable, restrict
    text = display("% derive: real a\n", row)
    (step,) = steps(text)
    with pytest.raises(Unusable):
        restrict(step)
    assert verdicts(text) == ["undecided"]


def test_a_hypothesis_defined_everywhere_is_still_implied():
    text = display("% derive: variable x\n% derive: density q\n% derive: real a\n",
                   r"a^2 + 1 > 0 \Rightarrow \log \frac{q(x)}{q(x)} = 0",
                   r"\int q(x) \, dx = 1 \Rightarrow a = a")
    assert verdicts(text) == ["verified", "verified"]


# ---------------------------------------------------------------- bounds written bound-first

@pytest.mark.parametrize("row, verdict", [
    (r"\sqrt{c^2} = c \quad 0 < c", "verified"),
    (r"\sqrt{c^2} = -c \quad -1 < c < 0", "verified"),
    (r"\sqrt{c^2} = c, \quad 0 < c", "verified"),
    (r"\sqrt{c^2} = c \quad c > 0 > d", "verified"),
    (r"\sqrt{c^2} = c \quad 0 \le c", "verified"),
    (r"\sqrt{c^2} = c \qquad 0 < c", "verified"),
    (r"\log(ab) = \log a + \log b \quad 0 < a, b", "verified"),
    (r"\sqrt{c^2} = c \quad -1 < c < 0", "refuted"),
    (r"\sqrt{c^2} = -c \quad 0 < c", "refuted"),
    (r"\sqrt{c^2} = c \quad 0 > c", "refuted"),
])
def test_a_bound_written_bound_first_is_a_hypothesis_not_a_row(row, verdict):
    text = display("", row)
    assert verdicts(text) == [verdict]
    (step,) = steps(text)
    assert step.hypotheses


def test_a_shared_bound_first_bound_names_each():
    (reading,) = readings(display("", r"\log(ab) = \log a + \log b \quad 0 < a, b"))
    assert reading.startswith("0 < a, 0 < b ⇒")


@pytest.mark.parametrize("condition", [
    r"\quad (a \in (-\infty, \infty))", r"\quad (a, b \in (-\infty, \infty))",
    r"\quad a \in (-\infty, \infty)", r"\quad (a \in (-\infty, +\infty))",
])
def test_a_doubly_infinite_interval_is_refused_not_dropped(condition):
    (step,) = steps(display("", r"a^2 b^2 \ge 0 " + condition))
    assert step.kind.value == "unreadable"
    assert "states only that a is real" in step.message
    assert step.source_line[step.location.column - 1:].startswith("-\\infty")


# ---------------------------------------------------------------- math beside a \quad

@pytest.mark.parametrize("row, at", [
    (r"\frac{1}{0} \quad a = a", r"\frac"), (r"2 \quad 3 = 6", "2 \\quad"),
    (r"a^2 \quad b = b", "a^2"), (r"\log(-1) \qquad a = a", r"\log"),
])
def test_math_before_a_quad_row_is_refused(row, at):
    (step,) = steps(display("", row))
    assert step.kind.value == "unreadable" and "math before a \\quad" in step.message
    assert step.source_line[step.location.column - 1:].startswith(at)


@pytest.mark.parametrize("row, at", [
    (r"a = a \quad 2", "2 $$"), (r"a = a \quad b", "b $$"), (r"a = a \qquad b c", "b c"),
    (r"a = a \quad \frac{1}{0}", r"\frac"),
])
def test_math_after_a_quad_beside_a_row_is_refused(row, at):
    (step,) = steps(display("", row))
    assert step.kind.value == "unreadable" and "math after a \\quad" in step.message
    assert step.source_line[step.location.column - 1:].startswith(at)


@pytest.mark.parametrize("row, expected", [
    (r"\quad a + b = b + a", ["a + b = b + a"]),                 # a \quad that indents
    (r"a + b \quad = b + a", ["a + b = b + a"]),                 # the row goes on after it
    (r"a = a \quad \quad", ["a = a"]),
])
def test_a_quad_as_spacing_is_read(row, expected):
    assert readings(display("", row)) == expected

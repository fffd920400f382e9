"""Joint, marginal and conditional distributions under one name, pinned: readings, the
rules both engines know (chain rule, marginalisation, Bayes, normalisation of each
conditional), and the look-alikes next to them that must not come out verified."""

import pytest

from derive.frontend.errors import InputError

from probability_support import display, first_refusal, readings, steps, verdicts

TWO = "% derive: variable x, z\n% derive: density p\n"
JOINT = "% derive: discrete x, y\n% derive: joint p over x, y\n"


@pytest.mark.parametrize("row, expected", [
    (r"\int p(x, z) \, dz = p(x)", "∫ p(x, z) dz = p(x)"),
    (r"p(z, x) = p(x, z)", "p(x, z) = p(x, z)"),                   # arguments by name
    (r"p(z | x) = p(z \mid x)", "p(z | x) = p(z | x)"),
    (r"p(0) = p(x)", "p(0) = p(x)"),                               # a value: positional
])
def test_readings(row, expected):
    assert readings(display(TWO, row)) == [expected]


def test_an_undeclared_letter_in_a_density_is_a_variable_of_it():
    header = "% derive: variable z\n% derive: density p over z\n"
    (reading,) = readings(display(header, r"p(x, z) = p(z | x) p(x)"))
    assert reading == "p(z, x) = p(z | x) · p(x)"


@pytest.mark.parametrize("row", [
    r"\int p(x, z) \, dz = p(x)",                                   # marginalisation
    r"p(z | x) = \frac{p(x | z) p(z)}{p(x)}",                       # Bayes
    r"p(x, z) = p(z | x) p(x)",                                     # chain rule
    r"\int p(z | x) \, dz = 1",                                     # each conditional
    r"\int \int p(x, z) \, dx \, dz = 1",
])
def test_rules_of_one_joint_are_verified(row):
    assert verdicts(display(TWO, row)) == ["verified"]


@pytest.mark.parametrize("row", [
    r"p(z | x) = \frac{p(x | z) p(x)}{p(z)}",                       # Bayes with a swap
    r"\int p(z | x) \, dx = 1",                                     # the wrong variable
    r"p(x, z) = p(x) p(z)",                                         # not independent
    r"p(z | x) = p(x | z)",                                         # swapped conditioning
    r"\int p(x, z) \, dz = p(z)",                                   # a marginal of the other
])
def test_look_alikes_are_refuted(row):
    assert verdicts(display(TWO, row)) == ["refuted"]


@pytest.mark.parametrize("row, verdict", [
    (r"P(\mathrm{x}=x) = \sum_{y} P(\mathrm{x}=x, \mathrm{y}=y)", "verified"),
    (r"P(\mathrm{x}=x) = \sum_{x} P(\mathrm{x}=x, \mathrm{y}=y)", "refuted"),
    (r"P(\mathrm{y}=y \mid \mathrm{x}=x) = \frac{P(\mathrm{y}=y, \mathrm{x}=x)}{P(\mathrm{x}=x)}",
     "verified"),
])
def test_probabilities_of_events(row, verdict):
    header = "% derive: discrete x, y\n% derive: joint P over x, y\n"
    assert verdicts(display(header, row)) == [verdict]


def test_a_continuous_variable_has_no_probability_of_a_value():
    (text,) = readings(display(TWO, r"p(x = 1) = 0"))
    assert "is continuous" in text


def test_everyday_evidence_decomposition():
    text = ("% derive: variable z\n% derive: density q over z\n% derive: density p over z\n"
            "\\begin{align*}\n"
            "\\log p(x) &= \\mathbb{E}_{z \\sim q}[\\log p(x)] \\\\\n"
            "&= \\mathbb{E}_{z \\sim q}[\\log \\frac{p(x, z)}{p(z \\mid x)}] \\\\\n"
            "&= \\mathbb{E}_{z \\sim q}[\\log \\frac{p(x, z)}{q(z)}] + "
            "\\mathbb{E}_{z \\sim q}[\\log \\frac{q(z)}{p(z \\mid x)}]\n\\end{align*}\n")
    assert verdicts(text) == ["verified"] * 3


def test_parameters_after_a_semicolon():
    header = ("% derive: variable v, h\n% derive: joint p over v, h with parameter \\theta\n")
    assert readings(display(header, r"p(v; \theta) = \int p(v, h; \theta) \, dh")) == \
        ["p(v) = ∫ p(v, h) dh"]
    (text,) = readings(display("% derive: variable v\n% derive: density p over v\n",
                               r"p(v; \theta) = 1"))
    assert "depends on 0 parameter" in text


PARAMETRISED = "% derive: variable x, z\n% derive: joint p over x, z with parameter \\theta\n"


def test_declared_parameters_after_the_bar_are_the_parameters():
    # Bishop's p(x | θ), Murphy's p(x | θ): θ is declared a parameter of p, not a variable
    assert readings(display(PARAMETRISED, r"p(x, z \mid \theta) = p(z \mid x; \theta) p(x | \theta)",
                            r"\int p(x, z | \theta) \, dz = p(\mathbf{x} \mid \theta)")) == \
        ["p(x, z) = p(z | x) · p(x)", "∫ p(x, z) dz = p(x)"]
    assert verdicts(display(PARAMETRISED, r"\int p(x, z | \theta) \, dz = p(x \mid \theta)",
                            r"\int p(x, z | \theta) \, dz = p(z \mid \theta)")) == \
        ["verified", "refuted"]
    (text,) = readings(display(PARAMETRISED, r"\max_\theta \log p(x \mid \theta) = 0"))
    assert text == "max_{θ} log(p(x)) = 0"          # at the bound θ, as p(x; θ) is


@pytest.mark.parametrize("row, reading", [
    (r"p(z \mid x, \theta) = p(z \mid x; \theta)", "p(z | x) = p(z | x)"),
    (r"p(x \mid \theta, z) = p(x \mid z; \theta)", "p(x | z) = p(x | z)"),
    (r"p(\mathbf{x, z} \mid \theta) = p(\mathbf{z}\vert\mathbf{x}, \theta) p(\mathbf{x}\vert\theta)",
     "p(x, z) = p(z | x) · p(x)"),
])
def test_parameters_beside_variables_after_the_bar_are_the_parameters(row, reading):
    # Will Wolf's EM notes: p(Z | X, θ) conditions on the data X and fixes the parameter θ,
    # as p(Z | X; θ) does; one bold font around the list X, Z is the two names
    assert readings(display(PARAMETRISED, row)) == [reading]
    assert verdicts(display(PARAMETRISED, row)) == ["verified"]


@pytest.mark.parametrize("row", [
    r"p(z \mid x, \theta) = p(x \mid z; \theta)",
    r"p(\mathbf{x, z} \mid \theta) = p(\mathbf{x}\vert\mathbf{z}, \theta) p(\mathbf{x}\vert\theta)",
    r"p(z \mid x, \theta) = \frac{p(x, z \mid \theta)}{p(z \mid \theta)}",
])
def test_parameters_beside_variables_do_not_verify_a_false_step(row):
    assert verdicts(display(PARAMETRISED, row)) == ["refuted"]


def test_a_bayes_step_over_discrete_variables():
    assert verdicts(display(JOINT, r"p(x \mid y) = \frac{p(x) p(y \mid x)}{\sum_{x} p(x) p(y \mid x)}")) \
        == ["verified"]
    assert verdicts(display(JOINT, r"p(x \mid y) = \frac{p(x) p(y \mid x)}{\sum_{y} p(x) p(y \mid x)}")) \
        == ["refuted"]


# ---------------------------------------------------------------- Cover & Thomas's D(p(y|x) ‖ q(y|x))

CT = "% derive: discrete x, y\n% derive: joint p over x, y\n% derive: joint q over x, y\n"


@pytest.mark.parametrize("row, verdict", [
    (r"D(p(x, y) \| q(x, y)) = D(p(x) \| q(x)) + D(p(y|x) \| q(y|x))", "verified"),
    (r"D(p(x, y) \| q(x, y)) = D(p(y) \| q(y)) + D(p(x \mid y) \| q(x \mid y))", "verified"),
    (r"D(p(y|x) \| q(y|x)) = \sum_x p(x) \sum_y p(y|x) \log \frac{p(y|x)}{q(y|x)}", "verified"),
    (r"\sum_x p(x) D(p(y|x) \| q(y|x)) = D(p(y|x) \| q(y|x))", "verified"),
    (r"D(p(x, y) \| q(x, y)) = D(p(x) \| q(x)) + D(p(x|y) \| q(x|y))", "refuted"),
    (r"D(p(y|x) \| q(y|x)) = \sum_x q(x) \sum_y p(y|x) \log \frac{p(y|x)}{q(y|x)}", "refuted"),
])
def test_conditional_relative_entropy_is_averaged_as_cover_and_thomas_define_it(row, verdict):
    assert verdicts(display(CT, row)) == [verdict]


@pytest.mark.parametrize("row", [
    r"D(p(y|x) \| q(y|x)) = \sum_y p(y|x) \log \frac{p(y|x)}{q(y|x)}",
    r"D(p(y|x) \| q(y|x)) + \log p(x) = \left(\sum_x p(x) \sum_y p(y|x) \log "
    r"\frac{p(y|x)}{q(y|x)}\right) + \log p(x)",
    r"D(p(y|x) \| q(y|x)) = D(p(y|x) \| q(y|x)) + 0 \cdot p(x)",
])
def test_an_averaged_conditional_divergence_beside_a_free_x_is_refused(row):
    """Attack round 16, atkC/9: x averaged inside D(p(y|x) ‖ q(y|x)) and free elsewhere in
    the row meant two things in one row (the first row was refuted, the second verified):
    refused, neither reading silently chosen."""
    (step,) = steps(display(CT, row))
    assert step.kind == "unreadable" and "but this row also uses x free" in step.message
    assert step.location.column == 5            # the divergence's bracket


def test_a_conditional_divergence_at_a_value_or_of_a_family_stays_pointwise():
    (reading,) = readings(display(CT, r"D(p(y|x=1) \| q(y|x=1)) = 0"))
    assert "∫" not in reading
    vae = ("% derive: variable x, z\n% derive: joint p over x, z\n"
           "% derive: density q over z given x\n")
    (reading,) = readings(display(vae, r"D(q(z|x) \| p(z|x)) = 0"))
    assert "∫" not in reading
    # attack round 16, atkA/4: the family second was averaged over x, and the forward KL's
    # definition at x refuted
    (reading,) = readings(display(vae, r"D(p(z|x) \| q(z|x)) = 0"))
    assert "∫" not in reading
    forward = r"D_{KL}(p(z|x) \| q(z|x)) = \mathbb{E}_{p(z|x)}\left[\log \frac{p(z|x)}{q(z|x)}\right]"
    assert verdicts(display(vae, forward)) == ["verified"]


def test_joint_and_marginal_divergences_read_apart():
    (reading,) = readings(display(CT, r"D(p(x, y) \| q(x, y)) = D(p(x) \| q(x)) + D(p(y) \| q(y))"))
    assert reading == "KL(p(x, y) ‖ q(x, y)) = KL(p(x) ‖ q(x)) + KL(p(y) ‖ q(y))"


@pytest.mark.parametrize("row, expected", [
    (r"\Pr(X = y) = p(y)", "p(X=y) = p(y)"),
    (r"\Pr(X = y) = \Pr(Y = y)", "p(X=y) = p(y)"),
    (r"\Pr(Y = x \mid X = y) = p(x \mid y)", "p(Y=x | X=y) = p(x | y)"),
    (r"\Pr(X = x) = \sum_y p(x, y)", "p(x) = Σ_{y} p(x, y)"),
    (r"\Pr(X = x, Y = y) = p(x) p(y)", "p(x, y) = p(x) · p(y)"),
])
def test_a_marginal_at_another_variables_value_prints_with_its_variable(row, expected):
    """p over x at the value y, beside p over y, is `p(X=y)`: never `p(y) = p(y)` for a
    step that (rightly) fails."""
    header = "% derive: discrete x, y\n% derive: density p over x, y\n"
    assert readings(display(header, row)) == [expected]


@pytest.mark.parametrize("row, expected", [
    (r"p(x \mid \theta_0) = p(x; \theta_0)", "p(x; θ_0) = p(x; θ_0)"),
    (r"p(x \mid \theta') = p(x; \theta')", "p(x; θ') = p(x; θ')"),
    (r"p(x \mid \theta^{(t)}) = p(x; \theta^{(t)})", "p(x; θ^(t)) = p(x; θ^(t))"),
])
def test_a_parameter_at_another_value_after_the_bar_is_that_value(row, expected):
    """After `depends p on \\theta`, `\\theta_0` after the bar is θ at another value (as
    after ';'), never a new conditioning variable (the true row was refuted)."""
    header = ("% derive: variable x\n% derive: density p\n% derive: real \\theta\n"
              "% derive: depends p on \\theta\n")
    assert readings(display(header, row)) == [expected]
    assert verdicts(display(header, row)) == ["verified"]


def test_a_parameter_value_beside_a_variable_is_that_value():
    header = ("% derive: variable x, z\n% derive: joint p over x, z\n% derive: real \\theta\n"
              "% derive: depends p on \\theta\n")
    assert readings(display(header, r"p(x \mid z, \theta_0) = p(x \mid z; \theta_0)")) == \
        ["p(x | z; θ_0) = p(x | z; θ_0)"]


def test_a_value_of_a_parameter_after_the_bar_ranges_like_the_parameter():
    """θ_0 undeclared was complex: Gibbs' inequality KL(p(x|θ) ‖ p(x|θ_0)) ≥ 0 was refuted."""
    header = ("% derive: variable x\n% derive: real \\theta\n% derive: density p\n"
              "% derive: depends p on \\theta\n")
    assert verdicts(display(header, r"D_{KL}(p(x \mid \theta) \| p(x \mid \theta_0)) \ge 0",
                            r"\int p(x \mid \theta) \log \frac{p(x \mid \theta')}{p(x \mid \theta)} dx \ge 0")) \
        == ["verified", "refuted"]



# Data points: `x_i` under a sum over i, x a declared variable, is a value of x (a member
# of the family x_· of data points) and stands at x's place in a joint or a conditional, as
# `x` does (held-out s8e EM note: every `p(x_i; θ)`, `p(x_i, z_i; θ)` was refused).
SAMPLES = ("% derive: variable x\n% derive: discrete z\n% derive: real \\theta\n"
           "% derive: joint p over x, z with parameter \\theta\n% derive: density q over z\n")
UNPARAMETRISED = "% derive: discrete x, z\n% derive: joint p over x, z\n"


@pytest.mark.parametrize("row, expected", [
    (r"\sum_i \log p(x_i;\theta) = \sum_i \log \sum_{z_i} p(x_i, z_i;\theta)",
     "Σ_{i} log(p(X=x_i)) = Σ_{i′} log(Σ_{z_i} p(X=x_i′, z_i))"),
    (r"\sum_i p(z_i \mid x_i; \theta) = \sum_i p(z_i \mid x_i)",
     "Σ_{i} p(z_i | x_i) = Σ_{i′} p(z_i′ | x_i′)"),
    (r"\sum_i p(z, x_i) = \sum_i p(x_i, z)",            # a data point beside a variable
     "Σ_{i} p(x_i, z) = Σ_{i′} p(x_i′, z)"),
])
def test_a_data_point_stands_at_its_variables_place(row, expected):
    assert readings(display(SAMPLES, row)) == [expected]


@pytest.mark.parametrize("header, row, verdict", [
    (SAMPLES, r"\sum_i \log p(x_i;\theta) = \sum_i \log \sum_{z_i} p(x_i, z_i;\theta)",
     "verified"),
    (SAMPLES, r"\sum_i \log p(x_i;\theta) = \sum_i \sum_{z_i} \log p(x_i, z_i;\theta)",
     "refuted"),                                        # marginalised outside the log
    (SAMPLES, r"\sum_i \log \sum_{z_i} q(z_i) \frac{p(x_i, z_i;\theta)}{q(z_i)} \ge "
     r"\sum_i \sum_{z_i} q(z_i) \log \frac{p(x_i, z_i;\theta)}{q(z_i)}", "verified"),
    (SAMPLES, r"\sum_i \log \sum_{z_i} q(z_i) \frac{p(x_i, z_i;\theta)}{q(z_i)} \le "
     r"\sum_i \sum_{z_i} q(z_i) \log \frac{p(x_i, z_i;\theta)}{q(z_i)}", "refuted"),
    (SAMPLES, r"\sum_i \log p(x_i;\theta) = \sum_i \log \sum_{z_i} "
     r"\frac{p(x_i, z_i;\theta)}{q(z_i)}", "refuted"),  # EM's weights dropped
    (SAMPLES, r"\sum_i p(z \mid x_i) = \sum_i \frac{p(x_i, z)}{p(x_i)}", "verified"),
    (SAMPLES, r"\sum_i p(z \mid x_i) = \sum_i \frac{p(x_i, z)}{p(z)}", "refuted"),
    (UNPARAMETRISED, r"\sum_{i=1}^N \sum_{z_i} p(z_i \mid x_i) = N", "verified"),
    (UNPARAMETRISED, r"\sum_{i=1}^N \sum_{x_i} p(z_i \mid x_i) = N", "refuted"),
    (UNPARAMETRISED, r"\sum_{i=1}^N \sum_{z_i} p(z_i \mid x_i) \log p(x_i, z_i) "
     r"\le \sum_{i=1}^N \log p(x_i)", "verified"),
])
def test_data_points_in_joints_and_conditionals(header, row, verdict):
    assert verdicts(display(header, row)) == [verdict]


def test_a_data_point_and_its_variable_in_one_density_are_refused():
    (step,) = steps(display(SAMPLES, r"\sum_i p(x_i, x) = 1"))
    assert step.kind == "unreadable" and step.message.startswith(
        "a variable appears twice in a density's arguments (x: a data point x_i is a value of x")
    assert (step.location.line, step.location.column) == (6, 12)


def test_a_declared_family_is_no_data_point():
    """`real x_i for i = 1..n` makes x_i numbers of their own: in a joint over x, z the
    argument says no variable (refused, as before); a single-variable density is at it."""
    header = SAMPLES + "% derive: density r over x\n% derive: real x_i for i = 1..n\n"
    (step,) = steps(display(header, r"\sum_i \log p(x_i;\theta) = 0"))
    assert step.kind == "unreadable" and "say which variable each argument stands for" \
        in step.message
    assert verdicts(display(header, r"\sum_i \log r(x_i) = \sum_{j} \log r(x_j)")) == \
        ["verified"]


def test_termwise_order_under_a_sum_is_never_strict():
    """Σ_i a_i ≥ Σ_i b_i from a_i ≥ b_i; never `>` from `a_i > b_i` (a sum over an empty
    range is 0 on both sides; was: `1 > 0` termwise proved it)."""
    from derive.engines import bounds, clock
    header = "% derive: integer m\n"
    strict, weak = steps(display(header, r"\sum_{i=1}^{m} 1 > \sum_{i=1}^{m} 0",
                                 r"\sum_{i=1}^{m} 1 \ge \sum_{i=1}^{m} 0"))
    assert bounds.prove(strict, clock.now() + 20) is None
    assert bounds.prove(weak, clock.now() + 20) is not None


CLASSES = ("% derive: variable \\mathbf{x}\n"
           "% derive: discrete \\mathcal{C} in \\{\\mathcal{C}_1, \\mathcal{C}_2\\}\n"
           "% derive: joint p over \\mathbf{x}, \\mathcal{C}\n")


@pytest.mark.parametrize("row, verdict", [
    (r"p(\mathcal{C}_1|\mathbf{x}) = \frac{p(\mathbf{x}|\mathcal{C}_1)p(\mathcal{C}_1)}"
     r"{p(\mathbf{x}|\mathcal{C}_1)p(\mathcal{C}_1) + p(\mathbf{x}|\mathcal{C}_2)p(\mathcal{C}_2)}",
     "verified"),
    (r"p(\mathcal{C}_1|\mathbf{x}) = \frac{p(\mathbf{x}|\mathcal{C}_1)p(\mathcal{C}_1)}"
     r"{p(\mathbf{x}|\mathcal{C}_1)p(\mathcal{C}_1) + p(\mathbf{x}|\mathcal{C}_2)}", "refuted"),
    (r"p(\mathbf{x}, \mathcal{C}_1) + p(\mathbf{x}, \mathcal{C}_2) = p(\mathbf{x})", "verified"),
    (r"p(\mathbf{x}, \mathcal{C}_1) = p(\mathbf{x})", "refuted"),
    (r"p(\mathcal{C}_1|\mathbf{x}) + p(\mathcal{C}_2|\mathbf{x}) = 1", "verified"),
    (r"p(\mathcal{C}_1|\mathbf{x}) = p(\mathbf{x}|\mathcal{C}_1)", "refuted"),
    (r"P(\mathcal{C} = \mathcal{C}_1) = p(\mathcal{C}_1)", "verified"),
    (r"\int p(\mathbf{x}|\mathcal{C}_2) \, d\mathbf{x} = 1", "verified"),
    (r"\sum_{\mathcal{C}} p(\mathbf{x}|\mathcal{C}) p(\mathcal{C}) = "
     r"p(\mathbf{x}|\mathcal{C}_1)p(\mathcal{C}_1) + p(\mathbf{x}|\mathcal{C}_2)p(\mathcal{C}_2)",
     "verified"),
    (r"\sum_{\mathcal{C}} p(\mathbf{x}, \mathcal{C}) = p(\mathbf{x}, \mathcal{C}_1)", "refuted"),
])
def test_a_variable_whose_values_are_named(row, verdict):
    """`discrete \\mathcal{C} in \\{\\mathcal{C}_1, \\mathcal{C}_2\\}` (Bishop's classes): C
    takes exactly those two values, so a marginal leaving C out is the sum of the joint
    at each (Bayes' rule over the classes). Was: a parse error at `\\{`."""
    assert verdicts(display(CLASSES, row)) == [verdict]


@pytest.mark.parametrize("row", [
    r"\mathcal{C}_1 + 1 = 2",
    r"p(\mathcal{C}_1 + 1) = p(\mathcal{C}_2)",
    r"\log \mathcal{C}_2 = 0",
    r"p(\mathbf{x}|\mathcal{C}_1) = \mathcal{C}_1",
])
def test_a_named_value_is_no_number(row):
    """A named value is a label: derive codes it as a number internally, so arithmetic on
    it would be about that coding — refused."""
    assert steps(display(CLASSES, row))[-1].kind == "unreadable"


@pytest.mark.parametrize("directive, message", [
    ("discrete c in \\{0, 1\\}", "written as numbers"),
    ("discrete c in \\{a, a\\}", "listed twice"),
    ("real a\n% derive: discrete c in \\{a, b\\}", "has a meaning above"),
])
def test_named_values_are_fresh_names(directive, message):
    assert message in first_refusal(f"% derive: {directive}\n$$ 1 = 1 $$\n")[2]


@pytest.mark.parametrize("row", [r"q(\mathcal{C}_1) = q(\mathcal{C}_2)", r"P(z = \mathcal{C}_1) = 1"])
def test_a_named_value_of_another_variable_is_refused(row):
    """A named value is C's: at a variable that does not range over its set (z here) its
    numeric coding would pass for a value of z."""
    header = CLASSES + "% derive: discrete z\n% derive: density q over z\n"
    assert steps(display(header, row))[-1].kind == "unreadable"


@pytest.mark.parametrize("family", [r"\mathrm{Bernoulli}(\theta)", r"\mathrm{Poisson}(1)",
                                    r"\mathrm{Bin}(2, \frac12)"])
def test_a_standard_family_over_named_values_is_refused(family):
    """atkF/11: a Bernoulli over 𝒞 in {𝒞_1, 𝒞_2} put its masses at the numeric codes 1, 2:
    the true q(𝒞_1) + q(𝒞_2) = 1 was refuted, Σ_𝒞 q(𝒞) = 1 'engines disagree'."""
    from derive.frontend.errors import InputError
    from derive.frontend.tex_file import load_tex
    text = ("% derive: real \\theta\n% derive: assume 0 < \\theta < 1\n"
            "% derive: discrete \\mathcal{C} in \\{\\mathcal{C}_1, \\mathcal{C}_2\\}\n"
            f"% derive: density q = {family} over \\mathcal{{C}}\n"
            "$$ q(\\mathcal{C}_1) + q(\\mathcal{C}_2) = 1 $$\n")
    with pytest.raises(InputError, match="takes named values"):
        load_tex("n.tex", text)


def test_masses_given_by_name_over_named_values_are_read():
    text = ("% derive: discrete \\mathcal{C} in \\{\\mathcal{C}_1, \\mathcal{C}_2\\}\n"
            "% derive: density q over \\mathcal{C}\n"
            "$$ q(\\mathcal{C}_1) + q(\\mathcal{C}_2) = 1 $$\n"
            "$$ q(\\mathcal{C}_1) + q(\\mathcal{C}_2) = 2 $$\n")
    assert verdicts(text) == ["undecided", "refuted"]     # the sum is not a normal form yet


# A density declared over x alone, written at another declared variable y: p(y) is the
# marginal of y of p's joint, which the author never writes — they mean one density.
ONE_OVER_X = "% derive: variable x, y\n% derive: density p_d, p_g\n"
OPTIMAL = r"D^*(x) = \frac{p_d(x)}{p_d(x)+p_g(x)}"


def test_a_function_of_a_density_at_another_variable_beside_its_marginal_is_refused():
    """D^*(y) puts p_d's density over x at y; p_d(y) is the marginal of y: refused (it
    was refuted on the two differing), at the step's position, naming both readings."""
    found = steps(display(ONE_OVER_X, OPTIMAL,
                          r"D^*(y) = \frac{p_d(y)}{p_d(y)+p_g(y)}"))
    assert found[1].kind.value == "unreadable"
    assert "p_{d} at y means two things" in found[1].message
    assert verdicts(display(ONE_OVER_X, OPTIMAL, r"D^*(y) \le 1")) == ["definition", "verified"]
    assert verdicts(display(ONE_OVER_X, OPTIMAL, r"D^*(x) = \frac{p_d(x)}{p_d(x)+p_g(x)}")) \
        == ["definition", "verified"]


@pytest.mark.parametrize("row, verdict", [
    # true of one density written at two letters: never refuted on two marginals
    (r"\int p_d(x) \log p_d(x) \, dx = \int p_d(y) \log p_d(y) \, dy", "undecided"),
    (r"\int p_d(x) \log p_g(x) \, dx = \int p_d(y) \log p_g(y) \, dy", "undecided"),
    # false of one density too: still refuted
    (r"\int p_d(x) \log p_d(x) \, dx = 2 \int p_d(y) \log p_d(y) \, dy", "refuted"),
    (r"\int p_d(x) \log p_g(x) \, dx = \int p_d(y) \log p_d(y) \, dy", "refuted"),
    # the joint written: its marginals are two densities (H(X,Y) ≥ H(X) + H(Y) is false)
    (r"\int\int p_d(x, y) \log p_d(x, y) \, dx \, dy \le \int p_d(x) \log p_d(x) \, dx"
     r" + \int p_d(y) \log p_d(y) \, dy", "refuted"),
])
def test_marginals_of_a_joint_never_written_are_drawn_alike(row, verdict):
    assert verdicts(display(ONE_OVER_X, row)) == [verdict]


@pytest.mark.parametrize("row, verdict", [
    (r"\sum_{y} p(x \lvert y)\, p(y) = p(x)", "verified"),          # \lvert alone: the bar
    (r"\sum_{y} p(y \lvert x)\, p(y) = p(x)", "refuted"),
    (r"p_{X|Y}(x|y) = \frac{p(x,y)}{p(y)}", "verified"),            # capitals as written
    (r"p_{X|Y}(x|y) = \frac{p(x,y)}{p(x)}", "refuted"),
    (r"p(y|x) = p_{Y \mid X}(y \mid x)", "verified"),
])
def test_conditional_bar_spellings(row, verdict):
    """`p(x \\lvert y)` and `p_{X|Y}(x|y)` read as `p(x | y)` (round 20, atkL bar_*)."""
    assert verdicts(display(JOINT, row)) == [verdict]


@pytest.mark.parametrize("row, words", [
    (r"p(y|x) = p_{X|Y}(y|x)", "p_{X|Y}: derive reads a density subscripted"),  # sides swapped
    (r"\sum_{y} p(x \given y)\, p(y) = p(x)", "\\given is no LaTeX command"),
])
def test_conditional_spellings_that_do_not_say_p_x_given_y_are_refused(row, words):
    (step,) = steps(display(JOINT, row))
    assert step.kind == "unreadable" and words in step.message


MI = r"\sum_{x,y} p(x,y) \log \frac{p(x,y)}{p(x)p(y)}"


@pytest.mark.parametrize("row, verdict", [
    (r"p_{XY}(x,y) = p(x,y)", "verified"),                           # capitals run together
    (r"p_{XY}(x,y) = p(x)", "refuted"),
    (r"\sum_{y} p_{XY}(x,y) = p_X(x)", "verified"),
    (r"\sum_{y} p_{XY}(x,y) = p_Y(y)", "refuted"),
    (MI + r" = D(p_{XY} \| p_{X} \cdot p_{Y})", "verified"),         # the product law
    (MI + r" = D(p_{XY} \| p_{Y} p_{X})", "verified"),
    (r"\sum_{x,y} p(x,y) \log \frac{p(x,y)}{p(x)} = D(p_{XY} \| p_{X} \cdot p_{Y})", "refuted"),
    (r"\sum_{x,y}^{} p(x,y) \log \frac{p(x,y)}{p(x)p(y)} = I(X;Y)", "verified"),  # empty ^{}
])
def test_subscripted_laws_of_a_joint(row, verdict):
    """`p_{XY}`, `p_X`, `p_X \\cdot p_Y` of a declared joint: its marginals and their product
    law (an Obsidian note's D(p_{XY}\\|p_{X}\\cdot p_{Y}))."""
    assert verdicts(display(JOINT, row)) == [verdict]


@pytest.mark.parametrize("row, words", [
    (r"\sum_{x,y} p_{XW}(x,y) = 1", "p_{XW}: derive reads a density subscripted"),
    (r"D(p_{XY} \| p_{X} \cdot p_{X}) = 0", "each variable once"),     # not a product law
    (r"D(p_{XW} \| p_{X} \cdot p_{W}) = 0", "each variable once"),
    (r"D(p_{X|Y} \| p_{X}) = 0", "each variable once"),
])
def test_subscripted_laws_that_name_no_declared_variables_are_refused(row, words):
    (step,) = steps(display(JOINT, row))
    assert step.kind == "unreadable" and words in step.message


STATS = "% derive: variable x, y\n% derive: density f_{X,Y} over x, y\n"


@pytest.mark.parametrize("row, verdict", [
    (r"\int f_{X,Y}(x,y)\,dy = f_X(x)", "verified"),                  # its marginals
    (r"\int f_{X,Y}(x,y)\,dy = f_Y(y)", "refuted"),
    (r"f_{X|Y}(x|y) = \frac{f_{X,Y}(x,y)}{f_Y(y)}", "verified"),       # its conditional
    (r"f_{X|Y}(x|y) = \frac{f_{X,Y}(x,y)}{f_X(x)}", "refuted"),
    (r"f_{X|Y}(x|y) = \frac{f_{Y|X}(y|x) f_X(x)}{f_Y(y)}", "verified"),  # Bayes
    (r"f_{X|Y}(x|y) = \frac{f_{Y|X}(y|x) f_Y(y)}{f_X(x)}", "refuted"),
])
def test_a_joint_density_named_by_its_random_variables(row, verdict):
    """`density f_{X,Y} over x, y` (a statistics course's f_{X,Y}) was refused: the directive
    cut the name at the comma in its subscript. It now declares the density f, whose
    f_{X,Y}, f_X, f_Y and f_{X|Y} are read as every p_{X,Y}, p_X, p_{X|Y} of a declared p."""
    assert verdicts(display(STATS, row)) == [verdict]


@pytest.mark.parametrize("row, verdict", [
    (r"f_X(x|Y=y) = \frac{f_{X,Y}(x,y)}{f_Y(y)}", "verified"),       # the event after the bar
    (r"f_X(x|Y=y) = \frac{f_{X,Y}(x,y)}{f_X(x)}", "refuted"),
    (r"f_X(x|Y=y) = \frac{f_Y(y|X=x)\,f_X(x)}{f_Y(y)}", "verified"),  # Bayes, as k14i writes it
    (r"f_X(x|Y=y) = \frac{f_Y(y|X=x)\,f_Y(y)}{f_X(x)}", "refuted"),
    (r"f(x \mid Y = y) = f_{X|Y}(x|y)", "verified"),                  # no subscript
    (r"\int f(x \mid Y = y)\,dx = 1", "verified"),
    (r"\int f(x \mid Y = y)\,dx = f_Y(y)", "refuted"),
])
def test_a_conditional_density_written_with_the_event_conditioned_on(row, verdict):
    """`f_X(x|Y=y)`, `f(x \\mid Y = y)` (the k14i notes' spelling) were refused: Y = y of a
    continuous Y was read as the event's probability, 0. After a density's bar the event at
    the variable's own letter is the point conditioned on: the conditional density at y."""
    assert verdicts(display(STATS, row)) == [verdict]


@pytest.mark.parametrize("row, words", [
    (r"f_X(x|Y=2y) = \frac{f_{X,Y}(x,2y)}{f_Y(2y)}", "own letter"),   # another point
    (r"f_X(x|Y=x) = 1", "own letter"),
    (r"f_X(x|Y>y) = \frac{f_{X,Y}(x,y)}{f_Y(y)}", "write X = x"),     # no density given Y > y
])
def test_a_conditioning_event_not_at_the_variables_letter_is_refused(row, words):
    """`Y = 2y`, `Y > y` after the bar of a continuous law: a point reached by a limit the
    author has not said, or an event of positive probability — never read as f(x | y)."""
    (step,) = steps(display(STATS, row))
    assert step.kind == "unreadable" and words in step.message


def test_a_joint_density_name_that_is_not_its_variables_keeps_the_whole_name():
    """`f_{Y,X} over x, y` (capitals out of order) is a name of its own: f_X is then no
    marginal of it (an undeclared function), never a guess at which variable it is."""
    header = "% derive: variable x, y\n% derive: density f_{Y,X} over x, y\n"
    assert verdicts(display(header, r"\int f_{Y,X}(x,y)\,dy = f_X(x)")) != ["verified"]
    assert verdicts(display(header, r"\int\int f_{Y,X}(x,y)\,dx\,dy = 1")) == ["verified"]


@pytest.mark.parametrize("definition, verdict", [
    (r"define f_X(x) = \int f_{X,Y}(x,y)\,dy", "definition"),       # agrees: checked
    (r"define f_Y(y) = \int f_{X,Y}(x,y)\,dx", "definition"),
    (r"define f_{X|Y}(x|y) = \frac{f_{X,Y}(x,y)}{f_Y(y)}", "definition"),
    (r"define f_X(x) = \int f_{X,Y}(x,y)\,dx", "refuted"),          # the other marginal
    (r"define f_X(x) = 2\int f_{X,Y}(x,y)\,dy", "refuted"),
    (r"define f_{X|Y}(x|y) = \frac{f_{X,Y}(x,y)}{f_X(x)}", "refuted"),
])
def test_a_definition_of_a_declared_joints_marginal_is_checked(definition, verdict):
    """`define f_X(x) = …` beside `density f_{X,Y}`: f_X is already f's marginal, so the
    author states it — a checked restatement, never a second meaning: the row below reads
    the true marginal whatever the directive said."""
    text = STATS + f"% derive: {definition}\n$$ f_X(x) = \\int f_{{X,Y}}(x,y)\\,dy $$\n"
    assert verdicts(text) == [verdict, "verified"]


def test_a_formula_for_a_declared_joints_marginal_without_the_joint_is_refused():
    """`define f_X(x) = e^{-x}`, `f_Y(y) := 1/2`: an assumption about f, never a claim a
    counterexample refutes nor a second meaning of the marginal."""
    with pytest.raises(InputError, match="assumption about it"):
        steps(STATS + "% derive: define f_X(x) = e^{-x}\n")
    (step,) = steps(display(STATS, r"f_Y(y) := \frac{1}{2}"))
    assert "assumption about it" in step.message
    assert verdicts(display(STATS, r"f_Y(y) := \frac{1}{2}")) == ["error"]


@pytest.mark.parametrize("row, verdict", [
    (r"f_X(x) := \int f_{X,Y}(x,y)\,dy", "definition"),
    (r"f_X(x) \triangleq \int f_{X,Y}(x,y)\,dy", "definition"),
    (r"f_X(x) := \int f_{X,Y}(x,y)\,dx", "refuted"),
    (r"f_Y(y) \coloneqq 2\int f_{X,Y}(x,y)\,dx", "refuted"),
])
def test_a_defining_row_of_a_declared_joints_marginal_is_checked(row, verdict):
    assert verdicts(display(STATS, row, r"\int f_X(x)\,dx = 1")) == [verdict, "verified"]


CONTINUOUS_XY = "% derive: variable x, y\n% derive: density f_{XY} over x, y\n"


@pytest.mark.parametrize("row, verdict", [
    (r"\frac{f_{XY}(x,y)}{f_X(x)} = \frac{f_{X|Y}(x|y)f_Y(y)}{\int_{-\infty}^\infty "
     r"f_{X|Y}(x|y')f_Y(y') dy'}", "verified"),
    (r"\frac{f_{XY}(x,y)}{f_X(x)} = \frac{f_{X|Y}(x|y)f_X(x)}{\int_{-\infty}^\infty "
     r"f_{X|Y}(x|y')f_Y(y') dy'}", "refuted"),
    (r"f_{X|Y}(x|t) f_Y(t) = f_{XY}(x,t)", "verified"),         # at another value of y
    (r"f_{X|Y}(x|t) f_X(x) = f_{XY}(x,t)", "refuted"),
])
def test_a_conditional_subscripted_by_capitals_at_values(row, verdict):
    """`f_{X|Y}(x|y')` (held-out s17d CS229 Bayes: the marginal as an integral over a
    primed y'; was refused, the arguments not the variables themselves): p's conditional
    of the subscript's capitals, at the values written."""
    assert verdicts(display(CONTINUOUS_XY, row)) == [verdict]


@pytest.mark.parametrize("row", [r"f_{X|Y}(y|x) = f(y|x)", r"f_{X|Y}(x|x) = 1"])
def test_a_conditional_at_the_other_variable_is_refused(row):
    (step,) = steps(display(CONTINUOUS_XY, row))
    assert step.kind == "unreadable" and "f_{X|Y}: derive reads a density" in step.message


MIXED = ("% derive: variable x, z\n% derive: density g_{\\theta} over x given z\n"
         "% derive: density p over z\n% derive: density r over z\n"
         "% derive: density q over z given x\n")


@pytest.mark.parametrize("definition", [
    r"\int g_{\theta}(x|z)p(z)dz",
    r"\int p(z) g_{\theta}(x \mid z) \, dz",
])
def test_the_marginal_of_a_conditional_family_under_its_name(definition):
    """`define g_\\theta(x) = \\int g_\\theta(x|z)p(z)dz` (the VAE's decoder marginal, one
    letter for the marginal and the conditional): rows read g_θ(x) as that mixture — under
    the law p the definition names, never another."""
    text = MIXED + f"% derive: define g_{{\\theta}}(x) = {definition}\n"
    assert verdicts(display(text, r"\int g_{\theta}(x) dx = 1",
                            r"\log g_\theta(x) = \log \int g_\theta(x|z) p(z) dz",
                            r"g_\theta(x) = \int g_\theta(x|z) r(z) dz",
                            r"g_\theta(x) = g_\theta(x|z)")) == \
        ["verified", "verified", "refuted", "refuted"]


def test_the_marginal_of_a_conditional_mass_function_is_a_sum():
    text = ("% derive: discrete x, z\n% derive: density g over x given z\n"
            "% derive: density p over z\n% derive: density r over z\n"
            "% derive: define g(x) = \\sum_z g(x|z)p(z)\n")
    assert verdicts(display(text, r"\sum_x g(x) = 1", r"g(x) = \sum_z p(z) g(x \mid z)",
                            r"g(x) = \sum_z r(z) g(x \mid z)")) == \
        ["verified", "verified", "refuted"]


def test_the_marginal_over_two_conditioning_variables_mixes_over_their_joint():
    text = ("% derive: variable x, y, z\n% derive: density g over x given y, z\n"
            "% derive: joint p over y, z\n"
            "% derive: define g(x) = \\int\\int g(x|y, z)p(y, z)dy dz\n")
    assert verdicts(display(text, r"g(x) = \int \int g(x|y,z) p(z, y) dz dy",
                            r"g(x) = \int \int g(x|y,z) p(y) p(z) dz dy")) == \
        ["verified", "refuted"]


@pytest.mark.parametrize("definition, why", [
    (r"x^2", "integrate"),                                   # no mixture at all
    (r"2\int g_{\theta}(x|z)p(z)dz", "integrate"),           # scaled
    (r"\int g_{\theta}(x|z)p(z)dx", "integrate"),            # over the wrong variable
    (r"\int g_{\theta}(x|z) dz", "times one declared law"),  # no law of z
    (r"\int g_{\theta}(x|z) q(z|x) dz", "declared law"),     # a law conditional on x
    (r"\int_0^1 g_{\theta}(x|z)p(z)dz", "whole range"),      # part of the range
])
def test_any_other_definition_of_a_conditional_familys_name_is_refused(definition, why):
    with pytest.raises(InputError, match=why):
        steps(MIXED + f"% derive: define g_{{\\theta}}(x) = {definition}\n")


def test_a_conditional_familys_marginal_is_defined_once():
    text = MIXED + "% derive: define g_{\\theta}(x) = \\int g_{\\theta}(x|z)p(z)dz\n"
    with pytest.raises(InputError, match="defined above"):
        steps(text + "% derive: define g_{\\theta}(x) = \\int g_{\\theta}(x|z)r(z)dz\n")


@pytest.mark.parametrize("row", [
    r"g_\theta(x) := \int g_\theta(x|z)p(z)dz",
    r"\log \int g_\theta(x|z)p(z)dz \ge 0 \quad \text{where } g_\theta(x) = \int g_\theta(x|z)p(z)dz",
])
def test_a_row_defining_a_conditional_familys_marginal_is_refused(row):
    """Only the define directive gives the family's name its marginal: a row `:=` (or a
    `where` beside a row) would give it a meaning from that row on — refused."""
    assert verdicts(display(MIXED, row)) == ["error"]


@pytest.mark.parametrize("declaration", [r"joint p over x, z", r"density p over x"])
@pytest.mark.parametrize("definition, verdict", [
    (r"\int p(x|z)p(z)dz", "definition"),
    (r"\int p(x, z) dz", "definition"),
    (r"2\int p(x|z)p(z)dz", "refuted"),
    (r"\int p(z|x)p(z)dz", "refuted"),
])
def test_a_definition_of_a_declared_joints_marginal_at_its_variable_is_checked(
        declaration, definition, verdict):
    """`define p(x) = \\int p(x|z) p(z) dz` of a joint p (or a density written with z):
    p(x) is already its marginal, so the author states it — checked, as `define f_X(x)`."""
    text = f"% derive: variable x, z\n% derive: {declaration}\n% derive: define p(x) = {definition}\n"
    assert verdicts(display(text, r"\int p(x) dx = 1")) == [verdict, "verified"]


def test_a_formula_for_a_declared_densitys_own_name_is_refused():
    with pytest.raises(InputError, match="declared as a distribution"):
        steps("% derive: variable x, z\n% derive: joint p over x, z\n"
              "% derive: define p(x) = x^2\n")


def test_a_conditional_familys_marginal_at_another_parameter_value_is_refused():
    """`g_{\\theta_0}(x)` after `define g_\\theta(x) = \\int g_\\theta(x|z)p(z)dz` (g_θ
    depending on θ): the mixture is g_θ's at θ — never silently the one at θ, which
    verified g_{θ_0}(x) = ∫ g_θ(x|z)p(z)dz."""
    text = ("% derive: variable x, z\n% derive: real \\theta, \\theta_0\n"
            "% derive: density g_{\\theta} over x given z\n% derive: depends g_{\\theta} on \\theta\n"
            "% derive: density p over z\n"
            "% derive: define g_{\\theta}(x) = \\int g_{\\theta}(x|z)p(z)dz\n")
    assert verdicts(display(text, r"1 + g_{\theta_0}(x) = 1 + \int g_{\theta}(x|z)p(z)dz",
                            r"1 + g_{\theta}(x) = 1 + \int g_{\theta_0}(x|z)p(z)dz")) == \
        ["error", "refuted"]


TILDE = "% derive: joint p over x, \\tilde{x}\n" \
        "% derive: define m(\\tilde{x}) = \\int p(\\tilde{x}|x) p(x) dx\n"


@pytest.mark.parametrize("row, verdict", [
    (r"m(\tilde{x}) = p(\tilde{x})", "verified"),          # marginalisation
    (r"m(\tilde{x}) = \int p(x, \tilde{x}) dx", "verified"),
    (r"m(\tilde{x}) = 2 p(\tilde{x})", "refuted"),
    (r"m(\tilde{x}) = p(x)", "refuted"),
])
def test_a_definition_parameter_at_a_variables_own_letter_is_that_variables_value(row, verdict):
    """`define m(\\tilde{x}) = \\int p(\\tilde{x}|x) p(x) dx` on a joint over x, x̃ (Tweedie's
    formula): the parameter spelled as x̃ stands for x̃ in p's arguments, never refused."""
    assert verdicts(display(TILDE, row))[-1] == verdict


@pytest.mark.parametrize("law, after", [
    (r"density p = \mathcal{N}(x, 1) over z", ""),              # its formula written with x
    (r"density p over z" + "\n% derive: depends p on x", ""),    # moving with x
    (r"density p over z", "% derive: depends p on x\n"),          # the same, below the define
])
def test_a_marginal_mixing_over_a_law_of_its_own_variable_is_refused(law, after):
    """`define g(x) = \\int g(x|z)p(z)dz` with p written with x is a law given x: g(0) put 0
    into g(·|z) only, so `g(0) = \\int g(0|z)p(z)dz` (false at x ≠ 0) was verified."""
    text = (f"% derive: variable x, z\n% derive: density g over x given z\n% derive: {law}\n"
            f"% derive: define g(x) = \\int g(x|z)p(z)dz\n{after}")
    with pytest.raises(InputError, match="free of x"):
        steps(display(text, r"g(0) = \int g(0|z) p(z) dz"))


def test_a_marginal_mixing_over_a_law_by_formula_free_of_its_variable_is_read():
    text = ("% derive: variable x, z\n% derive: real \\mu\n% derive: density g over x given z\n"
            "% derive: density p = \\mathcal{N}(\\mu, 1) over z\n"
            "% derive: define g(x) = \\int g(x|z)p(z)dz\n")
    true, false = verdicts(display(text, r"g(0) = \int g(0|z) p(z) dz",
                                   r"g(0) = \int g(1|z) p(z) dz"))
    assert true == "verified" and false != "verified"     # quadrature: not certified


MOVING = ("% derive: variable x, z\n% derive: real \\theta\n"
          "% derive: density g_{\\theta} over x given z\n% derive: depends g_{\\theta} on \\theta\n"
          "% derive: density p over z\n"
          "% derive: define g_{\\theta}(x) = \\int g_{\\theta}(x|z)p(z)dz\n")


@pytest.mark.parametrize("relation", [r"\le", r"\ge", "="])
def test_a_moving_marginal_under_a_bar_is_evaluated_at_the_bars_value(relation):
    """[g_θ(x)]_{θ=0} − g_θ(x): the marginal put in is one term inside and outside the bar,
    and the numeric engine reused its value across the bar (its memo key held the names
    the term mentions, not θ, which g_θ moves with) — the true row was refuted as ≤ and as
    ≥, and as = the engines disagreed."""
    row = (r"g_{\theta}(x) \big|_{\theta = 0} - g_{\theta}(x) " + relation +
           r" \left.\int g_{\theta}(x|y)p(y)dy\right|_{\theta = 0} - \int g_{\theta}(x|y)p(y)dy")
    assert verdicts(display(MOVING, row)) == ["verified"]


@pytest.mark.parametrize("text, row", [
    (MOVING, r"g_{\theta}(x) \big|_{\theta = 0} - g_{\theta}(x) = 0"),
    ("% derive: variable x\n% derive: real \\theta\n% derive: density q over x\n"
     "% derive: depends q on \\theta\n", r"q(x)\big|_{\theta=0} = q(x)"),
])
def test_a_density_moving_with_a_parameter_differs_at_the_bars_value(text, row):
    """The false variant: the value at θ = 0 is not the value at θ (was 'numerically
    consistent', the value at θ reused under the bar)."""
    assert verdicts(display(text, row)) == ["refuted"]


@pytest.mark.parametrize("row", [
    r"g_{\theta_0}(x) = \int g_{\theta}(x|z)p(z)dz",
    r"\log g_{\theta_0}(x) = \log \int g_{\theta}(x|z)p(z)dz",
    r"g_{\theta_0}(x) = \int g_{\theta_0}(x|z)p(z)dz",
])
def test_a_moved_marginal_as_a_chains_first_side_is_refused_not_defined(row):
    """`g_{\\theta_0}(x)` as a chain's first side was a new name the row defined (shown as
    a definition, exit 0), while below a first side it is refused: refused everywhere."""
    assert verdicts(display(MOVING.replace("real \\theta", "real \\theta, \\theta_0"), row)) \
        == ["error"]


def test_the_marginal_at_its_own_parameter_as_a_first_side_is_checked():
    assert verdicts(display(MOVING, r"g_{\theta}(x) = \int g_{\theta}(x|z)p(z)dz",
                            r"g_{\theta}(x) = 2 \int g_{\theta}(x|z)p(z)dz")) == \
        ["verified", "refuted"]


BARE = ("% derive: variable x, z\n% derive: density g over x given z\n"
        "% derive: density p over z\n% derive: density r over x\n"
        "% derive: define g(x) = \\int g(x|z)p(z)dz\n")


@pytest.mark.parametrize("row", [
    r"H(g) = -\int g(x) \log g(x) dx",
    r"\mathbb{E}_{x \sim g}[\log g(x)] = \int g(x) \log g(x) dx",
    r"\mathbb{E}_{x \sim g}[\log g(x)] = \int g(x|z) \log g(x) dx",
    r"D_{KL}(g \| r) = \int g(x) \log \frac{g(x)}{r(x)} dx",
    r"\mathbb{E}_{g}[x] = \int x g(x) dx",
])
def test_a_bare_conditional_family_after_its_marginals_define_is_refused(row):
    """After `define g(x) = \\int g(x|z)p(z)dz` a bare g (a law) is the conditional at a z
    the row never writes or the marginal: refused — read as the conditional, H(g) =
    −∫ g(x) log g(x) dx (true of the marginal) was refuted, and E_{x∼g}[log g(x)] =
    ∫ g(x|z) log g(x) dx verified."""
    (step,) = steps(display(BARE, row))
    assert step.kind == "unreadable" and "ambiguous after its marginal" in step.message


def test_a_conditional_family_written_at_its_arguments_after_its_marginals_define_is_read():
    assert verdicts(display(BARE, r"H(g(x|z)) = -\int g(x|z) \log g(x|z) dx",
                            r"\mathbb{E}_{x \sim g(x|z)}[x] = \int x g(x|z) dx",
                            r"\mathbb{E}_{x \sim g(x|z)}[x] = \int x g(x) dx")) == \
        ["verified", "verified", "refuted"]


@pytest.mark.parametrize("define", ["", "% derive: define g(x) = \\int g(x|z)p(z)dz\n"])
def test_a_random_variable_with_a_conditional_density_is_refused_at_the_directive(define):
    """`random X with density g over x` of g over x given z was accepted silently, X left
    with no law (rows then said no declared distribution is over x)."""
    text = ("% derive: variable x, z\n% derive: density g over x given z\n"
            f"% derive: density p over z\n{define}% derive: random X with density g over x\n")
    with pytest.raises(InputError, match="declared conditional on z"):
        steps(display(text, r"\mathbb{E}_X[X] = \int x g(x) dx"))


INDEPENDENT = (r"% derive: discrete x, y" "\n" r"% derive: joint P over x, y" "\n"
               "% derive: assume {}\n")


@pytest.mark.parametrize("assume", [r"P(x, y) = P(x) P(y)", r"P(x)P(y) = P(x, y)",
                                    r"P(y, x) = P(y) P(x)"])
@pytest.mark.parametrize("row,status", [
    (r"H(X, Y) = H(X) + H(Y)", "verified"),
    (r"I(X; Y) = 0", "verified"),
    (r"\sum_{x} \sum_{y} P(x, y) \log \frac{1}{P(x, y)} = \sum_{x} \sum_{y} P(x)P(y) "
     r"\log \frac{1}{P(x)P(y)}", "verified"),
    (r"H(X, Y) = H(X) - H(Y)", "refuted"),
    (r"I(X; Y) = H(X)", "refuted"),
])
def test_a_joint_assumed_the_product_of_its_marginals(check_text, assume, row, status):
    result = check_text(INDEPENDENT.format(assume) + f"$$ {row} $$\n", budget=20)
    assert [r.verdict.status for r in result.steps] == [status], result.steps[0].verdict.detail


def test_a_product_that_does_not_split_the_joints_variables_is_no_independence(check_text):
    result = check_text(INDEPENDENT.format(r"P(x, y) = P(x) P(x)") +
                        r"$$ H(X, Y) = H(X) + H(Y) $$" "\n", budget=20)
    assert result.steps[0].verdict.status == "undecided", result.steps[0].verdict.detail
    assert "split" in result.steps[0].verdict.detail

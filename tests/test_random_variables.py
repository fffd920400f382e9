"""Random-variable notation, pinned: expectations without subscripts, Var and Cov,
entropies and mutual informations of random variables, and their lemmas — each applied
only where its hypotheses hold, with the look-alikes a careful reader tries next."""


import pytest

from derive.engines import clock
from derive.engines.decide import decide


from probability_support import display, readings, steps, verdicts

XYZ = "% derive: discrete x, y, z\n% derive: joint p over x, y, z\n"
XY = "% derive: discrete x in \\mathcal{X}, y in \\mathcal{Y}\n% derive: joint p over x, y\n"


@pytest.mark.parametrize("row, expected", [
    (r"H(X|Y) \le H(X)", "H(X | Y) ≤ H(X)"),
    (r"I(X; Y | Z) \ge 0", "I(X; Y | Z) ≥ 0"),
    (r"\mathrm{H}[\mathbf{x}, \mathbf{y}] = H(X, Y)", "H(X, Y) = H(X, Y)"),
    (r"\mathrm{I}[x, y] = I(X; Y)", "I(X; Y) = I(X; Y)"),
    (r"\sum_{x} p(x) H(Y|X=x) = H(Y|X)", "Σ_{x} p(x) · H(Y | X=x) = H(Y | X)"),
])
def test_information_readings(row, expected):
    assert readings(display(XYZ, row)) == [expected]


@pytest.mark.parametrize("row", [
    r"I(X; Y) \geq 0",
    r"I(X; Y | Z) \geq 0",
    r"H(X|Y) \leq H(X)",
    r"I(X; Y) \le H(X)",
    r"H(X, Y) = H(X) + H(Y | X)",
    r"I(X; Y) = H(X) - H(X|Y)",
    r"I(X; X) = H(X)",
    r"H(X, X) = H(X)",
    r"H(X|Y) \ge 0",
])
def test_identities_and_lemmas_are_verified(row):
    assert verdicts(display(XYZ, row)) == ["verified"]


@pytest.mark.parametrize("row", [
    r"I(X; Y) \le 0",
    r"H(X) \le H(X|Y)",
    r"H(X|Y) \le H(X|Y, Z)",             # more conditioning lowers entropy
    r"I(X; Y) = H(X) - H(Y|X)",          # swapped conditioning
    r"H(X, Y) = H(X) + H(X | Y)",
    r"I(X; Y) = H(Y) - H(X|Y)",
])
def test_look_alikes_are_refuted(row):
    assert verdicts(display(XYZ, row)) == ["refuted"]


# An accent goes with its capital: \hat{X} is the random variable of a declared \hat{x}
# (Fano's estimator, Cover & Thomas 2.10).
FANO = "% derive: discrete e, x, \\hat{x}\n% derive: joint p over e, x, \\hat{x}\n"


@pytest.mark.parametrize("row, verdict", [
    (r"H(E, X| \hat{X}) = H(X|\hat{X}) + H(E|X, \hat{X})", "verified"),
    (r"H(E, X| \hat X) = H(E|\hat{X}) + H(X|E, \hat{X})", "verified"),
    (r"H(\hat{X}) \ge H(\hat{X} | X)", "verified"),
    (r"H(E, X| \hat{X}) = H(X|\hat{X}) + H(E|\hat{X})", "refuted"),
    (r"H(\hat{X}) \ge H(X)", "refuted"),
])
def test_an_accented_capital_is_the_random_variable_of_the_accented_variable(row, verdict):
    assert verdicts(display(FANO, row)) == [verdict]


# So does a subscript: X_1 is the random variable of a declared x_1 (the chain rule for
# mutual information, s13n_mi_chain_techqa and s13n_mi_chain_imathworks, was refused).
SUBSCRIPTED = "% derive: discrete x, x_1, x_2, y\n% derive: joint p over x, x_1, x_2, y\n"


@pytest.mark.parametrize("row, verdict", [
    (r"I(X_1,X_2;Y) = H(X_1,X_2)-H(X_1,X_2|Y)", "verified"),
    (r"I(X_1,X_2;Y) = H(X_1,X_2)+H(X_1,X_2|Y)", "refuted"),
    (r"I(X_1,X_2;Y) = I(X_1;Y) + I(X_2;Y|X_1)", "verified"),
    (r"I(X_1,X_2;Y) = I(X_1;Y) + I(X_2;Y)", "refuted"),
    (r"I(X; Y, X_1) = I(X; X_1) + I(X; Y | X_1)", "verified"),
    (r"H(X_2|X_1,Y) \le H(X_2|X_1)", "verified"),
    (r"H(X_1, X_2) = H(X_1) + H(X_2)", "refuted"),
    (r"H(X, X_1) = H(X) + H(X_1|X)", "verified"),       # x and x_1: two variables
])
def test_a_subscripted_capital_is_the_random_variable_of_the_subscripted_variable(row, verdict):
    assert verdicts(display(SUBSCRIPTED, row)) == [verdict]


def test_a_subscripted_capital_of_no_declared_variable_is_still_refused():
    """X_3 (no x_3 declared) beside X of x is a sample or copy of X: refused as before."""
    (message,) = readings(display(SUBSCRIPTED, r"I(X_3; Y) = 0"))
    assert "I(…) is read as an operator on declared distributions" in message
    (message,) = readings(display(SUBSCRIPTED, r"\mathbb{E}[X_3] = \mathbb{E}[X]"))
    assert "beside the random variable X of x" in message


# X_1 both a member of a declared sample X_i and the random variable of a declared x_1: two
# laws for one spelling (atkK #5: E[X_1] = 1/(2λ) was verified by x_1's law) — refused.
SAMPLE_AND_X1 = ("% derive: variable x, x_1\n% derive: positive \\lambda\n"
                 "% derive: density p = \\mathrm{Exp}(\\lambda) over x\n"
                 "% derive: density q = \\mathrm{Exp}(2\\lambda) over x_1\n"
                 "% derive: random X_i with density p over x for i = 1..n, independent\n")
FAMILY_THEN_X1 = ("% derive: variable x\n% derive: positive \\lambda\n"
                  "% derive: density p = \\mathrm{Exp}(\\lambda) over x\n"
                  "% derive: random X_i with density p over x for i = 1..n, independent\n"
                  "% derive: variable x_1\n% derive: density q over x_1\n")


@pytest.mark.parametrize("header", [SAMPLE_AND_X1, FAMILY_THEN_X1])
@pytest.mark.parametrize("row", [r"\mathbb{E}[X_1] = \frac{1}{2\lambda}",     # false as a member
                                 r"\mathbb{E}[X_1] = \frac{1}{\lambda}",      # true as a member
                                 r"\operatorname{Var}(X_1) = \frac{1}{\lambda^2}"])
def test_a_capital_both_a_sample_member_and_a_declared_variable_is_refused(header, row):
    assert verdicts(display(header, row)) == ["error"]
    (message,) = readings(display(header, row))
    assert "both a member of the declared family X_i" in message


@pytest.mark.parametrize("row, verdict", [
    (r"\mathbb{E}[X_2] = \frac{1}{\lambda}", "verified"),    # x_2 is not declared: a member
    (r"\mathbb{E}[X_2] = \frac{1}{2\lambda}", "refuted"),
])
def test_the_other_members_of_the_sample_are_still_read(row, verdict):
    assert verdicts(display(SAMPLE_AND_X1, row)) == [verdict]


# x_i (X_i) at a letter beside declared x_1, x_2: is x_i at i = 1 the declared x_1? (atkK #14:
# Σ_{i=1}^2 x_i = x_1 + x_2 was refuted, the x_i a fresh unknown family) — refused, never refuted.
MEMBERS_DECLARED = "% derive: discrete x_1, x_2\n% derive: joint p over x_1, x_2\n"


@pytest.mark.parametrize("row", [
    r"\sum_{i=1}^{2} x_i = x_1 + x_2",                                  # true
    r"\sum_{i=1}^{2} x_i = x_1",                                        # false
    r"\sum_{i=1}^{2} \mathbb{E}[X_i] = \mathbb{E}[X_1] + \mathbb{E}[X_2]",
    r"\mathbb{E}\left[\sum_{i=1}^{2} X_i\right] = \mathbb{E}[X_1 + X_2]",
    r"\mathbb{E}\left[\sum_{i=1}^{2} X_i\right] = 2\mathbb{E}[X_1 + X_2]",
    r"\sum_{i=1}^{2} X_i = X_1 + X_2",
])
def test_a_member_at_a_letter_beside_declared_members_is_refused(row):
    assert verdicts(display(MEMBERS_DECLARED, row)) == ["error"]
    (message,) = readings(display(MEMBERS_DECLARED, row))
    assert "beside the declared x_{1}" in message


def test_a_declared_family_beside_a_declared_variable_member_is_refused():
    header = ("% derive: real x_i for i = 1..n\n% derive: discrete x_1, y\n"
              "% derive: joint p over x_1, y\n")
    row = r"\sum_{i=1}^{n} x_i = x_1 + \sum_{i=2}^n x_i"
    assert verdicts(display(header, row)) == ["error"]


@pytest.mark.parametrize("row, verdict", [
    (r"\sum_{i=1}^{2} x_i = x_1 + x_2", "verified"),      # no x_1 declared: the family's members
    (r"\sum_{i=1}^{2} x_i = x_1 + 2x_2", "refuted"),
])
def test_members_with_no_declared_namesake_are_still_read(row, verdict):
    assert verdicts(display("% derive: variable y\n", row)) == [verdict]


def test_an_accented_capital_of_no_declared_variable_is_refused():
    (message,) = readings(display(FANO, r"H(\tilde{X}) = 0"))
    assert "H(…) is read as an operator on declared distributions" in message


def test_conditional_mutual_information_may_be_smaller():
    """I(X;Y|Z) ≥ I(X;Y) is false for some joints: never verified."""
    assert verdicts(display(XYZ, r"I(X; Y | Z) \ge I(X; Y)")) != ["verified"]


def test_the_range_bound_needs_a_finite_range_and_holds_for_it():
    assert verdicts(display(XY, r"H(X) \le \log |\mathcal{X}|")) == ["verified"]
    assert verdicts(display(XY, r"H(X) \le \log |\mathcal{Y}|")) != ["verified"]
    continuous = "% derive: variable x\n% derive: density p\n"
    assert verdicts(display(continuous, r"H(p) \ge 0")) != ["verified"]   # differential


@pytest.mark.parametrize("row", [
    r"H(Y \mid X) \le \log|\mathcal{Y}|",          # H(Y | X) ≤ H(Y) ≤ log |𝒴|
    r"H(X \mid Y) \le \log |\mathcal{X}|",
    r"H(Y | X = x) \le \log|\mathcal{Y}|",          # p(· | x) is a mass function on 𝒴
    r"H(Y | X = x) \ge 0",
    r"-\sum_y p(y|x) \log p(y|x) \le \log|\mathcal{Y}|",
])
def test_the_range_bound_for_conditional_entropies(row):
    assert verdicts(display(XY, row)) == ["verified"]


@pytest.mark.parametrize("row", [
    r"H(Y \mid X) \le \log|\mathcal{X}|",          # the range of the other variable
    r"H(Y | X = x) \le \log|\mathcal{X}|",
    r"H(Y \mid X) \ge \log|\mathcal{Y}|",
])
def test_the_range_bound_over_the_wrong_set_is_not_verified(row):
    assert verdicts(display(XY, row)) in (["refuted"], ["undecided"])


@pytest.mark.parametrize("row", [
    r"\operatorname{Var}[X] \ge 0",
    r"\operatorname{Var}_p[x] \ge 0",
    r"\mathbb{E}_p[(x - \mathbb{E}_p[x])^2] \ge 0",
    r"0 \le \mathbb{E}_{x \sim p}[(f(x) - \mathbb{E}_{x \sim p}[f(x)])^2]",
    r"\mathbb{E}_{x \sim p}[(x - a)^2] \ge 0",
])
def test_an_expectation_of_a_square_is_non_negative(row):
    header = ("% derive: variable x\n% derive: density p\n% derive: function f\n"
              "% derive: real a\n")
    (step,) = steps(display(header, row))
    verdict = decide(step, "0", clock.now() + 20.0)
    assert verdict.status.value == "verified", verdict.detail
    assert "non-negative integrand" in verdict.method


@pytest.mark.parametrize("row", [
    r"\operatorname{Var}_p[x] \le 0",
    r"\mathbb{E}_{x \sim p}[x - \mathbb{E}_{x \sim p}[x^2]] \ge 0",
    r"\mathbb{E}_{x \sim p}[(x - \mathbb{E}_{x \sim p}[x])^3] \ge 0",
    r"\mathbb{E}_{x \sim p}[(x - \mathbb{E}_{x \sim p}[x])^2] \ge 1",
    # log x is not real where p has mass at x < 0: its expectation is no real constant
    r"\mathbb{E}_{x \sim p}[(x - \mathbb{E}_{x \sim p}[\log x])^2] \ge 0",
    # c undeclared is complex: (x − c)^2 need not be ≥ 0
    r"\mathbb{E}_{x \sim p}[(x - c)^2] \ge 0",
])
def test_look_alikes_of_a_non_negative_expectation_are_not_verified(row):
    header = "% derive: variable x\n% derive: density p\n"
    assert verdicts(display(header, row)) in (["refuted"], ["undecided"])


def test_cross_entropy_of_mass_functions_is_non_negative():
    """−Σ p log q ≥ 0 since a mass function q is ≤ 1; a density may exceed 1."""
    discrete = "% derive: discrete x\n% derive: density p, q\n"
    assert verdicts(display(discrete, r"H(p, q) \ge 0")) == ["verified"]
    assert verdicts(display(discrete, r"H(p, q) \le 0")) == ["refuted"]
    continuous = "% derive: variable x\n% derive: density p, q\n"
    assert verdicts(display(continuous, r"H(p, q) \ge 0")) in (["refuted"], ["undecided"])


def test_continuous_self_information_is_refused():
    (text,) = readings(display("% derive: variable x, y\n% derive: joint p over x, y\n",
                               r"I(X; X) = H(X)"))
    assert "infinite" in text


@pytest.mark.parametrize("header, row", [
    ("% derive: real a, b\n", r"\mathbb{E}[a X + b] = a \mathbb{E}[X] + b"),
    ("% derive: variable x\n% derive: density p\n",
     r"\mathbb{E}_{x \sim p}\left[x - \mathbb{E}_{x \sim p}[x]\right] = 0"),
    ("% derive: variable x\n% derive: density p\n",
     r"\operatorname{Var}_{x \sim p}[x] = \mathbb{E}_{x \sim p}[x^2] - \mathbb{E}_{x \sim p}[x]^2"),
    ("% derive: variable x\n% derive: random X with density p over x\n% derive: real a, b\n",
     r"\mathbb{V}[aX+b] = a^2 \mathbb{V}[X]"),
    ("% derive: variable x, y\n% derive: joint p over x, y\n",
     r"\operatorname{cov}[x, y] = \mathbb{E}_{x, y}[x y]-\mathbb{E}[x] \mathbb{E}[y]"),
    ("% derive: variable x\n% derive: density p\n% derive: function f\n",
     r"\operatorname{var}[f] = \mathbb{E}[f(x)^{2}] - \mathbb{E}[f(x)]^{2}"),
])
def test_expectation_forms_are_verified(header, row):
    assert verdicts(display(header, row)) == ["verified"]


@pytest.mark.parametrize("header, row", [
    ("% derive: real a, b\n", r"\mathbb{E}[a X + b] = a \mathbb{E}[X]"),
    ("% derive: variable x\n% derive: random X with density p over x\n% derive: real a, b\n",
     r"\mathbb{V}[aX+b] = a \mathbb{V}[X]"),
    ("% derive: variable x\n% derive: density p\n",
     r"\mathbb{E}_{x \sim p}[x]^2 = \mathbb{E}_{x \sim p}[x^2]"),
    ("% derive: variable x, y\n% derive: joint p over x, y\n",
     r"\operatorname{cov}[x, y] = \mathbb{E}_{x, y}[x y]-\mathbb{E}[x] \mathbb{E}[x]"),
])
def test_expectation_look_alikes_are_refuted(header, row):
    assert verdicts(display(header, row)) == ["refuted"]


def test_a_bare_expectation_needs_to_know_its_distribution():
    header = "% derive: variable x\n% derive: density p, q\n"
    (text,) = readings(display(header, r"\mathbb{E}[x] = 0"))
    assert "more than one" in text


def test_capitals_are_random_variables_only_where_drawn():
    header = ("% derive: discrete x, y\n% derive: joint p over x, y\n% derive: expectation E\n")
    assert readings(display(header, r"H(Y|X) = -E\log p(Y|X)")) == \
        ["H(Y | X) = -(∫ ∫ p(x, y) · log(p(y | x)) dy dx)"]
    (text,) = readings(display(header, r"X = 1"))
    assert text == "X = 1"                   # outside: an undeclared symbol, as always


# ---------------------------------------------------------------- E[…], P(…) undeclared

@pytest.mark.parametrize("row, word", [
    (r"E[X^2] = \sum_x x p(x)", "expectation E"),
    (r"E(X) = \sum_x x p(x)", "expectation E"),
    (r"E[x^2] = \sum_x x^2 p(x)", "expectation E"),
    (r"\mathbb{E}[X^2] = E[X^2]", "expectation E"),
    (r"P(X) = p(x)", "distribution P with density p"),
    (r"\Pr(X) = p(x)", "random X with density p over x"),
    (r"\Pr(X \le x) = 1", "random X with density p over x"),
    (r"\mathbb{P} = 1", "random X with density p over x"),
    (r"E X^2 = \sum_x x^2 p(x)", "expectation E"),          # Cover & Thomas, unbracketed
    (r"\frac{E X}{2} = 0", "expectation E"),
])
def test_undeclared_expectation_and_probability_names_are_refused(row, word):
    (message,) = readings(display("% derive: discrete x\n% derive: density p\n", row))
    assert word in message


RANDOM_X = "% derive: variable x\n% derive: density p\n% derive: random X with density p over x\n"


@pytest.mark.parametrize("row, word", [
    (r"\mathbb{E}[X] = E(X)", "expectation E"),
    (r"E(X) = 3", "expectation E"),              # never a chain definition of E(X)
    (r"E(X) - \mathbb{E}[X] = 0", "expectation E"),
    (r"\mathbb{E}[X^2] = E(X^2)", "expectation E"),
    (r"E(2X) = 2\mathbb{E}[X]", "expectation E"),
    (r"P(X) = 2", "distribution P with density p"),
])
def test_e_of_a_declared_random_variable_is_refused(row, word):
    """Round 15 B: `E(X)` of a `random X` (declared, so not a capital of an undeclared
    letter) was an unknown complex function — `\\mathbb{E}[X] = E(X)` refuted — or a chain
    definition `E(X) := 3`."""
    (step,) = steps(display(RANDOM_X, row))
    assert step.kind == "unreadable" and word in step.message
    letter = row.index("E(") if "E(" in row else row.index("P(")
    assert (step.location.line, step.location.column) == (4, len("$$ ") + 1 + letter)


def test_e_of_a_declared_random_variable_reads_after_the_directive():
    assert verdicts(display(RANDOM_X + "% derive: expectation E\n", r"E(X) = \mathbb{E}[X]",
                            r"E(X^2) = \mathbb{E}[X]^2")) == ["verified", "refuted"]


def test_an_upright_e_reads_as_the_expectation_without_a_directive():
    header = "% derive: discrete x\n% derive: density p\n"
    assert verdicts(display(header, r"\mathrm{E}[X] = \sum_x x p(x)",
                            r"\operatorname{E}[X^2] = \sum_x x p(x)")) == ["verified", "refuted"]


def test_declared_expectation_and_probability_names_read():
    header = ("% derive: discrete x\n% derive: distribution P with density p\n"
              "% derive: expectation E\n")
    assert verdicts(display(header, r"\sum_x P(X = x) = 1", r"E[X] = \sum_x x p(x)",
                            r"E[X^2] = \sum_x x p(x)")) == ["verified", "verified", "refuted"]


def test_functions_named_e_or_p_are_still_defined():
    assert verdicts(display("", r"P(t) = t^2 + 1", r"P(2) = 5", r"E(t) = 2t",
                            r"E(3) = 6")) == ["definition", "verified", "definition", "verified"]


# A conditional expectation E[g | X] (no subscript) is a random variable: the average of g
# under the joint's conditional given X, at X's value where it stands (the bound copy inside
# an outer expectation, the free x at top level, or the value written after `X =`). The tower
# property and the law of total variance follow from that reading in the normal form.
CONTINUOUS = "% derive: variable x, y\n% derive: joint p over x, y\n"


def test_conditional_expectation_readings():
    assert readings(display(CONTINUOUS, r"\mathbb{E}[\mathbb{E}[Y|X]] = \mathbb{E}[Y]",
                            r"\mathbb{E}[Y \mid X = 1] = \mathbb{E}[Y|X]",
                            r"\text{Var}(Y|X) = 0")) == [
        "∫ ∫ p(x, y) · E_{y′~p(y|x)}[y′] dy dx = ∫ ∫ p(x′, y′′) · y′′ dy′′ dx′",
        "E_{y~p(·|1)}[y] = E_{y′~p(·|x)}[y′]",
        "E_{y~p(·|x)}[(y - E_{y′~p(·|x)}[y′])^2] = 0"]


@pytest.mark.parametrize("header, row", [
    (CONTINUOUS, r"\mathbb{E}[Y] = \mathbb{E}[\mathbb{E}[Y|X]]"),
    (CONTINUOUS, r"\text{Var}(Y) = \mathbb{E}[\text{Var}(Y|X)] + \text{Var}(\mathbb{E}[Y|X])"),
    (XY, r"\operatorname{Var}[Y] = \mathbb{E}[\operatorname{Var}(Y \mid X)] + "
         r"\operatorname{Var}[\mathbb{E}[Y \mid X]]"),
    (CONTINUOUS, r"\text{Var}(Y|X) = \mathbb{E}[Y^2|X] - \mathbb{E}[Y|X]^2"),
    (CONTINUOUS, r"\mathbb{E}[\mathbb{E}[Y^2|X]] - \mathbb{E}[\mathbb{E}[Y|X]]^2 = "
                 r"\mathbb{E}[\text{Var}(Y|X)] + \mathbb{E}[\mathbb{E}[Y|X]^2] - "
                 r"\mathbb{E}[\mathbb{E}[Y|X]]^2"),
    (CONTINUOUS, r"\mathbb{E}[XY] = \mathbb{E}[X \mathbb{E}[Y|X]]"),
    (CONTINUOUS, r"\mathbb{E}[XY|X] = x \mathbb{E}[Y|X]"),
    (CONTINUOUS, r"\mathbb{E}[Y | X = x] = \int y \, p(y | x) \, dy"),
    (CONTINUOUS, r"\mathbb{E}[y \mid x] = \int y \, p(y | x) \, dy"),
    (XYZ, r"\mathbb{E}[\mathbb{E}[Y|X, Z] | X] = \mathbb{E}[Y|X]"),
])
def test_conditional_expectation_identities_are_verified(header, row):
    assert verdicts(display(header, row)) == ["verified"]


@pytest.mark.parametrize("header, row", [
    (CONTINUOUS, r"\mathbb{E}[Y] = \mathbb{E}[\mathbb{E}[X|Y]]"),          # X and Y swapped
    (CONTINUOUS, r"\mathbb{E}[Y|X] = \mathbb{E}[Y]"),
    (CONTINUOUS, r"\mathbb{E}[Y|X = 1] = \mathbb{E}[Y|X]"),
    (CONTINUOUS, r"\text{Var}(Y) = \mathbb{E}[\text{Var}(Y|X)] - \text{Var}(\mathbb{E}[Y|X])"),
    (CONTINUOUS, r"\text{Var}(Y) = \mathbb{E}[\text{Var}(Y|X)] + \text{Var}(\mathbb{E}[X|Y])"),
    (CONTINUOUS, r"\text{Var}(Y) = \mathbb{E}[\text{Var}(Y|X)]"),
    (CONTINUOUS, r"\text{Var}(Y|X) = \mathbb{E}[Y^2|X] + \mathbb{E}[Y|X]^2"),
    (CONTINUOUS, r"\text{Var}(Y|X) = \mathbb{E}[Y^2|X] - \mathbb{E}[Y|X]"),    # square missing
    (XY, r"\mathbb{E}[\mathbb{E}[Y^2|X] - \mathbb{E}[Y|X]^2 - \mathbb{E}[Y|X]^2] = "
         r"\mathbb{E}[Y^2] - \mathbb{E}[\mathbb{E}[Y|X]^2]"),
    (XYZ, r"\mathbb{E}[\mathbb{E}[Y|X, Z] | X] = \mathbb{E}[Y|Z]"),
])
def test_conditional_expectation_look_alikes_are_refuted(header, row):
    assert verdicts(display(header, row)) == ["refuted"]


@pytest.mark.parametrize("row, column, words", [
    (r"\mathbb{E}_p[Y|X] = 1", 15, "read without a subscript"),
    (r"\mathbb{E}[Y|W] = 1", 17, "after the bar of a conditional expectation"),
    (r"\mathbb{E}[Y | X > 0] = 1", 19, "after the bar of a conditional expectation"),
    (r"\mathbb{E}[Y|X, Y] = Y", 14, "nothing is left to average"),
    (r"\mathbb{E}[Y|X, X] = 1", 14, "a variable is given twice"),
    (r"\mathbb{E}[Y|X|Y] = 1", 14, "one bar"),
    (r"\text{Cov}(Y|X) = 1", 14, "one bar"),
    (r"\mathbb{E}[Y|X=Y] = 1", 19, "events between random variables"),
])
def test_conditional_expectations_not_read_are_refused_at_their_position(row, column, words):
    (step,) = steps(display(CONTINUOUS, row))
    assert step.kind.value == "unreadable" and words in step.message
    assert (step.location.line, step.location.column) == (3, column)


@pytest.mark.parametrize("row", [r"\mathbb{E}_\pi[R \mid S = s] = 1",
                                 r"1 = 2\mathbb{E}_\pi[R \mid S = s]"])
def test_an_expectation_under_a_policy_with_a_bar_is_refused_naming_the_process(row):
    """`\\mathbb{E}_\\pi[G_t \\mid S_t = s]` (the Bellman equation): under a conditional family
    with a bar the average is over a whole decision process, which derive does not model."""
    header = ("% derive: discrete s, a, r\n% derive: density \\pi over a given s\n"
              "% derive: density p over r given s, a\n")
    (step,) = steps(display(header, row))
    assert step.kind.value == "unreadable" and "decision process" in step.message


GIVEN_X = "% derive: variable x, z\n% derive: density q over z given x\n"
MOVING = "% derive: variable x, y\n% derive: joint p over x, y with parameter \\theta\n"


@pytest.mark.parametrize("header, row", [
    (CONTINUOUS, r"\frac{d}{dx} \mathbb{E}[Y|X] = 0"),
    (CONTINUOUS, r"\frac{d}{dx} \mathbb{E}[Y|X = x] = 0"),
    (CONTINUOUS, r"\frac{\partial}{\partial x} \mathbb{E}[Y^2|X] = 0"),
    (CONTINUOUS, r"\frac{d}{dx} \mathbb{E}_{y \sim p(y|x)}[y] = 0"),
    (CONTINUOUS, r"\frac{d}{dt} \mathbb{E}[Y|X = t^2] = 0"),
    (CONTINUOUS, r"\frac{d}{dx} \left. \mathbb{E}[Y|X] \right|_{x = 2 x} = 0"),
    (GIVEN_X, r"\frac{d}{dx} \mathbb{E}_{z \sim q(z|x)}[z] = 0"),
    (GIVEN_X, r"\frac{d}{dx} \mathbb{E}_{q(z|x)}[x z] = \mathbb{E}_{q(z|x)}[z]"),
    (GIVEN_X, r"\frac{d}{dx} D_{KL}(q(z|x) \| q(z|1)) = 0"),
])
def test_an_expectation_under_a_law_given_x_moves_with_x(header, row):
    """d/dx E[Y | X = x] was differentiated under the expectation alone, as if p(·|x) stood
    still: `d/dx E[Y|X] = 0` was verified (round 12 F1; with E[Y|X=x] = ρx it is ρ). The
    law moves with its conditioning value; an abstract one cannot be differentiated in it,
    so the step is undecided, saying so."""
    (step,) = steps(display(header, row))
    verdict = decide(step, "0", clock.now() + 20)
    assert verdict.status.value == "undecided"
    assert "the derivative of a density in its argument is not known" in verdict.detail


@pytest.mark.parametrize("row, expected", [
    (r"\frac{d}{dx} \mathbb{E}_{z \sim q}[z] = 1", "verified"),
    (r"\frac{d}{dx} \mathbb{E}_{z \sim q}[x z] = 2 x", "verified"),
    (r"\frac{d}{dx} \mathbb{E}_{z \sim q}[z] = 0", "refuted"),
    (r"\frac{d}{dx} \mathbb{E}_{z \sim q}[x z] = \mathbb{E}_{z \sim q}[z]", "refuted"),
])
def test_an_expectation_under_a_formula_given_x_is_differentiated_through_it(row, expected):
    header = "% derive: variable x, z\n% derive: density q = \\mathcal{N}(z; x, 1) over z\n"
    assert verdicts(display(header, row)) == [expected]


def test_an_expectation_under_a_law_at_another_value_stands_still():
    """q(·|2) does not move with x: only the body is differentiated."""
    assert verdicts(display(GIVEN_X, r"\frac{d}{dx} \mathbb{E}_{q(z|2)}[x z] = "
                                     r"\mathbb{E}_{q(z|2)}[z]")) == ["verified"]


def test_a_drawn_law_moving_with_the_variable_is_no_numeric_evidence(monkeypatch):
    """Second guard: were a rule of calculus to treat p(·|x) as standing still, the numbers
    could not object (a drawn density is constant within a cell), so the numeric engine
    refuses to evaluate such a derivative and no proof alone makes `verified`."""
    from derive.engines import calculus
    monkeypatch.setattr(calculus, "_dist_moves", lambda dist, v, ctx: False)
    (step,) = steps(display(CONTINUOUS, r"\frac{d}{dx} \mathbb{E}[Y|X] = 0"))
    verdict = decide(step, "0", clock.now() + 20)
    assert verdict.status.value == "undecided" and "no evidence" in verdict.detail


@pytest.mark.parametrize("header, row", [
    (MOVING, r"\frac{\partial}{\partial \theta} \mathbb{E}[Y|X] = 0"),
    (MOVING, r"\frac{\partial}{\partial \theta} \mathbb{E}_{y \sim p(y|x; \theta)}[y] = 0"),
    (MOVING, r"\frac{\partial}{\partial \theta} \mathbb{E}[Y^2|X = 1] = 0"),
    (MOVING, r"\left. \frac{\partial}{\partial \theta} p(y|x) \right|_{\theta = 0} = 0"),
    ("% derive: variable x, y\n% derive: joint p over x, y\n% derive: depends p on \\theta\n",
     r"\frac{\partial}{\partial \theta} D_{KL}(p(y|x) \| p(y|x)) = 0"),
])
def test_a_parameter_derivative_of_a_conditional_of_a_joint_is_undecided(header, row):
    """p(y|x; θ) = p(x, y; θ)/p(x; θ) is no one density atom: its θ-derivative was an
    internal error (round 12 F5); it is not read, and says so."""
    (step,) = steps(display(header, row))
    verdict = decide(step, "0", clock.now() + 20)
    assert verdict.status.value == "undecided" and verdict.method != "internal error"
    assert "a quotient of its densities" in verdict.detail


def test_a_derivative_in_a_variable_the_law_only_names_is_zero():
    """d/dx of the conditional KL (averaged over x, Cover & Thomas) is d/dx of a number:
    x names a variable of p, it is no parameter of it (this was an internal error too)."""
    header = "% derive: variable x, y\n% derive: joint p over x, y\n% derive: joint q over x, y\n"
    assert verdicts(display(header, r"\frac{d}{dx} D_{KL}(p(y|x) \| q(y|x)) = 0")) == \
        ["verified"]


@pytest.mark.parametrize("row", [r"E (X - E X)^2 = 0", r"E(X+1)^2 = 1", r"\mathbb{E}(X - 1)^2 = 0"])
def test_an_expectation_of_round_brackets_with_a_power_is_refused(row):
    """E(X - EX)^2 is the average of the square in Cover & Thomas, but brackets followed by
    a power read as a power of the value elsewhere: ambiguous, never (E(X - EX))^2."""
    header = "% derive: discrete x\n% derive: density p\n% derive: expectation E\n"
    (message,) = readings(display(header, row))
    assert "is ambiguous" in message and "E[(X - EX)^2]" in message


@pytest.mark.parametrize("row, column", [
    (r"\mathbb{E}_{x \sim p}(x)^2 = \mathbb{E}_{x \sim p}[x^2]", 21),
    (r"\mathbb{E}_{p}(x)^2 = \mathbb{E}_{p}[x^2]", 14),
    (r"\mathbb{E}_{x \sim p} (x - 1)^2 = 0", 22),
    (r"E_{p}(x)^{3} = 0", 5),
    (r"\mathrm{Var}_{p}(x)^2 = 1", 16),
])
def test_a_subscripted_expectation_of_round_brackets_with_a_power_is_refused(row, column):
    """(E X)² is the reading of `\\mathrm{E}(X)^2` alone: after a subscript, where a
    bracket-less `\\mathbb{E}_p x^2` averages the square, `(x)^2` is ambiguous too."""
    header = "% derive: discrete x\n% derive: density p\n"
    (step,) = steps(display(header, row))
    assert step.kind == "unreadable" and "ambiguous" in step.message and \
        "[(…)^k] or (" in step.message and step.location.column == 4 + column


@pytest.mark.parametrize("row, expected", [
    (r"\mathbb{E}_{p}(x) = \mathbb{E}_{p}[x]", "verified"),
    (r"\mathbb{E}_{p}(x^2) = \mathbb{E}_{p}[x^2]", "verified"),
    (r"\mathbb{E}_{p}[x]^2 = \mathbb{E}_{p}[x^2]", "refuted"),
])
def test_a_subscripted_expectation_of_round_brackets_without_a_power_is_read(row, expected):
    assert verdicts(display("% derive: discrete x\n% derive: density p\n", row)) == [expected]


def test_random_variables_named_over_a_declared_joint_keep_the_joint():
    """`random X with density p over x` after `joint p over x, y` names X, never re-declares
    p (it silently became a mass function over y alone, and every row failed)."""
    header = XY + ("% derive: random X with density p over x\n"
                   "% derive: random Y with density p over y\n")
    assert verdicts(display(header, r"H(X, Y) = H(X) + H(Y | X)",
                            r"H(X, Y) = H(X) + H(X | Y)")) == ["verified", "refuted"]


def test_a_random_variable_over_a_variable_the_joint_lacks_is_an_error():
    from derive.frontend.errors import InputError
    from derive.frontend.tex_file import load_tex
    header = XY + "% derive: variable z\n% derive: random Z with density p over z\n"
    with pytest.raises(InputError) as caught:
        load_tex("r.tex", display(header, "H(X) = H(X)"))
    assert "p is already declared, over x, y" in caught.value.message


@pytest.mark.parametrize("header, rows, expected", [
    ("% derive: discrete x\n% derive: density p\n",
     [r"P(X = x) = p(x)", r"\sum_x \Pr(X = x) = 1", r"\mathrm{Pr}(X = x) = 2 p(x)"],
     ["verified", "verified", "refuted"]),
    ("% derive: discrete x, y\n% derive: joint p over x, y\n",
     [r"\Pr(X = x, Y = y) = \Pr(X = x) \Pr(Y = y \mid X = x)",
      r"\mathbb{P}(Y = y \mid X = x) = \frac{p(x, y)}{p(x)}",
      r"\Pr(X = x, Y = y) = \Pr(X = x) \Pr(Y = y)"],
     ["verified", "verified", "refuted"]),
    ("% derive: discrete x\n% derive: real t\n% derive: assume 0 < t < 1\n"
     "% derive: density f = \\mathrm{Bernoulli}(t) over x\n"
     "% derive: random X with density f over x\n",
     [r"\mathrm{Pr}(X = 1) = t", r"\Pr(X = 0) = t"], ["verified", "refuted"]),
])
def test_the_probability_of_events_is_the_mass_of_the_declared_law(header, rows, expected):
    """`\\Pr(X = x)`, `\\mathrm{Pr}`, `\\mathbb{P}`, an undeclared P: the mass of the one law
    over the events' random variables (the Book of Statistical Proofs writes \\mathrm{Pr})."""
    assert verdicts(display(header, *rows)) == expected


@pytest.mark.parametrize("header, rows, expected", [
    (XYZ, [r"\Pr(X = x \cap Y = y) = p(x, y)", r"\Pr(X = x \cap Y = y) = p(x)",
           r"\mathbb{P}(X = x \cap Y = y \mid Z = z) = p(x, y \mid z)",
           r"P(X=x \cap Y=y \cap Z=z) = p(x, y, z)",
           r"\sum_y \mathsf P(X{=}x \cap Y{=}y) = \Pr(X = x)",
           r"\Pr(X = x \cap Y = y) = \Pr(X = x) \Pr(Y = y)"],
     ["verified", "refuted", "verified", "verified", "verified", "refuted"]),
    ("% derive: discrete x, y\n% derive: joint p over x, y\n"
     "% derive: distribution P with density p\n",
     [r"P(X = x \cap Y = y) = p(x, y)", r"P(Y = y \cap X = x) = 2 p(x, y)"],
     ["verified", "refuted"]),
])
def test_events_joined_by_cap_are_their_joint_occurrence(header, rows, expected):
    """`P(X{=}x \\cap Y{=}y)` (held-out s9g total expectation: was a syntax error, a second
    relation inside brackets) is `P(X = x, Y = y)`: the mass of the joint at both values."""
    assert verdicts(display(header, *rows)) == expected


@pytest.mark.parametrize("header, row, message", [
    (XYZ, r"\Pr(X = x \cap Y \le y) = 1", "one inequality event"),
    (XYZ, r"\mathbb{E}[X \mid Y = y \cap Z = z] = 1", "after the bar of a conditional"),
    (XYZ, r"\Pr(X = x \cap X = 1) = p(x)", "a variable appears twice"),
    (XYZ, r"A \cap B = 1", "\\cap only between events inside a probability"),
    ("% derive: variable x\n% derive: density p over x\n"
     "% derive: random X with density p over x\n% derive: real a, b\n",
     r"\Pr(X \ge a \cap X \le b) = 1", "one inequality event"),
    ("% derive: function f\n% derive: real a, b\n", r"f(a = b \cap a = 1) = 1",
     "not an expression"),
])
def test_cap_outside_a_probability_of_events_is_refused(header, row, message):
    """`\\cap` is read only between events `V = v` of a probability: an inequality event
    beside it, a conditional expectation's bar, sets, a function's argument are errors."""
    (step,) = steps(display(header, row))
    assert step.kind == "unreadable" and message in step.message, step.message


def test_the_probability_of_a_continuous_value_is_refused():
    (message,) = readings(display("% derive: variable x\n% derive: density p\n",
                                  r"\Pr(X = x) = p(x)"))
    assert "is continuous" in message


EVENT_VALUE = "the value in an event V = v is a number, but X is the random variable of x"
BOUND_HERE = "x is bound here by a sum or an integral: the random variable or the bound x?"
RANDOM_XY = "% derive: random X with density p over x\n% derive: random Y with density p over y\n"


@pytest.mark.parametrize("random", ["", RANDOM_XY])
@pytest.mark.parametrize("row, column, message", [
    (r"\Pr(X = X) = 1", 8, EVENT_VALUE),
    (r"P(X = X) = 1", 6, EVENT_VALUE),
    (r"\Pr(X = x \mid Y = X) = 1", 19, EVENT_VALUE),
    (r"\Pr(X = Y) = 1", 8, "Y is the random variable of y"),
    (r"\sum_x p(x) X = X", 12, BOUND_HERE),
    (r"\sum_{x} X p(x) = \mathbb{E}[X]", 9, BOUND_HERE),
])
def test_a_capital_is_one_thing_in_a_row(random, row, column, message):
    """X, x's random variable, is never also the value of an event (`\\Pr(X = X)` was p(X)
    at a complex X, and with `random X` declared p(x): both refuted, though Pr(X = X) = 1)
    nor, outside an expectation, the x a sum binds (`\\sum_x p(x) X = X` was refuted with
    `random X`): an error at the second meaning, whether X is declared or not."""
    header = "% derive: discrete x, y\n% derive: density p over x, y\n" + random
    (step,) = steps(display(header, row))
    assert step.kind == "unreadable" and message in step.message, step.message
    assert step.location.column == 4 + column


TWO_SPELLINGS = "both stand in this row outside an expectation"


@pytest.mark.parametrize("random", ["", RANDOM_XY])
@pytest.mark.parametrize("row, column", [
    (r"X - x = 0", 4),                                      # was verified: X is x's value
    (r"f(X) = f(x) + 5 (X - x)", 9),                       # a Taylor step about a point x
    (r"X^2 - \mathbb{E}[X] = x^2 - \mathbb{E}[X]", 22),
    (r"\Pr(X = x) + X = p(x) + X", 13),                     # the point x beside the variable
    (r"x + \mathbb{E}[Y|X] = X + \int y \, p(y|x) \, dy", 22),
    (r"p(X) \le p(x)", 11),                                 # density arguments too (round 13)
    (r"\log p(X) - \log p(x) \ge 0", 19),
    (r"p(y \mid X) = p(y \mid x)", 23),
])
def test_a_random_variable_and_its_value_spelled_both_in_a_row_are_refused(random, row, column):
    """Outside an expectation X is the value x, so a row writing both (`f(X) = f(x) +
    f'(x)(X - x)`, x a fixed point) would read X - x as 0: refused at the second spelling,
    whichever comes first."""
    header = "% derive: discrete x, y\n% derive: density p over x, y\n% derive: function f\n" + random
    (step,) = steps(display(header, row))
    assert step.kind == "unreadable" and TWO_SPELLINGS in step.message, step.message
    assert step.location.column == 4 + column


def test_a_capital_read_as_a_number_and_as_a_random_variable_is_refused():
    """`X[1]` reads X as an undeclared number: beside `\\mathbb{E}[X]`, in either order,
    one name would mean two things."""
    header = "% derive: discrete x, y\n% derive: density p over x, y\n"
    for row, column in ((r"\mathbb{E}[X] + X[1] = 1", 16), (r"X[1] + \mathbb{E}[X] = 1", 18)):
        (step,) = steps(display(header, row))
        assert step.kind == "unreadable" and "both as the random variable of x and as an " \
            "undeclared number" in step.message, step.message
        assert step.location.column == 4 + column


CONTINUOUS_E = "% derive: variable x, y\n% derive: joint p over x, y\n% derive: expectation E\n"
DISCRETE_E = "% derive: discrete x, y\n% derive: joint p over x, y\n% derive: expectation E\n"
XYZ_E = "% derive: variable x, y, z\n% derive: joint p over x, y, z\n"


@pytest.mark.parametrize("header, row, expected", [
    # the covariance answer's row (Mathematics Stack Exchange), continuous and discrete
    (CONTINUOUS_E, r"(X-EX)(Y-EY)=XY-(EY)X-(EX)Y+(EX)(EY)", "verified"),
    (DISCRETE_E, r"(X-EX)(Y-EY)=XY-(EY)X-(EX)Y+(EX)(EY)", "verified"),
    (CONTINUOUS_E + RANDOM_XY, r"(X-EX)(Y-EY)=XY-(EY)X-(EX)Y+(EX)(EY)", "verified"),
    (CONTINUOUS_E, r"(X-EX)(Y-EY)=XY-(EY)X-(EX)Y-(EX)(EY)", "refuted"),       # sign
    (DISCRETE_E, r"(X-EX)(Y-EY)=XY-(EX)X-(EY)Y+(EX)(EY)", "refuted"),         # means swapped
    (CONTINUOUS_E + RANDOM_XY, r"(X-EX)(Y-EY)=XY-(EY)X-(EX)Y", "refuted"),  # term missing
    (CONTINUOUS, r"(X - \mathbb{E}[X])(Y - \mathbb E Y) = XY - \mathbb{E}[Y] X - "
                 r"Y \mathbb E X + \mathbb{E}[X] \mathbb{E}[Y]", "verified"),
    (CONTINUOUS, r"(X - \mathbb{E}[X])(Y - \mathbb E Y) = XY - \mathbb{E}[Y] X - "
                 r"\mathbb E X \, Y + \mathbb{E}[X] \mathbb{E}[Y]", "refuted"),  # E[XY]
    (CONTINUOUS, r"\mathbb{E}[X] + X = X + \mathbb{E}[X]", "verified"),
    (CONTINUOUS, r"\mathbb{E}[Y|X] + X = 1", "refuted"),
    (CONTINUOUS, r"\frac{d}{dX} X^2 + \mathbb{E}[X] = 2X + \mathbb{E}[X]", "verified"),
    (CONTINUOUS, r"\frac{d}{dX} X^2 = X", "refuted"),
    (XYZ_E, r"(X + Z - \mathbb{E}[X+Z])^2 = (X - \mathbb{E}[X])^2 + (Z - \mathbb{E}[Z])^2"
            r" + 2(X - \mathbb{E}[X])(Z - \mathbb{E}[Z])", "verified"),
    (XYZ_E, r"(X + Z - \mathbb{E}[X+Z])^2 = (X - \mathbb{E}[X])^2 + (Z - \mathbb{E}[Z])^2",
     "refuted"),
])
def test_random_variables_outside_an_expectation_are_their_values(header, row, expected):
    """A row between random variables and their means, outside any expectation, is an
    identity in the values x, y (EX, EY numbers): read the same whether X is declared by
    `random X` or is the undeclared capital of x (the covariance row was refused under a
    joint, `(X-EX)^2 = X^2 - 2X EX + (EX)^2` verified under `random X`)."""
    assert verdicts(display(header, row)) == [expected]


def test_a_capital_read_as_a_number_alone_is_still_a_number():
    header = "% derive: discrete x, y\n% derive: density p over x, y\n"
    assert verdicts(display(header, r"X + 1 = 1 + X", r"\Pr(X = x) = \sum_y p(x, y)")) == \
        ["verified", "verified"]

@pytest.mark.parametrize("rows, column", [
    ([r"P(x) = 2 p(x)", r"P(X = x) = p(x)"], 4),           # a quantity P(x) defined above
    ([r"P(t) = t^2", r"P(X = x) = 1"], 4),                 # a function defined above
    ([r"P = 3", r"P(X = x) = p(x)"], 4),
    ([r"P(t) + 1 = P(t) + 1", r"P(X = x) = p(x)"], 4),     # used as an unknown function
    ([r"1 = P(x) - 2 p(x) + 1", r"2 p(x) = 2 P(X = x)"], 15),
])
def test_an_event_of_a_name_the_file_gave_another_meaning_is_refused(rows, column):
    """`P(X = x)` after the file defined or used P otherwise: the probability of the event
    would be a second meaning of P (was: verified `P(X = x) = p(x)` after `P(x) = 2p(x)`)."""
    header = "% derive: discrete x\n% derive: density p\n"
    (*_, step) = steps(display(header, *rows))
    assert step.kind == "unreadable" and "P(…) of events here would be a probability" in \
        step.message, step.message
    assert (step.location.line, step.location.column) == (len(rows) + 2, column)


@pytest.mark.parametrize("rows", [
    [r"P(X = x) = p(x)", r"P(t) = t^2"],
    [r"P(X = x) = p(x)", r"P = 3"],
    [r"\sum_x P(X = x) = 1", r"P(x) = 2 p(x)"],
])
def test_a_definition_of_a_name_read_as_a_probability_is_refused(rows):
    header = "% derive: discrete x\n% derive: density p\n"
    first, second = steps(display(header, *rows))
    assert first.kind != "unreadable"
    assert second.kind == "unreadable" and "as the probability of events: a definition" in \
        second.message and (second.location.line, second.location.column) == (4, 4)


def test_a_function_named_p_after_its_probability_use_is_refused():
    header = "% derive: discrete x\n% derive: density p\n"
    assert verdicts(display(header, r"P(X = x) = p(x)", r"P(t) + 1 = 2",
                            r"\Pr(X = x) = p(x)")) == ["verified", "error", "verified"]
    message = readings(display(header, r"P(X = x) = p(x)", r"P(t) + 1 = 2"))[1]
    assert "as the probability of events and is used here as a function" in message


def test_a_refused_probability_defines_nothing():
    """A row `\\Pr(c) = 1` that cannot be read is no definition of Pr: the next row using
    \\Pr is read on its own."""
    header = "% derive: discrete x\n% derive: density p\n% derive: real c\n"
    assert verdicts(display(header, r"\Pr(c) = 1", r"\Pr(X = x) = p(x)")) == \
        ["error", "verified"]


@pytest.mark.parametrize("rows, expected", [
    ([r"\mathrm{Var}(X) = \mathrm{E}\left( X^2 \right) - \mathrm{E}(X)^2"], ["verified"]),
    ([r"\mathrm{E}(X)^2 = \mathrm{E}(X^2)"], ["refuted"]),
    ([r"\mathrm{E}(X)^2 = \left(\sum_x x p(x)\right)^2"], ["verified"]),
])
def test_the_expectation_of_one_random_variable_then_a_power_is_its_power(rows, expected):
    header = "% derive: discrete x\n% derive: density p\n"
    assert verdicts(display(header, *rows)) == expected


@pytest.mark.parametrize("row", [r"\Pr_{p}(X = x) = 2p(x)", r"\sum_x \Pr_p(X = x) = 2",
                                 r"\mathbb{P}_{q}(X = x) = 1"])
def test_a_probability_with_a_subscript_is_refused_never_defined(row):
    """`\\Pr_p(X = x) = 2p(x)` was silently a definition of a new name Pr_p (round 9 F3)."""
    (message,) = readings(display("% derive: discrete x\n% derive: density p, q\n", row))
    assert "a subscript naming the law is not read" in message or \
        "does not read `\\mathbb{P}`" in message


FISHER = "% derive: real p\n% derive: assume 0 < p, p < 1\n% derive: discrete x, y\n" \
         "% derive: joint q over x, y\n"


def test_a_head_spelled_as_mutual_information_at_a_number_defines_a_function():
    """`I(p) = …` at a declared real p (Fisher's information) names no distribution: the
    row defines the function I, and then I is no mutual information in the file."""
    first, second = steps(display(FISHER, r"I(p) = \frac{1}{p^2}", r"I(p) = p^{-2}"))
    assert first.kind == "definition" and second.reading == "0 < p, p < 1 ⇒ I(p) = p^(-2)"
    assert verdicts(display(FISHER, r"I(p) = \frac{1}{p^2}", r"I(p) = p^{-2}"))[1] == "verified"
    assert verdicts(display(FISHER, r"I(p) = \frac{1}{p^2}", r"I(p) = p^{-3}"))[1] == "refuted"
    *_, later = steps(display(FISHER, r"I(p) = \frac{1}{p^2}", r"I(X; Y) \ge 0"))
    assert later.kind == "unreadable" and (later.location.line, later.location.column) == (6, 5)
    assert later.message.startswith("I is defined above as the function I(p) of a number: "
                                    "I(…) is not an operator on distributions in this file")
    # a head naming a form of I itself (`I(X; Y) \equiv …`) keeps I mutual information
    ct = "% derive: discrete x, y\n% derive: joint p over x, y\n"
    assert verdicts(display(ct, r"I(X; Y) \equiv D(p(x, y) \| p(x) p(y))",
                            r"I(X; X) = H(X)")) == ["definition", "verified"]


def test_mutual_information_read_above_keeps_I_from_being_defined_at_a_number():
    *_, later = steps(display(FISHER, r"I(X; Y) \ge 0", r"I(p) = \frac{1}{p^2}"))
    assert later.kind == "unreadable" and (later.location.line, later.location.column) == (6, 4)
    assert later.message.startswith("I is read at line 5, column 5 as an operator on "
                                    "distributions and is used here as a function")


# Variance and covariance in plain letters (Math & Physics Wiki, 'Variance of Sums'): the
# operators, as \operatorname{Var} is — never c·o·v(X, Y) with an unknown function v.
PLAIN_MOMENTS = "% derive: variable x, y\n% derive: joint p over x, y\n% derive: expectation E\n"


@pytest.mark.parametrize("row, verdict", [
    (r"cov(X,Y) = E[XY] - E[X]E[Y]", "verified"),
    (r"Cov[X, Y] = E[XY] - E[X]E[Y]", "verified"),
    (r"Var(X) = E[X^2] - {\left(E[X]\right)}^{2}", "verified"),
    (r"var[X] = E[X^2] - E[X]^2", "verified"),
    (r"Var (X+Y) = Var(X) + Var(Y) + 2cov(X,Y)", "verified"),
    (r"Var(X+Y) = Var(Y) + Var(X) + 2cov(Y,X)", "verified"),
    (r"cov(X,Y) = E[XY] + E[X]E[Y]", "refuted"),
    (r"Var(X+Y) = Var(X) + Var(Y) - 2cov(X,Y)", "refuted"),
])
def test_variance_and_covariance_in_plain_letters_are_the_operators(row, verdict):
    assert verdicts(display(PLAIN_MOMENTS, row)) == [verdict]


def test_plain_var_of_declared_letters_stays_a_product():
    """Every letter declared: `var(u)` is the product v·a·r(u), as `log` of declared letters."""
    header = PLAIN_MOMENTS + "% derive: real v, a, r\n"
    assert readings(display(header, r"var(u) = v a r u")) == ["v · a · r · u = v · a · r · u"]


@pytest.mark.parametrize("row, column, word", [
    (r"1 + MSE(X) = E[X^2]", 4, "MSE"),                # M·S times the declared E
    (r"E[X^2] = MSE(X)", 9, "MSE"),
    (r"1 + Corr(X,Y) = 1", 4, "Corr"),                  # derive has no correlation
    (r"1 + Ent(X) = 1", 4, "Ent"),                      # E, then an unknown function t
    (r"2 ELBO(x) = 1", 2, "ELBO"),
    (r"Var = E[X^2] - E[X]^2", 0, None),                # the operator, without brackets
])
def test_a_word_of_plain_letters_before_brackets_is_refused_naming_it(row, column, word):
    """Plain letters before the letter an unknown function or the expectation E would be
    spell a quantity's name (`MSE(\\hat\\theta)`, Mochael's note): never undeclared complex
    letters times that function. Refused at the word's first letter."""
    (step,) = steps(display(PLAIN_MOMENTS, row))
    assert step.kind == "unreadable", step.reading
    if word is None:
        assert "write the variance's argument in brackets" in step.message
    else:
        assert f"`{word}` in plain letters is no name" in step.message
        assert f"\\operatorname{{{word}}}" in step.message
    assert step.location.column == 4 + column


@pytest.mark.parametrize("rows, expected", [
    # the whole first side of a chain, a new word: the name being defined (Mochael's MSE)
    ((r"MSE(X) = E[X^2]", r"MSE(X) = E[X^2] + 1", r"2 MSE(X) = 2E[X^2]"),
     ["definition", "refuted", "verified"]),
    ((r"NLL(x) = E[x]", r"NLL(x) = E[x] + 0"), ["definition", "verified"]),
    ((r"CE(X, Y) = 1", r"CE(X, Y) = 2"), ["definition", "refuted"]),
    ((r"Ent(X) = E[X]", r"Ent(X) - E[X] = 0"), ["definition", "verified"]),
    # the whole word only: R·MSE(X) is refused, not read as R times MSE
    ((r"MSE(X) = E[X^2]", r"1 + RMSE(X) = 1"), ["definition", "error"]),
])
def test_a_new_word_of_plain_letters_heading_a_chain_is_the_name_it_defines(rows, expected):
    found = [s.kind if s.kind in ("definition", "unreadable") else v for s, v in zip(
        steps(display(PLAIN_MOMENTS, *rows)), verdicts(display(PLAIN_MOMENTS, *rows)))]
    assert [{"unreadable": "error"}.get(f, f) for f in found] == expected


@pytest.mark.parametrize("row, verdict", [
    (r"xf(x) = x \cdot f(x)", "verified"),              # a declared letter: the product
    (r"E f(X) = E[f(X)]", "verified"),                  # Cover & Thomas's E f(X)
    (r"E XY = E[XY]", "verified"),
])
def test_known_letters_before_a_function_keep_the_product(row, verdict):
    assert verdicts(display(PLAIN_MOMENTS, row)) == [verdict]


# A definition's parameter spelled as a declared random variable is that random variable:
# `Bias(\hat\theta) = E[\hat\theta] - \theta` was read with a number parameter, whose
# expectation is itself (the bias became u - θ, refuting the bias-variance decomposition).
BIAS = ("% derive: variable u\n% derive: density p over u\n"
        "% derive: random \\hat{\\theta} with density p over u\n% derive: real \\theta\n"
        "% derive: expectation E\n"
        "% derive: define \\operatorname{Bias}(\\hat{\\theta}) = E[\\hat{\\theta}]-\\theta\n")


@pytest.mark.parametrize("row, verdict", [
    (r"\operatorname{Bias}(\hat{\theta})^{2} = (E[\hat{\theta}]-\theta)^{2}", "verified"),
    (r"\operatorname{Var}[\hat{\theta}]+\operatorname{Bias}(\hat{\theta})^{2} = "
     r"E\left[(\hat{\theta}-\theta)^{2}\right]", "verified"),
    (r"\operatorname{Bias}(\hat{\theta}) = \hat{\theta} - \theta", "refuted"),
])
def test_a_definition_of_a_random_variable_averages_it(row, verdict):
    assert verdicts(display(BIAS, row)) == [verdict]


def test_a_definition_of_a_random_variable_is_a_quantity_of_it():
    """`Bias(2)` after `define Bias(\\hat\\theta) = …`: the definition names the quantity of
    that random variable, not a function of numbers — an error, never E[2] = 2."""
    (step,) = steps(display(BIAS, r"\operatorname{Bias}(2) = 1"))
    assert step.kind == "unreadable" and ("defined above only as the quantity" in step.message
                                          or "at numbers only heading a row" in step.message)


@pytest.mark.parametrize("define", [
    "% derive: define V(X) = E[X^2] - E[X]^2\n",
    "% derive: random X with density p over x\n% derive: define V(X) = E[X^2] - E[X]^2\n",
])
def test_a_variance_defined_of_a_capital_is_the_variance(define):
    header = "% derive: variable x\n% derive: density p over x\n% derive: expectation E\n" + define
    assert verdicts(display(header, r"V(X) = \operatorname{Var}[X]", r"V(X) = 0")) == [
        "verified", "refuted"]


def test_a_word_mixing_declared_and_undeclared_letters_is_refused():
    """`abVar(X)` with a declared: b is not, so the word is no product the file wrote."""
    (step,) = steps(display(PLAIN_MOMENTS + "% derive: real a\n", r"abVar(X) = 1"))
    assert step.kind == "unreadable" and "`abVar` in plain letters" in step.message
    assert step.location.column == 4


def test_a_capital_of_no_declared_variable_inside_an_expectation_is_refused():
    """X beside a law over k (a geometric mass function): the capital of no declared
    variable, so not the author's random variable — refused, never a complex constant
    (E[X] = (1-p)/p was refuted at X = 1.99 + 0.66i); K, k's own capital, is read."""
    text = ("% derive: real p\n% derive: assume 0 < p, p < 1\n% derive: discrete k\n"
            "% derive: density f = (1 - p)^k p over k\n"
            "$$ \\mathbb{E}[X] = \\frac{1-p}{p} $$\n$$ \\mathbb{E}[K] = \\frac{1-p}{p} $$\n")
    first, second = steps(text)
    assert first.kind.value == "unreadable" and "the capital of no declared variable" in \
        first.message and (first.location.line, first.location.column) == (5, 15)
    assert second.kind.value == "equality"


@pytest.mark.parametrize("row", [r"Var X = \mathbb{E}[X^2] - \mathbb{E}[X]^2",
                                 r"Var\,X = \mathbb{E}[X^2] - \mathbb{E}[X]^2", r"Cov\,X = 1"])
def test_a_moment_word_before_a_letter_without_brackets_is_refused(row):
    """`Var X` read as V·a·r·X (undeclared complex letters): the true row was refuted."""
    (step,) = steps(display("% derive: variable x\n% derive: density p\n"
                            "% derive: random X with density p over x\n", row))
    assert step.kind.value == "unreadable" and "in plain letters before a letter" in step.message
    assert step.location.column == 4


@pytest.mark.parametrize("row", [r"m(\hat\theta) = \hat\theta", r"V(\hat\theta) = 0"])
def test_a_function_averaging_its_parameter_is_not_applied_to_a_random_variable(row):
    """`define m(t) = E[t]` at θ̂ averaged θ̂'s value (E[u] = u): m(θ̂) = θ̂ was verified."""
    text = ("% derive: variable u\n% derive: density p over u\n"
            "% derive: random \\hat\\theta with density p over u\n% derive: expectation E\n"
            "% derive: define m(t) = E[t]\n% derive: define V(X) = E[X^2]-E[X]^2\n"
            f"$$ {row} $$\n$$ m(2) = 2 $$\n")
    first, second = steps(text)
    assert first.kind.value == "unreadable" and "a number its body averages" in first.message
    assert verdicts(text)[1] == "verified"


@pytest.mark.parametrize("header, rows, expected", [
    # attack round 15, c1/A: a defined word took over the letters declared afterwards; the
    # word the file defines, in plain letters before a bracket, every letter declared too,
    # is now refused as ambiguous (the function or the product?) — never the function alone
    ("", (r"ab(t) = t^2", "% derive: real a, b, c, d\n$$ a b (c + d) = a b c + a b d $$"),
     ["definition", "error"]),
    ("% derive: real a, b, c, d\n", (r"\operatorname{ab}(t) = t^2", r"a b (c + d) = abc + abd"),
     ["definition", "error"]),
    # c1/B: a letter of the word on the row's other side makes it a product, not a name
    ("", (r"ab(c + d) = ac + bd",), ["error"]),
    # c1/G: the random variable's capital before a bracket is no unknown function
    ("% derive: variable y\n% derive: density p over y\n", (r"\mathbb{E}[Y (1)] = Y (1)",),
     ["error"]),
    ("% derive: variable y\n% derive: density p over y\n", (r"\mathbb{E}[Y] + Y(0) = 1",),
     ["error"]),
])
def test_words_and_capitals_before_brackets_keep_one_meaning(header, rows, expected):
    text = header + "".join(r if r.startswith("%") else f"$$ {r} $$\n" for r in rows)
    got = [{"definition": "definition", "unreadable": "error"}.get(s.kind.value, v)
           for s, v in zip(steps(text), verdicts(text))]
    assert got == expected


# attack round 16 (atkA #12): X' (an independent copy of X) inside E[…] was an undeclared
# complex constant, so Var(X) = ½E[(X − X')²] was refuted
@pytest.mark.parametrize("row", [
    r"\operatorname{Var}(X) = \frac12 \mathbb{E}[(X - X')^2]",
    r"\mathbb{E}[(X - X')^2] = 0",
    r"\mathbb{E}[X^*] = \mathbb{E}[X]",
    r"\mathbb{E}[X' (X - 1)] = 0",            # never an unknown function X' either
])
def test_a_decorated_capital_of_a_variable_is_refused(row):
    header = "% derive: variable x\n% derive: density p\n"
    (text,) = readings(display(header, row))
    assert "derive does not read a copy of a random variable" in text
    assert verdicts(display(header, row)) == ["error"]


@pytest.mark.parametrize("row, expected", [
    (r"\mathbb{E}_{x \sim p}\mathbb{E}_{x' \sim p}[(x - x')^2] = 2\operatorname{Var}(X)",
     ["verified"]),
    (r"\mathbb{E}_{x \sim p}\mathbb{E}_{x' \sim p}[(x - x')^2] = \operatorname{Var}(X)",
     ["refuted"]),
])
def test_bound_copies_of_a_variable_are_read(row, expected):
    assert verdicts(display("% derive: variable x\n% derive: density p\n", row)) == expected


COPIES = ("% derive: natural n\n% derive: positive \\sigma\n% derive: density p over x\n"
          "% derive: random X_i with density p over x for i = 1..n, independent\n"
          "% derive: assume Var(X_i) = \\sigma^2\n"
          "% derive: define \\bar{X} = \\frac{1}{n}\\sum_{i=1}^n X_i\n")


@pytest.mark.parametrize("row, verdict", [
    (r"Var(\bar{X}) = Var\left(\frac{1}{n}\sum_{i=1}^nX_i\right)", "verified"),
    (r"Var(\bar{X}) = \frac{1}{n^2}Var(\sum_{i=1}^nX_i)", "verified"),
    (r"Var(\bar{X}) = \frac{1}{n}Var(\sum_{i=1}^nX_i)", "refuted"),
    (r"\frac{1}{n^2}Var(\sum_{i=1}^nX_i) = \frac{1}{n^2}\sum_{i=1}^nVar(X_i)", "verified"),
    (r"\frac{1}{n^2}\sum_{i=1}^nVar(X_i) = \frac{\sigma^2}{n}", "verified"),
    (r"\frac{1}{n^2}\sum_{i=1}^nVar(X_i) = \frac{\sigma^2}{n^2}", "refuted"),
    (r"\mathrm{Var}(\bar{X}) = \frac{\sigma^2}{n}", "verified"),
    (r"\operatorname{Var}(X_1 - X_2) = Var(X_1) + Var(X_2)", "verified"),
    (r"\operatorname{Var}(X_1 - X_2) = Var(X_1) - Var(X_2)", "refuted"),
    (r"Var(X_1 + X_1) = 4 Var(X_1)", "verified"),
    (r"Var(X_1 + X_1) = 2 Var(X_1)", "refuted"),
    (r"Var(X_1) = 0", "refuted"),
    (r"\mathbb{E}[\bar{X}] = \mathbb{E}[X_1]", "verified"),
    (r"\mathbb{E}[\bar{X}] = 2\mathbb{E}[X_1]", "refuted"),
    (r"\mathbb{E}[X_1^2] = \sigma^2 + \mathbb{E}[X_2]^2", "verified"),
    (r"\mathbb{E}[X_1^2] = \sigma^2", "refuted"),
    (r"\mathbb{E}[\bar{X}^2] = \frac{\sigma^2}{n} + \mathbb{E}[X_1]^2", "verified"),
    (r"\mathbb{E}[\bar{X}^2] = \mathbb{E}[X_1]^2", "refuted"),
    (r"\mathbb{E}[(X_1 - X_2)^2] = 2\sigma^2", "verified"),
    (r"\mathbb{E}[(X_1 - X_2)^2] = \sigma^2", "refuted"),
    # E through sums and constant factors, down to squares of affine combinations; a sum
    # over the whole range beside a member (X_i − X̄: coefficient 1 − 1/n at i, −1/n elsewhere)
    (r"\mathbb{E} \left( \frac{1}{n} \sum_{i = 1}^n |X_i - \bar{X}|^2 \right) = "
     r"\frac{n - 1}{n} \sigma^2", "verified"),
    (r"\mathbb{E} \left( \frac{1}{n} \sum_{i = 1}^n |X_i - \bar{X}|^2 \right) = \sigma^2",
     "refuted"),
    (r"\mathbb{E}\left[\sum_{i=1}^n (X_i - \bar{X})^2\right] = (n - 1) \sigma^2", "verified"),
    (r"\mathbb{E}\left[\sum_{i=1}^n X_i^2\right] = n \mathbb{E}[X_1^2]", "verified"),
    (r"\mathbb{E}\left[\sum_{i=1}^n X_i^2\right] = \mathbb{E}[X_1^2]", "refuted"),
    (r"\mathbb{E}\left[\left(\sum_{i=1}^n X_i\right)^2\right] = n \sigma^2 + n^2 "
     r"\mathbb{E}[X_1]^2", "verified"),
    (r"\mathbb{E}\left[\left(\sum_{i=1}^n X_i\right)^2\right] = n \mathbb{E}[X_1^2]", "refuted"),
    (r"Var(X_1 - \bar{X}) = \frac{n - 1}{n} \sigma^2", "verified"),
    (r"Var(X_1 - \bar{X}) = \sigma^2", "refuted"),
    (r"Var(X_1 + \sum_{i=1}^n X_i) = (n + 3) \sigma^2", "verified"),
    (r"Var(X_1 + \sum_{i=1}^n X_i) = (n + 1) \sigma^2", "refuted"),
])
def test_independent_copies_average_by_their_law(row, verdict):
    """`random X_i with density p over x for i = 1..n, independent`: inside a moment a
    member is a random variable of law p, the variance of a sum of distinct members is the
    sum of theirs (each coefficient squared), E is linear; `assume Var(X_i) = \\sigma^2`
    puts σ as the root of p's variance. Was: the directive refused at `..`; a member
    read as a constant of the moment's law made Var(X_i) = 0."""
    assert verdicts(display(COPIES, row)) == [verdict]


@pytest.mark.parametrize("row, message", [
    (r"Var(X_i + X_j) = 2Var(X_1)", "cannot tell that these members"),
    (r"Var(X_1 + X_2 + \sum_{i=2}^n X_i) = 1", "cannot tell that these members"),
    (r"Var(X_i + X_j + \sum_{k=1}^n X_k) = 1", "cannot tell that these members"),
    (r"\mathbb{E}\left[\sum_{i=1}^n X_i \bar{X}\right] = 1", "only for a sum of multiples"),
    (r"Cov(X_1, X_2) = 0", "covariance of independent copies"),
    (r"\mathbb{E}[X_1 X_2] = \mathbb{E}[X_1]^2", "only for a sum of multiples"),
    (r"Var(X_1^2 + X_2) = 1", "only for a sum of multiples"),
    (r"\mathbb{E}[(X_i - X_j)^2] = 1", "cannot tell that these members"),
    (r"\mathbb{E}[\bar{X}^3] = 1", "only for a sum of multiples"),
    (r"\mathbb{E}_{x \sim p}[X_1] = X_1", "averaged by its own law"),
    (r"\mathbb{E}[X_1 | X_2] = \mathbb{E}[X_1]", "conditional moments"),
    (r"\mathbb{E}[X_1 + x] = 1", "beside another random variable"),
])
def test_moments_of_copies_derive_cannot_read_are_refused(row, message):
    (step,) = steps(display(COPIES, row))
    assert step.kind == "unreadable" and message in step.message


@pytest.mark.parametrize("row, verdict", [
    # atkF/12: the outer n did not reach \bar{X}'s n: the false row verified, the true refuted
    (r"\sum_{n=1}^{2} Var(\bar{X}) = \frac{2\sigma^2}{n}", "error"),
    (r"\sum_{n=1}^{2} Var(\bar{X}) = \frac{3}{2}\sigma^2", "error"),
    (r"\sum_{m=1}^{2} Var(\bar{X}) = \frac{2\sigma^2}{n}", "verified"),
    (r"\sum_{m=1}^{2} Var(\bar{X}) = \frac{\sigma^2}{n}", "refuted"),
])
def test_a_definition_using_a_letter_bound_where_it_stands_is_refused(row, verdict):
    assert verdicts(display(COPIES, row)) == [verdict]


BERNOULLI_COPIES = ("% derive: natural n\n% derive: real \\theta\n"
                    "% derive: assume 0 < \\theta, \\theta < 1\n% derive: discrete x\n"
                    "% derive: density p = \\mathrm{Bernoulli}(\\theta) over x\n"
                    "% derive: random X_i with density p over x for i = 1..n, independent\n")
HALF_LINE_COPIES = ("% derive: natural n\n% derive: variable x\n"
                    "% derive: density p over x in [0, \\infty)\n"
                    "% derive: random X_i with density p over x for i = 1..n, independent\n")


@pytest.mark.parametrize("header, row, verdict", [
    # atkF/6: a member outside a moment was drawn as any real (X_1 = -0.959 of a Bernoulli)
    (BERNOULLI_COPIES, r"X_1^2 = X_1", "undecided"),
    (BERNOULLI_COPIES, r"X_1^2 = 2 X_1", "refuted"),
    (HALF_LINE_COPIES, r"|X_1| = X_1", "undecided"),
    (HALF_LINE_COPIES, r"|X_1| = -X_1", "refuted"),
])
def test_a_member_outside_a_moment_is_a_value_of_its_law(header, row, verdict):
    """Members are drawn as the law's variable is: among the values of positive mass, in
    the declared support — a counterexample off it refutes nothing about X_1."""
    assert verdicts(display(header, row)) == [verdict]


EXP_LAW = ("% derive: variable x\n% derive: positive \\lambda\n% derive: real c\n"
           "% derive: density p = \\mathrm{Exp}(\\lambda) over x\n"
           "% derive: random X with density p over x\n")
EXP_COPIES = ("% derive: natural n\n% derive: variable x\n% derive: positive \\lambda\n"
              "% derive: density p = \\mathrm{Exp}(\\lambda) over x\n"
              "% derive: random X_i with density p over x for i = 1..n, independent\n")
GAMMA_LAW = ("% derive: variable x\n% derive: positive a, b\n"
             "% derive: density p = \\mathrm{Gamma}(a, b) over x\n"
             "% derive: random X with density p over x\n")
BETA_LAW = ("% derive: variable x\n% derive: positive a, b\n"
            "% derive: density p = \\mathrm{Beta}(a, b) over x\n"
            "% derive: random X with density p over x\n")
UNIFORM_LAW = ("% derive: variable x\n% derive: real a, b\n% derive: assume a < b\n"
               "% derive: density p = \\mathcal{U}(a, b) over x\n"
               "% derive: random X with density p over x\n")


@pytest.mark.parametrize("header, row, verdict", [
    # fxsupp: the cells ignored a standard family's support: |X| = X of an Exp refuted at −0.2
    # fxsnd: the normal form knows the sign the supports give x: ≥ 0 of an Exp, a Gamma
    (EXP_LAW, r"\sqrt{X^2} = X", "verified"),
    (EXP_LAW, r"|X| = X", "verified"),
    (EXP_LAW, r"\sqrt{x^2} = x", "verified"),
    (EXP_LAW, r"X \ge 0", "verified"),
    (EXP_LAW, r"\int_{-1}^{1} \sqrt{x^2} \, dx = 0", "refuted"),   # a bound x: any real
    (EXP_LAW, r"\mathbb{E}[|X - 1|] = \mathbb{E}[X - 1]", "refuted"),
    (EXP_LAW, r"\sqrt{X^2} = -X", "refuted"),
    (EXP_LAW, r"X \ge 1", "refuted"),
    (EXP_LAW, r"\sqrt{c^2} = c", "refuted"),           # a declared real is no value of x
    (EXP_LAW, r"p(c) = \lambda e^{-\lambda c}", "refuted"),
    (EXP_COPIES, r"|X_1| = X_1", "undecided"),
    (EXP_COPIES, r"|X_1| = -X_1", "refuted"),
    (GAMMA_LAW, r"|X| = X", "verified"),
    (GAMMA_LAW, r"|X - 1| = X - 1", "refuted"),
    (GAMMA_LAW, r"|X| = -X", "refuted"),
    (BETA_LAW, r"|1 - X| + |X| = 1", "undecided"),
    (BETA_LAW, r"X \le \frac{1}{2}", "refuted"),
    (UNIFORM_LAW, r"|b - X| = b - X", "undecided"),
    (UNIFORM_LAW, r"|X - a| = a - X", "refuted"),
])
def test_the_value_of_a_law_by_formula_lies_in_its_support(header, row, verdict):
    """A continuous variable with densities by formula over it (and X, X_i of their laws)
    is drawn inside all their supports, as a discrete one among its law's points; a
    declared number stays any real."""
    assert verdicts(display(header, row)) == [verdict]


TWO_FAMILIES = ("% derive: natural n\n% derive: variable x, y\n% derive: density p over x\n"
                "% derive: density q over y\n"
                "% derive: random X_i with density p over x for i = 1..n, independent\n"
                "% derive: random Y_i with density q over y for i = 1..n, independent\n"
                "% derive: define \\bar{X} = \\frac{1}{n}\\sum_{i=1}^n X_i\n"
                "% derive: define \\bar{Y} = \\frac{1}{n}\\sum_{i=1}^n Y_i\n")


@pytest.mark.parametrize("row, verdict", [
    (r"\mathbb{E}[X_1 + Y_1] = \mathbb{E}[X_1] + \mathbb{E}[Y_1]", "verified"),
    (r"\mathbb{E}[X_1 + Y_1] = 2\,\mathbb{E}[X_1]", "refuted"),
    (r"\mathbb{E}[Y_1 + X_1] = 2\,\mathbb{E}[Y_1]", "refuted"),
    (r"\mathbb{E}[\bar{X} - \bar{Y}] = \mathbb{E}[X_1] - \mathbb{E}[Y_1]", "verified"),
    (r"\mathbb{E}[\bar{X} - \bar{Y}] = 0", "refuted"),
    (r"\mathbb{E}[\frac{1}{n}\sum_{i=1}^n Y_i - \frac{1}{n}\sum_{i=1}^n X_i] = 0", "refuted"),
])
def test_members_of_two_families_are_each_averaged_by_their_own_law(row, verdict):
    """Two `random … independent` families: E is linear whatever the joint law, each member
    averaged by its own family's law. Was (atkF/1): every member averaged by the first
    family's law, so E[\bar X - \bar Y] = 0 was verified for two different laws."""
    assert verdicts(display(TWO_FAMILIES, row)) == [verdict]


@pytest.mark.parametrize("row", [
    r"Var(X_1 + Y_2) = 2\,Var(X_1)",
    r"Var(X_1 + Y_1) = Var(X_1) + Var(Y_1)",
    r"\mathbb{E}[(X_1 - Y_1)^2] = 0",
])
def test_a_variance_across_two_families_is_refused(row):
    """Each family's members are independent of each other; nothing declares the two
    families independent of each other: a variance needs their joint law, refused."""
    (step,) = steps(display(TWO_FAMILIES, row))
    assert step.kind == "unreadable" and "two families" in step.message


@pytest.mark.parametrize("directive, message", [
    ("random X_i with density p over x for i = 1..n", "independent copies of one law"),
    ("random X_i with density p over x, y for i = 1..n, independent", "one variable"),
    ("random X_j with density p over x for i = 1..n, independent", "not indexed by i"),
    ("real X_i for i = 1..n\n% derive: random X_i with density p over x for i = 1..n, "
     "independent", "a family of their own"),
])
def test_a_family_of_random_variables_is_read_only_as_independent_copies(directive, message):
    from derive.frontend.errors import InputError
    with pytest.raises(InputError, match=message):
        steps(f"% derive: natural n\n% derive: {directive}\n$$ 1 = 1 $$\n")


@pytest.mark.parametrize("header, row, verdict", [
    ("% derive: density p over x\n% derive: random X with density p over x\n",
     r"Var(2X) = 4\sigma^2", "verified"),
    ("% derive: density p over x\n% derive: random X with density p over x\n",
     r"Var(2X) = 2\sigma^2", "refuted"),
    ("% derive: discrete x\n% derive: density p over x\n% derive: random X with density p "
     "over x\n", r"Var(2X) = 4\sigma^2", "undecided"),
])
def test_a_positive_symbol_whose_power_is_a_variance_is_its_root(header, row, verdict):
    """`assume Var(X) = \\sigma^2` of a positive σ: σ is √Var(X) — a continuous variable's
    variance is positive (its density puts no mass on a point). A discrete variable's may
    be 0 (one value), where no positive σ solves it: not used, so never refuted."""
    text = "% derive: positive \\sigma\n" + header + "% derive: assume Var(X) = \\sigma^2\n"
    assert verdicts(display(text, row)) == [verdict]


# ---------------------------------------------------------------- samples and copies of X (atkC/7)

@pytest.mark.parametrize("row, name", [
    (r"\mathbb{E}[(X_1 - X_2)^2] = (X_1 - X_2)^2", "X_{1}"),
    (r"\mathbb{E}[(X - \tilde{X})^2] = \mathbb{E}[X^2] - 2 \tilde{X} \mathbb{E}[X] + \tilde{X}^2",
     r"\tilde{X}"),
    (r"\mathbb{E}[(X - \bar{X})^2] = \mathbb{E}[X^2] - 2 \bar{X} \mathbb{E}[X] + \bar{X}^2",
     r"\bar{X}"),
    (r"\mathbb{E}[X_1 X_2] = \mathbb{E}[X]^2", "X_{1}"),
])
def test_a_sample_copy_or_mean_of_a_random_variable_is_refused(row, name):
    """Attack round 16, atkC/7: X_1, X_2, \\tilde X, \\bar X beside the random variable X were
    undeclared complex constants inside E[…] (E[(X_1 − X_2)²] = (X_1 − X_2)² verified), while
    X' was refused: refused the same way."""
    (step,) = steps(display("% derive: variable x\n% derive: density p over x\n", row))
    assert step.kind == "unreadable" and f"{name} beside the random variable X" in step.message


def test_a_declared_accented_variable_keeps_its_capital():
    text = display("% derive: variable x, \\tilde{x}\n% derive: density p over x, \\tilde{x}\n",
                   r"\mathbb{E}[X + \tilde{X}] = \mathbb{E}[X] + \mathbb{E}[\tilde{X}]")
    assert verdicts(text) == ["verified"]


# ---------------------------------------------------------------- attack round 16 (atkA)
MEAN = ("% derive: variable x\n% derive: density p\n"
        "% derive: define \\mu = \\mathbb{E}_{x \\sim p}[x]\n")


@pytest.mark.parametrize("row", [
    r"\mathbb{E}_{x \sim p} (x - \mu)(x - \mu) = 0",          # the variance "= 0"
    r"\mathbb{E}_{x \sim p}(x - \mu)\, x = 0",
    r"\mathbb{E}_p (x - \mu) \log p(x) = 0",
    r"\mathbb{E}_{p}\left(x - \mu\right)\left(x - \mu\right) = 0",
    r"\mathbb{E}_{p}\bigl(x - \mu\bigr) \cdot \bigl(x - \mu\bigr) = 0",
    r"\mathbb{E}_{x \sim \mathcal{N}(0, 1)}(x)(x) = 1",
])
def test_round_brackets_then_factors_using_the_averaged_letter_are_refused(row):
    """`E(…)(…)`: the E of the first bracket times the rest (x then free) or of the whole
    product (as `E_p\\{…\\}\\{…\\}` and a bracket-less E read)? Was: the first only, with the
    bound x free after it — "variance = 0" verified."""
    (step,) = [s for s in steps(display(MEAN, row)) if s.kind != "definition"]
    assert step.kind == "unreadable" and "followed by more factors that use x is ambiguous" \
        in step.message


@pytest.mark.parametrize("row, verdict", [
    (r"\mathbb{E}_{x \sim p}[(x - \mu)(x - \mu)] = 0", "refuted"),
    (r"\mathbb{E}_{x \sim p}(x - \mu) \cdot 2 = 0", "verified"),    # both readings agree
    (r"\mathbb{E}_{x \sim p}(x - \mu)\, \mu = 0", "verified"),
    (r"\mathbb{E}_{x \sim p}(x)\, \mathbb{E}_{x \sim p}(x) = \mu^2", "verified"),
    (r"\mathbb{E}_{x \sim p}(x)\, \mathbb{E}_{x \sim p}(x) = 2 \mu^2", "refuted"),
])
def test_round_brackets_then_factors_free_of_the_averaged_letter_read(row, verdict):
    assert verdicts(display(MEAN, row))[-1] == verdict


def test_cover_and_thomas_covariance_is_refused_not_refuted():
    header = "% derive: variable x, y\n% derive: joint p over x, y\n% derive: expectation E\n"
    (step,) = steps(display(header, r"\operatorname{Cov}(X, Y) = E(X - EX)(Y - EY)"))
    assert step.kind == "unreadable" and "that use y is ambiguous" in step.message
    assert verdicts(display(header, r"\operatorname{Cov}(X, Y) = E[(X - EX)(Y - EY)]")) == \
        ["verified"]


@pytest.mark.parametrize("row, verdict", [
    (r"\mathbb{E}_{y \mid x}[y] = \mathbb{E}_{y}[y]", "refuted"),   # E[Y|X=x] is not E[Y]
    (r"\mathbb{E}_{y|x}[y] = \sum_y p(y \mid x)\, y", "verified"),
    (r"\mathbb{E}_{Y \mid X}[y] = \sum_y p(y|x)\, y", "verified"),
    (r"\mathbb{E}_{y \mid x}[\log p(y \mid x)] = -H(Y \mid X = x)", "verified"),
    (r"\mathbb{E}_{y \mid x}[\log p(y \mid x)] = -H(Y \mid X)", "refuted"),
    (r"\operatorname{Var}_{y \mid x}[y] = \operatorname{Var}[Y]", "refuted"),
    (r"\operatorname{Var}_{y \mid x}[y] = \operatorname{Var}(Y \mid X)", "verified"),
    (r"\mathbb{E}_{x}[\mathbb{E}_{y \mid x}[y]] = \mathbb{E}_{y}[y]", "verified"),
])
def test_a_conditional_subscript_averages_under_the_conditional_at_the_free_value(row, verdict):
    """`E_{y|x}[g]` is the average under p(y | x) at x (the conditional risk), as
    `E_{y ~ p(y|x)}` is; was: over x and y under the joint (E_{y|x}[y] = E_y[y] verified)."""
    header = "% derive: discrete x, y\n% derive: joint p over x, y\n"
    assert verdicts(display(header, row)) == [verdict]


def test_a_posterior_mean_is_not_the_prior_mean():
    header = "% derive: variable x, \\theta\n% derive: joint p over x, \\theta\n"
    assert verdicts(display(header, r"\mathbb{E}_{\theta \mid x}[\theta] = "
                                    r"\mathbb{E}_{\theta}[\theta]",
                            r"\mathbb{E}_{x \mid \theta}[x] = \int p(x|\theta) x \, dx")) == \
        ["refuted", "verified"]


@pytest.mark.parametrize("row", [r"\mathbb{E}_{y \mid x \mid x}[y] = 0",
                                 r"\mathbb{E}_{y \mid y}[y] = 0"])
def test_a_malformed_conditional_subscript_is_refused(row):
    header = "% derive: discrete x, y\n% derive: joint p over x, y\n"
    (step,) = steps(display(header, row))
    assert step.kind == "unreadable"


RENAMED = ("% derive: variable x, z\n% derive: density p = \\mathcal{N}(0, 1) over x\n"
           "% derive: density q over x\n% derive: density r over z\n% derive: function f\n")


@pytest.mark.parametrize("row, status", [
    (r"\int q(y) f(y) \, dy = \mathbb{E}_{x \sim q}[f(x)]", "verified"),
    (r"\int q(t) f(t) \, dt = \mathbb{E}_{y \sim q}[f(y)]", "verified"),
    (r"\int q(y) f(y)^2 \, dy = \mathbb{E}_{x \sim q}[f(x)]", "refuted"),
    (r"\mathbb{E}_{y \sim q}[f(y)] = \int q(x) f(x) \, dx", "verified"),
    (r"\mathbb{E}_{y \sim q}[f(y)] = \int q(x) f(x)^2 \, dx", "refuted"),
    (r"\int p(y) y^2 \, dy = 1", "verified"),
    (r"\int p(y) y^2 \, dy = 2", "refuted"),
    (r"\int q(y) \log q(y) \, dy = \int q(x) \log q(x) \, dx", "verified"),
    (r"\int_{\mathbb{R}} q(y) \, dy = 1", "verified"),
    (r"\int_0^1 q(y) \, dy = 1", "refuted"),             # limits: a real letter of its own
    (r"\int q(y) r(y) \, dy = \int q(y) r(y) \, dy", "undecided"),   # over x's or z's range?
])
def test_a_letter_the_file_does_not_declare_renames_the_one_variable_of_its_law(row, status):
    """`\\int p(y) f(y) dy` with p over x alone and y undeclared is over x's range with x
    renamed (as `\\mathbb{E}_{y \\sim p}` draws y from p): it was a real of its own over the
    whole line, where no instance evaluates (undecided)."""
    assert verdicts(display(RENAMED, row)) == [status]


def test_drawing_another_declared_variable_from_a_law_over_x_is_refused():
    """`y \\sim p` with p over x drew y from x's law while `p(y)` in the same file is the
    y-marginal of a joint — one name, two laws (E_{y~p}[y] = Σ_y p(y) y refuted)."""
    for kind in ("discrete", "variable"):
        header = f"% derive: {kind} x, y\n% derive: density p over x\n"
        (step,) = steps(display(header, r"\mathbb{E}_{y \sim p}[y] = \mathbb{E}_{x \sim p}[x]"))
        assert step.kind == "unreadable" and "y is another declared variable" in step.message
    header = "% derive: discrete x, y\n% derive: density p over x\n"
    assert verdicts(display(header, r"\mathbb{E}_{x \sim p}[x] = \sum_x p(x)\, x",
                            r"\mathbb{E}_{t \sim p}[t] = \sum_x p(x)\, x",
                            r"\mathbb{E}_{t \sim p}[t] = \sum_x p(x)\, x^2")) == \
        ["verified", "verified", "refuted"]


# ------------------------------------------------ E_θ: the expectation at a parameter value
BERNOULLI_AT = ("% derive: discrete x\n% derive: real p\n% derive: assume 0 < p < 1\n"
                "% derive: density f = \\mathrm{Bernoulli}(p) over x\n"
                "% derive: random X with density f over x\n% derive: expectation E\n")


@pytest.mark.parametrize("row, verdict", [
    # the Fisher information of the Bernoulli: the derivative in p at fixed x, inside
    (r"E_p\left[\left(\frac{d}{dp}\log\left(p^x(1-p)^{1-x}\right)\right)^2\right] = "
     r"\frac{1}{p(1-p)}", "verified"),
    (r"E_p\left[\left(\frac{d}{dp}\log\left(p^x(1-p)^{1-x}\right)\right)^2\right] = "
     r"\frac{1}{p}", "refuted"),
    (r"\mathbb{E}_p[X^2] = p", "verified"),
    (r"\mathbb{E}_p[X^2] = p^2", "refuted"),
])
def test_an_expectation_at_a_parameter_is_under_the_law_depending_on_it(row, verdict):
    """`E_p[…]` with p the declared parameter of the one law that depends on it (the
    statistician's E_θ): under that law, its variable x bound in the brackets."""
    assert verdicts(display(BERNOULLI_AT, row)) == [verdict]


@pytest.mark.parametrize("header, why", [
    # two laws depend on p: under which?
    (BERNOULLI_AT + "% derive: discrete y\n% derive: density g = \\mathrm{Bernoulli}(p) over y\n",
     "more than one declared law"),
])
def test_an_expectation_at_a_parameter_no_single_law_depends_on_is_refused(header, why):
    (step,) = steps(display(header, r"E_p[X^2] = p"))
    assert step.kind == "unreadable" and why in step.message


ABSTRACT_F = ("% derive: discrete x\n% derive: real p\n% derive: density f over x\n"
              "% derive: random X with density f over x\n% derive: expectation E\n")


def test_an_abstract_law_is_indexed_by_the_parameter_only_before_any_row_reads_it():
    """fxs49: E_p of the file's one abstract law makes it depend on p from that row on — in
    the first row read only (atkM, round 33: `\frac{d}{dp} E[X] = 0` read above with f
    independent of p, then E_p below, gave f two meanings in one file)."""
    assert "verified" not in verdicts(display(ABSTRACT_F, r"E_p[X^2] = p"))
    above = steps(display(ABSTRACT_F, r"\frac{d}{dp} E[X] = 0", r"E_p[X^2] = p"))
    assert above[0].kind != "unreadable"
    assert above[1].kind == "unreadable" and "rows above" in above[1].message


PLAIN_E_AT = BERNOULLI_AT.replace("% derive: expectation E\n", "")


@pytest.mark.parametrize("row, verdict", [
    (r"p = E_p[X]", "verified"),
    (r"p = E_{p}(X)", "verified"),
    (r"0 = E_p[X] - E_p[X^2]", "verified"),
    (r"E_p[X^2] = E_p[X] \, X", "refuted"),
    (r"E_p[X] = 0", "refuted"),
])
def test_a_plain_e_at_a_law_parameter_is_the_expectation(row, verdict):
    """Plain `E_p[X]`, `E_p(X)` with no `expectation E`, p a declared number on which one
    declared law depends: the statistician's E_θ, as `\\mathrm{E}_p` is. Was (atkF/2):
    an unknown constant E_p times X (`E_p[X^2] = E_p[X] X` verified, `p = E_p[X]`
    refuted) or an unknown function E_p."""
    assert verdicts(display(PLAIN_E_AT, row)) == [verdict]


def test_a_plain_e_at_a_law_parameter_is_never_a_definition():
    """`E_p[x] = p` as a chain's first side was the definition `E_p[x] := p`."""
    header = PLAIN_E_AT.replace("% derive: random X with density f over x\n", "")
    assert verdicts(display(header, r"E_p[x] = p", r"2 E_p[x] = 2p")) == \
        ["verified", "verified"]


def test_an_expectation_at_a_bound_parameter_is_refused():
    """`\\int_0^1 E_p[X] \\, dp`: the law's p is the file's, not the integral's: refused."""
    (step,) = steps(display(BERNOULLI_AT, r"\int_0^1 E_p[X] \, dp = \frac{1}{2}"))
    assert step.kind == "unreadable"


def test_an_expectation_at_a_function_parameter_is_never_the_file_law():
    """`I(p) = E_p[X]` with p the law's parameter names the quantity at the file's p (a
    label): I(1/2) would average under the file's p — refused, never `I(1/2) = p` verified."""
    found = verdicts(display(BERNOULLI_AT, r"I(p) = E_p[X]", r"I(1/2) = p"))
    assert found == ["definition", "error"]


FISHER_ROW = r"I_X(p) = E_p\left[\left(\frac{d}{dp}\log\left(p^x(1-p)^{1-x}\right)\right)^2\right]"


@pytest.mark.parametrize("rows, expected", [
    # a head at the law's parameter names the quantity there: the Fisher information
    ((FISHER_ROW, r"I_X(p) = \frac{1}{p(1-p)}"), ["definition", "verified"]),
    ((FISHER_ROW, r"I_X(p) = \frac{1}{p}"), ["definition", "refuted"]),
    ((FISHER_ROW, r"I_X(p) = E_p\left[\frac{X^2}{p^2}\right] - 2E_p\left[\frac{X - X^2}{p(1-p)}"
      r"\right] + E_p\left[\frac{X^2 - 2X + 1}{(1-p)^2}\right]"), ["definition", "verified"]),
    ((FISHER_ROW, r"I_X(p) = E_p\left[\frac{X^2}{p}\right] - 2E_p\left[\frac{X - X^2}{p(1-p)}"
      r"\right] + E_p\left[\frac{X^2 - 2X + 1}{(1-p)^2}\right]"), ["definition", "refuted"]),
    # at another value the law would stay at the file's p: refused (was a function of a fresh
    # p, and L(1/2) = f(1) = p verified)
    ((r"L(p) = f(1)", r"L(\tfrac12) = p"), ["definition", "error"]),
    ((r"L(p) = E[X]", r"L(\tfrac12) = p"), ["definition", "error"]),
    ((r"L(p) = f(1)", r"L(p) = p"), ["definition", "verified"]),
    # a number no law depends on is still a function's parameter
    ((r"g(a) = a^2 + f(1)", r"g(2) = 4 + p"), ["definition", "verified"]),
    ((r"g(a) = a^2 + f(1)", r"g(2) = 4"), ["definition", "refuted"]),
])
def test_a_head_at_a_laws_parameter_names_the_quantity_at_the_files_value(rows, expected):
    """`I_X(p) = E_p[…]`, `L(p) = f(1)` with p a parameter of a declared law: the law in the
    body is at the file's p, so the head is the quantity there (`law_parameter`)."""
    assert verdicts(display(BERNOULLI_AT + "% derive: real a\n", *rows)) == expected


# ---------------------------------------------- p_X(x): a density subscripted by random variables
@pytest.mark.parametrize("row, verdict", [
    (r"H(X,Y|Z) = -\sum_{x,y,z} p_{(X,Y,Z)}(x,y,z) \log \frac{p_{(X,Y,Z)}(x,y,z)}{p_Z(z)}",
     "verified"),
    (r"H(X,Y|Z) = -\sum_{x,y,z} p_{(Y,X,Z)}(y,x,z) \log \frac{p_{(Y,X,Z)}(y,x,z)}{p_X(x)}",
     "refuted"),
    (r"p_{X,Y}(x, y) = p(x, y)", "verified"),
    (r"p_{(Y,X)}(y, x) = p(x, y)", "verified"),       # in the subscript's order
    (r"p_{(Y,X)}(x, y) = p(x, y)", "refuted"),        # p at y = x, x = y
    (r"\sum_z p_{Z}(z) = 1", "verified"),
    (r"p_X(x) = p(x, y)", "refuted"),
])
def test_a_density_subscripted_by_random_variables_is_their_marginal(row, verdict):
    assert verdicts(display(XYZ, row)) == [verdict]


@pytest.mark.parametrize("row", [
    r"p_{X|Y}(y | x) = p(y | x)",          # a conditional whose capitals are not its arguments'
    r"p_{X}(x, y) = p(x)",                 # one argument per variable
    r"p_{X,X}(x, x) = p(x)",
    r"1 = \sum_x p_X(x | y)",
])
def test_other_subscripts_of_random_variables_are_refused(row):
    (step,) = steps(display(XYZ, row))
    assert step.kind == "unreadable" and "subscripted by the random variables" in step.message


# The mean squared error of an estimator: MSE(\hat\theta) is E[(\hat\theta - \theta)^2] when
# \hat\theta is a random variable and \theta a declared real number (the hat names what is
# estimated; Mochael's bias-variance note heads its chain with it). Any other argument keeps
# the older readings: a new word heading a chain names what it defines, elsewhere refused.
ESTIMATOR = ("% derive: variable u\n% derive: density p over u\n"
             "% derive: random \\hat{\\theta} with density p over u\n"
             "% derive: random \\hat{\\mu} with density p over u\n% derive: real \\theta\n"
             "% derive: expectation E\n")


@pytest.mark.parametrize("row, verdict", [
    (r"MSE(\hat{\theta}) = E\left[(\hat{\theta}-\theta)^{2}\right]", "verified"),
    (r"\operatorname{MSE}(\hat\theta) = \operatorname{Var}[\hat\theta] + (E[\hat\theta] - \theta)^2",
     "verified"),
    (r"2 \mathrm{MSE}[\hat\theta] = 2E[\hat\theta^2] - 4\theta E[\hat\theta] + 2\theta^2", "verified"),
    (r"MSE(\hat\theta) = \operatorname{Var}[\hat\theta] + (E[\hat\theta] + \theta)^2", "refuted"),
    (r"MSE(\hat\theta) = \operatorname{Var}[\hat\theta]", "refuted"),   # only if unbiased
    (r"MSE(\hat\theta) = E[\hat\theta - \theta]^2", "refuted"),         # the squared bias
])
def test_the_mse_of_an_estimator_is_its_mean_squared_distance_to_the_hatted_letter(row, verdict):
    assert verdicts(display(ESTIMATOR, row)) == [verdict]


@pytest.mark.parametrize("row, message", [
    # \mu is not declared: the estimand is unknown, so MSE names nothing derive knows
    (r"1 + \operatorname{MSE}(\hat\mu) = 1", r"read only before the bracket of an estimator"),
    (r"1 + MSE(\hat\mu) = 1", "`MSE` in plain letters is no name"),
    (r"1 + RMSE(\hat\theta) = 1", "`RMSE` in plain letters is no name"),   # not R times MSE
    (r"1 + \operatorname{MSE}(\theta) = 1", r"read only before the bracket of an estimator"),
    # the word without brackets stays unknown, never an undeclared number MSE
    (r"1 + \mathrm{MSE} = 1", r"derive does not read `\mathrm{MSE}`"),
    (r"\sum_{\operatorname{MSE}=1}^{2} \theta = 2 \theta", r"derive does not read `\operatorname{MSE}`"),
])
def test_an_mse_whose_estimand_is_not_declared_is_refused(row, message):
    (step,) = steps(display(ESTIMATOR, row))
    assert step.kind == "unreadable" and message in step.message, step.message


@pytest.mark.parametrize("rows, expected", [
    # the bias of an estimator: E[θ̂] − θ, the word upright
    ([r"\text{Bias}(\hat\theta) = E[\hat\theta] - \theta"], ["verified"]),
    ([r"MSE(\hat\theta) = \operatorname{Var}[\hat\theta] + \operatorname{Bias}(\hat\theta)^2"],
     ["verified"]),
    ([r"MSE(\hat\theta) = \operatorname{Var}[\hat\theta] + \mathrm{Bias}(\hat\theta)"],
     ["refuted"]),
    ([r"\text{Bias}(\hat\theta) = \theta - E[\hat\theta]"], ["refuted"]),
    # defined below its first use: the definition restates the meaning read, and is checked
    ([r"MSE(\hat\theta) = \operatorname{Var}[\hat\theta] + \text{Bias}(\hat\theta)^2",
      r"\text{Bias}(\hat\theta) := E[\hat\theta - \theta]"], ["verified", "definition"]),
    ([r"MSE(\hat\theta) = \operatorname{Var}[\hat\theta] + \text{Bias}(\hat\theta)^2",
      r"\text{Bias}(\hat\theta) := \theta - E[\hat\theta]"], ["verified", "refuted"]),
])
def test_the_bias_of_an_estimator_is_its_mean_minus_the_hatted_letter(rows, expected):
    assert verdicts(display(ESTIMATOR, *rows)) == expected


def test_a_bias_the_file_defines_first_is_the_files():
    """Defined before any use, the file's word means what it says there (as MSE does)."""
    rows = [r"\text{Bias}(\hat\theta) := E[\hat\theta^2]",
            r"\text{Bias}(\hat\theta) = E[\hat\theta^2]"]
    assert verdicts(display(ESTIMATOR, *rows)) == ["definition", "verified"]


def test_an_mse_the_file_defines_is_the_files():
    """A file naming MSE itself (a `define`, or a head with `:=`) means what it says there."""
    header = ESTIMATOR + "% derive: define \\operatorname{MSE}(\\hat{\\theta}) = E[\\hat{\\theta}^2]\n"
    assert verdicts(display(header, r"MSE(\hat\theta) = E[\hat\theta^2]")) == ["verified"]


# ------------------------------------------- a bare moment's law covers what it writes
ONE_LAW_OF_X = "% derive: variable x, y\n% derive: density p over x\n"
WITH_ENCODER = ("% derive: variable x, z\n% derive: density p over x\n"
                "% derive: density q over z given x\n")
PRIOR_LIKELIHOOD = ("% derive: variable x, \\theta\n% derive: density \\pi over \\theta\n"
                    "% derive: density p over x given \\theta\n")
JOINT_AND_ENCODER = ("% derive: variable x, z\n% derive: joint p over x, z\n"
                     "% derive: density q over z given x\n")
DISCRETE_JOINT_AND_ENCODER = ("% derive: variable x, z\n% derive: discrete x, z\n"
                              "% derive: joint p over x, z\n"
                              "% derive: density q over z given x\n")


@pytest.mark.parametrize("header, row", [
    # y has no law: the file's only law p is over x, and would hold Y constant
    (ONE_LAW_OF_X, r"\operatorname{Var}(X+Y) = \operatorname{Var}(X) + \operatorname{Var}(Y)"),
    (ONE_LAW_OF_X, r"\mathbb{E}[XY] = \mathbb{E}[X]\,\mathbb{E}[Y]"),
    (ONE_LAW_OF_X, r"\operatorname{Var}(Y) = 0"),
    (ONE_LAW_OF_X, r"\operatorname{Cov}(X, Y) = 0"),
    # z is drawn from q(z | x), not from p over x
    (WITH_ENCODER, r"\operatorname{Var}(Z) = 0"),
    (WITH_ENCODER, r"\mathbb{E}[Z] = z"),
    (WITH_ENCODER, r"\mathbb{E}[z^2] = \mathbb{E}[z]^2"),
    (WITH_ENCODER, r"\operatorname{Cov}(X, Z) = 0"),
    (WITH_ENCODER, r"\mathbb{E}[X Z] = z\,\mathbb{E}[X]"),
    (WITH_ENCODER, r"\mathbb{E}[\log q(z|x)] = -H(q(z|x))"),
    (PRIOR_LIKELIHOOD, r"\operatorname{Var}(X) = 0"),
    # beside a joint p(x, z), the encoder q(z | x) is a second law of z
    (JOINT_AND_ENCODER, r"\mathbb{E}[\log q(z|x)] \le \mathbb{E}[\log p(z|x)]"),
    (JOINT_AND_ENCODER, r"\log p(x) \ge \mathbb{E}[\log p(x,z) - \log q(z|x)]"),
    (JOINT_AND_ENCODER, r"\mathbb{E}_{z}[\log q(z|x)] \le \mathbb{E}_{z}[\log p(z)]"),
    (JOINT_AND_ENCODER, r"\mathbb{E}[Z \mid X] = \mathbb{E}[Z]"),
    # the same rule where the law is found from the variables written: an entropy, an
    # information, a probability of events, a conditional subscript (snd1 #1: H(Z) was
    # read under the joint silently)
    (DISCRETE_JOINT_AND_ENCODER, r"H(Z) = -\sum_z p(z) \log p(z)"),
    (DISCRETE_JOINT_AND_ENCODER, r"H(Z) = 0"),
    (DISCRETE_JOINT_AND_ENCODER, r"H(Z \mid X) = H(Z)"),
    (DISCRETE_JOINT_AND_ENCODER, r"I(X; Z) = 0"),
    (DISCRETE_JOINT_AND_ENCODER, r"\Pr(Z = z) = p(z)"),
    (DISCRETE_JOINT_AND_ENCODER, r"\Pr(Z = z) = q(z \mid x)"),
    (DISCRETE_JOINT_AND_ENCODER, r"P(Z = z \mid X = x) = q(z \mid x)"),
    (JOINT_AND_ENCODER,
     r"\mathbb{E}_{z \mid x}[\log q(z \mid x)] = \mathbb{E}_{z \sim p(z \mid x)}[\log q(z \mid x)]"),
    (JOINT_AND_ENCODER,
     r"\mathbb{E}_{z \mid x}[\log q(z \mid x)] = \mathbb{E}_{z \sim q(z \mid x)}[\log q(z \mid x)]"),
])
def test_a_bare_moment_under_no_law_of_what_it_writes_is_refused(header, row):
    """A moment without subscript averaged under the file's only law whatever its argument
    wrote (`Var(Y) = 0` "proved" with Y held constant), and beside a joint silently chose
    the joint over the encoder q(z | x): now it says how to name the law."""
    (text,) = readings(display(header, row))
    assert "say under which distribution" in text
    assert verdicts(display(header, row)) == ["error"]


@pytest.mark.parametrize("header, row, verdict", [
    (ONE_LAW_OF_X, r"\operatorname{Var}(X) = \mathbb{E}[X^2] - \mathbb{E}[X]^2", "verified"),
    (ONE_LAW_OF_X, r"\operatorname{Var}(X) = \mathbb{E}[X^2]", "refuted"),
    (ONE_LAW_OF_X, r"\mathbb{E}[2X + 1] = 2\mathbb{E}[X] + 1", "verified"),
    (ONE_LAW_OF_X, r"\mathbb{E}[3] = 3", "verified"),
    (WITH_ENCODER, r"\operatorname{Var}(X) = \mathbb{E}[X^2] - \mathbb{E}[X]^2", "verified"),
    (PRIOR_LIKELIHOOD, r"\mathbb{E}[\theta^2] \ge \mathbb{E}[\theta]^2", "verified"),
    (JOINT_AND_ENCODER, r"\operatorname{Var}(X) = \mathbb{E}[X^2] - \mathbb{E}[X]^2", "verified"),
    (JOINT_AND_ENCODER + "% derive: expectations under q\n",
     r"\log p(x) \ge \mathbb{E}[\log p(x,z) - \log q(z|x)]", "verified"),
    (JOINT_AND_ENCODER + "% derive: expectations under q\n",
     r"\mathbb{E}[\log q(z|x)] \le \mathbb{E}[\log p(z|x)]", "refuted"),
    (JOINT_AND_ENCODER, r"\log p(x) \ge \mathbb{E}_{q(z|x)}[\log p(x,z) - \log q(z|x)]",
     "verified"),
    # x has one law beside the encoder: read under the joint as before
    (DISCRETE_JOINT_AND_ENCODER, r"H(X) = -\sum_x p(x) \log p(x)", "verified"),
    (DISCRETE_JOINT_AND_ENCODER, r"H(X) = \sum_x p(x) \log p(x)", "refuted"),
    (DISCRETE_JOINT_AND_ENCODER, r"\Pr(X = x) = p(x)", "verified"),
    (DISCRETE_JOINT_AND_ENCODER, r"\Pr(X = x) = 2 p(x)", "refuted"),
])
def test_a_bare_moment_under_the_law_of_what_it_writes_is_still_read(header, row, verdict):
    assert verdicts(display(header, row)) == [verdict]


@pytest.mark.parametrize("power, square", [
    (r"\operatorname{Cov}(X,Y)^2", r"\left(\operatorname{Cov}(X,Y)\right)^2"),
    (r"\operatorname{Cov}_{p}(X,Y)^2", r"\left(\operatorname{Cov}_{p}(X,Y)\right)^2"),
])
def test_a_covariance_of_two_arguments_with_a_power_is_its_square(power, square):
    """A pair is never squared: `Cov(X, Y)^2` has one reading (round 20, atkL v3i)."""
    assert readings(display(XY, power + " = 0")) == readings(display(XY, square + " = 0"))
    assert verdicts(display(XY, power + r" = \operatorname{Cov}(X,Y)")) == ["refuted"]


def test_a_variance_of_an_expression_with_a_power_stays_ambiguous():
    (step,) = steps(display(XY, r"\operatorname{Var}(X + Y)^2 = 0"))
    assert step.kind == "unreadable" and "ambiguous" in step.message


# ---------------------------------------------------------------- a superscript on E, Var, Cov

@pytest.mark.parametrize("header, row, verdict", [
    ("% derive: variable x\n% derive: density p over x\n",
     r"\mathbb{E}^{p}[x] = \mathbb{E}_{p}[x]", "verified"),
    ("% derive: variable x\n% derive: density p, q over x\n% derive: expectations under q\n",
     r"\mathbb{E}^{p}[\frac{q(x)}{p(x)}] = 1", "verified"),
    ("% derive: discrete a\n% derive: density \\pi over a\n% derive: function r\n",
     r"\mathbb{E}^{\pi}[r(a)] = \sum_a \pi(a) r(a)", "verified"),
    ("% derive: discrete x\n% derive: distribution Q with density q over x\n",
     r"\mathbb{E}^{Q}[x] = \sum_x x q(x)", "verified"),
    ("% derive: variable x\n% derive: density p over x\n",
     r"\operatorname{Var}^{p}[x] = \operatorname{Var}_{p}[x]", "verified"),
    ("% derive: variable x\n% derive: density p over x\n",
     r"\mathrm{E}^{p}[x] = \mathbb{E}_{p}[x]", "verified"),
    ("% derive: discrete x, y\n% derive: joint p over x, y\n",
     r"\operatorname{Cov}^{p}[x, y] = \operatorname{Cov}_p[x, y]", "verified"),
    # under the law's reading, E_p[x] = E_p[x]^{p(x)} is false (was: verified as powers)
    ("% derive: variable x\n% derive: density p over x\n",
     r"\mathbb{E}^{p}[x] = \mathbb{E}_{p}[x]^{p(x)}", "refuted"),
    ("% derive: variable x\n% derive: density p, q over x\n",
     r"\mathbb{E}^{q}[x] = \mathbb{E}_{p}[x]", "refuted"),
])
def test_a_superscript_law_on_a_moment_is_its_law(header, row, verdict):
    """Round 22 atkS 2: `\\mathbb{E}^{p}[…]` was the moment to the power p(x) at a free x
    (refuted true rows, verified `E^p[x] = E_p[x]^{p(x)}`)."""
    assert verdicts(display(header, row)) == [verdict]


POLICY_PI = "% derive: variable a\n% derive: density \\pi over a\n% derive: real \\mu\n"


@pytest.mark.parametrize("header, row, verdict", [
    # bare, π / e would be the density at an unwritten point: refused wherever they stand
    (POLICY_PI, r"\sin(\pi) = 0", "unreadable"),
    (POLICY_PI, r"\sin(\pi) = 1", "unreadable"),
    (POLICY_PI, r"\int_{-\infty}^{\infty} e^{-a^2/2} \, da = \sqrt{2\pi}", "unreadable"),
    (POLICY_PI, r"\pi > 3", "unreadable"),
    ("% derive: density e\n", r"\log e = 1", "unreadable"),
    # written at its point, or as a law, the density keeps its readings
    (POLICY_PI, r"\int \pi(a) \, da = 1", "verified"),
    (POLICY_PI, r"\int \pi(a) \, da = 2", "refuted"),
    (POLICY_PI, r"\mathbb{E}^{\pi}[a] = \int a \pi(a) \, da", "verified"),
])
def test_a_density_named_like_a_constant_is_never_bare(header, row, verdict):
    """Round 23 atkU 1: with `density \\pi over a`, `\\sqrt{2\\pi}` and `\\sin(\\pi) = 0`
    were refuted, π read as π(a) at a free a."""
    (step,) = steps(display(header, row))
    if verdict == "unreadable":
        assert step.kind == verdict and "spells the constant" in step.message
    else:
        assert verdicts(display(header, row)) == [verdict]


@pytest.mark.parametrize("row", [
    r"\mathbb{E}^{2}[x] = \mathbb{E}_{p}[x]^2",
    r"\mathbb{E}^{(t)}[x] = \mathbb{E}_{p}[x]",
    r"\mathbb{E}^{a}[x] = \mathbb{E}_{p}[x]^{a}",
    r"\mathbb{E}_{p}^{2}[x] = \mathbb{E}_{p}[x]^2",
    r"\mathbb{E}^{p}_{x}[x] = \mathbb{E}_{p}[x]",
    r"\mathbb{V}^{2}[x] = \operatorname{Var}_{p}[x]^2",
])
def test_any_other_superscript_on_a_moment_is_refused(row):
    (step,) = steps(display("% derive: variable x\n% derive: density p over x\n", row))
    assert step.kind == "unreadable" and "superscript on the" in step.message
    assert (step.location.line, step.location.column) == (3, 4)


# ---------------------------------------------------------------- a plain E with a subscript

S_LAW = "% derive: discrete s in A\n% derive: density P_S over s\n" \
        "% derive: random S with density P_S over s\n"


@pytest.mark.parametrize("row, verdict", [
    (r"H(S) = E_S[\log_2(\frac{1}{P_S(s)})]", "verified"),
    (r"E_S[\frac{1}{P_S(s)}] = |A|", "verified"),
    (r"E_s[\frac{1}{P_S(s)}] = |A|", "verified"),
    (r"H(S) = E_S[\log_2(P_S(s))]", "refuted"),
    (r"E_S[\frac{1}{P_S(s)}] = |A| + 1", "refuted"),
])
def test_a_plain_e_subscripted_by_a_random_variable_is_the_expectation(row, verdict):
    """s17c (MathOverflow 235437): `E_S[…]` with E undeclared was E_S times the bracket —
    five true steps refuted."""
    assert verdicts(display(S_LAW, row)) == [verdict]


@pytest.mark.parametrize("row", [r"E_0[x] = \mathbb{E}_{p}[x]", r"\mathbb{E}_{p}[x] = E_t[x]"])
def test_a_plain_e_with_another_subscript_before_square_brackets_is_refused(row):
    (step,) = steps(display("% derive: variable x\n% derive: density p over x\n", row))
    assert step.kind == "unreadable" and "reads as an expectation" in step.message


def test_every_row_reading_a_name_with_two_meanings_is_an_error():
    """A name found to be a number (s17c: E_S[…] as E_S times a bracket) and later a
    function (E_S(…)): the rows above that read it as a number were refuted; now no row
    reading it under either meaning gets a verdict, and a row not mentioning it keeps its
    own."""
    header = "% derive: discrete x\n% derive: density q over x\n"
    results = steps(display(header, r"c_q \cdot 2 = 2 c_q", r"c_q + 1 = 3", r"\sum_x q(x) = 1",
                            r"1 + c_q(x) = 2"))
    assert [s.kind for s in results[:2]] == ["unreadable", "unreadable"]
    assert all("used at line 3, column 4 as a number" in s.message for s in results[:2])
    assert (results[1].location.line, results[1].location.column) == (4, 14)
    assert decide(results[2], "0", clock.now() + 20).status.value == "verified"
    assert results[3].kind == "unreadable"


@pytest.mark.parametrize("rows, expected", [
    ([r"\Pr(X = x \text{ and } Y = y) = p(x, y)", r"\Pr(X = x \text{ and } Y = y) = p(x)"],
     ["verified", "refuted"]),
    ([r"P(X = x \wedge Y = y) = p(x, y)", r"P(X = x \land Y = y) = 2 p(x, y)"],
     ["verified", "refuted"]),
    ([r"P(X = x \textrm{ and } Y = y \mid Z = z) = p(x, y \mid z)"], ["verified"]),
])
def test_events_joined_by_and_are_their_joint_occurrence(rows, expected):
    """`P(V=v \\text{ and } W=w)` (held-out s17d Data 100: was a second relation inside
    brackets), `\\wedge`, `\\land`: the events' joint occurrence, as `\\cap` and a comma."""
    assert verdicts(display(XYZ, *rows)) == expected


@pytest.mark.parametrize("row, message", [
    (r"\Pr(X = x \text{ or } Y = y) = p(x, y)", "a second relation inside brackets"),
    (r"f(x = 1 \text{ and } y = 2) = 1", "not an expression"),
])
def test_events_joined_otherwise_are_refused(row, message):
    (step,) = steps(display(XYZ + "% derive: function f\n", row))
    assert step.kind == "unreadable" and message in step.message


VW = ("% derive: discrete v, w\n% derive: random V with density P_V over v\n"
      "% derive: random W with density P_W over w\n")
INDEPENDENT = VW + "% derive: random V, W independent\n"


@pytest.mark.parametrize("row, verdict", [
    (r"\mathbb{E}(VW) = \mathbb{E}(V)\mathbb{E}(W)", "verified"),
    (r"\mathbb{E}(VW) = \sum_v\sum_w vwP(V=v, W=w)", "verified"),
    (r"\sum_v\sum_w vwP(V=v, W=w) = \sum_v\sum_w vwP(V=v)P(W=w)", "verified"),
    (r"P(V=v \mid W=w) = P(V=v)", "verified"),
    (r"I(V; W) = 0", "verified"),
    (r"\mathbb{E}(V) = \sum_v v P_V(v)", "verified"),     # one alone: under its own law
    (r"\mathbb{E}(VW) = \mathbb{E}(V)+\mathbb{E}(W)", "refuted"),
    (r"\mathbb{E}(V^2W) = \mathbb{E}(V)^2\mathbb{E}(W)", "refuted"),
    (r"P(V=v \mid W=w) = P(W=w)", "refuted"),
])
def test_two_random_variables_declared_independent(row, verdict):
    """Data 100's E(VW) = E(V)E(W) "for independent V, W" had no directive: no law of V and W
    together was declared. `random V, W independent` declares it, the product of their
    laws, which both engines read through its factors."""
    assert verdicts(display(INDEPENDENT, row)) == [verdict]


@pytest.mark.parametrize("header, row", [
    (INDEPENDENT, r"E(VW) = E(V)E(W)"),     # true, was refuted with E an unknown function
    (INDEPENDENT, r"E(VW) = E(V) + E(W)"),  # false
    (INDEPENDENT, r"E(VW) = 1"),            # was a definition of E
    (INDEPENDENT, r"E(VW) = E(WV)"),        # was verified with E a function of v·w
    (VW, r"E(VV) = E(V)E(V)"),
])
def test_a_plain_e_heading_a_row_of_a_product_of_random_variables_is_refused(header, row):
    """A plain E before (VW) — capitals of declared random variables run together, their
    product — reads as an expectation, as E(V W) did: refused (declare `expectation E`),
    never an undeclared function at the number v·w, nor a definition of E."""
    (step,) = steps(display(header, row))
    assert step.kind == "unreadable" and "reads as an expectation" in step.message


def test_a_plain_e_declared_an_expectation_reads_a_product_of_random_variables():
    header = INDEPENDENT + "% derive: expectation E\n"
    assert verdicts(display(header, r"E(VW) = E(V)E(W)", r"E(VW) = E(V) + E(W)")) == \
        ["verified", "refuted"]


def test_two_random_variables_not_declared_independent_have_no_joint_law():
    """Without the directive E(VW) is under no declared law: refused, never the product."""
    for row in (r"\mathbb{E}(VW) = \mathbb{E}(V)\mathbb{E}(W)",
                r"\mathbb{E}(VW) = \sum_v\sum_w vwP(V=v, W=w)"):
        (step,) = steps(display(VW, row))
        assert step.kind == "unreadable" and "say under which distribution" in step.message


def test_continuous_random_variables_declared_independent():
    header = ("% derive: variable v, w\n% derive: random V with density p over v\n"
              "% derive: random W with density q over w\n% derive: random V, W independent\n")
    assert verdicts(display(header, r"\mathbb{E}(VW) = \mathbb{E}(V)\mathbb{E}(W)",
                            r"\mathbb{E}(V^2W^2) = \mathbb{E}(W)^2")) == ["verified", "refuted"]


@pytest.mark.parametrize("header, words", [
    ("% derive: discrete v, w\n% derive: joint p over v, w\n"
     "% derive: random V with density p over v\n% derive: random W with density p over w\n",
     "no law of its own"),                                  # marginals of a given joint
    (VW + "% derive: joint r over v, w\n", "joint law is given"),
    ("% derive: discrete v, w\n% derive: random V with density P_V over v\n", "no law of its own"),
])
def test_independence_of_random_variables_whose_joint_law_is_not_the_product_is_refused(
        header, words):
    from derive.frontend.errors import InputError
    with pytest.raises(InputError, match=words):
        steps(header + "% derive: random V, W independent\n"
              + display("", r"\mathbb{E}(V) = \mathbb{E}(V)"))


MARKOV = XYZ + "% derive: assume p(x|y,z) = p(x|y)\n"


@pytest.mark.parametrize("row, verdict", [
    (r"H(X|Y,Z) = H(X|Y)", "verified"),
    (r"I(X;Z|Y) = 0", "verified"),
    (r"p(x, y, z) = \frac{p(x, y) p(y, z)}{p(y)}", "verified"),
    (r"p(z | x, y) = p(z | y)", "verified"),
    (r"H(X|Y,Z) = H(X|Z)", "refuted"),
    (r"p(z | x, y) = p(z | x)", "refuted"),
    (r"I(X;Y|Z) = 0", "refuted"),
])
def test_a_conditional_independence_hypothesis_restricts_the_joint(row, verdict):
    """The data-processing proof assumes p(x|y,z) = p(x|y) (X − Y − Z): derive could not use
    it, so H(X|Y,Z) = H(X|Y) stayed undecided. The joint is now put as the Markov joint
    p(x,y)p(y,z)/p(y); a false claim is refuted only at such a joint."""
    assert verdicts(display(MARKOV, row)) == [verdict]


def test_conditional_independence_is_not_used_where_it_says_less():
    """A joint with a fourth variable (the product would also say X ⊥ W | Y), a row's
    condition at a free point: not used — the step is then never refuted."""
    four = ("% derive: discrete x, y, z, w\n% derive: joint p over x, y, z, w\n"
            "% derive: assume p(x|y,z) = p(x|y)\n")
    assert verdicts(display(four, r"H(X|Y,Z,W) = H(X|Y)")) == ["undecided"]
    row = r"p(x, y, z) = \frac{p(x, y) p(y, z)}{p(y)} \quad \text{if } p(x|y,z) = p(x|y)"
    assert verdicts(display(XYZ, row)) == ["undecided"]
    assert verdicts(display(XYZ, r"H(X|Y,Z) = H(X|Y)")) == ["refuted"]     # no hypothesis


FAMILY_LAW = ("% derive: variable x\n% derive: real \\mu\n% derive: positive \\sigma\n"
              "% derive: random X with density \\mathcal{N}(\\mu,\\sigma^2) over x\n")


@pytest.mark.parametrize("row, verdict", [
    (r"\mathbb{E}[X^2] = \mu^2 + \sigma^2", "verified"),
    (r"\int f_X(x) \, x \, dx = \mu", "verified"),       # the density is named f_X
    (r"\mathbb{E}[X^2] = \mu^2", "refuted"),
    (r"\mathbb{E}[X] = \mu + \sigma", "refuted"),
])
def test_a_random_variable_whose_law_is_a_family_written_in_the_directive(row, verdict):
    """`random Z with density \\mathcal{N}(\\mu,\\Sigma) over z` (s17b_gauss_xent_diag_techqa)
    was refused ('expected a name'): it reads as `density f_Z = \\mathcal{N}(…) over z` then
    `random Z with density f_Z`."""
    assert verdicts(display(FAMILY_LAW, row)) == [verdict]


@pytest.mark.parametrize("header, message", [
    # a parameter not shown valid, as in `density f = \mathcal{N}(…) over x`
    ("% derive: variable x\n% derive: real \\mu, s\n"
     "% derive: random X with density \\mathcal{N}(\\mu,s) over x\n", "needs"),
    # no family derive knows
    ("% derive: variable x\n% derive: random X with density g(x) over x\n", "standard family"),
    # f_X taken: the density needs a name of its own
    ("% derive: variable x\n% derive: real f_X\n"
     "% derive: random X with density \\mathcal{N}(0,1) over x\n", "already declared"),
])
def test_a_family_law_in_the_random_directive_is_refused_unless_read(header, message):
    from derive.frontend.errors import InputError
    with pytest.raises(InputError, match=message):
        steps(display(header, r"\mathbb{E}[X] = 0"))


def test_the_refusal_of_an_undeclared_joint_names_both_declarations():
    (step,) = steps(display(VW, r"\mathbb{E}(VW) = \sum_v\sum_w vwP(V=v \text{ and } W=w)"))
    assert "random V, W independent" in step.message and "joint P over v, w" in step.message


def test_two_random_variables_as_the_marginals_of_a_declared_joint():
    """The dependent case of Data 100's E(VW): V and W the marginals of a declared joint P
    (`joint P over v, w`, `random V with density P over v`). E(VW) is under P, the joint
    event P(V=v and W=w) its mass; the independence step stays a reason (undecided), and
    E(VW) = E(V)E(W) without it is refuted — P need not be the product."""
    header = ("% derive: discrete v, w\n% derive: joint P over v, w\n"
              "% derive: random V with density P over v\n% derive: random W with density P over w\n")
    assert verdicts(display(
        header, r"\mathbb{E}(VW) = \sum_v\sum_w vwP(V=v \text{ and } W=w)",
        r"\sum_v\sum_w vwP(V=v \text{ and } W=w) = \sum_v\sum_w vwP(V=v)P(W=w) ~~~~ "
        r"\text{by independence}",
        r"\mathbb{E}(VW) = \mathbb{E}(V)\mathbb{E}(W)",
        r"\mathbb{E}(VW) = \sum_v\sum_w vwP(V=v)P(W=w)")) == \
        ["verified", "undecided", "refuted", "refuted"]


DISCRETE_P = "% derive: discrete x\n% derive: density p over x\n"


@pytest.mark.parametrize("number, row", [
    (r"H = 1", r"H(X) \ge 0"),                                     # true as an entropy
    (r"H = 1", r"H(X) \le -1"),                                    # false either way
    (r"H = -[0.5 \log_2 0.5 + 0.5 \log_2 0.5] = 1", r"H(p) = -\sum_x p(x) \log p(x)"),
    (r"H = 1", r"H(p) \ge 0"),
    (r"E = 1", r"E[X] = \sum_x x p(x)"),
    (r"E = 1", r"E[X^2] \ge 0"),
    (r"E = 1", r"E(X) = 7"),
    (r"h = 2", r"h(X) \ge 0"),
    (r"I = 2", r"I(X) = H(X)"),
])
def test_a_number_spelled_as_an_operator_before_its_operand_is_refused(number, row):
    """atkB2 r25 #4: a worked example's `H = 1` (or `define E = 1`), then `H(X)`, `H(p)`,
    `E[X]`: H times X read as its value x (refuted), or the entropy (the lemma)? One name,
    two meanings — refused at the bracket, as `P(X = x)` after a number P is."""
    found = steps(display(DISCRETE_P, number, row))
    assert found[-1].kind == "unreadable" and "defined above as the number" in found[-1].message
    key = row[0]
    (step,) = steps(DISCRETE_P + f"% derive: define {key} = 1\n$$ {row} $$\n")
    assert step.kind == "unreadable" and "defined above as the number" in step.message


@pytest.mark.parametrize("rows, expected", [
    ((r"H = 2", r"H(a + b) = 2a + 2b"), ["definition", "verified"]),   # numbers: a product
    ((r"E = 2", r"E(a + b) = 2a + 3b"), ["definition", "refuted"]),
    ((r"H(X) \ge 0",), ["verified"]),                                   # no number H: entropy
    ((r"H(p) = -\sum_x p(x) \log p(x)",), ["verified"]),
])
def test_a_number_spelled_as_an_operator_still_multiplies_numbers(rows, expected):
    assert verdicts(display(DISCRETE_P + "% derive: real a, b\n", *rows)) == expected


@pytest.mark.parametrize("declared, row", [
    ("real H", r"H(X) \ge 0"),                                     # true as an entropy
    ("real H", r"H(X) = -\sum_x p(x) \log p(x)"),
    ("real H", r"H(X) \le -1"),                                    # false either way
    ("positive H", r"H(p) \ge 0"),
    ("natural H", r"H[X] \ge 0"),
    ("real H", r"\mathrm{H}(X) \ge 0"),
    ("real H", r"H\left(X\right) \ge 0"),
    ("real H", r"2 H(X) \ge 0"),
    ("real H", r"H(x) \ge 0"),                                     # x free: the entropy of x?
    ("real H", r"H(X, X) = H(X)"),
    ("real H", r"H(X \mid X) = 0"),
    ("real H", r"H(p, p) = H(p)"),
    ("real I", r"I(X; X) = H(X)"),
    ("real D", r"D(p \| p) = 0"),
    ("real E", r"E[X] = \sum_x x p(x)"),
    ("real h", r"h(X) \ge 0"),
])
def test_a_declared_number_spelled_as_an_operator_before_its_operand_is_refused(declared, row):
    """`% derive: real H` beside `H(X)`: H times X read as its value x (a true entropy step
    refuted), or the entropy? One name, two meanings — refused at the bracket, as for a
    number the file defines (`H = 1`, above)."""
    (step,) = steps(DISCRETE_P + f"% derive: {declared}\n$$ {row} $$\n")
    assert step.kind == "unreadable"
    assert f"is declared a {declared.split()[0]} number" in step.message
    assert "one name means one thing" in step.message


def test_a_declared_number_before_a_random_variable_is_refused_at_its_bracket():
    (step,) = steps(DISCRETE_P + "% derive: real H\n$$ a = H(X) $$\n")
    assert (step.location.line, step.location.column) == (4, len("$$ a = H") + 1)


@pytest.mark.parametrize("header, rows, expected", [
    # a declared number before numbers, or before a variable a sum binds: a product
    ("real H, a, b", (r"H(a + b) = H a + H b",), ["verified"]),
    ("real H, a, b", (r"H(a + b) = H a + 2 H b",), ["refuted"]),
    ("real H", (r"\sum_x H(x) p(x) = H \sum_x x p(x)",), ["verified"]),
    ("real H", (r"\sum_x H(x) p(x) = H \sum_x x^2 p(x)",), ["refuted"]),
    ("real E, t", (r"E(t + 1) = E t + E",), ["verified"]),
    # a declared function H: H(X) is that function at x, never the entropy
    ("function H", (r"H(X) = H(X)",), ["verified"]),
    ("function H", (r"H(X) = H(X) + 1",), ["refuted"]),
    # a name of its own beside the operator (H_0): the operator still reads
    ("real H_0", (r"H(X) \ge 0",), ["verified"]),
    ("real H_0", (r"H(X) \le -1",), ["refuted"]),
])
def test_a_declared_number_spelled_as_an_operator_still_reads_elsewhere(header, rows, expected):
    assert verdicts(display(DISCRETE_P + f"% derive: {header}\n", *rows)) == expected


@pytest.mark.parametrize("sign", [":=", r"\triangleq", r"\stackrel{\text{def}}{=}"])
def test_a_moment_of_a_declared_law_heading_a_definition_is_checked(sign):
    """atkI: `\\mathrm{Var}(X) := 2` of X ~ N(0, 1) was the file's definition, then
    `\\mathrm{Var}(X) = 2` verified beside `\\mathbb{E}[X^2] = 1`. A moment derive reads keeps
    its meaning: the row is checked (refuted), a right one shown as a definition."""
    header = "% derive: random X with density \\mathcal{N}(0, 1) over x\n"
    assert verdicts(display(header, rf"\mathrm{{Var}}(X) {sign} 2", r"\mathrm{Var}(X) = 2")) \
        == ["refuted", "refuted"]
    assert verdicts(display(header, rf"\mathbb{{E}}[X] {sign} 0")) == ["definition"]


BERNOULLI_HALF = ("% derive: discrete x\n"
                  "% derive: random X with density \\mathrm{Bernoulli}(\\tfrac12) over x\n")
GAUSSIAN_XY = ("% derive: random X with density \\mathcal{N}(0, 1) over x\n"
               "% derive: random Y with density \\mathcal{N}(0, 1) over y\n"
               "% derive: random X, Y independent\n")


@pytest.mark.parametrize("sign", [":=", r"\triangleq", r"\stackrel{\text{def}}{=}", r"\equiv"])
def test_an_entropy_of_a_declared_law_heading_a_definition_is_checked(sign):
    """atkJ: `H(X) \\stackrel{\\text{def}}{=} -1` of a declared Bernoulli(½) X became the
    file's own H(X), and `H(X) < 0` verified. H(X) of a law given by a formula is a number,
    as `\\mathbb{E}[X] :=` of one is: the row is checked — a wrong value refuted, a right one
    shown as a definition — and H keeps derive's meaning below."""
    assert verdicts(display(BERNOULLI_HALF, rf"H(X) {sign} -1", r"H(X) < 0")) == \
        ["refuted", "refuted"]
    assert verdicts(display(BERNOULLI_HALF, rf"H(X) {sign} \log 2", r"H(X) > 0")) == \
        ["definition", "verified"]


@pytest.mark.parametrize("head, verdict", [
    (r"H(X, Y) := 2 \log 2", "undecided"), (r"H(X, Y) \triangleq \log 2", "refuted")])
def test_a_joint_entropy_of_declared_laws_heading_a_definition_is_checked(head, verdict):
    """H(X, Y) of two independent Bernoulli(½) variables is 2 log 2: checked as a claim
    (the right value is not proved yet — a sum of a mass function at a point off its known
    pieces — but never the file's own H)."""
    header = BERNOULLI_HALF + ("% derive: discrete y\n% derive: random Y with density "
                               "\\mathrm{Bernoulli}(\\tfrac12) over y\n"
                               "% derive: random X, Y independent\n")
    assert verdicts(display(header, head)) == [verdict]


@pytest.mark.parametrize("head, verdict", [
    (r"h(X) := \frac{1}{2} \log(2 \pi e)", "definition"),
    (r"h(X) := 1", "refuted"),
    (r"I(X; Y) := 1", "refuted"),
])
def test_information_heads_of_declared_laws_are_checked(head, verdict):
    """h(X), I(X; Y) of random variables with laws given by formulas (independent standard
    normals): determined numbers, so a `:=` row heading one is checked."""
    assert verdicts(display(GAUSSIAN_XY, head)) == [verdict]


@pytest.mark.parametrize("row", [r"H(Y) < 0", r"H(X, Y) < 0", r"h(Y) \ge -1"])
def test_an_entropy_the_file_defines_is_refused_at_other_variables(row):
    """An undeclared law's H(X) := … is the author's definition (used below: `H(X) < 0`
    holds under it); H of another variable would be derive's entropy beside it — refused."""
    header = ("% derive: variable x\n% derive: density p over x\n"
              "% derive: random X with density p over x\n% derive: random Y with density p over x\n")
    assert verdicts(display(header, r"H(X) \stackrel{\text{def}}{=} -1", r"H(X) < 0")) == \
        ["definition", "verified"]
    assert verdicts(display(header, r"H(X) \stackrel{\text{def}}{=} -1", row)) == \
        ["definition", "error"]


NORMAL_X = "% derive: variable x\n% derive: random X with density \\mathcal{N}(0, 1) over x\n"


@pytest.mark.parametrize("row", [
    r"h(-X) = 7", r"h(-X) := 7", r"h(2X) = \log 3", r"h(X + 1) = 7", r"h(X^3) = 1",
    r"h(-X) \ge 5",
])
def test_the_entropy_of_a_formula_of_random_variables_is_refused(row):
    """atkK F5: `h(-X) = 7` of a declared N(0, 1) X was a definition of a new quantity
    (then `h(-X) \\ge 5` verified; truly h(-X) = h(X) ≈ 1.42): refused, as `H(2X)` is."""
    assert verdicts(display(NORMAL_X, row)) == ["error"]


def test_the_entropy_of_random_variables_and_a_function_h_still_read():
    """Look-alikes: h(X) of the declared law is checked; h(x) = x^2 of a number is a
    function; a declared function h applies at -X; h(X_1, X_2)'s chain rule holds."""
    assert verdicts(display(NORMAL_X, r"h(X) = \frac12 \log(2\pi e)")) == ["verified"]
    assert verdicts(display(NORMAL_X, r"h(X) = 7")) == ["refuted"]
    assert verdicts(display("% derive: real x\n", r"h(x) = x^2", r"h(2) = 4")) == \
        ["definition", "verified"]
    assert verdicts(display(NORMAL_X + "% derive: function h\n", r"h(-X) = h(-X)")) == \
        ["verified"]
    joint = "% derive: variable x_1, x_2\n% derive: joint p over x_1, x_2\n"
    assert verdicts(display(joint, r"h(X_1, X_2) = h(X_1) + h(X_2 | X_1)")) == ["verified"]

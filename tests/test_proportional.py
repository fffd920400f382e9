"""`A \\propto B`: A/B free of the declared variable, checked as A(v)B(v′) = A(v′)B(v)
(`frontend.proportional`)."""

from __future__ import annotations

import pytest

from probability_support import display, readings, steps, verdicts

ONE = ("% derive: variable \\mu\n% derive: positive \\sigma, M\n% derive: real \\mu_0\n")
PRIOR = r"\exp(-\frac{M}{2 \sigma^2} (\mu - \mu_0)^2)"


@pytest.mark.parametrize("right, verdict", [
    (r"\exp(-\frac{M\mu^2 - 2 M \mu_0 \mu}{2 \sigma^2})", "verified"),
    (r"3 \exp(-\frac{M\mu^2 - 2 M \mu_0 \mu}{2 \sigma^2})", "verified"),
    (r"\exp(-\frac{M\mu^2}{2 \sigma^2})", "refuted"),            # the cross term dropped
    (r"\exp(-\frac{M\mu^2 - M \mu_0 \mu}{2 \sigma^2})", "refuted"),  # its factor 2 dropped
    (r"\exp(-\frac{M\mu^2 + 2 M \mu_0 \mu}{2 \sigma^2})", "refuted"),  # its sign flipped
])
def test_a_kernel_in_the_declared_variable(right, verdict):
    assert verdicts(display(ONE, f"{PRIOR} \\propto {right}")) == [verdict]


def test_a_chain_of_proportionalities_split_across_displays():
    text = ONE + (f"$$ {PRIOR} \\propto \\exp(-\\frac{{M\\mu^2 - 2 M \\mu_0 \\mu}}"
                  "{2 \\sigma^2}) $$\n$$ \\propto \\exp(-\\frac{M\\mu^2}{2\\sigma^2}) "
                  "\\exp(\\frac{M \\mu_0 \\mu}{\\sigma^2}) $$\n"
                  "$$ \\propto \\exp(-\\frac{M\\mu^2}{2\\sigma^2}) $$\n")
    assert verdicts(text) == ["verified", "verified", "refuted"]
    assert [s.relation.value for s in steps(text)] == ["propto"] * 3


def test_the_reading_names_the_variable():
    (reading,) = readings(display(ONE, f"{PRIOR} \\propto \\exp(\\mu)"))
    assert "∝" in reading and "in \\mu" in reading


def test_a_step_naming_no_declared_variable_is_refused():
    (reading,) = readings(display(ONE, r"\sigma \propto M"))
    assert "names no declared variable" in reading


TWO = "% derive: variable y, \\mu\n% derive: positive \\tau\n"


@pytest.mark.parametrize("row, verdict", [
    # free of both y and mu: free of whichever the author meant
    (r"\exp(-\tau (y - \mu)^2) \propto 5 \exp(-\tau (y - \mu)^2)", "verified"),
    # true in y (mu fixed), false in mu: one of the two readings holds — never refuted
    (r"\exp(-0.5\tau (y-\mu)^2) \propto \exp(-0.5 \tau y^2 + \tau \mu y)", "undecided"),
    # false in both: still undecided, the variable is not stated
    (r"\exp(-0.5\tau (y-\mu)^2) \propto \exp(-0.5 \tau y^2 - \tau \mu y)", "undecided"),
])
def test_several_declared_variables_never_refute(row, verdict):
    assert verdicts(display(TWO, row)) == [verdict]


@pytest.mark.parametrize("head, verdict", [
    # y undeclared: true in y, false in the declared mu — it may be the variable meant
    ("% derive: variable \\mu\n", "undecided"),
    # y declared a fixed real number: the step is about mu, and false in it
    ("% derive: variable \\mu\n% derive: real y\n", "refuted"),
])
def test_an_undeclared_letter_beside_the_variable_never_refutes(head, verdict):
    row = r"e^{-(y-\mu)^2/2} \propto e^{-y^2/2 + y\mu}"
    assert verdicts(display(head, row)) == [verdict]


def test_a_proportionality_is_no_premise():
    """What a ∝ chain proves is not an equation: a row following from it (`\\implies`) is
    claimed without it."""
    text = ONE + (f"$$ {PRIOR} \\propto \\exp(\\frac{{M \\mu_0 \\mu}}{{\\sigma^2}} "
                  "- \\frac{M \\mu^2}{2 \\sigma^2}) $$\n"
                  "$$ \\implies \\mu_0 = 2 \\mu_0 $$\n")
    assert verdicts(text)[1] != "verified"


@pytest.mark.parametrize("row", [
    r"a \propto \mu \Rightarrow a = \mu",                       # never a hypothesis
    r"f = \begin{cases} 1 & a \propto \mu \\ 0 & a > 0 \end{cases}",   # nor a case's condition
])
def test_a_proportionality_is_read_as_a_step_only(row):
    text = display("% derive: variable \\mu\n% derive: real a\n", row)
    assert [s.kind.value for s in steps(text)] == ["unreadable"]


THETA = "% derive: variable x, \\theta\n% derive: density p = \\mathcal{N}(\\theta, 1) over x\n"


@pytest.mark.parametrize("head, row", [
    # E_p[x] = θ: false (θ ∝ 1), and the true E_p[x] ∝ θ: the copy θ′ would not reach p
    (THETA, r"\mathbb{E}_{p}[x] \propto \frac{\theta}{\theta}"),
    (THETA, r"\mathbb{E}_{p}[x] \propto \theta"),
    (THETA, r"H(p) + \mathbb{E}_p[x^2] \propto \frac{\theta}{\theta}"),
    ("% derive: variable x, \\theta\n% derive: density p_\\theta over x\n"
     "% derive: depends p_\\theta on \\theta\n",
     r"\int x \, p_\theta(x) \, dx \propto \frac{\theta}{\theta}"),
    # a limit, an optimum, an antiderivative as a side: refused, never an internal error
    ("% derive: variable \\mu\n", r"\lim_{n \to \infty} \frac{\mu n}{n + 1} \propto \mu"),
    ("% derive: variable \\mu\n", r"\arg\max_{t \in \mathbb{R}} (\mu t - t^2) \propto \mu"),
    ("% derive: variable x\n", r"\int x \, dx \propto x^2"),
    ("% derive: variable \\mu\n", r"\frac{d}{d\mu} \mu^3 \propto \mu^2"),
])
def test_a_side_the_copy_does_not_reach_is_refused(head, row):
    text = display(head, row)
    assert [s.kind.value for s in steps(text)] == ["unreadable"]
    assert "second value of the variable" in readings(text)[0]


@pytest.mark.parametrize("head, row", [
    ("% derive: variable z in \\mathbb{R}^2\n% derive: function f\n", r"z_1 f(z) \propto f(z)"),
    # true in z (ratio e^{-μ²/2}), false in μ: the components are the vector's too
    ("% derive: variable \\mu\n% derive: variable z in \\mathbb{R}^2\n",
     r"e^{-(z_1 - \mu)^2/2} \propto e^{-z_1^2/2 + z_1 \mu}"),
])
def test_a_vector_variable_is_refused(head, row):
    text = display(head, row)
    assert [s.kind.value for s in steps(text)] == ["unreadable"]
    assert "vector variable z" in readings(text)[0]


MU = "% derive: variable \\mu\n% derive: real a\n"


@pytest.mark.parametrize("row, verdict", [
    (r"\mu \propto 0", ["undecided"]),                   # μ = c·0 has no c
    (r"0 \propto \mu", ["undecided"]),                   # true, but μ is 0 at μ = 0
    (r"\mu^2 \propto 0 \propto \mu", ["undecided", "undecided"]),   # never μ² ∝ μ
    (r"\mu^2 \propto \mu", ["refuted"]),                 # a counterexample still refutes
    (r"2 e^{\mu} \propto e^{\mu}", ["verified"]),        # B shown positive
    (r"(\mu^2 + 1) e^{a} \propto \mu^2 + 1", ["verified"]),
])
def test_a_proof_needs_the_right_side_nonzero(row, verdict):
    assert verdicts(display(MU, row)) == verdict


@pytest.mark.parametrize("head, row, verdict", [
    # true for μ > 0, but the copy μ′ is not held to it: never refuted
    (MU, r"\lvert \mu \rvert \propto \mu \quad \text{for } \mu > 0", "undecided"),
    ("% derive: variable \\mu\n% derive: assume \\mu > 0\n",
     r"\lvert \mu \rvert \propto \mu", "undecided"),
    (MU, r"\mu > 0 \implies \lvert \mu \rvert \propto \mu", "undecided"),
    # false for μ > 0: not verified either
    (MU, r"\mu^2 \propto \mu \quad \text{for } \mu > 0", "undecided"),
])
def test_under_a_hypothesis_a_counterexample_refutes_nothing(head, row, verdict):
    assert verdicts(display(head, row)) == [verdict]


def test_the_copy_is_named_apart_from_the_files_own_primed_letter():
    text = display("% derive: variable \\mu\n% derive: real \\mu'\n",
                   r"\mu - \mu' \propto (\mu - \mu')^2")
    assert verdicts(text) == ["refuted"]
    assert "μ^(2) - μ'" in readings(text)[0] and " = " in readings(text)[0]


def test_a_variable_bound_by_an_integral_is_not_a_candidate():
    text = display("% derive: variable x, \\mu\n", r"\int_0^1 x e^{\mu} \, dx \propto e^{\mu}")
    assert verdicts(text) == ["verified"]
    assert "in \\mu," in readings(text)[0]

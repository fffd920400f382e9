"""Sound before clever: false steps are never `verified`; unprovable ones are `undecided`."""

import pytest

from support import verdicts

HEADER = """\
% derive: variable x
% derive: density p, q
% derive: positive a, b
"""

FALSE_STEPS = [
    r"D_{KL}(p \| q) = D_{KL}(q \| p)",
    r"\mathbb{E}_{x \sim p}[\log q(x)] = \mathbb{E}_{x \sim q}[\log p(x)]",
    r"\log(a + b) = \log a + \log b",
    r"\int p(x) \log p(x) \, dx = \log \int p(x) p(x) \, dx",
    r"D_{JS}(p \| q) = \frac{1}{2} D_{KL}(p \| q) + \frac{1}{2} D_{KL}(q \| p)",
    r"H(p, q) = H(q, p)",
    r"2 D_{JS}(p \| q) = D_{KL}(p \| q)",
    r"\mathbb{E}_{x \sim p}[x] = x",
    r"\log 2 = \log 4",
]


@pytest.mark.parametrize("equation", FALSE_STEPS)
def test_false_step_is_refuted(check_text, equation):
    result = check_text(HEADER + f"$$ {equation} $$\n")
    assert verdicts(result) == ["refuted"], result.steps[0].verdict.detail
    assert result.steps[0].verdict.counterexample is not None


def test_log_split_needs_declared_positivity(check_text):
    # true for positive reals, but c and d are undeclared (complex): c = d = -1 refutes it
    result = check_text(HEADER + r"$$ \log(c d) = \log c + \log d $$" + "\n")
    assert verdicts(result) == ["refuted"]
    assert "i" in result.steps[0].verdict.counterexample.rhs_value        # a 2πi apart


def test_a_log_of_an_expectation_splits_only_because_the_expectation_is_positive(check_text):
    result = check_text(HEADER + r"$$ \log (2 \mathbb{E}_{p}[q]) = \log 2 + \log \mathbb{E}_{p}[q] $$"
                        "\n" + r"$$ \log (\mathbb{E}_{p}[f(x)]^2) = 2 \log \mathbb{E}_{p}[f(x)] $$" + "\n")
    # f is an unknown (complex) function: its mean may lie anywhere, and the log of a square
    # is not twice the log
    assert verdicts(result) == ["verified", "refuted"]


def test_jensen_gap_is_refuted(check_text):
    result = check_text(HEADER + r"$$ \log \mathbb{E}_{p}[q] = \mathbb{E}_{p}[\log q] $$" + "\n")
    assert verdicts(result) == ["refuted"]


def test_a_free_variable_outside_an_integral_is_not_the_bound_one(check_text):
    result = check_text(HEADER + r"$$ x \int p(x) \, dx = \int x p(x) \, dx $$" + "\n")
    assert verdicts(result) != ["verified"]


def test_normalisation_is_used_only_for_densities(check_text):
    result = check_text(HEADER + r"$$ \int p(x) \, dx = 1 \\ \int f(x) \, dx = 1 $$" + "\n")
    assert verdicts(result) == ["verified", "refuted"]


def test_inequalities_are_refuted_or_proved(check_text):
    result = check_text(HEADER + r"$$ a + b \le a \\ a \le a + b \\ a < a $$" + "\n")
    assert verdicts(result) == ["refuted", "verified", "refuted"]


def test_a_chain_of_equalities_and_bounds_proves_the_strongest_relation(cli, tmp_path):
    import json
    from support import write
    path = write(tmp_path, HEADER + r"""\begin{aligned} a &\le a + b \\ &= b + a \\ &< 2 b + a + 1
    \end{aligned} \\ \begin{aligned} a &\le a + b \\ &= b \end{aligned} \\
    \begin{aligned} a &\le a + b \\ &\ge b \end{aligned}""" + "\n")
    code, out, _ = cli("check", "--format", "json", path)
    conclusions = json.loads(out)["derivations"][0]["conclusions"]
    assert [(c["relation"], c["proved"], c["unproved_steps"]) for c in conclusions] == [
        ("<", True, []), ("<=", False, [5])]          # mixed directions conclude nothing


ORIENTED = ("% derive: variable x\n% derive: density p\n% derive: real a, b\n"
            "% derive: positive c\n% derive: integer n\n% derive: natural m\n"
            "% derive: positive w_i for i = 1..n\n")


@pytest.mark.parametrize("row", [
    r"\int_a^b p(x) \, dx \ge 0",               # a > b: −∫_b^a p < 0
    r"\int_{b+1}^{b} p(x) \, dx \ge 0",         # always the wrong way
    r"\int_c^0 p(x) \, dx \ge 0",
    r"\int_a^b x^2 \, dx \ge 0",
    r"\int_a^b p(x)^2 \, dx \ge 0",
    r"\int_a^{a} p(x) \, dx > 0",                # zero width
    r"\sum_{i=1}^{n} w_i > 0",                   # empty for n ≤ 0
])
def test_an_integral_between_limits_is_not_a_positive_measure_unless_ordered(check_text, row):
    """The sign prover shows an integrand ≥ 0; that makes ∫_a^b ≥ 0 only when b ≥ a."""
    assert verdicts(check_text(ORIENTED + f"$$ {row} $$\n")) != ["verified"]


@pytest.mark.parametrize("row", [
    r"\int_a^{a+1} p(x) \, dx \ge 0",
    r"\int_0^c p(x) \, dx > 0",
    r"a < b \Rightarrow \int_a^b p(x) \, dx > 0",
    r"\sum_{i=1}^{m} w_i > 0",
    r"\sum_{i=1}^{n} w_i \ge 0",
])
def test_an_integral_over_ordered_limits_keeps_its_sign(check_text, row):
    assert verdicts(check_text(ORIENTED + f"$$ {row} $$\n")) == ["verified"]


CONDITIONED_CHAIN = ("% derive: variable x\n% derive: real a, t\n"
                     "\\begin{align*}\n\\sqrt{a^2} + 1 &= \\sqrt{a^2} + 1 \\\\\n"
                     " &= a + 1 \\quad \\text{for } a > 0\n\\end{align*}\n")


@pytest.mark.parametrize("text, hypotheses", [
    (CONDITIONED_CHAIN, ["a > 0"]),
    ("% derive: real a, t\n\\begin{align*}\n-t &= \\sqrt{t^2} \\quad \\text{for } t < 0 \\\\\n"
     " &= 0 - t \\quad \\text{for } t < 0\n\\end{align*}\n", ["t < 0"]),             # once each
    ("% derive: real a, t\n% derive: assume t < 0\n\\begin{align*}\n\\sqrt{t^2} + \\sqrt{a^2} "
     "&= -t + \\sqrt{a^2} \\\\\n &= -t + a \\quad \\text{for } a > 0\n\\end{align*}\n",
     ["t < 0", "a > 0"]),
    ("% derive: real a\n\\begin{align*}\na + a &= 2 a \\\\\n &= a \\cdot 2\n\\end{align*}\n", []),
])
def test_a_chain_concludes_only_under_its_steps_hypotheses(cli, tmp_path, text, hypotheses):
    """Step 2 holds for a > 0: so does the chain, and only there (√(a²) + 1 ≠ a + 1 at a =
    −1): the conclusion states the hypotheses in JSON and text, never bare."""
    import json
    from support import write
    path = write(tmp_path, text)
    code, out, _ = cli("check", "--format", "json", path)
    (conclusion,) = json.loads(out)["derivations"][0]["conclusions"]
    assert conclusion["proved"] and conclusion["hypotheses"] == hypotheses
    code, out, _ = cli("check", path)
    (line,) = [line for line in out.splitlines() if "prove" in line]
    assert ("prove, under " + ", ".join(hypotheses) + ":" if hypotheses else "prove:") in line


@pytest.mark.parametrize("fmt, under", [("md", r"So**, under $a \gt  0$, "),
                                        ("tex", r"So}, under $a > 0$, ")])
def test_a_report_states_a_conclusions_hypotheses(cli, tmp_path, fmt, under):
    from support import REPO, write
    path = write(tmp_path, CONDITIONED_CHAIN)
    output = tmp_path / f"out.{fmt}"
    cli("report", "--format", fmt, "--templates", REPO / "templates", "-o", output, path)
    assert under in output.read_text()

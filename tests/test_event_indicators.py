"""Indicators of events inside expectations, pinned: `\\mathbb{E}[t \\cdot \\mathbb{1}_{\\{Z
\\ge t\\}}]` (Markov's inequality proof), `\\mathbb{1}\\{…\\}`, `\\mathbf{1}_{\\{…\\}}`,
`\\mathbb{I}(…)`, `1\\{…\\}` read as the expectation's integral restricted to the event's set —
so E[1{A}] and P(A) are one integral — with false variants refuted and what is not read
(outside an expectation, inside a function, of a discrete variable) refused at its position."""

import pytest

from derive.frontend.tex_file import load_tex
from probability_support import display, first_refusal, readings, verdicts

HALF_LINE = ("% derive: variable z\n% derive: density g over z in [0, \\infty)\n"
             "% derive: random Z with density g over z\n% derive: positive t\n"
             "% derive: variable x\n% derive: density f over x\n"
             "% derive: random X with density f over x\n% derive: real m\n")
ABSTRACT = ("% derive: discrete x\n% derive: density p over x\n"
            "% derive: random X with density p over x\n% derive: positive t\n")


def test_markov_chain_with_an_indicator_is_verified():
    rows = [r"\mathbb{E}[Z] \ge \mathbb{E}[t \cdot \mathbb{1}_{\{Z \ge t\}}]",
            r"\mathbb{E}[t \cdot \mathbb{1}_{\{Z \ge t\}}] = t \cdot \mathbb{E}[\mathbb{1}_{\{Z \ge t\}}]",
            r"t \cdot \mathbb{E}[\mathbb{1}_{\{Z \ge t\}}] = t \cdot \mathbb{P}(Z \ge t)"]
    assert verdicts(display(HALF_LINE, *rows)) == ["verified"] * len(rows)


@pytest.mark.parametrize("row, expected", [
    (r"\mathbb{E}[\mathbb{1}\{Z > t\}] = \mathbb{P}(Z > t)", "verified"),
    (r"\mathbb{E}[\mathbb{I}(Z \le t)] = 1 - \mathbb{P}(Z > t)", "verified"),
    (r"\mathbb{E}[Z \mathbf{1}_{\{Z \ge t\}}] \ge t \mathbb{P}(Z \ge t)", "verified"),
    (r"\mathbb{E}[1\{Z \ge t\}] = \mathbb{P}(Z \ge t)", "verified"),
    (r"\mathbb{E}[Z - t \mathbb{1}_{Z \ge t}] \ge 0", "verified"),
    (r"\mathbb{E}[\mathbb{1}\{|X - m| \ge t\}] = \mathbb{P}(|X - m| \ge t)", "verified"),
    (r"\mathbb{E}_{z \sim g}[\mathbb{1}\{z \ge t\}] = \mathbb{P}(Z \ge t)", "verified"),
    (r"\mathbb{E}[\mathbb{1}\{Z \le t\}] = \mathbb{P}(Z \ge t)", "refuted"),
    (r"\mathbb{E}[\mathbb{1}\{2Z \ge t\}] = \mathbb{P}(Z \ge t)", "refuted"),
    (r"\mathbb{E}[Z \mathbb{1}\{Z \ge t\}] \le t \mathbb{P}(Z \ge t)", "refuted"),
    (r"\mathbb{E}[Z] \le \mathbb{E}[t \cdot \mathbb{1}_{\{Z \ge t\}}]", "refuted"),
    (r"\mathbb{E}[t \cdot \mathbb{1}_{\{Z \ge t\}}] = t^2 \cdot \mathbb{P}(Z \ge t)", "refuted"),
    (r"\mathbb{E}[\mathbb{1}\{|X - m| \ge t\}] = \mathbb{P}(|X - m| \le t)", "refuted"),
])
def test_indicator_variants(row, expected):
    (verdict,) = verdicts(display(HALF_LINE, row))
    assert verdict == expected


@pytest.mark.parametrize("row, expected", [
    (r"\mathbb{E}[t 1_{Z \ge t}] = t \mathbb{P}(Z \ge t)", "verified"),
    (r"\mathbb{E}[Z] \ge \mathbb{E}[t \cdot 1_{\{Z \geq t\}}]", "verified"),
    (r"\mathbb{E}[I_{\{Z > t\}}] = \mathbb{P}(Z > t)", "verified"),
    (r"\mathbb{E}[\chi_{\{Z \le t\}}] = 1 - \mathbb{P}(Z > t)", "verified"),
    (r"\mathbb{E}[\mathbb{1}_{[Z \ge t]}] = \mathbb{P}(Z \ge t)", "verified"),
    (r"\mathbb{E}[\mathbf{1}_{(Z \ge t)}] = \mathbb{P}(Z \ge t)", "verified"),
    (r"\mathbb{E}[t 1_{Z \ge t}] = t \mathbb{P}(Z \le t)", "refuted"),
    (r"\mathbb{E}[Z] \le \mathbb{E}[t \cdot 1_{\{Z \geq t\}}]", "refuted"),
    (r"\mathbb{E}[I_{\{Z > t\}}] = 2 \mathbb{P}(Z > t)", "refuted"),
    (r"\mathbb{E}[\chi_{\{Z \le t\}}] = \mathbb{P}(Z > t)", "refuted"),
])
def test_every_indicator_spelling_reads_alike(row, expected):
    """`1_{…}`, `I_{…}`, `\\chi_{…}` and an event in brackets as the subscript read as
    `\\mathbb{1}_{\\{…\\}}` does (before, `1_{…}` was an error and `I_{\\{Z \\ge t\\}}`
    a complex symbol, which refuted the true `E[t I_{Z ≥ t}] = t P(Z ≥ t)`)."""
    (verdict,) = verdicts(display(HALF_LINE, row))
    assert verdict == expected


@pytest.mark.parametrize("header, row, message", [
    (HALF_LINE, r"\mathbb{E}[t p_{Z > t}] = t \mathbb{P}(Z > t)", "read only as the event of"),
    (HALF_LINE + "% derive: real I\n", r"\mathbb{E}[t I_{Z > t}] = t \mathbb{P}(Z > t)",
     "read only as the event of"),
    (HALF_LINE, r"t 1_{Z \ge t} \le t", "is read only inside an expectation"),
])
def test_an_event_subscript_not_of_an_indicator_is_refused(header, row, message):
    (step,) = load_tex("e.tex", display(header, row)).steps
    assert step.kind.value == "unreadable" and message in step.message
    assert step.location.line == header.count("\n") + 1 and step.location.column > 1


def test_the_indicator_restricts_the_integral_to_the_event():
    (reading,) = readings(display(HALF_LINE, r"\mathbb{E}[\mathbb{1}\{Z \ge t\}] = \mathbb{P}(Z \ge t)"))
    assert reading.startswith("∫_{t}^{∞} g(z) dz =")


@pytest.mark.parametrize("header, row, message", [
    (HALF_LINE, r"\mathbb{1}\{Z \ge t\} \le 1", "is read only inside an expectation"),
    (HALF_LINE, r"\mathbb{E}[e^{\mathbb{1}\{Z \ge t\}}] = 1", "as a factor of a term"),
    (HALF_LINE, r"\operatorname{Var}(\mathbb{1}\{Z \ge t\}) = 1", "as a factor of a term"),
    (HALF_LINE, r"\mathbb{E}[\mathbb{1}\{Z \ge t\} \mathbb{1}\{Z \le 2t\}] = 1",
     "as a factor of a term"),
    (HALF_LINE, r"\mathbb{E}[t (1 + \mathbb{1}\{Z \ge t\})] = 1", "as a factor of a term"),
    (HALF_LINE, r"\mathbb{E}[\mathbb{1}\{Z \ge X\}] = 1", "say under which distribution"),
    (HALF_LINE, r"\mathbb{E}_{z \sim g}[\mathbb{1}\{t \ge 1\}] = 1", "names one random variable"),
    (ABSTRACT, r"\mathbb{E}[\mathbb{1}\{X \ge t\}] = 1", "law is a mass function by formula"),
])
def test_indicators_not_read_are_refused_at_their_position(header, row, message):
    (step,) = load_tex("e.tex", display(header, row)).steps
    assert step.kind.value == "unreadable" and message in step.message
    assert step.location.line == header.count("\n") + 1 and step.location.column > 1


ESTIMATOR = ("% derive: variable u\n% derive: density p over u\n"
             "% derive: random \\hat{\\theta} with density p over u\n% derive: real \\theta, \\phi\n")


@pytest.mark.parametrize("row, expected", [
    (r"\text{Var}_\theta(\hat{\theta}) = \mathbb{E}_\theta[\hat{\theta}^2] - \mathbb{E}_\theta[\hat{\theta}]^2",
     "verified"),
    (r"\mathbb{E}_\theta[(\hat{\theta} - \theta)^2] = \text{Var}_\theta(\hat{\theta}) + (\mathbb{E}_\theta[\hat\theta] - \theta)^2",
     "verified"),
    (r"\mathbb{E}_\theta[(\hat{\theta} - \theta)^2] = \operatorname{Var}_\theta(\hat{\theta}) + (\mathbb{E}_\theta[\hat\theta] + \theta)^2",
     "refuted"),
    (r"\text{Var}_\theta(\hat{\theta}) = \mathbb{E}_\theta[\hat{\theta}^2] + \mathbb{E}_\theta[\hat{\theta}]^2",
     "refuted"),
    (r"\frac{d}{d\theta} \mathbb{E}_\theta[\hat\theta] = 0", "refuted"),
])
def test_expectation_at_the_parameter_of_the_one_abstract_law(row, expected):
    (verdict,) = verdicts(display(ESTIMATOR, row))
    assert verdict == expected


@pytest.mark.parametrize("header, rows, message", [
    (ESTIMATOR, [r"\mathbb{E}_\theta[\hat\theta] = 1", r"\mathbb{E}_\phi[\hat\theta] = 1"],
     "depends on \\theta"),
    (ESTIMATOR + "% derive: variable v\n% derive: density q over v\n",
     [r"\mathbb{E}_\theta[\hat\theta] = 1"], "not exactly one abstract law"),
])
def test_parameter_subscripts_not_read_are_refused(header, rows, message):
    step = load_tex("e.tex", display(header, *rows)).steps[-1]
    assert step.kind.value == "unreadable" and message in step.message


def test_an_unread_define_is_an_error_at_its_position():
    text = (ESTIMATOR + "% derive: variable v\n% derive: density q over v\n"
            "% derive: define b = \\mathbb{E}_\\theta[\\hat{\\theta}] - \\theta\n")
    line, _, message = first_refusal(display(text, "b = 1"))
    assert "not exactly one abstract law" in message and line == 7


@pytest.mark.parametrize("row, expected", [
    (r"\mathbb{P}(Z \ge t)^2 = \mathbb{P}(Z \ge t)", "refuted"),
    (r"\Pr[Z \ge t]^{5} = \Pr[Z \ge t]", "refuted"),
    (r"\mathbb{E}[\mathbb{1}\{Z \ge t\}] = \mathbb{P}(Z \ge t)^2", "refuted"),
    (r"\mathbb{P}(Z \ge t)^2 = \mathbb{P}(Z \ge t) \mathbb{P}(Z \ge t)", "verified"),
])
def test_a_power_after_a_probability_is_its_power(row, expected):
    """atkM (round 33): the power after `\\mathbb{P}(Z \\ge t)` was dropped, so P² = P verified."""
    header = ("% derive: variable z\n% derive: random Z with density "
              "\\mathrm{Exponential}(2) over z\n% derive: positive t\n")
    assert verdicts(display(header, row)) == [expected]

"""Cover & Thomas's coding chapter, pinned: a bound on whole numbers derive cannot build in
(Kraft's Σ D^{-l_i} ≤ 1) leaves a proof standing only beside a drawn instance shown to meet
it; members of a family and values of a function at named points pinned by `assume`; D(p||r)
beside a natural D."""

import pytest

from derive.engines import clock
from derive.engines.decide import decide
from probability_support import display, steps, verdicts

KRAFT = ("% derive: natural m, D\n% derive: assume D \\ge 2\n"
         "% derive: natural l_i for i = 1..m\n")


def test_a_step_that_does_not_need_kraft_is_proved_beside_it():
    """`\\sum_{i=1}^m D^{-l_i} \\le 1` is no bound on one symbol: left out, a proof counts
    once a drawn instance inside the ranges is shown to meet it (the hypotheses hold
    somewhere, so the proof is not vacuous); a false step is never verified."""
    header = KRAFT + "% derive: assume \\sum_{i=1}^m D^{-l_i} \\le 1\n"
    assert verdicts(display(header, r"\log_D D^{-l_1} = -l_1", r"\log_D D^{-l_1} = l_1")) \
        == ["verified", "undecided"]


def test_a_bound_on_whole_numbers_no_draw_meets_leaves_no_verdict():
    """Each D^{-l_i} ≤ 1/2, so Σ_{i=1}^m D^{-l_i} > m holds nowhere: the numbers agree only
    off the claimed instances — undecided, never a vacuous verification."""
    header = KRAFT + "% derive: assume \\sum_{i=1}^m D^{-l_i} > m\n"
    (step,) = steps(display(header, r"\log_D D^{-l_1} = -l_1"))
    verdict = decide(step, "0", clock.now() + 20)
    assert verdict.status.value == "undecided"
    assert "whole number" in verdict.detail


C_AND_T = ("% derive: natural D, m\n% derive: assume D \\ge 2\n"
           "% derive: positive p_i, r_i for i = 1..m\n"
           "% derive: assume \\sum_{i=1}^m p_i = 1, \\sum_{i=1}^m r_i = 1\n")


@pytest.mark.parametrize("bar", ["||", r"\|", r"\parallel", r"\Vert"])
def test_a_divergence_beside_a_number_of_its_letter(bar):
    """Cover & Thomas write D for the alphabet size and D(p‖r) for the relative entropy in
    one proof: a bracket holding a double bar between two laws after the number D is the
    divergence (no product has a bar between two laws); the arguments swapped are refuted,
    and D stays the number elsewhere."""
    rows = [rf"\sum_i p_i \log \frac{{p_i}}{{r_i}} = D(p {bar} r)",
            rf"\sum_i p_i \log \frac{{p_i}}{{r_i}} = D(r {bar} p)",
            r"D \cdot (p_1 + r_1) = D p_1 + D r_1", r"D \cdot (p_1 + r_1) = D p_1 + r_1"]
    assert verdicts(display(C_AND_T, *rows)) == ["verified", "refuted", "verified", "refuted"]


@pytest.mark.parametrize("row", [
    r"D(p, r) = D(p, r)",         # a comma: not the divergence's bar
    r"D(p_1 \| r_1) = 0",         # a bar between two numbers: no laws
])
def test_the_number_d_before_other_brackets_stays_refused(row):
    assert verdicts(display(C_AND_T, row)) == ["error"]


def test_a_divergence_in_a_file_whose_every_logarithm_is_to_its_letters_base():
    """Every logarithm `\\log_D` and D ≥ 2 assumed (C&T's D-ary codes): D(p‖r) is the
    divergence in base D — its value in nats over ln D; swapped arguments or the ratio
    upside down are refuted."""
    rows = [r"\sum_i p_i \log_D \frac{p_i}{r_i} = D(p || r)",
            r"\sum_i p_i \log_D \frac{p_i}{r_i} = D(r || p)",
            r"\sum_i p_i \log_D \frac{r_i}{p_i} = D(p || r)"]
    assert verdicts(display(C_AND_T, *rows)) == ["verified", "refuted", "refuted"]


@pytest.mark.parametrize("header, row", [
    (C_AND_T + "$$ \\log_D D = 1 $$\n",
     r"\sum_i p_i \log \frac{p_i}{r_i} = D(p || r)"),                  # a natural log too
    (C_AND_T + "% derive: note \\ln\n" + "$$ \\ln 2 > 0 $$\n",
     r"\sum_i p_i \log_D \frac{p_i}{r_i} = D(p || r)"),                # \ln in another row
    (C_AND_T.replace("% derive: assume D \\ge 2\n", ""),
     r"\sum_i p_i \log_D \frac{p_i}{r_i} = D(p || r)"),                # D > 1 not assumed
    (C_AND_T.replace("\\ge 2", "\\ge 1"),
     r"\sum_i p_i \log_D \frac{p_i}{r_i} = D(p || r)"),                # D = 1 allowed
    (C_AND_T + "% derive: information in bits\n",
     r"\sum_i p_i \log_D \frac{p_i}{r_i} = D(p || r)"),                # a unit declared
])
def test_a_divergence_beside_logarithms_to_its_letters_base_is_refused_else(header, row):
    """Where the file may mean nats or bits (another logarithm, D > 1 not assumed, a unit
    declared), D(p‖r) beside `\\log_D` is refused at the bracket, never read and refuted."""
    step = steps(display(header, row))[-1]
    assert step.message is not None and "base D" in step.message


CODE = ("% derive: natural m, D\n% derive: assume D \\ge 2\n"
        "% derive: positive p_i for i = 1..m\n% derive: natural l_i for i = 1..m\n"
        "% derive: define r_i = \\frac{D^{-l_i}}{\\sum_j D^{-l_j}}\n")


def test_a_divergence_to_a_family_the_file_defines_at_an_index():
    """`define r_i = …` (C&T's r of a code's lengths): D(p‖r), D(r‖p) beside the declared
    family p are Σ_i over p's range of the definition; a wrong one is refuted."""
    rows = [r"D(p||r) = \sum_i p_i \log_D \frac{p_i}{r_i}",
            r"D(r||p) = \sum_i r_i \log_D \frac{r_i}{p_i}",
            r"D(r||p) = \sum_i p_i \log_D \frac{p_i}{r_i}"]
    assert verdicts(display(CODE, *rows)) == ["verified", "verified", "refuted"]


def test_entropy_in_nats_beside_logarithms_to_base_d_is_no_refutation():
    """H(X) (nats) against -Σ q log_D q holds in base D: a claim about units, undecided
    (engines.units), as beside log₂ — never refuted."""
    header = C_AND_T + "% derive: discrete x\n% derive: density q over x\n" \
        "% derive: random X with density q over x\n"
    assert verdicts(display(header, r"H(X) = -\sum_x q(x) \log_D q(x)",
                            r"H(X) = \sum_x q(x) \log_D q(x)")) == ["undecided", "refuted"]


@pytest.mark.parametrize("log", [
    r"\log_D", r"\log_{D}", r"\log _D", r"\log_{{D}}", r"\log\nolimits_D", r"\log\limits_D",
    r"\log_{\! D}", r"\log_{\,D}", r"\operatorname{log}_D", r"\mathrm{log}_{D}",
])
def test_a_divergence_beside_logarithms_to_its_letters_base_in_any_spelling(log):
    """Every logarithm to base D alone, in any spelling the reader takes for one (atkF:
    `\\log_{{D}}`, `\\log\\nolimits_D`), D ≥ 2 assumed: D(p‖r) is in base D, and verified."""
    (step,) = steps(display(C_AND_T, rf"\sum_i p_i {log} \frac{{p_i}}{{r_i}} = D(p || r)"))
    assert decide(step, "0", clock.now() + 20).status.value == "verified"


@pytest.mark.parametrize("log", [r"\log_{\mathrm{D}}", r"\log_{(D)}", r"\log_{2D}"])
def test_a_divergence_beside_logarithms_mentioning_its_letter_is_refused(log):
    """A base that mentions D but is not D alone (an upright D, a bracket, 2D): the file's
    unit is not base D, and D(p‖r) may be in nats: refused at the bracket, never read in
    nats and refuted."""
    (step,) = steps(display(C_AND_T, rf"\sum_i p_i {log} \frac{{p_i}}{{r_i}} = D(p || r)"))
    assert step.message is not None and "base D" in step.message


@pytest.mark.parametrize("log", [r"\log", r"\log_2", r"\ln", r"\log_{10}"])
def test_a_divergence_beside_logarithms_to_other_bases_is_read(log):
    (step,) = steps(display(C_AND_T, rf"\sum_i p_i {log} \frac{{p_i}}{{r_i}} = D(p || r) + 1"))
    assert not step.message and step.kind.value == "equality"


FOUR = "% derive: positive p_i for i = 1..4\n"
PINS = "% derive: assume p_1 = 0.5, p_2 = 0.25, p_3 = 0.15, p_4 = 0.10\n"


def test_pinned_members_are_put_in_where_the_step_writes_them():
    """`assume p_1 = 0.5, …` of a declared family: each member the step writes — a sum over
    the family's range of numbers written out member by member — is its value; a wrong
    value is refuted at that step."""
    rows = [r"-\sum_{i=1}^4 p_i \log_2 p_i = -(0.5 \log_2 0.5 + 0.25 \log_2 \frac{1}{4} "
            r"+ 0.15 \log_2 0.15 + 0.1 \log_2 0.1)",
            r"\sum_{i=1}^4 p_i i = 1.85", r"\sum_{i=1}^4 p_i i = 1.95",
            r"p_1 + p_3 = 0.65", r"p_1 + p_3 = 0.6"]
    assert verdicts(display(FOUR + PINS, *rows)) == \
        ["verified", "verified", "refuted", "verified", "refuted"]


def test_a_sum_past_the_pinned_members_keeps_the_others_free():
    header = "% derive: positive p_i for i = 1..5\n" + PINS
    assert verdicts(display(header, r"\sum_{i=1}^5 p_i = 1 + p_5",
                            r"\sum_{i=1}^5 p_i = 1")) == ["verified", "refuted"]


@pytest.mark.parametrize("header, row", [
    (FOUR + PINS + "% derive: assume p_1 = 0.25\n", r"p_1 + p_2 = 0.75"),   # pinned twice
    (FOUR + "% derive: assume p_1 = -0.5\n", r"p_1 + 1 = 0.5"),        # outside the domain
])
def test_contradictory_pins_are_no_verdict(header, row):
    assert verdicts(display(header, row)) == ["undecided"]


@pytest.mark.parametrize("header, row", [
    # over 1..m the sum is not written out: the pins are left out, nothing refuted
    ("% derive: natural m\n% derive: positive p_i for i = 1..m\n" + PINS,
     r"\sum_{i=1}^m p_i = 0.95"),
    # a member at a letter may be a pinned one
    ("% derive: natural k\n" + FOUR + PINS, r"p_k = 0.3"),
])
def test_pins_that_would_not_reach_every_member_refute_nothing(header, row):
    assert verdicts(display(header, row)) != ["refuted"]


POINTS = "% derive: function p\n% derive: assume p(E) = 0.5, p(N) = 0.25, p(O) = 0.15\n"


def test_values_of_a_function_at_named_points():
    """`function p` with `assume p(E) = 0.5, …` at letters the file does not declare: the
    value where the step writes p at that point; p at another letter, which may be one of
    them, leaves the pins out."""
    rows = [r"p(E) \cdot 1 + p(N) \cdot 2 + p(O) \cdot 3 = 1.45",
            r"p(E) \cdot 1 + p(N) \cdot 2 + p(O) \cdot 3 = 1.5", r"p(E) = p(Z)"]
    assert verdicts(display(POINTS, *rows)) == ["verified", "refuted", "undecided"]


@pytest.mark.parametrize("header, row", [
    (POINTS, r"E = N \Rightarrow p(E) = p(N)"),
    ("% derive: variable x\n% derive: function h\n% derive: assume h(x) > 0\n"
     "% derive: assume h(1) = 2, h(E) = 3\n", r"E = 1 \Rightarrow h(E) = h(1)"),
    (POINTS + "% derive: assume E = N\n", r"p(E) = p(N)"),
])
def test_a_named_point_the_step_writes_elsewhere_is_not_pinned(header, row):
    """atkF: a pinned point's letter written outside the function (`E = N`) may make it
    another pinned point: the pins are left out — the step, true of every function, is
    never refuted at an instance with p(E) = 0.5 ≠ 0.25 = p(N) and E = N."""
    assert verdicts(display(header, row)) == ["verified"]


@pytest.mark.parametrize("header, row", [
    # Cat(π) written inline takes the whole family, where the pins would not reach
    ("% derive: nonnegative \\pi_k for k = 1..3\n% derive: assume \\sum_{k=1}^3 \\pi_k = 1\n"
     "% derive: assume \\pi_1 = 0.2, \\pi_2 = 0.3, \\pi_3 = 0.5\n",
     r"\mathbb{E}_{x \sim \mathrm{Cat}(\boldsymbol{\pi})}[x] = 2.3"),
    ("% derive: nonnegative \\pi_k for k = 1..3\n% derive: assume \\sum_{k=1}^3 \\pi_k = 1\n"
     "% derive: assume \\pi_1 = 0.2, \\pi_2 = 0.3, \\pi_3 = 0.5\n",
     r"\mathrm{Cat}(1; \boldsymbol\pi) = 0.2"),
    # the bare vector μ of pinned components, in a declared density's formula
    ("% derive: variable z in \\mathbb{R}^2\n% derive: real \\mu in \\mathbb{R}^2\n"
     "% derive: density q = \\mathcal{N}(\\mu, I) over z\n% derive: assume \\mu_1 = 0.5, \\mu_2 = 1\n",
     r"\mathbb{E}_{q}[z_1] = 0.5"),
    # h' is h's derivative, which a value put at h(0) would not reach
    ("% derive: variable x\n% derive: function h\n% derive: assume h(x) > 0\n"
     "% derive: assume h(0) = 1\n", r"\int_0^1 h'(t) \, dt = h(1) - 1"),
])
def test_a_pinned_family_written_otherwise_leaves_its_pins_out(header, row):
    """atkF2: the family inside an inline law, the vector whose components are pinned, a
    derivative spelled h': each is f all the same, and drawn freely it broke the pins — true
    rows were refuted at instances with π summing to 5.6. Now the pins are left out."""
    assert verdicts(display(header, row)) == ["undecided"]


@pytest.mark.parametrize("row", [r"\mathbb{E}[h(X)] = h \mathbb{E}[X]", r"D(X \| X) = 0"])
def test_an_operator_after_its_letter_used_as_a_number_stays_refused(row):
    """atkF2: the number a row above made of an undeclared h (or D) is no declared number:
    h(X) after it is refused (one name, one meaning), never the differential entropy."""
    header = "% derive: random X with density \\mathcal{N}(1, 1) over x\n"
    assert verdicts(display(header, r"h^2 + D^2 = h \cdot h + D \cdot D", row)) == \
        ["verified", "error"]


RANDOM = "% derive: discrete x\n% derive: density q over x\n% derive: random X with density q over x\n"


def test_the_entropy_in_base_d_of_a_random_variable():
    """`H_D(X)` in a file whose every logarithm is `\\log_D` (D ≥ 2 assumed): H(X) / ln D;
    the sign of the log flipped is refuted."""
    rows = [r"-\sum_x q(x) \log_D q(x) = H_D(X)", r"\sum_x q(x) \log_D q(x) = H_D(X)"]
    assert verdicts(display(C_AND_T + RANDOM, *rows)) == ["verified", "refuted"]


def test_the_entropy_with_a_number_subscript_elsewhere_is_refused():
    """Without D > 1 assumed (or beside another logarithm) H_D(X) may be in another base or
    Rényi's of order D: refused, never an unknown function with complex values (which
    refuted C&T's true H_D(X) ≥ 0)."""
    header = C_AND_T.replace("% derive: assume D \\ge 2\n", "") + RANDOM
    (step,) = steps(display(header, r"H_D(X) \ge 0"))
    assert step.message is not None and "Rényi" in step.message


BASE_D = ("% derive: natural D, m\n% derive: assume D \\ge 2\n"
          "% derive: positive p_i, r_i for i = 1..m\n"
          "% derive: assume \\sum_{i=1}^m p_i = 1, \\sum_{i=1}^m r_i = 1\n")


def test_a_power_on_a_divergence_in_base_d_squares_the_value_in_base_d():
    """atkI: `D(p \\| r)^2` in a base-D file was KL² / ln D (the power bound to the nats
    operator before the base's division): the true square refuted, a false one verified."""
    s = r"\left(\sum_i p_i \log_D \frac{p_i}{r_i}\right)^2"
    assert verdicts(display(BASE_D, rf"D(p \| r)^2 = {s}",
                            rf"D(p \| r)^2 = \frac{{{s}}}{{\log_D e}}")) == ["verified", "refuted"]


def test_the_entropy_in_base_d_heading_a_row_is_a_claim_about_it():
    """atkI: `H_D(X) = … - 1` heading a row of a base-D file was an unchecked definition
    (then `H_D(X) < -\\sum …` verified): it is the entropy in base D, so the row is checked."""
    header = ("% derive: natural D\n% derive: assume D \\ge 2\n% derive: discrete x\n"
              "% derive: density q over x\n% derive: random X with density q over x\n")
    assert verdicts(display(header, r"H_D(X) = -\sum_x q(x) \log_D q(x) - 1",
                            r"H_D(X) < -\sum_x q(x) \log_D q(x)",
                            r"H_D(X) = -\sum_x q(x) \log_D q(x)")) == \
        ["refuted", "refuted", "verified"]

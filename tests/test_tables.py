"""A law given as a complete table of point probabilities (`% derive: assume P(X = 0, Y = 0)
= 0.3, …`) is the law itself (`engines.tables`); `=` to rounded decimals is never refuted by
the rounding alone (`engines.decimals`)."""

import pytest

from support import verdicts

JOINT = (r"% derive: discrete x, y" "\n" r"% derive: joint P over x, y" "\n"
         r"% derive: assume P(X = 0, Y = 0) = 0.3, P(X = 0, Y = 1) = 0.2, "
         r"P(X = 1, Y = 0) = 0.1, P(X = 1, Y = 1) = 0.4" "\n"
         r"% derive: information in bits" "\n")

BINARY = (r"% derive: discrete y" "\n" r"% derive: density P over y" "\n"
          r"% derive: density Q over y" "\n"
          r"% derive: assume P(y=1) = 0.7, P(y=0) = 0.3, Q(y=1) = 0.6, Q(y=0) = 0.4" "\n"
          r"% derive: information in bits" "\n")

THREE = (r"% derive: discrete x" "\n" r"% derive: density p over x" "\n"
         r"% derive: assume p(1) = \frac{1}{2}, p(2) = \frac{1}{4}, p(3) = \frac{1}{4}" "\n")


def one(check_text, header, row):
    result = check_text(header + f"$$ {row} $$\n", budget=20)
    return result.steps[0].verdict


@pytest.mark.parametrize("header,row", [
    (JOINT, r"H(X) = 1"),
    (JOINT, r"H(X) = -P(X = 0) \log_2 P(X = 0) - P(X = 1) \log_2 P(X = 1)"),
    (JOINT, r"H(Y) = -0.4 \log_2 0.4 - 0.6 \log_2 0.6"),
    (JOINT, r"I(X; Y) = H(X) + H(Y) - H(X, Y)"),
    (JOINT, r"H(X, Y) = -\sum_{i=0}^{1} \sum_{j=0}^{1} P(X = i, Y = j) \log_2 P(X = i, Y = j)"),
    (JOINT, r"I(X; Y) = 0.3 \log_2 \frac{0.3}{0.2} + 0.2 \log_2 \frac{0.2}{0.3} "
            r"+ 0.1 \log_2 \frac{0.1}{0.2} + 0.4 \log_2 \frac{0.4}{0.3}"),
    (JOINT, r"P(Y = 1 \mid X = 0) = 0.4"),
    (BINARY, r"H(P, Q) = -[0.7 \times \log_2(0.6) + 0.3 \times \log_2(0.4)]"),
    (BINARY, r"D_{KL}(P||Q) = 0.7 \log_2\frac{7}{6} + 0.3 \log_2 \frac{3}{4}"),
    (BINARY, r"H(P) + D_{KL}(P||Q) = H(P, Q)"),
    (BINARY, r"\sum_y P(y) \log_2 \frac{1}{Q(y)} = H(P, Q)"),
    (THREE, r"H(p) = \frac{3}{2} \log 2"),
    (THREE, r"\mathbb{E}_{x \sim p}[x] = \frac{7}{4}"),
])
def test_a_complete_table_is_the_law(check_text, header, row):
    verdict = one(check_text, header, row)
    assert verdict.status == "verified", verdict.detail


@pytest.mark.parametrize("header,row", [
    (JOINT, r"I(X; Y) = H(X) + H(Y) + H(X, Y)"),
    (JOINT, r"H(X) = -0.5 \times (-2) - 0.5 \times (-1)"),
    (JOINT, r"P(Y = 1 \mid X = 0) = 0.2"),
    (BINARY, r"D_{KL}(P||Q) = 0.7 \log_2\frac{6}{7} + 0.3 \log_2 \frac{4}{3}"),
    (BINARY, r"H(P) - D_{KL}(P||Q) = H(P, Q)"),
    (BINARY, r"H(P) = -[0.7 \times \log_2(0.7) + 0.3 \times \log_2(0.4)]"),
    (THREE, r"H(p) = \log 3"),
])
def test_a_false_number_of_a_tabled_law_is_refuted(check_text, header, row):
    verdict = one(check_text, header, row)
    assert verdict.status == "refuted", verdict.detail


@pytest.mark.parametrize("assume,says", [
    (r"P(y=1) = 0.7, P(y=0) = 0.2", "less than 1"),            # incomplete: P elsewhere unknown
    (r"P(y=1) = 0.7, P(y=0) = 0.4", "more than 1"),
    (r"P(y=1) = 1, P(y=0) = 0", "positive"),
])
def test_cells_that_make_no_law_are_refused(check_text, assume, says):
    header = (r"% derive: discrete y" "\n" r"% derive: density P over y" "\n"
              f"% derive: assume {assume}\n")
    verdict = one(check_text, header, r"H(P) = -0.7 \log 0.7 - 0.3 \log 0.3")
    assert verdict.status == "undecided" and says in verdict.detail, verdict.detail


def test_a_table_leaving_a_cell_of_its_grid_out_is_refused(check_text):
    header = (r"% derive: discrete x, y" "\n" r"% derive: joint P over x, y" "\n"
              r"% derive: assume P(X = 0, Y = 0) = 0.5, P(X = 1, Y = 1) = 0.5" "\n")
    verdict = one(check_text, header, r"H(X, Y) = \log 2")
    assert verdict.status == "undecided" and "leave out" in verdict.detail, verdict.detail


def test_another_law_over_a_tabled_variable_is_never_guessed(check_text):
    # R's values at 0 and 1 are unknown: the table says nothing of them
    header = BINARY.replace(r"% derive: assume", r"% derive: density R over y" "\n"
                            r"% derive: assume")
    for row in (r"\sum_y R(y) = 1", r"H(R) \le 1"):
        verdict = one(check_text, header, row)
        assert verdict.status != "refuted", verdict.detail


@pytest.mark.parametrize("row,status", [
    (r"H(P) = 0.881291", "undecided"),          # 0.8812908…, rounded to six decimals
    (r"H(P) = 0.881391", "refuted"),            # a wrong digit
    (r"H(P, Q) = -(-0.912454)", "undecided"),
    (r"H(P, Q) = -(-0.812454)", "refuted"),
])
def test_an_equality_to_rounded_decimals_is_never_refuted_by_the_rounding(check_text, row,
                                                                        status):
    verdict = one(check_text, BINARY, row)
    assert verdict.status == status, verdict.detail


def test_rounded_decimals_between_numbers_alone(check_text):
    result = check_text(r"$$ 0.7 \times (-0.736966) = -0.515876 $$" "\n"
                        r"$$ 0.7 \times (-0.736966) = -0.525876 $$" "\n")
    assert verdicts(result) == ["undecided", "refuted"]


@pytest.mark.parametrize("row, expected", [
    (r"H(Y) \approx 0.971", "verified"),
    (r"I(X; Y) \approx 0.12", "verified"),
    (r"H(X, Y) \approx 1.85", "verified"),
    (r"H(Y) \approx 0.98", "refuted"),
    (r"I(X; Y) \approx 0.13", "refuted"),
    (r"H(X, Y) \approx 1.75", "refuted"),
])
def test_a_rounding_of_a_tabled_law_s_quantity_is_decided(check_text, row, expected):
    """`H(Y) \\approx 0.971` beside a complete table: its left side is a number once the
    table is put in, so the rounding engine decides it (the reader used to refuse it as a
    side that varies)."""
    verdict = one(check_text, JOINT, row)
    assert verdict.status == expected, verdict.detail


@pytest.mark.parametrize("header, row", [
    (JOINT + "% derive: real a\n", r"H(Y) + a \approx 0.971"),       # still varies
    (JOINT.replace("= 0.4", "= 0.3"), r"H(Y) \approx 0.971"),       # incomplete: no law
])
def test_a_rounding_that_the_table_leaves_varying_is_not_decided(check_text, header, row):
    verdict = one(check_text, header, row)
    assert verdict.status not in ("verified", "refuted"), verdict.detail

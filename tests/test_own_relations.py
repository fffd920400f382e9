"""Rows that state a relation of their own, however it is wrapped, and labels on relations
that say the relation is required, approximate or of an unknown kind (attack round 30)."""

from __future__ import annotations

import pytest

import support
from derive.frontend.latex.printed_relations import own_relation

REAL_A = "% derive: real a\n"
# (a+1)^2 = a^2 + 4a + 1 is false, and -2a = a^2 + 2a + 1 is false: glued, they "prove"
# (a+1)^2 = a^2 + 2a + 1.
FALSE_ABOVE = r"(a+1)^2 = a^2 + 4a + 1"
TRUE_ABOVE = r"(a+1)^2 = a^2 + 2a + 1"

# A row starting with `-` whose relation prints inside what wraps it.
WRAPPED = [
    r"-2a \stackrel{(a)}{=} a^2 + 2a + 1",
    r"-2a \overset{\star}{=} a^2 + 2a + 1",
    r"-2a \overset{\text{Jensen}}{\le} a^2 + 2a + 1",
    r"-2a \underset{(1)}{=} a^2 + 2a + 1",
    r"-2a \overset{(a)}= a^2 + 2a + 1",
    r"-2a {=} a^2 + 2a + 1",
    r"-2a {\le} a^2 + 2a + 1",
    r"\boxed{-2a = a^2 + 2a + 1}",
    r"\textcolor{red}{-2a = a^2 + 2a + 1}",
    r"-2a \textcolor{red}{=} a^2 + 2a + 1",
    r"-2a \boxed{=} a^2 + 2a + 1",
    r"\underline{-2a = a^2 + 2a + 1}",
    r"{\color{red} -2a = a^2 + 2a + 1}",
    r"-2a=a^2+2a+1",
]
# The relation after a `\quad` goes on the row (atkJ F2): the row states it, so it is no tail
# of the row above (refuted or refused, never glued into a verified chain).
AFTER_QUAD = [r"-2a \quad = a^2 + 2a + 1", r"-2a \qquad \le a^2 + 2a + 1",
              r"-2a \quad\quad {=} a^2 + 2a + 1", r"-2a \quad \stackrel{(a)}{=} a^2 + 2a + 1",
              r"-2a \quad \boxed{=} a^2 + 2a + 1", r"-2a \quad \text{and} \quad = a^2 + 2a + 1"]


@pytest.mark.parametrize("row", WRAPPED)
@pytest.mark.parametrize("layout", ["displays", "dollars", "align"])
def test_a_row_with_its_own_wrapped_relation_is_never_the_tail_of_the_row_above(
        check_text, row, layout):
    """Each row is false as written: never glued to make a true chain (it was verified)."""
    if layout == "displays":
        text = REAL_A + f"\\[ {FALSE_ABOVE} \\]\n\\[ {row} \\]\n"
    elif layout == "dollars":
        text = REAL_A + f"$$ {FALSE_ABOVE} $$\n\n$$ {row} $$\n"
    else:
        left, body = ("-2a ", row[3:]) if row.startswith("-2a") else ("", row)
        text = REAL_A + ("\\begin{align*}\n(a+1)^2 &= a^2 + 4a + 1 \\\\\n" +
                         f"{left}&{body}\n\\end{{align*}}\n")
    verdicts = support.verdicts(check_text(text))
    assert verdicts[0] in (("refuted", "error") if row in AFTER_QUAD else ("refuted",))
    assert "verified" not in verdicts


@pytest.mark.parametrize("row", AFTER_QUAD)
@pytest.mark.parametrize("layout", ["displays", "dollars", "align"])
def test_a_row_going_on_with_a_relation_after_a_quad_is_no_tail(check_text, row, layout):
    test_a_row_with_its_own_wrapped_relation_is_never_the_tail_of_the_row_above(
        check_text, row, layout)


@pytest.mark.parametrize("row", [r"-2a \stackrel{(a)}{=} -2a", r"\boxed{-2a = -2a}",
                                 r"-2a {=} -2a", r"\textcolor{red}{-2a = -2a}"])
def test_two_true_rows_stay_true(check_text, row):
    """The mirror case: glued, two true rows were both refuted."""
    text = REAL_A + f"\\[ {TRUE_ABOVE} \\]\n\\[ {row} \\]\n"
    assert support.verdicts(check_text(text)) == ["verified", "verified"]


@pytest.mark.parametrize("row", [r"- 2a", r"- \sum_{i=1}^{2} a", r"&- 2a",
                                 r"- 2a \quad \text{for } a > 0", r"- \frac{4a}{2}"])
def test_a_row_with_no_relation_of_its_own_still_goes_on(check_text, row):
    """`(a+1)^2 = a^2 + 4a + 1 - 2a`, true: a relation only in a script, a side remark, or
    none — the row is the rest of the expression above."""
    text = REAL_A + f"\\begin{{align*}}\n(a+1)^2 &= a^2 + 4a + 1 \\\\\n{row}\n\\end{{align*}}\n"
    assert support.verdicts(check_text(text)) == ["verified"]


@pytest.mark.parametrize("text, found", [
    (r"-2a \stackrel{(a)}{=} b", 4), (r"\boxed{-2a = b}", 11), (r"-a {=} b", 4),
    (r"-a_n \xrightarrow{n \to \infty} 0", 5), (r"-\textcolor{red}{a = b}", 19),
    (r"- \sum_{i=1}^n a", None), (r"- P(X = 1)", None), (r"- a \quad a > 0", None),
    (r"- \frac{a}{b = c}", None), (r"- \text{if } a = b", 15),
    (r"- \text{if a = b}", None), (r"- a \phantom{=}", None),
    (r"- a^{b = c}", None), (r"- \sqrt[3]{a = b}", None), (r"- a \overset{x = 1}{b}", None),
    (r"- a \quad = b", 10), (r"- a \quad \text{and} \quad {=} b", 28),
    (r"- a \quad \textcolor{red}{=} b", 26), (r"- a \quad \text{for } a > 0", None),
    (r"- a \quad \text{where } \lambda = 1", None), (r"- a \quad (a > 0)", None),
])
def test_own_relation_sees_through_wrappers_only(text, found):
    assert own_relation(text) == found


# ---------------------------------------------------------------- labels: required, approximate, unknown

POSITIVE_H = "% derive: positive h\n"


@pytest.mark.parametrize("label", [
    r"\text{set}", "set", r"\text{set to}", r"\text{want}", r"\text{required}", r"\text{must}",
    r"\text{should}", r"\text{goal}", r"\text{solve}", r"\text{equate}", r"\text{setting}",
    r"\text{FOC}", r"\text{at the optimum}", r"\text{at optimum}", r"\text{we want}", "(!)",
    "(?)", r"\text{(?)}",
])
def test_a_relation_required_or_asked_is_refused(check_text, label):
    """`\\overset{\\text{set}}{=} 0` is imposed, as `!` is: refused, never refuted."""
    text = POSITIVE_H + f"$$ \\frac{{1}}{{h}} - 1 \\overset{{{label}}}{{=}} 0 $$\n"
    assert support.verdicts(check_text(text)) == ["error"]


@pytest.mark.parametrize("remark", [r"\text{(set)}", r"\text{set}", r"\text{(FOC)}",
                                    r"(\text{at the optimum})"])
def test_a_requirement_beside_the_row_is_refused(check_text, remark):
    text = POSITIVE_H + f"$$ \\frac{{1}}{{h}} - 1 = 0 \\quad {remark} $$\n"
    assert support.verdicts(check_text(text)) == ["error"]


@pytest.mark.parametrize("label", [r"\text{set}", r"\text{FOC}", "!"])
def test_a_requirement_in_a_premise_is_the_condition(check_text, label):
    text = POSITIVE_H + f"$$ 2h - 2 \\overset{{{label}}}{{=}} 0 \\Rightarrow h = 1 $$\n"
    assert support.verdicts(check_text(text)) == ["verified"]
    text = POSITIVE_H + f"$$ 2h - 2 \\overset{{{label}}}{{=}} 0 \\Rightarrow h = 2 $$\n"
    assert support.verdicts(check_text(text)) == ["refuted"]


APPROXIMATE = [r"\text{first order}", r"\text{1st order}", r"\text{leading order}",
               r"\text{linearization}", r"\text{asympt.}", r"\text{approximation}",
               r"\text{Taylor}", r"\text{truncating}", r"\text{neglecting}", r"\text{Stirling}",
               r"\text{Laplace}", r"\text{Monte Carlo}", r"\text{CLT}", r"\text{LLN}",
               r"\text{delta method}", r"\text{ignoring higher order terms}", r"\text{magic}"]


@pytest.mark.parametrize("label", APPROXIMATE)
def test_an_approximation_or_unknown_label_is_a_reason(check_text, label):
    """e^h ≈ 1 + h to first order: a counterexample to the exact equation refutes nothing
    (it was refuted); an exact equation under the same label still verifies."""
    text = POSITIVE_H + (f"$$ e^{{h}} \\overset{{{label}}}{{=}} 1 + h $$\n"
                         f"$$ (h+1)^2 \\overset{{{label}}}{{=}} h^2 + 2h + 1 $$\n")
    assert support.verdicts(check_text(text)) == ["undecided", "verified"]


@pytest.mark.parametrize("remark", [r"\text{(ignoring higher order terms)}", r"\text{(first order)}",
                                    r"\text{(Taylor)}", r"\text{(linearized)}"])
def test_an_approximation_beside_the_row_is_a_reason(check_text, remark):
    text = POSITIVE_H + f"$$ e^{{h}} = 1 + h \\quad {remark} $$\n"
    assert support.verdicts(check_text(text)) == ["undecided"]


@pytest.mark.parametrize("label", ["(a)", "(iv)", r"\star", "3", r"\text{Jensen}",
                                   r"\text{Cauchy-Schwarz}", r"\text{Bayes}", r"\text{linearity}",
                                   r"\text{def.}", r"\text{expand}", r"\text{by Jensen}"])
def test_a_tag_or_an_exact_lemma_stays_a_remark(check_text, label):
    """A false row under a tag or an exact lemma's name is refuted, a true one verified."""
    relation = "=" if "def" not in label else r"\le"
    text = POSITIVE_H + (f"$$ (h+1)^2 \\overset{{{label}}}{{{relation}}} h^2 + 2h $$\n"
                         f"$$ (h+1)^2 \\overset{{{label}}}{{{relation}}} h^2 + 2h + 1 $$\n")
    assert support.verdicts(check_text(text)) == ["refuted", "verified"]


def test_a_label_stacked_on_an_arrow_is_refused_at_the_label():
    from derive.frontend.latex.wrappers import Unread, unwrap
    with pytest.raises(Unread) as refused:
        unwrap(r"\frac{1}{n} \stackrel{n\to\infty}{\longrightarrow} 0")
    assert refused.value.offset == 12 and "arrow" in refused.value.message


@pytest.mark.parametrize("space", [r"\thinspace", r"\medspace", r"\thickspace", r"\negthinspace"])
def test_named_thin_spaces_are_spaces(check_text, space):
    """`\\thinspace` is `\\,` (atkJ minor): a space — a false row stays refuted."""
    text = REAL_A + (f"$$ (a+1)^2 {space} = a^2 + 2a + 1 $$\n"
                     f"$$ (a+1)^2 = a^2 {space} + 2a $$\n")
    assert support.verdicts(check_text(text)) == ["verified", "refuted"]


@pytest.mark.parametrize("space", [r"\enspace", r"\kern2em", r"\mkern18mu", r"\hskip 1em plus 0pt",
                                   r"\mskip 3mu plus 0mu", r"\kern"])
def test_wide_or_measured_spaces_are_refused(check_text, space):
    """atkK F1/F3: `a \\kern2em a \\ge 0` prints two statements (read as a·a, a false step was
    verified), and `\\hskip 1em plus 0pt` carries glue (read as letters times 0): refused."""
    text = REAL_A + (f"$$ a^2 = a {space} a \\ge 0 $$\n"
                     f"$$ (a+1)^2 = a^2 + 2a {space} + 2 $$\n")
    assert "verified" not in support.verdicts(check_text(text))


@pytest.mark.parametrize("space", [r"{\quad}", r"\;\;\;\;\;\;", r"\,\,\,\,\,\,\,\,\,\,",
                                   r"\phantom{xxxxxxxx}", r"\hphantom{x}", "~", r"\ ", r"{\;\;}",
                                   r"\; ~", r"\text{ }", r"\mbox{~}", r"\; {} \;",
                                   r"\;\displaystyle\;", r"\textstyle \;\;", r"\;\color{black}\;",
                                   r"\; \mathrm{} \;", r"\text{\quad}"])
def test_a_space_wider_than_thin_between_two_statements_is_refused(check_text, space):
    """atkN F1 (round 34): `a^2 = a~a \\ge 0` prints two statements side by side (a² = a, a ≥
    0) and was verified as the chain a² = a·a ≥ 0; a space wider than `\\;` between two terms
    with a relation on each side (or as wide as a `\\quad` anywhere between terms) is refused
    there (`frontend.latex.gaps`)."""
    text = REAL_A + f"$$ a^2 = a {space} a \\ge 0 $$\n"
    assert support.verdicts(check_text(text)) == ["error"]
    assert "space" in check_text(text).steps[0].verdict.detail


def test_a_quad_wide_space_between_two_terms_is_refused_without_a_second_relation(check_text):
    """`a^2 = a {\\quad} a` prints "a² = a    a": a product or a list — refused."""
    assert support.verdicts(check_text(REAL_A + "$$ a^2 = a {\\quad} a $$\n")) == ["error"]
    # atkQ round 36: an empty group or a style switch does not cut the space in two
    assert support.verdicts(check_text(REAL_A + "$$ a^2 = a \\;\\;\\;{}\\;\\;\\; a $$\n")) == ["error"]


@pytest.mark.parametrize("row", [r"a^2 = a \; a \ge 0", r"a^2 = a \ a", r"a^2 \;\;=\;\; a a \ge 0",
                                 r"\int_0^1 2a\ \mathrm{d}a = 1 \ge 0",
                                 r"a^2 = a a \;\;\; \text{(expand)}", r"a^2 = a \text{ } a",
                                 r"a^2 = a \text{} a", r"a^2 = a \mathrm{} a", r"a^2 = a {} a \ge 0"])
def test_thin_spaces_and_differentials_stay_products(check_text, row):
    """A thin space between terms, a wide one with no relation on one side, the space before
    an integral's differential, and spacing before a remark are read as before. A blank word
    (`\\text{ }`) is a space: it was a symbol with an empty name, and `x^2 = x \\text{ } x`
    was refuted (atkO round 35)."""
    assert set(support.verdicts(check_text(REAL_A + f"$$ {row} $$\n"))) == {"verified"}

"""A registry operator the file defines at some arguments (`I(X; Y) := …`, `D_{KL}(p \\| q)
\\triangleq …`, `% derive: define D_{KL}(P \\| Q) = …`): one name, one meaning in the file.

A definition the normal form shows equal to derive's meaning of its form leaves the name
derive's operator everywhere (its other forms, `I(X; X)`, `I(X; Y | Z)`, still read);
one it does not show so makes every other form of the name an error where it stands, and
is itself refused below a row that read the name as derive's (README "Definitions as papers
write them")."""

import pytest

from probability_support import display, steps, verdicts

XYZ = "% derive: discrete x, y, z\n% derive: joint p over x, y, z\n"
PQ = "% derive: variable x\n% derive: density p, q\n"
JOINTS = "% derive: discrete x, y\n% derive: joint p over x, y\n% derive: joint q over x, y\n"


# ---------------------------------------------------------------- (1) other forms of a name

@pytest.mark.parametrize("definition", [
    r"I(X; Y) := H(X) + H(Y) - H(X, Y)",
    r"I(X; Y) := H(X) - H(X | Y)",
    r"I(X; Y) \coloneqq H(Y) - H(Y | X)",
    r"I(X; Y) \equiv D(p(x, y) \| p(x) p(y))",
    r"I(X; Y) \triangleq \sum_{x, y} p(x, y) \log \frac{p(x, y)}{p(x) p(y)}",
])
def test_a_mutual_information_defined_as_derive_means_it_keeps_its_other_forms(definition):
    """Cover & Thomas define I(X; Y) and then use I(X; X) = H(X): a definition shown equal
    to derive's mutual information leaves I derive's at every other form — true rows verify,
    a false one is refuted."""
    assert verdicts(display(XYZ, definition, r"I(X; X) = H(X)")) == ["definition", "verified"]
    assert verdicts(display(XYZ, definition, r"I(X; Y | Z) \ge 0")) == \
        ["definition", "verified"]
    assert verdicts(display(XYZ, definition, r"I(X; X) = 0")) == ["definition", "refuted"]


@pytest.mark.parametrize("definition", [
    r"I(X; Y) := H(X) - H(Y)",                            # the brief's false variant
    r"I(X; Y) := H(X) + H(Y) + H(X, Y)",
    r"I(X; Y) \equiv D(p(x) p(y) \| p(x, y))",            # the lautum information
    r"I(X; Y) \triangleq H(X | Y)",
    r"I(X; Y) \stackrel{\text{def}}{=} \sum_{x, y} p(x, y) \log \frac{p(x)}{p(x, y)}",
])
@pytest.mark.parametrize("row", [
    r"I(X; X) = H(X)",                 # verified with derive's meaning beside the author's
    r"I(X; X) = 0",
    r"I(X; Y | Z) \ge 0",
    r"I(X; Z) + I(X; X) \ge 0",
])
def test_a_mutual_information_defined_otherwise_refuses_its_other_forms(definition, row):
    """`I(X; Y) := H(X) - H(Y)`, then `I(X; X) = H(X)`: verified, with derive's I beside the
    author's. A definition derive cannot show equal to its own makes I at any other form
    an error, naming the definition's line."""
    (*_, last) = steps(display(XYZ, definition, row))
    assert verdicts(display(XYZ, definition, row)) == ["definition", "error"]
    assert "defines I(X;Y) itself (line 3)" in last.message or \
        "defines the mutual information itself" in last.message


def test_the_authors_definition_still_governs_its_own_form():
    """Under `I(X; Y) := H(X) - H(Y)` its own consequence holds and derive's does not."""
    head = r"I(X; Y) := H(X) - H(Y)"
    assert verdicts(display(XYZ, head, r"I(X; Y) + H(Y) = H(X)")) == ["definition", "verified"]
    assert verdicts(display(XYZ, head, r"I(X; Y) = H(X) - H(X | Y)")) == \
        ["definition", "refuted"]


def test_a_define_directive_of_a_form_is_checked_alike():
    """`% derive: define I(X; Y) = …` of declared variables: the same rule."""
    wrong = XYZ + "% derive: define I(X; Y) = H(X) - H(Y)\n"
    assert verdicts(display(wrong, r"I(X; X) = H(X)")) == ["error"]
    right = XYZ + "% derive: define I(X; Y) = H(X) + H(Y) - H(X, Y)\n"
    assert verdicts(display(right, r"I(X; X) = H(X)")) == ["verified"]
    kl = PQ + "% derive: define D_{KL}(p \\| q) = \\int p(x) \\log \\frac{p(x)}{q(x)} dx\n"
    assert verdicts(display(kl, r"D_{KL}(q \| p) \ge 0")) == ["verified"]
    reverse = kl.replace(r"p(x) \log \frac{p(x)}{q(x)}", r"q(x) \log \frac{q(x)}{p(x)}")
    assert verdicts(display(reverse, r"D_{KL}(q \| p) \ge 0")) == ["error"]


@pytest.mark.parametrize("definition, true_row, verdict", [
    (r"H(X) := -\sum_{x} p(x) \log p(x)", r"H(X, Y) = H(X) + H(Y | X)", "verified"),
    (r"H(X) := \sum_{x} p(x) \log p(x)", r"H(X, Y) = H(X) + H(Y | X)", "error"),  # −H
    (r"H(X) := \sum_{x} p(x) \log p(x)", r"H(Y | X) \ge 0", "error"),
    (r"I(X; Y | Z) := H(X | Z) - H(X | Y, Z)", r"I(X; Y) \ge 0", "verified"),
    (r"I(X; Y | Z) := H(X | Z) - H(Y | X, Z)", r"I(X; Z | Y) \ge 0", "error"),
    (r"I(X; Y) := H(X) - H(Y)", r"I(X; Y | Z) \ge 0", "error"),
    (r"I(X; Y | Z) := H(X | Z) - H(Y | X, Z)", r"I(X; Y) \ge 0", "verified"),
])
def test_entropy_and_conditional_forms_follow_the_rule(definition, true_row, verdict):
    """H and h name the entropy of a law, of random variables, the conditional entropy and
    the cross-entropy; I the mutual and the conditional mutual information: one name each.
    A conditional notion the file defines its own way leaves the plain one derive's (texts
    define the conditional from it); a plain one defined so takes the conditional along."""
    assert verdicts(display(XYZ, definition, true_row)) == ["definition", verdict]


@pytest.mark.parametrize("definition, row, verdict", [
    (r"D_{JS}(p \| q) := \frac12 D_{KL}(p \| \frac{p + q}{2}) + "
     r"\frac12 D_{KL}(q \| \frac{p + q}{2})", r"\mathrm{JSD}(q \| p) = D_{JS}(p \| q)",
     "verified"),
    (r"\chi^2(p \| q) := \int \frac{(p(x) - q(x))^2}{q(x)} dx", r"\chi^2(q \| p) \ge 0",
     "verified"),
    (r"\chi^2(p \| q) := \int \frac{(q(x) - p(x))^2}{p(x)} dx",      # Neyman's, not Pearson's
     r"\chi^2(q \| p) = \int \frac{(q(x) - p(x))^2}{p(x)} dx", "error"),
    (r"D_{KL}(p \| q) := \int p(x) \log \frac{p(x)}{q(x)} dx", r"D_{KL}(q \| p) \ge 0",
     "verified"),
    (r"D_{KL}(p \| q) := \int q(x) \log \frac{q(x)}{p(x)} dx", r"D_{KL}(q \| p) \ge 0",
     "error"),
])
def test_divergences_defined_as_derive_means_them_keep_their_other_arguments(
        definition, row, verdict):
    """A divergence defined as derive reads it is derive's at other arguments of its
    shape too; one defined otherwise (reverse KL, Neyman's χ² under \\chi^2) is not."""
    assert verdicts(display(PQ, definition, row)) == ["definition", verdict]


@pytest.mark.parametrize("definition, verdict", [
    (r"D(p(x) \| q(x)) := \sum_{x} p(x) \log \frac{p(x)}{q(x)}", "verified"),
    (r"D(p(x) \| q(x)) := \sum_{x} q(x) \log \frac{q(x)}{p(x)}", "error"),
])
def test_a_marginal_divergence_defined_otherwise_refuses_the_conditional_one(definition,
                                                                              verdict):
    """The conditional D(p(y|x) ‖ q(y|x)) is another form of KL: derive's beside a marginal
    KL defined as derive means it, refused beside a reversed one."""
    assert verdicts(display(JOINTS, definition, r"D(p(y|x) \| q(y|x)) \ge 0")) == \
        ["definition", verdict]


CT_RULE = r"D(p(x, y) \| q(x, y)) = D(p(x) \| q(x)) + D(p(y|x) \| q(y|x))"


@pytest.mark.parametrize("weights, verdict", [(r"p(x)", "verified"), ("", "refuted")])
def test_a_conditional_divergence_defined_its_own_way_leaves_the_plain_one(weights, verdict):
    """Cover & Thomas's chain rule under their conditional relative entropy: verified; under
    one that drops the weights p(x) (the corpus mutant), refuted at the rule — the plain
    divergences keep derive's meaning beside a conditional definition, even one read above
    it; another conditional form beside a wrong one is refused."""
    define = (rf"D(p(y|x) \| q(y|x)) \equiv \sum_{{x}} {weights} \sum_{{y}} p(y|x) "
              r"\log \frac{p(y|x)}{q(y|x)}")
    assert verdicts(display(JOINTS, define, CT_RULE)) == ["definition", verdict]
    assert verdicts(display(JOINTS, r"D(p(x) \| q(x)) \ge 0", define, CT_RULE)) == \
        ["verified", "definition", verdict]
    other = verdicts(display(JOINTS, define, r"D(q(y|x) \| p(y|x)) \ge 0"))
    assert other == ["definition", "verified" if weights else "error"]


# ---------------------------------------------------------------- (2) read above a definition

NEG_KL = r"-\int P(x) \log \frac{P(x)}{Q(x)} dx"


@pytest.mark.parametrize("above", [r"\mathrm{KL}(p \| q) \ge 0", r"D(p \| q) \ge 0",
                                   r"KL(q || p) \ge 0", r"D_{KL}(q \| p) = 1",
                                   r"\mathcal{D}_{KL}(p \| q) \ge 0"])
@pytest.mark.parametrize("spelling", [r"D_{KL}", r"\mathrm{KL}"])
def test_a_define_below_a_row_reading_the_operator_as_derives_is_refused(above, spelling):
    """`\\mathrm{KL}(p \\| q) \\ge 0` (derive's KL, verified) above `define D_{KL}(P \\| Q) =
    −∫ P log(P/Q)` (the file's −KL, then `D_{KL}(p \\| q) \\le 0` verified too): one name,
    two meanings. Refused at the define, naming the row above."""
    text = display(PQ, above) + f"% derive: define {spelling}(P \\| Q) = {NEG_KL}\n" + \
        display("", r"D_{KL}(p \| q) \le 0")
    with pytest.raises(Exception, match="the row at line 3 reads that name as derive's operator"):
        verdicts(text)


def test_a_define_of_another_operator_below_a_read_is_no_conflict():
    """A JS read above a define of KL: two names, no conflict."""
    text = display(PQ, r"D_{JS}(p \| q) \ge 0") + \
        f"% derive: define D_{{KL}}(P \\| Q) = {NEG_KL}\n" + display("", r"D_{KL}(p \| q) \le 0")
    assert verdicts(text) == ["verified", "verified"]


@pytest.mark.parametrize("above, definition, expected", [
    (r"\mathrm{KL}(p \| q) \ge 0", r"D_{KL}(p \| q) := -\int p(x) \log \frac{p(x)}{q(x)} dx",
     ["verified", "error", "error"]),
    (r"\mathrm{KL}(p \| q) \ge 0", r"D_{KL}(p \| q) := \int p(x) \log \frac{p(x)}{q(x)} dx",
     ["verified", "definition", "verified"]),
])
def test_a_definition_row_below_a_read_must_agree_with_it(above, definition, expected):
    """The same for a `:=` row: below a read of KL as derive's, a definition derive cannot
    show equal to its own is refused (and its uses below it); one shown equal defines."""
    assert verdicts(display(PQ, above, definition, r"D_{KL}(p \| q) \ge 0")) == expected


def test_a_conditional_form_read_above_refuses_a_conditional_definition_only():
    """`I(X; Y) = …` (plain) above a conditional I defined its own way stands; `I(X; X | Y)`
    (conditional) above it refuses the definition."""
    define = r"I(X; Y | Z) := H(X | Z) - H(Y | X, Z)"
    assert verdicts(display(XYZ, r"I(X; Y) = H(X) - H(X | Y)", define)) == \
        ["verified", "definition"]
    assert verdicts(display(XYZ, r"I(X; X | Y) \ge 0", define)) == ["verified", "error"]


@pytest.mark.parametrize("above", [r"I(X; X) = H(X)", r"I(X; Z | Y) \ge 0"])
def test_another_form_read_above_a_disagreeing_definition_refuses_it(above):
    """`I(X; X) = H(X)` (derive's I) above `I(X; Y) := H(X) - H(Y)`: refused at the
    definition, naming the row; a definition shown equal to derive's stands."""
    (_, wrong) = steps(display(XYZ, above, r"I(X; Y) := H(X) - H(Y)"))
    assert (wrong.location.line, wrong.location.column) == (4, 4)
    assert "the row at line 3 reads that name as derive's operator" in wrong.message
    assert verdicts(display(XYZ, above, r"I(X; Y) := H(X) - H(Y)")) == ["verified", "error"]
    assert verdicts(display(XYZ, above, r"I(X; Y) := H(X) - H(X | Y)")) == \
        ["verified", "definition"]


@pytest.mark.parametrize("header, above, define", [
    (PQ, r"H_p(q) \ge 0", r"H(P) = \int P(x) \log P(x) dx"),       # the cross-entropy is H's
    (PQ, r"H(p, q) \ge 0", r"H(P) = \int P(x) \log P(x) dx"),
    (PQ, r"h(p) = -\int p(x) \log p(x) dx", r"H(P) = \int P(x) \log P(x) dx"),
])
def test_every_form_of_a_name_read_above_refuses_a_define_of_it(header, above, define):
    """Any operator written H or h read above (entropy, cross-entropy `H_p(q)`, `H(p, q)`)
    is the name a later `define H(P) = …` would give a second meaning."""
    text = display(header, above) + f"% derive: define {define}\n" + display("", r"H(p) \le 0")
    with pytest.raises(Exception, match="the row at line 3 reads that name as derive's operator"):
        verdicts(text)

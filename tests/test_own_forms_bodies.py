"""A registry operator's form defined through its own name (`H(X, Y) := H(X) + H(Y | X)`),
defines below a read of the name, and defines whose parameters take densities (`define
H(P) = -\\int P(x) \\log P(x) dx`, then `H(q)`): README "Definitions as papers write them"."""

import pytest

from probability_support import display, steps, verdicts

XYZ = "% derive: discrete x, y, z\n% derive: joint p over x, y, z\n"
PQ = "% derive: variable x\n% derive: density p, q\n"


# ------------------------------------------------- (1) a body using the name it defines

@pytest.mark.parametrize("sign", [":=", r"\coloneqq", r"\triangleq", r"\equiv",
                                  r"\overset{\Delta}{=}", r"\stackrel{\Delta}{=}",
                                  r"\stackrel{\text{def}}{=}"])
@pytest.mark.parametrize("definition", [
    r"H(X,Y) {sign} H(X) + H(Y|X)",
    r"H(X, Y) {sign} H(Y) + H(X | Y)",
    r"H(X) {sign} H(X, Y) - H(Y | X)",
    r"I(X; Y) {sign} H(X) - H(X | Y)",
    r"I(X; Y | Z) {sign} I(X; Y, Z) - I(X; Z)",
])
def test_a_form_defined_as_derive_means_it_through_its_name_is_read(definition, sign):
    """The chain rule as a definition: the body's forms are derive's, and the definition is
    shown derive's — it defines, true rows below verify, a false one is refuted."""
    row = definition.format(sign=sign)
    head = row.split(sign)[0].strip()
    assert verdicts(display(XYZ, row, head + r" \ge 0")) == ["definition", "verified"]
    assert verdicts(display(XYZ, row, head + r" = -1")) == ["definition", "refuted"]


@pytest.mark.parametrize("definition", [
    r"H(X,Y) := H(X) + H(X|Y)",
    r"H(X, Y) \triangleq H(X) + H(Y)",
    r"H(X) \overset{\Delta}{=} H(X, Y) - H(X | Y)",
    r"H(X) := H(Y)",
    r"D_{KL}(p \| q) := \mathrm{KL}(p \| q) + 1",
])
def test_a_form_defined_otherwise_through_its_name_is_refused_at_its_row(definition):
    """The head would be the file's operator and the body's derive's: refused at the row,
    saying so; the form's later uses are errors, never verified."""
    header = PQ if "KL" in definition else XYZ
    head = definition.split(":=")[0].split("\\")[0].strip() if "KL" not in definition \
        else r"D_{KL}(p \| q)"
    first, second = steps(display(header, definition, head + r" \ge 0"))
    assert first.message is not None and "one name, two meanings in one row" in first.message
    assert "derive cannot show this definition equal" in first.message
    assert verdicts(display(header, definition, head + r" \ge 0")) == ["error", "error"]


def test_a_define_directive_through_its_name_follows_the_same_rule():
    """`% derive: define H(X, Y) = H(X) + H(Y | X)`: read; with H(X | Y), refused."""
    right = XYZ + "% derive: define H(X, Y) = H(X) + H(Y|X)\n"
    assert verdicts(display(right, r"H(X, Y) \le H(X) + H(Y)")) == ["verified"]
    wrong = right.replace("H(Y|X)", "H(X|Y)")
    with pytest.raises(Exception, match="one name, two meanings in one row"):
        verdicts(display(wrong, r"H(X, Y) \le H(X) + H(Y)"))


def test_a_conditional_defined_from_the_plain_forms_keeps_them():
    """`H(Y | X) := H(X, Y) - H(X)` (and a wrong one) leave the plain H derive's: the file's
    own conditional is checked below, the wrong one refuted where it is used."""
    rule = r"H(X, Y) = H(X) + H(Y | X)"
    assert verdicts(display(XYZ, r"H(Y|X) := H(X,Y) - H(X)", rule)) == \
        ["definition", "verified"]
    assert verdicts(display(XYZ, r"H(Y|X) := H(X,Y) - H(Y)", rule)) == \
        ["definition", "refuted"]


# ------------------------------------------------- (2) a define below a read of its name

@pytest.mark.parametrize("above", [r"D_{KL}(p \| q) \ge 0", r"\mathrm{KL}(q \| p) \ge 0"])
def test_an_agreeing_define_below_a_read_stands_and_a_disagreeing_one_is_refused(above):
    """`define D_{KL}(p \\| q) = ∫ p log(p/q)` below a row reading KL as derive's: the same
    meaning, accepted; the reversed integral is refused naming the row above."""
    right = "% derive: define D_{KL}(p \\| q) = \\int p(x) \\log \\frac{p(x)}{q(x)} dx\n"
    text = display(PQ, above) + right + display("", r"D_{KL}(q \| p) \ge 0")
    assert verdicts(text) == ["verified", "verified"]
    wrong = right.replace(r"p(x) \log \frac{p(x)}{q(x)}", r"q(x) \log \frac{q(x)}{p(x)}")
    with pytest.raises(Exception, match="the row at line 3 reads that name as derive's"):
        verdicts(display(PQ, above) + wrong + display("", r"D_{KL}(q \| p) \ge 0"))


# ------------------------------------------------- (3, 4) a define's parameters at densities

ENTROPY = "% derive: define H(P) = -\\int P(x) \\log P(x) dx\n"


@pytest.mark.parametrize("header, row, verdict", [
    (PQ + ENTROPY, r"H(q) = -\int q(x) \log q(x) dx", "verified"),
    (PQ + ENTROPY, r"H(q) = \int q(x) \log q(x) dx", "refuted"),
    (PQ + ENTROPY, r"H(q) = H(p)", "refuted"),
    ("% derive: variable x, y\n% derive: density q over y\n" + ENTROPY,
     r"H(q) = -\int q(y) \log q(y) dy", "verified"),
    (PQ + ENTROPY.replace("-", ""), r"H(q) = -\int q(x) \log q(x) dx", "refuted"),
])
def test_a_function_of_a_distribution_takes_a_declared_density(header, row, verdict):
    """`define H(P) = -∫ P(x) log P(x) dx`, then `H(q)` of a declared density: q's value
    at each point (it said 'q is not a function')."""
    assert verdicts(display(header, row)) == [verdict]


@pytest.mark.parametrize("bars", [", ", r" \| "])
@pytest.mark.parametrize("use", ["KL(p, q)", r"KL(p \| q)"])
@pytest.mark.parametrize("body, verdict", [
    (r"\int a(x) \log \frac{a(x)}{b(x)} dx", "verified"),
    (r"\int b(x) \log \frac{b(x)}{a(x)} dx", "refuted"),      # the reverse KL
    (r"\int a(x) \log \frac{b(x)}{a(x)} dx", "refuted"),      # −KL
])
def test_a_divergence_defined_with_commas_or_bars_reads_alike(bars, use, body, verdict):
    """`define KL(a, b) = …` and `define KL(a \\| b) = …` take densities alike."""
    header = PQ + f"% derive: define KL(a{bars}b) = {body}\n"
    row = use + r" = \int p(x) \log \frac{p(x)}{q(x)} dx"
    assert verdicts(display(header, row)) == [verdict]


def test_a_density_parameter_mentioned_unapplied_is_refused():
    """`\\log P` with P a density parameter: no value at a point, refused at the use."""
    header = PQ + "% derive: define H(P) = -\\int P(x) \\log P dx\n"
    (step,) = steps(display(header, r"H(q) \ge 0"))
    assert "otherwise than applied at a point" in step.message

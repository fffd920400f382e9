r"""Words as declared names: `% derive: real \text{input}_{ij}`, `define \text{mask}_{ij} = …`
(an ML note's inverted dropout), and kind directives derive refuses as unread declarations."""

import pytest



def _statuses(check_text, text):
    return [r.verdict.status for r in check_text(text).steps]


DROPOUT = r"""% derive: real p
% derive: assume 0 < p < 1
% derive: real {input}
% derive: discrete b
% derive: density f = \mathrm{{Bernoulli}}(1 - p) over b
% derive: random B with density f over b
% derive: define {mask} = \frac{{B}}{{1 - p}}
$$ {row} $$
"""


@pytest.mark.parametrize("row, status", [
    (r"\mathbb{E}[\text{mask}_{ij}] = \frac{(1-p)}{1-p}", "verified"),
    (r"\mathbb{E}[\text{mask}_{ij}] = \frac{p}{1-p}", "refuted"),              # kept w.p. 1 - p
    (r"\mathbb{E}[\text{input}_{ij} \times \text{mask}_{ij}] = \text{input}_{ij}", "verified"),
    (r"\mathbb{E}[\text{mask}_{ij} \times \text{input}_{ij}] = \text{input}_{ij}", "verified"),
    (r"\mathbb{E}[\text{input}_{ij} \times \text{mask}_{ij}] = (1-p) \text{input}_{ij}",
     "refuted"),                                                               # unscaled dropout
    (r"\mathbb{E}[\text{input}_{ij} \times \text{mask}_{ij}] = \text{mask}_{ij}", "refuted"),
    (r"\mathbb{E}[\text{mask}_{ij}^2] = 1", "refuted"),                       # 1/(1-p)
    # one name whatever the font: \mathrm, \operatorname, \textit are \text's name
    (r"\mathbb{E}[\mathrm{input}_{ij} \, \operatorname{mask}_{ij}] = \textit{input}_{ij}",
     "verified"),
    (r"\mathbb{E}[\mathit{input}_{ij} \, \textrm{mask}_{ij}] = 2\,\mathrm{input}_{ij}", "refuted"),
    # another index is another name, which no directive declares: refused, never a symbol
    (r"\mathbb{E}[\text{input}_{ji}] = \text{input}_{ji}", "error"),
    (r"\mathbb{E}[\text{output}_{ij}] = \text{output}_{ij}", "error"),
    # the word in plain letters beside a word given with indices: never m·a·s·k_{ij}
    (r"\mathbb{E}[mask_{ij}] = 1", "error"),
])
def test_a_word_a_directive_declares_is_a_name(check_text, row, status):
    text = DROPOUT.format(input=r"\text{input}_{ij}", mask=r"\text{mask}_{ij}", row=row)
    assert _statuses(check_text, text) == [status]


@pytest.mark.parametrize("declared", [r"\mathrm{input}_{ij}", r"\operatorname{input}_{ij}",
                                      r"\textit{input}_{ij}"])
def test_the_directive_may_spell_the_word_in_any_of_the_fonts(check_text, declared):
    text = DROPOUT.format(input=declared, mask=r"\mathrm{mask}_{ij}",
                          row=r"\mathbb{E}[\text{input}_{ij} \times \text{mask}_{ij}] = "
                              r"\text{input}_{ij}")
    assert _statuses(check_text, text) == ["verified"]


@pytest.mark.parametrize("row, status", [
    (r"\text{out} + w = w + \mathit{out}", "verified"),
    (r"\text{out} + w = w + out", "verified"),            # plain letters: the declared word
    (r"2 \, \text{out} = out + \mathrm{out}", "verified"),
    (r"\text{out} + w = w + 2\,out", "refuted"),
    (r"\text{loss} + w = w", "error"),                    # undeclared word: refused
])
def test_a_word_without_indices(check_text, row, status):
    assert _statuses(check_text, f"% derive: real \\text{{out}}, w\n$$ {row} $$\n") == [status]


def test_a_word_a_row_defines_is_a_name_below(check_text):
    text = ("% derive: real y, \\hat{y}\n$$ \\mathrm{loss} = (y - \\hat{y})^2 $$\n"
            "$$ 2\\,\\text{loss} = 2 (y - \\hat{y})^2 $$\n$$ \\operatorname{loss} = (y + \\hat{y})^2 $$\n")
    assert _statuses(check_text, text) == ["definition", "verified", "refuted"]


@pytest.mark.parametrize("word", [r"\mathrm{KL}", r"\operatorname{Var}", r"\mathrm{Pr}",
                                  r"\mathrm{Bernoulli}", r"\text{log}", r"\mathrm{max}",
                                  r"\text{for}", r"\text{if}", r"\textrm{where}"])
def test_a_word_derive_reads_itself_is_refused_as_a_declared_name(check_text, word):
    """The word keeps derive's meaning: its declaration is an error at its position, and
    the rest of the file is still checked."""
    result = check_text(f"% derive: real {word}\n% derive: real x\n$$ x + 1 = 1 + x $$\n")
    first, second = result.steps
    assert first.verdict.status == "error"
    assert "cannot be declared a name" in first.step.message or \
        "expected a name" in first.step.message          # Var, log: read as the operator
    assert first.step.location.line == 1
    assert second.verdict.status == "verified"


def test_a_standard_function_may_be_declared_as_its_refusal_asks(check_text):
    text = ("% derive: function \\operatorname{sgn}\n% derive: real x\n"
            "$$ \\operatorname{sgn}(x) + 1 = 1 + \\mathrm{sgn}(x) $$\n")
    assert _statuses(check_text, text) == ["verified"]


UNREAD = "% derive: real {names}\n% derive: real x\n$$ x + 1 = 1 + x $$\n$$ {row} $$\n$$ x + 1 = 2 + x $$\n"


@pytest.mark.parametrize("names, row", [
    (r"\mathrm{KL}, w", "w + 1 = 1 + w"),
    (r"w, \operatorname{Var}", "w + 1 = 1 + w"),
    (r"w, \text{mask}_{ij}, \text{for}", r"\text{mask}_{ij} = \text{mask}_{ij} + w - w"),
])
def test_an_unread_kind_directive_stops_only_the_rows_using_its_names(check_text, names, row):
    """`% derive: real \\mathrm{KL}, w`: an error at the directive; rows using w are errors
    naming its line (never w an unknown), the other rows are checked — true verified,
    false refuted."""
    result = check_text(UNREAD.format(names=names, row=row))
    assert [s.verdict.status for s in result.steps] == ["error", "verified", "error", "refuted"]
    assert result.steps[0].step.location.line == 1
    assert "at line 1 could not be read" in result.steps[2].step.message


@pytest.mark.parametrize("names", [r"\sigma^2, w", r"w, \text{out}^2"])
def test_a_kind_directive_of_a_name_that_is_no_name_still_stops_the_file(check_text, names):
    """`positive \\sigma^2`: left unread, the rows would read σ as an unknown complex
    number (`\\sqrt{\\sigma^2} = \\sigma` refuted for a σ the author meant positive)."""
    from derive.frontend.errors import InputError
    with pytest.raises(InputError):
        check_text(f"% derive: positive {names}\n$$ \\sqrt{{\\sigma^2}} = \\sigma $$\n")


def test_a_kind_directive_giving_a_second_meaning_still_stops_the_file(check_text):
    from derive.frontend.errors import InputError
    with pytest.raises(InputError, match="cannot be declared"):
        check_text("% derive: variable x\n% derive: real x, \\mathrm{KL}\n$$ x = x $$\n")


@pytest.mark.parametrize("row, status", [
    (r"\sum_{i=1}^{n} \text{score}_i = \sum_{j=1}^{n} \mathrm{score}_j", "verified"),
    (r"\text{score}_1 + \text{score}_2 = \text{score}_2 + \text{score}_1", "verified"),
    (r"\text{score}_1 + \text{score}_2 = \text{score}_2 + 2\,\text{score}_1", "refuted"),
    (r"score_1 = \text{score}_1", "error"),                   # s·c·o·r·e_1? refused
])
def test_a_word_declared_as_an_indexed_family(check_text, row, status):
    text = f"% derive: real \\text{{score}}_i for i = 1..n\n$$ {row} $$\n"
    assert _statuses(check_text, text) == [status]

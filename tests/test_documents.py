"""Whole documents: LaTeX with preamble and prose, Markdown/MyST, notebooks — read into
directive and display events whose rows keep each character's origin, so that every step
and every message names the document's own line and column (for notebooks, cell and line)."""

import contextlib
import json

import pytest

from support import unreadable, write
from derive.frontend import InputError, load
from derive.frontend.documents import Directive, Display, read
from derive.frontend.documents.mapped import Mapped

LATEX = r"""\documentclass{article}
\usepackage{amsmath}
\newcommand{\KL}[2]{D_{KL}(#1 \,\|\, #2)}
\newcommand{\E}[2][p]{\mathbb{E}_{x \sim #1}\left[#2\right]}
\DeclareMathOperator{\Ent}{H}
% derive: variable x
% derive: density p, q
\title{Cross-entropy, $H$ and KL}
\begin{document}
\maketitle
The cross-entropy is entropy plus a KL term; $a = b$ here is prose.
\begin{align*}
  \Ent(p, q) &= -\E{\log q(x)} \\
             &= \Ent(p) + \KL{p}{q}.
\end{align*}
A sentence between displays, with 50\% of the words.
\begin{verbatim}
\[ this = is + not + math \]
\end{verbatim}
\begin{equation}
  \KL{p}{q} \ge 0 ,
\end{equation}
% derive: expect refuted
\[ \KL{p}{q} = \KL{q}{p} \]
\begin{gather}
\Ent(p) = -\E{\log p(x)}
\end{gather}
$$ \Ent(q, p) = \Ent(q) + \KL{q}{p} $$
\end{document}
Anything after the end $$ a = + $$ is ignored.
"""


def positions(derivation):
    return [(s.index, s.kind, s.location.line, s.location.column) for s in derivation.steps]


def test_a_latex_document_with_macros_and_prose(tmp_path, check_text):
    derivation = load(write(tmp_path, LATEX, "notes.tex"))
    assert derivation.title == "Cross-entropy, $H$ and KL"
    # each step at the line and column of its right-hand side in the document, macros
    # and all (the reader's columns go through the rows' origin maps)
    assert positions(derivation) == [(1, "equality", 13, 17), (2, "equality", 14, 17),
                                     (3, "relation", 21, 17), (4, "equality", 24, 16),
                                     (5, "equality", 26, 11), (6, "equality", 28, 17)]
    result = check_text(LATEX, "notes.tex")
    assert [(r.step.index, r.verdict.status) for r in result.steps] == [
        (1, "verified"), (2, "verified"), (3, "verified"), (4, "refuted"), (5, "verified"),
        (6, "verified")]
    assert result.ok            # the refuted step is expected


def test_rows_map_every_character_back_to_the_source():
    text = "\\newcommand{\\KL}[2]{D(#1 \\| #2)}\n$$ \\KL{p}{q} = 0 $$\n"
    document = read("x.tex", text)
    (row,) = document.displays[0].rows
    assert " ".join(row.text.split()) == "D(p \\| q) = 0"
    assert text[row.origin(row.text.index("p"))] == "p"          # an argument: its own place
    assert text[row.origin(row.text.index("D"))] == "\\"         # the body: the macro's name
    assert text[row.origin(row.text.index("="))] == "="
    mapped = Mapped.copy("abcdef", 1, 5)[1:3] + Mapped.generated("XY", 0)
    assert mapped.text == "cdXY" and [mapped.origin(i) for i in range(4)] == [2, 3, 0, 0]


def test_a_control_word_joined_to_a_letter_stays_a_control_word():
    """A row rebuilt from pieces (`H \\Rightarrow Q \\Rightarrow y = …` is H ⇒ Q and H ⇒
    y = …, its premise joined to each claim) read `\\Rightarrowy` when the claim began
    with a letter: joining text that ends in a control word to a letter keeps a space."""
    joined = Mapped.copy("a \\Rightarrow", 0, 13) + Mapped.copy("y = 1", 0, 5)
    assert joined.text == "a \\Rightarrow y = 1"
    assert (Mapped.copy("a \\\\", 0, 4) + Mapped.copy("y", 0, 1)).text == "a \\\\y"  # a break
    assert (Mapped.copy("\\,", 0, 2) + Mapped.copy("y", 0, 1)).text == "\\,y"


def test_an_error_after_an_expanded_macro_points_at_the_document(tmp_path):
    text = "\\newcommand{\\half}{\\frac{1}{2}}\n% derive: positive a\n\\[ \\half a = + * a \\]\n"
    (step,) = load(write(tmp_path, text, "e.tex")).steps
    assert step.kind == "unreadable"
    assert (step.location.line, step.location.column) == (3, 16)  # the '*', not a shifted spot
    assert step.source_line[step.location.column - 1] == "*"


@pytest.mark.parametrize("definition, message", [
    ("\\def\\R{\\mathbb{R}}", "\\R is defined with \\def (line 1)"),
    ("\\newcommand{\\R}{\\R + 1}", "\\R is defined with a recursive \\newcommand"),
])
def test_macros_derive_does_not_expand_are_errors_where_used(tmp_path, definition, message):
    text = definition + "\n% derive: variable x\n\\[ a = \\R \\]\n"
    with pytest.raises(InputError) as err:
        load(write(tmp_path, text, "m.tex"))
    assert message in err.value.message and (err.value.line, err.value.column) == (3, 8)


def test_mutually_recursive_macros_stop_with_an_error(tmp_path):
    text = "\\newcommand{\\A}{\\B}\n\\newcommand{\\B}{\\A}\n\\[ a = \\A \\]\n"
    with pytest.raises(InputError, match="they call each other"):
        load(write(tmp_path, text, "r.tex"))


def test_macros_that_double_at_every_level_stop_with_an_error_at_the_call(tmp_path):
    names = "abcdefghijklmnopq"
    text = "\\newcommand{\\a}{x+x}\n" + "".join(
        f"\\newcommand{{\\{b}}}{{\\{a}\\{a}}}\n" for a, b in zip(names, names[1:]))
    text += "% derive: real x\n\\[ \\q = x \\]\n"
    with pytest.raises(InputError, match="grow at every level") as err:
        load(write(tmp_path, text, "d.tex"))
    assert (err.value.line, err.value.column) == (len(names) + 2, 4)


def test_frac_with_three_digits_asks_for_braces(tmp_path):
    [(message, line, column)] = unreadable(load(write(tmp_path, "% derive: real x\n$$x = \\frac123$$\n", "f.tex")))
    assert "ambiguous" in message and (line, column) == (2, 7)


@pytest.mark.parametrize("text, line", [("# t\n\n$$x + x = 2x\n\nmore\n", 3),
                                        ("# t\n\n\\begin{align}\nx &= x\n", 3)])
def test_unclosed_math_in_markdown_is_an_error_where_it_opens(tmp_path, text, line):
    with pytest.raises(InputError, match="is not closed") as err:
        load(write(tmp_path, text, "u.md"))
    assert (err.value.line, err.value.column) == (line, 1)


def test_inline_math_only_when_asked(tmp_path):
    text = "% derive: positive a\nProse $a = a$ and\n\\[ a = a \\]\n% derive: check inline\nthen $2a = a + a$.\n"
    derivation = load(write(tmp_path, text, "i.tex"))
    assert [(s.location.line, s.latex) for s in derivation.steps] == [(3, "a"), (5, "a + a")]
    with pytest.raises(InputError, match="did you mean 'inline'"):
        load(write(tmp_path, "% derive: check inlne\n\\[ a = a \\]\n", "j.tex"))


@pytest.mark.parametrize("name, text, expected", [
    # a paragraph that is one `$…$` (trailing comma inside or outside) or `\\(…\\)`
    ("h.tex", "% derive: positive a\n$2a = a + a,$\n\nProse $a = 2a$ here.\n", [(2, 7, "a + a")]),
    ("g.tex", "% derive: positive a\n\\[ a = a \\]\n  \\( 3a = a + 2a \\).\n", [(2, 8, "a"), (3, 11, "a + 2a")]),
    ("m.md", "<!-- derive: positive a -->\n$2a = a + a$,\n\nText\n$a = 2a$\n", [(2, 7, "a + a")]),
    # beside prose (above, below or on its line) or beside other inline math: prose
    ("p.tex", "% derive: positive a\n\\[ a = a \\]\nSo\n$a = 2a$\n\n$a = 3a$\nthus.\n\n$a = 4a$ and $a = 5a$\n",
     [(2, 8, "a")]),
    # a paragraph of lines that are each one `$…$` (a Q&A answer's lines, s24a): displays
    ("s.md", "<!-- derive: positive a -->\n$2a = a + a$\n$3a = 2a + a$.\n\n", [(2, 7, "a + a"), (3, 7, "2a + a")]),
    # …but not when prose is one of its lines, or two maths share a line
    ("t.md", "<!-- derive: positive a -->\n$2a = a + a$\n$3a = 2a + a$\nso\n\n$a = a$ $a = 2a$\n$a = 3a$\n\n$$ a = a $$\n",
     [(9, 8, "a")]),
])
def test_inline_math_alone_in_its_paragraph_is_a_display(tmp_path, name, text, expected):
    """An author who sets one formula apart in `$…$` or `\\(…\\)` (Wikipedia's Hellinger
    distance, a blog's `\\( E[x]^2 = a^2/b^2. \\)`, lines that are each one `$…$`) writes a
    display: read as one, at its own positions; inline math within prose stays prose."""
    derivation = load(write(tmp_path, text, name))
    assert [(s.location.line, s.location.column, s.latex) for s in derivation.steps] == expected


def test_a_directive_inside_a_display_splits_it(tmp_path):
    text = ("% derive: density p, q\n\\begin{align*}\nD_{KL}(p \\| q) &\\ge 0 \\\\\n"
            "% derive: expect refuted\n&= D_{KL}(q \\| p)\n\\end{align*}\n")
    document = read("s.tex", text)
    kinds = [type(e).__name__ for e in document.events]
    assert kinds == ["Directive", "Display", "Directive", "Display"]
    derivation = load(write(tmp_path, text, "s.tex"))
    assert [s.expect for s in derivation.steps] == ["", "refuted"]


def test_unclosed_display_is_a_positioned_error(tmp_path):
    with pytest.raises(InputError) as err:
        load(write(tmp_path, "\\documentclass{article}\n\\begin{document}\nText \\[ a = b\n", "u.tex"))
    assert (err.value.line, err.value.column) == (3, 6) and "not closed" in err.value.message


MYST = r"""---
title: Entropy and KL
kernelspec:
  name: python3
derive:
  - variable x
  - density p, q
---

# Ignored heading: the front matter names the page

Prose with inline $D_{KL}(p \| q) = 0$ (not checked) and `$$ code $$`.

```python
s = "$$ a = + $$"
```

$$
H(p, q) = -\int p(x) \log q(x) \, dx
$$

:::{note}
A note whose body is Markdown:
```{math}
:label: ce
:nowrap: false
:class: wide
H(p, q) = H(p) + D_{KL}(p \| q)
```
:::

% a MyST comment line; the next one is a directive
<!-- derive: expect refuted -->
\begin{align}
D_{KL}(p \| q) &= D_{KL}(q \| p).
\end{align}

```{code-cell} python
x = "$$ b = + $$"
```

```math
H(p) = -\mathbb{E}_{x \sim p}\left[\log p(x)\right]
```
"""


def test_a_myst_page(tmp_path, check_text):
    path = write(tmp_path, MYST, "page.md")
    derivation = load(path)
    assert derivation.title == "Entropy and KL"
    assert positions(derivation) == [(1, "equality", 19, 11), (2, "equality", 28, 11),
                                     (3, "equality", 35, 19), (4, "equality", 43, 8)]
    result = check_text(MYST, "page.md")
    assert [r.verdict.status for r in result.steps] == ["verified", "verified", "refuted", "verified"]
    assert result.ok


def test_front_matter_as_a_mapping_and_marked_blocks(tmp_path):
    text = ("---\nderive:\n  density: [p, q]\n  check: marked\n---\n"
            "$$ H(p) = + $$\n\n```{derive}\nH(p, q) = H(p) + D_{KL}(p \\| q)\n```\n")
    derivation = load(write(tmp_path, text, "m.md"))
    assert positions(derivation) == [(1, "equality", 9, 11)]


def test_markdown_errors_name_the_page_line(tmp_path):
    (step,) = load(write(tmp_path, "Text.\n\n$$\na = + *\n$$\n", "bad.md")).steps
    assert (step.kind == "unreadable" or step.unread) and \
        (step.location.line, step.location.column) == (4, 7)


def notebook(cells):
    return json.dumps({"cells": [
        {"cell_type": kind, "metadata": {}, "source": source,
         **({"outputs": [], "execution_count": None} if kind == "code" else {})}
        for kind, source in cells], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1)


NOTEBOOK = notebook([
    ("markdown", ["# KL is not symmetric\n", "<!-- derive: density p, q -->\n"]),
    ("code", ["x = '$$ a = + $$'\n"]),
    ("markdown", ["The cross-entropy:\n", "$$\n", "H(p, q) = H(p) + D_{KL}(p \\| q)\n", "$$\n"]),
    ("markdown", ["<!-- derive: expect refuted -->\n", "$$ D_{KL}(p \\| q) = D_{KL}(q \\| p) $$"]),
])


def test_a_notebook_positions_are_cell_and_line(tmp_path, check_text):
    derivation = load(write(tmp_path, NOTEBOOK, "nb.ipynb"))
    assert derivation.title == "KL is not symmetric"
    assert [(s.location.cell, s.location.line, s.location.column) for s in derivation.steps] == [
        (3, 3, 11), (4, 2, 21)]
    result = check_text(NOTEBOOK, "nb.ipynb")
    assert [r.verdict.status for r in result.steps] == ["verified", "refuted"] and result.ok


def test_a_notebook_error_names_the_cell(tmp_path, cli):
    text = notebook([("markdown", ["<!-- derive: density p -->"]), ("code", ["1"]),
                     ("markdown", ["Then\n", "$$ H(p) = + * $$"])])
    code, _, err = cli("check", write(tmp_path, text, "bad.ipynb"))
    assert code == 2 and "bad.ipynb: cell 3, line 2, column 13: error:" in err
    code, out, _ = cli("check", "--format", "json", tmp_path / "bad.ipynb")
    (row,) = json.loads(out)["derivations"][0]["steps"]
    assert row["verdict"] == "error"
    assert (row["cell"], row["line"], row["column"]) == (3, 2, 13)
    with pytest.raises(InputError, match="malformed JSON"):
        load(write(tmp_path, "{not json", "broken.ipynb"))


def test_events_are_the_one_uniform_result():
    for name, text in (("a.tex", "% derive: density p\n\\[ H(p) = H(p) \\]\n"),
                       ("a.md", "<!-- derive: density p -->\n$$ H(p) = H(p) $$\n"),
                       ("a.ipynb", notebook([("markdown", ["<!-- derive: density p -->\n$$ H(p) = H(p) $$"])]))):
        document = read(name, text)
        directive, display = document.events
        assert isinstance(directive, Directive) and (directive.keyword, directive.body) == ("density", "p")
        assert isinstance(display, Display) and display.rows[0].text.strip() == "H(p) = H(p)"


def test_markdown_inline_math_when_asked(tmp_path):
    text = ("<!-- derive: positive a -->\nProse $a = a$, a price of \\$5 and `$x = + $`.\n\n"
            "<!-- derive: check inline -->\nNow $2a = a + a$ and {math}`3a = a + 2a` are checked.\n")
    derivation = load(write(tmp_path, text, "inline.md"))
    assert [(s.location.line, s.location.column, s.latex) for s in derivation.steps] == [
        (5, 11, "a + a"), (5, 34, "a + 2a")]


def test_markdown_paren_inline_math_when_asked(tmp_path):
    """`\\(…\\)` (MathJax's inline math: Hexo blogs, Ruthless338's ELBO) is inline math like
    `$…$`: skipped unless asked, then checked; `\\\\(` and one unclosed in its paragraph
    are prose."""
    text = ("<!-- derive: positive a -->\nProse \\(a = a\\) here.\n\n"
            "<!-- derive: check inline -->\nNow \\( 2a = a + a \\) and \\(3a = 2a\\), "
            "`\\(x = +\\)`, \\\\(b = \\) and \\( a = a\n\nthen \\).\n")
    derivation = load(write(tmp_path, text, "inline.md"))
    assert [(s.location.line, s.location.column, s.latex) for s in derivation.steps] == [
        (5, 13, "a + a"), (5, 33, "2a")]
    from derive.api import check
    result = check(derivation)
    assert [r.verdict.status for r in result.steps] == ["verified", "refuted"]


def test_unclosed_and_repeated_openers_cost_one_pass():
    """Nothing hangs: a page of openers that never close is read in linear time."""
    import time
    pages = ("text $ a `` d <!-- \\( " * 20000, "```\ncode\n```\n" * 20000,
             "text `` d $$ a $$ \\begin{align} c \\end{align} " * 20000 + "$$ never closed")
    for text in pages:
        began = time.monotonic()
        with contextlib.suppress(InputError):           # an unclosed $$ is an error, at its end
            read("big.md", text)
        assert time.monotonic() - began < 5


# ---------------------------------------------------------------- macros as LaTeX defines them
DOC = "\\documentclass{article}\n%s\n\\begin{document}\n%s\n\\end{document}\n"


@pytest.mark.parametrize("preamble, math, verdict, reading", [
    # \providecommand of a command LaTeX has does nothing: log 0 = 1 is what the PDF says
    ("\\providecommand{\\log}{\\exp}", "\\[ \\log 1 = 0 \\]", "verified", "log(1) = 0"),
    ("\\providecommand{\\frac}[2]{#1 + #2}", "\\[ \\frac{4}{2} = 2 \\]", "verified", "4 / 2 = 2"),
    # … but one the document has not defined yet is defined
    ("\\providecommand{\\two}{2}\\providecommand{\\two}{3}", "\\[ \\two = 2 \\]", "verified", "2 = 2"),
    # the same definition twice (a notebook's cells repeat them) is one definition
    ("\\newcommand{\\R}{2}\\newcommand{\\R}{2}", "\\[ \\R = 2 \\]", "verified", "2 = 2"),
    # a command outside derive's functions and operators may be redefined
    ("\\renewcommand{\\epsilon}{\\varepsilon}", "\\[ \\epsilon = \\varepsilon \\]", "verified", "ε = ε"),
])
def test_definitions_of_existing_commands_follow_latex(check_text, preamble, math, verdict, reading):
    (step,) = check_text(DOC % (preamble, math), "m.tex").steps
    assert (step.verdict.status, step.step.reading) == (verdict, reading)


@pytest.mark.parametrize("preamble, message, line", [
    ("\\newcommand{\\log}{\\exp}", "\\log is already defined by LaTeX: LaTeX refuses", 2),
    ("\\DeclareMathOperator{\\det}{D}", "\\det is already defined by LaTeX", 2),
    ("\\newcommand{\\x}{2}\n\\newcommand{\\x}{3}", "\\x is already defined (line 2)", 3),
])
def test_newcommand_of_an_existing_command_is_an_error_at_the_definition(tmp_path, preamble, message, line):
    with pytest.raises(InputError) as err:
        load(write(tmp_path, DOC % (preamble, "\\[ \\log 1 = 0 \\]"), "n.tex"))
    assert message in err.value.message and (err.value.line, err.value.column) == (line, 1)


@pytest.mark.parametrize("name, text", [
    ("r.tex", DOC % ("\\renewcommand{\\log}{\\exp}", "\\[ \\log 0 = 1 \\]")),
    ("r.tex", DOC % ("\\renewcommand{\\int}{\\sum}", "\\[ \\int 0 = 0 \\]")),
    # MathJax redefines with \newcommand: a Markdown page's \newcommand{\sin} is a redefinition
    ("r.md", "$$\\newcommand{\\sin}{\\cos}$$\n\n$$ \\log 0 = 1 $$\n$$ \\sin 0 = 1 $$\n"),
])
def test_redefining_a_function_derive_reads_is_refused_where_it_is_used(tmp_path, name, text):
    with pytest.raises(InputError) as err:
        load(write(tmp_path, text, name))
    assert "only in its standard meaning" in err.value.message
    assert err.value.source_line[err.value.column - 1:].startswith(("\\log", "\\int", "\\sin"))


def test_mathjax_pages_may_redefine_other_commands_with_newcommand(check_text):
    (step,) = check_text("$$\\newcommand{\\vec}[1]{\\mathbf{#1}}$$\n\n$$ \\vec{a} + a = 2a $$\n", "v.md").steps
    assert step.verdict.status == "verified"


@pytest.mark.parametrize("math", [
    "2 &= 2 \\\\x &= x",            # \\x: a row break, then the letter x (never the macro \x)
    "2 &= 2 \\\\\\x &= \\x",       # \\ then \x: the macro
])
def test_macros_are_expanded_token_by_token(check_text, math):
    text = DOC % ("\\newcommand{\\x}{y}", "\\begin{align}\n%s\n\\end{align}" % math)
    result = check_text(text, "t.tex")
    assert [r.verdict.status for r in result.steps] == ["verified", "verified"]
    assert result.steps[1].step.reading in ("x = x", "y = y")


def test_macros_are_expanded_in_directives_as_in_the_math(check_text, tmp_path):
    text = DOC % ("\\newcommand{\\pr}{p_r}\n\\newcommand{\\half}{\\frac{1}{2}}\n% derive: variable x\n"
                  "% derive: density \\pr\n% derive: title The \\pr{} page",
                  "\\[ \\int \\pr(x) \\, dx = 1 \\]\n% derive: real a\n% derive: assume a = \\half\n\\[ a + a = 1 \\]")
    result = check_text(text, "d.tex")
    assert [r.verdict.status for r in result.steps] == ["verified", "verified"]
    assert result.derivation.title == "The \\pr{} page"          # a title is prose
    with pytest.raises(InputError) as err:
        load(write(tmp_path, text.replace("\\newcommand{\\pr}", "\\def\\pr"), "e.tex"))
    assert "\\pr is defined with \\def" in err.value.message
    assert (err.value.line, err.value.column) == (5, 19)         # the \pr of the directive


# ------------------------------------------------ what TeX and CommonMark do not read is skipped
@pytest.mark.parametrize("skipped", [
    "\\begin{verbatim}\n% derive: expect refuted\n\\[ 1 = 3 \\]\n\\end{verbatim}",
    "\\begin{lstlisting}\n% derive: expect refuted\n\\end{lstlisting}",
    "\\begin{minted}{latex}\n% derive: expect refuted\n\\end{minted}",
    "\\begin{comment}\n% derive: expect refuted\n\\[ 1 = 3 \\]\n\\end{comment}",
    "\\iffalse\n% derive: expect refuted\n\\[ 1 = 3 \\]\n\\ifx a b \\fi \\iff\n\\fi",
    "\\verb|% derive: expect refuted|",
    "\\url{http://example.org/% derive: expect refuted}",
    "50\\% derive: expect refuted",
])
def test_directives_and_math_tex_does_not_read_are_skipped(tmp_path, skipped):
    derivation = load(write(tmp_path, DOC % ("", skipped + "\n\\[ 2 + 2 = 5 \\]"), "v.tex"))
    (step,) = derivation.steps                      # only the real display, not expected
    assert (step.latex, step.expect, step.location.line) == ("5", "", skipped.count("\n") + 5)


def test_the_else_of_iffalse_is_read():
    document = read("e.tex", DOC % ("", "\\iffalse \\[ 1 = 3 \\] \\else \\[ 3 = 3 \\] \\fi"))
    assert [r.text.strip() for d in document.displays for r in d.rows] == ["3 = 3"]


@pytest.mark.parametrize("text, message, column", [
    ("\\verb|% no close\n\\[ 1 = 1 \\]", "this \\verb is not closed on its line: no |", 1),
    ("\\iffalse \\[ 1 = 1 \\]", "this \\iffalse is not closed", 1),
])
def test_unclosed_skipped_regions_are_errors_where_they_open(tmp_path, text, message, column):
    with pytest.raises(InputError) as err:
        load(write(tmp_path, DOC % ("", text), "u.tex"))
    assert message in err.value.message and (err.value.line, err.value.column) == (4, column)


def test_comments_are_found_token_by_token(check_text):
    # `\\%` is a row break then a comment; `\verb|%|` prints a percent sign, no comment
    text = DOC % ("", "\\begin{align}\na + a &= 2a \\\\% a comment: x = 7\n &= 3a - a\n\\end{align}\n"
                  "A comment starts with \\verb|%|. Then\n\\[ 1 + 1 = 2 \\]\nand $p(x|y)$ is prose.")
    result = check_text(text, "c.tex")
    assert [(r.step.latex, r.verdict.status) for r in result.steps] == [
        ("2a", "verified"), ("3a - a", "verified"), ("2", "verified")]


@pytest.mark.parametrize("page", [
    "# N\n\nWrite:\n\n    <!-- derive: expect refuted -->\n\nNow:\n\n$$ 2 + 2 = 5 $$\n",
    "# N\n\nWrite:\n\n    % derive: expect refuted\n    $$ 1 = 3 $$\n\nNow:\n\n$$ 2 + 2 = 5 $$\n",
    "# N\n\nWrite:\n\n\t$$ 1 = 3 $$\n\n- a list item\n\n      $$ 1 = 3 $$\n\n$$ 2 + 2 = 5 $$\n",
    "# N\n\n```latex\n% derive: expect refuted\n$$ 1 = 3 $$\n```\n\n$$ 2 + 2 = 5 $$\n",
])
def test_markdown_code_blocks_are_skipped_with_their_directives(tmp_path, page):
    (step,) = load(write(tmp_path, page, "c.md")).steps
    assert (step.latex, step.expect) == ("5", "")


def test_indented_lines_that_are_not_code_are_read(tmp_path):
    page = ("1. A list item:\n\n    $$ 3 = 3 $$\n\n$$\na = a\n\n    + 0\n$$\n"
            "Text\n    $$ 4 = 4 $$\n")
    derivation = load(write(tmp_path, page, "l.md"))
    assert [s.latex for s in derivation.steps] == ["3", "a + 0", "4"]


@pytest.mark.parametrize("name, text", [
    ("h.tex", "\\begin{align}\nx^2 - 1 &= 0 \\quad \\text{for $x = 1$} \\\\\n"
              "a + a &= 2a \\quad \\text{for every $a$} \\tag{$\\star_{1}$} \\\\\n &= a + a\n\\end{align}"),
    ("h.md", "$$\nx^2 - 1 = 0 \\quad \\mbox{if $x = 1$}\n$$\n"
             "$$\na + a = 2a \\quad \\text{for every $a$} \\tag{$\\star$}\n$$\n$$ 1 = 1 $$\n"),
])
def test_math_inside_text_in_a_display_is_a_side_remark(check_text, name, text):
    result = check_text(DOC % ("", text) if name.endswith(".tex") else text, name)
    assert [r.verdict.status for r in result.steps] == ["verified"] * 3
    assert result.steps[0].step.reading == "x = 1 ⇒ x^2 - 1 = 0"


def test_a_remark_whose_text_math_states_a_relation_is_refused(tmp_path):
    text = DOC % ("", "\\[ x^2 - 1 = 0 \\quad \\text{hence $x = 1$} \\]")
    [(message, line, column)] = unreadable(load(write(tmp_path, text, "w.tex")))
    assert "a remark whose math states a relation is not read" in message and (line, column) == (4, 35)


@pytest.mark.parametrize("name, text, where, message", [
    ("k.md", "---\ntitle: x\nderive:\n  ? [density]\n  : p, q\n---\n$$ 1 = 1 $$\n", "k.md:4:5",
     "each key under derive: is a directive's name"),
    ("s.ipynb", notebook([("markdown", [1, 2])]), "s.ipynb", "cell 1: its source is not text"),
    ("n.ipynb", notebook([("markdown", None)]), "n.ipynb", "cell 1: its source is not text"),
])
def test_malformed_document_shapes_are_positioned_errors(tmp_path, cli, name, text, where, message):
    code, _, err = cli("check", "--no-cache", write(tmp_path, text, name))
    assert code == 2 and f"{where}: error: {message}" in err and "internal error" not in err


@pytest.mark.parametrize("data, where, shown", [
    # a tab is one column and shows as a space, so the caret stands under the ⊕ (a
    # character derive has no spelling for) — and, after Greek letters it spells as
    # commands, under the author's \det
    ("% derive: variable x\n\\begin{align}\n\t⊕β\t&= \\det x\n\\end{align}\n".encode(), "t.tex:3:2",
     "   ⊕β &= \\det x\n   ^"),
    ("% derive: variable x\n\\begin{align}\n\tαβ\t&= \\det x\n\\end{align}\n".encode(), "t.tex:3:8",
     "   αβ &= \\det x\n         ^"),
    # a byte-order mark is not a column; a carriage return is not shown
    ("\ufeff$$ a = \\det a $$\r\n".encode(), "t.tex:1:8", "  $$ a = \\det a $$\n         ^"),
    ("% derive: variable x\r\n$$\r\na = a\r\n  &= \\det a\r\n$$\r\n".encode(), "t.tex:4:6",
     "    &= \\det a\n       ^"),
])
def test_carets_stand_under_the_column_whatever_the_line_holds(tmp_path, cli, data, where, shown):
    path = tmp_path / "t.tex"
    path.write_bytes(data)
    code, _, err = cli("check", "--no-cache", path)
    assert code == 2 and f"{where}: error:" in err and shown in err and "\\x" not in err


@pytest.mark.parametrize("cells, where", [
    ([("code", ["x=1"]), ("markdown", ["$$ 1 = 1 $$"]), ("markdown", ["<!-- derive: densty p -->"])],
     "cell 3, line 1, column 14: error: unknown directive 'densty'; did you mean 'density'?"),
    ([("code", ["x=1"]), ("markdown", ["# T\n", "$$ a = b"])],
     "cell 2, line 2, column 1: error: this math is not closed"),
])
def test_a_notebook_file_error_names_its_cell(tmp_path, cli, cells, where):
    path = write(tmp_path, notebook(cells), "f.ipynb")
    code, _, err = cli("check", "--no-cache", path)
    assert code == 2 and where in err
    _, out, _ = cli("check", "--no-cache", "--format", "json", path)
    (error,) = json.loads(out)["errors"]
    assert error["cell"] == int(where.split()[1].rstrip(","))


@pytest.mark.parametrize("line, message", [
    ("% derive: Expect refuted", "unknown directive 'Expect'; did you mean 'expect'?"),
    ("% derive: expect-refuted", "unknown directive 'expect-refuted'; did you mean 'expect refuted'?"),
    ("% derive: expect refute", "expect takes one of: refuted, undecided; did you mean 'refuted'?"),
    ("<!-- derive: Density p -->", "unknown directive 'Density'; did you mean 'density'?"),
])
def test_directive_typos_get_a_did_you_mean(tmp_path, line, message):
    name = "t.md" if line.startswith("<") else "t.tex"
    with pytest.raises(InputError) as err:
        load(write(tmp_path, line + "\n$$ 1 = 2 $$\n", name))
    assert err.value.message == message and err.value.line == 1


def test_a_long_line_of_dollars_is_read_in_linear_time():
    import time
    for text in ("$x " * 600000, "$x $y$ " * 100000):     # openers whose closer is far, or near
        began = time.monotonic()
        read("long.md", text)
        assert time.monotonic() - began < 5


@pytest.mark.parametrize("rows, expected", [
    ((r"(a+b)^2 = a^2 + 2ab + b^2 =", r"&= b^2 + 2ab + a^2"), ["verified", "verified"]),
    ((r"(a+b)^2 = a^2 + 2ab + b^2 &=", r"&= b^2 + a^2"), ["verified", "refuted"]),
    ((r"a^2 + b^2 \ge 2ab \geq", r"& \ge 2ab - 1"), ["verified", "verified"]),
    ((r"a^2 + b^2 \ge 2ab \ge", r"\ge 2ab + 1"), ["verified", "refuted"]),
])
def test_a_relation_ending_a_row_and_starting_the_next_is_stated_once(check_text, rows,
                                                                     expected):
    from support import verdicts
    text = "% derive: real a, b\n\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"
    assert verdicts(check_text(text)) == expected


def test_a_relation_ending_a_row_before_another_relation_is_refused(tmp_path):
    text = "% derive: real a, b\n\\begin{align*}\na = a \\le \\\\\n&= a\n\\end{align*}\n"
    (message, line, column) = unreadable(load(write(tmp_path, text)))[0]
    assert line == 3 and "ends too early" in message


@pytest.mark.parametrize("math, status", [
    ("a ≤ a + 1", "verified"), ("a ≥ a + 1", "refuted"), ("a ⩽ a", "verified"),
    ("∑_{i=1}^{2} i = 3", "verified"), ("∑_{i=1}^{2} i = 4", "refuted"),
    ("∫_0^1 a \\, da = \\frac12", "verified"), ("α·β − β×α = 0", "verified"),
    ("α + β = β − α", "refuted"), ("\\lim_{a → ∞} \\frac{1}{a} = 0", "verified"),
    ("(a – β)^2 = a^2 – 2aβ + β^2", "verified"), ("a – β = β – a", "refuted"),
    ("a ‒ a = 0", "verified"), ("a － β = β － a", "refuted"),   # dashes pasted as minus
])
def test_unicode_math_characters_read_as_the_commands_they_print_as(check_text, math, status):
    result = check_text("% derive: real a, α, β\n$$ " + math + " $$\n")
    assert [r.verdict.status for r in result.steps] == [status]


def test_a_unicode_parallel_in_a_divergence_and_a_unicode_error_keeps_its_position(tmp_path,
                                                                                   check_text):
    head = "% derive: variable x\n% derive: density p, q\n"
    result = check_text(head + "$$ D_{KL}(p∥q) = \\int p(x) \\log \\frac{p(x)}{q(x)} \\, dx $$\n")
    assert [r.verdict.status for r in result.steps] == ["verified"]
    result = check_text(head + "$$ D_{KL}(p‖q) = \\int q(x) \\log \\frac{q(x)}{p(x)} \\, dx $$\n")
    assert [r.verdict.status for r in result.steps] == ["refuted"]
    # ≈ is \approx (not checked), and a character without a spelling stays refused: both at
    # the author's character, after the characters spelled before it on the row
    ((message, line, column),) = unreadable(load(write(tmp_path, "% derive: real a\n$$ α ≈ a $$\n")))
    assert "\\approx" in message and (line, column) == (2, 6)
    ((message, line, column),) = unreadable(load(write(tmp_path, "% derive: real a\n$$ α = a ⊕ a $$\n")))
    assert "'⊕'" in message and (line, column) == (2, 10)


E_MACRO = """\
% derive: variable x
% derive: density p, q over x
{definition}
$$ \\E_{{q(x)}} \\frac{{p(x)}}{{q(x)}} = 1 $$
$$ \\E_{{q(x)}} \\frac{{p(x)}}{{q(x)}} = 2 $$
"""


@pytest.mark.parametrize("definition", [
    "",                                                   # undefined: the expectation
    "\\newcommand{\\E}{\\mathbb{E}}",
    "\\DeclareMathOperator{\\E}{\\mathbb{E}}",
    "\\providecommand{\\E}{\\mathbb{E}}",
])
def test_backslash_e_is_the_expectation_unless_the_file_says_otherwise(check_text, definition):
    result = check_text(E_MACRO.format(definition=definition), "notes.tex")
    assert [r.verdict.status for r in result.steps] == ["verified", "refuted"]


def test_a_file_s_own_backslash_e_wins_over_the_convention(check_text):
    # \E defined as something else is that, never the expectation
    text = E_MACRO.format(definition="\\newcommand{\\E}{2}")
    assert [r.verdict.status for r in check_text(text, "notes.tex").steps] != \
        ["verified", "refuted"]


def test_backslash_e_in_markdown_is_the_expectation(check_text):
    text = ("<!-- derive: variable x -->\n<!-- derive: density p, q over x -->\n\n"
            "$$ \\E_{q(x)} \\frac{p(x)}{q(x)} = 1 $$\n\n$$ \\E_{q} 1 = 2 $$\n")
    assert [r.verdict.status for r in check_text(text, "notes.md").steps] == [
        "verified", "refuted"]


@pytest.mark.parametrize("definition", [
    # attack round 20 (atkN #1): commands that define \E though derive does not expand them
    "\\DeclareRobustCommand{\\E}{2}", "\\ProvideDocumentCommand{\\E}{}{2}",
    "\\NewCommandCopy{\\E}{\\relax}", "\\DeclareTextCommand{\\E}{OT1}{2}",
])
def test_backslash_e_defined_by_any_command_is_never_the_convention(check_text, definition):
    with pytest.raises(InputError, match=r"\\E is defined with"):
        check_text(E_MACRO.format(definition=definition), "notes.tex")


def test_backslash_e_named_by_a_mathjax_configuration_is_never_the_convention(check_text):
    text = ("<script>MathJax = {tex: {macros: {E: '2'}}};</script>\n\n"
            "<!-- derive: variable x -->\n<!-- derive: density p, q over x -->\n\n"
            "$$ \\E_{q(x)} \\frac{p(x)}{q(x)} = 1 $$\n")
    assert [r.verdict.status for r in check_text(text, "notes.md").steps] == ["error"]


SIZED = r"""
% derive: variables x
$$\displaystyle \Huge \begin{eqnarray}
(x+1)^2 &=& x^2+2x+1 \\
&=& x^2+2x+{SLOT} \\
\end{eqnarray}$$
$$\displaystyle \large (x-1)^2 = x^2-2x+1$$
\[ \small x^2 - 1 = (x-1)(x+1) \]
"""


@pytest.mark.parametrize("last, verdict", [("1", "verified"), ("2", "refuted")])
def test_print_sizes_in_math_are_set_aside(check_text, last, verdict):
    """`\\Huge`, `\\large`, `\\small` (MathJax takes them in math; blogs write them after
    `\\displaystyle`) only set the print size: set aside as `\\displaystyle` is, before an
    environment too (the rest of the display before `\\begin{eqnarray}` is then empty, no
    row). What they size is read: a false row stays refuted."""
    result = check_text(SIZED.replace("{SLOT}", last))
    assert [s.verdict.status for s in result.steps] == ["verified", verdict, "verified",
                                                        "verified"]


def test_the_style_switches_layout_sets_aside_the_grammar_ignores():
    """layout.STYLES and the grammar's SPACING name the same switches: one list."""
    import re
    from derive.frontend.latex.parse import parse_row
    from derive.frontend.layout import STYLES
    names = re.findall(r"[A-Za-z]+", STYLES.replace("(?:", "").replace("display|text|script|"
                                                                       "scriptscript)style", ""))
    names += ["displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle"]
    for name in names:
        assert parse_row(f"\\{name} a = b") == parse_row("a = b"), name


SPACED = r"""
% derive: variables x
\[
\,\\
(x+1)^2 = x^2 + 2x + {SLOT}
\\ \,\\
\]
\begin{align}
\,\\
(x-1)^2 &= x^2 - 2x + 1 \\
\quad \\
&= (x - 1)(x - 1)
\end{align}
"""


@pytest.mark.parametrize("last, verdict", [("1", "verified"), ("3", "refuted")])
def test_rows_of_spacing_only_are_no_rows(check_text, last, verdict):
    """A blog's `\\,\\\\` (a row holding only spacing) at the start or end of a display, or
    between rows of an align, is no row — it was read as an empty formula ("the formula
    ends too early"). The rows around it are read as written, the chain across it going
    on: a false row is still refuted."""
    result = check_text(SPACED.replace("{SLOT}", last))
    assert [s.verdict.status for s in result.steps] == [verdict, "verified", "verified"]


D_AND_R_MACROS = """\
% derive: variable x
% derive: density p, q over x
{definition}
$$ \\int \\frac{{p(x)}}{{q(x)}} q(x) \\d x = 1 $$
$$ \\int p(x)\\ \\d x = 2 $$
$$ \\int_0^1 x \\, \\d x = \\frac{{1}}{{2}} $$
"""


@pytest.mark.parametrize("definition", ["", "\\newcommand{\\d}{\\mathrm{d}}",
                                        "\\renewcommand{\\d}{\\mathrm{d}}"])
def test_backslash_d_before_a_variable_is_the_differential(check_text, definition):
    # chunxy's notes write `\ \d x` (the site's MathJax defines \d out of sight)
    result = check_text(D_AND_R_MACROS.format(definition=definition), "notes.tex")
    assert [r.verdict.status for r in result.steps] == ["verified", "refuted", "verified"]


def test_a_file_s_own_backslash_d_wins_over_the_convention(check_text):
    text = D_AND_R_MACROS.format(definition="\\renewcommand{\\d}{2}")
    assert [r.verdict.status for r in check_text(text, "notes.tex").steps] != \
        ["verified", "refuted", "verified"]


@pytest.mark.parametrize("row", ["\\d + 1 = 2", "x\\d = 2x", "\\d{o} = 1"])
def test_backslash_d_before_no_variable_is_refused(check_text, row):
    # only a variable, a power or a group's end may follow the differential: elsewhere
    # (LaTeX's underdot accent \d{o}, a letter d?) it is never read
    text = f"% derive: real x\n$$ {row} $$\n"
    assert [r.verdict.status for r in check_text(text, "notes.tex").steps] == ["error"]


def test_backslash_r_is_the_real_line(check_text):
    text = ("$$ \\max_{t \\in \\R} (-t^2) = 0 $$\n$$ \\max_{t \\in \\R} (-t^2) = 1 $$\n")
    assert [r.verdict.status for r in check_text(text, "notes.tex").steps] == [
        "verified", "refuted"]

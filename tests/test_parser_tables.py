"""The shipped LALR tables (derive/frontend/latex/tables.py, generated from grammar.lark so
that start-up does not rebuild them) are current, and parse exactly as the grammar does."""

import lark
import pytest
from lark import Token
from lark.exceptions import UnexpectedInput

from derive.frontend.latex import parse, tables

from support import EXAMPLES

ROWS = [r"x = y + 1", r"\frac{a}{b} \le \log 2", r"\mathbb{E}_{x \sim p}[f(x)] = 1",
        r"\lim_{x \to 0^+} x \log x = 0", r"\arg\max_{D \in (0, 1)} a \log D = b",
        "x = ", "\\frac{1}{", "a \\sim b", "x \\approx y", "))", "x_{", "= 3"]


def test_the_tables_are_made_from_the_grammar_as_it_is():
    text = parse.GRAMMAR.read_text(encoding="utf-8")
    assert tables.GRAMMAR_SHA256 == parse._digest(text), \
        "grammar.lark changed: run python -m derive.frontend.latex.parse"


@pytest.mark.skipif(tables.LARK_VERSION != lark.__version__, reason="tables of another lark")
def test_the_shipped_tables_parse_as_the_grammar_does():
    loaded, built = parse.parser(), parse._compile(parse.GRAMMAR.read_text(encoding="utf-8"))
    assert loaded.source_path == "<deserialized>"
    rows = list(ROWS)
    for path in sorted(EXAMPLES.glob("*.tex")):
        rows += [line.strip().strip("$") for line in path.read_text().splitlines() if "$$" in line]
    for row in rows:
        assert _outcome(loaded, row) == _outcome(built, row), row


def _outcome(parser, text):
    try:
        return _deep(parser.parse(text))
    except UnexpectedInput as exc:
        problem = parse._problem(exc, text)
        return problem.message, problem.offset


def _deep(t):
    if isinstance(t, Token):
        return t.type, str(t), t.start_pos, t.end_pos, t.line, t.column
    meta = tuple(getattr(t.meta, a, None) for a in ("line", "column", "start_pos", "end_pos"))
    return t.data, meta, tuple(_deep(c) for c in t.children)


@pytest.mark.parametrize("terminal, spellings", [("REL", "ORDER"), ("DEFREL", "DEFINING")])
def test_the_pre_parse_passes_know_the_grammars_relations(terminal, spellings):
    """layout, annotations, wrappers, bars and the reader find relations in a row before it
    is parsed, with patterns built from `relations`; those must be the grammar's."""
    import re
    from derive.frontend.latex import relations
    line = next(line for line in parse.GRAMMAR.read_text(encoding="utf-8").splitlines()
                if line.startswith(terminal + "."))
    listed = re.search(r"/\\\\\((?P<names>[a-z|]+)\)", line).group("names").split("|")
    assert sorted(listed) == sorted(getattr(relations, spellings))

"""Parse one row of LaTeX math with the grammar in `grammar.lark`, or say where and why not.

The parser is built once per process from the grammar file that ships in the package.
lark's grammar cache is a pickle and is never used: derive unpickles nothing from a folder
a user can write. Limits keep every row cheap to read: its length, how deep brackets nest
and how long a number is.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from lark import Lark
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput

GRAMMAR = Path(__file__).with_name("grammar.lark")
MAX_ROW_CHARS = 20_000
MAX_NESTING = 40

# What a grammar terminal is called in a message (token names never reach users).
TERMINALS = {
    "REL": "a relation (=, \\le, …)", "DEFREL": "':='", "IMPLIES": "\\Rightarrow",
    "UNREL": "a relation", "ADDOP": "'+' or '-'", "MULOP": "\\cdot", "SUB": "'_'",
    "SUP": "'^'", "PRIME": "'", "SIM": "\\sim", "SEP": "a separator (',', '\\|', '|')",
    "OPEN": "an opening bracket", "CLOSE": "a closing bracket", "LIMOP": "\\lim or \\max",
    "ARG": "\\arg", "TO": "\\to", "IN": "\\in", "FRAC": "\\frac", "FRAC_DIGITS": "\\frac",
    "BINOM": "\\binom", "SQRT": "\\sqrt", "FUNC": "a function (\\log, …)",
    "BIGOP": "\\sum, \\prod or \\int", "NABLA": "\\nabla", "EVALBAR": "an evaluation bar",
    "LEFTBAR": "\\left.",
    "FONT": "a font command", "ACCENT": "an accent", "DECOR": "\\star",
    "COMMAND": "a command", "LETTER": "a letter", "NUMBER": "a number",
    "LBRACE": "'{'", "RBRACE": "'}'", "$END": "the end of the formula",
}


class SyntaxProblem(Exception):
    """A row that does not parse: the message and the offset in the row."""

    def __init__(self, message, offset):
        super().__init__(message)
        self.message, self.offset = message, offset


@functools.lru_cache(maxsize=1)
def parser():
    """The LALR parser, built once per process (no cache file: nothing is unpickled)."""
    return Lark(GRAMMAR.read_text(encoding="utf-8"), parser="lalr", propagate_positions=True,
                maybe_placeholders=False)


def parse_row(text):
    """The parse tree of one row; raises `SyntaxProblem` with an offset into `text`."""
    if len(text) > MAX_ROW_CHARS:
        raise SyntaxProblem(f"this formula is {len(text)} characters long; derive reads at "
                            f"most {MAX_ROW_CHARS} per row", 0)
    _check_nesting(text)
    _check_digit_fractions(text)
    try:
        return parser().parse(text)
    except UnexpectedInput as exc:
        raise _problem(exc, text) from None


# \frac123 is TeX's (1/2)·3: digits after \frac are single-token arguments. Authors who
# write it almost always meant 1/23 or 12/3, so derive asks for braces instead of guessing.
DIGIT_RUN = re.compile(r"\\[dtc]?frac\s*[0-9]\s*[0-9]\s*[0-9]")


def _check_digit_fractions(text):
    found = DIGIT_RUN.search(text)
    if found:
        raise SyntaxProblem(f"{found.group()!s} is ambiguous: TeX reads only its first two digits as "
                            "the fraction (\\frac12 3); write braces, as in \\frac{1}{23}",
                            found.start())


def _check_nesting(text):
    depth = 0
    for i, ch in enumerate(text):
        if ch in "({[":
            depth += 1
            if depth > MAX_NESTING:
                raise SyntaxProblem(f"brackets nest deeper than {MAX_NESTING} levels", i)
        elif ch in ")}]":
            depth -= 1


def _problem(exc, text):
    pos = exc.pos_in_stream if exc.pos_in_stream is not None else len(text)
    if isinstance(exc, UnexpectedCharacters):
        message = f"unexpected character {text[pos]!r}"
    elif isinstance(exc, UnexpectedEOF) or getattr(exc, "token", None) is not None and \
            exc.token.type == "$END":
        message = "the formula ends too early"
        pos = len(text.rstrip())
    else:
        token = exc.token
        message = f"unexpected {token.value!r}"
        if token.type == "UNREL":
            message = f"derive does not check the relation {token.value}"
        elif token.type == "SIM":
            message = "\\sim belongs in a subscript, as in \\mathbb{E}_{x \\sim p}"
    expected = sorted(getattr(exc, "expected", None) or getattr(exc, "allowed", None) or [])
    shown = []
    for name in expected:
        text_name = TERMINALS.get(name)
        if text_name and text_name not in shown:
            shown.append(text_name)
    if shown and "relation" not in message:
        message += "; expected " + ", ".join(shown[:6]) + (", …" if len(shown) > 6 else "")
    return SyntaxProblem(message, pos)

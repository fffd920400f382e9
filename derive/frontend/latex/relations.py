"""The spellings of relations, in one place.

The grammar's `REL` terminal (grammar.lark) reads `=`, `<`, `>` and the order commands
below; `DEFREL` the defining ones. The passes that look at a row before it is parsed
(layout's continuation rows, annotations' side remarks, wrappers' stacked labels, bars'
absolute values, the reader's leading relations) build their patterns from these tuples,
so a spelling added here is seen by all of them; `tests/test_parser_tables.py` checks that
the grammar's terminals list the same commands.
"""

from __future__ import annotations

import re

ORDER = ("leqslant", "geqslant", "leq", "geq", "le", "ge", "neq", "ne", "lt", "gt")
DEFINING = ("coloneqq", "triangleq", "doteq", "eqqcolon", "coloneq", "equiv")


def commands(*names: str) -> str:
    r"""A pattern for `\name` whole: `\le` does not match the start of `\left`."""
    return r"\\(?:" + "|".join(names) + r")(?![a-zA-Z])"


ORDER_COMMAND = commands(*ORDER)
# A relation of the grammar's `REL` (`=`, `<`, `>`, `\le`, …), one group.
RELATION = r"(?:=|<|>|" + ORDER_COMMAND + r")"
# A strict or non-strict inequality, or `≠`: what a condition like `a > 0` is made of.
INEQUALITY = r"(?:[<>]|" + ORDER_COMMAND + r")"
# Each command spelling of a relation, as a token (`\le`, `\coloneqq`, …).
COMMAND_TOKENS = frozenset("\\" + name for name in ORDER + DEFINING)
# `X \sim \mathcal{N}(\mu, \sigma^2)`: a random variable drawn from a law — a premise
# (`frontend.latex.hypotheses`), never a relation between two numbers.
LAW = commands("sim")


def depth(text, at):
    """How many brackets are open at `at` in `text` (braces, parentheses, square brackets;
    an escaped one, `\\{`, is a character)."""
    open_ = 0
    for i, ch in enumerate(text[:at]):
        if i and text[i - 1] == "\\":
            continue
        open_ += (ch in "({[") - (ch in ")}]")
    return open_


def top_level_law(text):
    r"""The offset of the one `\sim` of `text` outside brackets and braces (`X \sim
    \mathcal{N}(\mu, \sigma^2)`), or None; one inside a subscript (`\mathbb{E}_{x \sim p}`)
    does not count."""
    found = None
    for match in re.finditer(LAW, text):
        if depth(text, match.start()) == 0:
            if found is not None:
                return None
            found = match.start()
    return found


_TOKEN = re.compile(r"\\[a-zA-Z]+|\\.|:=|=:|.", re.DOTALL)
_OPENING = frozenset({"(", "[", "{", r"\{", r"\lbrace", r"\lbrack", r"\langle", r"\lceil",
                      r"\lfloor", r"\begin"})
_CLOSING = frozenset({")", "]", "}", r"\}", r"\rbrace", r"\rbrack", r"\rangle", r"\rceil",
                      r"\rfloor", r"\end"})
_CHAIN_RELATIONS = frozenset({"=", "<", ">", ":=", "=:"} | COMMAND_TOKENS)
# What makes a row more than a chain of relations between expressions, outside brackets:
# a premise (`\Rightarrow`), a relation derive does not check, a list, a set, a law, a limit.
_NOT_A_CHAIN = re.compile(r",|;|:|" + commands(
    "Rightarrow", "implies", "Longrightarrow", "approx", "simeq", "cong", "propto", "ll", "gg",
    "leftarrow", "Leftarrow", "iff", "Leftrightarrow", "subset", "subseteq", "supset", "notin",
    "in", "sim", "to", "mid", "quad", "qquad", "text", "mbox", "middle") + "$")


def top_level_relations(text):
    r"""The (start, end) offsets of the relations of a row outside every bracket and brace
    (`A = \sum_{i=1}^n a_i \le B`: the `=` and the `\le`, not the `=` of the subscript) — where
    the grammar's row splits into sides — or None when the row is not a plain chain: its
    brackets do not balance, or it holds a premise, a list or a relation derive does not
    check at that level (`,`, `\Rightarrow`, `\approx`, `\in`, …). Used to count the steps
    of a row that could not be read (`Builder._unreadable_sides`)."""
    found, depth = [], 0
    for token in _TOKEN.finditer(text):
        value = token.group()
        if value in _OPENING or value == r"\left":
            depth += 1
        elif value in _CLOSING or value == r"\right":
            depth -= 1
            if depth < 0:
                return None
        elif depth == 0 and value in _CHAIN_RELATIONS:
            found.append(token.span())
        elif depth == 0 and _NOT_A_CHAIN.match(value):
            return None
    return found if depth == 0 else None

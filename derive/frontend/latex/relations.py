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


def top_level_law(text):
    r"""The offset of the one `\sim` of `text` outside brackets and braces (`X \sim
    \mathcal{N}(\mu, \sigma^2)`), or None; one inside a subscript (`\mathbb{E}_{x \sim p}`)
    does not count."""
    found = None
    for match in re.finditer(LAW, text):
        depth = 0
        for i, ch in enumerate(text[:match.start()]):
            if i and text[i - 1] == "\\":
                continue
            depth += (ch in "({[") - (ch in ")}]")
        if depth == 0:
            if found is not None:
                return None
            found = match.start()
    return found

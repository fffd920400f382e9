"""Where a row prints a relation of its own, seen through what wraps it.

A row states a relation when one prints between its sides — at the top level, or inside a
wrapper that prints its argument as part of the row: a box or colour around the whole claim
(`\\boxed{-2a = b}`, `\\textcolor{red}{-2a = b}`, `\\colorbox{…}{…}`, `\\underline{…}`), a
relation braced as a symbol (`{=}`) or set as one (`\\mathrel{=}`, `\\boxed{=}`), a label
stacked on it (`\\stackrel{(a)}{=}`, `\\overset{\\text{Jensen}}{\\le}`, `\\underset{(1)}{=}`:
the relation is the second argument) or a labelled arrow (`\\xrightarrow{n \\to \\infty}`,
itself the relation). A relation in a script (`\\sum_{i=1}`), in brackets (`P(X = 1)`), in
any other command's argument (`\\frac{a}{b = c}`, `\\text{…}`, a stacked label, a
`\\phantom{=}` that prints nothing) or in a side remark after a top-level `\\quad` is not
the row's. `layout.continuation` asks this before it takes a row starting with `-` as the
rest of the expression above: a row with a relation of its own never is (`\\[ -2a
\\stackrel{(a)}{=} b \\]` is the claim -2a = b, not the tail of the display before it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from derive.frontend.latex.relations import DEFINING, ORDER, commands

# Every relation sign the grammar reads (`REL`, `DEFREL`, `IMPLIES`, `UNREL`) and the arrows
# and memberships a row may state (`a_n \\to 0`, `X \\sim p`, `x \\in A`).
RELATION_SIGN = re.compile(r":=|=:|(?<!\\)(?:=|<|>)|" + commands(
    *ORDER, *DEFINING, "approx", "simeq", "cong", "propto", "ll", "gg", "leftarrow",
    "Leftarrow", "iff", "Leftrightarrow", "subset", "subseteq", "supset", "notin", "Rightarrow",
    "implies", "Longrightarrow", "to", "rightarrow", "longrightarrow", "xrightarrow",
    "xleftarrow", "mapsto", "sim", "in", "equiv"))
# The commands whose argument prints as part of the row, by the argument's place (0-based):
# what is in it is the row's, as if unbraced.
_PRINTED_ARGUMENT: dict[str, frozenset[int]] = {
    "boxed": frozenset({0}), "underline": frozenset({0}), "mathrel": frozenset({0}),
    "mathbin": frozenset({0}), "cancel": frozenset({0}), "bcancel": frozenset({0}),
    "xcancel": frozenset({0}), "underbrace": frozenset({0}), "overbrace": frozenset({0}),
    "textcolor": frozenset({1}), "color": frozenset({1}), "colorbox": frozenset({1}),
    "fcolorbox": frozenset({2}), "stackrel": frozenset({1}), "overset": frozenset({1}),
    "underset": frozenset({1}), "mathord": frozenset({0}), "displaystyle": frozenset({0}),
}
_CONTROL = re.compile(r"\\(?:[a-zA-Z]+|.)", re.DOTALL)
_SIDE = re.compile(r"\\q?quad(?![a-zA-Z])")


@dataclass(frozen=True)
class _Group:
    """An open bracket: whether what it holds prints as part of the row (`printed`), and,
    for a brace, the command it is an argument of and which one (`command`, `place`)."""

    printed: bool
    command: str = ""
    place: int = -1
    brace: bool = True


def own_relation(text: str) -> int | None:
    """Where the first relation `text` prints as its own stands (module docstring): for one
    inside a stacked label's relation or a labelled arrow, where that command starts. None
    when the row prints none before its side remarks."""
    stack: list[_Group] = []
    last: _Group | None = None         # the brace group that just closed, for the next argument
    k = 0
    while k < len(text):
        if not stack and _SIDE.match(text, k) and text[:k].strip():
            return None
        if all(g.printed for g in stack):
            found = RELATION_SIGN.match(text, k)
            if found is not None:
                return _where(text, k, stack)
        control = _CONTROL.match(text, k)
        if control is not None:
            last = None
            k = control.end()
            continue
        ch = text[k]
        if ch == "{":
            stack.append(_opened(text, k, last))
            last = None
        elif ch in "([":
            stack.append(_Group(printed=False, brace=False))
        elif ch in ")]" and stack and not stack[-1].brace:
            stack.pop()
        elif ch == "}" and stack:
            while stack and not stack[-1].brace:     # an unclosed `(` inside the group
                stack.pop()
            last = stack.pop() if stack else None
            k += 1
            continue
        if not ch.isspace():
            last = None
        k += 1
    return None


def _opened(text: str, at: int, last: _Group | None) -> _Group:
    """The group a `{` at `at` opens: an argument of the command before it (the next one of
    the command whose argument `last` just closed), a script (`_{…}`, `^{…}`), an optional
    argument's group (`\\sqrt[3]{…}`), or a plain group, which prints as part of the row."""
    before = text[:at].rstrip()
    if last is not None and last.command:
        place = last.place + 1
        return _Group(place in _PRINTED_ARGUMENT.get(last.command, ()), last.command, place)
    command = re.search(r"\\([a-zA-Z]+)$", before)
    if command is not None:
        name = command.group(1)
        return _Group(0 in _PRINTED_ARGUMENT.get(name, ()), name, 0)
    if before.endswith(("_", "^", "]")) or last is not None:
        return _Group(printed=False)
    return _Group(printed=True)


def _where(text: str, at: int, stack: list[_Group]) -> int:
    """The position of a relation found at `at`: the start of the stacked command whose
    relation it is, else `at`."""
    if stack and stack[-1].command in ("stackrel", "overset", "underset"):
        command = text.rfind("\\" + stack[-1].command, 0, at)
        return command if command >= 0 else at
    return at

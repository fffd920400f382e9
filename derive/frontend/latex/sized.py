"""Sized delimiters that TeX pairs otherwise than the brackets they print.

TeX pairs every `\\left` with the next unpaired `\\right`, whatever their delimiters. Authors
who write a divergence's bar as `\\left\\|` (to size it, as `\\middle\\|` would) and then close
the bracket twice, `KL\\left( Q \\left\\| M \\right) \\right)` (the GAN notes of
s14p_gan_cg_dsnotes), make TeX pair the bar with the first `\\right)`: the page shows
`KL(Q ‖ M))`, one closing bracket too many. The only reading is `KL(Q ‖ M)`: the bar is the
divergence bar and the first of the two closing brackets is the `\\right.` the author
meant, so it is blanked (the text keeps its length: every offset stays the author's).

Only that shape is read: a `\\left` whose delimiter is a bar (`\\|`, `\\Vert`, `\\Arrowvert`,
`|`, `\\vert`) paired by TeX with a `\\right` closing bracket that the same closing bracket
follows at once (plain or sized; spacing between). A `\\left\\| … \\right)` without the
doubled bracket prints a bracket it closes (`(Q \\left\\| M \\right)` is `(Q ‖ M)`) and is
read as printed; anything else is left to the parser.
"""

from __future__ import annotations

import re

_SIZED = re.compile(r"\\(left|right)(?![a-zA-Z])\s*(\\\||\\[a-zA-Z]+|\\[{}]|[()\[\]|.])")
_BARS = frozenset({r"\|", r"\Vert", r"\Arrowvert", "|", r"\vert"})
_CLOSERS = frozenset({")", "]", r"\}", r"\rbrace", r"\rbrack", r"\rangle"})
_SPACE = re.compile(r"(?:\s|\\[,;:! ]|~)*")


def doubled_closers(text):
    """The row with the closing bracket of each `\\left<bar> … \\right<bracket>` pair that
    the same bracket follows blanked (module docstring): same length, same offsets."""
    if r"\left" not in text:
        return text
    chars, stack = list(text), []
    for found in _SIZED.finditer(text):
        if found.group(1) == "left":
            stack.append(found)
            continue
        if not stack:
            continue
        opening, closer = stack.pop(), found.group(2)
        if opening.group(2) in _BARS and closer in _CLOSERS and _follows(text, found.end(), closer):
            chars[found.start(2):found.end(2)] = " " * len(closer)
    return "".join(chars)


def _follows(text, at, closer):
    """Whether `closer` (plain, or after `\\right`) comes next after `at`, past spacing."""
    at = _SPACE.match(text, at).end()
    sized = re.compile(r"\\right(?![a-zA-Z])\s*").match(text, at)
    if sized is not None:
        at = sized.end()
    return text.startswith(closer, at) and not (
        closer[-1].isalpha() and text[at + len(closer):at + len(closer) + 1].isalpha())

"""Typographic wrappers taken off a row before parsing, keeping every offset the source's.

* `\\boxed{A = B}` (a result drawn in a box) is `A = B`.
* A relation with a label stacked on it — `\\stackrel{(a)}{\\le}`, `\\overset{\\text{Jensen}}{=}`
  (Cover & Thomas mark each step so) — is the relation; the label is a remark, set aside.
  A label that says "definition" (`def`, `\\text{def}`, `\\mathrm{def}`, `\\triangle`) makes it
  the definition sign `:=`.

Each wrapper is blanked to spaces of the same length (the definition sign written over its
start), so positions in messages stay those of the source. Anything else is left alone.
"""

from __future__ import annotations

import re

_BOXED = re.compile(r"\\boxed\s*\{")
_STACKED = re.compile(r"\\(stackrel|overset)\s*\{")
_RELATION = re.compile(r"\s*(=|<|>|\\(leq|geq|le|ge|leqslant|geqslant|neq|ne|lt|gt)(?![a-zA-Z]))\s*$")
_DEFINITION_LABEL = re.compile(r"\s*(def|\\(text|mathrm|rm)\s*\{\s*def\s*\.?\s*\}|\\triangle|"
                               r"\\rm\s+def)\s*\.?\s*$")


def unwrap(text):
    """The row with `\\boxed{…}` and stacked labels on relations blanked (same length)."""
    if "\\boxed" not in text and "\\stackrel" not in text and "\\overset" not in text:
        return text
    chars = list(text)
    for match in _BOXED.finditer(text):
        close = _closing_brace(text, match.end() - 1)
        if close is not None:
            _blank(chars, match.start(), match.end())
            _blank(chars, close, close + 1)
    for match in _STACKED.finditer(text):
        label_end = _closing_brace(text, match.end() - 1)
        if label_end is None:
            continue
        second = re.compile(r"\s*\{").match(text, label_end + 1)
        if second is None:
            continue
        end = _closing_brace(text, second.end() - 1)
        if end is None or not _RELATION.match(text[second.end():end]):
            continue
        label = text[match.end():label_end]
        relation = text[second.end():end].strip()
        _blank(chars, match.start(), end + 1)
        if _DEFINITION_LABEL.match(label) and relation == "=":
            chars[match.start():match.start() + 2] = [":", "="]
        else:
            at = text.index(relation, second.end())
            chars[at:at + len(relation)] = list(relation)
    return "".join(chars)


def _closing_brace(text, opening):
    """The offset of the `}` matching the `{` at `opening`, or None."""
    depth = 0
    for k in range(opening, len(text)):
        if text[k] == "{" and text[k - 1] != "\\":
            depth += 1
        elif text[k] == "}" and text[k - 1] != "\\":
            depth -= 1
            if depth == 0:
                return k
    return None


def _blank(chars, start, end):
    for k in range(start, end):
        if chars[k] != "\n":
            chars[k] = " "

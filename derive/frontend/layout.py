"""Split display math into rows, keeping every character's origin in the document.

Layout carries no mathematics: `$$`, `\\[ \\]`, `\\begin{…}`/`\\end{…}` (with an `array`'s
or `alignat`'s column spec), `&`, `\\label{…}`, `\\tag{…}`, `\\nonumber`, `\\intertext{…}`
and a full stop or comma that ends a row (`… \\ge 0.`) are blanked out with spaces, so the
characters left keep their origins (`Mapped`); rows are what lies between `\\\\`
separators. A row wrapped whole in braces (`{= a + b}`, as the seed's `array` rows are)
loses them. A row ending with the relation the next row starts with (`A = B = \\\\ &= C`)
states it once.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from derive.frontend.documents.mapped import Mapped

# Ends a row: the row separator, prose inside a display, and every display or environment
# boundary.
_BREAK = re.compile(
    r"""
      \\\\(?:\[[^\]]*\])?                                                   # \\ or \\[2pt]
    | \\(?:short)?intertext\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}                  # prose in a display
    | \\begin\{(?:array|tabular|alignat\*?|alignedat)\}(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\})?
    | \\(?:begin|end)\{[a-zA-Z]+\*?\}
    | \$\$ | \$ | \\\[ | \\\] | \\\( | \\\)
    """,
    re.VERBOSE,
)
# Carries no meaning inside a row.
_LAYOUT = re.compile(r"\\(?:label|tag\*?)\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|\\(?:nonumber|notag)(?![a-zA-Z])|(?<!\\)&")
_AMPERSAND = re.compile(r"(?<!\\)&")
# Punctuation that ends a row of prose-like math: `a \ge 0.`, `b = c,` (also `\text{.}`).
# Not the `.` of `\right.` (an invisible delimiter) nor the `;` of `\;` (a space).
_END_PUNCTUATION = re.compile(
    r"(?:(?<!\\)(?<!\\right)(?<!\\left)(?<!\\middle)(?<![bB]igr)(?<![bB]iggr)[.,;]"
    r"|\\text\{\s*[.,;]\s*\})(?:\\[,;!> ]|\\q?quad|\s)*$")
# A comment, found as TeX finds it: control sequences are stepped over whole, so `\%` is a
# percent sign and `\\%` a row break followed by a comment.
_COMMENT_SCAN = re.compile(r"\\(?:[a-zA-Z]+|.)|(?P<comment>%[^\n]*)", re.S)
# Groups of text or layout inside a display: a `$` in them is math inside text
# (`\text{for $x > 0$}`, `\tag{$\star$}`), never the end of the display.
_TEXT_GROUP = re.compile(r"\\(?:text(?:rm|it|bf|sf|tt|normal)?|mbox|hbox|tag\*?|label)\s*(?=\{)")


@dataclass(frozen=True)
class Row(Mapped):
    """One row of a display: its math text, each character's origin (`origin(i)`), and
    where its first alignment point `&` was (an index into `text`, or None)."""

    align: int | None = None


def rows(display):
    """The non-empty `Row`s of a display's math (a `Mapped`)."""
    masked = without_comments(display)
    groups = _text_groups(masked.text)
    starts = [a for a, _ in groups]
    out, start = [], 0
    for m in _BREAK.finditer(masked.text):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and m.start() < groups[k][1]:      # inside \text{…}: not a break
            continue
        out.append(masked[start:m.start()])
        start = m.end()
    out.append(masked[start:])
    return _without_repeated_relations([row for row in map(_row, out) if row.text.strip()])


# A relation ending a row, and one starting the next (`A = B = \\ &= C`).
_RELATION_AT_END = re.compile(r"(?<![:\\])(=|<|>|\\(?:leq?|geq?|neq?|lt|gt)(?![a-zA-Z]))\s*$")
_RELATION_AT_START = re.compile(r"^\s*(=|<|>|\\(?:leq?|geq?|neq?|lt|gt)(?![a-zA-Z]))")


def _without_repeated_relations(rows):
    """A row ending with the relation the next row starts with (`A = B = \\\\ &= C`, the
    relation written on both lines) states it once: the trailing copy is blanked."""
    out = list(rows)
    for k in range(len(out) - 1):
        end = _RELATION_AT_END.search(out[k].text)
        start = _RELATION_AT_START.match(out[k + 1].text)
        if end and start and _relation(end.group(1)) == _relation(start.group(1)):
            blanked = out[k].blank_span(end.start(1), end.end(1))
            out[k] = Row(blanked.text, blanked.spans, out[k].align)
    return out


def _relation(spelling):
    return spelling.rstrip("q") if spelling.startswith("\\") else spelling


def without_comments(mapped):
    """`mapped` with its TeX comments blanked (the map holds)."""
    text = _COMMENT_SCAN.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)) if m.group("comment")
                             else m.group(0), mapped.text)
    return Mapped(text, mapped.spans)


def _text_groups(text):
    """[(start, end)], in order and apart, of the outermost braced groups of `\\text{…}`,
    `\\tag{…}` and the like (an unclosed one runs to the end: the row is unreadable anyway)."""
    from derive.frontend.documents.macros import group
    spans, at = [], 0
    while True:
        m = _TEXT_GROUP.search(text, at)
        if m is None:
            return spans
        braced = group(text, m.end())
        if braced is None:
            return spans + [(m.end(), len(text))]
        spans.append((braced[0], braced[1]))
        at = braced[2]


def _row(piece):
    amp = _AMPERSAND.search(piece.text)
    piece = piece.blank(_LAYOUT)
    piece = _unwrap(piece)
    end = _END_PUNCTUATION.search(piece.text)
    if end:
        piece = piece.blank_span(end.start(), len(piece.text))
    return Row(piece.text, piece.spans, amp.start() if amp else None)


def _unwrap(row):
    """Strip braces that wrap the whole row, keeping origins."""
    while True:
        stripped = row.text.strip()
        if not (stripped.startswith("{") and stripped.endswith("}") and _closes_at_end(stripped)):
            return row
        row = row.blank_span(row.text.index("{"), row.text.index("{") + 1)
        tail = row.text.rindex("}")
        row = row.blank_span(tail, tail + 1)


def _closes_at_end(text):
    """True when the `{` at text[0] is closed by the `}` at text[-1]."""
    depth = 0
    for i, ch in enumerate(text):
        if ch == "{" and (i == 0 or text[i - 1] != "\\"):
            depth += 1
        elif ch == "}" and (i == 0 or text[i - 1] != "\\"):
            depth -= 1
            if depth == 0:
                return i == len(text) - 1
    return False

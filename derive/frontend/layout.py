"""Split display math into rows, keeping every character's offset in the file.

Layout carries no mathematics: comments, `$$`, `\\[ \\]`, `\\begin{…}`/`\\end{…}` (with an
`array`'s column spec), `&`, `\\label{…}`, `\\nonumber` are blanked out with spaces, so that
offsets still point into the original file; rows are what lies between `\\\\` separators.
A row wrapped whole in braces (`{= a + b}`, as the seed's `array` rows are) loses them.
"""

from __future__ import annotations

import re

# Ends a row: the row separator, and every display or environment boundary.
_BREAK = re.compile(
    r"""
      \\\\(?:\[[^\]]*\])?                                                   # \\ or \\[2pt]
    | \\begin\{(?:array|tabular|alignat\*?)\}(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\})?   # with column spec
    | \\(?:begin|end)\{[a-zA-Z]+\*?\}
    | \$\$ | \$ | \\\[ | \\\]
    """,
    re.VERBOSE,
)
# Carries no meaning inside a row.
_LAYOUT = re.compile(r"\\(?:label|tag)\{[^{}]*\}|\\(?:nonumber|notag)(?![a-zA-Z])|(?<!\\)&")
_COMMENT = re.compile(r"(?<!\\)%[^\n]*")
# A directive: a comment line of its own that starts `% derive:`.
DIRECTIVE = re.compile(r"^[ \t]*%+[ \t]*derive:[ \t]*(?P<keyword>[a-z]*)[ \t]*(?P<body>[^\n]*)", re.M)


def blank(text, pattern):
    """`text` with every match of `pattern` replaced by as many spaces (newlines kept)."""
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def rows(text):
    """[(offset, row text)] of the non-empty rows of the display math in `text`."""
    masked = blank(blank(text, _COMMENT), _LAYOUT)
    out, start = [], 0
    for m in _BREAK.finditer(masked):
        out.append((start, masked[start:m.start()]))
        start = m.end()
    out.append((start, masked[start:]))
    return [r for r in (_unwrap(offset, row) for offset, row in out) if r[1].strip()]


def _unwrap(offset, row):
    """Strip braces that wrap the whole row, keeping offsets."""
    while True:
        stripped = row.strip()
        if not (stripped.startswith("{") and stripped.endswith("}") and _closes_at_end(stripped)):
            return offset, row
        lead = row.index("{")
        tail = row.rindex("}")
        row = " " * (lead + 1) + row[lead + 1:tail] + " " * (len(row) - tail)


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

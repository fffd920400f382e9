"""Wide spaces between two terms of a row: a product, or two statements side by side?

TeX sets `a^2 = a~a \\ge 0` as "a² = a  a ≥ 0": to a reader two statements (a² = a, and
a ≥ 0), to a grammar that ignores spacing one chain a² = a·a ≥ 0. A thin space (`\\,` `\\:`
`\\;`, up to 5mu) between two terms is a product, as authors write it (`x \\; p(x)`); a
bare `\\quad` (or `\\ \\ `) is a separator the annotations read. Between those, a space is
refused where it could be either:

* as wide as a `\\quad` (18mu or more: `{\\quad}`, `\\;\\;\\;\\;`, `\\phantom{xx}` counted as
  wide) between two terms — always;
* wider than a thin space (`\\ `, `~`, `\\;\\;`, a `\\phantom`) between two terms of a row
  that states a relation on each side of it — unless what follows is the differential of an
  integral on its left (`\\int f(x) q(x)\\ \\d x \\ge …`).

`wide_gap(text)` says where and why; `annotations.annotate` refuses the row there.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from derive.frontend.latex.names import LETTER_COMMANDS
from derive.frontend.latex.printed_relations import RELATION_SIGN
from derive.frontend.latex.relations import depth as _depth
from derive.frontend.latex.styles import STYLES
from derive.frontend.latex.wrappers import BLANK_WORD

# What prints nothing and leaves the space around it one space: an empty group, a style or
# size switch, a colour (`\\; {} \\;` is `\\;\\;`).
_ZERO = (r"\{\s*\}|\\(?:" + STYLES + r"|relax|normalcolor)(?![a-zA-Z])|\\color\s*\{[^{}]*\}")
# One spacing item and its width in mu (a phantom prints its argument's width: unknown, at
# least a word space; `\\vphantom` has none).
_WIDTHS = {",": 3, ":": 4, ">": 4, ";": 5, "!": -3, " ": 6, "thinspace": 3, "medspace": 4,
           "thickspace": 5, "negthinspace": -3, "negmedspace": -4, "negthickspace": -5}
_ITEM = re.compile(r"\\(?P<quad>q?quad)(?![a-zA-Z])|"
                   r"\\(?P<cmd>[,:>;! ]|(?:neg)?(?:thin|med|thick)space(?![a-zA-Z]))|(?P<tie>~)|"
                   r"\\(?P<phantom>[hv]?)phantom\s*\{(?P<body>[^{}]*)\}|(?P<zero>" + _ZERO + r")|"
                   r"(?P<brace>\{)|"
                   r"(?P<word>" + BLANK_WORD.pattern + r")|\s+")
QUAD_WIDE, WORD_WIDE = 18, 6
_CONTROL_WORD_END = re.compile(r"\\[a-zA-Z]+\s*$")
# What a term may start with after one: not an operator, relation, remark or row mark.
_NOT_TERM = re.compile(r"\\(?:text[a-z]*|mbox|end|right|middle|tag|label|nonumber|notag|"
                       r"quad|qquad|hspace|cdot|times|pm|mp|odot|otimes|circ|ast|star|"
                       r"[a-zA-Z]*arrow|implies|iff|le|ge|leq|geq|ne|neq|lt|gt|in|notin|sim|"
                       r"approx|simeq|equiv|propto|to|mid|vert|Vert)(?![a-zA-Z])|"
                       r"\\\\|[=<>+\-*/&,.;:|^_]")
# A word before the space (`\\mathrm{for}\\ a`, `\\text{and}~b`): a word space, not a product.
_WORD_END = re.compile(r"\\(?:mathrm|text[a-z]*|mbox|operatorname)\s*"
                       r"\{[^{}]*[a-zA-Z]{2}[^{}]*\}\s*$")
_TERM_START = re.compile(r"[a-zA-Z0-9(\[{]|\\[a-zA-Z{|]")
_INTEGRAL = re.compile(r"\\i*int(?![a-zA-Z])|\\oint(?![a-zA-Z])")
_DIFFERENTIAL = re.compile(r"(?:\\mathrm\s*\{\s*d\s*\}|\\operatorname\s*\{\s*d\s*\}|"
                           r"\\d(?![a-zA-Z])|"
                           r"d(?=\s*(?:[a-zA-Z]|\\[a-zA-Z])))")


# Where a spacing run may start (`_ITEM` but white space): only there is `_run` tried, so a
# long row of plain terms costs one search.
_RUN_START = re.compile(r"\\[,:>; !]|~|\{|\\(?:q?quad|(?:neg)?(?:thin|med|thick)space|[hv]?phantom|"
                        r"text|mbox|hbox|math|operatorname|boldsymbol|relax|normalcolor|color|"
                        + STYLES + ")")


class Gap(NamedTuple):
    """A refused space: where it starts in the row and why."""

    offset: int
    message: str


def wide_gap(text: str) -> Gap | None:
    """The first space in `text` (a row) that could be a product or a separator (module
    docstring), or None."""
    k = 0
    while (start := _RUN_START.search(text, k)) is not None:
        k = start.start()
        run = _run(text, k)
        if run is None:
            k = start.end()
            continue
        if run.width >= WORD_WIDE and not run.separator and _depth(text, k) == 0:
            gap = _judged(text, k, run.end, run.width)
            if gap is not None:
                return gap
        k = run.end
    return None


class _Run(NamedTuple):
    """A run of spacing: where it ends, its width in mu, and whether it holds a bare
    `\\quad` or `\\ \\ ` (a separator the annotations read)."""

    end: int
    width: int
    separator: bool


def _run(text, at):
    """The spacing run starting at `at`, or None when none starts there. A brace group
    holding only spacing (`{\\quad}`) is part of the run, never a separator."""
    k, width, seen, separator = at, 0, False, False
    while k < len(text):
        item = _ITEM.match(text, k)
        if item is None:
            break
        if item.group("brace"):
            inner = _run(text, k + 1)
            if inner is None or not text.startswith("}", inner.end):
                break
            width, k, seen = width + inner.width, inner.end + 1, True
            continue
        if item.group("quad"):
            width += QUAD_WIDE * (2 if item.group("quad") == "qquad" else 1)
            separator = True
        elif item.group("cmd"):
            width += _WIDTHS[item.group("cmd")]
            separator = separator or (item.group("cmd") == " " and
                                      text.startswith("\\ ", _skip_blank(text, item.end())))
        elif item.group("tie"):
            width += WORD_WIDE
        elif item.group("word"):
            width += _word_width(item)
        elif item.group("phantom") is not None and item.group("phantom") != "v":
            width += QUAD_WIDE if len(item.group("body").strip()) > 1 else WORD_WIDE
        seen = seen or not item.group(0).isspace()
        k = item.end()
    return _Run(k, width, separator) if seen else None


def _word_width(word):
    """The width of a blank word (`wrappers.BLANK_WORD`): its spacing commands, and each run
    of blanks a word space in a text font (`\\text{ }`), nothing in a math font."""
    width = 0
    for part in re.finditer(r"\\(q?quad)(?![a-zA-Z])|\\([ ,;:!])|~|\s+", word.group("inside")):
        if part.group(1):
            width += QUAD_WIDE * (2 if part.group(1) == "qquad" else 1)
        elif part.group(2):
            width += _WIDTHS[part.group(2)]
        elif part.group(0) == "~" or not word.group("math"):
            width += WORD_WIDE
    return width


def _skip_blank(text, at):
    """The first offset from `at` that is not white space."""
    return len(text) - len(text[at:].lstrip())


def _judged(text, start, end, width):
    """The refusal for the run `text[start:end]` of `width` mu, when it stands between two
    terms and could separate two statements."""
    before, after = text[:start], text[end:]
    if not _ends_term(before) or _WORD_END.search(before) or \
            not _TERM_START.match(after) or _NOT_TERM.match(after):
        return None
    if width >= QUAD_WIDE:
        return Gap(start, "a space as wide as a \\quad between two terms: derive cannot tell a "
                          "product from two statements side by side — write \\cdot for a "
                          "product, or \\quad before a side remark or hypothesis")
    if not (_relation(before) and _relation(after)):
        return None
    if _INTEGRAL.search(before) and _DIFFERENTIAL.match(after):
        return None
    return Gap(start, "a space wider than a thin space between two terms, with a relation on "
                      "each side: derive cannot tell a product (a \\, b) from two statements "
                      "side by side — write \\cdot or \\, for a product, or \\quad before a "
                      "second statement")


def _ends_term(part):
    """Whether `part` ends with a term: a command naming a letter (`\\alpha`, `\\infty`,
    `names.LETTER_COMMANDS`), never another command (`\\cdot`); else a letter, digit,
    closing bracket, `!` or `'`."""
    command = _CONTROL_WORD_END.search(part)
    if command is not None:
        return command.group(0).rstrip() in LETTER_COMMANDS | {r"\hbar", r"\partial"}
    stripped = part.rstrip()
    return bool(stripped) and (stripped[-1].isalnum() or stripped[-1] in ")]}|!'")


def _relation(part):
    """Whether `part` prints a relation outside brackets."""
    return any(_depth(part, m.start()) == 0 for m in RELATION_SIGN.finditer(part))

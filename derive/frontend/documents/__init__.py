"""Documents as people write them — a LaTeX document, a Markdown/MyST page, a Jupyter
notebook — read into one uniform form: a `Document`, its `source` (positions in the
document's own terms) and an ordered tuple of events:

* `Directive(keyword, body, offset)` — a `derive:` directive (`% derive: density p` in
  LaTeX and in math, `<!-- derive: … -->` or a `derive:` front-matter key in Markdown);
* `Display(rows, …)` — a display of math, split into `Row`s (see `layout`), each row's
  text with the source offset of every character (`row.origin(i)`), after the author's
  macros are expanded and Unicode math characters spelled as commands (`unicode_math`).

Prose, code and inline math are skipped — except inline math that is a paragraph of its
own (`_as_displays`): one `$…$` or `\\(…\\)`, with at most a full stop, comma, colon or
semicolon after it, between paragraph bounds (a blank line, a comment line — directives are
comments —, another display, the start or end of the text or of a notebook cell) is laid out
as a display, and read as one; inline math beside prose (or beside other inline math) stays
prose. Which math is checked is itself a directive, handled here and not passed on:

    % derive: check displays     every display (the default)
    % derive: check inline       displays and inline math ($…$, \\(…\\))
    % derive: check marked       only MyST `{derive}` blocks
    % derive: check none         nothing, until the next `check`

Directives hold from where they stand, so a directive between two rows of one display
splits it into two `Display` events around it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from derive.frontend import layout
from derive.frontend.documents import unicode_math
from derive.frontend.documents.macros import DEFINITION, Macros
from derive.frontend.documents.mapped import Mapped
from derive.frontend.errors import Source

CHECK_MODES = ("displays", "inline", "marked", "none")
# A `derive:` directive in any document kind (comment, HTML comment, front-matter key):
# cheap to look for, so tools can pick out the documents that ask to be checked.
# (a notebook's JSON holds the lines as strings: `"% derive: …`).
MARKER = re.compile(r'^[ \t]*"?(?:%+|<!--)[ \t]*derive:|<!--[ \t]*derive:|^derive:', re.M)
SUFFIXES = {".tex": "latex", ".md": "markdown", ".markdown": "markdown", ".ipynb": "notebook"}


@dataclass(frozen=True)
class Directive:
    keyword: str
    body: str
    offset: int                # where `body` starts in the source
    keyword_offset: int = -1   # where the keyword starts (-1: just before the body)
    mapped: object = None      # the body with the author's macros expanded (`Mapped`), if any


@dataclass(frozen=True)
class Display:
    rows: tuple                # `layout.Row`s
    start: int                 # the whole block (with its delimiters) in the source
    end: int
    marked: bool = False       # inside a `{derive}` block
    inline: bool = False
    parts: tuple = ()          # (start, end) of each display joined into this one, if several

    def part(self, offset):
        """(start, end) of the display, of those joined into this one, that holds the
        source `offset`."""
        return next(((a, b) for a, b in self.parts if a <= offset < b), (self.start, self.end))


@dataclass(frozen=True)
class Document:
    source: Source
    events: tuple
    kind: str                  # "latex", "markdown", "notebook"

    @property
    def displays(self):
        return [e for e in self.events if isinstance(e, Display)]


@dataclass
class Math:
    """Math found by a scanner, before assembly: the block and its content (`Mapped`)."""
    start: int
    end: int
    content: object
    marked: bool = False
    inline: bool = False


@dataclass
class Definition:
    """A macro definition found by a scanner at `match` in `text` (source offsets)."""
    text: str
    match: object
    start: int = field(init=False)
    end: int = -1              # past it, once read

    def __post_init__(self):
        self.start = self.match.start()


def read(path, text, mode="displays"):
    """The `Document` in `text`, by the suffix of `path`; raises `InputError`."""
    kind = SUFFIXES.get(Path(str(path)).suffix.lower())
    if kind == "latex":
        from derive.frontend.documents.tex import read_tex
        return read_tex(Source(text, path), mode)
    if kind == "markdown":
        from derive.frontend.documents.markdown import read_markdown
        return read_markdown(Source(text, path), mode)
    if kind == "notebook":
        from derive.frontend.documents.notebook import read_notebook
        return read_notebook(path, text, mode)
    raise ValueError(f"not a document suffix: {path}")


def with_title(found, title, offset):
    """`found` with a `title` directive for the document's own title (a front matter's
    `title`, a page's first heading, a LaTeX `\\title`), unless derive is given one."""
    if title and not any(isinstance(f, Directive) and f.keyword == "title" for f in found):
        return [Directive("title", " ".join(title.split()), offset), *found]
    return found


def assemble(source, found, kind, mode="displays"):
    """The `Document` from what a scanner found (`Directive`, `Definition`, `Math` items,
    any order): macros defined and expanded in document order, `check` directives
    applied, displays split into rows and around the directives inside them."""
    if mode not in CHECK_MODES:
        raise ValueError(f"check mode {mode!r}")
    macros = Macros(source, latex=kind == "latex")
    items = sorted(_as_displays(source, found, kind) if kind in _COMMENT else found, key=_offset)
    events, i = [], 0
    while i < len(items):
        item = items[i]
        i += 1
        if isinstance(item, Definition):
            macros.define_at(item.text, item.match)
        elif isinstance(item, Directive):
            if item.keyword == "check":
                mode = check_mode(source, item)
            else:
                events.append(_expanded(source, macros, item))
        elif _checked(item, mode):
            inside = []
            while i < len(items) and isinstance(items[i], Directive) and _offset(items[i]) < item.end:
                inside.append(items[i])
                i += 1
            events = _side_by_side(source, events, _display_events(
                source, macros, item, [_expanded(source, macros, d) for d in inside]))
        else:
            _define_inside(macros, item.content)
    return Document(source, tuple(events), kind)


# A comment line, by the kinds of document whose source text is laid out in paragraphs (a
# MyST page's AST is not): TeX's `%` (not `\\%`); MyST's `%` line and HTML's `<!-- … -->`.
_COMMENT = {"latex": re.compile(r"(?<!\\)%[^\n]*"),
            "markdown": re.compile(r"(?m)^[ \t]*%[^\n]*|<!--.*?(?:-->|\Z)", re.S)}
_COMMENT["notebook"] = _COMMENT["markdown"]
# What ends inline math that is a paragraph of its own: punctuation, then the line's end.
_PARAGRAPH_TAIL = re.compile(r"[ \t]*[.,;:]?[ \t]*(?:\n|$)")


def _as_displays(source, found, kind):
    """`found` with each inline `Math` that is alone in its paragraph made a display (the
    author set the formula apart, as a display is: Wikipedia's `$H^2(f,g) = … = …,$` on a
    line of its own). A paragraph is bounded by blank lines; comment lines (directives),
    other displays and macro definitions count as blank, and so do the bounds of a notebook
    cell. Its content keeps every character's origin."""
    text = source.text
    blanked = sorted(m.span() for m in _COMMENT[kind].finditer(text))
    blanked += sorted((item.start, item.end) for item in found if isinstance(item, Math) and
                      not item.inline or isinstance(item, Definition) and item.end >= 0)
    pieces, at = [], 0
    for a, b in sorted(blanked):
        a = max(a, at)
        pieces += [text[at:a], re.sub(r"[^\n]", " ", text[a:b])] if b > a else []
        at = max(at, b)
    masked = "".join(pieces) + text[at:]
    lines = _Lines(masked, getattr(source, "regions", None) or [(0, len(text))])
    apart = lines.set_apart([item for item in found if isinstance(item, Math) and item.inline])
    return [replace(item, inline=False) if isinstance(item, Math) and item.inline and
            id(item) in apart else item for item in found]


class _Lines:
    """The lines of a text with comments and displays blanked, to tell in constant time
    whether inline math is all of its paragraph (pages of thousands of `$` stay linear)."""

    def __init__(self, masked, regions):
        self.masked, self.regions = masked, regions
        self.starts = [m.start() for m in re.finditer(r"(?m)^", masked)]
        self.first = [m.end() for m in re.finditer(r"(?m)^[ \t]*", masked)]

    def _blank(self, k, lo, hi):
        """Whether line `k` is blank, or outside the region [lo, hi)."""
        if k < 0 or k >= len(self.starts) or not lo <= self.starts[k] < hi:
            return True
        end = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.masked)
        return self.first[k] >= end or self.masked[self.first[k]] == "\n"

    def _own_lines(self, math):
        """`(first, last)`: the lines `math` fills alone — it starts its line and nothing but
        a punctuation mark follows it there — or None."""
        k = bisect.bisect_right(self.starts, math.start) - 1
        if self.first[k] != math.start:
            return None
        hi = next((b for a, b in self.regions if a <= math.start < b), len(self.masked))
        tail = _PARAGRAPH_TAIL.match(self.masked, math.end, hi)
        if tail is None:
            return None
        return k, bisect.bisect_right(self.starts, max(tail.end() - 1, math.start)) - 1

    def set_apart(self, inline):
        """The ids of the inline maths that are all of their paragraph: one alone in it, or
        each of a paragraph of lines that are each one `$…$` (a Q&A answer's `$f(x) = …$`
        lines one under another) — the line above the first and below the last blank."""
        apart, run = set(), []
        for math in inline:
            lines = self._own_lines(math)
            if lines is None:
                run = []
                continue
            if run and run[-1][1][1] + 1 == lines[0]:
                run.append((math, lines))
            else:
                run = [(math, lines)]
            lo, hi = next(((a, b) for a, b in self.regions if a <= math.start < b),
                          (0, len(self.masked)))
            if self._blank(run[0][1][0] - 1, lo, hi) and self._blank(lines[1] + 1, lo, hi):
                apart.update(id(m) for m, _ in run)
        return apart


def check_mode(source, directive):
    word = directive.body.strip()
    if word not in CHECK_MODES:
        from derive.interfaces.suggest import did_you_mean
        raise source.error(f"check takes one of: {', '.join(CHECK_MODES)}"
                           + did_you_mean(word, CHECK_MODES), directive.offset)
    return word


def _offset(item):
    return item.keyword_offset if isinstance(item, Directive) and item.keyword_offset >= 0 else \
        item.offset if isinstance(item, Directive) else item.start


def _checked(math, mode):
    if mode == "none":
        return False
    if mode == "marked":
        return math.marked
    return not math.inline or mode == "inline"


# Directives whose body is prose, not math: the author's macros are not expanded there.
_PROSE_DIRECTIVES = ("title", "note", "expect", "check")


def _expanded(source, macros, directive):
    """The directive with the macros in force expanded in its body and Unicode math
    characters spelled as commands (names in directives are LaTeX, read like the math:
    `% derive: density \\pr` after `\\newcommand{\\pr}{p_r}`, `% derive: real α`)."""
    if directive.keyword in _PROSE_DIRECTIVES or directive.body.isascii() and \
            (not macros.table or "\\" not in directive.body):
        return directive
    at = directive.offset
    body = Mapped.copy(source.text, at, at + len(directive.body)) \
        if source.text.startswith(directive.body, at) else Mapped.generated(directive.body, at)
    expanded = unicode_math.spell(macros.expand(body))
    if expanded.text == directive.body:
        return directive
    return replace(directive, body=expanded.text, mapped=expanded)


def _define_inside(macros, content):
    """Macro definitions written inside math (`$$\\newcommand{\\R}{\\mathbb{R}}$$`, as
    MathJax allows): defined, and blanked out of the math."""
    text = content.text
    for m in list(DEFINITION.finditer(text)):
        end = macros.define_at(text, m, content.origin)
        content = content.blank_span(m.start(), end)
    return content


def _display_events(source, macros, math, directives):
    content = unicode_math.spell(macros.expand(_define_inside(macros, math.content)))
    rows = layout.rows(content)
    events, pending = [], []
    for row in rows:
        while directives and _offset(directives[0]) < row.start:
            if pending:
                events.append(Display(tuple(pending), math.start, math.end, math.marked, math.inline))
                pending = []
            events.append(_inside(source, directives.pop(0)))
        pending.append(row)
    if pending:
        events.append(Display(tuple(pending), math.start, math.end, math.marked, math.inline))
    events += [_inside(source, d) for d in directives]
    return events


def _side_by_side(source, events, new):
    """`events` followed by the `new` events of a display: a display that stands just after
    the one before it (nothing but blank lines and comments between them, in one cell of
    a notebook) and goes on from it (`$$ 2 = \\int_x p(x) $$` then `$$ + q(x)\\, dx $$`,
    `layout.across`) is one display with it, so the continuation is joined as in one
    display; prose between them keeps them apart."""
    if not (events and new and isinstance(events[-1], Display) and isinstance(new[0], Display)):
        return events + new
    above, below = events[-1], new[0]
    if above.inline or below.inline or above.marked != below.marked or \
            not _blank_gap(source, above.end, below.start):
        return events + new
    rows = layout.across(above.rows, below.rows)
    if rows is None:
        return events + new
    parts = (above.parts or ((above.start, above.end),)) + ((below.start, below.end),)
    return events[:-1] + [replace(above, rows=tuple(rows), end=below.end, parts=parts)] + new[1:]


def prose_between(source, start, end):
    """Whether words stand between two displays (`start`: the end of the first, `end`: the
    start of the second) — prose, which derive does not read, or another cell of a
    notebook: not only white space and comments (`_blank_gap`)."""
    return start < end and not _blank_gap(source, start, end)


def _blank_gap(source, start, end):
    """Whether only white space and comments stand between `start` and `end`, within one
    region of the source (a notebook's cell)."""
    regions = getattr(source, "regions", None)
    if regions and not any(a <= start and end <= b for a, b in regions):
        return False
    gap = layout.without_comments(Mapped.copy(source.text, start, end)).text
    return not re.sub(r"<!--.*?-->", "", gap, flags=re.S).strip()


def _inside(source, directive):
    """A directive inside a display; `check` cannot change what is checked mid-display."""
    if directive.keyword == "check":
        raise source.error("'check' applies to whole displays: put it outside the math",
                           directive.offset)
    return directive

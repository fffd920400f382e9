"""LaTeX: a whole document (preamble, prose, displays) or a derive file of its own.

In a document (`\\begin{document}` present) the preamble contributes macros and
directives, and the body's displays are math: `equation`, `align`, `gather`, `multline`,
`flalign`, `alignat`, `eqnarray`, `displaymath` (starred or not), `\\[…\\]` and `$$…$$`;
inline `$…$` and `\\(…\\)` only under `% derive: check inline`. Prose, verbatim
environments and `\\verb` are skipped; `% derive:` directives count wherever they stand.

A derive file — no `\\begin{document}` — is read the same way, and may also hold a bare
`array`, `aligned`, `gathered` or `split` outside any display (as pasted from a paper),
or be nothing but math: a file without any math delimiter is one display.
"""

from __future__ import annotations

import re

from derive.frontend.documents import Definition, Directive, Math, assemble, with_title
from derive.frontend.documents.macros import DEFINITION, Macros
from derive.frontend.documents.mapped import Mapped
from derive.frontend.layout import COMMENT

DISPLAY_ENVIRONMENTS = ("equation", "align", "gather", "multline", "flalign", "alignat",
                        "eqnarray", "displaymath", "dmath")
SNIPPET_ENVIRONMENTS = ("array", "aligned", "gathered", "split", "alignedat")
VERBATIM_ENVIRONMENTS = ("verbatim", "Verbatim", "lstlisting", "minted", "comment",
                         "filecontents", "alltt")

DIRECTIVE = re.compile(r"%+[ \t]*derive:[ \t]*(?P<keyword>[a-z]*)[ \t]*(?P<body>[^\n]*)")
_TOKEN = re.compile(
    r"""
      (?P<verbatim>\\begin\{(?P<vname>%s)\*?\})
    | (?P<verb>\\verb\*?(?P<delim>[^a-zA-Z\s*]))
    | (?P<document>\\begin\{document\})
    | (?P<enddocument>\\end\{document\})
    | (?P<env>\\begin\{(?P<ename>%s)(?P<estar>\*?)\})
    | (?P<dollars>\$\$)
    | (?P<bracket>\\\[)
    | (?P<paren>\\\()
    | (?P<dollar>(?<!\\)\$)
    | (?P<definition>%s)
    """ % ("|".join(VERBATIM_ENVIRONMENTS),
           "|".join(DISPLAY_ENVIRONMENTS + SNIPPET_ENVIRONMENTS),
           DEFINITION.pattern.replace("(?P<", "(?P<d_")),
    re.VERBOSE)


def read_tex(source, mode="displays"):
    text = source.text
    found = [Directive(m.group("keyword"), m.group("body").rstrip(), m.start("body"), m.start("keyword"))
             for m in DIRECTIVE.finditer(text) if _is_comment(text, m.start())]
    masked = Mapped.copy(text, 0, len(text)).blank(COMMENT)
    is_document = re.search(r"\\begin\{document\}", masked.text) is not None
    found += _scan(source, masked, is_document)
    if not is_document and not any(isinstance(f, Math) for f in found):
        found.append(_bare(masked, found))
    return assemble(source, with_title(found, *_title(masked)), "latex", mode)


def _title(masked):
    """(the text of `\\title{…}`, its offset), or ("", 0)."""
    from derive.frontend.documents.macros import group
    m = re.search(r"\\title(?![a-zA-Z])", masked.text)
    braced = group(masked.text, m.end()) if m else None
    if braced is None:
        return "", 0
    title = re.sub(r"\\thanks\{[^{}]*\}|\\\\", " ", masked.text[braced[0]:braced[1]])
    return title, braced[0]


def _is_comment(text, at):
    """True when the `%` at `at` starts a comment (it is not escaped as `\\%`)."""
    backslashes = 0
    while at - backslashes - 1 >= 0 and text[at - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 0


def _scan(source, masked, is_document):
    text = masked.text
    found, i, in_body = [], 0, not is_document
    while True:
        m = _TOKEN.search(text, i)
        if m is None:
            return found
        kind = m.lastgroup if m.lastgroup in ("verbatim", "verb", "document", "enddocument", "env",
                                              "dollars", "bracket", "paren", "dollar") else "definition"
        if kind == "verbatim":
            i = _close(source, text, m, r"\end{%s" % m.group("vname"), "environment")
        elif kind == "verb":
            end = text.find(m.group("delim"), m.end())
            i = end + 1 if end >= 0 else len(text)
        elif kind == "document":
            in_body, i = True, m.end()
        elif kind == "enddocument":
            return found
        elif kind == "definition":
            definition = Definition(text, DEFINITION.match(text, m.start()))
            # read once here only to skip it whole (its body may hold `$`)
            i = Macros(source).define_at(text, definition.match)
            definition.end = i
            found.append(definition)
        else:
            math, i = _math(source, masked, m, kind)
            if in_body:                 # math in the preamble (a \title's) is not checked
                found.append(math)


_CLOSERS = {"dollars": "$$", "bracket": r"\]", "paren": r"\)", "dollar": "$"}


def _math(source, masked, m, kind):
    """(the `Math` that `m` opens, the index past it)."""
    text = masked.text
    if kind == "env":
        name = m.group("ename") + m.group("estar")
        closer = r"\end{%s}" % name
        end = _close(source, text, m, closer, "environment")
        # the whole environment: layout blanks \begin/\end (and an alignat's or array's
        # column spec)
        return Math(m.start(), end, masked[m.start():end]), end
    closer = _CLOSERS[kind]
    at = m.end()
    while True:
        close = text.find(closer, at)
        if close < 0:
            raise source.error(f"this math is not closed: no {closer} after it", m.start())
        if kind == "dollar" and close > 0 and text[close - 1] == "\\":
            at = close + 1
            continue
        break
    end = close + len(closer)
    return Math(m.start(), end, masked[m.end():close], inline=kind in ("paren", "dollar")), end


def _close(source, text, m, closer, what):
    end = text.find(closer, m.end())
    if end < 0:
        raise source.error(f"this {what} is not closed: no {closer} after it", m.start())
    return text.find("}", end) + 1


def _bare(masked, found):
    """A derive file that is nothing but math: one display, after the macro definitions
    (blanked out of it)."""
    start = 0
    for item in found:
        if isinstance(item, Definition):
            masked = masked.blank_span(item.start, item.end)
            start = max(start, item.end)
    return Math(start, len(masked), masked)

"""LaTeX: a whole document (preamble, prose, displays) or a derive file of its own.

In a document (`\\begin{document}` present) the preamble contributes macros and
directives, and the body's displays are math: `equation`, `align`, `gather`, `multline`,
`flalign`, `alignat`, `eqnarray`, `displaymath` (starred or not), `\\[…\\]` and `$$…$$`;
inline `$…$` and `\\(…\\)` only under `% derive: check inline`. Prose, verbatim
environments, `\\verb`, `\\iffalse … \\fi` and comments are skipped (read token by token, as TeX
reads them: `\\%` is a percent sign, `\\\\%` a row break and a comment); `% derive:`
directives count wherever they stand, but only in comments TeX sees.

A derive file — no `\\begin{document}` — is read the same way, and may also hold a bare
`array`, `aligned`, `gathered` or `split` outside any display (as pasted from a paper),
or be nothing but math: a file without any math delimiter is one display.
"""

from __future__ import annotations

import re

from derive.frontend.documents import Definition, Directive, Math, assemble, with_title
from derive.frontend.documents.macros import DEFINITION, Macros
from derive.frontend.documents.mapped import Mapped

DISPLAY_ENVIRONMENTS = ("equation", "align", "gather", "multline", "flalign", "alignat",
                        "eqnarray", "displaymath", "dmath")
SNIPPET_ENVIRONMENTS = ("array", "aligned", "gathered", "split", "alignedat")
VERBATIM_ENVIRONMENTS = ("verbatim", "Verbatim", "BVerbatim", "LVerbatim", "lstlisting",
                         "minted", "comment", "filecontents", "alltt", "tcblisting")

DIRECTIVE = re.compile(r"%+[ \t]*derive:[ \t]*(?P<keyword>[A-Za-z]+(?:-[A-Za-z]+)*|)[ \t]*"
                       r"(?P<body>[^\n]*)")
# What TeX does not read as the document's text: verbatim environments, `\verb|…|`, URLs,
# `\iffalse … \fi` and comments. Control sequences are stepped over whole, so `\%` is a
# percent sign and `\\%` a row break followed by a comment.
_UNREAD = re.compile(
    r"""
      (?P<verbatim>\\begin\{(?P<vname>%s)\*?\})
    | (?P<verb>\\(?:verb|lstinline)\*?(?P<delim>[^a-zA-Z\s*{]))
    | (?P<url>\\(?:url|href)\s*\{)
    | (?P<iffalse>\\iffalse(?![a-zA-Z]))
    | \\(?:[a-zA-Z]+|.)
    | (?P<comment>%%[^\n]*)
    """ % "|".join(VERBATIM_ENVIRONMENTS), re.VERBOSE | re.S)
# Inside `\iffalse`: the conditionals that nest (not `\iff`), and what ends it.
_CONDITIONAL = re.compile(r"\\(?:(?P<cond>if(?!f(?![a-zA-Z]))[a-zA-Z]*|fi|else)(?![a-zA-Z])|[a-zA-Z]+|.)"
                          r"|%[^\n]*", re.S)
_TOKEN = re.compile(
    r"""
      (?P<document>\\begin\{document\})
    | (?P<enddocument>\\end\{document\})
    | (?P<env>\\begin\{(?P<ename>%s)(?P<estar>\*?)\})
    | (?P<dollars>\$\$)
    | (?P<bracket>\\\[)
    | (?P<paren>\\\()
    | (?P<dollar>\$)
    | (?P<definition>%s)
    | \\(?:[a-zA-Z]+|.)
    """ % ("|".join(DISPLAY_ENVIRONMENTS + SNIPPET_ENVIRONMENTS),
           DEFINITION.pattern.replace("(?P<", "(?P<d_")),
    re.VERBOSE | re.S)


def read_tex(source, mode="displays"):
    masked, found = _unread_blanked(source)
    is_document = re.search(r"\\begin\{document\}", masked.text) is not None
    found += _scan(source, masked, is_document)
    if not is_document and not any(isinstance(f, Math) for f in found):
        found.append(_bare(masked, found))
    return assemble(source, with_title(found, *_title(masked)), "latex", mode)


def _unread_blanked(source):
    """(the text with what TeX does not read blanked, as `Mapped`; the `% derive:`
    directives of its comments). One pass, token by token."""
    text = source.text
    pieces, directives, at, i = [], [], 0, 0

    def blank(start, end):
        nonlocal at
        pieces.append(text[at:start])
        pieces.append(re.sub(r"[^\n]", " ", text[start:end]))
        at = end

    while True:
        m = _UNREAD.search(text, i)
        if m is None:
            break
        i = m.end()
        if m.group("comment") is not None:
            d = DIRECTIVE.match(text, m.start())
            if d:
                directives.append(Directive(d.group("keyword"), d.group("body").rstrip(),
                                            d.start("body"), d.start("keyword")))
            blank(m.start(), m.end())
        elif m.group("verbatim"):
            i = _close(source, text, m, r"\end{%s" % m.group("vname"), "environment")
            blank(m.start(), i)
        elif m.group("verb"):
            line_end = text.find("\n", m.end())
            end = text.find(m.group("delim"), m.end(), len(text) if line_end < 0 else line_end)
            if end < 0:
                raise source.error(f"this {m.group(0)[:-1]} is not closed on its line: "
                                   f"no {m.group('delim')} after it", m.start())
            i = end + 1
            blank(m.start(), i)
        elif m.group("url"):
            end = text.find("}", m.end())
            i = len(text) if end < 0 else end + 1
            blank(m.start(), i)
        elif m.group("iffalse"):
            i = _skipped_conditional(source, text, m)
            blank(m.start(), i)
    pieces.append(text[at:])
    return Mapped("".join(pieces), ((0, 0, True),)), directives


def _skipped_conditional(source, text, m):
    """The index past what `\\iffalse` at `m` skips: up to its own `\\fi` or `\\else`
    (nested conditionals counted, comments stepped over, as TeX skips)."""
    depth = 0
    for t in _CONDITIONAL.finditer(text, m.end()):
        word = t.group("cond")
        if word and word.startswith("if"):
            depth += 1
        elif word in ("fi", "else") and depth == 0:
            return t.end()
        elif word == "fi":
            depth -= 1
    raise source.error("this \\iffalse is not closed: no \\fi after it", m.start())


def _title(masked):
    """(the text of `\\title{…}`, its offset), or ("", 0)."""
    from derive.frontend.documents.macros import group
    m = re.search(r"\\title(?![a-zA-Z])", masked.text)
    braced = group(masked.text, m.end()) if m else None
    if braced is None:
        return "", 0
    title = re.sub(r"\\thanks\{[^{}]*\}|\\\\", " ", masked.text[braced[0]:braced[1]])
    return title, braced[0]


def _scan(source, masked, is_document):
    text = masked.text
    found, i, in_body = [], 0, not is_document
    while True:
        m = _TOKEN.search(text, i)
        if m is None:
            return found
        kind = m.lastgroup if m.lastgroup in ("document", "enddocument", "env", "dollars",
                                              "bracket", "paren", "dollar") else \
            "definition" if m.group("definition") else "control"
        if kind == "control":
            i = m.end()
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

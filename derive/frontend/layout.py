"""Split display math into rows, keeping every character's origin in the document.

Layout carries no mathematics: `$$`, `\\[ \\]`, `\\begin{…}`/`\\end{…}` (with an `array`'s
or `alignat`'s column spec), `&`, `\\label{…}`, `\\tag{…}`, `\\nonumber`, `\\intertext{…}`
and a full stop or comma that ends a row (`… \\ge 0.`) are blanked out with spaces, so the
characters left keep their origins (`Mapped`); rows are what lies between `\\\\`
(or `\\newline`, which MathJax and amsmath break rows at alike; `\\cr` in plain TeX's
`\\eqalign{…}`, read as `aligned`) separators outside braces (`\\substack{j=1 \\\\ j \\ne k}` is one row's). A row wrapped
whole in braces (`{= a + b}`, as the seed's `array` rows are) loses them. A row ending with the relation the next row starts with (`A = B = \\\\ &= C`)
states it once.

A row that goes on with the expression of the row above (`&\\quad + \\mathbb{E}[…]`) is
joined to it, the `\\\\` between them and the spacing before its operator blanked, so the
row above reads what the author wrote, a definition included (see `continuation`); it goes
in before a remark or hypothesis ending the row above (`_joined`). So is a row below one
that breaks off after an operator or a relation (`a + \\\\ &(-1)`, `L ={}& \\\\ & …`:
`_goes_on`). A row under the right-hand side of the row above (`Row.under`) has no left
side of its own. Every row of a
`multline` is one equation: its rows are joined whatever they start with. Layout between
rows (`\\\\*`, `\\\\[2pt]`, `\\noalign{…}`, `\\displaybreak`, `\\hline`, `\\vspace{…}`) is
blanked. A column of its own beside a row (`&& \\text{product rule}`) is read as what
follows a `\\quad` is (see `_remark_column`). A `cases` environment's `\\\\` splits no
rows; as a row's whole right side it stands for one row per case, each under its
condition (`_case_rows`), unless a row goes on from it; those rows keep the whole row
(`Row.whole`), so the steps they make become one step made of its cases (`Step.cases`).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, replace

from derive.frontend.documents.mapped import Mapped
from derive.frontend.latex.annotations import ARROW_NOTE, WRITTEN_MARK
from derive.frontend.latex.printed_relations import own_relation
from derive.frontend.latex.relations import DEFINING, ORDER, RELATION, commands
from derive.frontend.latex.styles import STYLES
from derive.frontend.latex.wrappers import operator_fonts, required_in_premises

# Ends a row: the row separator, prose inside a display, and every display or layout
# environment boundary. `\\\` before a line end (Markdown pages escape the break: TeX reads
# `\\` then a control space) is the separator too. Other environments (`cases`, `pmatrix`) carry mathematics: they
# stay in the row, where the parser refuses them at their position.
_BREAK = re.compile(
    r"""
      \\\\\*?(?:\[[^\]]*\])?(?:\\(?=\s))? | \\newline(?![a-zA-Z])      # \\, \\*, \\[2pt], \newline
    | \\(?:short)?intertext\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}                  # prose in a display
    | \\begin\{(?:array|tabular|alignat\*?|alignedat)\}(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\})?
    | \\(?:begin|end)\{(?:equation|align|aligned|alignat|alignedat|split|gather|gathered|
                        multline|eqnarray|array|tabular|displaymath|math|subequations|
                        flalign)\*?\}
    | \$\$ | \$ | \\\[ | \\\] | \\\( | \\\)
    """,
    re.VERBOSE,
)


def _row_break(found):
    """Whether a `_BREAK` match is the row separator: `\\\\` (`\\\\*`, `\\\\[2pt]`) or
    `\\newline`, which MathJax and amsmath's environments break rows at alike."""
    return found.group(0).startswith(("\\\\", "\\newline"))


# Carries no meaning inside a row (`\require{cancel}` loads a MathJax extension).
_LAYOUT = re.compile(r"\\(?:label|tag\*?|noalign|vspace\*?|require)\s*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}"
                     r"|\\(?:nonumber|notag|hline|allowbreak|(?:display|no|page|nopage)break)"
                     r"(?![a-zA-Z])(?:\[\d\])?|(?<!\\)&")
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
    """One row of a display: its math text, each character's origin (`origin(i)`),
    where its first alignment point `&` was (an index into `text`, or None), and whether it
    stands `under` the right-hand side of the row above it (`_aligned_below`): it has no
    left side of its own, so it cannot start a chain."""

    align: int | None = None
    under: bool = False
    whole: object = None          # a case's row: the row of the whole `cases` (`_case_rows`)
    agreeing: bool = False        # of a whole: its cases are readings that must agree (`_equivalent`)


def rows(display):
    """The non-empty `Row`s of a display's math (a `Mapped`), continuation rows joined to
    the row above them."""
    masked = _own_marks_renamed(_eqaligns_as_aligned(_braced_arrays_as_cases(
        without_comments(display))))
    groups = _text_groups(masked.text)
    starts = [a for a, _ in groups]
    cases = [m.span() for m in CASES.finditer(masked.text)]
    out, start, before = [], 0, None
    depth = _brace_depths(masked.text)
    for m in _BREAK.finditer(masked.text):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and m.start() < groups[k][1]:      # inside \text{…}: not a break
            continue
        if any(a < m.start() < b for a, b in cases):  # a case of `cases`: not a row
            continue
        if _row_break(m) and depth(m.start()) > 0:   # `\substack{a \\ b}`
            continue
        out.append((before, masked[start:m.start()]))
        start, before = m.end(), m
    out.append((before, masked[start:]))
    out = _without_remark_rows(out)
    found, joinable, multline, split = [], False, False, {}
    for k, (before, piece) in enumerate(out):
        if before is not None and "{multline" in before.group(0):   # one equation: rows join
            multline = before.group(0).startswith("\\begin")
        below = out[k + 1] if k + 1 < len(out) else None
        goes_on = below is not None and _row_break(below[0]) and \
            _starts_with_relation(below[1].text.replace("&", " "))
        row = _row(piece, joinable and bool(found) and ends_open(found[-1].text), goes_on)
        if indent(row.text) == len(row.text):    # nothing but spacing (`\,\\`): no row
            joinable = False
            continue
        follows = joinable and _row_break(before)
        under = follows and _aligned_below(found[-1], row)
        at = continuation(row.text, under)
        goes_on = follows and (at is not None or multline or _goes_on(found[-1], row) or
                               reason_row(row.text))
        if goes_on or follows and _starts_with_relation(row.text):
            split.pop(len(found) - 1, None)          # the cases row goes on: not split
        if goes_on:
            found[-1] = _joined(found[-1], masked[before.start():before.end()], row,
                                indent(row.text))
        else:
            found.append(Row(row.text, row.spans, row.align, under))
            if CASES.search(row.text):
                split[len(found) - 1] = _case_rows(piece)
        joinable = True
    found = [r for k, row in enumerate(found)
             for r in (split.get(k) or _equivalent(found, k, split) or _connective_rows(row) or
                       [row])]
    return _without_repeated_relations(_first_order_conditions(found))


# A command in the namespace of derive's own marks (`\\derivearrownote`, `COLUMN_PAIR`).
_OWN_MARK = re.compile(r"\\derive(?P<rest>[a-zA-Z]+)")


def _own_marks_renamed(masked):
    """The display with every command the author wrote in the namespace of derive's own
    marks renamed (`\\derivearrownote` to `\\derivewrittenarrownote`, `WRITTEN_MARK`),
    before any mark is made: no text of the author acts as a mark, and `annotate`
    refuses it at its position."""
    for m in reversed(list(_OWN_MARK.finditer(masked.text))):
        # the whole command is replaced: text joined after a control word never extends it
        masked = masked.replace(m.start(), m.end(), Mapped.generated(
            WRITTEN_MARK + m.group("rest"), masked.origin(m.start())))
    return masked


# A row that is only an arrow between the rows of a chain (`&\Downarrow \\`): a marker saying
# "and so", with no annotation (`\Downarrow_{T(x) = …}` may hold a condition: not one).
_ARROW_ROW = re.compile(r"\\(?:(?P<down>Downarrow)|Leftrightarrow|Longleftrightarrow"
                        r"|iff)")
_ROW_PUNCTUATION = set(",.:;!?()")


def _remark_row(text):
    """Whether a row is a remark (`_without_remark_rows`): nothing but an arrow marker, or
    nothing but prose in a script derive never reads as math (CJK: `分子分母同时除以2`) — its
    letters all of that script (Unicode `Lo`), beside digits, spacing and punctuation, never
    a Latin letter, a command or a math symbol. Returns the arrow's match, True for prose,
    None for any other row."""
    body = re.sub(_SPACING, "", _AMPERSAND.sub(" ", text))
    if not body:
        return None
    arrow = _ARROW_ROW.fullmatch(body)
    if arrow:
        return arrow
    if any(unicodedata.category(c) == "Lo" for c in body) and all(
            unicodedata.category(c) == "Lo" or c.isdigit() and c.isascii()
            or c in _ROW_PUNCTUATION or unicodedata.category(c).startswith("P") and ord(c) > 0x2000
            for c in body):
        return True
    return None


# An arrow row with an annotation (`_annotated_arrow`): the arrow, stacked under or over a
# label (`\overset{…}{\Downarrow}`) or bare, then its scripts (`\Downarrow_{T(x) = …}`).
_ARROW = re.compile(r"\\(?P<arrow>Downarrow|Longdownarrow|Leftrightarrow|Longleftrightarrow"
                    r"|iff)(?![a-zA-Z])")
_BRACED_ARROW = re.compile(r"\s*\{\s*" + _ARROW.pattern + r"\s*\}")
_STACKED_ARROW = re.compile(r"\\(?:overset|underset|stackrel)\s*(?=\{)")
_SCRIPT = re.compile(r"\s*(?:\\(?:no)?limits(?![a-zA-Z])\s*)?[_^]\s*")
_SCRIPT_TOKEN = re.compile(r"\\[a-zA-Z]+|[^\s\\{}]")     # a script without braces
_THIN_SPACING = r"(?:\s|\\[,;:! ]|~)*"        # spacing short of a \quad
# What may follow the arrow and its scripts as its annotation: words, a parenthesis, or
# anything after a `\quad` (as beside a row); other math there (`\Downarrow a^2 = 4`) is a
# statement on the arrow's row, never an annotation.
_ANNOTATION_START = re.compile(r"(?P<quad>\\(?:q?quad(?![a-zA-Z])|hspace\*?\s*\{[^{}]*\}))|"
                               r"\\(?:text(?:rm|it|normal)?|mbox)\s*\{|"
                               r"(?:\\(?:left|[bB]igg?l?)\s*)?\(")


def _annotated_arrow(text):
    """The annotation of a row that is an arrow with one, as spans (start, end) of the
    row's text, each one part as written: `\\Downarrow_{T(x) = …}` (`^{…}`, a script of one
    token), `\\overset{…}{\\Downarrow}` (`\\underset`, `\\stackrel`), `\\Downarrow \\quad
    \\text{since …}`, `\\Downarrow \\text{…}`, `\\Downarrow (…)`, or several of these —
    with the arrow's name: (arrow, spans). None for any other row: a bare arrow, or math
    right after the arrow (`\\Downarrow a^2 = 4`), a statement on its row, no annotation."""
    from derive.frontend.documents.macros import group
    text = _AMPERSAND.sub(" ", text)
    at = re.match(_SPACING, text).end()
    spans = []
    stacked = _STACKED_ARROW.match(text, at)
    if stacked:
        label = group(text, stacked.end())
        arrow = label and _BRACED_ARROW.match(text, label[2])
        if not arrow:
            return None
        spans.append(label[:2])
    else:
        arrow = _ARROW.match(text, at)
        if arrow is None:
            return None
    at = arrow.end()
    while (script := _SCRIPT.match(text, at)) is not None:
        if text[script.end():script.end() + 1] == "{":
            braced = group(text, script.end())
            if braced is None:
                return None
            spans.append(braced[:2])
            at = braced[2]
            continue
        token = _SCRIPT_TOKEN.match(text, script.end())
        if token is None:
            return None
        spans.append(token.span())
        at = token.end()
    rest = re.compile(_THIN_SPACING).match(text, at).end()
    if text[rest:].strip():
        lead = _ANNOTATION_START.match(text, rest)
        if lead is None:
            return None
        spans.append((lead.end() if lead.group("quad") else rest, len(text.rstrip())))
    spans = [(a, b) for a, b in spans if text[a:b].strip()]
    if any(group("{" + text[a:b] + "}", 0) != (1, b - a + 1, b - a + 2) for a, b in spans):
        return None                   # a brace it does not close: not one annotation
    return (arrow.group("arrow"), spans) if spans else None


def _arrow_note(piece, spans, hence):
    """The row a note row with an annotation becomes: `ARROW_NOTE{…}` holding the
    annotation's parts as written (their origins kept), after a generated `\\therefore`
    when it says "hence" of the statement below."""
    origin = piece.origin(0)
    out = Mapped.generated(("\\therefore " if hence else "") + ARROW_NOTE + "{", origin)
    for k, (a, b) in enumerate(spans):
        out = out + (Mapped.generated(" ", origin) if k else Mapped("", ())) + piece[a:b]
    return out + Mapped.generated("}", piece.origin(len(piece.text)))


def _without_remark_rows(pieces):
    """The (break, row) pieces of a display, its remark rows (`_remark_row`) between two
    rows read as the author means them:

    * above a row going on with a relation (`A &= B \\\\ 分子分母同时除以2 \\\\ &= C`,
      `&= B \\\\ &\\Downarrow \\\\ &= C`) it is a note between two links of one chain,
      which goes on across it (B = C is checked): set aside;
    * a lone `\\Downarrow` above a row starting a statement of its own (`a = 2 \\\\
      \\Downarrow \\\\ a^2 = 4`) is "hence": read as `\\therefore` alone on its line, so
      the row below is claimed under the line above, never alone.
    * an arrow with an annotation (`_annotated_arrow`: `\\Downarrow_{T(x) = …}`,
      `\\overset{\\text{Jensen}}{\\Downarrow}`, `\\Downarrow \\quad \\text{since …}`) is
      read as the bare arrow is there — above a row going on with a relation (any of the
      arrows), or as "hence" above a statement of its own (`\\Downarrow` only) — and its
      annotation becomes a note row (`_arrow_note`) that `annotations` reads as a reason
      of the rows below it, never as math of a row.

    Any other remark row (first or last, an equivalence or prose above a statement of its
    own, where the reader cannot tell whether the row above is a premise) is kept, and
    refused where it stands."""
    out = []
    for k, (before, piece) in enumerate(pieces):
        # the next row that prints something: an empty row after a trailing `\\` is none,
        # so an arrow above it is last in the display (refused), never a note between rows
        below = next((p for p in pieces[k + 1:] if re.sub(_SPACING, "", p[1].text.replace(
            "&", " "))), None)
        between = out and before is not None and _row_break(before) and below is not None \
            and _row_break(below[0])
        annotated = _annotated_arrow(piece.text) if between else None
        goes_on = between and _starts_with_relation(below[1].text.replace("&", " "))
        if annotated is not None and (goes_on or annotated[0] == "Downarrow"):
            # an arrow with its annotation: a note on the link across it, or "hence" above a
            # statement of its own — the annotation a reason, never math of a row
            out.append((before, _arrow_note(piece, annotated[1], hence=not goes_on)))
        elif not (between and _remark_row(piece.text)):
            out.append((before, piece))
        elif not goes_on:
            arrow = _ARROW_ROW.search(piece.text)
            if arrow and arrow.group("down"):
                piece = piece.replace(0, len(piece.text), Mapped.generated(
                    "\\therefore", piece.origin(arrow.start())))
            out.append((before, piece))
    return out


# A first-order condition: a row that is a derivative set to zero, `\frac{\partial}{\partial
# D(x)}(…) = 0`, `\frac{d}{d\lambda} L = 0` (`_first_order_conditions`).
_DERIVATIVE_START = re.compile(r"\\frac\s*\{\s*(?:\\partial|d|\\mathrm\s*\{\s*d\s*\})(?![a-zA-Z])")
_SET_TO_ZERO = re.compile(r"(?<![\\<>!:])=\s*0\s*$")
_LEADING_ARROW = re.compile(r"\\(?:Rightarrow|Longrightarrow|implies)(?![a-zA-Z])")


def _first_order_conditions(rows):
    """The rows with each first-order condition — a row that is nothing but a derivative
    set to zero — joined to the row below it when that row is led by `\\Rightarrow`
    (`\\implies`, `\\Longrightarrow`): `\\frac{\\partial}{\\partial D(x)}(…) = 0 \\\\
    \\Rightarrow \\frac{p(x)}{D(x)} - \\frac{q(x)}{1 - D(x)} = 0` is the condition imposed,
    not claimed — read as the one row `H = 0 \\Rightarrow Q` (as with `\\stackrel{!}{=}`): the
    premise of the row below, which is claimed under it; never a step of its own."""
    out = []
    for row in rows:
        above = out[-1] if out else None
        zero = above is not None and _LEADING_ARROW.match(row.text, indent(row.text)) and \
            _DERIVATIVE_START.match(above.text, indent(above.text)) and \
            _SET_TO_ZERO.search(above.text)
        if zero and first_relation(above.text) == zero.start():
            joined = above + row        # `H = 0 \\Rightarrow Q`: the premise H = 0
            out[-1] = Row(joined.text, joined.spans, above.align, above.under)
            continue
        out.append(row)
    return out


# An equivalence leading a row: `\Leftrightarrow & e^y &= …` (`_equivalent`).
_LEADING_IFF = re.compile(r"\\(?:Leftrightarrow|Longleftrightarrow|iff)(?![a-zA-Z])")


def _equivalent(rows, k, split):
    """The rows that row k stands for when it is led by an equivalence (`\\Leftrightarrow`,
    `\\Longleftrightarrow`, `\\iff`) and states something of its own — a proof by equivalent
    equations, `y &= \\log\\sum_i e^{x_i} \\\\ \\Leftrightarrow e^y &= \\sum_i e^{x_i}` —,
    else None. Such a row reads two ways: as `Q \\Leftrightarrow R`, Q the statement of
    the row above (after its own leading equivalence), checked both ways as that row is
    (`_connective_rows`: `Q \\Rightarrow R`, `R \\Rightarrow Q`); and as R claimed on its
    own, which the chain says once its first row holds. Both are its cases, under one
    whole row marked `agreeing` (`model.derivation.by_cases`): verified when every case
    is, refuted only when R and a way of the equivalence are — never a verdict the two
    readings do not share (`x = 2 \\Leftrightarrow x^2 = 4` is no identity of x²; after a
    wrong row the next equivalence fails while its R holds). Only where the row above is
    one statement: no relation leading it, no connective or `cases` in it."""
    row = rows[k]
    start = indent(row.text)
    lead = _LEADING_IFF.match(row.text, start)
    if lead is None or not k or row.under or split.get(k - 1) is not None:
        return None
    claim = _trimmed(row[lead.end():])
    if _starts_with_relation(claim.text) or first_relation(claim.text) is None or \
            _CONNECTIVE.search(claim.text):
        return None
    above = rows[k - 1]
    stated = _LEADING_IFF.match(above.text, indent(above.text))
    premise = _trimmed(above[stated.end() if stated else indent(above.text):])
    if _starts_with_relation(premise.text) or _CONNECTIVE.search(premise.text) or \
            first_relation(premise.text) is None:
        return None
    both = _connective_rows(Row(*_spanned(premise + row[start:])))
    whole = replace(both[0].whole, agreeing=True)
    return [replace(r, whole=whole) for r in both + [Row(*_spanned(claim))]]


# The connectives between statements a row may chain: `\Rightarrow`, `\Leftrightarrow`.
_CONNECTIVE = re.compile(r"\\(?:(?P<iff>Leftrightarrow|Longleftrightarrow|iff)|"
                         r"Rightarrow|Longrightarrow|implies)(?![a-zA-Z])")


def _connective_rows(row):
    """The rows a row of statements joined by connectives stands for, when it has more
    than one connective or an equivalence:

    * after a premise (the first connective `\\Rightarrow`): `H \\Rightarrow Q
      \\Leftrightarrow R` (the first-order condition of a likelihood set to 0, then solved)
      is `H \\Rightarrow Q` and `H \\Rightarrow R` — each later statement a claim under the
      premise, as every claim of a row `H \\Rightarrow …` is; the connectives after it say
      "and so", and are not checked on their own;
    * without one (the first connective an equivalence): each link is checked — `Q
      \\Leftrightarrow R` both ways, one step made of two cases (`Q \\Rightarrow R`, `R
      \\Rightarrow Q`: `Row.whole`, as a `cases` environment's rows are), verified only when
      both are; `\\Rightarrow` one way.

    Each row keeps its characters' origins (an arrow generated where the `\\Leftrightarrow`
    stands). None for any other row (one `\\Rightarrow`: the premise reading; a connective
    inside braces; an empty statement, as a leading `\\Rightarrow`, "hence")."""
    links = list(_CONNECTIVE.finditer(row.text))
    if not links or len(links) == 1 and links[0].group("iff") is None:
        return None                 # the common row: no brace depths to count
    depth = _brace_depths(row.text)
    links = [m for m in links if depth(m.start()) == 0]
    if not links or len(links) == 1 and links[0].group("iff") is None:
        return None
    bounds = [0] + [x for m in links for x in (m.start(), m.end())] + [len(row.text)]
    statements = [_trimmed(row[a:b]) for a, b in zip(bounds[0::2], bounds[1::2])]
    if any(not st.text for st in statements):
        return None
    if links[0].group("iff") is None:
        premise = row[:links[0].end()]
        return [Row(*_spanned(premise + claim)) for claim in statements[1:]]
    out = []
    for k, link in enumerate(links):
        before, after = statements[k], statements[k + 1]
        implies = row[link.start():link.end()] if link.group("iff") is None else \
            Mapped.generated(" \\Rightarrow ", row.origin(link.start()))
        made = [Row(*_spanned(before + implies + after))]
        if link.group("iff") is not None:
            whole = Row(*_spanned(row[bounds[2 * k]:bounds[2 * k + 3]]))
            made = [replace(r, whole=whole) for r in
                    made + [Row(*_spanned(after + implies + before))]]
        out += made
    return out


def _trimmed(piece):
    """A statement without the spacing around it (`\\quad` beside an arrow)."""
    start = re.match(_SPACING, piece.text).end()
    end = start + re.search(_SPACING + "$", piece.text[start:]).start()
    return piece[start:end]


def _spanned(piece):
    """(text, spans) of a `Mapped`, for a `Row`."""
    return piece.text, piece.spans


# `\begin{cases} A & \text{if } i = k \\ B & \text{otherwise} \end{cases}`, a row's whole
# right side: one row per case (`_case_rows`).
CASES = re.compile(r"\\begin\s*\{cases\}(.*?)\\end\s*\{cases\}", re.S)
_CASE_BREAK = re.compile(r"\\\\\*?(?:\[[^\]]*\])?|\\newline(?![a-zA-Z])")
_OTHERWISE_WORD = re.compile(r"\\(?:text(?:rm)?|mbox|mathrm)\s*\{\s*(?:otherwise|else)\s*[.,]?\s*\}")
_OTHERWISE = re.compile(rf"\s*{_OTHERWISE_WORD.pattern}\s*[.,]?\s*$")
_WORDED = re.compile(r"\s*(?:\\[,;!> ]|\\q?quad|~)*\s*\\(?:text(?:rm|it|normal)?|mbox|mathrm)\s*\{")
_NEGATION = {"=": "\\ne", "\\ne": "=", "\\neq": "=", "<": "\\ge", "\\lt": "\\ge",
             ">": "\\le", "\\gt": "\\le", "\\le": ">", "\\leq": ">", "\\ge": "<",
             "\\geq": "<"}
_SPACING = r"(?:\s|\\[,;!> ]|\\q?quad(?![a-zA-Z])|~)*"
_ONE_RELATION = re.compile(rf"^{_SPACING}(?:\\text\s*\{{\s*(?:if|for|when)\s*\}}{_SPACING})?"
                           r"([^=<>&]+?)\s*(=|<|>|\\neq?(?![a-zA-Z])|\\[lg]eq?(?![a-zA-Z])|\\[lg]t(?![a-zA-Z]))"
                           r"\s*([^=<>&]+?)\s*[.,]?\s*$")

# What makes a side of `_ONE_RELATION` part of a compound condition (a chain `0 \le x \le
# 5`, a list `x \ge 0, x \le 5`, words `\text{ and }`, a connective): its negation is no
# single relation, so `otherwise` beside it is refused.
_COMPOUND = re.compile(r"[,;]|\\(?:[lg]eq?(?:slant)?|[lg]t|neq?|land|lor|wedge|vee|neg|lnot|"
                       r"in|notin|ni|subset(?:eq)?|supset(?:eq)?|equiv|approx|sim|iff|implies|"
                       r"[Rr]ightarrow|[Ll]eftrightarrow|to|mid|text\w*|mbox|mathrm|q?quad)"
                       r"(?![a-zA-Z])")

# `\left\{ \begin{array}{ll} v & c \\ … \end{array} \right.`: cases as written before amsmath.
_BRACED_ARRAY = re.compile(r"(\\left\s*)?(?:\\\{|\\lbrace(?![a-zA-Z]))\s*\\begin\s*\{array\}"
                           r"\s*(?:\{[^{}]*\})?")
_ARRAY_ENDS = re.compile(r"\\(begin|end)\s*\{array\}")
_RIGHT_DOT = re.compile(r"\s*\\right\s*\.")


def _braced_arrays_as_cases(masked):
    """`\\left\\{ \\begin{array}{ll} … \\end{array} \\right.` (also `\\lbrace`, or a bare
    `\\{` before the array) as `\\begin{cases} … \\end{cases}`, padded with spaces so
    every character keeps its origin: the classic spelling of cases is read as cases are,
    never as an array's rows with `&` as layout (a value beside its condition read as
    `v · c`). A brace-and-array closed otherwise (`\\right\\}`) keeps what follows its
    `\\end{cases}`, where a cases environment is refused at its position."""
    text = masked.text
    for opening in reversed(list(_BRACED_ARRAY.finditer(text))):
        depth, close = 0, None
        for m in _ARRAY_ENDS.finditer(text, opening.end()):
            depth += 1 if m.group(1) == "begin" else -1
            if depth < 0:
                close = m
                break
        if close is None:
            continue
        end = close.end()
        dot = _RIGHT_DOT.match(text, end) if opening.group(1) else None
        if dot is not None:
            end = dot.end()
        text = text[:opening.start()] + "\\begin{cases}".ljust(len(opening.group(0))) + \
            text[opening.end():close.start()] + "\\end{cases}".ljust(end - close.start()) + \
            text[end:]
    return Mapped(text, masked.spans)


# Plain TeX's alignment (`$$\\eqalign{ a &= b \\cr &= c \\cr}$$`, older notes and papers),
# and its row end `\\cr` (also `\\crcr`, which plain TeX's macros close a body with).
_EQALIGN = re.compile(r"\\eqalign(?![a-zA-Z])")
_CR = re.compile(r"\\cr(?:cr)?(?![a-zA-Z])")


def _eqaligns_as_aligned(masked):
    """Each `\\eqalign{…}` as `\\begin{aligned} … \\end{aligned}`, its `\\cr` row ends (in
    the group itself, not in a group inside it) as `\\\\`: plain TeX's eqalign is amsmath's
    aligned, rows aligned at `&`. What the rewrite adds maps to the characters it replaces,
    so every position stays the author's. An `\\eqalign` without a closed braced group
    after it, `\\eqalignno` (a column of equation numbers) and a `\\cr` anywhere else are
    left alone: the parser refuses them where they stand."""
    from derive.frontend.documents.macros import group
    for m in reversed(list(_EQALIGN.finditer(masked.text))):
        found = group(masked.text, m.end())
        if found is None:
            continue
        start, end, after = found
        body = masked[start:end]
        depth = _brace_depths(body.text)
        for cr in reversed([c for c in _CR.finditer(body.text) if depth(c.start()) == 0]):
            body = body.replace(cr.start(), cr.end(), Mapped.generated(
                "\\\\".ljust(cr.end() - cr.start()), body.origin(cr.start())))
        masked = masked[:m.start()] + \
            Mapped.generated("\\begin{aligned}", masked.origin(m.start())) + body + \
            Mapped.generated("\\end{aligned}", masked.origin(end)) + masked[after:]
    return masked



def _case_rows(piece):
    """The rows a `cases` environment stands for when it is the whole right side of a row
    with a left side of its own and one relation (`F = \\begin{cases} A & C \\\\ B & D
    \\end{cases}`): `F = A \\quad C`, `F = B \\quad D` — each case a claim under its
    condition, read as a side condition is (`\\text{if } i = k`, `\\text{for } x > 0`; bare
    math `i = k` as `\\text{if $i = k$}`). `\\text{otherwise}` is the negation of the one
    other case's condition when that is a single relation (`i = k` → `i \\ne k`, `x > 0` →
    `x \\le 0`; never beside a chain, a list or `\\text{ and }`: ¬(A ∧ B) is no one
    relation). The negation stands where `otherwise` does (`otherwise_at`): ¬(x > 0) is
    x ≤ 0 only for real sides, which the builder checks once the names are known. None (the parser then refuses the environment at its position) for any
    other form: cases elsewhere in a row, a case without a condition (also an empty one
    after `&`), `otherwise` after
    several cases. A row defining a name by cases (`f(x) = \\begin{cases}…`) becomes
    definitions under conditions, which the chain refuses."""
    found = CASES.search(piece.text)
    head, tail = piece.text[:found.start()], piece.text[found.end():]
    if CASES.search(tail) or tail.strip(" \t\n.,;") or not re.search(
                r"(?:=|<|>|\\(?:neq?|l[et]q?|g[et]q?|equiv|coloneqq|triangleq))\s*&?\s*$", head) or \
            len(re.findall(r"(?<![\\<>!])=|\\ne(?:q)?(?![a-zA-Z])|<|>|\\[lg]eq?(?![a-zA-Z])",
                           head.replace(":=", "=").replace("&", " "))) != 1 or \
            _starts_with_relation(head.replace("&", " ")):
        return None
    body_at = found.start(1)
    cells, at = [], body_at
    for m in list(_CASE_BREAK.finditer(found.group(1))) + [None]:
        end = body_at + (m.start() if m else len(found.group(1)))
        if piece.text[at:end].strip():
            cells.append((at, end))
        at = body_at + m.end() if m else at
    conditions = []
    for a, b in cells:
        amp = piece.text.find("&", a, b)
        if amp < 0 or "&" in piece.text[amp + 1:b] or \
                not re.sub(_SPACING, "", piece.text[amp + 1:b]).strip(".,;"):
            return None                           # no condition after `&`: refused too
        conditions.append(piece.text[amp + 1:b])
    otherwise = [k for k, c in enumerate(conditions) if _OTHERWISE.match(c)]
    if otherwise and (len(cells) != 2 or len(otherwise) != 1):
        return None
    rows = []
    for k, (a, b) in enumerate(cells):
        amp = piece.text.find("&", a, b)
        value = piece[a:amp]
        value = value.blank_span(len(value.text.rstrip(" \t\n,;")), len(value.text))
        condition = piece[amp + 1:b]
        quad = Mapped.generated(" \\quad ", piece.origin(amp))
        if k in otherwise:
            other = _ONE_RELATION.match(conditions[1 - k])
            if other is None or any(_COMPOUND.search(other.group(g)) for g in (1, 3)):
                return None                       # ¬(A ∧ B) is no one relation
            negated = f"\\text{{if ${other.group(1)} {_NEGATION[other.group(2)]} {other.group(3)}$}}"
            word = amp + 1 + len(conditions[k]) - len(conditions[k].lstrip())
            condition = Mapped.generated(negated, piece.origin(word))
        elif _WORDED.match(condition.text) is None:
            end = len(condition.text.rstrip(" \t\n.,;"))
            condition = Mapped.generated("\\text{if $", piece.origin(amp + 1)) + \
                condition[:end] + Mapped.generated("$}", piece.origin(amp + 1 + end))
        rows.append(piece[:found.start()] + value + quad + condition)
    whole = _row(piece)
    return [replace(_row(r), whole=whole) for r in rows]


def cases_written(text, whole):
    """The `\\begin{cases} … \\end{cases}` of the row `whole` (`Row.whole` of its cases'
    rows) as the document `text` writes it, `&` and `\\\\` included (else as the row holds
    it): how the one step its cases make is shown."""
    found = CASES.search(whole.text)
    if found is None:                       # `Q \\Leftrightarrow R` (`_connective_rows`)
        return " ".join(whole.text.split())
    start, end = whole.origin(found.start()), whole.origin(found.end() - 1) + 1
    written = text[start:end]
    return written if written.startswith("\\begin") and written.endswith("}") else \
        " ".join(found.group(0).split())


_TOKEN = re.compile(r"\\(?:[a-zA-Z]+|.)|[{}]", re.S)


def otherwise_at(text, at):
    """Whether a case's `\\text{otherwise}` starts at offset `at` of the document `text`:
    the condition `_case_rows` wrote for it (the negation of the other case's) has its
    origin there, so a reader can tell it from a condition the author wrote."""
    return _OTHERWISE_WORD.match(text, at) is not None


def _brace_depths(text):
    """A function: how many braces are open at an offset of `text` (`\\{` is a delimiter,
    no brace). A `\\\\` inside braces (`\\substack{j=1 \\\\ j \\ne k}`) breaks no row."""
    opens, depth = [], 0
    for m in _TOKEN.finditer(text):
        if m.group(0) in "{}":
            depth += 1 if m.group(0) == "{" else -1
            opens.append((m.start(), depth))
    keys = [at for at, _ in opens]
    return lambda at: opens[bisect.bisect_left(keys, at) - 1][1] \
        if bisect.bisect_left(keys, at) else 0


def across(above, below):
    """The rows of two displays that stand side by side in the source (`above`, then
    `below`, nothing but blank lines between them: `$$ a = \\int_x p(x) $$` then
    `$$ + q(x) \\, dx $$`), as one display's rows when `below` goes on from `above` —
    its first row continues the expression of `above`'s last row (`continuation`; a
    leading `-` heading a chain of its own display, `-\\log(ab) \\\\ &= …`, is a sign
    there, as on any display's first row) or continues its chain (starts with a
    relation), or `above`'s last row breaks off after an operator (`$$ a = b + $$` then
    `$$ c $$`, `_goes_on`). The author laid out one expression over two displays; a
    continuation is then joined exactly as after `\\\\` in one display. None when `below`
    starts anew."""
    first = below[0]
    at = continuation(first.text)
    if above[-1].whole is not None and (at is not None or _starts_with_relation(first.text)):
        whole = above[-1].whole               # goes on from one case: the cases stay unread
        above = [r for r in above if r.whole is not whole] + [whole]
    heads = len(below) > 1 and _starts_with_relation(below[1].text)
    if at is not None and not (heads and signed_start(first.text, at)) or \
            _goes_on(above[-1], first):
        gap = Mapped.generated(" ", above[-1].origin(len(above[-1].text)))
        joined = _joined(above[-1], gap, first, indent(first.text))
        return _without_repeated_relations([*above[:-1], joined, *below[1:]])
    if at is None and _starts_with_relation(first.text):
        return _without_repeated_relations([*above, *below])
    return None


def _goes_on(above, row):
    """Whether the row `above` breaks off inside its expression — it ends with a binary
    operator or a relation (`a = b + \\\\ &(-1)`, `L = \\\\ &\\quad \\sum …`) — and `row`
    does not start with a relation of its own: the author's line break inside one
    expression, so `row` is the rest of it (a row starting with the same relation states it
    once instead, `_without_repeated_relations`)."""
    return ends_open(above.text) and not _starts_with_relation(row.text)


def reason_row(text):
    """Whether a row is led by `\\because` (`&\\quad \\because (a+b)^n = \\sum_x …`, s23a):
    the reason of the row above on a line of its own — joined to that row as after a
    `\\quad`, so it is read as a `\\because` at the end of a row is: words set aside, math a
    reason derive does not read (the row is checked without it, and a counterexample
    refutes nothing). Never a claim of its own, nor a row going on from nothing."""
    return text.startswith("\\because", indent(text))


def ends_open(text):
    """Whether `text`, before its side remarks and trailing spacing, ends with a binary
    operator (`+`, `-`, `\\cdot`, `\\times`, `\\pm`, `\\mp`) or a relation — not a
    superscript or subscript sign (`x^+`, `0^-`): nothing can end there."""
    body = _TRAILING_SPACE.sub("", text[:_side_start(text)])
    return _OPEN_END.search(body) is not None


def _starts_with_relation(text):
    """Whether a row's first token, after its alignment and spacing, is a relation."""
    return _ROW_RELATION.match(text, indent(text)) is not None


def lead_blanked(text):
    """A row going on with its relation after an empty group (`& {} = …`, `{} \\ge …`:
    TeX's spacing for a relation with nothing on its left) with its leading spacing
    blanked, offsets kept: the `{}` there is no left side to read. Any other row as it is."""
    if not _starts_with_relation(text):
        return text
    lead = indent(text)
    return " " * lead + text[lead:]


def _aligned_below(above, row):
    """Whether `row`'s left alignment column is empty (`&- b = c`, `&(-1)`) below a row
    aligned at or after its relation (`g &= a`, `g = &a`): it stands under that row's
    right-hand side and has no left side of its own."""
    if row.align is None or above.align is None or row.text[:row.align].strip():
        return False
    relation = own_relation(above.text)
    return relation is not None and not above.text[above.align:relation].strip(" :")


def _joined(above, gap, row, lead):
    """`row` joined to the row `above` it, the `gap` (the `\\\\`) and `row`'s first `lead`
    characters (alignment, spacing) blanked. The continuation goes on with the expression,
    so it goes in before the side remark or hypothesis that ends the row above
    (`a \\quad \\text{for } c > 0`, `a, \\quad c = 1`, a `&&` column)."""
    tail = _side_start(above.text)
    joined = above[:tail] + gap.blank_span(0, len(gap)) + row.blank_span(0, lead) + above[tail:]
    return Row(joined.text, joined.spans, above.align, above.under)


def _side_start(text):
    """Where the side part of a row starts: its first top-level `\\quad` after some math,
    with a comma before it (`a, \\quad c = 1`); the row's end if it has none."""
    from derive.frontend.latex.annotations import _depth
    for m in re.finditer(r"(?:,\s*)?\\q?quad(?![a-zA-Z])", text):
        if _depth(text, m.start()) == 0 and text[:m.start()].strip():
            return m.start()
    return len(text)


# Spacing, alignment and empty groups before a row's first token (`&\quad`, `& {}`,
# `\phantom{=}`, `\mathrel{\phantom{=}}`, `\hspace{1em}`, `\mspace{20mu}`, `\kern1em`).
_GROUP = r"\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}"
_DIMEN = r"\s*-?[\d.]+\s*(?:em|ex|pt|mu|mm|cm|in|bp|pc|sp)(?![a-zA-Z])"
_INDENT = re.compile(r"(?:\s|&|~|\\[ ,;:!>]|\{\s*\}|"
                     r"\\(?:q?quad|(?:math)?strut|" + STYLES + ")"
                     r"(?![a-zA-Z])|"
                     r"\\(?:h|v)?phantom\s*" + _GROUP + r"|\\(?:hspace\*?|mspace)\s*\{[^{}]*\}|"
                     r"\\math(?:rel|bin|ord)\s*\{\s*\\[hv]?phantom\s*" + _GROUP + r"\s*\}|"
                     r"\\(?:m?kern|hskip|mskip)" + _DIMEN + r")*")
# The binary operators written as commands: a row may end with one or go on with one
# (`\odot`, the elementwise product, is a product sign as `\cdot` is).
_BINARY_WORDS = r"cdot|times|odot|pm|mp"
# What may wrap a continuation's operator: a colour, a box, a brace around the operator
# alone (`\textcolor{red}{+ b}`, `{\color{red} + b}`, `\underbrace{+ b}_{…}`, `\boxed{+ b}`,
# `\mathbin{+}`, `{+}`, `\left. + b \right.`). The row is joined with it; what it means is
# read there. A plain braced group is an operand, never a wrapper: `{-a \over b} = c`,
# `{-a} &= b` start with a number of their own (TeX prints the group as one atom).
_WRAPPER = re.compile(r"(?:\{(?=\s*(?:\\color(?![a-zA-Z])|(?:[+-]|\\(?:" + _BINARY_WORDS + r"))\s*\}))|"
                      r"\\(?:textcolor\s*\{[^{}]*\}\s*\{|color\s*\{[^{}]*\}|"
                      r"(?:underbrace|overbrace|boxed|mathbin)\s*\{|left\s*\.)|\s)*")
_BINARY = re.compile(r"[+-]|\\(?:" + _BINARY_WORDS + r")(?![a-zA-Z])")
_SIGN_IN_FONT = re.compile(r"\\[a-zA-Z]+\s*\{\s*(?:[+-]|\\(?:" + _BINARY_WORDS + r")(?![a-zA-Z]))")
_ROW_RELATION = re.compile(r"(?<![\\a-zA-Z])(?:=|<|>)|" +
                           commands(*ORDER, *DEFINING, "approx", "propto"))
_RELATION_OR_SIDE = re.compile(r"(?P<relation>" + _ROW_RELATION.pattern + r")|\\q?quad(?![a-zA-Z])")


# Spacing at the end of a row, and an operator or relation the row then ends with.
_TRAILING_SPACE = re.compile(r"(?:\s|~|\\[ ,;:!>]|\\q?quad(?![a-zA-Z])|\{\s*\})*$")
_OPEN_END = re.compile(r"(?<![\^_\\])(?:[+-]|\\(?:" + _BINARY_WORDS + r")|" + _ROW_RELATION.pattern +
                       r")$")


def indent(text):
    """How many characters of spacing and alignment start `text` (`_INDENT`)."""
    return _INDENT.match(text).end()


def continuation(text, aligned=False):
    """Where the operator stands in a row that continues the expression of the row above
    (an index into `text`), or None. Such a row's first token — after alignment marks,
    spacing, `{}`, `\\phantom{…}` and what wraps the operator (`_WRAPPER`) — is a binary
    operator: `+`, `\\cdot`, `\\times`, `\\pm`, `\\mp` always (no expression starts with
    one); `-` when the row states no relation of its own (`& - \\log b`), is indented before
    it (`&\\quad - \\log b = …`, `& {}- …`; a wrapper is no indent) or is `aligned`: its left
    alignment column is empty below a row aligned at its relation (`g &= a \\\\ &- b = c`) —
    a row `-a = -b`, `\\textcolor{red}{-a} = -b` has its own left side, and so has a row
    whose relation prints inside what wraps it (`-2a \\stackrel{(a)}{=} b`, `-2a {=} b`,
    `\\boxed{-2a = b}`: `printed_relations.own_relation`), even `aligned` when a wrapper
    starts it (`&\\boxed{-b = c}` frames a claim of its own)."""
    lead = indent(text)
    op = _BINARY.match(text, _WRAPPER.match(text, lead).end())
    if op is None:
        return None
    wrapped = text[lead:op.start()].strip()         # `\boxed{- b = c}`: a claim of its own
    if op.group(0) != "-" or (aligned and not wrapped) or text[:lead].replace("&", "").strip():
        return op.start()
    return None if own_relation(text) is not None else op.start()


def first_token(text):
    """Where a row's first token stands, after alignment, spacing and what may wrap an
    operator (`_WRAPPER`); None when it is a sign in a font (`\\mathrm{+b}`), which may
    be an operator."""
    start = _WRAPPER.match(text, indent(text)).end()
    return None if _SIGN_IN_FONT.match(text, start) else start


def signed_start(text, at):
    """Whether the operator at `at` of a continuation row may be a sign, the row starting a
    chain of its own: a `-` not marked binary by an empty group or a phantom before it
    (`{}- …`)."""
    return text.startswith("-", at) and not re.search(r"\{\s*\}|phantom", text[:at])


def _top_relation(text):
    """Whether `text` states a relation outside every bracket, before its side remarks
    (a top-level `\\quad` after some math)."""
    return first_relation(text) is not None


def first_relation(text):
    """Where the first relation `text` states outside every bracket, before its side
    remarks (a top-level `\\quad` after some math), stands; None if it states none."""
    from derive.frontend.latex.annotations import _depth
    for m in _RELATION_OR_SIDE.finditer(text):
        if _depth(text, m.start()) == 0 and (m.group("relation") or text[:m.start()].strip()):
            return m.start() if m.group("relation") else None
    return None


# An empty group after a relation (`a ={}& b`, `\\le {} c`): TeX's spacing for a relation
# the row breaks after, nothing to read.
_EMPTY_AFTER_RELATION = re.compile(r"(?:" + _ROW_RELATION.pattern + r")\s*(?P<empty>\{\s*\})")
# A relation ending a row, and one starting the next (`A = B = \\ &= C`).
_RELATION_AT_END = re.compile(r"(?<![:\\])(" + RELATION + r")\s*$")
_RELATION_AT_START = re.compile(r"^\s*(" + RELATION + ")")


def _without_repeated_relations(rows):
    """A row ending with the relation the next row starts with (`A = B = \\\\ &= C`, the
    relation written on both lines) states it once: the trailing copy is blanked."""
    out = list(rows)
    for k in range(len(out) - 1):
        end = _RELATION_AT_END.search(out[k].text)
        start = _RELATION_AT_START.match(out[k + 1].text)
        if end and start and _relation(end.group(1)) == _relation(start.group(1)):
            blanked = out[k].blank_span(end.start(1), end.end(1))
            out[k] = Row(blanked.text, blanked.spans, out[k].align, out[k].under)
    return out


def _relation(spelling):
    return spelling.replace("slant", "").rstrip("q") if spelling.startswith("\\") else spelling


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


def _row(piece, tail=False, goes_on=False):
    """One row's text, its layout blanked (`tail`: it goes on with the row above, which
    breaks off after an operator — `_remark_column`; `goes_on`: the next row starts with
    a relation — `_column_pairs`)."""
    amp = _AMPERSAND.search(piece.text)
    piece = _column_pairs(piece, goes_on)
    piece = _remark_column(piece, tail)
    piece = _telling_tags(piece)
    piece = piece.blank(_LAYOUT)
    for m in _EMPTY_AFTER_RELATION.finditer(piece.text):    # `a ={}& b`: spacing
        piece = piece.blank_span(m.start("empty"), m.end("empty"))
    piece = _unwrap(piece)
    for start, end in operator_fonts(piece.text):     # `\\mathrm{+}` is `+` (wrappers)
        piece = piece.blank_span(start, end)
    for start, end in required_in_premises(piece.text):     # `L \\stackrel{!}{=} 0 \\Rightarrow`
        piece = piece.blank_span(start, end)
    end = _END_PUNCTUATION.search(piece.text)
    if end:
        piece = piece.blank_span(end.start(), len(piece.text))
    return Row(piece.text, piece.spans, amp.start() if amp else None)



# Put by `_column_pairs` between two column pairs: `annotations` reads what follows as after
# a `\\quad`, but only as a second result (a bare relation there is no condition); and
# where a row below goes on from one of them, it refuses the row (which chain does it go
# on?). Neither mark is shown to the author: `as_written` puts the `&` back.
COLUMN_PAIR = "\\derivecolumnpair "
PAIRS_GO_ON = "\\derivecolumnpairs "


def as_written(text):
    """A row's text as the author wrote it, for display: the column-pair marks back as
    the alignment marks they replaced, an arrow's note (`_arrow_note`) as an arrow."""
    return text.replace(PAIRS_GO_ON, "& ").replace(COLUMN_PAIR, "& ").replace(
        "\\therefore " + ARROW_NOTE, ARROW_NOTE).replace(ARROW_NOTE, "\\Downarrow").replace(
        WRITTEN_MARK, "\\derive")


def _column_pairs(piece, goes_on=False):
    """An `align` row holding two equations side by side, a column pair each
    (`a &= b & c &= d`): every second alignment mark (the 2nd, the 4th, …; outside braces
    and inner environments such as `cases`) with a relation before it and a second
    equation after it (a left side, then a relation) becomes a `COLUMN_PAIR` mark, read
    as a `\\quad` before a second result (a bare relation there is a claim or refused,
    never a hypothesis of the first: `annotations`) — never the two equations
    glued at their operands (`0 &= 0 & a &= 0` read as 0 = 0·a = 0). A mark before a
    column with no left side of its own (`a &= 2 \\quad \\Rightarrow \\quad a^2 &= 4`) or
    after an arrow is layout, and so is one after a column ending with its relation
    (eqnarray's `&=& a = b`: the relation's right side is the column after it). When the next row `goes_on` (it starts with a relation),
    the row is refused (`PAIRS_GO_ON`): derive keeps one chain per row, and which of the
    two equations it continues is told only by its column."""
    from derive.frontend.latex.annotations import _depth, ends_with_connective
    text, marks, inner = piece.text, [], 0
    for m in re.finditer(r"\\(?:begin|end)\{[^{}]*\}|\\.|&", text):
        token = m.group(0)
        if token.startswith("\\begin"):
            inner += 1
        elif token.startswith("\\end"):
            inner = max(inner - 1, 0)
        elif token == "&" and not inner and _depth(text, m.start()) == 0:
            marks.append(m.start())
    for k in reversed(range(1, len(marks), 2)):
        at = marks[k]
        before, after = (part.replace("&", " ") for part in (text[:at], text[at + 1:]))
        left = first_relation(after)
        empty = text[at + 1:].lstrip().startswith("&")   # `&&`: amsmath's remark column
        if _top_relation(before) and left is not None and after[:left].strip() and \
                not ends_with_connective(before) and not empty and \
                not _RELATION_AT_END.search(before):       # eqnarray's `&\ge& a = b`
            mark = PAIRS_GO_ON if goes_on else COLUMN_PAIR
            piece = piece.replace(at, at + 1, Mapped.generated(mark, piece.origin(at)))
    return piece


# A run of alignment marks (`&&`), and what a column of side remarks starts with.
_COLUMN = re.compile(r"(?<!\\)&(?:\s*(?<!\\)&)*")
_REMARK = re.compile(r"\s*(?:\\" + STYLES + r"(?![a-zA-Z])\s*\{?\s*)?"
                     r"(?:\\(?:text(?:rm|it|bf|sf|normal)?|mbox)\s*\{|\()")
_LINK = re.compile(r"\s*\\href\s*(?=\{)")


def _remark_column(piece, tail=False):
    """`_last_remark_column` until no column is left: every column of remarks, tags or
    hypotheses beside a row (`6 &= 2 && (3) && \\text{(Jensen)}`) becomes a `\\quad` —
    never only the last, which would leave the others glued to the row (`(3)` multiplied
    in: 6 = 2·3 was verified)."""
    while True:
        converted = _last_remark_column(piece, tail)
        if converted is piece:
            return piece
        piece = converted


def _last_remark_column(piece, tail=False):
    """A row that states a relation (or continues one, or is the `tail` of one) with a
    remark in its last alignment
    column (`a &= b && \\text{product rule}`, `& (\\text{Jensen})`, `&& \\href{…}{\\text{…}}`),
    or anything in a column of its own after `&&`: the marks before the column become a
    `\\quad`, so the column is read by the side-remark rules (`latex.annotations`) as it
    would be after `\\quad` — a remark set aside, a hypothesis read, other math an error;
    never multiplied in. A
    link's address is dropped and its words are the remark (a LaTeX document's reader has
    already dropped `\\href{address}`, leaving `{words}`)."""
    runs = list(_COLUMN.finditer(piece.text))
    before = piece.text[:runs[-1].start()].replace("&", " ") if runs else ""
    if not runs or not (tail or _top_relation(before) or continuation(before) is not None):
        return piece
    if runs[-1].group(0).count("&") < 2 and _RELATION_AT_END.search(before):
        return piece        # eqnarray's `&=& (a + b)`: the column is the relation's right side
    at = runs[-1].end()
    column = piece
    link = _LINK.match(column.text, at)
    if link is not None:
        from derive.frontend.documents.macros import group
        address = group(column.text, link.end())
        column = column.blank_span(link.start(), address[2]) if address else column
    stripped = column.text[at:].strip()
    if stripped.startswith("{") and _closes_at_end(stripped):
        first = column.text.index("{", at)
        column = column.blank_span(first, first + 1)
        column = column.blank_span(column.text.rindex("}"), column.text.rindex("}") + 1)
    if _REMARK.match(column.text, at) is None and runs[-1].group(0).count("&") < 2:
        return piece
    quad = Mapped.generated("\\quad ", piece.origin(runs[-1].start()))
    return column.replace(runs[-1].start(), at, quad)


def _telling_tags(piece):
    """`\\tag{up to a constant}`, `\\tag*{(mod 3)}`, `\\tag{in bits}`: a tag whose words say
    how the row holds (`annotations.says_how`) is no equation number — it is read as the
    same words beside the row (`\\quad \\text{…}`), so the row refutes nothing and is no
    premise or definition, or is stated in that unit. Any other tag is blanked (`_LAYOUT`)."""
    from derive.frontend.latex.annotations import says_how
    for m in reversed(list(_TAG.finditer(piece.text))):
        if says_how(m.group("words")):
            quad = Mapped.generated("\\quad\\text{", piece.origin(m.start()))
            piece = piece.replace(m.start(), m.start("words"), quad)
    return piece


_TAG = re.compile(r"\\tag\*?\s*\{(?P<words>[^{}$]*)\}")


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

"""Which plain bars `|` of a row are absolute values.

A bar means three things in the notation derive reads: a conditioning or argument separator
(`p(x | y)`, `H(X|Y)`), an evaluation bar (`\\Big|_{\\theta = 0}`) and, in pairs, an absolute
value (`|x - \\mu|`). A grammar cannot tell them apart, so before parsing a pair of bars is
marked as an absolute value — each bar replaced by one private character, so offsets into
the row stay those of the source — when, and only when:

* the opening bar stands where a term begins: at the start, after an opening bracket, an
  operator, a relation, `^`/`_`, a comma or `&` (spacing and `\\left`, `\\bigl`, … skipped), or
  anywhere outside round and square brackets (`\\sum_x |p(x) - q(x)|`), where no separator
  can stand;
* or, anywhere else, the bracket it stands in holds an even number of plain bars at its own
  depth: a bracket has at most one separator (`p(x | y)`, `P(|X| > a | Y)`: odd counts), so an
  even count has none and its bars pair up (`\\left(b|X - \\mu|\\right)`, `(3|t|)`);
* the closing bar is the next bar at the same bracket depth, and is not followed by `_` (that
  is an evaluation bar) — unless sized as an opening bar (`\\left|`, `\\bigl|`: it opens a
  pair inside). A bar that stands between two operands while a pair is open (`|a |b| - 1|`)
  could close it or open one inside it; where the bars after it in its bracket pair up
  with it opening (`_both_pairings`) it is refused, asking for `\\lvert … \\rvert` or `\\left| …
  \\right|`. A bar beside another bar (`|x| |y|`) only closes the one before it and opens
  the one after (no empty pair), and `|x|y`, `|x| + |y|` pair up one way only.

`\\lvert … \\rvert` are absolute values wherever they stand (the grammar reads them). Every
other bar is left as it is: a separator inside brackets, or an error at its position.
"""

from __future__ import annotations

import re

from derive.frontend.latex.relations import COMMAND_TOKENS
from derive.frontend.latex.wrappers import Unread

OPEN_ABS, CLOSE_ABS = "\ue000", "\ue001"

_TOKEN = re.compile(r"\\[a-zA-Z]+|\\.|\s+|.", re.S)
_CARD = re.compile(r"\|\s*\\mathcal\s*\{\s*[A-Za-z]\s*\}\s*\|")
_OPENERS = {"(": ")", "[": "]", "{": "}", r"\{": r"\}", r"\lbrace": r"\rbrace",
            r"\lbrack": r"\rbrack", r"\langle": r"\rangle"}
_CLOSERS = set(_OPENERS.values())
_ARGUMENT_BRACKETS = {"(", "[", r"\lbrack"}
_SIZING = re.compile(r"\\(left|right|middle|[bB]igg?[lrm]?)$")
_STARTS_A_TERM = set("([{,;=+-<>&^_") | COMMAND_TOKENS | {
    r"\{", r"\lbrace", r"\lbrack", r"\langle", r"\cdot", r"\times", r"\odot", r"\quad", r"\qquad",
    r"\approx", r"\Rightarrow", r"\implies"}
_OPENING_SIZE = re.compile(r"\\(left|[bB]igg?l)$")
_CLOSING_SIZE = re.compile(r"\\(right|[bB]igg?r)$")
_SPACING = {r"\,", r"\;", r"\:", r"\!", r"\ ", "~"}
# what no absolute value holds: relations and separators end the bars that may pair
_OUTSIDE_A_PAIR = set("=<>&,;") | COMMAND_TOKENS | {
    r"\quad", r"\qquad", r"\approx", r"\Rightarrow", r"\implies"}


def mark_absolute_bars(text):
    """The row with each absolute-value pair of plain bars replaced by OPEN_ABS/CLOSE_ABS
    (same length, same offsets)."""
    if "|" not in text:
        return text
    chars = list(text)
    even = _groups_of_even_bars(text)
    stack = []                 # open brackets' closers, innermost last
    groups = [None]            # the offsets of the open brackets, innermost last                 # open brackets' closers, innermost last
    pending = []               # (offset, depth) of opening bars waiting for their partner
    previous = None            # the last significant token
    size = None                # the sizing command just before the token (`\left`)
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        token, start = match.group(), position
        position = match.end()
        if token.isspace() or _SIZING.match(token):
            size = size if token.isspace() else token
            continue
        sized, size = size, None
        if token == "|":
            card = _CARD.match(text, start)
            if card and not pending:
                position, previous = card.end(), "card"
                continue
            doubled = text[start + 1:start + 2] == "|" or text[start - 1:start] == "|"
            evaluation = re.match(r"\s*_", text[position:]) is not None
            opens = sized is not None and _OPENING_SIZE.match(sized)
            if not doubled and not evaluation:
                if pending and pending[-1][1] == len(stack) and not opens:
                    if not (sized and _CLOSING_SIZE.match(sized)) and _both_pairings(
                            text, start, sum(1 for _, depth in pending if depth == len(stack))):
                        raise Unread("this bar could close the absolute value open before it "
                                     "or open one inside it (|a |b| - 1|): write \\lvert … "
                                     "\\rvert or \\left| … \\right| to say which", start)
                    opening, _ = pending.pop()
                    chars[opening], chars[start] = OPEN_ABS, CLOSE_ABS
                    previous = ")"
                    continue
                if previous is None or previous in _STARTS_A_TERM or groups[-1] in even or \
                        not any(s in _ARGUMENT_BRACKETS for s in stack) or opens:
                    pending.append((start, len(stack)))
                    previous = "|"
                    continue
            previous = token
            continue
        if token in _OPENERS:
            stack.append(token)
            groups.append(start)
        elif token in _CLOSERS and stack and _OPENERS[stack[-1]] == token:
            stack.pop()
            groups.pop()
            pending = [p for p in pending if p[1] <= len(stack)]
        previous = token
    return "".join(chars)


def _both_pairings(text, start, open_here):
    """Whether the plain bar at `start` — `open_here` bars open at its bracket depth, so it
    could close the innermost — stands between two operands and could as well open a pair
    inside it: the bars after it in its bracket, up to a relation or separator, pair up so
    (`|a |b| - 1|`: |a|·b·|−1| or a nested pair; `|-a |b| + 1|`, whose closing reading
    needs `|+1|`)."""
    tokens = _significant(text)
    at = next(k for k, (offset, _, _) in enumerate(tokens) if offset == start)
    bars, depth = [], 0
    for k in range(at, len(tokens)):
        token = tokens[k][1]
        if token in _OPENERS:
            depth += 1
        elif token in _CLOSERS or token in _OUTSIDE_A_PAIR and depth == 0:
            if depth == 0:
                break
            depth -= 1
        elif token == "|" and depth == 0:
            bars.append(_roles(tokens, k))
    (closes, opens), rest = bars[0], bars[1:]
    return closes and opens and _pairs_up(rest, open_here + 1)


def _significant(text):
    """(offset, token, sizing command before it) of the row's significant tokens: spacing
    skipped, a bar around `\\mathcal{X}` one token "card", a doubled or evaluation bar "‖"."""
    tokens, size, position = [], None, 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        token, start = match.group(), position
        position = match.end()
        if token.isspace() or token in _SPACING:
            continue
        if _SIZING.match(token):
            size = token
            continue
        if token == "|":
            card = _CARD.match(text, start)
            if card:
                token, position = "card", card.end()
            elif text[start + 1:start + 2] == "|" or text[start - 1:start] == "|" or \
                    re.match(r"\s*_", text[position:]):
                token = "‖"
        tokens.append((start, token, size))
        size = None
    return tokens


def _roles(tokens, k):
    """(may close, may open) for the plain bar `tokens[k]`: as its sizing says (`\\left|`
    opens, `\\right|` closes); else it closes after an operand, opens before one (or a
    minus sign) — never beside another bar, where it closes the pair before and opens the
    next (no pair is empty)."""
    size = tokens[k][2]
    if size is not None and _OPENING_SIZE.match(size):
        return False, True
    if size is not None and _CLOSING_SIZE.match(size):
        return True, False
    before = tokens[k - 1][1] if k > 0 else None
    after = tokens[k + 1][1] if k + 1 < len(tokens) else None
    closes = before is not None and before != "|" and before not in _STARTS_A_TERM
    opens = after is not None and after != "|" and after not in _CLOSERS and (
        after not in _STARTS_A_TERM or after in _OPENERS)
    return closes, opens


def _pairs_up(bars, open_here):
    """Whether `bars` ((may close, may open) each) pair up with `open_here` pairs open."""
    depths = {open_here}
    for closes, opens in bars:
        depths = {d - 1 for d in depths if closes and d > 0} | \
            {d + 1 for d in depths if opens}
    return 0 in depths


def _groups_of_even_bars(text):
    """The offsets of the brackets (None: the row itself) holding an even, nonzero number of
    plain bars at their own depth — bars not doubled (`||`), not evaluation bars (`|_`) and
    not around `\\mathcal{X}` (a cardinality) — each second one ending a term (a closing
    bracket, an operator or a relation after it: `(3|t|)`, never `[Y|X|Y]`)."""
    bars = {}                   # group → [ends a term, for each of its bars]
    groups = [(None, None)]     # (offset, closer) of the open brackets, innermost last
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        token, start = match.group(), position
        position = match.end()
        if token == "|":
            card = _CARD.match(text, start)
            if card:
                position = card.end()
                continue
            doubled = text[start + 1:start + 2] == "|" or text[start - 1:start] == "|"
            if not doubled and re.match(r"\s*_", text[position:]) is None:
                bars.setdefault(groups[-1][0], []).append(_ends_a_term(text, position))
        elif token in _OPENERS:
            groups.append((start, _OPENERS[token]))
        elif token == groups[-1][1]:
            groups.pop()
    return {group for group, ends in bars.items()
            if len(ends) % 2 == 0 and all(ends[1::2])}


def _ends_a_term(text, position):
    """Whether what follows `position` (spacing and sizing skipped) ends a term: nothing, a
    closing bracket, an operator, a relation or a separator."""
    while position < len(text):
        token = _TOKEN.match(text, position).group()
        position += len(token)
        if not (token.isspace() or _SIZING.match(token)):
            return token in _CLOSERS or token == "|" or \
                token in _STARTS_A_TERM and token not in _OPENERS
    return True

"""Documents → derivations: LaTeX (a derive file or a whole document), Markdown/MyST and
notebooks, all read by `documents` into the same events, which feed the declarations and
the reader here.

    % derive: title The generator loss under the optimal discriminator
    % derive: variable x
    % derive: density p_r, p_\\theta            (over the variable; or `… over z`)
    % derive: define D^{\\star}(x) = \\frac{p_r(x)}{p_r(x)+p_\\theta(x)}
    % derive: positive a, b                    (also: real t)

Positions are exact whatever the reading changed: each row and directive is handed to
the reader at an offset of its own (`Placement`), and offsets are mapped back through
the row's origins (`Row.origin`) to the document's own line and column.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from derive.frontend import documents, log_base
from derive.frontend.ahead import MAX_PASSES, Plan
from derive.frontend.builder import Builder
from derive.frontend.errors import InputError
from derive.frontend.documents.mapped import Mapped


def load_tex(path, text):
    """The `Derivation` in a `.tex` file's text (raises `InputError` with a position)."""
    return load_document(documents.read(path, text), path)


def load_text(path, text, mode="displays"):
    """The `Derivation` in a document's text, read by the suffix of `path`."""
    return load_document(documents.read(path, text, mode), path)


def load_document(document, path, *, require_steps=True, relocate=True, justifications=()):
    """The `Derivation` of a `Document`'s events. `require_steps=False` accepts a document
    with nothing to check (a page of prose); `relocate=False` keeps a notebook's steps at
    lines of its joined markdown text instead of at cell and line; `justifications` are
    given to the rows in order (the Python API's)."""
    source = document.source
    plan, builder = Plan(), _build(document, justifications, Plan())
    for _ in range(MAX_PASSES):      # definitions read ahead of their first use (`ahead`)
        if not plan.update(builder.found, builder.refusing) | \
                plan.given(builder.scope.given_laws) | \
                plan.labelled_families(builder.scope.labelled_found):
            break
        try:
            builder = _build(document, justifications, plan)
        except InputError:
            break                    # the reading before this plan stands
    derivation = builder.derivation(path, require_steps=require_steps)
    if relocate and hasattr(source, "relocate"):
        steps = tuple(s if s.kind == "unreadable" or s.unread else
                      replace(s, location=source.relocate(s.location))
                      for s in derivation.steps)
        derivation = replace(derivation, steps=steps)
    return derivation


def _build(document, justifications, plan):
    """A `Builder` that has read the document's events, reading ahead as `plan` says."""
    source = document.source
    placed = Placement(source)       # every text placed first: a row read ahead has its place
    starts = [placed.place(_directive_text(source, event)) if isinstance(
        event, documents.Directive) else [placed.place(row) for row in event.rows]
        for event in document.events]
    builder = Builder(placed, plan)
    directives = [e for e in document.events if isinstance(e, documents.Directive)]
    if log_base.in_bits([(e.keyword, e.body if e.mapped is None else e.mapped.text)
                         for e in directives],
                        [row.text for e in document.events if not isinstance(e, documents.Directive)
                         for row in e.rows]):
        builder.scope.infer_bits()     # every logarithm written \log_2: information in bits
    why = iter(justifications)
    above = None                     # the display read last
    spans = [(e.start, e.end) for e in document.events if not isinstance(e, documents.Directive)]
    for event, start in zip(document.events, starts):
        if isinstance(event, documents.Directive):
            builder.directive(event.keyword, event.body, start + len(event.keyword) + 1,
                              within=any(a < event.offset < b for a, b in spans))
        else:
            if above is not None and documents.prose_between(source, above.end, event.start):
                builder.prose_between()
            builder.display([(row.text, at, next(why, ""), row.under, row.whole)
                             for row, at in zip(event.rows, start)])
            above = event
    return builder


def _directive_text(source, directive):
    """The directive as `keyword body`, each character mapped to where it stands."""
    keyword_at = directive.keyword_offset if directive.keyword_offset >= 0 else directive.offset
    body = directive.mapped if directive.mapped is not None else \
        Mapped.copy(source.text, directive.offset, directive.offset + len(directive.body))
    return Mapped.generated(directive.keyword + " ", keyword_at) + body


class Placement:
    """The offsets the reader sees: each placed text (a row, a directive) gets a range of
    its own, and an offset in it maps back through that text's origins to the document.
    Quacks like `errors.Source` (`file`, `position`, `error`) for the reader and chains."""

    def __init__(self, source):
        self.source = source
        self.file = source.file
        self.text = source.text
        self._starts, self._texts, self._next = [], [], 0

    def place(self, mapped):
        """The offset at which `mapped` (a `Mapped` text) is handed to the reader."""
        start = self._next
        self._starts.append(start)
        self._texts.append(mapped)
        self._next += len(mapped) + 1
        return start

    def origin(self, offset):
        k = bisect.bisect_right(self._starts, offset) - 1
        if k < 0:
            return offset
        return self._texts[k].origin(offset - self._starts[k])

    def position(self, offset):
        return self.source.position(self.origin(offset))

    def before(self, offset):
        """The placed text holding `offset`, up to it (`''` before every placed text)."""
        k = bisect.bisect_right(self._starts, offset) - 1
        return self._texts[k].text[:offset - self._starts[k]] if k >= 0 else ""

    def error(self, message, offset):
        return self.source.error(message, self.origin(offset))

"""`.tex` derivation files: directive comments for the context, then display math.

    % derive: title The generator loss under the optimal discriminator
    % derive: variable x
    % derive: density p_r, p_\\theta            (over the variable; or `… over z`)
    % derive: define D^{\\star}(x) = \\frac{p_r(x)}{p_r(x)+p_\\theta(x)}
    % derive: positive a, b                    (also: real t)

The display math that follows may be pasted from notes as it stands (see `layout`).
"""

from __future__ import annotations

from derive.frontend import layout
from derive.frontend.builder import Builder
from derive.frontend.errors import Source
from derive.frontend.layout import DIRECTIVE


def load_tex(path, text):
    """The `Derivation` in a `.tex` file's text (raises `InputError` with a position)."""
    builder = Builder(Source(text, path))
    # directives and rows in file order: a declaration holds from where it stands
    events = [(m.start(), "directive", m) for m in DIRECTIVE.finditer(text)]
    events += [(offset + len(row) - len(row.lstrip()), "row", (offset, row))
               for offset, row in layout.rows(text)]
    for _, what, item in sorted(events, key=lambda e: e[0]):
        if what == "directive":
            builder.directive(item.group("keyword"), item.group("body"), item.start("body"))
        else:
            offset, row = item
            builder.row(row, offset)
    return builder.derivation(path)

"""`.tex` derivation files: directive comments for the context, then display math.

    % derive: title The generator loss under the optimal discriminator
    % derive: variable x
    % derive: density p_r, p_\\theta            (over the variable; or `… over z`)
    % derive: define D^{\\star}(x) = \\frac{p_r(x)}{p_r(x)+p_\\theta(x)}
    % derive: positive a, b                    (also: real t)

The display math that follows may be pasted from notes as it stands (see `layout`).
"""

from __future__ import annotations

import re

from derive.frontend import layout
from derive.frontend.chains import ChainBuilder, Row
from derive.frontend.errors import Source
from derive.frontend.latex import Reader
from derive.model import Derivation
from derive.notation import Context, Definition, Density

DIRECTIVE = re.compile(r"^[ \t]*%+[ \t]*derive:[ \t]*(?P<keyword>[a-z]*)[ \t]*(?P<body>[^\n]*)", re.M)
KEYWORDS = ("title", "variable", "variables", "density", "densities", "define", "positive", "real")


class ContextBuilder:
    """Collects declarations in order; `context` is the immutable result so far."""

    def __init__(self, source, reader):
        self.source, self.reader = source, reader
        self.title = ""
        self.variables, self.densities, self.symbols, self.definitions = [], [], [], []

    @property
    def context(self):
        return Context(tuple(self.variables), tuple(self.densities), tuple(self.symbols),
                       tuple(self.definitions))

    def declare(self, keyword, body, offset):
        """Apply one declaration; `offset` is where `body` starts in the file."""
        if keyword not in KEYWORDS:
            raise self.source.error(f"unknown directive {keyword!r}; known: {', '.join(KEYWORDS)}",
                                    offset - len(keyword) - 1 if keyword else offset)
        if keyword == "title":
            self.title = body.strip()
        elif keyword in ("variable", "variables"):
            self.variables += [k for k in self._names(body, offset) if k not in self.variables]
        elif keyword in ("density", "densities"):
            names, _, over = body.partition(" over ")
            variable = self.reader.read_name(over, offset + len(names) + 6) if over.strip() \
                else (self.variables[0] if self.variables else "x")
            if variable not in self.variables:
                self.variables.append(variable)
            self.densities += [Density(k, variable) for k in self._names(names, offset)]
        elif keyword == "define":
            self.reader.context = self.context
            key, params, value = self.reader.read_definition(body, offset)
            self.definitions.append(Definition(key, params, value, " ".join(body.split())))
        else:
            self.symbols += [(k, keyword) for k in self._names(body, offset)]
        self.reader.context = self.context

    def _names(self, body, offset):
        keys, start = [], 0
        for piece in body.split(","):
            if not piece.strip():
                raise self.source.error("expected a name here", offset + start)
            keys.append(self.reader.read_name(piece, offset + start))
            start += len(piece) + 1
        return keys


def load_tex(path, text):
    """The `Derivation` in a `.tex` file's text (raises `InputError` with a position)."""
    source = Source(text, path)
    reader = Reader(Context(), source)
    declared = ContextBuilder(source, reader)
    for m in DIRECTIVE.finditer(text):
        declared.declare(m.group("keyword"), m.group("body"), m.start("body"))
    builder = ChainBuilder(declared.context, source)
    for offset, row_text in layout.rows(text):
        builder.add(Row(tuple(reader.read_row(row_text, offset)), offset), reader)
    if not builder.steps:
        raise source.error("no relation (=, \\le, …) found: nothing to check", len(text.rstrip()))
    return Derivation(str(path), declared.title or _default_title(path), builder.context,
                      tuple(builder.steps))


def _default_title(path):
    from pathlib import Path
    return Path(str(path)).stem.replace("_", " ").replace(".derive", "")

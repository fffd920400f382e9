"""Declarations shared by both file forms: title, variables, densities, definitions,
symbols with assumptions, parameters, fixed quantities. Each is read from LaTeX text at a
known offset of the file, so errors point into the file whichever form it has.

Declarations are positional: each holds from where it stands to the end of the file, so
`% derive: fixed D^\\star` between two displays holds D* fixed for the second only.
"""

from __future__ import annotations

from pathlib import Path

from derive.notation import Context, Definition, Density

KEYWORDS = ("title", "variable", "variables", "density", "densities", "define", "positive",
            "real", "depends", "fixed", "moving", "expect", "note", "figure")
EXPECTABLE = ("refuted", "undecided")


class Declarations:
    """Everything declared so far; `context` is the immutable view of it."""

    def __init__(self, source, reader):
        self.source, self.reader = source, reader
        self.title = ""
        self.variables, self.densities, self.symbols, self.definitions = [], [], [], []
        self.parameters, self.fixed = [], []
        self.expect = ""           # for the next row only: a verdict the author expects
        self.note = ""             # for the next row only: a remark for readers
        self.figures = []          # figures the file asks reports to draw

    @property
    def context(self):
        return Context(tuple(self.variables), tuple(self.densities), tuple(self.symbols),
                       tuple(self.definitions), tuple(self.parameters), tuple(self.fixed))

    def define(self, definition):
        """Add or replace a definition (directives and chains both define names)."""
        self.definitions = [d for d in self.definitions if d.name != definition.name]
        self.definitions.append(definition)
        self.reader.context = self.context

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
            self.define(Definition(key, params, value, " ".join(body.split())))
        elif keyword == "expect":
            self.expect = self.expectation(body, offset)
        elif keyword == "note":
            self.note = " ".join(body.split())
        elif keyword == "figure":
            self.figures.append(self._figure(body, offset))
        elif keyword == "depends":
            self._depends(body, offset)
        elif keyword in ("fixed", "moving"):
            names = self._names(body, offset)
            self.fixed = [n for n in self.fixed if n not in names]
            if keyword == "fixed":
                self.fixed += names
        else:
            self.symbols += [(k, keyword) for k in self._names(body, offset)]
        self.reader.context = self.context

    def expectation(self, body, offset):
        word = body.strip()
        if word not in EXPECTABLE:
            raise self.source.error(f"expect takes one of: {', '.join(EXPECTABLE)}", offset)
        return word

    def take_pending(self):
        """(expectation, note) for the next row, consumed by it."""
        pending = (self.expect, self.note)
        self.expect = self.note = ""
        return pending

    def _figure(self, body, offset):
        """`kl-fits modes=-2,2 sd=0.6` → ("kl-fits", (("modes", "-2,2"), ("sd", "0.6")))."""
        name, *pairs = body.split()
        params = []
        for pair in pairs:
            key, sep, value = pair.partition("=")
            if not sep or not key or not value:
                raise self.source.error(f"a figure's parameters read key=value, not {pair!r}",
                                        offset)
            params.append((key, value))
        return name, tuple(params)

    def _depends(self, body, offset):
        """`p_\\theta on \\theta` (several densities: `p, q on \\theta`)."""
        names, sep, parameter = body.partition(" on ")
        if not sep or not parameter.strip():
            raise self.source.error("write: depends DENSITY on PARAMETER", offset)
        param = self.reader.read_name(parameter, offset + len(names) + 4)
        for key in self._names(names, offset):
            if self.context.density(key) is None:
                raise self.source.error(f"{key} is not a declared density", offset)
            self.parameters.append((key, param))

    def _names(self, body, offset):
        keys, start = [], 0
        for piece in body.split(","):
            if not piece.strip():
                raise self.source.error("expected a name here", offset + start)
            keys.append(self.reader.read_name(piece, offset + start))
            start += len(piece) + 1
        return keys


def default_title(path):
    """A title from the file name when the file gives none."""
    name = Path(str(path)).name
    for suffix in (".derive.yaml", ".derive.yml", ".yaml", ".yml", ".tex"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return name.replace("_", " ")

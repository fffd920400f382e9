"""Declarations shared by both file forms: title, variables, densities, definitions,
symbols with assumptions. Each is read from LaTeX text at a known offset of the file, so
errors point into the file whichever form it has."""

from __future__ import annotations

from pathlib import Path

from derive.notation import Context, Definition, Density

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




def default_title(path):
    """A title from the file name when the file gives none."""
    name = Path(str(path)).name
    for suffix in (".derive.yaml", ".derive.yml", ".yaml", ".yml", ".tex"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return name.replace("_", " ")

"""Jupyter notebooks (`.ipynb`): the markdown cells, read as Markdown/MyST.

A notebook is JSON; its markdown cells are laid one after another in a text of their own
(`NotebookSource`), so that everything else reads them as one document, and positions are
told back as the notebook's cell (1-based, counting every cell, as in nbformat) and the
line within it. Front matter is read from the first markdown cell, as MyST does. The JSON
is parsed as data only; code cells and outputs are never looked at.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass

from derive.frontend.documents import assemble, with_title
from derive.frontend.documents.markdown import page_title, scan
from derive.frontend.errors import InputError, Source
from derive.model import Location


@dataclass(frozen=True)
class CellLocation(Location):
    """A position in a notebook: `line` and `column` are within cell number `cell`."""

    cell: int = 0


class NotebookSource(Source):
    """The markdown cells' text, with cell-and-line positions.

    `position` is the line and column in the joined text (what the reader and chains
    see); `locate`, `relocate` and `error` turn them into the cell and its own line."""

    def __init__(self, cells, file):
        # cells: [(cell number, its text)]
        parts, self._cell_starts, self._cells, at = [], [], [], 0
        for number, text in cells:
            self._cell_starts.append(at)
            self._cells.append(number)
            parts.append(text + "\n")
            at += len(text) + 1
        super().__init__("".join(parts), file)
        self._first_lines = [self.position(start)[0] for start in self._cell_starts]
        self.regions = [(s, s + len(t)) for s, (_, t) in zip(self._cell_starts, cells)]

    def locate(self, line):
        """(cell number, line within it) of a line of the joined text."""
        k = max(bisect.bisect_right(self._first_lines, line) - 1, 0)
        return self._cells[k], line - self._first_lines[k] + 1

    def relocate(self, location):
        cell, line = self.locate(location.line)
        return CellLocation(location.file, line, location.column, cell)

    def error(self, message, offset):
        line, column = self.position(offset)
        cell, local = self.locate(line)
        return InputError(message, self.file, local, column, self.line_text(line), cell=cell)


def cell_text(text, cell):
    """The source of cell number `cell` of a notebook's JSON text ("" if there is none)."""
    try:
        body = json.loads(text)["cells"][cell - 1].get("source", "")
    except (ValueError, KeyError, IndexError, TypeError, AttributeError, RecursionError):
        return ""
    return "".join(body) if isinstance(body, list) else str(body)


def read_notebook(path, text, mode="displays"):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not a notebook: malformed JSON ({exc.msg})", path, exc.lineno, exc.colno) from None
    except RecursionError:
        raise InputError("not a notebook: malformed JSON (nested too deeply)", path) from None
    cells = data.get("cells") if isinstance(data, dict) else None
    if not isinstance(cells, list):
        raise InputError("not a notebook: no list of cells (derive reads nbformat 4)", path)
    markdown = []
    for number, cell in enumerate(cells, 1):
        if isinstance(cell, dict) and cell.get("cell_type") == "markdown":
            body = cell.get("source", "")
            if isinstance(body, list) and all(isinstance(line, str) for line in body):
                body = "".join(body)
            if not isinstance(body, str):
                raise InputError(f"cell {number}: its source is not text (a string or a list of "
                                 "strings)", path)
            markdown.append((number, body.replace("\r\n", "\n")))
    source = NotebookSource(markdown, path)
    found = []
    for n, (start, end) in enumerate(source.regions):
        found += scan(source, start, end, front_matter=n == 0)
    return assemble(source, with_title(found, *page_title(source, source.regions)), "notebook", mode)

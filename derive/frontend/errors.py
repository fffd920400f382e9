"""Errors in input files: where (file, line, column), what was expected, and a caret."""

from __future__ import annotations

import bisect


class InputError(Exception):
    """Unusable input. Carries the file, 1-based line and column, and the offending line
    (for a notebook, also the cell: `line` is then the line within that cell)."""

    def __init__(self, message, file="<input>", line=None, column=None, source_line=None, cell=None):
        super().__init__(message)
        self.message = message
        self.file = str(file)
        self.line = line
        self.column = column
        self.source_line = source_line
        self.cell = cell

    def __str__(self):
        where = self.file
        if self.cell is not None:
            where += f": cell {self.cell}, line {self.line}, column {self.column}"
        elif self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: error: {self.message}"
        if self.source_line is not None and self.column is not None:
            shown, caret = _window(self.source_line, self.column)
            text += f"\n  {shown}\n  {caret}^"
        return text


def visible(line):
    """`line` as it can be shown above a caret: one character for one (a tab as a space,
    a carriage return, other control and bidirectional characters as `?`), so the caret's
    column is the line's own."""
    import unicodedata
    return "".join(" " if ch == "\t" else
                   "?" if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") and ch != "\u200d" else ch
                   for ch in line)


def _window(line, column, width=100):
    """The part of a long line around `column`, and the padding that puts a caret under it."""
    start = max(0, column - 1 - width // 2)
    shown = visible(line.rstrip("\r"))[start:start + width]
    prefix = "…" if start else ""
    return prefix + shown, " " * (len(prefix) + column - 1 - start)


class Source:
    """A file's text with offset → (line, column) mapping, for positioned errors."""

    def __init__(self, text, file="<input>"):
        self.text = text
        self.file = str(file)
        self._line_starts = [0]
        for i, ch in enumerate(text):
            if ch == "\n":
                self._line_starts.append(i + 1)

    def origin(self, offset):
        """Where the character at `offset` stands in the text: there (a `Placement` maps
        a placed row's offsets back to its document)."""
        return offset

    def before(self, offset):
        """The text up to `offset` (`tex_file.Placement.before`)."""
        return self.text[:offset]

    def position(self, offset):
        """1-based (line, column) of a character offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_text(self, line):
        """The text of `line` (1-based), without its line ending (`\\n` or `\\r\\n`)."""
        start = self._line_starts[line - 1]
        end = self.text.find("\n", start)
        return (self.text[start:] if end < 0 else self.text[start:end]).rstrip("\r")

    def error(self, message, offset):
        line, column = self.position(offset)
        return InputError(message, self.file, line, column, self.line_text(line))

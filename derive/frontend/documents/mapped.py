"""Text that remembers where each of its characters came from.

Reading a document changes its text: layout is blanked, macros are expanded. A `Mapped`
string keeps, for every character, the offset in the document's source it came from, so
that a message about any character of a row can still name the document's own line and
column. Characters copied from the source map to their own offsets; characters that a
macro expansion produced map to the offset of the macro's name.

The map is a short tuple of spans, not a list per character: `(at, origin, copied)`
says that the characters from `at` up to the next span come from `origin` onwards
(`copied`) or all from `origin` (generated).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Mapped:
    text: str
    spans: tuple = ()          # ((at, origin, copied), …), sorted by `at`, first at 0

    @classmethod
    def copy(cls, source_text, start, end):
        """The source's characters `start:end`, each mapped to itself."""
        return cls(source_text[start:end], ((0, start, True),))

    @classmethod
    def generated(cls, text, origin):
        """Text that is not in the source (a macro's body): every character maps to `origin`."""
        return cls(text, ((0, origin, False),))

    def __len__(self):
        return len(self.text)

    def origin(self, i):
        """The source offset of character `i` (`i == len(self)`: just past the last one)."""
        if not self.spans:
            return 0
        if i >= len(self.text) and self.text:
            return self.origin(len(self.text) - 1) + 1
        k = bisect.bisect_right([s[0] for s in self.spans], i) - 1
        at, origin, copied = self.spans[max(k, 0)]
        return origin + (i - at) if copied else origin

    @property
    def start(self):
        """The source offset of the first character that is not blank."""
        stripped = len(self.text) - len(self.text.lstrip())
        return self.origin(stripped)

    def __getitem__(self, key):
        """A slice, with its map."""
        start, stop, _ = key.indices(len(self.text))
        stop = max(stop, start)
        spans = []
        for n, (at, origin, copied) in enumerate(self.spans):
            end = self.spans[n + 1][0] if n + 1 < len(self.spans) else len(self.text)
            lo, hi = max(at, start), min(end, stop)
            if lo < hi:
                spans.append((lo - start, origin + (lo - at) if copied else origin, copied))
        return Mapped(self.text[start:stop], tuple(spans) or ((0, self.origin(start), True),))

    def __add__(self, other):
        """The two texts one after the other. A control word ends at the first character that
        is not a letter, so `\\Rightarrow` joined to `y = …` would read as `\\Rightarrowy`:
        when this text ends in a control word and the other begins with a letter, a space
        (generated, mapped to just past this text) keeps them two tokens, as in the source."""
        if not self.text:
            return other
        if not other.text:
            return self
        if _is_letter(other.text[0]) and _ends_in_control_word(self.text):
            self = self + Mapped.generated(" ", self.origin(len(self.text)))
        shift = len(self.text)
        return Mapped(self.text + other.text,
                      self.spans + tuple((at + shift, o, c) for at, o, c in other.spans))

    def replace(self, start, end, new):
        """This text with `start:end` replaced by the `Mapped` `new`."""
        return self[:start] + new + self[end:]

    def blank(self, pattern):
        """Every match of `pattern` replaced by as many spaces (newlines kept): the map holds."""
        text = pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), self.text)
        return Mapped(text, self.spans)

    def blank_span(self, start, end):
        segment = re.sub(r"[^\n]", " ", self.text[start:end])
        return Mapped(self.text[:start] + segment + self.text[end:], self.spans)


def _is_letter(c):
    return "a" <= c <= "z" or "A" <= c <= "Z"


def _ends_in_control_word(text):
    """Whether the text ends in a control word (`\\Rightarrow`; not the letters after a
    row break `\\\\` or a control symbol): a letter after it would extend the word. Looks
    at the text's last letters only, so joining many pieces stays linear."""
    start = len(text)
    while start > 0 and _is_letter(text[start - 1]):
        start -= 1
    slashes = start
    while slashes > 0 and text[slashes - 1] == "\\":
        slashes -= 1
    return start < len(text) and (start - slashes) % 2 == 1


def join(pieces):
    """The concatenation of `Mapped` pieces."""
    out = Mapped("", ())
    for piece in pieces:
        out = out + piece
    return out

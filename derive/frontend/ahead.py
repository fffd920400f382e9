"""Definitions read ahead of their first use ("… where p_i = …").

Authors often use a quantity first and define it afterwards: `L = -\\sum_i y_i \\log p_i`,
then `p_i = \\frac{\\exp(o_i)}{\\sum_j \\exp(o_j)}`. Read in file order, the first row takes
p as an unknown of its own and the definition gives p a second meaning (`UsedBefore`). A
document is therefore read again (`tex_file.load_document`) with a `Plan`: each definition
row found so (a chain's first side naming a new quantity, `=` or a definition sign) is read
just before the display holding the name's first use, and skipped where it stands. Every
use of the name in the file then means that definition — one name, one meaning — so a row
above it that reads like a general statement about an unknown p is a statement about the
defined p (what the author means), checked as such.

The reading is taken only where the earlier uses can mean nothing else (`eligible`): the
head is a plain name, a function of fresh letters or a family at an index (never a
quantity labelled by its arguments, `f(1) = 3`), used above as the same kind of thing (a
number for a number, applied or indexed for a function or a family), in display rows (not
in a directive), and no row below the definition row continues it. It is refused, with the
file read as before and a message at the definition saying why (`Plan.refused`), when

- the definition depends on a name defined by a row above its own (a cycle: `L = p + 1`,
  then `p = 2L`; or `A = p`, `L = 3`, `p = 2L`: read at p's first use, L is not known
  yet), or on a definition read ahead whose row holds the use that made it needed, or
- a declaration between its first use and its row changes what a name of its body means
  (read ahead, the body would mean something else than where it is written).

Other uses above that do not fit the definition (`p_{i,j}` of a family at one index, `f(a,
b)` of a function of one letter) are errors at their position, as after any definition.
The plan also carries the laws a pass read as the law given data (`E[θ | y]`, a posterior:
`Plan.posteriors`), so that an unconditional moment under one of them is refused on every
row, above the bar's row too, and the letters x whose `x^{(i)}` a pass read as a family
member (`Plan.labelled`), so that `x^{(i)}` means that member on every row. Each pass is a complete reading; passes stop when the plan
no longer changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from derive.model.names import Kind

MAX_PASSES = 6


@dataclass(frozen=True)
class Candidate:
    """A definition refused because its name was used above: the defining row (`text` at
    `offset`, with its `justification`), where its head stands (`at`: the entry's identity
    across passes), the spelling used above (`key`) and where (`use`), the name it
    defines (`defines`: the family `p_{\\cdot}` of a member spelling `p_k`)."""

    key: str
    defines: str
    use: int
    at: int
    text: str
    offset: int
    justification: str

    def holds(self, offset):
        """Whether `offset` lies in this candidate's defining row."""
        return self.offset <= offset < self.offset + len(self.text)


def eligible(head, used_key, used_kind):
    """Whether a definition by `head` can be what a name used above (spelled `used_key`,
    read there as `used_kind`) meant: a plain name for a number, a function or a family
    for something applied or indexed, a family for its member spellings (`p_k`, `p_1`)."""
    if head.label is not None or head.scale != 1:
        return False
    if used_key != head.key:
        return head.key.endswith("_{\\cdot}") and used_kind is Kind.SYMBOL
    return (used_kind is Kind.FUNCTION) == bool(head.params)


def cycle_message(key, line, column, name, defined_at):
    return (f"{key} is used at line {line}, column {column} before it is defined here, and "
            f"this definition depends on {name}, defined at line {defined_at}: read at that "
            f"first use, {name} would not be known yet (a cycle, when {name}'s row uses "
            f"{key}) — define {key} before its first use, from what is known there")


def stale_message(key, line, column, changed):
    return (f"{key} is used at line {line}, column {column} before it is defined here, and "
            f"a declaration between them changes what {changed} in its body means: read at "
            "its first use, the definition would mean something else — define it before "
            "its first use, or declare its names above it")


@dataclass
class Plan:
    """The definitions to read ahead (`entries`, by `at`) and those refused, with the
    message their definition row then carries (`refused`, by `at`)."""

    entries: dict = field(default_factory=dict)
    refused: dict = field(default_factory=dict)
    posteriors: frozenset = frozenset()   # laws some row reads given data (`E[θ | y]`)
    labelled: frozenset = frozenset()     # letters x some row reads x^{(i)} of as a family member

    def given(self, laws):
        """Take the laws a pass read as the law given data (`E[θ | y]`, a posterior): an
        unconditional moment under one of them is refused on every row, above or below
        (one law, two meanings). Returns whether the plan changed."""
        if set(laws) <= self.posteriors:
            return False
        self.posteriors |= frozenset(laws)
        return True

    def labelled_families(self, letters):
        """Take the letters x a pass read `x^{(i)}` of as the member of the family x^{(·)}
        (the label's i bound by a sum): every labelled spelling of x in the file is then a
        member, above that sum too (`latex.labelled_families`). Returns whether the plan
        changed."""
        if set(letters) <= self.labelled:
            return False
        self.labelled |= frozenset(letters)
        return True

    def using(self, start, end):
        """The entries whose first use lies in [start, end), in file order."""
        return [e for at, e in sorted(self.entries.items()) if start <= e.use < end]

    def update(self, found, refused):
        """Take a pass's new `found` candidates and `refused` messages (by `at`); returns
        whether the plan changed (then the document is read again)."""
        changed = False
        for at, message in refused.items():
            if at not in self.refused:
                self.refused[at] = message
                self.entries.pop(at, None)
                changed = True
        for candidate in found:
            if candidate.at not in self.entries and candidate.at not in self.refused:
                self.entries[candidate.at] = candidate
                changed = True
        return changed

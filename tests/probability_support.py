"""Helpers shared by the probability-notation tests (sums, joints, random variables,
divergences, side remarks, hypotheses): read a file's text and decide its steps in this
process, with the same engines and the same deadline rule as the checker's workers."""

from __future__ import annotations


from derive.engines import clock
from derive.engines.decide import decide
from derive.frontend.tex_file import load_tex


def steps(text):
    return load_tex("probability.tex", text).steps


def readings(text):
    """How each row was read (or why not), as `--show-reading` prints it."""
    return [s.reading or s.message for s in steps(text)]


def verdicts(text, budget=20.0):
    """The verdict of every step (definitions included), in file order."""
    out = []
    for s in steps(text):
        out.append(decide(s, "0", clock.now() + budget).status.value)
    return out


def first_refusal(text):
    """(line, column, message) of the error that stops the file, or else of its first
    unread definition (a define whose body is refused: the file goes on without the name,
    its uses errors)."""
    from derive.frontend.errors import InputError
    try:
        found = steps(text)
    except InputError as caught:
        return caught.line, caught.column, str(caught)
    unread = next(s for s in found if s.unread)
    return unread.location.line, unread.location.column, unread.message


def display(header, *rows):
    """A file: directive lines, then each row as its own display."""
    return header + "".join(f"$$ {row} $$\n" for row in rows)

"""The Python API: build derivations in code, check them, assert on them.

Expressions are LaTeX, read by the same reader as files (one reading, documented in the
README); declarations are the directives of files, given as keyword arguments:

    from derive import assert_verified, chain, context

    ctx = context(densities=["p", "q"])
    derivation = chain(r"D_{KL}(p \\| q)", r"\\mathbb{E}_{x \\sim p}[\\log p(x) - \\log q(x)]",
                       context=ctx)
    assert_verified(derivation)          # raises DerivationFailed with the counterexample

The objects returned are the ones the CLI, the reports and the pytest plugin use.
"""

from __future__ import annotations

import re
from dataclasses import replace
from os import PathLike
from pathlib import Path
from typing import Iterable, Sequence, Union

from derive.checker import check as _check
from derive.checker import check_files
from derive.options import Options
from derive.frontend import InputError, documents, load
from derive.frontend.tex_file import load_document
from derive.model.derivation import Derivation, Relation, Result

__all__ = ["context", "chain", "load", "check", "assert_verified", "DerivationFailed"]

Checkable = Union[Derivation, str, PathLike]
RELATIONS = {r.value: r.latex for r in Relation}


class DerivationFailed(AssertionError):
    """A derivation had steps that were not verified; the message shows each one."""

    def __init__(self, result: Result):
        self.result = result
        super().__init__(failure_text(result))


# what would end a directive line or a display, or break a row: given in one expression
# or name, it would make rows or declarations of its own (`chain("5 \\\\ 1", "1")` checked
# 1 = 1 alone) — refused, never pasted into the file. A row break inside an inner
# environment (`\begin{pmatrix} 1 \\\\ 2 \end{pmatrix}`, `cases`) is its own.
_DISPLAYS = r"(?:align|equation|gather|multline|eqnarray|flalign|alignat|displaymath|math)"
_BREAKS = re.compile(r"(?<!\\)[$%]|\\(?:\\|newline\b|cr\b|[\[\]()]|(?:short)?intertext\b|"
                     r"(?:begin|end)\s*\{" + _DISPLAYS + r")|\n\s*\n")
# an innermost environment that is no display (`pmatrix`, `cases`): its rows are its own
_INNER = re.compile(r"\\begin\s*\{(?!" + _DISPLAYS + r"\*?\})(\w+\*?)\}(?:(?!\\begin\s*\{).)*?"
                    r"\\end\s*\{\1\}", re.S)


def _one_piece(text: str, what: str, lines: bool = True) -> str:
    """`text`, refused (ValueError) when it holds a row or display break outside an inner
    environment, a `$` or an unescaped `%` — or, unless `lines`, a line break (a name or
    definition is one line)."""
    if not isinstance(text, str):
        raise TypeError(f"{what} is LaTeX text, not {type(text).__name__}")
    outside, inner = text, 1
    while inner:
        outside, inner = _INNER.subn("", outside)
    found = _BREAKS.search(outside) or \
        (None if lines else re.search(r"[\r\n]", text))
    if found is not None:
        raise ValueError(f"{what} {text!r} holds {found.group(0)!r}: give one expression, "
                         "without row or display breaks, $ or an unescaped %")
    return text


def context(*, variables: Iterable[str] = ("x",), densities: Iterable[str] = (),
            positive: Iterable[str] = (), real: Iterable[str] = (),
            functions: Iterable[str] = (), define: Iterable[str] = ()) -> str:
    """Declarations, as the directive lines a file would carry (names are LaTeX, each on
    one line: a name holding a line or display break is refused, `_one_piece`)."""
    lines = []
    for keyword, names in (("variable", variables), ("density", densities),
                           ("positive", positive), ("real", real), ("function", functions)):
        names = [_one_piece(n, f"the {keyword} name", lines=False) for n in names]
        if names:
            lines.append(f"% derive: {keyword} {', '.join(names)}")
    lines += [f"% derive: define {_one_piece(d, 'the definition', lines=False)}"
              for d in define]
    return "\n".join(lines) + ("\n" if lines else "")


def chain(*expressions: str, context: str = "", title: str = "derivation",
          relations: Sequence[str] | None = None,
          justifications: Sequence[str] | None = None) -> Derivation:
    """The derivation `e0 = e1 = e2 …` (or with `relations` such as "<=" between them), each
    expression LaTeX — one expression each (a row or display break in it is refused,
    `_one_piece`); `context` holds directive lines (see `context()`). Raises `InputError`
    where the file these make cannot be used (a refused declaration)."""
    if len(expressions) < 2:
        raise ValueError("a chain needs at least two expressions")
    relations = list(relations) if relations is not None else ["="] * (len(expressions) - 1)
    justifications = list(justifications) if justifications is not None else [""] * len(relations)
    if not len(relations) == len(justifications) == len(expressions) - 1:
        raise ValueError("give one relation and one justification per step")
    if any(r not in RELATIONS for r in relations):
        raise ValueError(f"relations are one of {', '.join(RELATIONS)}")
    for e in expressions:
        _one_piece(e, "the expression")
    lines = [expressions[0]] + [f"{RELATIONS[r]} {e}" for r, e in zip(relations, expressions[1:])]
    text = context + "".join(f"$$ {line} $$\n" for line in lines)
    derivation = load_document(documents.read(Path("<python>.tex"), text), "<python>",
                               justifications=[""] + justifications)
    return replace(derivation, title=title)


def check(derivation: Checkable, *, budget: float = 5.0, seed: int = 0) -> Result:
    """Check a `Derivation`, or the derivation file at a path (read under a time budget
    too; raises `InputError` when it cannot be used)."""
    options = Options(budget=budget, seed=seed)
    if not isinstance(derivation, (Derivation, str, PathLike)):
        raise TypeError(f"check() takes a Derivation or a file's path, not "
                        f"{type(derivation).__name__}")
    if isinstance(derivation, Derivation):
        return _check(derivation, options)
    (outcome,) = check_files([(derivation, None)], options)
    if isinstance(outcome, InputError):
        raise outcome
    return outcome


def assert_verified(derivation: Checkable, **options) -> Result:
    """Check, and raise `DerivationFailed` unless every step is verified (or as expected)."""
    result = check(derivation, **options)
    if not result.ok:
        raise DerivationFailed(result)
    return result


def failure_text(result: Result) -> str:
    from derive.interfaces.json_output import step_dict
    from derive.interfaces.terminal import Style, render_step
    lines = [f"{result.derivation.file} — {result.derivation.title}: not verified:"]
    for r in result.steps:
        if not r.as_expected:
            lines.extend(render_step(step_dict(r), Style(False)))
    return "\n".join(lines)

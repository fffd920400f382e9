"""Information in bits when every logarithm of a file is written `\\log_2`.

derive reads KL, JS, H, cross-entropy and I in nats, or in bits after `% derive: information
in bits`. Many sources state information in bits only in their prose and write the base in
every formula instead — StatProofBook's `\\mathrm{H}(X) = -p \\log_2 p - (1-p) \\log_2 (1-p)`.
Such a file means bits, and its formulas say so unambiguously when they write no logarithm
in any other way. So a file that

- declares no unit (no `% derive: information in …` anywhere), and
- writes at least one logarithm, each of them — in its displays and in its directives
  (the prose of a title or a note aside) — as `\\log_2` (`\\log_{2}`, `\\mathrm{log}_2`),
- and writes one in a row (or directive) with an information quantity (`H(X) = -p \\log_2 p
  …`): a `\\log_2 8 = 3` beside `H(p) \\le 0.7` says nothing of H's unit,

reads its information quantities in bits from its first row, as if it began with `%
derive: information in bits`, and its assumptions say so ("information is in bits: every
logarithm of the file is \\log_2"). Any other spelling of a logarithm anywhere in the file —
`\\ln`, a plain `\\log` (beside `\\log_2` it may mean either base: ambiguous), `\\log_{10}`,
`\\log_e`, a word `log` in `\\text{…}` — keeps derive's nats; a step comparing an
information quantity in nats with `\\log_2` then stays undecided, saying so
(`engines/units.py`). Only base 2 is inferred: bits is the one other unit derive reads.

A file whose every logarithm is `\\log_D`, D a declared number (Cover & Thomas's D-ary
codes), states its relative entropy D(p‖r) in base D: `every_logarithm_to` is that scan, and
the reader reads D(p‖r) so only beside it (and D > 1 assumed).

The scan is over the text (every spelling of a logarithm the reader accepts is a word
`log` or `ln` standing alone), so a row that cannot be read counts too.
"""

from __future__ import annotations

import re

# A logarithm in any spelling the reader accepts (`\log`, `\ln`, `\mathrm{log}`, a plain
# `log`), and whether its base is written 2 (`\log_2`, `\log_{2}`, `\operatorname{log}_2`).
_LOGARITHM = re.compile(r"(?<![a-zA-Z])(?:log|ln)(?![a-zA-Z])")
_BASE_TWO = re.compile(r"(?:\s*\})?\s*_\s*(?:2|\{\s*2\s*\})")
# An information quantity as written: `H(`, `I(X;Y)`, `D_{KL}(`, `H_p(`, `\mathrm{H}`, KL, JS.
_INFORMATION = re.compile(r"(?<![a-zA-Z\\])(?:H|I|D|KL|JS|JSD)(?:_\{[^{}]*\}|_[a-zA-Z0-9])?"
                          r"\s*(?:\\left|\\big[lr]?|\\Big[lr]?)?\s*[(\[]|"
                          r"\\(?:mathrm|operatorname|text)\s*\{\s*(?:H|I|KL|JS|JSD)\s*\}")

# What follows a logarithm's word up to its base: the brace closing `\mathrm{log}`, `\limits`
# or `\nolimits`, a power (`\log^2_D`), then the subscript's opening `_`.
_BEFORE_BASE = re.compile(r"(?:\s*\})?(?:\s*\\(?:no)?limits)?(?:\s*\^\s*(?:\{[^{}]*\}|\\?\w))?"
                          r"\s*_\s*")

INFERRED = ("", "information is in bits: every logarithm of the file is \\log_2", "")
# A directive line of prose (a title, a note): its words are no formula.
_PROSE_DIRECTIVE = re.compile(r"derive:\s*(?:title|note)\b")


def in_bits(directives, rows):
    """Whether a file with these directives (`(keyword, body)`) and display rows (texts)
    reads its information quantities in bits (the module's reading)."""
    if any(keyword == "information" for keyword, _ in directives):
        return False
    texts = [body for keyword, body in directives if keyword not in ("title", "note")] + \
        list(rows)
    found = [(text, m) for text in texts for m in _LOGARITHM.finditer(text)]
    return bool(found) and all(
        m.group() == "log" and _BASE_TWO.match(text, m.end()) for text, m in found) and any(
        _INFORMATION.search(text) and _LOGARITHM.search(text) for text in texts)


def every_logarithm_to(letter, text):
    """Whether every logarithm in a file's `text` — its formulas and directives, the prose
    of a title or a note aside — is written to the base `letter` alone (`\\log_D`,
    `\\log_{D}`, `\\log\\nolimits_D`, `\\operatorname{log}_{\\,D}`), and at least one is:
    Cover & Thomas's D-ary chapter, whose information is in base D. Any other spelling
    (`\\ln`, a bare `\\log`, `\\log_2`, `\\log_{2D}`, a word `log` in prose) makes it
    False: the file then may mean another base."""
    found = [(line, m) for line in text.splitlines() if not _PROSE_DIRECTIVE.search(line)
             for m in _LOGARITHM.finditer(line)]
    return bool(found) and all(_base(line, m) == letter for line, m in found)


def _base(text, word):
    """The base written after a logarithm's word (the match `word`): its subscript with
    braces and spacing taken off; None for `ln` or a logarithm without a subscript."""
    before = _BEFORE_BASE.match(text, word.end()) if word.group() == "log" else None
    if before is None:
        return None
    return re.sub(r"[{}\s]|\\[,;:! ]", "", _group(text, before.end()))


def writes_base(text, key):
    """Whether `text` writes a logarithm whose subscript (its base) mentions the symbol `key`
    anywhere — `\\log_D`, `\\log_{{D}}`, `\\log\\nolimits_D`, `\\operatorname{log}_{\\,D}`,
    `\\log_{\\mathrm{D}}`: every spelling the reader may take as a logarithm to base D, so
    that a reading which base D would make ambiguous can be refused (over-inclusive: a base
    `2D` counts too)."""
    letter = re.compile(r"(?<![a-zA-Z\\])" + re.escape(key) + r"(?![a-zA-Z])")
    for m in _LOGARITHM.finditer(text):
        base = _BEFORE_BASE.match(text, m.end())
        if base is not None and letter.search(_group(text, base.end())):
            return True
    return False


def _group(text, start):
    """The subscript starting at `start`: a balanced `{…}` group, a control word, or one
    character."""
    if text.startswith("{", start):
        depth = 0
        for end in range(start, len(text)):
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            if depth == 0:
                return text[start:end + 1]
        return text[start:]
    word = re.compile(r"\\[a-zA-Z]+|.", re.S).match(text, start)
    return word.group() if word else ""

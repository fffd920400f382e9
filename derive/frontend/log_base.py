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
    of a title or a note aside — is written to the base `letter` (`\\log_D`, `\\log_{D}`),
    and at least one is: Cover & Thomas's D-ary chapter, whose information is in base D.
    Any other spelling (`\\ln`, a bare `\\log`, `\\log_2`, a word `log` in prose) makes it
    False: the file then may mean another base."""
    base = re.compile(r"(?:\s*\})?\s*_\s*(?:" + re.escape(letter) + r"|\{\s*" +
                      re.escape(letter) + r"\s*\})(?![a-zA-Z])")
    found = [(line, m) for line in text.splitlines() if not _PROSE_DIRECTIVE.search(line)
             for m in _LOGARITHM.finditer(line)]
    return bool(found) and all(m.group() == "log" and base.match(line, m.end())
                               for line, m in found)

"""'Did you mean …?' for misspelt words in input files (directive keywords, modes)."""

from __future__ import annotations

import difflib


def did_you_mean(word, choices):
    """`; did you mean 'density'?` when `word` is close to one of `choices`, else ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close and close[0] != word else ""

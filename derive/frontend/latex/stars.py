"""Which stars `*` of a row are products.

Notes written in Markdown multiply with `*` (`e^{x_i} * e^{x_j}`, `s * (1 - s)`), and TeX
prints a `*` between two operands as the binary operator ∗. A star is also a name's
decoration (`D^*`, `f^*`, `x^{*}`, `\\theta^{**}`), written as a superscript or subscript.
Before parsing, each star that is no such script and stands between two operands is marked
as a product sign — replaced by one private character the grammar reads as a product sign
(`MULOP`), so offsets stay the author's — and the product reader then refuses it wherever it
is not between two factors (`products`): beside another product sign (`a ** 2`, Python's
power), before a relation command (`a * \\le b`), or beside a function or a distribution
not applied (`f * g`, `p_X * p_Y`: a convolution).

Left unmarked (the grammar reads them, or refuses them where they stand): a star right after
`^` or `_`, in the braces of a script holding only decorations (`^{*}`, `_{**}`, `^{*\\prime}`),
right after a control word (`\\operatorname*`, a starred command; `\\theta*`), and one with
no operand on a side — at an end, after a sign, a relation, a bracket or another star, or
before a relation or a closing bracket (`D* = …`, a decoration written without `^`; `+ *`).
`\\ast` is never a product: LaTeX authors write it for a convolution or a decoration.
"""

from __future__ import annotations

import re

PRODUCT_STAR = "\ue002"

_DECORATION_GROUP = re.compile(r"(?:\s|\*|'|\\(?:ast|star|prime|dagger)(?![a-zA-Z]))*\}")


def mark_product_stars(text):
    """The row with each star in a product's place replaced by PRODUCT_STAR (same length)."""
    if "*" not in text:
        return text
    chars = list(text)
    for at, char in enumerate(text):
        if char == "*" and not _decoration(text, at) and _between_operands(text, at):
            chars[at] = PRODUCT_STAR
    return "".join(chars)


def _between_operands(text, at):
    """Whether something that may be an operand stands on both sides of the star (TeX's
    rule for a binary sign: after a sign, a relation or an opening bracket, or before a
    relation or a closing one, it prints as a plain symbol, and is refused where it
    stands)."""
    before, after = text[:at].rstrip(), text[at + 1:].lstrip()
    return bool(before) and before[-1] not in "+-=<>([{,;&|*" and \
        bool(after) and after[0] not in "=<>)]},;&"


def _decoration(text, at):
    """Whether the star at `at` is a script's decoration or part of a command."""
    before = text[:at].rstrip()
    if not before:
        return False
    if before[-1] in "^_":
        return True
    if re.search(r"\\[a-zA-Z]+$", text[:at]):          # \operatorname*, \theta*
        return True
    opening = _open_script_group(text, at)
    return opening is not None and _DECORATION_GROUP.match(text, opening + 1) is not None


def _open_script_group(text, at):
    """The offset of the `{` of a script group `^{`/`_{` that the star at `at` stands in
    after other decorations (`^{\\prime *}`), or None."""
    depth = 0
    for k in range(at - 1, -1, -1):
        char = text[k]
        if char == "}":
            depth += 1
        elif char == "{":
            if depth == 0:
                return k if text[:k].rstrip()[-1:] in ("^", "_") else None
            depth -= 1
    return None

"""The maximum or minimum of finitely many numbers: `\\max(0, x)`, `\\min\\{a, b\\}`, `\\max(a, b, c)`.

`\\max` or `\\min` with no subscript before a bracket of two or more arguments separated by
commas — `( … )`, `[ … ]`, `\\{ … \\}` — is the elementary function of real numbers (ReLU
`\\max(0, x)`, the hinge `\\max(0, 1 - y t)`, softplus's `\\max(0, x) + \\log(1 + e^{-|x|})`),
never an optimum: it is read exactly through the absolute value,

    max(a, b) = (a + b + |a − b|) / 2,    min(a, b) = (a + b − |a − b|) / 2,

folded from the left for more arguments (max(a, b, c) = max(max(a, b), c)), so the normal
form and the numeric engine need nothing of their own. The value ends at the bracket's
closing delimiter: what follows multiplies or adds (`\\max(0, x) + 1`, `2\\max(a, b) c`), and
a power on the bracket is a power of the value (`\\max(0, 1 - t)^2`, as `\\sin(x)^2`). Every
argument must be shown real (declared real, a density's value, `|w|`, …): ℂ has no order, so
an argument that may be complex (an undeclared letter) is refused at its position, naming
what to declare. An optimum keeps its subscript (`\\max_\\theta (…)`, `\\max_{x \\in A}`) and
is read as before; so is a bracket of one argument, which says nothing the optimum's
subscript would.

A list written out with dots, `\\max\\{x_1, x_2, \\ldots, x_n\\}`, `\\min\\{y_1,\\dots,y_n\\}`, is
the largest (smallest) member of the family over the whole numbers the list runs through
(`dots.written_out_list`: the members before the dots one index apart, the last one after
them): an `Extremum`, which the normal form keeps as an atom of its member's normal form
and the numbers evaluate over the drawn family; proofs about it are `engines.maxima`'s.
"""

from __future__ import annotations

from derive.frontend.latex.pieces import BracketPiece
from derive.frontend.reals import why_not_real
from derive.model.terms import HALF, Add, Extremum, Fn, Mul, Pow, neg

_DELIMITERS = {"(": ")", "[": "]", r"\lbrack": r"\rbrack", r"\{": r"\}", r"\lbrace": r"\rbrace"}


class Extrema:
    """Mixed into `Reader`: `finite_extremum`."""

    def finite_extremum(self, kind, body):
        """The value of `\\max` (`kind` "max") or `\\min` ("min") with no subscript over
        `body` (a node, or the pieces of a run) when it starts with a bracket of two or more
        numbers, read with what follows it; None when it does not."""
        first, alone, after = self.leading_bracket(body)
        if not (isinstance(first, BracketPiece) and _DELIMITERS.get(first.open) == first.close
                and len(first.args) >= 2 and all(s == "," for s in first.seps)):
            return None
        listed = self.written_out_list(lambda *range_: Extremum(kind, *range_), first.args)
        if listed is not None:                  # \max\{x_1, x_2, \ldots, x_n\}
            why = why_not_real(listed, self.scope.context)
            if why is not None:
                raise self.error(f"\\{kind} of numbers is defined for real numbers only (ℂ has "
                                 f"no order): {why}", first.node)
            value = listed if first.power is None else Pow(listed, self.term(first.power))
            return value if alone else after(value)
        values = []
        for arg in first.args:
            value = self.term(arg)
            why = why_not_real(value, self.scope.context)
            if why is not None:
                raise self.error(f"\\{kind} of numbers is defined for real numbers only (ℂ has "
                                 f"no order): {why}", arg)
            values.append(value)
        value = values[0]
        for other in values[1:]:
            spread = Fn("abs", Add(value, neg(other)))
            value = Mul(HALF, Add(value, other, spread if kind == "max" else neg(spread)))
        if first.power is not None:
            value = Pow(value, self.term(first.power))
        return value if alone else after(value)

"""Notation for claims that are not equalities: optima and marked definitions.

Limits use SymPy's own unevaluated `Limit`. `Optimum` is `max`, `min`, `argmax` or `argmin`
of `f` over a variable on an interval. `Defined` marks the place where a definition was
substituted, so that a claim can hold a definition fixed (`% derive: fixed D^\\star`:
its value at the current parameter, not moving with it); every engine reads
`Defined(body, name)` as `body` otherwise.
"""

from __future__ import annotations

from sympy import Expr, oo
from sympy.core.symbol import Str

OPTIMA = ("max", "min", "argmax", "argmin")


class Optimum(Expr):
    """`kind` of `f` over `variable` in (`low`, `high`); args: (f, variable, kind, low, high,
    closed) with `kind` and `closed` (e.g. "()", "[)") as `Str`."""

    def __new__(cls, f, variable, kind, low=-oo, high=oo, closed="()"):
        return Expr.__new__(cls, f, variable, _str(kind), low, high, _str(closed))

    @property
    def function(self):
        return self.args[0]

    @property
    def variable(self):
        return self.args[1]

    @property
    def kind(self):
        return self.args[2].name

    @property
    def interval(self):
        return self.args[3], self.args[4], self.args[5].name

    def _latex(self, printer):
        return r"\%s_{%s} %s" % (self.kind, printer._print(self.variable), printer._print(self.function))


class Defined(Expr):
    """A substituted definition: `body`, remembered as coming from `name`."""

    def __new__(cls, body, name):
        return Expr.__new__(cls, body, _str(name))

    @property
    def body(self):
        return self.args[0]

    @property
    def name(self):
        return self.args[1].name

    def _latex(self, printer):
        return printer._print(self.body)


def _str(text):
    return text if isinstance(text, Str) else Str(text)


def strip_defined(expr):
    """`expr` without its `Defined` markers."""
    return expr.replace(lambda e: isinstance(e, Defined), lambda e: e.body)

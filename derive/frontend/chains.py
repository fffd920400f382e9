"""Assemble rows of expressions into chains and steps.

A row that starts with a relation (`= …`) continues the chain above it; a row with a left
side of its own starts a new chain, so a block of separate equations (each line `A = B`)
is a list of chains, each checked. A chain whose first expression names a quantity not
yet known (`\\mathcal{L}'(G|D^\\star) = …`) defines it: that first relation is a
`definition`, and from then on the name means the chain's latest expression (all equal,
once the chain is checked), so a later claim about it uses what the chain established.

A transition whose side is a limit or an optimum is a claim of that kind (see
`model.KINDS`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sympy import Limit, Symbol
from sympy.core.function import AppliedUndef

from derive.model import Location, Step
from derive.notation import Definition, Optimum


@dataclass(frozen=True)
class Row:
    """One row read from a file: its parts, where it is, and an optional justification."""

    parts: tuple
    offset: int
    justification: str = ""
    expect: str = ""


class ChainBuilder:
    """Feeds rows in order into steps; defines chain quantities in the `Declarations`."""

    def __init__(self, declarations, source):
        self.declarations = declarations
        self.source = source
        self.steps = []
        self._last = None          # (expr, latex) that the next continuation row continues
        self._defining = None      # name the current chain defines, if any

    @property
    def context(self):
        return self.declarations.context

    def add(self, row):
        expect, note = self.declarations.take_pending()
        expect = row.expect or expect
        first_new = len(self.steps)
        self._add(row)
        if expect or note:
            self.steps[first_new:] = [replace(s, expect=expect, note=note)
                                      for s in self.steps[first_new:]]

    def _add(self, row):
        parts = list(row.parts)
        if parts[0].relation is None:
            first = parts.pop(0)
            self._last = (first, first.latex)
            self._defining = None
            if parts and self._is_new_quantity(first.expr) and parts[0].relation == "=":
                self._define(first, parts.pop(0), row)
        elif self._last is None:
            raise self.source.error("this row starts with a relation, but there is nothing "
                                    "before it to continue", parts[0].start)
        for part in parts:
            self._transition(part, row)

    def _transition(self, part, row):
        lhs, lhs_latex = self._last
        relation = part.relation
        kind = _kind(lhs.expr, part.expr, relation)
        self.steps.append(Step(
            index=len(self.steps) + 1, kind=kind, relation=relation, lhs=lhs.expr, rhs=part.expr,
            lhs_latex=lhs_latex, latex=part.latex, location=self._location(part.start),
            justification=row.justification, fixed=self.context.fixed))
        self._last = (part, part.latex)
        if self._defining and kind == "equality":
            self.declarations.define(Definition(self._defining, (), part.expr, part.latex, "chain"))
        elif kind != "equality":
            self._defining = None

    def _define(self, first, part, row):
        name = _quantity_name(first.expr)
        self.declarations.define(Definition(name, (), part.expr, part.latex, source="chain"))
        self._defining = name
        self.steps.append(Step(
            index=len(self.steps) + 1, kind="definition", relation="=", lhs=first.expr,
            rhs=part.expr, lhs_latex=first.latex, latex=part.latex,
            location=self._location(part.start), justification=row.justification,
            fixed=self.context.fixed))
        self._last = (part, part.latex)

    def _is_new_quantity(self, expr):
        """An undeclared name, bare or applied, that no definition or density claims."""
        if not isinstance(expr, (AppliedUndef, Symbol)):
            return False
        name = _quantity_name(expr)
        ctx = self.context
        return not (ctx.is_variable(name) or dict(ctx.symbols).get(name)
                    or ctx.definition(name) or ctx.density(name))

    def _location(self, offset):
        line, column = self.source.position(offset)
        return Location(self.source.file, line, column)


def _kind(lhs, rhs, relation):
    sides = (lhs, rhs)
    if any(isinstance(e, Limit) for e in sides):
        return "limit"
    optima = [e for e in sides if isinstance(e, Optimum)]
    if any(o.kind.startswith("arg") for o in optima):
        return "optimiser"
    if len(optima) == 2:
        return "optimisation"
    if optima:
        return "relation" if relation != "=" else "optimisation"
    return "equality" if relation == "=" else "relation"


def _quantity_name(expr):
    return expr.func.__name__ if isinstance(expr, AppliedUndef) else expr.name

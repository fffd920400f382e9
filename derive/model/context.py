"""The context: what is declared where a step stands.

A `Context` maps each file-scope name to its `Declaration`, says which distributions move
with which parameters and which definitions are held fixed. The front-end makes a new one
at each directive (a declaration holds from where it stands); every step keeps the one in
force at its row, and the engines read assumptions from it and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from derive.model.names import (
    CopyInfo, Declaration, Domain, IndependentCopies, Kind, SampleInfo, UnknownLaw,
)

UNDECLARED = Declaration(Kind.SYMBOL, Domain.COMPLEX, declared=False)


@dataclass(frozen=True, eq=False)
class Context:
    table: dict = field(default_factory=dict)        # Name → Declaration, in declaration order
    parameters: dict = field(default_factory=dict)   # distribution Name → parameter Names
    fixed: frozenset = frozenset()                   # definition Names held at current values
    notes: tuple = ()                                # readings assumed, as `assumptions` gives them

    def declaration(self, name):
        """A bound variable is declared as the variable it ranges like."""
        if name.local is not None:
            return name.local
        if name.origin is not None:
            return self.declaration(name.origin)
        return self.table.get(name, UNDECLARED)

    def kind(self, name):
        return self.declaration(name).kind

    def domain(self, name):
        return self.declaration(name).domain

    def info(self, name):
        return self.declaration(name).info

    def of_kind(self, kind):
        """The file-scope names of one kind, in declaration order."""
        return [n for n, d in self.table.items() if d.kind is kind]

    def moves_with(self, name):
        """The parameters a distribution depends on (empty when it depends on none)."""
        return self.parameters.get(name, ())

    def assumptions(self):
        """What is assumed, as (subject, words, object) with subject and object in LaTeX."""
        out = []
        for name, declaration in self.table.items():
            kind, info = declaration.kind, declaration.info
            if kind is Kind.DISTRIBUTION:
                variables = ", ".join(v.latex for v in info.over)
                discrete = any(getattr(self.info(v), "discrete", False) for v in info.over)
                what = ("is given by its formula (as declared), over" if
                        getattr(info, "formula", None) is not None else
                        "is a mass function (positive, summing to 1) over" if discrete else
                        "is a density (positive, integrating to 1) over")
                if info.given:
                    variables += " given " + ", ".join(v.latex for v in info.given)
                out.append((name.latex, what, variables))
            elif isinstance(info, (IndependentCopies, UnknownLaw)) and info.group:
                out.append(_known_by_moments(name, info))
            elif kind is Kind.SYMBOL and declaration.declared:
                out.append((name.latex, f"is {declaration.domain.value}", ""))
            elif kind is Kind.SYMBOL and isinstance(info, CopyInfo):
                out.append((name.latex, "is not declared: a real number, as "
                            f"{info.of.latex} is", ""))
            elif kind is Kind.SYMBOL and declaration.domain is Domain.NATURAL:
                out.append((name.latex, "is not declared: a natural number (a sum's or a "
                            "family's last index)", ""))
            elif kind is Kind.SYMBOL and declaration.domain is Domain.REAL:
                out.append((name.latex, "is not declared: a real number where it is the "
                            "variable of an antiderivative claim (\\int f\\, dx = F) and in its "
                            "chain", ""))
            elif kind is Kind.SYMBOL and declaration.domain is Domain.INTEGER:
                out.append((name.latex, "is not declared: an integer (an index)", ""))
            elif kind is Kind.SYMBOL:
                out.append((name.latex, "is not declared: a complex number", ""))
            elif kind is Kind.FUNCTION and hasattr(declaration.info, "order"):
                out.append((name.latex, "is the derivative of", declaration.info.of.latex +
                            " (which is differentiable)" + ("" if declaration.info.order == 1
                            else f", of order {declaration.info.order}")))
            elif kind is Kind.FUNCTION and hasattr(declaration.info, "lags"):   # a recurrence
                out.append((name.latex, "is defined by its recurrence", declaration.info.said))
            elif kind is Kind.FUNCTION and isinstance(declaration.info, SampleInfo):
                out.append((name.latex, "is not declared: data points, each a value of",
                            declaration.info.of.latex))
            elif kind is Kind.FUNCTION and declaration.domain is not Domain.REAL and \
                    declaration.domain.is_real:
                out.append((name.latex, f"is a function with {declaration.domain.value} "
                            "values", ""))
            elif kind is Kind.FUNCTION and declaration.domain.is_real and \
                    not declaration.declared:
                out.append((name.latex, "is not declared: a family of real values (its "
                            "letter is declared real)", ""))
            elif kind is Kind.FUNCTION:
                out.append((name.latex, "is a real function" if declaration.declared else
                            "is not declared: an unknown function with complex values", ""))
        out += [(d.latex, "depends on", ", ".join(p.latex for p in ps))
                for d, ps in self.parameters.items()]
        out += [(name.latex, "is held fixed at its value for the current parameters", "")
                for name in sorted(self.fixed, key=lambda n: n.sort_key())]
        if any(d.kind is Kind.DISTRIBUTION for d in self.table.values()):
            out.append(("", "every integral is finite", ""))
        return out + list(self.notes)


def _known_by_moments(name, info):
    """The assumption line of a random variable (or family) known only by its moments."""
    xi = info.variable.latex
    what = "is random, known only by its moments: " + (
        "the value of" if info.mean is None else f"{xi} - E {xi} + its assumed mean, for")
    if isinstance(info, IndependentCopies):
        return (name.latex, what, f"{xi} \\sim {info.density.latex}; all members of "
                + ", ".join(info.group) + " independent, each family identically distributed"
                + _row_and_variance(info))
    others = [key for key in info.group if key != name.latex]
    return (name.latex, what, f"{xi} \\sim {info.density.latex}, independent of "
            + ", ".join(others) + _row_and_variance(info))


def _row_and_variance(info):
    """What an assumed variance and a fixed row add to `_known_by_moments`'s line."""
    out = ""
    if getattr(info, "row", None) is not None:
        out += f"; the one row {info.row} of a family with two indices (its members at j)"
    if info.variance is not None:
        out += "; its assumed variance (its moments of order 1 and 2 only)"
    return out

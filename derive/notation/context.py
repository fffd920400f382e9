"""What a derivation declares: variables, densities, symbols with assumptions, definitions.

Names are canonical LaTeX strings produced by the front-end (`p_{\\theta}`, `D^{\\star}`,
`\\mathcal{L}'`), so `\\mathbf{x}`, `\\mathrm{x}` and `x` are one name. A `Context` is
immutable; the front-end's `Declarations` builds a new one as declarations come.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from sympy import Function, Symbol


@dataclass(frozen=True)
class Density:
    """A probability density `name` over `variable`: positive and integrating to 1."""

    name: str
    variable: str

    @property
    def function(self):
        return Function(self.name, positive=True)

    def applied(self, variable=None):
        """The density applied to its variable (or to another symbol), e.g. `p_r(x)`."""
        return self.function(variable if variable is not None else Symbol(self.variable, real=True))


@dataclass(frozen=True)
class Definition:
    """`name(params) := body`; `source` is `define` (a directive) or `chain` (first line)."""

    name: str
    params: tuple
    body: object
    latex: str
    source: str = "define"

    def apply(self, args):
        """The body with `args` put for the parameters, nothing evaluated."""
        return substitute(self.body, dict(zip(self.params, args)))


def substitute(expr, mapping):
    """`expr` with sub-expressions replaced per `mapping`, rebuilt without evaluation
    (SymPy's `xreplace` evaluates, which erases the author's forms and costs time)."""
    if expr in mapping:
        return mapping[expr]
    if not expr.args:
        return expr
    args = [substitute(a, mapping) for a in expr.args]
    if all(new is old for new, old in zip(args, expr.args)):
        return expr
    try:
        return expr.func(*args, evaluate=False)
    except TypeError:
        return expr.func(*args)


_GREEK = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi pi rho "
          "sigma tau upsilon phi chi psi omega").split()
_PLAIN = {**{f"\\{g}": unicodedata.lookup("GREEK SMALL LETTER " + g.upper().replace("LAMBDA", "LAMDA"))
             for g in _GREEK},
          "^{\\star}": "*", "^{\\dagger}": "†", "\\mathcal{L}": "ℒ", "\\mathbb{E}": "𝔼"}


def plain(name):
    """A canonical LaTeX name as plain text for messages: `\\theta` → θ, `D^{\\star}` → D*."""
    for latex, text in _PLAIN.items():
        name = name.replace(latex, text)
    return name.replace("_{", "_").replace("{", "").replace("}", "")


@dataclass(frozen=True)
class Context:
    """The declarations in force for a derivation."""

    variables: tuple = ()
    densities: tuple = ()
    symbols: tuple = ()          # (name, "positive" | "real") pairs
    definitions: tuple = ()
    parameters: tuple = ()       # (density name, parameter name): the density moves with it
    fixed: tuple = ()            # definitions held at their current value (not moving)
    _index: dict = field(default=None, init=False, compare=False, repr=False)

    def __post_init__(self):
        index = {"density": {d.name: d for d in self.densities},
                 "definition": {d.name: d for d in self.definitions},
                 "symbol": dict(self.symbols)}
        object.__setattr__(self, "_index", index)

    def density(self, name):
        return self._index["density"].get(name)

    def definition(self, name):
        return self._index["definition"].get(name)

    def is_variable(self, name):
        return name in self.variables

    def symbol(self, name):
        """The SymPy symbol for `name`, with the assumptions declared for it."""
        if name in self.variables:
            return Symbol(name, real=True)
        kind = self._index["symbol"].get(name)
        return Symbol(name, **({kind: True} if kind else {}))

    def assumptions(self):
        """What is assumed, as (subject, words, object) with subject and object in LaTeX."""
        out = [(d.name, "is a density (positive, integrating to 1) over", d.variable)
               for d in self.densities]
        out += [(name, f"is {kind}", "") for name, kind in self.symbols]
        out += [(d, "depends on", p) for d, p in self.parameters]
        out += [(name, "is held fixed at its current value", "") for name in self.fixed]
        if self.densities:
            out.append(("", "every integral is finite", ""))
        return out

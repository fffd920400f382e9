"""Densities of a law the file never declares, written with a bar: `q(x_t \\mid x_{t-1})`.

Diffusion papers (Ho et al. 2020, Sohl-Dickstein et al. 2015, Luo's tutorial) write the
forward chain q and the reverse chain p_θ as conditionals at the chain's variables and never
declare them: `\\log \\frac{p_\\theta(x_0 \\mid x_1)}{q(x_1 \\mid x_0)}`, `q(x_T \\mid x_0)`.
derive reads each such call as the value of an unknown **positive** function of its values,
one function per density as written at the chain's variables (values before the bar,
values after it): `q(x_T \\mid x_0)`, `q(x_1 \\mid x_0)` and `q(x_0 \\mid x_1)` are three
unknown functions, each the same function wherever it is written at a bound copy of its
variables (`\\int q(x_1 \\mid x_0) \\, dx_1`), so renaming a bound variable into another
of the law's variables never proves an identity of two densities. Once q is written so, a
bare `q(x_T)` of the same law is its marginal at x_T, positive too, and another function
than `q(x_0)`. So `-\\log \\frac{p_\\theta(x_0|x_1)}{q(x_1|x_0)} = \\log q(x_1|x_0)
- \\log p_\\theta(x_0|x_1)` is proved, as it holds for any positive values.

What a law's conditionals owe each other — Bayes' rule, a Markov property, normalisation, a
factorisation into transitions — derive does not know of such a law: a step resting on it
may fail for unrelated positive functions, so a counterexample on these values refutes
nothing (`engines.decide`, undecided, naming the law). Refused at the bracket: a value that
is no declared variable (`q(2x \\mid x_0)`, `q(x_t = 1 \\mid x_0)`, `p(x \\mid
k)` at an index k: which random variable is it the density of?), two bars, and a name the file used above as an
unknown function without a bar (one name, one meaning).
"""

from __future__ import annotations

import re

from derive.model.names import Declaration, Domain, Kind, UnmodelledLawInfo
from derive.model.terms import Call, Sym

BAR_SEPARATORS = ("|", r"\mid", r"\vert")
EVENT = re.compile(r"[=<>]|\\(?:le|ge|leq|geq|ne|neq|in)(?![A-Za-z])")


def density_key(law, drawn, given):
    """The spelling of one density of an unmodelled law, at the declared variables it is
    written at (bound copies spelled as the variable they range like): `q(x_1 \\mid x_0)`."""
    spelled = lambda values: ", ".join(v.name.variable.latex for v in values)  # noqa: E731
    if not given:
        return f"{law}({spelled(drawn)})"
    return f"{law}({spelled(drawn)} \\mid {spelled(given)})"


class UnmodelledLaws:
    """Reader mixin: conditionals of undeclared laws (`UnmodelledLawInfo`)."""

    def written_with_bar(self, bracket):
        """Whether a call's round bracket holds a bar between its arguments."""
        return any(sep in BAR_SEPARATORS for sep in bracket.seps)

    def unmodelled_conditional(self, key, bracket, node):
        """`q(a, … \\mid b, …)` of an undeclared q: the call of q's shape function at the
        values written, drawn values first (module doc). Refused where it has no one
        reading."""
        bars = [i for i, sep in enumerate(bracket.seps) if sep in BAR_SEPARATORS]
        if len(bars) > 1 or any(sep not in BAR_SEPARATORS and sep != "," for sep in bracket.seps):
            raise self.error(f"{key}(…): derive reads one bar between a law's values, parted by "
                             "commas, and nothing else", bracket.node)
        values = [self._law_value(key, arg) for arg in bracket.args]
        drawn = bars[0] + 1 if bars else len(values)
        self.unmodelled_law(key, key, 0, 0, node)     # its name: calls without a bar beside
        name = self.unmodelled_law(key, density_key(key, values[:drawn], values[drawn:]),
                                   drawn, len(values) - drawn, node)
        return Call(name, *values)

    def unmodelled_law(self, key, shape, drawn, given, node):
        """The Name of the undeclared law `key`'s density spelled `shape` (`density_key`),
        declared positive on first use (the law's own name, `shape` = `key`, marks it as
        a law: its calls without a bar are its marginals); refused when the spelling means
        something else in the file already."""
        info = UnmodelledLawInfo(key, drawn, given)
        found = self.scope.lookup(shape)
        if found is not None and not isinstance(found[1].info, UnmodelledLawInfo):
            raise self.error(f"{key} is used above as an unknown function (no bar), and here "
                             f"as a law's conditional: one name, one meaning — declare the "
                             f"law (% derive: joint {key} over …) or write it one way",
                             node)
        name, conflict = self.scope.implicit(shape, Kind.FUNCTION, self.offset,
                                             Declaration(Kind.FUNCTION, Domain.POSITIVE, info,
                                                         declared=False))
        self._conflict(shape, conflict, node, Kind.FUNCTION)
        return name

    def _law_value(self, key, arg):
        """One value a law is written at: a declared variable (or a bound copy of one), nothing else
        (an event, `p(z_k = 1 \\mid x)`, is a probability of a declared law only)."""
        if EVENT.search(self.source_text(arg)):
            raise self.error(f"a bar between a function's arguments is a conditional, which "
                             f"derive reads only of a declared law when it writes an event: "
                             f"declare it (% derive: joint {key} over x, z, or density {key} "
                             f"over x)", arg)
        term = self.term(arg)
        if isinstance(term, Sym):
            origin = term.name.origin
            if self.scope.context.kind(term.name) is Kind.VARIABLE or (
                    origin is not None and self.scope.context.kind(origin) is Kind.VARIABLE):
                return term
        raise self.error(f"a bar between a function's arguments is a conditional, which "
                         f"derive reads of a law the file does not declare at declared "
                         f"variables only: this value is none (a number, an index, an "
                         f"expression), so which random variable {key} is a density of is "
                         f"not said — declare the variable (% derive: variable …) or the law",
                         arg)

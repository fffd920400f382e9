"""A function's value named by the function's own letter: `\\sigma = \\sigma(w^\\top x)`.

Blogs and lecture notes "simplify notation" so: after a row `\\sigma = \\sigma(a)` (or
`\\sigma := \\sigma(a)`) of a function the file defines (`define \\sigma(z) = …`) or declares
(`function f`), the bare `\\sigma` names, to the end of the file, the value σ(a) — a name of
its own, defined as that value, so that its derivatives move with a's variables
(`\\nabla_w \\sigma` is the gradient of σ(w^⊤x) in w). The function keeps its name where an
argument is written. `\\sigma(…)` then reads two ways — σ applied to the bracket, or the
value σ(a) times it — and is read only where one of them is plain:

- the bracket is a sum or difference holding the bare `\\sigma` (`\\sigma(1 - \\sigma)`,
  `\\sigma(y - \\sigma)`): the value times the bracket (a function applied to an expression in
  its own value is no author's meaning of this notation); one term holding it (`\\sigma(\\sigma)`,
  `\\sigma(2\\sigma)`, `\\sigma(-\\sigma)`) is refused: a composition σ(σ(a)) is a
  plain reading of it too, and a product would not bracket one term;
- the bracket is a name or number alone (`\\sigma(z)`, `\\sigma(z_i)`, `\\sigma(0)`), or a's
  own text (`\\sigma(w^\\top x)`): the function applied (a product would not bracket one
  letter);
- anything else (`\\sigma(1 - y)`, `\\sigma(2 w^\\top x)`) is refused at the bracket.

The row is refused where the bare name already reads otherwise (the function's parameter
spelled like a declared variable, `D^\\star` read at x), and a second such row for one
function (the bare name would get a second value). A derivative of the bare name in a
letter the value does not move with (`\\frac{d\\sigma}{dz}` after `\\sigma = \\sigma(w^\\top
x)`) is refused too: it is 0 as read, σ'(z) as an author may mean it.
"""

from __future__ import annotations

import re

from derive.frontend.latex.pieces import BracketPiece, NamePiece, is_tree, single
from derive.model.names import Kind
from derive.model.terms import Defined, free_names

# A name or number alone in a bracket: a letter or command, with a subscript of one token
# or group; a whole or decimal number.
_ONE_NAME = re.compile(r"\s*(?:(?:\\[A-Za-z]+|[A-Za-z])\s*(?:_\s*(?:\{[^{}]*\}|\\[A-Za-z]+|\w))?|"
                       r"[0-9]+(?:\.[0-9]+)?)\s*")
# What makes a written spelling an application or another name, right after it.
_APPLIED_OR_OTHER = re.compile(r"\s*(?:_|'|\(|\\left\b|\\[bB]igg?l?\b)")


def bare_uses(key, text):
    """Whether `text` writes the spelling `key` bare: not applied, not part of a longer
    name (`\\sigma(1 - \\sigma)` does; `1 - \\sigma(z)`, `\\sigma_i` do not)."""
    pattern = r"(?<![A-Za-z\\])" + re.escape(key) + r"(?![A-Za-z])"
    return any(not _APPLIED_OR_OTHER.match(text, m.end()) for m in re.finditer(pattern, text))


def _flat(text):
    return "".join(text.split())


class Abbreviations:
    """Reader mixin: the value named by its function's own letter."""

    def abbreviation_head(self, side, body, relation):
        """The `Head` of a row `\\sigma = \\sigma(a)` (`side` its left side, `body` the
        next), whose bare spelling names the value from here on; None when the row is no
        such row. Refused where the bare name already reads otherwise."""
        from derive.frontend.latex.reader import DEFINE, Head, Relation
        if relation not in (Relation.EQ, DEFINE):
            return None
        key = self._bare_function(side)
        if key is None:
            return None
        node = single(body)
        items = node.children if is_tree(node, "run") else []
        if len(items) != 2 or self._bare_function(items[0]) != key:
            return None
        bracket = self.piece(items[1])
        found = self.declared(key)
        if not isinstance(bracket, BracketPiece) or bracket.open != "(" or \
                bracket.power is not None or len(bracket.args) != self._arity(found):
            return None
        if found[1].kind is Kind.DEFINITION and self._at_variables(found[1].info.params):
            raise self.error(f"{key} written bare already reads as the function at its "
                             f"parameters' variables: it cannot also name {key} at another "
                             "argument — give the value a name of its own", side)
        argument = ", ".join(self.source_text(a).strip() for a in bracket.args)
        return Head(key, None, (), value_at=argument)

    def _bare_function(self, node):
        """The key of a function (defined with parameters, or declared) that `node` writes
        alone (no power, prime or subscript of its own), else None."""
        node = single(node)
        if not is_tree(node, "script"):
            return None
        try:
            piece = self.piece(node)
        except Exception:
            return None
        if not isinstance(piece, NamePiece) or piece.power is not None or piece.primes or \
                self.bound_name(piece.key) is not None:
            return None
        found = self.declared(piece.key)
        return piece.key if self._arity(found) else None

    @staticmethod
    def _arity(found):
        """How many arguments a declared or defined function takes (0: no function)."""
        if found is None:
            return 0
        if found[1].kind is Kind.DEFINITION and found[1].info.params:
            return len(found[1].info.params)
        return 1 if found[1].kind is Kind.FUNCTION else 0

    def abbreviated(self, p, name, bracket):
        """(the value, 1) where `p` writes bare a function whose value its own letter names
        (`\\sigma` after `\\sigma = \\sigma(a)`), or writes it before a bracket that makes
        it the value times the bracket; None where it is the function (applied, or no such
        row above). Refused where the bracket reads both ways."""
        found = self.scope.abbreviations.get(p.key)
        if found is None or self.scope.names.get(p.key) is not name or p.primes:
            return None
        value = Defined(found.name, (), self.scope.table[found.name].info.body)
        if not isinstance(bracket, BracketPiece) or bracket.open != "(":
            return value, 1
        if len(bracket.args) != 1:
            return None                         # f(a, b): the function applied
        inner = self.source_text(bracket.args[0]).strip()
        if bare_uses(p.key, inner) and is_tree(single(bracket.args[0]), "sum"):
            return value, 1                     # σ(1 − σ): the value times the bracket
        if bare_uses(p.key, inner):             # σ(σ), σ(2σ), σ(-σ): σ(σ(a)) or σ(a)·σ?
            raise self.error(f"{p.key}({inner}) reads two ways after {p.key} = "
                             f"{p.key}({found.argument}): {p.key} applied to its own value, "
                             f"or the value times a bracket holding one term — write "
                             f"{p.key} \\cdot ({inner}) for the product, or {p.key}(…) at "
                             "its argument for the function", bracket.node)
        if _ONE_NAME.fullmatch(inner) or _flat(inner) == _flat(found.argument):
            return None                         # σ(z), σ(w^⊤x): the function applied
        raise self.error(f"{p.key}({inner.strip()}) reads two ways after {p.key} = "
                         f"{p.key}({found.argument}): {p.key} applied to the bracket, or the "
                         f"value {p.key}({found.argument}) times it — write {p.key} \\cdot "
                         f"({inner.strip()}) for the product, or give the value a name of "
                         "its own", bracket.node)

    def abbreviates(self, p, found):
        """Whether the bare spelling `p` of the function `found` (Name, Declaration) names
        its value here (`\\sigma` after `\\sigma = \\sigma(a)`)."""
        return p.key in self.scope.abbreviations and self.scope.names.get(p.key) is found[0]

    def abbreviation_moves(self, term, variable, node):
        """Refuse a derivative in `variable` of a bare name `term` that is a value named by
        its function's letter and does not move with that variable (`\\frac{d\\sigma}{dz}`
        after `\\sigma = \\sigma(w^\\top x)`: 0 as read, σ'(z) as an author may mean it)."""
        if not isinstance(term, Defined) or term.arguments:
            return
        found = self.scope.abbreviations.get(term.name.latex)
        if found is None or found.name is not term.name or variable in free_names(term.body):
            return
        raise self.error(f"{term.name.latex} is {term.name.latex}({found.argument}) here, "
                         f"which does not move with {variable.latex}: for the function's "
                         f"derivative write \\frac{{d}}{{d{variable.latex}}} "
                         f"{term.name.latex}({variable.latex})", node)


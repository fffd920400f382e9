"""The inner product `\\langle a, b \\rangle` of two declared indexed families or vectors.

Conjugate-function and f-GAN notes write `\\langle y, x \\rangle` (also `\\langle y,x
\\rangle`, `\\left\\langle … \\right\\rangle`) for Σ_i y_i x_i, where the file declares
the families (`real y_i for i = 1..n`) or vector symbols (`real \\mu in \\mathbb{R}^J`,
components `\\mu_1 … \\mu_J`). Read as that sum over their one declared range
(`IndexRange`; a vector's is 1..J).

Read only where that is the one meaning: both arguments are bare names of such
families or vectors over the same range, neither bound here (a variable of an integral or
a supremum) nor declared as anything else under its own letter. Anything else between
`⟨ ⟩` — a number, an expression (`\\langle y, 2x \\rangle`), a variable, a function (an
inner product of functions is an integral over a measure derive is not told), one
argument or three, families over different ranges — is refused at the bracket, never read
as a product.
"""

from __future__ import annotations

from derive.frontend.latex.pieces import NamePiece, is_tree, single
from derive.model.names import Declaration, Domain, IndexRange, Kind
from derive.model.terms import Call, Mul, Num, Pow, Sum, Sym
from derive.notation import vectors
from derive.notation.show import show

_INDEX = Declaration(Kind.SYMBOL, Domain.INTEGER)


class InnerProducts:
    """Reader mixin: `\\langle a, b \\rangle` as Σ_i a_i b_i."""

    def inner_product(self, bracket):
        """Σ_i a_i b_i of `⟨a, b⟩` (`bracket`, a `BracketPiece` opened by `\\langle`)."""
        if len(bracket.args) != 2 or bracket.seps != [","]:
            raise self.error("derive reads \\langle a, b \\rangle with two arguments "
                             "separated by a comma (the inner product of two declared "
                             "families or vectors)", bracket.node)
        (first, span), (second, other) = (self._inner_argument(a) for a in bracket.args)
        if (span.lower, span.upper) != (other.lower, other.upper):
            raise self.error("the inner product's families are declared over different "
                             f"ranges ({span.text}, {other.text})", bracket.node)
        index = self.fresh(span.index, declaration=_INDEX)
        value = Sum(index, Mul(Call(first, Sym(index)), Call(second, Sym(index))),
                    span.lower, span.upper)
        return value if bracket.power is None else Pow(value, self.term(bracket.power))

    def _inner_argument(self, node):
        """(component family Name, its `IndexRange`) of an argument of `⟨ , ⟩`: a bare
        declared family or vector symbol."""
        why = ("derive reads \\langle a, b \\rangle of declared indexed families (% derive: "
               "real y_i for i = 1..n) or vectors (real \\mu in \\mathbb{R}^J), written by "
               "their letters")
        piece = None
        if is_tree(single(node), "script"):
            piece = self.piece(single(node))
        if not isinstance(piece, NamePiece) or piece.sub is not None or piece.power is not None:
            raise self.error(why + "; not this", node)
        key = piece.key
        if self.bound_name(key) is not None:
            raise self.error(why + f"; here {key} is bound (a variable of an operator around "
                             "it)", node)
        own, family = self.scope.lookup(key), self.scope.lookup(key + "_{\\cdot}")
        if own is not None and isinstance(own[1].info, vectors.Vector):
            components = own[1].info.components
            last = own[1].info.dimension
            return components, IndexRange("", Num(1), last, f"1..{show(last)}")
        if own is None and family is not None and isinstance(family[1].info, IndexRange) \
                and family[1].kind is Kind.FUNCTION:
            return family[0], family[1].info
        raise self.error(why + f"; {key} is not one", node)

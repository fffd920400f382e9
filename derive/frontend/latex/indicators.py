"""The indicator of an equation between whole-number indices, as the Kronecker delta.

Softmax-gradient notes write ∂s_j/∂z_k = s_j(δ_jk − s_k) with the delta spelled as an
indicator: `\\mathbb{1}[j = k]`, `\\mathbb{1}\\{j = k\\}`, `\\mathbb{1}_{j = k}`,
`\\mathbf{1}_{j = k}`, Iverson's bracket `[j = k]` alone, or a plain `1\\{j = k\\}` (a bare
1 right before a brace pair holding one equation). Each is 1 where the indices are
equal and 0 elsewhere: δ_{jk} (`members.kronecker`), and `\\ne` inside is 1 − δ_{jk}.

Read only where that is the one meaning:
* both sides are whole numbers at every value of their letters (`Reader._whole_index`: an
  undeclared letter there is an index, a declared real or a variable's value is refused —
  `\\mathbb{1}\\{y = k\\}` of a real y is no delta of indices, and derive has no indicator of
  an event);
* the relation is `=` or `\\ne` (an indicator of `j < k` is no delta: refused);
* `\\mathbb{1}` (`\\mathbf{1}`, `\\boldsymbol{1}` with a subscript equation) is not a name
  the file declared — a declared `\\mathbb{1}` keeps the author's meaning;
* a bracket after `\\mathbb{1}` holds one equation; anything else after it (a set,
  `\\mathbb{1}_A`, a bare `\\mathbb{1}`) is refused;
* a plain `1` is an indicator only right before `\\{ … \\}` holding one equation and with no
  power of its own (`1\\{k = i\\}`); `1\\{x\\}`, `1^2\\{…\\}`, `1 (k = i)` keep their old
  reading (the number 1, then whatever follows).
"""

from __future__ import annotations

from lark import Tree
from lark.tree import Meta

from derive.frontend.latex.pieces import BracketPiece, NamePiece, is_token, is_tree, single
from derive.model.terms import Num, sub
from derive.notation import members

# The fonts whose `{1}` is written for an indicator (`\mathbb{1}`, and `\mathbf{1}`,
# `\boldsymbol{1}` only with a subscript equation: bare, they are the number 1).
INDICATOR_FONTS = frozenset({"mathbb", "mathbf", "boldsymbol", "bm"})
_EQUAL = frozenset({"="})
_UNEQUAL = frozenset({r"\ne", r"\neq"})
_BRACKETS = frozenset({"[", r"\lbrack", r"\{", r"\lbrace", "("})
_BRACES = frozenset({r"\{", r"\lbrace"})


def indicator_font(primary):
    """The font of `\\mathbb{1}`-like primaries (`mathbb`, `mathbf`, …; Murphy's and
    Bishop's `\\mathbb{I}` is blackboard only), else None."""
    if not is_tree(primary, "font") or len(primary.children) != 2:
        return None
    font, body = primary.children[0].value[1:], primary.children[1]
    if font not in INDICATOR_FONTS or not is_tree(body, "fontbody") or \
            len(body.children) != 1:
        return None
    text = getattr(body.children[0], "value", None)
    if is_token(body.children[0], "NUMBER") and text == "1":
        return font
    return font if font == "mathbb" and text == "I" else None


def equation_of(node):
    """(left node, relation text, right node) of an equation node (`j = k` as a bracket's
    argument or a subscript), else None."""
    node = single(node) if is_tree(node, "sgroup") else node
    if is_tree(node, "subitems") and len(node.children) == 1:
        node = node.children[0]
    node = _event_set(node)
    if (is_tree(node, "assignment") or is_tree(node, "equation")) and len(node.children) == 3:
        return node.children[0], node.children[1].value, node.children[2]
    return None


class Indicators:
    """Mixin of the reader: the indicator of an equation between indices."""

    def indicator(self, piece, nxt):
        """(value, pieces used) of `\\mathbb{1}` with its equation in its subscript or in
        the bracket after it (`IndicatorPiece`)."""
        if piece.sub is not None:
            equation, used, node = equation_of(piece.sub), 1, piece.sub
        elif isinstance(nxt, BracketPiece) and nxt.open in _BRACKETS and len(nxt.args) == 1 \
                and not nxt.seps:
            equation, used, node = equation_of(nxt.args[0]), 2, nxt.node
        else:
            equation, used, node = None, 1, piece.node
        if equation is None:
            raise self.error("derive reads an indicator only of an equation between "
                             "whole-number indices (\\mathbb{1}[j = k], \\mathbb{1}_{j = k}: "
                             "the Kronecker delta); of a set or an event it is not read",
                             node)
        value = self.index_equation(equation, piece.node)
        power = nxt.power if used == 2 else None
        for exponent in (piece.power, power):
            if exponent is not None:
                value = self.powered_indicator(value, exponent)
        return value, used

    def plain_indicator(self, lazy, nxt):
        """`1\\{k = i\\}`: the number 1 right before a brace pair holding one equation is
        the indicator of that equation (read as `\\mathbb{1}\\{k = i\\}` is); None for any
        other number or bracket, which keep their reading."""
        if lazy.power is not None or not is_token(lazy.primary, "NUMBER") or \
                lazy.primary.value != "1" or not isinstance(nxt, BracketPiece) or \
                nxt.open not in _BRACES or len(nxt.args) != 1 or nxt.seps:
            return None
        equation = equation_of(nxt.args[0])
        if equation is None:
            return None
        value = self.index_equation(equation, nxt.node)
        return value if nxt.power is None else self.powered_indicator(value, nxt.power)

    def iverson(self, bracket):
        """Iverson's `[j = k]`: the Kronecker delta, for a square bracket holding one
        equation; None for any other bracket (read as a grouping)."""
        if bracket.open not in ("[", r"\lbrack") or len(bracket.args) != 1 or bracket.seps:
            return None
        equation = equation_of(bracket.args[0])
        if equation is None:
            return None
        value = self.index_equation(equation, bracket.node)
        return value if bracket.power is None else \
            self.powered_indicator(value, bracket.power)

    def index_equation(self, equation, node):
        """δ_{ab} for `a = b`, 1 − δ_{ab} for `a \\ne b`, both sides whole-number indices;
        any other relation or side is refused."""
        left, relation, right = equation
        if relation not in _EQUAL | _UNEQUAL:
            raise self.error(f"an indicator of {relation} between indices is not read: derive "
                             "reads only = and \\ne (the Kronecker delta)", node)
        label = NamePiece(r"\mathbb{1}", r"\mathbb{1}", None, None, 0, node)
        a, b = (self._whole_index(_group(side), label,
                                  "the indicator of an equation compares whole numbers")
                for side in (left, right))
        delta = members.kronecker(a, b)
        return delta if relation in _EQUAL else sub(Num(1), delta)

    def powered_indicator(self, value, exponent):
        """An indicator to a power: itself, for a positive whole power (δ² = δ); any other
        power is refused."""
        power = self.term(exponent)
        if not (isinstance(power, Num) and power.value.denominator == 1 and power.value > 0):
            raise self.error("an indicator to a power other than a positive whole number is "
                             "not read", exponent)
        return value


def _event_set(node):
    """The one item of a set in braces written as an indicator's subscript
    (`\\mathbb{1}_{\\{y_n = 1\\}}`, the event as a set), else the node itself."""
    inner = single(node)
    if is_tree(inner, "script") and len(inner.children) == 1:
        inner = inner.children[0]
    if is_tree(inner, "bracketed") and len(inner.children) == 3 and \
            getattr(inner.children[0], "value", None) in _BRACES and \
            is_tree(inner.children[1], "args") and len(inner.children[1].children) == 1:
        return single(inner.children[1].children[0])
    return node


def _group(side):
    """One side of the equation as the group an index is read from, keeping the side's
    position: a refusal names its text (an unplaced group named none)."""
    meta = Meta()
    first, last = (side.meta, side.meta) if isinstance(side, Tree) else (side, side)
    meta.start_pos, meta.end_pos = getattr(first, "start_pos", None), getattr(last, "end_pos", None)
    meta.empty = meta.start_pos is None or meta.end_pos is None
    if not meta.empty:
        meta.line = getattr(first, "line", None)
        meta.column = getattr(first, "column", None)
    return Tree("sgroup", [side], meta)

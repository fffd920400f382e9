"""The indicator of an equation between whole-number indices, as the Kronecker delta; the
indicator of an inequality event of a random variable inside an expectation over it.

Softmax-gradient notes write ∂s_j/∂z_k = s_j(δ_jk − s_k) with the delta spelled as an
indicator: `\\mathbb{1}[j = k]`, `\\mathbb{1}\\{j = k\\}`, `\\mathbb{1}_{j = k}`,
`\\mathbf{1}_{j = k}`, Iverson's bracket `[j = k]` alone, or a plain `1\\{j = k\\}` (a bare
1 right before a brace pair holding one equation). Each is 1 where the indices are
equal and 0 elsewhere: δ_{jk} (`members.kronecker`), and `\\ne` inside is 1 − δ_{jk}.

Read only where that is the one meaning:
* both sides are whole numbers at every value of their letters (`Reader._whole_index`: an
  undeclared letter there is an index, a declared real or a variable's value is refused —
  `\\mathbb{1}\\{y = k\\}` of a real y is no delta of indices);
* the relation is `=` or `\\ne` (an indicator of `j < k` is no delta: an event, below);
* `\\mathbb{1}` (`\\mathbf{1}`, `\\boldsymbol{1}` with a subscript equation) is not a name
  the file declared — a declared `\\mathbb{1}` keeps the author's meaning;
* a bracket after `\\mathbb{1}` holds one equation; anything else after it (a set,
  `\\mathbb{1}_A`, a bare `\\mathbb{1}`) is refused;
* a plain `1` is an indicator only right before `\\{ … \\}` holding one equation and with no
  power of its own (`1\\{k = i\\}`); `1\\{x\\}`, `1^2\\{…\\}`, `1 (k = i)` keep their old
  reading (the number 1, then whatever follows).

An inequality (`\\mathbb{1}_{\\{Z \\ge t\\}}`, Markov's proof) is an event: inside an
expectation over the one continuous variable it names, each term of the argument with it as
a factor is the integral of the rest times the density over the event's set — the set
`\\Pr(Z \\ge t)` integrates over (events.py), so E[1{A}] = P(A) is one integral; of a discrete
variable under its law by formula, the sum over the event's whole points `\\Pr` sums over.
Anywhere else (outside an expectation, under a function, in a variance, of a discrete
variable under an abstract law) it is refused at the indicator. Besides `\\mathbb{1}`, a plain
`1`, `I` or `\\chi` with the equation or event as its subscript (`1_{Z \\ge t}`,
`I_{\\{Z \\ge t\\}}`) is the indicator (`scripted_indicator`).
"""

from __future__ import annotations

from dataclasses import dataclass

from lark import Tree
from lark.tree import Meta

from derive.frontend.latex.pieces import BracketPiece, NamePiece, is_token, is_tree, single
from derive.frontend.latex.events import UPWARD
from derive.model.names import Declaration, Domain, Kind, Name
from derive.model.terms import (
    MINUS_ONE, OO, Add, Dens, Dist, Expect, Integral, Mul, Num, Sum, Sym, free_names, nodes, sub,
    substitute,
)
from derive.notation import members

# The fonts whose `{1}` is written for an indicator (`\mathbb{1}`, and `\mathbf{1}`,
# `\boldsymbol{1}` only with a subscript equation: bare, they are the number 1).
INDICATOR_FONTS = frozenset({"mathbb", "mathbf", "boldsymbol", "bm"})
_EQUAL = frozenset({"="})
_UNEQUAL = frozenset({r"\ne", r"\neq"})
_BRACKETS = frozenset({"[", r"\lbrack", r"\{", r"\lbrace", "("})
_BRACES = frozenset({r"\{", r"\lbrace"})
MARK = Declaration(Kind.SYMBOL, Domain.REAL)     # an event indicator's placeholder, one row long


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


# Letters written for an indicator with its event as a subscript (`I_{\{X > 0\}}`,
# `\chi_{X \ge t}`: the characteristic function of the event), when the file has not
# declared them: only with a subscript equation or inequality.
INDICATOR_LETTERS = frozenset({"I", r"\chi"})


def scripted_indicator(primary, sub, sup, lookup):
    """Whether `primary` with subscript `sub` is an indicator of the equation or event in
    the subscript other than `\\mathbb{1}` (`indicator_font`): the plain number 1
    (`1_{Z \\ge t}`, `1_{\\{Z \\ge t\\}}`) or an undeclared `I`, `\\chi` without a
    superscript (`\\chi^2_{…}` is no indicator). `lookup` is the scope's lookup of a name:
    a declared letter keeps its meaning."""
    if sub is None or equation_of(sub) is None:
        return False
    if is_token(primary, "NUMBER"):
        return primary.value == "1"
    if sup is not None:
        return False
    text = primary.value if is_token(primary, "LETTER") or is_token(primary, "COMMAND") \
        else None
    return text in INDICATOR_LETTERS and lookup(text) is None


def event_subscript(sub):
    """Whether a subscript holds one inequality (`p_{x \\ge 0}`): an event, which a
    name's label never is — read only as an indicator's."""
    found = equation_of(sub) if sub is not None else None
    return found is not None and found[1] in UPWARD


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
        value = self.indicator_value(equation, piece.node)
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
        value = self.indicator_value(equation, nxt.node)
        return value if nxt.power is None else self.powered_indicator(value, nxt.power)

    def iverson(self, bracket):
        """Iverson's `[j = k]`: the Kronecker delta, for a square bracket holding one
        equation; None for any other bracket (read as a grouping)."""
        if bracket.open not in ("[", r"\lbrack") or len(bracket.args) != 1 or bracket.seps:
            return None
        equation = equation_of(bracket.args[0])
        if equation is None:
            return None
        value = self.indicator_value(equation, bracket.node)
        return value if bracket.power is None else \
            self.powered_indicator(value, bracket.power)

    def indicator_value(self, equation, node):
        """The indicator of an inequality is that of an event of a random variable
        (`event_indicator`); of `=` or `\\ne`, the Kronecker delta of indices."""
        if equation[1] in UPWARD:
            return self.event_indicator(equation, node)
        return self.index_equation(equation, node)

    def event_indicator(self, equation, node):
        """`\\mathbb{1}_{\\{Z \\ge t\\}}` inside an expectation over Z: a placeholder
        `Sym` the expectation replaces by restricting its integral to the event's set
        (`indicated_average`); refused outside an expectation, of a discrete variable, of
        several random variables or of none averaged there."""
        left, relation, right = equation
        if self.scouting:          # which variables the argument writes: the event's
            return Add(self.term(_group(left)), self.term(_group(right)))
        if not self.averaged:      # outside an expectation: no event, indices refused
            return self.index_equation(equation, node)
        g, c = self.term(_group(left)), self.term(_group(right))
        written = _event_values(g) | _event_values(c)
        averaged = [b for b in self.averaged if b in written]
        others = [n for n in written if n not in self.averaged and n.local is None and
                  self.scope.context.kind(n.variable) is Kind.VARIABLE]
        if len(averaged) != 1 or others or averaged[0].origin is None:
            raise self.error("the event of an indicator names one random variable of the "
                             "expectation it stands in (\\mathbb{E}[\\mathbb{1}_{\\{Z "
                             "\\ge t\\}}] with Z averaged there), and no other", node)
        bound = averaged[0]
        x = bound.origin
        at_x = {bound: Sym(x)}
        event = (substitute(g, at_x), relation, substitute(c, at_x))
        pieces = None if getattr(self.scope.context.info(x), "discrete", False) else \
            tuple(self.event_pieces(*event, x, node))   # a discrete one's: by its law, below
        mark = Name(r"\mathbb{1}", local=MARK)
        self.indicator_events()[mark] = IndicatorEvent(bound, pieces, node, event)
        return Sym(mark)

    def indicator_events(self):
        """The placeholders of this reader's event indicators → their `IndicatorEvent`."""
        found = self.__dict__.get("_indicator_events")
        if found is None:
            found = self.__dict__["_indicator_events"] = {}
        return found

    def indicated_average(self, bound, dist, body):
        """E over `bound` ~ `dist` of `body` where event indicators of `bound` stand as
        factors: each term of the sum with one indicator factor is the integral of the rest
        times the density over the event's set (E[h · 1{A}] = ∫_A h p); a term with none
        keeps its expectation. An indicator anywhere else (inside a function, a bracket
        summed over, beside a second indicator, of another variable) is left in place for
        `no_loose_indicator` to refuse. None when `body` holds no indicator."""
        events = self.indicator_events()
        if not any(isinstance(t, Sym) and t.name in events for t in nodes(body)):
            return None
        total = []
        for term in _flat(body, Add):
            factors = _flat(term, Mul)
            marks = [f for f in factors if isinstance(f, Sym) and f.name in events and
                     events[f.name].bound is bound]
            if len(marks) != 1:
                total.append(Expect(bound, dist, term))
                continue
            rest = [f for f in factors if f is not marks[0]]
            event = events[marks[0].name]
            runs = [(Num(1), Integral, low, high) for low, high in event.pieces] \
                if event.pieces is not None else self._mass_runs(event, dist)
            for sign, kind, low, high in runs:
                copy = Name(bound.latex, origin=bound.origin)
                density = Dens(dist, (Sym(copy),))
                integrand = Mul(density, substitute(Mul(*rest), {bound: Sym(copy)})) \
                    if rest else density
                run = kind(copy, integrand, Mul(MINUS_ONE, OO) if low is None else low,
                           OO if high is None else high)
                total.append(run if sign == Num(1) else Mul(sign, run))
        if not total:
            return Num(0)
        return total[0] if len(total) == 1 else Add(*total)

    def _mass_runs(self, event, dist):
        """[(sign, Sum, low, high)] of an indicator's event of a discrete variable: the
        whole points of the event where `dist` (its law by formula) has mass
        (`event_points`)."""
        x = event.bound.origin
        if not isinstance(dist, Dist) or dist.over != (x,) or dist.given:
            raise self.error(f"an indicator of an event of the discrete {x.latex} is read "
                             f"inside an expectation under its declared law by formula",
                             event.node)
        points = self.event_points(*event.event, x, dist.name, event.node)
        return [(sign, Sum, low, high) for sign, low, high in points]

    def no_loose_indicator(self, value):
        """Refuse an event indicator an expectation did not take as a factor of a term
        (`\\mathbb{E}[e^{\\mathbb{1}\\{…\\}}]`, a variance of one, one inside a bracket)."""
        events = self.indicator_events()
        for t in nodes(value):
            if isinstance(t, Sym) and t.name in events:
                raise self.error("derive reads an indicator of an event inside an expectation "
                                 "as a factor of a term of its argument (\\mathbb{E}[h \\cdot "
                                 "\\mathbb{1}_{\\{Z \\ge t\\}} + …]); here it is not (inside "
                                 "a function, a bracket, a variance, beside another indicator): "
                                 "write the expectation term by term", events[t.name].node)

    def index_equation(self, equation, node):
        """δ_{ab} for `a = b`, 1 − δ_{ab} for `a \\ne b`, both sides whole-number indices;
        any other relation or side is refused."""
        left, relation, right = equation
        if relation not in _EQUAL | _UNEQUAL:
            raise self.error(f"an indicator of {relation} between indices is not read: derive "
                             "reads only = and \\ne (the Kronecker delta); an indicator of an "
                             "event of a random variable is read only inside an expectation "
                             "over it (\\mathbb{E}[t \\cdot \\mathbb{1}_{\\{Z \\ge t\\}}] = "
                             "t \\cdot \\mathbb{P}(Z \\ge t))", node)
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


@dataclass(frozen=True)
class IndicatorEvent:
    """An event indicator read inside an expectation: the averaged copy it is of, the
    event's set as [(low, high)] of the copy's variable (None: infinite), its position,
    and the event itself."""

    bound: Name
    pieces: tuple | None        # None: of a discrete variable, summed by its law (`_mass_runs`)
    node: object
    event: tuple = ()           # (g, relation, c) at the variable's value


def _flat(term, kind):
    """The operands of nested `kind`s (Add, Mul) as one tuple: `t·(−1·h)` is (t, −1, h)."""
    if not isinstance(term, kind):
        return (term,)
    return tuple(a for arg in term.args for a in _flat(arg, kind))


def _event_values(term):
    """The names standing as values in `term`, a mean inside it (its law's variables) not."""
    free = free_names(term)
    return {t.name for t in nodes(term) if isinstance(t, Sym) and t.name in free}


def _event_set(node):
    """The one item of a set in braces written as an indicator's subscript
    (`\\mathbb{1}_{\\{y_n = 1\\}}`, the event as a set; also in brackets or parentheses,
    `\\mathbb{1}_{[Z \\ge t]}`), else the node itself."""
    inner = single(node)
    if is_tree(inner, "script") and len(inner.children) == 1:
        inner = inner.children[0]
    if is_tree(inner, "bracketed") and len(inner.children) == 3 and \
            getattr(inner.children[0], "value", None) in _BRACKETS and \
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

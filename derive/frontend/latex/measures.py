"""Integrals against a declared law and over a domain written as a set, as measure-theoretic
notes write them.

* **Against a law.** After `% derive: distribution \\mu with density p` (p over one
  variable x, not conditional), `\\int f(x) \\, d\\mu(x)`, `\\int f(x) \\, \\mu(dx)` and
  `\\int f \\, d\\mu` are `∫ p(x) f(x) dx`: the integral over the density's variable,
  weighted by the density (`\\mu(dx)` only after an `\\int` of its run). The
  point in `d\\mu(x)` must be that variable or a renamed copy of it (`x'`, `\\tilde x`);
  `d\\mu(y)` of another variable, a law over several variables or a conditional family are
  refused at the differential. A differential naming a density itself (`dp(x)`) or a
  measure the file does not declare with a density (`d\\mu(x)`) stays refused (`reader`):
  derive never guesses a measure.
* **Over a set.** `\\int_{\\{x \\in \\mathcal{X} : g(x) > c\\}} f \\, dx` (also `\\lbrace …
  \\rbrace`, `\\{x : …\\}`, with `≥`, `<`, `≤`): x must be the integral's variable and the
  set it ranges in its whole range (as `\\int_{x \\in S}` says). The condition is never
  dropped: it is read as the whole range when the declarations show it holds at every point
  (the sign of g − c, for densities that are positive everywhere: abstract ones without a
  declared support — a ratio of densities `\\rho = p/q` is positive), or else as the
  intervals where it holds when g − c is affine in x with a slope of known sign, or |u|, u²
  of an affine u against a c shown ≥ 0 (the sets of `\\Pr(X \\ge a)`, `events`). Anything
  else is refused at the condition. A set anywhere but as an integral's subscript is refused.
"""

from __future__ import annotations

from derive.engines import normal_form
from derive.frontend.errors import InputError
from derive.frontend.latex.events import UPWARD
from derive.frontend.latex.pieces import (
    BigPiece, BracketPiece, LawRatioPiece, NamePiece, is_token, is_tree, single, unscripted,
)
from derive.model.names import Declaration, Domain, Kind, Name, SampleSpaceInfo
from derive.model.terms import (
    MINUS_ONE, OO, ZERO, Add, Dens, Dist, Integral, Mul, Sym, div, free_names, neg, nodes,
    substitute,
)

STRICT = (">", "<", "\\gt", "\\lt")
NOT_READ = ("derive reads a set {x : g(x) > c} (≥, <, ≤) as the whole range where the "
            "declarations show the condition holds at every x, or as intervals where g is "
            "affine in x with a slope of known sign (or |u|, u² of an affine u against a c "
            "shown ≥ 0); not this condition")


def _items(node):
    """The items of a bracket's one argument (`d x` in `\\mu(dx)`)."""
    node = single(node)
    return list(node.children) if is_tree(node, "run") else [node]


def set_builder(sub):
    """The `setbuilder` node a subscript is (`_{\\{x : …\\}}`), else None."""
    node = single(sub) if sub is not None else None
    node = unscripted(node)
    return node if is_tree(node, "setbuilder") else None


# Conventional names of a sample space, read as an integral's lone subscript (`sample_space`).
SAMPLE_SPACES = ("\\chi", "\\Omega", "\\mathcal{X}")


class Measures:
    """Mixed into `Reader`: `law_measure`, `measure_point`, `measure_differentials`,
    `against_law`, `set_ranges`, `over_ranges`."""

    def law_measure(self, key):
        """(Name, Declaration) when the differential's name `key` spells a law declared with
        its density (`distribution \\mu with density p`: another spelling of p's Name),
        else None."""
        if self.bound_name(key) is not None:
            return None
        found = self.declared(key)
        if found is None or found[1].kind is not Kind.DISTRIBUTION or found[0].latex == key:
            return None
        return found

    def measure_point(self, pieces, j):
        """The bracket `(x)` of `d\\mu(x)` (pieces[j] the `d`) for a declared law μ, else
        None: it belongs to the differential, never a factor after the integral."""
        after = pieces[j + 2] if j + 2 < len(pieces) else None
        if isinstance(after, BracketPiece) and self.law_measure(pieces[j + 1].key) is not None:
            return after
        return None

    def measure_differentials(self, pieces):
        """`\\mu(dx)` after an `\\int` of the run, μ a law declared with its density: the
        differential `d\\mu(x)` (three pieces: `d`, `\\mu`, the bracket `(x)`), read as
        that. Elsewhere a law applied to a differential stays refused (`reader`)."""
        out = list(pieces)
        for k in range(len(out) - 1, 0, -1):
            law, bracket = out[k - 1], out[k]
            if not isinstance(law, NamePiece) or not isinstance(bracket, BracketPiece) or \
                    law.power is not None or bracket.power is not None or \
                    len(bracket.args) != 1 or self.law_measure(law.key) is None or not any(
                        isinstance(p, BigPiece) and p.op in ("int", "iint") for p in out[:k - 1]):
                continue
            items = _items(bracket.args[0])
            if len(items) != 2:
                continue
            d, point = (self.piece(i) for i in items)
            if isinstance(d, NamePiece) and d.key == "d" and isinstance(point, NamePiece):
                out[k - 1:k + 1] = [d, law, BracketPiece("(", ")", [items[1]], [], None,
                                                          bracket.node)]
        return out

    def against_law(self, piece, body, var_piece, law, point):
        """`\\int f \\, d\\mu(x)` (point: the bracket, or None) for the law `law` =
        (Name, Declaration): ∫ p(x) f(x) dx over the density's variable."""
        spelled = var_piece.key
        info = law[1].info
        if info.given or len(info.over) != 1:
            raise self.error(f"d{spelled}: {spelled} is a law over "
                             + ", ".join(v.latex for v in info.over)
                             + (" given " + ", ".join(v.latex for v in info.given)
                                if info.given else "")
                             + f"; derive reads d{spelled}(x) against a law over one variable, "
                             "not conditional: write the density, \\int f(x) \\, p(x) \\, dx",
                             var_piece.node)
        (variable,) = info.over
        key = variable.latex
        if point is not None:
            if point.power is not None or point.seps or len(point.args) != 1 or \
                    point.open != "(":
                raise self.error(f"write d{spelled}({key}): the point of the law's one "
                                 "variable in round brackets", point.node)
            key = self._index_key(point.args[0])
            found = self.declared(key) or self.sample_of(key)
            if found is None or found[0] is not variable:
                raise self.error(f"d{spelled}({key}): {spelled} is a law over "
                                 f"{variable.latex}: integrate over {variable.latex} (or a "
                                 f"renamed copy of it, {variable.latex}')", point.args[0])
        return self._integral(piece, body, key, law=Dist(law[0], info.over))

    def sample_space(self, named, key):
        """Whether the lone subscript `named` of an integral over `key` is a conventional
        sample-space name (`\\int_\\chi`, `\\int_\\Omega`, `\\int_{\\mathcal{X}}`) read as the
        whole range of the declared variable `key`: only when the file has not used that
        name before (never a number or a declared name), and from here on it is that
        variable's space for the whole file — a later use as a number is refused as a set,
        a later `\\int_\\chi` over another variable is not the whole range."""
        if named not in SAMPLE_SPACES or self.bound_name(named) is not None:
            return False
        variable = self.declared(key) or self.sample_of(key)
        if variable is None or variable[1].kind is not Kind.VARIABLE:
            return False
        found = self.scope.lookup(named)
        if found is None:
            self.scope.declare(named, Declaration(Kind.SET, Domain.COMPLEX,
                                                  SampleSpaceInfo(variable[0]), declared=False))
            return True
        return isinstance(found[1].info, SampleSpaceInfo) and \
            found[1].info.variable is variable[0]

    def unrestricted_space(self, named, key, node):
        """Refuse the sample-space subscript `named` (`\\int_\\chi`, `\\int_{\\mathcal X}`)
        over `key` when a law declared over that variable lives on part of the line only
        (`density p = \\mathrm{Exp}(1) over x`, `over x in [0, \\infty)`): its sample space
        is then that support, not the real line derive integrates over, and reading either
        would guess — the author writes the limits (`\\int_0^\\infty`)."""
        variable = self.declared(key) or self.sample_of(key)
        if variable is None:
            return
        for declaration in list(self.scope.table.values()):
            info = declaration.info
            if declaration.kind is not Kind.DISTRIBUTION or \
                    variable[0] not in getattr(info, "over", ()):
                continue
            support = getattr(info, "support", None)
            formula = getattr(info, "formula", None)
            restricted = support is not None and any(end is not None for end in support) or \
                formula is not None and not any(_unbounded(low, high)
                                                for low, high, _ in formula.pieces)
            if restricted:
                raise self.error(f"{named} over {key}: a law declared over {key} lives on "
                                 f"part of the line only, so {key}'s sample space is not the "
                                 "real line — write the limits (\\int_0^\\infty …)", node)

    def law_ratio(self, upper, lower, frac):
        """`\\frac{dP}{dQ}` (`upper`, `lower`: the nodes of P and Q) when either names a
        declared distribution: the Radon–Nikodym derivative, a `LawRatioPiece` — read only
        for two laws declared with their densities over the same one variable, not
        conditional (then dP/dQ = p/q); any other law is refused here. None when neither is
        a distribution (an ordinary derivative)."""
        found = []
        for node in (upper, lower):
            try:
                key = self._index_key(node)
            except InputError:
                return None
            if self.bound_name(key) is not None:
                return None
            found.append((key, self.declared(key)))
        laws = [f for _, f in found if f is not None and f[1].kind is Kind.DISTRIBUTION]
        if not laws:
            return None
        (p_key, p_law), (q_key, q_law) = found
        written = f"\\frac{{d{p_key}}}{{d{q_key}}}"
        if len(laws) != 2 or any(self.law_measure(k) is None for k in (p_key, q_key)):
            raise self.error(f"{written}: derive reads a Radon–Nikodym derivative only of two "
                             "laws declared with their densities (% derive: distribution P "
                             "with density p, and Q with density q), as p(x)/q(x)", frac)
        if p_law[1].info.given or q_law[1].info.given or len(p_law[1].info.over) != 1 or \
                p_law[1].info.over != q_law[1].info.over:
            raise self.error(f"{written}: derive reads a Radon–Nikodym derivative of two laws "
                             "over the same one variable, not conditional", frac)
        return LawRatioPiece((p_law, q_law), p_law[1].info.over[0], frac)

    def law_ratio_value(self, piece, bracket):
        """(term, pieces used) of `\\frac{dP}{dQ}(x)` (`bracket`: the round bracket after
        it, its point) or of `\\frac{dP}{dQ}` alone inside an integral over the laws'
        variable (at the integral's point): p(x)/q(x). Alone elsewhere it has no point and
        is refused."""
        if isinstance(bracket, BracketPiece) and bracket.open == "(":
            if bracket.power is not None or bracket.seps or len(bracket.args) != 1:
                raise self.error("write \\frac{dP}{dQ}(x): the point of the laws' one "
                                 "variable in round brackets", bracket.node)
            point, used = self.term(bracket.args[0]), 2
        else:
            bound = self.bound_point(piece.variable)
            if bound is None:
                raise self.error(f"\\frac{{dP}}{{dQ}} here has no point: write it at one, "
                                 f"\\frac{{dP}}{{dQ}}({piece.variable.latex})", piece.node)
            point, used = Sym(bound), 1
        p, q = (Dens(Dist(law[0], law[1].info.over), (point,)) for law in piece.laws)
        return div(p, q), used

    def set_ranges(self, spec, key, var):
        """The ranges of the integral's variable `var` (spelled `key`) in the set `spec`
        (`\\{x \\in S : g > c\\}`): None for the whole range, else [(low, high)] (None:
        infinite). Read inside the binding of `var`."""
        children = spec.children
        element, args = children[1], children[-2]
        space = children[3] if is_token(children[2], "IN") else None
        named = self._index_key(element)
        if named != key:
            raise self.error(f"the set's variable {named} is not the integral's ({key})", element)
        if space is not None and not self._whole_range(space, key):
            raise self.error(f"derive reads {{{key} \\in S : …}} with S {key}'s whole range "
                             f"(\\mathbb{{R}}, its space written with its capital, its declared "
                             f"support), never a part of it", space)
        conditions = [c for c in args.children if not is_token(c, "SEP")]
        node = single(conditions[0]) if len(conditions) == 1 else args
        if len(conditions) != 1 or not is_tree(node, "assignment") or \
                node.children[1].value not in UPWARD:
            raise self.error("derive reads a set {x : g(x) > c} given by one inequality (>, ≥, "
                             "<, ≤)", node)
        return self.condition_ranges(node, key, var)

    def condition_ranges(self, node, key, var):
        """The ranges of `var` where the inequality `node` (`g > c`) holds — a set's
        condition, or an integral's subscript written as one (`\\int_{x \\ge 0}`, read as
        `\\int_{\\{x : x \\ge 0\\}}`): None for the whole range, else [(low, high)]."""
        if var not in free_names(self.term(node.children[0])) | \
                free_names(self.term(node.children[2])):
            raise self.error(f"the condition does not name the integral's variable {key}", node)
        left, rel, right = node.children
        g, c = self.term(left), self.term(right)
        upward = UPWARD[rel.value]
        if self._holds_everywhere(Add(g, neg(c)) if upward else Add(c, neg(g)),
                                  rel.value in STRICT):
            return None
        if getattr(self.scope.context.info(var), "discrete", False):
            raise self.error(NOT_READ + f" (an interval of the discrete {key} is not read)", node)
        if var in free_names(c):          # x on the right: move it to the left
            g, c, upward = (Add(g, neg(c)), ZERO, upward) if var in free_names(g) else \
                (c, g, not upward)
        try:
            return self._event_set(g, c, var, upward, node)
        except InputError:
            raise self.error(NOT_READ, node) from None

    def _holds_everywhere(self, gap, strict):
        """Whether `gap` (g − c, or c − g) is shown > 0 (≥ 0 when not `strict`) at every
        point: by its sign from the declarations, with every density in it one that is
        positive everywhere (abstract, no declared support)."""
        for t in nodes(gap):
            if isinstance(t, Dens) and not self._positive_everywhere(t):
                return False
        try:
            sign = normal_form.Normaliser(self.scope.context).positivity(gap)
        except (normal_form.Unsupported, normal_form.Undefined):
            return False
        return sign == normal_form.POS or not strict and sign == normal_form.NONNEG

    def _positive_everywhere(self, dens):
        if not isinstance(dens.dist, Dist):
            return False                    # a family written inline: its support is its own
        info = self.scope.context.info(dens.dist.name)
        return all(getattr(info, field, None) is None
                   for field in ("formula", "family", "expression", "law", "support"))

    @staticmethod
    def over_ranges(var, value, ranges):
        """∫ value d var over each range, added (a fresh bound copy for each after the
        first)."""
        parts = []
        for k, (low, high) in enumerate(ranges):
            bound = var if k == 0 else Name(var.latex, origin=var.origin, local=var.local)
            body = value if k == 0 else substitute(value, {var: Sym(bound)})
            parts.append(Integral(bound, body, Mul(MINUS_ONE, OO) if low is None else low,
                                  OO if high is None else high))
        return parts[0] if len(parts) == 1 else Add(*parts)


def _unbounded(low, high):
    """Whether a formula's piece from `low` to `high` (None or ±∞: unbounded) is the line."""
    return all(end is None or end is OO or end == Mul(MINUS_ONE, OO) for end in (low, high))

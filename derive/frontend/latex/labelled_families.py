"""Families indexed by a parenthesised superscript: `x^{(i)}`, `y^{(i)}` inside
`\\sum_{i=1}^{m}` (Andrew Ng's CS229 notes: the i-th training example and its label).

A name with a parenthesised index label and no subscript (`x^{(i)}`, `y^{(i+1)}`,
`\\theta^{(t)}`) whose label mentions a letter a sum or a product binds as an index is the
member at that index of the family `x^{(·)}` — one family per letter, another than the
subscripted family `x_{·}` (CS229's `x_j` is the j-th feature, `x^{(i)}` the i-th example).
Once a row reads such a member, `x^{(k)}` anywhere in the file (`x^{(1)}`, `x^{(i)}`
outside any sum, above that row too: the file is read again, `ahead.Plan.labelled`) is
its member at k: one name, one thing. The member is read by the family machinery of
`x_i` (its key is `x^{(\\cdot)}_{i}`), so everything said of members there (whole indices,
ranges, samples of a declared variable x) holds here; of a letter declared a number of a
real kind (`real x`, `positive y`) the members are numbers of that kind (`_samples_of`).

Kept as before (a name of its own, or another reading): a label on a defined or declared
name (`f^{(2)}(u)`, the second derivative; `same x, x^{(i)}`), a label spelling a name the
file already knows, a label that mentions no bound index while no such family exists yet.
Refused: the family where the file used a labelled spelling of the same letter as a name of
its own above (`x^{(1)}` as a number, then `x^{(i)}` in a sum), and a subscript beside the
label (`x_j^{(i)}`, a feature of an example: two indices derive does not join).
"""

from __future__ import annotations

from lark import Tree

from derive.frontend.latex import names as naming
from derive.frontend.latex.pieces import NamePiece, is_tree, tails
from derive.frontend.scope import CONSTANTS
from derive.model.names import Kind
from derive.notation.show import LABELLED



def family_base(base):
    """The base of the family `x^{(·)}` of a letter x (`x` → `x^{(\\cdot)}`)."""
    return base + LABELLED


def label_index(sup):
    """The subscript-shaped tree of a parenthesised index label (`^{(i)}` → `{i}`, `^{(i,
    j)}` → `{i, j}`), which `pieces.subitems` splits as it splits `x_{i,j}`; None when the
    superscript is no such label."""
    inner = sup
    if isinstance(inner, Tree) and inner.data == "run" and len(inner.children) == 2:
        inner = inner.children[0]               # \\sigma^{(i)2}: the label before the power
    while isinstance(inner, Tree) and inner.data in ("sgroup", "subitems", "sum", "run",
                                                     "script") and len(inner.children) == 1:
        inner = inner.children[0]
    if not (isinstance(inner, Tree) and inner.data == "bracketed" and
            inner.children[0].value == "(" and naming.index_like(inner.children[1])):
        return None
    return Tree("sgroup", [Tree("subitems", list(inner.children[1].children))], sup.meta)


class LabelledFamilies:
    """Reader mixin: `x^{(i)}` as the member at i of the family `x^{(·)}`."""

    def labelled_member(self, p):
        """The piece `p` (`x^{(i)}`, a NamePiece) read as the member of the family
        `x^{(\\cdot)}` at its label — a NamePiece keyed `x^{(\\cdot)}_{i}` with the label as
        its subscript and p's power —, or None where the labelled name keeps its reading."""
        if p.sub is not None or p.primes or p.base in CONSTANTS or \
                p.base.endswith(LABELLED):
            return None                 # π^{(i)}, e^{(i)}: a power of the constant, as before
        label = p.key[len(p.base):]
        if not (label.startswith("^{(") and label.endswith(")}")) or \
                not (is_tree(p.node, "script") and len(p.node.children) > 1):
            return None
        _, sup, _ = tails(p.node.children[1:])
        sub = label_index(sup) if sup is not None else None
        if sub is None or not self._labels_a_family(p.base, p.key, sub, p.node):
            return None
        fam = family_base(p.base)
        return NamePiece(fam + "_{%s}" % naming.flat_text(sub), fam, sub, p.power, 0, p.node)

    def _labels_a_family(self, base, key, sub, node):
        """Whether `base^{(label)}` is a member of the family `base^{(·)}`: its label
        mentions a letter bound as an index, or a row of the file read such a member; never
        for a name bound here, declared or defined under that spelling, nor for a function's
        derivative order (`f^{(2)}(u)`)."""
        if self.bound_name(key) is not None or self.bound_name(base) is not None:
            return False
        known = self.scope.lookup(key)
        if known is not None and (known[1].declared or known[1].kind is not Kind.SYMBOL):
            return False                        # same x, x^{(i)}; define x^{(1)} = …
        found = self.scope.lookup(base)
        if found is not None and (found[1].kind is Kind.FUNCTION or
                                  found[1].kind is Kind.DEFINITION and
                                  bool(found[1].info.params)):
            return False                        # f^{(2)}(u): f's second derivative
        if base not in self.scope.labelled_plan and not self._label_mentions_index(sub) and \
                self.scope.lookup(family_base(base) + "_{\\cdot}") is None:
            return False
        self.scope.labelled_found.add(base)     # the next pass reads every x^{(k)} so
        self._no_labelled_name_above(base, key, node)
        return True

    def _label_mentions_index(self, sub):
        """Whether the label mentions a letter a sum or a product binds (an index: its local
        declaration is a whole number) where it stands."""
        letters = {t.value for t in sub.scan_values(lambda v: getattr(v, "type", None) in
                                                    ("LETTER", "COMMAND"))}
        return any(k in letters and name.local is not None and name.local.domain.is_integer
                   for k, name in self.bound)

    def _no_labelled_name_above(self, base, key, node):
        """Refuse the family `base^{(·)}` where a labelled spelling of base was read above
        as a name of its own (`x^{(1)} = 2`, then `\\sum_i x^{(i)}`): x^{(1)} would be two
        things."""
        for known in self.scope.names:
            if known.startswith(base + "^{(") and not known.startswith(family_base(base)):
                raise self.error(f"{key}: the index bound here makes it a member of the "
                                 f"family {base}^{{(\\cdot)}}, but {known} was read above "
                                 f"as a name of its own — one name, one thing: write the "
                                 f"members one way (all as members, or with another "
                                 f"letter)", node)

"""A sum over the support of a declared law: `\\sum_{x \\in \\text{supp}(P_X)}`,
`\\sum_{\\{x,y\\} \\in \\text{supp}(P_{XY})}` (also `\\operatorname{supp}`, `\\mathrm{supp}`,
and `(x,y)` for the pair). derive's abstract densities are positive on the whole range of
their variables (as `% derive: define A = \\{x : p(x) > 0\\}` reads), so the support of a
declared abstract mass function — or of its marginal written with the capitals of its
variables, `P_X` of a joint P over x, y, when `P_X` is not a declared name of its own (then
it is that law, one name, one meaning) — is the whole range of the letters the sum binds:
the sum is `\\sum_x` (`\\sum_{x,y}`). Refused, at the set, when the law is not declared, is
given by a formula (its support may be part of the range), is conditional, or is over other
letters than the sum binds."""

from __future__ import annotations

import re

from lark import Tree

from derive.model.names import DistributionInfo, Kind

SUPPORT = re.compile(r"\\(?:text|mathrm|operatorname)\s*\{\s*supp\s*\}\s*"
                     r"(?:\\left\s*)?\((?P<law>.*?)(?:\\right\s*)?\)")
LAW = re.compile(r"(?P<base>\\?[A-Za-z]+)(?:_(?:\{(?P<sub>[^{}]*)\}|(?P<one>[A-Za-z])))?")


def support_indices(reader, domain):
    """The index nodes of a sum written over a support (`x`, or `x` and `y` of `\\{x,y\\}`),
    to be read as a bare `\\sum_{x,y}`; None when the set is not `\\text{supp}(…)`."""
    left, _, right = domain.children
    found = SUPPORT.fullmatch(reader.source_text(right).strip())
    if found is None:
        return None
    indices = _letters(left)
    letters = [reader.source_text(n).strip() for n in indices]
    law = LAW.fullmatch(found.group("law").strip())
    capitals = law and (law.group("sub") or law.group("one"))
    whole = law and capitals is not None and \
        reader.declared(f"{law.group('base')}_{{{' '.join(capitals.split())}}}")
    declared = (whole or reader.declared(law.group("base"))) if law is not None else None
    info = declared[1].info if declared is not None else None
    if not (declared is not None and declared[1].kind is Kind.DISTRIBUTION and
            isinstance(info, DistributionInfo) and _abstract(info)):
        raise reader.error("derive reads \\text{supp}(P) as the support of a declared "
                           "abstract mass function (with no formula, not conditional): its "
                           "whole range", right)
    over = {n.latex for n in info.over}
    capitals = None if whole else capitals
    wanted = over if capitals is None else {c.lower() for c in re.findall(r"\S", capitals)
                                            if c not in ", "}
    if set(letters) != wanted or not wanted <= over or len(set(letters)) != len(letters):
        raise reader.error(f"this support is over {', '.join(sorted(wanted))}, but the sum "
                           f"binds {', '.join(letters)}: write the law of the letters it "
                           "sums over", right)
    return indices


def _abstract(info):
    return not info.given and info.formula is None and info.family is None and \
        info.expression is None and info.law is None and info.reparameterised is None and \
        info.support is None


def _letters(node):
    """The index nodes of a sum's left side: the node, or the items of a pair in braces or
    brackets (`\\{x,y\\}`, `(x,y)`)."""
    inner = node
    while isinstance(inner, Tree) and inner.data in ("sum", "run", "script") and \
            len(inner.children) == 1:
        inner = inner.children[0]
    if isinstance(inner, Tree) and inner.data == "bracketed":
        args = next((c for c in inner.children if isinstance(c, Tree) and c.data == "args"),
                    None)
        if args is not None:
            return [c for c in args.children if isinstance(c, Tree)]
    return [node]

"""A row naming the joint optimisers of an objective over several variables.

`\\theta^{*}, \\phi^{*} = \\arg\\min_{\\theta, \\phi} L_\\text{VAE}` (Lil'Log's VAE loss) names
the minimisers θ*, φ* — a pair, one name per variable of the subscript, in order. derive
reads an optimum over one variable only (`model.terms.Optimum`), so it does not read a joint
one: the row is a definition that states nothing to check, and its names are *unread* from
there on (`FileScope.unread`: a later use of θ* is an error at it, never an unknown number
a counterexample could choose). A row whose names and variables differ in number, or whose
left side is not a list of plain names, is read as any row (an error).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A plain name with scripts: `\theta^{*}`, `w_1^*`, `\hat{a}` is no plain name.
_NAME = r"(?:\\[a-zA-Z]+|[A-Za-z])(?:\s*[\^_]\s*(?:\{[^{}]*\}|\\[a-zA-Z]+|[A-Za-z0-9*]))*"
_ARG = (r"(?:\\arg\s*\\(?:min|max)|\\arg(?:min|max)|"
        r"\\operatorname\*?\s*\{\s*arg\s*(?:\\[,;!]|\s)*(?:min|max)\s*\})(?![a-zA-Z])")
_ROW = re.compile(r"^\s*(?P<names>" + _NAME + r"(?:\s*,\s*" + _NAME + r")+)\s*"
                  r"(?:=|:=|\\coloneqq(?![a-zA-Z]))\s*(?P<optimum>" + _ARG +
                  r"\s*(?:\\limits\s*)?_\s*\{(?P<vars>[^{}]*)\}\s*\S)")


@dataclass(frozen=True)
class JointOptimisers:
    """The names (their spellings, with their offsets in the row) a row gives the joint
    optimisers of an objective over as many variables."""
    names: tuple          # ((offset, spelling), …)
    latex: str            # the names as written, for the step
    optimum: str          # the right side as written


def joint_optimisers(text):
    """The `JointOptimisers` a row names (`a^*, b^* = \\arg\\min_{a, b} F`), or None."""
    m = _ROW.match(text)
    if m is None:
        return None
    variables = [v for v in m.group("vars").split(",") if v.strip()]
    names = [(m.start("names") + k.start(), k.group(0)) for k in
             re.finditer(_NAME, m.group("names"))]
    if len(variables) != len(names) or any(not re.fullmatch(r"\s*" + _NAME + r"\s*", v)
                                           for v in variables):
        return None
    return JointOptimisers(tuple(names), " ".join(m.group("names").split()),
                           " ".join(text[m.start("optimum"):].split()))

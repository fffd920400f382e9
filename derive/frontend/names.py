"""Canonical names of what the parse tree holds: one spelling per name.

`\\mathbf{x}`, `\\mathrm{x}` and `x` are `x`; `p_r`, `p_{r}` and `p_{\\mathrm{r}}` are
`p_{r}`; `D^*`, `D^\\ast` and `D^{\\star}` are `D^{\\star}`. These pure functions of tree
nodes are what make a name written two ways one name everywhere (context, engines, cache).
"""

from __future__ import annotations

from lark import Token, Tree

TYPOGRAPHIC_FONTS = {"mathbf", "mathrm", "mathit", "mathsf", "mathtt", "boldsymbol", "bm",
                     "text", "textrm", "textbf", "textit", "operatorname", "mathop"}
DECORATIONS = {r"\star": r"^{\star}", r"\ast": r"^{\star}", "*": r"^{\star}",
               r"\prime": "'", r"\dagger": r"^{\dagger}"}


def decorations(sup):
    """The name decoration a superscript stands for (`^{\\star}` → `^{\\star}`), or None."""
    if isinstance(sup, Token):
        return DECORATIONS.get(sup.value) if sup.type == "DECOR" else None
    if isinstance(sup, Tree) and sup.data == "sgroup" and sup.children and \
            isinstance(sup.children[0], Tree) and sup.children[0].data == "decor":
        return "".join(DECORATIONS[t.value] for t in sup.children[0].children)
    return None


def font_text(node):
    font = node.children[0].value[1:]
    inner = "".join(font_text(c) if isinstance(c, Tree) else c.value
                    for c in node.children[1].children)
    return inner if font in TYPOGRAPHIC_FONTS else "\\%s{%s}" % (font, inner)


def name_text(primary):
    """The canonical name of a LETTER, SYMBOL or font primary; None for anything else."""
    if isinstance(primary, Token):
        if primary.type in ("LETTER", "SYMBOL"):
            return primary.value
        return None
    if isinstance(primary, Tree) and primary.data == "font":
        return font_text(primary)
    return None


def flat_text(node):
    """Canonical text of a small subscript (`\\theta`, `r`, `\\mathrm{KL}` → `KL`)."""
    if isinstance(node, Token):
        return node.value
    if node.data == "font":
        return font_text(node)
    return "".join(flat_text(c) for c in node.children)


def bare_key(node):
    """The name key of `p`, `p_r`, `p_{\\theta}`, or `p_r(x)` (a density possibly applied)."""
    while isinstance(node, Tree) and node.data in ("run", "subbody", "sgroup") and len(node.children) == 1:
        node = node.children[0]
    if isinstance(node, Tree) and node.data == "run" and len(node.children) == 2 and \
            isinstance(node.children[1], Tree) and node.children[1].data == "bracketed":
        node = node.children[0]
    if isinstance(node, Token) or (isinstance(node, Tree) and node.data == "font"):
        return name_text(node)
    if isinstance(node, Tree) and node.data == "script":
        base = name_text(node.children[0])
        if base is None:
            return None
        children = node.children[1:]
        key = base
        for tok, arg in zip(children[::2], children[1::2]):
            if isinstance(tok, Token) and tok.type == "SUB":
                key += "_{%s}" % flat_text(arg)
            elif isinstance(tok, Token) and tok.type == "SUP":
                key += decorations(arg) or ""
        return key
    return None


def side_mark(mark):
    """'+' or '-' for the superscript of `0^+`, `0^{-}`; None for anything else."""
    if isinstance(mark, Token):
        return mark.value if mark.type in ("PLUS", "MINUS") else None
    if isinstance(mark, Tree) and mark.data == "sgroup" and isinstance(mark.children[0], Tree):
        return {"side_plus": "+", "side_minus": "-"}.get(mark.children[0].data)
    return None

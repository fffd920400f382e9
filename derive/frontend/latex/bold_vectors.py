"""Vector operators between undeclared bold letters: refused, never products of numbers.

Bold is too common as a plain name (`\\mathbf{x}`, a data point in a density) for derive to
refuse an undeclared bold letter everywhere: alone, or times a number, it stays a (complex)
number, as any undeclared letter is. But `\\times`, `\\cdot` or `\\odot` between two bold
operands (`\\mathbf{a} \\times \\mathbf{b}`, `\\boldsymbol{\\mu} \\cdot \\mathbf{x}_i`,
`(\\mathbf{a} + \\mathbf{b}) \\odot \\mathbf{c}`), and two bold letters side by side
(`\\mathbf{A}\\mathbf{x}`), are vector or matrix operations — a cross product, an inner
product, a Hadamard product, a matrix product — which are not the product of two numbers
(`\\mathbf{a} \\times \\mathbf{b} = \\mathbf{b} \\times \\mathbf{a}` is false of vectors).
So each bold letter of such an operand that derive would read as an undeclared number is
refused, at the operator (or the second letter), asking to declare it. Declared letters are
read as declared (`real a`: a number; `real \\mu in \\mathbb{R}^n`: a vector, whose own
readings and refusals apply); transposes, norms and `\\langle \\cdot, \\cdot \\rangle` of
undeclared letters are refused elsewhere (matrices.py, inner_products.py).

However it is written, a product whose factors hold two different undeclared bold letters
(`\\mathbf{A}^2 \\mathbf{B}`, `(\\mathbf{A} - \\mathbf{B})(\\mathbf{A} + \\mathbf{B})`,
`\\exp(\\mathbf{A}) \\exp(\\mathbf{B})`, `\\frac{\\mathbf{A}}{\\mathbf{B}}`) may be one of matrices,
whose order matters: read as numbers it would prove what fails for matrices
(`\\mathbf{A}^2\\mathbf{B} = \\mathbf{B}\\mathbf{A}^2`), so the row is refused
(`bold_not_multiplied`). Sums, numbers times a bold letter, and powers of one letter or of
a sum with no product beside them (`(\\mathbf{A} + \\mathbf{B})^2 - \\mathbf{A}^2`: its
expansion is symmetric in the order of the letters) hold for matrices as for numbers; letters
inside an unknown function's argument (`f(\\mathbf{x}) g(\\mathbf{y})`: numbers) do not count.
"""

from __future__ import annotations

import re

from lark import Tree

from derive.frontend.latex.pieces import is_token, is_tree
from derive.model.terms import Call, Mul, Sym, nodes

# One bold letter as written (the whole operand): `\mathbf{a}`, `\mathbf a`,
# `\boldsymbol{\mu}`, `\bm{x}_1`, `\mathbf{x}_{i}`, `\mathbf{z_i}`, `{\bf a}`, `{\bf b}_1`,
# a label `\mathbf{x}^{(i)}` — never a power (`\mathbf{x}^2`) or an application.
_LETTER = r"(?:\\[A-Za-z]+|[A-Za-z])"
_SUB = r"(?:_\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9]+))"
_LABEL = r"(?:\^\s*\{\s*\([^{}()]*\)\s*\})"
_FONT = r"\\(?:mathbf|boldsymbol|bm|pmb|mathbold)"
BOLD_LETTER = re.compile(
    rf"\s*(?:{_FONT}\s*(?:\{{\s*{_LETTER}\s*{_SUB}?\s*\}}|{_LETTER})"
    rf"|\{{\s*\\bf\s+{_LETTER}\s*{_SUB}?\s*\}})\s*{_SUB}?\s*{_LABEL}?\s*")
_BARE_BF = re.compile(r"\\bf\s*$")       # `\bf a`: the switch stands before the letter
_OPERATORS = (r"\cdot", r"\times", r"\odot")
_MEANING = {r"\cdot": "an inner (dot) product", r"\times": "a cross product",
            r"\odot": "an elementwise (Hadamard) product", "": "a matrix product"}


class BoldVectors:
    """The reader's part that marks bold operands of vector operators (see the module)."""

    def mark_vector_operands(self, items):
        """Mark, in a run's items, every bold letter of an operand of `\\times`, `\\cdot` or
        `\\odot` whose other operand is bold too, and of two bold letters side by side;
        `refuse_vector_operand` refuses them where they would be read as undeclared numbers."""
        for k, item in enumerate(items):
            if is_token(item, "MULOP") and item.value in _OPERATORS and 0 < k < len(items) - 1:
                left, right = self._bold_operand(items[k - 1]), self._bold_operand(items[k + 1])
                if left and right:
                    self._mark(left + right, item, item.value)
            elif k > 0 and self._bold_letter(items[k - 1]) and self._bold_letter(item):
                self._mark([items[k - 1], item], item, "")

    def refuse_vector_operand(self, key, node):
        """Raise at the operator when `node` (read as the undeclared number `key`) is a bold
        operand marked by `mark_vector_operands`."""
        marked = self.vector_operands.get(id(node))
        if marked is None:
            return
        _, operator, spelling = marked
        written = f"{spelling} between bold letters is" if spelling else \
            "two bold letters side by side are"
        raise self.error(f"{self.source_text(node).strip()} is not declared, and {written} "
                         f"{_MEANING[spelling]} of vectors or matrices, not a product of "
                         f"numbers: derive does not read it — declare the letters (% derive: "
                         f"real {key} in \\mathbb{{R}}^n, a vector, where derive reads "
                         f"vectors; % derive: real {key}, a number)", operator)

    def note_bold_number(self, name, node):
        """Remember `name`, an undeclared symbol just read from `node`, when it is written as
        one bold letter (for `bold_not_multiplied`)."""
        if self._bold_letter(node) or is_tree(node, "script") and any(
                self._bold_letter(c) for c in node.children):
            self.bold_numbers.setdefault(name, node)

    def bold_not_multiplied(self, terms):
        """Refuse a row where a product's factors hold two different undeclared bold letters
        (module docstring), at the second letter's first place in the row."""
        if len(self.bold_numbers) < 2:
            return
        for term in terms:
            for product in nodes(term, skip=lambda t: isinstance(t, Call)):
                if not isinstance(product, Mul):
                    continue
                held = [self._bold_in(factor) for factor in product.children]
                held = [h for h in held if h]
                letters = set().union(*held) if held else set()
                if len(held) >= 2 and len(letters) >= 2:
                    first = sorted(letters, key=lambda n: self.bold_numbers[n].meta.start_pos
                                   if not self.bold_numbers[n].meta.empty else 0)
                    node = self.bold_numbers[first[1]]
                    raise self.error(
                        f"{self.source_text(node).strip()} and "
                        f"{self.source_text(self.bold_numbers[first[0]]).strip()} are not "
                        f"declared, and a product of two bold letters may be one of matrices, "
                        f"whose order matters, not of numbers: derive does not read it — "
                        f"declare the letters (% derive: real {first[0].latex}, a number)", node)

    def _bold_in(self, factor):
        """The undeclared bold letters a factor holds, outside unknown functions' arguments."""
        return {t.name for t in nodes(factor, skip=lambda t: isinstance(t, Call))
                if isinstance(t, Sym) and t.name in self.bold_numbers}

    def _mark(self, operands, operator, spelling):
        """Record each node of the bold `operands` with the operator that makes it a vector."""
        for operand in operands:
            for node in _nodes(operand):
                self.vector_operands[id(node)] = (node, operator, spelling)

    def _bold_operand(self, item):
        """The bold letters of an operand of a vector operator: the item itself when it is
        one, those of a bracket holding only bold letters, signs and whole numbers
        (`(\\mathbf{a} + 2\\mathbf{b})`), else None."""
        if self._bold_letter(item):
            return [item]
        inner = _bracket_inside(item)
        if inner is None:
            return None
        letters = [t for t in inner.iter_subtrees_topdown() if is_tree(t, "script", "font")
                   and self._bold_letter(t)]
        rest = BOLD_LETTER.sub(" B ", self.source_text(inner))
        if letters and re.fullmatch(r"(?:\s*[+-]?\s*(?:\d+\s*)?B)+\s*", rest):
            return letters
        return None

    def _bold_letter(self, item):
        """Whether an item is written as one bold letter (`BOLD_LETTER`, or `\\bf a`)."""
        if not is_tree(item, "script", "font"):
            return False
        text = self.source_text(item)
        if BOLD_LETTER.fullmatch(text):
            return True
        before = self.row_text[:item.meta.start_pos] if not item.meta.empty else ""
        return bool(_BARE_BF.search(before)) and re.fullmatch(
            rf"\s*{_LETTER}\s*{_SUB}?\s*", text) is not None


def _bracket_inside(item):
    """The expression inside a plain parenthesised item `( … )` with no scripts, else None."""
    if not (is_tree(item, "script") and len(item.children) == 1):
        return None
    bracket = item.children[0]
    if not is_tree(bracket, "bracketed") or len(bracket.children) != 3:
        return None
    opening, args, _ = bracket.children
    if not (is_token(opening, "OPEN") and opening.value == "(") or len(args.children) != 1:
        return None
    return args.children[0] if isinstance(args.children[0], Tree) else None


def _nodes(tree):
    """A tree and every node below it (tokens included)."""
    out = [tree]
    if isinstance(tree, Tree):
        for child in tree.children:
            out.extend(_nodes(child))
    return out

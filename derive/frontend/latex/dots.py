"""Sums and products written out with dots: `x_1 + \\cdots + x_n`, `x_1 \\cdots x_n`,
`x_1^{w_1} \\cdot \\dotso \\cdot x_n^{w_n}`.

The dots (`\\cdots`, `\\ldots`, `\\dots`, `\\dotsb`, `\\dotsm`, `\\dotso`, `\\dotsc`) stand for
the terms (factors) between the two written beside them, and are read as the family's sum
(product) only when that is the one meaning the two can have: they are written alike (the
same tokens, spacing aside) except at one or more places where the first has a whole number
`a` and the last, at every such place, one and the same letter or larger whole number `b` —
`\\frac{1}{n}\\log x_1 + \\cdots + \\frac{1}{n}\\log x_n` is `\\sum_{k=a}^{b}` of the last term
with k at those places (a letter the row does not use and the file does not know). A
sum's first term is added (its sign `+` or none); a product's last factor ends its run (the
dots' `\\prod` takes no factor after it). A term before the first that follows the same
pattern must be at a − 1 (`x_1 + x_3 + \\cdots + x_n` steps by 2: refused); braces around
one token are as printed (`x_{1}` is `x_1`). A product's term may be several factors side by
side (`\\theta^{y_1}(1-\\theta)^{1-y_1} \\cdots \\theta^{y_n}(1-\\theta)^{1-y_n}`): the
factors after the dots are the last term, as many before them the first, none a function
word. A product with dots after a function word or an
operator (`\\log x_1 \\cdots x_n`, `\\frac{d}{dt} t \\cdots t^3`) is refused: its argument may be
the whole product or what precedes the dots. Anything else
between `+` or `\\cdot` signs, or side by side, is refused at the dots, saying so; dots in a
list (`x_1, \\ldots, x_n`) are left to the reader, which refuses them as before.
"""

from __future__ import annotations

import re

from lark import Token, Tree
from lark.tree import Meta

from derive.frontend.latex.pieces import is_token, is_tree
from derive.model.terms import Mul, Num, Product, Sum, Sym

DOTS = frozenset({r"\cdots", r"\ldots", r"\dots", r"\dotsb", r"\dotsm", r"\dotso", r"\dotsc"})
_TOKEN = re.compile(r"\\[a-zA-Z]+|\\.|[0-9]+|\S")
_INDEX_LETTERS = "kjmlrsuv"
# A function word or operator that takes the rest of a product as its argument.
_OPERATOR = re.compile(r"\\(?:log|ln|lg|exp|sin|cos|tan|sinh|cosh|tanh|arcsin|arccos|arctan|"
                       r"sqrt|sum|prod|int|iint|oint|nabla|partial|lim|max|min|sup|inf|det|"
                       r"operatorname|mathrm|mathbb|Pr|arg)(?![a-zA-Z])|"
                       r"\\[dt]?frac\s*\{\s*(?:d|\\partial|\\mathrm\s*\{\s*d)|"
                       r"(?<![a-zA-Z\\])(?:log|ln|exp)(?![a-zA-Z])")
# `{1}`, `{x}`: braces around one token, which print as the token alone.
_BRACED_TOKEN = re.compile(r"\{(\s*(?:\\[a-zA-Z]+|[0-9]+|[a-zA-Z])\s*)\}")


class Dots:
    """Reader mixin: the written-out sums and products."""

    def written_out(self, signed, k):
        """(Σ term, next k) when `signed[k]` is the first term of `A + \\cdots + B`, (Π
        term, k + 1) when it is a product with dots, else None (`signed`: (sign, node)
        pairs of a sum)."""
        node = signed[k][1]
        if is_tree(node, "run") and any(self._dots(item) for item in node.children):
            return self.term(node), k + 1
        if k + 2 >= len(signed) or not self._dots(signed[k + 1][1]):
            return None
        (sign, first), (dot_sign, dots), (last_sign, last) = signed[k:k + 3]
        if not (sign is None or sign.value == "+") or dot_sign.value != "+" or \
                last_sign.value != "+":
            raise self._not_written_out(dots, "between terms added with +, the first added too")
        before = [signed[k - 1][1]] if k > 0 else []
        return self._written_out(Sum, first, dots, last, before), k + 3

    def written_out_product(self, items):
        """The product a run `… A \\cdots B` (or `A \\cdot \\cdots \\cdot B`) stands for,
        else None when the run has no dots."""
        at = [j for j, item in enumerate(items) if self._dots(item)]
        if not at:
            return None
        j = at[0]
        if len(items) == 1:
            return None                     # dots alone: not read (the reader says so)
        explicit = 0 < j < len(items) - 1 and is_token(items[j - 1], "MULOP") and \
            is_token(items[j + 1], "MULOP")
        step = 2 if explicit else 1
        block = len(items) - (j + step)         # the factors after the dots: the last term
        if len(at) > 1 or block < 1 or j - step - block + 1 < 0 or \
                any(is_token(items[i], "MULOP") and items[i].value not in (r"\cdot", r"\times")
                    for i in (j - 1, j + 1) if explicit) or \
                any(is_token(item, "MULOP") for item in items[j - step - block + 1:j - step + 1]
                    + items[j + step:]):
            raise self._not_written_out(items[j], "between factors, the last one ending the "
                                        "product")
        first = _spanning(items[j - step - block + 1:j - step + 1])
        last = _spanning(items[j + step:])
        rest = items[:j - step - block + 1]
        # a term of several factors holds no function word either (`\log a_1 b_1 \cdots`)
        if any(_OPERATOR.search(self.source_text(item))
               for item in (items[:j] + items[j + step:] if block > 1 else rest)):
            # `\log x_1 x_2 \cdots x_n`, `\frac{d}{dt} 2 t \cdots t^3`: does the function or
            # operator take the whole product or only what precedes the dots?
            raise self.error(f"{self.source_text(items[j]).strip()} in a product after a "
                             "function or operator: does it take the whole product or what "
                             "precedes the dots? Bracket its argument (\\log(x_1 \\cdots "
                             "x_n), \\frac{d}{dt}(t \\cdots t^3))", items[j])
        tail = rest[:-1] if rest and is_token(rest[-1], "MULOP") and \
            rest[-1].value in (r"\cdot", r"\times") else rest
        before = _spanning(tail[-block:]) if len(tail) >= block and not any(
            is_token(item, "MULOP") for item in tail[-block:]) else None
        value = self._written_out(Product, first, items[j], last,
                                  [before] if before is not None else [])
        if rest and is_token(rest[-1], "MULOP"):
            if rest[-1].value not in (r"\cdot", r"\times"):
                raise self._not_written_out(items[j], "after a factor multiplied, not divided")
            rest = rest[:-1]
        return Mul(self.term(Tree("run", rest, rest[0].meta if isinstance(rest[0], Tree)
                                  else None)), value) if rest else value

    def written_out_list(self, build, args):
        """`build(index, body, lower, upper)` for a list written out with dots, the arguments
        `args` of `\\max\\{x_1, x_2, \\ldots, x_n\\}`: the dots stand second to last, and
        every member written before them follows the pattern of the two beside them, one
        index apart (x_1, x_2 start the range at 1; x_1, x_3 or a member of another form
        is refused). None when the list has no dots."""
        at = [k for k, arg in enumerate(args) if self._dots(arg)]
        if not at:
            return None
        d = at[0]
        if len(at) > 1 or d == 0 or d != len(args) - 2:
            raise self._not_written_out(args[at[-1]], "in a list, between two members the "
                                        "last of which ends it")
        value = self._written_out(build, args[d - 1], args[d], args[d + 1], args[:d - 1][::-1],
                                  listed=True)
        for member in (*args[:d], args[d + 1]):     # the members written: read as members
            self.term(member)
        return value

    def listed_in_label(self, args, seps, k):
        """`\\dots` (its canonical spelling, whatever the dots) for the dots `args[k]` in
        the label of a quantity a row defines (`p(y_1, \\dots, y_n \\mid x_1, \\dots, x_n)
        = …`) or uses: between two members parted from them by commas, alike but for an
        index from a whole number to a letter or larger number — the family's members in
        order. The label only names the quantity (its meaning is the defining row's
        body), so the spelling of the dots is all it keeps. Refused otherwise."""
        dots = args[k]
        if not 0 < k < len(args) - 1 or seps[k - 1] != "," or seps[k] != "," or \
                _pattern(_tokens(self.source_text(args[k - 1])),
                         _tokens(self.source_text(args[k + 1]))) is None:
            raise self._not_written_out(dots, "in a list, between two members")
        return r"\dots"

    def _dots(self, node):
        return self.source_text(node).strip() in DOTS

    def _not_written_out(self, dots, where):
        return self.error(f"{self.source_text(dots).strip()} is read only {where}, written "
                          "alike but for an index from a whole number to a letter or larger "
                          "number (x_1 + \\cdots + x_n, x_1 \\cdots x_n): write \\sum or \\prod "
                          "here", dots)

    def _written_out(self, kind, first, dots, last, before, listed=False):
        """Σ (Π, or what `kind` builds) from `first` to `last`, the pattern their tokens
        show, starting at the last of the terms `before` them (nearest first) that follow
        the pattern one index apart. In a sum or product such a term must be at a − 1
        and ends the range there; in a list (`listed`) every one must follow it."""
        a, b = _tokens(self.source_text(first)), _tokens(self.source_text(last))
        pattern = _pattern(a, b)
        if pattern is None:
            raise self._not_written_out(dots, "between two terms")
        places, low, high = pattern
        for step, term in enumerate(before, 1):
            c = _tokens(self.source_text(term))
            alike = len(c) == len(a) and all(c[j][0] == a[j][0] for j in range(len(a))
                                             if j not in places)
            if (alike or listed) and {c[j][0] for j in places if j < len(c)} != \
                    {str(int(low) - step)} or listed and not alike:
                raise self.error(f"the terms before {self.source_text(dots).strip()} do not "
                                 "step by one: write \\sum or \\prod here", dots)
        start = int(low) - (len(before) if listed else 0)
        letters = set(re.findall(r"(?<![\\a-zA-Z])[a-zA-Z]", self.row_text))
        key = next((c for c in _INDEX_LETTERS if c not in letters and
                    self.scope.lookup(c) is None and self.bound_name(c) is None), None)
        if key is None:
            raise self._not_written_out(dots, "with a letter free for its index")
        from derive.frontend.latex.reader import LOCAL_INDEX
        upper = Num(int(high)) if high.isdigit() else self._written_bound(high, dots)
        index = self.fresh(key, declaration=LOCAL_INDEX)
        starts = {_start(last) + b[j][1] for j in places}
        replaced = []
        body = _with_letter(last, starts, key, replaced)
        if len(replaced) != len(starts):        # an index inside a word or a number
            raise self._not_written_out(dots, "between two terms")
        with self.binding(key, index):
            value = self.term(body)
        return kind(index, value, Num(start), upper)

    def _written_bound(self, letter, dots):
        found = self.scope.lookup(letter) if self.bound_name(letter) is None else None
        name = self.bound_name(letter)
        if name is None and found is None:
            raise self.error(f"{letter}, the last index of these dots, is not known: declare it "
                             f"(% derive: natural {letter})", dots)
        upper = Sym(name if name is not None else found[0])
        self._natural_bound(upper, dots)
        return upper


def _pattern(a, b):
    """(places, a, b) when two terms' tokens are alike but at `places`, where the first has
    one whole number a and the last one letter or larger whole number b; else None."""
    places = [j for j, (s, t) in enumerate(zip(a, b)) if s[0] != t[0]]
    pairs = {(a[j][0], b[j][0]) for j in places}
    if len(a) != len(b) or len(pairs) != 1:
        return None
    ((low, high),) = pairs
    if not low.isdigit() or not (high.isdigit() and int(high) > int(low) or
                                 re.fullmatch(r"[a-zA-Z]", high)):
        return None
    return places, low, high


def _tokens(text):
    """(token, offset) of a term's text, spacing aside and braces around one token dropped
    (`x_{1}` is `x_1` as printed; offsets kept)."""
    text = _BRACED_TOKEN.sub(lambda m: " " + m.group(1) + " ", text)
    return [(m.group(), m.start()) for m in _TOKEN.finditer(text)
            if m.group() not in (r"\,", r"\;", r"\!", r"\ ", r"\quad")]


def _spanning(items):
    """One node for a term of several factors side by side (`\\theta^{y_1}(1-\\theta)^{1-y_1}`):
    a run spanning them (for its text and positions), or the one factor itself."""
    if len(items) == 1:
        return items[0]
    meta = Meta()
    meta.start_pos, meta.end_pos, meta.empty = _start(items[0]), _end(items[-1]), False
    return Tree("run", list(items), meta)


def _start(node):
    return node.meta.start_pos if isinstance(node, Tree) else node.start_pos


def _end(node):
    return node.meta.end_pos if isinstance(node, Tree) else node.end_pos


def _with_letter(node, starts, key, replaced):
    """A copy of a tree with the letter or number tokens starting at `starts` (row offsets)
    spelled `key` (each one replaced noted in `replaced`)."""
    if isinstance(node, Token):
        if node.start_pos in starts and node.type in ("LETTER", "NUMBER"):
            replaced.append(node.start_pos)
            return Token.new_borrow_pos("LETTER", key, node)
        return node
    return Tree(node.data, [_with_letter(c, starts, key, replaced) for c in node.children],
                node.meta)

"""A quantity named by a word of plain letters at the head of its definition: `MSE(\\hat\\theta)
= E[(\\hat\\theta - \\theta)^2] = …`.

Plain letters side by side are a product, and a word of them before a bracket
(`MSE(\\hat\\theta)`) is refused (`products.refuse_letter_word`: it would read as M·S·E(…)).
As the whole first side of a chain whose relation defines (`=` or a definition sign), with
the word new — not a name the file knows, none of its letters a number the file knows
(`ab(c + d) = …` of declared a, b is a product; `abVar(X)` of a declared a is refused), no
function's or moment's name (`sqrt(4)`, `LOG(c)`, `Var(X)`: products.py's readings), and
the word one that reading it would refuse — the word can only be the name being defined:
it is read as `\\operatorname{MSE}(…)`, the head of that definition. Below, the same whole
word of plain letters before a bracket (`MSE(\\tilde\\theta)`) is that name; anywhere else it
is refused as before.
"""

from __future__ import annotations

from lark import Token, Tree
from lark.tree import Meta

from derive.frontend.latex.pieces import BracketPiece, NamePiece, is_token, is_tree
from derive.model.names import DefinitionInfo, Kind
from derive.frontend.latex.products import (
    _MOMENT_WORDS, PLAIN_WORDS, _plain_e, _plain_letter,
)


class Words:
    """Reader mixin: words of plain letters naming a defined quantity."""

    def word_head_side(self, side, rest):
        """`side` with a head `MSE(…)` spelled `\\operatorname{MSE}(…)` when it is a new
        word's, else None — never when a letter of the word stands in `rest`, the row's
        other side (`ab(c + d) = ac + bd`: a and b are numbers of the row, a product)."""
        items = side.children[0].children if is_tree(side, "sum") and \
            len(side.children) == 1 and is_tree(side.children[0], "run") else None
        if items is None or len(items) < 3 or not _bracket(items[-1]) or \
                not all(_letter(i) for i in items[:-1]):
            return None
        word = "".join(i.children[0].value for i in items[:-1])
        written = {t.value for t in rest.scan_values(lambda v: is_token(v, "LETTER"))} \
            if isinstance(rest, Tree) else {getattr(rest, "value", None)}
        if set(word) - {"E"} & written:
            return None
        if word == "MSE" and not self.names_mse() and \
                self.estimator_target(self.piece(items[-1])) is not None:
            return None                     # an estimator's MSE: a claim (estimators.py)
        if word.lower() in PLAIN_WORDS or word in _MOMENT_WORDS or \
                any(i.children[0].value != "E" and self._known_letter(i.children[0].value)
                    for i in items[:-1]) or not self._refused_word(items):
            return None                     # `abVar(X)` of a declared a: refused as before
        run = self._worded(items, 0, len(items) - 1)
        if self._word_key(run[0]) is None or self.scope.lookup(self._word_key(run[0])) is not None:
            return None
        return Tree("sum", [Tree("run", run, side.children[0].meta)], side.meta)

    def _refused_word(self, items):
        """Whether the run's letters before its bracket are a word that reading them would
        refuse (`refuse_letter_word`, as `factors` asks at the first letter applied or
        plain E): `xf(x)` of a declared x is a product and `E f(X)` an expectation, read
        as before."""
        from derive.frontend.errors import InputError
        try:
            pieces = [self.piece(i) for i in items]
            for j, p in enumerate(pieces[:-1]):
                if _plain_e(p):
                    self.refuse_letter_word(pieces, j)
                    self.refuse_letters_after_e(pieces, j)
                    return False
                if isinstance(p, NamePiece) and self._unknown_function(p, pieces[j + 1]):
                    self.refuse_letter_word(pieces, j)
                    return False
        except InputError as exc:
            return "in plain letters is no name" in exc.message
        return False

    def defined_words(self, pieces):
        """The pieces with each word of plain letters before a bracket that names a quantity
        a head defined (`MSE(\\tilde\\theta)` below `MSE(\\hat\\theta) = …`) as that name —
        the whole word: `RMSE(…)` is no R·MSE(…). A word the file defines as a function
        (`define \\operatorname{Softmax}(u) = …`, then `Softmax(x_i)`: one name, one meaning)
        is that function even where some of its letters are numbers of the file (x of
        `real x_j`) — never `max` in plain letters; where every letter is one, it is refused
        (the function, or a product of the letters?). Read before the plain-letter function
        words (`products.function_letters`), which would refuse the `max` inside it."""
        out, k = list(pieces), len(pieces) - 1
        while k > 1:
            if isinstance(out[k], BracketPiece):
                start = k
                while start > 0 and (_plain_letter(out[start - 1], last=False) or
                                     _plain_e(out[start - 1])):
                    start -= 1
                word = "".join("E" if _plain_e(p) else p.base for p in out[start:k])
                found = self.scope.lookup(word) if k - start > 1 else None
                function = found is not None and (found[1].kind is Kind.FUNCTION or isinstance(
                    found[1].info, DefinitionInfo) and bool(found[1].info.params))
                known = [self._known_letter(p.base) for p in out[start:k] if not _plain_e(p)]
                if function and all(known):
                    raise self.error(f"`{word}` before brackets is the function {word} the file "
                                     "defines, or a product of its letters, which the file "
                                     f"declares: write \\operatorname{{{word}}} or the "
                                     "product with \\cdot", out[start].node)
                if any(known) and not function:
                    k -= 1                  # `a b (c + d)` of a declared a, b: a product
                    continue
                if function or found is not None and isinstance(found[1].info, DefinitionInfo) or \
                        k - start > 1 and any(label.startswith(word + "(")
                                              for label in self.scope.heads):
                    out[start:k] = [NamePiece(word, word, None, None, 0, out[start].node)]
                    k = start
            k -= 1
        return out

    def _word_key(self, word):
        """The name key of a word script, read as a head's is (any upright word), or None."""
        from derive.frontend.latex.reader import InputError
        try:
            self.heading = True
            return self.piece(word).key
        except (InputError, AttributeError):
            return None
        finally:
            self.heading = False

    def _worded(self, items, start, end):
        """items with the letters start..end-1 as one `\\operatorname{…}` script."""
        letters = items[start:end]
        first, last = letters[0].children[0], letters[-1].children[0]
        meta = Meta()
        meta.empty = False
        meta.start_pos, meta.line, meta.column = first.start_pos, first.line, first.column
        meta.end_pos, meta.end_line, meta.end_column = \
            last.end_pos, last.end_line, last.end_column
        command = Token.new_borrow_pos("COMMAND", "\\operatorname", first)
        body = Tree("fontbody", [i.children[0] for i in letters], meta)
        word = Tree("script", [Tree("font", [command, body], meta)], meta)
        return [*items[:start], word, *items[end:]]


def _letter(item):
    return is_tree(item, "script") and len(item.children) == 1 and \
        is_token(item.children[0], "LETTER")


def _bracket(item):
    return is_tree(item, "script") and len(item.children) == 1 and \
        is_tree(item.children[0], "bracketed") and item.children[0].children[0].value in "(["

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

import re

from lark import Token, Tree
from lark.tree import Meta

from derive.frontend.latex.pieces import (
    BracketPiece, NamePiece, is_token, is_tree, tailless,
)
from derive.model.names import DefinitionInfo, Kind
from derive.model.terms import free_names
from derive.frontend.latex.products import (
    _MOMENT_WORDS, PLAIN_WORDS, _plain_e, _plain_letter,
)


# Kinds of a declared word that plain letters spelling it name too (`plain_words`)
NUMBER_KINDS = frozenset({Kind.SYMBOL, Kind.VARIABLE, Kind.PARAMETER})
# A name's key made of a word and its indices, `input_{ij}` (`indexed_words`)
INDEXED_WORD = re.compile(r"([A-Za-z]+)_\{.*\}")

# The shortest word whose letters the file knows may stand in it (`_plainly_a_word`)
LONG_WORD = 5


def _plainly_a_word(word, known):
    """Whether a word of plain letters heading a chain (`Entropy(X) = …` beside a declared
    p) is a name although some of its letters, `known`, are numbers of the file or of the
    row's other side: at least `LONG_WORD` letters, fewer than half of them distinct known
    ones, and no function's or moment's name inside it (`abVar(X)`: a·b·Var(X)?) — a
    product of that many letters, most of them written nowhere, is no reading an author
    means. Shorter words (`ab(c + d) = ac + bd`, `xyz(t)`) stay refused."""
    lowered = word.lower()
    return len(word) >= LONG_WORD and 2 * len(known) < len(word) and not any(
        w.lower() in lowered for w in PLAIN_WORDS | set(_MOMENT_WORDS) if len(w) > 2)


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
        known = {c for c in set(word) - {"E"} if c in written or self._known_letter(c)}
        if known and not _plainly_a_word(word, known):
            return None
        if word == "MSE" and not self.names_mse() and \
                self.estimator_target(self.piece(items[-1])) is not None:
            return None                     # an estimator's MSE: a claim (estimators.py)
        if word.lower() in PLAIN_WORDS or word in _MOMENT_WORDS or \
                not self._refused_word(items):
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

    def directive_word(self, side):
        """`define NLL = …` (also `define ELBO(q) = …`): in a define directive the left side
        is one name, so a run of two or more plain letters there (before the arguments'
        bracket, if any) is a word — `side` with it spelled `\\operatorname{NLL}`, as
        `word_head_side` spells a row's head. Not a function's or moment's name (`log`, `Var`:
        refused as before). Refused as ambiguous when a letter of it is a name the file
        already gave a meaning or used (declared, bound, the random variable of a declared
        variable, or read as a symbol in a row above): the spelling would be that letter in
        one place and the word in another. `side` itself when it is no such run."""
        items = side.children[0].children if is_tree(side, "sum") and \
            len(side.children) == 1 and is_tree(side.children[0], "run") else None
        if items is None:
            return side
        end = len(items) - 1 if _bracket(items[-1]) else len(items)
        if end < 2 or not all(_letter(i) for i in items[:end]):
            return side
        word = "".join(i.children[0].value for i in items[:end])
        if word.lower() in PLAIN_WORDS or word in _MOMENT_WORDS:
            return side
        taken = self._letters_with_meaning(word)
        if taken:
            raise self.error(f"`{word}` in plain letters would be the name defined here, but "
                             f"{', '.join(taken)} already has a meaning in this file (one "
                             f"spelling, one meaning): write \\operatorname{{{word}}} here "
                             "and wherever it is used, or rename", items[0])
        return Tree("sum", [Tree("run", self._worded(items, 0, end), side.children[0].meta)],
                    side.meta)

    def word_letters_apart(self, word, body, node):
        """Refuse `define NLL = N + 1`: a letter of the word read apart in its own body."""
        apart = sorted({n.latex for n in free_names(body)} & set(word))
        if apart:
            raise self.error(f"the body uses {', '.join(apart)}, a letter of the name {word} "
                             "it defines in plain letters (one spelling, one meaning): rename",
                             node)

    def letter_words(self, pieces):
        """The pieces with each run of plain letters spelling a name the file defines
        without arguments (`define NLL = …`, `define \\mathrm{KL} = …`: a word of two or more
        letters) as that name — `\\partial NLL` is the derivative of NLL, never of N·L·L; a
        power on the last letter is the name's. One spelling, one meaning — refused as
        ambiguous: the word once one of its letters has a meaning of its own in the file
        (declared, bound, or used as a symbol above: the name, or a product of them?); a
        run holding the word and more letters (`NLLw`), or another defined word (`NLL` when
        `LL` is defined too: N·LL?); the word's letters apart in the source (`N\\,LL`,
        `\\mathrm{N}LL`) or with a prime or subscript on the last (`NLL'`, `NLL_1`); and, in a
        row that reads the word, its letters apart (`N + NLL`, `NLL \\cdot N`,
        `\\sum_{i=1}^{N} NLL`: new symbols beside the name). A letter apart in another row is
        a symbol of its own, after which the word is refused; a lone `e` stays Euler's
        number. Such a name before round brackets, in any spelling (`NLL(w)`,
        `\\operatorname{NLL}(w)`), is refused: its product with the bracket, or its value
        there? A word defined with arguments (`define NLL(w) = …`) is read before brackets by
        `defined_words` (as functions, `define \\operatorname{Softmax}(u)`); without them
        (`NLL`, `2 NLL`) it is refused — never N·L·L of new letters."""
        words = self.plain_words()
        indexed = self.indexed_words() - set(words)
        if not words and not indexed:
            return pieces
        runs, k = [], 0
        while k < len(pieces):
            end = k + 1
            if _plain_letter(pieces[k], last=True) or _primed_letter(pieces[k]):
                while end < len(pieces) and _plain_letter(pieces[end - 1], last=False) and \
                        (_plain_letter(pieces[end], last=True) or _primed_letter(pieces[end])):
                    end += 1
                runs.append((k, end, "".join(p.base for p in pieces[k:end])))
            k = end
        here = self.words_read | {w for _, _, w in runs if w in words and not words[w]}
        out = list(pieces)
        for k, end, word in reversed(runs):
            run = pieces[k:end]
            if word in indexed:
                raise self.error(f"`{self._run_text(run)}` in plain letters would be the "
                                 f"product {' · '.join(p.base for p in run)} of new letters, "
                                 f"beside the name {word} the file gives with its indices: "
                                 f"write \\text{{{word}}} with them, or the product with \\cdot",
                                 run[0].node)
            whole = word in words and run[-1].sub is None and not run[-1].primes
            inside = next((w for w in words if w in word), None)
            apart = next((w for w in here if any(
                p.base in w and p.base != "e" and not self._known_letter(p.base)
                for p in run)), None)
            if whole:
                self._refuse_word_spelling(word, run, words, pieces[end:end + 1])
                if words[word]:                 # NLL(w): `defined_words` reads it
                    continue
                out[k:end] = [NamePiece(word, word, None, run[-1].power, 0, run[0].node)]
            elif inside is not None and inside == word:
                raise self.error(f"`{self._run_text(run)}`: a prime or subscript on "
                                 f"the last letter of the name {word} the file defines in plain "
                                 f"letters — of the name, or of a letter beside new symbols? "
                                 f"Write \\operatorname{{{word}}} with it, or the product with "
                                 "\\cdot", run[0].node)
            elif inside is not None or apart is not None:
                near = inside or apart
                raise self.error(f"`{word}` holds letters of the name {near} the file defines "
                                 f"in plain letters, in a row that reads {near}: apart they "
                                 "would be new symbols beside that name (one spelling, one "
                                 f"meaning) — write {near} whole, or declare the letters",
                                 run[0].node)
        self.words_read |= here
        for k, p in enumerate(out[:-1]):
            if isinstance(p, NamePiece) and p.key in words and not words[p.key] and \
                    p.power is None and isinstance(out[k + 1], BracketPiece) and \
                    out[k + 1].open == "(":
                raise self.error(f"{p.key} is defined without arguments: {p.key}(…) would be "
                                 f"its product with the bracket, or its value there? — define "
                                 f"it with its arguments ({p.key}(w) = …), or write the "
                                 "product with \\cdot", p.node)
        return out

    def refuse_word_differentials(self, pieces):
        """Refuse, among the pieces of a product holding an integral, a run of plain letters
        holding a word the file defines with a d in it (`\\int_0^1 w Ld w` after `define Ld
        = 2`): its d may open the differential — the name Ld, or L and dw? The differentials
        are paired before words are read (`letter_words`), so the run would be split."""
        words = [w for w in self.plain_words() if "d" in w]
        k = 0
        while words and k < len(pieces):
            end = k
            while end < len(pieces) and _plain_letter(pieces[end], last=True):
                end += 1
                if pieces[end - 1].power is not None or pieces[end - 1].sub is not None:
                    break
            spelled = "".join(p.base for p in pieces[k:end])
            word = next((w for w in words if w in spelled), None)
            if word is not None:
                raise self.error(f"`{self._run_text(pieces[k:end])}` holds the name {word} the "
                                 "file defines, beside an integral's differential: the name, "
                                 "or a letter and a differential d…? Write "
                                 f"\\operatorname{{{word}}}, or the product with \\cdot",
                                 pieces[k].node)
            k = max(end, k + 1)

    def refuse_braced_word_letters(self, group):
        """Refuse `{NL}L`, `{N}LL` after `define NLL = …`: TeX drops the braces, printing
        the word's letters, but the group is read apart — a product of new letters beside a
        defined name. Refused where the braced letters are some of a defined word's."""
        node = group.children[0]
        if is_tree(node, "sum") and len(node.children) == 1:
            node = node.children[0]
        items = node.children if is_tree(node, "run") else [node]
        if not all(_letter(i) for i in items):
            return
        letters = "".join(i.children[0].value for i in items)
        word = next((w for w in self.plain_words() if letters in w), None)
        if word is not None:
            raise self.error(f"`{{{letters}}}` prints as letters of the name {word} the file "
                             "defines in plain letters: the name, or a product of new letters? "
                             f"Write {word} whole, or the product with \\cdot", group)

    def _run_text(self, run):
        """The row's text of a run of pieces, from its first to its last."""
        return self.row_text[_start(run[0].node):_end(run[-1].node)]

    def plain_words(self):
        """{word: whether it is defined with arguments} of the names the file defines as a
        word of two or more plain letters (`define NLL = …`, `define NLL(w) = …`) or
        declares as a number (`% derive: real \\text{out}`: `out` is that name too)."""
        words = {}
        for key in self.scope.names:
            if len(key) > 1 and key.isascii() and key.isalpha():
                found = self.scope.lookup(key)
                if found is not None and found[1].kind is Kind.DEFINITION and \
                        isinstance(found[1].info, DefinitionInfo):
                    words[key] = bool(found[1].info.params)
                elif found is not None and found[1].kind in NUMBER_KINDS:
                    words[key] = False
        return words

    def indexed_words(self):
        """The words of the names the file declares or defines as a word with indices
        (`% derive: real \\text{input}_{ij}`, `define \\text{mask}_{ij} = …`): `input`.
        Those letters in plain type (`input_{ij}`, `input`) are refused (`letter_words`):
        i·n·p·u·t_{ij}, new letters beside the name, is no reading an author means."""
        found = (INDEXED_WORD.fullmatch(key) for key in self.scope.names
                 if self.scope.lookup(key) is not None)
        return {m.group(1) for m in found if m is not None and len(m.group(1)) > 1}

    def _refuse_word_spelling(self, word, run, words, after):
        """Refuse a run spelling the defined `word` whole where the word is not its only
        reading: a letter of it with a meaning of its own, another defined word inside it
        (N·LL, when LL is defined too), its letters apart in the source (`N\\,LL`,
        `\\mathrm{N}LL`: not the word as printed), or a word defined with arguments written
        without its bracket (`NLL`, `2 NLL` after `define NLL(w) = …`)."""
        other = [w for w in words if w != word and w in word]
        if other:
            raise self.error(f"`{word}` is the name {word} the file defines, or a product "
                             f"holding {', '.join(other)}, which it defines too: write "
                             f"\\operatorname{{{word}}} or the product with \\cdot",
                             run[0].node)
        spelled = [self.source_text(p.node) for p in run[:-1]] + \
            [self.source_text(run[-1].node)[:1]]
        gaps = [self.row_text[_end(a.node):_start(b.node)] for a, b in zip(run, run[1:])]
        if spelled != list(word) or any(g.strip() for g in gaps):
            raise self.error(f"`{self._run_text(run)}` spells the name {word} the "
                             "file defines with its letters apart (a space, a font): the "
                             f"name, or a product of new letters? Write {word} whole, or the "
                             "product with \\cdot", run[0].node)
        if words[word]:
            if after and isinstance(after[0], BracketPiece) and after[0].open == "(":
                return                      # NLL(w): `defined_words` reads (or refuses) it
            raise self.error(f"{word} is defined with arguments: write it applied in full "
                             f"({word}(…)), never bare — here it would be a product of new "
                             "letters", run[0].node)
        known = self._letters_with_meaning(word)
        if known:
            raise self.error(f"`{word}` is the name the file defines, or a product of "
                             f"its letters, of which {', '.join(known)} has a meaning "
                             f"of its own: write \\operatorname{{{word}}} or the "
                             "product with \\cdot", run[0].node)

    def _letters_with_meaning(self, word):
        """The letters of a plain-letter word that already mean something in the file (known
        to the reader or declared), each once, in order: the word is then no name of its own."""
        return [c for c in dict.fromkeys(word) if self._known_letter(c) or
                self.scope.lookup(c) is not None]

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


def _primed_letter(piece):
    """A plain letter with primes and nothing else (`L'`): the last of a run whose word it
    may end (`NLL'`)."""
    return isinstance(piece, NamePiece) and len(piece.base) == 1 and piece.base.isalpha() and \
        piece.primes > 0 and piece.sub is None and piece.power is None


def _start(node):
    return node.meta.start_pos if isinstance(node, Tree) else node.start_pos


def _end(node):
    return node.meta.end_pos if isinstance(node, Tree) else node.end_pos


def _letter(item):
    return is_token(tailless(item), "LETTER")


def _bracket(item):
    bracket = tailless(item)
    return is_tree(bracket, "bracketed") and bracket.children[0].value in "(["

"""The mean squared error and the bias of an estimator: `MSE(\\hat\\theta)`,
`\\operatorname{MSE}(\\hat\\theta)`, `\\text{Bias}(\\hat\\theta)`.

Statistics texts write the mean squared error of an estimator θ̂ of a parameter θ as
MSE(θ̂) = E[(θ̂ − θ)²] (Wikipedia 'Mean squared error'; Casella & Berger, def. 7.3.1): the
hat names what is estimated. derive reads it so only where nothing else can be meant:

* the argument, in round or square brackets and alone, is `\\hat{L}` (or `\\widehat{L}`),
  a random variable of the file (`random \\hat{\\theta} with density p over u`, or the
  capital `\\hat{X}` of a declared `\\hat{x}`), and
* L itself is a declared real number (`real \\theta`), not bound where MSE stands,
* the file does not name MSE itself (a row's head or a `define`: its meaning then wins).

Then `MSE(\\hat\\theta)` is the moment E[(θ̂ − θ)²] under the law `\\operatorname{Var}[\\hat
\\theta]` would average under. Any other argument (`MSE(X)`, `MSE(\\hat\\theta)` with θ
undeclared or random) keeps the older readings (words.py: a new word heading a chain is
the name defined there; elsewhere refused): the target would be a guess.

`\\text{Bias}(\\hat\\theta)` (also `\\operatorname{Bias}`, `\\mathrm{Bias}`: the word upright, never
the letters B·i·a·s) is E[θ̂] − θ under the same conditions (Casella & Berger, def. 7.3.2).
Once read so, a row defining it below (`\\text{Bias}(\\hat\\theta) := \\mathbb{E}[\\hat\\theta -
\\theta]`, the author's definition written after its first use) defines nothing new: it is
checked against that meaning, as `… := D(p \\| q)` is (`restating`) — one name, one meaning.
"""

from __future__ import annotations

import re

from derive.frontend.latex import names as naming
from derive.frontend.latex.pieces import (
    BracketPiece, ExpectPiece, NamePiece, is_tree, single,
)
from derive.model.names import Kind
from derive.model.terms import Add, Pow, Sym, TWO, neg

SPELLED = ("MSE", "Bias")   # the keys of the words (MSE plain or upright, Bias upright)
_MEANINGS = {"MSE": "E[(\\hat{\\theta} - \\theta)^2]", "Bias": "E[\\hat{\\theta}] - \\theta"}
_HAT = re.compile(r"\\(?:wide)?hat\{(.+)\}")


class Estimators:
    """Reader mixin: the mean squared error of a hatted estimator."""

    applied_words = frozenset()   # ids of the row's upright words right before brackets

    def estimator_target(self, bracket):
        """The declared number L that the one argument `\\hat{L}` of `bracket` estimates,
        when that argument is a random variable of the file and L a declared real number
        not bound here; else None."""
        if not isinstance(bracket, BracketPiece) or bracket.open not in "([" or \
                len(bracket.args) != 1 or bracket.seps:
            return None
        try:
            key = naming.flat_text(single(bracket.args[0]))
        except naming.NameError_:
            return None
        hat = _HAT.fullmatch(key)
        if hat is None or self.bound_name(key) is not None or not (
                key in self.scope.random_spellings or self.capital_variable(key) is not None):
            return None
        target = hat.group(1)
        found = self.declared(target)
        if found is None or found[1].kind is not Kind.SYMBOL or \
                not found[1].domain.is_real or self.bound_name(target) is not None or \
                target in self.scope.random_spellings:
            return None
        return found[0]

    def names_mse(self, words=("MSE",)):
        """Whether the file gives MSE (each of `words`) a meaning of its own (a row's head,
        a `define`)."""
        return any(self.scope.lookup(s) is not None or
                   any(label.startswith(s + "(") for label in self.scope.heads)
                   for s in words)

    def mean_squared_errors(self, pieces):
        """The pieces with each `MSE` before an estimator's bracket (the plain word M S E,
        or `\\operatorname{MSE}`, `\\mathrm{MSE}`, the whole word: `RMSE(…)` is not
        R·MSE) as the moment piece of kind "MSE"."""
        known = [w for w in SPELLED if not self.names_mse((w,))]
        if not known:
            return pieces
        out, k = list(pieces), len(pieces) - 1
        while k > 0:
            start = self._mse_word(out, k, known)
            if start is not None and self.estimator_target(out[k]) is not None:
                word = "Bias" if getattr(out[k - 1], "base", None) == "Bias" else "MSE"
                out[start:k] = [ExpectPiece(None, out[start].node, word)]
                self.scope.estimates_read.add(word)
                k = start
            k -= 1
        for p in out:
            if isinstance(p, NamePiece) and p.base in known and not self._own_word(p):
                raise self.error(f"`\\operatorname{{{p.base}}}` is read only before the bracket "
                                 f"of an estimator, {p.base}(\\hat{{\\theta}}) of a random "
                                 "variable \\hat{\\theta} and a declared real \\theta ("
                                 + _MEANINGS[p.base] + "): write the expectation, or define "
                                 "the name", p.node)
        return out

    def _own_word(self, piece):
        """Whether the file gave this spelling of the word, with its subscript, a meaning
        of its own (`define \\text{Bias}_\\theta(\\hat\\theta, \\theta) = …`, a row headed
        `\\text{MSE}_\\theta(\\hat\\theta) = …`): that meaning is read, as the name's."""
        return piece.sub is not None and (
            self.scope.lookup(piece.key) is not None or
            any(label.startswith(piece.key + "(") for label in self.scope.heads))

    def restates_estimate(self, name, bracket):
        """Whether a row defining `name(…)` (`\\text{Bias}(\\hat\\theta) := …`) defines a
        word this file has read above as an estimator's MSE or bias: it then restates it."""
        return name.key in self.scope.estimates_read and not self.names_mse((name.key,)) and \
            self.estimator_target(bracket) is not None

    def _mse_word(self, pieces, k, known):
        """Where the word MSE (or Bias) ending just before the bracket at `k` starts, or
        None; of the words `known` (the file names none of them)."""
        before = pieces[k - 1]
        if isinstance(before, NamePiece) and before.base in known and before.sub is None \
                and before.power is None and not before.primes:
            return k - 1
        if "MSE" not in known or k < 3 or not all(isinstance(p, NamePiece) and p.sub is None and p.power is None and
                            not p.primes and p.base == c and not self._known_letter(p.key)
                            for p, c in zip(pieces[k - 3:k - 1], "MS")):
            return None
        last = pieces[k - 1]
        plain_e = isinstance(last, ExpectPiece) and last.kind == "E" and last.sub is None
        if not (plain_e or isinstance(last, NamePiece) and last.key == "E" and
                last.power is None and not self._known_letter("E")):
            return None
        previous = pieces[k - 4] if k >= 4 else None
        if isinstance(previous, NamePiece) and len(previous.base) == 1 and \
                previous.base.isalpha() and previous.sub is None and previous.power is None:
            return None                         # `RMSE(…)`: not R times MSE
        return k - 3

    def mse_moment(self, averaging, bounds, values, target, kind="MSE"):
        """E[(θ̂ − θ)²] (kind MSE) or E[θ̂] − θ (kind Bias) over `bounds`, θ̂'s value read
        as `values[0]`."""
        if kind == "Bias":
            return Add(self.average(averaging, bounds, values[0]), neg(Sym(target)))
        return self.average(averaging, bounds, Pow(Add(values[0], neg(Sym(target))), TWO))


def applied_words(tree):
    """The ids of a row's upright words (`font` nodes) that stand right before brackets in
    their run. Only there is `\\operatorname{MSE}` let through the check of upright words
    (`_check_word`), for `mean_squared_errors` to read or refuse; anywhere else (a
    subscript, a binder's letter, alone) it stays an unknown command."""
    return frozenset(
        id(child.children[0]) for run in tree.iter_subtrees() if run.data == "run"
        for child, after in zip(run.children, run.children[1:])
        if is_tree(child, "script") and child.children and is_tree(child.children[0], "font")
        and is_tree(after, "script") and after.children and
        is_tree(after.children[0], "bracketed"))

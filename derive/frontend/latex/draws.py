"""Several draws in one expectation's subscript (mixed into `Reader`).

GAN and variational papers write the draws of a nested expectation in one subscript:

* `\\mathbb{E}_{x, y \\sim p}[f]`, `\\mathbb{E}_{(x, y) \\sim p(x, y)}[f]`: x and y drawn together
  from the joint p over them (`\\mathbb{E}_{p(x, y)}[f]`). From a law over one variable,
  `\\mathbb{E}_{x, x' \\sim p}[k(x, x')]` draws each letter independently from p (MMD).
* `\\mathbb{E}_{x \\sim p, y \\sim q}[f]`, `\\mathbb{E}_{x \\sim p(x), y \\sim q(y \\mid x)}[f]`,
  `\\mathbb{E}_{\\substack{x \\sim p \\\\ y \\sim q}}[f]` (parse.py rewrites the stack to commas):
  the draws in the order written, outer first — `\\mathbb{E}_{x \\sim p}[\\mathbb{E}_{y \\sim q}[f]]`,
  so a later law may depend on an earlier draw (a bare conditional family is taken at it).
* `\\mathbb{E}_{p(x) q(y \\mid x)}[f]`: a product of laws, each factor a draw of its variables,
  read the same way.

Draws left out with dots (`z_1, \\dots, z_k \\sim q`, IWAE's k draws) are refused, saying so.

A law that depends on a letter drawn later in the same subscript (`y \\sim q(y \\mid x), x \\sim p`)
would be read at the wrong x: refused, as is a letter drawn twice. Only an expectation is
read so: a variance over several draws is not the nest of variances.

`\\cdot` as the argument placeholder of a law after `\\sim` (`x \\sim p(\\cdot)`,
`y \\sim q(\\cdot \\mid x)`) stands for the letter drawn: `x \\sim p(x)`. As a law written
elsewhere (a divergence's or an entropy's argument, `D_{KL}(q \\| p_\\theta(\\cdot \\mid X))`,
`H(p(\\cdot \\mid x))`) it stands for the law's drawn variable (`placeholder_variable`):
p(· | X) is the law of the variable p draws given X, at that X — the same object as
`p(z \\mid X)`, and never averaged over X as Cover & Thomas's D(p(y|x) ‖ q(y|x)) is.
"""

from __future__ import annotations

import copy

from lark import Tree

from derive.frontend.latex.pieces import (
    BracketPiece, is_token, is_tree, one_item, single, tailless,
)
from derive.model.terms import free_names


_DOTS = (r"\ldots", r"\dots", r"\cdots", r"\dotsc")


class Draws:
    """Expectations whose subscript draws several letters; mixed into `Reader`."""

    def several_draws(self, sub):
        """The draws of a subscript that writes more than one: a list of (letter nodes or
        None, law node) in the order written; None for any other subscript."""
        spec = single(sub)
        items = spec.children if is_tree(spec, "subitems") else [spec]
        if not any(is_token(t, "SIM") for t in items):
            factors = _law_factors(self, items)
            return [(None, f) for f in factors] if factors is not None else None
        dots = next((t for t in items if self.source_text(t).strip() in _DOTS), None)
        if dots is not None:
            raise self.error("z_1, \\dots, z_k \\sim q (k independent draws, the body "
                             "summing over their index) is not read yet: derive reads draws "
                             "written one by one, \\mathbb{E}_{z_1, z_2 \\sim q}", dots)
        groups, letters = [], []
        for k, item in enumerate(items):
            if is_token(item, "SEP"):
                if item.value != "," or not letters and (not groups or k == 0):
                    raise self.error("several draws read \\mathbb{E}_{x \\sim p, y \\sim q} "
                                     "(commas between them)", sub)
                continue
            if is_token(item, "SIM"):
                continue
            if k > 0 and is_token(items[k - 1], "SIM"):
                groups.append((letters, item))
                letters = []
            else:
                letters.extend(_tuple_letters(item))
        if letters:
            raise self.error("every letter of an expectation's subscript is drawn from a law: "
                             "\\mathbb{E}_{x \\sim p, y \\sim q}", sub)
        if len(groups) == 1 and len(groups[0][0]) == 1:
            return None                                     # x \sim p: one draw
        return groups

    def joint_draw(self, groups):
        """The `Averaging` of one draw of several letters together from a joint law over
        them (`x, y \\sim p`, `(x, y) \\sim p(x, y)`): one average, as `\\mathbb{E}_{p(x, y)}`,
        so a variance or covariance reads it too; None for any other draws."""
        if len(groups) != 1 or groups[0][0] is None:
            return None
        (letters, law), = groups
        if self._one_variable_law(law):
            return None
        return self._drawn_jointly(law, letters, law)

    def drawn_expectation(self, piece, groups, body):
        """E over the draws `groups`, nested in the order written, of `body`."""
        if piece.kind != "E":
            raise self.error(f"a {piece.kind} over several draws is not the nest of one per "
                             "draw: write it as an expectation, or draw them jointly "
                             "from one law", piece.sub)
        steps = []
        for letters, law in groups:
            if letters is None or len(letters) == 1:
                steps.append((letters[0] if letters else None, law, None))
            elif self._one_variable_law(law):
                steps.extend((letter, law, None) for letter in letters)     # i.i.d.
            else:
                steps.append((None, law, letters))
        keys = [_spelled(self, s[0]) for s in steps if s[0] is not None] + \
            [_spelled(self, x) for s in steps if s[2] for x in s[2]]
        if len(set(keys)) != len(keys):
            raise self.error("a letter is drawn twice in one subscript", piece.sub)
        return self._nest(steps, body, piece.sub)

    def _nest(self, steps, body, node):
        (letter, law, letters), later = steps[0], steps[1:]
        if letter is not None:
            averaging = self._drawn(letter, law)
        else:
            averaging = self._drawn_jointly(law, letters, node)
        self._not_ahead(averaging, later, node)
        bounds = tuple(self.fresh(k, origin=v)
                       for k, v in zip(averaging.keys, averaging.variables))
        read = (lambda: self._nest(later, body, node)) if later else None
        return self.average(averaging, bounds,
                            self._read_averaged(body, averaging, bounds, read))

    def _one_variable_law(self, law):
        dist = self.distribution_argument(law, averaging=True)
        return dist is not None and len(dist.over) == 1

    def _drawn_jointly(self, law, letters, node):
        """`x, y \\sim p` (p over x, y), or a factor `p(x)` of a product of laws."""
        dist = self.distribution_argument(law, averaging=True)
        if dist is None:
            self.no_function_value(law, "as the law drawn from")
            raise self.error("this is not a declared distribution; declare it with "
                             "'% derive: density …'", law)
        if letters is None:
            return self._over_distribution(dist)
        chosen = [self.variable_node(x) for x in letters]
        if None in chosen or not set(chosen) <= set(dist.over):
            raise self.error(f"{dist.name.latex} is a distribution over "
                             f"{', '.join(v.latex for v in dist.over)}: draw its variables "
                             f"by their declared letters", node)
        over = tuple(v for v in dist.over if v in chosen)
        return self._over_distribution(type(dist)(dist.name, over, dist.given, dist.cond,
                                                  dist.params))

    def _not_ahead(self, averaging, later, node):
        """A law that depends on a letter drawn after it would be read at the free letter."""
        ahead = set()
        for letter, law, letters in later:
            for x in ([letter] if letter is not None else letters or []):
                ahead.add(self.variable_node(x))
            if letter is None and letters is None:
                dist = self.distribution_argument(law, averaging=True)
                ahead.update(dist.over if dist is not None else ())
        dist = averaging.dist
        needs = set(dist.given) | set().union(
            *(free_names(t) for t in tuple(dist.cond) + tuple(dist.params)))
        if needs & ahead:
            raise self.error("a law here depends on a letter drawn after it: write the draws "
                             "outer first, as in \\mathbb{E}_{x \\sim p, y \\sim q(y \\mid x)}",
                             node)

    def placeholder_variable(self, name, info, groups, values, node):
        """The variable a `\\cdot` in a declared law's drawn slot stands for (`p_\\theta(\\cdot
        \\mid X)`, `q(\\cdot)`), or None when no argument is the dot. `groups` are the
        arguments before the bar, after it, after `;`. The dot must be the only argument
        before the bar, and stand for one variable: the family's own (a conditional family
        `q over z given x`), or the one variable of p not conditioned on (a joint over x, z
        conditioned on x). A dot anywhere else (the conditioning slot, beside another
        argument, a law over several variables left, p's value as a number) is refused."""
        if not any(_is_dot(a) for group in groups for a in group):
            return None
        if values or len(groups[0]) != 1 or not _is_dot(groups[0][0]) or \
                any(_is_dot(a) for a in groups[1] + groups[2]):
            raise self.error(f"{name.latex}(\\cdot …): the dot is read only as the drawn slot "
                             f"of a law (\\mathrm{{KL}}(q \\| {name.latex}(\\cdot \\mid x))): "
                             "write the variable", node)
        if info.given:
            left = tuple(info.over)
        else:
            named = {self.variable_node(a) for a in groups[1]} - {None}
            left = tuple(v for v in info.over if v not in named)
        if len(left) != 1:
            raise self.error(f"{name.latex}(\\cdot …): the dot stands for one variable, here "
                             f"{', '.join(v.latex for v in left) or 'none'} — write them", node)
        return left[0]

    def written_with_dot(self, node):
        """Whether a law argument is written with the placeholder (`p(\\cdot \\mid x)`):
        it is then at the conditioning value written, never averaged over it."""
        items = single(node).children if is_tree(single(node), "run") else []
        if len(items) != 2:
            return False
        bracket = self.piece(items[1])
        return isinstance(bracket, BracketPiece) and any(_is_dot(a) for a in bracket.args)

    def placeholder_filled(self, letter, law):
        """`p(\\cdot)`, `q(\\cdot \\mid x)` after `letter \\sim`: the law at the letter drawn."""
        run = single(law)
        if not (is_tree(run, "run") and len(run.children) == 2):
            return law
        script = run.children[1]
        if not is_tree(tailless(script), "bracketed"):
            return law
        args = script.children[0].children[1]
        if not (is_tree(args, "args") and is_token(single(args.children[0]), "MULOP") and
                single(args.children[0]).value == "\\cdot"):
            return law
        filled = copy.deepcopy(run)
        filled.children[1].children[0].children[1].children[0] = letter
        return filled


def _is_dot(node):
    """`\\cdot` written alone as an argument."""
    inner = single(node)
    return is_token(inner, "MULOP") and inner.value == "\\cdot"


def _spelled(reader, node):
    """A letter as written, primes included (x and x' are two draws)."""
    piece = reader.piece(single(node))
    return getattr(piece, "key", None), getattr(piece, "primes", 0)


def _tuple_letters(node):
    """`(x, y)` before `\\sim`: its letters; any other node: itself."""
    inner = one_item(node)
    if is_tree(inner, "bracketed") and str(inner.children[0]) == "(":
        args = inner.children[1]
        if all(is_token(s, "SEP") and s.value == "," for s in args.children[1::2]):
            return list(args.children[0::2])
    return [node]


def _law_factors(reader, items):
    """`p(x) q(y \\mid x)` as a subscript: its factors, each a declared law at its
    variables, or None when it is not such a product of two or more."""
    if len(items) != 1:
        return None
    run = single(items[0])
    if not is_tree(run, "run") or len(run.children) < 4 or len(run.children) % 2:
        return None
    pairs = [Tree("run", run.children[k:k + 2]) for k in range(0, len(run.children), 2)]
    for pair in pairs:
        try:
            bracket = reader.piece(pair.children[1])
        except Exception:          # noqa: BLE001 - not a bracket: not a product of laws
            return None
        if not isinstance(bracket, BracketPiece) or \
                reader.distribution_argument(pair, averaging=True) is None:
            return None
    return pairs

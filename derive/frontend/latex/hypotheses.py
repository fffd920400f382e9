"""Hypotheses written on a row (mixed into `Reader`).

* `H \\Rightarrow A = B = C`: the relations before `\\Rightarrow` (`p_g = p_{data}`,
  `t < 1`) are hypotheses of every step of the row; the steps claim to hold on the
  instances where they hold (`engines.hypotheses` says how each kind is used).
* `\\Rightarrow A \\le B` at the start of a row ("hence"): a new claim; the `\\Rightarrow`
  carries no hypothesis.
* `X \\sim \\mathcal{N}(\\mu, \\sigma^2) \\Rightarrow h(X) = …` (also `\\text{if } X \\sim …`
  beside a row, `x \\sim p`): X's law is that one for the row (`read_law`).
* A hypothesis that cannot be read is an error at its position, never dropped.
"""

from __future__ import annotations

from lark import Token

from derive.frontend.latex.pieces import BracketPiece, NamePiece, is_tree, single
from derive.model.derivation import Hypothesis, Relation
from derive.model.names import Kind
from derive.model.terms import Dens, Dist, Family, Sym
from derive.notation import families


class Hypotheses:
    """Splits a row's hypotheses off; mixed into `Reader`."""

    def split_hypotheses(self, children, text):
        """(the row's own children, its `Hypothesis` tuple)."""
        implies = [k for k, c in enumerate(children)
                   if is_tree(c, "rel") and c.children[0].type == "IMPLIES"]
        if not implies:
            return children, ()
        last = implies[-1]
        if last == 0:                              # `\Rightarrow A ≤ B`: hence
            self.hence = True
            return children[1:], ()
        if len(implies) > 1 or last + 1 >= len(children):
            raise self.error("a row reads H \\Rightarrow A = B", children[last])
        return children[last + 1:], self.read_hypotheses(children[:last], text)

    def read_hypotheses(self, children, text):
        """The relations `a R b R c …` before `\\Rightarrow`, one `Hypothesis` each."""
        if len(children) < 3 or is_tree(children[0], "rel"):
            raise self.error("a hypothesis is a relation, as in t < 1 \\Rightarrow …", children[0])
        out = []
        for left, rel, right in zip(children[0::2], children[1::2], children[2::2]):
            relation = self.relation(rel.children[0])
            if not isinstance(relation, Relation) or relation is Relation.PROPTO:
                # `A \\propto B` is read as a step only (`frontend.proportional`)
                raise self.error("a hypothesis is a relation (=, <, \\le, …)", rel)
            latex = " ".join(text[_span(left)[0]:_span(right)[1]].split())
            out.append(Hypothesis(relation, self.term(left), self.term(right), latex))
        return tuple(out)

    def read_law(self, text, at, start):
        """`X \\sim LAW` (`at`: the offset of `\\sim` in `text`): the premise that the random
        variable X (the capital of a declared variable x, or x itself) has the law LAW — a
        standard family written inline (`\\mathcal{N}(\\mu, \\sigma^2)`,
        `\\operatorname{Bern}(p)`, a plain `N(0, 1)` where N names nothing else) or a
        declared distribution over x. X's law is the one declared law over x alone:

        * declared by that very formula (or LAW is it): the premise restates it — one
          `Hypothesis` the engines find implied;
        * abstract (`density p over x`): `p(x) = LAW(x)`, a swap of p for LAW in the row
          (`engines.hypotheses`), as `p_g = p_{data}` is;
        * declared by another formula, several laws or none over x, a joint's marginal, a
          law over another variable: refused — one variable, one law.
        """
        variable, law, law_text, node = self.law_premise(text, at, start)
        if isinstance(law, Family):
            law = families.placed(law, variable, law_text)
        old = self._law_of(variable, law, law_text, node)
        if old is None:
            return ()
        point = (Sym(variable),)
        latex = " ".join(text.split())
        return (Hypothesis(Relation.EQ, Dens(Dist(old, (variable,)), point),
                           Dens(law, point), latex),)

    def law_premise(self, text, at, start):
        """(the variable x, the law — a `Family` fit for x, or a `Dist` over x alone —,
        the law as written, its node) of a premise `X \\sim LAW`; refused at its position
        when X is no declared variable's random variable or LAW no law of x."""
        left = self._parse(text[:at], start)
        if len(left.children) != 1:
            raise self.error("X \\sim LAW draws one random variable X", left.children[0])
        node = single(left.children[0])
        variable = self.variable_node(node)
        if variable is None:
            raise self.error("X \\sim LAW reads X as the random variable of a declared "
                             "variable x (its capital, or x itself): declare it "
                             "(% derive: variable x)", node)
        after = at + len("\\sim")
        right = self._parse(text[after:], start + after)
        if len(right.children) != 1:
            raise self.error("X \\sim LAW takes one law", right.children[0])
        law = self._plain_normal(right.children[0]) or \
            self.distribution_argument(right.children[0], averaging=True)
        law_text = " ".join(text[after:].split())
        if law is None:
            raise self.error("derive reads X \\sim LAW with LAW a standard family "
                             "(\\mathcal{N}(\\mu, \\sigma^2), \\mathrm{Bernoulli}(p), …) or a "
                             f"declared distribution over {variable.latex}; not {law_text}",
                             right.children[0])
        if isinstance(law, Family):
            problem = families.mismatch(law, variable, self.scope.context)
            if problem is not None:
                raise self.error(problem, right.children[0])
            try:
                law = families.for_variable(law, variable, self.scope.context)
            except ValueError as exc:
                raise self.error(str(exc), right.children[0]) from None
        elif law.given or tuple(law.over) != (variable,):
            raise self.error(f"{law_text} is not a law of {variable.latex} alone: X \\sim p "
                             f"takes a distribution over {variable.latex}", right.children[0])
        return variable, law, law_text, right.children[0]

    def _law_of(self, variable, law, law_text, node):
        """The declared law of `variable` that the premise `X \\sim law` speaks of, or None
        when `law` is it (nothing to assume); refused unless it is the one declared law
        over the variable alone, abstract or by the premise's own formula."""
        laws = [(n, d.info) for n, d in self.scope.table.items()
                if d.kind is Kind.DISTRIBUTION and not d.info.given and variable in d.info.over]
        alone = [(n, info) for n, info in laws if tuple(info.over) == (variable,)]
        if len(laws) != 1 or len(alone) != 1:
            which = ", ".join(n.latex for n, _ in laws) or "none"
            raise self.error(f"X \\sim {law_text} gives X the law of {variable.latex}, which "
                             f"must be one declared law over {variable.latex} alone (declared "
                             f"over it: {which}) — declare it (% derive: density p over "
                             f"{variable.latex}, or = {law_text})", node)
        name, info = alone[0]
        if isinstance(law, Dist) and law.name is name:
            return None
        family = families.inline(law)
        if info.formula is None and info.expression is None and info.law is None and \
                info.support is None:
            return name                                    # abstract: the premise says it
        if family is not None and info.family == family:
            return name                                    # restated: found implied
        raise self.error(f"{variable.latex}'s law is declared as {name.latex}, by its own "
                         f"formula: X \\sim {law_text} would give it another — one variable, "
                         "one law", node)

    def _plain_normal(self, node):
        """`N(0, 1)` after `\\sim` where N names nothing: the normal family, as
        `\\mathcal{N}(0, 1)` (a law is drawn from there, never a function N); else None."""
        node = single(node)
        items = node.children if is_tree(node, "run") else [node]
        if len(items) != 2 or not (is_tree(items[0], "script") or isinstance(items[0], Token)):
            return None
        first, bracket = self.piece(items[0]), self.piece(items[1])
        if not isinstance(first, NamePiece) or first.key != "N" or first.power is not None \
                or self.scope.lookup("N") is not None or not isinstance(bracket, BracketPiece):
            return None
        return self.family("\\mathcal{N}", bracket, items[0])[0]


def _span(node):
    return (node.meta.start_pos, node.meta.end_pos)

"""Hypotheses written on a row (mixed into `Reader`).

* `H \\Rightarrow A = B = C`: the relations before `\\Rightarrow` (`p_g = p_{data}`,
  `t < 1`) are hypotheses of every step of the row; the steps claim to hold on the
  instances where they hold (`engines.hypotheses` says how each kind is used).
* `\\Rightarrow A \\le B` at the start of a row ("hence"): a new claim; the `\\Rightarrow`
  carries no hypothesis.
* A hypothesis that cannot be read is an error at its position, never dropped.
"""

from __future__ import annotations

from derive.frontend.latex.pieces import is_tree
from derive.model.derivation import Hypothesis, Relation


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
            if not isinstance(relation, Relation):
                raise self.error("a hypothesis is a relation (=, <, \\le, …)", rel)
            latex = " ".join(text[_span(left)[0]:_span(right)[1]].split())
            out.append(Hypothesis(relation, self.term(left), self.term(right), latex))
        return tuple(out)


def _span(node):
    return (node.meta.start_pos, node.meta.end_pos)

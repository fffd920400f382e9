"""Hypothesis strategies: random trees, then statements of known truth built from them.

Every random choice is a hypothesis draw, so failures shrink and runs are reproducible.
Kinds of statement (`KINDS`):

- identity: a chain E0 = E1 (= E2), each side the previous one after 1–3 valid rewrites;
- identity mutant: one side, or one relation, of an identity edited once;
- bound: a true inequality (Gibbs, JS ≤ log 2, AM–GM, Jensen, …) with random
  ingredients, then moved (a term added to both sides, a positive factor, slack) and
  rewritten;
- bound mutant: a bound edited once;
- branch: a conditional identity (log of a product, root of a square, log of exp) on
  shapes that invite it, applied where its hypothesis holds (true) or fails (judged);
- fallacy: a statement people believe that is false for densities on the real line.

The `pool` says which symbols occur: "declared" (positive and real ones) or "complex"
(undeclared letters too). Mutants, branches and fallacies are judged by the evaluator.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from hypothesis import strategies as st

from .expr import (COMPLEX, DENSITIES, POSITIVE, REAL, SYMBOLS, Add, CrossEntropy, Dens, Div,
                   Entropy, Exp, Expect, Integral, JS, KL, Log, Mul, Neg, Num, Pow, Sqrt, Sym,
                   replace_at, size)
from .mutate import mutants, relation_mutants
from .rules import fallacies, inequality_facts, rewrites
from .statement import Statement, judge

POSITIVE_NUMBERS = tuple(Fraction(n) for n in ("1", "2", "3", "4", "1/2", "3/2", "1/4", "2/3",
                                                "5/2", "1/10"))
MAX_SIZE = 60                    # rewrites stop growing a side beyond this many nodes
KINDS = ("identity", "identity mutant", "bound", "bound mutant", "branch", "fallacy")
FLIP = {"<=": ">=", ">=": "<=", "<": ">", ">": "<"}


class Chooser:
    """Random choices, each one a hypothesis draw."""

    def __init__(self, draw):
        self.draw = draw

    def index(self, n):
        return self.draw(st.integers(0, n - 1)) if n > 1 else 0

    def choice(self, seq):
        seq = list(seq)
        return seq[self.index(len(seq))]

    def chance(self, percent):
        return self.draw(st.integers(0, 99)) < percent


class Trees:
    """Random expressions of a sort: "pos" (known positive), "real", or "any" (complex
    symbols allowed when the pool has them). `bound` allows densities at the bound x."""

    def __init__(self, c: Chooser, pool: str):
        self.c = c
        domains = (POSITIVE, REAL, COMPLEX) if pool == "complex" else (POSITIVE, REAL)
        self.syms = {d: [n for n, dom in SYMBOLS.items() if dom == d] for d in domains}

    def density(self):
        return self.c.choice(DENSITIES)

    def two_densities(self):
        p = self.density()
        return p, self.c.choice(d for d in DENSITIES if d != p)

    def leaf(self, sort, bound):
        options = [lambda: Num(self.c.choice(POSITIVE_NUMBERS)),
                   lambda: Sym(self.c.choice(self.syms[POSITIVE]))]
        if bound:
            options += [lambda: Dens(self.density())] * 2
        if sort in ("real", "any"):
            options.append(lambda: Sym(self.c.choice(self.syms[REAL])))
        if sort == "any" and COMPLEX in self.syms:
            options += [lambda: Sym(self.c.choice(self.syms[COMPLEX]))] * 2
        return self.c.choice(options)()

    def tree(self, sort="real", depth=2, bound=False, leaf_ok=True):
        if depth <= 0 or (leaf_ok and self.c.chance(25)):
            return self.leaf(sort, bound)
        sub = lambda s, b=bound: self.tree(s, depth - 1, b)
        pos = [lambda: Add((sub("pos"), sub("pos"))),
               lambda: Mul((sub("pos"), sub("pos"))),
               lambda: Div(sub("pos"), sub("pos")),
               lambda: Pow(sub("pos"), self.c.choice((-1, 2, 3))),
               lambda: Sqrt(sub("pos")),
               lambda: Exp(sub("real")),
               lambda: Expect(self.density(), sub("pos", True)),
               lambda: Integral(Mul((Dens(self.density()), sub("pos", True))))]
        real = [lambda: Add((sub("real"), sub("real"))),
                lambda: Mul((sub("real"), sub("real"))),
                lambda: Add((sub("real"), Neg(sub("real")))),
                lambda: Div(sub("real"), sub("pos")),
                lambda: Pow(sub("real"), 2),
                lambda: Log(sub("pos")),
                lambda: Log(sub("pos"), 2),
                lambda: KL(*self.two_densities()),
                lambda: JS(*self.two_densities()),
                lambda: Entropy(self.density()),
                lambda: CrossEntropy(*self.two_densities()),
                lambda: Expect(self.density(), sub("real", True)),
                lambda: Expect(self.density(), Log(sub("pos", True)))]
        anything = [lambda: Add((sub("any"), sub("any"))),
                    lambda: Mul((sub("any"), sub("any"))),
                    lambda: Neg(sub("any")),
                    lambda: Pow(sub("any"), 2),
                    lambda: Log(sub("any")),
                    lambda: Sqrt(sub("any")),
                    lambda: Exp(sub("any")),
                    lambda: Div(sub("any"), sub("pos"))]
        options = {"pos": pos, "real": real + pos, "any": anything + real}[sort]
        return self.c.choice(options)()

    def pointwise(self, sort):
        """A function of the bound x that involves a density."""
        return self.c.choice([lambda: Dens(self.density()),
                              lambda: Mul((Dens(self.density()), self.tree(sort, 1, True))),
                              lambda: self.tree(sort, 2, True)])()

    def scalar(self, sort, depth=1):
        return self.tree(sort, depth, False)

    def unsigned(self):
        """A scalar not known to be positive: where conditional identities can fail."""
        options = [lambda: Sym(self.c.choice(self.syms[REAL])),
                   lambda: Neg(self.leaf("pos", False)),
                   lambda: Add((Sym(self.c.choice(self.syms[REAL])), Num(self.c.choice(POSITIVE_NUMBERS)))),
                   lambda: Log(self.leaf("pos", False))]
        if COMPLEX in self.syms:
            options += [lambda: Sym(self.c.choice(self.syms[COMPLEX]))] * 3
        return self.c.choice(options)()


def rewrite(c: Chooser, node, steps, history):
    """`node` after `steps` valid rewrites, each a rule drawn among those that apply."""
    for _ in range(steps):
        options = [o for o in rewrites(node) if size(replace_at(node, o[1], o[2])) <= MAX_SIZE]
        if not options:
            break
        name = c.choice(sorted({o[0] for o in options}))
        _, path, new = c.choice([o for o in options if o[0] == name])
        history.append(f"{name} at {path}")
        node = replace_at(node, path, new)
    return node


def mutate(c: Chooser, node, history):
    """`node` after one edit, drawn by kind of edit first; None when nothing applies."""
    options = mutants(node)
    if not options:
        return None
    name = c.choice(sorted({o[0] for o in options}))
    _, path, new = c.choice([o for o in options if o[0] == name])
    history.append(f"edit: {name} at {path}")
    return replace_at(node, path, new)


def identity(c, trees):
    history = []
    sort = "any" if COMPLEX in trees.syms and c.chance(70) else "real"
    sides = [trees.tree(sort, c.choice((2, 3)), leaf_ok=False)]
    for _ in range(c.choice((1, 1, 2))):
        sides.append(rewrite(c, sides[-1], c.choice((1, 2, 3)), history))
    return sides, ["="] * (len(sides) - 1), history


def build_identity(c, trees):
    sides, rels, history = identity(c, trees)
    return judge(sides, rels, [True] * len(rels), "identity", history)


def edit_chain(c, sides, rels, constructed, history, relation_percent):
    """One edit of a chain, in place: of a relation, or of one side; the steps it touches
    are no longer known true (the evaluator judges them)."""
    if c.chance(relation_percent):
        i = c.index(len(rels))
        new = c.choice(relation_mutants(rels[i]))
        history.append(f"relation of step {i + 1}: {rels[i]} to {new}")
        rels[i], constructed[i] = new, False
        return
    j = c.index(len(sides))
    edited = mutate(c, sides[j], history)
    if edited is not None:
        sides[j] = edited
        for i in (j - 1, j):
            if 0 <= i < len(rels):
                constructed[i] = False


def build_identity_mutant(c, trees):
    sides, rels, history = identity(c, trees)
    constructed = [True] * len(rels)
    edit_chain(c, sides, rels, constructed, history, relation_percent=15)
    return judge(sides, rels, constructed, "identity mutant", history)


def bound(c, trees, sort="real"):
    """(sides, relations, constructed, history): a bound, moved and rewritten, perhaps
    continued by `= rewritten right side`; the bound is constructed true when its
    hypotheses are shown for the ingredients drawn (always, for sort "real")."""
    p, q = trees.two_densities()
    pos_sort = "pos" if sort == "real" else "any"
    facts = inequality_facts(p, q, trees.scalar(sort), trees.scalar(sort),
                             trees.scalar(pos_sort), trees.scalar(pos_sort),
                             trees.pointwise(pos_sort), trees.pointwise(sort))
    name, lhs, rel, rhs, holds = c.choice(facts)
    history = [f"bound: {name}" + ("" if holds else " (hypotheses not shown)")]
    for _ in range(c.choice((0, 1, 2))):
        move = c.choice(("add", "scale", "slack", "swap", "rewrite"))
        if move == "add":
            extra = trees.scalar("real")
            lhs, rhs = Add((lhs, extra)), Add((rhs, extra))
        elif move == "scale":
            factor = c.choice((Num(Fraction(2)), Num(Fraction(1, 2)), Sym("a"), Exp(Sym("s"))))
            lhs, rhs = Mul((factor, lhs)), Mul((factor, rhs))
        elif move == "slack" and rel in ("<=", ">="):
            slack = c.choice((Num(Fraction(1)), Sym("b"), Num(Fraction(1, 10))))
            if rel == "<=":
                rel, rhs = "<", Add((rhs, slack))
            else:
                rel, lhs = ">", Add((lhs, slack))
        elif move == "swap":
            lhs, rel, rhs = rhs, FLIP[rel], lhs
        else:
            if c.chance(50):
                lhs = rewrite(c, lhs, c.choice((1, 2)), history)
            else:
                rhs = rewrite(c, rhs, c.choice((1, 2)), history)
            continue
        history.append(f"move: {move}")
    if rel in ("<", ">") and c.chance(20):
        rel = "!="
        history.append("strict bound read as !=")
    sides, rels, constructed = [lhs, rhs], [rel], [holds]
    if c.chance(30):                                     # continue the chain: … = rewritten
        sides.append(rewrite(c, rhs, c.choice((1, 2)), history))
        rels.append("=")
        constructed.append(True)
    return sides, rels, constructed, history


def build_bound(c, trees):
    complex_ = COMPLEX in trees.syms and c.chance(40)
    sides, rels, constructed, history = bound(c, trees, "any" if complex_ else "real")
    return judge(sides, rels, constructed, "bound over complex" if complex_ else "bound",
                 history)


def build_bound_mutant(c, trees):
    sides, rels, constructed, history = bound(c, trees)
    edit_chain(c, sides, rels, constructed, history, relation_percent=35)
    return judge(sides, rels, constructed, "bound mutant", history)


def build_branch(c, trees):
    """A conditional identity on a shape that invites it, applied rightly or wrongly."""
    sort = "any" if COMPLEX in trees.syms else "real"
    pick = lambda: trees.unsigned() if c.chance(70) else trees.scalar(sort, c.choice((0, 1)))
    x, y = pick(), pick()
    shape = c.choice([Log(Mul((x, y))), Log(Div(x, y)), Log(Pow(x, c.choice((2, 3, -1)))),
                      Sqrt(Mul((x, y))), Sqrt(Pow(x, 2)), Log(Exp(x)), Exp(Log(x)),
                      Add((Log(x), Log(y))), Log(Sqrt(x))])
    if c.chance(30):
        shape = Add((shape, trees.scalar("real")))
    history = []
    conditional = ("log_product", "log_quotient", "log_power", "exp_log", "roots")
    unsafe = rewrites(shape, safe=False)
    safe = not unsafe or c.chance(50)
    options = unsafe if not safe else (
        [o for o in rewrites(shape) if o[0] in conditional] or rewrites(shape))
    name, path, new = c.choice(options)
    history.append(f"{'' if safe else 'unsafe '}{name} at {path}")
    return judge([shape, replace_at(shape, path, new)], ["="], [safe], "branch", history)


def build_fallacy(c, trees):
    p, q = trees.two_densities()
    name, lhs, rel, rhs = c.choice(fallacies(p, q, trees.scalar("pos", 0), trees.scalar("real", 0)))
    history = [f"fallacy: {name}"]
    if c.chance(40):
        lhs = rewrite(c, lhs, 1, history)
    return judge([lhs, rhs], [rel], [False], "fallacy", history)


BUILDERS = {"identity": build_identity, "identity mutant": build_identity_mutant,
            "bound": build_bound, "bound mutant": build_bound_mutant,
            "branch": build_branch, "fallacy": build_fallacy}


@dataclass(frozen=True)
class Case:
    statement: Statement
    text: str                    # the .tex file

    def __repr__(self):          # what hypothesis prints for a failing example: the file
        return f"Case({self.statement.kind}, truths={self.statement.truths}, text=\n{self.text})"

    def _repr_pretty_(self, printer, cycle):
        printer.text(repr(self))


@st.composite
def statements(draw, pool=None, kinds=KINDS):
    c = Chooser(draw)
    pool = pool or c.choice(("declared", "declared", "complex"))
    kind = c.choice(kinds)
    return BUILDERS[kind](c, Trees(c, pool))


@st.composite
def cases(draw, pool=None, kinds=KINDS):
    """A statement and its file, rendered in spellings drawn by hypothesis."""
    statement = draw(statements(pool, kinds))
    rng = draw(st.randoms(use_true_random=False))
    return Case(statement, statement.tex(rng))


@st.composite
def discrete_cases(draw):
    """A statement about one joint mass function of (x, y) — sums, marginals, conditionals,
    entropies — and its file (see `discrete`)."""
    from . import discrete
    rng = draw(st.randoms(use_true_random=False))
    built = discrete.build(rng)
    statement = Statement(built.sides, (built.relation,), (built.truth,), built.kind,
                          built.history, (built.witness,))
    return Case(statement, discrete.tex(built, rng))

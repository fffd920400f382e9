"""The operator registry: each operator of probability notation is one entry.

An entry holds the operator's LaTeX spellings (as canonical name keys, see
`frontend.latex.names`), the kinds and separators of its arguments, its meaning (a term
built from the arguments: an integral over the support of the first distribution), its
plain-text printer and the lemmas it carries. The reader, the engines and the reports all
consult it: adding an operator is adding an entry here (and its README row and tests).

Arguments are distribution terms (`Dist`, `Family`). Meanings integrate over fresh bound
copies of the distributions' variables, with respect to each variable's base measure (an
`Integral` without limits over a discrete variable is its sum), so an expansion never
captures a name of the step it sits in.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from derive.model.names import Declaration, Domain, Kind, Name
from derive.model.terms import (
    HALF, TWO, Add, Dens, Dist, Family, Integral, Mul, Num, Sym, log, neg, sub,
)


@dataclass(frozen=True)
class Lemma:
    """A named fact `lower ≤ op(args) ≤ upper` (either side may be None). `applies`
    says whether its hypotheses hold for these arguments: it is used nowhere else."""

    name: str
    lower: object                  # args ↦ term, or None
    upper: object                  # args ↦ term, or None
    applies: object                # (args) ↦ bool


@dataclass(frozen=True)
class Operator:
    key: str                       # the Op term's key
    title: str
    spellings: tuple               # canonical name keys (fonts stripped): "D_{KL}", "KL", …
    arity: int
    separators: frozenset          # what may separate the arguments: "\\|", ","
    meaning: object                # (args) ↦ term
    show: object                   # (argument texts) ↦ plain text
    lemmas: tuple = ()


# ---------------------------------------------------------------------------- meanings

def bound_copy(variable: Name) -> Name:
    """A fresh bound variable that ranges like `variable`."""
    if variable.local is not None:
        return Name(variable.latex, local=variable.local)
    return Name(variable.latex, origin=variable.variable)


def _over(dist):
    """The variables a distribution argument ranges over: a family written inline ranges
    over one real variable of its own."""
    if isinstance(dist, Family):
        return (Name("x", local=_LINE),)
    return dist.over


_LINE = Declaration(Kind.VARIABLE, Domain.REAL)


def _same_space(args):
    """All arguments are distributions over the same variables, with the same conditioning."""
    first = args[0]
    return all(isinstance(a, Dist) for a in args) and all(
        tuple(v.variable for v in a.over) == tuple(v.variable for v in first.over) and
        a.cond == first.cond for a in args)


def _kl(args):
    p, q = args
    points = tuple(bound_copy(v) for v in _over(p))
    return _integrate(points, lambda at: Mul(Dens(p, at), sub(log(Dens(p, at)), log(Dens(q, at)))))


def _js(args):
    p, q = args
    points = tuple(bound_copy(v) for v in _over(p))

    def integrand(at):
        a, b = Dens(p, at), Dens(q, at)
        m = Mul(HALF, Add(a, b))
        return Mul(HALF, Add(Mul(a, sub(log(a), log(m))), Mul(b, sub(log(b), log(m)))))
    return _integrate(points, integrand)


def _entropy(args):
    (p,) = args
    points = tuple(bound_copy(v) for v in _over(p))
    return _integrate(points, lambda at: neg(Mul(Dens(p, at), log(Dens(p, at)))))


def _cross_entropy(args):
    p, q = args
    points = tuple(bound_copy(v) for v in _over(p))
    return _integrate(points, lambda at: neg(Mul(Dens(p, at), log(Dens(q, at)))))


def _integrate(points, integrand):
    value = integrand(tuple(Sym(p) for p in points))
    for p in reversed(points):
        value = Integral(p, value)
    return value


LOG2 = log(TWO)

OPERATORS = (
    Operator("KL", "Kullback–Leibler divergence",
             ("D_{KL}", "KL", "D"), 2, frozenset({r"\|", ","}), _kl,
             lambda t: f"KL({t[0]} ‖ {t[1]})",
             (Lemma("Gibbs' inequality (KL ≥ 0)", lambda a: Num(0), None, _same_space),)),
    Operator("JS", "Jensen–Shannon divergence",
             ("D_{JS}", "JS", "JSD", "D_{JSD}"), 2, frozenset({r"\|", ","}), _js,
             lambda t: f"JS({t[0]} ‖ {t[1]})",
             (Lemma("JS is non-negative", lambda a: Num(0), None, _same_space),
              Lemma("JS upper bound (JS ≤ log 2)", None, lambda a: LOG2, _same_space))),
    Operator("H", "entropy", ("H",), 1, frozenset(), _entropy, lambda t: f"H({t[0]})"),
    Operator("CE", "cross-entropy", ("H",), 2, frozenset({","}), _cross_entropy,
             lambda t: f"H({t[0]}, {t[1]})"),
)

BY_KEY = {op.key: op for op in OPERATORS}


def lookup(spelling, arity):
    """The operator spelled `spelling` (a canonical name key) taking `arity` arguments."""
    for op in OPERATORS:
        if spelling in op.spellings and op.arity == arity:
            return op
    return None


def spelled(spelling):
    """Whether any operator is spelled so (whatever its arity)."""
    return any(spelling in op.spellings for op in OPERATORS)


def meaning(op_term):
    """The term an `Op` stands for (remembered per term, so its bound variables are
    created once)."""
    found = _MEANINGS.get(op_term)
    if found is None:
        found = _MEANINGS[op_term] = BY_KEY[op_term.key].meaning(op_term.arguments)
    return found


_MEANINGS = weakref.WeakKeyDictionary()

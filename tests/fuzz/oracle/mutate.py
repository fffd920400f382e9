"""Single-edit mutants: the slips of a derivation, one edit at one position.

A mutant is only a *candidate*: whether it is false is decided by the evaluator, never
assumed (swapping the arguments of JS, for one, changes nothing). Each editor maps a
node to its edited versions; `mutants` lists every (edit name, path, replacement) in a
tree, and `relation_mutants` the edits of a step's relation.
"""

from __future__ import annotations

from .expr import (DENSITIES, Add, CrossEntropy, Dens, Div, Entropy, Exp, Expect, JS, KL, Log,
                   Mul, Neg, Num, Pow, Sqrt, free_densities, positions)
from .rules import rewrites

EDITS = []


def edit(fn):
    EDITS.append(fn)
    return fn


@edit
def flip_sign(n):
    if isinstance(n, Neg):
        return [n.arg]
    if isinstance(n, Add):
        return [Add(n.terms[:i] + ((t.arg if isinstance(t, Neg) else Neg(t)),) + n.terms[i + 1:])
                for i, t in enumerate(n.terms)]
    return [Neg(n)] if isinstance(n, (KL, JS, Entropy, CrossEntropy, Log, Expect)) else []


@edit
def swap_arguments(n):
    if isinstance(n, (KL, JS, CrossEntropy)):
        return [type(n)(n.q, n.p)]
    if isinstance(n, Div):
        return [Div(n.den, n.num)]
    return []


@edit
def change_coefficient(n):
    if isinstance(n, Num):
        v = n.value
        return [Num(v + 1), Num(2 * v)] + ([Num(v / 2)] if v else [])
    if isinstance(n, Pow):
        return [Pow(n.base, n.exp + 1)]
    return []


@edit
def drop_term(n):
    if isinstance(n, Add):
        out = []
        for i in range(len(n.terms)):
            rest = n.terms[:i] + n.terms[i + 1:]
            out.append(rest[0] if len(rest) == 1 else Add(rest))
        return out
    if isinstance(n, Mul):
        return [n.factors[1] if len(n.factors) == 2 else Mul(n.factors[1:])]
    return []


def _other(name):
    return [d for d in DENSITIES if d != name]


@edit
def rename_density(n):
    if isinstance(n, Dens):
        return [Dens(d) for d in _other(n.name)]
    if isinstance(n, Expect):
        return [Expect(d, n.body) for d in _other(n.dens)]
    if isinstance(n, (KL, JS, CrossEntropy)):
        return [type(n)(d, n.q) for d in _other(n.p)] + [type(n)(n.p, d) for d in _other(n.q)]
    if isinstance(n, Entropy):
        return [Entropy(d) for d in _other(n.p)]
    return []


@edit
def change_log_base(n):
    if isinstance(n, Log):
        return [Log(n.arg, 2)] if n.base is None else [Log(n.arg)]
    return []


@edit
def wrong_log_law(n):
    """Moving a factor out of a log, or splitting a log of a sum or of a quotient, wrongly."""
    if isinstance(n, Log) and n.base is None:
        a = n.arg
        if isinstance(a, Mul):
            return [Mul((a.factors[0], Log(Mul(a.factors[1:]) if len(a.factors) > 2 else a.factors[1])))]
        if isinstance(a, Add):
            return [Add(tuple(Log(t) for t in a.terms))]
        if isinstance(a, Div):
            return [Div(Log(a.num), Log(a.den))]
    if isinstance(n, Mul) and len(n.factors) == 2 and isinstance(n.factors[1], Log):
        return [Log(Mul((n.factors[0], n.factors[1].arg)))]
    return []


@edit
def wrong_distribution(n):
    """exp, sqrt and squares distributed over sums; E over products; log and E swapped."""
    if isinstance(n, Exp) and isinstance(n.arg, (Add, Mul)):
        parts = tuple(Exp(t) for t in n.arg.children())
        return [Add(parts) if isinstance(n.arg, Add) else Mul(parts)]
    if isinstance(n, Sqrt) and isinstance(n.arg, Add):
        return [Add(tuple(Sqrt(t) for t in n.arg.terms))]
    if isinstance(n, Pow) and n.exp == 2 and isinstance(n.base, Add):
        return [Add(tuple(Pow(t, 2) for t in n.base.terms))]
    if isinstance(n, Expect) and isinstance(n.body, Mul):
        return [Mul(tuple(Expect(n.dens, f) for f in n.body.factors))]
    if isinstance(n, Log) and isinstance(n.arg, Expect):
        return [Expect(n.arg.dens, Log(n.arg.body))]
    if isinstance(n, Expect) and isinstance(n.body, Log):
        return [Log(Expect(n.dens, n.body.arg))]
    return []


def mutants(node):
    """Every single edit of `node`: (name, path, replacement), including the conditional
    identities applied where their hypothesis fails."""
    out = []
    for path, sub, bound in positions(node):
        for fn in EDITS:
            for new in fn(sub):
                if new != sub and (bound or not free_densities(new)):
                    out.append((fn.__name__, path, new))
    out += [("unsafe " + name, path, new) for name, path, new in rewrites(node, safe=False)]
    return out


RELATION_EDITS = {"<=": (">=", "<", "!="), ">=": ("<=", ">", "!="), "<": (">", "<="), ">": ("<", ">="),
                  "=": ("!=",), "!=": ("=",)}


def relation_mutants(rel):
    return list(RELATION_EDITS[rel])


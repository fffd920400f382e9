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

from derive.model.names import Name
from derive.notation import families
from derive.model.terms import (
    HALF, TWO, Add, Dens, Dist, Family, Fn, Integral, Mul, Num, Pow, Sym, div, log, neg, sub,
    substitute,
)


@dataclass(frozen=True)
class Lemma:
    """A named fact `lower ≤ op(args) ≤ upper` (either side may be None). `applies`
    says whether its hypotheses hold for these arguments under a step's context (which
    says which variables are discrete, over which finite sets): it is used nowhere else."""

    name: str
    lower: object                  # (args, context) ↦ term, or None
    upper: object                  # (args, context) ↦ term, or None
    applies: object                # (args, context) ↦ bool


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
    takes: str = "distributions"   # or "variables": H(X | Y), I(X; Y) of random variables,
                                   # whose arguments are marginals Dist(p, X) of one joint


# ---------------------------------------------------------------------------- meanings

def bound_copy(variable: Name) -> Name:
    """A fresh bound variable that ranges like `variable`."""
    if variable.local is not None:
        return Name(variable.latex, local=variable.local)
    return Name(variable.latex, origin=variable.variable)


def _over(dist):
    """The variables a distribution argument ranges over: a family written inline ranges
    over one variable of its own (real, or discrete for a mass function)."""
    if isinstance(dist, Family):
        return (Name("x", local=families.own_variable(dist)),)
    return dist.over


def _same_space(args, context=None):
    """All arguments are distributions over the same variables. A conditional `p(z | x)` at
    any value of x is a distribution over z (normalised for each x), so Gibbs' inequality
    `KL(q ‖ p(z | x)) ≥ 0` holds whatever the conditioning of either argument."""
    first = args[0]
    return all(isinstance(a, Dist) for a in args) and all(
        tuple(v.variable for v in a.over) == tuple(v.variable for v in first.over)
        for a in args)


def _kl(args):
    p, q = args
    points = tuple(bound_copy(v) for v in _over(p))
    return _integrate(points, lambda at: Mul(Dens(p, at), sub(log(Dens(p, at)), log(Dens(q, at)))))


def kl_against(q, f, bits):
    """∫ q log(q / f) over q's variables, for `f(points)` a positive function of them that
    need not integrate to 1 (a joint density at the free values of its other variables:
    `D_{KL}(q(z) \\| p(x, z))`, the ELBO's −KL). Not the KL of two distributions, so it is
    this integral and never an `Op`: no lemma of KL (≥ 0, = 0 for equal arguments) and no
    rule of divergences applies to it — only what holds of the integral as written."""
    points = tuple(bound_copy(v) for v in q.over)

    def integrand(at):
        value = Dens(q, at)
        return Mul(value, sub(log(value), log(f(dict(zip((v.variable for v in q.over), at))))))
    value = _integrate(points, integrand)
    return div(value, LOG2) if bits else value


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


def _pearson(args):
    """χ²(P ‖ Q) = ∫ (p − q)² / q (f-divergence of f(u) = (u − 1)²)."""
    p, q = args
    points = tuple(bound_copy(v) for v in _over(p))
    return _integrate(points, lambda at: Mul(Pow(sub(Dens(p, at), Dens(q, at)), TWO),
                                             Pow(Dens(q, at), Num(-1))))


def _neyman(args):
    """Neyman's χ²(P ‖ Q) = ∫ (q − p)² / p (f(u) = (1 − u)² / u)."""
    p, q = args
    return _pearson((q, p))


def _total_variation(args):
    """TV(P, Q) = ½ ∫ |p − q|."""
    p, q = args
    points = tuple(bound_copy(v) for v in _over(p))
    return _integrate(points, lambda at: Mul(HALF, Fn("abs", sub(Dens(p, at), Dens(q, at)))))


def _hellinger(args):
    """H²(P, Q) = ½ ∫ (√p − √q)², the squared Hellinger distance."""
    p, q = args
    points = tuple(bound_copy(v) for v in _over(p))
    return _integrate(points, lambda at: Mul(HALF, Pow(sub(Pow(Dens(p, at), HALF),
                                                           Pow(Dens(q, at), HALF)), TWO)))


def _f_divergence(args):
    """D_f(P ‖ Q) = ∫ q f(p / q); the arguments are P, Q, f(u) and u."""
    p, q, f, u = args
    points = tuple(bound_copy(v) for v in _over(p))
    return _integrate(points, lambda at: Mul(Dens(q, at), substitute(
        f, {u.name: Mul(Dens(p, at), Pow(Dens(q, at), Num(-1)))})))


def _union(*dists):
    """The marginal of the joint on the union of the arguments' variables, in order."""
    variables = []
    for d in dists:
        variables += [v for v in d.over if v not in variables]
    return Dist(dists[0].name, tuple(variables), (), (), dists[0].params)


def _conditional_entropy(args):
    """H(A | B) = -∫∫ p(a, b) log p(a | b) = H(A, B) - H(B)."""
    a, b = args
    return sub(_entropy((_union(a, b),)), _entropy((b,)))


def _mutual_information(args):
    """I(A; B) = H(A) + H(B) - H(A, B) (the KL of the joint and the product of marginals)."""
    a, b = args
    return sub(Add(_entropy((a,)), _entropy((b,))), _entropy((_union(a, b),)))


def _conditional_mutual_information(args):
    """I(A; B | C) = H(A, C) + H(B, C) - H(A, B, C) - H(C)."""
    a, b, c = args
    return sub(Add(_entropy((_union(a, c),)), _entropy((_union(b, c),))),
               Add(_entropy((_union(a, b, c),)), _entropy((c,))))


def _discrete(args, context):
    """Every variable of the arguments is discrete (entropies are then ≥ 0)."""
    return all(isinstance(a, Dist) and a.over and all(
        getattr(context.info(v.variable), "discrete", False) for v in a.over) for a in args)


def _one_joint(args, context=None):
    """Marginals of one joint, over variables that do not overlap."""
    if not all(isinstance(a, Dist) and not a.given for a in args):
        return False
    seen = [v for a in args for v in a.over]
    return len({a.name for a in args}) == 1 and len(seen) == len(set(seen))


def _log_range_size(args, context):
    """log |𝒳| (the product of the ranges' sizes, for a joint)."""
    total = Num(0)
    for v in args[0].over:
        support = context.info(v.variable).support
        total = Add(total, log(Sym(context.info(support).size)))
    return total


def _finite_ranges(args, context):
    """The first argument's variables are discrete with declared ranges: a conditional
    `p(y | x)` at any x is a mass function on the range of y as much as a marginal is."""
    return _discrete(args, context) and all(
        context.info(v.variable).support is not None for v in args[0].over)


def _integrate(points, integrand):
    value = integrand(tuple(Sym(p) for p in points))
    for p in reversed(points):
        value = Integral(p, value)
    return value


LOG2 = log(TWO)

OPERATORS = (
    Operator("KL", "Kullback–Leibler divergence",
             ("D_{KL}", "KL", "D", "D_{e}", r"\mathcal{D}_{KL}", r"\mathbb{D}_{KL}",
              r"\mathfrak{D}_{KL}", r"\mathbb{KL}",
              r"\mathcal{KL}"), 2, frozenset({r"\|", ","}), _kl,
             lambda t: f"KL({t[0]} ‖ {t[1]})",
             (Lemma("Gibbs' inequality (KL ≥ 0)", lambda a, c: Num(0), None, _same_space),)),
    Operator("JS", "Jensen–Shannon divergence",
             ("D_{JS}", "JS", "JSD", "D_{JSD}"), 2, frozenset({r"\|", ","}), _js,
             lambda t: f"JS({t[0]} ‖ {t[1]})",
             (Lemma("JS is non-negative", lambda a, c: Num(0), None, _same_space),
              Lemma("JS upper bound (JS ≤ log 2)", None, lambda a, c: LOG2, _same_space))),
    Operator("H", "entropy", ("H", "h"), 1, frozenset(), _entropy, lambda t: f"H({t[0]})",
             (Lemma("entropy of a mass function is ≥ 0", lambda a, c: Num(0), None, _discrete),
              Lemma("entropy is at most log of the range's size (H ≤ log |𝒳|)", None,
                    _log_range_size, _finite_ranges))),
    Operator("Df", "f-divergence", ("D_{f}",), 4, frozenset({r"\|"}), _f_divergence,
             lambda t: f"D_{{{t[2].split('(')[0]}}}({t[0]} ‖ {t[1]})", takes="function"),
    Operator("Pearson", "Pearson χ² divergence (f(u) = (u − 1)²)",
             (r"\chi^{2}", r"\chi_{Pearson}^{2}", r"\chi_{P}^{2}", r"D_{\chi^{2}}", "D_{Pearson}"),
             2, frozenset({r"\|"}), _pearson, lambda t: f"χ²({t[0]} ‖ {t[1]})",
             (Lemma("χ² is non-negative", lambda a, c: Num(0), None, _same_space),)),
    Operator("Neyman", "Neyman χ² divergence (f(u) = (1 − u)²/u)",
             (r"\chi_{Neyman}^{2}", r"\chi_{N}^{2}", "D_{Neyman}"), 2, frozenset({r"\|"}),
             _neyman,
             lambda t: f"χ²_Neyman({t[0]} ‖ {t[1]})",
             (Lemma("χ² is non-negative", lambda a, c: Num(0), None, _same_space),)),
    Operator("TV", "total variation distance", ("TV", "D_{TV}", "d_{TV}", r"\delta_{TV}"), 2,
             frozenset({",", r"\|"}),
             _total_variation, lambda t: f"TV({t[0]}, {t[1]})",
             (Lemma("total variation is non-negative", lambda a, c: Num(0), None, _same_space),
              Lemma("total variation is at most 1", None, lambda a, c: Num(1), _same_space))),
    Operator("Hellinger", "squared Hellinger distance", ("D_{H}",), 2, frozenset({",", r"\|"}),
             _hellinger, lambda t: f"H²({t[0]}, {t[1]})",
             (Lemma("the squared Hellinger distance is non-negative", lambda a, c: Num(0), None,
                    _same_space),
              Lemma("the squared Hellinger distance is at most 1", None, lambda a, c: Num(1),
                    _same_space))),
    Operator("HX", "entropy of random variables", ("H", "h"), 1, frozenset(), _entropy,
             lambda t: f"H({t[0]})",
             (Lemma("entropy of discrete random variables is ≥ 0", lambda a, c: Num(0), None,
                    _discrete),
              Lemma("entropy is at most log of the range's size (H(X) ≤ log |𝒳|)", None,
                    _log_range_size, _finite_ranges)), takes="variables"),
    Operator("CE", "cross-entropy", ("H",), 2, frozenset({","}), _cross_entropy,
             lambda t: f"H({t[0]}, {t[1]})",
             (Lemma("cross-entropy of mass functions is ≥ 0 (q ≤ 1)", lambda a, c: Num(0), None,
                    lambda a, c: _same_space(a) and _discrete(a, c)),)),
    Operator("CH", "conditional entropy", ("H", "h"), 2, frozenset({"|"}), _conditional_entropy,
             lambda t: f"H({t[0]} | {t[1]})",
             (Lemma("conditional entropy of mass functions is ≥ 0", lambda a, c: Num(0), None,
                    lambda a, c: _one_joint(a) and _discrete(a, c)),
              Lemma("conditional entropy is at most log of the range's size "
                    "(H(Y | X) ≤ H(Y) ≤ log |𝒴|)", None, _log_range_size,
                    lambda a, c: _one_joint(a) and _finite_ranges(a, c))), takes="variables"),
    Operator("MI", "mutual information", ("I",), 2, frozenset({";", ","}), _mutual_information,
             lambda t: f"I({t[0]}; {t[1]})",
             (Lemma("mutual information is ≥ 0", lambda a, c: Num(0), None, _one_joint),
              Lemma("mutual information is at most the entropy (I(X;Y) ≤ H(X))", None,
                    lambda a, c: _entropy(a[:1]), lambda a, c: _one_joint(a) and _discrete(a, c))),
             takes="variables"),
    Operator("CMI", "conditional mutual information", ("I",), 3, frozenset({";", "|"}),
             _conditional_mutual_information, lambda t: f"I({t[0]}; {t[1]} | {t[2]})",
             (Lemma("conditional mutual information is ≥ 0", lambda a, c: Num(0), None,
                    _one_joint),), takes="variables"),
)

# The information quantities: their logarithms are natural (nats). After `% derive:
# information in bits` each is read as its value in bits — an entry of its own
# (`in_units`), the value in nats over log 2, its lemmas' bounds scaled alike (KL ≥ 0,
# JS ≤ 1, H ≤ log |𝒳| / log 2) — so a file stating Cover & Thomas's `H(X) = -\sum p \log_2 p`
# means what it says. A bare `\log` stays natural either way.
INFORMATION = ("KL", "JS", "H", "HX", "CE", "CH", "MI", "CMI")
BITS = "@bits"


def _in_bits(op):
    def scaled(bound):
        return None if bound is None else (lambda a, c: div(bound(a, c), LOG2))

    def show(t):
        return op.show(t).replace("(", "_bits(", 1)
    return Operator(op.key + BITS, op.title + " in bits", (), op.arity, op.separators,
                    lambda args: div(op.meaning(args), LOG2), show,
                    tuple(Lemma(f"{lemma.name}, in bits", scaled(lemma.lower),
                                scaled(lemma.upper), lemma.applies) for lemma in op.lemmas),
                    op.takes)


OPERATORS += tuple(_in_bits(op) for op in OPERATORS if op.key in INFORMATION)
BY_KEY = {op.key: op for op in OPERATORS}


# Spellings that name their unit: `D_e(P \| Q)`, relative entropy in nats (the log's base e
# as a subscript, beside Cover & Thomas's D in bits). Read as KL in nats; in a file whose
# information is in bits the reader refuses them, never scaling them silently.
IN_NATS = frozenset({"D_{e}"})


def in_units(key, bits):
    """The key of operator `key` read in bits when `bits` (an information quantity), else
    `key` itself."""
    return key + BITS if bits and key in INFORMATION else key

# Spellings that also name ordinary functions (a discriminator D(x), a function h(u)): they
# read as the operator only when their arguments are distributions or random variables
# (Cover & Thomas's KL D(p‖q), differential entropy h(f), h(X), h(X|Y)).
FUNCTION_LIKE = frozenset({"D", "h"})


def lookup(spelling, arity, takes="distributions"):
    """The operator spelled `spelling` (a canonical name key) taking `arity` arguments of
    a kind (distributions, or random variables)."""
    for op in OPERATORS:
        if spelling in op.spellings and op.arity == arity and op.takes == takes:
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

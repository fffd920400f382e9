"""Valid identities (true rewrites) and true inequalities, on the oracle's trees.

A rule maps one node to its rewritings that are equal to it for every allowed value.
Conditional identities (`\\log(ab) = \\log a + \\log b` needs all but one factor
positive) check their hypothesis with the sign analysis of `expr`; called with
`safe=False` they return only the rewritings whose hypothesis does *not* hold — the
mistakes people make, which `mutate` offers as candidates for the evaluator to judge.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Callable

from .expr import (Add, CrossEntropy, Dens, Div, Entropy, Exp, Expect, Integral, JS, KL, Log,
                   Mul, Neg, Num, Pow, Sqrt, add, free_densities, is_positive, is_real, mul,
                   positions)

HALF = Num(Fraction(1, 2))


@dataclass(frozen=True)
class Rule:
    name: str
    apply: Callable            # (node, safe) -> list of nodes
    conditional: bool = False  # has a hypothesis that `safe=False` violates


RULES: list[Rule] = []


def rule(conditional=False):
    def register(fn):
        RULES.append(Rule(fn.__name__, fn, conditional))
        return fn
    return register


def _constant(node):
    """No density applied at the bound x: constant inside an expectation or integral."""
    return not free_densities(node)


# --- algebra ---

@rule()
def add_commute(n, safe):
    if isinstance(n, Add):
        return [Add(n.terms[::-1]), Add(n.terms[1:] + n.terms[:1])]
    return []


@rule()
def mul_commute(n, safe):
    if isinstance(n, Mul):
        return [Mul(n.factors[::-1]), Mul(n.factors[1:] + n.factors[:1])]
    return []


@rule()
def distribute(n, safe):
    if not isinstance(n, Mul):
        return []
    for i, f in enumerate(n.factors):
        if isinstance(f, Add):
            rest = n.factors[:i] + n.factors[i + 1:]
            return [Add(tuple(mul(*rest[:i], t, *rest[i:]) for t in f.terms))]
    return []


@rule()
def factor_out(n, safe):
    if isinstance(n, Add) and all(isinstance(t, Mul) for t in n.terms):
        first = n.terms[0].factors[0]
        if all(t.factors[0] == first for t in n.terms):
            return [Mul((first, Add(tuple(mul(*t.factors[1:]) for t in n.terms))))]
    return []


@rule()
def negation(n, safe):
    if isinstance(n, Neg) and isinstance(n.arg, Neg):
        return [n.arg.arg]
    if isinstance(n, Neg) and isinstance(n.arg, Add):
        return [Add(tuple(Neg(t) for t in n.arg.terms))]
    if isinstance(n, Neg) and isinstance(n.arg, Mul):
        return [Mul((Neg(n.arg.factors[0]),) + n.arg.factors[1:])]
    return []


@rule()
def fractions(n, safe):
    if isinstance(n, Div) and isinstance(n.num, Add):
        return [Add(tuple(Div(t, n.den) for t in n.num.terms))]
    if (isinstance(n, Add) and len(n.terms) == 2 and all(isinstance(t, Div) for t in n.terms)
            and n.terms[0].den == n.terms[1].den):
        return [Div(Add((n.terms[0].num, n.terms[1].num)), n.terms[0].den)]
    if isinstance(n, Div):
        return [Mul((n.num, Pow(n.den, -1))), Mul((Div(Num(Fraction(1)), n.den), n.num))]
    return []


@rule()
def numbers(n, safe):
    """Fold numbers, or split one: 3 = 1 + 2, 3/2 = 3 · 1/2."""
    if isinstance(n, (Add, Mul)):
        nums = [t for t in n.children() if isinstance(t, Num)]
        if len(nums) >= 2:
            rest = tuple(t for t in n.children() if not isinstance(t, Num))
            if isinstance(n, Add):
                folded = Num(sum(t.value for t in nums))
                return [add(*rest, folded) if rest else folded]
            prod = Fraction(1)
            for t in nums:
                prod *= t.value
            return [mul(Num(prod), *rest) if rest else Num(prod)]
    if isinstance(n, Num) and n.value > 1:
        return [Add((Num(n.value - 1), Num(Fraction(1)))), Mul((Num(Fraction(2)), Num(n.value / 2)))]
    if isinstance(n, Num) and n.value == 1:
        return [Div(Num(Fraction(2)), Num(Fraction(2))), Exp(Num(Fraction(0)))]
    return []


@rule()
def units(n, safe):
    """x = x + 0 = 1 · x: always applicable, so every tree has a true rewrite."""
    if isinstance(n, (Add, Mul)) or n == Num(Fraction(0)) or n == Num(Fraction(1)):
        return []
    return [Add((n, Num(Fraction(0)))), Mul((Num(Fraction(1)), n))]


@rule()
def powers(n, safe):
    if isinstance(n, Pow) and n.exp == 2:
        if isinstance(n.base, Add) and len(n.base.terms) == 2:
            a, b = n.base.terms
            return [Add((Pow(a, 2), Mul((Num(Fraction(2)), a, b)), Pow(b, 2)))]
        return [Mul((n.base, n.base))]
    if (isinstance(n, Mul) and len(n.factors) == 2 and all(isinstance(f, Pow) for f in n.factors)
            and n.factors[0].base == n.factors[1].base and n.factors[0].exp + n.factors[1].exp):
        return [Pow(n.factors[0].base, n.factors[0].exp + n.factors[1].exp)]
    return []


# --- logarithms, exponentials, roots ---

def _at_most_one_not_positive(factors, safe):
    bad = sum(not is_positive(f) for f in factors)
    return bad <= 1 if safe else bad >= 2


@rule(conditional=True)
def log_product(n, safe):
    """log(ab) = log a + log b when all but one factor is positive (the args then add)."""
    if isinstance(n, Log) and n.base is None and isinstance(n.arg, Mul):
        if _at_most_one_not_positive(n.arg.factors, safe):
            return [Add(tuple(Log(f) for f in n.arg.factors))]
    if (isinstance(n, Add) and len(n.terms) == 2
            and all(isinstance(t, Log) and t.base is None for t in n.terms)):
        if _at_most_one_not_positive([t.arg for t in n.terms], safe):
            return [Log(Mul((n.terms[0].arg, n.terms[1].arg)))]
    return []


@rule(conditional=True)
def log_quotient(n, safe):
    """log(a/b) = log a - log b when b is positive."""
    if isinstance(n, Log) and n.base is None and isinstance(n.arg, Div):
        if is_positive(n.arg.den) == safe:
            return [Add((Log(n.arg.num), Neg(Log(n.arg.den))))]
    return []


@rule(conditional=True)
def log_power(n, safe):
    """log(a^n) = n log a for positive a; log sqrt(a) = log(a)/2 for every a ≠ 0."""
    if isinstance(n, Log) and n.base is None and isinstance(n.arg, Pow):
        if is_positive(n.arg.base) == safe:
            k = n.arg.exp
            times = Log(n.arg.base) if abs(k) == 1 else Mul((Num(Fraction(abs(k))), Log(n.arg.base)))
            return [Neg(times) if k < 0 else times]
    if safe and isinstance(n, Log) and n.base is None and isinstance(n.arg, Sqrt):
        return [Mul((HALF, Log(n.arg.arg)))]
    return []


@rule(conditional=True)
def exp_log(n, safe):
    """exp(log a) = a (a ≠ 0); log(exp a) = a for real a; a = exp(log a) for positive a."""
    if safe and isinstance(n, Exp) and isinstance(n.arg, Log) and n.arg.base is None:
        return [n.arg.arg]
    if isinstance(n, Log) and n.base is None and isinstance(n.arg, Exp):
        if is_real(n.arg.arg) == safe:
            return [n.arg.arg]
    if safe and is_positive(n) and not isinstance(n, Num):
        return [Exp(Log(n))]
    return []


@rule()
def exp_sum(n, safe):
    if isinstance(n, Exp) and isinstance(n.arg, Add):
        return [Mul(tuple(Exp(t) for t in n.arg.terms))]
    if isinstance(n, Exp) and isinstance(n.arg, Neg):
        return [Div(Num(Fraction(1)), Exp(n.arg.arg))]
    return []


@rule(conditional=True)
def roots(n, safe):
    """sqrt(a)^2 = a; sqrt(a^2) = a for positive a; sqrt(ab) = sqrt a sqrt b when all
    but one factor is positive."""
    if safe and isinstance(n, Pow) and n.exp == 2 and isinstance(n.base, Sqrt):
        return [n.base.arg]
    if isinstance(n, Sqrt) and isinstance(n.arg, Pow) and n.arg.exp == 2:
        if is_positive(n.arg.base) == safe:
            return [n.arg.base]
    if isinstance(n, Sqrt) and isinstance(n.arg, Mul):
        if _at_most_one_not_positive(n.arg.factors, safe):
            return [Mul(tuple(Sqrt(f) for f in n.arg.factors))]
    return []


@rule()
def log_base(n, safe):
    if isinstance(n, Log) and n.base is not None:
        return [Div(Log(n.arg), Log(Num(Fraction(n.base))))]
    if (isinstance(n, Div) and isinstance(n.num, Log) and n.num.base is None
            and isinstance(n.den, Log) and n.den.base is None and isinstance(n.den.arg, Num)
            and n.den.arg.value.denominator == 1 and n.den.arg.value > 1):
        return [Log(n.num.arg, int(n.den.arg.value))]
    return []


# --- expectations and integrals ---

@rule()
def expectation_as_integral(n, safe):
    if isinstance(n, Expect):
        return [Integral(mul(Dens(n.dens), n.body))]
    if isinstance(n, Integral):
        body = n.body.factors if isinstance(n.body, Mul) else (n.body,)
        for i, f in enumerate(body):
            if isinstance(f, Dens):
                rest = body[:i] + body[i + 1:]
                return [Expect(f.name, mul(*rest) if rest else Num(Fraction(1)))]
    return []


@rule()
def linearity(n, safe):
    """E and ∫ of sums, negatives and constant factors; and back."""
    if isinstance(n, Expect):
        b, d = n.body, n.dens
        if isinstance(b, Add):
            return [Add(tuple(Expect(d, t) for t in b.terms))]
        if isinstance(b, Neg):
            return [Neg(Expect(d, b.arg))]
        if isinstance(b, Mul):
            const = tuple(f for f in b.factors if _constant(f))
            rest = tuple(f for f in b.factors if not _constant(f))
            if const and rest:
                return [Mul(const + (Expect(d, mul(*rest)),))]
    if isinstance(n, Integral) and isinstance(n.body, Mul):
        const = tuple(f for f in n.body.factors if _constant(f))
        rest = tuple(f for f in n.body.factors if not _constant(f))
        if const and any(isinstance(f, Dens) for f in rest):
            return [Mul(const + (Integral(mul(*rest)),))]
        for i, f in enumerate(n.body.factors):
            if isinstance(f, Add) and any(isinstance(g, Dens) for g in n.body.factors):
                others = n.body.factors[:i] + n.body.factors[i + 1:]
                return [Add(tuple(Integral(mul(*others, t)) for t in f.terms))]
    if (isinstance(n, Add) and len(n.terms) == 2 and all(isinstance(t, Expect) for t in n.terms)
            and n.terms[0].dens == n.terms[1].dens):
        return [Expect(n.terms[0].dens, Add((n.terms[0].body, n.terms[1].body)))]
    return []


@rule()
def normalisation(n, safe):
    """E_p[c] = c and ∫ p c = c for a constant c; ∫ p = 1; and 1 = ∫ p, c = E_p[c]."""
    if isinstance(n, Expect) and _constant(n.body):
        return [n.body]
    if isinstance(n, Integral):
        if isinstance(n.body, Dens):
            return [Num(Fraction(1))]
        if isinstance(n.body, Mul):
            dens = [f for f in n.body.factors if isinstance(f, Dens)]
            rest = tuple(f for f in n.body.factors if not isinstance(f, Dens))
            if len(dens) == 1 and all(_constant(f) for f in rest):
                return [mul(*rest) if rest else Num(Fraction(1))]
    if isinstance(n, Num) and n.value == 1:
        return [Integral(Dens("p")), Expect("q", Num(Fraction(1)))]
    if isinstance(n, (KL, JS, Entropy, CrossEntropy, Log)) and _constant(n):
        return [Expect("r", n)]
    return []


# --- information quantities, by definition ---

def _p(name):
    return Dens(name)


@rule()
def kl_definition(n, safe):
    if not isinstance(n, KL):
        return []
    p, q = n.p, n.q
    return [Expect(p, Log(Div(_p(p), _p(q)))),
            Integral(Mul((_p(p), Log(Div(_p(p), _p(q)))))),
            Add((CrossEntropy(p, q), Neg(Entropy(p)))),
            Expect(p, Add((Log(_p(p)), Neg(Log(_p(q)))))),
            Neg(Expect(p, Log(Div(_p(q), _p(p)))))]


@rule()
def js_definition(n, safe):
    if not isinstance(n, JS):
        return []
    p, q = n.p, n.q
    mix = Add((_p(p), _p(q)))
    half_kl = lambda a: Expect(a, Log(Div(Mul((Num(Fraction(2)), _p(a))), mix)))
    return [JS(q, p),
            Add((Mul((HALF, half_kl(p))), Mul((HALF, half_kl(q))))),
            Mul((HALF, Add((Expect(p, Log(Div(_p(p), Mul((HALF, mix))))),
                            Expect(q, Log(Div(_p(q), Mul((HALF, mix))))))))),
            Add((Log(Num(Fraction(2))),
                 Mul((HALF, Expect(p, Log(Div(_p(p), mix))))),
                 Mul((HALF, Expect(q, Log(Div(_p(q), mix)))))))]


@rule()
def entropy_definition(n, safe):
    if isinstance(n, Entropy):
        p = n.p
        return [Neg(Expect(p, Log(_p(p)))), Neg(Integral(Mul((_p(p), Log(_p(p)))))),
                Expect(p, Log(Div(Num(Fraction(1)), _p(p)))), Expect(p, Neg(Log(_p(p)))),
                CrossEntropy(p, p)]
    if isinstance(n, CrossEntropy):
        p, q = n.p, n.q
        return [Neg(Expect(p, Log(_p(q)))), Add((Entropy(p), KL(p, q))),
                Neg(Integral(Mul((_p(p), Log(_p(q))))))]
    return []


RULES_BY_NAME = {r.name: r for r in RULES}


def rewrites(node, safe=True):
    """Every (rule name, path, replacement) applicable somewhere in `node`."""
    out = []
    for path, sub, bound in positions(node):
        for r in RULES:
            if not safe and not r.conditional:
                continue
            for new in r.apply(sub, safe):
                if new != sub and (bound or not free_densities(new)):
                    out.append((r.name, path, new))
    return out


# --- true inequalities: (lhs, relation, rhs) for given ingredients ---

def inequality_facts(p, q, real_a, real_b, pos_a, pos_b, pointwise_pos, pointwise_real):
    """Bounds built from the given ingredients (densities p ≠ q by name; scalars meant to
    be real or positive; functions of the bound x meant to be positive or real). Each is
    (name, lhs, relation, rhs, holds): `holds` says whether the sign analysis shows the
    bound's hypotheses for these ingredients (then the bound is true)."""
    two, one, zero = Num(Fraction(2)), Num(Fraction(1)), Num(Fraction(0))
    real = lambda *xs: all(is_real(x) for x in xs)
    pos = lambda *xs: all(is_positive(x) for x in xs)
    return [
        ("Gibbs", KL(p, q), ">=", zero, True),
        ("JS is non-negative", JS(p, q), ">=", zero, True),
        ("JS upper bound", JS(p, q), "<=", Log(two), True),
        ("cross-entropy exceeds entropy", CrossEntropy(p, q), ">=", Entropy(p), True),
        ("a^2 + b^2 >= 2ab", Add((Pow(real_a, 2), Pow(real_b, 2))), ">=",
         Mul((two, real_a, real_b)), real(real_a, real_b)),
        ("log a <= a - 1", Log(pos_a), "<=", Add((pos_a, Neg(one))), pos(pos_a)),
        ("exp a >= 1 + a", Exp(real_a), ">=", Add((one, real_a)), real(real_a)),
        ("AM-GM", Div(Add((pos_a, pos_b)), two), ">=", Sqrt(Mul((pos_a, pos_b))), pos(pos_a, pos_b)),
        ("Jensen for log", Log(Expect(p, pointwise_pos)), ">=", Expect(p, Log(pointwise_pos)),
         pos(pointwise_pos)),
        ("variance", Expect(p, Pow(pointwise_real, 2)), ">=", Pow(Expect(p, pointwise_real), 2),
         real(pointwise_real)),
        ("square", Pow(real_a, 2), ">=", zero, real(real_a)),
        ("exp is positive", Exp(real_a), ">", zero, real(real_a)),
        ("log 1 + a < a", Log(Add((one, pos_a))), "<", pos_a, pos(pos_a)),
    ]


# Statements people believe that are false for densities on the real line (or in
# general): the evaluator decides them, nothing is assumed.
def fallacies(p, q, pos_a, real_a):
    zero, one = Num(Fraction(0)), Num(Fraction(1))
    return [
        ("differential entropy is non-negative", Entropy(p), ">=", zero),
        ("a density is at most 1", Expect(p, Dens(q)), "<=", one),
        ("KL is symmetric", KL(p, q), "=", KL(q, p)),
        ("cross-entropy is symmetric", CrossEntropy(p, q), "=", CrossEntropy(q, p)),
        ("KL is bounded by log 2", KL(p, q), "<=", Log(Num(Fraction(2)))),
        ("Jensen backwards", Log(Expect(p, Dens(q))), "<=", Expect(p, Log(Dens(q)))),
        ("log of a sum", Log(Add((pos_a, one))), "=", Add((Log(pos_a), Log(one)))),
        ("square root of a square", Sqrt(Pow(real_a, 2)), "=", real_a),
        ("KL is strictly positive", KL(p, q), ">", zero),
    ]

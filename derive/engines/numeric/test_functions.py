"""Concrete functions for the numeric check of steps about a function known only by name.

A table on the cells (`instances`) is a genuine function, but it has no derivative, and
at an argument such as `μ + σε` under an integral over ε it is not integrated exactly. A
step that differentiates a plainly declared `function f` (it writes `f'`, or a derivative
reaches a call of f) or that applies f, under an integral, to an expression of the
integration variable other than the variable itself is therefore checked with f put to a
**polynomial** with rational coefficients drawn per instance, and f', f'', … to its
derivatives (`notation.derivatives`), in both sides alike. Its degree is 3 plus the
highest order k of a derivative of f the step takes (written, f^{(k)}, or by d/du around
a call of f): a false identity among f, …, f^{(k)} may still hold for every polynomial of
degree ≤ k + 2 (∇_μ E[d³f/dz³] = σ³ E[f⁽⁴⁾] for every cubic; E_{N(0,1)}[f] = f(0) +
f''(0)/2 for every cubic), so the stand-ins reach past that; polynomials of a fixed low
degree would make such a step look consistent on every draw.

Such an f is admissible for every such declaration: smooth, integrable against every
density derive draws (tables on finite cells, and the standard families, which have all
moments), and real — at real points. The polynomial is taken only there: its argument is
wrapped in a marker (`REAL_POINT`, a `Defined` that every numeric walk sees through) at
which the evaluator has no value off the real line, so a draw that puts f (or f') at a
non-real number (an undeclared, complex a) is skipped, never a counterexample about a
complex-valued "f". An integral that diverges for it is not certified by the evaluator.
So a certified difference at a polynomial is a counterexample to the statement about
every f, and agreement on polynomials is agreement, not a proof (the proof is the normal
form's).
A pushforward's map keeps its table (the law of g(z) is drawn with it).
"""

from __future__ import annotations

import random
import weakref
from fractions import Fraction

from derive.model.names import Name
from derive.model.terms import (
    Add, At, Call, Defined, Dens, Deriv, Expect, Integral, Mul, Num, Pow, Sym, nodes,
)
from derive.notation import derivatives

DEGREE = 3
REAL_POINT = Name("real point")         # the marker of a stand-in's argument (see the module)


def instantiate(terms, context, seed, draw):
    """(`terms` with each function that needs it (see the module) put to a polynomial
    drawn for (`seed`, `draw`), rows (name, polynomial as text) for a counterexample)."""
    chosen = _needing(terms, context)
    if not chosen:
        return terms, ()
    degree = DEGREE + _highest_order(terms, chosen, context)
    coefficients = {f: _coefficients(f, seed, draw, degree) for f in chosen}
    memo = {}

    def walk(t):
        if t in memo:
            return memo[t]
        out = t.rebuild([walk(c) for c in t.children]) if t.children else t
        if isinstance(out, Call):
            f, order = derivatives.base(out.function, context)
            if f in coefficients:
                (u,) = out.arguments
                out = _polynomial(coefficients[f], order, Defined(REAL_POINT, (u,), u))
        memo[t] = out
        return out

    shown = tuple((f.latex, "the polynomial " + _text(coefficients[f]))
                  for f in sorted(chosen, key=lambda n: n.sort_key()))
    return tuple(walk(t) for t in terms), shown


def _text(coefficients):
    """Σ c_k u^k as text: 1/2 - 3u + u^3."""
    out = ""
    for k, c in enumerate(coefficients):
        if c == 0:
            continue
        size = abs(c)
        number = "" if size == 1 and k else str(size) if size.denominator == 1 or not k \
            else f"({size})"
        monomial = number + ("" if k == 0 else "u" if k == 1 else f"u^{k}")
        out += (" - " if c < 0 else " + ") + monomial if out else ("-" if c < 0 else "") + monomial
    return out or "0"


# `_needing` per context and terms: a function of them alone, asked again at every draw
_NEEDING = weakref.WeakKeyDictionary()


def _needing(terms, context):
    """The plainly declared functions a step needs put to polynomials (remembered per
    context and terms, which do not change)."""
    known = _NEEDING.get(context)
    if known is None:
        known = _NEEDING[context] = {}
    if terms not in known:
        known[terms] = frozenset(_find_needing(terms, context))
    return known[terms]


def _find_needing(terms, context):
    laws = {getattr(context.info(n), "law", None) for n in context.table}
    maps = {law.map for law in laws if law is not None}
    found, differentiated = set(), False
    for term in terms:
        for t in nodes(term):
            if isinstance(t, (Deriv, At)):
                differentiated = True
            if not isinstance(t, Call) or len(t.arguments) != 1 or \
                    not derivatives.differentiable(t.function, context):
                continue
            f, order = derivatives.base(t.function, context)
            if f in maps:
                continue
            if order or _shifted(t, term):
                found.add(f)
    if differentiated:
        found.update(derivatives.base(t.function, context)[0] for term in terms
                     for t in nodes(term) if isinstance(t, Call) and len(t.arguments) == 1
                     and derivatives.differentiable(t.function, context))
        found -= maps
    return found


def _shifted(call, term):
    """Whether `call`'s argument is an expression (of numbers, names and elementary
    functions) of a variable an integral or expectation of `term` binds, other than that
    variable alone."""
    (argument,) = call.arguments
    if isinstance(argument, Sym) or any(isinstance(t, (Call, Dens)) for t in nodes(argument)):
        return False                    # f(g(z)) of a pushforward's map g keeps the tables
    bound = {t.var for t in nodes(term) if isinstance(t, (Integral, Expect))}
    return any(isinstance(s, Sym) and s.name in bound for s in nodes(argument))


def _highest_order(terms, chosen, context):
    """The highest order of a derivative of a chosen function in `terms`: a derivative's
    own order (f'' is 2) plus the derivatives around its call (d/du f'(u) is 2); 0 when
    none is taken."""
    memo = {}

    def order(t):                               # None: no chosen function below t
        if t not in memo:
            if isinstance(t, Call) and len(t.arguments) == 1 and \
                    derivatives.differentiable(t.function, context) and \
                    derivatives.base(t.function, context)[0] in chosen:
                below = derivatives.base(t.function, context)[1]
            else:
                below = max((k for k in map(order, t.children) if k is not None), default=None)
            memo[t] = below + 1 if below is not None and isinstance(t, Deriv) else below
        return memo[t]

    return max((order(term) or 0 for term in terms), default=0)


def _coefficients(f, seed, draw, degree):
    rng = random.Random(f"{seed}:{draw}:{f.latex}")
    return [Fraction(rng.randint(-6, 6), rng.randint(1, 4)) for _ in range(degree + 1)]


def _polynomial(coefficients, order, u):
    """The `order`-th derivative of Σ c_k u^k, as a term in u."""
    terms = []
    for k, c in enumerate(coefficients):
        if k < order or c == 0:
            continue
        factor = c
        for j in range(order):
            factor *= k - j
        power = k - order
        terms.append(Num(factor) if power == 0 else
                     Mul(Num(factor), u) if power == 1 else Mul(Num(factor), Pow(u, Num(power))))
    if not terms:
        return Num(0)
    return terms[0] if len(terms) == 1 else Add(*terms)

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

A plainly declared function of **several arguments** (`f(θ, z)`, `f_\theta(z)` read as
f(θ, z)) that a step differentiates (a derivative reaches a call of it, or it writes a
partial derivative `∂_k f`, `notation.derivatives`) is put alike to a polynomial in all its
arguments with rational coefficients, of total degree 3 plus the highest total order of a
partial derivative the step takes, and each `∂_k f` to its exact partial derivative — one
draw across the whole step, so a certified difference is a counterexample with a concrete
smooth f. It is narrowed as the one-argument stand-in is by positivity and by an integral
over the whole line (P² + c; times e^{-Σ u_i²}), below.

Three declarations narrow the stand-in, so that it stays a case of them:

* A function declared **convex** (concave) that the step applies (anywhere: under an
  integral, at a number, in a conjugate's objective sup_x {x t − f(x)}, in a definition
  too) is put to a convex (concave) quadratic a(u − 1)² + b(u − 1), a drawn of that sign:
  an instance of the declaration (zero at 1, as an f-divergence's generator), whose
  conjugate the evaluator computes exactly (`Evaluator.quadratic_optimum`). So a
  certified difference — Jensen's inequality reversed, a wrong weight — is a
  counterexample for every such f. A table is not convex: a difference it gives
  certifies nothing, and its conjugate is an unknown number.

* A function declared (or assumed throughout, `assume h(x) > 0`) **positive** or
  non-negative is put to `P(u)² + c`, P drawn of half the degree and c > 0 drawn — a
  polynomial that is positive at every real u. A polynomial of either sign would be no
  instance of such an h: a certified difference there could refute a step true for every
  positive h.
* A function applied under an integral over the whole line (no limits, or infinite ones;
  not against a drawn density, whose cells bound the range) is put to `R(u) e^{-u²}` (R the polynomial
  above, positive or not): a Schwartz function, so that such integrals — ∫ e^{θφ(x)} h(x) dx
  of an exponential family's log-partition function, ∫ f'(x) g(x) dx — converge for every
  draw, and their tails have a certified bound (`quadrature`: |e^{v}| ≤ e^{sup |v|} for a
  bounded exponent v). A polynomial there makes most such integrals diverge (no instance
  at all), and Schwartz functions are the ones an author who integrates over the line and
  by parts has in mind. Its k-th derivative is `R_k(u) e^{-u²}`, `R_{j+1} = R_j' − 2u R_j`.
"""

from __future__ import annotations

import random
import weakref
from dataclasses import replace
from fractions import Fraction

from derive.model.names import Kind, Name
from derive.model.terms import (
    Add, At, Call, Defined, Dens, Deriv, Expect, Fn, Integral, Mul, Num, OO, Sym,
    free_names, nodes,
)
from derive.notation import derivatives, families

DEGREE = 3
REAL_POINT = Name("real point")         # the marker of a stand-in's argument (see the module)
STAND_IN = Name("stand-in")             # the marker of a stand-in (`_StandIn.derivative`)


def shape(stand_in):
    """(u, decaying, R's coefficients as Fractions, lowest first) of a `STAND_IN` term: its
    value is R(u), times e^{-u²} when decaying."""
    u, decaying, *coefficients = stand_in.arguments
    return u, bool(decaying.value), [c.value for c in coefficients]


class StandIns:
    """The stand-ins of one draw: `put(term)` writes them into a term; `context` is the
    step's context with them written into the formulas of its densities too (`density p =
    \\exp(\\theta \\phi(x) - A(\\theta)) h(x) over x`), so that every φ of the instance is one
    function — the step's, its hypotheses', its densities'; `shown` the rows (name,
    stand-in as text) a counterexample lists."""

    def __init__(self, shapes, context):
        self.shapes, self.shown, self._memo = shapes, (), {}
        self.context = context
        if shapes:
            self.shown = tuple((f.latex, shapes[f].text())
                               for f in sorted(shapes, key=lambda n: n.sort_key()))
            self.context = self._in_formulas(context)

    def put(self, term):
        if not self.shapes:
            return term
        memo = self._memo
        for t in nodes(term):
            if t in memo:
                continue
            out = t.rebuild([memo[c] for c in t.children]) if t.children else t
            if isinstance(out, Call):
                out = self._called(out)
            memo[t] = out
        return memo[term]

    def _called(self, call):
        """A call with its function's stand-in put in (the call as it is when it has none)."""
        several = derivatives.partial_base(call.function, self.context)
        f, order = several or derivatives.base(call.function, self.context)
        stand_in = self.shapes.get(f)
        if stand_in is None or isinstance(stand_in, _SeveralStandIn) != \
                (several is not None or len(call.arguments) > 1):
            return call
        points = tuple(Defined(REAL_POINT, (u,), u) for u in call.arguments)
        if isinstance(stand_in, _SeveralStandIn):
            return stand_in.partial(order if several else (0,) * len(points), points)
        return stand_in.derivative(order, points[0])

    def _in_formulas(self, context):
        table, changed = dict(context.table), False
        for name, declaration in context.table.items():
            formula = getattr(declaration.info, "formula", None)
            if declaration.kind is not Kind.DISTRIBUTION or formula is None or \
                    formula.family is not None:
                continue
            pieces = tuple((low, high, self.put(value)) for low, high, value in formula.pieces)
            if pieces != formula.pieces:
                table[name] = replace(declaration, info=replace(
                    declaration.info, formula=replace(formula, pieces=pieces)))
                changed = True
        return replace(context, table=table) if changed else context


def instantiate(terms, context, seed, draw):
    """The `StandIns` of (`seed`, `draw`) for a step of `terms`: each function that needs
    it (see the module) put to a stand-in drawn for the draw."""
    chosen = _needing(terms, context)
    if not chosen:
        return StandIns({}, context)
    degree = DEGREE + _highest_order(terms, chosen, context)
    decaying = _on_the_line(terms, chosen, context)
    arities = _arities(terms, context)
    return StandIns({f: _SeveralStandIn(
        _several_coefficients(f, seed, draw, degree, arities[f], _signed(f, context)),
        arities[f], f in decaying) if f in arities else
        _StandIn(_quadratic(f, seed, draw, _shape(f, context)) if _shape(f, context) else
                 _coefficients(f, seed, draw, degree, _signed(f, context)),
                 f in decaying and not _shape(f, context))
        for f in chosen}, context)


def _shape(f, context):
    """"convex" or "concave" for a function so declared, else ""."""
    return getattr(context.declaration(f).info, "shape", "")


def _quadratic(f, seed, draw, shape):
    """The coefficients of a convex (concave) quadratic a(u - 1)² + b(u - 1), a > 0 (a < 0)
    drawn: a case of the declaration, zero at 1 as an f-divergence's generator is, and one
    whose conjugate sup_u {u t - f(u)} the evaluator computes exactly (a concave
    quadratic's maximum), so a certified difference there is a counterexample for every
    such f. On every fourth draw |a| is divided by 16, so that the slope b outweighs the
    curvature: Jensen weighted by p instead of q, ∫ f(p/q) p ≥ f(1), holds for every
    increasing convex f and fails only for one falling at 1 (−log u), nearly linear."""
    rng = random.Random(f"{seed}:{draw}:{f.latex}:quadratic")
    a = Fraction(rng.randint(1, 6), rng.randint(1, 4) * (16 if draw % 4 == 3 else 1))
    a *= 1 if shape == "convex" else -1
    b = Fraction(rng.randint(-6, 6), rng.randint(1, 4))
    return [a - b, b - 2 * a, a]


class _StandIn:
    """R(u), or R(u) e^{-u²} when `decaying`: R's coefficients (Fractions, lowest first)."""

    def __init__(self, coefficients, decaying):
        self.coefficients, self.decaying = coefficients, decaying

    def derivative(self, order, u):
        """The `order`-th derivative as a term in u: a `STAND_IN` definition whose body is
        the formula (what every analysis of the term reads) and whose arguments carry u,
        whether it decays, and R_order's coefficients (what the evaluator computes it from
        in one step, by Horner's rule: `shape`)."""
        r = list(self.coefficients)
        for _ in range(order):
            r = _derived(r, self.decaying)
        out = _polynomial(r, u)
        if self.decaying:
            out = Mul(out, Fn("exp", Mul(Num(-1), u, u)))
        return Defined(STAND_IN, (u, Num(int(self.decaying))) + tuple(Num(c) for c in r), out)

    def text(self):
        if self.decaying:
            return "the function (" + _text(self.coefficients) + ") e^{-u^2}"
        return "the polynomial " + _text(self.coefficients)


class _SeveralStandIn:
    """R(u_1, …, u_n), or R e^{-Σ u_i²} when `decaying`: R as {exponents: Fraction}."""

    def __init__(self, coefficients, arity, decaying):
        self.coefficients, self.arity, self.decaying = coefficients, arity, decaying

    def partial(self, orders, points):
        """The partial derivative of multi-index `orders` at `points`, as a term: the
        polynomial (times e^{-Σ u_i²}) in Horner's form, variable by variable."""
        r = dict(self.coefficients)
        for k, n in enumerate(orders):
            for _ in range(n):
                r = _partial_of(r, k, self.decaying)
        out = _several_polynomial(r, points)
        if self.decaying:
            out = Mul(out, Fn("exp", Mul(Num(-1), Add(*(Mul(u, u) for u in points)))))
        return out

    def text(self):
        names = [f"u_{k + 1}" for k in range(self.arity)]
        terms = []
        for exponents, c in sorted(self.coefficients.items(), key=lambda e: (sum(e[0]), e[0])):
            if c == 0:
                continue
            monomial = " ".join(n if e == 1 else f"{n}^{e}" for n, e in zip(names, exponents)
                                if e)
            size = abs(c)
            number = "" if size == 1 and monomial else \
                str(size) if size.denominator == 1 or not monomial else f"({size})"
            sign = "-" if c < 0 else "+"
            terms.append((sign, (number + " " + monomial).strip()))
        text = "".join(f" {sign} {t}" if k else ("-" if sign == "-" else "") + t
                       for k, (sign, t) in enumerate(terms)) or "0"
        variables = ", ".join(names)
        if self.decaying:
            return f"the function ({text}) e^{{-|u|^2}} of ({variables})"
        return f"the polynomial {text} in ({variables})"


def _partial_of(r, k, decaying):
    """∂_k R (− 2 u_k R, for R e^{-Σ u_i²}): the next partial derivative's polynomial."""
    out = {}
    for exponents, c in r.items():
        if exponents[k]:
            lower = exponents[:k] + (exponents[k] - 1,) + exponents[k + 1:]
            out[lower] = out.get(lower, 0) + exponents[k] * c
        if decaying:
            higher = exponents[:k] + (exponents[k] + 1,) + exponents[k + 1:]
            out[higher] = out.get(higher, 0) - 2 * c
    return {e: c for e, c in out.items() if c != 0}


def _several_polynomial(r, points):
    """Σ c_α Π u_i^{α_i} as a term, Horner in the first variable with coefficients
    polynomials in the rest (`_polynomial`)."""
    if not points:
        return Num(sum(r.values(), Fraction(0)))
    by_power = {}
    for exponents, c in r.items():
        by_power.setdefault(exponents[0], {})[exponents[1:]] = c
    top = max(by_power, default=0)
    out = None
    for n in range(top, -1, -1):
        inner = by_power.get(n)
        coefficient = _several_polynomial(inner, points[1:]) if inner else Num(0)
        if out is None:
            out = coefficient
        else:
            out = Mul(points[0], out) if out != Num(1) else points[0]
            if coefficient != Num(0):
                out = Add(coefficient, out)
    return out


def _derived(r, decaying):
    """R' (− 2u R, for R e^{-u²}): the next derivative's polynomial factor."""
    out = [k * c for k, c in enumerate(r)][1:] or [Fraction(0)]
    if decaying:
        out = out + [Fraction(0)] * (len(r) + 1 - len(out))
        for k, c in enumerate(r):
            out[k + 1] -= 2 * c
    return out


def _signed(f, context):
    """Whether f is declared (or assumed throughout) positive or non-negative."""
    return context.declaration(f).domain.is_nonnegative


def _on_the_line(terms, chosen, context):
    """The chosen functions applied under an integral over the whole line — in its body,
    or in the formula of a density in it (see the module). Not under one of a drawn
    (abstract) density, which the numeric engine integrates over its finitely many cells,
    where a polynomial is integrated exactly (∇_θ ∫ p(x; θ) f(x) dx)."""
    found = set()
    for term in terms:
        for t in nodes(term):
            if not isinstance(t, Integral) or not _whole_line(t) or any(
                    isinstance(d, Dens) and families.formula_of(d.dist, context) is None
                    for d in nodes(t.body)):
                continue                # against a drawn density: over its cells only
            inside = [t.body] + [value for d in nodes(t.body) if isinstance(d, Dens)
                                 for value in _formula_values(d, context)]
            found.update(_function_of(c.function, context)
                         for body in inside for c in nodes(body) if isinstance(c, Call)
                         and _function_of(c.function, context) in chosen)
    return found


def _function_of(name, context):
    """The function a derivative's or a partial derivative's Name is of (else the name)."""
    partial = derivatives.partial_base(name, context)
    return partial[0] if partial else derivatives.base(name, context)[0]


def _formula_values(dens, context):
    formula = families.formula_of(dens.dist, context)
    return () if formula is None else tuple(value for _, _, value in formula.pieces)


def _whole_line(integral):
    """Whether an integral has no limits or an infinite one."""
    return integral.lower is None or any(OO in nodes(e) for e in (integral.lower, integral.upper))


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
    found, differentiated, several = set(), False, set()
    for term in terms:
        for t in nodes(term):
            if isinstance(t, (Deriv, At)):
                differentiated = True
            if isinstance(t, Call) and len(t.arguments) > 1 and \
                    derivatives.differentiable(t.function, context):
                partial = derivatives.partial_base(t.function, context)
                several.add(partial[0] if partial else t.function)
                if partial:
                    found.add(partial[0])
            if not isinstance(t, Call) or len(t.arguments) != 1 or \
                    not derivatives.differentiable(t.function, context):
                continue
            f, order = derivatives.base(t.function, context)
            if f in maps:
                continue
            if order or _shifted(t, term):
                found.add(f)
    found.update(_shaped(terms, context))
    if differentiated:
        found.update(derivatives.base(t.function, context)[0] for term in terms
                     for t in nodes(term) if isinstance(t, Call) and len(t.arguments) == 1
                     and derivatives.differentiable(t.function, context))
        found.update(several)
        found -= maps
    arities = _arities(terms, context)
    return {f for f in found if f not in several or f in arities}


def _arities(terms, context):
    """{f: n} of the declared functions of several arguments the step applies, each
    always to the same number n ≥ 2 of arguments (one applied with different numbers is
    left out: it keeps its tables, and a derivative of it has no value)."""
    seen = {}
    for term in terms:
        for t in nodes(term):
            if isinstance(t, Call) and derivatives.differentiable(t.function, context):
                seen.setdefault(_function_of(t.function, context), set()).add(len(t.arguments))
    return {f: n.pop() for f, n in seen.items() if len(n) == 1 and min(n) > 1}


def _shaped(terms, context):
    """The functions declared convex or concave that the step applies to one argument
    (anywhere: in a conjugate's sup_x {x t - f(x)}, under an integral, at a number; in a
    definition too): put to quadratics (`_quadratic`), never to tables — a table is not
    convex, so a difference it gives certifies nothing, and the evaluator cannot compute
    its conjugate."""
    return {c.function for term in terms for c in nodes(term)
            if isinstance(c, Call) and len(c.arguments) == 1 and _shape(c.function, context)}


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
    own order (f'' is 2) plus the derivatives around its call in a variable its argument
    moves with (d/du f'(u) is 2; d/dθ ∫ e^{θ f(x)} dx differentiates no f); 0 when none
    is taken."""
    memo = {}

    def order(t, around):                       # around: the variables of enclosing d/d·
        key = (t, around)
        if key not in memo:
            partial = isinstance(t, Call) and derivatives.partial_base(t.function, context)
            if isinstance(t, Call) and derivatives.differentiable(t.function, context) and \
                    (partial or derivatives.base(t.function, context))[0] in chosen:
                moving = set().union(*(free_names(a) for a in t.arguments))
                memo[key] = (sum(partial[1]) if partial else
                             derivatives.base(t.function, context)[1]) + \
                    sum(1 for v in around if v in moving)
            else:
                inner = around + (t.var,) if isinstance(t, Deriv) else around
                memo[key] = max((order(c, inner) for c in t.children), default=0)
        return memo[key]

    return max((order(term, ()) for term in terms), default=0)


def _coefficients(f, seed, draw, degree, signed=False):
    """R's coefficients: degree `degree`, or — `signed` — P² + c with P of half that degree
    (rounded up) and c > 0, positive at every real u."""
    rng = random.Random(f"{seed}:{draw}:{f.latex}")
    if not signed:
        return [Fraction(rng.randint(-6, 6), rng.randint(1, 4)) for _ in range(degree + 1)]
    p = [Fraction(rng.randint(-6, 6), rng.randint(1, 4)) for _ in range((degree + 1) // 2 + 1)]
    square = [Fraction(0)] * (2 * len(p) - 1)
    for i, a in enumerate(p):
        for j, b in enumerate(p):
            square[i + j] += a * b
    square[0] += Fraction(rng.randint(1, 8), rng.randint(1, 4))
    return square


def _several_coefficients(f, seed, draw, degree, arity, signed=False):
    """R's coefficients {exponents: Fraction}, every monomial of total degree ≤ `degree`
    in `arity` variables drawn; `signed`: P² + c (`_coefficients`), positive everywhere."""
    rng = random.Random(f"{seed}:{draw}:{f.latex}:{arity}")

    def drawn(top):
        return {e: Fraction(rng.randint(-6, 6), rng.randint(1, 4))
                for e in _exponents(arity, top)}
    if not signed:
        return drawn(degree)
    p = drawn((degree + 1) // 2)
    square = {}
    for a, x in p.items():
        for b, y in p.items():
            e = tuple(i + j for i, j in zip(a, b))
            square[e] = square.get(e, 0) + x * y
    zero = (0,) * arity
    square[zero] = square.get(zero, 0) + Fraction(rng.randint(1, 8), rng.randint(1, 4))
    return square


def _exponents(arity, top):
    """The multi-indices of `arity` entries with sum ≤ `top`, in a fixed order."""
    if arity == 0:
        return [()]
    return [(k,) + rest for k in range(top + 1) for rest in _exponents(arity - 1, top - k)]


def _polynomial(coefficients, u):
    """Σ c_k u^k as a term in u, in Horner's form c_0 + u(c_1 + u(…)): evaluated at every
    quadrature point, it costs a product and a sum per degree, and no powers."""
    coefficients = list(coefficients)
    while len(coefficients) > 1 and coefficients[-1] == 0:
        coefficients.pop()
    out = Num(coefficients[-1])
    for c in reversed(coefficients[:-1]):
        out = Mul(u, out) if out != Num(1) else u
        if c != 0:
            out = Add(Num(c), out)
    return out

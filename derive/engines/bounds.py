"""Proofs of inequality steps (`≤`, `<`, `≥`, `>`), for steps the numbers did not refute.

The gap `larger − smaller` is put in normal form. The ways to a proof:

* **Lemmas** — the registry's lemmas (Gibbs' inequality, JS ≥ 0, JS ≤ log 2, …), each for
  distributions of the step over the same variables, where its hypotheses hold. The step
  is proved when `gap = c·T + r` for a lemma's non-negative quantity T (`op − lower` or
  `upper − op`), a rational c ≥ 0 and a constant remainder r shown ≥ 0. The lemmas on two
  conditionals hold at every conditioning value, so also averaged against a density over
  it (`averaged_lemmas`: E_{p(y)} KL(p(x|y) ‖ q(x|y)) ≥ 0).
* **The largest member of a finite family** (`maxima.py`): each member is at most it, and
  it is one of them (Σ_k y_k ≤ n max_k y_k, max_k y_k ≤ Σ_k y_k for y ≥ 0, and through exp
  the log-sum-exp bounds).
* **The Cauchy–Schwarz inequality** (`cauchy_schwarz.py`): `(∫ i)² ≤ ∫ j · ∫ k` where
  j, k ≥ 0 and i² ≤ j·k at every point, the step's integrals held as numbers.
* **Jensen at finitely many points** (`chords.py`): `Σ_k w_k φ(t_k) ≥ W φ(Σ_k w_k t_k / W)`
  for a convex φ of `jensen`'s catalogue (≤ for concave), weights shown ≥ 0 of total W > 0,
  written out term by term (the chord above exp, the two-term log-sum inequality).
* **Jensen's inequality** (`jensen.py`) and **an expectation of a non-negative integrand**
  (`averages.py`: `Var[X] ≥ 0`, which the normal form has expanded past a sign), read from
  the sides as written.
* **Pointwise** — every integrand of the gap (and its constant part) is shown ≥ 0 at every
  point, by a small sign prover over SymPy expressions whose symbols carry exactly the
  declared assumptions: sums and products of terms of known sign, even powers of *real*
  bases, `log u ≥ 0` for `u ≥ 1`, `log u ≤ 0` for `0 < u ≤ 1`, and `log u ≤ u − 1` for
  `u > 0`, `e^u ≥ 1 + u` for real u. Strict steps need a strictly positive gap. An integrand's sign is its
  integral's only over a positive measure: `∫_a^b` (= −∫_b^a when b < a) only where b ≥ a
  is shown (b > a for a strict step), a sum only where it is shown non-empty.
* **Termwise under a sum** — `Σ_i a_i ≥ Σ_i b_i` (`≤`), both sides one sum over the same
  range, is proved by proving `a_i ≥ b_i` for a free i in any of these ways (a sum over a
  set is monotone, also when the set is empty): Jensen's bound for EM's likelihood
  `Σ_i log Σ_z q(z) p(x_i, z)/q(z) ≥ Σ_i Σ_z q(z) log(p(x_i, z)/q(z))` is Gibbs' inequality
  at each data point. Never for a strict step (an empty sum is 0 on both sides). Tried
  before the whole step: a lemma on the terms is quick where the pointwise search over the
  whole sum's gap may spend the step's budget (the termwise log-sum inequality).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from fractions import Fraction

from derive.engines import clock, normal_form, ranges
from derive.engines.poly import Poly, canonical
from derive.engines.averages import constants_named
from derive.model.context import Context
from derive.model.names import Declaration, Domain, Kind, Name
from derive.model.terms import (Defined, Dens, Dist, Expect, Integral, Mul, Num, Op, Sum, Sym,
                                free_names, nodes, substitute)
from derive.notation import families, registry


@dataclass(frozen=True)
class Proof:
    method: str
    detail: str


def prove(step, deadline):
    """A `Proof` of an order step, or None — never for sides that may be complex: `t < t + 1`
    has a positive gap for every t, but holds only where t is real (an undeclared t is
    complex), so a gap's sign proves an order only between sides free of complex names."""
    if _complex_names(step):
        return None
    inner = _termwise(step)
    found = prove(inner, deadline) if inner is not None else None
    if found is not None:
        return Proof(f"{found.method}, termwise under a sum", f"{found.detail}, for each term "
                     "of a sum over the same range on both sides")
    return _prove(step, deadline)


def _complex_names(step):
    """The free names of the sides that are complex symbols or complex-valued functions
    (undeclared: `Domain.COMPLEX`) — that the sides' values depend on: a definition's
    argument its body does not use (`f(x)` of `define f(x) = \\log \\sum_i^n \\exp x_i`, x
    the vector of the declared x_i) is no such name."""
    context = step.context
    return [name for name in _value_names(step.lhs) | _value_names(step.rhs)
            if context.kind(name) in (Kind.SYMBOL, Kind.FUNCTION) and
            context.domain(name) is Domain.COMPLEX]


def _value_names(term):
    """`free_names(term)`, with each definition applied read by its body alone (its formula
    at the arguments: an argument it does not use is not a name its value depends on)."""
    names = {}
    for t in nodes(term):                       # children first
        if isinstance(t, Defined):
            names[t] = names[t.body]
            continue
        found = {a for a in t.args if isinstance(a, Name)}
        found.update(x for a in t.args if isinstance(a, tuple) for x in a if isinstance(x, Name))
        children = t.children
        scoped = len(children) if t.scoped is None else t.scoped
        for c in children[:scoped]:
            found |= names[c]
        found.difference_update(t.binds)
        for c in children[scoped:]:
            found |= names[c]
        names[t] = frozenset(found)
    return names[term]


def _termwise(step):
    """The step between the summands, when both sides of a non-strict order step are sums
    over one range (the right's index renamed to the left's), else None. Sides that are one
    non-zero rational times such sums (`-\\sum_i a_i \\ge -\\sum_i b_i`) give the step
    between the summands times it: `Σ_i c·a_i ≥ Σ_i c·b_i` is `Σ_i a_i ≥ Σ_i b_i` for c > 0
    and `Σ_i a_i ≤ Σ_i b_i` for c < 0, so the factor goes into each term, where its sign
    decides which way the term's bound must go."""
    relation, (a, b) = step.relation, _common_factor(step.lhs, step.rhs)
    if relation.strict or type(a) is not Sum or type(b) is not Sum or \
            (a.lower, a.upper) != (b.lower, b.upper) or a.var.origin is not b.var.origin or \
            a.var.local != b.var.local:
        return None
    factor = step.lhs.args[0] if a is not step.lhs else None
    body, other = a.body, substitute(b.body, {b.var: Sym(a.var)})
    if factor is not None:
        body, other = Mul(factor, body), Mul(factor, other)
    return replace(step, lhs=body, rhs=other)


def _common_factor(a, b):
    """(s, t) when a = c·s and b = c·t for one rational c ≠ 0 written first in both
    (`-\\sum …` is −1 times the sum), else (a, b)."""
    if type(a) is Mul and type(b) is Mul and len(a.args) == len(b.args) == 2 and \
            type(a.args[0]) is Num and a.args[0] == b.args[0] and a.args[0].value != 0:
        return a.args[1], b.args[1]
    return a, b


def _prove(step, deadline):
    larger, smaller = (step.rhs, step.lhs) if step.relation.upward else (step.lhs, step.rhs)
    n = normal_form.Normaliser(step.context, deadline)
    try:
        gap = n.value(larger) - n.value(smaller)
    except (normal_form.Unsupported, normal_form.Undefined):
        return None
    if not step.relation.strict:
        lemma = _by_lemma(gap, step, n) or _by_averaged_lemma(gap, step, n)
        if lemma is not None:
            return Proof(f"lemma: {lemma}", "the gap is a non-negative multiple of the "
                         "lemma's quantity plus a constant shown non-negative")
        from derive.engines import maxima
        fact = maxima.prove(step, gap, n)
        if fact is not None:
            return Proof(f"lemma: {fact}", "the gap is a non-negative multiple of the "
                         "quantity plus a constant shown non-negative")
        from derive.engines import cauchy_schwarz
        if cauchy_schwarz.prove(step, larger, smaller, deadline):
            return Proof("lemma: the Cauchy–Schwarz inequality (∫ i)² ≤ ∫ j · ∫ k",
                         "j ≥ 0, k ≥ 0 and i² ≤ j·k are shown at every point of the one "
                         "range, and the gap is a non-negative multiple of J·K − I² plus a "
                         "constant shown non-negative")
    from derive.engines import averages
    if averages.prove(step, deadline):
        return Proof("lemma: an expectation of a non-negative integrand is ≥ 0",
                     "the density is shown non-negative and the integrand non-negative at "
                     "every point, the expectations inside it taken as the constants they are")
    from derive.engines import jensen
    fact = jensen.prove(step, deadline)
    if fact is not None:
        return Proof(f"lemma: {fact}", "the weights are shown non-negative with a positive "
                     "total and the function's second derivative of one sign where its "
                     "argument lies")
    from derive.engines import chords
    fact = chords.prove(step, deadline)
    if fact is not None:
        return Proof(f"lemma: {fact}", "the weights are shown non-negative with a positive "
                     "total, the function of one shape at every point written out, and the "
                     "other side the function at the points' weighted mean")
    if _pointwise(gap, step.relation.strict, n, deadline):
        word = "positive" if step.relation.strict else "non-negative"
        return Proof("pointwise", f"every integrand of the gap is {word} at every point")
    if _on_pieces(gap, n, step.relation.strict, deadline) or \
            _on_pieces_held(larger, smaller, step, deadline):
        word = "positive" if step.relation.strict else "non-negative"
        return Proof("pointwise", f"the integrals split at the ends of each other's ranges, "
                     f"every integrand of the gap is {word} on its range")
    return None


def _on_pieces(gap, n, strict, deadline):
    """The pointwise proof over the common refinement of the gap's ranges (`ranges`)."""
    if gap.is_zero():
        return False
    for way in ranges.spread(n, gap):
        refined = ranges.refine(n, way)
        if refined is not gap and _pointwise(refined, strict, n, deadline):
            return True
    return False


def _on_pieces_held(larger, smaller, step, deadline):
    """`_on_pieces` with each expectation or integral inside an integrand that does not
    involve its variable (μ = E[X] in E[(X − μ)^2], and in the limits μ ± t) taken as one
    fresh number of the sign the normal form shows for it, as `averages` does: a proof for
    every such number holds for its value. So (x − μ)^2 is not expanded into integrals
    over other copies, and the integrand is seen whole."""
    n = normal_form.Normaliser(step.context, deadline)
    constants = {}
    try:
        sides = [_held_inside(side, constants, n) for side in (larger, smaller)]
        if None in sides or not constants:
            return False
        table = dict(step.context.table)
        for name, domain in constants.values():
            table[name] = Declaration(Kind.SYMBOL, domain)
        m = normal_form.Normaliser(Context(table, step.context.parameters, step.context.fixed),
                                   deadline)
        return _on_pieces(m.value(sides[0]) - m.value(sides[1]), m, step.relation.strict,
                          deadline)
    except (normal_form.Unsupported, normal_form.Undefined):
        return False


def _held_inside(term, constants, n):
    """`term` with the constants inside its binders named (`averages.constants_named`,
    one name for each constant wherever it occurs); None when one is not shown real."""
    if isinstance(term, (Integral, Expect)):
        children = [constants_named(c, term.var, constants, n) for c in term.children]
    else:
        children = [_held_inside(c, constants, n) for c in term.children]
    if not children:
        return term
    return None if None in children else term.rebuild(children)


def _distributions(step, n):
    """The distributions a lemma may be applied to: the abstract densities and declared
    families of the step (not a user's formula, which need not be normalised, nor a family
    at parameter values not shown valid), and the marginals of a joint on each of its
    variables (H(X, Y) ≥ H(Y) is H(X | Y) ≥ 0) and its conditionals of one variable given
    the others at their free values (the ELBO's gap `log p(x) − E_q[log p(z, x) − log q(z)]`
    is KL(q ‖ p(z | x))) — of the declared joint too when the step shows only its pieces
    (`E_q[log p(x | z)] − KL(q ‖ p(z))`); conditionals at the step's free values."""
    found = {}
    free = free_names(step.lhs) | free_names(step.rhs)
    for side in (step.lhs, step.rhs):
        for t in nodes(side):
            if isinstance(t, Dist) and _at_free_values(t, free):
                found[t] = None
            elif isinstance(t, Op):
                for a in t.arguments:
                    if isinstance(a, Dist):
                        found[a] = None
    for d in list(found):
        info = step.context.info(d.name)
        joints = [d.over] if not d.given else []
        if not getattr(info, "given", ()) and len(getattr(info, "over", ())) > 1:
            joints.append(info.over)        # the declared joint, also when only its pieces show
        for joint in joints:
            if len(joint) < 2:
                continue
            for v in joint:
                found[Dist(d.name, (v,), (), (), d.params)] = None
                others = tuple(o for o in joint if o is not v)
                found[Dist(d.name, (v,), others, tuple(Sym(o) for o in others), d.params)] = None
    return [d for d in found if _genuine(d, step.context, n)]


def _at_free_values(dist, free):
    """A conditional `q(z | x)` is a distribution over z at the values its conditioning
    variables take in the step, when those are the step's free names (an encoder declared
    `density q over z given x` in the ELBO, `p(x | y)` against `p(x)`); at a variable bound
    inside the step (`p(x | z)` under `E_{q(z|x)}`) it is a different distribution at each
    point, and no lemma outside that binder is about it."""
    return all(free_names(c) <= free for c in dist.cond)


def _genuine(dist, context, n):
    """`families.genuine`, with parameter values signed by the normal form."""
    def sign_of(term):
        try:
            return n.positivity(term)
        except (normal_form.Unsupported, normal_form.Undefined):
            return None
    return families.genuine(dist, context, sign_of)


def _by_lemma(gap, step, n):
    dists = _distributions(step, n)
    for op in registry.OPERATORS:
        for lemma in op.lemmas:
            for args in _argument_tuples(dists, op.arity):
                if not lemma.applies(args, step.context) or \
                        not all(_proper(a, step.context, n) for a in args):
                    continue
                try:        # a law whose operator has no normal form (a Poisson's entropy:
                    #             an infinite series) proves nothing here
                    value = n.value(Op(op.key, *args))
                    bounds = []
                    if lemma.lower is not None:
                        bounds.append(value - n.value(lemma.lower(args, step.context)))
                    if lemma.upper is not None:
                        bounds.append(n.value(lemma.upper(args, step.context)) - value)
                except (normal_form.Unsupported, normal_form.Undefined):
                    continue
                for quantity in bounds:
                    if _multiple_plus_constant(gap, quantity, n):
                        return lemma.name
    return None


def _by_averaged_lemma(gap, step, n):
    """A lemma about conditionals at every conditioning value, averaged (`averaged_lemmas`)."""
    from derive.engines.averaged_lemmas import by_averaged_lemma
    try:
        return by_averaged_lemma(
            gap, step, n, lambda d: _genuine(d, step.context, n) and _proper(d, step.context, n),
            lambda g, quantity: _multiple_plus_constant(g, quantity, n))
    except (normal_form.Unsupported, normal_form.Undefined):
        return None


def _proper(dist, context, n):
    """A distribution argument is a genuine one: declared, or written as an expression in
    densities shown positive and of total mass 1 (lemmas such as KL ≥ 0 hold only for those)."""
    info = context.info(dist.name)
    if getattr(info, "expression", None) is None:
        return True
    points = tuple(registry.bound_copy(v) for v in dist.over)
    density = Dens(dist, tuple(Sym(p) for p in points))
    mass = density
    for p in reversed(points):
        mass = Integral(p, mass)
    try:
        return n.sign(n.value(density)) == normal_form.POS and \
            (n.value(mass) - Poly.const(1)).is_zero()
    except (normal_form.Unsupported, normal_form.Undefined):
        return False


def _argument_tuples(dists, arity):
    import itertools
    return [tuple(c) for c in itertools.permutations(dists, arity)]


def _multiple_plus_constant(gap, quantity, n):
    """Whether gap = c·quantity + r with c ≥ 0 rational and r a constant shown ≥ 0; or,
    for a quantity with integrals, c a factor outside them shown ≥ 0 (the `1/\\ln b` of
    `\\log_b`: −Σ p log_b p ≤ −Σ p log_b q is KL(p ‖ q)/ln b ≥ 0 for b > 1)."""
    integral_terms = [m for m in quantity.terms if any(a[0] == "int" for a, _ in m)]
    if not integral_terms and not quantity.terms:
        return False
    reference = min(integral_terms or quantity.terms, key=canonical)   # closed forms too
    c = Fraction(gap.terms.get(reference, 0)) / quantity.terms[reference]
    factors = [Poly.const(c)] if c >= 0 else []
    if integral_terms:
        factors.append(_outer_factor(gap, quantity, reference, n))
    for factor in factors:
        rest = gap - quantity * factor if factor is not None else None
        if rest is not None and not any(a[0] == "int" for m in rest.terms for a, _ in m) \
                and _constant_nonnegative(rest, n):
            return True
    return False


def _outer_factor(gap, quantity, reference, n):
    """c with gap's multiples of the reference monomial = c·reference, each quotient free
    of the reference's integrals and of their variables, when c is shown ≥ 0; else None."""
    from derive.engines.gaussian import mentions
    from derive.engines.poly import mono_mul, mono_pow
    copies = [a[1] for a, _ in reference if a[0] == "int"]
    inverse = mono_pow(reference, -1)
    factor = {}
    for m, k in gap.terms.items():
        quotient = mono_mul(m, inverse)
        if not any(a[0] == "int" or mentions(a, copy) for a, _ in quotient for copy in copies):
            factor[quotient] = Fraction(k) / quantity.terms[reference]
    c = Poly(factor)
    if c.is_zero() or c.constant() is not None or \
            n.sign(c) not in (normal_form.POS, normal_form.NONNEG):
        return None
    return c


def _constant_nonnegative(poly, n):
    """A poly with no integrals is ≥ 0: by its atoms' signs, or — when nothing in it
    varies — by a certified evaluation (logs of primes, π)."""
    if poly.is_zero() or n.sign(poly) in (normal_form.POS, normal_form.NONNEG):
        return True
    if all(a[0] in ("logp", "pi", "prime") for m in poly.terms for a, _ in m):
        from flint import arb, ctx
        saved = ctx.prec
        ctx.prec = 128
        try:
            total = arb(0)
            for m, c in poly.terms.items():
                value = arb(c.numerator) / c.denominator
                for a, e in m:
                    base = arb(a[1]).log() if a[0] == "logp" else \
                        (arb.pi() if a[0] == "pi" else arb(a[1]))
                    value *= base ** int(e) if Fraction(e).denominator == 1 else \
                        base ** arb(Fraction(e).numerator) / Fraction(e).denominator
                total += value
            return bool(total >= 0)
        finally:
            ctx.prec = saved
    return False


# ====================================================================== pointwise

def _pointwise(gap, strict, n, deadline):
    import sympy

    from derive.engines.symbolic import Converter, integrands
    converter = Converter(sympy)
    for parts in integrands(gap):
        if not parts:
            return False
        for terms in parts:
            if deadline is not None and clock.now() > deadline:
                return False
            if not _positive_measure(terms, strict):
                break
            try:
                expr = sympy.Add(*[converter.monomial(m, c) for m, c in terms])
                expr = _masses_at_most_one(sympy, converter, expr, n.context)
                naturals = _naturals_from_one(sympy, converter, n.context)
                shown = any(_sign(sympy, e.subs(naturals), strict) for e in _on_ranges(
                    sympy, converter, _members_below_total(sympy, converter, expr, terms),
                    terms))
            except (OverflowError, ValueError):     # SymPy's evalf on huge constants
                shown = False
            if not shown:
                break
        else:
            return True
    return False


def _masses_at_most_one(sp, converter, expr, context):
    """The integrand with each value of an abstract mass function (a declared law over
    discrete variables alone, not by formula: `p(x)`, `p(y | x)`, `p(x, y)`) written as
    1/(1 + s), s ≥ 0 — exactly the values in (0, 1] a positive mass summing to 1 takes —
    so that `p(x) ≤ 1` and `log p(x) ≤ 0` follow. Never of a density of a continuous
    variable, whose values may exceed 1, nor of a formula (derive does not assume it
    normalised)."""
    serials = {name.serial: declaration for name, declaration in context.table.items()}
    put = {}
    for atom, symbol in converter.symbols.items():
        if atom[0] != "dens" or symbol not in expr.free_symbols:
            continue
        declaration = serials.get(atom[2])
        info = getattr(declaration, "info", None)
        drawn = [serials.get(serial) for serial in atom[3]]     # the variables before |
        if declaration is None or declaration.kind is not Kind.DISTRIBUTION or \
                info.formula is not None or info.expression is not None or \
                info.support is not None or not drawn or \
                not all(getattr(getattr(d, "info", None), "discrete", False) for d in drawn):
            continue
        put[symbol] = 1 / (1 + sp.Dummy("s", nonnegative=True))
    return expr.subs(put) if put else expr


def _naturals_from_one(sp, converter, context):
    """{symbol: 1 + t, t ≥ 0} for each declared natural number (1, 2, 3, …) among the
    converter's symbols: SymPy knows them only positive, and `\\log n \\ge 0` needs n ≥ 1.
    (A sign shown for every real n ≥ 1 holds at the whole ones.)"""
    serials = {name.serial: declaration for name, declaration in context.table.items()}
    return {symbol: 1 + sp.Dummy("t", nonnegative=True)
            for atom, symbol in converter.symbols.items()
            if atom[0] == "sym" and getattr(serials.get(atom[2]), "kind", None) is Kind.SYMBOL
            and serials[atom[2]].domain is Domain.NATURAL}


def _members_below_total(sp, converter, expr, terms):
    """The integrand of a sum over a range R with each total Σ_{k ∈ R} w_k of a family of
    non-negative members, w taken at the sum's point i, written w_i + r with r ≥ 0: a
    total of non-negative terms is at least each of them, and i ranges over R. (With
    `family_weights`, `\\sum_i p_i \\log p_i \\le 0` after `\\sum_i p_i = 1`: each
    p_i = w_i / Σ_k w_k ≤ 1.)"""
    from derive.engines.symbolic import family_weights
    copies = frozenset(a for a, _ in terms[0][0] if a[0] == "int")
    put = {}
    for (member, _), (total, _) in family_weights(copies, terms):
        if member[4] in (normal_form.POS, normal_form.NONNEG) and total in converter.symbols \
                and member in converter.symbols:
            put[converter.symbols[total]] = converter.symbols[member] + \
                sp.Dummy("r", nonnegative=True)
    return expr.subs(put) if put else expr


def _on_ranges(sp, converter, expr, terms):
    """The integrand, then with each copy's point written from an end of its interval:
    x = l + s or x = h − s with s ≥ 0, so a sign shown for every s ≥ 0 holds on the range
    (∫_a^∞ (x − a) p(x) dx: s·p(a + s) ≥ 0). Each form uses one true bound on the point."""
    yield expr
    options = []
    for atom, (low, high) in ranges.point_ranges(terms).items():
        symbol = converter.symbols.get(atom)
        if symbol is None:
            continue
        s = sp.Dummy("s", nonnegative=True)
        ways = []
        if low != "-oo":
            ways.append(converter.poly(low) + s)
        if high != "+oo":
            ways.append(converter.poly(high) - s)
        if ways:
            options.append([(symbol, w) for w in ways])
    for choice in itertools.islice(itertools.product(*options), 8) if options else ():
        yield expr.subs(dict(choice))


def _positive_measure(terms, strict):
    """Whether the integrals over an integrand's copies are positive measures, so that a
    non-negative integrand has a non-negative integral: `∫_a^b` only where b ≥ a is shown
    (b > a for a strict step), a sum only where it is shown non-empty for a strict step."""
    allowed = (normal_form.POS,) if strict else (normal_form.POS, normal_form.NONNEG)
    return all(normal_form._sign(a) in allowed for a, _ in terms[0][0] if a[0] == "int")


def _sign(sp, expr, strict):
    expr = sp.cancel(sp.together(expr)) if not expr.has(sp.log) else expr
    return _nonneg(sp, expr, strict, 0)


def _nonneg(sp, e, strict, depth):
    """Whether e ≥ 0 (> 0 when strict) follows from the symbols' assumptions."""
    if depth > 6:
        return False
    known = e.is_positive if strict else e.is_nonnegative
    if known:
        return True
    if isinstance(e, sp.Mul):
        signs = [_factor_sign(sp, a, strict, depth + 1) for a in e.args]
        return 0 not in signs and signs.count(-1) % 2 == 0
    if isinstance(e, sp.Pow) and e.exp.is_integer and e.exp.is_even and e.base.is_real:
        return not strict or _nonneg(sp, e.base, True, depth + 1) or \
            _nonneg(sp, -e.base, True, depth + 1)
    if isinstance(e, sp.log):
        u = e.args[0]
        return bool(u.is_positive) and _nonneg(sp, sp.factor(sp.cancel(sp.together(u - 1))),
                                               strict, depth + 1)
    if isinstance(e, sp.Add):
        if all(_nonneg(sp, a, strict, depth + 1) for a in e.args):
            return True
        factored = sp.factor(e)
        if factored != e and not isinstance(factored, sp.Add) and \
                _nonneg(sp, factored, strict, depth + 1):
            return True
        combined = sp.logcombine(e, force=False)      # only over positive arguments
        if combined != e and _nonneg(sp, combined, strict, depth + 1):
            return True
        return _rounding_bound(sp, e, strict, depth) or _log_bound(sp, e, strict, depth) or \
            _exp_bound(sp, e, strict, depth)
    return False


def _factor_sign(sp, a, strict, depth):
    """+1 / -1 when a factor is shown ≥ 0 / ≤ 0 (strictly, when strict); 0 otherwise."""
    if _nonneg(sp, a, strict, depth):
        return 1
    if (a.is_negative if strict else a.is_nonpositive):
        return -1
    if isinstance(a, sp.log) and a.args[0].is_positive:       # log u ≤ 0 when u ≤ 1
        return -1 if _nonneg(sp, sp.factor(sp.cancel(sp.together(1 - a.args[0]))), strict,
                             depth + 1) else 0
    return -1 if _nonneg(sp, -a, strict, depth + 1) else 0


def _rounding_bound(sp, e, strict, depth):
    """Replace each ceiling or floor by the bound that lowers `e` (⌈u⌉ < u + 1, ⌈u⌉ ≥ u,
    ⌊u⌋ ≤ u, ⌊u⌋ > u − 1, for real u, by the sign of its coefficient) and prove what is
    left; a strict replacement makes the conclusion strict."""
    replaced, changed, strictly = [], False, False
    for term in e.args:
        roundings = [a for a in term.atoms(sp.ceiling, sp.floor) if a.args[0].is_real]
        if len(roundings) != 1:
            replaced.append(term)
            continue
        (r,) = roundings
        coeff, rest = term.as_independent(r, as_Add=False)
        sign = _factor_sign(sp, coeff, False, depth + 1)
        if rest != r or sign == 0:
            replaced.append(term)
            continue
        u, ceiling = r.args[0], isinstance(r, sp.ceiling)
        if ceiling:
            bound, strict_bound = (u + 1, True) if sign < 0 else (u, False)
        else:
            bound, strict_bound = (u, False) if sign < 0 else (u - 1, True)
        replaced.append(coeff * bound)
        changed, strictly = True, strictly or strict_bound
    if not changed:
        return False
    lower = sp.expand(sp.Add(*replaced))
    return _nonneg(sp, lower, strict and not strictly, depth + 1)


_MIRROR_DEPTH = 1       # the joined logs and the mirror bound: near the top of the search


def _log_bound(sp, e, strict, depth):
    """Use the tangent line of the concave log at 1, `log u ≤ u − 1` (u > 0), on the terms
    `c·log u` it lowers — `c·(u − 1)` for c < 0 — and prove what is left; failing that, also
    its mirror `log u ≥ 1 − 1/u` (the same bound at 1/u) on the terms with c > 0, as
    `c·(1 − 1/u)` (`\\ln\\frac{q}{p} \\le \\frac{q}{p} - 1` is `log p − log q + q/p − 1 ≥ 0` once
    the logs are combined into `log(p/q)`). Each is a lower bound of its term only for the
    sign of c it is used with: never `c·(u − 1)` for c > 0."""
    def tangent(coeff, u):
        return coeff * (u - 1) if u.is_positive and coeff.is_negative else None

    def both(coeff, u):
        return coeff * (1 - 1 / u) if u.is_positive and coeff.is_positive else \
            tangent(coeff, u)
    if depth > _MIRROR_DEPTH:                   # the sign search branches on every form tried
        return _tangent_bound(sp, e, strict, depth, sp.log, tangent)
    collected = _logs_collected(sp, e)
    for form in (e,) if collected is None else (e, collected):
        mirrored = any(tangent(*split) is None and both(*split) is not None
                       for split in _coefficient_splits(form, sp.log) if split is not None)
        if _tangent_bound(sp, form, strict, depth, sp.log, tangent) or \
                (mirrored and _tangent_bound(sp, form, strict, depth, sp.log, both)):
            return True
    return False


def _logs_collected(sp, e):
    """The sum `e` with its terms `c·log a` and `−c·log b` of one coefficient up to sign
    joined into `c·log(a/b)` — exact for a, b > 0 — so the tangent bound is used once on the
    ratio (`p log p − p log q + q − p` is `p·(log(p/q) + q/p − 1)`; the bounds of log p and
    log q apart are too weak); None when no two terms join."""
    groups, rest = {}, []
    for term, split in zip(e.args, _coefficient_splits(e, sp.log)):
        if split is None or not split[1].is_positive:
            rest.append(term)
            continue
        coeff, u = split
        key, power = (-coeff, -1) if coeff.could_extract_minus_sign() else (coeff, 1)
        groups.setdefault(key, []).append(u ** power)
    if all(len(us) < 2 for us in groups.values()):
        return None
    return sp.Add(*rest, *[c * sp.log(sp.Mul(*us)) for c, us in groups.items()])


def _exp_bound(sp, e, strict, depth):
    """Use `c·exp(u) ≥ c·(1 + u)` (c ≥ 0, u real: the exponential lies above its tangent at
    0) on such terms and prove what is left: Markov's bound for Y = e^{tX} at e^{ta}, on the
    event's range x = a + s, leaves p(a + s)·(e^{ts} − 1) ≥ p·ts ≥ 0."""
    return _tangent_bound(sp, e, strict, depth, sp.exp, lambda coeff, u: coeff * (1 + u) if
                          u.is_real and _nonneg(sp, coeff, False, depth + 1) else None)


def _tangent_bound(sp, e, strict, depth, function, lower):
    """Each term `c·function(u)` of the sum `e` replaced by `lower(c, u)`, a lower bound of
    it there (a concave log below, a convex exp above its tangent line; None: the term is
    kept), and what is left proved non-negative; False when no term is replaced."""
    replaced, changed = [], False
    for term, split in zip(e.args, _coefficient_splits(e, function)):
        bound = lower(*split) if split is not None else None
        changed = changed or bound is not None
        replaced.append(term if bound is None else bound)
    if not changed:
        return False
    lower_sum = sp.factor(sp.cancel(sp.together(sp.Add(*replaced))))
    return _nonneg(sp, lower_sum, strict, depth + 1)


def _coefficient_splits(e, function):
    """For each term of the sum `e`, `(c, u)` when it is `c·function(u)` with c free of
    `function`, else None."""
    splits = []
    for term in e.args:
        coeff, rest = term.as_independent(*term.atoms(function), as_Add=False)
        splits.append((coeff, rest.args[0]) if isinstance(rest, function) else None)
    return splits

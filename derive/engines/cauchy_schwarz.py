"""The Cauchy–Schwarz inequality for integrals, sums and expectations, as a bounds lemma.

For integrals I = ∫ i, J = ∫ j, K = ∫ k over one range (the same variables, the same
limits, or one distribution shown ≥ 0 for expectations): when j ≥ 0, k ≥ 0 and
i² ≤ j·k at every point, then |i| ≤ √j·√k and

    I² ≤ (∫ |i|)² ≤ (∫ √j·√k)² ≤ J·K,

so `(E[XY])² ≤ E[X²]E[Y²]` (i = p·xy, j = p·x², k = p·y²: i² = j·k), its sum form
`(Σ a_i b_i)² ≤ Σ a_i² Σ b_i²`, and the discriminant of E[(tX − Y)²] ≥ 0. (With limits
that run backwards each of ∫ i, ∫ j, ∫ k changes sign, and the inequality stands.)

The step's integrals not under another binder are each held as one fresh real number
(one name for integrals of one value), and the step is proved when its gap, in those
numbers, is `c·(J·K − I²) + r` for a rational c ≥ 0 and an r shown ≥ 0 — or, for the
square-root form `|E[XY]| ≤ √E[X²]·√E[Y²]`, when the larger side is shown ≥ 0 and the
gap of the squares is such a multiple and the smaller side is shown real (a ≥ 0 and
a² ≥ b² give a ≥ |b| ≥ b for real b). The three
pointwise facts are shown by the normal form's signs at a free real point (each
integration variable a fresh real symbol: a fact for every real point holds on any range
of it), for integration variables declared real; when the facts are not shown so, the bodies'
constants (integrals free of the point: μ = E[X] in E[(X − μ)(Y − ν)], the means inside
Cov(X, Y) and Var(X)) are each held as a fresh real name and the facts shown for every real
value of those names — so the lemma applies to any real quantities U, V of the variables,
`Cov(X, Y)² ≤ Var(X)·Var(Y)` among them. Not for strict steps.
"""

from __future__ import annotations

import itertools

from derive.engines import normal_form
from derive.model.context import Context
from derive.model.names import Declaration, Domain, Kind, Name
from derive.model.terms import (Defined, Expect, Integral, Mul, Num, Pow, Product, Sym, free_names,
                                substitute)

_DOMAINS = {normal_form.POS: Domain.POSITIVE, normal_form.NONNEG: Domain.NONNEGATIVE,
            normal_form.REAL: Domain.REAL}
_SHOWN_NONNEG = (normal_form.POS, normal_form.NONNEG)
_MOST = 8                       # integrals of a step tried as I, J, K (8·28 candidate triples)


def prove(step, larger, smaller, deadline):
    """Whether the non-strict order step `smaller ≤ larger` follows from Cauchy–Schwarz."""
    n = normal_form.Normaliser(step.context, deadline)
    held = {}                                   # integral term → (name, value)
    try:
        sides = [_held(side, held, n) for side in (larger, smaller)]
        if None in sides or len({name for name, _ in held.values()}) < 2:
            return False
        integrals = {}
        for term, (name, _) in held.items():
            integrals.setdefault(name, term)
        table = dict(step.context.table)
        for name, _ in held.values():
            table[name] = Declaration(Kind.SYMBOL, _held_domain(held, name, n))
        widened = Context(table, step.context.parameters, step.context.fixed)
        m = normal_form.Normaliser(widened, deadline)
        gaps = [m.value(sides[0]) - m.value(sides[1])]
        if _nonnegative(m.value(sides[0]), m) and m.sign(m.value(sides[1])) in _DOMAINS:
            gaps.append(m.value(Pow(sides[0], Num(2))) - m.value(Pow(sides[1], Num(2))))
        from derive.engines.bounds import _multiple_plus_constant
        names = list(integrals)[:_MOST]
        for a in names:
            others = [b for b in names if b is not a]
            for b, c in itertools.combinations_with_replacement(others, 2):
                quantity = m.value(Sym(b)) * m.value(Sym(c)) - m.value(Pow(Sym(a), Num(2)))
                if any(_multiple_plus_constant(gap, quantity, m) for gap in gaps) and \
                        _pointwise_schwarz(integrals[a], integrals[b], integrals[c],
                                           step.context, deadline):
                    return True
        return False
    except (normal_form.Unsupported, normal_form.Undefined):
        return False


def _held_domain(held, name, n):
    value = next(v for nm, v in held.values() if nm is name)
    return _DOMAINS[n.sign(value)]


def _held(term, held, n, points=frozenset()):
    """`term` with each integral, sum or expectation not under another binder and free of
    the `points` put to a fresh real name (one name per value; recorded in `held`); None
    when one is not shown real. Other binders are kept whole. With no points these are the
    step's integrals (I, J, K); at a point of the range they are its constants (a mean
    μ = E[X] inside E[(X − μ)(Y − ν)], Cov's and Var's centred products), whose expansion
    the normal form cannot sign: a pointwise fact shown for every real value of the names
    holds at their own, so the lemma takes any real quantities U, V of the variables."""
    if isinstance(term, Defined):
        return _held(term.body, held, n, points)
    if ((isinstance(term, Integral) and not isinstance(term, Product)) or
            isinstance(term, Expect)) and not free_names(term) & points:
        pulled = _factors_pulled_out(term)
        if pulled is not term:
            return _held(pulled, held, n, points)
        if term not in held:
            value = n.value(term)
            if n.sign(value) not in _DOMAINS:
                return None
            same = next((nm for nm, v in held.values() if (v - value).is_zero()), None)
            held[term] = (same or Name("I"), value)
        return Sym(held[term][0])
    if term.binds or not term.children:
        return term
    children = []
    for child in term.children:
        replaced = _held(child, held, n, points)
        if replaced is None:
            return None
        children.append(replaced)
    return term.rebuild(children)


def _factors_pulled_out(term):
    """`∫ c·f = c·∫ f` for the factors c of the body free of the variable (the reader
    takes `\\sum_i a_i^2 \\sum_i b_i^2` as one sum whose body holds the other); the term
    itself when there are none, or nothing else."""
    body = term.body
    if not isinstance(body, Mul):
        return term
    outside = [f for f in body.children if term.var not in free_names(f)]
    inside = [f for f in body.children if term.var in free_names(f)]
    if not outside or not inside:
        return term
    inner = inside[0] if len(inside) == 1 else Mul(*inside)
    if isinstance(term, Expect):
        return Mul(*outside, Expect(term.var, term.dist, inner))
    return Mul(*outside, type(term)(term.var, inner, term.lower, term.upper))


def _pointwise_schwarz(i, j, k, context, deadline):
    """Whether i, j, k integrate over one range with j ≥ 0, k ≥ 0 and j·k − i² ≥ 0 shown
    at every real point (module docstring)."""
    bodies = _one_range(i, (j, k))
    if bodies is None or not all(context.domain(var).is_real for _, var, _ in _chain(i)[0]):
        return False
    points, (bi, bj, bk) = bodies
    table = dict(context.table)
    for point in points:
        table[point] = Declaration(Kind.SYMBOL, Domain.REAL)
    n = normal_form.Normaliser(Context(table, context.parameters, context.fixed), deadline)
    if not _measures_nonnegative(i, n):
        return False
    if _schwarz_at_a_point((bi, bj, bk), n):
        return True
    held = {}
    constant = [_held(b, held, n, frozenset(points)) for b in (bi, bj, bk)]
    if not held or None in constant:
        return False
    for name, _ in held.values():
        table[name] = Declaration(Kind.SYMBOL, _held_domain(held, name, n))
    m = normal_form.Normaliser(Context(table, context.parameters, context.fixed), deadline)
    return _schwarz_at_a_point(constant, m)


def _schwarz_at_a_point(bodies, n):
    """j ≥ 0, k ≥ 0 and j·k − i² ≥ 0 shown by the normal form's signs."""
    vi, vj, vk = (n.value(b) for b in bodies)
    return all(_nonnegative(v, n) for v in (vj, vk, vj * vk - vi * vi))


def _measures_nonnegative(term, n):
    """The distributions of a chain's expectations are shown ≥ 0 (`jensen`'s test: declared
    densities and families, formulas by their pieces); integrals and sums are over
    Lebesgue and counting measure."""
    from derive.engines.jensen import _density_signs
    from derive.model.terms import Dens
    for kind, var, ends in _chain(term)[0]:
        if kind is Expect:
            (dist,) = ends
            signs = _density_signs(dist, Dens(dist, (Sym(var),)), n)
            if not all(s in _SHOWN_NONNEG for s in signs):
                return False
    return True


def _nonnegative(value, n):
    from derive.engines import bounds
    return value.is_zero() or n.sign(value) in _SHOWN_NONNEG or \
        bounds._pointwise(value, False, n, None)


def _one_range(first, others):
    """(fresh points, bodies) when `first` and each of `others` are chains of integrals,
    sums or expectations of one shape over one range (limits and distributions equal with
    the variables renamed), each body written at the fresh points; else None."""
    chains = [_chain(t) for t in (first, *others)]
    shape = [len(c) for c, _ in chains]
    if not shape[0] or len(set(shape)) != 1:
        return None
    points = [Name(var.latex) for _, var, _ in chains[0][0]]
    bodies = []
    for links, body in chains:
        renaming = {}
        for (kind, var, ends), (kind0, _, ends0), point in zip(links, chains[0][0], points):
            ends = tuple(None if e is None else substitute(e, renaming) for e in ends)
            ends0 = tuple(None if e is None else
                          substitute(e, {v: Sym(p) for (_, v, _), p in
                                         zip(chains[0][0], points)}) for e in ends0)
            if kind is not kind0 or ends != ends0:
                return None
            renaming[var] = Sym(point)
        bodies.append(substitute(body, renaming))
    return points, bodies


def _chain(term):
    """([(kind, variable, ends)], body) of nested integrals, sums or expectations."""
    links = []
    while True:
        if isinstance(term, Expect):
            links.append((Expect, term.var, (term.dist,)))
        elif isinstance(term, Integral) and not isinstance(term, Product):
            links.append((type(term), term.var, (term.lower, term.upper)))
        else:
            return links, term
        term = term.body

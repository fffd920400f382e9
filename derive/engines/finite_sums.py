"""Finite sums with symbolic bounds (`\\sum_{k=0}^{n}`, `\\sum_{k=1}^{n-1}`): a proof route for
equalities the normal form leaves open, as statistics texts write them (the binomial
theorem, a binomial distribution's mean, geometric partial sums, index shifts).

The normal form sums a polynomial in the index and merges sums over one range whose
summands agree as its Laurent polynomials; it knows no identity of binomials or factorials
(k·C(n, k) = n·C(n−1, k−1)) and never compares sums over different ranges. Here, with
SymPy, within the step's deadline:

* **closed forms** (`closed_forms`): each such sum Σ_{k=a}^{b} f(k), innermost first, is
  the sum Σ_{j=0}^{N} g(j) of g(j) = f(j + a) over N = b − a, taken only where N ≥ −1 is
  shown (the range has ≥ 0 terms: SymPy's convention for a range that runs backwards is
  not derive's empty sum). Its value is the binomial theorem with polynomial weights when
  g(j) = P(j)·C(N, j)·t^j·c (the ratio g(j+1)/g(j) is t·(N−j)/(j+1)·P(j+1)/P(j) for a
  polynomial P; then Σ_j j^(m)·C(N, j)·t^j = N^(m)·t^m·(1+t)^(N−m), falling powers), or
  SymPy's `summation` — used only without a remaining `Sum`, and under conditions
  (`Piecewise`) only where the declarations or a hypothesis `u \\ne v` of the step show
  them (`\\sum_{k=0}^{n-1} r^k = \\frac{1-r^n}{1-r}` needs `r \\ne 1` stated). The step
  with its closed forms then goes to the normal form and SymPy's `cancel`/`simplify`.
* **termwise** (`termwise`): the difference lhs − rhs as a combination Σ_i c_i·S_i + R of
  sums S_i (c_i free of their indices) with the rest R; the sums are aligned — each at its
  own index values, or each shifted to start at 0 (k = j + a: an index shift) — on the
  common range [L, H] of bounds that differ by whole numbers, where H ≥ L − 1 is shown;
  the terms outside [L, H] are written out (`\\sum_{k=0}^{n} = (k = 0 term) + \\sum_{k=1}^{n}`).
  The step holds when Σ_i c_i·f_i(k) is identically zero (SymPy's `gammasimp`, which
  writes factorials and binomials as Γ, then `simplify`) and R plus the written-out
  terms is zero (the normal form, else SymPy).

SymPy's identities are identities of meromorphic functions, so they hold wherever both
sides have a value — derive's reading of an equation (`decide`). Nothing here refutes:
`decide.equality` also needs numeric agreement on the step as written, where the sums are
evaluated term by term at small whole values of their bounds' letters.
"""

from __future__ import annotations

from derive.engines import clock, normal_form
from derive.engines.series import FUNCTIONS as SERIES_FUNCTIONS, _without_conditions
from derive.model.names import Declaration, Domain, Kind, Name
from derive.model.terms import (
    OO, ZERO, Add, Mul, Num, Sum, Sym, free_names, neg, nodes, sub, substitute,
)
from derive.model.derivation import Relation

FUNCTIONS = SERIES_FUNCTIONS + ("binom",)
USES_HYPOTHESIS = "SymPy's sum holds under the step's hypothesis"   # `decide` reads it
MAX_WRITTEN_OUT = 16          # terms written out to align ranges, at most
_INDEX = Declaration(Kind.SYMBOL, Domain.INTEGER)
_SYMPY_FAILURES = (ArithmeticError, TypeError, ValueError, NotImplementedError, AttributeError)


class NoRoute(Exception):
    """This route does not apply (the message says why)."""


def finite(term):
    """Whether `term` is a sum over whole numbers between bounds that are not both numbers
    (those the normal form writes out)."""
    return isinstance(term, Sum) and term.lower is not None and term.upper is not OO and \
        not (isinstance(term.lower, Num) and isinstance(term.upper, Num))


def has_sums(step):
    return any(finite(t) or over_support(t, step.context) is not None
               for side in (step.lhs, step.rhs) for t in nodes(_opened(side, step.context)))


def over_support(term, context):
    r"""An expectation under a declared mass function by formula whose support is one range
    of whole numbers with ends not both numbers (`\mathrm{Bin}(n, p)`: 0..n), written as
    that finite sum with the formula put in: E_{k∼f}[g] = Σ_{k=0}^{n} f(k)·g(k) — the law's
    variable's range contains its support, and f is 0 elsewhere. None for anything else
    (a support of numbers is written out by the normal form; an infinite one is a series)."""
    from derive.engines.series import substitute_density
    from derive.model.terms import Dens, Dist, Expect
    from derive.notation import families
    if not isinstance(term, Expect) or not isinstance(term.dist, Dist) or term.dist.given or \
            not getattr(context.info(term.var), "discrete", False):
        return None
    body = Mul(Dens(term.dist, (Sym(term.var),)), term.body)
    try:
        split = families.range_pieces(body, term.var, context)
    except ValueError:
        return None
    if split is None or split[0] != term.dist or not families.on_points(term.dist, context):
        return None
    (low, high), = split[1] if len(split[1]) == 1 else ((None, None),)
    if low is None or high is None or isinstance(low, Num) and isinstance(high, Num):
        return None
    (_, _, formula), = families.explicit(Dens(term.dist, (Sym(term.var),)), context)
    return Sum(term.var, substitute_density(body, term.dist, term.var, formula), low, high)


def _opened(term, context):
    r"""`term` with each operator whose meaning has an expectation `over_support` replaced
    by that meaning (`\operatorname{Var}(k)` of a binomial k: E[(k − E k)²])."""
    from derive.engines.limits import _replace
    from derive.model.terms import Op
    from derive.notation import registry
    for t in nodes(term):
        if isinstance(t, Op) and any(over_support(u, context) is not None
                                     for u in nodes(registry.meaning(t))):
            return _opened(_replace(term, t, registry.meaning(t)), context)
    return term


def _written_out(step):
    """The step with each expectation `over_support` written as its finite sum."""
    from dataclasses import replace

    from derive.engines.limits import _replace
    sides = []
    for side in (step.lhs, step.rhs):
        side = _opened(side, step.context)
        while True:
            found = next(((t, s) for t in nodes(side)
                          for s in [over_support(t, step.context)] if s is not None), None)
            if found is None:
                break
            side = _replace(side, *found)
        sides.append(side)
    return replace(step, lhs=sides[0], rhs=sides[1])


def prove(step, deadline, proved_by_normal_form):
    """(proved, what was done) for an equality with finite sums of symbolic bounds (an
    expectation over a finite support with symbolic ends written as its sum first);
    `proved_by_normal_form(step)` is (proved, why not) of the normal form on a step."""
    import sympy
    step = _written_out(step)
    bridge = _Bridge(sympy, step)
    resolved, found = closed_forms(step, bridge, deadline)
    said = "; ".join(found) + (f" ({USES_HYPOTHESIS} "
                               f"{', '.join(sorted(bridge.used))})" if bridge.used else "")
    if found:
        proved, why_not = proved_by_normal_form(resolved)
        if proved:
            return True, f"closed forms of the finite sums: {said}; then the normal form"
        from derive.engines import symbolic
        if symbolic.prove_equal(resolved, deadline).proved:
            return True, f"closed forms of the finite sums: {said}; then SymPy"
    try:
        how = termwise(resolved, bridge, deadline)
    except NoRoute as exc:
        done = f"closed forms: {said}; " if found else "no closed form of the finite sums; "
        return False, f"{done}not termwise: {exc}"
    found_text = f"closed forms of the finite sums: {said}; then " if found else ""
    return True, f"{found_text}{how}"


# ====================================================================== closed forms

def closed_forms(step, bridge, deadline):
    """The step with every finite sum that has a closed form replaced by it (innermost
    first), and the closed forms found, as text."""
    from dataclasses import replace

    from derive.engines.limits import _replace
    from derive.notation.show import show
    found, failed = [], set()
    sides = [step.lhs, step.rhs]
    for i, side in enumerate(sides):
        while True:
            if clock.now() > deadline:
                return replace(step, lhs=sides[0], rhs=sides[1]), found
            inner = next((t for t in nodes(side) if finite(t) and t not in failed and not any(
                u is not t and finite(u) and u not in failed for u in nodes(t))), None)
            if inner is None:
                break
            value = bridge.closed_form(inner)
            if value is None:
                failed.add(inner)
                continue
            found.append(f"Σ_{{{show(Sym(inner.var))}={show(inner.lower)}}}^{{"
                         f"{show(inner.upper)}}} … = {show(value)}")
            side = _replace(side, inner, value)
        sides[i] = side
    return replace(step, lhs=sides[0], rhs=sides[1]), found


# ====================================================================== termwise

def termwise(step, bridge, deadline):
    """How the step holds sum by sum on aligned ranges (see the module's docstring);
    raises NoRoute."""
    sums, rest = _combination(Add(step.lhs, neg(step.rhs)))
    if not sums:
        raise NoRoute("no sum with symbolic bounds left to compare")
    reasons = []
    for shifted in (False, True):
        if clock.now() > deadline:
            raise NoRoute("out of time")
        try:
            summand, outside = _aligned(sums, shifted, step.context, bridge)
        except NoRoute as exc:
            reasons.append(str(exc))
            continue
        if not bridge.vanishes(summand):
            reasons.append("the summands " + ("shifted to start at 0 " if shifted else "") +
                           "do not cancel (SymPy's gammasimp and simplify)")
            continue
        if not _zero(Add(*rest, *outside) if rest or outside else ZERO, step, bridge, deadline):
            reasons.append("the summands cancel, but not the terms outside the common range")
            continue
        return ("the sums " + ("shifted to start at 0 (an index shift) " if shifted else "") +
                "cancel term by term on their common range (SymPy's gammasimp: factorials "
                "and binomials as Γ), and the terms outside it cancel")
    raise NoRoute("; ".join(dict.fromkeys(reasons)))


def _combination(difference):
    """([(coefficient, sum)], rest): the addends of `difference` that are one finite sum
    times factors, and the others."""
    sums, rest = [], []
    stack = [difference]
    while stack:
        term = stack.pop()
        if isinstance(term, Add):
            stack.extend(term.args)
            continue
        factors = term.args if isinstance(term, Mul) else (term,)
        grouped = next((f for f in factors if isinstance(f, Add) and
                        any(finite(t) for t in nodes(f))), None)
        if grouped is not None:           # c·(a + Σ f): distributed, c·a + c·Σ f
            others = [f for f in factors if f is not grouped]
            stack.extend(Mul(*others, a) for a in grouped.args)
            continue
        found = [f for f in factors if finite(f)]
        if len(found) == 1:
            others = [f for f in factors if f is not found[0]]
            coefficient = Mul(*others) if len(others) > 1 else (others[0] if others else Num(1))
            sums.append((coefficient, found[0]))
        else:
            rest.append(term)
    return sums, rest


def _aligned(sums, shifted, context, bridge):
    """(Σ_i c_i·f_i(j) in SymPy over one index j, [the terms outside the common range])
    for the sums at their own index values or shifted to start at 0."""
    n = normal_form.Normaliser(context)
    index = Name("j", local=_INDEX)
    pieces = []
    for coefficient, s in sums:
        low, high = (Num(0), sub(s.upper, s.lower)) if shifted else (s.lower, s.upper)
        at = (lambda value, s=s: substitute(s.body, {s.var: Add(value, s.lower)})) if shifted \
            else (lambda value, s=s: substitute(s.body, {s.var: value}))
        pieces.append((coefficient, at, low, high))
    try:
        lows = [n.value(low) for _, _, low, _ in pieces]
        highs = [n.value(high) for _, _, _, high in pieces]
        lo_offsets = [(lo - lows[0]).constant() for lo in lows]
        hi_offsets = [(hi - highs[0]).constant() for hi in highs]
    except (normal_form.Unsupported, normal_form.Undefined) as exc:
        raise NoRoute(f"bounds outside the normal form ({exc})") from None
    if any(o is None or o.denominator != 1 for o in lo_offsets + hi_offsets):
        raise NoRoute("bounds that do not differ by whole numbers")
    first = max(range(len(pieces)), key=lambda i: lo_offsets[i])
    last = min(range(len(pieces)), key=lambda i: hi_offsets[i])
    common_low, common_high = pieces[first][2], pieces[last][3]
    if not normal_form._at_least_zero(n.value(Add(common_high, neg(common_low), Num(1)))):
        raise NoRoute("a common range not shown to have terms")
    summand, outside = [], []
    for (coefficient, at, low, high), lo, hi in zip(pieces, lo_offsets, hi_offsets):
        below = int(lo_offsets[first] - lo)
        above = int(hi - hi_offsets[last])
        if below + above > MAX_WRITTEN_OUT:
            raise NoRoute("ranges too far apart to write out the difference")
        outside += [Mul(coefficient, at(Add(low, Num(t)))) for t in range(below)]
        outside += [Mul(coefficient, at(sub(high, Num(t)))) for t in range(above)]
        summand.append(Mul(coefficient, at(Sym(index))))
    return bridge.sympy_of(Add(*summand) if len(summand) > 1 else summand[0]), outside


def _zero(term, step, bridge, deadline):
    """Whether `term` is zero: the normal form, else SymPy."""
    from dataclasses import replace

    from derive.engines import symbolic
    rest = replace(step, lhs=term, rhs=ZERO)
    try:
        if normal_form.difference(term, ZERO, step.context, deadline).is_zero():
            return True
    except (normal_form.Unsupported, normal_form.Undefined):
        pass
    try:
        return bridge.vanishes(bridge.sympy_of(term))
    except NoRoute:
        return symbolic.prove_equal(rest, deadline).proved


# ====================================================================== SymPy

class _Bridge:
    """Terms of one step to SymPy and back, with the step's assumptions and hypotheses."""

    def __init__(self, sympy, step):
        self.sp = sympy
        self.context = step.context
        self.symbols = {}
        self.differences = []             # (latex, u − v in SymPy) of each hypothesis u ≠ v
        self.used = set()                 # the latex of those a closed form's condition used
        for h in step.hypotheses:
            if h.relation is Relation.NE and free_names(h.lhs) | free_names(h.rhs):
                try:
                    self.differences.append((h.latex, self.sympy_of(sub(h.lhs, h.rhs))))
                except NoRoute:
                    pass

    def sympy_of(self, term):
        from derive.engines.limits import NoValue, _to_sympy
        try:
            return _to_sympy(self.sp, term, self.context, self.symbols, FUNCTIONS)
        except NoValue as exc:
            raise NoRoute(str(exc).replace("limits", "finite sums")) from None

    def term_of(self, expr):
        from derive.engines.limits import NoValue, from_sympy
        try:
            return from_sympy(self.sp, expr, {s: n for n, s in self.symbols.items()}, FUNCTIONS)
        except NoValue:
            return None

    def vanishes(self, expr):
        sp = self.sp
        try:
            if sp.cancel(sp.together(expr)) == 0:
                return True
            simpler = sp.gammasimp(expr)
            return simpler == 0 or sp.simplify(simpler) == 0
        except _SYMPY_FAILURES:
            return False

    def closed_form(self, s):
        """The value of the finite sum `s` as a term, or None."""
        sp = self.sp
        n = normal_form.Normaliser(self.context)
        try:
            if not normal_form._at_least_zero(n.value(Add(s.upper, neg(s.lower), Num(1)))):
                return None
        except (normal_form.Unsupported, normal_form.Undefined):
            return None
        index = Name(s.var.latex, local=_INDEX)
        try:
            g = self.sympy_of(substitute(s.body, {s.var: Add(Sym(index), s.lower)}))
            count = self.sympy_of(sub(s.upper, s.lower))
            j = self.sympy_of(Sym(index))
        except NoRoute:
            return None
        try:
            value = _binomial_theorem(sp, g, j, count)
            if value is None:
                value = self._summed(g, j, count)
            if value is None:
                return None
            value = sp.simplify(value)
        except _SYMPY_FAILURES:          # SymPy's own failures (a division by 0 in Gosper's)
            return None
        if j in value.free_symbols or value.has(sp.Sum) or value.is_finite is False:
            return None
        return self.term_of(value)

    def _summed(self, g, j, count):
        from derive.engines.series import NoClosedForm
        sp = self.sp
        value = sp.summation(g, (j, 0, count))
        try:
            value = _without_conditions(sp, value, str, self._known)
        except NoClosedForm:
            return None
        return None if value.has(sp.Sum) else value

    def _known(self, condition):
        """The condition with each Eq(a, b) (Ne(a, b)) that a hypothesis u ≠ v decides —
        a − b a non-zero number times u − v — put to false (true)."""
        sp = self.sp

        def decided(rel):
            gap = rel.lhs - rel.rhs
            used = [h for h, d in self.differences if _nonzero_multiple(sp, gap, d)]
            self.used.update(used)
            return bool(used)
        return condition.replace(
            lambda e: isinstance(e, (sp.Eq, sp.Ne)) and decided(e),
            lambda e: sp.false if isinstance(e, sp.Eq) else sp.true)


def _nonzero_multiple(sp, gap, difference):
    if difference == 0:
        return False
    q = sp.cancel(gap / difference)
    return q.is_number and q != 0


def _binomial_theorem(sp, g, j, count):
    """Σ_{j=0}^{N} g(j) when g(j) = P(j)·C(N, j)·t^j (P a polynomial, t free of j): with
    P = Σ_m a_m j^(m) in falling powers, Σ_m a_m N^(m) t^m (1 + t)^(N − m); else None."""
    if j in count.free_symbols:
        return None
    ratio = sp.hypersimp(g, j)
    if ratio is None:
        return None
    weights = sp.cancel(ratio * (j + 1) / (count - j))
    if not weights.is_rational_function(j):
        return None
    top, bottom = (sp.Poly(part, j) for part in sp.fraction(weights))
    if top.degree() != bottom.degree():
        return None
    t = sp.cancel(top.LC() / bottom.LC())
    if j in t.free_symbols or t == 0:
        return None
    weight = sp.gammasimp(g / (sp.binomial(count, j) * t ** j))
    weight = sp.simplify(weight)
    if not weight.is_polynomial(j):
        return None
    rest, total = sp.Poly(weight, j), sp.Integer(0)
    while not rest.is_zero:
        m, a = rest.degree(), rest.LC()
        total += a * sp.ff(count, m) * t ** m * (1 + t) ** (count - m)
        rest = rest - sp.Poly(a * sp.ff(j, m), j)
    return total

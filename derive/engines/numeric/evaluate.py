"""Evaluate terms on an instance in ball arithmetic (python-flint's `acb`).

Every result is a complex ball that encloses the true value, provided the evaluation was
*exact*: instance values are exact rationals, and every operation of arb rounds outward.
Integrals over cells are exact finite sums when the integrand depends on the variable only
through densities and functions taken at that variable (constant on each cell), or
through a polynomial (Gauss–Legendre on each cell, with rigorously enclosed nodes, is
exact for polynomials of degree < 2·nodes). Anything approximate clears `exact`, and only
an exact evaluation may certify a counterexample. An unknown function is a table with one
value per number: arguments under different keys must be certified distinct (disjoint
balls), else they share a value and the evaluation is not exact (`_one_point`).
An integral between limits (an infinite one too) of a multiple of an abstract density is
0 on the pieces off the cells: exactly so off the density's declared support; inside it
(where p > 0 is assumed) the instance is a limit of positive densities, so it refutes only
a relation that fails strictly there (`limiting`; `compare`).

Nothing is evaluated by Python's `eval`; terms are walked. Work per node is remembered for
the values of the bound variables it depends on, so a DAG of shared definitions is
evaluated once per point; so is a failure (no value), per evaluation mode, so an inner
integral without a value is not tried again at every node of an outer quadrature.
"""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass
from fractions import Fraction

from flint import acb, arb, ctx, fmpq

from derive.engines import clock, series
from derive.engines.numeric import differences, quadrature, test_functions
from derive.engines.numeric import series as numeric_series
from derive.model.names import Domain, IndependentCopies, Kind, Name, NamedValue, NamedValues, SampleInfo, SizeInfo, WholeRange, values_in_domain
from derive.model.terms import (
    E, MINUS_ONE, OO, At, Call, Const, Defined, Dens, Deriv, Dist, Expect, Extremum, Family, Fn,
    Integral, Limit, Num, Op, Optimum, Pow, Product, Sum, Sym, Add, Mul, free_names, nodes,
    substitute,
)
from derive.notation import families, registry, vectors
from derive.notation.joint import expression_density
from derive.notation.parameters import formula_mentions
from derive.notation.elementary import ELEMENTARY

_BRANCHED = ("arcsin", "arccos", "arctan")   # no analytic mode in arb: refused in quadrature
GAUSS_NODES = 8                      # exact for polynomial integrands of degree < 16
MAX_SUM_TERMS = 5000
FREE_POINTS = 8     # the first points of an infinite support a free value is drawn among
FAR_POINTS = (10, 12, 16, 20, 30, 50)   # … and these after its first point: a row about
                                        # large values (`for k \ge 10`) has instances
MAX_INEXACT_POINTS = 200             # an unknown function's arguments known only as balls


# What an evaluator derives from terms and the context alone (degrees, formulas, derivatives
# worked out, …): shared by every evaluator of the same context — both sides, every draw,
# every precision, the shifted evaluators of `differences` — and dropped with the context.
_SYMBOLIC = weakref.WeakKeyDictionary()


def _symbolic(context):
    found = _SYMBOLIC.get(context)
    if found is None:
        found = _SYMBOLIC[context] = {}
    return found


def _serial(name):
    return name.serial


# CPU time is a system call (about 10 µs): read once per this many values computed, it
# costs ~1% of an evaluation instead of over half, and overshoots a deadline by microseconds
CLOCK_EVERY = 64
# The letters an opaque optimum's shape is written in (`opaque_optimum`): the sums' and
# integrals' variables inside it, in order of first mention, then its own variable last.
OPAQUE = tuple(Name(f"\\omega_{{{k}}}") for k in range(8))


def _failure(key, mode):
    """The key of a failure of the node `key` in the evaluation `mode` (analytic, outer
    analytic, the signs in force — a dict never changed while in force — and precision)."""
    analytic, outer, signs, prec = mode
    return (key, analytic, outer, frozenset(signs.items()), prec)


class NotEvaluable(Exception):
    """This term has no value on this instance (outside a support, a division by zero,
    something the numeric engine does not evaluate)."""


class OutOfTime(Exception):
    """The step's deadline passed."""


@dataclass(frozen=True)
class Point:
    """A bound variable's value: the number, its cell (or None) and a hashable key."""

    value: acb
    cell: int | None
    key: object


_NOWHERE = Point(acb(0), None, ("none",))     # the Point of a name bound nowhere


def _before(a, b):
    """Whether the end a = (ball, term) is certainly below the end b."""
    return a[1] is not b[1] and a[0] < b[0]


def _at_most(a, b):
    """Whether the end a = (ball, term) is certainly at most the end b (one term: equal)."""
    return a[1] is b[1] or a[0] <= b[0]


def _polynomial_degree(term, variables):
    """The total degree in `variables` of a term shown a polynomial in them by its form
    (sums, products, whole powers, definitions and stand-ins seen through, the rest free
    of them), at most 2, else None. A max (min) over the whole line of an objective of
    total degree ≤ 2 in its own variable and these (a conjugate of a quadratic) counts as
    degree 2: its value, when finite, is γ − β²/(4α) with α free of them."""
    memo = {}

    def walk(t):
        if t in memo:
            return memo[t]
        if not variables & free_names(t):
            out = 0
        elif isinstance(t, Sym):
            out = 1
        elif isinstance(t, Defined):
            out = walk(t.body)
        elif isinstance(t, Add):
            parts = [walk(a) for a in t.args]
            out = None if None in parts else max(parts)
        elif isinstance(t, Mul):
            parts = [walk(a) for a in t.args]
            out = None if None in parts else sum(parts)
        elif isinstance(t, Pow) and isinstance(t.exponent, Num) and \
                t.exponent.value.denominator == 1 and t.exponent.value >= 0:
            base = walk(t.base)
            out = None if base is None else base * int(t.exponent.value)
        elif isinstance(t, Optimum) and _on_the_line(t) and \
                _polynomial_degree(t.body, variables | {t.var}) is not None:
            out = 2
        else:
            out = None
        memo[t] = out
        return out

    found = walk(term)
    return found if found is not None and found <= 2 else None


def _on_the_line(t):
    """Whether an optimum is a max or min over the whole real line."""
    low, high, _ = t.interval
    return t.kind in ("max", "min") and t.over is None and low == Mul(MINUS_ONE, OO) and \
        high is OO


def exact_number(value):
    """An instance value (Fraction, or (re, im) of Fractions) as an exact ball."""
    if isinstance(value, tuple):
        return acb(_real(value[0]), _real(value[1]))
    return acb(_real(value))


def _real(q):
    if type(q) is not Fraction:
        q = Fraction(q)
    return arb(fmpq(q.numerator, q.denominator))


class _Weights(dict):
    """{cell tuple: weight ball} of a distribution, with its total and its marginals
    (`Evaluator._from_weights`) remembered once computed."""

    __slots__ = ("total", "marginals")

    def __init__(self, items):
        super().__init__(items)
        self.total = None
        self.marginals = {}


class Evaluator:
    """Evaluates the terms of one step on one instance, at one precision (bits)."""

    def __init__(self, context, instance, labels, held=frozenset(), deadline=None):
        self.context, self.instance, self.labels = context, instance, labels
        self.held = frozenset(held)
        self.deadline = deadline
        self.exact = True
        # an abstract density put to 0 on a piece off its cells inside its support: the
        # instance is a limit of positive densities there, no case itself (`compare`)
        self.limiting = False
        self.inexact = ""              # why the evaluation is not exact, when known
        self.zeroed = set()            # unknown functions taken 0 off the cells (`call`)
        self.env = {}                  # bound Name → Point
        self.overrides = {}            # free Name → acb (a parameter moved elsewhere)
        self._holding = 0
        self._memo = {}
        # a term with no value in one evaluation mode is not tried again in that mode (a
        # failing inner integral, B(α, β) at each node of an outer quadrature, cost the
        # whole budget): the reason is kept and raised again (`_value`)
        self._failed = {}
        self._ticks = 0                # the clock is read every CLOCK_EVERY values
        self._pieces = ()              # (point term, dist, piece) of split integrals in force
        self.signs = {}                # quadrature: |u| term → sign of u on the piece in force
        self.log_splits = {}           # quadrature: logs of Gaussians split once (quadrature)
        self.analytic = None           # in a quadrature: whether arb asks for analyticity
        self.outer_analytic = False    # in a quadrature inside one that asks for it
        self.checking = True           # check derivatives against differences
        # the precision integrals over the line are enclosed to (their quadrature's goal and
        # tail bound); None: the working precision (`differences` asks for less)
        self.quadrature_bits = None
        self._stand_ins = {}           # (stand-in term, precision) → (u, decaying, balls)
        self.frozen = {}               # parameter → value held definitions are evaluated at
        self._shared = _symbolic(context)
        self._moving = {}              # (label, sizes, precision) → (θ ball, its weights)
        self._checked = set()          # inline families whose parameters were found valid
        self._fixing = {}              # ranges being fixed → their size, where their laws use it
        self._bounding = set()         # bounded integers whose bounds are being evaluated

    def _known(self, key, make):
        """`make()`, a function of terms and the context only, remembered per context."""
        shared = self._shared
        if key in shared:
            return shared[key]
        found = shared[key] = make()
        return found

    # ================================================================== entry
    def value(self, term):
        return self._value(term)

    def _balls(self, what, make):
        """Values of this instance as balls at the current precision, made once per
        instance (they are exact functions of the instance and the precision)."""
        key = (what, ctx.prec)
        balls = self.instance.balls
        found = balls.get(key)
        if found is None:
            found = balls[key] = make()
        return found

    def _edge_balls(self):
        return self._balls(("edges",), lambda: tuple(_real(e) for e in
                                                     self.instance.partition.edges))

    def _cell_balls(self):
        """Per cell: (width as arb, width as acb, midpoint as arb, midpoint as acb)."""
        def make():
            partition = self.instance.partition
            cells = []
            for w, c in zip(partition.widths, partition.points):   # b − a and (a + b) / 2
                width, centre = _real(w), _real(c)
                cells.append((width, acb(width), centre, acb(centre)))
            return tuple(cells)
        return self._balls(("cells",), make)

    def _value(self, t):
        env, overrides = self.env, self.overrides
        if not env and not overrides:   # nothing bound: the common key
            key = (t, self._holding > 0, self._pieces, ())
        else:                           # the term, and the values of the names bound or
                                        # moved that it mentions (inline: every node)
            free = t._free
            if free is None:
                free = free_names(t)
            bound = []
            for n, point in env.items():
                if n in free:
                    if point.key[0] == "quad":
                        bound = None    # a quadrature node: each ball is evaluated afresh
                        break
                    bound.append(n)
            if bound is None:
                key = None
            else:
                if overrides:
                    bound += [n for n in overrides if n in free]
                if not bound:
                    key = (t, self._holding > 0, self._pieces, ())
                else:
                    if len(bound) > 1:
                        bound.sort(key=_serial)
                    key = (t, self._holding > 0, self._pieces,
                           tuple([(n.serial, env[n].key if n in env else str(overrides[n]))
                                  for n in bound]))
        mode = None
        if key is not None:
            found = self._memo.get(key)
            if found is not None:
                return found
            # the evaluation mode a failure is remembered for; its key is built only
            # when there are failures to look up, or one to remember
            mode = (self.analytic, self.outer_analytic, self.signs, ctx.prec)
            if self._failed:
                failed = self._failed.get(_failure(key, mode))
                if failed is not None:
                    raise NotEvaluable(failed)
        self._ticks += 1
        if self.deadline is not None and not self._ticks % CLOCK_EVERY and \
                clock.now() > self.deadline:
            raise OutOfTime()
        try:
            result = self._compute(t)
            if not result.is_finite():
                raise NotEvaluable("a value is not finite")
        except NotEvaluable as exc:
            if mode is not None:
                self._failed[_failure(key, mode)] = str(exc)
            raise
        if key is not None:
            self._memo[key] = result
        return result

    def _compute(self, t):
        kind = type(t)
        if kind is Dens:
            return self.density(t)
        if kind is Num:
            return exact_number(t.value)
        if kind is Add:
            total = acb(0)
            for a in t.args:
                total += self._value(a)
            return total
        if kind is Mul:
            total = acb(1)
            for a in t.args:
                total *= self._value(a)
            return total
        if kind is Pow:
            return self.power(t)
        if kind is Sym:
            return self.symbol(t.name)
        if kind is Const:
            return self.constant(t.name)
        if kind is Fn:
            return self.function(t)
        if kind is Call:
            return self.call(t)
        if kind is Defined:
            if t.name is test_functions.REAL_POINT:
                return self._real_point(t.body)
            if t.name is test_functions.STAND_IN:
                return self._stand_in(t)
            if t.name not in self.held:
                return self._value(t.body)
            self._holding += 1
            try:
                return self._value(t.body)
            finally:
                self._holding -= 1
        if kind is Expect:
            return self.integral(t.var, self._known(("expectation", t), lambda: Mul(
                Dens(t.dist, (Sym(t.var),)), t.body)), None, None)
        if kind is Op:
            return self._value(registry.meaning(t))
        if kind is Integral:
            return self.integral(t.var, t.body, t.lower, t.upper)
        if kind is Sum:
            return self.sum(t)
        if kind is Product:
            return self.product(t)
        if kind is Deriv:
            return self.derivative(t)
        if kind is At:
            return self.at(t)
        if kind is Optimum:
            return self.optimum(t)
        if kind is Extremum:
            return self.extremum(t)
        if kind is Limit:
            raise NotEvaluable("a limit inside an expression")
        raise NotEvaluable(f"{kind.__name__} is not evaluated numerically")

    def optimum(self, t):
        """An optimum inside an expression: the biconjugate of a declared convex f, which
        is f (`conjugates`, the normal form's reading), or the max (min) over the whole
        line of an objective that is a quadratic in its variable (the conjugate of a convex
        f put to a quadratic, `test_functions`), exactly; no other is computed."""
        quadratic = self.quadratic_optimum(t)
        if quadratic is not None:
            return quadratic
        from derive.engines.conjugates import biconjugate
        from derive.engines.normal_form import Normaliser, Undefined, Unsupported

        def normal(term):
            try:
                return Normaliser(self.context, self.deadline).value(term)
            except (Unsupported, Undefined):
                return None
        rewritten = biconjugate(t, self.context, normal)
        if rewritten is None:
            return self.opaque_optimum(t)
        return self._value(rewritten)

    def quadratic_optimum(self, t):
        """max_x (min_x) over the whole real line of α x² + β x + γ, the objective shown a
        polynomial of degree ≤ 2 in x by its form (`_polynomial_degree`): γ − β²/(4α) when α is
        certainly negative (positive), γ when α and β are 0; None when it is not such an
        objective; refused when the optimum is not finite (+∞ for a max of a convex one)."""
        if not _on_the_line(t) or _polynomial_degree(t.body, {t.var}) is None:
            return None
        at = [self._at(t.var, Point(acb(k), None, ("quadratic optimum", k)), t.body)
              for k in (0, 1, -1)]
        gamma = at[0]
        alpha, beta = (at[1] + at[2]) / 2 - gamma, (at[1] - at[2]) / 2
        sign = -1 if t.kind == "max" else 1
        if (sign * alpha).real > 0 and alpha.imag == 0 and beta.imag == 0:
            return gamma - beta * beta / (4 * alpha)
        if alpha == 0 and beta == 0:
            return gamma
        raise NotEvaluable(f"a {t.kind} that is not finite (or not shown finite)")

    def opaque_optimum(self, t):
        """Any other optimum inside an expression (a conjugate f^*(g(x)) defined by a sup):
        an unknown real number, as the normal form reads it — an atom of its objective, one
        value for objectives written alike up to the optimum's own letter and the letters of
        the sums and integrals around it, at one point (their cells). It is no value of the
        optimum (the sup of a table is not computed, and may be +∞), so the evaluation is
        never exact: it confirms what holds for every value of the atom, never a
        certificate."""
        inner = [n.name for n in nodes(t) if isinstance(n, Sym) and n.name in self.env]
        renaming = {n: Sym(OPAQUE[k]) for k, n in enumerate(inner[:len(OPAQUE) - 1])}
        if len(inner) >= len(OPAQUE):
            raise NotEvaluable("an optimum inside an expression")
        renaming[t.var] = Sym(OPAQUE[-1])
        shape = Optimum(t.kind, substitute(t.body, renaming), OPAQUE[-1], *t.domain)
        keys = tuple(self._argument_key(Sym(n), self.point_of(Sym(n))) for n in inner)
        self.exact = False
        self.inexact = self.inexact or "an optimum inside an expression is an unknown number"
        return exact_number(self.instance.function_value(("optimum", shape), keys, True))

    # ================================================================== leaves
    def symbol(self, name):
        if name in self.env:
            return self.env[name].value
        if name in self.overrides:
            return self.overrides[name]
        info = self.context.info(name)
        if isinstance(info, SizeInfo):          # |𝒳|: the size of the set on this draw
            if info.of in self._fixing:         # the ends of the laws fixing 𝒳 are |𝒳|
                self._fixing[info.of] = self.instance.set_size(info.of)
                return acb(self._fixing[info.of])
            self._fix_range(info.of)
            return acb(self.instance.set_size(info.of))
        if isinstance(info, NamedValue):        # the k-th named value: coded k
            self._fix_range(info.of)
            return acb(info.position)
        if getattr(info, "discrete", False):    # a free discrete variable: in its range
            self._fix_range(info.support)
        if name.origin is not None or name.local is not None and name.local.kind is Kind.VARIABLE:
            raise NotEvaluable(f"{name.latex} is used outside its scope")
        if self.context.declaration(name).kind is Kind.VARIABLE and \
                not self.instance.is_discrete(name):
            self._draw_within_laws(name)
        return self._symbol_ball(name)

    def _draw_within_laws(self, variable):
        """A free continuous variable is a value of the densities by formula declared over
        it (X of `random X with density p over x`, p = Exp(λ), is x): drawn at a cell's
        middle inside all their supports (`continuous_points`), pinned once per draw."""
        label = self.labels[variable]
        if self.instance.drawn(label) is None:
            points = self.continuous_points(variable)
            if points is not self.instance.partition.points:
                self.instance.pin(label, self.instance.rng("symbol", label).choice(points))

    def continuous_points(self, variable):
        """The cells' middles where a continuous `variable`'s value may be drawn on this
        draw: the partition's, restricted to those certainly inside the support of every
        density by formula declared over it alone, not conditional (Exp's, Gamma's (0, ∞),
        Beta's (0, 1), U(a, b)'s (a, b) at the drawn a, b) — its value lies where each of
        its laws puts mass, as an abstract density's declared support puts the cells.
        No such point: no instance (the supports miss the cells, or do not meet)."""
        points = self.instance.partition.points
        laws = self._known(("laws over", variable),
                           lambda: list(families.laws_in_support(variable, self.context).values()))
        if not laws:
            return points

        def within(point, low, high):
            value = _real(point)
            for end, below in ((low, True), (high, False)):
                if end is None or _infinite(end):
                    continue
                ball = self._value(end)
                if not (ball.imag == 0 and (ball.real < value if below else value < ball.real)):
                    return False
            return True
        chosen = tuple(point for point in points
                       if all(any(within(point, low, high) for low, high in pieces)
                              for pieces in laws))
        if not chosen:
            raise NotEvaluable(f"no cell of {variable.latex} lies inside the supports of the "
                               f"densities by formula declared over it on this draw")
        return chosen

    def points_of(self, variable):
        """The values of a discrete variable on this draw (`Instance.points_of`) — all of
        them: an infinite range (a mass function on the whole numbers from 0 up) has no
        list of its values, and a sum over it is a series only of that function's
        multiples (`series.explicit`)."""
        support = self.context.info(variable.variable).support
        self._fix_range(support)
        if support in self.instance.unbounded:
            raise NotEvaluable(f"a sum over {support.latex}, the infinite support of a mass "
                               f"function, of a term that is not a multiple of it")
        return self.instance.points_of(variable)

    def _fix_range(self, support):
        """Where mass functions by formula are declared over the variables of a range
        (Bernoulli(θ) over x), the declarations say those variables take the values
        where the functions live: the range is the whole numbers of their supports (a
        short list, else no instance), fixed once per draw before it is used."""
        if support is None or support in self.instance._points:
            return
        named = self.context.info(support)
        if isinstance(named, NamedValues):      # its elements, coded 1, …, k
            self.instance.fix_points(support, {Fraction(k) for k in
                                               range(1, len(named.values) + 1)})
            return
        pieces = self._known(("supports", support), lambda: _supports(support, self.context))
        if not pieces:
            return
        self._fixing[support] = None
        try:
            values, unbounded = self._range_values(support, pieces)
        finally:
            used = self._fixing.pop(support)
        if used is not None and used != len(values):
            # `assume |A| = m` beside U(1, m) over x in A puts |A| for m: the range is drawn
            # of some size s, the laws' ends taken at s; their values not s in number, the
            # hypothesis fails on this draw
            raise NotEvaluable(f"{support.latex}'s size is not the number of the values its "
                               f"laws give it on this draw")
        self.instance.fix_points(support, values, unbounded)

    def _range_values(self, support, pieces):
        """(the whole numbers of the laws' supports `pieces`, whether infinite) on this draw:
        the values of the range `support` (`_fix_range`)."""
        values, unbounded = set(), False
        for low, high in pieces:
            ends = [None if e is None else _exact_integer(self._value(e)) for e in (low, high)]
            if low is not None and high is None and ends[0] is not None:
                # the whole numbers from a first point up: a free value is drawn among
                # the first of them and a few further ones (a row claims every value, also
                # `for k \ge 10`), no sum runs over these
                ends[1], unbounded = ends[0] + FREE_POINTS - 1, True
                values.update(Fraction(ends[0] + d) for d in FAR_POINTS)
            if None in ends or ends[1] - ends[0] + 1 > MAX_SUM_TERMS:
                raise NotEvaluable(f"{support.latex} is the support of a mass function "
                                   f"declared over it, not a short list of whole numbers")
            values.update(Fraction(n) for n in range(ends[0], ends[1] + 1))
        if not values:
            raise NotEvaluable(f"{support.latex}, the support of a mass function declared "
                               f"over it, is empty on this draw")
        return values, unbounded

    def _symbol_ball(self, name):
        label = self.labels[name]
        if isinstance(self.context.info(name), WholeRange):
            self._within_bounds(name, label)
        return self._balls(("sym", label), lambda: exact_number(self.instance.symbol(name, label)))

    def draw_ranges(self):
        """Every integer a hypothesis bounds, drawn between its bounds on this instance —
        also one the step does not write (`1 ≤ k ≤ K ⇒ Σ_{j=1}^{K} 1 ≥ 1`): where the
        bounds cross there is no instance, so a counterexample never violates them."""
        for name, label in self.labels.items():
            if isinstance(self.context.info(name), WholeRange):
                self._within_bounds(name, label)

    def _within_bounds(self, name, label):
        """An integer with a hypothesis's bounds (`1 ≤ k ≤ K`) is drawn between them on
        this instance: a draw outside is moved in by its remainder (pinned, so that a
        counterexample shows the value used); no instance when the bounds cross. A draw on
        a value it is assumed to differ from (`i \\ne k`: k drawn first) moves to the next
        value that is none of them (up, from the low end again past the high one; down
        with a high end only); no instance when every value in the bounds is excluded."""
        bounds = self.context.info(name)
        if name in self._bounding:      # bounds mentioning each other (`hypotheses` turns them)
            raise NotEvaluable(f"the bounds assumed on {name.latex} mention it through another's")
        self._bounding.add(name)
        try:
            lows = [_exact_integer(self._value(b)) for b in bounds.lower]
            highs = [_exact_integer(self._value(b)) for b in bounds.upper]
            excluded = {_exact_integer(self._value(d)) for d in bounds.distinct}
        finally:
            self._bounding.discard(name)
        if None in lows or None in highs or None in excluded:
            raise NotEvaluable(f"the bounds assumed on {name.latex} are not whole numbers here")
        low, high = max(lows, default=None), min(highs, default=None)
        if low is not None and high is not None and high < low:
            raise NotEvaluable(f"no whole number lies between the bounds assumed on {name.latex}")
        drawn = int(self.instance.symbol(name, label))
        if low is not None and high is not None:
            value = drawn if low <= drawn <= high else low + (drawn - low) % (high - low + 1)
        elif low is not None or high is not None:
            value = max(drawn, low) if low is not None else min(drawn, high)
        else:
            value = drawn
        step = -1 if low is None and high is not None else 1
        for _ in range(len(excluded)):
            if value not in excluded:
                break
            value = low if value == high and step == 1 else value + step
        if value in excluded:
            raise NotEvaluable(f"no whole number in the bounds assumed on {name.latex} "
                               "differs from the values it is assumed to differ from")
        self.instance.pin(label, Fraction(value))
        self.instance.bounded_indices.add(value)

    def constant(self, name):
        if name == "e":
            return acb(1).exp()
        if name == "pi":
            return acb.pi()
        if name == "i":
            return acb(0, 1)
        raise NotEvaluable("∞ is not a number")

    def power(self, t):
        base = self._value(t.base)
        if isinstance(t.exponent, Num) and t.exponent.value.denominator == 1:
            n = int(t.exponent.value)
            if n < 0 and base.contains(0):
                if base == 0:
                    raise NotEvaluable("division by zero")
                self._unsure()
            return base ** n
        exponent = self._value(t.exponent)
        if self.analytic is not None:
            return base.pow(exponent, analytic=self._holomorphic())
        if base.contains(0):
            if base == 0 and exponent.real > 0:
                return acb(0)
            raise NotEvaluable("a power of zero, or of a ball around it")
        return base ** exponent

    def function(self, t):
        if self.analytic is not None and t.fname == "log":
            split = quadrature.log_on_the_line(self, t.operands[0])
            if split is not None:
                return split
        args = [self._value(a) for a in t.operands]
        if t.fname == "binom":
            n, k = (_exact_integer(a) for a in args)
            if n is None or k is None:
                raise NotEvaluable("a binomial coefficient of non-integers")
            if not 0 <= k <= n:
                raise NotEvaluable("a binomial coefficient outside 0 ≤ k ≤ n")
            if n > 10_000:
                raise NotEvaluable("a binomial coefficient too large to evaluate (n > 10000)")
            from math import comb
            return acb(comb(n, k))
        if t.fname == "factorial":                 # of a whole number ≥ 0 only
            n = _exact_integer(args[0])
            if n is None or n < 0:
                raise NotEvaluable("a factorial of a number that is not a whole number ≥ 0")
            if n > 10_000:
                raise NotEvaluable("a factorial too large to evaluate (n > 10000)")
            from math import factorial
            return acb(factorial(n))
        if t.fname == "gamma":                     # Euler's Γ, in a family's normaliser
            value = args[0].gamma()
            if not value.is_finite():
                raise NotEvaluable("Γ at (or near) a pole")
            return value
        if t.fname == "delta":                     # Kronecker's, of two whole numbers
            a, b = (_exact_integer(x) for x in args)
            if a is None or b is None:
                raise NotEvaluable("a Kronecker delta of non-integers")
            return acb(int(a == b))
        if t.fname == "root":
            return self._real_root(args[0], _exact_integer(args[1]))
        if t.fname == "abs":
            sign = self.signs.get(t) if self.analytic is not None else None
            if sign is not None:
                return args[0] * sign
            if self._holomorphic():          # ±u where the sign of u is certain, else none
                return self._real_on_the_path(t.operands[0], args[0]).real_abs(analytic=True)
            return acb(abs(args[0]))
        if t.fname in ("ceil", "floor"):
            (u,) = args
            if self.analytic is not None:      # constant between integers, else no value
                u = self._real_on_the_path(t.operands[0], u)
                return getattr(u, "real_" + t.fname)(analytic=self._holomorphic())
            if u.imag != 0:
                if not u.imag.contains(0):
                    raise NotEvaluable(f"the {t.fname} of a complex number")
                self._unsure()
            rounded = getattr(u.real, t.fname)()
            if not rounded.is_exact():
                self._unsure()                  # the ball straddles an integer
            return acb(rounded)
        entry = ELEMENTARY.get(t.fname)
        if entry is None:
            raise NotEvaluable(f"{t.fname} is not evaluated")
        (u,) = args
        if self.analytic is not None and entry.arb in ("log", "sqrt"):
            return getattr(u, entry.arb)(analytic=self._holomorphic())
        if self._holomorphic() and t.fname in _BRANCHED:
            return acb("nan")              # no analyticity check for these: arb subdivides
        if t.fname == "log" and u.contains(0):
            if u == 0:
                raise NotEvaluable("log of zero")
            self._unsure()
        return getattr(u, entry.arb)()

    def _holomorphic(self):
        """Whether a quadrature point needs a holomorphic value: arb asks for it, or an
        enclosing quadrature does (an inner integral must be holomorphic in the outer
        variable; |u| and ⌊u⌋ are then ±u and constants, never the modulus or a jump, and
        √, log, non-integer powers, arcsin… have no value on a ball touching a branch cut —
        the principal value there is not holomorphic in the outer variable, and Gauss–
        Legendre on ∫_{-1}^{1} ∫_0^1 √(y²) dx dy gave 2/√3 for 1)."""
        return bool(self.analytic) or self.outer_analytic

    def _real_on_the_path(self, term, value):
        """`value` (term's ball at a quadrature point) when the term is certainly real on
        the real line there, else an indeterminate ball. |u|, ⌊u⌋, ⌈u⌉ are not holomorphic:
        arb's integrator gets them as u's real-variable extensions (±u, a constant), which
        enclose the true values only where u is real on the path. The term is evaluated
        with every quadrature ball replaced by its real part: a ball encloses every real
        point of the path it covers, so an imaginary part exactly 0 proves u real there."""
        env = self.env
        moved = {n: p for n, p in env.items() if p.key[0] == "quad"}
        try:
            for n, p in moved.items():
                env[n] = Point(acb(p.value.real), None, p.key)
            real = self._value(term).imag == 0
        except NotEvaluable:
            real = False
        finally:
            env.update(moved)
        return value if real else acb("nan")

    def _real_point(self, u):
        """u, the argument of a real function's polynomial stand-in (`test_functions`):
        the polynomial stands for the function at real points only — at a certainly
        non-real u the call has no value (a complex value is no instance of a real
        function); in quadrature, u must be real on the real line."""
        value = self._value(u)
        if self._holomorphic():
            if type(u) is Sym and self.env.get(u.name, _NOWHERE).key[0] == "quad":
                return value            # the integration variable: real on the path
            return self._real_on_the_path(u, value)
        if not value.imag.contains(0):
            raise NotEvaluable("a real function (put to a polynomial) at a non-real point")
        if not value.imag.is_zero():
            self._unsure()
        return value

    def _stand_in(self, t):
        """A declared function's stand-in R(u) (e^{-u²}) (`test_functions`) — its body's
        value, computed by Horner's rule on its coefficients in one step: it is evaluated
        at every quadrature point, where nothing is remembered."""
        key = (t, ctx.prec)
        found = self._stand_ins.get(key)
        if found is None:
            u, decaying, coefficients = test_functions.shape(t)
            found = self._stand_ins[key] = (
                u, decaying, [exact_number(c) for c in reversed(coefficients)])
        u, decaying, balls = found
        x = self._value(u)
        total = acb(0)
        for c in balls:
            total = total * x + c
        return total * (-(x * x)).exp() if decaying else total

    def _real_root(self, u, n):
        """The real n-th root (n odd) of a real u; undefined for a non-real u."""
        if self.analytic is not None:
            raise NotEvaluable("a real odd root inside an integral is not evaluated")
        if u.imag != 0:
            if not u.imag.contains(0):
                raise NotEvaluable("the real root of a complex number")
            self._unsure()
        x = u.real
        if x == 0:
            return acb(0)
        if x.contains(0):
            self._unsure()
        magnitude = abs(x) ** (arb(1) / n)
        return acb(magnitude if x > 0 else -magnitude)

    def _unsure(self):
        raise NotEvaluable("a ball contains a singular point: more precision is needed")

    # ================================================================== points and tables
    def point_of(self, term):
        """The Point a term stands for: a bound variable's, or a located exact value."""
        if isinstance(term, Sym) and term.name in self.env:
            return self.env[term.name]
        value = self._value(term)
        return self.locate(value)

    def locate(self, value):
        """A Point for a computed value: its cell when it is real and inside the support,
        cell None when it is outside (or complex), -1 when a ball straddles an edge."""
        if value.imag != 0:
            if value.imag.contains(0):
                self._unsure()
            return Point(value, None, ("complex", _mid_text(value)))
        real = value.real
        edges = self._edge_balls()
        for low, high, i in zip(edges, edges[1:], range(len(edges))):
            if real >= low and real < high:
                return Point(value, i, ("cell", i))
        if any(real.overlaps(e) for e in edges):
            return Point(value, -1, ("edge", _mid_text(value)))
        return Point(value, None, ("real", _mid_text(value)))

    def call(self, t):
        if t.function not in self.labels:
            # a partial derivative of a function with no stand-in (applied to different
            # numbers of arguments in one step, `test_functions`): no table is drawn for it
            raise NotEvaluable(f"{t.function.latex} has no value drawn")
        if len(t.arguments) == 1 and isinstance(t.arguments[0], Sym) and \
                self.env.get(t.arguments[0].name, _NOWHERE).key[0] == "off":
            if self._may_vanish(t.function):
                self.zeroed.add(t.function)
                return acb(0)           # off the cells the function is 0 (`_zero_off_cells`)
            self.exact = False
        declaration = self.context.declaration(t.function)
        real = values_in_domain(declaration)
        if getattr(declaration.info, "shape", "") in ("convex", "concave"):
            self.exact = False      # drawn as a table, which is not convex: never a certificate
            self.inexact = self.inexact or f"{t.function.latex} is drawn as a table, not " \
                f"{declaration.info.shape}"
        points = [self.point_of(a) for a in t.arguments]
        keys = self._one_point(self.labels[t.function], tuple(
            self._argument_key(a, p) for a, p in zip(t.arguments, points)), tuple(
            None if self._in_its_cell(a, p) else p.value for a, p in zip(t.arguments, points)))
        if isinstance(declaration.info, (SampleInfo, IndependentCopies)):
            # a data point x_i, a member X_i of independent copies: a value of x, drawn
            # where x's laws put mass (never off a Bernoulli's {0, 1}, below an Exp's 0)
            variable = declaration.info.of if isinstance(declaration.info, SampleInfo) else \
                declaration.info.variable
            points = self.points_of(variable) if self.instance.is_discrete(variable) else \
                self.continuous_points(variable)
            return exact_number(self.instance.sample_value(self.labels[t.function], keys, points))
        domain = declaration.domain if real else None
        law = self._law_of_map(t.function)
        if law is not None and len(t.arguments) == 1 and \
                not self.instance.is_discrete(law.variable):
            point = self.point_of(t.arguments[0])
            if point.cell is not None and point.cell >= 0:
                self._map_of_its_sign(law)
                cell = self.instance.pushed_cell(self.labels[t.function], point.cell)
                return exact_number(self.instance.partition.points[cell])
        return exact_number(self.instance.function_value(self.labels[t.function], keys,
                                                         real, domain))

    def _one_point(self, label, keys, balls):
        """The key an unknown function is looked up by, such that one number never gets
        two independent values. Two argument tuples under different keys are certified
        distinct points only when some argument's balls are disjoint (`f(\\sin\\pi)` is at
        a ball around 0, which may be 0): a tuple that may be the point of one already used
        under another key (at this precision, on this instance) takes that key's value,
        and the evaluation is no longer exact. Exact balls are compared only with inexact
        ones (equal exact values have equal keys). A ball of None is a continuous variable's
        generic point of its cell (a cell-constant integrand), distinct from every number."""
        exact, inexact = self._balls(("arguments", label), lambda: ({}, []))
        vague = any(b is not None and not b.is_exact() for b in balls)
        for other, other_balls in (inexact + [(k, b) for k, bs in exact.items() for b in bs]
                                   if vague else inexact):
            if other != keys and all(k == o or b is not None and c is not None and
                                     b.overlaps(c) for k, o, b, c in
                                     zip(keys, other, balls, other_balls)):
                self.exact = False
                return other
        if vague:
            if len(inexact) >= MAX_INEXACT_POINTS:
                raise NotEvaluable("an unknown function at too many inexact points")
            inexact.append((keys, balls))
        elif balls not in exact.setdefault(keys, []):
            exact[keys].append(balls)
        return keys

    def _argument_key(self, term, point):
        """What identifies an argument of an unknown function: its cell for a point of a
        continuous variable (the function is constant on cells), and for a whole number —
        an index of a sum, a discrete variable's value, or any term whose value is exactly
        that number — the number itself, so that `a_{i+1}` at i = 1 and `a_2` are one member
        of the family."""
        if point.key[0] == "int":
            return point.key
        if self._in_its_cell(term, point):
            return ("cell", point.cell)
        if not (isinstance(term, Sym) and term.name in self.env):     # a computed value
            whole = _exact_integer(point.value)
            if whole is not None:
                return ("int", whole)
        if point.cell == -1:
            raise NotEvaluable("an unknown function at a cell's edge")
        if point.cell is not None:
            return point.key
        if not _precise(point.value):
            self._unsure()
        return ("v", _mid_text(point.value), _precise(point.value))

    def _in_its_cell(self, term, point):
        """Whether `term` is a bound continuous variable at a point of a cell — the cell's
        middle, a Gauss–Legendre node of a polynomial integrand (`_cell_integral`): an
        unknown function there takes its one value on that cell, whatever the point. Keyed
        by the node, ∫_0^1 x f(x)^2 dx was summed from eight values of f per cell
        independent of the one ∫_0^1 f(x)^2 dx used — two functions in one step, and a
        "counterexample" to x f(x)^2 ≤ f(x)^2."""
        return point.cell is not None and point.cell >= 0 and isinstance(term, Sym) and \
            term.name in self.env

    def _pushed(self, body):
        """Whether a body holds the density of a law of g(z)."""
        return self._known(("pushed", body), lambda: any(isinstance(n, Dens) and isinstance(n.dist, Dist) and
                   getattr(self.context.info(n.dist.name), "law", None) is not None
                   for n in nodes(body)))

    def _law_of_map(self, function):
        """The `Pushforward` whose map is `function`, if any: on the cells of its variable,
        g sends cell k to the middle of cell π(k) (π a permutation drawn per instance), so
        the law of g(z) is the table `table` computes — a genuine pushforward whenever the
        integrand is constant on cells."""
        return self._known(("law", function), lambda: self._find_law_of_map(function))

    def _map_of_its_sign(self, law):
        """The map g of a law of g(z) is drawn as a permutation of the cells, its values the
        cells' middles: a g declared (or assumed throughout) positive or non-negative is no
        such map where a cell's middle is not of that sign — and the law of g(z) then lives
        where g's values do, not on every cell — so the instance is no case of the
        declarations and certifies nothing (∫ p_z G dz > 0 of a positive G was refuted)."""
        domain = self.context.declaration(law.map).domain
        if domain.is_nonnegative and any(
                point < 0 or point == 0 and domain is not Domain.NONNEGATIVE
                for point in self.instance.partition.points):
            self.exact = False

    def _find_law_of_map(self, function):
        for name, declaration in self.context.table.items():
            law = getattr(declaration.info, "law", None)
            if law is not None and law.map is function:
                return law
        return None

    def density(self, t):
        dist = t.dist
        shared = self._shared
        key = ("density", t)
        if key in shared:
            found = shared[key]
        else:
            found = shared[key] = self._density_kind(t)
        if found is None:
            raise NotEvaluable("a density at a vector variable outside an integral over it")
        pieces, info = found
        if pieces is not None:
            return self.formula_density(t, pieces)
        if info.expression is not None:     # a law written in densities: that expression
            return self._value(expression_density(dist, info.expression, info.over, t.at))
        if info.law is not None:
            return self.pushed_density(info.law, self._cell(t.at[0]) if len(t.at) == 1 else None)
        if info.support is not None and self._off_support(info.support, t.at):
            return acb(0)                   # declared 0 off its interval
        cells = [self._cell_at(a, v) for a, v in zip(t.at, dist.over)]
        cond = [self._cell_at(c, v) for c, v in zip(dist.cond, dist.given)]
        if None in cond:
            raise NotEvaluable("a conditional given a value outside a discrete range")
        if None in cells:
            return acb(0)                   # a mass function is 0 off its variable's range
        return self.table(dist, info, dict(zip(dist.over, cells)), dict(zip(dist.given, cond)))

    def _off_support(self, support, at):
        """Whether an abstract density declared on an interval (`over x in [0,
        \\infty)`) stands at a real point certainly outside it (`p(c)` at c = −0.7): its
        value there is 0, as declared — not a point no instance can evaluate."""
        if len(at) != 1:
            return False
        x = self._value(at[0])
        if not (x.imag == 0):
            return False
        low, high = (None if end is None else self._value(end).real for end in support)
        return low is not None and x.real < low or high is not None and x.real > high

    def _density_kind(self, t):
        """None for a density at a vector variable; else (its pieces when given by a
        formula, else None; its distribution's info when abstract)."""
        if vectors.at_vector(t, self.context):
            return None
        pieces = self.explicit(t)
        return pieces, (self.context.info(t.dist.name) if pieces is None else None)

    def formula_density(self, t, pieces):
        """A density given by formula at its point: the piece in force in an enclosing
        split integral, else the piece the (real) point certainly lies in, else 0."""
        if len(pieces) == 1 and pieces[0][0] is None and pieces[0][1] is None:
            return self._value(pieces[0][2])
        for point, dist, k in self._pieces:
            if t.dist is dist and t.at == (point,):
                return self._value(pieces[k][2])
        (where,) = t.at
        x = self._value(where)
        if x.imag != 0 or self.analytic is not None:
            raise NotEvaluable("a density with a restricted support at a complex point")
        x = x.real
        closed = families.on_points(t.dist, self.context)     # a pmf: both ends count
        if closed and _exact_integer(acb(x)) is None:         # a mass function off the integers
            below = x.floor()
            if below.is_exact() and not x.contains(below) and not x.contains(below + 1):
                return acb(0)
            self._unsure()
        uncertain = False
        for low, high, value in pieces:
            lo = None if low is None else self._value(low).real
            hi = None if high is None else self._value(high).real
            if (lo is None or x >= lo) and (hi is None or x < hi or closed and x <= hi):
                return self._value(value)
            if not ((lo is not None and x < lo) or (hi is not None and (x > hi if closed
                                                                          else x >= hi))):
                uncertain = True
        if uncertain:
            self._unsure()
        return acb(0)

    def explicit(self, t):
        if isinstance(t.dist, Family) and t.dist not in self._checked:
            self._valid(t.dist)                     # written inline: its parameters unchecked
            self._checked.add(t.dist)
        return self._known(("explicit", t), lambda: families.explicit(t, self.context))

    def _valid(self, family):
        """A family written inline is a distribution only where its parameters are valid:
        elsewhere (U(x; 1, 0), a variance ≤ 0) the instance is not evaluable."""
        for term, what in families.BY_KIND[family.family].validity(family.params):
            value = self._value(term)
            if not (value.imag == 0 and value.real > 0):
                raise NotEvaluable(f"an instance where the family written inline does not "
                                   f"have {what}")

    def formula_piece(self, t):
        """The formula term of a density by formula on the piece in force (for bounds)."""
        pieces = self.explicit(t)
        if pieces is None:
            raise NotEvaluable("an abstract density has no formula")
        if len(pieces) == 1 and pieces[0][0] is None and pieces[0][1] is None:
            return pieces[0][2]
        for point, dist, k in self._pieces:
            if t.dist is dist and t.at == (point,):
                return pieces[k][2]
        raise NotEvaluable("a density with a restricted support off its pieces")

    def _cell_at(self, term, variable):
        """Where a density's argument for `variable` lies: for a discrete variable, the
        index of its value among the range's values (None when it is not one of them —
        the range's values are drawn, never assumed); else its cell."""
        if not self.instance.is_discrete(variable):
            return self._cell(term)
        value = self.point_of(term).value
        for i, x in enumerate(self.points_of(variable)):
            point = exact_number(x)
            if value.overlaps(point):
                if not (value.real.is_exact() and value.imag == 0):
                    self._unsure()
                return i
        return None

    def _cell(self, term):
        point = self.point_of(term)
        if point.cell is None:
            raise NotEvaluable("a density outside its support (or at a complex point)")
        if point.cell == -1:
            self._unsure()
        return point.cell

    def table(self, dist, info, at, given):
        """The density value of `dist` with its variables at the cells `at` (a dict
        variable → cell), conditional on `given` (variable → cell)."""
        variables, label, sizes = self._table_shape(dist, info, tuple(at), tuple(given))
        at = {v.variable: c for v, c in at.items()}
        given = {v.variable: c for v, c in given.items()}
        weights = self._weights(dist, info, label, sizes)
        fixed = {**given, **at}
        if info.given:
            # a conditional family: normalised over `over` for each value of `given`
            g = tuple(given[v] for v in info.given)
            blocks = weights.marginals.setdefault("blocks", {})
            block = blocks.get(g)
            if block is None:
                block = blocks[g] = _Weights(
                    (k[len(info.given):], w) for k, w in weights.items()
                    if k[:len(info.given)] == g)
            return self._from_weights(block, variables, {v: c for v, c in at.items()})
        joint = self._from_weights(weights, variables, fixed)
        if given:
            marginal = self._from_weights(weights, variables, dict(given))
            return joint / marginal
        return joint

    def _table_shape(self, dist, info, at, given):
        """(variables, label, sizes) of a table of `dist` taken at the variables `at` and
        `given`, made once per instance and labels."""
        labels = self.labels
        key = ("shape", id(labels), dist.name, info, at, given)
        found = self.instance.balls.get(key)
        if found is not None and found[0] is labels:
            return found[1]
        variables = getattr(labels, "joints", {}).get(dist.name, info.over)
        if any(v.variable not in tuple(variables) + tuple(info.given) for v in at + given):
            raise NotEvaluable(f"{dist.name.latex} is taken at variables it is not drawn over")
        label = labels[dist.name]
        sizes = tuple(self._size(v) for v in tuple(info.given) + tuple(variables))
        self.instance.balls[key] = (labels, (variables, label, sizes))   # labels: kept alive
        return variables, label, sizes

    def pushed_density(self, law, cell):
        """The density of the law of g(z) on a cell: the mass of the z-cells g sends there
        over the cell's width (continuous variables, sharing the partition)."""
        if cell is None or self.instance.is_discrete(law.variable):
            raise NotEvaluable("this law of g(z) is not evaluated")
        source = self.context.info(law.source)
        label = self.labels.get(law.map)
        if label is None or law.source not in self.labels:
            raise NotEvaluable("the law of g(z) needs g and the law of z in the step")
        self._map_of_its_sign(law)
        mass = acb(0)
        for k in range(len(self.instance.partition.widths)):
            if self.instance.pushed_cell(label, k) == cell:
                mass += self.table(Dist(law.source, source.over), source,
                                   {law.variable: k}, {}) * self._width(law.variable, k)
        return mass / self._width(law.variable, cell)

    def _from_weights(self, weights, variables, fixed):
        """Density of the marginal over the fixed variables, at those cells (remembered
        on `weights`, a `_Weights`, per precision)."""
        key = (tuple(variables), tuple(fixed.items()), ctx.prec)
        found = weights.marginals.get(key)
        if found is not None:
            return found
        if weights.total is None or weights.total[1] != ctx.prec:
            total = acb(0)
            for w in weights.values():
                total += w
            weights.total = (total, ctx.prec)
        total = weights.total[0]
        mass = acb(0)
        for k, w in weights.items():
            if all(k[variables.index(v)] == c for v, c in fixed.items()):
                mass += w
        volume = acb(1)
        for v, c in fixed.items():
            volume *= self._width(v, c)
        found = weights.marginals[key] = mass / (total * volume)
        return found

    def _weights(self, dist, info, label, sizes):
        """{cell tuple: weight ball} of a distribution (softmax(θ v + w) when it moves). A
        joint whose marginals are one density (`Labels.alike`) is symmetric: each cell
        tuple takes the weight of its cells in increasing order."""
        import itertools
        alike = dist.name in getattr(self.labels, "alike", ())
        order = {k: i for i, k in enumerate(itertools.product(*[range(n) for n in sizes]))}

        def at(k):
            return order[tuple(sorted(k))] if alike else order[k]
        moving = self.context.moves_with(dist.name)
        if moving and not (self._holding and not dist.params and moving[0] not in self.frozen):
            theta = self._parameter_value(dist, moving[0])
            key = (label, sizes, ctx.prec)
            found = self._moving.get(key)
            if found is not None and found[0] is theta:      # the same ball: the same table
                return found[1]
            keys = list(itertools.product(*[range(n) for n in sizes]))
            v, w = self._direction_balls(label, len(keys))
            weights = _Weights((k, (theta * v[at(k)] + w[at(k)]).exp()) for k in keys)
            self._moving[key] = (theta, weights)
            return weights

        def make():
            keys = itertools.product(*[range(n) for n in sizes])
            masses = self.instance.masses(label, sizes)
            return _Weights((k, exact_number(masses[at(k)])) for k in keys)
        return self._balls(("weights", label, sizes, alike), make)

    def _direction_balls(self, label, size):
        """v, w of a moving density softmax(θ v + w), as exact balls."""
        def make():
            v, w = self.instance.direction(label, size)
            return tuple(map(exact_number, v)), tuple(map(exact_number, w))
        return self._balls(("direction", label, size), make)

    def _parameter_value(self, dist, parameter):
        if dist.params:
            return self._value(dist.params[0])
        if self._holding:
            if parameter in self.frozen:
                return self.frozen[parameter]
            return self._symbol_ball(parameter)
        return self.symbol(parameter)

    def _size(self, variable):
        return len(self.points_of(variable)) if self.instance.is_discrete(variable) \
            else len(self.instance.partition.widths)

    def _width(self, variable, cell):
        if self.instance.is_discrete(variable):
            return acb(1)
        return self._cell_balls()[cell][1]

    # ================================================================== integrals
    def integral(self, var, body, lower, upper):
        if lower is not None and not (lower is Mul(MINUS_ONE, OO) and upper is OO):
            return self.definite(var, body, lower, upper)
        variable = var.variable if var.origin is not None else var
        if vectors.dimension(var, self.context) is not None:
            try:
                return self._value(vectors.integral(var, body, self.context))
            except vectors.NotVector as exc:
                if not vectors.abstract_only(var, body, self.context):
                    raise NotEvaluable(str(exc)) from None
        if not self._known(("abstract", body, var),
                           lambda: families.abstract_at(body, var, self.context)):
            return self.formula_integral(var, body, variable)
        if var.origin is None and var.local is not None:
            raise NotEvaluable("an integral over the whole line of a formula")
        if self.instance.is_discrete(variable):
            return self._over_points(var, body, self.points_of(variable))
        split = self._formula_terms_apart(var, body, variable)
        if split is not None:
            return split
        partition = self.instance.partition
        degree = self.degree(body, var)
        if degree != 0 and self._pushed(body):
            self.exact = False      # a law of g(z) is exact against cell-constant integrands
        self._off_cells_unknown(var, body)
        total = acb(0)
        cells = self._cell_balls()
        for i, (a, b) in enumerate(zip(partition.edges, partition.edges[1:])):
            total += self._cell_integral(var, body, i, a, b, degree, cells[i])
        return total

    def _formula_terms_apart(self, var, body, variable):
        """∫ over the whole line of a sum with terms free of anything abstract at `var`
        beside terms with it (∫ g(x) − f(x) dx, g a normal density, f a drawn one; also
        ∫ f(x) (g(x)/f(x) − 1) dx, read as that sum by `_expanded`): the sum of the two
        integrals, the formula terms' by certified quadrature over the whole line
        (`formula_integral`: a tail bound, or no value), the others' over the cells. On
        the cells alone, a formula term would be integrated by a fixed rule with no error
        bound and its mass beyond the cells lost. Both integrals are enclosed, so their
        sum encloses the whole (each converges, so the split is linearity). None when the
        body is no such sum, or the formula terms' integral has no value (it may diverge
        where the whole does not): then as before."""
        terms = self._known(("expanded", body, var), lambda: _expanded(body, var, self.context))
        if terms is None:
            return None
        formula, abstract = [], []
        for term in terms:
            (abstract if self._known(("abstract", term, var),
                                     lambda: families.abstract_at(term, var, self.context))
             else formula).append(term)
        if not formula or not abstract:
            return None
        try:
            apart = self.formula_integral(var, _sum_of(formula), variable)
        except NotEvaluable:
            return None
        if not apart.is_finite():
            return None
        return apart + self.integral(var, _sum_of(abstract), None, None)

    def formula_integral(self, var, body, variable):
        """∫ over the whole range of `var` of a body with no abstract density at `var`:
        over the pieces of a density by formula it is a multiple of, else the whole line
        (or, for a discrete variable, its points)."""
        try:
            split = families.range_pieces(body, var, self.context)
        except ValueError as exc:
            raise NotEvaluable(str(exc)) from None
        discrete = self.instance.is_discrete(variable)
        if split is None:
            if discrete:
                return self._over_points(var, body, self.points_of(variable))
            return quadrature.integrate(self, var, body, None, None)
        dist, ranges = split
        self.explicit(Dens(dist, (Sym(var),)))     # a family written inline: valid here?
        total = acb(0)
        saved = self._pieces
        try:
            for k, (low, high) in enumerate(ranges):
                ends = [None if e is None else self._value(e) for e in (low, high)]
                if any(e is not None and e.imag != 0 for e in ends):
                    raise NotEvaluable("a support with complex ends")
                lo, hi = (None if e is None else e.real for e in ends)
                if lo is not None and hi is not None and not hi >= lo:
                    if hi < lo:
                        continue                    # an empty piece: the density is 0 there
                    self._unsure()
                if discrete:
                    total += self._integer_points(var, body, lo, hi, dist, k)
                    continue
                self._pieces = saved + ((Sym(var), dist, k),)
                total += self.on_pieces(var, body, *(None if e is None else (e, t)
                                                     for e, t in ((lo, low), (hi, high))))
                self._pieces = saved
        finally:
            self._pieces = saved
        return total

    def on_pieces(self, var, body, lo, hi):
        """∫_lo^hi of a formula integrand by quadrature (ends: (real ball, term) pairs,
        None for an infinite one), cut at the ends of the pieces of every density by
        formula with a restricted support at `var` (not already on a piece in force), each
        put on its piece on each part: arb's integrator evaluates at complex points, where
        such a density's piece is not known, and would subdivide to its evaluation limit
        with every value refused. A part off a density's support adds 0 when that density
        is a factor of the whole integrand; otherwise it is not evaluated. Ends are in
        order when they are one term or their balls are certainly ordered; otherwise the
        integral is not evaluated."""
        placed = {d for point, d, _ in self._pieces if point is Sym(var)}
        others = [(d, f) for d, f in self._known(
            ("densities at", body, var), lambda: families.densities_at(body, var, self.context)
        ).items() if d not in placed and families.restricted(f)]
        if not others:
            return quadrature.integrate(self, var, body, *(None if e is None else e[0]
                                                           for e in (lo, hi)))
        dist, formula = others[0]
        ends = [[None if e is None else (self._real_end(e), e) for e in piece[:2]]
                for piece in formula.pieces]
        cuts = []
        for e in {e[1]: e for piece in ends for e in piece if e is not None}.values():
            if (lo is None or _before(lo, e)) and (hi is None or _before(e, hi)):
                cuts.append(e)
            elif not ((lo is not None and _at_most(e, lo)) or
                      (hi is not None and _at_most(hi, e))):
                self._unsure()
        cuts.sort(key=lambda e: float(e[0].mid()))
        bounds = [lo] + cuts + [hi]
        total, saved = acb(0), self._pieces
        try:
            for a, b in zip(bounds, bounds[1:]):
                if a is not None and b is not None and not _before(a, b):
                    if _at_most(b, a):
                        continue                # an empty part
                    self._unsure()
                k = next((k for k, (pa, pb) in enumerate(ends)
                          if (pa is None or a is not None and _at_most(pa, a)) and
                          (pb is None or b is not None and _at_most(b, pb))), None)
                if k is None:
                    if families._is_factor(body, Dens(dist, (Sym(var),))):
                        continue                # off its support the integrand is 0
                    raise NotEvaluable("an integrand off the support of a density by formula")
                self._pieces = saved + ((Sym(var), dist, k),)
                total += self.on_pieces(var, body, a, b)
                self._pieces = saved
        finally:
            self._pieces = saved
        return total

    def _real_end(self, term):
        value = self._value(term)
        if value.imag != 0:
            raise NotEvaluable("a support with complex ends")
        return value.real

    def _integer_points(self, var, body, lo, hi, dist, k):
        first = None if lo is None else _exact_integer(acb(lo))
        if hi is None and first is not None:        # a series: its tail bounded, never cut
            formula = families.explicit(Dens(dist, (Sym(var),)), self.context)[k][2]
            return self.series(Sum(var, series.substitute_density(body, dist, var, formula),
                                   Num(first), OO))
        if lo is None or hi is None:
            raise NotEvaluable("a sum over a mass function's infinite support")
        low, high = (_exact_integer(acb(e)) for e in (lo, hi))
        if low is None or high is None or high - low + 1 > MAX_SUM_TERMS:
            raise NotEvaluable("a discrete family whose support is not a short list of numbers")
        saved = self._pieces
        total = acb(0)
        try:
            for n in range(low, high + 1):
                self._pieces = saved + ((Num(n), dist, k),)
                total += self._value(substitute(body, {var: Num(n)}))
        finally:
            self._pieces = saved
        return total

    def at_quadrature_point(self, var, z, body, analytic, cell=None):
        """The integrand at a complex ball `z` for arb's integrator; no value (a non-finite
        ball) where it is not defined or, when asked, not analytic. `cell`: the cell whose
        drawn densities' value the variable takes (`quadrature.on_cell`)."""
        saved_env, saved_analytic = self.env.get(var), self.analytic
        self.env[var] = Point(z, cell, ("quad",))
        saved_outer = self.outer_analytic
        # inside another quadrature asking for analyticity, the inner integral must be
        # analytic in the outer variable too (`_holomorphic`)
        self.outer_analytic = saved_outer or bool(saved_analytic)
        self.analytic = bool(analytic)
        try:
            return self._value(body)
        except NotEvaluable:
            return acb("nan")
        finally:
            self.analytic, self.outer_analytic = saved_analytic, saved_outer
            if saved_env is None:
                del self.env[var]
            else:
                self.env[var] = saved_env

    def _over_points(self, var, body, points):
        """Σ of `body` over a discrete variable's values (whole numbers: an unknown
        function takes one value at each, however the number is computed)."""
        total = acb(0)
        for x in points:
            total += self._at(var, Point(exact_number(x), None, ("int", int(x))), body)
        return total

    def _cell_integral(self, var, body, cell, a, b, degree, balls=None, off=False):
        """∫ over one cell [a, b) where the abstract functions are constant; `balls` are
        the cell's (width, _, centre, centre as acb) when [a, b) is a whole cell. `off`:
        a piece off the cells where the unknown functions at `var` are 0
        (`_zero_off_cells`): its points are keyed so (`call`)."""
        if balls is not None:
            width, _, centre, mid = balls
        else:
            width = _real(b - a)
            centre = _real((Fraction(a) + Fraction(b)) / 2)
            mid = acb(centre)
        if degree == 0:
            return self._at(var, Point(mid, cell, ("off",) if off else ("cell", cell)),
                            body) * width
        if (degree is None or degree >= 2 * GAUSS_NODES) and cell is not None and \
                self._known(("meromorphic", body, var),
                            lambda: _meromorphic(body, var, {}, self.context)):
            return quadrature.on_cell(self, var, body, centre - width / 2, centre + width / 2,
                                      cell)
        if degree is None or degree >= 2 * GAUSS_NODES:
            self.exact = False
            self.inexact = self.inexact or (
                "an integrand that is not a polynomial of low degree in the variable, beside "
                "an abstract density, is integrated over its cells by a fixed Gauss–Legendre "
                "rule, without an error bound")
        total = acb(0)
        half = width / 2
        for k, (root, weight) in enumerate(_gauss(GAUSS_NODES)):
            x = acb(centre + half * root)
            key = ("off", a, b, k) if off else ("gl", cell, k)
            total += self._at(var, Point(x, cell, key), body) * (half * weight)
        return total

    def definite(self, var, body, lower, upper):
        """∫_lower^upper, split at the cells' edges so each piece has constant densities
        (by quadrature when nothing abstract depends on the variable)."""
        if not self._known(("abstract", body, var),
                           lambda: families.abstract_at(body, var, self.context)):
            ends = [None if _infinite(e) else self._value(e) for e in (lower, upper)]
            if any(e is not None and e.imag != 0 for e in ends):
                raise NotEvaluable("an integral between complex limits")
            if _infinite(lower) and lower is not Mul(MINUS_ONE, OO) or \
                    _infinite(upper) and upper is not OO:
                raise NotEvaluable("an integral from +∞ or to −∞")
            return self.on_pieces(var, body, *(None if e is None else (e.real, t)
                                               for e, t in zip(ends, (lower, upper))))
        lower, upper = self._clipped(var, body, lower, upper)
        lo, hi = self._value(lower), self._value(upper)
        if not (lo.imag == 0 and hi.imag == 0):
            raise NotEvaluable("an integral between complex limits")
        sign = 1
        if hi.real < lo.real:
            lo, hi, sign = hi, lo, -1
        elif not (lo.real <= hi.real):
            self._unsure()
        ends = (self._rational(lower), self._rational(upper))[::sign]
        lo_q, hi_q = (_exact_fraction(v.real) if q is None else q
                      for v, q in zip((lo, hi), ends))
        inexact_ends = [(end, q is None, side) for end, q, side in
                        ((lo, lo_q, -1), (hi, hi_q, 1))]
        if lo_q is None or hi_q is None:
            lo_q, hi_q = Fraction(str(lo.real.mid().str(30, radius=False))), \
                Fraction(str(hi.real.mid().str(30, radius=False)))
        cuts = [lo_q] + [e for e in self.instance.partition.edges if lo_q < e < hi_q] + [hi_q]
        degree = self.degree(body, var)
        if degree != 0 and self._pushed(body):
            self.exact = False      # a law of g(z) is exact against cell-constant integrands
        total = acb(0)
        vanishing = bool(families.abstract_factors(body, var, self.context))
        support = families.support_of(body, var, self.context) if vanishing else (None, None)
        slivers = acb(0)
        for (end, inexact, side), q in zip(inexact_ends, (lo_q, hi_q)):
            if inexact:
                slivers += self._sliver(var, body, end, q, side, degree, vanishing and support)
        for a, b in zip(cuts, cuts[1:]):
            cell = self.instance.partition.cell_of((a + b) / 2)
            if cell is None and vanishing:
                # off the cells an abstract density factor is put to 0: truly so off its
                # declared support; inside it (p > 0 there) a limit of positive densities
                self._off_cells_unknown(var, body)
                self.limiting = self.limiting or not (
                    support[0] is not None and b <= support[0].value or
                    support[1] is not None and a >= support[1].value)
                continue
            off = cell is None and self._known(("opaque at", body, var), lambda: any(
                isinstance(t, Call) and any(var in free_names(a) for a in t.arguments)
                for t in nodes(body)))
            if off and not self._zero_off_cells(var, body):
                # an unknown function taken off the cells at other than the bare variable
                # (f(x - 1), f(θ, x)) has one value per number there: a piece taken as its
                # width times the value at its middle is no integral of one function across
                # integrals with other limits
                self.exact = False
                off = False
            total += self._cell_integral(var, body, cell if cell is not None else None, a, b,
                                         degree if degree != 0 else 0, off=off)
        return (total + slivers) * sign

    def _zero_off_cells(self, var, body):
        """Whether every unknown function `body` takes at `var` is taken at the bare variable
        alone (`f(x)`) and may be 0 (not declared positive, convex or concave, no data point,
        no map of a law): then it is the function that is constant on each cell and 0 off
        the cells, in every integral of the step — `Point` key ("off", …), `call` — and
        ∫_{-100}^{100} f = ∫_{-100}^0 f + ∫_0^{100} f holds exactly on the draw. (Keyed by
        each piece's middle, f was another function in each integral: only the inexact
        flag kept such a true step from being refuted.)"""
        def zero(t):
            return len(t.arguments) == 1 and t.arguments[0] == Sym(var) and \
                self._may_vanish(t.function)
        return self._known(("zero off cells", body, var), lambda: all(
            zero(t) for t in nodes(body)
            if isinstance(t, Call) and any(var in free_names(a) for a in t.arguments)))

    def _may_vanish(self, function):
        """Whether the unknown `function` may be drawn 0 off the cells (`_zero_off_cells`)."""
        declaration = self.context.declaration(function)
        return not (declaration.domain.is_positive or
                    getattr(declaration.info, "shape", "") in ("convex", "concave") or
                    isinstance(declaration.info, (SampleInfo, IndependentCopies)) or
                    self._law_of_map(function) is not None)

    def _off_cells_unknown(self, var, body):
        """Off the cells the drawn densities are 0, and an integrand with one as a factor is
        0 there, exactly or in the limit; one that divides by it with none left once the
        division cancels (`q \\frac{1}{q}`, `\\frac{q}{q}`: 1 where q > 0) is not: where an
        integral reaches off the cells its value is not known, so the evaluation is not
        exact (it was taken as 0 there, and E_q[1/q] = 1 refuted)."""
        if self._known(("nonvanishing", body, var),
                       lambda: families.cancels_to_nonvanishing(body, var, self.context)):
            self.exact = False

    def _sliver(self, var, body, end, q, side, degree, support):
        """∫ between an inexact end's ball (`\\mu - \\sqrt{t^2}`, a root of a draw) and
        `q`, the rational put in its place (`side` −1 for the lower end, 1 for the upper):
        when the integrand is constant on cells (degree 0) and the ball lies inside one
        cell, that is the cell's value times (end − q) or (q − end) — a ball, so the
        integral stays exact; off the cells, with an abstract density factor (`support`:
        its declared support), it is 0, as the pieces there are (`definite`, which says
        when that is a limit of positive densities). Otherwise the evaluation is not exact."""
        edges = self.instance.partition.edges
        cell = self.instance.partition.cell_of(q)
        if degree == 0 and cell is None and support and \
                (end.real < _real(edges[0]) and q < edges[0] or
                 end.real > _real(edges[-1]) and q >= edges[-1]):
            low, high = support
            self._off_cells_unknown(var, body)
            self.limiting = self.limiting or not (
                low is not None and end.real <= _real(low.value) and q <= low.value or
                high is not None and end.real >= _real(high.value) and q >= high.value)
            return acb(0)
        if degree != 0 or cell is None or \
                not (_real(edges[cell]) < end.real and end.real < _real(edges[cell + 1])):
            self.exact = False
            return acb(0)
        value = self._at(var, Point(acb(_real((edges[cell] + edges[cell + 1]) / 2)), cell,
                                    ("cell", cell)), body)
        return value * ((end - acb(_real(q))) if side == 1 else (acb(_real(q)) - end))

    def _clipped(self, var, body, lower, upper):
        """An infinite end of an integral whose integrand has an abstract density at the
        variable as a factor (`\\int_a^\\infty x p(x) dx`) moved to a number past the
        cells and past the other end: the integrand is 0 off the cells. Another infinite
        end is no number."""
        if not (_infinite(lower) or _infinite(upper)) or \
                not families.abstract_factors(body, var, self.context):
            return lower, upper
        edges = self.instance.partition.edges
        self._off_cells_unknown(var, body)
        if lower is Mul(MINUS_ONE, OO) and upper is OO:
            return Num(edges[0]), Num(edges[-1])
        if upper is OO and not _infinite(lower):
            return lower, Num(max(self._beyond(lower), edges[-1]))
        if lower is Mul(MINUS_ONE, OO) and not _infinite(upper):
            return Num(min(-self._beyond(upper), edges[0])), upper
        return lower, upper

    def _rational(self, term):
        """The exact rational value of an integral's end written with numbers and real
        symbols (`a`, `\\mu + t`) on this draw — a ball of a decimal is not exact — or None."""
        if isinstance(term, Num):
            return term.value
        if isinstance(term, Sym) and term.name not in self.env and term.name not in \
                self.overrides and term.name in self.labels and \
                self.context.declaration(term.name).kind is not Kind.VARIABLE:
            self.symbol(term.name)
            value = self.instance.drawn(self.labels[term.name])
            return value if isinstance(value, Fraction) else None
        if isinstance(term, (Add, Mul)):
            parts = [self._rational(a) for a in term.args]
            if None in parts:
                return None
            total = Fraction(0) if isinstance(term, Add) else Fraction(1)
            for q in parts:
                total = total + q if isinstance(term, Add) else total * q
            return total
        if isinstance(term, Pow) and isinstance(term.exponent, Num) and \
                term.exponent.value.denominator == 1:
            base = self._rational(term.base)
            if base is None or base == 0 and term.exponent.value < 0:
                return None
            return base ** int(term.exponent.value)
        return None

    def _beyond(self, end):
        """A whole number larger than |end| (a real end; a complex one is left to fail)."""
        value = self._value(end).real
        return Fraction(math.ceil(abs(float(value.mid())) + float(value.rad())) + 1)

    def _at(self, var, point, body):
        saved = self.env.get(var)
        self.env[var] = point
        try:
            return self._value(body)
        finally:
            if saved is None:
                del self.env[var]
            else:
                self.env[var] = saved

    def sum(self, t):
        if t.lower is None:
            if t.var.origin is not None:
                variable = t.var.origin
                if not self.instance.is_discrete(variable):
                    raise NotEvaluable("a sum over a continuous variable")
                try:                # a multiple of a mass function on 0, 1, 2, …: a series
                    whole = series.explicit(t, self.context)
                except series.NoClosedForm as exc:
                    raise NotEvaluable(str(exc)) from None
                if whole is not None:
                    return self.series(whole)
                return self._over_points(t.var, t.body, self.points_of(variable))
            total = acb(0)
            for k in self.instance.index_set:
                total += self._at(t.var, Point(acb(k), None, ("int", k)), t.body)
            return total
        if t.upper is OO:
            return self.series(t)
        lo, hi = (_exact_integer(self._value(x)) for x in (t.lower, t.upper))
        if lo is None or hi is None:
            raise NotEvaluable("a sum between bounds that are not whole numbers")
        if hi - lo + 1 > MAX_SUM_TERMS:
            raise NotEvaluable("a sum of too many terms")
        total = acb(0)
        for k in range(lo, hi + 1):
            total += self._at(t.var, Point(acb(k), None, ("int", k)), t.body)
        return total

    def series(self, t):
        """Σ_{k ≥ low} of a series: its partial sum and a ball holding its tail
        (`numeric.series`), never a truncation. A mass function by formula taken at
        the index is its formula there (`series.explicit`)."""
        t = series.explicit(t, self.context)
        try:
            return numeric_series.value(
                self, t, lambda k: Point(acb(k), None, ("int", k)))
        except numeric_series.NoTail as exc:
            raise NotEvaluable(f"an infinite series ({exc})") from None

    def extremum(self, t):
        """The largest (smallest) member of a family over the whole numbers lo..hi of this
        draw, each member's value a real ball: the max of two balls a, b encloses
        (a + b + |a − b|)/2 (the min, with −). Over an empty range it has no value."""
        lo, hi = (_exact_integer(self._value(x)) for x in (t.lower, t.upper))
        if lo is None or hi is None or hi - lo + 1 > MAX_SUM_TERMS:
            raise NotEvaluable(f"a {t.kind} between bounds that are not small whole numbers")
        if hi < lo:
            raise NotEvaluable(f"the {t.kind} of no numbers (an empty range)")
        best = None
        for k in range(lo, hi + 1):
            value = self._at(t.var, Point(acb(k), None, ("int", k)), t.body)
            if not value.imag.is_zero():
                raise NotEvaluable(f"a {t.kind} of numbers not shown real")
            value = value.real
            if best is not None:
                spread = abs(best - value)
                value = (best + value + (spread if t.kind == "max" else -spread)) / 2
            best = value
        return acb(best)

    def product(self, t):
        if t.lower is None:
            raise NotEvaluable("a product over a whole range")
        lo, hi = (_exact_integer(self._value(x)) for x in (t.lower, t.upper))
        if lo is None or hi is None or hi - lo + 1 > MAX_SUM_TERMS:
            raise NotEvaluable("a product between bounds that are not small whole numbers")
        total = acb(1)
        for k in range(lo, hi + 1):
            total *= self._at(t.var, Point(acb(k), None, ("int", k)), t.body)
        return total

    # ================================================================== derivatives
    def derivative(self, t):
        """The symbolic derivative's value, checked against differences of the body's own
        values (`differences`: a disagreement is an internal error, not a verdict). A body
        that moves with the variable through a drawn density's argument or conditioning
        value is not evaluated: the draw is piecewise constant there, so its rate of change
        is 0 whatever the law — a value would vouch for a rule that drops that term."""
        if _through_a_drawn_density(t.body, t.var, self.context):
            raise NotEvaluable(f"a drawn density moves with {t.var.latex} only from cell to "
                               "cell: its derivative there is no evidence")
        if isinstance(t.body, Dens) and self.explicit(t.body) is None:
            value = self.density_derivative(t.body, t.var)
        else:
            from derive.engines.calculus import NotDifferentiable, without_derivatives
            try:
                value = self._value(self._known(("plain", t),
                                                lambda: without_derivatives(t, self.context)))
            except NotDifferentiable as exc:
                raise NotEvaluable(str(exc)) from None
        # a value with no error bound (a fixed Gauss–Legendre rule on a cell: `exact`
        # cleared) is no enclosure, so its distance from the differences accuses nothing
        if self.checking and self.analytic is None and self.exact:
            differences.check(self, t, value)
        return value

    def density_derivative(self, dens, parameter):
        """∂/∂θ of a moving density softmax(θ v + w)/width at its cell — of a conditional
        family `π_θ(a | s)` too, whose table is normalised in the block of its conditioning
        cells (`table`), so its derivative is the softmax's within that block. A joint's
        conditional (`p(y | x)` of a joint over x, y), a density over several variables and
        one moving with several parameters are not evaluated."""
        dist = dens.dist
        info = self.context.info(dist.name)
        moving = self.context.moves_with(dist.name)
        if parameter not in moving:
            return acb(0)                   # it does not depend on that parameter
        if len(info.over) != 1 or tuple(dist.given) != tuple(info.given) or \
                parameter != moving[0] or \
                tuple(getattr(self.labels, "joints", {}).get(dist.name, info.over)) != \
                tuple(info.over) or \
                dist.name in getattr(self.labels, "alike", ()):
            raise NotEvaluable("this derivative of a density is not evaluated")
        (cell,) = [self._cell_at(a, v) for a, v in zip(dens.at, dist.over)]
        cond = [self._cell_at(c, v) for c, v in zip(dist.cond, dist.given)]
        if None in cond:
            raise NotEvaluable("a conditional given a value outside a discrete range")
        if cell is None:
            return acb(0)                   # off a discrete range the mass is 0 for every θ
        label = self.labels[dist.name]
        sizes = [self._size(v) for v in (*info.given, info.over[0])]
        base = 0                            # the block's first cell in the table's order
        for c, n in zip(cond, sizes[1:]):
            base = (base + c) * n
        count = 1
        for n in sizes:
            count *= n
        size = sizes[-1]
        theta = self._parameter_value(dist, parameter)
        v, w = self._direction_balls(label, count)
        v, w = v[base:base + size], w[base:base + size]
        e = [(theta * v[i] + w[i]).exp() for i in range(size)]
        total = sum(e, acb(0))
        mean = sum((e[i] * v[i] for i in range(size)), acb(0)) / total
        value = e[cell] / total / self._width(info.over[0], cell)
        return value * (v[cell] - mean)

    def at(self, t):
        body = t.body
        value = self._value(t.value)
        var = t.var
        if var.origin is not None or (var.local is not None and var.local.kind is Kind.VARIABLE):
            return self._at(var, self.locate(value), body)
        saved = self.overrides.get(var)
        self.overrides[var] = value
        self._forget(var)
        try:
            return self._value(body)
        finally:
            if saved is None:
                del self.overrides[var]
            else:
                self.overrides[var] = saved
            self._forget(var)

    def _forget(self, var):
        """Drops the values remembered for terms that move with the number `var` a bar puts
        to a value, on entering the bar and on leaving it: the memo's key holds the values of
        the names a term mentions, and a term can move with θ without mentioning it — a
        density that `depends` on θ or whose formula is written with θ, as in the marginal
        ∫ g_θ(x|z)p(z)dz put in for g_θ(x) — so its value at θ = 0 was reused outside the bar
        (and the outside one inside it): [g_θ(x)]_{θ=0} − g_θ(x) came out 0."""
        movers = {d for d, ps in self.context.parameters.items() if var in ps}
        moved = {}

        def moves(t):
            if t not in moved:
                moved[t] = var in free_names(t) or any(
                    isinstance(n, Dist) and (n.name in movers or
                                             formula_mentions(n, var, self.context))
                    for n in nodes(t))
            return moved[t]
        self._memo = {k: v for k, v in self._memo.items() if not moves(k[0])}
        self._failed = {k: v for k, v in self._failed.items() if not moves(k[0][0])}

    # ================================================================== exactness
    def degree(self, body, var):
        """The degree of `body` as a polynomial in `var` where it occurs outside the
        arguments of densities and functions taken exactly at `var`; None when it is not
        a polynomial there (then quadrature is only approximate)."""
        return self._known(("degree", body, var), lambda: _degree(body, var, {}, self.context))


def _meromorphic(t, var, memo, context):
    """Whether `t`, on one cell, is a meromorphic function of `var`: built from the
    variable, numbers and what does not move with it by +, ×, whole powers, constant
    bases to any power, exp, sin, cos, tan and their hyperbolic kin, with drawn densities
    and unknown functions (constant on the cell: `Evaluator._in_its_cell`) taken at the
    bare variable, and derivatives of such terms in another variable (∂_θ p(x; θ)) — arb's
    integrator then encloses its integral over the cell rigorously (`quadrature.on_cell`).
    A density by formula at the bare variable counts by its formula when that is one
    formula over the whole line (a normal's). So does a log whose argument is a product of
    powers of positive factors whose logs are polynomials in the variable on the cell —
    constants, drawn densities at the bare variable, e^{polynomial}, densities by such a
    formula (`_log_of_a_polynomial`): the log is then that sum of logs, analytic, as
    `quadrature.log_on_the_line` evaluates it (∫_cell c log(c/g(x)) dx for a normal g is
    certified, no longer a fixed rule without an error bound). Unknown functions of other
    terms of the variable (f(2x)), roots, other logs, integrals that move with it: no."""
    if t in memo:
        return memo[t]
    if var not in free_names(t):
        result = True                   # a constant on the cell
    elif isinstance(t, Sym):
        result = True
    elif isinstance(t, (Add, Mul)):
        result = all(_meromorphic(a, var, memo, context) for a in t.args)
    elif isinstance(t, Pow):
        result = _meromorphic(t.exponent, var, memo, context) and (
            var not in free_names(t.base) or isinstance(t.exponent, Num) and
            t.exponent.value.denominator == 1 and _meromorphic(t.base, var, memo, context))
    elif isinstance(t, Fn) and t.fname == "log":
        result = _log_of_a_polynomial(t.operands[0], var, context)
    elif isinstance(t, Fn):
        result = t.fname in ("exp", "sin", "cos", "tan", "sinh", "cosh", "tanh") and \
            all(_meromorphic(a, var, memo, context) for a in t.operands)
    elif isinstance(t, Defined):
        result = _meromorphic(t.body, var, memo, context)
    elif isinstance(t, Dens) and drawn_at(t, var, context):
        result = True
    elif isinstance(t, Dens):
        formula = _one_formula(t, var, context)
        result = formula is not None and _meromorphic(formula, var, memo, context)
    elif isinstance(t, Call):
        result = all(a == Sym(var) or var not in free_names(a) for a in t.arguments)
    elif isinstance(t, Deriv):
        # d/dθ of such a term (∂_θ p(x; θ), constant on the cell like p): the rules of
        # calculus keep it built from the same operations, what does not move with the
        # variable only changing to its own derivative
        result = t.var is not var and _meromorphic(t.body, var, memo, context)
    else:
        result = False
    memo[t] = result
    return result


def drawn_at(t, var, context):
    """Whether `t` is a drawn density (not by formula) at the bare variable, with no
    condition moving with it: constant on each cell."""
    return isinstance(t, Dens) and isinstance(t.dist, Dist) and \
        not families.is_formula(t.dist, context) and t.at == (Sym(var),) and \
        not any(var in free_names(c) for c in t.dist.cond)


def _one_formula(t, var, context):
    """The formula of a density by formula at the bare variable when it is one formula
    over the whole line (no pieces: analytic across every cell), else None."""
    if not isinstance(t, Dens) or t.at != (Sym(var),):
        return None
    pieces = families.explicit(t, context)
    if pieces is None or len(pieces) != 1 or pieces[0][0] is not None or \
            pieces[0][1] is not None:
        return None
    return pieces[0][2]


def _log_of_a_polynomial(u, var, context):
    """Whether log u is, on one cell, a sum of logs of positive constants and polynomials
    in `var`: u a product of (constant) powers of factors free of the variable, drawn
    densities at it (constant on the cell), e^{v} with v a polynomial of degree ≤ 2, and
    densities by one such formula over the whole line (a normal's). Whether the constants
    are positive is seen when evaluated (`quadrature.log_on_the_line`; else arb's branch
    cut check)."""
    if var not in free_names(u) or drawn_at(u, var, context):
        return True
    if isinstance(u, Defined):
        return _log_of_a_polynomial(u.body, var, context)
    if isinstance(u, Mul):
        return all(_log_of_a_polynomial(a, var, context) for a in u.args)
    if isinstance(u, Pow) and isinstance(u.exponent, Num) and u.base is not E:
        return _log_of_a_polynomial(u.base, var, context)
    exponent = quadrature.exponent_of(u)
    if exponent is not None:
        return _polynomial_degree(exponent, {var}) is not None
    formula = _one_formula(u, var, context)
    return formula is not None and _log_of_a_polynomial(formula, var, context)


def _through_a_drawn_density(body, var, context):
    """Whether `body` depends on `var` through the argument (p(x)) or conditioning value
    (p(y | x), E[Y | X]) of a density that is drawn, not given by a formula."""
    for n in nodes(body):
        if isinstance(n, Dens) and isinstance(n.dist, Dist) and \
                any(var in free_names(a) for a in n.at) or \
                isinstance(n, Dist) and any(var in free_names(c) for c in n.cond):
            dist = n.dist if isinstance(n, Dens) else n
            if not families.is_formula(dist, context):
                return True
    return False


def _supports(support, context):
    """[(low, high)] of the pieces of every mass function by formula declared (not
    conditional) over a discrete variable ranging over `support`; None ends unbounded."""
    return [piece for pieces in families.range_laws(support, context).values()
            for piece in pieces]


def _sum_of(terms):
    return terms[0] if len(terms) == 1 else Add(*terms)


def _expanded(body, var, context):
    """The terms of `body` as a sum (`Evaluator._formula_terms_apart`), a product with one
    sum among its factors distributed over it, and in each product the powers of an
    abstract density at `var` declared on the whole line netted out (f · g/f is g):
    such a density is positive wherever the instance is a limit of positive densities
    (the module), so f·f⁻¹ = 1 at every point of the line; one declared on an interval
    is truly 0 off it, where f · g/f is no g, and is left alone. None when `body` is
    neither a sum nor such a product."""
    if isinstance(body, Add):
        return body.args
    if not isinstance(body, Mul):
        return None
    sums = [k for k, a in enumerate(body.args) if isinstance(a, Add)]
    if len(sums) != 1:
        return None
    k = sums[0]
    rest = body.args[:k] + body.args[k + 1:]
    return tuple(_netted(rest + (a,), var, context) for a in body.args[k].args)


def _netted(factors, var, context):
    """The product of `factors` (products among them flattened) with the powers of each
    abstract density at `var` declared on the whole line summed (`_expanded`)."""
    flat, powers = [], {}
    stack = list(factors)
    while stack:
        f = stack.pop(0)
        if isinstance(f, Mul):
            stack[:0] = f.args
            continue
        base, exponent = (f.base, f.exponent.value) if isinstance(f, Pow) and \
            isinstance(f.exponent, Num) else (f, 1)
        if families.positive_on_the_line(base, var, context):
            powers[base] = powers.get(base, 0) + exponent
        else:
            flat.append(f)
    flat += [b if e == 1 else Pow(b, Num(e)) for b, e in powers.items() if e != 0]
    return Num(1) if not flat else flat[0] if len(flat) == 1 else Mul(*flat)


def _infinite(term):
    return term is OO or term is Mul(MINUS_ONE, OO)


def _degree(t, var, memo, context):
    if t in memo:
        return memo[t]
    if var not in free_names(t):
        result = 0
    elif isinstance(t, Sym):
        result = 1
    elif isinstance(t, Add):
        parts = [_degree(a, var, memo, context) for a in t.args]
        result = None if None in parts else max(parts)
    elif isinstance(t, Mul):
        parts = [_degree(a, var, memo, context) for a in t.args]
        result = None if None in parts else sum(parts)
    elif isinstance(t, Pow):
        base = _degree(t.base, var, memo, context)
        if base == 0 and _degree(t.exponent, var, memo, context) == 0:
            result = 0          # e^{s(x)} like \exp(s(x)): constant on each cell
        elif base is not None and isinstance(t.exponent, Num) and \
                t.exponent.value.denominator == 1 and t.exponent.value >= 0:
            result = base * int(t.exponent.value)
        elif base == 0:
            result = None
        else:
            result = None
    elif isinstance(t, Dens) and families.is_formula(t.dist, context):
        # a formula's degree is its one piece's, over the whole line (`e^{θφ(x) − A(θ)} h(x)`
        # of unknown functions is constant on a cell); with several pieces it is none
        pieces = families.explicit(t, context) if len(t.at) == 1 else None
        result = _degree(pieces[0][2], var, memo, context) if pieces and len(pieces) == 1 \
            and pieces[0][0] is None and pieces[0][1] is None else None
    elif isinstance(t, (Dens, Call)):
        args = t.at + t.dist.cond if isinstance(t, Dens) and isinstance(t.dist, Dist) else \
            (t.at if isinstance(t, Dens) else t.arguments)
        bare = all(isinstance(a, Sym) and a.name is var or _degree(a, var, memo, context) == 0
                   for a in args)       # constant on each cell: D(x), D(g(x)), p(x)
        result = 0 if bare else None
    elif isinstance(t, Defined):
        result = _degree(t.body, var, memo, context)
    elif isinstance(t, Optimum):        # of an objective constant on each cell: so is it
        result = 0 if _degree(t.body, var, memo, context) == 0 else None
    elif isinstance(t, Fn):
        result = 0 if all(_degree(a, var, memo, context) == 0 for a in t.operands) else None
    elif isinstance(t, Integral) and any(b is not None and var in free_names(b)
                                         for b in (t.lower, t.upper)):
        result = None                           # limits that move with the variable
    elif isinstance(t, (Integral, Expect)):
        inner = t.body if isinstance(t, Integral) else Mul(Dens(t.dist, (Sym(t.var),)), t.body)
        result = _degree(inner, var, memo, context)
    elif isinstance(t, Op):
        result = _degree(registry.meaning(t), var, memo, context)
    elif isinstance(t, Deriv) and t.var is not var:
        result = _degree(t.body, var, memo, context)      # ∂/∂θ keeps the dependence on x
    elif isinstance(t, At):
        # f'(q(x)/p(x)): the body at a value constant on each cell keeps its degree in x
        body = _degree(t.body, var, memo, context)
        moved = t.var in free_names(t.body) and _degree(t.value, var, memo, context) != 0
        result = None if moved else body
    else:
        result = None
    memo[t] = result
    return result


_GAUSS = {}


def _gauss(n):
    """Gauss–Legendre roots and weights on [-1, 1], as rigorous balls (at the current
    precision)."""
    key = (n, ctx.prec)
    if key not in _GAUSS:
        _GAUSS[key] = [arb.legendre_p_root(n, k, weight=True) for k in range(n)]
    return _GAUSS[key]


def _exact_integer(value):
    """The integer a ball is exactly, or None."""
    if value.imag != 0 or not value.real.is_exact():
        return None
    z = value.real.unique_fmpz()
    return None if z is None else int(z)


def _exact_fraction(real):
    if not real.is_exact():
        return None
    mid = real.mid()
    man, exp = mid.man_exp()
    return Fraction(int(man)) * Fraction(2) ** int(exp)


def _precise(value):
    return bool(value.real.rad() < 1e-25 * (1 + abs(value.real.mid())) and
                value.imag.rad() < 1e-25 * (1 + abs(value.imag.mid())))


def _mid_text(value):
    return (value.real.mid().str(25, radius=False), value.imag.mid().str(25, radius=False))


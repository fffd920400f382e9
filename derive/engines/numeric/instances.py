"""Random instances: values for every name of a step, drawn so that each instance is a
genuine case of the declarations.

* A continuous variable ranges over a support cut into a few **cells** of random widths;
  every abstract density is **piecewise constant** on the cells (positive on the support,
  integrating to 1 over it), so it is a real density and the integrals of its values are
  exact finite sums. The cells lie inside the support declared for abstract densities
  (`density p over x in [0, \\infty)`; the intersection of all such supports). Widths vary from draw to draw, so density values may exceed 1 and a
  support may be long or short. All continuous variables share one partition per draw;
  a free continuous variable is drawn at a cell's middle, inside the supports of the
  densities by formula declared over it (`Evaluator.continuous_points`).
* A discrete variable ranges over a finite set of reals that the declarations do not name:
  its range 𝒳 is drawn per range — its size (so |𝒳| is a number like any other symbol)
  and its values, distinct and arbitrary (whole numbers, negative too; 0 and 1 need not
  be among them) — with a positive pmf on them, 0 off them. A range a mass function by
  formula is declared over (Bernoulli, Cat, …) is that function's support instead, fixed
  by the evaluator (`fix_points`): a range missing it would be no case of the declarations.
* A joint density is a positive table on the product of its variables' cells; its
  marginals and conditionals are computed from it; a conditional family `q(z | x)` is a
  table normalised for each x; a density that moves with a parameter θ is
  `softmax(θ·v + w)` over the cells (smooth in θ).
* An unspecified finite index set is 1, …, N, with N drawn.
* A symbol gets an exact rational (or Gaussian rational) value in its declared domain:
  complex when undeclared — including `i` and `-1`, where branch cuts show.
* An opaque function is piecewise constant on the cells for real arguments in the support
  and an arbitrary (hashed) value elsewhere — one value per whole number, however the
  argument is written (an index i at 2, `i + 1` at i = 1, `2`): a genuine function.

Draws are named kinds; the same seed gives the same instance. Everything is exact
(`Fraction`s), so the ball arithmetic of `evaluate` encloses the true values.
"""

from __future__ import annotations

import hashlib
import itertools
import random
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property

from derive.model.names import Domain, Kind

# The kinds of draws, in the order they are tried.
KINDS = ("plain", "skewed", "special", "wide", "disjoint", "narrow", "complex", "plain",
         "skewed", "special", "wide", "plain")
CELLS = 4
# how much a wide draw's joint table weighs its diagonal (`Instance.masses`)
DIAGONAL = 30
# the values a discrete variable's range may take (any distinct few of them, per draw)
POINT_POOL = tuple(range(-4, 9))
# the largest unspecified index set a drawn bounded index makes (`Instance.index_set`)
MAX_INDEX_SET = 20


@dataclass(frozen=True)
class Partition:
    """The cells of the continuous variables: edges a_0 < … < a_K (exact)."""

    edges: tuple

    # computed once per partition (Fraction arithmetic is slow, and the evaluator asks for
    # these at every density value)
    @cached_property
    def widths(self):
        return tuple(b - a for a, b in zip(self.edges, self.edges[1:]))

    @cached_property
    def points(self):
        return tuple((a + b) / 2 for a, b in zip(self.edges, self.edges[1:]))

    def cell_of(self, value):
        """The cell containing an exact real `value`, or None outside the support."""
        for i, (a, b) in enumerate(zip(self.edges, self.edges[1:])):
            if a <= value < b:
                return i
        return None


def _rational(rng, low, high, digits=3):
    scale = 10 ** digits
    return Fraction(rng.randint(int(low * scale), int(high * scale)), scale)


class Instance:
    """One draw: values for the names of one step, made on first request."""

    def __init__(self, seed, draw, context):
        self.seed, self.draw, self.context = seed, draw, context
        self.kind = KINDS[draw % len(KINDS)]
        rng = self.rng("partition")
        if self.kind == "wide":
            widths = [_rational(rng, 1, 6) for _ in range(CELLS)]
        elif self.kind == "narrow":
            widths = [_rational(rng, 0.01, 0.08) for _ in range(CELLS)]
        else:
            widths = [_rational(rng, 0.2, 1.5) for _ in range(CELLS)]
        start = _rational(rng, -2, 1)
        low, high = declared_support(context)
        if low is not None:             # every abstract density lives inside [low, high]
            start = low + (_rational(rng, 0, 1) if self.kind not in ("special", "disjoint")
                           else 0)
        if high is not None:
            room = (high - start) * _rational(rng, 0.5, 1, 2)
            if low is None:
                start = high - room
            widths = [w * room / sum(widths) for w in widths]
        edges = [start]
        for w in widths:
            edges.append(edges[-1] + w)
        self.partition = Partition(tuple(edges))
        self._values = {}          # (tag, name serial, …) → value
        self.balls = {}            # (what, …, precision) → those values as balls (evaluate)
        self._discrete = {}        # variable → whether it is discrete
        self._points = {}          # finite set → its points on this draw
        self.unbounded = set()     # ranges of which those are the first points only
        self.bounded_indices = set()   # integers drawn between a hypothesis's bounds

    def rng(self, *key):
        """A random generator for one purpose of this draw (stable across processes)."""
        text = repr((self.seed, self.draw) + tuple(str(k) for k in key))
        return random.Random(int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big"))

    def remember(self, key, make):
        if key not in self._values:
            self._values[key] = make()
        return self._values[key]

    # ------------------------------------------------------------------ symbols
    def symbol(self, name, label):
        """The value of a free name (symbol, parameter, free variable); `label` is a
        stable identity for it within the step."""
        return self.remember(("sym", label), lambda: self._draw_symbol(name, label))

    def drawn(self, label):
        """The value a symbol took on this draw, or None when nothing evaluated it."""
        return self._values.get(("sym", label))

    def pin(self, label, value):
        """Give a symbol a chosen value of its domain on this draw (`edges`)."""
        self._values[("sym", label)] = value

    def _draw_symbol(self, name, label):
        declaration = self.context.declaration(name)
        rng = self.rng("symbol", label)
        if declaration.kind is Kind.VARIABLE:
            if self.is_discrete(name):
                return rng.choice(self.points_of(name))
            return rng.choice(self.partition.points)
        return draw_number(rng, declaration.domain, self.kind)

    def is_discrete(self, variable):
        found = self._discrete.get(variable)
        if found is None:
            info = self.context.info(variable.variable)
            found = self._discrete[variable] = bool(getattr(info, "discrete", False))
        return found

    def points_of(self, variable):
        """The values of a discrete variable: distinct whole numbers drawn per range (an
        unknown function takes one value per whole number), in increasing order. Nothing
        is assumed about which values a range has; the "special" draws take 0, 1, … (the
        usual coding), the others any values."""
        support = self.context.info(variable.variable).support
        found = self._points.get(support)
        if found is None:
            size = self.set_size(support)
            if self.kind == "special":
                values = range(size)
            else:
                values = self.rng("points", support.latex).sample(POINT_POOL, size)
            found = self._points[support] = tuple(sorted(Fraction(v) for v in values))
        return found

    def fix_points(self, support, values, unbounded=False):
        """Give a discrete range chosen values on this draw, its size with them (the
        supports of the mass functions declared over it: `Evaluator.points_of`);
        `unbounded`: they are the first points of an infinite range, where a free value
        is drawn, never the whole range."""
        if unbounded:
            self.unbounded.add(support)
        self._points[support] = tuple(sorted(values))
        self._values[("set", support.latex)] = len(values)

    @cached_property
    def index_set(self):
        """An unspecified finite index set (a bound-less `\\sum_i` over no declared
        family): 1, …, N, its size N drawn like a range's — and at least the integers a
        hypothesis bounds that were drawn (`bounded_indices`, drawn first by
        `Evaluator.draw_ranges`): such an index beside a bound-less sum is one of its
        indices, so a smaller N would be no instance (`compare._index_outside`); one past
        `MAX_INDEX_SET` still is."""
        size = self.rng("index set").choice((2, 3) if self.kind == "special" else (1, 2, 3, 4, 5))
        size = max([size] + [int(v) for v in self.bounded_indices if v <= MAX_INDEX_SET])
        return tuple(range(1, size + 1))

    def set_size(self, finite):
        """The number of elements of a finite set (a SET Name) on this draw."""
        return self.remember(("set", finite.latex), lambda: self.rng("set", finite.latex).choice(
            (2, 3) if self.kind == "special" else (1, 2, 3, 4, 5)))

    # ------------------------------------------------------------------ distributions
    def masses(self, label, shape):
        """Positive weights over the cells of `shape` (a tuple of sizes), by draw kind. A
        joint table of a wide draw weighs its diagonal (equal cell indices) 30 times: two
        strongly correlated variables with large variances, so that a moment inequality
        that holds for nearly independent ones (Cov(X, Y)² ≤ Var(X), (E XY)² ≤ E X² (E Y)²)
        meets a counterexample; it is still a positive table."""
        def make():
            rng = self.rng("masses", label)
            size = 1
            for n in shape:
                size *= n
            if self.kind == "skewed":
                raw = [_rational(rng, 0, 1, 2) ** 4 + Fraction(1, 10 ** 4) for _ in range(size)]
            elif self.kind == "disjoint":
                raw = [Fraction(1, 10 ** 3) * _rational(rng, 1, 9, 1) for _ in range(size)]
                raw[rng.randrange(size)] = Fraction(1)
            else:
                raw = [_rational(rng, 0.1, 1.0, 2) for _ in range(size)]
            if self.kind == "wide" and len(shape) >= 2:
                for k, cell in enumerate(itertools.product(*[range(n) for n in shape])):
                    if len(set(cell)) == 1:
                        raw[k] *= DIAGONAL
            return raw
        return self.remember(("masses", label, shape), make)

    def pushed_cell(self, label, cell):
        """The cell that a pushforward's map (named by `label`) sends cell `cell` to: a
        permutation of the cells drawn per instance, so every cell gets mass."""
        def make():
            order = list(range(len(self.partition.widths)))
            self.rng("pushforward", label).shuffle(order)
            return order
        return self.remember(("pushforward", label), make)[cell]

    def direction(self, label, size):
        """v, w of a moving density softmax(θ v + w), exact rationals."""
        def make():
            rng = self.rng("direction", label)
            return ([_rational(rng, -1.5, 1.5, 2) for _ in range(size)],
                    [_rational(rng, -1, 1, 2) for _ in range(size)])
        return self.remember(("direction", label, size), make)

    # ------------------------------------------------------------------ functions
    def function_value(self, label, key, real, domain=None):
        """An opaque function's value at an argument identified by `key`: complex, real,
        or in a declared domain (an indexed family `positive a_i`)."""
        def make():
            rng = self.rng("function", label, key)
            if domain is not None and domain is not Domain.REAL and domain.is_real:
                return draw_number(rng, domain, self.kind)
            re = _rational(rng, -2, 2)
            return re if real else complex_value(re, _rational(rng, -2, 2))
        return self.remember(("function", label, key), make)

    def sample_value(self, label, key, points):
        """A data point `x_i` (a member of a `SampleInfo` family) at the argument identified
        by `key`: one of `points`, the values its variable takes on this draw (a discrete
        range's values, the middles of the cells), drawn as a free variable is."""
        return self.remember(("function", label, key),
                             lambda: self.rng("function", label, key).choice(points))


def declared_support(context):
    """(low, high) Fractions (None: unbounded) of the interval every abstract density
    declared with a support (`density p over x in [0, \\infty)`) lives in: the
    intersection of those supports, so each draw is a case of every declaration (the
    continuous variables share one partition; the directive refuses supports that do not
    overlap). With no such density: (None, None)."""
    low = high = None
    for declaration in context.table.values():
        support = getattr(declaration.info, "support", None)
        if declaration.kind is not Kind.DISTRIBUTION or support is None:
            continue
        a, b = (None if end is None else end.value for end in support)
        low = a if low is None else (low if a is None else max(low, a))
        high = b if high is None else (high if b is None else min(high, b))
    return low, high


def complex_value(re, im):
    return (Fraction(re), Fraction(im))


def draw_number(rng, domain, kind):
    """An exact value in `domain`: a Fraction, or (re, im) for a complex one."""
    special = kind == "special"
    if domain is Domain.NATURAL:
        return Fraction(rng.choice((1, 2, 3)) if special else rng.randint(1, 6))
    if domain is Domain.INTEGER:
        return Fraction(rng.choice((0, -1, 2)) if special else rng.randint(-4, 4))
    if domain is Domain.WHOLE:
        return Fraction(rng.choice((0, 1, 2)) if special else rng.randint(0, 5))
    if domain is Domain.POSITIVE:
        return rng.choice((Fraction(1), Fraction(2), Fraction(1, 2))) if special \
            else _rational(rng, 0.05, 4)
    if domain is Domain.NONNEGATIVE:
        return rng.choice((Fraction(0), Fraction(1), Fraction(1, 3))) if special \
            else _rational(rng, 0, 4)
    if domain is Domain.REAL:
        return rng.choice((Fraction(0), Fraction(-1), Fraction(1, 2), Fraction(-2))) if special \
            else _rational(rng, -3, 3)
    # complex
    if special:
        return rng.choice((complex_value(0, 1), complex_value(-1, 0), complex_value(0, -1),
                           complex_value(-2, 0), complex_value(1, 1)))
    if kind == "complex":
        return complex_value(_rational(rng, -2, 2), _rational(rng, -2, 2))
    return complex_value(_rational(rng, -2, 2), rng.choice((Fraction(0), _rational(rng, -2, 2))))

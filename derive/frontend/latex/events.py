"""The probability of an event given by one inequality on a random variable.

`\\Pr(X \\ge a)`, `P(X > a)`, `\\mathbb{P}\\{|X - \\mu| \\ge t\\}`, `\\mathbb{P}\\{Y \\ge t^2\\}`
(Y defined as (X − μ)²) read as the integral of X's density over the event's set:

* `g ≥ c` (also `>`, `≤`, `<`; the boundary has probability 0 for a continuous X) with g
  affine in x of a slope shown positive or negative: a half-line, ∫_r^∞ p or ∫_{−∞}^r p
  at the root r;
* `|u| ≥ c`, `u^2 ≥ c` with u affine in x and c shown ≥ 0: the two tails outside
  [r − w, r + w] (w = c/|slope|, or √c/|slope| for the square), `≤`: the interval.

X is the random variable of one declared continuous variable x with one law over it (a
joint's marginal); a mean inside the event (`|X - \\mathbb{E}[X]| \\ge t`) is a number, as a
defined μ = E[X] is: only x standing as a value counts. Anything else — two relations
(`a \\le X \\le b`), several events or a condition beside an inequality, `\\ne`, another
shape of g, c not shown ≥ 0, X on both sides — is refused at the event: the probability is
never a symbol.

Of a discrete x whose law is a mass function by formula (a family — Poisson, binomial,
Bernoulli — or `density p = … over x`, its mass at the whole numbers of its pieces), the
same set is cut to its whole points (`event_points`: x ≥ r from ⌈r⌉, x > r from ⌊r⌋ + 1,
x ≤ r up to ⌊r⌋, x < r up to ⌈r⌉ − 1, so an atom on the boundary counts for ≥ and ≤ only)
met with the law's pieces, and the probability is the sum of the mass over them
(`event_mass`). A discrete x under an abstract law (values not known to be whole numbers)
is refused.
"""

from __future__ import annotations

import math

from derive.frontend.latex.pieces import is_tree, single
from derive.model.names import Kind
from derive.model.terms import (
    HALF, MINUS_ONE, ONE, OO, TWO, ZERO, Add, Defined, Dens, Dist, Fn, Integral, Mul, Num, Pow, Sum,
    Sym, exponent_of, free_names, nodes, substitute,
)
from derive.notation import registry

STRICT = frozenset({">", "\\gt", "<", "\\lt"})
UPWARD = {">": True, "\\gt": True, "\\ge": True, "\\geq": True, "\\geqslant": True,
          "<": False, "\\lt": False, "\\le": False, "\\leq": False, "\\leqslant": False}
BRACES = ("(", "\\{", "[")


class Events:
    """Mixed into `Reader`: `inequality_event`."""

    def inequality_event(self, bracket):
        """The probability of an event `g REL c` written as the one argument of a
        probability (a term), or None when the argument is no inequality."""
        if bracket.open not in BRACES or not bracket.args:
            return None
        if len(bracket.args) != 1:
            self._one_event(bracket)
            return None
        node = single(bracket.args[0])
        if not is_tree(node, "assignment") or node.children[1].value == "=":
            return None
        left, rel, right = node.children
        if rel.value not in UPWARD:
            raise self.error(f"derive reads the probability of an event given by one "
                             f"inequality (≥, >, ≤, <), not {rel.value}", node)
        self.random_depth += 1
        try:
            g, c = self.term(left), self.term(right)
        finally:
            self.random_depth -= 1
        x = self._event_variable(g, c, node)
        if x is None:
            return None                 # no random variable: `\\Pr` is refused as it was
        law = self.law_over((x,), node)
        density = Dist(law, (x,), (), (), ())
        if _discrete(self.scope.context, x):
            return event_mass(x, density, self.event_points(g, rel.value, c, x, law, node))
        pieces = self.event_pieces(g, rel.value, c, x, node)
        total = []
        for low, high in pieces:
            bound = registry.bound_copy(x)
            total.append(Integral(bound, Dens(density, (Sym(bound),)),
                                  Mul(MINUS_ONE, OO) if low is None else low,
                                  OO if high is None else high))
        return total[0] if len(total) == 1 else Add(*total)

    def event_pieces(self, g, relation, c, x, node):
        """[(low, high)] (None: infinite) of the event `g relation c` of the continuous
        variable x — the set `\\Pr(…)` integrates x's density over, and the set an
        indicator `\\mathbb{1}\\{…\\}` inside an expectation restricts it to
        (indicators.py), so that E[1{A}] and P(A) are one integral."""
        upward = UPWARD[relation]
        if x in _values(c):
            if x in _values(g):
                raise self.error("an event with the random variable on both sides is not "
                                 "read: write it as g(X) ≥ c", node)
            g, c, upward = c, g, not upward
        return self._event_set(g, c, x, upward, node)

    def event_points(self, g, relation, c, x, law, node):
        """[(low, high)] whole-number ends (high None: no upper end) of the points of the
        event `g relation c` of the discrete x that carry mass under `law`: the event's
        set (`event_pieces`) with each end rounded to the whole numbers inside it — x ≥ r
        from ⌈r⌉, x > r from ⌊r⌋ + 1, x ≤ r up to ⌊r⌋, x < r up to ⌈r⌉ − 1 (an atom on the
        boundary counts for ≥ and ≤ only) — met with each piece of the law's mass function.
        Read only for a law by formula over x alone (a family, or `density p = … over x`),
        whose mass sits at the whole numbers of its pieces; an abstract law's values are
        not known to be whole numbers: refused."""
        from derive.engines import normal_form
        info = self.scope.context.info(law)
        formula = getattr(info, "formula", None)
        if formula is None or info.given or len(info.over) != 1:
            raise self.error(f"an inequality event of the discrete {x.latex} is read where its "
                             f"law is a mass function by formula over {x.latex} alone (a "
                             f"family such as \\mathrm{{Poisson}}(\\lambda), or `density p = "
                             f"… over {x.latex}`), whose mass sits at whole numbers; the "
                             f"values of {x.latex} under an abstract law are not known (its "
                             f"events X = x are read, after `% derive: random X with density "
                             f"p over {x.latex}`)", node)
        strict = relation in STRICT
        n = normal_form.Normaliser(self.scope.context)
        points = []
        for low, high in self._apart(self.event_pieces(g, relation, c, x, node), strict, n,
                                     x, node):
            low = None if low is None else _whole_end(low, strict, True, n)
            high = None if high is None else _whole_end(high, strict, False, n)
            for a, b, _ in formula.pieces:
                a = None if a is None else _whole_end(a, False, True, n)
                b = None if b is None else _whole_end(b, False, False, n)
                end = _inner(high, b, n, False)
                start = _inner(low, a, n, True)
                if start is None:
                    raise self.error(f"the event of the discrete {x.latex} has no lowest "
                                     f"point where its law has mass: a sum down to −∞ is "
                                     f"not read", node)
                if start is not _UNORDERED:
                    points.append((ONE, start, end))
                    continue        # below: from ⌈c⌉ of unknown sign, the piece's a up less
                points.append((ONE, a, end))            # a up to ⌈c⌉ − 1 (empty if ⌈c⌉ ≤ a)
                points.append((MINUS_ONE, a, Add(low, MINUS_ONE)))
        return [p for p in points if not _empty(p[1], p[2])]

    def _apart(self, pieces, strict, n, x, node):
        """The event's pieces with no whole point in two of them. The two tails of |u| ≥ w,
        x ≤ r − w and x ≥ r + w, meet at r when w = 0 — harmless for a density, but a
        discrete x would have its mass at a whole r counted twice. Kept when strict or when
        their gap is shown positive (⌊a⌋ ≤ a < b ≤ ⌈b⌉: no shared whole point); one piece,
        every x, when the gap is 0; refused when it may be 0."""
        from derive.engines.normal_form import POS, Undefined, Unsupported
        if strict or len(pieces) != 2:
            return pieces
        (_, below), (above, _) = pieces
        gap = Add(above, Mul(MINUS_ONE, below))
        try:
            value = n.value(gap)
            sign = n.positivity(gap)
        except (Unsupported, Undefined):
            value, sign = None, None
        if sign == POS:
            return pieces
        if value is not None and value.is_zero():
            return [(None, None)]
        raise self.error(f"the event |u| ≥ w of the discrete {x.latex} is read where w is "
                         f"shown positive or is 0: at w = 0 its two tails share the centre, "
                         f"whose mass would be counted twice (declare w's letters positive, "
                         f"or write the case w = 0 apart)", node)

    def _one_event(self, bracket):
        """Refuse several events or a condition (`\\Pr(X \\ge t, X \\le 2t)`,
        `\\Pr(X \\ge t \\mid X \\ge 0)`) where one of them is an inequality: only one
        inequality event is read (events `V = v` of discrete variables are read elsewhere)."""
        for arg in bracket.args:
            node = single(arg)
            if is_tree(node, "assignment") and node.children[1].value != "=":
                raise self.error("derive reads the probability of one inequality event "
                                 "(\\Pr(X \\ge a)), not of several events or of an event "
                                 "given another: write \\Pr(a \\le X \\le b) as "
                                 "\\Pr(X \\le b) - \\Pr(X < a), and a conditional "
                                 "probability as a ratio of probabilities", node)

    def _event_variable(self, g, c, node):
        found = {n for n in _values(g) | _values(c)
                 if self.scope.context.kind(n) is Kind.VARIABLE and n.origin is None and
                 n.local is None}
        if not found:
            return None
        if len(found) != 1:
            raise self.error("the event of a probability here names one random variable (X "
                             "of a declared x, or a name defined from it)", node)
        (x,) = found
        return x

    def _event_set(self, g, c, x, upward, node):
        """[(low, high)] (None: infinite) of {x : g(x) ≥ c} (≤ when not upward)."""
        from derive.engines import normal_form
        n = normal_form.Normaliser(self.scope.context)
        while isinstance(g, Defined):
            g = g.body
        g, c = self._exponents(g, c, n, node)
        shape = None
        if isinstance(g, Fn) and g.fname == "abs":
            shape, u, width = "abs", g.operands[0], c
        elif isinstance(g, Pow) and g.exponent is TWO:
            shape, u, width = "abs", g.base, Pow(c, HALF)
        else:
            u, width = Add(g, Mul(MINUS_ONE, c)), None
        slope, root = self._affine(u, x, n, node)
        positive = n.positivity(slope) == normal_form.POS
        if shape is None:
            return [(root, None)] if positive == upward else [(None, root)]
        sign = n.positivity(c)
        if sign not in (normal_form.POS, normal_form.NONNEG) and not n.value(c).is_zero():
            raise self.error("the event |u| ≥ c (or u² ≥ c) is read where c is shown ≥ 0 "
                             "(declare its letters positive): for c < 0 it is every x", node)
        size = slope if positive else Mul(MINUS_ONE, slope)
        half = width if size is Num(1) else Mul(width, Pow(size, MINUS_ONE))
        low, high = Add(root, Mul(MINUS_ONE, half)), Add(root, half)
        return [(None, low), (high, None)] if upward else [(low, high)]

    def _exponents(self, g, c, n, node):
        """`e^{u} ≥ e^{v}` is the event u ≥ v (exp is strictly increasing on the reals) —
        Chernoff's `\\Pr(X \\ge a) = \\Pr(e^{tX} \\ge e^{ta})`; the exponents must be shown
        real (for complex ones ≥ compares nothing), else refused."""
        from derive.engines.normal_form import COMPLEX
        if exponent_of(g) is None or exponent_of(c) is None:
            return g, c
        u, v = exponent_of(g), exponent_of(c)
        if COMPLEX in (n.positivity(u), n.positivity(v)):
            raise self.error("the event e^u ≥ e^v is read as u ≥ v where both exponents are "
                             "shown real (declare their letters real)", node)
        return u, v

    def _affine(self, u, x, n, node, problem=None):
        """(slope, root) of u = slope·(x − root), the slope shown non-zero; refused else,
        with `problem` as the message (an event's, unless the caller says another)."""
        from derive.engines.calculus import NotDifferentiable, derivative
        from derive.engines.normal_form import POS, Undefined, Unsupported
        problem = problem or ("derive reads an event g(X) ≥ c for g affine in X, |affine| or "
                              "(affine)^2, with a slope of known sign")
        try:
            slope = derivative(u, x, self.scope.context)
            at_zero = substitute(u, {x: ZERO})
            rest = n.value(u) - n.value(at_zero) - n.value(slope) * n.symbol(x)
            signed = n.positivity(slope) == POS or n.positivity(Mul(MINUS_ONE, slope)) == POS
        except (NotDifferentiable, Unsupported, Undefined):
            raise self.error(problem, node) from None
        value = n.value(slope)
        if set(value.atoms()) & set(n.symbol(x).atoms()) or not rest.is_zero() or not signed:
            raise self.error(problem, node)
        if value.constant() is not None:             # a number: written as one
            slope = Num(value.constant())
        offset = _opposite(u, x)
        if offset is None:
            offset = Mul(MINUS_ONE, at_zero)
        return slope, offset if slope is Num(1) else Mul(offset, Pow(slope, MINUS_ONE))


def _discrete(context, x):
    """Whether x is a declared discrete variable (its events are sums of mass)."""
    return getattr(context.info(x), "discrete", False)


def event_mass(x, density, points):
    """Σ of x's mass `density` over the whole points [(sign, low, high)] (`event_points`):
    one sum per run of points, each over a fresh copy of x, added or taken away by its
    sign; 0 for no points."""
    total = []
    for sign, low, high in points:
        bound = registry.bound_copy(x)
        run = Sum(bound, Dens(density, (Sym(bound),)), low, OO if high is None else high)
        total.append(run if sign is ONE else Mul(sign, run))
    if not total:
        return ZERO
    return total[0] if len(total) == 1 else Add(*total)


def _empty(low, high):
    """Whether the whole points low..high are shown none: both numbers, high below low."""
    return isinstance(low, Num) and isinstance(high, Num) and high.value < low.value


def _whole_end(end, strict, lower, n):
    """The whole number nearest `end` inside the set it bounds: a lower end r starts at ⌈r⌉
    (⌊r⌋ + 1 when strict), an upper end stops at ⌊r⌋ (⌈r⌉ − 1 when strict); a number is
    rounded exactly, an end shown whole moves by one only when strict, any other end is
    rounded by ⌈·⌉ or ⌊·⌋."""
    from derive.engines.normal_form import Undefined, Unsupported
    step = Num(1) if lower else MINUS_ONE
    try:
        value = n.value(end)
    except (Unsupported, Undefined):
        value = None                    # no normal form: rounded as written, below
    if value is not None and value.constant() is not None:
        end = Num(value.constant())
        v = end.value
        if lower:
            return Num(math.floor(v) + 1 if strict else math.ceil(v))
        return Num(math.ceil(v) - 1 if strict else math.floor(v))
    if value is not None and n.whole_valued(value):
        return Add(end, step) if strict else end
    if strict:
        return Add(Fn("floor" if lower else "ceil", end), step)
    return Fn("ceil" if lower else "floor", end)


def _inner(end, bound, n, lower):
    """The end of the event's points (`end`) or of the law's piece (`bound`) that lies
    inside the other (None: no end): the larger of two lower ends, the smaller of two
    upper ones. When their order is not shown: a lower end is `_UNORDERED` (the caller
    sums from the piece's end and takes away the points below the event's), and of two
    upper ends the event's is kept — the mass is 0 off the piece, so the sum is the same
    number (an engine may then not evaluate it)."""
    if end is None or bound is None:
        return bound if end is None else end
    if isinstance(end, Num) and isinstance(bound, Num):
        return max(end, bound, key=lambda t: t.value) if lower else \
            min(end, bound, key=lambda t: t.value)
    if _at_least(end, bound, n):
        return end if lower else bound
    if _at_least(bound, end, n):
        return bound if lower else end
    return _UNORDERED if lower else end


def _at_least(a, b, n):
    """Whether a ≥ b is shown by the sign of a − b (False where it has no normal form)."""
    from derive.engines.normal_form import NONNEG, POS, Undefined, Unsupported
    try:
        return n.positivity(Add(a, Mul(MINUS_ONE, b))) in (POS, NONNEG)
    except (Unsupported, Undefined):
        return False


_UNORDERED = object()       # two lower ends of no known order (`_inner`)


def _values(term):
    """The names standing as values in `term` (its free `Sym`s). A mean inside the event
    (`|X - \\mathbb{E}[X]| \\ge t`) is a number: its law names x, y only as the variables
    it is over (`Dist.over`), not as the random variable's value, so they do not count."""
    free = free_names(term)
    return {t.name for t in nodes(term) if isinstance(t, Sym) and t.name in free}


def _opposite(u, x):
    """−(u − x) as written, when u is x plus other terms (`X - \\mu`, `X - a`): the root
    of u = x − root shown as the author's letters (μ, a), else None."""
    if u is Sym(x):
        return ZERO
    if not isinstance(u, Add) or sum(a is Sym(x) for a in u.args) != 1:
        return None
    others = [a.args[1] if isinstance(a, Mul) and len(a.args) == 2 and a.args[0] is MINUS_ONE
              else Mul(MINUS_ONE, a) for a in u.args if a is not Sym(x)]
    return others[0] if len(others) == 1 else Add(*others)

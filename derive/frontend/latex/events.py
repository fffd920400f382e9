"""The probability of an event given by one inequality on a continuous random variable.

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
(`a \\le X \\le b`), several events or a condition beside an inequality, `\\ne`, an event of
a discrete variable, another shape of g, c not shown ≥ 0, X on both sides — is refused at
the event: the probability is never a symbol.
"""

from __future__ import annotations

from derive.frontend.latex.pieces import is_tree, single
from derive.model.names import Kind
from derive.model.terms import (
    HALF, MINUS_ONE, OO, TWO, ZERO, Add, Defined, Dens, Dist, Fn, Integral, Mul, Num, Pow, Sym,
    exponent_of, free_names, nodes, substitute,
)
from derive.notation import registry

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
        if getattr(self.scope.context.info(x), "discrete", False):
            raise self.error(f"an inequality event of the discrete {x.latex} is not read yet "
                             f"(events X = x of discrete random variables are, after `% derive: "
                             f"random X with density p over x`): sum its mass function over "
                             f"the values", node)
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

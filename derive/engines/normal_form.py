"""The exact normal form of derive's notation: terms → Laurent polynomials (`poly`).

Every term becomes a `Poly` whose monomials may carry integrals: an integral is a marker
atom `("int", copy)` in the monomial, and the integration variable's occurrences are
`("pt", copy)` atoms, so `∫ f dx · ∫ g dz`, `E_p[E_q[…]]` and `∫∫ p(x, y) … dx dy` are
all multi-integrals of one monomial each (Fubini; every integral is assumed finite).
Integrals over the same range are merged by linearity, so two sides that agree
*pointwise* cancel (a difference that does not may still vanish on the common refinement
of its ranges: `ranges`, additivity). An integral of a multiple of an abstract density
declared on an interval is cut to it (`_on_support`). Then, per monomial:

* **normalisation**: a copy whose only factor is one density at that point integrates to
  1 (`∫ c·p(x) dx = c`, also `∫ q(z|x) dz = 1`); a joint integrates to its marginal;
* finite sums of what does not depend on their index, and `∫_a^b x^n dx`, are evaluated
  (a sum of a polynomial in its index over symbolic bounds a..b only where b ≥ a − 1 is
  shown: over a range that runs backwards the sum is empty, the formula is not); a product
  over symbolic bounds is a power of a sum, for factors shown non-zero (`_product_as_sums`);
* copies are renumbered canonically, so integrals written with different letters agree;
  the whole ranges of discrete variables declared over one set are one range
  (`discrete x, y in \\mathcal{X}`: Σ_x f(x) and Σ_y f(y) are one sum, `_range_of`).

Rules are applied only under their hypotheses, read from the step's context:

* `log(ab) = log a + log b` and `log(a^k) = k log a` only when every factor is known
  positive (densities, declared-positive symbols, positive rationals, sums of those);
  otherwise the log is an opaque atom of its argument (equal arguments, equal logs);
* a principal power to a whole power that makes its exponent whole is that power of its
  base, for every base: (u^{1/2})^2 = u;
* a fractional power splits over a product only for positive factors; `b^u = e^{u log b}`
  only for a positive base; a symbolic power peels a positive factor P off its base,
  (P R)^u = P^u R^u; `log(e^u) = u` only for real u;
* ∫_0^∞ x^{s−1} e^{−r x} dx = Γ(s)/r^s and ∫_0^1 x^{s−1} (1 − x)^{t−1} dx =
  Γ(s)Γ(t)/Γ(s + t) only for s, t and r shown positive (`euler`);
* `sin`, `cos` and their hyperbolic kin are written with `e^{±iu}` (exact for all
  complex u), so trigonometric identities are polynomial identities;
* dividing by something that is zero is `Undefined`, never a number;
* a max/min inside an expression is f(r) for the biconjugate of a declared convex f
  (`conjugates`), otherwise an atom of its objective's normal form (`Normaliser.optimum`);
  so is the largest member of a finite family (`Normaliser.extremum`), of its sign.

Two sides are proved equal when their difference normalises to the zero polynomial. A
difference that does not vanish proves nothing. Work is bounded by term counts, exponent
sizes and the step's deadline.
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from functools import lru_cache
from math import comb

from derive.engines import clock, euler, gaussian, ranges
from derive.engines.poly import ONE as ONE_MONOMIAL
from derive.engines.poly import (Poly, TooLarge, canonical, leading, mono_mul, mono_pow,
                                split_content)
from derive.model.names import Kind, Name, NamedValues, WholeRange, values_in_domain
from derive.model.terms import (
    MINUS_ONE, OO, ZERO, Add, At, Call, Const, Defined, Dens, Deriv, Dist, Expect, Extremum,
    Family, Fn, Integral, Limit, Mul, Num, Op, Optimum, Pow, Product, Sum, Sym, free_names, nodes,
    sub, substitute,
)
from derive.notation import families, parameters, registry, vectors
from derive.notation.joint import expression_density, in_order

MAX_EXPONENT = 64            # integer powers of sums expanded up to this
MAX_FACTOR = 10 ** 12        # rationals factored into primes up to this
MAX_EXPANDED_SUM = 200       # finite sums with numeric bounds expanded up to this many terms
MAX_FAULHABER = 12           # Σ i^k summed in closed form up to this power
MAX_RANGE_ENDS = 3          # bounded integers put at an end of their range, one after another

POS, NONNEG, REAL, COMPLEX = "pos", "nonneg", "real", "complex"


class Unsupported(Exception):
    """Outside the fragment, or over the bounds: no conclusion."""


class Undefined(Exception):
    """A side has no value (a division by zero)."""


class Normaliser:
    """Builds normal forms of terms under one step's context."""

    def __init__(self, context, deadline=None, held=frozenset(), pathwise=False):
        self.context = context
        self.pathwise = pathwise          # differentiate expectations pathwise (`calculus`)
        self.deadline = deadline
        self.held = frozenset(held)       # definitions evaluated at the current parameters
        self._holding = 0
        self._memo = {}
        self._copies = itertools.count(1)
        self._pieces = ()                 # (bound var, dist, piece) of split integrals in force
        self._bounds = ()                 # (bound var serial, lower, upper) of integrals in force
        self._lines = set()               # range ids that are the whole real line
        self._variables = {}              # serial → variable Name, of the ranges met
        self._same_set = None             # serial → the variable standing for its range
        self._law_table = None
        self._ranges = None               # serial → WholeRange of the bounded integers
        self._named_sets = None           # the sets of named values (`_named_valued`)
        self._value_signs = {}            # variable → the sign its laws' supports give it

    # ================================================================== entry
    def value(self, term):
        key = (term, self._holding > 0, self._pieces, self._bounds)
        found = self._memo.get(key)
        if found is not None:
            return found
        if self.deadline is not None and clock.now() > self.deadline:
            raise Unsupported("out of time")
        try:
            result = self._fold(self._value(term))
        except TooLarge as exc:
            raise Unsupported(str(exc)) from None
        self._memo[key] = result
        return result

    def _value(self, t):
        kind = type(t)
        if kind is Num:
            return Poly.const(t.value)
        if kind is Add:
            return Poly.sum([self.value(a) for a in t.args])
        if kind is Mul:
            total = Poly.const(1)
            for a in t.args:
                total = self.times(total, self.value(a))
            return total
        if kind is Pow:
            inner = _integer(t.exponent) and type(t.base) is Pow and _integer(t.base.exponent)
            if inner and t.exponent.value < 0:      # 1/(a − b)²: (a − b)^−2, its sum kept
                return self.power(self.value(t.base.base),
                                  Poly.const(t.exponent.value * t.base.exponent.value))
            if _integer(t.exponent) and t.exponent.value < 0 and type(t.base) is Mul:
                # 1/(2 (S/n)²) is 2^−1 (S/n)^−2, each factor's sum kept whole — never the
                # expanded square (S²) as a sum of its own, which S/S² could not cancel
                total = Poly.const(1)
                for a in t.base.args:
                    total = self.times(total, self.value(Pow(a, t.exponent)))
                return total
            return self.power(self.value(t.base), self.value(t.exponent))
        if kind is Sym:
            return self.symbol(t.name)
        if kind is Const:
            return self.constant(t.name)
        if kind is Fn:
            if t.fname == "log" and isinstance(t.operands[0], Product):
                return self.log_of_product(t.operands[0])
            return self.function(t.fname, [self.value(a) for a in t.operands])
        if kind is Dens:
            return self.density(t)
        if kind is Call:
            return Poly.atom(self.call_atom(t))
        if kind is Defined:
            if t.name not in self.held:
                return self.value(t.body)
            self._holding += 1
            try:
                return self.value(t.body)
            finally:
                self._holding -= 1
        if kind is Expect:
            return self.whole_range(t.var, None, Mul(Dens(t.dist, (Sym(t.var),)), t.body))
        if kind is Op:
            return self.value(registry.meaning(t))
        if kind is Integral and t.lower is not None:
            t = self._on_support(t)
            if t.lower is t.upper and t.lower is not None:
                return Poly()                       # ∫_a^a f = 0
        if kind in (Integral, Sum):
            if t.lower is None or kind is Integral and _whole_line(t.lower, t.upper):
                return self.whole_range(t.var, t, t.body)
            return self.integral(t.var, t, self._bounded(t.var, t.lower, t.upper, t.body))
        if kind is Product:
            return self.product(t)
        if kind is Deriv:
            from derive.engines.calculus import NotDifferentiable, derivative
            try:
                result = derivative(t.body, t.var, self.context, pathwise=self.pathwise)
            except NotDifferentiable as exc:
                raise Unsupported(str(exc)) from None
            if isinstance(result, Deriv):           # ∂_θ p_θ(x): an atom of its own
                return self.density_derivative(result.body, result.var)
            return self.value(result)
        if kind is At:
            return self.at(t)
        if kind is Optimum:
            return self.optimum(t)
        if kind is Extremum:
            return self.extremum(t)
        if kind is Limit:
            raise Unsupported("a limit inside an expression")
        raise Unsupported(f"{kind.__name__} is outside the normal form")

    def optimum(self, t):
        """A max/min (sup/inf) inside an expression: the biconjugate f** of a declared convex
        f is f (`conjugates`); any other is an atom of its objective's normal form, with
        its bound variable (a number, or a function T applied) replaced by a marker
        numbered from the inside out, so optima equal up to the bound letter are one atom
        and equal objectives give equal optima (congruence) — over one domain: the ends,
        and the class of functions a function ranges over, are part of the atom. An argmax
        is no number here."""
        from derive.engines.conjugates import biconjugate
        if t.kind not in ("max", "min"):
            raise Unsupported("an argmax or argmin inside an expression")
        rewritten = biconjugate(t, self.context, self.value)
        if rewritten is not None:
            return self.value(rewritten)
        factor, objective = _positive_factor(self.value(t.body), t.var.serial)
        body = objective.key()
        level = 1 + max((a[1] for a in _marks(body)), default=0)
        serial, mark = t.var.serial, ("ob", level)
        body = _rebind(body, serial, mark)
        ends = tuple(("oo",) if e is OO else ("-oo",) if isinstance(e, Mul) and OO in e.args
                     else self.value(e).key() for e in t.interval[:2])
        over = () if t.over is None else ("class", t.over.latex, t.over.serial)
        return factor * Poly.atom(("opt", t.kind, body, ends, t.interval[2], REAL if
                                   _real_key(body) else COMPLEX, over))

    def extremum(self, t):
        """The largest (smallest) member of a finite family, max_{k=a..b} x_k: an atom of
        its member's normal form with the index replaced by a marker (as `optimum` does),
        over the whole numbers a..b (never one atom with an optimum over an interval), of
        its member's sign — a max of positive numbers is positive."""
        body = self.value(t.body)
        key = body.key()
        level = 1 + max((a[1] for a in _marks(key)), default=0)
        key = _rebind(key, t.var.serial, ("ob", level))
        ends = tuple(self.value(e).key() for e in (t.lower, t.upper))
        return Poly.atom(("opt", t.kind, key, ends, "{}", self.sign(body), ("whole",)))

    def at(self, t):
        """`body |_{var = value}`; over a parameter, the distributions that move with it are
        put at the value too (`parameters.at_parameter`); ∂_θ p_θ(x) at θ_0 is an atom."""
        from derive.engines.calculus import NotDifferentiable, without_derivatives
        if isinstance(t.body, Deriv) and isinstance(t.body.body, Dens):
            try:        # ∂_m q(x) at m = 0 of a q by formula in m: not read yet, no bug
                moved = parameters.at_parameter(t.body.body, t.var, t.value, self.context)
            except parameters.NotAtParameter as exc:
                raise Unsupported(str(exc)) from None
            return self.density_derivative(moved, t.body.var)
        try:
            body = without_derivatives(t.body, self.context)
        except NotDifferentiable as exc:
            raise Unsupported(str(exc)) from None
        try:
            return self.value(parameters.at_parameter(body, t.var, t.value, self.context))
        except parameters.NotAtParameter as exc:
            raise Unsupported(str(exc)) from None

    def density_derivative(self, dens, var):
        """∂/∂var of a density that is one atom of its own (p_θ(x)): an atom. A density
        whose value is not one atom — a conditional of a joint, p(x, y)/p(x), both moving
        with θ; an argument written in densities — is not read so (it would need the
        derivative of each piece, which no instance evaluates)."""
        single = self.density(dens).single()
        if single is None or single[0] != 1 or len(single[1]) != 1 or \
                next(iter(single[1]))[1] != 1:
            raise Unsupported("the derivative of a conditional of a joint (a quotient of its "
                              "densities) in a parameter is not read" if dens.dist.given else
                              "the derivative of a density written as an expression is not read")
        ((density, _),) = single[1]
        return Poly.atom(("dd", density, var.serial, REAL))

    # ================================================================== leaves
    def sign_of_name(self, name):
        declaration = self.context.declaration(name)
        if declaration.kind is Kind.VARIABLE:
            return REAL
        domain = declaration.domain
        if domain.is_positive:
            return POS
        if domain.is_nonnegative:
            return NONNEG
        return REAL if domain.is_real else COMPLEX

    def sign_of_value(self, name):
        """The sign of a free name's value: its declared domain's; for a continuous
        variable, that of the supports of the laws by formula declared over it alone
        (`families.laws_in_support`: its free value lies inside every one of them, as the
        README's "random variables" row says, and as the numeric engine draws it) — ≥ 0
        where one support starts at an end shown ≥ 0 (Exp's, Gamma's, Beta's), > 0 where
        one starts at an end shown > 0. A bound copy of the variable (an integral's) keeps
        its range's own sign: it is no value of the law."""
        declaration = self.context.declaration(name)
        if declaration.kind is not Kind.VARIABLE:
            return self.sign_of_name(name)
        if getattr(declaration.info, "discrete", False):
            return REAL
        found = self._value_signs.get(name)
        if found is None:
            found = self._value_signs[name] = self._sign_in_supports(name)
        return found

    def _sign_in_supports(self, name):
        signs = {REAL}
        for pieces in families.laws_in_support(name, self.context).values():
            ends = {REAL if low is None or low is Mul(MINUS_ONE, OO) else
                    self.sign(self.value(low)) for low, _ in pieces}
            signs.add(NONNEG if ends == {POS, NONNEG} else ends.pop() if len(ends) == 1
                      else REAL)
        return POS if POS in signs else NONNEG if NONNEG in signs else REAL

    def symbol(self, name):
        """A free name, or a placeholder for a bound one (until its integral)."""
        if name.origin is not None or (name.local is not None and
                                       name.local.kind is Kind.VARIABLE):
            return Poly.atom(("pt", ("ph", name.serial), self.sign_of_name(name)))
        if name.local is not None:          # an index of a sum, a definition's parameter
            return Poly.atom(("pt", ("ph", name.serial), self.sign_of_name(name)))
        return Poly.atom(("sym", name.latex, name.serial, self.sign_of_value(name)))

    def constant(self, name):
        if name == "e":
            return self.exp(Poly.const(1))
        if name == "pi":
            return Poly.atom(("pi",))
        if name == "i":
            return Poly.atom(("i",))
        raise Unsupported("∞ is not a number")

    def call_atom(self, t):
        declaration = self.context.declaration(t.function)
        sign = COMPLEX
        if values_in_domain(declaration):      # a family's domain, an undeclared law's
            sign = POS if declaration.domain.is_positive else \
                NONNEG if declaration.domain.is_nonnegative else REAL
        return ("call", t.function.latex, t.function.serial,
                tuple(self.value(a).key() for a in t.arguments), sign)

    def density(self, t):
        dist = t.dist
        if vectors.at_vector(t, self.context):
            raise Unsupported("a density at a vector variable outside an integral over it")
        self._valid(dist)
        pieces = families.explicit(t, self.context)
        if pieces is not None:
            return self.value(self._piece_at(t, pieces))
        info = self.context.info(dist.name)
        if getattr(info, "expression", None) is not None:   # a law written in densities
            return self.value(expression_density(dist, info.expression, info.over, t.at))
        at = [self.value(a) for a in t.at]
        cond = [self.value(c) for c in dist.cond]
        params = tuple(self.value(p).key() for p in dist.params)
        held = self._holding > 0 and bool(self.context.moves_with(dist.name)) and not dist.params
        info = self.context.info(dist.name)
        if dist.given and not info.given:
            # a conditional of a joint: p(y | x) = p(x, y) / p(x)
            joint_vars, joint_at = in_order(info, dist.over + dist.given, at + cond)
            joint = self._dens_atom(dist.name, joint_vars, (), (), joint_at, params, held)
            if self._named_valued(info):        # each side a marginal, summed as below
                return self.value(Mul(
                    Dens(Dist(dist.name, dist.over + dist.given, params=dist.params),
                         t.at + dist.cond),
                    Pow(Dens(Dist(dist.name, dist.given, params=dist.params), dist.cond),
                        MINUS_ONE)))
            marginal = self._dens_atom(dist.name, dist.given, (), (), cond, params, held)
            return Poly.atom(joint) * Poly.atom(marginal, -1)
        named = None if info.given else self._over_named_values(dist, dist.over, t.at)
        if named is not None:
            return self.value(named)
        over, at = (dist.over, at) if info.given else in_order(info, dist.over, at)
        sign = self._sign_on_support(info, t.at)
        if sign is None:
            return Poly.const(0)
        atom = self._dens_atom(dist.name, over, dist.given, cond, at, params, held, sign)
        return Poly.atom(atom)

    def _sign_on_support(self, info, at):
        """The sign of an abstract density declared on an interval (`density p over x in
        [0, \\infty)`: 0 off it) at its point: positive at its variable (a bound copy, or
        the free variable, drawn where every density is positive) or at a point shown
        inside the interval (`p(c^2 + 1)`); None — the value 0 — at a point shown off it
        (`p(-1)`, `p(-c^2 - 1)`); else only ≥ 0: `p(c) > 0` of a real c holds only where c
        lies in it."""
        support = getattr(info, "support", None)
        if support is None or len(at) != 1:
            return POS
        (point,) = at
        if isinstance(point, Sym) and point.name.variable in info.over:
            return POS
        low, high = support
        if low is not None and self.sign(self.value(sub(low, point))) == POS or \
                high is not None and self.sign(self.value(sub(point, high))) == POS:
            return None
        inside = (low is None or self._at_most(low, point)) and \
            (high is None or self._at_most(point, high))
        return POS if inside else NONNEG

    def _named_valued(self, info):
        """The variables of a joint that range over sets of named values (none in most
        files: the context's sets are looked at once)."""
        if not self._named_valued_any():
            return []
        return [v for v in info.over
                if getattr(self.context.info(v), "support", None) in self._named_sets]

    def _over_named_values(self, dist, over, at):
        """A marginal of a joint that leaves out variables ranging over sets of named values
        (`discrete \\mathcal{C} in \\{\\mathcal{C}_1, \\mathcal{C}_2\\}`): the sum of the joint
        at each of their values, as a term (p(x) = p(x, C_1) + p(x, C_2): the set is all
        of C's values); None for any other density."""
        missing = [v for v in self._named_valued(self.context.info(dist.name)) if v not in over]
        if not missing:
            return None
        terms = []
        for values in itertools.product(*(self.context.info(self.context.info(v).support).values
                                          for v in missing)):
            kept = tuple(over) + tuple(missing)
            terms.append(Dens(Dist(dist.name, kept, params=dist.params),
                              tuple(at) + tuple(Sym(value) for value in values)))
        return Add(*terms)

    def _valid(self, dist):
        """A family written inline (nothing checked its parameters) is read only when the
        declarations show its parameters valid: U(x; 1, 0) is no density."""
        if isinstance(dist, Family):
            problems = families.check(dist, self.positivity)
            if problems:
                raise Unsupported(f"the {families.BY_KIND[dist.family].title} family "
                                  f"written inline needs {' and '.join(problems)}, which the "
                                  "declarations do not show")

    def positivity(self, term):
        """The sign of a term, over a common denominator when that is positive (1 − θ for
        θ = ε/(1 + ε) is 1/(1 + ε): positive)."""
        return self.poly_positivity(self.value(term))

    def poly_positivity(self, value, depth=0):
        """`positivity` of a normal form."""
        sign = self.sign(value)
        if sign == POS:
            return sign
        numerator, denominator = _together(value, self.times)
        if denominator is not None and self.sign(denominator) == POS and \
                self.sign(numerator) == POS:
            return POS
        if depth < MAX_RANGE_ENDS and self._positive_at_range_end(value, depth):
            return POS
        return sign

    def _positive_at_range_end(self, value, depth):
        """Whether a normal form linear in a bounded integer symbol k (`assume 0 \\le y, y
        \\le n`: `WholeRange`) is shown positive at the end of k's range it is smallest at:
        A + c k with c ≥ 0 is at least A + c L for a lower bound L, with c ≤ 0 at least
        A + c U for an upper bound U (the beta posterior's shapes a + y and b + n − y)."""
        if self._ranges is None:
            self._ranges = {name.serial: d.info for name, d in self.context.table.items()
                            if isinstance(d.info, WholeRange)}
        if not self._ranges:
            return False
        for atom in value.atoms():
            bounds = self._ranges.get(atom[2]) if atom[0] == "sym" else None
            if bounds is None:
                continue
            linear = {m: c for m, c in value.terms.items() if (atom, 1) in m}
            if any(atom in {a for a, _ in m} for m in value.terms if m not in linear):
                continue
            slope = Poly({frozenset(x for x in m if x != (atom, 1)): c
                          for m, c in linear.items()})
            rest = Poly({m: c for m, c in value.terms.items() if m not in linear})
            if _mentions(slope.key(), atom) or _mentions(rest.key(), atom):
                continue
            ends = bounds.lower if self.sign(slope) in (POS, NONNEG) else \
                bounds.upper if self.sign(slope.scale(-1)) in (POS, NONNEG) else ()
            for end in ends:
                try:
                    at_end = rest + self.times(slope, self.value(end))
                except (Unsupported, Undefined):
                    continue
                if self.poly_positivity(at_end, depth + 1) == POS:
                    return True
        return False

    @staticmethod
    def _dens_atom(name, over, given, cond, at, params, held, sign=POS):
        return ("dens", name.latex, name.serial, tuple(v.serial for v in over),
                tuple(v.serial for v in given), tuple(c.key() for c in cond),
                tuple(a.key() for a in at), params, held, sign)

    def log_of_product(self, node):
        """log Π_i f_i = Σ_i log f_i when every factor is shown positive."""
        if self.sign(self.value(node.body)) != POS:
            return self.function("log", [self.value(node)])
        return self.value(Sum(node.var, Fn("log", node.body), node.lower, node.upper))

    def _piece_at(self, t, pieces):
        """The formula of a density by formula at its point: its only piece over the whole
        line, or the piece the enclosing split integral is on."""
        if len(pieces) == 1 and pieces[0][0] is None and pieces[0][1] is None:
            return pieces[0][2]
        for point, dist, k in self._pieces:
            if t.dist is dist and t.at == (point,):
                return pieces[k][2]
        found = self._piece_at_number(t, pieces)
        if found is None:
            found = self._piece_by_bounds(t, pieces)
        if found is None:
            found = self._piece_by_declaration(t, pieces)
        if found is None:
            raise Unsupported("a density with a restricted support, at a point not known to "
                              "lie in one of its pieces")
        return found

    def _piece_by_bounds(self, t, pieces):
        """The formula of a density by formula at the variable of an enclosing integral
        whose range is shown to lie within one of its pieces (`∫_{a_1}^{b_1}` of a
        `\\mathcal{U}(a_2, b_2)` density under a_2 ≤ a_1, b_1 ≤ b_2); None otherwise."""
        (point,) = t.at
        if not isinstance(point, Sym):
            return None
        ranges = [(low, high) for serial, low, high in self._bounds
                  if serial == point.name.serial]
        if not ranges:
            return None
        low, high = ranges[-1]
        for piece_low, piece_high, formula in pieces:
            if (piece_low is None or low is not None and self._at_most(piece_low, low)) and \
                    (piece_high is None or high is not None and self._at_most(high, piece_high)):
                return formula
        return None

    def _piece_by_declaration(self, t, pieces):
        """The formula of a mass function with one piece at the free declared discrete
        variable whose range is exactly that piece (`series.exact_support`: `discrete x`
        without `in …`, every law by formula over x on one support — two Poisson laws over
        x): x's values are the support's points by declaration, so `\\log \\frac{f_1(x)}
        {f_2(x)}` is the log of the formulas' ratio. A bound variable (a sum's own index, a
        copy of x) is never the declared name itself, and any other point (x − 1, a
        variable declared `in \\mathcal{X}`) is not read so; None then."""
        (point,) = t.at
        if len(pieces) != 1 or not isinstance(point, Sym) or point.name.origin is not None \
                or point.name.local is not None:
            return None
        from derive.engines.series import exact_support
        if exact_support(point.name, self.context) != [tuple(pieces[0][:2])]:
            return None
        return pieces[0][2]

    def _at_most(self, a, b):
        """Whether a ≤ b is shown (from the declarations and hypotheses)."""
        return self.sign(self.value(sub(b, a))) in (POS, NONNEG)

    def _piece_at_number(self, t, pieces):
        """The value of a density by formula at a rational point, when its pieces' ends are
        rational too: the piece's formula there, or 0 off the support (for a mass function,
        also off the whole numbers); None when that cannot be told."""
        x = self.value(t.at[0]).constant()
        ends = [tuple(None if e is None else self.value(e).constant() for e in piece[:2])
                for piece in pieces]
        written = [tuple(e is not None for e in piece[:2]) for piece in pieces]
        if x is None or written != [tuple(e is not None for e in pair) for pair in ends]:
            return None
        mass = families.on_points(t.dist, self.context)
        if mass and x.denominator != 1:
            return ZERO
        for (low, high), (_, _, formula) in zip(ends, pieces):
            if (low is None or x >= low) and (high is None or x < high or mass and x <= high):
                return formula
        return ZERO

    # ================================================================== integrals
    def whole_range(self, var, node, body):
        """∫ body over the whole range of `var`: split into the pieces of a density by
        formula with a restricted support that the integrand is a multiple of."""
        if vectors.dimension(var, self.context) is not None:
            try:
                return self.value(vectors.integral(var, body, self.context))
            except vectors.NotVector as exc:
                if not vectors.abstract_only(var, body, self.context):
                    raise Unsupported(str(exc)) from None
            origin = var.origin if var.origin is not None else var     # as over one real
            self._variables[origin.serial] = origin         # variable (`abstract_only`),
            return self._bind(var, ("all", origin.serial), self.value(body))   # not ℝ's
        if not self._discrete(var) and self._divided_by(body, var):
            cut = self._on_support(Integral(var, body, Mul(MINUS_ONE, OO), OO))
            if cut.lower is not None:
                return self.value(cut)
        try:
            split = families.range_pieces(body, var, self.context)
        except ValueError as exc:
            raise Unsupported(str(exc)) from None
        if split is None:
            # a sum is never an integral over the line (Σ_k f(k) is no ∫ f(x) dx)
            standard = None if isinstance(node, Sum) else self._standard_argument(var, body)
            if standard is None:
                return self.integral(var, node, self.value(body))
            self._lines.add(("line",))
            return self._bind(var, ("line",), self.value(standard))
        dist, ranges = split
        self._valid(dist)
        if node is not None and self._discrete(var) and not families.own_values(var, self.context) \
                and not families.declared_over_range(dist, var, self.context):
            raise Unsupported(f"a mass function on whole numbers summed over the range of "
                              f"{var.latex}, whose values are not known (which of them are "
                              f"whole numbers in its support)")
        total = []
        saved = self._pieces
        for k, (low, high) in enumerate(ranges):
            if low is not None and high is not None and \
                    self.sign(self.value(sub(high, low))) not in (POS, NONNEG) and not (
                        self._discrete(var) and _at_least_zero(self.value(sub(high, low)) +
                                                               Poly.const(1))):
                raise Unsupported("a support whose ends are not shown in order (the piece "
                                  "would be integrated the wrong way)")
            if self._discrete(var):
                total.append(self._points(var, low, high, body, dist, k))
                continue
            self._pieces = saved + ((Sym(var), dist, k),)
            try:
                value = self._bounded(var, low, high, body)
            finally:
                self._pieces = saved
            total.append(self._bind(var, self._range(low, high, var), value))
        return Poly.sum(total)

    def _on_support(self, t):
        """∫_l^h of an integrand that vanishes off a declared support [s, S] (an abstract
        density declared `over x in [0, \\infty)` is a factor of it), with an end beyond
        the support moved to the support's end (l ≤ s shown: from s) — the whole range
        when both are: `\\int_0^\\infty p(x) dx` is ∫ p = 1. An integrand that divides by
        such a density it has as a factor (q·p/q, `families.divided_by`) is first cut to that
        density's support, and is the whole range only when the rest vanishes inside it:
        E_q[p/q] is ∫ p over q's support, 1 only when p's support lies in q's."""
        divided = self._divided_by(t.body, t.var)
        if divided:
            t = self._cut(t, *families.supports_meet(self.context, divided))
        low, high = families.support_of(t.body, t.var, self.context, skip=divided)
        if low is None and high is None:
            return t
        lower, upper = t.lower, t.upper
        if low is not None and (lower is Mul(MINUS_ONE, OO) or not _infinite(lower, lower) and
                                self.sign(self.value(sub(low, lower))) in (POS, NONNEG)):
            lower = low
        if high is not None and (upper is OO or not _infinite(upper, upper) and
                                 self.sign(self.value(sub(upper, high))) in (POS, NONNEG)):
            upper = high
        if (lower is low or low is None and lower is Mul(MINUS_ONE, OO)) and \
                (upper is high or high is None and upper is OO):
            return Integral(t.var, t.body)
        if any(end is not None and all(self._beyond_end(e, end, side) for e in (lower, upper))
               for end, side in ((low, -1), (high, 1))):
            return Integral(t.var, t.body, low or high, low or high)    # off the support: 0
        return t if (lower, upper) == (t.lower, t.upper) else \
            Integral(t.var, t.body, lower, upper)

    def _divided_by(self, body, var):
        """`families.divided_by`, its refusal (a division by a density declared on an
        interval in a term that does not vanish off it) `Unsupported`."""
        try:
            return families.divided_by(body, var, self.context)
        except ValueError as exc:
            raise Unsupported(str(exc)) from None

    def _cut(self, t, low, high):
        """∫_l^h body d var with its ends moved inside the support [low, high] (None:
        unbounded); `Unsupported` when an end cannot be placed against the support's."""
        ends = [t.lower, t.upper]
        for k, (end, side) in enumerate(((low, -1), (high, 1))):
            if end is None:
                continue
            if self._beyond_end(ends[k], end, side):
                ends[k] = end
            elif not self._beyond_end(ends[k], end, -side):
                raise Unsupported("an integral that divides by a density declared on an "
                                  "interval, with an end not shown inside or outside it")
        return Integral(t.var, t.body, *ends)

    def _beyond_end(self, e, end, side):
        """Whether an integral's end e lies at or past a support's end (below it for the
        lower end, side −1; above for the upper end)."""
        if e is Mul(MINUS_ONE, OO) or e is OO:
            return (e is OO) == (side > 0)
        gap = sub(end, e) if side < 0 else sub(e, end)
        return self.sign(self.value(gap)) in (POS, NONNEG)

    def _standard_argument(self, var, body):
        """The integrand of ∫ body d var over the whole range of a continuous variable in
        which opaque functions depend on var only through one argument and no abstract
        density depends on var — an integral over the real line — with the opaque
        functions' argument made the bare variable; None for any other integral.

        When that argument is u = a + b·var (a, b free of var, b ≠ 0 of known sign), the
        variable is changed: ∫ g(var) f(a + b var) d var = ∫ g((u − a)/b) f(u) du / |b|
        over the whole line. So the opaque calls are at the bare variable on both sides,
        whatever the author's parametrisation of the measure: E_{N(ε; 0, 1)}[f(μ + σε)]
        and E_{N(z; μ, σ²)}[f(z)] are one integral over the line (the reparameterisation
        of a location–scale family, read backwards). Another argument (u², e^u) is left
        as it is. Derivatives and bars in the body are worked out first, and the change is
        not made where a binder in the body would capture a name of a or b
        (`calculus.change_variable`)."""
        from derive.engines.calculus import (NotDifferentiable, change_variable, derivative,
                                             worked_out)
        info = self.context.info(var.variable)
        if self._discrete(var) or getattr(info, "support", None) is not None:
            return None
        body = worked_out(body, self.context)
        if body is None:
            return None
        calls = [t for t in nodes(body) if isinstance(t, Call) and var in free_names(t)]
        if not calls or any(len(c.arguments) != 1 for c in calls) or \
                len({self.value(c.arguments[0]).key() for c in calls}) != 1 or any(
                isinstance(t, Dens) and not families.is_formula(t.dist, self.context) and
                var in free_names(t) for t in nodes(body)):
            return None
        (argument,) = calls[0].arguments
        if argument is Sym(var):
            return body
        try:
            slope = derivative(argument, var, self.context)
        except NotDifferentiable:
            return None
        offset = substitute(argument, {var: ZERO})
        if _mentions(self.value(slope).key(), ("ph", var.serial)) or \
                not (self.value(argument) - self.value(offset) -
                     self.value(slope) * self.symbol(var)).is_zero():
            return None
        sign = self.positivity(slope)
        if sign != POS and self.positivity(Mul(MINUS_ONE, slope)) != POS:
            return None
        size = slope if sign == POS else Mul(MINUS_ONE, slope)
        moved = change_variable(body, var, Mul(sub(Sym(var), offset), Pow(slope, MINUS_ONE)),
                                self.context)
        return None if moved is None else Mul(Pow(size, MINUS_ONE), moved)

    def _bounded(self, var, low, high, body):
        """The value of an integral's body, knowing that `var` runs from `low` to `high`
        (None or ±∞: unbounded), when they are shown in order: `absolute` uses it."""
        ends = [None if e is None or e is OO or e is Mul(MINUS_ONE, OO) else e
                for e in (low, high)]
        if None not in ends and self.sign(self.value(sub(ends[1], ends[0]))) not in (POS, NONNEG):
            return self.value(body)
        if (low is OO) or (high is Mul(MINUS_ONE, OO)):
            return self.value(body)
        saved = self._bounds
        self._bounds = saved + ((var.serial, ends[0], ends[1]),)
        try:
            return self.value(body)
        finally:
            self._bounds = saved

    def _points(self, var, low, high, body, dist, piece):
        """A sum over the whole numbers from low to high (a discrete family's support):
        term by term for a short list of numbers, else a sum over low..high (whole-number
        ends, `Categorical`'s 1..K) with the piece in force at its index."""
        if low is None or high is None:
            raise Unsupported("a sum over a mass function's infinite support (the normal form "
                              "sums no infinite series)")
        lo, hi = self.value(low).constant(), self.value(high).constant()
        saved = self._pieces
        if (lo is None or hi is None) and self._whole(low) and self._whole(high):
            self._pieces = saved + ((Sym(var), dist, piece),)
            try:
                value = self.value(body)
            finally:
                self._pieces = saved
            return self._bind(var, ("sum", self.value(low).key(), self.value(high).key()), value)
        if lo is None or hi is None or lo.denominator != 1 or hi.denominator != 1 or \
                hi - lo + 1 > MAX_EXPANDED_SUM:
            raise Unsupported("a discrete family whose support is not a short list of numbers")
        total = []
        try:
            for k in range(int(lo), int(hi) + 1):
                self._pieces = saved + ((Num(k), dist, piece),)
                total.append(self.value(substitute(body, {var: Num(k)})))
        finally:
            self._pieces = saved
        return Poly.sum(total)

    def _discrete(self, var):
        info = self.context.info(var.variable)
        return bool(getattr(info, "discrete", False))

    def _range(self, low, high, var):
        """The range id of an integral from `low` to `high` (terms; None or ±∞ for an
        infinite end); the whole line of a continuous variable is its whole range."""
        lo, hi = self._end(low, -1), self._end(high, 1)
        if lo == "-oo" and hi == "+oo":
            origin = var.origin if var.origin is not None else None
            range_id = ("all", origin.serial) if origin is not None else ("line",)
            self._lines.add(range_id)
            return range_id
        return ("int", lo, hi)

    def _end(self, term, side):
        if term is None or term is OO or term is Mul(MINUS_ONE, OO):
            if term is not None and (term is OO) != (side > 0):
                raise Unsupported("an integral whose limits run the wrong way to infinity")
            return "-oo" if side < 0 else "+oo"
        return self.value(term).key()

    def integral(self, var, node, body):
        """∫ body d var (or Σ), over the range `node` gives (its whole range if None)."""
        lower = upper = None
        if node is not None and node.lower is not None and not isinstance(node, Sum) and \
                _infinite(node.lower, node.upper):
            return self._bind(var, self._range(node.lower, node.upper, var), body)
        if node is not None and node.lower is not None:
            if isinstance(node, Sum) and node.upper is OO:
                raise Unsupported("an infinite series (the normal form sums no infinite series)")
            if isinstance(node, Sum) and not all(self._whole(b) for b in (node.lower, node.upper)):
                raise Unsupported("a sum whose bounds may not be whole numbers")
            lower, upper = self.value(node.lower), self.value(node.upper)
            if isinstance(node, Sum):
                expanded = self._expand_finite_sum(node, lower, upper)
                if expanded is not None:
                    return expanded
        if node is not None and isinstance(node, Sum) and node.lower is None and \
                var.origin is None:
            range_id = ("index",)
        elif lower is not None:
            range_id = ("sum" if isinstance(node, Sum) else "int", lower.key(), upper.key())
        else:                   # a variable's whole range: a sum when it is discrete
            origin = self._range_of(var.origin if var.origin is not None else var)
            range_id = ("all", origin.serial)
            self._variables[origin.serial] = origin
            if not self._discrete(var):
                self._lines.add(range_id)
        return self._bind(var, range_id, body)

    def _range_of(self, variable):
        """The variable whose whole range stands for `variable`'s in range ids: the first
        declared discrete variable over the same declared set — so Σ_x f(x) = Σ_y f(y)
        for `discrete x, y in \\mathcal{X}` (renaming a bound variable over one set) —
        else the variable itself. A discrete variable declared without a set ranges over
        a set of its own."""
        return self._sets().get(variable.serial, variable)

    def _range_serial(self, variable_serial):
        """The serial in the range id of a variable's whole range (see `_range_of`)."""
        standing = self._sets().get(variable_serial)
        return variable_serial if standing is None else standing.serial

    def _sets(self):
        """{serial of a discrete variable declared over a set: the first such variable}."""
        if self._same_set is None:
            self._same_set, first = {}, {}
            for name, declaration in self.context.table.items():
                info = declaration.info
                if declaration.kind is Kind.VARIABLE and getattr(info, "discrete", False) \
                        and info.support is not None:
                    self._same_set[name.serial] = first.setdefault(info.support, name)
        return self._same_set

    def _bind(self, var, range_id, body):
        """The integral over `range_id` of a body in which `var` is a placeholder."""
        placeholder = ("ph", var.serial)
        out = []
        for m, c in body.terms.items():
            copy = ("cp", range_id, next(self._copies))
            renamed = _replace(m, placeholder, copy)
            renamed = mono_mul(renamed, frozenset({(("int", copy), 1)}))
            out.append(self.canonical(renamed).scale(c))
        return Poly.sum(out)

    def _whole(self, term):
        """Whether a term is a whole number for every value of its names (a sum's bound)."""
        if isinstance(term, Num):
            return term.value.denominator == 1
        if isinstance(term, Sym):
            return self.context.declaration(term.name).domain.is_integer
        if isinstance(term, (Add, Mul)):
            return all(self._whole(a) for a in term.args)
        if isinstance(term, Pow):
            e = term.exponent
            return isinstance(e, Num) and e.value.denominator == 1 and e.value >= 0 and \
                self._whole(term.base)
        if isinstance(term, Defined):
            return self._whole(term.body)
        return False

    def _expand_finite_sum(self, node, lower, upper):
        lo, hi = lower.constant(), upper.constant()
        if lo is None or hi is None or lo.denominator != 1 or hi.denominator != 1:
            return None
        if hi - lo + 1 > MAX_EXPANDED_SUM:
            return None
        return Poly.sum([self.value(substitute(node.body, {node.var: Num(k)}))
                         for k in range(int(lo), int(hi) + 1)])

    def product(self, node):
        if node.lower is None:
            raise Unsupported("a product over a whole range")
        lo, hi = self.value(node.lower).constant(), self.value(node.upper).constant()
        if lo is None or hi is None or lo.denominator != 1 or hi.denominator != 1 or \
                hi - lo + 1 > MAX_EXPANDED_SUM:
            return self.value(self._product_as_sums(node))
        total = Poly.const(1)
        for k in range(int(lo), int(hi) + 1):
            total = total * self.value(substitute(node.body, {node.var: Num(k)}))
        return total

    def _product_as_sums(self, node):
        """Π_{i=a}^{b} of factors, for symbolic (whole-number) bounds, as powers of sums:
        the product of a product is the product of the factors' products; a factor
        b^{e_i} whose base b does not depend on i gives e^{(Σ_i e_i) log b} when b is
        shown positive, b^{Σ_i e_i} when b is a non-zero number (principal powers
        b^x = e^{x Log b}: Π_i e^{e_i Log b} = e^{Σ_i e_i Log b}); a factor f_i shown
        positive gives e^{Σ_i log f_i}. Both hold for an empty range too (a b < a − 1 empties the
        product and the sum alike). A factor that may be zero (Π_i a = aⁿ at a = 0 needs
        0⁰ = 1, and Π_i a_i is 0 with one member) leaves the product unsupported."""
        if not (self._whole(node.lower) and self._whole(node.upper)):
            raise Unsupported("a product whose bounds may not be whole numbers")
        out = []
        for factor in _factors(node.body, self.held):
            base, exponent = (factor.base, factor.exponent) if isinstance(factor, Pow) \
                else (factor, Num(1))
            total = Sum(node.var, exponent, node.lower, node.upper)
            if node.var not in free_names(base) and self.positivity(base) == POS:
                out.append(Fn("exp", Mul(total, Fn("log", base))))
            elif node.var not in free_names(base) and self._nonzero(base):
                out.append(Pow(base, total))
            elif self.positivity(factor) == POS:
                out.append(Fn("exp", Sum(node.var, Fn("log", factor), node.lower, node.upper)))
            else:
                raise Unsupported("a product with symbolic bounds of a factor not shown "
                                  "positive (nor a power of a non-zero base)")
        return Mul(*out) if len(out) > 1 else out[0]

    def _nonzero(self, term):
        """Whether a base is a non-zero number."""
        c = self.value(term).constant()
        return c is not None and c != 0

    def canonical(self, monomial):
        """A multi-integral monomial with normalisation applied and its copies renumbered:
        returns a Poly (evaluating finite sums and polynomial integrals can give sums)."""
        result = Poly({monomial: Fraction(1)})
        changed = True
        while changed:
            changed = False
            out = []
            for m, c in result.terms.items():
                reduced = self._reduce_once(m)
                if reduced is None:
                    out.append(Poly({m: c}))
                else:
                    out.append(reduced.scale(c))
                    changed = True
            result = Poly.sum(out)
        return Poly.sum([Poly({_renumber(_cancel_sealed(m)): c}) for m, c in result.terms.items()])

    def _reduce_once(self, m):
        """One normalisation step on a monomial, or None when none applies."""
        copies = [a[1] for a, _ in m if a[0] == "int"]
        for copy in copies:
            marker = ("int", copy)
            deps = [(a, e) for a, e in m if a != marker and _mentions_free(a, copy)]
            rest = frozenset((a, e) for a, e in m if a != marker and
                             not _mentions_free(a, copy))
            range_id = copy[1]
            if len(deps) == 1 and deps[0][1] == 1 and deps[0][0][0] == "dens":
                reduced = self._integrate_density(deps[0][0], copy)
                if reduced is not None:
                    return Poly({rest: Fraction(1)}) * reduced
            if len(deps) == 1 and deps[0][1] == 1 and deps[0][0][0] == "dd":
                # ∫ ∂_θ p_θ(x) dx = ∂_θ ∫ p_θ = 0 (differentiation under the integral sign)
                reduced = self._integrate_density(deps[0][0][1], copy)
                if reduced is not None and reduced.constant() == 1:
                    return Poly()
            pushed = self._pushforward(m, copy, deps, rest)
            if pushed is not None:
                return pushed
            if range_id[0] == "sum" and len(range_id) == 3 or range_id == ("index",):
                collapsed = self._kronecker_sum(m, copy, deps, range_id)
                if collapsed is not None:
                    return collapsed
            if range_id[0] == "sum" and len(range_id) == 3 and \
                    all(a[0] == "pt" and a[1] == copy for a, _ in deps):
                k = sum(e for _, e in deps)
                low, high = Poly.from_key(range_id[1]), Poly.from_key(range_id[2])
                if isinstance(k, int) and 0 <= k <= MAX_FAULHABER and \
                        _at_least_zero(high - low + Poly.const(1)):
                    total = self._power_sum(k, high) - self._power_sum(k, low - Poly.const(1))
                    return Poly({rest: Fraction(1)}) * total
            if not deps and range_id[0] == "all":
                size = self._range_size(range_id[1])
                if size is not None:            # Σ_{x ∈ 𝒳} c = c |𝒳|
                    return Poly({rest: Fraction(1)}) * size
            closed = self._closed_form(range_id, deps, copy)
            if closed is not None:
                return Poly({rest: Fraction(1)}) * closed
            if range_id[0] == "int" and _finite(range_id) and \
                    all(a == ("pt", copy, REAL) for a, _ in deps):
                n = sum(e for _, e in deps)
                if n != -1 and isinstance(n, int) and n >= 0:
                    low, high = Poly.from_key(range_id[1]), Poly.from_key(range_id[2])
                    area = (self.power(high, Poly.const(n + 1)) - self.power(low, Poly.const(n + 1))
                            ).scale(Fraction(1, n + 1))
                    return Poly({rest: Fraction(1)}) * area
        return None

    def _kronecker_sum(self, m, copy, deps, range_id):
        """`Σ_{j=a}^{b} f(j) δ_{jk} = f(k)` where `a ≤ k ≤ b` is shown (k a symbol with the
        bounds of a hypothesis, or an index of an enclosing sum, or a number): the copy's
        point is put to k. Over the unspecified index set of a bound-less sum (`Σ_j`,
        range ("index",)), k must be a symbol with a hypothesis's bounds (`1 ≤ k ≤ K`):
        such an index beside a bound-less sum is one of its indices (the README's reading,
        under which a draw with k past the set is no instance). Only when k is one atom
        that nothing else depending on j mentions (so no two factors merge unseen); else
        None."""
        point = next((a for a, _ in deps if a[0] == "pt" and a[1] == copy), None) or \
            next((x for a, _ in deps for x in _atoms_in(a) if x[0] == "pt" and x[1] == copy),
                 None)
        for delta, e in deps:
            if delta[:2] != ("fn", "delta") or e != 1 or point is None:
                continue
            keys = delta[2]
            mine = Poly.atom(point).key()
            if mine not in keys:
                continue
            other = Poly.from_key(keys[1] if keys[0] == mine else keys[0])
            (target,) = other.atoms() or (None,)
            if target is None or other.terms != Poly.atom(target).terms or \
                    any(_mentions(a, target) for a, _ in deps if a is not delta) or \
                    not (self._bounded_index(target) if range_id == ("index",) else
                         self._within(other, target, Poly.from_key(range_id[1]),
                                      Poly.from_key(range_id[2]))):
                continue
            out = frozenset()
            for a, power in m:
                if a != delta and a != ("int", copy):
                    out = mono_mul(out, frozenset({(_put_free(a, copy, point, target),
                                                    power)}))
            return Poly({out: Fraction(1)})
        return None

    def _bounded_index(self, atom):
        """Whether `atom` is a symbol with a lower and an upper bound from a hypothesis
        (`1 ≤ k ≤ K`: `WholeRange`)."""
        if atom[0] != "sym":
            return False
        bounds = next((d.info for name, d in self.context.table.items()
                       if name.serial == atom[2]), None)
        return isinstance(bounds, WholeRange) and bool(bounds.lower) and bool(bounds.upper)

    def _within(self, value, atom, low, high):
        """Whether `low ≤ value ≤ high` is shown for whole numbers: each end by the
        value's own domain (a `natural` j is ≥ 1) or by a hypothesis's bounds on it
        (`j \\le C`: `WholeRange`), one end from each if need be."""
        above, below = _at_least_zero(value - low), _at_least_zero(high - value)
        if above and below:
            return True
        if atom[0] != "sym":
            return False
        bounds = next((d.info for name, d in self.context.table.items()
                       if name.serial == atom[2]), None)
        if not isinstance(bounds, WholeRange):
            return False
        try:
            return (above or any(_at_least_zero(self.value(b) - low) for b in bounds.lower)) \
                and (below or any(_at_least_zero(high - self.value(b)) for b in bounds.upper))
        except (Unsupported, Undefined):
            return False

    def _power_sum(self, k, n):
        """Σ_{i=1}^{n} i^k as a polynomial in n (Faulhaber), for a whole number n ≥ 0.
        S(b) − S(a − 1) is Σ_{i=a}^{b} i^k only when b ≥ a − 1: for b < a − 1 it is
        −Σ_{i=b+1}^{a-1} i^k, while the sum is empty (0); the caller shows the count
        b − a + 1 ≥ 0 first (`_at_least_zero`)."""
        total = Poly()
        for j, b in enumerate(_bernoulli(k)):
            coefficient = Fraction(comb(k + 1, j)) * b / (k + 1)
            total = total + self.integer_power(n, k + 1 - j).scale(coefficient)
        return total

    def _closed_form(self, range_id, deps, copy):
        """∫ xⁿ exp(a x² + b x) over the copy's range, when `gaussian` has a rule for it;
        ∫_0^∞ x^{s−1} e^{−r x} = Γ(s)/r^s and ∫_0^1 x^{s−1}(1 − x)^{t−1} = B(s, t) when
        `euler`'s hypotheses are shown."""
        if range_id in self._lines:
            low = high = None
        elif range_id[0] == "int":
            low = None if range_id[1] == "-oo" else Poly.from_key(range_id[1])
            high = None if range_id[2] == "+oo" else Poly.from_key(range_id[2])
        else:
            return None
        if not deps:
            return None
        found = gaussian.integrate(self, deps, copy, low, high)
        return found if found is not None else euler.integrate(self, deps, copy, low, high)

    def _integrate_density(self, atom, copy):
        """∫ p(… c …) dc for a density atom: 1, or the marginal; None if not a density at c."""
        _, latex, serial, over, given, cond, at, params, held, _ = atom
        if any(_mentions(k, copy) for k in cond):
            return None
        positions = [i for i, a in enumerate(at) if _is_point(a, copy)]
        if len(positions) != 1 or any(_mentions(a, copy) for i, a in enumerate(at)
                                      if i != positions[0]):
            return None
        if not self._declared_range(serial, over[positions[0]], copy):
            return None
        if len(at) == 1:
            return Poly.const(1)
        keep = [i for i in range(len(at)) if i != positions[0]]
        marginal = ("dens", latex, serial, tuple(over[i] for i in keep), given, cond,
                    tuple(at[i] for i in keep), params, held, POS)
        if not given and self._named_valued_any():
            return self._marginal_over_named(marginal)
        return Poly.atom(marginal)

    def _named_valued_any(self):
        if self._named_sets is None:
            self._named_sets = {n for n in self.context.of_kind(Kind.SET)
                                if isinstance(self.context.info(n), NamedValues)}
        return bool(self._named_sets)

    def _marginal_over_named(self, marginal):
        """A marginal atom (of a sum or integral over a joint) as `density` writes the same
        marginal: the sum of the joint at each named value of the variables it leaves out
        that range over sets of named values (`_over_named_values`)."""
        _, latex, serial, over, given, cond, at, params, held, _ = marginal
        name = next((n for n in self.context.of_kind(Kind.DISTRIBUTION) if n.serial == serial),
                    None)
        if name is None:
            return Poly.atom(marginal)
        info = self.context.info(name)
        missing = [v for v in self._named_valued(info) if v.serial not in over]
        if not missing:
            return Poly.atom(marginal)
        kept = [next(v for v in info.over if v.serial == s) for s in over]
        out = Poly.const(0)
        for values in itertools.product(*(self.context.info(self.context.info(v).support).values
                                          for v in missing)):
            variables, keys = in_order(info, kept + missing, list(at) + [
                self.value(Sym(value)).key() for value in values])
            out = out + Poly.atom(("dens", latex, serial, tuple(v.serial for v in variables),
                                   given, cond, tuple(keys), params, held, POS))
        return out

    def _pushforward(self, m, copy, deps, rest):
        """∫ p_z(z) h(g(z)) dz = ∫ p_g(x) h(x) dx when p_g is declared the law of g(z),
        z ∼ p_z: a copy of z whose factors are p_z at its point (to the power 1) and
        others that hold z only through the declared map's value g(z) becomes a copy of x,
        g(z) becoming its point and p_z(z) becoming p_g(x). One direction only (z to x):
        what holds z elsewhere (a second p_z(z), z itself, ∂g(z), another function of z)
        stays an integral over z, since no integral over x equals it for every law."""
        if copy[1][0] != "all":
            return None
        for name, law in self._laws():
            if copy[1] != ("all", self._range_serial(law.variable.serial)):
                continue
            z = Name(law.variable.latex, origin=law.variable)
            mapped = self.value(Call(law.map, Sym(z)))
            source = self.value(Dens(Dist(law.source, (law.variable,)), (Sym(z),)))
            if len(mapped.terms) != 1 or len(source.terms) != 1:
                continue
            ((g_mono, g_c),) = mapped.terms.items()
            ((source_mono, source_c),) = source.terms.items()
            if g_c != 1 or source_c != 1 or len(g_mono) != 1 or len(source_mono) != 1:
                continue
            placeholder = ("ph", z.serial)
            ((g_atom, g_e),) = _replace(g_mono, placeholder, copy)
            ((source_atom, source_e),) = _replace(source_mono, placeholder, copy)
            if g_e != 1 or source_e != 1 or dict(deps).get(source_atom) != 1:
                continue
            over = self.context.info(name).over
            if len(over) != 1:
                continue
            (variable,) = over
            x = Name(variable.latex, origin=variable)
            standing = self._range_of(variable)
            new_copy = ("cp", ("all", standing.serial), next(self._copies))
            ((point, _),) = _replace(next(iter(self.value(Sym(x)).terms)), ("ph", x.serial),
                                     new_copy)
            moved = _replace(frozenset((a, e) for a, e in deps if a != source_atom),
                             g_atom, point)
            if _mentions(moved, copy):
                continue                # z stands outside g(z): no law of x carries it
            target = self.value(Dens(Dist(name, (variable,)), (Sym(x),)))
            if len(target.terms) != 1:
                continue
            ((target_mono, _),) = target.terms.items()
            self._variables[standing.serial] = standing
            if not self._discrete(x):
                self._lines.add(("all", standing.serial))
            monomial = mono_mul(mono_mul(rest, moved),
                                _replace(target_mono, ("ph", x.serial), new_copy))
            monomial = mono_mul(monomial, frozenset({(("int", new_copy), 1)}))
            return Poly({monomial: Fraction(1)})
        return None

    def _laws(self):
        """[(a distribution declared the law of g(z), its `Pushforward`)], in declaration
        order."""
        if self._law_table is None:
            self._law_table = [(name, d.info.law) for name, d in self.context.table.items()
                               if d.kind is Kind.DISTRIBUTION and
                               getattr(d.info, "law", None) is not None]
        return self._law_table

    def _range_size(self, serial):
        """|𝒳| for a discrete variable's range 𝒳, as a poly; None for a continuous one."""
        variable = self._variables.get(serial)
        info = self.context.info(variable) if variable is not None else None
        if not getattr(info, "discrete", False) or info.support is None:
            return None
        size = getattr(self.context.info(info.support), "size", None)
        return Poly.atom(("sym", size.latex, size.serial, POS)) if size is not None else None

    def _declared_range(self, dist_serial, variable_serial, copy):
        """The copy integrates over the whole range of that density's variable."""
        range_id = copy[1]
        return range_id[0] in ("all", "sum") and len(range_id) == 2 and \
            range_id[1] == self._range_serial(variable_serial)

    # ================================================================== common denominators
    def cancel_sums(self, poly, rounds=8):
        """Monomials that share a factor 1/S^k of an irreducible sum S, and whose other
        factors add up to S·R, become R/S^(k-1) (`a/(a+b) + b/(a+b) = 1`; the square of
        `(bu + av)/(u + v) − c` against `((b−c)u + (a−c)v)²/(u + v)²`, one power of S at a
        time), with the reduction rules applied again to what comes out (`∫ ∂_θ p_θ ·
        (p_r + p_θ)/(p_r + p_θ) = ∫ ∂_θ p_θ = 0`)."""
        for _ in range(rounds):
            changed = False
            for atom, e in sorted({(a, e) for m in poly.terms for a, e in m
                                   if a[0] == "poly" and e < 0},
                                  key=lambda ae: (ae[1], canonical(ae[0]))):
                group = {m: c for m, c in poly.terms.items() if (atom, e) in m}
                numerator = Poly({frozenset(x for x in m if x != (atom, e)): c
                                  for m, c in group.items()})
                quotient = _divide(numerator, Poly.from_key(atom[1]))
                if quotient is None or _frees_a_bound_copy(quotient, atom):
                    continue
                left = frozenset({(atom, e + 1)}) if e + 1 else frozenset()
                rest = Poly({m: c for m, c in poly.terms.items() if m not in group})
                poly = rest + Poly.sum([self.canonical(mono_mul(m, left)).scale(c)
                                        for m, c in quotient.terms.items()])
                changed = True
                break
            if not changed or poly.is_zero():
                return poly
        return poly

    # ================================================================== powers
    def power(self, base, exponent):
        n = exponent.constant()
        if n is not None and n.denominator == 1:
            return self.integer_power(base, int(n))
        if n is not None:
            return self.rational_power(base, n)
        if self.poly_positivity(base) == POS:
            return self.exp(self.times(exponent, self.log(base)))
        if base.constant() is not None and base.constant() > 0:
            return self.exp(self.times(exponent, self.log(base)))
        peeled = self._positive_factor(base)
        if peeled is not None:          # (P R)^u = P^u R^u for P > 0: Arg(P R) = Arg R
            positive, rest = peeled
            return self.times(self.power(positive, exponent),
                              Poly.atom(("opq", "pow", rest.key(), exponent.key())))
        return Poly.atom(("opq", "pow", base.key(), exponent.key()))

    def _positive_factor(self, base):
        """(P, R) with base = P · R, P > 0 the positive part of its content (|c| and the
        positive atoms of the common monomial) and P ≠ 1; None when there is none or the
        base holds an integral (never split by a power)."""
        if _has_integrals(base) or base.is_zero():
            return None
        c, m, q = split_content(base)
        inside = frozenset((a, e) for a, e in m if _sign(a) == POS)
        if abs(c) == 1 and not inside:
            return None
        positive = Poly({inside: abs(Fraction(c))})
        rest = Poly({mono_mul(m, mono_pow(inside, -1)): Fraction(1 if c > 0 else -1)})
        return positive, rest if q is None else rest * q

    def integer_power(self, base, n):
        if n == 0:
            if base.is_zero():
                raise Undefined("0^0")
            return Poly.const(1)
        single = base.single()
        if single is not None and n % 2 == 0 and len(single[1]) == 1:
            (atom, e), = single[1]
            power = Fraction(e) * n
            if atom[:2] == ("fn", "abs") and atom[4:] == (True,) and power.denominator == 1 \
                    and power % 2 == 0:                             # |u|^2k = u^2k, u real
                return self.integer_power(Poly.from_key(atom[2]), int(power)).scale(
                    Fraction(single[0]) ** n)
        if single is not None and any(a[:2] == ("opq", "pow") and
                                      Poly.from_key(a[3]).constant() is not None and (
                Fraction(e) * n * Fraction(Poly.from_key(a[3]).constant())).denominator == 1
                for a, e in single[1]):
            # (u^{p/q})^n = u^{pn/q} = u^k when k is whole: e^{k Log u}, for every u
            c, m = single
            if c == 0:
                raise Undefined("division by zero")
            result, rest = Poly.const(Fraction(c) ** n), []
            for a, e in m:
                exponent = Poly.from_key(a[3]).constant() if a[:2] == ("opq", "pow") else None
                k = Fraction(e) * n * Fraction(exponent) if exponent is not None else None
                if k is not None and k.denominator == 1:
                    result = self.times(result, self.integer_power(Poly.from_key(a[2]), int(k)))
                else:
                    rest.append((a, e))
            return self.times(result, self._fold(Poly({mono_pow(frozenset(rest), n): Fraction(1)})))
        if single is not None and not _has_integrals(base):
            c, m = single
            if c == 0:
                raise Undefined("division by zero")
            return self._fold(Poly({mono_pow(m, n): Fraction(c) ** n}))
        if base.is_zero():
            if n < 0:
                raise Undefined("division by zero")
            return Poly()
        if abs(n) > MAX_EXPONENT:
            raise Unsupported("a power of a sum too large to expand")
        if n > 0:
            result = Poly.const(1)
            for _ in range(n):
                result = self.times(result, base)
            return result
        c, m, sealed = self._sealed(base)
        atom = self._sum_atom(sealed)
        return self._fold(Poly({mono_mul(mono_pow(m, n), frozenset({(atom, n)})):
                                Fraction(c) ** n}))

    def rational_power(self, base, r):
        """`base^r` for a non-integer rational r: split only over positive factors."""
        single = base.single()
        if base.is_zero():
            if r > 0:
                return Poly()
            raise Undefined("division by zero")
        if _has_integrals(base):
            c, m, sealed = self._sealed(base)
            atom = self._sum_atom(sealed)
            if c > 0 and all(_sign(a) == POS for a, _ in m) and atom[2] == POS:
                return self._root(c, r) * Poly({mono_mul(mono_pow(m, r), frozenset({(atom, r)})):
                                                Fraction(1)})
            return Poly.atom(("opq", "pow", base.key(), Poly.const(r).key()))
        if single is not None:
            c, m = single
            if c > 0 and all(_sign(a) == POS for a, _ in m):
                return self._root(c, r) * Poly({mono_pow(m, r): Fraction(1)})
            even = self._root_of_even_powers(c, m, r)
            if even is not None:
                return even
        if self.sign(base) == POS:
            c, m, q = split_content(base)
            if c > 0 and all(_sign(a) == POS for a, _ in m):
                return self._root(c, r) * Poly({mono_mul(mono_pow(m, r),
                                                         frozenset({(self._sum_atom(q), r)})): Fraction(1)})
        return Poly.atom(("opq", "pow", base.key(), Poly.const(r).key()))

    def _root_of_even_powers(self, c, m, r):
        """(c · ∏ a^e)^r for a rational c > 0 where each atom a is positive, or real at an
        even power e with e·r whole: a product of nonnegative reals, whose principal root is
        the product of the roots, |a|^{e·r} for a real a (`\\sqrt{x^2} = |x|`,
        `(x^4 y^2)^{1/2} = x^2 |y|` for real x, y). None otherwise (a complex atom, an odd
        power: √(x²) is x or −x for a complex x)."""
        if c <= 0:
            return None
        result = self._root(c, r)
        for a, e in m:
            e = Fraction(e)
            if _sign(a) == POS:
                result = self.times(result, Poly({mono_pow(frozenset({(a, e)}), r): Fraction(1)}))
            elif _sign(a) != COMPLEX and e.denominator == 1 and e % 2 == 0 and \
                    (e * r).denominator == 1:
                result = self.times(result, self.integer_power(self.absolute(Poly.atom(a)),
                                                               int(e * r)))
            else:
                return None
        return result

    def _root(self, c, r):
        """c^r for a positive rational c, exactly: primes to fractional powers."""
        c = Fraction(c)
        exps = {}
        for n, sign in ((c.numerator, 1), (c.denominator, -1)):
            for p, k in _factor(n).items():
                exps[p] = exps.get(p, 0) + sign * k * r
        return self._fold(Poly({frozenset((("prime", p), e) for p, e in exps.items()): Fraction(1)}))

    def _fold(self, poly):
        """Prime atoms with integer exponents back into coefficients; i² = -1."""
        if not any(a[0] in ("prime", "i") for m in poly.terms for a, _ in m):
            return poly
        out = {}
        for m, c in poly.terms.items():
            keep = []
            for a, e in m:
                if a[0] == "prime":
                    e = Fraction(e)
                    whole = e.numerator // e.denominator
                    c = c * Fraction(a[1]) ** whole
                    if e != whole:
                        keep.append((a, e - whole))
                elif a[0] == "i":
                    k = int(e) % 4
                    c = c * (-1 if k >= 2 else 1)
                    if k % 2:
                        keep.append((a, 1))
                else:
                    keep.append((a, e))
            mono = frozenset(keep)
            out[mono] = out.get(mono, 0) + c
        return Poly(out)

    def _sum_atom(self, q):
        """An irreducible sum as an atom (the base of a negative or fractional power)."""
        return ("poly", q.key(), self.sign(q))

    def _sealed(self, poly):
        """(c, m, s) with poly = c · m · s: c rational, m a monomial of atoms that lie outside
        every integral, s a sum or a single integral kept whole. An integral is never split
        by a power or a log: (∫ f)² is not ∫ f², log ∫ f is not ∫ log f."""
        c, m, q = split_content(poly)
        inside = frozenset((a, e) for a, e in m if _mentions_copy(a, m))
        outside = frozenset((a, e) for a, e in m if (a, e) not in inside)
        rest = q if q is not None else Poly.const(1)
        return c, outside, Poly({mono_mul(inside, mq): cq for mq, cq in rest.terms.items()})

    def times(self, a, b):
        """a · b. Two multi-integrals multiply into one (Fubini), their integration copies
        renamed apart first so that ∫ f dx · ∫ g dx is ∫∫ f(x) g(x′), never ∫ f g."""
        if not (_has_integrals(a) and _has_integrals(b)):
            product = a * b
            if _has_integrals(product) and any(x[0] == "poly" and e < 0 for m in product.terms
                                               for x, e in m):
                return Poly.sum([Poly({_cancel_sealed(m): c}) for m, c in product.terms.items()])
            return product
        fresh = {}

        def apart(m):
            for copy in {x[1] for x, _ in m if x[0] == "int"}:
                new = fresh.setdefault(copy, ("cp", copy[1], ("apart", next(self._copies))))
                m = _replace(m, copy, new)
            return m
        b = Poly({apart(m): c for m, c in b.terms.items()})
        return Poly.sum([Poly({_renumber(_cancel_sealed(m)): c}) for m, c in (a * b).terms.items()])

    # ================================================================== logs and exps
    def log(self, arg):
        """log of a poly, split only over positive factors."""
        if arg.is_zero():
            raise Undefined("log of zero")
        numerator, denominator = _together(arg, self.times)
        pieces = []
        for poly, sign in ((numerator, 1), (denominator, -1)):
            if poly is None:
                continue
            split = self._log_positive(poly)
            if split is None:
                return Poly.atom(("log", ("opq", "arg", arg.key())))
            pieces.append(split.scale(sign))
        return Poly.sum(pieces)

    def _log_positive(self, poly):
        """Σ log of the factors of a positive poly, or None when positivity is not known."""
        if _has_integrals(poly):
            c, m, sealed = self._sealed(poly)
            q = sealed if sealed.constant() != 1 else None
        else:
            c, m, q = split_content(poly)
        if c <= 0 or not all(_sign(a) == POS or a[0] == "exp" and _real_key(a[1])
                             for a, _ in m):
            return None
        if q is not None and self.sign(q) != POS:
            return None
        parts = [self._log_rational(Fraction(c))]
        for a, e in m:
            if a[0] == "exp":
                parts.append(Poly.from_key(a[1]).scale(e))
            elif a[0] == "prime":
                parts.append(Poly.atom(("logp", a[1])).scale(e))
            else:
                parts.append(Poly.atom(("log", a)).scale(e))
        if q is not None:
            parts.append(Poly.atom(("log", self._sum_atom(q))))
        return Poly.sum(parts)

    def _log_rational(self, c):
        total = []
        for n, sign in ((c.numerator, 1), (c.denominator, -1)):
            for p, k in _factor(n).items():
                total.append(Poly.atom(("logp", p)).scale(sign * k))
        return Poly.sum(total)

    def exp(self, u):
        """e^u as a product of `("exp", m)` atoms, one per monomial m of u, to the power of
        its coefficient (exact for an integer power; for a fraction only when e^m is
        positive, i.e. m real — otherwise e^{c m} stays an atom of its own). So
        e^{a}e^{b} = e^{a+b} and e^{it}e^{-it} = 1 are products of powers; logs of positive
        things fold back (`e^{k log a} = a^k`)."""
        out = Poly.const(1)
        for m, c in u.terms.items():
            single = next(iter(m)) if len(m) == 1 else None
            if single is not None and single[1] == 1 and single[0][0] == "log" and \
                    _sign(single[0][1]) == POS:
                inner = single[0][1]            # a positive sum sealed for its log: unsealed
                base = Poly.from_key(inner[1]) if inner[0] == "poly" else Poly.atom(inner)
                out = out * (self.integer_power(base, int(c)) if c.denominator == 1 else
                             self.rational_power(base, c))
            elif single is not None and single[1] == 1 and single[0][0] == "logp":
                out = out * self._root(Fraction(single[0][1]), c)
            else:
                unit = Poly({m: Fraction(1)}).key()
                if c.denominator == 1 or _real_key(unit):
                    out = out * Poly({frozenset({(("exp", unit), c)}): Fraction(1)})
                else:
                    out = out * Poly.atom(("exp", Poly({m: c}).key()))
        return out

    # ================================================================== functions
    def function(self, fname, args):
        if fname == "log":
            return self.log(args[0])
        if fname == "exp":
            return self.exp(args[0])
        if fname in ("sin", "cos", "sinh", "cosh", "tan", "tanh"):
            return self._via_exp(fname, args[0])
        if fname == "binom":
            n, k = (a.constant() for a in args)
            if n is not None and k is not None and n.denominator == k.denominator == 1 \
                    and 0 <= k <= n <= 10_000:
                from math import comb
                return Poly.const(comb(int(n), int(k)))
            return Poly.atom(("opq", "binom", args[0].key(), args[1].key()))
        if fname == "factorial":
            return self.factorial(args[0])
        if fname == "gamma":                  # Euler's Γ (a family's normaliser)
            return euler.gamma(self, args[0]) if self.poly_positivity(args[0]) == POS else \
                Poly.atom(("fn", "gamma", args[0].key()))
        if fname == "delta":
            return self.kronecker(*args)
        if fname == "root":
            return self.real_root(args[0], int(args[1].constant()))
        if fname == "abs":
            return self.absolute(args[0])
        if fname in ("ceil", "floor"):        # an integer: real exactly when its argument is
            return Poly.atom(("fn", fname, args[0].key(),
                              REAL if self.sign(args[0]) != COMPLEX else COMPLEX))
        return Poly.atom(("fn", fname, args[0].key()))

    def factorial(self, u):
        """u!: the number for a whole number up to 10000; else (v + c)! for the whole
        number c in u's constant term is v! times (v + 1)⋯(v + c), or v! over v(v − 1)⋯
        (v + c + 1) for c < 0 (the recurrence (n + 1)! = (n + 1)·n!), with v! an atom, so
        that x / x! and 1 / (x − 1)! are one value."""
        n = u.constant()
        if n is not None:
            if n.denominator != 1 or n < 0:
                raise Undefined(f"the factorial of {n}, not a whole number ≥ 0")
            if n > 10_000:
                raise Unsupported("a factorial too large to compute")
            from math import factorial
            return Poly.const(factorial(int(n)))
        c = u.terms.get(ONE_MONOMIAL, Fraction(0))
        if c.denominator != 1 or abs(c) > MAX_EXPONENT:
            c = Fraction(0)
        v = u - Poly.const(c)
        value = Poly.atom(("fn", "factorial", v.key(), POS) if self._whole_at_least_zero(v)
                          else ("fn", "factorial", v.key()))
        for j in range(1, int(c) + 1):
            value = self.times(value, v + Poly.const(j))
        for j in range(0, -int(c)):
            value = self.times(value, self.integer_power(v - Poly.const(j), -1))
        return value

    def _whole_at_least_zero(self, v):
        """Whether v is shown a whole number ≥ 0 (`k_i` of a family declared integer and
        nonnegative, `n + m` of naturals): whole-valued (`whole_valued`) with a sign shown
        ≥ 0. Then v! ≥ 1 is positive (its atom says so), as the factor 1/k_i! of a Poisson
        likelihood's product must be."""
        return self.sign(v) in (POS, NONNEG) and self.whole_valued(v)

    def whole_valued(self, v):
        """Whether v is a whole number for every value of its names: whole coefficients,
        names (symbols, family members) declared whole numbers, to whole powers ≥ 0."""
        if any(Fraction(c).denominator != 1 for c in v.terms.values()):
            return False
        for m in v.terms:
            for atom, e in m:
                if atom[0] not in ("sym", "call") or Fraction(e).denominator != 1 or e < 0:
                    return False
                declaration = next((d for name, d in self.context.table.items()
                                    if name.serial == atom[2]), None)
                if declaration is None or not declaration.domain.is_integer:
                    return False
        return True

    def absolute(self, u):
        """|u|: u itself when u is shown ≥ 0, −u when −u is; |c| for a rational c; else an
        atom of u or −u, whichever has the smaller canonical text (|t − μ| = |μ − t|),
        marked real-argument when u is real (so that |u|^2k = u^2k)."""
        c = u.constant()
        if c is not None:
            return Poly.const(abs(c))
        if self.sign(u) in (POS, NONNEG):
            return u
        if self.sign(-u) in (POS, NONNEG):
            return -u
        for serial, low, high in self._bounds:
            sign = self._sign_on_range(u, serial, low, high)
            if sign is not None:
                return u.scale(sign)
        key = min(u.key(), (-u).key(), key=canonical)
        return Poly.atom(("fn", "abs", key, NONNEG, self.sign(u) != COMPLEX))

    def _sign_on_range(self, u, serial, low, high):
        """1 (or −1) when u = a·t + b, with a a nonzero rational, is shown ≥ 0 (≤ 0) for
        every t from `low` to `high` (None: unbounded) — by its value at an end: an
        increasing u is at least its value at the lower end and at most its value at the
        upper end; a decreasing one the other way round. Else None."""
        found = [a for a in u.atoms() if a[0] == "pt" and a[1] == ("ph", serial)]
        if len(found) != 1 or any(a == found[0] and e != 1 for m in u.terms for a, e in m):
            return None
        t = found[0]
        slope = Poly({m - {(t, 1)}: c for m, c in u.terms.items() if (t, 1) in m}).constant()
        if not slope:
            return None
        rest = Poly({m: c for m, c in u.terms.items() if (t, 1) not in m})
        for end, lower in ((low, True), (high, False)):
            if end is None:
                continue
            value = rest + self.value(end).scale(slope)
            sign = 1 if (slope > 0) == lower else -1       # the side u lies on of u(end)
            if self.sign(value.scale(sign)) in (POS, NONNEG):
                return sign
        return None

    def kronecker(self, a, b):
        """δ_{ab} of two whole numbers: 1 where they are one polynomial, 0 where they differ
        by a non-zero constant or a hypothesis says they differ (`i \\ne k`:
        `WholeRange.distinct`), else an atom symmetric in a and b (δ_{jk} = δ_{kj})."""
        gap = (a - b).constant()
        if (a - b).is_zero() or gap is not None:
            return Poly.const(1 if gap == 0 or (a - b).is_zero() else 0)
        if self._distinct(a, b) or self._distinct(b, a):
            return Poly()
        return Poly.atom(("fn", "delta", tuple(sorted((a.key(), b.key()), key=canonical)),
                          NONNEG))

    def _distinct(self, a, b):
        """Whether a is a symbol a hypothesis says differs from b (`i \\ne k`)."""
        if len(a.terms) != 1:
            return False
        ((monomial, coefficient),) = a.terms.items()
        if coefficient != 1 or len(monomial) != 1:
            return False
        ((atom, power),) = monomial
        if power != 1 or atom[0] != "sym":
            return False
        info = next((d.info for name, d in self.context.table.items()
                     if name.serial == atom[2]), None)
        return isinstance(info, WholeRange) and \
            any((self.value(other) - b).is_zero() for other in info.distinct)

    def real_root(self, u, n):
        """The real n-th root of u, n odd (`\\sqrt[3]{-8} = -2`): the principal root of a
        u shown ≥ 0; of a monomial of real factors, the product of the factors' real roots
        (odd roots are multiplicative over the reals: ∛(-a³) = -a for real a). Otherwise an
        atom, real exactly when u is (the real root of a complex number is undefined)."""
        sign = self.sign(u)
        if sign in (POS, NONNEG):
            return self.rational_power(u, Fraction(1, n))
        single = u.single()
        if single is not None and sign != COMPLEX:
            c, m = single
            if all(_sign(a) == POS or (Fraction(e) / n).denominator == 1 for a, e in m):
                root = self._root(abs(Fraction(c)), Fraction(1, n)).scale(1 if c > 0 else -1)
                for a, e in m:
                    k = Fraction(e) / n
                    root = root * (self.integer_power(Poly.atom(a), int(k))
                                   if k.denominator == 1 else
                                   self.rational_power(Poly.atom(a), k))
                return root
        return Poly.atom(("fn", f"root{n}", u.key(), REAL if sign != COMPLEX else COMPLEX))

    def _via_exp(self, fname, u):
        """sin, cos, tan and the hyperbolic functions written with exponentials."""
        i = Poly.atom(("i",))
        turn = i * u if fname in ("sin", "cos", "tan") else u
        plus, minus = self.exp(turn), self.exp(turn.scale(-1))
        odd, even = (plus - minus).scale(Fraction(1, 2)), (plus + minus).scale(Fraction(1, 2))
        if fname in ("sin", "tan"):
            odd = self._fold(odd * Poly.atom(("i",), -1))       # sin u = (e^{iu} - e^{-iu}) / 2i
        if fname in ("sin", "sinh"):
            return odd
        if fname in ("cos", "cosh"):
            return even
        return self._fold(odd * self.integer_power(even, -1))

    # ================================================================== signs
    def sign(self, poly):
        """POS, NONNEG, REAL or COMPLEX for a poly, from its atoms' signs."""
        return _poly_sign(poly)


def _poly_sign(poly):
    """POS, NONNEG, REAL or COMPLEX for a poly, from its atoms' signs — where the poly is
    defined: u^{-2} of a real u, u^{-1} of a u ≥ 0 are ≥ 0 (u = 0 is no instance)."""
    if poly.is_zero():
        return NONNEG
    signs = set()
    for m, c in poly.terms.items():
        term = POS                      # c ≠ 0; a negative c is handled below
        for a, e in m:
            s = _sign(a)
            if s == POS:
                continue
            if s in (REAL, NONNEG) and isinstance(e, int) and e % 2 == 0:
                term = NONNEG if term in (POS, NONNEG) else term
            elif s == NONNEG and (e > 0 or Fraction(e).denominator == 1):
                term = NONNEG if term in (POS, NONNEG) else term   # 1/u > 0 where defined
            else:
                term = REAL if s in (REAL, NONNEG) and term != COMPLEX and \
                    Fraction(e).denominator == 1 else COMPLEX
        if c < 0 and term in (POS, NONNEG):
            term = REAL
        signs.add(term)
    if signs <= {POS, NONNEG} and POS in signs:
        return POS
    if signs <= {POS, NONNEG}:
        return NONNEG
    if COMPLEX in signs or None in signs:
        return COMPLEX
    return _cleared_sign(poly.key()) if REAL in signs else REAL


@lru_cache(maxsize=1 << 14)
def _cleared_sign(key):
    """The sign of a poly of real terms (`key`) over the common denominator of its positive
    sums, written out (1 − ε/(1 + ε), the upper bound t < 1 of a positive t written
    t = ε/(1 + ε); (1 + ε) − ε): multiplied by the product D of those sums to the power they
    are divided by, the poly keeps its sign (D > 0), and with every such sum expanded,
    (1 + ε) − ε = 1 shows what the terms one by one do not. REAL when there is no such sum,
    the powers are large, or the expansion shows no sign either."""
    return _by_common_denominator(Poly.from_key(key))


def _by_common_denominator(poly):
    powers, highest = {}, 0
    for m in poly.terms:
        for a, e in m:
            if a[0] == "poly" and a[2] == POS and isinstance(e, int):
                powers[a] = max(powers.get(a, 0), -e)
                highest = max(highest, abs(e))
    if not powers or len(powers) > 2 or highest > 3:
        return REAL
    try:
        cleared = Poly()
        for m, c in poly.terms.items():
            term = Poly({frozenset((a, e) for a, e in m if a not in powers): c})
            for a, k in powers.items():
                term = term * _expanded_power(Poly.from_key(a[1]), dict(m).get(a, 0) + k)
            cleared = cleared + term
    except TooLarge:
        return REAL
    sign = _poly_sign(cleared)
    return sign if sign in (POS, NONNEG) else REAL


def _expanded_power(inner, e):
    result = Poly.const(1)
    for _ in range(e):
        result = result * inner
    return result


# ====================================================================== helpers

def _sign(atom):
    kind = atom[0]
    if kind == "sym":
        return atom[3]
    if kind == "pt":
        return atom[2] if atom[2] != COMPLEX else COMPLEX
    if kind == "dens":
        return atom[9]                  # positive, or ≥ 0 off a declared support
    if kind in ("pi", "prime"):
        return POS
    if kind == "poly":
        return atom[2]
    if kind == "call":
        return atom[4]
    if kind == "exp":
        return POS if _real_key(atom[1]) else COMPLEX
    if kind == "log":
        return _log_sign(atom[1]) if _sign(atom[1]) == POS else COMPLEX
    if kind == "logp":
        return POS
    if kind == "int":
        return _measure_sign(atom[1][1])
    if kind == "dd":
        return REAL
    if kind == "integral":
        return atom[2]
    if kind == "opt":
        return atom[5]
    if kind == "fn" and len(atom) > 3:
        return atom[3]
    return COMPLEX


def _log_sign(inner):
    """The sign of log u for u > 0: POS when u is a constant c ≥ 1 plus terms of positive
    coefficients and non-negative atoms (log(1 + δ) for δ > 0, the `b > 1` of `\\log_b`)
    with c > 1 or a positive term, NONNEG when c = 1 and the terms are ≥ 0, else REAL."""
    if inner[0] != "poly":
        return REAL
    terms = dict(inner[1])
    constant = terms.pop(frozenset(), 0)
    if constant < 1 or any(c < 0 for c in terms.values()):
        return REAL
    signs = [_poly_sign(Poly({m: c})) for m, c in terms.items()]
    if any(sign not in (POS, NONNEG) for sign in signs):
        return REAL
    return POS if constant > 1 or POS in signs else NONNEG


def _measure_sign(range_id):
    """The sign of the measure an integration copy integrates against. A variable's whole
    range, an index set and the line are positive; `∫_a^b` is −∫_b^a when b < a, so it is
    a positive measure only where b − a is shown positive (zero width: NONNEG), else REAL
    (COMPLEX for complex ends); a sum from a to b is empty (0) when b < a, so its counting
    measure is positive only where its whole bounds have b − a + 1 shown positive (≥ 1),
    else NONNEG."""
    if range_id[0] == "int" and not all(isinstance(end, str) or _real_key(end)
                                        for end in range_id[1:3]):
        return COMPLEX          # a path from or to a complex end: no measure on the line
    if range_id[0] not in ("int", "sum") or not _finite(range_id):
        return POS
    width = Poly.from_key(range_id[2]) - Poly.from_key(range_id[1])
    if range_id[0] == "sum":
        return POS if _poly_sign(width + Poly.const(1)) == POS else NONNEG
    return _poly_sign(width)


def _real_key(key):
    """Whether a poly key is real-valued: real atoms, integer exponents (or positive atoms)."""
    for m, _ in key:
        for a, e in m:
            s = _sign(a)
            if s == COMPLEX:
                return False
            if Fraction(e).denominator != 1 and s != POS:
                return False
    return True


def _bernoulli(k):
    """B_0 … B_k with B_1 = +1/2 (the convention of Σ_{i=1}^{n} i^k)."""
    b = [Fraction(1)]
    for m in range(1, k + 1):
        b.append(-sum(comb(m + 1, j) * b[j] for j in range(m)) / Fraction(m + 1))
    if k >= 1:
        b[1] = Fraction(1, 2)
    return b


def _is_point(key, copy):
    """Whether a poly key is exactly the point of `copy`."""
    if len(key) != 1:
        return False
    ((m, c),) = key
    if c != 1 or len(m) != 1:
        return False
    ((a, e),) = m
    return e == 1 and a[0] == "pt" and a[1] == copy


def _divide(numerator, divisor, steps=256):
    """R with numerator = divisor · R exactly, or None: division by leading terms in a lex
    order of the atoms' exponents. That order is a group order on Laurent monomials, so the
    leading term of a product is the product of leading terms: when the divisor divides,
    each step takes off one term of R and the remainder reaches zero. The same fact bounds
    R from below — its least term is least(numerator) / least(divisor) — so a quotient term
    under that bound shows the divisor does not divide (the steps are a last guard)."""
    atoms = sorted({a for m in itertools.chain(numerator.terms, divisor.terms) for a, _ in m},
                   key=canonical)

    def order(m):
        exps = dict(m)
        return tuple(exps.get(a, 0) for a in atoms)

    if numerator.is_zero():
        return Poly()
    lead = max(divisor.terms, key=order)
    lead_c = divisor.terms[lead]
    floor = tuple(a - b for a, b in zip(order(min(numerator.terms, key=order)),
                                        order(min(divisor.terms, key=order))))
    quotient = Poly()
    for _ in range(max(steps, 4 * len(numerator.terms))):
        if numerator.is_zero():
            return quotient
        top = max(numerator.terms, key=order)
        mono = mono_mul(top, mono_pow(lead, -1))
        if order(mono) < floor:
            return None
        term = Poly({mono: numerator.terms[top] / lead_c})
        quotient = quotient + term
        numerator = numerator - term * divisor
    return None


def _integer(term):
    return type(term) is Num and term.value.denominator == 1


def _whole_line(lower, upper):
    return lower is Mul(MINUS_ONE, OO) and upper is OO


def _factors(term, held):
    """The factors of a product's body: a product's arguments, a definition used (not
    held at its parameters) by its body, each read alike."""
    if isinstance(term, Defined) and term.name not in held:
        return _factors(term.body, held)
    if isinstance(term, Mul):
        return [f for a in term.args for f in _factors(a, held)]
    return [term]


def _infinite(lower, upper):
    return any(t is OO or t is Mul(MINUS_ONE, OO) for t in (lower, upper))


def _finite(range_id):
    return not any(isinstance(k, str) for k in range_id[1:])


def _cancel_sealed(m):
    """A monomial with each integral I that it holds both whole (as a sealed atom to a
    negative power) and written out (its integration copy and the factors under it)
    cancelled once: (∫ f) · (∫ f)^-1 = 1. Only integrals over one copy are matched."""
    for atom, e in m:
        if atom[0] != "poly" or e >= 0 or len(atom[1]) != 1:
            continue
        ((inner, coefficient),) = atom[1]
        copies = [a[1] for a, _ in inner if a[0] == "int"]
        if len(copies) != 1 or coefficient != 1:
            continue
        (own,) = copies
        for copy in [a[1] for a, _ in m if a[0] == "int" and a[1][1] == own[1]]:
            wanted = dict(_replace(inner, own, copy))
            under = {a: x for a, x in m if a != atom and _mentions(a, copy)}
            if under == wanted:
                rest = {a: x for a, x in m if a not in under}
                rest[atom] = e + 1
                return _cancel_sealed(frozenset((a, x) for a, x in rest.items() if x))
    return m


def _has_integrals(poly):
    return any(a[0] == "int" for m in poly.terms for a, _ in m)


def _frees_a_bound_copy(quotient, atom):
    """Whether `quotient`, of a division by the sum S of the atom ("poly", S), mentions a
    variable that S binds: S's sums and integrals are its own, numbered like those of the
    terms divided (each from 1), so Σ_k p_k³ divided by S = Σ_j p_j would leave p_k² with
    its sum's marker taken by S — k free, and Σ_k (p_k/S)² = Σ_k (p_k/S)³ 'proved'. The
    division is sound only when the quotient is free of them (Σ_k w_k / Σ_j w_j = 1)."""
    bound = {a[1] for m in Poly.from_key(atom[1]).terms for a, _ in m if a[0] == "int"}
    return bool(bound) and any(_mentions(a, copy) for m in quotient.terms for a, _ in m
                               for copy in bound)


def _mentions_copy(atom, monomial):
    """Whether an atom of `monomial` is an integral marker or depends on one's variable."""
    if atom[0] == "int":
        return True
    return any(_mentions(atom, a[1]) for a, _ in monomial if a[0] == "int")


def _mentions(obj, target):
    """Whether `obj` is `target` or holds it, at any depth of its tuples and frozensets.
    The walk recurses only into containers (keys are mostly leaves: names, numbers)."""
    if obj == target:
        return True
    if isinstance(obj, (tuple, frozenset)):
        for x in obj:
            if x == target or isinstance(x, (tuple, frozenset)) and _mentions(x, target):
                return True
    return False


def _mentions_free(obj, copy):
    """Whether `obj` mentions `copy` where it is free: not inside a sealed sum's monomial
    that binds a copy of that name itself (numbered from 1 like the terms around it,
    `_put_free`). Σ_i c · (Σ_k e^{z_k})⁻¹ is C times the rest: the sealed sum's own index
    is no dependence on i."""
    if obj == copy:
        return True
    if isinstance(obj, frozenset) and any(isinstance(x, tuple) and len(x) == 2 and
                                          x[0] == ("int", copy) for x in obj):
        return False
    if isinstance(obj, (tuple, frozenset)):
        return any(x == copy or isinstance(x, (tuple, frozenset)) and _mentions_free(x, copy)
                   for x in obj)
    return False


def _at_least_zero(count, depth=0):
    """Whether the number of terms `count` (= upper − lower + 1) of a sum is ≥ 0 for every
    value of its names, so that a closed form of the sum holds: a natural symbol is ≥ 1, an
    integer one is anything, and an index of an enclosing sum lies between that sum's
    bounds (for other values the inner sum is never evaluated). An index that occurs
    linearly is replaced by the bound that makes the count smallest; what remains must be
    a constant plus positive multiples of products of naturals and even powers. The bounds are whole numbers (`_whole`), so
    a positive symbol here is a natural one."""
    index = next((a for m in count.terms for a, _ in m
                  if a[0] == "pt" and a[1][0] == "cp" and a[1][1][0] == "sum"
                  and len(a[1][1]) == 3), None)
    if index is not None:
        if depth > 8 or any(dict(m).get(index) not in (None, 1) or
                            index in dict(m) and len(m) > 1 for m in count.terms):
            return False
        slope = count.terms[frozenset({(index, 1)})]
        bound = Poly.from_key(index[1][1][1 if slope > 0 else 2])
        rest = Poly({m: c for m, c in count.terms.items() if index not in dict(m)})
        return _at_least_zero(rest + bound.scale(slope), depth + 1)
    least = Fraction(0)
    for m, c in count.terms.items():
        if not m:
            least += c
        elif c < 0 or not all(a[0] == "sym" and e > 0 and (a[3] == POS or e % 2 == 0)
                              for a, e in m):
            return False
        elif all(a[3] == POS for a, _ in m):
            least += c                       # a product of naturals is ≥ 1
    return least >= 0                        # (with an even power of an integer: ≥ 0)


def _positive_factor(objective, serial):
    """(c, g) with objective = c·g, c the positive part that does not move with the
    optimum's variable (serial): its atoms shown > 0 that are free of the variable and
    common to every term (at their least power, as `split_content` takes a monomial
    factor) times the absolute value of g's leading coefficient — so max_t (c·g(t)) =
    c·max_t g(t) for c > 0 is one form, whichever side of the max c is written on
    (`\\sup_t [u t - f^*(t)]\\, q(x) = \\sup_t [u q(x) t - f^*(t) q(x)]`, q(x) > 0). A factor
    not shown > 0 stays inside: for c < 0, max_t c·g = c·min_t g, a different optimum, and
    c = 0 would hide a g with no finite max."""
    if objective.is_zero():
        return Poly.const(1), objective
    exponents = [dict(m) for m in objective.terms]
    common = {}
    for a in set().union(*exponents):
        if all(a in exps for exps in exponents) and _rebind(a, serial, None) == a and \
                _sign(a) == POS:
            common[a] = min(exps[a] for exps in exponents)
    monomial = frozenset((a, e) for a, e in common.items() if e)
    inverse = mono_pow(monomial, -1)
    rest = Poly({mono_mul(m, inverse): c for m, c in objective.terms.items()})
    content = abs(rest.terms[leading(rest)])
    return Poly({monomial: content}), rest.scale(1 / content)


def _marks(obj):
    """The bound-variable markers ("ob", level) of the optima inside a key."""
    if isinstance(obj, tuple) and len(obj) == 2 and obj[0] == "ob":
        yield obj
    elif isinstance(obj, (tuple, frozenset)):
        for x in obj:
            yield from _marks(x)


def _rebind(obj, serial, mark):
    """A key with an optimum's bound variable (serial) replaced by `mark`: its placeholder
    ("ph", serial) and, for a bound function, the name in its call atoms."""
    if obj == ("ph", serial):
        return mark
    if isinstance(obj, tuple):
        if len(obj) == 5 and obj[0] == "call" and obj[2] == serial:
            return ("call", mark, mark, _rebind(obj[3], serial, mark), obj[4])
        return tuple(_rebind(x, serial, mark) for x in obj)
    if isinstance(obj, frozenset):
        return frozenset(_rebind(x, serial, mark) for x in obj)
    return obj


def _atoms_in(obj):
    """The atoms inside an atom's polynomial keys (the point of `y_j` in its call atom)."""
    if isinstance(obj, tuple) and len(obj) >= 2 and obj[0] == "pt":
        yield obj
    elif isinstance(obj, (tuple, frozenset)):
        for x in obj:
            yield from _atoms_in(x)


def _replace(obj, old, new):
    """`obj` with every part equal to `old` replaced by `new` (tuples and frozensets are
    rebuilt as such); leaves are compared in place rather than walked into."""
    if obj == old:
        return new
    if isinstance(obj, tuple):
        return tuple([new if x == old else _replace(x, old, new)
                      if isinstance(x, (tuple, frozenset)) else x for x in obj])
    if isinstance(obj, frozenset):
        return frozenset([new if x == old else _replace(x, old, new)
                          if isinstance(x, (tuple, frozenset)) else x for x in obj])
    return obj


def _put_free(obj, copy, old, new):
    """`obj` with `old` (the point of `copy`) replaced by `new` where it is free: a sealed
    sum's monomials are numbered from 1 like the terms around them, so one that holds the
    marker ("int", copy) binds a copy of that same name — its own index, left as is. In
    Σ_i Σ_m (y_i δ_{im} / ŷ_i) · …, ŷ_i's denominator Σ_k e^{z_k} is such a sum: δ_{im}
    summed out put m for its k too (Σ_k e^{z_m}), and the chain rule through a softmax
    did not reduce."""
    if obj == old:
        return new
    if isinstance(obj, frozenset) and any(isinstance(x, tuple) and len(x) == 2 and
                                          x[0] == ("int", copy) for x in obj):
        return obj
    if isinstance(obj, tuple):
        return tuple([_put_free(x, copy, old, new) if isinstance(x, (tuple, frozenset))
                      else x for x in obj])
    if isinstance(obj, frozenset):
        return frozenset([_put_free(x, copy, old, new) if isinstance(x, (tuple, frozenset))
                          else x for x in obj])
    return obj


def _renumber(m):
    """Copies renumbered 1, 2, … per range, in an order fixed by what each copy touches."""
    copies = [a[1] for a, _ in m if a[0] == "int"]
    if not copies:
        return m
    by_range = {}
    for copy in copies:
        by_range.setdefault(copy[1], []).append(copy)
    mapping = {}
    for range_id, group in by_range.items():
        def signature(copy):
            touched = frozenset(_replace(x, copy, ("cp", range_id, 0)) for x in m
                                if _mentions(x, copy))
            return hash(touched)
        for k, copy in enumerate(sorted(group, key=signature), 1):
            mapping[copy] = ("cp", range_id, -k)
    for copy, temp in mapping.items():
        m = _replace(m, copy, temp)
    for copy, temp in mapping.items():
        m = _replace(m, temp, ("cp", temp[1], -temp[2]))
    return m


def _together(poly, times):
    """(numerator, denominator or None): negative powers of sums moved to a denominator
    (`times` multiplies, keeping integrals apart)."""
    denominators = {}
    for m in poly.terms:
        for a, e in m:
            if a[0] == "poly" and e < 0 and Fraction(e).denominator == 1:
                denominators[a] = max(denominators.get(a, 0), -int(e))
    if not denominators:
        return poly, None
    numerator = []
    for m, c in poly.terms.items():
        exps = dict(m)
        term = Poly({frozenset((a, e) for a, e in m if a not in denominators): c})
        for a, k in denominators.items():
            expanded = Poly.from_key(a[1])
            for _ in range(k + int(exps.get(a, 0))):
                term = times(term, expanded)
        numerator.append(term)
    denominator = Poly.const(1)
    for a, k in denominators.items():
        for _ in range(k):
            denominator = times(denominator, Poly.from_key(a[1]))
    return Poly.sum(numerator), denominator


def _factor(n):
    if n > MAX_FACTOR:
        raise Unsupported("a number too large to factor quickly")
    factors, d = {}, 2
    while d * d <= n:
        while n % d == 0:
            factors[d] = factors.get(d, 0) + 1
            n //= d
        d += 1
    if n > 1:
        factors[n] = factors.get(n, 0) + 1
    return factors


def prove_equal(lhs, rhs, context, deadline=None):
    """True when lhs - rhs normalises to zero; False when it normalises to something else.
    Raises `Unsupported` (no normal form) or `Undefined` (a side has no value)."""
    return difference(lhs, rhs, context, deadline).is_zero()


def difference(lhs, rhs, context, deadline=None):
    """The normal form of lhs - rhs (with sums over a common denominator cancelled). A
    derivative of an expectation of an opaque function has two forms, through the density
    (score function) and pathwise (reparametrised, `calculus`): equal, but not to each
    other by algebra (by parts), so when the first does not cancel the second is tried."""
    value = _difference(lhs, rhs, context, deadline, False)
    if value.is_zero() or not any(isinstance(t, Deriv) for side in (lhs, rhs)
                                  for t in nodes(side)):
        return value
    try:
        second = _difference(lhs, rhs, context, deadline, True)
    except Unsupported as exc:
        if str(exc) == "out of time":
            raise
        return value
    except Undefined:
        return value
    return second if second.is_zero() else value


def _difference(lhs, rhs, context, deadline, pathwise):
    n = Normaliser(context, deadline, pathwise=pathwise)
    value = n.value(lhs) - n.value(rhs)
    if value.is_zero():
        return value
    value = n.cancel_sums(value)
    if _has_integrals(value):
        for way in ranges.spread(n, value):    # ∫_0^a + ∫_a^∞ = ∫_0^∞ (additivity)
            refined = ranges.refine(n, way)
            if refined.is_zero():
                return refined
    return value



TOTAL = frozenset({"exp", "sin", "cos", "sinh", "cosh"})    # defined at every number


def defined_everywhere(term, n):
    """Whether `term` has a value at every instance of n's context: its powers are whole and
    non-negative or of a positive base, its functions are defined everywhere or a log of
    something positive. The normal form cancels a/a to 1 and signs 1/u² ≥ 0 where it is
    defined, which says nothing where a = 0 or u = 0: a hypothesis written with such a term
    is not implied, and a φ with a pole where its argument lies is no convex function there
    (Jensen's inequality fails across the pole). May raise `Unsupported` or `Undefined`."""
    for t in nodes(term):
        if isinstance(t, Pow):
            exponent = t.exponent
            whole = isinstance(exponent, Num) and exponent.value.denominator == 1 and \
                exponent.value >= 0
            if not whole and n.sign(n.value(t.base)) != POS:
                return False
        elif isinstance(t, Fn) and t.fname not in TOTAL and not (
                t.fname == "log" and n.sign(n.value(t.operands[0])) == POS):
            return False
    return True

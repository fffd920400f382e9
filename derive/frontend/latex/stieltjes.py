"""Differentials of an expression: `\\int \\mathrm{d}(\\sigma z' + \\mu)\\, g(z')`.

A change of variables written with its differential (Datumorphism's reparametrisation
`\\int \\mathrm d \\left( \\sigma z' + \\mu \\right) \\frac{1}{\\sigma} … f(\\sigma z' + \\mu)`)
is the Lebesgue–Stieltjes integral ∫ g(t) du(t) over the whole range of its variable t. derive
reads it where that integral is the substitution the author means, and refuses it elsewhere:

* **What is a differential of an expression.** In an integral with no differential `d x`,
  `d( u )` (also `\\mathrm{d}\\left( u \\right)`: round brackets, one argument, no power)
  with `d` no name of the file (declared, defined or bound) — written right after `\\int`
  (its integrand the rest of the run, as for `\\int dz\\, g`) or last in the run (its
  integrand what stands between). One elsewhere in the run, or a second one, is refused.
  Right after `\\int` it is a differential even when a `d x` follows (`\\int d(x)\\, p(x)\\, dx`:
  two differentials, refused — declare d, `% derive: function d`, for a function); anywhere
  else in an integral closed by `d x` the d is what it was (a function). One closing an
  integrand that is a sum (`\\int p(z) + f(z) \\, d(\\sigma z)`) is refused: bracket it.
* **Its variable** t is the one letter of u that is a variable of the file (declared, or a
  renamed copy of one: `z'`, `\\tilde z`) or that the file does not declare (as `dt` binds
  an undeclared t); none, or several (`d(x + t)`), is refused, and so is a discrete or vector
  variable.
* **The reading**: for u = a·t + b, affine in t with a coefficient a shown positive (from the
  declarations and hypotheses: `positive \\sigma`), ∫ g(t)·a dt over t's whole range — the
  Stieltjes integral and the substitution z = u(t) over the whole line agree there. A negative
  coefficient is refused: over the whole line the Stieltjes integral ∫ g(t)·a dt is the
  opposite of the substitution's ∫ g(t)·|a| dt (the orientation is reversed), so which one
  the author means is not known; so is a coefficient of unknown sign, and any u not affine in
  t (`d(t^2)`: write `\\int g(t)\\, 2t \\, dt`).
* **Limits** (`\\int_a^b d(u)\\, g`): limits of t (the Stieltjes integral ∫_a^b g du) or of u
  (the variable substituted, kept from `\\int_a^b dz`)? Read as t's, ∫_a^b g u' dt for any
  differentiable u, only where the other reading is the same or none
  (`_limits_of_the_variable`): u affine with a positive slope putting each limit at itself,
  or u shown of a sign some limit is not of; refused otherwise. A subscript naming t's whole
  range (`\\int_{\\mathbb{R}}`) is read as no limits.
"""

from __future__ import annotations

from derive.frontend.errors import InputError
from derive.frontend.latex.pieces import NamePiece
from derive.model.names import Kind
from derive.model.terms import MINUS_ONE, OO, Mul, Num, substitute
from derive.notation.vectors import VectorVariableInfo


_NEGATIVE = "neg"      # u shown negative (normal_form names only the positive sign)


class Stieltjes:
    """The reading of `d( u )` in an integral, mixed into `Reader`."""

    def stieltjes(self, piece, bracket, body):
        """∫ g(t) a dt for `\\int d(a t + b) g` (`body`: the pieces of g; documented
        above)."""
        node = bracket.node
        key = self._differential_variable(bracket)
        limited = piece.sup is not None or piece.sub is not None and \
            not self._whole_range(piece.sub, key)
        limits = (self.term(piece.sub), self.term(piece.sup)) \
            if limited and piece.sub is not None and piece.sup is not None else None

        def integrand():
            from derive.engines import normal_form
            var = self.bound_name(key)
            u = self.term(bracket.args[0])
            n = normal_form.Normaliser(self.scope.context)
            if limited:
                return Mul(self.product(body), self._limits_of_the_variable(
                    u, var, limits, n, piece.node, key))
            problem = ("derive reads a differential d(u) only of an expression affine in " +
                       key + " with a coefficient shown positive (d(\\sigma z' + \\mu), "
                       "positive \\sigma): write \\int g u' \\, d" + key)
            slope, _ = self._affine(u, var, n, node, problem)
            if n.positivity(slope) != normal_form.POS:
                raise self.error("d(u) with a negative coefficient of " + key + " reverses the "
                                 "orientation: over the whole line the Stieltjes integral "
                                 "\\int g u' d" + key + " is the opposite of the substitution "
                                 "\\int g |u'| d" + key + " — write the one meant", node)
            g = self.product(body)
            return g if slope is Num(1) else Mul(g, slope)
        return self._integral(piece, integrand, key)

    def _limits_of_the_variable(self, u, var, limits, n, node, key):
        """u' when `\\int_a^b g\\, d(u)` can only mean the Stieltjes integral over
        a ≤ t ≤ b, ∫_a^b g u' dt — the limits are t's — because the other reading (a, b the
        limits of u, the variable substituted) is the same integral or none: u is affine
        with a positive slope and puts each limit at itself (`\\int_0^\\infty (\\lambda x)^k
        e^{-\\lambda x}\\, d(\\lambda x)`, positive λ: u(0) = 0, u(∞) = ∞), or u is shown of
        one sign that a limit is not of (`\\int_0^\\infty x^2\\, d(-e^{-\\lambda x})`: u < 0
        never reaches ∞), so no value of t gives u that limit. Refused otherwise (which limits
        are meant is not known)."""
        from derive.engines.calculus import NotDifferentiable, derivative
        from derive.engines.normal_form import POS, Undefined, Unsupported
        ambiguous = ("limits on an integral with a differential of an expression are "
                     "ambiguous (limits of " + key + ", or of the expression?): write "
                     "\\int_a^b g u' \\, d" + key)
        if limits is None:
            raise self.error(ambiguous, node)
        try:
            slope = derivative(u, var, self.scope.context)
            sign = POS if n.positivity(u) == POS else \
                _NEGATIVE if n.positivity(Mul(MINUS_ONE, u)) == POS else None
            if sign is not None and any(self._beyond(limit, sign, n) for limit in limits):
                return slope
            if self._puts_itself(u, var, slope, limits, n):
                return slope
        except (NotDifferentiable, Unsupported, Undefined):
            pass
        raise self.error(ambiguous, node)

    @staticmethod
    def _beyond(limit, sign, n):
        """Whether `limit` is shown of the sign opposite to u's (∞ against a negative u):
        no value of the variable gives u that limit."""
        from derive.engines.normal_form import POS
        if limit == OO or limit == Mul(MINUS_ONE, OO):
            return (limit == OO) != (sign == POS)
        opposite = limit if sign != POS else Mul(MINUS_ONE, limit)
        return n.positivity(opposite) == POS

    @staticmethod
    def _puts_itself(u, var, slope, limits, n):
        """Whether u is affine in the variable with a slope shown positive (no variable in
        it) and u(a) = a, u(b) = b at both limits (u(±∞) = ±∞ by the slope's sign)."""
        from derive.engines.normal_form import POS
        value = n.value(slope)
        if set(value.atoms()) & set(n.symbol(var).atoms()) or n.positivity(slope) != POS:
            return False
        for limit in limits:
            if limit == OO or limit == Mul(MINUS_ONE, OO):
                continue
            moved = substitute(u, {var: limit})
            if not (n.value(moved) - n.value(limit)).is_zero():
                return False
        return True

    def _differential_variable(self, bracket):
        """The variable of `d( u )`: the one letter of u that is a variable of the file (or a
        renamed copy or sample of one) or a letter the file does not declare — `d(x + t)`
        with x a variable and t undeclared could be over either: refused."""
        keys = set()
        for run in bracket.args[0].iter_subtrees():
            if run.data != "run":
                continue
            for item in run.children:
                try:
                    p = self.piece(item)
                except InputError:
                    continue
                if isinstance(p, NamePiece):
                    keys.add(p.key)
        variables = sorted(k for k in keys if self.bound_name(k) is None and (
            self.sample_of(k) is not None or self.declared(k) is not None and
            self.declared(k)[1].kind is Kind.VARIABLE) or self._fresh_letter(k))
        if len(variables) != 1:
            raise self.error("d(u) integrates over the one variable of u, and "
                             + ("u has none" if not variables else
                                "u has several (" + ", ".join(variables) + ")")
                             + ": write the integral with its differential, \\int g \\, dt",
                             bracket.node)
        (key,) = variables
        found = self.declared(key) or self.sample_of(key)
        info = found[1].info if found is not None else None
        if getattr(info, "discrete", False) or isinstance(info, VectorVariableInfo):
            raise self.error(f"d(u) of the {'discrete' if getattr(info, 'discrete', False) else 'vector'} "
                             f"variable {key} is not read: write the sum or integral over "
                             f"{key}", bracket.node)
        return key

    def _fresh_letter(self, key):
        """Whether `key` may be the variable of `d( u )` as `dt` makes it one: not bound,
        declared, defined or a function of the file, nor a constant (`e`, `\\pi`) — an
        undeclared number used in other rows is a letter an integral may bind, as `dt` does."""
        found = self.scope.lookup(key)
        return self.bound_name(key) is None and key not in ("e", r"\pi", r"\infty") and \
            not self._head_labels(key) and (found is None or not found[1].declared and
                                            found[1].kind is Kind.SYMBOL)

"""The operators of probability notation, as SymPy expressions that stay unevaluated.

Each operator knows what it means as an integral over the support of its variable
(`as_integral`). Nothing here evaluates an integral: an integral is an opaque linear
functional, and the engines reason about its integrand pointwise.

Densities are SymPy undefined functions declared positive, applied to their variable
(`p_r(x)`); positivity is what lets `log(p/q)` split into `log p - log q`.
"""

from __future__ import annotations

from sympy import Expr, Rational, log
from sympy.core.function import AppliedUndef


class SupportIntegral(Expr):
    """`∫ integrand d var` over the whole support of `var` (a linear functional)."""

    def __new__(cls, integrand, var):
        return Expr.__new__(cls, integrand, var)

    @property
    def integrand(self):
        return self.args[0]

    @property
    def variable(self):
        return self.args[1]

    def _latex(self, printer):
        return r"\int %s \, d%s" % (printer._print(self.integrand), printer._print(self.variable))


class ProbabilityOperator(Expr):
    """Base of the operators that expand to integrals; subclasses define `as_integral`."""

    latex_name = ""

    def _latex(self, printer):
        inner = r" \| ".join(printer._print(a) for a in self.args)
        return r"%s\left(%s\right)" % (self.latex_name, inner)


def _variable_of(density: AppliedUndef):
    return density.args[0]


class Expectation(ProbabilityOperator):
    """`E_{x~p}[f] = ∫ p(x) f(x) dx`; args: (f, p(x))."""

    def __new__(cls, f, density):
        return Expr.__new__(cls, f, density)

    def as_integral(self):
        f, p = self.args
        return SupportIntegral(p * f, _variable_of(p))

    def _latex(self, printer):
        f, p = self.args
        return r"\mathbb{E}_{%s \sim %s}\left[%s\right]" % (
            printer._print(_variable_of(p)), printer._print(p), printer._print(f))


class KL(ProbabilityOperator):
    """`D_KL(p‖q) = ∫ p log(p/q)`; args: (p(x), q(x))."""

    latex_name = r"D_{\mathrm{KL}}"

    def __new__(cls, p, q):
        return Expr.__new__(cls, p, q)

    def as_integral(self):
        p, q = self.args
        return SupportIntegral(p * (log(p) - log(q)), _variable_of(p))


class JS(ProbabilityOperator):
    """`D_JS(p‖q) = ½ KL(p‖m) + ½ KL(q‖m)` with `m = (p+q)/2`; args: (p(x), q(x))."""

    latex_name = r"D_{\mathrm{JS}}"

    def __new__(cls, p, q):
        return Expr.__new__(cls, p, q)

    def as_integral(self):
        p, q = self.args
        m = (p + q) / 2
        half = Rational(1, 2)
        integrand = half * p * (log(p) - log(m)) + half * q * (log(q) - log(m))
        return SupportIntegral(integrand, _variable_of(p))


class Entropy(ProbabilityOperator):
    """`H(p) = -∫ p log p`; args: (p(x),)."""

    latex_name = "H"

    def __new__(cls, p):
        return Expr.__new__(cls, p)

    def as_integral(self):
        (p,) = self.args
        return SupportIntegral(-p * log(p), _variable_of(p))


class CrossEntropy(ProbabilityOperator):
    """`H(p, q) = -∫ p log q`; args: (p(x), q(x))."""

    latex_name = "H"

    def __new__(cls, p, q):
        return Expr.__new__(cls, p, q)

    def as_integral(self):
        p, q = self.args
        return SupportIntegral(-p * log(q), _variable_of(p))


def expand_operators(expr):
    """Rewrite every probability operator in `expr` as a `SupportIntegral`, innermost first."""
    return expr.replace(lambda e: isinstance(e, ProbabilityOperator), lambda e: e.as_integral())

"""The operators of probability notation, as SymPy expressions that stay unevaluated.

Each operator knows what it means as an integral over the support of its variable
(`as_integral`). Nothing here evaluates an integral: an integral is an opaque linear
functional, and the engines reason about its integrand pointwise.

Densities are SymPy undefined functions declared positive, applied to their variable
(`p_r(x)`); positivity is what lets `log(p/q)` split into `log p - log q`.
"""

from __future__ import annotations

from sympy import Expr, log


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
    """Base of the operators that expand to integrals.

    A divergence-like operator defines `pointwise(log, *densities)`: its integrand at one
    point, written once and generically, so that SymPy expressions, the normal form's
    polynomials and numbers (float or mpmath) all evaluate the same definition; `log` is
    the logarithm of whichever of those is in use.
    """

    latex_name = ""

    def __new__(cls, *args):
        return Expr.__new__(cls, *args)

    @property
    def variable(self):
        """The variable integrated over: that of the first density argument."""
        return self.args[-1].args[0] if isinstance(self, Expectation) else self.args[0].args[0]

    def as_integral(self):
        return SupportIntegral(self.pointwise(log, *self.args), self.variable)

    def _latex(self, printer):
        inner = r" \| ".join(printer._print(a) for a in self.args)
        return r"%s\left(%s\right)" % (self.latex_name, inner)


class Expectation(ProbabilityOperator):
    """`E_{x~p}[f] = ∫ p(x) f(x) dx`; args: (f, p(x))."""

    @staticmethod
    def pointwise(log, f, p):
        return p * f

    def _latex(self, printer):
        f, p = self.args
        return r"\mathbb{E}_{%s \sim %s}\left[%s\right]" % (
            printer._print(self.variable), printer._print(p), printer._print(f))


class KL(ProbabilityOperator):
    """`D_KL(p‖q) = ∫ p log(p/q)`; args: (p(x), q(x))."""

    latex_name = r"D_{\mathrm{KL}}"

    @staticmethod
    def pointwise(log, p, q):
        return p * (log(p) - log(q))


class JS(ProbabilityOperator):
    """`D_JS(p‖q) = ½ KL(p‖m) + ½ KL(q‖m)` with `m = (p+q)/2`; args: (p(x), q(x))."""

    latex_name = r"D_{\mathrm{JS}}"

    @staticmethod
    def pointwise(log, p, q):
        log_m = log((p + q) / 2)
        return (p * (log(p) - log_m) + q * (log(q) - log_m)) / 2


class Entropy(ProbabilityOperator):
    """`H(p) = -∫ p log p`; args: (p(x),)."""

    latex_name = "H"

    @staticmethod
    def pointwise(log, p):
        return -(p * log(p))


class CrossEntropy(ProbabilityOperator):
    """`H(p, q) = -∫ p log q`; args: (p(x), q(x))."""

    latex_name = "H"

    @staticmethod
    def pointwise(log, p, q):
        return -(p * log(q))


def expand_operators(expr):
    """Rewrite every probability operator in `expr` as a `SupportIntegral`, innermost first."""
    return expr.replace(lambda e: isinstance(e, ProbabilityOperator), lambda e: e.as_integral())

"""The symbolic engine: prove `lhs = rhs` through a canonical form built for our notation.

After `prepare`, each side is an expression in integrals over the support. The
difference `lhs - rhs` must be affine in those integrals: `c + Σ k_i ∫ g_i dv` with
constant `k_i` (otherwise the engine declines). Collecting per variable gives one
integrand `G_v` per variable. With densities read pointwise as positive symbols, logs of
products and quotients split (positivity), and `G_v` is expanded and split into terms
`a_p · p` (a constant times a density) and a residual. Normalisation (`∫ p = 1`) turns
`∫ a_p p` into `a_p`; so the difference is zero when every residual is zero and
`c + Σ a_p = 0`. That argument is a proof under the stated assumptions (densities positive,
normalised; integrals finite) and it is the only way this engine says *proved*;
`simplify` is tried on a non-zero residual only as a last resort, inside the budget.
"""

from __future__ import annotations

from dataclasses import dataclass

from sympy import Add, Dummy, expand, expand_log, factor, log, nan, oo, simplify, zoo
from sympy.core.function import AppliedUndef

from derive.notation import SupportIntegral


@dataclass(frozen=True)
class Proof:
    proved: bool
    method: str
    detail: str


class NotLinear(ValueError):
    """The difference is not affine in the integrals (e.g. a log of an expectation)."""


def prove_equal(lhs, rhs, context):
    """Try to prove `lhs = rhs` (both prepared); a `Proof` says how, or what was tried."""
    try:
        constant, integrands, points = _linear_form(lhs - rhs, context)
    except NotLinear as exc:
        return Proof(False, "canonical form", f"canonical form not applicable: {exc}")
    total = constant
    residuals = []
    for variable, integrand in integrands.items():
        coefficients, residual = _split_density_terms(_canonical(integrand), points[variable])
        total += sum(coefficients.values())
        if residual != 0:
            residuals.append(residual)
    total = expand(expand_log(total, factor=True))
    if not residuals and total == 0:
        return Proof(True, "canonical form",
                     "integrands agree pointwise after splitting logs under positivity; "
                     "constants cancel using normalisation")
    leftover = Add(*residuals) + total
    if simplify(leftover) == 0:
        return Proof(True, "simplify", "canonical form left a residual that simplify reduces to 0")
    return Proof(False, "canonical form, simplify",
                 "canonical form and simplify both leave a non-zero residual")


def _linear_form(expr, context):
    """(constant, {variable: integrand}, {variable: Pointwise}) for an affine `expr`."""
    integrals = sorted(expr.atoms(SupportIntegral), key=lambda i: i.sort_key())
    stand_ins = {i: Dummy("J") for i in integrals}
    flat = expr.xreplace(stand_ins)
    j_symbols = set(stand_ins.values())
    slopes = {j: flat.diff(j) for j in j_symbols}
    if any(k.free_symbols & j_symbols or k.has(SupportIntegral) for k in slopes.values()):
        raise NotLinear("a product or function of integrals")
    constant = flat.xreplace({j: 0 for j in j_symbols})
    if constant.has(nan, zoo, oo, -oo) or \
            expand(flat - constant - sum(k * j for j, k in slopes.items())) != 0:
        raise NotLinear("the integrals sit inside a function that is not affine")
    integrands, pointwise = {}, {}
    for integral, j in stand_ins.items():
        k = slopes[j]
        name = integral.variable.name
        point = pointwise.setdefault(name, Pointwise(Dummy(name, real=True), context))
        value = point.read(integral.integrand.xreplace({integral.variable: point.variable}))
        integrands[name] = integrands.get(name, 0) + k * value
    return constant, integrands, pointwise


class Pointwise:
    """Reads an integrand at one point: `p(v)` becomes a symbol, positive for a density."""

    def __init__(self, variable, context):
        self.variable, self.context = variable, context
        self.symbols = {}          # function name -> stand-in symbol
        self.densities = set()

    def read(self, integrand):
        replacements = {}
        for app in integrand.atoms(AppliedUndef):
            if app.args != (self.variable,):
                continue
            name = app.func.__name__
            if name not in self.symbols:
                is_density = self.context.density(name) is not None
                symbol = Dummy(name, positive=True) if is_density else Dummy(name)
                self.symbols[name] = symbol
                if is_density:
                    self.densities.add(symbol)
            replacements[app] = self.symbols[name]
        return integrand.xreplace(replacements)

    @property
    def varying(self):
        """Every symbol whose value changes from point to point."""
        return set(self.symbols.values()) | {self.variable}


def _canonical(expr):
    """Logs of factored arguments, split under positivity, then fully expanded."""
    expr = expr.replace(lambda e: isinstance(e, log), lambda e: log(factor(e.args[0])))
    return expand(expand_log(expr, factor=True))


def _split_density_terms(expr, point):
    """({density: constant coefficient}, residual) of an expanded integrand."""
    coefficients, residual = {}, []
    varying = point.varying
    for term in Add.make_args(expr):
        constant, rest = term.as_independent(*varying, as_Add=False)
        if rest in point.densities:
            coefficients[rest] = coefficients.get(rest, 0) + constant
        else:
            residual.append(term)
    return coefficients, Add(*residual)

"""Jensen's inequality, applied only where its hypotheses are shown:

    Σ_i w_i φ(t_i) ≥ φ(Σ_i w_i t_i)   for convex φ, weights w_i ≥ 0 with Σ_i w_i = 1,

(≤ for concave φ), also with an integral or an expectation in place of the sum (then the
weights are a density, of mass 1). A step `c·A ≥ c·B` (or `≤`) is proved when, after a
common factor c shown ≥ 0 is set aside, one side is the weighted mean of φ(t) and the other
φ of the weighted mean of t, where:

* φ is a function the file defines (of one argument), shown real, whose second derivative
  is shown ≥ 0 (≤ 0) for every value t takes (φ and φ″ are computed, then signed by the
  normal form with the argument given the sign t has); a function declared `convex f`
  (`concave f`: real, of a real argument) where t is shown real; `\\log` (concave) where t
  is shown positive; `\\exp` (convex) where t is shown real; a power `t^k` of a rational
  k: convex where t is shown real for an even whole k ≥ 2 (`E[X^2] ≥ E[X]^2`), where t is
  shown ≥ 0 for k ≥ 1 and shown > 0 for k < 0, concave where t is shown ≥ 0 for
  0 < k < 1 — never on a t that may be complex or, for the log, negative (`\\log` of a
  negative number is not real);
* the weights are shown ≥ 0 and to sum to 1 by the normal form (an expectation's density
  too: a density given by a formula need not have mass 1);
* φ's argument on the other side has the same normal form as Σ_i w_i t_i.
"""

from __future__ import annotations

from dataclasses import dataclass

from derive.engines import bounds, normal_form
from derive.engines.calculus import NotDifferentiable, derivative
from derive.engines.poly import Poly
from derive.model.context import Context
from derive.model.names import Declaration, Domain, Kind, Name
from derive.model.terms import (
    E, Call, Dens, Defined, Expect, Fn, Integral, Mul, Num, ONE, Pow, Sum, Sym, neg,
    substitute,
)
from derive.notation import families


@dataclass(frozen=True)
class Mean:
    """Σ_var w · φ(t) as read from a binder: the binder, its weights, φ and t."""

    binder: object
    weights: object
    phi: object           # a Defined application or an Fn
    inner: object         # t


def prove(step, deadline):
    """The name of the fact that proves the order step, or None."""
    larger, smaller = (step.rhs, step.lhs) if step.relation.upward else (step.lhs, step.rhs)
    if step.relation.strict:
        return None
    n = normal_form.Normaliser(step.context, deadline)
    for larger, smaller in _exponentiated(larger, smaller, n):
        big, small = _without_common_factor(larger, smaller, n)
        if big is None:
            continue
        for mean_side, phi_side, shape in ((big, small, "convex"), (small, big, "concave")):
            mean = _mean(mean_side)
            if mean is None or not _phi_of_mean(phi_side, mean, n):
                continue
            if _weights_ok(mean, n) and _shape(mean, n, step.context) == shape:
                return f"Jensen's inequality ({shape} {_name(mean.phi)})"
    return None


def _exponentiated(larger, smaller, n):
    """The step, and — when a side is `\\log u` with u shown positive and the other side is
    shown real — the same step through the increasing exp (`log u ≥ s` iff `u ≥ e^s`): so
    `\\log \\mathbb{E}[e^x] \\ge \\mathbb{E}[x]` is Jensen's inequality for exp."""
    pairs = [(larger, smaller)]

    def shown(term, signs):
        try:
            return n.sign(n.value(term)) in signs
        except (normal_form.Unsupported, normal_form.Undefined):
            return False
    real = (normal_form.POS, normal_form.NONNEG, normal_form.REAL)
    if isinstance(larger, Fn) and larger.fname == "log" and \
            shown(larger.operands[0], (normal_form.POS,)) and shown(smaller, real):
        pairs.append((larger.operands[0], Fn("exp", smaller)))
    if isinstance(smaller, Fn) and smaller.fname == "log" and \
            shown(smaller.operands[0], (normal_form.POS,)) and shown(larger, real):
        pairs.append((Fn("exp", larger), smaller.operands[0]))
    return pairs


def _without_common_factor(larger, smaller, n):
    """(A, B) with larger = c·A, smaller = c·B for a common factor c shown ≥ 0."""
    a = list(larger.args) if isinstance(larger, Mul) else [larger]
    b = list(smaller.args) if isinstance(smaller, Mul) else [smaller]
    common = [f for f in a if f in b]
    for f in common:
        b.remove(f)
        a.remove(f)
    if common:
        try:
            if n.sign(n.value(Mul(*common))) not in (normal_form.POS, normal_form.NONNEG):
                return None, None
        except (normal_form.Unsupported, normal_form.Undefined):
            return None, None
    return _product(a), _product(b)


def _product(factors):
    return ONE if not factors else factors[0] if len(factors) == 1 else Mul(*factors)


def _mean(term):
    """A weighted mean Σ w φ(t) (a sum, an integral or an expectation), or None."""
    if isinstance(term, Expect):
        phi = _phi(term.body)
        if phi is None:
            return None
        return Mean(term, Dens(term.dist, (Sym(term.var),)), term.body, _argument(term.body))
    if not isinstance(term, (Sum, Integral)):
        return None
    factors = list(term.body.args) if isinstance(term.body, Mul) else [term.body]
    phis = [f for f in factors if _phi(f) is not None]
    if len(phis) != 1:
        return None
    rest = [f for f in factors if f is not phis[0]]
    return Mean(term, _product(rest), phis[0], _argument(phis[0]))


def _phi(term):
    if isinstance(term, (Defined, Call)) and len(term.arguments) == 1:
        return term
    if isinstance(term, Fn) and term.fname in ("log", "exp") or _natural_power(term):
        return term
    if isinstance(term, Pow) and isinstance(term.exponent, Num) and term.exponent.value != 1:
        return term
    return None


def _natural_power(term):
    """`e^t`, which is `\\exp t`."""
    return isinstance(term, Pow) and term.base is E


def _argument(phi):
    if _natural_power(phi):
        return phi.exponent
    if isinstance(phi, Pow):
        return phi.base
    return phi.operands[0] if isinstance(phi, Fn) else phi.arguments[0]


def _name(phi):
    if isinstance(phi, Call):
        return phi.function.latex
    if _natural_power(phi):
        return "\\exp"
    if isinstance(phi, Pow):
        return f"t^{{{phi.exponent.value}}}"
    return phi.name.latex if isinstance(phi, Defined) else "\\" + phi.fname


def _phi_of_mean(term, mean, n):
    """Whether `term` is φ(Σ w t) for the mean's φ, w and t."""
    if _phi(term) is None or _same_function(term) != _same_function(mean.phi):
        return False
    binder = mean.binder
    if isinstance(binder, Expect):
        average = Expect(binder.var, binder.dist, mean.inner)
    else:
        average = type(binder)(binder.var, Mul(mean.weights, mean.inner), binder.lower,
                               binder.upper)
    try:
        return (n.value(_argument(term)) - n.value(average)).is_zero()
    except (normal_form.Unsupported, normal_form.Undefined):
        return False


def _same_function(phi):
    if isinstance(phi, Call):
        return phi.function
    if _natural_power(phi):
        return "exp"
    if isinstance(phi, Pow):
        return ("pow", phi.exponent)
    return phi.name if isinstance(phi, Defined) else phi.fname


def _weights_ok(mean, n):
    """Weights ≥ 0 summing to 1, an expectation's density too: a declared density or a
    family is one; a density given by a formula (or as an expression in densities) only
    when its pieces are shown ≥ 0 and its mass 1."""
    binder = mean.binder
    try:
        if isinstance(binder, Expect):
            total = n.value(Integral(binder.var, mean.weights))
            signs = _density_signs(binder.dist, mean.weights, n)
        else:
            total = n.value(type(binder)(binder.var, mean.weights, binder.lower, binder.upper))
            signs = [n.sign(n.value(mean.weights))]
    except (normal_form.Unsupported, normal_form.Undefined):
        return False
    return (total - Poly.const(1)).is_zero() and \
        all(sign in (normal_form.POS, normal_form.NONNEG) for sign in signs)


def _density_signs(dist, density, n):
    """The signs of an expectation's density: of its formula's pieces, of its expression,
    or positive for a declared density and a standard family."""
    expression = getattr(n.context.info(dist.name), "expression", None)
    if expression is None and bounds._genuine(dist, n.context, n):
        return [normal_form.POS]
    formula = families.formula_of(dist, n.context)
    if formula is not None:
        return [n.sign(n.value(value)) for _, _, value in formula.pieces]
    return [n.sign(n.value(density))]


def _shape(mean, n, context):
    """"convex" or "concave" when φ is shown of that shape where t lies, else None: `\\log`
    (concave) only where t is shown positive, `\\exp` and a declared `convex f`
    (`concave g`, a real function of a real argument) only where t is shown real, a
    defined φ where φ is shown real and φ″ of one sign for t's sign."""
    try:
        sign = n.sign(n.value(mean.inner))
    except (normal_form.Unsupported, normal_form.Undefined):
        return None
    real = sign in (normal_form.POS, normal_form.NONNEG, normal_form.REAL)
    phi = mean.phi
    if _natural_power(phi):
        return "convex" if real else None
    if isinstance(phi, Pow):
        return _power_shape(phi.exponent.value, sign, real)
    if isinstance(phi, Fn):
        if phi.fname == "log":
            return "concave" if sign == normal_form.POS else None
        return "convex" if real else None
    if isinstance(phi, Call):                     # declared `convex f`, `concave g`
        shape = getattr(context.declaration(phi.function).info, "shape", None)
        return shape if shape and real else None
    domain = {normal_form.POS: Domain.POSITIVE, normal_form.REAL: Domain.REAL}.get(sign)
    if domain is None:
        return None
    u = Name("u")
    table = dict(context.table)
    table[u] = Declaration(Kind.SYMBOL, domain)
    widened = Context(table, context.parameters, context.fixed)
    info = context.info(phi.name)
    body = substitute(info.body, {info.params[0]: Sym(u)})
    try:
        second = derivative(derivative(body, u, widened), u, widened)
        m = normal_form.Normaliser(widened, n.deadline)
        if m.sign(m.value(body)) == normal_form.COMPLEX:
            return None                           # φ is not real where t lies
        curvature = m.sign(m.value(second))
        negative = m.sign(m.value(neg(second)))
    except (NotDifferentiable, normal_form.Unsupported, normal_form.Undefined):
        return None
    if curvature in (normal_form.POS, normal_form.NONNEG):
        return "convex"
    if negative in (normal_form.POS, normal_form.NONNEG):
        return "concave"
    return None


def _power_shape(k, sign, real):
    """The shape of t ↦ t^k where t lies: convex on the reals for an even whole k ≥ 2, on
    t ≥ 0 for k ≥ 1 and on t > 0 for k < 0; concave on t ≥ 0 for 0 < k < 1."""
    nonnegative = sign in (normal_form.POS, normal_form.NONNEG)
    if k.denominator == 1 and k % 2 == 0 and k > 0 and real:
        return "convex"
    if k > 1 and nonnegative or k < 0 and sign == normal_form.POS:
        return "convex"
    if 0 < k < 1 and nonnegative:
        return "concave"
    return None

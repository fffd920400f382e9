"""Jensen's inequality, applied only where its hypotheses are shown:

    Σ_i w_i φ(t_i) ≥ φ(Σ_i w_i t_i)   for convex φ, weights w_i ≥ 0 with Σ_i w_i = 1,

(≤ for concave φ), also with an integral or an expectation in place of the sum (then the
weights are a density, of mass 1). A step `c·A ≥ c·B` (or `≤`) is proved when, after a
common factor c shown ≥ 0 is set aside, one side is the weighted mean of φ(t) and the other
φ of the weighted mean of t, where:

* φ is a function the file defines (of one argument) whose second derivative is shown ≥ 0
  (≤ 0) for every value t takes (φ″ is computed, then signed by the normal form with the
  argument given the sign t has), a function declared `convex f` (`concave f`), or
  `\\log` (concave) or `\\exp` (convex);
* the weights are shown ≥ 0 and to sum to 1 by the normal form;
* φ's argument on the other side has the same normal form as Σ_i w_i t_i.
"""

from __future__ import annotations

from dataclasses import dataclass

from derive.engines import normal_form
from derive.engines.calculus import NotDifferentiable, derivative
from derive.engines.poly import Poly
from derive.model.context import Context
from derive.model.names import Declaration, Domain, Kind, Name
from derive.model.terms import (
    Call, Dens, Defined, Expect, Fn, Integral, Mul, ONE, Sum, Sym, neg, substitute,
)


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
    big, small = _without_common_factor(larger, smaller, n)
    if big is None:
        return None
    for mean_side, phi_side, shape in ((big, small, "convex"), (small, big, "concave")):
        mean = _mean(mean_side)
        if mean is None or not _phi_of_mean(phi_side, mean, n):
            continue
        if _weights_ok(mean, n) and _shape(mean, n, step.context) == shape:
            return f"Jensen's inequality ({shape} {_name(mean.phi)})"
    return None


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
    if isinstance(term, Fn) and term.fname in ("log", "exp"):
        return term
    return None


def _argument(phi):
    return phi.operands[0] if isinstance(phi, Fn) else phi.arguments[0]


def _name(phi):
    if isinstance(phi, Call):
        return phi.function.latex
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
    return phi.name if isinstance(phi, Defined) else phi.fname


def _weights_ok(mean, n):
    """Weights ≥ 0 summing to 1 (an expectation's density always)."""
    binder = mean.binder
    if isinstance(binder, Expect):
        return True
    try:
        total = n.value(type(binder)(binder.var, mean.weights, binder.lower, binder.upper))
        sign = n.sign(n.value(mean.weights))
    except (normal_form.Unsupported, normal_form.Undefined):
        return False
    return (total - Poly.const(1)).is_zero() and sign in (normal_form.POS, normal_form.NONNEG)


def _shape(mean, n, context):
    """"convex" or "concave" when φ″ is shown of one sign where t lies, else None."""
    phi = mean.phi
    if isinstance(phi, Fn):
        return {"log": "concave", "exp": "convex"}[phi.fname]
    if isinstance(phi, Call):                     # declared `convex f`, `concave g`
        return getattr(context.declaration(phi.function).info, "shape", None) or None
    try:
        sign = n.sign(n.value(mean.inner))
    except (normal_form.Unsupported, normal_form.Undefined):
        return None
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
        curvature = m.sign(m.value(second))
        negative = m.sign(m.value(neg(second)))
    except (NotDifferentiable, normal_form.Unsupported, normal_form.Undefined):
        return None
    if curvature in (normal_form.POS, normal_form.NONNEG):
        return "convex"
    if negative in (normal_form.POS, normal_form.NONNEG):
        return "concave"
    return None

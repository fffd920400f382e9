"""Inequality steps (`\\le`, `<`, `\\ge`, `>`): proofs, for steps the numbers did not refute.

Two ways to a proof, tried in order:

* **Lemmas** — a small, named set of standard results, each applied only where its
  hypotheses hold (its arguments are declared densities over one variable):

  - *Gibbs' inequality*: `D_KL(p‖q) ≥ 0`;
  - *JS is non-negative*: `D_JS(p‖q) ≥ 0`;
  - *JS upper bound*: `D_JS(p‖q) ≤ log 2`;
  - *Jensen for log*: `E_p[log f] ≤ log E_p[f]` when `f > 0` at every point.

  The step is proved when `larger - smaller` equals `c·T + r` for a lemma's non-negative
  quantity `T`, a rational `c ≥ 0` and a remainder `r` that is a non-negative constant
  (the equality decided by the normal form).
* **Pointwise** — `larger - smaller` written as `C + Σ ∫ G dv`; with normalisation the
  constant joins the integrand (`C = ∫ C p`), and the step is proved when the integrand is
  non-negative at every point, by a small sign prover: sums and products of non-negative
  terms, `log u ≥ 0` when `u ≥ 1`, and `log u ≤ u - 1`.

Strict steps (`<`, `>`) are proved only pointwise, with a strictly positive integrand.
"""

from __future__ import annotations

import itertools
import time
from fractions import Fraction

import mpmath
from sympy import Add, Mul, Pow, Symbol, cancel, factor, log, logcombine, together
from sympy.core.function import AppliedUndef

from derive.engines import normal_form, symbolic
from derive.engines.prepare import evaluate, prepare
from derive.model import UNDECIDED, VERIFIED, Verdict
from derive.notation import JS, KL, Expectation, strip_defined

LEMMAS = (
    ("Gibbs' inequality (KL ≥ 0)", lambda p, q: KL(p, q)),
    ("JS is non-negative", lambda p, q: JS(p, q)),
    ("JS upper bound (JS ≤ log 2)", lambda p, q: Add(log(2), Mul(-1, JS(p, q), evaluate=False),
                                                     evaluate=False)),
)


def decide_bound(report, step, context, note):
    """Report a final `Verdict` for an inequality step (already not refuted numerically)."""
    strict = step.relation in ("<", ">")
    larger, smaller = (step.rhs, step.lhs) if step.relation in ("<", "<=") else (step.lhs, step.rhs)
    gap = Add(larger, Mul(-1, smaller, evaluate=False), evaluate=False)
    if not strict:
        lemma = _by_lemma(gap, context) or _by_jensen(larger, smaller, context)
        if lemma:
            report(Verdict(VERIFIED, f"lemma: {lemma}", f"the gap is a non-negative multiple of "
                           f"the lemma's quantity plus a non-negative constant; {note}"))
            return
    if _pointwise(gap, context, strict):
        report(Verdict(VERIFIED, "pointwise", "the gap's integrand is "
                       f"{'positive' if strict else 'non-negative'} at every point; {note}"))
        return
    report(Verdict(UNDECIDED, "lemmas, pointwise", f"no lemma applies and the pointwise sign "
                   f"was not shown; {note}"))


def _by_lemma(gap, context):
    normaliser = normal_form.Normaliser(context, time.monotonic() + 30)
    try:
        target = normaliser.value(gap)
    except normal_form.Unsupported:
        return None
    by_variable = {}
    for density in context.densities:
        by_variable.setdefault(density.variable, []).append(density)
    for densities in by_variable.values():
        for p, q in itertools.permutations(densities, 2):
            for name, build in LEMMAS:
                quantity = normaliser.value(build(p.applied(), q.applied()))
                if _multiple_plus_constant(target, quantity):
                    return name
    return None


def _by_jensen(larger, smaller, context):
    """Jensen for log: `smaller = E_p[log f]`, `larger = log E_p[f]`, f > 0 pointwise."""
    larger, smaller = (evaluate(strip_defined(e)) for e in (larger, smaller))
    if not (isinstance(larger, log) and isinstance(larger.args[0], Expectation)
            and isinstance(smaller, Expectation)):
        return None
    outer, inner = larger.args[0], smaller
    f, density = outer.args
    if inner.args[1] != density or inner.args[0] != log(f):
        return None
    positive = {app: Symbol(app.func.__name__, positive=True) for app in f.atoms(AppliedUndef)
                if context.density(app.func.__name__) is not None}
    return "Jensen for log" if f.xreplace(positive).is_positive else None


def _multiple_plus_constant(target, quantity):
    """Whether target = c·quantity + r with c ≥ 0 rational and r a constant ≥ 0."""
    ref_var = next(iter(quantity.integrals), None)
    if ref_var is None or ref_var not in target.integrals:
        return False
    ref_mono, ref_coef = next(iter(quantity.integrals[ref_var].terms.items()))
    c = Fraction(target.integrals[ref_var].terms.get(ref_mono, 0)) / Fraction(ref_coef)
    if c < 0:
        return False
    scaled = quantity * normal_form.Value(normal_form.Poly.const(c))
    rest = target + scaled * normal_form.Value(normal_form.Poly.const(-1))
    if rest.integrals:
        return False
    return _constant_nonnegative(rest.constant)


def _constant_nonnegative(poly):
    """A constant combination of logs of primes and rationals: its sign, by 50 digits.
    Logs of distinct primes are linearly independent over Q, so a combination the normal
    form did not cancel is not zero, and 50 digits settle its sign."""
    total = mpmath.mpf(0)
    with mpmath.workdps(50):
        for monomial, c in poly.terms.items():
            value = mpmath.mpf(Fraction(c).numerator) / Fraction(c).denominator
            for atom, e in monomial:
                if atom[0] != "logp":
                    return False
                value *= mpmath.log(atom[1]) ** e
            total += value
        return total >= 0


def _pointwise(gap, context, strict):
    try:
        constant, integrands, points = symbolic._linear_form(prepare(gap), context)
    except symbolic.NotLinear:
        return False
    if not integrands:
        return _sign(constant, strict)
    if len(integrands) != 1:
        return False
    (var, integrand), = integrands.items()
    densities = sorted(points[var].densities, key=lambda s: s.name)
    if constant != 0:
        if not densities:
            return False
        integrand = integrand + constant * densities[0]      # normalisation: C = ∫ C p
    return _sign(integrand, strict)


def _sign(expr, strict):
    """Whether `expr` is shown ≥ 0 (> 0 when strict) under the symbols' assumptions."""
    expr = cancel(together(expr)) if not expr.has(log) else expr
    return _nonneg(expr, strict, depth=0)


def _nonneg(e, strict, depth):
    if depth > 6:
        return False
    known = e.is_positive if strict else e.is_nonnegative
    if known:
        return True
    if known is False and (e.is_negative if not strict else e.is_nonpositive):
        return False
    if isinstance(e, Mul):
        signs = [_factor_sign(a, strict, depth + 1) for a in e.args]
        return 0 not in signs and signs.count(-1) % 2 == 0
    if isinstance(e, Pow) and e.exp.is_even:
        return not strict or _nonneg(e.base, True, depth + 1)
    if isinstance(e, log):
        u = e.args[0]
        return _nonneg(factor(cancel(together(u - 1))), strict, depth + 1)
    if isinstance(e, Add):
        if all(_nonneg(a, strict, depth + 1) for a in e.args):
            return True
        factored = factor(e)
        if factored != e and not isinstance(factored, Add) and _nonneg(factored, strict, depth + 1):
            return True
        combined = logcombine(e, force=False)
        if combined != e and _nonneg(combined, strict, depth + 1):
            return True
        return _log_bound(e, strict, depth)
    return False


def _factor_sign(a, strict, depth):
    """+1 / -1 when the factor is shown ≥ 0 / ≤ 0 (strictly, when strict); 0 otherwise."""
    if _nonneg(a, strict, depth):
        return 1
    if a.is_negative or (not strict and a.is_nonpositive):
        return -1
    if isinstance(a, log):                       # log u ≤ 0 when u ≤ 1
        return -1 if _nonneg(factor(cancel(together(1 - a.args[0]))), strict, depth + 1) else 0
    return -1 if _nonneg(-a, strict, depth + 1) else 0


def _log_bound(e, strict, depth):
    """Use `-log u ≥ 1 - u` on terms `-c·log u` (c > 0) and prove what is left."""
    replaced, changed = [], False
    for term in e.args:
        coeff, rest = term.as_coeff_Mul()
        if coeff < 0 and isinstance(rest, log):
            replaced.append(coeff * (rest.args[0] - 1))
            changed = True
        else:
            replaced.append(term)
    if not changed:
        return False
    lower = factor(cancel(together(Add(*replaced))))
    return _nonneg(lower, strict, depth + 1)


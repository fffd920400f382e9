"""Optima of equal objectives are equal: `\\sup_T A = \\sup_T B` when A − B is 0 for every T.

The proof is the exact normal form of A − B being the zero polynomial (optima inside A and
B are atoms of their own objectives there: equal objectives, equal atoms). Then the two
suprema are suprema of one function over one set, equal whether or not they are attained —
no solving needed, for a number θ or for a function T over a class alike.

The numeric second opinion evaluates A − B on random instances with T drawn as an unknown
real function; an optimum left inside A or B (`f^*(T(x))`, a conjugate) is drawn as an
unknown function of the names it depends on, one per optimum (optima equal up to the bound
letter share it), so the check sees the same atoms the proof did. That evaluation only
counts agreements: an unknown function standing for an optimum is no certificate of
anything, so a difference found this way refutes nothing.
"""

from __future__ import annotations

from flint import acb, ctx

from derive.engines import normal_form
from derive.engines.decide import MIN_AGREEMENT
from derive.engines.numeric.compare import labels_for
from derive.engines.numeric.evaluate import Evaluator, NotEvaluable
from derive.engines.numeric.instances import Instance
from derive.engines.numeric.compare import _counterexample, _Outcome
from derive.model.derivation import REFUTED, UNDECIDED, VERIFIED, Verdict
from derive.model.names import Declaration, Domain, Kind, Name
from derive.model.terms import Call, Optimum, Sym, free_names, substitute
from derive.notation.show import plain

DRAWS = 6
SEALED = Declaration(Kind.FUNCTION, Domain.REAL)      # an optimum drawn as an unknown function


def decide(step, left, residual, seed, deadline):
    """The verdict of `opt_θ A = opt_θ B` (one kind) once A − B normalises to 0."""
    theta = plain(left.var.latex)
    agreed, evaluated = agreement(_drawn(residual, left.var), step.context, seed, deadline)
    proof = (f"A - B normalises to 0: the two objectives are equal for every {theta}, so "
             f"their {'suprema' if left.kind == 'max' else 'infima'} over one domain are one")
    if agreed >= MIN_AGREEMENT and agreed == evaluated:
        return Verdict(VERIFIED, "congruence", f"{proof}; A - B evaluates to 0 on {agreed} "
                       f"random instances ({theta} drawn as well)")
    return Verdict(UNDECIDED, "congruence", f"{proof}, but A - B was evaluated to 0 on only "
                   f"{agreed} of {evaluated} random instances, and a proof alone does not make "
                   "a verdict")


def _drawn(residual, var):
    """The residual with an optimum's bound number (`\\sup_t`, a variable local to the
    optimum, which no instance draws) put as a free number of its domain, drawn with the
    rest — a function over a class is drawn as it is."""
    local = var.local
    if local is None or local.kind is not Kind.VARIABLE:
        return residual
    free = Name(var.latex, local=Declaration(Kind.SYMBOL, local.domain))
    return substitute(residual, {var: Sym(free)})


def one_member(step, left, residual, residual_key, seed, deadline):
    """A refutation of `\\sup_{T ∈ 𝒯} A = \\sup_{T ∈ 𝒯} B` for a declared class 𝒯 (any
    set of functions: the claim is made for every class, so also for 𝒯 = {T₀}, where the
    optima are A(T₀) and B(T₀)): T₀ a function drawn on an instance and A − B certified
    non-zero there by an exact evaluation. Only when the normal form of A − B
    (`residual_key`) holds no optimum: the optima inside A and B (a conjugate f*(T(x)))
    cancel, so A − B does not depend on their values and evaluating it with them sealed
    is its value for every convex f. None when nothing is certified."""
    if any(a[0] == "opt" for m, _ in residual_key for a, _ in m):
        return None
    for instance, labels, ev, value in _evaluations(residual, step.context, seed, deadline):
        if ev.exact and not value.contains(0):
            T = plain(left.var.latex)
            return Verdict(REFUTED, "one-member class", f"for the class {{{T}₀}} of one "
                           f"function {T}₀ (drawn on this instance) each optimum is its "
                           f"objective at {T}₀, and A - B is {value} there, not 0",
                           counterexample=_counterexample(_Outcome(
                               "fails", value, acb(0), ev), instance, labels, step.context))
    return None


def agreement(term, context, seed, deadline):
    """(instances where `term` evaluates to a ball containing 0, instances evaluated), with
    its optima sealed (`sealed`)."""
    values = [value for *_, value in _evaluations(term, context, seed, deadline)]
    return sum(bool(v.contains(0)) for v in values), len(values)


def _evaluations(term, context, seed, deadline):
    """(instance, labels, evaluator, value) of `term`, its optima sealed, on each of DRAWS
    instances where it evaluates (at 128 bits)."""
    term = sealed(term, context, deadline)
    labels = labels_for((term,), context)
    for draw in range(DRAWS):
        instance = Instance(seed, draw, context)
        saved = ctx.prec
        ctx.prec = 128
        try:
            ev = Evaluator(context, instance, labels, deadline=deadline)
            value = ev.value(term)
        except NotEvaluable:
            continue
        finally:
            ctx.prec = saved
        yield instance, labels, ev, value


def sealed(term, context, deadline):
    """`term` with each optimum that no reading computes replaced by an unknown real
    function of the names it depends on (values, not functions or distributions), one
    function per normal-form atom, spelled `\\operatorname{opt}_k` in order of meeting."""
    normaliser = normal_form.Normaliser(context, deadline)
    names = {}

    def walk(t):
        if isinstance(t, Optimum):
            try:
                key = normaliser.value(t).key()
            except (normal_form.Unsupported, normal_form.Undefined):
                return t
            if len(key) == 1 and any(a[0] == "opt" for m, _ in key for a, _ in m):
                args = sorted((n for n in free_names(t) if _value_name(n, context)),
                              key=Name.sort_key)
                for i, n in enumerate(args):        # the optimum as a function of its args
                    (atom,) = normaliser.value(Sym(n)).atoms()
                    key = normal_form._replace(key, atom, ("arg", i))
                if key not in names:
                    names[key] = Name(rf"\operatorname{{opt}}_{{{len(names) + 1}}}",
                                      local=SEALED)
                return Call(names[key], *(Sym(n) for n in args))
            return t
        if not t.children:
            return t
        return t.rebuild([walk(c) for c in t.children])
    return walk(term)


def _value_name(name, context):
    return context.kind(name) not in (Kind.FUNCTION, Kind.DISTRIBUTION, Kind.DEFINITION,
                                      Kind.SET)

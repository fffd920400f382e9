"""The supremum of integrals is at most the integral of the pointwise supremum:

    ∫ w(x) sup_t B(x, t) dx  ≥  sup_T ∫ w(x) B(x, T(x)) dx        (w ≥ 0)

(and ∫ w inf_t B ≤ inf_T ∫ w B(x, T(x))), the step of the f-GAN bound (Nowozin et al.
2016, eq. 4) and of every variational lower bound of its kind. For each function T,
B(x, T(x)) ≤ sup_t B(x, t) at every x, so after weighting by w ≥ 0 and integrating,
∫ w B(x, T(x)) ≤ ∫ w sup_t B; the supremum over T (over any class of functions, or all of
them) keeps the bound.

Applied only where its hypotheses are shown:
* the inner optimum ranges over the whole line of numbers, not over a class of functions
  (then every real value T(x) is a t; a `\\text{dom}_{f^*}` is read as the line, see
  `conjugates`), and has the outer's kind;
* the weight w (the integral's other factors, or the density of an expectation) is shown
  non-negative by the normal form's sign rules;
* the outer optimum's objective equals ∫ w(x) B(x, T(x)) dx — the inner objective with t
  replaced by T(x) — as a normal-form identity (E-notation, split integrals and letters
  are all seen through), and evaluating the two agrees on random instances
  (`congruence.agreement`).
Only the direction above is proved for a class; the other direction (or strict
inequality) is left undecided here: it is false in general (a class missing the pointwise
optimiser) but no certified counterexample is built for an arbitrary class. Over every
real function (a declared `function T`, or `T : 𝒳 → ℝ`) the two are equal (`interchange`).
"""

from __future__ import annotations

from derive.engines import congruence, normal_form
from derive.engines.decide import MIN_AGREEMENT
from derive.model.derivation import UNDECIDED, VERIFIED, Relation, Verdict
from derive.model.names import Kind
from derive.model.terms import (
    OO, Call, Defined, Dens, Expect, Integral, Mul, Num, Optimum, Sym, free_names, nodes, sub,
    substitute,
)
from derive.notation.show import plain, show


def decide(step, seed, deadline):
    """A verdict for `≥`/`≤` between an integral of an optimum and an optimum over a
    function; None when the step is not of that shape."""
    if step.relation not in (Relation.GE, Relation.LE):
        return None
    big, small = (step.lhs, step.rhs) if step.relation is Relation.GE else (step.rhs, step.lhs)
    verdict = _fenchel_young(step, big, small, seed, deadline)
    if verdict is not None:
        return verdict
    for integral_side, outer, kind in ((big, small, "max"), (small, big, "min")):
        parts = _integral_of_optimum(integral_side, kind)
        if parts is None and kind == "max":
            parts = _integral_of_a_convex_function(integral_side, step.context, deadline)
        if parts is None:
            continue
        if isinstance(outer, Optimum) and outer.kind == kind:
            return _check(step, parts, outer, seed, deadline)
        verdict = _at_one_value(step, parts, outer, seed, deadline)
        if verdict is not None:
            return verdict
    return None


def _at_one_value(step, parts, other, seed, deadline):
    """`∫ w sup_t B(x, t) dx ≥ ∫ w B(x, h(x)) dx` (the other side at one real value h(x)
    of t for each x, as `\\ge \\int (g(x) r(x) - f^*(g(x))) q(x) dx` below the biconjugate
    reads): VERIFIED when h(x), the objective at it and the objective at every real t are
    shown real (a complex value, as y log y at y = −1, is no lower bound of anything, and
    the sup of an objective complex somewhere is not defined), the weight non-negative, the other side
    equal to that integral as a normal-form identity that evaluates to 0 on random
    instances. h is found where the inner objective applies a function to t (`f^*(t)`):
    the argument of the same function on the other side. None otherwise (other engines
    may decide the step)."""
    x, w, inner = parts
    if not isinstance(other, Integral) or other.lower is not None or other.upper is not None \
            or inner.over is not None or not (inner.interval[1] is OO and
                                              isinstance(inner.interval[0], Mul) and
                                              OO in inner.interval[0].args):
        return None
    normaliser = normal_form.Normaliser(step.context, deadline)
    for h in _candidates(inner, substitute(other.body, {other.var: Sym(x)})):
        at_h = substitute(inner.body, {inner.var: h})
        obligation = sub(other, Integral(x, Mul(w, at_h), None, None))
        try:
            real = all(normal_form._poly_sign(normaliser.value(v)) != normal_form.COMPLEX
                       for v in (h, at_h, inner.body))
            proved = normaliser.value(obligation).is_zero() and \
                normaliser.sign(normaliser.value(w)) in (normal_form.POS, normal_form.NONNEG)
        except (normal_form.Unsupported, normal_form.Undefined):
            continue
        if not (real and proved):
            continue
        agreed, evaluated = congruence.agreement(obligation, step.context, seed, deadline)
        t = plain(inner.var.latex)
        proof = (f"the other side is the integral of the inner objective at the real value "
                 f"{t} = {plain(show(h))} at each point (normal form), which is at most the "
                 f"{'supremum' if inner.kind == 'max' else 'infimum'} over all real {t} on "
                 f"its side; the weight is non-negative, so integrating keeps the bound")
        return _by_agreement(proof, agreed, evaluated)
    return None


def interchange(step, outer, other, seed, deadline):
    """`∫ w sup_t B(x, t) dx = sup_T ∫ w B(x, T(x)) dx` with T ranging over every real
    function (a declared `function T` or `T : 𝒳 → ℝ` under the sup, no class; also ∫ w
    f(u(x)) dx of a declared convex f, read as its biconjugate's sup when f* is defined by a
    sup over the line, `_integral_of_a_convex_function`): VERIFIED
    when `_check` proves the ≥ direction; the ≤ direction holds because T is any function —
    T(x) chosen within ε of the pointwise supremum at each x (measurable selection; ∫ w
    finite, as derive assumes of every integral) gives ∫ w B(x, T(x)) within ε ∫ w of the
    left side (or beyond any bound where it is +∞). None otherwise: over a class of
    functions only the inequality holds, and nothing is refuted here."""
    if outer.over is not None or step.context.kind(outer.var) is not Kind.FUNCTION:
        return None
    parts = _integral_of_optimum(other, outer.kind)
    if parts is None and outer.kind == "max":       # D_f(P‖Q) = ∫ q f(p/q), f = f**
        parts = _integral_of_a_convex_function(other, step.context, deadline)
    verdict = None if parts is None else _check(step, parts, outer, seed, deadline)
    if verdict is None or verdict.status is not VERIFIED:
        return None
    T = plain(outer.var.latex)
    return Verdict(VERIFIED, "pointwise optimum", f"{verdict.detail}; and as {T} ranges over "
                   f"every real function, {T}(x) taken within ε of the pointwise "
                   f"{'supremum' if outer.kind == 'max' else 'infimum'} at each x comes "
                   f"within ε ∫ w of it (optimum and integral interchange), so the two sides "
                   f"are equal")


def _candidates(inner, body):
    """The values h(x) of t that `body` (the other integrand, in x) uses where the inner
    objective applies a definition or function to t (`f^*(t)` → the argument of f^* in
    `body`), without t itself."""
    t = Sym(inner.var)
    heads = {(_head(n), k) for n in nodes(inner.body) if _head(n) is not None
             for k, a in enumerate(_arguments(n)) if a is t}
    out = []
    for n in nodes(body):
        for k, a in enumerate(_arguments(n) if _head(n) is not None else ()):
            if (_head(n), k) in heads and inner.var not in free_names(a) and a not in out:
                out.append(a)
    return out


def _head(n):
    return n.name if isinstance(n, Defined) else n.function if isinstance(n, Call) else None


def _arguments(n):
    return n.arguments


def _integral_of_a_convex_function(term, context, deadline):
    """(x, weight w, sup_t {t u − f*(t)}) when `term` (an operator by its meaning: D_f(P‖Q)
    is ∫ q f(p/q)) is ∫ w(x) f(u(x)) dx for a declared convex f whose conjugate f* is
    defined in the file by a sup over the line: f(u) is that biconjugate (`_biconjugate`),
    so a lower bound by t = h(x) is Fenchel–Young, u t − f*(t) ≤ f(u). None otherwise."""
    from derive.notation import registry
    from derive.model.terms import Op
    while isinstance(term, Op):
        term = registry.meaning(term)
    if not isinstance(term, Integral) or term.lower is not None:
        return None
    factors = list(term.body.args) if isinstance(term.body, Mul) else [term.body]
    calls = [f for f in factors if _convex_call(f, context)]
    if len(calls) != 1:
        return None
    weight = [f for f in factors if f is not calls[0]]
    w = Mul(*weight) if len(weight) > 1 else weight[0] if weight else Num(1)
    inner = _biconjugate(calls[0], context, deadline)
    return None if inner is None else (term.var, w, inner)


def _convex_call(term, context):
    return isinstance(term, Call) and len(term.arguments) == 1 and \
        getattr(context.declaration(term.function).info, "shape", "") == "convex"


def _biconjugate(call, context, deadline):
    """sup_t {t u − f*(t)} for the call f(u) of a declared convex f, f* a definition of
    the file by a sup over the line whose biconjugate at u `conjugates.biconjugate` proves
    to be f(u) (Fenchel–Moreau); None when there is none."""
    from derive.engines.conjugates import biconjugate
    from derive.model.terms import MINUS_ONE
    from derive.model.names import Declaration, Domain, Name
    normaliser = normal_form.Normaliser(context, deadline)

    def normal(term):
        try:
            return normaliser.value(term)
        except (normal_form.Unsupported, normal_form.Undefined):
            return None
    t = Name("t", local=Declaration(Kind.SYMBOL, Domain.REAL))
    for name, declaration in context.table.items():
        info = declaration.info
        if declaration.kind is not Kind.DEFINITION or len(getattr(info, "params", ())) != 1 \
                or not isinstance(info.body, Optimum):
            continue
        conjugate = Defined(name, (Sym(t),), substitute(info.body, {info.params[0]: Sym(t)}))
        inner = Optimum("max", sub(Mul(Sym(t), call.arguments[0]), conjugate), t,
                        Mul(MINUS_ONE, OO), OO)
        rewritten = biconjugate(inner, context, normal)
        difference = None if rewritten is None else normal(sub(rewritten, call))
        if difference is not None and difference.is_zero():
            return inner
    return None


def _fenchel_young(step, big, small, seed, deadline):
    """`f(u) ≥ u h − f*(h)` (Fenchel–Young; `\\le` read the other way) for a declared convex
    f and f* defined by a sup over the line: f(u) is sup_t {t u − f*(t)} (`_biconjugate`),
    at least its objective at the real value h. VERIFIED when the other side is that
    objective at h as a normal-form identity evaluating to 0 on random instances, and h
    and the objective there are shown real; None otherwise."""
    if not _convex_call(big, step.context):
        return None
    inner = _biconjugate(big, step.context, deadline)
    if inner is None:
        return None
    normaliser = normal_form.Normaliser(step.context, deadline)
    for h in _candidates(inner, small):
        at_h = substitute(inner.body, {inner.var: h})
        obligation = sub(small, at_h)
        try:
            real = all(normal_form._poly_sign(normaliser.value(v)) != normal_form.COMPLEX
                       for v in (h, at_h))
            proved = normaliser.value(obligation).is_zero()
        except (normal_form.Unsupported, normal_form.Undefined):
            continue
        if real and proved:
            agreed, evaluated = congruence.agreement(obligation, step.context, seed, deadline)
            return _by_agreement(f"Fenchel–Young: {plain(show(big))} is the supremum over all "
                                 f"real t of its conjugate's objective (f** = f of a convex "
                                 f"f), at least its value at the real t = {plain(show(h))}, "
                                 f"which is the other side (normal form)", agreed, evaluated)
    return None


def _integral_of_optimum(term, kind):
    """(x, weight w, inner optimum) when `term` is ∫ w(x) opt_t B dx over x's whole range,
    or E_{x~P}[w opt_t B]; else None."""
    if isinstance(term, Expect):
        var, body, weight = term.var, term.body, [Dens(term.dist, (Sym(term.var),))]
    elif isinstance(term, Integral) and term.lower is None:
        var, body, weight = term.var, term.body, []
    else:
        return None
    factors = list(body.args) if isinstance(body, Mul) else [body]
    inner = [f for f in factors if isinstance(f, Optimum)]
    if len(inner) != 1 or inner[0].kind != kind:
        return None
    weight += [f for f in factors if f is not inner[0]]
    w = Mul(*weight) if len(weight) > 1 else weight[0] if weight else Num(1)
    return var, w, inner[0]


def _check(step, parts, outer, seed, deadline):
    x, w, inner = parts
    low, high, _ = inner.interval
    if inner.over is not None or not (high is OO and isinstance(low, Mul) and OO in low.args):
        where = f"ranges over the class {plain(inner.over.latex)} of functions, not" if \
            inner.over is not None else "does not range"
        return Verdict(UNDECIDED, "pointwise optimum", f"the inner optimum over "
                       f"{plain(inner.var.latex)} {where} over the whole line, so a "
                       f"function's values need not lie in its range")
    if step.context.kind(outer.var) is not Kind.FUNCTION:
        return None
    normaliser = normal_form.Normaliser(step.context, deadline)
    try:
        sign = normaliser.sign(normaliser.value(w))
    except (normal_form.Unsupported, normal_form.Undefined):
        sign = None
    if sign not in (normal_form.POS, normal_form.NONNEG):
        return Verdict(UNDECIDED, "pointwise optimum", "the weight of the inner optimum is "
                       "not shown non-negative")
    at_function = substitute(inner.body, {inner.var: Call(outer.var, Sym(x))})
    obligation = sub(outer.body, Integral(x, Mul(w, at_function), None, None))
    try:
        proved = normaliser.value(obligation).is_zero()
    except (normal_form.Unsupported, normal_form.Undefined) as exc:
        return Verdict(UNDECIDED, "pointwise optimum", f"the objective over "
                       f"{plain(outer.var.latex)} is not compared with the integral of the "
                       f"inner objective at {plain(outer.var.latex)}(x) ({exc})")
    t, T = plain(inner.var.latex), plain(outer.var.latex)
    if not proved:
        return Verdict(UNDECIDED, "pointwise optimum", f"the objective over {T} is not shown "
                       f"to be the integral of the inner objective with {t} = {T}(x)")
    agreed, evaluated = congruence.agreement(obligation, step.context, seed, deadline)
    word = "supremum" if inner.kind == "max" else "infimum"
    proof = (f"for every function {T}, the objective is the integral of the inner objective "
             f"at {t} = {T}(x) (normal form), which lies pointwise on the right side of the "
             f"{word} over all real {t}; the weight is non-negative, so integrating and "
             f"then optimising over {T} keeps the bound")
    return _by_agreement(proof, agreed, evaluated)


def _by_agreement(proof, agreed, evaluated):
    """The verdict of a proof whose identity was evaluated on random instances: verified
    only when it held on every one evaluated, and on at least MIN_AGREEMENT of them."""
    if agreed >= MIN_AGREEMENT and agreed == evaluated:
        return Verdict(VERIFIED, "pointwise optimum", f"{proof}; the identity evaluates to 0 "
                       f"on {agreed} random instances")
    return Verdict(UNDECIDED, "pointwise optimum", f"{proof}, but the identity evaluated to 0 "
                   f"on only {agreed} of {evaluated} random instances")


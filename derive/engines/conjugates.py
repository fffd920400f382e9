"""Convex conjugates: the biconjugate of a declared convex function (Fenchel–Moreau).

For f declared `convex f` (a proper convex function, lower semicontinuous: the directive
says so, see the README), f** = f: with f*(t) = sup_u {u t − f(u)},

    sup_t { t r − f*(t) } + c = f(r) + c          (t, u over the whole real line)

for every real r and c that do not involve t (shown real by the normal form's signs: for
a complex r — an undeclared letter — t r − f*(t) is complex-valued and its supremum is not
defined; f is a real function of a real argument). `biconjugate` recognises that shape in
an `Optimum` term — the inner supremum written directly or through a definition
(`define f^*(t) = \\sup_u …`), `\\inf_t { f*(t) − t r }` as −f(r), `\\text{dom}_{f^*}` read
as the line (outside it t r − f*(t) = −∞, so the supremum is the same) — and returns the
term f(r) + c; anything else is None and stays an optimum. The shape is checked with the
exact normal form (the body minus −f*(t) is t·r + c, r and c read off at t = 1 and t = 0),
so only a proof of it rewrites. Used by the normal form and the numeric evaluator alike,
so both see the same reading. The optima are over numbers: a supremum over a class of
functions (`\\sup_{T \\in \\mathcal{T}}`) is never rewritten.
"""

from __future__ import annotations

from derive.engines import normal_form
from derive.model.names import Kind
from derive.model.terms import (
    MINUS_ONE, OO, Add, Call, Defined, Mul, Num, Optimum, Sym, div, free_names, neg, sub,
    substitute,
)


def biconjugate(opt, context, normal):
    """f(r) + c (a term) when `opt` is sup_t {t r − f*(t) + c} (or the inf of its negative)
    for a declared convex f and real r, c — w·f(r/w) + c for sup_t {t r − w f*(t) + c}
    with a weight w free of t shown > 0; else None. `normal(term)` is the term's normal
    form (a `Poly`), or None when it has none."""
    def zero(term):
        poly = normal(term)
        return poly is not None and poly.is_zero()

    if opt.kind not in ("max", "min") or not _whole_line(opt):
        return None
    t = opt.var
    summands = _summands(opt.body)
    if opt.kind == "min":                  # inf_t {f*(t) − t r} = −sup_t {t r − f*(t)}
        summands = tuple(neg(s) for s in summands)
    for k, summand in enumerate(summands):
        found = _weighted_conjugate(summand, t, context, zero, normal)
        if found is None:
            continue
        f, w = found
        rest = [s for j, s in enumerate(summands) if j != k]
        rest = Add(*rest) if len(rest) > 1 else rest[0] if rest else Num(0)
        c = substitute(rest, {t: Num(0)})
        r = sub(substitute(rest, {t: Num(1)}), c)
        if not zero(sub(rest, Add(Mul(Sym(t), r), c))) or not (_real(normal, r) and
                                                             _real(normal, c)):
            return None
        value = Add(Call(f, r) if w is None else Mul(w, Call(f, div(r, w))), c)
        return value if opt.kind == "max" else neg(value)
    return None


def _summands(body):
    """The terms of an objective: of a sum, or of a product with one sum among its factors
    multiplied out (`[r t - f^*(t)]\\, q(x)`, as `\\sup_t […] q(x)` is read)."""
    if isinstance(body, Add):
        return body.args
    if isinstance(body, Mul):
        sums = [k for k, a in enumerate(body.args) if isinstance(a, Add)]
        if len(sums) == 1:
            others = body.args[:sums[0]] + body.args[sums[0] + 1:]
            return tuple(Mul(s, *others) for s in body.args[sums[0]].args)
    return (body,)


def _weighted_conjugate(summand, t, context, zero, normal):
    """(f, w) when `summand` is −w·f*(t) with w free of t and shown > 0 (w None for the
    bare −f*(t)): then sup_t {t r − w f*(t)} = w·sup_t {t r/w − f*(t)} = w·f(r/w), the
    positive factor moved out of the supremum. Never for a w not shown > 0: for w < 0 the
    supremum is −|w|·inf_t {…}, another optimum."""
    f = _negated_conjugate_at(summand, t, context, zero)
    if f is not None:
        return f, None
    factors = _factors(summand)
    conjugates = [k for k, a in enumerate(factors) if _conjugate_at(a, t, context, zero)]
    if len(conjugates) != 1:
        return None
    k = conjugates[0]
    others = factors[:k] + factors[k + 1:]
    w = neg(Mul(*others)) if len(others) > 1 else neg(others[0]) if others else None
    if w is None or t in free_names(w):
        return None
    poly = normal(w)
    if poly is None or normal_form._poly_sign(poly) != normal_form.POS:
        return None
    return _conjugate_at(factors[k], t, context, zero), w


def _factors(term):
    """The factors of a product, nested products flattened."""
    if isinstance(term, Mul):
        return tuple(f for a in term.args for f in _factors(a))
    return (term,)


def _negated_conjugate_at(summand, t, context, zero):
    """f when `summand` is −f*(t): −1 times sup_u {u t − f(u)} (or a definition whose body
    is that supremum) with f declared convex; else None."""
    if not (isinstance(summand, Mul) and len(summand.args) == 2 and
            summand.args[0] is MINUS_ONE):
        return None
    return _conjugate_at(summand.args[1], t, context, zero)


def _conjugate_at(inner, t, context, zero):
    """f when `inner` is f*(t): sup_u {u t − f(u)} (or a definition whose body is that
    supremum) with f declared convex; else None."""
    if isinstance(inner, Defined):
        inner = inner.body
    if not isinstance(inner, Optimum) or inner.kind != "max" or not _whole_line(inner):
        return None
    u = inner.var
    parts = inner.body.args if isinstance(inner.body, Add) else (inner.body,)
    for k, part in enumerate(parts):
        f = _negated_convex_call(part, u, context)
        if f is None:
            continue
        rest = [p for j, p in enumerate(parts) if j != k]
        if rest and zero(sub(Add(*rest) if len(rest) > 1 else rest[0], Mul(Sym(u), Sym(t)))):
            return f
    return None


def _negated_convex_call(part, u, context):
    """f when `part` is −f(u) for a function declared convex."""
    if not (isinstance(part, Mul) and len(part.args) == 2 and part.args[0] is MINUS_ONE):
        return None
    call = part.args[1]
    if not (isinstance(call, Call) and call.arguments == (Sym(u),)):
        return None
    declaration = context.declaration(call.function)
    if declaration.kind is not Kind.FUNCTION or \
            getattr(declaration.info, "shape", "") != "convex":
        return None
    return call.function


def _real(normal, term):
    """Whether `term` is shown real by its normal form's signs."""
    poly = normal(term)
    return poly is not None and normal_form._poly_sign(poly) != normal_form.COMPLEX


def _whole_line(opt):
    """Whether `opt` ranges over all real numbers (not over a class of functions)."""
    low, high, _ = opt.interval
    return opt.over is None and high is OO and isinstance(low, Mul) and OO in low.args

"""Derivatives of terms, by the rules of calculus (no SymPy).

`derivative(t, v, context)` is ∂t/∂v as a term. Differentiation passes under integrals
and expectations whose ranges do not depend on v (densities are assumed regular enough;
the README says so); an expectation whose law moves with v — its parameters, formula or
conditioning value (E[Y | X = x] in x) — is the integral of its density times the body,
and a density moving in its argument or conditioning value is not differentiated. A density that moves with a parameter θ has ∂/∂θ p_θ(x) as an
irreducible term `Deriv(Dens, θ)`, so the score-function identity is algebra:
∇_θ ∫ p_θ f = ∫ (∂_θ p_θ) f = ∫ p_θ f ∂_θ log p_θ. A plainly declared function is
differentiable where the file differentiates it: `f(u)' = f'(u) u'` (`notation.derivatives`),
and one of several arguments by the chain rule through its partial derivatives,
`f(u, w)' = ∂_1 f(u, w) u' + ∂_2 f(u, w) w'`;
the derivative of any other opaque function is not known: that raises `NotDifferentiable`.
A product over a short list of numbers is written out; over symbolic bounds its derivative is
Π f_i · Σ f_i'/f_i (`_d_log_product`: where no factor is zero).
"""

from __future__ import annotations

from dataclasses import replace

from derive.model.terms import (
    MINUS_ONE, ONE, ZERO, Add, At, Call, Const, Defined, Dens, Deriv, Dist, Expect, Family, Fn,
    Integral, Limit, Mul, Num, Op, Optimum, Pow, Product, Sum, Sym, free_names, log, nodes,
    substitute,
)
from derive.notation import derivatives, families, registry
from derive.notation.parameters import formula_mentions, law_moves, unsaid_dependence
from derive.notation.elementary import ELEMENTARY


class NotDifferentiable(Exception):
    """A derivative derive does not know (an opaque function's, a limit's)."""


class _Memo(dict):
    """The derivatives worked out so far, and how an expectation is differentiated."""

    pathwise = False


def derivative(t, v, context, memo=None, pathwise=False):
    """∂t/∂v, as a term; with `pathwise`, an expectation of an opaque function under a
    location–scale family is differentiated through its reparametrised form (`_pathwise`)
    rather than through the density (the score-function form)."""
    if memo is None:
        memo = _Memo()
        memo.pathwise = pathwise
    _no_unsaid_dependence(t, v, context)
    return _d(t, v, context, memo)


def _no_unsaid_dependence(t, v, context):
    """Refuses ∂/∂θ of a term with a name labelled by θ whose dependence on θ nothing says
    (`parameters.unsaid_dependence`): ∂/∂θ ∫ p_θ(x) x dx, ∂/∂θ a_θ would be 0."""
    why = unsaid_dependence(t, v, context)
    if why is not None:
        raise NotDifferentiable(why)


def depends(t, v, context):
    """Whether `t` moves with `v`: mentions it (a value, or a variable a density is over),
    or a distribution that moves with it (`parameters.law_moves`); a definition held at the
    current parameters (`fixed`) moves only through what it takes as values."""
    if v in free_names(t):
        return True
    if isinstance(t, Defined) and t.name in context.fixed:
        return depends(t.body, v, replace(context, parameters={}))
    return any(isinstance(n, Dist) and law_moves(n, v, context) for n in nodes(t))


def _d(t, v, ctx, memo):
    if t in memo:
        return memo[t]
    result = ZERO if not depends(t, v, ctx) else _rule(t, v, ctx, memo)
    memo[t] = result
    return result


def _rule(t, v, ctx, memo):
    kind = type(t)
    if kind is Sym:
        return ONE if t.name is v else ZERO
    if kind in (Num, Const):
        return ZERO
    if kind is Add:
        return _sum([_d(a, v, ctx, memo) for a in t.args])
    if kind is Mul:
        terms = []
        for k, a in enumerate(t.args):
            da = _d(a, v, ctx, memo)
            if da is not ZERO:
                terms.append(_product(t.args[:k] + (da,) + t.args[k + 1:]))
        return _sum(terms)
    if kind is Pow:
        b, e = t.base, t.exponent
        db, de = _d(b, v, ctx, memo), _d(e, v, ctx, memo)
        terms = []
        if db is not ZERO:
            terms.append(_product((e, _lowered_power(b, e), db)))
        if de is not ZERO:
            terms.append(_product((t, log(b), de)))
        return _sum(terms)
    if kind is Fn and t.fname == "root":          # (∛u)' = ∛u / (3u), u ≠ 0
        u, n = t.operands
        du = _d(u, v, ctx, memo)
        return ZERO if du is ZERO else _product((t, Pow(_product((n, u)), MINUS_ONE), du))
    if kind is Fn:
        entry = ELEMENTARY.get(t.fname)
        if entry is None or len(t.operands) != 1:
            raise NotDifferentiable(f"the derivative of {t.fname} is not known")
        (u,) = t.operands
        du = _d(u, v, ctx, memo)
        return ZERO if du is ZERO else _product((entry.derivative(u), du))
    if kind is Defined:
        if t.name in ctx.fixed and ctx.parameters:
            # held at the current parameters: its densities do not move (`fixed D^{\star}`)
            return _d(t.body, v, replace(ctx, parameters={}), {})
        return _d(t.body, v, ctx, memo)
    if kind is Dens:
        from derive.notation import vectors
        if vectors.at_vector(t, ctx):
            raise NotDifferentiable("the derivative of a density at a vector variable is not read")
        pieces = families.explicit(t, ctx)
        if pieces is not None:
            if len(pieces) != 1 or pieces[0][0] is not None or pieces[0][1] is not None:
                raise NotDifferentiable("the derivative of a density with a restricted "
                                        "support is not read")
            return _d(pieces[0][2], v, ctx, memo)
        if any(v in free_names(a) for a in t.at + t.dist.cond):
            raise NotDifferentiable("the derivative of a density in its argument is not known")
        if not _dist_moves(t.dist, v, ctx):
            return ZERO                         # v only names one of its variables
        return Deriv(t, v)                      # ∂_θ p_θ(x): irreducible
    if kind is Call and len(t.arguments) == 1 and derivatives.differentiable(t.function, ctx):
        (u,) = t.arguments                      # f(u)' = f'(u) · u', f plainly declared
        du = _d(u, v, ctx, memo)
        return ZERO if du is ZERO else \
            _product((Call(derivatives.derived(t.function, 1, ctx.table), u), du))
    if kind is Call and len(t.arguments) > 1 and derivatives.differentiable(t.function, ctx):
        terms = []                              # Σ_k ∂_k f(u) · u_k', f plainly declared
        for k, u in enumerate(t.arguments):
            du = _d(u, v, ctx, memo)
            if du is not ZERO:
                partial = derivatives.partial(t.function, k, len(t.arguments), ctx.table)
                terms.append(_product((Call(partial, *t.arguments), du)))
        return _sum(terms)
    if kind is Call:
        raise NotDifferentiable(f"the derivative of {t.function.latex} (an unknown function) "
                                "is not known")
    if kind is Expect:
        return Expect(t.var, t.dist, _d(t.body, v, ctx, memo)) if not _dist_moves(t.dist, v, ctx) \
            else _d(Integral(t.var, Mul(Dens(t.dist, (Sym(t.var),)), t.body)), v, ctx, memo)
    if kind is Op:
        return _d(registry.meaning(t), v, ctx, memo)
    if kind in (Integral, Sum):
        if t.lower is not None and (depends(t.lower, v, ctx) or depends(t.upper, v, ctx)):
            raise NotDifferentiable("a derivative of an integral whose limits move")
        body = _pathwise(t, v, ctx) if getattr(memo, "pathwise", False) else t.body
        return type(t)(t.var, _d(body, v, ctx, memo), t.lower, t.upper)
    if kind is Deriv:
        inner = without_derivatives(t, ctx)
        if inner == t:                          # ∂_θ p_θ(x), irreducible: ∂² is not read
            raise NotDifferentiable("a second derivative of a density with no formula is "
                                    "not read")
        return _d(inner, v, ctx, memo)
    if kind is At:
        return _d(without_derivatives(t, ctx), v, ctx, memo)
    if kind is Product:
        if t.lower is None or depends(t.lower, v, ctx) or depends(t.upper, v, ctx):
            raise NotDifferentiable("a derivative of a product whose range moves or is not "
                                    "written")
        return _d(_written_out(t), v, ctx, memo) if _short(t) else \
            _product((t, _d_log_product(t, v, ctx, memo)))
    if kind in (Limit, Optimum):
        raise NotDifferentiable(f"the derivative of a {kind.__name__.lower()} is not read")
    raise NotDifferentiable(f"the derivative of {kind.__name__} is not known")


MAX_EXPANDED_PRODUCT = 64     # products with numeric bounds differentiated factor by factor


def _short(t):
    """Whether a product runs over a short list of numbers (written out to differentiate)."""
    ends = (t.lower, t.upper)
    return all(isinstance(e, Num) and e.value.denominator == 1 for e in ends) and \
        t.upper.value - t.lower.value < MAX_EXPANDED_PRODUCT


def _written_out(t):
    """Π_{i=a}^{b} f_i over a short list of numbers, written out: f_a ⋯ f_b."""
    return _product([substitute(t.body, {t.var: Num(k)})
                     for k in range(int(t.lower.value), int(t.upper.value) + 1)])


def _d_log_product(t, v, ctx, memo):
    """Σ_i ∂f_i / f_i for Π_i f_i over symbolic bounds: (Π_i f_i)' = Π_i f_i · Σ_i f_i'/f_i
    where no factor is zero. The normal form reads such a product only when every factor
    is shown non-zero (positive, or a power of a non-zero base: `normal_form`), and a
    numeric evaluation at a zero factor has no value, so a zero factor proves nothing."""
    return Sum(t.var, _product((_d(t.body, v, ctx, memo), Pow(t.body, MINUS_ONE))),
               t.lower, t.upper)


def _pathwise(t, v, ctx):
    """The body of ∫ t.body d x to differentiate in v: reparametrised when x is drawn
    from a location–scale family whose parameters move with v and an opaque function
    depends on x — x = m + s·x, so ∫ N(x; m, s²) f(x) dx = ∫ s N(m + s x; m, s²) f(m + s x)
    dx (the same integral over the whole line), whose derivative under the integral sign
    is the pathwise gradient E[f'(m + s ε) ∂_v(m + s ε)] (f differentiable, its
    derivative integrable against the family: the README says so). Else the body."""
    if type(t) is not Integral or t.lower is not None or \
            getattr(ctx.info(t.var.variable), "discrete", False):
        return t.body
    if not any(isinstance(n, Call) and t.var in free_names(n) for n in nodes(t.body)):
        return t.body
    for dist, formula in families.densities_at(t.body, t.var, ctx).items():
        spec = formula.family and families.BY_KIND[formula.family.family]
        if spec is None or spec.standard is None or not _dist_moves(dist, v, ctx):
            continue
        location, scale = spec.standard(formula.family.params)
        moved = change_variable(t.body, t.var, Add(location, Mul(scale, Sym(t.var))), ctx)
        return t.body if moved is None else Mul(scale, moved)
    return t.body


def change_variable(body, var, point, context):
    """`body` with the integration variable `var` replaced by `point` (a change of
    variables), or None where a plain substitution would not mean that. Derivatives and
    evaluation bars in the body are worked out first: substituted under them, the new
    argument would be differentiated too (x ↦ x − t under d/dt turns d/dt f(x + t) into
    d/dt f(x) = 0; z ↦ μ + σz under d/dz multiplies by σ). What remains (∂_θ p_θ(x), and
    sums, integrals, expectations) must not capture `point`'s names: under a binder of
    one of them (a sum over i around f(x + i), x ↦ x − i) or a derivative by one of them
    or by `var`, where `var` occurs, the change is not made."""
    body = worked_out(body, context)
    if body is None:
        return None
    names = free_names(point) | {var}
    if any(var in free_names(n) and (set(n.binds) & names or
                                     isinstance(n, Deriv) and n.var in names)
           for n in nodes(body)):
        return None
    return substitute(body, {var: point})


def worked_out(body, context):
    """`body` with its derivatives and evaluation bars worked out (∂_θ p_θ stays), or None
    when one of them is not known."""
    if not any(isinstance(n, (Deriv, At)) for n in nodes(body)):
        return body
    try:
        return without_derivatives(body, context)
    except NotDifferentiable:
        return None


def _dist_moves(dist, v, ctx):
    """Whether a law moves with `v` through anything it depends on: its parameters (declared
    or written), its formula, and the values it is conditioned on (p(·|x) moves with x, and
    p(·|t²) with t) — then an expectation under it is differentiated as the integral of its
    density times the body, where a density that moves in its argument or conditioning
    value is refused (`_rule`, Dens), never treated as fixed."""
    if isinstance(dist, Family):
        return any(v in free_names(p) for p in dist.params)
    return isinstance(dist, Dist) and (
        any(v in free_names(c) for c in dist.cond + dist.params) or
        v in ctx.moves_with(dist.name) or formula_mentions(dist, v, ctx))


def without_derivatives(t, context, where=None):
    """`t` with every reducible `Deriv` and `At` worked out (∂_θ p_θ stays); with `where`,
    only those it accepts, each wholly (a hypothesis works out what its value reaches)."""
    memo = {}

    def walk(u):
        if u in memo:
            return memo[u]
        if isinstance(u, Deriv) and isinstance(u.body, Dens) and \
                families.explicit(u.body, context) is None:
            out = u                         # ∂_θ p_θ(x) of an abstract density is irreducible
        elif isinstance(u, (Deriv, At)) and where is not None:
            out = without_derivatives(u, context) if where(u) else \
                u.rebuild([walk(c) for c in u.children])
        elif isinstance(u, Deriv):
            out = walk(derivative(walk(u.body), u.var, context))
        elif isinstance(u, At):
            from derive.notation.parameters import NotAtParameter, at_parameter
            try:
                out = at_parameter(walk(u.body), u.var, walk(u.value), context)
            except NotAtParameter as exc:
                raise NotDifferentiable(str(exc)) from None
        elif not u.children:
            out = u
        else:
            out = u.rebuild([walk(c) for c in u.children])
        memo[u] = out
        return out

    return walk(t)


def _lowered_power(b, e):
    """b^(e-1) of the power rule. A number exponent is lowered exactly, and b^0 is 1: the
    derivative of b^1 is b' everywhere, so no 0^0 is left where b vanishes (M''(0) of
    e^{t\\mu + t^2\\sigma^2/2} differentiates t^2 twice)."""
    if isinstance(e, Num) or isinstance(e, Add) and all(isinstance(a, Num) for a in e.args):
        n = sum((a.value for a in (e.args if isinstance(e, Add) else (e,))), 0) - 1
        return ONE if n == 0 else Pow(b, Num(n))
    return Pow(b, Add(e, MINUS_ONE))


def _sum(terms):
    terms = [t for t in terms if t is not ZERO]
    if not terms:
        return ZERO
    return terms[0] if len(terms) == 1 else Add(*terms)


def _product(factors):
    if any(f is ZERO for f in factors):
        return ZERO
    factors = [f for f in factors if f is not ONE]
    if not factors:
        return ONE
    return factors[0] if len(factors) == 1 else Mul(*factors)

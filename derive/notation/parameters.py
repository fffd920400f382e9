"""Distributions at other values of their parameters: `p_{\\theta_0}`, `\\big|_{\\theta=\\theta_0}`.

A density that moves with a parameter θ (`% derive: depends p_\\theta on \\theta`) is
`Dist(p_θ)` at θ's current value, and `Dist(p_θ, params=(θ_0,))` at θ_0. `at_parameter`
puts a parameter to a value everywhere in a term — the parameter itself, and every
distribution that moves with it — which is what an evaluation bar over a parameter means
and what `% derive: fixed D^{\\star} at \\theta = \\theta_0` does to a definition (D* then
uses p_{θ_0}, and no longer moves with θ).

A definition held at the current parameters (`% derive: fixed D^{\\star}`) is put at the
value with everything else: in a claim at θ_0, "the current θ" is θ_0 (its derivative in
θ was already taken as 0 by `engines.calculus`).

A derivative ∂_θ p_θ(x) left irreducible by `engines.calculus` is a function of θ too: at
θ_0 it becomes `At(∂_θ p_θ(x), θ, θ_0)`, a leaf the engines read as "∂_θ p_θ(x) at θ_0"
(the normal form as an atom of its own, the numeric engine by moving θ).
"""

from __future__ import annotations

from functools import lru_cache

from derive.model.names import Kind, labelled_by
from derive.model.terms import (
    At, Call, Dens, Deriv, Dist, Family, Sym, free_names, nodes, substitute, values_taken,
)


class NotAtParameter(Exception):
    """The term cannot be put at another parameter value (a distribution moving with
    several parameters)."""


def moving(term, parameter, context):
    """Whether `term` mentions a distribution at the current value of `parameter`."""
    return any(isinstance(n, Dist) and not n.params and parameter in context.moves_with(n.name)
               for n in nodes(term))


def formula_mentions(dist, parameter, context):
    """Whether a declared density by formula is written with `parameter` (N(μ, σ²) and μ)."""
    from derive.notation import families
    formula = families.formula_of(dist, context)
    return formula is not None and any(
        parameter in free_names(piece) for low, high, value in formula.pieces
        for piece in (low, high, value) if piece is not None)


def law_moves(dist, parameter, context):
    """Whether a distribution moves with `parameter` as a number: declared to depend on it
    (`depends p on \\theta`, at its current value), or given by a formula written with it as
    a parameter (N(μ, 1) and μ; not a variable it is a law over or given)."""
    return not dist.params and parameter in context.moves_with(dist.name) or \
        parameter not in dist.over + dist.given and formula_mentions(dist, parameter, context)


def moves_with(term, parameter, context):
    """Whether `term`'s value moves with `parameter`: it takes it as a value (also inside a
    definition's body, which its node carries), or holds a distribution that moves with it
    (`law_moves`). The one answer binders, optimisers and derivatives ask; a name labelled
    by the parameter whose dependence nothing says is `unsaid_dependence`'s to refuse."""
    return parameter in values_taken(term) or any(
        isinstance(n, Dist) and law_moves(n, parameter, context) for n in nodes(term))


def unsaid_dependence(term, parameter, context):
    """Why `term` cannot be moved with `parameter` θ (differentiated in it, put at a value of
    it), or None: it holds a name labelled by θ whose dependence on θ nothing says, and
    taking it as constant in θ would put ∂/∂θ ∫ p_θ(x) x dx and ∂/∂θ a_θ at 0 — a density
    named at θ (`p_\\theta`: the model's at θ) with no `depends` and no formula written
    with θ; a number named at θ (`a_\\theta`; not at a variable: `\\mu_x` is the mean of
    x, a constant); a function named at θ that the reader did not make a function of θ
    (θ undeclared where it was read, or a variable: `Reader.moving_arguments`)."""
    for n in nodes(term):
        if isinstance(n, Dist) and labelled_by(n.name, parameter) and \
                parameter not in context.moves_with(n.name) and \
                not formula_mentions(n, parameter, context):
            return (f"{n.name.latex} is named at {parameter.latex}: how it moves with "
                    f"{parameter.latex} is not said (% derive: depends {n.name.latex} on "
                    f"{parameter.latex})")
        if isinstance(n, Sym) and n.name is not parameter and \
                labelled_by(n.name, parameter) and context.kind(parameter) is not Kind.VARIABLE:
            return (f"the number {n.name.latex} is named at {parameter.latex}: whether it "
                    f"moves with {parameter.latex} is not said (for one that does, write it "
                    f"as a function's value: % derive: function a, then a({parameter.latex}))")
        if isinstance(n, Call) and labelled_by(n.function, parameter) and \
                not any(parameter in free_names(a) for a in n.arguments):
            return (f"{n.function.latex} is named at {parameter.latex}: how it moves with "
                    f"{parameter.latex} is not said (% derive: depends {n.function.latex} on "
                    f"{parameter.latex}, above its first use)")
    return None


@lru_cache(maxsize=256)
def replaced_local(dist, parameter, value):
    """A family placed on a variable for one row (`families.placed`: the law of a premise
    `X \\sim \\mathcal{N}(\\mu, \\sigma^2)`), with `parameter` put to `value` in its
    parameters: placed anew — one distribution for each (dist, parameter, value), so both
    sides of a step put there name the same one."""
    from derive.notation import families
    family = families.inline(dist)
    if family is None or dist.given or len(dist.over) != 1:
        raise NotAtParameter(f"{dist.name.latex} is written with {parameter.latex}: a value "
                             f"at another {parameter.latex} of it is not read yet")
    moved = Family(family.family, tuple(substitute(a, {parameter: value})
                                        for a in family.params))
    return families.placed(moved, dist.over[0], dist.name.latex)


def at_parameter(term, parameter, value, context):
    """`term` with `parameter` put to `value` (a term), distributions included; refused
    (`NotAtParameter`) where a name labelled by the parameter would stay as it is
    (`unsaid_dependence`: [a_θ]_{θ=0} is not a_θ)."""
    why = unsaid_dependence(term, parameter, context)
    if why is not None:
        raise NotAtParameter(why)
    memo = {}

    def walk(t):
        if t in memo:
            return memo[t]
        if isinstance(t, Deriv) and isinstance(t.body, Dens):
            out = At(t, parameter, value) if t.var is parameter and moving(t, parameter, context) \
                else t.rebuild([walk(c) for c in t.children])
        elif isinstance(t, Dist) and t.name.local is not None and \
                formula_mentions(t, parameter, context):
            out = replaced_local(t, parameter, value)   # `X \sim \mathrm{Bern}(\theta)`'s law
        elif isinstance(t, Dist) and formula_mentions(t, parameter, context):
            raise NotAtParameter(f"{t.name.latex} is written with {parameter.latex}: a value "
                                 f"at another {parameter.latex} of a density by formula is not "
                                 "read yet")
        elif isinstance(t, Dist) and not t.params and parameter in context.moves_with(t.name):
            params = context.moves_with(t.name)
            if len(params) != 1:
                raise NotAtParameter(f"{t.name.latex} moves with several parameters")
            out = Dist(t.name, t.over, t.given, tuple(walk(c) for c in t.cond), (value,))
        elif isinstance(t, At) and isinstance(t.body, Deriv):
            out = t                          # already at a value of its own
        elif not t.children:
            out = t
        else:
            out = t.rebuild([walk(c) for c in t.children])
        memo[t] = out
        return out

    return substitute(walk(term), {parameter: value})


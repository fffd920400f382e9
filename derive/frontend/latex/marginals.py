"""The marginal of a declared conditional density under its own name.

Authors write p(x) for a marginal and p(x | z) for a conditional under one letter: after
`density g_\\theta over x given z` and `density p over z`, the VAE notes' `define
g_\\theta(x) = \\int g_\\theta(x|z) p(z) dz` gives g_θ(x) — which the conditional family alone
does not fix — the value of that mixture. The define is read so only when its body is
exactly the conditional mixed over a declared law of the conditioning variables:

* the head is the family's name at fresh letters, one per variable it is over (no bar);
* the body is integrals (sums) over the whole range, one per conditioning variable, of
  the family at those letters given the bound variables, times one declared law, not
  conditional, over exactly the bound variables (a marginal of a joint, `p(z)`, is one).

Anything else (`g_\\theta(x) = x^2`, `\\int g_\\theta(x|z)\\,dz`, a law conditional on x, a
limit on the integral, a factor more) would be a second meaning of the name: refused
(`why_not_marginal` says why). Rows then read `g_\\theta(x)` as the mixture, with the
argument put in (`Probability.marginal_value`).
"""

from __future__ import annotations

from derive.model.names import Kind
from derive.model.terms import Dens, Dist, Integral, Mul, Product, Sym
from derive.notation.parameters import formula_mentions


def why_not_marginal(name, info, params, body, context):
    """None when `body` is the conditional family `name` (its `info`: over / given) at the
    parameters `params`, mixed over a declared law of its conditioning variables; else the
    reason, for the directive's error."""
    if len(params) != len(info.over):
        return (f"its left side must take one letter per variable {name.latex} is over "
                f"({', '.join(v.latex for v in info.over)})")
    bound, term = [], body
    while isinstance(term, Integral) and not isinstance(term, Product):
        if term.lower is not None or term.upper is not None:
            return "the mixture runs over the whole range of the variables conditioned on"
        bound.append(term.var)
        term = term.body
    if sorted(b.variable.serial for b in bound) != sorted(v.serial for v in info.given):
        return ("its right side must integrate (or sum) out each variable it is conditional "
                f"on ({', '.join(v.latex for v in info.given)}) once")
    of = {b.variable: b for b in bound}
    factors = term.args if isinstance(term, Mul) else (term,)
    conditional = Dens(Dist(name, info.over, info.given, tuple(Sym(of[v]) for v in info.given)),
                       tuple(Sym(p) for p in params))
    laws = [f for f in factors if f != conditional]
    if len(factors) != 2 or len(laws) != 1:
        return (f"its right side must be {name.latex} at the left side's letters given the "
                "bound variables, times one declared law of those variables")
    if not _law_of(laws[0], set(bound), context):
        return ("the other factor must be a declared law, not conditional, over exactly the "
                "variables integrated out, at them")
    moved = law_moves_with(laws[0].dist, info.over, context)
    if moved is not None:
        return (f"the law {laws[0].dist.name.latex} mixed over must be free of "
                f"{moved.latex}, the variable the marginal is of (a law of "
                f"{', '.join(v.latex for v in info.given)} written with {moved.latex} is a law "
                f"given {moved.latex}: the value put in for {moved.latex} would not reach it)")
    return None


def law_moves_with(dist, variables, context):
    """The first of `variables` (a marginal's, x) that the mixing law `dist` moves with — its
    formula is written with it (`density p = \\mathcal{N}(x, 1) over z`) or it `depends` on
    it — or None. Such a law is p(z | x) under another spelling: g(0) would put 0 into
    g(·|z) and not into the law. A law given otherwise than by its name or a formula (a
    pushforward, a reparameterised law, an expression) is not looked into: its variable
    counts as moved (refused, never guessed free)."""
    info = context.info(dist.name)
    moves = {p.latex for p in context.moves_with(dist.name)}
    for v in variables:
        if info.law is not None or info.reparameterised is not None or \
                info.expression is not None or v.latex in moves or \
                formula_mentions(dist, v, context):
            return v
    return None


def _law_of(term, bound, context):
    """Whether `term` is a declared distribution, not conditional, at exactly `bound`."""
    if not isinstance(term, Dens) or not isinstance(term.dist, Dist):
        return False
    dist = term.dist
    if dist.given or dist.cond or dist.params or \
            context.kind(dist.name) is not Kind.DISTRIBUTION:
        return False
    at = [a.name for a in term.at if isinstance(a, Sym)]
    return len(at) == len(term.at) == len(dist.over) and set(at) == bound and \
        all(a.variable is v for a, v in zip(at, dist.over))

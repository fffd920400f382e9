"""Derivatives by one member of an indexed family, and the Kronecker delta.

`\\frac{\\partial f}{\\partial z_k}` where f uses the family `z_j` (in sums over j, in
definitions such as the softmax) moves the one member z_k and no other: it is the
derivative at t = 0 of f with every member `z_a` replaced by `z_a + t δ_{ak}`. That is the
definition of a partial derivative by one coordinate, written in terms derive already
reads (`Deriv` by a fresh real t, then `At` t = 0), so the symbolic rules of calculus give
`∂z_j/∂z_k = δ_{jk}` and the numeric engine checks the same derivative by differences of
its own values of f(z + t e_k) — independently of any rule for δ.

`δ_{jk}` is `Fn("delta", j, k)`: 1 when the two whole numbers are equal, else 0. The
normal form sums it out (`Σ_{j=a}^{b} f(j) δ_{jk} = f(k)` where `a ≤ k ≤ b` is shown).
"""

from __future__ import annotations

from derive.model.names import Declaration, Domain, Kind, Name
from derive.model.terms import ZERO, Add, At, Call, Deriv, Fn, Mul, Sym

# the real coordinate moved along: a symbol of its own row, never written by an author
_STEP = Declaration(Kind.SYMBOL, Domain.REAL)


def kronecker(a, b):
    """δ_{ab} as a term."""
    return Fn("delta", a, b)


def by_member(value, member):
    """∂ value / ∂ member, `member` = `Call(z_·, k)`: the derivative at t = 0 of value with
    each `z_a` moved to `z_a + t δ_{ak}`."""
    step = Name("t", local=_STEP)
    family, (index,) = member.function, member.arguments
    memo = {}

    def walk(t):
        if t in memo:
            return memo[t]
        out = t.rebuild([walk(c) for c in t.children]) if t.children else t
        if isinstance(out, Call) and out.function is family:
            (at,) = out.arguments
            out = Add(out, Mul(Sym(step), kronecker(at, index)))
        memo[t] = out
        return out

    return At(Deriv(walk(value), step), step, ZERO)

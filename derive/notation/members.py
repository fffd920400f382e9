"""Derivatives by one member of an indexed family, and the Kronecker delta.

`\\frac{\\partial f}{\\partial z_k}` where f uses the family `z_j` (in sums over j, in
definitions such as the softmax) moves the one member z_k and no other: it is the
derivative at t = 0 of f with every member `z_a` replaced by `z_a + t δ_{ak}`. That is the
definition of a partial derivative by one coordinate, written in terms derive already
reads (`Deriv` by a fresh real t, then `At` t = 0), so the symbolic rules of calculus give
`∂z_j/∂z_k = δ_{jk}` and the numeric engine checks the same derivative by differences of
its own values of f(z + t e_k) — independently of any rule for δ.

A derivative by a defined quantity (`\\frac{\\partial \\log p_i}{\\partial p_i}` with `p_j`
defined as the softmax) is the derivative of the expression as written in it: `by_quantity`
puts a fresh letter u where the quantity stands and differentiates by u, at u = the
quantity (the reader refuses it where the expression depends on the quantity's ingredients
otherwise).

`δ_{jk}` is `Fn("delta", j, k)`: 1 when the two whole numbers are equal, else 0. The
normal form sums it out (`Σ_{j=a}^{b} f(j) δ_{jk} = f(k)` where `a ≤ k ≤ b` is shown).
"""

from __future__ import annotations

from derive.model.names import Declaration, Domain, Kind, Name
from derive.model.terms import ZERO, Add, At, Call, Defined, Deriv, Fn, Mul, Pow, Sym, free_names
from derive.notation.elementary import ELEMENTARY

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


def by_quantity(value, quantity):
    """∂ value / ∂ quantity, `quantity` a `Defined` term standing in `value`: value with a
    fresh u in its place, differentiated by u at u = the quantity. Also returns what value
    is written in besides it (its free names with u there), for the reader's check."""
    letter = Name("u", local=Declaration(Kind.SYMBOL, Domain.COMPLEX))
    memo = {}

    def walk(t):
        if t is quantity:
            return Sym(letter)
        if t not in memo:
            memo[t] = t.rebuild([walk(c) for c in t.children]) if t.children else t
        return memo[t]

    written = walk(value)
    return At(Deriv(written, letter), letter, quantity), free_names(written) - {letter}


def by_defined_member(value, quantity):
    """∂ value / ∂ quantity, `quantity` one member `ŷ_k` of a family defined at each index
    (`\\hat{y}_i = softmax(z)_i`), by the chain-rule convention of ML notes: the members
    `ŷ_a` are the variables, each moved to `ŷ_a + t δ_{ak}`, and what they are defined from
    held fixed. Also returns what value is written in besides the members (its free names
    with a placeholder for each), for the reader's check that nothing else moves with them."""
    step = Name("t", local=_STEP)
    held = Name("u", local=Declaration(Kind.SYMBOL, Domain.COMPLEX))
    (index,) = quantity.arguments
    moved, placed = {}, {}

    def walk(t, memo, member):
        if t not in memo:
            if isinstance(t, Defined) and t.name is quantity.name and len(t.arguments) == 1:
                memo[t] = member(t)
            elif isinstance(t, Defined):    # L = … ŷ …: its meaning, with the ŷ's moved
                body = walk(t.body, memo, member)
                memo[t] = t if body is t.body else body
            else:
                memo[t] = t.rebuild([walk(c, memo, member) for c in t.children]) \
                    if t.children else t
        return memo[t]

    out = walk(value, moved, lambda t: Add(t, Mul(Sym(step), kronecker(t.arguments[0], index))))
    written = walk(value, placed, lambda t: Sym(held))
    return At(Deriv(out, step), step, ZERO), free_names(written) - {held}


# Subscript letters texts use for whole-number indices (h_i(t), a_n, x_k): a definition
# at one of them is defined at whole numbers only.
INDEX_LETTERS = frozenset("ijklmn")


def numeric_parameter(params, body):
    """Whether a function defined with a subscript parameter (`define g_a(t) = at - t\\log
    t`: params (a, t)) is defined at every real value of it: it takes arguments (a
    sequence `a_n = n^2` is defined at whole n), its subscript is no letter texts use for
    an index (`INDEX_LETTERS`: `h_i(t) = t^i` stays defined at whole i), and its body uses
    the subscript only as a number — every occurrence under +, ×, powers and elementary
    functions alone, never as an index of a family or of another definition, a bound of a
    sum, or in a Kronecker delta. Such a body is a formula at every real value, and a
    member is read at any argument (`g_{y_i}(x_i)` of a real y_i)."""
    parameter = params[0]
    if len(params) < 2 or parameter.latex in INDEX_LETTERS:
        return False

    def plain(t):
        if parameter not in free_names(t):
            return True
        if isinstance(t, Sym):
            return True
        if isinstance(t, Fn) and t.fname not in ELEMENTARY:
            return False
        return isinstance(t, (Add, Mul, Pow, Fn)) and all(plain(a) for a in t.args
                                                          if not isinstance(a, str))
    return parameter in free_names(body) and plain(body)

"""Derivatives of functions known only by their name: `f'`, `f''`, `f^{(k)}`.

A function declared plainly (`% derive: function f`: real, nothing else known) that a file
differentiates is read as differentiable there: `f'(u)` is f's derivative at u, and
`\\frac{d}{du} f(u)` is `f'(u)`. The derivative is a function of its own name, made once
per function and order (`derived`), that remembers what it is the derivative of
(`Derivative`), so that every engine sees one name for it: the calculus differentiates
`f(a)` into `f'(a) · a'`, the normal form keeps `f'(a)` as an opaque call like `f(a)`,
and the numeric engine instantiates f and its derivatives together
(`engines.numeric.test_functions`).

A plainly declared function of several arguments (`f(θ, z)`, `f_\theta(z)` read as
f(θ, z)) has partial derivatives: `∂_k f`, the derivative in its k-th argument, is a
function of its own name too (`partial`), made once per function and multi-index of
orders (`Partial`): ∂_1 ∂_2 f and ∂_2 ∂_1 f are one name — f is read as smooth where a
file differentiates it (Schwarz), as f' is read as existing. The calculus applies the
chain rule through them (`∂_θ f(θ, g(θ, ε)) = ∂_1 f + ∂_2 f · ∂_θ g`), the normal form
keeps each as an opaque call, and the numeric engine instantiates f as a polynomial in
all its arguments and each ∂ as that polynomial's exact partial derivative.

Only a plainly declared function has derivatives by name: a convex or concave one need
not be differentiable, an undeclared one may be complex, an indexed family is no
function of a real argument, and a density's derivative in its point is refused by the
reader.
"""

from __future__ import annotations

from dataclasses import dataclass

from derive.model.names import Declaration, Domain, Kind, Name


@dataclass(frozen=True, eq=False)
class Derivative:
    """The info of `f^{(order)}`: the function `of` (a plainly declared Name) and the order."""

    of: Name
    order: int


@dataclass(frozen=True, eq=False)
class Partial:
    """The info of a partial derivative of a function of several arguments: the function
    `of` (a plainly declared Name) and `orders`, how often each argument is differentiated
    (a multi-index, one entry per argument)."""

    of: Name
    orders: tuple


_MADE = {}


def differentiable(name, context):
    """Whether `name` is a function derive differentiates by name: a plainly declared real
    function, or a derivative of one."""
    declaration = context.declaration(name)
    return declaration.declared and declaration.kind is Kind.FUNCTION and \
        declaration.domain.is_real and (declaration.info is None or
                                        isinstance(declaration.info, (Derivative, Partial)))


def derived(name, order, table):
    """The Name of the `order`-th derivative of `name` (a differentiable function): the
    one in `table` (a context's or a scope's Name → Declaration: the reader declares the
    derivatives a file writes, so that a step and its context, sent to a worker
    together, keep one Name for each), else one made once per function and order. The
    0-th derivative (`f^{(0)}`, as in Taylor's Σ_k f^{(k)}(a) …) is the function itself."""
    found = table.get(name)
    info = name.local.info if name.local is not None else found and found.info
    if isinstance(info, Derivative):
        name, order = info.of, info.order + order
    if order == 0:
        return name
    spelling = name.latex + "'" * order if order <= 3 else f"{name.latex}^{{({order})}}"
    return _known_or_made(table, Derivative(name, order), spelling)


def base(name, context):
    """(function, order) of a derivative's Name; (name, 0) for any other."""
    info = context.declaration(name).info
    return (info.of, info.order) if isinstance(info, Derivative) else (name, 0)


def partial(name, index, arity, table):
    """The Name of ∂_{index} of `name` (a differentiable function of `arity` arguments, or
    a partial derivative of one; `index` counts from 0): one per function and multi-index
    of orders, found in `table` (a context's or a scope's) or made once (as `derived`)."""
    found = table.get(name)
    info = name.local.info if name.local is not None else found and found.info
    of, orders = (info.of, list(info.orders)) if isinstance(info, Partial) else \
        (name, [0] * arity)
    orders[index] += 1
    orders = tuple(orders)
    spelling = " ".join(f"\\partial_{{{k + 1}}}" + ("" if n == 1 else f"^{{{n}}}")
                        for k, n in enumerate(orders) if n) + " " + of.latex
    return _known_or_made(table, Partial(of, orders), spelling)


def _known_or_made(table, info, spelling):
    """The Name `table` declares with the derivative `info` (a `Derivative` or `Partial` of
    one function, compared by that function's identity and the orders), else the one made
    once for it, spelled `spelling`: one Name per derivative, in a step and its context."""
    def orders(i):
        return i.orders if isinstance(i, Partial) else i.order
    for known, declaration in table.items():
        if type(declaration.info) is type(info) and declaration.info.of is info.of and \
                orders(declaration.info) == orders(info):
            return known
    key = (info.of, orders(info))
    if key not in _MADE:
        _MADE[key] = Name(spelling, local=Declaration(Kind.FUNCTION, Domain.REAL, info))
    return _MADE[key]


def partial_base(name, context):
    """(function, orders) of a partial derivative's Name; None for any other."""
    info = context.declaration(name).info
    return (info.of, info.orders) if isinstance(info, Partial) else None

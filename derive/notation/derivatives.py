"""Derivatives of functions known only by their name: `f'`, `f''`, `f^{(k)}`.

A function declared plainly (`% derive: function f`: real, nothing else known) that a file
differentiates is read as differentiable there: `f'(u)` is f's derivative at u, and
`\\frac{d}{du} f(u)` is `f'(u)`. The derivative is a function of its own name, made once
per function and order (`derived`), that remembers what it is the derivative of
(`Derivative`), so that every engine sees one name for it: the calculus differentiates
`f(a)` into `f'(a) · a'`, the normal form keeps `f'(a)` as an opaque call like `f(a)`,
and the numeric engine instantiates f and its derivatives together
(`engines.numeric.test_functions`).

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


_MADE = {}


def differentiable(name, context):
    """Whether `name` is a function derive differentiates by name: a plainly declared real
    function, or a derivative of one."""
    declaration = context.declaration(name)
    return declaration.declared and declaration.kind is Kind.FUNCTION and \
        declaration.domain.is_real and (declaration.info is None or
                                        isinstance(declaration.info, Derivative))


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
    for known, declaration in table.items():
        if isinstance(declaration.info, Derivative) and declaration.info.of is name and \
                declaration.info.order == order:
            return known
    key = (name, order)
    if key not in _MADE:
        spelling = name.latex + "'" * order if order <= 3 else f"{name.latex}^{{({order})}}"
        _MADE[key] = Name(spelling, local=Declaration(Kind.FUNCTION, Domain.REAL,
                                                      Derivative(name, order)))
    return _MADE[key]


def base(name, context):
    """(function, order) of a derivative's Name; (name, 0) for any other."""
    info = context.declaration(name).info
    return (info.of, info.order) if isinstance(info, Derivative) else (name, 0)

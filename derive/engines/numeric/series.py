"""The value of an infinite series on an instance: a partial sum and a certified tail.

`Σ_{k≥low} t(k)` (`engines.series.explicit`) is summed term by term until a bound on the
rest is below the working precision, and that bound is added as a ball, so the result
encloses the series' value like any other evaluation — never a truncation. The bound comes
from the ratio R(k) = t(k+1)/t(k) = P(k)/Q(k), a rational function of the index
(`engines.series.ratio`), evaluated at this instance: for N ≥ 1 and deg P ≤ d = deg Q,

    |R(k)| ≤ A(N)/B(N) = ρ  for every k ≥ N,  A(N) = Σ_i |p_i| N^(i−d),
                                             B(N) = |q_d| − Σ_(i<d) |q_i| N^(i−d) > 0

(no |p_i| k^(i−d) grows with k, and B(k) does not shrink), so when ρ < 1 the tail from N,
t(N) included, is at most |t(N)| / (1 − ρ). A series whose ratio does not certainly tend
to less than 1 (`Σ 1/k²`, `Σ r^k` for |r| ≥ 1), or whose tail bound does not fall below
the precision within `MAX_SERIES_TERMS` terms, is not evaluated.
"""

from __future__ import annotations

from flint import acb, arb, ctx

MAX_SERIES_TERMS = 2000


class NoTail(Exception):
    """No certified bound on the series' tail (the message says why)."""


def value(evaluator, series, point):
    """The series' value as a ball holding its tail; `point(k)` is the evaluator's point for
    the index at the whole number k. Raises NoTail, or the evaluator's own exceptions."""
    from derive.engines.numeric.evaluate import Point
    from derive.engines.series import constants_held
    # one holding per series and context: the ratio below is then read once, not per draw
    series, held = evaluator._known(("series held", series), lambda: constants_held(series))
    for name, term in held.items():         # the mean inside a variance: evaluated once
        evaluator.env[name] = Point(evaluator.value(term), None, ("held", name.serial))
    try:
        return _value(evaluator, series, point)
    finally:
        for name in held:
            evaluator.env.pop(name, None)


def _value(evaluator, series, point):
    from derive.engines.numeric.evaluate import _exact_integer
    from derive.engines.series import NoClosedForm, ratio
    try:
        top, bottom = evaluator._known(("series ratio", series),
                                       lambda: ratio(series, evaluator.context))
    except NoClosedForm as exc:
        raise NoTail(str(exc)) from None
    if len(top) > len(bottom):
        raise NoTail("its terms' ratio grows with the index")
    p = [evaluator.value(c) for c in top]
    q = [evaluator.value(c) for c in bottom]
    if len(top) == len(bottom) and not abs(p[0]) < abs(q[0]):
        raise NoTail("its terms' ratio does not certainly tend to less than 1")
    low = _exact_integer(evaluator.value(series.lower))
    if low is None:
        raise NoTail("its first index is not a whole number")
    var, body = series.var, series.body
    total = acb(0)
    small = arb(2) ** (-ctx.prec - 8)
    for k in range(low, low + MAX_SERIES_TERMS):
        term = evaluator._at(var, point(k), body)
        if k >= 1:
            rho = _ratio_bound(p, q, k)
            if rho is not None:
                tail = abs(term) / (1 - rho)
                if tail < small * max(arb(1), abs(total)):
                    spread = arb(0, tail.mid() + tail.rad())
                    return total + acb(spread, spread)
        total += term
    raise NoTail(f"its tail does not certainly fall below the precision within "
                 f"{MAX_SERIES_TERMS} terms")


def _ratio_bound(p, q, n):
    """A ρ < 1 with |P(k)/Q(k)| ≤ ρ for every k ≥ n (p, q highest coefficient first),
    or None when the bound does not certainly hold."""
    d = len(q) - 1
    n = arb(n)
    a = sum((abs(c) * n ** (len(p) - 1 - i - d) for i, c in enumerate(p)), arb(0))
    b = abs(q[0]) - sum((abs(c) * n ** (-i) for i, c in enumerate(q) if i > 0), arb(0))
    if not b > 0:
        return None
    rho = a / b
    return rho if rho < 1 else None

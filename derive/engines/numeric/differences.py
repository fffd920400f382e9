"""An independent check of the derivatives the numeric engine evaluates.

The numeric engine evaluates `d f / d v` through the symbolic derivative (`engines.calculus`),
so a wrong rule of calculus would be made identically by the normal form and the numbers.
Here the same derivative is estimated from the engine's own values of f alone, by central
differences `D(h) = (f(v+h) − f(v−h)) / 2h` at h = 2⁻²⁴ and h/2, at 128 bits (rounding,
about 2⁻¹⁰⁴·|f| once divided by h, is far below the 10⁻⁸ allowed; integrals over the line
are enclosed to the main evaluation's precision only, `_difference`). D(h/2) is within
|D(h) − D(h/2)| / 3 of the derivative up to higher order terms; the symbolic value must lie
within 4·|D(h) − D(h/2)| + 10⁻⁸(1 + |value|) of D(h/2). That estimate holds only where f is
smooth across the whole window v ± h: a singularity or branch point nearer than h (log(1 − u)
at u = 1 − 10⁻³⁰, a sigmoid's value at a large logit) makes every D(h) garbage of size 1/h
or 1/h². So before accusing, D(h/4) is taken too, and the differences must contract as a
smooth f's do (|D(h/2) − D(h/4)| at most half of |D(h) − D(h/2)|, about a quarter for
smooth f); differences that do not contract are no evidence, and nothing is accused
(`_accuses`). A disagreement is an **internal error** of derive (`DerivativeMismatch`),
reported as such — never a verdict. It is checked
on the first instance of each kind of draw (`compare`; the repeats of a kind would only
multiply the cost of every integral differenced). Points where f cannot be evaluated (a
kink, a cell's edge, an abstract density at a moved variable) are not checked; nor is a
value that is not exact (`Evaluator.derivative`): a fixed rule's guess is no enclosure.
"""

from __future__ import annotations

from flint import arb, ctx

CHECK_PRECISION = 128
STEP = arb(2) ** -24


class DerivativeMismatch(Exception):
    """The symbolic derivative and the differences of the engine's own values disagree."""


def check(ev, t, value):
    """Raise DerivativeMismatch when `value` (the symbolic d t.body / d t.var, evaluated)
    disagrees with the differences of `t.body` around the variable's current value."""
    from derive.engines.numeric.evaluate import NotEvaluable
    base = _current(ev, t.var)
    if base is None:
        return
    saved = ctx.prec
    ctx.prec = max(CHECK_PRECISION, saved)
    try:
        estimates = [_difference(ev, t, base, h, saved) for h in (STEP, STEP / 2)]
        if None in estimates or not _accuses(estimates, value):
            return
        # a disagreement: evidence only if the differences converge (f smooth across v ± h)
        estimates.append(_difference(ev, t, base, STEP / 4, saved))
        if estimates[-1] is None or not _contracts(estimates) or \
                not _accuses(estimates[1:], value):
            return
    except (NotEvaluable, ZeroDivisionError, ValueError):
        return
    finally:
        ctx.prec = saved
    raise DerivativeMismatch(
        f"the derivative d/d{t.var.latex} evaluates to {value.mid()} but the engine's own "
        f"values change at the rate {estimates[-1].mid()}")


def _accuses(estimates, value):
    """Whether `value` lies certainly beyond the finer of two successive differences by
    more than their Richardson error allowance (balls never accuse)."""
    coarse, fine = estimates[-2:]
    allowed = arb((4 * abs(coarse - fine) + arb("1e-8") * (1 + abs(value))).upper())
    return bool(abs(fine - value) > allowed)


def _contracts(estimates):
    """Whether three successive differences D(h), D(h/2), D(h/4) converge as those of a
    function smooth across v ± h do: the second gap at most half the first (~1/4 for smooth
    f) or below 10⁻⁸ of the differences' own size (a quadratic's are exact). Near a pole or
    branch point they grow or keep their size as h shrinks."""
    coarse, middle, fine = estimates
    first, second = abs(coarse - middle).upper(), abs(middle - fine).upper()
    return bool(second <= first / 2 + arb("1e-8") * (1 + abs(fine).upper()))


def _current(ev, var):
    """The variable's value where the derivative is taken, or None when it cannot be moved."""
    from derive.model.names import Kind
    if var in ev.env:
        return None                    # a bound variable: cells and pieces make it unsafe
    if var in ev.overrides:
        return ev.overrides[var]
    declaration = ev.context.declaration(var)
    if declaration.kind not in (Kind.SYMBOL, Kind.PARAMETER):
        return None
    return ev.symbol(var)


def _difference(ev, t, base, h, bits):
    """(f(v + h) − f(v − h)) / 2h for f = t.body, from fresh evaluators of the same instance,
    whose integrals are enclosed to the main evaluation's precision `bits` only: a
    quadrature to 128 bits (2⁻¹¹² goals, longer tails) cost most of a step that
    differentiates an integral over the line, and its error, ~2^{16−bits}|f|/h, is far
    below the O(1) disagreement of a wrong rule (wider balls only make the check accuse
    less, never wrongly)."""
    values = []
    for shift in (h, -h):
        # definitions held at the current parameters stay at the unmoved value
        moved = type(ev)(ev.context, ev.instance, ev.labels, ev.held | ev.context.fixed,
                         ev.deadline)
        moved.frozen = {**ev.frozen, t.var: base}
        moved.overrides = {**ev.overrides, t.var: base + shift}
        moved.env = dict(ev.env)
        moved._pieces = ev._pieces
        moved.checking = False
        moved.quadrature_bits = bits
        value = moved.value(t.body)
        if not moved.exact:
            return None
        values.append(value)
    return (values[0] - values[1]) / (2 * h)

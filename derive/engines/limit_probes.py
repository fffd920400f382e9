"""A limit's value checked by numbers at more than one value of its parameters.

SymPy's `limit` answers for a generic value of the other names, and may answer under more
than their declarations allow: `lim_{t→∞} (c^t)^{1/t}` is c to SymPy, true for c > 0 only
(for c < 0, or a complex c, the sequence goes to |c|); `lim_{t→0} |t + c|^2` was c² for a
complex c. The sequence v_k → point is therefore evaluated (at 256 bits, exactly as written)
on two instances of the parameters, and the value must be approached on both:

* the first instance of the step (`Instance(seed, 0)`), as before;
* its **mirror** (`Mirrored`): the same draw with every real or integer number of the step
  negated (0 stays 0) and every complex number moved off the real line (a real draw gets a
  nonzero imaginary part, a non-real one is conjugated) — so each parameter is seen with
  both signs, and an undeclared (complex) one at a value that is not real.

The value is contradicted on an instance when the sequence's last values have settled
clearly away from it (`settles_elsewhere`); a slowly converging sequence (`1/\\log n`)
contradicts nothing. An instance where the body, the point or the value cannot be
evaluated shows nothing. Numbers never prove a limit: a contradiction on an instance only
keeps SymPy's value from being used (the claim engine still asks, on the first instance,
that the sequence approach the claim — `approaches` — as before).
"""

from __future__ import annotations

from fractions import Fraction
from typing import NamedTuple

from flint import acb, arb, ctx

from derive.engines.numeric.compare import _ball_text, labels_for
from derive.engines.numeric.evaluate import Evaluator, NotEvaluable, Point
from derive.engines.numeric.instances import Instance
from derive.model.names import Domain, Kind
from derive.model.terms import OO, Mul, free_names
from derive.notation.show import plain

SEQUENCE = (2, 4, 8, 12, 16, 24, 32)
_SIGNED = (Domain.REAL, Domain.INTEGER)
_OFF_THE_LINE = (Domain.COMPLEX,)


class Mirrored(Instance):
    """Draw 0 of a step with each signed real number negated and each complex number off
    the real line (see the module): the values draw 0 does not show. Names in `kept` (those
    the step's hypotheses speak of: `a > 0` of a real a) keep draw 0's value."""

    def __init__(self, seed, context, kept=frozenset()):
        super().__init__(seed, 0, context)
        self.kept = kept

    def _draw_symbol(self, name, label):
        value = super()._draw_symbol(name, label)
        declaration = self.context.declaration(name)
        if declaration.kind is Kind.VARIABLE or name in self.kept:
            return value
        if declaration.domain in _SIGNED:
            return -value
        if declaration.domain in _OFF_THE_LINE and isinstance(value, tuple):
            re, im = value
            return (re, -im) if im else (re, re or type(re)(3, 4))
        return value


class Sequence(NamedTuple):
    """v_k → point on one instance: (text of v_k, value ball) pairs, and the ball of the
    value compared with (None: not evaluable there)."""

    points: list
    target: object


def sequence(lim, target, context, instance, deadline):
    """The `Sequence` of `lim`'s body along its approach on `instance`, with `target` (a
    term: the claimed or computed value) evaluated there; raises NotEvaluable when the body
    or the point cannot be evaluated."""
    labels = labels_for((lim.body, lim.point, target), context)
    out = []
    saved = ctx.prec
    ctx.prec = 256
    try:
        ev = Evaluator(context, instance, labels, deadline=deadline)
        try:
            value = ev.value(target)
        except NotEvaluable:
            value = None
        infinite = lim.point is OO or isinstance(lim.point, Mul) and OO in lim.point.args
        point = None if infinite else ev.value(lim.point)
        for k in SEQUENCE:
            if point is None:
                at = acb(arb(10) ** k) if lim.point is OO else acb(-(arb(10) ** k))
                text = f"{'-' if lim.point is not OO else ''}1e{k}"
            else:
                step_size = arb(10) ** (-k)
                at = point - step_size if lim.direction == "-" else point + step_size
                text = f"{_ball_text(point)[:8]}{'-' if lim.direction == '-' else '+'}1e-{k}"
            out.append((text, ev._at(lim.var, Point(at, None, ("seq", k)), lim.body)))
    finally:
        ctx.prec = saved
    return Sequence(out, value)


def settles_elsewhere(points, value):
    """Whether the last values of `points` have settled (they move less than a hundredth
    of their distance to `value`) at a point clearly away from the ball `value`. A limit
    that converges slowly (`1/\\log n`: 0.027, 0.018, 0.014 at n = 10^16, 10^24, 10^32)
    has not settled: numbers then show nothing against it."""
    if value is None or not value.is_finite():
        return False
    goal = complex(float(value.real.mid()), float(value.imag.mid()))
    last = [complex(float(y.real.mid()), float(y.imag.mid())) for _, y in points[-3:]]
    gap = abs(last[-1] - goal)
    spread = max(abs(y - last[-1]) for y in last)
    return gap > 1e-3 * max(1, abs(goal)) and spread < gap / 100


def approaches(points, value):
    """Whether the last values of `points` close in on the ball `value`."""
    if value is None or not value.is_finite():
        return False
    goal = complex(float(value.real.mid()), float(value.imag.mid()))
    errors = [abs(complex(float(y.real.mid()), float(y.imag.mid())) - goal)
              for _, y in points[-3:]]
    return errors[-1] <= errors[0] and errors[-1] < 1e-3 * max(1, abs(goal))


def disagreement(lim, value, context, seed, deadline, hypotheses=()):
    """Why the term `value` is not shown to be `lim`'s value by numbers — on the step's
    first instance or on its mirror (`mirrored_disagreement`) — or None. An instance where
    nothing evaluates shows nothing."""
    try:
        found = sequence(lim, value, context, Instance(seed, 0, context), deadline)
    except NotEvaluable:
        found = None
    if found is not None and settles_elsewhere(found.points, found.target):
        shown = ", ".join(f"{plain(lim.var.latex)} = {x} → {_ball_text(y, 10)}"
                          for x, y in found.points[-3:])
        return (f"the sequence {shown} settles away from its value there, "
                f"{_ball_text(found.target, 10)}")
    return mirrored_disagreement(lim, value, context, seed, deadline, hypotheses)


def mirrored_disagreement(lim, value, context, seed, deadline, hypotheses=()):
    """Why `value` is not shown to be `lim`'s value on the mirrored instance (the
    parameters' other signs, complex values off the real line; a name `hypotheses` speak
    of is not moved), or None when the sequence approaches it there or nothing evaluates
    there."""
    kept = frozenset(n for h in hypotheses for side in (h.lhs, h.rhs) if side is not None
                     for n in free_names(side))
    instance = Mirrored(seed, context, kept)
    try:
        found = sequence(lim, value, context, instance, deadline)
    except NotEvaluable:
        return None
    if not settles_elsewhere(found.points, found.target):
        return None
    shown = ", ".join(f"{plain(lim.var.latex)} = {x} → {_ball_text(y, 10)}"
                      for x, y in found.points[-3:])
    return (f"at other values of its parameters ({_drawn(instance, context)}) the sequence "
            f"{shown} settles away from {_ball_text(found.target, 10)}: SymPy's value is not "
            f"shown to hold for every value the declarations allow")


def _drawn(instance, context):
    """The parameters' values on `instance`, as text."""
    shown = []
    for (tag, label), value in sorted(instance._values.items(), key=str):
        if tag != "sym" or not isinstance(label, tuple) or not isinstance(label[0], str):
            continue
        if isinstance(value, tuple):
            shown.append(f"{plain(label[0])} = {float(value[0]):g}{float(value[1]):+g}i")
        elif isinstance(value, Fraction):
            shown.append(f"{plain(label[0])} = {float(value):g}")
    return ", ".join(shown) or "another draw"

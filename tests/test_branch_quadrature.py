"""Certified integrals of integrands with a branch point or a kink on the path (attack
round 30, atkG F1/F4/F7): √(y²), (y²)^{1/4}, log(y²), e^{√(y²)}, √|y| — alone and inside an
outer integral over y. arb's Gauss–Legendre rule is sound only for an integrand holomorphic
on the balls it is evaluated on; an inner integral is the outer integrand, so it must be
holomorphic in the outer variable too. A wrong enclosure (2/√3 for ∫_{-1}^{1}∫_0^1 √(y²))
verified a false `> 1` and refuted the true `= 1`. Each enclosure is either no value or a
ball holding mpmath's value, and an integral stops at the step's deadline."""

import mpmath
import pytest
from flint import acb, arb, ctx

from derive.engines import clock
from derive.engines.numeric.compare import labels_for
from derive.engines.numeric.evaluate import Evaluator, NotEvaluable, OutOfTime
from derive.engines.numeric.instances import Instance
from derive.frontend.tex_file import load_tex

HEADER = "% derive: real x, y\n"


def _enclosure(row, prec=64, seconds=5.0):
    """The ball of the left side of `row` at `prec` bits, or None when there is no value
    (not evaluable, or the deadline `seconds` of CPU from now passed)."""
    step = load_tex("branch.tex", HEADER + "$$ " + row + " $$\n").steps[-1]
    labels = labels_for((step.lhs,), step.context)
    saved, ctx.prec = ctx.prec, prec
    try:
        ev = Evaluator(step.context, Instance("0:1", 0, step.context), labels,
                       deadline=clock.now() + seconds)
        value = ev.value(step.lhs)
    except (NotEvaluable, OutOfTime):
        return None
    finally:
        ctx.prec = saved
    return value if value.is_finite() else None


def _split(f):
    """∫_{-1}^{1} f by mpmath, split at the kink 0 (and ½)."""
    return mpmath.quad(f, [-1, 0, 0.5, 1])


TRUE_VALUES = [
    (r"\int_{-1}^{1} \sqrt{y^2} \, dy", _split(abs)),
    (r"\int_{-1}^{1} (y^2)^{1/4} \, dy", _split(lambda y: abs(y) ** 0.5)),
    (r"\int_{-1}^{1} \log(y^2) \, dy", _split(lambda y: mpmath.log(y * y))),
    (r"\int_{-1}^{1} \sqrt{|y|} \, dy", _split(lambda y: abs(y) ** 0.5)),
    (r"\int_{-1}^{1} e^{\sqrt{y^2}} \, dy", _split(lambda y: mpmath.exp(abs(y)))),
    (r"\int_{-1}^{1} \int_{0}^{1} \sqrt{y^2} \, dx \, dy", _split(abs)),
    (r"\int_{-1}^{1} \int_{0}^{1} \sqrt{(y - \frac12)^2} \, dx \, dy",
     _split(lambda y: abs(y - 0.5))),
    (r"\int_{-1}^{1} \int_{0}^{1} e^{\sqrt{y^2}} \, dx \, dy", _split(lambda y: mpmath.exp(abs(y)))),
    (r"\int_{-1}^{1} \int_{0}^{1} (y^2)^{1/4} \, dx \, dy", _split(lambda y: abs(y) ** 0.5)),
    (r"\int_{-1}^{1} \int_{0}^{1} \log(y^2 + 1) \, dx \, dy",
     _split(lambda y: mpmath.log(y * y + 1))),
    (r"\int_{-1}^{1} \int_{-1}^{1} \sqrt{x^2 y^2} \, dx \, dy", _split(abs) ** 2),
    (r"\int_{-1}^{1} \int_{0}^{1} \sqrt{x^2 y^2} \, dx \, dy", _split(abs) / 2),
    (r"\int_{-1}^{1} \int_{0}^{1} \arcsin(\frac{y}{2}) \sqrt{y^2} \, dx \, dy", 0),
]


@pytest.mark.parametrize("row, true", TRUE_VALUES)
def test_an_integral_through_a_branch_point_is_enclosed_or_has_no_value(row, true):
    value = _enclosure(row + " = 0")
    truth = acb(arb(mpmath.nstr(mpmath.mpf(true), 20), 1e-14))   # mpmath's value, ±1e-14
    assert value is None or value.overlaps(truth), (value, true)


@pytest.mark.parametrize("row", [r"\int_{-1}^{1} \sqrt{y^2} \, dy",
                                 r"\int_{-1}^{1} \int_{0}^{1} \sqrt{y^2} \, dx \, dy"])
def test_an_integral_stops_at_the_deadline(row):
    """At 4096 bits arb's integrator spent seconds of C past a 0.3 s deadline (its nodes
    for a 4096-bit goal, then subdividing on "no value" up to its limits)."""
    started = clock.now()
    assert _enclosure(row + " = 1", prec=4096, seconds=0.3) is None
    assert clock.now() - started < 1.5


def test_a_double_integral_of_a_kink_is_neither_overstated_nor_refuted():
    from derive.checker import check
    from support import verdicts
    rows = [r"\int_{-1}^{1} \int_{0}^{1} \sqrt{y^2} \, dx \, dy > 1",
            r"\int_{-1}^{1} \int_{0}^{1} \sqrt{y^2} \, dx \, dy = 1"]
    text = "% derive: real y\n" + "".join(f"\\[ {row} \\]\n" for row in rows)
    wrong, right = verdicts(check(load_tex("kink.tex", text)))
    assert wrong != "verified" and right != "refuted"

"""Turn a step's unevaluated expressions into what the engines compute with.

Evaluation happens here, inside the time budget, never in the front-end: SymPy's
automatic simplification runs, operators expand into integrals, and powers whose value
would be astronomically large are refused rather than computed.
"""

from __future__ import annotations

import math

from sympy import Integer, Pow, Rational

from derive.notation import expand_operators, strip_defined

MAX_POWER_BITS = 100_000


class TooLarge(ValueError):
    """A number in the input is too large to evaluate exactly."""


def evaluate(expr):
    """Rebuild `expr` bottom-up with SymPy's evaluation switched on."""
    if not expr.args:
        return expr
    args = [evaluate(a) for a in expr.args]
    if isinstance(expr, Pow):
        _guard_power(*args)
    return expr.func(*args)


def _guard_power(base, exponent):
    if isinstance(base, (Integer, Rational)) and isinstance(exponent, (Integer, Rational)):
        magnitude = max(abs(base.p), abs(base.q), 2)
        if abs(exponent) * math.log2(magnitude) > MAX_POWER_BITS:
            raise TooLarge("a power in this step is too large to evaluate exactly")


def prepare(expr):
    """Evaluated, with every probability operator written as an integral."""
    return expand_operators(evaluate(strip_defined(expr)))

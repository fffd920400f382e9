"""The numeric engine: evaluate both sides on random discrete instances, at high precision.

An instance is a small finite support: every density becomes a positive vector summing to
1, every integral a sum over the support points, every other symbol a random number that
respects its assumptions. Draws are seeded (same input, same draws) and deliberately
varied: near-uniform, heavily skewed and nearly disjoint supports, because draws with
`p ≈ q` make `KL(p‖q)` and `KL(q‖p)` hard to tell apart.

Evaluation walks the expression tree with mpmath; nothing is compiled or `eval`-ed. A
disagreement counts only if it is far above the working precision and reproduces, with
the same value, at a higher precision.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import mpmath
from sympy import (
    Add, Float, Integer, Mul, NumberSymbol, Pow, Rational, Symbol, cos, cosh, exp, log, sin,
    sinh, tan, tanh,
)
from sympy.core.function import AppliedUndef

from derive.model import Counterexample
from derive.notation import SupportIntegral

SUPPORT_SIZE = 4
DRAWS = 8
WORK_DPS, CONFIRM_DPS = 40, 70
_FUNCTIONS = {log: mpmath.log, exp: mpmath.exp, sin: mpmath.sin, cos: mpmath.cos,
              tan: mpmath.tan, tanh: mpmath.tanh, sinh: mpmath.sinh, cosh: mpmath.cosh}
RELATIONS = {"=": lambda a, b: a == b, "<=": lambda a, b: a <= b, "<": lambda a, b: a < b,
             ">=": lambda a, b: a >= b, ">": lambda a, b: a > b, "!=": lambda a, b: a != b}


class NotEvaluable(ValueError):
    """The expression holds something the numeric engine cannot evaluate."""


@dataclass(frozen=True)
class Comparison:
    evaluated: int                    # instances on which both sides had real values
    counterexample: Counterexample | None
    largest_difference: str = "0"
    note: str = ""


class Instance:
    """One random discrete world: support points, density vectors, symbol values."""

    def __init__(self, rng, kind, context):
        self.rng, self.kind, self.context = rng, kind, context
        self.vectors, self.values, self.points = {}, {}, {}

    def density(self, name):
        if name not in self.vectors:
            self.vectors[name] = self._distribution(len(self.vectors))
        return self.vectors[name]

    def _distribution(self, which):
        rng, n = self.rng, SUPPORT_SIZE
        if self.kind == 0:
            weights = [rng.uniform(0.2, 1.0) for _ in range(n)]
        elif self.kind == 1:
            weights = [rng.random() ** 6 + 1e-6 for _ in range(n)]
        elif self.kind == 2:   # nearly disjoint: each density sits on its own point
            weights = [1e-4 + rng.random() * 1e-3 for _ in range(n)]
            weights[which % n] = 1.0
        else:
            weights = [rng.uniform(0.01, 1.0) ** rng.uniform(1, 4) for _ in range(n)]
        total = sum(mpmath.mpf(w) for w in weights)
        return [mpmath.mpf(w) / total for w in weights]

    def point_value(self, key, index):
        """A value for a non-density function or a variable at support point `index`."""
        full = (key, index)
        if full not in self.values:
            self.values[full] = mpmath.mpf(self.rng.uniform(0.2, 3.0))
        return self.values[full]

    def symbol(self, symbol):
        if symbol not in self.values:
            if symbol.is_positive or symbol.is_nonnegative:
                value = self.rng.uniform(0.2, 3.0)
            elif symbol.is_real:
                value = self.rng.uniform(-2.0, 2.0)
            else:
                value = self.rng.uniform(0.2, 3.0)
            self.values[symbol] = mpmath.mpf(value)
        return self.values[symbol]

    def assignment(self):
        rows = [(name, "(" + ", ".join(mpmath.nstr(v, 6) for v in vec) + ")")
                for name, vec in sorted(self.vectors.items())]
        rows += [(str(k), mpmath.nstr(v, 6)) for k, v in sorted(
            ((k, v) for k, v in self.values.items() if isinstance(k, Symbol)), key=lambda kv: str(kv[0]))]
        return tuple(rows)


class Evaluator:
    """Evaluates a prepared expression in one `Instance`."""

    def __init__(self, instance):
        self.instance = instance
        self.bound = {}            # bound variable symbol -> support index

    def value(self, e):
        if isinstance(e, (Integer, Rational)):
            return mpmath.mpf(e.p) / e.q
        if isinstance(e, Float):
            return mpmath.mpf(str(e))
        if isinstance(e, NumberSymbol) or e.is_number and not e.free_symbols and e.is_finite:
            return mpmath.mpf(e.evalf(mpmath.mp.dps + 5))
        if isinstance(e, Add):
            return mpmath.fsum(self.value(a) for a in e.args)
        if isinstance(e, Mul):
            result = mpmath.mpf(1)
            for a in e.args:
                result *= self.value(a)
            return result
        if isinstance(e, Pow):
            return mpmath.power(self.value(e.base), self.value(e.exp))
        if isinstance(e, SupportIntegral):
            return self.integral(e)
        if isinstance(e, AppliedUndef):
            return self.application(e)
        if isinstance(e, Symbol):
            if e in self.bound:
                return self.instance.point_value(("variable", e.name), self.bound[e])
            return self.instance.symbol(e)
        fn = _FUNCTIONS.get(type(e))
        if fn is not None:
            return fn(self.value(e.args[0]))
        raise NotEvaluable(f"cannot evaluate {type(e).__name__} numerically")

    def integral(self, e):
        var = e.variable
        outer = self.bound.get(var)
        total = mpmath.mpf(0)
        for index in range(SUPPORT_SIZE):
            self.bound[var] = index
            total += self.value(e.integrand)
        if outer is None:
            del self.bound[var]
        else:
            self.bound[var] = outer
        return total

    def application(self, e):
        name = e.func.__name__
        index = self._point_of(e.args)
        if self.instance.context.density(name) is not None:
            if index is None:
                raise NotEvaluable(f"{name} is applied to something other than a variable")
            return self.instance.density(name)[index]
        key = (name, tuple(mpmath.nstr(self.value(a), 15) for a in e.args))
        return self.instance.point_value(key, 0 if index is None else index)

    def _point_of(self, args):
        """The support index a one-argument application refers to; free variables → 0."""
        if len(args) != 1 or not isinstance(args[0], Symbol):
            return None
        arg = args[0]
        if arg in self.bound:
            return self.bound[arg]
        return 0 if self.instance.context.is_variable(arg.name) else None


def compare(lhs, rhs, context, seed, relation="="):
    """Check `lhs relation rhs` on seeded random instances; a confirmed failure refutes."""
    holds = RELATIONS[relation]
    evaluated, largest, note = 0, mpmath.mpf(0), ""
    for draw in range(DRAWS):
        outcome = _evaluate_pair(lhs, rhs, context, f"{seed}:{draw}", draw % 4, WORK_DPS)
        if isinstance(outcome, str):
            note = outcome
            continue
        left, right, instance = outcome
        evaluated += 1
        gap = abs(left - right)
        scale = max(1, abs(left), abs(right))
        largest = max(largest, gap / scale)
        tolerance = scale * mpmath.mpf(10) ** (-(WORK_DPS - 10))
        if holds(left, right) or (relation in ("=", "<=", ">=") and gap <= tolerance):
            continue
        confirmed = _evaluate_pair(lhs, rhs, context, f"{seed}:{draw}", draw % 4, CONFIRM_DPS)
        if isinstance(confirmed, str):
            continue
        left2, right2, instance2 = confirmed
        gap2 = abs(left2 - right2)
        if relation in ("=", "<=", ">=") and gap2 <= scale * mpmath.mpf(10) ** (-(CONFIRM_DPS - 10)):
            continue
        if holds(left2, right2) or abs(gap2 - gap) > gap * mpmath.mpf(10) ** -20:
            continue
        return Comparison(evaluated, Counterexample(
            instance2.assignment(), mpmath.nstr(left2, 15), mpmath.nstr(right2, 15),
            mpmath.nstr(left2 - right2, 15)), mpmath.nstr(largest, 3))
    return Comparison(evaluated, None, mpmath.nstr(largest, 3), note)


def _evaluate_pair(lhs, rhs, context, seed, kind, dps):
    """(lhs value, rhs value, instance) with real finite values, or a note why not."""
    with mpmath.workdps(dps):
        instance = Instance(random.Random(seed), kind, context)
        evaluator = Evaluator(instance)
        try:
            left, right = evaluator.value(lhs), evaluator.value(rhs)
        except NotEvaluable as exc:
            return str(exc)
        except (ZeroDivisionError, OverflowError, ValueError) as exc:
            return f"evaluation failed: {exc}"
        if not all(_is_real_finite(v) for v in (left, right)):
            return "a side is not a finite real number on this instance"
        return mpmath.mpf(left), mpmath.mpf(right), instance


def _is_real_finite(v):
    if isinstance(v, mpmath.mpc):
        if abs(v.imag) > abs(v) * mpmath.mpf(10) ** -(mpmath.mp.dps - 5) and v.imag != 0:
            return False
        v = v.real
    return mpmath.isfinite(v)

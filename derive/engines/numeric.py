"""The numeric engine: evaluate both sides on random discrete instances.

An instance is a small finite support: every density becomes a positive vector summing to
1, every integral a sum over the support points, every other symbol a random number that
respects its assumptions. Draws are seeded (same input, same draws) and deliberately
varied: near-uniform, heavily skewed and nearly disjoint supports, because draws with
`p ≈ q` make `KL(p‖q)` and `KL(q‖p)` hard to tell apart.

Expressions are evaluated as written (operators by their definitions), compiled once into
closures; nothing is `eval`-ed. Two number backends: mpmath at 40 digits searches for
counterexamples, Python floats give a fast second opinion on a step already proved. Either
way a disagreement counts only if it holds at 40 and at 70 digits with the same value.
"""

from __future__ import annotations

import math
import random
import time
from dataclasses import dataclass

import mpmath
from sympy import (
    Add, Float, Integer, Mul, NumberSymbol, Pow, Rational, Symbol, cos, cosh, exp, log, sin,
    sinh, tan, tanh,
)
from sympy.core.function import AppliedUndef

from derive.model import Counterexample
from derive.notation import Defined, SupportIntegral
from derive.notation.operators import ProbabilityOperator

SUPPORT_SIZE = 4
DRAWS = 8
WORK_DPS, CONFIRM_DPS = 40, 70
FLOAT_TOLERANCE = 1e-9
MAX_ABS_EXPONENT = 10 ** 4
RELATIONS = {"=": lambda a, b: a == b, "<=": lambda a, b: a <= b, "<": lambda a, b: a < b,
             ">=": lambda a, b: a >= b, ">": lambda a, b: a > b, "!=": lambda a, b: a != b}


class NotEvaluable(ValueError):
    """The expression holds something the numeric engine cannot evaluate."""


class OutOfTime(Exception):
    """The numeric check ran past its deadline."""


class Backend:
    """Arithmetic for one number type: floats, or mpmath at the working precision."""

    def __init__(self, name, number, fsum, functions):
        self.name, self.number, self.fsum, self.functions = name, number, fsum, functions


def _float_log(x):
    if x <= 0:
        raise ValueError("log of a non-positive number")
    return math.log(x)


FLOAT = Backend("float", float, math.fsum, {
    log: _float_log, exp: math.exp, sin: math.sin, cos: math.cos, tan: math.tan,
    tanh: math.tanh, sinh: math.sinh, cosh: math.cosh})
MP = Backend("mpmath", mpmath.mpf, mpmath.fsum, {
    log: mpmath.log, exp: mpmath.exp, sin: mpmath.sin, cos: mpmath.cos, tan: mpmath.tan,
    tanh: mpmath.tanh, sinh: mpmath.sinh, cosh: mpmath.cosh})


@dataclass(frozen=True)
class Comparison:
    evaluated: int                    # instances on which both sides had real values
    counterexample: Counterexample | None
    largest_difference: str = "0"
    note: str = ""


class Instance:
    """One random discrete world: density vectors, symbol and point values (as floats)."""

    def __init__(self, seed, kind, context, moving=()):
        self.rng, self.kind, self.context = random.Random(seed), kind, context
        self.weights, self.values = {}, {}
        self._typed = {}
        self.moving = frozenset(moving)   # names that take another value at parameter 2
        self.variant = 1                  # which parameter value is being evaluated

    def _key(self, name):
        return f"{name} at θ{self.variant}" if name in self.moving and self.variant != 1 else name

    def density(self, name, backend):
        name = self._key(name)
        key = (name, backend.name, mpmath.mp.dps)
        if key not in self._typed:
            if name not in self.weights:
                self.weights[name] = self._weights(len(self.weights))
            weights = [backend.number(w) for w in self.weights[name]]
            total = sum(weights)
            self._typed[key] = [w / total for w in weights]
        return self._typed[key]

    def _weights(self, which):
        rng, n = self.rng, SUPPORT_SIZE
        if self.kind == 0:
            return [rng.uniform(0.2, 1.0) for _ in range(n)]
        if self.kind == 1:
            return [rng.random() ** 6 + 1e-6 for _ in range(n)]
        if self.kind == 2:   # nearly disjoint: each density sits on its own point
            weights = [1e-4 + rng.random() * 1e-3 for _ in range(n)]
            weights[which % n] = 1.0
            return weights
        return [rng.uniform(0.01, 1.0) ** rng.uniform(1, 4) for _ in range(n)]

    def value(self, key, positive=True):
        """A random value for a symbol, a variable at a point, or a function value."""
        if isinstance(key, Symbol) and key.name in self.moving and self.variant != 1:
            key = Symbol(self._key(key.name), **key.assumptions0)
        if key not in self.values:
            self.values[key] = self.rng.uniform(0.2, 3.0) if positive else self.rng.uniform(-2.0, 2.0)
        return self.values[key]

    def assignment(self):
        """The instance as (name, value) pairs, normalised densities first."""
        rows = []
        for name, weights in sorted(self.weights.items()):
            total = sum(weights)
            rows.append((name, "(" + ", ".join(f"{w / total:.6g}" for w in weights) + ")"))
        rows += [(key.name, mpmath.nstr(mpmath.mpf(v), 6)) for key, v in sorted(
            ((k, v) for k, v in self.values.items() if isinstance(k, Symbol)), key=lambda kv: kv[0].name)]
        return tuple(rows)


class Compiler:
    """Turns an expression into `fn(env)`, once; `env` holds the instance and bound points."""

    def __init__(self, context, backend, held=()):
        self.context, self.backend = context, backend
        self.bound = set()
        self.held = frozenset(held)      # definitions evaluated at parameter value 1

    def compile(self, e):
        kind = type(e)
        b = self.backend
        if kind is Add:
            parts = [self.compile(a) for a in e.args]
            return lambda env: b.fsum([f(env) for f in parts])
        if kind is Mul:
            parts = [self.compile(a) for a in e.args]

            def product(env):
                result = parts[0](env)
                for f in parts[1:]:
                    result *= f(env)
                return result
            return product
        if kind is Pow:
            return self._power(e)
        if kind is Defined:
            body = self.compile(e.body)
            if e.name not in self.held:
                return body

            def held(env):
                variant, env.instance.variant = env.instance.variant, 1
                try:
                    return body(env)
                finally:
                    env.instance.variant = variant
            return held
        if kind is SupportIntegral:
            return self._over_support(e.variable, lambda: self.compile(e.integrand))
        if isinstance(e, ProbabilityOperator):
            return self._operator(e)
        if isinstance(e, AppliedUndef):
            return self._application(e)
        if isinstance(e, (Integer, Rational)):
            c = b.number(e.p) / b.number(e.q)
            return lambda env: c
        if isinstance(e, Float):
            c = b.number(str(e)) if b is MP else float(e)
            return lambda env: c
        if isinstance(e, Symbol):
            return self._symbol(e)
        fn = b.functions.get(kind)
        if fn is not None:
            arg = self.compile(e.args[0])
            return lambda env: fn(arg(env))
        if isinstance(e, NumberSymbol) or (e.is_number and e.is_finite):
            c = b.number(str(e.evalf(CONFIRM_DPS + 5)))
            return lambda env: c
        raise NotEvaluable(f"cannot evaluate {kind.__name__} numerically")

    def _power(self, e):
        base, exponent = self.compile(e.base), self.compile(e.exp)
        b = self.backend

        def power(env):
            x = exponent(env)
            if abs(x) > MAX_ABS_EXPONENT:
                raise NotEvaluable("an exponent is too large to evaluate numerically")
            y = base(env)
            return mpmath.power(y, x) if b is MP else float(y) ** float(x)
        return power

    def _over_support(self, var, body_factory):
        self.bound.add(var)
        try:
            body = body_factory()
        finally:
            self.bound.discard(var)
        b = self.backend

        def over_support(env):
            env.tick()
            outer = env.points.get(var)
            total = []
            for index in range(SUPPORT_SIZE):
                env.points[var] = index
                total.append(body(env))
            if outer is None:
                del env.points[var]
            else:
                env.points[var] = outer
            return b.fsum(total)
        return over_support

    def _operator(self, e):
        """An operator by its notation-layer definition, summed over the support."""
        log_fn = self.backend.functions[log]

        def body():
            args = [self.compile(a) for a in e.args]
            return lambda env: e.pointwise(log_fn, *[a(env) for a in args])
        return self._over_support(e.variable, body)

    def _symbol(self, s):
        b = self.backend
        if s in self.bound:
            key = ("variable", s.name)
            return lambda env: b.number(env.instance.value((key, env.points[s])))
        positive = bool(s.is_positive or s.is_nonnegative or not s.is_real)
        return lambda env: b.number(env.instance.value(s, positive))

    def _application(self, e):
        name, b = e.func.__name__, self.backend
        arg = e.args[0] if len(e.args) == 1 else None
        at_point = isinstance(arg, Symbol) and (arg in self.bound or self.context.is_variable(arg.name))
        if self.context.density(name) is not None:
            if not at_point:
                raise NotEvaluable(f"{name} is applied to something other than a variable")
            return lambda env: env.instance.density(name, b)[env.points.get(arg, 0)]
        if at_point:
            return lambda env: b.number(env.instance.value((name, env.points.get(arg, 0))))
        args = [self.compile(a) for a in e.args]
        return lambda env: b.number(env.instance.value(
            (name, tuple(f"{float(a(env)):.12g}" for a in args))))


class Env:
    """What a compiled expression reads: the instance, bound points, the deadline."""

    def __init__(self, instance, deadline):
        self.instance, self.deadline, self.points = instance, deadline, {}

    def tick(self):
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise OutOfTime()


def compare(lhs, rhs, context, seed, relation="=", deadline=None, precise=True):
    """Check `lhs relation rhs` on seeded random instances; a confirmed failure refutes.

    `precise` searches at 40 digits; otherwise floats screen and only a disagreement is
    re-evaluated. Raises `OutOfTime` past `deadline` (a `time.monotonic()` value)."""
    holds = RELATIONS[relation]
    try:
        screen = _Pair(lhs, rhs, context, MP if precise else FLOAT)
    except NotEvaluable as exc:
        return Comparison(0, None, "0", str(exc))
    evaluated, largest, note = 0, 0.0, ""
    for draw in range(DRAWS):
        outcome = screen.evaluate(f"{seed}:{draw}", draw % 4, WORK_DPS, deadline)
        if isinstance(outcome, str):
            note = outcome
            continue
        left, right, _ = outcome
        evaluated += 1
        gap = abs(left - right)
        scale = max(1, abs(left), abs(right))
        largest = max(largest, float(gap / scale))
        tolerance = scale * (FLOAT_TOLERANCE if not precise else mpmath.mpf(10) ** (10 - WORK_DPS))
        if holds(left, right) or (relation in ("=", "<=", ">=") and gap <= tolerance):
            continue
        found = _confirm(lhs, rhs, context, f"{seed}:{draw}", draw % 4, holds, relation, deadline)
        if found is not None:
            return Comparison(evaluated, found, f"{largest:.3g}")
    return Comparison(evaluated, None, f"{largest:.3g}", note)


class _Pair:
    """Both sides compiled for one backend."""

    def __init__(self, lhs, rhs, context, backend):
        self.context = context
        self.left = Compiler(context, backend).compile(lhs)
        self.right = Compiler(context, backend).compile(rhs)

    def evaluate(self, seed, kind, dps, deadline):
        """(left, right, instance) as real finite numbers, or a note why not."""
        with mpmath.workdps(dps):
            instance = Instance(seed, kind, self.context)
            try:
                left = self.left(Env(instance, deadline))
                right = self.right(Env(instance, deadline))
            except NotEvaluable as exc:
                return str(exc)
            except (ZeroDivisionError, OverflowError, ValueError) as exc:
                return f"evaluation failed: {exc}"
            if not (_is_real_finite(left) and _is_real_finite(right)):
                return "a side is not a finite real number on this instance"
            return _real(left), _real(right), instance


def _confirm(lhs, rhs, context, seed, kind, holds, relation, deadline):
    """A `Counterexample` if the disagreement holds at 40 and 70 digits alike, else None."""
    pair = _Pair(lhs, rhs, context, MP)
    results = [pair.evaluate(seed, kind, dps, deadline) for dps in (WORK_DPS, CONFIRM_DPS)]
    if any(isinstance(r, str) for r in results):
        return None
    (l1, r1, _), (l2, r2, instance) = results
    with mpmath.workdps(CONFIRM_DPS):
        gap1, gap2 = abs(l1 - r1), abs(l2 - r2)
        scale = max(1, abs(l2), abs(r2))
        if holds(l2, r2) or (relation in ("=", "<=", ">=") and gap2 <= scale * mpmath.mpf(10) ** (10 - WORK_DPS)):
            return None
        if abs(gap2 - gap1) > gap2 * mpmath.mpf(10) ** -20:
            return None
        return Counterexample(instance.assignment(), mpmath.nstr(l2, 15), mpmath.nstr(r2, 15),
                              mpmath.nstr(l2 - r2, 15))


def _is_real_finite(v):
    if isinstance(v, complex) or isinstance(v, mpmath.mpc):
        if v.imag != 0 and abs(v.imag) > abs(v) * 1e-30:
            return False
        v = v.real
    return math.isfinite(v) if isinstance(v, float) else bool(mpmath.isfinite(v))


def _real(v):
    return v.real if isinstance(v, (complex, mpmath.mpc)) else v

"""The oracle's evaluator: mpmath at 50 (and 80) digits on its own random instances.

An instance is exact rational data, so the same instance can be evaluated at any
precision. Densities are genuine densities on the real line: piecewise constant on K
adjacent cells of random widths, so every integral is an exact finite sum
`sum_k width_k * integrand(cell k)`, and a density's value (mass / width) can exceed 1 —
its differential entropy can be negative, unlike a pmf's. Symbols get values from their
declared domain; undeclared symbols get complex values, including points on the negative
real axis and the imaginary axis, where branch cuts bite.

`decide` says what the evaluator can show about a step: `False` only when some instance
violates the relation clearly (relative difference > 1e-8) at 50 digits and again at 80;
`True` when every instance where both sides are defined (at least three) satisfies it;
`None` otherwise (nothing is claimed then).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from fractions import Fraction
from functools import singledispatch

import mpmath

from .expr import (COMPLEX, POSITIVE, REAL, SYMBOLS, Add, CrossEntropy, Dens, Div, Entropy,
                   Exp, Expect, Integral, JS, KL, Log, Mul, Neg, Num, Pow, Sqrt, Sym)

DIGITS, CONFIRM_DIGITS = 50, 80
CLEAR = mpmath.mpf("1e-8")       # a relative difference that is not rounding


class Undefined(ArithmeticError):
    """The expression has no finite value at this instance (a pole, log 0, overflow)."""


@dataclass(frozen=True)
class Instance:
    widths: tuple                # Fractions: the widths of the support's cells
    masses: dict                 # density name -> tuple of Fractions (sum 1), per cell
    values: dict                 # symbol -> Fraction, or (re, im) for complex symbols
    label: str = ""

    def describe(self) -> str:
        def show(v):
            return f"{float(v[0]):.6g}{float(v[1]):+.6g}i" if isinstance(v, tuple) else f"{float(v):.6g}"
        parts = [f"widths={[float(w) for w in self.widths]}"]
        parts += [f"{n}={[float(m / w) for m, w in zip(ms, self.widths)]}"
                  for n, ms in self.masses.items()]
        parts += [f"{n}={show(v)}" for n, v in self.values.items()]
        return f"[{self.label}] " + ", ".join(parts)


def _masses(rng, k, skew=False):
    raw = [Fraction(rng.randint(1, 40)) for _ in range(k)]
    if skew:
        raw[rng.randrange(k)] *= 200
    total = sum(raw)
    return tuple(m / total for m in raw)


def _ratio(rng, low, high):
    """A rational near 10**uniform(low, high)."""
    return Fraction(10 ** rng.uniform(low, high)).limit_denominator(10 ** 6)


def _values(rng, special=None):
    out = {}
    for name, domain in SYMBOLS.items():
        if domain == POSITIVE:
            out[name] = _ratio(rng, -1.3, 1.3)
        elif domain == REAL:
            out[name] = _ratio(rng, -1.3, 1.3) * rng.choice((-1, 1))
        else:
            modulus, angle = float(_ratio(rng, -1, 1)), rng.uniform(-3.14159, 3.14159)
            z = complex(mpmath.rect(modulus, angle))
            out[name] = (Fraction(z.real).limit_denominator(10 ** 6),
                         Fraction(z.imag).limit_denominator(10 ** 6))
    out.update(special or {})
    return out


def make_instances(seed: int = 20240613) -> list[Instance]:
    """The evaluator's fixed instances: generic ones plus the boundary cases that decide
    strict inequalities and branch cuts (equal densities, equal symbols, negative and
    imaginary complex values, narrow cells where densities exceed 1)."""
    rng = random.Random(seed)
    out = []
    for i in range(6):
        k = rng.randint(2, 5)
        narrow = i % 2 == 1
        widths = tuple(_ratio(rng, -2, -0.5) if narrow else _ratio(rng, -0.7, 0.7)
                       for _ in range(k))
        masses = {d: _masses(rng, k, skew=(i == 4)) for d in ("p", "q", "r")}
        out.append(Instance(widths, masses, _values(rng), "narrow" if narrow else "generic"))
    k = 3
    widths = tuple(_ratio(rng, -1, 0.5) for _ in range(k))
    same = _masses(rng, k)
    equal_syms = {"a": Fraction(3, 2), "b": Fraction(3, 2), r"\alpha": Fraction(3, 2),
                  "s": Fraction(-2, 3), "t": Fraction(-2, 3), r"\lambda": Fraction(-2, 3),
                  "u": (Fraction(-1), Fraction(0)), "v": (Fraction(-1), Fraction(0)),
                  "w": (Fraction(0), Fraction(1))}
    out.append(Instance(widths, {d: same for d in ("p", "q", "r")}, _values(rng, equal_syms),
                        "equal densities and symbols"))
    cuts = {"u": (Fraction(0), Fraction(1)), "v": (Fraction(0), Fraction(1)),
            "w": (Fraction(-2), Fraction(0)), "s": Fraction(-1), "t": Fraction(-3, 2)}
    out.append(Instance(widths, {d: _masses(rng, k) for d in ("p", "q", "r")},
                        _values(rng, cuts), "branch cuts"))
    far = {"u": (Fraction(-1), Fraction(4)), "v": (Fraction(-3), Fraction(1, 2)),
           "w": (Fraction(0), Fraction(5)), "s": Fraction(-5, 2), "t": Fraction(7, 3)}
    out.append(Instance(widths, {d: _masses(rng, k, skew=True) for d in ("p", "q", "r")},
                        _values(rng, far), "imaginary parts beyond pi"))
    zeros = {n: (Fraction(0), Fraction(0)) if d == COMPLEX else Fraction(0)
             for n, d in SYMBOLS.items() if d != POSITIVE}
    out.append(Instance(widths, {d: _masses(rng, k) for d in ("p", "q", "r")},
                        _values(rng, zeros), "real and complex symbols at zero"))
    return out


INSTANCES = make_instances()


def _mp(value):
    if isinstance(value, tuple):
        return mpmath.mpc(_mp(value[0]), _mp(value[1]))
    return mpmath.mpf(value.numerator) / value.denominator


def _finite(z):
    if not mpmath.isfinite(z):
        raise Undefined("not finite")
    return z


@dataclass(frozen=True)
class _Env:
    inst: Instance
    cell: int | None             # the cell of the innermost bound x, if any


@singledispatch
def _ev(node, env):
    raise TypeError(f"no evaluator for {type(node).__name__}")


@_ev.register
def _(node: Num, env):
    return _mp(node.value)


@_ev.register
def _(node: Sym, env):
    return _mp(env.inst.values[node.name])


@_ev.register
def _(node: Dens, env):
    if env.cell is None:
        raise Undefined(f"density {node.name} outside an integral")
    k = env.cell
    return _mp(env.inst.masses[node.name][k]) / _mp(env.inst.widths[k])


@_ev.register
def _(node: Add, env):
    return mpmath.fsum(_ev(t, env) for t in node.terms)


@_ev.register
def _(node: Mul, env):
    out = mpmath.mpf(1)
    for f in node.factors:
        out *= _ev(f, env)
    return out


@_ev.register
def _(node: Neg, env):
    return -_ev(node.arg, env)


@_ev.register
def _(node: Div, env):
    den = _ev(node.den, env)
    if den == 0:
        raise Undefined("division by zero")
    return _ev(node.num, env) / den


@_ev.register
def _(node: Pow, env):
    base = _ev(node.base, env)
    if base == 0 and node.exp < 0:
        raise Undefined("division by zero")
    return base ** node.exp


@_ev.register
def _(node: Sqrt, env):
    return mpmath.sqrt(_ev(node.arg, env))


def _log(z):
    if z == 0:
        raise Undefined("log 0")
    return mpmath.log(z)


@_ev.register
def _(node: Log, env):
    value = _log(_ev(node.arg, env))
    return value if node.base is None else value / mpmath.log(node.base)


@_ev.register
def _(node: Exp, env):
    return mpmath.exp(_ev(node.arg, env))


def _integrate(inst, weight, body_at):
    """sum over cells of weight(k) * body at cell k: an exact integral over the support."""
    return mpmath.fsum(weight(k) * body_at(k) for k in range(len(inst.widths)))


def _mass(inst, name):
    return lambda k: _mp(inst.masses[name][k])


@_ev.register
def _(node: Expect, env):
    inst = env.inst
    return _integrate(inst, _mass(inst, node.dens), lambda k: _ev(node.body, _Env(inst, k)))


@_ev.register
def _(node: Integral, env):
    inst = env.inst
    return _integrate(inst, lambda k: _mp(inst.widths[k]), lambda k: _ev(node.body, _Env(inst, k)))


def _kl(inst, p, q):
    return _integrate(inst, _mass(inst, p), lambda k: mpmath.log(
        _mp(inst.masses[p][k]) / _mp(inst.masses[q][k])))


@_ev.register
def _(node: KL, env):
    return _kl(env.inst, node.p, node.q)


@_ev.register
def _(node: JS, env):
    inst = env.inst
    mix = lambda k: (_mp(inst.masses[node.p][k]) + _mp(inst.masses[node.q][k])) / 2
    half = lambda a: _integrate(inst, _mass(inst, a),
                                lambda k: mpmath.log(_mp(inst.masses[a][k]) / mix(k)))
    return (half(node.p) + half(node.q)) / 2


def _density_value(inst, name, k):
    return _mp(inst.masses[name][k]) / _mp(inst.widths[k])


@_ev.register
def _(node: Entropy, env):
    inst = env.inst
    return -_integrate(inst, _mass(inst, node.p), lambda k: mpmath.log(_density_value(inst, node.p, k)))


@_ev.register
def _(node: CrossEntropy, env):
    inst = env.inst
    return -_integrate(inst, _mass(inst, node.p), lambda k: mpmath.log(_density_value(inst, node.q, k)))


def evaluate(node, inst: Instance, digits: int = DIGITS):
    """The value of `node` (no free density) at `inst`, as an mpmath number; raises
    Undefined where it has none."""
    with mpmath.workdps(digits):
        try:
            return +_finite(_ev(node, _Env(inst, None)))
        except (ZeroDivisionError, OverflowError, ValueError) as exc:
            raise Undefined(str(exc)) from None


# --- relations ---

RELATIONS = ("=", "<=", "<", ">=", ">", "!=")
FLIPPED = {"<=": ">=", "<": ">", ">=": "<=", ">": "<", "=": "=", "!=": "!="}


def _holds(rel, lhs, rhs, digits):
    """True (holds), False (clearly violated) or None (unclear) at one instance."""
    if rel in (">=", ">"):
        return _holds(FLIPPED[rel], rhs, lhs, digits)
    scale = max(mpmath.mpf(1), abs(lhs), abs(rhs))
    zero = mpmath.mpf(10) ** -(digits - 12)
    diff = (lhs - rhs) / scale
    if rel in ("=", "!="):
        same = abs(diff) < zero
        differ = abs(diff) > CLEAR
        if rel == "=":
            return True if same else (False if differ else None)
        return False if same else (True if differ else None)
    if abs(mpmath.im(lhs)) / scale > zero or abs(mpmath.im(rhs)) / scale > zero:
        return None                                      # not real: no order to test
    diff = mpmath.re(diff)
    if rel == "<=":
        return True if diff <= zero else (False if diff > CLEAR else None)
    return True if diff < -CLEAR else (False if diff >= -zero else None)


def holds_at(rel, lhs_node, rhs_node, inst, digits=DIGITS):
    """True, False (clearly violated) or None (unclear) at `inst`; raises Undefined where
    a side has no value."""
    with mpmath.workdps(digits):
        return _holds(rel, evaluate(lhs_node, inst, digits), evaluate(rhs_node, inst, digits),
                      digits)


@dataclass(frozen=True)
class Decision:
    truth: bool | None           # False: clearly violated somewhere; True: holds everywhere
    witness: Instance | None = None


def decide(rel, lhs, rhs, instances=None) -> Decision:
    """What the evaluator shows about `lhs rel rhs` for all allowed values."""
    undecided, defined = False, 0
    for inst in instances or INSTANCES:
        try:
            verdict = holds_at(rel, lhs, rhs, inst)
            if verdict is False and holds_at(rel, lhs, rhs, inst, CONFIRM_DIGITS) is False:
                return Decision(False, inst)
        except Undefined:
            continue                                     # outside the domain: no evidence
        defined += 1
        undecided = undecided or verdict is not True
    return Decision(None if undecided or defined < 3 else True)

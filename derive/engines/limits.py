"""Limits inside an expression: each `Limit` replaced by its value, when SymPy computes one.

`λ [lim_{x→∞} F(x) − F(0)]`, and an evaluation bracket `[F]_0^{+∞}` (which the reader makes
into the same limit), are checked as equalities: every limit in the step is first replaced
by its value, then the step goes to the ordinary engines. The value is SymPy's `limit` (the
Gruntz algorithm: a symbolic computation, not a guess from sample points) of the body, with
exactly the declared assumptions on its names (`positive \\lambda`; an undeclared name is
complex, so `lim x e^{-a x}` with `a` undeclared has no value: SymPy says it depends on a's
sign). SymPy's value is for a generic value of the other names, so it must hold again at
their special values (`not_uniform`: `lim_{n→∞} t^{1/n}` is 1, but 0 at t = 0). The
limit's variable ranges where its approach comes from, never by its name's declaration
(the reader's `_limit`). Only a finite value SymPy states in closed form is used; an infinite limit, a
limit that oscillates (`AccumBounds`), one SymPy leaves unevaluated or cannot compute, and a
body outside the elementary functions leave the step undecided, saying why. Numbers at
growing points are never taken for a limit: the numeric comparison of the step evaluates
the limit's closed form.

A limit claim (`\\lim … = L`, a whole side) is `claims.limit`'s, not this module's.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple
from fractions import Fraction

from derive.model.names import Domain
from derive.model.terms import (
    E, I, OO, PI, Add, At, Const, Defined, Deriv, Fn, Limit, Mul, Num, Pow, Sym, nodes, substitute,
)
from derive.notation.show import plain, show
from derive.model.terms import replaced as _replace

_FUNCTIONS = ("exp", "log", "sin", "cos", "tan", "sinh", "cosh", "tanh")
_SYMPY_NAMES = {"binom": "binomial"}          # derive's function name → SymPy's, where they differ
_ASSUMPTIONS = {Domain.REAL: {"real": True}, Domain.POSITIVE: {"positive": True},
                Domain.NONNEGATIVE: {"nonnegative": True}, Domain.INTEGER: {"integer": True},
                Domain.NATURAL: {"positive": True, "integer": True},
                Domain.WHOLE: {"nonnegative": True, "integer": True}}


class NoValue(Exception):
    """A limit in the step whose value derive did not obtain (the message says why)."""


def has_limits(step):
    return any(isinstance(t, Limit) for side in (step.lhs, step.rhs) for t in nodes(side))


def resolved(step, seed="0", deadline=None):
    """The step with every limit replaced by its value (innermost first), and the values
    as text for the verdict; raises NoValue. Each value must also be approached by the
    limit's sequence on the step's instances (`limit_probes.disagreement`)."""
    values = {}
    probe = Probe(seed, deadline, step.hypotheses)
    lhs, rhs = (_resolve(side, step.context, values, probe) for side in (step.lhs, step.rhs))
    return replace(step, lhs=lhs, rhs=rhs), values


class Probe(NamedTuple):
    """What the numeric check of a limit's value needs: the step's seed, its deadline and
    its hypotheses (names they speak of keep their draw)."""

    seed: str
    deadline: object
    hypotheses: tuple


def _resolve(term, context, values, probe):
    limits = [t for t in nodes(term) if isinstance(t, Limit)]
    if not limits:
        return term
    inner = next(t for t in limits if not any(isinstance(u, Limit) for u in nodes(t.body)
                                              if u is not t))
    value = limit_value(inner, context)
    if probe.deadline is not None:
        from derive.engines.limit_probes import disagreement
        why = disagreement(inner, value, context, probe.seed, probe.deadline, probe.hypotheses)
        if why is not None:
            raise NoValue(f"SymPy's value {plain(show(value))} is not shown by numbers: {why}")
    values[inner] = value
    return _resolve(_replace(term, inner, value), context, values, probe)




def limit_value(lim, context):
    """The value of a `Limit` as a term without limits; raises NoValue."""
    import sympy
    symbols = {}
    try:
        body = _to_sympy(sympy, lim.body, context, symbols)
    except NoValue:
        from derive.engines.limit_at_point import value_at_point
        value = value_at_point(lim, context)        # a sum over a family, …
        if value is None:
            raise
        return value
    var = _symbol(sympy, lim.var, context, symbols)
    point = _to_sympy(sympy, lim.point, context, symbols)
    names = {s: n for n, s in symbols.items()}
    try:
        found = sympy.limit(body, var, point, lim.direction)
    except (ValueError, NotImplementedError) as exc:
        raise NoValue(f"SymPy finds no value for the limit ({_named(exc, names)})") from None
    if found.has(sympy.Limit, sympy.AccumBounds) or not found.is_finite:
        raise NoValue(f"the limit is not a finite value SymPy states ({_named(found, names)})")
    exception = not_uniform(sympy, body, var, point, lim.direction, found,
                            lambda e: _named(e, names))
    if exception is not None:
        raise NoValue(exception)
    return from_sympy(sympy, found, names)


def not_uniform(sympy, body, var, point, direction, found, text=str):
    """Why SymPy's limit `found` of `body` may not hold for every value of its other
    symbols, or None. SymPy computes a limit for a generic value of each parameter
    (`lim_{n→∞} t^{1/n} = 1`, false at t = 0): its value is checked again at each
    parameter's special values — 0, and where a sub-expression free of the limit variable,
    or a coefficient of one polynomial in it, vanishes — inside the parameter's declared
    domain. A value that differs there, or is not computed, is reported; `text` shows an
    expression with the step's names."""
    for parameter in sorted(body.free_symbols - {var}, key=str):
        values = _special_values(sympy, body, var, parameter)
        if values is None:
            return (f"the limit's value for a generic {text(parameter)} is {text(found)}, "
                    f"but the values of {text(parameter)} where it may differ were not found")
        for value in values:
            try:
                at = sympy.limit(body.subs(parameter, value), var, point, direction)
            except (ValueError, NotImplementedError):
                at = None
            if at is not None and at.has(sympy.Limit, sympy.AccumBounds):
                at = None
            expected = found.subs(parameter, value)
            if at is None or not (at.is_finite and expected.is_finite) or \
                    sympy.simplify(at - expected) != 0:
                return (f"SymPy's limit {text(found)} is for a generic "
                        f"{text(parameter)}: at {text(parameter)} = {text(value)} the limit "
                        f"is {text(at) if at is not None else 'not a value SymPy states'}, "
                        f"so it is not shown to be one value over {text(parameter)}'s domain")
    return None


_MAX_SPECIAL = 8


def _special_values(sympy, body, var, parameter):
    """The values of `parameter` inside its assumptions where the limit may change, or
    None when they are too many or not found."""
    pieces = []
    for e in sympy.preorder_traversal(body):
        if parameter not in e.free_symbols or e.is_Symbol:
            continue
        if var not in e.free_symbols:
            pieces.append(e)
        elif e.is_polynomial(var):
            pieces.extend(sympy.Poly(e, var).coeffs())
    values = {sympy.Integer(0)}
    try:
        for piece in pieces:
            if parameter in piece.free_symbols:
                values.update(v for v in sympy.solve(piece, parameter, dict=False)
                              if var not in v.free_symbols)
    except (NotImplementedError, ValueError, TypeError):
        return None
    values = [v for v in values if _inside(parameter, v)]
    return sorted(values, key=sympy.default_sort_key) if len(values) <= _MAX_SPECIAL else None


def _inside(parameter, value):
    """Whether `value` may be a value of `parameter` (not excluded by its assumptions)."""
    return not (parameter.is_real and value.is_real is False or
                parameter.is_positive and value.is_nonpositive or
                parameter.is_nonnegative and value.is_negative or
                parameter.is_integer and value.is_integer is False)


def _named(said, names):
    """SymPy's text (an expression or a message) with the step's names as the file spells
    them, never the symbols `s7` made for them (`names`: symbol → Name)."""
    spelled = {str(symbol): plain(name.latex) for symbol, name in names.items()}
    return re.sub(r"\bs\d+\b", lambda m: spelled.get(m.group(), m.group()), str(said))


def _symbol(sympy, name, context, symbols):
    if name not in symbols:
        domain = context.domain(name)
        symbols[name] = sympy.Symbol(f"s{name.serial}", **_ASSUMPTIONS.get(domain, {}))
    return symbols[name]


def _to_sympy(sympy, t, context, symbols, functions=_FUNCTIONS):
    """`t` in SymPy; `functions` are the function names read (`series` adds factorial)."""
    if isinstance(t, Num):
        return sympy.Rational(t.value.numerator, t.value.denominator)
    if isinstance(t, Const):
        return {E: sympy.E, PI: sympy.pi, I: sympy.I, OO: sympy.oo}[t]
    if isinstance(t, Sym):
        return _symbol(sympy, t.name, context, symbols)
    if isinstance(t, Defined):
        return _to_sympy(sympy, t.body, context, symbols, functions)
    if isinstance(t, At) and isinstance(t.body, Deriv):     # [d/dt F]_{t=a}: worked out
        from derive.engines.calculus import NotDifferentiable, without_derivatives
        try:                                    # (substituting t = a gives this bar again)
            worked = without_derivatives(t, context)
        except NotDifferentiable:
            worked = t
        if worked is t or isinstance(worked, At) and isinstance(worked.body, Deriv):
            raise NoValue("derive computes limits of elementary expressions only, not of "
                          "a derivative it cannot work out")
        return _to_sympy(sympy, worked, context, symbols, functions)
    if isinstance(t, At):           # an evaluation bar [F]_a^z: F with its variable put to z
        return _to_sympy(sympy, substitute(t.body, {t.var: t.value}), context, symbols, functions)
    if isinstance(t, (Add, Mul, Pow)):
        args = [_to_sympy(sympy, a, context, symbols, functions) for a in t.args]
        return {Add: sympy.Add, Mul: sympy.Mul, Pow: sympy.Pow}[type(t)](*args)
    if isinstance(t, Fn) and t.fname in functions:
        return getattr(sympy, _SYMPY_NAMES.get(t.fname, t.fname))(
            *[_to_sympy(sympy, a, context, symbols, functions) for a in t.operands])
    raise NoValue(f"derive computes limits of elementary expressions only, not of "
                  f"{type(t).__name__ if not isinstance(t, Fn) else t.fname}")


def from_sympy(sympy, expr, names, functions=_FUNCTIONS, holes=None):
    """SymPy's `expr` read back as a derive term: rationals, e, π, i, the symbols made for
    names (`names`: symbol → Name), the `holes` (SymPy symbol → the derive term it stands
    for), sums, products, powers and the elementary `functions`; anything else raises
    NoValue. The one way back from SymPy for the engines that compute there (limits,
    series' closed forms and ratios, `one_root`'s root)."""
    if expr.is_Rational:
        return Num(Fraction(int(expr.p), int(expr.q)))
    if expr in names:
        return Sym(names[expr])
    if holes and expr in holes:
        return holes[expr]
    constants = {sympy.E: E, sympy.pi: PI, sympy.I: I}
    if expr in constants:
        return constants[expr]
    args = [from_sympy(sympy, a, names, functions, holes) for a in expr.args]
    if expr.is_Add:
        return Add(*args)
    if expr.is_Mul:
        return Mul(*args)
    if expr.is_Pow:
        return Pow(*args)
    name = "exp" if isinstance(expr, sympy.exp) else type(expr).__name__
    name = next((ours for ours, theirs in _SYMPY_NAMES.items() if theirs == name), name)
    if name in functions:
        return Fn(name, *args)
    raise NoValue(f"{_named(expr, names)} is outside what derive reads back")

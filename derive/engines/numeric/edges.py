"""Draws at the edge of a sum's range: on a few draws, an integer symbol in the bounds of
a sum or product is given the value that makes the range hold 0 terms, or run backwards
(an upper bound below the lower one: an empty sum, 0; an empty product, 1).

The ordinary draws put integers in −4..4 and naturals in 1..6, so a bound shifted by a
constant (`\\sum_{i=1}^{n+10}`, `\\sum_{i=m}^{6}`) never runs empty on them — and the empty
range is exactly where a closed form written for a non-empty one fails. The value chosen
is a genuine value of the symbol's declared domain (a natural stays ≥ 1), so a
counterexample found there is certified like any other; when no such value exists the
draw keeps its ordinary values.

On half the draws, also, a sum whose index feeds a mass function over a discrete variable
(`\\sum_{k=1}^{C} q(k|x) \\log p(k|x)`, k declared `discrete` with no range) gives that
variable's range the sum's own values 1..C (`pin_summed_ranges`): a range is otherwise
drawn among arbitrary whole numbers, where p is 0 off it and the log undefined, so almost
no draw would be a case the step speaks of. {1, …, C} is a genuine range (nothing is
assumed about a range's values); the other draws keep arbitrary ones.
"""

from __future__ import annotations

from fractions import Fraction

from derive.engines.numeric.evaluate import _supports
from derive.model.names import Domain, Kind, NamedValues, SizeInfo
from derive.model.terms import Add, Defined, Dens, Dist, Mul, Num, Product, Sum, Sym, nodes

TARGETS = {2: -1, 5: 0, 9: -2}       # draw → the number of terms its range is given
MAX_SUMMED_RANGE = 50                 # a range pinned to a sum's values holds no more


def pin_empty_ranges(instance, terms, labels, context):
    """Give the integer symbols of the sums' bounds in `terms` edge values on this draw."""
    target = TARGETS.get(instance.draw)
    if target is None:
        return
    pinned = set()
    for term in terms:
        for node in nodes(term):
            if isinstance(node, (Sum, Product)) and node.lower is not None:
                count = _linear(Add(node.upper, Mul(Num(-1), node.lower), Num(1)), context)
                if count is not None:
                    _solve(count, target, instance, labels, context, pinned)


def summed_ranges(terms, context):
    """[(sum, ranges)]: the sums in `terms` with both bounds whose index is the argument of
    a mass function over a discrete variable of an abstract range (`_summed_supports`) —
    found once per step, pinned per draw by `pin_summed_ranges`."""
    found = []
    for term in terms:
        for node in nodes(term):
            if isinstance(node, Sum) and node.lower is not None and node.upper is not None:
                supports = _summed_supports(node, context)
                if supports:
                    found.append((node, supports))
    return found


def pin_summed_ranges(instance, summed, labels, context):
    """On the even draws, give each range of `summed` (`summed_ranges`) the values lo..hi
    of its sum, the bounds at the draw's values (after `pin_empty_ranges`). An empty or
    long range is left drawn."""
    if instance.draw % 2:
        return
    for node, supports in summed:
        for support in supports:
            if support in instance._points:
                continue
            ends = [_integer(b, support, instance, labels, context)
                    for b in (node.lower, node.upper)]
            if None not in ends and 1 <= ends[1] - ends[0] + 1 <= MAX_SUMMED_RANGE:
                instance.fix_points(support, {Fraction(v) for v in range(ends[0], ends[1] + 1)})


def _summed_supports(node, context):
    """The ranges of the discrete variables at which a mass function in the sum's body is
    evaluated at the sum's index itself — abstract ranges only: one named by its values,
    or the support of a mass function by formula, is no free choice."""
    found = []
    for t in nodes(node.body):
        if not (isinstance(t, Dens) and isinstance(t.dist, Dist)):
            continue
        for variable, at in zip(t.dist.over, t.at):
            info = context.info(variable)
            support = getattr(info, "support", None)
            if at == Sym(node.var) and getattr(info, "discrete", False) and \
                    support is not None and support not in found and \
                    not isinstance(context.info(support), NamedValues) and \
                    not _supports(support, context):
                found.append(support)
    return found


def _integer(bound, support, instance, labels, context):
    """The whole-number value of a sum's bound on this draw, or None (a bound not linear
    in integer symbols, or one that counts the range being chosen)."""
    part = _linear(bound, context)
    if part is None:
        return None
    constant, coefficients = part
    if any(isinstance(context.info(n), SizeInfo) and context.info(n).of is support
           for n in coefficients):
        return None
    value = constant + sum((a * _value(n, instance, labels, context)
                            for n, a in coefficients.items()), Fraction(0))
    return int(value) if value.denominator == 1 else None


def _solve(count, target, instance, labels, context, pinned):
    """Pin one symbol of `count` = c + Σ a_s s so that the count is `target`."""
    constant, coefficients = count
    names = sorted(coefficients, key=lambda n: labels[n])
    for name in names:
        if name in pinned or isinstance(context.info(name), SizeInfo):
            continue
        others = sum((a * _value(other, instance, labels, context)
                      for other, a in coefficients.items() if other is not name), Fraction(0))
        value = (target - constant - others) / coefficients[name]
        domain = context.declaration(name).domain
        if value.denominator == 1 and (domain is Domain.INTEGER or
                                       domain is Domain.NATURAL and value >= 1 or
                                       domain is Domain.WHOLE and value >= 0):
            instance.pin(labels[name], value)
            pinned.add(name)
            return


def _value(name, instance, labels, context):
    info = context.info(name)
    if isinstance(info, SizeInfo):
        return Fraction(instance.set_size(info.of))
    return instance.symbol(name, labels[name])


def _linear(term, context):
    """(c, {name: a}) with term = c + Σ a · name over free integer symbols, or None."""
    if isinstance(term, Num):
        return term.value, {}
    if isinstance(term, Sym):
        name = term.name
        declaration = context.declaration(name)
        if name.origin is not None or name.local is not None or \
                declaration.kind not in (Kind.SYMBOL, Kind.PARAMETER) or \
                not declaration.domain.is_integer:
            return None
        return Fraction(0), {name: Fraction(1)}
    if isinstance(term, Defined):
        return _linear(term.body, context)
    if isinstance(term, Add):
        constant, coefficients = Fraction(0), {}
        for arg in term.args:
            part = _linear(arg, context)
            if part is None:
                return None
            constant += part[0]
            for name, a in part[1].items():
                coefficients[name] = coefficients.get(name, 0) + a
        return constant, {n: a for n, a in coefficients.items() if a}
    if isinstance(term, Mul):
        parts = [_linear(arg, context) for arg in term.args]
        if any(p is None for p in parts) or sum(bool(p[1]) for p in parts) > 1:
            return None
        scale = Fraction(1)
        for constant, coefficients in parts:
            if not coefficients:
                scale *= constant
        (constant, coefficients), = [p for p in parts if p[1]] or [(Fraction(1), {})]
        return scale * constant, {n: scale * a for n, a in coefficients.items()}
    return None

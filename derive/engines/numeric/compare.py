"""Compare the two sides of a step on random instances, and certify a counterexample.

On each instance both sides are evaluated in ball arithmetic, at 64 bits first and at
twice the precision while the balls cannot decide, up to `MAX_PRECISION`. A relation
*fails* on an instance only when the enclosures prove it — `lhs − rhs` excludes 0 for `=`,
its real part is certainly positive for `≤`, a side's imaginary part certainly non-zero for
an order — and the evaluation was exact (see `evaluate`): that is a certified
counterexample, whatever the magnitudes (`10^{100} + 1 − 10^{100}`, `1 + 10^{-80}`). It
*holds* when the enclosures are consistent with it at a tight radius. `≠` never fails on
numbers: refuting it needs an exact proof of equality (the normal form's).
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from fractions import Fraction
from itertools import product
from math import prod

from flint import acb, ctx

from derive.engines.numeric.edges import pin_empty_ranges, pin_summed_ranges, summed_ranges
from derive.engines.hypotheses import Gap, Members
from derive.engines.numeric import test_functions
from derive.engines.numeric.evaluate import Evaluator, NotEvaluable
from derive.engines.numeric.instances import KINDS, Instance
from derive.model.derivation import Counterexample, Relation
from derive.model.names import IndependentCopies, Kind, SampleInfo, WholeRange
from derive.model.terms import Dist, Num, free_names, nodes, substitute
from derive.notation import families, vectors
from derive.notation.show import member_latex
from derive.notation.joint import (
    alike_marginals, declared_expressions_written, joint_variables, with_expressions,
)

START_PRECISION, MAX_PRECISION = 64, 4096
PRECISE = 1024        # a step without a proof agrees only at this precision or exactly
DRAWS = 12
TOLERANCE = 1e-12                       # relative radius under which "= holds" is accepted
TABLE = 64                              # values of a drawn distribution a counterexample lists

HOLDS, FAILS, UNCLEAR, SKIPPED = "holds", "fails", "unclear", "skipped"

# hypotheses derive could not build into the instances, as (relation, lhs, rhs) in the
# step's restricted terms, and the counterexamples found where each certainly holds
_CONDITIONS = ContextVar("conditions", default=None)


class HeldOut:
    """The counterexamples found under held-out conditions, how many failing instances
    were skipped for not being shown to satisfy them, and — when some of the conditions
    are bounds (`<`, `≤`, `>`, `≥`, `≠`, which a draw can meet; an equation it cannot) —
    how many agreeing instances were judged, how many of those certainly satisfy them all,
    and at how many an exact evaluation shows one of them fails: a proof agreed only where
    the hypotheses are shown to fail is no verdict (`decide._under_usable`). An instance
    where a hypothesis cannot be evaluated exactly (an expectation of an abstract density)
    excludes nothing: the hypothesis may hold there."""

    def __init__(self):
        self.counterexamples = []
        self.skipped = 0
        self.judged = 0
        self.satisfied = 0
        self.excluded = 0


@contextmanager
def held_out(conditions):
    """Within: a counterexample is taken only at an instance where every condition
    (relation, lhs, rhs) certainly holds (an exact evaluation's balls prove it), else the
    instance is skipped. Yields a `HeldOut`."""
    found = HeldOut()
    token = _CONDITIONS.set((tuple(conditions), found))
    try:
        yield found
    finally:
        _CONDITIONS.reset(token)


@dataclass(frozen=True)
class Comparison:
    evaluated: int                      # instances on which the relation could be judged
    agreed: int                         # of those, where it held (to the balls' precision)
    counterexample: Counterexample | None
    note: str = ""                      # why instances were skipped, when all were
    certain: int = 0                    # instances where an exact evaluation's balls prove it
    capped: int = 0                     # instances still unclear at MAX_PRECISION
    differed: int = 0                   # instances where the balls differ, inexactly
    inexact: str = ""                   # why those evaluations were not exact


@dataclass
class _Outcome:
    status: str
    lhs: acb | None = None
    rhs: acb | None = None
    evaluator: Evaluator | None = None
    reason: str = ""
    certain: bool = False               # holds, proved by the balls of an exact evaluation


class Labels(dict):
    """Name → label, and `joints`: each distribution's variables in these terms (a joint
    is drawn as one table over all the variables the step writes it with)."""

    joints: dict = {}
    alike: frozenset = frozenset()      # joints drawn symmetric (`joint.alike_marginals`)


def labels_for(terms, context):
    """A stable identity for every name of a step: its spelling and its rank among names
    spelled alike (so the same input draws the same values in any process)."""
    names = set()
    terms = with_expressions(terms, context)
    for term in terms:
        for t in nodes(term):
            for a in t.args:
                if hasattr(a, "serial"):
                    names.add(a)
                elif isinstance(a, tuple):
                    names.update(x for x in a if hasattr(x, "serial"))
    # an integer a hypothesis bounds is drawn even where the step does not write it: its
    # bounds must not cross (`1 ≤ k ≤ K` leaves no instance at K = 0)
    names.update(n for n, d in context.table.items() if isinstance(d.info, WholeRange))
    for dist in [n for n in names if n in context.parameters]:
        names.update(context.moves_with(dist))
    for dist in list(names):
        law = getattr(context.info(dist), "law", None)
        if law is not None:              # the law of g(z) is drawn from g and the law of z
            names.update((law.map, law.source, law.variable))
    for name in list(names):     # a free value of x, or a member of x's sample, is drawn
        info = context.info(name)  # inside its laws' supports, at their parameters
        variable = info.variable if isinstance(info, IndependentCopies) else \
            info.of if isinstance(info, SampleInfo) else name
        if context.kind(variable) is Kind.VARIABLE:
            names.update(families.laws_in_support(variable, context))
            support = getattr(context.info(variable), "support", None)
            if support is not None and getattr(context.info(variable), "discrete", False):
                names.update(families.range_laws(support, context))   # U(1, m) over x in A
    pending = list(names)
    while pending:                           # names behind formulas and vectors, too
        name = pending.pop()
        found = set()
        formula = families.formula_of(Dist(name, ()), context) \
            if context.kind(name) is Kind.DISTRIBUTION else None
        if formula is not None:
            for low, high, value in formula.pieces:
                found.update(n for t in (low, high, value) if t is not None
                             for n in free_names(t) if n is not formula.variable)
        info = context.info(name.variable)
        if isinstance(info, (vectors.Vector, vectors.VectorVariableInfo)):
            found.update(free_names(info.dimension))
            found.add(info.components)
        if isinstance(info, WholeRange):         # the bounds a hypothesis put on an integer
            found.update(n for b in info.lower + info.upper + info.distinct
                         for n in free_names(b))
        pending += [n for n in found if n not in names]
        names |= found
    ranked, counts = Labels(), {}
    for name in sorted(names, key=lambda n: n.sort_key()):
        counts[name.latex] = counts.get(name.latex, 0) + 1
        ranked[name] = (name.latex, counts[name.latex])
    ranked.joints = joint_variables(terms, context)
    ranked.alike = frozenset(alike_marginals(terms, ranked.joints, context))
    return ranked


def compare(lhs, rhs, relation, context, seed, deadline=None, precise=True, held=()):
    """Judge `lhs relation rhs` on `DRAWS` instances; a certified failure is returned as
    the counterexample. `precise` escalates precision when the balls agree loosely, to
    find tiny differences (for a step with no proof yet)."""
    conditions, found = _CONDITIONS.get() or ((), None)
    lhs, rhs = (declared_expressions_written(t, context) for t in (lhs, rhs))
    labels = labels_for((lhs, rhs) + tuple(t for c in conditions for t in c[1:]), context)
    evaluated = agreed = certain = capped = differed = 0
    notes, inexact = [], []
    summed = summed_ranges((lhs, rhs), context)
    for draw in range(DRAWS):
        instance = Instance(seed, draw, context)
        pin_empty_ranges(instance, (lhs, rhs), labels, context)
        pin_summed_ranges(instance, summed, labels, context)
        stand_ins = test_functions.instantiate((lhs, rhs), context, seed, draw)
        left, right, here = stand_ins.put(lhs), stand_ins.put(rhs), stand_ins.context
        outcome = _judge(left, right, relation, here, instance, labels, deadline, precise,
                         held)
        if outcome.status != SKIPPED and _index_outside(instance, labels, context):
            outcome = _Outcome(SKIPPED, reason="an index with assumed bounds lies outside the "
                               "index set of a bound-less sum")
        if outcome.status == SKIPPED:
            notes.append(outcome.reason)
            continue
        evaluated += 1
        capped += outcome.reason == "capped"
        if outcome.reason == "inexact":
            differed += 1
            inexact.append(outcome.evaluator.inexact)
        if outcome.status == HOLDS:
            agreed += 1
            certain += outcome.certain
            bounds = [c for c in conditions if c[0] is not Relation.EQ]
            if found is not None and bounds:
                judged = [_judge(stand_ins.put(left_c), stand_ins.put(right_c), rel, here,
                                 instance, labels, deadline, False, held)
                          for rel, left_c, right_c in bounds]
                found.judged += 1
                found.satisfied += all(o.certain for o in judged)
                found.excluded += any(o.status == FAILS for o in judged)
        elif outcome.status == FAILS:
            if not all(_judge(stand_ins.put(left_c), stand_ins.put(right_c), rel, here,
                              instance, labels, deadline, True, held).certain
                       for rel, left_c, right_c in conditions):
                notes.append("a counterexample here is not shown to satisfy a hypothesis")
                evaluated -= 1
                found.skipped += 1
                continue
            counterexample = _counterexample(outcome, instance, labels, context,
                                             stand_ins.shown)
            if found is not None:
                found.counterexamples.append(counterexample)
            return Comparison(evaluated, agreed, counterexample)
    note = ""
    if not evaluated and notes:
        note = max(set(notes), key=notes.count)
    why = max(set(inexact), key=inexact.count) if inexact else ""
    return Comparison(evaluated, agreed, None, note, certain, capped, differed, why)


def _index_outside(instance, labels, context):
    """Whether a bound-less sum ran over the unspecified index set 1..N on this draw while
    an index with assumed bounds (`1 ≤ j ≤ K`, `WholeRange`) took a value past N: the
    author's j is one of the summed indices (∂/∂z_j Σ_k e^{z_k} = e^{z_j}), so the draw is
    no instance of the step — neither a counterexample nor an agreement."""
    if "index_set" not in vars(instance):
        return False
    top = len(instance.index_set)
    for name, label in labels.items():
        value = instance.drawn(label) if isinstance(context.info(name), WholeRange) else None
        if value is not None and not 1 <= value <= top:
            return True
    return False


def _judge(lhs, rhs, relation, context, instance, labels, deadline, precise, held):
    prec = START_PRECISION
    last = _Outcome(UNCLEAR)
    while prec <= MAX_PRECISION:
        saved = ctx.prec
        ctx.prec = prec
        try:
            ev = Evaluator(context, instance, labels, held, deadline)
            # derivatives are checked against differences on the first draw of each kind
            # (a wrong rule shows there; the repeats would only multiply the cost)
            ev.checking = KINDS.index(instance.kind) == instance.draw
            try:
                ev.draw_ranges()
                left, right = ev.value(lhs), ev.value(rhs)
            except NotEvaluable as exc:
                if "more precision" not in str(exc):
                    return _Outcome(SKIPPED, reason=str(exc))
                prec *= 2
                continue
            except ZeroDivisionError:
                return _Outcome(SKIPPED, reason="evaluation failed: a division by zero")
            except (ValueError, OverflowError):     # Python's own words name its internals
                return _Outcome(SKIPPED, reason="evaluation failed: a value out of the "
                                "range this instance can be evaluated in")
            status = _decide(relation, left, right, prec, precise)
            if status == FAILS and ev.limiting and (relation.strict or relation is Relation.NE) \
                    and (relation is Relation.NE or
                         _decide(_NON_STRICT[relation], left, right, prec, precise) != FAILS):
                return _Outcome(SKIPPED, reason="the sides are equal at a limit of positive "
                                "densities (0 off the cells), which decides no strict relation")
        finally:
            ctx.prec = saved
        last = _Outcome(status, left, right, ev,
                        certain=ev.exact and status == HOLDS and _proves(relation, left, right))
        if status == FAILS:
            return last if ev.exact else _Outcome(UNCLEAR, left, right, ev, reason="inexact")
        if status == HOLDS:
            return last
        prec *= 2
    return replace(last, reason="capped") if last.status == UNCLEAR else last


_NON_STRICT = {Relation.LT: Relation.LE, Relation.GT: Relation.GE}


def _decide(relation, left, right, prec, precise):
    diff = left - right
    scale = max(1.0, _magnitude(left), _magnitude(right))
    radius = max(float(diff.real.rad()), float(diff.imag.rad()))
    tight = radius <= TOLERANCE * scale and (not precise or prec >= PRECISE or radius == 0)
    if relation is Relation.EQ:
        if not diff.contains(0):
            return FAILS
        return HOLDS if tight else UNCLEAR
    if relation is Relation.NE:
        return HOLDS if not diff.contains(0) else UNCLEAR
    for side in (left, right):
        if side.imag != 0:
            return FAILS if not side.imag.contains(0) else UNCLEAR
    d = diff.real
    if not relation.upward:
        d = -d
    strict = relation.strict
    if d > 0 or (strict and d >= 0 and d.is_exact()):
        return FAILS
    if d < 0 or (not strict and (d <= 0 or d.contains(0) and tight)):
        return HOLDS
    return UNCLEAR


def _proves(relation, left, right):
    """Whether the balls themselves prove the relation (not merely fail to contradict it)."""
    diff = left - right
    if relation is Relation.EQ:
        return diff == 0                    # an exact zero: nothing else proves equality
    if relation is Relation.NE:
        return not diff.contains(0)
    if left.imag != 0 or right.imag != 0:
        return False
    d = diff.real if relation.upward else -diff.real
    return bool(d < 0) if relation.strict else bool(d <= 0)


def _magnitude(value):
    try:
        return float(abs(value).upper())
    except (OverflowError, ValueError):
        return float("inf")


# ====================================================================== counterexamples

def _counterexample(outcome, instance, labels, context, functions=()):
    """The instance as the names of the step show it (`functions`: rows for the functions
    put to polynomials, `test_functions`), and both sides' values."""
    ev = outcome.evaluator
    used_continuous = False
    gaps = {}                   # a symbol bounded by hypotheses is shown, not its fresh gaps
    for name in sorted(labels, key=lambda n: n.serial):
        info = context.declaration(name).info
        if isinstance(info, Gap):
            gaps[info.of] = info.value                  # the latest gap's: t in all of them
    rows = [(of.latex, _ball_text(ev._value(value))) for of, value in gaps.items()]
    for name, label in sorted(labels.items(), key=lambda kv: kv[1]):
        declaration = context.declaration(name)
        if name.origin is not None or name.local is not None or \
                isinstance(declaration.info, Gap):
            continue
        if declaration.kind is Kind.DISTRIBUTION and (
                getattr(declaration.info, "formula", None) is not None or
                getattr(declaration.info, "expression", None) is not None):
            continue                         # given by its formula (or its factors' tables)
        if declaration.kind is Kind.DISTRIBUTION:
            used_continuous |= not all(instance.is_discrete(v) for v in declaration.info.over)
            rows.append((name.latex, _distribution_text(ev, name, declaration, labels)))
        elif declaration.kind in (Kind.SYMBOL, Kind.PARAMETER, Kind.VARIABLE) and \
                ("sym", label) in instance._values:
            rows.append((name.latex, _number_text(instance._values[("sym", label)])))
        elif declaration.kind is Kind.FUNCTION and any(r[0] == name.latex for r in functions):
            continue
        elif declaration.kind is Kind.FUNCTION:
            rows += _member_rows(ev, name, declaration.info, label)
            if name in ev.zeroed:
                rows.append((f"{name.latex} off the cells", "0"))
    if used_continuous:
        edges = instance.partition.edges
        rows.insert(0, ("cells", ", ".join(f"[{_number_text(a)}, {_number_text(b)})"
                                           for a, b in zip(edges, edges[1:]))))
    if "index_set" in vars(instance):                       # drawn: a bound-less sum used it
        rows.insert(0, ("index set", "{" + ", ".join(map(str, instance.index_set)) + "}"))
    for support, values in instance._points.items():      # the discrete ranges drawn
        rows.insert(0, (support.latex, "{" + (", ".join(map(_number_text, values[:3])) + ", …"
                                              if support in instance.unbounded else
                                              ", ".join(map(_number_text, values))) + "}"))
    rows += list(functions)
    left, right = outcome.lhs, outcome.rhs
    return Counterexample(tuple(rows), _ball_text(left), _ball_text(right),
                          _ball_text(left - right))


def _member_rows(ev, name, info, label):
    """An unknown function's values drawn, one row per argument in the order of the
    arguments (`a_{1} = 0.5`, `f(2) = …`, all of them), so the instance can be recomputed;
    for the fresh family a total `Σ_j y_j = c` puts y in (`Members`), y's members at the
    whole numbers drawn, as the file spells y."""
    drawn = sorted(((key[2], value) for key, value in ev.instance._values.items()
                    if key[0] == "function" and key[1] == label),
                   key=lambda kv: [_argument_order(part) for part in kv[0]])
    if isinstance(info, Members):
        return [(_member_label(info.of, args, ev),
                 _ball_text(ev._value(substitute(info.member, {info.index: Num(args[0][1])}))))
                for args, _ in drawn if len(args) == 1 and args[0][0] == "int"]
    return [(_member_label(name, args, ev), _number_text(value)) for args, value in drawn]


def _argument_order(part):
    """Whole numbers first by value, then cells by position, then other points by text."""
    if part[0] == "int":
        return (0, part[1], "")
    if part[0] == "cell":
        return (1, part[1], "")
    return (2, 0, str(part[1:]))


def _member_label(name, args, ev):
    """`a_{\\cdot}` at 2 as `a_{2}`, f at 2 as `f(2)`, f on a cell (where a continuous
    variable's point is) as `f(a point of [0.5, 1.25))`, f at any other point as its value
    is shown everywhere (`f(0.629 + 1.484i)`), never the key's pair of digit strings."""
    edges = ev.instance.partition.edges
    shown = []
    for part in args:
        if part[0] == "int":
            shown.append(str(part[1]))
        elif part[0] == "cell" and part[1] + 1 < len(edges):
            shown.append(f"a point of [{_number_text(edges[part[1]])}, "
                         f"{_number_text(edges[part[1] + 1])})")
        elif part[0] == "v":                     # ("v", (real digits, imaginary digits), …)
            shown.append(_ball_text(acb(*part[1])))
        else:
            shown.append(str(part[1]))
    text = ", ".join(shown)
    if name.latex.endswith("_{\\cdot}") and len(args) == 1:
        return member_latex(name.latex, text)
    return f"{name.latex}({text})"


def _distribution_text(ev, name, declaration, labels):
    """A drawn distribution as the values the evaluation used: its table over every variable
    the step writes it with (`labels.joints`: p(y) of a `density p over x` is the y-marginal
    of that joint), the last variable varying fastest, then the marginal on each variable
    of a joint, and for a conditional family its table for each value of what it is given.
    A table of more than `TABLE` values is described, not listed."""
    info = declaration.info
    variables = tuple(labels.joints.get(name, info.over))
    axes = tuple(info.given) + variables
    sizes = [ev._size(v) for v in axes]
    if prod(sizes) > TABLE:
        return "a positive table on the cells"
    dist = Dist(name, info.over)
    saved = ctx.prec
    ctx.prec = 64
    try:
        def values(at, given=()):
            """The table at every cell of the `at` variables, the `given` ones first."""
            cells = product(*(range(ev._size(v)) for v in tuple(given) + tuple(at)))
            return "(" + ", ".join(_short(ev.table(
                dist, info, dict(zip(at, c[len(given):])), dict(zip(given, c[:len(given)]))))
                for c in cells) + ")"
        if len(axes) == 1:
            return values(variables) + (" on the values of " + axes[0].latex if
                                        ev.instance.is_discrete(axes[0]) else " on the cells")
        text = values(variables, info.given) + " on " + " × ".join(
            ("the values of " if ev.instance.is_discrete(v) else "the cells of ") + v.latex
            for v in axes) + ", the last varying fastest"
        if info.given:
            text += (f" (a law of {', '.join(v.latex for v in variables)} for each value of "
                     f"{', '.join(v.latex for v in info.given)})")
        elif len(variables) > 1:
            text += "; marginals: " + ", ".join(f"{v.latex} {values((v,))}" for v in variables)
        return text
    except Exception:       # noqa: BLE001 - a description only
        return "a positive table on the cells"
    finally:
        ctx.prec = saved


def _number_text(value):
    """An exact instance value as short text: 3, 0.75, 1.5 - 2i, i."""
    if isinstance(value, tuple):
        re, im = value
        if im == 0:
            return _number_text(re)
        im_text = "i" if abs(im) == 1 else f"{_number_text(abs(im))}i"
        if re == 0:
            return ("-" if im < 0 else "") + im_text
        return f"{_number_text(re)} {'+' if im > 0 else '-'} {im_text}"
    value = Fraction(value)
    return str(value.numerator) if value.denominator == 1 else f"{float(value):.6g}"


def _short(value):
    return value.real.mid().str(6, radius=False)


def _ball_text(value, digits=15):
    """A ball's centre to 15 (or `digits`) digits, without trailing zeros: 0.3, -1.25,
    2 + 0.5i, 3e-40."""
    re = _digits(value.real, digits)
    if value.imag.contains(0):
        return re
    im = _digits(value.imag, digits)
    return f"{re} + {im}i" if not im.startswith("-") else f"{re} - {im[1:]}i"


def _digits(real, digits=15):
    text = real.mid().str(digits, radius=False)
    mantissa, _, exponent = text.partition("e")
    if "." in mantissa:
        mantissa = mantissa.rstrip("0").rstrip(".")
    return mantissa + (f"e{exponent}" if exponent else "")


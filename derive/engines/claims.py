"""Claims that are not equalities of a chain: limits, optimisers, optimisation equivalences.

Each `decide_*` runs in a budgeted child (SymPy's `limit` and `diff` can take long) and
reports `Verdict`s as it goes, the last one being the final word. Each pairs a symbolic
argument with a numeric one, and says `verified` only when the symbolic argument is a
proof and the numbers do not contradict it; `refuted` only with numbers that show it.

* **limit** — SymPy's `limit`, cross-checked by evaluating the expression along a sequence
  approaching the point (at 80 digits). A wrong claimed value is refuted when SymPy finds
  another value and the sequence goes there, not to the claim.
* **optimiser** — `argmax_{y ∈ (a, b)} f = y*` is proved by: y* lies in the domain,
  `f'(y*) = 0`, and `f'' < 0` on the whole domain (strict concavity: the stationary point
  is the unique maximiser). A grid search over the domain looks for a better point.
* **optimisation** — `max_θ A = min_θ B` means the two problems have the same solutions,
  which holds when `A + B` (`A - B` for max = max) does not depend on θ. Independence is
  proved when the normal form of the residual involves no quantity that moves with θ
  (densities declared `depends … on θ`, θ itself; definitions declared `fixed` are held
  at the current θ). Dependence is shown by evaluating the residual at two values of θ.
"""

from __future__ import annotations

import time

import mpmath
from sympy import Add, Float, Limit, Mul, Symbol, cancel, diff, factor, limit, oo, simplify, together
from sympy.core.function import AppliedUndef

from derive.engines import normal_form, numeric
from derive.engines.prepare import evaluate
from derive.model import Counterexample, REFUTED, UNDECIDED, VERIFIED, Verdict
from derive.notation import Defined, Optimum, strip_defined
from derive.notation.context import plain, substitute

SEQUENCE_EXPONENTS = (2, 4, 8, 16, 32)
GRID = 400


def _pointwise(expr, context):
    """Densities at a point read as positive numbers; definitions and author forms resolved."""
    expr = strip_defined(expr)
    mapping = {app: Symbol(app.func.__name__, positive=True) for app in expr.atoms(AppliedUndef)
               if context.density(app.func.__name__) is not None}
    return evaluate(substitute(expr, mapping) if mapping else expr)


def _mp_value(expr, context, instance):
    """`expr` evaluated at 80 digits in `instance` (its other symbols drawn at random)."""
    with mpmath.workdps(80):
        return numeric.Compiler(context, numeric.MP).compile(expr)(numeric.Env(instance, None))


# ---------------------------------------------------------------- limits

def decide_limit(report, step, context, seed):
    if step.relation != "=":
        report(Verdict(UNDECIDED, "limit", f"only '=' is checked for limits, not '{step.relation}'"))
        return
    lim, other = (step.lhs, step.rhs) if isinstance(step.lhs, Limit) else (step.rhs, step.lhs)
    f, v, point, direction = lim.args
    claimed = _pointwise(other, context)
    instance = numeric.Instance(f"{seed}:{step.index}", 0, context)
    sequence = _sequence(f, v, point, str(direction), context, instance)
    shown = ", ".join(f"{mpmath.nstr(x, 3)} → {mpmath.nstr(y, 6)}" for x, y in sequence[-3:])
    report(Verdict(UNDECIDED, "limit", f"along {v} = {shown}; SymPy's limit did not finish"))
    found = limit(f, v, point, str(direction))
    agrees = _same(found, claimed)
    numbers_claimed = _approaches(sequence, claimed, context, instance)
    if agrees and numbers_claimed:
        report(Verdict(VERIFIED, "sympy limit", f"SymPy finds the limit {found}; the sequence "
                       f"{shown} agrees"))
    elif agrees is False and _determinate(found) and not numbers_claimed and \
            _approaches(sequence, found, context, instance):
        last_point, last_value = sequence[-1]
        report(Verdict(
            REFUTED, "sympy limit", f"the limit is {found}, not {claimed}: SymPy finds {found} "
            f"and the sequence {shown} goes there",
            counterexample=Counterexample(
                instance.assignment() + ((str(v), mpmath.nstr(last_point, 6)),),
                mpmath.nstr(last_value, 15), str(claimed), f"the limit is {found}",
                (f"value at {v} = {mpmath.nstr(last_point, 3)}", "claimed limit"))))
    else:
        report(Verdict(UNDECIDED, "sympy limit", f"SymPy finds {found}; the sequence {shown} "
                       f"{'approaches' if numbers_claimed else 'does not clearly approach'} "
                       f"the claimed {claimed}"))


def _sequence(f, v, point, direction, context, instance):
    """[(v_k, f(v_k))] along v → point from the side `direction` (both: '+' side)."""
    out = []
    for k in SEQUENCE_EXPONENTS:
        with mpmath.workdps(80):
            if point == oo:
                at = mpmath.mpf(10) ** k
            elif point == -oo:
                at = -mpmath.mpf(10) ** k
            else:
                base = _mp_value(point, context, instance)
                at = base - mpmath.mpf(10) ** -k if direction == "-" else base + mpmath.mpf(10) ** -k
            value = _mp_value(f.xreplace({v: Float(mpmath.nstr(at, 75), 80)}), context, instance)
        out.append((at, value.real if isinstance(value, mpmath.mpc) else value))
    return out


def _approaches(sequence, target, context, instance):
    """Whether the sequence values settle on `target` (±∞: grow without bound that way)."""
    values = [y for _, y in sequence]
    if target in (oo, -oo):
        sign = 1 if target == oo else -1
        tail = [sign * y for y in values[-3:]]
        return tail[0] < tail[1] < tail[2] and tail[2] > 10
    try:
        goal = _mp_value(target, context, instance)
    except numeric.NotEvaluable:
        return False
    errors = [abs(y - goal) for y in values[-3:]]
    return errors[-1] <= errors[0] and errors[-1] < mpmath.mpf(10) ** -3 * max(1, abs(goal))


def _same(found, claimed):
    """True / False when SymPy can tell whether two limit values are equal; else None."""
    if isinstance(found, Limit) or found.has(Limit):
        return None
    if found in (oo, -oo) or claimed in (oo, -oo):
        return found == claimed
    difference = simplify(found - claimed)
    if difference == 0:
        return True
    return False if difference.is_zero is False else None


def _determinate(value):
    return not isinstance(value, Limit) and value.is_comparable is not False and value.is_finite is not None


# ---------------------------------------------------------------- optimisers

def decide_optimiser(report, step, context, seed):
    if step.relation != "=":
        report(Verdict(UNDECIDED, "optimiser", "an optimiser claim is written argmax … = y*"))
        return
    opt, other = (step.lhs, step.rhs) if isinstance(step.lhs, Optimum) else (step.rhs, step.lhs)
    f, y = _pointwise(opt.function, context), opt.variable
    claimed = _pointwise(other, context)
    low, high, closed = opt.interval
    sign = 1 if opt.kind == "argmax" else -1
    word = "maximiser" if sign == 1 else "minimiser"
    better = _grid_search(f, y, claimed, (low, high), sign, context, f"{seed}:{step.index}")
    if better is not None:
        report(Verdict(REFUTED, "grid search", better[0], counterexample=better[1]))
        return
    report(Verdict(UNDECIDED, "optimiser", "a grid search found no better point than the "
                   "claimed one; the symbolic proof did not finish"))
    failures = []
    if not _inside(claimed, low, high, closed):
        failures.append("not shown to lie in the domain")
    slope = cancel(together(diff(f, y).subs(y, claimed)))
    if slope != 0 and simplify(slope) != 0:
        failures.append(f"f' at the claimed point is {slope}, not shown to be 0")
    curvature = _curvature_sign(diff(f, y, 2), y, low, high)
    if curvature != -sign:
        failures.append("strict " + ("concavity" if sign == 1 else "convexity") +
                        " on the domain not shown")
    if failures:
        report(Verdict(UNDECIDED, "optimiser", "; ".join(failures) +
                       "; a grid search found no better point"))
        return
    detail = (f"the claimed point lies in the domain, f' vanishes there and f'' is "
              f"{'negative' if sign == 1 else 'positive'} on the whole domain, so it is the "
              f"unique {word}; a grid search of {GRID} points agrees")
    method = "stationary point + " + ("concavity" if sign == 1 else "convexity")
    report(Verdict(VERIFIED, method, detail))
    ends = _boundary(f, y, low, high)
    if ends:
        report(Verdict(VERIFIED, method, f"{detail}; at the ends of the domain f → {ends}"))


def _inside(point, low, high, closed):
    def holds(difference, strict):
        d = factor(cancel(together(difference)))
        return bool(d.is_positive) if strict else bool(d.is_nonnegative)
    ok_low = low == -oo or holds(point - low, closed[0] == "(")
    ok_high = high == oo or holds(high - point, closed[1] == ")")
    return ok_low and ok_high


def _curvature_sign(second, y, low, high):
    """-1 or +1 when f'' has that sign on all of (low, high); 0 when not shown."""
    s = Symbol("s", positive=True)
    if low != -oo and high != oo:
        inner = low + (high - low) * s / (1 + s)
    elif low != -oo:
        inner = low + s
    elif high != oo:
        inner = high - s
    else:
        inner = Symbol("t", real=True)
    value = cancel(together(second.subs(y, inner)))
    for candidate in (value, factor(value)):
        if candidate.is_negative:
            return -1
        if candidate.is_positive:
            return 1
    return 0


def _boundary(f, y, low, high):
    """How f behaves at the ends of its domain (the limits there), as text; '' if unknown."""
    try:
        ends = [limit(f, y, low, "+") if low != -oo else limit(f, y, -oo),
                limit(f, y, high, "-") if high != oo else limit(f, y, oo)]
    except (NotImplementedError, ValueError):
        return ""
    if any(isinstance(e, Limit) for e in ends):
        return ""
    return f"{ends[0]} and {ends[1]}"


def _grid_search(f, y, claimed, bounds, sign, context, seed):
    """(message, Counterexample) for a point that beats the claim; else None."""
    low, high = bounds
    instance = numeric.Instance(seed, 0, context)
    with mpmath.workdps(40):
        objective = numeric.Compiler(context, numeric.MP).compile(f)

        def at(point):
            instance.values[y] = point               # the variable's value, exactly
            value = objective(numeric.Env(instance, None))
            return value.real if isinstance(value, mpmath.mpc) and value.imag == 0 else value
        try:
            lo = None if low == -oo else _mp_value(low, context, instance)
            hi = None if high == oo else _mp_value(high, context, instance)
            claim = _mp_value(claimed, context, instance)
            best = at(claim)
        except (numeric.NotEvaluable, ZeroDivisionError, ValueError):
            return None
        if (lo is not None and claim < lo) or (hi is not None and claim > hi):
            return (f"the claimed point {mpmath.nstr(claim, 8)} lies outside the domain",
                    Counterexample(instance.assignment(), mpmath.nstr(claim, 15),
                                   f"({mpmath.nstr(lo, 6) if lo is not None else '-oo'}, "
                                   f"{mpmath.nstr(hi, 6) if hi is not None else 'oo'})", "outside",
                                   ("claimed point", "domain")))
        for i in range(GRID):
            point = _from_unit(mpmath.mpf(i + 0.5) / GRID, lo, hi)
            try:
                value = at(point)
            except (numeric.NotEvaluable, ZeroDivisionError, ValueError):
                continue
            if isinstance(value, mpmath.mpc) or not mpmath.isfinite(value):
                continue
            if sign * (value - best) > mpmath.mpf(10) ** -20 * max(1, abs(best)):
                word = "larger" if sign == 1 else "smaller"
                instance.values.pop(y, None)
                return (f"{y} = {mpmath.nstr(point, 8)} gives {mpmath.nstr(value, 10)}, {word} than "
                        f"{mpmath.nstr(best, 10)} at the claimed point {mpmath.nstr(claim, 8)}",
                        Counterexample(instance.assignment() + ((str(y), mpmath.nstr(point, 10)),),
                                       mpmath.nstr(value, 15), mpmath.nstr(best, 15),
                                       mpmath.nstr(value - best, 15),
                                       (f"objective at {y} = {mpmath.nstr(point, 6)}",
                                        f"objective at the claimed {mpmath.nstr(claim, 6)}")))
    return None


def _from_unit(t, lo, hi):
    if lo is not None and hi is not None:
        return lo + (hi - lo) * t
    if lo is not None:
        return lo + t / (1 - t)
    if hi is not None:
        return hi - t / (1 - t)
    return mpmath.tan(mpmath.pi * (t - mpmath.mpf(1) / 2))


# ---------------------------------------------------------------- optimisation problems

def decide_optimisation(report, step, context, seed):
    left, right = step.lhs, step.rhs
    if not (isinstance(left, Optimum) and isinstance(right, Optimum)) or step.relation != "=":
        report(Verdict(UNDECIDED, "optimisation", "derive checks max/min claims of the form "
                       r"\max_\theta A = \min_\theta B"))
        return
    if left.variable != right.variable:
        report(Verdict(UNDECIDED, "optimisation", "the two problems optimise different variables"))
        return
    theta = plain(left.variable.name)
    opposite = (left.kind == "max") != (right.kind == "max")
    residual_latex = "A + B" if opposite else "A - B"
    residual = Add(left.function, right.function if opposite else Mul(-1, right.function,
                                                                        evaluate=False),
                   evaluate=False)
    moving = {d for d, p in context.parameters if p == left.variable.name} | {left.variable.name}
    held = set(step.fixed)
    evidence = _dependence(residual, context, moving, held, f"{seed}:{step.index}",
                           residual_latex)
    if evidence is not None:
        message, counterexample = evidence
        culprits = _moving_definitions(residual, context, moving, held)
        through = (f" through {', '.join(map(plain, culprits))}, which moves with {theta} (to hold "
                   f"it at the current {theta}, declare '% derive: fixed {culprits[0]}')") if culprits else ""
        report(Verdict(REFUTED, "dependence on " + theta,
                       f"{residual_latex} depends on {theta}{through}: {message}",
                       counterexample=counterexample))
        return
    try:
        value = normal_form.Normaliser(context, time.monotonic() + 60, held).value(residual)
        movers = [a for a in normal_form.atoms_of(value) if a[1] in moving]
    except normal_form.Unsupported as exc:
        report(Verdict(UNDECIDED, "optimisation", f"the residual {residual_latex} is outside the "
                       f"normal form ({exc}); evaluating it at two values of {theta} showed no "
                       "difference"))
        return
    if movers:
        names = ", ".join(sorted({a[1] for a in movers}))
        report(Verdict(UNDECIDED, "optimisation", f"the residual {residual_latex} still involves "
                       f"{names}, which move with {theta}; two values of {theta} showed no difference"))
        return
    kept = f" (holding {', '.join(sorted(map(plain, held)))} fixed)" if held else ""
    report(Verdict(VERIFIED, "independence of " + theta,
                   f"{residual_latex} reduces to an expression in which nothing moves with "
                   f"{theta}{kept}, so both problems have the same solutions; evaluating it at "
                   f"two values of {theta} agrees"))


def _moving_definitions(expr, context, moving, held):
    """Directive definitions in `expr`, not held, whose body involves what moves."""
    names = set()
    for node in expr.atoms(Defined):
        definition = context.definition(node.name)
        if node.name in held or definition is None or definition.source != "define":
            continue
        if any(a.func.__name__ in moving for a in node.body.atoms(AppliedUndef)) or \
                any(s.name in moving for s in node.body.free_symbols):
            names.add(node.name)
    return sorted(names)


def _dependence(residual, context, moving, held, seed, residual_latex):
    """(message, Counterexample) when the residual differs between two parameter values."""
    for draw in range(4):
        results = []
        for dps in (numeric.WORK_DPS, numeric.CONFIRM_DPS):
            with mpmath.workdps(dps):
                instance = numeric.Instance(f"{seed}:{draw}", draw, context, moving)
                compiled = numeric.Compiler(context, numeric.MP, held).compile(residual)
                try:
                    values = []
                    for variant in (1, 2):
                        instance.variant = variant
                        values.append(compiled(numeric.Env(instance, None)))
                except (numeric.NotEvaluable, ZeroDivisionError, ValueError):
                    return None
                results.append((values, instance))
        (first, _), (second, instance) = results
        gap, gap2 = abs(first[0] - first[1]), abs(second[0] - second[1])
        scale = max(1, abs(second[0]))
        if gap2 > scale * mpmath.mpf(10) ** -25 and abs(gap - gap2) < gap2 * mpmath.mpf(10) ** -15:
            a, b = (mpmath.nstr(v, 12) for v in second)
            return (f"it is {a} at one value of the parameter and {b} at another",
                    Counterexample(instance.assignment(), a, b, mpmath.nstr(second[0] - second[1], 12),
                                   (f"{residual_latex} at θ1", f"{residual_latex} at θ2")))
    return None

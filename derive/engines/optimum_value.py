"""Claims about the value of an optimum: `\\sup_{u > 0} \\{ut - u \\log u\\} = \\exp(t - 1)`.

`max`/`sup` (and `min`/`inf`) of f(u) over an interval I, claimed equal to v:

* **refuted** when, on some instance, a point u of a grid over I has f(u) certified above
  v (below, for a minimum): the supremum is at least f(u) > v; or when v is certified not
  real while f is; or when the optimum is proved to be f(u*) (as below) and f(u*) − v is
  certified non-zero on an instance. Grid points and instance values are exact rationals
  and every evaluation is ball arithmetic, so the evidence is certified.
* **verified** when f is shown real on I (the optimum of a complex-valued objective, e.g.
  one with an undeclared letter, is not defined), SymPy finds a stationary point u* of f
  (f'(u*) = 0) shown real and in I for every value of the other symbols, f'' is shown
  negative (positive) on all of I — so u* is the global optimum — and f(u*) − v
  simplifies to 0; and grid points were compared with v on `MIN_AGREEMENT` instances and
  none beats it.
* **undecided** otherwise. An optimum over a function (`\\max_D V(G, D)`) is decided by
  `function_optimum`.

An optimum over a number *inside* an expression (`f^*(t)` defined as `\\max_{x > 0}\\{xt -
f(x)\\}`, then `f^*(t) = e^{t-1} t - f(e^{t-1})`) is an unknown number to the normal form and
the evaluation. `resolved` replaces each such optimum by its value when that value is proved
as above — the objective real and strictly concave (convex, for a min) on an open domain,
with a stationary point u* inside it for every value of the other letters, so f(u*) is the
optimum — and confirmed by the grid search (no grid point beats f(u*) on `MIN_AGREEMENT`
instances); the step is then decided as usual with f(u*) in its place.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from flint import acb, ctx

from derive.engines import normal_form
from derive.engines.decide import MIN_AGREEMENT
from derive.engines.claims import (
    GRID, _at_point, _curvature_sign, _from_unit, _infinite, _inside, _not_real, _ToSympy,
    hidden_movers,
)
from derive.engines.numeric.compare import _ball_text, labels_for
from derive.engines.numeric.evaluate import Evaluator, NotEvaluable, Point, exact_number
from derive.engines.numeric.instances import Instance
from derive.model.derivation import REFUTED, UNDECIDED, VERIFIED, Relation, Verdict
from derive.model.terms import Call, Optimum, free_names, nodes, replaced, substitute
from derive.notation.show import plain

DRAWS = 8


def decide(step, seed, deadline, report=lambda verdict: None):
    """The verdict of `optimum = value` (either side); `report` hears the partial verdict
    once the grid search is done, so a cut at the budget still says what was found."""
    opt, claimed = (step.lhs, step.rhs) if isinstance(step.lhs, Optimum) else (step.rhs, step.lhs)
    if step.relation is not Relation.EQ or opt.kind not in ("max", "min"):
        return Verdict(UNDECIDED, "optimum", "derive checks the value of a max or min "
                       "written max_u f(u) = v")
    if any(isinstance(n, Call) and n.function is opt.var for n in nodes(opt.body)):
        from derive.engines import function_optimum, pointwise_sup
        verdict = pointwise_sup.interchange(step, opt, claimed, seed, deadline)
        if verdict is not None:
            return verdict
        return function_optimum.decide(step, opt, claimed, seed, deadline)
    sign = 1 if opt.kind == "max" else -1
    better, compared = _beaten(step, opt, claimed, sign, seed, deadline)
    if better is not None:
        return Verdict(REFUTED, "grid search", better[0], counterexample=better[1])
    report(Verdict(UNDECIDED, "optimum", f"no grid point of {DRAWS} instances beats the "
                   "claimed value; the symbolic proof did not finish"))
    proved, proof = _stationary(step, opt, claimed, sign, seed, deadline)
    if proved is None:
        return Verdict(REFUTED, "stationary point + " + ("concavity" if sign == 1 else
                                                         "convexity"), proof)
    if proved and compared < MIN_AGREEMENT:
        proved, proof = False, (f"f' vanishes at {proof} in the domain, but grid points gave "
                                f"real values of the objective on {compared} instances (a "
                                f"verdict needs {MIN_AGREEMENT})")
    if not proved:
        return Verdict(UNDECIDED, "optimum", f"{proof}; no grid point of {DRAWS} instances "
                       "beats the claimed value")
    return Verdict(VERIFIED, "stationary point + " + ("concavity" if sign == 1 else "convexity"),
                   f"f' vanishes at {proof}, which lies in the domain, and f'' is "
                   f"{'negative' if sign == 1 else 'positive'} on all of it, so the optimum is "
                   f"f there, which equals the claim; no grid point of {DRAWS} instances beats it")


class NoValue(Exception):
    """An optimum inside the step whose value was not proved (the message says why)."""


def scalar_optima(step):
    """The optima over a number (max or min, not over a function) inside the sides of an
    equation or inequality, innermost first."""
    return [t for side in (step.lhs, step.rhs) for t in nodes(side)
            if isinstance(t, Optimum) and t.kind in ("max", "min") and t.over is None and
            not any(isinstance(n, Call) and n.function is t.var for n in nodes(t.body))]


def resolved(step, seed, deadline):
    """The step with each optimum over a number replaced by its proved value (innermost
    first), and what was found as text; raises NoValue."""
    said = []
    while True:
        optima = scalar_optima(step)
        if not optima:
            return step, said
        opt = optima[0]
        value, text = optimum_at_stationary_point(step, opt, seed, deadline)
        step = replace(step, lhs=replaced(step.lhs, opt, value),
                       rhs=replaced(step.rhs, opt, value))
        said.append(text)


def optimum_at_stationary_point(step, opt, seed, deadline):
    """(f(u*), text) for the optimum `opt` of f over u inside `step`: f real and strictly
    concave (a max; convex for a min) on an open domain with the stationary point u* in it
    for every value of the other letters (`claims._unique_stationary`), u* read back into
    the step's names, and no grid point of `opt`'s domain beyond f(u*) on any instance,
    with `MIN_AGREEMENT` of them compared; raises NoValue saying which part failed."""
    import sympy
    from derive.engines.claims import _unique_stationary
    from derive.engines.limits import NoValue as NotReadBack, from_sympy
    shown = plain(opt.var.latex)
    if opt.interval[2] != "()":
        raise NoValue(f"the {opt.kind} over {shown} is over a domain with a closed end, "
                      "where a stationary point inside need not be the optimum")
    letters = free_names(opt)
    if not letters <= free_names(step.lhs) | free_names(step.rhs):
        raise NoValue(f"the {opt.kind} over {shown} moves with a variable bound around it")
    try:
        to_sympy = _ToSympy(step, deadline)
        f = to_sympy(opt.body)
        low, high = (to_sympy(b) for b in opt.interval[:2])
    except (normal_form.Unsupported, normal_form.Undefined) as exc:
        raise NoValue(f"the objective of the {opt.kind} is outside SymPy ({exc})") from None
    u = to_sympy.variable(opt.var)
    sign = 1 if opt.kind == "max" else -1
    movers = hidden_movers(to_sympy, f, u, step, opt.var)
    if movers:
        raise NoValue(f"the objective of the {opt.kind} involves {', '.join(sorted(movers))}, "
                      f"which SymPy cannot see move with {shown}")
    why = _not_real(sympy, to_sympy, f, u, low, high, opt.kind) or \
        _unique_stationary(sympy, f, u, low, high, "()", sign)
    if isinstance(why, str):
        raise NoValue(f"the {opt.kind} over {shown}: {why}")
    (point,), _ = why
    holes = _holes(sympy, to_sympy, opt, letters)
    if not point.free_symbols <= holes.keys():
        raise NoValue(f"the {opt.kind} over {shown} is at {to_sympy.named(point)}, which "
                      "derive does not read back")
    try:
        at = from_sympy(sympy, point, {}, holes=holes)
    except NotReadBack as exc:
        raise NoValue(f"the {opt.kind} over {shown}: {exc}") from None
    value = substitute(opt.body, {opt.var: at})
    better, compared = _beaten(step, opt, value, sign, seed, deadline)
    if better is not None:
        raise NoValue(f"the {opt.kind} over {shown} was proved to be at {shown} = "
                      f"{to_sympy.named(point)}, but {better[0]} — this is a bug in derive, "
                      "please report it")
    if compared < MIN_AGREEMENT:
        raise NoValue(f"the {opt.kind} over {shown} is at {shown} = {to_sympy.named(point)}, "
                      f"but grid points gave real values of the objective on {compared} "
                      f"instances (a verdict needs {MIN_AGREEMENT})")
    curve = "concave" if sign == 1 else "convex"
    return value, (f"the {opt.kind} over {shown} is the objective at its stationary point "
                   f"{shown} = {to_sympy.named(point)} (strictly {curve} on the domain, which "
                   f"holds the point; no grid point beats it)")


def _holes(sp, to_sympy, opt, letters):
    """{SymPy symbol: the term of `opt`'s objective it stands for} — each sub-term in the
    optimum's own free `letters` only (not its variable, nor a letter bound inside the
    objective) that SymPy sees as one symbol (a letter, a family's member `y_1`, a
    function's value), so a stationary point in them reads back as a term."""
    holes = {}
    for t in nodes(opt.body):
        if not free_names(t) or not free_names(t) <= letters:
            continue
        try:
            symbol = to_sympy(t)
        except (normal_form.Unsupported, normal_form.Undefined):
            continue
        if isinstance(symbol, sp.Symbol):
            holes.setdefault(symbol, t)
    return holes


def _beaten(step, opt, claimed, sign, seed, deadline):
    """((message, Counterexample) for a grid point certified beyond the claimed value, else
    None; the number of instances on which grid points gave real values compared with the
    claim)."""
    labels = labels_for((opt, claimed), step.context)
    low, high, _ = opt.interval
    agreed = 0
    for draw in range(DRAWS):
        instance = Instance(seed, draw, step.context)
        saved = ctx.prec
        ctx.prec = 128
        try:
            ev = Evaluator(step.context, instance, labels, deadline=deadline)
            try:
                claim = ev.value(claimed)
                lo = None if _infinite(low) else ev.value(low)
                hi = None if _infinite(high) else ev.value(high)
            except NotEvaluable:
                continue
            if (lo is not None and lo.imag != 0) or (hi is not None and hi.imag != 0):
                continue
            complex_claim = claim.imag != 0 and not claim.imag.contains(0) and ev.exact
            compared = 0
            for i in range(GRID):
                point = _from_unit(Fraction(2 * i + 1, 2 * GRID), lo, hi)
                try:
                    value = ev._at(opt.var, Point(point, None, ("grid", i)), opt.body)
                except NotEvaluable:
                    continue
                if value.imag != 0 or not ev.exact:
                    continue
                if complex_claim:
                    return (f"the claimed {opt.kind} {_ball_text(claim)} is not a real number, "
                            f"while the objective is real (at {plain(opt.var.latex)} = "
                            f"{_ball_text(point)} it is {_ball_text(value)})",
                            _at_point(ev, instance, labels, step, opt, point, value, claim,
                                      "claimed value")), \
                        agreed
                if claim.imag != 0:
                    break
                compared += 1
                if sign * (value.real - claim.real) > 0:
                    word = "above" if sign == 1 else "below"
                    return (f"at {plain(opt.var.latex)} = {_ball_text(point)} the objective is "
                            f"{_ball_text(value)}, {word} the claimed {opt.kind} "
                            f"{_ball_text(claim)}",
                            _at_point(ev, instance, labels, step, opt, point, value, claim,
                                      "claimed value")), \
                        agreed
            agreed += compared > 0
        finally:
            ctx.prec = saved
    return None, agreed


def _stationary(step, opt, claimed, sign, seed, deadline):
    """(True, the stationary point as text) when the claim is proved; (None, evidence) when
    the optimum is proved to be f(u*) and f(u*) − v is certified non-zero on an instance;
    else (False, why not)."""
    import sympy
    try:
        to_sympy = _ToSympy(step, deadline)
        f, value = to_sympy(opt.body), to_sympy(claimed)
        low, high = (to_sympy(b) for b in opt.interval[:2])
    except normal_form.Unsupported as exc:
        return False, f"SymPy was not tried ({exc})"
    u = to_sympy.variable(opt.var)
    movers = hidden_movers(to_sympy, f, u, step, opt.var)
    if movers:
        return False, (f"the objective involves {', '.join(sorted(movers))}, which SymPy "
                       f"cannot see move with {plain(opt.var.latex)}")
    complex_valued = _not_real(sympy, to_sympy, f, u, low, high, opt.kind)
    if complex_valued:
        return False, complex_valued
    try:
        candidates = sympy.solve(sympy.diff(f, u), u)
    except (NotImplementedError, ValueError, TypeError):
        return False, "SymPy found no stationary point"
    closed = opt.interval[2]
    if _curvature_sign(sympy, sympy.diff(f, u, 2), u, low, high) != -sign:
        return False, "strict " + ("concavity" if sign == 1 else "convexity") + " is not shown"
    for point in candidates if isinstance(candidates, list) else []:
        for change in ({}, _exponentials(sympy, [f, value, point])):
            here = point.subs(change) if change else point
            if not _inside(sympy, sympy.simplify(here), low, high, closed):
                continue
            gap = (f.subs(u, point) - value).subs(change) if change else f.subs(u, point) - value
            if sympy.simplify(gap) == 0 or sympy.simplify(sympy.expand_log(gap)) == 0:
                return True, to_sympy.named(point)
            evidence = _certified_gap(sympy, f.subs(u, point) - value, step, to_sympy, seed)
            if evidence is not None:
                shown = to_sympy.named(point)
                return None, (f"f' vanishes at {shown} in the domain and f'' has one sign "
                              f"there, so the {opt.kind} is f({shown}); {evidence}")
    return False, "no stationary point was shown to lie in the domain with the claimed value"


def _certified_gap(sp, gap, step, to_sympy, seed):
    """Text showing `gap` ≠ 0 at an instance, by ball arithmetic; None when not shown."""
    symbols = {sym: atom for atom, sym in to_sympy.converter.symbols.items()}
    names = {}
    for name in _names(step):
        names[name.serial] = name
    labels = labels_for((step.lhs, step.rhs), step.context)
    for draw in range(DRAWS):
        instance = Instance(seed, draw, step.context)
        values = {}
        for sym in gap.free_symbols:
            atom = symbols.get(sym)
            if atom is None or atom[0] != "sym" or atom[2] not in names:
                return None
            name = names[atom[2]]
            values[sym] = exact_number(instance.symbol(name, labels.get(name, (name.latex, 1))))
        saved = ctx.prec
        ctx.prec = 256
        try:
            value = _ball(sp, gap, values)
        except (ValueError, ZeroDivisionError):
            value = None
        finally:
            ctx.prec = saved
        if value is not None and value.is_finite() and not value.contains(0):
            shown = ", ".join(f"{plain(names[symbols[k][2]].latex)} = {_ball_text(v)}"
                              for k, v in values.items())
            return f"at {shown} it differs from the claim by {_ball_text(value)}"
    return None


def _names(step):
    from derive.model.terms import free_names
    return free_names(step.lhs) | free_names(step.rhs)


def _ball(sp, expr, values):
    """A SymPy expression (sums, products, rational powers, exp, log) in ball arithmetic."""
    if expr in values:
        return values[expr]
    if expr.is_Rational:
        return exact_number(Fraction(int(expr.p), int(expr.q)))
    if expr.is_Add:
        out = acb(0)
        for a in expr.args:
            out += _ball(sp, a, values)
        return out
    if expr.is_Mul:
        out = acb(1)
        for a in expr.args:
            out *= _ball(sp, a, values)
        return out
    if expr.is_Pow and expr.exp.is_Rational:
        base = _ball(sp, expr.base, values)
        if expr.exp.is_Integer:
            return base ** int(expr.exp)
        return base ** exact_number(Fraction(int(expr.exp.p), int(expr.exp.q)))
    if isinstance(expr, sp.exp):
        return _ball(sp, expr.args[0], values).exp()
    if isinstance(expr, sp.log):
        return _ball(sp, expr.args[0], values).log()
    if expr == sp.E:
        return acb(1).exp()
    raise ValueError("not evaluated")


def _exponentials(sp, exprs):
    """s ↦ log(1 + r), r > 0, for each positive symbol s under an exponential: an exact
    change of variables (s > 0 ⇔ r > 0) that lets SymPy see e^s − 1 > 0."""
    change = {}
    for expr in exprs:
        for e in expr.atoms(sp.exp):
            for symbol in e.free_symbols:
                if symbol.is_positive and symbol not in change:
                    change[symbol] = sp.log(1 + sp.Dummy("r", positive=True))
    return change

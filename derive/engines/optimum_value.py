"""Claims that state the value of a supremum or an infimum: `\\sup_u (t u − f(u)) = g(t)`.

This is how a convex conjugate is checked against its stated formula (the f-GAN table:
`f^*(t) = \\sup_u (t u − f(u)) = e^{t−1}` for f(u) = u log u), and any "the maximum of
… is …" claim.

* **Proof** (SymPy on the normal form): the objective is strictly concave (convex for an
  infimum) in u on the whole domain, its derivative in u vanishes at a point u* that SymPy
  solves for and shows to lie in the domain, and the objective at u* simplifies to the
  claimed value. Then u* is the unique optimiser and the claimed value is the optimum.
* **Refutation** (certified): a point u of a grid over the domain where the objective is,
  by ball arithmetic, strictly above the claimed supremum (below an infimum) — the
  supremum is at least that value, so the claim is false. Or, once strict concavity is
  proved, two neighbouring grid points a < b where the derivative is certified positive at
  a and negative at b: the maximiser lies between them, so the supremum is at most
  f(a) + f'(a)(b − a), and a claim certified above that bound is false.
* Otherwise `undecided`, saying which part failed.
"""

from __future__ import annotations

from flint import ctx

from derive.engines import normal_form
from derive.engines.numeric.compare import _ball_text, labels_for
from derive.engines.numeric.evaluate import Evaluator, NotEvaluable, Point
from derive.engines.numeric.instances import Instance
from derive.model.derivation import REFUTED, UNDECIDED, VERIFIED, Relation, Verdict
from derive.model.terms import Optimum
from derive.notation.show import plain

GRID = 200


def decide(step, seed, deadline, report):
    opt, claimed = (step.lhs, step.rhs) if isinstance(step.lhs, Optimum) else (step.rhs, step.lhs)
    if step.relation is not Relation.EQ or opt.kind not in ("max", "min"):
        return Verdict(UNDECIDED, "optimum", "derive checks the value of a supremum or an "
                       "infimum written \\sup_u … = value")
    sign = 1 if opt.kind == "max" else -1
    word = "supremum" if sign == 1 else "infimum"
    better = _grid(step, opt, claimed, sign, seed, deadline)
    if better is not None:
        return Verdict(REFUTED, "grid search", better[0], counterexample=better[1])
    report(Verdict(UNDECIDED, "optimum", f"a grid search found no point beyond the claimed "
                   f"{word}; the symbolic proof did not finish"))
    shaped, reason = _prove(step, opt, claimed, sign, deadline)
    if shaped and reason is not None:
        beyond = _bracket(step, opt, claimed, sign, seed, deadline)
        if beyond is not None:
            return Verdict(REFUTED, "concavity + bracket", beyond[0], counterexample=beyond[1])
    if reason is None:
        u = plain(opt.var.latex)
        return Verdict(VERIFIED, "stationary point + " + ("concavity" if sign == 1 else "convexity"),
                       f"the objective is strictly {'concave' if sign == 1 else 'convex'} in {u} "
                       f"on the domain, its derivative vanishes at one point of it, and its value "
                       f"there is the claimed {word}; a grid search of {GRID} points agrees")
    return Verdict(UNDECIDED, "optimum", f"{reason}; a grid search found no point beyond the "
                   f"claimed {word}")


def _prove(step, opt, claimed, sign, deadline):
    """(whether strict concavity (convexity) is proved, None when the claim is proved or
    else why not)."""
    import sympy

    from derive.engines.claims import _curvature_sign, _inside, _ToSympy
    try:
        to_sympy = _ToSympy(step, deadline)
        f, value = to_sympy(opt.body), to_sympy(claimed)
        low, high = (to_sympy(b) for b in opt.interval[:2])
    except (normal_form.Unsupported, normal_form.Undefined) as exc:
        return False, f"SymPy was not tried ({exc})"
    u = to_sympy.variable(opt.var)
    if _curvature_sign(sympy, sympy.diff(f, u, 2), u, low, high) != -sign:
        return False, ("strict " + ("concavity" if sign == 1 else "convexity") +
                       " on the domain is not shown")
    try:
        points = sympy.solve(sympy.diff(f, u), u, dict=False)
    except (NotImplementedError, ValueError):
        return True, "SymPy could not solve for the stationary point"
    inside = [p for p in points if _inside(sympy, p, low, high, opt.interval[2])]
    if len(inside) != 1:
        return True, f"{len(inside)} stationary points were shown to lie in the domain, not one"
    gap = sympy.simplify(f.subs(u, inside[0]) - value)
    if gap != 0:
        return True, f"the objective at its stationary point differs from the claim by {gap}"
    return True, None


def _bracket(step, opt, claimed, sign, seed, deadline):
    """(message, Counterexample) when, f being strictly concave (sign·f), the optimum is
    certified short of the claim: f'(a) > 0 > f'(b) at grid neighbours bounds sup f by
    f(a) + f'(a)(b − a) (for an infimum, the mirror image)."""
    from fractions import Fraction

    from derive.engines.claims import _from_unit, _infinite, _with_instance
    from derive.model.terms import Deriv
    slope_term = Deriv(opt.body, opt.var)
    instance = Instance(seed, 0, step.context)
    labels = labels_for((opt, claimed), step.context)
    saved = ctx.prec
    ctx.prec = 128
    try:
        ev = Evaluator(step.context, instance, labels, deadline=deadline)
        low, high, _ = opt.interval
        try:
            claim = ev.value(claimed)
            lo = None if _infinite(low) else ev.value(low)
            hi = None if _infinite(high) else ev.value(high)
        except NotEvaluable:
            return None
        if claim.imag != 0:
            return None
        previous = None
        for i in range(GRID):
            point = _from_unit(Fraction(2 * i + 1, 2 * GRID), lo, hi)
            try:
                at = Point(point, None, ("bracket", i))
                value = ev._at(opt.var, at, opt.body)
                slope = ev._at(opt.var, at, slope_term)
            except NotEvaluable:
                previous = None
                continue
            if value.imag != 0 or slope.imag != 0 or not ev.exact:
                previous = None
                continue
            current = (point, value, sign * slope.real)
            if previous is not None and previous[2] > 0 and current[2] < 0:
                a, fa, da = previous
                bound = sign * fa.real + da * (point.real - a.real)
                if sign * claim.real > bound:
                    u = plain(opt.var.latex)
                    word = "supremum" if sign == 1 else "infimum"
                    return (f"the objective is strictly {'concave' if sign == 1 else 'convex'} "
                            f"and turns between {u} = {_ball_text(a)} and {_ball_text(point)}, "
                            f"so its {word} lies between {_ball_text(fa)} and "
                            f"{_ball_text(fa + sign * da * (point.real - a.real))}, not at "
                            f"{_ball_text(claim)}",
                            _with_instance(ev, instance, labels, step, fa, claim, None,
                                           (f"objective at {u} = {_ball_text(a)[:10]}",
                                            "claimed value")))
                return None
            previous = current
    finally:
        ctx.prec = saved
    return None


def _grid(step, opt, claimed, sign, seed, deadline):
    """(message, Counterexample) for a grid point certified beyond the claim, else None."""
    from fractions import Fraction

    from derive.engines.claims import _from_unit, _infinite, _with_instance
    for draw in range(3):
        instance = Instance(seed, draw, step.context)
        labels = labels_for((opt, claimed), step.context)
        saved = ctx.prec
        ctx.prec = 128
        try:
            ev = Evaluator(step.context, instance, labels, deadline=deadline)
            low, high, _ = opt.interval
            try:
                claim = ev.value(claimed)
                lo = None if _infinite(low) else ev.value(low)
                hi = None if _infinite(high) else ev.value(high)
            except NotEvaluable:
                continue
            if claim.imag != 0:
                continue
            for i in range(GRID):
                point = _from_unit(Fraction(2 * i + 1, 2 * GRID), lo, hi)
                try:
                    value = ev._at(opt.var, Point(point, None, ("grid", i)), opt.body)
                except NotEvaluable:
                    continue
                if value.imag != 0 or not ev.exact:
                    continue
                if sign * (value.real - claim.real) > 0:
                    u = plain(opt.var.latex)
                    word = "above the claimed supremum" if sign == 1 else \
                        "below the claimed infimum"
                    return (f"{u} = {_ball_text(point)} gives {_ball_text(value)}, {word} "
                            f"{_ball_text(claim)}",
                            _with_instance(ev, instance, labels, step, value, claim, None,
                                           (f"objective at {u} = {_ball_text(point)[:10]}",
                                            "claimed value")))
        finally:
            ctx.prec = saved
    return None

"""Claims that are not transitions of a chain: limits, optimisers, and the equivalence of
two optimisation problems. One decider per kind, behind `decide`.

Each pairs a symbolic argument with a numeric one and says `verified` only when the
symbolic argument is a proof and the numbers agree; `refuted` only with numbers that show
it, certified by ball arithmetic where a comparison of values is the evidence:

* **limit** — SymPy's `limit` of the body's normal form, cross-checked by evaluating the
  body along a sequence approaching the point (10⁻², 10⁻⁴, …, 10⁻³², at 256 bits). A
  wrong claimed value is refuted when SymPy finds another determinate value and the
  sequence goes there, not to the claim.
* **optimiser** (`\\arg\\max_{y ∈ (a, b)} f = y*`) — y* is real and lies in the domain, f is
  real on it (the optimum of a complex-valued objective is not defined: an undeclared
  letter makes it undecided), f′(y*) = 0 and f″ has one sign on the whole domain (so y* is
  the unique optimiser); a grid search of `GRID` points refutes with a point certified
  better than the claim, and must have compared real values for a `verified`.
* **optimum value** (`\\sup_u (t u − f(u)) = g(t)`, a convex conjugate): `optimum_value`.
* **optimisation** (`\\max_θ A = \\min_θ B`, also max = max, min = min) — the problems have
  the same solutions when `A + B` (`A − B` for the same direction) does not depend on θ:
  its normal form involves nothing that moves with θ (θ itself, densities that depend on
  θ, except inside definitions held fixed); refuted by certified values at two values of θ
  that differ. Read as written, the equation is between optimal values: for elementary
  objectives (`_opaque` is false) `verified` also needs SymPy to solve both problems with
  equal values (`_optima`); anything less is undecided, saying why.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from typing import NamedTuple

from flint import acb, arb, ctx

from derive.engines import normal_form
from derive.engines.numeric.compare import _ball_text, _counterexample, _Outcome, labels_for
from derive.engines.numeric.evaluate import Evaluator, NotEvaluable, Point
from derive.engines.numeric.instances import Instance
from derive.model.derivation import (
    REFUTED, UNDECIDED, VERIFIED, Counterexample, Relation, StepKind, Verdict,
)
from derive.model.names import Kind
from derive.model.terms import OO, Add, Limit, Mul, Optimum, neg, nodes
from derive.notation.show import plain, show

GRID = 400
SEQUENCE = (2, 4, 8, 12, 16, 24, 32)


def decide(step, seed, deadline, report):
    deciders = {StepKind.LIMIT: limit, StepKind.OPTIMISER: optimiser,
                StepKind.OPTIMISATION: optimisation}
    return deciders[step.kind](step, seed, deadline, report)


class _ToSympy:
    """Terms without integrals as SymPy expressions, one symbol per atom for the step."""

    def __init__(self, step, deadline):
        import sympy

        from derive.engines.symbolic import Converter
        self.sympy = sympy
        self.normaliser = normal_form.Normaliser(step.context, deadline)
        self.converter = Converter(sympy)
        self.names = {}                     # serial → the bound variable's Name

    def __call__(self, term):
        if term is OO:
            return self.sympy.oo
        if isinstance(term, Mul) and OO in term.args:
            return -self.sympy.oo
        poly = self.normaliser.value(term)
        if any(a[0] == "int" for m in poly.terms for a, _ in m):
            raise normal_form.Unsupported("an integral inside a limit or an optimum")
        return self.sympy.Add(*[self.converter.monomial(m, c) for m, c in poly.terms.items()])

    def named(self, expr):
        """An expression (or a message) as text with the step's names, never SymPy's
        dummies (`_a1`)."""
        text = str(expr)
        for atom, symbol in sorted(self.converter.symbols.items(), key=lambda item:
                                   -len(str(item[1]))):
            if atom[0] == "sym":
                text = text.replace(str(symbol), plain(atom[1]))
            elif atom[0] == "pt" and atom[1][1] in self.names:
                text = text.replace(str(symbol), plain(self.names[atom[1][1]].latex))
        return text

    def variable(self, name):
        self.names[name.serial] = name
        atom = ("pt", ("ph", name.serial), self.normaliser.sign_of_name(name))
        return self.converter.symbol(atom)


# ====================================================================== limits

def limit(step, seed, deadline, report):
    if step.relation is not Relation.EQ:
        return Verdict(UNDECIDED, "limit", "derive checks limit claims of the form lim … = L")
    lim, claimed = (step.lhs, step.rhs) if isinstance(step.lhs, Limit) else (step.rhs, step.lhs)
    var = lim.var
    try:
        sequence, claimed_value = _sequence(step, lim, claimed, seed, deadline)
    except NotEvaluable as exc:
        return Verdict(UNDECIDED, "limit", f"the expression could not be evaluated near the "
                       f"point ({exc})")
    shown = ", ".join(f"{plain(var.latex)} = {x} → {_ball_text(y, 10)}" for x, y in sequence[-3:])
    report(Verdict(UNDECIDED, "limit", f"along {shown}; SymPy's limit did not finish"))
    import sympy
    try:
        to_sympy = _ToSympy(step, deadline)
        expr, target, claim = to_sympy(lim.body), to_sympy(lim.point), to_sympy(claimed)
    except normal_form.Unsupported as exc:
        return Verdict(UNDECIDED, "limit", f"SymPy was not tried ({exc}); along {shown}")
    try:
        found = sympy.limit(expr, to_sympy.variable(var), target, lim.direction)
    except ValueError as exc:           # "the limit does not exist since left hand …"
        return Verdict(UNDECIDED, "sympy limit", f"SymPy finds no limit: "
                       f"{to_sympy.named(str(exc)).lower()}; along {shown}")
    except NotImplementedError:
        return Verdict(UNDECIDED, "sympy limit", f"SymPy could not compute the limit (it may "
                       f"not exist); along {shown}")
    if found.has(sympy.AccumBounds):
        return Verdict(UNDECIDED, "sympy limit", f"SymPy finds that it keeps oscillating "
                       f"within {to_sympy.named(found)}, with no limit; along {shown}")
    same = _same(sympy, found, claim)
    goes_to_claim = _approaches(sequence, claim, claimed_value)
    if same and goes_to_claim:
        return Verdict(VERIFIED, "sympy limit", f"SymPy finds the limit {to_sympy.named(found)}; the sequence "
                       f"{shown} agrees")
    if same is False and _determinate(sympy, found) and not goes_to_claim and \
            _approaches(sequence, found):
        x, y = sequence[-1]
        return Verdict(REFUTED, "sympy limit", f"the limit is {found}, not {claim}: SymPy finds "
                       f"{found} and the sequence {shown} goes there",
                       counterexample=Counterexample(((var.latex, x),), _ball_text(y),
                                                     str(claim), f"the limit is {found}",
                                                     (f"value at {plain(var.latex)} = {x}",
                                                      "claimed limit")))
    return Verdict(UNDECIDED, "sympy limit", f"SymPy finds {to_sympy.named(found)}; the "
                   f"sequence {shown} {'approaches' if goes_to_claim else 'does not clearly approach'}"
                   f" the claimed {show(claimed)}")


def _sequence(step, lim, claimed, seed, deadline):
    """[(text of v_k, value ball)] along v → point, at 256 bits on the first instance, and
    the claimed limit's value there (None when it has none: ∞, or not evaluable)."""
    instance = Instance(seed, 0, step.context)
    labels = labels_for((lim.body, lim.point, claimed), step.context)
    out = []
    saved = ctx.prec
    ctx.prec = 256
    try:
        ev = Evaluator(step.context, instance, labels, deadline=deadline)
        try:
            claimed_value = ev.value(claimed)
        except NotEvaluable:
            claimed_value = None
        point = None if lim.point is OO or isinstance(lim.point, Mul) and OO in lim.point.args \
            else ev.value(lim.point)
        for k in SEQUENCE:
            step_size = arb(10) ** (-k)
            if point is None:
                at = acb(arb(10) ** k) if lim.point is OO else acb(-(arb(10) ** k))
                text = f"{'-' if lim.point is not OO else ''}1e{k}"
            else:
                at = point - step_size if lim.direction == "-" else point + step_size
                text = f"{_ball_text(point)[:8]}{'-' if lim.direction == '-' else '+'}1e-{k}"
            value = ev._at(lim.var, Point(at, None, ("seq", k)), lim.body)
            out.append((text, value))
    finally:
        ctx.prec = saved
    return out, claimed_value


def _approaches(sequence, target, value=None):
    """Whether the sequence's last values close in on `target` (SymPy's), or, when that
    holds symbols, on `value`: the target's ball on the sequence's instance."""
    import sympy
    values = [y for _, y in sequence]
    if target in (sympy.oo, -sympy.oo):
        sign = 1 if target == sympy.oo else -1
        tail = [sign * float(y.real.mid()) for y in values[-3:]]
        return tail[0] < tail[1] < tail[2] and tail[2] > 10
    try:
        goal = complex(target.evalf(30))
    except (TypeError, ValueError):
        if value is None or not value.is_finite():
            return False
        goal = complex(float(value.real.mid()), float(value.imag.mid()))
    errors = [abs(complex(float(y.real.mid()), float(y.imag.mid())) - goal) for y in values[-3:]]
    return errors[-1] <= errors[0] and errors[-1] < 1e-3 * max(1, abs(goal))


def _same(sp, found, claimed):
    if isinstance(found, sp.Limit) or found.has(sp.Limit):
        return None
    if found in (sp.oo, -sp.oo) or claimed in (sp.oo, -sp.oo):
        return found == claimed
    difference = sp.simplify(found - claimed)
    if difference == 0:
        return True
    return False if difference.is_zero is False else None


def _determinate(sp, value):
    return not isinstance(value, sp.Limit) and value.is_comparable is not False and \
        value.is_finite is not None


# ====================================================================== optimisers

def optimiser(step, seed, deadline, report):
    if step.relation is not Relation.EQ:
        return Verdict(UNDECIDED, "optimiser", "an optimiser claim is written argmax … = y*")
    opt, claimed = (step.lhs, step.rhs) if isinstance(step.lhs, Optimum) else (step.rhs, step.lhs)
    sign = 1 if opt.kind == "argmax" else -1
    word = "maximiser" if sign == 1 else "minimiser"
    better, compared = _grid_search(step, opt, claimed, sign, seed, deadline)
    if better is not None:
        return Verdict(REFUTED, "grid search", better[0], counterexample=better[1])
    report(Verdict(UNDECIDED, "optimiser", "a grid search found no better point than the "
                   "claimed one; the symbolic proof did not finish"))
    import sympy
    try:
        to_sympy = _ToSympy(step, deadline)
        f, point = to_sympy(opt.body), to_sympy(claimed)
        low, high = (to_sympy(b) for b in opt.interval[:2])
    except normal_form.Unsupported as exc:
        return Verdict(UNDECIDED, "optimiser", f"SymPy was not tried ({exc}); a grid search "
                       "found no better point")
    y = to_sympy.variable(opt.var)
    closed = opt.interval[2]
    failures = []
    complex_valued = _not_real(sympy, to_sympy, f, y, low, high, opt.kind)
    if complex_valued:
        failures.append(complex_valued)
    if not _inside(sympy, point, low, high, closed):
        failures.append("the claimed point is not shown to lie in the domain")
    slope = sympy.cancel(sympy.together(sympy.diff(f, y).subs(y, point)))
    if slope != 0 and sympy.simplify(slope) != 0:
        failures.append(f"f' at the claimed point is {to_sympy.named(slope)}, not shown to be 0")
    curvature = _curvature_sign(sympy, sympy.diff(f, y, 2), y, low, high)
    if curvature != -sign:
        failures.append("strict " + ("concavity" if sign == 1 else "convexity") +
                        " on the domain is not shown")
    if not compared:
        failures.append("no grid point gave a real value of the objective to compare")
    if failures:
        return Verdict(UNDECIDED, "optimiser", "; ".join(failures) +
                       "; a grid search found no better point")
    detail = (f"the claimed point lies in the domain, f' vanishes there and f'' is "
              f"{'negative' if sign == 1 else 'positive'} on the whole domain, so it is the "
              f"unique {word}; a grid search of {GRID} points agrees")
    method = "stationary point + " + ("concavity" if sign == 1 else "convexity")
    ends = _boundary(sympy, f, y, low, high)
    return Verdict(VERIFIED, method, f"{detail}; at the ends of the domain f → {ends}"
                   if ends else detail)


def _inside(sp, point, low, high, closed):
    """Whether the point is shown to lie in the domain for every value of the other
    symbols: real (a stationary point SymPy finds may be complex, even on all of ℝ) and
    between the ends."""
    def holds(difference, strict):
        d = sp.factor(sp.cancel(sp.together(difference)))
        return bool(d.is_positive) if strict else bool(d.is_nonnegative)
    if not (point.is_real or sp.factor(sp.cancel(sp.together(point))).is_real):
        return False
    ok_low = low == -sp.oo or holds(point - low, closed[0] == "(")
    ok_high = high == sp.oo or holds(high - point, closed[1] == ")")
    return ok_low and ok_high


def _interior(sp, low, high):
    """A point of (low, high) that ranges over all of it as a positive dummy s does (a
    real dummy on the whole line)."""
    s = sp.Dummy("s", positive=True)
    if low != -sp.oo and high != sp.oo:
        return low + (high - low) * s / (1 + s)
    if low != -sp.oo:
        return low + s
    if high != sp.oo:
        return high - s
    return sp.Dummy("t", real=True)


def _not_real(sp, to_sympy, f, y, low, high, kind):
    """Why the objective f is not shown real on the whole domain ('' when it is): the
    optimum of a complex-valued objective is not defined. Names the undeclared letters
    (complex numbers) it involves."""
    value = f.subs(y, _interior(sp, low, high))
    if value.is_real or sp.cancel(sp.together(value)).is_real:
        return ""
    letters = sorted(plain(atom[1]) for atom, symbol in to_sympy.converter.symbols.items()
                     if atom[0] == "sym" and atom[3] == normal_form.COMPLEX and
                     symbol in f.free_symbols)
    word = {"argmax": "maximiser", "argmin": "minimiser"}.get(kind, kind)
    if letters:
        return (f"the objective involves {', '.join(letters)}, not declared real (an "
                f"undeclared letter is a complex number), and the {word} of a complex-valued "
                f"objective is not defined: declare it (% derive: real {letters[0]})")
    return (f"the objective is not shown to be real on the whole domain, and the {word} of "
            "a complex-valued objective is not defined")


def _curvature_sign(sp, second, y, low, high):
    """-1 or +1 when f'' has that sign on all of (low, high); 0 when not shown."""
    value = sp.cancel(sp.together(second.subs(y, _interior(sp, low, high))))
    for candidate in (value, sp.factor(value)):
        if candidate.is_negative:
            return -1
        if candidate.is_positive:
            return 1
    return 0


def _boundary(sp, f, y, low, high):
    try:
        ends = [sp.limit(f, y, low, "+") if low != -sp.oo else sp.limit(f, y, -sp.oo),
                sp.limit(f, y, high, "-") if high != sp.oo else sp.limit(f, y, sp.oo)]
    except (NotImplementedError, ValueError):
        return ""
    if any(isinstance(e, sp.Limit) for e in ends):
        return ""
    return f"{ends[0]} and {ends[1]}"


def _grid_search(step, opt, claimed, sign, seed, deadline):
    """((message, Counterexample) for a point certified better than the claim, else None;
    the number of grid points whose real value was compared with the claim's)."""
    instance = Instance(seed, 0, step.context)
    labels = labels_for((opt, claimed), step.context)
    low, high, closed = opt.interval
    saved = ctx.prec
    ctx.prec = 128
    try:
        ev = Evaluator(step.context, instance, labels, deadline=deadline)
        try:
            claim = ev.value(claimed)
            lo = None if _infinite(low) else ev.value(low)
            hi = None if _infinite(high) else ev.value(high)
            best = ev._at(opt.var, Point(claim, None, ("claim",)), opt.body)
        except NotEvaluable:
            return None, 0
        if claim.imag != 0 or (lo is not None and claim.real < lo.real) or \
                (hi is not None and claim.real > hi.real):
            return (f"the claimed point {_ball_text(claim)} lies outside the domain",
                    _with_instance(ev, instance, labels, step, claim, None, "outside",
                                   ("claimed point", "domain"))), 0
        compared = 0
        for i in range(GRID):
            t = Fraction(2 * i + 1, 2 * GRID)
            point = _from_unit(t, lo, hi)
            try:
                value = ev._at(opt.var, Point(point, None, ("grid", i)), opt.body)
            except NotEvaluable:
                continue
            if value.imag != 0 or best.imag != 0:
                continue
            compared += 1
            if (sign * (value.real - best.real)) > 0 and ev.exact:
                word = "larger" if sign == 1 else "smaller"
                return (f"{plain(opt.var.latex)} = {_ball_text(point)} gives {_ball_text(value)}, "
                        f"{word} than {_ball_text(best)} at the claimed point {_ball_text(claim)}",
                        _with_instance(ev, instance, labels, step, value, best, None,
                                       (f"objective at {plain(opt.var.latex)} = "
                                        f"{_ball_text(point)[:10]}", "objective at the claim"))), \
                    compared
    finally:
        ctx.prec = saved
    return None, compared


def _with_instance(ev, instance, labels, step, left, right, difference, labels_pair):
    base = _counterexample(_Outcome("fails", left, right if right is not None else left, ev),
                           instance, labels, step.context)
    return replace(base, rhs_value=_ball_text(right) if right is not None else "the domain",
                   difference=difference or _ball_text(left - right), labels=labels_pair)


def _infinite(term):
    return term is OO or isinstance(term, Mul) and OO in term.args


def _from_unit(t, lo, hi):
    t = arb(t.numerator) / t.denominator
    if lo is not None and hi is not None:
        return acb(lo.real + (hi.real - lo.real) * t)
    if lo is not None:
        return acb(lo.real + t / (1 - t))
    if hi is not None:
        return acb(hi.real - t / (1 - t))
    return acb((arb.pi() * (t - arb(1) / 2)).tan())


# ====================================================================== optimisation problems

def optimisation(step, seed, deadline, report):
    left, right = step.lhs, step.rhs
    if isinstance(left, Optimum) != isinstance(right, Optimum):
        from derive.engines import optimum_value
        return optimum_value.decide(step, seed, deadline, report)
    if not (isinstance(left, Optimum) and isinstance(right, Optimum)) or \
            step.relation is not Relation.EQ:
        return Verdict(UNDECIDED, "optimisation", "derive checks max/min claims of the form "
                       r"\max_\theta A = \min_\theta B")
    if left.var.latex != right.var.latex:
        return Verdict(UNDECIDED, "optimisation", "the two problems optimise different "
                       "variables")
    theta = plain(left.var.latex)
    opposite = (left.kind == "max") != (right.kind == "max")
    residual_name = "A + B" if opposite else "A - B"
    from derive.model.terms import substitute, Sym
    right_body = substitute(right.body, {right.var: Sym(left.var)}) \
        if right.var is not left.var else right.body
    residual = Add(left.body, right_body if opposite else neg(right_body))
    held = step.context.fixed
    evidence = _dependence(step, residual, left.var, seed, deadline, held, residual_name)
    if evidence is not None:
        message, counterexample = evidence
        culprits = _moving_definitions(residual, step, left.var, held)
        through = (f" through {', '.join(plain(c.latex) for c in culprits)}, which moves with "
                   f"{theta}") if culprits else ""
        kept = (f" (with {', '.join(plain(c.latex) for c in held)} held at its value for the "
                f"current {theta})") if held else ""
        optima = _optima(step, left, right_body, deadline)
        if isinstance(optima, _Optima) and (optima.same_point or optima.same_value):
            holds = "the same solutions" if optima.same_point else "equal optimal values"
            return Verdict(UNDECIDED, "optimisation",
                           f"{residual_name} depends on {theta}, so the objectives do not differ "
                           f"by a constant ({message}); yet the problems are solved at {theta} = "
                           f"{optima.points[0]} and {optima.points[1]} with optimal values "
                           f"{optima.values[0]} and {optima.values[1]}, so read as {holds} "
                           "the claim holds")
        return Verdict(REFUTED, "dependence on " + theta,
                       f"{residual_name} depends on {theta}{through}{kept}: {message}",
                       counterexample=counterexample)
    try:
        value = normal_form.Normaliser(step.context, deadline, held).value(residual)
    except (normal_form.Unsupported, normal_form.Undefined) as exc:
        return Verdict(UNDECIDED, "optimisation", f"the residual {residual_name} is outside "
                       f"the normal form ({exc}); two values of {theta} showed no difference")
    movers = _moving_atoms(value, step, left.var)
    if movers:
        return Verdict(UNDECIDED, "optimisation", f"the residual {residual_name} still involves "
                       f"{', '.join(sorted(movers))}, which move with {theta}; two values of "
                       f"{theta} showed no difference")
    kept = f" (holding {', '.join(plain(c.latex) for c in held)} fixed)" if held else ""
    optima = _optima(step, left, right_body, deadline)
    if isinstance(optima, str):
        return Verdict(UNDECIDED, "optimisation",
                       f"{residual_name} does not depend on {theta}{kept}, so the problems have "
                       f"the same solutions if they have any; but {optima}, so the optimal "
                       "values the equation states are not shown to exist and agree")
    if optima is not None and not optima.same_value:
        return Verdict(UNDECIDED, "optimisation",
                       f"{residual_name} does not depend on {theta}{kept}, so both problems have "
                       f"the same solutions ({theta} = {optima.points[0]}); but their optimal "
                       f"values are {optima.values[0]} and {optima.values[1]}, so read as an "
                       "equation between numbers the claim does not hold")
    values = (f"; both are solved at {theta} = {optima.points[0]} with the optimal value "
              f"{optima.values[0]}") if optima is not None else ""
    return Verdict(VERIFIED, "independence of " + theta,
                   f"{residual_name} reduces to an expression in which nothing moves with "
                   f"{theta}{kept}, so both problems have the same solutions; evaluating it at "
                   f"two values of {theta} agrees{values}")


class _Optima(NamedTuple):
    """Each problem's unique optimiser and optimal value (as text, in the file's names)."""
    points: tuple
    values: tuple
    same_point: bool
    same_value: bool


def _optima(step, left, right_body, deadline):
    """Both problems solved by SymPy: each objective real and strictly concave (for a max;
    convex for a min) on the whole domain with a stationary point inside it, which is then
    the unique optimiser. None when an objective is outside SymPy (integrals, densities,
    unknown functions: the values are not checked then); a text saying why not when SymPy
    does not establish both optima."""
    import sympy
    bodies = (left.body, right_body)
    if any(_opaque(body) for body in bodies):
        return None
    if left.interval[:2] != step.rhs.interval[:2]:
        return "the two problems range over different domains"
    try:
        to_sympy = _ToSympy(step, deadline)
        objectives = [to_sympy(body) for body in bodies]
        low, high = (to_sympy(b) for b in left.interval[:2])
    except (normal_form.Unsupported, normal_form.Undefined) as exc:
        return f"SymPy could not read the objectives ({exc})"
    u = to_sympy.variable(left.var)
    points, values = [], []
    for f, kind, body in zip(objectives, (left.kind, step.rhs.kind), bodies):
        sign = 1 if kind == "max" else -1
        where = f"the {kind} of {show(body)}"
        complex_valued = _not_real(sympy, to_sympy, f, u, low, high, kind)
        if complex_valued:
            return complex_valued
        if _curvature_sign(sympy, sympy.diff(f, u, 2), u, low, high) != -sign:
            return (f"{where} is not shown to exist (its objective is not shown strictly "
                    f"{'concave' if sign == 1 else 'convex'} on the domain)")
        try:
            candidates = sympy.solve(sympy.diff(f, u), u)
        except (NotImplementedError, ValueError, TypeError):
            candidates = None
        inside = [c for c in candidates if _inside(sympy, c, low, high, left.interval[2])] \
            if isinstance(candidates, list) else []
        if len(inside) != 1:
            return f"{where} is not shown to exist (no stationary point shown in the domain)"
        points.append(inside[0])
        values.append(sympy.simplify(f.subs(u, inside[0])))
    return _Optima(tuple(to_sympy.named(p) for p in points),
                   tuple(to_sympy.named(v) for v in values),
                   sympy.simplify(points[0] - points[1]) == 0,
                   sympy.simplify(values[0] - values[1]) == 0)


def _opaque(body):
    """Whether an objective holds what SymPy cannot see move with the parameter: integrals,
    expectations, operators, densities, unknown functions, derivatives."""
    from derive.model.terms import Call, Dens, Deriv, Dist, Expect, Integral, Op
    return any(isinstance(n, (Call, Dens, Deriv, Dist, Expect, Integral, Op))
               for n in nodes(body))


def _moving_atoms(value, step, theta):
    moving = {d.serial for d, ps in step.context.parameters.items() if theta in ps}
    names = set()

    def walk(obj):
        if isinstance(obj, tuple) and obj and obj[0] == "dens" and obj[2] in moving and \
                not obj[8]:
            names.add(plain(obj[1]))
        elif isinstance(obj, tuple) and obj and obj[0] == "sym" and obj[2] == theta.serial:
            names.add(plain(obj[1]))
        if isinstance(obj, (tuple, frozenset)):
            for x in obj:
                walk(x)
    walk(value.key())
    return names


def _moving_definitions(residual, step, theta, held):
    from derive.model.terms import Defined, Dist, nodes
    moving = {d for d, ps in step.context.parameters.items() if theta in ps}
    out = []
    for node in nodes(residual):
        if isinstance(node, Defined) and node.name not in held and node.name not in out:
            declaration = step.context.declaration(node.name)
            if declaration.kind is Kind.DEFINITION and declaration.info.source == "define" and \
                    any(isinstance(n, Dist) and n.name in moving for n in nodes(node.body)):
                out.append(node.name)
    return out


def _dependence(step, residual, theta, seed, deadline, held, residual_name):
    """(message, Counterexample) when the residual takes certified different values at two
    values of θ on one instance."""
    labels = labels_for((residual,), step.context)
    for draw in range(4):
        instance = Instance(seed, draw, step.context)
        saved = ctx.prec
        ctx.prec = 128
        try:
            values = []
            base = None
            for shift in (Fraction(0), Fraction(3)):
                ev = Evaluator(step.context, instance, labels, held, deadline)
                if base is None:
                    base = acb(Fraction(3, 10).numerator) / Fraction(3, 10).denominator
                theta_value = base + acb(shift.numerator) / shift.denominator
                ev.overrides[theta] = theta_value
                try:
                    values.append((theta_value, ev.value(residual), ev))
                except NotEvaluable:
                    values = []
                    break
            if len(values) != 2:
                continue
            (t1, a, ev1), (t2, b, ev2) = values
            if not (a - b).contains(0) and ev1.exact and ev2.exact:
                outcome = _Outcome("fails", a, b, ev2)
                ce = _counterexample(outcome, instance, labels, step.context)
                ce = replace(ce, assignment=ce.assignment +
                             ((theta.latex, f"{_ball_text(t1)} and {_ball_text(t2)}"),),
                             labels=(f"{residual_name} at {plain(theta.latex)} = {_ball_text(t1)}",
                                     f"{residual_name} at {plain(theta.latex)} = {_ball_text(t2)}"))
                return (f"it is {_ball_text(a)[:14]} at {plain(theta.latex)} = {_ball_text(t1)} "
                        f"and {_ball_text(b)[:14]} at {plain(theta.latex)} = {_ball_text(t2)}", ce)
        finally:
            ctx.prec = saved
    return None


"""The value of an optimum over a function D that enters an integral only through its value
at the integration point: `\\max_D V(G, D) = v` with V(G, D) = ∫ p_data(x) log D(x) dx +
∫ p_z(z) log(1 − D(G(z))) dz (Goodfellow et al. 2014, eq. 4).

**Reading.** The objective is rewritten as ∫ F(x, D(x)) dx: each integral (or expectation)
of the objective over the whole range of its variable in which D occurs only as D(x), at
its own variable x, is kept, with its constant factor (numbers such as ½, declared
symbols: LSGAN's ½ E_{p_data}[(D − b)²] + ½ E_{p_z}[(D(G(z)) − a)²]); one over z in which D occurs only as D(g(z)), with a density
declared the law of g(z) for z ~ p_z, is carried back to x (∫ p_z(z) h(g(z)) dz =
∫ p_g(x) h(x) dx). The rewriting is a guess that counts only once the normal form proves
V = ∫ F(x, D(x)) dx for an unknown D. D ranges over all functions into the domain of
y ↦ F(x, y): the open interval where the logarithms of F are defined (log D, log(1 − D):
(0, 1)), all of ℝ when there are none. Then max_D ∫ F(x, D(x)) dx = ∫ max_y F(x, y) dx
(min likewise). D is a definition's parameter, a declared `function D` or `T : 𝒳 → ℝ`
bound by the optimum (every real function), or ranges over a declared class; two optima
over every function are decided against the one whose optimum is proved (`decide_between`).

* **verified** when SymPy finds y*(x) with ∂F/∂y = 0 there, y* is shown to lie in the
  domain, ∂²F/∂y² is shown negative (positive for a min) on all of it by the sign prover
  under the step's assumptions (so y* is the pointwise optimum), and the claimed value
  equals ∫ F(x, y*(x)) dx as an equality step (normal form proof and numeric agreement).
* **refuted** when a function D in the domain — a constant of a grid, or y* — gives
  V(G, D) certified above the claimed max (below the claimed min) on an instance (ball
  arithmetic, exact evaluation), or when the optimum is proved to be ∫ F(x, y*(x)) dx and
  the equality step with the claim is refuted.
* **undecided** otherwise, saying what was missing; always for an objective not of that
  pointwise form (D at two points, D outside an integral, a dependence on D(x) other than
  polynomials, exponentials and logarithms of affine functions of it).
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from typing import NamedTuple

from flint import ctx

from derive.engines import bounds, normal_form
from derive.engines.claims import _curvature_sign, _inside, _interior, _not_real
from derive.engines.claims import _ToSympy, _with_instance
from derive.engines.numeric.compare import _ball_text, labels_for
from derive.engines.numeric.evaluate import Evaluator, NotEvaluable, exact_number
from derive.engines.numeric.instances import Instance
from derive.model.derivation import (
    REFUTED, UNDECIDED, VERIFIED, Relation, StepKind, Verdict,
)
from derive.model.names import Kind, Name
from derive.model.terms import (
    OO, Add, Call, Defined, Dens, Dist, Expect, Fn, Integral, Mul, Num, Pow, Sym, free_names,
    neg, nodes, substitute,
)
from derive.notation.show import plain, show

DRAWS = 8
CONSTANTS = 16          # constant functions D ≡ c tried, spread over the domain


class NotPointwise(Exception):
    """The objective is not shown to be ∫ F(x, D(x)) dx."""


class _Analysis(NamedTuple):
    objective: object      # the optimum's body, definitions unfolded
    x: Name                # the integration variable of ∫ F(x, D(x)) dx
    F: object              # F(x, y), y spelled as the optimum's variable
    rest: object           # the objective's terms without D
    star: tuple | None     # (y*(x) as text, as a term in x), when found in the domain
    missing: str           # why y* is not proved the pointwise optimum ('' when it is)
    proof: str
    tries: list            # (text, D(x) as a term in x): admissible functions to compare


def _analyse(step, opt, deadline):
    """The `_Analysis` of an optimum over the function D, or a message why it is not of
    the pointwise form."""
    sign = 1 if opt.kind in ("max", "argmax") else -1
    D, name = opt.var, plain(opt.var.latex)
    objective = _unfold(opt.body)
    try:
        if opt.interval[:2] != (neg(OO), OO):
            raise NotPointwise(f"a range written for {name} is not read")
        x, F, rest = _pointwise(objective, D, step.context)
        to_sympy = _ToSympy(step, deadline)
        f, y = to_sympy(F), to_sympy.variable(D)
        low, high = _domain(to_sympy, F, D, y)
        reading = Add(rest, Integral(x, _at(F, D, x)))
        if not normal_form.difference(objective, reading, step.context, deadline).is_zero():
            raise NotPointwise(f"the normal form does not show it to be ∫ F(x, {name}(x)) dx")
    except (NotPointwise, normal_form.Unsupported, normal_form.Undefined) as exc:
        return (f"an optimum over the function {name} is checked only for an objective "
                f"∫ F(x, {name}(x)) dx; here {exc}")
    import sympy
    star, missing = _optimum_point(sympy, to_sympy, f, y, low, high, sign)
    tries = [(f"{name} ≡ {_ball_text(exact_number(c))}", Num(c)) for c in _constants(low, high)]
    if star is not None:
        term = _term(sympy, to_sympy, F, star)
        if term is None:
            star, missing = None, (f"{name}* = {to_sympy.named(star)} is not written back "
                                   "as a term")
        else:
            star = (show(term), term)
            tries.append((f"{name}(x) = {star[0]}", term))
    proof = "" if missing else (
        f"the objective is ∫ F(x, {name}(x)) dx (normal form); ∂F/∂{name} vanishes at "
        f"{name}*(x) = {star[0]}, which lies in {_interval(to_sympy, low, high)}, and "
        f"∂²F/∂{name}² is {'negative' if sign == 1 else 'positive'} on all of it, so "
        f"{name}* is the {'maximiser' if sign == 1 else 'minimiser'}")
    return _Analysis(objective, x, F, rest, star, missing, proof, tries)


def decide(step, opt, claimed, seed, deadline):
    """The verdict of `max_D V = v` (or min) for an optimum over the function D."""
    a, early, where = _first(step, opt, lambda a: claimed, f"the claimed {opt.kind}",
                             "beats the claimed value", seed, deadline)
    if early is not None:
        return early
    name = plain(opt.var.latex)
    total = Add(a.rest, Integral(a.x, substitute(a.F, {opt.var: a.star[1]})))
    check = replace(step, kind=StepKind.EQUALITY, relation=Relation.EQ, lhs=claimed, rhs=total)
    verdict = _equal(check, seed, deadline)
    proof = f"{a.proof}, and the {opt.kind} is ∫ F(x, {name}*(x)) dx"
    if verdict.status is VERIFIED:
        return Verdict(VERIFIED, "pointwise optimum", f"{proof}, which equals the claim "
                       f"({verdict.detail}); {where}")
    if verdict.status is REFUTED:
        return Verdict(REFUTED, "pointwise optimum", f"{proof}, which differs from the claim: "
                       f"{verdict.detail}", counterexample=verdict.counterexample)
    return Verdict(UNDECIDED, "pointwise optimum", f"{proof}, but its equality with the claim "
                   f"is not shown ({verdict.detail}); {where}")


def decide_between(step, left, right, seed, deadline):
    """The verdict of `max_D A = max_D B` (or min) with D over every real function: when
    one side's optimum is proved to be ∫ F(x, y*(x)) dx (as `decide` proves it), the other
    is decided against that value — refuted when an admissible function beats it, verified
    when its own optimum is proved equal to it. None when neither side is proved."""
    for known, other in ((left, right), (right, left)):
        a = _analyse(step, known, deadline)
        if isinstance(a, str) or a.missing:
            continue
        value = Add(a.rest, Integral(a.x, substitute(a.F, {known.var: a.star[1]})))
        verdict = decide(step, other, value, seed, deadline)
        if verdict.status is not UNDECIDED:
            return replace(verdict, detail=f"the {known.kind} of {show(known.body)} is "
                           f"{show(value)} ({a.proof}); for the other: {verdict.detail}")
    return None


def decide_optimiser(step, opt, claimed, seed, deadline):
    """The verdict of `argmax_D V = D_c(x)` (or argmin): the claim is the optimal function's
    value at the declared variable x. Refuted when an admissible function gives V certified
    better than V(D_c); verified when D_c(x) = y*(x) is an equality step that holds."""
    word = "maximiser" if opt.kind == "argmax" else "minimiser"

    def at_claim(a):
        return _apply(a.objective, opt.var,
                      lambda at: substitute(claimed, {a.x.variable: at}))
    a, early, where = _first(step, opt, at_claim, f"the objective at the claimed {word}",
                             "does better than the claimed function", seed, deadline)
    if early is not None:
        return early
    name = plain(opt.var.latex)
    check = replace(step, kind=StepKind.EQUALITY, relation=Relation.EQ, lhs=claimed,
                    rhs=substitute(a.star[1], {a.x: Sym(a.x.variable)}))
    verdict = _equal(check, seed, deadline)
    if verdict.status is VERIFIED:
        return Verdict(VERIFIED, "pointwise optimum", f"{a.proof}; the claimed function is "
                       f"{name}* ({verdict.detail}); {where}")
    return Verdict(UNDECIDED, "pointwise optimum", f"{a.proof}; the claimed function is not "
                   f"shown to be {name}* ({verdict.detail}); {where}")


def _first(step, opt, reference, what, beats, seed, deadline):
    """(analysis, a verdict already reached or None, what the search found): undecided
    for an objective not of the pointwise form, refuted when an admissible function does
    better than `reference(analysis)`, undecided when y* is not proved the optimum."""
    analysis = _analyse(step, opt, deadline)
    method = "optimiser" if opt.kind.startswith("arg") else "optimum"
    if isinstance(analysis, str):
        return None, Verdict(UNDECIDED, method, analysis), ""
    name = plain(opt.var.latex)
    better = _beaten(step, opt, analysis, reference(analysis), what, seed, deadline)
    if better is not None:
        return analysis, Verdict(REFUTED, "admissible function", better[0],
                                 counterexample=better[1]), ""
    where = (f"no constant {name} of {CONSTANTS}" + (f" nor {name}*" if analysis.star else "")
             + f" {beats}")
    if analysis.missing:
        return analysis, Verdict(UNDECIDED, method, f"the objective is ∫ F(x, {name}(x)) dx, "
                                 f"but {analysis.missing}; {where}"), where
    return analysis, None, where


def _equal(check, seed, deadline):
    """The equality step `claim = ∫ F(x, y*(x)) dx`; when it is undecided, again with every
    law of g(z) forgotten: an identity for arbitrary densities holds for a pushforward too,
    and the normal form's change of variables (an integral over z carried to x only where
    z stands in g(z) alone) may leave pieces over z that the law-free reading never makes."""
    from derive.engines.decide import equality
    verdict = equality(check, seed, deadline, lambda v: None)
    laws = {n: d for n, d in check.context.table.items()
            if getattr(d.info, "law", None) is not None}
    if verdict.status is not UNDECIDED or not laws:
        return verdict
    table = {n: replace(d, info=replace(d.info, law=None)) if n in laws else d
             for n, d in check.context.table.items()}
    again = equality(replace(check, context=replace(check.context, table=table)), seed,
                     deadline, lambda v: None)
    return again if again.status is VERIFIED else verdict


def _optimum_point(sp, to_sympy, f, y, low, high, sign):
    """(y*, '') when ∂f/∂y vanishes at y* shown in (low, high) and ∂²f/∂y² is shown of the
    sign that makes y* the unique optimum; else (a point in the domain or None, what was
    missing)."""
    word = "concavity" if sign == 1 else "convexity"
    complex_valued = _not_real(sp, to_sympy, f, y, low, high, "max" if sign == 1 else "min")
    if complex_valued:
        return None, complex_valued
    try:
        candidates = sp.solve(sp.diff(f, y), y)
    except (NotImplementedError, ValueError, TypeError):
        candidates = []
    inside = [c for c in candidates if _inside(sp, sp.simplify(c), low, high, "()")] \
        if isinstance(candidates, list) else []
    if not inside:
        return None, "SymPy found no stationary point shown to lie in the domain"
    second = sp.diff(f, y, 2).subs(y, _interior(sp, low, high))
    if _curvature_sign(sp, sp.diff(f, y, 2), y, low, high) != -sign and \
            not bounds._sign(sp, -sign * second, True):
        return inside[0], f"strict {word} on the domain is not shown"
    return inside[0], ""


def _domain(to_sympy, F, D, y):
    """(low, high) as SymPy numbers: where the logarithms of F are defined, each of an
    affine function of D; ℝ when there are none. Raises NotPointwise for any other
    dependence on D than polynomials, exponentials and such logarithms."""
    sp = to_sympy.sympy
    low, high = -sp.oo, sp.oo
    for n in nodes(F):
        if D not in free_names(n):
            continue
        if isinstance(n, Fn) and n.fname == "log":
            arg = sp.expand(to_sympy(n.operands[0]))
            a, b = arg.coeff(y, 1), arg.coeff(y, 0)
            if not (a.is_Rational and b.is_Rational and a != 0 and
                    sp.expand(arg - a * y - b) == 0):
                raise NotPointwise(f"log of {to_sympy.named(arg)}, not an affine function of "
                                   f"{plain(D.latex)}(x), is not read")
            if a > 0:
                low = sp.Max(low, -b / a)
            else:
                high = sp.Min(high, -b / a)
        elif isinstance(n, Pow) and not (isinstance(n.exponent, Num) and
                                         n.exponent.value.denominator == 1 and
                                         n.exponent.value > 0):
            raise NotPointwise(f"{plain(D.latex)}(x) under a power that is not a positive "
                               "integer is not read")
        elif isinstance(n, Fn) and n.fname != "exp" or not isinstance(
                n, (Fn, Pow, Add, Mul, Sym)):
            raise NotPointwise(f"{plain(D.latex)}(x) inside {type(n).__name__} is not read")
    if not low < high:
        raise NotPointwise(f"the logarithms leave no value for {plain(D.latex)}(x)")
    return low, high


def _interval(to_sympy, low, high):
    return f"({to_sympy.named(low)}, {to_sympy.named(high)})"


def _constants(low, high):
    """`CONSTANTS` exact rationals spread over (low, high)."""
    out = []
    for i in range(CONSTANTS):
        t = Fraction(2 * i + 1, 2 * CONSTANTS)
        if low.is_finite and high.is_finite:
            lo, hi = Fraction(str(low)), Fraction(str(high))
            out.append(lo + (hi - lo) * t)
        elif low.is_finite:
            out.append(Fraction(str(low)) + t / (1 - t))
        elif high.is_finite:
            out.append(Fraction(str(high)) - t / (1 - t))
        else:
            out.append((t - Fraction(1, 2)) / (t * (1 - t)))
    return out


def _term(sp, to_sympy, F, expr):
    """A SymPy expression in the symbols of F's parts back as a term, read again to the same
    expression (so the proof about y* is about this term); None when not."""
    back = {}
    for n in nodes(F):
        try:
            poly = to_sympy.normaliser.value(n)
        except (normal_form.Unsupported, normal_form.Undefined):
            continue
        if len(poly.terms) == 1:
            ((m, c),) = poly.terms.items()
            ((atom, power),) = m if len(m) == 1 else ((None, 0),)
            if c == 1 and power == 1:
                symbol = to_sympy.converter.atom(atom)
                if isinstance(symbol, sp.Symbol):
                    back.setdefault(symbol, n)

    def walk(e):
        if e in back:
            return back[e]
        if e.is_Rational:
            return Num(Fraction(int(e.p), int(e.q)))
        if e.is_Add:
            return Add(*[walk(a) for a in e.args])
        if e.is_Mul:
            return Mul(*[walk(a) for a in e.args])
        if e.is_Pow and e.exp.is_Rational:
            return Pow(walk(e.base), walk(e.exp))
        if isinstance(e, (sp.log, sp.exp)):
            return Fn("log" if isinstance(e, sp.log) else "exp", walk(e.args[0]))
        raise ValueError(e)
    try:
        term = walk(expr)
        back_again = to_sympy(term)
    except (ValueError, normal_form.Unsupported, normal_form.Undefined):
        return None
    return term if sp.simplify(back_again - expr) == 0 else None


def _beaten(step, opt, analysis, reference, what, seed, deadline):
    """(message, Counterexample) for a function of the analysis' tries whose value of the
    objective is certified beyond `reference` (`what`) on an instance; else None."""
    sign = 1 if opt.kind in ("max", "argmax") else -1
    labels = labels_for((opt, reference), step.context)
    candidates = [(text, _apply(analysis.objective, opt.var,
                                lambda a, v=value: substitute(v, {analysis.x: a})))
                  for text, value in analysis.tries]
    word = "above" if sign == 1 else "below"
    for draw in range(DRAWS):
        instance = Instance(seed, draw, step.context)
        with ctx.workprec(128):
            ev = Evaluator(step.context, instance, labels, deadline=deadline)
            claim = _real(ev, reference)
            for text, term in candidates if claim is not None else ():
                value = _real(ev, term)
                if value is not None and sign * (value.real - claim.real) > 0:
                    return (f"at {text} the objective is {_ball_text(value)}, {word} "
                            f"{what} {_ball_text(claim)}",
                            _with_instance(ev, instance, labels, step, value, claim, None,
                                           (f"objective at {text}"[:40], what)))
    return None
def _real(ev, term):
    """The term's value as a real ball from an exact evaluation, else None."""
    try:
        value = ev.value(term)
    except NotEvaluable:
        return None
    return value if value.imag == 0 and ev.exact else None


def _unfold(term):
    """The term with every definition replaced by its body (D may be one of its arguments)."""
    memo = {}

    def walk(t):
        if t in memo:
            return memo[t]
        out = walk(t.body) if isinstance(t, Defined) else t.rebuild([walk(c) for c in
                                                                     t.children])
        memo[t] = out
        return out
    return walk(term)


def _apply(term, function, value):
    """`term` with each call `function(a)` replaced by `value(a)`."""
    memo = {}

    def walk(t):
        if t in memo:
            return memo[t]
        if isinstance(t, Call) and t.function is function and len(t.arguments) == 1:
            out = value(walk(t.arguments[0]))
        else:
            out = t.rebuild([walk(c) for c in t.children])
        memo[t] = out
        return out
    return walk(term)


def _at(F, var, x):
    """F(x, y) with y (the optimum's variable, standing for D(x)) back to the call D(x)."""
    return substitute(F, {var: Call(var, Sym(x))})


def _pointwise(objective, D, context):
    """(x, F, rest) with F(x, y) a term in which y is the name D itself and rest the terms
    without D, such that the objective is meant to be rest + ∫ F(x, D(x)) dx (the caller
    proves it). Raises NotPointwise."""
    x, integrands, rest = None, [], []
    for summand in _summands(objective, context):
        if not _mentions(summand, D):
            rest.append(summand)
            continue
        coefficient, integral = _split(summand, context)
        if integral is None:
            raise NotPointwise(f"{plain(D.latex)} occurs outside an integral")
        var, body = _over_x(integral, D, context)
        if x is None:
            x = var
        elif x.variable is not var.variable:
            raise NotPointwise("its integrals range over different variables")
        integrands.append(Mul(coefficient, substitute(body, {var: Sym(x)})))
    if x is None:
        raise NotPointwise(f"{plain(D.latex)} does not occur in it")
    F = _apply(Add(*integrands) if len(integrands) > 1 else integrands[0], D,
               lambda a: _value_at(a, x, D))
    if _mentions(F, D, calls_only=True):
        raise NotPointwise(f"{plain(D.latex)} is used other than as {plain(D.latex)}(x)")
    return x, F, (Add(*rest) if len(rest) > 1 else rest[0]) if rest else Num(0)


def _mentions(term, D, calls_only=False):
    return any(isinstance(n, Call) and n.function is D for n in nodes(term)) or \
        (not calls_only and D in free_names(term))


def _value_at(argument, x, D):
    if argument is not Sym(x):
        raise NotPointwise(f"{plain(D.latex)} is used at a point other than the integration "
                           "variable")
    return Sym(D)


def _summands(term, context, factors=()):
    """The terms of a sum, constant factors distributed over inner sums: −(A + B) is −A,
    −B, and ½(A + B) is ½A, ½B."""
    if isinstance(term, Add):
        return [s for a in term.args for s in _summands(a, context, factors)]
    if isinstance(term, Mul):
        args = _factors(term)
        constants = [a for a in args if _constant(a, context)]
        others = [a for a in args if not _constant(a, context)]
        if len(others) == 1 and isinstance(others[0], Add):
            return _summands(others[0], context, factors + tuple(constants))
    return [Mul(*factors, term) if factors else term]


def _factors(term):
    """The factors of a product, nested products flattened (`\\frac12 E[…]` is
    (1 · 2⁻¹) · E[…])."""
    if isinstance(term, Mul):
        return [f for a in term.args for f in _factors(a)]
    return [term]


def _constant(term, context):
    """Whether a factor is a constant of the objective: numbers (`\\frac12`, π), and symbols
    the file declares, in arithmetic — no integral, density or function (so it depends on
    neither the integration variable nor D)."""
    if any(isinstance(n, (Integral, Expect, Call, Dens, Defined)) for n in nodes(term)):
        return False
    return all(getattr(context.declaration(n), "kind", None) is Kind.SYMBOL
               for n in free_names(term))


def _split(summand, context):
    """(coefficient, integral) for `c · ∫ …` (c a constant factor or a product of them),
    else (None, None)."""
    factors = _factors(summand)
    integrals = [f for f in factors if isinstance(f, (Integral, Expect))]
    others = [f for f in factors if not isinstance(f, (Integral, Expect))]
    if len(integrals) != 1 or not all(_constant(f, context) for f in others):
        return None, None
    return (Mul(*others) if others else Num(1)), integrals[0]


def _over_x(integral, D, context):
    """(x, integrand) of an integral over the whole range of x in which D occurs only as
    D(x); one over z with D only as D(g(z)) is carried to x by a declared law of g(z)."""
    if isinstance(integral, Expect):
        var, body = integral.var, Mul(Dens(integral.dist, (Sym(integral.var),)), integral.body)
    elif type(integral) is Integral and integral.lower is None and integral.upper is None:
        var, body = integral.var, integral.body
    else:
        raise NotPointwise("a sum, product or integral with limits is not read")
    if any(n is Sym(D) for n in nodes(body)):
        raise NotPointwise(f"{plain(D.latex)} occurs other than as a function")
    points = {n.arguments for n in nodes(body) if isinstance(n, Call) and n.function is D}
    if points <= {(Sym(var),)}:
        return var, body
    if len(points) != 1:
        raise NotPointwise(f"{plain(D.latex)} is used at two points of one integral")
    (point,) = next(iter(points))
    for name, declaration in context.table.items():
        law = getattr(declaration.info, "law", None)
        if law is None or point is not Call(law.map, Sym(var)) or \
                var.variable is not law.variable:
            continue
        x = Name(declaration.info.over[0].latex, origin=declaration.info.over[0])
        source = Dens(Dist(law.source, (law.variable,)), (Sym(var),))
        target = Dens(Dist(name, declaration.info.over), (Sym(x),))
        moved = _replace(body, {point: Sym(x), source: target})
        if var in free_names(moved):
            raise NotPointwise(f"the integrand over {plain(var.latex)} depends on it other "
                               f"than through {plain(law.map.latex)}")
        return x, moved
    raise NotPointwise(f"{plain(D.latex)} is used at a point other than the integration "
                       "variable, with no declared law of it")


def _replace(term, table):
    memo = {}

    def walk(t):
        if t in table:
            return table[t]
        if t not in memo:
            memo[t] = t.rebuild([walk(c) for c in t.children])
        return memo[t]
    return walk(term)



"""Claims that are not transitions of a chain: limits, optimisers, the equivalence of
two optimisation problems, antiderivatives. One decider per kind, behind `decide`.

Each pairs a symbolic argument with a numeric one and says `verified` only when the
symbolic argument is a proof and the numbers agree; `refuted` only with numbers that show
it, certified by ball arithmetic where a comparison of values is the evidence:

* **limit** — SymPy's `limit` of the body's normal form, cross-checked by evaluating the
  body along a sequence approaching the point (10⁻², 10⁻⁴, …, 10⁻³², at 256 bits). A
  wrong claimed value is refuted when SymPy finds another determinate value and the
  sequence goes there, not to the claim. SymPy's value is for generic parameters: a
  `verified` also needs it at their special values (`limits.not_uniform`).
* **antiderivative** (`\\int f(x)\\, dx = F(x)`, an integral without limits whose variable
  is free on the other side; an undeclared letter is real there: `chains._one_variable`)
  — the equality F′ = f, by the equality engines, and F shown
  to jump nowhere (`continuity`) for a `verified` (`antiderivative`).
* **optimiser** (`\\arg\\max_{y ∈ (a, b)} f = y*`) — y* is real and lies in the domain, f is
  real on it (the optimum of a complex-valued objective is not defined: an undeclared
  letter makes it undecided), f′(y*) = 0 and f″ has one sign on the whole domain (so y* is
  the unique optimiser); a grid search of `GRID` points refutes with a point certified
  better than the claim, and must have compared real values on `MIN_AGREEMENT` instances
  for a `verified`.
* **optimum value** (`\\sup_u (t u − f(u)) = g(t)`, a convex conjugate): `optimum_value`.
* an integral of a pointwise optimum against an optimum over functions
  (`∫ q sup_t B ≥ sup_T ∫ q B(T(x))`): `pointwise_sup`.
* an optimum or optimiser over a **function** (`\\max_D V(G, D)`, `\\arg\\max_D`):
  `function_optimum`.
* **optimisation** (`\\max_θ A = \\min_θ B`, also max = max, min = min) — read as an
  equation between the optimal values, which authors also use to say that the problems are
  one (A + B, or A − B for the same direction, does not depend on θ: the seed's C4).
  When A − B (same direction) normalises to 0 the objectives are one function and the
  optima are equal: `congruence`. Otherwise `verified` needs both: A ∓ B reduces to
  something in which nothing moves with θ (θ
  itself, densities that depend on θ, except inside definitions held fixed) and agrees at
  two values of θ, and SymPy solves both problems on the objectives' normal forms with
  equal values (`_optima`). `refuted` needs A ∓ B certified to differ at two values of θ
  inside the domain, and the values to fail as well: SymPy finds different optimisers
  with different values, or an objective is outside SymPy (densities, integrals, unknown
  functions left after the normal form: the seed's problem reading). Anything else is
  undecided, saying which reading holds or what was not computed.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from typing import NamedTuple

from flint import acb, arb, ctx

from derive.engines import normal_form
from derive.engines.continuity import jump_free
from derive.engines.limit_probes import approaches, mirrored_disagreement, sequence
from derive.engines.limits import not_uniform
from derive.engines.decide import MIN_AGREEMENT
from derive.engines.numeric.compare import _ball_text, _counterexample, _Outcome, labels_for
from derive.engines.numeric.evaluate import (
    Evaluator, NotEvaluable, Point, _exact_fraction, exact_number,
)
from derive.engines.numeric.instances import Instance
from derive.model.derivation import (
    REFUTED, UNDECIDED, VERIFIED, Counterexample, Relation, StepKind, Verdict,
)
from derive.model.names import Kind
from derive.model.terms import (
    OO, Add, Call, Defined, Deriv, Integral, Limit, Mul, Optimum, Sym, free_names, neg, nodes,
    substitute,
)
from derive.notation.show import plain, show

GRID = 400


def decide(step, seed, deadline, report):
    deciders = {StepKind.LIMIT: limit, StepKind.OPTIMISER: optimiser,
                StepKind.OPTIMISATION: optimisation, StepKind.ANTIDERIVATIVE: antiderivative}
    return deciders[step.kind](step, seed, deadline, report)


class _ToSympy:
    """Terms without integrals as SymPy expressions, one symbol per atom for the step
    (definitions in `held` kept at their current value, as atoms)."""

    def __init__(self, step, deadline, held=frozenset()):
        import sympy

        from derive.engines.symbolic import Converter
        self.sympy = sympy
        self.normaliser = normal_form.Normaliser(step.context, deadline, held)
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
        dummies (`_a1`); terms in lexicographic order, so the text is the same in every
        run. An expression SymPy left unevaluated (`Subs(Derivative(floor(_xi_1)…))`) is
        not shown."""
        if isinstance(expr, str):
            text = expr
        elif expr.has(self.sympy.Subs, self.sympy.Derivative):
            return "an expression SymPy could not evaluate"
        else:
            text = self.sympy.sstr(expr, order="lex")
        for atom, symbol in sorted(self.converter.symbols.items(), key=lambda item:
                                   -len(str(item[1]))):
            if atom[0] == "sym":
                text = text.replace(str(symbol), plain(atom[1]))
            elif atom[0] == "pt" and atom[1][1] in self.names:
                text = text.replace(str(symbol), plain(self.names[atom[1][1]].latex))
        return text

    def variable(self, name):
        """The symbol of the variable the claim binds: the one its occurrences in the terms
        get (a placeholder for a bound name, the name itself for a declared parameter)."""
        self.names[name.serial] = name
        return self(Sym(name))


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
        at_point = _limit_at_point(step, seed, deadline)
        if at_point is not None:
            return at_point
        return Verdict(UNDECIDED, "limit", f"SymPy was not tried ({exc}); along {shown}")
    symbol = to_sympy.variable(var)
    try:
        found = sympy.limit(expr, symbol, target, lim.direction)
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
    exception = same and goes_to_claim and \
        not_uniform(sympy, expr, symbol, target, lim.direction, found, to_sympy.named)
    if exception:
        return Verdict(UNDECIDED, "sympy limit", f"{exception}; along {shown}")
    elsewhere = same and goes_to_claim and \
        mirrored_disagreement(lim, claimed, step.context, seed, deadline, step.hypotheses)
    if elsewhere:
        return Verdict(UNDECIDED, "sympy limit", f"SymPy finds {to_sympy.named(found)} and the "
                       f"sequence {shown} agrees, but {elsewhere}")
    if same and goes_to_claim:
        return Verdict(VERIFIED, "sympy limit", f"SymPy finds the limit {to_sympy.named(found)}; the sequence "
                       f"{shown} agrees")
    if same is False and _determinate(sympy, found) and not goes_to_claim and \
            _approaches(sequence, found):
        x, y = sequence[-1]
        found, claim = to_sympy.named(found), to_sympy.named(claim)
        return Verdict(REFUTED, "sympy limit", f"the limit is {found}, not {claim}: SymPy finds "
                       f"{found} and the sequence {shown} goes there",
                       counterexample=Counterexample(((var.latex, x),), _ball_text(y),
                                                     claim, f"the limit is {found}",
                                                     (f"value at {plain(var.latex)} = {x}",
                                                      "claimed limit")))
    if not same and not goes_to_claim and \
            not any(n.latex == var.latex for n in free_names(claimed)):
        refuted = _refuted_at_value(step, seed, deadline)
        if refuted is not None:
            return refuted
    return Verdict(UNDECIDED, "sympy limit", f"SymPy finds {to_sympy.named(found)}; the "
                   f"sequence {shown} {'approaches' if goes_to_claim else 'does not clearly approach'}"
                   f" the claimed {show(claimed)}")


def _limit_at_point(step, seed, deadline):
    """A claim whose limits SymPy is not given (a sum over a family in the body), decided
    as the equality of their values at a finite point (`limit_at_point`: by continuity, or
    by the derivative quotient of a 0/0 form) with the claimed value — each limit's value
    exact, so the verdict is the equality's; None when a limit has no such value or the
    equality is undecided."""
    from derive.engines.decide import _with_limits
    verdict = _with_limits(replace(step, kind=StepKind.EQUALITY), seed, deadline, lambda v: None)
    if verdict.status not in (VERIFIED, REFUTED):
        return None
    return replace(verdict, method=verdict.method.replace("sympy limit", "limit at a point"),
                   detail=verdict.detail.replace("SymPy's limits", "limits at a point"))


def _refuted_at_value(step, seed, deadline):
    """The claim refuted as an equality between the limit's value and the claimed one, or
    None. When SymPy's value depends on the parameters (`2/λ²` against a claimed `1/λ²`)
    the sequence's numbers cannot be compared with it; the value read back as a term
    (`limits.limit_value`, with its check at the parameters' special values) and the claim
    are evaluated exactly at an instance, and a certified difference there refutes — the
    reading every limit inside an expression gets (`decide._with_limits`). SymPy's value
    may equal the claim at some parameters only (`e^a` against `e^{2a}`, equal at a = 0):
    the certified instance decides, not a symbolic comparison. Not tried when the claim
    names a symbol spelled like the limit's variable (`\\lim_{t \\to 0} t + s = t + s`):
    which t the claim means is unclear."""
    from derive.engines.decide import _with_limits
    verdict = _with_limits(replace(step, kind=StepKind.EQUALITY), seed, deadline, lambda v: None)
    return verdict if verdict.status is REFUTED else None


def _sequence(step, lim, claimed, seed, deadline):
    """[(text of v_k, value ball)] along v → point, at 256 bits on the first instance, and
    the claimed limit's value there (None when it has none: ∞, or not evaluable)."""
    found = sequence(lim, claimed, step.context, Instance(seed, 0, step.context), deadline)
    return found.points, found.target


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
        return approaches(sequence, value)
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


# ====================================================================== antiderivatives

def antiderivative(step, seed, deadline, report):
    """`∫ f(x) dx = F(x)` (an indefinite integral, `chains._kind`): F is an antiderivative
    of f, equality up to a constant, decided as the equality d/dx F(x) = f(x) — proved by
    the equality engines, refuted where the two differ at a certified point. A constant the
    author adds (`+ C`, C any undeclared name) has derivative 0."""
    if step.relation is not Relation.EQ:
        return Verdict(UNDECIDED, "antiderivative", "an indefinite integral is checked in "
                       "an equation ∫ f(x) dx = F(x) only")
    integral, primitive = (step.lhs, step.rhs) if isinstance(step.lhs, Integral) and \
        step.lhs.lower is None else (step.rhs, step.lhs)
    x = integral.var.variable     # the declared variable, or the row's own (`chains._one_variable`)
    integrand = substitute(integral.body, {integral.var: Sym(x)})
    derived = replace(step, kind=StepKind.EQUALITY, lhs=Deriv(primitive, x), rhs=integrand)
    from derive.engines.decide import equality
    jumps = not jump_free(primitive, x, step.context)

    def interim(verdict):
        report(_as_antiderivative(verdict, x, jumps))
    return _as_antiderivative(equality(derived, seed, deadline, interim), x, jumps)


def _as_antiderivative(verdict, x, jumps):
    """The verdict on F′ = f as one on the claim; F′ = f holds only where F's formula is
    differentiable, so a `verified` also needs F shown to jump nowhere (`continuity`)."""
    reading = (f"read as: the side without the integral is an antiderivative of the integrand "
               f"(its derivative in {plain(x.latex)} is the integrand)")
    if jumps and verdict.status == VERIFIED:
        return replace(verdict, status=UNDECIDED, method=f"antiderivative, {verdict.method}",
                       detail=f"{reading}; its derivative is the integrand, but it is not "
                       f"shown to have no jumps (it holds functions with poles or branch "
                       f"cuts that derive does not follow: tan, a log or root of what may "
                       f"be negative or complex, a pole inside a function), and a function "
                       f"that jumps is no antiderivative across the jump")
    return replace(verdict, method=f"antiderivative, {verdict.method}",
                   detail=f"{reading}; {verdict.detail}")


# ====================================================================== optimisers

def optimiser(step, seed, deadline, report):
    if step.relation is not Relation.EQ:
        return Verdict(UNDECIDED, "optimiser", "an optimiser claim is written argmax … = y*")
    opt, claimed = (step.lhs, step.rhs) if isinstance(step.lhs, Optimum) else (step.rhs, step.lhs)
    if _both_optimisers(step):
        verdict = _same_optimisers(step, seed, deadline)
        if verdict is not None:
            return verdict
    if any(isinstance(n, Call) and n.function is opt.var for n in nodes(opt.body)):
        from derive.engines import function_optimum
        return function_optimum.decide_optimiser(step, opt, claimed, seed, deadline)
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
    movers = hidden_movers(to_sympy, f, y, step, opt.var)
    if movers:
        failures.append(f"the objective involves {', '.join(sorted(movers))}, which SymPy "
                        f"cannot see move with {plain(opt.var.latex)}")
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
    if compared < MIN_AGREEMENT:
        failures.append(f"grid points gave real values of the objective on {compared} "
                        f"instances (a verdict needs {MIN_AGREEMENT})")
    if failures:
        return Verdict(UNDECIDED, "optimiser", "; ".join(failures) +
                       "; a grid search found no better point")
    detail = (f"the claimed point lies in the domain, f' vanishes there and f'' is "
              f"{'negative' if sign == 1 else 'positive'} on the whole domain, so it is the "
              f"unique {word}; a grid search of {GRID} points agrees")
    method = "stationary point + " + ("concavity" if sign == 1 else "convexity")
    ends = _boundary(sympy, f, y, low, high, to_sympy.named)
    return Verdict(VERIFIED, method, f"{detail}; at the ends of the domain f → {ends}"
                   if ends else detail)


def _optimiser_side(side, step):
    """The optimiser a side is: itself, or the body of a name defined as one
    (`\\theta_{\\text{min KL}} := \\arg\\min_\\theta …`, not held fixed); else None."""
    if isinstance(side, Defined) and side.name not in step.context.fixed:
        side = side.body
    return side if isinstance(side, Optimum) and side.kind.startswith("arg") else None


def _both_optimisers(step):
    return all(_optimiser_side(side, step) is not None for side in (step.lhs, step.rhs))


def _same_optimisers(step, seed, deadline):
    """`\\arg\\min_θ A = \\arg\\min_θ B` (or argmin = argmax): the sets of optimisers
    are one when A − B (A + B for opposite directions) does not depend on θ — the
    objectives differ by a constant, or by a sign and a constant — over one domain and one
    variable. Verified when that residual's normal form has nothing that moves with θ and
    its values at two θ agree (no existence of an optimiser is needed: two equal sets);
    None (the claim is left to the grid search) otherwise: a residual that moves with θ
    does not make the optimisers differ (θ² and 2θ² have one minimiser)."""
    left, right = (_optimiser_side(side, step) for side in (step.lhs, step.rhs))
    if left.var.latex != right.var.latex or left.over is not right.over or \
            left.interval != right.interval:
        return None
    opposite = left.kind != right.kind
    residual_name = "A + B" if opposite else "A - B"
    right_body = substitute(right.body, {right.var: Sym(left.var)}) \
        if right.var is not left.var else right.body
    residual = Add(left.body, right_body if opposite else neg(right_body))
    held = step.context.fixed
    dependence = _dependence(step, residual, left, seed, deadline, held, residual_name)
    if dependence is not None:
        flipped = Add(left.body, neg(right_body) if opposite else right_body)
        if not _fixed_in_theta(step, flipped, left, right_body, deadline, held):
            return _rescaled(step, left, right, right_body, seed, deadline)
        return _opposite_optimisers(step, left, right, right_body, dependence, deadline)
    if not _fixed_in_theta(step, residual, left, right_body, deadline, held):
        return _rescaled(step, left, right, right_body, seed, deadline)
    theta = plain(left.var.latex)
    kept = f" (holding {', '.join(plain(c.latex) for c in held)} fixed)" if held else ""
    return Verdict(VERIFIED, "independence of " + theta,
                   f"{residual_name} reduces to an expression in which nothing moves with "
                   f"{theta}{kept}, so the two objectives are optimised by the same points; "
                   f"evaluating it at two values of {theta} agrees")


def _rescaled(step, left, right, right_body, seed, deadline):
    """One objective an increasing affine image of the other or of its log
    (`rescaled_optimisers`: a positive factor dropped, a log taken, a negative factor
    turning max into min), or None."""
    from derive.engines import rescaled_optimisers
    return rescaled_optimisers.decide(
        step, left, right, right_body, lambda key: _moving_atoms(key, step, left.var),
        _two_points, seed, deadline)


def _fixed_in_theta(step, residual, left, right_body, deadline, held):
    """Whether the residual's normal form has nothing that moves with θ, both objectives
    being real (the optimum of a complex-valued objective is not defined)."""
    try:
        normaliser = normal_form.Normaliser(step.context, deadline, held)
        value = normaliser.value(residual)
        real = all(normal_form._real_key(normaliser.value(body).key())
                   for body in (left.body, right_body))
    except (normal_form.Unsupported, normal_form.Undefined):
        return False
    return real and not _moving_atoms(value.key(), step, left.var)


def _opposite_optimisers(step, left, right, right_body, dependence, deadline):
    """A refutation of `\\arg\\min_θ A = \\arg\\min_θ B` where B is c − A (A + B, or A − B
    for opposite directions, does not move with θ: the seed's KL-to-likelihood step with
    a sign lost), or None. Then the right side's optimisers are A's opposite ones, and the
    sets differ as soon as one of them is not empty and A is not constant: the residual
    A − B (A + B) taking certified different values at two θ (`dependence`) shows the
    latter; a lemma proving A(θ) ≥ A(θ₀) for every θ (≤ for a maximiser; Gibbs' inequality:
    θ₀ = θ*) the former, for either side. Only on the whole line, θ real, θ₀ a declared
    real symbol of the objective."""
    from derive.engines import bounds
    from derive.model.names import Domain
    theta = left.var
    if not (_infinite(left.interval[0]) and _infinite(left.interval[1])) or \
            step.context.domain(theta) is not Domain.REAL:
        return None
    for kind, body in ((left.kind, left.body), (right.kind, right_body)):
        candidates = sorted((n for n in free_names(body) if n is not theta and
                             step.context.kind(n) is Kind.SYMBOL and
                             step.context.domain(n) is Domain.REAL), key=lambda n: n.latex)
        for point in candidates[:3]:
            bound = replace(step, kind=StepKind.RELATION, hypotheses=(), lhs=body,
                            rhs=substitute(body, {theta: Sym(point)}),
                            relation=Relation.GE if kind == "argmin" else Relation.LE)
            proof = bounds.prove(bound, deadline)
            if proof is None:
                continue
            word = "minimiser" if kind == "argmin" else "maximiser"
            message, counterexample = dependence
            return Verdict(REFUTED, "opposite optimisers", f"the objectives are opposite up to a "
                           f"constant (their {'difference' if left.kind != right.kind else 'sum'} "
                           f"does not move with {plain(theta.latex)}), so one side's optimisers "
                           f"are the other's opposite ones; {plain(point.latex)} is a {word} "
                           f"({proof.detail}), and the objective is not constant ({message}): "
                           f"the two sets differ", counterexample=counterexample)
    return None


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


def _boundary(sp, f, y, low, high, named):
    """f's limits at the ends of the domain, as text in the step's names (`named`: never
    SymPy's dummies), or "" when SymPy does not find them."""
    try:
        ends = [_end_limit(sp, f, y, low, "+"), _end_limit(sp, f, y, high, "-")]
    except (NotImplementedError, ValueError):
        return ""
    if any(isinstance(e, sp.Limit) for e in ends):
        return ""
    return f"{named(ends[0])} and {named(ends[1])}"


def _end_limit(sp, f, y, end, direction):
    """SymPy's limit of f as y tends to `end` (from inside the domain). A sum's is the sum
    of its terms' limits when each is a finite real number or ∞ or −∞, not both infinities
    (a limit of a sum, with no ∞ − ∞): about 3× cheaper than SymPy's limit of the
    whole sum, which runs its Gruntz algorithm on all of it (the seed's argmax: p_r log y +
    p_θ log(1 − y)). Otherwise — a term without a real limit, ∞ − ∞ — the whole sum's."""
    at = (end,) if end in (sp.oo, -sp.oo) else (end, direction)
    terms = sp.Add.make_args(f)
    if len(terms) > 1:
        try:
            parts = [sp.limit(term, y, *at) for term in terms]
        except (NotImplementedError, ValueError):
            parts = None
        if parts is not None and all(_real_or_infinite(sp, part) for part in parts) and \
                not {sp.oo, -sp.oo} <= set(parts):
            return sp.Add(*parts)
    return sp.limit(f, y, *at)


def _real_or_infinite(sp, value):
    """Whether a limit SymPy found is ∞, −∞ or a finite real number (not an unevaluated
    `Limit`, `nan`, complex infinity or a set of accumulation points)."""
    return value in (sp.oo, -sp.oo) or (value.is_finite is True and
                                         value.is_extended_real is True and
                                         not value.has(sp.AccumBounds))


def _grid_search(step, opt, claimed, sign, seed, deadline):
    """((message, Counterexample) for a point certified better than the claim, else None;
    the number of instances on which grid points gave real values compared with the
    claim's — a `verified` needs MIN_AGREEMENT of them, like any other step)."""
    labels = labels_for((opt, claimed), step.context)
    low, high, closed = opt.interval
    agreed = 0
    for draw in range(MIN_AGREEMENT):
        instance = Instance(seed, draw, step.context)
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
                continue
            outside = claim.imag != 0 or (lo is not None and claim.real < lo.real) or \
                (hi is not None and claim.real > hi.real)
            if outside and ev.exact:  # (a table for a convex f need not be convex: no proof)
                return (f"the claimed point {_ball_text(claim)} lies outside the domain",
                        _with_instance(ev, instance, labels, step, claim, None, "outside",
                                       ("claimed point", "domain"))), agreed
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
                    return (f"{plain(opt.var.latex)} = {_ball_text(point)} gives "
                            f"{_ball_text(value)}, {word} than {_ball_text(best)} at the "
                            f"claimed point {_ball_text(claim)}",
                            _at_point(ev, instance, labels, step, opt, point, value, best,
                                      "objective at the claim")), agreed
            agreed += compared > 0
        finally:
            ctx.prec = saved
    return None, agreed


def _at_point(ev, instance, labels, step, opt, point, value, other, other_label):
    """The counterexample of an objective's value at a grid point against `other`."""
    return _with_instance(ev, instance, labels, step, value, other, None,
                          (f"objective at {plain(opt.var.latex)} = {_ball_text(point)[:10]}",
                           other_label))


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
        from derive.engines import optimum_value, pointwise_sup
        verdict = pointwise_sup.decide(step, seed, deadline)
        if verdict is not None:
            return verdict
        return optimum_value.decide(step, seed, deadline, report)
    if not (isinstance(left, Optimum) and isinstance(right, Optimum)) or \
            step.relation is not Relation.EQ:
        return Verdict(UNDECIDED, "optimisation", "derive checks max/min claims of the form "
                       r"\max_\theta A = \min_\theta B")
    if left.var.latex != right.var.latex:
        return Verdict(UNDECIDED, "optimisation", "the two problems optimise different "
                       "variables")
    if left.over is not right.over:
        return Verdict(UNDECIDED, "optimisation", "the two problems range over different "
                       "classes of functions (" + " and ".join(
                           plain(o.latex) if o is not None else "no class"
                           for o in (left.over, right.over)) + "), about which nothing "
                       "else is declared")
    if left.interval != right.interval:
        return Verdict(UNDECIDED, "optimisation", "the two problems range over different "
                       "domains")
    theta = plain(left.var.latex)
    opposite = (left.kind == "max") != (right.kind == "max")
    residual_name = "A + B" if opposite else "A - B"
    from derive.model.terms import substitute
    right_body = substitute(right.body, {right.var: Sym(left.var)}) \
        if right.var is not left.var else right.body
    residual = Add(left.body, right_body if opposite else neg(right_body))
    held = step.context.fixed
    report(Verdict(UNDECIDED, "optimisation", "SymPy did not finish solving the two problems"))
    optima = _optima(step, left, right_body, deadline)
    evidence = _dependence(step, residual, left, seed, deadline, held, residual_name)
    if evidence is not None:
        return _not_one_problem(step, left, residual, residual_name, evidence, optima)
    try:
        value = normal_form.Normaliser(step.context, deadline, held).value(residual)
    except (normal_form.Unsupported, normal_form.Undefined) as exc:
        return Verdict(UNDECIDED, "optimisation", f"the residual {residual_name} is outside "
                       f"the normal form ({exc}); two values of {theta} showed no difference")
    if value.is_zero() and not opposite:
        from derive.engines import congruence
        return congruence.decide(step, left, residual, seed, deadline)
    if not opposite and left.kind == right.kind and left.over is None and \
            left.kind in ("max", "min") and step.context.kind(left.var) is Kind.FUNCTION:
        from derive.engines import function_optimum     # over every real function
        verdict = function_optimum.decide_between(step, left, right, seed, deadline)
        if verdict is not None:
            return verdict
    if not opposite and left.kind == right.kind and left.over is not None and \
            step.context.kind(left.var) is Kind.FUNCTION:   # a declared class: any set
        from derive.engines import congruence
        refuted = congruence.one_member(step, left, residual, value.key(), seed, deadline)
        if refuted is not None:
            return refuted
    movers = _moving_atoms(value.key(), step, left.var)
    if movers:
        return Verdict(UNDECIDED, "optimisation", f"the residual {residual_name} still involves "
                       f"{', '.join(sorted(movers))}, which move with {theta}; two values of "
                       f"{theta} showed no difference")
    kept = f" (holding {', '.join(plain(c.latex) for c in held)} fixed)" if held else ""
    if isinstance(optima, _Unsolved):
        return Verdict(UNDECIDED, "optimisation",
                       f"{residual_name} does not depend on {theta}{kept}, so the problems have "
                       f"the same solutions if they have any; but {optima.reason}, so the optimal "
                       "values the equation states are not shown to exist and agree")
    if optima.same_value is not True:
        verdict = "the claim does not hold" if optima.same_value is False else \
            "they are not shown to agree"
        return Verdict(UNDECIDED, "optimisation",
                       f"{residual_name} does not depend on {theta}{kept}, so both problems have "
                       f"the same solutions ({theta} = {optima.points[0]}); but their optimal "
                       f"values are {optima.values[0]} and {optima.values[1]}, so read as an "
                       f"equation between numbers {verdict}")
    return Verdict(VERIFIED, "independence of " + theta,
                   f"{residual_name} reduces to an expression in which nothing moves with "
                   f"{theta}{kept}, so both problems have the same solutions; evaluating it at "
                   f"two values of {theta} agrees; both are solved at {theta} = "
                   f"{optima.points[0]} with the optimal value {optima.values[0]}")


def _not_one_problem(step, left, residual, residual_name, evidence, optima):
    """The verdict once A ∓ B is certified to vary with θ inside the domain, so the
    objectives do not differ by a constant: refuted only when the equation between the
    optimal values fails too (SymPy finds different optimisers with different values) or
    cannot be computed because an objective is outside SymPy (the seed's C4, read as one
    problem); undecided when a reading holds or the values are not compared."""
    message, counterexample = evidence
    theta = plain(left.var.latex)
    varies = f"{residual_name} depends on {theta}, so the objectives do not differ by a constant"
    if isinstance(optima, _Optima):
        solved = (f"the problems are solved at {theta} = {optima.points[0]} and "
                  f"{optima.points[1]} with optimal values {optima.values[0]} and "
                  f"{optima.values[1]}")
        if optima.same_point or optima.same_value:
            holds = " and as ".join(reading for reading, shown in (
                ("the same solutions", optima.same_point), ("equal optimal values",
                                                           optima.same_value)) if shown)
            return Verdict(UNDECIDED, "optimisation",
                           f"{varies} ({message}); yet {solved}, so read as {holds} the claim "
                           "holds")
        if optima.same_point is None or optima.same_value is None:
            return Verdict(UNDECIDED, "optimisation",
                           f"{varies} ({message}); {solved}, not shown to agree or to differ")
        return Verdict(REFUTED, "dependence on " + theta,
                       f"{residual_name} depends on {theta}: {message}; and {solved}",
                       counterexample=counterexample)
    if not optima.opaque:
        return Verdict(UNDECIDED, "optimisation",
                       f"{varies} ({message}); but {optima.reason}, so the optimal values the "
                       "equation states are not compared")
    held = step.context.fixed
    culprits = _moving_definitions(residual, step, left.var, held)
    through = (f" through {', '.join(plain(c.latex) for c in culprits)}, which moves with "
               f"{theta}") if culprits else ""
    kept = (f" (with {', '.join(plain(c.latex) for c in held)} held at its value for the "
            f"current {theta})") if held else ""
    return Verdict(REFUTED, "dependence on " + theta,
                   f"{residual_name} depends on {theta}{through}{kept}: {message}; "
                   f"{optima.reason}, so the optimal values are not computed and the claim is "
                   f"read as saying the problems are one ({residual_name} constant)",
                   counterexample=counterexample)


class _Optima(NamedTuple):
    """Each problem's unique optimiser and optimal value (as text, in the file's names);
    whether the two agree: True, False (shown to differ) or None (neither shown)."""
    points: tuple
    values: tuple
    same_point: object
    same_value: object


class _Unsolved(NamedTuple):
    """Why the optimal values are not computed; `opaque` when an objective is outside
    SymPy (integrals, densities or unknown functions left after the normal form)."""
    reason: str
    opaque: bool


def _optima(step, left, right_body, deadline):
    """Both problems solved by SymPy on the normal forms of their objectives (so `∫ p = 1`
    and held definitions are seen): each objective real and strictly concave (for a max;
    convex for a min) on the whole domain with a stationary point inside it, which is then
    the unique optimiser. Otherwise `_Unsolved`, saying why."""
    import sympy
    bodies = (left.body, right_body)
    try:
        to_sympy = _ToSympy(step, deadline, step.context.fixed)
        u = to_sympy.variable(left.var)
        objectives = [to_sympy(body) for body in bodies]
        low, high = (to_sympy(b) for b in left.interval[:2])
    except (normal_form.Unsupported, normal_form.Undefined) as exc:
        return _Unsolved(f"the objectives are outside SymPy ({exc})",
                         isinstance(exc, normal_form.Unsupported) and any(map(_opaque, bodies)))
    movers = set().union(*(hidden_movers(to_sympy, f, u, step, left.var)
                           for f in objectives))
    if movers:
        return _Unsolved(f"the objectives involve {', '.join(sorted(movers))}, which SymPy "
                         f"cannot see move with {plain(left.var.latex)}", True)
    points, values = [], []
    for f, kind, body in zip(objectives, (left.kind, step.rhs.kind), bodies):
        sign = 1 if kind == "max" else -1
        complex_valued = _not_real(sympy, to_sympy, f, u, low, high, kind)
        if complex_valued:
            return _Unsolved(complex_valued, False)
        solved = _unique_stationary(sympy, f, u, low, high, left.interval[2], sign)
        if isinstance(solved, str):
            solved = _by_candidates(sympy, f, u, low, high, left.interval[2], sign) or \
                _Unsolved(f"the {kind} of {show(body)} is not shown to exist ({solved}, "
                          "nor is it found among its stationary points and the ends of the "
                          "domain)", False)
        if isinstance(solved, _Unsolved):
            return solved
        points.append(solved[0])
        values.append(solved[1])
    return _Optima(tuple(", ".join(to_sympy.named(p) for p in ps) for ps in points),
                   tuple(to_sympy.named(v) for v in values),
                   _agree(sympy, points[0][0], points[1][0]) if len(points[0]) ==
                   len(points[1]) == 1 else sympy.FiniteSet(*points[0]) ==
                   sympy.FiniteSet(*points[1]), _agree(sympy, *values))


def _unique_stationary(sp, f, u, low, high, closed, sign):
    """((optimiser,), optimal value) when f is strictly concave (sign +1, a max; convex for
    a min) on the whole domain with one stationary point inside it, which is then the
    unique optimiser (letters allowed); else why not."""
    if _curvature_sign(sp, sp.diff(f, u, 2), u, low, high) != -sign:
        return (f"its objective is not shown strictly {'concave' if sign == 1 else 'convex'} "
                "on the domain")
    try:
        candidates = sp.solve(sp.diff(f, u), u)
    except (NotImplementedError, ValueError, TypeError):
        candidates = None
    inside = [c for c in candidates if _inside(sp, c, low, high, closed)] \
        if isinstance(candidates, list) else []
    if len(inside) != 1:
        return "no stationary point shown in the domain"
    return (inside[0],), sp.simplify(f.subs(u, inside[0]))


def _by_candidates(sp, f, u, low, high, closed, sign):
    """(optimisers, optimal value) of an objective in u alone (no other letters, built
    from powers, exp and log), continuous on the domain and differentiable inside it: the
    best of its values at its finitely many stationary points and at the closed ends,
    provided no open or infinite end approaches a better value (else the optimum is not
    attained); None when any of this is not established."""
    from sympy.calculus.util import continuous_domain
    if f.free_symbols - {u} or low.free_symbols or high.free_symbols or \
            any(not isinstance(g, (sp.exp, sp.log)) for g in f.atoms(sp.Function)):
        return None
    domain = sp.Interval(low, high, closed[0] == "(", closed[1] == ")")
    inside = sp.Interval.open(low, high)
    slope = sp.diff(f, u)
    try:
        if not (domain.is_subset(continuous_domain(f, u, domain)) and
                inside.is_subset(continuous_domain(slope, u, inside))):
            return None
        stationary = sp.solveset(slope, u, inside)
        if not (stationary is sp.S.EmptySet or isinstance(stationary, sp.FiniteSet)):
            return None
        points = list(stationary) + [end for end, bracket in ((low, closed[0]),
                                                              (high, closed[1]))
                                     if bracket in "[]" and end.is_finite]
        values = [sp.simplify(f.subs(u, point)) for point in points]
        limits = [sp.limit(f, u, end, direction) for end, bracket, direction in
                  ((low, closed[0], "+"), (high, closed[1], "-")) if bracket in "()"]
    except (NotImplementedError, ValueError, TypeError):
        return None
    if not values or not all(v.is_extended_real and v.is_comparable or v in (sp.oo, -sp.oo)
                             for v in values + limits):
        return None
    best = (sp.Max if sign == 1 else sp.Min)(*values)
    if not best.is_finite or any((sign * (limit - best)).is_extended_nonpositive is not True
                                 for limit in limits):
        return None
    return tuple(p for p, v in zip(points, values) if v == best), best


def _agree(sp, a, b):
    """True when a − b simplifies to 0, False when it is shown non-zero, else None."""
    difference = sp.simplify(a - b)
    if difference == 0:
        return True
    return False if difference.is_zero is False else None


def _opaque(body):
    """Whether an objective holds what SymPy cannot see move with the parameter: integrals,
    expectations, operators, densities, unknown functions, derivatives."""
    from derive.model.terms import Call, Dens, Deriv, Dist, Expect, Integral, Op
    return any(isinstance(n, (Call, Dens, Deriv, Dist, Expect, Integral, Op))
               for n in nodes(body))


def hidden_movers(to_sympy, f, u, step, var):
    """The sub-terms of the SymPy objective `f` (as text) that move with the optimum's
    variable `var` (symbol `u`) but that SymPy holds as one constant symbol: |u|, max(0, u),
    g(u) of an unknown g, an integral or a density in u. SymPy differentiates them as
    constants, so a concavity or a stationary point computed on f would be of another
    function (|x|/1000 - x^2 "concave" with its max "at 0"): the caller proves nothing then."""
    atoms = {symbol: atom for atom, symbol in to_sympy.converter.symbols.items()}
    return {plain(atoms[s][1]) if atoms[s][0] in ("call", "dens") else
            "an integral" if atoms[s][0] == "poly" else "a term SymPy keeps whole (|·|, max)"
            for s in f.free_symbols
            if s is not u and s in atoms and _moving_atoms(atoms[s], step, var)}


def _moving_atoms(key, step, theta):
    """The names (as text) in a normal-form key that move with θ: θ itself (free, or the
    placeholder of a bound θ) and densities that move with θ (`parameters.law_moves`: by
    `depends`, or by a formula written with θ) and are not held. (A definition or law
    still at the file's letter of a bound θ is refused where it is read:
    `Reader.unreached_letter`.)"""
    from derive.model.terms import Dist
    from derive.notation.parameters import law_moves
    context = step.context
    moving = {name.serial for name, d in context.table.items()
              if d.kind is Kind.DISTRIBUTION and
              law_moves(Dist(name, d.info.over, d.info.given), theta, context)}
    names = set()

    def walk(obj):
        if isinstance(obj, tuple) and obj and obj[0] == "dens" and obj[2] in moving and \
                not obj[8]:
            names.add(plain(obj[1]))
        elif isinstance(obj, tuple) and obj and obj[0] == "sym" and obj[2] == theta.serial:
            names.add(plain(obj[1]))
        elif obj == ("ph", theta.serial):
            names.add(plain(theta.latex))
        if isinstance(obj, (tuple, frozenset)):
            for x in obj:
                walk(x)
    walk(key)
    return names


def _moving_definitions(residual, step, theta, held):
    """The definitions (by `define`, not held) in the residual whose body moves with θ
    (`parameters.moves_with`), named in the refutation as what the dependence runs through."""
    from derive.model.terms import Defined, nodes
    from derive.notation.parameters import moves_with
    out = []
    for node in nodes(residual):
        if isinstance(node, Defined) and node.name not in held and node.name not in out:
            declaration = step.context.declaration(node.name)
            if declaration.kind is Kind.DEFINITION and declaration.info.source == "define" and \
                    moves_with(node.body, theta, step.context):
                out.append(node.name)
    return out


def _dependence(step, residual, opt, seed, deadline, held, residual_name):
    """(message, Counterexample) when the residual takes certified different values at two
    values of θ inside the problems' domain (`_two_points`) on one instance."""
    theta = opt.var
    labels = labels_for((residual, opt.interval[0], opt.interval[1]), step.context)
    for draw in range(4):
        instance = Instance(seed, draw, step.context)
        saved = ctx.prec
        ctx.prec = 128
        try:
            points = _two_points(Evaluator(step.context, instance, labels, held, deadline),
                                 opt, step.context)
            values = []
            for point in points or ():
                ev = Evaluator(step.context, instance, labels, held, deadline)
                theta_value = exact_number(point)
                ev.overrides[theta] = theta_value
                try:
                    values.append((theta_value, ev.value(residual), ev))
                except NotEvaluable:        # a drawn P(x | θ) is defined on θ's cells only
                    continue
            pairs = [(u, v) for i, u in enumerate(values) for v in values[i + 1:]
                     if not (u[1] - v[1]).contains(0) and u[2].exact and v[2].exact]
            if pairs:
                (t1, a, ev1), (t2, b, ev2) = pairs[0]
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


def _two_points(ev, opt, context):
    """Rational values of θ certified strictly inside the domain on this instance (so
    whether its ends are open or closed does not matter): 0.3, 3.3, −0.7 and 1.1 on the
    whole line (a drawn density given θ is defined on θ's cells, near 0, only),
    0.3 and 3.3 past a finite end of a half-line, 3/10 and 7/10 of the way across a bounded
    interval; None when the ends are not real numbers in order or θ's declared domain (a
    whole number, a sign) excludes the points."""
    low, high, _ = opt.interval
    try:
        lo = None if _infinite(low) else ev.value(low)
        hi = None if _infinite(high) else ev.value(high)
    except NotEvaluable:
        return None
    ends = [e for e in (lo, hi) if e is not None]
    if any(not (e.imag == 0) or not e.real.is_finite() for e in ends):
        return None
    near = [_exact_fraction(arb(e.real.mid())) for e in ends]
    if lo is not None and hi is not None:
        points = [near[0] + (near[1] - near[0]) * k for k in (Fraction(3, 10), Fraction(3, 4))]
    elif lo is not None:
        points = [near[0] + Fraction(k, 10) for k in (3, 33)]
    elif hi is not None:
        points = [near[0] - Fraction(k, 10) for k in (3, 33)]
    else:
        points = [Fraction(3, 10), Fraction(33, 10), Fraction(-7, 10), Fraction(11, 10)]
    domain = context.declaration(opt.var).domain
    if domain.is_integer:
        return None
    points = [point for point in points if not (domain.is_positive and point <= 0 or
                                                 domain.is_nonnegative and point < 0)]
    for point in points:
        ball = exact_number(point).real
        if (lo is not None and not ball > lo.real) or (hi is not None and not ball < hi.real):
            return None
    return points if len(points) >= 2 else None

"""Decide one step: the dispatch from a step's kind to its engine, under one deadline.

`decide_step(report, step, context, seed, budget)` is what the checker runs for each step
(in a worker, see `workers`); it reports interim verdicts as engines finish, the last one
being the step's verdict. Every engine's work — expanding definitions, the normal form,
the numeric search, SymPy — counts against the same deadline.

Verdicts, and only these:
* `refuted`: a certified counterexample (`numeric.compare`), or for `≠`, `<`, `>` an exact
  proof that the two sides are equal;
* `verified`: a proof (normal form, a lemma, a sign argument, or a certified evaluation of
  a statement with nothing left to vary) *and* numeric agreement on at least
  `MIN_AGREEMENT` instances (one or two instances, the rest not evaluable, are too thin a
  second opinion: test densities live on a few bounded cells);
* `undecided`: anything else, saying what was tried — also a step refuted with its
  information quantities in nats that holds in the base of the logarithms written beside
  them (`units`: a claim about units, not a mistake).
"""

from __future__ import annotations

from derive.engines import cases, clock, consequence, decimals, finite_sums, limits, normal_form, series
from derive.engines.numeric.compare import MAX_PRECISION, compare, held_out
from derive.engines.numeric.evaluate import OutOfTime
from derive.model.derivation import (
    DEFINITION, ERROR, REFUTED, UNDECIDED, VERIFIED, Relation, StepKind, Verdict, by_cases,
)
from derive.model.terms import (Call, Dens, Dist, Expect, Integral, Limit, Op, Optimum, Sum, Sym,
                               free_names, nodes, substitute, values_taken)
from derive.model.names import IndexRange, Kind, UnmodelledLawInfo
from derive.notation.show import show

MIN_AGREEMENT = 3
NORMAL_FORM = ("both sides reduce to one normal form (operators expanded by their "
               "definitions, logs split only over positive factors, integrals merged per "
               "variable, normalisation applied)")


class Deadline(Exception):
    """The step's budget ran out."""


def decide_step(report, step, context, seed, budget):
    """Report the verdict of one step (interim ones first); `context` is the step's."""
    started = clock.now()
    deadline = started + budget
    report(Verdict(UNDECIDED, "budget", f"the time budget of {budget:g} s ran out before any "
                   "engine finished"))
    try:
        verdict = decide(step, seed, deadline, report)
    except (OutOfTime, Deadline):
        verdict = Verdict(UNDECIDED, "budget", f"the time budget of {budget:g} s ran out")
    except RecursionError:
        verdict = Verdict(UNDECIDED, "error", "this step nests too deeply for the engines")
    except MemoryError:
        verdict = Verdict(UNDECIDED, "error", "this step needs more memory than the engines "
                          "may use")
    except Exception as exc:          # noqa: BLE001 - a bug of ours is this step's, not the run's
        verdict = Verdict(UNDECIDED, "internal error", f"internal error ({type(exc).__name__}: "
                          f"{str(exc)[:200]}), please report it")
    report(_timed(verdict, clock.now() - started))


def preload(steps):
    """Load in this process what deciding `steps` imports in every worker that gets one
    of them: SymPy, for claims (limits, optimisers, optimisation problems,
    antiderivatives all use it; ~0.2 s of CPU per process). For `workers.Pool.preload`:
    whether it was not loaded before. Steps without claims load nothing here (an equality
    the normal form decides never needs SymPy)."""
    import sys
    if "sympy" in sys.modules or not any(step.kind.is_claim for step in steps):
        return False
    import sympy
    sympy.Add(*sympy.symbols("a b c"))        # its first sum imports sympy.tensor (~25 ms)
    return True


def _timed(verdict, seconds):
    from dataclasses import replace
    return replace(verdict, seconds=seconds)


def decide(step, seed, deadline, report=lambda v: None):
    kind = step.kind
    if kind is StepKind.UNREADABLE or step.unread:
        return Verdict(ERROR, "reader", step.message)
    if kind is StepKind.DEFINITION and step.restated:
        return _restated(step, seed, deadline)
    if kind is StepKind.DEFINITION:
        return Verdict(DEFINITION, "definition", step.message or f"defines {step.lhs_latex}")
    if step.cases:                    # one claim made of cases: each decided, then combined
        return by_cases(step, [decide(case, seed, deadline) for case in step.cases])
    if step.reasons:                  # interim verdicts too: the pool may keep the last one
        def report(verdict, shown=report):
            shown(_unless_reasoned(step, verdict))
    if step.divisor is not None:      # `A ∝ B`, and its interim verdicts
        def report(verdict, shown=report):
            shown(_proportional(step, verdict))
    from derive.engines import recurrences
    from derive.engines.hypotheses import Unusable, restrict
    try:
        step = recurrences.numbers_unrolled(step)
    except recurrences.NotARecurrence as exc:
        return Verdict(UNDECIDED, "recurrence", str(exc))
    try:
        restricted = None if recurrences.involved(step) else restrict(step)
    except Unusable:
        verdict = _without_unusable(step, seed, deadline, report)
    else:
        verdict = _dispatch(restricted, seed, deadline, report) if restricted is not None \
            else recurrences.decide(step, seed, deadline, lambda s: decide(s, seed, deadline))
    verdict = _unless_reasoned(step, _unshifted(step, verdict, seed, deadline))
    verdict = _unless_unmodelled(step, verdict)
    verdict = decimals.within_rounding(step, verdict)
    return verdict if step.divisor is None else _proportional(step, verdict)


def _proportional(step, verdict):
    """`A ∝ B`, decided as its cross-multiplied equation A(v)B(v′) = A(v′)B(v)
    (`frontend.proportional`). That equation gives A = cB only where B is nowhere 0 (`μ ∝ 0`
    and `0 ∝ μ²` both cross-multiply to 0 = 0, and a chain through them would prove μ ∝ μ²):
    a proof counts only with B shown positive or negative at every instance, else it is
    undecided. Under a hypothesis (`\\text{for } \\mu > 0`, `assume`, a premise) the
    copy v′ is not held to it, so a counterexample may break it: it refutes nothing."""
    from dataclasses import replace
    from derive.engines.one_root import nonzero
    if verdict.status is VERIFIED and not nonzero(step.divisor, step.context):
        return replace(verdict, status=UNDECIDED, detail=(
            f"the cross-multiplied equation holds ({verdict.detail}), but A = cB follows "
            f"from it only where B = {show(step.divisor)} is never 0, which derive has not "
            "shown"))
    if verdict.status is REFUTED and step.hypotheses:
        return replace(verdict, status=UNDECIDED, counterexample=None, detail=(
            "the step holds under a hypothesis, which the second value of its variable "
            f"is not held to; without that the step fails: {verdict.detail}"))
    return verdict


def _unshifted(step, verdict, seed, deadline):
    """A step neither verified nor refuted under a hypothesis `f(c) = v` of a function
    (`hypotheses.fixes_a_value`: each f(u) put as f(u) − f(c) + v, which may hide the shape
    a lemma reads — Jensen's ∫ f(…) q ≥ f(∫ …)) is checked once more without those
    hypotheses: a proof for every f is one for those with f(c) = v; anything else found
    there counts for nothing (the verdict stays)."""
    from dataclasses import replace
    from derive.engines.hypotheses import fixes_a_value
    if verdict.status in (VERIFIED, REFUTED):
        return verdict
    fixing = [h for h in step.hypotheses if fixes_a_value(h, step.context)]
    if not fixing:
        return verdict
    kept = tuple(h for h in step.hypotheses if h not in fixing)
    plain = decide(replace(step, hypotheses=kept), seed, deadline)
    if plain.status is not VERIFIED:
        return verdict
    said = "; ".join(h.latex for h in fixing)
    return replace(plain, detail=f"{plain.detail}; proved without the hypothesis {said}, "
                   "which it was not needed for")


def _restated(step, seed, deadline):
    """A definition of a quantity derive already reads (`Step.restated`): checked as the
    equation it states; agreeing, it is a definition (it changes no meaning), else the
    equation's verdict — never a silent second meaning."""
    from dataclasses import replace
    verdict = decide(replace(step, kind=StepKind.EQUALITY, restated=False), seed, deadline)
    if verdict.status is VERIFIED:
        return replace(verdict, status=DEFINITION, detail=f"{step.lhs_latex} := {step.latex} "
                       f"agrees with what derive already reads: {verdict.detail}")
    return replace(verdict, detail=f"{step.lhs_latex} := {step.latex} restates a quantity "
                   f"that already has a meaning, which it must agree with: {verdict.detail}")


def _unless_reasoned(step, verdict):
    """A step beside a reason in words derive does not read (`Step.reasons`) was checked
    without it: a proof holds all the same, but a counterexample may be excluded by the
    reason, so it refutes nothing — undecided, naming the reason and the instance."""
    if verdict.status is not REFUTED or not step.reasons:
        return verdict
    from dataclasses import replace
    return replace(verdict, status=UNDECIDED, counterexample=None,
                   detail=f"the row rests on a reason derive does not read "
                   f"({'; '.join(step.reasons)}); without it the step fails: {verdict.detail}")


def _unless_unmodelled(step, verdict):
    """A step writing a density of a law the file never declares (`q(x_t \\mid x_0)`,
    `frontend.latex.unmodelled_laws`) was checked with each of its shapes an unrelated
    positive function: a proof holds for the author's law too, but a counterexample may
    break what the law's conditionals owe each other (Bayes' rule, a Markov property,
    normalisation), so it refutes nothing — undecided, naming the laws."""
    if verdict.status is not REFUTED:
        return verdict
    laws = unmodelled_laws(step)
    if not laws:
        return verdict
    from dataclasses import replace
    return replace(verdict, status=UNDECIDED, counterexample=None, detail=(
        f"{', '.join(laws)} is a law the file does not declare, read as unrelated positive "
        f"values, which need not be conditionals of one law (Bayes' rule, a Markov property, "
        f"normalisation are not known to derive): no counterexample to the author's law; "
        f"without them the step fails: {verdict.detail}"))


def unmodelled_laws(step):
    """The spellings of the undeclared laws whose densities `step` writes, in order."""
    found = []
    for side in (step.lhs, step.rhs):
        for term in nodes(side) if side is not None else ():
            info = step.context.declaration(term.function).info \
                if isinstance(term, Call) else None
            if isinstance(info, UnmodelledLawInfo) and info.spelling not in found:
                found.append(info.spelling)
    return found


def _dispatch(step, seed, deadline, report):
    if step.kind in (StepKind.EQUALITY, StepKind.RELATION) and limits.has_limits(step):
        return _with_limits(step, seed, deadline, report)
    if step.relation is Relation.APPROX:     # a rounding: `rounding`
        from derive.engines import rounding
        return rounding.decide(step, f"{seed}:{step.index}", deadline)
    if step.relation is Relation.PROPTO:     # its sides cross-multiplied: an equation
        from dataclasses import replace
        step = replace(step, relation=Relation.EQ)
    if step.kind in (StepKind.EQUALITY, StepKind.RELATION):
        run = equality if step.kind is StepKind.EQUALITY else relation
        verdict = _with_optima(step, run, f"{seed}:{step.index}", deadline) or \
            run(step, f"{seed}:{step.index}", deadline, report)
        if verdict.status is REFUTED:            # an entropy in nats against log₂: units?
            from derive.engines.units import in_other_units
            return in_other_units(step, verdict, f"{seed}:{step.index}", deadline)
        return verdict
    from derive.engines import claims
    return claims.decide(step, f"{seed}:{step.index}", deadline, report)


def _with_optima(step, run, seed, deadline):
    """The verdict of a step with optima over a number inside its sides, each replaced by
    its proved value (`optimum_value.resolved`), when that decides it; None otherwise —
    no such optimum, a value not proved, or the step still undecided — and the step is
    decided as written (an optimum an unknown number, `conjugates`' biconjugate, …)."""
    from derive.engines import optimum_value
    if not optimum_value.scalar_optima(step):
        return None
    try:
        resolved, said = optimum_value.resolved(step, seed, deadline)
    except optimum_value.NoValue:
        return None
    verdict = run(resolved, seed, deadline, lambda v: None)
    if verdict.status not in (VERIFIED, REFUTED):
        return None
    from dataclasses import replace
    return replace(verdict, method=f"optimum at a stationary point, {verdict.method}",
                   detail=f"{'; '.join(said)}; {verdict.detail}")


def _with_limits(step, seed, deadline, report):
    """A step with limits inside its sides: each replaced by its value (`limits`), then
    decided as usual; undecided when a limit has no value derive can state."""
    from dataclasses import replace
    try:
        resolved, values = limits.resolved(step, seed, deadline)
    except limits.NoValue as exc:
        return Verdict(UNDECIDED, "limit", f"no value for a limit in this step: {exc}")
    found = "; ".join(f"{show(lim)} = {show(value)}" for lim, value in values.items())
    verdict = _dispatch(resolved, seed, deadline, report)
    return replace(verdict, method=f"sympy limit, {verdict.method}",
                   detail=f"SymPy's limits: {found}; then {verdict.detail}")


def _without_unusable(step, seed, deadline, report):
    """A step with a hypothesis derive cannot use, checked under the others only — on more
    instances than it claims. A verification there holds on the instances it claims too
    (the hypothesis was not needed); a counterexample found there refutes only where an
    exact evaluation proves the hypothesis holds at it (`compare.held_out`: the numeric
    search skips instances where it is not shown); any other refutation (a grid search, an
    exact proof of equality) may violate it, so the step is then undecided, naming it.

    A hypothesis may be unusable only beside an earlier one (`t < \\lambda`, then `t < 1`:
    t below the smaller of two bounds is no one gap). When the step is not verified without
    it, it is checked once more with the unusable hypotheses used first (`_unusable_first`):
    the hypotheses then left out are others, and a verification under either subset holds
    on the instances claimed. Before that, a left-out `E[X] = c` is put in where the step
    writes E[X] (`hypotheses.averages_put`): only a proof of that step counts."""
    from derive.engines.hypotheses import averages_put, restrict
    unused = []
    wider = restrict(step, unused)
    contradictory = _contradictory(unused)
    if contradictory is not None:
        return contradictory
    verdict = _under_usable(step, wider, unused, seed, deadline, report)
    if verdict.status is VERIFIED:
        return verdict
    put = averages_put(wider, unused) if not _about_whole_numbers(step, unused) else None
    if put is not None:
        proved = _dispatch(put, seed, deadline, lambda v: None)
        if proved.status is VERIFIED:
            from dataclasses import replace
            return replace(proved, detail=f"{proved.detail}; proved with each expectation a "
                           "hypothesis gives a value put as that value where the step writes "
                           "it (for every law: so for those the hypothesis holds of)")
    again = _unusable_first(step, unused)
    if again is None:
        return verdict
    other = []
    wider = restrict(again, other)
    contradictory = _contradictory(other)
    if contradictory is not None:
        return contradictory
    if {exc.latex for exc in other} == {exc.latex for exc in unused} or \
            _about_whole_numbers(step, unused + other):
        return verdict
    second = _under_usable(again, wider, other, seed, deadline, lambda v: None) if other \
        else _dispatch(wider, seed, deadline, lambda v: None)
    return second if second.status is VERIFIED else verdict


def _contradictory(unused):
    """Undecided when a hypothesis left out contradicts the declarations or the others
    (`hypotheses.Contradiction`: `1 = 2`, `x > 1` with `x < 0`): every claim holds on no
    instance, vacuously — never a verdict (the author meant something else). Else None."""
    from derive.engines.hypotheses import Contradiction
    found = [str(exc) for exc in unused if isinstance(exc, Contradiction)]
    if not found:
        return None
    return Verdict(UNDECIDED, "hypotheses", f"the hypotheses are contradictory, so the step "
                   f"would hold vacuously: {'; '.join(dict.fromkeys(found))}")


def _about_whole_numbers(step, unused):
    """Whether a hypothesis left out is, as written, about a whole-number symbol (whose
    range may contradict it): a proof without it could hold vacuously (see
    `_under_usable`; one shown to contradict the others never gets here, `_contradictory`)."""
    left_out = {exc.latex for exc in unused}
    return any(
        step.context.kind(name) is Kind.SYMBOL and step.context.domain(name).is_integer
        for h in step.hypotheses if h.latex in left_out and not h.above
        for name in free_names(h.lhs) | free_names(h.rhs))


def _unusable_first(step, unused):
    """The step with the hypotheses of `unused` moved to the front (else in order), or None
    when there is nothing to move before them."""
    from dataclasses import replace
    first = {exc.latex for exc in unused}
    order = sorted(step.hypotheses, key=lambda h: h.latex not in first)
    return None if tuple(order) == tuple(step.hypotheses) else replace(step, hypotheses=tuple(order))


def _under_usable(step, wider, unused, seed, deadline, report):
    """The verdict on `wider` (the step restricted by its usable hypotheses only; those
    left out in `unused`): verified stands, a counterexample refutes only where the
    hypotheses left out are shown to hold at it."""
    from dataclasses import replace
    from derive.engines.hypotheses import Unshown, variables_as_numbers
    why = "; ".join(dict.fromkeys(str(exc) for exc in unused))
    above = {h.latex for h in step.hypotheses if h.above}
    whole = _whole_left_out(wider, unused, above)
    if whole == "equation":
        # an index's range (1 ≤ k ≤ n, often derive's own for a member z_k) may contradict
        # the unusable condition (k = n + 1): a proof without it could hold vacuously — not
        # what the rows above prove, which speak inside the ranges; no draw meets an equation
        return Verdict(UNDECIDED, "hypotheses", f"{why}; {WHOLE_VACUOUS}")

    def interim(verdict):
        report(replace(verdict, detail=f"{why}; without it: {verdict.detail}"))
    throughout = {h.latex for h in step.hypotheses if h.throughout}
    with held_out(exc.condition for exc in unused) as satisfying:
        verdict = _dispatch(wider, seed, deadline, interim)
    if verdict.status is VERIFIED and whole and not satisfying.satisfied:
        # a bound on whole numbers (Kraft's Σ D^{-l_i} ≤ 1 of natural D, l_i): the proof
        # counts only beside a drawn instance, inside every range, shown to meet it
        return Verdict(UNDECIDED, "hypotheses", f"{why}; {WHOLE_VACUOUS}: no agreeing drawn "
                       f"instance is shown to satisfy it")
    if verdict.status is VERIFIED and satisfying.judged and not satisfying.satisfied and \
            satisfying.excluded == satisfying.judged:
        return Verdict(UNDECIDED, "hypotheses", f"no instance satisfies the hypotheses: the "
                       f"numbers agree on {satisfying.judged} drawn instances, and at each an "
                       f"exact evaluation shows a hypothesis left out fails ({why}), so the "
                       f"proof may hold vacuously")
    if verdict.status is VERIFIED:
        if all(isinstance(exc, Unshown) for exc in unused):   # put as its root: used
            return replace(verdict, detail=f"{verdict.detail}; proved at every instance the "
                           f"root gives, those where it is inside the domain among them "
                           f"({why})")
        if finite_sums.USES_HYPOTHESIS in verdict.detail:     # the proof used it, as said
            return replace(verdict, detail=f"{verdict.detail}; the instances were not "
                           f"restricted by it ({why})")
        return replace(verdict, detail=f"{verdict.detail}; proved without a hypothesis it was "
                       f"not needed for ({why})")
    # a file's `assume u(x) < 1` is said of every x, and so is a row's `p(x) = 2 q(x)` when
    # the step integrates, sums or averages over x: shown at a drawn x only, while the step
    # takes u elsewhere, it makes no counterexample (a row's own condition at the step's
    # free x is said there, and one satisfying it there refutes)
    if verdict.status is REFUTED and verdict.counterexample in satisfying.counterexamples \
            and not any(exc.latex in throughout and _taken_elsewhere(t, exc, wider.context)
                        for exc in unused for side in exc.condition[1:] for t in nodes(side)) \
            and not _on_a_laws_variable(wider, unused, throughout):
        return replace(verdict, detail=f"{verdict.detail}; derive could not build in a "
                       f"hypothesis ({why}), but the evaluation proves it holds at this "
                       f"counterexample")
    left_out = {exc.latex for exc in unused}
    numbered = variables_as_numbers(step)
    followed = consequence.decide(numbered, [h for h in numbered.hypotheses
                                             if h.latex in left_out], deadline)
    if followed is not None and not (followed.status is REFUTED and
                                     _at_a_variable_not_taken(wider, unused)):
        return followed
    if verdict.status is REFUTED or satisfying.skipped:
        return Verdict(UNDECIDED, "hypotheses", f"{why}; without it the step fails at an "
                       "instance that may not satisfy it, which is no counterexample to the "
                       "step as claimed")
    return Verdict(UNDECIDED, "hypotheses", f"{why}; without it the step is not proved "
                   f"either: {verdict.detail}")


WHOLE_VACUOUS = "it is about a whole number, whose range may contradict it, so a proof " \
    "without it would prove nothing"


def _whole_left_out(wider, unused, above):
    """How the hypotheses left out (not the rows' above) speak of a whole-number symbol:
    None when none does; "bound" when each that does is a bound (`<`, `\\le`, `>`, `\\ge`,
    `\\ne`: a draw inside the ranges can meet it, and one shown to is a witness that the
    hypotheses hold somewhere); "equation" when one is an equation (no draw meets it)."""
    about = [exc for exc in unused if exc.latex not in above and
             any(wider.context.kind(name) is Kind.SYMBOL and
                 wider.context.domain(name).is_integer for name in exc.names)]
    if not about:
        return None
    if any(exc.condition[0] is Relation.EQ for exc in about):
        return "equation"
    return "bound"


def _taken_elsewhere(term, exc, context):
    """Whether `term`, in the condition of a hypothesis left out that the file says of
    every value (`assume u(x) < 1`), is a function or density the step may take at other
    points than the drawn one: not a member x_i of a declared indexed family in the
    condition of a root (`hypotheses.Unshown`) — a number of the instance, as drawn."""
    from derive.engines.hypotheses import Unshown
    if not isinstance(term, (Call, Dens)):
        return False
    return not (isinstance(exc, Unshown) and isinstance(term, Call) and
                isinstance(context.info(term.function), IndexRange))


def _on_a_laws_variable(wider, unused, throughout):
    """Whether a hypothesis left out takes a declared variable x (one with a law) as a
    value where the step takes no free x — it binds it (`\\int_a^b f(x) \\, dx` under
    `assume a \\le x \\le b`; `\\int p(x) dx = 2 \\int q(x) dx` under `p(x) = 2 q(x)`) or
    writes none (`D_{KL}(p \\| q)`) —, or is a file's `assume` on x: it then speaks of every
    x (the law's support, p = 2q as functions), which the drawn laws need not respect, so
    holding at a drawn x shows nothing — a counterexample under it refutes nothing."""
    taken = values_taken(wider.lhs) | values_taken(wider.rhs)
    return any(wider.context.kind(name.variable) is Kind.VARIABLE and
               (name not in taken or exc.latex in throughout)
               for exc in unused for side in exc.condition[1:] for name in values_taken(side))



def _at_a_variable_not_taken(wider, unused):
    """Whether a hypothesis left out takes a declared variable x as a value that the step
    takes nowhere free — it integrates, sums or averages over x, or writes none: the
    hypothesis (`p(x) = 2 q(x)` beside `\\int p(x) dx = 2 \\int q(x) dx`) is then said of
    every x, and the consequence engine's instance, which makes it hold at one x, is none."""
    taken = values_taken(wider.lhs) | values_taken(wider.rhs)
    return any(wider.context.kind(name.variable) is Kind.VARIABLE and name not in taken
               for exc in unused for side in exc.condition[1:] for name in values_taken(side))


# ====================================================================== equalities

def equality(step, seed, deadline, report):
    proved, why = _normal_form(step, deadline)
    method = "normal form"
    if not proved and series.has_series(step):
        proved, why = _with_closed_forms(step, deadline, why)
        method = "series' closed forms (sympy), normal form"
    if not proved and finite_sums.has_sums(step):
        proved, why = _with_finite_sums(step, deadline, why)
        method = "finite sums (sympy), normal form" if proved else method
    comparison = compare(step.lhs, step.rhs, Relation.EQ, step.context, seed, deadline,
                         precise=not proved)
    note = agreement(comparison)
    if comparison.counterexample is not None:
        if proved:
            return Verdict(UNDECIDED, "engines disagree", "the normal form proves this step but "
                           "a certified evaluation contradicts it — this is a bug in derive, "
                           "please report it", counterexample=comparison.counterexample)
        c = comparison.counterexample
        return Verdict(REFUTED, "numeric", f"the two sides differ: left {c.lhs_value}, right "
                       f"{c.rhs_value}", counterexample=c)
    if proved:
        if not agrees(comparison):
            return _termwise_optima(step, seed, deadline) or Verdict(
                UNDECIDED, method, f"{why or NORMAL_FORM}, but {note}, and a proof alone "
                f"does not make a verdict{_thin(comparison)}")
        return Verdict(VERIFIED, method, f"{why or NORMAL_FORM}; {note}")
    report(Verdict(UNDECIDED, "normal form", f"no proof: {why}; {note}"))
    termwise = _termwise_optima(step, seed, deadline)
    if termwise is not None:
        return termwise
    from derive.engines import symbolic
    outcome = symbolic.prove_equal(step, deadline)
    if outcome.proved and not agrees(comparison):
        # the comparison searched for a tiny difference, as for a step with no proof, at
        # precisions some integrals are not evaluated at (a power singular at an end of its
        # range: `quadrature.HEAD_PRECISION`); a proved step is checked as the normal
        # form's proofs are
        comparison = compare(step.lhs, step.rhs, Relation.EQ, step.context, seed, deadline,
                             precise=False)
        note = agreement(comparison)
        if comparison.counterexample is not None:
            return Verdict(UNDECIDED, "engines disagree", "SymPy proves this step but a "
                           "certified evaluation contradicts it — this is a bug in derive, "
                           "please report it", counterexample=comparison.counterexample)
    if outcome.proved and agrees(comparison):
        return Verdict(VERIFIED, outcome.method, f"{outcome.detail}; {note}")
    return Verdict(UNDECIDED, "normal form, " + outcome.method,
                   f"no proof: {why}; {outcome.detail}; {note}")


def _termwise_optima(step, seed, deadline):
    """The verified verdict, from the claim between the summands of two sums over one range
    whose summands hold an optimum or a limit at the top (`\\sum_i \\sup_{x_i} g_{y_i}(x_i)
    = \\sum_i e^{y_i - 1}`), the index free — which no evaluation of the whole step takes
    (an optimum inside an expression is an unknown number to `compare`). Equal summands
    at every index make equal sums; nothing else carries over (summands that differ at
    an index may still have equal sums), so None unless the summands' claim is verified."""
    from dataclasses import replace
    a, b = step.lhs, step.rhs
    if type(a) is not Sum or type(b) is not Sum or (a.lower, a.upper) != (b.lower, b.upper) \
            or a.var.local != b.var.local or a.var.origin is not b.var.origin:
        return None
    lhs, rhs = a.body, substitute(b.body, {b.var: Sym(a.var)})
    sides = (lhs, rhs)
    kind = StepKind.LIMIT if any(isinstance(e, Limit) for e in sides) else \
        StepKind.OPTIMISATION if any(isinstance(e, Optimum) and not e.kind.startswith("arg")
                                     for e in sides) else None
    if kind is None:
        return None
    inner = _dispatch(replace(step, lhs=lhs, rhs=rhs, kind=kind), seed, deadline,
                      lambda v: None)
    if inner.status is not VERIFIED:
        return None
    return Verdict(VERIFIED, f"{inner.method}, termwise under a sum", f"{inner.detail}, for "
                   "each term of a sum over the same range on both sides")


def _with_closed_forms(step, deadline, why):
    """(proved, what was done) for a step with infinite series: each replaced by SymPy's
    closed form (`series`), then the normal form; `why` is why the normal form alone failed."""
    try:
        resolved, values = series.closed_forms(step)
    except series.NoClosedForm as exc:
        return False, f"{why}; no closed form for a series: {exc}"
    if clock.now() > deadline:
        raise Deadline()
    found = "; ".join(f"{show(s)} = {show(v)}" for s, v in values.items())
    proved, why_not = _normal_form(resolved, deadline)
    if proved:
        return True, f"SymPy's sums of the series: {found}; then {NORMAL_FORM}"
    from derive.engines import symbolic
    outcome = symbolic.prove_equal(resolved, deadline)    # closed forms SymPy simplifies
    if outcome.proved:
        return True, f"SymPy's sums of the series: {found}; then {outcome.detail}"
    return False, f"SymPy's sums of the series: {found}; then {why_not}"


def _with_finite_sums(step, deadline, why):
    """(proved, what was done) for a step with finite sums of symbolic bounds
    (`finite_sums`: closed forms, index shifts, termwise identities); `why` is why the
    normal form alone failed."""
    proved, done = finite_sums.prove(step, deadline, lambda s: _normal_form(s, deadline))
    if clock.now() > deadline:
        raise Deadline()
    return (True, done) if proved else (False, f"{why}; finite sums: {done}")


def _normal_form(step, deadline):
    """(proved, why not) from the exact normal form."""
    try:
        difference = normal_form.difference(step.lhs, step.rhs, step.context, deadline)
    except normal_form.Undefined as exc:
        return False, f"a side is undefined ({exc})"
    except normal_form.Unsupported as exc:
        if str(exc) == "out of time":
            raise Deadline() from None
        return False, f"the normal form does not apply ({exc})"
    if difference.is_zero():
        return True, ""
    if cases.prove_equal(step, deadline):
        return True, "by cases on the signs of absolute values of real numbers, the normal " \
                     "form of the difference is 0 in each"
    return False, "the normal form of the difference is not zero"


def agrees(comparison):
    """Whether enough instances agree for a proof to make a verdict."""
    return comparison.agreed >= MIN_AGREEMENT


def _thin(comparison):
    return f" (it needs agreement on {MIN_AGREEMENT})" if comparison.agreed else ""


def agreement(comparison):
    if comparison.evaluated == 0:
        return "no instance could be evaluated" + (f" ({comparison.note})" if comparison.note else "")
    if comparison.agreed == comparison.evaluated:
        return f"numerically consistent on {comparison.agreed} random instances (ball arithmetic)"
    limit = (f", even at {MAX_PRECISION} bits (about {round(MAX_PRECISION * 0.30103)} digits), "
             "derive's limit") if comparison.capped else ""
    unclear = comparison.evaluated - comparison.agreed - comparison.differed
    parts = [f"on {unclear} the balls were not precise enough to tell{limit}"] if unclear else []
    if comparison.differed:
        why = f" ({comparison.inexact})" if comparison.inexact else ""
        parts.append(f"on {comparison.differed} the two sides differ, but the evaluation was "
                     f"not exact{why}, so that certifies no counterexample")
    return (f"numerically consistent on {comparison.agreed} of {comparison.evaluated} random "
            f"instances ({'; '.join(parts)})")


# ====================================================================== relations

def relation(step, seed, deadline, report):
    rel = step.relation
    exact_equal = _exactly_equal(step, deadline)
    if exact_equal and rel in (Relation.NE, Relation.LT, Relation.GT):
        comparison = compare(step.lhs, step.rhs, Relation.EQ, step.context, seed, deadline)
        return Verdict(REFUTED, "normal form", "the two sides are equal (their difference "
                       f"normalises to 0), so {rel.symbol} fails; {agreement(comparison)}")
    comparison = compare(step.lhs, step.rhs, rel, step.context, seed, deadline, precise=True)
    note = agreement(comparison)
    if comparison.counterexample is not None:
        c = comparison.counterexample
        return Verdict(REFUTED, "numeric", f"{rel.symbol} fails: left {c.lhs_value}, right "
                       f"{c.rhs_value}", counterexample=c)
    if exact_equal and rel in (Relation.LE, Relation.GE):
        return Verdict(VERIFIED, "normal form", f"the two sides are equal (their difference "
                       f"normalises to 0); {note}") if agrees(comparison) else \
            Verdict(UNDECIDED, "normal form", f"the sides are equal but {note}"
                    f"{_thin(comparison)}")
    if constant(step.lhs, step.context) and constant(step.rhs, step.context) and \
            comparison.certain:
        return Verdict(VERIFIED, "certified evaluation", "nothing in this step varies, and an "
                       f"exact evaluation in ball arithmetic proves {rel.symbol}; {note}")
    if rel is Relation.NE:
        return Verdict(UNDECIDED, "numeric", f"≠ is verified only by a strict argument and "
                       f"refuted only by an exact proof of equality; neither was found; {note}")
    if rel in (Relation.GE, Relation.LE):
        # ∫ w sup_t B ≥ ∫ w B(x, h(x)): the optimum is an unknown number to `compare`, so
        # the sides need not agree there; the lemma checks its own identity (`pointwise_sup`)
        from derive.engines import pointwise_sup
        verdict = pointwise_sup.decide(step, seed, deadline)
        if verdict is not None and verdict.status is VERIFIED:
            return verdict
    report(Verdict(UNDECIDED, "bounds", f"no counterexample; {note}; the proof did not finish"))
    from derive.engines import bounds
    proof = bounds.prove(step, deadline)
    if proof is None and cases.prove_order(step, deadline):
        proof = bounds.Proof("cases", "by cases on the signs of absolute values of real "
                             "numbers, the gap is non-negative in each")
    if proof is not None and agrees(comparison):
        return Verdict(VERIFIED, proof.method, f"{proof.detail}; {note}")
    if proof is not None:
        return Verdict(UNDECIDED, proof.method, f"{proof.detail}, but {note}, and a proof "
                       f"alone does not make a verdict{_thin(comparison)}")
    return Verdict(UNDECIDED, "bounds", f"no lemma applies and no sign argument was found; {note}")


def _exactly_equal(step, deadline):
    try:
        return normal_form.difference(step.lhs, step.rhs, step.context, deadline).is_zero()
    except (normal_form.Unsupported, normal_form.Undefined):
        return False


def constant(term, context):
    """Whether a term's value is the same on every instance: no free names, no densities,
    no unknown functions, no sum over a set the declarations leave open (an unspecified
    index set, a discrete variable's range: its size and values vary) — then one certified
    evaluation decides it."""
    if free_names(term):
        return False
    return not any(isinstance(n, (Dens, Dist, Call, Expect, Op)) or _open_range(n, context)
                   for n in nodes(term))


def _open_range(term, context):
    """Whether `term` sums over a set whose elements vary from instance to instance."""
    if not isinstance(term, (Sum, Integral)) or term.lower is not None:
        return False
    return isinstance(term, Sum) and term.var.origin is None or \
        bool(getattr(context.info(term.var), "discrete", False))


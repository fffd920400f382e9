"""Hypotheses of a step, used the same way by every engine: they restrict the instances.

A step `H ⇒ A = B` (or under `% derive: assume H`) claims A = B on the instances where H
holds. Each kind of hypothesis becomes a change of the step that keeps exactly those
instances, before any engine looks at it — so the normal form and the numeric engine see
one and the same restricted statement, and a counterexample always satisfies H:

* `p = q` between two distributions over the same variables: q is put for p everywhere
  (also inside definitions): the instances are those where p is q.
* `p(x | y, z) = p(x | y)` of one declared abstract joint over exactly x, y, z (under
  `assume`, or a step that takes none of them free): X is independent of Z given Y — the
  joint is put as p(x, y) p(y, z) / p(y) of p's marginals, a law given by that expression
  (`_conditionally_independent`): exactly the joints where it holds.
* An equation between symbols, linear in one of them with a rational coefficient
  (`b - c = 1`): solved for that symbol (the one written alone on a side, else the first
  by name), which is replaced — when the solution lies in the symbol's declared domain.
  An equation `S = c·σ^k` (c > 0, k ≥ 2 whole) of a positive σ, S shown positive or a
  variance-shaped average E[(a·x + b)^2] over the density of one continuous variable
  (`Var(X) = \\sigma^2`; positive: a density puts no mass on a point), puts σ = (S/c)^{1/k}.
  An equation neither (a stationarity condition `-n/(2σ²) + S/(2σ⁴) = 0` of a positive
  σ) puts the one root SymPy finds in σ's domain (`one_root`, `_rooted`), never one of
  several; a root not shown inside the domain at every instance (√(S/n), 0 where S is)
  carries that condition (`Unshown`), which a counterexample must be shown to meet.
  Two whole numbers (`i = k`, indices: the case of a softmax Jacobian) are one: k is put
  for i (p_i becomes p_k, δ_{ik} is 1), before any other hypothesis is used, so that i's
  bounds (`1 ≤ i ≤ n`) become k's.
* `t < c`, `t > c`, `t ≤ c`, `t ≥ c` for a symbol t and c free of t: t is written
  `c − δ` or `c + δ` with a fresh positive (non-negative for ≤, ≥) δ — when every such
  value lies in t's declared domain. Several accumulate (`t < 1`, then `t < 0`); a bound
  the other way (`0 < t`, then `t < 1`) writes δ = d·ε/(1+ε) (d/(1+ε) for ≤), so t ranges
  over exactly the interval. Fresh symbols carry the symbol they stand for (`Gap`), so
  messages and counterexamples show t.
* Such a bound on one member of a declared indexed family (`α_t < 1`), where the
  step and its hypotheses take the family at that member only (`_members_as_symbols`):
  the member is put as a fresh symbol of the family's domain first, then bounded.
* `% derive: assume \\pi_i < c` at the index letter of a family declared over a range (an
  integer letter the file does not declare, bound or end a range with, `_any_index`): said
  of every index, so the family is put as a fresh family filling exactly the interval
  (`_family_bound`; `c·w/(1 + w)` of a positive family, `c − w` of a real one).
* A bound on an integer symbol by a whole number (`1 ≤ k ≤ K`): k is kept and its bounds
  recorded (`WholeRange`): the numbers draw k between them, the normal form uses them to
  sum out a Kronecker delta. `i ≠ k` between two such symbols (or one and a whole number)
  is recorded alike (`WholeRange.distinct`): the numbers draw i and k different, the
  normal form takes δ_{ik} as 0; a `≠` whose sides are one term (`k ≠ k` once `i = k` is
  used) holds nowhere: no instance. An equation putting a value for k later (`k = 3`) makes them
  hypotheses on the value (`3 ≤ K`), and the records that mention k take the value (`i ≤ K`,
  then `K = 2`: i ≤ 2); a number outside them leaves no instance.
* `Σ_{j=a}^{b} y_j = c` for an indexed family y: every member is put as a member of a fresh
  family w (`c·w_u/Σ w` for a non-negative y and c > 0, `w_u + (c − Σ w)/(b − a + 1)` for a
  real y), in the step and in the formulas of the densities written with y (Cat(π)); the
  range has a term (a ≤ b shown, or recorded as a bound on whole numbers: an empty range
  sums to 0, where the hypothesis fails), and its bounds mention no bound name (Σ_{i=1}^k
  y_i under Σ_k is one total per k).
  w carries y's members (`Members`), so a counterexample shows y_1, …, y_b. An equation
  linear in one such total with a coefficient shown non-zero (`p = Σ_i x_i / n`) is that
  total solved (`Σ_i x_i = n p`).
* `% derive: assume u(x) > 0` (`≥`) for a function declared plainly at distinct declared
  continuous variables over the whole line: the file says it of every value x takes, so
  u's values are positive (non-negative) — the context as after `positive u`
  (`_function_sign`). A row's or a case's condition `f(x) > 0` is said at the row's x
  only, and a discrete x's values are not said: there it is a bound like any other.
* `p_1 = 0.5` of a declared indexed family at a whole number, `p(E) = 0.5` of a declared
  function at numbers or letters the file does not declare (values at named points), a
  number on the other side (`_pins_put`): the value is put where the step writes the
  member or the function at that point, each sum over a range of numbers that takes it
  written out member by member first. Only where nothing else of the function is left but
  other members at whole numbers: a member at a letter (`p_k`, which may be p_1), a sum
  over `1..m`, the function at another letter, a derivative or a density's formula
  written with it leaves the pins out. A value outside the declared domain, or a second
  value at one point, contradicts.
* A hypothesis the declarations already imply (`q(x) > 0` for a density, an equation
  whose sides have one normal form) is kept as a remark and changes nothing — when both
  its sides are defined at every instance (`a/a = 1` is not: it excludes a = 0).

A hypothesis holds at the instances, so it is put in for a symbol as a *value*: the
derivatives and evaluation bars that reach the symbol are worked out first (`θ > 0 ⇒
d/dθ θ²` is 2θ at θ > 0, never d/dθ of a constant; `s = t ⇒ d/dt (s t)` is s, at s = t),
and the distributions that move with it, or are written with it, are put at the value
(`parameters.at_parameter`; a density by formula written with the symbol is, in the
step's new context, its formula at the value — unless the step also takes it at another
value of the symbol, where the hypothesis is not used). `t < c` for a t declared positive
(non-negative) takes the declaration as its lower bound: t over (0, c). The declarations
read the same restriction where a family's parameters must be shown valid
(`frontend.directives`). `p = q` says what p is at the current
parameters only: a step that still differentiates p, or evaluates it at another
parameter, does not use it.

Before any of this, each hypothesis is checked against the declarations and the ones used
before it (`_consistent`), and each left out against all the others at the end: one they
exclude (`1 = 2`; `x < 0` after `x > 1`; `a < 0` of a positive a) is a `Contradiction` —
every claim would hold vacuously, so `engines.decide` makes the step undecided, saying so.

Anything else is not used (`Unusable`). `engines.decide` then checks the step under the
other hypotheses only (`restrict(step, unused)`): a verification there stands (it covers
the instances claimed), a counterexample there does not (it may violate the hypothesis
left out), so the step is verified or undecided, never refuted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction

from derive.engines import normal_form, one_root, tables
from derive.engines.calculus import NotDifferentiable, depends, without_derivatives, worked_out
from derive.model.context import Context
from derive.model.derivation import Relation
from derive.model.names import (Declaration, DistributionInfo, Domain, FunctionInfo, IndexRange,
                                Kind, Name, VariableInfo, WholeRange)
from derive.model.terms import (
    Add, At, Call, Defined, Dens, Deriv, Dist, Expect, Integral, Mul, Num, Pow, Product, Sum,
    Sym, div, free_names, neg, nodes, substitute, sub, values_taken,
)
from derive.notation.joint import in_order, put_distributions
from derive.notation.families import Formula, formula_at
from derive.notation.parameters import NotAtParameter, at_parameter, formula_mentions
from derive.notation.show import show
from derive.model.terms import replaced as _replaced


class Unusable(Exception):
    """A hypothesis derive cannot turn into a restriction of the instances."""


class Contradiction(Unusable):
    """The hypotheses, used so far and this one, hold at no instance."""


class Unshown(Unusable):
    """A hypothesis used as the one root of its equation (`one_root`) that derive shows in
    the symbol's domain only where `condition` holds (√(S/n) > 0 where the sum of squares S
    is not 0): the root is put all the same — a proof then covers more instances than
    claimed — and, as for a hypothesis left out, a counterexample counts only where an
    exact evaluation shows the condition (`decide._under_usable`)."""


def restrict(step, unused=None):
    """The step with its hypotheses applied (see the module's rules); raises `Unusable` —
    unless `unused` is a list: a hypothesis derive cannot use is then left out (the step
    is restricted by the others only: a larger set of instances) and its `Unusable`
    appended there."""
    if not step.hypotheses:
        return step
    (lhs, rhs), context = restricted((step.lhs, step.rhs), step.hypotheses, step.context,
                                     unused)
    return replace(step, lhs=lhs, rhs=rhs, context=context)


def restricted(terms, hypotheses, context, unused=None):
    """(terms, context) with `hypotheses` applied: the terms at the instances where they
    hold, in the context that declares the fresh symbols (and puts the densities by
    formula written with a restricted symbol at its value). `unused` as in `restrict`."""
    terms = list(terms)
    pending, changes = [], []
    everywhere = {h.latex for h in hypotheses if h.throughout}
    for h in hypotheses:
        signed = h.throughout and _function_sign(h.relation, h.lhs, h.rhs, context)
        bounded = h.throughout and not signed and \
            _family_bound(h.relation, h.lhs, h.rhs, h.latex, terms, context)
        if signed:
            context = signed
        elif bounded:
            change, context = bounded
            changes.append(change)
            terms = [None if t is None else change(t) for t in terms]
            pending = [(r, change(a), change(b), text) for r, a, b, text in pending]
        else:
            left, right = h.lhs, h.rhs
            for change in changes:
                left, right = change(left), change(right)
            pending.append((h.relation, left, right, h.latex))
    terms, pending, context = _members_as_symbols(terms, pending, context)
    terms, pending, context = _variables_as_numbers(terms, pending, context)
    terms, pending = _tables_put(terms, pending, context, unused)
    terms, pending = _pins_put(terms, pending, context, unused)
    # `i = k` between whole numbers first: the bounds of i (`1 ≤ i`) then bound k, never lost
    pending.sort(key=lambda h: not (h[0] is Relation.EQ and _whole_symbol(h[1], context)
                                    and _whole_symbol(h[2], context)))
    while pending:
        relation, left, right, latex = pending.pop(0)
        unshown = None
        try:
            _consistent(relation, left, right, latex, context)
            change, widened = _restriction(relation, left, right, latex, context, terms,
                                           latex in everywhere)
            if change is not None:
                changed = [change(t) for t in terms]
                rest = [(r, change(a), change(b), text) for r, a, b, text in pending]
                bounds, widened = _ranges_put(change, context, widened, latex)
                unshown = getattr(change, "unshown", None)
                if unshown is not None and unused is None:
                    raise unshown
        except Unusable as exc:
            if unused is None:
                raise
            exc.names = free_names(left) | free_names(right)
            exc.latex = latex
            exc.condition = (relation, left, right)     # in the terms, as they change
            unused.append(exc)
            continue
        if change is not None:
            terms, pending = changed, rest + bounds
            for exc in unused or ():
                r, a, b = exc.condition
                exc.condition = (r, change(a), change(b))
        if unshown is not None:
            unused.append(unshown)
        context = widened
    for i, exc in enumerate(unused or ()):      # one left out, then contradicted by the rest
        if not isinstance(exc, Contradiction):
            try:
                _consistent(*exc.condition, exc.latex, context)
            except Contradiction as found:
                found.names, found.latex, found.condition = exc.names, exc.latex, exc.condition
                unused[i] = found
    return terms, context


def _tables_put(terms, pending, context, unused):
    """(terms, pending) with the complete tables of point masses among the pending
    hypotheses put in as their laws (`engines.tables`); cells that make no usable table
    are left out as `Unusable` (a `Contradiction` when no law satisfies them) — raised when
    `unused` is None, as for any hypothesis."""
    made, pending, failed = tables.tables(pending, context)
    if made:
        change = tables.TableChange(made, context, Unusable)
        try:
            terms = [None if t is None else change(t) for t in terms]
            pending = [(r, change(a), change(b), text) for r, a, b, text in pending]
        except Unusable as exc:
            failed.append((exc, [h for t in made for h in t.latex]))
    for exc, cells in failed:
        kind = Contradiction if getattr(exc, "contradiction", False) else Unusable
        error = exc if isinstance(exc, Unusable) else \
            kind(f"derive cannot use the table {', '.join(h[3] for h in cells)}: {exc}")
        if unused is None:
            raise error
        for relation, left, right, latex in cells:
            each = type(error)(str(error))
            each.names = free_names(left) | free_names(right)
            each.latex, each.condition = latex, (relation, left, right)
            unused.append(each)
    return terms, pending


OPENED_AT_MOST = 64       # members of a sum over a range of numbers written out for a pin


@dataclass(frozen=True)
class Pin:
    """A hypothesis `f(c) = v` read as a value: `call` (f at its points c), `value` (a
    number)."""
    call: Call
    value: object


def _pin(relation, left, right, context):
    """A `Pin` when `left relation right` is a member of a declared indexed family at a
    whole number (`p_1 = 0.5` of `positive p_i for i = 1..4`) or a declared function at
    numbers or letters the file does not declare (`p(E) = 0.5` of `function p`: a value at
    a named point), against a number — not `f(1) = 0` of a real function, which is shifted
    (`_function_value`); else None."""
    if relation is not Relation.EQ:
        return None
    for call, value in ((left, right), (right, left)):
        if not isinstance(call, Call) or free_names(value) or \
                context.kind(call.function) is not Kind.FUNCTION:
            continue
        family = call.function.latex.endswith("_{\\cdot}")
        if family and isinstance(context.info(call.function), IndexRange) and \
                len(call.arguments) == 1 and _whole_number(call.arguments[0]):
            return Pin(call, value)
        info = context.info(call.function)
        if not family and _value_fixed(left, right, context) is None and \
                context.declaration(call.function).declared and \
                (info is None or isinstance(info, FunctionInfo) and not info.shape) and \
                all(isinstance(a, Num) or isinstance(a, Sym) and _named_point(a.name, context)
                    for a in call.arguments):
            return Pin(call, value)
    return None


def _whole_number(term):
    return isinstance(term, Num) and Fraction(term.value).denominator == 1


def _named_point(name, context):
    """Whether `name` is a letter the file does not declare (`E` in `p(E)`): a point."""
    return name.origin is None and name.local is None and \
        context.kind(name) is Kind.SYMBOL and not context.declaration(name).declared


def _pins_put(terms, pending, context, unused):
    """(terms, pending) with the pending hypotheses that pin a family member or a function
    at named points to a number (`_pin`) put in as those numbers: each sum over a range of
    numbers (at most `OPENED_AT_MOST` members) whose body takes a pinned function is
    written out member by member, then every call at a pinned point is the value. The
    instances are exactly those where the pins hold — when nothing of the function is left
    elsewhere but its values at other numbers, all pins at numbers (values of a family or
    of a function of no shape: free of each other; a convex f's are not, never pinned).
    Anything else left of a pinned function (a member at a letter, a sum over 1..m, a
    function at another point, which may be a pinned one, a derivative, a density's
    formula or a definition held fixed written with it) leaves its pins out as `Unusable`
    — raised when `unused` is None, as for any hypothesis."""
    pins = {}
    for h in pending:
        pin = _pin(h[0], h[1], h[2], context)
        if pin is not None:
            pins.setdefault(pin.call.function, []).append((pin, h))
    for f, found in pins.items():
        try:
            for pin, h in found:
                _consistent(*h, context)        # p_1 = -0.5 of a positive family: none
                if not _fits(pin.value, context.domain(f), context):
                    raise Unusable(f"{show(pin.value)} is not shown a value of {f.latex}")
            others = [side for h in pending if all(h is not g for _, g in found)
                      for side in h[1:3]]       # a bound on p_k beside p_1 = 0.5, too
            change = _pinned(f, [pin for pin, _ in found], terms + others, context)
        except Unusable as exc:
            for pin, h in found:
                kind = Contradiction if isinstance(exc, Contradiction) else Unusable
                each = kind(f"derive cannot use the hypothesis {h[3]}: {exc}")
                if unused is None:
                    raise each from None
                each.names = free_names(h[1]) | free_names(h[2])
                each.latex, each.condition = h[3], h[:3]
                unused.append(each)
            pending = [h for h in pending if all(h is not g for _, g in found)]
            continue
        seen, kept = {}, []
        for pin, h in found:                # the first pin of a point is used; the others
            if pin.call in seen:            # stay, as `value = value'`, to be checked
                kept.append((Relation.EQ, seen[pin.call], pin.value, h[3]))
            seen.setdefault(pin.call, pin.value)
        terms = [None if t is None else change(t) for t in terms]
        pending = [(r, change(a), change(b), text) for r, a, b, text in
                   (h for h in pending if all(h is not g for _, g in found))] + kept
    return terms, pending


def _pinned(f, pins, terms, context):
    """The change putting each pin's value for f at its point (`_pins_put`); Unusable when
    the step takes f where that would not restrict it to exactly the pinned instances."""
    kin = [g for g in context.table if g is not f and _kin(f, g)]
    for name, declaration in context.table.items():
        if declaration.kind is Kind.DISTRIBUTION and any(formula_mentions(
                Dist(name, declaration.info.over, declaration.info.given), g, context)
                for g in [f] + kin):
            raise Unusable(f"a density's formula is written with {f.latex}")
    values = {}
    for pin in pins:
        values.setdefault(pin.call, pin.value)
    points = {call.arguments for call in values}
    named = {a.name for p in points for a in p if isinstance(a, Sym)}

    def put(out):
        if isinstance(out, Sum) and _whole_number(out.lower) and \
                _whole_number(out.upper) and f in free_names(out.body):
            return change(_written_out(out))        # its members, pinned ones among them
        return values.get(out, out) if isinstance(out, Call) else out

    def change(term):
        return _rebuilt(term, put)
    for term in terms:
        if term is None:
            continue
        for t in nodes(term):
            if isinstance(t, (Deriv, At)) and f in free_names(t) or \
                    isinstance(t, Defined) and t.name in context.fixed and f in free_names(t):
                raise Unusable(f"the step takes {f.latex} where a value put for it would "
                               "not reach")
        changed = change(term)
        left = sorted(n.latex for n in named & free_names(changed))
        if left:            # `E = N ⇒ p(E) = p(N)`: the points may be one, the pins apart
            raise Unusable(f"the step writes {left[0]} beside {f.latex} at it, so that point "
                           "may be another pinned one")
        rest = free_names(_rebuilt(changed, lambda out: Num(0) if isinstance(out, Call) and
                                   out.function is f and
                                   all(isinstance(a, Num) for a in out.arguments) else out))
        other = sorted(g.latex for g in rest if g is f or _kin(f, g))
        if other:           # `Cat(\boldsymbol\pi)`, the bare vector μ, h'(t): f all the same
            raise Unusable(f"the step writes {other[0]} beside {f.latex}, where a value put "
                           "for a member would not reach")
        for t in nodes(changed):
            if isinstance(t, Call) and t.function is f and not (     # its own value
                    all(isinstance(a, Num) for a in t.arguments) and
                    all(isinstance(a, Num) for p in points for a in p)):
                raise Unusable(f"the step takes {show(t)} beside it, which derive cannot "
                               "tell from the points pinned")
    return change


_FONTS = frozenset({r"\boldsymbol", r"\bm", r"\mathbf", r"\mathbfit", r"\vec",
                    r"\mathrm", r"\mathit", r"\cdot"})


def _letters(latex):
    """The letters and control words of a spelling, fonts and the family mark aside."""
    return {t for t in re.findall(r"\\[a-zA-Z]+|[a-zA-Z]", latex) if t not in _FONTS}


def _kin(f, name):
    """Whether `name` is spelled with f's letter (`\\boldsymbol\\pi` of the family π_k, the
    vector μ of components μ_j, h' of h): it may stand for f itself or for its members, so a
    value pinned for a member would not reach it (over-inclusive by design: `\\pi_x` too)."""
    return name is not f and _letters(f.latex) <= _letters(name.latex)


def _rebuilt(term, each):
    """`term` rebuilt from its leaves up, `each` applied to every node once its children
    are done (memoised: DAG-sized)."""
    memo = {}
    for t in nodes(term):
        if t not in memo:
            memo[t] = each(t.rebuild([memo[k] for k in t.children]) if t.children else t)
    return memo[term]


def _written_out(total):
    """Σ_{i=a}^{b} body over whole numbers a..b as body(a) + … + body(b) (0 when empty);
    Unusable past `OPENED_AT_MOST` members."""
    a, b = int(total.lower.value), int(total.upper.value)
    if b - a + 1 > OPENED_AT_MOST:
        raise Unusable(f"a sum over {b - a + 1} members is not written out")
    members = [substitute(total.body, {total.var: Num(k)}) for k in range(a, b + 1)]
    return Num(0) if not members else members[0] if len(members) == 1 else Add(*members)


def _consistent(relation, left, right, latex, context):
    """Raise `Contradiction` when the declarations and the hypotheses used so far (in
    `context`, and put into `left`, `right`) imply the negation of `left relation right`:
    a closed false statement (`1 = 2`, `0 > 1`), a bound against a declaration (`a < 0` of a
    positive a) or against another bound (`x < 0` after `x > 1`: 1 + δ < 0). Under such
    hypotheses every claim holds vacuously — a verdict derive never gives (`decide`)."""
    negation = {Relation.EQ: Relation.NE, Relation.NE: Relation.EQ, Relation.LT: Relation.GE,
                Relation.LE: Relation.GT, Relation.GT: Relation.LE,
                Relation.GE: Relation.LT}.get(relation)
    if negation is not None and _implied(negation, left, right, context):
        here = f"{show(_number_or(left, context))} {relation.symbol} " \
            f"{show(_number_or(right, context))}"
        said = "" if here.replace(" ", "") == latex.replace(" ", "") else f" (here {here})"
        raise Contradiction(f"the hypotheses hold at no instance: {latex}{said} is excluded "
                            f"by the declarations and the other hypotheses")


def _variables_as_numbers(terms, pending, context):
    """(terms, pending, context) with each continuous variable x (`variable x`, no declared
    range) that a hypothesis bounds, while the step uses it only as a free number — no law
    over x, no copy of x bound, no density at it — put as a fresh real symbol spelled x,
    in the step and its hypotheses alike (a renaming of a free number: the claim is for
    every real x either way). So `\\forall a \\le x \\le b` after Hoeffding's chord bounds it
    as it bounds any symbol. Where the step speaks of x's law or a bound copy of x (or a
    law moves with x), a bound on x would speak of the law's support, which the drawn laws
    do not respect: it stays the variable, and the bound unused."""
    said = [s for _, left, right, _ in pending for s in (left, right)]
    sides = [t for t in terms if t is not None]
    mapping, table = {}, None
    for name in sorted(set().union(*(free_names(s) for s in said)) if said else (),
                       key=lambda n: n.sort_key()):
        declaration = context.declaration(name)
        if declaration.kind is not Kind.VARIABLE or name.origin is not None or \
                name.local is not None or not isinstance(declaration.info, VariableInfo) or \
                declaration.info.discrete or declaration.info.support is not None or \
                not any(name in free_names(s) for s in sides) or \
                any(name in moving for moving in context.parameters.values()) or \
                any(_about_law(t, name) for s in sides for t in nodes(s)):
            continue
        fresh = Name(name.latex)
        table = table if table is not None else dict(context.table)
        table[fresh] = Declaration(Kind.SYMBOL, declaration.domain)
        mapping[name] = Sym(fresh)
    if not mapping:
        return terms, pending, context
    return ([substitute(t, mapping) if t is not None else None for t in terms],
            [(r, substitute(a, mapping), substitute(b, mapping), text)
             for r, a, b, text in pending],
            Context(table, context.parameters, context.fixed))


def variables_as_numbers(step):
    """The step with its continuous variables that a hypothesis mentions and the step uses
    only as free numbers put as real symbols (`_variables_as_numbers`), in its sides and
    hypotheses alike: for an engine that draws symbols only (`consequence`), so that
    `\\frac{a}{y} - \\frac{b}{1-y} = 0 \\Rightarrow y = \\frac{a}{a+b}` of a `variable y`
    is the same claim as of a `real y` — for every real y where the premise holds."""
    pending = [(h.relation, h.lhs, h.rhs, h.latex) for h in step.hypotheses]
    terms, pending, context = _variables_as_numbers([step.lhs, step.rhs], pending,
                                                    step.context)
    if context is step.context:
        return step
    hypotheses = tuple(replace(h, lhs=a, rhs=b)
                       for h, (_, a, b, _) in zip(step.hypotheses, pending))
    return replace(step, lhs=terms[0], rhs=terms[1], hypotheses=hypotheses, context=context)


def _about_law(term, name):
    """Whether a sub-term speaks of the variable `name` otherwise than as a number: a law
    over it, or a bound copy of it."""
    if isinstance(term, Dist) and name in term.over + term.given:
        return True
    return any(isinstance(b, Name) and b.origin is name for b in term.binds) or \
        isinstance(term, Sym) and term.name.origin is name


def averages_put(step, unused):
    """The step (restricted by its usable hypotheses) with each left-out hypothesis `T = c`
    whose one side T is an expectation, integral or sum (`assume EX = 0`), the other side c
    not one, put as c wherever the step writes T (a sub-term of T's
    normal form, inside definitions too); None when no left-out hypothesis is of that shape
    or the step does not write T. It is no restriction of the instances (the numbers still
    draw laws with E[X] ≠ 0), so only a proof of it counts (`decide`): at every instance
    where T = c the step is this one, so a proof of this one for all instances proves the
    step as claimed; a counterexample to it may have T ≠ c, and refutes nothing."""
    n = normal_form.Normaliser(step.context)
    lhs, rhs, said = step.lhs, step.rhs, []
    for exc in unused:
        relation, left, right = exc.condition
        if relation is not Relation.EQ:
            continue
        for average, value in ((left, right), (right, left)):
            if not _is_average(average) or _is_average(value):
                continue
            try:
                target = n.value(average)
                found = [t for side in (lhs, rhs) for t in nodes(side)
                         if _is_average(t) and _same_value(n, t, target)]
            except (normal_form.Unsupported, normal_form.Undefined):
                continue
            before = lhs, rhs
            for t in dict.fromkeys(found):
                lhs, rhs = (_put_where_held(side, t, value, step.context) for side in (lhs, rhs))
            if (lhs, rhs) != before:
                said.append(exc.latex)
                break
    return replace(step, lhs=lhs, rhs=rhs) if said else None


def _put_where_held(term, average, value, context):
    """`term` with `average` put as `value` where the hypothesis `average = value` speaks of
    it: not under an operator that varies a letter either of them moves with (`depends`:
    written, or through a law's parameter or formula) — a derivative by it, an evaluation
    bar, integral, sum, limit or optimum over it. The hypothesis holds at the file's value
    of that letter only: `assume E[X] = 0` of N(θ, 1) says nothing of d/dθ E[X] (= 1) or of
    E[X] at θ = 1, and `assume E[X] = \\sin m` nothing of d/dm E[X]. A bound letter counts as
    the declared one it ranges like (`Name.variable`: ∫ … dθ over a law's parameter θ)."""
    memo = {}

    def moves(varied):
        return any(depends(side, letter, context) for v in varied
                   for letter in {v, v.variable} for side in (average, value))

    def walk(t, varied):
        if t is average:
            return t if moves(varied) else value
        if not t.children:
            return t
        key = (t, varied)
        if key not in memo:
            inner = varied | frozenset((t.var,) if isinstance(t, Deriv) else t.binds)
            children = t.children
            scoped = len(children) if t.scoped is None else t.scoped
            memo[key] = t.rebuild([walk(c, inner if k < scoped else varied)
                                   for k, c in enumerate(children)])
        return memo[key]
    return walk(term, frozenset())


def _is_average(term):
    return isinstance(term, (Expect, Integral)) and not isinstance(term, Product)


def _same_value(n, term, target):
    try:
        return (n.value(term) - target).is_zero()
    except (normal_form.Unsupported, normal_form.Undefined):
        return False


def _members_as_symbols(terms, pending, context):
    """A bound on a member of a declared indexed family (`α_t < 1` of `positive
    \\alpha_t`, DDPM's noise schedule; not a function f(x), whose derivative f' is tied to
    it) where the step and its hypotheses take that family only there — one member, `α` at
    the one index t everywhere, no derivative — is a bound on one number: the member is put as a fresh symbol of the family's domain (spelled as
    the member, so a counterexample shows α_t), and the bound is then used as any bound on
    a symbol. Its value at that one index is free within the domain, so the instances are
    the same; a family taken at two indices (which may be equal) or written in a density's
    formula at another member is left as it is (the bound is then not used). A derivative in
    another letter than the member's index (∇_x log q(x) of q = N(√ᾱ_t x_0, 1 − ᾱ_t)) treats
    the member as the constant it is, and a density whose formula takes the family at that
    member only takes the fresh symbol there too (`_formulas_changed`), as the step does."""
    sides = [term for term in terms if term is not None] + \
        [side for _, left, right, _ in pending for side in (left, right)]
    differentiated = {t.var for side in sides for t in nodes(side) if isinstance(t, Deriv)}
    for relation, left, right, _ in list(pending):
        call = next((side for side in (left, right) if isinstance(side, Call) and
                     context.kind(side.function) is Kind.FUNCTION and
                     side.function.latex.endswith("_{\\cdot}") and len(side.arguments) == 1),
                    None)
        if relation not in (Relation.LT, Relation.LE, Relation.GT, Relation.GE) or \
                call is None or call.function in free_names(right if call is left else left):
            continue
        f = call.function
        taken = {t for side in sides for t in nodes(side) if isinstance(t, Call) and
                 t.function is f}
        written = {n for n, d in context.table.items() if d.kind is Kind.DISTRIBUTION and
                   formula_mentions(Dist(n, d.info.over, d.info.given), f, context)}
        if taken != {call} or differentiated & (free_names(call) | {f}) or \
                any(_taken_in_formula(n, f, context) != {call} for n in written):
            continue
        member = Name(f.latex.removesuffix("_{\\cdot}") + "_{" + show(call.arguments[0]) + "}")
        table = dict(context.table)
        table[member] = Declaration(Kind.SYMBOL, context.domain(f))
        context = _formulas_changed(Context(table, context.parameters, context.fixed), written,
                                    lambda t, c=call, m=Sym(member): _call_put(t, c, m))
        terms = [None if t is None else _call_put(t, call, Sym(member)) for t in terms]
        pending = [(r, _call_put(a, call, Sym(member)), _call_put(b, call, Sym(member)), text)
                   for r, a, b, text in pending]
        sides = [_call_put(side, call, Sym(member)) for side in sides]
    return terms, pending, context


def _taken_in_formula(dist, f, context):
    """The calls of the family `f` in the formula of the declared density `dist`."""
    formula = context.info(dist).formula
    pieces = [piece for low, high, value in formula.pieces for piece in (low, high, value)
              if piece is not None] + ([formula.family] if formula.family is not None else [])
    return {t for piece in pieces for t in nodes(piece) if isinstance(t, Call) and
            t.function is f}


def _call_put(term, call, value):
    """`term` with the node `call` (one member of a family) replaced by `value`."""
    memo = {}

    def walk(t):
        if t is call:
            return value
        if call.function not in free_names(t):
            return t
        if t not in memo:
            memo[t] = t.rebuild([walk(c) for c in t.children])
        return memo[t]
    return walk(term)


def _ranges_put(change, before, after, latex):
    """The records on integers (`WholeRange`: `0 ≤ i`, `i ≤ n`, `i \\ne k`) after a change
    puts a value for a symbol (`i = 3`, `n = 2`). Those of the symbol replaced become
    hypotheses on its value (`3 ≤ n`, `3 \\ne k`), so they still restrict the instances —
    never records left on a symbol no term mentions any more, drawn and shown by a
    counterexample beside the value used; those that mention it elsewhere take the value
    (`i ≤ n`, then `n = 2`: i ≤ 2 — else i and n would be drawn past it, and a
    counterexample would violate `n = 2`). (hypotheses, the context so changed). A value
    that breaks a record of numbers (`1 ≤ k`, then `k = 0`; `k \\ne 3`, then `k = 3`) leaves
    no instance: Unusable."""
    bounds, table = [], dict(after.table)
    for name, declaration in before.table.items():
        info = declaration.info
        if not isinstance(info, WholeRange):
            continue
        value = change(Sym(name))
        if value is Sym(name):
            moved = WholeRange(*(tuple(change(t) for t in part)
                                 for part in (info.lower, info.upper, info.distinct)))
            if (moved.lower, moved.upper, moved.distinct) != \
                    (info.lower, info.upper, info.distinct):
                table[name] = replace(table[name], info=moved)
            continue
        value = _number_or(value, after)
        pairs = [(low, value) for low in info.lower] + [(value, high) for high in info.upper]
        others = [_number_or(change(d), after) for d in info.distinct]
        if any(isinstance(a, Num) and isinstance(b, Num) and a.value > b.value
               for a, b in pairs) or any(_same(value, d, after) for d in others):
            raise Contradiction(f"the hypotheses hold at no instance: {latex} puts "
                           f"{show(value)} for {name.latex}, outside what is stated of it")
        bounds += [(Relation.LE, a, b, latex) for a, b in pairs]
        bounds += [(Relation.NE, value, d, latex) for d in others
                   if not (isinstance(value, Num) and isinstance(d, Num))]
        table[name] = replace(table[name], info=None)
    if table == after.table:
        return bounds, after
    return bounds, Context(table, after.parameters, after.fixed)


def _same(a, b, context):
    """Whether the terms `a` and `b` are one at every instance (one normal form): `a ≠ b`
    then holds nowhere (`i \\ne k, i = k` leaves `k \\ne k`)."""
    if a is b:
        return True
    n = normal_form.Normaliser(context)
    try:
        return (n.value(a) - n.value(b)).is_zero()
    except (normal_form.Unsupported, normal_form.Undefined):
        return False


def _number_or(term, context):
    """`term` as a number where it is one at every value of its names (`(3 − 0)/1` is 3)."""
    try:
        constant = normal_form.Normaliser(context).value(term).constant()
    except (normal_form.Unsupported, normal_form.Undefined):
        constant = None
    return Num(constant) if constant is not None else term


def _restriction(relation, left, right, latex, context, terms=(), everywhere=False):
    """(a term ↦ term change, new context) for one hypothesis, in a step whose sides are
    `terms`; change None when implied. `everywhere`: said of every value (`assume`), not
    of a row's free point."""
    if _implied(relation, left, right, context):
        return None, context
    if relation is Relation.EQ:
        markov = _conditionally_independent(left, right, latex, context, terms, everywhere) \
            or _independent(left, right, latex, context, terms, everywhere) \
            or _independent(right, left, latex, context, terms, everywhere)
        if markov is not None:
            return markov, context
        swap = _distribution_swap(left, right, latex, context, terms)
        if swap is not None:
            return swap, context
        total = _family_total(left, right, latex, context) or \
            _family_total(*_total_isolated(left, right, context), latex, context)
        if total is None:
            opened = _sums_opened(left, right, context)
            total = opened and _family_total(*_total_isolated(*opened, context), latex, context)
        if total is not None:
            return total
        value = _function_value(left, right, latex, context, terms)
        if value is not None:
            return value, context
        return _solved(left, right, latex, context)
    if relation in (Relation.LT, Relation.LE, Relation.GT, Relation.GE):
        return _bounded(relation, left, right, latex, context)
    if relation is Relation.NE:
        if _same(left, right, context):
            raise Contradiction(f"the hypotheses hold at no instance: with {latex}, they say "
                           f"{show(_number_or(left, context))} ≠ {show(_number_or(right, context))}")
        return None, _distinct(left, right, latex, context)
    raise Unusable(f"derive cannot use the hypothesis {latex}")


def implied(hypothesis, context):
    """Whether the declarations in `context` already imply `hypothesis` at every instance
    (β ≥ 0 of a declared nonnegative β): every instance, a counterexample's too, meets it."""
    return _implied(hypothesis.relation, hypothesis.lhs, hypothesis.rhs, context)


def _implied(relation, left, right, context):
    """Whether the declarations already imply `left relation right` at every instance."""
    n = normal_form.Normaliser(context)
    try:
        if not (normal_form.defined_everywhere(left, n) and
                normal_form.defined_everywhere(right, n)):
            return False
        gap = n.value(left) - n.value(right)
    except (normal_form.Unsupported, normal_form.Undefined):
        return False
    if relation is Relation.EQ:
        return gap.is_zero()
    if relation is Relation.NE:         # a ≠ b: the gap shown positive or negative, never 0
        return normal_form.POS in (n.sign(gap), n.sign(gap.scale(-1)))
    if relation in (Relation.LT, Relation.LE):
        gap = gap.scale(-1)
    sign = n.sign(gap)
    if relation.strict:
        return sign == normal_form.POS
    return sign in (normal_form.POS, normal_form.NONNEG) or gap.is_zero()


# ---------------------------------------------------------------------------- values

def _put(name, value, latex, context):
    """(the change putting `value` for the symbol `name` at the instances, the context
    there): what moves with name under a derivative or bar is worked out first, then name
    and the distributions moving with it are put at value; a density by formula written
    with name is, in the new context, its formula at value (see the module's rules)."""
    context = _gaps_at(context, name, value)
    written = _formulas_with(name, context)
    at_value = _formulas_at(context, written, {name: value})

    def change(term):
        term = _worked_out(term, lambda u: depends(u, name, context), latex, context)
        if any(isinstance(t, Dist) and t.name in written and t.params or
               isinstance(t, (Deriv, At)) and t.var is name and written for t in nodes(term)):
            raise Unusable(f"derive cannot use the hypothesis {latex} here: a density by "
                           f"formula written with {name.latex} is taken at another value")
        try:
            out = at_parameter(term, name, value, at_value)
        except NotAtParameter as exc:
            raise Unusable(f"derive cannot use the hypothesis {latex}: {exc}") from None
        if name in free_names(out) - free_names(value):   # never a free draw of what H restricts
            raise Unusable(f"derive cannot use the hypothesis {latex} here")
        return out
    return change, at_value


def _gaps_at(context, name, value):
    """The context with `value` put for `name` in what the earlier fresh symbols stand for
    (after `a < b` then `b < c`, a's value b − δ becomes c − δ' − δ): a counterexample
    shows every bounded symbol in the fresh symbols of the instance, never in a symbol
    the later hypothesis replaced."""
    stale = {g: d for g, d in context.table.items()
             if isinstance(d.info, Gap) and name in free_names(d.info.value)}
    if not stale:
        return context
    table = dict(context.table)
    for g, declaration in stale.items():
        info = declaration.info
        table[g] = replace(declaration, info=Gap(info.of, substitute(info.value, {name: value})))
    return Context(table, context.parameters, context.fixed)


def _formulas_with(name, context):
    """The distributions declared by a formula written with the symbol `name`."""
    return {d for d, declaration in context.table.items()
            if declaration.kind is Kind.DISTRIBUTION and formula_mentions(
                Dist(d, declaration.info.over, declaration.info.given), name, context)}


def _formulas_at(context, written, mapping):
    """The context with the formulas of the distributions `written` put at `mapping`: at
    the instances a hypothesis keeps, N(θ, 1) is N(value, 1)."""
    if not written:
        return context
    table = dict(context.table)
    for d in written:
        declaration = table[d]
        formula = formula_at(declaration.info.formula, mapping)
        table[d] = replace(declaration, info=replace(declaration.info, formula=formula,
                                                     family=formula.family))
    return Context(table, context.parameters, context.fixed)


def _worked_out(term, touched, latex, context):
    """`term` with every derivative and evaluation bar that `touched` accepts worked out,
    so a value put in afterwards is a value of the result, not of the variable
    differentiated by."""
    try:
        return without_derivatives(term, context, where=touched)
    except NotDifferentiable as exc:
        raise Unusable(f"derive cannot use the hypothesis {latex}: the step differentiates "
                       f"what it restricts, and {exc}") from None


# ---------------------------------------------------------------------------- p = q

def _distribution_swap(left, right, latex, context, terms=()):
    """`p = q` (bare densities, or written at their variables): put q for p — where p
    stands at the current parameters, once the derivatives and bars that reach it are
    worked out; p still differentiated (∂_θ p_θ) or at another parameter is not used.

    It is an identity of functions (said of every x) when the step takes no free x — it
    integrates, sums or averages over x, or writes none (`D_{KL}(p \\| q)`, `p(y)`). When
    the step takes x free it is said at that x: put in only where the step takes p and q at
    that point alone, where both readings agree (`_said_at_a_point`)."""
    dists = []
    for side in (left, right):
        if not (isinstance(side, Dens) and isinstance(side.dist, Dist)):
            return None
        dist = side.dist
        info = context.info(dist.name)
        # q may be given by a formula (`X \sim \mathcal{N}(0, 1)` of an abstract p): put in
        # for p, it is integrated as the formula it is — nothing assumed of it
        if dist.given or info.given or info.expression is not None or \
                side is left and info.formula is not None or \
                tuple(a for a in side.at) != tuple(Sym(v) for v in dist.over):
            return None
        dists.append(dist)
    old, new = dists
    if tuple(old.over) != tuple(new.over):
        raise Unusable(f"{old.name.latex} and {new.name.latex} are over different variables")
    if _said_at_a_point(left.at, {old.name, new.name}, terms):
        raise Unusable(f"derive cannot use the hypothesis {latex} here: the step takes "
                       f"{show(left.at[0])} free, so it is said at that point, while the step "
                       f"also takes {old.name.latex} or {new.name.latex} elsewhere")

    def mentions(u):
        return any(isinstance(t, Dist) and t.name is old.name for t in nodes(u))

    def change(term):
        term = _worked_out(term, mentions, latex, context)
        if any(isinstance(t, (Deriv, At)) and mentions(t) or
               isinstance(t, Dist) and t.name is old.name and t.params for t in nodes(term)):
            raise Unusable(f"derive cannot use the hypothesis {latex} here: it says what "
                           f"{old.name.latex} is at the current parameters, not how it moves "
                           "with them")
        return put_distributions(term, {old.name: new})
    return change


def _conditionally_independent(left, right, latex, context, terms=(), everywhere=False):
    """`p(x | y, z) = p(x | y)` (a conditional of one declared abstract joint, each side at
    its own variables, the left given more): A is independent of C given B, said of every
    value. The joint is put as the joint p(a, b) p(b, c) / p(b) built from p's marginals
    (a law given by that expression, `joint.expression_density`) — a joint satisfying the
    hypothesis, and every one that does is of that form (take p itself), so the instances
    are exactly those where it holds; both engines see the one restricted step. Only when
    A, B, C are all of p's variables (with another D the product would also say A ⊥ D | B),
    and where the step takes p at its current parameters and differentiates nothing of it;
    a row's condition (not `assume`) in a step that takes those variables free speaks of
    that point only, which no joint of that form says — not used there. None when the
    hypothesis is no such statement."""
    sides = []
    for side in (left, right):
        if not (isinstance(side, Dens) and isinstance(side.dist, Dist)):
            return None
        sides.append(side.dist)
    wide, narrow = sides
    info = context.info(wide.name)
    if wide.name is not narrow.name or getattr(info, "given", True) or \
            info.expression is not None or info.formula is not None or \
            info.law is not None or wide.params or narrow.params or \
            wide.over != narrow.over or not set(narrow.given) < set(wide.given) or \
            left.at != tuple(Sym(v) for v in wide.over) or \
            right.at != tuple(Sym(v) for v in narrow.over) or \
            wide.cond != tuple(Sym(v) for v in wide.given) or \
            narrow.cond != tuple(Sym(v) for v in narrow.given):
        return None
    a, b = tuple(wide.over), tuple(narrow.given)
    c = tuple(v for v in wide.given if v not in b)
    if set(a + b + c) != set(info.over) or len(a + b + c) != len(info.over):
        raise Unusable(f"derive cannot use the hypothesis {latex} here: it reads a "
                       f"conditional independence only between all the variables of "
                       f"{wide.name.latex}")

    def marginal(variables):
        over, at = in_order(info, variables, tuple(Sym(v) for v in variables))
        return Dens(Dist(wide.name, over), at)
    expression = Mul(marginal(a + b), marginal(b + c))
    if b:
        expression = Mul(expression, Pow(marginal(b), Num(-1)))
    return _joint_put_as(wide.name, info, expression, latex, terms, everywhere)


def _independent(left, right, latex, context, terms=(), everywhere=False):
    """`p(x, y) = p(x) p(y)` (a declared abstract joint at all its variables, the other side
    a product of its marginals over groups that split them: `p(x, y, z) = p(x) p(y, z)`):
    the groups are independent, said of every value. The joint is put as that product
    (`_joint_put_as`): a joint satisfying the hypothesis, and every one that does is of
    that form, so the instances are exactly those where it holds. None when the hypothesis
    is no such statement."""
    if not (isinstance(left, Dens) and isinstance(left.dist, Dist)) or \
            not isinstance(right, Mul):
        return None
    joint, info = left.dist, context.info(left.dist.name)
    factors = _factors(right)
    if getattr(info, "given", True) or info.expression is not None or \
            info.formula is not None or info.law is not None or joint.given or \
            joint.params or tuple(joint.over) != tuple(info.over) or \
            left.at != tuple(Sym(v) for v in joint.over) or len(factors) < 2 or \
            not all(isinstance(f, Dens) and isinstance(f.dist, Dist) and
                    f.dist.name is joint.name and not f.dist.given and not f.dist.params and
                    f.at == tuple(Sym(v) for v in f.dist.over) for f in factors):
        return None
    groups = [tuple(f.dist.over) for f in factors]
    if sorted((v for g in groups for v in g), key=lambda v: v.serial) != \
            sorted(info.over, key=lambda v: v.serial):
        raise Unusable(f"derive cannot use the hypothesis {latex}: it reads independence only "
                       f"as {joint.name.latex} at all its variables equal to the product of its "
                       "marginals over groups that split them, each variable in one group")
    return _joint_put_as(joint.name, info, right, latex, terms, everywhere)


def _factors(term):
    """The factors of a product, nested products flattened."""
    if isinstance(term, Mul):
        return [f for c in term.children for f in _factors(c)]
    return [term]


def _joint_put_as(name, info, expression, latex, terms, everywhere):
    """The change putting the abstract joint `name` as the law given by `expression` (in
    its marginals): said of every value (`assume`, or a step that takes none of its
    variables free), where the step takes it at its current parameters and differentiates
    nothing of it — else `Unusable`."""
    if not everywhere and any(set(info.over) & values_taken(t) for t in terms if t is not None):
        raise Unusable(f"derive cannot use the hypothesis {latex} here: the step takes "
                       f"{', '.join(v.latex for v in info.over)} free, so it is said at that "
                       "point (write it as '% derive: assume …' to say it of every value)")
    if any(isinstance(t, (Deriv, At)) and any(isinstance(u, Dist) and u.name is name
                                              for u in nodes(t))
           or isinstance(t, Dist) and t.name is name and t.params
           for term in terms if term is not None for t in nodes(term)):
        raise Unusable(f"derive cannot use the hypothesis {latex} here: it says what "
                       f"{name.latex} is at the current parameters, not how it moves "
                       "with them")
    factored = Name(name.latex, local=Declaration(
        Kind.DISTRIBUTION, Domain.POSITIVE, DistributionInfo(over=tuple(info.over),
                                                             expression=expression)))

    def change(term):
        return put_distributions(term, {name: Dist(factored, info.over)})
    return change


def _said_at_a_point(point, dists, terms):
    """Whether the step (`terms`) takes a variable of `point` free — so a row's `p(x) =
    q(x)` speaks of that x — and also takes a density of `dists` other than at `point`
    (under a binder, at another point, in a divergence): there the function reading would
    be used beside the pointwise one."""
    values = {a.name for a in point if isinstance(a, Sym)}
    terms = [t for t in terms if t is not None]
    if not any(values & values_taken(t) for t in terms):
        return False

    def at_point(u):
        return isinstance(u, Dens) and isinstance(u.dist, Dist) and u.dist.name in dists \
            and tuple(u.at) == tuple(point)
    return any(isinstance(u, Dist) and u.name in dists
               for t in terms for u in nodes(t, skip=at_point))


# ---------------------------------------------------------------------------- equations

def _solved(left, right, latex, context):
    """An equation solved for one symbol, linear in it; of two whole numbers, the one of
    the wider domain (an integer rather than a natural number) is put for the other."""
    if _whole_symbol(left, context) and _whole_symbol(right, context):
        if context.domain(left.name) is Domain.NATURAL:
            left, right = right, left
        return _put(left.name, right, latex, context)
    # a derivative written in the equation (`d/dλ (T log λ − λ s) = 0`) is worked out
    # first, so the value put for the symbol solved carries none
    left, right = (worked_out(side, context) or side for side in (left, right))
    n = normal_form.Normaliser(context)
    try:
        difference = n.value(sub(left, right))
    except (normal_form.Unsupported, normal_form.Undefined):
        raise Unusable(f"derive cannot use the hypothesis {latex}") from None
    names = {name.serial: name for name in free_names(left) | free_names(right)
             if context.kind(name) is Kind.SYMBOL and name.origin is None and name.local is None}
    preferred = [side.name for side in (left, right) if isinstance(side, Sym)]
    order = [name for name in preferred if name.serial in names] + \
        sorted(names.values(), key=lambda name: name.sort_key())
    for name in order:
        coefficient = _linear_coefficient(difference, name)
        if coefficient is None:
            continue
        # name = -(left - right at name = 0) / c: free of name, so the instances draw no
        # value for it that a counterexample could show instead of the one used
        moved = substitute(sub(right, left), {name: Num(0)})
        # a rational coefficient divides as its reciprocal: `1/(−1)` written as a power of
        # a negative base would make the value "not defined everywhere" (`_implied`)
        solution = moved if coefficient == 1 else Mul(Num(1 / coefficient), moved)
        if _fits(solution, context.domain(name), context):
            return _put(name, solution, latex, context)
    for name in order:
        for side, other in ((left, right), (right, left)):
            power = _power_of(n, other, name) if name not in free_names(side) and \
                context.domain(name) is Domain.POSITIVE else None
            if power is not None and (_fits(side, Domain.POSITIVE, context) or
                                      _spread(side, context)):
                k, coefficient = power
                value = Pow(div(side, Num(coefficient)), Num(Fraction(1, k)))
                return _put(name, value, latex, context)
    for name in order:
        root = one_root.unique_root(sub(left, right), name, context)
        if root is not None:
            return _rooted(name, root, latex, context)
    raise Unusable(f"derive cannot use the hypothesis {latex}: it is not linear in a symbol "
                   "whose declared domain holds the solution")


def _rooted(name, root, latex, context):
    """`_put` of the one root of an equation in `name`'s domain (`one_root`); when derive
    does not show the root inside the domain at every instance, the change carries the
    `Unshown` condition that it is (`restricted` keeps it with the hypotheses left out)."""
    change, widened = _put(name, root, latex, context)
    domain = context.domain(name)
    if not _fits(root, domain, context):
        relation = Relation.GT if domain is Domain.POSITIVE else Relation.GE
        if domain is Domain.REAL:
            raise Unusable(f"derive cannot use the hypothesis {latex}: its one root "
                           f"{show(root)} is not shown real")
        unshown = Unshown(f"derive used the hypothesis {latex} as {name.latex} = "
                          f"{show(root)}, its one root in {name.latex}'s domain, which it "
                          f"does not show {relation.symbol} 0 at every instance")
        unshown.names, unshown.latex = {name}, latex
        unshown.condition = (relation, root, Num(0))
        change.unshown = unshown
    return change, widened


def fixes_a_value(hypothesis, context):
    """Whether `hypothesis` is `f(c) = v` of a plainly declared real function f at a number
    c (`_function_value`): `engines.decide` also tries a step without it, as that shift may
    hide the shape a lemma reads (Jensen's f(∫ …))."""
    return hypothesis.relation is Relation.EQ and \
        _value_fixed(hypothesis.lhs, hypothesis.rhs, context) is not None


def _value_fixed(left, right, context):
    """(f, c, v) when `left = right` is `f(c) = v` (or `v = f(c)`): f declared as a real
    function of one argument (plainly, `convex` or `concave`: of real values of no sign),
    c a number, v free of f with symbols only — a number at every instance; else None."""
    for call, value in ((left, right), (right, left)):
        if not isinstance(call, Call) or len(call.arguments) != 1 or \
                not isinstance(call.arguments[0], Num):
            continue
        f = call.function
        declaration = context.declaration(f)
        if declaration.kind is not Kind.FUNCTION or not declaration.declared or \
                declaration.domain is not Domain.REAL or f.latex.endswith("_{\\cdot}") or \
                not isinstance(declaration.info, (FunctionInfo, type(None))):
            continue
        if any(context.kind(n) is not Kind.SYMBOL for n in free_names(value)):
            continue
        return f, call.arguments[0], value
    return None


def _function_value(left, right, latex, context, terms):
    """`f(c) = v` (`_value_fixed`): every call f(u) is put as f(u) − f(c) + v. As f ranges
    over the functions of its declaration, f − f(c) + v ranges over exactly those with the
    value v at c — a shift by a constant keeps a function real, convex or concave, and its
    derivatives (f' is f' still, d/du of the shift is f'(u)); a D_f(P ‖ Q), whose generator
    is a call of f, is the shifted function's. So the instances are exactly those where the
    hypothesis holds. The change, or None when the hypothesis is not of that shape; Unusable
    when the step takes f where the shift would not reach it consistently: applied to
    several arguments, in a definition held fixed (its value at the current parameters), in
    a density's formula (written with f, not shifted with it)."""
    found = _value_fixed(left, right, context)
    if found is None:
        return None
    f, c, v = found
    for name, declaration in context.table.items():
        if declaration.kind is Kind.DISTRIBUTION and formula_mentions(
                Dist(name, declaration.info.over, declaration.info.given), f, context):
            raise Unusable(f"derive cannot use the hypothesis {latex}: a density's formula "
                           f"is written with {f.latex}")
    for term in terms:
        for t in nodes(term) if term is not None else ():
            if isinstance(t, Call) and t.function is f and len(t.arguments) != 1 or \
                    isinstance(t, Defined) and t.name in context.fixed and f in free_names(t):
                raise Unusable(f"derive cannot use the hypothesis {latex}: the step takes "
                               f"{f.latex} where a value put for it would not reach")
    at = Call(f, c)

    def shifted(out):
        if isinstance(out, Call) and out.function is f and len(out.arguments) == 1:
            return Add(sub(out, at), v)
        return out

    def change(term):
        return _rebuilt(term, shifted)
    return change


def _family_total(left, right, latex, context):
    """`\\sum_{j=a}^{b} y_j = c` for an indexed family y: every member y_u is put as a
    member of a fresh family w of y's domain — `c·w_u / Σ_{i=a}^{b} w_i` when y is
    non-negative (or positive) and c > 0 is shown, `w_u + (c − Σ_i w_i)/(b − a + 1)` when
    y is real; the instances are exactly those where the total is c (members outside a..b
    stay free). (change, context), or None when `left` is not such a sum."""
    if left is None:
        return None
    if isinstance(right, Sum) and not isinstance(left, Sum):
        left, right = right, left
    if not _closed_total(left):
        return None
    family = left.body.function
    domain = context.domain(family)
    if family in free_names(right) or domain not in (Domain.REAL, Domain.POSITIVE,
                                                     Domain.NONNEGATIVE):
        return None                      # (an integer family's members are not c·w/Σw)
    context = _with_a_term(left, latex, context)
    fresh = Name("\\tilde{" + family.latex.removesuffix("_{\\cdot}") + "}_{\\cdot}")
    table = dict(context.table)
    table[fresh] = Declaration(Kind.FUNCTION, domain)
    widened = Context(table, context.parameters, context.fixed)
    index = Name(left.var.latex, origin=left.var.origin, local=left.var.local)
    total = Sum(index, Call(fresh, Sym(index)), left.lower, left.upper)
    if domain is Domain.REAL:
        count = Add(sub(left.upper, left.lower), Num(1))

        def member(u):
            return Add(Call(fresh, u), div(sub(right, total), count))
    else:
        if not _shown_positive(right, widened):
            raise Unusable(f"derive cannot use the hypothesis {latex}: it does not show the "
                           f"total of the non-negative {family.latex} positive")

        def member(u):
            return div(Mul(right, Call(fresh, u)), total)
    def bare():                          # a categorical's probabilities: π_x/Σπ is w_x/Σw
        if domain is Domain.REAL:
            raise Unusable(f"derive cannot use the hypothesis {latex} here")
        return Sym(fresh)
    change = _members_put(family, member, bare)
    spot = Name(left.var.latex)                     # y_u at a member u a counterexample shows
    widened = Context({**table, fresh: Declaration(Kind.FUNCTION, domain,
                                                   Members(family, spot, member(Sym(spot))))},
                      context.parameters, context.fixed)
    return change, _formulas_changed(widened, _formulas_with(family, context), change)


def _members_put(family, member, bare):
    """The rewrite of a term putting `member(u)` for each member `family(u)` of it, and
    `bare()` (which may raise `Unusable`) for the family written alone — memoised."""
    memo = {}

    def change(term):
        if term in memo:
            return memo[term]
        out = term.rebuild([change(c) for c in term.children]) if term.children else term
        if isinstance(out, Call) and out.function is family and len(out.arguments) == 1:
            out = member(out.arguments[0])
        elif out is Sym(family):
            out = bare()
        memo[term] = out
        return out
    return change


def _closed_total(term):
    """Whether `term` is a family total Σ_{j=a}^{b} y_j whose bounds mention no bound name:
    under `Σ_{k=1}^n`, `Σ_{i=1}^k x_i` is one total per k, never *the* total a hypothesis
    can state (its k would escape its sum, drawn as a free number)."""
    return isinstance(term, Sum) and term.lower is not None and \
        isinstance(term.body, Call) and term.body.arguments == (Sym(term.var),) and \
        not any(n.origin is not None or n.local is not None
                for n in free_names(term.lower) | free_names(term.upper))


def _with_a_term(total, latex, context):
    """The context where the range a..b of the total `Σ_{j=a}^{b} y_j = c` has a term: an
    empty range sums to 0, so the hypothesis does not hold there — also in a step that
    does not write y (`Σ_{i=2}^n x_i = 1 ⇒ n ≥ 2`), where no member put as c·w_u/Σw would
    drop that instance. Unless a ≤ b is shown, it is recorded as a bound on the whole
    numbers of the bounds (`_bounded`: n ≥ 2, m ≤ n), which the numbers respect."""
    n = normal_form.Normaliser(context)
    try:
        shown = normal_form._at_least_zero(n.value(sub(total.upper, total.lower)))
    except (normal_form.Unsupported, normal_form.Undefined):
        shown = False
    if shown:
        return context
    try:
        change, recorded = _bounded(Relation.LE, total.lower, total.upper, latex, context)
    except Unusable:
        change = True
    if change is not None:
        raise Unusable(f"derive cannot use the hypothesis {latex}: it does not show that the "
                       "sum has a term (its bounds as whole numbers, lower ≤ upper)")
    return recorded


def _total_isolated(left, right, context):
    """An equation linear in one family total S = Σ_{j=a}^{b} y_j, as (S, its value):
    `p = \\frac{\\sum_{i=1}^n x_i}{n}` is Σ_i x_i = n p. The equation is A·S + B = 0 with
    A and B free of the family and A shown non-zero (positive or negative), so S = −B/A
    says exactly what the equation says. (None, None) when there is no such total."""
    totals = [t for side in (left, right) for t in nodes(side) if _closed_total(t)]
    for total in dict.fromkeys(totals):
        family = total.body.function
        stand = Name("S")
        table = dict(context.table)
        table[stand] = Declaration(Kind.SYMBOL, Domain.REAL)
        widened = Context(table, context.parameters, context.fixed)
        difference = _replaced(sub(left, right), total, Sym(stand))
        rest = substitute(difference, {stand: Num(0)})
        slope = sub(substitute(difference, {stand: Num(1)}), rest)
        if family in free_names(rest) | free_names(slope):
            continue
        n = normal_form.Normaliser(widened)
        try:
            a, b = n.value(slope), n.value(rest)
            linear = (n.value(difference) - a * n.value(Sym(stand)) - b).is_zero()
            shown = n.poly_positivity(a) == normal_form.POS or \
                n.poly_positivity(a.scale(-1)) == normal_form.POS
        except (normal_form.Unsupported, normal_form.Undefined):
            continue
        if linear and shown:
            constant = a.constant()          # a number slope divides as its reciprocal
            return total, div(neg(rest), slope) if constant is None else \
                Mul(Num(-1 / Fraction(constant)), rest)
    return None, None




def _sums_opened(left, right, context):
    """The equation with its derivatives worked out and each sum over a range written
    linearly — Σ(f + g) = Σf + Σg, Σ c·f = c·Σf for c free of the index, Σ c = (b − a + 1)·c
    where b − a + 1 ≥ 0 is shown (an empty range sums to 0) — so that a family total inside
    a written derivative stands alone for `_total_isolated`: the first-order condition
    `d/dλ Σ_{t=1}^T (log λ − λ x_t) = 0` is T/λ − Σ_t x_t = 0, the total Σ_t x_t = T/λ.
    None when nothing changes or a derivative is not known."""
    try:
        opened = tuple(_opened(without_derivatives(side, context), context)
                       for side in (left, right))
    except (NotDifferentiable, normal_form.Unsupported, normal_form.Undefined):
        return None
    return opened if opened != (left, right) else None


def _opened(term, context):
    """`term` with its sums over a range split linearly (`_sums_opened`)."""
    if not term.children:
        return term
    term = term.rebuild([_opened(c, context) for c in term.children])
    if not isinstance(term, Sum) or term.lower is None:
        return term
    body, var = term.body, term.var
    if isinstance(body, Add):
        return Add(*(_opened(Sum(var, a, term.lower, term.upper), context) for a in body.args))
    if isinstance(body, Mul):
        free = [a for a in body.args if var not in free_names(a)]
        if free and len(free) < len(body.args):
            rest = [a for a in body.args if var in free_names(a)]
            inner = rest[0] if len(rest) == 1 else Mul(*rest)
            return Mul(*free, _opened(Sum(var, inner, term.lower, term.upper), context))
    if var not in free_names(body):
        count = Add(sub(term.upper, term.lower), Num(1))
        n = normal_form.Normaliser(context)
        if normal_form._at_least_zero(n.value(count)):
            return Mul(count, body)
    return term


def _formulas_changed(context, written, change):
    """The context with `change` made in the formulas of the distributions `written`: a
    density by formula written with a family (Cat(π) under Σ_k π_k = 1) takes the
    members the hypothesis puts, as the step's own terms do."""
    if not written:
        return context
    table = dict(context.table)
    for d in written:
        declaration = table[d]
        old = declaration.info.formula
        formula = Formula(old.variable, tuple(
            (None if low is None else change(low), None if high is None else change(high),
             change(value)) for low, high, value in old.pieces),
            old.family and change(old.family))
        table[d] = replace(declaration, info=replace(declaration.info, formula=formula,
                                                     family=formula.family))
    return Context(table, context.parameters, context.fixed)


def _linear_coefficient(poly, name):
    """c when poly = c·name + (terms free of name), c a non-zero rational; else None."""
    coefficient = None
    for monomial, c in poly.terms.items():
        mentions = [(a, e) for a, e in monomial if a[0] == "sym" and a[2] == name.serial]
        if any(_mentions_serial(a, name.serial) for a, _ in monomial
               if not (a[0] == "sym" and a[2] == name.serial)):
            return None
        if not mentions:
            continue
        if len(monomial) != 1 or mentions[0][1] != 1 or coefficient is not None:
            return None
        coefficient = Fraction(c)
    return coefficient


def _power_of(n, term, name):
    """(k, c) when `term` is c·name^k, k ≥ 2 whole, c a positive rational (`Var(X) =
    \\sigma^2`): a positive name is then the k-th root of the other side divided by c, where
    that side is shown positive; else None."""
    try:
        poly = n.value(term)
    except (normal_form.Unsupported, normal_form.Undefined):
        return None
    if len(poly.terms) != 1:
        return None
    ((monomial, c),) = poly.terms.items()
    if len(monomial) != 1:
        return None
    ((atom, k),) = monomial
    if atom[0] != "sym" or atom[2] != name.serial or not isinstance(k, int) or k < 2 or c <= 0:
        return None
    return k, Fraction(c)


def _spread(value, context):
    """Whether `value` is E[(a·x + b)^2] over the density of one continuous variable x
    (a ≠ 0 a rational, b free of x; Var(X) is so): positive — a density puts no mass on
    one point, so a·x + b ≠ 0 almost everywhere (the normal form shows only the square's
    expansion, of no sign)."""
    inner = value
    if not isinstance(inner, Expect) or not isinstance(inner.body, Pow) or \
            inner.body.exponent != Num(2):
        return False
    variable = inner.var.origin
    info = context.info(variable) if variable is not None else None
    law = context.info(inner.dist.name) if isinstance(inner.dist, Dist) else None
    if not isinstance(info, VariableInfo) or info.discrete or \
            context.kind(variable) is not Kind.VARIABLE or \
            getattr(law, "law", True) is not None:     # a pushforward may be a point mass
        return False
    try:
        u = normal_form.Normaliser(context).value(inner.body.base)
    except (normal_form.Unsupported, normal_form.Undefined):
        return False
    point = ("ph", inner.var.serial)          # the averaged x, as the normal form writes it
    linear = [c for m, c in u.terms.items() if len(m) == 1 and
              next(iter(m))[0][:2] == ("pt", point) and next(iter(m))[1] == 1]
    return len(linear) == 1 and linear[0] != 0 and not any(
        _holds(m, point) for m in u.terms if not (len(m) == 1 and
                                                   next(iter(m))[0][:2] == ("pt", point)))


def _holds(atom, part):
    """Whether `part` occurs in a normal form's atom (nested tuples and sets)."""
    if atom == part:
        return True
    return isinstance(atom, (tuple, frozenset)) and any(_holds(x, part) for x in atom)


def _mentions_serial(atom, serial):
    if isinstance(atom, tuple):
        if len(atom) == 4 and atom[0] == "sym" and atom[2] == serial:
            return True
        return any(_mentions_serial(x, serial) for x in atom)
    if isinstance(atom, frozenset):
        return any(_mentions_serial(x, serial) for x in atom)
    return False


def _fits(value, domain, context):
    """Whether every value of `value` (over the declared instances) lies in `domain`."""
    if domain is Domain.COMPLEX:
        return True
    n = normal_form.Normaliser(context)
    try:
        sign = n.sign(n.value(value))
    except (normal_form.Unsupported, normal_form.Undefined):
        return False
    if domain is Domain.REAL:
        return sign != normal_form.COMPLEX
    if domain is Domain.POSITIVE:
        return sign == normal_form.POS
    if domain is Domain.NONNEGATIVE:
        return sign in (normal_form.POS, normal_form.NONNEG)
    if domain.is_integer:                           # k = 0: a whole number (in k's range or
        c = n.value(value).constant()               # not: the bounds then leave no instance)
        return c is not None and c.denominator == 1 and (domain is Domain.INTEGER or c >= 1 or
                                                         domain is Domain.WHOLE and c >= 0)
    return False


def _whole_symbol(term, context):
    """Whether `term` is a free symbol declared (or read as) a whole number: an index `k`,
    so that `i = k` puts k for i (i's members become k's)."""
    return isinstance(term, Sym) and term.name.origin is None and term.name.local is None \
        and context.kind(term.name) is Kind.SYMBOL and \
        context.domain(term.name).is_integer


# ---------------------------------------------------------------------------- bounds

def _bounded(relation, left, right, latex, context):
    """`t < c` and its kin: t = c ∓ δ with a fresh δ > 0 (≥ 0)."""
    if isinstance(right, Sym) and not isinstance(left, Sym):
        left, right, relation = right, left, _flipped(relation)
    if not isinstance(left, Sym) or left.name in free_names(right):
        left, right, relation = _isolated(relation, left, right, latex, context)
    if context.kind(left.name) is not Kind.SYMBOL or left.name.origin is not None:
        raise Unusable(f"derive uses an inequality hypothesis only as a bound on one symbol "
                       f"(t < c); not {latex}")
    name = left.name
    if context.domain(name).is_integer:
        return None, _whole_bound(name, relation, right, latex, context)
    if not _fits(right, Domain.REAL, context):
        # an inequality claims real sides (a non-real side fails it), so `a > b` of an
        # undeclared, complex b holds only where b is real: putting a = b + δ would keep
        # the non-real b's, and a counterexample there would violate the hypothesis
        complex_ = sorted(n.latex for n in free_names(right)
                          if context.kind(n) is Kind.SYMBOL and not context.domain(n).is_real)
        why = (f"an undeclared letter is a complex number: declare {', '.join(complex_)} real"
               if complex_ else "a root, log or power of a real number may not be real: "
               "declare what it applies to positive")
        raise Unusable(f"derive cannot use the hypothesis {latex}: its bound may not be "
                       f"real ({why})")
    below = relation in (Relation.LT, Relation.LE)
    earlier = context.info(name) if isinstance(context.info(name), Gap) else None
    if earlier is not None and below:       # t > c earlier (t = c + δ), now δ < d
        return _between(name, earlier, relation, right, latex, context)
    if earlier is None and below and context.domain(name) in (Domain.POSITIVE,
                                                                Domain.NONNEGATIVE):
        return _below_declared(name, relation, right, latex, context)
    of = earlier.of if earlier is not None else name
    domain = Domain.NONNEGATIVE if not relation.strict else Domain.POSITIVE
    gap = Name(f"\\delta_{{{name.latex}}}")
    value = sub(right, Sym(gap)) if below else Add(right, Sym(gap))
    widened = _with_gap(context, gap, domain, of, value if earlier is None else
                        substitute(earlier.value, {name: value}))
    if not _fits(value, context.domain(name), widened):
        if earlier is not None:         # name is the gap of an earlier bound on `of`
            raise Unusable(f"derive cannot use the hypothesis {latex}: another hypothesis "
                           f"already bounds {of.latex} on that side, and derive does not "
                           f"show which of the two bounds is the tighter")
        raise Unusable(f"derive cannot use the hypothesis {latex}: "
                       f"{of.latex} is declared {context.domain(name).value}")
    return _put(name, value, latex, widened)


def _below_declared(name, relation, right, latex, context):
    """`t < c` for a t declared positive (non-negative): the declaration is the lower bound
    (t = δ, δ > 0 or ≥ 0), and the hypothesis bounds δ — t ranges over (0, c) or [0, c)."""
    lower = Relation.GT if context.domain(name) is Domain.POSITIVE else Relation.GE
    first, widened = _bounded(lower, Sym(name), Num(0), latex, context)
    (gap,) = [g for g in widened.table if g not in context.table]
    then, widened = _bounded(relation, Sym(gap), first(right), latex, widened)
    return (lambda term: then(first(term))), widened


def _function_sign(relation, left, right, context):
    """`% derive: assume u(x) > 0` (`≥`, also `0 < u(x)`) for a function declared plainly
    (`function u`, of no known sign or shape) at distinct declared continuous variables
    ranging over the whole line (no `x in \\mathcal X`): said of every value x takes, so
    u's values are positive (non-negative) everywhere — the context as after `positive u`
    (`nonnegative u`; DV's `assume u(x) > 0` for a u integrated against ν). Only for a
    file-wide `assume` (`restricted`): a row's or a case's condition `f(x) > 0` is said at
    the row's x, and a discrete x takes values not said (never every real), a repeated
    one (`u(x, x)`) only the diagonal. None for any other hypothesis."""
    if relation in (Relation.LT, Relation.LE):
        left, right, relation = right, left, _flipped(relation)
    if right != Num(0) or not isinstance(left, Call) or not left.arguments or \
            len(set(left.arguments)) < len(left.arguments) or \
            not all(_whole_line(a, context) for a in left.arguments):
        return None
    declaration = context.table.get(left.function)
    if declaration is None or declaration.kind is not Kind.FUNCTION or \
            declaration.info is not None or not declaration.domain.is_real or \
            declaration.domain.is_nonnegative:
        return None
    domain = Domain.POSITIVE if relation.strict else Domain.NONNEGATIVE
    table = dict(context.table)
    table[left.function] = replace(declaration, domain=domain)
    return Context(table, context.parameters, context.fixed)


def _family_bound(relation, left, right, latex, terms, context):
    """`% derive: assume \\pi_i < 1` for a family declared over a range (`positive \\pi_i
    for i = 1..n`), at its index letter: said of every value the index takes, so every
    member lies below c. The family is put as a fresh family w of the values that exactly
    fill the interval — `c·w/(1 + w)` (w > 0) for a positive family and `<` (`c/(1 + w)`,
    w ≥ 0, for `≤`; `c·w/(1 + w)`, w ≥ 0, for a non-negative family and `<`), `c − w`
    (w > 0, ≥ 0 for `≤`) for a real one — in the terms and in the formulas written with
    it; `c > π_i` alike. (change, context), or None: another hypothesis, a bound c not a
    number (positive for a family of a sign), a closed [0, c], or a family the terms
    differentiate in (its members would be tied to w)."""
    if relation in (Relation.GT, Relation.GE) and isinstance(right, Call):
        left, right, relation = right, left, _flipped(relation)
    if relation not in (Relation.LT, Relation.LE) or not isinstance(left, Call) or \
            not isinstance(right, Num) or len(left.arguments) != 1:
        return None
    family, (index,) = left.function, left.arguments
    declaration = context.table.get(family)
    if declaration is None or declaration.kind is not Kind.FUNCTION or \
            not isinstance(declaration.info, IndexRange) or \
            not _any_index(index, context):
        return None
    if any(isinstance(t, Deriv) and family in free_names(t)
           for term in terms if term is not None for t in nodes(term)):
        return None
    domain, c = declaration.domain, right
    if domain in (Domain.POSITIVE, Domain.NONNEGATIVE) and not c.value > 0:
        return None
    fresh = Name("\\tilde{" + family.latex.removesuffix("_{\\cdot}") + "}_{\\cdot}")
    strict = relation is Relation.LT
    if domain is Domain.POSITIVE:
        own = Domain.POSITIVE if strict else Domain.NONNEGATIVE

        def member(u):
            w = Call(fresh, u)
            return div(Mul(c, w), Add(Num(1), w)) if strict else div(c, Add(Num(1), w))
    elif domain is Domain.NONNEGATIVE and strict:
        own = Domain.NONNEGATIVE

        def member(u):
            w = Call(fresh, u)
            return div(Mul(c, w), Add(Num(1), w))
    elif domain is Domain.REAL:
        own = Domain.POSITIVE if strict else Domain.NONNEGATIVE

        def member(u):
            return sub(c, Call(fresh, u))
    else:
        return None
    def bare():
        raise Unusable(f"derive cannot use the hypothesis {latex} here")
    change = _members_put(family, member, bare)
    spot = Name(declaration.info.index)             # π_u at a member u a counterexample shows
    widened = Context({**context.table, fresh: Declaration(
        Kind.FUNCTION, own, Members(family, spot, member(Sym(spot))))},
        context.parameters, context.fixed)
    try:
        return change, _formulas_changed(widened, _formulas_with(family, context), change)
    except Unusable:
        return None


def _any_index(index, context):
    """Whether `index`, a family's member in a file-wide hypothesis, is a letter that says
    "every index": an integer letter the file neither declares nor bounds (the family's
    own `i`, or a free letter) and that is no family's first or last index. At `n` of
    `for i = 1..n`, at a declared `integer m` or at a letter fixed elsewhere the hypothesis
    is about that one member, never every one."""
    if not isinstance(index, Sym) or context.kind(index.name) is not Kind.SYMBOL:
        return False
    declaration = context.declaration(index.name)
    if declaration.declared or declaration.info is not None or \
            not declaration.domain.is_integer:
        return False
    return not any(index.name in free_names(end)
                   for d in context.table.values() if isinstance(d.info, IndexRange)
                   for end in (d.info.lower, d.info.upper) if end is not None)


def _whole_line(term, context):
    """Whether `term` is a declared continuous variable (not bound, not local) ranging over
    the whole line (or space): no support set, not discrete."""
    if not isinstance(term, Sym) or term.name.origin is not None or \
            term.name.local is not None or context.kind(term.name) is not Kind.VARIABLE:
        return False
    info = context.declaration(term.name).info
    return info is None or (isinstance(info, VariableInfo) and not info.discrete and
                            info.support is None)


def _distinct(left, right, latex, context):
    """`i \\ne k` between two whole-number symbols (or a symbol and a whole number):
    recorded in the declaration (`WholeRange.distinct`) of the symbol sorted last, the
    other kept — the numbers draw them different, the normal form puts δ_{ik} = 0. (On the
    last one so that no two symbols wait for each other's draw.)"""
    sides = [t for t in (left, right) if _whole_symbol(t, context)]
    numbers = [t for t in (left, right) if isinstance(t, Num) and t.value.denominator == 1]
    if len(sides) + len(numbers) != 2 or not sides or left == right:
        raise Unusable(f"derive cannot use the hypothesis {latex}: it uses a '≠' only "
                       "between two whole-number symbols, or one and a whole number")
    sides.sort(key=lambda t: t.name.sort_key())
    name, other = sides[-1].name, (sides[:-1] + numbers)[0]
    info = context.info(name)
    if info is not None and not isinstance(info, WholeRange):
        raise Unusable(f"derive cannot use the hypothesis {latex}")
    info = info or WholeRange()
    table = dict(context.table)
    declaration = context.declaration(name)
    table[name] = Declaration(declaration.kind, declaration.domain,
                              replace(info, distinct=info.distinct + (other,)),
                              declaration.declared)
    return Context(table, context.parameters, context.fixed)


def _whole_bound(name, relation, right, latex, context):
    """`k ≤ c` (and its kin) for an integer symbol k and a whole number c: recorded in k's
    declaration (`WholeRange`, `k < c` as k ≤ c − 1), k itself is kept — an integer between
    two bounds has no parametrisation by free symbols. The instances are restricted where
    k is drawn (`numeric.evaluate`)."""
    if not normal_form.Normaliser(context)._whole(right):
        raise Unusable(f"derive cannot use the hypothesis {latex}: {name.latex} is declared "
                       f"{context.domain(name).value} and its bound may not be a whole number")
    cycle = next((n for n in _whole_bounded(free_names(right), context)
                  if name in _reached(n, context)), None)
    if cycle is not None:
        return _whole_bound(*_turned(name, relation, right, cycle, latex, context), latex,
                            context)
    info = context.info(name)
    if info is not None and not isinstance(info, WholeRange):
        raise Unusable(f"derive cannot use the hypothesis {latex}")
    info = info or WholeRange()
    shift = {Relation.LT: -1, Relation.GT: 1}.get(relation, 0)
    bound = Add(right, Num(shift)) if shift else right
    if relation in (Relation.LT, Relation.LE):
        info = replace(info, upper=info.upper + (bound,))
    else:
        info = replace(info, lower=info.lower + (bound,))
    table = dict(context.table)
    declaration = context.declaration(name)
    table[name] = Declaration(declaration.kind, declaration.domain, info, declaration.declared)
    return Context(table, context.parameters, context.fixed)


def _whole_bounded(names, context):
    """The names among `names` whose declarations hold integer bounds (`WholeRange`)."""
    return [n for n in names if isinstance(context.info(n), WholeRange)]


def _reached(name, context):
    """Every name the integer bounds of `name` mention, and theirs in turn: what must be
    drawn before `name` is (`numeric.evaluate` draws a bounded integer at its bounds)."""
    seen, todo = set(), [name]
    while todo:
        info = context.info(todo.pop())
        if not isinstance(info, WholeRange):
            continue
        for term in (*info.lower, *info.upper, *info.distinct):
            for found in free_names(term) - seen:
                seen.add(found)
                todo.append(found)
    return seen


def _turned(name, relation, right, other, latex, context):
    """`k ≤ m - 1` where m's bounds already mention k (`k < m < k + 3`; a member a_{k+1}'s
    range n ≥ k + 1 beside `assume k \\le n - 1`): recorded on k, each symbol's draw would
    wait for the other's, endlessly. Turned into the same bound on m, m ≥ k + 1 — when m
    stands in the bound once with coefficient 1 and k's own bounds do not mention m; else
    Unusable (the step is decided without it)."""
    parts = right.args if isinstance(right, Add) else (right,)
    at = [k for k, p in enumerate(parts) if p == Sym(other)]
    rest = [p for k, p in enumerate(parts) if k not in at]
    if len(at) != 1 or any(other in free_names(p) for p in rest) or \
            other in _reached(name, context):
        raise Unusable(f"derive cannot use the hypothesis {latex}: the bounds it puts on "
                       f"{name.latex} and {other.latex} mention each other")
    return other, _flipped(relation), sub(Sym(name), Add(*rest)) if rest else Sym(name)


@dataclass(frozen=True, eq=False)
class Gap:
    """The declaration info of a fresh symbol a bound introduces (δ in t = c + δ): `of` is
    the bounded symbol t, `value` t's term in the fresh symbols — so that a counterexample
    shows t, never δ."""

    of: Name
    value: object


@dataclass(frozen=True, eq=False)
class Members:
    """The declaration info of the fresh family w a total `Σ_j y_j = c` puts the family y
    in: `member` is y_u as a term in w at the index name `index` — so that a counterexample
    shows y's members, never w's."""

    of: Name
    index: Name
    member: object


def _with_gap(context, gap, domain, of, value):
    table = dict(context.table)
    table[gap] = Declaration(Kind.SYMBOL, domain, Gap(of, value))
    return Context(table, context.parameters, context.fixed)


def _between(gap, earlier, relation, right, latex, context):
    """t between two bounds: after `t > c` (t = c + δ, δ > 0 or ≥ 0), `t < b` is δ < d with
    d = b − c: δ = d·ε/(1 + ε) with a fresh ε (> 0 after a strict first bound, ≥ 0 after a
    non-strict one) ranges over (0, d) or [0, d); `t ≤ b` after a strict bound is δ =
    d/(1 + ε), ε ≥ 0, over (0, d]. d must be shown positive; [c, b] (both non-strict) is
    not used."""
    of = earlier.of
    strict_before = context.domain(gap) is Domain.POSITIVE
    if not relation.strict and not strict_before:
        raise Unusable(f"derive cannot use the hypothesis {latex}: {of.latex} would lie in a "
                       "closed interval, which it does not use (write one bound strict)")
    if not _shown_positive(right, context):
        raise Unusable(f"derive cannot use the hypothesis {latex}: it does not show that "
                       f"{of.latex} lies between its bounds (the upper bound above the lower)")
    epsilon = Name(f"\\varepsilon_{{{of.latex}}}")
    one_plus = Add(Num(1), Sym(epsilon))
    if relation.strict:
        value = div(Mul(right, Sym(epsilon)), one_plus)
        domain = Domain.POSITIVE if strict_before else Domain.NONNEGATIVE
    else:
        value, domain = div(right, one_plus), Domain.NONNEGATIVE
    widened = _with_gap(context, epsilon, domain, of, substitute(earlier.value, {gap: value}))
    return _put(gap, value, latex, widened)


def _shown_positive(term, context):
    n = normal_form.Normaliser(context)
    try:
        return n.sign(n.value(term)) == normal_form.POS
    except (normal_form.Unsupported, normal_form.Undefined):
        return False


def _isolated(relation, left, right, latex, context):
    """`a·s + r R 0` (linear in a symbol s, a rational) as `s R' −r/a`."""
    n = normal_form.Normaliser(context)
    try:
        difference = n.value(sub(left, right))
    except (normal_form.Unsupported, normal_form.Undefined):
        difference = None
    names = {name for name in free_names(left) | free_names(right)
             if context.kind(name) is Kind.SYMBOL and name.origin is None and name.local is None}
    for name in sorted(names, key=lambda name: name.sort_key()):
        a = _linear_coefficient(difference, name) if difference is not None else None
        if a is None:
            continue
        # s = -r/a: free of s, so what is put for s never mentions it (a whole number
        # when r is and a = ±1: `1 ≤ m + 1` bounds an integer m by 0)
        rest = substitute(sub(left, right), {name: Num(0)})
        bound = neg(rest) if a == 1 else rest if a == -1 else div(rest, Num(-a))
        return Sym(name), bound, relation if a > 0 else _flipped(relation)
    raise Unusable(f"derive uses an inequality hypothesis only as a bound on one symbol "
                   f"(t < c); not {latex}")


def _flipped(relation):
    return {Relation.LT: Relation.GT, Relation.GT: Relation.LT, Relation.LE: Relation.GE,
            Relation.GE: Relation.LE}[relation]


"""Steps about a sequence defined by a recurrence, at a letter (`m_t = (1 - β)Σ_i β^i g_{t-i}`).

A member at a number is unrolled where it is read (`notation.recurrences`); a member at a
letter (`m_t`) is no unknown a counterexample may choose — it is what the recurrence makes
it — so no other engine sees such a step (`decide.decide` sends it here). Verdicts:

* **refuted** by a certified counterexample of an instance: the step at a small value n of
  the letter (n = its first few values), every member unrolled, decided as any step — a
  counterexample there is one of the step. Not tried when a hypothesis mentions the letter.
* **verified** only by induction, for an equation `m_s = C(s)` (either side), C free of
  the family: C at each first value n agrees with the unrolled member (`decide`), and
  C(s) = body[m_{s-k} := C(s-k)] is proved for every s from the recurrence's start on, by
  the normal form after the sums are split and merged (`recurrence_sums`) — never from
  agreement at a few values.
* **undecided** otherwise, saying what was tried.
"""

from __future__ import annotations

from dataclasses import replace

from derive.engines import recurrence_sums
from derive.model.derivation import REFUTED, UNDECIDED, VERIFIED, Relation, Verdict
from derive.model.names import Declaration, Domain, Kind, Name
from derive.model.terms import (Add, Call, Defined, Fn, Mul, Num, Pow, Sym, free_names, nodes,
                                substitute)
from derive.notation import recurrences
from derive.notation.recurrences import NotARecurrence, RecurrenceInfo
from derive.notation.show import show

INSTANCES = 4          # the first values of the letter tried for a counterexample
FIRST = {Domain.NATURAL: 1, Domain.WHOLE: 0}
UNKNOWN = Declaration(Kind.SYMBOL, Domain.COMPLEX)     # a member left free, any value


def families(step) -> dict:
    """The recurrences of the step's context: family Name → RecurrenceInfo."""
    return {name: d.info for name, d in step.context.table.items()
            if isinstance(d.info, RecurrenceInfo)}


def at_letters(step, infos=None) -> list:
    """The members of a recurrence the step writes at an index that is no number, in its
    sides and its hypotheses."""
    infos = families(step) if infos is None else infos
    written = step.sides() + tuple(s for h in step.hypotheses for s in (h.lhs, h.rhs))
    return [t for side in written for t in _members(side, infos)]


def numbers_unrolled(step):
    """The step with every member of a recurrence at a number unrolled — those a definition
    put there too (`define \\hat m_t = \\frac{m_t}{1 - \\beta^t}`, then `\\hat m_2`), which
    the reader could not unroll where the definition was read. Raises NotARecurrence for
    a member that is none of the sequence (a negative index)."""
    infos = families(step) if step.context is not None else {}
    if not infos or step.lhs is None or step.rhs is None:
        return step
    hypotheses = tuple(replace(h, lhs=recurrences.unrolled(h.lhs, infos),
                               rhs=recurrences.unrolled(h.rhs, infos))
                       for h in step.hypotheses)       # `\text{for } \hat m_2 = c` too
    return replace(step, lhs=recurrences.unrolled(step.lhs, infos),
                   rhs=recurrences.unrolled(step.rhs, infos), hypotheses=hypotheses)


def involved(step) -> bool:
    """Whether the step writes a member of a recurrence at a letter (this engine's step) —
    in a hypothesis too: `m_t` there is no unknown a solver may choose either."""
    if step.lhs is None or step.rhs is None or step.context is None:
        return False
    infos = families(step)
    return bool(infos) and bool(at_letters(step, infos))


def decide(step, seed, deadline, decide_step) -> Verdict:
    """The verdict of a step with members of a recurrence at a letter; `decide_step(step)`
    decides a step without such members (`decide.decide`)."""
    infos = families(step)
    letter = _letter(step, infos)
    if letter is None:
        return Verdict(UNDECIDED, "recurrence", "the step writes members of a sequence "
                       "defined by its recurrence at indices that are no one natural-number "
                       "letter plus a number: derive neither unrolls nor proves those")
    first = FIRST[step.context.domain(letter)]
    tried = []
    searched = _without(step.hypotheses, letter) == step.hypotheses
    if searched:
        refuted = _counterexample(step, letter, first, infos, decide_step, tried)
        if refuted is not None:
            return refuted
    proved, why = _induction(step, letter, first, infos, decide_step, deadline)
    if proved:
        return Verdict(VERIFIED, "induction on the recurrence", why)
    unfolded, unused = _unfolded(step, letter, first, infos, decide_step)
    if unfolded is not None:
        return unfolded
    shown = (f"no counterexample at {letter.latex} = " +
             (", ".join(tried) or "none could be unrolled") if searched else
             f"no counterexample searched (a hypothesis mentions {letter.latex})")
    return Verdict(UNDECIDED, "recurrence", f"induction on {letter.latex} was tried: {why}; "
                   f"one step of the recurrence {unused}; {shown}")


def _letter(step, infos):
    """The one natural-number letter the members at letters are indexed by, else None."""
    letters = set()
    for term in at_letters(step, infos):
        names = free_names(term.arguments[0])
        if len(names) != 1 or recurrences.affine(term.arguments[0], next(iter(names))) is None:
            return None
        letters |= names
    if len(letters) != 1:
        return None
    (letter,) = letters
    if any(letter in free_names(info.body) or
           any(letter in free_names(value) for _, value in info.bases)
           for info in infos.values()):
        return None        # the letter inside the recurrence: its index and a number at once
    return letter if step.context.domain(letter) in FIRST and letter.local is None else None


def instance(step, letter, n, infos):
    """The step at letter = n with every member unrolled, or None when a member stays at
    a letter (a sum over its index) or is too deep to unroll."""
    try:
        sides = [recurrences.unrolled(substitute(s, {letter: Num(n)}), infos)
                 for s in (step.lhs, step.rhs)]
        sides = [substitute(s, {letter: Num(n)}) for s in sides]   # one letter, one value
    except NotARecurrence:
        return None
    out = replace(step, lhs=sides[0], rhs=sides[1], hypotheses=_without(step.hypotheses, letter))
    return None if at_letters(out, infos) else out


def _counterexample(step, letter, first, infos, decide_step, tried):
    """The refuted verdict of the first instance at the letter's first values that is
    refuted, else None (`tried` collects the values decided)."""
    for n in range(first, first + INSTANCES):
        at = instance(step, letter, n, infos)
        if at is None:
            continue
        verdict = decide_step(at)
        tried.append(f"{n} ({verdict.status.value})")
        if verdict.status is REFUTED:
            return replace(verdict, detail=f"at {letter.latex} = {n}, every member unrolled "
                           f"by its recurrence: {verdict.detail}")
    return None


def _claim(step, letter, infos):
    """(family's info, C) of an equation `m_s = C` or `C = m_s` at the letter s itself, C
    free of members at letters (a member at a number, `m_0`, is one fixed value); else
    None."""
    if step.relation is not Relation.EQ:
        return None
    for side, other in ((step.lhs, step.rhs), (step.rhs, step.lhs)):
        if isinstance(side, Call) and side.function in infos and \
                side.arguments == (Sym(letter),) and \
                not any(isinstance(t, Call) and t.function in infos and
                        recurrences.number(t.arguments[0]) is None for t in nodes(other)):
            return infos[side.function], other
    return None


def _induction(step, letter, first, infos, decide_step, deadline):
    """(proved, what was done) by induction on `letter` for `m_s = C(s)`."""
    found = _claim(step, letter, infos)
    if found is None:
        return False, ("induction proves only an equation of a member at the letter and a "
                       "closed form free of the sequence")
    info, closed = found
    top = max(info.start, first + max(info.lags))
    for n in range(first, top):
        at = instance(replace(step, lhs=Call(info.family, Sym(letter)), rhs=closed),
                      letter, n, infos)
        verdict = decide_step(at) if at is not None else None
        if verdict is None or verdict.status is not VERIFIED:
            why = verdict.detail if verdict is not None else "it could not be unrolled"
            return False, f"the base case {letter.latex} = {n} is not verified ({why})"
    lhs, rhs = _step_sides(info, closed, letter, top - first)
    kept = _without(step.hypotheses, letter)
    proved, why = recurrence_sums.prove_equal(lhs, rhs, letter, first,
                                              replace(step, hypotheses=kept), deadline)
    if not proved:
        return False, f"the inductive step is not proved ({why})"
    bases = ", ".join(str(n) for n in range(first, top))
    return True, (f"by induction on {letter.latex}: the closed form agrees with the "
                  f"unrolled member at {letter.latex} = {bases}, and the recurrence carries it "
                  f"from each {letter.latex} to the next ({why})")


def _unfolded(step, letter, first, infos, decide_step):
    """The verified verdict of a step about members at the letter (`m_t = \\beta m_{t-1}
    + (1 - \\beta) g_t`, `m_t - \\beta m_{t-1} = …`) that holds with each family's member
    at its highest index there written by one step of its recurrence and every other
    member a fresh unknown (one per family and index): true whatever those members are,
    so true of the sequence. Only where that highest index is at least the recurrence's
    start at every value of the letter. (verdict, None), or (None, why it was not
    verified) — nothing follows from a failure."""
    members = [t for side in (step.lhs, step.rhs) for t in _members(side, infos)]
    if any(_shift(term, letter) is None for term in members):
        return None, (f"was not tried: it relates only members at {letter.latex} plus a whole "
                      f"number (not {show(_first(members, letter))})")
    if not all(_as_values(side, infos) for side in (step.lhs, step.rhs)):
        return None, ("was not tried: a member stands under a derivative, an integral, a "
                      "sum or a limit, where it is no fixed value (the members below it vary "
                      "with what the operator varies)")
    tops = {}
    for term in members:
        offset = _offset(term, letter)
        tops[term.function] = max(tops.get(term.function, offset), offset)
    if any(first + offset < infos[family].start for family, offset in tops.items()):
        return None, "was not tried: the highest member is below the recurrence's start"
    unknowns = {}

    def unknown(term):
        key = (term.function, recurrences.affine(term.arguments[0], letter))   # whole index
        return unknowns.setdefault(key, Sym(Name(show(term), local=UNKNOWN)))

    def written(term):
        info = infos[term.function]
        if _offset(term, letter) != tops[term.function]:
            return unknown(term)
        body = substitute(info.body, {info.index: term.arguments[0]})
        return recurrences.replace_all(body, {t: unknown(t) for t in _members(body, infos)})

    sides = [recurrences.replace_all(side, {t: written(t) for t in _members(side, infos)})
             for side in (step.lhs, step.rhs)]
    verdict = decide_step(replace(step, lhs=sides[0], rhs=sides[1],
                                  hypotheses=_without(step.hypotheses, letter)))
    if verdict.status is not VERIFIED:
        return None, "does not prove it"
    return replace(verdict, method=f"one step of the recurrence, {verdict.method}", detail=(
        "each member at its highest index written by its recurrence, the others left as "
        f"unknowns (so it holds whatever they are): {verdict.detail}")), None


def _first(members, letter):
    """The first member in `members` at an index that is not the letter plus a number."""
    return next(t for t in members if _shift(t, letter) is None)


def _without(hypotheses, letter):
    """The hypotheses that do not mention `letter` (nor so a member at it): what a proof
    for every value of the letter may keep — leaving one out only widens what is proved."""
    return tuple(h for h in hypotheses if letter not in free_names(h.lhs) | free_names(h.rhs))


def _members(term, infos):
    """The members of a recurrence at an index that is no number in `term`."""
    return [t for t in nodes(term) if isinstance(t, Call) and t.function in infos and
            recurrences.number(t.arguments[0]) is None]


def _offset(term, letter):
    """c of a member at letter + c (`_shift` made sure it is written so)."""
    return recurrences.affine(term.arguments[0], letter)[1]


def _shift(term, letter):
    """c when the member `term` is at letter + c, c a whole number; None for any other
    index (`m_{2t}`, `m_{t/2}`): one step of the recurrence relates only members a fixed
    distance apart — m_{2t-1} is not m_{t-1}, whatever their constants."""
    found = recurrences.affine(term.arguments[0], letter)
    if found is None or found[0] != 1 or found[1].denominator != 1:
        return None
    return int(found[1])


# the nodes a member may stand under for one step of the recurrence: each is a function of
# its children's values, so a member replaced by an unknown value is still what it was
VALUE_NODES = (Add, Mul, Pow, Fn, Call, Defined)


def _as_values(term, infos) -> bool:
    """Whether every member of a recurrence at a letter in `term` stands under value nodes
    only (sums, products, powers, functions applied). Under a derivative, an integral, a
    sum, a limit or an average the member is a function of what the operator varies (β in
    `\frac{d}{d\beta} m_t`: m_{t-1} depends on β too), never a fixed unknown value."""
    under = [t for t in nodes(term) if not isinstance(t, VALUE_NODES) and t.children and
             _members(t, infos)]
    return not under


def _step_sides(info, closed, letter, shift):
    """(C(s + shift), body at s + shift with each m_{s+shift-k} := C(s + shift - k)): the
    inductive step, for every s the letter takes, so the index s + shift is at least the
    recurrence's start and every member the body uses is one the claim covers."""
    def at(offset):
        return substitute(closed, {letter: _plus(Sym(letter), offset)})

    body = substitute(info.body, {info.index: _plus(Sym(letter), shift)})
    mapping = {}
    for term in nodes(body):
        if isinstance(term, Call) and term.function is info.family:
            _, offset = recurrences.affine(term.arguments[0], letter)
            mapping[term] = at(int(offset))
    return at(shift), recurrences.replace_all(body, mapping)


def _plus(term, offset):
    """`term + offset`, without a zero."""
    return term if offset == 0 else Add(term, Num(offset))

"""The directives of a sequence defined by a recurrence (`notation.recurrences`).

`% derive: define m_t = \\beta m_{t-1} + (1 - \\beta) g_t` at a letter the file declares a
whole number defines the family m by its recurrence (`declare_recurrence`), and `%
derive: assume m_0 = 0` or `% derive: define m_0 = 0` below it gives a base value
(`take_base`). What cannot be made sound is refused at the directive, with the reason.
"""

from __future__ import annotations

from derive.model.names import Declaration, Domain, Kind
from derive.model.terms import Call, Defined, Num, free_names, nodes
from derive.notation import recurrences
from derive.notation.recurrences import NotARecurrence, RecurrenceInfo

WHOLE_LETTERS = (Domain.NATURAL, Domain.WHOLE)


def declare_recurrence(directives, key, params, value, text, offset):
    """Declare the family `key` (`m_{\\cdot}`) defined by its recurrence when the body
    `value` of `define m_t = …` uses the family itself, and the family was not used before
    this directive; returns whether it did. Raises the source's error for a recurrence
    derive cannot read soundly (see `notation.recurrences`)."""
    scope = directives.scope
    found = scope.lookup(key) if key.endswith("_{\\cdot}") else None
    if found is None or found[1].declared or found[0] not in free_names(value) or \
            scope.first_use.get(found[0], -1) < offset:
        return False
    family = found[0]
    if len(params) != 1:
        raise directives.source.error(
            f"{key} is defined from its own members (a recurrence), and derive reads a "
            "recurrence at one index only: define m_t = … at one whole-number letter", offset)
    letter = _whole_letter(directives, key, params[0], offset)
    try:
        lags = recurrences.lags(value, family, params[0])
    except NotARecurrence as exc:
        raise directives.source.error(f"{key} is defined from its own members, but {exc}",
                                      offset) from None
    info = RecurrenceInfo(family, params[0], value, lags, letter, " ".join(text.split()))
    scope.declare(key, Declaration(Kind.FUNCTION, Domain.COMPLEX, info))
    return True


def _whole_letter(directives, key, parameter, offset):
    """The file's Name of the recurrence's index letter, declared a whole number (`natural
    t`, `integer t` with t ≥ 0 is not enough: the sequence needs a first index)."""
    found = directives.reader.declared(parameter.latex)
    if found is None or found[1].kind is not Kind.SYMBOL or found[1].domain not in WHOLE_LETTERS:
        raise directives.source.error(
            f"{key} is defined from its own members (a recurrence) at {parameter.latex}, which "
            f"the file does not declare a natural number: a recurrence runs over the natural "
            f"numbers — declare it first (% derive: natural {parameter.latex})", offset)
    return found[0]


def recurrence_of(scope, key):
    """(Name, RecurrenceInfo) of the family `key` (`m_{\\cdot}`) when a recurrence defines
    it, else None."""
    found = scope.lookup(key)
    if found is None or not isinstance(found[1].info, RecurrenceInfo):
        return None
    return found[0], found[1].info


def deterministic(scope, info, seen=()) -> bool:
    """Whether every member of the recurrence `info` is a plain number: its body and bases
    name only numbers (`real \\beta`), unknown functions nothing more is said of (an
    undeclared g_t) and deterministic recurrences. A random variable (`random W`), a family
    of independent copies (`random g_i …, iid`), a variable, a definition or anything else
    makes its members random, or possibly so: inside a moment they are no constants."""
    names = set(free_names(info.body)).union(*(free_names(v) for _, v in info.bases))
    for name in names - {info.family, info.index} - set(seen):
        found = scope.table.get(name)
        if found is None:
            continue            # a bound letter of the body
        if isinstance(found.info, RecurrenceInfo):
            if not deterministic(scope, found.info, seen + (info.family,)):
                return False
        elif found.kind not in PLAIN or found.info is not None:
            return False
    return True


PLAIN = (Kind.SYMBOL, Kind.PARAMETER, Kind.FUNCTION)


def base_of(scope, term):
    """(family Name, RecurrenceInfo, index) when `term` is a member of a recurrence's
    family at a number — the unknown member below the start (`m_0`), or one the
    recurrence or a base gives (then `take_base` refuses it) —, else None."""
    member = _member(term)
    info = scope.table.get(member[0]) if member is not None else None
    if info is None or not isinstance(info.info, RecurrenceInfo):
        return None
    return member[0], info.info, member[1]


def _member(term):
    """(family Name, index) of a family member at a number, as read: `Call(m, 0)` or the
    unrolled `Defined(m, (3,), …)`; else None."""
    family, arguments = (term.function, term.arguments) if isinstance(term, Call) else \
        (term.name, term.arguments) if isinstance(term, Defined) else (None, ())
    if len(arguments) != 1 or not isinstance(arguments[0], Num):
        return None
    return family, arguments[0].value


def _uses(value, family):
    """Whether `value` holds a member of `family` (unrolled ones too)."""
    return any(m is not None and m[0] is family for m in map(_member, nodes(value))) or \
        family in free_names(value)


def take_base(directives, family, info, index, value, offset):
    """Record `value` as the base member at `index` (`assume m_0 = 0`, `define m_0 = 0`).
    Refused: a base at an index that is no whole number ≥ 0, a value that uses the family,
    a second value at one index, a base at an index the recurrence defines (it would give
    the member two values), and a base after a row read a member (that row's member would
    change meaning below)."""
    source, scope = directives.source, directives.scope
    prefix = family.latex.removesuffix("\\cdot}")
    spelled = f"{prefix}{index}}}"
    used = scope.recurrence_uses.get(family)
    why = ("its index is no whole number ≥ 0" if index.denominator != 1 or index < 0 else
           f"its value uses {family.latex} itself" if _uses(value, family) else
           f"its value uses {info.letter.latex}, the recurrence's index letter"
           if info.letter in free_names(value) else
           "a value at that index is given above" if info.base(int(index)) is not None else
           None)
    if why is None and used is not None and used < offset:
        line, column = source.position(used)
        why = (f"a row at line {line}, column {column} read a member of the family before "
               "this base: it would mean one thing there and another below")
    if why is None:
        widened = info.with_base(int(index), value)
        late = [n for n, _ in widened.bases if n >= widened.start]
        why = (f"the recurrence gives {prefix}{late[0]}}} "
               f"from the members below it (it holds from index {widened.start} on): a "
               "value given there would be a second meaning — state it as a claim"
               if late else None)
    if why is not None:
        raise source.error(f"{spelled} cannot be a base of the recurrence {info.latex}: {why}",
                           offset)
    scope.recurrence_uses.pop(family, None)
    scope.refine(family, widened)

"""Sequences defined by a recurrence: `define m_t = \\beta m_{t-1} + (1 - \\beta) g_t`.

A `define` of a family member at a whole-number letter t whose body uses the same family
at t − k for fixed positive lags k (one or several: `F_n = F_{n-1} + F_{n-2}`) defines
the family by that recurrence for every index t ≥ `RecurrenceInfo.start`: the lowest
index given a base value (`assume m_0 = 0`, `define m_0 = 0`) plus the largest lag, or
0 plus the largest lag when no base is given. A member below the start that no base
gives (m_0 without a base) is an unknown member, as any undeclared family's is; one at a
negative index is none (refused where written; no counterexample at a value of the letter
that reaches one). Other families in the body (g_t) are free members.

This module holds only the mathematics: what a body's lags are (`lags`), a member at a
number unrolled down to the bases (`member`), and every member at a number in a term so
unrolled (`unrolled`). The reader builds `RecurrenceInfo`, the engines decide claims at a
letter (`engines.recurrences`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction

from derive.model.names import Name
from derive.model.terms import Add, Call, Mul, Num, Pow, Sym, Term, nodes, substitute
from derive.notation.show import show

DEEPEST = 200          # a member at a number above this is not unrolled (refused where read)
NESTED = 200           # nor one whose unrolled term is nested deeper than this: each index
                       # nests the body once more, and a term much deeper than this is
                       # beyond what Python can copy or ship to a worker (RecursionError)


class NotARecurrence(Exception):
    """A body that uses its own family otherwise than at its index minus a fixed lag."""


@dataclass(frozen=True)
class RecurrenceInfo:
    """The declaration info of a family defined by its recurrence.

    `family` is the family's Name (`m_{\\cdot}`), `index` the definition's parameter t,
    `body` the right side (its own members `Call(family, t − k)`), `lags` the k it uses,
    `letter` the file's whole-number letter the definition was written at, `bases` the
    members given by value, `(index, Term)` in the order given, and `latex` as written."""

    family: Name
    index: Name
    body: Term
    lags: tuple
    letter: Name
    latex: str
    bases: tuple = ()

    @property
    def lowest(self) -> int:
        """The lowest index a base is given at (0 when none is)."""
        return min((n for n, _ in self.bases), default=0)

    @property
    def start(self) -> int:
        """The first index the recurrence defines: the lowest base's plus the largest lag."""
        return self.lowest + max(self.lags)

    @property
    def said(self) -> str:
        """The recurrence in words, for the report's assumptions: as written, where it
        holds, and its bases (`m_t = … for t ≥ 1, m_0 = 0`)."""
        prefix = self.family.latex.removesuffix("\\cdot}")
        bases = "".join(f", {prefix}{n}}} = {show(v)}" for n, v in sorted(
            self.bases, key=lambda b: b[0]))
        return f"{self.latex} for {self.index.latex} ≥ {self.start}{bases}"

    def base(self, index: int):
        """The value given at `index`, or None."""
        return next((value for n, value in self.bases if n == index), None)

    def with_base(self, index: int, value: Term) -> "RecurrenceInfo":
        """This recurrence with one more base value (`assume m_0 = 0`)."""
        return replace(self, bases=self.bases + ((index, value),))


def combination(term: Term):
    """`term` as a rational linear combination of names plus a constant ({Name or None:
    coefficient}, None the constant's key), or None when it is not written so (a power
    of a name, a product of two names, a function)."""
    if isinstance(term, Num):
        return {None: term.value}
    if isinstance(term, Sym):
        return {term.name: Fraction(1)}
    if isinstance(term, Add):
        parts = [combination(a) for a in term.args]
        if any(p is None for p in parts):
            return None
        out = {}
        for part in parts:
            for key, value in part.items():
                out[key] = out.get(key, Fraction(0)) + value
        return out
    if isinstance(term, Mul):
        return _product([combination(a) for a in term.args])
    if isinstance(term, Pow) and isinstance(term.exponent, Num):
        base = combination(term.base)
        power = term.exponent.value
        if base is None or _moves(base) or power.denominator != 1:
            return None
        constant = base.get(None, Fraction(0))
        return None if constant == 0 and power < 0 else {None: constant ** int(power)}
    return None


def _product(parts):
    """The product of linear combinations, when at most one of them holds a name."""
    if any(p is None for p in parts):
        return None
    moving = [p for p in parts if _moves(p)]
    if len(moving) > 1:
        return None
    factor = Fraction(1)
    for p in parts:
        if not moving or p is not moving[0]:
            factor *= p.get(None, Fraction(0))
    if not moving:
        return {None: factor}
    return {k: v * factor for k, v in moving[0].items()}


def _moves(found: dict) -> bool:
    """Whether a linear combination holds a name (with a coefficient that is not 0)."""
    return any(v for k, v in found.items() if k is not None)


def affine(term: Term, index: Name):
    """(coefficient, constant) of `term` as c·index + d with rational c, d, or None when it
    is not written so (another name in it, a power of the index, a function)."""
    found = combination(term)
    if found is None or any(v for k, v in found.items() if k not in (None, index)):
        return None
    return found.get(index, Fraction(0)), found.get(None, Fraction(0))


def written(found: dict) -> Term:
    """The term of a linear combination (`combination`), in one order: names by spelling,
    the constant last, no zero and no factor 1 written."""
    terms = [Sym(k) if v == 1 else Mul(Num(v), Sym(k))
             for k, v in sorted(((k, v) for k, v in found.items() if k is not None and v),
                                key=lambda kv: kv[0].sort_key())]
    if found.get(None):
        terms.append(Num(found[None]))
    return Num(0) if not terms else terms[0] if len(terms) == 1 else Add(*terms)


def number(term: Term):
    """The whole number an index term evaluates to (`3`, `3 - 1`), or None."""
    found = combination(term)
    if found is None or _moves(found) or found.get(None, Fraction(0)).denominator != 1:
        return None
    return int(found.get(None, 0))


def lags(body: Term, family: Name, index: Name) -> tuple:
    """The lags k of the members `family` at `index` − k that `body` uses, sorted; raises
    NotARecurrence for a member at another index (t + 1, t, 2t − 1, a number, another
    letter) or of more than one index."""
    found = set()
    for term in nodes(body):
        if not (isinstance(term, Call) and term.function is family):
            continue
        shifted = affine(term.arguments[0], index) if len(term.arguments) == 1 else None
        if shifted is None or shifted[0] != 1 or shifted[1].denominator != 1 or \
                shifted[1] >= 0:
            raise NotARecurrence(
                "its body uses the family it defines at an index that is not its own index "
                "minus a fixed whole number (a recurrence gives a member from earlier ones: "
                "m_{t-1}, m_{t-2})")
        found.add(int(-shifted[1]))
    return tuple(sorted(found))


def member(info: RecurrenceInfo, index: int) -> Term:
    """The member at the whole number `index`, unrolled down to the bases: the body at
    each index from the start up, a base value, or below the start the unknown member
    `Call(family, index)`. Raises NotARecurrence above `DEEPEST`, and where the unrolled
    term would nest deeper than `NESTED` levels."""
    if index > DEEPEST:
        raise NotARecurrence(f"a member at an index above {DEEPEST} is not unrolled")
    if index < 0:
        raise NotARecurrence("a sequence's indices are whole numbers ≥ 0: a member at a "
                             "negative index is none of its members")
    values, depths = {}, {}
    for n in range(min(index, info.start), index + 1):
        values[n] = _at(info, n, values)
        if depth(values[n], depths) > NESTED:
            raise NotARecurrence(
                f"unrolled down to the bases it would be a term nested more than "
                f"{NESTED} levels deep (the member at {n} already is: the body nests once "
                f"more at each index), more than derive unrolls")
    return values[index]


def depth(term: Term, known: dict) -> int:
    """How many levels `term` nests (a leaf is 1), `known` holding the depths of terms
    measured before (shared sub-terms are measured once; no recursion)."""
    for t in nodes(term, skip=lambda u: u in known):
        known[t] = 1 + max((known[c] for c in t.children), default=0)
    return known[term]


def _at(info, n, values):
    """The member at n, the members below it being in `values` (or below the start)."""
    if n < info.start:
        given = info.base(n)
        return given if given is not None else Call(info.family, Num(n))
    body = substitute(info.body, {info.index: Num(n)})
    return _numbered(body, lambda t: t.function is info.family,
                     lambda t, k: values.get(k) if k in values else _at(info, k, values))


def _numbered(term, chosen, value):
    """`term` with each member `Call` whose arguments evaluate to whole numbers written as
    numbers (g_{3-1} is g_2), and those `chosen` replaced by `value(call, number)`."""
    mapping = {}
    for t in nodes(term):
        if not isinstance(t, Call):
            continue
        numbers = [number(a) for a in t.arguments]
        if any(n is None for n in numbers):
            continue
        if chosen(t) and len(numbers) == 1:
            mapping[t] = value(t, numbers[0])
        elif any(not isinstance(a, Num) for a in t.arguments):
            mapping[t] = Call(t.function, *(Num(n) for n in numbers))
    return replace_all(term, mapping) if mapping else term


def replace_all(term, mapping):
    """`term` with each sub-term in `mapping` replaced (bottom-up, shared work once)."""
    done = {}
    for t in nodes(term):
        if t in mapping:
            done[t] = mapping[t]
        elif t.children:
            done[t] = t.rebuild([done[c] for c in t.children])
        else:
            done[t] = t
    return done[term]


def unrolled(term: Term, infos: dict) -> Term:
    """`term` with every member of a recurrence (`infos`: family Name → RecurrenceInfo) at
    an index that evaluates to a whole number unrolled (`member`); members at a letter
    stay as they are."""
    return _numbered(term, lambda t: t.function in infos,
                     lambda t, k: member(infos[t.function], k))

"""Proving an equation between sums whose bounds move with a letter (the inductive step
of a recurrence, `engines.recurrences`): `(1-β)Σ_{i=0}^{t} β^i g_{t+1-i} = β(1-β)Σ_{i=0}^{t-1}
β^i g_{t-i} + (1-β) g_{t+1}`.

The difference of the sides is written as R + Σ_k c_k S_k (`linear`: sums only under sums
and products, the c_k free of the sums' indices); each sum S_k is re-indexed so that a
family member in its summand is at the index itself (`reframed`: i ↦ t + 1 − j makes
g_{t+1-i} g_j); the sums are cut to one common range [A, B] — the terms outside it peeled
off and written out (`peeled`), which is exact where every range holds at least
lower − 1 (an empty sum) for every value of the letter from its first on —; then the
difference is R + (peeled terms) + Σ_{j=A}^{B} F(j) with F = Σ_k c_k f_k, and both R +
peeled and F(J) at a fresh index J having the normal form 0 proves it. Anything else
proves nothing (None, with the reason)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction

from derive.engines import normal_form
from derive.engines.hypotheses import restricted
from derive.model.names import Declaration, Domain, Kind, Name
from derive.model.terms import (Add, Call, Defined, Mul, Num, Pow, Sum, Sym, Term, nodes,
                               substitute, sub)
from derive.notation import recurrences

MOST_PEELED = 12           # terms written out of one sum, at most
INDEX = Declaration(Kind.SYMBOL, Domain.INTEGER)
WHOLE = Declaration(Kind.SYMBOL, Domain.WHOLE)
FIRST_VALUE = {Domain.NATURAL: 1, Domain.WHOLE: 0}


class Unproved(Exception):
    """Why the sums could not be brought to one range and compared."""


@dataclass(frozen=True)
class Frame:
    """A sum c · Σ_{var = lower}^{upper} body, its bounds (coefficient of the letter,
    constant) pairs."""

    factor: Term
    var: Name
    body: Term
    lower: tuple
    upper: tuple


def prove_equal(lhs, rhs, letter, first, step, deadline):
    """(proved, what was done) for lhs = rhs at every value of `letter` from `first` on,
    in `step`'s context and under its hypotheses (none of them about the letter; one
    derive cannot use is left out, which only widens what is proved)."""
    context, hypotheses = step.context, step.hypotheses
    try:
        rest, parts = linear(sub(lhs, rhs))
        if not parts:
            (rest,), context = restricted((tidy(rest),), hypotheses, context, unused=[])
            return _zero(rest, replace(step, context=context), deadline), \
                "the normal form of the difference is 0"
        frames = [reframed(c, s, letter) for c, s in parts]
        lower, upper = _common(frames, letter, first)
        index, values = _index_in_range(letter, lower, upper)
        merged, outside = Num(0), rest
        for f in frames:
            merged = Add(merged, Mul(f.factor, substitute(f.body, {f.var: index})))
            outside = Add(outside, peeled(f, lower, upper, letter))
        merged = substitute(merged, values)
    except Unproved as exc:
        return False, str(exc)
    (merged, outside), context = restricted((tidy(merged), tidy(outside)), hypotheses, context,
                                            unused=[])
    step = replace(step, context=context)
    if not _zero(merged, step, deadline):
        return False, "the sums cut to one range leave a summand whose normal form is not 0"
    if not _zero(outside, step, deadline):
        return False, "the terms outside the sums' common range do not cancel"
    return True, ("the sums re-indexed at their members, cut to one range and merged: the "
                  "summand and the terms peeled off have the normal form 0")


def _index_in_range(letter, lower, upper):
    """(the merged sums' index, {letter: its value}) for the common range [lower, upper]:
    where the range is [a, letter + b] (a fixed start, the end moving with the letter),
    the index a + K and the letter a + K + L − b with K, L fresh whole numbers ≥ 0 — every
    index of the range at every value of the letter, and the exponents letter − index
    whole (β^{t+1-j} = β·β^{t-j} holds there, not at every integer j when β may be 0);
    else a fresh integer J, the letter kept."""
    if lower[0] != 0 or upper[0] != 1:
        return Sym(Name("j", local=INDEX)), {}
    above, below = Sym(Name("K", local=WHOLE)), Sym(Name("L", local=WHOLE))
    index = Add(Num(lower[1]), above)
    return index, {letter: Add(index, below, Num(-upper[1]))}


def _zero(term, step, deadline):
    """Whether `term` = 0 is proved, in `step`'s context: by the normal form, else by
    SymPy's cancel (`symbolic.prove_equal`: 1/(K+2) − 1/(K+1) + 1/((K+1)(K+2))), powers at
    whole exponents split first."""
    term = whole_powers(tidy(term), step.context)
    try:
        if normal_form.difference(term, Num(0), step.context, deadline).is_zero():
            return True
    except (normal_form.Unsupported, normal_form.Undefined):
        return False
    from derive.engines import symbolic
    return symbolic.prove_equal(replace(step, lhs=term, rhs=Num(0), hypotheses=()),
                                deadline).proved


def linear(term):
    """(R, [(c_k, S_k)]) with term = R + Σ c_k S_k, the sums S_k standing only under sums and
    products in `term`; raises Unproved otherwise (a sum in a power, a log, a quotient's
    denominator, a product of two sums)."""
    if not any(isinstance(t, Sum) for t in nodes(term)):
        return term, []
    if isinstance(term, Defined):
        return linear(term.body)
    if isinstance(term, Sum):
        return Num(0), [(Num(1), term)]
    if isinstance(term, Add):
        rests, parts = [], []
        for a in term.args:
            r, p = linear(a)
            rests.append(r)
            parts += p
        return Add(*rests), parts
    if isinstance(term, Mul):
        holding = [a for a in term.args if any(isinstance(t, Sum) for t in nodes(a))]
        if len(holding) != 1:
            raise Unproved("a product of two sums")
        others = [a for a in term.args if a is not holding[0]]
        r, p = linear(holding[0])
        return Mul(*others, r), [(Mul(*others, c), s) for c, s in p]
    raise Unproved("a sum stands inside something other than sums and products")


def reframed(factor, total, letter):
    """The `Frame` of c · `total` (a Sum), re-indexed so that the first family member in
    its summand whose index is ± its index plus a shift is at the index itself."""
    if total.lower is None or total.upper is None:
        raise Unproved("a sum without bounds")
    var, body, lower, upper = total.var, total.body, total.lower, total.upper
    for term in nodes(body):
        found = recurrences.combination(term.arguments[0]) \
            if isinstance(term, Call) and len(term.arguments) == 1 else None
        if found is None or found.get(var) not in (1, -1):
            continue
        sign = found[var]
        shift = recurrences.written({k: v for k, v in found.items() if k is not var})
        fresh = Name(var.latex, origin=var.origin, local=var.local)
        # the member's index j = sign·var + shift, so var = sign·(j − shift)
        value = Mul(Num(sign), sub(Sym(fresh), shift))
        body = substitute(body, {var: value})
        ends = (Add(lower, shift), Add(upper, shift)) if sign == 1 else \
            (sub(shift, upper), sub(shift, lower))
        var, lower, upper = fresh, ends[0], ends[1]
        break
    return Frame(factor, var, tidy(body), _bound(lower, letter), _bound(upper, letter))


def _bound(term, letter):
    """(coefficient of the letter, constant) of a sum's bound, whole numbers."""
    found = recurrences.affine(term, letter)
    if found is None or any(v.denominator != 1 for v in found):
        raise Unproved("a sum's bound is not the letter times a whole number plus one")
    return found


def _common(frames, letter, first):
    """The common range (lower, upper) of the frames' sums, as bounds; raises Unproved when
    their bounds move differently with the letter, a range could hold less than the empty
    sum, or more than `MOST_PEELED` terms would be peeled."""
    if len({f.lower[0] for f in frames}) != 1 or len({f.upper[0] for f in frames}) != 1:
        raise Unproved("the sums' bounds move differently with the letter")
    lower = (frames[0].lower[0], max(f.lower[1] for f in frames))
    upper = (frames[0].upper[0], min(f.upper[1] for f in frames))
    for low, high in [(f.lower, f.upper) for f in frames] + [(lower, upper)]:
        slope, at_first = high[0] - low[0], high[0] * first + high[1] - low[0] * first - low[1]
        if slope < 0 or at_first < -1:
            raise Unproved("a sum's range could be shorter than empty for some value of "
                           f"{letter.latex}")
    if any(lower[1] - f.lower[1] + f.upper[1] - upper[1] > MOST_PEELED for f in frames):
        raise Unproved("too many terms to peel off the sums")
    return lower, upper


def peeled(frame, lower, upper, letter):
    """The terms of `frame`'s sum outside the common range [lower, upper], written out."""
    out = []
    slope = frame.lower[0]
    for d in list(range(int(frame.lower[1]), int(lower[1]))):
        out.append(_term(frame, slope, d, letter))
    for d in range(int(upper[1]) + 1, int(frame.upper[1]) + 1):
        out.append(_term(frame, frame.upper[0], d, letter))
    return Add(Num(0), *out)


def _term(frame, slope, constant, letter):
    """c · body at index slope·letter + constant."""
    at = recurrences.written({letter: Fraction(slope), None: Fraction(constant)})
    return Mul(frame.factor, substitute(frame.body, {frame.var: at}))


def whole_powers(term: Term, context) -> Term:
    """`term` with each power whose exponent is a whole-number combination of names that
    take whole values (natural, whole, the fresh K, L) plus a constant written as
    x^{floor} · x^{exponent − floor}, floor the exponent's least value when it is ≥ 0
    (x^{L+1} is x · x^L for every x, 0 too, as L ≥ 0 is whole): one spelling for the
    powers the normal form keeps whole when x may be 0 or negative."""
    mapping = {}
    for t in nodes(term):
        found = recurrences.combination(t.exponent) if isinstance(t, Pow) else None
        least = _least(found, context) if found is not None else None
        if least is None or least < 0:      # x^{L-1} = x^{-1} x^L only where x ≠ 0
            continue
        rest = dict(found)
        rest[None] = rest.get(None, Fraction(0)) - least
        powered = Pow(t.base, recurrences.written(rest))
        mapping[t] = powered if least == 0 else Mul(Pow(t.base, Num(least)), powered)
    return recurrences.replace_all(term, mapping) if mapping else term


def _least(found, context):
    """The least value of a combination of whole-valued names with whole nonnegative
    coefficients plus a whole constant, else None."""
    least = found.get(None, Fraction(0))
    for name, coefficient in found.items():
        if name is None:
            continue
        first = FIRST_VALUE.get(context.domain(name))
        if first is None or coefficient < 0 or coefficient.denominator != 1:
            return None
        least += coefficient * first
    return least if least.denominator == 1 and found.get(None, 0).denominator == 1 and \
        any(k is not None and v for k, v in found.items()) else None


def tidy(term: Term) -> Term:
    """`term` with each family member's index that is a linear combination written in one
    way (`recurrences.written`): g_{t+1-1} and g_t are one member."""
    mapping = {}
    for t in nodes(term):
        if isinstance(t, Call):
            found = [recurrences.combination(a) for a in t.arguments]
            if all(f is not None for f in found):
                mapping[t] = Call(t.function, *(recurrences.written(f) for f in found))
    return recurrences.replace_all(term, mapping) if mapping else term

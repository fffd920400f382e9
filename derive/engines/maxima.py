"""Order steps with the largest (smallest) member of a finite family, `M = max_{k=a..b} b_k`
(an `Extremum`: `\\max\\{x_1, \\ldots, x_n\\}`), proved from two facts about a range shown to
have a member (b ≥ a) of members shown real, and nothing else:

* every member is at most M, so g(b_k) ≤ g(M) for an increasing g, and summed over the
  range: Σ_{k=a}^{b} g(b_k) ≤ (b − a + 1) g(M);
* M is one of the members, so g(M) ≤ Σ_{k=a}^{b} g(b_k) where every g(b_k) is shown ≥ 0.

So also M ≥ b_c for a member written at an index c shown in the range, and, over one family
and range, min ≤ max.

For a min m both read the other way: (b − a + 1) g(m) ≤ Σ_k g(b_k), and g(m) ≤ Σ_k g(b_k)
where every g(b_k) is shown ≥ 0. g is the identity or exp (increasing on the reals:
`\\exp(\\max_k x_k) = \\max_k e^{x_k}`). A non-strict step is proved when its gap is c·Q + r
for one of these quantities Q ≥ 0, c ≥ 0 rational and r a constant shown ≥ 0
(`bounds._multiple_plus_constant`) — also through exp when a side is `\\log u` of a u shown
positive and the other side is shown real (`log u ≥ s` iff `u ≥ e^s`): the log-sum-exp
bounds max_k x_k ≤ log Σ_k e^{x_k} ≤ max_k x_k + log n. A step these do not prove stays
undecided; the numbers evaluate M over the drawn family.
"""

from __future__ import annotations

from derive.engines import normal_form
from derive.model.terms import (ONE, Add, Call, Defined, Extremum, Fn, Mul, Sum, Sym, free_names, neg,
                                nodes, substitute)

REAL = (normal_form.POS, normal_form.NONNEG, normal_form.REAL)


def prove(step, gap, n):
    """The name of the fact that proves the non-strict order step whose normal-form gap
    (larger − smaller) is `gap`, or None (also when the step has no `Extremum`)."""
    from derive.engines.bounds import _constant_nonnegative, _multiple_plus_constant
    found = {t: None for side in (step.lhs, step.rhs) for t in nodes(side)
             if isinstance(t, Extremum)}
    if not found or _constant_nonnegative(gap, n):
        return None                     # a gap ≥ 0 by its signs needs no fact about M
    quantities = [q for m in found for q in _quantities(m, n)]
    quantities += [q for m in found for q in _members(m, step, n)]
    quantities += _spreads(list(found), n)
    if not quantities:
        return None
    for way in [gap, *_exponentiated(step, n)]:
        for name, quantity in quantities:
            if _multiple_plus_constant(way, quantity, n):
                return name
    return None


def _quantities(m, n):
    """(name, normal form) of the quantities ≥ 0 the two facts give about `m`."""
    try:
        if not normal_form._at_least_zero(n.value(m.upper) - n.value(m.lower)) or \
                n.sign(n.value(m.body)) not in REAL:
            return []
        count = Add(m.upper, neg(m.lower), ONE)
        out = []
        for g in (None, "exp"):
            at_m, member = (m, m.body) if g is None else (Fn(g, m), Fn(g, m.body))
            total = Sum(m.var, member, m.lower, m.upper)
            word = m.kind if g is None else f"\\exp of the {m.kind}"
            spread = (Add(Mul(count, at_m), neg(total)) if m.kind == "max" else
                      Add(total, neg(Mul(count, at_m))))
            out.append((f"each member is {'at most' if m.kind == 'max' else 'at least'} the "
                        f"{m.kind} (a sum of the {'members' if g is None else 'exps'} and "
                        f"its count times the {word})", n.value(spread)))
            if n.sign(n.value(member)) in (normal_form.POS, normal_form.NONNEG):
                out.append((f"the {m.kind} is one of the members, each ≥ 0 (the {word} at "
                            f"most their sum)", n.value(Add(total, neg(at_m)))))
        return out
    except (normal_form.Unsupported, normal_form.Undefined):
        return []


def _members(m, step, n):
    """(name, normal form) of M − b_c (b_c − m for a min) for each member b_c of m's family
    written in the step at an index c shown in the range: every member is at most the max."""
    if not isinstance(m.body, Call) or m.body.arguments != (Sym(m.var),):
        return []
    out = []
    for side in (step.lhs, step.rhs):
        for t in nodes(side):
            if not isinstance(t, Call) or t.function is not m.body.function or \
                    len(t.arguments) != 1 or m.var in free_names(t):
                continue
            try:
                c = n.value(t.arguments[0])
                if not (normal_form._at_least_zero(c - n.value(m.lower)) and
                        normal_form._at_least_zero(n.value(m.upper) - c)):
                    continue
                gap = n.value(Add(m, neg(t)) if m.kind == "max" else Add(t, neg(m)))
            except (normal_form.Unsupported, normal_form.Undefined):
                continue
            out.append((f"each member is {'at most' if m.kind == 'max' else 'at least'} the "
                        f"{m.kind}", gap))
    return out


def _spreads(found, n):
    """(name, normal form) of max − min over one family and one range with a member."""
    out = []
    for big in found:
        for small in found:
            if big.kind != "max" or small.kind != "min" or (big.lower, big.upper) != \
                    (small.lower, small.upper) or \
                    substitute(small.body, {small.var: Sym(big.var)}) is not big.body:
                continue
            try:
                if normal_form._at_least_zero(n.value(big.upper) - n.value(big.lower)):
                    out.append(("the min is at most the max (of one family, a member between)",
                                n.value(Add(big, neg(small)))))
            except (normal_form.Unsupported, normal_form.Undefined):
                continue
    return out


def _exponentiated(step, n):
    """The gaps e^s ≤ u (u ≤ e^s) of a step `s ≤ log u` (`log u ≤ s`), with u shown
    positive and s shown real; a defined side is read through its definition."""
    larger, smaller = (step.rhs, step.lhs) if step.relation.upward else (step.lhs, step.rhs)
    larger, smaller = _unwrapped(larger), _unwrapped(smaller)
    out = []
    try:
        for log_side, other, up in ((larger, smaller, True), (smaller, larger, False)):
            if not (isinstance(log_side, Fn) and log_side.fname == "log"):
                continue
            u = log_side.operands[0]
            if n.sign(n.value(u)) != normal_form.POS or n.sign(n.value(other)) not in REAL:
                continue
            big, small = (u, Fn("exp", other)) if up else (Fn("exp", other), u)
            out.append(n.value(big) - n.value(small))
    except (normal_form.Unsupported, normal_form.Undefined):
        pass
    return out


def _unwrapped(side):
    while isinstance(side, Defined):
        side = side.body
    return side

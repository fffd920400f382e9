"""A trailing `\\forall` checked against its letter's declared domain and file assumptions.

`\\sqrt{x^2} = x \\quad \\forall x \\in [-1, 1]` of a `positive x` states the identity on
[-1, 1]; read as the row's hypothesis, intersected with the declaration, it would be checked
on (0, 1] only — a narrower claim than the one written, and verified though false at
x = -1/2. Likewise `x \\ge 0 \\forall -3 < x < -1` under `assume x > 0` would hold vacuously.
So a `\\forall` whose set is not shown inside what the file lets its letter be is an error:
derive shows containment only for a letter that is declared real with no assumption on it,
or declared positive / nonnegative with a numeric lower bound in the `\\forall` that keeps it
there (`\\forall x \\ge 1`, `\\forall x \\in (0, 1]`)."""

from __future__ import annotations

import re
from fractions import Fraction

from derive.model.names import Domain, Kind
from derive.model.terms import free_names

_ORDER = re.compile(r"\\(?:le|ge)(?:q|qslant)?(?![a-zA-Z])|<|>")
_NUMBER = re.compile(r"^\s*(-?)\s*(\d+(?:\.\d+)?)\s*$")


def outside_domain(quantified, declared, assumptions):
    """(offset, message) for the first letter a trailing `\\forall` quantifies (`quantified`:
    [(offset, relation text)] from `annotations`) over a set not shown inside the letter's
    declared domain and assumptions (`declared(key)`: (Name, Declaration) or None), else
    None."""
    bounds = {}
    for at, text in quantified:
        pieces, orders = _ORDER.split(text), _ORDER.findall(text)
        if len(pieces) == 2:
            left, right = pieces[0].strip(), pieces[1].strip()
            key, where = (left, 0) if declared(left) is not None else (right, 1)
        elif len(pieces) == 3:
            key, where = pieces[1].strip(), 1
        else:
            continue
        found = declared(key)
        if found is None or found[1].kind not in (Kind.SYMBOL, Kind.PARAMETER):
            continue
        entry = bounds.setdefault(found[0], [at, key, found[1].domain, []])
        for k, order in enumerate(orders):
            if where not in (k, k + 1):
                continue
            other = pieces[k] if where == k + 1 else pieces[k + 1]
            less = order in ("<", r"\le", r"\leq", r"\leqslant")
            if less == (where == k + 1):          # other < letter: a lower bound
                entry[3].append((_number(other), order in ("<", ">")))
    for name, (at, key, domain, lows) in bounds.items():
        assumed = any(name in free_names(h.lhs) | free_names(h.rhs) for h in assumptions)
        if domain in (Domain.REAL, Domain.COMPLEX) and not assumed:
            continue
        if not assumed and domain in (Domain.POSITIVE, Domain.NONNEGATIVE) and any(
                low is not None and (low > 0 or low == 0 and (strict or
                                                               domain is Domain.NONNEGATIVE))
                for low, strict in lows):
            continue
        what = f"declared {domain.value}" if not assumed else "restricted by an assumption"
        return at, (f"\\forall quantifies {key} over a set derive does not show inside what "
                    f"the file lets {key} be ({key} is {what}): the row would be checked on "
                    f"the part inside only — state it over {key}'s declared values, or "
                    f"declare {key} real")
    return None


def _number(text):
    found = _NUMBER.match(text)
    if found is None:
        return None
    value = Fraction(found.group(2))
    return -value if found.group(1) else value

"""Integrals over intervals of one integrand, compared piece by piece (additivity).

`∫_0^∞ x p(x) dx = ∫_0^a x p(x) dx + ∫_a^∞ x p(x) dx` and `E[X] ≥ ∫_a^∞ x p(x) dx` are
about one integrand over different intervals. The normal form keeps each integral with
its range, so these do not cancel there. `refine` rewrites a normal form over the
**common refinement** of its ranges: every integral over a continuous range is cut at
each end of another range that lies strictly inside it (shown so by the signs of the
differences; ±∞ outside every finite end), so equal pieces cancel by linearity and what
is left is a sum of integrals over intervals between consecutive ends. This is the
additivity of the (oriented) integral, `∫_l^h = ∫_l^e + ∫_e^h`, valid for any e when the
integrals are finite (every integral is assumed finite). A variable's whole range is
(−∞, ∞) — or the declared support of an abstract density that is a factor of the
integrand (`density p over x in [0, \\infty)`: the integrand is 0 off it).

`point_ranges` gives the pointwise prover (`bounds`) the interval each copy's point
lies in, so an integrand need be non-negative only there: ∫_a^∞ (x − a) p(x) dx ≥ 0
(monotonicity of the integral with a pointwise bound on its range).
"""

from __future__ import annotations

import itertools

from derive.engines.poly import Poly
from derive.model.names import VariableInfo

MAX_PIECES = 400          # monomials the refinement may make


def refine(n, poly):
    """`poly` over the common refinement of its continuous ranges (a Poly; `poly` itself
    when nothing is cut, or when the cuts would grow past MAX_PIECES)."""
    intervals = {}
    for m in poly.terms:
        for a, _ in m:
            if a[0] == "int":
                found = _interval(n, m, a[1])
                if found is not None:
                    intervals[(m, a[1])] = found
    ends = {e for pair in intervals.values() for e in pair if not isinstance(e, str)}
    work = list(poly.terms.items())
    out, changed = [], False
    while work:
        m, c = work.pop()
        cut = None
        for a, _ in m:
            if a[0] != "int":
                continue
            interval = intervals.get((m, a[1])) or _interval(n, m, a[1])
            if interval is None:
                continue
            inside = _ordered(n, [e for e in ends if _below(n, interval[0], e) and
                                  _below(n, e, interval[1])])
            if inside is None:
                continue
            pieces = list(zip([interval[0]] + inside, inside + [interval[1]]))
            if inside or a[1][1][0] != "int":
                cut = (a[1], pieces)
                break
        if cut is None:
            out.append(Poly({m: c}))
            continue
        changed = True
        copy, pieces = cut
        for low, high in pieces:
            piece = ("cp", ("int", low, high), next(n._copies))
            for r, d in n.canonical(_replace(m, copy, piece)).scale(c).terms.items():
                work.append((r, d))
        if len(work) + len(out) > MAX_PIECES:
            return poly
    return Poly.sum(out) if changed else poly


def spread(n, poly):
    """Ways to write `poly` with its constant part C put under an integral: C·∫ p(x) dx
    over the whole range of a density p (one variable, not conditional) taken at one of
    its integrals' points — declared, so ∫ p = 1 (
    the normal form had integrated it out of ∫ (x − c)^2 p = ∫ x^2 p − 2c ∫ x p + c^2), so
    that after `refine` each piece's integrand is whole again. The poly itself first."""
    yield poly
    constant = Poly({m: c for m, c in poly.terms.items() if not any(a[0] == "int" for a, _ in m)})
    if constant.is_zero():
        return
    rest = poly - constant
    seen = set()
    for m in rest.terms:
        for a, e in m:
            if a[0] != "dens" or e != 1 or len(a[3]) != 1 or a[4] or len(a[6]) != 1:
                continue
            copies = [b[1] for b, _ in m if b[0] == "int" and _is_point(a[6][0], b[1])]
            whole = ("all", a[3][0])
            if not copies or a[2] in seen or not _continuous(n.context, a[3][0]):
                continue
            seen.add(a[2])
            n._lines.add(whole)
            fresh = ("cp", whole, next(n._copies))
            under = frozenset({(("int", fresh), 1), (_replace(a, copies[0], fresh), 1)})
            yield rest + Poly({frozenset(k) | under: c for k, c in constant.terms.items()})


def point_ranges(terms):
    """{point atom: (low, high)} for the copies of one integrand's terms whose range is an
    interval ("int", low, high) and that the term integrates (its "int" factor), found
    anywhere in the term (x, e^{tx}, p(x)): keys of polys, or "-oo" / "+oo". An end that holds an
    integral itself is left out ("-oo" / "+oo"): as a SymPy expression it would stand for
    its integrand, not its value."""
    found = {}
    for m, _ in terms:
        integrated = {a[1] for a, _ in m if a[0] == "int"}
        for a in _points_in(m):
            copy = a[1]
            if copy in integrated and isinstance(copy, tuple) and len(copy) == 3 and \
                    copy[0] == "cp" and isinstance(copy[1], tuple) and copy[1][0] == "int" \
                    and len(copy[1]) == 3:
                found[a] = tuple(end if isinstance(end, str) or not _holds_point(end)
                                 else default
                                 for end, default in zip(copy[1][1:], ("-oo", "+oo")))
    return found


def _points_in(obj):
    """The point atoms ("pt", copy, sign) anywhere in a key: a factor x, or inside e^{tx}
    or p(x) — each is the integrand's point of its copy, wherever it stands."""
    if isinstance(obj, tuple) and len(obj) == 3 and obj[0] == "pt":
        yield obj
    elif isinstance(obj, (tuple, frozenset)):
        for o in obj:
            yield from _points_in(o)


def _holds_point(obj):
    """Whether a key mentions an integration point anywhere (an integral inside it)."""
    if isinstance(obj, (tuple, frozenset)):
        if isinstance(obj, tuple) and obj and obj[0] == "pt":
            return True
        return any(_holds_point(o) for o in obj)
    return False


def _interval(n, m, copy):
    """(low, high) of a continuous copy of monomial m: its limits; for a whole range, the
    support declared for an abstract density factor at its point, else the whole line.
    None for a sum or a discrete range."""
    range_id = copy[1]
    if range_id[0] == "int" and len(range_id) == 3:
        return range_id[1], range_id[2]
    if range_id not in n._lines:
        return None
    low, high = "-oo", "+oo"
    for a, e in m:
        if a[0] == "dens" and e == 1 and len(a[3]) == 1 and not a[4] and len(a[6]) == 1 and \
                _is_point(a[6][0], copy):
            support = _support(n.context, a[2])
            if support is not None:
                lo, hi = (None if s is None else Poly.const(s.value).key() for s in support)
                low = lo if lo is not None and (low == "-oo" or _below(n, low, lo)) else low
                high = hi if hi is not None and (high == "+oo" or _below(n, hi, high)) else high
    return low, high


def _support(context, serial):
    return getattr(_info(context, serial), "support", None)


def _continuous(context, serial):
    """Whether the declared variable with this serial is a continuous, scalar one."""
    info = _info(context, serial)
    return type(info) is VariableInfo and not info.discrete


def _info(context, serial):
    for name, declaration in context.table.items():
        if name.serial == serial:
            return declaration.info
    return None


def _below(n, a, b):
    """Whether a < b is shown (ends: poly keys, or "-oo" / "+oo")."""
    if a == b:
        return False
    if a == "-oo" or b == "+oo":
        return True
    if a == "+oo" or b == "-oo":
        return False
    from derive.engines.normal_form import POS
    return n.sign(Poly.from_key(b) - Poly.from_key(a)) == POS


def _ordered(n, points):
    """The points in increasing order when every pair is shown ordered, else None."""
    for a, b in itertools.combinations(points, 2):
        if not (_below(n, a, b) or _below(n, b, a)):
            return None
    ordered = []
    for p in points:
        k = 0
        while k < len(ordered) and _below(n, ordered[k], p):
            k += 1
        ordered.insert(k, p)
    return ordered


def _is_point(key, copy):
    from derive.engines.normal_form import _is_point as is_point
    return is_point(key, copy)


def _replace(obj, old, new):
    from derive.engines.normal_form import _replace as replace
    return replace(obj, old, new)

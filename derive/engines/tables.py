"""A law given as a table of point probabilities: `% derive: assume P(X = 0, Y = 0) = 0.3,
P(X = 0, Y = 1) = 0.2, …` (worked examples of information theory).

Hypotheses that each give an abstract mass function (declared, not conditional, no formula)
at one point of all its variables — every argument a number — are the cells of a table. A
table whose cells are positive and sum to exactly 1 is the law itself: derive's abstract
mass functions are positive at every value of their range, so the values the cells are
given at are the whole range of each variable (a value left out would carry mass 0), and
the cells must then fill the whole grid of those values. At the instances the hypotheses
keep there is one law: the step is rewritten (`TableChange`) with each information quantity
expanded (`registry.meaning`), each sum, product or expectation over a tabled variable's
range written out over its values, each finite sum with whole-number bounds around the law
written out, and the law at numbers replaced by its (marginal, conditional) mass — so both
engines see one closed expression, and a false number is refuted.

Anything the rewrite cannot bring down to numbers — the law at a free variable, another law
over a tabled variable (whose values there derive does not know), a sum with other bounds —
makes the table `Unusable` for that step (undecided, never refuted). Cells that cannot be
such a table are reported, never guessed at: a cell not positive, cells summing to more than
1 (`Contradiction`) or to less (`Unusable`: the table is incomplete, the law unknown at the
other values), cells summing to 1 that leave a point of the grid out (there the law would
be 0), two tables giving one variable different values.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from itertools import product as grid

from derive.model.derivation import Relation
from derive.model.names import Kind, Name
from derive.model.terms import (Add, Defined, Dens, Dist, Expect, Integral, Mul, Num, Op,
                                Pow, Product, Sum, Sym, nodes, substitute)
from derive.notation import registry

# A finite sum with numeric bounds is written out only up to this many terms.
_LARGEST = 64


class TableError(Exception):
    """Cells of a law that make no table derive can use; `contradiction` when no law
    satisfies them at all."""

    def __init__(self, message, contradiction=False):
        super().__init__(message)
        self.contradiction = contradiction


@dataclass(frozen=True)
class Table:
    """A law given by all its point masses: `cells` are ((value per variable of `over`,
    in order), mass) pairs; `latex` the hypotheses that gave them."""

    law: Name
    over: tuple
    cells: tuple
    latex: tuple

    def values(self, k):
        """The values the k-th variable takes: its whole range."""
        return tuple(sorted({point[k] for point, _ in self.cells}))

    def mass(self, fixed):
        """The total mass of the cells whose variables take the values in `fixed` (variable
        Name → Fraction): a marginal mass, 1 when nothing is fixed."""
        place = {v: k for k, v in enumerate(self.over)}
        return sum((m for point, m in self.cells
                    if all(point[place[v]] == value for v, value in fixed.items())), Fraction(0))


def cell(relation, left, right, context):
    """(law Name, point, mass) when `left relation right` gives an abstract mass function at
    one point of all its declared variables, every argument a number, as a number; else
    None."""
    if relation is not Relation.EQ:
        return None
    if isinstance(right, Dens) and not isinstance(left, Dens):
        left, right = right, left
    mass = rational(right)
    if not (isinstance(left, Dens) and isinstance(left.dist, Dist)) or mass is None:
        return None
    dist = left.dist
    info = context.info(dist.name)
    if context.kind(dist.name) is not Kind.DISTRIBUTION or dist.given or dist.params or \
            not _abstract(info) or tuple(dist.over) != tuple(info.over) or \
            not all(isinstance(a, Num) for a in left.at) or \
            not all(getattr(context.info(v), "discrete", False) for v in info.over):
        return None
    return dist.name, tuple(a.value for a in left.at), mass


def rational(term):
    """The value of a closed rational expression (`0.3`, `\\frac{1}{4}`, `1 - 0.7`) as a
    Fraction, else None."""
    if isinstance(term, Num):
        return term.value
    if isinstance(term, (Add, Mul)):
        parts = [rational(c) for c in term.children]
        if None in parts:
            return None
        out = parts[0]
        for part in parts[1:]:
            out = out + part if isinstance(term, Add) else out * part
        return out
    if isinstance(term, Pow) and isinstance(term.exponent, Num) and \
            term.exponent.value.denominator == 1:
        base = rational(term.base)
        if base is None or base == 0 and term.exponent.value < 0:
            return None
        return base ** int(term.exponent.value)
    return None


def _abstract(info):
    """Whether a distribution's declaration gives no formula, expression or law of its own."""
    return info is not None and not info.given and info.formula is None and \
        info.expression is None and info.law is None and info.reparameterised is None and \
        info.support is None and info.marginal is None


def tables(pending, context):
    """(tables, the pending hypotheses that are no cell, [(TableError, the cells' pending
    hypotheses)]) of pending hypotheses (relation, left, right, latex)."""
    cells, rest = {}, []
    for h in pending:
        found = cell(h[0], h[1], h[2], context)
        if found is None:
            rest.append(h)
        else:
            cells.setdefault(found[0], []).append((found[1], found[2], h))
    made, failed = [], []
    for law, given in cells.items():
        try:
            made.append(_table(law, given, context))
        except TableError as exc:
            failed.append((exc, [h for _, _, h in given]))
    try:
        _one_range(made, context)
    except TableError as exc:
        failed.append((exc, [h for t in made for h in t.latex]))
        made = []
    return made, rest, failed


def _table(law, given, context):
    """The `Table` of a law's cells, or TableError saying why they make none."""
    over = tuple(context.info(law).over)
    masses = {}
    for point, mass, h in given:
        if masses.get(point, mass) != mass:
            raise TableError(f"the hypotheses give {_at(law, over, point)} two values",
                             contradiction=True)
        if mass <= 0:
            raise TableError(f"{h[3]}: derive's mass functions are positive at every value "
                             f"of their range, so {law.latex} cannot be {_num(mass)} there "
                             "(leave the value out of the variable's range)", contradiction=True)
        masses[point] = mass
    total = sum(masses.values(), Fraction(0))
    if total > 1:
        raise TableError(f"the cells given of {law.latex} sum to {_num(total)}, more than 1",
                         contradiction=True)
    if total < 1:
        raise TableError(f"the cells given of {law.latex} sum to {_num(total)}, less than 1: "
                         f"derive reads a table of {law.latex} as its law only when it is "
                         f"complete, its cells summing to 1")
    axes = [sorted({p[k] for p in masses}) for k in range(len(over))]
    missing = [p for p in grid(*axes) if p not in masses]
    if missing:
        raise TableError(f"the cells given of {law.latex} sum to 1 but leave out "
                         f"{_at(law, over, missing[0])}, where it would be 0: derive's mass "
                         "functions are positive at every value of their range",
                         contradiction=True)
    return Table(law, over, tuple(sorted(masses.items())), tuple(h for _, _, h in given))


def _one_range(made, context):
    """Raise TableError when two tables give one variable (or variables declared over one
    set) different values."""
    seen = {}
    for t in made:
        for k, v in enumerate(t.over):
            key = getattr(context.info(v), "support", None) or v
            values = t.values(k)
            if seen.setdefault(key, values) != values:
                raise TableError(f"the tables give {v.latex} the values "
                                 f"{_values(seen[key])} and {_values(values)}",
                                 contradiction=True)


def _at(law, over, point):
    return f"{law.latex}({', '.join(f'{v.latex} = {_num(x)}' for v, x in zip(over, point))})"


def _num(value):
    return str(value.numerator) if value.denominator == 1 else str(float(value))


def _values(values):
    return "{" + ", ".join(_num(v) for v in values) + "}"


class TableChange:
    """The change putting the tabled laws into a term (see the module's rules); raises
    `Unusable` (built by `unusable`) when the term keeps one of them, or a variable of
    them, that it cannot write out."""

    def __init__(self, made, context, unusable):
        self.made = {t.law: t for t in made}
        self.context = context
        self.unusable = unusable
        self.ranges = {}
        for t in made:
            for k, v in enumerate(t.over):
                self.ranges[v] = t.values(k)
        self.supports = {getattr(context.info(v), "support", None) for v in self.ranges} - {None}
        self.sizes = {getattr(context.info(s), "size", None) for s in self.supports} - {None}
        self.latex = ", ".join(h[3] for t in made for h in t.latex)

    def __call__(self, term):
        out = self._put(term, {})
        left = [t for t in nodes(out) if self._touches(t)]
        if left:
            raise self.unusable(f"derive reads the table ({self.latex}) as the law itself, "
                                f"but the step keeps {self._said(left[0])} it cannot write "
                                "out over the table's values")
        return out

    def _said(self, t):
        if isinstance(t, Dist):
            return f"the law {t.name.latex} at a point or with a variable"
        return "a tabled variable or its range"

    def _tabled(self, name):
        """Whether `name` is a tabled variable, a bound copy of one, or one declared over the
        set a tabled variable is declared over (whose range the table fixes too)."""
        variable = name.variable
        return variable in self.ranges or \
            getattr(self.context.info(variable), "support", None) in self.supports - {None}

    def _touches(self, t):
        if isinstance(t, Dist):
            return t.name in self.made or any(self._tabled(v) for v in t.over + t.given)
        if isinstance(t, Sym):
            return self._tabled(t.name) or t.name in self.supports | self.sizes
        return any(self._tabled(v) for v in t.binds)

    def _mentions(self, t):
        return any(self._touches(u) for u in nodes(t))

    def _put(self, t, memo):
        if t in memo:
            return memo[t]
        out = self._rewrite(t, memo)
        memo[t] = out
        return out

    def _rewrite(self, t, memo):
        if isinstance(t, (Op, Defined)) and self._mentions(
                registry.meaning(t) if isinstance(t, Op) else t.body):
            return self._put(registry.meaning(t) if isinstance(t, Op) else t.body, memo)
        if isinstance(t, (Sum, Product)) and self._mentions(t.body) and \
                _small(t.lower, t.upper):
            first, last = int(t.lower.value), int(t.upper.value)
            return self._written_out(t, tuple(Fraction(k) for k in range(first, last + 1)),
                                     memo)
        if isinstance(t, Integral) and self._tabled(t.var) and t.lower is None and \
                t.upper is None:
            return self._written_out(t, self.ranges_of(t.var), memo)
        if isinstance(t, Expect) and isinstance(t.dist, Dist) and t.dist.name in self.made \
                and len(t.dist.over) == 1 and not t.dist.given and not t.dist.params:
            weighted = Mul(Dens(t.dist, (Sym(t.var),)), t.body)
            return self._written_out(Sum(t.var, weighted), self.ranges_of(t.dist.over[0]),
                                     memo)
        children = [self._put(c, memo) for c in t.children]
        out = t.rebuild(children) if children else t
        if isinstance(out, Dens) and isinstance(out.dist, Dist) and out.dist.name in self.made:
            return self._mass(out)
        return out

    def ranges_of(self, name):
        """The values of the tabled variable `name` ranges like."""
        variable = name.variable
        if variable in self.ranges:
            return self.ranges[variable]
        support = getattr(self.context.info(variable), "support", None)
        return next(values for v, values in self.ranges.items()
                    if getattr(self.context.info(v), "support", None) is support)

    def _written_out(self, t, values, memo):
        """A sum, integral (over a discrete variable: a sum) or product over `values`."""
        terms = [self._put(substitute(t.body, {t.var: Num(v)}), memo) for v in values]
        join = Mul if isinstance(t, Product) else Add
        out = terms[0]
        for term in terms[1:]:
            out = join(out, term)
        return out

    def _mass(self, dens):
        """The tabled law's mass at a point (marginal, conditional), or `dens` as it is when
        a value is not a number of the table (the final check refuses it then)."""
        dist, table = dens.dist, self.made[dens.dist.name]
        values = list(dens.at) + list(dist.cond)
        names = list(dist.over) + list(dist.given)
        if len(values) != len(names) or not all(isinstance(v, Num) for v in values) or \
                dist.params or any(v.variable not in table.over for v in names):
            return dens
        fixed = {v.variable: x.value for v, x in zip(names, values)}
        if any(fixed[v] not in self.ranges[v] for v in fixed):
            return dens
        below = table.mass({v.variable: fixed[v.variable] for v in dist.given})
        return Num(table.mass(fixed) / below)


def _small(lower, upper):
    """Whether bounds are whole numbers spanning at most `_LARGEST` terms."""
    return isinstance(lower, Num) and isinstance(upper, Num) and \
        lower.value.denominator == 1 and upper.value.denominator == 1 and \
        0 <= upper.value - lower.value < _LARGEST

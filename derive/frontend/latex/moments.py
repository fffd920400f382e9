"""Moments of polynomials in random variables known only by their moments (mixed into `Reader`).

After `% derive: random W_i, X_i for i = 1..n, iid` (`directives._lawless_families`) the
members W_1, …, W_n, X_1, …, X_n are mutually independent, the members of one family
identically distributed, and no law is written. Each family has a hidden abstract law
(`p_{\\xi_{W}}` over `\\xi_{W}`), so every moment below is a moment of a real law, and the numeric
engine, drawing that law as a table, only ever shows real joint laws as counterexamples.

`\\mathbb{E}[…]`, `Var(…)`, `Cov(…, …)` of a polynomial in members is read as:

* linearity, through sums whose bounds write no member (`\\sum_{i=1}^{n}`), constant factors
  and powers with whole exponents (`(\\sum_i W_i X_i)^2` is `\\sum_i \\sum_j W_i X_i W_j X_j`);
* for each product of members, the indices of members are sorted into classes of equal
  value: members at one index of one family are one random variable, members of different
  families or at different indices are independent, so E[∏] = ∏ over the classes of
  E[W^k] — the k-th moment of the family's law, the same at every index (identically
  distributed). Indices bound by sums over one range split into every pattern of equal and
  distinct values, each counted (`\\sum_i\\sum_j E[W_iW_j] = n E[W^2] + n(n - 1) E[W]^2`);
  free indices that may be equal or not give every pattern with its Kronecker-delta
  indicator (`E[W_iW_j] = δ_{ij} E[W^2] + (1 − δ_{ij}) E[W]^2`); `\\sum_{i<j}` makes its
  two letters known distinct;
* Var(Y) = E[Y^2] − E[Y]^2 and Cov(Y, Z) = E[YZ] − E[Y]E[Z].

With `% derive: assume \\mathbb{E}[W_i] = c` (c free of random variables) the family's law
is the hidden law shifted to mean c: a member is ξ − E[ξ] + c, whose moments are those of a
real law with mean c — never a moment vector no law has.

Refused at the moment: anything else in members (`e^{W_i}`, `1/X_i`, `|W_i|`, a
non-whole power), indices derive cannot sort (a bound index beside a free one, sums over
different ranges, an index that is no letter or number), a sum
whose coefficient depends on an index that a member is taken at, a subscript or a bar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from derive.model.derivation import Relation
from derive.notation.members import kronecker
from derive.model.names import IndependentCopies, UnknownLaw
from derive.model.terms import (
    ONE, Add, Call, Defined, Expect, Mul, Num, Pow, Sum, Sym, free_names, neg, nodes, substitute,
)

MAX_INDICES = 4            # bound indices in one product: Bell(4) = 15 patterns at most
MAX_FREE = 6               # free indices in one product, letters among them (Bell(6) = 203)
MAX_MONOMIALS = 4096       # terms of an expanded argument


@dataclass(frozen=True)
class Monomial:
    """coefficient · ∏ members^power, summed over `sums` ((index, lower, upper), outermost
    first): one term of the expansion of a moment's argument."""

    coefficient: object
    members: tuple = ()        # (member Call, whole power ≥ 1)
    sums: tuple = ()


def _partitions(items):
    """Every partition of the list `items` into blocks (lists)."""
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for smaller in _partitions(rest):
        for at in range(len(smaller)):
            yield smaller[:at] + [[first] + smaller[at]] + smaller[at + 1:]
        yield [[first]] + smaller


class Moments:
    """Moments of polynomials in families known only by their moments; mixed into `Reader`."""

    distinct_indices = frozenset()   # pairs of bound index Names known distinct (`\\sum_{i<j}`)
    pairs_averaged = frozenset()     # such pairs a moment relied on (`_distinct`)
    member_indices = frozenset()     # (index name, family) of members averaged (`lawless_moment`)
    variances_read = ()              # (value, family Name) of each Var(W_i) of one member read

    def ordered_pairs(self, piece, kind, nodes, rest):
        """`\\sum_{i<j} f` (no `^{…}`): the sum over the pairs i < j of the declared range
        of the families it sums (`_family_span` of i or j, one range), Σ_j Σ_{i=L}^{j-1} f;
        inside f, i and j are known distinct (a product of members at i and at j is one of
        independent variables). Refused for a product, with bounds, or with no declared
        range."""
        from derive.frontend.latex.reader import LOCAL_INDEX
        first, _, second = nodes[0].children
        keys = [self._index_key(first), self._index_key(second)]
        if kind is not Sum or len(nodes) > 1 or piece.sup is not None:
            raise self.error("derive reads \\sum_{i<j} (the pairs of a declared range) "
                             "alone: no bounds, no product, one subscript", nodes[0])
        indices = [self.fresh(k, declaration=LOCAL_INDEX) for k in keys]
        self.weighing.update(indices)
        pair = frozenset(indices)
        saved, self.distinct_indices = self.distinct_indices, self.distinct_indices | {pair}
        try:
            with self.bindings_as(keys, indices):
                body = self.product(rest)
        finally:
            self.distinct_indices = saved
        if pair not in self.pairs_averaged or self._written_outside(keys[1], piece, rest):
            raise self.error("derive reads \\sum_{i<j} only as the sum over pairs of members "
                             "of random variables known only by their moments, averaged "
                             "together (Cov(W_iX_i, W_jX_j)); a sum over i < a fixed j is "
                             "\\sum_{i=1}^{j-1}", nodes[0])
        spans = {(s.lower, s.upper) for s in (self._family_span(piece, k, i, body)
                                              for k, i in zip(keys, indices)) if s is not None}
        if len(spans) != 1:
            raise self.error("derive reads \\sum_{i<j} over the declared range of the "
                             "families it sums (% derive: random W_i for i = 1..n, iid)"
                             + ("; here they are declared over different ranges" if spans
                                else "; here none is declared"), nodes[0])
        ((lower, upper),) = spans
        inner = Sum(indices[0], body, lower, Add(Sym(indices[1]), Num(-1)))
        return Sum(indices[1], inner, lower, upper)

    def _written_outside(self, letter, piece, rest):
        """Whether the row writes `letter` outside the sum `piece` (up to the end of `rest`,
        its term) — `(j - 1)\\mathbb{E}[X]^2 = \\sum_{i<j} …` would be a sum over i < that
        j — or the sum's extent is not known."""
        ends = [getattr(getattr(item, "node", None), "meta", None) for item in rest]
        node = getattr(piece, "node", None)
        if not ends or any(m is None or m.empty for m in ends) or node is None or \
                node.meta.empty:
            return True
        start, end = node.meta.start_pos, max(m.end_pos for m in ends)
        outside = self.row_text[:start] + " " + self.row_text[end:]
        return re.search(r"(?<![A-Za-z\\])" + re.escape(letter) + r"(?![A-Za-z])",
                         outside) is not None

    def lawless_moment(self, kind, values, node):
        """E, Var or Cov (`kind`) of the read arguments `values`, which write members of
        families known only by their moments. Each name their members' indices write is
        kept with the member's family in `member_indices` (a mean assumed at W_i must not
        mention i; `\\sum_{j \\ne i} \\mathbb{E}[X_i X_j]` runs over X's range)."""
        self.member_indices = self.member_indices | {
            (n, self.lawless_family(t)) for value in values for t in nodes(value)
            if isinstance(t, Call) and self.lawless_family(t) is not None
            for argument in t.arguments for n in free_names(argument)}
        if kind == "E":
            return self._polynomial_mean(values[0], node)
        first, second = (values[0], values[0]) if kind == "Var" else values
        both = self._polynomial_mean(Mul(first, second), node)
        value = Add(both, neg(Mul(self._polynomial_mean(first, node),
                                  self._polynomial_mean(second, node))))
        if kind == "Var" and self.lawless_family(values[0]) is not None:
            family = values[0].function if isinstance(values[0], Call) else values[0].name
            self.variances_read = self.variances_read + ((value, family),)
        return value

    def row_indices(self, p):
        """`w_{ij}`, `w_{i,j}`, `w_{i1}` of a family declared as one row (`random w_{ij} …
        for j = 1..n, iid`, `IndependentCopies.row` i): the one index of the member, [j] —
        w_{ij} and w_{ik} are two members, independent. None for another family. Refused at
        `p`: one index, or another first index (`w_{ji}`, `w_{kj}`, `w_{1j}`: a row or column
        the directive declares nothing of), and the fixed letter bound where it stands
        (`\\sum_i w_{ij}`, a definition's parameter: rows other than the declared one)."""
        from derive.frontend.latex.pieces import is_token, is_tree, single, subitems
        found = self.scope.lookup(p.base + "_{\\cdot}")
        family = found[1].info if found is not None else None
        if not isinstance(family, IndependentCopies) or family.row is None:
            return None
        items = subitems(p.sub)
        if len(items) == 1 and is_tree(single(items[0]), "run"):
            items = single(items[0]).children
        row, first = family.row, _letter(items[0]) if items else None
        if len(items) != 2 or not is_token(first, "LETTER") or first.value != row:
            raise self.error(f"{p.key}: {p.base} is declared as the row {row} of a family with "
                             f"two indices ({p.base}_{{{row}{family.index}}} for "
                             f"{family.text}); derive reads only its members "
                             f"{p.base}_{{{row}k}} — no other row or column is declared",
                             p.node)
        if self.bound_name(row) is not None:
            problem = self.error(f"{p.key}: {row} is bound here, but {p.base} is declared for the "
                             f"one fixed row {row} only (rows apart are not declared "
                             f"independent or alike)", p.node)
            problem.captured = row      # `o_i = …` at the file's i: read as one name there
            raise problem
        return [self._index(items[1], p)]

    def of_row(self, piece, letter):
        """Whether the spelling `piece` (`w_{ij}`) names a family known only by its moments
        declared for the one row `letter` (`random w_{ij} … for j = 1..n, iid`)."""
        found = self.scope.lookup(piece.base + "_{\\cdot}") if piece.sub is not None else None
        family = found[1].info if found is not None else None
        return isinstance(family, IndependentCopies) and family.row == letter

    def lawless_family(self, term):
        """The `IndependentCopies` of a member of a family known only by its moments."""
        family = self._copy_family(term)
        return family if family is not None and family.group else None

    def read_mean_assumption(self, text, start):
        """`read_assumption` of a directive's fact, with the names the indices of the
        members it averages write (`E[W_i] = i`: {i}), for `mean_at_its_index`, and the
        variances of one member it reads (`variances_read`, for `assumed_variance`)."""
        saved = self.member_indices, self.variances_read
        self.member_indices, self.variances_read = frozenset(), ()
        try:
            return self.read_assumption(text, start), self.member_indices, self.variances_read
        finally:
            self.member_indices, self.variances_read = saved

    @staticmethod
    def assumed_variance(hypothesis, variances):
        """(family Name, v) when `hypothesis` is `Var(W_i) = v` (either side; `variances`
        from `read_mean_assumption`), v free of moments, else None."""
        if hypothesis.relation is not Relation.EQ:
            return None
        for side, other in ((hypothesis.lhs, hypothesis.rhs), (hypothesis.rhs, hypothesis.lhs)):
            for value, family in variances:
                if side == value and not any(isinstance(t, Expect) for t in nodes(other)):
                    return family, other
        return None

    @staticmethod
    def mean_at_its_index(mean, indices):
        """The name of `mean` (assumed for a family identically distributed) that the
        averaged member's index writes (`\\mathbb{E}[W_j] = j`, `= c_j`; `indices` from
        `read_mean_assumption`), else None: every member has one mean, so a mean that moves
        with the index contradicts the declaration."""
        written = {n for n, _ in indices}
        return next((n for n in free_names(mean) if n in written), None)

    def averaged_spans(self, index):
        """The families of the members averaged so far at the bound `index` (`\\sum_{j \\ne
        i} \\mathbb{E}[X_i X_j]`: X's range, which the moment's value no longer shows)."""
        return [family for n, family in self.member_indices if n == index]

    def assumed_mean(self, hypothesis):
        """(family Name, its `IndependentCopies`, c) when `hypothesis` is `\\mathbb{E}[W_i] =
        c` (read as the mean of the hidden law of a family known only by its moments, c free
        of random variables; either side), else None."""
        if hypothesis.relation is not Relation.EQ:
            return None
        for side, other in ((hypothesis.lhs, hypothesis.rhs), (hypothesis.rhs, hypothesis.lhs)):
            side = _bare(side)
            if not isinstance(side, Expect) or side.body != Sym(side.var) or \
                    any(isinstance(t, Expect) or self._copy_family(t) is not None
                        for t in nodes(other)):
                continue
            for name, declaration in self.scope.context.table.items():
                family = declaration.info
                if isinstance(family, (IndependentCopies, UnknownLaw)) and family.group and \
                        side.dist.name == family.density:
                    return name, family, other
        return None

    def unknown_laws_in(self, hypothesis):
        """The hidden laws of random variables known only by their moments that
        `hypothesis` averages under (a moment of W, read)."""
        hidden = {info.density for info in
                  (d.info for d in self.scope.context.table.values())
                  if isinstance(info, (IndependentCopies, UnknownLaw)) and info.group}
        return {t.dist.name for side in (hypothesis.lhs, hypothesis.rhs) for t in nodes(side)
                if isinstance(t, Expect) and t.dist.name in hidden}

    # ---------------------------------------------------------------- the expansion
    def _polynomial_mean(self, value, node):
        """E[value] of a polynomial in members: Σ over its monomials."""
        return _bare(Add(*(self._monomial_mean(m, node) for m in self._expanded(value, node))))

    def _expanded(self, value, node):
        """The monomials of `value` (`Monomial`), refused at `node` when it is no polynomial
        in the members."""
        if not any(self.lawless_family(t) is not None for t in nodes(value)):
            return [Monomial(value)]
        if self.lawless_family(value) is not None:
            return [Monomial(ONE, ((value, 1),))]
        if seen_through(value):
            return self._expanded(value.body, node)
        if isinstance(value, Add):
            return [m for c in value.children for m in self._expanded(c, node)]
        if isinstance(value, Mul):           # Y·Y of Var(Y): each factor its own indices
            return self._product_of([self._expanded(c, node) for c in value.children], node)
        if isinstance(value, Pow) and isinstance(value.exponent, Num) and \
                value.exponent.value.denominator == 1 and value.exponent.value >= 1:
            base = self._expanded(value.base, node)
            return self._product_of([base] * int(value.exponent.value), node)
        if type(value) is Sum and value.lower is not None and value.upper is not None and \
                not any(self.lawless_family(t) is not None
                        for bound in (value.lower, value.upper) for t in nodes(bound)):
            over = (value.var, value.lower, value.upper)
            return [replace(m, sums=(over,) + m.sums) for m in self._expanded(value.body, node)]
        raise self.error("derive reads moments of random variables known only by their "
                         "moments for polynomials in them only (sums, products, whole "
                         "powers): not of a function of them such as e^{W}, 1/W or |W|", node)

    def _product_of(self, factors, node):
        """The monomials of the product of the factors' expansions, each factor's sums with
        indices of their own; refused at `node` beyond `MAX_MONOMIALS` terms."""
        out = [Monomial(ONE)]
        for monomials in factors:
            if len(out) * len(monomials) > MAX_MONOMIALS:
                raise self.error(f"this moment's argument expands to more than {MAX_MONOMIALS} "
                                 "products of random variables known only by their moments: "
                                 "derive does not average it", node)
            out = [_times(a, self._renamed(b)) for a in out for b in monomials]
        return out

    def _renamed(self, monomial):
        """`monomial` with fresh names for its sums' indices (a power's second factor)."""
        mapping = {index: Sym(self.fresh(index.latex, origin=index.origin,
                                         declaration=index.local))
                   for index, _, _ in monomial.sums}
        if not mapping:
            return monomial
        return Monomial(substitute(monomial.coefficient, mapping),
                        tuple((substitute(m, mapping), k) for m, k in monomial.members),
                        tuple((mapping[i].name, substitute(lo, mapping), substitute(up, mapping))
                              for i, lo, up in monomial.sums))

    # ---------------------------------------------------------------- one monomial
    def _monomial_mean(self, monomial, node):
        """E of one monomial: its member-bound sums split into patterns of equal indices,
        each counted; its other sums kept around the coefficient."""
        if not monomial.members:
            return _summed(monomial.coefficient, monomial.sums)
        taken = {t for member, _ in monomial.members if isinstance(member, Call)
                 for t in member.arguments}
        bound = [s for s in monomial.sums if Sym(s[0]) in taken]
        others = tuple(s for s in monomial.sums if s not in bound)
        self._indices_comparable(monomial, bound, taken, node)
        if not bound:
            mean = self._free_indices_mean(monomial.members, sorted(
                taken, key=lambda t: (isinstance(t, Sym), str(t.args[0]))), node)
            return _summed(mean if monomial.coefficient is ONE else
                           Mul(monomial.coefficient, mean), others)
        _, lower, upper = bound[0]
        count = self._terms_in_range(lower, upper, node)
        total = []
        for blocks in _partitions([index for index, _, _ in bound]):
            mapping = {i: Sym(block[0]) for block in blocks for i in block}
            members = tuple((substitute(m, mapping), k) for m, k in monomial.members)
            ways = Mul(*(Add(count, Num(-t)) for t in range(len(blocks))))
            total.append(Mul(ways, self._product_mean(members, node)))
        return _summed(Mul(monomial.coefficient, Add(*total)), others)

    def _terms_in_range(self, lower, upper, node):
        """U − L + 1, the number of indices of a sum's range, refused at `node` unless the
        normal form shows it ≥ 0: the patterns' counts n(n − 1)… hold only then (a range
        with U < L − 1 is empty, its sum 0, not a count below 0)."""
        from derive.engines import normal_form
        count = Add(upper, neg(lower), ONE)
        n = normal_form.Normaliser(self.scope.context)
        try:
            sign = n.sign(n.value(count))
        except (normal_form.Unsupported, normal_form.Undefined):
            sign = None
        if sign not in (normal_form.POS, normal_form.NONNEG):
            raise self.error("derive cannot show this sum's range has U - L + 1 ≥ 0 terms "
                             "(declare its end natural, or write it from 1): the moment of "
                             "a product of its members counts patterns of equal indices", node)
        return count

    def _indices_comparable(self, monomial, bound, taken, node):
        """Refuse at `node` a monomial whose members' indices derive cannot sort into equal
        and distinct: an index that is no letter or number, bound indices over different
        ranges or beside free ones, a coefficient or a range that
        depends on a bound index a member is taken at, too many bound indices."""
        names = {s[0] for s in bound}
        free = {t for t in taken if not (isinstance(t, Sym) and t.name in names)}
        why = None
        if any(len(member.arguments) != 1 for member, _ in monomial.members
               if isinstance(member, Call)) or \
                any(not isinstance(t, (Sym, Num)) for t in taken):
            why = "an index that is no letter or whole number"
        elif len({(lo, up) for _, lo, up in bound}) > 1:
            why = "sums over different ranges"
        elif bound and free:
            why = "a summed index beside an index that may equal it"
        elif names & (free_names(monomial.coefficient) |
                      {n for _, lo, up in monomial.sums for n in free_names(lo) | free_names(up)}):
            why = "a coefficient or a range that depends on a member's index"
        elif len(bound) > MAX_INDICES:
            why = f"more than {MAX_INDICES} sums"
        if why is not None:
            raise self.error(f"derive cannot average this product of random variables known "
                             f"only by their moments ({why}): it needs to know which members "
                             f"are one variable and which are independent", node)

    def _free_indices_mean(self, members, indices, node):
        """E[∏ members^k] for members at free indices (`indices`: letters and whole numbers)
        that may be equal or not: Σ over the patterns of equal indices of the indicator of
        the pattern — Kronecker deltas, δ_{ij} within a class and 1 − δ_{ij} between two —
        times the mean under it (`E[X_iX_j] = δ_{ij}E[X^2] + (1 − δ_{ij})E[X]^2`), exact at
        every value of the letters. Patterns joining two numbers, or two letters known
        distinct (`\\sum_{i<j}`), have indicator 0 and are left out."""
        if all(isinstance(t, Num) for t in indices):      # distinct numbers: one pattern
            return self._product_mean(members, node)
        if len(indices) > MAX_FREE:
            raise self.error(f"derive averages products of members at {MAX_FREE} different "
                             "indices at most, when letters are among them", node)
        total = []
        for blocks in _partitions(list(indices)):
            if any(self._distinct(a, b) for block in blocks
                   for at, a in enumerate(block) for b in block[at + 1:]):
                continue
            heads = [block[0] for block in blocks]
            equal = [kronecker(block[0], t) for block in blocks for t in block[1:]]
            apart = [Add(ONE, neg(kronecker(a, b))) for at, a in enumerate(heads)
                     for b in heads[at + 1:] if not self._distinct(a, b)]
            pattern = tuple((_at_indices(m, blocks), k) for m, k in members)
            total.append(_bare(Mul(*equal, *apart, self._product_mean(pattern, node))))
        return _bare(Add(*total))

    def _distinct(self, a, b):
        """Whether the indices a, b (Sym or Num) are known distinct: two different numbers,
        or two letters of one `\\sum_{i<j}`."""
        if isinstance(a, Num) and isinstance(b, Num):
            return a != b
        pair = frozenset((a.name, b.name)) if isinstance(a, Sym) and isinstance(b, Sym) else None
        if pair in self.distinct_indices:
            self.pairs_averaged = self.pairs_averaged | {pair}
            return True
        return False

    def _product_mean(self, members, node):
        """E[∏ members^k] for members whose indices are equal exactly when they are the same
        term: ∏ over (family, index) of the family's moment of the summed power (refused
        at `node` where `_power_moment` is)."""
        powers = {}
        for member, k in members:
            powers[member] = powers.get(member, 0) + k
        return _bare(Mul(*(self._power_moment(member, k, node)
                           for member, k in powers.items())))

    def _power_moment(self, member, power, node):
        """E[W^k] of a member: the k-th moment of its family's law (shifted to the assumed
        mean, when one is). Of a family whose variance v is assumed, E[W^2] = v + E[W]^2;
        its higher moments (`E[W^3]`) are refused at `node` — no law is written that has them
        beside v."""
        variance = self._copy_family(member).variance
        if variance is None or power == 1:
            return self._at_one_copy("E", member,
                                     member if power == 1 else Pow(member, Num(power)))
        if power > 2:
            raise self.error("derive reads moments of order 1 and 2 only of a random "
                             "variable whose variance is assumed (its law is known by its mean "
                             "and variance): not E[W^3], E[W^4], … (products of several "
                             "members are fine)", node)
        mean = self._at_one_copy("E", member, member)
        return Add(variance, Pow(mean, Num(2)))

    def copy_value(self, family, bound):
        """The value of a member of `family` drawn as `bound` (a fresh name of its law's
        variable): ξ itself, or ξ − E[ξ] + c for a family with assumed mean c."""
        if family.mean is None:
            return Sym(bound)
        return Add(Sym(bound), neg(self._copy_moment("E", replace(family, mean=None))),
                   family.mean)


def _bare(term):
    """`term` without the wrappers a product of one factor leaves (1 · t, a one-term sum).
    A 1 is dropped from a product only: in a sum it is a term (E[1 + W] is 1 + E[W])."""
    while isinstance(term, (Add, Mul)):
        kept = [c for c in term.children if not (c is ONE and isinstance(term, Mul))]
        if len(kept) != 1:
            return term
        term = kept[0]
    return term


def _at_indices(member, blocks):
    """`member` with its index put as the first of its class (a number, where the class
    has one: the indices are sorted numbers first)."""
    if not isinstance(member, Call):
        return member
    (index,) = member.arguments
    head = next(block[0] for block in blocks if index in block)
    return Call(member.function, head)


def _times(a, b):
    """The product of two monomials (their sums' indices distinct)."""
    coefficient = b.coefficient if a.coefficient is ONE else \
        a.coefficient if b.coefficient is ONE else Mul(a.coefficient, b.coefficient)
    return Monomial(coefficient, a.members + b.members, a.sums + b.sums)


def _summed(term, sums):
    """`term` summed over `sums`, outermost first."""
    for index, lower, upper in reversed(sums):
        term = Sum(index, term, lower, upper)
    return term


def seen_through(value) -> bool:
    """Whether `value` is a definition used at numbers only — a plain name (`define S =
    …`) or a member at a number (`m_2` of a recurrence, unrolled) —, whose body is what it
    means there and is averaged in its place."""
    return isinstance(value, Defined) and all(isinstance(a, Num) for a in value.arguments)


def _letter(node):
    """The LETTER token an index item is, bare of its groups, else the item."""
    from derive.frontend.latex.pieces import one_item
    while True:
        bare = one_item(node)
        if bare is node:
            return node
        node = bare

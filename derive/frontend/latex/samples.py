"""Expectations and variances of independent copies (mixed into `Reader`).

After `% derive: random X_i with density p over x for i = 1..n, independent`, the members
X_1, …, X_n are independent random variables, each with law p. Outside an expectation a
member is its value (a real number, as a random variable's capital is). Inside
`\\mathbb{E}[…]`, `Var(…)` (no subscript, no bar) an argument that writes members is read
by the laws of independent copies — never as a constant of the expectation's own law:

* one member, at an index the argument does not bind (`Var(X_i)`, `E[X_1^2]`,
  `Var(2X_k + 1)`): a random variable with law p — the moment of the argument with the
  member put as the averaged x;
* several members, the argument affine in them (`\\frac{1}{n}\\sum_{i=1}^n X_i`, `X_1 - X_2`,
  the definition `\\bar{X}` of such a sum): E is linear — E[c + Σ a_t X_t] = c + Σ a_t E_p[x]
  — and the variance of independent members is the sum of theirs, each scaled by its
  coefficient squared: Var(c + Σ_{i=a}^{b} a_i X_i) = Σ_{i=a}^{b} a_i² Var_p(x); the mean of
  the square of such an argument is Var + mean² (`\\mathbb{E}[(\\bar{X} - \\mu)^2]`). For a
  variance the members must be distinct: one sum over the family's index, or members at
  distinct whole numbers (`X_1 + 2X_3`) — or one sum over the family's whole range beside
  distinct members, whose coefficients add up there (`X_i - \\bar{X}`,
  `_overlapping_variance`); a sum beside another member over part of the range, two sums,
  or members at letters that may be equal (`X_i + X_j`) are refused, as are a covariance, a
  product or a function of several members (`E[X_1 X_2]`, `Var(X_1^2 + X_2)`), a subscript
  or a bar (`\\mathbb{E}_p[X_1]`, `E[X_1 | X_2]`) and members beside another random variable.
* E is linear through sums (bounds free of members), constant factors and terms, down to
  those (`_copies_expectation`): `\\mathbb{E}[\\frac{1}{n}\\sum_{i=1}^n |X_i - \\bar{X}|^2]`.
* members of two families (`random X_i …`, `random Y_i …`): E stays linear, each member
  averaged by its own family's law; a variance (or a mean square) of members of both is
  refused — no directive declares the families independent of each other.
"""

from __future__ import annotations

from derive.frontend.latex.expectations import Averaging
from derive.frontend.latex.moments import seen_through as _seen_through
from derive.model.names import IndependentCopies, Kind, UnknownLaw
from derive.model.terms import (
    ONE, Add, Call, Defined, Dist, Expect, Fn, Mul, Num, Pow, Sum, Sym, free_names, nodes,
)
from derive.model.terms import replaced as _replaced

COPIES = "independent copies"       # the reading a directive switched on (`scope.readings`)


class Samples:
    """The moments of independent copies; mixed into `Reader`."""

    def copies_moment(self, piece, bracket, bodies):
        """The moment `piece` (E, Var, Cov) of `bodies` when they write members of a family
        of independent copies, else None (the ordinary reading goes on)."""
        if not self.scope.readings.get(COPIES):
            return None
        values = self._as_random(bodies)
        members = {t for v in values for t in nodes(v) if self._copy_family(t) is not None}
        if not members:
            return None
        node = bracket.node if bracket is not None else piece.node
        lawless = any(self.lawless_family(m) is not None for m in members)
        if piece.sub is not None:
            raise self.error("a member of a family of independent copies is averaged by its "
                             "own law: write the moment without a subscript (Var(X_i), "
                             "\\mathbb{E}[X_i])", piece.sub)
        if piece.kind == "Cov" and not lawless:
            raise self.error("derive does not read the covariance of independent copies yet",
                             node)
        if any(self.scope.context.kind(n) is Kind.VARIABLE for v in values
               for n in free_names(_averages_as_numbers(v, self.scope.context))):
            raise self.error("this argument writes members of independent copies beside "
                             "another random variable: their joint law is not declared", node)
        if lawless:
            self._one_group(members, node)
            return self.lawless_moment(piece.kind, values, node)
        (value,) = values
        free = [m for m in members if free_names(m) <= free_names(value)]
        if len(members) == 1 and free:
            (member,) = members
            return self._at_one_copy(piece.kind, member, value)
        if piece.kind == "E":
            return self._copies_expectation(value, node)
        const, parts = self._copies_affine(value, node)
        return self._copies_variance(parts, node)

    def _copies_expectation(self, value, node):
        """E[value] by linearity, which needs no joint law: through sums (a `\\sum` over
        bounds free of members), constant factors and terms, down to a function of one
        member (`_at_one_copy`), an affine combination (`_copies_mean`) or the square of
        one — `(A)^2`, `|A|^2` of a real A —, which is Var(A) + (E A)^2: the sample
        variance's `\\mathbb{E}[\\sum_{n=1}^N (X_n - \\bar{X})^2]`."""
        members = {t for t in nodes(value) if self._copy_family(t) is not None}
        if not members:
            return value
        if len(members) == 1 and free_names(next(iter(members))) <= free_names(value):
            return self._at_one_copy("E", next(iter(members)), value)   # not bound in value
        if isinstance(value, Add):
            return Add(*(self._copies_expectation(c, node) for c in value.children))
        if isinstance(value, Mul):
            written = [c for c in value.children
                       if any(self._copy_family(t) is not None for t in nodes(c))]
            if len(written) == 1:
                others = [c for c in value.children if c is not written[0]]
                return Mul(*others, self._copies_expectation(written[0], node))
        if type(value) is Sum and value.lower is not None and value.upper is not None:
            return Sum(value.var, self._copies_expectation(value.body, node), value.lower,
                       value.upper)
        if _seen_through(value):
            return self._copies_expectation(value.body, node)
        square = _squared(value)
        if square is not None:
            const, parts = self._copies_affine(square, node)
            return Add(self._copies_variance(parts, node),
                       Pow(self._copies_mean(const, parts), Num(2)))
        const, parts = self._copies_affine(value, node)
        return self._copies_mean(const, parts)

    def _copies_mean(self, const, parts):
        """E[c + Σ a_t X_t] = c + Σ a_t E_{p_t}[x] (linearity, which needs no joint law):
        each member averaged by its own family's law."""
        means = {}
        for _, member, _ in parts:
            family = self._copy_family(member)
            if family not in means:
                means[family] = self._copy_moment("E", family)
        return Add(const, *(self._summed(Mul(coef, means[self._copy_family(member)]), over)
                            for coef, member, over in parts))

    def _copies_variance(self, parts, node):
        """Var(c + Σ a_t X_t) = Σ a_t² Var_p(x) for distinct members (independence); with
        one sum over the family's whole declared range beside members (`X_n - \\bar{X}`),
        `_overlapping_variance`."""
        overlapping = self._overlapping_variance(parts)
        if overlapping is not None:
            return overlapping
        if len(parts) > 1 and not all(
                over is None and isinstance(member.arguments[0], Num) for _, member, over in parts):
            raise self.error("derive cannot tell that these members of independent copies are "
                             "distinct (a sum beside another member, two sums, or indices "
                             "that may be equal): the variance of a sum is the sum of the "
                             "variances only for distinct members", node)
        if len({self._copy_family(member) for _, member, _ in parts}) > 1:
            raise self.error("this argument writes members of two families of independent "
                             "copies: each family's members are independent of each other, "
                             "but no directive says the families are independent of each "
                             "other, so their joint law is not declared", node)
        variance = self._copy_moment("Var", self._copy_family(parts[0][1]))
        return Add(*(self._summed(Mul(Pow(coef, Num(2)), variance), over)
                     for coef, _, over in parts))

    def _overlapping_variance(self, parts):
        """Var(c·Σ_{k=L}^{U} X_k + Σ_j a_j X_{e_j}) for one sum over the family's whole
        declared range L..U (c free of k) and distinct members beside it — one, or several
        at distinct numbers —, each in that range (every member is): the coefficient of X_k
        is c + a_j at k = e_j and c elsewhere, so by independence the variance is
        Var_p(x)·((U − L + 1)c² + 2c Σ_j a_j + Σ_j a_j²) (`X_n - \\frac{1}{N}\\sum_m X_m`:
        Var_p(x)(1 − 1/N)). None for any other combination."""
        summed = [p for p in parts if p[2] is not None]
        single = [p for p in parts if p[2] is None]
        if len(summed) != 1 or not single or len(single) > 1 and not all(
                isinstance(member.arguments[0], Num) for _, member, _ in single) or \
                len({self._copy_family(member) for _, member, _ in parts}) > 1:
            return None
        c, member, (index, lower, upper) = summed[0]
        family = self._copy_family(member)
        if index in free_names(c) or (lower, upper) != (family.lower, family.upper) or \
                len({m.arguments for _, m, _ in single}) != len(single):
            return None
        count = Add(upper, Mul(Num(-1), lower), ONE)
        a = [coef for coef, _, _ in single]
        variance = self._copy_moment("Var", family)
        return Mul(variance, Add(Mul(count, Pow(c, Num(2))), Mul(Num(2), c, Add(*a)),
                                 *(Pow(x, Num(2)) for x in a)))

    def _one_group(self, members, node):
        """Refuse at `node` members of families known only by their moments beside members
        of families declared in another directive: no directive says they are independent."""
        groups = {self._copy_family(m).group for m in members}
        if len(groups) > 1:
            raise self.error("this argument writes members of families declared in different "
                             "directives: no directive says they are independent of each "
                             "other (declare them together: random W_i, X_i for i = 1..n, "
                             "iid)", node)

    def no_copies_given(self, bracket):
        """Refuse a conditional moment (`E[X_1 | X_2]`) that writes members of independent
        copies: never read as constants of another law."""
        if self.scope.readings.get(COPIES) and any(
                self._copy_family(t) is not None for v in self._as_random(bracket.args)
                for t in nodes(v)):
            raise self.error("derive does not read conditional moments of independent copies",
                             bracket.node)

    def _as_random(self, bodies):
        self.random_depth += 1
        try:
            return [self.product(b) if isinstance(b, list) else self.term(b) for b in bodies]
        finally:
            self.random_depth -= 1

    def _copy_family(self, term):
        """The `IndependentCopies` of a member `X_i` (a Call of such a family), or the
        `UnknownLaw` of a random variable W known only by its moments (a Sym), else None."""
        if not isinstance(term, (Call, Sym)):
            return None
        declaration = self.scope.context.table.get(
            term.function if isinstance(term, Call) else term.name)
        info = declaration.info if declaration is not None else None
        return info if isinstance(info, (IndependentCopies, UnknownLaw)) else None

    def _copy_averaging(self, family):
        return Averaging((family.variable.latex,), (family.variable,),
                         Dist(family.density, (family.variable,)))

    def _at_one_copy(self, kind, member, value):
        """The moment of `value`, a function of the one member `member`: the member put as
        the averaged x of its law."""
        family = self._copy_family(member)
        bound = self.fresh(family.variable.latex, origin=family.variable)
        return self._moment(kind, self._copy_averaging(family), (bound,),
                            [_replaced(value, member, self.copy_value(family, bound))])

    def _copy_moment(self, kind, family):
        """E_p[x] or Var_p(x) of the family's law."""
        bound = self.fresh(family.variable.latex, origin=family.variable)
        return self._moment(kind, self._copy_averaging(family), (bound,),
                            [self.copy_value(family, bound)])

    @staticmethod
    def _summed(term, over):
        return term if over is None else Sum(over[0], term, over[1], over[2])

    def _copies_affine(self, term, node):
        """(constant, [(coefficient, member, None or (index, lower, upper))]) with `term` =
        constant + Σ coefficient · member (summed over the index where one is given);
        refused at `node` when `term` is no such sum."""
        if not any(self._copy_family(t) is not None for t in nodes(term)):
            return term, []
        if self._copy_family(term) is not None:
            return Num(0), [(ONE, term, None)]
        if isinstance(term, Defined):   # \bar{X}, \bar{X}_n of a family defined at each n
            return self._copies_affine(term.body, node)
        if isinstance(term, Add):
            consts, parts = [], {}
            for child in term.children:
                const, more = self._copies_affine(child, node)
                consts.append(const)
                for coef, member, over in more:
                    key = (member, over)
                    parts[key] = Add(parts[key], coef) if key in parts else coef
            return Add(*consts), [(coef, member, over) for (member, over), coef in parts.items()]
        if isinstance(term, Mul):
            written = [c for c in term.children
                       if any(self._copy_family(t) is not None for t in nodes(c))]
            if len(written) == 1:
                others = [c for c in term.children if c is not written[0]]
                const, parts = self._copies_affine(written[0], node)
                return Mul(const, *others), [(Mul(coef, *others), m, o) for coef, m, o in parts]
        if type(term) is Sum and term.lower is not None and term.upper is not None:
            const, parts = self._copies_affine(term.body, node)
            if len(parts) == 1 and parts[0][2] is None and \
                    parts[0][1].arguments == (Sym(term.var),) and \
                    term.var not in free_names(term.lower) | free_names(term.upper):
                coef, member, _ = parts[0]
                return Sum(term.var, const, term.lower, term.upper), \
                    [(coef, member, (term.var, term.lower, term.upper))]
        raise self.error("derive reads an average or a variance of several members of "
                         "independent copies only for a sum of multiples of them (affine: "
                         "\\frac{1}{n}\\sum_{i=1}^n X_i, X_1 - X_2)", node)


def _squared(value):
    """A when `value` is A^2 or |A|^2 (the modulus of a real, squared), else None."""
    if isinstance(value, Pow) and value.exponent == Num(2):
        base = value.base
        return base.operands[0] if isinstance(base, Fn) and base.fname == "abs" else base
    return None


def _averages_as_numbers(value, context):
    """`value` with each outermost expectation in it that is a number put as 1: one whose
    only free variables are those its law is over (`\\mathbb{E}[(W - \\mathbb{E}[W])^2]`:
    E[W] is W's mean, no random variable beside the members); a conditional one, or one
    of a variable it leaves free, stays."""
    def a_number(average):
        return all(n in average.dist.over for n in free_names(average)
                   if context.kind(n) is Kind.VARIABLE)
    if isinstance(value, Expect):
        return ONE if a_number(value) else value
    outermost = {c for t in nodes(value, skip=lambda u: isinstance(u, Expect))
                 for c in t.children if isinstance(c, Expect) and a_number(c)}
    for average in outermost:
        value = _replaced(value, average, ONE)
    return value

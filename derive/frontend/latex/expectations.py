"""How expectations, variances and covariances read (mixed into `Reader`).

What is averaged, and under which distribution, is said by the subscript, one documented
rule per form:

* `\\mathbb{E}_{x \\sim p}[f]`, `\\mathbb{E}_{p}[f]`, `\\mathbb{E}_{p(x)}[f]`,
  `\\mathbb{E}_{q_\\phi(z|x)}[f]`: over the distribution's variable(s), which are bound in
  the brackets; a letter before `\\sim` binds that letter. A conditional family written
  bare (`\\mathbb{E}_{h \\sim q}` with q over h given v) is taken at the values its
  conditioning variables have where the expectation stands.
* `\\mathbb{E}_{x}[f]`, `\\mathbb{E}_{x, y}[f]` (the random variables as subscript): over
  those variables, under the one declared distribution over them (a joint is marginalised).
* `\\mathbb{E}_{y \\mid x}[f]` (a bar in the subscript): over y, under the conditional of the
  one law over y, x given x, at x's value where it stands (`\\mathbb{E}_{y \\sim p(y \\mid x)}`).
* `y \\sim p` with p over another declared variable x is refused: p(y) is p's y-marginal.
* Several draws in one subscript (`\\mathbb{E}_{x \\sim p, y \\sim q}`, `x, y \\sim p`,
  `\\mathbb{E}_{p(x) q(y \\mid x)}`): draws.py.
* `E_p[f]`, `\\mathbb{E}_\\theta[f]` (a declared number, the statistician's E_θ): under the
  one declared law whose formula mentions θ or that depends on θ (`_law_at_parameter`);
  several: refused; none: the file's one abstract law, which then depends on θ
  (`_only_law_at`), else refused.
* No subscript: under the distribution named by `% derive: expectations under q`; else,
  when the file declares exactly one distribution, under it (over all its variables); else
  over the variables written in the argument, under the one distribution over them; and
  when the argument holds only undeclared capitals (`\\mathbb{E}[aX + b]`), they are random
  variables with an unspecified joint law. Without the directive, the law found must be
  over every declared variable the argument writes, and no declared conditional family may
  be over one of them (a joint p(x, z) beside an encoder q(z | x)): else refused, never
  averaged with a variable held constant (`_one_law_of_all`).
* `E` is the expectation when a declared distribution is its subscript (`E_p l(X)`, Cover
  & Thomas), after `% derive: expectation E`, or set upright and not declared
  (`\\mathrm{E}[…]`, `\\operatorname{E}`, `\\mathsf{E}`: the Book of Statistical Proofs).
* Without brackets an expectation takes the rest of its run: `\\mathbb{E}_p \\log q(x) + c`
  is `E_p[log q(x)] + c`. Round brackets followed by more factors that use an averaged
  letter (`E(X - EX)(Y - EY)`) are refused: the first bracket, or the whole product?
* `\\mathrm{E}(X)^2` of one random variable, no subscript, is (E X)² (the Book of Statistical
  Proofs); of an expression (`E(X - EX)^2`, Cover & Thomas's average of the square), or
  after a subscript (`\\mathbb{E}_{x \\sim p}(x)^2`, where a bracket-less `\\mathbb{E}_p x^2`
  is E[x²]), a power after round brackets is refused as ambiguous. `Cov(X, Y)^2` (two
  arguments, with or without a subscript) has one reading, the square of the covariance:
  a pair is never squared.
* A conditional expectation `\\mathbb{E}[g | X]` (also `| X, Z`, `| X = v`, `Var(Y | X)`,
  `Cov(Y, Z | X)`), no subscript, is a random variable: the moment of the whole argument
  under the conditional of the law `\\mathbb{E}[…]` is under (else the one law over the
  variables given and written) over its other variables, at X's value where it stands —
  the bound copy inside an outer expectation, the free x at top level, or v. The tower
  property and the law of total variance then follow in the normal form. After the bar,
  declared symbols (`\\mathbb{E}[\\theta \\mid y]`, y data) are read only when the law is a
  density whose formula is written with them: that law is the law given them The data
  named in words (`\\mathbb{E}[\\theta \\mid \\text{data}]`) are read so only when the formula
  is written with a declared whole number (a conjugate posterior's counts).
* `\\operatorname{Var}[f] = E[(f − E f)^2]`, `\\operatorname{Cov}[f, g] = E[(f − E f)(g − E g)]`
  (also `\\operatorname{var}`, `\\mathbb{V}`, `\\operatorname{cov}`), with the same subscripts.
  Inside them, and inside expectations, a bare declared function `f` is f at the averaged
  variable (Bishop's `var[f]`).
* `MSE(\\hat\\theta)` of an estimator is E[(\\hat\\theta − \\theta)^2] under the same law
  (estimators.py says when).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from derive.frontend.errors import InputError
from derive.frontend.latex import names as naming
from derive.frontend.latex.probability import BARS
from derive.frontend.latex.pieces import (
    BracketPiece, NamePiece, OpPiece, is_token, is_tree, one_item, single,
)
from derive.model.names import Declaration, DistributionInfo, Domain, Kind, Name
from derive.notation import families
from derive.notation.joint import in_order
from derive.model.terms import (
    Add, Dens, Dist, Expect, Family, Integral, Mul, Pow, Sym, TWO, free_names, neg,
    nodes, substitute,
)

VARIANCE = ("Var", "var", r"\mathbb{V}", r"\mathrm{Var}", r"\operatorname{Var}")
COVARIANCE = ("Cov", "cov")
IMPLICIT_LAW = r"\mathbb{P}"
LOCAL_REAL = Declaration(Kind.VARIABLE, Domain.REAL)    # a real variable of its own
ESTIMATES = ("MSE", "Bias")     # the moments of an estimator (estimators.py)
DATA = "data"              # after the bar: the data, named in words (`\\text{data}`)
_WORD_FONTS = frozenset({"text", "textrm", "textit", "mathrm", "mbox"})
_WORD = re.compile(r"[A-Za-z]{3,}( [A-Za-z]+)*")


@dataclass(frozen=True)
class Averaging:
    """What an expectation averages: the keys its brackets bind, the variables they range
    like, and the distribution (a `Dist` over exactly those variables)."""

    keys: tuple
    variables: tuple
    dist: object


class Expectations:
    """Expectations, variances, covariances; mixed into `Reader`."""

    averaged = ()             # bound variables of the enclosing expectations, innermost last
    moments_open = 0          # expectations, variances, covariances being read around here
    scouting = False          # an argument read only for the variables it writes

    def expect_kind(self, base, sub, upright=False):
        """"E", "Var" or "Cov" when a name (with its subscript) is one of them, else None.
        `upright`: the name is set in an upright font (`\\mathrm{E}`, `\\operatorname{E}`)."""
        if base == r"\mathbb{E}":
            return "E"
        if base == "E" and (self.scope.readings.get("E") or sub is not None and (
                _has_sim(sub) or self._names_distribution(sub) or self._names_parameter(sub) or
                self._names_variable(sub)) or upright and self.declared("E") is None):
            return "E"
        if base in VARIANCE:
            return "Var"
        if base in COVARIANCE:
            return "Cov"
        return None

    def law_superscript(self, kind, sub, sup, node):
        """The subscript an expectation, variance or covariance is read with, given the
        superscript on its operator. There a superscript labels the law (RL's
        `\\mathbb{E}^{\\pi}[…]`, finance's `\\mathbb{E}^{Q}`, `\\operatorname{Var}^{p}`) or
        an iterate (EM's `\\mathbb{E}^{(t)}`) — never a power of the value, which would
        put a density at a free point or an unknown exponent on the moment. A superscript
        naming one declared distribution, with no subscript beside it, is that law, read as
        the subscript `\\mathbb{E}_{p}` is; any other (a number, a label, beside a
        subscript) is refused at the operator."""
        if sup is None:
            return sub
        if sub is None and self._names_distribution(sup):
            return sup
        word = {"E": "expectation", "Var": "variance", "Cov": "covariance"}[kind]
        raise self.error(f"a superscript on the {word} is read only as the law it is under "
                         "(\\mathbb{E}^{p}[…] with p a declared distribution, no subscript "
                         "beside it) — never as a power nor an iterate label: write the law "
                         "as a subscript (\\mathbb{E}_{p}[…]) or the power after the brackets "
                         "((\\mathbb{E}[…])^2)", node)

    def _names_distribution(self, sub):
        found = self.declared(_key_of(self, sub) or "")
        return found is not None and found[1].kind is Kind.DISTRIBUTION

    def _names_variable(self, sub):
        """The subscript is a declared variable or its random variable (`E_S[…]` after
        `random S with density P_S over s`, `E_X`, `E_x`), as `\\mathbb{E}_{x}` reads it:
        a plain `E` so subscripted is the expectation over it, never an unknown E_S times
        the bracket."""
        key = _key_of(self, sub)
        if key is None or self.bound_name(key) is not None:
            return False
        found = self.declared(key)
        return found is not None and found[1].kind is Kind.VARIABLE or \
            key in self.scope.random_spellings or self.capital_variable(key) is not None

    def _names_parameter(self, sub):
        """The subscript is a declared number on which a declared law depends (the
        statistician's E_θ): a plain `E_p[X]` is then the expectation, never an unknown E_p
        times X nor a function E_p (`_law_at_parameter` reads it, or refuses a bound p)."""
        found = self.declared(_key_of(self, sub) or "")
        return found is not None and found[1].kind in (Kind.SYMBOL, Kind.PARAMETER) and any(
            d.kind is Kind.DISTRIBUTION and d.declared and found[0] in _law_names(d.info)
            for d in self.scope.table.values())

    # ------------------------------------------------------------------ reading
    def expectation(self, piece, rest):
        """(term, pieces used) for an expectation, a variance or a covariance; while its
        arguments are read `moments_open` counts it (a member of a sequence defined by its
        recurrence at a letter is refused there: `Reader._recurrence_member`)."""
        self.moments_open += 1
        try:
            value, used = self._expectation(piece, rest)
        finally:
            self.moments_open -= 1
        self.no_random_members(value, piece.node)
        self.no_loose_indicator(value)
        return value, used

    def _expectation(self, piece, rest):
        """`expectation`, the moment read."""
        bracket = rest[0] if rest and isinstance(rest[0], BracketPiece) and \
            rest[0].open in "[(" else None
        family = self._family_averaged(piece) if piece.kind == "E" else None
        if family is not None:
            return self._family_expectation(piece, bracket, rest, *family)
        if bracket is not None and piece.sub is None:
            try:
                label = self._label(piece.kind, bracket)
            except InputError:      # what no label spells (`\partial`): no head names it
                label = None
            if label in self.scope.heads:             # a form the file defined itself
                return self.head_value(label, bracket, piece.node), 2
        pair = piece.kind == "Cov" and bracket is not None and len(bracket.args) == 2 and \
            bracket.seps == [","]         # Cov(X, Y)^2: no pair is squared, the covariance is
        if bracket is not None and bracket.open == "(" and bracket.power is not None and \
                piece.sub is not None and not pair:
            kind = piece.kind + "_{…}"
            word = {"E": "average", "Var": "variance", "Cov": "covariance"}[piece.kind]
            raise self.error(f"{kind}(…)^k is ambiguous (the {word} of the power, or the power "
                             f"of the {word}?): write {kind}[(…)^k] or ({kind}[…])^k",
                             bracket.node)
        if bracket is not None and bracket.open == "(" and bracket.power is not None and \
                not pair and not (len(bracket.args) == 1 and
                                  self.variable_node(bracket.args[0]) is not None):
            raise self.error(f"{piece.kind}(…)^k of an expression is ambiguous (Cover & "
                             "Thomas's E(X - EX)^2 is the average of the square; E(X)^2 of one "
                             "random variable is (E X)^2): write E[(X - EX)^2] or "
                             "(E[X - EX])^2",
                             bracket.node)
        if bracket is not None and any(s in BARS for s in bracket.seps):
            self.no_copies_given(bracket)
            return self._raised(self._conditional(piece, bracket), bracket), 2
        if bracket is not None:
            wanted = 2 if piece.kind == "Cov" else 1
            if len(bracket.args) != wanted or any(s != "," for s in bracket.seps):
                raise self.error("a covariance takes two expressions in its brackets"
                                 if wanted == 2 else
                                 "an expectation takes one expression in its brackets",
                                 bracket.node)
            bodies, used = list(bracket.args), 2
        else:
            if piece.kind != "E":
                raise self.error("write the variance's argument in brackets: Var[X]", piece.node)
            if not rest:
                raise self.error("this expectation has nothing to average", piece.node)
            bodies, used = [rest], 1 + len(rest)
        estimate = piece.kind in ESTIMATES
        target = self.estimator_target(bracket) if estimate else None
        if estimate and target is None:      # mean_squared_errors checked it
            raise self.error(f"{piece.kind}(…) is read only of an estimator \\hat{{\\theta}} (a "
                             "random variable) of a declared real \\theta", piece.node)
        copies = self.copies_moment(piece, bracket, bodies) if target is None else None
        if copies is not None:
            return self._raised(copies, bracket), used
        groups = self.several_draws(piece.sub) if piece.sub is not None else None
        averaging = self.joint_draw(groups) if groups is not None else None
        if groups is not None and averaging is None:
            value = self.drawn_expectation(piece, groups, bodies[0])
            if bracket is not None and bracket.open == "(":
                self._factors_after(piece, rest[1:], (), _drawn_letters(self, groups))
            return self._raised(value, bracket), used
        if averaging is None:
            averaging = self._averaged(piece)
        if averaging is None:
            averaging = self._averaged_by_argument(piece, bodies)
        self._not_a_posterior(piece, averaging)
        bounds = tuple(self.fresh(k, origin=v) for k, v in zip(averaging.keys, averaging.variables))
        values = [self._read_averaged(b, averaging, bounds) for b in bodies]
        self._one_law_of_all(piece, averaging, bounds, values)
        value = self._moment(piece.kind, averaging, bounds, values) if target is None else \
            self.mse_moment(averaging, bounds, values, target, piece.kind)
        if bracket is not None and bracket.open == "(":
            self._factors_after(piece, rest[1:], averaging.variables,
                                set(averaging.keys) | {v.latex for v in averaging.variables})
        return self._raised(value, bracket), used

    def _factors_after(self, piece, after, variables, letters):
        """`\\mathbb{E}_{x \\sim p}(x - \\mu)(x - \\mu)`, Cover & Thomas's `E(X - EX)(Y - EY)`:
        round brackets after an expectation, then more factors of the product. Read as the
        moment of the first bracket times the rest, the letters it averages would be free in
        the rest; read as the moment of the whole product (as a bracket-less expectation
        is), they are bound. When the factors after the bracket write none of the averaged
        letters both readings agree (`\\mathrm{E}(X)\\,\\mathrm{E}(Y)`, `E(X)\\cdot 2`);
        otherwise the reading is a guess: refused."""
        while after and isinstance(after[0], OpPiece):
            after = after[1:]
        if not after:
            return
        at = {self.bound_point(v) or v for v in variables}
        free = sorted(t.name.latex for t in nodes(self.product(after)) if isinstance(t, Sym)
                      and (t.name in at or t.name.latex in letters and t.name.origin is None
                           and t.name.local is None))
        if free:
            kind = piece.kind
            raise self.error(f"{kind}(…) followed by more factors that use "
                             f"{free[0]} is ambiguous (the {kind} of the first bracket "
                             f"times the rest, or of the whole product?): write {kind}[(…)(…)] "
                             f"or ({kind}[…]) \\cdot (…)", piece.node)

    def _raised(self, value, bracket):
        """`value` to the power written after its brackets (`\\mathbb{E}[X]^2`); the
        operator itself carries none (`law_superscript`)."""
        if bracket is not None and bracket.power is not None:
            value = Pow(value, self.term(bracket.power))
        return value

    # ------------------------------------------------------------------ conditional
    def _policy_subscript(self, node):
        """Whether an expectation's subscript is the bare name of a declared conditional
        family (`\\mathbb{E}_\\pi` of `density \\pi over a given s`): a policy, under which
        a conditional expectation means one over a whole process (`_conditional`)."""
        try:
            name = naming.name_text(single(node) or node)
        except naming.NameError_:
            return False
        found = self.scope.lookup(name) if name is not None else None
        return found is not None and found[1].kind is Kind.DISTRIBUTION and \
            bool(getattr(found[1].info, "given", ()))

    def _conditional(self, piece, bracket):
        """`\\mathbb{E}[g | X]`, `\\operatorname{Var}(Y | X)`, `\\operatorname{Cov}(Y, Z | X)`,
        `\\mathbb{E}[Y | X = x]` (no subscript): the moment under the conditional of the law
        (as `\\mathbb{E}[…]` finds it) given the variables after the bar, over all its other
        variables, at the values the given ones have where it stands — a function of X (of
        the bound copy inside an outer expectation), or at the value written. In the
        argument, X is that value."""
        if piece.sub is not None and self._policy_subscript(piece.sub):
            raise self.error("an expectation under a conditional family with a bar "
                             "(\\mathbb{E}_\\pi[G_t \\mid S_t = s], π a law given s: a "
                             "policy) is not read: under a policy it averages over a whole "
                             "decision process (states, actions and rewards at each t, the "
                             "Markov property), which derive has no model of — write the "
                             "averages over the declared laws, \\sum_a \\pi(a \\mid s) "
                             "\\sum_r p(r \\mid s, a)\\, r, or \\mathbb{E}_{y \\sim "
                             "p(\\cdot \\mid x)}[…]", piece.sub)
        if piece.sub is not None:
            raise self.error("a conditional expectation E[Y | X] is read without a subscript "
                             "(under the law E[…] is under): write it so, or average under "
                             "the conditional density, \\mathbb{E}_{y \\sim p(y \\mid x)}[…]",
                             piece.sub)
        bar = next(k for k, s in enumerate(bracket.seps) if s in BARS)
        bodies, conditions = bracket.args[:bar + 1], bracket.args[bar + 1:]
        if len(bodies) != (2 if piece.kind == "Cov" else 1) or \
                any(s != "," for k, s in enumerate(bracket.seps) if k != bar):
            raise self.error("a conditional expectation reads E[Y | X], E[Y | X, Z] or "
                             "E[Y | X = x] (one bar; Cov(Y, Z | X) for a covariance)",
                             bracket.node)
        parameters = self._given_parameters(conditions)
        if parameters is not None:
            return self._under_law_given(piece, bodies, parameters, bracket.node)
        given = [self._condition(c) for c in conditions]
        variables = tuple(v for v, _ in given)
        if len(set(variables)) != len(variables):
            raise self.error("a variable is given twice", bracket.node)
        dist = self._conditioned_law(piece, bodies, variables, bracket.node)
        rest = tuple(v for v in dist.over if v not in variables)
        if not rest:
            raise self.error(f"every variable of {dist.name.latex} is given: nothing is left "
                             "to average", bracket.node)
        order, values = in_order(self.scope.context.info(dist.name), variables,
                                 [x for _, x in given])
        copies = tuple(self.fresh(v.latex, origin=v) for v in order)
        averaging = Averaging(tuple(v.latex for v in rest), rest, Dist(
            dist.name, rest, order, tuple(Sym(c) for c in copies), dist.params))
        bounds = tuple(self.fresh(k, origin=v) for k, v in zip(averaging.keys, rest))
        with self.bindings_as(tuple(v.latex for v in order), copies):
            read = [self._read_averaged(b, averaging, bounds) for b in bodies]
        self._one_law_of_all(piece, averaging, bounds, read)
        value = self._moment(piece.kind, averaging, bounds, read)
        return substitute(value, dict(zip(copies, values)))

    def _given_parameters(self, conditions):
        """The declared symbols after the bar (`\\mathbb{E}[\\theta \\mid y]` with `integer
        y`: data, not a random variable of the file), `DATA` for the data named in words
        (`\\mathbb{E}[\\theta \\mid \\text{data}]`: one word in a text font, naming
        nothing of the file), or None when one of them is not one."""
        if len(conditions) == 1 and self._data_in_words(conditions[0]):
            return DATA
        names = []
        for node in conditions:
            found = self.declared(self._spelled(node)) if not is_tree(node, "assignment") \
                else None
            if found is None or found[1].kind is not Kind.SYMBOL:
                return None
            if self.bound_name(self._spelled(node)) is not None:
                raise self.error(f"{found[0].latex} after the bar is bound here (a sum, "
                                 f"product, integral or a definition's parameter), but the law "
                                 f"E[…] is under is written with the file's {found[0].latex}: "
                                 f"write the moment out at the bound value", node)
            names.append(found[0])
        return names

    def _under_law_given(self, piece, bodies, parameters, node):
        """`\\mathbb{E}[\\theta \\mid y]` with y a declared symbol: the law `\\mathbb{E}[…]`
        is under (`expectations under p`, or the file's only law) is the law given y when its
        formula is written with y (`density p = \\mathrm{Beta}(a + y, b + n - y) over
        \\theta`, the posterior): the moment under it. Refused when no law is named, or
        its formula does not mention every symbol given (a prior, or an abstract density:
        nothing says it is conditioned on y)."""
        averaging = self._averaged(piece)
        formula = families.formula_of(averaging.dist, self.scope.context) \
            if averaging is not None else None
        written = set()
        if formula is not None:
            for _, _, value in formula.pieces:
                written |= free_names(value)
        if parameters is DATA:
            self._data_counted(written, node)
            parameters = ()
        shown = ", ".join(n.latex for n in parameters)
        missing = [n for n in parameters if n not in written]
        if formula is None or missing:
            law = (f"{averaging.dist.name.latex} is not" if averaging is not None and
                   isinstance(averaging.dist, Dist) else
                   "name that law: % derive: expectations under p")
            raise self.error(f"after the bar comes {shown}, a declared symbol (data), not a "
                             f"random variable: E[… | {shown}] is read as the average under "
                             f"the law E[…] is under only when that law is a density whose "
                             f"formula is written with {shown} (the law given it, as a "
                             f"posterior \\mathrm{{Beta}}(a + y, b + n - y)) — {law}",
                             node)
        self.scope.given_laws.add(averaging.dist.name.latex)
        bounds = tuple(self.fresh(k, origin=v) for k, v in zip(averaging.keys, averaging.variables))
        values = [self._read_averaged(b, averaging, bounds) for b in bodies]
        return self._moment(piece.kind, averaging, bounds, values)

    def _data_in_words(self, node):
        """Whether what follows the bar is the data named in words: one word of letters in a
        text font (`\\text{data}`, `\\mathrm{observations}`), naming nothing of the file."""
        node = one_item(node)
        if not is_tree(node, "font") or node.children[0].value[1:] not in _WORD_FONTS:
            return False
        word = self._spelled(node)
        return bool(_WORD.fullmatch(word)) and self.scope.lookup(word) is None

    def _data_counted(self, written, node):
        """`E[θ | \\text{data}]`: the data are named only in words, so derive cannot check
        that the law is written with them as it does for declared symbols after the bar; it
        reads the law as the law given the data only when its formula is written with a
        declared whole number (the counts of a conjugate posterior, `\\mathrm{Beta}(\\alpha
        + k, \\beta + n - k)`) — a prior written with real hyperparameters alone is
        refused, never read as a posterior."""
        counts = [n for n in written if (found := self.declared(n.latex)) is not None and
                  found[0] is n and found[1].kind is Kind.SYMBOL and
                  found[1].domain.is_integer]
        if not counts:
            raise self.error("after the bar comes the data, named in words: E[… | "
                             "\\text{data}] is read as the average under the law E[…] is "
                             "under only when that law is a density whose formula is written "
                             "with declared whole numbers (the counts of the data, as in the "
                             "posterior \\mathrm{Beta}(a + k, b + n - k)); name the data by "
                             "declared symbols (E[\\theta \\mid k])", node)

    def _not_a_posterior(self, piece, averaging):
        """An unconditional moment without subscript under a law the file reads elsewhere
        as the law given data (`\\mathbb{E}[\\theta \\mid y]`, a posterior): without the
        bar it would be θ's marginal (the prior mean, by the tower property) — refused,
        never the posterior's moment under a second meaning of the same law. A .tex file
        knows every such law from its first pass (`ahead.Plan.posteriors`); a reading in
        one pass (YAML) knows those read above."""
        name = getattr(averaging.dist, "name", None)
        if piece.sub is None and name is not None and (
                name.latex in self.scope.posteriors or name.latex in self.scope.given_laws):
            raise self.error(f"{name.latex} is read in this file as the law given data "
                             f"(E[… | y], a posterior): without the bar, this moment would "
                             f"be the marginal one (E[\\theta] is the prior mean), not "
                             f"{name.latex}'s — write the bar, or declare the prior as a "
                             f"law of its own and average under it (\\mathbb{{E}}_{{\\theta "
                             f"\\sim \\pi}}[\\theta])", piece.node)

    def _condition(self, node):
        """(variable, value) of what follows the bar: `X`, `x` (at its value where the
        expectation stands), `X = v`."""
        if is_tree(node, "assignment"):
            left, rel, right = node.children
            variable = self.variable_node(left) if rel.value == "=" else None
            if variable is not None:
                return variable, self.event_value(right)
        else:
            variable = self.variable_node(node)
            if variable is not None:
                return variable, self.at_variable(variable)
        raise self.error("after the bar of a conditional expectation comes a random variable "
                         "(X, or a declared x) or its value (X = x)", node)

    def _conditioned_law(self, piece, bodies, variables, node):
        """The joint law a conditional expectation is under: the one `\\mathbb{E}[…]` is
        under, else the one declared law over the variables given and written."""
        averaging = self._averaged(piece)
        if averaging is None:
            written, _ = self._written_variables(bodies)
            law = self.law_over(tuple(dict.fromkeys(variables + written)), node)
            return Dist(law, self.scope.context.info(law).over)
        dist = averaging.dist
        if dist.given or not set(variables) <= set(dist.over):
            raise self.error(f"a conditional expectation is under a joint law of the variables "
                             f"given: {dist.name.latex} is not over "
                             f"{', '.join(v.latex for v in variables)}", node)
        return dist

    def _family_averaged(self, piece):
        """(key of the variable drawn or None, Family) when the subscript draws from a
        standard family written inline: `\\mathbb{E}_{\\mathcal{N}(z; \\mu, \\sigma^2)}`,
        `\\mathbb{E}_{z \\sim \\mathcal{N}(\\mu, \\sigma^2)}`; None otherwise."""
        if piece.sub is None:
            return None
        spec = single(piece.sub)
        items = spec.children if is_tree(spec, "subitems") else [spec]
        if any(is_token(t, "SEP") for t in items):
            return None
        exprs = [t for t in items if not is_token(t, "SIM")]
        if len(exprs) not in (1, 2):
            return None
        written = self._family_point(exprs[-1]) if len(exprs) == 1 else None
        law = self.placeholder_filled(exprs[0], exprs[1]) if len(exprs) == 2 else exprs[0]
        dist = self.distribution_argument(law, averaging=True)
        if not isinstance(dist, Family):
            return None
        if len(exprs) == 1:
            return written, dist
        var = self.piece(single(exprs[0]))
        if not isinstance(var, NamePiece) or var.power is not None or var.primes:
            raise self.error("expected the variable drawn, as in x \\sim p", exprs[0])
        return var.key, dist

    def _family_expectation(self, piece, bracket, rest, key, dist):
        """E over a family written inline: the bound variable is the one written (a copy of
        a declared variable, or a real variable of its own)."""
        if key is None:
            raise self.error("say which variable is drawn: \\mathbb{E}_{z \\sim "
                             "\\mathcal{N}(\\mu, \\sigma^2)}[…] or \\mathbb{E}_{\\mathcal{N}(z; "
                             "\\mu, \\sigma^2)}[…]", piece.node)
        if bracket is None or bracket.seps or len(bracket.args) != 1:
            raise self.error("an expectation over a family takes its expression in brackets",
                             piece.node)
        found = self.declared(key)
        if found is not None and found[1].kind is Kind.VARIABLE:
            problem = families.mismatch(dist, found[0], self.scope.context)
            if problem is not None:
                raise self.error(problem, piece.node)
            bound = self.fresh(key, origin=found[0])
        else:
            bound = self.fresh(key, declaration=families.own_variable(dist))
        with self.binding(key, bound):
            value = Expect(bound, dist, self.term(bracket.args[0]))
            self.unreached_letter(key, bound, value.body, piece.node, "an expectation over")
        if bracket.open == "(":
            self._factors_after(piece, rest[1:], (bound.origin,) if bound.origin else (),
                                {key})
        return self._raised(value, bracket), 2

    def _read_averaged(self, body, averaging, bounds, read=None):
        """`body` read with the averaged letters bound to `bounds` (or `read()`, a reading
        of its own: the inner draws of a nest, draws.py)."""
        saved, self.averaged = self.averaged, self.averaged + bounds
        self.random_depth += 1
        for bound in bounds:
            self.averaged_spellings[bound] = {}
        try:
            with self.bindings_as(averaging.keys, bounds):
                if read is not None:
                    value = read()
                else:
                    value = self.product(body) if isinstance(body, list) else self.term(body)
                node = getattr(body[0], "node", None) if isinstance(body, list) and body \
                    else body if hasattr(body, "data") else None
                for key, bound in zip(averaging.keys, bounds):   # `define s = x^2`, E_{x∼p}[s]
                    self.unreached_letter(key, bound, value, node, "an expectation over")
            for bound in bounds:
                self._one_spelling(bound)
            return value
        finally:
            self.random_depth -= 1
            self.averaged = saved
            for bound in bounds:
                self.averaged_spellings.pop(bound, None)

    def _one_spelling(self, bound):
        """One averaged copy, one spelling inside its expectation: where the brackets write
        both the random variable X and its variable's letter x (`\\mathbb{E}[(X - x)^2]`,
        `\\mathbb{E}_Z[(Z - z)^T (Z - z)]`), x is the author's fixed point, not X's value —
        reading both as the averaged copy made E[(X - x)^2] = 0 verified. derive does not
        tell which x is meant, so the row is refused where X stands."""
        spellings = self.averaged_spellings.get(bound, {})
        if len(spellings) > 1:
            node = next(n for n in spellings.values() if n is not None)
            names = sorted(spellings)
            raise self.error(f"{' and '.join(names)} both stand inside this expectation: the "
                             f"random variable and the letter of its variable would be one "
                             f"averaged value — if {bound.origin.latex if bound.origin else names[-1]} "
                             f"is a fixed point, name it otherwise (x_0, a)", node)

    def _moment(self, kind, averaging, bounds, values):
        """E[f], or Var/Cov written out as expectations over fresh copies."""
        if kind == "E":
            indicated = self.indicated_average(bounds[0], averaging.dist, values[0]) \
                if len(bounds) == 1 else None          # E[t · 1{Z ≥ t}]: indicators.py
            return indicated if indicated is not None else \
                self.average(averaging, bounds, values[0])

        def centred(value):
            copies = tuple(Name(b.latex, origin=b.origin) for b in bounds)
            inner = self.average(averaging, copies,
                                 substitute(value, {b: Sym(c) for b, c in zip(bounds, copies)}))
            return Add(value, neg(inner))
        if kind == "Var":
            return self.average(averaging, bounds, Pow(centred(values[0]), TWO))
        return self.average(averaging, bounds, Mul(centred(values[0]), centred(values[1])))

    @staticmethod
    def average(averaging, bounds, body):
        """E over `bounds` (copies of the averaged variables) of `body`."""
        dist = averaging.dist
        if len(bounds) == 1:
            return Expect(bounds[0], dist, body)
        value = Mul(Dens(dist, tuple(Sym(b) for b in bounds)), body)
        for b in reversed(bounds):
            value = Integral(b, value)
        return value

    # ------------------------------------------------------------------ what is averaged
    def _one_law_of_all(self, piece, averaging, bounds, values):
        """A moment without subscript under a law the file did not name (no `% derive:
        expectations under`): the law found — the file's only one, or the one over the
        variables written — must be the law of every random variable the argument writes.
        A declared variable left free in the read argument has no law there (the law is
        over others: averaging would hold it constant, so `Var(Y) = 0` would be "proved");
        a variable drawn that a declared conditional family is also over (a joint p(x, z)
        beside an encoder q(z | x), a prior beside a posterior family) has two candidate
        laws. Both are refused at the moment, saying how to name the law."""
        if piece.sub is not None or self.scope.readings.get("under") is not None:
            return
        free = {t.name for v in values for t in nodes(v) if isinstance(t, Sym)}
        loose = sorted((n for n in free if n.origin is None and n.local is None and
                        self.scope.context.kind(n) is Kind.VARIABLE), key=lambda n: n.serial)
        law = averaging.dist.name
        if loose:
            names = ", ".join(n.latex for n in loose)
            over = ", ".join(v.latex for v in averaging.variables)
            raise self._undrawn(names, f"this moment without subscript is under "
                                f"{law.latex}, a law over {over} only, and would hold "
                                f"{names} constant — name a law of every random variable "
                                f"written (a subscript, \\mathbb{{E}}_{{q(z \\mid x)}}[…], "
                                f"or '% derive: expectations under q'), or declare their "
                                f"joint law", piece.node)
        self.one_law_of(tuple(b.origin for b in bounds if b in free), law, piece.node)

    def one_law_of(self, variables, law, node):
        """Refused when a declared conditional family other than `law` is over one of
        `variables`: with a joint p(x, z) and an encoder q(z | x), `\\mathbb{E}[\\log
        q(z|x)]` or `\\mathbb{E}_z[…]` could be under either (and with p(x), q(z | x) the
        law of z is their product, which no single declared law is)."""
        rivals = [n for n, d in self.scope.table.items()
                  if d.kind is Kind.DISTRIBUTION and d.declared and d.info.given and
                  n != law and set(d.info.over) & set(variables)]
        if rivals:
            rival = self.scope.table[rivals[0]].info
            drawn = ", ".join(v.latex for v in variables if v in rival.over)
            given = ", ".join(v.latex for v in rival.given)
            raise self._undrawn(drawn, f"{law.latex} is a law of {drawn}, and so is the "
                                f"conditional family {rivals[0].latex} (over {drawn} given "
                                f"{given}) — name the law: a subscript (\\mathbb{{E}}_"
                                f"{{{rivals[0].latex}({drawn} \\mid {given})}}[…], "
                                f"\\mathbb{{E}}_{{{law.latex}}}[…]) or '% derive: "
                                f"expectations under {rivals[0].latex}'; for an entropy or a "
                                f"probability, the law itself ({rivals[0].latex}({drawn} "
                                f"\\mid {given}), H({rivals[0].latex}))", node)

    def _undrawn(self, names, why, node):
        """The refusal of a moment whose law of `names` is not clear (`why`, and how to
        name it): every such refusal opens with the same question, so that a reader (and
        a test) knows the kind at once, whichever check found it."""
        return self.error(f"say under which distribution {names} is drawn: {why}", node)

    def _averaged(self, piece):
        """The `Averaging` a subscript (or a directive) says; None when it is to be found
        from the argument."""
        if piece.sub is None:
            under = self.scope.readings.get("under")
            if under is not None:
                return self._over_distribution(self.distribution_named(under, piece.node))
            laws = [n for n, d in self.scope.table.items()
                    if d.kind is Kind.DISTRIBUTION and not d.info.given and d.declared]
            if len(laws) == 1:
                info = self.scope.table[laws[0]].info
                return self._over_distribution(Dist(laws[0], info.over))
            return None
        spec = single(piece.sub)
        items = spec.children if is_tree(spec, "subitems") else [spec]
        if any(is_token(t, "SIM") for t in items):
            if any(is_token(t, "SEP") for t in items) or len(items) != 3:
                raise self.error("an expectation reads \\mathbb{E}_{x \\sim p}", piece.sub)
            return self._drawn(items[0], items[2])
        if any(is_token(t, "SEP") and t.value in BARS for t in items):
            return self._given(items, piece.sub)
        exprs = [t for t in items if not is_token(t, "SEP")]
        if len(exprs) == 1:
            dist = self.distribution_argument(exprs[0], averaging=True)
            if dist is not None:
                return self._over_distribution(dist)
        variables = [self.variable_node(e) for e in exprs]
        if len(exprs) == 1 and variables[0] is None:
            dist = self._law_at_parameter(exprs[0])
            if dist is not None:
                return self._over_distribution(dist)
        if any(v is None for v in variables):
            bad = exprs[[v is None for v in variables].index(True)]
            raise self.error("this is not a declared distribution or variable; declare it "
                             "with '% derive: density …'", bad)
        return self._over_variables(tuple(variables), piece.sub)

    def _given(self, items, node):
        """`\\mathbb{E}_{y \\mid x}[f]` (`\\operatorname{Var}_{y \\mid x}`,
        `\\mathbb{E}_{Y \\mid X}`): over the variables before the bar, under the conditional
        of the one declared law over all of them given those after it, at the values these
        have where the expectation stands — `\\mathbb{E}_{y \\sim p(y \\mid x)}[f]`, never an
        average over x too."""
        bars = [k for k, t in enumerate(items) if is_token(t, "SEP") and t.value in BARS]
        if len(bars) != 1 or any(is_token(t, "SEP") and t.value != "," for t in items
                                 if t is not items[bars[0]]):
            raise self.error("a conditional subscript reads \\mathbb{E}_{y \\mid x} (or "
                             "\\mathbb{E}_{y \\mid x, z}): one bar", node)
        sides = [[t for t in part if not is_token(t, "SEP")]
                 for part in (items[:bars[0]], items[bars[0] + 1:])]
        drawn, given = ([self.variable_node(e) for e in side] for side in sides)
        if not drawn or not given or None in drawn or None in given:
            raise self.error("around the bar of an expectation's subscript stand declared "
                             "variables: \\mathbb{E}_{y \\mid x}", node)
        if set(drawn) & set(given) or len(set(drawn + given)) != len(drawn + given):
            raise self.error("a variable is both drawn and given", node)
        law = self.law_over(tuple(drawn + given), node)
        info = self.scope.context.info(law)
        order, values = in_order(info, tuple(given), [self.at_variable(v) for v in given])
        over = tuple(v for v in info.over if v in drawn)
        return Averaging(tuple(v.latex for v in over), over, Dist(law, over, order, values))


    def _law_at_parameter(self, node):
        """`E_p[…]`, `\\mathbb{E}_\\theta[…]` (the statistician's E_θ): θ a declared number,
        no variable, on which exactly one declared law depends — its formula, family or
        expression mentions θ — is the expectation under that law, at θ as written (the
        law's variable is bound in the brackets, as with `\\mathbb{E}_{x \\sim f}`). A
        θ on which several laws depend, or none (an abstract law shows no dependence), or
        θ bound where it stands (`\\int E_p[X] \\, dp`: the law's p is the file's), is
        refused."""
        node = single(node)
        if not (is_tree(node, "script") or is_token(node, "LETTER", "COMMAND")):
            return None
        try:
            piece = self.piece(node)
        except InputError:
            return None
        if not isinstance(piece, NamePiece) or piece.power is not None or piece.primes:
            return None
        found = self.declared(piece.key)
        if found is None or found[1].kind not in (Kind.SYMBOL, Kind.PARAMETER) or \
                self.bound_name(piece.key) is not None:   # a bound θ: not the law's
            return None
        laws = [Dist(n, d.info.over) for n, d in self.scope.table.items()
                if d.kind is Kind.DISTRIBUTION and not d.info.given and d.declared and
                found[0] in _law_names(d.info) | set(self.scope.parameters.get(n, ()))]
        if len(laws) > 1:
            raise self.error(f"{piece.key} is a parameter of more than one declared law "
                             f"({', '.join(d.name.latex for d in laws)}): say which, as in "
                             f"\\mathbb{{E}}_{{x \\sim {laws[0].name.latex}}}[…]", node)
        return laws[0] if laws else self._only_law_at(piece.key, node)

    def _only_law_at(self, key, node):
        """`\\mathbb{E}_\\theta[\\hat\\theta]` where no declared law is written with θ: the
        file's only law, when it is abstract and depends on nothing yet — the law of the
        data at the parameter value θ, which an arbitrary law stands for. From here on the
        law depends on θ, as after `% derive: depends p on \\theta` (a derivative in θ of
        E_θ[…] is never 0 by reading; a second subscript E_φ is then refused, never one
        law with E_θ) — only in the file's first row read: rows above read the law
        independent of θ. Any other case is refused, saying what to declare."""
        laws = [(n, d.info) for n, d in self.scope.table.items()
                if d.kind is Kind.DISTRIBUTION and not d.info.given and d.declared]
        if len(laws) == 1 and _abstract(laws[0][1]) and not self.scope.parameters.get(laws[0][0]):
            if self.rows_read:          # rows above read the law independent of θ
                raise self.error(f"{key} as an expectation's subscript would make the file's "
                                 f"one law {laws[0][0].latex} depend on {key} from here on, but "
                                 f"rows above were read with {laws[0][0].latex} independent of "
                                 f"{key} (one name, two meanings): declare the dependence "
                                 f"first ('% derive: depends {laws[0][0].latex} on {key}')", node)
            self.scope.depends(laws[0][0], self.declared(key)[0])
            return Dist(laws[0][0], laws[0][1].over)
        why = (f"the file's one law {laws[0][0].latex} depends on "
               f"{', '.join(n.latex for n in self.scope.parameters.get(laws[0][0], ()))}"
               if len(laws) == 1 and self.scope.parameters.get(laws[0][0]) else
               "no declared law is written with it, and the file has not exactly one abstract "
               "law it could index")
        raise self.error(f"{key} as an expectation's subscript is the parameter its law is "
                         f"at, but {why}: declare the law's dependence ('% derive: depends p "
                         f"on {key}', or a formula in {key}), or name the law "
                         f"(\\mathbb{{E}}_{{u \\sim p}}[…])", node)

    def law_parameter(self, key):
        """Whether `key` is a declared number that a declared law's formula, family or
        expression mentions (`p` of `density f = \\mathrm{Bernoulli}(p) over x`): the law
        is at the file's value of it, which a letter bound elsewhere never moves."""
        found = self.declared(key)
        return found is not None and found[1].kind in (Kind.SYMBOL, Kind.PARAMETER) and any(
            d.kind is Kind.DISTRIBUTION and d.declared and found[0] in _law_names(d.info) | {
                n.name for n in self.scope.function_parameters.get(
                    getattr(getattr(d.info, "law", None), "map", None), ())}
            for d in self.scope.table.values())

    def _drawn(self, var_node, dist_node):
        """`x \\sim p`: the letter drawn and the distribution."""
        dist_node = self.placeholder_filled(var_node, dist_node)
        dist = self.distribution_argument(dist_node, averaging=True)
        if dist is None:
            self.no_function_value(dist_node, "as the law drawn from")
            raise self.error("this is not a declared distribution; declare it with "
                             "'% derive: density …'", dist_node)
        if isinstance(dist, Family):       # `\operatorname{Var}_{x \sim \mathcal{N}(0,1)}`
            raise self.error("only an expectation reads a standard family written inline "
                             "under it; for this operator declare the law (% derive: "
                             "density p = \\mathcal{N}(0, 1) over x) and draw from it "
                             "(x \\sim p)", dist_node)
        var = self.piece(single(var_node))
        copied = self.sample_of(var.key) if isinstance(var, NamePiece) else None
        if not isinstance(var, NamePiece) or var.power is not None or \
                var.primes and copied is None:
            raise self.error("expected the variable drawn, as in x \\sim p", var_node)
        chosen = self.variable_node(var_node)
        if len(dist.over) == 1 and chosen is not None and chosen not in dist.over:
            raise self.error(f"{dist.name.latex} is a distribution over {dist.over[0].latex}, "
                             f"and {chosen.latex} is another declared variable: "
                             f"{var.key} \\sim {dist.name.latex} would draw it from "
                             f"{dist.over[0].latex}'s law, while {dist.name.latex}({var.key}) "
                             f"is a marginal of a joint over both — draw "
                             f"{dist.over[0].latex} \\sim {dist.name.latex}, or declare the law "
                             f"of {chosen.latex}", var_node)
        if len(dist.over) == 1:
            return Averaging((var.key,), dist.over, dist)
        if chosen is None and copied is not None:      # x' \sim p(x, y): a copy of x
            chosen = copied[0]
        if chosen is None or chosen not in dist.over:
            raise self.error(f"{dist.name.latex} is a distribution over "
                             f"{', '.join(v.latex for v in dist.over)}: draw one of them, or all",
                             var_node)
        return Averaging((var.key,), (chosen,), Dist(dist.name, (chosen,), dist.given,
                                                    dist.cond, dist.params))

    @staticmethod
    def _over_distribution(dist):
        return Averaging(tuple(v.latex for v in dist.over), tuple(dist.over), dist)

    def _over_variables(self, variables, node):
        """Over some variables, under the one distribution over them."""
        law = self.law_over(variables, node)
        info = self.scope.table[law].info
        ordered = tuple(v for v in info.over if v in variables)
        return Averaging(tuple(v.latex for v in ordered), ordered, Dist(law, ordered))

    def law_over(self, variables, node):
        """The one declared distribution (not a conditional family) over all `variables`,
        when it is their one law: every reading that finds a law from the variables it
        writes (a bare moment's `\\mathbb{E}_z`, `\\mathbb{E}_{y \\mid x}`, `H(Z)`,
        `I(X; Z)`, `\\Pr(Z = z)`, `P(X > c)`) is refused where a declared conditional
        family is also over one of them (`one_law_of`), never read under the joint
        silently."""
        laws = [n for n, d in self.scope.table.items()
                if d.kind is Kind.DISTRIBUTION and not d.info.given and
                set(variables) <= set(d.info.over)]
        if len(laws) > 1:       # the product law of `random V, W independent` beside V's own
            laws = [n for n in laws if not self._a_factor_covers(n, variables, laws)]
        if len(laws) != 1:
            names = ", ".join(v.latex for v in variables)
            hint = "" if laws or len(variables) < 2 else (
                " — their joint law is not declared, and derive takes it neither to be the "
                "product of their own laws nor an unknown coupling of them: declare the joint "
                f"with each variable's law its marginal (% derive: joint P over {names}, then "
                f"random X with density P over {variables[0].latex}, …) or, for random "
                "variables each with a law of its own, their independence (% derive: random "
                "V, W independent)")
            raise self._undrawn(names, f"{'no' if not laws else 'more than one'} declared "
                                f"distribution is over {names}{hint}", node)
        self.one_law_of(variables, laws[0], node)
        return laws[0]

    def _a_factor_covers(self, law, variables, laws):
        """Whether `law` is a product law (`random V, W independent`) with a factor among
        `laws` over all `variables`: its marginal there is that factor's law, one law."""
        expression = self.scope.table[law].info.expression
        return expression is not None and law.local is None and any(
            isinstance(t, Dist) and t.name in laws and t.name != law and
            set(variables) <= set(t.over) for t in nodes(expression))

    def _averaged_by_argument(self, piece, bodies):
        """No subscript and several distributions: over the variables the argument writes
        (capitals of declared variables count), under the one distribution over them; or
        over undeclared capitals, random variables of an unspecified law."""
        variables, free = self._written_variables(bodies)
        if not variables:
            capitals = sorted({n.latex for n in free if len(n.latex) == 1 and n.latex.isupper()
                               and not self.scope.context.declaration(n).declared})
            if capitals:
                return self._random_variables(capitals)
            raise self.error(r"say which distribution: \mathbb{E}_{x \sim p}[…]", piece.node)
        return self._over_variables(variables, piece.node)

    def _written_variables(self, bodies):
        """(the declared variables free in an argument — capitals of declared variables
        count — in declaration order, every free name) of the argument read as random."""
        self.random_depth += 1
        saved, self.scouting = self.scouting, True
        try:
            read = [self.product(b) if isinstance(b, list) else self.term(b) for b in bodies]
        finally:
            self.random_depth -= 1
            self.scouting = saved
        free = set().union(*(free_names(t) for t in read))
        variables = [n for n in free if self.scope.context.kind(n) is Kind.VARIABLE and
                     n.origin is None and n.local is None]
        return tuple(sorted(variables, key=lambda n: n.serial)), free

    def _random_variables(self, keys):
        """Undeclared capitals under a bare expectation: variables of one unspecified law."""
        variables = tuple(self.scope.declare_variable(k) for k in keys)
        found = self.scope.lookup(IMPLICIT_LAW)
        if found is None:
            self.scope.declare(IMPLICIT_LAW, Declaration(
                Kind.DISTRIBUTION, Domain.POSITIVE, DistributionInfo(over=variables)))
            found = self.scope.lookup(IMPLICIT_LAW)
        return Averaging(keys, variables, Dist(found[0], variables))

    def distribution_named(self, name, node):
        """The law a bare name stands for (`H(q)`, `\\mathbb{E}_{x \\sim q}`): a conditional
        family at the values its conditioning variables have where it stands. After its
        marginal is defined under its name (`define g(x) = \\int g(x|z)p(z)dz`) a bare g is
        refused: the conditional at a z the row never writes, or the marginal the define
        gave g(x) — one letter, two laws (read as the conditional, H(g) = −∫ g(x) log g(x) dx
        was refuted at a z the row never wrote)."""
        info = self.scope.context.info(name)
        if info.given and info.marginal is not None:
            raise self.error(
                f"{name.latex} written bare is ambiguous after its marginal's define: the "
                f"conditional {name.latex}(…|{', '.join(v.latex for v in info.given)}) or the "
                f"marginal {name.latex}({', '.join(v.latex for v in info.over)})? — write the "
                "density at its arguments where a formula is meant (\\int g(x) \\log g(x) dx), "
                "or name the marginal with a letter of its own", node)
        if info.given:
            return Dist(name, info.over, info.given, tuple(self.at_variable(v) for v in info.given))
        return Dist(name, info.over)


def _has_sim(sub):
    node = single(sub) if is_tree(sub, "sgroup") else sub
    return is_tree(node, "subitems") and any(is_token(t, "SIM") for t in node.children)


def _drawn_letters(reader, groups):
    """The letters several draws bind, as written (for `_factors_after`)."""
    letters = set()
    for drawn, law in groups:
        for node in drawn or []:
            piece = reader.piece(single(node))
            letters.add(getattr(piece, "key", ""))
        if drawn is None:
            letters.update(v.latex for v in reader.distribution_argument(law, True).over)
    return letters


def _key_of(reader, sub):
    try:
        piece = reader.piece(single(sub)) if not is_token(single(sub), "LETTER") else \
            reader._script(single(sub), [], sub)
    except Exception:          # noqa: BLE001 - not a name
        return None
    return piece.key if isinstance(piece, NamePiece) and piece.power is None else None


def _abstract(info):
    """Whether a declared law is given by nothing but its name (no formula, family,
    expression, pushforward or reparameterisation)."""
    return all(getattr(info, field) is None for field in
               ("formula", "family", "expression", "law", "reparameterised"))


def _law_names(info):
    """The names a declared law's formula, family or expression mentions, and the
    parameters a reparameterised law's map moves with (q_φ, the law of g_φ(ε): E_{q_φ}[z]
    moves with φ, so a binder over φ must not read it as φ-free); none for an abstract
    law (its `depends` are the scope's parameters)."""
    terms = [info.family, info.expression] + ([f for *_, f in info.formula.pieces]
                                              if info.formula is not None else [])
    if info.reparameterised is not None:
        terms += list(info.reparameterised.parameters)
    return set().union(*(free_names(t) for t in terms if t is not None))

"""How probability notation reads: the arguments of distributions, random variables.

Mixed into `Reader` (which supplies names, scopes and terms). One documented rule each:

* **The arguments of a density are points of its variables.** An argument that is a
  declared variable (or a bound copy of one) stands for that variable, wherever it is
  written: `p(y, x)` is `p(x, y)`, and a distribution written with a variable it was not
  declared over is the joint over both (`density p over z`, then `p(x, z)`, `p(x)`,
  `p(z | x)`: one joint, its marginal, its conditional; see `notation.joint`). An
  undeclared letter written as a density's argument is a variable of it (an observed
  value: `\\log p(x)` with `p` over z); a renamed copy `y'`, `\\tilde y` bound by a sum,
  an integral or an expectation is a bound copy of y (`Reader.sample_of`); free and
  undeclared it is refused (a variable of its own would change the rows that bind it). A
  data point `x_i` (a member of the family `SampleInfo` makes: `x_i` under a sum over i, x
  a declared variable) is a value of x at x's place: `p(x_i; \\theta)` is the marginal at
  x_i, `p(x_i, z_i)` the joint, `p(z \\mid x_i)` a conditional (`_variable_of`). Any other
  argument (a number, a declared symbol, an expression) is a value of the declared
  variable in its position: `p(0)`, `p(a)`.
* **A density before brackets that hold densities multiplies them**: in
  `\\int p \\left( \\log p - \\log q \\right) d\\mu` the bracket groups a factor — a
  density is not taken at the value of another density.
* **`p(x; \\theta)`**: after `;` comes the parameter the distribution depends on (at its
  current value when it is the parameter itself, `p(x; \\theta_0)` at another).
  `p(x \\mid \\theta)` (Bishop, Murphy) is `p(x; \\theta)` when every name after the bar is
  a parameter p is declared to depend on, or its spelling at another value (`\\theta_0`,
  `\\theta'`, `\\theta^{(t)}`: that value); a bar mixing variables and parameters is refused.
* **`P(X = x)`**, `P(\\mathrm{x} = x, \\mathrm{y} = y)`: the probability that the random
  variables take those values — the mass function at them; only for discrete variables
  (for a continuous one it is 0, and the density is written p(x)). An inequality event
  of a continuous one (`\\Pr(X \\ge a)`) is the integral of its density over the event
  (`events`). Events joined by `\\cap` (`P(X = x \\cap Y = y)`) are the same joint
  occurrence as with a comma (`joined_events`); only a probability's arguments are.
* **`\\Pr(X = x)`**, `\\mathrm{Pr}(X = x)`, `\\mathbb{P}(X = x)`, and `P(X = x)`, `P(Y = y
  \\mid X = x)` with P undeclared: when every argument is an event `V = v` of a random
  variable, the probability is the mass of the one declared law over those variables
  (`random X with density f over x`, a joint): the same value as `P(X = x)` after
  `distribution P with density p`. Any other argument is refused (never a function Pr or a
  chain definition of P). P keeps one meaning in a file: `P(X = x)` after the file defined
  or used P otherwise (`P(x) = 2p(x)`, `P(t) = t^2`) is refused, and so is a definition or
  a function use of P after `P(X = x)` was read as a probability.
* **`p_z(g(z) = x)`**, the density of g(z) at x (the notation abused by GAN tutorials for
  p_g(x)): after `% derive: density p_g over x is the law of g(z) for z \\sim p_z`, the
  one density declared as the law of that map of p_z's variable under p_z, at the value
  (`pushed_event`). Without such a declaration (or with several) it is refused: derive
  never guesses which density the event's law is.
* **Densities given by a formula, as arguments.** An argument of a divergence that is an
  expression in densities — `p(x) p(y)`, `\\frac{p + q}{2}`, a defined `m(x)` — is the
  function of the variables it is written in (at their declared letters, whatever is bound
  around it): `D(p(x, y) \\| p(x) p(y))`, `KL(p \\| \\frac{p + q}{2})` — only when that
  function is built as a distribution (`mixtures`: a mixture with weights ≥ 0 summing to
  1, a product law); `p + q`, `2 p_g`, `q^2` are refused there. A file's own definition
  with `\\|` parameters takes any such function (`Divergences.applied`).
* **Conditional relative entropy.** `D(p(y|x) \\| q(y|x))` of conditionals of joints at the
  free x is Cover & Thomas's Σ_x p(x) D(p(·|x) ‖ q(·|x)) (`Reader._conditional_divergence`).
* **Information of random variables.** `H(X)`, `H(X, Y)` (joint entropy), `H(Y | X)`
  (conditional entropy), `H(Y | X = x)` (the entropy of the conditional law at x),
  `I(X; Y)`, `I(X; Y | Z)`, and Bishop's `\\mathrm{H}[\\mathbf{y} \\mid \\mathbf{x}]`,
  `\\mathrm{I}[\\mathbf{x}, \\mathbf{y}]`: their arguments are random variables (declared
  variables, or their capitals), under the one declared distribution over them. `H(x)` of a
  variable is the entropy of its law. `H(p)`, `H(p, q)` of distributions stay entropy and
  cross-entropy. I(X; X) of a continuous X is infinite and is refused.
* **Random variables.** A capital letter `X` that is not declared, whose lower case `x` is
  a declared variable, is the random variable of `x`, inside an expectation and as an
  argument of H, I, P and densities: there it is the value drawn (`E \\log p(Y|X)`,
  `E_p l(X)`). `% derive: random X with density p over x` says so explicitly. Outside any
  expectation it is the value x itself, declared or not (`Reader.random_value`): a row
  between random variables and their means is an identity in their values. Never the value
  of an event (`\\Pr(X = Y)`: events between random variables are not read), never beside
  a sum's or integral's bound x outside an expectation, never also a number in one row
  (`Reader.capital_read`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from lark.tree import Meta, Tree

from derive.frontend.errors import InputError
from derive.frontend.latex import mixtures
from derive.frontend.latex.pieces import NamePiece, is_token, is_tree, single
from derive.model.names import (Declaration, DistributionInfo, Domain, Kind, Name, NamedValue,
                                SampleInfo)
from derive.model.terms import (
    Call, Dens, Dist, Family, Op, Pow, Sym, free_names, nodes, substitute,
)
from derive.notation import families, vectors
from derive.notation.joint import in_order

# Undeclared names that are the probability of events: `\\Pr` (read as "Pr"),
# `\\mathrm{Pr}`, `\\mathbb{P}`, `P`.
PROBABILITY = frozenset({"Pr", r"\mathbb{P}", "P"})
# The brackets around a probability's events: `\\Pr(X = x)`, `\\mathbb{P}[X = x]`.
EVENT_OPENS = ("(", "[", r"\lbrack")
BARS = ("|", r"\mid", r"\vert")
# A capital letter, alone or under one accent (`X`, `\hat{X}`): the random variable of the
# declared variable spelled in lower case (`x`, `\hat{x}`).
# A capital letter, accented or not, and a subscript: `X`, `\\hat{X}`, `X_{1}` (the random
# variable of the declared x, \\hat{x}, x_{1} — the subscript is kept as written).
_CAPITAL = re.compile(r"(?P<letter>[A-Z]|\\(tilde|hat|bar|widetilde|widehat|overline|dot|ddot|"
                      r"vec|check|breve|mathring|underline)\{[A-Z]\})(?P<sub>_\{[^{}]*\})?")


class Probability:
    """Distribution arguments and random variables, mixed into `Reader`."""

    random_depth = 0          # > 0 where capitals name random variables (expectations, H, I)
    event_depth = 0           # > 0 in the value v of an event V = v (a number, never X)
    value_depth = 0           # > 0 in a density's argument or an event's value (named values)
    capitals = {}             # the row's undeclared capitals → "random" or "number" (read so)
    free_spellings = {}       # the row's free variables → the spelling read outside E (x or X)

    # ------------------------------------------------------------------ random variables
    def capital_variable(self, key, node=None):
        """The declared variable `x` that an undeclared capital `X` is the random variable
        of, or None. An accent goes with its letter: `\\hat{X}` is the random variable of a
        declared `\\hat{x}` (Fano's estimator X̂), `\\tilde{Y}` of `\\tilde{y}`; so does a
        subscript: `X_1` is the random variable of a declared `x_1` (`discrete x_1, x_2,
        y`: I(X_1, X_2; Y)) — never of x alone (a sample of X: `_no_other_random_variable`).
        Refused (at `node`, else the row) when a declared family X_i also has X_1 as member."""
        capital = _CAPITAL.fullmatch(key)
        if capital is None or self.bound_name(key) is not None:
            return None
        if self.scope.lookup(key) is not None and self.scope.lookup(key)[1].declared:
            return None
        found = self.declared(capital.group("letter").lower() + (capital.group("sub") or ""))
        if found is None or found[1].kind is not Kind.VARIABLE:
            return None
        if capital.group("sub") is not None and \
                self.declared(capital.group("letter") + "_{\\cdot}") is not None:
            # `random X_i … for i = 1..n` and `variable x_1`: X_1 is the sample's member and
            # x_1's random variable — two laws for one spelling (one name, one meaning)
            raise self.error(f"{key} is both a member of the declared family "
                             f"{capital.group('letter')}_i and the random variable of the "
                             f"declared {found[0].latex}: derive does not guess which — rename "
                             f"one of them", node)
        return found[0]

    def variable_node(self, node):
        """The declared variable a node names — `x`, `\\mathrm{x}`, a capital `X` — or None."""
        node = single(node)
        if not (is_tree(node, "script") or is_token(node, "LETTER", "COMMAND")):
            return None
        try:
            piece = self.piece(node)
        except Exception:           # noqa: BLE001 - not a name: no variable
            return None
        if not isinstance(piece, NamePiece) or piece.power is not None or piece.primes:
            return None
        bound = self.bound_name(piece.key)
        if bound is not None:
            return bound.origin
        found = self.declared(piece.key)
        if found is not None and found[1].kind is Kind.VARIABLE:
            return found[0]
        capital = self.capital_variable(piece.key, node)
        if capital is not None:
            self.capital_read(piece.key, node, "random")
        return capital

    def spelled_variable(self, key, variable, node):
        """A declared variable under another of its spellings: a capital (`random X with
        density p over x`) is its random variable's value, read as an undeclared capital is
        (`random_value`); any other spelling (`same \\mathbf{x}, \\mathbf{x}^{(i)}`) is the
        variable where it stands."""
        if _CAPITAL.fullmatch(key):
            return self.random_value(key, variable, node)
        return self.at_variable(variable)

    def random_value(self, key, variable, node):
        """X, the random variable of x, where it stands: the value it is drawn at. Inside an
        expectation (or a density's, H's, I's argument) that is the averaged copy of x;
        outside any, the free x, so a row between random variables and their means
        (`(X - EX)(Y - EY) = XY - (EY)X - …`) is an identity in the values x, y, for every
        value (whether `X` was declared by `random X` or not: one rule). Refused where X
        would mean something else in the row: the value v of an event `V = v` (`\\Pr(X = X)`:
        events between random variables are not read), and X outside an expectation where
        x is bound by a sum or an integral (`\\sum_x p(x) X`: the random variable or the
        summation's x?)."""
        if self.event_depth:
            raise self.error(f"the value in an event V = v is a number, but {key} is the "
                             f"random variable of {variable.latex}: derive does not read "
                             "events between random variables (write the value in lower "
                             f"case, or name it)", node)
        if not self.random_depth and self.bound_point(variable) is not None:
            raise self.error(f"{key} outside an expectation is the value of the random "
                             f"variable of {variable.latex}, but {variable.latex} is bound "
                             "here by a sum or an integral: the random variable or the bound "
                             f"{variable.latex}? Write {variable.latex} for the bound one",
                             node)
        self.capital_read(key, node, "random")
        if not self.random_depth:
            self.free_spelling(variable, key, node)
        value = self.at_variable(variable)
        spellings = self.averaged_spellings.get(value.name)
        if spellings is not None:
            spellings[key] = node                 # X read as the averaged copy (_one_spelling)
        return value

    def free_spelling(self, variable, key, node):
        """One value, one spelling in a row: outside an expectation X is x's value, so a
        row that also writes the free x itself (`f(X) = f(x) + f'(x)(X - x)`, a Taylor
        expansion about a point x) would read X - x as 0 — the author's x is another
        number there. Refused where the second spelling stands; x inside an expectation
        or bound by a sum or integral is another x and does not count."""
        if self.random_depth or self.bound_point(variable) is not None:
            return
        earlier = self.free_spellings.setdefault(variable, key)
        if earlier != key:
            raise self.error(f"{key} and {earlier} both stand in this row outside an "
                             f"expectation: {key.upper()} would be the value "
                             f"{variable.latex} of its random variable, so they would be one "
                             f"number — if {variable.latex} is a fixed point, name it "
                             f"otherwise (x_0, a)", node)

    def capital_read(self, key, node, meaning):
        """One name, one meaning in a row: an undeclared capital X (x a declared variable)
        is x's random variable where it is drawn and an undeclared number elsewhere; read
        both ways in one row (`\\Pr(X = X)`, `\\mathbb{E}[X] + X`) it is refused where
        the second meaning is read. `meaning`: "random" or "number"."""
        earlier = self.capitals.setdefault(key, meaning)
        if earlier != meaning:
            raise self.error(f"{key} is read in this row both as the random variable of "
                             f"{key.lower()} and as an undeclared number: one name means one "
                             f"thing (write the value in lower case, {key} = {key.lower()}, "
                             f"or declare {key})", node)

    def at_variable(self, variable):
        """A variable where it stands: its innermost bound copy, or itself."""
        bound = self.bound_point(variable)
        return Sym(bound if bound is not None else variable)

    # ------------------------------------------------------------------ information
    def information(self, key, bracket):
        """`H(X | Y)`, `I(X; Y | Z)`, … of random variables as a registry `Op` on marginals
        of their joint; None when the arguments are not random variables."""
        if key not in ("H", "I", "h"):
            return None
        self.not_defined_as_function(key, bracket)
        self.not_the_files_operator(key, bracket)
        if key == "h":              # Cover & Thomas's differential entropy h(X), h(X | Y):
            if not all(self._capital(a) for a in bracket.args) or self.named_by_a_head(key):
                self._no_entropy_of_a_formula(key, bracket)
                return None         # h(x) of a variable x is a function h, not an entropy
            self.operator_use(key, bracket.node)
            key = "H"
        groups, current = [[]], 0
        for arg, sep in zip(bracket.args, [None] + bracket.seps):
            if sep in ("|", r"\mid", r"\vert"):
                groups.append([])
                current = len(groups) - 1
            elif sep == ";" and key == "I" and len(groups) == 1:
                groups.append([])
                current = 1
            elif sep not in (None, ","):
                return None
            groups[current].append(arg)
        read = [[self._information_argument(a) for a in g] for g in groups]
        if any(r is None for g in read for r in g):
            return None
        if key == "I" and ";" not in bracket.seps and len(read[0]) == 2:   # Bishop's I[x, y]
            read = [[read[0][0]], [read[0][1]]] + read[1:]
        variables = [v for g in read for v, _ in g]
        law = self.law_over(tuple(dict.fromkeys(variables)), bracket.node)
        value = self._information_op(key, law, read, bracket)
        # recorded: a later row defining I(p) at a number is refused (one name, one meaning)
        self.scope.operator_uses.setdefault(key, self.offset + (
            0 if bracket.node.meta.empty else bracket.node.meta.start_pos))
        return value

    def _no_entropy_of_a_formula(self, key, bracket):
        """`h(-X)`, `h(2X)`, `h(X + 1)` of a random variable `X` (declared through x): the
        differential entropy at a formula of random variables, which derive does not read —
        refused, as `H(2X)` is, never a fresh quantity `h(-X)` a row then defines unchecked.
        (`h(x)` of the variable x, or of a function h the file declares, stays a function.)"""
        if self.scope.lookup(key) is not None:
            return
        for arg in bracket.args:
            if is_tree(arg, "assignment") or self._a_variable(arg):
                continue            # X, X_1, X = x: an argument of the entropy
            if any(self._random_variable_in(node) for node in
                   (arg.iter_subtrees() if isinstance(arg, Tree) else ())):
                raise self.error(f"{key}(…) of random variables is the differential entropy; "
                                 f"at a formula of them (-X, 2X, X + 1) derive does not read "
                                 f"it — write h(Y) of a random variable Y declared with its "
                                 f"law, or `% derive: function {key}` for a function named "
                                 f"{key}", bracket.node)

    def _a_variable(self, node):
        """Whether `node` is one random variable as written (`X`, `X_1`; not `X^3`)."""
        item = single(node)
        if is_tree(item, "script") and any(is_tree(c, "superscript") for c in item.children):
            return False
        try:
            return self.variable_node(node) is not None
        except InputError:
            return False

    def _random_variable_in(self, node):
        """Whether `node`, a name (`script`), is a random variable (`X` of a declared x, or
        declared `random X`)."""
        if not is_tree(node, "script") or not is_token(node.children[0], "LETTER") or \
                not node.children[0].value.isupper():
            return False
        try:        # the letter alone: X of X^3, X_i
            return self.variable_node(Tree("script", node.children[:1])) is not None
        except InputError:
            return False

    def _capital(self, node):
        """Whether a node is a name spelled with a capital (a random variable `X`)."""
        try:
            piece = self.piece(single(node))
        except Exception:           # noqa: BLE001 - not a name
            return False
        return isinstance(piece, NamePiece) and piece.key.lstrip("\\")[:1].isupper()

    def _information_argument(self, node):
        """(variable, value or None) for `X`, `x`, `X = x`; None when not a random variable."""
        if is_tree(node, "assignment"):
            variable, value = self.density_argument(node)
            return variable, value
        variable = self.variable_node(node)
        return (variable, None) if variable is not None else None

    def _information_op(self, key, law, read, bracket):
        info = self.scope.context.info(law)

        def marginal(group):
            if any(value is not None for _, value in group):
                raise self.error("a value (X = x) is read only after '|'", bracket.node)
            variables = list(dict.fromkeys(v for v, _ in group))
            if len(variables) < len(group) and not all(
                    getattr(self.scope.context.info(v), "discrete", False) for v in variables):
                raise self.error("a continuous variable paired with itself has no density",
                                 bracket.node)
            over, _ = in_order(info, variables, [None] * len(variables))
            return Dist(law, over)
        shapes = {("H", 1): "HX", ("H", 2): "CH", ("I", 2): "MI", ("I", 3): "CMI"}
        shape = shapes.get((key, len(read)))
        if shape is None:
            raise self.error(f"{key}(…) takes {'one |' if key == 'H' else 'X; Y or X; Y | Z'}",
                             bracket.node)
        if shape == "CH" and all(value is not None for _, value in read[1]):
            over, _ = in_order(info, [v for v, _ in read[0]], [None] * len(read[0]))
            given, cond = in_order(info, [v for v, _ in read[1]], [x for _, x in read[1]])
            value = Op(self.in_units("HX"), Dist(law, over, given, cond))   # H(Y | X = x)
            self.own_form_here("HX", value.arguments, bracket.node, value)
        else:
            if shape == "CH" and any(value is not None for _, value in read[1]):
                raise self.error("give every conditioning variable a value, or none",
                                 bracket.node)
            args = [marginal(g) for g in read]
            if shape in ("MI", "CMI") and set(args[0].over) & set(args[1].over) and not all(
                    getattr(self.scope.context.info(v), "discrete", False) for v in args[0].over):
                raise self.error("the mutual information of a continuous variable with itself "
                                 "is infinite", bracket.node)
            value = Op(self.in_units(shape), *args)
            self.own_form_here(shape, args, bracket.node, value)
        if bracket.power is not None:
            value = Pow(value, self.term(bracket.power))
        return value

    def groups_a_factor(self, bracket):
        """Whether brackets after a density's name hold densities (a factor, not a point)."""
        if bracket.seps or len(bracket.args) != 1 or is_tree(bracket.args[0], "assignment"):
            return False
        return any(isinstance(t, Dens) for t in nodes(self._peek(bracket.args[0])))

    def _peek(self, node):
        """A node's term, read for a look only (errors mean: not this reading)."""
        try:
            return self.term(node)
        except InputError:
            return Sym(Name("?"))

    # ------------------------------------------------------------------ formula arguments
    def formula_argument(self, node, like=(), law=True):
        """A divergence's argument written as an expression in densities: a `Dist` whose
        (unspelled) name is declared by the formula, over the variables it is written in
        (ordered as the variables of `like`, the other arguments, when they agree). Refused
        where it is written unless it is a distribution (`mixtures`: a density, a mixture,
        a product law) — except as the argument of a file's own definition (`law` False),
        which means what its body says of any function."""
        saved = self.bound
        self.bound = [(k, n) for k, n in saved if n.origin is None]
        try:
            term = self.term(node)
        finally:
            self.bound = saved
        context = self.scope.context
        variables = {n for n in free_names(term) if context.kind(n) is Kind.VARIABLE and
                     n.origin is None and n.local is None}
        if not variables:
            raise self.error("this argument is not a distribution: it is written in no "
                             "variable", node)
        if law:
            self.shown_a_law(term, variables, node)
        return self.formula_law(term, variables, node, like)

    def shown_a_law(self, term, variables, node):
        """Refuse a formula argument of a divergence or an entropy that is no distribution
        (`p + q`, `2q`, `q^2`): integrated as written it would make KL negative and TV
        above 1."""
        reason = mixtures.why_not_a_law(term, variables, self.scope.context)
        if reason is not None:
            text = " ".join(self.source_text(node).split())
            raise self.error(f"{text} is not a distribution here: {reason}. A divergence's "
                             "or an entropy's argument is a declared distribution, a mixture "
                             "with weights ≥ 0 summing to 1 (\\frac{p + q}{2}), or a product "
                             "of laws of distinct variables (p(x) p(y))", node)

    def formula_law(self, term, variables, node, like=()):
        """The `Dist` a density formula `term` in `variables` (written at `node`) declares,
        over them ordered as the variables of `like` when they agree."""
        for other in like:
            if set(other) == variables:
                order = tuple(other)
                break
        else:
            order = tuple(sorted(variables, key=lambda n: n.serial))
        text = " ".join(self.source_text(node).split())
        name = Name(text, local=Declaration(Kind.DISTRIBUTION, Domain.POSITIVE,
                                            DistributionInfo(over=order, expression=term)))
        return Dist(name, order)

    def placed(self, dists, nodes):
        """An operator's arguments (`dists`, read from `nodes`) with its families written
        inline put on a vector variable: when a family's parameters are declared vectors
        (`\\mathcal{N}(\\mu, \\sigma^2)`, μ, σ in ℝ^J) or another argument is over a vector
        variable, every family is the diagonal Gaussian over that variable — for the
        parameters alone, the one declared vector variable of their dimension — exactly as
        `% derive: density q = \\mathcal{N}(\\mu, \\sigma^2) over z` declares it
        (`families.placed`). No variable, or several, is refused. Otherwise the families keep
        a real variable of their own."""
        written = [(d, n) for d, n in zip(dists, nodes) if isinstance(d, Family)]
        if not written:
            return dists
        context = self.scope.context
        sizes = set().union(*(vectors.parameter_dimensions(d, context) for d, _ in written))
        over = list(dict.fromkeys(v for d in dists if isinstance(d, Dist) for v in d.over
                                  if vectors.dimension(v, context) is not None))
        if not sizes and not over:
            return dists
        node = written[0][1]
        shown = " ".join(self.source_text(node).split())
        candidates = over or [v for size in sizes for v in vectors.variables_of(size, context)]
        if len(candidates) != 1 or len(sizes) > 1:
            raise self.error(f"{shown} has vector parameters, but derive cannot tell which "
                             f"vector variable it is a distribution of "
                             f"({', '.join(v.latex for v in candidates) or 'none of that dimension is declared'}): "
                             f"declare it, as in % derive: density q = {shown} over z", node)
        (variable,) = candidates
        if sizes - {vectors.dimension(variable, context)}:
            raise self.error(f"{shown} has parameters of another dimension than the vector "
                             f"variable {variable.latex} of the other arguments", node)
        for family, at in written:
            if family.family != "N":
                raise self.error("over a vector variable derive reads only the diagonal "
                                 "Gaussian \\mathcal{N}(\\mu, \\sigma^2)", at)
        return [families.placed(d, variable, " ".join(self.source_text(n).split()))
                if isinstance(d, Family) else d for d, n in zip(dists, nodes)]

    # ------------------------------------------------------------------ events
    def event_probability(self, key, bracket, at):
        """`\\Pr(X = x)`, `P(Y = y \\mid X = x)` with the name undeclared: the mass of the
        one declared law over the random variables of the events; None when `key` is no
        spelling of a probability or an argument is not an event `V = v`. The use is
        recorded (at offset `at`): a later row defining the name is refused
        (`not_a_probability`)."""
        bracket = joined_events(bracket)
        variables = self._event_variables(key, bracket)
        if variables is None:
            if key not in PROBABILITY:
                return None
            mass = self.inequality_event(bracket)
            if mass is not None:
                self.scope.operator_uses.setdefault(key, at)
            return mass
        law = self.law_over(tuple(dict.fromkeys(variables)), bracket.node)
        mass = self.density(law, self.scope.context.info(law), bracket)
        self.scope.operator_uses.setdefault(key, at)
        return mass

    def _no_indexed_value(self, variable, value):
        """Refuse an event `X = x_i` whose value is x's own letter with an index that no sum
        binds, x_i undeclared (`define p_{ij} = P(X = x_i, Y = y_j)` beside a range written
        `\\Sigma_1 = \\{x_1, \\dots, x_n\\}`): the author means the i-th value of x's range,
        which derive does not read — x_i would be a complex number of its own, and a sum over
        i of it would add one value n times. (Under a sum over i, x_i is a data point, a value
        of x: `samples`.)"""
        value = single(value)
        if not is_tree(value, "script"):
            return
        try:
            piece = self.piece(value)
        except Exception:           # noqa: BLE001 - not a name: read as a value
            return
        if not isinstance(piece, NamePiece) or piece.key == piece.base or \
                piece.base != variable.latex or self.declared(piece.key) is not None or \
                self.bound_name(piece.key) is not None:
            return
        index = self.source_text(value)[len(piece.base):]
        if any(self.bound_name(letter) is not None for letter in re.findall(r"[A-Za-z]", index)):
            return
        raise self.error(f"{piece.key} as a value of {variable.latex}'s random variable "
                         f"reads as the {index.strip('_{}')}-th value of "
                         f"{variable.latex}'s range, a range written as indexed values "
                         f"(\\{{{variable.latex}_1, \\dots, {variable.latex}_n\\}}), which "
                         f"derive does not read: write the event at {variable.latex} itself "
                         f"and sum over its range (\\sum_{{{variable.latex}}}), never a "
                         f"number {piece.key} of its own", value)

    def _event_variables(self, key, bracket):
        """The random variables of `key(V = v, … | W = w)` when `key` spells a probability
        and every argument is an event `V = v` of a declared variable, else None. Round or
        square brackets (`\\mathbb{P}[X = a, Y = b]`): both hold the events alike."""
        if key not in PROBABILITY or bracket.open not in EVENT_OPENS or not bracket.args or \
                any(s not in (",",) + BARS for s in bracket.seps):
            return None
        variables = []
        for arg in bracket.args:
            node = single(arg)
            if not is_tree(node, "assignment") or node.children[1].value != "=":
                return None
            variable = self.variable_node(node.children[0])
            if variable is None:
                return None
            variables.append(variable)
        return variables

    def not_an_event_of_another_name(self, key, bracket, node):
        """Refuse `P(X = x)` (an event) where the file gave P another meaning: declared or
        used as a function or a number, or a row defined it (`P(x) = 2p(x)`, `P(t) = t^2`).
        Read as the probability of the event, P would mean two things in one file, and the
        row would be checked against the one the author did not mean (was: verified)."""
        if bracket is None or self.bound_name(key) is not None or \
                self._event_variables(key, joined_events(bracket)) is None:
            return
        found = self.scope.lookup(key)
        other = found is not None and found[1].kind is not Kind.DISTRIBUTION
        labels = [label for label in list(self.scope.heads) + list(self.scope.ended)
                  if label.startswith(key + "(")]      # a quantity P(x), even if ended
        if other or labels:
            what = f"the quantity {labels[0]}" if labels and not other else \
                "a function or a number"
            raise self.error(f"{key} is defined or used above as {what}: {key}(…) of events "
                             f"here would be a probability, a second meaning (one name means "
                             f"one thing) — write \\Pr(…) for the probability, or rename one",
                             node)

    def not_a_probability(self, key, node):
        """Refuse a definition of `P` (`P(t) = t^2`) after a row read `P(X = x)` as the
        probability of an event: P would mean two things in one file."""
        if key in PROBABILITY and key in self.scope.operator_uses:
            line, column = self.source.position(self.scope.operator_uses[key])
            raise self.error(f"{key} is read at line {line}, column {column} as the "
                             f"probability of events: a definition would give it a second "
                             f"meaning (one name means one thing) — write \\Pr(…) there, or "
                             f"rename one", node)

    # ------------------------------------------------------------------ arguments
    def pushed_event(self, name, info, bracket):
        """`p_z(g(z) = x)`: the value at x of the one density declared as the law of g(z) for
        z ~ p_z (`Pushforward`), or None when the bracket is not one event `g(z) = x` of a
        declared function at p_z's only variable (other events read as before). Refused
        when no declared density, or several, is that law."""
        if bracket.open != "(" or len(bracket.args) != 1 or info.given or len(info.over) != 1:
            return None
        node = single(bracket.args[0])
        if not is_tree(node, "assignment") or node.children[1].value != "=" or \
                self.variable_node(node.children[0]) is not None:
            return None
        mapped = self.term(node.children[0])
        variable = info.over[0]
        if not (isinstance(mapped, Call) and mapped.arguments == (Sym(variable),) and
                self.scope.context.kind(mapped.function) is Kind.FUNCTION):
            return None
        laws = [law for law, declaration in self.scope.table.items()
                if isinstance(declaration.info, DistributionInfo) and
                declaration.info.law is not None and
                (declaration.info.law.map, declaration.info.law.variable,
                 declaration.info.law.source) == (mapped.function, variable, name)]
        if len(laws) != 1:
            g, z = mapped.function.latex, variable.latex
            raise self.error(
                f"{name.latex}({g}({z}) = …) is the density of {g}({z}) at a point, which "
                f"derive reads only as the one density declared as its law ("
                f"% derive: density p_{{{g}}} over x is the law of {g}({z}) for {z} \\sim "
                f"{name.latex}): " + ("none is declared" if not laws else
                                      "several are declared"), bracket.node)
        law = laws[0]
        over, at = self.points(law, self.scope.table[law].info,
                               [self.density_argument(node.children[2])], bracket.node)
        return Dens(Dist(law, over), at)

    def marginal_value(self, name, info, bracket):
        """`g_\\theta(x)` of a conditional family whose marginal the file defined (`define
        g_\\theta(x) = \\int g_\\theta(x|z) p(z) dz`, `marginals`): that mixture at the
        arguments, each standing for the variable it is of as in `g_\\theta(x \\mid z)`.
        None when the bracket holds a bar or a `;` (the conditional itself, read as ever)."""
        if any(sep in BARS or sep == ";" for sep in bracket.seps):
            return None
        params, body = info.marginal
        pairs = [self.density_argument(a) for a in bracket.args]
        over, at = self.points(name, info, pairs, bracket.node)
        put = dict(zip(over, at))
        return substitute(body, {p: put[v] for p, v in zip(params, info.over)})

    def density_argument(self, node, given=False):
        """(variable or None, term) for one argument of a density: `X = x` names its
        variable; otherwise the variable is the one the term is (if any). `given`: the
        argument stands after the bar, where the event `Y = y` of a continuous Y at its own
        letter is the conditioning value y (`f_X(x | Y = y)` is `f(x | y)`, `_given_event`)."""
        if is_tree(node, "assignment"):
            left, rel, right = node.children
            if rel.value != "=":
                raise self.error("inside a probability, write X = x", node)
            variable = self.variable_node(left)
            if variable is None:
                raise self.error("the left of '=' here names a random variable (a declared "
                                 "variable, or its capital)", left)
            if given and not getattr(self.scope.context.info(variable), "discrete", False):
                return variable, self._given_event(variable, right)
            if not getattr(self.scope.context.info(variable), "discrete", False):
                raise self.error(f"{variable.latex} is continuous: P({variable.latex} = …) "
                                 f"is 0; write its density as p({variable.latex})", node)
            self._no_indexed_value(variable, right)
            value = self.event_value(right)
            self._named_value_of(variable, value, right)
            return variable, value
        outside = not self.random_depth
        self.random_depth += 1
        self.value_depth += 1
        try:
            term = self.term(node)
        finally:
            self.random_depth -= 1
            self.value_depth -= 1
        self._named_value_alone(term, node)
        variable = _variable_of(term, self.scope)
        if outside and variable is not None:
            self._spelled_argument(node, variable)
        return variable, term

    def _given_event(self, variable, right):
        """The value of a continuous variable's event `Y = y` after a density's bar: only its
        own letter, so the event names the point the conditional density is at. `Y = 2y`,
        `Y = 0` condition on a single point of a continuous law by a limit the author has not
        said (a density at 2y? a ratio of probabilities?) — refused, never guessed."""
        if self.source_text(right).strip() != variable.latex or \
                self.variable_node(right) is not variable:
            raise self.error(f"{variable.latex} is continuous: after the bar derive reads the "
                             f"event {variable.latex.upper()} = {variable.latex} (the "
                             f"conditional density at {variable.latex}) only at the "
                             f"variable's own letter; write the density's conditional "
                             f"p(… | {variable.latex}) at the value", right)
        return self.density_argument(right)[1]

    def _spelled_argument(self, node, variable):
        """A density's argument outside any expectation written as x or X is that
        spelling of x's value in the row (`free_spelling`): `p(X) \\le p(x)` is refused
        as `X - x` is."""
        try:
            piece = self.piece(single(node))
        except Exception:           # noqa: BLE001 - not a name: no spelling to record
            return
        key = getattr(piece, "key", None)
        if key is not None and getattr(piece, "sub", None) is None and \
                key in (variable.latex, variable.latex.upper()):
            self.free_spelling(variable, key, node)

    def event_value(self, node):
        """The value v of an event `V = v`: a number, never another random variable."""
        self.event_depth += 1
        self.value_depth += 1
        try:
            value = self.term(node)
        finally:
            self.event_depth -= 1
            self.value_depth -= 1
        self._named_value_alone(value, node)
        return value

    def named_value(self, p, name, bracket):
        """`\\mathcal{C}_1` after `discrete \\mathcal{C} in \\{\\mathcal{C}_1, \\mathcal{C}_2\\}`:
        a label, read only as a density's argument or an event's value — never a number
        in arithmetic (its numeric coding is derive's, not the author's)."""
        if not self.value_depth or p.power is not None or bracket is not None:
            raise self.error(f"{p.key} is a named value of a discrete variable (a label, not a "
                             "number): it is read only as a density's argument or an event's "
                             f"value (p(x|{p.key}), P(C = {p.key}))", p.node)
        return Sym(name)

    def _named_value_alone(self, term, node):
        """A named value stands alone where a value is written (`p(\\mathcal{C}_1 + 1)` is
        refused)."""
        if self.scope.readings.get("named values") and not isinstance(term, Sym) and any(
                isinstance(t, Sym) and isinstance(self.scope.context.info(t.name), NamedValue)
                for t in nodes(term)):
            raise self.error("a named value of a discrete variable is a label: it stands alone "
                             "as a density's argument or an event's value", node)

    def _named_value_of(self, variable, term, node):
        """Refuse a named value at a variable that does not range over its set (`q(a)` of a
        q over z, `P(y = a)`): its numeric coding would be taken for a value of z."""
        info = self.scope.context.info(term.name) if isinstance(term, Sym) else None
        if isinstance(info, NamedValue) and \
                getattr(self.scope.context.info(variable), "support", None) is not info.of:
            raise self.error(f"{term.name.latex} is a named value of another variable: "
                             f"{variable.latex} does not range over its set", node)

    def _named_variable(self, term, candidates):
        """The one candidate variable ranging over the set of the named value `term`, else
        None."""
        info = self.scope.context.info(term.name) if isinstance(term, Sym) else None
        if not isinstance(info, NamedValue):
            return None
        over = [v for v in candidates
                if getattr(self.scope.context.info(v), "support", None) is info.of]
        return over[0] if len(over) == 1 else None

    def points(self, name, info, pairs, node, exclude=()):
        """(variables, values) that the written arguments `pairs` stand at (see the module's
        rules); `exclude` are the variables already taken left of a `|`."""
        candidates = tuple(v for v in info.over if v not in exclude)
        named = [var if var is not None else self._implicit_variable(term) or
                 self._named_variable(term, candidates) or
                 self._parameter_variable(term, candidates) for var, term in pairs]
        family = bool(info.given)
        if all(v is not None for v in named) and (
                not family or all(v in candidates for v in named)):
            if len(set(named)) != len(named) or any(v in exclude for v in named):
                twice = next(v for k, v in enumerate(named) if v in named[:k] or v in exclude)
                sample = any(isinstance(t, Call) for _, t in pairs)
                raise self.error("a variable appears twice in a density's arguments" + (
                    f" ({twice.latex}: a data point {twice.latex}_i is a value of {twice.latex}, "
                    f"at its place)" if sample else ""), node)
            for variable, (_, term) in zip(named, pairs):
                self._make_variable(variable, info, name, node)
                self._named_value_of(variable, term, node)
            return in_order(info, named, [t for _, t in pairs]) if not family else \
                (tuple(named), tuple(t for _, t in pairs))
        if len(pairs) == len(candidates) and not any(v is not None for v, _ in pairs):
            for variable, (_, term) in zip(candidates, pairs):
                self._named_value_of(variable, term, node)
            return candidates, tuple(t for _, t in pairs)
        raise self.error(f"{name.latex} is a distribution over "
                         f"{', '.join(v.latex for v in candidates) or 'nothing more'}; say "
                         "which variable each argument stands for (use the variables' own "
                         "letters)", node)

    def _parameter_variable(self, term, candidates):
        """The candidate variable a definition's parameter is spelled as (`define
        m(\\tilde{x}) = \\int p(\\tilde{x}|x) p(x) dx` on a `joint p over x, \\tilde{x}`): the
        parameter is that variable's value, so the argument stands for that variable — the
        author's own letter says which. None for any other term."""
        if not isinstance(term, Sym) or not self.definition_parameter(term.name):
            return None
        return next((v for v in candidates if v.latex == term.name.latex), None)

    def _implicit_variable(self, term):
        """An undeclared letter written as a density's argument: it will be a variable."""
        if isinstance(term, Sym):
            found = self.scope.lookup(term.name.latex)
            if found is not None and found[0] is term.name and not found[1].declared and \
                    found[1].kind is Kind.SYMBOL and term.name.origin is None and \
                    term.name.local is None:
                return term.name
        return None

    def _make_variable(self, variable, info, dist, node):
        """Declare an undeclared letter a variable, discrete when the distribution's are.
        Not a renamed copy `x'`, `\\tilde x` (or sample `x_i`) of a declared x: that
        spelling stands for x wherever a sum, an integral or an expectation binds it, and a
        variable of its own made here would change those rows for the whole file (p a joint
        over x and x', its marginal at the bound x'); free, it is refused."""
        found = self.scope.lookup(variable.latex)
        if found is None or found[0] is not variable or found[1].declared:
            return
        copied = self.sample_of(variable.latex)
        if copied is not None:
            key, base = variable.latex, copied[0].latex
            raise self.error(f"{key} is free here: a copy of {base} ({key}, \\tilde{{{base}}}) "
                             f"stands for {base} where a sum, an integral or an expectation "
                             f"binds it (\\int … \\, d{key}); free, {dist.latex}({key}) would "
                             f"make it a variable of its own and {dist.latex} a joint over "
                             f"{base} and {key} — bind it, or declare it (% derive: variable "
                             f"{key}) for that meaning", node)
        discrete = any(getattr(self.scope.context.info(v), "discrete", False) for v in info.over)
        self.scope.declare_variable(variable.latex, discrete)

    def parameter_values(self, name, nodes, node):
        """The values after `;` in `p(x; \\theta)`: () at the parameter's current value."""
        if not nodes:
            return ()
        parameters = self.scope.context.moves_with(name)
        if len(nodes) != len(parameters):
            raise self.error(f"{name.latex} depends on {len(parameters)} parameter(s) "
                             "(declare them: % derive: depends p on \\theta); after ';' come "
                             "their values", node)
        values = tuple(self.term(n) for n in nodes)
        if all(isinstance(v, Sym) and v.name is p for v, p in zip(values, parameters)):
            return ()
        for value, parameter, at in zip(values, parameters, nodes):
            domain = self.scope.context.domain(parameter)
            if domain.is_real:          # an undeclared θ_0 ranges like θ (never complex)
                self._natural_bound(value, at, domain, f"a value of {parameter.latex}")
        if len(values) != 1:
            raise self.error("one parameter value is read after ';'", node)
        return values


def joined_events(bracket):
    """The bracket of a probability with events joined by `\\cap` (`X = x \\cap Y = y`,
    the grammar's `events`) as separate arguments, as `P(X = x, Y = y)` writes them: the
    intersection of events is their joint occurrence. Only a probability's arguments are
    so read; `\\cap` anywhere else is not (an `events` node is no expression)."""
    if not any(is_tree(a, "events") for a in bracket.args):
        return bracket
    args, seps = [], []
    for k, arg in enumerate(bracket.args):
        if k:
            seps.append(bracket.seps[k - 1])
        if not is_tree(arg, "events"):
            args.append(arg)
            continue
        parts = [c for c in arg.children if not is_token(c, "CAP")]
        for j in range(0, len(parts), 3):
            if j:
                seps.append(",")
            args.append(_assignment(parts[j:j + 3]))
    return replace(bracket, args=args, seps=seps)


def _assignment(children):
    """An `assignment` node `V REL v` of the three nodes, spanning them (for positions)."""
    meta = Meta()
    first, last = children[0], children[-1]
    for attr, node, own in (("line", first, "line"), ("column", first, "column"),
                            ("start_pos", first, "start_pos"), ("end_line", last, "end_line"),
                            ("end_column", last, "end_column"), ("end_pos", last, "end_pos")):
        value = getattr(node.meta if isinstance(node, Tree) else node, own, None)
        if value is not None:
            setattr(meta, attr, value)
            meta.empty = False
    return Tree("assignment", list(children), meta)


def _variable_of(term, scope):
    """The declared variable a term is (`x`, a bound copy of x) or is a data point of (`x_i`,
    a member of the family `SampleInfo` makes: a value of x), or None."""
    if isinstance(term, Call) and len(term.arguments) == 1:
        found = scope.lookup(term.function.latex)
        info = found[1].info if found is not None and found[0] is term.function else None
        return info.of if isinstance(info, SampleInfo) else None
    if isinstance(term, Sym):
        name = term.name
        if name.origin is not None:
            return name.origin
        found = scope.lookup(name.latex)
        if found is not None and found[0] is name and found[1].kind is Kind.VARIABLE and \
                found[1].declared:
            return name
    return None


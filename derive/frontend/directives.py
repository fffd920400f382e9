"""Directives: what a file declares, read from `% derive: KEYWORD body` lines (and the
YAML context). Each holds from where it stands to the end of the file.

    title TEXT                      variable x, z            discrete x
    discrete x in \\mathcal{X}, y in \\mathcal{Y}                discrete x, y in \\mathcal{X}
    density p, q                    density q over z         density q_\\phi over z given x
    density p_g over x is the law of g(z) for z \\sim p_z    (a pushforward)
    density p over x in [0, \\infty)  (an abstract density, 0 off that interval)
    density p = \\mathcal{N}(\\mu, \\sigma^2) over x       density p = e^{-x} over x in (0, \\infty)
    variable z in \\mathbb{R}^J     real \\mu in \\mathbb{R}^J  (vectors)
    joint p over x, y               joint p over v, h with parameter \\theta
    distribution P with density p   random X with density p over x
    expectation E                   expectations under q     same x, x^{(i)}
    information in bits             (KL, JS, H, I in bits: their value in nats over log 2)
    define f(t) = t^2               function f, g            convex f | concave g
    real a | positive a | nonnegative a | integer n | natural n
    positive a_i, b_i for i = 1..n  (an indexed family; a bound-less \\sum_i runs over 1..n)
    real z_j                        (j one letter: the family z, no range; \\theta_0 is a name)
                                    (until j is declared no whole number: real \\mu_p above
                                    density p = … makes \\mu_p a name)
    depends p_\\theta on \\theta     fixed D^{\\star}          moving D^{\\star}
    assume b - c = 1, t < 1         (hypotheses of every row below)
    at \\theta = \\theta_0             (the next row holds at that point: gradients agree there)
    expect refuted | undecided      note TEXT                figure NAME key=value …

Every name is LaTeX, read exactly like the math. A declaration that changes what names
mean (all but expect, note, figure, title) ends the chain it interrupts.
"""

from __future__ import annotations

import re
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

from derive.frontend.errors import InputError
from derive.frontend.latex.annotations import RemarkError, conditions
from derive.frontend.latex.marginals import why_not_marginal
from derive.frontend.latex.reader import LOCAL_INDEX
from derive.frontend.latex.relations import top_level_law
from derive.frontend.latex.samples import COPIES
from derive.frontend.recurrence_directives import (base_of, declare_recurrence,
                                                   recurrence_of, take_base)
from derive.frontend.scope import LabelledAbove, UsedBefore, reaches, rebinds_constant
from derive.model.derivation import Relation
from derive.model.names import (
    Declaration, DefinitionInfo, DistributionInfo, Domain, FunctionInfo, IndependentCopies, UnknownLaw,
    IndexRange, IndexSubset, Kind, Name, NamedValue, NamedValues, Pushforward, Reparameterised,
    SetInfo, label_letters,
)
from derive.model.terms import (
    Dens, Dist, Family, Mul, Num, Pow, Sym, free_names, neg, nodes, sub, substitute,
)
from derive.frontend import intervals
from derive.frontend.reals import why_not_real
from derive.notation import families, parameters, vectors
from derive.notation.show import show
from derive.frontend.latex.reparameterised import REPARAMETERISED

DOMAINS = {"real": Domain.REAL, "positive": Domain.POSITIVE, "nonnegative": Domain.NONNEGATIVE,
           "integer": Domain.INTEGER, "natural": Domain.NATURAL}
KEYWORDS = ("title", "variable", "variables", "discrete", "density", "densities", "joint",
            "define", "function", "functions", *DOMAINS, "depends", "fixed", "moving",
            "expect", "note", "figure", "distribution", "at", "random", "expectation",
            "expectations", "same", "convex", "concave", "assume", "information", "normal")
# A word in an upright or italic font, alone (`would_declare`)
LONE_WORD = re.compile(r"\s*\\(?:text|mathrm|operatorname|textrm|mathit|textit)\s*\{\s*[A-Za-z]+\s*\}"
                       r"(?:_\{[A-Za-z0-9, ]*\}|_[A-Za-z0-9])?\s*")
# Directives whose body lists the names they declare, one kind for all (`would_declare`)
LISTING = frozenset({*DOMAINS, "variable", "variables", "function", "functions", "discrete"})
EXPECTABLE = ("refuted", "undecided")
PASSIVE = ("title", "expect", "note", "figure", "at")     # these leave chains alone
NAMED_VALUES = re.compile(r"(?P<names>(?:[^{}]|\{[^{}]*\})+?) in "      # x in \{a, b\}
                          r"\\\{(?P<values>[^{}]*(?:\{[^{}]*\}[^{}]*)*)\\\}\s*")
# `\Sigma = \text{diag}(…)`, `\Sigma = \sigma^2 I`: a diagonal matrix named by one letter.
DIAGONAL = re.compile(r"\s*(?P<name>\\?[A-Za-z]+)\s*(?::=|=|\\coloneqq)\s*(?P<value>.+?)\s*$")
# A variable's range written as an interval: `[0, 1]`, `(0, \infty)`, `\lbrack 0, 1 \rbrack`
INTERVAL = re.compile(r"\s*(\(|\[|\\lbrack|\]).*(\)|\]|\\rbrack|\[)\s*")
# A subscripted name's key, `h_{i}`: its base names a family `h_{\cdot}` if one is defined.
MEMBER = re.compile(r"(?P<base>[^_]+)_\{(?!\\cdot\})[^{}]*\}")
SUPPORT = re.compile(r"\s*(?P<name>[^=]+?)\s*=\s*\\\{\s*(?P<var>[^:{}]+?)\s*:\s*(?P<cond>.+?)\s*\\\}\s*$")


class Directives:
    """Applies directives to a `FileScope` through a `Reader` (names are read as math)."""

    def __init__(self, scope, reader, source):
        self.scope, self.reader, self.source = scope, reader, source
        self.title = ""
        self.expect = ""             # for the next row only: a verdict the author expects
        self.expect_at = 0           # where that expect stands
        self.note = ""               # for the next row only: a remark for readers
        self.figures = []            # figures the file asks reports to draw
        self.point = None            # for the next row only: (parameter, value) it holds at
        self._within = False         # the directive applied stands inside a display

    def apply(self, keyword, body, offset, within=False):
        """Apply one directive; `offset` is where `body` starts in the file (`within`: it
        stands between the rows of one display). Returns whether it changes what names
        mean (then the current chain ends)."""
        self._within = within
        if keyword not in KEYWORDS:         # at the keyword (an empty one: its own line's end)
            from derive.interfaces.suggest import did_you_mean
            head, _, rest = keyword.partition("-")
            hint = f"; did you mean '{head} {rest}'?" if rest and head in KEYWORDS else \
                did_you_mean(keyword, KEYWORDS) if keyword else ""
            raise self.source.error((f"unknown directive {keyword!r}" if keyword else
                                     "a derive: directive needs a keyword") + (
                hint if hint else f"; known: {', '.join(KEYWORDS)}"), offset - len(keyword) - 1)
        handler = getattr(self, "_" + {"variables": "variable", "densities": "density",
                                       "functions": "function"}.get(keyword, keyword), None)
        if keyword in DOMAINS:
            self._symbols(body, offset, DOMAINS[keyword])
        else:
            handler(body, offset)
        return keyword not in PASSIVE

    # ------------------------------------------------------------------ passive
    def _title(self, body, offset):
        self.title = body.strip()

    def _expect(self, body, offset):
        if self.expect:
            raise self.source.error("a second expect before the row the first one is for: "
                                    "one expect per row", offset)
        self.expect = self.expectation(body, offset)
        self.expect_at = offset

    def _note(self, body, offset):
        self.note = " ".join(body.split())

    def _figure(self, body, offset):
        """`kl-fits modes=-2,2 sd=0.6` → ("kl-fits", (("modes", "-2,2"), ("sd", "0.6")))."""
        name, *pairs = body.split() or [""]
        if not name:
            raise self.source.error("a figure needs a name", offset)
        if name not in ("densities", "kl-fits"):
            raise self.source.error(f"unknown figure {name!r}; known: densities, kl-fits",
                                    offset + body.find(name))
        if name == "densities":
            return self._figure_densities(body[body.find(name) + len(name):],
                                          offset + body.find(name) + len(name))
        params = []
        for pair in pairs:
            key, sep, value = pair.partition("=")
            if not sep or not key or not value:
                raise self.source.error(f"a figure's parameters read key=value, not {pair!r}",
                                        offset)
            if name == "kl-fits":
                _kl_fits_value(key, value, lambda message: self.source.error(
                    message, offset + body.find(pair)))
            params.append((key, value))
        self.figures.append((name, tuple(params)))

    def _figure_densities(self, body, offset):
        """`densities p_1, p_2 at \\mu_1=0, \\sigma_1=1 [fit=reverse]`: each density of a
        standard family, its parameters put to the numbers given."""
        body, fit = body, ""
        words = body.rsplit(None, 1)
        if len(words) == 2 and words[1].startswith("fit="):
            body, fit = words[0], words[1][4:]
        names, sep, values = body.partition(" at ")
        mapping = {}
        if sep:
            start = offset + len(names) + len(sep)
            for assignment in values.split(","):
                key_text, eq, value_text = assignment.partition("=")
                if not eq:
                    raise self.source.error("parameter values read \\mu_1=0", start)
                found = self.scope.lookup(self.reader.read_name(key_text, start))
                if found is None:
                    raise self.source.error(f"{key_text.strip()} is not declared", start)
                value = self.reader.read_term(value_text, start + len(key_text) + 1)
                self._in_domain(found[0], value, start)
                mapping[found[0]] = value
                start += len(assignment) + 1
        params = []
        for key, at in self._names(names, offset):
            found = self.scope.lookup(key)
            family = getattr(found[1].info, "family", None) if found is not None else None
            if family is None:
                raise self.source.error(f"{key} is not a density of a standard family", at)
            spec = families.BY_KIND[family.family]
            if spec.discrete:
                raise self.source.error(f"a figure of densities draws continuous families; "
                                        f"{key} is {spec.title}", at)
            numbers = [self._number(substitute(p, mapping), at) for p in family.params]
            for term, what in spec.validity(tuple(Num(v) for v in numbers)):
                if self._exact(term) < FIGURE_SMALLEST:
                    raise self.source.error(f"{key} at these values is no {spec.title} density "
                                            f"the figure can draw: it needs {what} (at least "
                                            f"10^{{-4}})", at)
            params.append((key, f"{family.family}:{','.join(repr(float(v)) for v in numbers)}"))
        if fit:
            params.append(("fit", fit))
        self.figures.append(("densities", tuple(params)))

    def _exact(self, term):
        """The rational value of a term, or None."""
        from derive.engines import normal_form
        try:
            return normal_form.Normaliser(self.scope.context).value(term).constant()
        except (normal_form.Unsupported, normal_form.Undefined):
            return None

    def _number(self, term, at):
        """The exact value of a figure's parameter, within what the figure can draw."""
        value = self._exact(term)
        if value is None:
            raise self.source.error("give every parameter of the figure's densities a "
                                    "number (after 'at')", at)
        if abs(value) > FIGURE_LARGEST:
            raise self.source.error(f"a figure draws on [-10, 10]: its parameters lie between "
                                    f"-{FIGURE_LARGEST} and {FIGURE_LARGEST}", at)
        return value

    def _in_domain(self, name, value, at):
        """A figure's value for a declared name lies in the name's declared domain."""
        domain = self.scope.context.domain(name)
        number = self._exact(value)
        if number is None:
            return                          # not a number: refused where it is used
        fits = {Domain.POSITIVE: number > 0, Domain.NONNEGATIVE: number >= 0,
                Domain.INTEGER: number.denominator == 1,
                Domain.NATURAL: number.denominator == 1 and number >= 1,
                Domain.WHOLE: number.denominator == 1 and number >= 0}.get(domain, True)
        if not fits:
            raise self.source.error(f"{name.latex} is declared {domain.value}: the figure "
                                    f"cannot put it to {number}", at)

    def expectation(self, body, offset):
        word = body.strip()
        if word not in EXPECTABLE:
            from derive.interfaces.suggest import did_you_mean
            raise self.source.error(f"expect takes one of: {', '.join(EXPECTABLE)}"
                                    + did_you_mean(word, EXPECTABLE), offset)
        return word

    def _at(self, body, offset):
        """`at \\theta = \\theta_0`: the next row is a claim at that point (both sides are
        evaluated there: "the gradients of A and B agree at θ_0")."""
        name_text, sep, value_text = body.partition("=")
        if not sep:
            raise self.source.error("write: at \\theta = \\theta_0", offset)
        key = self.reader.read_name(name_text, offset)
        found = self.scope.lookup(key)
        if found is None or not found[1].declared:
            raise self.source.error(f"{key} is not declared: 'at' puts a declared symbol or "
                                    "parameter to a value", offset)
        self.point = (found[0], self.reader.read_term(value_text, offset + len(name_text) + 1))

    def take_point(self):
        """(Name, value term) the next row is claimed at, or None; consumed by it."""
        point, self.point = self.point, None
        return point

    def take_pending(self):
        """(expectation, note) for the next row, consumed by it."""
        pending = (self.expect, self.note)
        self.expect = self.note = ""
        return pending

    # ------------------------------------------------------------------ declarations
    def _variable(self, body, offset, discrete=False):
        if self._in_interval(body, offset, discrete):
            return
        names, dimension = self._space(body, offset)
        for key, _ in self._names(names, offset):
            if dimension is None:
                self._declare_variable(key, discrete)
                continue
            if discrete:
                raise self.source.error("a discrete variable is not a vector", offset)
            components = self.scope.declare(key + "_{\\cdot}", Declaration(Kind.FUNCTION,
                                                                             Domain.REAL))
            self.scope.declare(key, Declaration(Kind.VARIABLE, Domain.REAL, vectors.VectorVariableInfo(
                dimension=dimension, components=components)))

    def _in_interval(self, body, offset, discrete):
        """`variable p in [0, 1]` (also `(0, 1)`, `[0, \\infty)`, `\\lbrack 0, 1 \\rbrack`):
        real variables ranging over an interval with number ends — a probability parameter
        "p ∈ [0, 1]" of Bishop, Murphy and the Book of Statistical Proofs. Each is declared
        with its interval (`VariableInfo.interval`): every row using it free assumes it lies
        inside (`intervals.hypotheses`), an integral over it without limits runs between the
        ends and an optimum over it without a range runs over it. False when `body` has no
        interval; refused for ends that are not numbers or ±∞, or do not make an interval."""
        names, sep, space = body.partition(" in ")
        if not sep or not INTERVAL.fullmatch(space):
            return False
        at = offset + len(names) + len(sep) + len(space) - len(space.lstrip())
        if discrete:
            raise self.source.error("a discrete variable ranges over a finite set, not an "
                                    "interval", at)
        low, high, closed = self.reader.read_range(space, at)
        why = intervals.not_an_interval(low, high, closed)
        if why is not None:
            raise self.source.error(f"a variable's range {space.strip()}: {why}", at)
        for key, at_name in _distinct(self.source, self._names(names, offset)):
            if self.scope.lookup(key) is not None:
                raise self.source.error(f"{key} has a meaning above: declare its range where "
                                        "it is first declared (one name means one thing)",
                                        at_name)
            name = self.scope.declare_variable(key, interval=(low, high, closed))
            self.scope.index_ranges += tuple((name, h) for h in
                                             intervals.hypotheses(name, low, high, closed))
        return True

    def _space(self, body, offset):
        """(names, dimension term or None) of `z in \\mathbb{R}^J`."""
        names, sep, space = body.partition(" in ")
        if not sep:
            return body, None
        space_at = offset + len(names) + len(sep)
        found = re.fullmatch(r"\s*\\mathbb\s*\{\s*R\s*\}\s*\^\s*(\{(.+)\}|(.))\s*", space)
        if found is None:
            raise self.source.error("a vector's space reads \\mathbb{R}^J", space_at)
        text = found.group(2) or found.group(3)
        dimension = self.reader.read_term(text, space_at + space.find(text))
        if isinstance(dimension, Sym):      # ℝ^n: n is a dimension, a natural number
            self.scope.natural(dimension.name, offset)
        return names, dimension

    def _discrete(self, body, offset):
        """`x, y` | `x in \\mathcal{X}, y in \\mathcal{Y}` | `x, y in \\mathcal{X}`: each
        `in SET` gives its range to the names listed since the one before. A variable
        declared without a range ranges over a finite set of its own. `\\mathcal{C} in
        \\{\\mathcal{C}_1, \\mathcal{C}_2\\}`: over the set of those named values."""
        listed = NAMED_VALUES.fullmatch(body)
        if listed is not None:
            self._named_values(listed, offset)
            return
        pending = []
        for key, at in _distinct(self.source, self._names(body, offset, ranges=True)):
            name, _, support = key.partition(" in ")
            pending.append(name)
            if support:
                finite = self._finite_set(support, at)
                for variable in pending:
                    self._declare_variable(variable, True, finite)
                pending = []
        for variable in pending:
            self._declare_variable(variable, True)

    def _named_values(self, listed, offset):
        """`x, y in \\{a, b, c\\}`: x and y range over the set of the named values a, b, c —
        fresh names, distinct, none a number (derive reads them as labels, `NamedValue`)."""
        values_at = offset + listed.start("values")
        keys, start = [], 0
        for piece in listed.group("values").split(","):
            at = values_at + start
            start += len(piece) + 1
            if re.fullmatch(r"\s*[-+]?[0-9.]+\s*", piece):
                raise self.source.error("a discrete variable's values written as numbers are "
                                        "not read: name them (\\{\\mathcal{C}_1, "
                                        "\\mathcal{C}_2\\}), or declare the variable and sum "
                                        "over \\{0, 1\\}", at)
            if not piece.strip():
                raise self.source.error("expected a value's name here", at)
            key = self.reader.read_name(piece, at)
            if key in keys or self.scope.lookup(key) is not None:
                raise self.source.error(f"{key} is listed twice or has a meaning above: a "
                                        "named value is a fresh name", at)
            keys.append(key)
        label = "\\{" + ", ".join(keys) + "\\}"
        finite = Name(label)
        values = tuple(self.scope.declare(key, Declaration(
            Kind.SYMBOL, Domain.REAL, NamedValue(finite, k))) for k, key in enumerate(keys, 1))
        self.scope.declare_unspelled(finite, Declaration(
            Kind.SET, Domain.COMPLEX, NamedValues(Name(f"|{label}|"), values)))
        for key, _ in _distinct(self.source, self._names(listed.group("names"), offset)):
            self._declare_variable(key, True, finite)
        self.scope.readings["named values"] = True

    def _finite_set(self, key, at):
        """The Name of a finite set, declared on first mention (with its size |𝒳|)."""
        found = self.scope.lookup(key)
        if found is not None and found[1].declared:
            if found[1].kind is not Kind.SET:
                raise self.source.error(f"{key} is declared as a {found[1].kind.value}, not a "
                                        "set", at)
            return found[0]
        return self.scope.declare(key, Declaration(Kind.SET, Domain.COMPLEX,
                                                   SetInfo(Name(f"|{key}|"))))

    def _declare_variable(self, key, discrete=False, support=None):
        return self.scope.declare_variable(key, discrete, support)

    def _variable_name(self, key):
        found = self.scope.lookup(key)
        if found is not None and found[1].kind is Kind.VARIABLE and found[1].declared:
            return found[0]
        return self._declare_variable(key)

    def _density(self, body, offset):
        body, sep, law = body.partition(" is the law of ")
        names, clauses = _clauses(body, ("over", "given"))
        over, given = clauses["over"], clauses["given"]
        if "=" in names:
            return self._density_formula(body, offset)
        if " in " in given:
            raise self.source.error("a support ('in …') is read for a density over one "
                                    "variable, not a joint or a conditional family",
                                    offset + body.find(given))
        over, _, support = (over or "").partition(" in ")
        variables = self._over(over, offset + body.find(over) if over else offset)
        support = self._abstract_support(support, body.find(support) + offset, variables,
                                         given) if support else None
        conditioning = tuple(self._variable_name(k) for k, _ in
                             self._names(given, offset + body.find(given))) if given else ()
        pushforward = self._law(law, offset + len(body) + len(sep), variables) if sep else None
        for key, at in self._names(names, offset):
            key = self._joint_base(key, variables) if not conditioning else key
            self._declare_distribution(key, variables, conditioning, at, law=pushforward,
                                       support=support)

    def _joint_base(self, key, variables):
        """`density f_{X,Y} over x, y` (a statistics course's joint density, subscripted by
        the random variables of all the variables it is over, in order, at least two): the
        density named f, so that `f_{X,Y}(x, y)` is it and `f_X(x)`, `f_{X|Y}(x|y)` are its
        marginal and conditional, read as every `p_X`, `p_{X|Y}` of a declared p is. Any
        other subscript (`f_X over x`, `f_{Y,X} over x, y`) keeps the whole name."""
        written = re.fullmatch(r"(?P<base>[A-Za-z])_\{\(?(?P<inside>[^{}()|]*)\)?\}", key)
        if written is None or len(variables) < 2:
            return key
        named = [self.reader.capital_variable(c)
                 for c in self.reader._capitals(written.group("inside"))]
        if tuple(named) != tuple(variables) or self.scope.lookup(written.group("base")):
            return key
        return written.group("base")

    def _abstract_support(self, text, at, variables, given):
        """`density p over x in [0, \\infty)`: an abstract density of one variable that is 0
        off that interval (a non-negative random variable). Its ends must be numbers or
        ±∞ — every engine then knows the support exactly (the numeric engine draws the
        density's cells inside it)."""
        if len(variables) != 1 or given:
            raise self.source.error("a support ('in …') is read for a density over one "
                                    "variable, not a joint or a conditional family", at)
        low, high = self.reader.read_interval(text, at)
        for end in (low, high):
            if end is not None and not isinstance(end, Num):
                raise self.source.error("the ends of an abstract density's support must be "
                                        "numbers or \\infty (a support with letters is not "
                                        "read yet)", at)
        if low is not None and high is not None and not low.value < high.value:
            raise self.source.error("a support runs from its lower end to a larger upper "
                                    "end", at)
        from derive.engines.numeric.instances import declared_support
        others = declared_support(self.scope.context)
        lows = [e.value if isinstance(e, Num) else e for e in (low, others[0]) if e is not None]
        highs = [e.value if isinstance(e, Num) else e for e in (high, others[1]) if e is not None]
        if lows and highs and not max(lows) < min(highs):
            raise self.source.error("this support does not overlap those declared above: "
                                    "densities on disjoint supports are not drawn yet", at)
        return low, high

    def _law(self, text, offset, variables):
        """`g(z) for z \\sim p_z`: the pushforward of p_z by a declared function g."""
        mapped, sep, drawn = text.partition(" for ")
        variable, sim, source = drawn.partition("\\sim")
        if not sep or not sim or len(variables) != 1:
            raise self.source.error("write: density p_g over x is the law of g(z) for "
                                    "z \\sim p_z", offset)
        at = offset + len(mapped) + len(sep)
        z = self.scope.lookup(self.reader.read_name(variable, at))
        p_z = self.scope.lookup(self.reader.read_name(source, at + len(variable) + len(sim)))
        if z is None or z[1].kind is not Kind.VARIABLE or p_z is None or \
                p_z[1].kind is not Kind.DISTRIBUTION or p_z[1].info.over != (z[0],):
            raise self.source.error("the variable drawn must be a declared variable, and the "
                                    "law it is drawn from a density over it", at)
        term = self.reader.read_term(mapped, offset)
        g = getattr(term, "function", None)
        arguments = getattr(term, "arguments", ())
        if g is not None and len(arguments) > 1 and arguments[-1] == Sym(z[0]) and \
                self.scope.context.kind(g) is Kind.FUNCTION:
            return self._reparameterised(g, arguments[:-1], z[0], p_z[0], offset)
        if g is None or getattr(term, "arguments", None) != (Sym(z[0]),) or \
                self.scope.table.get(g) is None or self.scope.table[g].kind is not \
                Kind.FUNCTION or not self.scope.table[g].declared:
            raise self.source.error("the law of g(z) needs g declared as a function "
                                    "(% derive: function g) and applied to the variable drawn",
                                    offset)
        return Pushforward(g, z[0], p_z[0])

    def _reparameterised(self, g, parameters, z, p_z, offset):
        """`q_\\phi over z is the law of g_\\phi(\\epsilon) for \\epsilon \\sim p`: g_φ read
        g_φ(φ, ε), its parameters before the variable drawn. They must be declared numbers
        (never the variable drawn, nor another variable: the law of g(x, ε) at each x is a
        conditional law), and the law drawn from must not move with them."""
        context = self.scope.context
        for a in parameters:
            if not isinstance(a, Sym) or context.kind(a.name) not in (Kind.SYMBOL,
                                                                       Kind.PARAMETER):
                raise self.source.error(
                    f"{g.latex} is applied to {', '.join(show(a) for a in parameters)} before "
                    f"{z.latex}: the parameters of a reparameterised law must be declared "
                    "numbers (real \\phi)", offset)
        info = context.info(p_z)
        written = set(self.scope.parameters.get(p_z, ()))
        for piece in getattr(info.formula, "pieces", ()):
            written.update(*(free_names(t) for t in piece if t is not None))
        if written & {a.name for a in parameters}:
            raise self.source.error(f"{p_z.latex} moves with the map's parameters: the "
                                    "reparameterisation draws from a law free of them", offset)
        self.scope.readings[REPARAMETERISED] = True
        return Reparameterised(g, tuple(parameters), z, p_z)

    def _density_formula(self, body, offset):
        """`p_1 = \\mathcal{N}(\\mu_1, \\sigma_1^2) over x`: a density of a standard family,
        whose parameters must be shown valid; `p = FORMULA over x in (a, b)`: a density
        given by a formula in x on that support (the whole line without `in`)."""
        head, _, rest = body.partition("=")
        rest_at = offset + len(head) + 1
        formula_text, clauses = _clauses(rest, ("over",))
        over, support = clauses["over"].partition(" in ")[::2]
        variables = self._over(over, rest_at + rest.find(over) if over else rest_at)
        if len(variables) != 1:
            raise self.source.error("a density by formula is over one variable", offset)
        (variable,) = variables
        ((key, at),) = self._names(head, offset)
        self.scope.not_an_index(key)            # `\mu_p` in p's own formula names p's mean
        family = self.reader.read_distribution(formula_text, rest_at)
        if family is not None:
            try:
                family = families.for_variable(family, variable, self.scope.context)
            except ValueError as exc:
                raise self.source.error(str(exc), rest_at) from None
            if support:
                raise self.source.error(f"{family.family}(…) has its own support; drop "
                                        "'in …'", rest_at)
            self._dimensions_fit(family, variable, rest_at)
            problems = families.check(family, self._sign)
            if problems:
                raise self.source.error(f"this {families.BY_KIND[family.family].title} "
                                        f"distribution needs {' and '.join(problems)}, which "
                                        "the declarations and hypotheses in force do not "
                                        "show (declare the parameters, e.g. positive "
                                        "\\sigma, or assume 0 < \\theta < 1 above)", rest_at)
            formula = families.of_family(family, variable)
        else:
            low = high = None
            if support:
                where = rest_at + rest.find(support)
                low, high = self.reader.read_interval(support, where)
            value = self.reader.read_term(formula_text, rest_at)
            if not support and self._unranged(variable):
                low = self._first_point(value, variable, rest_at)
            formula = families.Formula(variable, ((low, high, value),))
            if variable not in free_names(value) and (low is None or high is None) and \
                    not getattr(self.scope.context.info(variable), "discrete", False):
                raise self.source.error(
                    f"this formula does not involve {variable.latex}: no density on an "
                    f"unbounded range is constant — a family derive does not know "
                    f"(\\mathcal{{G}}(a, b))? The README lists the families it reads",
                    rest_at)
        itself = self.scope.names.get(key)
        if any(itself in free_names(t) for piece in formula.pieces for t in piece
               if t is not None):
            raise self.source.error(f"{key}'s formula names {key} itself: a density by "
                                    "formula is written in its variable and other names",
                                    rest_at)
        self._declare_distribution(key, (variable,), (), at, formula)

    def _unranged(self, variable):
        """Whether `variable` is discrete and declared without a set (`discrete k`): its
        range is a set of its own, which no spelling names."""
        info = self.scope.context.info(variable)
        support = getattr(info, "support", None)
        return getattr(info, "discrete", False) and support is not None and \
            self.scope.names.get(support.latex) is not support

    def _first_point(self, value, variable, at):
        """The first point of a mass function by formula over a discrete variable declared
        without a set or a support (`density f = (1 - p)^k p over k`): 0 or 1, where its
        formula sums to 1 (`series.first_point`) and its values are shown ≥ 0 (a signed
        formula of total 1, `\\frac{3}{2}(-\\frac{1}{2})^k`, is no mass function); the
        support is the whole numbers from there up. Otherwise refused."""
        from derive.engines.series import first_point
        low = first_point(value, variable, self.scope.assumptions, self.scope.context)
        if low is None:
            key = variable.latex
            raise self.source.error(
                f"where does this mass function live? {key} is declared without a set, and "
                f"its formula is not shown to sum to 1 over the whole numbers from 0 up, nor "
                f"from 1 up: declare its support, over {key} in [0, \\infty) (or [0, n], "
                f"…), under the hypotheses that make it a mass function", at)
        point = Name(variable.latex)                 # k = 0, 1, … (1, 2, … from 1)
        whole = Declaration(Kind.SYMBOL, Domain.WHOLE if low == 0 else Domain.NATURAL)
        if not self._nonnegative(substitute(value, {variable: Sym(point)}), point, whole):
            raise self.source.error(
                f"this formula sums to 1 from {variable.latex} = {low} up, but its values are "
                f"not shown ≥ 0 there (a mass function's are): declare the names it uses "
                f"(positive, or assume 0 < p < 1 above), or write a formula that is", at)
        return Num(low)

    def _nonnegative(self, term, point, declaration):
        """Whether `term` is shown ≥ 0 with `point` declared so (a mass function's first
        point and up), under the hypotheses in force."""
        from derive.engines import normal_form
        from derive.engines.hypotheses import restricted
        from derive.model.context import Context
        (term,), context = restricted((term,), self.scope.assumptions, self.scope.context, [])
        table = dict(context.table)
        table[point] = declaration
        n = normal_form.Normaliser(Context(table, context.parameters, context.fixed))
        try:
            return n.positivity(term) in (normal_form.POS, normal_form.NONNEG)
        except (normal_form.Unsupported, normal_form.Undefined):
            return False

    def _sign(self, term):
        """The sign the normal form shows for a parameter, at the instances the hypotheses
        in force (`assume 0 < \\theta < 1`) keep — the restriction every step below is
        checked under; one derive cannot use is left out (it would only narrow them). (An
        undeclared `I` in a normal's variance is already the number 1: `Reader.family`.)"""
        from derive.engines import normal_form
        from derive.engines.hypotheses import restricted
        (term,), context = restricted((term,), self.scope.assumptions, self.scope.context, [])
        n = normal_form.Normaliser(context)
        try:
            return n.positivity(term)
        except (normal_form.Unsupported, normal_form.Undefined):
            return None

    def row_law(self, text, offset):
        """A premise `X \\sim LAW` beside a row (`Reader.read_law`) whose variable x has no
        declared law at all (`% derive: variable z`, then `Z \\sim N(0, 1) \\implies h(Z) =
        …`): the family is x's law for that row, declared (under an unspelled name, the law
        as written) as `density … = LAW over x` would be — its parameters shown valid, else
        an error —, as a family written inline (`families.placed`): never taken as genuine. The Name, for the builder to withdraw after the row; None when the text
        is no such premise."""
        at = top_level_law(text)
        if at is None:
            return None
        variable, law, law_text, _ = self.reader.law_premise(text, at, offset)
        if not isinstance(law, Family) or any(
                d.kind is Kind.DISTRIBUTION and variable in d.info.over
                for d in self.scope.table.values()):
            return None
        problems = families.check(law, self._sign)
        if problems:
            raise self.source.error(f"{law_text} needs {' and '.join(problems)}, which the "
                                    "declarations and hypotheses in force do not show "
                                    "(declare the parameters, e.g. positive \\sigma)",
                                    offset + at)
        # its name carries its declaration (`families.placed`): a row continuing this one
        # (`&= …`) still reads the law its terms were written with, after it is withdrawn
        name = families.placed(law, variable, law_text).name
        return self.scope.declare_unspelled(name, name.local)

    def _joint(self, body, offset):
        """`p over x, y` (also `p over v, h with parameter \\theta`: p depends on θ, and is
        written p(v, h; θ) or p(v, h))."""
        names, clauses = _clauses(body, ("over", "with parameter"))
        over, parameter = clauses["over"], clauses["with parameter"]
        if not over:
            raise self.source.error("write: joint p over x, y", offset)
        variables = tuple(self._variable_name(k) for k, _ in
                          _distinct(self.source, self._names(over, offset + body.find(over))))
        for key, at in self._names(names, offset):
            self._declare_distribution(key, variables, (), at)
            if parameter:
                self._depends(f"{key} on {parameter}", offset + body.find(parameter) - len(key) - 4)

    def _distribution(self, body, offset):
        """`P with density p` (also `… over z`): P and p name one distribution — P the
        law, p its density — so P(x), p(x), D(P‖Q) and E_{x∼P} mean what they say. A density
        declared before (by formula, say) keeps its declaration; P becomes its other name."""
        law, sep, rest = body.partition(" with density ")
        if not sep:
            raise self.source.error("write: distribution P with density p", offset)
        density, over, _ = rest.partition(" over ")
        start = offset + len(law) + len(sep)
        found = self.scope.lookup(self.reader.read_name(density, start))
        if found is None or found[1].kind is not Kind.DISTRIBUTION:
            self._density(rest, start)
        elif over:                          # p is declared (perhaps by formula): P names it
            raise self.source.error(f"{density.strip()} is already declared over its "
                                    "variables: write distribution P with density p", start)
        self._alias(density, law, offset)

    def _random(self, body, offset):
        """`X with density p over x`: X is the random variable whose value is x and whose
        law has density p (E[g(X)] = ∫ p(x) g(x) dx). For a density declared before over
        one variable (`density \\phi = \\mathcal{N}(0, \\sigma^2) over x`), `random X with
        density \\phi` is enough."""
        rv, sep, rest = body.partition(" with density ")
        if not sep and " for " in body:
            return self._lawless_families(body, offset)
        if not sep and re.search(r",.*\sindependent\s*$", body) and self._all_new(body, offset):
            return self._lawless_variables(body, offset)
        if not sep and re.search(r",.*\sindependent\s*$", body):
            return self._independent(body, offset)
        if " for " in rest:
            return self._independent_copies(rv, rest, offset)
        self.scope.random_spellings.add(self.reader.read_name(rv, offset))
        names, clauses = _clauses(rest, ("over",))
        start = offset + len(rv) + len(sep)
        known = self.scope.lookup(self.reader.read_name(rest.strip(), start)) \
            if sep and not clauses["over"] else None
        if known is not None and known[1].kind is Kind.DISTRIBUTION:
            self._no_conditional_law(rv, known, start)
        if known is not None and known[1].kind is Kind.DISTRIBUTION and \
                len(known[1].info.over) == 1:   # p declared before (by formula): X is its x
            self._alias(known[1].info.over[0].latex, rv, offset)
            self._record_law(rv, known, known[1].info.over[0], offset)
            return
        if not sep or not clauses["over"]:
            raise self.source.error("write: random X with density p over x (or, for random "
                                    "variables known only by their moments: random W, X "
                                    "independent — random W_i, X_i for i = 1..n, iid)", offset)
        if "(" in names:
            return self._random_of_family(rv, names, clauses["over"], start, offset)
        declared = self.scope.lookup(self.reader.read_name(names.strip(), start))
        if declared is not None and declared[1].kind is Kind.DISTRIBUTION:
            self._no_conditional_law(rv, declared, start)
            # p declared before (a joint): X is one of its variables, its law p's marginal
            variable = self.scope.lookup(self.reader.read_name(clauses["over"].strip(), start))
            if variable is None or variable[0] not in declared[1].info.over:
                raise self.source.error(f"{names.strip()} is already declared, over "
                                        + ", ".join(v.latex for v in declared[1].info.over)
                                        + f": write random {rv.strip()} with density "
                                        f"{names.strip()} over one of them", start)
            self._alias(clauses["over"], rv, offset)
            self._record_law(rv, declared, variable[0], offset)
            return
        self._density(rest, start)
        self._alias(clauses["over"], rv, offset)
        self._record_law(rv, self.scope.lookup(self.reader.read_name(names.strip(), start)),
                  self.scope.lookup(self.reader.read_name(clauses["over"].strip(), start))[0],
                  offset)

    def _independent(self, body, offset):
        """`V, W independent` (after `random V with density P_V over v` and `random W with
        density P_W over w`): the random variables are independent — their joint law, over
        v, w, is declared with the product P_V(v) P_W(w) as its density, which both engines
        read through its expression (`joint.expression_density`), so `\\mathbb{E}(VW)`,
        `P(V = v, W = w)` and `P(V = v \\mid W = w)` are under it. Each must have a law of its
        own over a variable of its own (`_record_law`), none of those variables already
        under a declared joint with another of them (whose law would then not be the
        product): refused otherwise, never independence assumed of a law the file gave."""
        listed = body.strip()[:-len("independent")].rstrip().rstrip(",")
        names = self._names(listed, offset)
        laws, variables = [], []
        for key, at in names:
            law = self.scope.random_laws.get(key)
            found = self.scope.lookup(key)
            if law is None or found is None or found[1].kind is not Kind.VARIABLE:
                raise self.source.error(f"{key} has no law of its own: declare it first "
                                        f"(random {key} with density p over x), then "
                                        f"random {', '.join(k for k, _ in names)} independent",
                                        at)
            laws.append(law)
            variables.append(found[0])
        if len(names) < 2 or len(set(variables)) < len(variables) or \
                len(set(laws)) < len(laws):
            raise self.source.error("write: random V, W independent — two or more random "
                                    "variables, each with a law of its own over a variable "
                                    "of its own", offset)
        for name, declaration in self.scope.table.items():
            info = declaration.info
            if declaration.kind is Kind.DISTRIBUTION and name not in laws and \
                    len((set(info.over) | set(info.given)) & set(variables)) > 1:
                raise self.source.error(f"{name.latex} is a declared law of "
                                        + ", ".join(v.latex for v in variables if v in
                                                    set(info.over) | set(info.given))
                                        + ": their joint law is given, not the product", offset)
        product = Dens(Dist(laws[0], (variables[0],)), (Sym(variables[0]),))
        for law, variable in zip(laws[1:], variables[1:]):
            product = Mul(product, Dens(Dist(law, (variable,)), (Sym(variable),)))
        key = " ".join(law.latex for law in laws)
        self.scope.declare(key, Declaration(Kind.DISTRIBUTION, Domain.POSITIVE, DistributionInfo(
            over=tuple(variables), expression=product)))

    def _dimensions_fit(self, family, variable, at):
        """A family with vector parameters (μ, σ, or the vector of a diagonal Σ) is a law
        only over a vector variable of their one dimension: `\\mathcal{N}(\\mu, \\Sigma)`
        over z in ℝ^J with Σ = diag(τ_1², …, τ_K²) was read component by component over
        1..J, τ_j beyond τ's K entries (a false row verified). Refused otherwise, as the
        family at a point is (`Reader.family_density`)."""
        sizes = vectors.parameter_dimensions(family, self.scope.context)
        size = vectors.dimension(variable, self.scope.context)
        if sizes and sizes != {size}:
            kind = "a real variable" if size is None else f"of dimension {show(size)}"
            raise self.source.error(
                f"this distribution has vector parameters of dimension "
                f"{', '.join(sorted(show(s) for s in sizes))}: it is a law only over a "
                f"vector variable of that one dimension, and {variable.latex} is {kind}", at)

    def _random_of_family(self, rv, family, over, start, offset):
        """`Z with density \\mathcal{N}(\\mu, \\Sigma) over z`: the law given as a standard
        family, read as `density f_Z = \\mathcal{N}(…) over z` then `random Z with density
        f_Z` (f_Z the density of Z, as statistics courses name it: its parameters shown
        valid as there). Refused when f_Z already names something, or the text is no
        family derive knows."""
        key = f"f_{{{self.reader.read_name(rv, offset)}}}"
        if self.scope.lookup(key) is not None:
            raise self.source.error(f"{key} is already declared: declare Z's density by name "
                                    f"(density p = … over {over.strip()}) and write random "
                                    f"{rv.strip()} with density p", start)
        if self.reader.read_distribution(family, start) is None:
            raise self.source.error("write: random X with density p over x (p a declared "
                                    "density, or a standard family such as "
                                    "\\mathcal{N}(\\mu, \\sigma^2))", start)
        self._density_formula(f"{key}={family} over {over}", start - len(key) - 1)
        self._random(f"{rv} with density {key}", offset)

    def _no_conditional_law(self, rv, declared, offset):
        """`random X with density g over x` of a family g declared conditional (`density g
        over x given z`) is refused here: g is a law of x for each z, no law of X — which
        was accepted silently, X left with no law, and its rows then said that no declared
        distribution is over x. Its marginal (`define g(x) = \\int g(x|z)p(z)dz`) is not
        taken as X's law either (one letter, two laws: which?)."""
        name, declaration = declared
        info = declaration.info
        if info.given:
            raise self.source.error(
                f"{name.latex} is declared conditional on "
                f"{', '.join(v.latex for v in info.given)} (a law of "
                f"{', '.join(v.latex for v in info.over)} for each value of them): no law of "
                f"{rv.strip()} — derive does not take it, nor a marginal defined under its "
                f"name, as the law of a random variable: declare one of its own (random "
                f"{rv.strip()} with density f over {', '.join(v.latex for v in info.over)})",
                offset)

    def _record_law(self, rv, density, variable, offset):
        """Record the law of the random variable `rv` — its density, when that is declared
        over `variable` alone and unconditional (`random X with density f_X over x`), so
        that `KL(X \\| Y)` is the divergence of the laws of X and Y. A marginal of a joint
        or a conditional density is no law recorded here (KL of such X is refused)."""
        if density is not None and density[1].kind is Kind.DISTRIBUTION and \
                density[1].info.over == (variable,) and not density[1].info.given:
            self.scope.random_laws[self.reader.read_name(rv, offset)] = density[0]

    def _independent_copies(self, rv, rest, offset):
        """`X_i with density p over x for i = 1..n, independent`: X_1, …, X_n are
        independent, each with law p (over x: the density is declared here unless p is
        already declared over x alone). The family X is real-valued where a row writes a
        member outside an expectation (its value); inside one it is averaged as the law
        and independence say (`frontend.latex.samples`). Without `, independent` the joint
        law of the members is unknown: refused."""
        start = offset + len(rv) + len(" with density ")
        law_text, _, index = rest.partition(" for ")
        index_at = start + len(law_text) + len(" for ")
        index, comma, word = index.rpartition(",")
        if not comma or word.strip() != "independent":
            raise self.source.error("derive reads a family of random variables as independent "
                                    "copies of one law only: write random X_i with density p "
                                    "over x for i = 1..n, independent", index_at)
        names, clauses = _clauses(law_text, ("over",))
        if not clauses["over"] or "," in clauses["over"] or " given " in clauses["over"]:
            raise self.source.error("write: random X_i with density p over x for i = 1..n, "
                                    "independent (one variable)", start)
        found = self.scope.lookup(self.reader.read_name(names, start))
        variable = self.scope.lookup(self.reader.read_name(clauses["over"], start))
        if found is None:
            self._density(law_text, start)
            found = self.scope.lookup(self.reader.read_name(names, start))
            variable = self.scope.lookup(self.reader.read_name(clauses["over"], start))
        elif found[1].kind is not Kind.DISTRIBUTION or found[1].info.given or \
                variable is None or found[1].info.over != (variable[0],):
            raise self.source.error(f"{names.strip()} is already declared, not as a density "
                                    f"over {clauses['over'].strip()} alone", start)
        span = self._index_range(index, index_at, offset)
        self._declare_copies(rv, span, variable[0], found[0], offset)

    def _declare_copies(self, rv, span, variable, density, offset, group=(), row=None):
        """Declare the family `rv` (`X_i`) as independent copies of the law `density` over
        `variable`, indexed by `span`; `group`: the families known only by their moments it
        was declared with (`_lawless_families`); `row`: the fixed outer letter of a family
        written with two indices (`w_{ij}`, `_row_family_base`)."""
        key = self.reader.read_name(rv, offset)
        base = self._family_base(key, span.index, offset) if row is None else \
            self._row_family_base(key, span.index, offset)[0]
        if self.scope.lookup(base + "_{\\cdot}") is not None:
            raise self.source.error(f"{key} is declared or used above: independent copies are "
                                    "a family of their own (one name means one thing)", offset)
        copies = IndependentCopies(span.index, span.lower, span.upper, span.text,
                                   variable, density, group, row=row)
        self.scope.declare(base + "_{\\cdot}", Declaration(Kind.FUNCTION, Domain.REAL, copies))
        self.scope.random_spellings.add(base)
        self.scope.readings[COPIES] = True

    def _lawless_families(self, body, offset):
        """`W_i, X_i for i = 1..n, iid` (also `i.i.d.`, `independent, identically
        distributed`, `independent and identically distributed`): families of random
        variables known only by their moments — every member of every family listed
        mutually independent, the members of one family identically distributed, with no
        law written. Each family gets a hidden abstract law of its own (the density
        `p_{\\xi_{W}}` over `\\xi_{W}`), so every moment derive computes is a moment of a real
        law and the numeric engine's counterexamples are real joint laws (product laws of
        drawn tables); moments of polynomials in the members are read by
        `frontend.latex.moments`. Without the words saying identically distributed, or
        with another word, refused: a member's law would then depend on its index."""
        listed, _, tail = body.partition(" for ")
        index, *words = [w.strip() for w in tail.split(",")]
        said = " ".join(words).replace("i.i.d.", "iid")
        if said not in ("iid", "independent identically distributed",
                        "independent and identically distributed"):
            raise self.source.error(
                "derive reads random variables without a law as families of independent, "
                "identically distributed members only: write random W_i, X_i for i = 1..n, "
                "iid (every member of every family listed mutually independent)", offset)
        index_at = offset + len(listed) + len(" for ")
        span = self._index_range(index, index_at, offset)
        names = self._names(listed, offset)
        group = tuple(key for key, _ in names)
        for key, at in names:
            base, row = self._row_family_base(key, span.index, at)
            law, variable = self._hidden_law(key, base, at)
            self._declare_copies(key, span, variable, law, at, group, row)

    def _hidden_law(self, key, base, at):
        """(density, variable) Names of the hidden abstract law of the random variable `key`
        known only by its moments: `p_{\\xi_{base}}` over `\\xi_{base}`, declared here —
        the law of ξ, which is the law of `key` only while no mean is assumed (then `key` is
        ξ shifted), so it is never named `p_{W}`, a spelling an author means as W's law;
        refused when the file declares either spelling (one name, one meaning)."""
        keys = [self.reader.read_name(hidden, at)
                for hidden in (f"p_{{\\xi_{{{base}}}}}", f"\\xi_{{{base}}}")]
        for hidden in keys:
            if self.scope.lookup(hidden) is not None:
                raise self.source.error(f"{hidden} is declared above: derive names the law of "
                                        f"{key} so (rename yours)", at)
        self._density(f"{keys[0]} over {keys[1]}", at)
        return self.scope.lookup(keys[0])[0], self.scope.lookup(keys[1])[0]

    def _all_new(self, body, offset):
        """Whether every name of `V, W independent` is undeclared (no law written)."""
        listed = body.strip()[:-len("independent")].rstrip().rstrip(",")
        return all(self.scope.lookup(key) is None for key, _ in self._names(listed, offset))

    def _lawless_variables(self, body, offset):
        """`W, X independent`, none of them declared: random variables known only by their
        moments, mutually independent (`UnknownLaw`), each with a hidden law of its own
        (`_hidden_law`); moments of polynomials in them are read by
        `frontend.latex.moments`. One name alone is refused (independent of what?)."""
        listed = body.strip()[:-len("independent")].rstrip().rstrip(",")
        names = self._names(listed, offset)
        if len(names) < 2:
            raise self.source.error("write: random W, X independent (two or more random "
                                    "variables)", offset)
        group = tuple(key for key, _ in names)
        for key, at in names:
            law, variable = self._hidden_law(key, key, at)
            self.scope.declare(key, Declaration(Kind.SYMBOL, Domain.REAL,
                                                UnknownLaw(variable, law, group)))
            self.scope.random_spellings.add(key)
        self.scope.readings[COPIES] = True

    def _alias(self, known, other, offset):
        """The spelling `other` names what `known` names."""
        key = self.reader.read_name(known, offset)
        alias = self.reader.read_name(other, offset)
        found = self.scope.lookup(key)
        if found is None:
            raise self.source.error(f"{key} is not declared", offset)
        if not self.scope.alias(alias, found[0]):
            raise self.source.error(f"{alias} is already declared as something else", offset)

    def _same(self, body, offset):
        """`x, x^{(i)}`: several spellings of one name (a paper's x and x^(i)). The name is
        the one a spelling already declares, whichever place it is listed in (`same
        p_\\theta, p` after `joint p`: p_θ is p); two spellings declaring different things
        are refused, as one name means one thing."""
        spellings = self._names(body, offset)
        declared = [(key, at) for key, at in spellings if self._declares(key)]
        if len({self.scope.lookup(key)[0] for key, _ in declared}) > 1:
            raise self.source.error(f"{declared[0][0]} and {declared[1][0]} are declared as "
                                    "different things: same joins spellings of one name",
                                    declared[1][1])
        if not declared:     # `same p, p_{\theta}` above the law: the name shows its labels
            spellings.sort(key=lambda s: -len(self._parameter_labels(s[0], "")))
        (first, at), *others = declared[:1] + [s for s in spellings if s not in declared[:1]]
        found = self.scope.lookup(first)
        name = found[0] if found is not None else self.scope.name(first)
        for key, at in others:
            if not self.scope.alias(key, name):
                raise self.source.error(f"{key} is already declared as something else", at)
        meaning = self.scope.table.get(name)
        if meaning is not None and meaning.declared and (
                meaning.kind is Kind.DISTRIBUTION or
                meaning.kind is Kind.FUNCTION and meaning.info is None):
            for key, at in others:
                for letter in self._parameter_labels(key, name.latex):
                    self._depends(f"{key} on {letter}", at)

    def _parameter_labels(self, key, canonical):
        """The letters the spelling `key` is labelled by (`p_\theta`: θ) that the spelling
        `canonical` is not, and that could be a parameter: undeclared or a declared
        non-integer number — not a variable (`p_x`, `f_X`: the law of x) nor an index. A
        `same p_\theta, p` of a declared law or function makes it move with θ, as `depends p
        on \theta` does: p_θ read as the θ-free p verified ∇_θ E_{x∼p_θ}[x²] = 0."""
        out = []
        for letter in label_letters(Name(key)):
            found = self.scope.lookup(letter)
            if letter in label_letters(Name(canonical)) or \
                    letter in self.scope.random_spellings or \
                    self.reader.capital_variable(letter) is not None or found is not None and (
                        found[1].kind not in (Kind.SYMBOL, Kind.PARAMETER) or
                        found[1].domain.is_integer):
                continue
            out.append(letter)
        return out

    def _declares(self, key):
        """Whether the spelling `key` names something a directive above declared."""
        found = self.scope.lookup(key)
        return found is not None and found[1].declared

    def _expectation(self, body, offset):
        """`E`: a plain E is the expectation operator (Cover & Thomas's `E \\log p(Y|X)`)."""
        if body.strip() != "E":
            raise self.source.error("write: expectation E", offset)
        self.scope.readings["E"] = True

    def _information(self, body, offset):
        """`in bits`: every information quantity below (KL, JS, H, cross-entropy, I) is its
        value in bits, as Cover & Thomas state them (`H(X) = -\\sum p \\log_2 p`); `in nats`
        goes back to derive's default. A bare `\\log` stays natural: write `\\log_2`."""
        unit = " ".join(body.split())
        if unit not in ("in bits", "in nats"):
            raise self.source.error("write: information in bits (or: information in nats)",
                                    offset)
        self.scope.readings["information"] = unit[3:]

    def _normal(self, body, offset):
        """`with standard deviation`: a normal's second parameter below is its standard
        deviation (`\\mathcal{N}(\\mu, \\sigma)` is N(μ, σ²)); `with variance`: it is the
        variance, a bare σ there included (derive's reading, otherwise refused for σ)."""
        convention = " ".join(body.split())
        if convention not in ("with variance", "with standard deviation"):
            raise self.source.error("write: normal with variance (or: normal with standard "
                                    "deviation)", offset)
        self.scope.readings["normal"] = convention[5:]

    def _expectations(self, body, offset):
        """`under q`: an expectation written without a subscript is under q."""
        word, sep, rest = body.strip().partition(" ")
        if word != "under" or not rest.strip():
            raise self.source.error("write: expectations under q", offset)
        found = self.scope.lookup(self.reader.read_name(rest, offset + len(word) + 1))
        if found is None or found[1].kind is not Kind.DISTRIBUTION:
            raise self.source.error(f"{rest.strip()} is not a declared distribution", offset)
        self.scope.readings["under"] = found[0]

    def _assume(self, body, offset):
        """`b - c = 1, b - a = 2` | `t < 1` | `a > b \\land c > 0`: hypotheses of every row
        from here on (they accumulate); each restricts the instances the steps claim to
        hold on. The list is read as a side condition's is (`annotations.conditions`:
        `a, b > 0`, `\\land`, `\\wedge`, `\\text{ and }`; `0 < a, b < 1` refused as
        ambiguous)."""
        try:
            listed = conditions(body, offset)
        except RemarkError as problem:
            raise self.source.error(problem.message, problem.offset) from None
        for at, piece in listed:
            read, indices, variances = self.reader.read_mean_assumption(piece, at)
            if read and (self._variance_of_family(read[0], at, variances) or
                         self._mean_of_family(read[0], at, indices)):
                continue        # the others: where its index lies, said of the fact alone
            for h in read:
                based = base_of(self.scope, h.lhs) if h.relation is Relation.EQ else None
                if based is not None:                   # `assume m_0 = 0`: a recurrence's base
                    take_base(self, *based, h.rhs, at)
                else:
                    self.scope.assumptions += (replace(h, throughout=True),)

    def _variance_of_family(self, hypothesis, at, variances):
        """`Var(W_i) = v` (any spelling of the variance of one member) of a family known
        only by its moments makes v its variance: E[W^2] = v + E[W]^2 (`moments`), and its
        moments of order 3 and more are refused. v must be shown ≥ 0 — a negative one is
        the variance of no law, and the numbers would draw moments no law has; `\\sigma^2`
        of a letter first written here makes that letter a real number (the standard
        deviation, up to its sign). Said twice of one family: refused."""
        found = self.reader.assumed_variance(hypothesis, variances)
        if found is None:
            return False
        name, variance = found
        family = self.scope.table[name].info
        if family.variance is not None:
            letter = name.latex.removesuffix("_{\\cdot}")
            raise self.source.error(f"the variance of {letter} is assumed above: one "
                                    "variance for each family", at)
        self._real_root(variance, at)
        if self._sign(variance) not in ("pos", "nonneg"):     # normal_form.POS, NONNEG
            raise self.source.error(
                f"a variance is a number ≥ 0, and derive cannot show {show(variance)} is: "
                "declare its letters (real \\sigma, positive v), or write it as a square", at)
        self.scope.refine(name, replace(family, variance=variance))
        return True

    def _real_root(self, variance, at):
        """Declare `s` real when `variance` is s^2 of a letter s written first in the
        assumption at `at` (so undeclared and used nowhere above)."""
        if not (isinstance(variance, Pow) and variance.exponent == Num(2) and
                isinstance(variance.base, Sym)):
            return
        name = variance.base.name
        declaration = self.scope.table.get(name)
        first = self.scope.first_use.get(name)
        if declaration is not None and not declaration.declared and \
                first is not None and first >= at:
            self.scope.declare(name.latex, Declaration(Kind.SYMBOL, Domain.REAL))

    def _mean_of_family(self, hypothesis, at, indices=frozenset()):
        """`\\mathbb{E}[W_i] = c` of a family known only by its moments (`random W_i for i =
        1..n, iid`) makes c its mean — its law becomes the hidden law shifted to mean c, a
        real law (`frontend.latex.moments`) — instead of a hypothesis the engines could not
        use. Said twice of one family, or any other fact about a moment of such a variable
        (`Var(W) = \\sigma^2`, which no drawn law would be shown to meet): refused. So is a
        mean written with the averaged member's index (`indices`, the names the averaged
        members' indices write: `\\mathbb{E}[W_i] = i`, `= c_i`): the members are
        identically distributed, one mean for all."""
        found = self.reader.assumed_mean(hypothesis)
        if found is None or found[1].mean is not None:
            if self.reader.unknown_laws_in(hypothesis):
                raise self.source.error(
                    "derive reads an assumption about random variables known only by their "
                    "moments only as a mean, once for each (\\mathbb{E}[W] = 0 — the mean of "
                    "W is assumed above, or this is another moment fact)", at)
            return False
        name, family, mean = found
        moving = self.reader.mean_at_its_index(mean, indices)
        if moving is not None:
            letter = name.latex.removesuffix("_{\\cdot}")
            raise self.source.error(
                f"the members of the family {letter} are identically distributed, so they "
                f"have one mean, which cannot depend on the index {moving.latex}: write it "
                f"without the index (% derive: assume \\mathbb{{E}}[{letter}_1] = \\mu, "
                f"\\mu declared real) — members with means of their own are no iid family", at)
        why = why_not_real(mean, self.scope.context)
        if why is not None:     # a complex shift would draw no real law
            raise self.source.error(f"the mean of a random variable is a real number: {why}",
                                    at)
        self.scope.refine(name, replace(family, mean=mean))
        return True

    def _concave(self, body, offset):
        self._convex(body, offset, "concave")

    def _convex(self, body, offset, shape="convex"):
        """`f`: a real convex (or concave) function, lower semicontinuous."""
        for key, _ in self._names(body, offset):
            self.scope.declare(key, Declaration(Kind.FUNCTION, Domain.REAL, FunctionInfo(shape)))

    def _over(self, text, offset):
        if text:
            return tuple(self._variable_name(k) for k, _ in
                         _distinct(self.source, self._names(text, offset)))
        variables = self.scope.context.of_kind(Kind.VARIABLE)
        return (variables[0],) if variables else (self._declare_variable("x"),)

    def _declare_distribution(self, key, over, given, offset, formula=None, law=None,
                              support=None):
        found = self.scope.lookup(key)
        if found is not None and found[1].declared and found[1].kind is Kind.VARIABLE:
            raise self.source.error(f"{key} is a variable; a density needs another name", offset)
        ranged = next((v for v in over if intervals.interval_of(self.scope.table.get(v))), None)
        if ranged is not None:
            raise self.source.error(
                f"{ranged.latex} is declared in an interval: a density over it would be drawn "
                f"on the real line while integrals over {ranged.latex} run over the interval — "
                f"declare `variable {ranged.latex}` and the density's support (density "
                f"{key} over {ranged.latex} in [0, 1]), or give the density by a formula "
                "(define)", offset)
        family = formula.family if formula is not None else None
        if family is not None:
            self._not_over_named_values(over, offset)
        reparameterised = law if isinstance(law, Reparameterised) else None
        law = None if reparameterised is not None else law
        self.scope.declare(key, Declaration(Kind.DISTRIBUTION, Domain.POSITIVE, DistributionInfo(
            over=tuple(over), given=tuple(given), formula=formula, family=family, law=law,
            support=support, reparameterised=reparameterised)))

    def _not_over_named_values(self, over, offset):
        """A standard family (`\\mathrm{Bernoulli}(\\theta)`, Poisson, …) lives on numbers:
        over a variable whose values are names (`\\mathcal{C} in \\{\\mathcal{C}_1,
        \\mathcal{C}_2\\}`) it would put its masses at the numeric engine's codes 1, 2 —
        refused, never a law of labels."""
        for variable in over:
            support = getattr(self.scope.context.info(variable), "support", None)
            found = self.scope.context.table.get(support) if support is not None else None
            if found is not None and isinstance(found.info, NamedValues):
                raise self.source.error(
                    f"{variable.latex} takes named values (labels), and a standard family "
                    f"lives on numbers: its masses would sit at no value of {variable.latex} "
                    f"— give the masses by name (a density over {variable.latex} whose "
                    f"values p(\\mathcal{{C}}_k) you state), or declare a numeric variable",
                    offset)

    def _define(self, body, offset):
        support = SUPPORT.match(body)
        if support is not None:
            self._support(support, offset)
            return
        if self._diagonal(body, offset):
            return
        key, params, value, label = self.reader.read_definition(body, offset)
        found = self.reader.declared(key)
        if found is not None and found[1].kind is Kind.DISTRIBUTION and \
                found[1].info.given and label is None:
            self._marginal(found, params, value, offset)
            return
        if self._recurrence_base(key, params, value, offset) or \
                declare_recurrence(self, key, params, value, body, offset):
            return
        if found is not None and found[1].kind is not Kind.DEFINITION:
            raise self.source.error(f"{key} is declared as a {found[1].kind.value}: a "
                                    "definition needs a name of its own (one name means one "
                                    "thing)", offset)
        if found is None and label is not None:      # `\mathcal{L}(q)`, spelled by its label
            found = self.reader.declared(label)
        member = MEMBER.fullmatch(key)
        family = self.reader.declared(member.group("base") + "_{\\cdot}") if member else None
        if family is not None and family[1].kind is Kind.DEFINITION:
            raise self.source.error(f"{key} is a member spelling of the family {family[0].latex} "
                                    "defined above: defined on its own it would be a second "
                                    "meaning of that member (one name means one thing); "
                                    "define a new name", offset)
        if found is not None:                # a second `define L`, or after `\log L(a) = a`
            self._renew(key, found[0], found[1].info, (params, value), label, offset)
        try:
            self.scope.define(key, DefinitionInfo(params, value, " ".join(body.split())),
                              head=label)
        except UsedBefore as exc:
            raise used_before(self.source, exc, offset) from None
        except LabelledAbove as exc:
            raise self.source.error(str(exc), offset) from None

    def _recurrence_base(self, key, params, value, offset):
        """`define m_0 = 0` below `define m_t = …` (a recurrence): the base value of the
        member (`recurrence_directives.take_base`); returns whether it was one."""
        member = MEMBER.fullmatch(key)
        found = recurrence_of(self.scope, member.group("base") + "_{\\cdot}") if member else None
        if found is None:
            return False
        index = key[len(member.group("base")) + 2:-1]
        if params or not re.fullmatch(r"[0-9]+", index):
            raise self.source.error(f"{key}: the family {found[0].latex} is defined by its "
                                    "recurrence, so a definition of a member is a base value "
                                    "at a whole number (define m_0 = …)", offset)
        take_base(self, *found, Fraction(int(index)), value, offset)
        return True

    def _marginal(self, found, params, value, offset):
        """`define g_\\theta(x) = \\int g_\\theta(x|z) p(z) dz` of a declared conditional
        family g_θ: the marginal under the family's name (`frontend.latex.marginals`),
        recorded on its declaration so rows read g_θ(x) as that mixture. Refused when the
        body is anything else, or when the marginal is defined already (one meaning)."""
        name, declaration = found
        info = declaration.info
        why = "it is defined above" if info.marginal is not None else \
            why_not_marginal(name, info, params, value, self.scope.context)
        if why is not None:
            raise self.source.error(
                f"{name.latex} is declared as a distribution conditional on "
                f"{', '.join(v.latex for v in info.given)}: a definition of it is read only "
                f"as its marginal, \\int {name.latex}(…|…) p(…) d…, the conditional mixed over "
                f"a declared law p of what it is conditional on — {why} (one name means one "
                "thing; otherwise define a name of its own)", offset)
        self.scope.refine(name, replace(info, marginal=(params, value)))

    def _diagonal(self, body, offset):
        """`define \\Sigma = \\text{diag}(\\sigma_1^2, \\ldots, \\sigma_n^2)` (also
        `\\text{diag}(\\sigma^2)`, `\\sigma^2 I`): a diagonal matrix (`matrices`), recorded
        apart from the names of numbers. False when the body defines no such matrix."""
        found = DIAGONAL.match(body)
        if found is None or not ("diag" in body or re.search(r"I\s*\}?\s*$", body)):
            return False
        at = offset + found.start("value")
        matrix = self.reader.diagonal_definition(found.group("name"), found.group("value"), at)
        if matrix is None:
            return False
        key = found.group("name").strip()
        if rebinds_constant(key) is not None:
            raise self.source.error(rebinds_constant(key), offset)
        if self.scope.lookup(key) is not None or key in self.scope.matrices:
            raise self.source.error(f"{key} is declared or defined above: a diagonal matrix "
                                    "needs a name of its own (one name means one thing)",
                                    offset)
        self.scope.matrices[key] = matrix
        return True

    def _renew(self, key, old, info, new, label, offset):
        """A second `define` of a name (`define f(x) = -\\log x` after `define f(x) = x \\log
        x`, notes working one example per generator) starts its new meaning here: the rows
        above keep the old one, the rows below read the new one (`FileScope.renew`), and
        the directive ends the chain, so no step holds both. Refused — a second meaning in
        one scope — where a reader could not tell which meaning a row has: the old meaning
        came from a row, not a directive; the name is a quantity with arguments (a label)
        or an indexed family; the directive stands inside a display, between its rows; the
        new body uses the old meaning; or something in force below still holds it (a
        definition using it, an assumption, `fixed`); or it changes how the name is written
        — a function becoming a number, or taking another number of arguments (`f(2)` would
        be f at 2 above and the number f times 2 below)."""
        params, value = new
        why = ("it is defined by a row above (only a define directive starts a new meaning)"
               if info.source != "define" else
               "it is a quantity written with its arguments or an indexed family"
               if label is not None or key.endswith("_{\\cdot}") or
               any(named is old for named in self.scope.heads.values()) else
               f"it would turn {_written(info.params)} into {_written(params)} (a row "
               f"{key}(…) would be read otherwise above and below)"
               if len(params) != len(info.params or ()) else
               "the directive stands between the rows of one display" if self._within else
               "its new body uses its old meaning" if reaches(value, old) else None)
        holder = self.scope.reaching(old) if why is None else None
        if holder is not None:
            why = f"{holder} above still uses its old meaning"
        if why is not None and holder is None and (label is not None or
                                                   len(params) != len(info.params or ())):
            # `define p(X | \mu) = …` then `define p(\mu) = …`: one letter for several
            # densities told apart by their arguments, as Bayes' rule is written — what
            # derive offers for that, and for densities given by formulas
            why += (f" (one letter for several densities told apart by their arguments, "
                    f"{key}(x | z) and {key}(z), is read for a declared joint — joint {key} "
                    f"over x, z — as its conditionals and marginals; densities given by "
                    f"formulas need a name each, L(x | z) and g(z))")
        if why is not None:
            raise self.source.error(f"{key} is defined above: a second definition starts a "
                                    "new meaning only where no row could mix the two (one "
                                    f"name means one thing in its scope), and {why}; define "
                                    "a new name", offset)
        self.scope.renew(key)

    def define_beside(self, body, offset):
        """`f(u) = …` beside a row (`\\quad (f(u) = u \\log u)`, `\\text{where } M = …`): the key
        of a fresh name
        it defines — for that row only (the builder ends it) — or None when the name is
        already declared or used: the equation is then a hypothesis of the row, never a
        new meaning of a name the file gave one. A name defined beside an earlier row only
        (ended there) may be defined beside this one: each row says what it means."""
        head = body[:body.index("=")]
        key = self.reader.read_name(head[:head.index("(")] if "(" in head else head, offset)
        if self.scope.lookup(key) is not None:
            return None
        self.scope.ended.pop(key, None)     # a row-local name defined anew beside this row
        self._define(body, offset)
        return key

    def _support(self, match, offset):
        """`A = \\{x : p(x) > 0\\}`: the support of a density. derive's densities are
        positive on the whole range of their variable, so A is that range (a finite set
        for a discrete x, summed over by `\\sum_{x \\in A}`)."""
        key = self.reader.read_name(match.group("name"), offset)
        variable = self.reader.read_name(match.group("var"), offset + match.start("var"))
        found = self.scope.lookup(variable)
        spans = {(s.lower, s.upper): s for d in self.scope.table.values()
                 for s in (d.info,) if type(s) is IndexRange and s.index == variable}
        if found is None and spans:
            self._index_subset(key, variable, spans, match, offset)
            return
        if found is None or found[1].kind is not Kind.VARIABLE or not found[1].info.discrete:
            raise self.source.error(f"{variable} is not a declared discrete variable: derive "
                                    "reads a set {x : …} as the support of a mass function",
                                    offset + match.start("var"))
        at = offset + match.start("cond")
        read = self.reader.read_assumption(match.group("cond"), at)
        condition = read[0]
        dens = condition.lhs
        if not (len(read) == 1 and isinstance(dens, Dens) and dens.dist.name in self.scope.table and
                not dens.dist.given and dens.at == (Sym(found[0]),) and
                condition.relation in (Relation.GT, Relation.NE) and condition.rhs == Num(0)):
            raise self.source.error("derive reads a set {x : p(x) > 0} (the support of a "
                                    "declared mass function p), not this condition", at)
        self.scope.alias(key, found[1].info.support)

    def _index_subset(self, key, letter, spans, match, offset):
        """`I = \\{i : p_i > 0\\}` with i the index letter of declared families (`positive
        p_i for i = 1..n`): the indices of their range where the condition holds
        (`IndexSubset`), for `\\sum_{i \\in I}`. It is the whole range when the normal form
        shows the condition at an index it knows nothing of but the declarations (`p_i >
        0` of positive p_i); else which indices it holds is left unknown, and a sum over
        I is refused where it is written. Families of that letter over different ranges
        leave I's range unsaid: refused."""
        if len(spans) > 1:
            raise self.source.error(f"{letter} indexes families declared over different "
                                    "ranges (" + ", ".join(s.text for s in spans.values())
                                    + f"): {key} = \\{{{letter} : …\\}} has no one range",
                                    offset + match.start("var"))
        (span,) = spans.values()
        index = self.reader.fresh(letter, declaration=LOCAL_INDEX)
        at = offset + match.start("cond")
        with self.reader.binding(letter, index):
            read = self.reader.read_assumption(match.group("cond"), at)
        whole = len(read) == 1 and _implied(read[0], self.scope.context)
        self.scope.declare(key, Declaration(Kind.SET, Domain.COMPLEX, IndexSubset(
            span, whole, " ".join(match.group("cond").split()))))

    def _function(self, body, offset):
        """`f, g`: real functions; `class \\mathcal{T}`: a set of real functions of the
        variable, for `\\sup_{T \\in \\mathcal{T}}`."""
        word, _, rest = body.strip().partition(" ")
        if word == "class" and rest.strip():
            for key, _ in self._names(rest, offset + body.index(rest)):
                self.scope.declare(key, Declaration(Kind.SET, Domain.COMPLEX,
                                                    FunctionInfo("class")))
            return
        for key, at in self._names(body, offset):
            found = self.scope.lookup(key)
            if found is not None and found[1].declared and found[1].kind is not Kind.FUNCTION:
                raise self.source.error(f"{key} is declared as a {found[1].kind.value}; it "
                                        "cannot be declared a function too (one name means "
                                        "one thing)", at)
            self.scope.declare(key, Declaration(Kind.FUNCTION, Domain.REAL))

    def _symbols(self, body, offset, domain):
        """`a, b` | `a_i, b_i for i = 1..n` (an indexed family: every a_i in the domain) |
        `\\mu in \\mathbb{R}^J` (a vector whose components are in the domain); a name
        declared `function` above (of no known shape) becomes a function with values in the
        domain, as an indexed family is."""
        body, sep, family = body.partition(" for ")
        if sep:
            self._family(body, family, offset, domain)
            return
        names, dimension = self._space(body, offset)
        if dimension is not None:
            span = _components_range(dimension)
            for key, at in self._names(names, offset):
                components = self.scope.declare(key + "_{\\cdot}", Declaration(Kind.FUNCTION,
                                                                                 domain, span))
                self.scope.declare(key, Declaration(Kind.SYMBOL, domain,
                                                    vectors.Vector(dimension, components)))
            return
        for key, at in self._names(body, offset):
            family = self._letter_family(key)
            if family is not None:                  # real z_j: the family z, as z_i for i = …
                letter = re.fullmatch(r".+?_\{([A-Za-z])\}", key).group(1)
                self.scope.letter_family(key, letter, family,
                                         Declaration(Kind.FUNCTION, domain))
                continue
            found = self.scope.lookup(key)
            kind = Kind.SYMBOL
            if found is not None and found[1].declared:
                kind = found[1].kind
                valued = kind is Kind.FUNCTION and domain.is_real and found[1].info is None
                if kind not in (Kind.SYMBOL, Kind.PARAMETER) and not valued:
                    raise self.source.error(f"{key} is declared as a {kind.value}; it cannot "
                                            f"be declared {domain.value} too", at)
            self.scope.declare(key, Declaration(kind, _both(found, domain)))

    def _letter_family(self, key):
        """`z_{j}` declared with one letter as its index (j undeclared, or a whole number):
        the key of the indexed family z it declares (`z_k`, `z_1` are its members, as after
        `real z_i for i = 1..n` but with no range), else None (`\\theta_0`, `\\mu_x` of a
        variable x: a name of its own; so is a capital once the file declares a variable,
        `real \\mu_X, \\sigma_Y`: the parameters of the random variables X and Y — read as
        the family σ at Y, the later `random Y with density f_Y over x` would make σ_Y σ at
        x's value, the same number as σ_X, after f_Y's formula was read with the member)."""
        found = re.fullmatch(r"(.+?)_\{([A-Za-z])\}", key)
        if found is None or self.scope.lookup(key) is not None and \
                self.scope.lookup(key)[1].declared:
            return None
        if found.group(2).isupper() and self.scope.context.of_kind(Kind.VARIABLE) and \
                self.scope.lookup(found.group(2)) is None:
            return None
        letter = self.scope.lookup(found.group(2))
        if letter is not None and letter[1].declared and \
                not letter[1].domain.is_integer:
            return None
        return found.group(1) + "_{\\cdot}"

    def _family(self, body, index, offset, domain):
        """`a_i, b_i for i = 1..n`: each family's members are in `domain`, and its range
        (1..n) is what a bound-less `\\sum_i` over it runs over; an undeclared last index
        is a natural number, as a sum's bound is."""
        span = self._index_range(index, offset + len(body) + len(" for "), offset)
        for key, at in self._names(body, offset):
            base = self._family_base(key, span.index, at)
            self.scope.declare(base + "_{\\cdot}", Declaration(
                Kind.FUNCTION, _both(self.scope.lookup(base + "_{\\cdot}"), domain), span))

    def _family_base(self, key, letter, at):
        """The family's letter of `a_i` declared with index letter i."""
        base, _, sub = key.partition("_{")
        if sub != letter + "}":
            raise self.source.error(f"{key} is not indexed by {letter}", at)
        return base

    def _row_family_base(self, key, letter, at):
        """(family letter, fixed outer letter or None) of `w_j`, `w_{ij}` or `w_{i,j}`
        declared known only by its moments with running index j (`letter`): with two
        indices the first is one other letter, fixed — the family is the row i of a
        matrix, its members w_{i1}, …, w_{in} (`frontend.latex.moments`). Refused: an outer
        index that is no single letter, the running letter first (`w_{ji}`: a column),
        or a letter the file declares as something other than an integer. An undeclared
        outer letter is declared an integer here: the file's one row, so a row headed at it
        (`o_i = \\sum_j w_{ij} x_j`) names the quantity at that row, never a family o_k."""
        base, _, sub = key.partition("_{")
        found = re.fullmatch(r"([A-Za-z]),?\s*" + re.escape(letter) + r"\}", sub)
        if found is None or found.group(1) == letter:
            return self._family_base(key, letter, at), None
        row = found.group(1)
        declared = self.scope.lookup(row)
        if declared is not None and declared[1].declared and \
                not declared[1].domain.is_integer:
            raise self.source.error(f"{key}: the fixed index {row} of a family over "
                                    f"{letter} is a whole number, and {row} is declared as "
                                    f"something else above", at)
        if declared is None:    # the file's fixed row: `o_i = \\sum_j w_{ij} x_j` names o at it
            self.scope.declare(self.reader.read_name(row, at),
                               Declaration(Kind.SYMBOL, Domain.INTEGER))
        return base, row

    def _index_range(self, index, at, offset):
        """The `IndexRange` of `i = 1..n` (written at offset `at`, in the directive whose
        body starts at `offset`)."""
        letter = index.split("=")[0].strip()
        if not letter or not re.fullmatch(r"\s*[^=,]+=[^=,]+\.\.[^=,]+", index):
            raise self.source.error("write: positive a_i for i = 1..n (one index)", offset)
        first, _, last = index.partition("=")[2].partition("..")
        first_at = at + index.index("=") + 1
        last_at = first_at + len(first) + 2
        lower = self.reader.read_term(first, first_at)
        upper = self.reader.read_term(last, last_at)
        if isinstance(upper, Sym) and self.scope.natural(upper.name, last_at) is not None:
            raise self.source.error(f"{upper.name.latex} is a family's last index here, so a "
                                    "natural number, but the file uses it above as an "
                                    f"undeclared (complex) number: declare it first "
                                    f"(% derive: natural {upper.name.latex})", last_at)
        letter = self.reader.read_name(letter, at)
        return IndexRange(letter, lower, upper, " ".join(index.split()))

    def _depends(self, body, offset):
        """`p_\\theta on \\theta` (several: `p, q on \\theta`). A declared density moves
        with the parameter; a declared function (`function f`) is a function of it besides
        its written arguments: `f(z)` reads as f(θ, z) (`depends_function`)."""
        names, sep, parameter = body.partition(" on ")
        if not sep or not parameter.strip():
            raise self.source.error("write: depends DENSITY on PARAMETER", offset)
        key = self.reader.read_name(parameter, offset + len(names) + 4)
        found = self.scope.lookup(key)
        declared = found is not None and found[1].declared
        if declared and found[1].kind not in (Kind.SYMBOL, Kind.PARAMETER, Kind.VARIABLE):
            # `define \theta = \sigma^2` then `depends f on \theta`: a parameter of its own
            # would give θ a second meaning beside σ² (and draw it free of σ)
            raise self.source.error(
                f"{key} is a {found[1].kind.value} here, not a number a density or function "
                f"can depend on: name the parameter it is made of (depends … on a letter)",
                offset + len(names) + 4)
        number = found[0] if declared and found[1].kind in (
            Kind.SYMBOL, Kind.PARAMETER, Kind.VARIABLE) else None
        param = None
        for name_key, at in self._names(names, offset):
            named = self.scope.lookup(name_key)
            if named is not None and named[1].declared and named[1].kind is Kind.FUNCTION \
                    and named[1].info is None:
                if number is None:
                    number = param = param or self.scope.declare(
                        key, Declaration(Kind.PARAMETER, Domain.REAL))
                self.scope.depends_function(named[0], number)
                continue
            if named is None or named[1].kind is not Kind.DISTRIBUTION:
                raise self.source.error(f"{name_key} is not a declared density or function", at)
            self._no_mixing_law_moved(named[0], key, at)
            if param is None and declared and found[1].kind is Kind.PARAMETER:
                param = found[0]
            elif param is None:
                param = self.scope.declare(key, Declaration(
                    Kind.PARAMETER, found[1].domain if declared else Domain.REAL))
            self.scope.depends(named[0], param)

    def _no_mixing_law_moved(self, law, key, offset):
        """`depends p on x` below `define g(x) = \\int g(x|z)p(z)dz`: the law a marginal
        mixes over would move with the marginal's own variable — p(z | x) under another
        spelling, which the define refuses (`marginals.law_moves_with`); refused here too,
        whatever the order of the directives."""
        for name, declaration in self.scope.table.items():
            info = declaration.info
            if declaration.kind is Kind.DISTRIBUTION and info.marginal is not None and \
                    key in {v.latex for v in info.over} and \
                    any(isinstance(n, Dist) and n.name is law for n in nodes(info.marginal[1])):
                raise self.source.error(
                    f"{law.latex} is the law the marginal {name.latex}({key}) mixes over: it "
                    f"must be free of {key} (a law written with {key} is a law given {key})",
                    offset)

    def _fixed(self, body, offset, fixed=True):
        names, sep, point = body.partition(" at ")
        if sep and fixed:
            return self._fixed_at(names, point, offset, offset + len(names) + len(sep))
        for key, at in self._names(body, offset):
            found = self.scope.lookup(key)
            if found is None or found[1].kind is not Kind.DEFINITION:
                raise self.source.error(f"{key} is not a definition", at)
            self.scope.hold(found[0], fixed)

    def _fixed_at(self, names, point, offset, point_at):
        """`fixed D^{\\star} at \\theta = \\theta_0`: D* from here on is its definition with
        θ and the densities that move with it put at θ_0 (so it no longer moves)."""
        parameter_text, sep, value_text = point.partition("=")
        if not sep:
            raise self.source.error("write: fixed NAME at \\theta = \\theta_0", point_at)
        key = self.reader.read_name(parameter_text, point_at)
        found = self.scope.lookup(key)
        if found is None or found[1].kind is not Kind.PARAMETER:
            raise self.source.error(f"{key} is not a parameter (declare: depends p on {key})",
                                    point_at)
        parameter = found[0]
        value = self.reader.read_term(value_text, point_at + len(parameter_text) + 1)
        for name_key, at in self._names(names, offset):
            found = self.scope.lookup(name_key)
            if found is None or found[1].kind is not Kind.DEFINITION:
                raise self.source.error(f"{name_key} is not a definition", at)
            info = found[1].info
            try:
                body = parameters.at_parameter(info.body, parameter, value, self.scope.context)
            except parameters.NotAtParameter as exc:
                raise self.source.error(f"{name_key} at {key} = {value_text.strip()}: {exc}",
                                        at) from None
            self.scope.hold(found[0], False)
            self.scope.define(name_key, DefinitionInfo(
                info.params, body, f"{info.latex}, at {key} = {value_text.strip()}", info.source))

    def _moving(self, body, offset):
        self._fixed(body, offset, fixed=False)

    # ------------------------------------------------------------------ names
    def would_declare(self, keyword, body, offset):
        """[(key or None, offset)] of the names a kind directive lists (`real a, b`,
        `variable p in [0, 1]`, `real z_i for i = 1..n`, `function f`: the names before `
        for ` or ` in `), each read as a name alone — None for a lone word derive refuses
        as a name (`\\mathrm{KL}`, `\\text{for}`: a row writing it reads derive's meaning
        or refuses it, never a symbol) — or None when `keyword` declares no list of names
        or a name neither reads nor is such a word (`x^2`, `\\sigma^2`: a row would read
        its letters as unknowns, of which the author meant something else)
        (`Builder._unread_declaration`). Raises nothing and declares nothing."""
        if keyword not in LISTING:
            return None
        names = re.split(r" (?:for|in) ", body, maxsplit=1)[0]
        found, start = [], 0
        for piece in _brace_level_pieces(names):
            try:
                key = self.reader.read_name(piece, offset + start)
            except InputError:
                if LONE_WORD.fullmatch(piece) is None:
                    return None
                key = None
            found.append((key, offset + start + len(piece) - len(piece.lstrip())))
            start += len(piece) + 1
        return found

    def _names(self, body, offset, ranges=False):
        """[(key, offset)] of a comma-separated list of names; with `ranges`, a name may
        be followed by `in SET` (the key is then `name in set`)."""
        out, start = [], 0
        for piece in _brace_level_pieces(body):
            if not piece.strip():
                raise self.source.error("expected a name here", offset + start)
            name, sep, support = piece.partition(" in ") if ranges else (piece, "", "")
            key = self.reader.read_name(name, offset + start)
            if sep:
                key += " in " + self.reader.read_name(support, offset + start + len(name) + 4)
            out.append((key, offset + start))
            start += len(piece) + 1
        return out


def used_before(source, exc, offset):
    """The error for a definition of a name the file used before, undeclared."""
    line, column = source.position(exc.offset)
    return source.error(f"{exc.key} is used at line {line}, column {column} before it is "
                        "defined here (or in its own definition): define it first — one name "
                        "means one thing", offset)
def _distinct(source, names):
    """The (key, offset) pairs of a directive's list, each name once: `x in \\mathcal{X},
    x in \\mathcal{Y}` or `joint p over x, x` would say two things of one name."""
    seen = set()
    for key, at in names:
        name = key.partition(" in ")[0]
        if name in seen:
            raise source.error(f"{name} is listed twice: one name means one thing", at)
        seen.add(name)
    return names


def _brace_level_pieces(body):
    """`body` cut at its commas outside braces: `f_{X,Y}, g` is two names (a statistics
    course's joint density f_{X,Y} writes a comma in its subscript). Brackets are not
    counted: an interval `[0, 1)` has no matching pair."""
    pieces, depth, start = [], 0, 0
    for at, char in enumerate(body):
        if char == "{" and body[at - 1:at] != "\\":
            depth += 1
        elif char == "}" and body[at - 1:at] != "\\":
            depth -= 1
        elif char == "," and depth == 0:
            pieces.append(body[start:at])
            start = at + 1
    return pieces + [body[start:]]


def _clauses(body, words):
    """Split `names over x given y` at the given words: (names, {word: text}); a clause
    may be missing (its text is then "")."""
    found = {}
    rest = body
    for word in reversed(words):
        head, sep, tail = rest.partition(f" {word} ")
        if sep:
            found[word] = tail
            rest = head
    return rest, {w: found.get(w, "") for w in words}


def default_title(path):
    """A title from the file name when the file gives none."""
    name = Path(str(path)).name
    for suffix in (".derive.yaml", ".derive.yml", ".yaml", ".yml", ".tex", ".md", ".ipynb"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return name.replace("_", " ")


FIGURE_LARGEST = 100                # a figure's parameters: |value| ≤ 100
FIGURE_SMALLEST = Fraction(1, 10 ** 4)  # its variances, rates, scales, b − a: at least this


def _kl_fits_value(key, value, error):
    """Check one `kl-fits` parameter (`modes=-2,2`, `sd=0.6`); `error(message)` is raised."""
    try:
        numbers = [Fraction(v) for v in value.split(",")]
    except (ValueError, ZeroDivisionError):
        raise error(f"figure kl-fits: {key} takes numbers, not {value!r}") from None
    if key == "modes" and (len(set(numbers)) < 2 or any(abs(m) > 10 for m in numbers)):
        raise error("figure kl-fits: modes are two or more different numbers in [-10, 10]")
    if key == "sd" and (len(numbers) != 1 or not Fraction(1, 100) <= numbers[0] <= 10):
        raise error("figure kl-fits: sd is the modes' standard deviation, a number in "
                    "[0.01, 10]")
    if key not in ("modes", "sd"):
        raise error(f"figure kl-fits takes modes=… and sd=…, not {key}")


def _both(found, domain):
    """The domain of a name declared `domain` where it was declared in another above
    (`found`, from `scope.lookup`): their meet when neither holds the other (`integer k`,
    then `nonnegative k`: a whole number ≥ 0, never a nonnegative real that forgot it is
    whole), else `domain` (the later declaration stands, as written)."""
    if found is None or not found[1].declared:
        return domain
    return found[1].domain.meet(domain) or domain


def _implied(hypothesis, context):
    """Whether the normal form shows a relation (`p_i > 0`) from the declarations alone:
    its sides' difference has the sign the relation needs, at every value of the names
    in it — so at every index of a family's range."""
    from derive.engines import normal_form
    relation, gap = hypothesis.relation, sub(hypothesis.lhs, hypothesis.rhs)
    if relation is Relation.EQ:
        return False
    if relation.upward:
        gap = neg(gap)
    n = normal_form.Normaliser(context)
    try:
        signs = {n.sign(n.value(gap))} if relation is not Relation.NE else \
            {n.sign(n.value(gap)), n.sign(n.value(neg(gap)))}
    except (normal_form.Unsupported, normal_form.Undefined):
        return False
    needed = {normal_form.POS} if relation.strict or relation is Relation.NE else \
        {normal_form.POS, normal_form.NONNEG}
    return bool(signs & needed)


def _components_range(dimension):
    """The range 1..J of the components of a vector symbol `z in \\mathbb{R}^J`: its
    members are those of a family declared `for j = 1..J` (`z_k` at an undeclared k is a
    whole number in 1..J, `z_0` and `z_{J+1}` are refused, `\\max_j z_j` runs over 1..J).
    It has no index letter of its own (""): a bound-less `\\sum_j` is not taken over it
    for the letter j, as it is for a family declared with j."""
    return IndexRange("", Num(1), dimension, f"j = 1..{show(dimension)}")


def _written(params):
    """What a definition with these parameters is, in words (`Directives._renew`)."""
    count = len(params or ())
    return "a number" if not count else \
        f"a function of {count} argument{'s' if count > 1 else ''}"

"""How a run of juxtaposed pieces reads: one documented rule per form.

* **Juxtaposition** multiplies: `2 a b` is `2·a·b`; `\\cdot`, `\\times` multiply and `/`
  divides the next factor (`a / b \\cdot c` is (a/b)·c); a `/` whose divisor is followed
  by more factors side by side (`a / 2b`: a/(2b), or (a/2)·b?) is refused.
* **Unbracketed functions** (`\\log`, `\\exp`, …) take the product written side by side
  after them, up to the next `\\cdot` or `\\times`, function word, big operator or the end
  of the run (a `+`, `-`, relation or closing bracket ends a run): `\\ln \\frac{a}{b} \\cdot
  (c)` is `ln(a/b)·c` (an explicit product sign ends the argument, as authors mean it),
  `\\log a b` is `log(ab)`, `\\log a \\log b` is `log(a)·log(b)`, `\\log p(x)p(y|x)`
  (densities) is the log of the product; a big operator first takes the rest
  (`\\log \\sum_i a_i \\cdot b`). A product in which a function or an operator is applied
  (`\\log p(x) f(x)`: the score times f, or the log of p·f?; also `H(q)`,
  `D_{KL}(p \\| q)`, `\\sqrt{q(x)}`, an integral) or with a bracket beside the argument
  (`\\log a (b + 1)`, `\\log x(1-x)`) is refused as ambiguous — but after `\\log`/`\\ln` a
  `\\frac` of numbers with a letter in its numerator is the whole argument before a bracket
  holding a polynomial (`\\ln \\frac{a}{b} (c)`, `\\left[ x \\right]_a^b`), a sum or an
  integral (`_fraction_alone`; `\\sin \\frac{\\pi}{2}(2k+1)`, `\\log \\frac{1}{K}(\\sum_k
  w_k)` stay refused), and a product of numbers, constants and declared symbols is the whole
  argument before an integral (`\\log 2\\pi\\sigma^2 \\int p\\,dx`:
  `_product_before_integral`) — and so is a `/` after
  the argument (`\\sin x / x` is (sin x)/x, `\\sin \\pi/2` is sin(π/2), `\\log p/q` often
  log(p/q): write `\\frac{\\sin x}{x}` or `\\sin(x/y)`), and a log stopped
  by `\\exp` (`\\log \\frac{1}{Z} \\exp(-E)`: authors mean the log of the product, the rule
  would give log(1/Z)·exp(−E)). An explicit space written between two factors of the
  argument (`\\,`, `\\;`, `\\:`, `\\quad`) ends it where a function is applied around it:
  `\\log P(\\tau)\\, R(\\tau)` is log P · R; between plain factors (`\\log 2\\pi
  e\\,\\sigma^2`) it is refused. With brackets right after it, `\\log(a)\\, b` is
  `log(a)·b`, and a power after the brackets is a power of the value:
  `\\sin(x)^2` is `(sin x)²`; a negative one (`\\ln(u)^{-1}`: (ln u)⁻¹ or ln(u⁻¹)?) or a
  fraction (`\\log(u)^{1/n}`: a root of the log, or of u?) is refused, and so is a log's power
  that may not be a whole number ≥ 1 (`\\log (1-p)^{1-y}`: a likelihood's log((1-p)^{1-y})?). Braces right after it hold the whole argument (`\\log{(\\sigma^2)^{1/2}}` is
  log((σ²)^½), `\\log{a} b` is log(a)·b: oldstyle.py), and any power after the closing
  brace (`\\log{u}^2`, printed log u²: log(u²) or (log u)²?) is refused.
* **Function names in plain letters** (`log(ab)`, `Log(a)`, `exp x`) are refused: they
  would be a product of letters times an unknown function (unless the letters are declared).
  `Var(X)`, `cov[X,Y]` are the variance and covariance (`moment_letters`); any other word
  of undeclared letters before the unknown function or the expectation E its last letter
  would be (`MSE(\\hat\\theta)`, `Ent(X)`, `Corr(X,Y)`) is refused (`refuse_letter_word`).
* **Big operators** `\\sum`, `\\prod`, an expectation without brackets, the operators of
  differentiation (`\\frac{d}{dx}`, `\\nabla_\\theta`), and a limit or an extremum after
  another factor (`q(x) \\sup_t \\{…\\}`) take the rest of the run (an optimum's objective
  in braces right after it ends at the closing brace: `Reader._braced_objective`):
  `\\sum_i a_i b_i + c` is `(Σ_i a_i b_i) + c`.
  Directly followed by a minus, `\\sum` and `\\prod` take the negated term after it:
  `\\sum_{i=1}^{m} - (a_i + 1) + c` is `(Σ_i −(a_i + 1)) + c`.
* **Integrals** take the product between `\\int` and their differential `d x` (also
  `\\mathrm{d}x`, `d\\mathbf{x}`, and `dx'` over a renamed copy of x); nested integrals
  pair with differentials innermost first; `\\iint f \\, dy \\, dx` is two of them, `dy`
  inner. An integral whose differential lies beyond a `+` or `-` takes the whole sum up
  to it: `\\int_x a(x) + b(x) \\, dx` is ∫ (a + b) dx (the differential marks where the
  integrand ends). Without a differential
  an integral takes the rest of the run, over the variable its subscript names
  (`\\int_x`) or else the one variable of the densities written in it
  (`\\int \\phi \\ln \\phi`). With limits and nothing between the differential and
  the end of the run (`\\int_a^b \\, \\mathrm{d}x`), the integrand is 1: b − a.
  A differential of an expression, `\\int \\mathrm{d}(\\sigma z' + \\mu)\\, g` (first
  or last in the run of an integral without `d x`), is read by `stieltjes`.
* **Rounding**: `\\lceil u \\rceil` and `\\lfloor u \\rfloor` are the ceiling and floor of a
  real u.
* **An evaluation bar** `\\Big|_{\\theta=\\theta_0}` applies to the run before it; with
  `\\left.` (`\\left. A + B \\right|_{\\theta=0}`) to exactly what the two enclose, across
  the terms of a sum. A bare bar after a sum (`A + B \\Big|_{θ=0}`) is refused as
  ambiguous when the terms before it mention θ (B, or A + B, evaluated?) — for a bar at
  several values, any variable it sets. A bar in an integrand whose differential follows
  it (`\\int_0^1 u^2 \\Big|_{u=x} \\, dx`) is read inside the integral, the differential
  closing it.
"""

from __future__ import annotations

import re

from derive.frontend.latex.pieces import (
    BarPiece, BigPiece, BracketPiece, DerivPiece, DifferentialFraction, ExpectPiece, FuncPiece,
    IndicatorPiece, LazyPiece, LeftBarPiece, LawRatioPiece, LimitPiece, NamePiece, OpPiece,
    ValuePiece, is_token, is_tree, one_item, single, takes_rest, unscripted,
)
from lark import Tree

from derive.frontend.latex.probability import PROBABILITY
from derive.frontend.latex.stars import PRODUCT_STAR
from derive.model.names import Domain, IndexRange, Kind
from derive.model.terms import (
    Add, At, Call, Const, Defined, Dens, Deriv, Dist, Expect, Fn, Integral, Limit, Mul, Num, Op,
    Optimum, Pow, ONE, Sym, div, free_names, log, neg, nodes, sub,
)
from derive.notation import registry
from derive.notation.elementary import SPELLINGS

# Names that plain letters before an argument spell by accident of typing (`log(ab)`,
# `max(a, b)`, `sqrt(4)`): an elementary function's, or an operator's written as a command.
# Plain lower-case words read as the function (`function_letters`); `log` may carry a base
# on its last letter (`log_2(b-a)`).
_WORDS = ("log", "ln", "exp", "sin", "cos")
_BRACKETED_WORDS = ("sin", "cos")       # only applied to round brackets: `sin(a)`, never `sin a`
# The variance and covariance in plain letters before brackets (`moment_letters`).
_MOMENT_WORDS = {"Var": "Var", "var": "Var", "Cov": "Cov", "cov": "Cov"}
PLAIN_WORDS = frozenset(s[1:] for s in SPELLINGS) | {
    "max", "min", "sup", "inf", "sqrt", "lim", "argmax", "argmin"}


ROUNDING = {r"\lceil": ("ceil", r"\rceil"), r"\lfloor": ("floor", r"\rfloor")}
GROUPING_PAIRS = {("(", ")"), ("[", "]"), (r"\{", r"\}")}


class Products:
    """The product reader, mixed into `Reader` (which supplies names and terms)."""

    def product(self, pieces):
        """The term a list of pieces stands for."""
        terms = self.product_factors(pieces)
        return terms[0] if len(terms) == 1 else Mul(*terms)

    def product_factors(self, pieces, groupings=None):
        """The factors, as written side by side, that a list of pieces multiplies; the
        brackets read as groupings or evaluations (`[F]_a^b`) are appended to `groupings`
        when it is a list."""
        bars = [i for i, p in enumerate(pieces) if isinstance(p, BarPiece)]
        inside = bool(bars) and self._in_integrand(pieces, bars[-1])
        if bars and not inside:
            k = bars[-1]
            opened = [i for i, p in enumerate(pieces[:k]) if isinstance(p, LeftBarPiece)]
            start = opened[-1] + 1 if opened else 0
            if k == start:
                raise self.error("an evaluation bar needs an expression before it", pieces[k].node)
            rest = pieces[k + 1:]
            if rest:
                self._no_binder_before_bar(pieces, k)
            value = self.evaluation_bar(self.product(pieces[start:k]), pieces[k])
            if opened:                      # \left. … \right|: only what they enclose
                value = self.product([*pieces[:start - 1], ValuePiece(value, pieces[k].node)])
            if rest and isinstance(rest[0], OpPiece):
                # `A \Big|_{z=w} \cdot B` (`/ B`): the bar closes what stands before it, and
                # the sign after it multiplies (divides) that value by what follows
                return [self.product([ValuePiece(value, pieces[k].node), *rest])]
            return [value, self.product(rest)] if rest else [value]
        unclosed = [p for p in pieces if isinstance(p, LeftBarPiece)]
        if unclosed and not inside:
            raise self.error("\\left. opens an evaluation: close it with \\right|_{\\theta = …}",
                             unclosed[0].node)
        pieces = self.integrals(pieces)
        pieces = self.merge_operator_letters(pieces)
        pieces = self.bare_operator_letters(pieces)
        pieces = self.moment_letters(pieces)
        pieces = self.mean_squared_errors(pieces)   # MSE(\hat\theta): estimators.py
        pieces = self.letter_words(pieces)          # NLL after `define NLL = …`: words.py
        pieces = self.defined_words(pieces)         # MSE(…) after `MSE(\hat\theta) = …`
        pieces = self.function_letters(pieces)
        return self.factors(pieces, groupings)

    # ------------------------------------------------------------------ integrals
    def integrals(self, pieces):
        """Each `\\int … d x` into a value, the outermost first: an `\\int` pairs with the
        differential that closes it (`\\int_0^1 \\int_0^x f \\, dy \\, dx`: the second
        `\\int` closes at `dy`, the first at `dx`; `\\iint` takes two), and its body — the
        inner integrals and their limits included — is read inside its binding. Integrals
        after an operator that takes the rest of the run are left to that operator, read
        inside its scope. `\\mu(dx)` of a declared law is its differential `d\\mu(x)`."""
        pieces = self.measure_differentials(pieces)
        pieces = self.differential_fractions(pieces)
        while True:
            limit = next((i for i in range(len(pieces)) if takes_rest(pieces, i)), len(pieces))
            starts = [i for i, p in enumerate(pieces[:limit])
                      if isinstance(p, BigPiece) and p.op in ("int", "iint")]
            if not starts:
                return pieces
            self.refuse_word_differentials(pieces)  # `w Ld w` of `define Ld`: words.py
            i = starts[0]
            ends = self._differentials_of(pieces, i)
            value = self._expression_differential(pieces, i, limit, ends)
            if value is not None:
                pieces = pieces[:i] + [ValuePiece(value, pieces[i].node)] + pieces[limit:]
                continue
            if not ends:
                value = None if pieces[i].op == "iint" else \
                    self.integral_without_differential(pieces[i], pieces[i + 1:limit])
                if value is None:
                    raise self.error(r"this integral has no differential: end it with d x "
                                     r"(or write \int_x)", pieces[i].node)
                pieces = pieces[:i] + [ValuePiece(value, pieces[i].node)] + pieces[limit:]
                continue
            for j in ends:
                self._no_applied_differential(pieces, j, leading=j == i + 1)
            j = ends[0]
            if j == i + 1 and pieces[i].op == "int":    # `\int dz\, f(z)`: the differential
                body = pieces[j + 2:limit]               # first, the rest of the run after it
                if not body and (pieces[i].sub is None or pieces[i].sup is None):
                    raise self.error("this integral has nothing to integrate", pieces[i].node)
                value = self.integral(pieces[i], self._leading_differentials(pieces[i], body)
                                      if body else _ONE, pieces[j + 1])
                pieces = pieces[:i] + [ValuePiece(value, pieces[i].node)] + pieces[limit:]
                continue
            if j == i + 1:
                raise self.error("this integral has nothing to integrate", pieces[i].node)
            if pieces[i].op == "iint":
                if len(ends) != 2 or ends[1] != j + 2:
                    raise self.error(r"\iint needs two differentials: d y \, d x", pieces[i].node)
                k = ends[1]
                value = self.double_integral(pieces[i], pieces[i + 1:j], pieces[j + 1],
                                             pieces[k + 1])
                pieces = pieces[:i] + [ValuePiece(value, pieces[i].node)] + pieces[k + 2:]
                continue
            point = self.measure_point(pieces, j)
            value = self.integral(pieces[i], _before_differential(pieces[i + 1:j]),
                                  pieces[j + 1], point)
            rest = pieces[j + 2 + (point is not None):]
            if self.differential(rest, 0) == 0:
                raise self.error("a differential with no integral of its own: write one \\int "
                                 "per differential", rest[0].node)
            pieces = pieces[:i] + [ValuePiece(value, pieces[i].node)] + rest

    def differential_fractions(self, pieces):
        """`\\int_a^b \\frac{dx}{b-a} f`, `\\int \\frac{dx}{x}`, `\\int f \\frac{dx}{x}`: a
        differential over g is `dx` with 1/g in the integrand — after the differential when
        it comes first (the rest of the run is the integrand, as after `\\int dx\\,`), else
        before it (what follows multiplies the integral, as after `\\int f\\, dx`). Read in a
        run with one `\\int` before it and no other differential; anywhere else refused."""
        found = [k for k, p in enumerate(pieces) if isinstance(p, DifferentialFraction)]
        if not found:
            return pieces
        k = found[0]
        ints = [i for i, p in enumerate(pieces) if isinstance(p, BigPiece) and
                p.op in ("int", "iint")]
        if len(found) > 1 or len(ints) != 1 or ints[0] > k or pieces[ints[0]].op != "int" or \
                self.differential(pieces, 0) is not None or \
                any(takes_rest(pieces, j) for j in range(ints[0] + 1, k)) or \
                isinstance(pieces[k - 1], FuncPiece):       # `\sin\frac{dx}{1+x}`: its argument
            raise self.error("\\frac{dx}{…} with no d below is a differential over an "
                             "expression: derive reads it as the one differential of one "
                             "\\int before it (\\int \\frac{dx}{x}); write \\frac{1}{…} dx",
                             pieces[k].node)
        fraction = pieces[k]
        parts = [*fraction.differential, fraction.reciprocal] if k == ints[0] + 1 else \
            [fraction.reciprocal, *fraction.differential]
        return pieces[:k] + parts + pieces[k + 1:]

    def _expression_differential(self, pieces, i, limit, ends):
        """The integral at `pieces[i]` (reaching to `limit`) written with a differential of
        an expression, `\\int d(\\sigma z' + \\mu)\\, g` or `\\int g \\, d(u)`
        (`stieltjes`); None when it has none. `ends`: its differentials `d x`. Right after
        `\\int`, d(…) is a differential even beside a `d x` (two: refused); elsewhere in an
        integral closed by `d x` it stays what d is (a function), and in one without, only
        last in the run: anywhere else it is refused."""
        found = [j for j in range(i + 1, limit - 1) if self._expression_d(pieces, j)] \
            if pieces[i].op == "int" else []
        if not found or ends and found[0] != i + 1:
            return None
        if ends:
            raise self.error("d(…) right after \\int is a differential, and this integral has "
                             "another one: write one differential (declare d, % derive: "
                             "function d, if it is a function)", pieces[ends[0]].node)
        if len(found) > 1:
            raise self.error("a second differential in one integral: write one \\int per "
                             "differential", pieces[found[1]].node)
        j = found[0]
        if j != i + 1 and j != limit - 2:
            raise self.error("d(…) inside an integrand is ambiguous (a differential, or a "
                             "function d?): write the differential first or last, or declare "
                             "d (% derive: function d)", pieces[j].node)
        body = pieces[j + 2:limit] if j == i + 1 else _before_differential(pieces[i + 1:j])
        if not body:
            raise self.error("this integral has nothing to integrate", pieces[i].node)
        return self.stieltjes(pieces[i], pieces[j + 1], body)

    def _expression_d(self, pieces, j):
        """Whether `pieces[j]`, `pieces[j + 1]` are `d( u )` with d no name of the file:
        round brackets, one argument, no power."""
        p, q = pieces[j], pieces[j + 1]
        if not (isinstance(p, NamePiece) and p.key == "d" and p.power is None and
                not p.primes and isinstance(q, BracketPiece) and q.open == "(" and
                len(q.args) == 1 and q.power is None):
            return False
        return self.bound_name("d") is None and not self.knows("d")

    def _leading_differentials(self, piece, body):
        """The body of `\\int dx\\, …` (differential first): `\\int dx\\, dy\\, f` is
        ∫∫ f dy dx, each further leading differential an integral nested inside, over its
        variable's whole range — with limits written once (`\\int_0^1 dx\\, dy`) they
        would be a guess for the others: refused; a differential later in the body
        (`\\int dx\\, p(x)\\, dx`) has no integral of its own: refused."""
        later = self.differential(body, 0)
        if later is None or any(isinstance(p, BigPiece) and p.op in ("int", "iint")
                                for p in body[:later]):
            return body                  # `\int dx \int dy\, f`: dy closes the inner one
        if later != 0:
            raise self.error("a differential with no integral of its own: write one \\int "
                             "per differential", body[later].node)
        if piece.sub is not None or piece.sup is not None:
            raise self.error("one \\int with limits before several differentials: write one "
                             "\\int with its limits per differential", body[0].node)
        self._no_applied_differential(body, 0, leading=True)
        if len(body) < 3:
            raise self.error("this integral has nothing to integrate", piece.node)
        return lambda: self.integral(piece, self._leading_differentials(piece, body[2:]),
                                     body[1])

    def _no_applied_differential(self, pieces, j, leading=False):
        """A bracket right after the differential `pieces[j]` (`d\\mu(x)`, `dF(x)`,
        `\\mathrm{d}P(x)`): a measure or distribution at the point, the Lebesgue–Stieltjes
        notation — never the product of the integral and (x). Refused at the bracket;
        only a differential first (`\\int dx\\, (1 + x) f(x)`) by a variable of the file
        is followed by its integrand."""
        after = pieces[j + 2] if j + 2 < len(pieces) else None
        if not isinstance(after, BracketPiece):
            return
        name = pieces[j + 1].key
        found = self.declared(name)
        variable = self.bound_name(name) is not None or \
            found is not None and found[1].kind is Kind.VARIABLE
        if leading and self.law_measure(name) is not None:
            raise self.error(f"write the integrand before d{name}({'…'}) (\\int f(x) \\, "
                             f"d{name}(x)): a bracket right after a leading differential is "
                             "ambiguous", after.node)
        if leading and variable or found is not None and not variable and \
                found[1].kind is not Kind.SYMBOL:
            return                        # `dP(x)` of a declared P: `integral` reads it
        if variable:
            raise self.error(f"a bracket right after the differential d{name} (the integral "
                             "times it, or a measure at a point?) is ambiguous: write the factor "
                             "before the integral or inside it", after.node)
        raise self.error(f"d{name}(…) after an integral's differential is a measure or "
                         f"distribution at the point (\\int f \\, d{name}(x)), which derive "
                         "does not read, never the integral times the bracket: write the "
                         "density, \\int f(x) \\, p(x) \\, dx", after.node)

    def _no_binder_before_bar(self, pieces, k):
        """Refuses an evaluation bar `pieces[k]` after the body of an operator that binds a
        letter over the rest of its run — a sum or product, a limit or extremum, an
        expectation without brackets, an integral not closed by its differential before
        the bar — when more of the product follows the bar (`\\sum_k k \\theta
        \\Big|_{\\theta=1} \\cdot k`): the bar closes the operator, so what follows it
        would be read outside, its k the file's own, not the index; or does the bar
        evaluate the body alone, and the rest stay under the operator? Brackets say which."""
        for i, p in enumerate(pieces[:k]):
            binder = isinstance(p, (LimitPiece, ExpectPiece)) and takes_rest(pieces, i) or \
                isinstance(p, BigPiece) and (p.op not in ("int", "iint") or not any(
                    end < k for end in self._differentials_of(pieces, i)))
            if binder:
                raise self.error("an evaluation bar after the body of an operator that binds a "
                                 "letter (a sum, product, limit, expectation or integral), "
                                 "with more of the product after it: does that stay under the "
                                 "operator, or is the bar of the whole and what follows outside "
                                 "it? write brackets around the body (\\sum_k [\\,…\\,]) or "
                                 "around what the bar evaluates", pieces[k].node)

    def _in_integrand(self, pieces, k):
        """Whether the evaluation bar `pieces[k]` stands in the integrand of an `\\int`
        before it whose differential comes after it (`\\int p(x) \\left. f'(u)
        \\right|_{u = x} dx`, `\\int_0^1 u^2 \\Big|_{u=x} \\, dx`): the integral is read
        first (or by an operator before it that takes the rest of the run), the bar inside
        its body and binding: the differential closes the integral, never the product d·x,
        and the bar applies to what stands between them."""
        for i in range(k):
            if isinstance(pieces[i], BigPiece) and pieces[i].op in ("int", "iint"):
                ends = self._differentials_of(pieces, i)
                if ends and ends[0] > k:
                    return True
        return False

    def _differentials_of(self, pieces, i):
        """The indices of the differentials that close the integral at `i` (two for
        `\\iint`), pairing each differential with the innermost open integral; [] when
        it is not closed."""
        depth = 2 if pieces[i].op == "iint" else 1
        own, j = [], i + 1
        while j < len(pieces):
            p = pieces[j]
            if isinstance(p, BigPiece) and p.op in ("int", "iint"):
                depth += 2 if p.op == "iint" else 1
            elif self.differential(pieces, j) == j:
                depth -= 1
                if depth < (2 if pieces[i].op == "iint" else 1):
                    own.append(j)
                if depth == 0:
                    return own
                j += 2
                continue
            j += 1
        return []

    def double_integral(self, piece, body, inner, outer):
        """`\\iint body d inner d outer`: ∫ (∫ body d inner) d outer."""
        bare = BigPiece("int", None, None, piece.node)
        return self.integral(piece, lambda: self.integral(bare, body, inner), outer)

    def spanning_integral(self, signed, k):
        """(value, next index) when the k-th term of a sum (`signed`: (sign, node) pairs)
        holds an integral whose differential is in a later term: ∫ (term_k … term_m) dx;
        None otherwise. A sign written before the term's run (`-\\log 2 \\int_x p(x) + q(x)
        \\, dx`, `-\\int_x …`) signs the product that holds the integral, as after a
        binary minus (`1 - 3\\int_x p(x) + q(x) \\, dx`): the integrand is what stands
        between \\int and its differential, never the sign before \\int."""
        node, signs = _unsigned(signed[k][1])
        if not is_tree(node, "run") or self.matrix_operator(node.children):
            return None
        pieces = [self.piece(c) for c in node.children]
        starts = [i for i, p in enumerate(pieces) if isinstance(p, BigPiece) and p.op == "int"]
        if len(starts) != 1 or self.differential(pieces, 0) is not None or \
                any(takes_rest(pieces, i) for i in range(starts[0])):
            return None
        for m in range(k + 1, len(signed)):
            later = signed[m][1]
            if not is_tree(later, "run"):
                continue
            tail = [self.piece(c) for c in later.children]
            j = self.differential(tail, 0)
            if any(isinstance(p, BigPiece) and p.op in ("int", "iint") for p in tail[:j or 0]):
                return None
            if j is None and len(tail) > 1 and self._expression_d(tail, len(tail) - 2):
                raise self.error("a differential of an expression after a + or - (the last "
                                 "term's, or the whole sum's?) is ambiguous: bracket the "
                                 "integrand, \\int (a + b) \\, d(u)", tail[-2].node)
            if j is None:
                continue
            self._no_applied_differential(tail, j)
            i = starts[0]

            def body(i=i, m=m, j=j, pieces=pieces, tail=tail):
                parts = [self.product(pieces[i + 1:])] if i + 1 < len(pieces) else []
                for sign, child in signed[k + 1:m]:
                    parts.append(neg(self.term(child)) if sign.value == "-" else self.term(child))
                if j:
                    last = self.product(_before_differential(tail[:j]))
                    parts.append(neg(last) if signed[m][0].value == "-" else last)
                return parts[0] if len(parts) == 1 else Add(*parts)
            point = self.measure_point(tail, j)
            value = self.integral(pieces[i], body, tail[j + 1], point)
            around = pieces[:i] + [ValuePiece(value, pieces[i].node)] + \
                tail[j + 2 + (point is not None):]
            return _with_signs(self.product(around), signs), m + 1
        return None

    # ------------------------------------------------------------------ signed summands
    def negated_summand(self, signed, k):
        """(value, next index) when the k-th term of a sum ends with `\\sum` or `\\prod`
        and the next term is subtracted (`\\sum_{i=1}^m - (a_i + 1)`): the operator takes
        that term negated, as its rest of the run; None otherwise."""
        node, signs = _unsigned(signed[k][1])
        if k + 1 == len(signed) or signed[k + 1][0].value != "-" or \
                not is_tree(node, "run") or not is_tree(node.children[-1], "big"):
            return None
        pieces = [self.piece(c) for c in node.children]
        if pieces[-1].op not in ("sum", "prod"):
            return None
        sign, child = signed[k + 1]
        negated = Tree("signed", [sign, child])
        negated.meta.empty = False
        negated.meta.start_pos, negated.meta.end_pos = sign.start_pos, _end_of(child)
        group = Tree("group", [negated], negated.meta)
        return _with_signs(self.product(pieces + [LazyPiece(group, None, negated)]), signs), \
            k + 2

    # ------------------------------------------------------------------ evaluation bars
    def spanning_bar(self, signed, k):
        """(value, next index) when the k-th term of a sum opens `\\left.` that a bar in a
        later term closes: `\\left. A + B \\right|_{θ=0}` is (A + B) at θ = 0, times what
        stands before `\\left.` and after the bar. None otherwise."""
        sign, node = None, signed[k][1]      # the sum applies signed[k]'s own sign
        if is_tree(node, "signed"):
            sign, node = node.children
        if not is_tree(node, "run") or not any(is_tree(c, "leftbar") for c in node.children):
            return None
        pieces = [self.piece(c) for c in node.children]
        opened = [i for i, p in enumerate(pieces) if isinstance(p, LeftBarPiece)]
        if not opened or any(isinstance(p, BarPiece) for p in pieces[opened[-1]:]):
            return None
        i = opened[-1]
        for m in range(k + 1, len(signed)):
            later = signed[m][1]
            tail = [self.piece(c) for c in later.children] if is_tree(later, "run") else []
            bars = [j for j, p in enumerate(tail) if isinstance(p, BarPiece)]
            if not bars:
                continue
            j = bars[0]
            parts = [self.product(pieces[i + 1:])] if i + 1 < len(pieces) else []
            for between_sign, child in signed[k + 1:m]:
                value = self.term(child)
                parts.append(neg(value) if between_sign.value == "-" else value)
            if j:
                last = self.product(tail[:j])
                parts.append(neg(last) if signed[m][0].value == "-" else last)
            inner = parts[0] if len(parts) == 1 else Add(*parts)
            value = self.product([*pieces[:i], ValuePiece(self.evaluation_bar(inner, tail[j]),
                                                          tail[j].node), *tail[j + 1:]])
            return (neg(value) if sign is not None and sign.value == "-" else value), m + 1
        raise self.error("\\left. opens an evaluation: close it with \\right|_{\\theta = …}",
                         pieces[i].node)

    def unambiguous_bar(self, node, before):
        """Refuse a bare evaluation bar after a sum, `A + B \\Big|_{θ=0}`, when the terms
        before it (`before`, read) mention its variable — any of its variables for a bar at
        several values (`A + B \\Big|_{μ=2, x=3}`): it could apply to B or to A + B, and
        the two differ. (When they do not mention them, both readings agree.)"""
        if is_tree(node, "signed"):
            node = node.children[1]
        if not is_tree(node, "run") or not before:
            return
        bars = [i for i, c in enumerate(node.children) if is_tree(c, "evalbar")]
        if not bars or any(is_tree(c, "leftbar") for c in node.children[:bars[-1]]):
            return
        bar = self.piece(node.children[bars[-1]])
        spec = single(bar.sub)
        if not is_tree(spec, "equation", "equations"):
            return
        for var_node in spec.children[0::4]:      # every variable a bar of several values sets
            var = self._variable_name(single(var_node))
            if any(self._moves_with(t, var) for t in before):
                raise self.error(f"an evaluation bar after a sum is ambiguous (the last term, "
                                 f"or the whole sum, at {var.latex} = …?): write \\left. … "
                                 f"\\right|_{{…}} around what is evaluated, or bracket it",
                                 bar.node)

    def _moves_with(self, term, var):
        """Whether `term` changes with `var`: mentions it free, or has a density that depends
        on it — outside an evaluation at var (`A|_{θ=θ_0}` no longer moves with θ)."""
        pending, seen = [term], set()
        while pending:
            t = pending.pop()
            if t in seen:
                continue
            seen.add(t)
            if isinstance(t, At) and t.var is var:
                pending.append(t.value)
                continue
            if var in free_names(t) or isinstance(t, Dist) and \
                    var in self.scope.context.moves_with(t.name):
                return True
            pending.extend(t.children)
        return False

    @staticmethod
    def differential(pieces, start):
        """Index of the `d` of the first `d <name>` at or after `start`, or None."""
        for j in range(start, len(pieces) - 1):
            p, q = pieces[j], pieces[j + 1]
            if isinstance(p, NamePiece) and p.key == "d" and isinstance(q, NamePiece) and \
                    q.power is None:
                return j
        return None

    # ------------------------------------------------------------------ operators by letters
    @staticmethod
    def merge_operator_letters(pieces):
        """`KL(p\\|q)`, `JSD(p\\|q)` written in plain letters: letters before a bracket
        whose concatenation is an operator's spelling are that operator's name."""
        out = []
        for p in pieces:
            out.append(p)
            if not isinstance(p, BracketPiece):
                continue
            for size in (3, 2):
                run = out[-1 - size:-1]
                if len(run) == size and all(isinstance(q, NamePiece) and len(q.key) == 1
                                            for q in run):
                    word = "".join(q.key for q in run)
                    if registry.spelled(word) and len(word) > 1:
                        out[-1 - size:-1] = [NamePiece(word, word, None, None, 0, run[0].node)]
                        break
        return out

    def bare_operator_letters(self, pieces):
        """`JSD = H(M) - …` (Wikipedia): plain letters spelling an operator's name (`JSD`,
        `JS`, `KL`, `TV`) with no brackets after them. Read as that operator at the
        arguments the file wrote it with above — when the file wrote it with one set of
        arguments only (`\\rm JSD(P \\parallel Q)` in an earlier row); else refused at
        the first letter: read as letters they were the product J · S · D of undeclared
        numbers, which no author means. Letters all declared or bound stay a product."""
        out = list(pieces)
        for start, end in reversed(_letter_runs(pieces)):
            if end < len(pieces) and isinstance(pieces[end], BracketPiece) or \
                    pieces[end - 1].power is not None or pieces[end - 1].sub is not None:
                continue
            word = "".join(q.base for q in pieces[start:end])
            keys = {op.key for op in registry.OPERATORS if word in op.spellings}
            if len(word) < 2 or not keys or \
                    all(self.declared(q.key) or self.bound_name(q.key) for q in pieces[start:end]):
                continue
            values = [v for key in keys for v in self.scope.operator_values.get(key, ())]
            if len(values) != 1 or values[0] is None:     # None: written at a bound copy
                raise self.error(f"`{word}` in plain letters without arguments names an "
                                 "operator derive knows, but "
                                 + ("the file writes it with several arguments before it"
                                    if len(values) > 1 else "the file writes it at a bound "
                                    "variable before it" if values else "the file does not write it with its "
                                    "arguments before it") + f": write {word}(P \\| Q) (read as "
                                 f"letters it would be the product {' · '.join(word)})",
                                 pieces[start].node)
            out[start:end] = [ValuePiece(values[0], pieces[start].node)]
        return out

    def moment_letters(self, pieces):
        """`Var(X+Y)`, `cov[X,Y]`, `Var_p[f]`: the variance and covariance written in plain
        letters (wikis, lecture notes) are the operators `\\operatorname{Var}`,
        `\\operatorname{Cov}` — never v·a·r with an unknown function r. The last three letters
        of a word of plain letters (a subscript on the last is the operator's), after letters
        the file knows only (`a Var(X)` of a declared a; an unknown one before it is refused
        by `refuse_letter_word`), unless every letter of the three is declared or bound (a
        product then). Without brackets after it (`Var = …`) the operator is refused, as
        `\\operatorname{Var}` is."""
        out = list(pieces)
        for start, end in reversed(_letter_runs(pieces)):
            for k in range(start, end - 3):        # `Var X`, `var\, X`: a word, then letters
                inner = pieces[k:k + 3]
                if "".join(q.base for q in inner) in _MOMENT_WORDS and \
                        not all(self._known_letter(q.key) for q in inner):
                    word = "".join(q.base for q in inner)
                    raise self.error(f"`{word}` in plain letters before a letter: write the "
                                     f"argument in brackets, {word}(X) (else it reads as a "
                                     "product of letters)", inner[0].node)
            run = pieces[max(start, end - 3):end]
            word = "".join(q.base for q in run)
            if word not in _MOMENT_WORDS or run[-1].power is not None or all(
                    self._known_letter(q.key) for q in run) or not all(
                    self._known_letter(q.key) for q in pieces[start:end - 3]):
                continue
            out[end - 3:end] = [ExpectPiece(run[-1].sub, run[0].node, _MOMENT_WORDS[word])]
        return out

    def refuse_letters_after_e(self, pieces, i):
        """`Ent(X)` after `expectation E`: a plain E, then two or more letters the file does
        not know, the last an unknown function of the bracket after it — a word (entropy),
        never E of n·t(X). Refused as `refuse_letter_word` does; `E f(X)`, `E XY`, `E \\log p`
        (Cover & Thomas) read as before."""
        end = i + 1
        while end < len(pieces) and _plain_letter(pieces[end], last=False) and \
                not self._known_letter(pieces[end].key):
            end += 1
        if end - i > 2 and self._unknown_function(pieces[end - 1], pieces[end] if end <
                                                  len(pieces) else None):
            self.refuse_letter_word(pieces[:end], end - 1)

    def _known_letter(self, key):
        """Whether a plain letter is a number the file gave a meaning where it stands:
        declared, bound, or the random variable of a declared variable (`X` of x)."""
        return self.declared(key) is not None or self.bound_name(key) is not None or \
            self.capital_variable(key) is not None

    def _unknown_function(self, p, nxt):
        """Whether the plain letter `p` before the bracket `nxt` would be an unknown function
        there: not declared, bound, a random variable, defined by a row's head, nor an
        operator's or a probability's letter (`H(X)`, `P(X = x)`)."""
        if not (isinstance(nxt, BracketPiece) and nxt.open in "([" and
                _plain_letter(p, last=False)) or self._known_letter(p.key) or \
                p.key in PROBABILITY or registry.spelled(p.key) or self._head_labels(p.key):
            return False
        found = self.scope.lookup(p.key)
        return found is None or found[1].kind in (Kind.SYMBOL, Kind.FUNCTION)

    def refuse_letter_word(self, pieces, i):
        """`cov(X,Y)` (had it not been the covariance), `MSE(\\hat\\theta)`, `ELBO(q)`,
        `Ent(X)`, `CE(p, q)`: plain letters right before the one that is applied at
        `pieces[i]` — an unknown function made by its brackets, or a plain `E` declared the
        expectation — spell a quantity's name; read so, they were undeclared complex
        numbers times an unknown function (or times an expectation), which no author
        means. Refused at the first letter of the word, naming it; letters the file knows
        (`_known_letter`: `xf(x)`, `ab(c+d)` of declared a, b) keep the product."""
        start = i
        while start > 0 and (_plain_letter(pieces[start - 1], last=False) or
                             _plain_e(pieces[start - 1])):
            start -= 1
        if all(not _plain_e(q) and self._known_letter(q.key) for q in pieces[start:i]):
            return
        letters = ["E" if _plain_e(q) else q.base for q in pieces[start:i + 1]]
        word = "".join(letters)
        read = " · ".join(letters[:-1] + [letters[-1] + ("[…]" if _plain_e(pieces[i]) else "(…)")])
        raise self.error(f"`{word}` in plain letters is no name derive knows: it would read as "
                         f"the product {read} of undeclared letters and "
                         + ("the expectation E" if _plain_e(pieces[i]) else
                            f"an unknown function {letters[-1]}")
                         + f": write \\operatorname{{{word}}} (or \\mathrm{{{word}}}) for a "
                         "named quantity, or declare the letters for a product",
                         pieces[start].node)

    def function_letters(self, pieces):
        """`log(ab)`, `exp x`, `Log(a)`, `LOG(a)`, `max(a, b)`, `sqrt(4)`: plain letters spelling
        an elementary function's or an operator's name (lower case, capitalised or upper case)
        before an argument would read as a product of letters
        times an unknown function (l·o·g(ab)) — what no author means. `log`, `ln`, `exp`,
        `sin`, `cos` (these two before round brackets only) in lower case, none of whose
        letters the file knows (declared, used, bound) and which end no longer word
        (`asin(a)`, `arccos(x)`: refused), are the function, as `\\log`, `\\ln`,
        `\\exp`, … (notes written in Markdown: `p(x)log(p(x))`; `log_2(b-a)` with its base on
        the last letter).
        Any other such word is refused at its first letter (write `\\log`), unless every
        letter is declared or bound (then a product). The choice is the file's: each word read
        as the function is kept (`scope.plain_words`), and once the file makes one of its
        letters a name, below, the rows that read it so are errors (`Builder`)."""
        out = list(pieces)
        for k in range(len(pieces) - 2, -1, -1):
            size = next((n for n in (3, 2) if k + n < len(pieces) and
                         all(_plain_letter(q, last=False) for q in pieces[k:k + n - 1]) and
                         _plain_letter(pieces[k + n - 1], last=False, base=n == 3) and
                         "".join(q.base for q in pieces[k:k + n]) in _WORDS), None)
            word = "".join(q.base for q in pieces[k:k + size]) if size is not None else ""
            base = pieces[k + size - 1].sub if size is not None else None
            if word in _BRACKETED_WORDS and not (isinstance(pieces[k + size], BracketPiece) and
                                                 pieces[k + size].open == "(") or \
                    base is not None and word != "log" or \
                    size is not None and k > 0 and _plain_letter(pieces[k - 1], last=False):
                continue          # `a sin x`, `exp_2 a`, `asin(a)` (a longer word): refused below
            if size is not None and not isinstance(pieces[k + size], OpPiece) and not any(
                    self.knows(q.base) or self.bound_name(q.base) for q in pieces[k:k + size]):
                out[k:k + size] = [FuncPiece(SPELLINGS["\\" + word], base, None, pieces[k].node)]
                self.scope.plain_words.append((word, self.offset + _start_of(pieces[k].node), (
                    self.row_start, self.row_start + len(self.row_text))))
        self.refuse_function_letters(out)
        return out

    def refuse_function_letters(self, pieces):
        """The words `function_letters` leaves as letters, refused (its docstring)."""
        for k in range(len(pieces)):
            for size in (6, 4, 3, 2):
                run = pieces[k:k + size]
                if len(run) < size or k + size == len(pieces) or \
                        isinstance(pieces[k + size], OpPiece) or not all(
                            _plain_letter(q, last=q is run[-1]) for q in run):
                    continue
                word = "".join(q.base for q in run)
                if word.lower() not in PLAIN_WORDS or \
                        word not in (word.lower(), word.capitalize(), word.upper()):
                    continue
                if all(self.declared(q.key) or self.bound_name(q.key) for q in run):
                    continue
                raise self.error(f"`{word}` in plain letters reads as a product of the letters "
                                 f"{' · '.join(word)}: write \\{word.lower()} for the function "
                                 "(or declare the letters)", run[0].node)

    def refuse_braced_word(self, group):
        """`{log}(2)`, `{exp} x`, `{Max}(a, b)`: TeX drops the braces, printing the word the
        plain-letter rule above reads or refuses — inside braces nothing follows the letters,
        so that rule never saw them, and they were a product l·o·g times the bracket. Refused
        at the first letter (write \\log), unless every letter is declared or bound, as there."""
        node = group.children[0]
        if is_tree(node, "sum") and len(node.children) == 1:
            node = node.children[0]
        if not is_tree(node, "run") or not 2 <= len(node.children) <= 6:
            return
        run = [self.piece(c) for c in node.children]
        if not all(_plain_letter(q, last=q is run[-1]) for q in run):
            return
        word = "".join(q.base for q in run)
        if word.lower() not in PLAIN_WORDS or \
                word not in (word.lower(), word.capitalize(), word.upper()) or \
                all(self.declared(q.key) or self.bound_name(q.key) for q in run):
            return
        raise self.error(f"`{{{word}}}` prints as the word {word}, in plain letters in braces: "
                         f"write \\{word.lower()} for the function (or declare the letters "
                         "for a product)", run[0].node)

    # ------------------------------------------------------------------ the factors
    def product_star(self, pieces, i):
        """Refuse a star (`stars.py` marked it a product sign) that stands between no two
        factors: at the end of its product (`D* = …`, `\\theta* \\le 1`: a decoration
        written without `^`?), or beside a function or distribution not applied to
        anything (`f * g`, `p_X * p_Y`, `D*(x)`: a convolution, or D^*(x)?)."""
        star = pieces[i].node
        if i + 1 == len(pieces):
            raise self.error("a '*' with nothing after it multiplies nothing: write D^* for "
                             "a name with a star, a \\cdot b (or a * b) for a product", star)
        after = pieces[i + 2] if i + 2 < len(pieces) else None
        for side, applied in ((pieces[i - 1] if i else None, False),
                              (pieces[i + 1], isinstance(after, BracketPiece))):
            if not applied and self._unapplied_function(side):
                raise self.error(f"'*' beside the function {side.key} not applied to anything "
                                 f"is ambiguous (a convolution {side.key} * g, or a name "
                                 f"{side.key}^*?): write {side.key}^* for the name, or apply "
                                 f"it, {side.key}(x) * g(x), for the product of values", star)

    def _unapplied_function(self, piece):
        """Whether `piece` is a bare name of a function or distribution (a density, a
        declared function, a defined function of parameters) — not a number."""
        if not isinstance(piece, NamePiece) or piece.power is not None:
            return False
        found = self.declared(piece.key)
        if found is None:
            return False
        kind, info = found[1].kind, found[1].info
        return kind is Kind.DISTRIBUTION or \
            kind is Kind.FUNCTION and not isinstance(info, IndexRange) or \
            kind is Kind.DEFINITION and bool(getattr(info, "params", ()))

    def _family_value(self, factor):
        """Whether a factor (or the base of its power) is a member of a declared indexed
        family (`b_i` of `positive b_i for i = 1..m`): a number, as a plain letter is —
        `\\log b_i o_i` is the log of the product, as `\\log ab` is."""
        while isinstance(factor, Pow):
            factor = factor.base
        return isinstance(factor, Call) and \
            isinstance(getattr(self.scope.table.get(factor.function), "info", None), IndexRange)

    def factors(self, pieces, groupings=None):
        terms = []
        divide = None                   # the `/` whose divisor comes next
        i, n = 0, len(pieces)
        while i < n:
            p = pieces[i]
            if isinstance(p, OpPiece):
                written = getattr(p.node, "value", p.op).replace(PRODUCT_STAR, "*")
                if written == "*":
                    self.product_star(pieces, i)
                if not terms:
                    raise self.error(f"'{written}' needs something before it", p.node)
                if i + 1 == n:
                    raise self.error(f"'{written}' needs something after it", p.node)
                if isinstance(pieces[i + 1], OpPiece):
                    raise self.error(f"two product signs in a row ('{written}' and the next) "
                                     "multiply nothing between them", pieces[i + 1].node)
                divide = p if p.op == "/" else None
                i += 1
                continue
            nxt = pieces[i + 1] if i + 1 < n else None
            if isinstance(p, BigPiece):
                value, used = self.big_operator(p, pieces[i + 1:]), n - i
                self.took_run(value)
            elif isinstance(p, LimitPiece):
                if i + 1 == n:
                    raise self.error("this limit or extremum has nothing after it", p.node)
                value, used = self.limit_or_optimum_of(p.node, p.word, p.argument, p.sub,
                                                       pieces[i + 1:]), n - i
                self.took_run(value)
            elif isinstance(p, LawRatioPiece):
                value, used = self.law_ratio_value(p, nxt)
            elif isinstance(p, DerivPiece) and p.body is not None:
                if isinstance(nxt, BracketPiece) and nxt.open == "(":
                    raise self.error("a bracket after \\frac{df}{dx} is ambiguous (the "
                                     "derivative at that point, or times it?): write f'(0), "
                                     "\\frac{df}{dx}\\Big|_{x=0}, or \\frac{df}{dx} \\cdot (…)",
                                     nxt.node)
                value, used = self.derivative(p, []), 1
            elif isinstance(p, DerivPiece):
                value, used = self.derivative(p, pieces[i + 1:]), n - i
            elif isinstance(p, ExpectPiece):
                if _plain_e(p):
                    self.refuse_letter_word(pieces, i)
                    self.refuse_letters_after_e(pieces, i)
                value, used = self.expectation(p, pieces[i + 1:])
                if used == n - i and not (isinstance(nxt, BracketPiece) and nxt.open in "[("):
                    self.took_run(value)            # no argument bracket: it took the run
            elif isinstance(p, FuncPiece):
                value, used = self.function(p, pieces[i + 1:])
            elif isinstance(p, IndicatorPiece):
                value, used = self.indicator(p, nxt)
            elif self.applies_componentwise(p, nxt) is not None:     # softmax(x + c)_i
                value, used = self.applied_component(self.applies_componentwise(p, nxt), p,
                                                     nxt), 2
            elif isinstance(p, NamePiece):
                if self._unknown_function(p, nxt):
                    self.refuse_letter_word(pieces, i)
                self.lookalike_before(p, nxt)
                value, used = self.name_value(p, nxt if isinstance(nxt, BracketPiece) else None)
                if used == 2 and i + 2 < n and isinstance(pieces[i + 2], BracketPiece) and \
                        pieces[i + 2].open in ("(", "[") and self._of_functions(value):
                    raise self.error("a bracket right after a quantity of functions (V(G, D)(x)"
                                     ": its value times x, or a function applied at x?) is "
                                     "ambiguous: write V(G, D) \\cdot (x), or define the "
                                     "function", pieces[i + 2].node)
            elif isinstance(p, BracketPiece):
                value, used = self.grouping(p), 1
                if groupings is not None:
                    groupings.append(p)
            elif isinstance(p, LazyPiece):
                indicator = self.plain_indicator(p, nxt)        # 1\{k = i\}: indicators.py
                value, used = (indicator, 2) if indicator is not None else \
                    (self.value(p.primary), 1)
                if groupings is not None and is_tree(p.primary, "evalbracket"):
                    groupings.append(p)
                if p.power is not None:
                    value = Pow(value, self.term(p.power))
            else:
                value, used = p.term, 1
            terms.append(div(terms.pop(), value) if divide else value)
            if divide and i + used < n and not isinstance(pieces[i + used], OpPiece) and \
                    not _scales_big_operator(pieces, i - 1, used):
                raise self.error("'/' before factors side by side is ambiguous (a / 2b: "
                                 "a/(2b), or (a/2)·b?): write \\frac{a}{2b}, a / (2b) or "
                                 "(a / 2) b", divide.node)
            divide = None
            i += used
        if not terms:
            raise self.error("an empty product", pieces[0].node if pieces else None)
        return terms

    def took_run(self, value):
        """Note the letters the outermost binders of `value` bind: an operator that took
        the rest of its run (`Reader.run_binders`)."""
        pending = [value]
        while pending:
            t = pending.pop()
            if t.binds:
                self.run_binders.extend(n.latex for n in t.binds)
                body = t.children[-1] if t.children else None
                while body is not None and body.binds and isinstance(body, type(t)):
                    # `\\sum_{y,x}`: one subscript, nested sums — each letter took the run
                    self.run_binders.extend(n.latex for n in body.binds)
                    body = body.children[-1] if body.children else None
            else:
                pending.extend(t.children)

    def _of_functions(self, value):
        """Whether `value` is a quantity applied to functions' names (`V(G, D^*)`, a
        definition over a function parameter): a number, which a bracket after it would
        multiply although it reads like an application."""
        base = value.base if isinstance(value, Pow) else value
        if not isinstance(base, Defined):
            return False
        names = [getattr(arg, "name", None) for arg in base.arguments] + [
            n for label, named in self.scope.heads.items() if named is base.name
            for n in self._head_names(label) or ()]         # V(G, D) named by its head
        for name in names:
            found = self.scope.table.get(name) if name is not None else None
            if name is not None and (self.optimising(name) or found is not None and (
                    found.kind is Kind.FUNCTION or found.kind is Kind.DEFINITION and
                    found.info.params)):
                return True
        return False

    def function(self, p, rest):
        """(term, pieces used) for a function word and its argument."""
        if not rest or isinstance(rest[0], OpPiece):
            raise self.error("this function needs an argument", p.node)
        first = rest[0]
        if isinstance(first, BracketPiece) and not first.seps:
            arg, used, after = self.term(first.args[0]), 2, first.power
            spaced = ()
            if first.open == "{":
                self._braced_normaliser(p, rest)
            if after is not None and first.open == "{":
                raise self.error(f"a power after \\{p.fname}{{u}} is ambiguous (printed as "
                                 f"\\{p.fname} u^k, but the braces hold the argument: "
                                 f"\\{p.fname}(u^k) or (\\{p.fname} u)^k?): write one of "
                                 f"these", after)
            if after is not None and _written_negative(self.term(after)):
                raise self.error(f"\\{p.fname}(u)^{{-k}} is ambiguous (a power of the value, or "
                                 f"of the argument?): write (\\{p.fname} u)^{{-k}} or "
                                 f"\\{p.fname}(u^{{-k}})", after)
            if after is not None and _written_fraction(self.term(after)):
                raise self.error(f"\\{p.fname}(u)^{{1/k}} is ambiguous (a root of the value, or "
                                 f"of the argument?): write (\\{p.fname} u)^{{1/k}} or "
                                 f"\\{p.fname}(u^{{1/k}})", after)
            if after is not None and p.fname == "log" and \
                    (self._least_count(self.term(after)) or 0) < 1:
                # `\log (1-p)^{1-y}` in a Bernoulli log-likelihood is log((1-p)^{1-y}), at
                # y = 2 too: only a power that is a whole number ≥ 1 is the log's
                raise self.error("\\log(u)^{a} with a power that may not be a whole number "
                                 "≥ 1 is ambiguous (a power of the log, or of its argument, as "
                                 "in a likelihood's \\log (1-p)^{1-y}?): write (\\log u)^{a} or "
                                 "\\log(u^{a})", after)
        elif self._fraction_alone(p, rest):     # \ln \frac{b}{a} (b - a): ln(b/a)·(b − a)
            arg, used, after, spaced = self.value(rest[0].primary), 2, None, ()
        else:
            whole = _argument_end(rest)
            end = self._spaced_argument_end(rest, whole)
            spaced = rest[end:whole]
            if p.fname == "log" and end < len(rest) and isinstance(rest[end], FuncPiece) and \
                    rest[end].fname == "exp":
                raise self.error("\\log a \\exp(b) is ambiguous (the log of the product, or "
                                 "log(a)·exp(b)?): write \\log(a \\exp(b)) or "
                                 "\\log(a)\\, \\exp(b)", p.node)
            if end < len(rest) and _operator(rest[end]) and \
                    not self._product_before_integral(rest, end):
                f = p.fname
                raise self.error(f"\\{f} a \\sum_i b_i (a function word without brackets, "
                                 f"then a sum, integral or expectation) is ambiguous: authors "
                                 f"mean \\{f} \\frac{{1}}{{N}} \\sum_i b_i as \\{f} of the "
                                 f"average, \\{f} 2\\pi \\int … as a product: write "
                                 f"\\{f}(a \\sum_i b_i) or \\{f}(a) \\sum_i b_i", p.node)
            slash = _slash_in_argument(rest[:end])
            if slash is not None:
                f = p.fname
                raise self.error(f"'/' after the argument of \\{f} without brackets is "
                                 f"ambiguous ((\\{f} a)/b, or \\{f}(a/b)? authors mean \\sin x / x "
                                 f"the first way, \\sin \\pi/2 the second): write "
                                 f"\\frac{{\\{f} a}}{{b}} or \\{f}(a/b)", slash.node)
            groupings = []
            factors, used = self.product_factors(rest[:end], groupings), 1 + end
            agreed = self._readings_agree(p, rest[:end], factors, groupings) \
                if len(factors) > 1 and groupings else None
            if agreed is not None:
                factors, groupings = [agreed], []
            if len(factors) > 1 and groupings:
                f = p.fname
                raise self.error(f"a bracket beside the argument of a function word without "
                                 f"brackets is ambiguous (\\{f} a (b): \\{f} of the product, or "
                                 f"\\{f} a times b?): write \\{f}(a b), or \\{f} a \\cdot (b) "
                                 f"for the product", groupings[0].node)
            arg = factors[0] if len(factors) == 1 else Mul(*factors)
            if agreed is not None:
                return self._spaced_after(p, arg, agreed, spaced, used)
            if len(factors) > 1 and (any(_applied(a) and not self._family_value(a) for a in factors) or any(
                    isinstance(q, LazyPiece) and is_tree(q.primary, "sqrt") for q in rest[:end])):
                raise self.error("a function word without brackets before a product with a "
                                 "function or operator applied in it is ambiguous: write "
                                 "\\log(p(x))\\, f(x) for the log times f(x), or "
                                 "\\log(p(x) f(x))", p.node)
            if len({_law(a) for a in factors} - {None}) > 1:
                raise self.error("a function word without brackets before values of two "
                                 "laws is ambiguous (\\log p(x|z) q(z|x): the log of the "
                                 "product, or the log of p times q?): write "
                                 "\\log(p(x|z))\\, q(z|x) or \\log(p(x|z) q(z|x))", p.node)
            if self._weighed_laws(factors):
                raise self.error("a function word without brackets before values of a law "
                                 "under a sum or integral over their variable is ambiguous "
                                 "(\\sum_z \\log p(x|z) p(z): the log of the joint, or the "
                                 "log weighted by p(z)?): write \\log(p(x|z))\\, p(z) or "
                                 "\\log(p(x|z) p(z))", p.node)
            after = None
        value = self.elementary(p.fname, arg)
        if p.base is not None:                  # \log_b x: the logarithm to base b
            value = div(log(arg), log(self.term(p.base)))
        for power in (p.power, after):
            if power is not None:
                value = Pow(value, self.term(power))
        return self._spaced_after(p, arg, value, spaced, used)

    def _spaced_after(self, p, arg, value, spaced, used):
        """(value times the factors after an explicit space that ended the argument `arg`,
        pieces used)."""
        if spaced:
            tail = self.product_factors(spaced)
            if not any(_applied(a) and not self._family_value(a) for a in [arg, *tail]):
                raise self.error(f"a space inside the argument of \\{p.fname} without "
                                 f"brackets, between factors where no function is applied "
                                 f"(\\{p.fname} 2\\pi e\\,\\sigma^2, \\log p(x)\\, q(x)), is "
                                 f"ambiguous (the {p.fname} of the product, or of the factors "
                                 f"before the space?): write brackets", p.node)
            value, used = Mul(value, *tail), used + len(spaced)
        return value, used

    def _readings_agree(self, p, argument, factors, groupings):
        """`\\log 2 (1 + 1)`: a bracket beside the argument of a function word without
        brackets reads two ways — the function of the whole product, log(2·(1 + 1)), or of
        the factors before the bracket times the rest, log(2)·(1 + 1) — and is refused as
        ambiguous unless the normal form shows the two values equal (log 4 = 2 log 2):
        then the row says the same either way, and the value is the product reading (the
        one `\\log 2 \\int …` has, the bracket standing where an integral's value stood).
        Only for a plain word (no base, power or order written on it) and a bracket after
        at least one factor; None when the readings differ or are not shown equal."""
        k = next(i for i, q in enumerate(argument) if q is groupings[0])
        if k == 0 or p.base is not None or p.power is not None:
            return None
        from derive.engines import normal_form
        head = self.product_factors(argument[:k])
        before = self.elementary(p.fname, head[0] if len(head) == 1 else Mul(*head))
        product = Mul(before, *self.product_factors(argument[k:]))
        whole = self.elementary(p.fname, Mul(*factors))
        try:
            n = normal_form.Normaliser(self.scope.context)
            return product if n.value(sub(whole, product)).is_zero() else None
        except (normal_form.Unsupported, normal_form.Undefined):
            return None

    def _weighed_laws(self, factors):
        """Whether a bracketless function word's factors are values of a law, two or more,
        under a sum or integral binding one of their variables (`\\sum_z \\log p(x|z) p(z)`,
        `\\int \\log p(x|z) p(z)\\, dz`): there the last value reads as much as the sum's
        weight (E_{p(z)}[log p(x|z)]) as a factor of the joint. Inside an expectation's
        brackets (`\\mathbb{E}_{q}[\\log p(x|z) p(z)]`) the weight is the expectation's law,
        and the product stays the joint."""
        laws = [a for a in factors if _law(a) is not None]
        if len(laws) < 2:
            return False
        last = laws[-1]
        while isinstance(last, Pow):
            last = last.base
        drawn = set().union(*(free_names(t) for t in last.at))
        given = set().union(*(free_names(t) for t in getattr(last.dist, "cond", ())))
        # a weight of the sum: a law of the bound letters, not conditional on one of them
        # (Cover & Thomas's `\sum_x \sum_y p(x,y) \log p(x)p(y|x)`: p(y|x) given the bound
        # x weighs nothing — the product is the chain rule's joint)
        return bool(drawn) and drawn <= self.weighing and not given & self.weighing

    def _fraction_alone(self, p, rest):
        """Whether the argument of an unbracketed logarithm is the `\\frac{…}{…}` right after
        it alone, the factor after it multiplying: the Book of Statistical Proofs' KL of
        uniforms, `\\ln \\frac{b_2-a_2}{b_1-a_1} (b_1-a_1)`, `… \\left[ x
        \\right]_{a_1}^{b_1}`, `… \\int_{a_1}^{b_1} dx`, `… \\sum_{x=a_1}^{b_1} 1` — the
        log of a ratio of lengths, times a length. Only where that is what authors mean:
        the word is `\\log`/`\\ln`, the fraction has numbers only (no function, density or
        operator) and a numerator with a letter, and what follows is a sum or an integral,
        or a bracket or evaluation bracket holding a polynomial in numbers. Everything else
        is left to the rules that refuse it: a numerator without letters is a normaliser
        (`\\log \\frac{1}{K} \\sum_k w_k`, `\\log \\frac{1}{K} (\\sum_k w_k)`, the log
        of an average; `\\log \\frac{1}{\\sqrt{2\\pi}} \\left(e^{-x^2/2}\\right)`, the
        log of a density), a bracket holding a function's value or a power of a letter is a
        factor of the argument, and after any other word a fraction before a bracket is the
        argument's coefficient (`\\sin \\frac{\\pi}{2} (2k+1)`, `\\exp \\frac{1}{2}(x^2)`)."""
        if p.fname != "log" or len(rest) < 2 or not isinstance(rest[0], LazyPiece) or \
                rest[0].power is not None or not is_tree(rest[0].primary, "frac"):
            return False
        after = rest[1]
        if isinstance(after, BracketPiece) and not after.seps and \
                after.open.removeprefix("\\left") in ("(", "[", "\\lbrack"):
            multiplier = self.grouping(after)
        elif isinstance(after, LazyPiece) and is_tree(after.primary, "evalbracket"):
            multiplier = self.value(after.primary)
        elif isinstance(after, BigPiece) and after.op == "sum" or \
                isinstance(after, ValuePiece) and type(after.term) is Integral:
            multiplier = None
        else:
            return False
        return self._of_numbers(self.value(rest[0].primary)) and \
            bool(free_names(self.term(rest[0].primary.children[1]))) and \
            (multiplier is None or self._of_numbers(multiplier, polynomial=True))

    def _of_numbers(self, value, polynomial=False):
        """Whether a value is built of numbers, symbols and variables by arithmetic alone
        (no function, density or operator; an evaluation bracket's ends are values at
        points); `polynomial`: with whole powers only (`b - a`, `c^2`, not `e^{-x}` or
        `\\sqrt{c}`)."""
        for t in nodes(value):
            if type(t) not in (Num, Const, Sym, Add, Mul, Pow, At) or polynomial and \
                    type(t) is Pow and not (type(t.exponent) is Num and
                                            t.exponent.value.denominator == 1 and
                                            t.exponent.value > 0):
                return False
        return all(self.scope.context.kind(name) in (Kind.SYMBOL, Kind.VARIABLE)
                   for name in free_names(value))

    def _braced_normaliser(self, p, rest):
        """Refuse a braced fraction right after a function word — `\\log {1 \\over K}`,
        `\\log{\\frac{1}{K}}` — before what the bare `\\frac` there is refused before: TeX
        prints it as `\\log \\frac{1}{K}`, so before a sum, integral or expectation with a
        numerator without letters (`\\log {1 \\over K} \\sum_k w_k`, IWAE's log of the
        average), or before a bracket holding one (`\\log{a \\over b} (\\sum_k w_k)`), the
        braces that hold a function's argument elsewhere (`\\log{a \\over b} p(x)`, s8e)
        decide nothing."""
        fraction = one_item(rest[0].args[0])
        if len(rest) < 2 or not is_tree(fraction, "frac"):
            return
        after = rest[1]
        inside = isinstance(after, BracketPiece) and not after.seps and any(
            isinstance(t, (Integral, Expect)) for t in nodes(self.grouping(after)))
        if inside or _operator(after) and not free_names(self.term(fraction.children[1])):
            f = p.fname
            raise self.error(f"\\{f} {{1 \\over K}} \\sum_k w_k (a braced fraction after a "
                             f"function word, then a sum, integral or expectation) is "
                             f"ambiguous: it prints as \\{f} \\frac{{1}}{{K}} \\sum_k w_k, "
                             f"which authors mean as the \\{f} of the average: write "
                             f"\\{f}(\\frac{{1}}{{K}} \\sum_k w_k) or "
                             f"\\{f}(\\frac{{1}}{{K}}) \\sum_k w_k", after.node)

    def _product_before_integral(self, rest, end):
        """Whether the argument of an unbracketed function word, stopped by an integral
        with its differential (`rest[end]`), is a product of numbers, constants and
        declared real symbols, and so ends before the integral, which multiplies:
        `\\log 2\\pi{\\sigma_{2}}^{2}\\int P(x)\\mathrm{d}x` is log(2πσ²)·∫P (a
        Gaussian's cross entropy), as the fraction with a letter above it is
        (`_fraction_alone`). Not for an average's normaliser — a fraction with a numeric
        numerator (`\\frac{1}{N}`), a negative power (`N^{-1}`), a `/` — nor a density,
        a function's value, a bracket or an undeclared letter in it, nor before a sum or
        an expectation (`\\log \\frac{1}{N} \\sum_i w_i`, the log of the average, is
        meant there): those stay refused as ambiguous."""
        after = rest[end]
        if not (isinstance(after, ValuePiece) and type(after.term) is Integral):
            return False
        argument = rest[:end]
        for q in argument:
            if isinstance(q, (OpPiece, FuncPiece, BigPiece, ExpectPiece, LimitPiece,
                              DerivPiece)):
                return False
            if isinstance(q, BracketPiece) and q.open != "{":
                return False
            if isinstance(q, LazyPiece) and is_tree(q.primary, "frac") and \
                    not free_names(self.term(q.primary.children[1])):
                return False
        value = Mul(*self.product_factors(argument))
        context = self.scope.context
        return all(type(t) in (Num, Const, Sym, Mul, Pow) for t in nodes(value)) and \
            not any(isinstance(t, Pow) and _written_negative(t.exponent) for t in nodes(value)) and \
            all(context.kind(name) is Kind.SYMBOL and context.domain(name) is not
                Domain.COMPLEX for name in free_names(value))

    def _spaced_argument_end(self, rest, end):
        """Where an explicit space written between two factors of an unbracketed function's
        argument ends it (`\\log P(\\tau;\\theta)\\, R(\\tau)` is log P · R, the spelling
        of every policy-gradient text): the author separates the argument from what follows,
        as `\\log(a)\\, b` does with brackets — where a function is applied around the space,
        a product `function` otherwise refuses as ambiguous. Between plain factors a space is
        often typography inside one argument (`\\log 2\\pi e\\,\\sigma^2`): refused there
        (`function`). A space before what ends the argument anyway changes nothing."""
        for k in range(1, end):
            between = self.row_text[_end_of(rest[k - 1].node):_start_of(rest[k].node)]
            if EXPLICIT_SPACE.search(between):
                return k
        return end

    def grouping(self, bracket):
        """( ), [ ] and \\{ \\} around one expression group (Bishop writes
        \\{x-\\mathbb{E}[x]\\}\\{y-\\mathbb{E}[y]\\}); \\lceil \\rceil and \\lfloor \\rfloor
        round; any other pair (⟨ ⟩, a mismatched pair such as an interval) is refused."""
        if (bracket.open, bracket.close) == (r"\langle", r"\rangle"):
            return self.inner_product(bracket)      # inner_products.py
        rounding = ROUNDING.get(bracket.open)
        if rounding is not None and bracket.close != rounding[1]:
            raise self.error(f"{bracket.open} closes with {rounding[1]}", bracket.node)
        if rounding is None and (bracket.open, bracket.close) not in GROUPING_PAIRS:
            raise self.error(f"derive does not read {bracket.open} … {bracket.close} as "
                             "brackets (only ( ), [ ] and \\{ \\} group; ⟨ ⟩ and mismatched "
                             "pairs mean other things)", bracket.node)
        iverson = self.iverson(bracket)
        if iverson is not None:                 # [j = k]: indicators.py
            return iverson
        if bracket.seps:
            raise self.error(f"unexpected {bracket.seps[0]!r}: a list of arguments needs a "
                             "function or operator before the bracket", bracket.node)
        value = self.term(bracket.args[0])
        if rounding is not None:                # \lceil u \rceil, \lfloor u \rfloor
            value = Fn(rounding[0], value)
        if bracket.power is not None:
            value = Pow(value, self.term(bracket.power))
        return value


def _plain_e(piece):
    """Whether a piece is a plain letter E read as the expectation (`expectation E`)."""
    node = piece.node if isinstance(piece, ExpectPiece) else None
    node = unscripted(node)
    return node is not None and piece.kind == "E" and piece.sub is None and \
        is_token(node, "LETTER")


def _letter_runs(pieces):
    """(start, end) of each word of plain letters in `pieces`: a maximal run of plain
    letters (`_plain_letter`), only the last of which may carry scripts."""
    runs, start = [], None
    for k, q in enumerate(pieces + [None]):
        if start is None:
            start = k if _plain_letter(q, last=True) else None
            if start is not None and not _plain_letter(q, last=False):
                runs.append((start, k + 1))
                start = None
            continue
        if _plain_letter(q, last=False):
            continue
        end = k + 1 if _plain_letter(q, last=True) else k
        runs.append((start, end))
        start = None
    return runs


def _plain_letter(piece, last, base=False):
    """Whether a piece is one letter written plainly (the last one of a word may carry a
    subscript or a power: `log_2(x)`, `sin^2(x)`; with `base`, a subscript alone)."""
    return isinstance(piece, NamePiece) and len(piece.base) == 1 and piece.base.isalpha() and \
        not piece.primes and (last or piece.power is None and (base or piece.sub is None))


def _argument_end(rest):
    """Where the argument of a function word without brackets ends in the pieces after
    it: at the next `\\cdot` or `\\times` (`\\ln \\frac{a}{b} \\cdot c` is ln(a/b)·c, as
    authors mean), function word, big operator, limit or extremum, expectation or
    derivative — which, first,
    takes the rest of the run as the argument (`\\log \\sum_i a_i b_i`); a function word
    first (`\\log \\log a \\cdot b`) ends at the product sign as its own argument does."""
    def product_sign(q):
        return isinstance(q, OpPiece) and q.op == "*"
    end = next((k for k, q in enumerate(rest)
                if product_sign(q) or isinstance(q, FuncPiece) or _operator(q) or
                isinstance(q, DerivPiece) and q.body is None), len(rest))
    if end == 0 and isinstance(rest[0], FuncPiece):
        return next((k for k, q in enumerate(rest) if product_sign(q)), len(rest))
    return len(rest) if end == 0 else end


def _unsigned(node):
    """(the term under its leading signs, the signs written: `- - x` is (x, ['-', '-']))."""
    signs = []
    while is_tree(node, "signed"):
        signs.append(node.children[0].value)
        node = node.children[1]
    return node, signs


def _with_signs(value, signs):
    """`value` under the leading signs `_unsigned` took off."""
    for written in signs:
        value = neg(value) if written == "-" else value
    return value


def _operator(piece):
    """Whether a piece is a sum, product, integral, expectation, limit or extremum, which
    would stop an unbracketed function's argument (an integral with its differential is
    already a value here)."""
    return isinstance(piece, (BigPiece, ExpectPiece, LimitPiece)) or \
        isinstance(piece, ValuePiece) and isinstance(piece.term, Integral)


def _slash_in_argument(argument):
    """The `/` among the pieces of an unbracketed function's argument, before anything that
    takes the rest of the run (`\\log \\sum_i a_i / b`: the sum's own reading), or None.
    Authors mean both readings — `\\sin x / x` is (sin x)/x, `\\sin \\pi/2` is sin(π/2),
    `\\log p/q` often log(p/q) — so the caller refuses it, never log(a/a)."""
    for q in argument:
        if isinstance(q, (FuncPiece, BigPiece, ExpectPiece, LimitPiece, DerivPiece)):
            return None
        if isinstance(q, OpPiece) and q.op == "/":
            return q
    return None


def _written_negative(term):
    """Whether a power is written negative: a negative number, or a product with one."""
    if isinstance(term, Num):
        return term.value < 0
    return isinstance(term, Mul) and any(isinstance(a, Num) and a.value < 0 for a in term.args)


def _written_fraction(term):
    """Whether a power is written as a fraction: a number that is not whole, or a quotient
    (`1/n`, `\\frac{1}{2}`) — a root, which authors put on a log's argument as often as on
    its value (`\\log(x_1 \\cdots x_n)^{1/n}`)."""
    parts = term.args if isinstance(term, Mul) else (term,)
    return any(isinstance(a, Num) and a.value.denominator != 1 or
               isinstance(a, Pow) and isinstance(a.exponent, Num) and a.exponent.value < 0
               for a in parts)


def _end_of(node):
    """Where a parse node ends in its row."""
    return node.meta.end_pos if isinstance(node, Tree) else node.end_pos


def _start_of(node):
    """Where a parse node starts in its row."""
    return node.meta.start_pos if isinstance(node, Tree) else node.start_pos


# The spacing commands that end an unbracketed function's argument (`_spaced_argument_end`).
EXPLICIT_SPACE = re.compile(r"\\[,;:> ]|\\q?quad(?![a-zA-Z])")


# What a factor is when a function or an operator was applied to make it (`f(x)`, `H(q)`,
# `D_{KL}(p \| q)`, an integral, a derivative): beside another factor after an
# unbracketed `\log`, the log's argument is ambiguous.
APPLIED = (Call, Defined, Op, Fn, Integral, Expect, Deriv, At, Limit, Optimum)


def _applied(factor):
    """Whether a factor (or the base of its power: `f(x)^2`) is a function or operator
    applied — a density's value (`p(x)`) is not: `\\log p(x)p(y|x)` is the log of the
    product."""
    while isinstance(factor, Pow):
        factor = factor.base
    return isinstance(factor, APPLIED)


def _law(factor):
    """The law whose value a factor (or the base of its power) is: a declared density's
    name, or a standard family with its parameters; None for any other factor. After a
    bracketless `\\log`, values of one law are the log of their product (`\\log p(x|z)
    p(z)`, the joint by the chain rule); values of two laws are refused (`\\int \\log
    p(x|z) q(z|x) dz` is read both ways in the literature)."""
    while isinstance(factor, Pow):
        factor = factor.base
    if not isinstance(factor, Dens):
        return None
    dist = factor.dist
    return dist.name if isinstance(dist, Dist) else dist


def _ONE():
    """The integrand of an integral with limits and nothing to integrate: 1."""
    return ONE


def _before_differential(body):
    """An integrand's pieces without a product sign just before its differential: in
    `\\int f \\cdot \\mathrm{d}x` the dot stands between the integrand and dx, as the
    differential's own product; the differential closes the integral."""
    if len(body) > 1 and isinstance(body[-1], OpPiece) and body[-1].op == "*":
        return body[:-1]
    return body


# What a slash between two single factors may scale (`_scales_big_operator`): a sum, a
# product, an integral (already read: a `ValuePiece` of its `big` node), an expectation.
_SCALED_OPERATORS = ("sum", "prod", "int", "iint", "iiint")


def _scales_big_operator(pieces, slash, used):
    """Whether the `/` at `slash` stands between two single factors and a big operator
    follows the divisor (`-1/N \\sum_i^N \\log p(x_i)`, `1/(n-1) \\sum_i (x_i - m)^2`,
    `1/T \\int_0^T f`, `1/N \\mathbb{E}[X]`): every author means (1/N)·Σ — the operator
    is what is averaged, never part of the divisor — so the slash divides the one factor
    before it by the one after, and the operator multiplies the quotient. Any other factor
    after the divisor (`a / 2b`) stays ambiguous."""
    after = slash + 1 + used
    numerator_alone = slash == 1 or isinstance(pieces[slash - 2], OpPiece)
    following = pieces[after] if after < len(pieces) else None
    big = isinstance(following, BigPiece) and following.op in _SCALED_OPERATORS or \
        isinstance(following, ValuePiece) and is_tree(following.node, "big") or \
        isinstance(following, ExpectPiece) and following.kind == "E"    # an integral read
    return used == 1 and numerator_alone and big

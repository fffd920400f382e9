"""Read rows of LaTeX math into terms, resolving every name through its scope.

The grammar (`grammar.lark`) gives a flat tree; this module gives it meaning under the
declarations in force (`FileScope`). Each ambiguous form has one documented reading (see
`products` for how juxtaposed factors combine, and the README's "What derive reads"):

* **Names.** A name resolves, innermost first, to a variable bound by an enclosing
  integral, sum, expectation, limit or optimum; then to what the file declared; then to
  the operators of the registry, the constants `e` and `\\pi`; and otherwise to an
  undeclared complex symbol — or, applied to `( … )`, an undeclared (opaque) function. A
  lone undeclared `i` is refused (the imaginary unit or an index?).
  Using one undeclared name both ways is an error; an undeclared function of a bare
  density (`h(f)`, the differential entropy?) is refused. A subscript that mentions a bound
  variable makes an indexed family: inside `\\sum_i`, `x_i` is `x(i)`; once x is a family
  (so made, or declared `real x_i for i = 1..n`), `x_1`, `x_n`, `x_{i+1}`, `x_{2i}` are
  its members anywhere, and letters side by side in its subscript (`x_{ij}`) are refused.
  An undeclared letter in a member's index is a whole number, in the family's declared
  range (hypotheses of the rows from there on that use the letter); an expression in one
  is then refused, and so is a density or distribution there (`\\mu_p` of a density p
  is no member: declare it a name). A member at a number, at letters declared whole
  numbers, or reached through an indexed definition's body (`\\hat y_0` takes z_0) is checked the same way:
  its bounds are hypotheses of its row, and one outside the range is refused, as is a
  sum shown non-empty taking such a member at one of its bounds (`\\sum_{i=1}^{n+1} x_i`).
  `\\delta_{jk}`, `\\delta_{j,k}` (δ not a name of the file) is the Kronecker delta, never
  a defined name; it and a family defined at each index (`a_n = n^2`) are taken at whole
  numbers only (`a_{1/2}`, `\\delta_{x,1}` of a real x are refused); a derivative by a
  member `z_k` of a family moves that member only (`notation.members`); by a member of an
  indexed definition (`p_k`) or a defined name it is by the quantity as the expression is
  written in it (`members.by_quantity`), refused where the expression also depends on
  what the quantity is defined from.
* **Brackets after a name.** A distribution, a definition with parameters, a function or
  an operator before brackets is applied to them; a symbol, a variable or a number before
  brackets multiplies them. A name with a power before brackets (`f^2(x)`, an
  operator's `H^2(p, q)`, `D^{KL}(p \\| q)`) is refused.
* **Derivatives by name.** `f'(u)`, `f''(u)`, `f^{(2)}(u)` of a defined f are its
  derivatives at u; of a plainly declared `function f` they are the derivatives of f,
  read as differentiable (`notation.derivatives`: one Name per order, related to f); of
  any other function known only by its name (convex, undeclared, a density) they are
  refused, never a new function. `\\mathbf{x}^{(i)}` of any other name is an index, part
  of the name (also in a differential: `\\partial \\hat{y}^{(i)}`).
  `\\frac{dg}{ds}` with the bare name of a defined g of one parameter is g'(s), whatever
  the letters; a bracket right after a Leibniz derivative (`\\frac{dg}{ds}(0)`: at 0, or
  times it?) is refused.
* **The operator `\\partial_j`** is ∂/∂z_j for the one indexed family z its operand uses
  (j an index: a whole number, a letter declared integer, or undeclared), ∂/∂θ when the
  subscript is a variable (`\\partial_\\theta`); an index where the operand uses no family,
  or several, is refused.
* **Transposes** (`x^\\top`, `x^T`, `w^{\\mathrm{T}}` with T no declared or bound number)
  are refused, never a power.
* **Densities.** `p(x)` is p's value at x; `p(x|y)`, `p(x \\mid y)` a conditional; a bare
  `p` is p at the innermost bound variable that ranges like p's variable, or else at its
  declared variable.
* **Definitions.** A row `A = …` whose left side names nothing known defines `A` (from
  here on `A` means the first right-hand side); `:=`, `\\coloneqq`, `\\triangleq`,
  `\\doteq` always define; after an expression, `\\equiv`, `=:`, `\\eqqcolon`, `\\triangleq`,
  `:=` and `\\coloneqq` before a new name define it as that expression (`\\equiv` before
  anything else is `=`); `:=` before a quantity derive already reads (an operator applied,
  a defined name) is the author's definition of it, checked against its meaning (`RESTATES`).
  `f(t) = …` with letters as arguments (fresh, or declared numbers) defines a
  function of them.
  A head at one member of a family declared over a range (`\\text{softmax}(x_i) = …`)
  also defines a function of the vector x componentwise: `(\\text{softmax}(x + c))_i`, and
  rows of vector values read at every component (`vector_functions`).
* **Constants.** `e` is Euler's number and `\\pi` is π unless declared.
* **Roots.** `\\sqrt{u}` and `\\sqrt[n]{u}` for an even number n are principal roots
  `u^{1/n}`; for an odd number n, the real root of a real u (`\\sqrt[3]{-8} = -2`,
  `Fn("root", u, n)`), undefined for a non-real u; any other index is refused.

Nothing here evaluates: terms are built as written.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass, replace
from fractions import Fraction
from math import prod

from lark import Token, Tree

from derive.frontend.latex import names as naming
from derive.frontend.errors import InputError
from derive.frontend.latex.parse import MAX_ROW_CHARS, SyntaxProblem, parse_row
from derive.frontend.latex.wrappers import Unread, closing_box, unwrap
from derive.frontend.latex.pieces import (
    BarPiece, BigPiece, BracketPiece, DerivPiece, DifferentialFraction, ExpectPiece, FuncPiece,
    IndicatorPiece, LazyPiece, LeftBarPiece, LimitPiece, NamePiece, OpPiece, ValuePiece,
    is_token, is_tree, one_item, single, tailless, unscripted,
    subitems as _subitems, tails,
)
from derive.frontend.latex.divergences import Divergences
from derive.frontend.latex.draws import Draws
from derive.frontend.latex.expectations import LOCAL_REAL, Expectations
from derive.frontend.latex.samples import Samples
from derive.frontend.latex.moments import Moments
from derive.frontend.latex.own_forms import (OwnForms, agrees_with_derive, defined_by_itself,
                                              is_conditional, same_form_refused, shown_equal)
from derive.frontend.latex.hypotheses import Hypotheses
from derive.frontend.latex.indicators import (
    Indicators, equation_of, event_subscript, indicator_font, scripted_indicator,
)
from derive.frontend.latex.labelled_families import LABELLED, LabelledFamilies
from derive.frontend.latex.bold_vectors import BoldVectors
from derive.frontend.latex.inner_products import InnerProducts
from derive.frontend.latex.semicolons import Semicolons
from derive.frontend.latex.estimators import SPELLED as MSE_SPELLED, Estimators, applied_words
from derive.frontend.latex.events import UPWARD, Events
from derive.frontend.latex.extrema import Extrema
from derive.frontend.latex.abbreviations import Abbreviations
from derive.frontend.latex.dots import Dots
from derive.frontend.latex.words import Words
from derive.frontend.latex.matrices import MARKS as MATRIX_MARKS, Matrices
from derive.frontend.latex.measures import Measures, set_builder
from derive.frontend.latex.probability import BARS, PROBABILITY, Probability, joined_events
from derive.frontend.latex.products import PLAIN_WORDS, Products
from derive.frontend.latex.relations import DEFINING, RELATION, top_level_law, top_level_relations
from derive.frontend.latex.reparameterised import (REPARAMETERISED, over_noise,
                                                   reparameterised_laws)
from derive.frontend.latex.stieltjes import Stieltjes
from derive.frontend.latex.effective_ranges import decreasing_in
from derive.frontend.latex.natural_domains import (DECLARED_INTERVALS as _DECLARED_INTERVALS,
                                                   Interval, NoNaturalDomain, natural_domain,
                                                   show_interval)
from derive.frontend.latex.supports import support_indices
from derive.frontend.latex.vector_functions import VectorFunctions
from derive.frontend.latex.unmodelled_laws import UnmodelledLaws
from derive.frontend.scope import (CONSTANTS, MAX_EXPANSION, label_keys, own_range,
                                   unread_message)
from derive.model.derivation import Hypothesis, Relation
from derive.model.names import (CopyInfo, Declaration, DefinitionInfo, DistributionInfo,
                                 Domain, IndexRange, IndexSubset, Kind, Name, NamedValue, SampleInfo,
                                 label_letters, labelled_by,
                                 SampleSpaceInfo, UnmodelledLawInfo)
from derive.frontend.reals import why_not_real
from derive.model.terms import (
    E, HALF, MINUS_ONE, ONE, OO, At, Call, Defined, Deriv, Dens, Dist, Expect, Extremum, Family, Fn, Integral,
    Limit, Num, Op, Optimum, Pow, Product, Sum, Sym, Term, Add, Mul, TooLarge, div, free_names, neg,
    substitute,
)
from derive.model.terms import nodes as subterms
from derive.notation import (derivatives, families, members, registry, separable, special,
                             vectors)
from derive.notation.show import show
from derive.frontend import intervals, log_base
from derive.frontend.recurrence_directives import deterministic, recurrence_of
from derive.notation import recurrences
from derive.notation.parameters import moves_with, unsaid_dependence
from derive.notation.elementary import SPELLINGS

MAX_NUMBER_DIGITS = 200
# `f^{(2)}`, `f^{(n)}`: the order of a derivative, in parentheses (on a function's name).
_ORDER = re.compile(r"^(?P<base>.+)\^\{\((?P<order>[^()]*)\)\}$")
_DOTTED = re.compile(r"^\\d?dot\{(?P<base>[^{}]+)\}$")


def _differentiated(key):
    """The function a derivative's spelling names (h of h', h'', h^{(2)}, \\dot{h},
    \\ddot{h}); None for any other spelling."""
    order = _ORDER.match(key) or _DOTTED.match(key)
    if order is not None:
        return order.group("base")
    base = key.rstrip("'")
    return base if base != key else None

DEFINE = "define"              # the relation of a definition row (`:=`)
# The relation of `… := Q` after an expression, Q a quantity derive already reads (an
# operator applied, `D(\mu \lVert \nu)`, or a name the file defined): the author's
# definition of Q, which must agree with what Q means (`ChainBuilder._restated`).
RESTATES = "restates"
# The signs that define the name on their left; after an expression, the name on their right.
_COLONEQ = frozenset({":=", r"\coloneqq"})
# The signs that define whichever way round they stand (`\equiv` may be `=`: `plainly_defines`).
PLAIN_DEFINITION_SIGNS = frozenset({":=", "=:"} | {"\\" + sign for sign in DEFINING
                                                  if sign != "equiv"})
# Definition signs that, after an expression, name it by the new name on their right.
NAMING_RIGHT = frozenset({"=:", r"\eqqcolon", r"\equiv", r"\triangleq"})
# What may separate a head's letters for it to be read at a bound one (`L(p; X)`, `q'(k|x)`)
HEAD_SEPARATORS = frozenset({",", ";", "|", r"\mid"})
RELATIONS = {"=": Relation.EQ, "<": Relation.LT, ">": Relation.GT, r"\le": Relation.LE,
             r"\leq": Relation.LE, r"\leqslant": Relation.LE, r"\ge": Relation.GE,
             r"\geq": Relation.GE, r"\geqslant": Relation.GE, r"\ne": Relation.NE,
             r"\neq": Relation.NE, r"\lt": Relation.LT, r"\gt": Relation.GT}
# `x_{i}`, `x^{(i)}`: a name with one index — a sample of x (`sample_of`).
SAMPLE = re.compile(r"(.+?)(?:_\{[^{}]*\}|\^\{\([^{}]*\)\})")
# `x'`, `x''`, `\tilde{x}`, `\hat{x}`, `\bar{x}`, `\check{x}`: a renamed copy of x
# (`sample_of`), the bound variable of `\sum_{x'}`, `\int … dx'`, `\mathbb{E}_{x' \sim p}`.
RENAMED = re.compile(r"\\(?:tilde|hat|bar|check)\{(.+)\}|(.+?)'+")
LOCAL_ANY = Declaration(Kind.SYMBOL, Domain.COMPLEX)
MISMATCH = "compares distributions over the same variables"
LOCAL_FUNCTION = Declaration(Kind.FUNCTION, Domain.REAL)  # a sup over a class of functions
LOCAL_INDEX = Declaration(Kind.SYMBOL, Domain.INTEGER)     # the index of `define \hat{y}_j`
LOCAL_OPTIMUM = Declaration(Kind.VARIABLE, Domain.REAL)   # what a max/sup ranges over
# A row of nothing but an arrow or an equivalence (`\\ \Leftrightarrow \\`) that layout
# kept where it stands (`layout._without_remark_rows`): refused with why, not a parse error.
_LONE_ARROW = re.compile(r"(?:\s|&|\\[,;! ]|\\q?quad(?![a-zA-Z])|~)*(?P<arrow>\\)(?:Leftrightarrow|"
                         r"Longleftrightarrow|iff|Rightarrow|Longrightarrow|implies)"
                         r"(?![a-zA-Z])(?:\s|\\[,;! ]|\\q?quad(?![a-zA-Z])|~)*")
# Undeclared names that read as an expectation or a probability before an event or a
# random variable: never a function defined by a row, nor an unknown function.
UPRIGHT_FONTS = frozenset({"mathrm", "operatorname", "mathsf", "textrm", "text", "mathop"})
LOOKALIKES = {
    "E": "E[…] here reads as an expectation: write \\mathbb{E}[…] or declare "
         "`% derive: expectation E` (or define E with :=)",
    "P": "P(…) here is a probability: declare the law, `% derive: distribution P with density "
         "p`, and P(X = x) is its mass (or define P with :=)",
    "Pr": "\\Pr(…) is the probability of events X = x of declared discrete random variables "
          "(`% derive: random X with density p over x`)",
    r"\mathbb{P}": "\\mathbb{P}(…) is the probability of events X = x of declared discrete "
                   "random variables (`% derive: random X with density p over x`)",
}
ALWAYS_OPERATORS = frozenset({"Pr", r"\mathbb{P}"})   # never a function a row defines
LIMIT_WORDS = frozenset({r"\lim", r"\sup", r"\inf", r"\max", r"\min"})
# Letters written in a head's argument as names of their own (`_no_bound_letter_inside`):
# not the base of a subscripted, primed, starred or labelled name (x_1, x', D^\star, x^{(i)}
# are other names), nor inside an accent or a font (\hat{x}, \mathbf{x}): `_DECORATED_GROUP`.
_LETTERS_WRITTEN = re.compile(r"(\\[A-Za-z]+|(?<![\\A-Za-z])[A-Za-z])"
                              r"(?![A-Za-z'_]|\^\{?(?:\(|\\star|\\ast|\\dagger|\*))")
_DECORATED_GROUP = re.compile(r"\\(?:hat|tilde|bar|check|vec|dot|ddot|widehat|widetilde|"
                              r"overline|mathbf|boldsymbol|bm|mathcal|mathrm|mathsf|mathbb|"
                              r"text|operatorname)\{[^{}]*\}")


# `\sum_{t \ge 0}`, `\sum_{t > 0}` (no superscript): the whole t from the bound on (≥) or
# from the next whole number (>), a series; the offset added to the written bound
FROM_ON = {r"\ge": 0, r"\geq": 0, r"\geqslant": 0, ">": 1}


class Restated(Exception):
    """A `define` directive whose left side is a quantity the declarations already give
    (`define f_X(x) = \\int f_{X,Y}(x, y)\\,dy` of a declared joint f): the author states
    it, so it is read as a row `f_X(x) := …` restating it — `parts`, for the builder to
    check (`ChainBuilder._restated`) — never as a second meaning of the name."""

    def __init__(self, parts):
        super().__init__("a definition restating a known quantity")
        self.parts = parts


@dataclass(frozen=True)
class Head:
    """The left side of a defining row: the name, or a label with its arguments
    (`\\mathcal{L}'(G|D^\\star)`), and the parameters of a function definition."""

    key: str
    label: str | None
    params: tuple
    scale: int = 1                 # `2C(G) = …` defines C(G) as half of it
    logged: bool = False           # `\log L(\mu) = …` defines L as exp of it
    squared: bool = False          # `s^2 = …` defines s as its principal square root
    quantity: str | None = None    # over declared variables: the label, if the body is one
    shadows: tuple = ()            # defined numbers its parameters' letters name (`L(h)`)
    value_at: str | None = None    # `\sigma = \sigma(a)`: the function's value at a (its text)
    form: object = None            # the `OperatorForm` of a registry operator it defines


@dataclass(frozen=True)
class _Binder:
    """What `_members_in_range` names in its messages: the operator (`\\max`) and where."""

    op: str
    node: object


@dataclass(frozen=True)
class Part:
    """One side of a row, with the relation before it (None for the row's first side).
    `term` is None for a defining head (then `head` says what it defines)."""

    relation: object
    term: object
    start: int
    latex: str
    head: Head | None = None


# A capital after d that names a distribution function or measure in probability texts:
# bare (`dF`, `d\Phi`) or decorated (`dF_n`, `dF_X`, `dF^*`, `d\hat{F}`, `d\mathcal{F}`,
# `d\mathbb{P}`, `dP_\theta`) — never a new variable of integration unless declared.
_MEASURE_LETTER = re.compile(r"(?:\\(?:hat|widehat|tilde|widetilde|bar|overline|mathcal|"
                             r"mathbb|mathscr|mathfrak|mathrm|mathbf|boldsymbol|mathsf)\s*"
                             r"\{\s*)?(?:[A-Z]|\\Phi)\s*\}?(?:[_^].*)?", re.S)

# a transpose written on a definition's left side (`y^\mathrm{T} y`, `x^\top x`, `y^T y`)
_TRANSPOSED = re.compile(r"\^\s*(?:\{\s*)?(?:\\(?:mathrm|mathsf|text|rm|operatorname)\s*\{?\s*T\b|"
                         r"\\top\b|\\intercal\b|\\mathsf\s*T\b|T\b)")


class Reader(Abbreviations, Products, Probability, Events, Expectations, Draws, Samples, Moments, Hypotheses, Divergences,
             Stieltjes, Measures, Extrema, Dots, Words, VectorFunctions, Estimators, Indicators,
             Semicolons, Matrices, InnerProducts, LabelledFamilies, UnmodelledLaws, BoldVectors,
             OwnForms):
    """Reads rows of one source under a `FileScope`."""

    def __init__(self, scope, source):
        self.scope = scope
        self.source = source
        self.bound = []            # (key, Name), innermost last
        self.copy_components = {}  # a bound copy of a vector variable → its component family
        self.offset = self.row_start = 0
        self.rows_read = 0         # rows read so far (`expectations._only_law_at`)
        self.row_text = ""
        self.matrix_text = False   # the row may write matrices (`matrices.MARKS`)
        self.averaged_given = {}   # x averaged by D(p(y|x) ‖ q(y|x)) in this row → its node
        self.averaged_spellings = {}  # an expectation's averaged copy → {spelling read: node}
        self.summed_free = {}      # x a bare \sum of this row runs over → its node
        self.weighing = set()      # the names sums and integrals bind (products.function)
        self.weights = {}          # id of a bare family's bracket → the integral's variable
        self.hypotheses = ()
        self.hence = False
        self.restating = False
        self.defining = False   # reading a `define` directive's head (`read_definition`)
        self.restated_of = None    # the declared density whose marginal a row restates
        self.premised = False
        self.cut_short = False     # reading a row's sides before one that could not be read
        self.heading = False       # reading the head of a definition: any upright word
        self.squaring = False      # the head read is a name squared (`define \sigma_q^2(t)`)
        self.declaring = False     # reading the name a directive declares: any letter
        self.naming_ahead = False  # a row that defines what an earlier row of its display uses
        self.prime_variable = None  # v of a row starting `f'(v)`: what `(…)'` differentiates by
        self._indexing = 0         # reading a family member's subscript
        # The letters bound by the operators read so far that took the rest of their run —
        # a sum or product, an expectation without brackets, an integral without a
        # differential, a limit or an extremum: `_sum` refuses them free in a later term.
        self.run_binders = []
        self._transposes = {}      # id → node of each exponent spelled T (`x^T`: a transpose?)
        self.vector_operands = {}  # id → (node, operator, spelling): bold_vectors.py
        self._row_index = None     # (Name, range): the index a row of vectors is read at
        self.vector_row = None     # that of the row read last, when its last side is a vector
        self.shown_components = {}  # `(f(x + c))_{·}` as shown → its one Name (vector_functions)
        self.words_read = set()
        self.vector_uses = {}      # a vector name read bare in this row → its first node
        # a function → the declared variables it was written applied to alone, `f(z)`, in
        # the rows read before this one (`_gradient_at_a_point`), and in this row
        self.argument_letters, self._row_letters = {}, {}

    # ================================================================== entry points
    def read_row(self, text, start):
        """The `Part`s of a row found at offset `start` of the source; the hypotheses it
        states (`H \\Rightarrow …`) are left in `self.hypotheses`, with the ranges its
        members at numbers need — those written in H too (`o_2 > t \\Rightarrow …`: 2 ≤ K)."""
        for function, letters in self._row_letters.items():
            self.argument_letters.setdefault(function, set()).update(letters)
        self._row_letters = {}
        text = _without_end_punctuation(text)
        tree = self._parse(text, start)
        self.hypotheses = ()
        self.hence = False      # led by `\implies` (`split_hypotheses`): it follows the row above
        self.restating = False  # the row's head is an estimate read above (`restates_estimate`)
        self.restated_of = None
        carried, self.vector_row = self.vector_row, None
        self.run_binders = []
        self.vector_uses = {}
        self.bold_numbers = {}          # undeclared bold letters read as numbers: bold_vectors.py
        self.summed_away = {}           # the file's index → where a sum went on over it
        children, stated = self.split_hypotheses(tree.children, text)
        self.premised = bool(stated)        # `t = 1 \implies …`: the row says it under them
        self.hypotheses = stated + self.hypotheses
        implicit = None if self.cut_short else self.implicit_definition(children, text, start)
        if implicit is not None:
            return implicit
        parts, relation = [], None
        begins_with_side = not is_tree(children[0], "rel")
        # a row going on from a vector (`&= \text{softmax}(x - c)`) is read at its index
        self._row_index = None if begins_with_side else carried
        sides = [] if begins_with_side else [(None, carried is not None)]
        self.prime_variable = self._derivative_head_variable(children[0]) \
            if begins_with_side else None
        params = ()
        named = sign = None
        for k, child in enumerate(children):
            if is_tree(child, "rel"):
                relation = self.relation(child.children[0])
                sign = None
                if relation is DEFINE and (k == 0 or parts[-1].head is None) and \
                        not (self.restating and len(parts) == 1):  # f_X(x) \triangleq …
                    named = self.named_right(child.children[0], children[k + 1])
                    if named is None and child.children[0].value == r"\equiv":
                        relation = Relation.EQ      # ≡ after an expression: identically equal
                    sign = child.children[0].value
                continue
            latex = " ".join(text[_with_sizing(text, _start(child)):_end(child)].split())
            head = None
            if k == 0 and begins_with_side and len(children) > 2 and \
                    children[1].children[0].value not in ("=:", r"\eqqcolon"):
                defining = self.relation(children[1].children[0])
                head = self.abbreviation_head(child, children[2], defining) or \
                    self.head(child, defining) or self._logged_head(child, defining) or \
                    self._squared_head(child, defining)
                worded = self.word_head_side(child, children[2]) if head is None else None
                if worded is not None:          # `MSE(\hat\theta) = …`: words.py
                    head = self.head(worded, defining)
                if head is not None and head.value_at is None and head.form is None and \
                        self._mentioned(head.key, children[2]):
                    head = None             # `A = A + 1` is a statement, not a definition
                # H(X, Y) := H(X) + H(Y | X): the operator at other forms in the body is
                # derive's, refused unless the definition is derive's (`defined_by_itself`)
            if named is None and relation is Relation.EQ and k == len(children) - 1 and \
                    not self.cut_short and \
                    (len(parts) > 1 or not begins_with_side) and \
                    all(p.head is None for p in parts):
                named = self._trailing_name(child)  # `A = … = \mathcal{L}(q;\theta)`
            if named is not None:           # `… \equiv NAME`: NAME names the side before it
                head, named = named, None
                parts.append(Part(DEFINE, None, start + _start(child), latex, head))
                continue
            if head is not None:
                params = head.params
                parts.append(Part(None, None, start + _start(child), latex, head))
                continue
            if len(parts) == 1 and parts[0].head is not None and parts[0].head.quantity and \
                    self._about_densities(self.term(child)):
                # `I[x, y] ≡ KL(p(x, y) ‖ p(x)p(y))`: a body about the densities of the
                # variables its head names is the quantity at them, never a function whose
                # argument would put those densities at other points
                head = parts[0].head
                parts[0] = replace(parts[0], head=replace(head, label=head.quantity, params=()))
                params = ()
            if params and len(parts) == 1 and parts[0].head is not None and \
                    self._at_file_index(parts[0].head, child):
                self.scope.at_file_index[parts[0].head.key] = parts[0].start
                parts[0] = replace(parts[0], head=_named(parts[0].head))
                params = ()                 # β̃_t = 1/(A_1 + A_2), A_1 at the file's t
            with self.bindings(params):
                vector = self.vector_side(child)
                term = self.term(child) if vector is None else vector
            sides.append((child, vector is not None))
            if params and len(parts) == 1 and parts[0].head is not None:
                self._shadowed(parts[0].head, term, child)
            if len(parts) == 1 and parts[0].head is not None and _one_name(parts[0].head, term):
                params = _named(parts[0].head).params
                with self.bindings(params):
                    term = self.term(child)
                    if self.scope.lookup(parts[0].head.key) is None:
                        self._one_name_noted(parts[0].head)
                        parts[0] = replace(parts[0], head=_named(parts[0].head))  # `p_g = …`
                    else:                   # `p_j = 3` of a family used above: a claim
                        parts[0] = replace(parts[0], term=self.term(children[0]), head=None)
            elif len(parts) == 1 and parts[0].head is not None and \
                    self._recurrence(parts[0].head, term):      # ᾱ_t = α_t ᾱ_{t-1}
                self.scope.recurrences[parts[0].head.key] = parts[0].start
                params = ()
                term = self.term(child)
                parts[0] = replace(parts[0], head=_named(parts[0].head))
            if sign in _COLONEQ and isinstance(term, (Op, Defined)) or \
                    relation is DEFINE and self.restating and len(parts) == 1:
                relation = RESTATES         # `… := D(\mu \lVert \nu)`: a known quantity
                term = self.restated_from(term, child)
            parts.append(Part(relation, term, start + _start(child), latex))
            relation = None
            if params and len(parts) == 2 and parts[0].head is not None and not any(
                    isinstance(t, Call) and t.function in params for t in subterms(term)):
                params = ()     # `f(t) = A = B`: A = B is about the file's t (as `&= B` is)
        self.no_bare_vector(parts)
        relations = [p.relation for p in parts if p.head is None]
        self.vectors_alike(relations if begins_with_side else [None] + relations, sides,
                           next((p.start for p in parts if p.head is not None), None))
        self.vector_row = self._row_index if sides and sides[-1][1] else None
        if self.averaged_given:
            self._averaged_not_free(parts)
        self._summed_not_free([p.term for p in parts])
        self.bold_not_multiplied([p.term for p in parts if p.term is not None])
        self._summed_nowhere_else(parts)
        if self.scope.readings.get(REPARAMETERISED):
            parts = [replace(p, term=self.over_noise(p.term, p.start)) if p.term is not None
                     else p for p in parts]
        self.rows_read += 1
        return parts

    def over_noise(self, term, at):
        """`term` with its averages under reparameterised laws read over their noise
        (`reparameterised`), refused at `at` where such a law stands otherwise."""
        try:
            return over_noise(term, reparameterised_laws(self.scope.context),
                              self.scope.context)
        except ValueError as exc:
            raise self.source.error(str(exc), at) from None

    def _summed_nowhere_else(self, parts):
        """Refuse a row that uses, outside a sum, an index over which that sum went on
        (`x_i = \\sum_i a_i + b_i`: which i does b_i take?) — `_sum_going_on` reads the
        term's i as the sum's only where the index means nothing else in the row. Only a
        letter written as a value counts: a density over a declared x names x as what it
        ranges over (`\\sum_x p(x) + q(x) = 2`), not a value of x."""
        for part in parts:
            self._refuse_used(self.summed_away, free_values(part.term) if part.term is not None
                              else (), lambda v: summed_away_message(v, "this row also uses"))

    def _about_densities(self, term):
        """Whether a head over declared variables names only the quantity at them, its body
        being about their densities: an expectation, a divergence, an entropy, a
        distribution as an object (`I[x, y] ≡ KL(p(x, y) ‖ p(x)p(y))`: no point to move), or
        a density whose meaning its variable's name selects — a marginal of a joint or a
        conditional (`f(x) = p(x)^2` of a joint p over x, y: f at y would be p_x at the
        number y where the author means p(y)). A body whose densities are all values of
        whole declared densities (`D^*(x) = \\frac{p_d(x)}{p_d(x) + p_g(x)}`, each over x
        alone) is a function of x like any other, as `% derive: define` makes it: at G(z)
        the densities are at G(z)."""
        found = subterms(term)
        values = [t for t in found if isinstance(t, Dens)]
        if not all(self._whole_density(t.dist) for t in values):
            return True
        kept = {t.dist for t in values}
        return any(isinstance(t, (Dist, Expect, Op, Family)) and t not in kept for t in found)

    def _whole_density(self, dist):
        """Whether `dist` is a declared distribution over exactly its declared variables,
        unconditioned, at its parameters' current values: its value at a point is a
        function of that point alone, whatever letter the point is written in."""
        if not isinstance(dist, Dist) or dist.given or dist.cond or dist.params:
            return False
        found = self.scope.lookup(dist.name.latex)
        return found is not None and found[0] is dist.name and \
            isinstance(found[1].info, DistributionInfo) and not found[1].info.given and \
            tuple(found[1].info.over) == tuple(dist.over)

    def _averaged_not_free(self, parts):
        """Refuse a row where a conditional divergence averaged over x (`D(p(z|x) \\| q(z|x))`,
        Cover & Thomas) stands beside x used free (`+ \\log p(x)`, `= \\sum_z p(z|x) …`):
        one letter would mean two things in one row — the dummy averaged over and the free
        value — and the author who writes x free beside it most often means the divergence
        at that x. Neither reading is silently chosen."""
        self._refuse_used(self.averaged_given, _letters([p.term for p in parts]), lambda v: (
            f"D(…|{v.latex} ‖ …|{v.latex}) of two conditionals of joints is averaged over "
            f"{v.latex} (Cover & Thomas's conditional relative entropy), but this row also "
            f"uses {v.latex} free: which is meant? Write the average as \\sum_{{{v.latex}}} "
            f"p({v.latex}) D(…) or the divergence at {v.latex} as \\sum_z p(z|{v.latex}) "
            f"\\log …"))

    def _summed_not_free(self, terms):
        """Refuse a row (or a definition's body) where a bare `\\sum` ran over a variable
        it also uses free (`p(x) = \\sum p(x, y)`: the marginal, summed over y alone — or
        over x and y, as the bare sum of a term taking both reads?): which is meant is
        not said. Neither reading is silently chosen."""
        if not self.summed_free:
            return
        self._refuse_used(self.summed_free, _letters(terms), lambda v: (
            f"this \\sum runs over {v.latex}, as a bare \\sum runs over the declared "
            f"variables its term takes, but this row also uses {v.latex} free: say what it "
            f"runs over (\\sum_y p({v.latex}, y) keeps {v.latex})"))

    def _refuse_used(self, marked, used, message):
        """Refuse, at the node where it was marked, the first name of `marked` (name → node,
        noted while the row was read: a letter summed or averaged away) that the row also
        uses (`used`): one letter meaning two things in one row. The checks at a row's end
        differ only in what counts as a use and in `message(name)`, which says why."""
        for v, node in marked.items():
            if v in used:
                raise self.error(message(v), node)

    def _logged_head(self, side, relation, refuse=True):
        """The `Head` of a first side that applies a function word to a quantity not known
        yet — `\\log L(\\mu,\\sigma^2) = …`, `\\ln{L(a)}`, `\\log(L(a))` — else None. With
        `\\log`/`\\ln` the author defines L through its log (ℓ = log L, the log-likelihood
        written before L is): L is exp of the first right-hand side (`logged`), never an
        unknown function the row would be a claim about. Another word (`\\sin f(a) = …`,
        `\\log_2 L(a)`, `\\log^2 L(a)`) is refused: derive does not invert it — unless not
        `refuse` (`would_define`): then the head, which the refused row withdraws."""
        node = single(side)
        if relation not in (Relation.EQ, DEFINE) or not is_tree(node, "run") or \
                not is_tree(node.children[0], "func") or len(node.children) < 2:
            return None
        rest = node.children[1:]
        inner = Tree("run", rest, node.meta)
        if len(rest) == 1 and is_tree(rest[0], "script") and len(rest[0].children) == 1 and \
                is_tree(rest[0].children[0], "bracketed") and \
                rest[0].children[0].children[0].value in ("(", "{") and \
                len(rest[0].children[0].children[1].children) == 1:
            inner = rest[0].children[0].children[1].children[0]     # \log(L(a)), \log{L(a)}
        inner_items = single(inner).children if is_tree(single(inner), "run") else ()
        if len(inner_items) != 2:
            return None                     # only a name applied: `\log c = 2` is a claim
        head = self.head(inner, relation)
        word = node.children[0]
        if head is None and self._unknown_powered(inner_items):   # \log L(a)^2 = a
            if refuse:
                raise self.error(f"{self.source_text(inner_items[0])} is not known: this row "
                                 f"would define it through {word.children[0].value} of a "
                                 "power of it, which derive does not invert — define it "
                                 "itself, or declare it (% derive: function …)", node)
            return Head(self.piece(inner_items[0]).key, None, ())
        if head is None or head.scale != 1:
            return None
        if (len(word.children) > 1 or SPELLINGS[word.children[0].value] != "log") and refuse:
            raise self.error(f"{head.key} is not known: this row would define it through "
                             f"{word.children[0].value}, which derive does not invert — "
                             f"define {head.key} itself, or declare it (% derive: function "
                             f"{head.key})", node)
        return replace(head, logged=True)

    def _squared_head(self, side, relation, refuse=True):
        """The `Head` of a first side that is a power of a plain letter (no subscript, no
        arguments) the file has neither declared nor used — `s^2 = \\frac1N \\sum_i (x_i -
        \\bar{x})^2`, `\\sigma^2 = …`, as statisticians define s², σ² — else None (a claim).
        With the square the author defines s² (the name on the right too is a claim, caught
        by the caller): s is the principal square root of the first right-hand side
        (`squared`), so every s² below is that side exactly and s alone is its nonnegative
        root where the side is ≥ 0. A higher whole power (`s^3 = …`) is refused: derive does
        not invert it — unless not `refuse` (`would_define`): then the head, which the
        refused row withdraws. Any other power (`t^0 = 1`, `t^{-1} = …`) and a lone
        `i^2 = -1` are claims, as before."""
        node = single(side)
        if relation not in (Relation.EQ, DEFINE) or not is_tree(node, "script"):
            return None
        try:
            self.heading = True
            name = self.piece(node)
        except InputError:
            return None
        finally:
            self.heading = False
        if not isinstance(name, NamePiece) or name.power is None or name.sub is not None or \
                name.primes or name.key in CONSTANTS or name.key in ("i", r"\mathrm{i}") or \
                self.scope.lookup(name.key) is not None \
                or self.bound_name(name.key) is not None or \
                self.scope.lookup(name.key + "_{\\cdot}") is not None:
            return None
        self.not_ended(name.key, node)
        self.not_a_probability(name.key, node)
        power = _unbraced(self.source_text(name.power))
        if power != "2" and not (power.isdigit() and int(power) > 2):
            return None                     # `t^0 = 1`, `t^{-1} = …`: a claim, as before
        if power != "2" and not refuse:
            return Head(name.key, None, ())
        if power != "2":
            raise self.error(f"{name.key} is not known: this row would define it through its "
                             f"power {power}, which derive does not invert — define {name.key} "
                             f"itself, or declare it (% derive: real {name.key})", node)
        return Head(name.key, None, (), squared=True)

    def _unknown_powered(self, items):
        """Whether `L(a)^2` (two items of a run) is a name the file has neither declared nor
        used, applied to letters, with a power: under `\\log` a row would define L by it."""
        try:
            name, bracket = (self.piece(i) for i in items)
        except InputError:
            return False
        return isinstance(name, NamePiece) and isinstance(bracket, BracketPiece) and \
            name.power is None and bracket.power is not None and name.sub is None and \
            self.scope.lookup(name.key) is None and self.bound_name(name.key) is None and \
            name.key not in CONSTANTS and self._parameters(bracket, False) is not None

    def _trailing_name(self, side):
        """The `Head` when the last side of a chain (a row continuing one, or a row with two
        relations or more), after `=`, is a name not known yet applied to
        known arguments (`… &= \\mathcal{L}(q;\\theta)`, the EM bound named at the end of
        its chain; `… = F(\\theta)` at a declared θ): the quantity that head spells is
        defined as the side before it, as `=: NAME` would (the first side of a chain names
        its body the same way). Else None: a bare unknown letter (`… = c`) stays an
        unknown, an application to undeclared letters (`… = F(t)`) is read as before."""
        node = single(side)
        items = node.children if is_tree(node, "run") else ()
        if len(items) != 2 or tailless(items[0]) is None or \
                not is_tree(tailless(items[1]), "bracketed"):
            return None
        try:
            head = self.head(side, Relation.EQ)
            if head is not None:
                self._derivative_named_before(head.key, items[0])   # k(1) after k^{(2)}(u)
        except InputError:
            return None
        if head is None or head.scale != 1 or head.logged or "_" in head.key or \
                "'" in head.key or head.key in CONSTANTS or \
                self.scope.lookup(head.key) is not None or \
                self.bound_name(head.key) is not None or \
                any(self.scope.lookup(p.latex) is None for p in head.params):
            return None
        if head.params:                     # at declared numbers: the quantity there
            return Head(head.key, self._label(head.key, self.piece(items[1])), ())
        return head if head.label is not None else None

    def named_right(self, token, side):
        """The `Head` when a definition sign after an expression names it (`… \\equiv
        \\mathcal{L}_q`, `… =: M`, `… \\eqqcolon M`, `… \\triangleq M` with a name not
        known yet on the right; `… := M`, `… \\coloneqq M` too, where `:=` can define nothing
        on its left): the name is defined as the side before the sign. None
        for `\\equiv` before a known name or an expression (it is then `=`); an error for
        the other signs, which define (`:=`, `\\doteq` are refused by the chain)."""
        if token.value not in NAMING_RIGHT | _COLONEQ:
            return None
        head = self.head(side, Relation.EQ)
        if head is not None and len(head.params) == 1 and head.params[0].local is LOCAL_INDEX:
            head = _named(head)                       # `… \\equiv \\mathcal{L}_q`: one name
        if token.value in _COLONEQ and (head is None or head.params or head.scale != 1):
            return None                 # a quantity already known, or refused by the chain
        if head is not None and (head.params or head.scale != 1):
            raise self.error(f"{token.value} names the expression before it, but "
                             f"{self.source_text(side)} has arguments that are not declared: "
                             "declare them, or name it without arguments", side)
        if head is None and token.value != r"\equiv":
            raise self.error(f"{token.value} defines the name on its right, but "
                             f"{self.source_text(side)} is not a new name (one name means one "
                             "thing)", side)
        return head

    def implicit_definition(self, children, text, start):
        """The `Part`s of a row that defines a new quantity implicitly: one equation in which
        a calligraphic name with arguments not known yet stands alone as a term of a sum
        (`\\log p(x) = D_{KL}(…) + \\mathcal{L}(\\theta, \\phi; x)`, as AEVB's eq. 1 names
        the bound): it is defined as what makes the equation hold. None for other rows."""
        if len(children) != 3 or not is_tree(children[1], "rel") or \
                children[1].children[0].value != "=":
            return None
        found = []
        for side in (0, 2):
            node = children[side]
            terms = [(None, node)] if not is_tree(node, "sum") else \
                [(None, node.children[0])] + list(zip(node.children[1::2], node.children[2::2]))
            for k, (sign, term) in enumerate(terms):
                label = self._unknown_quantity(term)
                if label is not None:
                    found.append((side, k, sign, label, terms))
        if len(found) != 1:
            return None
        side, k, sign, (key, label), terms = found[0]
        other = self.term(children[2 - side])
        rest = [(s, t) for j, (s, t) in enumerate(terms) if j != k]
        value = other
        for s, t in rest:                  # other = Σ rest ± L, so L = ±(other − Σ rest)
            term = self.term(t)
            value = Add(value, term if s is not None and s.value == "-" else neg(term))
        if sign is not None and sign.value == "-":
            value = neg(value)
        node = terms[k][1]
        head_latex = " ".join(text[_start(node):_end(node)].split())
        body_latex = " ".join(text[_start(children[2 - side]):_end(children[2 - side])].split())
        return [Part(None, None, start + _start(node), head_latex, Head(key, label, ())),
                Part(DEFINE, value, start + _start(children[2 - side]), body_latex)]

    def _unknown_quantity(self, node):
        """(key, label) when a term is `\\mathcal{L}(…)` with a name and label not known."""
        node = single(node)
        if not is_tree(node, "run") or len(node.children) != 2 or \
                not all(is_tree(i, "script") for i in node.children):
            return None
        try:
            name, bracket = (self.piece(i) for i in node.children)
        except InputError:
            return None
        if not isinstance(name, NamePiece) or not isinstance(bracket, BracketPiece) or \
                not name.base.startswith("\\mathcal{") or name.power is not None or \
                self.scope.lookup(name.key) is not None or bracket.power is not None or \
                families.spelled(name.key) is not None or \
                registry.spelled(name.key):                   # \mathcal{N}(…) is a family
            return None
        if special.special(name.key) is not None and \
                self.special_function(name.key, bracket, node, record=False):
            return None                           # a known function (\mathcal{O}: refused)
        self.unknown_divergence(name, bracket, node)
        label = self._label(name.key, bracket)
        if label in self.scope.heads:
            return None
        self.not_ended(name.key, node)
        return name.key, label

    def read_term(self, text, start):
        """One expression (a directive's formula or hypothesis)."""
        tree = self._parse(text, start)
        if len(tree.children) != 1:
            raise self.source.error("expected an expression, not a relation", start)
        term = self.term(tree.children[0])
        return self.over_noise(term, start) if self.scope.readings.get(REPARAMETERISED) \
            else term

    def read_assumption(self, text, start):
        """The `Hypothesis` tuple of a relation written in a directive or beside a row
        (`t < 1`), followed by the ranges its members at numbers need (`t < o_2` of `real
        o_i for i = 1..K` says 2 ≤ K: `_number_in_range`) — never dropped, or K = 1, where
        o_2 is no member, would be a counterexample."""
        saved, self.hypotheses = self.hypotheses, ()
        try:
            law = top_level_law(text)
            if law is not None:                  # `X \sim \mathcal{N}(0, 1)`: a premise
                return self.read_law(text, law, start)
            tree = self._parse(text, start)
            read = self.read_hypotheses(tree.children, text)
            return read + tuple(h for h in self.hypotheses if h not in read)
        finally:
            self.hypotheses = saved

    def read_name(self, text, start):
        """The canonical key of a name written in a directive (`p_\\theta` → `p_{\\theta}`)."""
        tree = self._parse(text, start)
        node = single(tree.children[0]) if len(tree.children) == 1 else None
        key = None
        if is_tree(node, "script"):
            self.declaring = True           # a directive names it: any letter (\mathbb{P}_r)
            try:
                piece = self.piece(node)
            finally:
                self.declaring = False
            if isinstance(piece, NamePiece) and piece.power is None:
                key = piece.key
        if key is None:
            raise self.source.error(f"expected a name, found {text.strip()!r}", start)
        return key

    def read_definition(self, text, start):
        """`name(params) = body` → (key, parameter Names, body term, label or None). A head
        whose arguments name a declared distribution (`\\mathcal{L}(q, \\theta)` with q a
        density: Bishop's ELBO) is a quantity written with arguments, as a row's head is: a
        label, not a function of fresh letters."""
        tree = self._parse(text, start)
        children = tree.children
        if len(children) != 3:
            raise self.source.error("a definition reads: name(arguments) = expression", start)
        side = self.directive_word(children[0])             # define NLL = …: one name
        self.restating, self.restated_of = False, None
        self.defining = True            # `define D_e(P \Vert Q) = …`: the file's own form
        try:
            head = self.head(side, DEFINE, directive=not self._names_a_distribution(side))
        finally:
            self.defining = False
        stated = self._restated_law(head, children[2])
        if head is None and self.restating or stated is not None:
            self.restating = False               # define f_X(x) = … of a declared f_{X,Y}
            latex = [" ".join(text[_start(c):_end(c)].split()) for c in children[::2]]
            body = stated or self.restated_from(self.term(children[2]), children[2])
            raise Restated((Part(None, self.term(side), start + _start(children[0]), latex[0]),
                            Part(RESTATES, body, start + _start(children[2]), latex[1])))
        if head is None and _TRANSPOSED.search(text[_start(children[0]):_end(children[0])]):
            raise self.error("a definition defines a name, and this left side is an "
                             "expression with a transpose (y^\\mathrm{T} y, an inner "
                             "product): derive does not define an expression — name the "
                             "quantity (define S = \\sum_i y_i^2) and write S in the rows",
                             children[0])
        if head is None or head.label is not None and head.params:
            raise self.error("a definition starts with the name it defines, and its "
                             "arguments are fresh letters: f(t) = …", children[0])
        one, body = self._body_at_index(head, children[2])
        if one:                                 # `define \mu_n = …` at the file's n
            self._one_name_noted(head)
            return _named(head).key, _named(head).params, body, None
        self._summed_not_free([body])
        if head.squared:                  # define \sigma_q^2(t) = …: σ_q is the root
            body = Pow(body, HALF)
        if side is not children[0]:
            self.word_letters_apart(head.key, body, children[2])
        if _one_name(head, body):                            # `define p_g = …`: one name
            self._one_name_noted(head)
            return _named(head).key, _named(head).params, body, None
        if not head.squared and self._recurrence(head, body):   # ᾱ_t = α_t ᾱ_{t-1}
            self.scope.recurrences[head.key] = start
            return _named(head).key, (), self.term(children[2]), None
        if head.label is not None and registry.spelled(head.key) and head.form is None:
            if head.key in self.scope.read_operators:       # D_KL(p||q) read above
                # (a form of it is compared with derive's meaning below: `not_read_above`)
                raise self.error(f"{head.key} is read above as derive's operator: a definition "
                                 f"of {head.label} here would give it a second meaning — "
                                 "name the file's quantity otherwise", children[0])
        agrees = False
        if head.form is not None:               # `define D_{KL}(p \| q) = …` of declared p, q
            if defined_by_itself(head.form, body, self.scope.context):
                raise self.error(same_form_refused(head.form, head.label), children[2])
            agrees = agrees_with_derive(head.form, body, self.scope.context)
            self.not_read_above([head.form.op] if not agrees else [], head.label, children[0],
                                is_conditional(head.form))
            self.scope.own_form(head.form, head.label, start + _start(children[0]), agrees)
        if head.label is not None and registry.spelled(head.key) and not agrees:
            self.scope.own_forms.setdefault(head.key, head.label)   # define D_e(P \Vert Q) = …
        if head.label is None:                  # `define D_{KL}(P \| Q) = …`: any laws
            self.defines_an_operator(head.key, head.params,
                                     text[_start(children[0]):_end(children[0])],
                                     text[_start(children[2]):_end(children[2])])
        return head.key, head.params, body, head.label

    def _at_the_files_index(self, head):
        """Whether `head` is indexed at a letter the file declares a whole number (`define
        \\mu_n = …` beside `natural n`): the posterior mean after the file's n observations
        (Bishop's μ_N, the Book of Statistical Proofs' μ_n). Read as a family μ at each
        index, it is refused where the family cannot stand — a definition in its body keeps
        the file's n inside μ_m (`_no_letter_captured`), or a member is a name of its own
        above (`positive \\lambda_0` beside `define \\lambda_n`) — and is then one name, μ_n at
        the file's n (its body reads that n; a member at another index, μ_2, is refused by
        `_no_member_of_one_name`)."""
        index = head.params[0] if head.params else None
        found = self.declared(index.latex) if index is not None else None
        return index is not None and index.local is LOCAL_INDEX and not head.squared and \
            found is not None and found[1].kind is Kind.SYMBOL and found[1].domain.is_integer

    def _body_at_index(self, head, node):
        """(one name?, body): the definition's body `node` read with the head's parameters
        bound — or, for a head at the file's whole number that cannot be a family there
        (`_at_the_files_index`), read as one name's, with the file's letter (True)."""
        at_index = self._at_the_files_index(head)
        if not (at_index and self._member_named_above(head)):
            try:
                with self.bindings(head.params):
                    return False, self.term(node)
            except InputError as problem:
                if not at_index or getattr(problem, "captured", None) != head.params[0].latex:
                    raise
        with self.bindings(_named(head).params):
            return True, self.term(node)

    def _member_named_above(self, head):
        """Whether a member spelling of the indexed head's base (`\\lambda_{0}`) names a
        declared or defined name of its own."""
        prefix = head.key.removesuffix("\\cdot}")
        return any(key.startswith(prefix) and name in self.scope.table and
                   self.scope.table[name].declared for key, name in self.scope.names.items())

    def _restated_law(self, head, node):
        """The body (`node` read) of `define p(x) = …` (`head`) when it states a value a
        declared density p, not conditional, already has at its own variables — its marginal
        `p(x) = \\int p(x|z) p(z) dz` of a joint p — as the author writes it: it is then
        checked against that value (`Restated`), as `define f_X(x) = …` of a declared
        f_{X,Y} is. None otherwise: the head's letters are not p's variables, or the body
        does not use p (`define p(x) = e^{-x}` stays refused — p's formula is given on its
        declaration)."""
        found = self.declared(head.key) if head is not None and head.label is None and \
            head.params else None
        if found is None or found[1].kind is not Kind.DISTRIBUTION or found[1].info.given or \
                not {p.latex for p in head.params} <= {v.latex for v in found[1].info.over}:
            return None
        body = self.term(node)
        return body if found[0] in free_names(body) else None

    def restated_from(self, body, node):
        """`body`, the formula a row or directive states for a declared density's marginal
        or conditional (`f_X(x) := …`, `restated_of`) — refused when it does not use the
        density: `define f_X(x) = e^{-x}` beside `density f_{X,Y}` is then an assumption
        about f (its marginal), not a statement derive can check — a counterexample would
        refute what the author meant to assume."""
        if self.restated_of is not None and self.restated_of[1] not in free_names(body):
            name, density = self.restated_of
            raise self.error(f"{name.key} is the marginal or conditional of the declared "
                             f"density {density.latex}, so this formula, which does not use "
                             f"{density.latex}, would be an assumption about it that derive "
                             f"does not add: declare {density.latex} with a formula, or write "
                             f"{name.key} from {density.latex}", node)
        return body

    def _recurrence(self, head, body):
        """Whether `define b_t = …` (or a row `b_t = …`) is a recurrence at one index: its
        body uses members of the family b that the file declared above as names of their
        own at earlier indices of the same letter (`positive \\bar\\alpha_{t-1}`, then
        `define \\bar\\alpha_t = \\alpha_t \\bar\\alpha_{t-1}`: DDPM's ᾱ_t = α_t ᾱ_{t-1}), and
        every member so declared is one of them. t is then one fixed index (the notes' time
        step): b_t is defined as a name of its own, from the declared b_{t-1} (a base the
        recurrence leaves free, so a counterexample in it is one of the recurrence), and the
        family's other members are refused (`_not_unfolded`): derive does not unfold the
        recurrence to them."""
        if not head.key.endswith("_{\\cdot}") or len(head.params) != 1:
            return False
        prefix, letter = head.key.removesuffix("\\cdot}"), head.params[0].latex
        members = {name for key, name in self.scope.names.items() if key.startswith(prefix)
                   and name in self.scope.table and self.scope.table[name].declared and
                   re.fullmatch(re.escape(letter) + r"\s*-\s*[1-9][0-9]*",
                                key.removeprefix(prefix).removesuffix("}"))}
        used = {t.name for t in subterms(body) if isinstance(t, Sym)}
        return bool(members) and members <= used and not any(
            key.startswith(prefix) and name in self.scope.table and name not in members
            for key, name in self.scope.names.items())

    def _at_file_index(self, head, side):
        """Whether a row `b_t = …` read as b at each index t (`_index_parameter`) uses a
        name defined with the file's t (`define A_1 = \\frac{\\alpha_t}{1-\\alpha_t}`, DDPM's
        coefficients at the notes' time step): the index is then that one t, the file's — b_t
        is defined as a name of its own, as a recurrence's b_t is, and the family's other
        members are refused (`_not_unfolded`). Read at each index the body would keep the
        file's t inside the definition while its own t moved (`_no_letter_captured`). So
        does a member of a family declared for the one row t (`w_{tj}`, `of_row`)."""
        if not head.key.endswith("_{\\cdot}") or len(head.params) != 1 or \
                head.params[0].local is not LOCAL_INDEX:
            return False
        found = self.scope.lookup(head.params[0].latex)
        if found is None or found[1].kind is not Kind.SYMBOL:
            return False
        for node in side.iter_subtrees() if isinstance(side, Tree) else ():
            if not is_tree(node, "script"):
                continue
            try:
                piece = self.piece(node)
            except InputError:
                continue
            if isinstance(piece, NamePiece) and self.of_row(piece, head.params[0].latex):
                return True                 # o_i = \sum_j w_{ij} x_j: the file's row i
            used = self.scope.lookup(piece.key) if isinstance(piece, NamePiece) else None
            if used is not None and used[1].kind is Kind.DEFINITION and \
                    found[0] in free_names(used[1].info.body) - set(used[1].info.params or ()):
                return True
        return False

    def _one_index(self, base):
        """(offset, how) of the row reading the family `base` at one index only — by its
        recurrence, or at the file's index (`_at_file_index`) — else None."""
        key = base + "_{\\cdot}"
        if key in self.scope.recurrences:
            return self.scope.recurrences[key], "by its recurrence"
        if key in self.scope.at_file_index:
            return self.scope.at_file_index[key], "with names defined at the file's index"
        return None

    def _own_member(self, p, family):
        """Whether `define x_0 = …` (`p`) defines the member of the declared family `x_t`
        (`family`) at a whole number (diffusion's data x_0 beside the noisy x_t) as a name
        of its own: a definition in terms of x_t holds at the author's t, which is then no
        0 (x_0 cannot be defined from itself), and read so, a step proved for every value
        of x_t holds there too. It is recorded (`scope.own_members`): a member of x whose
        index mentions a bound letter (`\\sum_{s=0}^T x_s`) is refused from here on
        (`_not_bound_beside_own`) — there x_0 would be the family's value, not this name.
        Refused (False) when a definition above already uses the family: it would keep
        the family's x_0 beside this one; and for a family declared over a range (`real
        a_i for i = 1..n`), whose members are the entries of one vector."""
        if not re.fullmatch(r"[0-9]+", naming.flat_text(p.sub)) or not family[1].declared or \
                isinstance(family[1].info, IndexRange):
            return False                  # `real a_i for i = 1..n`: a_1 is one of the vector
        if any(family[0] in free_names(d.info.body) for _, d in self.scope.table.items()
               if d.kind is Kind.DEFINITION and isinstance(d.info, DefinitionInfo)):
            return False
        self.scope.own_members.setdefault(p.base + "_{\\cdot}", p.key)
        return True

    def _not_bound_beside_own(self, p):
        """Refuse a member of a family whose member at a whole number was defined as a
        name of its own (`_own_member`) when its index mentions a bound letter: the bound
        member at that number would be the family's value, not the defined name."""
        own = self.scope.own_members.get(p.base + "_{\\cdot}")
        if own is not None:
            raise self.error(f"{own} is defined as a name of its own beside the family "
                             f"{p.base}_t, so under a sum, product or integral over its index "
                             f"{p.base} at that number would be another value than the defined "
                             f"one — write the terms out", p.node)

    def _not_bound_labelled_head(self, p):
        """Refuse `h_\\theta` where θ is bound (`J(\\theta) = \\sum_i C(h_\\theta(x_i))`, J's
        parameter) after a row defined the quantity `h_\\theta(x_i) = …` under that spelling:
        read as the family h at the bound θ, the spelling took a second meaning for the
        whole file (h_θ(x) then read as the member times x), and true rows were refuted."""
        labels = self._head_labels(p.key)
        if labels:
            raise self.error(f"{p.key} heads the quantity {labels[0]} defined above, and here "
                             f"its subscript is bound, which would make {p.key} a member of a "
                             f"family {p.base} — one name means one thing: bind another "
                             f"letter, or define {p.key} as a function of its argument",
                             p.node)

    def _not_at_own_member(self, p, indices):
        """Refuse a member of a family beside a member defined as a name of its own
        (`_own_member`: `define x_0 = …` beside `real x_t`) whose index, spelled otherwise,
        is that number (`x_{0+0}`, `x_{2-2}`, `x_{t-t}`, `x_{00}`): read as the family there,
        the one spelling x_0 would hold two values (the defined one and the family's), and
        a true `x_{0+0} = x_0` was refuted. An index derive cannot evaluate is refused too;
        a letter's index (`x_{t-1}`) stays the family's member at the author's t."""
        own = self.scope.own_members.get(p.base + "_{\\cdot}")
        if own is None or len(indices) != 1:
            return
        number = Fraction(re.search(r"_\{([0-9]+)\}$", own).group(1))
        names = sorted(free_names(indices[0]), key=lambda n: n.sort_key())
        values = {_index_value(indices[0], dict(zip(names, point)))
                  for point in ((2, 3, 5, 7), (11, -4, 9, 1), (-6, 13, 3, -8))}
        if values & {number, None}:
            raise self.error(f"{own} is defined as a name of its own beside the family "
                             f"{p.base}_t, and {p.key} is {p.base} at that index spelled "
                             f"otherwise: the family's value there would be another than the "
                             f"defined one — write {own}", p.node)

    def _not_unfolded(self, base, node):
        """Refuse a member of a family defined by its recurrence at one index only
        (`_recurrence`), other than that index and its declared bases: it would be an
        unknown of its own, though the author's recurrence relates it."""
        found = self._one_index(base)
        if found is not None:
            line, _ = self.source.position(found[0])
            raise self.error(f"{base} is defined at line {line} {found[1]} at one index "
                             "only, from the members declared before it: derive does not unfold "
                             "it to other members — declare this one, or write it by the "
                             "recurrence" if found[1] == "by its recurrence" else
                             f"{base} is defined at line {line} {found[1]} at one index only: "
                             "derive does not carry it to other members — declare this one, "
                             "or define the family at each index", node)

    def _not_bound_in_recurrence(self, p):
        """Refuse a member of a family defined by its recurrence at one index (`ᾱ_t`, its
        declared base `ᾱ_{t-1}`) whose index mentions a letter bound here (`\\sum_{t=1}^2
        \\bar\\alpha_t`): those names are at the file's one t, so under the binder they
        would not vary with it, and the body's α_t would be at the file's t."""
        found = self._one_index(p.base)
        if found is not None:
            line, _ = self.source.position(found[0])
            raise self.error(f"{p.base} is defined at line {line} {found[1]} at one "
                             f"index only, the file's own: under a sum, product or integral over "
                             f"its index it would not vary with it — write the terms by the "
                             f"recurrence ({p.base} at each index declared or written out)",
                             p.node)

    def _names_a_distribution(self, node):
        """Whether a head `F(a, b)` names a declared distribution or a random variable
        (`random \\hat\\theta with density p over u`, or the capital `X` of a declared x)
        among its arguments: `define \\operatorname{Bias}(\\hat\\theta) = E[\\hat\\theta] -
        \\theta` is the bias of that random variable, never a function of a number (whose
        expectation would be the number itself)."""
        node = single(node)
        items = node.children if is_tree(node, "run") else [node]
        bracket = items[-1] if len(items) == 2 else None
        try:
            piece = self.piece(bracket) if bracket is not None else None
        except InputError:
            return False
        if not isinstance(piece, BracketPiece):
            return False
        for arg in piece.args:
            try:
                key = naming.flat_text(single(arg))
            except naming.NameError_:
                continue
            found = self.declared(key)
            if found is not None and found[1].kind is Kind.DISTRIBUTION or \
                    key in self.scope.random_spellings or self.capital_variable(key) is not None:
                return True
        return False

    def _parse(self, text, start):
        self.offset = self.row_start = start
        self.row_text = text
        self.matrix_text = MATRIX_MARKS.search(text) is not None or \
            any(key in text for key in self.scope.matrices)
        self.capitals = {}
        self.free_spellings = {}
        self.words_read = set()    # the plain-letter words this text reads (`letter_words`)
        self.averaged_given = {}   # x averaged by D(p(y|x) ‖ q(y|x)) in this row → its node
        self.summed_free = {}      # x a bare \sum of this row runs over → its node
        try:
            tree = parse_row(text)
        except SyntaxProblem as problem:
            if _LONE_ARROW.fullmatch(text):
                raise self.source.error(
                    "an arrow alone on its row is read only between two rows of a display: "
                    "`\\Downarrow` above a statement of its own as \"hence\", any bare arrow "
                    "between two links of one chain as a note; an equivalence above a "
                    "statement of its own is refused (is the row above its premise? both "
                    "ways?), as is an arrow first or last in a display (what follows?)",
                    start + _LONE_ARROW.search(text).start("arrow")) from None
            raise self.source.error(problem.message, start + problem.offset) from None
        self.applied_words = applied_words(tree) if any(w in text for w in MSE_SPELLED) \
            else frozenset()
        return tree

    # ================================================================== positions
    def source_text(self, node):
        """The row's text of a node (for naming what it stands for)."""
        return self.row_text[_start(node):_end(node)]

    def error(self, message, node):
        return self.source.error(message, self.offset + (_start(node) if node is not None else 0))

    # ================================================================== scopes
    @contextmanager
    def binding(self, key, name):
        """`key` means `name` inside the block (a bound variable shadows outer names)."""
        self.bound.append((key, name))
        try:
            yield name
        finally:
            self.bound.pop()

    @contextmanager
    def bindings_as(self, keys, names):
        """Each key means its name inside the block."""
        self.bound.extend(zip(keys, names))
        try:
            yield
        finally:
            if names:
                del self.bound[-len(names):]

    @contextmanager
    def bindings(self, names):
        for name in names:
            self.bound.append((name.latex, name))
        try:
            yield
        finally:
            if names:
                del self.bound[-len(names):]

    def bound_name(self, key):
        for k, name in reversed(self.bound):
            if k == key:
                spellings = self.averaged_spellings.get(name)
                if spellings is not None:
                    spellings.setdefault(key, None)   # x read as the averaged copy
                return name
        return None

    def definition_parameter(self, name):
        """Whether `name` is a parameter of the definition being read (`f(x) = …`,
        `define f(x) = …`: bound as any number, `LOCAL_ANY`)."""
        return name.local is LOCAL_ANY and self.bound_name(name.latex) is name

    def bound_point(self, variable):
        """The innermost bound variable that ranges like `variable`, or None."""
        for _, name in reversed(self.bound):
            if name.origin is variable:
                return name
        return None

    def declared(self, key):
        """(Name, Declaration) of a file-scope name the file declared, else None."""
        found = self.scope.lookup(key)
        return found if found is not None and found[1].declared else None

    def sample_of(self, key):
        """(Name, Declaration) of the declared variable x that an undeclared `x_i`, `x_{n}`,
        `x^{(i)}` is a sample of — i.i.d. notation — or that `x'`, `\\tilde{x}`,
        `\\hat{x}`, `\\bar{x}`, `\\check{x}` (also `\\tilde{x}_i`, `x_i'`) is a renamed copy
        of: bound by a sum, product, integral or expectation (`\\sum_{z_i}`, `d z_i`,
        `\\sum_{x'}`), it ranges like x. None otherwise, and for a spelling the file
        declares or defines itself (one name, one meaning)."""
        found = SAMPLE.fullmatch(key) or RENAMED.fullmatch(key)
        known = self.scope.lookup(key)
        if found is None or known is not None and known[1].declared:
            return None
        base = next(g for g in found.groups() if g is not None)
        base = self.declared(base) or self.sample_of(base)
        return base if base is not None and base[1].kind is Kind.VARIABLE else None

    def real_copy(self, key):
        """The declaration of an undeclared spelling `key` written free that copies a letter
        x the file declares a real number or a variable (`real x`, `positive x`, `variable
        x`): `x_i`, `x_1`, `x^{(i)}`, `x'`, `\\hat{x}`, `\\bar{x}`, `\\tilde{x}`,
        `\\check{x}` and their compounds (`\\hat{x}_i`, `x_i'`) — the author's copy or
        coordinate of x, a real number (`CopyInfo`), so that `\\sqrt{x_i^2} = |x_i|` is not
        refuted at a complex x_i the author never meant. Only realness carries over, never
        positivity or integrality (`x_1 = x - 3`, `n' = n/2`). None for any other spelling:
        a copy of a complex, undeclared, defined or function letter stays complex."""
        found = SAMPLE.fullmatch(key) or RENAMED.fullmatch(key)
        if found is None:
            return None
        base = next(g for g in found.groups() if g is not None)
        letter = self.declared(base)
        if letter is None:
            return self.real_copy(base)     # \hat{x}_i, x_i': a copy of a copy of x
        name, declaration = letter
        if declaration.kind is Kind.VARIABLE or \
                declaration.kind is Kind.SYMBOL and declaration.domain.is_real:
            return Declaration(Kind.SYMBOL, Domain.REAL, CopyInfo(name), declared=False)
        return None

    def unbindable_law_parameter(self, key, node, binder):
        """Refuse a binder (`binder`: "an integral over", "a limit over", "an optimum over")
        of a letter the file declares as a number some law depends on (`depends f on
        \\theta`, or N(μ, 1) written with μ: `law_parameter`): its bound letter would be a
        new number, and the law would stay at the file's θ — ∫_0^1 E[X] dθ would read as
        E[X]. derive does not vary a law's parameter under a binder."""
        found = self.declared(key)
        if found is None:
            return
        if self.law_parameter(key) or any(
                found[0] in ps for ps in self.scope.context.parameters.values()):
            raise self.error(f"{binder} {key}: a law of this file depends on {key}, and derive "
                             f"does not vary a law's parameter under a binder (the law would "
                             f"stay at the file's {key})", node)

    def unreached_letter(self, key, var, value, node, binder):
        """Refuse a binder (an integral, sum, product, limit or optimum) whose bound `var` is a
        new name while what it binds, `value`, still moves with the file's letter of that
        spelling (`parameters.moves_with`): a law by formula written with it (N(μ, 1) and
        ∫_0^1 E_{x∼q}[x] dμ), a law that depends on it, a definition whose body uses it
        (`define g = \\theta^2`, \\arg\\min_\\theta g). The binder would not move them — q,
        g would be read as constants — so what the author means is not what would be
        read. So too a function named at the bound letter (`V_w`, `f_\\theta`) that a
        definition's body took where that letter was no number: V_w(x), not V_w(w, x)
        (`moving_arguments`), so ∫_0^1 T_w(x) dw = T_w(x) was verified."""
        found = self.declared(key)
        if found is not None and found[0] is not var and \
                moves_with(value, found[0], self.scope.context):
            raise self.error(f"{binder} {key}: what it binds moves with the file's {key} (a "
                             f"law written with it or depending on it, or a definition using "
                             f"it), which the bound {key} does not reach — derive does not "
                             f"vary it under a binder: write it out, or bind another letter",
                             node)
        for n in subterms(value):
            if isinstance(n, Call) and key in label_letters(n.function) and \
                    not any(var in free_names(a) for a in n.arguments):
                raise self.error(f"{binder} {key}: what it binds holds {n.function.latex}, "
                                 f"named at {key} but read where {key} was no number (in a "
                                 f"definition's body or a row above), so the bound {key} does "
                                 f"not reach it — is it a function at each {key}, or one "
                                 f"function? Write it out under the binder, or declare "
                                 f"{key} (real {key}) above its first use", node)

    def fresh(self, key, origin=None, declaration=None):
        """A new bound name: ranging like `origin` (a declared variable), or with its own
        local declaration."""
        return Name(key, origin=origin, local=None if origin is not None else declaration)

    # ================================================================== rows
    def relation(self, token):
        if token.type == "REL":
            return RELATIONS[token.value]
        if token.type == "DEFREL":
            return DEFINE
        if token.type == "UNREL" and token.value == r"\propto":
            return Relation.PROPTO          # `frontend.proportional`
        if token.type == "UNREL" and token.value == r"\approx":
            return Relation.APPROX          # a rounding: `engines.rounding`
        if token.type == "IMPLIES":
            raise self.error("\\Rightarrow follows the hypothesis of a row: H \\Rightarrow A = B",
                             token)
        raise self.error(f"derive does not check the relation {token.value}", token)

    def head(self, side, relation, directive=False):
        """The `Head` when `side` names a new quantity that `relation` defines, else None.
        In a `define` directive the arguments are always parameters, whatever their
        letters; in a row, only undeclared letters are (otherwise the head is a label).
        `define \\sigma_q^2(t) = …` (a new name squared before its fresh letters, DDPM's
        variance schedule) defines σ_q(t) as the principal square root of the body
        (`squared`), as a chain's `s^2 = …` defines s: only as a function of parameters."""
        self.squaring, self.head_form = False, None
        found = self._head(side, relation, directive)
        if found is not None and found.label is not None and self.head_form is not None:
            found = replace(found, form=self.head_form)     # D_{KL}(p \| q) := …: the file's
        if not self.squaring:
            return found
        self.squaring = False
        return replace(found, squared=True) if found is not None and found.params and \
            found.label is None else None

    def _squared_function(self, name, bracket, relation, directive):
        """Whether a directive's head is a new name squared before its arguments
        (`define \\sigma_q^2(t) = …`): the power exactly 2, the name neither declared, used
        nor bound, nor a family's."""
        return directive and relation is DEFINE and isinstance(name, NamePiece) and \
            name.power is not None and isinstance(bracket, BracketPiece) and \
            not name.primes and _unbraced(self.source_text(name.power)) == "2" and \
            self.scope.lookup(name.key) is None and self.bound_name(name.key) is None and \
            self.scope.lookup(name.base + "_{\\cdot}") is None

    def _head(self, side, relation, directive):
        if relation not in (Relation.EQ, DEFINE):
            return None
        node = single(side)
        items = node.children if is_tree(node, "run") else [node]
        scale = 1
        number = items[0].children[0] if len(items) > 1 and is_tree(items[0], "script") and \
            len(items[0].children) == 1 else None
        if is_token(number, "NUMBER") and number.value.isdigit() and int(number.value) > 0:
            scale, items = int(number.value), items[1:]           # 2C(G) = …
        if not items or len(items) > 2 or not all(is_tree(i, "script") for i in items) or \
                self.matrix_operator(items):            # \text{tr}(\Sigma) = …: no head
            return None
        component = self.component_head(items)      # (\mathrm{softmax}(z))_i = …
        if component is not None:
            return Head(*component, (), scale)
        try:
            # a row's head may be any new upright word but a standard function's (`_check_word`)
            self.heading = "directive" if directive else True
            name = self.piece(items[0])
        except Exception:
            return None
        finally:
            self.heading = False
        bracket = self.piece(items[1]) if len(items) == 2 else None
        if self._squared_function(name, bracket, relation, directive):
            name, self.squaring = replace(name, power=None), True
        scripted = self._scripted_head(name)
        one_name, name = scripted is not name, scripted      # Z_\theta^h: no family Z_·
        if isinstance(name, ExpectPiece) and relation is DEFINE and \
                isinstance(bracket, BracketPiece) and name.sub is None:
            label = self._label(name.kind, bracket)          # \mathbb{V}[X] \triangleq …
            if not self.defining and label not in self.scope.heads and \
                    self._moment_reads(name, bracket):
                self.restating = True       # `\mathbb{E}[X] := …` of a declared law: checked
                return None
            return Head(label, label, (), scale)
        if not isinstance(name, NamePiece) or name.power is not None:
            return None
        if bracket is not None and not isinstance(bracket, BracketPiece):
            return None
        if self._of_capitals(name) is not None:
            # p_X(x) = …: p's marginal (`_law_of_capitals`); `define f_X(x) = …`, `f_X(x) :=
            # …` of a declared f (f_{X,Y}) states it: checked, never a second meaning
            self.restating = relation is DEFINE
            self.restated_of = (name, self.declared(name.base)[0]) if self.restating else None
            return None
        if relation is not DEFINE and name.key in MSE_SPELLED and \
                not self.names_mse((name.key,)) and self.estimator_target(bracket) is not None:
            return None                   # MSE(\hat\theta) = …: a claim (estimators.py)
        if relation is DEFINE and self.restates_estimate(name, bracket):
            self.restating = True         # \text{Bias}(\hat\theta) := … below its first use
            return None
        if bracket is not None and relation is not DEFINE and \
                self.componentwise(name.key) is not None:
            return None                   # softmax(x) = softmax(x + c): vector_functions.py
        if not directive:
            self.not_ended(name.key, items[0])
            if name.sub is not None and self.bound_name(name.key) is None:
                self.not_ended(name.base + "_{\\cdot}", items[0])   # a member of a withdrawn family
            self._not_redefined(name.key, relation, items[0], len(items) == 1)
        if name.sub is not None and self.bound_name(name.key) is None and \
                self.declared(name.key) is None:
            self._not_unfolded(name.base, items[0])         # ᾱ_s = … after ᾱ_t's recurrence
            self._indexed_found(name)                       # h_2'(3) = … after h_i(t) = …
        known = self.bound_name(name.key) is not None or self.declared(name.key) is not None \
            or name.key in CONSTANTS or name.primes and self.declared(name.key.rstrip("'")) \
            and not self._mass_function(self.declared(name.key.rstrip("'"))) \
            or self._derivative_of(name) is not None or name.sub is not None and \
            not self._decorated(name) and self.declared(name.base + "_{\\cdot}") is not None or \
            bracket is None and self._head_labels(name.key) or self._moved_marginal(name)
        if self.bound_name(name.key) is None and self._kronecker_indices(name) is not None:
            if relation is DEFINE:                # \delta_{jk} = 0: a claim about the delta
                raise self.error(f"{name.key} is the Kronecker delta (1 when its indices are "
                                 "equal, else 0): it is not defined — name the quantity "
                                 "otherwise", items[0])
            return None
        family = self._family_of(name) if name.sub is not None and \
            self.bound_name(name.key) is None else None
        if family is not None and family[0] in self.scope.first_use:
            index = self._index_parameter(name)
            if index is not None:                 # p_j = … after p_i was used undeclared:
                return Head(family[0].latex, None, (index,), scale)   # used before (chain)
        if family is not None and not self._made_by_this_row(name) and \
                not (relation is DEFINE and bracket is None and self._own_member(name, family)):
            if relation is DEFINE:
                raise self.error(f"{name.key} is a member of the indexed family {name.base}: "
                                 "it is not defined on its own", items[0])
            return None                                       # a_1 = 3: a claim about a_1
        if bracket is None and not known and name.sub is not None and not one_name:
            index = self._index_parameter(name)
            if index is not None:                  # define \hat{y}_j = …: ŷ at each j
                self._plain_member(name)           # x_i' = 2 x_i, define y_j^* = …: no y
                return Head(name.base + "_{\\cdot}", None, (index,), scale)
            if _expression_index(name.sub):        # a_{n+1} = 2n: neither a name nor a_n
                raise self.error(f"{name.key}: a head whose index is an expression "
                                 f"({_unbraced(self.source_text(name.sub))}) defines neither "
                                 f"a name of its own nor the family {name.base}: define it "
                                 f"at a letter ({name.base}_n = …)", items[0])
        if bracket is None:
            if known and relation is not DEFINE:
                return None
            if name.key in ALWAYS_OPERATORS and relation is not DEFINE:
                raise self.error(LOOKALIKES[name.key], items[0])
            self.not_a_probability(name.key, items[0])
            self._base_named_before(name.key, items[0])
            self._special_read_above(name.key, items[0])
            return Head(name.key, None, (), scale)
        if bracket.power is not None:
            return None
        self._no_scripted_probability(name, items[0])
        if not known:
            self._no_subscripted_e(name, bracket)
        if name.key in PROBABILITY:
            self.not_an_event_of_another_name(name.key, bracket, items[0])
        if not known and relation is not DEFINE and name.key in PROBABILITY and \
                self.event_probability(name.key, bracket, self.offset + _start(items[0])) \
                is not None:
            return None                                     # P(X = x) = …: a claim
        if not known and relation is not DEFINE and name.key in LOOKALIKES and \
                (name.key in ALWAYS_OPERATORS or self._random_event(bracket)):
            raise self.error(LOOKALIKES[name.key], items[0])
        if not known:
            self.not_a_probability(name.key, items[0])
        if name.key == "h" and not known:       # `h(-X) := 7`: no new quantity
            self._no_entropy_of_a_formula(name.key, bracket)
        label = self._label(name.key, bracket)
        at_numbers = not known and self._operator_at_numbers(name.key, bracket, items[0])
        if relation is DEFINE and not self.defining and label in self.scope.heads and \
                registry.spelled(name.key):
            raise self.error(f"{label} is defined above: := here would give it a second "
                             "meaning — write = to state a claim about it", items[0])
        if relation is DEFINE and not known and label not in self.scope.heads and \
                registry.spelled(name.key) and not at_numbers and \
                self.defines_a_form(name.key, bracket, items[0]):
            self.restating = True       # `H(X) := …` of a declared Bernoulli X: checked
            return None
        if not self.defining and not known and \
                self._entropy_to_a_base(name, bracket) is not None:
            self.restating = relation is DEFINE     # `H_D(X) = …`: C&T's entropy, checked
            return None
        if relation is not DEFINE and (known or label in self.scope.heads or
                                       self.head_functions(name.key, bracket) is not None or
                                       registry.spelled(name.key) and not at_numbers and
                                       self._reads(name, bracket)
                                       or self.operator_form(name.key) or
                                       families.spelled(name.key) is not None):
            return None
        self._no_event_parameter(name, bracket)
        if relation is not DEFINE and not directive:
            self.unknown_divergence(name, bracket, items[0])
        if not known:                   # `M(t) = t^3` after `M'(t) = 2` defined M' itself
            self._derivative_named_before(name.key, items[0])
        self._base_named_before(name.key, items[0])     # `M'(t) := 2` after M(t) = t^3
        if any(self.scope.one_family(other, label) for other in self._head_labels(name.key)):
            return Head(name.key, label, (), scale)     # p(\mathbf{y}|θ) beside p(y_i|θ)
        params = self._parameters(bracket, directive)
        if params is None and directive:
            params = self.distribution_parameters(bracket)
        if params is None and not directive and not known:
            self._not_at_numbers(name, bracket, items[0])
        if params is not None:
            self._special_read_above(name.key, items[0])
            if name.key in registry.FUNCTION_LIKE and not directive:
                self._not_an_operator_above(name.key, items[0])     # h(p) above: entropy
            over_variables = not directive and any(
                self.declared(q.latex) is not None and
                self.declared(q.latex)[1].kind is Kind.VARIABLE for q in params)
            index = self._function_index(name, params) if not (known or one_name or
                                                               over_variables) else None
            if index is not None:                   # define h_i(t) = t^i: h at each i
                return Head(name.base + "_{\\cdot}", None, (index, *params), scale)
            return Head(name.key, None, params, scale,
                        quantity=label if over_variables else None,
                        shadows=tuple(n for q in params if not directive and
                                      (n := self._defined_number(q.latex)) is not None))
        if not known and special.special(name.key) is not None and \
                self.special_function(name.key, bracket, items[0], record=False):
            if relation is not DEFINE:
                return None                             # \Gamma(3) = 2: a claim about Γ
            raise self.error(f"{name.key}(…) is {special.special(name.key).name}: := here would "
                             "name a quantity of its own — write the claim with =, or declare "
                             f"{name.key} if the file means another function", items[0])
        self._special_read_above(name.key, items[0])
        if label not in self.scope.heads:
            if relation is not DEFINE and self._functional_at(name.key, bracket) is not None:
                return None                 # \varphi(\lambda q_1 + …) = …: a claim
            self._labelled_elsewhere(name.key, bracket.node, heading=True)
        return Head(name.key, label, (), scale)

    def _no_event_parameter(self, name, bracket):
        """Refuse a head applied to an event (`P_{q}(X = x) = q(x)`, `F(X = x) = …`,
        `\\mathrm{P}_q(Y = y \\mid X = x)`): an event is no fresh parameter, so the row would
        name one opaque quantity `P_q(X=x)` whose x no `\\sum_x` reaches — and the law a
        subscript names is not read (`_no_scripted_probability`). Refused at the event."""
        for arg in joined_events(bracket).args:
            if is_tree(single(arg), "assignment"):
                raise self.error(f"{name.key}(…) of an event heading a row: an event is no "
                                 "parameter, so this would define one opaque quantity — "
                                 "derive reads P(X = x) and \\Pr(X = x) of the declared law "
                                 "(a subscript naming the law is not read); write the "
                                 "density, q(x), or define a function at a letter, f(x) = …",
                                 single(arg))

    def _not_at_numbers(self, name, bracket, node):
        """Refuse a new upright word applied to numbers only heading a row
        (`\\operatorname{foo}(0) = 1`): no fresh argument, so no function is defined, and
        the word is no quantity of the file either — a value of a function derive does not
        know, which the row would make a definition instead of a claim."""
        word = self.source_text(node).strip()
        if len(name.base) < 2 or special.special(name.key) is not None or \
                not re.match(r"\\(?:operatorname|mathrm|text|textrm)\b", word) or not bracket.args or \
                not all(re.fullmatch(r"\s*-?\s*\d+(?:\.\d+)?\s*", self.source_text(a))
                        for a in bracket.args):
            return
        raise self.error(f"derive does not read {word} at numbers only heading a row: no "
                         "argument is a fresh letter, so the row defines no function, and a "
                         "value of a function derive does not know is no definition — define "
                         f"it at a letter ({word}(t) = …) or declare it (% derive: function "
                         f"{word}) and state its values as claims", node)

    def special_function(self, key, bracket, node, record=True):
        """Whether an undeclared, undefined name applied to `bracket` is Euler's Γ or B
        (`notation.special`): then the use is recorded (unless `record` is False: a head
        that is a claim, read as a term next), so that a definition of the name below is
        refused (`_special_read_above`). False where the letter is an unknown
        function as any other (`B(x)`); refused at `node` for a known function derive does
        not read (`\\Phi(x)`, `\\Gamma(a, x)`)."""
        if bracket is None or bracket.open != "(":
            return False
        self.not_ended(key, node)        # a definition of it above that could not be read
        try:
            build = special.builder(key, len(bracket.args))
        except ValueError as exc:
            # a definition of the name below is read ahead of this use (`ahead`): the
            # author's `\\sigma(z) = \\frac{1}{1+e^{-z}}` after the row using σ
            self.scope.special_refused.setdefault(key, self.offset + _start(node))
            raise self.error(str(exc), node) from None
        if build is None:
            return False
        if record:
            self.scope.special_uses.setdefault(key, self.offset + _start(node))
        return True

    def _special_read_above(self, key, node):
        """A definition of a name read above as Euler's function (`\\Gamma(3)` in a row
        above, then `\\Gamma(x) = …`): one name would mean two things — refused."""
        at = self.scope.special_uses.get(key.rstrip("'"))
        if at is not None:
            line, column = self.source.position(at)
            raise self.error(f"{key} is read at line {line}, column {column} as "
                             f"{special.special(key).name}: defining it here would give it a "
                             "second meaning — define it before its first use (one name means "
                             "one thing)", node)

    def _operator_at_numbers(self, key, bracket, node):
        """Whether a head spelled as an information operator is written at declared real
        numbers only (`I(p) = -E[…]`, Fisher's information at a parameter p): no
        distribution is there, so the row defines a function I — in the whole file, which
        then reads no mutual information `I(X; Y)` (`named_by_a_head`). After such an
        operator use above, one name would mean two things: refused."""
        if not registry.spelled(key) or key in registry.FUNCTION_LIKE or not bracket.args or \
                any(sep != "," for sep in bracket.seps):
            return False
        for arg in bracket.args:
            piece = self.piece(single(arg)) if is_tree(single(arg), "script") else None
            found = self.declared(piece.key) if isinstance(piece, NamePiece) and \
                piece.sub is None and piece.power is None else None
            if found is None or found[1].kind is not Kind.SYMBOL or not found[1].domain.is_real:
                return False
        self._not_an_operator_above(key, node)
        return True

    def _scripted_head(self, name):
        """The head's name with its superscript as part of it, when the head has both a
        subscript and a letter for superscript and the name below the superscript is not
        known (`define Z_\\theta^h = …`, `P_{\\theta}^{h}(w) = …`, Lei Mao's NCE): the
        author names a new quantity `Z_{\\theta}^{h}`, and uses of that spelling below
        read as it (`_known_scripted`). Of a name known as a number (declared, bound, a
        member of a family) the superscript stays a power, so the row is a claim."""
        if not isinstance(name, NamePiece) or name.sub is None or name.power is None or \
                _superscript_key(name.power) is None:
            return name
        known = self.bound_name(name.key) is not None or self.declared(name.key) is not None \
            or name.key in CONSTANTS or self._family_of(name) is not None
        if known:
            return name
        key = name.key.rstrip("'")
        return NamePiece(key + _superscript_key(name.power) + name.key[len(key):], name.base,
                         name.sub, None, name.primes, name.node)

    def _known_scripted(self, key):
        """Whether a name spelled with both scripts (`Z_{\\theta}^{h}`) is declared or
        defined as one name."""
        return self.bound_name(key) is not None or self.scope.lookup(key) is not None

    def _not_redefined(self, key, relation, node, bare):
        """Raise when `:=` (`\\doteq`, `\\triangleq`) in a row defines a name the file
        declared or defined above (`positive a`, then `a := b - 1`; `f := …` after the
        quantity `f(x)`, when `bare`): the declaration holds to the end of the file, so the
        name would mean two things."""
        found = self.declared(key)
        if relation is DEFINE and self.bound_name(key) is None and (
                found is not None or bare and self._head_labels(key)):
            what = "declared" if found is not None and found[1].kind is not Kind.DEFINITION \
                else "defined"
            raise self.error(f"{key} is {what} above: a definition (:=, \\doteq) would give "
                             "it a second meaning (one name means one thing in a file); "
                             "define a new name", node)

    def _index_parameter(self, name):
        """The parameter of `define \\hat{y}_j = …`: a subscript that is one letter the
        file does not declare, or declares a whole number (`integer j`, `natural j`), is an
        index, so the definition is a family (ŷ_k, ŷ_1, ŷ_j inside a sum over j are its
        members; in a row, ŷ_j at the file's j is the member there) — when the body uses it
        (`read_definition`: `define p_g = …` stays one name); None otherwise (a letter
        declared a real number or a variable: `_at_declared_number`)."""
        node = _bare(name.sub)
        if not is_token(node, "LETTER"):
            return None
        found = self.declared(node.value)
        if found is not None and not (found[1].kind is Kind.SYMBOL and
                                      found[1].domain.is_integer):
            return None
        return Name(node.value, local=LOCAL_INDEX)

    def _function_index(self, name, params):
        """The index of `define h_i(t) = t^i` (`S_i(\\mathbf z) = \\frac{e^{z_i}}{…}`): a
        subscript that is one letter, undeclared or declared a whole number, and no
        parameter — the definition is then a function at each index (`h_j(2)` is it at j,
        `h_2(3)` at 2, never the number h_j times 2 nor an unknown function h_2); None
        otherwise (`f_\\theta(x)` of a real θ stays one name)."""
        if self._decorated(name):
            return None
        node = _bare(name.sub)
        if not is_token(node, "LETTER") or node.value in {q.latex for q in params}:
            return None
        found = self.declared(node.value)
        if found is not None and not (found[1].kind is Kind.SYMBOL and
                                      found[1].domain.is_integer):
            return None
        if self._labels_a_function(node.value):
            return None
        return Name(node.value, local=LOCAL_INDEX)

    def _labels_a_function(self, letter):
        """Whether `letter` labels a declared function (`function V_w`: a network with weights
        w). `define T_w(x) = \\sigma_f(V_w(x))` then names one function T_w, labelled as V_w
        is — read at each index w, its body would take V_w at the bound w (V(w, x),
        `moving_arguments`) while rows take V_w(x): one name read as two functions."""
        return any(declaration.kind is Kind.FUNCTION and declaration.declared and
                   letter in label_letters(name) for name, declaration in self.scope.table.items())

    def _one_name_noted(self, head):
        """`define h_i(t) = t^2`, `c_i = 5`: a head read as a definition at each index whose
        body does not use the index is one name (`p_g`, `L_D`: the subscript a label); its
        base is noted, so that a member spelling at a whole number (`h_2`) is refused
        (`_no_member_of_one_name`), never a fresh name of its own."""
        self.scope.one_names[head.key[:-len("_{\\cdot}")]] = _named(head).key

    def _no_member_of_one_name(self, p):
        """`h_2(3) = 10` after `define h_i(t) = t^2`: h_2 reads as h at index 2, but h_i is
        one name (its body does not use i), of which h_2 is no member — a row would define
        h_2 as a new name (the false row passing as a definition), a use read it as an
        unknown: an error. So for `s_1`, `s_k` (integer k) after `define s_j = …` with j
        declared a real number or a variable (`FileScope._one_name_at_letter`). A subscript
        that is no whole number (`p_d` beside `p_g`) is a label of its own."""
        key = self.scope.one_names.get(p.base)
        if key is None or key == p.key or self._decorated(p):
            return
        node = _bare(p.sub)
        found = self.declared(node.value) if is_token(node, "LETTER") else None
        if is_token(node, "NUMBER") and node.value.isdigit() or found is not None and (
                found[1].kind is Kind.SYMBOL and found[1].domain.is_integer) or \
                is_token(node, "LETTER") and self.bound_name(node.value) is not None and \
                self.bound_name(node.value).local is LOCAL_INDEX:
            raise self.error(f"{p.key} reads as {p.base} at an index, but {key} is one name "
                             f"(its body does not use its subscript, the file declares that "
                             f"letter no whole number, or it is defined at the file's own "
                             f"whole number), of which {p.key} is no member: define "
                             f"{p.base} at each index — at a letter undeclared or declared a "
                             f"whole number, the body written in it — or name this quantity "
                             f"otherwise", p.node)

    def _indexed_found(self, p):
        """The definition at each index (`define \\hat{y}_j = …`, `define h_i(t) = …`) that a
        subscripted spelling `\\hat{y}_k`, `h_k` is a member of, or None (also for
        `\\hat{y}_k^*`: a decorated spelling names no member, `_decorated`)."""
        found = self.scope.lookup(p.base + "_{\\cdot}") if p.sub is not None else None
        if found is None and p.sub is not None:
            self._no_member_of_one_name(p)
        if found is None or found[1].kind is not Kind.DEFINITION or \
                not found[1].info.params or found[1].info.params[0].local is not LOCAL_INDEX:
            return None
        if p.primes and len(found[1].info.params) > 1:
            raise self.error(f"{p.key}: {p.base} is defined at each index as a function, and "
                             f"derive does not read a prime on one of its members — write the "
                             f"derivative out, \\frac{{d}}{{du}} {p.base}_k(u)", p.node)
        return None if self._decorated(p) else found

    def _indexed_definition(self, p, bracket):
        """`\\hat{y}_k` after `define \\hat{y}_j = …`: the definition at index k; `h_k(2)`
        after `define h_i(t) = …`: the definition at index k applied to 2, as a defined
        function is (its arguments counted, `h_k` without them refused). (the term, the
        pieces used), or None."""
        found = self._indexed_found(p)
        if found is None:
            return None
        items = _subitems(p.sub)
        if len(items) != 1:
            raise self.error(f"{p.key}: {p.base} is defined at one index", p.node)
        info = found[1].info
        index = self._index(items[0], p) if members.numeric_parameter(info.params, info.body) \
            else None
        if index is None or self._whole_term(index):
            index = self._whole_index(items[0], p,
                                      f"{p.base} is defined at whole-number indices")
        value = self._apply(info, (index,), p.node, {info.params[0]: index})
        for member in set(subterms(value)):
            declaration = self.scope.table.get(member.function) if isinstance(member, Call) \
                else None
            span = declaration.info if declaration is not None else None
            if isinstance(span, IndexRange) and \
                    set().union(*map(free_names, member.arguments)) <= free_names(index):
                # the members the index reaches are checked as written ones: p_k takes o_k
                # (1 ≤ k ≤ K), ŷ_0 a z_0 that z's range does not hold (refused)
                self._whole_member_indices(member.arguments, span, p, member)
        self._moved_sums_in_range(info, value, p)
        if len(info.params) == 1:
            return Defined(found[0], (index,), value), 1
        at = replace(info, params=info.params[1:], body=value)
        if bracket is None or bracket.open != "(":
            raise self.error(f"{p.key} takes {len(at.params)} argument(s): write {p.key}(…)",
                             p.node)
        if len(bracket.args) != len(at.params):
            raise self.error(f"{p.key} takes {len(at.params)} argument(s), not "
                             f"{len(bracket.args)}", bracket.node)
        vector = self.of_a_vector(p, found[0], at, bracket)     # S_j(2\\mathbf z)
        if vector is not None:
            return self._powered(vector, bracket), 2
        args, body = self.applied(at, bracket, p.node)
        return self._powered(Defined(found[0], (index, *args), body), bracket), 2

    def _moved_sums_in_range(self, info, value, p):
        """The sums (products) of a family's body whose bounds its index moved
        (`\\bar{X}_{2n}` after `define \\bar{X}_m = \\frac{1}{m}\\sum_{i=1}^m X_i`, X declared
        over 1..n) take their members at the new bounds, checked as a written sum's are
        (`_members_in_range`): X_{2n} is no member — refused at the member `p`, never an
        average over copies the file does not declare; `\\bar{X}_k` states `k ≤ n`."""
        written = {(t.lower, t.upper) for t in subterms(info.body)
                   if isinstance(t, (Sum, Product))}
        for t in subterms(value):
            if isinstance(t, (Sum, Product)) and t.lower is not None and \
                    t.upper is not None and (t.lower, t.upper) not in written:
                op = "sum" if isinstance(t, Sum) else "prod"
                self._members_in_range(_Binder(op, p.node), t.var, t.body,
                                       (t.lower, p.node), (t.upper, p.node))

    def _random_event(self, bracket):
        """Whether a bracket reads like the argument of an expectation or a probability:
        square brackets, an event (`X = x`, `A | B`), or a random variable (`X` of a
        declared x, or declared `random X with density p over x`) — not the parameters of a
        function `E(t)`, `P(t)`. A run of such capitals is their product (`E(VW)`: E[VW],
        never an unknown E at the number v·w)."""
        text = self.source_text(bracket.node)

        def random(letter):
            return letter in self.scope.random_spellings or \
                self.capital_variable(letter) is not None

        return bracket.open == "[" or bool(re.search(r"=|\||\\mid|\\vert", text)) or \
            any(random(run) or len(run) > 1 and all(map(random, run))
                for run in set(re.findall(r"(?<![\\A-Za-z])[A-Za-z]+(?![A-Za-z])", text)))

    def _moment_reads(self, piece, bracket):
        """Whether `\\mathbb{E}[X]`, `\\operatorname{Var}(X)`, `\\operatorname{Cov}(X, Y)`
        heading a `:=` row is a moment derive reads (of a declared law): then the row states
        it, never a second meaning of the operator (atkI: `\\mathrm{Var}(X) := 2` of a
        standard normal, then `\\mathrm{Var}(X) = 2` verified)."""
        try:
            return self.expectation(piece, [bracket])[0] is not None
        except InputError:
            return False

    def _reads(self, name, bracket):
        """Whether an operator's spelling with these arguments reads as that operator. In a
        row that defines what an earlier row of its display uses, `KL(q \\| p)` of a
        density and a joint over other variables does not: it names a new quantity
        (Bishop's shorthand, fixed by that row); anywhere else it is an error. `I(x)` of
        one argument is no mutual information, whatever it is (the self-information
        `I(x) = -\\log p(x)` defines it)."""
        if name.key == "I" and len(bracket.args) == 1:
            return False
        uses = dict(self.scope.operator_uses)
        try:
            return (self.information(name.key, bracket) or
                    self._operator(name.key, bracket)) is not None
        except InputError as error:
            if self._defines_function_like(name, bracket):
                self.scope.operator_uses.clear()    # the failed try is no operator use
                self.scope.operator_uses.update(uses)
                return False
            return not (self.naming_ahead and MISMATCH in error.message)

    def _defines_function_like(self, name, bracket):
        """Whether a head `h(X) = X - \\log X - 1` spelled as an operator that also names
        ordinary functions (`registry.FUNCTION_LIKE`: h, D), whose operator reading failed,
        defines the function instead: every argument is a number the file defined above
        without arguments (`X = \\frac{q(o)}{p(o)}`) — a number, so no random variable nor a
        distribution, and h(X) can be no entropy of it. Then h is that function in the whole
        file (`named_by_a_head`): `h(\\frac{q(o)}{p(o)})` applies it."""
        if name.key not in registry.FUNCTION_LIKE or name.sub is not None:
            return False
        params = self._parameters(bracket, False)
        return params is not None and \
            all(self._defined_number(q.latex) is not None for q in params)

    @staticmethod
    def row_words(text):
        """A row's text as comparable words: spacing and alignment marks dropped, and the
        labels' own canonical spelling (`\\mathcal{L}(q)`)."""
        return re.sub(r"\\[,;!:]|\\q?quad|&|\\left|\\right|\s+", "", text)

    @staticmethod
    def continues(text):
        """Whether a row starts with a relation (continues the chain above it)."""
        try:
            text = unwrap(text)
        except Unread:
            pass                            # the row's own reading reports it
        return _LEADING_RELATION.match(text) is not None

    def defined_label(self, text, start):
        """The first side of a row that defines a quantity with arguments by it
        (`\\mathcal{L}(q) = …`), as written; None otherwise. Reads nothing else and raises
        nothing."""
        self.naming_ahead = True
        try:
            text = _without_end_punctuation(text)
            tree = self._parse(text, start)
            children = tree.children
            if len(children) < 3 or is_tree(children[0], "rel"):
                return None
            head = self.head(children[0], self.relation(children[1].children[0]))
        except InputError:
            return None
        finally:
            self.naming_ahead = False
        if head is None or head.label is None or not _named_quantity(head.key):
            return None
        return text[_start(children[0]):_end(children[0])]

    def would_define(self, text, start):
        """The key of the undeclared name an unreadable row would have defined — its left
        side a head before `=` or a definition sign (`\\sigma(x) \\doteq …`, `f = …`
        refused after f was used), or the name after a trailing `\\equiv`/`=:` — else None. Reads nothing else and raises nothing.
        The head is read with the row's own relation: before `=`, an operator derive reads
        (`\\mathrm{KL}[P \\| Q] = …`) or a label defined above is no new name, as when
        the row is read — so its failure withdraws nothing."""
        text = _without_end_punctuation(text)
        named = _NAMED_RIGHT.search(text)           # `… \equiv F`, `… =: F`: F on the right
        match = named or _DEFINING_SIDE.match(text)
        if match is None:
            return None
        relation = Relation.EQ if named is None and match.group(2) == "=" else DEFINE
        try:
            tree = self._parse(match.group(1), start)
        except InputError:
            return None
        if len(tree.children) != 1:
            return None
        try:
            head = self.head(tree.children[0], relation) or \
                self._logged_head(tree.children[0], relation, refuse=False) or \
                self._squared_head(tree.children[0], relation, refuse=False)  # s^2 = …
        except InputError:
            return self._shifted_family(tree.children[0])
        if head is None or head.label == head.key or self.declared(head.key) is not None or \
                head.key in ALWAYS_OPERATORS:
            return None
        return head.key

    def plainly_defines(self, text, start, in_body):
        """Whether a row that could not be read plainly defines a name, so that it is an
        unread definition (`Step.unread`), not a step: it has a left side and one relation,
        and that is a definition sign (`\\widehat{\\mathcal{L}}_k := …` whatever its
        head, `… =: M`, `\\coloneqq`, `\\triangleq`, `\\doteq`: a definition either way
        round), or `=`/`\\equiv` after a head this reader takes for a new name
        (`would_define`) — the error `in_body`, after the relation, so that the head was
        read as one (`u^3 = a`, refused at the head, may be an equation in u; so is `R = …`
        again after `R = …` could not be read: a claim about R) — and that the row does not
        write again (`A = A + …` says something about A). Any other row may be a claim: it
        stays a step. Reads nothing else and raises nothing."""
        if len(text) > MAX_ROW_CHARS:
            return False
        text = _without_end_punctuation(text)
        cuts = top_level_relations(text)
        if not cuts or len(cuts) != 1 or not text[:cuts[0][0]].strip(" &"):
            return False
        if text[cuts[0][0]:cuts[0][1]] in PLAIN_DEFINITION_SIGNS:
            return True
        key = self.would_define(text, start) if in_body else None
        if key is None:
            return False
        base = key[0] + re.split(r"[_^(\[']", key[1:], maxsplit=1)[0]
        body = text[cuts[0][1]:]
        if base != key and self.scope.lookup(base) is not None:
            # `P_\theta(\tau) = \rho_0(s_0) \prod_t … P(s_{t+1} \mid s_t, a_t)`: the bare P is
            # the declared density, another name; only a subscripted P_… may be this one
            return not _mentions_subscripted(body, base)
        return not _mentions(body, base)

    def restated_density(self, text, start):
        """The key of the declared abstract density an unreadable row would have given its
        formula — its left side that density at its own variables before `=` or a
        definition sign (`p(x) = \\pi (1-\\pi)^{x-1} \\qquad \\text{for } x = 1, 2,
        \\dots`, `q(z \\mid x) := …`) — else None. Reads nothing else and raises nothing.
        Left abstract, p would make the rows below steps about any density at all, which
        the author did not mean: the row withdraws it (`Builder._unreadable`)."""
        match = _DEFINING_SIDE.match(_without_end_punctuation(text))
        if match is None:
            return None
        try:
            node = single(self._parse(match.group(1), start).children[0])
            items = node.children if is_tree(node, "run") else [node]
            if len(items) != 2 or not all(is_tree(i, "script") for i in items):
                return None
            name, bracket = self.piece(items[0]), self.piece(items[1])
        except (InputError, naming.NameError_):
            return None
        if not isinstance(name, NamePiece) or name.power is not None or \
                not isinstance(bracket, BracketPiece) or bracket.power is not None:
            return None
        found = self.declared(name.key)
        info = found[1].info if found is not None else None
        if found is None or found[1].kind is not Kind.DISTRIBUTION or not \
                isinstance(info, DistributionInfo) or info.formula is not None or \
                info.family is not None or info.expression is not None or info.law is not None:
            return None
        try:
            written = [naming.flat_text(arg) for arg in bracket.args]
        except naming.NameError_:
            return None
        variables = [v.latex for v in info.over + info.given]
        return name.key if sorted(written) == sorted(variables) else None

    def _shifted_family(self, side):
        """The family `a_{\\cdot}` a refused head at an expression index (`a_{n+1} = 2n`)
        would have defined, when the file has not declared it: the row withdraws it. A
        family a directive above defines (`define \\bar\\alpha_t = \\alpha_t \\bar\\alpha_{t-1}`,
        then a refused `\\bar\\alpha_{t+1} = …`) is no such head: that row was a claim about a
        member, and later rows keep the definition's own message, not "its definition at
        that row could not be read"."""
        node = single(side)
        try:
            piece = self.piece(node) if is_tree(node, "script") else None
        except InputError:
            return None
        if not isinstance(piece, NamePiece) or piece.sub is None or \
                not _expression_index(piece.sub):
            return None
        key = piece.base + "_{\\cdot}"
        found = self.scope.lookup(key)
        defined = found is not None and found[1].kind is Kind.DEFINITION or \
            key in self.scope.recurrences or key in self.scope.at_file_index
        return key if self.declared(key) is None and not defined else None

    def _mentioned(self, key, node):
        """Whether the name `key` occurs in the side `node` (as written)."""
        try:
            return _mentions(naming.flat_text(node), key)
        except naming.NameError_:
            return False

    def _label(self, key, bracket):
        """The canonical text of a name with its bracket: `\\mathcal{L}'(G|D^{\\star})`."""
        texts = []
        try:
            for k, arg in enumerate(bracket.args):
                if k:
                    sep = bracket.seps[k - 1]
                    texts.append("|" if sep in BARS else _separators([sep])[0])
                texts.append(self.listed_in_label(bracket.args, bracket.seps, k)
                             if self._dots(arg) else naming.flat_text(arg))
        except naming.NameError_ as exc:
            raise self.error(exc.message, exc.node) from None
        return f"{key}({''.join(texts)})"

    def _parameters(self, bracket, directive):
        """Fresh parameter names when every argument is a plain letter, undeclared or a
        number or variable unless this is a `define` directive. A directive's head may part
        its letters with `;` or a bar (`define f(x; p) = …`, `define p(y|\theta) = …`):
        they are all parameters, applied in order."""
        if any(sep != "," and not (directive and (sep == ";" or sep in BARS))
               for sep in bracket.seps):
            return None
        keys = []
        for arg in bracket.args:
            node = single(arg)
            if not is_tree(node, "script"):
                return None
            piece = self.piece(node)
            if not isinstance(piece, NamePiece) or piece.sub is not None or piece.power is not None \
                    or piece.primes or not directive and not self._may_be_parameter(piece.key):
                return None
            keys.append(piece.key)
        if len(set(keys)) != len(keys):
            return None
        return tuple(Name(k, local=LOCAL_ANY) for k in keys)

    def _may_be_parameter(self, key):
        """Whether a letter in a chain's head `f(x) = …` is a parameter of f: undeclared, or
        declared a number (`real x`, then `\\sigma(x) = …` defines the function σ, as
        `% derive: define` would) or a variable (`\\Gamma(x) = \\int_0^\\infty t^{x-1}
        e^{-t} dt` with `variable x` defines Γ: `\\Gamma(2)` substitutes, and `\\Gamma`
        alone or `\\Gamma(x)` is Γ at x where it stands, as the quantity was) — not a
        density, a function or a definition, nor a random variable (`random \\hat\\theta
        with density p over u`, the capital `X` of a declared x): `\\operatorname{Bias}(\\hat
        \\theta) = E[\\hat\\theta] - \\theta` is a quantity of that random variable, which a
        number parameter would make E[u] = u. Nor a parameter of a declared law
        (`law_parameter`: p of `density f = \\mathrm{Bernoulli}(p) over x`): the law in the
        body is at the file's p, so `I_X(p) = E_p[…]`, `L(p) = f(1)` name the quantity at
        that p (a label, as `\\mathcal{L}(q, \\theta)` is) — a function of a fresh p would
        make `L(\\tfrac12)` the law's value at the file's p."""
        if key in self.scope.random_spellings or self.capital_variable(key) is not None or \
                self.law_parameter(key):
            return False
        found = self.declared(key)
        return found is None or found[1].kind in (Kind.SYMBOL, Kind.VARIABLE) or \
            self._defined_number(key) is not None

    def _defined_number(self, key):
        """The Name of a plain number a row or directive defined above (`h = \\lambda(b - a)`:
        a definition without parameters, no quantity's head), or None. As a head's argument
        (`L(h) = -hp + \\ln(1 - p + pe^h)`) it is a parameter, as in the mathematics: `L(0)`,
        `L'(0)`, `L''(h)` apply the function, `L(h)` is it at the defined h (`_shadowed`
        refuses a body that reaches h's definition otherwise than by the letter)."""
        found = self.scope.lookup(key)
        if found is None or found[1].kind is not Kind.DEFINITION or \
                not isinstance(found[1].info, DefinitionInfo) or found[1].info.params or \
                found[0] in self.scope.heads.values():
            return None
        return found[0]

    def _shadowed(self, head, term, node):
        """Refuse a function's body that uses the definition its parameter's letter names
        otherwise than by that letter (`h = 2a, p = h + 1, L(h) = h p`: does p move with
        L's argument?) — read either way, L'(h) would differ."""
        for name in head.shadows:
            if any(isinstance(t, Defined) and t.name is name for t in subterms(term)):
                raise self.error(f"{head.key}({', '.join(q.latex for q in head.params)}) = … "
                                 f"defines {head.key} as a function of {name.latex}, but its "
                                 f"body also uses {name.latex}'s definition through another "
                                 f"name defined with it: derive cannot tell whether that "
                                 f"name moves with {head.key}'s argument — write the body "
                                 f"with {name.latex} alone, or with a fresh letter", node)

    # ================================================================== terms
    def term(self, node):
        """The term for an expression node."""
        if isinstance(node, Token):
            return self.product([self.piece(node)])
        kind = node.data
        if kind == "sum":
            return self._sum(node.children)
        if kind == "signed":
            sign, inner = node.children
            value = self.term(inner)
            return neg(value) if sign.value == "-" else value
        if kind == "run":
            self._numbers_apart(node.children)
            written = self.written_out_product(node.children)   # x_1 \cdots x_n
            if written is not None:
                return written
            items = self.matrix_run(node.children) or node.children     # μ^T Σ^{-1} μ
            self.mark_vector_operands(items)                            # a \times b in bold
            return self.product([self.piece(c) for c in items])
        if kind in ("group", "sgroup", "subitems"):
            if len(node.children) != 1:
                raise self.error("expected a single expression here", node)
            return self.term(node.children[0])
        if kind == "limop":
            return self.limit_or_optimum(node)
        return self.product([self.piece(node)])

    def _numbers_apart(self, items):
        """Two numbers side by side (`2 3`, `0.5 5`, `2{3}`, `1\\,000`) are refused: TeX
        ignores the space and prints one number (23, 0.55, 1 000), so neither a product nor
        a number is clearly meant."""
        for a, b in zip(items, items[1:]):
            if _digit_edge(a, last=True) and _digit_edge(b, last=False):
                raise self.error("two numbers side by side: TeX prints them as one number "
                                 "— write 2 \\cdot 3 for a product, or the number as one",
                                 b)

    def _sum(self, children):
        signed = [(None, children[0])] + list(zip(children[1::2], children[2::2]))
        terms, k, indices, going_on = [], 0, set(), None
        start = len(self.run_binders)
        try:
            while k < len(signed):
                sign, child = signed[k]
                ended = set(self.run_binders[start:])
                spanning = self.written_out(signed, k) or self.spanning_integral(signed, k) or \
                    self.spanning_bar(signed, k) or self.negated_summand(signed, k)
                if spanning is not None:
                    value, k = spanning
                else:
                    self.unambiguous_bar(child, terms)
                    value, k = self.term(child), k + 1
                signed_value = neg(value) if sign is not None and sign.value == "-" else value
                going_on = self._sum_going_on(terms, signed_value, going_on, child, ended)
                if going_on is not None:
                    self._bound_outside_its_run(ended, terms[-1], child)
                    continue
                self._index_outside_its_sum(indices, value, child)
                self._bound_outside_its_run(ended, value, child)
                indices |= _written_sum_indices(value)
                terms.append(signed_value)
        finally:
            del self.run_binders[start:]       # a bracketed sum ends what it holds
        return terms[0] if len(terms) == 1 else Add(*terms)

    def _bound_outside_its_run(self, ended, value, node):
        """`\\sum_x p(x) \\log p(x) - p(x) \\log q(x)`, `\\mathbb{E}_{x \\sim p} \\log p(x) - \\log
        q(x)`, `\\int_x f(x) - g(x)`, `\\lim_{n \\to \\infty} \\frac1n - \\frac1{n^2}`: the operator
        took its run, which ends at the sign, so the letter it bound would be free in this
        term — but the author wrote that letter here and most likely meant the operator to
        go on (the integer-index case is `_index_outside_its_sum`). Ambiguous: refused.
        `ended`: the letters bound by such operators in the terms before this one."""
        if not ended:
            return
        used = {t.name for t in subterms(value) if isinstance(t, Sym)}
        free = sorted({n.latex for n in free_names(value) if n in used} & ended)
        if free:
            letter = free[0]
            raise self.error(f"{letter} is bound by an operator before this term (a sum, an "
                             f"expectation without brackets, an integral without a "
                             f"differential, a limit), which ends there: {letter} would be "
                             f"free here — bracket what the operator runs over "
                             f"(\\left( … - … \\right) after it), or end the integral "
                             f"with its differential", node)

    def _sum_going_on(self, terms, value, going_on, node, ended=frozenset()):
        """`\\sum_{i=1}^n y_i \\log(\\pi_i) + (1 - y_i) \\log(1 - \\pi_i)` (d2l): the term after
        a sum uses the sum's index, which the author declared nowhere — it means nothing
        outside the sum, so the sum goes on over the term (Σ_i (a_i + b_i)), as authors
        mean. Only right after an unsigned sum written in the row (terms[-1]), and on over
        every further term while each uses the index; a later term not using it (Σ_i a_i
        + b_i + c: is c summed?) is refused. The same for a sum over a declared variable
        (`\\sum_x p(x) \\log p(x) - p(x) \\log q(x)`) and for an expectation without
        brackets over one (`\\mathbb{E}_{x \\sim p} \\log p(x) - \\log q(x)`), whose letter
        after the run would otherwise be refused (`_bound_outside_its_run`; `ended`: the
        letters of operators that took their run). `going_on`: the index's name when the
        sum before already went on, else None. Returns that name when the term joined the
        sum (terms[-1] is then the longer sum), else None (the term is read as before)."""
        last = terms[-1] if terms else None
        over_variable = isinstance(last, (Sum, Expect)) and last.var.local is not LOCAL_INDEX \
            and self.declared(last.var.latex) is not None and \
            self.declared(last.var.latex)[1].kind is Kind.VARIABLE and \
            last.var.latex in ended           # it took its run: no bracket closed it
        if isinstance(last, (Sum, Expect)) and isinstance(last.body, (Sum, Expect)):
            over_variable = False         # `\\sum_{x,y}`: which of its sums would go on?
        if not (isinstance(last, Sum) and last.var.local is LOCAL_INDEX and
                not isinstance(last.body, (Sum, Expect)) or over_variable):
            if going_on is not None:
                raise self.error(going_on_message(going_on.latex, last), node)
            return None
        var = last.var
        outer = [n for n in free_values(value) if n.latex == var.latex and n is not var]
        if not outer or self.declared(var.latex) is not None and not over_variable:
            if going_on is not None:
                raise self.error(going_on_message(var.latex, last), node)
            return None
        if getattr(self, "summed_away", None) is not None:
            self.summed_away.setdefault(outer[0], node)
        inside = substitute(value, {outer[0]: Sym(var)}, self.scope.allowance)
        terms[-1] = Expect(var, last.dist, Add(last.body, inside)) if isinstance(last, Expect) \
            else Sum(var, Add(last.body, inside), last.lower, last.upper)
        return var

    def _index_outside_its_sum(self, indices, value, node):
        """`\\sum_{i=1}^n y_i \\log p_i + (1 - y_i) \\log(1 - p_i)`: a sum takes its run, so
        the second term's i would be free — but the author wrote the sum's index there, and
        most likely meant the sum to go on. Ambiguous: refused, never read with a free i.
        Only a letter written as a value counts: a mass function over a declared k names k
        as what it ranges over (`p(k|x)` keeps the declared k in its distribution), so
        `[-\\sum_k \\log p(k|x)]` after a sum over k mentions no free k.
        `indices`: the indices of the sums in the terms before this one."""
        used = {t.name for t in subterms(value) if isinstance(t, Sym)}
        free = {n.latex for n in free_names(value) if n in used} & indices
        if free:
            index = sorted(free)[0]
            raise self.error(f"{index} is the index of a sum before this term, which ends "
                             f"there (\\sum_i a_i + b_i is (Σ_i a_i) + b_i): bracket what the "
                             f"sum runs over, \\sum_{{{index}}} \\left( … + … \\right)", node)

    # ================================================================== pieces
    def piece(self, item):
        """One item of a run as a typed piece (`pieces`)."""
        if is_token(item, "MULOP"):
            return OpPiece("/" if item.value == "/" else "*", item)
        if isinstance(item, Token):
            return self._script(item, [], item)
        kind = item.data
        if kind == "func":
            return self._func_piece(SPELLINGS[item.children[0].value], item.children[1:], item)
        if kind == "big":
            sub, sup, primes = self._tails(item.children[1:], item)
            sub, sup = (None if is_tree(single(s), "empty") else s for s in (sub, sup))
            return BigPiece(item.children[0].value[1:], sub, sup, item)   # `^{}`: unwritten
        if kind == "nabla":
            if len(item.children) < 3:
                return DerivPiece([], item)         # bare ∇: by the file's one parameter
            return DerivPiece([item.children[2]], item)
        if kind == "evalbar":
            return BarPiece(item.children[2], item)
        if kind == "inner_limop":
            children = [c for c in item.children if not is_token(c, "SUB")]
            argument = is_token(children[0], "ARG")
            children = children[1:] if argument else children
            return LimitPiece(item, children[0].value, argument,
                              children[1] if len(children) > 1 else None)
        if kind == "leftbar":
            return LeftBarPiece(item)
        if kind == "read":                  # a part already read (`_braced_objective`)
            return ValuePiece(item.children[0], item)
        if kind == "matrix_form":           # a^T b beside an integral: read in its scope
            return LazyPiece(item, None, item)
        if kind == "script":
            return self._script(item.children[0], item.children[1:], item)
        return self._script(item, [], item)

    def _func_piece(self, fname, tail_nodes, item):
        """An elementary function word with its tails: a base (log only) and a power."""
        sub, sup, primes = self._tails(tail_nodes, item)
        if primes:
            raise self.error("a prime on a function word is not read; write the derivative", item)
        if sub is not None and fname != "log":
            raise self.error("only \\log takes a base", item)
        if sup is not None and _negative(sup):
            raise self.error("\\sin^{-1} and the like are ambiguous: write \\arcsin, or "
                             "1/\\sin", item)
        if sup is not None and re.fullmatch(r"\{?\s*\(.*\)\s*\}?",
                                            self.source_text(sup).strip()):
            raise self.error(f"\\{fname}^{{(k)}} is ambiguous (the k-th derivative, the "
                             f"iterated function, or a power?): write the derivative "
                             f"(\\frac{{d^k}}{{dx^k}}), \\{fname}(\\{fname} a), or "
                             f"(\\{fname} a)^k", item)
        return FuncPiece(fname, sub, sup, item)

    def _factorial(self, primary, tail_nodes, node):
        """`n!`, `x!`, `(x-1)!`: the factorial of what the sign follows (its scripts
        included: `n_1!`), a whole number ≥ 0 where it is defined. Read lazily, as a
        group is: `\\sum_{k=1}^{3} k \\cdot k!` reads the k of `k!` inside the sum's binding
        (read when the piece was made, it was a free k beside the bound one)."""
        if any(is_tree(t, "factorial") for t in tail_nodes):
            raise self.error("a repeated factorial sign (n!!) is not read", node)
        inner = Tree("script", [primary, *tail_nodes], node.meta) if tail_nodes else primary
        return LazyPiece(Tree("factorial_of", [inner], node.meta), None, node)

    def _tails(self, children, node):
        try:
            return tails(children)
        except ValueError as exc:
            raise self.error(f"{exc} here is not read", node) from None

    def _script(self, primary, tail_nodes, node):
        if tail_nodes and is_tree(tail_nodes[-1], "factorial"):
            return self._factorial(primary, tail_nodes[:-1], node)
        word = naming.elementary_word(primary)
        if word is not None:            # \mathrm{exp}, \text{log}, \operatorname{ln}: as printed
            return self._func_piece(word, tail_nodes, node)
        if is_tree(primary, "group"):
            self.refuse_braced_word(primary)
            self.refuse_braced_word_letters(primary)    # `{NL}L` of `define NLL`: words.py
        if is_tree(primary, "group") and is_tree(single(primary), "func"):
            # `{\\log} x`, `{\\log}^2 x`: TeX drops the braces around a function word
            inner = single(primary)
            return self.piece(Tree("func", inner.children + list(tail_nodes), node.meta))
        if is_tree(primary, "group") and not tail_nodes and is_tree(single(primary), "script"):
            inner = self.piece(single(primary))
            if isinstance(inner, NamePiece):    # `{q}(x)`, `{p_{G}}(x)`: TeX drops the braces
                return inner
        sub, sup, primes = self._tails(tail_nodes, node)
        if is_token(primary, "COMMAND") and primary.value == r"\partial" and sub is not None:
            if sup is not None or primes:
                raise self.error("\\partial_j takes no power or prime here: write "
                                 "\\frac{\\partial^2}{\\partial z_j^2}", node)
            return DerivPiece([sub], node, index=True)
        if is_token(primary, "COMMAND") and primary.value in LIMIT_WORDS:
            if sup is not None or primes:     # after `+`: the grammar's LIMOP comes lexed
                raise self.error(f"{primary.value} takes a subscript only", node)  # as a command
            return LimitPiece(node, primary.value, False, sub)
        try:
            base = naming.name_text(primary)
        except naming.NameError_ as exc:
            raise self.error(exc.message, exc.node) from None
        font = indicator_font(primary)
        if font is not None and not primes and not self.declaring and \
                self.scope.lookup(naming.name_text(primary)) is None and \
                (font == "mathbb" or equation_of(sub) is not None):
            return IndicatorPiece(sub, sup, node)       # \mathbb{1}[j = k]: indicators.py
        if not primes and not self.declaring and \
                scripted_indicator(primary, sub, sup, self.scope.lookup):
            return IndicatorPiece(sub, sup, node)       # 1_{Z \ge t}, I_{\{X > 0\}}
        if event_subscript(sub) and not self.declaring and base is not None:
            # a name's subscript (`p_{Z>t}`); a bracket's is an evaluation bar's ends
            raise self.error("a subscript holding an inequality is read only as the event of "
                             "an indicator (\\mathbb{1}_{\\{Z \\ge t\\}}, 1_{Z \\ge t}, "
                             "I_{\\{Z \\ge t\\}}, \\chi_{\\{Z \\ge t\\}}); here it is not",
                             node)
        if base is not None and base.replace(".", "", 1).isdigit():
            if sub is not None or primes:          # \mathbf{0} is the number 0 (a zero vector)
                raise self.error("a number with a subscript or a prime is not read", node)
            return LazyPiece(Token("NUMBER", base), sup, node)
        if base is not None:
            kind = self.expect_kind(base, sub, is_tree(primary, "font") and
                                    primary.children[0].value[1:] in UPRIGHT_FONTS)
            if kind is not None:
                if primes:
                    raise self.error("a prime on an expectation is not read", node)
                return ExpectPiece(self.law_superscript(kind, sub, sup, node), node, kind)
            if sub is not None and _has_sim(sub):
                raise self.error(f"derive does not read {base} with a '\\sim' subscript yet: "
                                 "it reads \\mathbb{E}_{x \\sim p}", node)
            if sub is not None:
                self._one_character(sub, base + "_")
                if is_tree(sub, "sgroup") and is_tree(sub.children[0], "empty"):
                    raise self.error("an empty subscript is not read", sub)
            try:
                decoration = naming.decoration(sup) if sup is not None else None
                labelled = naming.label_and_power(sup) if sup is not None and \
                    decoration is None and base != "e" else None
                if labelled is not None:                # \sigma^{(i)2}: (σ^{(i)})²
                    decoration = labelled[0]
                if base == r"\chi" and _the_digit_two(sup) and self.declared(r"\chi") is None:
                    decoration = "^{2}"             # χ² (or χ^{2}) is a name (χ undeclared)
                if base == "e" and decoration and decoration.startswith("^{(") and \
                        self.declared("e") is None:
                    decoration = None               # e^{(t)}: a power of Euler's number
                key = base + ("_{%s}" % naming.flat_text(sub) if sub is not None else "")
                alias_of_bare = sub is not None and decoration is not None and \
                    decoration.startswith("^{(") and self._labelled_alias(base, decoration)
                if alias_of_bare:               # \sigma_j^{(i)} after same \sigma, \sigma^{(i)}
                    decoration = None
            except naming.NameError_ as exc:
                raise self.error(exc.message, exc.node) from None
            power = labelled[1] if labelled is not None else sup if decoration is None and \
                not alias_of_bare else None
            scripted = _superscript_key(power) if sub is not None else None
            if scripted is not None and self._known_scripted(key + scripted):
                key, power = key + scripted, None                   # Z_\theta^h defined
            key += (decoration or "") + "'" * primes
            if base.startswith(r"\mathbb{") and base != r"\mathbb{E}" and \
                    not (base == r"\mathbb{P}" and sub is None) and not self.declaring and \
                    self.scope.lookup(base) is None and self.scope.lookup(key) is None and \
                    not registry.spelled(key):              # \mathbb{KL}, \mathbb{D}_{KL}
                raise self.error(naming.unknown_command(base) + "; declare it to use it "
                                 "as a name", node)
            self._check_word(primary, base, key)
            if power is not None:
                self._check_power_token(power)
            # `f^{\prime}` is `f'`: its primes are those its key ends with, however written
            return NamePiece(key, base, sub, power, len(key) - len(key.rstrip("'")), node)
        if sub is not None and sup is not None and is_tree(primary, "bracketed") and \
                primary.children[0].value in ("[", r"\lbrack"):
            return LazyPiece(Tree("evalbracket", [primary, sub, sup], node.meta), None, node)
        if sub is not None and not primes and is_tree(primary, "bracketed") and \
                primary.children[0].value == "(":         # (f(x + c))_i: vector_functions.py
            if sup is not None:
                self._check_power_token(sup)
            return LazyPiece(Tree("component", [primary, sub], node.meta), sup, node)
        if sub is not None:
            raise self.error("a subscript needs a name before it", node)
        if primes:
            return self._primed_group(primary, sub, sup, primes, node)
        if sup is not None:
            self._check_power_token(sup)
        if is_tree(primary, "bracketed"):
            opening, args_tree, closing = primary.children
            args, seps = [], []
            for child in args_tree.children:
                (seps.append(child.value) if is_token(child, "SEP") else args.append(child))
            return BracketPiece(opening.value, closing.value, args, seps, sup, node)
        if is_tree(primary, "frac"):
            derivative = self._derivative_fraction(primary)
            if derivative is not None:
                if sup is not None:
                    raise self.error("a power of a derivative operator is not read", node)
                return derivative
        return LazyPiece(primary, sup, node)

    def _labelled_alias(self, base, label):
        """Whether `same base, base^{(i)}` made the labelled spelling the bare name: then a
        component `base_j^{(i)}` is the component `base_j` of that one name."""
        bare = self.scope.names.get(base)
        return bare is not None and self.scope.names.get(base + label) is bare

    def _derivative_head_variable(self, side):
        """The letter v when a row's first side is a derivative at it, `f'(v)`, `f''(v)`
        (a primed name applied to one bare letter), else None."""
        node = single(side)
        items = node.children if is_tree(node, "run") else ()
        if len(items) != 2 or not is_tree(items[1], "script") or len(items[1].children) != 1:
            return None
        try:
            name, bracket = self.piece(items[0]), self.piece(items[1])
        except InputError:
            return None
        if not isinstance(name, NamePiece) or not name.primes or \
                not isinstance(bracket, BracketPiece) or bracket.open != "(" or \
                len(bracket.args) != 1 or bracket.power is not None:
            return None
        letter = _bare(bracket.args[0])
        return letter if is_token(letter, "LETTER", "COMMAND") else None

    def _primed_group(self, primary, sub, sup, primes, node):
        """`(f^*)'` and `{f^*}'`: a name in brackets or braces, primed — the name with those
        primes (the derivative of a defined f^*; in braces, which TeX does not print, any
        name). `(e^\\theta \\mu)'` in a row whose first side is a derivative at a letter,
        `M'(\\theta) = …` (Lagrange's notation, a Poisson MGF's derivatives): the derivative
        of the bracket by that letter — so is a bracket around a name that is no function
        (`(t)'`, `(u)'`: never the primed name t', which the brackets print apart). Any other
        primed expression is refused."""
        inner = None
        if is_tree(primary, "group"):
            inner = single(primary.children[0])
        elif is_tree(primary, "bracketed") and primary.children[0].value == "(" and \
                len(primary.children[1].children) == 1:
            inner = single(primary.children[1].children[0])
        name = self._script(inner.children[0], inner.children[1:], inner) \
            if is_tree(inner, "script") else self._script(inner, [], inner) \
            if is_token(inner, "LETTER", "COMMAND") else None
        bracket = is_tree(primary, "bracketed") and primary.children[0].value in ("(", "[") \
            and not (isinstance(name, NamePiece) and name.power is None and
                     self._derivative_of(NamePiece(name.key + "'" * primes, name.base, name.sub,
                                                   None, name.primes + primes, node)) is not None)
        if bracket and (sub is not None or sup is not None):
            raise self.error("a script after a primed bracket, (…)'^2, is not read: bracket "
                             "the derivative, ((…)')^2", node)
        if bracket and self.prime_variable is not None:
            return LazyPiece(Tree("primed_of", [primary, self.prime_variable,
                                                Token("NUMBER", str(primes))], node.meta),
                             None, node)
        if bracket:
            raise self.error("a prime on a bracket, (…)', is a derivative by a variable this "
                             "row does not name: derive reads it only in a row whose first "
                             "side is a derivative at a letter (f'(v) = … (…)', by v) — write "
                             "\\frac{d}{dv}(…)", node)
        if not isinstance(name, NamePiece) or name.power is not None or sub is not None or \
                sup is not None:
            raise self.error("a prime needs a name before it (write f'(u), or (f^*)'(t) for "
                             "a defined f^*)", node)
        return NamePiece(name.key + "'" * primes, name.base, name.sub, None,
                         name.primes + primes, node)

    def _check_word(self, primary, base, key=None):
        """An upright word (`\\operatorname{Var}`, `\\mathrm{Tr}`, `\\text{mask}_{ij}`) names an
        operator or a name of the file: it is read only when the registry or the file knows
        it (declared or defined, under its whole key with its indices), never as a product of
        letters or a symbol of its own (a member of its declared family, `\\text{score}_j`
        after `real \\text{score}_i for i = 1..n`, is known). A directive naming a new word declares it
        (`% derive: real \\text{input}_{ij}`) unless the word is derive's own
        (`_derive_word`): then it is refused there, one printed word keeping one meaning. The
        refusal quotes the word as written (`\\text{and all}`, its spaces kept)."""
        if not (is_tree(primary, "font") and len(base) > 1 and not base.isdigit() and
                not base.startswith("\\")) or base == "dom":
            return                  # a letter, a letter command, upright digits: no word
        if self.declaring:
            self._declarable_word(primary, base)
            return
        if self._derive_word(base) is not None or self.scope.lookup(base) is not None or \
                key is not None and key != base and any(self.scope.lookup(k) is not None for
                                                        k in (key, base + "_{\\cdot}")) or \
                self.heading and (self.heading == "directive" or
                                  base not in naming.STANDARD_FUNCTIONS) or \
                any(label.startswith(base + "(") for label in self.scope.heads) or \
                base in MSE_SPELLED and id(primary) in self.applied_words:
            return                  # known, or the head of a definition (ELBO(q) = …)
        raise self.error(naming.unknown_command(self.source_text(primary).strip()), primary)

    def _derive_word(self, base):
        """What an upright word means to derive itself — an operator of the registry
        (`KL`, `Var`), a special function, a probability or expectation, a standard family
        (`Bernoulli`) — or None."""
        if registry.spelled(base) or base in ("E", r"\mathbb{E}") or base in PROBABILITY:
            return "an operator"
        if special.special(base) is not None:
            return "a special function"
        if families.spelled(base) is not None:
            return "a standard family"
        return None

    def _declarable_word(self, primary, base):
        """Refuse a directive declaring an upright word that is derive's own
        (`% derive: real \\mathrm{KL}`: declared, `\\mathrm{KL}(p \\| q)` would be
        a number or the divergence) or a word of remarks (`\\text{for}`, `\\text{if}`:
        words beside a row are set aside, never read as this name). A standard function
        derive does not evaluate (`\\operatorname{sgn}`) may be declared: that is what its
        refusal asks for."""
        own = self._derive_word(base) or (
            "a function" if "\\" + base in SPELLINGS or base in PLAIN_WORDS else
            "a word of remarks" if base.lower() in naming.REMARK_WORDS else None)
        if own is not None:
            raise self.error(
                f"`{self.source_text(primary).strip()}` is {own} to derive: it cannot be "
                "declared a name of the file (one printed word means one thing) — "
                "choose another word", primary)

    def _check_power_token(self, sup):
        self._one_character(sup, "x^")
        self._not_transpose(sup)

    def _not_a_tag(self, sup, base):
        """`\\mathcal{L}_k^{IWAE}`, `\\theta^{MLE}`: a name's superscript of capitals, one of
        them a letter the file neither declares nor binds, is a name tag — never the power of
        the product I·W·A·E of fresh complex numbers. Refused where the power is read (after
        `name_value`'s refusal of a power before brackets, `D^{KL}(p \\| q)`); capitals the
        file declares (`a^{NM}` of declared N, M) stay a product, as letters side by side are."""
        written = self.source_text(sup)
        if naming.CAPITALS_TAG.fullmatch(written.strip()) is None:
            return
        letters = [c for c in written if c.isupper()]
        if all(self.declared(c) is not None or self.bound_name(c) is not None for c in letters):
            return
        word = "".join(letters)
        raise self.error(f"^{{{word}}}: a superscript of capitals is a name tag here ({word}, "
                         f"not the product {' · '.join(letters)} of undeclared letters), which "
                         f"derive does not read as a superscript — write the tag as a subscript "
                         f"of a name of its own ({base}_{{{word}}}), or declare the "
                         f"letters if they are numbers", sup)

    def _not_an_index_power(self, p):
        """`\\mathcal{L}_{IWAE}^{k}` with k neither declared nor bound: the tagged quantity
        at the index k (as `\\mathcal{L}_{IWAE,k}`, `_tag_beside_index`), or its power to a
        fresh complex number? Refused; a declared exponent (`natural k`) is a power."""
        if p.sub is None or not naming.is_tag(self.source_text(p.sub)):
            return
        letter = re.fullmatch(r"\{?\s*([A-Za-z])\s*\}?", self.source_text(p.power).strip())
        if letter is None or self.declared(letter.group(1)) is not None or \
                self.bound_name(letter.group(1)) is not None:
            return
        raise self.error(f"{self.source_text(p.node).strip()}: {p.key} at the index "
                         f"{letter.group(1)} (a name tag beside an index) or its power to an "
                         f"undeclared {letter.group(1)}? — declare {letter.group(1)} for the "
                         f"power, or define the indexed quantity itself (define {p.base}_k = …)",
                         p.node)

    def _not_transpose(self, sup):
        """`x^T`, `w^{\\mathrm{T}}`, `\\theta^{\\mathsf{T}}` is the transpose in every ML text:
        the exponent's node is remembered, and if T resolves there to no declared or bound
        number, `_undeclared_symbol` refuses it — never a power with an undeclared T."""
        inner = single(sup)
        letter = unscripted(inner)
        try:
            text = naming.name_text(letter) if is_token(letter, "LETTER") or \
                is_tree(letter, "font") else None
        except naming.NameError_:
            return
        if text == "T":
            self._transposes[id(inner)] = inner

    def _one_character(self, node, written):
        """An unbraced argument is one character in TeX: `x^22` is x²·2, `a_12` is a₁·2,
        `\\frac a22` is (a/2)·2, `\\sqrt22` is √2·2. Refused, with the braces to write."""
        if is_token(node, "NUMBER") and len(node.value) > 1:
            raise self.error(f"{written}{node.value} means {written}{node.value[0]} followed "
                             f"by {node.value[1:]} in TeX; write braces: "
                             f"{written}{{{node.value}}}", node)

    def value(self, node):
        """A primary that is not a name: a number, group, fraction, root, binomial."""
        if is_token(node, "NUMBER"):
            digits = node.value.replace(".", "")
            if len(digits) > MAX_NUMBER_DIGITS:
                raise self.error(f"a number of {len(digits)} digits is longer than derive reads "
                                 f"(at most {MAX_NUMBER_DIGITS})", node)
            return Num(Fraction(node.value))
        if is_token(node, "PERCENT"):           # 26\% is 26/100
            return Num(Fraction(node.value.rstrip("%\\ \t\n")) / 100)
        kind = node.data if isinstance(node, Tree) else None
        if kind == "group":
            return self.term(node.children[0])
        if kind == "matrix_form":
            return self.deferred_transpose(node)
        if kind == "frac":
            _, num, den = node.children
            for arg in (num, den):
                self._one_character(arg, "\\frac ")
            return div(self.term(num), self.term(den))
        if kind == "frac_digits":
            digits = [c for c in node.children[0].value if c.isdigit()]
            return div(Num(int(digits[0])), Num(int(digits[1])))
        if kind == "binom":
            _, n, k = node.children
            return Fn("binom", self.term(n), self.term(k))
        if kind == "absolute":
            determinant = self.bars_determinant(node.children[1])       # |\Sigma|
            if determinant is not None:
                return determinant
            inner = naming.flat_text(single(node.children[1])) if \
                _is_calligraphic(node.children[1]) else self._declared_set(node.children[1])
            if inner is not None and not self._a_number(inner):   # |𝒳|, a set's size
                finite = self._finite_set_name(node.children[1], inner, bars=True)
                return Sym(self.scope.table[finite].info.size)
            return Fn("abs", self.term(node.children[1]))
        if kind == "cardinality":
            key = "\\mathcal{%s}" % "".join(node.children[0].value.split())[len("|\\mathcal{"):-2]
            if self._a_number(key):
                return Fn("abs", self.name_value(NamePiece(key, key, None, None, 0, node), None)[0])
            finite = self._finite_set_name(node, key, bars=True)
            return Sym(self.scope.table[finite].info.size)
        if kind == "sqrt":
            children = node.children[1:]
            self._one_character(children[-1], "\\sqrt")
            if len(children) == 1:
                return Pow(self.term(children[0]), Num(Fraction(1, 2)))
            _, index, _, body = children
            n = self.term(index)
            if not (isinstance(n, Num) and n.value.denominator == 1 and n.value >= 2):
                raise self.error("derive reads \\sqrt[n]{…} for a whole number n ≥ 2 (the "
                                 "real root for an odd n, the principal one for an even n); "
                                 "write the power u^{1/n} for the principal root", index)
            if n.value % 2 == 1:            # an odd root: the real root of a real number
                return Fn("root", self.term(body), n)
            return Pow(self.term(body), div(Num(1), n))
        if kind == "accent" or kind == "font":
            return self.product([self._script(node, [], node)])
        if kind == "reciprocal_of":             # the 1/g of \frac{dx}{g} in an integral
            return div(Num(1), self.term(node.children[0]))
        if kind == "factorial_of":
            return Fn("factorial", self.term(node.children[0]))
        if kind == "primed_of":                 # (…)' in a row about f'(v): d/dv (…)
            bracketed, letter, order = node.children
            value, var = self.product([self.piece(bracketed)]), self._variable_name(letter)
            for _ in range(int(order.value)):
                value = Deriv(value, var)
            return value
        if kind == "evalbracket":
            return self.evaluation_bracket(*node.children, node)
        if kind == "component":
            return self.component(*node.children, node)
        if kind == "setbuilder":
            raise self.error("derive reads a set {x : g(x) > c} only as an integral's domain "
                             "(\\int_{\\{x \\in \\mathcal{X} : g(x) > c\\}} f(x) \\, dx)", node)
        raise self.error("this is not an expression derive can read", node)

    def evaluation_bracket(self, bracketed, sub, sup, node):
        """`\\left[ F \\right]_a^b` and `[F]_{x=a}^{x=b}`: F(b) − F(a), in the variable the
        limits name, or else the one declared variable F mentions. An end at ±∞ is the
        limit there: `[F]_0^{+\\infty}` is lim_{x→∞} F − F(0)."""
        _, args_tree, _ = bracketed.children
        if len(args_tree.children) != 1:
            raise self.error("an evaluation bracket holds one expression", bracketed)
        value = self.term(args_tree.children[0])
        ends, keys = [], []
        for limit in (sub, sup):
            spec = single(limit)
            if is_tree(spec, "equation"):
                if spec.children[1].value != "=":
                    raise self.error("an evaluation bracket's ends read x = a", spec.children[1])
                keys.append(self._index_key(spec.children[0]))
                spec = spec.children[2]
            ends.append(self.term(spec))
        if keys and (len(keys) != 2 or keys[0] != keys[1]):
            raise self.error("name the variable at both ends: [F]_{x=a}^{x=b}", node)
        if keys:
            var = self._variable_name(Token("LETTER", keys[0])) if len(keys[0]) == 1 else \
                self.scope.lookup(keys[0])[0]
        else:
            candidates = [n for n in free_names(value)
                          if self.scope.table.get(n) is not None and
                          self.scope.table[n].kind is Kind.VARIABLE]
            if len(candidates) != 1:
                raise self.error("say which variable the bracket is evaluated in: "
                                 "[F]_{x=a}^{x=b}", node)
            (var,) = candidates
        low, high = (self._bracket_end(value, var, end) for end in ends)
        return Add(high, neg(low))

    def _bracket_end(self, value, var, end):
        """F at one end of an evaluation bracket: F(a), or its limit at ±∞."""
        if end is not OO and end is not neg(OO):
            return At(value, var, end)
        bound = self.fresh(var.latex, declaration=Declaration(Kind.VARIABLE, Domain.REAL))
        return Limit(substitute(value, {var: Sym(bound)}), bound, end,
                     "-" if end is OO else "+")

    # ================================================================== derivatives
    def _derivative_fraction(self, frac):
        """`\\frac{d}{dx}` (an operator), `\\frac{d f}{dx}` (a value), `\\frac{\\partial^2}
        {\\partial x^2}`; None for an ordinary fraction. A numerator that starts with `d`
        (not a declared name) or `\\partial` makes a derivative or an error, never a
        fraction with a symbol d in it — except `\\frac{dx}{g}` with no d or ∂ anywhere
        below: a differential over g (`DifferentialFraction`), which only an integral reads.
        A minus before the numerator's ∂ or d (`\\frac{- \\partial \\sum_i y_i \\log p_i}
        {\\partial p_j}`, the differential of the negated expression) is the derivative's
        negation (`DerivPiece.negated`)."""
        _, num, den = frac.children
        signed = single(num)
        negated = is_tree(signed, "signed") and isinstance(signed.children[0], Token) and \
            signed.children[0].value == "-" and _d_like((_items(signed.children[1]) or [None])[0]) \
            is not None
        num_items = _items(signed.children[1] if negated else num)
        order = _d_like(num_items[0]) if num_items else None
        if order is None or self._is_name("d") and not _is_partial(num_items[0]):
            return None
        if order == 1 and len(num_items) == 2 and not _is_partial(num_items[0]) and \
                not _mentions_d(den):
            if negated:                   # `\frac{-dx}{g}`: no derivative, as before
                return None
            return DifferentialFraction([self.piece(item) for item in num_items], LazyPiece(
                Tree("reciprocal_of", [den], frac.meta), None, frac), frac)
        variables, den_items, k, at = [], _items(den), 0, {}
        while k < len(den_items):
            if _d_like(den_items[k]) != 1 or k + 1 >= len(den_items):
                raise self.error("a derivative's denominator reads d x, or \\partial x, "
                                 "once per variable: \\frac{d^2}{dx^2}", frac)
            if k + 2 < len(den_items) and self._function_at(den_items[k + 1], den_items[k + 2]):
                at[len(variables)] = den_items[k + 1:k + 3]     # `\\partial D(x)`
                variables.append(den_items[k + 1])
                k += 3
                continue
            var, power = _differential_power(den_items[k + 1])
            if power is None:
                raise self.error("the power of a differential is a whole number", var)
            variables += [var] * power
            k += 2
        if order == 1 and len(num_items) == 2 and len(variables) == 1 and k == 2 and \
                not _is_partial(num_items[0]):
            ratio = self.law_ratio(num_items[1], variables[0], frac)    # \frac{dP}{dQ}
            if ratio is not None:
                return ratio
        if order == 1 and k == 2 and len(variables) == 2:   # `\partial \sigma^2`: by σ²
            return DerivPiece(variables[:1], frac, num_items[1:] or None, square=True,
                              negated=negated)
        if len(variables) != order:
            raise self.error(f"this derivative's orders do not match: {order} above, "
                             f"{len(variables)} below", frac)
        return DerivPiece(variables, frac, num_items[1:] or None, at=at or None,
                         negated=negated)

    def _function_at(self, name, bracket):
        """Whether a derivative's denominator writes a declared function at an argument in
        round brackets (`\\partial D(x)`, GAN notes setting the pointwise derivative to
        zero): the derivative by that value (`_by_function_value`)."""
        bracket = one_item(bracket)
        return is_tree(bracket, "bracketed") and bracket.children[0].value == "(" and \
            self._declared_function(name) is not None

    def _is_name(self, key):
        return self.bound_name(key) is not None or self.declared(key) is not None

    def derivative(self, piece, rest):
        """The derivative by the piece's variables of its own body (`\\frac{df}{dx}`) or
        else of the rest of the run."""
        if piece.body is not None:
            rest = self._leibniz_function([self.piece(i) for i in piece.body], piece)
        if not rest:
            raise self.error("this derivative has nothing to differentiate", piece.node)
        value = self.product(rest)
        if not piece.variables:
            return Deriv(value, self._bare_nabla_parameter(value, piece.node))
        for position, var_node in reversed(list(enumerate(piece.variables))):
            written = (piece.at or {}).get(position)
            member = None if written else self._member_variable(var_node)
            if member is None and piece.index:
                member = self._member_at_index(var_node, value)
            if member is not None and piece.square:
                raise self.error("derive reads a derivative by a square only for a symbol "
                                 "declared positive (\\partial \\sigma^2), not by a "
                                 "member's square", var_node)
            if member is not None:
                value = members.by_member(value, member)
                continue
            quantity = None if piece.square else self._defined_quantity(var_node)
            if quantity is not None:
                value = self._by_quantity(value, quantity, var_node)
                continue
            function = None if piece.square else self._declared_function(var_node)
            if function is not None:
                value = self._by_function_value(value, function, var_node, written)
                continue
            name = self._variable_name(var_node)
            self._not_a_vector(name, var_node)
            self._not_a_member(name, value, var_node)
            self._bar_not_beside_own(value, name, var_node, family=False)
            at_point = None if piece.square else \
                self._gradient_at_a_point(value, name, piece, rest)
            if at_point is not None:
                value = at_point
                continue
            self._not_at_another_point(value, name, var_node)
            self.abbreviation_moves(value, name, var_node)
            if piece.body is None and len(rest) > 1:
                self._one_factor_or_the_product(value, name, piece)
            value = self._by_square(value, name, var_node) if piece.square else \
                Deriv(value, name)
        return neg(value) if piece.negated else value

    def _gradient_at_a_point(self, value, name, piece, rest):
        """`\\nabla_z f(w)` — z a declared variable, w free of z, f a declared function
        applied to w alone — as f's gradient at w, `\\left. \\nabla_z f(z) \\right|_{z=w}`,
        when z is plainly the name of f's argument: the rows read before this one wrote f
        applied to z alone (`f(z)`, `argument_letters`), and to no other variable. So is f(w),
        written as the first factor of its own, before factors none of which may move with
        z in that reading (`\\nabla_z f(w) \\cdot \\nabla_\\phi g`): the gradient of f at w
        times the rest — of the first factor or of the whole product, the two agree. A later
        factor that applies a function written at z above (f itself, `\\nabla_z f(w) f(w)`,
        or `g(w)` after `g(z)`), a function or density moving with z, or z itself, makes it
        ambiguous; so does an operand that is one bracket or fraction holding more than
        f(w) (`\\nabla_z [\\frac{f(w)}{f(w)}]`: f(z)/f(z) has gradient 0 at w, not f'(w)/f(w)).
        None otherwise (then `_not_at_another_point` refuses it): `\\frac{d}{dz} f(w)`, a
        value that is more than f applied (`\\nabla_z \\log f(w)`), or f written at no
        variable or at several."""
        first, others = (value.args[0], value.args[1:]) if isinstance(value, Mul) else \
            (value, ())
        if not is_tree(piece.node, "nabla") or not isinstance(first, Call) or \
                len(first.args) != 2 or name in free_names(value) or \
                self.scope.context.kind(name.variable) is not Kind.VARIABLE or \
                self.scope.context.kind(first.function) is not Kind.FUNCTION or \
                self.argument_letters.get(first.function) != {name.variable}:
            return None
        if others and (piece.body is not None or self.product_factors(rest)[0] != first):
            return None
        if any(self._moves_at_argument(t, name) for t in others):
            key = first.function.latex
            raise self.error(f"\\nabla_{{{name.latex}}} {key}(…) before more factors, one of "
                             f"which moves with {name.latex} once {key}'s argument {name.latex} "
                             "is read at the point, is ambiguous (the gradient of the first "
                             "factor alone, times the rest, or of the whole product?): write "
                             f"{key}'(…) times the rest, or \\left. \\nabla_{{{name.latex}}} "
                             f"[…] \\right|_{{{name.latex}=…}}", piece.node)
        at = At(Deriv(Call(first.function, Sym(name)), name), name, first.args[1])
        return Mul(at, *others) if others else at

    def _moves_at_argument(self, term, name):
        """Whether `term` may move with the variable `name` once a function's argument
        written `name` above is read as moving with it: it names the variable, applies a
        function written at it (`argument_letters`), labelled by it or declared to move with
        it, or holds a density moving with it."""
        context = self.scope.context
        for t in subterms(term):
            if isinstance(t, Call) and (
                    name.variable in self.argument_letters.get(t.function, ()) or
                    name in context.moves_with(t.function) or
                    labelled_by(t.function, name.variable)) or \
                    isinstance(t, Dens) and isinstance(t.dist, Dist) and \
                    name in context.moves_with(t.dist.name):
                return True
        return name in free_names(term)

    def _not_a_vector(self, name, node):
        """Refuses a derivative by a declared vector (`variable z in \\mathbb{R}^2`,
        `\\nabla_z`, `\\frac{\\partial}{\\partial z}`): its gradient is a vector, and derive
        has no arithmetic of vectors — read as the derivative by a number, `\\nabla_z f(z)
        = f'(z)` was verified, and a counterexample gave z a number's value. A derivative
        by a component (`\\frac{\\partial}{\\partial z_j}`) is read (`_member_variable`)."""
        if isinstance(self.scope.context.info(name), (vectors.Vector, vectors.VectorVariableInfo)):
            raise self.error(f"a derivative by {name.latex}, a vector (declared in a space of "
                             "vectors): its gradient is a vector, and derive has no "
                             "arithmetic of vectors — differentiate by a component "
                             f"({name.latex}_j)", node)

    def _bare_nabla_parameter(self, value, node):
        """What a bare `\\nabla` (no subscript: `\\nabla \\pi(a|s; \\theta)`, `b(s) \\nabla 1`,
        the policy-gradient texts' gradient) differentiates by: the one parameter the file
        declares a dependence on above (`depends \\pi on \\theta`, a labelled `\\pi_\\theta`),
        where its operand moves with that parameter (θ itself, or a density or function
        depending on it) or is a constant, and names nothing else outside the arguments of
        densities and functions (`\\nabla (x \\pi(a))` could be by x), and no continuous
        declared variable even inside them (`\\nabla \\log p(x)`, the score by x). Refused
        otherwise — no such parameter, two (by which?), or another name beside it."""
        context = self.scope.context
        candidates = sorted(self._declared_parameters(), key=lambda q: q.latex)
        hint = "say what \\nabla differentiates by: \\nabla_\\theta"
        if len(candidates) != 1:
            many = ", ".join(q.latex for q in candidates)
            raise self.error(hint + (f" (the file declares dependences on {many}: by which?)"
                                     if many else ""), node)
        (theta,) = candidates
        free = free_names(value)

        def moves(t):
            return isinstance(t, Dens) and isinstance(t.dist, Dist) and \
                theta in context.moves_with(t.dist.name) or isinstance(t, Call) and \
                (theta in context.moves_with(t.function) or labelled_by(t.function, theta))
        if free and theta not in free and not any(moves(t) for t in subterms(value)):
            raise self.error(f"{hint} (this operand does not move with {theta.latex}, the one "
                             "parameter the file declares a dependence on)", node)
        outside = sorted({t.name.latex for t in subterms(
            value, skip=lambda u: isinstance(u, (Dens, Call))) if isinstance(t, Sym) and
            t.name in free and t.name != theta and not context.domain(t.name).is_integer})
        # a continuous variable inside it could be what ∇ is by — score matching's ∇ log p(x)
        # is by x, calculus' ∇f(x) too — but for the variables a density is conditional on
        # (the policy's state s in ∇π(a|s; θ)); a discrete one cannot be differentiated by
        given = {v for t in subterms(value) if isinstance(t, Dens) and isinstance(t.dist, Dist)
                 for v in getattr(context.info(t.dist.name), "given", ())}
        outside += sorted({n.latex for n in free if n != theta and n not in given and
                           context.kind(n) is Kind.VARIABLE and
                           not getattr(context.info(n), "discrete", False)} - set(outside))
        if outside:
            raise self.error(f"{hint} (by {theta.latex}, the file's one parameter, or by "
                             f"{', '.join(outside)}?)", node)
        return theta

    def _declared_parameters(self):
        """Every number the file declares something to move with: `depends p on \\theta` of
        a density or a function, and a declared real number labelling a declared name
        (`p_\\theta`, which moves with θ as `depends` would say)."""
        context, scope = self.scope.context, self.scope
        found = {q for qs in (*context.parameters.values(),
                              *scope.function_parameters.values()) for q in qs}
        for name, declaration in context.table.items():
            if declaration.kind in (Kind.DISTRIBUTION, Kind.FUNCTION):
                for key in label_letters(name):
                    letter = scope.lookup(key)
                    if letter is not None and letter[1].kind is Kind.SYMBOL and \
                            not letter[1].domain.is_integer:
                        found.add(letter[0])
        return found

    def _not_at_another_point(self, value, name, node):
        """Refuses `\\nabla_z f(g_\\phi(\\epsilon))`: a derivative by a declared variable z
        of a value free of z that applies a function — ML notes' gradient of f evaluated
        at that point, (∇_z f)(w), or literally the derivative of a value that does not
        move with z, 0? Neither is chosen."""
        if name in free_names(value) or \
                self.scope.context.kind(name.variable) is not Kind.VARIABLE:
            return
        applied = next((t for t in reversed(subterms(value)) if isinstance(t, Call) and
                        self.scope.context.kind(t.function) is Kind.FUNCTION and
                        not labelled_by(t.function, name.variable)), None)
        if applied is None:
            return
        key = applied.function.latex
        raise self.error(f"a derivative by {name.latex} of {key} at a point that does not move "
                         f"with {name.latex}: the derivative of {key} at that point, or 0? "
                         f"write {key}'(…), or \\left. \\nabla_{{{name.latex}}} "
                         f"{key}({name.latex}) \\right|_{{{name.latex}=…}}", node)

    def _one_factor_or_the_product(self, value, name, piece):
        """Refuses `\\nabla_\\theta p(z) f_\\theta(z)`: an operator before an applied function
        or density followed by more factors, one of which moves with θ — the derivative of
        the first factor alone, times the rest (an author moving ∇ onto p(z)), or of the
        whole product? The two differ exactly when a later factor moves with θ. So does a
        log of one (`\\nabla_\\theta \\log p_\\theta(x) \\cdot p_\\theta(x)`: the score
        times p, as policy-gradient texts mean, or the derivative of p log p?). A leading
        number, power or other elementary function (`\\frac{d}{dx} x^2 \\sin x`,
        `\\nabla_\\theta \\frac{1}{2} \\theta^2`) keeps the rest-of-the-run reading. A
        function word is an applied function as a declared one is (`\\frac{d}{d\\theta}
        \\sin\\theta \\cdot \\theta`, `e^{\\theta} \\theta`, `\\log\\theta \\cdot \\theta`: read
        over the whole product, true rows of the first reading were refuted)."""
        if not isinstance(value, Mul):
            return
        first = value.args[0]
        if isinstance(first, Fn) and first.fname == "log" and len(first.operands) == 1:
            first = first.operands[0]
        if not isinstance(first, (Call, Dens)) and not _function_word(value.args[0]):
            return
        context = self.scope.context

        def moves(t):
            return name in free_names(t) or any(
                isinstance(d, Dens) and isinstance(d.dist, Dist) and
                name in context.moves_with(d.dist.name) for d in subterms(t))
        if any(moves(a) for a in value.args[1:]):
            raise self.error("a derivative before a product that begins with an applied "
                             "function (or its log) is ambiguous here (of the first factor alone, times "
                             "the rest, or of the whole product? they differ, as a later "
                             "factor moves with the variable): write \\nabla [\\,…\\,] "
                             "around what it differentiates, or put the other factors first",
                             piece.node)

    def _defined_quantity(self, node):
        """The defined quantity a derivative's variable spells (`p_i` of a family defined
        at each index, `c` of `c = …` without parameters) as a `Defined` term, else None."""
        node = _bare(node)
        piece = None if isinstance(node, Token) and node.type != "LETTER" else \
            self.piece(node) if not isinstance(node, Token) else self._script(node, [], node)
        if not isinstance(piece, NamePiece) or piece.power is not None or piece.primes or \
                self.bound_name(piece.key) is not None:
            return None
        key = piece.base + "_{\\cdot}" if piece.sub is not None and \
            self.scope.lookup(piece.key) is None else piece.key
        found = self.scope.lookup(key)
        if found is None or found[1].kind is not Kind.DEFINITION or \
                len(found[1].info.params) != (key != piece.key):
            return None
        value = self.term(node)
        return value if isinstance(value, Defined) else None

    def _by_quantity(self, value, quantity, node):
        """∂ value / ∂ quantity (`members.by_quantity`): read so only where value is
        written in the quantity and in names its definition does not reach (`y_i \\log
        p_i`); `p_i p_k`, `p_i + o_i` by p_i also change with p's ingredients — a partial
        derivative holding what fixed? — and are refused."""
        ingredients = free_names(quantity) - set().union(*map(free_names, quantity.arguments))
        out, written = members.by_quantity(value, quantity)
        if written & ingredients and len(quantity.arguments) == 1:
            out, written = members.by_defined_member(value, quantity)
        context = self.scope.context
        shared = sorted(n.latex for n in written & ingredients
                        if not context.domain(n).is_integer)  # a count C moves with nothing
        if shared:
            raise self.error(f"a derivative by the defined {self.source_text(node).strip()} of "
                             f"an expression that also depends on {', '.join(shared)}, from "
                             "which it is defined: which of them is held fixed is not "
                             "written — write it by the variables it is defined from", node)
        return out

    def _declared_function(self, node):
        """The Name of a declared real function a derivative's variable spells bare
        (`\\nabla_G`, `\\partial G` with `function G`), else None."""
        node = _bare(node)
        if not isinstance(node, Token) or node.type not in ("LETTER", "COMMAND") or \
                self.bound_name(node.value) is not None:
            return None
        found = self.scope.lookup(node.value)
        if found is None or found[1].kind is not Kind.FUNCTION:
            return None
        return found[0]

    def _by_function_value(self, value, function, node, written=None):
        """`\\nabla_G f(G(z))`, `\\frac{\\partial}{\\partial G}` (GAN notes: the derivative
        with respect to a function's value; `\\partial D(x)` written at its argument, which must be
        the one the expression uses, `written`): where G occurs only as G(a) at one and the
        same argument a, it is d/du of value with u in G(a)'s place, at u = G(a)
        (`members.by_quantity`) — so ∇_G D(G(z)) = D'(G(z)). A real G only (u ranges over
        its values); G at two arguments, otherwise than applied (G'(z)), or under an operator
        that moves a (`_moving_operator`: d/dz G(z), Σ_k G(k)), is refused: the
        derivative by the function itself (a functional derivative) is not read."""
        calls = {t for t in subterms(value) if isinstance(t, Call) and t.function is function}
        key = function.latex
        if not self.scope.context.domain(function).is_real:
            raise self.error(f"{key} is a function of complex values: derive reads a derivative "
                             f"by {key} as by its real value (declare % derive: function {key})",
                             node)
        if len(calls) != 1:
            raise self.error(f"{key} is a function, not a variable: derive reads a derivative "
                             f"by {key} as by its value {key}(a) where the expression uses {key} "
                             f"only at one and the same argument a — "
                             + (f"here {key} does not occur" if not calls else
                                f"here at {len(calls)} different arguments"), node)
        (call,) = calls
        if written is not None and self.product([self.piece(i) for i in written]) != call:
            raise self.error(f"this derivative is by {self.source_text(node).strip()} at the "
                             f"argument its denominator writes, but the expression uses "
                             f"{key} at another one: the derivative by that value is not "
                             "written", node)
        mover = _moving_operator(value, call)
        if mover is not None:
            raise self.error(f"{key} is a function, not a variable: derive reads a derivative "
                             f"by {key} as by its value {key}(a) only where no operator in the "
                             f"expression moves a (a derivative, an evaluation bar, a sum, "
                             f"product, integral, expectation, limit or optimum over a letter "
                             f"of a) — here {mover} does: {key} stands for several values",
                             node)
        out, written = members.by_quantity(value, call)
        other = sorted(n.latex for n in written
                       if n is function or n.latex.rstrip("'") == key or
                       n.latex.startswith(key + "^{("))
        if other:
            raise self.error(f"{key} is a function, not a variable: derive reads a derivative "
                             f"by {key} as by its value {self.source_text(node).strip()}(…) "
                             f"only where the expression uses {key} only as that value — "
                             f"here also as {', '.join(other)}", node)
        return out

    def _by_square(self, value, name, node):
        """`\\frac{\\partial f}{\\partial \\sigma^2}` (the Gaussian MLE in the variance): the
        derivative by v = σ² of f written in σ — with σ = √v for a σ declared positive,
        ∂f/∂v = (∂f/∂σ) / (2σ). For a σ that may be 0 or negative (σ² does not determine
        it) it is refused; so is a square of a variable or of a member."""
        if self.scope.context.domain(name) is not Domain.POSITIVE or \
                self.scope.context.declaration(name).kind is not Kind.SYMBOL:
            raise self.error(f"derive reads a derivative by {name.latex}^2 as by the square "
                             f"v = {name.latex}^2 of a {name.latex} declared positive "
                             f"(% derive: positive {name.latex}): here {name.latex}^2 does "
                             f"not determine {name.latex}; for a second derivative write "
                             f"\\frac{{\\partial^2}}{{\\partial {name.latex}^2}}", node)
        return div(Deriv(value, name), Mul(Num(2), Sym(name)))

    def _leibniz_function(self, pieces, piece):
        """`\\frac{dg}{ds}` (Leibniz, with the bare name) for `define g(t) = …` of one
        parameter not spelled like a declared variable: g at the differential's variable,
        `\\frac{d g(s)}{ds}` — whatever the letters (the parameter is a dummy: with one
        argument g'(s), and g'(x) for `\\frac{dg}{dx}`, is the only reading). A bare g
        that reads on its own (`D^\\star` of `define D^\\star(x) = …`, x a variable: D*(x)),
        and g by several different variables, are left to the general rules. A body that
        also holds the differential's variable (`h_\\theta(x^{(i)}) = σ(θ_0 + θ_1 x^{(i)})`,
        then `\\frac{\\partial h_\\theta}{\\partial \\theta_0}`) has two readings, refused.
        """
        if len(pieces) != 1 or not isinstance(pieces[0], NamePiece):
            return pieces
        p = pieces[0]
        found = self.scope.lookup(p.key) if p.power is None and self.bound_name(p.key) is None \
            else None
        if found is None or found[1].kind is not Kind.DEFINITION or \
                len(found[1].info.params) != 1 or self._at_variables(found[1].info.params) or \
                self.abbreviates(p, found):                 # \sigma after \sigma = \sigma(a)
            return pieces
        if len({self.source_text(v) for v in piece.variables}) != 1:
            raise self.error(f"{p.key} is a function of one argument, differentiated here by "
                             f"different variables: write it applied, {p.key}(…)", p.node)
        var = piece.variables[0]
        info = found[1].info
        if self._variable_name(var) in free_names(info.body) - set(info.params):
            raise self.error(f"{p.key}'s formula holds {self.source_text(var).strip()} besides its "
                             f"argument {info.params[0].latex}: differentiated by it, is the bare "
                             f"{p.key} taken at {self.source_text(var).strip()}, or at an argument "
                             f"held fixed (which?) — write it applied, {p.key}(…)", p.node)
        return [p, BracketPiece("(", ")", [var], [], None, var)]

    def _member_at_index(self, node, value):
        """`\\partial_j f` (the operator, as in Cross Validated's softmax Jacobian
        `\\partial_j S_i(\\mathbf z)`): ∂f/∂z_j, z the one indexed family f uses and j
        its index — a whole number, a letter declared integer, or an undeclared letter
        (then an index, as in `z_j`). A subscript that names a variable or a number of
        another kind (`\\partial_\\theta`, `\\partial_x`, `\\partial_{x_1}`) is that
        variable: None. An index where f uses no indexed family, or several, is refused."""
        bare = _bare(node)
        piece = self.piece(bare) if isinstance(bare, Token) or is_tree(bare, "script", "font") \
            else None
        if isinstance(piece, NamePiece):
            if piece.sub is not None or piece.power is not None or piece.primes:
                return None
            found = self.bound_name(piece.key) or (self.scope.lookup(piece.key) or (None,))[0]
            if found is not None and not self.scope.context.domain(found).is_integer:
                return None
        families = sorted({t.function for t in subterms(value) if isinstance(t, Call) and
                           t.function.latex.endswith("_{\\cdot}") and len(t.arguments) == 1},
                          key=lambda n: n.latex)
        index = self.source_text(node).strip()
        if len(families) != 1:
            which = ", ".join(f.latex.removesuffix("_{\\cdot}") for f in families)
            raise self.error(f"\\partial_{{{index}}} differentiates by the member {index} of "
                             f"an indexed family, and what follows uses "
                             f"{'the families ' + which if families else 'none'}: write "
                             f"\\frac{{\\partial}}{{\\partial z_{{{index}}}}} with the "
                             f"family's name", node)
        base = families[0].latex.removesuffix("_{\\cdot}")
        try:
            key = base + "_{%s}" % naming.flat_text(node)
        except naming.NameError_ as exc:
            raise self.error(exc.message, exc.node) from None
        member = self._member_of(NamePiece(key, base, node, None, 0, node))
        if member is None:
            raise self.error(f"\\partial_{{{index}}}: {key} is not a member of the family "
                             f"{base} here", node)
        return member

    def _member_variable(self, node):
        """`z_k` below a derivative where z is an indexed family (declared `real z_j`, or
        made so above): that member, `Call(z_·, k)` — else None."""
        node = _bare(node)
        if isinstance(node, Token):
            return None
        return self._member_of(self.piece(node))

    def _member_of(self, piece):
        """The member `Call(z_·, k)` a name piece `z_k` spells, else None."""
        if not isinstance(piece, NamePiece) or piece.sub is None or piece.power is not None \
                or self.bound_name(piece.key) is not None:
            return None
        found = self.scope.lookup(piece.base + "_{\\cdot}")
        if found is None or found[1].kind is not Kind.FUNCTION or \
                self._family_of(piece) is None and not self._mentions_bound(piece.sub):
            return None
        value, _ = self._resolve(piece, None)
        return value if isinstance(value, Call) and len(value.arguments) == 1 else None

    def _not_a_member(self, name, value, node):
        """Differentiating by `z_k` where the expression uses the family `z_j` (`z_k` is one
        of its members, not a symbol of its own) is not read yet: reading it as a symbol
        would make the derivative 0."""
        if "_" not in name.latex:
            return
        family = name.latex.split("_")[0] + "_{\\cdot}"
        from derive.model.terms import nodes
        if any(isinstance(t, Call) and t.function.latex == family for t in nodes(value)):
            raise self.error(f"derive does not differentiate by {name.latex}, one member of "
                             f"an indexed family, yet", node)

    def _variable_name(self, node):
        """The Name a variable node refers to where it stands (bound, declared, or a new
        undeclared symbol)."""
        node = _bare(node)
        piece = self.piece(node) if not isinstance(node, Token) else self._script(node, [], node)
        if not isinstance(piece, NamePiece) or piece.power is not None:
            raise self.error("expected a variable here", node)
        bound = self.bound_name(piece.key)
        if bound is not None:
            return bound
        found = self.scope.lookup(piece.key)
        if found is not None and found[1].kind in (Kind.SYMBOL, Kind.VARIABLE, Kind.PARAMETER):
            return found[0]
        if found is not None:
            raise self.error(f"{piece.key} is not a variable", node)
        capital = self.capital_variable(piece.key)
        if capital is not None:                 # d/dX: X is x's value, as outside any E
            return self.random_value(piece.key, capital, node).name
        self._not_indexed(piece, node)
        return self._undeclared_symbol(piece.key, node)

    def _not_indexed(self, piece, node):
        """A variable spelled as a member of something indexed (`p_k` after `define p_j =
        …`, `z_k` of a family, `\\delta_{jk}`) is that member, never a new symbol: a row
        differentiating by it (or putting it to a value) is refused, and no row changes what
        the spelling means for the rows below."""
        if piece.sub is None or _label_subscript(piece.sub):
            return
        if self._decorated(piece):              # x_k^*: a name of its own, unless k is bound
            if self._mentions_bound(piece.sub):
                self._plain_member(piece)
            return
        if self._kronecker_indices(piece) is not None:
            raise self.error(f"{piece.key} is the Kronecker delta, not a variable", node)
        found = self.scope.lookup(piece.base + "_{\\cdot}")
        if found is not None and found[1].kind is Kind.DEFINITION:
            raise self.error(f"{piece.key} is defined ({found[1].info.latex.split('=')[0].strip()}"
                             f" at an index), not a variable: derive does not differentiate "
                             f"by a defined quantity (nor put it to a value) — write it by the "
                             f"variables it is defined from", node)
        if found is not None:
            raise self.error(f"{piece.key} is a member of the indexed family {piece.base}, "
                             "not a variable of its own here", node)

    def evaluation_bar(self, value, bar):
        """`f \\Big|_{\\theta = \\theta_0}`: f at θ₀; `\\Big|_{\\mu=0, \\sigma=1}`: f at
        every value the bar lists (distinct variables, each `=`, separated by commas). A value
        that mentions a variable of the same bar is refused: put at once or one after the
        other, the two readings differ."""
        spec = single(bar.sub)
        if not is_tree(spec, "equation", "equations"):
            raise self.error("an evaluation bar reads |_{\\theta = \\theta_0}", bar.node)
        parts = spec.children
        for sep in parts[3::4]:
            if sep.value != ",":
                raise self.error("the values of an evaluation bar are separated by commas: "
                                 "|_{\\mu = 0, \\sigma = 1}", sep)
        settings = []
        for var_node, rel, at_node in (parts[k:k + 3] for k in range(0, len(parts), 4)):
            if rel.value != "=":
                raise self.error("an evaluation bar puts a variable to a value: "
                                 "|_{\\theta = \\theta_0}", rel)
            var = self._variable_name(single(var_node))
            if any(var is v for v, _, _ in settings):
                raise self.error(f"this evaluation bar puts {var.latex} to two values", var_node)
            settings.append((var, self.term(at_node), at_node))
        for _, at, at_node in settings:
            if len(settings) > 1 and any(v in free_names(at) for v, _, _ in settings):
                raise self.error("a value of this evaluation bar mentions a variable the bar "
                                 "puts to a value (at once, or one after the other?): write "
                                 "two bars", at_node)
        for var, _, _ in settings:
            self._bar_not_beside_own(value, var, bar.node)
        for var, at, _ in settings:
            value = At(value, var, at)
        return value

    def _bar_not_beside_own(self, value, var, node, family=True):
        """Refuse an evaluation bar putting a letter to a value where a family has a
        member defined as a name of its own (`_own_member`: `define x_0 = …` beside `real
        x_t`) and the bar would reach the family at an index of that letter (`x_t|_{t=0}`:
        the family's x_0, another value than the defined x_0) or the defined member's body
        (`x_0|_{t=1}`: the data x_0 does not move with t in the author's reading) — as a
        sum or an integral over that letter is refused. Without `family`, for a derivative
        by that letter (`\\frac{d}{dt} x_0`): only the family in the defined member's body
        (`\\frac{d}{dt} x_t` and `\\frac{d}{da} x_0` stay read)."""
        for family_key, own in self.scope.own_members.items():
            found, member = self.scope.lookup(family_key), self.scope.lookup(own)
            if found is None:
                continue

            def at_var(term):          # the family at an index that moves with var
                return any(isinstance(t, Call) and t.function is found[0] and
                           any(var in free_names(a) for a in t.arguments)
                           for t in subterms(term))
            reached = at_var(value) if family else member is not None and any(
                isinstance(t, Defined) and t.name is member[0] and at_var(t.body)
                for t in subterms(value))
            if reached:
                base = family_key.removesuffix("_{\\cdot}")
                what = f"this bar puts {var.latex} to a value" if family else \
                    f"this derivative moves {var.latex}"
                raise self.error(f"{own} is defined as a name of its own beside the family "
                                 f"{base}_t, and {what}: it would reach the family or "
                                 f"{own}'s definition at another index, where the family's "
                                 f"value is not the defined one — write the members out",
                                 node)

    # ================================================================== names
    def name_value(self, p, bracket):
        """(term, pieces used) for a name, possibly applied to the bracket after it."""
        if p.power is not None and bracket is not None and self._applies(p, bracket) and \
                not self._value_power(p) and not self._constant(p):
            self.squared_hellinger(p, bracket)
            raise self.error(f"{p.key}^… before brackets is ambiguous (a power of the value, "
                             "of the function, or part of the name, as in H^2(P, Q) for the "
                             "squared Hellinger distance?): write (f(x))^2, or the name with a "
                             "subscript (D_{H}(P, Q), D_{KL}(P \\| Q))", p.node)
        value, used = self._resolve(p, bracket)
        if p.power is not None:
            self._not_a_tag(p.power, p.base)
            self._not_an_index_power(p)
            value = Pow(value, self.term(p.power))
        return value, used

    def _constant(self, p):
        """Whether `p` is Euler's e or π, undeclared and unbound: `e^{u} (v)` is e^u · v, a
        constant being no function a bracket could be the argument of."""
        return p.key in CONSTANTS and p.sub is None and not p.primes and \
            self.scope.lookup(p.key) is None and self.bound_name(p.key) is None

    def _value_power(self, p):
        """Whether `f^n(x)` is the n-th power of the value f(x), as `\\sin^2 x` is: f is a
        function the file declares (`% derive: function f`) or defines with a parameter
        (`\\sigma(x) = \\frac{1}{1+e^{-x}}`), and n a whole number ≥ 2 written in digits. The
        iterate f(f(x)) is the other reading of that spelling, rare where functions are
        probabilities and activations; f^{-1}(x) and other exponents stay refused."""
        found = self.scope.lookup(p.key)
        if found is None or not (found[1].kind is Kind.FUNCTION or
                                 found[1].kind is Kind.DEFINITION and bool(found[1].info.params)):
            return False
        power = self.term(p.power)
        return isinstance(power, Num) and power.value.denominator == 1 and power.value >= 2

    def _mentions_variable(self, node):
        """Whether a bracket's argument names a declared variable or a bound copy of one."""
        tokens = [node] if isinstance(node, Token) else node.scan_values(
            lambda v: isinstance(v, Token) and v.type in ("LETTER", "COMMAND"))
        return any(self.variable_node(t) is not None for t in tokens)

    def _label_not_bound(self, p):
        """Refuse a parenthesised label that mentions a letter bound where the name stands
        (`x^{(i)}` inside `\\sum_{i=1}^m`, `\\theta^{(t)}` inside `\\sum_t`): the label is part
        of one name, so the sum's i would not reach it — Σ_i (x^{(i)} − x̄)² = 0 was verified,
        the sample variance of any data. derive keeps no family indexed by a superscript;
        `x_i` is the family x at i. A bracketed superscript (`y^{[i]}`, `x^{\\{i\\}}`, the
        ML spelling of the i-th example or layer, as `x^{(i)}` is) is refused there too,
        never the power y^i. So is a label on the bound letter itself (`\\int_0^1 t^{(1)} dt`,
        `\\sum_k k^{(2)}`): a fresh name there refuted ∫_0^1 t^{(1)} dt = 1/2."""
        if not self.bound:
            return
        self._bracket_label_not_bound(p)
        if "^{(" not in p.key or p.base.endswith(LABELLED):
            return
        labels = re.findall(r"\^\{\((.*?)\)\}", p.key)
        unlabelled = re.sub(r"\^\{\(.*?\)\}", "", p.key)
        if self.bound_name(unlabelled) is not None:
            raise self.error(f"{p.key}: {unlabelled} is bound here (a sum's, an integral's or an "
                             f"expectation's letter), and a parenthesised superscript on it is "
                             f"a label (another name, which the binder does not reach) or a "
                             f"power — derive reads neither silently: write the power as "
                             f"{unlabelled}^{{…}} without the parentheses", p.node)
        for k, _ in self.bound:
            if any(_mentions(label, k) for label in labels):
                raise self.error(f"{p.key}: the {k} in its label is bound here, but a label "
                                 f"is part of one name, which the binder of {k} does not "
                                 f"reach — derive reads no family indexed by a superscript: "
                                 f"write the member at {k} as {p.base}_{{{k}}}", p.node)

    def _bracket_label_not_bound(self, p):
        """`y^{[i]}`, `x^{\\{i\\}}` inside `\\sum_i`: an index label in square brackets or
        braces mentioning a bound letter (Ng's `a^{[l]}`), refused as `x^{(i)}` is."""
        inner = single(p.power) if p.power is not None else None
        inner = unscripted(inner)
        if not is_tree(inner, "bracketed") or inner.children[0].value.endswith("(") or \
                not inner.children[0].value.endswith(_GROUPING_OPENS) or \
                not naming.index_like(inner.children[1]):
            return
        label = naming.flat_text(inner)
        for k, _ in self.bound:
            if _mentions(label, k):
                raise self.error(f"{p.key}^{{{label}}}: a bracketed superscript mentioning the "
                                 f"bound {k} is an index label in most texts (the {k}-th "
                                 f"example or layer), not a power — derive reads no family "
                                 f"indexed by a superscript: write the member at {k} as "
                                 f"{p.base}_{{{k}}}, or the power as {p.base}^{{{k}}}", p.node)

    def _no_bracketed_index(self, p):
        """Refuse a subscript in brackets (`x_{(i)}`, `x_{[i]}`, `x_{\\{i\\}}`) where it would
        be a family member — x a family, or a letter bound where it stands in the index: in
        statistics `x_{(i)}` (also `x_{[i]}`) is the i-th order statistic, the i-th smallest
        of x_1..x_n, another number than x_i (Σ_i (x_{(i)} − x_i)² = 0 was verified with the
        brackets dropped). derive does not read order statistics; a name of its own
        elsewhere (`x_{(1)}` beside no family x)."""
        items = [single(item) for item in _subitems(p.sub)]
        items = [unscripted(i) for i in items]
        if not any(is_tree(i, "bracketed") and i.children[0].value.endswith(_GROUPING_OPENS)
                   for i in items) or self.scope.lookup(p.key) is not None:
            return                  # a_{\lfloor x \rfloor}: a floor, an index expression
        if self.scope.lookup(p.base + "_{\\cdot}") is not None or self._mentions_bound(p.sub):
            raise self.error(f"{p.key}: a bracketed index is the order statistic in most texts "
                             f"(the i-th smallest of {p.base}_1, …), not the member "
                             f"{p.base}_i — derive does not read order statistics: write the "
                             f"member without brackets, or name the sorted values with "
                             f"another letter", p.node)

    def _no_other_random_variable(self, p):
        """Refuse a subscripted or accented capital of a declared variable not declared on
        its own (`X_1`, `X_2`, `\\tilde{X}`, `\\bar{X}` beside the random variable X of x):
        in every statistics text a sample of X, an independent copy, the sample mean —
        random variables, never an unknown constant (E[(X_1 − X_2)²] = (X_1 − X_2)² was
        verified). A family X_i declared or defined is read as such; `X'` is refused in
        `_resolve` itself."""
        letter = _ACCENTED_CAPITAL.fullmatch(p.base)
        letter = letter.group(1) if letter is not None else p.base
        if (p.sub is None and letter == p.base) or \
                p.sub is not None and self.scope.lookup(p.base + "_{\\cdot}") is not None or \
                self.capital_variable(letter) is None or self.capital_variable(p.key) is not None:
            return
        raise self.error(f"{p.key} beside the random variable {letter} of {letter.lower()}: "
                         f"a sample, copy or mean of {letter} in most texts, which derive does "
                         f"not read — write the expectation over bound copies "
                         f"(\\mathbb{{E}}_{{{letter.lower()} \\sim p}}…), or declare "
                         f"{p.key} a number", p.node)

    def _not_beside_bound_sample(self, p):
        """Raise for `z_1` (`z_j`) where a sample `z_i` of the same variable is bound
        (`\\int … dz_i`, `\\sum_{z_i}`) with an index that is no number: where i = 1 they
        would be one variable, yet per-sample reading (`sample_of`) makes z_1 a name of its
        own — free while z_i is integrated (`\\sum_{i=1}^{1} \\int q(z_i) z_1 \\, dz_i = z_1`
        was verified). A member written from the index (`z_{i+1}`) is told apart."""
        for k, name in self.bound:
            m = SAMPLE.fullmatch(k)
            if m is None or name.origin is None or m.group(1) != p.base or k == p.key:
                continue
            index = k[len(m.group(1)):].strip("_^{}()")
            if index.isdigit() or re.search(r"(?<![A-Za-z\\])" + re.escape(index) +
                                            r"(?![A-Za-z])", p.key[len(p.base):]):
                continue
            raise self.error(f"{p.key} beside the bound {k}: where their indices are equal they "
                             f"are one variable — write the sum's terms out, or use another "
                             f"letter for the constant", p.node)

    def _applies(self, p, bracket):
        """Whether a name could be applied to the bracket after it: anything but a number
        (a declared symbol, a member of a declared family of numbers, or a definition that
        takes no argument in brackets — `define c = …`, or one defined at an index, `define
        \\hat{p}_i = \\sigma(z_i)`: `\\hat{p}_i^{y_i} (1 - \\hat{p}_i)^{1 - y_i}` is a product) or
        a definition's parameter written with a power (`define f(x; p) = p^x (1-p)^{1-x}`: a
        function parameter is never written powered before its arguments, so this is the
        number p^x times (1-p)^{1-x}), or a letter bound as a number (an integral's, a sum's,
        an optimum's: `\\int_0^1 t^{a-1} (1-t)^{b-1} dt` is a product, t being no function)."""
        bound = self.bound_name(p.key)
        if bound is not None and bound.local is not None and \
                bound.local.kind not in (Kind.FUNCTION, Kind.DISTRIBUTION):
            return False
        found = self.scope.lookup(p.key)
        indexed = self._indexed_found(p) if found is None and p.sub is not None else None
        if indexed is not None:
            return len(indexed[1].info.params) > 1      # h_j(2) of define h_i(t) = …
        if found is None and p.sub is not None and self._family_of(p) is not None:
            return False
        return found is None or found[1].kind in (Kind.DISTRIBUTION, Kind.FUNCTION) or \
            found[1].kind is Kind.DEFINITION and bool(found[1].info.params)

    def _resolve(self, p, bracket):
        labelled = self.labelled_member(p)      # x^{(i)} under \sum_i: labelled_families.py
        if labelled is not None and not self._mentions_bound(labelled.sub) and \
                self._family_of(labelled) is None:
            return self._indexed(labelled, bracket)  # x^{(i)} above any sum: a member too
        p = labelled or p
        key = p.key
        bound = self.bound_name(key)
        if bound is None:
            self._label_not_bound(p)
        if bound is None and p.sub is not None:
            self._not_beside_bound_sample(p)
            self._no_bracketed_index(p)
        if bound is not None:
            if bound.local is not None and bound.local.kind is Kind.DISTRIBUTION:
                return self._declared(p, bound, bound.local, bracket)   # χ²(P‖Q) := ∫ … P(x)
            if bracket is not None and bracket.open == "(" and (
                    bound.local is LOCAL_ANY and p.power is None or
                    bound.local is LOCAL_FUNCTION):
                # a definition's parameter applied to arguments is a function parameter
                return self._powered(Call(bound, *self._arguments(bracket)), bracket), 2
            if bracket is not None and bracket.open == "(" and bound.local is LOCAL_OPTIMUM \
                    and any(self._mentions_variable(a) for a in bracket.args):
                problem = self.error(f"{key} is the number this optimum ranges over, so "
                                     f"{key}(…) of a variable would be {key} times it; for an "
                                     f"optimum over functions write \\max_{{{key} \\in "
                                     f"\\mathcal{{D}}}} with % derive: function class "
                                     f"\\mathcal{{D}} (or {key} \\cdot (…) for the product)",
                                     bracket.node)
                problem.applied_optimum = key   # `_optimum` reads a bare \sup_T over functions
                raise problem
            return Sym(bound), 1
        derivative = self._derivative_of(p)
        if derivative is not None:
            return self._derived_function(p, bracket, *derivative)
        component = self._vector_component(p)
        if component is not None:
            return component, 1
        found = self.scope.lookup(key)
        if found is not None and isinstance(found[1].info, NamedValue):
            return self.named_value(p, found[0], bracket), 1
        if found is not None and isinstance(found[1].info, SampleSpaceInfo):
            raise self.error(f"{key} is the sample space of {found[1].info.variable.latex} in "
                             f"this file (an integral's subscript above), no number: name "
                             f"this quantity otherwise", p.node)
        if key in PROBABILITY:
            self.not_an_event_of_another_name(key, bracket, p.node)
        if p.sub is not None and self._mentions_bound(p.sub):
            self._not_bound_in_recurrence(p)
            self._not_bound_beside_own(p)
            self._not_bound_labelled_head(p)
            if found is None or found[1].kind is Kind.SYMBOL:
                self._plain_member(p)   # x_i' inside \sum_i: never x_i, nor one name (a
                #                         defined D_G^*(x) inside C(G)'s body stays itself)
        if found is not None and found[1].declared and found[1].kind is Kind.SYMBOL and \
                p.sub is not None and self._bound_index(p.sub) and \
                not self._named_at_a_variable(p):
            return self._indexed(p, bracket, found[1].domain)
        if found is not None and found[1].declared and found[1].kind is Kind.VARIABLE and \
                found[0].latex != key:                    # X, another spelling of x
            return self.spelled_variable(key, found[0], p.node), 1
        if found is not None and found[1].declared:
            if found[1].kind is Kind.VARIABLE and bound is None:
                self.free_spelling(found[0], key, p.node)
            return self._declared(p, found[0], found[1], bracket)
        kronecker = self._kronecker_indices(p)
        if kronecker is not None:
            return members.kronecker(*(self._whole_index(a, p, "the Kronecker delta compares "
                                                         "whole numbers") for a in kronecker)), 1
        if bracket is not None and bracket.open == "(" and found is None and \
                self.capital_variable(key, p.node) is not None \
                and key not in PROBABILITY and not registry.spelled(key) and \
                not self._head_labels(key):
            raise self.error(f"{key} is the random variable of {key.lower()}: {key}(…) would "
                             f"be an unknown function of that letter — write {key} \\cdot (…) "
                             f"for the product", p.node)
        capital = self.capital_variable(key, p.node) if bracket is None else None
        if capital is not None:                 # X, the random variable of x: its value
            return self.random_value(key, capital, p.node), 1
        if found is None and p.sub is None and key != p.base and \
                self.capital_variable(p.base) is not None:
            # X' beside the random variable X: an independent copy of it in most texts
            # (Var X = ½E(X − X′)²), never an unknown constant
            raise self.error(f"{key} beside the random variable {p.base} of "
                             f"{p.base.lower()}: derive does not read a copy of a random "
                             f"variable — write the expectation over bound copies, "
                             f"\\mathbb{{E}}_{{{p.base.lower()} \\sim p}}\\mathbb{{E}}_"
                             f"{{{p.base.lower()}' \\sim p}}[…], or declare {key} a number",
                             p.node)
        if found is None:
            self._no_other_random_variable(p)
        indexed = self._indexed_definition(p, bracket) if p.sub is not None and found is None \
            else None
        if indexed is not None:
            return indexed
        if p.sub is not None and self._mentions_bound(p.sub):
            return self._indexed(p, bracket)
        if p.sub is not None and self._family_of(p) is not None:
            return self._member(p, found, bracket)
        if bracket is not None and found is None and families.spelled(key) is not None:
            return self.family_density(key, bracket, p.node), 2
        if bracket is None and found is None and len(key) > 1 and key.isalpha() and (
                special.special(key) is not None or families.spelled(key) is not None):
            # `\operatorname{logit} p`, `\mathrm{Beta} p`: a known function's word without
            # its brackets — never a number of that name times p
            raise self.error(f"{key} is a function: write its argument in brackets, "
                             f"{key}(…)", p.node)
        marginal = self._law_of_capitals(p, bracket) if found is None else None
        if marginal is not None:
            return marginal, 2
        moved = self._moved(p) if found is None else None
        if moved is not None:
            name, declaration, value = moved
            dens, used = self._declared(p, name, declaration, bracket)
            if not isinstance(dens.base if isinstance(dens, Pow) else dens, Dens):
                raise self.error(f"{p.key}: the marginal defined as {name.latex}(…) is at the "
                                 f"parameter as written there, and derive does not move it to "
                                 f"{show(value)} — write the integral at that value", p.node)
            return _with_params(dens, (value,)), used
        if bracket is not None:
            # `D(P_{XY} \| P_X \otimes P_Y)`: no head's label (\otimes is read only as a
            # divergence's product law, `capital_law_argument`)
            label = None if _writes_product_of_laws(bracket) else self._label(key, bracket)
            if label is not None and label in self.scope.heads:
                return self.head_value(label, bracket, p.node), 2
            relabelled = self.head_at_functions(key, bracket, p.node) if found is None else None
            if relabelled is not None:
                return relabelled, 2
            self.not_the_files_operator(key, bracket)
            operator = self.divergence(key, bracket) or self.information(key, bracket) or \
                self._operator(key, bracket) or \
                (self._entropy_to_a_base(p, bracket) if found is None else None)
            if operator is not None:
                return operator, 2
        if key in CONSTANTS and found is None:
            if self.scope.unread:
                self.not_ended(key, p.node)     # `e := 3` refused above: e is no guess below
            return CONSTANTS[key], 1
        quantity = self._bare_head(key, p.node) if bracket is None and found is None else None
        if quantity is not None:
            return quantity, 1
        if found is None:
            self._no_scripted_probability(p, p.node)
        if bracket is not None and found is None and key in PROBABILITY:
            mass = self.event_probability(key, bracket, self.offset + _start(p.node))
            if mass is not None:
                return self._powered(mass, bracket), 2     # P(Z \\ge t)^2 is (P(Z ≥ t))²
        if found is None and key in LOOKALIKES and (key in ALWAYS_OPERATORS or (
                bracket is not None and self._random_event(bracket))):
            raise self.error(LOOKALIKES[key], p.node)
        if found is None:
            self._no_subscripted_e(p, bracket)
        if bracket is not None and found is None:
            self.vector_elsewhere(key, bracket, p.node)
            functional = self._functional_at(key, bracket)
            if functional is not None:
                return self._powered(functional, bracket), 2
            self._labelled_elsewhere(key, p.node)
        if bracket is not None and found is None and special.special(key) is not None and \
                self.special_function(key, bracket, p.node):
            build = special.builder(key, len(bracket.args))
            return self._powered(build(*self._arguments(bracket)), bracket), 2
        if bracket is not None and bracket.open == "(" and p.sub is None and \
                found is not None and found[1].kind is Kind.SYMBOL and \
                found[1].domain.is_integer and re.search(
                    r"(?<![A-Za-z\\])" + re.escape(key) + r"(?![A-Za-z])",
                    self.source_text(bracket.node)):
            # `\sum_{k=1}^{n} k = \frac{n(n+1)}{2}`: n, a sum's bound or a family's last
            # index, is a whole number of the file, and the bracket holds n itself — the
            # product n·(n + 1) every closed form writes; `T(2x)` stays an error (a function T?)
            return Sym(self._undeclared_symbol(key, p.node)), 1
        if bracket is not None and bracket.open == "(":
            self._derivative_named_before(key, p.node)
            self._not_of_a_density(key, bracket, p.node)
            self._not_an_operator_above(key, p.node)
            self._not_at_a_function(key, bracket)
            self._not_a_declared_family(key, p.node)
            if "_{" in key:
                self._tag_beside_index(key, p.node)
            law = self.scope.lookup(key)
            if self.written_with_bar(bracket) or law is not None and \
                    isinstance(law[1].info, UnmodelledLawInfo):     # and `q(x_T)` beside it
                return self._powered(self.unmodelled_conditional(key, bracket, p.node),
                                     bracket), 2
            name, conflict = self.scope.implicit(key, Kind.FUNCTION, self.offset + _start(p.node))
            self._conflict(key, conflict, p.node, Kind.FUNCTION)
            self._derivative_of_a_number(key, p.node)
            return self._powered(self.opaque_call(name, p, bracket), bracket), 2
        if self.random_depth and found is None and bracket is None and \
                self.scope.lookup(key) is None and re.fullmatch(r"[A-Z]", key) and \
                any(d.kind is Kind.VARIABLE for d in self.scope.context.table.values()):
            # inside E[…], H(…), I(…) capitals are random variables: an undeclared one of no
            # declared variable (X beside a law over k) is none — never a constant silently
            # (a file declaring no variable reads E[aX + b] of a generic X, as the README says)
            raise self.error(f"{key} is read where capitals are random variables, but it is "
                             f"the capital of no declared variable: declare it (% derive: "
                             f"random {key} with density … over …), write the capital of the "
                             f"law's variable, or declare {key} a number (% derive: real "
                             f"{key})", p.node)
        self._no_bracketed_power(p)
        return Sym(self._undeclared_symbol(key, p.node)), 1

    def _no_bracketed_power(self, p):
        """Refuse an undeclared name under a parenthesised superscript that is no index
        label (`\\mathcal{L}^{(D^* + c)}`, `W^{(\\mu t)}`, `W^{(1)(2)}`, `W^{(1)^{(2)}}`): `X^{(…)}` is the label notation
        of most texts (`\\mathcal{L}^{(D)}`, `x^{(i)}`, `W^{(1)}`, read as part of the name:
        `naming.index_like`), and the power of a made-up complex number would be a guess —
        derive reads neither silently. A declared or bound X (`x^{(\\mu t)}` with x real)
        takes the power; `e^{(…)}` is Euler's number's."""
        inner = whole = single(p.power) if p.power is not None else None
        if is_tree(inner, "run"):
            # `W^{(1)(2)}`, `W^{(1)x}`: a label followed by more is no power either
            inner = inner.children[0]
        if is_tree(inner, "script"):
            inner = inner.children[0]    # `W^{(1)^{(2)}}`: a label with a script of its own
        if is_tree(inner, "bracketed") and inner.children[0].value == "(":
            raise self.error(f"{p.key}^{{{self.source_text(whole)}}}: a parenthesised "
                             f"superscript on an undeclared name is a label in most texts "
                             f"({p.key}^{{(i)}}, read as part of the name when it is letters, "
                             f"numbers, + and -), not a power; derive reads no other label: "
                             f"declare {p.key} (% derive: real {p.key}) for the power, or "
                             f"write the label as a subscript", p.node)

    def lookalike_before(self, p, nxt):
        """`E X^2` (Cover & Thomas's plain E before a random variable) with E undeclared:
        the expectation, not E times X² — refused, naming the directive that reads it."""
        if p.key not in LOOKALIKES or p.sub is not None or p.power is not None or \
                not isinstance(nxt, NamePiece) or self.scope.lookup(p.key) is not None and \
                self.scope.lookup(p.key)[1].declared or self.bound_name(p.key) is not None:
            return
        found = self.scope.lookup(nxt.key)
        aliased = found is not None and found[1].kind is Kind.VARIABLE and \
            found[0].latex != nxt.key
        if aliased or self.capital_variable(nxt.key) is not None:
            raise self.error(LOOKALIKES[p.key].replace("E[…]", f"E {nxt.key}").replace(
                "P(…)", f"P {nxt.key}"), p.node)


    def _law_of_capitals(self, p, bracket):
        """`p_X(x)`, `p_{X,Y}(u, v)`, `p_{(X,Y,Z)}(x,y,z)` (a declared density p subscripted
        by the random variables X, Y, Z of variables it is over, the probabilists' spelling
        of a marginal): the density of those random variables — p's marginal over x, y, z —
        at the arguments, taken in the subscript's order (`p_{(Y,X)}(a, b)` is p at y = a,
        x = b); `p_{X|Y}(x|y)`, its capitals naming the arguments' variables on the same sides
        of one bar, is `p(x|y)` (`_capitals_as_written`). None when the subscript names no
        random variable; any other form (a bar elsewhere, `p_{X|Y}(y|x)`, a count that differs, a capital p is not over, no brackets) is refused,
        never an unknown function that could be refuted."""
        capitals = self._of_capitals(p)
        if capitals is None:
            return None
        inside, capitals = capitals
        found = self.declared(p.base)
        if self._capitals_as_written(inside, capitals, bracket) or \
                self._capitals_before_events(inside, capitals, bracket):
            for c in capitals:
                self.capital_read(c, p.node, "random")
            return self._powered(self.density(found[0], found[1].info, bracket), bracket)
        variables = [self.capital_variable(c) for c in capitals]
        info = found[1].info
        conditional = self._conditional_at_values(found[0], info, inside, variables, bracket)
        if conditional is not None:
            for c in capitals:
                self.capital_read(c, p.node, "random")
            return self._powered(conditional, bracket)
        args = bracket.args if bracket is not None and bracket.open == "(" else ()
        if re.search(r"\\mid|\|", inside) or None in variables or info.given or \
                any(v not in info.over for v in variables) or \
                len(set(variables)) != len(variables) or len(args) != len(variables) or \
                any(sep != "," for sep in bracket.seps) or p.power is not None:
            raise self.error(f"{p.key}: derive reads a density subscripted by the random "
                             f"variables of its own variables as their joint density at the "
                             f"arguments, one per variable (p_X(x), p_{{X,Y}}(x, y), "
                             f"p_{{(X,Y)}}(x, y), of a p declared over them) — write "
                             f"{p.base}(…) at the variables", p.node)
        for c in capitals:
            self.capital_read(c, p.node, "random")
        pairs = [(v, self.density_argument(a)[1]) for v, a in zip(variables, args)]
        over, at = self.points(found[0], info, pairs, bracket.node)
        return self._powered(Dens(Dist(found[0], over), at), bracket)

    def _capitals_as_written(self, inside, capitals, bracket):
        """`p_{X|Y}(x|y)`, `p_{X \\mid Y, Z}(x \\mid y, z)`: a subscript with one bar whose
        capitals name, in order and on the same sides of the bar, the variables written as
        the arguments — the subscript says what `p(x | y)` says, and reads as it."""
        bars = re.findall(r"\\mid|\|", inside)
        if len(bars) != 1 or bracket is None or bracket.open != "(" or \
                [s for s in bracket.seps if s != ","] != [s for s in bracket.seps if s in BARS]:
            return False
        before = len(self._capitals(re.split(r"\\mid|\|", inside)[0]))
        cut = [k for k, s in enumerate(bracket.seps) if s in BARS]
        if len(cut) != 1 or cut[0] + 1 != before or len(bracket.args) != len(capitals):
            return False
        return all(self.capital_variable(c) is not None and
                   self.variable_node(a) is self.capital_variable(c)
                   for c, a in zip(capitals, bracket.args))

    def _conditional_at_values(self, name, info, inside, variables, bracket):
        """`f_{X|Y}(x|t)`, `f_{X|Y}(x|y')` (a bound or other value after the bar, as a
        marginal written as an integral takes it): the subscript's capitals name p's
        variables on each side of its one bar, and the arguments, cut by one bar at the same
        place, are their values in that order — p's conditional density of the variables
        before the bar given those after it, at the values. An argument that is itself a
        declared variable (or a copy of one) must be the capital's own (`f_{X|Y}(y|x)` is
        refused by the caller). None when the form is not this one."""
        bars = re.findall(r"\\mid|\|", inside)
        if len(bars) != 1 or bracket is None or bracket.open != "(" or info.given or \
                None in variables or len(set(variables)) != len(variables) or \
                any(v not in info.over for v in variables) or \
                len(bracket.args) != len(variables) or \
                [s for s in bracket.seps if s != ","] != [s for s in bracket.seps if s in BARS]:
            return None
        before = len(self._capitals(re.split(r"\\mid|\|", inside)[0]))
        cut = [k for k, s in enumerate(bracket.seps) if s in BARS]
        if cut != [before - 1]:
            return None
        pairs = [self.density_argument(a) for a in bracket.args]
        if any(var is not None and var is not v for (var, _), v in zip(pairs, variables)):
            return None
        pairs = [(v, term) for (_, term), v in zip(pairs, variables)]
        over, at = self.points(name, info, pairs[:before], bracket.node)
        given, cond = self.points(name, info, pairs[before:], bracket.node, exclude=over)
        return Dens(Dist(name, over, given, cond), at)

    def _capitals_before_events(self, inside, capitals, bracket):
        """`f_X(x | Y = y)`, `p_{X,Y}(x, y \\mid Z = z)`: a subscript without a bar whose
        capitals name, in order, the variables written before the bracket's one bar, and
        only events after it — the conditional density `f(x | y)` written with the event
        conditioned on (each event is read by `density_argument`, at its own letter for a
        continuous variable)."""
        if re.search(r"\\mid|\|", inside) or bracket is None or bracket.open != "(":
            return False
        cut = [k for k, s in enumerate(bracket.seps) if s in BARS]
        if len(cut) != 1 or cut[0] + 1 != len(capitals) or \
                any(s not in BARS and s != "," for s in bracket.seps):
            return False
        before, after = bracket.args[:len(capitals)], bracket.args[len(capitals):]
        return all(is_tree(a, "assignment") for a in after) and all(
            self.capital_variable(c) is not None and
            self.variable_node(a) is self.capital_variable(c)
            for c, a in zip(capitals, before))

    def _of_capitals(self, p):
        """(subscript, its capitals) of a declared density's name subscripted by a random
        variable of a declared variable (`p_X`, `p_{(X,Y,Z)}`, `p_{X|Y}`), else None."""
        found = self.declared(p.base) if isinstance(p, NamePiece) else None
        written = re.fullmatch(re.escape(p.base) + r"_\{\s*(.*?)\s*\}", p.key) \
            if found is not None and found[1].kind is Kind.DISTRIBUTION else None
        if written is None or self.scope.lookup(p.key) is not None:
            return None
        inside = written.group(1)
        if inside.startswith("(") and inside.endswith(")"):
            inside = inside[1:-1]
        capitals = self._capitals(inside)
        if all(self.capital_variable(c) is None for c in capitals):
            return None
        return inside, capitals

    def _capitals(self, text):
        """The capitals of a subscript's text, split at commas and bars; a run of capital
        letters with no comma (`p_{XY}`, `p_{XY|Z}`, information theorists' spelling) is one
        capital per letter when one of its letters is the random variable of a declared
        variable (then a letter that is not one is refused by the caller, never a name)."""
        capitals = []
        for c in (c.strip() for c in re.split(r",|\\mid|\|", text)):
            letters = re.fullmatch(r"[A-Z]{2,}", c) and list(c)
            split = letters and any(self.capital_variable(k) is not None for k in letters)
            capitals.extend(letters if split else [c])
        return capitals

    def _not_of_a_density(self, key, bracket, node, defined=False):
        """`h(f)` for an undeclared h and a density f (Cover & Thomas's differential
        entropy): never an unknown function of the density's value, silently. `defined`:
        h is a function the file defined of a number (`h(x) = x - \\log x - 1`), which puts
        no density into its parameter either."""
        for arg in bracket.args:
            item = one_item(arg)
            try:
                name = naming.name_text(item)
            except naming.NameError_:
                continue
            found = self.scope.lookup(name) if name is not None else None
            if found is not None and found[1].kind is Kind.DISTRIBUTION and defined:
                raise self.error(f"{key} is defined above as a function of a number and "
                                 f"{name} is a density: {key}({name}) is neither (its "
                                 f"entropy? {key} is the file's function) — write "
                                 f"{key}({name}(x)) for its value at a point", node)
            if found is not None and found[1].kind is Kind.DISTRIBUTION:
                raise self.error(f"{key} is not declared and {name} is a density: for its "
                                 f"entropy write H({name}); for a function of the density's "
                                 f"value declare {key} (% derive: function {key}) and write "
                                 f"{key}({name}(x))", node)

    def named_by_a_head(self, key):
        """Whether a row above defined a quantity `key(…)` (`h(x) = x^2`): then `h(X)` is
        not the entropy, whatever its arguments. (A head `D(p(y|x) \\| q(y|x))` names a
        form of the divergence itself: D stays the divergence.)"""
        return any(label.startswith(key + "(") for label in
                   list(self.scope.heads) + list(self.scope.ended))

    def in_units(self, key):
        """The registry key of operator `key` in the units declared where the row stands:
        an information quantity in bits after `% derive: information in bits`, or in a file
        whose every logarithm is `\\log_2` (`log_base`: then stated among the assumptions)."""
        bits = self.scope.readings.get("information") == "bits"
        if bits and key in registry.INFORMATION:
            self.scope.inferred_bits()
        return registry.in_units(key, bits)

    def operator_use(self, key, node):
        """Record `D(p \\| q)`, `h(X)` read as an operator; an error when the file used the
        spelling as an unknown function above (one name means one thing)."""
        if key not in registry.FUNCTION_LIKE:
            return
        found = self.scope.lookup(key)
        # a number the file declares under that spelling (`natural D`) is no function: the
        # operator is read beside it only between a double bar (`_divergence_beside_a_number`;
        # any other operand is refused before). An undeclared letter used as a number above
        # (`h X`, then `h(X)`) is refused here: one name, one meaning
        if found is not None and not (found[1].kind is Kind.SYMBOL and found[1].declared):
            line, column = self.source.position(self.scope.first_use.get(found[0], 0))
            raise self.error(f"{key} is read here as an operator on distributions and is used "
                             f"at line {line}, column {column} as a function: one name means "
                             f"one thing (declare the function, % derive: function {key}, or "
                             f"rename one)", node)
        self.scope.operator_uses.setdefault(key, self.offset + _start(node))

    def not_defined_as_function(self, key, bracket):
        """`I(X; Y)` after a row defined `I(p) = …` at a number (`_operator_at_numbers`):
        I is that function in the whole file, never also mutual information."""
        found = self.scope.lookup(key)
        if key in registry.FUNCTION_LIKE or found is None or \
                found[1].kind is not Kind.DEFINITION or not found[1].info.params:
            return                  # (a head `I(X; Y) \equiv …` names a form of I itself)
        label = f"{key}({', '.join(q.latex for q in found[1].info.params)})"
        raise self.error(f"{key} is defined above as the function {label} of a number: "
                         f"{key}(…) is not an operator on distributions in this file (one "
                         f"name, one meaning) — name the function otherwise", bracket.node)

    def _not_an_operator_above(self, key, node):
        """`h(u)` as an unknown function after `h(X)` was read as the entropy above."""
        if key in self.scope.operator_uses:
            line, column = self.source.position(self.scope.operator_uses[key])
            what = "the probability of events" if key in PROBABILITY else \
                "an operator on distributions"
            raise self.error(f"{key} is read at line {line}, column {column} as {what} "
                             f"and is used here as a function: one name means "
                             f"one thing (declare the function, % derive: function {key}, or "
                             f"rename one)", node)

    def _derivative_named_before(self, key, node):
        """`h(u)` after `h'(u)` or `h^{(2)}` was read above as a name of its own (an unknown
        function, or defined by a row), used or defined (`head`): h' would not be h's
        derivative, silently — or would mean two things below."""
        for spelling, name in self.scope.names.items():
            written = _without_label(spelling) if spelling in self.scope.heads else spelling
            if name in self.scope.table and (written.rstrip("'") == key != written or
                                             _ORDER.match(written) and
                                             _ORDER.match(written).group("base") == key):
                raise self.error(f"{spelling} is read above as a name of its own, so it would "
                                 f"not be the derivative of {key}: define {key} first (% "
                                 f"derive: define {key}(t) = …)", node)

    def _base_named_before(self, key, node):
        """`M'(t) := 2` (or `M^{(2)}`) defined as a name of its own after M is a function,
        declared or defined with parameters: M' there reads as M's derivative, so the name
        would mean two things. (A mass function's q', a constant's c', are names of their
        own: they have no derivative.)"""
        order = _ORDER.match(key)
        base = order.group("base") if order else key.rstrip("'")
        found = self.scope.lookup(base) if base != key else None
        if found is not None and (found[1].kind is Kind.FUNCTION or found[1].kind is
                                  Kind.DEFINITION and found[1].info.params):
            raise self.error(f"{base} is a {found[1].kind.value} above, so {key} is its "
                             f"derivative: defining {key} as a name of its own would give it "
                             "a second meaning — name it otherwise", node)

    def head_value(self, label, bracket, node):
        """A quantity named by its whole head (`f(x) = …`, x a declared variable). Where an
        integral, sum or expectation binds one of its arguments (`\\int f(x) \\, dx`), the
        written letter is that bound variable, so it is the definition there (its letter is
        the definition's parameter), shown `f(x′)`; never the free quantity, silently.
        Elsewhere it is the quantity itself. A power after the bracket is its power
        (`V(G, D)^2`), never dropped."""
        try:
            keys = [r"\dots" if self._dots(arg) else naming.flat_text(arg)
                    for arg in bracket.args]        # dots: checked by the label (`_label`)
        except naming.NameError_ as exc:
            raise self.error(exc.message, exc.node) from None
        return self._powered(self._head_at(label, keys, all(sep in HEAD_SEPARATORS for sep in bracket.seps),
                                           node), bracket)

    def _bare_head(self, key, node):
        """`f` alone after a row defined the quantity `f(x)` (its whole head names it):
        that quantity, read as `f(x)` written there would be (the definition at the bound
        variable where a binder binds x) — never an unknown number of its own. None when
        no head is named `f(…)` (one at most: `_labelled_elsewhere` refuses a second)."""
        labels = self._head_labels(key)
        if not labels:
            return None
        if len(labels) > 1:                 # p(y_i|θ) and p(\mathbf{y}|θ): one family
            raise self.error(f"{key} is defined above as {' and as '.join(labels)}: written "
                             "alone it names neither — write its arguments", node)
        keys = self.label_keys(labels[0])
        self._no_hidden_unknown(key, labels[0], keys, node)
        return self._head_at(labels[0], keys, True, node)

    def _no_hidden_unknown(self, key, label, keys, node):
        """Refuse the bare `h_\\theta` after the row `h_\\theta(x_i) = …` when an argument of
        the label is a letter the file does not declare (x_i, a free complex unknown): the
        author's bare head is the function at an argument the row does not write (jethroGIT's
        `\\frac{\\partial h_\\theta}{\\partial \\theta_0} = \\frac{e^{-\\theta_0 - \\theta_1 x}}{…}`),
        and read at the label's x_i it made a refutation at a complex x_i. A label of declared
        names (a density, a variable, a law's parameter) or of letters a binder binds here
        stays read as the quantity; so does a whole-number index (`p(y_i|\\theta)`)."""
        for k in keys:
            if self.bound_name(k) is not None:
                continue
            letters = [k] if self.scope.lookup(k) is not None else \
                _LETTERS_WRITTEN.findall(_DECORATED_GROUP.sub(" ", k))
            for letter in letters:
                found = self.scope.lookup(letter) if self.bound_name(letter) is None else None
                if found is not None and found[1].kind is Kind.SYMBOL and \
                        not found[1].declared and not found[1].domain.is_integer:
                    raise self.error(
                        f"{key} is defined above as the quantity {label}, at {letter}, which "
                        f"the file does not declare: written alone, is {key} that quantity at "
                        f"{letter}, or the function at another argument? — write {label}, or "
                        f"define {key} as a function (% derive: define {key}(t) = …) and write "
                        f"it applied", node)

    label_keys = staticmethod(label_keys)

    def knows(self, key):
        """Whether the file gave `key` a meaning: declared, used, or the head of a quantity
        a row defined (`P(x) = …` makes P known)."""
        return self.scope.lookup(key) is not None or bool(self._head_labels(key))

    def _head_labels(self, key):
        """The labels of the quantities a row defined by a head `key(…)`."""
        return [label for label in self.scope.heads if label.startswith(key + "(")]

    def _head_at(self, label, keys, commas, node):
        """The quantity named by the head `label`, its arguments spelled `keys` (`commas`:
        separated by commas only) — see `head_value`."""
        name = self.scope.heads[label]
        body = self.scope.table[name].info.body
        bound = {k: self.bound_name(k) for k in keys if self.bound_name(k) is not None}
        for k in keys:
            spelled = self.scope.lookup(k) if k not in bound else None
            if spelled is not None and spelled[1].kind is Kind.VARIABLE and \
                    spelled[0].latex != k:     # X of x: inside E[…] the averaged copy of x
                here = self.spelled_variable(k, spelled[0], node)
                if here.name is not spelled[0]:
                    bound[k] = here.name
        members = {k: m for k in keys if k not in bound and (m := self._bound_member(k, node))}
        self._no_bound_letter_inside(label, [k for k in keys if k not in bound and
                                             k not in members], node)
        if not bound and not members:
            return Defined(name, (), body)
        free = {k: self.scope.lookup(k) for k in keys}
        if not commas and not members or any(
                free[k] is None for k in bound) or any(
                free[k] is None and k not in bound and k not in members for k in keys):
            raise self.error(f"{label} is defined above only as a quantity (its whole head "
                             f"names it), and {', '.join([*bound, *members])} is bound here: "
                             f"to apply it at the bound variable, define it as a function: % "
                             f"derive: define {label[:label.index('(')]}(t) = …", node)
        arguments = tuple(Sym(bound[k]) if k in bound else members[k][2] if k in members
                          else Sym(free[k][0]) for k in keys)
        mapping = {free[k][0]: Sym(b) for k, b in bound.items()}
        mapping.update({own: Sym(index) for own, index, _ in members.values()})
        return Defined(name, arguments, substitute(body, mapping, self.scope.allowance))

    def _no_bound_letter_inside(self, label, keys, node):
        """Refuse a quantity named by its whole head used where a binder binds a letter
        written inside one of its arguments (`\\sum_x g(2x)` after the row `g(2x) = q(x)`):
        the quantity is one number whose x is the file's, while the binder's x runs — x
        would mean two things in one term (was: a constant summand, refuted or verified
        against the author's sum)."""
        for key in keys:
            letters = _LETTERS_WRITTEN.findall(_DECORATED_GROUP.sub(" ", key))
            inside = next((t for t in letters if self.bound_name(t) is not None), None)
            if inside is not None:
                raise self.error(f"{label} is defined above only as a quantity (its whole head "
                                 f"names it), and {inside}, written in its argument {key}, is "
                                 f"bound here: the binder would not reach into the quantity — "
                                 f"define it as a function at a letter (% derive: define "
                                 f"{label[:label.index('(')]}(t) = …)", node)

    def _bound_member(self, key, node):
        """A head's argument `y_{i}`, a member of a declared indexed family whose index
        letter is bound where the head is used (`\\prod_{i=1}^n p(y_i|\\theta)` after
        `define p(y_i|\\theta) = …`): the head defines the quantity at each member, its
        index a parameter ranging over the family, so the use is the definition at the
        bound index. (the file's index Name, the bound one, the member there), or None."""
        found = re.fullmatch(r"(.+?)_\{([^{}]+)\}", key)
        if found is None:
            return None
        base, index = found.groups()
        family, own, there = self.scope.lookup(base + "_{\\cdot}"), self.scope.lookup(index), \
            self.bound_name(index)
        if family is None or family[1].kind is not Kind.FUNCTION or own is None or \
                there is None:
            return None
        self._whole_binder(there, family[1].info, key, base, node)
        return own[0], there, Call(family[0], Sym(there))

    def _no_subscripted_e(self, p, bracket):
        """Refuse an undeclared `E_0[x]`, `E_{t}[…]` (a plain E, E undeclared, with a
        subscript `expect_kind` does not read as a law, a variable or a parameter) before
        square brackets: it reads as an expectation, so neither an unknown E_0 times the
        bracket nor a function E_0 a row defines."""
        if p.base == "E" and p.sub is not None and bracket is not None and \
                bracket.open == "[" and self.scope.lookup("E") is None and \
                self.scope.lookup("E_{\\cdot}") is None:
            raise self.error(f"{p.key}[…] reads as an expectation, but its subscript names no "
                             "declared distribution, variable or random variable (nor a "
                             "parameter of one law): write \\mathbb{E}_{x \\sim p}[…], or "
                             "declare `% derive: expectation E` — never E_… times the bracket",
                             p.node)

    def _no_scripted_probability(self, p, node):
        """`\\Pr_p(X = x)`, `\\mathbb{P}_{q}`: a probability with a script is not read — never
        a new name (a function or a definition) silently."""
        if p.base in ALWAYS_OPERATORS and p.key != p.base and self.scope.lookup(p.key) is None:
            raise self.error(f"{p.key}: derive reads {p.base}(X = x) of the declared law; a "
                             "subscript naming the law is not read (declare the law: % derive: "
                             "random X with density p over x)", node)

    def _functional_at(self, key, bracket):
        """`\\varphi(q_1)`, `\\varphi(\\lambda q_1 + (1-\\lambda) q_2)` after a row or
        `define` made the quantity `\\varphi(q)` of a declared density q of one variable
        (`\\varphi(q) = \\sum q(x) \\log q(x)`, the entropy's convexity proofs): a quantity
        of a density is a functional, and at a combination of declared densities of the
        same variable (each written bare, read at the variable) it is its body with every
        value q(t) replaced by the combination's value at t. None (the quantity stays
        unapplicable, `_labelled_elsewhere`) unless the body uses q only through its
        values and the argument uses the variable only as its densities' argument."""
        labels = self._head_labels(key)
        if len(labels) != 1 or len(bracket.args) != 1:
            return None
        keys = self.label_keys(labels[0])
        own = self.scope.lookup(keys[0]) if len(keys) == 1 else None
        if own is None or own[1].kind is not Kind.DISTRIBUTION:
            return None
        body = self.scope.table[self.scope.heads[labels[0]]].info.body
        values = [t for t in subterms(body) if isinstance(t, Dens) and t.dist.name is own[0]]
        if not values or any(len(t.dist.over) != 1 or t.dist.given or t.dist.cond or
                             len(t.at) != 1 for t in values):
            return None                   # q conditional, or of several variables
        variable = values[0].dist.over[0]
        argument = self.term(single(bracket.args[0]))

        def swap(t, found, value):
            if isinstance(t, Dens) and found(t):
                return value(t)
            kids = t.children
            return t.rebuild([swap(c, found, value) for c in kids]) if kids else t

        def at_variable(t):
            return t.at == (Sym(variable),) and t.dist.over == (variable,) and \
                not t.dist.given and not t.dist.cond
        if not any(isinstance(t, Dens) and at_variable(t) for t in subterms(argument)) or \
                variable in free_names(swap(argument, at_variable, lambda t: ONE)):
            return None                   # no density at the variable, or the variable bare
        applied = swap(body, lambda t: t.dist.name is own[0],
                       lambda t: substitute(argument, {variable: t.at[0]}, self.scope.allowance))
        # q left anywhere (the law of an expectation, a divergence, an entropy): no functional
        # of q's values — terms are shared, so this is asked of the result, never counted
        return applied if own[0] not in free_names(applied) else None

    def _not_a_declared_family(self, key, node):
        """`p(x_i)` of a letter the file declares only as a family (`positive p_k for k =
        1..K`): the author's p is the one distribution (p(x_i) = p_k for an item of class
        k), but read as an unknown function of its own beside the family, p(x_i) and p_k
        would be two unrelated things — a step equating them refuted on a made-up p.
        Refused: one name means one thing (declare the function, or write the member)."""
        found = self.scope.lookup(key + "_{\\cdot}") if "_" not in key else None
        if found is not None and found[1].declared:
            raise self.error(f"{key} is declared as the family {key}_{{\\cdot}} (one value per "
                             f"index); {key}(…) here would be an unknown function of its own "
                             f"beside it, unrelated to its members: one name means one thing "
                             f"— write the member ({key}_k) the step means", node)

    def _labelled_elsewhere(self, key, node, heading=False):
        """`f(-x)` where a row defined only the quantity `f(x, y|z)` (its whole head is the
        name): f applied elsewhere would be an unknown function of its own, silently.
        `heading`: `f(…)` is the head of another quantity, which a label that is only a
        label (`FileScope.only_a_label`: `V(G^*, D^*)`) leaves free to define."""
        base = key.rstrip("'")              # σ'(x) after the quantity σ(x): not its derivative
        defined = [label for label in self.scope.heads if label.startswith(base + "(") and
                   not (heading and self.scope.only_a_label(label))]
        if defined:
            raise self.error(f"{key} is defined above only as the quantity {defined[0]} (its "
                             "whole head names it); to apply it elsewhere, define it as a "
                             f"function: % derive: define {key}(t) = …", node)

    def _tag_beside_index(self, key, node):
        """`\\mathcal{L}_{IWAE,k}`, and the tag after the index, glued to it or apart
        (`_{k,IWAE}`, `_{IWAE_k}`, `_{IWAE;k}`, `_{IWAE\\,k}`, `_{\\mathrm{elbo},k}`,
        `_{IWAE}^{(k)}`), undeclared, as a number or applied (`\\mathcal{L}_{k,IWAE}(x)`): the
        author's tagged quantity at the index k (Burda et al.'s bound with k samples), which
        derive does not read yet — never a fresh unknown of its own (`\\log p(x) \\ge
        \\mathcal{L}_{IWAE,k}` was refuted at a complex value), whatever the order, the
        separator or the tag's font (`naming.tag_beside`)."""
        scripts = {t.data: self.source_text(t.children[1]) for t in node.children
                   if is_tree(t, "subscript", "superscript")} if is_tree(node, "script") else {}
        written = scripts.get("subscript")
        tagged = naming.tag_beside(written, scripts.get("superscript")) \
            if written is not None else None
        if tagged is None:
            return
        base = key[:key.index("_{")]
        raise self.error(f"{self.source_text(node).strip()}: {base}_{{{tagged[0]}}} at the index {tagged[1]} (a "
                         f"name tag beside an index) is not read yet — define the indexed "
                         f"quantity itself (define {base}_k = …) and write it at k", node)

    def _undeclared_symbol(self, key, node):
        """The Name of an undeclared (complex) symbol. A lone `i` is refused: it may be the
        imaginary unit (`e^{i\\pi}`) or an index, and derive reads neither silently."""
        self.refuse_matrix_name(key, node)
        if key == "T" and id(node) in self._transposes:
            raise self.error(naming.TRANSPOSES + "; if T is a number, declare it (% derive: "
                             "integer T)", node)
        if key == "i" and not self._indexing and not self._an_index(key):
            raise self.error("i is not declared: the imaginary unit or an index? derive has "
                             "no imaginary unit; declare i if it is a number (% derive: real "
                             "i, or integer i) or bind it (\\sum_i)", node)
        self.refuse_vector_operand(key, node)
        if key.startswith("\\vec{") or key.startswith("\\overrightarrow{"):
            raise self.error(f"{key} is not declared, and its arrow makes it a vector: derive "
                             "does not read it as a number (`\\vec{u} \\times \\vec{v}` is a "
                             "cross product, `\\cdot` a dot product) — declare it (% derive: "
                             f"real {key} in \\mathbb{{R}}^n) or write a letter", node)
        if self.capital_variable(key) is not None:
            self.capital_read(key, node, "number")
        labels = self._head_labels(key)
        if labels:                          # ∂h_θ/∂θ_0 after h_θ(x_i) = …: not a new number
            raise self.error(f"{key} is defined above only as the quantity {labels[0]} (its "
                             f"whole head names it): bare, it would be a new number of its "
                             f"own — write {labels[0]}, or define {key} as a function "
                             f"(% derive: define {key}(t) = …)", node)
        if "_{" in key:                     # t_k, t_1 of a family whose definition was unread
            self.not_ended(key[:key.index("_{")] + "_{\\cdot}", node)
            self._tag_beside_index(key, node)
            self._not_unfolded(key[:key.index("_{")], node)
        if self.scope.measure is not None and self.scope.measure[0] == key:
            line, column = self.source.position(self.scope.measure[1])
            raise self.error(f"{key} is this file's reference measure (d{key} at line {line}:"
                             f"{column}): a number of the same name would give it a second "
                             f"meaning — name the number otherwise", node)
        name, conflict = self.scope.implicit(key, Kind.SYMBOL, self.offset + _start(node),
                                             self.real_copy(key))
        self._conflict(key, conflict, node, Kind.SYMBOL)
        self.note_bold_number(name, node)
        for spelling in (f"{key}'", f"{key}''", f"\\dot{{{key}}}", f"\\ddot{{{key}}}"):
            self._undeclared_use(spelling, Kind.FUNCTION, key, node, spelling)
        return name

    def _derivative_of_a_number(self, key, node):
        """`h'(x)` or `\\dot{h}(x)` applied where the file uses h, undeclared, as a number
        (`h = 5 \\Rightarrow h'(x) + h = …`): h would be a function and a number — the
        same two meanings `_conflict` refuses for `h(x)` beside `h`."""
        base = _differentiated(key)
        if base is not None:
            self._undeclared_use(base, Kind.SYMBOL, base, node, key)

    def _undeclared_use(self, spelling, kind, key, node, derivative):
        """Refuse (`_conflict`) the use of `key` here when `spelling` was used undeclared
        as `kind` (key and spelling: a function h and its `derivative` h'). Every row
        writing the derivative is then refused too (`Scope.two_meanings`)."""
        found = self.scope.lookup(spelling)
        first = self.scope.first_use.get(found[0]) if found is not None else None
        if first is None or found[1].kind is not kind or found[1].declared:
            return
        self.scope.two_meanings.setdefault(
            self.scope.name(derivative), f"{derivative} is a derivative of {key}, which the "
            "file also uses as a number")
        self._conflict(key, first, node, Kind.FUNCTION if kind is Kind.SYMBOL else Kind.SYMBOL)

    def is_index(self, term):
        """Whether a term is a free letter that is a whole number of the file (an index)."""
        return isinstance(term, Sym) and self.bound_name(term.name.latex) is None and \
            self._an_index(term.name.latex) and self.scope.lookup(term.name.latex)[0] is term.name

    def _an_index(self, key):
        """Whether the undeclared letter is already a whole number of the file (an index of
        a member, a sum's bound): then a lone `i` is that index, never the imaginary unit."""
        found = self.scope.lookup(key)
        return found is not None and found[1].kind is Kind.SYMBOL and \
            found[1].domain.is_integer

    def vector_at(self, base, node):
        """What a vector spelled `base` stands for where it is written: the Name bound to
        that spelling (`\\int … dz`), or, for another spelling of a declared variable (the
        capital Z of z, `random Z with density … over z`), that variable as it stands here
        (`spelled_variable`: inside \\mathbb{E}_Z the averaged copy, outside any expectation
        the free z) — so `Z_1`, `Z^T Z` under \\mathbb{E}_Z are the averaged copy's
        components, never the free z's (E_Z[Z_1] = z_1 was verified). None otherwise."""
        owner = self.bound_name(base)
        if owner is not None:
            return owner
        found = self.declared(base)
        if found is not None and found[1].kind is Kind.VARIABLE and found[0].latex != base:
            return self.spelled_variable(base, found[0], node).name
        return None

    def _vector_component(self, p):
        """`z_j`, `z_1`, `\\mu_1` for a vector z or μ: the member of its component family at
        the index — of the innermost bound copy where z is bound (`\\int … dz`,
        `\\mathbb{E}_{z \\sim q}`: the components are integrated with z), else of the declared
        vector (so `\\mu_1` has μ's declared domain). None when p is no vector's component."""
        if p.sub is None or self._decorated(p) or self.scope.lookup(p.key) is not None:
            return None
        indices = _subitems(p.sub)
        if len(indices) != 1:
            return None
        owner = self.vector_at(p.base, p.node)
        if owner is not None and owner.origin is not None and \
                vectors.dimension(owner, self.scope.context) is not None:
            if owner not in self.copy_components:
                self.copy_components[owner] = vectors.components_of_copy(owner)
            components = self.copy_components[owner]
        else:
            found = self.declared(p.base) if owner is None else \
                self.scope.lookup(owner.latex) if owner.origin is None else None
            info = found[1].info if found is not None else None
            if not isinstance(info, (vectors.Vector, vectors.VectorVariableInfo)):
                return None
            if isinstance(info, vectors.Vector):    # z in ℝ^n: a member of z_j for j = 1..n
                index = self._index(indices[0], p)
                self._whole_member_indices([index], self.scope.table[info.components].info, p)
                return Call(info.components, index)
            components = info.components
        return Call(components, self.term(indices[0]))

    def _conflict(self, key, first_use, node, used_as):
        """An undeclared name used here as `used_as` after being used as the other kind."""
        if first_use is None:
            return
        self.not_ended(key, node)
        line, column = self.source.position(first_use)
        here, there = ("a number", "a function") if used_as is Kind.SYMBOL else \
            ("a function", "a number")
        at = self.source.position(self.offset + _start(node))
        self.scope.two_meanings.setdefault(
            self.scope.name(key), f"{key} is used at line {line}, column {column} as {there} "
            f"and at line {at[0]}, column {at[1]} as {here}")
        raise self.error(f"{key} is used here as {here} and at line {line}, column {column} "
                         f"as {there}: one name means one thing (declare it, or rename one)",
                         node)

    def not_ended(self, key, node):
        """Raise when `key` was defined beside one earlier row only (`\\quad (f(u) = …)`),
        by a row whose expression goes on in a display of its own (`builder`), or by a row
        that could not be read (then any reading of it would be a guess)."""
        unread = self.scope.unread_at(key)
        if unread is not None:
            line, _ = self.source.position(unread)
            found = self.declared(key.rstrip("'"))
            density = found is not None and found[1].kind is Kind.DISTRIBUTION
            raise self.error(unread_message(key.rstrip("'"), line, density), node)
        if key in self.scope.ended:
            line, _ = self.source.position(self.scope.ended[key])
            raise self.error(f"{key} is defined at line {line} for that row only (beside it, "
                             "or cut off where its expression goes on past its display): "
                             "to use it further, define it once (% derive: define …)", node)

    def _no_letter_captured(self, p, info):
        """A definition whose body uses a declared number (`\\bar{X} = \\frac{1}{n}\\sum_{i=1}^n
        X_i` uses n) read where a sum, product or integral binds that letter
        (`\\sum_{n=1}^{2} Var(\\bar{X})`): the binder does not reach into the definition,
        which keeps the file's n — what the author means (the sizes 1, 2) is not what would
        be read. Refused, as a bound letter in a name's label is."""
        if not self.bound:
            return
        for name in free_names(info.body) - set(info.params or ()):
            declared = self.scope.table.get(name)
            if declared is not None and declared.kind is Kind.SYMBOL and \
                    self.bound_name(name.latex) not in (None, name):
                problem = self.error(f"{p.key} is defined with the file's {name.latex}, "
                                     f"and {name.latex} is bound here: the binder does not "
                                     f"reach into the definition (it would keep the file's "
                                     f"{name.latex}) — write the definition out, or bind "
                                     f"another letter", p.node)
                problem.captured = name.latex   # `_at_the_files_index` may read a name
                raise problem

    def _not_moving_a_named_density(self, p, info, args, bracket):
        """A definition applied at another value of a parameter whose letter names a density
        in its body (`L(\\theta) = \\int p_\\theta(x) x\\,dx`, then `L(0)`) is refused:
        p_θ is the model's density at θ, and how it moves with θ is not written — putting 0
        for θ would leave p_θ as it is and make L the same number at every argument."""
        densities = [n.name for n in subterms(info.body) if isinstance(n, Dist)]
        for param, arg in zip(info.params, args):
            if (not isinstance(arg, Sym) or arg.name.latex != param.latex) and \
                    any(labelled_by(d, param) for d in densities):
                raise self.error(f"{p.key} is applied at {show(arg)} for {param.latex}, which "
                                 f"names a density in its body: how that density moves with "
                                 f"{param.latex} is not said", bracket.node)

    def _declared(self, p, name, declaration, bracket):
        kind = declaration.kind
        value = self.abbreviated(p, name, bracket)        # σ after σ = σ(a)
        if value is not None:
            return value
        if kind is Kind.DISTRIBUTION:
            if bracket is not None and bracket.open in "([" and not self.groups_a_factor(bracket):
                return self.density(name, declaration.info, bracket), 2
            return self.bare_density(name, declaration.info, p.node), 1
        if kind is Kind.DEFINITION:
            info = declaration.info
            self._no_letter_captured(p, info)
            if info.params:
                if bracket is None or bracket.open != "(":
                    args = self._at_variables(info.params)
                    if args is None and not set(info.params) & free_names(info.body):
                        return Defined(name, (), info.body), 1    # constant in its params
                    if args is None:
                        raise self.error(_BARE_FUNCTION.format(key=p.key, n=len(info.params)),
                                         p.node)
                    return Defined(name, args, self._apply(info, args, p.node)), 1
                crossed = self.family_cross_entropy(p.key, info, bracket) if \
                    len(bracket.args) != len(info.params) else None
                if crossed is not None:                 # H(p, q) after H(p) = \sum_i …
                    return self._powered(crossed, bracket), 2
                if len(bracket.args) != len(info.params):
                    if registry.spelled(p.key):         # I(X; Y) after I(p) = …
                        self.not_defined_as_function(p.key, bracket)
                    raise self.error(f"{p.key} takes {len(info.params)} argument(s), not "
                                     f"{len(bracket.args)}", bracket.node)
                vector = self.of_a_vector(p, name, info, bracket)   # LSE(x + c)
                if vector is not None:
                    return self._powered(vector, bracket), 2
                if p.key in registry.FUNCTION_LIKE and \
                        not self.spells_the_files_operator(p.key):   # h(p) after h(x) = …
                    self._not_of_a_density(p.key, bracket, p.node, defined=True)
                args, body = self.applied(info, bracket, p.node)
                self._not_moving_a_named_density(p, info, args, bracket)
                return self._powered(Defined(name, args, body), bracket), 2
            divergence = self._divergence_after_its_value(p.key, bracket)
            if divergence is not None:
                return divergence, 2
            self._no_number_before_an_operand(
                p.key, f"is defined above as the number {show(info.body)}", bracket)
            if bracket is not None and bracket.open == "(" and (
                    not self._multiplied_by_brackets(info.body) or
                    self._at_its_own_numbers(info.body, bracket)):
                raise self.error(f"{p.key} is defined without arguments as {show(info.body)}, "
                                 f"which is no constant number: is {p.key}(…) its value there, "
                                 f"or {p.key} times the bracket? Define it with its argument "
                                 f"({p.key}(x) = …), or write {p.key} \\cdot (…) for the product",
                                 bracket.node)
            body, points = self._at_bound_points(info.body, p.node)
            return Defined(name, points, body), 1
        if kind is Kind.FUNCTION:
            if (bracket is None or bracket.open != "(") and self.averaged:
                return Call(name, Sym(self.averaged[-1])), 1      # var[f]: f at the variable
            if bracket is None or bracket.open != "(":
                raise self.error(f"{p.key} is a function: apply it, as in {p.key}(x)", p.node)
            if isinstance(declaration.info, UnmodelledLawInfo):  # q(x_1 | x_0), q(x_T) after
                return self._powered(self.unmodelled_conditional(p.key, bracket, p.node),
                                     bracket), 2
            return self._powered(self.opaque_call(name, p, bracket, semicolons=True),
                                 bracket), 2
        if kind is Kind.SET:
            raise self.error(f"{p.key} is a set; derive reads it only as a range of "
                             "summation", p.node)
        if kind is Kind.SYMBOL:
            divergence = self._divergence_beside_a_number(p.key, bracket) if \
                declaration.domain.is_integer else None
            if divergence is not None:                  # D(p || r) beside a natural D
                return divergence, 2
            self._no_number_before_an_operand(
                p.key, f"is declared a {declaration.domain.value} number", bracket)
        if isinstance(declaration.info, (vectors.Vector, vectors.VectorVariableInfo)):
            self.vector_uses.setdefault(name, p.node)
        return Sym(name), 1

    def _no_number_before_an_operand(self, key, number, bracket):
        """A number spelled as an operator — defined (`H = 1`, `define E = 1`, a worked
        example's value) or declared (`% derive: real H`) — then that spelling before what
        only the operator takes: a random variable, an event, square brackets, a bare density
        or a free variable of the file (`H(X)`, `E[X]`, `H(p)`, `H(X, Y)`, `H(x)`): entropy
        or expectation, or the number times a random variable (read as its value x: was
        refuted)? Refused, as `P(X = x)` after a number P is
        (`not_an_event_of_another_name`); `number` says what the file made of `key`."""
        if bracket is None or not (registry.spelled(key) or key in LOOKALIKES):
            return
        if self._random_event(bracket) or any(
                self._names_an_operand(arg) for arg in bracket.args):
            call = f"{key}[…]" if bracket.open.endswith("[") else f"{key}(…)"
            raise self.error(f"{key} {number} in this file: {call} of a random variable or "
                             f"a law here would be an entropy or an expectation, a second "
                             f"meaning (one name means one thing) — rename the number or the "
                             f"operator, or write {key} \\cdot {call[len(key):]} for the product",
                             bracket.node)

    def _names_an_operand(self, arg):
        """Whether a bracket's argument is the bare name of what an operator takes: a
        declared density (`p` in `H(p)`), or a declared variable that no binder here holds
        (`x` in `H(x)`, the entropy of x in some texts; inside `\\sum_x` it is a number)."""
        item = one_item(arg)
        try:
            name = naming.name_text(item)
        except naming.NameError_:
            return False
        found = self.scope.lookup(name) if name is not None else None
        return found is not None and (
            found[1].kind is Kind.DISTRIBUTION or
            found[1].kind is Kind.VARIABLE and self.bound_name(name) is None)

    def _divergence_after_its_value(self, key, bracket):
        """A divergence's spelling that a row defined bare (`D_{\\text{KL}} = \\mathbb{E}_q[\\log
        q] - \\mathbb{E}_q[\\log p]`: the author's shorthand for the divergence the display
        works out), written later with two arguments between a bar
        (`D_{\\text{KL}}(\\mathcal{N}(\\mu, \\sigma^2) \\| \\mathcal{N}(0, 1))`): the bar
        makes it the divergence of those laws — a number takes no arguments, and no product
        has a bar between two laws. The registry's operator, as without the row; the row's
        definition stays a name for its bare uses. None for anything else."""
        if bracket is None or bracket.open != "(" or len(bracket.args) != 2 or \
                not registry.spelled(key) or key in registry.FUNCTION_LIKE or \
                any(s != r"\|" for s in _separators(bracket.seps)):
            return None
        op = registry.lookup(key, 2)
        if op is None or op.takes != "distributions" or "\\|" not in op.separators:
            return None
        return self._operator(key, bracket)

    def _divergence_beside_a_number(self, key, bracket):
        """A divergence's spelling the file declares a whole number (Cover & Thomas's `natural D`,
        the code alphabet's size, beside their relative entropy `D(p||r)` in one proof),
        written with a round bracket of two arguments between a double bar (`\\|`, `||`,
        `\\parallel`): no product of a number has a bar between two laws, so it is the
        registry's divergence of those laws (an argument that is no law is refused there).
        Anything else after the number (`D(x)`, `D(p, q)`, `D(X)`) is left to the caller,
        which refuses an operand of an operator. None when not so written."""
        if bracket is None or bracket.open != "(" or len(bracket.args) != 2 or \
                not registry.spelled(key) or \
                any(s != r"\|" for s in _separators(bracket.seps)):
            return None
        op = registry.lookup(key, 2)
        if op is None or op.takes != "distributions" or "\\|" not in op.separators:
            return None
        if not log_base.writes_base(self.source.text, key):
            return self._operator(key, bracket)
        base = self._base_of_the_file(key)
        if base is None:
            raise self.error(f"{key} is declared a number and the file writes logarithms to "
                             f"base {key}: {key}(…‖…) beside them is the divergence in base "
                             f"{key} (Cover & Thomas's {key}-ary codes) only where every "
                             f"logarithm of the file is \\log_{key}, {key} > 1 is assumed "
                             f"(% derive: assume {key} \\ge 2) and no unit is declared — here it "
                             f"may be in nats or bits: write \\sum_i p_i \\log_{key} "
                             f"\\frac{{p_i}}{{q_i}}, or D_{{KL}}(…) / \\ln {key}", bracket.node)
        return self._in_base(self._operator, key, bracket, base)

    def _entropy_to_a_base(self, p, bracket):
        """`H_D(X)`, `H_D(X | Y)` of random variables, D a declared number (Cover & Thomas's
        entropy of a D-ary code's source): the entropy in base D, H(X) / ln D, in a file
        whose information is in base D (`_base_of_the_file`). Elsewhere D may be the base or
        Rényi's order (H_2 is the collision entropy): refused. None when not so written (a
        file's own `define H_D(X) = …` is read before this)."""
        letter = re.fullmatch(r"H_\{([A-Za-z])\}", p.key)
        found = self.scope.lookup(letter.group(1)) if letter and p.power is None and \
            not p.primes else None
        if (found is None or found[1].kind is not Kind.SYMBOL) and p.key.startswith("H_{") and \
                self.scope.lookup(p.key) is None and self.scope.lookup("H") is None and \
                bracket.args and all(self._capital(a) for a in bracket.args):
            raise self.error(f"{p.key}(…) of random variables: an entropy in base "
                             f"{p.key[3:-1]} or Rényi's of that order (H_2 the collision "
                             "entropy)? derive reads H(X) (in nats, or bits after % derive: "
                             f"information in bits) — define it (% derive: define {p.key}(X) "
                             "= …) or write H", bracket.node)
        if found is None or found[1].kind is not Kind.SYMBOL or \
                self.scope.lookup("H") is not None or \
                not all(self._capital(a) for a in bracket.args):
            return None                 # H_b(p) of a number: the file's function H_b
        if self.information("H", replace(bracket, power=None)) is None:
            return None
        base = self._base_of_the_file(letter.group(1))
        if base is None:
            raise self.error(f"{p.key}(…) beside the declared number {letter.group(1)}: the "
                             f"entropy in base {letter.group(1)} (Cover & Thomas) is read only "
                             f"where every logarithm of the file is \\log_{letter.group(1)}, "
                             f"{letter.group(1)} > 1 is assumed and no unit is declared — here "
                             f"it may be a Rényi entropy of order {letter.group(1)}: define it "
                             f"(% derive: define {p.key}(X) = …)", bracket.node)
        return self._in_base(self.information, "H", bracket, base)

    def _in_base(self, read, key, bracket, base):
        """`read(key, bracket)` (a quantity in nats) over ln `base`, then the bracket's power:
        `D(p \\| r)^2` is (KL / ln D)², never KL² / ln D (atkI)."""
        value = div(read(key, replace(bracket, power=None)), Fn("log", base))
        return value if bracket.power is None else Pow(value, self.term(bracket.power))

    def _base_of_the_file(self, key):
        """Sym of the declared number `key` (Cover & Thomas's `natural D`) when the file's
        information is in base `key`: every logarithm it writes is `\\log_D`
        (`log_base.every_logarithm_to`), an assumption makes D > 1 (a logarithm's base:
        `assume D \\ge 2`, `D > 1`) and the file declares no unit. None otherwise."""
        found = self.scope.lookup(key)
        if found is None or found[1].kind is not Kind.SYMBOL or \
                "information" in self.scope.readings or \
                not log_base.every_logarithm_to(key, self.source.text):
            return None
        base = Sym(found[0])
        return base if any(_above_one(h, base) for h in self.scope.assumptions) else None

    def _multiplied_by_brackets(self, body):
        """Whether a definition's body without parameters is a number a bracket after its name
        multiplies (`define c = 2` then `c(a + b)`): it names only symbols the file declares
        numbers and members of declared families at their indices (`\\alpha_t`, DDPM's
        `\\tilde{\\beta}_t (A_1 + 1)`) — no variable, density, distribution, function or other
        undeclared letter (`define g = x^3` then `g(2)`, `M = \\tfrac12(P + Q)` then `M(x)`: a
        function's value there, or the product? refused by the caller)."""
        members = [t for t in subterms(body) if isinstance(t, Call) and
                   t.function.latex.endswith("_{\\cdot}")]
        indices = {n for t in members for a in t.arguments for n in free_names(a)}
        for name in free_names(body):
            found = self.scope.table.get(name)
            if name in indices and (found is None or found.kind is not Kind.VARIABLE) or \
                    any(t.function == name for t in members):
                continue
            if found is None or not found.declared or found.kind is not Kind.SYMBOL or \
                    isinstance(found.info, (vectors.Vector, vectors.VectorVariableInfo)):
                return False
        return not any(isinstance(t, Dens) or isinstance(t, Call) and t not in members
                       for t in subterms(body))

    def _at_its_own_numbers(self, body, bracket):
        """Whether a round bracket after a name defined without arguments holds just a letter
        its body names (`define L = w^2 + 1` then `L(w)`): the author may mean L's value at w
        — L as the function of w its body is — as much as the product, so the caller refuses
        it (a true `L(w) = w^2 + 1` was refuted as L·w). A bracket holding an expression
        (`define c = a b` then `c(a + 1)`, `c^2 (1 + x)`) multiplies, as constants do."""
        if bracket.seps or len(bracket.args) != 1:
            return False
        inside = self.grouping(bracket)
        return isinstance(inside, Sym) and inside.name in free_names(body)

    def _apply(self, info, args, node, mapping=None):
        """A definition's body with its parameters put to `args` (or as `mapping` says),
        within a size bound: a definition that applies the one before it twice doubles at
        each level."""
        mapping = mapping if mapping is not None else dict(zip(info.params, args))
        self._not_shadowed(info, mapping, node)
        try:
            return substitute(info.body, mapping, self.scope.allowance)
        except TooLarge:
            raise self.error(f"applying the definitions of this file builds more than "
                             f"{MAX_EXPANSION} terms in all: derive does not read it", node) from None

    def _not_shadowed(self, info, mapping, node):
        """Raise when a parameter spelled as a file symbol that the body reaches — a declared
        law in it is written with that symbol (`define h(y) = \\mathbb{E}_{\\theta \\sim
        p}[\\theta]`, p's formula in the file's y: `families.law_names`), or a definition in
        it is (`define c = y^2`, then `define h(y) = c + y`) — is put at anything but that
        symbol (`h(0)`, `h(y')`, h under `\\sum_y`): what the body reaches would stay at the
        file's y, not at h's argument — derive puts no argument into a declared law or
        another definition. At the symbol itself (`h(y)`) the two agree."""
        outer = {param: self.scope.names.get(param.latex) for param in info.params
                 if param in mapping}
        outer = {param: name for param, name in outer.items()
                 if name is not None and name is not param and mapping[param] != Sym(name)}
        if not outer:
            return
        kept = families.law_names(info.body, self.scope.context) | {
            t.name for t in subterms(info.body) if isinstance(t, Sym)}
        defined = info.latex.split("(")[0].strip()
        for param, name in outer.items():
            if name in kept:
                raise self.error(
                    f"the parameter {param.latex} of {defined} is also the file's "
                    f"{param.latex}, which a law or definition its body uses is written with: put "
                    f"at another value, that law or definition would keep the file's "
                    f"{param.latex} — derive puts no argument into it; write its formula in "
                    f"the body (\\mathbb{{E}}_{{x \\sim \\mathrm{{Beta}}(1 + {param.latex}, 1)}}"
                    f"[x] for a law), or use {defined} at {param.latex} only", node)

    def _at_bound_points(self, body, node):
        """A definition without parameters whose body mentions declared variables (`define
        M = \\frac{p + q}{2}` is M(x)) is taken where those variables stand: inside an
        integral over x, at its bound x — as a bare density is. Returns (body, the points,
        which the reading shows: M(x′))."""
        mapping = {}
        for name in free_names(body):
            declaration = self.scope.table.get(name)
            if declaration is not None and declaration.kind is Kind.VARIABLE:
                point = self.bound_point(name)
                if point is not None:
                    mapping[name] = Sym(point)
        if not mapping:
            return body, ()
        points = tuple(mapping[n] for n in sorted(mapping, key=lambda n: n.sort_key()))
        try:
            return substitute(body, mapping, self.scope.allowance), points
        except TooLarge:
            raise self.error(f"applying the definitions of this file builds more than "
                             f"{MAX_EXPANSION} terms in all: derive does not read it", node) from None

    def _at_variables(self, params):
        """A definition used bare, whose parameters are spelled like declared variables
        (`D^\\star` after `define D^\\star(x) = …`): its arguments are those variables
        where they stand (the innermost bound copy, or the variable itself), as for a
        bare density; None when a parameter is not spelled like a variable."""
        args = []
        for param in params:
            found = self.declared(param.latex)
            if found is None or found[1].kind is not Kind.VARIABLE:
                return None
            bound = self.bound_point(found[0])
            args.append(Sym(bound if bound is not None else found[0]))
        return tuple(args)

    def _derivative_of(self, p):
        """(base key, order) when a name piece spells a derivative of a function the file
        knows — primes (`f'`, `f''`) or an order in parentheses (`f^{(2)}`, `f^{(n)}`: the
        order None when it is no whole number) on a name defined, declared or used as a
        function or density; else None (`L'` of a symbol L is a name of its own, and
        `\\mathbf{x}^{(i)}` of a variable an index)."""
        if p.primes:
            base, order = p.key.rstrip("'"), p.primes
        else:
            m = _ORDER.match(p.key)
            if m is None:
                return None
            base, order = m.group("base"), int(m.group("order")) \
                if m.group("order").isdigit() else None
        found = self.scope.lookup(base)
        if found is None or found[1].kind not in (Kind.DEFINITION, Kind.FUNCTION,
                                                  Kind.DISTRIBUTION):
            return None
        if found[1].kind is Kind.DEFINITION and not p.primes and not found[1].info.params:
            return None                 # θ^{(2)} of a defined number: an iterate's name
        if p.primes and self._mass_function(found):
            return None                 # q'(k|x) of a pmf: no derivative, a name of its own
        return base, order

    def _mass_function(self, found):
        """Whether a looked-up name is a mass function: a distribution over discrete
        variables only, which no derivative by its argument exists for — so its primed
        spelling (`q'(k|x_i)`, label smoothing's target) can only name a distribution of
        its own."""
        name, declaration = found
        info = declaration.info
        return declaration.kind is Kind.DISTRIBUTION and bool(getattr(info, "over", ())) and \
            all(getattr(self.scope.context.declaration(v).info, "discrete", False)
                for v in info.over)

    def _derived_function(self, p, bracket, base_key, order):
        """`f'(u)`, `f^{(2)}(u)` for a defined function f: its derivative at u. The
        derivative of a function or density derive knows nothing of (`function f`,
        `convex g`, an undeclared f used above, a density) is refused: it is no new,
        unrelated function."""
        bound = self.bound_name(base_key)
        if bound is not None and self.optimising(bound):
            raise self.error(f"{p.key}: a derivative of {base_key}, which the optimum around "
                             f"it ranges over — derive reads an optimum over a function only "
                             f"through its values (the file's {base_key}' is another "
                             f"function)", p.node)
        name, declaration = self.scope.lookup(base_key)
        if declaration.kind is Kind.FUNCTION and \
                derivatives.differentiable(name, self.scope.context):
            return self._named_derivative(p, bracket, name, order), 2
        if declaration.kind is not Kind.DEFINITION:
            what = "a density" if declaration.kind is Kind.DISTRIBUTION else \
                "a function known only by its name"
            raise self.error(f"{p.key} is the derivative of {base_key}, {what}: derive does "
                             f"not differentiate it — define {base_key} (% derive: define "
                             f"{base_key}(t) = …) to use its derivative", p.node)
        if order is None:
            raise self.error(f"{p.key}: derive reads derivatives of a whole-number order "
                             f"only (write {base_key}'' or {base_key}^{{(2)}})", p.node)
        info = declaration.info
        if len(info.params) != 1 or bracket is None or bracket.open != "(":
            raise self.error(f"{p.key} is read as the derivative of {base_key}, a function of "
                             "one argument: write it applied, as in f'(u)", p.node)
        (param,) = info.params
        value = Defined(name, info.params and tuple(Sym(q) for q in info.params), info.body)
        for _ in range(order):
            value = Deriv(value, param)
        args = self._arguments(bracket)
        if len(args) != 1:
            raise self.error(f"{p.key} takes one argument", bracket.node)
        return self._powered(At(value, param, args[0]), bracket), 2

    def _named_derivative(self, p, bracket, name, order):
        """`f'(u)` of a plainly declared function f: the call of f's derivative
        (`notation.derivatives`), declared in the scope so that one Name stands for it."""
        if order is None:
            raise self.error(f"{p.key}: derive reads derivatives of a whole-number order "
                             f"only (write {name.latex}'' or {name.latex}^{{(2)}})", p.node)
        if bracket is None or bracket.open != "(":
            raise self.error(f"{p.key} is read as the derivative of {name.latex}, a function "
                             "of one argument: write it applied, as in f'(u)", p.node)
        args = self._arguments(bracket)
        if len(args) != 1:
            raise self.error(f"{p.key} takes one argument", bracket.node)
        derived = derivatives.derived(name, order, self.scope.table)
        if derived not in self.scope.table:
            self.scope.declare_unspelled(derived, derived.local)
        return self._powered(Call(derived, args[0]), bracket)

    def _not_at_a_function(self, key, bracket):
        """`C(G)` of a name the file does not define, G a declared function: a quantity
        depending on the function G (the GAN's C(G), V(D, G)) is read only once it is
        defined; as an unknown function of its own at G it would be a number chosen for
        nothing the file says (and G is no number to put it at) — refused, naming the
        definition to write."""
        for arg in bracket.args:
            node = single(arg)
            piece = self.piece(node) if is_tree(node, "script") else None
            found = self.declared(piece.key) if isinstance(piece, NamePiece) and \
                piece.power is None else None
            if found is not None and found[1].kind is Kind.FUNCTION:
                raise self.error(f"{key} is not defined, and {piece.key} is a function: "
                                 f"{key}({piece.key}) would be a quantity depending on the "
                                 f"function {piece.key}, which derive reads only once it is "
                                 f"defined above its uses (% derive: define {key}({piece.key})"
                                 f" = …, or a row {key}({piece.key}) = …)", arg)

    def opaque_call(self, name, p, bracket, semicolons=False):
        """`f(z)` of an opaque function: the numbers it moves with (`moving_arguments`),
        then the arguments written — for a declared function (`semicolons`) parameters
        after `;` first (`function_arguments`) — read so only where that is one reading
        (`_one_spelling_of_a_moving_function`, `_written_beside_moving`)."""
        moving = self.moving_arguments(name, p.node)
        self._one_spelling_of_a_moving_function(name, p, bool(moving))
        self._moves_alike(name, moving, p.node)
        arguments = (self.function_arguments(name, bracket, moving, p.node) if semicolons
                     else [*moving, *self._arguments(bracket)])
        self._written_beside_moving(name, moving, arguments[len(moving):], bracket)
        if len(arguments) == 1 and isinstance(arguments[0], Sym):
            self._row_letters.setdefault(name, set()).add(arguments[0].name.variable)
        return Call(name, *arguments)

    def _moves_alike(self, function, moving, node):
        """A function named at a letter (`f_\\theta`, `V_w`) moves with that letter where it
        is a number and not where it names nothing (`moving_arguments`): V_w(x) is V(w, x)
        inside a binder of w and V(x) outside it — two functions under one name, which
        "refuted" `T_w(x) = V_w(x)` after `define T_w(x) = V_w(x)` read at each index w.
        Every call of one function moves with the same numbers, or it is refused here."""
        shown = tuple(m.name.latex for m in moving)
        first = self.scope.moving_shown.setdefault(function, shown)
        if first != shown:
            letters = ", ".join(dict.fromkeys(first + shown))
            raise self.error(f"{function.latex} is named at {letters}, which is a number "
                             f"{'here' if shown else 'elsewhere'} (bound or declared) and "
                             f"names nothing {'elsewhere' if shown else 'here'}: is "
                             f"{function.latex} a function at each value of {letters}, or one "
                             "function? derive reads neither silently — declare the letter "
                             f"(real {letters}) or write % derive: depends {function.latex} "
                             f"on {letters}", node)

    def _written_beside_moving(self, function, moving, written, bracket):
        """After `depends f on \\theta` (or for `f_\\theta`), `f(z)` is f(θ, z): a call that
        also writes θ among its arguments (`f(\\theta, z)`, `f(z, \\theta)`) would read
        f(θ, θ, z) — another function of three arguments, and `f(\\theta, z) = f(z)`
        "refuted" — and a call of a `depends` function with another number of arguments
        than its first (`f(0, z)` beside `f(z)`: f at θ = 0, or f(θ, 0, z)?) has two
        readings. Both are refused, never read as a second function."""
        if not moving:
            return
        numbers = {m.name for m in moving}
        shown = ", ".join(m.name.latex for m in moving)
        for arg in written:
            if free_names(arg) & numbers:
                raise self.error(f"{function.latex} moves with {shown}, which derive puts "
                                 f"before the arguments written ({function.latex}(z) is "
                                 f"{function.latex}({shown}, z)): written among them too, it "
                                 f"would be a second argument of its own — write "
                                 f"{function.latex}(z), and put {shown} to a value by a bar "
                                 f"(\\big|_{{{moving[0].name.latex}=0}})", bracket.node)
        if function not in self.scope.function_parameters:
            return
        first = self.scope.written_arity.setdefault(function, len(written))
        if first != len(written):
            raise self.error(f"{function.latex} moves with {shown} (depends), and was written "
                             f"with {first} argument(s) above: with {len(written)} here, is "
                             f"one of them {shown}'s value, or one more argument? Write "
                             f"{function.latex} with the same arguments throughout, and put "
                             f"{shown} to a value by a bar (\\big|_{{{moving[0].name.latex}"
                             f"=0}})", bracket.node)

    def _one_spelling_of_a_moving_function(self, function, p, moves):
        """A function that moves with a number (`depends f on \\theta`, `f_\\theta` at a
        declared θ) beside another function spelled with the same letter and a subscript
        (`f_0`, `f_{\\theta_0}`, `f_1`): is `f_0` the model at θ = 0, or a function of its
        own? Read as its own it made `f_\\theta(z)|_{\\theta=0} = f_0(z)` "refuted" — so
        refused, whichever of the two is read first."""
        base = p.base
        if p.sub is None and not moves:
            return
        for other, declaration in self.scope.table.items():
            if other is function or declaration.kind is not Kind.FUNCTION or not (
                    other.latex == base or other.latex.startswith(base + "_")):
                continue
            if moves or self._moves(other):
                raise self.error(f"{p.key} beside {other.latex}, one moving with a number "
                                 f"(depends, or a label letter): is {p.key} the same function "
                                 f"at another value, or one of its own? derive reads "
                                 f"neither — write one spelling, putting the number to a "
                                 f"value by a bar (f_\\theta(z) \\big|_{{\\theta=0}})",
                                 p.node)

    def _moves(self, function):
        """Whether calls of `function` read a number besides what they write: `depends`
        says so, its name is labelled by a declared number (`f_\\theta`, θ real), or a call
        above moved it with a number bound there (`\\sum_w V_w(x)`)."""
        if self.scope.function_parameters.get(function) or self.scope.moving_shown.get(function):
            return True
        for key in label_letters(function):
            found = self.declared(key)
            if found is not None and found[1].kind in (Kind.SYMBOL, Kind.PARAMETER):
                return True
        return False

    def moving_arguments(self, function, node):
        """The numbers an opaque function moves with besides its written arguments, put
        before them: those `depends f on \\theta` names, and each letter its name is
        labelled by (`f_\\theta`, `g_{k, \\phi}`) that is a number here — bound where it
        stands (`\\int … d\\theta`, `\\sum_k`, a definition's parameter) or declared (a
        number or parameter). So `f_\\theta(z)` is f(θ, z): the subscript says f is the
        model's at θ, and reading it as one function of z whatever θ would verify
        ∇_θ f_θ(z) = 0 and ∫_0^1 f_θ(z) dθ = f_θ(z). A declared variable's letter is no
        such label (`F_X`, `f_x`: a function of x's law, as `\\mu_x` is a number of its
        own) unless `depends` says so — and is refused where the call stands inside a
        binder of that variable (`\\int f_x(z) p(x)\\,dx`: f at each x, or one function?).
        A letter naming nothing is left (a derivative in it or a bar putting it to a value
        refuses the term: `parameters.unsaid_dependence`)."""
        said = self.scope.function_parameters.get(function, ())
        keys = label_letters(function) + [n.latex for n in said]
        out = []
        for key in dict.fromkeys(keys):
            number = self.bound_name(key)
            found = self.declared(key) if number is None else None
            if found is not None and found[1].kind in (Kind.SYMBOL, Kind.PARAMETER,
                                                        Kind.VARIABLE):
                number = found[0]
            if number is None or self.scope.context.kind(number) in (Kind.FUNCTION,
                                                                     Kind.DISTRIBUTION):
                continue
            bound_copy = number.origin is not None and \
                self.scope.context.kind(number.origin) is Kind.VARIABLE
            if (bound_copy or found is not None and found[1].kind is Kind.VARIABLE) and \
                    not any(n.latex == key for n in said):
                if bound_copy and number.origin.latex == key:
                    raise self.error(
                        f"{function.latex} is named at {key}, which is bound here: is it "
                        f"a function at each value of {key}, or one function (of {key}'s "
                        f"law)? derive reads neither silently — if it moves with {key}, "
                        f"write % derive: depends {function.latex} on {key}", node)
                continue
            out.append(Sym(number))
        return out

    def _arguments(self, bracket):
        """The terms of a call's arguments, parted by commas. A bar between them (`p(z_k = 1
        \\mid x)` of a p the file never declared, in a row or a `define` alike) is a
        conditional, which derive reads only of a declared law: refused, naming the
        directive."""
        self._no_measure_argument(bracket)
        bars = [sep for sep in bracket.seps if sep in ("|", r"\mid", r"\vert")]
        if bars:
            raise self.error(f"a bar ({bars[0]}) between a function's arguments is a "
                             f"conditional, which derive reads only of a declared law: "
                             f"declare it (% derive: joint p over x, z, or density p over x) "
                             f"— of an undeclared function it has no reading", bracket.node)
        if any(sep != "," for sep in bracket.seps):
            raise self.error(f"unexpected {[s for s in bracket.seps if s != ','][0]!r} in the "
                             "arguments of a function", bracket.node)
        return [self.term(a) for a in bracket.args]

    def _no_measure_argument(self, bracket):
        """`p(dx)`, `\\mu(dx)`: a distribution applied to a differential, the measure
        notation of `\\int x \\, p(dx)`. derive does not read it (nor, outside an integral,
        tell what it would mean) — refused, never the product d · x (d not a name of the
        file)."""
        if self._is_name("d"):
            return
        for arg in bracket.args:
            items = _items(arg)
            if len(items) >= 2 and _d_like(items[0]) == 1 and not _is_partial(items[0]):
                raise self.error("a distribution applied to a differential (the measure "
                                 "notation \\int f(x) \\, p(dx)) is not read: write the "
                                 "density, \\int f(x) \\, p(x) \\, dx", arg)

    def _powered(self, value, bracket):
        """A power written after a function's arguments is a power of its value:
        `f(x)^2` is (f(x))², as `\\sin(x)^2` is."""
        return Pow(value, self.term(bracket.power)) if bracket.power is not None else value

    def _mentions_bound(self, sub):
        keys = {k for k, _ in self.bound}
        if not keys:
            return False
        try:
            text = naming.flat_text(sub)
        except naming.NameError_:
            return False
        letters = {t.value for t in sub.scan_values(lambda v: is_token(v, "LETTER"))} \
            if isinstance(sub, Tree) else set()
        return any(_mentions(text, k) or k in letters for k in keys)   # `x_{ij}` mentions i

    def _indexed(self, p, bracket, domain=None):
        """`x_i` inside `\\sum_i`: the indexed family x applied to the index. After `real
        x_n`, `x_n` inside `\\sum_n` is the real family, one value per n — never the one
        symbol x_n (which would make Σ_n x_n = N x_n). A subscript is one index, or several
        separated by commas; any index expression is read (`x_{i+1}`, `x_{2i}`). A
        decorated spelling (`x_i'`, `x_i^*`, `w_j^{(t)}`) is refused (`_plain_member`)."""
        self._plain_member(p)
        indices = self.row_indices(p) or [self._index(a, p) for a in _subitems(p.sub)]
        key = p.base + "_{\\cdot}"
        by_recurrence = self._recurrence_member(p, key, indices)
        if by_recurrence is not None:
            return by_recurrence, 1
        self._no_declared_members(p)
        self._one_spelling_of_a_moving_function(None, p, False)   # V_k beside a moving V_w
        self._not_at_own_member(p, indices)
        if domain is not None:
            found = self.scope.lookup(key)
            if found is None or not found[1].declared:
                self.scope.declare(key, Declaration(Kind.FUNCTION, domain))
            return Call(self.scope.lookup(key)[0], *indices), 1
        if self.scope.lookup(key) is None:
            self._members_used_before(p)
        self.not_ended(key, p.node)              # `p_j = …` could not be read: no unknown p
        self._not_unfolded(p.base, p.node)
        name, conflict = self.scope.implicit(key, Kind.FUNCTION, self.offset + _start(p.node),
                                             self._samples_of(p.base))
        self._conflict(p.base, conflict, p.node, Kind.FUNCTION)
        self._whole_member_indices(indices, self.scope.lookup(key)[1].info, p)
        return Call(name, *indices), 1

    def _recurrence_member(self, p, key, indices):
        """`m_3`, `m_t`, `m_{t-1}` of a family defined by its recurrence (`define m_t =
        \\beta m_{t-1} + …`, `notation.recurrences`): at a whole number the member unrolled
        down to the bases (`m_0` without a base: the unknown member), at any other index
        the member itself, which only `engines.recurrences` decides. None for another
        family. The first use by a row is recorded: a base given below it is refused."""
        found = recurrence_of(self.scope, key)
        if found is None:
            return None
        family, info = found
        if len(indices) != 1:
            raise self.error(f"{p.key}: {p.base} is defined by its recurrence at one index",
                             p.node)
        self.scope.recurrence_uses.setdefault(family, self.offset + _start(p.node))
        at = recurrences.number(indices[0])
        if at is None:
            if self.moments_open and not deterministic(self.scope, info):
                raise self.error(_RANDOM_MEMBER.format(f"{p.key}: ", info.latex), p.node)
            return Call(family, indices[0])
        try:
            value = recurrences.member(info, at)
        except recurrences.NotARecurrence as exc:
            raise self.error(f"{p.key}: {exc}", p.node) from None
        return value if value is Call(family, Num(at)) else Defined(family, (Num(at),), value)

    def no_random_members(self, value, node):
        """Refuse at `node` a moment whose read `value` holds a member at a letter of a
        recurrence over random variables — one a definition brought in (`\\hat m_t =
        \\frac{m_t}{1-\\beta^t}`), which `_recurrence_member` did not see inside it: the
        moment would have averaged it as a fixed number."""
        for t in subterms(value):
            found = self.scope.table.get(t.function) if isinstance(t, Call) else None
            info = found.info if found is not None else None
            if isinstance(info, recurrences.RecurrenceInfo) and \
                    recurrences.number(t.arguments[0]) is None and \
                    not deterministic(self.scope, info):
                raise self.error(_RANDOM_MEMBER.format("", info.latex), node)

    def _no_declared_members(self, p):
        """`x_i` (under a sum over i, or at any letter) beside names declared on their own
        at whole-number indices of the same letter (`discrete x_1, x_2`; for `X_i` the
        random variables X_1, X_2 of x_1, x_2): is x_i at i = 1 the declared x_1, or a member
        of another family? Read either way a row mixing them (`\\sum_{i=1}^2 x_i = x_1 +
        x_2`) would be judged on a guess, so it is refused. Beside a declared family (`real
        x_i for i = 1..n`) only a declared variable (`discrete x_1`) is such a second
        meaning. A member at a number (`x_2` of the family) has one reading only."""
        if _WHOLE_MEMBER.fullmatch(p.key):
            return
        family_declared = self.declared(p.base + "_{\\cdot}") is not None
        letters = {p.base, p.base.lower()} if _CAPITAL_LETTER.fullmatch(p.base) else {p.base}
        for key in list(self.scope.names):
            member = _WHOLE_MEMBER.fullmatch(key)
            if member is None or member.group(1) not in letters:
                continue
            found = self.declared(key)
            if found is None or (family_declared or member.group(1) != p.base) and \
                    found[1].kind is not Kind.VARIABLE:
                continue
            raise self.error(f"{p.key} beside the declared {key}: is {p.key} at {key}'s "
                             f"index the declared {key} (or its random variable), or a "
                             f"member of another family? derive does not guess — write the "
                             f"members out, or rename one of them", p.node)

    def _samples_of(self, base):
        """The declaration of the family `x_{\\cdot}` that `x_i` under a sum over i makes
        when x is a declared variable: its members are data points, values of x (see
        `SampleInfo`), and so do the members `x^{(i)}` of x's labelled family. The labelled
        family of a letter declared a number of a real kind (`real x`, `positive y`: CS229's
        i-th example and label) takes values of that kind — the examples of a real feature
        are real (a complex x^{(i)} made refutations the author's x rules out). The
        subscripted family `x_i` of such a letter takes real values, and no more (its
        members are x's copies or coordinates, as a free `x_1` is: `real_copy`; `x_1 = x - 3`
        keeps no positivity). None (an unknown complex family) for any other base."""
        letter = base.removesuffix(LABELLED)
        found = self.declared(letter)
        if found is None:
            return None
        if found[1].kind is Kind.VARIABLE:
            return Declaration(Kind.FUNCTION, Domain.REAL, SampleInfo(found[0]), declared=False)
        if found[1].kind is Kind.SYMBOL and found[1].domain.is_real:
            return Declaration(Kind.FUNCTION, found[1].domain if letter != base else
                               Domain.REAL, declared=False)
        return None

    def _whole_member_indices(self, indices, span, p, reached=None):
        """An undeclared letter in the index of a family member (`o_i`, `z_{k+1}`) is a whole
        number, for the whole file (as δ's indices are), and the member is in the family's
        declared range (`_in_range`) — never a member at 1.916 or at 0. `reached`: the
        member as a defined family's body takes it at p's index (`_indexed_definition`)."""
        letters, declared = set(), set()
        for index in indices:
            self._no_real_index(index, p)
            for name in free_names(index):
                self._whole_binder(name, span, p.key, p.base if reached is None else
                                   reached.function.latex.removesuffix("_{\\cdot}"), p.node)
                found = self.scope.lookup(name.latex)
                if found is None or found[0] is not name or found[1].kind is not Kind.SYMBOL:
                    declared.add(None)      # a bound index, a constant: not the row's own
                    continue
                if found[1].declared:
                    declared.add(name if found[1].domain.is_integer else None)
                    continue
                if found[1].domain is Domain.NATURAL:
                    declared.add(name)      # a sum's or a family's last index (`o_{n-1}`)
                    continue
                self._natural_bound(Sym(name), p.node, Domain.INTEGER, "an index")
                letters.add(name)
        if letters and isinstance(span, IndexRange):
            self._in_range(indices, span, letters, p, reached)
        elif len(indices) == 1 and isinstance(span, IndexRange) and None not in declared and \
                (declared or not free_names(indices[0])):
            self._number_in_range(indices[0], span, p, reached)

    def _no_real_index(self, index, p):
        """Refuse an index holding ∞ or a member of a family whose values are not whole
        numbers (`x_{x_1}`, `\\text{softmax}(x)_{x_1}` of a real family x): no member stands
        there — never the family at −1.6 nor ∞."""
        for t in subterms(index):
            declaration = self.scope.table.get(t.function) if isinstance(t, Call) else None
            if t is OO or declaration is not None and not declaration.domain.is_integer:
                raise self.error(f"{p.key}: the index of a member of {p.base} is a whole "
                                 f"number, and {show(t)} is not one (its family's values are "
                                 f"{declaration.domain.value})" if t is not OO else
                                 f"{p.key}: ∞ is no index of a member of {p.base}", p.node)

    def _whole_binder(self, name, span, member, family, node):
        """A member of a family declared over a range (`positive y_i for i = 1..n`), or
        declared without one (`real z_j`), at a letter bound here is at a whole-number index only where the binder runs over whole
        numbers (a sum's or product's index, a discrete variable, the index of `\\max_i
        y_i` taking the family at i itself: `_family_extremum`). `\\sup_i y_{i+1}`,
        `\\lim_{i \\to \\infty}`, `\\int … di` make it real: y at
        i = 1/2 or −254.6 is no member — refused at the member, never read as the family at
        a real number."""
        if self.bound_name(name.latex) is not name:
            return
        if not isinstance(span, IndexRange):    # `real z_j`: whole indices too (atkC/10)
            found = self.scope.lookup(family + "_{\\cdot}")
            if span is not None or found is None or not found[1].declared:
                return
        local, origin = name.local, name.origin
        whole = local.domain.is_integer if local is not None else \
            origin is not None and getattr(getattr(self.scope.table.get(origin), "info", None),
                                           "discrete", False)
        if whole:
            return
        over = f"over {span.text}" if span is not None else "without a range, its members at " \
            "whole numbers"
        raise self.error(f"{member}: {family} is declared {over}, and {name.latex} is "
                         "bound here by a max, min, limit or integral, over real numbers, not "
                         "over the family's whole-number indices (derive reads a family's "
                         "index bound only by a sum or a product)", node)

    def _number_in_range(self, index, span, p, reached=None):
        """A member at a number (`\\pi_2` of `positive \\pi_k for k = 1..K`) is one of the
        family's only where `1 ≤ 2 ≤ K`: those bounds are hypotheses of this row (at K = 1
        there is no π_2, so no counterexample there). A number outside a range of numbers
        is refused. So is a member at letters the file declares whole numbers (`o_m`,
        `o_{m+1}` after `integer m`): `1 ≤ m`, `m ≤ K` are hypotheses of this row — the
        member says m is an index of o — and of no other (m is the author's)."""
        first, last = (" ".join(t.split()) for t in span.text.split("=", 1)[1].split(".."))
        value = _constant(index, self.scope.context) if not free_names(index) else None
        index = Num(value) if value is not None else index     # o_{1+1}, z_{-1}
        if not (free_names(index) or isinstance(index, Num)):
            return                          # c_{2 + \\sin(\\pi)}: no bound to state
        spelled = str(index.value) if isinstance(index, Num) else \
            show(index) if reached is not None else naming.flat_text(p.sub)
        for low, high, text in ((span.lower, index, f"{first} \\le {spelled}"),
                                (index, span.upper, f"{spelled} \\le {last}")):
            gap = _constant(Add(high, neg(low)), self.scope.context)     # o_{n+1}: n + 1 ≤ n never
            if gap is not None:
                if gap < 0 and reached is not None:
                    family = reached.function.latex.removesuffix("_{\\cdot}")
                    raise self.error(f"{p.key} is defined by nothing: {p.base}'s definition "
                                     f"takes {family}_{{{spelled}}} there, and {family} is "
                                     f"declared over {span.text}", p.node)
                if gap < 0:
                    raise self.error(f"{p.key} is not a member of {p.base}, declared over "
                                     f"{span.text}", p.node)
                continue
            if isinstance(low, Num) and low.value <= 1 and isinstance(high, Sym) and \
                    self.scope.context.domain(high.name) is Domain.NATURAL or low is high:
                continue                    # 1 ≤ K: K is natural; n ≤ n
            hypothesis = Hypothesis(Relation.LE, low, high, text)
            if hypothesis not in self.hypotheses:
                self.hypotheses += (hypothesis,)

    def _in_range(self, indices, span, letters, p, reached=None):
        """A member of a family declared over a range (`real o_i for i = 1..K`) at an
        undeclared letter i: `1 ≤ i`, `i ≤ K` are hypotheses of this row and of every row
        below that uses i (`FileScope.assumed`). At an expression in such a letter
        (`o_{i+1}`) it is refused: say the letter's bounds. (`reached`: the member of another family a defined family's body
        takes there, for the message — `p's definition takes o_(k + 1) there, and o is`.)"""
        (index,) = indices if len(indices) == 1 else (None,)
        if not isinstance(index, Sym):
            family = p.base if reached is None else \
                f"{p.base}'s definition takes {show(reached)} there, and " + \
                reached.function.latex.removesuffix("_{\\cdot}")
            raise self.error(f"{p.key}: {family} is declared over {span.text}, and "
                             f"{', '.join(sorted(n.latex for n in letters))} is not declared: "
                             "declare it and its bounds (% derive: integer …, assume …), so "
                             "that the member is one of the family's", p.node)
        self._assume_in_span(index, span)

    def _assume_in_span(self, index, span):
        """`first ≤ i`, `i ≤ last` of a family's range, for the letter i: hypotheses of this
        row — even where its term no longer writes i (`\\sum_{i \\ne k} 1` is n − 1, yet
        says k is an index: no instance without one) — and of every row below that uses i
        (once each)."""
        first, last = (" ".join(t.split()) for t in span.text.split("=", 1)[1].split(".."))
        key = index.name.latex
        for hypothesis in (Hypothesis(Relation.LE, span.lower, index, f"{first} \\le {key}"),
                           Hypothesis(Relation.LE, index, span.upper, f"{key} \\le {last}")):
            if hypothesis not in self.hypotheses:
                self.hypotheses += (hypothesis,)
            if not any((h.relation, h.lhs, h.rhs) == (hypothesis.relation, hypothesis.lhs,
                                                      hypothesis.rhs)
                       for _, h in self.scope.index_ranges):
                self.scope.index_ranges += ((index.name, hypothesis),)

    def _kronecker_indices(self, p):
        """`\\delta_{jk}`, `\\delta_{j,k}` where δ is not a name of the file: the index nodes
        of the Kronecker delta (two letters or digits side by side, or two expressions
        separated by a comma), or None for another subscript (`\\delta_1`, `\\delta_t`: a
        name of its own, as before). `\\delta_{12}` (one or two indices?) is refused."""
        if p.base != "\\delta" or p.sub is None or self.scope.lookup(p.key) is not None or \
                registry.spelled(p.key) or \
                self.scope.lookup("\\delta") is not None or \
                self.scope.lookup("\\delta_{\\cdot}") is not None:
            return None
        items = _subitems(p.sub)
        if len(items) == 1:
            run = _bare(items[0])
            if is_token(run, "NUMBER") and len(run.value) == 2:
                raise self.error(f"{p.key}: the Kronecker delta at 1, 2 or a name δ_12? write "
                                 "\\delta_{1,2}", p.node)
            items = run.children if is_tree(run, "run") else [run]
            if len(items) != 2 or not all(_index_letter(a) for a in items):
                return None
        elif len(items) != 2:
            return None
        return items

    def _index(self, node, p):
        """One index of a family member: an expression, where letters side by side are
        refused (`x_{ij}` is two indices in most books, a product in none)."""
        run = single(node)
        items = run.children if is_tree(run, "run") else []
        if any(not _numeral_or_times(a) and not _numeral_or_times(b)
               for a, b in zip(items, items[1:])):
            word = self.source_text(node).strip()
            if re.fullmatch(r"[A-Z]{2,}", word):
                raise self.error(f"{p.key}: a name tag {word} beside an index (the quantity "
                                 f"{p.base}_{{{word}}} at that index) is not read yet — "
                                 f"define the indexed quantity itself (define "
                                 f"{p.base}_k = …) and write {p.base}_k", p.node)
            raise self.error(f"{p.key}: letters side by side in the subscript of the indexed "
                             f"family {p.base} — write {p.base}_{{i,j}} for two indices, "
                             f"{p.base}_{{i \\cdot j}} for a product", p.node)
        self._indexing += 1                 # an undeclared i here is an index, never the unit
        try:
            index = self.term(node)
        finally:
            self._indexing -= 1
        if any(isinstance(t, (Dens, Dist)) for t in subterms(index)):
            raise self.error(f"{p.key}: a density or distribution is no index of the family "
                             f"{p.base}: a parameter of it (its mean, say) is a name of its "
                             f"own — declare it after the density (% derive: real {p.key}), "
                             f"or use another letter",
                             p.node)
        return index

    def _family_of(self, p):
        """The indexed family `x_{\\cdot}` that a subscripted name `x_…` not declared on
        its own belongs to (declared `real x_i for i = 1..n`, or made by `x_i` inside a
        sum above), else None. A word in a font (`x_{\\text{opt}}`) is a label: a name of
        its own."""
        found = self.scope.lookup(p.key)
        if found is not None and found[1].declared or _label_subscript(p.sub) or \
                self._decorated(p):
            return None         # x_2' after a family x: a name of its own, never x_2
        family = self.scope.lookup(p.base + "_{\\cdot}")
        return family if family is not None and family[1].kind is Kind.FUNCTION else None

    @staticmethod
    def _decorated(p):
        """Whether a subscripted name carries a prime, star, dagger or parenthesised label
        besides its subscript (`x_i'`, `\\mu'_k`, `x_i^*`, `w_j^{(t+1)}`): its key is more
        than the base at the subscript."""
        return p.sub is not None and p.key != p.base + "_{%s}" % naming.flat_text(p.sub)

    def _plain_member(self, p):
        """Refuse a decorated spelling where a subscripted name would be a family at an
        index (`x_i'` inside `\\sum_i`, `w_j^{(t+1)}` of a declared family w, `define
        y_j^* = …`): x′, x*, w⁽ᵗ⁾ are other numbers than x, w — reading them as the family x
        at i would drop the decoration (Σ_j (w_j^{(t+1)} − w_j^{(t)})² = 0 was verified),
        and derive keeps no family of its own for a decorated spelling."""
        if not self._decorated(p):
            return
        mark = p.key[len(p.base + "_{%s}" % naming.flat_text(p.sub)):]
        raise self.error(f"{p.key}: the index makes {p.base}_… a family member here, and "
                         f"{mark} after it would name another family than {p.base} — derive "
                         f"does not read a decorated family: write it with another letter or "
                         f"an accent (\\tilde{{{p.base}}}_i)", p.node)

    def _made_by_this_row(self, p):
        """Whether the undeclared family of `x_…` was first used by the row being read
        (`a_n = a_{n-1} + 1`, asked again by `would_define` after the row failed): that is
        no family known above, so the row's head is still the family's definition — and
        its failure withdraws every member of it."""
        family = self.scope.lookup(p.base + "_{\\cdot}")
        first = self.scope.first_use.get(family[0]) if family is not None else None
        return first is not None and first >= self.row_start

    def _member(self, p, found, bracket):
        """`x_1`, `x_n`, `x_{n-1}` where x is an indexed family: its member there. The
        spelling used above as a name of its own is refused (one name, one meaning)."""
        if found is not None:
            self._used_as_a_name(p, found[0])
        return self._indexed(p, bracket)

    def _members_used_before(self, p):
        """Before `x_i` makes x an indexed family: a member spelling (`x_1`) that the file
        used above as a name of its own would now mean two things."""
        prefix = p.base + "_{"
        for key, name in self.scope.names.items():
            if key.startswith(prefix) and name in self.scope.first_use:
                self._used_as_a_name(p, name)

    def _used_as_a_name(self, p, name):
        line, column = self.source.position(self.scope.first_use[name])
        raise self.error(f"{name.latex} is used at line {line}, column {column} as a name of "
                         f"its own, and here {p.base} is an indexed family ({p.base}_i): one "
                         f"name means one thing — declare the family before both "
                         f"(% derive: real {p.base}_i for i = 1..n)", p.node)

    def _named_at_a_variable(self, p):
        """Whether a declared name's subscript is a declared variable (`real \\mu_x` beside
        `variable x`): one number of its own (x's mean), constant in x as the README says —
        also where x is bound (`\\sum_x p(x) \\mu_x`, `\\int … dx`, `\\mathbb{E}[(x -
        \\mu_x)^2]`), never the family μ at the bound x, which refuted Σ_x p(x) μ_x = μ_x. A
        subscript that is only an index letter (`real x_n` in `\\sum_n`) makes the family
        (`_indexed`)."""
        found = self.declared(naming.flat_text(single(p.sub)))
        return found is not None and found[1].kind is Kind.VARIABLE

    def _bound_index(self, sub):
        """Whether a subscript is exactly a variable bound here (an index of a sum)."""
        node = single(sub)
        if not (isinstance(node, Token) or tailless(node) is not None):
            return False
        try:
            key = naming.flat_text(node)
        except naming.NameError_:
            return False
        return self.bound_name(key) is not None

    # ================================================================== families
    def family(self, key, bracket, node):
        """(Family term, the node of the point or None) for `\\mathcal{N}(\\mu, \\sigma^2)`
        or `\\mathcal{N}(x; \\mu, \\sigma^2)`, `\\mathcal{N}(x | \\mu, \\sigma^2)`."""
        spec = families.spelled(key)
        args, seps = list(bracket.args), list(bracket.seps)
        point = None
        if seps and (seps[0] == ";" or seps[0] in BARS):
            point, args, seps = args[0], args[1:], seps[1:]
        if any(sep != "," for sep in seps):
            raise self.error(f"{key} takes its point, then ';' or '|', then its parameters "
                             "separated by commas", bracket.node)
        if len(args) != len(spec.params):
            raise self.error(f"{key} ({spec.title}) takes {len(spec.params)} parameter(s): "
                             f"{', '.join(spec.params)}", bracket.node)
        if bracket.power is not None:
            raise self.error("a power right after a distribution's brackets is ambiguous: "
                             "write (N(x; μ, σ^2))^2", bracket.node)
        if spec.kind == "Cat":
            return Family(spec.kind, self._probabilities(args[0], node)), point
        if any(is_tree(a, "assignment") for a in args):
            return Family(spec.kind, self._named_parameters(spec, key, args)), point
        values = [self.term(a) for a in args[:-1]]
        return Family(spec.kind, tuple(values) + (self._last_parameter(spec, args[-1]),)), point

    def _spelled(self, node):
        """The canonical spelling of a node that is one name (`\\sigma_{1}`), else ""."""
        try:
            return naming.flat_text(single(node))
        except naming.NameError_:
            return ""

    def _named_parameters(self, spec, key, args):
        """The normal's (mean, variance) written by name, in any order:
        `\\mathcal{N}(z; \\mu=0, \\sigma=1)` (Datumorphism) — `\\sigma` names the standard
        deviation (the variance is its square), `\\sigma^2` the variance. Another family,
        another name, a name given twice or missing, or some parameters named and others not,
        are refused."""
        if spec.kind != "N":
            raise self.error(f"{key} takes its parameters by position: named parameters "
                             f"(\\mu = 0, \\sigma = 1) are read for the normal only", args[0])
        values = {}
        for arg in args:
            name = self._spelled(arg.children[0]) if is_tree(arg, "assignment") and \
                arg.children[1].value == "=" else ""
            role = _NORMAL_NAMES.get(name)
            if role is None or ("spread" if role != "mean" else role) in values:
                raise self.error(f"{key} takes its parameters by position or as \\mu = …, "
                                 f"then \\sigma = … (the standard deviation) or \\sigma^2 = … "
                                 f"(the variance), each once", arg)
            value = self.term(arg.children[2])
            if role == "mean":
                values["mean"] = value
            else:
                values["spread"] = Pow(value, Num(2)) if role == "sd" else value
        if len(values) != 2:
            raise self.error(f"{key} needs its mean and its spread: \\mu = …, \\sigma = …",
                             args[-1])
        return values["mean"], values["spread"]

    def _last_parameter(self, spec, arg):
        """A family's last parameter. In a normal's variance an undeclared `I`
        (`\\mathbf{I}`, `\\sigma^2 I`) is the identity — the variance 1 of each component, of
        the one component of a scalar — read as the number 1. `I` used above as a number of
        the file's would mean two things: refused."""
        if spec.kind == "N":
            return self._spread(arg)
        value = self.term(arg)
        if spec.kind in ("Gamma", "Exp") and _letter_of(value) in (r"\theta", r"\vartheta"):
            which = "a gamma law's second" if spec.kind == "Gamma" else "an exponential law's"
            raise self.error(f"a bare \\theta as {which} parameter is ambiguous: derive "
                             "reads Gamma(\\alpha, \\beta), \\mathrm{Exp}(\\lambda) with the rate "
                             "(β^α x^{α-1} e^{-βx} / Γ(α), λe^{-λx}), "
                             "while Gamma(k, \\theta), Exp(\\theta) are the shape–scale spelling "
                             "(mean kθ, θ) in many texts — write the rate (1/\\theta)", arg)
        return value

    def _spread(self, arg):
        """A normal's second parameter, the variance (`\\sigma^2`, `1`, `I`, `\\Sigma`, `s`).
        A bare σ (`\\sigma`, `\\sigma_x`, `\\boldsymbol{\\sigma}`) there is ambiguous between
        N(μ, σ²) and N(μ, σ), the standard deviation: refused, unless `% derive: normal with
        variance` (σ is read as the variance) or `normal with standard deviation` (every
        second parameter is a standard deviation: its square is the variance) is in force."""
        convention = self.scope.readings.get("normal")
        value = self._variance(arg)
        if convention is None and _letter_of(value) == r"\sigma":
            raise self.error("a bare \\sigma as a normal's second parameter is ambiguous: "
                             "N(μ, σ²) (derive reads the variance) or N(μ, σ) (the standard "
                             "deviation) — write \\sigma^2 for the variance, name the "
                             "parameters (z; \\mu = 0, \\sigma = 1), or state the convention "
                             "(% derive: normal with standard deviation, or: normal with "
                             "variance)", arg)
        return Pow(value, Num(2)) if convention == "standard deviation" else value

    def _variance(self, arg):
        """A normal's variance as written; an undeclared `I` in it is the identity, a
        diagonal matrix (`\\Sigma` defined diagonal) the vector of its entries."""
        covariance = self.diagonal_covariance(arg)
        if covariance is not None:
            return covariance
        if self.declared("I") is not None or self.bound_name("I") is not None:
            return self.term(arg)
        if self.scope.lookup("I") is not None:
            raise self.error("I is used above as a number of its own; in a normal's variance "
                             "an undeclared I is the identity (1 per component): write 1, or "
                             "use another name for that number", arg)
        identity = Name("I", local=Declaration(Kind.SYMBOL, Domain.POSITIVE))
        with self.binding("I", identity):
            value = self.term(arg)
        return substitute(value, {identity: Num(1)})

    def _probabilities(self, arg, node):
        """The parameters of `\\mathrm{Cat}(\\boldsymbol{\\pi})`: (the family π, K), when π is
        declared a non-negative family over 1..K (`nonnegative \\pi_k for k = 1..K`) and
        `assume \\sum_{k=1}^K \\pi_k = 1` is in force; refused otherwise."""
        try:
            text = naming.flat_text(single(arg))
        except naming.NameError_:
            text = ""
        base = re.sub(r"^\\(boldsymbol|mathbf|bm|pmb)\{(.*)\}$", r"\2", text)
        found = self.scope.lookup(base + "_{\\cdot}") if base else None
        span = found[1].info if found is not None else None
        shown = base or "\\pi"
        usage = (f"the categorical distribution takes a family of probabilities: declare it "
                 f"(% derive: nonnegative {shown}_k for k = 1..K) and assume it sums to 1 "
                 f"(% derive: assume \\sum_{{k=1}}^K {shown}_k = 1)")
        if found is None or found[1].kind is not Kind.FUNCTION or \
                not isinstance(span, IndexRange) or span.lower != Num(1) or \
                found[1].domain not in (Domain.NONNEGATIVE, Domain.POSITIVE):
            raise self.error(usage, node)
        family = found[0]
        if not any(_sums_to_one(h, family, span.upper) for h in self.scope.assumptions):
            raise self.error(usage, node)
        return Sym(family), span.upper

    def family_density(self, key, bracket, node):
        """`\\mathcal{N}(x; \\mu, \\sigma^2)`: the family's density at the point — with
        vector parameters (μ, σ or Σ of ℝ^J) only at a vector variable of their dimension
        (at a real x, or z of another dimension, N(x; μ, σ²) would mean nothing)."""
        family, point = self.family(key, bracket, node)
        weighed = self.weights.get(id(bracket)) if point is None else None
        if weighed is not None and self.bound_point(weighed.origin) is weighed:
            at = Sym(weighed)
        elif point is None:
            at = Sym(self._averaged_point(key, family, node))
        else:
            at = self.term(point)
        if isinstance(at, Sym) and self.scope.context.kind(at.name) is Kind.VARIABLE:
            problem = families.mismatch(family, at.name, self.scope.context)
            if problem is not None:
                raise self.error(problem, bracket.node)
        sizes = vectors.parameter_dimensions(family, self.scope.context)
        if sizes and not (isinstance(at, Sym) and
                          {vectors.dimension(at.name, self.scope.context)} == sizes):
            raise self.error(f"{key} has vector parameters (dimension "
                             f"{', '.join(show(s) for s in sizes)}): its point must be a "
                             "declared vector variable of that dimension", node)
        return Dens(family, (at,))

    def _averaged_point(self, key, family, node):
        """The point of a family written without one inside an expectation
        (`\\mathbb{E}[\\log \\mathcal{N}(\\mu, \\sigma^2)]` under `expectations under p`,
        `\\mathbb{E}_{x \\sim p}[\\log \\mathcal{N}(0, 1)]`): the expectation's variable, as a
        bare density `\\mathbb{E}_q[\\log q]` is at it — only when the point can be nothing
        else: the expectation averages one variable, nothing is bound inside it around the
        family (a sum's index, an integral's variable: at which?), and the family's parameters
        mention no variable (`\\mathcal{N}(\\mu_\\theta(z), \\sigma^2)` under
        `\\mathbb{E}_{q(z)}` is a likelihood at the data x, not at z). Otherwise refused."""
        averaged = self.averaged[-1] if len(self.averaged) == 1 else None
        innermost = self.bound[-1][1] if self.bound else None
        bound = {name for _, name in self.bound}
        if averaged is None or innermost is not averaged or averaged.origin is None or \
                any(n in bound or self.scope.context.kind(n) is Kind.VARIABLE
                    for n in free_names(family)):
            raise self.error(f"{key}(…) without a point is a distribution, not a number: "
                             f"write {key}(x; …) for its density at x (inside an expectation "
                             f"over one variable, with parameters free of variables, it is "
                             f"read at that variable)", node)
        return averaged

    # ================================================================== distributions
    def density(self, name, info, bracket):
        """`p(x)`, `p(x, y)`, `p(x | y)`, `q(z | x)`: a density's value (`p_z(g(z) = x)`:
        the declared law of g(z) at x, `pushed_event`)."""
        value = self.pushed_event(name, info, bracket) if info.marginal is None else \
            self.marginal_value(name, info, bracket)
        if value is None:
            dist, at = self.distribution(name, info, bracket, values=True)
            value = Dens(dist, at)
        if bracket.power is not None:
            value = Pow(value, self.term(bracket.power))
        return value

    def distribution(self, name, info, bracket, values):
        """(Dist, point terms) for a distribution written with brackets: `p(x, y)`,
        `p(y | x)`, `p(x; \\theta)`, `P(X = x)` (see `probability` for the rules)."""
        bracket = joined_events(bracket)
        self._no_measure_argument(bracket)
        groups, current = [[], [], []], 0
        for arg, sep in zip(bracket.args, [None] + bracket.seps):
            if sep in BARS or sep == ";":
                step = 1 if sep in BARS else 2
                if current >= step:
                    raise self.error(f"unexpected {sep!r} in a density's arguments", bracket.node)
                current = step
            elif sep not in (None, ","):
                raise self.error(f"unexpected {sep!r} in a density's arguments", bracket.node)
            groups[current].append(arg)
        if groups[1] and not groups[2] and not info.given:
            groups[1] = self._formula_numbers_after_bar(info, groups[1])
        if groups[1] and not groups[2] and not info.given:
            named = self._parameters_after_bar(name, groups[1])
            groups[1], groups[2] = ([a for a, k in zip(groups[1], named) if not k],
                                    [a for a, k in zip(groups[1], named) if k])
        if groups[1] and not info.given and info.formula is not None:
            # a law given by its formula over its own variables only has no conditional on
            # another variable: `q(y | z)` of `q = N(z, 1) over y` is neither q's value at
            # a bound z (the formula's z is the file's) nor a conditional of a joint
            raise self.error(f"{name.latex} is given by its formula over "
                             f"{', '.join(v.latex for v in info.over)} only: derive reads no "
                             "conditional of it on a variable — write it without the bar, or "
                             "the formula itself written out (\\mathcal{N}(x; \\mu, \\sigma^2))", bracket.node)
        dot = self.placeholder_variable(name, info, groups, values, bracket.node)
        at_pairs = [(dot, self.at_variable(dot))] if dot is not None else \
            [self.density_argument(a) for a in groups[0]]
        cond_pairs = [self.density_argument(a, given=True) for a in groups[1]]
        params = self.parameter_values(name, groups[2], bracket.node)
        over, at = self.points(name, info, at_pairs, bracket.node)
        given, cond = tuple(info.given), tuple(t for _, t in cond_pairs)
        if info.given:
            if len(cond) != len(info.given):
                raise self.error(f"{name.latex} is conditional on {len(info.given)} "
                                 f"variable(s): write {name.latex}(… | …)", bracket.node)
        elif cond_pairs:
            given, cond = self.points(name, info, cond_pairs, bracket.node, exclude=over)
        return Dist(name, over, given, cond, params), at

    def _formula_numbers_after_bar(self, info, nodes):
        """`q(x_t | x_0)` of `density q = \\mathcal{N}(\\sqrt{\\bar\\alpha_t} x_0,
        1-\\bar\\alpha_t) over x_t` (DDPM's forward law): an argument after the bar spelled
        exactly as a declared number the law's formula is written with names the number the
        formula already holds — the law is given it, as the author declared it — so it is
        dropped (`q(x_t | x_0)` is `q(x_t)`). The other arguments are kept (read as before);
        a value at another spelling (`q(x_t | 2 x_0)`, `q(x_t | y)`) is never this number."""
        if info.formula is None:
            return nodes
        written = set()
        for piece in info.formula.pieces:
            for part in piece:
                if isinstance(part, Term):
                    written |= free_names(part)
        kept = []
        for node in nodes:
            try:
                key = naming.flat_text(single(node) or node)
            except naming.NameError_:
                key = None
            found = self.declared(key) if key is not None else None
            if found is None or found[1].kind is not Kind.SYMBOL or found[0] not in written:
                kept.append(node)
        return kept

    def _parameters_after_bar(self, name, nodes):
        """Bishop's and Murphy's `p(x \\mid \\theta)`, Will Wolf's `p(z \\mid x, \\theta)`:
        for each argument after the bar, whether it is spelled as a parameter p is declared
        to depend on (or one at another value, `\\theta_0`) — then it is that parameter, as after
        `;`: conditioning on a parameter is fixing it (`p(z \\mid x; \\theta)`); the others
        are the variables conditioned on."""
        spellings = {p.latex for p in self.scope.context.moves_with(name)}
        if not spellings:
            return [False] * len(nodes)
        try:
            keys = [naming.flat_text(single(n) or n) for n in nodes]
        except naming.NameError_:
            return [False] * len(nodes)
        return [key in spellings or self._parameter_value_spelling(key, spellings)
                for key in keys]

    def _parameter_value_spelling(self, key, spellings):
        """Whether `key` spells a parameter at another value (`\\theta_0`, `\\theta'`,
        `\\theta^{(t)}`, `\\theta^\\star` for θ; not a power `\\theta^2`) and is no
        declared variable: after the bar it is that value (`p(x; \\theta_0)`), never a new
        conditioning variable."""
        found = self.declared(key)
        return (found is None or found[1].kind is not Kind.VARIABLE) and any(
            key.startswith(s) and re.match(r"_|'|\^(?!\{?-?\d)", key[len(s):])
            for s in spellings)

    def bare_density(self, name, info, node):
        """`p` alone: its value at the innermost bound point of its variables (or at the
        declared variables). A density named like a constant derive reads (`density \\pi
        over a`, RL's policy; `density e`) is refused bare: `2\\pi`, `\\sin(\\pi)`, `\\log e`
        would be the constant to every reader, and its value at an unwritten point to this
        one — write `\\pi(a)`."""
        if name.latex in CONSTANTS:
            raise self.error(f"{name.latex} is declared a density here, and bare it also "
                             f"spells the constant {name.latex}: write it at its point "
                             f"({name.latex}(…)), or name the density with another letter",
                             node)
        if info.given:
            raise self.error(f"{name.latex} is conditional: write {name.latex}(… | …)", node)
        bounds = [self.bound_point(v) for v in info.over]
        if self.averaged and all(b is None for b in bounds):
            over = ", ".join(v.latex for v in info.over)
            raise self.error(f"{name.latex} is a density over {over}, written bare inside an "
                             f"expectation over {self.averaged[-1].latex}: at which point, "
                             f"{over} or {self.averaged[-1].latex}? Write "
                             f"{name.latex}({self.averaged[-1].latex}) or "
                             f"{name.latex}({over})", node)
        return Dens(Dist(name, info.over), tuple(Sym(bound if bound is not None else v)
                                                  for bound, v in zip(bounds, info.over)))

    def distribution_argument(self, node, averaging=False):
        """A node read as a distribution (`p`, `p(x)`, `q(z|x)`), or None when it is not one.
        Under an expectation (`averaging`) a bare conditional family is taken at the values
        of its conditioning variables where it stands."""
        node = single(node)
        items = node.children if is_tree(node, "run") else [node]
        if not items or len(items) > 2 or not all(is_tree(i, "script") or isinstance(i, Token)
                                                  for i in items):
            return None
        first = self.piece(items[0])
        if not isinstance(first, NamePiece) or first.power is not None:
            return None
        found = self.declared(first.key)
        if found is None and len(items) == 2 and families.spelled(first.key) is not None:
            bracket = self.piece(items[1])
            if isinstance(bracket, BracketPiece):
                return self.family(first.key, bracket, items[0])[0]
        moved = self._moved(first) if found is None else None
        if moved is not None and len(items) == 1:
            name, declaration, value = moved
            return Dist(name, declaration.info.over, params=(value,))
        if found is None or found[1].kind is not Kind.DISTRIBUTION:
            return None
        name, declaration = found
        info = declaration.info
        if len(items) == 1:
            if info.given and not averaging:
                raise self.error(f"{name.latex} is conditional: write {name.latex}(… | …)",
                                 items[0])
            return self.distribution_named(name, items[0])
        bracket = self.piece(items[1])
        if not isinstance(bracket, BracketPiece) or bracket.power is not None:
            return None
        dist, at = self.distribution(name, info, bracket, values=False)
        for variable, point in zip(dist.over, at):
            if not (isinstance(point, Sym) and (point.name is variable or
                                                point.name.origin is variable)):
                raise self.error(f"{name.latex} at another point than its variable "
                                 f"{variable.latex} is no distribution (it need not "
                                 "integrate to 1): write it at its variable, or name the "
                                 "distribution of the transformed variable", bracket.node)
        return dist

    def law_argument(self, node):
        """The law of a random variable written as a divergence's argument (`KL(X \\| Y)`
        with `random X with density f_X over x`): its declared density, as a distribution;
        None for anything else — a random variable with no density of its own recorded (the
        capital of a variable of a joint) is then refused by the caller."""
        node = single(node)
        if not is_tree(node, "script") and not is_token(node, "LETTER"):
            return None
        piece = self.piece(node)
        if not isinstance(piece, NamePiece) or piece.power is not None or \
                self.bound_name(piece.key) is not None:
            return None
        law = self.scope.random_laws.get(piece.key)
        found = self.scope.lookup(law.latex) if law is not None else None
        if found is None or found[0] is not law:
            return None                 # the density was declared again since
        return self.distribution_named(law, node)

    def capital_law_argument(self, node):
        """A divergence's argument written by subscripted laws (`D(p_{XY} \\| p_X \\cdot
        p_Y)`, `p_X p_Y`, `P_X \\otimes P_Y` — the product measure's sign, read only here): `p_{XY}` alone is the law of p's marginal over x, y; a product
        of such laws over disjoint variables is the product law (a density formula, as
        `p(x)p(y)` is). None when the node is not written so; refused when a capital names
        no variable of the density, a subscript has a bar, or two factors share a variable."""
        node = single(node)
        items = node.children if is_tree(node, "run") else [node]
        factors = [i for i in items if not (is_token(i, "MULOP") and i.value != "/" or
                                            _product_of_laws(i))]
        if any(_product_of_laws(i) for i in items) and (
                len(factors) < 2 or _product_of_laws(items[0]) or _product_of_laws(items[-1])):
            return None                 # `\otimes` between laws only (refused elsewhere)
        pieces = [self.piece(i) if is_tree(i, "script") else None for i in factors]
        written = [self._of_capitals(q) if isinstance(q, NamePiece) else None for q in pieces]
        if not factors or None in written:
            return None
        laws, taken = [], []
        for q, (inside, capitals), item in zip(pieces, written, factors):
            name, declaration = self.declared(q.base)
            info = declaration.info
            variables = [self.capital_variable(c) for c in capitals]
            if re.search(r"\\mid|\|", inside) or q.power is not None or info.given or \
                    None in variables or any(v not in info.over or v in taken
                                             for v in variables):
                raise self.error(f"{q.key}: as a distribution derive reads a density "
                                 f"subscripted by random variables of its own variables "
                                 f"(p_{{XY}}, p_X \\cdot p_Y of a p declared over x, y), each "
                                 f"variable once", item)
            taken.extend(variables)
            for c in capitals:
                self.capital_read(c, q.node, "random")
            over, at = self.points(name, info, [(v, Sym(v)) for v in variables], item)
            laws.append((Dist(name, over), at))
        if len(laws) == 1:
            return laws[0][0]
        term = Mul(*(Dens(dist, at) for dist, at in laws))
        return self.formula_law(term, set(taken), node)

    def _moved_marginal(self, p):
        """Whether `p` is `g_{\\theta_0}` of a family g_θ whose marginal the file defined
        (`marginals`): a known name (the family at θ_0), never a new one a row's head defines
        — as a chain's first side `g_{\\theta_0}(x) = \\int g_\\theta(x|z)p(z)dz` became a
        definition, though everywhere else the spelling is refused (`_resolve`)."""
        if p.sub is None or not any(getattr(self.scope.table[d].info, "marginal", None)
                                    for d in self.scope.parameters if d in self.scope.table) \
                or self.bound_name(p.key) is not None or self.declared(p.key) is not None:
            return False
        moved = self._moved(p)
        return moved is not None and getattr(moved[1].info, "marginal", None) is not None

    def _moved(self, p):
        """`p_{\\theta_0}` for a declared `p_\\theta` that depends on θ, `P_{g_{\\theta_0}}` for
        `P_{g_\\theta}`: the declared spelling with the parameter's spelling replaced by a
        value's. (Name, Declaration, the value), or None."""
        if p.sub is None or p.power is not None:
            return None
        for dist, params in self.scope.parameters.items():
            if len(params) != 1 or p.key == dist.latex or self.declared(dist.latex) is None:
                continue
            before, found, after = dist.latex.partition(params[0].latex)
            if not found or after.count(params[0].latex) or not p.key.startswith(before) or \
                    not p.key.endswith(after) or len(p.key) <= len(before) + len(after):
                continue
            spelling = p.key[len(before):len(p.key) - len(after)]
            try:
                tree = parse_row(spelling)
            except SyntaxProblem:
                continue
            if len(tree.children) == 1:
                saved, self.offset = self.offset, self.offset + _start(p.node)
                try:
                    return dist, self.scope.table[dist], self.term(tree.children[0])
                finally:
                    self.offset = saved
        return None

    def _family_point(self, node):
        """The key of the variable written in `\\mathcal{N}(z; …)` (a subscript of E), or None."""
        node = single(node)
        items = node.children if is_tree(node, "run") else [node]
        if len(items) != 2 or not is_tree(items[0], "script"):
            return None
        first, bracket = self.piece(items[0]), self.piece(items[1])
        if not isinstance(first, NamePiece) or families.spelled(first.key) is None or \
                self.declared(first.key) is not None or not isinstance(bracket, BracketPiece) or \
                not bracket.seps or not (bracket.seps[0] == ";" or bracket.seps[0] in BARS):
            return None
        return self._index_key(bracket.args[0])

    def read_distribution(self, text, start):
        """A family written in a directive (`\\mathcal{N}(\\mu_1, \\sigma_1^2)`), or None."""
        tree = self._parse(text, start)
        if len(tree.children) != 1:
            return None
        dist = self.distribution_argument(tree.children[0])
        return dist if isinstance(dist, Family) else None

    def read_interval(self, text, start):
        """(low, high) of a support written `(a, b)`, `[0, \\infty)`, `\\mathbb{R}`; None for
        an infinite end."""
        low, high, _ = self.read_range(text, start)
        return low, high

    def read_range(self, text, start):
        """(low, high, closed) of an interval written `(a, b)`, `[0, \\infty)`,
        `\\mathbb{R}`: None for an infinite end, `closed` as written (`"[)"`)."""
        tree = self._parse(text, start)
        low, high, closed = self._interval(tree.children[0])
        return (None if low is neg(OO) else low), (None if high is OO else high), closed

    def no_function_value(self, node, where):
        """Refuse, saying what is missing, a value of an undeclared function at arguments
        among which a declared variable stands where a law or a random variable goes (InfoGAN's `x \\sim
        G(z,c)`, `I(c; G(z,c))`, `H(c|G(z,c))`: a generator's output). A sound reading needs
        a random variable defined as a function of others (x = G(z, c), its law the image of
        z and c's) — not read yet, so never a law or a variable guessed from the letters."""
        match = _FUNCTION_VALUE.fullmatch(self.source_text(node))
        if match is None or self.declared(match.group("name")) is not None or \
                self.bound_name(match.group("name")) is not None:
            return
        values = [v.strip() for v in match.group("args").split(",")]
        if not any(self.declared(v) is not None and
                   self.declared(v)[1].kind is Kind.VARIABLE or
                   self.capital_variable(v) is not None for v in values):
            return
        raise self.error(f"{match.group(0).strip()} {where} is the output of a function "
                         f"{match.group('name')} of random variables (a generator's): derive "
                         f"does not read a random variable defined as a function of others "
                         f"(x = {match.group(0).strip()}) yet — write a declared variable "
                         f"for it and its law (% derive: joint P over …, then "
                         f"\\mathbb{{E}}_{{x \\sim P}}, I(c; x))", node)

    def _not_nats_here(self, key, op, bracket):
        """`D_e(P \\| Q)` is read as KL(P ‖ Q) in nats, the subscript e naming the base of its
        log (`registry.IN_NATS`). Refused where that reading is not the only one: e is a name
        of the file (declared, bound or a parameter: D_e could be a divergence indexed by that
        number, Rényi's D_α at α = e), or the file reads information in bits (D_e would be
        the one quantity in nats among values in bits: never scaled silently)."""
        reading = (f"{key}(…) is read as the Kullback–Leibler divergence in nats "
                   f"(KL with the natural log; the subscript e names the log's base)")
        if self._is_name("e"):
            raise self.error(f"{reading}, but e is a name of this file, so the subscript could "
                             f"be that e (a divergence indexed by it, as Rényi's D_α at α = e) "
                             f"— refused: write D_{{KL}}(…) for the divergence in nats, or "
                             f"rename the file's e", bracket.node)
        if op is not None and self.in_units(op.key) != op.key:
            raise self.error(f"{reading}, but this file reads information in bits — refused, "
                             f"never rescaled silently: write D_{{KL}}(…) for the value in "
                             f"bits, or D_{{KL}}(…) \\ln 2 for the value in nats", bracket.node)

    def _operator(self, key, bracket):
        """`KL(p \\| q)`, `D_{JS}(p \\| q)`, `H(p)`, `H(p, q)`: an operator of the registry,
        when its arguments are distributions; None when it is not one."""
        if not registry.spelled(key) or key == "h" and self.named_by_a_head(key):
            return None
        self.not_defined_as_function(key, bracket)
        self.not_the_files_operator(key, bracket)
        if key in self.scope.own_forms:
            raise self.error(f"{key} is defined above as the file's own quantity "
                             f"{self.scope.own_forms[key]}: at other arguments, is it that "
                             f"definition or derive's {key}? One name, one meaning — write the "
                             f"definition's arguments, or name the file's quantity otherwise",
                             bracket.node)
        op = registry.lookup(key, len(bracket.args))
        if key in registry.IN_NATS:
            self._not_nats_here(key, op, bracket)
        dists = [self.distribution_argument(a, averaging=True) for a in bracket.args]
        if op is not None and None in dists and bracket.seps and \
                all(s == r"\|" for s in _separators(bracket.seps)):
            dists = [d if d is not None else self.law_argument(a) or
                     self.capital_law_argument(a) for d, a in zip(dists, bracket.args)]
        if op is not None and any(d is not None for d in dists) and None in dists:
            like = [d.over for d in dists if d is not None]
            dists = [d if d is not None else self.formula_argument(a, like)
                     for d, a in zip(dists, bracket.args)]
        elif op is not None and None in dists and self._in_densities(bracket.args):
            dists = [d if d is not None else self.formula_argument(a) for d, a in
                     zip(dists, bracket.args)]   # H(M), M a defined mixture: a formula law
        if op is not None and op.key == "KL" and all(d is None for d in dists):
            value = self.family_divergence(bracket)
            if value is not None:
                self.operator_use(key, bracket.node)
                self.derive_read(op.key, bracket.node)      # Σ p_i log(p_i / q_i)
                return Pow(value, self.term(bracket.power)) if bracket.power is not None \
                    else value
        if op is None or any(d is None for d in dists) or \
                any(s not in op.separators for s in _separators(bracket.seps)):
            for a in bracket.args if op is not None or key not in registry.FUNCTION_LIKE else ():
                self.no_function_value(a, f"as an argument of {key}(…)")
            divergence_bar = any(s == r"\|" for s in _separators(bracket.seps))
            if any(d is not None for d in dists) or key not in registry.FUNCTION_LIKE or \
                    divergence_bar:
                raise self.error(f"{key}(…) is read as an operator on declared distributions "
                                 f"({_operator_forms(key)}); these arguments are not that — "
                                 f"declare them, or `% derive: function {key}` for a function "
                                 f"named {key}", bracket.node)
            return None                     # D(x), h(u): a function — not KL, not entropy
        dists = self.placed(dists, bracket.args)
        declared = [d for d in dists if not isinstance(d, Family)]   # a family: any space
        value = None
        if len({frozenset(v.variable for v in d.over) for d in declared}) > 1:
            value = self.kl_against_function(op.key, dists, bracket)
            if value is None:
                raise self.error(f"{key} {MISMATCH}; here "
                                 + " and ".join(", ".join(v.latex for v in d.over) or "nothing"
                                                for d in declared), bracket.node)
        pinned = any(self.written_with_dot(a) for a in bracket.args)
        value = value or not pinned and self._conditional_divergence(op.key, dists,
                                                                     bracket.node) or \
            Op(self.in_units(op.key), *dists)
        self.own_form_here(op.key, dists, bracket.node, value)
        self.operator_use(key, bracket.node)
        self.scope.read_operators.add(key)
        values = self.scope.operator_values.setdefault(op.key, [])
        if any(n.origin is not None for n in free_names(value)):
            value_here = None               # at a bound copy: no value for another row
        else:
            value_here = value
        if value_here not in values:
            values.append(value_here)       # a bare `JSD` below is this value (`products`)
        if bracket.power is not None:
            value = Pow(value, self.term(bracket.power))
        return value

    def family_divergence(self, bracket):
        """`D(p \\| q)` of two positive indexed families declared over one range (`positive
        p_i, q_i for i = 1..n`, mass functions written by their probabilities): the sum
        Σ_i p_i log(p_i / q_i) over that range (in bits where the file's information is),
        its definition — no lemma of KL's is used (the families need not sum to 1). So is
        `D(p \\| r)`, `D(r \\| p)` of such a p and a family the file defines at one index
        (`define r_i = \\frac{D^{-l_i}}{\\sum_j D^{-l_j}}`, Cover & Thomas's r of a code's
        lengths): r_i is the definition's body at each i of p's range. None when the
        arguments are not such families' bare names."""
        if len(bracket.args) != 2 or _separators(bracket.seps) != [r"\|"]:
            return None                 # the bar in any spelling: `\|`, `||`, `\parallel`
        families_ = self._positive_families(bracket.args) or \
            [self._family_argument(a) for a in bracket.args]
        if None in families_ or all(f[1].kind is Kind.DEFINITION for f in families_):
            return None
        return self._family_sum(*families_, lambda p_i, q_i: Mul(p_i, Fn("log", div(p_i, q_i))))

    def _bare_name(self, arg):
        """The key of a name written bare as an argument (no script, power or prime), or
        None."""
        try:
            piece = self.piece(single(arg))
        except InputError:
            return None
        return piece.key if isinstance(piece, NamePiece) and piece.sub is None and \
            piece.power is None and not piece.primes else None

    def _family_argument(self, arg):
        """(Name, Declaration) of the family written bare as `arg`: a positive one declared
        over a range, or one the file defines at one index (`define r_i = …`); else None."""
        key = self._bare_name(arg)
        if key is None:
            return None
        found = self.scope.lookup(key + "_{\\cdot}")
        defined = found is not None and found[1].kind is Kind.DEFINITION and \
            len(found[1].info.params) == 1
        return found if defined else self._positive_family(key)

    def _family_member(self, family, at):
        """The member at `at` of a declared family (`p_i`) or of one the file defines at
        one index (its body there), each a (Name, Declaration)."""
        name, declaration = family
        if declaration.kind is not Kind.DEFINITION:
            return Call(name, at)
        return Defined(name, (at,), self._apply(declaration.info, (at,), None))

    def _positive_families(self, args):
        """[(Name, Declaration)] of the positive indexed families written bare as `args`
        (`p`, `q` after `positive p_i, q_i for i = 1..n`), all over one range; else None."""
        families_ = []
        for arg in args:
            key = self._bare_name(arg)
            found = self._positive_family(key) if key is not None else None
            if found is None:
                return None
            families_.append(found)
        if len({(f[1].info.lower, f[1].info.upper) for f in families_}) != 1:
            return None
        return families_

    def _positive_family(self, letter):
        """(Name, Declaration) of the positive indexed family of `letter` declared over a
        range (`positive p_i for i = 1..n`), else None."""
        found = self.declared(letter + "_{\\cdot}")
        return found if found is not None and found[1].kind is Kind.FUNCTION and \
            isinstance(found[1].info, IndexRange) and found[1].domain.is_positive else None

    def _family_sum(self, first, second, summand):
        """Σ_i summand(p_i, q_i) over the two families' one range (the declared one's,
        when the other is defined at an index: its member its body at i), in bits where
        the file's information is (divided by log 2)."""
        span = next(f[1].info for f in (first, second) if f[1].kind is not Kind.DEFINITION)
        index = self.fresh(span.index, declaration=LOCAL_INDEX)
        p_i, q_i = (self._family_member(f, Sym(index)) for f in (first, second))
        value = Sum(index, summand(p_i, q_i), span.lower, span.upper)
        return value if self.in_units("KL") == "KL" else div(value, Fn("log", Num(2)))

    def family_cross_entropy(self, key, info, bracket):
        """`H(p, q)` of two positive indexed families over one range, in a file whose
        `define H(p) = \\sum_i p_i \\log_2(1/p_i)` is the entropy of a family (0foldcv's
        thread): the cross-entropy Σ_i p_i log(1/q_i), its definition — as the standard H
        of two laws is the cross-entropy of one H(p). Read so only when the definition's one
        parameter is spelled as a positive family's letter and its body, as written, is
        shown to be that family's entropy Σ_i p_i log(1/p_i) over its range in the file's
        units (the normal form); otherwise None (H(p, q) stays refused: H is the file's
        function of one argument)."""
        if key != "H" or len(info.params) != 1 or len(bracket.args) != 2 or \
                bracket.seps != [","]:
            return None
        (param,) = info.params
        families_ = self._positive_families(bracket.args)
        own = self._positive_family(param.latex)
        if families_ is None or own is None or param in free_names(info.body) or \
                (own[1].info.lower, own[1].info.upper) != (families_[0][1].info.lower,
                                                           families_[0][1].info.upper):
            return None
        entropy = self._family_sum(own, own, lambda p_i, _: Mul(p_i, Fn("log", div(Num(1), p_i))))
        if not shown_equal(info.body, entropy, self.scope.context):
            return None
        return self._family_sum(*families_, lambda p_i, q_i: Mul(p_i, Fn("log", div(Num(1), q_i))))

    def _in_densities(self, args):
        """Whether every argument is written as an expression in densities (`H(M)` with
        `define M = \\frac{1}{2}(P + Q)`, `H(\\frac{p + q}{2})`): an operator's argument
        then is the law of that formula (`formula_argument`), never a function's value."""
        return all(any(isinstance(t, Dens) for t in subterms(self._peek(a))) for a in args)

    def _conditional_divergence(self, key, dists, node):
        """Cover & Thomas's conditional relative entropy (eq. 2.65): `D(p(y|x) \\| q(y|x))`
        of two conditionals of joints, at the free conditioning variables themselves, is
        Σ_x p(x) D(p(·|x) ‖ q(·|x)) — averaged under the first joint's marginal, as H(Y|X)
        is. None for anything else (at a value or a bound x, or when either is a conditional
        family `q_\\phi(z | x)`, in either place, it stays at that x). The averaged x is
        noted (`averaged_given`): a row using x free elsewhere is refused at its end."""
        if key != "KL" or not all(isinstance(d, Dist) and d.given for d in dists):
            return None
        first = dists[0]
        infos = [self.scope.context.info(d.name) for d in dists]
        if any(info.given or not set(d.given) <= set(info.over)    # every one of a joint:
               for d, info in zip(dists, infos)) or any(          # a family stays at x
                d.given != first.given or d.cond != tuple(Sym(v) for v in first.given) or
                self.bound_point(v) is not None for d in dists for v in d.given):
            return None
        for v in first.given:
            self.averaged_given.setdefault(v, node)
        copies = tuple(Sym(self.fresh(v.latex, origin=v)) for v in first.given)
        at = [Dist(d.name, d.over, d.given, copies, d.params) for d in dists]
        value = Mul(Dens(Dist(first.name, first.given, params=first.params), copies),
                    Op(self.in_units(key), *at))
        for copy in reversed(copies):
            value = Integral(copy.name, value)
        return value

    # ================================================================== sums and integrals
    def big_operator(self, piece, rest):
        """`\\sum_{i=1}^{n} …`, `\\sum_x …`, `\\sum_{x \\in \\mathcal{X}} …`, `\\sum_{x,y} …`
        (one sum per index, the first outermost), `\\prod …`: takes the rest of the run."""
        if not rest:
            raise self.error(f"this \\{piece.op} has nothing after it (its term follows it: "
                             f"\\{piece.op}_i a_i, or \\{piece.op}_i -a_i)", piece.node)
        if piece.sub is None:
            return self._bare_sum(piece, rest)
        spec = single(piece.sub)
        if is_tree(spec, "subitems") and any(is_token(t, "SEP") for t in spec.children):
            if piece.sup is not None or any(is_token(t, "SIM") for t in spec.children):
                raise self.error("a sum over several indices reads \\sum_{x,y}", spec)
            nodes = [c for c in spec.children if not is_token(c, "SEP")]
        elif is_tree(spec, "domains"):          # \sum_{x \in \mathcal{X}, y \in \mathcal{Y}}
            if piece.sup is not None:
                raise self.error("a sum over several indices has no upper limit", piece.node)
            children = spec.children
            if any(is_token(t, "SEP") and t.value != "," for t in children):
                raise self.error("a sum over several sets reads \\sum_{x \\in A, y \\in B}", spec)
            nodes = [Tree("domain", children[k:k + 3]) for k in range(0, len(children), 4)]
        else:                                   # \sum_{x \in \text{supp}(P_X)}: `supports`
            nodes = (support_indices(self, spec) if is_tree(spec, "domain") and
                     piece.sup is None else None) or [spec]
        kind = Sum if piece.op == "sum" else Product
        return self._nested_sums(piece, kind, nodes, rest)

    def _bare_sum(self, piece, rest):
        """`\\sum x_i`, `\\prod p^{x_i}` with no subscript at all (textbooks' shorthand):
        the bound-less `\\sum_i` of the one letter at which the term takes families
        declared over a range (`_member_letters`), else of the one index letter the file's
        declared families share (`real x_i for i = 1..n`), over their declared range — only
        when the term takes a declared family at that index. Several letters, none, an `i`
        already meaning something here, or a term that does not run over i: refused."""
        letters = {d.info.index for d in self.scope.table.values()
                   if isinstance(d.info, IndexRange) and d.info.index}
        written = self._member_letters(rest)
        if not written and piece.sup is None:
            over = self._free_variables(self._probe(rest))
            if over:
                return self._over_free_variables(piece, rest, over)
        letters = written if len(written) == 1 else letters
        key = next(iter(letters)) if len(letters) == 1 and piece.sup is None else None
        if key is None or self.declared(key) is not None or \
                self.bound_name(key) is not None:
            raise self.error(f"say what \\{piece.op} runs over: \\{piece.op}_{{i=1}}^{{n}} or "
                             f"\\{piece.op}_x" + ("" if key is not None or len(letters) < 2
                                                else " (the file declares families over "
                                                "several index letters)"), piece.node)
        index = self.fresh(key, declaration=LOCAL_INDEX)
        self.weighing.add(index)
        with self.binding(key, index):
            body = self.product(rest)
        if not any(isinstance(t, Call) and t.arguments == (Sym(index),) and isinstance(
                self.scope.context.declaration(t.function).info, IndexRange)
                for t in subterms(body)):
            raise self.error(f"say what \\{piece.op} runs over: \\{piece.op}_{{{key}=1}}^{{n}} "
                             f"(a bare \\{piece.op} runs over the declared range of a family "
                             f"it takes at {key})", piece.node)
        discrete = [n.latex for n in self._free_variables(body)
                    if getattr(self.scope.table[n].info, "discrete", False)]
        if discrete:        # `\sum a_i p(x)`: over i, or over i and x?
            raise self.error(f"say what \\{piece.op} runs over: its term takes a family at "
                             f"{key} and the discrete variable {discrete[0]} — "
                             f"\\{piece.op}_{{{key}}} or \\{piece.op}_{{{key}, {discrete[0]}}}",
                             piece.node)
        lower, upper = self._family_range(piece, key, index, body)
        return (Sum if piece.op == "sum" else Product)(index, body, lower, upper)

    def _probe(self, rest):
        """The term after a bare `\\sum` read as written, its letters unbound, only to see
        which declared variables it takes free (`_free_variables`): what this reading noted
        for the row (a conditional divergence averaged at a free x, the run's binders) is
        undone — the sum reads its term again with its variables bound."""
        noted = dict(self.averaged_given), list(self.run_binders), dict(self.summed_free)
        try:
            return self.product(rest)
        finally:
            self.averaged_given, self.run_binders, self.summed_free = noted

    def _free_variables(self, term):
        """The declared variables of the file (not bound copies) that `term` takes free as
        values (`p(x, y)`, `x`; not the variables a law `H(X)` is over, nor a variable
        only conditioned on, `p(y | x)`: the point the conditional is at), in declaration
        order."""
        written = _values_taken(term) & free_names(term)
        return [n for n in self.scope.table if n in written and n.origin is None and
                n.local is None and self.scope.table[n].kind is Kind.VARIABLE]

    def _over_free_variables(self, piece, rest, over):
        """A bare `\\sum p(x, y) \\log p(x, y)` (Cover & Thomas's shorthand) whose term takes
        no family: the sum over every declared variable its term takes free, each over its
        whole range — `\\sum_{x, y}` — when all are discrete. A continuous one (integrate
        it), or a term that reads otherwise once they are bound, is refused."""
        continuous = [n.latex for n in over if not getattr(self.scope.table[n].info,
                                                             "discrete", False)]
        if continuous:
            raise self.error(f"say what \\{piece.op} runs over: its term takes "
                             f"{', '.join(continuous)}, a continuous variable (a bare "
                             f"\\{piece.op} runs over the declared discrete variables its "
                             f"term takes)", piece.node)
        copies = [self.fresh(n.latex, origin=n) for n in over]
        self.weighing.update(copies)
        with self.bindings_as([n.latex for n in over], copies):
            body = self.product(rest)
        if self._free_variables(body) or not set(copies) <= _values_taken(body):
            raise self.error(f"say what \\{piece.op} runs over: its term reads otherwise "
                             f"with {', '.join(n.latex for n in over)} bound — write "
                             f"\\{piece.op}_{{{', '.join(n.latex for n in over)}}}", piece.node)
        for n in over:
            self.summed_free.setdefault(n, piece.node)
        kind = Sum if piece.op == "sum" else Product
        for index in reversed(copies):
            body = kind(index, body, None, None)
        return body

    def _member_letters(self, rest):
        """The letters at which the pieces after a bare `\\sum` take a family declared over
        a range (`p_i` of `positive p_k for k = 1..n`): when it is one letter, that is the
        sum's index, whatever letter the declaration used (the Rényi answer's `\\sum p_i`)."""
        letters = set()
        for item in rest:
            node = getattr(item, "node", None)
            for tree in node.iter_subtrees() if isinstance(node, Tree) else ():
                if not is_tree(tree, "script"):
                    continue
                try:
                    p = self.piece(tree)
                except (InputError, naming.NameError_):
                    continue
                if not isinstance(p, NamePiece) or p.sub is None:
                    continue
                found = self.scope.lookup(p.base + "_{\\cdot}")
                index = _bare(p.sub)
                if found is not None and isinstance(found[1].info, IndexRange) and \
                        is_token(index, "LETTER"):
                    letters.add(index.value)
        return letters

    def _nested_sums(self, piece, kind, nodes, rest):
        node = nodes[0]
        lower = upper = listed = None
        if is_tree(node, "equation"):
            index_node, rel, low_node = node.children
            if rel.value in (r"\ne", r"\neq"):
                return self._all_but_one(piece, kind, nodes, rest)
            if rel.value == "<" and self._two_fresh_letters(node):
                return self.ordered_pairs(piece, kind, nodes, rest)
            onward = rel.value in FROM_ON and piece.sup is None
            if rel.value != "=" and not onward:
                raise self.error(f"a {piece.op}'s range reads i = 1 (with ^{{n}}), "
                                 "i \\in A, i \\ge 0 or a bare index", node)
            key = self._index_key(index_node)
            lower = self.term(low_node)
            if onward:                  # \sum_{t \ge 0}: every whole t from 0 on, a series
                lower = lower if FROM_ON[rel.value] == 0 else Add(lower, ONE)
                upper, sup_node = OO, node
            elif piece.sup is None:
                raise self.error(f"say where \\{piece.op}_{{{key}=…}} ends: ^{{n}}", piece.node)
            else:
                upper, sup_node = self.term(piece.sup), piece.sup
            self._natural_bound(upper, sup_node)
            if any(isinstance(t, (Dens, Dist)) for bound in (lower, upper) for t in subterms(bound)):
                raise self.error("a sum's bounds are numbers, not the values of a density",
                                 node if any(isinstance(t, (Dens, Dist)) for t in subterms(lower))
                                 else piece.sup)
            lower, upper = self._index_bounds(piece, kind, key, (lower, low_node),
                                              (upper, sup_node), index_node)
            index = self.fresh(key, declaration=LOCAL_INDEX)
        elif piece.sup is not None:                     # \sum_i^n: from the family's start
            if is_tree(node, "domain"):
                raise self.error("an upper limit needs a lower one: _{i=1}^{n}", piece.node)
            if is_tree(node, "listed_values"):
                raise self.error(f"a \\{piece.op} over listed values (x = 0, 1) has no upper "
                                 f"limit: write \\{piece.op}_{{x=0}}^{{n}} for a range",
                                 piece.node)
            key = self._index_key(node)
            upper = self.term(piece.sup)
            self._natural_bound(upper, piece.sup)
            _, upper = self._index_bounds(piece, kind, key, (Num(1), node),
                                          (upper, piece.sup), node)
            index = self.fresh(key, declaration=LOCAL_INDEX)
        elif (subset := self._index_subset(node)) is not None:  # \sum_{i \in I}, I = {i : …}
            key, index, span = subset
            lower, upper, low_node = span.lower, span.upper, node
        else:
            listed = self._listed_set(node)
            key, index = self._summation_index(piece, node.children[0] if listed else node)
        self.weighing.add(index)
        with self.binding(key, index):
            body = self._nested_sums(piece, kind, nodes[1:], rest) if len(nodes) > 1 else \
                self.product(rest)
        self.unreached_letter(key, index, body, piece.node, f"a \\{piece.op} over")
        if lower is None and upper is not None:
            lower, low_node = self._first_index(piece, key, index, body, upper), node
        if lower is not None:
            self._members_in_range(piece, index, body, (lower, low_node),
                                   (upper, piece.sup))
        if lower is None and listed:
            return self._over_listed(piece, kind, index, body, listed, node)
        if lower is None and index.origin is None:
            lower, upper = self._family_range(piece, key, index, body)
        return kind(index, body, lower, upper)

    def _index_subset(self, node):
        """(key, fresh index, its `IndexRange`) of `i \\in I` under a sum, I a set of indices the file defines
        (`define I = \\{i : p_i > 0\\}`, `IndexSubset`) and i its letter; None when the
        set is no such set. Read only where the declarations make I its families' whole
        range; a condition they do not imply leaves I's indices unknown: refused, never
        summed over a guessed part of the range."""
        if not is_tree(node, "domain"):
            return None
        try:
            named = self._index_key(node.children[2])
        except InputError:
            return None
        found = self.declared(named)
        subset = found[1].info if found is not None else None
        if not isinstance(subset, IndexSubset):
            return None
        key = self._index_key(node.children[0])
        if key != subset.span.index or self.declared(key) is not None or \
                self.bound_name(key) is not None:
            raise self.error(f"{named} is a set of indices {subset.span.index} (defined as "
                             f"{{{subset.span.index} : {subset.text}}}): sum over it with "
                             f"its own letter, \\sum_{{{subset.span.index} \\in {named}}}",
                             node.children[0])
        if not subset.whole:
            raise self.error(f"derive does not know which indices {named} = "
                             f"{{{key} : {subset.text}}} holds: the declarations do not make "
                             f"{subset.text} hold at every {key} in {subset.span.text} (then "
                             f"{named} would be that whole range); declare it so, or sum over "
                             "the whole range", node.children[2])
        return key, self.fresh(key, declaration=LOCAL_INDEX), subset.span

    def _first_index(self, piece, key, index, body, upper):
        """Where `\\sum_i^n` (an upper limit, no lower one) starts: at 1, as texts write it
        for `\\sum_{i=1}^n` — or at the declared start of the families it runs over
        (`_family_span`: `x_i for i = 0..n` starts at 0) when their range ends at its upper
        limit. A range of its families that starts elsewhere and ends elsewhere leaves the
        start unsaid: refused."""
        span = self._family_span(piece, key, index, body)
        if span is None or span.lower == Num(1):
            return Num(1)
        if span.upper == upper:
            return span.lower
        raise self.error(f"say where \\{piece.op}_{key}^{{…}} starts: its families are declared "
                         f"over {span.text}, and it ends elsewhere — write "
                         f"\\{piece.op}_{{{key}=…}}^{{…}}", piece.node)

    def _members_in_range(self, piece, index, body, low, high):
        """A sum (product) shown non-empty takes its body at both its bounds: a member of a
        family declared over a range, taken there at an index provably outside it
        (`\\sum_{i=1}^{n+1} x_i` of `x_i for i = 1..n` takes x_{n+1}: the gap n − (n + 1)
        is a negative constant), is refused at that bound, as the member written alone is."""
        from derive.engines import normal_form
        (lower, _), (upper, _) = low, high
        n = normal_form.Normaliser(self.scope.context)
        try:            # whole bounds: non-empty where upper − lower + 1 > 0
            if upper is OO or n.sign(n.value(Add(upper, neg(lower), Num(1)))) is not \
                    normal_form.POS:
                return                  # maybe empty: no member need be taken
        except (normal_form.Unsupported, normal_form.Undefined):
            return
        for t in subterms(body):
            span = self.scope.context.declaration(t.function).info \
                if isinstance(t, Call) and len(t.arguments) == 1 and \
                index in free_names(t.arguments[0]) else None
            if not isinstance(span, IndexRange):
                continue
            family = t.function.latex.removesuffix("_{\\cdot}")
            gaps = [(first, last, at, node, _constant(Add(last, neg(first)), self.scope.context))
                    for bound, node in (low, high)
                    for at in (substitute(t.arguments[0], {index: bound}),)
                    for first, last in ((span.lower, at), (at, span.upper))]
            for first, last, at, node, gap in gaps:
                if gap is not None and gap < 0:
                    raise self.error(f"this \\{piece.op} takes {family}_{{{show(at)}}} at "
                                     f"this bound, no member of {family}, declared over "
                                     f"{span.text}", node)
            for first, last, at, node, gap in gaps:
                if gap is None and not self._shown_in_order(first, last, n):
                    self._bound_in_span(piece, family, span, first, last, at, node, n)

    def _bound_in_span(self, piece, family, span, first, last, at, node, n):
        """A sum's bound not shown within its family's range (`\\sum_{i=1}^{m} x_i` of `x_i
        for i = 1..n`, natural m): `m ≤ n` is a hypothesis of this row, as for a member
        written at m — and refused when shown false for every value (`^{2n}`: 2n ≤ n never
        holds for a natural n)."""
        from derive.engines import normal_form
        try:
            never = n.sign(n.value(Add(first, neg(last)))) == normal_form.POS
        except (normal_form.Unsupported, normal_form.Undefined):
            never = False
        if never:
            raise self.error(f"this \\{piece.op} takes {family}_{{{show(at)}}} at this bound, "
                             f"no member of {family}, declared over {span.text} "
                             f"({show(first)} > {show(last)})", node)
        first, last = (t if free_names(t) or _constant(t, self.scope.context) is None
                       else Num(_constant(t, self.scope.context))    # a_{2i} at 1: 2 ≤ n
                       for t in (first, last))
        try:            # once per gap: m ≤ n and m − 1 + 1 ≤ n are one hypothesis
            if any(h.relation is Relation.LE and n.value(Add(
                    h.rhs, neg(h.lhs), neg(last), first)).is_zero() for h in self.hypotheses):
                return
        except (normal_form.Unsupported, normal_form.Undefined):
            pass
        hypothesis = Hypothesis(Relation.LE, first, last, f"{show(first)} \\le {show(last)}")
        if hypothesis not in self.hypotheses:
            self.hypotheses += (hypothesis,)

    def _shown_in_order(self, first, last, n):
        """Whether `first ≤ last` (whole numbers) is shown: last − first + 1 positive by the
        declarations (`k` natural: 1 ≤ k), or an `assume`d hypothesis or one of this row
        says it (`assume m \\le n`). A gap in a letter bound where the sum stands (an outer
        sum's index, a definition's parameter) is left to that binder's own range (the old
        reading: not caught)."""
        from derive.engines import normal_form
        gap = Add(last, neg(first))
        if any(name.local is not None or name.origin is not None for name in free_names(gap)):
            return True
        try:
            if n.sign(n.value(Add(gap, Num(1)))) == normal_form.POS:
                return True
        except (normal_form.Unsupported, normal_form.Undefined):
            pass
        said = {(Relation.LE, first, last), (Relation.LT, first, last),
                (Relation.GE, last, first), (Relation.GT, last, first)}
        return any((h.relation, h.lhs, h.rhs) in said
                   for h in self.scope.assumptions + self.hypotheses)

    def _index_bounds(self, piece, kind, key, low, high, index_node):
        """`\\sum_{k=a}^{b}` (`\\prod`) runs over the whole numbers from a to b, b = ∞ for a
        series: a number that is not whole as a bound (`\\sum_{x=1/2}^{\\infty}`), ∞ anywhere
        else than as the whole upper bound (`^{2\\infty}`, `\\sum_{x=\\infty}^{0}`), an
        infinite product, and an index letter the file declares as anything but a whole
        number or a discrete variable (`variable y`, `real t`: one name, one meaning) are
        refused at their position, never summed. The bounds, as read: a number written
        otherwise (`\\frac{4}{2}`, `\\sqrt{4}`) is the whole number it is (`_whole_bound`)."""
        found = self.declared(key) if self.bound_name(key) is None else None
        if found is not None and not (
                found[1].kind is Kind.VARIABLE and getattr(found[1].info, "discrete", False) or
                found[1].kind is Kind.SYMBOL and found[1].domain.is_integer):
            raise self.error(f"{key} is declared ({found[1].kind.value}"
                             f"{', ' + found[1].domain.value if found[1].kind is Kind.SYMBOL else ''}"
                             f"), so it is no whole-number index of a \\{piece.op}: use a "
                             f"letter of its own, or declare it integer", index_node)
        for k, (bound, node) in enumerate((low, high)):
            infinite = any(t is OO for t in subterms(bound))
            if infinite and (k == 0 or bound is not OO):
                raise self.error(f"a \\{piece.op}'s bounds are whole numbers, or ∞ as the "
                                 "whole upper bound of a series", node)
            if infinite and kind is Product:
                raise self.error("an infinite product is not read: write its finite "
                                 "partial products, or the limit of their logarithm", node)
        return tuple(bound if bound is OO else self._whole_bound(piece, bound, node)
                     for bound, node in (low, high))

    def _whole_bound(self, piece, bound, node):
        """A sum's (product's) finite bound. Written without letters, it is evaluated
        exactly: a whole number is read as that number (`\\frac{4}{2}`, `\\sqrt{4}` are 2,
        for every engine alike); anything else — `5/2`, and `\\pi`, `e`, `\\sqrt{2}`,
        which no exact evaluation makes whole — is refused at its position. A letter the
        file declares a real number that may not be whole (`positive a`, `real t`) is
        refused too: summing to it would need its integer part. Any other bound (`n`,
        `n + 1`, a definition) is kept as written."""
        if isinstance(bound, Sym):
            found = self.declared(bound.name.latex)
            if found is not None and found[0] is bound.name and found[1].kind is Kind.SYMBOL \
                    and not found[1].domain.is_integer:
                raise self.error(f"a \\{piece.op} runs over whole numbers, but its bound "
                                 f"{bound.name.latex} is declared {found[1].domain.value} (a "
                                 f"real number, maybe not whole): declare it natural or "
                                 f"integer", node)
            return bound
        if free_names(bound):
            return bound
        value = _constant(bound, self.scope.context)
        if value is None or value.denominator != 1:
            raise self.error(f"a \\{piece.op} runs over whole numbers: its bound "
                             f"{show(bound)} is not one" + (
                                 "" if value is not None else " (a number as a bound is read "
                                 "when it evaluates exactly to a whole number)"), node)
        return bound if any(isinstance(t, Defined) for t in subterms(bound)) else Num(value)

    def _all_but_one(self, piece, kind, nodes, rest):
        """`\\sum_{i \\ne k} f_i` (`\\neq`; `^{n}` allowed): the sum over the declared range
        of the families it runs over (`_family_span`) without the term at k — the whole sum
        minus f_k. k is a free whole number of the row (undeclared: an integer for the whole
        file), in that range: its bounds become hypotheses, as a member's index's do."""
        index_node, _, excluded_node = nodes[0].children
        if kind is not Sum or len(nodes) > 1:
            raise self.error(f"derive reads a sum over all indices but one, \\sum_{{i \\ne k}}"
                             f"; not a \\{piece.op} or several indices: write the whole "
                             f"\\{piece.op} and take the excluded term out", nodes[0])
        key = self._index_key(index_node)
        if self.declared(key) is not None or self.bound_name(key) is not None:
            raise self.error(f"\\sum_{{{key} \\ne …}}: {key} is not a fresh index here",
                             index_node)
        excluded = self._excluded_index(excluded_node)
        if excluded.name.latex == key:
            raise self.error(f"\\sum_{{{key} \\ne {key}}}: the excluded index is the sum's own "
                             "letter — write the letter of the term left out, \\sum_{i \\ne "
                             f"{key}}}", excluded_node)
        index = self.fresh(key, declaration=LOCAL_INDEX)
        self.weighing.add(index)
        with self.binding(key, index):
            body = self.product(rest)
        span = self._family_span(piece, key, index, body)
        upper = None if piece.sup is None else self.term(piece.sup)
        self._natural_bound(upper, piece.sup)
        if span is None or upper is not None and upper != span.upper:
            raise self.error(f"derive reads \\sum_{{{key} \\ne k}} over the declared range "
                             "of the families it sums (% derive: real y_i for i = 1..n)"
                             + ("; here its ^{…} is not that range's end" if span else
                                "; here none is declared") + ": write the whole sum "
                             "minus the excluded term", nodes[0])
        self._assume_in_span(excluded, span)
        term_at = substitute(body, {index: excluded}, self.scope.allowance)
        return Add(Sum(index, body, span.lower, span.upper), neg(term_at))

    def _two_fresh_letters(self, node):
        """Whether `i < j` under a sum writes two letters, neither declared nor bound."""
        keys = []
        for side in (node.children[0], node.children[2]):
            try:
                keys.append(self._index_key(side))
            except (InputError, naming.NameError_):
                return False
        return keys[0] != keys[1] and all(self.declared(k) is None and self.bound_name(k) is None
                                          for k in keys)

    def _excluded_index(self, node):
        """The k of `\\sum_{i \\ne k}`: one letter, a whole number free in the row."""
        self._indexing += 1                 # an undeclared i here is an index, never the unit
        try:
            value = self.term(node)
        finally:
            self._indexing -= 1
        name = value.name if isinstance(value, Sym) else None
        if name is not None and self.bound_name(name.latex) is name:
            raise self.error(f"derive reads \\sum_{{i \\ne k}} with k a whole number free in "
                             f"the row; here {name.latex} is bound (the index of a sum around "
                             "it, or of the family this row defines): write the whole sum minus "
                             "the excluded term", node)
        if name is None or \
                not self.scope.context.domain(name).is_integer and \
                self.declared(name.latex) is not None:
            raise self.error("derive reads \\sum_{i \\ne k} with k a whole number free in "
                             "the row (a letter undeclared or declared integer), not this",
                             node)
        self._natural_bound(value, node, Domain.INTEGER, "an index")
        return value

    def _listed_set(self, node):
        """The element nodes of a set written out under a sum, `x \\in \\{0, 1\\}` or
        `x \\in \\left\\lbrace 0,1 \\right\\rbrace` — or the values listed after `=`,
        `x = 0, 1` (the same set: one reading for both); None for any other range."""
        if is_tree(node, "listed_values"):
            rel, *values = node.children[1:]
            if rel.value != "=" or any(is_token(t, "SEP") and t.value != "," for t in values):
                raise self.error("a sum over listed values reads x = 0, 1 (the values "
                                 "after =, separated by commas)", node)
            return [v for v in values if not is_token(v, "SEP")]
        if not is_tree(node, "domain"):
            return None
        script = single(node.children[2])
        bracket = script.children[0] if is_tree(script, "script") and \
            len(script.children) == 1 else None
        if not is_tree(bracket, "bracketed") or \
                bracket.children[0].value not in ("\\{", "\\lbrace"):
            return None
        if bracket.children[2].value not in ("\\}", "\\rbrace"):
            raise self.error("this set opens with a brace and closes with something else",
                             bracket)
        args = bracket.children[1].children
        if any(is_token(t, "SEP") and t.value != "," for t in args):
            raise self.error("the elements of a set are separated by commas", bracket)
        return [a for a in args if not is_token(a, "SEP")]

    def _over_listed(self, piece, kind, index, body, listed, node):
        """A sum (product) over a set written out: the finite sum of the body at each of its
        elements — numbers, whole numbers for an index of its own; an element listed twice
        counts once, as in a set. Values listed after `=` (`x = 0, 1`) are that set, but one
        listed twice there (`x = 1, 1, 2`: once or twice?) is refused."""
        values = []
        for element in listed:
            value = _rational(self.term(element))
            if value is None:
                raise self.error(f"derive reads a \\{piece.op} over a set written out when "
                                 "its elements are numbers (it cannot tell which others are "
                                 "distinct)", element)
            if index.origin is None and value.value.denominator != 1:
                raise self.error(f"{index.latex} is an index of its own here, so its set holds "
                                 f"whole numbers; declare it (% derive: discrete {index.latex}) "
                                 "to sum over other numbers", element)
            if value in values and is_tree(node, "listed_values"):
                raise self.error(f"this value is listed twice: does the \\{piece.op} take it "
                                 f"once or twice? Write each value once, or the terms out",
                                 element)
            if value not in values:
                values.append(value)
        terms = [substitute(body, {index: v}, self.scope.allowance) for v in values]
        if len(terms) == 1:
            return terms[0]
        return Add(*terms) if kind is Sum else Mul(*terms)

    def _family_range(self, piece, key, index, body):
        """(first, last) index of a bound-less `\\sum_i`: the declared range of the
        families it runs over — those declared with the index letter i (`a_i for i =
        1..n`) and those the body takes at i itself; (None, None), an unspecified finite
        index set, when there is none. Families declared over different ranges leave the
        sum ambiguous: refused."""
        span = self._family_span(piece, key, index, body)
        return (None, None) if span is None else (span.lower, span.upper)

    def _family_span(self, piece, key, index, body):
        """The one declared `IndexRange` of `_family_range`, or None."""
        spans = {}
        for declaration in self.scope.table.values():
            span = declaration.info
            if isinstance(span, IndexRange) and span.index == key:
                spans.setdefault((span.lower, span.upper), span)
        rangeless = None
        for t in subterms(body):
            if isinstance(t, Call) and t.arguments == (Sym(index),):
                span = self.scope.context.declaration(t.function).info
                if isinstance(span, IndexRange):
                    spans.setdefault((span.lower, span.upper), span)
                elif t.function.latex.endswith("_{\\cdot}"):
                    rangeless = t.function.latex.removesuffix("_{\\cdot}")
        for span in self.averaged_spans(index):     # members averaged inside a moment
            spans.setdefault((span.lower, span.upper), span)
        if rangeless is not None and spans:
            raise self.error(f"\\{piece.op}_{key} takes {rangeless}_{key}, a family declared "
                             f"without a range, while {key} runs over "
                             + ", ".join(s.text for s in spans.values())
                             + f" elsewhere: write its bounds, \\{piece.op}_{{{key}=1}}^{{n}}, "
                             f"or declare {rangeless}'s range", piece.node)
        if len(spans) > 1:
            raise self.error(f"\\{piece.op}_{key} is ambiguous: its families are declared "
                             f"over different ranges ("
                             + ", ".join(s.text for s in spans.values())
                             + f"); write its bounds, \\{piece.op}_{{{key}=1}}^{{n}}", piece.node)
        return next(iter(spans.values()), None)

    def _summation_index(self, piece, node):
        """(key, bound Name) of `x` or `x \\in S` under a sum: a discrete variable ranging
        over its whole (finite) range, or an index of an unspecified finite set."""
        support = None
        if is_tree(node, "domain"):
            node, _, set_node = node.children
            if not self._over_its_random_variable(node, set_node):
                support = self._own_range(node, set_node) or self._finite_set_name(set_node)
        key = self._index_key(node)
        found = self.declared(key) or self.sample_of(key)
        if found is not None and found[1].kind is Kind.VARIABLE:
            info = found[1].info
            if not getattr(info, "discrete", False):
                raise self.error(f"{key} is a continuous variable: integrate over it, or "
                                 f"declare it discrete (% derive: discrete {key})", node)
            if support is not None and support is not info.support:
                raise self.error(f"{key} ranges over {info.support.latex if info.support else 'a set of its own'}"
                                 f", not {support.latex}", node)
            return key, self.fresh(key, origin=found[0])
        if support is not None:
            raise self.error(f"declare what {key} is: % derive: discrete {key} in "
                             f"{support.latex}", node)
        if (found is None or self._shadowed_index(found)) and self.bound_name(key) is None:
            return key, self.fresh(key, declaration=LOCAL_INDEX)
        raise self.error(f"\\{piece.op}_{key}: {key} is not a variable or an index", node)

    def _shadowed_index(self, found):
        """Whether a declared name may be a bare `\\sum_i`'s index all the same, as it may be a
        bounded sum's (`\\sum_{i=1}^n`): an integer symbol (`integer i, j` of indices said to
        lie in 1..n) — the sum binds its own i, and inside it the letter is that bound one.
        Not a letter that ends a declared range (`n` of `a_i for i = 1..n`): there the sum
        would run to itself."""
        name, declaration = found
        if declaration.kind is not Kind.SYMBOL or not declaration.domain.is_integer:
            return False
        return not any(isinstance(d.info, IndexRange) and name in
                       free_names(d.info.lower) | free_names(d.info.upper)
                       for d in self.scope.table.values())

    def _over_its_random_variable(self, node, set_node):
        """Whether `x \\in X` under a sum names, as its set, the random variable X of the
        declared variable x it binds (a capital of x undeclared, or of the variable a
        renamed copy `x'` ranges like): x runs over X's values, its whole range, as
        `\\sum_x` does (the blog's `\\sum_{x \\in X, y \\in Y}`)."""
        try:
            key, named = self._index_key(node), self._index_key(set_node)
        except InputError:
            return False
        found = self.declared(key) or self.sample_of(key)
        if found is None or found[1].kind is not Kind.VARIABLE or \
                self.capital_variable(named) is not found[0]:
            return False
        self.capital_read(named, set_node, "random")
        return True

    def _own_range(self, node, set_node):
        """The range of a discrete variable declared without one (`discrete x`), when the
        set is its space written with its capital and names nothing else (`\\sum_{x \\in
        \\mathcal{X}}`, as `\\int_{x \\in \\mathcal{X}}` reads); else None."""
        try:
            key, named = self._index_key(node), self._index_key(set_node)
        except InputError:
            return None
        found = self.declared(key) or self.sample_of(key)     # x, or a renamed copy x'
        if found is None or self.scope.lookup(named) is not None or \
                self.bound_name(named) is not None or not _capital_space(named, found[0].latex):
            return None
        support = getattr(found[1].info, "support", None)
        own = support is not None and support.latex == own_range(found[0].latex)
        return support if own else None

    def _a_number(self, key):
        """Whether a calligraphic letter between bars is a quantity of the file rather than
        a set: bound here, or declared or defined as anything but a set (`real
        \\mathcal{X}`) — the bars are then its absolute value, never a set's size."""
        found = self.scope.lookup(key)
        return self.bound_name(key) is not None or found is not None and \
            found[1].kind is not Kind.SET and (found[1].declared or
                                               found[1].kind is Kind.DEFINITION)

    def _declared_set(self, node):
        """The spelling of a set the file declares (`discrete x in A`: A) that a node is,
        whatever its letter — between bars it is the set's size, as |𝒳| is: a declared set
        is no number whose absolute value the bars could take. None for anything else."""
        try:
            key = naming.flat_text(single(node))
        except (naming.NameError_, TypeError, AttributeError):
            return None
        found = self.declared(key)
        return key if found is not None and found[1].kind is Kind.SET else None

    def _finite_set_name(self, node, key=None, bars=False):
        """The declared finite set a node names (`\\mathcal{X}`, or a set defined as the
        support of a density); between `bars`, the message names the other reading. A word
        (`x \\in Data`, `\\mathrm{Data}`) names no set derive can declare: refused, saying so."""
        word = _WORD_SET.fullmatch(_unbraced(self.source_text(node))) if key is None else None
        if word is not None:
            raise self.error(f"{word.group('word')} is a word, not a declared set (a range is "
                             "declared under a letter's name): write \\sum_x for x's whole "
                             "range, or declare it, % derive: discrete x in \\mathcal{D}, "
                             "and sum over \\mathcal{D}", node)
        key = key or self._index_key(node)
        found = self.declared(key)
        if found is None or found[1].kind is not Kind.SET:
            raise self.error(f"{key} is not a declared set: declare a variable's range with "
                             f"% derive: discrete x in {key}" + (
                                 f" (or declare {key} a number, % derive: real {key}, for "
                                 f"its absolute value)" if bars else ""), node)
        return found[0]

    def _index_key(self, node):
        piece = self.piece(single(node)) if not isinstance(single(node), Token) else \
            self._script(single(node), [], node)
        if not isinstance(piece, NamePiece) or piece.power is not None:
            raise self.error("expected an index or a variable here", node)
        return piece.key

    def _natural_bound(self, term, node, domain=Domain.NATURAL, what="a sum's bound"):
        """A sum's bound that is an undeclared symbol is a natural number (documented), in
        the whole file: refused when a row above used it as a (complex) number. So is an
        undeclared index of a Kronecker delta or of an indexed definition an integer."""
        if not isinstance(term, Sym):
            return
        found = self.scope.lookup(term.name.latex)
        if found is None or found[0] is not term.name:
            return
        earlier = self.scope.natural(term.name, self.row_start, domain)
        if earlier is not None:
            line, column = self.source.position(earlier)
            key = term.name.latex
            raise self.error(f"{key} is {what} here, so {domain.value}, but line "
                             f"{line}, column {column} uses it as an undeclared (complex) "
                             f"number: declare it before both (% derive: natural {key}, or "
                             f"integer {key}) — one name means one thing", node)

    def _whole_index(self, node, p, what):
        """An index of δ_{jk} or of an indexed definition (`what` says which indices are
        whole numbers, for the message): an undeclared letter there is an
        integer (for the whole file), and the index must be a whole number at every value
        of its names — `a_{1/2}`, `a_{0.5}`, `a_x` of a real x after `a_n = n^2` (defined at
        each whole n) are refused, never the body at a point where nothing is defined."""
        index = self._index(node, p)
        for name in sorted(free_names(index), key=lambda n: n.sort_key()):
            self._natural_bound(Sym(name), p.node, Domain.INTEGER, "an index")
        if not self._whole_term(index):
            raise self.error(f"{p.key}: {what}, and derive reads such an index only as whole "
                             "numbers and letters declared integer under +, −, × and whole "
                             f"powers; not {_unbraced(self.source_text(node))} (declare its "
                             "letters integer)", p.node)
        return index

    def _whole_term(self, term):
        """Whether `term` is a whole number at every value of its names: whole numbers and
        symbols declared integer, under +, −, × and whole powers."""
        if isinstance(term, Num):
            return term.value.denominator == 1
        if isinstance(term, Sym):
            return self.scope.context.declaration(term.name).domain.is_integer
        if isinstance(term, Call):          # y_n of `integer y_n for n = 1..N`, whole n
            declaration = self.scope.context.declaration(term.function)
            return declaration.kind is Kind.FUNCTION and declaration.domain.is_integer and \
                all(self._whole_term(a) for a in term.arguments)
        if isinstance(term, (Add, Mul)):
            return all(self._whole_term(a) for a in term.args)
        return isinstance(term, Pow) and isinstance(term.exponent, Num) and \
            term.exponent.value.denominator == 1 and term.exponent.value >= 0 and \
            self._whole_term(term.base)

    def _least_count(self, term):
        """The least value of `term` when it is a whole number ≥ 0 at every value of its
        names (whole numbers, symbols declared whole or natural, under +, × and whole
        powers), else None: a log's bracket keeps a power only where it is ≥ 1 (`products`)."""
        if isinstance(term, Num):
            whole = term.value.denominator == 1 and term.value >= 0
            return int(term.value) if whole else None
        if isinstance(term, Sym):
            domain = self.scope.context.declaration(term.name).domain
            if not (domain.is_integer and domain.is_nonnegative):
                return None
            return 1 if domain.is_positive else 0
        if isinstance(term, (Add, Mul)):
            least = [self._least_count(a) for a in term.args]
            if None in least:
                return None
            return sum(least) if isinstance(term, Add) else prod(least)
        if isinstance(term, Pow) and isinstance(term.exponent, Num):
            base, power = self._least_count(term.base), self._least_count(term.exponent)
            return None if base is None or power is None else base ** power
        return None

    def integral(self, piece, body, var_piece, point=None):
        """`\\int_a^b body d x` (body: pieces, or a function reading it inside the scope of
        x). `\\int_x`, `\\int_{\\mathcal{X}}` (a subscript naming the variable or its
        space) integrate over the whole range; `d\\mu`, `d\\nu` (a reference measure that
        names no variable) integrate over the variable of the densities, the first declared;
        `d\\mu(x)` (`point`: the bracket) of a law declared with its density is against it
        (`measures`)."""
        law = self.law_measure(var_piece.key)
        if law is not None:
            return self.against_law(piece, body, var_piece, law, point)
        if var_piece.sub is not None and self.bound_name(var_piece.key) is None and \
                self._mentions_bound(var_piece.sub) and self.sample_of(var_piece.key) is None \
                and self.declared(var_piece.key) is None:     # a declared `z_i` is that name
            # `\\sum_j \\int p(x_j, z_j) d z_j` after `joint p over x_i, z_i`: z_i is one
            # declared name, its index part of its spelling — z_j is no member of a family
            raise self.error(f"this differential is not read: d {var_piece.key} integrates "
                             "over a name that is not declared, its index bound by a sum "
                             "(a variable declared with an index, as in joint p over x_i, "
                             "z_i, is one name spelled so, not a family: write the index "
                             "its declaration uses)", var_piece.node)
        key = var_piece.key
        measure = key in (r"\mu", r"\nu") and self.bound_name(key) is None and \
            self.scope.lookup(key) is None
        if measure:
            variables = self.scope.context.of_kind(Kind.VARIABLE)
            if not variables:
                raise self.error(f"d{key} integrates over the densities' variable: declare "
                                 "it (% derive: variable x)", var_piece.node)
            self._one_reference_measure(key, var_piece.node)
            key = variables[0].latex
        if not measure and self.bound_name(key) is None and self.declared(key) is None and \
                _MEASURE_LETTER.fullmatch(key):
            raise self.error(f"d{key} of a letter the file does not declare is, in texts on "
                             f"probability, a distribution function or a measure (the "
                             f"Lebesgue–Stieltjes \\int f \\, d{key}), which derive does not "
                             f"read — never a new variable of integration: declare it to "
                             f"integrate over it (% derive: variable {key}), or write the "
                             f"density (\\int f(x) \\, p(x) \\, dx)", var_piece.node)
        found = self.scope.lookup(key) if self.bound_name(key) is None else None
        if found is not None and found[1].kind in (Kind.DISTRIBUTION, Kind.FUNCTION,
                                                   Kind.DEFINITION, Kind.SET):
            raise self.error(f"d{key} integrates against {key}, a {found[1].kind.value} of this "
                             f"file, not over a variable: write the integral with its density "
                             f"(\\int f(x) \\, p(x) \\, dx)" + (
                                 f", or declare a law with it (% derive: distribution \\mu "
                                 f"with density {key}) and write d\\mu(x)"
                                 if found[1].kind is Kind.DISTRIBUTION else ""), var_piece.node)
        return self._integral(piece, body, key)

    def _renamed_variable(self, body, key):
        """`\\int p(y) f(y) \\, dy` over a letter the file does not declare, p a declared
        density of one variable x (unconditioned): the integral over x's range with x
        renamed y, as `\\mathbb{E}_{y \\sim p}` draws y from p — the variable x when every
        declared density the integrand applies at y is over x alone, else None (densities of
        different variables at y: over which range? the letter stays a real of its own)."""
        if callable(body):
            return None
        over = set()
        for p, nxt in zip(body, body[1:]):
            if not (isinstance(p, NamePiece) and isinstance(nxt, BracketPiece) and
                    len(nxt.args) == 1 and not nxt.seps and
                    self.source_text(nxt.args[0]).strip() == key):
                continue
            found = self.declared(p.key)
            if found is None or found[1].kind is not Kind.DISTRIBUTION:
                continue
            info = found[1].info
            over.add(info.over if len(info.over) == 1 and not info.given else None)
        return over.pop()[0] if len(over) == 1 and None not in over else None

    def _one_reference_measure(self, key, node):
        """One name, one meaning: the first undeclared measure letter of the file (`d\\mu`)
        is the reference measure; a second, different one (`d\\nu` below `d\\mu`) would be
        that same measure too — `\\int u \\, d\\mu = \\int u \\, d\\nu` read as true for
        every u, though two measures differ. Refused at its differential."""
        if self.scope.measure is None:
            self.scope.measure = (key, self.offset + _start(node))
        elif self.scope.measure[0] != key:
            other, at = self.scope.measure
            line, column = self.source.position(at)
            raise self.error(f"d{key}: d{other} at line {line}:{column} is this file's "
                             f"reference measure already, and derive reads one: a second "
                             f"measure letter would be the same measure (write the densities, "
                             f"\\int f(x) \\, p(x) \\, dx)", node)

    def integral_without_differential(self, piece, body_pieces):
        """`\\int_x f`, `\\int f \\ln f`: the variable is the subscript's, or else the one
        variable of the densities written in the integrand; None when neither says."""
        if piece.sub is not None and piece.sup is None:
            spec = single(piece.sub)
            if is_tree(spec, "script") or isinstance(spec, Token):
                key = self._index_key(piece.sub)
                found = self.declared(key)
                if found is not None and found[1].kind is Kind.VARIABLE:
                    value = self._integral(piece, body_pieces, key, whole=True)
                    self.took_run(value)
                    return value
        if piece.sub is not None:
            return None
        variables = set()
        for p in body_pieces:
            if isinstance(p, NamePiece):
                found = self.declared(p.key)
                if found is not None and found[1].kind is Kind.DISTRIBUTION:
                    variables.update(found[1].info.over)
        if len(variables) != 1:
            return None
        (variable,) = variables
        value = self._integral(piece, body_pieces, variable.latex)
        self.took_run(value)
        return value

    def _integral(self, piece, body, key, whole=False, law=None):
        """∫ body d key; `whole`: over the variable's whole range (its subscript named it);
        `law`: against that distribution (∫ p(x) body dx); a subscript that is a set
        `\\{x \\in S : g > c\\}` is read by `measures.set_ranges`."""
        where = set_builder(piece.sub)
        condition = _condition(piece.sub) if where is None and piece.sup is None else None
        if where is not None and piece.sup is not None:
            raise self.error("an integral over a set {x : …} has no upper limit", piece.sup)
        whole = whole or where is not None or condition is not None or \
            piece.sub is not None and piece.sup is None and self._whole_range(piece.sub, key)
        if piece.sub is not None and not whole and is_tree(single(piece.sub), "domain"):
            raise self.error(f"\\int_{{{_unbraced(self.source_text(piece.sub))}}}: derive reads "
                             f"\\int_{{{key} \\in S}} only over {key}'s whole range (S is "
                             "\\mathbb{R}, the variable's space written with its capital, "
                             "\\mathcal{X} for x, or its declared support), never over a "
                             "part of it", piece.sub)
        lower = self.term(piece.sub) if piece.sub is not None and not whole else None
        upper = self.term(piece.sup) if piece.sup is not None else None
        if (lower is None) != (upper is None):
            self._subscript_names_another_variable(piece.sub, key)
            raise self.error("an integral's limits come in pairs: \\int_a^b (a lone subscript "
                             "reads only as the variable's whole range: \\int_{\\mathcal{X}}, "
                             "\\int_{\\mathbb{R}}, \\int_x)", piece.node)
        found = self.declared(key) or self.sample_of(key)
        renamed = self._renamed_variable(body, key) if found is None and lower is None and \
            where is None and condition is None else None
        if found is not None and found[1].kind is Kind.VARIABLE:
            if lower is not None and getattr(found[1].info, "discrete", False):
                # limits of a discrete variable: the sum over the values between them, or
                # the integral of a step function? The README reads ∫ dk as a sum only
                # over the whole range; with limits, write the sum.
                raise self.error(f"{key} is discrete: an integral over its whole range is "
                                 f"the sum over its values, but with limits derive cannot tell "
                                 f"which values count — write the sum "
                                 f"(\\sum_{{{key}=a}}^{{b}})", piece.node)
            var = self.fresh(key, origin=found[0])
            limits = intervals.integral_limits(found[1]) if lower is None else None
            if limits is not None and piece.sub is not None:
                raise self.error(f"{key} is declared in an interval: an integral over it runs "
                                 f"over that interval without limits written, or between the "
                                 f"limits written (\\int_0^1) — a subscript naming a range "
                                 f"(\\mathbb{{R}}, a set) is not read for it", piece.sub)
            if limits is not None:          # `variable p in [0, 1]`: ∫ … dp over [0, 1]
                lower, upper = limits
        elif renamed is not None:
            var = self.fresh(key, origin=renamed)          # ∫ p(y) … dy: x renamed y
        else:
            self.unbindable_law_parameter(key, piece.node, "an integral over")
            var = self.fresh(key, declaration=LOCAL_REAL)
        if piece.sub is None and piece.sup is None and lower is None:
            self.scope.unranged.add(var)     # only these can be indefinite (`chains._indefinite`)
        self.weighing.add(var)
        weights = self._bare_families_at(body, var) if not callable(body) else []
        with self.binding(key, var):
            try:
                value = body() if callable(body) else self.product(body)
            finally:
                for k in weights:
                    del self.weights[k]
            if law is not None:
                value = Mul(Dens(law, (Sym(var),)), value)
            self.unreached_letter(key, var, value, piece.node, "an integral over")
            ranges = self.set_ranges(where, key, var) if where is not None else \
                self.condition_ranges(condition, key, var) if condition is not None else None
        if ranges is not None:
            return self.over_ranges(var, value, ranges)
        return Integral(var, value, lower, upper)

    def _bare_families_at(self, body, var):
        """A family written without its point as a factor of an integrand
        (`\\int \\mathcal{N}(\\mu, \\Sigma) f(z) \\, dz`, Kingma & Welling's appendix and
        its readers) is its density at the integral's variable: the integral weighs the
        variable with it. Only a factor of the body's own run is read so, after nothing or
        another factor (a family after `\\log`, inside a fraction or another operator
        stays a distribution, refused as a number), and only for a declared variable (or its copy), whose kind the family must
        fit (`family_density`). A factor in the integrand of two nested integrals (both
        bodies hold it) is refused: at which variable? The marks made (ids), to be dropped
        after the body."""
        if var.origin is None:
            return []
        marked = []
        for before, p, nxt in zip([None] + body, body, body[1:]):
            if isinstance(p, NamePiece) and isinstance(nxt, BracketPiece) and \
                    (before is None or isinstance(before, (NamePiece, BracketPiece, LazyPiece,
                                                           ValuePiece))) and \
                    p.sub is None and p.power is None and not p.primes and \
                    families.spelled(p.key) is not None and \
                    not (nxt.seps and (nxt.seps[0] == ";" or nxt.seps[0] in BARS)):
                outer = self.weights.get(id(nxt))
                if outer is not None:       # `\int\int \mathcal{N}(0, 1) dx dy`: at x or y?
                    raise self.error(f"{p.key}(…) without a point stands in the integrand of "
                                     f"two integrals (over {outer.latex} and {var.latex}): "
                                     f"derive does not tell at which variable it is — write "
                                     f"{p.key}({var.latex}; …)", p.node)
                self.weights[id(nxt)] = var
                marked.append(id(nxt))
        return marked

    def _whole_range(self, sub, key):
        """Whether an integral's lone subscript names its variable's whole range: the
        variable itself (`\\int_x … dx`) or the declared variable it is a renamed copy of
        (`\\int\\limits_{w} … dw'`), `\\mathbb{R}`, the variable's space written with
        its capital (`\\mathcal{X}` for x) or declared as its support, or the undeclared
        capital that is the variable's random variable (`\\int_Z … dz`: over Z's values, as
        `\\sum_{x \\in X}` reads). Another set
        (`\\int_{\\mathcal{A}}`) may be a part of the range: it is not read as the whole.
        `x \\in S` (`\\int_{x \\in \\mathcal{X}} … dx`) is the whole range when x is the
        integral's variable and S names its whole range."""
        spec = single(sub)
        if is_tree(spec, "domain"):
            element, _, space = spec.children
            try:
                named = self._index_key(element)
            except InputError:
                return False
            return named == key and self._whole_range(space, key)
        if tailless(spec) is not None:
            try:
                if naming.name_text(tailless(spec)) == r"\mathbb{R}":
                    return True
            except naming.NameError_:
                return False
        if is_tree(spec, "script") and len(spec.children) == 2 and \
                is_tree(spec.children[1], "superscript"):
            try:
                space = naming.name_text(spec.children[0])
            except naming.NameError_:
                return False
            if space == r"\mathbb{R}":
                return self._vector_space(spec, key)
        try:
            named = self._index_key(sub)
        except InputError:
            return False
        if named == key:
            return True
        variable = self.declared(key)
        if variable is not None and variable[1].kind is Kind.VARIABLE and \
                self.capital_variable(named) is variable[0]:
            self.unrestricted_space(named, key, sub)    # `\\int_Z … dz`: over Z's values
            return True
        found = self.declared(named)
        if found is not None:
            variable = self.declared(key)
            copy = self.sample_of(key) if variable is None else None
            if copy is not None and copy[0] is found[0]:
                return True      # `\int_w … dw'`: w' is a renamed copy of w, with w's range
            return found[1].kind is Kind.SET and variable is not None and \
                getattr(variable[1].info, "support", None) is found[0]
        space = self.sample_space(named, key) or _capital_space(named, key)   # reserves 𝒳
        if space:
            self.unrestricted_space(named, key, sub)
        return space

    def _subscript_names_another_variable(self, sub, key):
        """Refuse `\\int_Z … dz` (Z a declared variable, z not it) saying so: the subscript
        names one variable, the differential another — derive does not guess that dz
        means dZ."""
        if sub is None:
            return
        try:
            named = self._index_key(sub)
        except InputError:
            return
        found = self.declared(named)
        if named != key and found is not None and found[1].kind is Kind.VARIABLE:
            raise self.error(f"\\int_{{{named}}} … d{key}: the subscript names the variable "
                             f"{named}, the differential d{key} another letter — write "
                             f"d{named} for an integral over {named}'s whole range", sub)

    def _vector_space(self, spec, key):
        """`\\int_{\\mathbb{R}^n} … dx`: the whole range of x when x is a vector variable
        declared over ℝ^n (`% derive: variable x in \\mathbb{R}^n`, the same dimension as
        written); x declared over another dimension, or no vector variable (derive reads
        vectors only as declared: a real x is one number), is refused here."""
        dimension = self.term(spec.children[1].children[-1])
        found = self.declared(key) or self.sample_of(key)
        info = found[1].info if found is not None else None
        written = _unbraced(self.source_text(spec))
        if isinstance(info, vectors.VectorVariableInfo) and info.dimension == dimension:
            return True
        if isinstance(info, vectors.VectorVariableInfo):
            raise self.error(f"\\int_{{{written}}}: {key} is declared over \\mathbb{{R}}^"
                             f"{{{show(info.dimension)}}}, not {written}", spec)
        raise self.error(f"\\int_{{{written}}} … d{key}: {key} is no vector variable here "
                         f"(derive reads vectors only as declared); declare it: % derive: "
                         f"variable {key} in {written}", spec)

    def elementary(self, fname, arg):
        return Fn(fname, arg)

    # ================================================================== limits and optima
    def limit_or_optimum(self, node):
        """A limit or an extremum that is a whole side (`limop`)."""
        children = [c for c in node.children if not is_token(c, "SUB")]
        argument = is_token(children[0], "ARG")
        children = children[1:] if argument else children
        return self.limit_or_optimum_of(node, children[0].value, argument,
                                        children[1] if len(children) == 3 else None,
                                        children[-1])

    def limit_or_optimum_of(self, node, word, argument, sub, body):
        """`word` (`\\lim`, `\\sup`, …) with its subscript `sub` over `body`: a node, or the
        pieces of the rest of a run (a `LimitPiece` inside an expression)."""
        kind = next((k for k in ("argmax", "argmin", "max", "min", "sup", "inf", "lim")
                     if k in word.replace(" ", "").replace("\\,", "")), "lim")
        if argument:
            kind = "arg" + kind
        kind = {"sup": "max", "inf": "min"}.get(kind, kind)
        if kind == "lim":
            return self._limit(node, sub, lambda: self.product(body) if isinstance(body, list)
                               else self.term(body))
        return self._optimum(node, kind, sub, body)

    def _limit(self, node, sub, read_body):
        """`\\lim_{x \\to a}` of what `read_body()` reads with x bound: the whole side
        after a limit that begins one, the rest of the run after one inside an expression."""
        spec = single(sub) if sub is not None else None
        if not is_tree(spec, "approach"):
            raise self.error(r"a limit needs a subscript like _{x \to 0^+}", node)
        var_node, _, target_node, *side = spec.children
        key = self._index_key(var_node)
        target, direction = self._approach(target_node, side)
        # The variable ranges over where the approach comes from, whatever its name is
        # declared (`positive \sigma`, then σ → 0⁻ runs through negative σ): positive
        # towards +∞ or from the right of a point ≥ 0, else real (never whole: a limit of
        # n → ∞ over the reals, where it exists, is the sequence's too).
        positive = target is OO or direction == "+" and isinstance(target, Num) and \
            target.value >= 0
        domain = Domain.POSITIVE if positive else Domain.REAL
        self.unbindable_law_parameter(key, var_node, "a limit over")
        var = self.fresh(key, declaration=Declaration(Kind.VARIABLE, domain))
        with self.binding(key, var):
            value = read_body()
        self.unreached_letter(key, var, value, var_node, "a limit over")
        if var not in free_names(value):
            raise self.error(f"the limit variable {key} does not occur in the expression", var_node)
        return Limit(value, var, target, direction)

    def _approach(self, node, side):
        """(target, direction) of `0^+`, `0^{+}`, `\\infty`, `-\\infty`, `a`."""
        direction = side[0].value if side else "+-"
        script = single(node)
        if is_tree(script, "script") and len(script.children) == 2 and \
                is_tree(script.children[1], "superscript"):
            mark = single(script.children[1].children[1])
            sign = mark.value if is_token(mark, "ADDOP") else \
                {"+": "+", "-": "-"}.get(_side_sign(mark))
            if sign is not None:
                return self.term(script.children[0]), sign
        target = self.term(node)
        if target is OO:
            direction = "-"
        elif isinstance(target, Mul) and OO in target.args:
            direction = "+"
        return target, direction

    def _optimum(self, node, kind, sub, body):
        if sub is None:
            value = self.finite_extremum(kind, body) if kind in ("max", "min") else None
            if value is not None:
                return value            # \max(0, x): of numbers (`extrema`), no optimum
            raise self.error(f"say what \\{kind} ranges over: \\{kind}_{{\\theta}} …, or "
                             f"\\{kind}_D V(G, D) over a function D (without a subscript "
                             f"derive does not pick which of the objective's arguments is "
                             f"optimised)", node)
        spec = single(sub)
        low, high, closed = neg(OO), OO, "()"
        var_node = spec
        if is_tree(spec, "domain"):
            var_node, _, domain = spec.children
            low, high, closed = self._interval(domain, conjugate=True)
        elif is_tree(spec, "equation"):          # \sup_{u > 0}, \max_{y \le 1}
            var_node, rel, bound = spec.children
            low, high, closed = self._half_line(rel, bound, spec)
        typed, conjugate = self._typed_function(spec) or (None, None)
        if typed is not None:                   # \sup_{T : \mathcal{X} \to \mathbb{R}}
            var_node = typed
        key = self._index_key(var_node)
        found = self.declared(key)
        if kind in ("max", "min") and var_node is spec and found is None and \
                self.bound_name(key) is None:
            extremum = self._family_extremum(node, kind, key, body)
            if extremum is not None:        # \max_i x_i of `real x_i for i = 1..n`
                return extremum
        family = self._optimised_family(key) if found is None else None
        member = LOCAL_OPTIMUM
        if family is not None and key != family.latex.removesuffix("_{\\cdot}") and \
                var_node is spec:           # \sup_{x_i} of `positive x_i for i = 1..n`
            low, closed, member = self._member_range(family, low, closed)
        if found is not None and var_node is spec and intervals.interval_of(found[1]):
            low, high, closed = intervals.ends(intervals.interval_of(found[1]))   # `variable p in [0, 1]`
        elif found is not None and var_node is spec and found[1].kind in (Kind.SYMBOL,
                                                                           Kind.VARIABLE):
            low, closed, member = self._declared_range(found, kind, key, low, closed, node)
        over = self._function_class(spec.children[2]) if is_tree(spec, "domain") else None
        if found is not None and found[1].kind is Kind.PARAMETER:
            var = found[0]
        elif over is not None or typed is not None or self._optimised_function(found, node):
            var = self.fresh(key, declaration=LOCAL_FUNCTION)     # T ∈ 𝒯, or any function
        else:
            self.unbindable_law_parameter(key, var_node, "an optimum over")
            var = self.fresh(key, declaration=member)
        body, after = self._braced_objective(body)
        whole = family is not None and key == family.latex.removesuffix("_{\\cdot}")
        try:
            with self.binding(key, var):
                value = self._objective(body)
        except InputError as problem:
            if getattr(problem, "applied_optimum", None) == key and found is None and \
                    family is None and var_node is spec and kind in ("max", "min"):
                var, value = self._over_every_function(key, body, problem)
            elif not whole:
                raise
            else:
                value = None                # f(x) of the vector x, x bound: read it unbound
        if value is not None and var.local is not LOCAL_FUNCTION:
            self.unreached_letter(key, var, value, var_node, "an optimum over")
            why = unsaid_dependence(value, var, self.scope.context)
            if why is not None:             # \arg\min_\theta p_\theta(0): p_θ's θ unsaid
                raise self.error(f"an optimum over {key}: {why}", var_node)
        if var.local is LOCAL_FUNCTION and value is not None:
            if found is not None and over is None:
                self._not_the_files_function(value, found[0], key, node)
            self._only_applied(value, var, key, node)   # also over a class: u ∈ 𝒟 no number
        if whole and (value is None or any(isinstance(t, Call) and t.function is family
                                           for t in subterms(value))):
            value = self._over_family(node, kind, key, family, body, after, var_node is spec)
            return value if after is None else after(value)
        if conjugate is not None and value is not None:
            self._into_effective_domain(kind, value, var, conjugate, spec)
        function = self._function_domain(spec.children[2]) if is_tree(spec, "domain") else None
        if function is not None and function[1].kind is Kind.DEFINITION and \
                isinstance(function[1].info.body, Optimum):
            self._effective_domain(kind, value, var, function, spec)
        if isinstance(low, Num) and isinstance(high, Num) and (
                low.value > high.value or low.value == high.value and closed != "[]"):
            raise self.error(f"the domain of this \\{kind} is empty", node)
        optimum = Optimum(kind, value, var, low, high, closed, over)
        if after is None:
            return optimum
        with self.binding(key, var):
            whole = after(optimum)
        if var in free_names(whole):
            raise self.error(f"{key} occurs after the braced objective of this optimum, which "
                             f"ends at its closing brace (\\sup_u \\{{…\\}} \\cdot x): put "
                             f"what it optimises inside the braces, or rename the bound {key}",
                             node)
        return whole

    def _family_extremum(self, node, kind, key, body):
        """`\\max_i x_i` (`\\min_i`, `\\sup_i`, `\\inf_i`, any undeclared letter) whose
        objective, read with i a whole number, takes declared families at i itself: the
        largest (smallest) member over their declared range — as `\\max\\{x_1, \\ldots,
        x_n\\}` — never an optimum over real i (x at i = 1/2 is no member). The members it
        takes must lie in the range, and be shown real; families declared over different
        ranges are refused, and so is a family declared without a range (`real z_j`: its
        members are at whole numbers, but which? read over real i, z at i = 1/2 would be a
        member, atkC/10); an objective in braces ends at its closing brace. None when the
        objective takes no family at i (or is not read so): an optimum, read as before."""
        index = self.fresh(key, declaration=LOCAL_INDEX)
        objective, after = self._braced_objective(body)
        try:
            with self.binding(key, index):
                value = self._objective(objective)
        except InputError:
            return None
        spans, rangeless = {}, []
        for t in subterms(value):
            if not (isinstance(t, Call) and t.arguments == (Sym(index),)):
                continue
            info = self.scope.context.declaration(t.function).info
            if isinstance(info, IndexRange):
                spans.setdefault((info.lower, info.upper), info)
            elif t.function.latex.endswith("_{\\cdot}"):
                rangeless.append(t.function.latex.removesuffix("_{\\cdot}"))
        if rangeless:                       # `real z_j`: whole indices, but which ones?
            raise self.error(f"\\{kind}_{key} takes {rangeless[0]}_{key}, a member of a family "
                             f"declared without a range of indices: over which members? "
                             f"Declare its range (% derive: real {rangeless[0]}_j for j = 1..n) "
                             f"or write the list, \\{kind}\\{{{rangeless[0]}_1, \\ldots, "
                             f"{rangeless[0]}_n\\}}", node)
        if not spans:
            return None
        if len(spans) > 1:
            raise self.error(f"\\{kind}_{key} is ambiguous: its families are declared over "
                             f"different ranges ({', '.join(s.text for s in spans.values())})"
                             f": write the list, \\{kind}\\{{x_1, \\ldots, x_n\\}}", node)
        (span,) = spans.values()
        self._members_in_range(_Binder(kind, node), index, value, (span.lower, node),
                               (span.upper, node))
        extremum = Extremum(kind, index, value, span.lower, span.upper)
        why = why_not_real(extremum, self.scope.context)
        if why is not None:
            raise self.error(f"\\{kind}_{key} of numbers is defined for real numbers only (ℂ "
                             f"has no order): {why}", node)
        if after is None:
            return extremum
        with self.binding(key, index):
            whole = after(extremum)
        if index in free_names(whole):
            raise self.error(f"{key} occurs after the braced objective of this \\{kind}, which "
                             f"ends at its closing brace: put what it takes inside the braces, "
                             f"or rename the bound {key}", node)
        return whole

    def _braced_objective(self, body):
        """(objective, after) of an optimum's `body` (a node, or the pieces of a run): an
        objective written in braces right after the operator (`\\sup_{s} \\{ s \\} \\cdot
        x`, `\\left\\{…\\right\\}`) ends at its closing brace, as the braces of a set of
        values do; `after(optimum)` then reads the whole side or run with the optimum in
        place of the braces (what follows multiplies, or adds). Otherwise `(body, None)`:
        the optimum takes the whole side (or run). A power on braces with more after them
        (`\\sup_s \\{s\\}^2 \\cdot x`) is refused: the power of the optimum, or inside it?"""
        first, alone, after = self.leading_bracket(body)
        if not (isinstance(first, BracketPiece) and first.open in (r"\{", r"\lbrace") and
                first.close in (r"\}", r"\rbrace") and not first.seps and len(first.args) == 1):
            return body, None
        if alone:
            return body, None                  # the braces are the whole body
        if first.power is not None:
            raise self.error("a power on the braced objective of an optimum with more after "
                             "it is ambiguous (a power of the optimum, or inside it?): write "
                             "(\\sup_u \\{…\\})^2 or \\sup_u \\{(…)^2\\}", first.power)
        return [first], after

    def leading_bracket(self, body):
        """(first, alone, after) of what follows an operator — `body`, a node or the pieces
        of a run: its first piece (None when the body is no run), whether that piece is all
        of it, and `after(value)`, which reads the whole side or run with `value` in place
        of that piece (what follows multiplies, or adds)."""
        if isinstance(body, list):
            first = body[0]
            return first, len(body) == 1, lambda value: self.product(
                [ValuePiece(value, first.node), *body[1:]])
        terms = body.children if is_tree(body, "sum") else (body,)
        run = terms[0]
        if not is_tree(run, "run"):
            return None, True, None

        def after(value):
            read = Tree("run", [Tree("read", [value], run.children[0].meta),
                                *run.children[1:]], run.meta)
            return self.term(Tree("sum", [read, *terms[1:]], body.meta) if len(terms) > 1
                             else read)
        return self.piece(run.children[0]), len(run.children) + len(terms) == 2, after

    def _objective(self, body):
        """What an optimum optimises. `\\sup_u \\{ f(u) \\}` — the supremum of the set of
        values, written in braces — is the supremum of f: braces are read here, and only
        around the whole objective. `body` is a node, or the pieces of a run."""
        if isinstance(body, list):
            pieces = body
        else:
            node = single(body)
            pieces = [self.piece(node)] if not is_tree(node, "run") else \
                [self.piece(i) for i in node.children] if len(node.children) == 1 else []
        if len(pieces) == 1:
            piece = pieces[0]
            if isinstance(piece, BracketPiece) and piece.open in (r"\{", r"\lbrace") and \
                    piece.close in (r"\}", r"\rbrace") and piece.power is None and \
                    not piece.seps and len(piece.args) == 1:
                return self.term(piece.args[0])
        return self.product(body) if isinstance(body, list) else self.term(body)

    @staticmethod
    def optimising(name):
        """Whether a bound name is the variable of a max, min, sup or inf."""
        return name.local is LOCAL_OPTIMUM or name.local is LOCAL_FUNCTION

    def _function_domain(self, node):
        """(Name, Declaration) of the declared or defined function f a node's domain names
        (`\\text{dom}_f`, `\\mathrm{dom}_{f^*}`, `\\operatorname{dom} f`, `dom(f^*)`), else
        None."""
        node = single(node)
        items = node.children if is_tree(node, "run") else [node]
        try:
            pieces = [self.piece(i) for i in items]
        except InputError:
            return None
        letters = [p.key for p in pieces[:3] if isinstance(p, NamePiece) and p.sub is None and
                   p.power is None and not p.primes]
        if letters == ["d", "o", "m"] and len(pieces) == 4:      # dom(f^*), in plain letters
            pieces = [replace(pieces[0], key="dom", base="dom"), pieces[3]]
        if not pieces or not isinstance(pieces[0], NamePiece) or pieces[0].base != "dom":
            return None
        after = pieces[1] if len(pieces) == 2 and pieces[0].sub is None else None
        if len(pieces) == 1 and pieces[0].sub is not None:
            key = naming.flat_text(pieces[0].sub)
        elif isinstance(after, NamePiece):
            key = after.key
        elif isinstance(after, BracketPiece) and after.open == "(" and len(after.args) == 1 \
                and not after.seps and after.power is None:
            try:
                key = self._index_key(after.args[0])
            except InputError:
                return None
        else:
            return None
        found = self.declared(key)
        return found if found is not None and \
            found[1].kind in (Kind.FUNCTION, Kind.DEFINITION) else None

    def _effective_domain(self, kind, value, var, found, node):
        """`\\sup_{y \\in \\operatorname{dom} f^*}` of a defined f^* (`found`): a definition
        such as a convex conjugate may be +∞, its effective domain the points where it is
        finite. Outside it an objective `A(y) − f^*(y)` is −∞, so the sup over the domain
        is the sup over the real line — read only so: a sup or max whose objective
        subtracts f^* at its own variable once, and names f^* nowhere else nor any other
        optimum (which might be +∞ where f^* is). Any other use
        of a definition's domain (`\\sup_{y \\in \\operatorname{dom} f^*} y`, an inf) is
        refused: that domain is a set derive does not know. f^* must be defined by a sup
        (a conjugate, real or +∞ at every real y); of one defined by a formula (`y \\log y`)
        the domain is its natural domain (`_natural_domain`), never read here."""
        name = found[0]
        body = found[1].info.body
        if not (isinstance(body, Optimum) and body.kind == "max"):
            raise self.error(f"the domain of {name.latex}: derive reads \\operatorname{{dom}} "
                             f"{name.latex} of a definition by a sup (a conjugate, +∞ "
                             "outside its domain) or by a formula (where it is real), not "
                             "of an inf", node)
        terms = value.args if isinstance(value, Add) else (value,)
        subtracted = [t for t in terms if isinstance(t, Mul) and len(t.args) == 2 and
                      t.args[0] == MINUS_ONE and isinstance(t.args[1], Defined) and
                      t.args[1].name is name and t.args[1].arguments == (Sym(var),)]
        rest = [t for t in terms if t not in subtracted]
        if kind in ("sup", "max") and len(subtracted) == 1 and not any(
                isinstance(n, Optimum) or isinstance(n, Defined) and n.name is name
                for t in rest for n in subterms(t)):
            return          # the rest is finite: no other optimum (+∞ − ∞ is no number)
        raise self.error(f"the domain of {name.latex}: derive reads \\sup_{{y \\in "
                         f"\\operatorname{{dom}} {name.latex}}} only of an objective that "
                         f"subtracts {name.latex}(y) (then it is the sup over all real y, "
                         f"{name.latex} being +∞ outside its domain), not here", node)

    def _natural_domain(self, found, node):
        """(low, high, closed) of `\\operatorname{dom} f` for f defined by a formula of one
        parameter (`define f(u) = u \\log u`): the interval where the formula is real
        (`natural_domains`), u > 0 here, the real line for `\\tfrac{1}{2} u^2`. Refused where
        that is no interval derive is sure of, and where the file declares the parameter's
        letter on a smaller set (`positive u` beside `f(u) = u^2`: is dom f the real line,
        or u > 0?) — the author may mean either."""
        name, info = found[0], found[1].info
        if len(info.params) != 1:
            raise self.error(f"the domain of {name.latex}: derive reads the natural domain of "
                             "a formula in one parameter only", node)
        parameter = info.params[0]
        context = self.scope.context
        try:
            interval = natural_domain(info.body, parameter,
                                      lambda n: context.domain(n).is_real)
        except NoNaturalDomain as exc:
            raise self.error(f"the domain of {name.latex}, defined by a formula: {exc.reason} "
                             f"— write the range itself (\\sup_{{{parameter.latex} > 0}}, "
                             f"\\sup_{{{parameter.latex} \\in \\mathbb{{R}}}})", node) from None
        declared = self.declared(parameter.latex)
        where = _DECLARED_INTERVALS.get(declared[1].domain) if declared is not None and \
            declared[1].kind in (Kind.SYMBOL, Kind.VARIABLE) else Interval()
        if where is None or not where.holds(interval):
            raise self.error(f"the domain of {name.latex}: its formula is real on "
                             f"{show_interval(interval)}, but {parameter.latex} is declared "
                             f"{declared[1].domain.value}: is dom {name.latex} that set or "
                             f"the formula's? Write the range itself (\\sup_{{"
                             f"{parameter.latex} > 0}}, \\sup_{{{parameter.latex} \\in "
                             "\\mathbb{R}})", node)
        return interval.terms()

    def _typed_function(self, spec):
        """(variable node, conjugate) of an optimum written over a function with its type,
        `\\sup_{T : \\mathcal{X} \\to \\mathbb{R}}`: every real function on a set (the range
        of the integral's variable), as with a declared `function T`; else None. Into the
        effective domain of a conjugate (`\\to \\mathrm{dom}\\, f^\\ast`, f* defined by a
        sup) it is every real function too, when the objective passes
        `_into_effective_domain` — `conjugate` is then f*'s (Name, Declaration), else None.
        A codomain other than ℝ, or a domain that is a number, is refused (derive reads only
        the real line)."""
        if not is_tree(spec, "typed_function"):
            return None
        var_node, _, domain, _, codomain = spec.children
        conjugate = self._function_domain(codomain)
        if conjugate is None or conjugate[1].kind is not Kind.DEFINITION or \
                not isinstance(conjugate[1].info.body, Optimum):
            conjugate = None
            low, high, _ = self._interval(codomain)
            if (low, high) != (neg(OO), OO):
                raise self.error("derive reads an optimum over functions T : 𝒳 → ℝ only into "
                                 "the whole real line (or a conjugate's domain, dom f^*)",
                                 codomain)
        try:
            found = self.declared(self._index_key(domain))
        except InputError:
            found = None
        if found is None or found[1].kind is not Kind.SET and \
                self._function_class(domain) is None:
            if found is not None or not self._names_a_set(domain):
                raise self.error("the domain of T : 𝒳 → ℝ is read as a set (\\mathcal{X}, "
                                 "\\Omega, \\mathbb{R}^d), not a number", domain)
        return var_node, conjugate

    def _over_every_function(self, key, body, problem):
        """(bound function, objective) of `\\sup_T \\{ \\int p(x) T(x) dx - … \\}` — a bare
        optimum over an undeclared T that the objective applies to a variable: the optimum
        over every real function T (the f-GAN paper's "supremum over all functions"), read
        only when every T(…) takes exactly a variable an integral, sum or expectation of the
        objective binds (T(x), never T(x + 1) or T(y) of a free y, where T times the bracket
        is as likely), and where it also takes a conjugate defined by a sup at T (f*(T(x))):
        elsewhere (`\\max_D \\int p \\log D(x) dx`, a GAN's discriminator into [0, 1]) the
        range the author means is not said. Else `problem`, the refusal naming the
        function-class form."""
        var = self.fresh(key, declaration=LOCAL_FUNCTION)
        with self.binding(key, var):
            value = self._objective(body)
        free = free_names(value)
        if any(isinstance(t, Call) and t.function is var and not (
                len(t.arguments) == 1 and isinstance(t.arguments[0], Sym) and
                t.arguments[0].name not in free) for t in subterms(value)):
            raise problem
        if not any(isinstance(t, Defined) and isinstance(t.body, Optimum) and
                   any(var in free_names(a) for a in t.arguments) for t in subterms(value)):
            raise problem       # \max_D \int p \log D(x) dx: D a discriminator into [0, 1]?
        return var, value

    def _into_effective_domain(self, kind, value, var, conjugate, node):
        """Refuse an optimum over functions T into dom f* (`_typed_function`) unless its
        objective takes f* only as f*(T(…)), decreasing in it for a sup (increasing for an
        inf): then T leaving dom f* makes the objective −∞ (+∞), and the optimum is the one
        over every real function (`effective_ranges`)."""
        name = conjugate[0]
        if kind not in ("max", "min") or \
                not decreasing_in(value, name, var, kind):
            raise self.error(f"an optimum over functions into dom {name.latex} is read as "
                             f"the optimum over every real function only when its objective "
                             f"subtracts {name.latex}(T(x)) under non-negative weights (for "
                             f"an inf, adds it) and takes {name.latex} nowhere else — "
                             f"{name.latex} is +∞ outside its domain — not here", node)

    def _names_a_set(self, node):
        """Whether an undeclared node is written as a set: a calligraphic, blackboard or
        Greek capital letter, possibly with a power (`\\mathcal X`, `\\mathbb{R}^d`)."""
        try:
            key = self._index_key(node)
        except InputError:
            return False
        return re.match(r"\\(mathcal|mathbb|mathscr|mathfrak|Omega|Sigma)", key) is not None

    def _optimised_function(self, found, node):
        """Whether an optimum's variable names a declared real function (`function D`):
        then it is the optimum over every real function, read as such (a bound function,
        as for `T ∈ 𝒯`), never the number D with D(x) a product. Refused for a function
        some declared law is the pushforward by (`p_g … is the law of G(z)`): the law would
        stay at the file's G while G is optimised."""
        if found is None or found[1].kind is not Kind.FUNCTION or found[1].info is not None \
                or not found[1].domain.is_real:
            return False
        for declaration in self.scope.context.table.values():
            law = getattr(declaration.info, "law", None)
            if law is not None and law.map is found[0]:
                raise self.error(f"{found[0].latex} is the map of a declared law (the law of "
                                 f"{found[0].latex}(…)): an optimum over it would leave that "
                                 f"law at the file's {found[0].latex}", node)
        return True

    def _only_applied(self, value, var, key, node):
        """Refuse an optimum over every function whose objective uses the function as a
        number (`\\max_D -(D-1)^2` of `function D`): only D(…), or D handed whole to a
        definition's function parameter (`V(D, G)`), is read."""
        memo = set()

        def walk(t):
            if t in memo:
                return
            memo.add(t)
            if t is Sym(var):
                raise self.error(f"{key} is a function here (declared so, or typed under the "
                                 f"optimum), yet the objective uses it as a number: write "
                                 f"{key}(x), or optimise over a number", node)
            if isinstance(t, Defined):
                for a in t.arguments:
                    if a is not Sym(var):
                        walk(a)
                walk(t.body)
                return
            for c in t.children:
                walk(c)
        walk(value)

    def _not_the_files_function(self, value, function, key, node):
        """Refuse an optimum over a function whose objective still takes the file's
        declared function of that name through a definition (`define V(G) = ∫ p \\log D(x)`
        with `function D`, then `\\max_D V(G)`): the definition means the file's D, the
        optimum a bound one — the author means the latter, derive would read the former."""
        seen, stack = set(), [value]
        while stack:
            t = stack.pop()
            if t in seen:
                continue
            seen.add(t)
            head = t.function if isinstance(t, Call) else t.name if isinstance(t, Sym) \
                else None
            info = self.scope.context.info(head) if head is not None else None
            if head is function or getattr(info, "of", None) is function:   # D, D'
                raise self.error(f"the objective takes the file's function {key} through a "
                                 f"definition, while this optimum ranges over {key}: make "
                                 f"{key} a parameter of the definition ({key}'s optimum is "
                                 f"then read at it)", node)
            stack.extend(t.children)
            if isinstance(t, Defined):
                stack.append(t.body)

    def _function_class(self, node):
        """The Name of the class of functions a node names (declared with `function
        class`), or None."""
        try:
            key = self._index_key(node)
        except InputError:
            return None
        found = self.declared(key)
        if found is not None and found[1].kind is Kind.SET and \
                getattr(found[1].info, "shape", None) == "class":
            return found[0]
        return None

    def _over_family(self, node, kind, key, family, body, after, bare):
        """`\\sup_x \\{…\\}` over a whole declared family x whose members the objective
        takes: read with the declared members, and separated into each member's own
        optimum over its family's domain (`separable`). Refused — never a number x the
        objective does not use — with a range written, for an argmax, or for an objective
        that is no sum of the members' own terms."""
        why = None if bare and kind in ("max", "min") else \
            "a range written under it, or an arg max/min"
        value = None
        if why is None:
            value = self._objective(body)
            if any(name.latex == key for name in free_names(value)):
                why = f"the objective takes {key} itself too (the vector, or a number?)"
        if why is None:
            low, closed, member = self._member_range(family, neg(OO), "()")
            try:
                value = separable.separated(
                    kind, value, family,
                    lambda index: self.fresh(f"{key}_{{{index.latex}}}", declaration=member),
                    (low, OO, closed))
            except separable.NotSeparable as exc:
                why = str(exc)
        if why is not None:
            raise self.error(f"{key} names the declared family {key}_i, whose members the "
                             f"objective takes: derive reads an optimum over the whole "
                             f"vector only as each member's own optimum, for an objective "
                             f"that is a sum of the members' own terms; here {why} — "
                             f"optimise over one member (subscript {key}_i), or name the "
                             "number otherwise", node)
        return value

    def _optimised_family(self, key):
        """The declared indexed family (`positive x_i for i = 1..n`) an optimum's variable
        names — its letter (`\\sup_x`) or one member (`\\sup_{x_i}`, `\\sup_{x_1}`) —
        else None."""
        base = key.partition("_{")[0]
        found = self.scope.lookup(base + "_{\\cdot}")
        if found is None or not isinstance(found[1].info, IndexRange) or \
                key not in (base, ) and not key.startswith(base + "_{") or \
                self.bound_name(key) is not None:
            return None
        return found[0]

    def _member_range(self, family, low, closed):
        """(low, closed, the bound variable's declaration) of an optimum over one member of
        a declared family written without a range (`\\sup_{x_i}`): the member ranges over
        its family's domain — above 0 for a positive family, from 0 for a nonnegative one,
        the line otherwise — and is declared so (an instance draws it there)."""
        domain = self.scope.context.domain(family)
        if domain.is_positive:
            return Num(0), "()", Declaration(Kind.VARIABLE, Domain.POSITIVE)
        if domain.is_nonnegative:
            return Num(0), "[)", Declaration(Kind.VARIABLE, Domain.NONNEGATIVE)
        return low, closed, LOCAL_OPTIMUM

    def _declared_range(self, found, kind, key, low, closed, node):
        """(low, closed, the bound variable's declaration) of an optimum over a declared
        number written without a range (`\\inf_t` of `positive t`): it ranges over its
        declared domain — above 0 for a positive one, from 0 for a nonnegative one, the
        line for a real or undeclared one — as a family's member does (`_member_range`); a
        counterexample never picks a value the declaration rules out. Over an integer one
        it is refused: the optimum over the integers is not the one over an interval."""
        domain = found[1].domain
        if domain.is_integer:
            raise self.error(f"{key} is declared {domain.value}: say what this \\{kind} "
                             f"ranges over (\\{kind}_{{{key} > 0}}, \\{kind}_{{{key} \\in "
                             f"\\mathbb{{R}}}}); derive does not optimise over integers", node)
        if domain.is_positive:
            return Num(0), "()", Declaration(Kind.VARIABLE, Domain.POSITIVE)
        if domain.is_nonnegative:
            return Num(0), "[)", Declaration(Kind.VARIABLE, Domain.NONNEGATIVE)
        return low, closed, LOCAL_OPTIMUM

    def _half_line(self, rel, bound, node):
        """(low, high, closed) of `u > a`, `u \\ge a`, `u < a`, `u \\le a`."""
        relation = self.relation(rel)
        value = self.term(bound)
        if relation in (Relation.GT, Relation.GE):
            return value, OO, "()" if relation is Relation.GT else "[)"
        if relation in (Relation.LT, Relation.LE):
            return neg(OO), value, "()" if relation is Relation.LT else "(]"
        raise self.error("a range reads u > 0 or u \\in (0, 1)", node)

    def _interval(self, node, conjugate=False):
        """(low, high, closed) of `(0, 1)`, `[0, 1)`, `\\mathbb{R}`, `(0, \\infty)`; of the
        domain of a declared function (`\\text{dom}_f`: a declared function is real
        everywhere), the real line; of a defined one (`\\operatorname{dom} f^*`) only as a
        sup's range (`conjugate`: `_effective_domain` checks the objective); of a declared
        class of functions (`T \\in \\mathcal{T}`)."""
        function = self._function_domain(node)
        if function is not None and function[1].kind is Kind.DEFINITION and \
                not isinstance(function[1].info.body, Optimum):
            return self._natural_domain(function, node)
        if function is not None and function[1].kind is Kind.DEFINITION and not conjugate:
            raise self.error(f"the domain of {function[0].latex}, a definition (which may be "
                             "infinite outside it), is read only as the range of a sup whose "
                             f"objective subtracts {function[0].latex}", node)
        if function is not None or self._function_class(node) is not None:
            return neg(OO), OO, "()"
        inner = single(node)
        primary = tailless(inner)
        if primary is not None:
            try:
                text = naming.name_text(primary)
            except naming.NameError_ as exc:
                raise self.error(exc.message, exc.node) from None
            if text == r"\mathbb{R}" or text == "R" and self.declared("R") is None:
                return neg(OO), OO, "()"
            primary_node = primary
        else:                       # `(0,1)^c`, `(0,1)^2`, `(0,1)'`: another set, refused
            primary_node = None if is_tree(inner, "script") else inner
        if not is_tree(primary_node, "bracketed"):
            raise self.error("a domain is an interval such as (0, 1) or [0, \\infty), "
                             "written without scripts, or \\mathbb{R}", node)
        opening, args_tree, closing = primary_node.children
        if opening.value not in ("(", "[", r"\lbrack") or \
                closing.value not in (")", "]", r"\rbrack"):
            raise self.error("a domain is an interval such as (0, 1) or [0, \\infty): "
                             "derive reads no set in braces (\\{0, 1\\} is two numbers)", node)
        bounds = [c for c in args_tree.children if not is_token(c, "SEP")]
        if len(bounds) != 2:
            raise self.error("an interval has two ends: (a, b)", node)
        closed = ("(" if opening.value == "(" else "[") + (")" if closing.value == ")" else "]")
        return self.term(bounds[0]), self.term(bounds[1]), closed


# ====================================================================== helpers
def _named(head):
    """The one name `p_g` (the function `f_k(t)`) an indexed head `p_{·}` at its letter g
    stands for."""
    return Head(head.key.removesuffix("_{\\cdot}") + "_{" + head.params[0].latex + "}", None,
                head.params[1:], head.scale)


def _one_name(head, body):
    """Whether a head read as an indexed definition (`p_j = …`: p at each j; `f_k(t) = …`)
    is one name after all: its body does not use the index (`p_g = …`, `L_D = …`)."""
    return bool(head.params) and head.params[0].local is LOCAL_INDEX and \
        head.params[0] not in free_names(body)



def _with_params(value, params):
    """A density value (or a power of one) with its distribution at other parameters."""
    if isinstance(value, Pow):
        return Pow(_with_params(value.base, params), value.exponent)
    if isinstance(value, Dens) and isinstance(value.dist, Dist):
        d = value.dist
        return Dens(Dist(d.name, d.over, d.given, d.cond, params), value.at)
    return value


_RANDOM_MEMBER = (
    "{}a member of a sequence defined by its recurrence over random variables ({}) is "
    "itself random, and derive does not average it at a letter (it would be read as a fixed "
    "number): write the member at a number (it is unrolled), or its closed form")


def _start(node):
    if isinstance(node, Tree):
        return node.meta.start_pos if not node.meta.empty else 0
    return node.start_pos or 0


def _end(node):
    if isinstance(node, Tree):
        return node.meta.end_pos if not node.meta.empty else 0
    return node.end_pos or 0


_SIZING = re.compile(r"\\(left|[bB]igg?l?)\s*$")
# A single capital letter (`X` of `X_i`, whose members may be the random variables of x_1, …)
_CAPITAL_LETTER = re.compile(r"[A-Z]")
# A name at a whole-number index (`x_{1}`): the letter and the index
_WHOLE_MEMBER = re.compile(r"(.+)_\{(\d+)\}")
# What a scale letter is, under its decorations: `\\hat{\\sigma}`, `\\sigma'`, `\\sigma^{\\star}`,
# `\\sigma_{x}` (a name's canonical spelling: fonts and braces are already gone).
_DECORATED = re.compile(r"^\\(?:hat|tilde|bar|check|breve|dot|ddot|vec)\{(.*)\}$")
_SUFFIX = re.compile(r"(?:'+|\^\{\\(?:star|ast)\}|\^\{\*\}|_\{[^{}]*\})$")


def _letter_of(term):
    """The letter a family's parameter IS when it is a single name (σ of `{\\sigma}`,
    `\\mathrm{\\sigma}`, `\\hat\\sigma`, `\\sigma_1`, `\\sigma'`), else None: a convention
    check looks at the parameter read, never at its spelling."""
    if not isinstance(term, Sym):
        return None
    latex = term.name.latex
    while True:
        bare = _SUFFIX.sub("", latex)
        m = _DECORATED.match(bare)
        bare = m.group(1) if m else bare
        if bare == latex:
            return latex
        latex = bare


def _with_sizing(text, start):
    """`start` moved back over a `\\left` or `\\bigl` just before it (the grammar ignores
    them, but the side as written keeps them)."""
    m = _SIZING.search(text, 0, start)
    return m.start() if m else start


# A relation starting a row, its command whole (`\left(` is not `\le`, `\neg` not `\ne`).
_LEADING_RELATION = re.compile(r"\s*&?\s*(?::=|" + RELATION + r")")


# The left side of a row up to its first `=`, `:=` or definition sign outside braces and
# brackets (what an unreadable row would define).
_NAMED_RIGHT = re.compile(r"(?:\\(?:equiv|eqqcolon|triangleq)(?![A-Za-z])|=:)\s*"
                          r"([^=<>&]+?)\s*$")
# Each alternative matches a distinct start (a command's letters all at once), so a row
# with no defining sign fails in linear time, not by trying every split of its commands.
_DEFINING_SIDE = re.compile(r"\s*&?\s*((?:[^=&:\\{}()\[\]]|\\[A-Za-z]+(?![A-Za-z])|\\[^A-Za-z]|\{[^{}]*\}|"
                            r"\([^()]*\)|\[[^\[\]]*\])+?)\s*&?\s*(=|:=|\\(?:coloneqq|coloneq|"
                            r"triangleq|doteq|equiv|stackrel|overset|underset|defeq|eqdef)(?![A-Za-z]))")


# A defined function written bare, at no argument: never read as its value somewhere — a
# value named by the function's own name (`\sigma = \sigma(w^\top x)`, blogs' "simplify
# notation") would give the name two meanings in one scope, and `\sigma(1 - \sigma)` could
# be an application or a product.
_BARE_FUNCTION = ("{key} takes {n} argument(s): write {key}(…). A bare {key} is never the "
                  "value of the function at some argument: after {key} = {key}(a), "
                  "{key}(1 - {key}) would be an application or a product — give the value a "
                  "name of its own (s = {key}(a))")


# Spacing a display ends with (`A = B. \\;`, `\\boxed{\\; A = B. \\;}`): printed as space.
_TRAILING_SPACING = re.compile(r"(?:\s|\\[ ,;:!]|\\q?quad(?![a-zA-Z]))*$")


def _without_end_punctuation(text):
    """A row's trailing `.` or `,` is punctuation (blanked, keeping offsets); so is one
    just inside a `\\boxed{…}` that ends the row (`\\boxed{A = B.}`, as `\\boxed{A = B}.`),
    and one followed only by spacing (`\\boxed{\\; A = B. \\;}`, `A = B.\\,`)."""
    box = closing_box(text)
    stripped = text[:box] if box is not None else text
    stripped = stripped[:_TRAILING_SPACING.search(stripped).start()]
    if stripped.endswith((".", ",")) and not stripped.endswith(("\\.", "\\,")):
        cut = len(stripped) - 1
        return text[:cut] + " " + text[cut + 1:]
    return text


def _named_quantity(key):
    """Whether a name is one papers give a quantity (`\\mathcal{L}`, an upright word, an
    operator's spelling), not a plain letter that could be an unknown function."""
    return key.startswith(("\\mathcal{", "\\mathscr{")) or \
        registry.spelled(key) and key not in registry.FUNCTION_LIKE or \
        (len(key.split("_")[0]) > 1 and key.split("_")[0].isalpha())


def _negative(sup):
    node = single(sup)
    if is_tree(node, "signed") and node.children[0].value == "-":
        return True
    return is_tree(sup, "sgroup") and is_tree(sup.children[0], "subitems") and \
        is_tree(single(sup.children[0]), "signed")


def _has_sim(sub):
    node = single(sub) if is_tree(sub, "sgroup") else sub
    return is_tree(node, "subitems") and any(is_token(t, "SIM") for t in node.children)


def _items(node):
    """The items of a fraction's numerator or denominator."""
    node = single(node)
    if is_tree(node, "run"):
        return list(node.children)
    if is_tree(node, "sum"):
        return []
    return [node]


def _d_like(item):
    """The order n of `d`, `\\mathrm{d}`, `\\partial`, `d^n`, `d^{n}`, `{d}`; None otherwise."""
    order = 1
    item = _bare(item)
    if is_tree(item, "script"):
        children = item.children
        if len(children) == 2 and is_tree(children[1], "superscript"):
            order = _whole_number(children[1].children[1])
            if order is None:
                return None
        elif len(children) != 1:
            return None
        item = _bare(children[0])
    if is_token(item, "LETTER") and item.value == "d":
        return order
    if is_token(item, "COMMAND") and item.value == r"\partial":
        return order
    if is_tree(item, "font") and item.children[0].value[1:] in naming.TYPOGRAPHIC_FONTS \
            and [c.value for c in item.children[1].children] == ["d"]:
        return order
    return None


def _mentions_d(node):
    """Whether a d or ∂ stands anywhere in `node` (a derivative's denominator, not g)."""
    return any(is_token(t, "LETTER") and t.value == "d" or
               is_token(t, "COMMAND") and t.value == r"\partial"
               for t in node.scan_values(lambda v: isinstance(v, Token)))


def _is_partial(item):
    return "partial" in str(item)


def _function_word(term):
    """Whether a term is an elementary function applied (`\\sin\\theta`, `\\exp x`,
    `\\log\\theta`) or e to a power (`e^{\\theta}`), as a first factor is written."""
    return isinstance(term, Fn) or isinstance(term, Pow) and term.base == E


def _index_value(term, point):
    """The value of a family member's index (`Num`, `Sym`, +, ×, whole powers) with its
    names at `point` (name → whole number; at most four names), or None where it is
    something else."""
    if isinstance(term, Num):
        return term.value
    if isinstance(term, Sym):
        return Fraction(point[term.name]) if term.name in point else None
    if isinstance(term, (Add, Mul)):
        values = [_index_value(a, point) for a in term.args]
        if None in values:
            return None
        total = Fraction(0 if isinstance(term, Add) else 1)
        for v in values:
            total = total + v if isinstance(term, Add) else total * v
        return total
    if isinstance(term, Pow) and isinstance(term.exponent, Num) and \
            term.exponent.value.denominator == 1 and 0 <= term.exponent.value <= 8:
        base = _index_value(term.base, point)
        return None if base is None else base ** int(term.exponent.value)
    return None


def _bare(node):
    """`node` without the groups and one-item wrappers around it (`{{d}}` → d)."""
    bare = one_item(node)
    return node if bare is node else _bare(bare)


def _differential_power(var):
    """A denominator's variable and its power: `x^2` → (x, 2), `z_k^2` and `z^2_k` (which
    TeX prints alike) → (z_k, 2) — the power is the script's last superscript, before or
    after its subscript (a member of an indexed family keeps its subscript); (var, None)
    for a power that is no whole number, (var, 1) without a power. A superscript that is
    part of the name — an index in parentheses (`\\hat{y}^{(i)}`, the i-th sample), a
    star, a prime — is no power."""
    tails = var.children[1:] if is_tree(var, "script") else []
    ups = [i for i, tail in enumerate(tails, 1) if is_tree(tail, "superscript")]
    if not ups or naming.decoration(var.children[ups[-1]].children[1]) is not None:
        return var, 1
    power = _whole_number(var.children[ups[-1]].children[1])
    if power is None:
        return var, None
    rest = var.children[:ups[-1]] + var.children[ups[-1] + 1:]
    return (rest[0] if len(rest) == 1 else Tree("script", rest, var.meta)), power


def _whole_number(node):
    """The whole number a (braced) exponent is, or None."""
    node = _bare(node)
    if is_token(node, "NUMBER") and "." not in node.value:
        return int(node.value)
    return None


def _separators(seps):
    return [r"\|" if s in naming.DOUBLE_BARS else s for s in seps]


def _operator_forms(key):
    forms = [op.title for op in registry.OPERATORS if key in op.spellings]
    return ", ".join(forms)


def _mentions_subscripted(text, key):
    """Whether `key` occurs in `text` as a whole name with a subscript after it (`P_t`,
    `P_{\\theta'}`), the spelling in which a name with scripts is written again."""
    for m in re.finditer(re.escape(key), text):
        before = text[m.start() - 1] if m.start() else " "
        if before == "\\" or before.isalpha():
            continue
        if re.match(r"\s*_", text[m.end():]):
            return True
    return False


def _mentions(text, key):
    """Whether `key` occurs in `text` as a whole name (not inside a longer command)."""
    start = text.find(key)
    while start >= 0:
        end = start + len(key)
        if not (key[-1].isalpha() and end < len(text) and text[end].isalpha()) and \
                not (key[0].isalpha() and start > 0 and text[start - 1] in "\\" + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"):
            return True
        start = text.find(key, start + 1)
    return False


def _moving_operator(value, call):
    """The name of an operator in `value` around `call` (`G(a)`) that differentiates, binds
    or puts a value for a letter of a (`d/dz G(z)`, `G(z)|_{z=1}`, `Σ_k G(k)`), else None:
    there G(a) is not one value, so a derivative by it is not read (`_by_function_value`)."""
    letters = free_names(call)
    holds = {}
    for t in subterms(value):            # children first
        children = t.children
        scoped = children[:len(children) if t.scoped is None else t.scoped]
        holds[t] = t is call or any(holds[c] for c in children)
        moved = set(t.binds) | ({t.var} if isinstance(t, Deriv) else set())
        if moved & letters and any(holds[c] for c in scoped):
            return _MOVERS.get(type(t), "an operator")
    return None


_MOVERS = {Deriv: "a derivative", At: "an evaluation bar", Sum: "a sum", Product: "a product",
           Integral: "an integral", Expect: "an expectation", Limit: "a limit",
           Optimum: "an optimum"}


def _without_label(label):
    """`k'(u)` → `k'`: the name of a quantity defined with its whole head."""
    if not label.endswith(")"):
        return label
    depth = 0
    for i in range(len(label) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(label[i], 0)
        if depth == 0:
            return label[:i]
    return label


def _digit_edge(node, last):
    """Whether a run item, as TeX prints it, ends (`last`) or begins with a digit."""
    while True:
        if is_tree(node, "script"):
            if last and len(node.children) > 1:
                return False                    # 2^2, x_1: a script ends it
            node = node.children[0]
        elif is_tree(node, "group", "sum", "run") and node.children:
            node = node.children[-1 if last else 0]
        elif is_tree(node, "font"):               # \mathrm{3}, \mathbf{2}: upright digits
            body = node.children[1].children
            edge = body[-1 if last else 0] if body else None
            return node.children[0].value[1:] in naming.TYPOGRAPHIC_FONTS and \
                isinstance(edge, Token) and edge.value[-1 if last else 0].isdigit()
        else:
            return is_token(node, "NUMBER")


# A normal's parameters by name (`_named_parameters`).
_NORMAL_NAMES = {r"\mu": "mean", r"\sigma": "sd", r"\sigma^{2}": "variance"}


def _the_digit_two(sup):
    """Whether a superscript is the digit 2, braced or not (`^2`, `^{2}`: one input to TeX)."""
    node = single(sup) if sup is not None else None
    while is_tree(node, "sgroup") or is_tree(node, "subitems") or is_tree(node, "sum") or \
            is_tree(node, "run") or is_tree(node, "script"):
        if len(node.children) != 1:
            return False
        node = node.children[0]
    return is_token(node, "NUMBER") and node.value == "2"


def _superscript_key(sup):
    """`^{h}` for a superscript that is one letter or Greek letter (`^h`, `^{\\beta}`),
    the part of a name it may be; None for anything else (a number, an expression, `T`,
    which is the transpose)."""
    node = single(sup) if sup is not None else None
    node = unscripted(node)
    if is_token(node, "LETTER") and node.value != "T" or \
            is_token(node, "COMMAND") and node.value in naming.LETTER_COMMANDS - {r"\infty"}:
        return "^{%s}" % node.value
    return None


_GROUPING_OPENS = ("(", "[", r"\{", r"\lbrace", r"\lbrack")     # not ⌊ ⌈ ⟨ |
_ACCENTED_CAPITAL = re.compile(r"\\(?:tilde|bar|hat|check|breve|dot|ddot|vec|mathring)"
                               r"\{([A-Z])\}")


def _label_subscript(sub):
    """Whether a subscript is one word in a font (`\\text{opt}`, `\\mathrm{MLE}`)."""
    node = one_item(sub)
    return is_tree(node, "font")


def _expression_index(sub):
    """Whether a subscript is arithmetic in its letters (`n+1`, `-n`, `2n`, `n/2`,
    `\\frac{n}{2}`), not a spelling (`xy`, `12`, `\\theta`): a head with such an index
    would make `a_{n+1}` one opaque name whose n is no index at all."""
    items = _subitems(sub)
    node = single(items[0]) if len(items) == 1 else None
    if is_tree(node, "sum", "signed"):
        return True
    run = node.children if is_tree(node, "run") else [node]
    numerals = sum(1 for item in run if _numeral_or_times(item))
    fraction = any(is_tree(i, "script") and is_tree(i.children[0], "frac") for i in run)
    return 0 < numerals < len(run) or fraction


def _numeral_or_times(node):
    """Whether an item of a run is a bare number or `\\cdot`/`\\times`."""
    node = unscripted(node)
    return is_token(node, "NUMBER", "MULOP")


def _values_taken(term):
    """The names `term` takes as values (Syms), but not those only the condition of a
    conditional law holds (`p(y | x)` takes y; its x is where the law stands)."""
    seen, taken, pending = set(), set(), [term]
    while pending:
        t = pending.pop()
        if id(t) in seen:
            continue
        seen.add(id(t))
        if isinstance(t, Sym):
            taken.add(t.name)
        skipped = t.cond if isinstance(t, Dist) else ()
        pending.extend(c for c in t.children if not any(c is k for k in skipped))
    return taken


# A word of two or more letters as a set, italic or in an upright font (`x \\in Data`).
_WORD_SET = re.compile(r"(?:\\(?:mathrm|text|textrm|mathit|operatorname)\s*\{\s*)?"
                       r"(?P<word>[A-Za-z]{2,})\s*\}?")


def _capital_space(named, key):
    """Whether `named` is the space of the variable `key` written with its capital:
    `\\mathcal{X}` or `\\mathbb{X}` for x and x_1 (the letter before any subscript)."""
    letter = key.split("_")[0].lstrip("\\")
    return named in (r"\mathcal{%s}" % letter.upper(), r"\mathbb{%s}" % letter.upper())


def _condition(sub):
    """The inequality an integral's subscript is (`\\int_{x \\ge 0}`), else None."""
    node = single(unscripted(single(sub))) if sub is not None else None
    return node if (is_tree(node, "assignment") or is_tree(node, "equation")) and \
        len(node.children) == 3 and node.children[1].value in UPWARD else None


# A function's value at arguments, `G(z, c)` (`no_function_value`).
_FUNCTION_VALUE = re.compile(r"\s*(?P<name>[A-Za-z])\s*\((?P<args>[^()|;]*)\)\s*")


def _unbraced(text):
    """A subscript's text without the one pair of braces around it (`{1/2}` → `1/2`)."""
    text = text.strip()
    return text[1:-1].strip() if text.startswith("{") and text.endswith("}") else text


def _above_one(hypothesis, symbol):
    """Whether a hypothesis says `symbol` > 1: `D \\ge c` with c > 1, `D > c` with c ≥ 1,
    or the same written the other way round (`2 \\le D`)."""
    sides, relation = (hypothesis.lhs, hypothesis.rhs), hypothesis.relation
    if sides[1] == symbol:
        sides = sides[::-1]
        relation = {Relation.LE: Relation.GE, Relation.LT: Relation.GT}.get(relation)
    bound = sides[1]
    if sides[0] != symbol or not isinstance(bound, Num):
        return False
    return relation is Relation.GE and bound.value > 1 or \
        relation is Relation.GT and bound.value >= 1


def _sums_to_one(hypothesis, family, upper):
    """Whether a hypothesis says `\\sum_{k=1}^{upper} family_k = 1`."""
    sides = (hypothesis.lhs, hypothesis.rhs)
    if hypothesis.relation is not Relation.EQ or Num(1) not in sides:
        return False
    total = sides[0] if sides[1] == Num(1) else sides[1]
    return isinstance(total, Sum) and total.lower == Num(1) and total.upper == upper and \
        total.body == Call(family, Sym(total.var))


def _rational(term):
    """A term that is a rational number written out (`1`, `-2`, `\\frac12`) as a `Num`, or
    None."""
    if isinstance(term, Num):
        return term
    if isinstance(term, (Add, Mul)):
        parts = [_rational(a) for a in term.args]
        if None in parts:
            return None
        values = [p.value for p in parts]
        total = sum(values) if isinstance(term, Add) else Fraction(1)
        if isinstance(term, Mul):
            for v in values:
                total *= v
        return Num(total)
    if isinstance(term, Pow):
        base, exponent = _rational(term.base), _rational(term.exponent)
        if base is None or exponent is None or exponent.value.denominator != 1 or \
                base.value == 0 and exponent.value < 0 or abs(exponent.value) > 64:
            return None
        return Num(base.value ** int(exponent.value))
    return None


def _letters(terms):
    """The names of the symbols (`Sym`) among the subterms of `terms` (None skipped): the
    letters a row writes, which the row-end checks (`Reader._refuse_used`) look for."""
    return {t.name for term in terms if term is not None
            for t in subterms(term) if isinstance(t, Sym)}


def free_values(term):
    """The free names `term` uses as values — not a declared variable a density there is
    only over (`q(x)` at a bound x names the declared x as what q ranges over)."""
    return free_names(term) & {t.name for t in subterms(term) if isinstance(t, Sym)}


def summed_away_message(name, where):
    """The refusal of a row using, outside a sum that went on over it, the sum's index."""
    return (f"the sum over {name.latex} goes on over the terms after it that use "
            f"{name.latex}, and {where} {name.latex} outside that sum: which {name.latex} is "
            f"meant is not clear — bracket what the sum runs over, or name the index otherwise")


def going_on_message(index, operator=None):
    """The refusal of a term after a sum (or expectation: `operator`) that went on over the
    terms using its index (`Reader._sum_going_on`) but not this one."""
    if isinstance(operator, Expect):
        return (f"the expectation over {index} goes on over the terms after it that use "
                f"{index}; this term does not, so whether it is averaged is not clear: "
                f"bracket what the expectation runs over, \\mathbb{{E}}[… + …]")
    return (f"the sum over {index} goes on over the terms after it that use {index}; this "
            f"term does not, so whether it is summed is not clear: bracket what the sum runs "
            f"over, \\sum_{{{index}}} \\left( … + … \\right)")


def _written_sum_indices(term):
    """The indices of the sums and products written in a term — not of those inside a
    definition's body, which the author did not write here (`p_i` of `p_j = e^{o_j} /
    \\sum_k e^{o_k}` ends no sum over k before `+ p_k`); a definition's arguments are
    written."""
    indices, pending = set(), [term]
    while pending:
        arguments = []

        def definition(u):
            if isinstance(u, Defined):
                arguments.extend(u.arguments)
            return isinstance(u, Defined)
        indices |= {t.var.latex for t in subterms(pending.pop(), skip=definition)
                    if isinstance(t, (Sum, Product)) and t.var.local is LOCAL_INDEX}
        pending += arguments
    return indices


def _constant(term, context):
    """The number a term is at every value of its names (`(n + 1) - n` is 1), else None."""
    from derive.engines import normal_form
    try:
        return normal_form.Normaliser(context).value(term).constant()
    except (normal_form.Unsupported, normal_form.Undefined):
        return None


def _index_letter(node):
    """Whether an item of a subscript is one letter or one digit (`jk`, `12` in δ_{jk})."""
    node = _bare(node)
    return is_token(node, "LETTER") or is_token(node, "NUMBER") and len(node.value) == 1


def _side_sign(mark):
    if is_tree(mark, "side_sign"):
        return mark.children[0].value
    return None




def _is_calligraphic(node):
    """Whether a node is one calligraphic capital (`\\mathcal{X}`): between bars it names a
    set, whatever bars are written (`|\\mathcal{X}|`, `\\lvert \\mathcal{X} \\rvert`)."""
    try:
        return re.fullmatch(r"\\mathcal\{[A-Z]\}", naming.flat_text(single(node))) is not None
    except (naming.NameError_, TypeError, AttributeError):
        return False



def _writes_product_of_laws(bracket):
    """Whether an argument of `bracket` writes `\\otimes` (`_product_of_laws`)."""
    return any(isinstance(arg, Tree) and any(_product_of_laws(t) for t in arg.scan_values(
        lambda v: isinstance(v, Token))) or _product_of_laws(arg) for arg in bracket.args)


def _product_of_laws(node):
    """Whether `node` is `\\otimes`, the product of two laws (`P_X \\otimes P_Y`), which
    derive reads only between subscripted laws in a divergence (`capital_law_argument`)."""
    if is_tree(node, "script") and len(node.children) == 1:
        node = node.children[0]
    return is_token(node, "COMMAND") and node.value == r"\otimes"

"""Names and what is declared about them.

Every name the reader meets resolves, through its scopes, to one `Name` object: a symbol,
a variable, a bound variable of an integral or expectation, a distribution, a definition,
an opaque function. Names compare by identity, not by spelling: a bound `x` and the
declared `x` are different objects, so no engine can confuse them. The LaTeX spelling
(`latex`) is only for printing.

What is *assumed* about a name is a `Declaration`, kept apart from the name in the
`Context` in force where a step stands: `% derive: positive a` makes the same `a` positive
from there on (also inside a definition written earlier), while a step above it still sees
`a` as complex. A bound variable's declaration never changes, so it travels with the name.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from enum import Enum

_serials = itertools.count(1)


class Kind(Enum):
    """What a name stands for."""

    SYMBOL = "symbol"              # a number: declared (`real a`) or not (complex)
    VARIABLE = "variable"          # a declared variable (x), or a bound copy of one
    PARAMETER = "parameter"        # what distributions depend on (θ)
    FUNCTION = "function"          # an opaque function (`f(x)`), or an indexed family (`x_i`)
    DISTRIBUTION = "distribution"  # a density / pmf, possibly joint or conditional
    DEFINITION = "definition"      # a name defined by `define` or by a chain
    SET = "set"                    # the finite range of a discrete variable (𝒳)


class Domain(Enum):
    """Where a number lives. An undeclared symbol is complex."""

    COMPLEX = "complex"
    REAL = "real"
    POSITIVE = "positive"
    NONNEGATIVE = "nonnegative"
    INTEGER = "integer"
    NATURAL = "natural"            # 1, 2, 3, …
    WHOLE = "integer ≥ 0"          # 0, 1, 2, …: declared integer and nonnegative (`meet`)

    @property
    def is_real(self):
        return self is not Domain.COMPLEX

    @property
    def is_positive(self):
        return self in (Domain.POSITIVE, Domain.NATURAL)

    @property
    def is_nonnegative(self):
        return self in (Domain.POSITIVE, Domain.NONNEGATIVE, Domain.NATURAL, Domain.WHOLE)

    @property
    def is_integer(self):
        return self in (Domain.INTEGER, Domain.NATURAL, Domain.WHOLE)

    def meet(self, other):
        """The domain of a number declared in both `self` and `other` when neither holds
        the other — an integer declared positive is natural, nonnegative whole (≥ 0) — else
        None (one holds the other: the later declaration stands, as written)."""
        pair = {self, other}
        if Domain.INTEGER in pair and pair & {Domain.POSITIVE, Domain.NONNEGATIVE}:
            return Domain.NATURAL if Domain.POSITIVE in pair else Domain.WHOLE
        if pair == {Domain.WHOLE, Domain.POSITIVE}:
            return Domain.NATURAL
        return None


@dataclass(frozen=True, eq=False)
class VariableInfo:
    """A variable: continuous (the real line) or discrete (a finite set, summed over)."""

    discrete: bool = False
    support: Name | None = None    # the SET it ranges over, when declared (`x in \\mathcal X`)
    # `variable p in [0, 1]`: (low, high, closed) of the interval it ranges over — Num ends
    # or None for an infinite one, `closed` as written ("[]", "[)", "(]", "()") — or None
    interval: tuple | None = None


@dataclass(frozen=True, eq=False)
class FunctionInfo:
    """A declared real function known to be `convex` or `concave` (lower semicontinuous)."""

    shape: str = ""


@dataclass(frozen=True, eq=False)
class UnmodelledLawInfo:
    """A law the file never declares but writes as densities, conditional or not (`q(x_t \\mid
    x_{t-1})`, `q(x_T)` of a diffusion's forward chain): each shape — `given` values after
    the bar, `drawn` before it — is an unknown positive function of its values. The relations
    between a law's conditionals (Bayes' rule, a Markov property, normalisation) are not
    known to derive, so a counterexample on such values refutes nothing."""

    spelling: str                  # the law's spelling, `q`, `p_{\\theta}`
    drawn: int
    given: int


@dataclass(frozen=True, eq=False)
class SampleInfo:
    """The undeclared indexed family `x_{\\cdot}` of a declared variable x, made by `x_i`
    under a sum over i (data points, i.i.d. notation): each member is a value of x, in its
    range — so a density written at `x_i` is at x's position (`p(x_i, z_i)`, `p(z | x_i)`)
    and the numeric engine draws the members as it draws a free x."""

    of: Name


@dataclass(frozen=True, eq=False)
class CopyInfo:
    """An undeclared `x_i`, `x_1`, `x'`, `\\hat{x}`, `\\bar{x}` (…) written free where the
    file declares the letter x a real number or a variable: the author's copy or coordinate
    of x, a real number (never x's positivity or integrality: `x_1 = x - 3`)."""

    of: Name


@dataclass(frozen=True, eq=False)
class IndexRange:
    """The declared range of an indexed family (`positive a_i for i = 1..n`): its index
    letter (a canonical key) and the terms of its first and last index. A bound-less
    `\\sum_i` over the family runs over that range."""

    index: str
    lower: object
    upper: object
    text: str = ""          # as written: `i = 1..n`


@dataclass(frozen=True, eq=False)
class IndexSubset:
    """`define I = \\{i : p_i > 0\\}`: the indices of a declared family's range (`span`)
    where a condition holds, summed over by `\\sum_{i \\in I}`. `whole`: the declarations
    imply the condition at every index of the range (positive p_i makes I all of 1..n),
    so I is that range. Otherwise derive does not know which indices I holds, and a sum
    over it is refused rather than read over a guessed part of the range."""

    span: IndexRange
    whole: bool
    text: str = ""          # the condition as written: `p_i > 0`


@dataclass(frozen=True, eq=False)
class IndependentCopies(IndexRange):
    """The range of a family of random variables declared independent and identically
    distributed (`random X_i with density p over x for i = 1..n, independent`): each
    member X_i has the law of the density `density` (over the declared `variable`), the
    members are independent. Outside an expectation a member is its value, a real number; inside
    one, it is averaged by `frontend.latex.samples`."""

    variable: object = None
    density: object = None
    # a family known only by its moments (`random W_i, X_i for i = 1..n, iid`): the keys of
    # the families declared with it, all members of all of them mutually independent; its
    # law (`density`) is a hidden abstract one, which the numeric engine draws as a real law
    group: tuple = ()
    mean: object = None     # the assumed mean (`assume \\mathbb{E}[W_i] = 0`), a term, or None
    # `random w_{ij}, x_j for j = 1..n, iid`: the fixed outer letter (`i`, its spelling) of a
    # family written with two indices, one row of a matrix — w_{ij} is the member at j of
    # the row i, the only row declared (`frontend.latex.moments`); None for one index
    row: str | None = None
    variance: object = None     # the assumed variance (`assume Var(W_i) = \\sigma^2`), or None


@dataclass(frozen=True, eq=False)
class UnknownLaw:
    """A random variable known only by its moments (`random W, X independent`, neither
    given a law): outside a moment its value, a real number; inside one it is averaged by
    `frontend.latex.moments` under the hidden abstract law `density` over `variable`,
    independent of the others of `group` (the keys declared with it), shifted to `mean`
    when one is assumed. The fields mean what `IndependentCopies`'s do."""

    variable: object = None
    density: object = None
    group: tuple = ()
    mean: object = None
    variance: object = None


@dataclass(frozen=True, eq=False)
class WholeRange:
    """The bounds a hypothesis puts on an integer symbol (`assume 1 \\le k \\le K`), both
    inclusive: terms of whole numbers; and the whole numbers it differs from (`i \\ne k`:
    `distinct` holds Sym(k), a symbol sorted before i, or a number). The symbol stays
    itself; the numbers skip the draws outside the bounds or on a distinct value, and the
    normal form uses them to sum out a Kronecker delta (δ_{ik} = 0 for a distinct k)."""

    lower: tuple = ()
    upper: tuple = ()
    distinct: tuple = ()


@dataclass(frozen=True, eq=False)
class SetInfo:
    """A finite set that discrete variables range over (`discrete x in \\mathcal X`): `size`
    names its number of elements |𝒳|, a natural number that every engine takes as the
    number of values of the variables ranging over it."""

    size: Name


@dataclass(frozen=True, eq=False)
class SampleSpaceInfo:
    """An undeclared conventional sample-space name (`\\chi`, `\\Omega`, `\\mathcal{X}`)
    first met as an integral's lone subscript over the declared `variable`: the whole range
    of that variable, for the whole file — no number, and no range of another variable."""

    variable: Name


@dataclass(frozen=True, eq=False)
class NamedValues(SetInfo):
    """A finite set given by its elements' names (`discrete \\mathcal{C} in
    \\{\\mathcal{C}_1, \\mathcal{C}_2\\}`, Bishop's classes): `values` are the Names of its
    distinct elements, labels that are no numbers (`NamedValue`)."""

    values: tuple = ()


@dataclass(frozen=True, eq=False)
class NamedValue:
    """The declaration info of an element's name in a `NamedValues` set `of`: a label, read
    only as a value of a variable ranging over that set (a density's argument, an event's
    value); the numeric engine codes the k-th element as the number k."""

    of: Name
    position: int


@dataclass(frozen=True, eq=False)
class SizeInfo:
    """The declaration info of a set's size |𝒳|: the set it counts."""

    of: Name


@dataclass(frozen=True, eq=False)
class Pushforward:
    """The law of `map(source variable)` when the source variable is drawn from `source`
    (`% derive: density p_g over x is the law of g(z) for z \\sim p_z`): ∫ p_g(x) h(x) dx
    = ∫ p_z(z) h(g(z)) dz for every h."""

    map: Name                      # a declared real function g
    variable: Name                 # z
    source: Name                   # p_z, a distribution over z


@dataclass(frozen=True, eq=False)
class Reparameterised:
    """The law of `map(parameters…, source variable)` when the source variable is drawn
    from `source`, a law free of the parameters (`% derive: density q_\\phi over z is the law
    of g_\\phi(\\epsilon) for \\epsilon \\sim p`, the reparameterisation trick): the law moves
    with the parameters as the map does, and E_q[h(z)] = E_{ε∼p}[h(z)|_{z=g(φ, ε)}] for
    every h — how the reader reads every average under it (`frontend.latex.reparameterised`),
    so no engine meets the law itself."""

    map: Name                      # a declared real function g_φ, applied as g_φ(φ, ε)
    parameters: tuple              # the Terms before the variable drawn: (Sym(φ),)
    variable: Name                 # ε
    source: Name                   # p, a distribution over ε


@dataclass(frozen=True, eq=False)
class DistributionInfo:
    """A distribution over `over` (one variable, or several for a joint), possibly a family
    conditional on `given`. Abstract unless it is given by a formula (`formula`, one
    variable, in pieces; `family` when the formula is a standard family's), is an argument
    written as an expression in densities (`expression`, as in KL(p(x)p(y) ‖ p(x, y))), or
    is the law of g(z) (`law`)."""

    over: tuple = ()               # variable Names
    given: tuple = ()              # variable Names it is conditional on
    formula: object = None         # a `notation.families.Formula`, or None
    family: object = None          # a `Family` term, or None
    expression: object = None      # a Term in the variables of `over`, or None
    law: Pushforward | None = None  # the law of g(z), z drawn from another distribution
    reparameterised: Reparameterised | None = None  # the law of g_φ(ε), ε drawn from p
    support: tuple | None = None   # (low, high) Num ends (None: infinite) of an abstract
    #                                density declared `over x in [0, \infty)`: 0 off them
    marginal: tuple | None = None  # (parameter Names, body Term) of a conditional family's
    #                                marginal defined under its name (`frontend.latex.marginals`)


@dataclass(frozen=True, eq=False)
class DefinitionInfo:
    """`name(params) := body`; `source` says where it was defined."""

    params: tuple                  # bound Names, substituted on application
    body: object                   # a Term
    latex: str                     # as written
    source: str = "define"         # "define" (a directive), "chain" (a chain's first row)


@dataclass(frozen=True)
class Declaration:
    """What a name is, where a step stands: its kind, its domain, and kind-specific info
    (VariableInfo, DistributionInfo, DefinitionInfo). `declared` is False for a name the
    file uses without declaring (a complex symbol, an opaque function)."""

    kind: Kind
    domain: Domain = Domain.COMPLEX
    info: object = None
    declared: bool = True


def values_in_domain(declaration):
    """Whether a function's values lie in its declaration's domain: a declared function
    (`positive \\alpha_i`, `real f`), an undeclared law's density (`UnmodelledLawInfo`,
    positive), or an undeclared family given a real domain (`x^{(i)}` of a `real x`,
    `labelled_families`); an undeclared function's values are any complex numbers."""
    return declaration.kind is Kind.FUNCTION and (
        declaration.declared or isinstance(declaration.info, UnmodelledLawInfo) or
        declaration.domain.is_real)


def labelled_by(name, letter):
    """Whether `name` (a density's, `p_{\\theta}`, `q_{\\phi, \\psi}`) carries `letter`'s
    spelling in its subscript or superscript (`g^{(\\theta)}`): the density is the model's
    at that parameter, so it moves with it even where no `depends` says how. (A letter with
    more after it, `\\theta_0`, is another name.)"""
    return _labels(name.latex, letter.latex)


def label_letters(name):
    """The spellings of the letters `name`'s subscript or superscript is labelled by, in
    order (`f_{\\theta}`: `\\theta`; `g_{x, \\phi}`: x, `\\phi`): the candidates a function
    named so moves with. A letter inside a word (`D_{\\mathrm{data}}`) or with more after it
    (`\\theta_0`) is none."""
    label = _label(name.latex)
    keys = dict.fromkeys(m.group() for m in re.finditer(r"\\[A-Za-z]+|[A-Za-z]", label))
    return [key for key in keys if _labels(name.latex, key)]


def _label(spelling):
    """What follows a name's base: its subscript, superscript and anything after them."""
    found = re.search(r"[_^]", spelling)
    return spelling[found.start() + 1:] if found else ""


def _labels(spelling, letter):
    return re.search(r"(?<![A-Za-z\\])" + re.escape(letter) + r"(?![A-Za-z_])",
                     _label(spelling)) is not None


@dataclass(frozen=True, eq=False)
class Name:
    """A named thing. Equality is identity: spelling alone never makes two names one.

    `origin` is, for a bound variable, the declared variable it ranges like; `local` is
    the declaration of a name that lives in one row (bound variables, definition
    parameters), which never changes."""

    latex: str
    origin: Name | None = None
    local: Declaration | None = None
    serial: int = field(default_factory=lambda: next(_serials), repr=False)

    def __repr__(self):
        return f"Name({self.latex!r}#{self.serial})"

    @property
    def variable(self):
        """The declared variable this name ranges like (itself for a declared one)."""
        return self.origin if self.origin is not None else self

    def sort_key(self):
        return (self.latex, self.serial)

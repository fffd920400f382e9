"""Terms: the expressions every engine reads, as the author wrote them.

A term is immutable and *hash-consed*: building the same term twice gives the same object,
so equality is identity, a shared sub-term (a definition used twice) is stored once, and
every walk over a term can remember its work per node — a derivation whose definitions
refer to each other is a DAG, never an exponentially large tree.

Nothing here evaluates. `a + a` stays `Add(a, a)`; subtraction is `Add(a, Mul(-1, b))` and
division `Mul(a, Pow(b, -1))`, as in most computer algebra. The engines decide what terms
mean (`engines.poly` for exact algebra, `engines.numeric` for numbers); the notation
registry says what operators (KL, JS, H, …) expand to.

Binders (`Integral`, `Sum`, `Product`, `Expect`, `Limit`, `Optimum`, `Extremum`) bind a
`Name` that the reader created fresh for that occurrence, so no substitution can capture a
variable.
"""

from __future__ import annotations

import weakref
from fractions import Fraction

from derive.model.names import Name


class Term:
    """Base of all terms: `args` holds the fields; equal fields give the same object.

    Equality is identity and the hash is the object's own (`object`'s, computed in C):
    hash-consing makes equal terms one object, and terms are keys of every memo table of
    the engines, so a hash in Python code cost a call at each lookup. (Neither this hash
    nor the former one of the fields, which held the class's address, is the same in two
    processes: nothing may depend on the order of a set of terms.)"""

    __slots__ = ("args", "_free", "__weakref__")
    _table = weakref.WeakValueDictionary()

    def __new__(cls, *args):
        key = (cls, args)
        found = Term._table.get(key)
        if found is not None:
            return found
        term = object.__new__(cls)
        term.args = args
        term._free = None
        Term._table[key] = term
        return term

    def __reduce__(self):
        return (_rebuild, (type(self), self.args))

    def __repr__(self):
        return f"{type(self).__name__}{self.args!r}"

    @property
    def children(self):
        """The sub-terms, in order (fields that are not terms are left out)."""
        out = []
        for a in self.args:
            if isinstance(a, Term):
                out.append(a)
            elif isinstance(a, tuple):
                out.extend(x for x in a if isinstance(x, Term))
        return out

    def rebuild(self, children):
        """The same node with its sub-terms replaced, in `children` order."""
        it = iter(children)
        args = []
        for a in self.args:
            if isinstance(a, Term):
                args.append(next(it))
            elif isinstance(a, tuple) and any(isinstance(x, Term) for x in a):
                args.append(tuple(next(it) if isinstance(x, Term) else x for x in a))
            else:
                args.append(a)
        return type(self)(*args)

    @property
    def binds(self):
        """The names this node binds in its body (none for most nodes)."""
        return ()

    # How many of the leading `children` the names in `binds` are bound in (None: all).
    # An evaluation bar binds its variable in its body only: its value is outside, and
    # may mention that name (`[x^2]_{x=0}^{x}`, the bar at x = x).
    scoped = None


def _rebuild(cls, args):
    return cls(*args)


# ---------------------------------------------------------------------------- leaves

class Num(Term):
    """An exact rational number."""

    __slots__ = ()

    def __new__(cls, value):
        return Term.__new__(cls, Fraction(value))

    @property
    def value(self):
        return self.args[0]


class Const(Term):
    """A named constant: `e`, `pi`, `i` (the imaginary unit) or `oo` (only in limits and
    domains)."""

    __slots__ = ()
    NAMES = ("e", "pi", "i", "oo")

    def __new__(cls, name):
        assert name in cls.NAMES, name
        return Term.__new__(cls, name)

    @property
    def name(self):
        return self.args[0]


class Sym(Term):
    """A name used as a number: a symbol, a variable, a parameter."""

    __slots__ = ()

    def __new__(cls, name: Name):
        return Term.__new__(cls, name)

    @property
    def name(self):
        return self.args[0]


# ---------------------------------------------------------------------------- arithmetic

class Add(Term):
    __slots__ = ()

    def __new__(cls, *terms):
        return Term.__new__(cls, *terms)


class Mul(Term):
    __slots__ = ()

    def __new__(cls, *terms):
        return Term.__new__(cls, *terms)


class Pow(Term):
    __slots__ = ()

    def __new__(cls, base, exponent):
        return Term.__new__(cls, base, exponent)

    @property
    def base(self):
        return self.args[0]

    @property
    def exponent(self):
        return self.args[1]


class Fn(Term):
    """An elementary function of the registry's table (`log`, `exp`, `sin`, …)."""

    __slots__ = ()

    def __new__(cls, fname, *args):
        return Term.__new__(cls, fname, *args)

    @property
    def fname(self):
        return self.args[0]

    @property
    def operands(self):
        return self.args[1:]


class Call(Term):
    """An opaque function applied: `f(x)`, or an indexed family `x_i` = `x(i)`."""

    __slots__ = ()

    def __new__(cls, function: Name, *arguments):
        return Term.__new__(cls, function, *arguments)

    @property
    def function(self):
        return self.args[0]

    @property
    def arguments(self):
        return self.args[1:]


# ---------------------------------------------------------------------------- distributions

class Dist(Term):
    """A distribution as an object: `p` over its variables, a marginal `p(x)` of a joint
    (`over` = the variables kept), a conditional `p(z | x)` (`given` the conditioning
    variables, `cond` their values), at explicit parameter values `params` (`p_{θ_0}`;
    empty: at the parameters' current values)."""

    __slots__ = ()

    def __new__(cls, name: Name, over: tuple, given: tuple = (), cond: tuple = (),
                params: tuple = ()):
        return Term.__new__(cls, name, tuple(over), tuple(given), tuple(cond), tuple(params))

    @property
    def name(self):
        return self.args[0]

    @property
    def over(self):
        return self.args[1]

    @property
    def given(self):
        return self.args[2]

    @property
    def cond(self):
        return self.args[3]

    @property
    def params(self):
        return self.args[4]


class Family(Term):
    """A standard family with its parameters, as a distribution: `N(μ, σ²)`."""

    __slots__ = ()

    def __new__(cls, family: str, params: tuple):
        return Term.__new__(cls, family, tuple(params))

    @property
    def family(self):
        return self.args[0]

    @property
    def params(self):
        return self.args[1]


class Dens(Term):
    """A density's value: `dist` (a `Dist` or `Family`) at the point `at`."""

    __slots__ = ()

    def __new__(cls, dist, at: tuple):
        return Term.__new__(cls, dist, tuple(at))

    @property
    def dist(self):
        return self.args[0]

    @property
    def at(self):
        return self.args[1]


# ---------------------------------------------------------------------------- definitions

class Defined(Term):
    """A definition used here, applied to `arguments` (empty for a plain name): `body` is
    its meaning with the arguments put in. The name is kept so that a definition can be
    held fixed and shown as written."""

    __slots__ = ()

    def __new__(cls, name: Name, arguments: tuple, body):
        return Term.__new__(cls, name, tuple(arguments), body)

    @property
    def name(self):
        return self.args[0]

    @property
    def arguments(self):
        return self.args[1]

    @property
    def body(self):
        return self.args[2]


# ---------------------------------------------------------------------------- binders

class Integral(Term):
    """`∫ body d var`, over `[lower, upper]` or, with no limits, over the variable's whole
    range (the support of the densities in it)."""

    __slots__ = ()

    def __new__(cls, var: Name, body, lower=None, upper=None):
        return Term.__new__(cls, var, body, lower, upper)

    @property
    def var(self):
        return self.args[0]

    @property
    def body(self):
        return self.args[1]

    @property
    def lower(self):
        return self.args[2]

    @property
    def upper(self):
        return self.args[3]

    @property
    def binds(self):
        return (self.args[0],)


class Sum(Integral):
    """`Σ_var body`, over `lower..upper`, or over the variable's whole (finite) range."""

    __slots__ = ()


class Product(Integral):
    """`Π_var body`, as `Sum`."""

    __slots__ = ()


class Expect(Term):
    """`E_{var ~ dist}[body]`: the expectation of `body` when `var` is drawn from `dist`."""

    __slots__ = ()

    def __new__(cls, var: Name, dist, body):
        return Term.__new__(cls, var, dist, body)

    @property
    def var(self):
        return self.args[0]

    @property
    def dist(self):
        return self.args[1]

    @property
    def body(self):
        return self.args[2]

    @property
    def binds(self):
        return (self.args[0],)


class Op(Term):
    """An operator of the registry applied to its arguments: `KL(p‖q)`, `H(p)`, … The
    registry entry named `key` says what it means."""

    __slots__ = ()

    def __new__(cls, key: str, *arguments):
        return Term.__new__(cls, key, *arguments)

    @property
    def key(self):
        return self.args[0]

    @property
    def arguments(self):
        return self.args[1:]


class Deriv(Term):
    """`d body / d var`: the derivative with respect to `var`, at var's current value."""

    __slots__ = ()

    def __new__(cls, body, var: Name):
        return Term.__new__(cls, body, var)

    @property
    def body(self):
        return self.args[0]

    @property
    def var(self):
        return self.args[1]


class At(Term):
    """`body |_{var = value}`: body evaluated with `var` put to `value`."""

    __slots__ = ()

    def __new__(cls, body, var: Name, value):
        return Term.__new__(cls, body, var, value)

    @property
    def body(self):
        return self.args[0]

    @property
    def var(self):
        return self.args[1]

    @property
    def value(self):
        return self.args[2]

    @property
    def binds(self):
        return (self.args[1],)

    scoped = 1                     # the body; the value is outside


class Limit(Term):
    """`lim_{var → point} body`, from `direction` "+", "-" or "+-" (both sides)."""

    __slots__ = ()

    def __new__(cls, body, var: Name, point, direction="+-"):
        return Term.__new__(cls, body, var, point, direction)

    @property
    def body(self):
        return self.args[0]

    @property
    def var(self):
        return self.args[1]

    @property
    def point(self):
        return self.args[2]

    @property
    def direction(self):
        return self.args[3]

    @property
    def binds(self):
        return (self.args[1],)


class Optimum(Term):
    """`kind` ∈ max, min, argmax, argmin of `body` over `var` in the interval from `low` to
    `high`, whose ends are closed as `closed` says ("()", "[)", "(]", "[]"); over a function
    `var` in a declared class of functions, `over` is that class's Name (None for numbers).
    The class is part of the optimum: optima over two classes are two terms."""

    __slots__ = ()
    KINDS = ("max", "min", "argmax", "argmin")

    def __new__(cls, kind, body, var: Name, low, high, closed="()", over: Name | None = None):
        return Term.__new__(cls, kind, body, var, low, high, closed, over)

    @property
    def kind(self):
        return self.args[0]

    @property
    def body(self):
        return self.args[1]

    @property
    def var(self):
        return self.args[2]

    @property
    def interval(self):
        return self.args[3], self.args[4], self.args[5]

    @property
    def over(self):
        return self.args[6]

    @property
    def domain(self):
        """What the variable ranges over: the interval and the class together."""
        return self.args[3:]

    @property
    def binds(self):
        return (self.args[2],)


class Extremum(Term):
    """`kind` ∈ max, min of `body` over the whole numbers `var` = `lower`..`upper`: the
    largest (smallest) member of a finite family of real numbers, `\\max\\{x_1, \\ldots,
    x_n\\}`. Defined only over a range with a member (upper ≥ lower); never an optimum
    over an interval (`Optimum`)."""

    __slots__ = ()
    KINDS = ("max", "min")

    def __new__(cls, kind, var: Name, body, lower, upper):
        return Term.__new__(cls, kind, var, body, lower, upper)

    @property
    def kind(self):
        return self.args[0]

    @property
    def var(self):
        return self.args[1]

    @property
    def body(self):
        return self.args[2]

    @property
    def lower(self):
        return self.args[3]

    @property
    def upper(self):
        return self.args[4]

    @property
    def binds(self):
        return (self.args[1],)


# ---------------------------------------------------------------------------- constructors

ZERO, ONE, MINUS_ONE, HALF, TWO = Num(0), Num(1), Num(-1), Num(Fraction(1, 2)), Num(2)
E, PI, I, OO = Const("e"), Const("pi"), Const("i"), Const("oo")


def neg(t):
    return Mul(MINUS_ONE, t)


def sub(a, b):
    return Add(a, neg(b))


def div(a, b):
    return Mul(a, Pow(b, MINUS_ONE))


def log(t):
    return Fn("log", t)


# ---------------------------------------------------------------------------- walks

def free_names(term):
    """The names that occur free in `term` (remembered per node)."""
    if term._free is not None:
        return term._free
    for t in nodes(term, skip=lambda u: u._free is not None):   # children first, once each
        names = set()
        for a in t.args:
            if isinstance(a, Name):
                names.add(a)
            elif isinstance(a, tuple):
                names.update(x for x in a if isinstance(x, Name))
        children = t.children
        for c in children[:t.scoped]:
            names |= c._free
        names.difference_update(t.binds)
        for c in children[len(children) if t.scoped is None else t.scoped:]:
            names |= c._free
        if isinstance(t, Defined):
            names.discard(t.name)
        t._free = frozenset(names)
    return term._free


def values_taken(term):
    """The names `term` takes free as a value (a `Sym`): not those that only name what a
    density is over (`Dist.over`), which its points, bound or not, may be."""
    free = free_names(term)
    return {t.name for t in nodes(term) if isinstance(t, Sym) and t.name in free}


class TooLarge(Exception):
    """Substitutions would build more new nodes than their allowance."""


class Allowance:
    """How many new nodes substitutions may still build (shared across many of them, so
    definitions that double at each level stop early, not after 2^30 nodes)."""

    def __init__(self, nodes):
        self.left = nodes

    def spend(self):
        self.left -= 1
        if self.left < 0:
            raise TooLarge("too many terms")


def substitute(term, mapping, allowance=None):
    """`term` with each free name in `mapping` (Name → Term) replaced; a function name mapped
    to a Sym of another name is renamed in its applications; a derivative in one of them
    becomes the derivative at its value (`d/dt t^3` at t = 2 is 12, not d/dt 2^3); a
    binder that binds one of them shadows it in its body (an evaluation bar's value is
    outside its scope: `scoped`). Work is remembered per node (DAG-sized), and each
    new node is charged to `allowance` when one is given."""
    if not mapping:
        return term
    keys = frozenset(mapping)
    memo = {}

    def walk(t, hidden):
        if not (free_names(t) & keys) - hidden:
            return t
        key = (t, hidden)
        if key in memo:
            return memo[key]
        if allowance is not None:
            allowance.spend()
        if isinstance(t, Sym) and t.name in mapping and t.name not in hidden:
            out = mapping[t.name]
        elif isinstance(t, Call) and t.function in mapping and t.function not in hidden and \
                isinstance(mapping[t.function], Sym):       # a function renamed: T(x) → T'(x)
            out = Call(mapping[t.function].name, *(walk(c, hidden) for c in t.arguments))
        elif isinstance(t, Deriv) and t.var in mapping and t.var not in hidden:
            # d/dv body at v = value: the variable of differentiation is substituted as
            # the point the derivative is taken at, never left behind (d/dv of body[value])
            out = At(Deriv(walk(t.body, hidden | {t.var}), t.var), t.var, mapping[t.var])
        else:
            inner = hidden | frozenset(t.binds) if t.binds else hidden
            children = t.children
            scoped = len(children) if t.scoped is None else t.scoped
            out = t.rebuild([walk(c, inner if k < scoped else hidden)
                             for k, c in enumerate(children)])
        memo[key] = out
        return out

    return walk(term, frozenset())


def nodes(term, skip=None):
    """Every distinct node of `term` once, children before parents (no recursion); with
    `skip`, the nodes it accepts are left out with everything below them."""
    seen, order, stack = set(), [], [(term, False)]
    while stack:
        t, expanded = stack.pop()
        if expanded:
            order.append(t)
            continue
        if t in seen or skip is not None and skip(t):
            continue
        seen.add(t)
        stack.append((t, True))
        stack.extend((c, False) for c in reversed(t.children) if c not in seen)
    return order


def replaced(term, old, new):
    """`term` with the sub-term `old` replaced by `new` (terms are hash-consed: `is`),
    inside definitions too."""
    if term is old:
        return new
    if not term.children:
        return term
    return term.rebuild([replaced(c, old, new) for c in term.children])


def exponent_of(term):
    """u of `e^{u}` or `\\exp(u)`, definitions unfolded, else None."""
    while isinstance(term, Defined):
        term = term.body
    if isinstance(term, Pow) and term.base is E:
        return term.exponent
    if isinstance(term, Fn) and term.fname == "exp":
        return term.operands[0]
    return None

"""The oracle's own expression trees: plain frozen dataclasses, independent of derive.

A tree is built from the node classes below. Every node lists its sub-expressions in
`KIDS` (a field holding one node, or a tuple of nodes), so traversal, substitution at a
position and the sign analysis are written once, generically; a new construct is a new
class here plus an evaluator, a renderer and rules.

Densities: `Dens("p")` is the density p applied at the innermost bound variable (there
is one variable, x). It only occurs under an `Expect` or an `Integral`; `KL`, `JS`,
`Entropy` and `CrossEntropy` carry density names, not trees.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Iterator

# The symbols a statement may use, with their declared domain. `complex` symbols are not
# declared at all (derive reads an undeclared letter as a complex number).
POSITIVE, REAL, COMPLEX = "positive", "real", "complex"
SYMBOLS = {"a": POSITIVE, "b": POSITIVE, r"\alpha": POSITIVE,
           "s": REAL, "t": REAL, r"\lambda": REAL,
           "u": COMPLEX, "v": COMPLEX, "w": COMPLEX}
DENSITIES = ("p", "q", "r")


class Node:
    """Base of every tree node; `KIDS` names the fields that hold sub-expressions."""

    KIDS: tuple = ()

    def children(self) -> list:
        out = []
        for name in self.KIDS:
            value = getattr(self, name)
            out.extend(value if isinstance(value, tuple) else (value,))
        return out

    def with_children(self, kids: list) -> "Node":
        kids, changes = list(kids), {}
        for name in self.KIDS:
            value = getattr(self, name)
            if isinstance(value, tuple):
                changes[name], kids = tuple(kids[:len(value)]), kids[len(value):]
            else:
                changes[name], kids = kids[0], kids[1:]
        return replace(self, **changes)


@dataclass(frozen=True)
class Num(Node):
    value: Fraction          # never negative: a negative number is Neg(Num(...))


@dataclass(frozen=True)
class Sym(Node):
    name: str                # a key of SYMBOLS


@dataclass(frozen=True)
class Dens(Node):
    name: str                # density applied at the innermost bound variable


@dataclass(frozen=True)
class Add(Node):
    terms: tuple
    KIDS = ("terms",)


@dataclass(frozen=True)
class Mul(Node):
    factors: tuple
    KIDS = ("factors",)


@dataclass(frozen=True)
class Neg(Node):
    arg: Node
    KIDS = ("arg",)


@dataclass(frozen=True)
class Div(Node):
    num: Node
    den: Node
    KIDS = ("num", "den")


@dataclass(frozen=True)
class Pow(Node):
    base: Node
    exp: int
    KIDS = ("base",)


@dataclass(frozen=True)
class Sqrt(Node):
    arg: Node
    KIDS = ("arg",)


@dataclass(frozen=True)
class Log(Node):
    arg: Node
    base: int | None = None  # None: natural log
    KIDS = ("arg",)


@dataclass(frozen=True)
class Exp(Node):
    arg: Node
    KIDS = ("arg",)


@dataclass(frozen=True)
class Expect(Node):
    dens: str
    body: Node
    KIDS = ("body",)


@dataclass(frozen=True)
class Integral(Node):
    body: Node               # over the whole support, in the variable x
    KIDS = ("body",)


@dataclass(frozen=True)
class KL(Node):
    p: str
    q: str


@dataclass(frozen=True)
class JS(Node):
    p: str
    q: str


@dataclass(frozen=True)
class Entropy(Node):
    p: str


@dataclass(frozen=True)
class CrossEntropy(Node):
    p: str
    q: str


BINDERS = (Expect, Integral)   # nodes whose body is evaluated at a bound x


def add(*terms) -> Node:
    return terms[0] if len(terms) == 1 else Add(tuple(terms))


def mul(*factors) -> Node:
    return factors[0] if len(factors) == 1 else Mul(tuple(factors))


def positions(node: Node, path: tuple = ()) -> Iterator[tuple]:
    """Every (path, sub-node, bound) in `node`, pre-order; `bound` says whether the
    sub-node stands under a binder (so a density there is applied at the bound x)."""
    yield from _positions(node, path, False)


def _positions(node, path, bound):
    yield path, node, bound
    inner = bound or isinstance(node, BINDERS)
    for i, kid in enumerate(node.children()):
        yield from _positions(kid, path + (i,), inner)


def replace_at(node: Node, path: tuple, new: Node) -> Node:
    if not path:
        return new
    kids = node.children()
    kids[path[0]] = replace_at(kids[path[0]], path[1:], new)
    return node.with_children(kids)


def free_densities(node: Node) -> set:
    """Densities applied at an x that is not bound inside `node` itself."""
    if isinstance(node, Dens):
        return {node.name}
    if isinstance(node, BINDERS):
        return set()
    out = set()
    for kid in node.children():
        out |= free_densities(kid)
    return out


def names(node: Node) -> tuple[set, set]:
    """(symbols, densities) that `node` mentions anywhere."""
    syms, dens = set(), set()
    for _, sub, _ in positions(node):
        if isinstance(sub, Sym):
            syms.add(sub.name)
        elif isinstance(sub, (Dens, Expect)):
            dens.add(sub.name if isinstance(sub, Dens) else sub.dens)
        elif isinstance(sub, (KL, JS, CrossEntropy)):
            dens |= {sub.p, sub.q}
        elif isinstance(sub, Entropy):
            dens.add(sub.p)
    return syms, dens


def size(node: Node) -> int:
    return sum(1 for _ in positions(node))


# --- the sign analysis: what is known for every allowed value (conservative) ---

def is_positive(node: Node) -> bool:
    """Known to be a real number > 0 for all values allowed by the declarations."""
    if isinstance(node, Num):
        return node.value > 0
    if isinstance(node, Sym):
        return SYMBOLS[node.name] == POSITIVE
    if isinstance(node, Dens):
        return True
    if isinstance(node, (Add, Mul)):
        return all(is_positive(k) for k in node.children())
    if isinstance(node, Div):
        return is_positive(node.num) and is_positive(node.den)
    if isinstance(node, Pow):
        return is_positive(node.base) or (node.exp % 2 == 0 and is_real(node.base)
                                          and is_nonzero(node.base))
    if isinstance(node, Sqrt):
        return is_positive(node.arg)
    if isinstance(node, Exp):
        return is_real(node.arg)
    if isinstance(node, Expect):
        return is_positive(node.body)
    if isinstance(node, Integral):
        return is_positive(node.body)
    return False


def is_nonzero(node: Node) -> bool:
    return is_positive(node) or (isinstance(node, Neg) and is_positive(node.arg))


def is_real(node: Node) -> bool:
    """Known to be real for all allowed values (where it is defined)."""
    if isinstance(node, Sym):
        return SYMBOLS[node.name] != COMPLEX
    if isinstance(node, (Num, Dens, KL, JS, Entropy, CrossEntropy)):
        return True
    if isinstance(node, (Add, Mul, Neg, Div, Pow, Exp, Expect, Integral)):
        return all(is_real(k) for k in node.children())
    if isinstance(node, (Log, Sqrt)):
        return is_positive(node.arg)
    return False


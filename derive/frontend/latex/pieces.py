"""The items of a run (juxtaposed factors), as typed pieces.

The grammar gives a run as a flat list of items; each becomes one piece here, before the
product reader (`products`) decides how they combine. A piece only records what was
written and where; names are not looked up yet.
"""

from __future__ import annotations

from dataclasses import dataclass

from lark import Token, Tree


@dataclass
class NamePiece:
    """A name as written: its canonical key (with subscript and decorations), the bare
    base, the subscript node, a power (superscript that is not a decoration), primes."""

    key: str
    base: str
    sub: object
    power: object
    primes: int
    node: object


@dataclass
class ExpectPiece:
    """`\\mathbb{E}` with its subscript (what it averages over, or the law a superscript
    names: `law_superscript`); also the variance and covariance (`kind` "Var", "Cov"), which
    are expectations too. No power: a superscript on the operator is never one."""

    sub: object
    node: object
    kind: str = "E"


@dataclass
class IndicatorPiece:
    """`\\mathbb{1}` (`\\mathbf{1}_{j = k}`): an indicator, with its subscript (an equation,
    or None when the bracket after it holds one) and a power (`indicators`)."""

    sub: object
    power: object
    node: object


@dataclass
class BracketPiece:
    """`( … )`, `[ … ]`: its delimiters, argument nodes and separators, and a power."""

    open: str
    close: str
    args: list
    seps: list
    power: object
    node: object


@dataclass
class FuncPiece:
    """An elementary function word (`\\log`, `\\exp`, …) with a base and a power."""

    fname: str
    base: object
    power: object
    node: object


@dataclass
class BigPiece:
    """`\\sum`, `\\prod` or `\\int` with its sub- and superscript."""

    op: str
    sub: object
    sup: object
    node: object


@dataclass
class LimitPiece:
    """`\\sup_t`, `\\lim_{n \\to \\infty}`, … inside an expression: it takes the rest of
    the run. `word` is the operator as written (`\\sup`, `\\operatorname*{arg\\,max}`),
    `argument` whether `\\arg` precedes it, `sub` its subscript node (or None)."""

    node: object
    word: str
    argument: bool
    sub: object


@dataclass
class DerivPiece:
    """Differentiation: `\\frac{d}{dx}`, `\\frac{\\partial^2}{\\partial x^2}`, `\\nabla_\\theta`
    (an operator on the rest of the run), or `\\frac{d f}{dx}` (a value: `body` holds the
    items of f). `variables` are the name nodes to differentiate by, in order. `index`:
    the operator `\\partial_j`, whose subscript may be an index naming the member z_j of
    the indexed family its operand uses. `square`: `\\frac{\\partial}{\\partial \\sigma^2}`,
    the derivative by the square of its one variable. `at`: for a variable that is a declared
    function written at its argument (`\\partial D(x)`), its position in `variables` → the
    denominator's items `D`, `(x)`: the derivative by that value.
    `negated`: a minus before the numerator's ∂ (`\\frac{-\\partial f}{\\partial x}`), the
    derivative's negation."""

    variables: list
    node: object
    body: list | None = None
    index: bool = False
    square: bool = False
    at: dict | None = None
    negated: bool = False


@dataclass
class LawRatioPiece:
    """The Radon–Nikodym derivative `\\frac{dP}{dQ}` of two laws declared with their
    densities (`laws`: their (Name, Declaration) pairs, over the one `variable`): a function
    of that variable, read at the bracket after it or at the integral's point (`measures`)."""

    laws: tuple
    variable: object
    node: object


@dataclass
class DifferentialFraction:
    """`\\frac{dx}{g}` (no d below): the differential `dx` divided by g — the pieces `d`,
    `x` and the reciprocal 1/g (a `LazyPiece`, read in the integral's scope). Only an
    integral with no other differential reads it (`products.differential_fractions`)."""

    differential: list
    reciprocal: object
    node: object


@dataclass
class BarPiece:
    """An evaluation bar `\\Big|_{\\theta = \\theta_0}`."""

    sub: object
    node: object


@dataclass
class LeftBarPiece:
    """`\\left.`: where the expression an evaluation bar `\\right|_{…}` closes begins."""

    node: object


@dataclass
class OpPiece:
    """`\\cdot`, `\\times` or `/`."""

    op: str
    node: object


@dataclass
class ValuePiece:
    """A piece already read into a term (an integral, read inside its own scope)."""

    term: object
    node: object


@dataclass
class LazyPiece:
    """A number, group, fraction, root or binomial, with an optional power: read only when
    the product reaches it, so it is read inside the scopes in force there."""

    primary: object
    power: object
    node: object


def takes_rest(pieces, i):
    """Whether pieces[i] is an operator that takes the rest of its run: `\\sum`, `\\prod`,
    a derivative operator, an expectation without brackets, a limit or an extremum."""
    p = pieces[i]
    if isinstance(p, LimitPiece):
        return True
    if isinstance(p, BigPiece):
        return p.op not in ("int", "iint")
    if isinstance(p, DerivPiece):
        return p.body is None
    if isinstance(p, ExpectPiece):
        return not (i + 1 < len(pieces) and isinstance(pieces[i + 1], BracketPiece))
    return False


def tails(children):
    """(subscript node, superscript node, primes) of a list of script tails; raises
    ValueError naming the problem when one is repeated, or when a prime follows the
    superscript (TeX's prime is a superscript: `a^\\frac12'` does not compile)."""
    sub = sup = None
    primes = 0
    for t in children:
        if t.data == "subscript":
            if sub is not None:
                raise ValueError("a second subscript")
            sub = t.children[1]
        elif t.data == "superscript":
            if sup is not None:
                raise ValueError("a second superscript")
            sup = t.children[1]
        elif t.data == "prime":
            if sup is not None:                 # TeX: `a^2'` is a double superscript
                raise ValueError("a prime after a superscript (a double superscript in TeX)")
            primes += 1
        else:                                   # a factorial sign, read by `_script` only
            raise ValueError("a factorial sign")
    return sub, sup, primes


def is_token(node, *types):
    return isinstance(node, Token) and node.type in types


def is_tree(node, *names):
    return isinstance(node, Tree) and node.data in names


def subitems(sub):
    """The indices of a subscript node: its items between commas (`x_{i,j}`), or itself."""
    node = single(sub) if is_tree(sub, "sgroup") else sub
    if is_tree(node, "subitems"):
        return [c for c in node.children if not is_token(c, "SEP")]
    return [sub]


def single(node):
    """The one item of a group/sum/run chain (`{ x }` → x), or None."""
    while True:
        if is_tree(node, "group", "sgroup") and len(node.children) == 1:
            node = node.children[0]
        elif is_tree(node, "sum", "subitems") and len(node.children) == 1:
            node = node.children[0]
        elif is_tree(node, "run") and len(node.children) == 1:
            node = node.children[0]
        else:
            return node


def tailless(node):
    """The primary of a script with no tails — no subscript, superscript, prime or factorial
    (`x` alone → the letter x, `(a, b)` → the bracket); None for any other node."""
    return node.children[0] if is_tree(node, "script") and len(node.children) == 1 else None


def unscripted(node):
    """`node` through a script with no tails (`tailless`), else `node` itself."""
    primary = tailless(node)
    return node if primary is None else primary


def one_item(node):
    """The one item of a group/sum/run chain, through a script with no tails (`{x}` → the
    letter x, `{(a, b)}` → the bracket): `single`, then `unscripted`."""
    return unscripted(single(node))

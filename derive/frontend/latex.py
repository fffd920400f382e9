"""Read one row of LaTeX math into unevaluated SymPy expressions in probability notation.

The grammar (`latex.lark`) gives a flat tree; this module gives it meaning, using the
declared `Context`. Each ambiguous form has exactly one reading:

* **Fonts.** `\\mathbf{x}`, `\\mathrm{x}`, `\\boldsymbol{x}`, `\\text{x}`, `\\operatorname{x}`
  are typography: all mean `x`. `\\mathcal`, `\\mathbb`, `\\mathfrak`, `\\mathscr` are part
  of a name (`\\mathcal{L}` is not `L`). `D^*`, `D^\\ast`, `D^{\\star}` are one name, as are
  `L'` and `L^{\\prime}`; any other superscript is a power.
* **Unbracketed functions.** `\\log`, `\\ln`, `\\exp`, … without brackets take the whole
  product that follows, up to the next `+`, `-`, relation, closing bracket or the next such
  function: `\\log \\frac{a}{b} \\cdot \\frac{c}{c}` is `log(a/b · c/c)`, `\\log a \\log b` is
  `log(a)·log(b)`, `2\\log 2 - c` is `2·log(2) - c`. With brackets right after it,
  `\\log(a) b` is `log(a)·b`. `\\log` and `\\ln` are natural logarithms.
* **Name followed by brackets.** A density, a definition, an operator (`D_{KL}`, `D_{JS}`,
  `\\mathbb{E}`, `H`) or an undeclared name followed by `( … )` is applied to the
  arguments; a declared variable or symbol, or a number, followed by brackets is multiplied.
* **Bare densities.** `p` alone means `p(x)` for the innermost bound variable (of an
  expectation or integral) or else its declared variable.
* **Integrals.** `\\int f \\, dx` (also `d\\mathrm{x}`, `\\mathrm{d}x`) is the integral of
  the product between `\\int` and the differential over the whole support; an integrand that
  is a sum needs brackets. `\\mathbb{E}_{x\\sim p}[f]` is `∫ p(x) f(x) dx`.
* **Constants.** `e` is Euler's number and `\\pi` is π unless declared otherwise;
  `E` is a plain symbol (the expectation is `\\mathbb{E}`).

Nothing here evaluates: expressions are built with `evaluate=False`, so the author's
`\\frac{p}{p}` survives until an engine, under its time budget, decides to evaluate it.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput
from sympy import (
    E, Add, Function, Integer, Limit, Mul, Pow, Rational, Symbol, cos, cosh, exp, log, oo, pi,
    sin, sinh, tan, tanh,
)
from sympy.core.function import AppliedUndef

from derive.frontend.names import bare_key, decorations, flat_text, name_text, side_mark
from derive.notation import (
    KL, JS, CrossEntropy, Defined, Entropy, Expectation, Optimum, SupportIntegral,
)
from derive.notation.context import substitute

GRAMMAR = Path(__file__).with_name("latex.lark")
MAX_ROW_CHARS = 20_000
MAX_NESTING = 40
MAX_NUMBER_DIGITS = 200

FUNCTIONS = {"log": log, "ln": log, "exp": exp, "sin": sin, "cos": cos, "tan": tan,
             "tanh": tanh, "sinh": sinh, "cosh": cosh}
EXPECTATION_NAMES = {r"\mathbb{E}", "E"}
DIVERGENCES = {"KL": KL, "JS": JS}
CONSTANTS = {"e": E, r"\pi": pi, r"\infty": oo}


def _cache_path():
    """Where lark may cache the analysed grammar: the user's own cache folder, or nowhere."""
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(root, "derive")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError:
        return False
    return os.path.join(folder, "latex-grammar.lark-cache") if os.access(folder, os.W_OK) else False


@functools.lru_cache(maxsize=1)
def parser():
    """The LALR parser for `latex.lark`, built once per process."""
    return Lark(GRAMMAR.read_text(), parser="lalr", propagate_positions=True,
                cache=_cache_path())


# ---------------------------------------------------------------- run pieces

@dataclass
class Name:
    """A name as written: canonical key, its subscript tree (kept for `E_{x\\sim p}`), power."""

    key: str
    base: str
    sub: object
    power: object
    node: object


@dataclass
class Bracket:
    open: str
    close: str
    args: list
    seps: list
    power: object
    node: object


@dataclass
class Piece:
    """A run item already turned into a value (`expr`), or a marker: `func`, `int`, `op`."""

    kind: str
    value: object
    node: object
    bracketed: bool = False


@dataclass(frozen=True)
class Part:
    """One expression of a row with the relation before it (None for the row's first)."""

    relation: object
    expr: object
    start: int
    latex: str


class Reader:
    """Reads rows of one source file under a context; bound variables nest in expectations."""

    def __init__(self, context, source):
        self.context = context
        self.source = source
        self.bound = []            # integration variables, innermost last
        self.optimised = []        # variables of a max/min/argmax: plain real symbols
        self.offset = 0

    # ------------------------------------------------------------ entry point
    def read_row(self, text, start):
        """Parse `text` (found at offset `start` of the source) into `Part`s."""
        end = start + len(text)
        self.offset = start
        if len(text) > MAX_ROW_CHARS:
            raise self.source.error(
                f"this formula is {len(text)} characters long; derive reads at most "
                f"{MAX_ROW_CHARS} per row", start)
        _check_nesting(text, start, self.source)
        try:
            tree = parser().parse(text)
        except UnexpectedInput as exc:
            raise self._syntax_error(exc, text) from None
        parts, relation = [], None
        for child in tree.children:
            if isinstance(child, Token) and child.type == "REL":
                relation = _relation(child)
                continue
            latex = " ".join(text[_start(child):_end(child)].split())
            parts.append(Part(relation, self.build(child), start + _start(child), latex))
            relation = None
        if relation is not None:
            raise self.source.error("a relation needs an expression after it", end)
        return parts

    def _syntax_error(self, exc, text):
        pos = self.offset + (exc.pos_in_stream if exc.pos_in_stream is not None else len(text))
        if isinstance(exc, UnexpectedCharacters):
            message = f"unexpected character {text[exc.pos_in_stream]!r}"
        elif isinstance(exc, UnexpectedEOF) or getattr(exc, "token", None) is not None and exc.token.type == "$END":
            message = "the formula ends too early"
        else:
            message = f"unexpected {exc.token.value!r}"
        expected = sorted(getattr(exc, "expected", None) or getattr(exc, "allowed", None) or [])
        if expected:
            message += "; expected " + _describe_expected(expected)
        return self.source.error(message, pos)

    def error(self, message, node):
        return self.source.error(message, self.offset + _start(node))

    def parse_tree(self, text, start):
        """The bare parse tree of `text`, for directives that need the form, not the value."""
        self.offset = start
        _check_nesting(text, start, self.source)
        try:
            return parser().parse(text)
        except UnexpectedInput as exc:
            raise self._syntax_error(exc, text) from None

    def read_name(self, text, start):
        """The canonical key of a name written in a directive (`p_\\theta` → `p_{\\theta}`)."""
        tree = self.parse_tree(text, start)
        key = bare_key(tree.children[0]) if len(tree.children) == 1 else None
        if key is None:
            raise self.source.error(f"expected a name, found {text.strip()!r}", start)
        return key

    def read_definition(self, text, start):
        """`name(params) = body` → (key, parameter symbols, body)."""
        tree = self.parse_tree(text, start)
        if len(tree.children) != 3:
            raise self.source.error("a definition reads: name(arguments) = expression", start)
        head, _, body = tree.children
        key = bare_key(head)
        if key is None:
            raise self.error("a definition must start with the name it defines", head)
        params = []
        if isinstance(head, Tree) and head.data == "run" and len(head.children) == 2:
            bracket = head.children[1]
            params = [flat_text(a) for a in bracket.children[1].children
                      if not (isinstance(a, Token) and a.type == "SEP")]
        self.bound.extend(params)
        try:
            value = self.build(body)
        finally:
            del self.bound[len(self.bound) - len(params):]
        return key, tuple(Symbol(p, real=True) for p in params), value

    # ------------------------------------------------------------ tree walking
    def build(self, node):
        """The SymPy expression for an expression node."""
        if isinstance(node, Token):
            return self.run([node])
        handler = getattr(self, "_" + node.data, None)
        if handler is None:
            return self.run([node])
        return handler(node)

    def _add(self, node):
        a, _, b = node.children
        return Add(self.build(a), self.build(b), evaluate=False)

    def _sub(self, node):
        a, _, b = node.children
        return Add(self.build(a), Mul(Integer(-1), self.build(b), evaluate=False), evaluate=False)

    def _neg(self, node):
        return Mul(Integer(-1), self.build(node.children[1]), evaluate=False)

    def _pos(self, node):
        return self.build(node.children[1])

    def _run(self, node):
        return self.run(node.children)

    def _bigop(self, node):
        """`\\lim_{v \\to a} f`, `\\max_\\theta f`, `\\arg\\max_{y \\in (0,1)} f`."""
        children = [c for c in node.children if not (isinstance(c, Token) and c.type == "SUB")]
        arg = bool(children and isinstance(children[0], Token) and children[0].type == "ARG")
        if arg:
            children = children[1:]
        op = children[0].value.lstrip("\\")
        kind = "arg" + ("max" if "max" in op else "min") if arg or "arg" in op else op
        kind = {"sup": "max", "inf": "min"}.get(kind, kind)
        sub = children[1] if len(children) == 3 else None
        body = children[-1]
        if kind == "lim":
            return self._limit(node, sub, body)
        return self._optimum(node, kind, sub, body)

    def _limit(self, node, sub, body):
        spec = sub.children[0] if isinstance(sub, Tree) and sub.data == "sgroup" else None
        if spec is None or spec.data != "approach":
            raise self.error(r"a limit needs a subscript like _{x \to 0^+}", node)
        var_node, _, target_node, *side = spec.children
        key = bare_key(var_node) or flat_text(var_node)
        target, direction = self._approach_target(target_node, side)
        body_value = self.build(body)
        pointwise = _pointwise_densities(body_value, self.context)
        variable = _limit_variable(key, self.context)
        if not pointwise.has(variable):
            raise self.error(f"the limit variable {key} does not occur in the expression", var_node)
        return Limit(pointwise, variable, target, direction)

    def _approach_target(self, node, side):
        """(target, direction) of `0^+`, `0^{+}`, `\\infty`, `-\\infty`, `a`."""
        direction = "+-"
        if side:
            direction = side[0].value
        script = node
        while isinstance(script, Tree) and script.data == "run" and len(script.children) == 1:
            script = script.children[0]
        if isinstance(script, Tree) and script.data == "script" and len(script.children) == 3:
            sign = side_mark(script.children[2])
            if sign is not None:
                return self.build(script.children[0]), sign
        target = self.build(node)
        if target == oo or target == -oo:
            direction = "-" if target == oo else "+"
        elif isinstance(target, Mul) and oo in target.args:
            target, direction = -oo, "+"
        return target, direction

    def _optimum(self, node, kind, sub, body):
        if sub is None:
            raise self.error(f"say what \\{kind} ranges over: \\{kind}_{{\\theta}} …", node)
        spec = sub.children[0] if isinstance(sub, Tree) and sub.data == "sgroup" else None
        low, high, closed = -oo, oo, "()"
        if spec is not None and spec.data == "domain":
            var_node, _, domain = spec.children
            low, high, closed = self._interval(domain)
        else:
            var_node = spec.children[0] if spec is not None else sub
        key = bare_key(var_node) or flat_text(var_node)
        variable = Symbol(key, real=True)
        self.optimised.append(key)
        try:
            f = self.build(body)
        finally:
            self.optimised.pop()
        if low.is_number and high.is_number and (low > high or (low == high and closed != "[]")):
            raise self.error(f"the domain of this \\{kind} is empty", node)
        return Optimum(f, variable, kind, low, high, closed)

    def _interval(self, node):
        """(low, high, closed) of `(0, 1)`, `[0, 1)`, `\\mathbb{R}`, `(0, \\infty)`."""
        key = bare_key(node)
        if key in (r"\mathbb{R}", "R"):
            return -oo, oo, "()"
        while isinstance(node, Tree) and node.data == "run" and len(node.children) == 1:
            node = node.children[0]
        if not (isinstance(node, Tree) and node.data == "bracketed"):
            raise self.error("a domain is an interval such as (0, 1) or [0, \\infty)", node)
        opening, args_tree, closing = node.children
        bounds = [c for c in args_tree.children if not (isinstance(c, Token) and c.type == "SEP")]
        if len(bounds) != 2:
            raise self.error("an interval has two ends: (a, b)", node)
        closed = ("[" if opening.value == "[" else "(") + ("]" if closing.value == "]" else ")")
        return self.build(bounds[0]), self.build(bounds[1]), closed

    def _group(self, node):
        return self.build(node.children[0])

    # ------------------------------------------------------------ runs
    def run(self, items):
        """A product of juxtaposed items, read as the module docstring says."""
        pieces = [self.piece(item) for item in items]
        return self.product(pieces)

    def piece(self, item):
        if isinstance(item, Token):
            if item.type == "MULOP":
                return Piece("op", "/" if item.value == "/" else "*", item)
            return self.name_or_value(item, None, None, 0, item)
        kind = item.data
        if kind == "func":
            name = item.children[0].value[1:]
            base = self.build(item.children[2]) if len(item.children) > 2 else None
            return Piece("func", (FUNCTIONS[name], base), item)
        if kind == "integral":
            if len(item.children) > 1:
                raise self.error("an integral with limits is not supported yet: write "
                                 r"\int f(x)\, dx for the integral over the support", item)
            return Piece("int", None, item)
        if kind in ("script", "script_sup_first"):
            return self.script(item)
        return self.name_or_value(item, None, None, 0, item)

    def script(self, node):
        children = list(node.children)
        primary = children.pop(0)
        sub = sup = None
        primes = 0
        while children:
            tok = children.pop(0)
            if isinstance(tok, Token) and tok.type == "SUB":
                sub = children.pop(0)
            elif isinstance(tok, Token) and tok.type == "SUP":
                sup = children.pop(0)
            elif isinstance(tok, Token) and tok.type == "PRIME":
                primes += 1
        decoration, power = "", None
        if sup is not None:
            decor = decorations(sup)
            if decor is None:
                power = sup
            else:
                decoration = decor
        return self.name_or_value(primary, sub, power, primes, node, decoration)

    def name_or_value(self, primary, sub, power, primes, node, decoration=""):
        base = name_text(primary)
        if base is not None:
            key = base
            if sub is not None:
                sub_text = flat_text(sub)
                key += "_{%s}" % sub_text
            key += decoration + "'" * primes
            return Piece("name", Name(key, base, sub, power, node), node)
        if sub is not None:
            raise self.error("a subscript needs a name before it", node)
        if isinstance(primary, Tree) and primary.data == "bracketed":
            opening, args_tree, closing = primary.children
            args, seps = [], []
            for child in args_tree.children:
                if isinstance(child, Token) and child.type == "SEP":
                    seps.append(child.value)
                else:
                    args.append(child)
            return Piece("bracket", Bracket(opening.value, closing.value, args, seps, power, node),
                         node, bracketed=True)
        value = self.value(primary)
        if power is not None:
            value = Pow(value, self.build(power), evaluate=False)
        return Piece("value", value, node)

    def value(self, node):
        """A primary that is not a name: number, group, fraction, root."""
        if isinstance(node, Token):
            if node.type == "NUMBER":
                digits = node.value.replace(".", "")
                if len(digits) > MAX_NUMBER_DIGITS:
                    raise self.error(f"a number of {len(digits)} digits is longer than derive reads "
                                     f"(at most {MAX_NUMBER_DIGITS})", node)
                return Rational(node.value) if "." in node.value else Integer(node.value)
            raise self.error(f"unexpected {node.value!r}", node)
        kind = node.data
        if kind == "group":
            return self.build(node.children[0])
        if kind == "sgroup":
            return self.build(_single_expr(node, self))
        if kind == "frac":
            _, num, den = node.children
            return Mul(self.build(num), Pow(self.build(den), -1, evaluate=False), evaluate=False)
        if kind == "sqrt":
            children = node.children[1:]
            if len(children) == 1:
                return Pow(self.build(children[0]), Rational(1, 2), evaluate=False)
            _, index, _, body = children
            return Pow(self.build(body), Pow(self.build(index), -1, evaluate=False), evaluate=False)
        raise self.error("this is not an expression derive can read", node)

    # ------------------------------------------------------------ the product
    def product(self, pieces):
        pieces = self.integrals(pieces)
        pieces = self.merge_operator_letters(pieces)
        pieces = self.resolve(pieces)
        return self.functions(pieces)

    def integrals(self, pieces):
        """Turn each `\\int … d x` into a value, innermost (last) integral first."""
        while True:
            starts = [i for i, p in enumerate(pieces) if p.kind == "int"]
            if not starts:
                return pieces
            i = starts[-1]
            j = _differential(pieces, i + 1)
            if j is None:
                raise self.error(r"this integral has no differential: end it with d x", pieces[i].node)
            var_name = pieces[j + 1].value.key
            variable = Symbol(var_name, real=True)
            self.bound.append(var_name)
            try:
                body = self.product(pieces[i + 1:j]) if j > i + 1 else None
            finally:
                self.bound.pop()
            if body is None:
                raise self.error("this integral has nothing to integrate", pieces[i].node)
            value = SupportIntegral(body, variable)
            pieces = pieces[:i] + [Piece("value", value, pieces[i].node)] + pieces[j + 2:]

    @staticmethod
    def merge_operator_letters(pieces):
        """`KL(p\\|q)` written with plain letters: merge `K`,`L` before a bracket into `KL`."""
        out = []
        for p in pieces:
            if (out and p.kind == "name" and out[-1].kind == "name"
                    and out[-1].value.key + p.value.key in DIVERGENCES
                    and p.value.sub is None and p.value.power is None):
                prev = out.pop()
                out.append(Piece("name", Name(prev.value.key + p.value.key, prev.value.key + p.value.key,
                                              None, None, prev.node), prev.node))
            else:
                out.append(p)
        return out

    def resolve(self, pieces):
        """Names become values, applied to a bracket that follows where the name takes one."""
        out, i = [], 0
        while i < len(pieces):
            p = pieces[i]
            nxt = pieces[i + 1] if i + 1 < len(pieces) else None
            if p.kind == "name":
                bracket = nxt.value if nxt is not None and nxt.kind == "bracket" else None
                value, used = self.resolve_name(p.value, bracket)
                if used:
                    if bracket.power is not None:
                        value = Pow(value, self.build(bracket.power), evaluate=False)
                    i += 1
                out.append(Piece("value", value, p.node))
            elif p.kind == "bracket":
                out.append(Piece("value", self.grouping(p.value), p.node, bracketed=True))
            else:
                out.append(p)
            i += 1
        return out

    def grouping(self, bracket):
        if bracket.seps:
            raise self.error(f"unexpected {bracket.seps[0]!r}: a list of arguments needs a "
                             "function or operator before the bracket", bracket.node)
        value = self.build(bracket.args[0])
        if bracket.power is not None:
            value = Pow(value, self.build(bracket.power), evaluate=False)
        return value

    def functions(self, pieces):
        """Apply unbracketed functions to their product (see the module docstring) and fold."""
        segments, current = [], []
        for p in pieces:
            if p.kind == "func":
                segments.append(current)
                current = [p]
            else:
                current.append(p)
        segments.append(current)
        result = self.fold(segments[0]) if segments[0] else None
        for seg in segments[1:]:
            head, rest = seg[0], seg[1:]
            fn, base = head.value
            if not rest or rest[0].kind == "op":
                raise self.error("this function needs an argument", head.node)
            if rest[0].bracketed:
                arg, tail = rest[0].value, rest[1:]
            else:
                arg, tail = self.fold(rest), []
            value = fn(arg, evaluate=False)
            if base is not None:
                value = Mul(value, Pow(log(base, evaluate=False), -1, evaluate=False), evaluate=False)
            if tail:
                value = Mul(value, self.fold(tail), evaluate=False)
            result = value if result is None else Mul(result, value, evaluate=False)
        return result

    def fold(self, pieces):
        """Multiply values left to right; `/` divides by the next value."""
        result, op = None, "*"
        for p in pieces:
            if p.kind == "op":
                if result is None:
                    raise self.error(f"{p.node.value!r} needs something before it", p.node)
                op = p.value
                continue
            value = p.value
            if op == "/":
                value = Pow(value, -1, evaluate=False)
            result = value if result is None else Mul(result, value, evaluate=False)
            op = "*"
        if op == "/":
            raise self.error("'/' needs something after it", pieces[-1].node)
        return result

    # ------------------------------------------------------------ names
    def resolve_name(self, name, bracket):
        """(value, whether the bracket was used as the name's arguments)."""
        ctx = self.context
        power = None if name.power is None else self.build(name.power)

        def powered(v):
            return v if power is None else Pow(v, power, evaluate=False)

        if name.base in EXPECTATION_NAMES and bracket is not None and (
                name.base != "E" or name.sub is not None):
            return powered(self.expectation(name, bracket)), True
        operator_key = name.key[2:].strip("{}") if name.key.startswith("D_{") else name.key
        if operator_key in DIVERGENCES and bracket is not None:
            p, q = self.density_args(bracket, 2, name.key)
            return powered(DIVERGENCES[operator_key](p, q)), True
        if name.key == "H" and bracket is not None and not ctx.definition("H") and self._all_densities(bracket):
            args = self.density_args(bracket, len(bracket.args), "H")
            return powered(Entropy(*args) if len(args) == 1 else CrossEntropy(*args)), True
        density = ctx.density(name.key)
        if density is not None:
            if bracket is not None and not bracket.seps:
                return powered(density.function(self.build(bracket.args[0]))), True
            return powered(density.applied(self._bound_symbol(density.variable))), False
        definition = ctx.definition(name.key)
        if definition is not None:
            if bracket is not None and definition.source == "chain":
                return powered(Defined(definition.body, name.key)), True
            if bracket is not None and definition.params:
                args = [self.build(a) for a in bracket.args]
                if len(args) != len(definition.params):
                    raise self.error(f"{name.key} takes {len(definition.params)} argument(s), "
                                     f"not {len(args)}", bracket.node)
                return powered(Defined(definition.apply(args), name.key)), True
            return powered(Defined(definition.body, name.key)), False
        if name.key in self.optimised:
            return powered(Symbol(name.key, real=True)), False
        if name.key in ctx.variables or name.key in self.bound or dict(ctx.symbols).get(name.key):
            return powered(ctx.symbol(name.key)), False
        if name.key in CONSTANTS:
            return powered(CONSTANTS[name.key]), False
        if bracket is not None and bracket.open == "(":
            args = [self.build(a) for a in bracket.args]
            return powered(Function(name.key)(*args)), True
        return powered(Symbol(name.key)), False

    def _bound_symbol(self, default):
        return Symbol(self.bound[-1] if self.bound else default, real=True)

    def _all_densities(self, bracket):
        return bool(bracket.args) and all(
            self.context.density(bare_key(a) or "") is not None for a in bracket.args)

    def density_args(self, bracket, count, what):
        if len(bracket.args) != count:
            raise self.error(f"{what} takes {count} densit{'y' if count == 1 else 'ies'} here, "
                             f"not {len(bracket.args)}", bracket.node)
        out = []
        for arg in bracket.args:
            value = self.build(arg)
            if not (isinstance(value, AppliedUndef) and self.context.density(value.func.__name__)):
                raise self.error(f"{what} compares densities; declare each with "
                                 "'% derive: density …' (found something else)", arg)
            out.append(value)
        return out

    def expectation(self, name, bracket):
        if len(bracket.args) != 1 or bracket.seps:
            raise self.error("an expectation takes one expression in its brackets", bracket.node)
        variable, density = self.expectation_subscript(name)
        self.bound.append(str(variable))
        try:
            body = self.build(bracket.args[0])
        finally:
            self.bound.pop()
        return Expectation(body, density.function(variable))

    def expectation_subscript(self, name):
        """(variable, Density) from `_{x \\sim p(x)}`, `_{p}`, or nothing (one density)."""
        ctx = self.context
        if name.sub is None:
            if len(ctx.densities) == 1:
                d = ctx.densities[0]
                return Symbol(d.variable, real=True), d
            raise self.error(r"say which distribution: \mathbb{E}_{x \sim p}[…]", name.node)
        body = name.sub.children[0] if isinstance(name.sub, Tree) and name.sub.data == "sgroup" else None
        items = body.children if body is not None else [name.sub]
        if any(isinstance(t, Token) and t.type == "SEP" for t in items):
            raise self.error("an expectation over several variables is not supported yet", name.sub)
        exprs = [t for t in items if not (isinstance(t, Token) and t.type == "SIM")]
        dist_node = exprs[-1]
        dist_key = bare_key(dist_node)
        density = ctx.density(dist_key) if dist_key else None
        if density is None:
            raise self.error(f"{dist_key or 'this'} is not a declared density; declare it with "
                             "'% derive: density …'", dist_node)
        if len(exprs) == 2:
            var_key = flat_text(exprs[0])
            return Symbol(var_key, real=True), density
        return Symbol(density.variable, real=True), density


# ---------------------------------------------------------------- helpers

def _pointwise_densities(expr, context):
    """`expr` with each density applied at a point read as a positive number (`p_r(x)` → `p_r`):
    a limit or an optimum of an integrand is about the values of the densities there."""
    mapping = {app: Symbol(app.func.__name__, positive=True) for app in expr.atoms(AppliedUndef)
               if context.density(app.func.__name__) is not None}
    return substitute(expr, mapping) if mapping else expr


def _limit_variable(key, context):
    if context.density(key) is not None:
        return Symbol(key, positive=True)
    return context.symbol(key)


def _start(node):
    return (node.meta.start_pos if isinstance(node, Tree) else node.start_pos) or 0


def _end(node):
    return (node.meta.end_pos if isinstance(node, Tree) else node.end_pos) or 0


def _relation(token):
    value = token.value.lstrip("\\")
    return {"le": "<=", "leq": "<=", "leqslant": "<=", "ge": ">=", "geq": ">=",
            "geqslant": ">=", "ne": "!=", "neq": "!="}.get(value, value)


def _check_nesting(text, offset, source):
    depth, deepest_at = 0, None
    for i, ch in enumerate(text):
        if ch in "({[":
            depth += 1
            if depth > MAX_NESTING and deepest_at is None:
                deepest_at = i
        elif ch in ")}]":
            depth -= 1
    if deepest_at is not None:
        raise source.error(f"brackets nest deeper than {MAX_NESTING} levels", offset + deepest_at)


def _single_expr(node, reader):
    body = node.children[0]
    if len(body.children) != 1:
        raise reader.error("this subscript is not a single expression", node)
    return body.children[0]


def _differential(pieces, start):
    """Index of the `d` of the first `d <name>` at or after `start`, or None."""
    for j in range(start, len(pieces) - 1):
        p, q = pieces[j], pieces[j + 1]
        if p.kind == "name" and p.value.key == "d" and q.kind == "name" and q.value.sub is None \
                and q.value.power is None:
            return j
    return None


_TERMINAL_NAMES = {
    "REL": "a relation (=, \\le, …)", "PLUS": "'+'", "MINUS": "'-'", "MULOP": "\\cdot",
    "SUB": "'_'", "SUP": "'^'", "SEP": "a separator (',', '\\|', '|')", "OPEN": "an opening bracket",
    "CLOSE": "a closing bracket", "FRAC": "\\frac", "NUMBER": "a number", "LETTER": "a letter",
    "SYMBOL": "a symbol", "FONT": "a font command", "FUNC": "a function (\\log, …)",
    "LBRACE": "'{'", "RBRACE": "'}'", "$END": "the end of the formula", "INT": "\\int",
    "SIM": "\\sim", "DECOR": "\\star", "PRIME": "'", "SQRT": "\\sqrt",
}


def _describe_expected(names):
    shown = []
    for n in names:
        text = _TERMINAL_NAMES.get(n, n)
        if text not in shown:
            shown.append(text)
    if len(shown) > 6:
        shown = shown[:6] + ["…"]
    return ", ".join(shown)

"""LaTeX for the oracle's trees, in the spellings people paste from notes.

Each construct has several spellings and a random generator (driven by hypothesis)
chooses one: `\\log`/`\\ln`, `\\frac{a}{b}`/`a/b`, `\\cdot`/juxtaposition/`\\times`,
`(…)`/`\\left(…\\right)`, the usual ways of writing KL, JS, expectations and integrals.
A spelling is used only where it is unambiguous under the conventions every reader
shares: an unbracketed function (`\\log a`) only as the last factor of a product, `a/b`
only between atoms and never inside a product, juxtaposition before a bracket only
after a number or a declared symbol (an undeclared letter before brackets would be a
function application).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import singledispatch

from .expr import (COMPLEX, SYMBOLS, Add, CrossEntropy, Dens, Div, Entropy, Exp, Expect,
                   Integral, JS, KL, Log, Mul, Neg, Num, Pow, Sqrt, Sym)

SUM, NEG, PRODUCT, ATOM = 1, 2, 3, 5


@dataclass(frozen=True)
class Tex:
    text: str
    prec: int
    greedy: bool = False        # an unbracketed function: takes the product that follows
    slash: bool = False         # written with `/`: never juxtaposed or multiplied
    closes_dx: bool = False     # ends with a differential: needs `\cdot` after it
    joins_bracket: bool = False  # may stand right before `(` as a factor (number, declared symbol)


class Renderer:
    """Renders nodes; `rng` (a random.Random, from hypothesis) picks each spelling."""

    def __init__(self, rng):
        self.rng = rng
        self.binders = 0         # how many expectations/integrals enclose what is rendered

    def pick(self, *options):
        return options[self.rng.randrange(len(options))]

    def bracket(self, text, square=False):
        if square:
            return self.pick(f"[{text}]", rf"\left[{text}\right]")
        return self.pick(f"({text})", rf"\left({text}\right)", rf"\left( {text} \right)")

    def render(self, node, greedy_ok=True, slash_ok=False) -> Tex:
        return _render(node, self, greedy_ok, slash_ok)

    def operand(self, node, least, greedy_ok=False) -> str:
        """`node` as an operand that needs precedence at least `least`, bracketed if not."""
        t = self.render(node, greedy_ok=greedy_ok)
        if t.prec < least or t.slash:
            return self.bracket(self.render(node).text)
        return t.text

    def top(self, node) -> str:
        return self.render(node, greedy_ok=True, slash_ok=True).text

    def body(self, node, **how) -> Tex:
        """`node` under one more binder (the body of an expectation or integral)."""
        self.binders += 1
        try:
            return self.render(node, **how)
        finally:
            self.binders -= 1


@singledispatch
def _render(node, r, greedy_ok, slash_ok) -> Tex:
    raise TypeError(f"no renderer for {type(node).__name__}")


def _decimal(value: Fraction):
    """`value` as an exact decimal string, or None when it has no finite expansion."""
    den, twos, fives = value.denominator, 0, 0
    while den % 2 == 0:
        den, twos = den // 2, twos + 1
    while den % 5 == 0:
        den, fives = den // 5, fives + 1
    if den != 1:
        return None
    places = max(twos, fives)
    digits = str(value.numerator * 10 ** places // value.denominator).rjust(places + 1, "0")
    return digits[:-places] + "." + digits[-places:]


@_render.register
def _(node: Num, r, greedy_ok, slash_ok):
    v = node.value
    if v.denominator == 1:
        return Tex(str(v.numerator), ATOM, joins_bracket=True)
    options = [Tex(rf"\frac{{{v.numerator}}}{{{v.denominator}}}", ATOM, joins_bracket=True)]
    if _decimal(v) is not None:
        options.append(Tex(_decimal(v), ATOM, joins_bracket=True))
    if slash_ok:
        options.append(Tex(f"{v.numerator}/{v.denominator}", PRODUCT, slash=True))
    return r.pick(*options)


@_render.register
def _(node: Sym, r, greedy_ok, slash_ok):
    return Tex(node.name, ATOM, joins_bracket=SYMBOLS[node.name] != COMPLEX)


@_render.register
def _(node: Dens, r, greedy_ok, slash_ok):
    return Tex(r.pick(f"{node.name}(x)", rf"{node.name}\left(x\right)", node.name), ATOM)


@_render.register
def _(node: Add, r, greedy_ok, slash_ok):
    parts = []
    for i, term in enumerate(node.terms):
        if i and isinstance(term, Neg):
            parts.append(" - " + r.operand(term.arg, PRODUCT, greedy_ok=True))
        elif i:
            text = r.render(term, greedy_ok=True, slash_ok=True).text
            parts.append(" + " + (r.bracket(text) if text.startswith("-") else text))
        else:
            parts.append(r.render(term, greedy_ok=True, slash_ok=True).text)
    return Tex("".join(parts), SUM)


@_render.register
def _(node: Neg, r, greedy_ok, slash_ok):
    return Tex("-" + r.operand(node.arg, PRODUCT, greedy_ok=greedy_ok), NEG)


def _single_letter(node):
    return isinstance(node, Sym) and len(node.name) == 1


@_render.register
def _(node: Mul, r, greedy_ok, slash_ok):
    rendered = []
    last = len(node.factors) - 1
    for i, f in enumerate(node.factors):
        t = r.render(f, greedy_ok=greedy_ok and i == last)
        if t.prec < PRODUCT or t.slash or (t.greedy and i != last):
            t = Tex(r.bracket(r.render(f).text), ATOM)
        rendered.append(t)
    text = rendered[0].text
    for i in range(1, len(rendered)):
        left, right = rendered[i - 1], rendered[i]
        seps = [r" \cdot ", r" \times "]
        starts_bracket = right.text.startswith(("(", r"\left", "["))
        if (not left.closes_dx and not right.text[0].isdigit() and not right.text.startswith(".")
                and (not starts_bracket or left.joins_bracket)):
            seps += [" ", " "]
            if _single_letter(node.factors[i - 1]) and _single_letter(node.factors[i]):
                seps.append("")
        text += r.pick(*seps) + right.text
    return Tex(text, PRODUCT, greedy=rendered[-1].greedy, closes_dx=rendered[-1].closes_dx)


@_render.register
def _(node: Div, r, greedy_ok, slash_ok):
    simple = (Sym, Num, Dens)
    if slash_ok and isinstance(node.num, simple) and isinstance(node.den, simple) and r.pick(0, 1):
        num = r.render(node.num)
        den = r.render(node.den)
        if num.prec == ATOM and den.prec == ATOM and "frac" not in num.text + den.text:
            return Tex(f"{num.text}/{den.text}", PRODUCT, slash=True)
    return Tex(rf"\frac{{{r.top(node.num)}}}{{{r.top(node.den)}}}", ATOM, joins_bracket=True)


@_render.register
def _(node: Pow, r, greedy_ok, slash_ok):
    base = r.render(node.base, greedy_ok=False)
    plain = (isinstance(node.base, (Sym, Dens)) or
             (isinstance(node.base, Num) and node.base.value.denominator == 1))
    text = base.text if plain and base.prec == ATOM else r.bracket(r.top(node.base))
    n = node.exp
    exponent = r.pick(f"^{n}", f"^{{{n}}}") if 0 <= n <= 9 else f"^{{{n}}}"
    return Tex(text + exponent, ATOM)


@_render.register
def _(node: Sqrt, r, greedy_ok, slash_ok):
    return Tex(rf"\sqrt{{{r.top(node.arg)}}}", ATOM)


def _bare_argument(node):
    """Arguments a function may take without brackets: `\\log a`, `\\log p(x)`, `\\log \\frac{a}{b}`."""
    return (isinstance(node, (Sym, Dens, Sqrt)) or
            (isinstance(node, Num) and node.value.denominator == 1) or
            (isinstance(node, Div)) or
            (isinstance(node, Pow) and isinstance(node.base, (Sym, Dens))))


def _function(r, head, arg, greedy_ok):
    if greedy_ok and _bare_argument(arg) and r.pick(0, 1):
        inner = r.render(arg)
        if not inner.slash:
            return Tex(f"{head} {inner.text}", ATOM, greedy=True)
    return Tex(head + r.bracket(r.top(arg)), ATOM)


@_render.register
def _(node: Log, r, greedy_ok, slash_ok):
    if node.base is None:
        head = r.pick(r"\log", r"\ln")
    else:
        head = r.pick(rf"\log_{{{node.base}}}", rf"\log_{node.base}" if node.base < 10 else
                      rf"\log_{{{node.base}}}")
    return _function(r, head, node.arg, greedy_ok)


@_render.register
def _(node: Exp, r, greedy_ok, slash_ok):
    if r.pick(0, 1):
        return Tex(rf"e^{{{r.top(node.arg)}}}", ATOM)
    return Tex(r"\exp" + r.bracket(r.top(node.arg)), ATOM)


@_render.register
def _(node: Expect, r, greedy_ok, slash_ok):
    d = node.dens
    sub = r.pick(rf"x\sim {d}", rf"x \sim {d}", rf"x\sim {d}(x)", rf"x \sim {d}(x)", d)
    body = r.body(node.body, greedy_ok=True, slash_ok=True).text
    return Tex(rf"\mathbb{{E}}_{{{sub}}}" + r.bracket(body, square=True), ATOM)


@_render.register
def _(node: Integral, r, greedy_ok, slash_ok):
    body = r.body(node.body, greedy_ok=True)
    if body.prec < PRODUCT or body.slash:
        body = Tex(r.bracket(r.body(node.body, greedy_ok=True, slash_ok=True).text), ATOM)
    text = body.text
    dx = r.pick(r" \, dx", r"\,dx", r" \,\mathrm{d}x", r" \, \mathrm{d}x", " dx")
    return Tex(rf"\int {text}{dx}", ATOM, closes_dx=True)


def _divergence(r, heads, p, q):
    head = r.pick(*heads)
    # `D(p(x) || q(x))` names the densities; under a binder it could read as their values
    args = r.pick((p, q), (p, q), (p, q), (f"{p}(x)", f"{q}(x)")) if not r.binders else (p, q)
    sep = r.pick(r"\|", r" \| ", r" \,\|\, ", r" \parallel ")
    return Tex(head + r.bracket(args[0] + sep + args[1]), ATOM)


@_render.register
def _(node: KL, r, greedy_ok, slash_ok):
    return _divergence(r, ("D_{KL}", r"D_{\mathrm{KL}}", r"\operatorname{KL}", "KL"), node.p, node.q)


@_render.register
def _(node: JS, r, greedy_ok, slash_ok):
    return _divergence(r, ("D_{JS}", r"D_{\mathrm{JS}}"), node.p, node.q)


@_render.register
def _(node: Entropy, r, greedy_ok, slash_ok):
    return Tex("H" + r.bracket(node.p), ATOM)


@_render.register
def _(node: CrossEntropy, r, greedy_ok, slash_ok):
    return Tex("H" + r.bracket(node.p + r.pick(", ", ",") + node.q), ATOM)


RELATION_TEX = {"=": ("=",), "<=": (r"\le", r"\leq"), "<": ("<",), ">=": (r"\ge", r"\geq"),
                ">": (">",), "!=": (r"\ne", r"\neq")}


def render_chain(sides, relations, rng) -> str:
    """The display math of `sides[0] rel[0] sides[1] rel[1] …`, in one of the wrappers
    people paste: \\[…\\], $$…$$, equation, or align* with one row per step."""
    r = Renderer(rng)
    texts = [r.top(s) for s in sides]
    rels = [r.pick(*RELATION_TEX[rel]) for rel in relations]
    style = r.pick("brackets", "dollars", "equation", "align")
    if style == "align":
        rows = [f"{texts[0]} &{rels[0]} {texts[1]}"]
        rows += [f"  &{rel} {t}" for rel, t in zip(rels[1:], texts[2:])]
        return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}"
    line = texts[0] + "".join(f" {rel} {t}" for rel, t in zip(rels, texts[1:]))
    if style == "brackets":
        return f"\\[ {line} \\]"
    if style == "dollars":
        return f"$$ {line} $$"
    return f"\\begin{{equation}}\n{line}\n\\end{{equation}}"

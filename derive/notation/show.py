"""Terms as plain text: how derive read a formula, for people (`--show-reading`, messages).

The form is canonical and close to what a mathematician writes on a board:
`∫ p_θ(x) · log D*(x) dx`, `E_{x~p}[log q(x)]`, `KL(p ‖ q)`, `Σ_{i=1}^{n} x(i)`. Every
name is shown by its LaTeX spelling made plain (`\\theta` → θ, `D^{\\star}` → D*); bound
variables print with their own letter. Operators print by their registry entry.
"""

from __future__ import annotations

import re
import unicodedata

from derive.model.terms import (
    Add, At, Call, Const, Defined, Dens, Deriv, Dist, Expect, Extremum, Family, Fn, Integral,
    Limit, Mul, Num, Op, Optimum, Pow, Product, Sum, Sym, nodes,
)
from derive.notation import families, registry

_GREEK = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron "
          "pi rho sigma tau upsilon phi chi psi omega").split()
_PLAIN = {**{f"\\{g}": unicodedata.lookup("GREEK SMALL LETTER " + g.upper().replace("LAMBDA", "LAMDA"))
             for g in _GREEK},
          **{f"\\{g.capitalize()}": unicodedata.lookup("GREEK CAPITAL LETTER " + g.upper().replace("LAMBDA", "LAMDA"))
             for g in _GREEK},
          r"\varepsilon": "ε", r"\vartheta": "ϑ", r"\varphi": "φ", r"\ell": "ℓ",
          r"\infty": "∞", "^{\\star}": "*", "^{\\dagger}": "†", "^{\\prime}": "′"}
# A font around letters prints as the letters in that alphabet (`\mathcal{J}` → 𝒥,
# `\mathbb{R}` → ℝ); an upright or bold font as the letters themselves (`\mathrm{KL}`).
_FONT = re.compile(r"\\(mathcal|mathscr|mathbb|mathfrak|mathrm|mathbf|mathsf|mathit|mathtt|"
                   r"boldsymbol|bm|text|textrm|operatorname)\{([^{}]*)\}")
_ALPHABETS = {"mathcal": ("MATHEMATICAL SCRIPT", "SCRIPT"),
              "mathscr": ("MATHEMATICAL SCRIPT", "SCRIPT"),
              "mathbb": ("MATHEMATICAL DOUBLE-STRUCK", "DOUBLE-STRUCK"),
              "mathfrak": ("MATHEMATICAL FRAKTUR", "BLACK-LETTER")}
_CONSTANTS = {"e": "e", "pi": "π", "i": "i", "oo": "∞"}
_ADD, _MUL, _POW = 1, 2, 3          # binding strengths, for brackets


INDEXED = "_{\\cdot}"          # the spelling of an indexed family's name (x_i is x_·(i))
# The base of a family indexed by a parenthesised superscript: x^{(i)} is x^{(\cdot)}_·(i)
LABELLED = "^{(\\cdot)}"


def member_latex(family, index):
    """The LaTeX of a family's member at the index text `index`: `x_{2}` of `x_{\\cdot}`,
    `x^{(2)}` of `x^{(\\cdot)}_{\\cdot}` (`frontend.latex.labelled_families`)."""
    base = family.removesuffix(INDEXED)
    if base.endswith(LABELLED):
        return base.removesuffix(LABELLED) + "^{(" + index + ")}"
    return base + "_{" + index + "}"
_ACCENTS = {"tilde": "\u0303", "hat": "\u0302", "bar": "\u0304", "dot": "\u0307",
            "ddot": "\u0308", "vec": "\u20d7", "check": "\u030c", "breve": "\u0306",
            "mathring": "\u030a", "underline": "\u0332"}


def plain(latex):
    """A canonical LaTeX name as plain text: `\\theta` → θ, `p_{\\theta}` → p_θ,
    `\\tilde{p}` → p̃."""
    latex = _FONT.sub(lambda m: "".join(_in_font(m.group(1), c) for c in m.group(2)), latex)
    for command, text in sorted(_PLAIN.items(), key=lambda kv: -len(kv[0])):
        latex = latex.replace(command, text)
    latex = re.sub(r"\\(%s)\{([^{}]*)\}" % "|".join(_ACCENTS),
                   lambda m: m.group(2) + _ACCENTS[m.group(1)], latex)
    latex = latex.replace(INDEXED.replace("\\", ""), "_·").replace("cdot}", "·}")
    return latex.replace("_{", "_").replace("{", "").replace("}", "").replace("\\", "")


def _in_font(font, char):
    """One character of a font's argument as plain text: a letter in that alphabet where
    Unicode has it (some live among the letterlike symbols: ℒ, ℝ, ℭ), else as written."""
    if font not in _ALPHABETS or not char.isascii() or not char.isalpha():
        return char
    case = "CAPITAL" if char.isupper() else "SMALL"
    for prefix in _ALPHABETS[font]:
        try:
            return unicodedata.lookup(f"{prefix} {case} {char.upper()}")
        except KeyError:
            continue
    return char


def show(term):
    """The plain-text reading of a term."""
    return show_all(term)[0]


def show_all(*terms):
    """The readings of several terms that share their names (the two sides of a step):
    two different names spelled alike are told apart — the first keeps its spelling, the
    others get primes (`x`, `x′`) — so a bound letter read as a free one shows. A name a
    binder writes (`\\sum_{k=1}^{3} k`, `dx`) comes after a free one (`Σ_{k′=1}^{3} k′ =
    3 · k`): the free letter is the author's quantity, named so in hypotheses and
    counterexamples, and the binder's letter is primed everywhere it ranges."""
    global _MARKS, _OVERS
    by_latex, binders = {}, set()
    for term in terms:
        for t in nodes(term):
            binders.add(getattr(t, "var", None))
            for name in _names_in(t):
                found = by_latex.setdefault(name.latex, [])
                if name not in found:
                    found.append(name)
    saved, _MARKS = _MARKS, {n: "′" * k for names in by_latex.values()
                             for k, n in enumerate(sorted(names, key=binders.__contains__))}
    saved_overs, _OVERS = _OVERS, _marginals(terms)
    try:
        return [_show(t, 0) for t in terms]
    finally:
        _MARKS, _OVERS = saved, saved_overs


_MARKS = {}
_OVERS = frozenset()        # distributions shown with their variables (joint and marginals meet)


def _marginals(terms):
    """The names of distributions written over different variables in the terms (a joint
    and its marginals), or at a point that is another of their variables (p over x at y,
    y a variable of a distribution of the step): they print with their variables,
    `p(x, y)`, `p(x)`, `p(X=y)`."""
    overs, variables, points = {}, set(), []
    for term in terms:
        for t in nodes(term):
            if isinstance(t, Dist):
                overs.setdefault(t.name, set()).add(t.over)
                variables.update(t.over + t.given)
            elif isinstance(t, Dens) and isinstance(t.dist, Dist):
                points.append(t)
    crossed = {t.dist.name for t in points for v, a in zip(t.dist.over, t.at)
               if isinstance(a, Sym) and v not in (a.name, a.name.origin) and
               variables & {a.name, a.name.origin}}
    return frozenset(name for name, found in overs.items() if len(found) > 1) | crossed


def _names_in(t):
    """The names a node prints (not the variables a distribution is declared over)."""
    if isinstance(t, Dist):
        formula = _formula(t)
        if formula is None:
            yield t.name
        else:
            for u in nodes(formula):
                yield from _names_in(u)
        return
    for a in t.args:
        if hasattr(a, "serial"):
            yield a


def _name(name):
    return plain(name.latex) + _MARKS.get(name, "")


def _wrap(text, strength, context):
    return f"({text})" if strength < context else text


def _member(function, arguments):
    """A member of an indexed family (or of a definition with an index) at `arguments`."""
    (first, *more) = arguments
    shown = ", ".join(_show(a, 0) for a in arguments)
    atomic = not more and (isinstance(first, Sym) or isinstance(first, Num) and
                           first.value.denominator == 1 and first.value >= 0)
    base = function.latex.removesuffix(INDEXED)
    if base.endswith(LABELLED):                 # x^{(i)}: the label as written
        return f"{plain(base.removesuffix(LABELLED))}{_MARKS.get(function, '')}^({shown})"
    family = plain(function.latex)[:-len('_·')] + _MARKS.get(function, "")
    return f"{family}_{shown}" if atomic else f"{family}_({shown})"


def _show(t, context):
    kind = type(t)
    if kind is Num:
        v = t.value
        text = str(v.numerator) if v.denominator == 1 else f"{v.numerator}/{v.denominator}"
        return _wrap(text, _MUL if v.denominator != 1 or v < 0 else _POW + 1, context)
    if kind is Const:
        return _CONSTANTS[t.name]
    if kind is Sym:
        return _name(t.name)
    if kind is Add:              # a limit or an optimum first would seem to take the rest
        out = _show(t.args[0], _ADD + isinstance(t.args[0], (Limit, Optimum)))
        for a in t.args[1:]:
            if _negated(a) is not None:
                out += " - " + _show(_negated(a), _ADD + 1)
            else:
                out += " + " + _show(a, _ADD + 1)
        return _wrap(out, _ADD, context)
    if kind is Mul:
        return _wrap(_product(t), _MUL, context)
    if kind is Pow:
        return _wrap(f"{_show(t.base, _POW + 1)}^{_show(t.exponent, _POW + 1)}", _POW, context)
    if kind is Fn and t.fname == "root":          # the real odd root
        u, n = t.operands
        return f"{'∛' if n.value == 3 else f'root_{n.value}'}({_show(u, 0)})"
    if kind is Fn and t.fname == "gamma":         # Euler's Γ (a family's normaliser)
        return f"Γ({_show(t.operands[0], 0)})"
    if kind is Fn:
        return f"{t.fname}({', '.join(_show(a, 0) for a in t.operands)})"
    if kind is Call:
        if t.function.latex.endswith(INDEXED):          # an indexed family: x_i, x_(i + 1), x′_i
            return _member(t.function, t.arguments)
        return f"{_name(t.function)}({', '.join(_show(a, 0) for a in t.arguments)})"
    if kind is Dens:
        return _density(t)
    if kind in (Dist, Family):
        return _distribution(t)
    if kind is Defined and t.name.latex.endswith(INDEXED):    # define \hat{y}_j: ŷ_k
        (index, *arguments) = t.arguments                      # define h_i(t): h_k(2)
        member = _member(t.name, (index,))
        return f"{member}({', '.join(_show(a, 0) for a in arguments)})" if arguments else member
    if kind is Defined:
        name = _name(t.name)
        if t.arguments and name.endswith(")") and "(" in name:   # a quantity named by its
            name = name[:name.index("(")]            # head, at a bound variable: f(x′)
        return f"{name}({', '.join(_show(a, 0) for a in t.arguments)})" if t.arguments else name
    if kind in (Integral, Sum, Product):
        return _wrap(_binder(t), _MUL, context)
    if kind is Expect:
        return f"E_{{{_name(t.var)}~{_distribution(t.dist)}}}[{_show(t.body, 0)}]"
    if kind is Op:
        op = registry.BY_KEY[t.key]
        if op.takes == "variables":          # I(X; Y) of random variables: their letters
            return op.show([_random_variables(a) for a in t.arguments])
        return op.show([_distribution(a) if isinstance(a, (Dist, Family)) else _show(a, 0)
                        for a in t.arguments])
    if kind is Deriv:
        return _wrap(f"d/d{_name(t.var)} {_show(t.body, _POW)}", _MUL, context)
    if kind is At:
        return f"[{_show(t.body, 0)}]_{{{_name(t.var)}={_show(t.value, 0)}}}"
    if kind is Limit:
        infinite = t.point == Const("oo") or t.point == Mul(Num(-1), Const("oo"))
        side = "" if infinite else {"+": "⁺", "-": "⁻"}.get(t.direction, "")  # ∞ from below
        return _wrap(f"lim_{{{_name(t.var)}→{_show(t.point, 0)}{side}}} {_show(t.body, _ADD)}",
                     _ADD, context)
    if kind is Optimum:
        low, high, closed = t.interval
        unbounded = low == Mul(Num(-1), Const("oo")) and high == Const("oo")
        where = f"∈{_name(t.over)}" if t.over is not None else "" if unbounded else \
            f"∈{closed[0]}{_show(low, 0)}, {_show(high, 0)}{closed[1]}"
        return _wrap(f"{t.kind}_{{{_name(t.var)}{where}}} {_show(t.body, _ADD)}", _ADD, context)
    if kind is Extremum:
        return _wrap(f"{t.kind}_{{{_name(t.var)}={_show(t.lower, 0)}..{_show(t.upper, 0)}}} "
                     f"{_show(t.body, _ADD)}", _ADD, context)
    return repr(t)


def _negated(t):
    if isinstance(t, Mul) and isinstance(t.args[0], Num) and t.args[0].value == -1:
        rest = t.args[1:]
        return rest[0] if len(rest) == 1 else Mul(*rest)
    if isinstance(t, Num) and t.value < 0:
        return Num(-t.value)
    return None


def _product(t):
    factors = list(t.args)
    if factors and isinstance(factors[0], Num) and factors[0].value == -1 and len(factors) > 1:
        rest = factors[1:]
        return "-" + _product(Mul(*rest)) if len(rest) > 1 else "-" + _show(rest[0], _MUL + 1)
    top, bottom = [], []
    for f in factors:
        if isinstance(f, Pow) and isinstance(f.exponent, Num) and f.exponent.value == -1:
            bottom.append(_show(f.base, _MUL + 1))
        else:
            top.append(_show(f, _MUL + 1))
    text = " · ".join(top) if top else "1"
    return text + "".join(f" / {b}" for b in bottom)


def _binder(t):
    var = _name(t.var)
    limits = ""
    if t.lower is not None:
        limits = f"_{{{_show(t.lower, 0)}}}^{{{_show(t.upper, 0)}}}"
    if isinstance(t, Integral) and not isinstance(t, (Sum, Product)):
        return f"∫{limits} {_show(t.body, _MUL)} d{var}"
    symbol = "Σ" if isinstance(t, Sum) else "Π"
    if t.lower is not None:
        return f"{symbol}_{{{var}={_show(t.lower, 0)}}}^{{{_show(t.upper, 0)}}} {_show(t.body, _MUL)}"
    return f"{symbol}_{{{var}}} {_show(t.body, _MUL)}"


def _distribution(d):
    family = families.inline(d)
    if family is not None:
        return f"{family.family}({', '.join(_show(p, 0) for p in family.params)})"
    formula = _formula(d)
    if formula is not None:                # a density given by a formula: (p(x) · p(y))
        return f"({_show(formula, 0)})"
    name = _name(d.name)
    if d.name in _OVERS:
        inside = ", ".join(_name(v) for v in d.over)
        if d.given:
            inside += "|" + ", ".join(_show(c, 0) for c in d.cond)
        if d.params:
            inside += "; " + ", ".join(_show(c, 0) for c in d.params)
        return f"{name}({inside})"
    if d.given:
        return f"{name}(·|{', '.join(_show(c, 0) for c in d.cond)})"
    if d.params:
        return f"{name}(·; {', '.join(_show(c, 0) for c in d.params)})"
    return name


def _point(variable, value):
    """A density's point in its variable's position: the variable (or a bound copy) as
    itself, any other value with the variable's capital, `X=y`."""
    if isinstance(value, Sym) and variable in (value.name, value.name.origin):
        return _show(value, 0)
    return f"{_name(variable).upper()}={_show(value, 0)}"


def _formula(d):
    local = d.name.local
    return getattr(local.info, "expression", None) if local is not None else None


def _random_variables(d):
    """The random variables a marginal stands for: `X, Y`, or `Y | X=x` for a conditional
    law at a value."""
    text = ", ".join(_name(v).upper() for v in d.over)
    if d.given:
        text += " | " + ", ".join(f"{_name(v).upper()}={_show(c, 0)}"
                                  for v, c in zip(d.given, d.cond))
    return text


def _density(t):
    """`p(x)`, `p(y | x)`, `p(x; θ)`. A distribution whose joint and marginals meet in the
    step names the variable of each point that is not that variable itself: p over x at y
    is `p(X=y)`, never `p(y)` beside p over y."""
    d = t.dist
    named = isinstance(d, Dist) and d.name in _OVERS and len(d.over) == len(t.at) and \
        len(d.given) == len(d.cond)
    at = ", ".join(_point(v, a) for v, a in zip(d.over, t.at)) if named else \
        ", ".join(_show(a, 0) for a in t.at)
    family = families.inline(d)
    if family is not None:
        return f"{family.family}({at}; {', '.join(_show(p, 0) for p in family.params)})"
    name = _name(d.name)
    params = f"; {', '.join(_show(c, 0) for c in d.params)}" if d.params else ""
    if d.given:
        cond = ", ".join(_point(v, c) for v, c in zip(d.given, d.cond)) if named else \
            ", ".join(_show(c, 0) for c in d.cond)
        return f"{name}({at} | {cond}{params})"
    return f"{name}({at}{params})"

"""Sums, joints and conditionals: statements about one joint mass function of (x, y), with
an evaluator of its own (exact tables, mpmath logs) — independent of derive.

A tree is a tuple: ("num", Fraction), ("p", a, b) the joint p(a, b), ("px", a), ("py", b)
the marginals, ("y|x", b, a) = p(b | a), ("x|y", a, b) = p(a | b), ("add", s, t),
("mul", s, t), ("neg", s), ("div", s, t), ("log", s), ("sum", v, body) over v ∈ {x, y},
("card", v) = |𝒳| or |𝒴|, and the information quantities ("H", "X"), ("H", "Y"),
("H", "XY"), ("H", "Y|X"), ("H", "X|Y"), ("I",). Arguments a, b are the letters "x", "y"
(the bound or free variable of that name). Free letters mean: for every value.

Truth: the true identities and bounds of `TEMPLATES` (chain rule, marginalisation, Bayes,
normalisation, the entropy and mutual-information identities, I ≥ 0, conditioning reduces
entropy, H ≤ log |𝒳|) are checked by the evaluator on every instance (an `OracleBug` if
not); each is then moved (a term added to both sides, a positive factor) and possibly
edited once by `EDITS` (swapped conditioning, a marginal for another, a sum over the other
variable, a sign, a relation) — an edited step counts as false only where the evaluator
shows it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from fractions import Fraction

import mpmath

from .statement import OracleBug

DIGITS = 50
CLEAR = mpmath.mpf("1e-8")


# --------------------------------------------------------------------------- instances

@dataclass(frozen=True)
class Table:
    """A joint mass function on {0..m-1} × {0..n-1}: positive Fractions summing to 1."""
    joint: tuple
    label: str = ""

    @property
    def sizes(self):
        return len(self.joint), len(self.joint[0])

    def describe(self):
        return f"[{self.label}] p = {[[float(v) for v in row] for row in self.joint]}"


def _table(rng, m, n, label, independent=False):
    if independent:
        a = [Fraction(rng.randint(1, 9)) for _ in range(m)]
        b = [Fraction(rng.randint(1, 9)) for _ in range(n)]
        raw = [[x * y for y in b] for x in a]
    else:
        raw = [[Fraction(rng.randint(1, 30)) for _ in range(n)] for _ in range(m)]
    total = sum(sum(r) for r in raw)
    return Table(tuple(tuple(v / total for v in r) for r in raw), label)


def make_tables(seed=7):
    rng = random.Random(seed)
    out = [_table(rng, m, n, f"{m}x{n}") for m, n in ((2, 2), (2, 3), (3, 2), (4, 3), (3, 5))]
    out.append(_table(rng, 3, 3, "independent", independent=True))
    return out


TABLES = make_tables()


# --------------------------------------------------------------------------- evaluator

class Undefined(ArithmeticError):
    pass


def _px(t, a):
    return sum(t.joint[a])


def _py(t, b):
    return sum(row[b] for row in t.joint)


def _mp(q):
    return mpmath.mpf(q.numerator) / q.denominator


def _ev(node, t, env):
    kind = node[0]
    if kind == "num":
        return _mp(node[1])
    if kind == "p":
        return _mp(t.joint[env[node[1]]][env[node[2]]])
    if kind == "px":
        return _mp(_px(t, env[node[1]]))
    if kind == "py":
        return _mp(_py(t, env[node[1]]))
    if kind == "y|x":
        a, b = env[node[2]], env[node[1]]
        return _mp(t.joint[a][b] / _px(t, a))
    if kind == "x|y":
        a, b = env[node[1]], env[node[2]]
        return _mp(t.joint[a][b] / _py(t, b))
    if kind == "add":
        return _ev(node[1], t, env) + _ev(node[2], t, env)
    if kind == "mul":
        return _ev(node[1], t, env) * _ev(node[2], t, env)
    if kind == "neg":
        return -_ev(node[1], t, env)
    if kind == "div":
        den = _ev(node[2], t, env)
        if den == 0:
            raise Undefined("division by zero")
        return _ev(node[1], t, env) / den
    if kind == "log":
        value = _ev(node[1], t, env)
        if value == 0:
            raise Undefined("log 0")
        return mpmath.log(value)
    if kind == "sum":
        var = node[1]
        size = t.sizes[0 if var == "x" else 1]
        return mpmath.fsum(_ev(node[2], t, {**env, var: k}) for k in range(size))
    if kind == "card":
        return mpmath.mpf(t.sizes[0 if node[1] == "x" else 1])
    if kind == "H":
        return _entropy(node[1], t)
    if kind == "I":
        return _entropy("X", t) + _entropy("Y", t) - _entropy("XY", t)
    raise TypeError(kind)


def _entropy(which, t):
    m, n = t.sizes
    cells = [(a, b) for a in range(m) for b in range(n)]
    if which == "X":
        return -mpmath.fsum(_mp(_px(t, a)) * mpmath.log(_mp(_px(t, a))) for a in range(m))
    if which == "Y":
        return -mpmath.fsum(_mp(_py(t, b)) * mpmath.log(_mp(_py(t, b))) for b in range(n))
    if which == "XY":
        return -mpmath.fsum(_mp(t.joint[a][b]) * mpmath.log(_mp(t.joint[a][b])) for a, b in cells)
    if which == "Y|X":
        return _entropy("XY", t) - _entropy("X", t)
    return _entropy("XY", t) - _entropy("Y", t)


def free_letters(node, bound=()):
    kind = node[0]
    if kind in ("p", "y|x", "x|y"):
        return {v for v in node[1:] if v not in bound}
    if kind in ("px", "py"):
        return {node[1]} - set(bound)
    if kind == "sum":
        return free_letters(node[2], bound + (node[1],))
    out = set()
    for k in node[1:]:
        if isinstance(k, tuple):
            out |= free_letters(k, bound)
    return out


def _assignments(letters, t):
    envs = [{}]
    for v in sorted(letters):
        size = t.sizes[0 if v == "x" else 1]
        envs = [{**e, v: k} for e in envs for k in range(size)]
    return envs


def _holds(rel, lhs, rhs):
    scale = max(mpmath.mpf(1), abs(lhs), abs(rhs))
    diff = (lhs - rhs) / scale
    zero = mpmath.mpf(10) ** -(DIGITS - 12)
    if rel == "=":
        return True if abs(diff) < zero else (False if abs(diff) > CLEAR else None)
    if rel in (">=", ">"):
        diff = -diff
    if rel in ("<=", ">="):
        return True if diff <= zero else (False if diff > CLEAR else None)
    return True if diff < -CLEAR else (False if diff >= -zero else None)


def decide(rel, lhs, rhs):
    """(truth, witness): False when some table and values clearly violate it, True when
    every one satisfies it, None otherwise."""
    letters = free_letters(lhs) | free_letters(rhs)
    unclear = False
    with mpmath.workdps(DIGITS):
        for t in TABLES:
            for env in _assignments(letters, t):
                try:
                    verdict = _holds(rel, _ev(lhs, t, env), _ev(rhs, t, env))
                except Undefined:
                    unclear = True
                    continue
                if verdict is False:
                    return False, t
                unclear = unclear or verdict is None
    return (None if unclear else True), None


# --------------------------------------------------------------------------- templates

def num(q):
    return ("num", Fraction(q))


def add(a, b):
    return ("add", a, b)


def mul(a, b):
    return ("mul", a, b)


def neg(a):
    return ("neg", a)


def log(a):
    return ("log", a)


def sum_(v, body):
    return ("sum", v, body)


P, PX, PY = ("p", "x", "y"), ("px", "x"), ("py", "y")
YX, XY = ("y|x", "y", "x"), ("x|y", "x", "y")
HX, HY, HXY, HYX, HXY_ = ("H", "X"), ("H", "Y"), ("H", "XY"), ("H", "Y|X"), ("H", "X|Y")
MI = ("I",)

TEMPLATES = (
    ("sum rule", sum_("y", P), "=", PX),
    ("sum rule over x", sum_("x", P), "=", PY),
    ("product rule", P, "=", mul(YX, PX)),
    ("product rule, other way", P, "=", mul(XY, PY)),
    ("Bayes", YX, "=", ("div", mul(XY, PY), PX)),
    ("conditional normalised", sum_("y", YX), "=", num(1)),
    ("total probability", PX, "=", sum_("y", mul(XY, PY))),
    ("joint normalised", sum_("x", sum_("y", P)), "=", num(1)),
    ("chain rule of entropy", HXY, "=", add(HX, HYX)),
    ("chain rule of entropy, other way", HXY, "=", add(HY, HXY_)),
    ("mutual information", MI, "=", add(HX, neg(HXY_))),
    ("mutual information, symmetric", MI, "=", add(HY, neg(HYX))),
    ("mutual information, three entropies", MI, "=", add(add(HX, HY), neg(HXY))),
    ("conditional entropy as a sum", HYX, "=", neg(sum_("x", sum_("y", mul(P, log(YX)))))),
    ("entropy as a sum", HX, "=", neg(sum_("x", mul(PX, log(PX))))),
    ("mutual information as a sum", MI, "=",
     sum_("x", sum_("y", mul(P, log(("div", P, mul(PX, PY))))))),
    ("conditional entropy as an average", HYX, "=",
     sum_("x", mul(PX, neg(sum_("y", mul(YX, log(YX))))))),
    ("mutual information is non-negative", MI, ">=", num(0)),
    ("conditioning reduces entropy", HXY_, "<=", HX),
    ("entropy is non-negative", HY, ">=", num(0)),
    ("mutual information is at most an entropy", MI, "<=", HY),
    ("entropy is at most log of the range", HX, "<=", log(("card", "x"))),
    ("joint entropy is at least a marginal's", HXY, ">=", HX),
)


def _swap_letters(node):
    """x and y exchanged everywhere (p(x|y) for p(y|x), p(y) for p(x), H(Y) for H(X), …)."""
    swap = {"x": "y", "y": "x", "X": "Y", "Y": "X", "px": "py", "py": "px", "y|x": "x|y",
            "x|y": "y|x", "XY": "XY", "Y|X": "X|Y", "X|Y": "Y|X"}
    if node[0] in ("num", "I"):
        return node
    if node[0] == "p":
        return node                          # the joint at (x, y) is itself
    return tuple(swap.get(k, k) if isinstance(k, str) else _swap_letters(k) for k in node)


def _sites(node, path=()):
    yield path, node
    for i, k in enumerate(node[1:], 1):
        if isinstance(k, tuple):
            yield from _sites(k, path + (i,))


def _put(node, path, new):
    if not path:
        return new
    i = path[0]
    return node[:i] + (_put(node[i], path[1:], new),) + node[i + 1:]


def _edits(node):
    """Single edits of a side: (description, new side)."""
    out = []
    for path, sub in _sites(node):
        kind = sub[0]
        if kind in ("y|x", "x|y"):
            out.append(("conditioning swapped", _put(node, path, _swap_letters(sub))))
        if kind in ("px", "py"):
            out.append(("the other marginal", _put(node, path, _swap_letters(sub))))
        if kind == "sum":
            other = "x" if sub[1] == "y" else "y"
            out.append(("summed over the other variable", _put(node, path, ("sum", other, sub[2]))))
        if kind == "H" and "|" in sub[1]:
            out.append(("conditional entropy the other way", _put(node, path, _swap_letters(sub))))
        if kind == "neg":
            out.append(("sign dropped", _put(node, path, sub[1])))
        if kind == "H" and sub[1] in ("X", "Y"):
            out.append(("the other entropy", _put(node, path, _swap_letters(sub))))
    return out


@dataclass(frozen=True)
class Built:
    sides: tuple
    relation: str
    truth: object
    kind: str
    history: tuple
    witness: object


def build(rng):
    """A statement: a template moved, maybe edited once, and judged."""
    name, lhs, rel, rhs = rng.choice(TEMPLATES)
    history = [name]
    truth, _ = decide(rel, lhs, rhs)
    if truth is not True:
        raise OracleBug(f"template {name!r} is not true on the oracle's tables")
    if rng.random() < 0.4:
        term = rng.choice((HX, MI, log(num(2)), num(Fraction(1, 2)), PX if "x" in
                           free_letters(lhs) | free_letters(rhs) else HY))
        lhs, rhs = add(lhs, term), add(rhs, term)
        history.append("a term added to both sides")
    if rng.random() < 0.3:
        k = num(rng.choice((2, 3, Fraction(1, 2))))
        lhs, rhs = mul(k, lhs), mul(k, rhs)
        history.append("both sides scaled")
    if rng.random() < 0.55:
        side = rng.choice((0, 1))
        edits = _edits((lhs, rhs)[side])
        if edits:
            what, new = rng.choice(edits)
            lhs, rhs = (new, rhs) if side == 0 else (lhs, new)
            history.append(f"edited: {what}")
        elif rel != "=":
            rel = {"<=": ">=", ">=": "<="}[rel]
            history.append("edited: relation reversed")
        truth, witness = decide(rel, lhs, rhs)
        return Built((lhs, rhs), rel, False if truth is False else None, "discrete mutant",
                     tuple(history), witness)
    truth, witness = decide(rel, lhs, rhs)
    if truth is False:
        raise OracleBug(f"a move of template {name!r} is false: {history}")
    return Built((lhs, rhs), rel, True, "discrete identity" if rel == "=" else "discrete bound",
                 tuple(history), None)


# --------------------------------------------------------------------------- LaTeX

HEADER = ("% derive: discrete x in \\mathcal{X}, y in \\mathcal{Y}\n"
          "% derive: joint p over x, y\n")
RELATION = {"=": "=", "<=": r"\le", ">=": r"\ge", "<": "<", ">": ">"}


def render(node, rng, wrap=False):
    """LaTeX for a tree, in spellings drawn from `rng`; `wrap` brackets sums and products."""
    kind = node[0]
    bar = rng.choice(("|", r"\mid"))
    if kind == "num":
        q = node[1]
        return str(q.numerator) if q.denominator == 1 else rf"\frac{{{q.numerator}}}{{{q.denominator}}}"
    if kind == "p":
        return rng.choice((f"p({node[1]}, {node[2]})", f"p({node[1]},{node[2]})",
                           f"p({node[2]}, {node[1]})"))
    if kind in ("px", "py"):
        return f"p({node[1]})"
    if kind == "y|x":
        return f"p({node[1]} {bar} {node[2]})"
    if kind == "x|y":
        return f"p({node[1]} {bar} {node[2]})"
    if kind == "card":
        return r"|\mathcal{X}|" if node[1] == "x" else r"|\mathcal{Y}|"
    if kind == "H":
        text = {"X": "H(X)", "Y": "H(Y)", "XY": rng.choice(("H(X, Y)", "H(X,Y)")),
                "Y|X": f"H(Y {bar} X)", "X|Y": f"H(X {bar} Y)"}[node[1]]
        return text
    if kind == "I":
        return rng.choice(("I(X;Y)", "I(X; Y)"))
    if kind == "add":
        right = node[2]
        if right[0] == "neg":
            text = f"{render(node[1], rng)} - {render(right[1], rng, True)}"
        else:
            text = f"{render(node[1], rng)} + {render(right, rng)}"
        return rf"\left({text}\right)" if wrap else text
    if kind == "neg":
        text = f"-{render(node[1], rng, True)}"
        return rf"\left({text}\right)" if wrap else text
    if kind == "mul":
        text = f"{render(node[1], rng, True)} {render(node[2], rng, True)}"
        return rf"\left({text}\right)" if wrap else text
    if kind == "div":
        return rf"\frac{{{render(node[1], rng)}}}{{{render(node[2], rng)}}}"
    if kind == "log":
        word = rng.choice((r"\log", r"\ln"))
        return word + rf"\left({render(node[1], rng)}\right)"
    if kind == "sum":
        var, body = node[1], node[2]
        space = r"\mathcal{" + var.upper() + "}"
        where = rng.choice((f"_{{{var}}}", f"_{var}", "_{" + var + r" \in " + space + "}"))
        text = rf"\sum{where} {render(body, rng, True)}"
        return rf"\left({text}\right)" if wrap else text
    raise TypeError(kind)


def tex(built, rng):
    lhs, rhs = built.sides
    return HEADER + f"$$ {render(lhs, rng)} {RELATION[built.relation]} {render(rhs, rng)} $$\n"

"""Statements over the real line and about derivatives, with their truth from mpmath alone.

A small world of its own (it shares nothing with derive, and only the `Statement` record
with the rest of the oracle): formulas are tuples `(op, …)` over one variable x or t and
the symbols `s, t` (real) and `a, b` (positive), each with a LaTeX renderer, an mpmath
evaluator and, for derivatives, a differentiator. Kinds:

- Gaussian moments: `\\mathbb{E}_{x \\sim \\mathcal{N}(M, V)}[(x - C)^k]`, or the same as
  `\\int_{-\\infty}^{\\infty} \\mathcal{N}(x; M, V) (x - C)^k \\, dx`, against the oracle's
  closed form (binomial expansion of the central moments);
- the KL divergence and the entropy of Gaussians;
- `\\int_0^{\\infty} x^k e^{-c x} \\, dx = k!/c^{k+1}`;
- derivatives `\\frac{d}{dt} F = F'`, and at a point `\\frac{d}{dt} F \\Big|_{t=c}`;

each either as built (true) or after one typical slip (σ for σ², a lost factor 2, a wrong
sign, a dropped inner derivative, a wrong power). The truth of every statement is decided
by evaluating both sides with mpmath (`quad` over the line, `diff` for derivatives) at 30
digits on random values of the symbols: a step is false only when some instance shows a
relative difference above 1e-12, true only when built true and every instance agrees.
"""

from __future__ import annotations

import math

import mpmath

from .statement import OracleBug, Statement

POSITIVE_SYMBOLS, REAL_SYMBOLS = ("a", "b"), ("s", "u")
INSTANCES = 4
CLEAR = mpmath.mpf("1e-12")


# ---------------------------------------------------------------------------- formulas

def render(f):
    op = f[0]
    if op == "num":
        return str(f[1]) if f[1] >= 0 else f"({f[1]})"
    if op in ("sym", "var"):
        return f[1]
    if op == "add":
        text = render(f[1])
        for g in f[2:]:
            text += f" - {_factor(g[1])}" if g[0] == "neg" else f" + {render(g)}"
        return text
    if op == "mul":
        return " \\cdot ".join(_factor(g) for g in f[1:])
    if op == "div":
        return f"\\frac{{{render(f[1])}}}{{{render(f[2])}}}"
    if op == "pow":
        base = render(f[1])
        if not (f[1][0] in ("sym", "var") or f[1][0] == "num" and f[1][1] >= 0):
            base = f"\\left({base}\\right)"
        return f"{base}^{{{f[2]}}}"
    if op == "neg":
        return f"-{_factor(f[1])}"
    if op in ("exp", "log", "sin", "cos"):
        return f"\\{op}\\left({render(f[1])}\\right)"
    if op == "sqrt":
        return f"\\sqrt{{{render(f[1])}}}"
    raise ValueError(op)


def _factor(f):
    text = render(f)
    return f"\\left({text}\\right)" if f[0] in ("add", "neg") or f[0] == "num" and f[1] < 0 \
        else text


def value(f, env):
    op = f[0]
    if op == "num":
        return mpmath.mpf(f[1])
    if op in ("sym", "var"):
        return env[f[1]]
    if op == "add":
        return mpmath.fsum(value(g, env) for g in f[1:])
    if op == "mul":
        out = mpmath.mpf(1)
        for g in f[1:]:
            out *= value(g, env)
        return out
    if op == "div":
        return value(f[1], env) / value(f[2], env)
    if op == "pow":
        return value(f[1], env) ** f[2]
    if op == "neg":
        return -value(f[1], env)
    return getattr(mpmath, op)(value(f[1], env))


def derivative(f, var):
    """The oracle's own rules of calculus."""
    op = f[0]
    if op == "num" or op == "sym" or op == "var" and f[1] != var:
        return ("num", 0)
    if op == "var":
        return ("num", 1)
    if op == "add":
        return ("add",) + tuple(derivative(g, var) for g in f[1:])
    if op == "mul":
        terms = []
        for k in range(1, len(f)):
            terms.append(("mul",) + f[1:k] + (derivative(f[k], var),) + f[k + 1:])
        return ("add",) + tuple(terms)
    if op == "pow":
        return ("mul", ("num", f[2]), ("pow", f[1], f[2] - 1), derivative(f[1], var))
    if op == "neg":
        return ("neg", derivative(f[1], var))
    inner = derivative(f[1], var)
    outer = {"exp": ("exp", f[1]), "log": ("div", ("num", 1), f[1]), "sin": ("cos", f[1]),
             "cos": ("neg", ("sin", f[1]))}[op]
    return ("mul", outer, inner)


# ---------------------------------------------------------------------------- statements

def _mean(rng):
    return rng.choice([("sym", "s"), ("num", 0), ("num", 1), ("add", ("sym", "s"), ("num", 1)),
                       ("mul", ("num", 2), ("sym", "u"))])


def _sd(rng):
    return rng.choice([("sym", "a"), ("sym", "b"), ("num", 1), ("mul", ("num", 2), ("sym", "a"))])


def _moment(mean, variance, centre, k):
    """E[(x − centre)^k] for x ~ N(mean, variance): Σ_j C(k, j) d^{k−j} E[(x − mean)^j]."""
    d = ("add", mean, ("neg", centre))
    terms = []
    for j in range(0, k + 1, 2):
        coefficient = math.comb(k, j) * _double_factorial(j - 1)
        parts = [("num", coefficient)]
        if k - j:
            parts.append(("pow", d, k - j))
        if j:
            parts.append(("pow", variance, j // 2))
        terms.append(("mul",) + tuple(parts))
    return ("add",) + tuple(terms)


def _double_factorial(n):
    out = 1
    while n > 1:
        out, n = out * n, n - 2
    return out


def gaussian_moment(rng):
    mean, sd, k = _mean(rng), _sd(rng), rng.randint(0, 3)
    centre = rng.choice([("num", 0), mean, ("sym", "u")])
    variance = ("pow", sd, 2)
    rhs = _moment(mean, variance, centre, k)
    slip = rng.choice([None, None, "sd for variance", "power", "sign"])
    written_variance = variance
    if slip == "sd for variance":
        rhs = _moment(mean, sd, centre, k)
    elif slip == "power":
        rhs = _moment(mean, variance, centre, k + 1)
    elif slip == "sign":
        rhs = ("neg", rhs)
    body = "" if k == 0 else (f"x^{{{k}}}" if centre == ("num", 0) else
                              f"\\left(x - {_factor(centre)}\\right)^{{{k}}}")
    if rng.random() < 0.5:
        lhs = (f"\\mathbb{{E}}_{{x \\sim \\mathcal{{N}}({render(mean)}, {render(written_variance)})}}"
               f"\\left[{body or '1'}\\right]")
    else:
        lhs = (f"\\int_{{-\\infty}}^{{\\infty}} \\mathcal{{N}}(x; {render(mean)}, "
               f"{render(written_variance)}) {body} \\, dx")

    def left(env):
        m, v, c = value(mean, env), value(variance, env), value(centre, env)
        density = lambda x: mpmath.npdf(x, m, mpmath.sqrt(v)) * (x - c) ** k
        return mpmath.quad(density, [-mpmath.inf, m, mpmath.inf])
    return f"{lhs} = {render(rhs)}", left, lambda env: value(rhs, env), slip


def gaussian_kl(rng):
    m1, m2, s1, s2 = _mean(rng), _mean(rng), _sd(rng), _sd(rng)
    v1, v2 = ("pow", s1, 2), ("pow", s2, 2)
    slip = rng.choice([None, None, "swapped", "lost half", "sd for variance"])
    closed = lambda a1, a2, b1, b2: (mpmath.log(b2 / b1) / 2 + (b1 + (a1 - a2) ** 2) / (2 * b2)
                                     - mpmath.mpf(1) / 2)
    rhs = (f"\\frac{{1}}{{2}} \\log \\frac{{{render(v2)}}}{{{render(v1)}}} + "
           f"\\frac{{{render(v1)} + \\left({render(m1)} - {_factor(m2)}\\right)^{{2}}}}"
           f"{{2 {_factor(v2)}}} - \\frac{{1}}{{2}}")
    right = lambda e: closed(value(m1, e), value(m2, e), value(v1, e), value(v2, e))
    if slip == "swapped":
        right = lambda e: closed(value(m2, e), value(m1, e), value(v2, e), value(v1, e))
        rhs = (f"\\frac{{1}}{{2}} \\log \\frac{{{render(v1)}}}{{{render(v2)}}} + "
               f"\\frac{{{render(v2)} + \\left({render(m1)} - {_factor(m2)}\\right)^{{2}}}}"
               f"{{2 {_factor(v1)}}} - \\frac{{1}}{{2}}")
    elif slip == "lost half":
        rhs = rhs.replace(" - \\frac{1}{2}", "")
        right = lambda e: closed(value(m1, e), value(m2, e), value(v1, e), value(v2, e)) + \
            mpmath.mpf(1) / 2
    elif slip == "sd for variance":
        rhs = rhs.replace(f"{{2 {_factor(v2)}}}", f"{{2 {_factor(s2)}}}", 1)
        right = lambda e: (mpmath.log(value(v2, e) / value(v1, e)) / 2 +
                           (value(v1, e) + (value(m1, e) - value(m2, e)) ** 2) / (2 * value(s2, e))
                           - mpmath.mpf(1) / 2)
    lhs = (f"D_{{KL}}(\\mathcal{{N}}({render(m1)}, {render(v1)}) \\| "
           f"\\mathcal{{N}}({render(m2)}, {render(v2)}))")

    def left(env):
        a1, a2 = value(m1, env), value(m2, env)
        d1, d2 = mpmath.sqrt(value(v1, env)), mpmath.sqrt(value(v2, env))
        integrand = lambda x: mpmath.npdf(x, a1, d1) * (mpmath.log(mpmath.npdf(x, a1, d1)) -
                                                         mpmath.log(mpmath.npdf(x, a2, d2)))
        return mpmath.quad(integrand, [-mpmath.inf, a1, mpmath.inf])
    return f"{lhs} = {rhs}", left, right, slip


def gaussian_entropy(rng):
    mean, sd = _mean(rng), _sd(rng)
    variance = ("pow", sd, 2)
    slip = rng.choice([None, "sd for variance", "lost e"])
    inside = {None: f"2 \\pi e {_factor(variance)}", "sd for variance": f"2 \\pi e {_factor(sd)}",
              "lost e": f"2 \\pi {_factor(variance)}"}[slip]
    factor = {None: mpmath.e, "sd for variance": mpmath.e, "lost e": 1}[slip]
    used = sd if slip == "sd for variance" else variance
    right = lambda env: mpmath.log(2 * mpmath.pi * factor * value(used, env)) / 2

    def left(env):
        m, d = value(mean, env), mpmath.sqrt(value(variance, env))
        return -mpmath.quad(lambda x: mpmath.npdf(x, m, d) * mpmath.log(mpmath.npdf(x, m, d)),
                            [-mpmath.inf, m, mpmath.inf])
    return (f"H(\\mathcal{{N}}({render(mean)}, {render(variance)})) = \\frac{{1}}{{2}} "
            f"\\log\\left({inside}\\right)", left, right, slip)


def half_line(rng):
    k = rng.randint(0, 3)
    rate = rng.choice([("sym", "a"), ("num", 2), ("mul", ("num", 3), ("sym", "b"))])
    slip = rng.choice([None, None, "power", "factorial"])
    power = k + 2 if slip == "power" else k + 1
    top = 1 if slip == "factorial" and k > 1 else math.factorial(k)
    rhs = f"\\frac{{{top}}}{{{render(('pow', rate, power))}}}"
    xk = f"x^{{{k}}} " if k else ""
    return (f"\\int_0^{{\\infty}} {xk}e^{{-{_factor(rate)} x}} \\, dx = {rhs}",
            lambda e: mpmath.quad(lambda x: x ** k * mpmath.exp(-value(rate, e) * x), [0, mpmath.inf]),
            lambda e: top / value(rate, e) ** power, slip)


def _function_of_t(rng, depth=2):
    t = ("var", "t")
    if depth == 0:
        return rng.choice([t, ("pow", t, rng.randint(2, 3)), ("mul", ("sym", "a"), t)])
    inner = _function_of_t(rng, depth - 1)
    return rng.choice([("exp", ("mul", ("sym", "a"), inner)), ("sin", inner), ("cos", inner),
                       ("log", ("add", ("num", 1), ("pow", inner, 2))),
                       ("mul", inner, _function_of_t(rng, depth - 1)),
                       ("add", inner, ("mul", ("sym", "s"), ("pow", ("var", "t"), 2))),
                       ("pow", inner, 2)])


def _slip_derivative(f, var, rng):
    """A derivative with one typical slip: the inner derivative dropped, a sign, a factor."""
    slip = rng.choice(["inner", "sign", "factor"])
    if slip == "inner" and f[0] in ("exp", "sin", "cos", "log"):
        outer = {"exp": ("exp", f[1]), "log": ("div", ("num", 1), f[1]), "sin": ("cos", f[1]),
                 "cos": ("neg", ("sin", f[1]))}[f[0]]
        return outer, "inner derivative dropped"
    if slip == "factor":
        return ("mul", ("num", 2), derivative(f, var)), "a factor 2"
    return ("neg", derivative(f, var)), "wrong sign"


def derivative_statement(rng):
    f = _function_of_t(rng)
    correct = derivative(f, "t")
    slip = None
    right = correct
    if rng.random() < 0.4:
        right, slip = _slip_derivative(f, "t", rng)
    at_point = rng.random() < 0.3
    if at_point:
        point = rng.choice([0, 1, 2])
        text = (f"\\frac{{d}}{{dt}} {_factor(f)} \\Big|_{{t={point}}} = "
                f"{render(_substitute(right, point))}")
        return (text, lambda e: mpmath.diff(lambda x: value(f, {**e, "t": x}), point),
                lambda e: value(right, {**e, "t": mpmath.mpf(point)}), slip)
    return (f"\\frac{{d}}{{dt}} {_factor(f)} = {render(right)}",
            lambda e: mpmath.diff(lambda x: value(f, {**e, "t": x}), e["t"]),
            lambda e: value(right, e), slip)


def _substitute(f, point):
    if f == ("var", "t"):
        return ("num", point)
    if f[0] in ("num", "sym", "var"):
        return f
    return (f[0],) + tuple(_substitute(g, point) if isinstance(g, tuple) else g for g in f[1:])


MAKERS = (gaussian_moment, gaussian_kl, gaussian_entropy, half_line, derivative_statement)
HEADER = ("% derive: variable x\n% derive: positive a, b\n% derive: real s, u, t\n")


def statement(rng):
    """(Statement, file text) for one random continuous statement, truth decided here."""
    maker = rng.choice(MAKERS)
    text, left, right, slip = maker(rng)
    truth = _decide(left, right, rng)
    kind = f"continuous {maker.__name__}"
    if slip is None and truth is not True:
        raise OracleBug(f"{kind} built true is not shown true: {text}")
    shown = truth if slip is not None else True
    record = Statement((), ("=",), (shown if shown is not None else None,), kind,
                       (slip or "as built",))
    return record, HEADER + "$$ " + text + " $$\n"


def _decide(left, right, rng):
    """True when every instance agrees to 1e-12, False when one differs clearly, else None."""
    agree = True
    with mpmath.workdps(30):
        for _ in range(INSTANCES):
            env = {n: mpmath.mpf(rng.randint(2, 30)) / 10 for n in POSITIVE_SYMBOLS}
            env.update({n: mpmath.mpf(rng.randint(-20, 20)) / 10 for n in REAL_SYMBOLS})
            env["t"] = mpmath.mpf(rng.randint(-15, 15)) / 10
            try:
                l, r = left(env), right(env)
            except (ZeroDivisionError, ValueError):
                agree = False
                continue
            scale = max(mpmath.mpf(1), abs(l), abs(r))
            if abs(l - r) > CLEAR * scale:
                return False
    return True if agree else None

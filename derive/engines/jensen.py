"""Jensen's inequality, applied only where its hypotheses are shown:

    Σ_i w_i φ(t_i) ≥ W φ(Σ_i w_i t_i / W)   for convex φ, weights w_i ≥ 0, W = Σ_i w_i > 0,

(≤ for concave φ), also with an integral or an expectation in place of the sum (then the
weights are a density); factors before a sum or an integral are weights too (`\\frac{1}{n}
\\sum_{i=1}^n \\log x_i`: the uniform average, W = 1). A step `c·A ≥ c·B` (or `≤`) is proved when, after a common factor c
shown ≥ 0 is set aside, one side is Σ w φ(t) and the other has the normal form of
W φ(Σ w t / W) (φ(Σ w t) when W is 1), where:

* φ is a function the file defines (of one argument), shown real and defined at every value
  t may take (no pole: its powers whole or of a base shown positive, its functions defined
  everywhere or a log of something shown positive — `1/u²` is convex on each side of 0 but
  not across it), whose second derivative is shown ≥ 0 (≤ 0) for every value t takes (φ and φ″ are computed, then signed by the
  normal form with the argument given the sign t has); a function declared `convex f`
  (`concave f`: real, of a real argument) where t is shown real; `\\log` (concave) where t
  is shown positive; `\\exp` (convex) where t is shown real; a power `t^k` of a rational
  k: convex where t is shown real for an even whole k ≥ 2 (`E[X^2] ≥ E[X]^2`), where t is
  shown ≥ 0 for k ≥ 1 and shown > 0 for k < 0, concave where t is shown ≥ 0 for
  0 < k < 1 — never on a t that may be complex or, for the log, negative (`\\log` of a
  negative number is not real);
* a term `w · \\log u` of the sum is read four ways (the normal form then judges the other
  side): w φ(t) for the concave log (t = u), for the convex −log (t = 1/u: the log-sum
  inequality `Σ a_i log(a_i/b_i) ≥ A log(A/B)` is this with weights a_i, t_i = b_i/a_i; and
  with weights −w, t = u: `-Σ a_i log(b_i/a_i)`, the same inequality written negated) and,
  with weights w/u, for the convex t ↦ t log t (t = u); −log and t log t are convex where t
  is shown positive;
* the weights are shown ≥ 0 and their total W shown > 0 by the normal form (an
  expectation's density too: a density given by a formula need not have mass 1, and then W
  is its mass).

A side that is a geometric mean (`Π_k x_k^{w_k}`, `(x_1 ⋯ x_n)^{1/n}`) is taken through the
increasing log first (`_geometric_means`): weighted AM–GM, Σ_k w_k x_k ≥ Π_k x_k^{w_k}, is
Jensen's inequality for the concave log under the same hypotheses.
"""

from __future__ import annotations

from dataclasses import dataclass

from derive.engines import bounds, normal_form
from derive.engines.calculus import NotDifferentiable, derivative
from derive.engines.poly import Poly
from derive.model.context import Context
from derive.model.names import Declaration, Domain, Kind, Name
from derive.model.terms import (
    E, Add, Call, Dens, Defined, Expect, Fn, Integral, Mul, Num, ONE, Pow, Product, Sum, Sym,
    neg, nodes, substitute,
)
from derive.notation import families


@dataclass(frozen=True)
class Mean:
    """Σ_var w · φ(t) as read from a binder: the binder, its weights, φ and t."""

    binder: object
    weights: object
    phi: object           # a Defined application, a Call, an Fn, a power, or a `Reading`
    inner: object         # t


@dataclass(frozen=True)
class Reading:
    """φ for a term `w · \\log u` read through another function: `-\\log` (of 1/u) or
    `t \\log t` (of u, with the weights divided by u), both convex where t is positive."""

    name: str

    def at(self, argument):
        return neg(Fn("log", argument)) if self.name == "-\\log" else \
            Mul(argument, Fn("log", argument))


NEG_LOG, X_LOG_X = Reading("-\\log"), Reading("t \\log t")


def prove(step, deadline):
    """The name of the fact that proves the order step, or None."""
    larger, smaller = (step.rhs, step.lhs) if step.relation.upward else (step.lhs, step.rhs)
    if step.relation.strict:
        return None
    n = normal_form.Normaliser(step.context, deadline)
    pairs = [(pair, None) for pair in _exponentiated(larger, smaller, n)]
    gathered = _gathered(larger, smaller)
    if gathered is not None:
        pairs.append((gathered, None))
    logs = _geometric_means(larger, smaller, n)
    if logs is not None:
        pairs.append((logs, "weighted AM–GM: "))
    for (larger, smaller), lemma in pairs:
        big, small = _without_common_factor(larger, smaller, n)
        if big is None:
            continue
        for mean_side, phi_side, shape in ((big, small, "convex"), (small, big, "concave")):
            for mean in _means(mean_side, n):
                total = _total(mean, n)
                if total is None or not _is_bound(phi_side, mean, total, n):
                    continue
                if _shape(mean, n, step.context) == shape:
                    fact = f"Jensen's inequality ({shape} {_name(mean.phi)})"
                    return f"{lemma}{fact}, through the increasing log" if lemma else fact
    return None


def _gathered(larger, smaller):
    """(Σ_i d_i, 0) with Σ_i d_i = larger − smaller, when both sides are combinations of
    sums over one range (the same bounds, or the whole range of one variable) with rational
    coefficients (a definition by its body): Gibbs'
    inequality written side by side, `-\\sum_n p_n \\log p_n \\le -\\sum_n p_n \\log
    q_n`, is Σ_n p_n log(p_n / q_n) ≥ 0 — the terms w·log u of one weight w (up to a
    rational factor) made one log, exactly, so the −log reading below sees them. None
    otherwise."""
    parts = []
    for side, sign in ((larger, 1), (smaller, -1)):
        found = _sums(side)
        if found is None:
            return None
        parts += [(sign * c, s) for c, s in found]
    if len(parts) < 2:
        return None
    first = parts[0][1]
    if any(type(s) is not Sum or (s.lower, s.upper) != (first.lower, first.upper) or
           s.lower is None and s.var.variable is not first.var.variable for _, s in parts):
        return None
    terms = []
    for c, s in parts:
        body = s.body if s.var is first.var else substitute(s.body, {s.var: Sym(first.var)})
        terms += [(c * k, t) for k, t in _addends(body)]
    return Sum(first.var, _logs_joined(terms), first.lower, first.upper), Num(0)


def _sums(term):
    """[(rational c, Sum)] with term = Σ c·Sum, or None."""
    if isinstance(term, Defined):
        return _sums(term.body)
    if isinstance(term, Num) and term.value == 0:
        return []
    if isinstance(term, Add):
        found = [_sums(a) for a in term.args]
        return None if None in found else [pair for f in found for pair in f]
    if isinstance(term, Sum):
        return [(1, term)]
    if isinstance(term, Mul):
        numbers = [f for f in term.args if isinstance(f, Num)]
        rest = [f for f in term.args if not isinstance(f, Num)]
        inner = _sums(rest[0]) if len(rest) == 1 else None
        if inner is not None:
            c = 1
            for f in numbers:
                c *= f.value
            return [(c * k, s) for k, s in inner]
    return None


def _addends(term):
    """[(rational c, t)] with term = Σ c·t."""
    if isinstance(term, Add):
        return [pair for a in term.args for pair in _addends(a)]
    c, rest = 1, []
    for f in _factors(term):
        if isinstance(f, Num):
            c *= f.value
        else:
            rest.append(f)
    return [(c, _product(rest))]


def _logs_joined(terms):
    """Σ c·t with the terms c·w·log u of one w made w·log(Π u^c) (log a − log b =
    log(a/b): exact where the u are positive, as Jensen's −log reading requires them)."""
    joined, order = {}, []
    for c, t in terms:
        factors = _factors(t)
        logs = [f for f in factors if isinstance(f, Fn) and f.fname == "log"]
        if len(logs) != 1:
            order.append((None, Mul(Num(c), t)))
            continue
        rest = list(factors)
        rest.remove(logs[0])
        w = _product(rest)
        if w not in joined:
            joined[w] = []
            order.append((w, None))
        joined[w].append(logs[0].operands[0] if c == 1 else Pow(logs[0].operands[0], Num(c)))
    summed = [other if w is None else Mul(w, Fn("log", _product(joined[w])))
              for w, other in order]
    return summed[0] if len(summed) == 1 else Add(*summed)


def _geometric_means(larger, smaller, n):
    """(log larger, log smaller) when a side is a geometric mean — a product `Π_k x_k^{w_k}`,
    or a power of one, `(x_1 \\cdots x_n)^{1/n}` — the smaller side is shown positive and
    the larger ≥ 0: the log is increasing on the positives, so the step holds when its logs
    are ordered alike, and the logs are written out (`_log_of`) where that is exact:
    log Π_k b_k = Σ_k log b_k for factors shown positive, log b^e = e log b for b shown
    positive and e shown real. A larger side only shown ≥ 0 stays `\\log L`, an atom of
    L, which Jensen matches only to W log(Σ w t / W) with t > 0, w ≥ 0, W > 0: L is that
    positive mean. Weighted AM–GM, Σ_k w_k x_k ≥ Π_k x_k^{w_k} (w_k ≥ 0, Σ_k w_k = 1,
    x_k > 0), is then Jensen's inequality for the concave log, each hypothesis shown as
    Jensen's are; else None."""
    if not any(isinstance(t, Product) for side in (larger, smaller) for t in nodes(side)):
        return None
    if not _shown(smaller, n, (normal_form.POS,)) or \
            not _shown(larger, n, (normal_form.POS, normal_form.NONNEG)):
        return None
    return _log_of(larger, n), _log_of(smaller, n)


def _shown(term, n, signs):
    try:
        return n.sign(n.value(term)) in signs
    except (normal_form.Unsupported, normal_form.Undefined):
        return False


def _log_of(term, n):
    """log term, written out over products, powers and factors shown positive."""
    real = (normal_form.POS, normal_form.NONNEG, normal_form.REAL)
    if isinstance(term, Product) and term.lower is not None and \
            _shown(term.body, n, (normal_form.POS,)):
        return Sum(term.var, _log_of(term.body, n), term.lower, term.upper)
    if isinstance(term, Pow) and _shown(term.base, n, (normal_form.POS,)) and \
            _shown(term.exponent, n, real):
        return Mul(term.exponent, _log_of(term.base, n))
    if isinstance(term, Mul) and all(_shown(f, n, (normal_form.POS,)) for f in term.args):
        return Add(*[_log_of(f, n) for f in term.args])
    return Fn("log", term)


def _exponentiated(larger, smaller, n):
    """The step, and — when a side is `\\log u` with u shown positive and the other side is
    shown real — the same step through the increasing exp (`log u ≥ s` iff `u ≥ e^s`): so
    `\\log \\mathbb{E}[e^x] \\ge \\mathbb{E}[x]` is Jensen's inequality for exp."""
    pairs = [(larger, smaller)]

    def shown(term, signs):
        try:
            return n.sign(n.value(term)) in signs
        except (normal_form.Unsupported, normal_form.Undefined):
            return False
    real = (normal_form.POS, normal_form.NONNEG, normal_form.REAL)
    if isinstance(larger, Fn) and larger.fname == "log" and \
            shown(larger.operands[0], (normal_form.POS,)) and shown(smaller, real):
        pairs.append((larger.operands[0], Fn("exp", smaller)))
    if isinstance(smaller, Fn) and smaller.fname == "log" and \
            shown(smaller.operands[0], (normal_form.POS,)) and shown(larger, real):
        pairs.append((Fn("exp", larger), smaller.operands[0]))
    return pairs


def _without_common_factor(larger, smaller, n):
    """(A, B) with larger = c·A, smaller = c·B for a common factor c shown ≥ 0."""
    a = list(larger.args) if isinstance(larger, Mul) else [larger]
    b = list(smaller.args) if isinstance(smaller, Mul) else [smaller]
    common = [f for f in a if f in b]
    for f in common:
        b.remove(f)
        a.remove(f)
    if common:
        try:
            if n.sign(n.value(Mul(*common))) not in (normal_form.POS, normal_form.NONNEG):
                return None, None
        except (normal_form.Unsupported, normal_form.Undefined):
            return None, None
    return _product(a), _product(b)


def _product(factors):
    return ONE if not factors else factors[0] if len(factors) == 1 else Mul(*factors)


def _means(term, n):
    """The readings of a term as a weighted mean Σ w φ(t) (a sum, an integral or an
    expectation): one per factor that is a φ, and two more for a log factor — of the body
    as written and with a sum of logs and real terms made one log (`_log_joined`)."""
    if isinstance(term, Expect):
        density = Dens(term.dist, (Sym(term.var),))
        return [Mean(term, density, phi, t) for body in _bodies(term.body, n)
                for rest, phi, t in _readings(body) if rest is ONE]
    term = _averaged(term)
    if not isinstance(term, (Sum, Integral)):
        return []
    return [Mean(term, rest, phi, t) for body in _bodies(term.body, n)
            for rest, phi, t in _readings(body)]


def _a_log(term, n):
    """(u, k) when `term` is `\\log u` times factors whose normal form is the rational k
    (`\\log_e u` is log u / log e), else None."""
    factors = _factors(term)
    logs = [f for f in factors if isinstance(f, Fn) and f.fname == "log"]
    if len(logs) != 1:
        return None
    rest = list(factors)
    rest.remove(logs[0])
    if not rest:
        return logs[0].operands[0], 1
    try:
        k = n.value(_product(rest)).constant()
    except (normal_form.Unsupported, normal_form.Undefined):
        return None
    return None if k is None else (logs[0].operands[0], k)


def _bodies(body, n):
    """The body, and the body with its log joined (`_log_joined`) when that applies."""
    joined = _log_joined(body, n)
    return [body] if joined is None else [body, joined]


def _log_joined(body, n):
    """`w · (a + c_1 \\log u_1 + …)` as `w · \\log(e^a u_1^{c_1} ⋯)`, exactly: every u_i
    shown positive, the c_i rational and a (the terms without a log) shown real — then
    log(e^a Π u_i^{c_i}) = a + Σ c_i log u_i. So `\\sum_x P(x)(g(x) + \\log
    \\frac{Q(x)}{P(x)})` is the mean of log(e^{g(x)} Q(x)/P(x)) that Jensen's inequality
    for the concave log bounds by the log of the mean. None when the body has no such
    factor (one with a log among other terms) or a condition is not shown."""
    factors = _factors(body)
    sums = [f for f in factors if isinstance(f, Add) and
            any(_a_log(t, n) is not None for _, t in _addends(f))]
    if len(sums) != 1:
        return None
    rest = list(factors)
    rest.remove(sums[0])
    logs, others = [], []
    for c, t in _addends(sums[0]):
        found = _a_log(t, n)
        if found is not None:
            u, k = found
            logs.append(u if c * k == 1 else Pow(u, Num(c * k)))
            if not _shown(u, n, (normal_form.POS,)):
                return None
        else:
            others.append(t if c == 1 else Mul(Num(c), t))
    if others:
        exponent = others[0] if len(others) == 1 else Add(*others)
        if not _shown(exponent, n, (normal_form.POS, normal_form.NONNEG, normal_form.REAL)):
            return None
        logs.insert(0, Fn("exp", exponent))
    return _product([*rest, Fn("log", _product(logs))])


def _averaged(term):
    """`c · Σ_i b_i` (one sum or integral among the factors, `\\frac{1}{n}\\sum_{i=1}^n \\log
    x_i`) as `Σ_i c · b_i`: the other factors join the weights (c does not mention the bound
    variable, which is fresh), so a uniform average is a mean with weights 1/n."""
    if not isinstance(term, Mul):
        return term
    binders = [f for f in term.args if isinstance(f, (Sum, Integral))]
    if len(binders) != 1:
        return term
    (binder,) = binders
    rest = [f for f in term.args if f is not binder]
    inner = list(binder.body.args) if isinstance(binder.body, Mul) else [binder.body]
    return type(binder)(binder.var, Mul(*rest, *inner), binder.lower, binder.upper)


def _readings(body):
    """(rest, φ, t) with body = rest · φ(t): each factor that is a φ, and a factor
    `\\log u` also as −log(1/u) and, with rest/u, as (u) log(u)."""
    factors = _factors(body)
    found = []
    for factor in factors:
        if _phi(factor) is None:
            continue
        rest = list(factors)
        rest.remove(factor)
        found.append((_product(rest), factor, _argument(factor)))
        if isinstance(factor, Fn) and factor.fname == "log":
            u = factor.operands[0]
            found.append((_product(rest), NEG_LOG, Pow(u, Num(-1))))
            found.append((_product([*rest, Pow(u, Num(-1))]), X_LOG_X, u))
            # `-a_i \log \frac{b_i}{a_i}` (the log-sum inequality with the log inverted and
            # negated): (−rest)·(−log u), weights −rest
            found.append((neg(_product(rest)), NEG_LOG, u))
    return found


def _factors(term):
    """The factors of a product, nested products flattened: `q(x)·(ρ(x)·\\log t)`, the
    integrand of `\\int ρ(x) \\log t \\, dν(x)` against ν's density q, is q·ρ·log t."""
    if not isinstance(term, Mul):
        return [term]
    return [f for a in term.args for f in _factors(a)]


def _phi(term):
    if isinstance(term, (Defined, Call)) and len(term.arguments) == 1:
        return term
    if isinstance(term, Fn) and term.fname in ("log", "exp") or _natural_power(term):
        return term
    if isinstance(term, Pow) and isinstance(term.exponent, Num) and term.exponent.value != 1:
        return term
    return None


def _natural_power(term):
    """`e^t`, which is `\\exp t`."""
    return isinstance(term, Pow) and term.base is E


def _argument(phi):
    if _natural_power(phi):
        return phi.exponent
    if isinstance(phi, Pow):
        return phi.base
    return phi.operands[0] if isinstance(phi, Fn) else phi.arguments[0]


def _name(phi):
    if isinstance(phi, Reading):
        return phi.name
    if isinstance(phi, Call):
        return phi.function.latex
    if _natural_power(phi):
        return "\\exp"
    if isinstance(phi, Pow):
        return f"t^{{{phi.exponent.value}}}"
    return phi.name.latex if isinstance(phi, Defined) else "\\" + phi.fname


def _apply(phi, argument, context):
    """φ at another argument."""
    if isinstance(phi, Reading):
        return phi.at(argument)
    if isinstance(phi, Call):
        return Call(phi.function, argument)
    if _natural_power(phi):
        return Pow(E, argument)
    if isinstance(phi, Pow):
        return Pow(argument, phi.exponent)
    if isinstance(phi, Fn):
        return Fn(phi.fname, argument)
    info = context.info(phi.name)
    return Defined(phi.name, (argument,), substitute(info.body, {info.params[0]: argument}))


def _is_bound(term, mean, total, n):
    """Whether `term` has the normal form of W φ(Σ w t / W), W the weights' total (φ(Σ w t)
    when W is 1)."""
    binder = mean.binder
    if isinstance(binder, Expect):
        average = Expect(binder.var, binder.dist, mean.inner)
        weight = Integral(binder.var, mean.weights)
    else:
        average = type(binder)(binder.var, Mul(mean.weights, mean.inner), binder.lower,
                               binder.upper)
        weight = type(binder)(binder.var, mean.weights, binder.lower, binder.upper)
    one = (total - Poly.const(1)).is_zero()
    bound = _apply(mean.phi, average if one else Mul(average, Pow(weight, Num(-1))),
                   n.context)
    try:
        return (n.value(term) - n.value(bound if one else Mul(weight, bound))).is_zero()
    except (normal_form.Unsupported, normal_form.Undefined):
        return False


def _total(mean, n):
    """The normal form of the weights' total W when the weights are shown ≥ 0 and W > 0 (an
    expectation's density too: a declared density or a family is one; a density given by a
    formula, or as an expression in densities, only when its pieces are shown ≥ 0), else
    None."""
    binder = mean.binder
    try:
        if isinstance(binder, Expect):
            total = n.value(Integral(binder.var, mean.weights))
            signs = _density_signs(binder.dist, mean.weights, n)
        else:
            total = n.value(type(binder)(binder.var, mean.weights, binder.lower, binder.upper))
            signs = [n.sign(n.value(mean.weights))]
        positive = n.sign(total) == normal_form.POS
    except (normal_form.Unsupported, normal_form.Undefined):
        return None
    nonnegative = all(sign in (normal_form.POS, normal_form.NONNEG) for sign in signs)
    return total if positive and nonnegative else None


def _density_signs(dist, density, n):
    """The signs of an expectation's density: of its formula's pieces, of its expression,
    or positive for a declared density and a standard family."""
    expression = getattr(n.context.info(dist.name), "expression", None)
    if expression is None and bounds._genuine(dist, n.context, n):
        return [normal_form.POS]
    formula = families.formula_of(dist, n.context)
    if formula is not None:
        return [n.sign(n.value(value)) for _, _, value in formula.pieces]
    return [n.sign(n.value(density))]


def _shape(mean, n, context):
    """"convex" or "concave" when φ is shown of that shape where t lies, else None: `\\log`
    (concave), `-\\log` and `t \\log t` (convex) only where t is shown positive, `\\exp`
    and a declared `convex f` (`concave g`, a real function of a real argument) only where
    t is shown real, a defined φ where φ is shown real and defined (finite) at every value
    of t's sign — no pole there — and φ″ of one sign for t's sign."""
    try:
        sign = n.sign(n.value(mean.inner))
    except (normal_form.Unsupported, normal_form.Undefined):
        return None
    real = sign in (normal_form.POS, normal_form.NONNEG, normal_form.REAL)
    phi = mean.phi
    if isinstance(phi, Reading):
        return "convex" if sign == normal_form.POS else None
    if _natural_power(phi):
        return "convex" if real else None
    if isinstance(phi, Pow):
        return _power_shape(phi.exponent.value, sign, real)
    if isinstance(phi, Fn):
        if phi.fname == "log":
            return "concave" if sign == normal_form.POS else None
        return "convex" if real else None
    if isinstance(phi, Call):                     # declared `convex f`, `concave g`
        shape = getattr(context.declaration(phi.function).info, "shape", None)
        return shape if shape and real else None
    domain = {normal_form.POS: Domain.POSITIVE, normal_form.REAL: Domain.REAL}.get(sign)
    if domain is None:
        return None
    u = Name("u")
    table = dict(context.table)
    table[u] = Declaration(Kind.SYMBOL, domain)
    widened = Context(table, context.parameters, context.fixed)
    info = context.info(phi.name)
    body = substitute(info.body, {info.params[0]: Sym(u)})
    try:
        second = derivative(derivative(body, u, widened), u, widened)
        m = normal_form.Normaliser(widened, n.deadline)
        if m.sign(m.value(body)) == normal_form.COMPLEX:
            return None                           # φ is not real where t lies
        if not normal_form.defined_everywhere(body, m):
            return None                           # a pole where t lies (1/u² across 0)
        curvature = m.sign(m.value(second))
        negative = m.sign(m.value(neg(second)))
    except (NotDifferentiable, normal_form.Unsupported, normal_form.Undefined):
        return None
    if curvature in (normal_form.POS, normal_form.NONNEG):
        return "convex"
    if negative in (normal_form.POS, normal_form.NONNEG):
        return "concave"
    return None


def _power_shape(k, sign, real):
    """The shape of t ↦ t^k where t lies: convex on the reals for an even whole k ≥ 2, on
    t ≥ 0 for k ≥ 1 and on t > 0 for k < 0; concave on t ≥ 0 for 0 < k < 1."""
    nonnegative = sign in (normal_form.POS, normal_form.NONNEG)
    if k.denominator == 1 and k % 2 == 0 and k > 0 and real:
        return "convex"
    if k > 1 and nonnegative or k < 0 and sign == normal_form.POS:
        return "convex"
    if 0 < k < 1 and nonnegative:
        return "concave"
    return None

"""The standard families of distributions, and densities given by a formula.

A family is one entry: its LaTeX spellings (canonical name keys, see
`frontend.latex.names`), its parameters, whether it lives on a discrete variable, and its
density as **pieces**: `(low, high, formula)` triples, each the density's formula on the
interval from `low` to `high` (`None` for an infinite end), so that the density is 0
outside the pieces. The normal Gaussian is one piece over the whole line; the exponential
and the gamma one piece over `[0, ∞)`; the beta one piece over `[0, 1]` (its normaliser
and the gamma's written with Euler's Γ, `Fn("gamma", …)`, a function only the families
write); the Laplace density two pieces, split at its centre, so that no engine ever sees
an absolute value. Every engine reads a density by formula through `pieces` — the normal
form integrates the formulas in closed form (`engines.gaussian`, `engines.euler`), the
numeric engine by quadrature (`engines.numeric.quadrature`),
the derivative passes through them — so "N(μ, σ²)" means its formula, not a name.

Parameters are what the author writes: `\\mathcal{N}(\\mu, \\sigma^2)` takes the variance.
A family is a genuine distribution only when its parameters are valid (a positive
variance, a positive rate, `a < b`); `validity` lists the conditions, and a declared
density by family is refused unless the context shows them (`check`); a family written
inline is read by the normal form only when they are shown, and not evaluated at an
instance where they fail. A mass function (Bernoulli, Poisson, binomial, categorical) lives
on whole numbers (the Poisson's piece has no upper end: a sum over it is a series,
summed in closed form or evaluated with a certified tail, never truncated: `engines.series`;
`\\mathcal{U}(a, b)` over a discrete variable is the discrete uniform, `for_variable`): its pieces
are summed at their integer points, it is 0 off them, and it is refused at a continuous
variable (`mismatch`); a family written inline ranges over a variable of its own kind
(`own_variable`).

The categorical family `\\mathrm{Cat}(x; \\boldsymbol{\\pi})` takes a declared family of
probabilities (`nonnegative \\pi_k for k = 1..K` with `assume \\sum_{k=1}^K \\pi_k = 1`):
its parameters are the family itself (`Sym` of the family's name) and its number of
categories K, and its pieces are `π_x / Σ_k π_k` on 1..K — π_x under that hypothesis, which
the reader requires (otherwise the family is refused).

A density given by a user's formula (`% derive: density p = FORMULA over x`, optionally
`in (a, b)`) is the same: one piece on its declared support. derive does not assume such a
formula is normalised — it is integrated like any formula — so lemmas that need a genuine
density (Gibbs' inequality) are used only for abstract densities and valid families.
"""

from __future__ import annotations

from dataclasses import dataclass

from derive.model.names import Declaration, DistributionInfo, Domain, Kind, Name, VariableInfo
from derive.model.terms import (
    HALF, MINUS_ONE, ONE, OO, PI, TWO, Add, Call, Dens, Dist, Family, Fn, Mul, Num, Pow, Sum, Sym,
    div, free_names, neg, nodes, sub, substitute,
)


@dataclass(frozen=True)
class Spec:
    kind: str                  # the `Family` term's family field (also how it is shown)
    title: str
    spellings: tuple           # canonical name keys
    params: tuple              # parameter names, for messages
    discrete: bool
    pieces: object             # (x term, params) ↦ [(low | None, high | None, formula)]
    validity: object           # params ↦ [(term that must be positive, what it means)]
    # params ↦ (location, scale) of a location–scale family over the whole line (the law
    # of location + scale·ε, ε of the family at location 0 and scale 1), used to
    # differentiate an expectation pathwise (`engines.calculus`); None: not read as one
    # (a family on a half-line or an interval, or split into pieces, is not yet)
    standard: object = None


def _normal(x, params):
    mean, variance = params
    exponent = neg(div(Pow(sub(x, mean), TWO), Mul(TWO, variance)))
    return [(None, None, Mul(Pow(Mul(TWO, PI, variance), neg(HALF)), Fn("exp", exponent)))]


def _normal_standard(params):
    """N(μ, σ²) is the law of μ + σε for ε ~ N(0, 1): (location, scale)."""
    mean, variance = params
    return mean, Pow(variance, HALF)


def _exponential(x, params):
    (rate,) = params
    return [(Num(0), None, Mul(rate, Fn("exp", neg(Mul(rate, x)))))]


def _uniform(x, params):
    low, high = params
    return [(low, high, Pow(sub(high, low), MINUS_ONE))]


def _laplace(x, params):
    centre, scale = params
    half = Pow(Mul(TWO, scale), MINUS_ONE)
    return [(None, centre, Mul(half, Fn("exp", div(sub(x, centre), scale)))),
            (centre, None, Mul(half, Fn("exp", neg(div(sub(x, centre), scale)))))]


def _beta(x, params):
    """x^{a−1} (1 − x)^{b−1} / B(a, b) on (0, 1), with B(a, b) = Γ(a)Γ(b)/Γ(a + b)."""
    a, b = params
    normaliser = div(Fn("gamma", Add(a, b)), Mul(Fn("gamma", a), Fn("gamma", b)))
    return [(Num(0), ONE, Mul(normaliser, Pow(x, sub(a, ONE)), Pow(sub(ONE, x), sub(b, ONE))))]


def _gamma(x, params):
    """The shape–rate form β^α x^{α−1} e^{−βx} / Γ(α) on [0, ∞) (Bishop's Gam(λ | a, b),
    Gelman et al.): the second parameter is the rate, never the scale."""
    shape, rate = params
    return [(Num(0), None, div(Mul(Pow(rate, shape), Pow(x, sub(shape, ONE)),
                                   Fn("exp", neg(Mul(rate, x)))), Fn("gamma", shape)))]


def _bernoulli(x, params):
    (prob,) = params
    return [(Num(0), Num(1), Mul(Pow(prob, x), Pow(sub(ONE, prob), sub(ONE, x))))]


def _discrete_uniform(x, params):
    low, high = params
    return [(low, high, Pow(Add(sub(high, low), ONE), MINUS_ONE))]


def _poisson(x, params):
    (rate,) = params
    return [(Num(0), None, div(Mul(Pow(rate, x), Fn("exp", neg(rate))), Fn("factorial", x)))]


def _binomial(x, params):
    trials, prob = params
    return [(Num(0), trials, Mul(Fn("binom", trials, x), Pow(prob, x),
                                 Pow(sub(ONE, prob), sub(trials, x))))]


# the index of a categorical distribution's normalising sum (bound there, so never free)
CATEGORY = Name("k", local=Declaration(Kind.SYMBOL, Domain.INTEGER))


def _categorical(x, params):
    """π_x / Σ_{k=1}^{K} π_k on the points 1..K: π_x itself under the hypothesis Σ_k π_k = 1
    that the reader requires of a categorical family, written so that every engine
    sees its normalisation."""
    probabilities, count = params
    family = probabilities.name
    total = Sum(CATEGORY, Call(family, Sym(CATEGORY)), ONE, count)
    return [(ONE, count, div(Call(family, x), total))]


SPECS = (
    Spec("N", "normal (Gaussian)", (r"\mathcal{N}", r"\mathscr{N}", "Normal"), ("mean", "variance"), False,
         _normal, lambda p: [(p[1], "a positive variance")], _normal_standard),
    Spec("Exp", "exponential", ("Exp", "Exponential"), ("rate",), False, _exponential,
         lambda p: [(p[0], "a positive rate")]),
    Spec("U", "uniform on an interval", (r"\mathcal{U}", "Uniform", "Unif"), ("low", "high"),
         False, _uniform, lambda p: [(sub(p[1], p[0]), "low < high")]),
    Spec("Laplace", "Laplace", ("Laplace",), ("centre", "scale"), False, _laplace,
         lambda p: [(p[1], "a positive scale")]),
    Spec("Beta", "beta", ("Beta",), ("shape a", "shape b"), False, _beta,
         lambda p: [(p[0], "a positive first shape"), (p[1], "a positive second shape")]),
    Spec("Gamma", "gamma (shape–rate)", ("Gamma", "Gam"), ("shape", "rate"), False, _gamma,
         lambda p: [(p[0], "a positive shape"), (p[1], "a positive rate")]),
    Spec("Bernoulli", "Bernoulli", ("Bernoulli", "Bern", "Ber"), ("probability",), True, _bernoulli,
         lambda p: [(p[0], "a probability above 0"), (sub(ONE, p[0]), "a probability below 1")]),
    Spec("Poisson", "Poisson", ("Poiss", "Poisson"), ("rate",), True, _poisson,
         lambda p: [(p[0], "a positive rate")]),
    Spec("Bin", "binomial", ("Bin", "Binomial"), ("trials", "probability"), True, _binomial,
         lambda p: [(p[0], "at least one trial"), (p[1], "a probability above 0"),
                    (sub(ONE, p[1]), "a probability below 1")]),
    Spec("Cat", "categorical", ("Cat", "Categorical"), ("probabilities",), True, _categorical,
         lambda p: [(p[1], "at least one category")]),
    # no spelling of its own: `\mathcal{U}(a, b)` over a discrete variable (`for_variable`)
    Spec("DU", "discrete uniform", (), ("low", "high"), True, _discrete_uniform,
         lambda p: [(Add(sub(p[1], p[0]), ONE), "low ≤ high")]),
)

BY_KIND = {s.kind: s for s in SPECS}


def spelled(key):
    """The family spelled `key` (a canonical name key), or None."""
    return next((s for s in SPECS if key in s.spellings), None)


# A family written inline ranges over a variable of its own: the real line for a density,
# a finite set of whole numbers for a mass function (summed over, never integrated: a
# Bernoulli pmf integrated over [0, 1] is not its expectation).
_LINE = Declaration(Kind.VARIABLE, Domain.REAL)
_POINTS_SET = Name(r"\{0, 1, \dots\}")
_POINTS = Declaration(Kind.VARIABLE, Domain.REAL, VariableInfo(discrete=True,
                                                               support=_POINTS_SET))


def own_variable(family):
    """The declaration of a variable of a `Family` term's own (bound by an expectation or
    a divergence over a family written inline)."""
    return _POINTS if BY_KIND[family.family].discrete else _LINE


def own_values(variable, context):
    """Whether a discrete variable is known to take every whole number of a mass
    function's support: a family's own variable (`\\mathbb{E}_{y \\sim
    \\mathrm{Bernoulli}(\\theta)}`). A declared discrete variable ranges over a finite
    set whose values are not known, so a sum over its range of a mass function on whole
    numbers is not a sum over that support — unless that function is declared over it
    (`declared_over_range`)."""
    return getattr(context.info(variable.variable), "support", None) is _POINTS_SET


def declared_over_range(dist, variable, context):
    """Whether `dist` is a mass function by formula declared over a discrete variable that
    ranges over the same set as `variable` (`density p = \\mathrm{Bernoulli}(\\theta)
    over x`, then `\\sum_x` or `\\sum_{x \\in \\mathcal{X}}` after `discrete x in
    \\mathcal{X}`). The declaration says where x's values are: the range contains the
    function's support (and may hold other values, where it is 0), so a sum over the range
    of a multiple of that function is its sum over the support. (A range that is exactly
    one infinite support — `engines.series.exact_support` — also sums any other term over
    it as a series.) (A random instance takes
    the range to be the union of the supports of the mass functions declared over it: one
    case of the declarations, so its counterexamples are genuine.)"""
    info = context.info(dist.name) if isinstance(dist, Dist) and not dist.given else None
    formula = getattr(info, "formula", None)
    if formula is None or getattr(info, "given", ()) or len(info.over) != 1 or \
            not on_points(dist, context):
        return False
    over, here = context.info(info.over[0]), context.info(variable.variable)
    return bool(getattr(over, "discrete", False) and getattr(here, "discrete", False)) and \
        over.support is not None and over.support is here.support


def for_variable(family, variable, context):
    """The family a spelling means over `variable` (a variable Name): `\\mathcal{U}(a, b)`
    (StatProofBook's spelling of both uniforms) over a discrete variable is the discrete
    uniform, 1/(b − a + 1) at each whole number from a to b — its ends must then be
    declared whole numbers (`integer a, b`), else ValueError; every other family is itself."""
    if family.family != "U" or not getattr(context.info(variable), "discrete", False):
        return family
    if not all(isinstance(p, Sym) and context.domain(p.name).is_integer or
               isinstance(p, Num) and p.value.denominator == 1 for p in family.params):
        raise ValueError(f"\\mathcal{{U}}(a, b) over the discrete variable {variable.latex} is "
                         "the discrete uniform on the whole numbers from a to b: declare its "
                         "ends whole numbers (% derive: integer a, b)")
    return Family("DU", family.params)


def mismatch(family, variable, context):
    """Why the standard family cannot live on `variable` (a variable Name): a mass function
    over a continuous variable, or a density over a discrete one; None when it can."""
    spec = BY_KIND[family.family]
    discrete = bool(getattr(context.info(variable.variable), "discrete", False))
    if spec.discrete and not discrete:
        return (f"the {spec.title} distribution is a mass function on whole numbers, but "
                f"{variable.latex} is a continuous variable: declare it discrete "
                f"(% derive: discrete {variable.latex}) to sum over its values")
    if discrete and not spec.discrete:
        return (f"the {spec.title} distribution is a density on the real line, but "
                f"{variable.latex} is a discrete variable")
    return None


# ---------------------------------------------------------------------------- formulas

@dataclass(frozen=True)
class Formula:
    """What a density by formula is: its variable (a Name the pieces are written in), its
    pieces, and the family term when it is a standard family."""

    variable: object
    pieces: tuple
    family: object = None


def of_family(family, variable):
    """The `Formula` of a `Family` term, written in `variable` (a Name)."""
    spec = BY_KIND[family.family]
    return Formula(variable, tuple(spec.pieces(Sym(variable), family.params)), family)


def placed(family, variable, latex):
    """A family written inline as the distribution of a declared `variable` (the diagonal
    Gaussian over a vector variable, `D_{KL}(\\mathcal{N}(\\mu, \\sigma^2) \\| …)`): what
    `% derive: density q = \\mathcal{N}(\\mu, \\sigma^2) over z` declares — its formula over
    that variable — under an unspelled name local to the row (`latex`, the argument as
    written). Its parameters are not checked: it is not `genuine`, and each engine reads it
    only where they are valid, as any family written inline."""
    info = DistributionInfo(over=(variable,), formula=of_family(family, variable), family=family)
    return Dist(Name(latex, local=Declaration(Kind.DISTRIBUTION, Domain.POSITIVE, info)),
                (variable,))


def inline(dist):
    """The family of a distribution term written inline (a `Family`, or one `placed` on a
    declared variable), else None."""
    if isinstance(dist, Family):
        return dist
    local = dist.name.local if isinstance(dist, Dist) else None
    return getattr(local.info, "family", None) if local is not None else None


def formula_of(dist, context):
    """The `Formula` of a distribution term (a `Family`, or a declared density given by a
    formula), or None for an abstract density."""
    if isinstance(dist, Family):
        return of_family(dist, _FAMILY_VARIABLE)
    if not isinstance(dist, Dist) or dist.given:
        return None
    formula = getattr(context.info(dist.name), "formula", None)
    if not isinstance(formula, Formula):
        return None
    if dist.params:                      # p_{θ_0}: the formula at other parameter values
        formula = formula_at(formula, dict(zip(context.moves_with(dist.name), dist.params)))
    return formula


def law_names(term, context):
    """The file's names that the declared laws `term` uses are written with, though `term`
    itself does not show them: the symbols of a density's formula (`y` of `density p =
    \\mathrm{Beta}(1 + y, 1) over \\theta`), of a density written as an expression, of a
    pushforward's map, and the parameters a density depends on (`depends p on \\theta`) —
    except those put at explicit values (`p_{\\theta_0}`). What `define h(y) = …` must not
    shadow: its y is not the one those laws keep (`Directives`, `Chains` refuse it)."""
    found, seen = set(), set()
    stack = [d for d in nodes(term) if isinstance(d, Dist)]
    while stack:
        dist = stack.pop()
        if dist.name in seen:
            continue
        seen.add(dist.name)
        info = context.info(dist.name)
        parameters = set(context.moves_with(dist.name))
        written = [] if not isinstance(info, DistributionInfo) else [
            t for low, high, value in getattr(info.formula, "pieces", ())
            for t in (low, high, value) if t is not None]
        if isinstance(info, DistributionInfo) and info.expression is not None:
            written.append(info.expression)
            stack.extend(d for d in nodes(info.expression) if isinstance(d, Dist))
        names = set().union(parameters, *(free_names(t) for t in written if hasattr(t, "args")))
        if isinstance(info, DistributionInfo) and info.law is not None:
            names.add(info.law.map)
            stack.append(Dist(info.law.source, ()))
        if dist.params:
            names -= parameters
        found |= names - set(getattr(info, "over", ())) - set(getattr(info, "given", ())) - {
            getattr(info.formula, "variable", None) if isinstance(info, DistributionInfo) else None}
    return found


def formula_at(formula, mapping):
    """`formula` with symbols put at values (a mapping Name → term), family included."""
    family = formula.family and Family(formula.family.family, tuple(
        substitute(a, mapping) for a in formula.family.params))
    return Formula(formula.variable, tuple(
        (_at(low, mapping), _at(high, mapping), substitute(value, mapping))
        for low, high, value in formula.pieces), family)


def _at(term, mapping):
    return None if term is None else substitute(term, mapping)


_FAMILY_VARIABLE = Name("x", local=_LINE)    # what a family's pieces are written in


def explicit(dens, context):
    """The pieces of a density value `Dens(dist, at)` with the point put in: a list of
    (low, high, value) — or None when the density is abstract."""
    formula = formula_of(dens.dist, context)
    if formula is None:
        return None
    (point,) = dens.at
    return [(low, high, substitute(value, {formula.variable: point}))
            for low, high, value in formula.pieces]


def on_points(dist, context):
    """Whether a density by formula is a mass function (its pieces are whole numbers from
    low to high, both included): a discrete family, or a formula over a discrete variable."""
    formula = formula_of(dist, context)
    if formula is None:
        return False
    if formula.family is not None:
        return BY_KIND[formula.family.family].discrete
    return bool(getattr(context.info(formula.variable), "discrete", False))


def is_formula(dist, context):
    return formula_of(dist, context) is not None


def restricted(formula):
    """Whether the density is not one formula over the whole line."""
    return len(formula.pieces) != 1 or formula.pieces[0][0] is not None or \
        formula.pieces[0][1] is not None


def laws_in_support(variable, context):
    """{distribution: [(low, high)] of its pieces} of every density by formula declared
    (not conditional) over the continuous `variable` alone whose support is not the whole
    line (None ends unbounded): where the variable's free value is drawn
    (`Evaluator.continuous_points`), whose parameters a step with that value is drawn at
    (`compare.labels_for`), and whose ends give the sign of that value in the normal form
    (`Normaliser.sign_of_name`)."""
    laws = {}
    for name in context.of_kind(Kind.DISTRIBUTION):
        info = context.info(name)
        formula = getattr(info, "formula", None)
        if formula is None or getattr(info, "given", ()) or tuple(info.over) != (variable,):
            continue
        pieces = [(low, high) for low, high, _ in formula.pieces]
        if not any((low is None or _unbounded(low)) and (high is None or _unbounded(high))
                   for low, high in pieces):
            laws[name] = pieces
    return laws


def range_laws(support, context):
    """{distribution: [(low, high)] of its pieces} of every mass function by formula
    declared (not conditional) over a discrete variable ranging over `support` (a declared
    range, `discrete x in A`): the laws whose supports make up the range's values
    (`Evaluator._fix_range`), so whose parameters a step summing over any variable of that
    range is drawn at (`compare.labels_for`) — U(1, m) over x fixes A's values by m also
    where the step sums p(k) log p(k) over k in A. None ends unbounded."""
    laws = {}
    for name in context.of_kind(Kind.DISTRIBUTION):
        info = context.info(name)
        formula = getattr(info, "formula", None)
        if formula is None or getattr(info, "given", ()) or len(info.over) != 1:
            continue
        over = context.info(info.over[0])
        if getattr(over, "discrete", False) and over.support is support:
            laws[name] = [(low, high) for low, high, _ in formula.pieces]
    return laws


def _unbounded(end):
    return end is OO or end is Mul(MINUS_ONE, OO)


def densities_at(term, var, context):
    """The densities by formula taken at the bound variable `var` in `term`: {dist: Formula}."""
    found = {}
    for t in nodes(term):
        if isinstance(t, Dens) and t.at == (Sym(var),):
            formula = formula_of(t.dist, context)
            if formula is not None:
                found[t.dist] = formula
    return found


def abstract_at(term, var, context):
    """Whether `term` has an abstract density (or an opaque function) depending on `var`."""
    from derive.model.terms import Call, free_names
    for t in nodes(term):
        if isinstance(t, Dens) and formula_of(t.dist, context) is None and \
                any(var in free_names(a) for a in t.at + (t.dist.cond if isinstance(t.dist, Dist) else ())):
            return True
        if isinstance(t, Call) and any(var in free_names(a) for a in t.arguments):
            return True
    return False


def abstract_factors(term, var, context):
    """The abstract densities at the bound variable `var` (written `p(x)`, one variable)
    that are factors of `term`, so that `term` vanishes wherever they do: off the cells in
    the numeric engine, off a declared support (`density p over x in [0, \\infty)`)."""
    found = {}
    for t in nodes(term):
        if isinstance(t, Dens) and isinstance(t.dist, Dist) and t.at == (Sym(var),) and \
                not t.dist.given and formula_of(t.dist, context) is None and \
                getattr(context.info(t.dist.name), "expression", None) is None and \
                _is_factor(term, t):
            found[t.dist] = None
    return list(found)


def divided_by(term, var, context):
    """The abstract densities at `var` declared on an interval that `term` divides by (reads
    other than as a plain factor, `_divisors`: `\\frac{p}{q}`, `q^{-1}`, `e^{\\log p - \\log q}`)
    and that it either has as a factor (`q(x) \\frac{p(x)}{q(x)}`, the integrand of E_q[p/q])
    or vanishes off of (each term a multiple of a density declared inside their supports):
    the term is written only where they are positive, so an integral of it covers only their
    support — cancelling q·(1/q) to 1 off it would add mass of p that q does not see
    (importance weights need supp p ⊆ supp q). Raises ValueError when such a density is
    neither (`q \\frac{p}{q} - p` with p on the whole line: cutting the sum to q's support
    is not exact, and not cutting it cancels q·(1/q) off the support)."""
    supported = [d for d in _divisors(term, var, context)
                 if getattr(context.info(d.name), "support", None) is not None]
    if not supported:
        return []
    factors = abstract_factors(term, var, context)
    loose = [d for d in supported if d not in factors]
    if loose:
        low, high = support_of(term, var, context)
        for dist in loose:
            a, b = context.info(dist.name).support
            if not ((a is None or low is not None and low.value >= a.value) and
                    (b is None or high is not None and high.value <= b.value)):
                raise ValueError(f"an integrand that divides by {dist.name.latex}, declared on "
                                 f"an interval, in a term that does not vanish off it (the "
                                 f"division is written only where it is positive)")
    return supported


def cancels_to_nonvanishing(term, var, context):
    """Whether `term` divides by an abstract density at `var` and is of degree ≤ 0 in those
    densities once the divisions cancel (`q(x) \\frac{1}{q(x)}`, `\\frac{q(x)}{q(x)}`,
    `q(x) q(x)^{-1}`), or of a degree not read (`q(x) e^{-\\log q(x)}`): it is not 0 where
    they all are (off the numeric engine's cells), as q·g, p·(q/p) and (q − p)²/p are in
    the limit of densities scaled down together."""
    if not _divisors(term, var, context):
        return False
    degree = _degree(term, var, context)
    return degree is None or degree <= 0


def _abstract(t, var, context):
    """Whether `t` is an abstract density (no formula, no expression, not conditional)
    taken at the bound variable `var`."""
    return isinstance(t, Dens) and isinstance(t.dist, Dist) and t.at == (Sym(var),) and \
        not t.dist.given and formula_of(t.dist, context) is None and \
        getattr(context.info(t.dist.name), "expression", None) is None


def _drawn_at(t, var, context):
    """Whether `t` is an abstract density taken with the bound variable `var` as one of its
    points — at `var` alone (`_abstract`), or a joint or conditional with `var` one point
    among others and nowhere else in it (`p(x, z)`, `q(z \\mid x)` at z): the numeric engine
    draws it as a table that is 0 off the cells in each of its variables, so it vanishes
    off them in `var` as p(z) does (`cancels_to_nonvanishing`)."""
    if _abstract(t, var, context):
        return True
    if not (isinstance(t, Dens) and isinstance(t.dist, Dist)) or t.at.count(Sym(var)) != 1 or \
            formula_of(t.dist, context) is not None:
        return False
    info = context.info(t.dist.name)
    others = [a for a in t.at if a != Sym(var)] + list(t.dist.cond) + list(t.dist.params)
    return getattr(info, "expression", None) is None and getattr(info, "law", None) is None \
        and not any(var in free_names(a) for a in others)


def positive_on_the_line(t, var, context):
    """Whether `t` is an abstract density at the bound variable `var` declared with no
    support (over the whole line, where it is taken positive: the numeric engine's drawn
    densities are limits of positive ones there)."""
    return _abstract(t, var, context) and \
        (getattr(context.info(t.dist.name), "support", None) or (None, None)) == (None, None)


def _constant(term):
    """The value of a term built of numbers by sums and products (`-1` is read Mul(−1, 1)),
    else None."""
    if isinstance(term, Num):
        return term.value
    if isinstance(term, (Add, Mul)):
        values = [_constant(a) for a in term.args]
        if any(v is None for v in values):
            return None
        total = values[0]
        for v in values[1:]:
            total = total + v if isinstance(term, Add) else total * v
        return total
    return None


def _divisors(term, var, context):
    """The abstract densities at `var` (their `Dist`s) that `term` holds other than as a
    plain factor — read on the term, not on its spelling: under a power that is not a
    positive whole number (`\\frac{1}{q}`, `q^{-1}`, `q^{a}`), in an exponent (`e^{-\\log q}`,
    `2^{-\\log_2 q}`) or under any function or call — where the normal form may cancel it
    against a factor q. Under a logarithm reached plainly it is not counted: log q stays an
    atom of its own, and q log q vanishes off q's support as q does."""
    from derive.model.terms import Defined, Deriv, Integral, Sum
    found, seen = {}, set()
    stack = [(term, True)]
    while stack:
        t, plain = stack.pop()
        if (t, plain) in seen:
            continue
        seen.add((t, plain))
        if _drawn_at(t, var, context):
            if not plain:
                found[t.dist] = None
            continue
        if plain and isinstance(t, Fn) and t.fname == "log":
            continue
        if plain and isinstance(t, Pow):
            power = _constant(t.exponent)
            whole = power is not None and power > 0 and power.denominator == 1
            stack.append((t.base, whole))
            stack.append((t.exponent, False))
            continue
        # |u|, an integral, a sum or a derivative divides by nothing its body does not
        # (total variation's |p − q|, ∬ p ln(p/(p_x p_y)), ∫ f ∇_θ log p): a division
        # written inside is still found there
        keep = plain and (isinstance(t, (Add, Mul, Defined, Deriv, Integral, Sum)) or
                          isinstance(t, Fn) and t.fname == "abs")
        stack.extend((c, keep) for c in t.children)
    return list(found)


def _degree(term, var, context):
    """The degree of `term` in the abstract densities at `var` (each counts 1; a sum the
    least of its terms'; a log or an unknown function 0), None where it is not read (a
    density in an exponent, under an elementary function other than log)."""
    from derive.model.terms import Defined, Deriv
    if isinstance(term, Dens):
        return int(isinstance(term.dist, Dist) and term.at == (Sym(var),) and
                   formula_of(term.dist, context) is None or _drawn_at(term, var, context))
    if isinstance(term, (Mul, Add)):
        degrees = [_degree(a, var, context) for a in term.args]
        if any(d is None for d in degrees):
            return None
        return sum(degrees) if isinstance(term, Mul) else min(degrees)
    if isinstance(term, (Defined, Deriv)):       # ∂_θ p_θ(x) vanishes where p_θ does
        return _degree(term.body, var, context)
    if isinstance(term, Fn) and term.fname == "abs":      # |q − p| vanishes where both do
        return _degree(term.operands[0], var, context)
    if isinstance(term, Pow) and _constant(term.exponent) is not None:
        degree = _degree(term.base, var, context)
        return None if degree is None else _constant(term.exponent) * degree
    if isinstance(term, Fn) and term.fname == "log" or not isinstance(term, (Fn, Pow)) or \
            not any(_abstract(t, var, context) for t in nodes(term)):
        return 0                                # f(q/p) of an opaque f: a value per cell
    return None


def support_of(term, var, context, skip=()):
    """(low, high) Num ends (None: infinite) of the declared support that a term vanishes
    off: the intersection of the supports of its abstract density factors at `var` (but
    those in `skip`); (None, None) when none declares one."""
    return supports_meet(context, (d for d in abstract_factors(term, var, context)
                                   if d not in skip))


def supports_meet(context, dists):
    """(low, high) Num ends (None: infinite) of the intersection of the declared supports
    of the abstract densities `dists`."""
    low = high = None
    for dist in dists:
        support = getattr(context.info(dist.name), "support", None) or (None, None)
        a, b = support
        low = a if low is None or a is not None and a.value > low.value else low
        high = b if high is None or b is not None and b.value < high.value else high
    return low, high


def range_pieces(term, var, context):
    """How an integral of `term` over the whole range of `var` splits, when `term` takes a
    density by formula with a restricted support (or several pieces) at `var`:
    (dist, [(low, high)]) — the integral is the sum over the pieces, with that density's
    piece formula on each (the first such density that is a factor of the whole integrand,
    so that the integrand vanishes off its pieces; any other restricted density in it is
    evaluated where it can be — at the whole numbers of a sum). None when no such density
    occurs (the whole line). Raises ValueError when none is a factor of the whole
    integrand (∫ N log Exp is infinite, not an integral over [0, ∞)). Over a discrete
    variable, mass functions all on one support with an integrand that vanishes wherever
    they all do (`_vanishes_with`: ½ |P(x) − Q(x)|, total variation of two Bernoulli laws)
    need no such factor: the sum is over that support."""
    restricted_ones = {d: f for d, f in densities_at(term, var, context).items() if restricted(f)}
    if not restricted_ones:
        return None
    factors = [(d, f) for d, f in restricted_ones.items() if _is_factor(term, Dens(d, (Sym(var),)))]
    if not factors and getattr(context.info(var), "discrete", False) and \
            _one_support(restricted_ones.values()) and \
            _vanishes_with(term, {Dens(d, (Sym(var),)) for d in restricted_ones}):
        factors = list(restricted_ones.items())
    if not factors:
        raise ValueError("a density with a restricted support that is not a factor of the "
                         "whole integrand")
    dist, formula = factors[0]
    return dist, [(low, high) for low, high, _ in formula.pieces]


def _one_support(formulas):
    """Whether the densities by formula all have the same pieces (the same ends)."""
    ends = {tuple((low, high) for low, high, _ in f.pieces) for f in formulas}
    return len(ends) == 1


def _vanishes_with(term, denses):
    """Whether `term` is 0 wherever every density of `denses` is — read on its form: one
    of them, a product with such a factor, a sum of such terms, a positive power or an
    absolute value of one (total variation's ½ |p(x) − q(x)| of two laws on one support,
    where neither density alone is a factor). Off their common support the integrand is
    then 0, so the integral is over that support."""
    from derive.model.terms import Defined
    if term in denses:
        return True
    if isinstance(term, Mul):
        return any(_vanishes_with(a, denses) for a in term.args)
    if isinstance(term, Add):
        return all(_vanishes_with(a, denses) for a in term.args)
    if isinstance(term, Defined):
        return _vanishes_with(term.body, denses)
    if isinstance(term, Pow) and isinstance(term.exponent, Num) and term.exponent.value > 0:
        return _vanishes_with(term.base, denses)
    if isinstance(term, Fn) and term.fname == "abs":
        return _vanishes_with(term.operands[0], denses)
    return False


def _is_factor(term, dens):
    """Whether `term` vanishes wherever `dens` does (`dens` times something)."""
    return _vanishes_with(term, (dens,))


def check(family, sign_of):
    """The conditions of `family`'s parameters that `sign_of(term) == "pos"` does not
    show, as text (empty when the family is a genuine distribution)."""
    spec = BY_KIND[family.family]
    return [what for term, what in spec.validity(family.params) if sign_of(term) != "pos"]


def genuine(dist, context, sign_of):
    """Whether a distribution term is known to be a genuine density (positive, normalised):
    an abstract one by declaration, a family whose parameters were checked at its
    declaration — at other parameter values (`p_{\\theta_0}`, `p_{-1}`) only where
    `sign_of` (term ↦ "pos", …) shows them valid; not a user's formula, and not a family
    written inline. (An argument written as an expression in densities is checked where it
    is used: `bounds._proper`.)"""
    if inline(dist) is not None:
        return False
    formula = formula_of(dist, context)
    if formula is None:
        return True
    if formula.family is None:
        return False
    return not dist.params or not check(formula.family, sign_of)

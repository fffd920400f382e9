"""Vector variables and the diagonal Gaussian over them (the VAE's `q_\\phi(\\mathbf z|\\mathbf x)`).

`% derive: variable z in \\mathbb{R}^J` declares a real vector z with components
`z_1 … z_J`; `% derive: real \\mu in \\mathbb{R}^J` (or `positive`) a vector symbol whose
components `\\mu_j` are the family `\\mu_{\\cdot}` with that domain. `\\mathcal{N}(\\mu,
\\sigma^2)` over a vector variable is the diagonal Gaussian: component j is
`N(z_j; μ_j, σ_j²)` (a vector symbol stands for its component, a scalar for itself; an
undeclared `I`, the identity, is read as the variance 1 by the reader).

Integrals over a vector variable are read through one identity, shared by both engines:
for a diagonal Gaussian Q and an integrand affine in logs of diagonal Gaussians D_i,

    ∫ Q(z) (c + Σ_i a_i log D_i(z)) dz = c + Σ_{j=1}^J ∫ Q_j(t) Σ_i a_i log D_{i,j}(t) dt

(Fubini: log D_i = Σ_j log D_{i,j}, and every other component of Q integrates to 1). The
one-dimensional integrals are then the engines' own: closed forms in the normal form,
quadrature in the numeric engine. Against Q, a term in the components of z is read by the
same identity: `Σ_{j=1}^J h(z_j)` is `Σ_j ∫ Q_j(t) h(t) dt`, a term in z_1 alone is
`∫ Q_1(t) h(t) dt` (E_q[z_1] = μ_1). Inside the integral, `z_j` is a component of the bound
copy of z (its own family, `components_of_copy`), never of the free z. An integrand that
holds z only as the argument of densities known by name and of declared functions is read
as over one real variable (`abstract_only`); any other integrand over a vector variable is
not read.
"""

from __future__ import annotations

from dataclasses import dataclass

from derive.model.names import Declaration, Domain, Kind, Name, VariableInfo
from derive.model.terms import (
    ONE, Add, Call, Dens, Dist, Family, Fn, Integral, Mul, Num, Pow, Sum, Sym, free_names,
    nodes,
)

LOCAL_INDEX = Declaration(Kind.SYMBOL, Domain.INTEGER)
LOCAL_REAL = Declaration(Kind.VARIABLE, Domain.REAL)


@dataclass(frozen=True, eq=False)
class VectorVariableInfo(VariableInfo):
    """A continuous variable in ℝ^dimension, with its family of components."""

    dimension: object = None       # a term
    components: Name | None = None


@dataclass(frozen=True, eq=False)
class Vector:
    """The info of a vector symbol: its dimension and the family of its components."""

    dimension: object
    components: Name


@dataclass(frozen=True, eq=False)
class Components:
    """The info of the component family of a bound copy of a vector variable (`z_j`
    inside `\\int … dz`, `\\mathbb{E}_{z \\sim q}`): `of` is that copy. Its components are
    integrated with it, never free."""

    of: Name


def components_of_copy(copy):
    """A new component family for the bound copy `copy` of a vector variable."""
    return Name(copy.latex + "_{\\cdot}",
                local=Declaration(Kind.FUNCTION, Domain.REAL, Components(copy)))


class NotVector(Exception):
    """An integral over a vector variable that derive does not read."""


def dimension(var, context):
    """The dimension of a (bound copy of a) vector variable, or None for a scalar one."""
    info = context.info(var.variable)
    return info.dimension if isinstance(info, VectorVariableInfo) else None


def parameter_dimensions(family, context):
    """The dimensions of the vector symbols among a family's parameters
    (`\\mathcal{N}(\\mu, \\sigma^2)` with μ, σ declared in ℝ^J: {J})."""
    return {context.info(n).dimension for p in family.params for n in free_names(p)
            if isinstance(context.info(n), Vector)}


def variables_of(size, context):
    """The declared vector variables of dimension `size` (a term)."""
    return [n for n in context.of_kind(Kind.VARIABLE) if dimension(n, context) == size]


def integral(var, body, context):
    """The term an integral of `body` over the whole of the vector variable `var` means
    (see the module's identity); raises NotVector."""
    weight, rest = _weight(body, var, context)
    terms = list(rest.args) if isinstance(rest, Add) else [rest]
    comps = frozenset(n for t in terms for n in free_names(t) if _component_of(n, var))
    moments = [_moment(t, var, comps, weight, context) for t in terms if comps & free_names(t)]
    plain = [t for t in terms if not comps & free_names(t)]
    constant, logs = _affine(Add(*plain) if len(plain) > 1 else plain[0], var, context) \
        if plain else (None, [])
    index = Name("j", local=LOCAL_INDEX)
    point = Name("t", local=LOCAL_REAL)
    at = (Sym(point),)
    parts = ([constant] if constant is not None else []) + moments
    if logs:
        inner = Add(*[Mul(a, Fn("log", Dens(_component(d, Sym(index), context), at)))
                      for a, d in logs]) if len(logs) > 1 else \
            Mul(logs[0][0], Fn("log", Dens(_component(logs[0][1], Sym(index), context), at)))
        one = Integral(point, Mul(Dens(_component(weight, Sym(index), context), at), inner))
        parts.append(Sum(index, one, ONE, dimension(var, context)))
    if not parts:
        return Num(0)
    return parts[0] if len(parts) == 1 else Add(*parts)


def abstract_only(var, body, context):
    """Whether `body` holds the bound copy `var` of a vector variable only as the one
    argument of abstract densities over that variable (`p(x)`, declared without formula)
    and of declared functions (`f(x)`), under sums, products, powers and elementary
    functions — no component, no density by formula, no bare x, and no density declared
    on an interval (`density q over x in (0, 1)`: what an interval of a vector means —
    each component, a set of ℝⁿ — is not read, and the real-line reading would drop it,
    so E_q[p/q] = 1 was verified with p on all of ℝⁿ).

    Such an integral over the whole of ℝⁿ is read as one over a real variable: ℝⁿ and ℝ
    with Lebesgue measure are isomorphic measure spaces (mod null sets), so composing
    with the isomorphism carries any densities and functions of the one to densities (still
    positive, integrating to 1) and functions of the other with the same integrals. An
    identity among such integrals holds over ℝⁿ exactly when it holds over ℝ, and a
    counterexample over ℝ is one over ℝⁿ: `\\int_{\\mathbb{R}^n} \\frac{f(x) p(x)}{q(x)} q(x)
    \\, dx = \\mathbb{E}_p[f]` (importance sampling) is proved, and a wrong weight refuted.
    The engines keep the range apart from the real line's (its own range id), so no
    integral over ℝ is identified with it. The dimension is taken ≥ 1 (a dimension written
    as a number below 1 is not read so: ℝ⁰ is a point)."""
    from derive.notation import families
    size = dimension(var, context)
    if isinstance(size, Num) and size.value < 1:
        return False                        # ℝ⁰ is a point, no copy of ℝ
    point = Sym(var)

    def plain(t):
        if var not in free_names(t):
            return True
        if isinstance(t, Dens):
            dist = t.dist
            return t.at == (point,) and isinstance(dist, Dist) and len(dist.over) == 1 and \
                not dist.given and not families.is_formula(dist, context) and \
                getattr(context.info(dist.name), "support", None) is None
        if isinstance(t, Call):
            declaration = context.declaration(t.function)
            return t.arguments == (point,) and declaration is not None and \
                declaration.kind is Kind.FUNCTION and declaration.info is None
        if isinstance(t, (Add, Mul, Pow, Fn)):
            return all(plain(c) for c in t.children)
        return False
    return plain(body) and not any(_component_of(n, var) for n in free_names(body))


def _component_of(name, var):
    """Whether `name` is the component family of the bound copy `var`."""
    return name.local is not None and isinstance(name.local.info, Components) and \
        name.local.info.of is var


def _moment(t, var, comps, weight, context):
    """∫ Q(z) t dz for a term `t` in the components of z (Fubini, every other component of
    Q integrating to 1): a sum `Σ_{j=1}^{J} h(z_j)` is `Σ_j ∫ Q_j(s) h(s) ds`, a term in one
    component z_k (k a whole number in 1..J) is `∫ Q_k(s) h(s) ds`; constant factors and
    sums of such terms are taken apart. Anything else (z_1 z_2, a density at z) is not read."""
    if not comps & free_names(t):
        if var in free_names(t):
            raise NotVector("an integrand over a vector variable that mixes its components "
                            "with functions of the whole vector")
        return t
    opened = _log_of_exponentials(t, comps, context)
    if opened is not None:
        return _moment(opened, var, comps, weight, context)
    if isinstance(t, Add):
        return Add(*[_moment(a, var, comps, weight, context) for a in t.args])
    if isinstance(t, Mul):
        moving = [a for a in t.args if (comps | {var}) & free_names(a)]
        if len(moving) == 1:
            rest = [a for a in t.args if a is not moving[0]]
            return Mul(*rest, _moment(moving[0], var, comps, weight, context))
    size = dimension(var, context)
    if isinstance(t, Sum) and t.lower is ONE and t.upper is size:
        return Sum(t.var, _one(t.body, Sym(t.var), var, comps, weight, context), ONE, size)
    indices = {c.arguments for c in nodes(t) if isinstance(c, Call) and c.function in comps}
    if len(indices) != 1 or len(next(iter(indices))) != 1:
        raise NotVector("an integrand over a vector variable that mixes several of its "
                        "components")
    ((index,),) = indices
    if not (isinstance(index, Num) and index.value.denominator == 1 and index.value >= 1 and
            (index is ONE or isinstance(size, Num) and index.value <= size.value)):
        raise NotVector("a component of a vector variable whose index is not known to lie "
                        "in 1..J")
    return _one(t, index, var, comps, weight, context)


def _log_of_exponentials(t, comps, context):
    """log(c · e^{u_1} ⋯ e^{u_n}) with c free of the components and every u_i real:
    log c + u_1 + … + u_n (without c: the u_i alone) — a positive real factor e^u leaves the
    argument of c unchanged, so the principal log splits for every c ≠ 0 (the standard
    normal's log density written log(\\frac{1}{\\sqrt{2\\pi}^J} \\exp(-\\frac{z^T z}{2}))).
    None for any other term."""
    if not (isinstance(t, Fn) and t.fname == "log"):
        return None
    factors = _flat(t.operands[0])
    exponents = [f.operands[0] for f in factors if isinstance(f, Fn) and f.fname == "exp"]
    rest = [f for f in factors if not (isinstance(f, Fn) and f.fname == "exp")]
    if not exponents or any(comps & free_names(f) for f in rest) or \
            not all(_real(u, context) for u in exponents):
        return None
    if rest:
        exponents.insert(0, Fn("log", Mul(*rest) if len(rest) > 1 else rest[0]))
    return Add(*exponents) if len(exponents) > 1 else exponents[0]


def _real(t, context):
    """Whether a term is real as written: sums, products, integer powers and finite sums
    of numbers and names declared real (the components, an index, μ_j, σ_j)."""
    if isinstance(t, Num):
        return True
    if isinstance(t, Sym):
        return context.declaration(t.name).domain.is_real
    if isinstance(t, Call):
        return context.declaration(t.function).domain.is_real and \
            all(_real(a, context) for a in t.arguments)
    if isinstance(t, Pow):
        return isinstance(t.exponent, Num) and t.exponent.value.denominator == 1 and \
            _real(t.base, context)
    if isinstance(t, Sum):
        return all(_real(c, context) for c in (t.body, t.lower, t.upper))
    if isinstance(t, (Add, Mul)):
        return all(_real(a, context) for a in t.args)
    return False


def _one(h, index, var, comps, weight, context):
    """∫ Q_index(s) h(s) ds, with the component z_index of h put at s."""
    point = Name("t", local=LOCAL_REAL)
    value = _put(h, comps, index, Sym(point))
    if var in free_names(value) or comps & free_names(value):
        raise NotVector("an integrand over a vector variable that mixes several of its "
                        "components, or them and the whole vector")
    return Integral(point, Mul(Dens(_component(weight, index, context), (Sym(point),)), value))


def _put(t, comps, index, point):
    if isinstance(t, Call) and t.function in comps:
        return point if t.arguments == (index,) else t
    if not comps & free_names(t):
        return t
    return t.rebuild([_put(c, comps, index, point) for c in t.children])


def _diagonal(dist, var, context):
    """The family term (N with vector parameters) of a diagonal Gaussian distribution term."""
    from derive.notation import families
    if isinstance(dist, Family):
        family = dist
    else:
        formula = families.formula_of(dist, context)
        family = formula.family if formula is not None else None
    if family is None or family.family != "N":
        raise NotVector("an integral over a vector variable of something other than "
                        "diagonal Gaussians")
    return family


def _is_density_at(t, var):
    return isinstance(t, Dens) and t.at == (Sym(var),)


def _weight(body, var, context):
    """(the weighting Gaussian, the rest) of body = Q(z) · rest."""
    factors = _flat(body)
    found = [k for k, f in enumerate(factors) if _is_density_at(f, var)]
    if len(found) != 1:
        raise NotVector("an integral over a vector variable needs one density as a factor")
    k = found[0]
    weight = _diagonal(factors[k].dist, var, context)
    rest = factors[:k] + factors[k + 1:]
    return weight, (Mul(*rest) if len(rest) > 1 else rest[0] if rest else ONE)


def _flat(t):
    """The factors of a product, nested products opened (−∫ q log q is (−1)·(q·log q))."""
    if isinstance(t, Mul):
        return [f for a in t.args for f in _flat(a)]
    return [t]


def _affine(t, var, context):
    """(constant or None, [(coefficient, Gaussian)]) with t = constant + Σ a·log D(z)."""
    if var not in free_names(t):
        return t, []
    if isinstance(t, Add):
        constants, logs = [], []
        for a in t.args:
            c, l = _affine(a, var, context)
            if c is not None:
                constants.append(c)
            logs += l
        return (Add(*constants) if len(constants) > 1 else constants[0] if constants else None,
                logs)
    if isinstance(t, Mul):
        scale = [a for a in t.args if var not in free_names(a)]
        moving = [a for a in t.args if var in free_names(a)]
        if len(moving) != 1:
            raise NotVector("a product of two functions of a vector variable")
        c, logs = _affine(moving[0], var, context)
        factor = Mul(*scale) if len(scale) > 1 else scale[0] if scale else ONE
        return (None if c is None else Mul(factor, c)), [(Mul(factor, a), d) for a, d in logs]
    if isinstance(t, Fn) and t.fname == "log":
        return _log(t.operands[0], var, context, ONE)
    raise NotVector("an integrand over a vector variable that is not a sum of logs of "
                    "diagonal Gaussians")


def _log(u, var, context, sign):
    if _is_density_at(u, var):
        return None, [(sign, _diagonal(u.dist, var, context))]
    if isinstance(u, Mul):
        logs = []
        constant = []
        for a in u.args:
            c, l = _log(a, var, context, sign)
            logs += l
            if c is not None:
                constant.append(c)
        return (Add(*constant) if len(constant) > 1 else constant[0] if constant else None), logs
    if isinstance(u, Pow) and isinstance(u.exponent, Num):
        return _log(u.base, var, context, Mul(sign, u.exponent))
    raise NotVector("the log of something other than diagonal Gaussians over a vector variable")


def _component(family, index, context):
    """Component `index` (a term) of a diagonal Gaussian: N(μ_j, σ_j²)."""
    mean, variance = family.params
    return Family("N", (_entry(mean, index, context), _entry(variance, index, context)))


def _entry(term, index, context):
    if isinstance(term, Sym):
        declaration = context.declaration(term.name)
        if isinstance(declaration.info, Vector):
            return Call(declaration.info.components, index)
        return term
    if isinstance(term, (Num,)) or not term.children:
        return term
    return term.rebuild([_entry(c, index, context) for c in term.children])


def at_vector(dens, context):
    """Whether a density value is taken at a vector variable (only integrals over it, by the
    identity above, are read) — but for an abstract density at the bound copy of an
    integral read as over one real variable (`abstract_only`, which alone binds such a
    copy around a density at it)."""
    vector = [a for a in dens.at if isinstance(a, Sym) and dimension(a.name, context) is not None]
    if not vector:
        return False
    (copy,) = vector if len(vector) == 1 else (None,)
    return copy is None or copy.name.origin is None or \
        not abstract_only(copy.name, dens, context)

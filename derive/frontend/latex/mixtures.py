"""Whether a divergence's or an entropy's argument written as a formula in densities is a
distribution (`Probability.formula_law`).

KL, JS, χ², TV, Hellinger, D_f and H are defined between distributions; their lemmas
(KL ≥ 0, TV ≤ 1, …) and their meaning need arguments that are non-negative and integrate
to 1. A formula is read as a distribution only when it is built so, by one of:

* a **density** of the file at its own variables (`p(x)`, `q(y \\mid x)`, an inline family
  `\\mathcal{N}(x; 0, 1)`), or a definition whose body is one of these (`define m(x) =
  \\frac{p(x) + q(x)}{2}`: its body is read);
* a **mixture** Σ w_k D_k of such laws over the same variables, whose weights mention no
  variable and no density, are shown ≥ 0 and sum to 1 (`\\frac{p + q}{2}`, `\\tfrac12(p +
  q)`, `\\lambda p + (1 - \\lambda) q` with λ declared in [0, 1]);
* a **product law** Π D_k of laws over disjoint variables, each conditional only on the
  variables of the factors before it in some order (`p(x) p(y)`, `p(x) q(y \\mid x)`).

A constant on a discrete variable's declared finite range is the uniform law when it is
shown 1/|𝒳| (`define u(x) = \\frac{1}{|\\mathcal{X}|}`, `D(p \\| u)`).

Anything else — `p + q`, `2 q`, `q^2`, `p q` of one variable, `x p(x)` — is no distribution:
`why_not_a_law` says why, and the reader refuses the argument where it is written.
"""

from __future__ import annotations

from derive.model.names import Kind
from derive.model.terms import Add, Defined, Dens, Dist, Family, Mul, Num, Sym, free_names, nodes


def why_not_a_law(term, variables, context):
    """None when `term` is a distribution over the set `variables` by the rules above;
    else the reason, for the reader's error."""
    if not _mentions_density(term) and _uniform(term, variables, context):
        return None
    try:
        over = _law(term, context)
    except _NotALaw as exc:
        return str(exc)
    if over != frozenset(variables):
        return "its terms are not laws over the same variables"
    return None


class _NotALaw(Exception):
    """Why a formula is no distribution."""


def _law(term, context):
    """The variables `term` is a distribution over (a frozenset), or `_NotALaw`."""
    parts = _components(term)
    if len(parts) == 1 and not parts[0][0]:
        return _product(parts[0][1], context)
    overs = {_product(component, context) for _, component in parts}
    if len(overs) != 1:
        raise _NotALaw("a mixture's terms must be laws over the same variables")
    _weights(parts, context)
    return overs.pop()


def _components(term):
    """[(weight factors, component)]: `term` as Σ (Π weight factors) · component, where
    the weights mention no density and each component is not a sum."""
    if isinstance(term, Defined):
        return _components(term.body)
    if isinstance(term, Add):
        return [part for child in term.args for part in _components(child)]
    if isinstance(term, Mul):
        dense = [f for f in term.args if _mentions_density(f)]
        plain = tuple(f for f in term.args if not _mentions_density(f))
        if len(dense) == 1:
            return [(plain + w, c) for w, c in _components(dense[0])]
        if plain:
            return [(plain, Mul(*dense))]
    return [((), term)]


def _product(term, context):
    """The variables of a density at its variables, or of a product law of such."""
    if isinstance(term, Defined):
        return _law(term.body, context)
    factors = term.args if isinstance(term, Mul) else (term,)
    if isinstance(term, Mul):
        laws = [_factor(f, context) for f in factors]
    elif isinstance(term, Dens):
        laws = [_factor(term, context)]
    else:
        raise _NotALaw("it is no density, mixture or product of densities")
    taken, pending = set(), list(laws)
    while pending:                          # a chain-rule order: given before what needs it
        ready = [law for law in pending if law[1] <= taken]
        if not ready:
            raise _NotALaw("its factors are not a product law: each factor's variables "
                           "must be new, and what it is conditional on earlier factors'")
        for over, _ in ready:
            if over & taken:
                raise _NotALaw("two of its factors are laws of one variable")
            taken |= over
            pending.remove((over, _))
    return frozenset(taken)


def _factor(term, context):
    """(variables, variables it is conditional on) of one factor of a product law."""
    if isinstance(term, Defined) or isinstance(term, Add):
        return _law(term, context), frozenset()
    if not isinstance(term, Dens) or not all(isinstance(a, Sym) for a in term.at):
        raise _NotALaw("it is no density, mixture or product of densities")
    at = [a.name for a in term.at]
    if isinstance(term.dist, Family):
        return frozenset(at), frozenset()
    dist = term.dist
    if not isinstance(dist, Dist) or len(set(at)) != len(at) or \
            {a.variable for a in at} != {v.variable for v in dist.over}:
        raise _NotALaw("a density in it is not taken at its own variables")
    given = frozenset(c.name for c in dist.cond
                      if isinstance(c, Sym) and context.kind(c.name) is Kind.VARIABLE)
    if any(not isinstance(c, Sym) and free_names(c) & set(at) for c in dist.cond):
        raise _NotALaw("a density in it is conditional on its own variable")
    return frozenset(at), given


def _weights(parts, context):
    """Refuse a mixture whose weights mention a variable or are not shown ≥ 0, or whose
    sum is not shown to be 1."""
    from derive.engines import chords, normal_form
    normaliser = normal_form.Normaliser(context)
    weights = [Mul(*w) if len(w) > 1 else w[0] if w else Num(1) for w, _ in parts]
    for weight in weights:
        if any(context.kind(n) is Kind.VARIABLE for n in free_names(weight)):
            raise _NotALaw("a mixture's weight depends on the variable")
    try:
        signs = [normaliser.sign(normaliser.value(w)) for w in weights]
        excess = normaliser.value(Add(*weights, Num(-1)))
    except (normal_form.Unsupported, normal_form.Undefined):
        raise _NotALaw("its weights are not numbers derive can add") from None
    if any(s not in (normal_form.POS, normal_form.NONNEG) for s in signs):
        raise _NotALaw("a mixture's weights must be shown ≥ 0")
    if not chords.vanishes(excess):         # a/(a+b) + b/(a+b): 1 over one denominator
        found = "do not" if excess.constant() is not None else "are not shown to"
        raise _NotALaw(f"its weights {found} sum to 1 — a multiple or a sum of densities "
                       "does not integrate to 1")


def _uniform(term, variables, context):
    """Whether `term` is the uniform mass function on a discrete variable's declared finite
    range (Cover & Thomas's u(x) = 1/|𝒳| in D(p ‖ u)): free of every variable, and shown
    1/|𝒳| — its value times the range's size is 1."""
    from derive.engines import chords, normal_form
    while isinstance(term, Defined):
        term = term.body
    variables = list(variables)
    if len(variables) != 1 or context.kind(variables[0]) is not Kind.VARIABLE or \
            any(context.kind(n) is Kind.VARIABLE for n in free_names(term)):
        return False
    info = context.info(variables[0].variable)
    support = getattr(info, "support", None)
    size = getattr(context.info(support), "size", None) if support is not None else None
    if size is None:
        return False
    try:
        excess = normal_form.Normaliser(context).value(Add(Mul(term, Sym(size)), Num(-1)))
    except (normal_form.Unsupported, normal_form.Undefined):
        return False
    return chords.vanishes(excess)


def _mentions_density(term):
    return any(isinstance(t, (Dens, Dist, Family)) for t in nodes(term))

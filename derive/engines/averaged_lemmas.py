"""A lemma about conditionals, averaged over the conditioning values (`bounds` uses it).

Gibbs' inequality holds for the conditionals `p(x | y)`, `q(x | y)` at every value of y, so
it holds averaged against any density over y: `∫ w(y) KL(p(·|y) ‖ q(·|y)) dy ≥ 0` for
w ≥ 0 — the expected conditional KL of the Barber–Agakov bound on mutual information
(`I(X;Y) = E_{p(x,y)} log q(x|y)/p(x) + E_{p(y)} KL(p(x|y) ‖ q(x|y))`), of EM and of the
chain rule. `bounds._by_lemma` applies a lemma only to distributions at the step's free
values; a conditional at a variable bound inside the step (`q(x | y)` under
`E_{p(x,y)}`) is a different distribution at each point. Here the same lemmas (those of
operators on two distributions, with bounds that do not depend on them) are applied at a
fresh copy y' of the conditioning variables and integrated against a weight w(y'): the
marginal of a joint the step uses over exactly those variables, or a density declared
over them. Each weight is a genuine density, so ≥ 0, and the average of a non-negative
quantity is non-negative; the step is proved when its gap is a non-negative multiple of
that average plus a constant shown ≥ 0 (`bounds._multiple_plus_constant`).
"""

from __future__ import annotations

from derive.model.terms import Dens, Dist, Integral, Mul, Op, Sym, nodes
from derive.notation import registry


def by_averaged_lemma(gap, step, n, genuine, multiple_plus_constant):
    """The name of the lemma that proves `gap ≥ 0` averaged over conditioning values, or
    None. `genuine(dist)`: whether a distribution is a genuine one (so its density ≥ 0 and
    a lemma about it holds); `multiple_plus_constant(gap, quantity)` as in `bounds`."""
    conditionals, weights = _pieces(step)
    for given, dists in conditionals.items():
        pairs = [(a, b) for a in dists for b in dists if a != b and a.over == b.over]
        for weight in weights.get(given, ()):
            if not genuine(weight):
                continue
            for op in registry.OPERATORS:
                if op.arity != 2 or op.takes != "distributions":
                    continue
                for lemma in op.lemmas:
                    for args in pairs:
                        if not lemma.applies(args, step.context) or \
                                not all(genuine(a) for a in args):
                            continue
                        for quantity in _averages(op, lemma, args, weight, step.context, n):
                            if multiple_plus_constant(gap, quantity):
                                return f"{lemma.name}, averaged over {_names(given)}"
    return None


def _pieces(step):
    """({conditioning variables: [conditionals at those variables' own values]},
    {variables: [densities over exactly them]}): the conditionals the step writes, and
    those of the joints it uses (each variable given the others); the weights are the
    marginals of those joints and the densities declared over the variables."""
    conditionals, weights = {}, {}
    for side in (step.lhs, step.rhs):
        for t in nodes(side):
            if not isinstance(t, Dist):
                continue
            info = step.context.info(t.name)
            joint = () if getattr(info, "given", ()) else tuple(getattr(info, "over", ()))
            shapes = [(t.over, t.given)] if t.given else []
            if len(joint) > 1:
                shapes += [((v,), tuple(o for o in joint if o is not v)) for v in joint]
                marginals = [joint[k:] for k in range(1, len(joint))] + \
                    [joint[:k] for k in range(1, len(joint))]
            else:
                marginals = [t.over] if not t.given and len(t.over) == len(joint) else []
            for over in marginals:
                weights.setdefault(over, {})[Dist(t.name, over, (), (), t.params)] = None
            for over, given in shapes:
                at_own = Dist(t.name, over, given, tuple(Sym(g) for g in given), t.params)
                conditionals.setdefault(given, {})[at_own] = None
    return ({g: list(d) for g, d in conditionals.items()},
            {g: list(d) for g, d in weights.items()})


def _averages(op, lemma, args, weight, context, n):
    """The lemma's non-negative quantities (`op − lower`, `upper − op`) at fresh copies of
    the conditioning variables, integrated against the weight there, in normal form."""
    copies = tuple(registry.bound_copy(g) for g in args[0].given)
    at = tuple(Sym(c) for c in copies)
    moved = tuple(Dist(a.name, a.over, a.given, at, a.params) for a in args)

    def averaged(term):
        body = Mul(Dens(weight, at), term)
        for c in reversed(copies):
            body = Integral(c, body)
        return n.value(body)
    value = averaged(Op(op.key, *moved))
    if lemma.lower is not None:
        yield value - averaged(lemma.lower(moved, context))
    if lemma.upper is not None:
        yield averaged(lemma.upper(moved, context)) - value


def _names(given):
    return ", ".join(g.latex for g in given)

"""One name, one joint distribution: the order in which a distribution's variables are
listed, shared by the reader (which writes `Dist` terms) and the engines (which build
density tables and normal-form atoms from them).

A distribution declared over some variables (`density p over x`, `joint p over x, y`) is
the joint distribution of every variable it is ever written with: `p(x, y)`, its marginals
`p(x)`, `p(y)` and its conditionals `p(y | x)` are one distribution seen through different
variables. Its variables are listed in one canonical order — those of its declaration
first, as declared, then the others it is written with, by when they were declared — so
`p(y, x)` and `p(x, y)` are the same density at the same point, whatever the order written.
A conditional family (`density q over z given x`) is not extended: it is a density over its
own variables for each value of the ones it is given.
"""

from __future__ import annotations

from dataclasses import replace

from derive.model.names import Name
from derive.model.terms import MINUS_ONE, Dens, Dist, Integral, Mul, Pow, Sym, nodes, substitute


def order_key(info):
    """The sort key of a variable of a distribution declared with `info`."""
    declared = {v: k for k, v in enumerate(info.over)}

    def key(variable):
        variable = variable.variable
        return (0, declared[variable]) if variable in declared else (1, variable.serial)
    return key


def in_order(info, variables, values):
    """(variables, values) sorted canonically, each value staying with its variable."""
    pairs = sorted(zip(variables, values), key=lambda pair: order_key(info)(pair[0]))
    return tuple(v for v, _ in pairs), tuple(x for _, x in pairs)


def with_expressions(terms, context=None):
    """The terms, and the expressions of the arguments written in densities inside them
    (which live in their names' declarations, not among the terms' nodes) — with `context`
    also of declared laws given by an expression (`random V, W independent`)."""
    out, seen = list(terms), set()
    k = 0
    while k < len(out):
        for t in nodes(out[k]):
            declared = t.name.local if isinstance(t, Dist) else None
            if declared is None and isinstance(t, Dist) and context is not None:
                declared = context.declaration(t.name)
            if declared is not None and t.name not in seen:
                expression = getattr(declared.info, "expression", None)
                if expression is not None:
                    seen.add(t.name)
                    out.append(expression)
        k += 1
    return out


def joint_variables(terms, context):
    """{distribution Name: its variables in canonical order} for the distributions of some
    terms: the declared ones and every other variable the terms write them with."""
    found = {}
    for term in with_expressions(terms, context):
        for t in nodes(term):
            if isinstance(t, Dist):
                found.setdefault(t.name, set()).update(v.variable for v in t.over + t.given)
    out = {}
    for name, extra in found.items():
        info = context.info(name)
        if info is None or not hasattr(info, "over") or \
                getattr(info, "expression", None) is not None:
            continue                    # a law written in densities is drawn as they are
        if info.given:
            out[name] = tuple(info.over)
            continue
        variables = set(info.over) | extra
        out[name] = tuple(sorted(variables, key=order_key(info)))
    return out


def alike_marginals(terms, joints, context):
    """The distributions declared over one continuous variable that some terms write only
    as single marginals, also at other continuous variables (`p(x)` and `p(y)`, never
    `p(x, y)` or `p(y | x)`): the numeric engine draws their joints symmetric, so that
    every marginal is the one density the author writes at several letters. A
    counterexample is then one under either reading of `p(y)` — the marginal of a joint,
    or p's density at the point y — and a step true of one density (`\\int p(x) \\log
    p(x)\\,dx = \\int p(y) \\log p(y)\\,dy`) is never refuted on two marginals that
    differ."""
    written = {}
    for term in with_expressions(terms, context):
        for t in nodes(term):
            if isinstance(t, Dist):
                written[t.name] = written.get(t.name, True) and len(t.over) + len(t.given) < 2
    out = set()
    for name, single in written.items():
        info = context.info(name)
        variables = joints.get(name, ())
        if single and len(variables) > 1 and len(getattr(info, "over", ())) == 1 and \
                not info.given and not any(getattr(context.info(v), "discrete", False)
                                           for v in variables):
            out.add(name)
    return out


def expression_density(dist, expression, over, at):
    """The value at `at` of `dist` — the law (over `over`) whose density is `expression`, a
    term in those variables (an argument written in densities, or the product law of
    `random V, W independent`), or a marginal or conditional of it: the expression at the
    point, its other variables integrated out (a sum over a discrete one), divided by the
    conditioning variables' marginal — what a marginal and a conditional are, so no variable
    of the expression is ever left at its free letter."""
    def marginal(variables, values):
        mapping = dict(zip(variables, values))
        rest = [v for v in over if v not in mapping]
        bound = {v: Name(v.latex, origin=v) for v in rest}
        value = substitute(expression, {**mapping, **{v: Sym(b) for v, b in bound.items()}})
        for v in reversed(rest):
            value = Integral(bound[v], value)
        return value
    if not dist.given:
        return marginal(dist.over, at)
    return Mul(marginal(dist.over + dist.given, tuple(at) + tuple(dist.cond)),
               Pow(marginal(dist.given, dist.cond), MINUS_ONE))


def declared_expressions_written(term, context):
    """`term` with each density of a declared law given by an expression (the product law
    of `random V, W independent`) written out as that expression (`expression_density`):
    the numeric engine splits and bounds an integral by the densities its body writes, so
    a factor's formula (a normal P_V) must stand in the body, not inside the law's name."""
    memo = {}
    for t in nodes(term):
        children = [memo.get(c, c) for c in t.children]
        rebuilt = t.rebuild(children) if children != t.children else t
        if isinstance(t, Dens) and isinstance(t.dist, Dist) and t.dist.name.local is None:
            info = context.info(rebuilt.dist.name)
            if getattr(info, "expression", None) is not None:
                rebuilt = expression_density(rebuilt.dist, info.expression, info.over,
                                             rebuilt.at)
        memo[t] = rebuilt
    return memo.get(term, term)


def put_distributions(term, mapping):
    """`term` with each distribution named in `mapping` (Name → `Dist`) replaced by that
    distribution, at the same variables and conditioning (also inside definitions, and
    inside the formula of a divergence's argument written as an expression in densities:
    `KL(p \\| \\frac{p + q}{2})` with q put for p is `KL(q \\| \\frac{q + q}{2})`)."""
    memo, formulas = {}, {}
    for t in nodes(term):
        children = [memo.get(c, c) for c in t.children]
        if isinstance(t, Dist) and t.name in mapping:
            rebuilt = Dist(mapping[t.name].name, t.over, t.given,
                           [memo.get(c, c) for c in t.cond], [memo.get(c, c) for c in t.params])
        elif isinstance(t, Dist) and _formula_put(t.name, mapping, formulas) is not t.name:
            rebuilt = Dist(formulas[t.name], t.over, t.given, [memo.get(c, c) for c in t.cond],
                           [memo.get(c, c) for c in t.params])
        else:
            rebuilt = t.rebuild(children) if children != t.children else t
        memo[t] = rebuilt
    return memo.get(term, term)


def _formula_put(name, mapping, formulas):
    """The name of a distribution given by an expression in densities (`formula_law`) with
    `mapping` put into that expression — a new name when the expression changes, `name`
    itself otherwise (`formulas` keeps one new name per old one, so the step's two
    mentions of one argument stay one distribution)."""
    if name not in formulas:
        info = name.local.info if name.local is not None else None
        expression = getattr(info, "expression", None)
        changed = put_distributions(expression, mapping) if expression is not None else None
        formulas[name] = name if changed is None or changed is expression else Name(
            name.latex, name.origin,
            replace(name.local, info=replace(info, expression=changed)))
    return formulas[name]

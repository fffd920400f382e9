"""Averages under a reparameterised law, read as averages over the noise.

`% derive: density q_\\phi over z is the law of g_\\phi(\\epsilon) for \\epsilon \\sim p`
declares q_φ the law of g_φ(ε) when ε is drawn from p, a law free of φ (the
reparameterisation trick). By the law of the unconscious statistician every average under
q_φ is one over the noise,

    E_{z∼q_φ}[h] = ∫ q_φ(z) h dz = E_{ε∼p}[h |_{z = g_φ(ε)}],

h evaluated at the sample *after* whatever h does with z: a derivative in φ inside h
(`E_{q_φ}[∇_φ f(z)]`) is taken at fixed z, then z put to g_φ(ε) — an evaluation bar, never
a substitution, which would differentiate through the sample. The reader writes every
such average so, and refuses q_φ anywhere else (its value at a point, a divergence of it):
derive knows the law only through its averages, and no engine meets it. A derivative in φ
of such an average then passes under E_{ε∼p} as under any law that does not move with φ,
so ∇_φ E_{q_φ}[f(z)] = E_{ε∼p}[∇_φ f(g_φ(ε))] is proved and ∇_φ E_{q_φ}[f] =
E_{q_φ}[∇_φ f] is not."""

from derive.model.names import Kind, Name
from derive.model.terms import (At, Call, Dens, Dist, Deriv, Expect, Integral, Mul, Num, Sym,
                                free_names, nodes, substitute)

REPARAMETERISED = "reparameterised"     # the scope's reading: a file declares such a law


def reparameterised_laws(context):
    """{distribution Name: its `Reparameterised`} of the laws declared so."""
    return {name: d.info.reparameterised for name, d in context.table.items()
            if d.kind is Kind.DISTRIBUTION and
            getattr(d.info, "reparameterised", None) is not None}


def over_noise(term, laws, context):
    """`term` with every average under a law of `laws` read over its noise. Raises
    ValueError (the message) where such a law stands otherwise."""
    if not any(isinstance(t, Dist) and t.name in laws for t in nodes(term)):
        return term

    def whole(dist):
        return isinstance(dist, Dist) and dist.name in laws and not dist.given and \
            not dist.cond and not dist.params and \
            tuple(dist.over) == tuple(context.info(dist.name).over)

    def walk(t):
        if isinstance(t, Expect) and whole(t.dist):
            return _averaged(laws[t.dist.name], t.var, walk(t.body), integral=False)
        if type(t) is Integral and t.lower is None and t.upper is None:
            factors = t.body.args if isinstance(t.body, Mul) else (t.body,)
            weights = [k for k, f in enumerate(factors) if isinstance(f, Dens) and
                       whole(f.dist) and f.at == (Sym(t.var),)]
            if len(weights) == 1:
                (k,) = weights
                rest = [walk(f) for j, f in enumerate(factors) if j != k]
                body = Num(1) if not rest else rest[0] if len(rest) == 1 else Mul(*rest)
                return _averaged(laws[factors[k].dist.name], t.var, body, integral=True)
        children = t.children
        return t.rebuild([walk(c) for c in children]) if children else t

    out = walk(term)
    for t in nodes(out):
        if isinstance(t, Dist) and t.name in laws:
            law = laws[t.name]
            raise ValueError(
                f"{t.name.latex} is declared the law of {law.map.latex}("
                f"{law.variable.latex}) for {law.variable.latex} \\sim {law.source.latex}: "
                "derive reads it only as the law of an expectation or the weight of an "
                f"integral over all of {context.info(t.name).over[0].latex} (its average "
                f"over {law.variable.latex}), not its value at a point nor as an argument")
    return out


def _averaged(law, var, body, integral):
    """E_{ε∼p}[body |_{var = g(φ…, ε)}] (∫ p(ε) … dε for an integral), ε a fresh bound
    copy of the law's noise variable. The bar becomes a substitution where nothing in the
    body differentiates or binds (a letter the sample moves with): there the two agree."""
    noise = Name(law.variable.latex, origin=law.variable)
    sample = Call(law.map, *law.parameters, Sym(noise))
    moving = free_names(sample)
    if var not in free_names(body):
        at = body
    elif any(isinstance(t, Deriv) or set(t.binds) & moving for t in nodes(body)):
        at = At(body, var, sample)
    else:
        at = substitute(body, {var: sample})
    source = Dist(law.source, (law.variable,))
    if integral:
        return Integral(noise, Mul(Dens(source, (Sym(noise),)), at))
    return Expect(noise, source, at)

"""`A \\propto B`: read as the equation that says A/B is free of the variable.

Authors write a posterior's kernel up to its normalising constant, `\\exp(-(\\mu - m)^2 / (2
s^2)) \\propto \\exp(-(\\mu^2 - 2 m \\mu) / (2 s^2))`: each side a function of the variable,
every other letter held fixed. derive reads `A \\propto B` in the declared variables v
(`% derive: variable \\mu`) that occur in the step as

    A(v) · B(v′) = A(v′) · B(v)        for every v, v′ (and every value of the rest),

v′ a second copy of v declared as v is (shown v^{(2)}): the ratio A/B takes one value at any
two values of v. This is an ordinary equation, so it is proved and refuted as equations are
(a counterexample is a certified pair v, v′ at which the ratios differ); A = cB follows from
it only where B is nowhere 0, so a proof counts only with B shown nonzero
(`decide._proportional`). The copy is put in by substitution, so a side must be plain
arithmetic that reaches (`unreached`): a density, an expectation, a limit … may depend on v
through a name and is refused, as is a vector variable.

Which letter is the variable is not guessed: a step that names no declared variable is
refused. One that names several is checked in all of them at once — free of all of them is
free of each, so a proof holds in whichever the author meant; a counterexample may be one
in a variable the author did not mean, so it refutes nothing (`unsure`, a reason:
`decide._unless_reasoned`). The same holds where the step also has a letter the file does
not declare: it may be the variable the author meant (`e^{-(y-\\mu)^2/2} \\propto e^{-y^2/2 +
y\\mu}` is true in an undeclared y, false in a declared μ), so a counterexample in the
declared one refutes nothing either.
"""

from __future__ import annotations

from dataclasses import replace

from derive.model.names import Kind, Name, labelled_by
from derive.model.terms import (Add, Call, Const, Defined, Fn, Integral, Mul, Num, Pow, Sym,
                                free_names, nodes, substitute)
from derive.notation.show import show
from derive.notation.vectors import VectorVariableInfo

NO_VARIABLE = ("derive reads A \\propto B as 'A/B does not depend on the variable': this step "
               "names no declared variable — declare the one it is proportional in "
               "(% derive: variable \\mu)")


def unsure(lhs, rhs, variables, context):
    """Why a counterexample to `lhs ∝ rhs`, checked in `variables`, may not refute it (the
    author may have meant another letter), or None."""
    if len(variables) > 1:
        return ("\\propto in which of " + ", ".join(n.latex for n in variables) + "? derive "
                "checked it in all of them at once, so a counterexample may be in one not meant")
    free = sorted(free_names(lhs) | free_names(rhs), key=lambda n: n.latex)
    undeclared = [n for n in free if not context.declaration(n).declared]
    if undeclared:
        return ("\\propto in " + variables[0].latex + ", or in " +
                ", ".join(n.latex for n in undeclared) + " (not declared)? a counterexample "
                "in " + variables[0].latex + " may be in a variable not meant")
    return None


# what the copy v′ reaches by substitution: arithmetic, elementary functions, sums,
# products and definite integrals of them, a defined name's written formula
_PLAIN = (Num, Const, Add, Mul, Pow, Fn, Defined, Integral)
_VALUES = (Kind.SYMBOL, Kind.VARIABLE, Kind.PARAMETER)


def unreached(term, context):
    """The first part of `term` whose value may move with a variable where putting a second
    value v′ for v does not reach it, or None. Only plain arithmetic is read: a density, a
    random variable's law, an expectation, an entropy or divergence, a derivative, a bar, a
    limit, an optimum, an antiderivative, a bare function or density name, a function
    labelled by or declared to depend on a variable — each may depend on v through a name
    (`\\mathbb{E}_p[x]` with p = N(\\theta, 1)) that substituting v → v′ leaves at v, so
    A(v′) would silently be A(v)."""
    moving = context.of_kind(Kind.VARIABLE)
    for t in nodes(term):
        if type(t) is Integral and t.lower is None:
            return t                                    # an antiderivative
        if isinstance(t, _PLAIN):
            continue
        if isinstance(t, Sym) and context.kind(t.name) in _VALUES:
            continue
        if isinstance(t, Call) and context.kind(t.function) is Kind.FUNCTION and \
                not context.moves_with(t.function) and \
                not any(labelled_by(t.function, v) for v in moving):
            continue
        return t
    return None


def _copy_name(v, context):
    """The copy of `v`, shown `v^{(2)}`: never a spelling the file uses (its own `\\mu'`)."""
    taken = {n.latex for n in context.table}
    k = 2
    while f"{v.latex}^{{({k})}}" in taken:
        k += 1
    return Name(f"{v.latex}^{{({k})}}")


def cross_multiplied(lhs, rhs, context):
    """(A·B′, A′·B, context with the copies v′, the variables v) for `lhs ∝ rhs`, ′ the
    declared variables of `context` free in either side replaced by fresh copies declared
    as they are. ValueError when a side has a part the copy does not reach (`unreached`),
    when the step names a vector variable (its components are names of their own, which the
    copy would not reach either), or (NO_VARIABLE) when no declared variable occurs."""
    for side in (lhs, rhs):
        part = unreached(side, context)
        if part is not None:
            raise ValueError(
                "derive reads A \\propto B by putting a second value of the variable into "
                "both sides, which reaches only plain arithmetic (numbers, symbols, elementary "
                "functions, sums and integrals of them); here " + show(part) + " may depend "
                "on the variable through what it names (a density, an expectation, an "
                "entropy, a derivative, a limit, an optimum, an antiderivative, a function "
                "labelled by the variable): not read — write the side as a formula")
    free = free_names(lhs) | free_names(rhs)
    vectors = [v for v in context.of_kind(Kind.VARIABLE)
               if isinstance(context.info(v), VectorVariableInfo) and
               ({v, context.info(v).components} & free)]
    if vectors:
        raise ValueError("\\propto in the vector variable " + vectors[0].latex + " is not "
                         "read: derive has no second value for a vector and its components")
    variables = [n for n in context.of_kind(Kind.VARIABLE) if n in free]
    if not variables:
        raise ValueError(NO_VARIABLE)
    copies = {v: _copy_name(v, context) for v in variables}
    table = {**context.table, **{copies[v]: context.table[v] for v in variables}}
    mapping = {v: Sym(c) for v, c in copies.items()}
    left = Mul(lhs, substitute(rhs, mapping))
    right = Mul(substitute(lhs, mapping), rhs)
    return left, right, replace(context, table=table), tuple(variables)

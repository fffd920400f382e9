"""An equation that follows from an equation it is claimed under.

Solving an equation step by step (`\\frac{a}{D} = \\frac{b}{1 - D} \\implies a - Da = Db
\\implies D = \\frac{a}{a + b}`) claims each row under the one before: a hypothesis that
is an equation derive cannot solve for a symbol (`hypotheses`), so the step was left
undecided. Here, with H = lhs − rhs of the hypothesis and C = lhs − rhs of the step (exact
normal forms, their atoms SymPy unknowns with the declared signs, as `symbolic` makes
them):

* **Verified** when C = r·H for a rational function r (SymPy's `cancel` of C/H) whose
  denominator vanishes nowhere the rows are defined: each of its factors is shown positive
  by its atoms' declared signs, or is a factor of a denominator the rows write (where it
  is 0 a row is undefined and claims nothing). At every instance where H = 0 and the rows
  are defined, r is finite, so C = 0. The identity C = r·H is also checked exactly at
  random rational instances. A wrong rearrangement (a sign, a dropped factor) leaves an r
  with H's own numerator in its denominator, never accepted. A factor counts as shown
  positive only when its atoms are ones drawn here (a mass at a point, which may be 0, is
  not). And the premise must hold somewhere: an exact instance (one unknown solved for a
  rational root in its sign, the others drawn) where every hypothesis of the step holds
  and the step too — else a premise with no solution in the declared domain
  (`t^2 + 1 = 0`, `x + 1 = 0` with positive x) would prove anything, and it is undecided.
* **Refuted** when H's numerator is linear in one real unknown (a function's value, a real
  symbol) and the instance solving it for that unknown, the others drawn at random rationals
  in their declared signs, makes every row defined (no denominator the rows write is 0,
  also one the normal form cancels: `\\frac{a b}{a}` at a = 0), every hypothesis of the step exactly 0
  and C exactly non-zero: a certified instance where the premise holds and the conclusion
  does not. Steps with any other kind of hypothesis are never refuted here, nor steps
  with one function or density at two points (`c u = c v \\implies f(u) = f(v)`): the
  instance may make the points equal while their values are drawn apart.
* A hypothesis whose lhs − rhs has a constant numerator (`1 = 2`, or an identity) is not
  used, nor are hypotheses shown to contradict each other (`decide`): a proof from them
  would hold vacuously.
* Otherwise None: the caller's verdict stands. Integrals, sums and hypotheses other than
  equations are not tried.
"""

from __future__ import annotations

import random

from derive.engines import normal_form
from derive.engines.symbolic import Converter
from derive.model.derivation import REFUTED, VERIFIED, Counterexample, Relation, Verdict
from derive.model.names import Domain, Kind
from derive.model.terms import ZERO, Num, Pow, nodes

_SAMPLES = 4           # rational instances checking C = r·H, and tried for a counterexample


def decide(step, equations, deadline):
    """A verdict on an equality `step` from the hypotheses `equations` (each an equation
    of the step that derive could not use), or None (see the module's rules)."""
    if step.relation is not Relation.EQ or not equations or \
            any(h.relation is not Relation.EQ for h in equations):
        return None
    import sympy
    converter = Converter(sympy)
    try:
        conclusion = _expression(sympy, converter, step.lhs, step.rhs, step.context, deadline)
        premises = [(h, _expression(sympy, converter, h.lhs, h.rhs, step.context, deadline))
                    for h in equations]
    except (normal_form.Unsupported, normal_form.Undefined, _NotRational):
        return None
    try:
        poles = _poles(sympy, [conclusion] + [p for _, p in premises])
    except (sympy.PolynomialError, TypeError, ValueError):
        return None
    try:
        poles += _written_poles(sympy, converter, step, deadline)
        written = True
    except (normal_form.Unsupported, normal_form.Undefined, _NotRational, sympy.PolynomialError,
            TypeError, ValueError):
        written = False                 # where the rows are undefined is not known: no refuting
    atoms = {s: a for a, s in converter.symbols.items()}
    for h, premise in premises:
        if sympy.fraction(sympy.together(premise))[0].is_number:
            continue                    # `1 = 2` holds nowhere: it would prove anything
        ratio = sympy.cancel(sympy.together(conclusion / premise))
        try:
            follows = _finite(sympy, ratio, poles, atoms, step.context) and \
                _checked(sympy, conclusion, premise, ratio) and \
                _witnessed(sympy, converter, step, conclusion, [p for _, p in premises],
                           poles, atoms, deadline)
        except (sympy.PolynomialError, TypeError, ValueError, NotImplementedError):
            follows = False
        if follows:
            return Verdict(VERIFIED, "consequence", "the step's lhs − rhs is a rational "
                           f"multiple of the hypothesis {h.latex}'s (SymPy's cancel), by a "
                           "factor finite wherever the rows are defined: where the hypothesis "
                           "holds, so does the step; checked exactly at rational instances")
    if len(equations) != len(step.hypotheses) or not written:
        return None
    try:
        return _counterexample(sympy, converter, conclusion, [p for _, p in premises], poles,
                               step.context)
    except (sympy.PolynomialError, TypeError, ValueError, NotImplementedError):
        return None


class _NotRational(Exception):
    """A normal form with integrals or sums: not a rational function of its atoms."""


def _expression(sympy, converter, lhs, rhs, context, deadline):
    """lhs − rhs as a SymPy expression in the normal form's atoms."""
    poly = normal_form.difference(lhs, rhs, context, deadline)
    if normal_form._has_integrals(poly) or any(a[0] in ("int", "sum", "index")
                                               for a in poly.atoms()):
        raise _NotRational()
    return sympy.Add(*[converter.monomial(m, c) for m, c in poly.terms.items()])


def _poles(sympy, expressions):
    """The irreducible factors of the denominators the rows write (a power with a negative
    exponent): where one is 0, a row is undefined."""
    found = []
    for expression in expressions:
        for node in sympy.preorder_traversal(expression):
            if node.is_Pow and node.exp.is_negative:
                found.extend(f for f, _ in sympy.factor_list(node.base)[1])
    return found


def _written_poles(sympy, converter, step, deadline):
    """The irreducible factors of the denominators the rows write as the author wrote them
    (`\\frac{a b}{a}`: a), before the normal form cancels them (to b): where one is 0 the
    row is undefined and claims nothing, so no counterexample or witness lies there."""
    found = []
    for side in [step.lhs, step.rhs] + [t for h in step.hypotheses for t in (h.lhs, h.rhs)]:
        for t in nodes(side):
            if isinstance(t, Pow) and isinstance(t.exponent, Num) and t.exponent.value < 0:
                base = _expression(sympy, converter, t.base, ZERO, step.context, deadline)
                numerator = sympy.fraction(sympy.together(base))[0]
                if not numerator.is_number:
                    found.extend(f for f, _ in sympy.factor_list(numerator)[1])
    return found


def _finite(sympy, ratio, poles, atoms, context):
    """Whether each factor of the ratio's denominator is shown positive (by the signs of
    atoms `_drawable` takes in their sign: not a mass at a point, which may be 0) or is a
    pole."""
    _, denominator = sympy.fraction(ratio)
    for factor, _ in sympy.factor_list(denominator)[1]:
        if (factor.is_positive or (-factor).is_positive) and \
                all(_drawable(atoms.get(s), context) for s in factor.free_symbols):
            continue
        if not any(sympy.cancel(factor / pole).is_number for pole in poles):
            return False
    return True


def _instances(sympy, symbols, seed):
    """Random rational values of the unknowns, each in its declared sign."""
    draw = random.Random(seed)
    for _ in range(_SAMPLES):
        values = {}
        for s in symbols:
            value = sympy.Rational(draw.randint(1, 97), draw.randint(1, 13))
            values[s] = value if s.is_positive or s.is_nonnegative or draw.random() < .5 \
                else -value
        yield values


def _checked(sympy, conclusion, premise, ratio):
    """C = r·H at rational instances where both sides are defined (some must be)."""
    symbols = sorted(conclusion.free_symbols | premise.free_symbols, key=str)
    if any(not (s.is_real or s.is_positive or s.is_nonnegative) for s in symbols):
        return False                    # complex unknowns: not drawn here
    checked = 0
    for values in _instances(sympy, symbols, 1):
        left, right = conclusion.subs(values), (ratio * premise).subs(values)
        if not (left.is_Rational and right.is_Rational):
            continue
        if left != right:
            return False
        checked += 1
    return checked > 0


def _independent(sympy, expressions, atoms, context):
    """The unknowns of the expressions, when each may be drawn on its own: every atom
    `_drawable`, and no function or density at two points (an instance may make the
    points equal, and then the two values are one); else None."""
    unknowns = set().union(*(e.free_symbols for e in expressions))
    if any(not _drawable(atoms.get(s), context) for s in unknowns):
        return None
    functions = [atoms[s][2] for s in unknowns if atoms[s][0] in ("call", "dens")]
    return None if len(functions) != len(set(functions)) else unknowns


def _satisfying(sympy, premises, poles, unknowns, degree, seed):
    """Exact instances (dicts of rational values, each in its unknown's sign) where every
    premise is 0 and every pole is not: an unknown of the first premise's numerator of
    degree at most `degree` solved for a rational root, the others drawn. A premise that
    holds identically (`f'(y) = \\frac{a}{y} - \\frac{b}{1-y}` of a defined f, the first
    link of `f'(y) = … = 0 \\Rightarrow …`) has no unknown to solve: the first other one is."""
    numerators = [sympy.fraction(sympy.together(p))[0] for p in premises]
    numerator = next((n for n in numerators if not n.is_number), None)
    if numerator is None:
        return
    for unknown in sorted(numerator.free_symbols, key=str):
        if not 1 <= sympy.Poly(numerator, unknown).degree() <= degree:
            continue
        roots = sympy.solve(numerator, unknown)
        others = sorted(unknowns - {unknown}, key=str)
        for values in _instances(sympy, others, seed):
            for root in roots:
                value = root.subs(values)
                if not value.is_Rational or (unknown.is_positive and value <= 0) or \
                        (unknown.is_nonnegative and value < 0):
                    continue
                at = {**values, unknown: value}
                if any(pole.subs(at) == 0 for pole in poles) or \
                        any(p.subs(at) != 0 for p in premises):
                    continue
                yield at


def _witnessed(sympy, converter, step, conclusion, premises, poles, atoms, deadline):
    """Whether an exact instance satisfies every hypothesis of the step and the step: the
    premise holds somewhere, so a proof from it is not vacuous."""
    others = []
    for h in step.hypotheses:
        if h.relation is not Relation.EQ:
            try:
                others.append((h.relation, _expression(sympy, converter, h.lhs, h.rhs,
                                                       step.context, deadline)))
            except (normal_form.Unsupported, normal_form.Undefined, _NotRational):
                return False            # a hypothesis not evaluated here may be the empty one
    unknowns = _independent(sympy, [conclusion] + premises + [e for _, e in others], atoms,
                            step.context)
    if unknowns is None:
        return False
    holds = {Relation.LT: lambda v: v < 0, Relation.LE: lambda v: v <= 0,
             Relation.GT: lambda v: v > 0, Relation.GE: lambda v: v >= 0,
             Relation.NE: lambda v: v != 0}
    for at in _satisfying(sympy, premises, poles, unknowns, 2, 3):
        value = [e.subs(at) for _, e in others]
        if conclusion.subs(at) == 0 and all(
                v.is_Rational and holds[r](v) for (r, _), v in zip(others, value)):
            return True
    return False


def _counterexample(sympy, converter, conclusion, premises, poles, context):
    """A certified instance with every premise 0 and the conclusion not (as a Verdict), or
    None. Only unknowns whose every value in their sign is an instance are drawn."""
    atoms = {s: a for a, s in converter.symbols.items()}
    unknowns = _independent(sympy, [conclusion] + premises, atoms, context)
    if unknowns is None:
        return None
    for values in _satisfying(sympy, premises, poles, unknowns, 1, 2):
        value = conclusion.subs(values)
        if value.is_Rational and value != 0:
            assignment = tuple((_shown(atoms.get(s), s), str(v)) for s, v in values.items())
            return Verdict(REFUTED, "consequence", "at this instance the hypothesis holds "
                           "(exactly) and the step does not: lhs − rhs is "
                           f"{value}", counterexample=Counterexample(
                               assignment, str(value), "0", str(value),
                               ("lhs − rhs", "0")))
    return None


def _drawable(atom, context):
    """Whether any value of the atom's sign is a value it takes at some instance: a
    declared real, positive or non-negative symbol or function's value, or a positive
    density of continuous variables at a point (never an index, a mass — at most 1 —, or
    an atom of any other kind)."""
    plain = (Domain.REAL, Domain.POSITIVE, Domain.NONNEGATIVE)
    if atom is None or atom[0] not in ("sym", "call", "dens"):
        return False
    declared = {name.serial: d for name, d in context.table.items()}.get(atom[2])
    if declared is None:
        return False
    if atom[0] == "sym":
        return declared.kind is Kind.SYMBOL and declared.domain in plain
    if atom[0] == "call":
        return declared.kind is Kind.FUNCTION and declared.domain in plain
    return atom[9] == normal_form.POS and declared.kind is Kind.DISTRIBUTION and not any(
        getattr(context.info(v), "discrete", False)
        for v in tuple(declared.info.over) + tuple(declared.info.given))


def _shown(atom, symbol):
    """An atom as the counterexample names it: `p_{R}(x)`, `D^{\\star}(x)`, a symbol's
    name (an argument that is no single variable shown as …)."""
    if atom is None:
        return str(symbol)
    if atom[0] == "sym":
        return atom[1]
    if atom[0] in ("dens", "call"):
        points = atom[6] if atom[0] == "dens" else atom[3]
        return f"{atom[1]}({', '.join(_argument(p) for p in points)})"
    return str(symbol)


def _argument(key):
    """A point of a density or function: the variable it is, else …."""
    terms = list(key)
    if len(terms) == 1 and terms[0][1] == 1 and len(terms[0][0]) == 1:
        ((atom, power),) = terms[0][0]
        if power == 1 and atom[0] == "sym":
            return atom[1]
    return "…"

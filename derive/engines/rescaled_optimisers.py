"""`\\arg\\max_θ A = \\arg\\max_θ B` when B is an increasing affine image of A or of log A.

MAP and maximum-likelihood derivations move between objectives that are not equal and do
not differ by a constant: they drop a positive factor free of θ (the evidence p(D), a
normalising constant), take the log of a positive objective (`\\arg\\max p(D|θ)p(θ) =
\\arg\\max \\log p(D|θ) + \\log p(θ)`), or multiply by a negative number and turn a maximum
into a minimum (`\\arg\\max -\\frac{1}{2σ^2}\\sum(y_i - θx_i)^2 = \\arg\\min \\sum(y_i - θx_i)^2`).
Each is `B = c·T(A) + k` (or the same with A and B exchanged) for a transform T that is
strictly increasing — the identity, or log where A > 0 — a number c free of θ, and k free
of θ: then A, T(A) and B have the same optimisers when c > 0 (B's maximisers are A's),
and opposite ones when c < 0 (B's minimisers are A's maximisers).

`decide` proves that form on the normal forms: T(A)'s and B's parts that move with θ
(θ itself, densities that depend on θ) are c times one another, c is one monomial read
off a pair of moving terms and checked on all of them (B − c·T(A) has nothing that moves
with θ), c moves with nothing and has the needed sign (positive atoms only), A is shown
positive before a log is taken (its normal form a sum of positive terms), and both
objectives are real. The numbers must agree as well: on two drawn instances, at the
points of θ the other optimiser checks use, the slopes (B(θᵢ) − B(θ₀)) / (T(A)(θᵢ) −
T(A)(θ₀)) are one number of the needed sign. None (the claim is left to the other checks)
whenever any of it is not shown: a form not found is no evidence against the claim
(θ² and θ⁴ have one minimiser).
"""

from __future__ import annotations

from flint import ctx

from derive.engines import normal_form
from derive.engines.numeric.evaluate import Evaluator, NotEvaluable, exact_number
from derive.engines.numeric.instances import Instance
from derive.engines.poly import Poly, mono_mul, mono_pow
from derive.model.derivation import VERIFIED, Verdict
from derive.model.terms import log
from derive.notation.show import plain

_PAIRS = 12         # moving terms of B tried against one of T(A) to read c off
_DRAWS = 2          # instances on which the slopes must agree


def decide(step, left, right, right_body, moving, two_points, seed, deadline):
    """VERIFIED when one objective is c·T(other) + k as above (`moving(key)` names what
    moves with θ in a normal-form key; `two_points(evaluator, optimum, context)` the
    points of θ to evaluate at), else None."""
    held = step.context.fixed
    try:
        normaliser = normal_form.Normaliser(step.context, deadline, held)
        a, b = normaliser.value(left.body), normaliser.value(right_body)
        if not (normal_form._real_key(a.key()) and normal_form._real_key(b.key())):
            return None
        opposite = left.kind != right.kind
        for source, target, source_body, target_body in ((a, b, left.body, right_body),
                                                        (b, a, right_body, left.body)):
            for logged in (False, True):
                if logged and normaliser.poly_positivity(source) != normal_form.POS:
                    continue
                image = normaliser.log(source) if logged else source
                factor = _factor(normaliser, image, target, moving)
                if factor is None or moving(factor.key()):
                    continue
                signed = factor.scale(-1) if opposite else factor
                if normaliser.poly_positivity(signed) != normal_form.POS:
                    continue
                shown = log(source_body) if logged else source_body
                if _slopes_agree(step, left, shown, target_body, opposite, two_points,
                                 seed, deadline):
                    return _verified(left, logged, opposite, held)
    except (normal_form.Unsupported, normal_form.Undefined):
        return None
    return None


def _factor(normaliser, image, target, moving):
    """The monomial c with target − c·image free of what moves with θ, read off a moving
    term of each; None when none is found (or nothing moves)."""
    def moves(m):
        return bool(moving(Poly({m: 1}).key()))
    movers = [(m, c) for m, c in image.terms.items() if moves(m)]
    targets = [(m, c) for m, c in target.terms.items() if moves(m)]
    if not movers or not targets:
        return None
    m0, c0 = movers[0]
    for m, c in targets[:_PAIRS]:
        factor = Poly({mono_mul(m, mono_pow(m0, -1)): c / c0})
        rest = target - normaliser.times(factor, image)
        if not any(moves(r) for r in rest.terms):
            return factor
    return None


def _slopes_agree(step, opt, source, target, opposite, two_points, seed, deadline):
    """Whether, on `_DRAWS` instances, (target(θᵢ) − target(θ₀)) / (source(θᵢ) −
    source(θ₀)) is one number at every point, negative for opposite directions and
    positive otherwise, certified by ball arithmetic (each instance must give one slope:
    two points where both are defined and the source differs)."""
    from derive.engines.numeric.compare import labels_for
    theta = opt.var
    labels = labels_for((source, target, opt.interval[0], opt.interval[1]), step.context)
    held = step.context.fixed
    saved = ctx.prec
    ctx.prec = 128
    try:
        for draw in range(_DRAWS):
            instance = Instance(seed, draw, step.context)
            points = two_points(Evaluator(step.context, instance, labels, held, deadline),
                                opt, step.context)
            values = []
            for point in points or ():
                ev = Evaluator(step.context, instance, labels, held, deadline)
                ev.overrides[theta] = exact_number(point)
                try:
                    pair = ev.value(source), ev.value(target)
                except NotEvaluable:        # a drawn density of θ is defined near 0 only
                    continue
                if not ev.exact:
                    return False
                values.append(pair)
            slopes = []
            for s, t in values[1:]:
                run, rise = s - values[0][0], t - values[0][1]
                if run.imag != 0 or rise.imag != 0:
                    return False
                if run.contains(0):         # a drawn density is constant on cells
                    if rise.contains(0):
                        continue            # no slope here
                    return False
                slopes.append((rise / run).real)
            if not slopes:
                return False
            if not all((slope < 0) if opposite else (slope > 0) for slope in slopes):
                return False
            if not all(slope.overlaps(slopes[0]) for slope in slopes[1:]):
                return False
        return True
    finally:
        ctx.prec = saved


def _verified(opt, logged, opposite, held):
    theta = plain(opt.var.latex)
    image = "the log of the other (that one shown positive)" if logged else "the other"
    sign = "a negative" if opposite else "a positive"
    kept = f" (holding {', '.join(plain(c.latex) for c in held)} fixed)" if held else ""
    return Verdict(VERIFIED, "increasing transform",
                   f"one objective is {sign} number free of {theta} times {image}, plus "
                   f"terms free of {theta}{kept}, so the two problems have the same "
                   f"optimisers ({'a maximum turned into a minimum' if opposite else 'an increasing transform'}); "
                   f"the slopes between values at several {theta} agree")


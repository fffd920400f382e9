"""Integrals of formulas over intervals of the real line, in ball arithmetic.

Used by `evaluate` for integrands that depend on the variable only through formulas
(densities of the standard families, densities given by a formula, definitions): no
abstract density and no unknown function at the variable — those keep the exact cell
model.

* **A finite interval** is integrated by arb's rigorous adaptive Gauss–Legendre
  (`acb.integral`): the integrand is evaluated on complex balls around the path, and
  functions with branch cuts (log, roots, non-integer powers) are evaluated in arb's
  *analytic* mode, so a ball touching a cut gives no value and the interval is split. The
  enclosure is rigorous; an evaluation that fails leaves a non-finite value (no number).
  The integrator needs holomorphic integrands: the range is split at the zeros of every
  |u| with u a real polynomial of degree ≤ 2 (|u| is ±u on each piece); any other |u|,
  ⌊u⌋, ⌈u⌉ has a value only on balls where it is holomorphic (`Evaluator.function`).
* **An infinite end** is cut at a point R, and what lies beyond is enclosed by a
  **certified tail bound**, computed from an envelope of the integrand that this module
  derives from the term itself: `|f(x)| ≤ A (1+|x|)^n exp(a x² + β|x|)` with a ≤ 0 and
  β ≥ 0 (polynomials, exponentials of polynomials of degree ≤ 2 or of an exponent that
  itself decays like a Gaussian — bounded, so its exponential is —, logs of products of
  those, sums and products of them). Then for x ≥ R,
  `∫_R^∞ |f| ≤ A (1+R)^n e^{aR² + βR} / κ` with `κ = −(2aR + β + n/(1+R)) > 0`
  (from x² ≥ R² + 2R(x−R) and 1 + t ≤ e^t). R doubles until the bound is below the
  working precision; the bound is added to the ball's radius, so the result still
  encloses the true integral. When no envelope is found (or R would pass 8·2^24) the
  integral is not evaluated at all: a truncated value is never offered as one.
"""

from __future__ import annotations

from flint import acb, arb, ctx

from derive.model.terms import (
    E, Add, Defined, Dens, Dist, Fn, Mul, Num, Pow, Sym, free_names, nodes,
)


MAX_RADIUS_DOUBLINGS = 24
# A comparison agrees at 1024 bits (`compare.PRECISE`); past that it only looks for a
# difference below 2^-1000, and arb's Gauss–Legendre nodes for a 4096-bit goal take
# seconds of C that no deadline stops (∫_{-1}^{1} √(y²) dy: 4.5 s, the step's budget)
MAX_QUADRATURE_BITS = 1024
HEAD_PRECISION = 128        # above it, arb's integrator slows to seconds near 0; a step with no proof needs 1024


class NoEnvelope(Exception):
    """No certified bound on the integrand's growth was found."""


def integrate(ev, var, body, low, high):
    """∫_low^high body d var; `low`, `high` are real balls or None for −∞, +∞."""
    body = _cancelled(ev, var, body)
    total = acb(0)
    if high is None:
        high, tail = _tail_from(ev, var, body, 1, low)
        total += tail
    if low is None:
        cut, tail = _tail_from(ev, var, body, -1, None if high is None else -high)
        low = -cut
        total += tail
    head = _end_piece(ev, var, body, low, high, False)
    if head is not None:
        low, bound = head
        total += bound
    foot = _end_piece(ev, var, body, low, high, True)
    if foot is not None:
        delta, bound = foot
        high = high - delta
        total += bound
    return total + _finite(ev, var, body, low, high)


def _cancelled(ev, var, body):
    """`body` with the powers of one declared family's density at the variable netted out
    (`p(x) · q(x) / p(x)` in E_p[q/p] is q(x)): the range is already cut to the pieces of
    every density with a restricted support (`Evaluator.on_pieces`), where a family whose
    parameters were shown valid at its declaration is positive — so p/p is 1 there, up to
    the ends, which carry no mass. The quadrature then evaluates one density, not three.
    Densities written inline, at other parameter values, or by a user's formula (which may
    vanish) are left as they are; so is a body that is not a product."""
    if not isinstance(body, Mul):
        return body
    factors, powers = [], {}
    for f in body.args:
        for g in (f.args if isinstance(f, Mul) else (f,)):
            dens, k = (g.base, g.exponent.value) if isinstance(g, Pow) and \
                isinstance(g.base, Dens) and isinstance(g.exponent, Num) else (g, 1)
            if isinstance(dens, Dens) and dens.at == (Sym(var),) and _positive_family(ev, dens):
                powers[dens] = powers.get(dens, []) + [k]
            else:
                factors.append(g)
    if not any(min(ks) < 0 < max(ks) for ks in powers.values()):
        return body
    for dens, ks in powers.items():
        net = sum(ks)
        if net:
            factors.append(dens if net == 1 else Pow(dens, Num(net)))
    return Mul(*factors) if len(factors) > 1 else factors[0] if factors else Num(1)


def _positive_family(ev, dens):
    """Whether a density is a declared standard family at its declared parameters."""
    from derive.notation import families
    dist = dens.dist
    if families.inline(dist) is not None or not isinstance(dist, Dist) or dist.params or \
            dist.given:
        return False
    formula = families.formula_of(dist, ev.context)
    return formula is not None and formula.family is not None


def _end_piece(ev, var, body, low, high, upper):
    """(δ, ball enclosing the integral over the δ next to an end) when the range starts at
    0 and the integrand is x^s times a rest, with x^s a product of constant powers of the
    variable not all whole (Euler's `t^{a-1} e^{-t}`), or — `upper` — when it ends at an
    exact h and the integrand is (h − x)^s times a rest (the beta law's `(1-x)^{b-1}` at
    h = 1): arb's integrator cannot enclose a non-integer power on a ball that touches its
    branch point, and a singular one (−1 < s < 0) is not bounded there. For real s, the
    power is a weight ≥ 0 of total δ^{s+1}/(s+1) on the δ next to the end, so the integral
    is that times a weighted average of the rest — inside the rest's ball over that δ, a
    convex set. For complex s only |u^s| ≤ u^{Re s} e^{π|Im s|} is used. δ halves until the
    enclosure is as narrow as the comparison needs. None when this does not apply; no
    value above HEAD_PRECISION bits (a step without a proof, which would need 1024, stays
    undecided instead of spending minutes in arb's integrator)."""
    from derive.engines.numeric.evaluate import NotEvaluable
    end = high if upper else low
    if not (end.is_exact() and high > low and (upper or end == 0)):
        return None
    powers, rest = [], []
    for f in _flat_factors(ev, body):
        if upper:
            if isinstance(f, Pow) and var not in free_names(f.exponent) and \
                    _distance_to(ev, f.base, var, end):
                powers.append(ev.value(f.exponent))
            else:
                rest.append(f)
        elif isinstance(f, Sym) and f.name is var:
            powers.append(acb(1))
        elif isinstance(f, Pow) and f.base is Sym(var) and var not in free_names(f.exponent):
            powers.append(ev.value(f.exponent))
        elif _scaled_power(ev, f, var):         # (c x)^s = c^s x^s for c > 0
            powers.append(ev.value(f.exponent))
            rest.append(Pow(Mul(*(a for a in f.base.args if a is not Sym(var))), f.exponent))
        else:
            rest.append(f)
    if all(c.imag == 0 and c.real.is_exact() and c.real.unique_fmpz() is not None
           for c in powers):
        return None                            # whole powers: the integrator copes
    if ctx.prec > HEAD_PRECISION:
        raise NotEvaluable(f"a non-integer power at an end is integrated at up to "
                           f"{HEAD_PRECISION} bits only")
    s = sum(powers, acb(0))
    if not s.real > -1:
        raise NotEvaluable("a power not integrable at an end of the range")
    real = s.imag == 0
    phase = arb(1) if real else (arb.pi() * sum((abs(c.imag) for c in powers), arb(0))).exp()
    goal = arb(2) ** (16 - ctx.prec)
    delta = arb.min(arb(1), (high - low) / 2)
    delta = arb(delta.lower()) if delta.lower() > 0 else arb(2) ** -4
    for _ in range(2 * ctx.prec):
        ball = acb(arb(end - delta / 2 if upper else delta / 2, delta / 2))
        values = ev.at_quadrature_point(var, ball, Mul(*rest), False) if rest else acb(1)
        if values.is_finite():
            weight = delta ** (s.real + 1) / (s.real + 1)
            if real:
                head = values * weight
            else:
                size = _upper(abs(values) * phase * weight)
                head = acb(arb(0, size), arb(0, size))
            if head.real.rad() < goal and head.imag.rad() < goal:
                return delta, head
        delta = delta / 2
    raise NotEvaluable("no certified bound on the integral near an end of its range")


def _distance_to(ev, u, var, end):
    """Whether u is h − x, written as a sum of −x and terms free of x that add up to h —
    exactly `end` on this instance."""
    if not isinstance(u, Add):
        return False
    moving = [a for a in u.args if var in free_names(a)]
    if len(moving) != 1 or not (isinstance(moving[0], Mul) and len(moving[0].args) == 2 and
                                Num(-1) in moving[0].args and Sym(var) in moving[0].args):
        return False
    value = ev.value(Add(*(a for a in u.args if a != moving[0])))
    return value.imag == 0 and value.real.is_exact() and value.real == end


def _scaled_power(ev, f, var):
    """Whether f is (c·x)^s with c and s free of the variable x and c certainly a positive
    real on this instance (its ball): then (c x)^s = c^s x^s on x > 0, Arg(c x) = Arg x."""
    if not (isinstance(f, Pow) and isinstance(f.base, Mul) and var not in free_names(f.exponent)):
        return False
    others = [a for a in f.base.args if a is not Sym(var)]
    if len(others) != len(f.base.args) - 1 or any(var in free_names(a) for a in others):
        return False
    c = ev.value(Mul(*others))
    return c.imag == 0 and c.real > 0


def _flat_factors(ev, t):
    """The factors of a product, through definitions and densities by formula."""
    if isinstance(t, Defined):
        return _flat_factors(ev, t.body)
    if isinstance(t, Dens):
        return _flat_factors(ev, ev.formula_piece(t))
    if isinstance(t, Mul):
        return [f for a in t.args for f in _flat_factors(ev, a)]
    return [t]


def _finite(ev, var, body, low, high):
    """∫_low^high, split at the zeros of every |u| with u a real polynomial of degree ≤ 2
    in the variable: on each piece |u| is ±u (`ev.signs`), holomorphic, and arb converges;
    any other |u| is left to the analyticity check (`Evaluator._real_on_the_path`). Ends in
    reverse order (`\\int_2^{-1}`) are the negated integral over the ordered ones: the cuts
    are found between ordered ends only (a kink missed there took one sign for the whole
    range: `\\int_2^{-1} |t| dt ≥ -2` was verified); ends of uncertain order beside a |u|
    are not evaluated."""
    from derive.engines.numeric.evaluate import NotEvaluable
    if high < low:
        return -_finite(ev, var, body, high, low)
    if not low <= high and any(isinstance(t, Fn) and t.fname == "abs" for t in nodes(body)):
        raise NotEvaluable("the ends of an integral of an absolute value are of uncertain order")
    cuts, kinks = _kinks(ev, var, body, low, high)
    ends = [low] + cuts + [high]
    total = acb(0)
    saved = ev.signs
    try:
        for a, b in zip(ends, ends[1:]):
            middle = (a + b) / 2
            signs = dict(saved)
            for term, coefficients in kinks:
                value = _horner(coefficients, middle).real
                if value > 0 or value < 0:
                    signs[term] = 1 if value > 0 else -1
            ev.signs = signs
            total += _piece(ev, var, body, a, b)
    finally:
        ev.signs = saved
    return total


def _kinks(ev, var, body, low, high):
    """(cuts, [(|u| term, u's coefficients)]): the zeros of those u certainly inside
    (low, high), in increasing order; a |u| whose zeros are not isolated is left out."""
    from derive.engines.numeric.evaluate import NotEvaluable
    cuts, kinks = [], []
    for t in [t for t in nodes(body) if isinstance(t, Fn) and t.fname == "abs"]:
        u = t.operands[0]
        if var not in free_names(u):
            continue
        try:
            coefficients = _polynomial(ev, u, var)
        except (NoEnvelope, NotEvaluable):
            continue
        roots = _real_roots(coefficients)
        if roots is None:
            continue
        inside = [r for r in roots if not (r <= low or r >= high)]
        if any(not (low < r < high) for r in inside):
            continue                           # a zero that may lie on an end
        cuts += inside
        kinks.append((t, coefficients))
    cuts.sort(key=lambda r: float(r.mid()))
    distinct = cuts[:1]
    for r in cuts[1:]:
        if r == distinct[-1]:
            continue                           # one exact zero of two terms
        if not distinct[-1] < r:
            return [], []                      # zeros too close to order: no split
        distinct.append(r)
    return distinct, kinks


def _real_roots(coefficients):
    """The real zeros (as real balls) of a polynomial with certainly real coefficients
    and degree ≤ 2, or None when they cannot be isolated."""
    if len(coefficients) > 3 or any(c.imag != 0 for c in coefficients):
        return None
    c = [x.real for x in coefficients] + [arb(0)] * (3 - len(coefficients))
    if c[2] == 0:
        if c[1] == 0:
            return []
        return [-c[0] / c[1]] if not c[1].contains(0) else None
    if c[2].contains(0):
        return None
    discriminant = c[1] * c[1] - 4 * c[2] * c[0]
    if discriminant < 0:
        return []
    if not discriminant > 0:
        return None
    root = discriminant.sqrt()
    return [(-c[1] - root) / (2 * c[2]), (-c[1] + root) / (2 * c[2])]


def _horner(coefficients, x):
    total = acb(0)
    for c in reversed(coefficients):
        total = total * x + c
    return total


def on_cell(ev, var, body, low, high, cell):
    """∫_low^high (real balls inside one cell of the drawn densities) of an integrand that
    is meromorphic in the variable there (`evaluate._meromorphic`: `e^{tx} p(x)`), the
    densities at the cell's value: rigorous, so the evaluation stays exact."""
    return _piece(ev, var, body, low, high, cell)


def _piece(ev, var, body, low, high, cell=None):
    """∫_low^high by arb's integrator; no value (NotEvaluable) for an inner integral that
    is not holomorphic in an enclosing quadrature's variable (`_holomorphic_inside`)."""
    failures = []

    def f(z, analytic):
        # arb's integrator does not stop on a Python exception: keep the first one (the
        # step's deadline) and raise it afterwards. Till then every point is exactly 0, so
        # arb finishes at once (the value is never used); "no value" (nan) would make it
        # subdivide up to its limits, seconds at 4096 bits
        if failures:
            return acb(0)
        try:
            return ev.at_quadrature_point(var, z, body, analytic, cell)
        except Exception as exc:               # noqa: BLE001 - re-raised below
            failures.append(exc)
            return acb(0)
    _holomorphic_inside(ev, var, body, low, high, cell)
    goal = arb(2) ** (16 - _bits(ev))          # the comparison needs ~1e-12 at 64 bits
    value = acb.integral(f, acb(low), acb(high), rel_tol=goal, abs_tol=goal,
                         eval_limit=20_000, depth_limit=200)
    if failures:
        raise failures[0]
    return value


def _holomorphic_inside(ev, var, body, low, high, cell):
    """For an inner integral evaluated where an enclosing quadrature needs a holomorphic
    value (`Evaluator._holomorphic`): raise NotEvaluable when the integrand has no
    holomorphic value at one inner point of the path — on this ball of the outer variable
    the inner integrand meets a branch cut (√(y²) at a ball around y = 0), and arb would
    subdivide the inner range up to its limits (seconds per outer point) to find no value
    anyway. The point (a fraction (3 − √5)/2 of the way) is no nice number, where an
    integrand's own branch point would sit; if one does, the outer point has no value,
    which is never wrong."""
    from derive.engines.numeric.evaluate import NotEvaluable
    if not ev._holomorphic():
        return
    fraction = (3 - arb(5).sqrt()) / 2
    point = acb(low + (high - low) * fraction)
    if not ev.at_quadrature_point(var, point, body, True, cell).is_finite():
        raise NotEvaluable("an inner integral not holomorphic in the outer variable here")


def _bits(ev):
    """The precision an integral is enclosed to: the evaluator's `quadrature_bits`, else
    the working precision, at most MAX_QUADRATURE_BITS. Either way the result is a ball
    that holds the integral."""
    return min(ev.quadrature_bits or ctx.prec, MAX_QUADRATURE_BITS)


def log_on_the_line(ev, u):
    """log u as Σ k·log c + Σ k·v over the factors c^k (positive constants) and e^{k v} (v
    a polynomial with real coefficients) of u — equal to log u on the real line, where
    every factor is positive, and analytic off it (log of a Gaussian is a quadratic, with
    no branch cut for arb to avoid). None when u has another factor. The split of u is
    found once per evaluator; each point only evaluates the exponents."""
    env = ev.env
    var = None
    for n, point in env.items():
        if point.key[0] == "quad":
            var = n
            break
    if var is None:
        return None
    # the key holds everything u's constants may depend on: bound points it mentions, and
    # every moved symbol (a density's formula hides the symbols it is written with)
    others = [n for n in free_names(u) if n is not var and n in env]
    if len(others) > 1:
        others.sort(key=_serial)
    if any(env[n].key[0] == "quad" for n in others):
        split = _log_split(ev, u, var)          # another quadrature's point: not kept
    else:
        overrides = ev.overrides
        key = (u, var, env[var].cell, ev._pieces, ev._holding > 0,
               tuple([(n.serial, env[n].key) for n in others]),
               tuple(sorted([(n.serial, str(v)) for n, v in overrides.items()]))
               if overrides else ())
        split = ev.log_splits.get(key)
        if split is None and key not in ev.log_splits:
            split = ev.log_splits[key] = _log_split(ev, u, var)
    if split is None:
        return None
    constant, exponents = split
    total = constant
    for k, exponent in exponents:
        total += k * ev.value(exponent)
    return total


def _serial(name):
    return name.serial


def _log_split(ev, u, var):
    """(Σ k log c, [(k, v)]) for u = Π c^k · Π e^{k v}, or None."""
    from derive.engines.numeric.evaluate import NotEvaluable
    try:
        factors = _factors(ev, u, arb(1), signed=True)
    except NotEvaluable:
        return None
    constant, exponents = acb(0), []
    for f, k in factors:
        if var not in free_names(f) or _constant_on_the_cell(ev, f, var):
            value = ev.value(f)
            if value.imag != 0 or not value.real > 0:
                return None
            constant += k * value.log()
        elif exponent_of(f) is not None:
            try:
                coefficients = _polynomial(ev, exponent_of(f), var)
            except NoEnvelope:
                return None
            if any(c.imag != 0 for c in coefficients):
                return None
            exponents.append((k, exponent_of(f)))
        else:
            return None
    return constant, exponents


# ---------------------------------------------------------------------------- tails

def _tail_from(ev, var, body, side, start):
    """(T, ball enclosing ∫ over side·x ≥ T) for the tail on `side` (+1 right, −1 left);
    `start` (side·x of the other end, or None) keeps T at or beyond it. Without a
    certified bound the integral has no value here (NotEvaluable)."""
    from derive.engines.numeric.evaluate import NotEvaluable
    cut = arb(8) if start is None else arb.max(arb(8), start + 1)
    try:
        shape = envelope(ev, body, var, side)
    except NoEnvelope as exc:
        raise NotEvaluable(f"no certified bound on the integrand's tail ({exc})") from None
    tolerance = arb(2) ** (-_bits(ev))
    for _ in range(MAX_RADIUS_DOUBLINGS):
        bound = _tail(shape, cut)
        if bound is not None and bound < tolerance:
            return cut, acb(arb(0, bound), arb(0, bound))
        cut = cut * 2
    raise NotEvaluable("the integrand's tail does not decay fast enough to bound")


def _tail(shape, radius):
    """An upper bound of ∫_R^∞ A (1+x)^n exp(a x² + β x) dx, or None when κ ≤ 0."""
    scale, degree, a, beta = shape
    if scale == 0:
        return arb(0)                          # the integrand vanishes identically
    kappa = -(2 * a * radius + beta + arb(degree) / (1 + radius))
    if not kappa > 0:
        return None
    return arb((scale * (1 + radius) ** degree * (a * radius * radius + beta * radius).exp()
                / kappa).upper())


# ---------------------------------------------------------------------------- envelopes

def envelope(ev, term, var, side):
    """(A, n, a, β) with |term(x)| ≤ A (1+|x|)^n exp(a x² + β|x|) for every real x with
    side·x ≥ 1 (the tails start at 8), and a ≤ 0 (upper ends of balls); raises NoEnvelope."""
    scale, degree, a, beta = _envelope(ev, term, var, side)
    if not a <= 0:
        raise NoEnvelope("the integrand does not decay like a Gaussian or an exponential")
    return scale, degree, a, beta


def _envelope(ev, t, var, side):
    if var not in free_names(t):
        return _upper(abs(ev.value(t))), 0, arb(0), arb(0)
    if isinstance(t, Sym):
        return arb(1), 1, arb(0), arb(0)
    if isinstance(t, Defined):
        return _envelope(ev, t.body, var, side)
    if isinstance(t, Dens):
        return _envelope(ev, ev.formula_piece(t), var, side)
    if isinstance(t, Add):
        parts = [_envelope(ev, a, var, side) for a in t.args]
        return (sum((p[0] for p in parts), arb(0)), max(p[1] for p in parts),
                _max(p[2] for p in parts), _max(p[3] for p in parts))
    if isinstance(t, Mul):
        parts = [_envelope(ev, a, var, side) for a in t.args]
        scale = arb(1)
        for p in parts:
            scale = scale * p[0]
        return (scale, sum(p[1] for p in parts), sum((p[2] for p in parts), arb(0)),
                sum((p[3] for p in parts), arb(0)))
    k = _whole_exponent(ev, t, var)
    if k is not None:
        scale, degree, a, beta = _envelope(ev, t.base, var, side)
        return scale ** k, degree * k, a * k, beta * k
    if isinstance(t, Pow) and t.base is not E and var not in free_names(t.exponent):
        return _power_envelope(ev, t, var, side)
    if exponent_of(t) is not None:
        try:
            c0, c1, c2 = _quadratic(ev, exponent_of(t), var)
        except NoEnvelope:
            return _bounded_exponential(ev, exponent_of(t), var, side)
        return _upper(c0.real.exp()), 0, _upper(c2.real), _upper(side * c1.real)
    if isinstance(t, Fn) and t.fname == "log":
        return _log_envelope(ev, t.operands[0], var)
    if isinstance(t, Fn) and t.fname == "abs":                 # ||u|| = |u|
        return _envelope(ev, t.operands[0], var, side)
    raise NoEnvelope(f"no growth bound for {type(t).__name__}")


def _bounded_exponential(ev, v, var, side):
    """e^v for an exponent v = q + w, q the terms of v that are polynomials of degree ≤ 2
    (constants too: `θφ(x) − A(θ)`) and w the rest, which decays like a Gaussian (a
    Schwartz stand-in for a declared function, `test_functions`: e^{θφ(x)} with φ(u) =
    R(u) e^{-u²}): from w's envelope |w| ≤ A (1+t)^n e^{a t² + β t} (t = |x|) with a < 0,
    and (1+t)^n ≤ e^{n t}, |w| ≤ A e^{a t² + (β+n) t} ≤ A e^{−(β+n)²/(4a)} =: M, so
    |e^v| ≤ e^{Re q} e^M — q's envelope times a constant. Raises NoEnvelope otherwise."""
    quadratic, rest = [acb(0)] * 3, []
    for term in (v.args if isinstance(v, Add) else (v,)):
        try:
            quadratic = [c + d for c, d in zip(quadratic, _quadratic(ev, term, var))]
        except NoEnvelope:
            rest.append(term)
    if not rest:
        raise NoEnvelope("an exponent of degree above 2")
    scale, degree, a, beta = _envelope(ev, Add(*rest) if len(rest) > 1 else rest[0], var, side)
    if not a < 0:
        raise NoEnvelope("an exponent of degree above 2")
    bound = _upper(scale * (-(beta + degree) ** 2 / (4 * a)).exp())
    c0, c1, c2 = quadratic
    return _upper((c0.real + bound).exp()), 0, _upper(c2.real), _upper(side * c1.real)


def _power_envelope(ev, t, var, side):
    """u^c for a constant c that is not a whole number (`t^{a-1}` in Euler's integral):
    |u^c| = |u|^Re c · e^{−Im c · arg u} ≤ |u|^Re c · e^{π|Im c|}. With Re c ≥ 0,
    |u|^Re c ≤ (1 + |u|)^m for m = ⌈Re c⌉, and 1 + |u| ≤ (1 + A)(1+|x|)^n e^{a⁺x² + β|x|}
    from u's envelope. With Re c < 0 only the variable itself is bounded: |x|^Re c ≤ 1 where
    |x| ≥ 1, the only place a tail is taken (`_tail_from` cuts at R ≥ 8)."""
    c = ev.value(t.exponent)
    if not (c.real.is_finite() and c.imag.is_finite()):
        raise NoEnvelope("an exponent with no value")
    phase = _upper((arb.pi() * abs(c.imag)).exp())
    if not c.real >= 0:
        if isinstance(t.base, Sym) and t.base.name is var and c.real < 0:
            return phase, 0, arb(0), arb(0)
        exponential = _exponential_power_envelope(ev, t.base, c, var, side)
        if exponential is not None:
            return exponential
        raise NoEnvelope("a negative power of a function with no lower bound")
    m = int(c.real.upper().ceil().unique_fmpz())
    scale, degree, a, beta = _envelope(ev, t.base, var, side)
    return (_upper(phase * (1 + scale) ** m), degree * m, arb.max(a, arb(0)) * m, beta * m)


def _exponential_power_envelope(ev, u, c, var, side):
    """u^c for a real constant c when u is a product of positive constants and exponentials
    of real polynomials of degree ≤ 2 — a density of the standard families, or a product
    and ratio of them (`q(x) / p(x)` in E_p[q/p] = ∫ p · q/p): then u = K e^{v} with K > 0
    and v real at real x, so u^c = K^c e^{c v} exactly, an exponential of a quadratic whose
    coefficients add to those of the other factors (p · p^{-1} cancels in the envelope).
    None when u is not of that shape, or c is not certainly real."""
    if not c.imag == 0:
        return None
    split = _log_split(ev, u, var)
    if split is None:
        return None
    constant, exponents = split
    total = [acb(0), acb(0), acb(0)]
    for k, v in exponents:
        total = [t + k * q for t, q in zip(total, _quadratic(ev, v, var))]
    c0, c1, c2 = (c.real * t.real for t in total)
    return (_upper((c.real * constant.real + c0).exp()), 0, _upper(c2), _upper(side * c1))


def _log_envelope(ev, u, var):
    """|log u| ≤ |ln |u|| + π, and ln |u| = Σ k_i ln |f_i| over the factors f_i^{k_i} of u,
    each a constant or an exponential of a quadratic q (|Re q| ≤ (|q0| + |q1| + |q2|)(1 + |x|)²)."""
    factors = _factors(ev, u, arb(1))
    total = arb(0)
    for f, weight in factors:
        if var not in free_names(f):
            value = ev.value(f)
            if value.contains(0):
                raise NoEnvelope("the log of something that may vanish")
            total += weight * _upper(abs(value.log()))
        elif exponent_of(f) is not None:
            c0, c1, c2 = _quadratic(ev, exponent_of(f), var)
            total += weight * (_upper(abs(c0)) + _upper(abs(c1)) + _upper(abs(c2)))
        else:
            raise NoEnvelope("the log of a function with no growth bound")
    return _upper(total + arb.pi()), 2, arb(0), arb(0)


def _factors(ev, u, weight, signed=False):
    """[(factor, exponent)] of a product of powers (|exponent| unless `signed`); a density
    by formula is its formula on the piece in force, a drawn one a factor."""
    if isinstance(u, Defined):
        return _factors(ev, u.body, weight, signed)
    if isinstance(u, Dens) and ev.explicit(u) is not None:
        return _factors(ev, ev.formula_piece(u), weight, signed)
    if isinstance(u, Mul):
        return [f for a in u.args for f in _factors(ev, a, weight, signed)]
    if isinstance(u, Pow) and isinstance(u.exponent, Num) and u.base is not E:
        k = arb(u.exponent.value.numerator) / u.exponent.value.denominator
        return _factors(ev, u.base, weight * (k if signed else abs(k)), signed)
    return [(u, weight)]


def _constant_on_the_cell(ev, f, var):
    """Whether `f` is a drawn density at the bare variable, the point on one cell
    (`on_cell`): there it takes the cell's one value, a constant of the split."""
    from derive.engines.numeric.evaluate import drawn_at
    point = ev.env.get(var)
    return point is not None and point.cell is not None and point.cell >= 0 and \
        drawn_at(f, var, ev.context)


def exponent_of(t):
    """v when t is exp(v) or e^v, else None."""
    if isinstance(t, Fn) and t.fname == "exp":
        return t.operands[0]
    if isinstance(t, Pow) and t.base is E:
        return t.exponent
    return None


def _quadratic(ev, t, var):
    """(c0, c1, c2) with t = c0 + c1 x + c2 x² exactly; raises NoEnvelope."""
    coefficients = _polynomial(ev, t, var)
    if len(coefficients) > 3:
        raise NoEnvelope("an exponent of degree above 2")
    return tuple(coefficients + [acb(0)] * (3 - len(coefficients)))


def _polynomial(ev, t, var):
    if var not in free_names(t):
        return [ev.value(t)]
    if isinstance(t, Sym):
        return [acb(0), acb(1)]
    if isinstance(t, Defined):
        return _polynomial(ev, t.body, var)
    if isinstance(t, Add):
        out = []
        for a in t.args:
            p = _polynomial(ev, a, var)
            out = [_get(out, k) + _get(p, k) for k in range(max(len(out), len(p)))]
        return out
    if isinstance(t, Mul):
        out = [acb(1)]
        for a in t.args:
            out = _times(out, _polynomial(ev, a, var))
        return out
    k = _whole_exponent(ev, t, var)
    if k is not None and k <= 4:
        base = _polynomial(ev, t.base, var)
        out = [acb(1)]
        for _ in range(k):
            out = _times(out, base)
        return out
    raise NoEnvelope("not a polynomial in the variable")


def _whole_exponent(ev, t, var):
    """k when t is base^k with k a whole number ≥ 0 not depending on the variable (written
    `2`, or `2 + (-1)` as derivatives leave it), else None."""
    if not isinstance(t, Pow) or t.base is E or var in free_names(t.exponent):
        return None
    value = ev.value(t.exponent)
    if value.imag != 0 or not value.real.is_exact():
        return None
    k = value.real.unique_fmpz()
    return int(k) if k is not None and k >= 0 else None


def _times(p, q):
    if len(p) + len(q) - 1 > 5:
        raise NoEnvelope("a polynomial of too high a degree")
    out = [acb(0)] * (len(p) + len(q) - 1)
    for i, a in enumerate(p):
        for j, b in enumerate(q):
            out[i + j] += a * b
    return out


def _get(p, k):
    return p[k] if k < len(p) else acb(0)


def _upper(real):
    if not real.is_finite():
        raise NoEnvelope("an unbounded coefficient")
    return arb(real.upper())


def _max(values):
    values = list(values)
    out = values[0]
    for v in values[1:]:
        out = arb.max(out, v)
    return out

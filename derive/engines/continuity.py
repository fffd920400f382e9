"""Whether an antiderivative has no jumps: the half of `\\int f(x)\\, dx = F(x)` that F′ = f
does not show.

F′ = f is checked where F's formula is differentiable, so an F that jumps where f is
defined passes it: −i log(e^{ix}) (the principal log: a sawtooth, jumping at x = π),
arctan(tan x) (jumping where tan has a pole), log x − ½ log x² (a jump of iπ at 0, the
real parts cancelling), x/|x|. Such an F is no antiderivative of f on an interval across
the jump. A claim is verified only when F is shown, by its form, to jump nowhere:

* **continuous** (`_Shape.continuous`): built from x, numbers and other names by +, ×, powers
  with a whole exponent ≥ 0 or a base shown positive, exp, sin, cos, sinh, cosh (of
  anything continuous), tanh, arctan, |·|, odd roots (of something continuous and real),
  log (of something continuous and shown positive), and declared functions
  (differentiable) of real continuous arguments; or
* **meromorphic on the real line plus at most one logarithm** (`_Shape.meromorphic`): the
  same without declared functions, |·| and roots (so real-analytic), with whole negative powers of bases that
  depend on x outside every function's argument (poles: `\\frac{1}{x}`), plus at most one
  term c · log u, u real-analytic and real (`\\log x`). Near any point such an F either has
  a finite limit from both sides, the same (a removable point), or is unbounded — and an
  unbounded F has an unbounded derivative, so the integrand is undefined there too: the
  claim is about each interval on which it is defined (`\\int \\frac{1}{x} dx = \\log x`).

Anything else (tan, arcsin, floor, poles beside |·|, logs of what may be complex, two logs,
poles inside a function, integrals) leaves the claim undecided, saying so; a refutation
(a certified point where F′ ≠ f) needs none of this.
"""

from __future__ import annotations

from derive.model.terms import (
    E, PI, Add, Call, Const, Defined, Fn, Mul, Num, Pow, Sym, free_names,
)

_ENTIRE = ("exp", "sin", "cos", "sinh", "cosh")       # analytic on the whole plane
_REAL = ("tanh", "arctan")                             # analytic on the real line only


def jump_free(primitive, x, context):
    """Whether `primitive` (a function of the real variable `x`) is shown to jump nowhere
    (see the module's docstring); derivatives and evaluation bars in it are worked out
    first."""
    from derive.engines.calculus import NotDifferentiable, without_derivatives
    try:
        primitive = without_derivatives(primitive, context)
    except NotDifferentiable:
        return False
    shape = _Shape(x, context)
    if shape.continuous(primitive):
        return True
    terms = primitive.args if isinstance(primitive, Add) else (primitive,)
    logs = [t for t in terms if shape.logarithm(t)]
    return len(logs) <= 1 and all(shape.meromorphic(t) for t in terms if t not in logs)


class _Shape:
    """Predicates on terms as functions of the real variable `x`."""

    def __init__(self, x, context):
        self.x, self.context = x, context

    def constant(self, t):
        return self.x not in free_names(t)

    def continuous(self, t, analytic=False):
        """Continuous on the whole real line (for every value of the other names);
        `analytic`: real-analytic too (no declared functions)."""
        if self.constant(t) or isinstance(t, Sym):
            return True
        if isinstance(t, Defined):
            return self.continuous(t.body, analytic)
        if isinstance(t, (Add, Mul)):
            return all(self.continuous(a, analytic) for a in t.args)
        if isinstance(t, Pow):
            base, exponent = t.args
            if self.constant(exponent):
                whole = isinstance(exponent, Num) and exponent.value.denominator == 1 and \
                    exponent.value >= 0
                return self.continuous(base, analytic) and (whole or self.positive(base))
            return self.constant(base) and self.positive(base) and \
                self.continuous(exponent, analytic)
        if isinstance(t, Fn) and len(t.operands) == 1:
            (u,) = t.operands
            if t.fname in _ENTIRE:
                return self.continuous(u, analytic)
            if t.fname in _REAL:
                return self.continuous(u, analytic) and self.real(u)
            if t.fname == "log":
                return self.continuous(u, analytic) and self.positive(u)
            return t.fname == "abs" and not analytic and self.continuous(u) and self.real(u)
        if isinstance(t, Fn) and t.fname == "root":        # the real odd root of a real
            return not analytic and self.continuous(t.operands[0]) and self.real(t.operands[0])
        if isinstance(t, Call) and not analytic:
            return all(self.continuous(a) and self.real(a) for a in t.arguments)
        return False

    def meromorphic(self, t):
        """A ratio of real-analytic functions of x: poles only from whole negative powers
        outside every function's argument."""
        if isinstance(t, Defined):
            return self.meromorphic(t.body)
        if isinstance(t, (Add, Mul)):
            return all(self.meromorphic(a) for a in t.args)
        if isinstance(t, Pow) and isinstance(t.args[1], Num) and \
                t.args[1].value.denominator == 1:
            return self.meromorphic(t.args[0])
        return self.continuous(t, analytic=True)

    def logarithm(self, t):
        """c · log u: c constant, u real-analytic and real."""
        factors = t.args if isinstance(t, Mul) else (t,)
        logs = [f for f in factors if not self.constant(f)]
        if len(logs) != 1 or not (isinstance(logs[0], Fn) and logs[0].fname == "log"):
            return False
        (u,) = logs[0].operands
        return self.continuous(u, analytic=True) and self.real(u)

    # ------------------------------------------------------------------ values
    def domain(self, name):
        return None if name is self.x else self.context.domain(name)

    def real(self, t):
        if isinstance(t, Num) or t is E or t is PI:
            return True
        if isinstance(t, Sym):
            domain = self.domain(t.name)
            return domain is None or domain.is_real
        if isinstance(t, Defined):
            return self.real(t.body)
        if isinstance(t, (Add, Mul)):
            return all(self.real(a) for a in t.args)
        if isinstance(t, Pow):
            base, exponent = t.args
            whole = isinstance(exponent, Num) and exponent.value.denominator == 1
            return self.real(exponent) and (self.positive(base) or whole and self.real(base))
        if isinstance(t, Fn) and len(t.operands) == 1:
            (u,) = t.operands
            return self.positive(u) if t.fname == "log" else \
                t.fname in _ENTIRE + _REAL and self.real(u)
        return False

    def positive(self, t):
        if isinstance(t, Num):
            return t.value > 0
        if isinstance(t, Const):
            return t is E or t is PI
        if isinstance(t, Sym):
            domain = self.domain(t.name)
            return domain is not None and domain.is_positive
        if isinstance(t, Defined):
            return self.positive(t.body)
        if isinstance(t, Add):
            return all(self.nonnegative(a) for a in t.args) and \
                any(self.positive(a) for a in t.args)
        if isinstance(t, Mul):
            return all(self.positive(a) for a in t.args)
        if isinstance(t, Pow):
            return self.positive(t.args[0]) and self.real(t.args[1])
        if isinstance(t, Fn) and len(t.operands) == 1:
            return t.fname in ("exp", "cosh") and self.real(t.operands[0])
        return False

    def nonnegative(self, t):
        if self.positive(t) or isinstance(t, Num) and t.value == 0:
            return True
        if isinstance(t, Sym):
            domain = self.domain(t.name)
            return domain is not None and domain.is_nonnegative
        if isinstance(t, Pow):
            base, exponent = t.args
            return isinstance(exponent, Num) and exponent.value.denominator == 1 and \
                exponent.value % 2 == 0 and self.real(base)
        if isinstance(t, (Add, Mul)):
            return all(self.nonnegative(a) for a in t.args)
        return False

"""An optimum over functions into a conjugate's effective domain, `\\sup_{T : \\mathcal{X}
\\to \\mathrm{dom}\\, f^\\ast} \\int p_\\theta(x) \\{ T(x) r(x) - f^\\ast(T(x)) \\} dx` (the
f-GAN variational representation, Nowozin et al. 2016, eq. 4).

A conjugate f* (defined by a sup) is +∞ outside its effective domain. When the objective
takes f* only as f*(T(…)) and only *decreasingly* — subtracted, under non-negative weights
(numbers ≥ 0, densities), integrals over a variable's whole range and expectations — a
function T leaving dom f* where the weight is positive makes the objective −∞, and where
the weight is 0 its values there change nothing. So the sup over functions into dom f* is
the sup over every real function, which is how derive reads it; for an inf, the objective
must increase in f* likewise. Any other use of f* (added, inside a log, at a number,
under a weight of unknown sign) is refused: then leaving the domain might make the
objective +∞, and the two optima differ.
"""

from __future__ import annotations

from derive.model.names import Name
from derive.model.terms import Add, Call, Defined, Dens, Expect, Integral, Mul, Num, Pow, Sum, Term
from derive.model.terms import nodes as subterms


def _takes(term: Term, conjugate: Name) -> bool:
    """Whether `term` applies the conjugate somewhere (not looking into other definitions'
    bodies, which `_signed` refuses whole)."""
    return any(isinstance(t, Defined) and t.name is conjugate for t in subterms(term))


def _nonnegative(term: Term) -> bool:
    """A weight shown ≥ 0 by its shape: a number ≥ 0, a density's value, their products
    and powers (a density to any power is positive)."""
    if isinstance(term, Num):
        return term.value >= 0
    if isinstance(term, Dens):
        return True
    if isinstance(term, Mul):
        return all(_nonnegative(a) for a in term.args)
    if isinstance(term, Pow):
        return isinstance(term.base, Dens) or isinstance(term.base, Num) and \
            term.base.value > 0
    return False


def _signed(term: Term, conjugate: Name, function: Name, sign: int) -> bool:
    """Whether the objective decreases in each f*(T(…)) that `term` takes, `sign` (±1)
    being the sign `term` stands with in the objective: f* must stand with −1."""
    if not _takes(term, conjugate):
        return True
    if isinstance(term, Defined):
        return term.name is conjugate and sign < 0 and len(term.arguments) == 1 and \
            isinstance(term.arguments[0], Call) and term.arguments[0].function is function
    if isinstance(term, Add):
        return all(_signed(a, conjugate, function, sign) for a in term.args)
    if isinstance(term, Mul):
        taking = [a for a in term.args if _takes(a, conjugate)]
        weights = [a for a in term.args if not _takes(a, conjugate)]
        if len(taking) != 1:
            return False
        negative = [w for w in weights if isinstance(w, Num) and w.value < 0]
        if not all(_nonnegative(w) for w in weights if w not in negative):
            return False
        return _signed(taking[0], conjugate, function, -sign if len(negative) % 2 else sign)
    if isinstance(term, Integral) and not isinstance(term, Sum) or isinstance(term, Expect):
        whole = not isinstance(term, Integral) or term.lower is None and term.upper is None
        return whole and _signed(term.body, conjugate, function, sign)
    return False


def decreasing_in(objective: Term, conjugate: Name, function: Name, kind: str) -> bool:
    """Whether a sup's (`kind` "max") objective decreases in every f*(T(…)) it takes — an
    inf's ("min") increases — so that the optimum over functions T into dom f* is the
    optimum over every real T."""
    return _signed(objective, conjugate, function, 1 if kind == "max" else -1)

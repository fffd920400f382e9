"""Probability notation: the mathematics of derive, with no I/O.

`operators` holds expectation, KL, JS, entropy and cross-entropy as unevaluated SymPy
expressions that expand to integrals; `context` holds what a derivation declares
(variables, densities, symbols with assumptions, definitions).
"""

from derive.notation.claims import OPTIMA, Defined, Optimum, strip_defined
from derive.notation.context import Context, Definition, Density
from derive.notation.operators import (
    KL, JS, CrossEntropy, Entropy, Expectation, SupportIntegral, expand_operators,
)

__all__ = [
    "OPTIMA", "Defined", "Optimum", "strip_defined",
    "Context", "Definition", "Density",
    "KL", "JS", "CrossEntropy", "Entropy", "Expectation", "SupportIntegral",
    "expand_operators",
]

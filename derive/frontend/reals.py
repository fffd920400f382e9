"""Whether a term read from a row is shown real — for readings that hold for real numbers only.

`\\text{otherwise}` beside `x > 0` is `x \\le 0` only for a real x, and `\\max(a, b)` of
numbers is defined only for real a and b (ℂ has no order). An undeclared letter is a
complex number, so such a reading needs what the normal form's sign shows real (letters
declared real, densities, `|w|`, …); `why_not_real` says what to declare when it is not.
"""

from __future__ import annotations

from derive.model.names import Kind
from derive.model.terms import free_names


def why_not_real(term, context):
    """None when the normal form shows `term` real under `context`; else why not, naming
    the letters to declare real (or saying that a root, log or power may not be real)."""
    from derive.engines import normal_form
    n = normal_form.Normaliser(context)
    try:
        if n.sign(n.value(term)) != normal_form.COMPLEX:
            return None
    except (normal_form.Unsupported, normal_form.Undefined):
        pass
    letters = sorted({name.latex for name in free_names(term)
                      if context.kind(name) is Kind.SYMBOL
                      and not context.domain(name).is_real})
    if letters:
        return (f"{', '.join(letters)} is not declared real (an undeclared letter is a "
                f"complex number): declare it real (% derive: real {', '.join(letters)})")
    return "a root, log or power of a real number may not be real: declare what it applies " \
           "to positive"

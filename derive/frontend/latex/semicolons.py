"""A declared function applied with parameters after a semicolon: `f(z; \\theta)`.

ML notes write the model's function at its input z and its parameters θ as `f(z; \\theta)`
(also `g(x; \\theta, \\phi)`, `f(z; 0)`), the same function `f_\\theta(z)` names in its
subscript. derive reads it as `f_\\theta(z)` is read (`Reader.moving_arguments`): the
parameters first, then the point — f(θ, z) — so ∂/∂θ f(z; θ) is the derivative of an unknown
function of two arguments (never 0), and ∫_0^1 f(z; θ) dθ is no f(z; θ).

A file's one declared f is applied one way, so that one value is never two:
* where f moves with numbers already (`depends f on \\theta`, or a name labelled by a letter,
  `f_\\theta`), f(z) is f(θ, z) already: the letters after `;` must be exactly those numbers,
  as spelled (`f(z; \\theta)` is then f(z)); another list (`f(z; 0)`, `f(z; \\phi)`) is refused;
* otherwise, once f is applied with a semicolon it must be so everywhere: `f(z)` beside
  `f(z; \\theta)` (is f(z) the function at the file's θ, or another one?) is refused, in
  either order.
A bar (`f(z \\mid \\theta)`), more than one semicolon or nothing after it is refused.
"""

from __future__ import annotations

from derive.model.terms import Sym


class Semicolons:
    """Mixin of the reader: the arguments of a declared function's call."""

    def function_arguments(self, name, bracket, moving, node):
        """The argument terms of a declared function's call `name(…)`: the numbers it moves
        with (`moving`, from `moving_arguments`), then those written — parameters after `;`
        first."""
        semicolons = [k for k, sep in enumerate(bracket.seps) if sep == ";"]
        self._one_form(name, bool(semicolons), moving, node)
        if not semicolons:
            return [*moving, *self._arguments(bracket)]
        if len(semicolons) > 1 or any(sep not in (",", ";") for sep in bracket.seps):
            raise self.error(f"{name.latex}(…) with separators other than commas and one ';' "
                             "is not read: write the point, then ';', then the parameters",
                             bracket.node)
        cut = semicolons[0] + 1
        point = [self.term(a) for a in bracket.args[:cut]]
        parameters = [self.term(a) for a in bracket.args[cut:]]
        if moving:
            if parameters != list(moving):
                said = ", ".join(m.name.latex for m in moving if isinstance(m, Sym))
                raise self.error(f"{name.latex} moves with {said} already ({name.latex}(z) is "
                                 f"{name.latex} at {said}): after ';' derive reads only "
                                 f"{said} as written, never another value", bracket.node)
            return [*moving, *point]
        return [*parameters, *point]

    def _one_form(self, name, semicolon, moving, node):
        """Refuse a declared function without numbers it moves with applied both with and
        without a semicolon in one file (the first form read stands)."""
        if moving:
            return
        first = self.scope.call_forms.setdefault(name, semicolon)
        if first != semicolon:
            where = ("with parameters after ';' elsewhere in this file and without them here"
                     if first else "without parameters elsewhere in this file and with them "
                     "after ';' here")
            raise self.error(f"{name.latex} is applied {where}: is {name.latex}(z) the "
                             f"function at the file's parameters, or another one? write "
                             f"every call of {name.latex} the same way (or % derive: depends "
                             f"{name.latex} on …)", node)

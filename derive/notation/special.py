"""Special functions every reader knows by their letter, applied without a declaration.

A name the file neither declares nor defines is an unknown function where it is applied
(`f(x)`), one a counterexample may choose. For a letter every reader takes for one known
function that is a misreading: `B(2, 1)` is Euler's Beta function, 1/2 — refuting
`\\frac{\\theta}{B(2,1)} = 2\\theta` at an invented B(2, 1) = −1.8 + 1.6i refutes a true step.
Each entry says, by the number of arguments, what such a use reads as: Euler's Γ of one
argument and Euler's B of two (`B(a, b) = Γ(a)Γ(b)/Γ(a + b)`, the beta law's normaliser, as
`families` writes it) are read; a use derive does not evaluate (the normal distribution
function Φ, the digamma ψ, Riemann's ζ, the incomplete gammas `\\Gamma(a, x)`,
`\\gamma(a, x)`, a derivative `\\Gamma'(x)`, the sigmoid σ, Landau's `O(n)`, `o(1)`,
`\\Theta(n)`) is refused at its position. The log-odds `\\operatorname{logit}(p)` (also
`\\mathrm{logit}`, a base as on the log: `\\operatorname{logit}_2(p)`) is read as
log(p/(1 − p)) — an upright word, so never the product of five letters. A file that declares
the name (`% derive: function \\Phi`) or defines it above keeps its own meaning; the reader
only asks here for a name it found neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from derive.model.terms import ONE, Add, Fn, Mul, Num, div, neg


def _gamma(a):
    return Fn("gamma", a)


def _beta(a, b):
    return div(Mul(_gamma(a), _gamma(b)), _gamma(Add(a, b)))


def _logit(base=None):
    """The log-odds u ↦ log(u/(1 − u)), in the base of `\\log_b` when one is written."""
    def build(u):
        odds = Fn("log", div(u, Add(ONE, neg(u))))
        return odds if base is None else div(odds, Fn("log", Num(base)))
    return build


@dataclass(frozen=True)
class Special:
    """A letter's known function: `read` maps its number of arguments to a term builder;
    any other use is refused with `refusal` (None: the letter is then an unknown function
    as any other, `B(x)` of one argument)."""

    name: str
    read: dict
    refusal: str | None


_REFUSED = object()
_DERIVATIVE = "{key}'(…): derive does not read derivatives of Euler's functions"
_DECLARE = "declare it if the file means another function (% derive: function {key}) or define it"
SPECIAL = {
    "\\Gamma": Special("Euler's gamma function", {1: _gamma},
                       "\\Gamma(…) is Euler's gamma function of one argument; derive does not "
                       "read the incomplete gamma \\Gamma(a, x) nor Γ's derivatives — "
                       + _DECLARE),
    "B": Special("Euler's Beta function", {2: _beta}, None),    # also \\mathrm{B}, …{B}
    "\\Phi": Special("", {}, "\\Phi(…) is the standard normal distribution function in most "
                     "texts, which derive does not read: " + _DECLARE),
    "\\psi": Special("", {}, "\\psi(…) is the digamma function in most texts on special "
                     "functions, which derive does not read: " + _DECLARE),
    "\\zeta": Special("", {}, "\\zeta(…) is Riemann's zeta function in most texts, which derive "
                      "does not read: " + _DECLARE),
    "\\gamma": Special("", {1: None}, "\\gamma(a, x) is the lower incomplete gamma function, "
                       "which derive does not read: " + _DECLARE),
    "\\beta": Special("", {1: None}, "\\beta(a, b) may be Euler's Beta function, written B(a, b) "
                      "(which derive reads): write that, or " + _DECLARE),
    "\\sigma": Special("", {}, "\\sigma(…) is the logistic sigmoid in most texts on learning: "
                       "define it (\\sigma(x) = \\frac{{1}}{{1 + e^{{-x}}}}), or declare it if the "
                       "file means another function (% derive: function \\sigma)"),
}
SPECIAL["logit"] = Special("the log-odds function", {1: _logit()},
                           "logit(…) is the log-odds log(p/(1 − p)) of one argument: " + _DECLARE)
# `\\operatorname{logit}_2(p)`: the log-odds in a base, as `\\log_2` (base e is `\\ln`'s).
_LOGIT_BASED = re.compile(r"^logit_\{([2-9]|[1-9][0-9]+)\}$")

# Landau's symbols: `O(n)`, `o(1)`, `\\mathcal{O}(h^2)`, `\\Theta(n)`, `\\Omega(n)` stand for a
# class of functions, not a value — a row with one says something about growth, which
# derive does not check: refused, never an unknown function a counterexample chooses.
_LANDAU = ("{key}(…) is Landau's symbol (a bound on growth, not a value), which derive does "
           "not read: state the bound (a limit, an inequality), or declare {key} a function "
           "(% derive: function {key})")
for _key in ("O", "o", "\\mathcal{O}", "\\Theta", "\\Omega"):
    SPECIAL[_key] = Special("", {}, _LANDAU)


# Landau's symbols decorated (`\\tilde{O}(n)`, `O_p(1)`, `\\mathcal{O}_P(n)`): the same refusal.
_LANDAU_SPELLED = re.compile(r"^(?:\\(?:tilde|widetilde)\s*\{\s*)?(O|o|\\mathcal\{O\}|\\Theta|\\Omega)"
                             r"(?:\s*\})?(?:_\{[^{}]*\}|_[A-Za-z0-9])?$")


def special(key):
    """The entry of an undeclared, undefined applied name (primes stripped: `\\Gamma'(x)`
    is a derivative of the known function), or None."""
    plain = key.rstrip("'")
    found = SPECIAL.get(plain)
    based = _LOGIT_BASED.match(plain) if found is None else None
    if based is not None:
        found = Special(SPECIAL["logit"].name, {1: _logit(int(based.group(1)))},
                        SPECIAL["logit"].refusal)
    if found is None:
        landau = _LANDAU_SPELLED.match(plain)
        if landau is not None:
            found = SPECIAL[landau.group(1)]
    return found


def builder(key, count):
    """How `key(…)` with `count` arguments reads, for a name with an entry: a builder of
    Euler's function from the argument terms, or None when the letter is an unknown function
    here (`B(x)`, `\\gamma(t)`); raises ValueError with the refusal's message otherwise —
    also for a derivative (`\\Gamma'(x)`) of a function read here, which derive does not
    differentiate."""
    entry = special(key)
    plain = key.rstrip("'")
    build = entry.read.get(count, _REFUSED)
    if build is None or build is _REFUSED and entry.refusal is None:
        return None
    if build is _REFUSED or plain != key:
        raise ValueError((entry.refusal if build is _REFUSED else _DERIVATIVE).format(key=plain))
    return build

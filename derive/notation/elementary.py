"""The elementary functions and constants derive reads, each in one entry.

An entry says how the function is spelled in LaTeX, how many arguments it takes, how it is
printed, its derivative (as a term builder) and the names of its implementations in mpmath
and in python-flint's ball arithmetic, which the numeric engine looks up here. Functions
are taken on the principal branch (`log` of a negative number is complex). Anything not in
this table, the operator registry, the declarations or the bound variables is refused by
the reader.
"""

from __future__ import annotations

from dataclasses import dataclass

from derive.model.terms import (
    HALF, MINUS_ONE, ONE, TWO, Add, Fn, Num, Pow, neg,
)


@dataclass(frozen=True)
class Elementary:
    key: str                     # the term's function name (`Fn(key, …)`)
    spellings: tuple             # LaTeX commands that mean it
    derivative: object           # u ↦ f'(u), as a term
    mp: str                      # mpmath's function of that name
    arb: str                     # python-flint's arb/acb method of that name
    real_on: str = "all"         # where it is real for real input: "all" or "positive"


def _sqrt1mu2(u):
    return Pow(Add(ONE, neg(Pow(u, TWO))), HALF)


ELEMENTARY = {e.key: e for e in (
    Elementary("log", (r"\log", r"\ln"), lambda u: Pow(u, MINUS_ONE), "log", "log", "positive"),
    Elementary("exp", (r"\exp",), lambda u: Fn("exp", u), "exp", "exp"),
    Elementary("sin", (r"\sin",), lambda u: Fn("cos", u), "sin", "sin"),
    Elementary("cos", (r"\cos",), lambda u: neg(Fn("sin", u)), "cos", "cos"),
    Elementary("tan", (r"\tan",), lambda u: Pow(Fn("cos", u), Num(-2)), "tan", "tan"),
    Elementary("sinh", (r"\sinh",), lambda u: Fn("cosh", u), "sinh", "sinh"),
    Elementary("cosh", (r"\cosh",), lambda u: Fn("sinh", u), "cosh", "cosh"),
    Elementary("tanh", (r"\tanh",), lambda u: Add(ONE, neg(Pow(Fn("tanh", u), TWO))),
               "tanh", "tanh"),
    Elementary("arcsin", (r"\arcsin",), lambda u: Pow(_sqrt1mu2(u), MINUS_ONE),
               "asin", "asin"),
    Elementary("arccos", (r"\arccos",), lambda u: neg(Pow(_sqrt1mu2(u), MINUS_ONE)),
               "acos", "acos"),
    Elementary("arctan", (r"\arctan",), lambda u: Pow(Add(ONE, Pow(u, TWO)), MINUS_ONE),
               "atan", "atan"),
)}

# command → entry key
SPELLINGS = {s: e.key for e in ELEMENTARY.values() for s in e.spellings}


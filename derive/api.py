"""The Python API: build derivations from SymPy expressions, check them, assert on them.

    from sympy import log
    from derive import KL, Expectation, assert_verified, chain, density

    p, q = density("p"), density("q")
    derivation = chain(KL(p, q), Expectation(log(p) - log(q), p))
    assert_verified(derivation)          # raises DerivationFailed with the counterexample

The objects returned are the ones the CLI, the reports and the pytest plugin use.
"""

from __future__ import annotations

from os import PathLike
from typing import Iterable, Sequence, Union

from sympy import Expr, Function, Symbol, latex
from sympy.core.function import AppliedUndef

from derive.checker import Options, check_files
from derive.checker import check as _check
from derive.frontend import InputError, load
from derive.model import Derivation, Location, Result, Step
from derive.notation import Context, Density

__all__ = ["density", "context", "chain", "load", "check", "assert_verified", "DerivationFailed"]

Checkable = Union[Derivation, str, PathLike]


class DerivationFailed(AssertionError):
    """A derivation had steps that were not verified; the message shows each one."""

    def __init__(self, result: Result):
        self.result = result
        super().__init__(failure_text(result))


def density(name: str, variable: str = "x") -> Expr:
    """A probability density `name` over `variable`, applied: `p(x)`, positive."""
    return Function(name, positive=True)(Symbol(variable, real=True))


def context(*, densities: Iterable[str] = (), variable: str = "x", positive: Iterable[str] = (),
            real: Iterable[str] = ()) -> Context:
    """The declarations of a derivation: densities over `variable`, symbols' signs."""
    symbols = tuple((n, "positive") for n in positive) + tuple((n, "real") for n in real)
    return Context(variables=(variable,), densities=tuple(Density(n, variable) for n in densities),
                   symbols=symbols)


def chain(*expressions: Expr, context: Context | None = None, title: str = "derivation",
          relations: Sequence[str] | None = None,
          justifications: Sequence[str] | None = None) -> Derivation:
    """The derivation `e0 = e1 = e2 …` (or with `relations` such as "<=" between them).

    Without a `context`, densities are the positive functions applied to one symbol, and
    symbols keep the assumptions SymPy gave them."""
    if len(expressions) < 2:
        raise ValueError("a chain needs at least two expressions")
    ctx = context if context is not None else _infer_context(expressions)
    relations = list(relations) if relations is not None else ["="] * (len(expressions) - 1)
    justifications = list(justifications) if justifications is not None else [""] * len(relations)
    if not len(relations) == len(justifications) == len(expressions) - 1:
        raise ValueError("give one relation and one justification per step")
    steps = tuple(
        Step(index=i + 1, kind="equality" if rel == "=" else "relation", relation=rel,
             lhs=lhs, rhs=rhs, lhs_latex=latex(lhs), latex=latex(rhs),
             location=Location("<python>", i + 1, 1), justification=why)
        for i, (lhs, rhs, rel, why) in enumerate(zip(expressions, expressions[1:], relations,
                                                      justifications)))
    return Derivation("<python>", title, ctx, steps)


def check(derivation: Checkable, *, budget: float = 5.0, seed: int = 0) -> Result:
    """Check a `Derivation`, or the derivation file at a path (read under a time budget
    too; raises `InputError` when it cannot be used)."""
    options = Options(budget=budget, seed=seed)
    if isinstance(derivation, Derivation):
        return _check(derivation, options)
    (outcome,) = check_files([(derivation, None)], options)
    if isinstance(outcome, InputError):
        raise outcome
    return outcome


def assert_verified(derivation: Checkable, **options) -> Result:
    """Check, and raise `DerivationFailed` unless every step is verified (or as expected)."""
    result = check(derivation, **options)
    if not result.ok:
        raise DerivationFailed(result)
    return result


def failure_text(result: Result) -> str:
    """Each step that is not as it should be, as the terminal shows it, without colour."""
    from derive.interfaces.json_output import step_dict
    from derive.interfaces.terminal import Style, render_step

    lines = [f"{result.derivation.file} — {result.derivation.title}: not verified:"]
    for r in result.steps:
        if not r.as_expected:
            lines.extend(render_step(step_dict(r), Style(False)))
    return "\n".join(lines)


def _infer_context(expressions: Sequence[Expr]) -> Context:
    densities, variables, symbols = {}, [], {}
    for expr in expressions:
        for app in expr.atoms(AppliedUndef):
            if app.func.is_positive and len(app.args) == 1 and isinstance(app.args[0], Symbol):
                densities.setdefault(app.func.__name__, app.args[0].name)
                if app.args[0].name not in variables:
                    variables.append(app.args[0].name)
        for s in expr.free_symbols:
            if s.name not in variables and (s.is_positive or s.is_real):
                symbols[s.name] = "positive" if s.is_positive else "real"
    return Context(variables=tuple(variables),
                   densities=tuple(Density(n, v) for n, v in densities.items()),
                   symbols=tuple(sorted(symbols.items())))

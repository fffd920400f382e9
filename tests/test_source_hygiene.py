"""derive's own source and its tests, as Python reads them: no escape sequence Python does not know
(`"\\mathcal"` in a plain string is a DeprecationWarning on 3.11, a SyntaxWarning on 3.12 and
meant to become an error), so a message or docstring says what its author wrote; and no class
that defines a method twice (the second silently replaces the first for every caller)."""

import ast
import pathlib
import warnings

import pytest

ROOT = pathlib.Path(__file__).parent.parent
SOURCES = sorted(p for folder in ("derive", "tests", "bench") for p in (ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_every_module_compiles_without_an_invalid_escape(path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        compile(path.read_text(encoding="utf-8"), str(path), "exec")


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_no_class_defines_a_method_twice(path):
    """A merge gave `Directives` a second `_sign` (the sign under the declarations only)
    below the first (under the `assume`d hypotheses too): every law's parameter check took
    the second, and `assume \\theta < 1` no longer showed Bernoulli(θ) valid."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            names = [f.name for f in node.body
                     if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
                     and not any(isinstance(d, ast.Attribute) and d.attr in ("setter", "deleter")
                                 or isinstance(d, ast.Name) and d.id == "overload"
                                 for d in f.decorator_list)]
            twice = {n for n in names if names.count(n) > 1}
            assert not twice, f"{node.name} defines {sorted(twice)} more than once"

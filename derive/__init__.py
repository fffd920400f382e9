"""derive: check derivations written in LaTeX probability notation, step by step.

The public API (typed, documented in the README) is loaded on first use, so that
`import derive` — and the command line's cache look-ups — cost nothing::

    from derive import chain, check, assert_verified, context
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_EXPORTS = {
    # building and checking derivations
    "context": "derive.api", "chain": "derive.api",
    "load": "derive.api", "check": "derive.api", "assert_verified": "derive.api",
    "DerivationFailed": "derive.api",
    # the results
    "Derivation": "derive.model", "Step": "derive.model", "Verdict": "derive.model",
    "Counterexample": "derive.model", "Result": "derive.model", "StepResult": "derive.model",
    "InputError": "derive.frontend",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name):
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'derive' has no attribute {name!r}")


def __dir__():
    return sorted(__all__)

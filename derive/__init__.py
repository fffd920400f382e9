"""derive: check derivations written in LaTeX probability notation, step by step."""

__version__ = "0.1.0"

"""Front-ends: turn derivation files into the model. Every error carries a position."""

from __future__ import annotations

from pathlib import Path

from derive.frontend.errors import InputError

MAX_FILE_BYTES = 2_000_000
SUFFIXES = (".tex", ".md", ".markdown", ".ipynb", ".yaml", ".yml")

__all__ = ["InputError", "load", "read_text", "SUFFIXES"]


def load(path, mode="displays"):
    """The `Derivation` in `path` (a LaTeX file or document, Markdown/MyST, a notebook, or
    YAML); raises `InputError`. `mode` says which math of a document is checked (see
    `documents`)."""
    path = Path(path)
    text = read_text(path)
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        from derive.frontend.yaml_file import load_yaml
        return load_yaml(path, text)
    if suffix in SUFFIXES:
        from derive.frontend.tex_file import load_text
        return load_text(path, text, mode)
    raise InputError(f"don't know how to read a {suffix or 'suffix-less'} file; derive reads "
                     f"{', '.join(SUFFIXES)}", path)


def read_text(path):
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    if size > MAX_FILE_BYTES:
        raise InputError(f"file is {size} bytes; derive reads at most {MAX_FILE_BYTES}", path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise InputError("not UTF-8 text", path, line) from None

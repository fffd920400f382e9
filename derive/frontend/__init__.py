"""Front-ends: turn derivation files into the model. Every error carries a position."""

from __future__ import annotations

from pathlib import Path

from derive.frontend.errors import InputError

MAX_FILE_BYTES = 2_000_000

__all__ = ["InputError", "load"]


def load(path):
    """The `Derivation` in `path` (`.tex`, `.yaml` or `.yml`); raises `InputError`."""
    path = Path(path)
    text = read_text(path)
    suffix = path.suffix.lower()
    if suffix == ".tex":
        from derive.frontend.tex_file import load_tex
        return load_tex(path, text)
    if suffix in (".yaml", ".yml"):
        from derive.frontend.yaml_file import load_yaml
        return load_yaml(path, text)
    raise InputError(f"don't know how to read a {suffix or 'suffix-less'} file; "
                     "derive reads .tex, .yaml and .yml", path)


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

"""Front-ends: turn derivation files into the model. Every error carries a position."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from derive.frontend.errors import InputError

MAX_FILE_BYTES = 2_000_000
SUFFIXES = (".tex", ".md", ".markdown", ".ipynb", ".yaml", ".yml")

__all__ = ["InputError", "load", "read_bytes", "read_text", "SUFFIXES"]

_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


def load(path, data=None, mode="displays"):
    """The `Derivation` in `path` (a LaTeX file or document, Markdown/MyST, a notebook, or
    YAML); raises `InputError`. `data`, when given, is the file's content as already read
    (so that what is checked is exactly what was hashed for the cache); `mode` says which
    math of a document is checked (see `documents`)."""
    path = Path(path)
    text = _decode(path, read_bytes(path) if data is None else data)
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        from derive.frontend.yaml_file import load_yaml
        return load_yaml(path, text)
    if suffix in SUFFIXES:
        from derive.frontend.tex_file import load_text
        return load_text(path, text, mode)
    raise InputError(f"don't know how to read a {suffix or 'suffix-less'} file; derive reads "
                     f"{', '.join(SUFFIXES)}", path)


def read_bytes(path, limit=MAX_FILE_BYTES, follow_symlinks=True):
    """The bytes of the regular file at `path`, at most `limit` of them; else `InputError`.

    The file is opened without blocking and checked with `fstat` before anything is read,
    so a named pipe with no writer, a device such as `/dev/zero` or a directory is an
    immediate error rather than a hang or an exhausted memory."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    if not follow_symlinks:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = next((name for test, name in _KINDS if test(info.st_mode)), "not a regular file")
            raise InputError(f"cannot read: this is {kind}; derive reads only regular files", path)
        if info.st_size > limit:
            raise InputError(f"file is {info.st_size} bytes; derive reads at most {limit}", path)
        chunks, size = [], 0
        while size <= limit:                        # the file may grow while it is read
            chunk = os.read(fd, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    finally:
        os.close(fd)
    if size > limit:
        raise InputError(f"file is over {limit} bytes; derive reads at most {limit}", path)
    return b"".join(chunks)


def read_text(path):
    """The UTF-8 text of the regular file at `path` (see `read_bytes`)."""
    return _decode(Path(path), read_bytes(path))


_LONE_CR = re.compile(r"\r(?!\n)")


def _decode(path, data):
    """`data` as UTF-8 text, without a leading byte-order mark (Windows editors write one;
    columns are counted as editors count them), a lone carriage return (old Macintosh line
    ends) made the line end it is to TeX, to Markdown and to editors — else a `%` comment
    would run on over the display after it, which TeX typesets and derive would skip; an
    `InputError` at the first line that is not UTF-8."""
    try:
        return _LONE_CR.sub("\n", data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise InputError("not UTF-8 text", path, line) from None

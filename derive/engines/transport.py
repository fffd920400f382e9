"""How tasks and reports cross the pipes between the parent and its workers.

A message is a pickle behind an 8-byte length header. Pickle is safe here because both
ends are derive's own processes (a worker is forked from the parent); nothing pickled is
ever written to or read from a file.

SymPy pickles an expression as its constructor called on its arguments, which
evaluates: an unevaluated `p/p` would arrive as 1, changing the step that was read. So
`dumps` rebuilds every expression from its arguments without evaluation, with the
attributes its constructor set (`is_commutative` of a product, `nargs` of a function).
"""

from __future__ import annotations

import functools
import io
import os
import pickle
import struct
import sys

HEADER = struct.Struct("!Q")


def dumps(obj):
    """`obj` pickled behind a length header; SymPy expressions keep their exact form."""
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(obj)
    data = buffer.getvalue()
    return HEADER.pack(len(data)) + data


def write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def read_message(fd):
    """One message's pickle from `fd` (blocking), or None at end-of-file."""
    header = _read_exact(fd, HEADER.size)
    return None if header is None else _read_exact(fd, HEADER.unpack(header)[0])


def split_messages(buffer):
    """The complete messages' pickles at the start of `buffer` (a bytearray), removed
    from it; an incomplete one stays for the next read."""
    messages = []
    while len(buffer) >= HEADER.size:
        (size,) = HEADER.unpack_from(buffer)
        if len(buffer) < HEADER.size + size:
            break
        messages.append(bytes(buffer[HEADER.size:HEADER.size + size]))
        del buffer[:HEADER.size + size]
    return messages


def _read_exact(fd, size):
    chunks, remaining = [], size
    while remaining:
        chunk = os.read(fd, min(remaining, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


class _Pickler(pickle.Pickler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.basic = _sympy_basic()

    def reducer_override(self, obj):
        if self.basic is None or not isinstance(obj, self.basic) or obj.is_Atom:
            return NotImplemented
        state = {name: getattr(obj, name) for name in _attributes(type(obj)) if hasattr(obj, name)}
        state.update(getattr(obj, "__dict__", ()))
        return _rebuild, (type(obj), obj.args, state)


def _sympy_basic():
    sympy = sys.modules.get("sympy")       # no SymPy loaded: nothing to rebuild
    return getattr(sympy, "Basic", None)


@functools.lru_cache(maxsize=1024)
def _attributes(cls):
    """The slots of `cls` beyond those `Basic.__new__` fills in itself."""
    own, names = set(_sympy_basic().__slots__), []
    for klass in cls.__mro__:
        slots = klass.__dict__.get("__slots__", ())
        names += [slots] if isinstance(slots, str) else list(slots)
    return tuple(name for name in names if name not in own and not name.startswith("__"))


def _rebuild(cls, args, state):
    obj = _sympy_basic().__new__(cls, *args)
    for name, value in state.items():
        setattr(obj, name, value)
    return obj

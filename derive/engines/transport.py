"""How tasks and reports cross the pipes between the parent and its workers.

A message is a pickle behind an 8-byte length header. Pickle is safe here because both
ends are derive's own processes (a worker is forked from the parent); nothing pickled is
ever written to or read from a file. Terms pickle as their constructor on their fields
(`model.terms`), so they arrive exactly as read, re-interned on the other side.
"""

from __future__ import annotations

import os
import pickle
import struct

HEADER = struct.Struct("!Q")


def dumps(obj):
    """`obj` pickled behind a length header."""
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
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

"""Run a computation under a time budget, from any thread.

The work runs in a forked child process that streams reports back through a pipe; when
the budget runs out the child is killed and the reports received so far are kept. Unlike
`signal.alarm`, this works outside the main thread (pytest-xdist workers, thread pools)
and stops C-level loops too. Forking is cheap here because the parent has already
imported SymPy. The child's address space is capped so that a runaway expansion fails with
a `MemoryError` instead of taking the machine down.

Where `os.fork` does not exist (Windows) the work runs inline without enforcement.
"""

from __future__ import annotations

import os
import pickle
import select
import struct
import time
from dataclasses import dataclass

MEMORY_LIMIT_BYTES = 4 * 1024 ** 3
_HEADER = struct.Struct("!I")


@dataclass
class Outcome:
    reports: list        # objects the work passed to `report`, in order
    timed_out: bool
    error: str = ""      # "Type: message" when the work raised


def run_with_budget(work, seconds, *args):
    """Call `work(report, *args)` with at most `seconds` of wall time; return an `Outcome`."""
    if not hasattr(os, "fork"):
        return _run_inline(work, args)
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read_fd)
        _child(work, args, write_fd)
    os.close(write_fd)
    try:
        return _collect(pid, read_fd, seconds)
    finally:
        os.close(read_fd)


def _child(work, args, fd):
    status = 0
    try:
        _limit_memory()

        def report(obj):
            _send(fd, obj)

        work(report, *args)
    except BaseException as exc:  # everything must reach the parent as data
        try:
            _send(fd, _Failure(f"{type(exc).__name__}: {exc}"[:500]))
        except BaseException:
            status = 1
    finally:
        os._exit(status)


def _limit_memory():
    try:
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    except (ImportError, ValueError, OSError):
        pass


class _Failure:
    def __init__(self, message):
        self.message = message


def _send(fd, obj):
    data = pickle.dumps(obj)
    data = _HEADER.pack(len(data)) + data
    while data:
        data = data[os.write(fd, data):]


def _collect(pid, fd, seconds):
    deadline = time.monotonic() + seconds
    buffer, reports, error = b"", [], ""
    timed_out = False
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            timed_out = True
            break
        ready, _, _ = select.select([fd], [], [], remaining)
        if not ready:
            continue
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            break
        buffer += chunk
        while len(buffer) >= _HEADER.size:
            (size,) = _HEADER.unpack_from(buffer)
            if len(buffer) < _HEADER.size + size:
                break
            obj = pickle.loads(buffer[_HEADER.size:_HEADER.size + size])  # our own child's data
            buffer = buffer[_HEADER.size + size:]
            if isinstance(obj, _Failure):
                error = obj.message
            else:
                reports.append(obj)
    if timed_out:
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass
    _, status = os.waitpid(pid, 0)
    if not timed_out and not error and status != 0:
        error = f"the check process ended abnormally (status {status})"
    return Outcome(reports, timed_out, error)


def _run_inline(work, args):
    reports = []
    try:
        work(reports.append, *args)
    except Exception as exc:  # same contract as the forked path
        return Outcome(reports, False, f"{type(exc).__name__}: {exc}")
    return Outcome(reports, False)

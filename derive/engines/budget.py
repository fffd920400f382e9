"""Run computations under a time budget, from any thread, several at once.

Each piece of work runs in a forked child process that streams reports back through a
pipe; when its budget runs out the child is killed and the reports received so far are
kept. Unlike `signal.alarm`, this works outside the main thread (pytest-xdist workers,
thread pools) and stops C-level loops too. Forking is cheap because the parent has already
imported SymPy, and it lets independent steps use every core. A child's address space is
capped, so a runaway expansion ends in a `MemoryError` instead of taking the machine down.

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
    seconds: float = 0.0


def run_with_budget(work, seconds, *args):
    """Call `work(report, *args)` with at most `seconds` of wall time; return an `Outcome`."""
    return run_many([(work, args)], seconds, jobs=1)[0]


def run_many(tasks, seconds, jobs, on_done=None):
    """Run `(work, args)` tasks, at most `jobs` at a time, each with its own budget.

    Returns the `Outcome`s in task order; `on_done(index, outcome)` is called as each ends.
    """
    if not hasattr(os, "fork"):
        outcomes = [_run_inline(work, args) for work, args in tasks]
        for i, outcome in enumerate(outcomes):
            if on_done:
                on_done(i, outcome)
        return outcomes
    outcomes = [None] * len(tasks)
    pending = list(enumerate(tasks))
    running = {}
    while pending or running:
        while pending and len(running) < max(1, jobs):
            index, (work, args) = pending.pop(0)
            child = _Child(work, args, seconds)
            running[child.fd] = (index, child)
        now = time.monotonic()
        wait = max(0.0, min(child.deadline for _, child in running.values()) - now)
        ready, _, _ = select.select(list(running), [], [], wait)
        for fd in ready:
            index, child = running[fd]
            if not child.feed():
                del running[fd]
                _done(outcomes, index, child.finish(timed_out=False), on_done)
        now = time.monotonic()
        for fd, (index, child) in list(running.items()):
            if now >= child.deadline:
                del running[fd]
                _done(outcomes, index, child.finish(timed_out=True), on_done)
    return outcomes


def _done(outcomes, index, outcome, on_done):
    outcomes[index] = outcome
    if on_done is not None:
        on_done(index, outcome)


class _Child:
    """One forked computation: its pipe, deadline and what it has reported."""

    def __init__(self, work, args, seconds):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(read_fd)
            _child_main(work, args, write_fd)
        os.close(write_fd)
        self.pid, self.fd = pid, read_fd
        self.started = time.monotonic()
        self.deadline = self.started + seconds
        self.buffer, self.reports, self.error = b"", [], ""

    def feed(self):
        """Read what is available; False at end of stream."""
        chunk = os.read(self.fd, 1 << 16)
        if not chunk:
            return False
        self.buffer += chunk
        while len(self.buffer) >= _HEADER.size:
            (size,) = _HEADER.unpack_from(self.buffer)
            if len(self.buffer) < _HEADER.size + size:
                break
            obj = pickle.loads(self.buffer[_HEADER.size:_HEADER.size + size])  # our own child
            self.buffer = self.buffer[_HEADER.size + size:]
            if isinstance(obj, _Failure):
                self.error = obj.message
            else:
                self.reports.append(obj)
        return True

    def finish(self, timed_out):
        if timed_out:
            try:
                os.kill(self.pid, 9)
            except ProcessLookupError:
                pass
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        error = self.error
        if not timed_out and not error and status != 0:
            error = f"the check process ended abnormally (status {status})"
        return Outcome(self.reports, timed_out, error, time.monotonic() - self.started)


def _child_main(work, args, fd):
    status = 0
    try:
        _limit_memory()
        work(lambda obj: _send(fd, obj), *args)
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


def _run_inline(work, args):
    reports = []
    started = time.monotonic()
    try:
        work(reports.append, *args)
    except Exception as exc:  # same contract as the forked path
        return Outcome(reports, False, f"{type(exc).__name__}: {exc}", time.monotonic() - started)
    return Outcome(reports, False, "", time.monotonic() - started)

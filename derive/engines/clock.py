"""The clock a step's budget runs on: the CPU time of the process doing the work.

Why CPU time and not the wall clock: a budget says how much work a step may cost. On a
busy machine (a CI runner, pytest-xdist beside other jobs) the wall clock also counts the
time other processes hold the CPU, so a step that fits its budget on a quiet machine would
run out of time — and its verdict would depend on the load. Counting the worker's own CPU
seconds keeps verdicts the same under load; the pool still kills a worker whose task
neither finishes nor uses its CPU budget within a wall-clock cap (`workers.WALL_FACTOR`),
so nothing hangs.
"""

from __future__ import annotations

import os
import time


def now():
    """Seconds of CPU this process has used (user and system)."""
    return time.process_time()


def cpu_seconds(pid):
    """Seconds of CPU another process (a worker) has used, or None where /proc cannot say."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICKS
    except (OSError, IndexError, ValueError):
        return None


try:
    _TICKS = os.sysconf("SC_CLK_TCK")
except (AttributeError, ValueError, OSError):
    _TICKS = 100

"""Persistent warm worker processes that run budgeted tasks, one process per job slot.

Why processes, and why the parent never uses signals: a budget must stop code stuck inside
C (a huge integer power, a SymPy routine) as well as pure-Python loops, and it must hold
when the caller is not the main thread (pytest-xdist, thread pools). So the parent only
watches the clock: a task still running `grace` seconds past its budget has its worker
killed (SIGKILL), and a fresh worker is forked for the next task. The budget is CPU time
(`clock`): when the wall clock passes it, the parent asks how much CPU the worker has used
since the task started and waits for the rest — on a loaded machine a step gets the same
work done as on a quiet one — up to `WALL_FACTOR` times the budget on the wall clock.

Why persistent: workers are forked from the parent once per job slot, after the parent
has imported and warmed what the tasks need, so they start warm and stay warm — one fork
per slot rather than one per step. What only some runs need (SymPy, for claims) the
parent loads when it learns they do (`Pool.preload`); idle workers forked before that are
then replaced by ones that inherit it.

A task is `(function, args, budget)`. The worker calls `function(report, *args)`, which
may call `report(obj)` any number of times; the last report is the task's answer, also
when the task is killed (so interim findings survive a timeout). Tasks and reports travel
over pipes between this process and its own children (`transport`), never through files.

Each worker caps its address space (`RLIMIT_AS`, 2 GiB unless the process has a lower
limit), so a runaway expansion ends as a `MemoryError`; that worker is then replaced. A
worker that dies (a segfault, `os._exit`) takes only its current task with it. Which
worker runs a task never changes its answer, so results do not depend on timing beyond
the budget itself. Where `os.fork` does not exist, tasks run inline, without a budget.
"""

from __future__ import annotations

import collections
import faulthandler
import gc
import heapq
import itertools
import os
import pickle
import select
import signal
import threading
import time
from dataclasses import dataclass, field

from derive.engines import clock, transport

MEMORY_LIMIT_BYTES = 2 * 1024 ** 3
GRACE_SECONDS = 0.4
WALL_FACTOR = 10            # a task that has not used its CPU budget by then is stuck
SPAWN_DELAY = 0.05
# The workers' collector runs 14× less often than Python's default (700, 10, 10): importing
# SymPy and building its expression trees allocate millions of objects, few of them in
# cycles, and the default collections took 5-10% of a worker's time on the seed. Cyclic
# garbage still goes, a little later; a worker's memory is capped all the same.
WORKER_GC_THRESHOLDS = (10_000, 50, 100)
PIPELINE_BYTES = 32 * 1024       # a task this small may wait in a busy worker's pipe

# How a task ended.
DONE, TIMED_OUT, FAILED, OUT_OF_MEMORY, DIED = "done", "timed out", "failed", "out of memory", "died"

_START, _REPORT, _END = "start", "report", "end"
# Parent-side pipe ends of every live worker of every pool in this process: a newly
# forked worker closes them, so that only the parent holds them (else a dead worker's
# pipe would never reach end-of-file). The lock makes pipe creation, fork and
# registration one step with respect to other threads' forks.
_PARENT_ENDS: set = set()
_FORK_LOCK = threading.Lock()


@dataclass
class Outcome:
    """How a task ended (`DONE`, `TIMED_OUT`, `FAILED`, `OUT_OF_MEMORY`, `DIED`), what it
    reported, in order, and its wall time from when its worker received it."""

    ending: str
    reports: list = field(default_factory=list)
    error: str = ""            # FAILED: "Type: message"; DIED: how the worker ended
    seconds: float = 0.0


@dataclass
class _Task:
    function: object
    args: tuple
    budget: float
    on_done: object
    rank: tuple = ()              # (priority, submission number): its place in the queue
    message: bytes = b""          # the pickled call, made once
    sends: int = 0                # times a worker died between tasks holding it


class Pool:
    """At most `size` worker processes running submitted tasks, most urgent first.

    `submit` queues a task; `run` works until every task — including tasks submitted by
    `on_done` callbacks — has ended, calling `on_done(outcome)` in this thread as each
    ends. Use as a context manager: leaving it kills the workers.

    Once all `size` workers run, a busy worker is also given the next task, which waits in
    its pipe (small tasks only, so that writing it never blocks): the worker goes on to it
    without waiting for this process, and its deadline starts when the worker starts it.
    If the worker is killed or dies first, the waiting task goes back to the queue.
    """

    def __init__(self, size, *, memory_limit=MEMORY_LIMIT_BYTES, grace=GRACE_SECONDS):
        self.size = max(1, int(size))
        self.memory_limit, self.grace = memory_limit, grace
        self._queue, self._order = [], itertools.count()
        self._workers = {}                       # result fd -> _Worker
        self._spawn_at = None                    # when a backlog may fork another worker
        self._generation = 0                     # preloads so far (`preload`)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def submit(self, function, args, budget, on_done, priority=0):
        """Queue `function(report, *args)` with `budget` seconds; lower `priority` first,
        then submission order."""
        task = _Task(function, tuple(args), budget, on_done, (priority, next(self._order)))
        heapq.heappush(self._queue, (task.rank, task))

    def map(self, tasks):
        """The `Outcome`s of `(function, args, budget)` tasks, in task order."""
        outcomes = [None] * len(tasks)
        for i, (function, args, budget) in enumerate(tasks):
            self.submit(function, args, budget, lambda outcome, i=i: outcomes.__setitem__(i, outcome))
        self.run()
        return outcomes

    def run(self):
        """Work until every task has ended (inline, without a budget, where there is no fork)."""
        if not hasattr(os, "fork"):
            self._run_inline()
            return
        while self._queue or any(w.tasks for w in self._workers.values()):
            self._dispatch_ready()
            if any(w.tasks for w in self._workers.values()):
                self._wait()

    def preload(self, load):
        """Run `load()` in this process: work every worker would otherwise repeat (an
        import: SymPy's is ~0.2 s of CPU). When it returns true (it loaded something),
        workers forked before it, which lack it, are replaced as soon as they are idle;
        workers forked from this process inherit what it loaded (copy-on-write: loaded
        once, its pages shared), so no worker loads it again. Only an optimisation: if
        `load` fails, each worker meets that failure in its own tasks, as before."""
        try:
            loaded = load()
        except Exception:  # noqa: BLE001 - the tasks that need it report it themselves
            return
        if loaded:
            self._generation += 1

    def close(self):
        """Kill every worker and reap it."""
        for worker in list(self._workers.values()):
            worker.stop()
        self._workers = {}

    def _dispatch_ready(self):
        """Give queued tasks to workers; fork another worker only for a backlog older than
        `SPAWN_DELAY` (a short file's steps are done before it would start). Idle workers
        forked before a `preload` are replaced first."""
        now = time.monotonic()
        for worker in [w for w in self._workers.values()
                       if not w.tasks and w.generation < self._generation]:
            self._retire(worker)
        while self._queue:
            task = self._queue[0][1]
            if not task.message:
                try:
                    task.message = transport.dumps((task.function, task.args))
                except Exception as exc:  # noqa: BLE001 - an unsendable task fails alone
                    heapq.heappop(self._queue)
                    task.on_done(Outcome(FAILED, error=f"the task could not be sent to a worker "
                                                       f"({_describe(exc)})"))
                    continue
            try:
                worker = self._worker_for(task, now)
            except OSError as exc:
                heapq.heappop(self._queue)
                task.on_done(Outcome(DIED, error=f"no worker process could be started ({exc.strerror})"))
                continue
            if worker is None:
                break
            heapq.heappop(self._queue)
            if not worker.send(task):
                self._retire(worker, DIED)       # gone before it read the task: requeued
        if not self._queue:
            self._spawn_at = None
        elif self._spawn_at is None:
            self._spawn_at = now + SPAWN_DELAY

    def _worker_for(self, task, now):
        """An idle worker, a new one, or — once all are forked, so that a slow task never
        holds back one that another worker could start — a busy one with room in its
        pipe; or None."""
        workers = list(self._workers.values())
        idle = [w for w in workers if not w.tasks]
        if idle:
            return idle[0]
        if len(workers) < self.size and (not workers or (self._spawn_at is not None
                                                           and now >= self._spawn_at)):
            self._spawn_at = None
            worker = _Worker(self.memory_limit, self.grace, self._generation)
            self._workers[worker.fd] = worker
            return worker
        if len(workers) == self.size and len(task.message) <= PIPELINE_BYTES:
            return next((w for w in workers if len(w.tasks) == 1), None)
        return None

    def _wait(self):
        busy = [w for w in self._workers.values() if w.tasks]
        wake = min(w.deadline for w in busy)
        if self._spawn_at is not None and len(self._workers) < self.size:
            wake = min(wake, self._spawn_at)
        timeout = None if wake == float("inf") else max(0.0, wake - time.monotonic())
        ready, _, _ = select.select([w.fd for w in busy], [], [], timeout)
        for fd in ready:
            worker = self._workers[fd]
            ended, gone = worker.receive()
            for task, outcome in ended:
                task.on_done(outcome)
            if gone or worker.exiting:
                self._retire(worker, DIED if gone else None)
        now = time.monotonic()
        for worker in [w for w in self._workers.values() if w.tasks and now >= w.deadline]:
            if not worker.extend(now):
                self._retire(worker, TIMED_OUT)

    def _retire(self, worker, ending=None):
        """Kill `worker`. Its running task ends as `ending` (TIMED_OUT, or DIED when the
        worker died while running it); tasks it had not started go back to the queue —
        up to twice for workers that die between tasks, then they end as DIED too."""
        del self._workers[worker.fd]
        ended = worker.stop()
        tasks = list(worker.tasks)
        head_ends = bool(tasks) and (ending == TIMED_OUT or (ending == DIED and worker.running))
        if head_ends:
            task = tasks.pop(0)
            error = (worker.broken or ended) if ending == DIED else ""
            task.on_done(Outcome(ending, worker.reports, error, time.monotonic() - worker.started))
        suspect = ending == DIED and not head_ends
        for task in tasks:
            task.sends += suspect
            if task.sends > 2:
                task.on_done(Outcome(DIED, error=f"no worker process could run it ({ended})"))
            else:
                heapq.heappush(self._queue, (task.rank, task))

    def _run_inline(self):
        while self._queue:
            _, task = heapq.heappop(self._queue)
            reports, started = [], time.monotonic()
            ending, error = _call(task.function, reports.append, task.args)
            task.on_done(Outcome(ending, reports, error, time.monotonic() - started))


class _Worker:
    """One forked worker process: its pipes and the tasks sent to it (the first runs)."""

    def __init__(self, memory_limit, grace, generation=0):
        with _FORK_LOCK:
            task_read, task_write = os.pipe()
            result_read, result_write = os.pipe()
            gc.freeze()                         # the worker's collector leaves the inherited
            try:                                # heap alone: its pages stay shared
                pid = os.fork()
            except OSError:
                gc.unfreeze()
                for fd in (task_read, task_write, result_read, result_write):
                    os.close(fd)
                raise
            if pid == 0:                        # the worker: never returns
                _worker_main(task_read, result_write, (task_write, result_read), memory_limit)
            gc.unfreeze()
            os.close(task_read)
            os.close(result_write)
            _PARENT_ENDS.update((task_write, result_read))
        self.pid, self.task_fd, self.fd, self.grace = pid, task_write, result_read, grace
        self.tasks, self.buffer, self.reports = collections.deque(), bytearray(), []
        self.started, self.deadline = 0.0, float("inf")
        self.started_cpu = None                 # the worker's CPU seconds when it started
        self.running, self.exiting, self.broken = False, False, ""
        self.generation = generation            # the pool's preloads when it was forked

    def send(self, task):
        """Send `task`; False when the worker turns out to be gone."""
        self.tasks.append(task)
        if len(self.tasks) == 1:
            self._begin(time.monotonic())
        try:
            transport.write_all(self.task_fd, task.message)
        except OSError:
            return False
        return True

    def _begin(self, started, started_cpu=None):
        """The first task's clock: from when it became first, until the worker says when
        it really started (the same monotonic clock, and its own CPU time then)."""
        self.started, self.started_cpu = started, started_cpu
        self.deadline = started + self.tasks[0].budget + self.grace

    def extend(self, now):
        """At the wall-clock deadline: whether the running task may go on, because its CPU
        budget is not used up (the machine was busy) and the wall-clock cap is not reached;
        the deadline moves to when the rest of the budget could be used."""
        budget = self.tasks[0].budget + self.grace
        if now - self.started >= WALL_FACTOR * budget:
            return False
        used = clock.cpu_seconds(self.pid)
        if used is None:
            return False
        left = budget - (used - self.started_cpu if self.started_cpu is not None else 0.0)
        if self.started_cpu is not None and left <= 0:
            return False
        self.deadline = min(now + max(left, 0.05), self.started + WALL_FACTOR * budget)
        return True

    def receive(self):
        """Read what is available: the (task, `Outcome`)s that ended, and whether the
        worker is gone."""
        chunk = os.read(self.fd, 1 << 20)
        if not chunk:
            return [], True
        self.buffer += chunk
        ended = []
        for data in transport.split_messages(self.buffer):
            try:
                kind, payload = pickle.loads(data)      # written by our own child
            except Exception as exc:  # noqa: BLE001 - e.g. a report that cannot be rebuilt here
                self.broken = f"its report could not be read ({_describe(exc)})"
                return ended, True
            if kind == _START:
                self._begin(*payload)
                self.running = True
            elif kind == _REPORT:
                self.reports.append(payload)
            else:
                ending, error = payload
                outcome = Outcome(ending, self.reports, error, time.monotonic() - self.started)
                ended.append((self.tasks.popleft(), outcome))
                self.reports, self.running, self.exiting = [], False, ending == OUT_OF_MEMORY
                if self.tasks:
                    self._begin(time.monotonic())
        return ended, False

    def stop(self):
        """Kill and reap the worker; how it ended, in words."""
        with _FORK_LOCK:
            for fd in (self.task_fd, self.fd):
                _PARENT_ENDS.discard(fd)
                os.close(fd)
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        _, status = os.waitpid(self.pid, 0)
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) != signal.SIGKILL:
            return f"the worker process was killed by {signal.Signals(os.WTERMSIG(status)).name}"
        if os.WIFEXITED(status):
            return f"the worker process exited with status {os.WEXITSTATUS(status)}"
        return "the worker process ended"


def _worker_main(task_fd, result_fd, parent_ends, memory_limit):
    """The worker's life: run tasks from `task_fd` until end-of-file, report on `result_fd`."""
    status = 0
    try:
        for fd in set(parent_ends) | _PARENT_ENDS:
            os.close(fd)
        signal.signal(signal.SIGINT, signal.SIG_IGN)     # the parent handles Ctrl-C
        faulthandler.disable()           # a crash is the parent's one-line message, not a dump
        gc.set_threshold(*WORKER_GC_THRESHOLDS)
        _cap_memory(memory_limit)

        def report(obj):
            transport.write_all(result_fd, transport.dumps((_REPORT, obj)))

        while True:
            message = transport.read_message(task_fd)
            if message is None:
                break
            transport.write_all(result_fd, transport.dumps((_START, (time.monotonic(),
                                                                     clock.now()))))
            ending, error = _call(_unpickled, report, (message,))
            transport.write_all(result_fd, transport.dumps((_END, (ending, error))))
            if ending == OUT_OF_MEMORY:
                break                                    # a fresh worker replaces this one
    except BaseException:  # noqa: BLE001 - the parent sees end-of-file and says so
        status = 1
    finally:
        os._exit(status)


def _unpickled(report, message):
    function, args = pickle.loads(message)              # written by our parent
    function(report, *args)


def _call(function, report, args):
    """(ending, error) of `function(report, *args)`; never raises."""
    try:
        function(report, *args)
    except MemoryError:
        ending = (OUT_OF_MEMORY, "")         # outside the handler: the frames are freed
    except BaseException as exc:  # noqa: BLE001 - everything reaches the parent as data
        ending = (FAILED, _describe(exc))
    else:
        ending = (DONE, "")
    return ending


def _cap_memory(limit):
    try:
        import resource
    except ImportError:                     # not on this platform: no cap
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    caps = [limit] + [x for x in (soft, hard) if x != resource.RLIM_INFINITY]
    try:
        resource.setrlimit(resource.RLIMIT_AS, (min(caps), hard))
    except (ValueError, OSError):
        pass


def _describe(exc):
    return f"{type(exc).__name__}: {exc}"[:500].rstrip(": ")

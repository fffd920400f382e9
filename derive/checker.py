"""Check derivations: one task per step on one pool of warm worker processes.

Each step is one task, `decide_step(report, step, context, seed, budget)`, run in a
worker (`engines.workers`) under the step's budget: all of the step's work counts
against that one deadline, and a worker still busy `grace` seconds past it is killed. So
a step ends within its budget plus a small overhead whatever the input, and in a
worker whose memory is capped. Reading a file (parsing, expanding its definitions) is a
task too, with `load_budget(budget)`, so that no input can hang this process.

Whatever goes wrong inside a task — an exception, the memory cap, a worker that dies —
becomes that step's `undecided`, saying so, and the run goes on; for a file being read
it becomes that file's error. Results come back in step and file order whatever order
the tasks end in. The checker knows nothing of the engines but their entry point (and
`preload`: what the engines import in every worker, loaded once here before the workers
that decide a derivation's steps are forked).
"""

from __future__ import annotations


from derive.engines.decide import decide_step, preload
from derive.engines.workers import (DIED, DONE, FAILED, MEMORY_LIMIT_BYTES, OUT_OF_MEMORY,
                                    TIMED_OUT, Pool)
from derive.frontend import InputError, load
from derive.options import Options  # noqa: F401 (re-exported: callers import it with the checker)
from derive.model import UNDECIDED, Derivation, Result, StepResult, Verdict

MEMORY_TEXT = f"{MEMORY_LIMIT_BYTES / 1024 ** 3:g} GiB"
WARM_UP = b"% derive: variable x\n$$ x = x $$\n"


def load_budget(budget):
    """Seconds allowed to read one file: parsing and definitions, before any step."""
    return 2 * budget + 1


def check(derivation, options=Options(), on_step=None):
    """The `Result` of checking `derivation`; `on_step(StepResult)` is called as each ends."""
    report = None if on_step is None else (lambda _, step_result: on_step(step_result))
    return check_many([derivation], options, report)[0]


def check_many(derivations, options=Options(), on_step=None):
    """The `Result`s of `derivations`, in order; `on_step(i, StepResult)` is called as
    each step of the i-th ends. An error of derive's own is raised as a RuntimeError."""
    results = [None] * len(derivations)
    with Pool(options.jobs) as pool:
        run = _Run(pool, options, on_step)
        for i, derivation in enumerate(derivations):
            run.check(i, derivation, lambda result, i=i: results.__setitem__(i, result))
        pool.run()
    for result in results:
        if isinstance(result, InputError):
            raise RuntimeError(result.message)
    return results


def check_files(sources, options=Options(), on_file=None):
    """Read and check files: `sources` are `(path, content)` pairs, content the file's
    bytes or None to read it. Returns, in order, a `Result` or an `InputError` per file;
    `on_file(i, outcome)` is called as each file ends."""
    sources = list(sources)
    outcomes = [None] * len(sources)

    def finish(i, outcome):
        outcomes[i] = outcome
        if on_file is not None:
            on_file(i, outcome)

    _warm_up()
    with Pool(options.jobs) as pool:
        run = _Run(pool, options)
        for i, (path, content) in enumerate(sources):
            run.read(i, path, content, lambda outcome, i=i: finish(i, outcome))
        pool.run()
    return outcomes


class _Run:
    """The tasks of one check on one pool. Tasks of earlier files go first, so files
    finish roughly in order; a file's own failure never reaches the other files."""

    def __init__(self, pool, options, on_step=None):
        self.pool, self.options, self.on_step = pool, options, on_step

    def read(self, index, path, content, finish):
        seconds, finish = load_budget(self.options.budget), _once(finish)

        def loaded(outcome):
            loaded_value = outcome.reports[-1] if outcome.ending == DONE and outcome.reports else None
            if isinstance(loaded_value, Derivation):
                self.check(index, loaded_value, finish)
            elif isinstance(loaded_value, tuple):
                finish(InputError(*loaded_value))
            else:
                finish(InputError(_unread(outcome, seconds), path))

        self.pool.submit(_read, (path, content), seconds, _guarded(loaded, finish, path),
                         priority=(index, 0))

    def check(self, index, derivation, finish):
        steps, budget, finish = derivation.steps, self.options.budget, _once(finish)
        verdicts, waiting = [None] * len(steps), [len(steps)]

        def decided(k, outcome):
            verdicts[k] = _verdict(outcome, budget)
            if self.on_step is not None:
                self.on_step(index, StepResult(steps[k], verdicts[k]))
            waiting[0] -= 1
            if waiting[0] == 0:
                finish(Result(derivation, tuple(map(StepResult, steps, verdicts))))

        if not steps:
            finish(Result(derivation, ()))
        self.pool.preload(lambda: preload(steps))
        for k, step in enumerate(steps):
            self.pool.submit(decide_step, (step, derivation.context, self.options.seed, budget),
                             budget, _guarded(lambda outcome, k=k: decided(k, outcome),
                                              finish, derivation.file),
                             priority=(index, 1 + k))


def _guarded(callback, finish, path):
    """`callback`, with an error of ours while handling an outcome turned into the file's
    error (its other tasks still run; their results are then dropped)."""
    def guarded(outcome):
        try:
            callback(outcome)
        except Exception as exc:  # noqa: BLE001 - a bug of ours: one file's error
            finish(InputError(f"internal error ({type(exc).__name__}: {exc}), please "
                              "report it", path))
    return guarded


def _once(finish):
    """`finish`, called at most once: a file that failed stays failed."""
    finished = []

    def call(outcome):
        if not finished:
            finished.append(outcome)
            finish(outcome)
    return call


def _read(report, path, content):
    """The task that reads a file: reports its `Derivation`, or its error's fields."""
    try:
        report(load(path, content))
    except InputError as exc:
        report((exc.message, exc.file, exc.line, exc.column, exc.source_line, exc.cell))


def _unread(outcome, seconds):
    if outcome.ending == TIMED_OUT:
        return (f"reading this file took more than {seconds:g} s (files are read within "
                "2 × --budget + 1 s)")
    if outcome.ending == OUT_OF_MEMORY:
        return f"reading this file needed more than the memory limit of {MEMORY_TEXT}"
    return f"internal error while reading this file ({outcome.error or 'no result'}), please report it"


def _verdict(outcome, budget):
    """The step's `Verdict` from its task's outcome (the last report, if it got that far)."""
    last = outcome.reports[-1] if outcome.reports else None
    before = f"; before that: {last.detail}" if isinstance(last, Verdict) else ""
    if outcome.ending == TIMED_OUT:
        return Verdict(UNDECIDED, "budget", f"time budget of {budget:g} s ran out{before}",
                       outcome.seconds)
    if outcome.ending == OUT_OF_MEMORY:
        return Verdict(UNDECIDED, "memory", f"the memory limit of {MEMORY_TEXT} was reached{before}",
                       outcome.seconds)
    if outcome.ending in (FAILED, DIED) or not isinstance(last, Verdict):
        why = outcome.error or "the engines reported no verdict"
        return Verdict(UNDECIDED, "error", f"internal error ({why}), please report it",
                       outcome.seconds)
    return Verdict(last.status, last.method, last.detail, outcome.seconds, last.counterexample)


def _warm_up():
    """Build the reader once here, so that the workers forked next start with it."""
    try:
        load("warm-up.tex", WARM_UP)
    except Exception:  # noqa: BLE001 - only an optimisation; real files report real errors
        pass

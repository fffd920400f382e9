"""The worker pool: budgets that hold for Python loops and C code, from any thread; the
memory cap; a dying worker takes only its task; results in task order; warm reuse."""

import os
import resource
import threading
import time

import pytest

from derive.engines import workers
from derive.engines.workers import (
    DIED, DONE, FAILED, GRACE_SECONDS, OUT_OF_MEMORY, TIMED_OUT, WALL_FACTOR, Pool,
)

SLACK = 1.0      # seconds a loaded machine may add to fork, kill and reap


# Tasks travel to the workers by reference, so they live at module level.
def echo(report, value):
    report(value)
    report((value, os.getpid()))


def spin(report):
    report("started")
    while True:
        pass


def c_power(report):
    report("started")
    return 3 ** (10 ** 9)              # one multiplication routine in C, for minutes


def hog(report):
    report("started")
    block = b"x"
    while True:
        block += block


def die(report):
    report("before")
    os._exit(3)


def segfault(report):
    import signal
    os.kill(os.getpid(), signal.SIGSEGV)


def fail(report):
    raise RuntimeError("boom")


def nap(report, seconds, value):
    time.sleep(seconds)
    report(value)


def memory_limit(report):
    report(resource.getrlimit(resource.RLIMIT_AS)[0])


def timed(pool, tasks):
    started = time.monotonic()
    outcomes = pool.map(tasks)
    return outcomes, time.monotonic() - started


@pytest.mark.parametrize("task", [spin, c_power])
def test_a_task_past_its_budget_ends_at_budget_plus_grace_with_its_reports(task):
    with Pool(1) as pool:
        (outcome, after), seconds = timed(pool, [(task, (), 0.5), (echo, ("after",), 5)])
    assert outcome.ending == TIMED_OUT and outcome.reports == ["started"]
    # the budget is CPU time: on a quiet machine the wall clock agrees, on a loaded one the
    # task may take longer, never past the wall-clock cap
    assert 0.5 <= outcome.seconds and seconds < WALL_FACTOR * (0.5 + GRACE_SECONDS) + SLACK
    assert after.ending == DONE and after.reports[0] == "after"      # a fresh worker


def test_a_task_that_waits_without_using_its_budget_goes_on():
    # what a busy machine looks like to a task: wall time passes, its CPU time does not
    with Pool(1) as pool:
        (outcome,) = pool.map([(nap, (1.5, "woke"), 0.3)])
    assert outcome.ending == DONE and outcome.reports == ["woke"]


def test_a_task_stuck_without_using_the_cpu_ends_at_the_wall_clock_cap(monkeypatch):
    monkeypatch.setattr(workers, "WALL_FACTOR", 2)
    with Pool(1) as pool:
        (outcome, after), seconds = timed(pool, [(nap, (60, "never"), 0.3),
                                                 (echo, ("after",), 5)])
    assert outcome.ending == TIMED_OUT and outcome.reports == []
    assert seconds < 2 * (0.3 + GRACE_SECONDS) + SLACK and after.reports[0] == "after"


def test_memory_is_capped_and_the_next_task_runs():
    with Pool(1) as pool:
        (outcome, limit, after), seconds = timed(pool, [(hog, (), 30), (memory_limit, (), 5),
                                                        (echo, (1,), 5)])
    assert outcome.ending == OUT_OF_MEMORY and outcome.reports == ["started"]
    assert limit.reports == [workers.MEMORY_LIMIT_BYTES]
    assert after.ending == DONE and seconds < 15


@pytest.mark.parametrize("task,words", [(die, "exited with status 3"), (segfault, "SIGSEGV")])
def test_a_dying_worker_takes_only_its_own_task(task, words):
    with Pool(1) as pool:
        before, dead, after = pool.map([(echo, (1,), 5), (task, (), 5), (echo, (2,), 5)])
    assert before.ending == after.ending == DONE
    assert dead.ending == DIED and words in dead.error
    assert before.reports[1][1] != after.reports[1][1]             # replaced by a new worker


def test_an_exception_is_data_and_the_worker_stays():
    with Pool(1) as pool:
        failed, after, again = pool.map([(fail, (), 5), (echo, (1,), 5), (echo, (2,), 5)])
    assert failed.ending == FAILED and failed.error == "RuntimeError: boom"
    assert after.reports[1][1] == again.reports[1][1]            # the same warm worker


def collector(report):
    import gc
    report(gc.get_threshold())


def test_workers_collect_garbage_less_often_and_the_caller_keeps_its_collector():
    """A worker's collector runs at WORKER_GC_THRESHOLDS (the default's took ~5-10% of
    its time); the process that made the pool keeps its own settings."""
    import gc
    before = gc.get_threshold()
    with Pool(1) as pool:
        (outcome,) = pool.map([(collector, (), 5)])
    assert outcome.reports == [workers.WORKER_GC_THRESHOLDS] != [before]
    assert gc.get_threshold() == before


PRELOADED = []


def preloaded(report):
    report((len(PRELOADED), os.getpid()))


def test_a_preload_is_inherited_by_fresh_workers_that_replace_the_idle_ones():
    """What `preload` loads here every worker forked after it has; an idle worker forked
    before it is replaced, and a preload that loads nothing keeps the workers."""
    PRELOADED.clear()
    with Pool(1) as pool:
        (before,) = pool.map([(preloaded, (), 5)])
        pool.preload(lambda: PRELOADED.append("loaded") or True)
        (after,) = pool.map([(preloaded, (), 5)])
        pool.preload(lambda: False)
        (again,) = pool.map([(preloaded, (), 5)])
    assert before.reports[0][0] == 0 and after.reports[0][0] == again.reports[0][0] == 1
    assert before.reports[0][1] != after.reports[0][1] == again.reports[0][1]


def test_outcomes_come_in_task_order_whatever_order_they_end_in():
    tasks = [(nap, (0.4 - 0.1 * i, i), 5) for i in range(4)]
    with Pool(2) as pool:
        outcomes = pool.map(tasks)
    assert [o.reports for o in outcomes] == [[0], [1], [2], [3]]


def test_at_most_size_workers_and_they_are_reused():
    with Pool(2) as pool:
        outcomes = pool.map([(nap, (0.1, i), 5) for i in range(8)] + [(echo, (0,), 5)])
        pids = {o.reports[1][1] for o in pool.map([(echo, (i,), 5) for i in range(6)])}
    assert all(o.ending == DONE for o in outcomes)
    assert 1 <= len(pids) <= 2 and os.getpid() not in pids


def test_the_budget_holds_outside_the_main_thread():
    results = []

    def run():
        with Pool(1) as pool:
            results.append(pool.map([(spin, (), 0.3), (echo, ("next",), 5)]))

    thread = threading.Thread(target=run)
    started = time.monotonic()
    thread.start()
    thread.join(20)
    assert time.monotonic() - started < WALL_FACTOR * (0.3 + GRACE_SECONDS) + SLACK
    ((timed_out, after),) = results
    assert timed_out.ending == TIMED_OUT and after.reports[0] == "next"


def test_without_fork_tasks_run_inline(monkeypatch):
    monkeypatch.delattr(os, "fork")
    with Pool(2) as pool:
        done, failed = pool.map([(echo, (1,), 5), (fail, (), 5)])
    assert done.reports == [1, (1, os.getpid())]
    assert failed.ending == FAILED and "boom" in failed.error


def test_terms_arrive_as_they_were_sent():
    """p/p stays p/p (nothing evaluates on the way), and the names inside one message stay
    one name each (a bound x is still not the declared x)."""
    from derive.frontend.tex_file import load_tex
    step = load_tex("t.tex", "% derive: density p\n$$ \\frac{p}{p} = \\int p(x) \\, dx $$\n").steps[0]
    with Pool(1) as pool:
        (outcome,) = pool.map([(echo, (step,), 5)])
    received = outcome.reports[0]
    assert received.reading == step.reading == "p(x) / p(x) = ∫ p(x′) dx′"
    assert type(received.lhs).__name__ == "Mul"
    left_x = received.lhs.args[0].at[0].name
    assert left_x is received.lhs.args[1].base.at[0].name          # one x on the left
    assert left_x is not received.rhs.var                           # and another bound one


def test_a_task_waiting_in_a_busy_workers_pipe_gets_its_budget_from_when_it_starts():
    with Pool(1) as pool:
        first, second = pool.map([(nap, (1.0, "first"), 2), (nap, (0.5, "second"), 0.6)])
    assert first.reports == ["first"] and second.ending == DONE and second.reports == ["second"]
    assert 0.5 <= second.seconds < 0.5 + GRACE_SECONDS


def test_slow_tasks_are_not_queued_behind_each_other_while_a_worker_can_be_forked():
    with Pool(2) as pool:
        (first, second), seconds = timed(pool, [(nap, (1.0, 1), 5), (nap, (1.0, 2), 5)])
    assert first.reports[0] == 1 and second.reports[0] == 2
    assert seconds < 1.0 + SLACK

"""Hostile input: a clear error or an `undecided`, nothing executed, back within the budget."""

import time

import pytest

from derive.checker import Options, check
from derive.frontend import InputError, load

from conftest import write

SENTINEL = "/tmp/derive-hostile-sentinel"


@pytest.fixture(autouse=True)
def no_sentinel():
    import os
    if os.path.exists(SENTINEL):
        os.remove(SENTINEL)
    yield
    assert not os.path.exists(SENTINEL), "input was executed"


@pytest.mark.parametrize("body", [
    f"$$ __import__('os').system('touch {SENTINEL}') = 1 $$",
    "$$ x.__class__.__bases__[0].__subclasses__() = 1 $$",
    f"$$ \\exec(open('{SENTINEL}', 'w')) = 1 $$",
    "$$ \\int p(x) \\, dx = $$",
    "$$ " + "(" * 1000 + "x" + ")" * 1000 + " = x $$",
    "$$ x = " + "1" * 300 + " $$",
])
def test_code_and_garbage_give_a_positioned_error(tmp_path, body):
    path = write(tmp_path, "% derive: variable x\n% derive: density p\n" + body + "\n")
    with pytest.raises(InputError) as info:
        load(path)
    assert info.value.line is not None and info.value.column is not None
    assert str(path) in str(info.value)


def test_a_one_megabyte_line_is_refused_quickly(tmp_path):
    path = write(tmp_path, "$$ x = " + "x + " * 250_000 + "x $$\n")
    started = time.perf_counter()
    with pytest.raises(InputError, match="characters long"):
        load(path)
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize("equation", [
    r"10^{10^{10}} = 1",
    r"(a + b)^{10^{5}} = (b + a)^{10^{5}} + 1",
    r"2^{2^{2^{2^{2}}}} = 4",
])
def test_huge_numbers_are_undecided_or_refuted_within_the_budget(tmp_path, equation):
    path = write(tmp_path, f"% derive: positive a, b\n$$ {equation} $$\n")
    started = time.perf_counter()
    result = check(load(path), Options(budget=1.0))
    assert time.perf_counter() - started < 3
    assert result.steps[0].verdict.status in ("undecided", "refuted")


def test_a_step_past_its_budget_is_undecided_and_the_run_goes_on(tmp_path):
    path = write(tmp_path, """
        % derive: positive a, b
        \\begin{aligned}
        (a + b)^{400} &= (a^{2} + 2 a b + b^{2})^{200} \\\\
        a + b &= b + a
        \\end{aligned}
        """)
    started = time.perf_counter()
    result = check(load(path), Options(budget=0.5))
    assert time.perf_counter() - started < 3
    first, second = result.steps
    assert first.verdict.status == "undecided" and first.verdict.method == "budget"
    assert "time budget of 0.5 s ran out" in first.verdict.detail
    assert "numerically equal" in first.verdict.detail      # what was found before the cut
    assert second.verdict.status == "verified"


def test_the_budget_holds_outside_the_main_thread():
    import threading
    from derive.engines.budget import run_with_budget

    def slow(report):
        report("started")
        time.sleep(30)

    outcomes = []
    thread = threading.Thread(target=lambda: outcomes.append(run_with_budget(slow, 0.3)))
    started = time.perf_counter()
    thread.start()
    thread.join(10)
    assert time.perf_counter() - started < 3
    (outcome,) = outcomes
    assert outcome.timed_out and outcome.reports == ["started"]


def test_an_exception_in_the_engine_is_reported_not_raised():
    from derive.engines.budget import run_with_budget

    def broken(report):
        raise RuntimeError("boom")

    outcome = run_with_budget(broken, 5)
    assert not outcome.timed_out and outcome.error == "RuntimeError: boom"


@pytest.mark.parametrize("text,fragment", [
    (f"title: x\nsteps: !!python/object/apply:os.system ['touch {SENTINEL}']\n", "tag"),
    (f"!!python/object/new:os.system ['touch {SENTINEL}']\n", "tag"),
    ("title: [unclosed\nsteps: - a\n", "malformed YAML"),
    ("title: x\nsteps:\n  - latex: a = b\n    because: reasons\n", "unknown key 'because'"),
    ("title: x\n", "needs 'steps'"),
    ("title: x\nsteps: []\n", "non-empty list"),
    ("steps:\n  - latex: = a\n", "nothing before it"),
    ("context:\n  densities: [p_r, 3 +]\nsteps:\n  - a = a\n", "expected"),
    ("a: &a [*a]\n", "unknown key"),
])
def test_bad_yaml_gives_a_positioned_error(tmp_path, text, fragment):
    path = write(tmp_path, text, "d.yaml")
    with pytest.raises(InputError) as info:
        load(path)
    assert fragment in str(info.value)
    assert info.value.line is not None

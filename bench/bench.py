"""The benchmark: every figure is a ratio against a baseline measured in the same run.

    python bench/bench.py            # print the table
    python bench/bench.py --readme   # and write it into README.md's performance section

1. Process time of `derive check` on the seed vs `python -c "import sympy"` (the floor),
   interleaved runs, medians.
2. Median time per seed transition (derive's engines, in-process) vs the naive baseline a
   user would write: `sympy.simplify(lhs - rhs) == 0` on the same pointwise integrands.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "examples" / "gan_mode_collapse.tex"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def measure(cmd):
    """(wall seconds, CPU seconds of the child process and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def process_ratio(runs):
    """Medians of (floor wall, derive wall, floor CPU, derive CPU), runs interleaved."""
    floor_cmd = [sys.executable, "-c", "import sympy"]
    derive_cmd = [sys.executable, "-m", "derive", "check", str(SEED)]
    measure(derive_cmd)  # warm the grammar cache and the file system
    floor, ours = [], []
    for _ in range(runs):
        floor.append(measure(floor_cmd))
        ours.append(measure(derive_cmd))
    med = statistics.median
    return (med(w for w, _ in floor), med(w for w, _ in ours),
            med(c for _, c in floor), med(c for _, c in ours))


def transition_ratio(repeats):
    """(median derive seconds, median simplify seconds, simplify proved count, total)."""
    from sympy import simplify

    from derive.engines.prepare import prepare
    from derive.engines.steps import decide_fast
    from derive.engines.symbolic import _linear_form
    from derive.frontend import load

    derivation = load(SEED)
    steps = [s for s in derivation.steps if s.kind != "definition"]
    ours, naive, proved = [], [], 0
    for step in steps:
        def ours_once(step=step):
            verdict, _ = decide_fast(step, derivation.context, 0, 60.0)
            assert verdict is not None and verdict.status == "verified"

        ours_once()                                 # same warm-up for both
        ours.append(min(_time(ours_once) for _ in range(repeats)))
        constant, integrands, _ = _linear_form(prepare(step.lhs) - prepare(step.rhs),
                                               derivation.context)
        pointwise = constant + sum(integrands.values())
        seconds = []
        for _ in range(repeats):
            started = time.perf_counter()
            result = simplify(pointwise) == 0
            seconds.append(time.perf_counter() - started)
        naive.append(min(seconds))
        proved += result
    return statistics.median(ours), statistics.median(naive), proved, len(steps)


def _time(fn):
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def table(runs, repeats):
    floor, ours, floor_cpu, ours_cpu = process_ratio(runs)
    step, naive, proved, total = transition_ratio(repeats)
    rows = [
        "| measure | derive | baseline | ratio | target |",
        "|---|---|---|---|---|",
        f"| `derive check` on the seed, whole process, wall time (median of {runs}) | {ours:.2f} s | "
        f"`python -c \"import sympy\"` {floor:.2f} s | **{ours / floor:.2f}×** the floor | ≤ 1.5× |",
        f"| the same, CPU time (user + system) | {ours_cpu:.2f} s | {floor_cpu:.2f} s | "
        f"**{ours_cpu / floor_cpu:.2f}×** the floor | ≤ 1.5× |",
        f"| median seed transition (numeric check + normal-form proof) | {step * 1000:.1f} ms | "
        f"`simplify(lhs - rhs) == 0` {naive * 1000:.1f} ms (proves {proved} of {total}) | "
        f"**{naive / step:.1f}×** faster | ≥ 10× |",
    ]
    return "\n".join(rows)


def write_readme(text):
    readme = REPO / "README.md"
    content = readme.read_text()
    start, end = content.index(BEGIN) + len(BEGIN), content.index(END)
    readme.write_text(content[:start] + "\n" + text + "\n" + content[end:])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="process runs per command")
    parser.add_argument("--repeats", type=int, default=3, help="repeats per transition")
    parser.add_argument("--readme", action="store_true", help="write the table into README.md")
    args = parser.parse_args()
    text = table(args.runs, args.repeats)
    print(text)
    if args.readme:
        write_readme(text)


if __name__ == "__main__":
    main()

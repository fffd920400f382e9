"""The benchmark: every figure is a ratio against a baseline measured in the same run.

    python bench/bench.py                 # print the table
    python bench/bench.py --readme        # and write it into README.md's performance section
    python bench/bench.py --baseline main # also time the C3 chain with derive at a git ref

1. Process time of `derive check` vs `python -c "import sympy"` (the floor), interleaved
   runs, medians: on the seed's C3 chain alone, and on the whole seed derivation (the
   chain and every claim: C1, C4 twice, C5, C7, C8). With `--baseline REF`, derive as
   it is at git ref REF is timed on the C3 chain in the same interleaved runs, so a
   change is measured against what it changes, on the same machine at the same time.
2. Median time per seed transition (derive's engines, in-process) vs the naive baseline a
   user would write: `sympy.simplify(lhs - rhs) == 0` on the same pointwise integrands.
3. Median time per claim of the seed (limits, bounds, optimiser, optimisation), as
   `derive check` reports it (each a task in a budgeted worker).
4. A generated corpus (bench/corpus.py, 400 derivations, about a third of them mutants):
   throughput of `derive check -j 1` and `-j 2` on all of it, whole processes (start-up
   included), runs interleaved; a fully cached re-run vs the import floor; peak memory
   (the largest process) of each.

The package is byte-compiled first, as `pip install .` does: with an editable install
and PYTHONDONTWRITEBYTECODE set, every run would otherwise recompile derive's sources.
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
sys.path.insert(0, str(Path(__file__).resolve().parent))
SEED = REPO / "examples" / "gan_mode_collapse.tex"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def measure(cmd, cwd=None):
    """(wall seconds, CPU seconds of the child process and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


WRAPPER = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
           "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def peak_mb(cmd, env=None):
    """Peak resident memory of the largest process `cmd` starts, in MB."""
    out = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], capture_output=True, text=True,
                         env=env).stdout
    return int(out.strip()) / 1024


def corpus_figures(runs):
    import os
    import tempfile

    from corpus import write_corpus

    derive_cmd = [sys.executable, "-m", "derive", "check"]
    with tempfile.TemporaryDirectory() as folder:
        paths = [str(p) for p in write_corpus(Path(folder) / "corpus", 400)]
        env = dict(os.environ, DERIVE_CACHE_DIR=str(Path(folder) / "cache"))
        commands = {jobs: derive_cmd + ["--no-cache", "-j", str(jobs)] + paths for jobs in (1, 2)}
        walls = {1: [], 2: []}
        for _ in range(runs):
            for jobs, cmd in commands.items():
                walls[jobs].append(measure(cmd)[0])
        figures = {jobs: {"wall": statistics.median(walls[jobs]),
                          "throughput": len(paths) / statistics.median(walls[jobs]),
                          "peak": peak_mb(commands[jobs])} for jobs in (1, 2)}
        subprocess.run(derive_cmd + paths, env=env, stdout=subprocess.DEVNULL)   # fill the cache
        floor, cached = [], []
        for _ in range(runs):
            floor.append(measure([sys.executable, "-c", "import sympy"])[0])
            started = time.perf_counter()
            subprocess.run(derive_cmd + paths, env=env, stdout=subprocess.DEVNULL)
            cached.append(time.perf_counter() - started)
        figures["cached"] = {"wall": statistics.median(cached), "floor": statistics.median(floor),
                             "peak": peak_mb(derive_cmd + paths, env)}
        figures["count"] = len(paths)
    return figures


def chain_only(folder):
    """The seed file cut after its C3 chain (the directives and the verbatim chain)."""
    text = SEED.read_text()
    path = Path(folder) / "gan_chain.tex"
    path.write_text(text[:text.index("% C1:")])
    return path


def process_ratio(runs, path, baseline=None):
    """Medians of (floor wall, derive wall, floor CPU, derive CPU), runs interleaved; with
    `baseline` (a folder holding another derive), its (wall, CPU) after them."""
    floor_cmd = [sys.executable, "-c", "import sympy"]
    derive_cmd = [sys.executable, "-m", "derive", "check", "--no-cache", str(path)]
    commands = [(floor_cmd, None), (derive_cmd, REPO)] + ([(derive_cmd, baseline)] if baseline else [])
    for cmd, cwd in commands[1:]:
        measure(cmd, cwd)  # warm the grammar cache and the file system
    times = [[] for _ in commands]
    for _ in range(runs):
        for (cmd, cwd), seen in zip(commands, times):
            seen.append(measure(cmd, cwd))        # -m derive imports the package in cwd
    med = statistics.median
    (floor_wall, ours_wall), (floor_cpu, ours_cpu) = [[med(t[k] for t in seen) for seen in times[:2]]
                                                      for k in (0, 1)]
    extra = tuple(med(t[k] for t in times[2]) for k in (0, 1)) if baseline else ()
    return (floor_wall, ours_wall, floor_cpu, ours_cpu) + extra


def checkout(ref, folder):
    """derive's package as it is at git `ref`, byte-compiled, in `folder`."""
    import compileall
    import io
    import tarfile
    archive = subprocess.run(["git", "archive", ref, "derive"], cwd=REPO, check=True,
                             capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder)
    compileall.compile_dir(Path(folder) / "derive", quiet=1)
    return Path(folder)


def transition_ratio(repeats):
    """(median derive seconds, median simplify seconds, simplify proved count, total): derive's
    decision (exact normal form + certified numeric second opinion) against SymPy's
    `simplify(lhs - rhs) == 0` on the same steps, each integral over x replaced by its
    integrand at one common point (what a person would hand to SymPy pointwise)."""
    from sympy import simplify

    from derive.engines.decide import equality
    from derive.frontend import load

    derivation = load(SEED)
    c3 = set(derivation.chains[0].steps)                # the C3 chain's four transitions
    steps = [s for s in derivation.steps if s.index in c3 and s.kind == "equality"]
    ours, naive, proved = [], [], 0
    for step in steps:
        def ours_once(step=step):
            verdict = equality(step, "0:bench", None, lambda v: None)
            assert verdict.status == "verified", verdict.detail

        ours_once()                                 # same warm-up for both
        ours.append(min(_time(ours_once) for _ in range(repeats)))
        difference = to_sympy(step.lhs) - to_sympy(step.rhs)
        seconds = []
        for _ in range(repeats):
            started = time.perf_counter()
            result = simplify(difference) == 0
            seconds.append(time.perf_counter() - started)
        naive.append(min(seconds))
        proved += result
    return statistics.median(ours), statistics.median(naive), proved, len(steps)


def to_sympy(term, bound=None):
    """A term as SymPy would be given it by hand: densities as positive functions, integrals
    and expectations by their integrands at one point (the baseline's input, not derive's)."""
    import sympy

    from derive.model import terms as t
    from derive.notation import registry
    bound = bound or {}

    def go(u):
        kind = type(u)
        if kind is t.Num:
            return sympy.Rational(u.value.numerator, u.value.denominator)
        if kind is t.Const:
            return {"e": sympy.E, "pi": sympy.pi, "i": sympy.I, "oo": sympy.oo}[u.name]
        if kind is t.Sym:
            return bound.get(u.name) or sympy.Symbol(u.name.latex, real=True)
        if kind is t.Add:
            return sympy.Add(*map(go, u.args))
        if kind is t.Mul:
            return sympy.Mul(*map(go, u.args))
        if kind is t.Pow:
            return go(u.base) ** go(u.exponent)
        if kind is t.Fn:
            return getattr(sympy, u.fname)(*map(go, u.operands))
        if kind is t.Dens:
            return sympy.Function(u.dist.name.latex, positive=True)(*map(go, u.at))
        if kind is t.Defined:
            return go(u.body)
        if kind is t.Op:
            return go(registry.meaning(u))
        if kind is t.Expect:
            return go(t.Integral(u.var, t.Mul(t.Dens(u.dist, (t.Sym(u.var),)), u.body)))
        if kind is t.Integral:                  # pointwise: the integrand at one point x
            x = sympy.Symbol(u.var.variable.latex, real=True)
            return to_sympy(u.body, {**bound, u.var: x})
        raise TypeError(kind.__name__)
    return go(term)


def claim_seconds():
    """Median seconds per claim of the seed, on one worker."""
    from derive.checker import Options, check
    from derive.frontend import load

    result = check(load(SEED), Options(jobs=1))
    seconds = [r.verdict.seconds for r in result.steps if r.step.kind not in ("definition", "equality")]
    return statistics.median(seconds), len(seconds)


def _time(fn):
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def table(runs, repeats, baseline_ref=None):
    import tempfile
    with tempfile.TemporaryDirectory() as folder:
        baseline = checkout(baseline_ref, Path(folder) / "baseline") if baseline_ref else None
        floor, ours, floor_cpu, ours_cpu, *before = process_ratio(runs, chain_only(folder), baseline)
    full_floor, full, _, _ = process_ratio(runs, SEED)
    step, naive, proved, total = transition_ratio(repeats)
    claim, claims = claim_seconds()
    corpus = corpus_figures(max(3, runs // 3))
    one, two, cached = corpus[1], corpus[2], corpus["cached"]
    rows = [
        "| measure | derive | baseline | ratio | target |",
        "|---|---|---|---|---|",
        f"| `derive check` on the seed's C3 chain, whole process, wall time (median of {runs}) | "
        f"{ours:.2f} s | `python -c \"import sympy\"` {floor:.2f} s | **{ours / floor:.2f}×** "
        "the floor | ≤ 1.5× |",
        f"| the same, CPU time (user + system) | {ours_cpu:.2f} s | {floor_cpu:.2f} s | "
        f"**{ours_cpu / floor_cpu:.2f}×** the floor | ≤ 1.5× |",
    ] + ([
        f"| the same with derive at `{baseline_ref}`, wall time and CPU time (same runs) | "
        f"{before[0]:.2f} s, {before[1]:.2f} s | {floor:.2f} s, {floor_cpu:.2f} s | "
        f"**{before[0] / floor:.2f}×**, **{before[1] / floor_cpu:.2f}×** the floor | — |",
    ] if before else []) + [
        f"| `derive check` on the whole seed derivation (chain + {claims} claims), wall time | "
        f"{full:.2f} s | `python -c \"import sympy\"` {full_floor:.2f} s | "
        f"**{full / full_floor:.2f}×** the floor | — |",
        f"| median claim of the seed (limit, bound, optimiser, optimisation; in its child) | "
        f"{claim * 1000:.0f} ms | — | — | — |",
        f"| median seed transition (numeric check + normal-form proof) | {step * 1000:.1f} ms | "
        f"`simplify(lhs - rhs) == 0` {naive * 1000:.1f} ms (proves {proved} of {total}) | "
        f"**{naive / step:.1f}×** faster | ≥ 10× |",
        f"| corpus of {corpus['count']} derivations, throughput of `-j 2` vs `-j 1` (whole "
        f"processes, {two['wall']:.1f} s vs {one['wall']:.1f} s) | {two['throughput']:.0f} /s | "
        f"{one['throughput']:.0f} /s | **{two['throughput'] / one['throughput']:.2f}×** | ≥ 1.8× |",
        f"| corpus, fully cached re-run | {cached['wall']:.2f} s | `python -c \"import sympy\"` "
        f"{cached['floor']:.2f} s | **{cached['wall'] / cached['floor']:.2f}×** the floor | ≤ 1.2× |",
        f"| peak memory (largest process): `-j 1`, `-j 2`, cached | {one['peak']:.0f} MB, "
        f"{two['peak']:.0f} MB, {cached['peak']:.0f} MB | — | — | — |",
    ]
    return "\n".join(rows)


def write_readme(text):
    readme = REPO / "README.md"
    content = readme.read_text()
    start, end = content.index(BEGIN) + len(BEGIN), content.index(END)
    readme.write_text(content[:start] + "\n" + text + "\n" + content[end:])


def main():
    import compileall
    compileall.compile_dir(REPO / "derive", quiet=1)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="process runs per command")
    parser.add_argument("--repeats", type=int, default=3, help="repeats per transition")
    parser.add_argument("--readme", action="store_true", help="write the table into README.md")
    parser.add_argument("--baseline", metavar="REF",
                        help="also time the C3 chain with derive as it is at this git ref")
    args = parser.parse_args()
    text = table(args.runs, args.repeats, args.baseline)
    print(text)
    if args.readme:
        write_readme(text)


if __name__ == "__main__":
    main()

"""Timing on the literature corpus (tests/corpus/): every figure a ratio measured in one run.

    python bench/corpus_bench.py [ID ...] [--repeats 3] [--runs 3] [--timeout 20]

1. Median time per transition (equalities and inequalities of the derivations' original
   files): derive's `decide_step` in this process (both engines, the verdict it gives)
   against the naive baseline a user would write, `sympy.simplify(lhs - rhs) == 0` on the
   same steps, each side written in SymPy as it reads: densities and unknown functions as
   SymPy functions, sums and integrals as `Sum`/`Integral` over their own variables,
   expectations as integrals against the density, operators by their definitions. Each is the minimum of
   `--repeats` runs after a warm-up; a simplify that passes `--timeout` counts as that.
   Also: how many steps each proves.
2. The whole corpus as a process: `derive check --no-cache` on every chosen derivation
   file, with -j 1 and -j 2, against `python -c "import sympy"` (the floor), runs
   interleaved, medians.
"""

from __future__ import annotations

import argparse
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "corpus"
CONTINUOUS = ("gaussian", "vae", "score", "softmax", "entropy_gaussian", "gan_gradient",
              "continuous_")


class _Late(Exception):
    pass


def _alarm(signum, frame):
    raise _Late()


def derivation_files(ids):
    folders = sorted(p for p in CORPUS.iterdir() if (p / "meta.yaml").is_file())
    if ids:
        folders = [p for p in folders if p.name in ids]
    else:
        folders = [p for p in folders if not p.name.startswith(CONTINUOUS)]
    return [p / "derivation.tex" for p in folders]


def transitions(files, repeats, timeout):
    """[(derive seconds, derive verdict, simplify seconds, simplify proved)] per step."""
    import sympy

    from derive.engines.decide import decide
    from derive.frontend import load
    from derive.frontend.errors import InputError

    out = []
    for path in files:
        try:
            derivation = load(path)
        except InputError:
            continue                    # a derivation derive cannot read: no transitions
        for step in derivation.steps:
            if step.kind not in ("equality", "relation"):
                continue
            verdict = decide(step, "0", time.monotonic() + 60).status.value   # warm-up
            ours = min(_timed(lambda: decide(step, "0", time.monotonic() + 60))
                       for _ in range(repeats))
            try:
                pointwise = to_sympy(sympy, step.lhs) - to_sympy(sympy, step.rhs)
            except NotImplementedError:
                continue
            naive, proved = [], False
            for _ in range(repeats):
                signal.signal(signal.SIGALRM, _alarm)
                signal.alarm(timeout)
                started = time.perf_counter()
                try:
                    proved = sympy.simplify(pointwise) == 0
                    naive.append(time.perf_counter() - started)
                except _Late:
                    naive.append(float(timeout))
                    break
                finally:
                    signal.alarm(0)
            out.append((ours, verdict, min(naive), proved))
    return out


def to_sympy(sp, term, names=None):
    """A term as the SymPy expression a user would write (see the module's docstring)."""
    from derive.model.terms import (
        Add, Call, Const, Defined, Dens, Expect, Fn, Integral, Mul, Num, Op, Pow, Product, Sum,
        Sym,
    )
    from derive.notation import registry
    names = {} if names is None else names

    def name(n):
        if n not in names:
            names[n] = sp.Symbol(f"{n.latex.strip(chr(92))}_{len(names)}", real=True)
        return names[n]

    def go(t):
        kind = type(t)
        if kind is Num:
            return sp.Rational(t.value.numerator, t.value.denominator)
        if kind is Const:
            constant = {"e": sp.E, "pi": sp.pi, "i": sp.I, "oo": sp.oo}.get(t.name)
            if constant is None:
                raise NotImplementedError(t.name)
            return constant
        if kind is Sym:
            return name(t.name)
        if kind is Add:
            return sp.Add(*[go(a) for a in t.args])
        if kind is Mul:
            return sp.Mul(*[go(a) for a in t.args])
        if kind is Pow:
            return go(t.base) ** go(t.exponent)
        if kind is Fn:
            function = {"log": sp.log, "exp": sp.exp, "ceil": sp.ceiling, "floor": sp.floor,
                        "abs": sp.Abs, "sin": sp.sin, "cos": sp.cos}.get(t.fname)
            if function is None:
                raise NotImplementedError(t.fname)
            return function(*[go(a) for a in t.operands])
        if kind is Dens:
            d = t.dist
            if not hasattr(d, "name"):           # a family by formula inline: not translated
                raise NotImplementedError(type(d).__name__)
            label = d.name.latex + "".join(v.latex for v in d.over) + \
                ("|" + "".join(v.latex for v in d.given) if d.given else "")
            args = [go(a) for a in t.at] + [go(c) for c in d.cond]
            return sp.Function(label, positive=True)(*args)
        if kind is Call:
            return sp.Function(t.function.latex)(*[go(a) for a in t.arguments])
        if kind is Defined:
            return go(t.body)
        if kind is Op:
            return go(registry.meaning(t))
        if kind is Expect:
            x = name(t.var)
            return sp.Integral(go(Dens(t.dist, (Sym(t.var),))) * go(t.body), x)
        if kind in (Sum, Product, Integral):
            x = name(t.var)
            maker = {Sum: sp.Sum, Product: sp.Product}.get(kind, sp.Integral)
            if t.lower is not None:
                bounds = (x, go(t.lower), go(t.upper))
            elif maker is sp.Integral:
                bounds = (x,)
            else:                      # a whole finite range: 0 .. N - 1
                bounds = (x, 0, sp.Symbol(f"N_{t.var.latex.strip(chr(92))}", positive=True) - 1)
            return maker(go(t.body), bounds)
        raise NotImplementedError(kind.__name__)
    return go(term)


def _timed(fn):
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def process_times(files, runs):
    """Medians of the floor's, -j 1's and -j 2's wall seconds (runs interleaved)."""
    commands = {"import sympy": [sys.executable, "-c", "import sympy"]}
    for jobs in (1, 2):
        commands[f"-j {jobs}"] = [sys.executable, "-m", "derive", "check", "--no-cache",
                                  "-j", str(jobs), *map(str, files)]
    times = {k: [] for k in commands}
    for _ in range(runs):
        for key, cmd in commands.items():
            started = time.perf_counter()
            subprocess.run(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[key].append(time.perf_counter() - started)
    return {k: statistics.median(v) for k, v in times.items()}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="*")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=int, default=10)
    args = parser.parse_args(argv)
    files = derivation_files(set(args.ids))
    rows = transitions(files, args.repeats, args.timeout)
    ours = statistics.median(r[0] for r in rows)
    naive = statistics.median(r[2] for r in rows)
    verified = sum(r[1] == "verified" for r in rows)
    proved = sum(r[3] for r in rows)
    print(f"{len(files)} derivations, {len(rows)} transitions")
    print(f"median per transition: derive {ours * 1000:.1f} ms (verifies {verified}), "
          f"simplify(lhs - rhs) == 0 {naive * 1000:.1f} ms (proves {proved}); "
          f"ratio {ours / naive:.2f}")
    print(f"total per transition: derive {sum(r[0] for r in rows):.1f} s, "
          f"simplify {sum(r[2] for r in rows):.1f} s")
    times = process_times(files, args.runs)
    floor = times["import sympy"]
    print(f"whole corpus as a process: -j 1 {times['-j 1']:.1f} s, -j 2 {times['-j 2']:.1f} s; "
          f"python -c 'import sympy' {floor:.2f} s "
          f"(ratios {times['-j 1'] / floor:.0f}×, {times['-j 2'] / floor:.0f}×)")


if __name__ == "__main__":
    main()

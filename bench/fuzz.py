"""Long differential fuzzing runs: derive against the independent oracle of tests/fuzz.

    python bench/fuzz.py --examples 5000 --seed 1            # the Python API, in-process
    python bench/fuzz.py --examples 2000 --via cli --jobs 2  # `derive check --format json`
    python bench/fuzz.py --pool complex --out /tmp/violations

Generates statements of known truth with the oracle's hypothesis strategies (profile
`fuzz-bench`: no shrinking, every example kept), checks each with derive, and prints a
summary: statements by kind and truth, derive's verdicts per class of step, input errors
by message, crashes, and every soundness violation (a false step verified, a true step
refuted) with its file text. Exit status 1 when there is a violation or a crash.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "fuzz"))

from hypothesis import given, seed, settings  # noqa: E402

from harness import Tally, run_api, run_cli  # noqa: E402
from oracle.strategies import KINDS, cases  # noqa: E402


def generate(examples, seed_value, pool, kinds):
    """The cases hypothesis draws for this seed, in order."""
    drawn = []

    @settings(settings.get_profile("fuzz-bench"), max_examples=examples)
    @seed(seed_value)
    @given(cases(pool, kinds))
    def collect(case):
        drawn.append(case)

    collect()
    return drawn


def check_all(drawn, args, folder: Path, tally: Tally):
    paths = []
    for i, case in enumerate(drawn):
        path = folder / f"s{i:05d}.tex"
        path.write_text(case.text, encoding="utf-8")
        paths.append(path)
    if args.via == "api":
        outcomes = (run_api(p, args.budget) for p in paths)
    else:
        outcomes = (o for i in range(0, len(paths), args.batch)
                    for o in run_cli(paths[i:i + args.batch], args.budget, args.jobs))
    for n, (case, outcome) in enumerate(zip(drawn, outcomes), 1):
        tally.add(case.statement, case.text, outcome)
        if n % 500 == 0:
            print(f"  … {n}/{len(drawn)} checked, {len(tally.findings)} violations",
                  file=sys.stderr)


def report(tally: Tally, args, out: Path | None):
    print(tally.summary())
    unique = {}
    for f in tally.findings:
        unique.setdefault(f.text, f)
    print(f"\n{len(unique)} distinct files with a soundness violation")
    for i, f in enumerate(sorted(unique.values(), key=lambda f: len(f.text))[:args.show]):
        print(f"\n--- violation {i + 1}\n{f.report()}")
        if out:
            (out / f"violation-{i + 1:03d}.tex").write_text(f.text, encoding="utf-8")
    if tally.crashes:
        print(f"\n{len(tally.crashes)} crashes; the first:")
        text, crash = tally.crashes[0]
        print(text + crash[-1500:])
    for key, (text, message) in list(tally.error_examples.items())[:args.show]:
        print(f"\n--- input error ({tally.errors[key]}×): {key}\n{text.rstrip()}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--pool", choices=("declared", "complex", "mixed"), default="mixed",
                        help="symbols: declared ones only, undeclared (complex) too, or both")
    parser.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS))
    parser.add_argument("--via", choices=("api", "cli"), default="api")
    parser.add_argument("--budget", type=float, default=1.0, help="derive's seconds per step")
    parser.add_argument("--jobs", type=int, default=2, help="derive check -j (with --via cli)")
    parser.add_argument("--batch", type=int, default=200, help="files per derive process (cli)")
    parser.add_argument("--show", type=int, default=20, help="violations and errors to print")
    parser.add_argument("--out", type=Path, help="write the violating files to this folder")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    pool = None if args.pool == "mixed" else args.pool
    drawn = generate(args.examples, args.seed, pool, tuple(args.kinds))
    print(f"generated {len(drawn)} statements in {time.perf_counter() - start:.1f} s "
          f"(seed {args.seed}, pool {args.pool})", file=sys.stderr)
    tally = Tally()
    with tempfile.TemporaryDirectory(prefix="derive-fuzz-") as tmp:
        check_all(drawn, args, Path(tmp), tally)
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    report(tally, args, args.out)
    print(f"\ntotal {time.perf_counter() - start:.1f} s")
    return 1 if tally.findings or tally.crashes else 0


if __name__ == "__main__":
    sys.exit(main())

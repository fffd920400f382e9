"""Scoreboard of derive on the literature corpus (tests/corpus/, see its FORMAT.md).

    python bench/corpus_score.py [ID ...] [--budget SECONDS] [--errors N]

Prints, per derivation and in total: true steps verified / total, mutants refuted at their
broken steps (and nowhere else) / total, look-alikes verified / total, false verifications
(a false step verified: must be 0) and wrong refutations (a true step refuted), then the
commonest error messages, and the variants not scored because derive's steps do not stand
where the corpus counts them (corpus_run.score). Exit 1 if any false verification or wrong
refutation occurred.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "corpus" / "tools"))
import corpus_run  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="*", help="only these derivations (folder names)")
    parser.add_argument("--budget", type=float, default=5.0, help="derive's time per step")
    parser.add_argument("--errors", type=int, default=10, help="how many error messages to list")
    args = parser.parse_args(argv)
    chosen = [e for e in corpus_run.entries() if not args.ids or e.ident in args.ids]
    rows, messages = [], Counter()
    print(f"{'derivation':34} {'steps':>9} {'mutants':>9} {'lookalikes':>10} {'false-ver':>9} "
          f"{'wrong-ref':>9}")
    for entry in chosen:
        outcomes = corpus_run.run_derive(entry, budget=args.budget)
        for outcome in outcomes.values():
            messages.update(_shape(m) for m in outcome.errors)
        s = corpus_run.score(entry, outcomes)
        rows.append(s)
        print(f"{s.ident:34} {s.true_verified:>4}/{s.steps:<4} {s.mutants_caught:>4}/{s.mutants:<4}"
              f" {s.lookalikes_verified:>5}/{s.lookalikes:<4} {s.false_verifications:>9} "
              f"{s.wrong_refutations:>9}", flush=True)
    total = {name: sum(getattr(s, name) for s in rows) for name in (
        "true_verified", "steps", "mutants_caught", "mutants", "lookalikes_verified",
        "lookalikes", "false_verifications", "wrong_refutations")}
    print(f"\n{'TOTAL':34} {total['true_verified']:>4}/{total['steps']:<4} "
          f"{total['mutants_caught']:>4}/{total['mutants']:<4} "
          f"{total['lookalikes_verified']:>5}/{total['lookalikes']:<4} "
          f"{total['false_verifications']:>9} {total['wrong_refutations']:>9}")
    if messages:
        print("\ncommonest errors (count, message):")
        for message, count in messages.most_common(args.errors):
            print(f"{count:5}  {message}")
    for s in rows:
        for problem in s.problems:
            if "false but verified" in problem or "true but refuted" in problem or \
                    "not matched" in problem or "not the corpus's" in problem:
                print(f"{s.ident}: {problem}")
    return 1 if total["false_verifications"] or total["wrong_refutations"] else 0


def _shape(message):
    """An error message cut to one line of at most 150 characters, so like errors group."""
    return message.splitlines()[0][:150] if message else message


if __name__ == "__main__":
    sys.exit(main())

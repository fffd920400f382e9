"""Run derive over the literature corpus and score it against the corpus's own truth.

The corpus (tests/corpus/<id>/) holds, per derivation, `derivation.tex` (every step true)
and `meta.yaml` (how many steps it makes, its mutants with the steps each one breaks, and
its look-alikes, each a single find/replace edit). This module applies the edits, runs
`derive check --format json --no-cache` once per derivation on the original and all its
variants, and compares derive's verdicts with what the corpus says is true. It is shared by
tests/corpus/test_corpus.py (which asserts) and bench/corpus_score.py (which counts), so
both read the corpus the same way. It never imports derive: derive runs in a subprocess,
so a crash or a hang of one derivation cannot take the others down.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

CORPUS = Path(__file__).resolve().parent.parent
RUN_DERIVE = "import sys; from derive.interfaces.cli import main; sys.exit(main(sys.argv[1:]))"
TIMEOUT = 600          # seconds for one derivation with all its variants


@dataclass
class Entry:
    """One corpus folder: its text, its metadata, and its variants as texts."""
    ident: str
    text: str
    meta: dict

    @property
    def steps(self):
        return int(self.meta["steps"])

    def variants(self):
        """(label, text, broken) for the original, each mutant and each look-alike;
        broken is the set of 1-based steps that are false in that text."""
        yield "original", self.text, frozenset()
        for k, mutant in enumerate(self.meta.get("mutants") or [], 1):
            yield f"mutant{k}", apply_edit(self.text, mutant), frozenset(mutant["broken"])
        for k, look in enumerate(self.meta.get("lookalikes") or [], 1):
            yield f"lookalike{k}", apply_edit(self.text, look), frozenset()


def apply_edit(text, edit):
    """The text with the edit's `find` (which must occur exactly once) replaced."""
    count = text.count(edit["find"])
    if count != 1:
        raise ValueError(f"edit {edit['find']!r} occurs {count} times, not once")
    return text.replace(edit["find"], edit["replace"])


def entries(root=CORPUS):
    """Every corpus folder under root, sorted by name."""
    for folder in sorted(p for p in root.iterdir() if (p / "meta.yaml").is_file()):
        meta = yaml.safe_load((folder / "meta.yaml").read_text(encoding="utf-8"))
        text = (folder / "derivation.tex").read_text(encoding="utf-8")
        yield Entry(folder.name, text, meta)


@dataclass
class Outcome:
    """derive's reading of one variant: verdicts of its non-definition steps, or errors."""
    verdicts: list = field(default_factory=list)
    errors: list = field(default_factory=list)


def run_derive(entry, budget=5.0):
    """{label: Outcome} for every variant of the entry, from one derive run."""
    with tempfile.TemporaryDirectory(prefix=f"corpus-{entry.ident}-") as tmp:
        files, labels = [], {}
        for label, text, _ in entry.variants():
            path = Path(tmp) / f"{label}.tex"
            path.write_text(text, encoding="utf-8")
            files.append(str(path))
            labels[str(path)] = label
        command = [sys.executable, "-c", RUN_DERIVE, "check", *files, "--format", "json",
                   "--no-cache", "-j", "1", "--budget", str(budget)]
        outcomes = {label: Outcome() for label in labels.values()}
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT,
                                  env=_environment(tmp))
        except subprocess.TimeoutExpired:
            for outcome in outcomes.values():
                outcome.errors.append(f"derive did not finish within {TIMEOUT} s")
            return outcomes
        try:
            report = json.loads(done.stdout)
        except json.JSONDecodeError:
            tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
            for outcome in outcomes.values():
                outcome.errors.append(f"derive printed no JSON (exit {done.returncode}): {tail}")
            return outcomes
        for derivation in report.get("derivations", []):
            outcome = outcomes[labels[derivation["file"]]]
            # steps (chains) and claims (limits, optimisers, …) share one index in file order
            items = sorted(derivation.get("steps", []) + derivation.get("claims", []),
                           key=lambda item: item["index"])
            outcome.verdicts = [item["verdict"] for item in items
                                if item.get("kind") != "definition"]
        for error in report.get("errors", []):
            outcomes[labels[error["file"]]].errors.append(error["message"])
        return outcomes


def _environment(tmp):
    import os
    env = dict(os.environ)
    env["DERIVE_CACHE_DIR"] = str(Path(tmp) / "cache")
    return env


@dataclass
class Score:
    """How derive did on one derivation, in the scoreboard's four counts."""
    ident: str
    steps: int
    true_verified: int = 0
    mutants: int = 0
    mutants_caught: int = 0
    lookalikes: int = 0
    lookalikes_verified: int = 0
    false_verifications: int = 0
    wrong_refutations: int = 0
    problems: list = field(default_factory=list)


def score(entry, outcomes):
    """Compare derive's verdicts with the corpus's truth; problems say what went wrong."""
    result = Score(entry.ident, entry.steps)
    for label, _, broken in entry.variants():
        outcome = outcomes[label]
        verdicts = outcome.verdicts
        usable = not outcome.errors and len(verdicts) == entry.steps
        if outcome.errors:
            result.problems.append(f"{label}: " + "; ".join(outcome.errors))
        elif len(verdicts) != entry.steps:
            result.problems.append(f"{label}: derive found {len(verdicts)} steps, "
                                   f"the corpus says {entry.steps}")
        if label.startswith("mutant"):
            result.mutants += 1
        elif label.startswith("lookalike"):
            result.lookalikes += 1
        if not usable:
            continue
        for index, verdict in enumerate(verdicts, 1):
            false = index in broken
            if false and verdict == "verified":
                result.false_verifications += 1
                result.problems.append(f"{label}: step {index} is false but verified")
            if not false and verdict == "refuted":
                result.wrong_refutations += 1
                result.problems.append(f"{label}: step {index} is true but refuted")
        if label == "original":
            result.true_verified = sum(v == "verified" for v in verdicts)
        elif label.startswith("mutant"):
            caught = all(verdicts[i - 1] == "refuted" for i in broken) and not any(
                v == "refuted" for i, v in enumerate(verdicts, 1) if i not in broken)
            result.mutants_caught += caught
        else:
            result.lookalikes_verified += all(v == "verified" for v in verdicts)
    return result

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
        for label, edit in self.edits():
            yield label, apply_edit(self.text, edit), frozenset(edit.get("broken") or ())

    def edits(self):
        """(label, edit) for each mutant and look-alike, in the order `variants` gives."""
        for k, mutant in enumerate(self.meta.get("mutants") or [], 1):
            yield f"mutant{k}", mutant
        for k, look in enumerate(self.meta.get("lookalikes") or [], 1):
            yield f"lookalike{k}", look


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
    """derive's reading of one variant: verdicts of its non-definition steps and where each
    stands in the variant's text ((line, column), 1-based), or errors."""
    verdicts: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    positions: list = field(default_factory=list)


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
            items = [item for item in items if item.get("kind") != "definition"]
            outcome.verdicts = [item["verdict"] for item in items]
            outcome.positions = [(item.get("line"), item.get("column")) for item in items]
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
    """Compare derive's verdicts with the corpus's truth; problems say what went wrong.

    meta.yaml numbers the steps in file order; derive's k-th step is the corpus's k-th
    only where derive segments the file as the corpus does — a row derive cannot read may
    stand for several steps, or for none (a definition), so an added and a dropped step
    elsewhere can keep the count and shift every step between them. So steps are matched
    by where they stand: the original's are taken as the corpus's only when each mutant's
    edit falls in a paragraph holding one of the steps it breaks (`_misplaced`), and a
    variant's are matched to the original's by their positions, mapped through the edit
    (`_moved`). A variant whose steps cannot be matched so is not scored."""
    result = Score(entry.ident, entry.steps)
    original = outcomes["original"]
    anchored = not original.errors and len(original.verdicts) == entry.steps
    misplaced = _misplaced(entry, original) if anchored else None
    if misplaced:
        result.problems.append(f"original: {misplaced}")
    edits = dict(entry.edits())
    for label, _, broken in entry.variants():
        outcome = outcomes[label]
        verdicts = outcome.verdicts
        moved = None
        if not outcome.errors and len(verdicts) == entry.steps and label != "original":
            moved = _moved(entry.text, edits[label], original, outcome) if anchored else \
                "the original's steps do not match the corpus's, so this variant's cannot be"
        usable = not outcome.errors and len(verdicts) == entry.steps and not misplaced and \
            not moved
        if outcome.errors:
            result.problems.append(f"{label}: " + "; ".join(outcome.errors))
        elif len(verdicts) != entry.steps:
            result.problems.append(f"{label}: derive found {len(verdicts)} steps, "
                                   f"the corpus says {entry.steps}")
        elif moved:
            result.problems.append(f"{label}: {moved}")
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


def _offsets(text):
    """The offset in `text` at which each line (1-based) starts."""
    starts, at = [0, 0], 0
    for line in text.splitlines(keepends=True):
        at += len(line)
        starts.append(at)
    return starts


def _offset(starts, position):
    """The text offset of a 1-based (line, column), or None when derive gave none."""
    line, column = position
    if line is None or line >= len(starts):
        return None
    return starts[line] + max((column or 1) - 1, 0)


def _paragraph(text, offset):
    """Which blank-line-separated paragraph of `text` the offset lies in."""
    return len([line for line in text[:offset].split("\n")[:-1] if not line.strip()])


def _misplaced(entry, original):
    """Why the original's steps are not the corpus's steps in order, or None: a mutant
    whose edit lies in a paragraph holding some of derive's steps but none of the steps
    it breaks (meta.yaml's numbering) shows derive's k-th step is not the corpus's k-th.
    An edit of a directive (`% derive: density q = …`) breaks steps wherever they use it."""
    starts = _offsets(entry.text)
    places = [_paragraph(entry.text, o) if o is not None else None
              for o in (_offset(starts, p) for p in original.positions)]
    for label, edit in entry.edits():
        broken = edit.get("broken") or ()
        if not broken:
            continue
        at = entry.text.index(edit["find"])
        if entry.text[entry.text.rfind("\n", 0, at) + 1:].lstrip().startswith("%"):
            continue                    # a directive's edit: the steps it breaks are anywhere
        here = _paragraph(entry.text, at)
        if here in places and not any(places[k - 1] == here for k in broken):
            return (f"{label}'s edit lies among derive's steps "
                    f"{[k for k, p in enumerate(places, 1) if p == here]}, not at the steps it "
                    f"breaks ({sorted(broken)}): derive's steps are not the corpus's in order "
                    f"(a row read as more or fewer steps than the corpus counts)")
    return None


def _moved(text, edit, original, outcome):
    """Why a variant's steps do not stand where the original's do, or None. Positions
    are mapped to the original's text through the edit (one `find` → `replace`); a step
    inside the edited text matches one inside the original's `find`."""
    start = text.index(edit["find"])
    old, new = len(edit["find"]), len(edit["replace"])
    varied = apply_edit(text, edit)

    def mapped(offset, length):
        if offset is None or offset < start:
            return offset
        return "edit" if offset < start + length else offset - length + old

    lines, varied_lines = _offsets(text), _offsets(varied)
    here = [mapped(_offset(lines, p), old) for p in original.positions]
    there = [mapped(_offset(varied_lines, p), new) for p in outcome.positions]
    for k, (a, b) in enumerate(zip(here, there), 1):
        if a != b:
            return (f"derive's step {k} stands elsewhere than in the original (a step added "
                    f"or dropped before it), so its verdicts are not matched to the corpus's")
    return None

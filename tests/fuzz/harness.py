"""Run derive on the oracle's files as a user would, and compare with the oracle.

Two ways in, both public: the Python API (`derive.api.check(path, budget=…)`, one file at
a time, in this process) and the command line (`derive check FILE… --format json
--no-cache`, many files per process). Either gives, per file, derive's verdict for each
step in file order, or the input error it reported, or the crash (a traceback, an
unknown exit code, a hang) — a crash is a bug of its own, never a verdict.

`compare` then classifies each step: a step the oracle knows false that derive verifies,
or one it knows true that derive refutes, is a soundness violation.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field

HANG_SECONDS = 120               # a file that takes longer than this is reported as a hang


@dataclass(frozen=True)
class Outcome:
    """What derive said about one file."""
    verdicts: tuple = ()         # per step, in file order: verified/refuted/undecided/definition
    error: str | None = None     # the input error derive reported (exit 2)
    crash: str | None = None     # a traceback, an unknown exit code or a hang
    seconds: float = 0.0


class _Hang(Exception):
    pass


def _alarm(signum, frame):
    raise _Hang()


def run_api(path, budget: float) -> Outcome:
    """derive's Python API on one file."""
    import derive
    from derive.api import check
    start = time.perf_counter()
    guard = threading.current_thread() is threading.main_thread()   # signals: main thread only
    previous = signal.signal(signal.SIGALRM, _alarm) if guard else None
    signal.alarm(HANG_SECONDS if guard else 0)
    try:
        result = check(path, budget=budget)
        verdicts = tuple(r.verdict.status for r in result.steps)
        return Outcome(verdicts, seconds=time.perf_counter() - start)
    except derive.InputError as exc:
        return Outcome(error=str(exc), seconds=time.perf_counter() - start)
    except _Hang:
        return Outcome(crash=f"no answer after {HANG_SECONDS} s", seconds=HANG_SECONDS)
    except Exception:                                    # a traceback is a finding, not a verdict
        return Outcome(crash=traceback.format_exc(limit=-3), seconds=time.perf_counter() - start)
    finally:
        if guard:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)


def run_cli(paths, budget: float, jobs: int = 2) -> list[Outcome]:
    """`derive check … --format json --no-cache` on many files at once; a batch that
    crashes is split in halves until the crash is pinned to its file."""
    outcomes, crash = _cli_batch(paths, budget, jobs)
    if outcomes is not None:
        return outcomes
    if len(paths) == 1:
        return [Outcome(crash=crash)]
    half = len(paths) // 2
    return run_cli(paths[:half], budget, jobs) + run_cli(paths[half:], budget, jobs)


def _cli_batch(paths, budget, jobs):
    """(outcomes, None), or (None, what went wrong) when the command crashed."""
    cmd = [sys.executable, "-m", "derive", "check", "--format", "json", "--no-cache",
           "--budget", str(budget), "-j", str(jobs), *map(str, paths)]
    start = time.perf_counter()
    try:
        done = subprocess.run(cmd, capture_output=True, text=True,
                              timeout=HANG_SECONDS * max(1, len(paths) // jobs),
                              env=dict(os.environ, NO_COLOR="1"))
    except subprocess.TimeoutExpired:
        return None, "the command did not finish in time"
    if done.returncode not in (0, 1, 2) or "Traceback" in done.stderr:
        return None, f"exit {done.returncode}: {done.stderr[-2000:]}"
    try:
        report = json.loads(done.stdout)
    except ValueError:
        return None, f"exit {done.returncode}, not JSON: {done.stdout[-500:]} {done.stderr[-1500:]}"
    per_file = (time.perf_counter() - start) / max(1, len(paths))
    by_file = {}
    for d in report.get("derivations", []):
        steps = sorted(d["steps"] + d.get("claims", []), key=lambda s: s["index"])
        by_file[d["file"]] = Outcome(tuple(s["verdict"] for s in steps), seconds=per_file)
    for e in report.get("errors", []):
        by_file[e["file"]] = Outcome(error=e["message"], seconds=per_file)
    return [by_file.get(str(p), Outcome(crash="no result and no error for this file"))
            for p in paths], None


# --- comparing with the oracle ---

@dataclass(frozen=True)
class Finding:
    """A step where derive contradicts the oracle."""
    what: str                    # "false step verified" or "true step refuted"
    step: int
    text: str                    # the whole file
    statement: object

    def report(self) -> str:
        s = self.statement
        lines = [f"{self.what}: step {self.step} of this file ({s.kind}; {'; '.join(s.history)})",
                 self.text.rstrip()]
        witness = s.witnesses[self.step - 1] if s.witnesses else None
        if witness is not None:
            lines.append(f"the oracle's counterexample: {witness.describe()}")
        return "\n".join(lines)


def compare(statement, text, outcome: Outcome) -> list[Finding]:
    """The soundness violations in derive's `outcome` for `statement` (none when derive
    rejected or crashed on the file, or read a different number of steps)."""
    if outcome.error is not None or outcome.crash is not None:
        return []
    if len(outcome.verdicts) != len(statement.truths):
        return []
    found = []
    for i, (truth, verdict) in enumerate(zip(statement.truths, outcome.verdicts), 1):
        if truth is False and verdict == "verified":
            found.append(Finding("false step verified", i, text, statement))
        elif truth is True and verdict == "refuted":
            found.append(Finding("true step refuted", i, text, statement))
    return found


@dataclass(repr=False)
class Tally:
    """Counts over a run: statements by kind and truth, derive's verdicts per class of
    step, input errors by message, crashes, step-count mismatches, and violations."""
    statements: Counter = field(default_factory=Counter)
    steps: Counter = field(default_factory=Counter)        # (truth, verdict) -> count
    errors: Counter = field(default_factory=Counter)
    error_examples: dict = field(default_factory=dict)
    crashes: list = field(default_factory=list)
    mismatches: list = field(default_factory=list)
    findings: list = field(default_factory=list)
    seconds: float = 0.0

    def add(self, statement, text, outcome: Outcome) -> list[Finding]:
        truth_of = {True: "true", False: "false", None: "unknown"}
        self.statements[(statement.kind, tuple(truth_of[t] for t in statement.truths))] += 1
        self.seconds += outcome.seconds
        if outcome.error is not None:
            key = _error_key(outcome.error)
            self.errors[key] += 1
            self.error_examples.setdefault(key, (text, outcome.error))
            return []
        if outcome.crash is not None:
            self.crashes.append((text, outcome.crash))
            return []
        if len(outcome.verdicts) != len(statement.truths):
            self.mismatches.append((text, outcome.verdicts))
            return []
        for truth, verdict in zip(statement.truths, outcome.verdicts):
            self.steps[(truth_of[truth], verdict)] += 1
        found = compare(statement, text, outcome)
        self.findings.extend(found)
        return found

    def __repr__(self):
        return f"Tally({sum(self.statements.values())} statements)"

    def _repr_pretty_(self, printer, cycle):       # hypothesis prints fixtures this way
        printer.text(repr(self))

    def summary(self) -> str:
        lines = ["statements generated (kind, per-step truth): count"]
        for key, n in sorted(self.statements.items(), key=lambda kv: -kv[1]):
            lines.append(f"  {key[0]:<20} {'/'.join(key[1]):<16} {n}")
        lines.append("derive's verdicts per class of step (oracle truth -> verdict: count)")
        for truth in ("true", "false", "unknown"):
            row = {v: n for (t, v), n in self.steps.items() if t == truth}
            lines.append(f"  {truth:<8} " + ", ".join(f"{v} {n}" for v, n in sorted(row.items())))
        lines.append(f"input errors: {sum(self.errors.values())}; crashes: {len(self.crashes)}; "
                     f"step-count mismatches: {len(self.mismatches)}; "
                     f"soundness violations: {len(self.findings)}")
        for key, n in self.errors.most_common(8):
            lines.append(f"  {n:>5} × {key}")
        lines.append(f"derive's time: {self.seconds:.1f} s")
        return "\n".join(lines)


def _error_key(message: str) -> str:
    """An error message without its file, position and quoted source: a class of error."""
    first = message.strip().splitlines()[0] if message.strip() else "(empty message)"
    parts = first.split(": ", 1)
    text = parts[1] if len(parts) == 2 and (".tex" in parts[0] or ":" in parts[0]) else first
    text = text[len("error: "):] if text.startswith("error: ") else text
    return " ".join(text.split())[:140]


# --- hypothesis profiles: a small deterministic run for the test suite, long runs for bench ---

def register_profiles():
    from hypothesis import HealthCheck, Phase, settings
    quiet = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
             HealthCheck.data_too_large, HealthCheck.filter_too_much]
    settings.register_profile("fuzz-ci", max_examples=150, derandomize=True, deadline=None,
                              database=None, suppress_health_check=quiet, print_blob=True)
    settings.register_profile("fuzz-bench", max_examples=1000, derandomize=False, deadline=None,
                              database=None, suppress_health_check=quiet,
                              phases=[Phase.explicit, Phase.generate])


register_profiles()

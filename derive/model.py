"""The model: plain, immutable data that flows from the front-ends through the engines to
the interfaces. Everything downstream of parsing reads these and nothing else."""

from __future__ import annotations

from dataclasses import dataclass, field

VERIFIED, REFUTED, UNDECIDED, DEFINITION = "verified", "refuted", "undecided", "definition"
VERDICTS = (VERIFIED, REFUTED, UNDECIDED, DEFINITION)


@dataclass(frozen=True)
class Location:
    file: str
    line: int
    column: int


@dataclass(frozen=True)
class Step:
    """One transition `lhs relation rhs` of a chain (or the definition that opens one).

    `lhs` and `rhs` are unevaluated SymPy expressions; `latex` is the right-hand side as
    the author wrote it, `lhs_latex` the left. `relation` is `=`, `<=`, `<`, `>=`, `>`.
    """

    index: int
    kind: str                  # see KINDS
    relation: str
    lhs: object
    rhs: object
    lhs_latex: str
    latex: str
    location: Location
    justification: str = ""
    fixed: tuple = ()          # definitions held fixed where this step stands
    expect: str = ""           # a verdict the author expects ("refuted", "undecided")
    note: str = ""             # the author's remark for readers of the report


# What a step claims: a definition; an equality or a bound in a chain; or a claim that is
# not a transition of a chain — a limit, an optimiser (argmax/argmin), or the equivalence of
# two optimisation problems (`\max_\theta A = \min_\theta B`).
KINDS = ("definition", "equality", "relation", "limit", "optimiser", "optimisation")
CLAIM_KINDS = ("limit", "optimiser", "optimisation")


@dataclass(frozen=True)
class Derivation:
    """A checked-to-be derivation: where it came from, its title, context and steps."""

    file: str
    title: str
    context: object
    steps: tuple
    figures: tuple = ()        # (name, ((key, value), …)) requests for reports


@dataclass(frozen=True)
class Counterexample:
    """Values at which the two sides differ: the assignment, both sides, the difference."""

    assignment: tuple          # (name, value-as-text) pairs
    lhs_value: str
    rhs_value: str
    difference: str
    labels: tuple = ("left side", "right side")   # what lhs_value and rhs_value are


@dataclass(frozen=True)
class Verdict:
    status: str                # one of VERDICTS
    method: str
    detail: str = ""
    seconds: float = 0.0
    counterexample: Counterexample | None = None


@dataclass(frozen=True)
class StepResult:
    step: Step
    verdict: Verdict

    @property
    def as_expected(self):
        """Verified, a definition, or the verdict the author marked as expected."""
        status = self.verdict.status
        return status in (VERIFIED, DEFINITION) or status == self.step.expect


@dataclass(frozen=True)
class Result:
    derivation: Derivation
    steps: tuple = field(default_factory=tuple)

    @property
    def summary(self):
        counts = {v: 0 for v in VERDICTS}
        for r in self.steps:
            counts[r.verdict.status] += 1
        counts["total"] = len(self.steps)
        return counts

    @property
    def ok(self):
        """True when every step is verified, or ends as its author said to expect."""
        return all(r.as_expected for r in self.steps)

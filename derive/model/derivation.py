"""Derivations, steps, chains and verdicts: plain immutable data.

The front-ends build a `Derivation` (its context, its steps and its chains); the checker
gives each step a `Verdict`; interfaces and reports read the `Result`. What a chain proves
is a fact of the model — composed from its relations by `compose`, as Lean's `Trans`
instances compose `calc` steps — never rebuilt from LaTeX text downstream.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Word(str, Enum):
    """An enumeration whose members are words: they print, format, hash and compare as
    their text, so serialised data and the model agree."""

    def __str__(self):
        return self.value

    def __format__(self, spec):
        return format(self.value, spec)

    def __hash__(self):
        return hash(self.value)


class Relation(Word):
    """A relation between the two sides of a step."""

    EQ = "="
    LE = "<="
    LT = "<"
    GE = ">="
    GT = ">"
    NE = "!="
    # `A ∝ B`: A/B is free of the variable(s) the step is proportional in; checked as the
    # equation A(v)·B(v′) = A(v′)·B(v) (`frontend.proportional`)
    PROPTO = "propto"
    # `A ≈ B`: B is A with some numbers rounded — each decimal B writes that A does not
    # (`0.47`, `-3.32`) stands for a number within half a unit of its last printed digit
    # (`engines.rounding`); it composes with nothing, so a chain through it proves nothing
    APPROX = "approx"

    @property
    def symbol(self):
        return {"<=": "≤", ">=": "≥", "!=": "≠", "propto": "∝", "approx": "≈"}.get(
            self.value, self.value)

    @property
    def latex(self):
        return {"<=": r"\le", ">=": r"\ge", "!=": r"\ne", "propto": r"\propto",
                "approx": r"\approx"}.get(
            self.value, self.value)

    @property
    def strict(self):
        return self in (Relation.LT, Relation.GT)

    @property
    def upward(self):
        """For an order: True when the left side is the smaller (`≤`, `<`)."""
        return self in (Relation.LE, Relation.LT)


def compose(first, second):
    """The relation `a R c` that `a R1 b` and `b R2 c` prove, or None (`≤` then `≥`).
    Proportionality is an equivalence: with `=` or `∝` it gives `∝`, with an order nothing.
    A rounding (`≈`) gives nothing: roundings do not add up to one within a half unit."""
    if Relation.APPROX in (first, second):
        return None
    if Relation.PROPTO in (first, second):
        return Relation.PROPTO if {first, second} <= {Relation.EQ, Relation.PROPTO} else None
    if first is Relation.EQ:
        return second
    if second is Relation.EQ:
        return first
    if Relation.NE in (first, second):
        return None
    if first.upward != second.upward:
        return None
    strict = first.strict or second.strict
    if first.upward:
        return Relation.LT if strict else Relation.LE
    return Relation.GT if strict else Relation.GE


class StepKind(Word):
    """What a step claims."""

    DEFINITION = "definition"      # the first row of a chain names a new quantity
    EQUALITY = "equality"
    RELATION = "relation"          # ≤ < ≥ > ≠
    LIMIT = "limit"
    OPTIMISER = "optimiser"        # argmax … = y*
    OPTIMISATION = "optimisation"  # max_θ A = min_θ B (the same solutions)
    ANTIDERIVATIVE = "antiderivative"  # ∫ f(x) dx = F(x): F′ = f
    UNREADABLE = "unreadable"      # a row derive could not read (its error is the verdict)

    @property
    def is_claim(self):
        return self in CLAIM_KINDS


CLAIM_KINDS = frozenset({StepKind.LIMIT, StepKind.OPTIMISER, StepKind.OPTIMISATION,
                         StepKind.ANTIDERIVATIVE})


class Status(Word):
    VERIFIED = "verified"
    REFUTED = "refuted"
    UNDECIDED = "undecided"
    DEFINITION = "definition"
    ERROR = "error"                # the row could not be read


VERIFIED, REFUTED, UNDECIDED, DEFINITION, ERROR = (
    Status.VERIFIED, Status.REFUTED, Status.UNDECIDED, Status.DEFINITION, Status.ERROR)


@dataclass(frozen=True)
class Location:
    file: str
    line: int
    column: int


@dataclass(frozen=True)
class Hypothesis:
    """`lhs relation rhs`, assumed for a step: written before `\\Rightarrow` on its row, as a
    side remark `(q(x) > 0)`, or by `% derive: assume …` for the rows below. It restricts
    the instances the step claims to hold on, for every engine alike."""

    relation: Relation
    lhs: object
    rhs: object
    latex: str
    # written by `% derive: assume`: said of every value its variables take (a row's or a
    # case's condition is said at the row's values only — `engines.hypotheses`)
    throughout: bool = False
    # what a chain of steps above proves, for a row that follows from it (`\\therefore`, a
    # leading `\\implies`): about values inside its letters' declared ranges, so a proof
    # without it holds where it does (`engines.decide`)
    above: bool = False


@dataclass(frozen=True)
class Step:
    """One transition `lhs relation rhs` (or a definition, a claim, an unreadable row).

    `lhs`/`rhs` are terms (`model.terms`); `lhs_latex`/`latex` the sides as written;
    `reading` how derive read them, in plain text; `message` why an unreadable row was not
    read (and `source_line` the line it stands on). `hypotheses` (`Hypothesis`) must hold
    for the step (restricting its instances); `reasons` are justifications written beside
    the row in words with math derive does not read (`\\text{because } e^{kx} \\text{ is
    monotone}`): the step is checked without them, and a counterexample then refutes
    nothing, since the row may rest on them;
    `context` the declarations in force where the step stands (`model.context`).
    `cases`: a right side written as `\\begin{cases}` (`F = \\begin{cases} A & C \\\\ B & D
    \\end{cases}`) is one claim made of one `Step` per case — `F = A` under its condition
    C (its `hypotheses`), `F = B` under D —; its verdict combines theirs (`by_cases`), its
    `latex` is the environment as written, and `lhs`/`rhs` are None (the terms are the
    cases', `sides`). `restated`: a definition step `lhs := rhs` whose defined side already
    has a meaning derive reads (`… := D(\\mu \\lVert \\nu)`): it defines nothing new, so it
    is checked as `lhs = rhs`, shown as a definition when that is verified. `unread`: a
    definition step for a row that plainly defines a name (`… := …`, or a new name's head
    before `=`) but could not be read — no step of a chain (the corpus and the author count
    none there), yet an error, `message` its verdict; the name stays undefined."""

    index: int
    kind: StepKind
    relation: Relation
    lhs: object
    rhs: object
    lhs_latex: str
    latex: str
    location: Location
    justification: str = ""
    expect: str = ""
    note: str = ""
    context: object = None
    hypotheses: tuple = ()
    reasons: tuple = ()
    reading: str = ""
    message: str = ""
    source_line: str = ""          # for an unreadable row: its line of the file, for a caret
    cases: tuple = ()
    restated: bool = False         # a definition of a quantity derive already reads: checked
    unread: bool = False           # a definition row that could not be read: an error
    local: tuple = ()              # LaTeX of the definitions beside its row only (`\\text{where }
                                   # M = 2`): what a chain through it proves holds under them
    divisor: object = None         # `A ∝ B`: B as written, which must be shown nonzero (A = cB
                                   # only then follows from the cross-multiplied equation)
    agreeing: bool = False         # its cases are two readings of a row led by ⇔ (`Q ⇒ R`,
                                   # `R ⇒ Q`, then R alone), whose verdicts must agree

    def sides(self):
        """The terms the step writes: its two sides, and each case's (None left out)."""
        own = tuple(t for t in (self.lhs, self.rhs) if t is not None)
        return own + tuple(t for case in self.cases for t in case.sides())


@dataclass(frozen=True)
class Chain:
    """Consecutive steps `e0 R1 e1 R2 e2 …` (indices into the derivation's steps) and the
    relation they compose to (None when they prove nothing, e.g. `≤` then `≥`)."""

    steps: tuple
    relation: Relation | None


@dataclass(frozen=True)
class Derivation:
    """What a file says: where from, its title, context, steps, chains and figures."""

    file: str
    title: str
    context: object
    steps: tuple
    chains: tuple = ()
    figures: tuple = ()


@dataclass(frozen=True)
class Counterexample:
    """Values at which a step fails: the assignment, both sides, the difference."""

    assignment: tuple              # (name, value as text) pairs
    lhs_value: str
    rhs_value: str
    difference: str
    labels: tuple = ("left side", "right side")


@dataclass(frozen=True)
class Verdict:
    status: Status
    method: str
    detail: str = ""
    seconds: float = 0.0
    counterexample: Counterexample | None = None


def by_cases(step, verdicts):
    """The verdict of a step made of cases (`Step.cases`) from the verdicts of its cases, in
    order: **verified** when every case is; **refuted** when some case is — by that case's
    certified counterexample, which satisfies the case's condition (the case was decided
    under it) —; an **error** when a case could not be read; otherwise **undecided**,
    naming the cases left undecided and why."""
    def label(k):
        return f"case {k + 1} ({step.cases[k].reading or step.cases[k].latex})"

    if step.agreeing:
        return _agreeing(step, verdicts, label)

    for wanted in (ERROR, REFUTED):
        k = next((k for k, v in enumerate(verdicts) if v.status is wanted), None)
        if k is not None:
            v = verdicts[k]
            return Verdict(wanted, v.method, f"{label(k)} fails: {v.detail}",
                           counterexample=v.counterexample)
    if all(v.status is VERIFIED for v in verdicts):
        return Verdict(VERIFIED, ", ".join(dict.fromkeys(v.method for v in verdicts)),
                       "; ".join(f"{label(k)}: {v.detail}" for k, v in enumerate(verdicts)))
    open_ = [k for k, v in enumerate(verdicts) if v.status is not VERIFIED]
    shown = [k for k, v in enumerate(verdicts) if v.status is VERIFIED]
    return Verdict(UNDECIDED, ", ".join(dict.fromkeys(verdicts[k].method for k in open_)),
                   "; ".join(f"{label(k)} undecided: {verdicts[k].detail}" for k in open_) +
                   (f" ({', '.join(f'case {k + 1}' for k in shown)} verified)" if shown else ""))


def _agreeing(step, verdicts, label):
    """The verdict of a row led by an equivalence (`layout._equivalent`) from its readings:
    `Q ⇒ R`, `R ⇒ Q` (the equivalence with the row above) and R claimed alone. Verified when
    all three are; refuted only when R alone and a way of the equivalence are (the
    equivalence's counterexample shown); an error when one could not be read; otherwise
    undecided, saying the readings do not agree."""
    *ways, alone = verdicts
    broken = next((k for k, v in enumerate(verdicts) if v.status is ERROR), None)
    if broken is not None:
        return Verdict(ERROR, verdicts[broken].method,
                       f"{label(broken)} fails: {verdicts[broken].detail}")
    if all(v.status is VERIFIED for v in verdicts):
        return Verdict(VERIFIED, ", ".join(dict.fromkeys(v.method for v in verdicts)),
                       "; ".join(f"{label(k)}: {v.detail}" for k, v in enumerate(verdicts)))
    failed = next((k for k, v in enumerate(ways) if v.status is REFUTED), None)
    if failed is not None and alone.status is REFUTED:
        v = ways[failed]
        return Verdict(REFUTED, v.method, f"{label(failed)} fails: {v.detail}; and "
                       f"{label(len(ways))} fails: {alone.detail}",
                       counterexample=v.counterexample)
    return Verdict(UNDECIDED, ", ".join(dict.fromkeys(v.method for v in verdicts)),
                   "a row led by an equivalence reads two ways — the equivalence with the row "
                   "above, and its statement claimed alone — and derive gives a verdict only "
                   "where they agree: " + "; ".join(
                       f"{label(k)} {v.status.value}" for k, v in enumerate(verdicts)))


@dataclass(frozen=True)
class StepResult:
    step: Step
    verdict: Verdict

    @property
    def as_expected(self):
        """Verified, a definition, or the verdict the author marked as expected."""
        status = self.verdict.status
        return status in (VERIFIED, DEFINITION) or (status.value == self.step.expect)


@dataclass(frozen=True)
class Conclusion:
    """What a chain of two or more steps proves: `first relation last`, once every step is
    verified — under the hypotheses of its steps together (`hypotheses`, as written, each
    once): a step that holds for a > 0 makes the whole chain hold for a > 0 only."""

    chain: Chain
    lhs_latex: str
    latex: str
    proved: bool
    unproved: tuple                # indices of the steps not verified
    hypotheses: tuple = ()         # the LaTeX of the steps' hypotheses, in order, once each


@dataclass(frozen=True)
class Result:
    derivation: Derivation
    steps: tuple = field(default_factory=tuple)

    @property
    def summary(self):
        counts = {s.value: 0 for s in Status}
        for r in self.steps:
            counts[r.verdict.status.value] += 1
        counts["total"] = len(self.steps)
        return counts

    @property
    def ok(self):
        """True when every step is verified, or ends as its author said to expect."""
        return all(r.as_expected for r in self.steps)

    @property
    def conclusions(self):
        by_index = {r.step.index: r for r in self.steps}
        out = []
        for chain in self.derivation.chains:
            checked = [by_index[i] for i in chain.steps
                       if by_index[i].step.kind is not StepKind.DEFINITION]
            if len(checked) < 2 or chain.relation is None:
                continue
            first, last = by_index[chain.steps[0]].step, by_index[chain.steps[-1]].step
            unproved = tuple(by_index[i].step.index for i in chain.steps    # a definition
                             if by_index[i].verdict.status not in (VERIFIED, DEFINITION))
            hypotheses = tuple(dict.fromkeys([h.latex for r in checked for h in r.step.hypotheses]
                                             + [d for r in checked for d in r.step.local]))
            out.append(Conclusion(chain, first.lhs_latex, last.latex, not unproved, unproved,
                                  hypotheses))
        return tuple(out)

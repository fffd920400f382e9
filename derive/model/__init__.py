"""The model: plain, immutable data that flows from the front-ends through the engines to
the interfaces — names (`names`), terms (`terms`) and derivations with their verdicts
(`derivation`). Everything downstream of parsing reads these and nothing else."""

from derive.model.derivation import (
    CLAIM_KINDS, DEFINITION, ERROR, REFUTED, UNDECIDED, VERIFIED, Chain, Conclusion,
    Counterexample, Derivation, Location, Relation, Result, Status, Step, StepKind,
    StepResult, Verdict, compose,
)
from derive.model.names import Domain, Kind, Name

__all__ = [
    "CLAIM_KINDS", "DEFINITION", "ERROR", "REFUTED", "UNDECIDED", "VERIFIED", "Chain",
    "Conclusion", "Counterexample", "Derivation", "Location", "Relation", "Result", "Status",
    "Step", "StepKind", "StepResult", "Verdict", "compose", "Domain", "Kind", "Name",
]

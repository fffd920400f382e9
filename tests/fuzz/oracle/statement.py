"""A statement with known truth per step, and the `.tex` file a user would write for it."""

from __future__ import annotations

from dataclasses import dataclass

from .evaluate import decide
from .expr import (COMPLEX, JS, KL, POSITIVE, REAL, SYMBOLS, CrossEntropy, Entropy, Log, names,
                   positions)
from .render import render_chain


class OracleBug(AssertionError):
    """A step built to be true that the evaluator shows false: the oracle is wrong."""


@dataclass(frozen=True)
class Statement:
    sides: tuple                 # trees: sides[0] rel[0] sides[1] rel[1] …
    relations: tuple             # "=", "<=", "<", ">=", ">", "!="
    truths: tuple                # per step: True (by construction), False (shown), None
    kind: str                    # how it was built: "identity", "bound mutant", …
    history: tuple = ()          # the rules and edits applied, for reports
    witnesses: tuple = ()        # per step: the instance that shows a false step false

    @property
    def known(self):
        return any(t is not None for t in self.truths)

    def tex(self, rng) -> str:
        """The file: directives for what the statement uses, then its display math."""
        syms, dens = set(), set()
        for side in self.sides:
            s, d = names(side)
            syms |= s
            dens |= d
        lines = ["% derive: variable x"]
        if dens:
            lines.append("% derive: density " + ", ".join(sorted(dens)))
        for domain in (POSITIVE, REAL):
            declared = sorted(n for n in syms if SYMBOLS[n] == domain)
            if declared:
                lines.append(f"% derive: {domain} " + ", ".join(declared))
        return "\n".join(lines) + "\n" + render_chain(self.sides, self.relations, rng) + "\n"

    def uses_complex(self):
        return uses_complex(self.sides)


def uses_complex(sides) -> bool:
    """Whether an undeclared (complex) symbol occurs in any of `sides`."""
    return any(SYMBOLS[n] == COMPLEX for side in sides for n in names(side)[0])


def judge(sides, relations, constructed, kind, history) -> Statement:
    """The statement with each step's truth: steps `constructed` true are checked against
    the evaluator (a violation is an OracleBug); the others are false only where the
    evaluator shows it."""
    truths, witnesses = [], []
    bits = _may_read_in_bits(sides)
    for i, rel in enumerate(relations):
        if bits and (_informational(sides[i]) or _informational(sides[i + 1])):
            truths.append(None)      # the unit is derive's reading of the file: not modelled
            witnesses.append(None)
            continue
        decision = decide(rel, sides[i], sides[i + 1])
        if constructed[i]:
            if decision.truth is False:
                raise OracleBug(f"{kind} step {i + 1} built true ({' ; '.join(history)}) is "
                                f"false at {decision.witness.describe()}: {sides[i]} {rel} {sides[i + 1]}")
            truths.append(True)
            witnesses.append(None)
        else:
            truths.append(False if decision.truth is False else None)
            witnesses.append(decision.witness)
    return Statement(tuple(sides), tuple(relations), tuple(truths), kind, tuple(history),
                     tuple(witnesses))



def _informational(side) -> bool:
    return any(isinstance(n, (Entropy, KL, JS, CrossEntropy)) for _, n, _ in positions(side))


def _may_read_in_bits(sides) -> bool:
    """Whether every logarithm of the file is to base 2 beside an information quantity: derive
    then reads information in bits (its README, "Units"), which this oracle, in nats, does not
    model — such steps are left unjudged."""
    logs = [n for side in sides for _, n, _ in positions(side) if isinstance(n, Log)]
    return bool(logs) and all(n.base == 2 for n in logs) and any(map(_informational, sides))

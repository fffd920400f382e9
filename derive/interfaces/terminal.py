"""Readable terminal output: a block per derivation, a mark per step, counterexamples."""

from __future__ import annotations

import os
import sys
import textwrap

from derive.model import CLAIM_KINDS, DEFINITION, REFUTED, UNDECIDED, VERIFIED

MARKS = {VERIFIED: "✓", REFUTED: "✗", UNDECIDED: "?", DEFINITION: "≔"}
COLOURS = {VERIFIED: "32", REFUTED: "31", UNDECIDED: "33", DEFINITION: "36"}
WIDTH = 96
SYMBOLS = {"<=": "≤", ">=": "≥", "!=": "≠"}


class Style:
    """ANSI colour, when the stream is a terminal and NO_COLOR is not set."""

    def __init__(self, enabled):
        self.enabled = enabled

    @classmethod
    def for_stream(cls, stream, choice="auto"):
        if choice == "always":
            return cls(True)
        if choice == "never":
            return cls(False)
        return cls(hasattr(stream, "isatty") and stream.isatty() and not os.environ.get("NO_COLOR"))

    def paint(self, text, code):
        return f"\033[{code}m{text}\033[0m" if self.enabled else text

    def bold(self, text):
        return self.paint(text, "1")


def shorten(text, width=WIDTH):
    return text if len(text) <= width else text[:width - 1] + "…"


def render_result(result, style):
    d = result.derivation
    lines = [style.bold(f"{d.file} — {d.title}")]
    for a in d.context.assumptions_text():
        lines.append(f"  assuming {a}")
    for definition in d.context.definitions:
        if definition.source == "define":
            lines.append(f"  where {definition.latex}")
    for r in result.steps:
        lines.extend(_step_lines(r, style))
    lines.append("  " + summary_line(result.summary, style))
    return "\n".join(lines)


def _step_lines(r, style):
    step, v = r.step, r.verdict
    mark = style.paint(f"{MARKS[v.status]} {v.status:<10}", COLOURS[v.status])
    where = f"line {step.location.line}:{step.location.column}"
    relation = SYMBOLS.get(step.relation, step.relation)
    if step.kind == "definition":
        text = f"{shorten(step.lhs_latex, 40)} := {step.latex}"
    elif step.kind in CLAIM_KINDS:
        text = f"{step.lhs_latex} {relation} {step.latex}"
    else:
        text = f"{relation} {step.latex}"
    head = f"  {step.index:>2} {mark} {shorten(text, WIDTH - 16)}"
    lines = [head]
    info = f"{where}" + (f", {v.method}" if v.status != DEFINITION else "") + \
        (f", {v.seconds:.2f} s" if v.status != DEFINITION else "")
    lines.append(f"{'':17}{info}")
    if step.justification:
        lines.append(f"{'':17}by: {step.justification}")
    if v.status == REFUTED and v.counterexample is not None:
        ce = v.counterexample
        lines.extend(f"{'':17}{line}" for line in textwrap.wrap(v.detail, WIDTH - 17))
        lines.append(f"{'':17}" + style.paint("counterexample:", COLOURS[REFUTED]))
        for name, value in ce.assignment:
            lines.append(f"{'':19}{name} = {value}")
        width = max(len(label) for label in (*ce.labels, "difference"))
        for label, value in zip((*ce.labels, "difference"), (ce.lhs_value, ce.rhs_value, ce.difference)):
            lines.append(f"{'':19}{label:<{width}} = {value}")
        if step.kind not in CLAIM_KINDS:
            lines.append(f"{'':17}previous line: {shorten(step.lhs_latex, WIDTH - 32)}")
    elif v.status == UNDECIDED:
        lines.extend(f"{'':17}{line}" for line in textwrap.wrap(v.detail, WIDTH - 17))
    return lines


def summary_line(counts, style):
    parts = [style.paint(f"{counts[k]} {k}", COLOURS[k]) if counts[k] else f"0 {k}"
             for k in (VERIFIED, REFUTED, UNDECIDED)]
    extra = f" ({counts[DEFINITION]} definition{'s' if counts[DEFINITION] != 1 else ''})" \
        if counts[DEFINITION] else ""
    return ", ".join(parts) + extra


class Progress:
    """`checking file: step i/n` on a terminal's stderr, erased when done."""

    def __init__(self, stream=None):
        self.stream = stream = stream if stream is not None else sys.stderr
        self.enabled = hasattr(stream, "isatty") and stream.isatty()

    def show(self, text):
        if self.enabled:
            self.stream.write("\r\033[K" + shorten(text, 78))
            self.stream.flush()

    def clear(self):
        if self.enabled:
            self.stream.write("\r\033[K")
            self.stream.flush()

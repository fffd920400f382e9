"""Readable terminal output: a block per derivation, a mark per step, counterexamples.

It renders the serialised result (`json_output.result_dict`), the same dict that
`--format json` prints and the cache stores, so a cached result prints without parsing
or SymPy.
"""

from __future__ import annotations

import os
import sys
import textwrap

from derive.model import CLAIM_KINDS, DEFINITION, REFUTED, UNDECIDED, VERIFIED

MARKS = {VERIFIED: "✓", REFUTED: "✗", UNDECIDED: "?", DEFINITION: "≔"}
COLOURS = {VERIFIED: "32", REFUTED: "31", UNDECIDED: "33", DEFINITION: "36"}
SYMBOLS = {"<=": "≤", ">=": "≥", "!=": "≠"}
WIDTH = 96


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


def _wrapped(text, indent=17):
    return [f"{'':{indent}}{line}" for line in textwrap.wrap(text, WIDTH - indent)]


def render_result(result, style):
    """A derivation's block, from its serialised result dict."""
    lines = [style.bold(f"{result['file']} — {result['title']}")]
    lines += ["  assuming " + " ".join(part for part in (a["subject"], a["text"], a["object"]) if part)
              for a in result["assumptions"]]
    lines += [f"  where {d}" for d in result.get("definitions", ())]
    for step in sorted(result["steps"] + result["claims"], key=lambda s: s["index"]):
        lines.extend(render_step(step, style))
    for c in result.get("conclusions", ()):
        lines.append("  " + conclusion_line(c, style))
    lines.append("  " + summary_line(result["summary"], style))
    return "\n".join(lines)


def render_step(step, style):
    """The lines for one step or claim (a serialised step dict)."""
    status = step["verdict"]
    expected = status == step.get("expect") and status != VERIFIED
    label = f"{MARKS[status]} {status:<10}"
    mark = style.paint(label, COLOURS[status])
    relation = SYMBOLS.get(step["relation"], step["relation"])
    if step["kind"] == "definition":
        text = f"{shorten(step['lhs_latex'], 40)} := {step['latex']}"
    elif step["kind"] in CLAIM_KINDS:
        text = f"{step['lhs_latex']} {relation} {step['latex']}"
    else:
        text = f"{relation} {step['latex']}"
    lines = [f"  {step['index']:>2} {mark} {shorten(text, WIDTH - 16)}"]
    info = f"line {step['line']}:{step['column']}"
    if status != DEFINITION:
        info += f", {step['method']}, {step['seconds']:.2f} s"
    if expected:
        info += f", {status} as the file expects"
    lines.append(f"{'':17}{info}")
    if step["justification"]:
        lines.append(f"{'':17}by: {step['justification']}")
    ce = step["counterexample"]
    if status == REFUTED and ce is not None:
        lines.extend(_wrapped(step["detail"]))
        lines.append(f"{'':17}" + style.paint("counterexample:", COLOURS[REFUTED]))
        lines += [f"{'':19}{name} = {value}" for name, value in ce["assignment"].items()]
        labels = (*ce["labels"], "difference")
        width = max(len(label) for label in labels)
        for label, value in zip(labels, (ce["lhs"], ce["rhs"], ce["difference"])):
            lines.append(f"{'':19}{label:<{width}} = {value}")
        if step["kind"] not in CLAIM_KINDS:
            lines.append(f"{'':17}previous line: {shorten(step['lhs_latex'], WIDTH - 32)}")
    elif status == UNDECIDED:
        lines.extend(_wrapped(step["detail"]))
    return lines


def conclusion_line(c, style):
    """`steps 2–5 prove: A ≤ B` (or why not), for a chain of two or more steps."""
    relation = SYMBOLS.get(c["relation"], c["relation"])
    claim = shorten(f"{c['lhs_latex']} {relation} {c['latex']}", WIDTH - 30)
    if c["proved"]:
        return style.paint(f"steps {c['from']}–{c['to']} prove: ", COLOURS[VERIFIED]) + claim
    pending = ", ".join(map(str, c["unproved_steps"]))
    return f"steps {c['from']}–{c['to']} would prove {claim} (not yet: step {pending})"


def summary_line(counts, style):
    parts = [style.paint(f"{counts[k]} {k}", COLOURS[k]) if counts[k] else f"0 {k}"
             for k in (VERIFIED, REFUTED, UNDECIDED)]
    extra = f" ({counts[DEFINITION]} definition{'s' if counts[DEFINITION] != 1 else ''})" \
        if counts[DEFINITION] else ""
    return ", ".join(parts) + extra


class Progress:
    """A one-line progress display on a terminal's stderr, erased when done."""

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

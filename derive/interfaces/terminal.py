"""Readable terminal output: a block per derivation, a mark per step, counterexamples.

It renders the serialised result (`json_output.result_dict`), the same dict that
`--format json` prints and the cache stores, so a cached result prints without parsing
or SymPy. Unknown extra fields are ignored; an `error` verdict (a row derive could not
read) is marked `!`.

Every line fits the terminal's width (`$COLUMNS`, else the terminal's, else 96), and
every piece of user text is shown with its control characters escaped, so a file cannot
move the cursor or recolour the terminal.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import textwrap
import unicodedata

from derive.model import CLAIM_KINDS, DEFINITION, REFUTED, UNDECIDED, VERIFIED
from derive.reports.escape import readable

ERROR = "error"
MARKS = {VERIFIED: "✓", REFUTED: "✗", UNDECIDED: "?", DEFINITION: "≔", ERROR: "!"}
COLOURS = {VERIFIED: "32", REFUTED: "31", UNDECIDED: "33", DEFINITION: "36", ERROR: "31"}
EXPECTED_COLOUR = "34"          # a verdict the file expects: shown, not painted as a failure
SYMBOLS = {"<=": "≤", ">=": "≥", "!=": "≠", "propto": "∝", "approx": "≈"}
DEFAULT_WIDTH = 96
INDENT = 17
_ANSI = re.compile(r"\033\[[0-9;]*m")


def width():
    """Columns to fill: `$COLUMNS`, else the terminal's, else 96 (never below 40)."""
    return max(40, shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns)


def printable(text):
    """`text` with control and bidirectional-override characters escaped (`\\x1b`, `\\u202e`).
    Text that `str.isprintable` accepts has none of them (it refuses every Cc, Cf, Zl and
    Zp character), so it is returned as it is without a look at each character."""
    text = str(text)
    if text.isprintable():
        return text

    def escape(ch):
        if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") and ch not in "\u200d":
            code = ord(ch)
            return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
        return ch
    return "".join(map(escape, text))


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


def shorten(text, limit):
    """`text` cut to `limit` characters, ending in `…` when cut."""
    return text if len(text) <= limit else text[:max(limit - 1, 0)] + "…"


def fit(line, limit):
    """A painted line cut to `limit` visible characters (colour codes kept closed)."""
    if len(line) <= limit or len(_ANSI.sub("", line)) <= limit:
        return line
    out, shown = [], 0
    for piece in re.split(r"(\033\[[0-9;]*m)", line):
        if _ANSI.fullmatch(piece):
            out.append(piece)
        else:
            room = limit - 1 - shown
            out.append(piece[:max(room, 0)])
            shown += min(len(piece), max(room, 0))
    return "".join(out) + "…" + ("\033[0m" if _ANSI.search(line) else "")


def _wrapped(text, columns, indent=INDENT):
    """`text`, escaped, in lines of at most `columns`, each indented by `indent`. A text
    that fits on one line and does not end in whitespace is that line: `textwrap` would
    return it unchanged (after `printable`, no whitespace is left for it to replace)."""
    text, room = printable(text), max(columns - indent, 20)
    lines = [text] if 0 < len(text) <= room and not text[-1].isspace() else \
        textwrap.wrap(text, room, break_long_words=True)
    return [f"{'':{indent}}{line}" for line in lines]


def expected(step):
    """True when the step ended as its file says to expect (and that is not `verified`)."""
    return step["verdict"] == step.get("expect") and step["verdict"] != VERIFIED


def where(step):
    """`line 8:167`, or `cell 3, line 2:5` in a notebook."""
    cell = f"cell {step['cell']}, " if step.get("cell") else ""
    return f"{cell}line {step['line']}:{step['column']}"


def render_result(result, style, columns=None, reading=False):
    """A derivation's block, from its serialised result dict."""
    columns = columns or width()
    lines = [style.bold(printable(f"{result['file']} — {result['title']}"))]
    for a in result["assumptions"]:
        text = " ".join(printable(part) for part in (a["subject"], a["text"], a["object"]) if part)
        lines += _wrapped("assuming " + text, columns, 2)
    lines += [f"  where {printable(d)}" for d in result.get("definitions", ())]
    for step in sorted(result["steps"] + result["claims"], key=lambda s: s["index"]):
        lines.extend(render_step(step, style, columns, reading))
    for c in result.get("conclusions", ()):
        lines.append("  " + conclusion_line(c, style, columns))
    lines.append("  " + summary_line(result["summary"], style, result["steps"] + result["claims"]))
    return "\n".join(fit(line, columns) for line in lines)


def render_step(step, style, columns=None, reading=False):
    """The lines for one step or claim (a serialised step dict); with `reading`, how
    derive read it too (`--show-reading`)."""
    columns = columns or width()
    status = step["verdict"]
    as_expected = expected(step)
    label = f"{MARKS.get(status, '!')} {status:<10}"
    mark = style.paint(label, EXPECTED_COLOUR if as_expected else COLOURS.get(status, "31"))
    relation = SYMBOLS.get(step.get("relation", ""), step.get("relation", ""))
    if status == ERROR:
        text = step["latex"]                    # the row as written: it was not read
    elif step["kind"] == "definition":
        text = f"{shorten(step['lhs_latex'], 40)} := {step['latex']}"
    elif step["kind"] in CLAIM_KINDS:
        text = f"{step['lhs_latex']} {relation} {step['latex']}"
    else:
        text = f"{relation} {step['latex']}"
    lines = [f"  {step['index']:>2} {mark} {shorten(printable(text), columns - INDENT)}"]
    info = where(step)
    if status != ERROR and (status != DEFINITION or step["method"] != "definition"):
        info += f", {step['method']}, {step['seconds']:.2f} s"   # a definition checked too
    if as_expected:
        info += f", {status} as the file expects"
    lines += _wrapped(info, columns)            # wrapped: "as the file expects" must show
    if step.get("hypotheses"):
        lines += _wrapped("under: " + "; ".join(printable(h) for h in step["hypotheses"]),
                          columns)
    if reading and step.get("reading"):
        lines += _wrapped(f"read as: {step['reading']}", columns)
    if step.get("justification"):
        lines += _wrapped(f"by: {step['justification']}", columns)
    ce = step.get("counterexample")
    if status == ERROR:
        lines += _wrapped(step.get("message") or readable(step.get("detail", "")), columns)
    elif status == REFUTED and ce is not None:
        lines.extend(_wrapped(readable(step["detail"]), columns))
        lines.append(f"{'':{INDENT}}" + style.paint("counterexample:", EXPECTED_COLOUR if as_expected
                                                     else COLOURS[REFUTED]))
        for name, value in ce["assignment"].items():
            lines += _wrapped(f"{printable(name)} = {readable(value)}", columns, INDENT + 2)
        labels = (*ce["labels"], "difference")
        label_width = max(len(label) for label in labels)
        for label, value in zip(labels, (ce["lhs"], ce["rhs"], ce["difference"])):
            lines += _wrapped(f"{printable(label):<{label_width}} = {readable(value)}", columns, INDENT + 2)
        if step["kind"] not in CLAIM_KINDS:
            lines.append(f"{'':{INDENT}}previous line: "
                         f"{shorten(printable(step['lhs_latex']), columns - INDENT - 15)}")
    elif status == UNDECIDED:
        lines.extend(_wrapped(readable(step["detail"]), columns))
    return [fit(line, columns) for line in lines]


def conclusion_line(c, style, columns=None):
    """`steps 2–5 prove: A ≤ B` (or why not), for a chain of two or more steps; `prove,
    under a > 0: …` when its steps have hypotheses (the chain holds only where they do)."""
    columns = columns or width()
    relation = SYMBOLS.get(c["relation"], c["relation"])
    under = printable(", ".join(c["hypotheses"]))
    under = f", under {under}" if under else ""
    claim = shorten(printable(f"{c['lhs_latex']} {relation} {c['latex']}"),
                    columns - 32 - len(under))
    if c["proved"]:
        return style.paint(f"steps {c['from']}–{c['to']} prove{under}: ",
                           COLOURS[VERIFIED]) + claim
    pending = ", ".join(map(str, c["unproved_steps"]))
    return f"steps {c['from']}–{c['to']} would prove{under}: {claim} (not yet: step {pending})"


def counts(steps):
    """{verdict: (how many, how many of them the file expects)} over serialised steps."""
    out = {}
    for step in steps:
        total, ok = out.get(step["verdict"], (0, 0))
        out[step["verdict"]] = (total + 1, ok + expected(step))
    return out


def summary_line(summary, style, steps=()):
    """`12 verified, 1 refuted as expected, 0 undecided (1 definition)`."""
    tally = counts(steps)
    parts = []
    for k in (VERIFIED, REFUTED, UNDECIDED):
        n = summary.get(k, 0)
        as_expected = tally.get(k, (0, 0))[1]
        text = f"{n} {k}"
        if as_expected:
            text += " as expected" if as_expected == n else f" ({as_expected} as expected)"
        colour = EXPECTED_COLOUR if n and as_expected == n and k != VERIFIED else COLOURS[k]
        parts.append(style.paint(text, colour) if n else text)
    if summary.get(ERROR):
        parts.append(style.paint(f"{summary[ERROR]} unreadable", COLOURS[ERROR]))
    n = summary.get(DEFINITION, 0)
    return ", ".join(parts) + (f" ({n} definition{'s' if n != 1 else ''})" if n else "")


def grand_total(results, errors, style):
    """The last line of a run over several files: every file's verdicts added up."""
    totals = {}
    steps = []
    for result in results:
        for k, v in result["summary"].items():
            totals[k] = totals.get(k, 0) + v
        steps += result["steps"] + result["claims"]
    files = len(results) + len(errors)
    line = f"{files} files: " + summary_line(totals, style, steps)
    if errors:
        line += ", " + style.paint(f"{len(errors)} unreadable file{'s' if len(errors) != 1 else ''}",
                                   COLOURS[ERROR])
    return line


def unreadable_errors(result):
    """The rows of a result derive could not read, as error dicts (see `error_text`)."""
    from derive.frontend import InputError
    out = []
    for step in result["steps"]:
        if step["verdict"] == ERROR:
            exc = InputError(step["message"], result["file"], step["line"], step["column"],
                             step.get("source_line") or None, step.get("cell"))
            out.append({"file": exc.file, "line": exc.line, "column": exc.column,
                        "message": exc.message, "text": str(exc)})
    return out


def error_text(error):
    """An input error as printed (file, position, message, the line with a caret)."""
    text = error.get("text") or f"{error['file']}: error: {error['message']}"
    return "\n".join(printable(line) for line in text.split("\n"))


class Progress:
    """A one-line progress display on a terminal's stderr, erased when done."""

    def __init__(self, stream=None):
        self.stream = stream = stream if stream is not None else sys.stderr
        self.enabled = hasattr(stream, "isatty") and stream.isatty()

    def show(self, text):
        if self.enabled:
            self.stream.write("\r\033[K" + shorten(printable(text), min(78, width() - 1)))
            self.stream.flush()

    def clear(self):
        if self.enabled:
            self.stream.write("\r\033[K")
            self.stream.flush()

"""Checked pages for site builders (the Sphinx extension, the MyST plugin): each display
of a page with the verdicts of the steps on each of its rows, from the serialised result
(`json_output.result_dict`), and the HTML that shows them.

A step belongs to the row that holds its right-hand side (where its position points). A
display's rows are rendered one per table row — left side, the rest of the row, a mark
per step (✓ ✗ ? ≔ !) — and each refuted step's counterexample goes into a collapsible
note under the display.
"""

from __future__ import annotations

from dataclasses import dataclass

from derive.frontend.documents import Display
from derive.reports.escape import html_text, mathml, readable

MARKS = {"verified": "✓", "refuted": "✗", "undecided": "?", "definition": "≔", "error": "!"}


@dataclass
class Block:
    """One display of the page: where it is in the source, and its rows."""
    start: int
    end: int
    rows: list        # [{"latex": str, "align": int|None, "line": int, "steps": [step dict]}]


def check_page(document, path, budget=5.0, seed=0):
    """(blocks, serialised result or None): the page's displays, their rows and the
    verdicts of the steps on them. Raises `InputError` for math derive cannot read."""
    from derive.checker import Options, check
    from derive.frontend.tex_file import load_document
    from derive.interfaces.json_output import result_dict

    derivation = load_document(document, path, require_steps=False, relocate=False)
    result = result_dict(check(derivation, Options(budget=budget, seed=seed))) if derivation.steps else None
    blocks = {}
    source = document.source
    spans = []
    for event in document.events:
        if not isinstance(event, Display):
            continue
        for row in event.rows:
            start, end = event.part(row.start)      # displays joined into one: each its own
            block = blocks.setdefault(start, Block(start, end, []))
            entry = {"latex": " ".join(row.text.split()) if row.align is None else None,
                     "left": " ".join(row.text[:row.align].split()) if row.align is not None else "",
                     "right": " ".join(row.text[row.align:].split()) if row.align is not None else "",
                     "line": source.position(row.start)[0], "steps": []}
            block.rows.append(entry)
            last = len(row.text.rstrip()) - 1
            spans.append((source.position(row.start), source.position(row.origin(max(last, 0))), entry))
    if result:
        for step in sorted(result["steps"] + result["claims"], key=lambda s: s["index"]):
            at = (step["line"], step["column"])
            for first, last, entry in spans:
                if first <= at <= last:
                    entry["steps"].append(step)
                    break
    return list(blocks.values()), result


def problems(result):
    """[(step, verdict)] of the steps that did not end as they should."""
    if not result:
        return []
    return [(s, s["verdict"]) for s in result["steps"] + result["claims"]
            if s["verdict"] not in ("verified", "definition") and s["verdict"] != s.get("expect")]


def _math(latex):
    return mathml(latex).replace("<math ", '<math displaystyle="true" ', 1) if latex else ""


def block_html(block, number=None):
    """The HTML of one checked display: a table of its rows with their marks, and the
    counterexamples in collapsible notes."""
    out = ['<div class="derive-display">']
    if number is not None:
        out.append(f'<span class="eqno">({html_text(number)})</span>')
    out.append('<table class="derive-chain">')
    notes = []
    for row in block.rows:
        steps = row["steps"]
        worst = _worst(steps)
        out.append(f'<tr class="derive-row derive-{worst}">')
        if row["latex"] is not None:
            out.append(f'<td class="derive-left" colspan="2">{_math(row["latex"])}</td>')
        else:
            out.append(f'<td class="derive-left">{_math(row["left"])}</td>'
                       f'<td class="derive-right">{_math(row["right"])}</td>')
        marks = "".join(
            f'<span class="derive-mark derive-{s["verdict"]}{" derive-expected" if _expected(s) else ""}" '
            f'title="{html_text(_title(s))}" aria-label="{html_text(_title(s))}">{MARKS.get(s["verdict"], "!")}</span>'
            for s in steps)
        out.append(f'<td class="derive-marks">{marks}</td></tr>')
        notes += [s for s in steps if s["verdict"] in ("refuted", "undecided", "error")]
    out.append("</table>")
    for step in notes:
        out.append(_note(step))
    out.append("</div>")
    return "\n".join(out)


def _worst(steps):
    order = ("error", "refuted", "undecided", "verified", "definition")
    found = [s["verdict"] for s in steps if not _expected(s)] or [s["verdict"] for s in steps]
    return next((v for v in order if v in found), "none")


def _expected(step):
    return step["verdict"] == step.get("expect") and step["verdict"] != "verified"


def _title(step):
    text = f"step {step['index']}: {step['verdict']}"
    if step.get("method"):
        text += f" ({step['method']})"
    if _expected(step):
        text += ", as the page expects"
    return text


def _note(step):
    ce = step.get("counterexample")
    summary = f"{MARKS.get(step['verdict'], '!')} step {step['index']} {step['verdict']}"
    summary += ", as the page expects" if _expected(step) else ""
    summary += ": counterexample" if ce else ""
    body = [f'<p>{html_text(readable(step.get("detail") or step.get("message", "")))}</p>']
    if ce:
        body.append('<table class="derive-values">')
        for name, value in ce["assignment"].items():
            body.append(f"<tr><td>{html_text(name)}</td><td>{html_text(value)}</td></tr>")
        for label, value in zip((*ce["labels"], "difference"), (ce["lhs"], ce["rhs"], ce["difference"])):
            body.append(f"<tr><td>{html_text(label)}</td><td>{html_text(value)}</td></tr>")
        body.append("</table>")
    kind = "derive-expected" if _expected(step) else f"derive-{step['verdict']}"
    return (f'<details class="derive-note {kind}"><summary>{html_text(summary)}</summary>'
            + "".join(body) + "</details>")


CSS = """
div.derive-display { margin: 1em 0; overflow-x: auto; }
div.derive-display span.eqno { float: right; }
table.derive-chain { border-collapse: collapse; border: none; margin: 0 auto; }
table.derive-chain td { border: none; padding: 0.2em 0.4em; vertical-align: middle; }
table.derive-chain td.derive-left { text-align: right; }
table.derive-chain td.derive-right { text-align: left; }
table.derive-chain td.derive-marks { padding-left: 1.5em; white-space: nowrap; font-weight: bold; }
.derive-mark.derive-verified { color: #1a7f37; } .derive-mark.derive-refuted { color: #cf222e; }
.derive-mark.derive-undecided { color: #9a6700; } .derive-mark.derive-definition { color: #0969da; }
.derive-mark.derive-error { color: #cf222e; } .derive-mark.derive-expected { color: #0969da; }
details.derive-note { margin: 0.3em 2em; padding: 0.3em 0.6em; border-left: 3px solid #cf222e; }
details.derive-note.derive-expected, details.derive-note.derive-undecided { border-left-color: #9a6700; }
details.derive-note summary { cursor: pointer; }
table.derive-values td { border: 1px solid #ddd; padding: 0.15em 0.5em; }
"""

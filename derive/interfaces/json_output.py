"""`derive check --format json`: the documented machine-readable form of results.

Schema (version 1)::

    {"schema": 1,
     "derivations": [
       {"file": str, "title": str,
        "assumptions": [{"subject": str, "text": str, "object": str}],   # subject, object:
                                       # LaTeX, "" when absent; text: words between them
        "definitions": [str, ...],     # the file's `define` directives, as written
        "figures": [{"name": str, "params": {str: str}}],   # asked for by the file
        "steps": [                     # the transitions of chains
          {"index": int,               # 1-based, in file order (shared with claims)
           "kind": "definition" | "equality" | "relation",
           "relation": "=" | "<=" | "<" | ">=" | ">",
           "lhs_latex": str, "latex": str,   # as the author wrote them
           "line": int, "column": int,
           "cell": int,                # notebooks only: the cell (line is within it)
           "justification": str,
           "expect": "" | "refuted" | "undecided",   # a verdict the author accepts
           "note": str,                # the author's remark (% derive: note …)
           "verdict": "verified" | "refuted" | "undecided" | "definition",
           "method": str, "detail": str,
           "seconds": float,
           "counterexample": null | {"assignment": {name: value}, "lhs": str, "rhs": str,
                                     "difference": str, "labels": [str, str]}}],
        "conclusions": [{"from": int, "to": int, "lhs_latex": str, "relation": str,
                         "latex": str, "proved": bool, "unproved_steps": [int]}],
                                       # what each chain of two or more steps proves, as
                                       # in a calc block: first REL last, REL the strongest
        "claims": [ … ],               # limits, optimisers, optimisation equivalences:
                                       # entries as in "steps", "kind" one of "limit",
                                       # "optimiser", "optimisation"
        "summary": {"verified": int, "refuted": int, "undecided": int,
                    "definition": int, "total": int}}],       # over steps and claims
     "errors": [{"file": str, "line": int|null, "column": int|null, "message": str,
                 "cell": int}]}       # cell: notebooks only (line is within it)

Everything but `seconds` is the same from run to run for the same input.
"""

from __future__ import annotations

import json

from derive.model import CLAIM_KINDS


def step_dict(result):
    step, verdict = result.step, result.verdict
    ce = verdict.counterexample
    cell = getattr(step.location, "cell", None)
    return {**({"cell": cell} if cell else {}),
        "index": step.index, "kind": step.kind, "relation": step.relation,
        "lhs_latex": step.lhs_latex, "latex": step.latex,
        "line": step.location.line, "column": step.location.column,
        "justification": step.justification, "expect": step.expect, "note": step.note,
        "verdict": verdict.status, "method": verdict.method, "detail": verdict.detail,
        "seconds": round(verdict.seconds, 4),
        "counterexample": None if ce is None else {
            "assignment": dict(ce.assignment), "lhs": ce.lhs_value, "rhs": ce.rhs_value,
            "difference": ce.difference, "labels": list(ce.labels)},
    }


def chains(steps):
    """Serialised steps grouped into chains: a step continues the one before when it
    starts where that one ended."""
    grouped = []
    for step in steps:
        if grouped and step["lhs_latex"] == grouped[-1][-1]["latex"] and step["kind"] != "definition":
            grouped[-1].append(step)
        else:
            grouped.append([step])
    return grouped


_ORDER = {"=": 0, "<=": 1, "<": 2, ">=": 1, ">": 2}


def conclusion(chain):
    """What a chain of `=` and bounds proves, as in a `calc` block: `first REL last`, with
    REL the strongest relation in it; None for one step, or mixed directions."""
    steps = [s for s in chain if s["kind"] != "definition"]
    relations = {s["relation"] for s in steps}
    if len(steps) < 2 or relations - set(_ORDER) or ({"<", "<="} & relations and {">", ">="} & relations):
        return None
    relation = max(relations, key=lambda r: _ORDER[r])
    failing = [s["index"] for s in steps if s["verdict"] != "verified"]
    return {"from": steps[0]["index"], "to": steps[-1]["index"], "lhs_latex": steps[0]["lhs_latex"],
            "relation": relation, "latex": steps[-1]["latex"], "proved": not failing,
            "unproved_steps": failing}


def result_dict(result):
    d = result.derivation
    return {"file": d.file, "title": d.title,
            "assumptions": [{"subject": subject, "text": text, "object": obj}
                            for subject, text, obj in d.context.assumptions()],
            "definitions": [x.latex for x in d.context.definitions if x.source == "define"],
            "figures": [{"name": name, "params": dict(params)} for name, params in d.figures],
            "steps": [step_dict(r) for r in result.steps if r.step.kind not in CLAIM_KINDS],
            "claims": [step_dict(r) for r in result.steps if r.step.kind in CLAIM_KINDS],
            "conclusions": [c for c in map(conclusion, chains(
                [step_dict(r) for r in result.steps if r.step.kind not in CLAIM_KINDS])) if c],
            "summary": result.summary}


def render(results, errors):
    """The JSON text for serialised results (`result_dict`s) and input errors (dicts)."""
    payload = {"schema": 1, "derivations": list(results),
               "errors": [{k: e[k] for k in ("file", "cell", "line", "column", "message") if k in e}
                          for e in errors]}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"

"""`derive check --format json`: the documented machine-readable form of results.

Schema (version 2)::

    {"schema": 2,
     "derivations": [
       {"file": str, "title": str,
        "assumptions": [{"subject": str, "text": str, "object": str}],   # subject, object:
                                       # LaTeX, "" when absent; text: words between them
        "definitions": [str, ...],     # the `define` directives in force at any step, in order
        "figures": [{"name": str, "params": {str: str}}],   # asked for by the file
        "steps": [                     # the transitions of chains
          {"index": int,               # 1-based, in file order (shared with claims)
           "kind": "definition" | "equality" | "relation" | "unreadable",
           "relation": "=" | "<=" | "<" | ">=" | ">" | "!=",
           "lhs_latex": str, "latex": str,   # as the author wrote them
           "line": int, "column": int,
           "cell": int,                # notebooks only: the cell (line is within it)
           "justification": str,
           "hypotheses": [str],        # the row's own conditions (LaTeX) it is claimed
                                       # under: `(x > 0)` beside it, `x > 0 \\Rightarrow …`
           "expect": "" | "refuted" | "undecided",   # a verdict the author accepts
           "note": str,                # the author's remark (% derive: note …)
           "verdict": "verified" | "refuted" | "undecided" | "definition" | "error",
           "method": str, "detail": str,
           "reading": str,             # how derive read the step, in plain text
           "message": str,             # for an unreadable row: why it was not read (a
                                       # definition row not read: kind "definition",
                                       # verdict "error", and no step of a chain)
           "source_line": str,         # … and the line it stands on ("" otherwise)
           "seconds": float,
           "counterexample": null | {"assignment": {name: value}, "lhs": str, "rhs": str,
                                     "difference": str, "labels": [str, str]}}],
        "chains": [{"steps": [int], "relation": str | null}],
                                       # consecutive steps, and the relation they compose
                                       # to (null: they prove nothing, e.g. ≤ then ≥)
        "conclusions": [{"from": int, "to": int, "lhs_latex": str, "relation": str,
                         "latex": str, "proved": bool, "unproved_steps": [int],
                         "hypotheses": [str]}],
                                       # what each chain of two or more steps proves, as
                                       # in a calc block: first REL last (from the model),
                                       # under its steps' hypotheses (LaTeX, each once)
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


def step_dict(result):
    step, verdict = result.step, result.verdict
    ce = verdict.counterexample
    cell = getattr(step.location, "cell", None)
    return {
        **({"cell": cell} if cell else {}),
        "index": step.index, "kind": step.kind.value, "relation": step.relation.value,
        "lhs_latex": step.lhs_latex, "latex": step.latex,
        "line": step.location.line, "column": step.location.column,
        "justification": step.justification, "hypotheses": row_conditions(step),
        "expect": step.expect, "note": step.note,
        "verdict": verdict.status.value, "method": verdict.method, "detail": verdict.detail,
        "seconds": round(verdict.seconds, 4), "reading": step.reading, "message": step.message,
        "source_line": step.source_line,
        "counterexample": None if ce is None else {
            "assignment": dict(ce.assignment), "lhs": ce.lhs_value, "rhs": ce.rhs_value,
            "difference": ce.difference, "labels": list(ce.labels)},
    }


def row_conditions(step):
    """The LaTeX of the conditions a step is claimed under that its row states (beside it,
    before its arrow, heading its chain), each once — not the file's `assume`s, shown as
    its assumptions, nor what a chain above proves: a verified step is true only under
    them, so every output shows them beside its verdict."""
    return list(dict.fromkeys(h.latex for h in step.hypotheses
                              if not h.throughout and not h.above))


def result_dict(result):
    d = result.derivation
    from derive.model.names import Kind
    contexts = list({id(c): c for c in [s.context for s in d.steps] + [d.context]}.values())
    assumptions = _in_order(a for c in contexts for a in c.assumptions())
    assumptions.sort(key=lambda a: not a[0])         # general ones ("every integral…") last
    return {"file": d.file, "title": d.title,
            "assumptions": [{"subject": subject, "text": text, "object": obj}
                            for subject, text, obj in assumptions],
            "definitions": _in_order(decl.info.latex for c in contexts for decl in c.table.values()
                                     if decl.kind is Kind.DEFINITION and decl.info.source == "define"),
            "figures": [{"name": name, "params": dict(params)} for name, params in d.figures],
            "steps": [step_dict(r) for r in result.steps if not r.step.kind.is_claim],
            "claims": [step_dict(r) for r in result.steps if r.step.kind.is_claim],
            "chains": [{"steps": list(c.steps), "relation": c.relation.value if c.relation else None}
                       for c in d.chains],
            "conclusions": [{"from": _first(c, result),
                             "to": c.chain.steps[-1], "lhs_latex": c.lhs_latex,
                             "relation": c.chain.relation.value, "latex": c.latex,
                             "proved": c.proved, "unproved_steps": list(c.unproved),
                             "hypotheses": list(c.hypotheses)}
                            for c in result.conclusions],
            "summary": result.summary}


def _in_order(items):
    """Each item once, where it first appears: what any step of the file assumes or defines
    (a name redefined part-way shows both of its definitions, in order)."""
    return list(dict.fromkeys(items))


def _first(conclusion, result):
    """The first checked step of a chain (a definition opening it is not checked)."""
    by_index = {r.step.index: r.step for r in result.steps}
    return next(i for i in conclusion.chain.steps if by_index[i].kind.value != "definition")


def render(results, errors):
    """The JSON text for serialised results (`result_dict`s) and input errors (dicts)."""
    payload = {"schema": 2, "derivations": list(results),
               "errors": [{k: e[k] for k in ("file", "cell", "line", "column", "message") if k in e}
                          for e in errors]}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"

"""Render serialised results into a report, through the format's Jinja template.

Escaping is the default, not a filter to remember: each format's environment escapes
every `{{ … }}` as text for that format (`finalize`), and only the `math` filter (the
author's math, allowlisted) and trusted fragments (the figure's SVG) are marked safe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from derive import __version__
from derive.reports import escape

RELATIONS = {"=": "=", "<=": r"\le", "<": "<", ">=": r"\ge", ">": ">", "!=": r"\ne",
             "propto": r"\propto", "approx": r"\approx"}
WORDS = {"=": "=", "<=": "≤", "<": "<", ">=": "≥", ">": ">", "!=": "≠", "propto": "∝", "approx": "≈"}
MARKS = {"verified": "✓", "refuted": "✗", "undecided": "?", "definition": "≔", "error": "!"}
MATH_MARKS = {"verified": r"\checkmark", "refuted": r"\times", "undecided": "?", "error": "!",
              "definition": r"\text{def}"}


@dataclass(frozen=True)
class Format:
    template: str
    text: object          # escapes plain text
    math: object          # turns the author's math into safe output
    figure: str           # the figure file format ("" to inline SVG)


FORMATS = {
    "md": Format("report.md.j2", escape.md_text, escape.safe_markdown_math, "svg"),
    "tex": Format("report.tex.j2", escape.tex_text, escape.safe_math, "pdf"),
    "html": Format("report.html.j2", escape.html_text, escape.mathml, ""),
}


def template_folder():
    """The templates shipped with derive (the repository's `templates/`)."""
    return Path(str(resources.files("derive.templates")))


def environment(fmt, templates=None):
    spec = FORMATS[fmt]
    folders = [str(templates)] if templates else []
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders + [str(template_folder())]),
        finalize=lambda value: value if isinstance(value, Markup) else Markup(spec.text(value)),
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined, autoescape=False)
    def math(latex):
        return Markup(spec.math(latex))

    def inline(latex):
        return math(latex) if fmt == "html" else Markup(f"${spec.math(latex)}$")

    def name(text):
        """An assignment's name: math, with a trailing remark (`p_{\\theta} at θ2`) as text;
        a label in words (`cells`: the instance's partition) is text."""
        if re.fullmatch(r"[a-z]{2,}", text):
            return Markup(spec.text(text))
        head, sep, tail = text.partition(" at ")
        return inline(head) + (Markup(spec.text(sep + tail)) if sep else "")

    def code(text, cell=False):
        """A file name or other literal: a code span in Markdown (in a table `cell`, its `|`
        escaped, which GFM reads as a cell's end even in code), typewriter in LaTeX."""
        if fmt == "md":
            span = escape.md_code(text)
            return Markup(span.replace("|", "\\|") if cell else span)
        if fmt == "tex":
            return Markup(r"\texttt{%s}" % spec.text(text))
        return Markup(f"<code>{spec.text(text)}</code>")

    env.filters.update(math=math, inline=inline, name=name, code=code,
                       url=lambda path: Markup(quote(path)),
                       rel=lambda relation: Markup(RELATIONS.get(relation, relation)),
                       relword=lambda relation: WORDS.get(relation, relation),
                       mark=lambda status: MARKS[status] if fmt == "html" else Markup(MATH_MARKS[status]))
    return env


PLOT_HINT = "pip install 'derive-checker[plot]'"


class MissingPlotting(Exception):
    """A figure was asked for, and matplotlib (the `plot` extra) is not installed."""


def _figure(request):
    try:
        from derive.reports.figures import make
        return make(request["name"], tuple(request["params"].items()))
    except ImportError as exc:
        raise MissingPlotting(
            f"the figure {request['name']!r} needs matplotlib, which is not installed "
            f"({exc.name or exc}); {PLOT_HINT}, or remove its '% derive: figure' line") from None


def render(results, fmt, figure_prefix="", templates=None, paper="a4"):
    """(report text, {relative file name: bytes}) for serialised results; `paper` (a4 or
    letter) sets the LaTeX report's page size."""
    import sympy
    spec = FORMATS[fmt]
    files, derivations = {}, []
    for result in results:
        figures = []
        for request in result.get("figures", ()):
            figure = _figure(request)
            name = f"{figure_prefix}{figure.name}.{spec.figure}" if spec.figure else ""
            if name:
                files[name] = figure.files[spec.figure]
            svg = Markup(figure.files["svg"].decode().split("?>", 1)[-1]) if not spec.figure else ""
            figures.append({"figure": figure, "file": name, "svg": svg})
        result = {**result, **{key: [_readable_detail(s) for s in result.get(key, ())]
                                for key in ("steps", "claims")}}
        derivations.append({**result, "chains": _chains(result), "figures_made": figures})
    text = environment(fmt, templates).get_template(spec.template).render(
        derivations=derivations, derive_version=__version__, sympy_version=sympy.__version__,
        paper=paper)
    return text, files


def _readable_detail(step):
    """A step or claim with what the engines wrote — its message and its counterexample's
    values — in readable spellings (SymPy's `oo` → ∞); the author's titles, notes and
    justifications are printed as written ("A zoo of divergences" stays so)."""
    def values(item):
        if isinstance(item, dict):
            return {key: values(value) for key, value in item.items()}
        if isinstance(item, (list, tuple)):
            return [values(value) for value in item]
        return escape.readable(item) if isinstance(item, str) else item
    found = {key: values(step[key]) for key in ("detail", "counterexample") if step.get(key)}
    return {**step, **found}


def _chains(result):
    """The result's chains as lists of step dicts, each with the conclusion it proves (the
    model computed both; claims are shown apart) and the rows shown as math: a row derive
    could not read is shown as its source text, never typeset."""
    by_index = {s["index"]: s for s in result["steps"]}
    conclusions = {c["to"]: c for c in result["conclusions"]}
    out = []
    for chain in result["chains"]:
        steps = [by_index[i] for i in chain["steps"] if i in by_index]
        if steps:
            out.append({"steps": steps, "conclusion": conclusions.get(chain["steps"][-1]),
                        "shown": [s for s in steps if s["verdict"] != "error"]})
    return out

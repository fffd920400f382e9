"""MyST (mystmd, Jupyter Book 2) executable plugin: derive checks each page's math on the
page's AST while the site builds.

    # myst.yml
    project:
      plugins:
        - type: executable
          path: derive-myst          # the console script; an absolute path if not on PATH

mystmd runs the plugin with no arguments to learn what it offers (a `derive` directive
and a `derive-check` transform), with `--directive derive` for each ```` ```{derive} ````
block (math that `check marked` selects), and with `--transform derive-check` for each
page, the page's AST (mdast, JSON) on standard input; the AST printed back replaces it.

Directives are MyST comments (`% derive: density p, q`) or HTML comments
(`<!-- derive: … -->`); mystmd does not pass the front matter to plugins. Each checked
display becomes a table of its rows with the verdict marks beside them (math pre-rendered
as MathML) and a `details` note per refuted step with its counterexample; a page derive cannot read gets a warning admonition at the top. Problems
are also written to standard error, which mystmd shows in its debug log; with
`DERIVE_MYST_STRICT=1` a refuted or unreadable step ends the plugin with exit 1, which
fails the build.
"""

from __future__ import annotations

import bisect
import json
import os
import sys

from derive.frontend.documents import Directive, Math, assemble
from derive.frontend.documents.markdown import COMMENT_DIRECTIVE
from derive.frontend.documents.mapped import Mapped
from derive.frontend.errors import InputError, Source

TRANSFORM = "derive-check"
SPEC = {
    "name": "derive: check the derivations on each page",
    "directives": [{"name": "derive", "doc": "Math that derive checks (what `check marked` selects).",
                    "body": {"type": "string", "doc": "the math, as in a math block"}}],
    "transforms": [{"name": TRANSFORM, "doc": "Check every display's steps; mark each row.",
                    "stage": "document"}],
}
class PageSource(Source):
    """The page's math and directives laid one after another, with each line's page line:
    positions are told as the page's lines (columns within the math)."""

    def __init__(self, pieces, file):
        # pieces: [(text, page line of its first line)]
        parts, self._first_lines, self._page_lines, line = [], [], [], 1
        for text, page_line in pieces:
            parts.append(text + "\n")
            self._first_lines.append(line)
            self._page_lines.append(page_line)
            line += text.count("\n") + 1
        super().__init__("".join(parts), file)
        self.starts = []
        at = 0
        for text, _ in pieces:
            self.starts.append(at)
            at += len(text) + 1

    def locate(self, line):
        """The page line of a line of the joined text."""
        k = max(bisect.bisect_right(self._first_lines, line) - 1, 0)
        return self._page_lines[k] + line - self._first_lines[k]

    def error(self, message, offset):
        line, column = self.position(offset)
        return InputError(message, self.file, self.locate(line), column, self.line_text(line))


class BadInput(Exception):
    """What mystmd handed the plugin is not what its protocol promises."""


def _walk(root):
    """(node, parent) of every node, in document order (iterative: any depth)."""
    stack = [(root, None)]
    while stack:
        node, parent = stack.pop()
        yield node, parent
        stack += [(child, node) for child in reversed(node.get("children") or ())]


def check_tree(root):
    """Raise `BadInput` unless `root` is an mdast tree as derive reads it: objects with a
    list of `children`, text `value`s, positions with whole-number lines."""
    stack = [(root, "the page")]
    while stack:
        node, where = stack.pop()
        if not isinstance(node, dict):
            raise BadInput(f"{where} is not a node (a JSON object)")
        kind = node.get("type", "")
        children, value, position = node.get("children") or [], node.get("value", ""), node.get("position")
        if not isinstance(children, list):
            raise BadInput(f"the children of {where} are not a list")
        if not isinstance(value, str):
            raise BadInput(f"the value of {where} ({kind}) is not text")
        if position is not None and not (isinstance(position, dict) and all(
                isinstance(position.get(end) or {}, dict) and
                isinstance((position.get(end) or {}).get("line", 1), int) for end in ("start", "end"))):
            raise BadInput(f"the position of {where} ({kind}) is not {{start: {{line}}, end: {{line}}}}")
        stack += [(child, f"node {n + 1} under {kind or 'a node'}") for n, child in enumerate(children)]


def _line(node, default):
    start = (node.get("position") or {}).get("start") or {}
    return start.get("line") or default


def read_page(root, file="page", mode="displays"):
    """(the page's `Document`, {offset of a display: its math node})."""
    pieces, kinds, line = [], [], 1
    for node, _ in _walk(root):
        kind = node.get("type")
        line = _line(node, line)
        if kind == "comment" or (kind == "html" and node.get("value", "").lstrip().startswith("<!--")):
            value = node.get("value", "")
            for m in COMMENT_DIRECTIVE.finditer(value):     # one per line, as `derive check` reads
                text = f"{m.group('keyword')} {m.group('body')}"
                pieces.append((text, line + value.count("\n", 0, m.start())))
                kinds.append(("directive", node, m.group("keyword")))
        elif kind in ("math", "inlineMath"):
            position = node.get("position") or {}
            spans = (position.get("end") or {}).get("line", line) - line + 1
            lines = node.get("value", "").count("\n") + 1
            first = line + 1 if kind == "math" and spans > lines else line
            pieces.append((node.get("value", ""), first))
            kinds.append((kind, node, None))
    source = PageSource(pieces, file)
    found, nodes_at = [], {}
    for start, (text, _), (kind, node, keyword) in zip(source.starts, pieces, kinds):
        if kind == "directive":
            found.append(Directive(keyword, text[len(keyword) + 1:], start + len(keyword) + 1, start))
        else:
            found.append(Math(start, start + len(text), Mapped.copy(source.text, start, start + len(text)),
                              marked="derive" in str(node.get("class", "")).split(),
                              inline=kind == "inlineMath"))
            nodes_at[start] = node
    return assemble(source, found, "myst", mode), nodes_at


def transform(root, file="page", mode="displays", budget=5.0):
    """The page's AST with every checked display marked; (AST, problems as text)."""
    from derive.interfaces.annotate import check_page, problems
    try:
        document, nodes_at = read_page(root, file, mode)
        if not document.displays:
            return root, []
        blocks, result = check_page(document, file, budget)
    except InputError as exc:
        message = f"derive: line {exc.line}: {exc.message}"
        root.setdefault("children", []).insert(0, _admonition(message))
        return root, [message]
    parents = {id(node): parent for node, parent in _walk(root)}
    for block in blocks:
        node = nodes_at.get(block.start)
        if node is not None and any(row["steps"] for row in block.rows):
            siblings = parents[id(node)]["children"]
            at = next(i for i, n in enumerate(siblings) if n is node)
            siblings[at:at + 1] = _marked(node, block)
    source = document.source
    messages = [f"derive: line {source.locate(step['line'])}, column {step['column']}: "
                f"{step['message']}" if verdict == "error" else
                f"derive: line {source.locate(step['line'])}: step {step['index']} is {verdict}: "
                f"{step['lhs_latex']} {step['relation']} {step['latex']}"
                for step, verdict in problems(result)]
    unread = [m for m, (_, verdict) in zip(messages, problems(result)) if verdict == "error"]
    if unread:                   # math derive could not read: said at the top of the page
        root.setdefault("children", []).insert(0, _admonition("\n".join(unread)))
    return root, messages


def _marked(node, block):
    """What replaces a checked math node: a table of its rows with their marks (keeping
    the node's label), then a `details` note per refuted step."""
    from derive.interfaces.annotate import MARKS, _expected, _title
    from derive.reports.escape import readable
    table_rows, notes = [], []
    for row in block.rows:
        cells = ([_cell([_math(row["latex"])])] if row["latex"] is not None
                 else [_cell([_math(row["left"])]), _cell([_math(row["right"])])])
        marks = _cell([_text(" ".join(MARKS.get(s["verdict"], "!") for s in row["steps"]))])
        marks["class"] = "derive-marks " + " ".join(
            f"derive-{s['verdict']}" + (" derive-expected" if _expected(s) else "") for s in row["steps"])
        marks["title"] = "; ".join(_title(s) for s in row["steps"])
        table_rows.append({"type": "tableRow", "children": cells + [marks]})
        notes += [s for s in row["steps"] if s["verdict"] in ("refuted", "undecided", "error")]
    keep = {k: node[k] for k in ("position", "label", "identifier") if k in node}
    children = [{"type": "table", "class": "derive-chain", **keep, "children": table_rows}]
    for step in notes:
        summary = f"{MARKS.get(step['verdict'], '!')} step {step['index']} {step['verdict']}"
        summary += ", as the page expects" if _expected(step) else ""
        body = [{"type": "paragraph", "children": [_text(readable(step.get("detail") or step.get("message", "")))]}]
        ce = step.get("counterexample")
        if ce:
            pairs = list(ce["assignment"].items())
            pairs += list(zip((*ce["labels"], "difference"), (ce["lhs"], ce["rhs"], ce["difference"])))
            body.append({"type": "table", "children": [
                {"type": "tableRow", "children": [_cell([_text(k)]), _cell([_text(v)])]} for k, v in pairs]})
        children.append({"type": "details", "class": "derive-note",
                         "children": [{"type": "summary", "children": [_text(summary)]}, *body]})
    return children


def _cell(children):
    return {"type": "tableCell", "children": children}


def _text(value):
    return {"type": "text", "value": str(value)}


def _math(latex):
    from derive.reports.escape import mathml
    if not latex.strip():
        return _text("")
    return {"type": "inlineMath", "value": "\\displaystyle " + latex,
            "html": mathml(latex).replace("<math ", '<math displaystyle="true" ', 1)}


def _admonition(message):
    return {"type": "admonition", "kind": "warning", "children": [
        {"type": "admonitionTitle", "children": [_text("derive could not check this page")]},
        {"type": "paragraph", "children": [_text(message)]}]}


def main(argv=None):
    """The executable plugin's command line (mystmd's protocol)."""
    import argparse
    parser = argparse.ArgumentParser(prog="derive-myst", description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--role")
    group.add_argument("--directive")
    group.add_argument("--transform")
    args = parser.parse_args(argv)
    try:
        if args.directive:
            data = _stdin_json()
            if not isinstance(data, dict) or not isinstance(data.get("body") or "", str):
                raise BadInput("the directive's data is not an object with a text body")
            json.dump([{"type": "math", "value": data.get("body") or "", "class": "derive"}], sys.stdout)
            return 0
        if args.transform:
            return _transform_stdin()
    except BadInput as exc:
        print(f"derive-myst: {exc}", file=sys.stderr)
        return 2
    if args.role:
        parser.error("derive offers no roles")
    json.dump(SPEC, sys.stdout)
    return 0


def _stdin_json():
    try:
        return json.load(sys.stdin)
    except (ValueError, RecursionError) as exc:
        raise BadInput(f"standard input is not JSON ({exc})") from None


def _transform_stdin():
    """`--transform derive-check`: the page's AST in, the marked AST out; exit 2 for bad
    input or configuration, 1 for problems under `DERIVE_MYST_STRICT`."""
    from derive.frontend.documents import CHECK_MODES
    mode = os.environ.get("DERIVE_MYST_CHECK", "displays")
    if mode not in CHECK_MODES:
        raise BadInput(f"DERIVE_MYST_CHECK must be one of {', '.join(CHECK_MODES)}, not {mode!r}")
    from derive.options import Options
    budget_text = os.environ.get("DERIVE_MYST_BUDGET", "5")
    try:
        budget = Options(budget=float(budget_text)).budget
    except ValueError:
        raise BadInput(f"DERIVE_MYST_BUDGET must be a number of seconds, not {budget_text!r} "
                       f"(more than 0, at most an hour)") from None
    root = _stdin_json()
    check_tree(root)
    root, failing = transform(root, mode=mode, budget=budget)
    try:
        text = json.dumps(root, allow_nan=False)      # mystmd's JSON.parse takes no Infinity
    except ValueError:
        raise BadInput("the page's tree holds a number JSON cannot carry (NaN or Infinity)") \
            from None
    sys.stdout.write(text)
    for line in failing:
        print(line, file=sys.stderr)
    return 1 if failing and os.environ.get("DERIVE_MYST_STRICT") else 0


if __name__ == "__main__":
    sys.exit(main())

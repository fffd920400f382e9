"""Sphinx extension: derive checks the math of each page while the site builds.

    # conf.py
    extensions = ["myst_parser", "derive.sphinx"]   # Jupyter Book 1: sphinx: extra_extensions
    derive_check = "displays"       # or "marked" (only ```{derive} blocks), "inline", "none"
    derive_budget = 5.0             # seconds per step
    derive_undecided = "warning"    # or "info": how an undecided step is reported

Pages written in MyST Markdown (`.md`) and notebooks (`.ipynb`) are read as `derive check`
reads them (directives in `<!-- derive: … -->` comments, `%` comment lines or a `derive:`
front-matter key; see the README). In the HTML, each checked display becomes a table of
its rows with the verdict mark of each step beside its row, and a refuted step's
counterexample sits in a collapsible note under it. A refuted step — and an undecided one,
unless `derive_undecided = "info"` — and math derive cannot read are build warnings, so
`sphinx-build -W` fails on them. A verdict the page expects (`expect refuted`) is shown,
not warned about. Other builders (LaTeX, text, …) show the math as before.

Math a page takes from another file (`{include}`) is checked in that file, read as a
document of its own (its own directives), and its warnings name that file; a page with a
problem is read again at every build, so an incremental build warns again.

The ```` ```{derive} ```` directive is math, like ```` ```{math} ````, that
`derive_check = "marked"` selects.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.directives.patches import MathDirective
from sphinx.util import logging

from derive import __version__

logger = logging.getLogger(__name__)
SUFFIXES = (".md", ".ipynb")


class derive_display(nodes.General, nodes.Element):
    """A checked display: its blocks's rows and verdicts; the original math_block inside
    for builders other than HTML."""


class DeriveDirective(MathDirective):
    """```` ```{derive} ````: math that derive checks (under `derive_check = "marked"`,
    the only math it checks)."""

    def run(self):
        result = super().run()
        for node in result:
            if isinstance(node, nodes.math_block):
                node["classes"].append("derive")
        return result


def _check_config(app, config):
    from sphinx.errors import ConfigError

    from derive.frontend.documents import CHECK_MODES
    if config.derive_check not in CHECK_MODES:
        raise ConfigError(f"derive_check must be one of {', '.join(CHECK_MODES)}, "
                          f"not {config.derive_check!r}")
    from derive.options import Options
    try:
        Options(budget=config.derive_budget)
    except ValueError as exc:
        raise ConfigError(f"derive_budget: {exc}") from None
    if config.derive_undecided not in ("warning", "info"):
        raise ConfigError(f"derive_undecided must be 'warning' or 'info', not {config.derive_undecided!r}")


def setup(app):
    app.add_config_value("derive_check", "displays", "env", types=frozenset({str}))
    app.add_config_value("derive_budget", 5.0, "env", types=frozenset({float, int}))
    app.add_config_value("derive_undecided", "warning", "env", types=frozenset({str}))
    app.add_directive("derive", DeriveDirective)
    passthrough = (_visit_passthrough, _depart_passthrough)
    app.add_node(derive_display, html=(_visit_html, _depart_passthrough), latex=passthrough,
                 text=passthrough, man=passthrough, texinfo=passthrough)
    app.connect("config-inited", _check_config)
    app.connect("doctree-read", check_doctree)
    app.connect("env-get-outdated", _outdated)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("html-page-context", _add_css)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}


def check_doctree(app, doctree):
    """Check the math of the page and of the files it includes (`{include}`), each file as
    a document of its own; replace each checked display by a `derive_display`."""
    env = app.env
    docname = env.docname
    page = Path(env.doc2path(docname)).resolve()
    if page.suffix.lower() not in SUFFIXES:
        return
    by_source = {page: []}
    for node in doctree.findall(nodes.math_block):
        by_source.setdefault(_source_of(node, page), []).append(node)
    failing = False
    for path, math_nodes in by_source.items():
        if path != page:
            env.note_dependency(str(path))
        if path.suffix.lower() not in SUFFIXES:
            logger.warning("derive: math included from %s is not checked: derive reads .md and "
                           ".ipynb files", path.name, location=math_nodes[0], type="derive",
                           subtype="include")
            failing = True
            continue
        failing |= _check_file(app, docname if path == page else None, path, math_nodes)
    if failing:
        env.derive_failing = getattr(env, "derive_failing", set()) | {docname}


def _source_of(node, page):
    """The file a math node comes from: an included file's, else the page."""
    source = node.source or ""
    path = Path(source)
    return path.resolve() if source and path.is_file() else page


def _check_file(app, docname, path, math_nodes):
    """Check one file (the page, `docname`, or a file it includes: None) and put its blocks
    in place of its math nodes; True when something is warned about."""
    from derive.frontend import InputError, read_text
    from derive.frontend.documents import read
    from derive.interfaces.annotate import check_page, problems

    def location(line):
        return (docname, line) if docname else f"{path}:{line}" if line else str(path)

    try:
        document = read(path, read_text(path), app.config.derive_check)
        if not document.displays:
            return False
        blocks, result = check_page(document, path, float(app.config.derive_budget))
    except InputError as exc:
        logger.warning("derive: %s", _position_and_message(exc), location=location(exc.line),
                       type="derive", subtype="input")
        return True
    failing = problems(result)
    _report(app, location, document, failing)
    _attach(math_nodes, document, blocks)
    return bool(failing)


def _outdated(app, env, added, changed, removed):
    """Pages with problems are read again at every build, so that an incremental build
    (a kept `_build`) warns about them again and `-W` still fails."""
    return sorted(getattr(env, "derive_failing", set()) - set(removed))


def _purge(app, env, docname):
    getattr(env, "derive_failing", set()).discard(docname)


def _merge(app, env, docnames, other):
    env.derive_failing = getattr(env, "derive_failing", set()) | \
        (getattr(other, "derive_failing", set()) & set(docnames))


def _position_and_message(exc):
    """`line 25, column 27: unexpected '*' …` and the line with a caret (the file and the
    line are in the warning's location already)."""
    from derive.interfaces.terminal import printable
    text = str(exc)
    detail = text.split(": error: ", 1)[1] if ": error: " in text else exc.message
    where = f"cell {exc.cell}, " if exc.cell is not None else ""
    if exc.column is not None:
        where += f"line {exc.line}, column {exc.column}: "
    return "\n".join(printable(line) for line in (where + detail).split("\n"))


def _report(app, location, document, failing):
    """Each problem as a warning at `location(line)` (an info for an undecided step under
    `derive_undecided = "info"`)."""
    from derive.interfaces.terminal import SYMBOLS, printable
    from derive.reports.escape import readable
    for step, verdict in failing:
        if verdict == "error":              # a row derive could not read: where, and why
            from derive.frontend import InputError
            exc = InputError(step["message"], document.source.file, step["line"], step["column"],
                             step.get("source_line") or None, step.get("cell"))
            logger.warning("derive: %s", _position_and_message(exc),
                           location=location(step["line"]), type="derive", subtype="error")
            continue
        line = step["line"]
        where = ""
        if hasattr(document.source, "locate"):
            cell, local = document.source.locate(line)
            where, line = f" (cell {cell}, line {local})", None
        relation = SYMBOLS.get(step["relation"], step["relation"])
        message = printable(f"derive: step {step['index']} is {verdict}{where}: {step['lhs_latex']} "
                            f"{relation} {step['latex']} — {readable(step.get('detail', ''))}")
        if verdict == "undecided" and app.config.derive_undecided == "info":
            logger.info(message, location=location(line))
        else:
            logger.warning(message, location=location(line), type="derive", subtype=verdict)


def _attach(math_nodes, document, blocks):
    """Put each block in place of the math node of its file that shows it: the block that
    starts on the node's line and holds the node's math, else (a notebook's cells have lines
    of their own) the next block whose source holds it."""
    source = document.source
    by_line = {} if hasattr(source, "locate") else {source.position(b.start)[0]: b for b in blocks}
    remaining = list(blocks)

    def holds(block, math):
        return math in "".join(source.text[block.start:block.end].split())

    for node in math_nodes:
        math = "".join(node.astext().split())
        block = by_line.get(node.line) if by_line else None
        if block is not None and not holds(block, math):
            block = None
        if block is None and not by_line and math:
            block = next((b for b in remaining if holds(b, math)), None)
        if block is None:
            continue
        remaining = remaining[remaining.index(block) + 1:] if block in remaining else remaining
        if any(row["steps"] for row in block.rows):
            _replace(node, block)


def _replace(node, block):
    wrapper = derive_display()
    wrapper["rows"] = block.rows
    wrapper["number"] = node.get("number")
    wrapper["ids"] = list(node["ids"])
    node.replace_self(wrapper)
    node["ids"] = []
    wrapper += node


def _visit_html(translator, node):
    from derive.interfaces.annotate import Block, block_html
    block = Block(0, 0, node["rows"])
    anchors = "".join(f'<span id="{i}"></span>' for i in node["ids"])
    translator.body.append(anchors + block_html(block, node.get("number")))
    raise nodes.SkipNode


def _visit_passthrough(translator, node):
    pass


def _depart_passthrough(translator, node):
    pass


def _add_css(app, pagename, templatename, context, doctree):
    from derive.interfaces.annotate import CSS
    if doctree is not None and any(True for _ in doctree.findall(derive_display)):
        context["body"] = f"<style>{CSS}</style>\n" + context.get("body", "")

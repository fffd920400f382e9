"""Markdown and MyST pages (as Jupyter Book and Sphinx with MyST-Parser read them).

Math: `$$…$$` blocks, ```` ```{math} ````/`:::{math}` directives (their `:label:`
options skipped), GitHub's ```` ```math ```` fences, amsmath environments written
straight into the text (`\\begin{align}…\\end{align}`), and ```` ```{derive} ```` blocks,
which are math that `check marked` selects. Inline `$…$`, `\\(…\\)` (closed in its
paragraph) and `` {math}`…` `` only under `check inline`. Directives: `<!-- derive: … -->` comments (one per line inside), MyST `%`
comment lines, `%` comment lines inside math, and a `derive:` key in the front matter —
a list of directives (`- density p, q`) or a mapping (`density: p, q`).

Code — fenced blocks, indented code blocks, code directives (`{code-cell}`,
`{code-block}`, …), inline code spans — is skipped, directives in it included; directives whose body is Markdown (`{note}`, `{prf:proof}`, …) are
read through.
"""

from __future__ import annotations

import re

import yaml

from derive.frontend.documents import Directive, Math, assemble, with_title
from derive.frontend.documents.mapped import Mapped
from derive.frontend.documents.tex import DIRECTIVE, DISPLAY_ENVIRONMENTS

MATH_FENCES = ("{math}", "math", "{derive}")
CODE_DIRECTIVES = ("code", "code-block", "sourcecode", "code-cell", "literalinclude", "raw",
                   "eval-rst", "eval-md", "mermaid", "graphviz", "csv-table", "include",
                   "glue", "glue:figure", "jupyter-execute", "ipython", "bibliography")
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,}|:{3,})[ \t]*(?P<info>[^\n]*)$", re.M)
_OPTION = re.compile(r"[ \t]*:[\w-]+:[^\n]*(?:\n|$)")
_OPENER = re.compile(
    r"<!--|`+|\{math\}`|\$\$|\\begin\{(?P<ename>(?:%s)\*?)\}|(?<![\\$])\$(?![\s$])|"
    r"(?<!\\)\\\("
    % "|".join(DISPLAY_ENVIRONMENTS))
# the `$` that closes inline math: not escaped, not after a blank, not before a digit
_INLINE_CLOSE = re.compile(r"(?<=[^\s\\])\$(?!\d)")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")       # a paragraph's end
# One directive per line of an HTML comment (or of a MyST comment, in the MyST plugin).
COMMENT_DIRECTIVE = re.compile(r"^[ \t]*(?:<!--|%+)?[ \t]*derive:[ \t]*"
                               r"(?P<keyword>[A-Za-z]+(?:-[A-Za-z]+)*|)[ \t]*"
                               r"(?P<body>.*?)[ \t]*(?:-->)?[ \t]*$", re.M)
_MYST_COMMENT = re.compile(r"^[ \t]*%[^\n]*", re.M)


_HEADING = re.compile(r"^#[ \t]+(?P<title>[^\n]+?)[ \t#]*$", re.M)


def read_markdown(source, mode="displays"):
    found = scan(source, 0, len(source.text), front_matter=True)
    return assemble(source, with_title(found, *page_title(source, [(0, len(source.text))])),
                    "markdown", mode)


def page_title(source, regions):
    """(title, offset): the front matter's `title`, else the first `# heading`."""
    text = source.text
    start, end = regions[0] if regions else (0, 0)
    front = re.compile(r"---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*$", re.M | re.S).match(text, start, end)
    if front:
        title = re.search(r"^title:[ \t]*(?P<t>[^\n]+)$", front.group(1), re.M)
        if title:
            return title.group("t").strip().strip("'\""), front.start(1) + title.start("t")
    for start, end in regions:
        heading = _HEADING.search(text, start, end)
        if heading:
            return heading.group("title"), heading.start("title")
    return "", 0


def scan(source, start, end, front_matter=False):
    """What the Markdown in `source.text[start:end]` holds: `Directive` and `Math` items.

    One pass over the text, each closer looked for once: once a closer (`$$`,
    `\\end{align}`, a run of backticks) is known to be missing from some point on, it is
    not looked for again, so unclosed openers cost nothing more."""
    text = source.text
    found = []
    if front_matter:
        start, found = _front_matter(source, start, end)
    skip = []                                  # spans that are not prose: code, fences
    for kind, (a, b), (c, d) in _fenced_blocks(source, start, end):
        skip.append((a, b))
        if kind in ("math", "derive"):
            content = _without_options(Mapped.copy(text, c, d))
            found.append(Math(a, b, content, marked=kind == "derive"))
            found += _comment_directives(text, c, d)
    prose = _blanked(text, start, end, skip)
    codes = _indented_code(prose, start, end)
    comments = []
    for m in _MYST_COMMENT.finditer(prose, start, end):
        comments += _comment_directives(text, m.start(), m.end())
    prose = _MYST_COMMENT.sub(lambda m: " " * len(m.group(0)), prose)
    closers = _Closers(prose, end)
    i, code = start, 0
    while True:
        m = _OPENER.search(prose, i, end)
        while code < len(codes) and codes[code][0] < i:    # inside math or a comment: not code
            code += 1
        if code < len(codes) and (m is None or codes[code][0] <= m.start()):
            a, i = codes[code]
            comments = [c for c in comments if not a <= c.offset < i]
            continue
        if m is None:
            return found + comments
        token, i = m.group(0), m.end()
        if token == "<!--":
            close = closers.find("-->", m.end())
            close = end if close < 0 else close + 3
            found += [Directive(h.group("keyword"), h.group("body"), m.start() + h.start("body"),
                                m.start() + h.start("keyword"))
                      for h in COMMENT_DIRECTIVE.finditer(text[m.start():close])]
            i = close
        elif token.startswith("`"):
            close = closers.find_run(token, m.end())
            i = close + len(token) if close >= 0 else m.end()
        elif token == "{math}`":
            close = closers.find("`", m.end())
            if close >= 0:
                found.append(Math(m.start(), close + 1, Mapped.copy(text, m.end(), close), inline=True))
                i = close + 1
        elif token == "$$":
            close = closers.find("$$", m.end())
            if close < 0:
                raise source.error("this math is not closed: no $$ after it", m.start())
            found.append(Math(m.start(), close + 2, Mapped.copy(text, m.end(), close)))
            found += _comment_directives(text, m.end(), close)
            i = close + 2
        elif token == "\\(":                  # MathJax's inline math: closes in its paragraph
            close = closers.paren_close(m.end())
            if close >= 0:
                found.append(Math(m.start(), close + 2, Mapped.copy(text, m.end(), close),
                                  inline=True))
                i = close + 2
        elif token.startswith("\\begin"):
            closer = "\\end{%s}" % m.group("ename")
            close = closers.find(closer, m.end())
            if close < 0:
                raise source.error(f"this environment is not closed: no {closer} after it", m.start())
            found.append(Math(m.start(), close + len(closer), Mapped.copy(text, m.start(), close + len(closer))))
            found += _comment_directives(text, m.start(), close)
            i = close + len(closer)
        else:                                  # `$`: inline math closes on its own line
            close = closers.inline_close(m.end())
            if close is not None:
                found.append(Math(m.start(), close.end(), Mapped.copy(text, m.end(), close.start()),
                                  inline=True))
                i = close.end()


_LIST_ITEM = re.compile(r"(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)")


def _indented_code(prose, start, end):
    """[(start, end)] of CommonMark's indented code blocks in `prose[start:end]`: lines
    indented by 4 columns or more past the list item they stand in (if any), after a blank
    line — code, as MyST shows them, never math or directives."""
    blocks, container, blank_before, block = [], 0, True, None
    for line in re.finditer(r"[^\n]*\n?", prose[start:end]):
        if not line.group(0):
            break
        a, b = start + line.start(), start + line.end()
        body = line.group(0).rstrip("\n")
        if not body.strip():
            blank_before = True
            continue
        indent = len(body.expandtabs(4)) - len(body.expandtabs(4).lstrip())
        if block is not None and indent >= container + 4:
            block[1] = b
            continue
        block = None
        if blank_before and indent < container:
            container = 0                      # the list ended
        if blank_before and indent >= container + 4:
            block = [a, b]
            blocks.append(block)
        else:
            item = _LIST_ITEM.match(body.expandtabs(4), indent)
            if item is not None:
                container = item.end() if item.group(0).strip() != item.group(0) else indent + 2
        blank_before = False
    return [tuple(b) for b in blocks]


def _blanked(text, start, end, spans):
    """`text` with everything outside `start:end` and inside `spans` blanked (newlines
    kept), in one pass."""
    pieces, at = [_blank(text[:start])], start
    for a, b in sorted(spans):
        if a >= at:
            pieces += [text[at:a], _blank(text[a:b])]
            at = b
    pieces += [text[at:end], _blank(text[end:])]
    return "".join(pieces)


def _blank(piece):
    return re.sub(r"[^\n]", " ", piece)


class _Closers:
    """Finds closers in `text[:end]`, remembering from where each one is missing."""

    def __init__(self, text, end):
        self.text, self.end, self.missing = text, end, {}
        self._line = (0, -1)          # (from, the line end found from there)
        self._inline = (0, -1, None)  # (from, its line end, the inline closer found or None)
        self._paren = (0, -1, -1)     # (from, the `\\)` found or -1, the paragraph's end)

    def find(self, closer, at):
        if at >= self.missing.get(closer, self.end + 1):
            return -1
        found = self.text.find(closer, at, self.end)
        if found < 0:
            self.missing[closer] = at
        return found

    def find_run(self, run, at):
        """The next run of exactly `len(run)` backticks (a code span's closer)."""
        while True:
            found = self.find(run, at)
            if found < 0:
                return -1
            after = found + len(run)
            if self.text[after:after + 1] != "`" and self.text[found - 1:found] != "`":
                return found
            while after < self.end and self.text[after] == "`":
                after += 1
            at = after

    def line_end(self, at):
        start, found = self._line
        if not start <= at <= found:
            found = self.text.find("\n", at, self.end)
            found = self.end if found < 0 else found
            self._line = (at, found)
        return found

    def paren_close(self, at):
        """Where the `\\)` closing `\\(` inline math opened before `at` stands, in the same
        paragraph, or -1 — answered from the last search for every start it covers."""
        start, found, paragraph = self._paren
        if not start <= at <= (found if found >= 0 else paragraph):
            blank = _BLANK_LINE.search(self.text, at, self.end)
            paragraph = blank.start() if blank else self.end
            found = self.text.find("\\)", at, paragraph)
            self._paren = (at, found, paragraph)
        return found

    def inline_close(self, at):
        """The `$` that closes inline math opened before `at`, on the same line, or None.
        A search that found nothing (or found `c`) answers for every later start up to the
        line's end (up to `c`): a line of many `$` is scanned once, not once per `$`."""
        start, line_end, found = self._inline
        if start <= at and (at <= found.start() if found is not None else at <= line_end):
            return found
        line_end = self.line_end(at)
        found = _INLINE_CLOSE.search(self.text, at, line_end)
        self._inline = (at, line_end, found)
        return found


def _comment_directives(text, start, end):
    """`% derive:` lines in `text[start:end]` (comments in math, MyST comment lines)."""
    return [Directive(m.group("keyword"), m.group("body").rstrip(), start + m.start("body"),
                      start + m.start("keyword"))
            for m in DIRECTIVE.finditer(text[start:end])
            if text[start:start + m.start()].rsplit("\n", 1)[-1].strip() == ""]


def _fenced_blocks(source, start, end):
    """[(kind, (block start, block end), (content start, content end))] for the fenced
    blocks in `start:end` that are code or math; fences of directives whose body is
    Markdown are blanked alone (their body is read as prose)."""
    text = source.text
    blocks, stack, at = [], [], start
    while True:
        m = _FENCE.search(text, at, end)
        if m is None:
            break
        fence, info = m.group("fence"), m.group("info").strip()
        line_end = min(m.end() + 1, end)
        if stack and fence[0] == stack[-1][0][0] and len(fence) >= len(stack[-1][0]) and not info:
            opened, opened_at = stack.pop()
            blocks.append(("markdown", (opened_at, opened_at), (m.start(), m.end())))
            at = line_end
            continue
        kind = _fence_kind(fence, info)
        if kind == "markdown":
            stack.append((fence, m.start()))
            blocks.append(("markdown", (m.start(), m.end()), (m.start(), m.start())))
            at = line_end
            continue
        close = re.compile(r"^[ \t]*%s%s*[ \t]*$" % (re.escape(fence), re.escape(fence[0])), re.M)
        c = close.search(text, line_end, end)
        if c is None:
            if kind == "code":
                blocks.append((kind, (m.start(), end), (line_end, end)))
                break
            raise source.error(f"this {info or fence} block is not closed: no {fence} after it",
                               m.start())
        blocks.append((kind, (m.start(), c.end()), (line_end, c.start())))
        at = min(c.end() + 1, end)
    # a closing fence of a Markdown-bodied directive is blanked like its opening fence
    return [(k, (a, b) if a != b else c, c) if k == "markdown" else (k, (a, b), c)
            for k, (a, b), c in blocks]


def _fence_kind(fence, info):
    name = info.split()[0] if info else ""
    if name in MATH_FENCES:
        return "derive" if name == "{derive}" else "math"
    if name.startswith("{") and name.endswith("}"):
        return "code" if name[1:-1] in CODE_DIRECTIVES else "markdown"
    if fence[0] == ":":
        return "markdown"                      # a colon fence without a directive name
    return "code"


def _without_options(content):
    """A MyST directive's body without its leading options (`:label: …`, or a `---` YAML
    block)."""
    text = content.text
    at = 0
    if re.match(r"[ \t]*---[ \t]*\n", text):
        close = re.search(r"^[ \t]*---[ \t]*$", text[3:], re.M)
        if close:
            return content.blank_span(0, 3 + close.end())
    while True:
        m = _OPTION.match(text, at)
        if m is None:
            return content.blank_span(0, at)
        at = m.end()


def _front_matter(source, start, end):
    """(where the page's body starts, the directives of a `derive:` key)."""
    text = source.text
    m = re.compile(r"---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*$", re.M | re.S).match(text, start, end)
    if m is None:
        return start, []
    try:
        root = yaml.compose(text[m.start(1):m.end(1)], Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise source.error(f"malformed front matter: {exc.problem or 'not YAML'}",
                           m.start(1) + (mark.index if mark else 0)) from None
    directives = []
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "derive":
                from derive.frontend.yaml_file import check_tags
                check_tags(value, source, m.start(1))
                directives = _front_matter_directives(source, value, m.start(1))
    return m.end(), directives


def _front_matter_directives(source, node, base):
    def at(n):
        return base + n.start_mark.index

    out = []
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            if not isinstance(item, yaml.ScalarNode):
                raise source.error("each derive: entry is one directive, such as 'density p, q'", at(item))
            keyword, _, body = item.value.strip().partition(" ")
            offset = at(item) + len(item.value) - len(body) if source.text.startswith(item.value, at(item)) \
                else at(item)
            out.append(Directive(keyword, body.strip(), offset, at(item)))
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                raise source.error("each key under derive: is a directive's name, such as "
                                   "'density'", at(key))
            values = value.value if isinstance(value, yaml.SequenceNode) else [value]
            for v in values:
                if not isinstance(v, yaml.ScalarNode):
                    raise source.error(f"derive: {key.value} takes text", at(v))
                out.append(Directive(key.value, v.value.strip(), at(v), at(key)))
    else:
        raise source.error("derive: in the front matter takes a list of directives or a mapping",
                           at(node))
    return out

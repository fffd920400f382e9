"""The MyST (mystmd) executable plugin, run as mystmd runs it: a process given the page's
AST on standard input. The AST is one mystmd 1.8.3 wrote for this page (its pre-rendered
KaTeX `html` fields dropped to keep it small):

    ---
    title: Cross-entropy and KL
    ---
    <!-- derive: density p, q -->

    The cross-entropy splits into entropy and KL:

    $$
    H(p, q) &= -\\int p(x) \\log q(x) \\, dx \\\\
            &= H(p) + D_{KL}(q \\| p)
    $$

    % derive: expect refuted
    ```{math}
    :label: asym
    D_{KL}(p \\| q) = D_{KL}(q \\| p)
    ```

    Gibbs, inline $D_{KL}(p \\| q) \\ge 0$:

    ```{derive}
    D_{KL}(p \\| q) \\ge 0
    ```
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

AST = Path(__file__).parent / "data" / "myst-page.ast.json"


def plugin(*args, stdin="", env=None):
    proc = subprocess.run([sys.executable, "-m", "derive.myst", *args], input=stdin,
                          capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, **(env or {})))
    return proc.returncode, proc.stdout, proc.stderr


def nodes(tree, kind):
    found = [tree] if tree.get("type") == kind else []
    for child in tree.get("children", ()):
        found += nodes(child, kind)
    return found


def text(tree):
    return tree.get("value", "") if tree.get("type") == "text" else "".join(map(text, tree.get("children", ())))


def test_the_plugin_declares_a_transform_and_a_directive():
    code, out, _ = plugin()
    spec = json.loads(out)
    assert code == 0
    assert spec["transforms"] == [{"name": "derive-check", "doc": spec["transforms"][0]["doc"], "stage": "document"}]
    assert [d["name"] for d in spec["directives"]] == ["derive"]
    code, out, _ = plugin("--directive", "derive", stdin=json.dumps({"name": "derive", "body": "a = a"}))
    assert json.loads(out) == [{"type": "math", "value": "a = a", "class": "derive"}]


def test_the_transform_marks_each_row_and_notes_counterexamples():
    code, out, err = plugin("--transform", "derive-check", stdin=AST.read_text())
    assert code == 0
    tree = json.loads(out)
    block = tree["children"][0]["children"]
    assert [n["type"] for n in block] == ["comment", "paragraph", "table", "details", "comment",
                                          "table", "details", "paragraph", "table"]
    marks = [[text(row["children"][-1]) for row in table["children"]] for table in nodes(tree, "table")
             if table.get("class") == "derive-chain"]
    assert marks == [["✓", "✗"], ["✗"], ["✓"]]
    first = block[2]["children"]
    assert [c["value"] for c in nodes(first[0], "inlineMath")] == [
        "\\displaystyle H(p, q)", "\\displaystyle = -\\int p(x) \\log q(x) \\, dx"]
    assert all(m["html"].startswith("<math displaystyle=\"true\"") for m in nodes(first[0], "inlineMath"))
    assert block[5]["identifier"] == "asym"                  # the label still resolves
    note = block[3]
    assert text(note["children"][0]) == "✗ step 2 refuted"
    values = [[text(c) for c in row["children"]] for row in nodes(note, "tableRow")]
    assert [row[0] for row in values] == ["cells", "p", "q", "left side", "right side", "difference"]
    assert text(block[6]["children"][0]) == "✗ step 3 refuted, as the page expects"
    assert "derive-expected" in block[5]["children"][0]["children"][-1]["class"]
    assert err.strip() == ("derive: line 12: step 2 is refuted: -\\int p(x) \\log q(x) \\, dx = "
                           "H(p) + D_{KL}(q \\| p)")


def test_strict_mode_fails_the_build_and_marked_mode_checks_only_derive_blocks():
    code, _, err = plugin("--transform", "derive-check", stdin=AST.read_text(),
                          env={"DERIVE_MYST_STRICT": "1"})
    assert code == 1 and "step 2 is refuted" in err
    code, out, err = plugin("--transform", "derive-check", stdin=AST.read_text(),
                            env={"DERIVE_MYST_STRICT": "1", "DERIVE_MYST_CHECK": "marked"})
    assert code == 0 and err == ""
    tables = [t for t in nodes(json.loads(out), "table") if t.get("class") == "derive-chain"]
    assert len(tables) == 1 and text(tables[0]) .endswith("✓")


def test_unreadable_math_becomes_a_warning_on_the_page():
    tree = json.loads(AST.read_text())
    math = next(n for n in nodes(tree, "math") if n.get("class") == "derive")
    math["value"] = "D_{KL}(p \\| q) \\ge + *"
    code, out, err = plugin("--transform", "derive-check", stdin=json.dumps(tree))
    page = json.loads(out)
    warning = page["children"][0]
    assert warning["type"] == "admonition" and warning["kind"] == "warning"
    assert "unexpected '*'" in text(warning) and "derive: line" in err


@pytest.mark.parametrize("args, stdin, env, message", [
    (("--transform", "derive-check"), "not json", {}, "standard input is not JSON"),
    (("--transform", "derive-check"), "[]", {}, "the page is not a node"),
    (("--transform", "derive-check"), '{"type": "root", "children": [{"type": "math", "value": 5}]}', {},
     "the value of node 1 under root (math) is not text"),
    (("--transform", "derive-check"), '{"type": "root", "children": [{"type": "math", "value": "a = a",'
     ' "position": {"start": {"line": "one"}}}]}', {}, "the position of node 1 under root (math)"),
    (("--transform", "derive-check"), "[" * 100000, {}, "standard input is not JSON"),
    (("--directive", "derive"), '"x"', {}, "the directive's data is not an object"),
    (("--transform", "derive-check"), '{"type": "root", "children": []}', {"DERIVE_MYST_BUDGET": "abc"},
     "DERIVE_MYST_BUDGET must be a number of seconds, not 'abc'"),
    (("--transform", "derive-check"), '{"type": "root", "children": []}', {"DERIVE_MYST_BUDGET": "1e12"},
     "DERIVE_MYST_BUDGET must be a number of seconds, not '1e12'"),
    (("--transform", "derive-check"), '{"type": "root", "children": [{"type": "math", "value": "1 = 2",'
     ' "position": {"start": {"line": 1, "column": 1e400}}}]}', {},
     "the page's tree holds a number JSON cannot carry"),
])
def test_bad_input_is_a_one_line_error(args, stdin, env, message):
    code, out, err = plugin(*args, stdin=stdin, env=env)
    assert (code, out) == (2, "") and err.startswith(f"derive-myst: {message}")
    assert len(err.strip().splitlines()) == 1


def test_a_multi_line_comment_holds_one_directive_per_line_as_derive_check_reads_it(tmp_path):
    from derive.frontend import load
    comment = "<!--\nderive: variable x\nderive: density p\n-->"
    tree = {"type": "root", "children": [
        {"type": "html", "value": comment, "position": {"start": {"line": 3}, "end": {"line": 6}}},
        {"type": "math", "value": "\\int p(x) \\, dx = 1",
         "position": {"start": {"line": 8}, "end": {"line": 10}}}]}
    code, out, err = plugin("--transform", "derive-check", stdin=json.dumps(tree),
                            env={"DERIVE_MYST_STRICT": "1"})
    assert code == 0 and err == "" and "admonition" not in out
    (tmp_path / "multi.md").write_text(f"# T\n\n{comment}\n\n$$\n\\int p(x) \\, dx = 1\n$$\n")
    assert [s.kind for s in load(tmp_path / "multi.md").steps] == ["equality"]

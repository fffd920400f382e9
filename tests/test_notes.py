"""Real lecture notes in each format — a LaTeX document with preamble, macros and prose,
a MyST page, a notebook — check with every step's verdict at the right place: the line
(and column) of the step's right-hand side in the document itself, for the notebook the
cell and its line."""

import json

import pytest

from support import EXAMPLES

NOTES = EXAMPLES / "notes"

EXPECTED = {
    "kl.tex": [(27, 17, "verified"), (28, 17, "verified"), (29, 17, "verified"),
               (33, 17, "verified"), (37, 18, "verified"), (45, 16, "refuted"),
               (51, 15, "verified"), (52, 9, "verified"), (52, 23, "verified"),
               (56, 31, "verified")],
    "kl.md": [(16, 11, "verified"), (17, 11, "verified"), (23, 20, "verified"),
              (29, 14, "verified"), (37, 21, "refuted"), (48, 18, "verified"),
              (48, 37, "verified")],
    "kl.ipynb": [((3, 5), 12, "verified"), ((3, 6), 12, "verified"), ((5, 4), 21, "refuted"),
                 ((5, 8), 23, "verified")],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_lecture_notes_check_with_each_verdict_at_its_line(cli, name):
    code, out, err = cli("check", "--format", "json", NOTES / name)
    assert code == 0, err                          # the refuted step is marked as expected
    (result,) = json.loads(out)["derivations"]
    steps = sorted(result["steps"] + result["claims"], key=lambda s: s["index"])
    where = [((s["cell"], s["line"]) if "cell" in s else s["line"], s["column"], s["verdict"]) for s in steps]
    assert where == EXPECTED[name]
    assert result["title"].startswith("Lecture 3")
    refuted = [s for s in steps if s["verdict"] == "refuted"]
    assert [s["expect"] for s in refuted] == ["refuted"]
    assert "D_{KL}" in refuted[0]["lhs_latex"] or "KL" in refuted[0]["lhs_latex"]


def test_each_position_points_at_the_right_hand_side_in_the_source():
    """The column of each step is where its right-hand side starts in the file's own
    text — macros (`\\KL{p}{q}`) and all."""
    lines = (NOTES / "kl.tex").read_text().splitlines()
    starts = [lines[line - 1][column - 1:] for line, column, _ in EXPECTED["kl.tex"]]
    assert starts[0].startswith("-\\E{p}{\\log q(x)}")
    assert starts[2].startswith("\\Ent(p) + \\KL{p}{q}.")
    assert starts[5].startswith("\\KL{q}{p} $$")
    assert starts[8].startswith("\\log 2")

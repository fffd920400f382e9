"""Reports: every format rendered for real — LaTeX built by latexmk, HTML opened in Chromium.

TeX Live, latexmk, poppler and Chromium come from Debian's packages (`.ci/run` installs
them). Locally a missing tool skips its test; under CI (CI set) it fails instead.
"""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from support import EXAMPLES, REPO, write

SEED = EXAMPLES / "gan_mode_collapse.tex"
GOLDEN = REPO / "tests" / "golden"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def need(*tools):
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {missing}")
        pytest.skip(f"not installed: {missing}")


def report(cli, tmp_path, fmt, *files, name=None, exit_code=0):
    out = tmp_path / (name or f"report.{fmt}")
    code, _, err = cli("report", "--format", fmt, "-o", out, *files)
    assert code == exit_code, err
    return out


def ink(png_path):
    """The share of pixels that are not white: 0 for a blank page."""
    from PIL import Image
    image = Image.open(png_path).convert("L")
    return sum(image.histogram()[:200]) / (image.width * image.height)


def test_markdown_report_of_the_seed(cli, tmp_path):
    out = report(cli, tmp_path, "md", SEED)
    text = out.read_text()
    assert "$$\n\\begin{aligned}" in text and "\\newcommand" not in text
    assert "| counterexample | value |" in text and "A + B at θ = 3.3" in text
    assert "](report_files/kl-fits.svg)" in text and (tmp_path / "report_files/kl-fits.svg").exists()
    assert "The seed says the last two terms of C3 are constants" in text       # the C4 caveat
    assert re.search(r"Checked by derive \S+ with SymPy \S+", text)


def test_latex_report_compiles_and_its_pages_are_not_blank(cli, tmp_path):
    need("latexmk", "pdflatex", "pdftoppm")
    out = report(cli, tmp_path, "pdf", SEED)
    assert out.read_bytes().startswith(b"%PDF")
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(out), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) >= 1 and all(ink(p) > 0.005 for p in pages)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Claims" in text and "Figure 1" in text and "refuted" in text


def test_html_report_renders_math_in_a_real_browser(cli, tmp_path):
    need("chromium", "pdftotext")
    out = report(cli, tmp_path, "html", SEED)
    html = out.read_text()
    assert "<math" in html and "<svg" in html
    assert not re.search(r"(src|href)=\"(https?:)?//", html)        # nothing fetched
    shot, printed = tmp_path / "shot.png", tmp_path / "printed.pdf"
    for flag in (f"--screenshot={shot}", f"--print-to-pdf={printed}"):
        subprocess.run(["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
                        "--window-size=1100,1600", flag, out.as_uri()],
                       capture_output=True, timeout=120)
    assert ink(shot) > 0.01
    text = subprocess.run(["pdftotext", str(printed), "-"], capture_output=True, text=True).stdout
    assert "ℒ" in text and "𝜃" in text                 # MathML laid out with math glyphs
    for raw in ("$$", "\\mathbb", "\\frac", "\\left"):
        assert raw not in text


@pytest.mark.parametrize("fmt", ["md", "tex"])
def test_golden_files(cli, tmp_path, monkeypatch, fmt):
    """Updated deliberately: DERIVE_UPDATE_GOLDEN=1 pytest tests/test_reports.py"""
    monkeypatch.chdir(REPO)
    out = report(cli, tmp_path, fmt, Path("examples/gan_mode_collapse.tex"), name=f"gan_mode_collapse.{fmt}")
    text = re.sub(r"derive \S+ (\(SymPy \S+\)|with SymPy \S+)", "derive VERSION", out.read_text())
    golden = GOLDEN / f"gan_mode_collapse.{fmt}"
    if os.environ.get("DERIVE_UPDATE_GOLDEN"):
        golden.write_text(text)
    assert text == golden.read_text()


def test_reports_are_byte_identical(cli, tmp_path):
    need("latexmk", "pdflatex")
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        folder.mkdir()
        for fmt in ("md", "html", "tex", "pdf"):
            report(cli, folder, fmt, SEED, name=f"r.{fmt}")
    names = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert len(names) == 6                          # 4 reports, the SVG and the PDF figure
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


HOSTILE = r"""% derive: title \input{/etc/passwd} \write18{touch /tmp/pwned} <script>alert(1)</script>
% derive: positive a
% derive: note <img src=x onerror=alert(1)> \def\x{y} $x$
$$ \input{etc} a = \write a $$
"""


def test_user_text_and_math_cannot_inject(cli, tmp_path):
    path = write(tmp_path, HOSTILE, "hostile.tex")
    unread = 2                                   # its hostile math is rows derive cannot read
    tex = report(cli, tmp_path, "tex", path, exit_code=unread).read_text()
    body = tex.split("\\begin{document}")[1]
    assert "\\input{" not in body and "\\write18" not in body and "\\def\\x" not in body
    assert "\\texttt{\\textbackslash{}input\\{etc\\} a = \\textbackslash{}write a}" in body
    html = report(cli, tmp_path, "html", path, exit_code=unread).read_text()
    assert "<script>" not in html and "<img" not in html and "&lt;script&gt;" in html
    md = report(cli, tmp_path, "md", path, exit_code=unread).read_text()
    assert "<script>" not in md and "<img" not in md
    if shutil.which("latexmk"):
        pdf = report(cli, tmp_path, "pdf", path, exit_code=unread)
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "root:" not in text and not Path("/tmp/pwned").exists()


def test_pdf_without_tex_is_a_clear_error(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    code, _, err = cli("report", "--format", "pdf", "-o", tmp_path / "r.pdf", SEED)
    assert code == 2 and "needs latexmk" in err and "apt install" in err


def test_templates_ship_with_the_package_and_can_be_replaced(cli, tmp_path):
    from derive.reports.render import template_folder
    assert {"base.j2", "macros.j2", "report.md.j2", "report.tex.j2", "report.html.j2"} <= {
        p.name for p in template_folder().iterdir()}
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "report.md.j2").write_text("{% for d in derivations %}{{ d.title }}: "
                                       "{{ d.summary.verified }} verified{% endfor %}\n")
    out = tmp_path / "r.md"
    code, _, _ = cli("report", "--format", "md", "--templates", mine, "-o", out,
                     EXAMPLES / "kl_definitions.tex")
    assert code == 0 and out.read_text() == "Forward and reverse KL as integrals (claim C6): 2 verified"


def test_the_figure_is_computed_and_its_claim_checked():
    from derive.reports.figures import make
    figure = make("kl-fits", (("modes", "-3,3"), ("sd", "0.5")))
    assert figure.verdict == "verified"
    forward_mean, reverse_mean = (float(x) for x in re.findall(r"mean (-?[\d.]+)", figure.evidence))
    assert abs(forward_mean) < 0.1 and abs(abs(reverse_mean) - 3) < 0.1
    with pytest.raises(ValueError):
        make("kl-fits", (("width", "2"),))


def test_a_bad_figure_request_is_a_positioned_error(cli, tmp_path):
    path = write(tmp_path, "% derive: figure kl-fits modes\n$$ 1 = 1 $$\n")
    code, _, err = cli("check", path)
    assert code == 2 and ":1:" in err and "key=value" in err


UNREAD = r"""% derive: real x
\begin{align}
x + x &= 2x \\
  &= \foo{x}
\end{align}
"""


@pytest.mark.parametrize("fmt", ["md", "tex", "html"])
def test_a_row_derive_cannot_read_is_shown_as_its_source_and_the_exit_is_2(cli, tmp_path, fmt):
    path = write(tmp_path, UNREAD, "notes.tex")
    out = tmp_path / f"r.{fmt}"
    code, _, err = cli("report", "--format", fmt, "-o", out, path)
    assert code == 2 and "notes.tex:4:6: error" in err
    text = out.read_text()
    assert "not read: derive does not read" in text and "undecided: reader" not in text
    source = {"md": "`= \\foo{x}`", "tex": r"\texttt{= \textbackslash{}foo\{x\}}",
              "html": "<code>= \\foo{x}</code>"}[fmt]
    assert source in text                              # shown as text, never typeset as math
    assert re.search(r"1 verified, 0 refuted, 0 undecided, 0 definitions, 1 not read"
                     if fmt == "html" else r"not read", text)


def test_a_report_never_overwrites_its_input(cli, tmp_path, monkeypatch):
    path = write(tmp_path, "% derive: real x\n$$x + x = 2x$$\n", "notes.tex")
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("report", "--format", "tex", "-o", path, path)
    assert code == 2 and "would overwrite its input" in err
    code, _, err = cli("report", "--format", "tex", path)            # the default name
    assert code == 0, err
    assert path.read_text().startswith("% derive: real x")
    assert (tmp_path / "notes.report.tex").read_text().startswith("% Generated by derive")


def test_report_text_survives_each_format(cli, tmp_path):
    """A row with `|` keeps its cell in a Markdown table; letters beyond ASCII are TeX's own
    spellings in LaTeX (never `?`); a counterexample's `cells` is a word and `\\sim` the
    relation ∼ in HTML; a notebook's rows say their cell."""
    pipe = write(tmp_path, "% derive: variable x\n$$ a = |a| + \\det a $$\n", "pipe.tex")
    md = report(cli, tmp_path, "md", pipe, exit_code=2).read_text()
    (row,) = [line for line in md.splitlines() if line.startswith("| 1 |")]
    assert row.endswith("in `a = \\|a\\| + \\det a` |  |") and row.count(" | ") == 3
    uni = write(tmp_path, "% derive: title Über naïve “quotes” θ λ 😀\n% derive: variable x\n"
                          "$$ 1 + 1 = 2 $$\n", "uni.tex")
    tex = report(cli, tmp_path, "tex", uni).read_text()
    assert "\\\"{U}ber na\\\"{\\i{}}ve ``quotes'' $\\theta$ $\\lambda$ ?" in tex
    html = report(cli, tmp_path, "html", SEED, name="seed.html").read_text()
    assert "<td>cells</td>" in html and "<mi>~</mi>" not in html and "<mo>∼</mo>" in html
    md = report(cli, tmp_path, "md", EXAMPLES / "notes" / "kl.ipynb", name="nb.md").read_text()
    assert "| 3 | cell 5, line 4 | refuted (as the file expects)" in md


def test_a_latex_report_with_letters_beyond_ascii_builds(cli, tmp_path):
    need("latexmk", "pdflatex")
    uni = write(tmp_path, "% derive: title Erdős, Łódź, Schrödinger: “θ ≤ 1” — ß æ ο Λ\n"
                          "% derive: variable x\n$$ 1 + 1 = 2 $$\n", "uni.tex")
    pdf = report(cli, tmp_path, "pdf", uni)
    import unicodedata
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    title = unicodedata.normalize("NFC", text.split("\n")[0])
    assert "Erdős" in title and "Schrödinger" in title and "æ" in title and "?" not in title


def test_control_characters_and_prose_reach_no_report_raw(cli, tmp_path):
    """A title with ESC, BEL and DEL is shown with those escaped (`\\x1b`) in every format —
    an `.md` report printed to a terminal replays nothing, a LaTeX build does not fail on
    an invalid character — and the author's prose is printed as written: only engine
    messages have SymPy's `oo` made readable (a title "A zoo: oo many" stays so)."""
    path = write(tmp_path, "% derive: title Hi \x1b]0;pwned\x07 \x7f zoo: oo many\n"
                           "% derive: real a\n\\[ a = a \\]\n", "esc.tex")
    for fmt in ("md", "html", "tex"):
        text = report(cli, tmp_path, fmt, path).read_text()
        assert not any(ch in text for ch in "\x1b\x07\x7f"), fmt
        assert "x1b" in text and "x7f" in text, fmt
        assert "zoo" in text and "oo many" in text and "complex" not in text, fmt
    if shutil.which("latexmk"):
        report(cli, tmp_path, "pdf", path)


def test_a_report_that_cannot_be_written_is_a_clear_error(cli, tmp_path):
    """A folder as -o (or no such place, a full disk) is the user's to fix: a message and
    exit 2, never "internal error, please report it"."""
    path = write(tmp_path, "% derive: real a\n\\[ a = a \\]\n", "w.tex")
    code, _, err = cli("report", "--format", "md", "-o", tmp_path, path)
    assert code == 2 and "cannot write the report to" in err and "internal" not in err


def test_a_templates_folder_that_does_not_exist_is_a_usage_error(cli, tmp_path):
    """A mistyped --templates would fall back to the bundled templates without a word."""
    import sys
    path = write(tmp_path, "% derive: real a\n\\[ a = a \\]\n", "t.tex")
    proc = subprocess.run([sys.executable, "-m", "derive", "report", "--format", "md",
                           "--templates", str(tmp_path / "nope"), str(path)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "no such folder" in proc.stderr


CONDITIONED = ("% derive: real x\n\\begin{align*}\n\\sqrt{x^2} &= x && (x > 0) \\\\\n"
               "&= |x| \\quad \\text{for } |x| > 0\n\\end{align*}\n")


@pytest.mark.parametrize("fmt, shown", [
    ("md", ["| under $x \\gt  0$: verified", "| under $\\|x\\| \\gt  0$, $x \\gt  0$: verified"]),
    ("tex", ["under $x > 0$: verified", "under $|x| > 0$, $x > 0$: verified"]),
    ("html", ["under <math", "<mo>&gt;</mo><mn>0</mn></mrow></math>: verified"]),
])
def test_a_steps_own_conditions_are_shown_beside_its_verdict(cli, tmp_path, fmt, shown):
    """√(x²) = x is verified under x > 0 only: every output says so beside the verdict —
    shown bare, a reader sees a false statement marked verified (atkT round 37)."""
    path = write(tmp_path, CONDITIONED, "c.tex")
    code, out, _ = cli("check", "--format", "json", "--no-cache", path)
    steps = json.loads(out)["derivations"][0]["steps"]
    assert [s["hypotheses"] for s in steps] == [["x > 0"], ["|x| > 0", "x > 0"]]   # the chain's
    code, out, _ = cli("check", "--no-cache", path)
    assert "under: x > 0" in out and "under: |x| > 0" in out
    report = tmp_path / f"r.{fmt}"
    cli("report", "--format", fmt, "-o", report, path)
    text = report.read_text()
    assert all(s in text for s in shown), text

"""The Sphinx extension in a real `sphinx-build` of a small MyST notes project: verdict
marks beside each row in the HTML (looked at in Chromium), counterexamples in a
collapsible note, a refuted step a warning that `-W` turns into a failed build."""

import re
import subprocess
import sys
import textwrap

import pytest

from test_reports import CHROMIUM_FLAGS, need

pytest.importorskip("sphinx")
pytest.importorskip("myst_parser")

CONF = """\
project = "Notes"
extensions = ["myst_parser", "derive.sphinx"]
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence"]
html_theme = "alabaster"
"""
INDEX = "# Lecture notes\n\n```{toctree}\nkl\nprose\n```\n"
KL = r"""---
derive:
  - variable x
  - density p, q
---
# Cross-entropy and KL

The cross-entropy splits into entropy and KL:

$$
H(p, q) &= -\int p(x) \log q(x) \, dx \\
        &= H(p) + D_{KL}(p \| q)
$$

KL is not symmetric:

<!-- derive: expect refuted -->
```{math}
:label: asymmetry
D_{KL}(p \| q) = D_{KL}(q \| p)
```

By Gibbs' inequality, $D_{KL}(p \| q) \ge 0$:

$$ D_{KL}(p \| q) \ge 0 $$
"""
PROSE = "# Prose only\n\nNo math to check here, $x$ inline only.\n"


def build(tmp_path, kl=KL, conf=CONF, strict=True):
    src = tmp_path / "src"
    src.mkdir(exist_ok=True)
    (src / "conf.py").write_text(conf)
    (src / "index.md").write_text(INDEX)
    (src / "kl.md").write_text(textwrap.dedent(kl))
    (src / "prose.md").write_text(PROSE)
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", "-E",
                           *(["-W"] if strict else []), str(src), str(out)],
                          capture_output=True, text=True, timeout=300)
    return proc, out


def test_a_right_page_builds_under_W_with_a_mark_beside_each_row(tmp_path):
    proc, out = build(tmp_path)
    assert proc.returncode == 0, proc.stderr
    html = (out / "kl.html").read_text()
    rows = re.findall(r'<tr class="derive-row derive-(\w+)">', html)
    assert rows == ["verified", "verified", "refuted", "verified"]
    marks = re.findall(r'<span class="derive-mark derive-(\w+)( derive-expected)?"', html)
    assert marks == [("verified", ""), ("verified", ""), ("refuted", " derive-expected"), ("verified", "")]
    assert html.count('<details class="derive-note derive-expected">') == 1
    assert 'id="equation-asymmetry"' in html and "(1)" in html      # the label still works
    assert "derive-display" not in (out / "prose.html").read_text()


def test_a_wrongly_changed_step_fails_the_build_under_W(tmp_path):
    wrong = KL.replace("H(p) + D_{KL}(p \\| q)", "H(p) + D_{KL}(q \\| p)")
    proc, out = build(tmp_path, wrong)
    assert proc.returncode != 0
    assert re.search(r"kl\.md:12: WARNING: derive: step 2 is refuted: .*D_\{KL\}\(q \\\| p\)", proc.stderr)
    proc, out = build(tmp_path, wrong, strict=False)
    assert proc.returncode == 0
    html = (out / "kl.html").read_text()
    note = re.search(r'<details class="derive-note derive-refuted"><summary>(.*?)</summary>(.*?)</details>',
                     html, re.S)
    assert note.group(1) == "✗ step 2 refuted: counterexample"
    assert "<td>p</td>" in note.group(2) and "<td>difference</td>" in note.group(2)


def test_unreadable_math_is_a_positioned_warning(tmp_path):
    proc, _ = build(tmp_path, KL.replace("$$ D_{KL}(p \\| q) \\ge 0 $$", "$$ D_{KL}(p \\| q) \\ge + * $$"))
    assert proc.returncode != 0
    assert "kl.md:25: WARNING: derive: line 25, column 25: unexpected '*'" in proc.stderr
    assert "  $$ D_{KL}(p \\| q) \\ge + * $$\n" + " " * 26 + "^" in proc.stderr


def test_marked_mode_checks_only_derive_blocks(tmp_path):
    page = KL.replace("$$ D_{KL}(p \\| q) \\ge 0 $$", "```{derive}\nD_{KL}(p \\| q) \\ge 0\n```") \
             .replace("D_{KL}(p \\| q) = D_{KL}(q \\| p)", "a = + *")       # not checked now
    page = page.replace("By Gibbs'", "$$ 0 $$\n\nBy Gibbs'")         # math the derive block holds
    proc, out = build(tmp_path, page, CONF + 'derive_check = "marked"\n')
    assert proc.returncode == 0, proc.stderr
    html = (out / "kl.html").read_text()
    assert re.findall(r'<tr class="derive-row derive-(\w+)">', html) == ["verified"]
    assert html.index('<div class="derive-display">') > html.index("Gibbs")   # on the derive block only
    proc, _ = build(tmp_path, page, CONF + 'derive_check = "markd"\n')
    assert proc.returncode != 0 and "derive_check must be one of" in proc.stderr


def test_the_screenshot_shows_the_marks(tmp_path):
    need("chromium")
    proc, out = build(tmp_path, KL.replace("H(p) + D_{KL}(p \\| q)", "H(p) + D_{KL}(q \\| p)"), strict=False)
    shot = tmp_path / "sphinx-shot.png"
    subprocess.run(["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
                    "--window-size=900,900", f"--screenshot={shot}", (out / "kl.html").as_uri()],
                   capture_output=True, timeout=120)
    from PIL import Image
    image = Image.open(shot).convert("RGB")
    data = image.tobytes()
    pixels = [tuple(data[i:i + 3]) for i in range(0, len(data), 3)]
    green = sum(1 for r, g, b in pixels if g > 100 and r < 60 and b < 90)     # ✓ #1a7f37
    red = sum(1 for r, g, b in pixels if r > 180 and g < 70 and b < 80)       # ✗ #cf222e
    blue = sum(1 for r, g, b in pixels if b > 180 and r < 40 and g < 130)     # expected ✗ #0969da
    assert green > 15 and red > 10 and blue > 5
    # the marks sit to the right of the math (which is centred), the two rows' in one column
    def xs(test):
        return [i % image.width for i, p in enumerate(pixels) if test(*p)]
    greens, reds = xs(lambda r, g, b: g > 100 and r < 60 and b < 90), xs(lambda r, g, b: r > 180 and g < 70 and b < 80)
    assert min(greens) > image.width / 2 and abs(max(greens) - max(reds)) < 6


def build_project(tmp_path, pages, conf=CONF, fresh=True, strict=True):
    """sphinx-build (-W) of `pages` ({name: text}); `fresh=False` keeps the last build."""
    src = tmp_path / "src"
    src.mkdir(exist_ok=True)
    for name, text in {"conf.py": conf, **pages}.items():
        if not (src / name).exists() or (src / name).read_text() != text:   # unchanged: not new
            (src / name).write_text(text)
    proc = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q",
                           *(["-W"] if strict else []), *(["-E"] if fresh else []),
                           str(src), str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=300)
    return proc, tmp_path / "out"


INCLUDING = "# Inc\n\nfiller\n\n$$\n1 + 1 = 2\n$$\n\n```{include} part.md\n```\n"
PART = "# Part\n\nfiller\n\n$$\na + b = b + a%s\n$$\n"
INCLUDE_CONF = CONF + 'exclude_patterns = ["part.md"]\n'


@pytest.mark.parametrize("part, rows", [(PART % "", ["verified", "verified"]),
                                        (PART % " + 1", ["verified", "refuted"])])
def test_included_math_is_checked_in_its_own_file(tmp_path, part, rows):
    # part.md's display stands on line 5, as index.md's does: each keeps its own math
    proc, out = build_project(tmp_path, {"index.md": INCLUDING, "part.md": part}, INCLUDE_CONF)
    html = (out / "index.html").read_text()
    assert re.findall(r'<tr class="derive-row derive-(\w+)">', html) == rows
    if rows[-1] == "refuted":
        assert proc.returncode != 0
        assert re.search(r"part\.md:6: WARNING: derive: step 1 is refuted: a \+ b = b \+ a \+ 1",
                         proc.stderr)
    else:
        assert proc.returncode == 0, proc.stderr


def test_a_kept_build_still_fails_under_W(tmp_path):
    wrong = {"index.md": INDEX, "kl.md": KL.replace("H(p) + D_{KL}(p \\| q)", "H(p) + D_{KL}(q \\| p)"),
             "prose.md": PROSE}
    proc, _ = build_project(tmp_path, wrong, strict=False)       # a cached _build
    assert proc.returncode == 0 and "derive: step 2 is refuted" in proc.stderr
    for _ in range(2):
        proc, _ = build_project(tmp_path, wrong, fresh=False)
        assert proc.returncode != 0 and "derive: step 2 is refuted" in proc.stderr
    proc, _ = build_project(tmp_path, {"kl.md": KL}, fresh=False)     # fixed: the build passes
    assert proc.returncode == 0, proc.stderr

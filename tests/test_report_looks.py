"""Reports looked at, not only read: the Markdown through a real Markdown parser, the PDF
through poppler (page size, text, pages with ink), the HTML laid out by Chromium and
measured (the subscript of arg max under it, a space after log, each claim's evidence
right below the claim)."""

import json
import re
import subprocess

from support import EXAMPLES, write
from test_reports import CHROMIUM_FLAGS, ink, need, report

SEED = EXAMPLES / "gan_mode_collapse.tex"
NOTES = r"""% derive: title Bars | and infinities
% derive: variable x
% derive: density p, q
% derive: positive a, b
% derive: note KL(p | q) is not KL(q | p): the bar is a bar, not a dash.
\[ D_{KL}(p \| q) \ge 0 \]
\begin{gather*}
\lim_{t \to 0^+} \frac{1}{t} = +\infty \\
\arg\max_{y \in (0, 1)} a \log y + b \log(1 - y) = \frac{a}{a + b}
\end{gather*}
"""


def test_markdown_lists_one_item_per_assumption_and_keeps_code_literal(cli, tmp_path):
    from markdown_it import MarkdownIt
    out = report(cli, tmp_path, "md", SEED)
    tokens = MarkdownIt("commonmark").parse(out.read_text())
    first_list = tokens.index(next(t for t in tokens if t.type == "bullet_list_open"))
    close = tokens.index(next(t for t in tokens[first_list:] if t.type == "bullet_list_close"))
    items = [t for t in tokens[first_list:close] if t.type == "list_item_open"]
    _, json_out, _ = cli("check", "--format", "json", SEED)
    seed = json.loads(json_out)["derivations"][0]
    assert len(items) == len(seed["assumptions"]) + len(seed["definitions"]) == 7
    code = [c.content for t in tokens if t.type == "inline" for c in t.children if c.type == "code_inline"]
    assert code == [str(SEED)] and "\\" not in code[0]


def test_latex_report_bars_infinities_and_paper(cli, tmp_path):
    need("latexmk", "pdflatex", "pdftotext", "pdfinfo", "pdftoppm")
    path = write(tmp_path, NOTES, "bars.tex")
    sizes = {}
    for paper in ("a4", "letter"):
        out = tmp_path / f"{paper}.pdf"
        code, _, err = cli("report", "--format", "pdf", "--paper", paper, "-o", out, path)
        assert code == 0, err
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
        sizes[paper] = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups()
    assert sizes == {"a4": ("595.276", "841.89"), "letter": ("612", "792")}
    text = subprocess.run(["pdftotext", str(tmp_path / "a4.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Bars | and infinities" in text and "KL(p | q) is not KL(q | p)" in text
    assert "—" not in text.split("Bars", 1)[1].split("\n", 1)[0]
    assert not re.search(r"(?<!\w)-?oo(?!\w)", text)          # SymPy's oo never raw
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(tmp_path / "a4.pdf"), str(tmp_path / "page")], check=True)
    assert all(ink(page) > 0.003 for page in tmp_path.glob("page*.png"))


PROBE = """
<script>
const box = e => e.getBoundingClientRect();
const out = {under: [], log: [], claims: []};
for (const u of document.querySelectorAll('munder')) {
  const b = box(u.children[0]), s = box(u.children[1]);
  out.under.push({name: u.children[0].textContent, below: s.top - b.bottom,
                  inside: s.left >= b.left - 1 && s.right <= b.right + 30});
}
for (const mo of document.querySelectorAll('mo')) {
  if (mo.textContent !== 'log') continue;
  let next = mo.nextElementSibling;
  while (next && next.tagName.toLowerCase() === 'mspace') next = next.nextElementSibling;
  if (!next || next.textContent === '(') continue;
  out.log.push(box(next).left - box(mo).right);
}
for (const row of document.querySelectorAll('tr.claim')) {
  const next = row.nextElementSibling;
  out.claims.push({evidence: !!next && next.classList.contains('evidence') && next.textContent.trim().length > 0,
                   gap: next ? box(next).top - box(row).bottom : 999});
}
out.refuted = [...document.querySelectorAll('td.mark.refuted')].map(e => getComputedStyle(e).color);
document.body.insertAdjacentHTML('beforeend', '<pre id="probe">' + JSON.stringify(out) + '</pre>');
</script>
"""


def laid_out(html_path, tmp_path):
    """What Chromium measured in the report (see PROBE)."""
    probe = tmp_path / "probe.html"
    probe.write_text(html_path.read_text().replace("</body>", PROBE + "</body>"))
    dom = subprocess.run(["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
                          "--dump-dom", "--virtual-time-budget=5000", probe.as_uri()],
                         capture_output=True, text=True, timeout=120).stdout
    return json.loads(re.findall(r'<pre id="probe">(.*?)</pre>', dom)[-1])


def test_html_operators_subscripts_and_evidence_in_a_browser(cli, tmp_path):
    need("chromium")
    out = report(cli, tmp_path, "html", SEED, write(tmp_path, NOTES, "bars.tex"))
    measured = laid_out(out, tmp_path)
    arg_max = [u for u in measured["under"] if u["name"].replace("\u2009", " ") == "arg max"]
    assert len(arg_max) == 2 and all(u["below"] >= -1 and u["inside"] for u in arg_max)
    assert measured["log"] and min(measured["log"]) >= 1.5          # px between log and x
    assert len(measured["claims"]) == 9
    assert all(c["evidence"] and c["gap"] < 4 for c in measured["claims"])
    assert "oo" not in re.sub(r"<[^>]+>", " ", out.read_text()).split()
    assert measured["refuted"] == ["rgb(9, 105, 218)"] * 2   # the seed's expected C4s: blue, not red

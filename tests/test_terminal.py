"""Terminal output: fits the width, ends a multi-file run with a grand total, does not
paint an expected verdict as a failure, escapes control characters, tolerates new fields."""

import json
import re

from support import EXAMPLES, write
from derive.interfaces import terminal
from derive.interfaces.suggest import did_you_mean

SEED = EXAMPLES / "gan_mode_collapse.tex"
ANSI = re.compile(r"\033\[[0-9;]*m")


def test_every_line_fits_the_terminal(cli, monkeypatch):
    for columns in (60, 100):
        monkeypatch.setenv("COLUMNS", str(columns))
        _, out, _ = cli("check", "--color", "always", SEED)
        lines = [ANSI.sub("", line) for line in out.splitlines()]
        assert max(map(len, lines)) <= columns
        assert any(len(line) > columns - 5 for line in lines)     # and uses the room it has


def test_a_multi_file_run_ends_with_a_grand_total(cli):
    code, out, _ = cli("check", SEED, EXAMPLES / "claims.tex", EXAMPLES / "kl_definitions.tex")
    assert code == 0
    assert out.rstrip().splitlines()[-1] == (
        "3 files: 22 verified, 2 refuted as expected, 0 undecided (1 definition)")


def test_an_expected_refutation_is_not_painted_as_a_failure(cli, tmp_path):
    _, out, _ = cli("check", "--color", "always", SEED)
    refuted_lines = [line for line in out.splitlines() if "✗ refuted" in line]
    assert len(refuted_lines) == 2
    for line in refuted_lines:
        assert "\033[34m" in line and "\033[31m" not in line
    assert "\033[31m" not in out                       # nothing red: nothing failed
    plain = write(tmp_path, SEED.read_text().replace("% derive: expect refuted\n", ""))
    _, out, _ = cli("check", "--color", "always", plain)
    assert "\033[31m✗ refuted" in out and "\033[31m2 refuted\033[0m" in out


def test_control_characters_in_user_text_are_escaped(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    path = write(tmp_path, "% derive: title Evil \x1b[2J\x1b]0;pwned\x07 title \u202eesrever\n"
                           "% derive: positive a\n$$ a = a $$\n")
    _, out, _ = cli("check", "--color", "never", path)
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "Evil \\x1b[2J\\x1b]0;pwned\\x07 title \\u202eesrever" in out
    code, _, err = cli("check", write(tmp_path, "$$ a = \x1b[31m $$\n", "bad.tex"))
    assert code == 2 and "\x1b" not in err and "\\x1b" in err


def test_unknown_fields_and_an_error_verdict_render(cli):
    _, out, _ = cli("check", "--format", "json", EXAMPLES / "kl_definitions.tex")
    result = json.loads(out)["derivations"][0]
    step = dict(result["steps"][0], verdict="error", message="cannot read \\foo here",
                reading="KL(p, q)", future_field=[1, 2])
    result = dict(result, steps=[step], summary=dict(result["summary"], error=1))
    text = terminal.render_result(result, terminal.Style(False), 80, reading=True)
    assert "! error" in text and "cannot read \\foo here" in text and "read as: KL(p, q)" in text
    assert "1 unreadable" in text


def test_did_you_mean():
    assert did_you_mean("densty", ["density", "define", "real"]) == "; did you mean 'density'?"
    assert did_you_mean("zzz", ["density", "define"]) == ""


def test_sympy_infinity_is_shown_as_infinity(cli, tmp_path):
    path = write(tmp_path, "% derive: real t\n$$ \\lim_{t \\to 0^+} \\frac{1}{t} = 5 $$\n", "lim.tex")
    code, out, _ = cli("check", "--no-cache", path)
    assert code == 1 and "the limit is ∞, not 5" in out and "difference           = the limit is ∞" in out
    assert not re.search(r"(?<![\w.])oo(?!\w)", out)


def test_short_lines_skip_textwrap_without_changing_a_character():
    """`_wrapped` returns a line that fits as it is, and leaves to textwrap what it would
    change: trailing Unicode spaces, control and format characters, empty text."""
    import textwrap
    texts = ["a b", " lead", "x\u00a0", "x \u2003", "tab\there", "bidi\u202ex", "joiner\u200dx", "",
             "\u00a0", "y" * 79, "y" * 80, "two  spaces", "line\u2028sep"]
    for text in texts:
        for columns, indent in ((60, 2), (97, terminal.INDENT), (40, terminal.INDENT + 2)):
            expected_lines = textwrap.wrap(terminal.printable(text), max(columns - indent, 20),
                                           break_long_words=True)
            assert terminal._wrapped(text, columns, indent) == [" " * indent + line
                                                                 for line in expected_lines]
    assert terminal.printable("é ≤ ∞") == "é ≤ ∞"
    assert terminal.printable("a\u00a0\u202eb\x1b") == "a\u00a0\\u202eb\\x1b"


def test_a_checked_definition_shows_how_it_was_checked(cli, tmp_path):
    """`… := H(p)` restates a quantity derive reads (`Step.restated`): its line says how the
    agreement was shown; a plain definition's line says nothing of the kind."""
    text = ("% derive: variable x\n% derive: density p\n"
            "$$ -\\int p(x) \\log p(x) dx := H(p) $$\n$$ c := 2 $$\n")
    _, out, _ = cli("check", "--no-cache", write(tmp_path, text))
    lines = out.splitlines()
    at = [k for k, line in enumerate(lines) if "≔ definition" in line]
    assert len(at) == 2
    assert "normal form" in lines[at[0] + 1] and lines[at[1] + 1].strip() == "line 4:9"

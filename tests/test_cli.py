"""`derive check`: output, exit codes, JSON schema, determinism, errors without tracebacks."""

import json
import os
import subprocess
import sys
import time

import pytest

from derive import checker
from derive.interfaces import json_output

from support import EXAMPLES, write

SEED = EXAMPLES / "gan_mode_collapse.tex"
ORIGINAL_READ = checker._read
ORIGINAL_RESULT = checker.Result
ORIGINAL_RESULT_DICT = json_output.result_dict


def test_seed_passes_with_its_loose_claim_c4_refuted_as_the_file_expects(cli, tmp_path):
    code, out, _ = cli("check", SEED)
    assert code == 0
    assert out.count("✓ verified") == 12 and out.count("✗ refuted") == 2
    assert out.count("refuted as the file expects") == 2          # C4, D* moving and fixed
    assert "12 verified, 2 refuted as expected, 0 undecided (1 definition)" in out
    # without the expectation, the loose claim fails the run
    plain = write(tmp_path, SEED.read_text().replace("% derive: expect refuted\n", ""))
    assert cli("check", plain)[0] == 1


def test_a_fully_verified_file_exits_0(cli):
    code, out, _ = cli("check", EXAMPLES / "kl_definitions.tex")
    assert code == 0 and "2 verified, 0 refuted, 0 undecided" in out


def test_refuted_step_shows_counterexample_and_exits_1(cli, tmp_path):
    text = SEED.read_text().replace(r"+2 D_{\mathrm{JS}}", r"+D_{\mathrm{JS}}")
    code, out, _ = cli("check", write(tmp_path, text))
    assert code == 1
    assert "✗ refuted" in out and "counterexample:" in out
    assert "p_{r} = (" in out and "p_{\\theta} = (" in out
    assert "left side  =" in out and "right side =" in out and "difference =" in out


def test_undecided_exits_1(cli, tmp_path):
    # true for positive t, and beyond the normal form and SymPy's simplification
    path = write(tmp_path, "% derive: positive t\n"
                 "$$ \\arctan t + \\arctan \\frac{1}{t} = \\frac{\\pi}{2} $$\n")
    code, out, _ = cli("check", path)
    assert code == 1 and "? undecided" in out


def test_unusable_input_exits_2_with_position_and_caret(cli, tmp_path):
    path = write(tmp_path, "% derive: variable x\n$$ a = b + * c $$\n")
    code, _, err = cli("check", path)
    assert code == 2
    first, shown, caret = err.splitlines()[:3]
    assert first.startswith(f"{path}:2:")
    assert "expected" in first
    column = int(first.split(":")[2])
    assert caret.index("^") - 2 == column - 1          # caret under the column
    assert shown.strip() == "$$ a = b + * c $$"


def test_missing_file_exits_2(cli, tmp_path):
    code, _, err = cli("check", tmp_path / "nope.tex")
    assert code == 2 and "cannot read" in err


def test_unknown_directive_is_an_error(cli, tmp_path):
    code, _, err = cli("check", write(tmp_path, "% derive: densty p\n$$ a = a $$\n"))
    assert code == 2 and "unknown directive 'densty'" in err


def test_the_header_lists_what_every_step_assumes_and_defines_in_order(cli, tmp_path):
    text = ("% derive: real x\n% derive: define f(x) = x^2\n$$ f(x) = x \\cdot x $$\n"
            "% derive: define g(x) = x^3\n$$ g(x) = x^3 $$\n% derive: positive y\n"
            "$$ \\log(y^2) = 2\\log y $$\n")
    code, out, _ = cli("check", "--format", "json", write(tmp_path, text))
    first = json.loads(out)["derivations"][0]
    assert code == 0 and first["definitions"] == ["f(x) = x^2", "g(x) = x^3"]
    assert [a["subject"] + " " + a["text"] for a in first["assumptions"]] == [
        "x is real", "y is positive"]


def test_json_schema(cli):
    code, out, _ = cli("check", "--format", "json", SEED, EXAMPLES / "kl_definitions.tex")
    assert code == 0
    data = json.loads(out)
    assert data["schema"] == 2 and data["errors"] == []
    first = data["derivations"][0]
    assert set(first) == {"file", "title", "assumptions", "definitions", "figures", "steps",
                          "claims", "chains", "conclusions", "summary"}
    assert [(c["from"], c["to"], c["relation"], c["proved"]) for c in first["conclusions"]] == [
        (2, 5, "=", True), (7, 8, "<=", True)]
    assert [s["index"] for s in first["steps"]] == [1, 2, 3, 4, 5, 7, 8, 15]
    assert [s["verdict"] for s in first["steps"]] == ["definition"] + ["verified"] * 7
    assert [(c["index"], c["kind"], c["verdict"]) for c in first["claims"]] == [
        (6, "optimiser", "verified")] + [(i, "limit", "verified") for i in (9, 10, 11, 12)] + [
        (13, "optimisation", "refuted"), (14, "optimisation", "refuted")]
    for step in first["steps"] + first["claims"]:
        assert {"index", "latex", "verdict", "method", "seconds", "counterexample", "line",
                "column", "kind", "relation", "lhs_latex", "justification", "hypotheses", "detail",
                "expect", "note", "reading", "message", "source_line"} == set(step)
    assert first["claims"][5]["counterexample"]["labels"] == ["A + B at θ = 0.3",
                                                              "A + B at θ = 3.3"]
    assert first["chains"][0] == {"steps": [1, 2, 3, 4, 5], "relation": "="}
    assert first["summary"] == {"verified": 12, "refuted": 2, "undecided": 0, "definition": 1,
                                "error": 0, "total": 15}


def test_json_is_deterministic_apart_from_timings(cli, tmp_path):
    mutated = write(tmp_path, SEED.read_text().replace(r"-2 \log 2-", r"-2 \log 4-"))

    def run():
        code, out, _ = cli("check", "--format", "json", SEED, mutated)
        data = json.loads(out)
        for d in data["derivations"]:
            for s in d["steps"] + d["claims"]:
                s.pop("seconds")
        return code, data

    assert run() == run()


def test_no_traceback_from_the_real_process(tmp_path):
    bad = write(tmp_path, "steps: !!python/object/apply:os.system ['true']\n", "bad.yaml")
    proc = subprocess.run([sys.executable, "-m", "derive", "check", str(bad)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "not allowed" in proc.stderr
    help_text = subprocess.run([sys.executable, "-m", "derive", "check", "--help"],
                               capture_output=True, text=True, timeout=60).stdout
    assert "exit codes" in help_text and "--budget" in help_text


def run_derive(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "derive", *map(str, args)], capture_output=True,
                          text=True, timeout=60, **kwargs)


@pytest.mark.parametrize("option,value", [
    ("--budget", "inf"), ("--budget", "nan"), ("--budget", "1e999"), ("--budget", "-1"),
    ("--budget", "0"), ("--budget", "3601"), ("--budget", "soon"),
    ("-j", "0"), ("-j", "-1"), ("-j", "1.5"), ("-j", "65"), ("--seed", "1e999")])
def test_bad_option_values_are_one_line_and_exit_2(tmp_path, option, value):
    path = write(tmp_path, "% derive: real a, b\n$$ e^{a} e^{b} = e^{a + b} $$\n")
    proc = run_derive("check", option, value, path)
    assert proc.returncode == 2 and proc.stdout == ""
    (line,) = proc.stderr.splitlines()
    assert line.startswith("derive check: error: argument") and repr(value) in line


def test_a_closed_output_pipe_ends_quietly(tmp_path):
    """`derive check … | head -1`: the reader goes away; no traceback, no BrokenPipeError."""
    files = [write(tmp_path, f"% derive: positive a\n$$ a + {i} = {i} + a $$\n", f"d{i}.tex")
             for i in range(40)]
    proc = subprocess.Popen([sys.executable, "-m", "derive", "check", "--no-cache", *map(str, files)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=60) in (0, 1)
    assert first.startswith(str(files[0])) and err == ""


INTERRUPTED = """
import os, sys, time
import derive.checker

def slow(report, *args):
    open(os.environ["DERIVE_TEST_READY"], "w").close()     # the step has started
    time.sleep(60)

derive.checker.decide_step = slow
from derive.interfaces.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_an_interrupt_is_one_line_and_exit_130(tmp_path):
    import signal
    path = write(tmp_path, "% derive: positive a\n$$ a = a $$\n")
    ready = tmp_path / "ready"
    proc = subprocess.Popen([sys.executable, "-c", INTERRUPTED, "check", "--no-cache", "--budget",
                             "100", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, DERIVE_TEST_READY=str(ready)),
                            # an ignored SIGINT is inherited through exec (some test of this
                            # session may leave it so), and Python then never raises it
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60          # a loaded machine may take long to start it
    while not ready.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 130 and err == "derive: interrupted\n" and out == ""


def _crash_while_reading(report, path, content):
    if os.path.basename(path) == "crash.tex":
        os._exit(5)
    return ORIGINAL_READ(report, path, content)


def test_one_crashing_file_does_not_lose_the_others(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(checker, "_read", _crash_while_reading)   # the workers fork after this
    good = [write(tmp_path, f"% derive: positive a\n$$ a + {i} = {i} + a $$\n", f"good{i}.tex")
            for i in range(3)]
    crash = write(tmp_path, "% derive: positive a\n$$ a = a $$\n", "crash.tex")
    code, out, err = cli("check", "-j", "2", good[0], crash, good[1], good[2])
    assert code == 2
    assert [line.split(" — ")[0] for line in out.splitlines() if " — " in line] == list(map(str, good))
    (line,) = err.splitlines()
    assert line == (f"{crash}: error: internal error while reading this file (the worker "
                    "process exited with status 5), please report it")


def test_files_and_errors_are_reported_in_the_order_given(cli, tmp_path):
    files = [write(tmp_path, "$$ a = ( $$\n", "bad1.tex"),
             write(tmp_path, "% derive: positive a\n$$ a = a $$\n", "good1.tex"),
             tmp_path / "missing.tex",
             write(tmp_path, "% derive: positive a\n$$ 2 a = a + a $$\n", "good2.tex")]
    code, out, err = cli("check", "-j", "2", "--format", "json", *files)
    assert code == 2
    data = json.loads(out)
    # an unreadable row is its file's step with the verdict "error"; an unreadable file
    # is an error of the run
    assert [d["file"] for d in data["derivations"]] == [str(files[0]), str(files[1]),
                                                        str(files[3])]
    assert data["derivations"][0]["steps"][0]["verdict"] == "error"
    assert [e["file"] for e in data["errors"]] == [str(files[2])]
    assert [line.split(":")[0] for line in err.splitlines() if ": error: " in line] == [
        str(files[0]), str(files[2])]


def test_an_error_of_ours_after_checking_is_that_files_error(cli, tmp_path, monkeypatch):
    def result(derivation, steps):
        if derivation.file.endswith("bad1.tex"):
            raise RuntimeError("while gathering")
        return ORIGINAL_RESULT(derivation, steps)

    def result_dict(result):
        if result.derivation.file.endswith("bad2.tex"):
            raise RuntimeError("while serialising")
        return ORIGINAL_RESULT_DICT(result)

    monkeypatch.setattr(checker, "Result", result)
    monkeypatch.setattr(json_output, "result_dict", result_dict)
    names = ["good1.tex", "bad1.tex", "bad2.tex", "good2.tex"]
    files = [write(tmp_path, "% derive: positive a\n$$ a + 1 = 1 + a $$\n", name) for name in names]
    code, out, err = cli("check", "-j", "2", *files)
    assert code == 2 and out.count("1 verified") == 2
    assert err.splitlines() == [
        f"{files[1]}: error: internal error (RuntimeError: while gathering), please report it",
        f"{files[2]}: error: internal error (RuntimeError: while serialising), please report it"]


def test_an_error_of_ours_while_printing_is_one_line(cli, tmp_path, monkeypatch):
    from derive.interfaces import terminal
    original = terminal.render_result

    def render_result(result, style, **options):
        if result["file"].endswith("bad.tex"):
            raise KeyError("verdict")
        return original(result, style, **options)

    monkeypatch.setattr(terminal, "render_result", render_result)
    files = [write(tmp_path, "% derive: positive a\n$$ a + 1 = 1 + a $$\n", name)
             for name in ("bad.tex", "good.tex")]
    code, out, err = cli("check", *files)
    assert code == 2 and "good.tex" in out and "bad.tex" not in out
    assert err == f"{files[0]}: error: internal error (KeyError: 'verdict'), please report it\n"
    monkeypatch.setattr(terminal, "Style", None)            # now even the whole run fails
    code, out, err = cli("check", *files)
    assert code == 2 and out == ""
    assert err == "derive: internal error (AttributeError: 'NoneType' object has no attribute 'for_stream'), please report it\n"
